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

/// A token could not be minted.
///
/// Carries a stable [`ErrorCode`] and a fixed human-readable message that names the
/// offending argument. Messages never contain the API secret or any other input value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Error {
    code: ErrorCode,
    message: &'static str,
}

impl Error {
    pub(crate) const fn new(code: ErrorCode, message: &'static str) -> Self {
        Self { code, message }
    }

    /// The stable error code.
    #[must_use]
    pub const fn code(&self) -> ErrorCode {
        self.code
    }

    /// The human-readable message (fixed text; never contains input values).
    #[must_use]
    pub const fn message(&self) -> &'static str {
        self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code.as_str(), self.message)
    }
}

impl std::error::Error for Error {}
