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
    /// The claims from the payload's members, in one pass (the first of a name counts).
    fn read(object: &Object<'_>) -> Self {
        let mut claims = Self::default();
        for (key, raw) in object.members() {
            let Some(name) = json::key_text(key) else { continue };
            if let Some(field) = claims.text_field(&name) {
                if field.is_none() {
                    *field = json::string_value(raw);
                }
            } else if let Some(field) = claims.integer_field(&name) {
                if field.is_none() {
                    *field = json::integer_value(raw);
                }
            } else if name == "nonce" && claims.nonce.is_none() {
                claims.nonce = json::number_text_value(raw);
            }
        }
        claims
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

/// A token read back: its format, algorithm, header and claims (as JSON text and typed), and
/// what its signature covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodedToken {
    format: TokenFormat,
    algorithm: Algorithm,
    header: Option<String>,
    claims_json: String,
    claims: TokenClaims,
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

    /// Checks the expiry (`now_ms` is a clock reading in ms; a token is expired from its expiry
    /// second on, give or take the tolerance) and the expected session and role. For a token
    /// whose signature the caller has verified.
    ///
    /// # Errors
    /// [`ErrorCode::TokenExpired`](crate::ErrorCode::TokenExpired), or
    /// [`ErrorCode::InvalidToken`](crate::ErrorCode::InvalidToken) for other claims than expected.
    pub fn check_claims_at(&self, options: &VerifyOptions<'_>, now_ms: f64) -> Result<()> {
        let now = crate::claims::issued_at(now_ms)?;
        if self.claims.expires_at().is_some_and(|exp| now >= exp.saturating_add(i64::from(options.clock_tolerance))) {
            return Err(fail(ErrorReason::TokenExpired));
        }
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
    Decoder::canonical(encoded, alphabet).and_then(|d| d.for_each(|b| bytes.push(b))).ok_or(INVALID)?;
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
    let algorithm = match unique_object(&header_json)?.string("alg").ok_or(INVALID_JSON)?.as_str() {
        "HS256" => Algorithm::Hs256,
        "RS256" => Algorithm::Rs256,
        _ => Algorithm::Other,
    };
    let claims = TokenClaims::read(&unique_object(&claims_json)?);
    Ok(DecodedToken {
        format: TokenFormat::Jwt,
        algorithm,
        header: Some(header_json),
        claims_json,
        claims,
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
                let hex = [bytes.next().ok_or(INVALID)?, bytes.next().ok_or(INVALID)?];
                let hex = core::str::from_utf8(&hex).map_err(|_| INVALID)?;
                u8::from_str_radix(hex, 16).map_err(|_| INVALID)?
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
    let claims = TokenClaims::read(&json::parse_object(&claims_json).ok_or(INVALID)?);
    Ok(DecodedToken {
        format: TokenFormat::T1,
        algorithm: Algorithm::T1HmacSha1,
        header: None,
        claims_json,
        claims,
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

/// Verifies an HS256 JWT or a T1 token with the project's API secret, at a given clock reading
/// (ms): the token's form, then its algorithm (RS256 and unsigned tokens are refused: they are not
/// signed with a secret), the signature (compared in constant time; a T1 token's unsigned
/// `partner_id` must also name the project that owns its session), the expiry and the
/// expectations in `options`. A secret that is a PEM key is refused outright, so a public key can
/// never serve as an HMAC secret (the algorithm-confusion attack).
///
/// # Errors
/// [`ErrorCode::InvalidToken`](crate::ErrorCode::InvalidToken),
/// [`ErrorCode::InvalidApiSecret`](crate::ErrorCode::InvalidApiSecret),
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
    if api_secret.trim_start().starts_with("-----BEGIN") {
        return Err(fail(ErrorReason::Algorithm));
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
                Some(ErrorCode::InvalidSignature)
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

    #[test]
    fn official_sdk_t1_tokens() {
        // TOKEN_FORMATS 5.1(a): opentok-token's known token.
        let token = "T1==cGFydG5lcl9pZD0xMjM0NTYmc2lnPWRmOTRhNjQ1NTlhY2MwNjFkN2EzNzUyYTZmYzY5NDkzZTkzOGMxOTE6c2Vzc2lvbl9pZD0xX01YNHhNak0wTlRaLWZsTmhkQ0JOWVhJZ01UVWdNVFE2TkRJNk1qTWdVRVJVSURJd01UUi1NQzQwT1RBeE16QXlOWDQmY3JlYXRlX3RpbWU9MTQyNDIyMTAxMyZub25jZT0wLjM5NDI2MDk4ODEwNTA4ODUmcm9sZT1tb2RlcmF0b3ImZXhwaXJlX3RpbWU9MTQyNDMwNzQxMyZjb25uZWN0aW9uX2RhdGE9JTdCJTIybmFtZSUyMiUzQSUyMnZhbHVlJTIyJTdE";
        let decoded = verify_token_at(token, SECRET, &VerifyOptions::new(), 1_424_221_013_000.0).unwrap();
        assert_eq!(decoded.claims().connection_data.as_deref(), Some(r#"{"name":"value"}"#));
        assert_eq!(decoded.claims().role.as_deref(), Some("moderator"));
        assert_eq!(decoded.claims().partner_id.as_deref(), Some(KEY));
    }

    #[test]
    fn a_t1_token_has_one_spelling() {
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
        // Java's URL-safe alphabet (with padding) is read too: the same token as Java writes it.
        assert_eq!(verify(&respell(&plain, true)), Ok(()));
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
