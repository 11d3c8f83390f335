// Generated from the Rust crate (src/error.rs, src/limits.rs, src/options.rs) by its tests:
// do not edit. `UPDATE_GENERATED=1 cargo test generated` rewrites it.

/** Every error code, as `TokenError#code` carries it. */
export const CODES = Object.freeze(["ERR_INVALID_API_KEY", "ERR_INVALID_API_SECRET", "ERR_INVALID_SESSION_ID", "ERR_SESSION_KEY_MISMATCH", "ERR_INVALID_OPTIONS", "ERR_UNKNOWN_OPTION", "ERR_INVALID_ROLE", "ERR_INVALID_EXPIRE_TIME", "ERR_INVALID_DATA", "ERR_INVALID_LAYOUT_CLASS_LIST", "ERR_INVALID_TOKEN_TYPE", "ERR_INVALID_CLOCK", "ERR_INVALID_NONCE", "ERR_NO_RANDOMNESS", "ERR_GENERATOR_FREED"]);

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
});

/** The longest accepted input, in UTF-16 code units. */
export const LIMITS = Object.freeze({ apiKey: 64, apiSecret: 1024, sessionId: 1024, data: 1000, initialLayoutClassList: 1024 });

/** Role names; the module takes a role as its index here. */
export const ROLES = Object.freeze(["publisher", "subscriber", "moderator", "publisheronly"]);

/** Token types; the module takes a token type as its index here. */
export const TOKEN_TYPES = Object.freeze(["JWT", "T1"]);
