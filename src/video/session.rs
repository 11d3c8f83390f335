//! Creating sessions: the options, their rules, the form the API takes, and the new session.

use alloc::string::String;
use alloc::vec::Vec;

use super::{bool_member, enum_member, options_object, text_member};
use crate::error::{fail, ErrorReason, Result};
use crate::json;
use crate::text::push_json_string;

/// How a session's media flow: through Vonage's media router, or directly between clients.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum MediaMode {
    /// Through the media router (`p2p.preference=disabled`): needed for archiving, and the default.
    #[default]
    Routed,
    /// Directly between clients where possible (`p2p.preference=enabled`).
    Relayed,
}

impl MediaMode {
    /// The option's name in the JavaScript API: `routed` or `relayed`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Routed => "routed",
            Self::Relayed => "relayed",
        }
    }

    const fn p2p_preference(self) -> &'static str {
        match self {
            Self::Routed => "disabled",
            Self::Relayed => "enabled",
        }
    }
}

/// Whether a session is archived automatically.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ArchiveMode {
    /// Archives start when asked for (the default).
    #[default]
    Manual,
    /// The session is archived from its start (needs [`MediaMode::Routed`]).
    Always,
}

impl ArchiveMode {
    /// The option's name: `manual` or `always`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Manual => "manual",
            Self::Always => "always",
        }
    }
}

/// A new session's options. The rules between them (an `always` archived session and an
/// end-to-end encrypted one must be routed; an encrypted one cannot be archived always) are
/// checked by [`check`](Self::check), which [`VideoApi::create_session`](super::VideoApi::create_session)
/// callers reach through [`from_json`](Self::from_json) or call themselves.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SessionOptions {
    media_mode: MediaMode,
    archive_mode: ArchiveMode,
    location: Option<String>,
    e2ee: bool,
}

/// The option names a JavaScript caller writes, with the values `@vonage/video`'s `MediaMode`
/// enum gives them (`disabled` for routed, `enabled` for relayed) accepted too.
const MEDIA_MODES: [(&str, MediaMode); 4] = [
    ("routed", MediaMode::Routed),
    ("relayed", MediaMode::Relayed),
    ("disabled", MediaMode::Routed),
    ("enabled", MediaMode::Relayed),
];
const ARCHIVE_MODES: [(&str, ArchiveMode); 2] = [("manual", ArchiveMode::Manual), ("always", ArchiveMode::Always)];

impl SessionOptions {
    /// Routed, archived manually, no location hint, not end-to-end encrypted.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the media mode.
    #[must_use]
    pub fn media_mode(mut self, mode: MediaMode) -> Self {
        self.media_mode = mode;
        self
    }

    /// Sets the archive mode.
    #[must_use]
    pub fn archive_mode(mut self, mode: ArchiveMode) -> Self {
        self.archive_mode = mode;
        self
    }

    /// Sets the location hint: an IPv4 address near the clients (checked by [`check`](Self::check)).
    #[must_use]
    pub fn location(mut self, ip: impl Into<String>) -> Self {
        self.location = Some(ip.into());
        self
    }

    /// Asks for end-to-end encryption.
    #[must_use]
    pub fn e2ee(mut self, on: bool) -> Self {
        self.e2ee = on;
        self
    }

    /// Checks the options and the rules between them.
    ///
    /// # Errors
    /// [`ErrorCode::InvalidOptions`](crate::ErrorCode::InvalidOptions): a location that is not a
    /// dotted IPv4 address; `always` archiving or end-to-end encryption in a relayed session; or
    /// both `always` archiving and end-to-end encryption.
    pub fn check(&self) -> Result<()> {
        if self.location.as_deref().is_some_and(|ip| !is_ipv4(ip)) {
            return Err(fail(ErrorReason::Location));
        }
        if self.archive_mode == ArchiveMode::Always && self.media_mode != MediaMode::Routed {
            return Err(fail(ErrorReason::AlwaysArchivedRelayed));
        }
        if self.e2ee && self.media_mode != MediaMode::Routed {
            return Err(fail(ErrorReason::EncryptedRelayed));
        }
        if self.e2ee && self.archive_mode == ArchiveMode::Always {
            return Err(fail(ErrorReason::EncryptedArchived));
        }
        Ok(())
    }

    /// The options from the JSON of a JavaScript options object (`{ mediaMode, archiveMode,
    /// location, e2ee }`, each optional; `""` or `null` for none), checked.
    ///
    /// # Errors
    /// [`ErrorCode::InvalidOptions`](crate::ErrorCode::InvalidOptions) for a value of the wrong
    /// kind or breaking a rule ([`check`](Self::check)),
    /// [`ErrorCode::UnknownOption`](crate::ErrorCode::UnknownOption) for another key.
    pub fn from_json(text: &str) -> Result<Self> {
        let mut options = Self::new();
        let known = ["mediaMode", "archiveMode", "location", "e2ee"];
        if let Some(object) = options_object(text, &known, ErrorReason::SessionOptions)? {
            if let Some(mode) = enum_member(&object, "mediaMode", &MEDIA_MODES, ErrorReason::MediaMode)? {
                options.media_mode = mode;
            }
            if let Some(mode) = enum_member(&object, "archiveMode", &ARCHIVE_MODES, ErrorReason::ArchiveMode)? {
                options.archive_mode = mode;
            }
            options.location = text_member(&object, "location", 15, ErrorReason::Location)?;
            options.e2ee = bool_member(&object, "e2ee", ErrorReason::E2ee)?.unwrap_or(false);
        }
        options.check()?;
        Ok(options)
    }

    /// The form the API takes, keys sorted: `archiveMode`, `e2ee` (when asked for), `location`
    /// (when given), `p2p.preference`.
    pub(crate) fn form(&self) -> Vec<u8> {
        let mut form = String::from("archiveMode=");
        form.push_str(self.archive_mode.as_str());
        if self.e2ee {
            form.push_str("&e2ee=true");
        }
        if let Some(location) = &self.location {
            form.push_str("&location=");
            form.push_str(location);
        }
        form.push_str("&p2p.preference=");
        form.push_str(self.media_mode.p2p_preference());
        form.into_bytes()
    }
}

/// Whether `ip` is a dotted IPv4 address: four decimal numbers of 0 to 255, without leading zeros.
fn is_ipv4(ip: &str) -> bool {
    let mut parts = 0;
    for part in ip.split('.') {
        parts += 1;
        let ok = !part.is_empty()
            && part.len() <= 3
            && part.bytes().all(|b| b.is_ascii_digit())
            && (part == "0" || !part.starts_with('0'))
            && part.bytes().fold(0u32, |n, b| n * 10 + u32::from(b - b'0')) <= 255;
        if !ok {
            return false;
        }
    }
    parts == 4
}

/// A new session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// Its id, to mint tokens for.
    pub session_id: String,
    /// The options it was created with.
    pub options: SessionOptions,
}

impl Session {
    /// The answer to `POST /session/create`: a JSON array whose first element has a
    /// `session_id` that decodes and names `owner`.
    pub(super) fn read(text: &str, options: &SessionOptions, owner: crate::session_id::Owner<'_>) -> Result<Self> {
        let invalid = fail(ErrorReason::ApiAnswer);
        let first = json::parse_array(text).and_then(|elements| elements.first().copied()).ok_or(invalid)?;
        let session_id = json::parse_object(first).and_then(|object| object.string("session_id")).ok_or(invalid)?;
        crate::session_id::check_session(&session_id, owner).map_err(|_| invalid)?;
        Ok(Self { session_id, options: options.clone() })
    }

    /// `{ "sessionId", "archiveMode", "mediaMode", "location", "e2ee" }`: the shape `@vonage/video`
    /// returns (with `mediaMode` `routed` or `relayed`, and `e2ee`).
    #[must_use]
    pub fn to_json(&self) -> String {
        let mut out = Vec::new();
        out.extend_from_slice(b"{\"sessionId\":");
        push_json_string(&mut out, &self.session_id);
        out.extend_from_slice(b",\"archiveMode\":");
        push_json_string(&mut out, self.options.archive_mode.as_str());
        out.extend_from_slice(b",\"mediaMode\":");
        push_json_string(&mut out, self.options.media_mode.as_str());
        out.extend_from_slice(b",\"location\":");
        match &self.options.location {
            Some(location) => push_json_string(&mut out, location),
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(if self.options.e2ee { b",\"e2ee\":true}" } else { b",\"e2ee\":false}" });
        String::from_utf8(out).unwrap_or_default()
    }
}
