//! Token options: role, expiry, connection data, layout classes and token format.

use alloc::borrow::Cow;
use alloc::string::String;

use crate::error::{fail, ErrorReason, Result};

/// The role a client gets in the session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Role {
    /// May publish and subscribe (the default).
    #[default]
    Publisher,
    /// May only subscribe.
    Subscriber,
    /// May publish, subscribe, and force others to disconnect or unpublish.
    Moderator,
    /// May publish but not subscribe.
    PublisherOnly,
}

impl Role {
    /// Every role, in declaration order.
    pub const ALL: [Role; 4] = [Self::Publisher, Self::Subscriber, Self::Moderator, Self::PublisherOnly];

    /// The name that goes into the token: `publisher`, `subscriber`, `moderator` or `publisheronly`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Publisher => "publisher",
            Self::Subscriber => "subscriber",
            Self::Moderator => "moderator",
            Self::PublisherOnly => "publisheronly",
        }
    }

    /// Parses a role name exactly as it appears in a token (lower case).
    ///
    /// # Errors
    /// [`ErrorCode::InvalidRole`](crate::ErrorCode::InvalidRole) for any other string.
    pub fn parse(name: &str) -> Result<Self> {
        match name {
            "publisher" => Ok(Self::Publisher),
            "subscriber" => Ok(Self::Subscriber),
            "moderator" => Ok(Self::Moderator),
            "publisheronly" => Ok(Self::PublisherOnly),
            _ => Err(fail(ErrorReason::Role)),
        }
    }
}

/// Which token format to mint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum TokenType {
    /// An HS256 JSON Web Token (the default, what `opentok` ≥ 2.19 mints).
    #[default]
    Jwt,
    /// The legacy `T1==` token signed with HMAC-SHA1.
    T1,
}

impl TokenType {
    /// Every token type, in declaration order.
    pub const ALL: [TokenType; 2] = [Self::Jwt, Self::T1];

    /// The name the JavaScript API uses: `JWT` or `T1`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Jwt => "JWT",
            Self::T1 => "T1",
        }
    }

    /// Parses `"JWT"` or `"T1"`.
    ///
    /// # Errors
    /// [`ErrorCode::InvalidTokenType`](crate::ErrorCode::InvalidTokenType) for any other string.
    pub fn parse(name: &str) -> Result<Self> {
        match name {
            "JWT" => Ok(Self::Jwt),
            "T1" => Ok(Self::T1),
            _ => Err(fail(ErrorReason::TokenType)),
        }
    }
}

/// Options for one token. Build with [`TokenOptions::new`] and the chained setters; text fields
/// borrow or own their text.
///
/// ```
/// use vonage_video_token::{Role, TokenOptions};
/// let options = TokenOptions::new()
///     .role(Role::Moderator)
///     .expire_time(1_700_003_600.0)
///     .data("name=Jo")
///     .initial_layout_classes(&["focus", "main"]);
/// assert_eq!(options.initial_layout_class_list.as_deref(), Some("focus main"));
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct TokenOptions<'a> {
    /// The role; [`Role::Publisher`] by default.
    pub role: Role,
    /// Expiry as Unix time in **seconds** (rounded like JS `Math.round`); by default creation + 24 h.
    /// Must lie within 30 days after the token's creation time.
    pub expire_time: Option<f64>,
    /// Connection metadata handed to every client in the session (at most
    /// [`MAX_DATA_LENGTH`](crate::MAX_DATA_LENGTH) UTF-16 code units). Empty is the same as none.
    pub data: Option<Cow<'a, str>>,
    /// Space-separated layout classes for the client's streams (at most
    /// [`MAX_LAYOUT_CLASS_LIST_LENGTH`](crate::MAX_LAYOUT_CLASS_LIST_LENGTH) UTF-16 code units).
    pub initial_layout_class_list: Option<Cow<'a, str>>,
    /// JWT (default) or the legacy T1 format.
    pub token_type: TokenType,
}

impl<'a> TokenOptions<'a> {
    /// The defaults: publisher, 24 h expiry, no data, no layout classes, JWT.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the role.
    #[must_use]
    pub fn role(mut self, role: Role) -> Self {
        self.role = role;
        self
    }

    /// Sets the expiry, Unix time in seconds.
    #[must_use]
    pub fn expire_time(mut self, seconds: f64) -> Self {
        self.expire_time = Some(seconds);
        self
    }

    /// Sets the connection data.
    #[must_use]
    pub fn data(mut self, data: impl Into<Cow<'a, str>>) -> Self {
        self.data = Some(data.into());
        self
    }

    /// Sets the layout class list as one space-separated string.
    #[must_use]
    pub fn initial_layout_class_list(mut self, classes: impl Into<Cow<'a, str>>) -> Self {
        self.initial_layout_class_list = Some(classes.into());
        self
    }

    /// Sets the layout classes; they are joined with single spaces.
    #[must_use]
    pub fn initial_layout_classes<S: AsRef<str>>(mut self, classes: &[S]) -> Self {
        let mut joined = String::new();
        for (i, class) in classes.iter().enumerate() {
            if i > 0 {
                joined.push(' ');
            }
            joined.push_str(class.as_ref());
        }
        self.initial_layout_class_list = Some(Cow::Owned(joined));
        self
    }

    /// Sets the token format.
    #[must_use]
    pub fn token_type(mut self, token_type: TokenType) -> Self {
        self.token_type = token_type;
        self
    }
}
