/**
 * Test-only helpers: mint with a fixed clock and nonce, to compare tokens byte for byte.
 * Never use these in production: a fixed nonce makes tokens repeatable.
 *
 * @packageDocumentation
 */
import type { TokenGenerator, TokenOptions } from 'vonage-video-token';

/** The clock (ms since the epoch, like `Date.now()`) and nonce (in `[0, 1)`) to use. */
export interface FixedInputs {
  now: number;
  nonce: number;
}

/**
 * Same validation and output as `generateToken`, with the clock and nonce given instead of read.
 *
 * @param fixed - The clock and nonce.
 * @param apiKey - The project's API key.
 * @param apiSecret - The project's API secret.
 * @param sessionId - A session id of that project.
 * @param options - Token options.
 * @throws {TokenError} The codes of `generateToken`; for a bad `fixed`: `ERR_INVALID_OPTIONS` (not an
 *   object), `ERR_INVALID_CLOCK` (`now` not a number from 0 to 8.64e15) or `ERR_INVALID_NONCE`
 *   (`nonce` not a number in [0, 1)).
 *
 * @example
 * ```ts
 * import { generateTokenAt } from 'vonage-video-token/testing';
 * const token = generateTokenAt({ now: 1_700_000_000_000, nonce: 0.5 }, '123456', secret, sessionId);
 * ```
 */
export declare function generateTokenAt(
  fixed: FixedInputs,
  apiKey: string | number,
  apiSecret: string,
  sessionId: string,
  options?: TokenOptions | null,
): string;

/**
 * What `generator.generateToken(sessionId, options)` returns for a given clock and nonce.
 *
 * @param generator - A generator from the main entry of the same runtime.
 * @param fixed - The clock and nonce.
 * @param sessionId - A session id of the generator's project.
 * @param options - Token options.
 * @throws {TokenError} The codes of `TokenGenerator#generateToken`.
 *
 * @example
 * ```ts
 * import { TokenGenerator } from 'vonage-video-token';
 * import { generatorTokenAt } from 'vonage-video-token/testing';
 * const token = generatorTokenAt(new TokenGenerator('123456', secret), { now: 0, nonce: 0.5 }, sessionId);
 * ```
 */
export declare function generatorTokenAt(
  generator: TokenGenerator,
  fixed: FixedInputs,
  sessionId: string,
  options?: TokenOptions | null,
): string;

/**
 * The size of this runtime's WebAssembly memory for the package, in bytes: lets tests check that
 * minting does not make it grow. `'full'` is the module of the `vonage` and `verify` entries.
 *
 * @returns Bytes of linear memory.
 *
 * @example
 * ```ts
 * import { wasmMemoryBytes } from 'vonage-video-token/testing';
 * const before = wasmMemoryBytes();
 * ```
 */
export declare function wasmMemoryBytes(module?: 'main' | 'full'): number;

/**
 * A copy of this runtime's WebAssembly memory for the package (`'full'`: the module of the
 * `vonage` and `verify` entries): lets tests check what it holds
 * (for instance that no key material is left after a call or after `TokenGenerator#free()`).
 *
 * @returns The bytes of linear memory.
 *
 * @example
 * ```ts
 * import { wasmMemoryCopy } from 'vonage-video-token/testing';
 * const memory = wasmMemoryCopy();
 * ```
 */
export declare function wasmMemoryCopy(module?: 'main' | 'full'): Uint8Array;
