//! Errors: a stable code per kind of problem, a reason per message. This file is the one source
//! of the codes and of every message, the JavaScript package's included (its `lib/messages.js`
//! is generated from the table below and checked against it by the tests).

use core::fmt;

/// What went wrong, as a stable machine-readable code.
///
/// Each variant maps 1:1 to the string code the JavaScript API puts on `TokenError.code`
/// (see [`ErrorCode::as_str`]). New codes may be added in minor releases.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    /// `ERR_INVALID_API_KEY`: the API key is not a non-empty string of ASCII digits, or is too long.
    InvalidApiKey,
    /// `ERR_INVALID_API_SECRET`: the API secret is empty or too long.
    InvalidApiSecret,
    /// `ERR_INVALID_SESSION_ID`: the session id does not decode, or is too long.
    InvalidSessionId,
    /// `ERR_SESSION_KEY_MISMATCH`: the session id belongs to another API key.
    SessionKeyMismatch,
    /// `ERR_INVALID_OPTIONS`: JavaScript only: the options argument is not a plain object, or
    /// reading it threw. Rust's typed [`TokenOptions`](crate::TokenOptions) cannot be malformed this way.
    InvalidOptions,
    /// `ERR_UNKNOWN_OPTION`: JavaScript only: the options object has a key this library does not know.
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
    /// `ERR_INVALID_CLOCK`: the clock reading is not a time from 1970 to the largest JS `Date`.
    InvalidClock,
    /// `ERR_INVALID_NONCE`: a given nonce is not a number in `[0, 1)`.
    InvalidNonce,
    /// `ERR_NO_RANDOMNESS`: no cryptographically secure random source is available.
    NoRandomness,
    /// `ERR_GENERATOR_FREED`: JavaScript only: a `TokenGenerator` was used after `free()`, or one
    /// of its methods was called without it. (Rust's ownership rules make this impossible natively.)
    GeneratorFreed,
    /// `ERR_INVALID_APPLICATION_ID`: the application id is not a UUID.
    InvalidApplicationId,
    /// `ERR_INVALID_PRIVATE_KEY`: not a PEM RSA private key of 2048 to 16384 bits.
    InvalidPrivateKey,
    /// `ERR_INVALID_PUBLIC_KEY`: not a PEM RSA key to verify with.
    InvalidPublicKey,
    /// `ERR_INVALID_TOKEN`: not a token of a known format, or its claims are not the expected ones.
    InvalidToken,
    /// `ERR_INVALID_SIGNATURE`: the signature does not match the key, or the token's algorithm
    /// does not suit the key (an unsigned token included).
    InvalidSignature,
    /// `ERR_TOKEN_EXPIRED`: the token's expiry has passed.
    TokenExpired,
    /// `ERR_INVALID_ARCHIVE_ID`: an archive id is not 1 to 128 characters of `A–Z a–z 0–9 - _ .`.
    InvalidArchiveId,
    /// `ERR_INVALID_CONNECTION_ID`: a connection id is not 1 to 128 characters of `A–Z a–z 0–9 - _ .`.
    InvalidConnectionId,
    /// `ERR_INVALID_STREAM_ID`: a stream id is not 1 to 128 characters of `A–Z a–z 0–9 - _ .`, or too many are given.
    InvalidStreamId,
    /// `ERR_INVALID_SIGNAL`: a signal's type or data is not text within the API's limits.
    InvalidSignal,
    /// `ERR_API_STATUS`: the Video REST API answered with a status outside 200 to 299 (the status, and any `Retry-After`, come with the error).
    ApiStatus,
    /// `ERR_API_UNREACHABLE`: JavaScript only: the Video REST API could not be reached (DNS, connection, TLS).
    ApiUnreachable,
    /// `ERR_API_TIMEOUT`: JavaScript only: the Video REST API did not answer in time.
    ApiTimeout,
    /// `ERR_API_ABORTED`: JavaScript only: the caller's `AbortSignal` aborted the request.
    ApiAborted,
    /// `ERR_API_ANSWER`: the Video REST API's answer is not what the call expects (not JSON, or of another shape).
    ApiAnswer,
    /// `ERR_API_ANSWER_TOO_LARGE`: the Video REST API's answer is longer than 1 MiB.
    ApiAnswerTooLarge,
}

impl ErrorCode {
    /// Every code, in declaration order.
    pub const ALL: &'static [ErrorCode] = &[
        Self::InvalidApiKey,
        Self::InvalidApiSecret,
        Self::InvalidSessionId,
        Self::SessionKeyMismatch,
        Self::InvalidOptions,
        Self::UnknownOption,
        Self::InvalidRole,
        Self::InvalidExpireTime,
        Self::InvalidData,
        Self::InvalidLayoutClassList,
        Self::InvalidTokenType,
        Self::InvalidClock,
        Self::InvalidNonce,
        Self::NoRandomness,
        Self::GeneratorFreed,
        Self::InvalidApplicationId,
        Self::InvalidPrivateKey,
        Self::InvalidPublicKey,
        Self::InvalidToken,
        Self::InvalidSignature,
        Self::TokenExpired,
        Self::InvalidArchiveId,
        Self::InvalidConnectionId,
        Self::InvalidStreamId,
        Self::InvalidSignal,
        Self::ApiStatus,
        Self::ApiUnreachable,
        Self::ApiTimeout,
        Self::ApiAborted,
        Self::ApiAnswer,
        Self::ApiAnswerTooLarge,
    ];

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
            Self::InvalidClock => "ERR_INVALID_CLOCK",
            Self::InvalidNonce => "ERR_INVALID_NONCE",
            Self::NoRandomness => "ERR_NO_RANDOMNESS",
            Self::GeneratorFreed => "ERR_GENERATOR_FREED",
            Self::InvalidApplicationId => "ERR_INVALID_APPLICATION_ID",
            Self::InvalidPrivateKey => "ERR_INVALID_PRIVATE_KEY",
            Self::InvalidPublicKey => "ERR_INVALID_PUBLIC_KEY",
            Self::InvalidToken => "ERR_INVALID_TOKEN",
            Self::InvalidSignature => "ERR_INVALID_SIGNATURE",
            Self::TokenExpired => "ERR_TOKEN_EXPIRED",
            Self::InvalidArchiveId => "ERR_INVALID_ARCHIVE_ID",
            Self::InvalidConnectionId => "ERR_INVALID_CONNECTION_ID",
            Self::InvalidStreamId => "ERR_INVALID_STREAM_ID",
            Self::InvalidSignal => "ERR_INVALID_SIGNAL",
            Self::ApiStatus => "ERR_API_STATUS",
            Self::ApiUnreachable => "ERR_API_UNREACHABLE",
            Self::ApiTimeout => "ERR_API_TIMEOUT",
            Self::ApiAborted => "ERR_API_ABORTED",
            Self::ApiAnswer => "ERR_API_ANSWER",
            Self::ApiAnswerTooLarge => "ERR_API_ANSWER_TOO_LARGE",
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Declares [`ErrorReason`]: each variant with its code, its message in Rust's names and its
/// message in the JavaScript API's names. Messages are fixed text: none quotes an input.
macro_rules! reasons {
    ($($(#[$doc:meta])* $variant:ident => $code:ident, $rust:literal, $js:literal;)*) => {
        /// Why a value was rejected: one variant per message. Several reasons share an
        /// [`ErrorCode`]; match on the code to branch, on the reason to explain.
        #[non_exhaustive]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum ErrorReason {
            $($(#[$doc])* $variant,)*
        }

        impl ErrorReason {
            /// Every reason, in declaration order (`reason as u8` is its index here).
            pub const ALL: &'static [ErrorReason] = &[$(Self::$variant),*];

            /// The stable code this reason reports.
            #[must_use]
            pub const fn code(self) -> ErrorCode {
                match self { $(Self::$variant => ErrorCode::$code,)* }
            }

            /// The message, naming the argument as the Rust API does.
            #[must_use]
            pub const fn message(self) -> &'static str {
                match self { $(Self::$variant => $rust,)* }
            }

            /// The message, naming the argument as the JavaScript API does.
            #[cfg(test)]
            pub(crate) const fn js_message(self) -> &'static str {
                match self { $(Self::$variant => $js,)* }
            }
        }
    };
}

reasons! {
    /// The API key is empty or has a character other than an ASCII digit.
    ApiKey => InvalidApiKey,
        "api_key must be a non-empty string of ASCII digits",
        "apiKey must be a positive safe integer or a non-empty string of ASCII digits";
    /// The API key is longer than [`MAX_API_KEY_LENGTH`](crate::MAX_API_KEY_LENGTH).
    ApiKeyTooLong => InvalidApiKey,
        "api_key must be at most 64 characters long",
        "apiKey must be at most 64 characters long";
    /// The API secret is empty.
    ApiSecret => InvalidApiSecret,
        "api_secret must not be empty",
        "apiSecret must be a non-empty string";
    /// The API secret is longer than [`MAX_API_SECRET_LENGTH`](crate::MAX_API_SECRET_LENGTH).
    ApiSecretTooLong => InvalidApiSecret,
        "api_secret must be at most 1024 UTF-16 code units long",
        "apiSecret must be at most 1024 UTF-16 code units long";
    /// The session id does not decode to `~`-separated fields with a non-empty second field.
    SessionId => InvalidSessionId,
        "session_id must be a Vonage Video session id: a 2-character prefix, then base64 of '~'-separated fields",
        "sessionId must be a Vonage Video session id: a 2-character prefix, then base64 of '~'-separated fields";
    /// The session id is longer than [`MAX_SESSION_ID_LENGTH`](crate::MAX_SESSION_ID_LENGTH).
    SessionIdTooLong => InvalidSessionId,
        "session_id must be at most 1024 UTF-16 code units long",
        "sessionId must be at most 1024 UTF-16 code units long";
    /// The session id names another API key.
    SessionKeyMismatch => SessionKeyMismatch,
        "session_id belongs to a different API key than api_key",
        "sessionId belongs to a different API key than apiKey";
    /// The role is not one of the four role names.
    Role => InvalidRole,
        "role must be 'publisher', 'subscriber', 'moderator' or 'publisheronly'",
        "options.role must be 'publisher', 'subscriber', 'moderator' or 'publisheronly'";
    /// The expire time is not finite, or is before the token's creation time once rounded.
    ExpireBeforeCreation => InvalidExpireTime,
        "expire_time must be a finite Unix time in seconds that is not before the token's creation time",
        "options.expireTime must be a finite Unix time in seconds (or a Date) that is not before the token's creation time";
    /// The expire time is more than 30 days after the token's creation time.
    ExpireTooLate => InvalidExpireTime,
        "expire_time must be at most 30 days after the token's creation time (it is in seconds, not milliseconds)",
        "options.expireTime must be at most 30 days after the token's creation time (it is in seconds, not milliseconds)";
    /// The connection data is longer than [`MAX_DATA_LENGTH`](crate::MAX_DATA_LENGTH).
    DataTooLong => InvalidData,
        "data must be at most 1000 UTF-16 code units long",
        "options.data must be at most 1000 UTF-16 code units long";
    /// The connection data has a lone surrogate (only a JavaScript string can).
    DataMalformed => InvalidData,
        "data must be well-formed text",
        "options.data must be a well-formed string, without lone surrogates";
    /// The joined layout class list is longer than
    /// [`MAX_LAYOUT_CLASS_LIST_LENGTH`](crate::MAX_LAYOUT_CLASS_LIST_LENGTH).
    LayoutTooLong => InvalidLayoutClassList,
        "initial_layout_class_list must be at most 1024 UTF-16 code units long once joined",
        "options.initialLayoutClassList must be at most 1024 UTF-16 code units long once joined";
    /// The layout class list has a lone surrogate (only a JavaScript string can).
    LayoutMalformed => InvalidLayoutClassList,
        "initial_layout_class_list must be well-formed text",
        "options.initialLayoutClassList must hold well-formed strings, without lone surrogates";
    /// The token type is neither `JWT` nor `T1`.
    TokenType => InvalidTokenType,
        "token_type must be 'JWT' or 'T1'",
        "options.tokenType must be 'JWT' or 'T1'";
    /// The clock reading is outside `0 ..= 8.64e15` milliseconds.
    Clock => InvalidClock,
        "now_ms must be a clock reading in milliseconds from 0 (1970) to 8.64e15",
        "the clock (Date.now(), or fixed.now in the testing entry) must read from 0 (1970) to 8.64e15 milliseconds";
    /// The nonce is not a number in `[0, 1)`, or not written as JavaScript writes one.
    Nonce => InvalidNonce,
        "nonce must be a number in [0, 1)",
        "fixed.nonce must be a number in [0, 1)";
    /// The platform has no secure random source.
    NoRandomness => NoRandomness,
        "no secure random source is available",
        "crypto.getRandomValues is not available in this runtime";
    /// The JavaScript host has no WebCrypto (`crypto.subtle`) to sign or verify RS256 with.
    NoWebCrypto => NoRandomness,
        "WebCrypto is not available",
        "crypto.subtle (WebCrypto) is not available in this runtime";
    /// The application id is not a UUID.
    ApplicationId => InvalidApplicationId,
        "application_id must be a UUID: 8-4-4-4-12 hexadecimal digits",
        "applicationId must be a UUID: 8-4-4-4-12 hexadecimal digits";
    /// The session id names another application.
    SessionApplicationMismatch => SessionKeyMismatch,
        "session_id belongs to a different application than application_id",
        "sessionId belongs to a different application than applicationId";
    /// The private key is not a PEM RSA private key.
    PrivateKey => InvalidPrivateKey,
        "private_key must be a PEM RSA private key: PKCS#8 (BEGIN PRIVATE KEY) or PKCS#1 (BEGIN RSA PRIVATE KEY)",
        "privateKey must be a PEM RSA private key: PKCS#8 (BEGIN PRIVATE KEY) or PKCS#1 (BEGIN RSA PRIVATE KEY)";
    /// The private key's modulus is shorter than 2048 or longer than 16384 bits.
    PrivateKeySize => InvalidPrivateKey,
        "private_key must be an RSA key of 2048 to 16384 bits",
        "privateKey must be an RSA key of 2048 to 16384 bits";
    /// The private key text is longer than [`MAX_KEY_PEM_LENGTH`](crate::MAX_KEY_PEM_LENGTH).
    PrivateKeyTooLong => InvalidPrivateKey,
        "private_key must be at most 16384 characters long",
        "privateKey must be at most 16384 characters long";
    /// The key to verify with is not a PEM RSA key.
    PublicKey => InvalidPublicKey,
        "public_key must be a PEM RSA key of 2048 to 16384 bits (BEGIN PUBLIC KEY, BEGIN RSA PUBLIC KEY, or a private key)",
        "key must be a PEM RSA key of 2048 to 16384 bits (BEGIN PUBLIC KEY, BEGIN RSA PUBLIC KEY, or a private key)";
    /// A client token for application credentials asked for the T1 format.
    ClientTokenType => InvalidTokenType,
        "tokens for application credentials are JWTs: token_type must be JWT",
        "tokens for application credentials are JWTs: options.tokenType must be 'JWT'";
    /// A REST API JWT's lifetime is not 1 to 2592000 seconds.
    ExpiresIn => InvalidExpireTime,
        "expires_in must be a whole number of seconds from 1 to 2592000 (30 days)",
        "options.expiresIn must be a whole number of seconds from 1 to 2592000 (30 days)";
    /// An application JWT's `acl` is not a JSON object of at most [`MAX_ACL_LENGTH`](crate::MAX_ACL_LENGTH) characters.
    Acl => InvalidOptions,
        "acl must be a JSON object of at most 8192 characters",
        "options.acl must be an object whose JSON is at most 8192 characters";
    /// An application JWT's `sub` is longer than [`MAX_SUBJECT_LENGTH`](crate::MAX_SUBJECT_LENGTH).
    Subject => InvalidOptions,
        "sub must be at most 256 UTF-16 code units long",
        "options.sub must be a string of at most 256 UTF-16 code units";
    /// The text is not a token of a known format.
    Token => InvalidToken,
        "token must be a Vonage Video token: a JWT (three base64url parts of JSON) or a T1 token (T1== then base64)",
        "token must be a Vonage Video token: a JWT (three base64url parts of JSON) or a T1 token (T1== then base64)";
    /// The token is longer than [`MAX_TOKEN_LENGTH`](crate::MAX_TOKEN_LENGTH).
    TokenTooLong => InvalidToken,
        "token must be at most 65536 characters long",
        "token must be at most 65536 characters long";
    /// A JWT's header or claims are not a JSON object (at most 32 levels deep).
    TokenJson => InvalidToken,
        "token's header and claims must be JSON objects, nested at most 32 levels deep",
        "token's header and claims must be JSON objects, nested at most 32 levels deep";
    /// The token's claims are not the ones expected (session id, role).
    ClaimMismatch => InvalidToken,
        "token's claims are not the expected ones (session_id or role)",
        "token's claims are not the expected ones (options.sessionId or options.role)";
    /// The signature does not match the key.
    Signature => InvalidSignature,
        "token's signature does not match the key",
        "token's signature does not match the key";
    /// The token's algorithm does not suit the key (or the token is unsigned).
    Algorithm => InvalidSignature,
        "token's algorithm does not suit the key: HS256 and T1 tokens need the API secret, RS256 tokens an RSA public key",
        "token's algorithm does not suit the key: HS256 and T1 tokens need the API secret, RS256 tokens an RSA public key";
    /// The token's expiry has passed.
    TokenExpired => TokenExpired,
        "token has expired",
        "token has expired";
    /// A time claim is not a number: a JWT's `exp`, `nbf` or `expire_time` must be a JSON number,
    /// a T1 token's `expire_time` digits.
    TokenTime => InvalidToken,
        "token's exp, nbf and expire_time must be numbers (a T1 token's expire_time digits)",
        "token's exp, nbf and expire_time must be numbers (a T1 token's expire_time digits)";
    /// The token's `nbf` (not before) is still to come.
    TokenNotYetValid => InvalidToken,
        "token is not valid yet (its nbf is still to come)",
        "token is not valid yet (its nbf is still to come)";
    /// The JWT's header names critical extensions (`crit`), none of which this crate understands.
    TokenCritical => InvalidToken,
        "token's header lists critical extensions (crit) that are not understood",
        "token's header lists critical extensions (crit) that are not understood";
    /// The API secret given to verify with is a public key (PEM, a JWK, base64 DER).
    SecretIsPublicKey => InvalidPublicKey,
        "api_secret is a public key (PEM, JWK or base64 DER), not an API secret: verify RS256 tokens with RsaPublicKey",
        "key is a public key (PEM, JWK or base64 DER) passed as an API secret: pass a PEM that starts with -----BEGIN, or a CryptoKey";
    /// The private key is well-formed but cannot sign: its exponent or modulus is not odd, or a
    /// component is 0 or 1.
    PrivateKeyUnusable => InvalidPrivateKey,
        "private_key cannot sign: its public exponent must be odd and at least 3, its modulus odd, and its other components greater than 1",
        "privateKey cannot sign: its public exponent must be odd and at least 3, its modulus odd, and its other components greater than 1";
    /// A WebCrypto key to verify with is not a public RSASSA-PKCS1-v1_5 SHA-256 key with the
    /// `verify` usage (JavaScript only).
    PublicCryptoKey => InvalidPublicKey,
        "the key must be a public RSASSA-PKCS1-v1_5 SHA-256 key that may verify",
        "key must be a public RSASSA-PKCS1-v1_5 CryptoKey for SHA-256 with the 'verify' usage";
    /// An archive id is not 1 to 128 characters of `A–Z a–z 0–9 - _ .`.
    ArchiveId => InvalidArchiveId,
        "archive_id must be 1 to 128 characters of A-Z, a-z, 0-9, '-', '_' and '.'",
        "archiveId must be 1 to 128 characters of A-Z, a-z, 0-9, '-', '_' and '.'";
    /// A connection id is not 1 to 128 characters of `A–Z a–z 0–9 - _ .`.
    ConnectionId => InvalidConnectionId,
        "connection_id must be 1 to 128 characters of A-Z, a-z, 0-9, '-', '_' and '.'",
        "connectionId must be 1 to 128 characters of A-Z, a-z, 0-9, '-', '_' and '.'";
    /// A stream id is not 1 to 128 characters of `A–Z a–z 0–9 - _ .`, or more than 1000 are given.
    StreamId => InvalidStreamId,
        "stream ids must be 1 to 128 characters of A-Z, a-z, 0-9, '-', '_' and '.', at most 1000 of them",
        "streamId (and each of excludedStreamIds, at most 1000) must be 1 to 128 characters of A-Z, a-z, 0-9, '-', '_' and '.'";
    /// A signal's type or data is not within the API's limits.
    Signal => InvalidSignal,
        "signal must have a type of at most 128 characters of A-Z, a-z, 0-9, '-', '_', '~' and '.', and data of at most 8192 UTF-16 code units",
        "signal must be { type, data }: a type of at most 128 characters of A-Z, a-z, 0-9, '-', '_', '~' and '.', and data of at most 8192 UTF-16 code units";
    /// A session's options are not an object.
    SessionOptions => InvalidOptions,
        "session options must be a JSON object",
        "options must be a plain object";
    /// The media mode is not `routed` or `relayed`.
    MediaMode => InvalidOptions,
        "media_mode must be 'routed' or 'relayed'",
        "options.mediaMode must be 'routed' or 'relayed'";
    /// The archive mode is not `manual` or `always`.
    ArchiveMode => InvalidOptions,
        "archive_mode must be 'manual' or 'always'",
        "options.archiveMode must be 'manual' or 'always'";
    /// The location is not a dotted IPv4 address.
    Location => InvalidOptions,
        "location must be an IPv4 address (four numbers of 0 to 255, dot-separated)",
        "options.location must be an IPv4 address (four numbers of 0 to 255, dot-separated)";
    /// `e2ee` is not a boolean.
    E2ee => InvalidOptions,
        "e2ee must be true or false",
        "options.e2ee must be true or false";
    /// An always archived session is relayed.
    AlwaysArchivedRelayed => InvalidOptions,
        "archive_mode 'always' needs media_mode 'routed'",
        "options.archiveMode 'always' needs options.mediaMode 'routed' (archives are made by the media router)";
    /// An end-to-end encrypted session is relayed.
    EncryptedRelayed => InvalidOptions,
        "e2ee needs media_mode 'routed'",
        "options.e2ee needs options.mediaMode 'routed'";
    /// An end-to-end encrypted session is archived always.
    EncryptedArchived => InvalidOptions,
        "an e2ee session cannot be archived: archive_mode must be 'manual'",
        "an end-to-end encrypted session cannot be archived: options.archiveMode must be 'manual'";
    /// An archive's options are not an object.
    ArchiveOptions => InvalidOptions,
        "archive options must be a JSON object",
        "options must be a plain object";
    /// An archive's name or multi-archive tag is not text of at most 1024 characters.
    ArchiveName => InvalidOptions,
        "name and multi_archive_tag must be text of at most 1024 UTF-16 code units",
        "options.name and options.multiArchiveTag must be strings of at most 1024 UTF-16 code units";
    /// The output mode is not `composed` or `individual`.
    ArchiveOutputMode => InvalidOptions,
        "output_mode must be 'composed' or 'individual'",
        "options.outputMode must be 'composed' or 'individual'";
    /// The resolution is not one the API takes.
    ArchiveResolution => InvalidOptions,
        "resolution must be 640x480, 480x640, 1280x720, 720x1280, 1920x1080 or 1080x1920",
        "options.resolution must be '640x480', '480x640', '1280x720', '720x1280', '1920x1080' or '1080x1920'";
    /// `has_audio`, `has_video` or `has_transcription` is not a boolean.
    ArchiveFlag => InvalidOptions,
        "has_audio, has_video and has_transcription must be true or false",
        "options.hasAudio, options.hasVideo and options.hasTranscription must be true or false";
    /// The stream mode is not `auto` or `manual`.
    ArchiveStreamMode => InvalidOptions,
        "stream_mode must be 'auto' or 'manual'",
        "options.streamMode must be 'auto' or 'manual'";
    /// The bitrate or quantization parameter is out of range, or both are given.
    ArchiveBitrate => InvalidOptions,
        "give max_bitrate (100000 to 6000000) or quantization_parameter (15 to 40), not both",
        "give options.maxBitrate (a whole number from 100000 to 6000000) or options.quantizationParameter (15 to 40), not both";
    /// The layout is not `{ type, stylesheet?, screenshareType? }` by the API's rules.
    ArchiveLayout => InvalidOptions,
        "layout must have a type (bestFit, custom, horizontalPresentation, pip, verticalPresentation), a stylesheet only with custom (required there), a screenshare_type only with bestFit",
        "options.layout must be { type: 'bestFit' | 'custom' | 'horizontalPresentation' | 'pip' | 'verticalPresentation', stylesheet (with 'custom' only, and required there), screenshareType (with 'bestFit' only) }";
    /// The transcription properties are not `{ primaryLanguageCode, hasSummary? }`.
    ArchiveTranscription => InvalidOptions,
        "transcription must have a primary_language_code (a language tag such as en-US) and an optional has_summary",
        "options.transcriptionProperties must be { primaryLanguageCode: a language tag such as 'en-US', hasSummary?: boolean }";
    /// A search's filter is not `{ offset, count, sessionId }` in range.
    ArchiveFilter => InvalidOptions,
        "the filter's offset must be a whole number of at least 0 and its count 1 to 1000",
        "filter must be { offset?: a whole number of at least 0, count?: 1 to 1000, sessionId?: string }";
    /// An options object has a key this crate does not know.
    UnknownOption => UnknownOption,
        "options have an unknown key",
        "options have an unknown key";
    /// The API answered with a status outside 200 to 299.
    ApiStatus => ApiStatus,
        "the Video REST API answered with an error status",
        "the Video REST API answered with an error status";
    /// The API could not be reached.
    ApiUnreachable => ApiUnreachable,
        "the Video REST API could not be reached",
        "the Video REST API could not be reached";
    /// The API did not answer in time.
    ApiTimeout => ApiTimeout,
        "the Video REST API did not answer in time",
        "the Video REST API did not answer in time";
    /// The caller aborted the request.
    ApiAborted => ApiAborted,
        "the request to the Video REST API was aborted",
        "the request to the Video REST API was aborted by the caller's signal";
    /// The API's answer is not what the call expects.
    ApiAnswer => ApiAnswer,
        "the Video REST API's answer is not the JSON this call expects",
        "the Video REST API's answer is not the JSON this call expects";
    /// The API's answer is longer than 1 MiB.
    ApiAnswerTooLarge => ApiAnswerTooLarge,
        "the Video REST API's answer is longer than 1 MiB",
        "the Video REST API's answer is longer than 1 MiB";
}

impl ErrorReason {
    /// The reason whose discriminant is `index` (`reason as u8`).
    #[must_use]
    pub fn from_index(index: u8) -> Option<Self> {
        Self::ALL.get(usize::from(index)).copied()
    }
}

/// A value was rejected.
///
/// Carries a stable [`ErrorCode`], the finer [`ErrorReason`] and a fixed human-readable message
/// that names the offending argument. Messages never contain the API secret or any other input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Error {
    reason: ErrorReason,
}

impl Error {
    /// The stable error code.
    #[must_use]
    pub const fn code(&self) -> ErrorCode {
        self.reason.code()
    }

    /// Why the value was rejected.
    #[must_use]
    pub const fn reason(&self) -> ErrorReason {
        self.reason
    }

    /// The human-readable message (fixed text; never contains input values).
    #[must_use]
    pub const fn message(&self) -> &'static str {
        self.reason.message()
    }
}

impl From<ErrorReason> for Error {
    fn from(reason: ErrorReason) -> Self {
        Self { reason }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code().as_str(), self.message())
    }
}

impl core::error::Error for Error {}

/// Shorthand for the crate's fallible results.
pub(crate) type Result<T> = core::result::Result<T, Error>;

/// An error for `reason`, usable in `const` items.
pub(crate) const fn fail(reason: ErrorReason) -> Error {
    Error { reason }
}
