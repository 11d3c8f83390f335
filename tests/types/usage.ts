// Compile-only checks of the published .d.ts against real usage (run by tests/packaging/run.mjs
// with `tsc --noEmit` inside a project that installed the packed tarball).
import { generateToken, TokenError, TokenGenerator } from 'vonage-video-token';
import type { Role, TokenErrorCode, TokenOptions, TokenType } from 'vonage-video-token';
import { generateTokenAt, generatorTokenAt, wasmMemoryBytes, wasmMemoryCopy } from 'vonage-video-token/testing';

declare const env: { API_KEY: string; API_SECRET: string };
const sessionId = '1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4';

const role: Role = 'publisheronly';
const tokenType: TokenType = 'T1';
const options: TokenOptions = { role, tokenType, expireTime: new Date(), data: 'x', initialLayoutClassList: ['a', 'b'] };
const token: string = generateToken(env.API_KEY, env.API_SECRET, sessionId, options);
generateToken(123456, env.API_SECRET, sessionId);
generateToken(123456, env.API_SECRET, sessionId, null);
generateToken(123456, env.API_SECRET, sessionId, { expireTime: 1_700_000_000, initialLayoutClassList: 'focus' });
// A read-only (or frozen) list of classes is accepted, as it is at run time.
generateToken(123456, env.API_SECRET, sessionId, { initialLayoutClassList: ['focus', 'main'] as const });
const frozen: readonly string[] = Object.freeze(['focus']);
generateToken(123456, env.API_SECRET, sessionId, { initialLayoutClassList: frozen });

// @ts-expect-error roles are a closed set
generateToken(env.API_KEY, env.API_SECRET, sessionId, { role: 'admin' });
// @ts-expect-error unknown option keys are rejected
generateToken(env.API_KEY, env.API_SECRET, sessionId, { expire_time: 1 });
// @ts-expect-error expireTime is a number or a Date
generateToken(env.API_KEY, env.API_SECRET, sessionId, { expireTime: '1700000000' });
// @ts-expect-error the secret is a string
generateToken(env.API_KEY, new Uint8Array(4), sessionId);

const generator = new TokenGenerator(env.API_KEY, env.API_SECRET);
const key: string = generator.apiKey;
const fromGenerator: string = generator.generateToken(sessionId, { role: 'moderator' });
generator.free();
generator[Symbol.dispose]();

try {
  generateToken(env.API_KEY, env.API_SECRET, sessionId);
} catch (err) {
  if (err instanceof TokenError) {
    const message: string = err.message;
    switch (err.code) {
      case 'ERR_INVALID_EXPIRE_TIME':
      case 'ERR_SESSION_KEY_MISMATCH':
        break;
      default: {
        const code: TokenErrorCode = err.code;
        void code;
      }
    }
    if (err.code === 'ERR_INVALID_ROLE') {
      const narrowed: 'ERR_INVALID_ROLE' = err.code;
      void narrowed;
    }
    // @ts-expect-error not one of the codes, so the comparison cannot be true
    if (err.code === 'ERR_NOT_A_CODE') void 0;
    // @ts-expect-error code is read-only
    err.code = 'ERR_INVALID_ROLE';
    void message;
  }
}

const fixedToken: string = generateTokenAt({ now: 1_700_000_000_000, nonce: 0.5 }, '123456', 'secret', sessionId, { role: 'subscriber' });
const fixedGenerated: string = generatorTokenAt(new TokenGenerator(1, 's'), { now: 0, nonce: 0 }, sessionId);
// @ts-expect-error the fixed inputs need both now and nonce
generateTokenAt({ now: 0 }, '1', 's', sessionId);

const memory: Uint8Array = wasmMemoryCopy();
const memoryBytes: number = wasmMemoryBytes();
void memory; void memoryBytes;
void token; void key; void fromGenerator; void fixedToken; void fixedGenerated;
