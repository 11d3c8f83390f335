//! The Video REST API without I/O: [`VideoApi`] builds each request (method, path with its query,
//! content type, body) after checking every argument and option, and [`Request::read_answer`]
//! turns the API's answer into typed values. Sending is the caller's: any HTTP client, `fetch` in
//! a Worker, or the npm package's `vonage-video-token/video` entry.
//!
//! Authentication is a header the caller adds: for project credentials `X-OPENTOK-AUTH` with a
//! [`generate_rest_token`](crate::generate_rest_token_at) JWT, for application credentials
//! `Authorization: Bearer` with an [`application JWT`](crate::ApplicationCredentials::application_jwt)
//! ([`VideoApi::auth_header`] names it).
//!
//! ```
//! use vonage_video_token::video::{Answer, SessionOptions, VideoApi};
//! let api = VideoApi::for_project("123456")?;
//! let request = api.create_session(&SessionOptions::new())?;
//! assert_eq!((request.method().as_str(), request.path()), ("POST", "/session/create"));
//! assert_eq!(request.body(), b"archiveMode=manual&p2p.preference=disabled");
//! // … send it to api.default_host() with the X-OPENTOK-AUTH header, then:
//! let answer = request.read_answer(200, br#"[{"session_id":"1_MX4xMjM0NTZ-fg"}]"#)?;
//! let Answer::Session(session) = answer else { unreachable!() };
//! assert_eq!(session.session_id, "1_MX4xMjM0NTZ-fg");
//! # Ok::<(), vonage_video_token::Error>(())
//! ```

mod archive;
mod moderation;
mod session;

use alloc::string::String;
use alloc::vec::Vec;

use crate::error::{fail, ErrorReason, Result};
use crate::json;
use crate::session_id::{check_session, Owner};

pub use archive::{
    Archive, ArchiveFilter, ArchiveList, ArchiveOptions, Layout, LayoutType, OutputMode, Resolution, ScreenshareType,
    StreamMode, MAX_ARCHIVE_NAME_LENGTH, MAX_SEARCH_COUNT, MAX_STYLESHEET_LENGTH,
};
pub use moderation::{
    stream_ids_from_json, Signal, Stream, StreamList, MAX_EXCLUDED_STREAMS, MAX_SIGNAL_DATA_LENGTH,
    MAX_SIGNAL_TYPE_LENGTH,
};
pub use session::{ArchiveMode, MediaMode, Session, SessionOptions};

/// The longest answer read: larger ones are refused (the real API's largest, a page of 1000
/// archives, is far smaller).
pub const MAX_ANSWER_BYTES: usize = 1 << 20;

/// The longest options JSON the `from_json` readers take, in UTF-16 code units (room for the
/// longest custom layout stylesheet, escaped).
pub const MAX_OPTIONS_LENGTH: usize = 131_072;

/// The default host of the API for project credentials (as `opentok` uses).
pub const PROJECT_API_HOST: &str = "https://api.opentok.com";
/// The default host of the API for application credentials (as `@vonage/video` uses).
pub const APPLICATION_API_HOST: &str = "https://video.api.vonage.com";

/// An HTTP method the API uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// `GET`.
    Get,
    /// `POST`.
    Post,
    /// `DELETE`.
    Delete,
}

impl Method {
    /// The method's name.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Post => "POST",
            Self::Delete => "DELETE",
        }
    }
}

/// Which call a request is, and so how its answer is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Operation {
    /// `create_session`.
    CreateSession,
    /// `start_archive`, `stop_archive`, `get_archive`.
    Archive,
    /// `search_archives`.
    SearchArchives,
    /// Calls answered with no content: `delete_archive`, `disconnect_client`, `send_signal`.
    NoContent,
    /// `mute_stream`, `force_mute_all`, `disable_force_mute`: the project's details.
    Mute,
    /// `get_stream_info` for one stream.
    Stream,
    /// `get_stream_info` for every stream of a session.
    Streams,
}

/// One request to send: its method, path (with query), content type and body. Built only from
/// checked values; ids in the path are percent-encoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    method: Method,
    path: String,
    content_type: Option<&'static str>,
    body: Vec<u8>,
    operation: Operation,
    /// What a session's answer is read with: the options the session was created with, and who
    /// must own it.
    session: Option<(SessionOptions, VideoApi)>,
}

impl Request {
    fn new(method: Method, path: String, operation: Operation) -> Self {
        Self { method, path, content_type: None, body: Vec::new(), operation, session: None }
    }

    fn json(mut self, body: Vec<u8>) -> Self {
        self.content_type = Some("application/json");
        self.body = body;
        self
    }

    /// The HTTP method.
    #[must_use]
    pub fn method(&self) -> Method {
        self.method
    }

    /// The path from the host on, query included (`/v2/project/…/archive?count=10`).
    #[must_use]
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The body's content type, if the request has a body.
    #[must_use]
    pub fn content_type(&self) -> Option<&'static str> {
        self.content_type
    }

    /// The body (empty for requests without one).
    #[must_use]
    pub fn body(&self) -> &[u8] {
        &self.body
    }

    /// Which call this is.
    #[must_use]
    pub fn operation(&self) -> Operation {
        self.operation
    }

    /// Reads the API's answer to this request: its HTTP status and body. A status outside 200 to
    /// 299 is an error (the caller has the status, and any `Retry-After`, to decide whether to
    /// retry); so is a body over [`MAX_ANSWER_BYTES`] or not of the expected shape.
    ///
    /// # Errors
    /// [`ErrorCode::ApiStatus`](crate::ErrorCode::ApiStatus),
    /// [`ErrorCode::ApiAnswerTooLarge`](crate::ErrorCode::ApiAnswerTooLarge), or
    /// [`ErrorCode::ApiAnswer`](crate::ErrorCode::ApiAnswer).
    pub fn read_answer(&self, status: u16, body: &[u8]) -> Result<Answer> {
        if !(200..300).contains(&status) {
            return Err(fail(ErrorReason::ApiStatus));
        }
        if body.len() > MAX_ANSWER_BYTES {
            return Err(fail(ErrorReason::ApiAnswerTooLarge));
        }
        let text = core::str::from_utf8(body).map_err(|_| fail(ErrorReason::ApiAnswer))?;
        let answer = match self.operation {
            Operation::CreateSession => {
                let (options, api) = self.session.as_ref().ok_or(fail(ErrorReason::ApiAnswer))?;
                Answer::Session(Session::read(text, options, api.session_owner())?)
            }
            Operation::Archive => Answer::Archive(Archive::read(text)?),
            Operation::SearchArchives => Answer::Archives(ArchiveList::read(text)?),
            Operation::NoContent => Answer::Done,
            Operation::Mute => Answer::Project(project_details(text)?),
            Operation::Stream => Answer::Stream(Stream::read(text)?),
            Operation::Streams => Answer::Streams(StreamList::read(text)?),
        };
        Ok(answer)
    }
}

/// An answer of the API, read.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Answer {
    /// A new session.
    Session(Session),
    /// One archive.
    Archive(Archive),
    /// A page of archives.
    Archives(ArchiveList),
    /// One stream.
    Stream(Stream),
    /// Every stream of a session.
    Streams(StreamList),
    /// The project's details (the answer to muting), as JSON text; `None` for an empty answer.
    Project(Option<String>),
    /// Done; the API answers with no content.
    Done,
}

impl Answer {
    /// The answer as JSON, in the shape `@vonage/video` returns: the API's own JSON for archives,
    /// streams and project details, `{ sessionId, archiveMode, mediaMode, location, e2ee }` for a
    /// session; `None` for an answer with no content.
    #[must_use]
    pub fn to_json(&self) -> Option<String> {
        match self {
            Self::Session(session) => Some(session.to_json()),
            Self::Archive(archive) => Some(archive.json.clone()),
            Self::Archives(list) => Some(list.json.clone()),
            Self::Stream(stream) => Some(stream.json.clone()),
            Self::Streams(list) => Some(list.json.clone()),
            Self::Project(details) => details.clone(),
            Self::Done => None,
        }
    }
}

/// Muting answers with the project's details: any JSON object, or nothing.
fn project_details(text: &str) -> Result<Option<String>> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    json::parse_object(text).map(|_| Some(String::from(text))).ok_or(fail(ErrorReason::ApiAnswer))
}

/// Whose calls these are, and how they authenticate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VideoApi {
    owner: String,
    application: bool,
}

impl VideoApi {
    /// Calls for a project (its API key), authenticated with `X-OPENTOK-AUTH`.
    ///
    /// # Errors
    /// [`ErrorCode::InvalidApiKey`](crate::ErrorCode::InvalidApiKey).
    pub fn for_project(api_key: &str) -> Result<Self> {
        crate::project::check_api_key(api_key)?;
        Ok(Self { owner: String::from(api_key), application: false })
    }

    /// Calls for an application (its id), authenticated with `Authorization: Bearer`.
    ///
    /// # Errors
    /// [`ErrorCode::InvalidApplicationId`](crate::ErrorCode::InvalidApplicationId).
    pub fn for_application(application_id: &str) -> Result<Self> {
        crate::uuid::check_application_id(application_id)?;
        Ok(Self { owner: String::from(application_id), application: true })
    }

    /// The API's default host for these credentials: [`PROJECT_API_HOST`] or [`APPLICATION_API_HOST`].
    #[must_use]
    pub fn default_host(&self) -> &'static str {
        if self.application {
            APPLICATION_API_HOST
        } else {
            PROJECT_API_HOST
        }
    }

    /// The header that carries the credentials: `X-OPENTOK-AUTH` (its value the project's REST
    /// token) or `Authorization` (its value `Bearer ` and the application JWT).
    #[must_use]
    pub fn auth_header(&self) -> &'static str {
        if self.application {
            "Authorization"
        } else {
            "X-OPENTOK-AUTH"
        }
    }

    /// The API key or application id.
    #[must_use]
    pub fn owner(&self) -> &str {
        &self.owner
    }

    /// `/v2/project/<owner>` and the given segments, each percent-encoded.
    fn path(&self, segments: &[&str]) -> String {
        let mut path = String::from("/v2/project/");
        path.push_str(&self.owner);
        for segment in segments {
            path.push('/');
            push_path_segment(&mut path, segment);
        }
        path
    }

    /// Who a session of these credentials names.
    fn session_owner(&self) -> Owner<'_> {
        if self.application {
            Owner::Application(&self.owner)
        } else {
            Owner::Project(&self.owner)
        }
    }

    /// Checks that `session_id` decodes and names these credentials' project or application.
    fn check_session(&self, session_id: &str) -> Result<()> {
        check_session(session_id, self.session_owner())
    }

    /// `POST /session/create`: a new session. The answer's session must name these credentials.
    ///
    /// # Errors
    /// [`ErrorCode::InvalidOptions`](crate::ErrorCode::InvalidOptions) ([`SessionOptions::check`]).
    pub fn create_session(&self, options: &SessionOptions) -> Result<Request> {
        options.check()?;
        let mut request = Request::new(Method::Post, String::from("/session/create"), Operation::CreateSession);
        request.content_type = Some("application/x-www-form-urlencoded");
        request.body = options.form();
        request.session = Some((options.clone(), self.clone()));
        Ok(request)
    }

    /// `POST …/archive`: starts archiving a session.
    ///
    /// # Errors
    /// [`ErrorCode::InvalidSessionId`](crate::ErrorCode::InvalidSessionId) or
    /// [`ErrorCode::SessionKeyMismatch`](crate::ErrorCode::SessionKeyMismatch).
    pub fn start_archive(&self, session_id: &str, options: &ArchiveOptions) -> Result<Request> {
        self.check_session(session_id)?;
        Ok(Request::new(Method::Post, self.path(&["archive"]), Operation::Archive).json(options.body(session_id)))
    }

    /// `POST …/archive/<id>/stop`: stops an archive.
    ///
    /// # Errors
    /// [`ErrorCode::InvalidArchiveId`](crate::ErrorCode::InvalidArchiveId).
    pub fn stop_archive(&self, archive_id: &str) -> Result<Request> {
        check_id(archive_id, ErrorReason::ArchiveId)?;
        Ok(Request::new(Method::Post, self.path(&["archive", archive_id, "stop"]), Operation::Archive).json(Vec::new()))
    }

    /// `GET …/archive/<id>`: one archive.
    ///
    /// # Errors
    /// [`ErrorCode::InvalidArchiveId`](crate::ErrorCode::InvalidArchiveId).
    pub fn get_archive(&self, archive_id: &str) -> Result<Request> {
        check_id(archive_id, ErrorReason::ArchiveId)?;
        Ok(Request::new(Method::Get, self.path(&["archive", archive_id]), Operation::Archive))
    }

    /// `GET …/archive?…`: a page of archives.
    ///
    /// # Errors
    /// [`ErrorCode::InvalidSessionId`](crate::ErrorCode::InvalidSessionId) or
    /// [`ErrorCode::SessionKeyMismatch`](crate::ErrorCode::SessionKeyMismatch) for the filter's session.
    pub fn search_archives(&self, filter: &ArchiveFilter) -> Result<Request> {
        if let Some(session_id) = filter.session_id.as_deref() {
            self.check_session(session_id)?;
        }
        let mut path = self.path(&["archive"]);
        filter.push_query(&mut path);
        Ok(Request::new(Method::Get, path, Operation::SearchArchives))
    }

    /// `DELETE …/archive/<id>`: deletes an archive.
    ///
    /// # Errors
    /// [`ErrorCode::InvalidArchiveId`](crate::ErrorCode::InvalidArchiveId).
    pub fn delete_archive(&self, archive_id: &str) -> Result<Request> {
        check_id(archive_id, ErrorReason::ArchiveId)?;
        Ok(Request::new(Method::Delete, self.path(&["archive", archive_id]), Operation::NoContent))
    }

    /// `DELETE …/session/<id>/connection/<id>`: disconnects a client.
    ///
    /// # Errors
    /// [`ErrorCode::InvalidSessionId`](crate::ErrorCode::InvalidSessionId),
    /// [`ErrorCode::SessionKeyMismatch`](crate::ErrorCode::SessionKeyMismatch), or
    /// [`ErrorCode::InvalidConnectionId`](crate::ErrorCode::InvalidConnectionId).
    pub fn disconnect_client(&self, session_id: &str, connection_id: &str) -> Result<Request> {
        self.check_session(session_id)?;
        check_id(connection_id, ErrorReason::ConnectionId)?;
        Ok(Request::new(
            Method::Delete,
            self.path(&["session", session_id, "connection", connection_id]),
            Operation::NoContent,
        ))
    }

    /// `POST …/session/<id>[/connection/<id>]/signal`: sends a signal to a session's clients, or
    /// to one.
    ///
    /// # Errors
    /// [`ErrorCode::InvalidSessionId`](crate::ErrorCode::InvalidSessionId),
    /// [`ErrorCode::SessionKeyMismatch`](crate::ErrorCode::SessionKeyMismatch), or
    /// [`ErrorCode::InvalidConnectionId`](crate::ErrorCode::InvalidConnectionId).
    pub fn send_signal(&self, signal: &Signal, session_id: &str, connection_id: Option<&str>) -> Result<Request> {
        self.check_session(session_id)?;
        let path = match connection_id {
            Some(connection_id) => {
                check_id(connection_id, ErrorReason::ConnectionId)?;
                self.path(&["session", session_id, "connection", connection_id, "signal"])
            }
            None => self.path(&["session", session_id, "signal"]),
        };
        Ok(Request::new(Method::Post, path, Operation::NoContent).json(signal.body()))
    }

    /// `POST …/session/<id>/stream/<id>/mute`: mutes one stream.
    ///
    /// # Errors
    /// [`ErrorCode::InvalidSessionId`](crate::ErrorCode::InvalidSessionId),
    /// [`ErrorCode::SessionKeyMismatch`](crate::ErrorCode::SessionKeyMismatch), or
    /// [`ErrorCode::InvalidStreamId`](crate::ErrorCode::InvalidStreamId).
    pub fn mute_stream(&self, session_id: &str, stream_id: &str) -> Result<Request> {
        self.check_session(session_id)?;
        check_id(stream_id, ErrorReason::StreamId)?;
        let path = self.path(&["session", session_id, "stream", stream_id, "mute"]);
        Ok(Request::new(Method::Post, path, Operation::Mute).json(Vec::new()))
    }

    /// `POST …/session/<id>/mute`: mutes every stream of a session but `excluded`, and every
    /// stream published later, until [`disable_force_mute`](Self::disable_force_mute).
    ///
    /// # Errors
    /// [`ErrorCode::InvalidSessionId`](crate::ErrorCode::InvalidSessionId),
    /// [`ErrorCode::SessionKeyMismatch`](crate::ErrorCode::SessionKeyMismatch), or
    /// [`ErrorCode::InvalidStreamId`](crate::ErrorCode::InvalidStreamId).
    pub fn force_mute_all(&self, session_id: &str, excluded: &[&str]) -> Result<Request> {
        self.mute_all(session_id, true, excluded)
    }

    /// `POST …/session/<id>/mute` with `active: false`: ends [`force_mute_all`](Self::force_mute_all).
    ///
    /// # Errors
    /// As [`force_mute_all`](Self::force_mute_all).
    pub fn disable_force_mute(&self, session_id: &str, excluded: &[&str]) -> Result<Request> {
        self.mute_all(session_id, false, excluded)
    }

    fn mute_all(&self, session_id: &str, active: bool, excluded: &[&str]) -> Result<Request> {
        self.check_session(session_id)?;
        if excluded.len() > moderation::MAX_EXCLUDED_STREAMS {
            return Err(fail(ErrorReason::StreamId));
        }
        for stream_id in excluded {
            check_id(stream_id, ErrorReason::StreamId)?;
        }
        let body = moderation::mute_all_body(active, excluded);
        Ok(Request::new(Method::Post, self.path(&["session", session_id, "mute"]), Operation::Mute).json(body))
    }

    /// `GET …/session/<id>/stream[/<id>]`: one stream, or every stream of a session.
    ///
    /// # Errors
    /// [`ErrorCode::InvalidSessionId`](crate::ErrorCode::InvalidSessionId),
    /// [`ErrorCode::SessionKeyMismatch`](crate::ErrorCode::SessionKeyMismatch), or
    /// [`ErrorCode::InvalidStreamId`](crate::ErrorCode::InvalidStreamId).
    pub fn get_stream_info(&self, session_id: &str, stream_id: Option<&str>) -> Result<Request> {
        self.check_session(session_id)?;
        Ok(match stream_id {
            Some(stream_id) => {
                check_id(stream_id, ErrorReason::StreamId)?;
                Request::new(Method::Get, self.path(&["session", session_id, "stream", stream_id]), Operation::Stream)
            }
            None => Request::new(Method::Get, self.path(&["session", session_id, "stream"]), Operation::Streams),
        })
    }
}

/// The longest archive, connection or stream id (the API's are 36-character UUIDs).
pub const MAX_ID_LENGTH: usize = 128;

/// An archive, connection or stream id: 1 to [`MAX_ID_LENGTH`] characters of `A–Z a–z 0–9 - _ .`
/// (the API's ids are UUIDs), so it is one path segment as written.
fn check_id(id: &str, reason: ErrorReason) -> Result<()> {
    let ok = (1..=MAX_ID_LENGTH).contains(&id.len())
        && id.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        && id != "."
        && id != "..";
    if ok {
        Ok(())
    } else {
        Err(fail(reason))
    }
}

/// Appends `segment` percent-encoded for a URL path: RFC 3986 unreserved characters stay.
fn push_path_segment(out: &mut String, segment: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for byte in segment.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX.get(usize::from(byte >> 4)).copied().unwrap_or(b'0')));
            out.push(char::from(HEX.get(usize::from(byte & 15)).copied().unwrap_or(b'0')));
        }
    }
}

/// Reads the options object of a JSON text: `None` for `""` or `null` (no options); a
/// [`Object`](json::Object) with only `known` keys, each once; or `reason`.
fn options_object<'a>(text: &'a str, known: &[&str], reason: ErrorReason) -> Result<Option<json::Object<'a>>> {
    let trimmed = text.trim();
    if trimmed.is_empty() || trimmed == "null" {
        return Ok(None);
    }
    let object = json::parse_object(text).ok_or(fail(reason))?;
    if object.has_other_keys(known) {
        return Err(fail(ErrorReason::UnknownOption));
    }
    Ok(Some(object))
}

/// The `items` array of a page the API answered with (`{ count, items }`), each read with `read`.
fn read_items<T>(object: &json::Object<'_>, read: impl Fn(&str) -> Result<T>) -> Result<Vec<T>> {
    let invalid = fail(ErrorReason::ApiAnswer);
    let items = json::parse_array(object.raw("items").ok_or(invalid)?).ok_or(invalid)?;
    items.into_iter().map(read).collect()
}

/// A member that must be a string of at most `max` UTF-16 code units, if present.
fn text_member(object: &json::Object<'_>, key: &str, max: usize, reason: ErrorReason) -> Result<Option<String>> {
    match object.raw(key) {
        None | Some("null") => Ok(None),
        Some(raw) => json::string_value(raw)
            .filter(|text| !crate::limits::utf16_len_exceeds(text, max))
            .map(Some)
            .ok_or(fail(reason)),
    }
}

/// A member that must be `true` or `false`, if present.
fn bool_member(object: &json::Object<'_>, key: &str, reason: ErrorReason) -> Result<Option<bool>> {
    match object.raw(key) {
        None | Some("null") => Ok(None),
        Some("true") => Ok(Some(true)),
        Some("false") => Ok(Some(false)),
        Some(_) => Err(fail(reason)),
    }
}

/// A member that must be a whole number in `range`, if present.
fn integer_member(
    object: &json::Object<'_>,
    key: &str,
    range: core::ops::RangeInclusive<i64>,
    reason: ErrorReason,
) -> Result<Option<i64>> {
    match object.raw(key) {
        None | Some("null") => Ok(None),
        Some(raw) => json::number_value(raw)
            .filter(|n| !n.fractional && range.contains(&n.floor))
            .map(|n| Some(n.floor))
            .ok_or(fail(reason)),
    }
}

/// A member that must be one of `names` (each variant's spelling), if present.
fn enum_member<T: Copy>(
    object: &json::Object<'_>,
    key: &str,
    names: &[(&str, T)],
    reason: ErrorReason,
) -> Result<Option<T>> {
    match object.raw(key) {
        None | Some("null") => Ok(None),
        Some(raw) => {
            let text = json::string_value(raw).ok_or(fail(reason))?;
            names.iter().find(|(name, _)| *name == text).map(|(_, value)| Some(*value)).ok_or(fail(reason))
        }
    }
}

#[cfg(test)]
mod tests;
