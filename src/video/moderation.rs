//! Moderation and streams: signals, muting, and the streams the API answers with.

use alloc::string::String;
use alloc::vec::Vec;

use super::{options_object, text_member};
use crate::error::{fail, ErrorReason, Result};
use crate::json;
use crate::text::push_json_string;

/// The longest signal type (the API's limit).
pub const MAX_SIGNAL_TYPE_LENGTH: usize = 128;
/// The longest signal data (the API's limit: 8 KB).
pub const MAX_SIGNAL_DATA_LENGTH: usize = 8192;
/// The most streams one mute-all may leave out.
pub const MAX_EXCLUDED_STREAMS: usize = 1000;

/// A signal to a session's clients: its type (for the clients' `signal:<type>` event) and data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signal {
    signal_type: String,
    data: String,
}

impl Signal {
    /// A signal: `signal_type` of at most [`MAX_SIGNAL_TYPE_LENGTH`] characters of
    /// `A–Z a–z 0–9 - _ ~ .` (may be empty), `data` of at most [`MAX_SIGNAL_DATA_LENGTH`] UTF-16
    /// code units.
    ///
    /// # Errors
    /// [`ErrorCode::InvalidSignal`](crate::ErrorCode::InvalidSignal).
    pub fn new(signal_type: &str, data: &str) -> Result<Self> {
        let type_ok = signal_type.len() <= MAX_SIGNAL_TYPE_LENGTH
            && signal_type.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'~' | b'.'));
        if !type_ok || crate::limits::utf16_len_exceeds(data, MAX_SIGNAL_DATA_LENGTH) {
            return Err(fail(ErrorReason::Signal));
        }
        Ok(Self { signal_type: String::from(signal_type), data: String::from(data) })
    }

    /// A signal from the JSON of a JavaScript object `{ type, data }` (`@vonage/video`'s shape).
    ///
    /// # Errors
    /// [`ErrorCode::InvalidSignal`](crate::ErrorCode::InvalidSignal) or
    /// [`ErrorCode::UnknownOption`](crate::ErrorCode::UnknownOption).
    pub fn from_json(text: &str) -> Result<Self> {
        let invalid = ErrorReason::Signal;
        let object = options_object(text, &["type", "data"], invalid)?.ok_or(fail(invalid))?;
        let signal_type = text_member(&object, "type", MAX_SIGNAL_TYPE_LENGTH, invalid)?.unwrap_or_default();
        let data = text_member(&object, "data", MAX_SIGNAL_DATA_LENGTH, invalid)?.ok_or(fail(invalid))?;
        Self::new(&signal_type, &data)
    }

    /// `{"type":…,"data":…}`.
    pub(crate) fn body(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(b"{\"type\":");
        push_json_string(&mut out, &self.signal_type);
        out.extend_from_slice(b",\"data\":");
        push_json_string(&mut out, &self.data);
        out.push(b'}');
        out
    }
}

/// `{"active":…,"excludedStreamIds":[…]}`, as `@vonage/video` sends it.
pub(crate) fn mute_all_body(active: bool, excluded: &[&str]) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(if active { b"{\"active\":true" } else { b"{\"active\":false" });
    out.extend_from_slice(b",\"excludedStreamIds\":[");
    for (i, stream_id) in excluded.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        push_json_string(&mut out, stream_id);
    }
    out.extend_from_slice(b"]}");
    out
}

/// The stream ids of a JavaScript array's JSON (`["id", …]`; `""` or `null` for none).
///
/// # Errors
/// [`ErrorCode::InvalidStreamId`](crate::ErrorCode::InvalidStreamId).
pub fn stream_ids_from_json(text: &str) -> Result<Vec<String>> {
    let trimmed = text.trim();
    if trimmed.is_empty() || trimmed == "null" {
        return Ok(Vec::new());
    }
    let invalid = fail(ErrorReason::StreamId);
    let elements = json::parse_array(text).filter(|e| e.len() <= MAX_EXCLUDED_STREAMS).ok_or(invalid)?;
    elements.into_iter().map(|raw| json::string_value(raw).ok_or(invalid)).collect()
}

/// A stream of a session: its id, read; the API's whole JSON object kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stream {
    /// The stream's id.
    pub id: String,
    /// The API's JSON object for it (`id`, `videoType`, `name`, `layoutClassList`), as received.
    pub json: String,
}

impl Stream {
    /// One stream: a JSON object with a string `id`.
    pub(super) fn read(text: &str) -> Result<Self> {
        let invalid = fail(ErrorReason::ApiAnswer);
        let id = json::parse_object(text).and_then(|object| object.string("id")).ok_or(invalid)?;
        Ok(Self { id, json: String::from(text.trim()) })
    }
}

/// Every stream of a session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StreamList {
    /// The streams.
    pub items: Vec<Stream>,
    /// The API's JSON object (`{ count, items }`), as received.
    pub json: String,
}

impl StreamList {
    /// `{ count, items: [stream…] }`.
    pub(super) fn read(text: &str) -> Result<Self> {
        let invalid = fail(ErrorReason::ApiAnswer);
        let object = json::parse_object(text).ok_or(invalid)?;
        let items = super::read_items(&object, Stream::read)?;
        Ok(Self { items, json: String::from(text.trim()) })
    }
}
