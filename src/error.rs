//! The error type: one variant per stable error code.

use core::fmt;

/// What went wrong, as a stable machine-readable code.
///
/// Each variant maps 1:1 to the string code the JavaScript API puts on `TokenError.code`
/// (see [`ErrorCode::as_str`]). New codes may be added in minor releases.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    /// `ERR_INVALID_API_KEY`: the API key is not a positive integer / string of ASCII digits.
    InvalidApiKey,
    /// `ERR_INVALID_API_SECRET`: the API secret is empty (or not a string, in JavaScript).
    InvalidApiSecret,
    /// `ERR_INVALID_SESSION_ID`: the session id is empty or does not decode.
    InvalidSessionId,
    /// `ERR_SESSION_KEY_MISMATCH`: the session id belongs to another API key.
    SessionKeyMismatch,
    /// `ERR_INVALID_OPTIONS`: the options argument is not a plain object, or could not be read.
    InvalidOptions,
    /// `ERR_UNKNOWN_OPTION`: the options object has a key this library does not know.
    UnknownOption,
    /// `ERR_INVALID_ROLE`: the role is not one of the four roles.
    InvalidRole,
    /// `ERR_INVALID_EXPIRE_TIME`: the expire time is not finite or not within 30 days after creation.
    InvalidExpireTime,
    /// `ERR_INVALID_DATA`: the connection data is too long or not a well-formed string.
    InvalidData,
    /// `ERR_INVALID_LAYOUT_CLASS_LIST`: the initial layout class list is too long or malformed.
    InvalidLayoutClassList,
    /// `ERR_INVALID_TOKEN_TYPE`: the token type is neither `JWT` nor `T1`.
    InvalidTokenType,
    /// `ERR_NO_RANDOMNESS`: no cryptographically secure random source is available.
    NoRandomness,
    /// `ERR_GENERATOR_FREED`: a JavaScript `TokenGenerator` was used after `free()`.
    /// (Rust's ownership rules make this impossible natively.)
    GeneratorFreed,
}

impl ErrorCode {
    /// The stable string code, e.g. `"ERR_INVALID_ROLE"`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::InvalidApiKey => "ERR_INVALID_API_KEY",
            Self::InvalidApiSecret => "ERR_INVALID_API_SECRET",
            Self::InvalidSessionId => "ERR_INVALID_SESSION_ID",
            Self::SessionKeyMismatch => "ERR_SESSION_KEY_MISMATCH",
            Self::InvalidOptions => "ERR_INVALID_OPTIONS",
            Self::UnknownOption => "ERR_UNKNOWN_OPTION",
            Self::InvalidRole => "ERR_INVALID_ROLE",
            Self::InvalidExpireTime => "ERR_INVALID_EXPIRE_TIME",
            Self::InvalidData => "ERR_INVALID_DATA",
            Self::InvalidLayoutClassList => "ERR_INVALID_LAYOUT_CLASS_LIST",
            Self::InvalidTokenType => "ERR_INVALID_TOKEN_TYPE",
            Self::NoRandomness => "ERR_NO_RANDOMNESS",
            Self::GeneratorFreed => "ERR_GENERATOR_FREED",
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a token could not be minted: one variant per distinct message.
///
/// Errors carry this rather than the message text, so a build that never prints messages
/// (the WebAssembly module: its JS layer writes its own) does not contain them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reason {
    ApiKey,
    ApiSecret,
    SessionId,
    SessionKeyMismatch,
    Clock,
    Nonce,
    Role,
    ExpireBeforeCreation,
    ExpireTooLate,
    DataTooLong,
    LayoutTooLong,
    TokenType,
    #[cfg_attr(not(feature = "std"), allow(dead_code))]
    NoRandomness,
}

impl Reason {
    const fn code(self) -> ErrorCode {
        match self {
            Self::ApiKey => ErrorCode::InvalidApiKey,
            Self::ApiSecret => ErrorCode::InvalidApiSecret,
            Self::SessionId => ErrorCode::InvalidSessionId,
            Self::SessionKeyMismatch => ErrorCode::SessionKeyMismatch,
            Self::Clock | Self::Nonce => ErrorCode::InvalidOptions,
            Self::Role => ErrorCode::InvalidRole,
            Self::ExpireBeforeCreation | Self::ExpireTooLate => ErrorCode::InvalidExpireTime,
            Self::DataTooLong => ErrorCode::InvalidData,
            Self::LayoutTooLong => ErrorCode::InvalidLayoutClassList,
            Self::TokenType => ErrorCode::InvalidTokenType,
            Self::NoRandomness => ErrorCode::NoRandomness,
        }
    }

    const fn message(self) -> &'static str {
        match self {
            Self::ApiKey => "apiKey must be a positive integer or a non-empty string of ASCII digits",
            Self::ApiSecret => "apiSecret must be a non-empty string",
            Self::SessionId => {
                "sessionId must be a Vonage Video session id (a 2-character prefix, then base64 of '~'-separated fields)"
            }
            Self::SessionKeyMismatch => "sessionId belongs to a different API key than the one given",
            Self::Clock => "fixed.now must be a clock reading in milliseconds between 0 and 8.64e15",
            Self::Nonce => "fixed.nonce must be a number in [0, 1)",
            Self::Role => "role must be 'publisher', 'subscriber', 'moderator' or 'publisheronly'",
            Self::ExpireBeforeCreation => {
                "expireTime must be a finite Unix time in seconds that is not before the token's creation time"
            }
            Self::ExpireTooLate => {
                "expireTime must be at most 30 days after the token's creation time (it is in seconds, not milliseconds)"
            }
            Self::DataTooLong => "data must be at most 1000 UTF-16 code units long",
            Self::LayoutTooLong => "initialLayoutClassList must be at most 1024 UTF-16 code units long once joined",
            Self::TokenType => "tokenType must be 'JWT' or 'T1'",
            Self::NoRandomness => "no secure random source is available",
        }
    }
}

/// A token could not be minted.
///
/// Carries a stable [`ErrorCode`] and a fixed human-readable message that names the
/// offending argument. Messages never contain the API secret or any other input value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Error {
    reason: Reason,
}

impl Error {
    pub(crate) const fn new(reason: Reason) -> Self {
        Self { reason }
    }

    /// The stable error code.
    #[must_use]
    pub const fn code(&self) -> ErrorCode {
        self.reason.code()
    }

    /// The human-readable message (fixed text; never contains input values).
    #[must_use]
    pub const fn message(&self) -> &'static str {
        self.reason.message()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code().as_str(), self.message())
    }
}

impl core::error::Error for Error {}
