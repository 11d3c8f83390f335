// Generated from the Rust crate (src/error.rs, src/limits.rs, src/options.rs) by its tests:
// do not edit. `UPDATE_GENERATED=1 cargo test generated` rewrites it.

/** Every error code, as `TokenError#code` carries it. */
export const CODES = Object.freeze(["ERR_INVALID_API_KEY", "ERR_INVALID_API_SECRET", "ERR_INVALID_SESSION_ID", "ERR_SESSION_KEY_MISMATCH", "ERR_INVALID_OPTIONS", "ERR_UNKNOWN_OPTION", "ERR_INVALID_ROLE", "ERR_INVALID_EXPIRE_TIME", "ERR_INVALID_DATA", "ERR_INVALID_LAYOUT_CLASS_LIST", "ERR_INVALID_TOKEN_TYPE", "ERR_INVALID_CLOCK", "ERR_INVALID_NONCE", "ERR_NO_RANDOMNESS", "ERR_GENERATOR_FREED", "ERR_INVALID_APPLICATION_ID", "ERR_INVALID_PRIVATE_KEY", "ERR_INVALID_PUBLIC_KEY", "ERR_INVALID_TOKEN", "ERR_INVALID_SIGNATURE", "ERR_TOKEN_EXPIRED"]);

/** The module's error answers: `-(1 + index)` is the reason at `index`. */
export const REASONS = Object.freeze([
  Object.freeze({ code: "ERR_INVALID_API_KEY", message: "apiKey must be a positive safe integer or a non-empty string of ASCII digits" }),
  Object.freeze({ code: "ERR_INVALID_API_KEY", message: "apiKey must be at most 64 characters long" }),
  Object.freeze({ code: "ERR_INVALID_API_SECRET", message: "apiSecret must be a non-empty string" }),
  Object.freeze({ code: "ERR_INVALID_API_SECRET", message: "apiSecret must be at most 1024 UTF-16 code units long" }),
  Object.freeze({ code: "ERR_INVALID_SESSION_ID", message: "sessionId must be a Vonage Video session id: a 2-character prefix, then base64 of '~'-separated fields" }),
  Object.freeze({ code: "ERR_INVALID_SESSION_ID", message: "sessionId must be at most 1024 UTF-16 code units long" }),
  Object.freeze({ code: "ERR_SESSION_KEY_MISMATCH", message: "sessionId belongs to a different API key than apiKey" }),
  Object.freeze({ code: "ERR_INVALID_ROLE", message: "options.role must be 'publisher', 'subscriber', 'moderator' or 'publisheronly'" }),
  Object.freeze({ code: "ERR_INVALID_EXPIRE_TIME", message: "options.expireTime must be a finite Unix time in seconds (or a Date) that is not before the token's creation time" }),
  Object.freeze({ code: "ERR_INVALID_EXPIRE_TIME", message: "options.expireTime must be at most 30 days after the token's creation time (it is in seconds, not milliseconds)" }),
  Object.freeze({ code: "ERR_INVALID_DATA", message: "options.data must be at most 1000 UTF-16 code units long" }),
  Object.freeze({ code: "ERR_INVALID_DATA", message: "options.data must be a well-formed string, without lone surrogates" }),
  Object.freeze({ code: "ERR_INVALID_LAYOUT_CLASS_LIST", message: "options.initialLayoutClassList must be at most 1024 UTF-16 code units long once joined" }),
  Object.freeze({ code: "ERR_INVALID_LAYOUT_CLASS_LIST", message: "options.initialLayoutClassList must hold well-formed strings, without lone surrogates" }),
  Object.freeze({ code: "ERR_INVALID_TOKEN_TYPE", message: "options.tokenType must be 'JWT' or 'T1'" }),
  Object.freeze({ code: "ERR_INVALID_CLOCK", message: "the clock (Date.now(), or fixed.now in the testing entry) must read from 0 (1970) to 8.64e15 milliseconds" }),
  Object.freeze({ code: "ERR_INVALID_NONCE", message: "fixed.nonce must be a number in [0, 1)" }),
  Object.freeze({ code: "ERR_NO_RANDOMNESS", message: "crypto.getRandomValues is not available in this runtime" }),
  Object.freeze({ code: "ERR_NO_RANDOMNESS", message: "crypto.subtle (WebCrypto) is not available in this runtime" }),
  Object.freeze({ code: "ERR_INVALID_APPLICATION_ID", message: "applicationId must be a UUID: 8-4-4-4-12 hexadecimal digits" }),
  Object.freeze({ code: "ERR_SESSION_KEY_MISMATCH", message: "sessionId belongs to a different application than applicationId" }),
  Object.freeze({ code: "ERR_INVALID_PRIVATE_KEY", message: "privateKey must be a PEM RSA private key: PKCS#8 (BEGIN PRIVATE KEY) or PKCS#1 (BEGIN RSA PRIVATE KEY)" }),
  Object.freeze({ code: "ERR_INVALID_PRIVATE_KEY", message: "privateKey must be an RSA key of 2048 to 16384 bits" }),
  Object.freeze({ code: "ERR_INVALID_PRIVATE_KEY", message: "privateKey must be at most 16384 characters long" }),
  Object.freeze({ code: "ERR_INVALID_PUBLIC_KEY", message: "key must be a PEM RSA key of 2048 to 16384 bits (BEGIN PUBLIC KEY, BEGIN RSA PUBLIC KEY, or a private key)" }),
  Object.freeze({ code: "ERR_INVALID_TOKEN_TYPE", message: "tokens for application credentials are JWTs: options.tokenType must be 'JWT'" }),
  Object.freeze({ code: "ERR_INVALID_EXPIRE_TIME", message: "options.expiresIn must be a whole number of seconds from 1 to 2592000 (30 days)" }),
  Object.freeze({ code: "ERR_INVALID_OPTIONS", message: "options.acl must be an object whose JSON is at most 8192 characters" }),
  Object.freeze({ code: "ERR_INVALID_OPTIONS", message: "options.sub must be a string of at most 256 UTF-16 code units" }),
  Object.freeze({ code: "ERR_INVALID_TOKEN", message: "token must be a Vonage Video token: a JWT (three base64url parts of JSON) or a T1 token (T1== then base64)" }),
  Object.freeze({ code: "ERR_INVALID_TOKEN", message: "token must be at most 65536 characters long" }),
  Object.freeze({ code: "ERR_INVALID_TOKEN", message: "token's header and claims must be JSON objects, nested at most 32 levels deep" }),
  Object.freeze({ code: "ERR_INVALID_TOKEN", message: "token's claims are not the expected ones (options.sessionId or options.role)" }),
  Object.freeze({ code: "ERR_INVALID_SIGNATURE", message: "token's signature does not match the key" }),
  Object.freeze({ code: "ERR_INVALID_SIGNATURE", message: "token's algorithm does not suit the key: HS256 and T1 tokens need the API secret, RS256 tokens an RSA public key" }),
  Object.freeze({ code: "ERR_TOKEN_EXPIRED", message: "token has expired" }),
  Object.freeze({ code: "ERR_INVALID_TOKEN", message: "token's exp, nbf and expire_time must be numbers (a T1 token's expire_time digits)" }),
  Object.freeze({ code: "ERR_INVALID_TOKEN", message: "token is not valid yet (its nbf is still to come)" }),
  Object.freeze({ code: "ERR_INVALID_TOKEN", message: "token's header lists critical extensions (crit) that are not understood" }),
  Object.freeze({ code: "ERR_INVALID_PUBLIC_KEY", message: "key is a public key (PEM, JWK or base64 DER) passed as an API secret: pass a PEM that starts with -----BEGIN, or a CryptoKey" }),
  Object.freeze({ code: "ERR_INVALID_PRIVATE_KEY", message: "privateKey cannot sign: its public exponent must be odd and at least 3, its modulus odd, and its other components greater than 1" }),
  Object.freeze({ code: "ERR_INVALID_PUBLIC_KEY", message: "key must be a public RSASSA-PKCS1-v1_5 CryptoKey for SHA-256 with the 'verify' usage" }),
]);

/** Each reason's index in REASONS, by its Rust name. */
export const REASON = Object.freeze({
  ApiKey: 0,
  ApiKeyTooLong: 1,
  ApiSecret: 2,
  ApiSecretTooLong: 3,
  SessionId: 4,
  SessionIdTooLong: 5,
  SessionKeyMismatch: 6,
  Role: 7,
  ExpireBeforeCreation: 8,
  ExpireTooLate: 9,
  DataTooLong: 10,
  DataMalformed: 11,
  LayoutTooLong: 12,
  LayoutMalformed: 13,
  TokenType: 14,
  Clock: 15,
  Nonce: 16,
  NoRandomness: 17,
  NoWebCrypto: 18,
  ApplicationId: 19,
  SessionApplicationMismatch: 20,
  PrivateKey: 21,
  PrivateKeySize: 22,
  PrivateKeyTooLong: 23,
  PublicKey: 24,
  ClientTokenType: 25,
  ExpiresIn: 26,
  Acl: 27,
  Subject: 28,
  Token: 29,
  TokenTooLong: 30,
  TokenJson: 31,
  ClaimMismatch: 32,
  Signature: 33,
  Algorithm: 34,
  TokenExpired: 35,
  TokenTime: 36,
  TokenNotYetValid: 37,
  TokenCritical: 38,
  SecretIsPublicKey: 39,
  PrivateKeyUnusable: 40,
  PublicCryptoKey: 41,
});

/** The longest accepted input, in UTF-16 code units. */
export const LIMITS = Object.freeze({ apiKey: 64, apiSecret: 1024, sessionId: 1024, data: 1000, initialLayoutClassList: 1024, applicationId: 36, privateKey: 16384, token: 65536, acl: 8192, sub: 256 });

/** Role names; the module takes a role as its index here. */
export const ROLES = Object.freeze(["publisher", "subscriber", "moderator", "publisheronly"]);

/** Token types; the module takes a token type as its index here. */
export const TOKEN_TYPES = Object.freeze(["JWT", "T1"]);
