/**
 * Reading tokens back: decode every format without verifying, or verify a token's signature,
 * expiry and, optionally, its session and role.
 *
 * @packageDocumentation
 */
import type { Role } from 'vonage-video-token';

export { TokenError } from 'vonage-video-token';
export type { Role, TokenErrorCode } from 'vonage-video-token';

/** A token read back. */
export interface DecodedToken {
  /** `'JWT'` or `'T1'`. */
  format: 'JWT' | 'T1';
  /** How the token says it is signed: `'HS256'` (project JWTs), `'RS256'` (application tokens), `'HMAC-SHA1'` (T1), or `'other'` (e.g. `none`: never valid). */
  algorithm: 'HS256' | 'RS256' | 'HMAC-SHA1' | 'other';
  /** A JWT's header; absent for T1. */
  header?: Record<string, unknown>;
  /**
   * The claims. A JWT's claims keep their JSON types; a T1 token's are its query-string fields as
   * text (`partner_id` first), exactly as the SDK wrote them: `create_time`, `expire_time` and
   * `nonce` stay strings.
   */
  claims: Record<string, unknown>;
}

/**
 * A WebCrypto `CryptoKey`, described by the members {@link verifyToken} reads: declared here so
 * that these types need neither the DOM lib nor `@types/node`. Every runtime's `CryptoKey` (the
 * DOM's, Node's `webcrypto.CryptoKey`, Workers') fits it.
 */
export interface WebCryptoKey {
  /** `'public'`, `'private'` or `'secret'`. */
  readonly type: string;
  /** The key's algorithm: for RS256, `{ name: 'RSASSA-PKCS1-v1_5', hash: { name: 'SHA-256' } }`. */
  readonly algorithm: { readonly name: string };
  /** Whether the key material can be exported. */
  readonly extractable: boolean;
  /** What the key may be used for: `'verify'` for RS256 verification. */
  readonly usages: readonly string[];
}

/** What {@link verifyToken} checks besides the signature. */
export interface VerifyOptions {
  /** The clock: ms since the epoch (like `Date.now()`) or a `Date`. Default: `Date.now()`. */
  now?: number | Date;
  /** Seconds of clock skew to allow at the expiry, 0 to 86400. Default 0. */
  clockTolerance?: number;
  /** The session the token must be for. */
  sessionId?: string;
  /** The role the token must give. */
  role?: Role;
}

/**
 * Reads a token without verifying it: HS256 and RS256 JWTs and `T1==` tokens of every official SDK.
 *
 * @param token - The token (at most 65536 characters).
 * @returns Its format, algorithm, header (JWT) and claims.
 * @throws {TokenError} `ERR_INVALID_TOKEN` for anything that is not a token.
 *
 * @example
 * ```ts
 * import { decodeToken } from 'vonage-video-token/verify';
 * const { claims } = decodeToken(token);
 * ```
 */
export declare function decodeToken(token: string): DecodedToken;

/**
 * Verifies a token: its form, that its algorithm suits the key, the signature, the expiry (`exp`,
 * or T1's `expire_time`) and the expectations. HS256 and T1 tokens are verified with the API
 * secret in the module, in constant time, synchronously; RS256 tokens with an RSA public key
 * through WebCrypto, which only works asynchronously, so a Promise is returned for those keys.
 * `await` works either way. A PEM string is always an RSA key, never a secret, so a public key
 * cannot serve as an HMAC secret.
 *
 * @param token - The token.
 * @param key - The API secret; or an RSA public key: PEM (public, or a private key) or a CryptoKey.
 * @param options - The clock, a tolerance, the expected session and role.
 * @returns The decoded token (a Promise of it for an RSA key).
 * @throws {TokenError} `ERR_INVALID_TOKEN` (not a token, or other claims than expected),
 *   `ERR_INVALID_SIGNATURE` (wrong key, tampered, unsigned or of another algorithm),
 *   `ERR_TOKEN_EXPIRED`, `ERR_INVALID_API_SECRET`, `ERR_INVALID_PUBLIC_KEY`, `ERR_INVALID_OPTIONS`,
 *   `ERR_UNKNOWN_OPTION`, `ERR_INVALID_ROLE` or `ERR_INVALID_CLOCK`.
 *
 * @example
 * ```ts
 * import { verifyToken } from 'vonage-video-token/verify';
 * const { claims } = verifyToken(token, env.API_SECRET, { sessionId });
 * const app = await verifyToken(appToken, env.VONAGE_PUBLIC_KEY);
 * ```
 */
export declare function verifyToken(token: string, key: string, options?: VerifyOptions | null): DecodedToken | Promise<DecodedToken>;
export declare function verifyToken(token: string, key: WebCryptoKey, options?: VerifyOptions | null): Promise<DecodedToken>;
