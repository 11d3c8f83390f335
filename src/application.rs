//! Tokens for application credentials (an application id and an RSA private key): the RS256
//! client token that `@vonage/video` mints, and the application JWT that authenticates calls to
//! the Video REST API. This crate builds and checks the claims and the signing input; the RS256
//! signature comes from an RSA implementation of the caller's choice (WebCrypto in the npm
//! package), and [`UnsignedToken::into_token`] finishes the token.

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;

use crate::base64::encode_url;
use crate::claims::Claims;
use crate::error::{fail, ErrorReason, Result};
use crate::limits::{
    utf16_len_exceeds, MAX_ACL_LENGTH, MAX_APPLICATION_ID_LENGTH, MAX_LIFETIME_SECONDS, MAX_SUBJECT_LENGTH,
};
use crate::options::{TokenOptions, TokenType};
use crate::rsa_key::RsaPrivateKey;
use crate::session_id::{check_session, Owner};
use crate::text::{push_int, push_json_string};
use crate::uuid::{check_application_id, Jti};

/// base64url of `{"alg":"RS256","typ":"JWT"}`, the header `jsonwebtoken` writes for RS256.
const RS256_HEADER: &[u8] = b"eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9";
/// The default lifetime of an application JWT, in seconds (what `@vonage/jwt` uses).
pub const DEFAULT_APPLICATION_JWT_SECONDS: u32 = 900;

/// A JWT waiting for its RS256 signature: sign [`Self::signing_input`] with RSASSA-PKCS1-v1_5 and
/// SHA-256, then [`Self::into_token`].
///
/// ```
/// use vonage_video_token::{client_token_at, Jti, TokenOptions};
/// let unsigned = client_token_at(
///     "29f760f8-7ce1-46c9-ade3-f2dedee4ed5f",
///     "1_MX4yOWY3NjBmOC03Y2UxLTQ2YzktYWRlMy1mMmRlZGVlNGVkNWZ-fjE3MjY0NjI1ODg2NDd-MTF4TGExYmJoelBlR1FHbVhzbWd4STBrfn5-",
///     &TokenOptions::new(),
///     1_700_000_000_000.0,
///     &Jti::from_random([7; 16]),
/// )?;
/// assert!(unsigned.signing_input().starts_with("eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9."));
/// let signature = [0u8; 256]; // from your RSA library
/// let token = unsigned.into_token(&signature);
/// assert_eq!(token.split('.').count(), 3);
/// # Ok::<(), vonage_video_token::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnsignedToken {
    signing_input: String,
}

impl UnsignedToken {
    fn from_claims(json: &[u8]) -> Self {
        let mut text = Vec::with_capacity(RS256_HEADER.len() + 1 + json.len().div_ceil(3) * 4 + 344);
        text.extend_from_slice(RS256_HEADER);
        text.push(b'.');
        encode_url(&mut text, json);
        Self { signing_input: String::from_utf8(text).unwrap_or_default() }
    }

    /// The text to sign: base64url header, `.`, base64url claims.
    #[must_use]
    pub fn signing_input(&self) -> &str {
        &self.signing_input
    }

    /// The token: the signing input, `.`, the base64url signature.
    #[must_use]
    pub fn into_token(self, signature: &[u8]) -> String {
        let mut token = self.signing_input.into_bytes();
        token.push(b'.');
        encode_url(&mut token, signature);
        String::from_utf8(token).unwrap_or_default()
    }
}

/// The application id's checks: its length (so an over-long id is refused before anything is
/// read from it), then its form.
fn check_id(application_id: &str) -> Result<()> {
    if utf16_len_exceeds(application_id, MAX_APPLICATION_ID_LENGTH) {
        return Err(fail(ErrorReason::ApplicationId));
    }
    check_application_id(application_id)
}

/// The client token for a session of the application, for a given clock reading (ms) and `jti`:
/// the claims `@vonage/video` 1.31 writes, in its order (`scope`, `session_id`, `role`,
/// `initial_layout_class_list`, `exp`, `sub`, `acl`, `connection_data`, `jti`, `iat`,
/// `application_id`), checked as project tokens are, except that the session id must name the
/// application and `expireTime` must not be in the past (`@vonage/video` silently uses now + 15
/// minutes instead). Checks in order: `application_id`, `session_id`, `now_ms`, then the options.
///
/// # Errors
/// [`ErrorCode::InvalidApplicationId`](crate::ErrorCode::InvalidApplicationId), any code about
/// the session id or the options, [`ErrorCode::InvalidTokenType`](crate::ErrorCode::InvalidTokenType)
/// for `T1` (application tokens are JWTs), or
/// [`ErrorCode::InvalidClock`](crate::ErrorCode::InvalidClock).
pub fn client_token_at(
    application_id: &str,
    session_id: &str,
    options: &TokenOptions<'_>,
    now_ms: f64,
    jti: &Jti,
) -> Result<UnsignedToken> {
    check_id(application_id)?;
    check_session(session_id, Owner::Application(application_id))?;
    let claims = Claims::new(session_id, options, now_ms)?;
    if options.token_type != TokenType::Jwt {
        return Err(fail(ErrorReason::ClientTokenType));
    }
    let extra = claims.text_len() + application_id.len();
    let mut json = Vec::with_capacity(340 + extra + extra / 4);
    json.extend_from_slice(b"{\"scope\":\"session.connect\",\"session_id\":");
    push_json_string(&mut json, claims.session_id);
    json.extend_from_slice(b",\"role\":\"");
    json.extend_from_slice(claims.role.as_str().as_bytes());
    json.extend_from_slice(b"\",\"initial_layout_class_list\":");
    push_json_string(&mut json, claims.initial_layout_class_list);
    json.extend_from_slice(b",\"exp\":");
    push_int(&mut json, claims.expire_time);
    json.extend_from_slice(b",\"sub\":\"video\",\"acl\":{\"paths\":{\"/session/**\":{}}}");
    if let Some(data) = claims.connection_data {
        json.extend_from_slice(b",\"connection_data\":");
        push_json_string(&mut json, data);
    }
    json.extend_from_slice(b",\"jti\":\"");
    json.extend_from_slice(jti.as_str().as_bytes());
    json.extend_from_slice(b"\",\"iat\":");
    push_int(&mut json, claims.iat);
    json.extend_from_slice(b",\"application_id\":");
    push_json_string(&mut json, application_id);
    json.push(b'}');
    Ok(UnsignedToken::from_claims(&json))
}

/// Options for an application JWT (the `Authorization: Bearer` token of the Video REST API).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ApplicationJwtOptions<'a> {
    /// Lifetime in seconds, 1 to 2592000; [`DEFAULT_APPLICATION_JWT_SECONDS`] (900) by default.
    pub expires_in: u32,
    /// An `acl` claim, as the JSON text of an object (at most [`MAX_ACL_LENGTH`] characters).
    pub acl: Option<Cow<'a, str>>,
    /// A `sub` claim (at most [`MAX_SUBJECT_LENGTH`] UTF-16 code units).
    pub sub: Option<Cow<'a, str>>,
}

impl Default for ApplicationJwtOptions<'_> {
    fn default() -> Self {
        Self { expires_in: DEFAULT_APPLICATION_JWT_SECONDS, acl: None, sub: None }
    }
}

impl<'a> ApplicationJwtOptions<'a> {
    /// The defaults: 900 seconds, no `acl`, no `sub`.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the lifetime in seconds.
    #[must_use]
    pub fn expires_in(mut self, seconds: u32) -> Self {
        self.expires_in = seconds;
        self
    }

    /// Sets the `acl` claim: the JSON text of an object.
    #[must_use]
    pub fn acl(mut self, json: impl Into<Cow<'a, str>>) -> Self {
        self.acl = Some(json.into());
        self
    }

    /// Sets the `sub` claim.
    #[must_use]
    pub fn subject(mut self, sub: impl Into<Cow<'a, str>>) -> Self {
        self.sub = Some(sub.into());
        self
    }
}

/// The application JWT for a given clock reading (ms) and `jti`: the claims `@vonage/jwt` writes,
/// in its order (`acl`, `sub`, `jti`, `iat`, `exp`, `application_id`), header RS256. Checks in order:
/// `application_id`, `now_ms`, `expires_in`, `acl`, `sub`.
///
/// # Errors
/// [`ErrorCode::InvalidApplicationId`](crate::ErrorCode::InvalidApplicationId),
/// [`ErrorCode::InvalidClock`](crate::ErrorCode::InvalidClock),
/// [`ErrorCode::InvalidExpireTime`](crate::ErrorCode::InvalidExpireTime) for a lifetime outside 1 to
/// 2592000 seconds, or [`ErrorCode::InvalidOptions`](crate::ErrorCode::InvalidOptions) for an `acl`
/// that is not a JSON object or a `sub` that is too long.
pub fn application_jwt_at(
    application_id: &str,
    options: &ApplicationJwtOptions<'_>,
    now_ms: f64,
    jti: &Jti,
) -> Result<UnsignedToken> {
    check_id(application_id)?;
    let iat = crate::claims::issued_at(now_ms)?;
    if options.expires_in == 0 || i64::from(options.expires_in) > MAX_LIFETIME_SECONDS {
        return Err(fail(ErrorReason::ExpiresIn));
    }
    let acl = options.acl.as_deref();
    if acl.is_some_and(|acl| utf16_len_exceeds(acl, MAX_ACL_LENGTH) || !crate::json::is_object(acl)) {
        return Err(fail(ErrorReason::Acl));
    }
    let sub = options.sub.as_deref();
    if sub.is_some_and(|sub| utf16_len_exceeds(sub, MAX_SUBJECT_LENGTH)) {
        return Err(fail(ErrorReason::Subject));
    }
    let mut json = Vec::with_capacity(160 + acl.map_or(0, str::len) + sub.map_or(0, str::len) * 2);
    json.push(b'{');
    if let Some(acl) = acl {
        json.extend_from_slice(b"\"acl\":");
        json.extend_from_slice(acl.trim().as_bytes());
        json.push(b',');
    }
    if let Some(sub) = sub {
        json.extend_from_slice(b"\"sub\":");
        push_json_string(&mut json, sub);
        json.push(b',');
    }
    json.extend_from_slice(b"\"jti\":\"");
    json.extend_from_slice(jti.as_str().as_bytes());
    json.extend_from_slice(b"\",\"iat\":");
    push_int(&mut json, iat);
    json.extend_from_slice(b",\"exp\":");
    push_int(&mut json, iat + i64::from(options.expires_in));
    json.extend_from_slice(b",\"application_id\":");
    push_json_string(&mut json, application_id);
    json.push(b'}');
    Ok(UnsignedToken::from_claims(&json))
}

/// Application credentials: an application id and its RSA private key, checked together.
/// Implements neither `Debug` nor `Clone`; the key is zeroed on drop.
pub struct ApplicationCredentials {
    application_id: String,
    private_key: RsaPrivateKey,
}

impl ApplicationCredentials {
    /// Checks the application id, then the key (see [`RsaPrivateKey::from_pem`]).
    ///
    /// # Errors
    /// [`ErrorCode::InvalidApplicationId`](crate::ErrorCode::InvalidApplicationId) or
    /// [`ErrorCode::InvalidPrivateKey`](crate::ErrorCode::InvalidPrivateKey).
    pub fn new(application_id: &str, private_key_pem: &str) -> Result<Self> {
        check_id(application_id)?;
        Ok(Self {
            application_id: String::from(application_id),
            private_key: RsaPrivateKey::from_pem(private_key_pem)?,
        })
    }

    /// The application id.
    #[must_use]
    pub fn application_id(&self) -> &str {
        &self.application_id
    }

    /// The private key, to sign with.
    #[must_use]
    pub fn private_key(&self) -> &RsaPrivateKey {
        &self.private_key
    }

    /// [`client_token_at`] for this application.
    ///
    /// # Errors
    /// As [`client_token_at`].
    pub fn client_token_at(
        &self,
        session_id: &str,
        options: &TokenOptions<'_>,
        now_ms: f64,
        jti: &Jti,
    ) -> Result<UnsignedToken> {
        client_token_at(&self.application_id, session_id, options, now_ms, jti)
    }

    /// [`Self::client_token_at`] with the platform's clock and a random `jti`.
    ///
    /// # Errors
    /// As [`client_token_at`], or [`ErrorCode::NoRandomness`](crate::ErrorCode::NoRandomness).
    #[cfg(feature = "std")]
    pub fn client_token(&self, session_id: &str, options: &TokenOptions<'_>) -> Result<UnsignedToken> {
        let jti = Jti::random()?;
        self.client_token_at(session_id, options, crate::host::now_ms(), &jti)
    }

    /// [`application_jwt_at`] for this application.
    ///
    /// # Errors
    /// As [`application_jwt_at`].
    pub fn application_jwt_at(
        &self,
        options: &ApplicationJwtOptions<'_>,
        now_ms: f64,
        jti: &Jti,
    ) -> Result<UnsignedToken> {
        application_jwt_at(&self.application_id, options, now_ms, jti)
    }

    /// [`Self::application_jwt_at`] with the platform's clock and a random `jti`.
    ///
    /// # Errors
    /// As [`application_jwt_at`], or [`ErrorCode::NoRandomness`](crate::ErrorCode::NoRandomness).
    #[cfg(feature = "std")]
    pub fn application_jwt(&self, options: &ApplicationJwtOptions<'_>) -> Result<UnsignedToken> {
        let jti = Jti::random()?;
        self.application_jwt_at(options, crate::host::now_ms(), &jti)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    const APP: &str = "29f760f8-7ce1-46c9-ade3-f2dedee4ed5f";
    const SESSION: &str =
        "1_MX4yOWY3NjBmOC03Y2UxLTQ2YzktYWRlMy1mMmRlZGVlNGVkNWZ-fjE3MjY0NjI1ODg2NDd-MTF4TGExYmJoelBlR1FHbVhzbWd4STBrfn5-";
    const NOW: f64 = 1_700_000_000_400.0;

    fn claims(token: &UnsignedToken) -> String {
        let payload = token.signing_input().split('.').nth(1).unwrap();
        let mut out = Vec::new();
        crate::base64::Decoder::new(payload.as_bytes()).unwrap().for_each(|b| out.push(b)).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn client_token_claims_in_vonage_videos_order() {
        let jti = Jti::from_random([0; 16]);
        let options = TokenOptions::new().data("name=Jo").initial_layout_classes(&["focus", "main"]);
        let token = client_token_at(APP, SESSION, &options, NOW, &jti).unwrap();
        assert_eq!(
            claims(&token),
            format!(
                "{{\"scope\":\"session.connect\",\"session_id\":\"{SESSION}\",\"role\":\"publisher\",\
                 \"initial_layout_class_list\":\"focus main\",\"exp\":1700086400,\"sub\":\"video\",\
                 \"acl\":{{\"paths\":{{\"/session/**\":{{}}}}}},\"connection_data\":\"name=Jo\",\
                 \"jti\":\"00000000-0000-4000-8000-000000000000\",\"iat\":1700000000,\"application_id\":\"{APP}\"}}"
            )
        );
    }

    #[test]
    fn client_token_checks() {
        let jti = Jti::from_random([0; 16]);
        let code = |app: &str, session: &str, options: &TokenOptions<'_>| {
            client_token_at(app, session, options, NOW, &jti).err().map(|e| e.code())
        };
        let o = TokenOptions::new();
        assert_eq!(code("abcd-1234", SESSION, &o), Some(ErrorCode::InvalidApplicationId));
        assert_eq!(code(APP, "1_nope", &o), Some(ErrorCode::InvalidSessionId));
        assert_eq!(code("29f760f8-7ce1-46c9-ade3-f2dedee4ed50", SESSION, &o), Some(ErrorCode::SessionKeyMismatch));
        assert_eq!(
            code(APP, SESSION, &TokenOptions::new().expire_time(1_699_999_000.0)),
            Some(ErrorCode::InvalidExpireTime)
        );
        assert_eq!(
            code(APP, SESSION, &TokenOptions::new().token_type(TokenType::T1)),
            Some(ErrorCode::InvalidTokenType)
        );
    }

    #[test]
    fn application_jwt_claims() {
        let jti = Jti::from_random([0; 16]);
        let token = application_jwt_at(APP, &ApplicationJwtOptions::new(), NOW, &jti).unwrap();
        assert_eq!(
            claims(&token),
            format!("{{\"jti\":\"00000000-0000-4000-8000-000000000000\",\"iat\":1700000000,\"exp\":1700000900,\"application_id\":\"{APP}\"}}")
        );
        let options =
            ApplicationJwtOptions::new().expires_in(60).acl(r#"{"paths":{"/*/session/**":{}}}"#).subject("video");
        let token = application_jwt_at(APP, &options, NOW, &jti).unwrap();
        assert!(claims(&token).starts_with(r#"{"acl":{"paths":{"/*/session/**":{}}},"sub":"video","jti":"#));
        for bad in [ApplicationJwtOptions::new().expires_in(0), ApplicationJwtOptions::new().expires_in(2_592_001)] {
            assert_eq!(
                application_jwt_at(APP, &bad, NOW, &jti).err().map(|e| e.code()),
                Some(ErrorCode::InvalidExpireTime)
            );
        }
        for acl in ["[]", "{", "{\"a\":1} x", "null"] {
            let bad = ApplicationJwtOptions::new().acl(acl);
            assert_eq!(
                application_jwt_at(APP, &bad, NOW, &jti).err().map(|e| e.code()),
                Some(ErrorCode::InvalidOptions),
                "{acl}"
            );
        }
    }

    #[test]
    fn into_token_appends_the_signature() {
        let jti = Jti::from_random([0; 16]);
        let token = application_jwt_at(APP, &ApplicationJwtOptions::new(), NOW, &jti).unwrap();
        let input = String::from(token.signing_input());
        assert_eq!(token.into_token(&[0xfb, 0xff]), format!("{input}.-_8"));
    }
}
