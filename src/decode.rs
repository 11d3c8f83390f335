//! Reading tokens back: [`decode_token`] reads every format (HS256 and RS256 JWTs, `T1==`
//! tokens of every official SDK) without verifying; [`verify_token_at`] checks an HS256 or T1
//! token's signature with the API secret (in constant time), its expiry and, optionally, the
//! session and role it is for. RS256 tokens are verified by the caller's RSA implementation
//! against [`DecodedToken::signing_input`] and [`DecodedToken::signature`], then
//! [`DecodedToken::check_claims_at`].

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;
use hmac::{Hmac, Mac};
use sha1::Sha1;
use sha2::Sha256;

use crate::base64::{Canonical, Decoder};
use crate::error::{fail, Error, ErrorReason, Result};
use crate::json::{self, Object};
use crate::limits::{utf16_len_exceeds, MAX_TOKEN_LENGTH};
use crate::options::Role;
use crate::project::keyed;
use crate::text::push_json_string;

/// The two token formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum TokenFormat {
    /// A JSON Web Token (HS256 for project credentials, RS256 for application credentials).
    Jwt,
    /// A legacy `T1==` token.
    T1,
}

impl TokenFormat {
    /// `"JWT"` or `"T1"`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Jwt => "JWT",
            Self::T1 => "T1",
        }
    }
}

/// How a token is signed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Algorithm {
    /// HMAC-SHA256 with the API secret (project JWTs).
    Hs256,
    /// RSASSA-PKCS1-v1_5 with SHA-256 (application JWTs).
    Rs256,
    /// HMAC-SHA1 with the API secret, hex (T1 tokens).
    T1HmacSha1,
    /// Anything else a JWT header names, `none` included: never verified.
    Other,
}

/// The claims a Vonage Video token can carry, typed. Every field is optional: which ones a token
/// has depends on the SDK that minted it. In a T1 token every value is text, as the SDK wrote it
/// in its query string; the integer fields are read from that text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct TokenClaims {
    /// The session the token admits to.
    pub session_id: Option<String>,
    /// `publisher`, `subscriber`, `moderator` or `publisheronly`.
    pub role: Option<String>,
    /// `session.connect`.
    pub scope: Option<String>,
    /// Connection data.
    pub connection_data: Option<String>,
    /// Layout classes, space-separated.
    pub initial_layout_class_list: Option<String>,
    /// The API key (project JWTs).
    pub iss: Option<String>,
    /// `project` (project JWTs).
    pub ist: Option<String>,
    /// `video` (application tokens).
    pub sub: Option<String>,
    /// The token id (application tokens).
    pub jti: Option<String>,
    /// The application id (application tokens).
    pub application_id: Option<String>,
    /// The API key (T1 tokens).
    pub partner_id: Option<String>,
    /// Issued at, Unix seconds.
    pub iat: Option<i64>,
    /// Expiry, Unix seconds (JWTs).
    pub exp: Option<i64>,
    /// Creation time, Unix seconds (project tokens).
    pub create_time: Option<i64>,
    /// Expiry, Unix seconds (project tokens).
    pub expire_time: Option<i64>,
    /// The nonce as written (a number in JWTs, text in T1 tokens).
    pub nonce: Option<String>,
}

impl TokenClaims {
    /// The claims from the payload's members, and when the token is valid, in one pass (the
    /// first of a name counts).
    fn read(object: &Object<'_>, format: TokenFormat) -> (Self, Validity) {
        let mut claims = Self::default();
        let mut validity = Validity::default();
        let mut times = [None; 3];
        for (key, raw) in object.members() {
            let Some(name) = json::key_text(key) else { continue };
            if let Some(field) = claims.text_field(&name) {
                if field.is_none() {
                    *field = json::string_value(raw);
                }
                continue;
            }
            let time = match &*name {
                "exp" => times.get_mut(0),
                "expire_time" => times.get_mut(1),
                "nbf" => times.get_mut(2),
                _ => None,
            };
            if let Some(time @ None) = time {
                *time = Some(validity.read_time(raw, format));
            }
            if let Some(field) = claims.integer_field(&name) {
                if field.is_none() {
                    *field = json::integer_value(raw);
                }
            } else if name == "nonce" && claims.nonce.is_none() {
                claims.nonce = json::number_text_value(raw);
            }
        }
        let [exp, expire_time, nbf] = times;
        validity.expiry = [exp.flatten(), expire_time.flatten()];
        // A T1 token's time is its expire_time alone; exp and nbf are a JWT's.
        validity.not_before = nbf.flatten().filter(|_| format == TokenFormat::Jwt);
        if format == TokenFormat::T1 {
            validity.expiry[0] = None;
        }
        (claims, validity)
    }

    /// The text claim called `name`, if it is one.
    fn text_field(&mut self, name: &str) -> Option<&mut Option<String>> {
        Some(match name {
            "session_id" => &mut self.session_id,
            "role" => &mut self.role,
            "scope" => &mut self.scope,
            "connection_data" => &mut self.connection_data,
            "initial_layout_class_list" => &mut self.initial_layout_class_list,
            "iss" => &mut self.iss,
            "ist" => &mut self.ist,
            "sub" => &mut self.sub,
            "jti" => &mut self.jti,
            "application_id" => &mut self.application_id,
            "partner_id" => &mut self.partner_id,
            _ => return None,
        })
    }

    /// The integer claim called `name`, if it is one.
    fn integer_field(&mut self, name: &str) -> Option<&mut Option<i64>> {
        Some(match name {
            "iat" => &mut self.iat,
            "exp" => &mut self.exp,
            "create_time" => &mut self.create_time,
            "expire_time" => &mut self.expire_time,
            _ => return None,
        })
    }

    /// When the token expires: `exp`, else `expire_time`.
    #[must_use]
    pub fn expires_at(&self) -> Option<i64> {
        self.exp.or(self.expire_time)
    }
}

/// The claims that say when a token is valid, read for verifying: each absent, a number, or
/// malformed (which makes the token invalid, never "no expiry").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Validity {
    /// `exp` and `expire_time` (seconds since the epoch, RFC 7519's NumericDate: fractions
    /// allowed): the token is expired from the earlier of them on.
    expiry: [Option<json::Floor>; 2],
    /// `nbf`: the token is not valid before it.
    not_before: Option<json::Floor>,
    /// A time claim that is not a number (a JWT) or not digits (T1).
    malformed: bool,
    /// A JWT header with `crit`: extensions this crate does not understand.
    critical: bool,
}

impl Validity {
    /// A time claim's value: a JWT's must be a JSON number; a T1 token's `expire_time` (text in its
    /// query string) digits. Anything else marks the token malformed.
    fn read_time(&mut self, raw: &str, format: TokenFormat) -> Option<json::Floor> {
        let value = match format {
            TokenFormat::Jwt => json::number_value(raw),
            TokenFormat::T1 => json::string_value(raw)
                .filter(|text| !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|text| json::number_value(&text)),
        };
        self.malformed |= value.is_none();
        value
    }

    /// Valid at `now` (whole seconds) give or take `tolerance` seconds.
    fn check(&self, now: i64, tolerance: u32) -> Result<()> {
        if self.critical {
            return Err(fail(ErrorReason::TokenCritical));
        }
        if self.malformed {
            return Err(fail(ErrorReason::TokenTime));
        }
        // Expired when now ≥ expiry + tolerance; not valid yet when nbf > now + tolerance.
        let tolerance = i64::from(tolerance);
        if self.expiry.iter().flatten().any(|expiry| expiry.at_most(now.saturating_sub(tolerance))) {
            return Err(fail(ErrorReason::TokenExpired));
        }
        if self.not_before.is_some_and(|not_before| not_before.above(now.saturating_add(tolerance))) {
            return Err(fail(ErrorReason::TokenNotYetValid));
        }
        Ok(())
    }
}

/// A token read back: its format, algorithm, header and claims (as JSON text and typed), and
/// what its signature covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodedToken {
    format: TokenFormat,
    algorithm: Algorithm,
    header: Option<String>,
    claims_json: String,
    claims: TokenClaims,
    validity: Validity,
    signing_input: String,
    signature: Vec<u8>,
}

impl DecodedToken {
    /// JWT or T1.
    #[must_use]
    pub fn format(&self) -> TokenFormat {
        self.format
    }

    /// How the token says it is signed.
    #[must_use]
    pub fn algorithm(&self) -> Algorithm {
        self.algorithm
    }

    /// A JWT's header, as JSON text; `None` for T1.
    #[must_use]
    pub fn header_json(&self) -> Option<&str> {
        self.header.as_deref()
    }

    /// The claims as JSON text: a JWT's payload as written; for T1, an object of the query
    /// string's fields as text (`partner_id` first, then the signed fields in their order).
    #[must_use]
    pub fn claims_json(&self) -> &str {
        &self.claims_json
    }

    /// The claims, typed.
    #[must_use]
    pub fn claims(&self) -> &TokenClaims {
        &self.claims
    }

    /// What the signature covers: a JWT's `header.payload`, a T1 token's data string.
    #[must_use]
    pub fn signing_input(&self) -> &str {
        &self.signing_input
    }

    /// The signature's bytes.
    #[must_use]
    pub fn signature(&self) -> &[u8] {
        &self.signature
    }

    /// Checks what a verified token must also be: a JWT header without `crit` (no extension is
    /// understood); its time claims numbers (`exp`, `nbf`, `expire_time`: a JWT's JSON numbers,
    /// fractions allowed; a T1 token's `expire_time` digits), never read as "no expiry"; not
    /// expired (`now_ms` is a clock reading in ms, taken in whole seconds; a token is expired from
    /// its expiry on, the earlier of `exp` and `expire_time`) and not before its `nbf`, each give
    /// or take the tolerance; and the expected session and role. For a token whose signature the
    /// caller has verified.
    ///
    /// # Errors
    /// [`ErrorCode::TokenExpired`](crate::ErrorCode::TokenExpired), or
    /// [`ErrorCode::InvalidToken`](crate::ErrorCode::InvalidToken) for a `crit` header, a time
    /// claim that is not a number, a token not valid yet, or other claims than expected.
    pub fn check_claims_at(&self, options: &VerifyOptions<'_>, now_ms: f64) -> Result<()> {
        let now = crate::claims::issued_at(now_ms)?;
        self.validity.check(now, options.clock_tolerance)?;
        let session_ok =
            options.session_id.as_deref().is_none_or(|want| self.claims.session_id.as_deref() == Some(want));
        let role_ok = options.role.is_none_or(|want| self.claims.role.as_deref() == Some(want.as_str()));
        if session_ok && role_ok {
            Ok(())
        } else {
            Err(fail(ErrorReason::ClaimMismatch))
        }
    }
}

/// What [`verify_token_at`] expects besides the signature.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct VerifyOptions<'a> {
    /// Seconds of clock skew to allow at the expiry; 0 by default.
    pub clock_tolerance: u32,
    /// The session the token must be for.
    pub session_id: Option<Cow<'a, str>>,
    /// The role the token must give.
    pub role: Option<Role>,
}

impl<'a> VerifyOptions<'a> {
    /// No tolerance, no expectations.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the clock tolerance, in seconds.
    #[must_use]
    pub fn clock_tolerance(mut self, seconds: u32) -> Self {
        self.clock_tolerance = seconds;
        self
    }

    /// Expects this session id.
    #[must_use]
    pub fn session_id(mut self, session_id: impl Into<Cow<'a, str>>) -> Self {
        self.session_id = Some(session_id.into());
        self
    }

    /// Expects this role.
    #[must_use]
    pub fn role(mut self, role: Role) -> Self {
        self.role = Some(role);
        self
    }
}

const INVALID: Error = fail(ErrorReason::Token);
const INVALID_JSON: Error = fail(ErrorReason::TokenJson);

/// Decodes canonical base64 (one encoding per byte string, so a token cannot be re-encoded and
/// still verify): base64url for a JWT's parts, either alphabet for a T1 token (Java writes it
/// URL-safe).
fn base64_text(encoded: &[u8], alphabet: Canonical) -> Result<Vec<u8>> {
    let mut bytes = Vec::with_capacity(encoded.len() / 4 * 3 + 2);
    Decoder::canonical(encoded, alphabet).and_then(|d| d.decode_into(&mut bytes, true)).ok_or(INVALID)?;
    Ok(bytes)
}

/// A JSON object with no key twice at the top (a reader that took the first and one that took the
/// last would disagree about the token).
fn unique_object(text: &str) -> Result<Object<'_>> {
    let object = json::parse_object(text).ok_or(INVALID_JSON)?;
    // At most json::MAX_MEMBERS keys, so comparing each with those before it stays cheap.
    let keys: Vec<Cow<'_, str>> = object.keys().map(json::key_text).collect::<Option<_>>().ok_or(INVALID_JSON)?;
    if keys.iter().enumerate().any(|(i, key)| keys.get(..i).is_some_and(|earlier| earlier.contains(key))) {
        return Err(INVALID_JSON);
    }
    Ok(object)
}

fn decode_jwt(token: &str) -> Result<DecodedToken> {
    let mut parts = token.split('.');
    let (Some(header), Some(payload), Some(signature), None) = (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(INVALID);
    };
    if header.is_empty() || payload.is_empty() {
        return Err(INVALID);
    }
    let header_json =
        String::from_utf8(base64_text(header.as_bytes(), Canonical::UrlUnpadded)?).map_err(|_| INVALID)?;
    let claims_json =
        String::from_utf8(base64_text(payload.as_bytes(), Canonical::UrlUnpadded)?).map_err(|_| INVALID)?;
    let header_object = unique_object(&header_json)?;
    let algorithm = match header_object.string("alg").ok_or(INVALID_JSON)?.as_str() {
        "HS256" => Algorithm::Hs256,
        "RS256" => Algorithm::Rs256,
        _ => Algorithm::Other,
    };
    let critical = header_object.raw("crit").is_some();
    let members = unique_object(&claims_json)?;
    let (claims, validity) = TokenClaims::read(&members, TokenFormat::Jwt);
    let validity = Validity { critical, ..validity };
    Ok(DecodedToken {
        format: TokenFormat::Jwt,
        algorithm,
        header: Some(header_json),
        claims_json,
        claims,
        validity,
        signing_input: String::from(token.get(..header.len() + 1 + payload.len()).unwrap_or_default()),
        signature: base64_text(signature.as_bytes(), Canonical::UrlUnpadded)?,
    })
}

/// Decodes `%XX` escapes and `+` (a space, as PHP, Python and Ruby write it) of a query-string value.
fn unescape_query(text: &str) -> Result<String> {
    let mut out = Vec::with_capacity(text.len());
    let mut bytes = text.bytes();
    while let Some(b) = bytes.next() {
        out.push(match b {
            b'+' => b' ',
            b'%' => {
                let high = bytes.next().and_then(json::hex_digit).ok_or(INVALID)?;
                let low = bytes.next().and_then(json::hex_digit).ok_or(INVALID)?;
                (high << 4) | low
            }
            _ => b,
        });
    }
    String::from_utf8(out).map_err(|_| INVALID)
}

/// A lower-case hex digit's value: the one spelling every SDK writes (no `A`–`F`, no sign).
fn lower_hex(digit: u8) -> Result<u8> {
    match digit {
        b'0'..=b'9' => Ok(digit - b'0'),
        b'a'..=b'f' => Ok(digit - b'a' + 10),
        _ => Err(INVALID),
    }
}

fn decode_t1(token: &str) -> Result<DecodedToken> {
    let body = token.strip_prefix("T1==").ok_or(INVALID)?;
    let plain = String::from_utf8(base64_text(body.as_bytes(), Canonical::Padded)?).map_err(|_| INVALID)?;
    let (head, data) = plain.split_once(':').ok_or(INVALID)?;
    let mut partner_id = None;
    let mut signature = None;
    for field in head.split('&') {
        match field.split_once('=') {
            Some(("partner_id", value)) if partner_id.is_none() => {
                let unescaped = unescape_query(value)?;
                // Unsigned, so an API key has one spelling only: its digits, as every SDK writes it.
                if unescaped != value && !unescaped.is_empty() && unescaped.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(INVALID);
                }
                partner_id = Some(unescaped);
            }
            // Lower-case hex, as every SDK writes it: one encoding per signature.
            Some(("sig", value)) if signature.is_none() && value.len() == 40 => {
                let mut bytes = Vec::with_capacity(20);
                for pair in value.as_bytes().chunks_exact(2) {
                    let &[high, low] = pair else { return Err(INVALID) };
                    bytes.push((lower_hex(high)? << 4) | lower_hex(low)?);
                }
                signature = Some(bytes);
            }
            _ => return Err(INVALID),
        }
    }
    let (Some(partner_id), Some(signature)) = (partner_id, signature) else { return Err(INVALID) };
    let mut json = Vec::with_capacity(data.len() + partner_id.len() + 64);
    json.extend_from_slice(b"{\"partner_id\":");
    push_json_string(&mut json, &partner_id);
    let mut seen: Vec<String> = Vec::new();
    for field in data.split('&') {
        let (key, value) = field.split_once('=').ok_or(INVALID)?;
        let key = unescape_query(key)?;
        if key.is_empty() || key == "partner_id" || seen.contains(&key) {
            return Err(INVALID);
        }
        json.push(b',');
        push_json_string(&mut json, &key);
        json.push(b':');
        push_json_string(&mut json, &unescape_query(value)?);
        seen.push(key);
    }
    json.push(b'}');
    let claims_json = String::from_utf8(json).map_err(|_| INVALID)?;
    let payload = json::parse_object(&claims_json).ok_or(INVALID)?;
    let (claims, validity) = TokenClaims::read(&payload, TokenFormat::T1);
    Ok(DecodedToken {
        format: TokenFormat::T1,
        algorithm: Algorithm::T1HmacSha1,
        header: None,
        claims_json,
        claims,
        validity,
        signing_input: String::from(data),
        signature,
    })
}

/// Reads a token without verifying it: a JWT (any algorithm; header and claims must be JSON
/// objects nested at most 32 levels, with no key twice) or a `T1==` token of any official SDK.
/// Whitespace around the token (from a copied header or file) is ignored; inside it, it is not.
///
/// ```
/// use vonage_video_token::{decode_token, TokenFormat};
/// let token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiIxMjM0NTYiLCJpc3QiOiJwcm9qZWN0IiwiaWF0IjoxNzAwMDAwMDAwLCJleHAiOjE3MDAwODY0MDAsInNlc3Npb25faWQiOiIxX01YNHhNak0wTlRaLWZsTmhkQ0JOWVhJZ01UVWdNVFE2TkRJNk1qTWdVRVJVSURJd01UUi1NQzQwT1RBeE16QXlOWDQiLCJjcmVhdGVfdGltZSI6MTcwMDAwMDAwMCwibm9uY2UiOjAuMzk0MjYwOTg4MTA1MDg4NSwicm9sZSI6InB1Ymxpc2hlciIsImV4cGlyZV90aW1lIjoxNzAwMDg2NDAwLCJpbml0aWFsX2xheW91dF9jbGFzc19saXN0IjoiIiwic2NvcGUiOiJzZXNzaW9uLmNvbm5lY3QifQ.1U1Al1oHrEZjPC7aFBRvzrjN1VlgTOMV1EMsSD0Wgc4";
/// let decoded = decode_token(token)?;
/// assert_eq!(decoded.format(), TokenFormat::Jwt);
/// assert_eq!(decoded.claims().expire_time, Some(1_700_086_400));
/// # Ok::<(), vonage_video_token::Error>(())
/// ```
///
/// # Errors
/// [`ErrorCode::InvalidToken`](crate::ErrorCode::InvalidToken) for anything else, or a token
/// longer than [`MAX_TOKEN_LENGTH`](crate::MAX_TOKEN_LENGTH).
pub fn decode_token(token: &str) -> Result<DecodedToken> {
    if utf16_len_exceeds(token, MAX_TOKEN_LENGTH) {
        return Err(fail(ErrorReason::TokenTooLong));
    }
    let token = token.trim();
    if token.starts_with("T1==") {
        decode_t1(token)
    } else {
        decode_jwt(token)
    }
}

/// Whether a would-be API secret is in fact a public (or any) key: a PEM block anywhere in it
/// (behind a preamble, in quotes, with CRLF), a JWK (a JSON object with `kty`), or base64 of a DER
/// structure (a SEQUENCE whose length covers the whole, as SubjectPublicKeyInfo and PKCS#1 keys
/// are). Real API secrets (40 hex digits) are none of these.
fn is_key_text(secret: &str) -> bool {
    // Byte windows rather than str::contains, whose searcher would weigh on the module's size.
    let has = |text: &[u8], needle: &[u8]| text.windows(needle.len()).any(|window| window == needle);
    if has(secret.as_bytes(), b"-----BEGIN") {
        return true;
    }
    if has(secret.as_bytes(), b"\"kty\"") && secret.trim_start().starts_with(['{', '"', '\'']) {
        return true;
    }
    // Whitespace (base64 on several lines) and quotes around it go. Read in place, without a
    // copy (it would be a copy of the secret): every symbol base64, padded, and the first six
    // bytes decoded for the DER header.
    let kept = |b: &u8| !b.is_ascii_whitespace() && *b != b'"' && *b != b'\'';
    let mut symbols = 0usize;
    let mut padding = 0usize;
    let mut head = 0u64;
    for b in secret.bytes().filter(kept) {
        let value = if b == b'=' {
            padding += 1;
            0
        } else if padding > 0 {
            return false;
        } else {
            match crate::base64::sextet(b) {
                Some(value) => value,
                None => return false,
            }
        };
        if symbols < 8 {
            head = (head << 6) | u64::from(value);
        }
        symbols += 1;
    }
    if symbols < 64 || symbols % 4 != 0 || padding > 2 {
        return false;
    }
    let decoded = symbols / 4 * 3 - padding;
    let der = head.to_be_bytes();
    let der = der.get(2..).unwrap_or_default();
    // SEQUENCE, then a definite length (short, or long in 1 to 3 bytes) that covers the rest.
    let (Some(&0x30), Some(&first)) = (der.first(), der.get(1)) else { return false };
    let (header, length) = match first {
        0..=0x7f => (2, usize::from(first)),
        0x81..=0x83 => {
            let count = usize::from(first & 0x7f);
            let bytes = der.get(2..2 + count).unwrap_or_default();
            (2 + count, bytes.iter().fold(0, |n, &b| (n << 8) | usize::from(b)))
        }
        _ => return false,
    };
    header + length == decoded
}

/// Verifies an HS256 JWT or a T1 token with the project's API secret, at a given clock reading
/// (ms): the token's form, then its algorithm (RS256 and unsigned tokens are refused: they are not
/// signed with a secret), the signature (compared in constant time; a T1 token's unsigned
/// `partner_id` must also name the project that owns its session), then the claims
/// ([`DecodedToken::check_claims_at`]: `crit`, the time claims, the expectations in `options`). A
/// secret that is a key (a PEM anywhere in it, a JWK, base64 DER) is refused outright, so a public
/// key can never serve as an HMAC secret (the algorithm-confusion attack).
///
/// # Errors
/// [`ErrorCode::InvalidToken`](crate::ErrorCode::InvalidToken),
/// [`ErrorCode::InvalidApiSecret`](crate::ErrorCode::InvalidApiSecret),
/// [`ErrorCode::InvalidPublicKey`](crate::ErrorCode::InvalidPublicKey) (a key as the secret),
/// [`ErrorCode::InvalidSignature`](crate::ErrorCode::InvalidSignature),
/// [`ErrorCode::TokenExpired`](crate::ErrorCode::TokenExpired), or
/// [`ErrorCode::InvalidClock`](crate::ErrorCode::InvalidClock).
pub fn verify_token_at(
    token: &str,
    api_secret: &str,
    options: &VerifyOptions<'_>,
    now_ms: f64,
) -> Result<DecodedToken> {
    let decoded = decode_token(token)?;
    crate::project::check_secret(api_secret)?;
    if is_key_text(api_secret) {
        return Err(fail(ErrorReason::SecretIsPublicKey));
    }
    let verified = match decoded.algorithm {
        Algorithm::Hs256 => keyed::<Hmac<Sha256>>(api_secret)?
            .chain_update(decoded.signing_input.as_bytes())
            .verify_slice(&decoded.signature)
            .is_ok(),
        Algorithm::T1HmacSha1 => keyed::<Hmac<Sha1>>(api_secret)?
            .chain_update(decoded.signing_input.as_bytes())
            .verify_slice(&decoded.signature)
            .is_ok(),
        Algorithm::Rs256 | Algorithm::Other => return Err(fail(ErrorReason::Algorithm)),
    };
    // A T1 token's `partner_id` is outside what its signature covers: it must name the project
    // that owns the (signed) session id, or anyone could change it.
    let partner_ok = decoded.format != TokenFormat::T1
        || decoded.claims.session_id.as_deref().and_then(crate::session_api_key) == decoded.claims.partner_id;
    if !verified || !partner_ok {
        return Err(fail(ErrorReason::Signature));
    }
    decoded.check_claims_at(options, now_ms)?;
    Ok(decoded)
}

/// [`verify_token_at`] with the platform's clock.
///
/// # Errors
/// As [`verify_token_at`].
#[cfg(feature = "std")]
pub fn verify_token(token: &str, api_secret: &str, options: &VerifyOptions<'_>) -> Result<DecodedToken> {
    verify_token_at(token, api_secret, options, crate::host::now_ms())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;
    use crate::{generate_token_at, Nonce, TokenOptions, TokenType};

    const KEY: &str = "123456";
    const SECRET: &str = "1234567890abcdef1234567890abcdef1234567890";
    const SESSION: &str = "1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4";
    const NOW: f64 = 1_700_000_000_000.0;

    fn mint(token_type: TokenType) -> String {
        let options = TokenOptions::new().role(Role::Moderator).data("a b+c é").token_type(token_type);
        generate_token_at(KEY, SECRET, SESSION, &options, NOW, &Nonce::new(0.5).unwrap()).unwrap()
    }

    #[test]
    fn round_trips_both_formats() {
        for token_type in [TokenType::Jwt, TokenType::T1] {
            let token = mint(token_type);
            let decoded =
                verify_token_at(&token, SECRET, &VerifyOptions::new().session_id(SESSION).role(Role::Moderator), NOW)
                    .unwrap();
            let claims = decoded.claims();
            assert_eq!(claims.session_id.as_deref(), Some(SESSION));
            assert_eq!(claims.connection_data.as_deref(), Some("a b+c é"));
            assert_eq!(claims.expire_time, Some(1_700_086_400));
            assert_eq!(claims.nonce.as_deref(), Some("0.5"));
            assert_eq!(decoded.format(), if token_type == TokenType::T1 { TokenFormat::T1 } else { TokenFormat::Jwt });
        }
        let t1 = decode_token(&mint(TokenType::T1)).unwrap();
        assert!(t1.claims_json().starts_with(r#"{"partner_id":"123456","session_id":"#), "{}", t1.claims_json());
    }

    #[test]
    fn wrong_key_expired_and_unexpected_claims() {
        for token_type in [TokenType::Jwt, TokenType::T1] {
            let token = mint(token_type);
            let code = |secret: &str, options: VerifyOptions<'_>, now: f64| {
                verify_token_at(&token, secret, &options, now).err().map(|e| e.code())
            };
            assert_eq!(code("another secret", VerifyOptions::new(), NOW), Some(ErrorCode::InvalidSignature));
            assert_eq!(code(SECRET, VerifyOptions::new(), 1_700_086_400_000.0), Some(ErrorCode::TokenExpired));
            assert_eq!(code(SECRET, VerifyOptions::new().clock_tolerance(1), 1_700_086_400_000.0), None);
            assert_eq!(code(SECRET, VerifyOptions::new().role(Role::Subscriber), NOW), Some(ErrorCode::InvalidToken));
            assert_eq!(code(SECRET, VerifyOptions::new().session_id("2_other"), NOW), Some(ErrorCode::InvalidToken));
            assert_eq!(code("", VerifyOptions::new(), NOW), Some(ErrorCode::InvalidApiSecret));
            assert_eq!(
                code("-----BEGIN PUBLIC KEY-----", VerifyOptions::new(), NOW),
                Some(ErrorCode::InvalidPublicKey)
            );
        }
    }

    #[test]
    fn tampered_and_malformed_tokens() {
        let jwt = mint(TokenType::Jwt);
        let (input, _) = jwt.rsplit_once('.').unwrap();
        let code = |token: &str| verify_token_at(token, SECRET, &VerifyOptions::new(), NOW).err().map(|e| e.code());
        // alg none, and a flipped payload character.
        let none = format!("eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.{}.", input.split('.').nth(1).unwrap());
        assert_eq!(code(&none), Some(ErrorCode::InvalidSignature));
        let claims = decode_token(&jwt).unwrap().claims_json().replace("moderator", "publisher");
        let mut payload = Vec::new();
        crate::base64::encode_url(&mut payload, claims.as_bytes());
        let (header, rest) = jwt.split_once('.').unwrap();
        let tampered = format!("{header}.{}.{}", String::from_utf8(payload).unwrap(), rest.rsplit_once('.').unwrap().1);
        assert_eq!(code(&tampered), Some(ErrorCode::InvalidSignature));
        for bad in [
            "",
            "x",
            "a.b",
            "a.b.c.d",
            "e30.e30",
            "T1==",
            "T1==!!!!",
            &jwt[..jwt.len() / 2],
            "eyJhbGciOiJIUzI1NiJ9.W10.",
            "W10.e30.",
            "e30.e30.",
        ] {
            assert_eq!(decode_token(bad).err().map(|e| e.code()), Some(ErrorCode::InvalidToken), "{bad}");
        }
        // A duplicated claim is refused: readers that took the first and the last would disagree.
        let dup = format!("eyJhbGciOiJIUzI1NiJ9.{}.", "eyJzZXNzaW9uX2lkIjoiYSIsInNlc3Npb25faWQiOiJiIn0");
        assert_eq!(decode_token(&dup).err().map(|e| e.reason()), Some(ErrorReason::TokenJson));
        assert_eq!(
            decode_token(&"a".repeat(MAX_TOKEN_LENGTH + 1)).err().map(|e| e.reason()),
            Some(ErrorReason::TokenTooLong)
        );
    }

    /// The one other spelling of a token that verifies: a T1 body in the URL-safe alphabet.
    fn other_spelling(token: &str) -> Option<String> {
        let body = token.strip_prefix("T1==")?;
        let url_safe = body.replace('+', "-").replace('/', "_");
        (url_safe != body).then(|| alloc::format!("T1=={url_safe}"))
    }

    #[test]
    fn no_changed_token_verifies() {
        // Every symbol of either base64 alphabet's distinctive part, separators, padding, space.
        const SYMBOLS: &[u8] = b"AQgwz09-_+/=.&~ ";
        let verifies = |token: &str| verify_token_at(token, SECRET, &VerifyOptions::new(), NOW).is_ok();
        for token_type in [TokenType::Jwt, TokenType::T1] {
            let token = mint(token_type);
            let other = other_spelling(&token);
            assert!(verifies(&token));
            let may_verify = |changed: &str| changed.trim() == token || Some(changed) == other.as_deref();
            let mut bytes = token.clone().into_bytes();
            for at in 0..bytes.len() {
                let original = bytes[at];
                for &symbol in SYMBOLS {
                    bytes[at] = symbol;
                    let changed = core::str::from_utf8(&bytes).unwrap();
                    assert!(may_verify(changed) || !verifies(changed), "{token_type:?}: {changed}");
                }
                bytes[at] = original;
            }
            for len in 0..token.len() {
                assert!(!verifies(&token[..len]), "{token_type:?} cut to {len}");
            }
            for &symbol in SYMBOLS.iter().filter(|s| **s != b' ') {
                let extended = alloc::format!("{token}{}", char::from(symbol));
                assert!(!verifies(&extended), "{extended}");
            }
        }
    }

    #[test]
    fn no_other_signature_verifies() {
        let verifies = |token: &str| verify_token_at(token, SECRET, &VerifyOptions::new(), NOW).is_ok();
        // HS256: the signature's bytes changed, cut, extended, each re-encoded canonically; and padded.
        let token = mint(TokenType::Jwt);
        let (input, signature) = token.rsplit_once('.').unwrap();
        let mut mac = Vec::new();
        crate::base64::Decoder::new(signature.as_bytes()).unwrap().for_each(|b| mac.push(b)).unwrap();
        assert_eq!(mac.len(), 32);
        let mut variants = alloc::vec![mac[..31].to_vec(), [&mac[..], &[0]].concat(), mac[1..].to_vec(), Vec::new()];
        for at in [0, 15, 31] {
            for bit in [0x01, 0x80] {
                let mut changed = mac.clone();
                changed[at] ^= bit;
                variants.push(changed);
            }
        }
        for variant in variants {
            let mut encoded = Vec::new();
            crate::base64::encode_url(&mut encoded, &variant);
            let forged = alloc::format!("{input}.{}", String::from_utf8(encoded).unwrap());
            assert!(!verifies(&forged), "{forged}");
        }
        for padded in [alloc::format!("{token}="), alloc::format!("{token}=="), token.replacen('.', "=.", 1)] {
            assert!(!verifies(&padded), "{padded}");
        }
        // T1: the signature's hex with one digit changed, cut or extended.
        let t1 = mint(TokenType::T1);
        let mut plain = Vec::new();
        crate::base64::Decoder::new(&t1.as_bytes()[4..]).unwrap().for_each(|b| plain.push(b)).unwrap();
        let plain = String::from_utf8(plain).unwrap();
        let (head, data) = plain.split_once(':').unwrap();
        let sig = head.split("&sig=").nth(1).unwrap();
        let flipped = alloc::format!("{}{}", if sig.starts_with('0') { '1' } else { '0' }, &sig[1..]);
        for other in [flipped, sig[..39].to_owned(), alloc::format!("{sig}0"), sig[..38].to_owned()] {
            let forged_plain = alloc::format!("{}:{data}", head.replace(sig, &other));
            let mut body = Vec::new();
            crate::base64::encode_standard(&mut body, forged_plain.as_bytes());
            let forged = alloc::format!("T1=={}", String::from_utf8(body).unwrap());
            assert!(!verifies(&forged), "{forged_plain}");
        }
    }

    #[test]
    fn official_sdk_t1_tokens() {
        // TOKEN_FORMATS 5.1(a): opentok-token's known token.
        let token = "T1==cGFydG5lcl9pZD0xMjM0NTYmc2lnPWRmOTRhNjQ1NTlhY2MwNjFkN2EzNzUyYTZmYzY5NDkzZTkzOGMxOTE6c2Vzc2lvbl9pZD0xX01YNHhNak0wTlRaLWZsTmhkQ0JOWVhJZ01UVWdNVFE2TkRJNk1qTWdVRVJVSURJd01UUi1NQzQwT1RBeE16QXlOWDQmY3JlYXRlX3RpbWU9MTQyNDIyMTAxMyZub25jZT0wLjM5NDI2MDk4ODEwNTA4ODUmcm9sZT1tb2RlcmF0b3ImZXhwaXJlX3RpbWU9MTQyNDMwNzQxMyZjb25uZWN0aW9uX2RhdGE9JTdCJTIybmFtZSUyMiUzQSUyMnZhbHVlJTIyJTdE";
        let decoded = verify_token_at(token, SECRET, &VerifyOptions::new(), 1_424_221_013_000.0).unwrap();
        assert_eq!(decoded.claims().connection_data.as_deref(), Some(r#"{"name":"value"}"#));
        assert_eq!(decoded.claims().role.as_deref(), Some("moderator"));
        assert_eq!(decoded.claims().partner_id.as_deref(), Some(KEY));
    }

    /// An HS256 JWT of `header` and `payload` (JSON), signed with SECRET.
    fn signed_jwt(header: &str, payload: &str) -> String {
        let mut input = Vec::new();
        crate::base64::encode_url(&mut input, header.as_bytes());
        input.push(b'.');
        crate::base64::encode_url(&mut input, payload.as_bytes());
        let mac = keyed::<Hmac<Sha256>>(SECRET).unwrap().chain_update(&input).finalize().into_bytes();
        input.push(b'.');
        crate::base64::encode_url(&mut input, &mac);
        String::from_utf8(input).unwrap()
    }

    /// A T1 token for query-string `data`, signed with SECRET.
    fn signed_t1(data: &str) -> String {
        let mac = keyed::<Hmac<Sha1>>(SECRET).unwrap().chain_update(data.as_bytes()).finalize().into_bytes();
        let hex = mac.iter().fold(String::new(), |mut hex, b| {
            use core::fmt::Write;
            let _ = write!(hex, "{b:02x}");
            hex
        });
        let mut body = Vec::new();
        crate::base64::encode_standard(&mut body, alloc::format!("partner_id={KEY}&sig={hex}:{data}").as_bytes());
        alloc::format!("T1=={}", String::from_utf8(body).unwrap())
    }

    const HS256: &str = r#"{"alg":"HS256","typ":"JWT"}"#;

    fn verify_code(token: &str, tolerance: u32) -> Option<ErrorReason> {
        verify_token_at(token, SECRET, &VerifyOptions::new().clock_tolerance(tolerance), NOW).err().map(|e| e.reason())
    }

    #[test]
    fn time_claims_are_numbers_or_the_token_is_invalid() {
        // NOW is 1_700_000_000 s. Expiry compared as a number, fractions and exponents included.
        for (exp, want) in [
            ("1700000001", None),
            ("1700000000", Some(ErrorReason::TokenExpired)),
            ("1699999999.5", Some(ErrorReason::TokenExpired)),
            ("1700000000.5", None),
            ("1.79e9", None),
            ("1.69e9", Some(ErrorReason::TokenExpired)),
            ("1E9", Some(ErrorReason::TokenExpired)),
            ("-1", Some(ErrorReason::TokenExpired)),
            ("\"1800000000\"", Some(ErrorReason::TokenTime)),
            ("\"1600000000\"", Some(ErrorReason::TokenTime)),
            ("null", Some(ErrorReason::TokenTime)),
            ("true", Some(ErrorReason::TokenTime)),
            ("[1800000000]", Some(ErrorReason::TokenTime)),
            ("{}", Some(ErrorReason::TokenTime)),
        ] {
            let token = signed_jwt(HS256, &alloc::format!(r#"{{"session_id":"s","exp":{exp}}}"#));
            assert_eq!(verify_code(&token, 0), want, "exp {exp}");
            // expire_time is read the same way, and the earlier of the two counts.
            let token = signed_jwt(HS256, &alloc::format!(r#"{{"exp":1800000000,"expire_time":{exp}}}"#));
            assert_eq!(verify_code(&token, 0), want, "expire_time {exp}");
        }
        // Decoding does not verify: a malformed expiry still decodes.
        assert!(decode_token(&signed_jwt(HS256, r#"{"exp":"soon"}"#)).is_ok());
        // Tolerance: an expiry one second ago passes with two seconds of tolerance.
        assert_eq!(verify_code(&signed_jwt(HS256, r#"{"exp":1699999999}"#), 2), None);
        assert_eq!(verify_code(&signed_jwt(HS256, r#"{"exp":1699999999}"#), 1), Some(ErrorReason::TokenExpired));
    }

    #[test]
    fn nbf_is_honoured_with_the_tolerance() {
        let at = |nbf: &str| signed_jwt(HS256, &alloc::format!(r#"{{"exp":1800000000,"nbf":{nbf}}}"#));
        assert_eq!(verify_code(&at("1700000000"), 0), None);
        assert_eq!(verify_code(&at("1699999000.5"), 0), None);
        assert_eq!(verify_code(&at("1700000001"), 0), Some(ErrorReason::TokenNotYetValid));
        assert_eq!(verify_code(&at("1700000001"), 1), None);
        assert_eq!(verify_code(&at("1700000060"), 59), Some(ErrorReason::TokenNotYetValid));
        assert_eq!(verify_code(&at("\"0\""), 0), Some(ErrorReason::TokenTime));
        assert_eq!(verify_code(&at("1700000001"), 0).map(ErrorReason::code), Some(ErrorCode::InvalidToken));
    }

    #[test]
    fn a_crit_header_makes_the_token_invalid() {
        let payload = r#"{"exp":1800000000}"#;
        assert_eq!(verify_code(&signed_jwt(HS256, payload), 0), None);
        for header in [
            r#"{"alg":"HS256","crit":["exp"]}"#,
            r#"{"alg":"HS256","crit":[]}"#,
            r#"{"alg":"HS256","crit":["b64"],"b64":false}"#,
        ] {
            let token = signed_jwt(header, payload);
            assert!(decode_token(&token).is_ok(), "decoding reads it");
            assert_eq!(verify_code(&token, 0), Some(ErrorReason::TokenCritical), "{header}");
        }
    }

    #[test]
    fn a_t1_expire_time_is_digits_or_the_token_is_invalid() {
        let data = |expire: &str| {
            alloc::format!("session_id={SESSION}&create_time=1699999000&nonce=0.5&role=publisher&expire_time={expire}&initial_layout_class_list=&scope=session.connect")
        };
        assert_eq!(verify_code(&signed_t1(&data("1700000001")), 0), None);
        assert_eq!(verify_code(&signed_t1(&data("1700000000")), 0), Some(ErrorReason::TokenExpired));
        assert_eq!(verify_code(&signed_t1(&data("18000000000000000000000")), 0), None, "digits far in the future");
        for bad in ["1699999999.5", "1700000001.5", "1.8e9", "-1", "", "%201800000000", "+1800000000", "0x6B49D200"] {
            assert_eq!(verify_code(&signed_t1(&data(bad)), 0), Some(ErrorReason::TokenTime), "expire_time {bad:?}");
        }
    }

    #[test]
    fn a_secret_that_is_a_key_is_refused() {
        let token = mint(TokenType::Jwt);
        let spki = include_str!("../tests/vectors/rsa-2048-public.pem");
        let body: String = spki.lines().filter(|l| !l.starts_with("-----")).collect();
        for secret in [
            alloc::format!("Public key for verifying:\n{spki}"),
            alloc::format!("\"{}\"", spki.trim()),
            spki.replace('\n', "\r\n"),
            alloc::format!("  {spki}"),
            String::from(
                r#"{"kty":"RSA","n":"0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCufaZr","e":"AQAB"}"#,
            ),
            body.clone(),
            alloc::format!("{}\n{}", &body[..64], &body[64..]),
        ] {
            assert_eq!(
                verify_token_at(&token, &secret, &VerifyOptions::new(), NOW).err().map(|e| e.reason()),
                Some(ErrorReason::SecretIsPublicKey),
                "{secret:?}"
            );
        }
        // Ordinary secrets, however long or base64-like, are secrets.
        for secret in [
            "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c",
            "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODk=",
            "{not json",
        ] {
            assert_eq!(
                verify_token_at(&token, secret, &VerifyOptions::new(), NOW).err().map(|e| e.code()),
                Some(ErrorCode::InvalidSignature),
                "{secret}"
            );
        }
    }

    #[test]
    fn a_t1_token_has_two_spellings_never_mixed() {
        let token = mint(TokenType::T1);
        let body = token.strip_prefix("T1==").unwrap();
        let mut plain = Vec::new();
        crate::base64::Decoder::new(body.as_bytes()).unwrap().for_each(|b| plain.push(b)).unwrap();
        let plain = String::from_utf8(plain).unwrap();
        let respell = |text: &str, url_safe: bool| {
            let mut out = Vec::new();
            crate::base64::encode_standard(&mut out, text.as_bytes());
            let body = String::from_utf8(out).unwrap();
            let body = if url_safe { body.replace('+', "-").replace('/', "_") } else { body };
            format!("T1=={body}")
        };
        let verify = |t: &str| verify_token_at(t, SECRET, &VerifyOptions::new(), NOW).map(|_| ()).map_err(|e| e.code());
        assert_eq!(verify(&respell(&plain, false)), Ok(()));
        // Java's URL-safe alphabet (with padding) is read too: the same token as Java writes it,
        // the one other spelling that verifies.
        assert_eq!(verify(&respell(&plain, true)), Ok(()));
        // Never the two alphabets in one body.
        let standard = respell(&plain, false);
        if standard.contains('+') && standard.contains('/') {
            assert_eq!(verify(&standard.replace('+', "-")), Err(ErrorCode::InvalidToken));
        }
        let unpadded = token.trim_end_matches('=');
        assert_ne!(unpadded, token, "the test token must have padding");
        assert_eq!(verify(unpadded), Err(ErrorCode::InvalidToken));
        // A signature's hex has one spelling: no upper case, no sign (`+4` would read as `04`).
        let sig = plain.split("&sig=").nth(1).unwrap()[..40].to_owned();
        let zero_led = sig.as_bytes().chunks(2).position(|pair| pair[0] == b'0').expect("a hex pair starting with 0");
        let mut signed = sig.clone().into_bytes();
        signed[zero_led * 2] = b'+';
        let signed = String::from_utf8(signed).unwrap();
        assert_eq!(verify(&respell(&plain.replacen(&sig, &signed, 1), false)), Err(ErrorCode::InvalidToken));
        assert_eq!(
            verify(&respell(&plain.replacen(&sig, &sig.to_uppercase(), 1), false)),
            Err(ErrorCode::InvalidToken)
        );
        // The unsigned partner_id, percent-encoded, is another spelling of the same key.
        let escaped = plain.replacen("partner_id=1", "partner_id=%31", 1);
        assert_eq!(verify(&respell(&escaped, false)), Err(ErrorCode::InvalidToken));
    }

    #[cfg(feature = "serde")]
    #[test]
    fn claims_and_format_round_trip_through_serde() {
        for token_type in [TokenType::Jwt, TokenType::T1] {
            let decoded = decode_token(&mint(token_type)).unwrap();
            let json = serde_json::to_string(decoded.claims()).unwrap();
            let back: TokenClaims = serde_json::from_str(&json).unwrap();
            assert_eq!(&back, decoded.claims());
            let value: serde_json::Value = serde_json::from_str(&json).unwrap();
            assert_eq!(value["session_id"], SESSION);
            assert_eq!(value["role"], "moderator");
            let format: TokenFormat = serde_json::from_str(&serde_json::to_string(&decoded.format()).unwrap()).unwrap();
            assert_eq!(format, decoded.format());
        }
    }
}
