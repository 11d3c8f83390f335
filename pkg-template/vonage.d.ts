/**
 * Vonage application credentials (an application id and an RSA private key) and REST API tokens.
 * Client tokens and application JWTs are RS256: the package builds and checks the claims, and
 * the runtime's WebCrypto signs (the key imported once, not extractable), so they return
 * Promises. The project REST token is HS256 and synchronous.
 *
 * @packageDocumentation
 */
import type { TokenOptions } from 'vonage-video-token';

export { TokenError } from 'vonage-video-token';
export type { Role, TokenErrorCode, TokenOptions } from 'vonage-video-token';

/** Options of an application JWT (`Authorization: Bearer …` for the Video REST API). */
export interface ApplicationJwtOptions {
  /** Lifetime in whole seconds, 1 to 2592000. Default 900 (what `@vonage/jwt` uses). */
  expiresIn?: number;
  /** An `acl` claim: a plain object, written as JSON (at most 8192 characters). */
  acl?: Record<string, unknown>;
  /** A `sub` claim (at most 256 UTF-16 code units). */
  sub?: string;
}

/** Options of a project's REST API token. */
export interface RestTokenOptions {
  /** Lifetime in whole seconds, 1 to 2592000. Default 300 (what `opentok` uses). */
  expiresIn?: number;
}

/**
 * Mints a client token for a session of a Vonage application: an RS256 JWT with the claims
 * `@vonage/video` 1.31 writes, in its order. `tokenType` must be `'JWT'` (or left out).
 * Checks, in order: the JavaScript types, randomness, the application id, the key, the session id
 * (which must name the application), the clock, then the options; an `expireTime` in the past is
 * an error (`@vonage/video` silently uses now + 15 minutes). Imports the key on every call: for
 * many tokens, use a {@link ClientTokenGenerator}.
 *
 * @param applicationId - The application id, a UUID.
 * @param privateKey - The application's RSA private key, PEM: PKCS#8 (`BEGIN PRIVATE KEY`) or
 *   PKCS#1 (`BEGIN RSA PRIVATE KEY`), 2048 to 16384 bits. Line breaks may be written as `\n`.
 * @param sessionId - A session of that application.
 * @param options - Role, expiry, connection data and layout classes.
 * @returns A Promise of the token.
 * @throws {TokenError} (as a rejection) `ERR_INVALID_APPLICATION_ID`, `ERR_INVALID_PRIVATE_KEY`,
 *   `ERR_INVALID_SESSION_ID`, `ERR_SESSION_KEY_MISMATCH`, the option codes of `generateToken`,
 *   `ERR_INVALID_CLOCK` or `ERR_NO_RANDOMNESS`.
 *
 * @example
 * ```ts
 * import { generateClientToken } from 'vonage-video-token/vonage';
 * const token = await generateClientToken(env.VONAGE_APPLICATION_ID, env.VONAGE_PRIVATE_KEY, sessionId, { role: 'moderator' });
 * ```
 */
export declare function generateClientToken(
  applicationId: string,
  privateKey: string,
  sessionId: string,
  options?: TokenOptions | null,
): Promise<string>;

/**
 * Holds an application's key, imported into WebCrypto once (not extractable), for many tokens.
 * The constructor checks the application id and the key at once.
 *
 * @example
 * ```ts
 * import { ClientTokenGenerator } from 'vonage-video-token/vonage';
 * const tokens = new ClientTokenGenerator(env.VONAGE_APPLICATION_ID, env.VONAGE_PRIVATE_KEY);
 * const token = await tokens.generateToken(sessionId, { role: 'subscriber' });
 * ```
 */
export declare class ClientTokenGenerator {
  /**
   * @param applicationId - The application id, a UUID.
   * @param privateKey - The application's RSA private key, PEM (PKCS#8 or PKCS#1), 2048 to 16384 bits.
   * @throws {TokenError} `ERR_INVALID_APPLICATION_ID` or `ERR_INVALID_PRIVATE_KEY`.
   */
  constructor(applicationId: string, privateKey: string);
  /** The application id. */
  readonly applicationId: string;
  /**
   * Mints a client token, as {@link generateClientToken} with this generator's key.
   *
   * @param sessionId - A session of this application.
   * @param options - Role, expiry, connection data and layout classes.
   * @throws {TokenError} (as a rejection) the session, option and clock codes, `ERR_NO_RANDOMNESS`.
   */
  generateToken(sessionId: string, options?: TokenOptions | null): Promise<string>;
  /**
   * Mints an application JWT for the REST API with this generator's key.
   *
   * @param options - Lifetime, `acl` and `sub`.
   * @throws {TokenError} (as a rejection) `ERR_INVALID_EXPIRE_TIME`, `ERR_INVALID_OPTIONS`,
   *   `ERR_UNKNOWN_OPTION`, `ERR_INVALID_CLOCK` or `ERR_NO_RANDOMNESS`.
   */
  generateApplicationJwt(options?: ApplicationJwtOptions | null): Promise<string>;
}

/**
 * Mints an application JWT for the Video REST API (`Authorization: Bearer <jwt>`): RS256 with the
 * claims `@vonage/jwt` writes (`acl`, `sub`, `jti`, `iat`, `exp`, `application_id`).
 *
 * @param applicationId - The application id, a UUID.
 * @param privateKey - The application's RSA private key, PEM.
 * @param options - Lifetime (default 900 seconds), `acl` and `sub`.
 * @returns A Promise of the JWT.
 * @throws {TokenError} (as a rejection) `ERR_INVALID_APPLICATION_ID`, `ERR_INVALID_PRIVATE_KEY`,
 *   `ERR_INVALID_EXPIRE_TIME`, `ERR_INVALID_OPTIONS`, `ERR_UNKNOWN_OPTION`, `ERR_INVALID_CLOCK` or
 *   `ERR_NO_RANDOMNESS`.
 *
 * @example
 * ```ts
 * import { generateApplicationJwt } from 'vonage-video-token/vonage';
 * const jwt = await generateApplicationJwt(env.VONAGE_APPLICATION_ID, env.VONAGE_PRIVATE_KEY);
 * await fetch('https://video.api.vonage.com/session/create', { method: 'POST', headers: { Authorization: `Bearer ${jwt}` } });
 * ```
 */
export declare function generateApplicationJwt(
  applicationId: string,
  privateKey: string,
  options?: ApplicationJwtOptions | null,
): Promise<string>;

/**
 * Mints a project's REST API token (the `X-OPENTOK-AUTH` header): HS256 with the claims `iss`,
 * `ist` (`project`), `iat`, `exp` and `jti`. Synchronous.
 *
 * @param apiKey - The project's API key.
 * @param apiSecret - The project's API secret.
 * @param options - Lifetime (default 300 seconds).
 * @returns The token.
 * @throws {TokenError} `ERR_INVALID_API_KEY`, `ERR_INVALID_API_SECRET`, `ERR_INVALID_EXPIRE_TIME`,
 *   `ERR_INVALID_OPTIONS`, `ERR_UNKNOWN_OPTION`, `ERR_INVALID_CLOCK` or `ERR_NO_RANDOMNESS`.
 *
 * @example
 * ```ts
 * import { generateRestToken } from 'vonage-video-token/vonage';
 * const headers = { 'X-OPENTOK-AUTH': generateRestToken(env.API_KEY, env.API_SECRET) };
 * ```
 */
export declare function generateRestToken(apiKey: string | number, apiSecret: string, options?: RestTokenOptions | null): string;
