/**
 * Mint Vonage Video (OpenTok) client tokens — synchronously, with no runtime dependencies, in
 * Cloudflare Workers, Deno, Bun, Vercel Edge, browsers and Node.
 *
 * @packageDocumentation
 */

declare global {
  interface SymbolConstructor {
    /** `Symbol.dispose` (explicit resource management), declared here for older `lib` settings. */
    readonly dispose: unique symbol;
  }
}

/** The role a client gets in the session. */
export type Role = 'publisher' | 'subscriber' | 'moderator' | 'publisheronly';

/** `'JWT'` (default): an HS256 JSON Web Token. `'T1'`: the legacy HMAC-SHA1 `T1==` token. */
export type TokenType = 'JWT' | 'T1';

/** Options for one token. Unknown keys are rejected with `ERR_UNKNOWN_OPTION`. */
export interface TokenOptions {
  /** The client's role. Default `'publisher'`. */
  role?: Role;
  /**
   * When the token expires: Unix time in **seconds** (fractions are rounded) or a `Date`.
   * Must be within 30 days after the token's creation time. Default: creation time + 24 hours.
   */
  expireTime?: number | Date;
  /** Connection metadata every client in the session can read; at most 1000 UTF-16 code units. */
  data?: string;
  /** Layout classes for the client's streams: an array (joined with spaces) or a string; at most 1024 code units joined. */
  initialLayoutClassList?: readonly string[] | string;
  /** Token format. Default `'JWT'`. */
  tokenType?: TokenType;
}

/** Every code a {@link TokenError} can carry (from this entry, `vonage-video-token/vonage` and `vonage-video-token/verify`). */
export type TokenErrorCode =
  | 'ERR_INVALID_API_KEY'
  | 'ERR_INVALID_API_SECRET'
  | 'ERR_INVALID_SESSION_ID'
  | 'ERR_SESSION_KEY_MISMATCH'
  | 'ERR_INVALID_OPTIONS'
  | 'ERR_UNKNOWN_OPTION'
  | 'ERR_INVALID_ROLE'
  | 'ERR_INVALID_EXPIRE_TIME'
  | 'ERR_INVALID_DATA'
  | 'ERR_INVALID_LAYOUT_CLASS_LIST'
  | 'ERR_INVALID_TOKEN_TYPE'
  | 'ERR_INVALID_CLOCK'
  | 'ERR_INVALID_NONCE'
  | 'ERR_NO_RANDOMNESS'
  | 'ERR_GENERATOR_FREED'
  | 'ERR_INVALID_APPLICATION_ID'
  | 'ERR_INVALID_PRIVATE_KEY'
  | 'ERR_INVALID_PUBLIC_KEY'
  | 'ERR_INVALID_TOKEN'
  | 'ERR_INVALID_SIGNATURE'
  | 'ERR_TOKEN_EXPIRED'
  | 'ERR_INVALID_ARCHIVE_ID'
  | 'ERR_INVALID_CONNECTION_ID'
  | 'ERR_INVALID_STREAM_ID'
  | 'ERR_INVALID_SIGNAL'
  | 'ERR_API_STATUS'
  | 'ERR_API_UNREACHABLE'
  | 'ERR_API_TIMEOUT'
  | 'ERR_API_ABORTED'
  | 'ERR_API_ANSWER'
  | 'ERR_API_ANSWER_TOO_LARGE';

/**
 * What every function here throws. `code` is stable and safe to branch on; `message` names the
 * argument and the kind of value received, and never contains the API secret.
 *
 * @example
 * ```ts
 * import { generateToken, TokenError } from 'vonage-video-token';
 * try {
 *   generateToken(apiKey, apiSecret, sessionId, { expireTime: Date.now() + 3_600_000 });
 * } catch (err) {
 *   if (err instanceof TokenError && err.code === 'ERR_INVALID_EXPIRE_TIME') {
 *     // expireTime is in seconds, not milliseconds
 *   }
 * }
 * ```
 */
export declare class TokenError extends Error {
  /**
   * @param code - The error code.
   * @param message - What went wrong; must not contain secrets.
   * @param options - `cause`, as for `Error`.
   */
  constructor(code: TokenErrorCode, message: string, options?: { cause?: unknown });
  /** The stable error code. */
  readonly code: TokenErrorCode;
  /** Always `'TokenError'`. */
  name: string;
  /** `vonage-video-token/video`: the method that failed, e.g. `'startArchive'`. */
  readonly operation?: string;
  /** `ERR_API_STATUS`: the HTTP status the API answered with. */
  readonly status?: number;
  /** `ERR_API_STATUS`: the answer's `Retry-After`, in seconds from when it arrived. */
  readonly retryAfter?: number;
  /** `ERR_API_STATUS`: the API's own explanation (its answer's `message`), when it gave a short one. */
  readonly apiMessage?: string;
}

/**
 * Mints a client token for `sessionId`, byte-compatible with the official `opentok` Node SDK's
 * `generateToken` (JWT by default, or `T1` with `tokenType: 'T1'`). Reads the clock and draws a
 * nonce from `crypto.getRandomValues` on every call; synchronous.
 *
 * Checks, in this order: the JavaScript types of the arguments and options, the role and token
 * type names and lone surrogates; then whether `crypto.getRandomValues` is there; then the values,
 * in argument order (`apiKey`, `apiSecret`, `sessionId`, the clock, `expireTime`, `data`,
 * `initialLayoutClassList`). The first problem found is thrown.
 *
 * @param apiKey - The project's API key: a positive safe integer or a string of 1 to 64 ASCII digits.
 * @param apiSecret - The project's API secret: 1 to 1024 UTF-16 code units.
 * @param sessionId - A session id of that project (its embedded API key must equal `apiKey`), at
 *   most 1024 UTF-16 code units.
 * @param options - Role, expiry, connection data, layout classes and token type.
 * @returns The token to hand to the client.
 * @throws {TokenError} `ERR_INVALID_API_KEY`, `ERR_INVALID_API_SECRET`, `ERR_INVALID_SESSION_ID`,
 *   `ERR_SESSION_KEY_MISMATCH`, `ERR_INVALID_OPTIONS`, `ERR_UNKNOWN_OPTION`, `ERR_INVALID_ROLE`,
 *   `ERR_INVALID_EXPIRE_TIME`, `ERR_INVALID_DATA`, `ERR_INVALID_LAYOUT_CLASS_LIST`,
 *   `ERR_INVALID_TOKEN_TYPE`, `ERR_INVALID_CLOCK` when `Date.now()` reads before 1970 (fake
 *   timers), or `ERR_NO_RANDOMNESS` when `crypto.getRandomValues` is missing.
 *
 * @example
 * ```ts
 * import { generateToken } from 'vonage-video-token';
 * const token = generateToken(env.API_KEY, env.API_SECRET, sessionId, {
 *   role: 'moderator',
 *   expireTime: Math.floor(Date.now() / 1000) + 3600,
 *   data: 'name=Jo',
 * });
 * ```
 */
export declare function generateToken(
  apiKey: string | number,
  apiSecret: string,
  sessionId: string,
  options?: TokenOptions | null,
): string;

/**
 * Holds one project's key with its HMAC key schedules computed once, so each token costs less.
 * Call `free()` (or use `using`) to zero the key material in WebAssembly memory; a JS string
 * holding the secret cannot be wiped.
 *
 * @example
 * ```ts
 * import { TokenGenerator } from 'vonage-video-token';
 * const tokens = new TokenGenerator(env.API_KEY, env.API_SECRET);
 * const token = tokens.generateToken(sessionId, { role: 'subscriber' });
 * ```
 */
export declare class TokenGenerator {
  /**
   * @param apiKey - The project's API key: a positive safe integer or a string of 1 to 64 ASCII digits.
   * @param apiSecret - The project's API secret: 1 to 1024 UTF-16 code units.
   * @throws {TokenError} `ERR_INVALID_API_KEY`, `ERR_INVALID_API_SECRET`.
   */
  constructor(apiKey: string | number, apiSecret: string);
  /** The API key, as a string. */
  readonly apiKey: string;
  /**
   * Mints a token, exactly as {@link generateToken} with this generator's key.
   *
   * @param sessionId - A session id of this project.
   * @param options - Role, expiry, connection data, layout classes and token type.
   * @throws {TokenError} The session, option and clock codes of {@link generateToken},
   *   `ERR_NO_RANDOMNESS`, or `ERR_GENERATOR_FREED` after `free()` (also when the method is called
   *   without its generator, as `const { generateToken } = generator` would).
   */
  generateToken(sessionId: string, options?: TokenOptions | null): string;
  /**
   * Zeroes the key material in WebAssembly memory. Later calls throw `ERR_GENERATOR_FREED`;
   * calling `free()` again does nothing.
   */
  free(): void;
  /** Same as `free()`, for `using tokens = new TokenGenerator(...)`. */
  [Symbol.dispose](): void;
}
