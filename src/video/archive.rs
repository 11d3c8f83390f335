//! Archives: the options of a new one, the filter of a search, and the archives the API answers.

use alloc::string::String;
use alloc::vec::Vec;

use super::{bool_member, enum_member, integer_member, options_object, text_member};
use crate::error::{fail, ErrorReason, Result};
use crate::json;
use crate::text::{push_int, push_json_string};

/// The longest archive name and multi-archive tag.
pub const MAX_ARCHIVE_NAME_LENGTH: usize = 1024;
/// The longest custom layout stylesheet.
pub const MAX_STYLESHEET_LENGTH: usize = 16384;
/// The most archives one search returns (the API's own maximum).
pub const MAX_SEARCH_COUNT: i64 = 1000;

/// How an archive records: one composed video, or a file per stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputMode {
    /// One video of every stream (`composed`).
    Composed,
    /// One file per stream (`individual`).
    Individual,
}

/// The resolution of a composed archive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    /// `640x480`.
    Sd,
    /// `480x640`.
    SdPortrait,
    /// `1280x720`.
    Hd,
    /// `720x1280`.
    HdPortrait,
    /// `1920x1080`.
    FullHd,
    /// `1080x1920`.
    FullHdPortrait,
}

/// Which streams an archive records: all of them, or those chosen later.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StreamMode {
    /// Every stream (`auto`).
    Auto,
    /// The streams added through the API (`manual`).
    Manual,
}

/// A composed archive's layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LayoutType {
    /// `bestFit`.
    BestFit,
    /// `custom`, with a stylesheet.
    Custom,
    /// `horizontalPresentation`.
    HorizontalPresentation,
    /// `pip`.
    Pip,
    /// `verticalPresentation`.
    VerticalPresentation,
}

/// The layout a `bestFit` layout switches to while a screen is shared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScreenshareType {
    /// `bestFit`.
    BestFit,
    /// `horizontalPresentation`.
    HorizontalPresentation,
    /// `pip`.
    Pip,
    /// `verticalPresentation`.
    VerticalPresentation,
}

const OUTPUT_MODES: [(&str, OutputMode); 2] =
    [("composed", OutputMode::Composed), ("individual", OutputMode::Individual)];
const RESOLUTIONS: [(&str, Resolution); 6] = [
    ("640x480", Resolution::Sd),
    ("480x640", Resolution::SdPortrait),
    ("1280x720", Resolution::Hd),
    ("720x1280", Resolution::HdPortrait),
    ("1920x1080", Resolution::FullHd),
    ("1080x1920", Resolution::FullHdPortrait),
];
const STREAM_MODES: [(&str, StreamMode); 2] = [("auto", StreamMode::Auto), ("manual", StreamMode::Manual)];
const LAYOUT_TYPES: [(&str, LayoutType); 5] = [
    ("bestFit", LayoutType::BestFit),
    ("custom", LayoutType::Custom),
    ("horizontalPresentation", LayoutType::HorizontalPresentation),
    ("pip", LayoutType::Pip),
    ("verticalPresentation", LayoutType::VerticalPresentation),
];
const SCREENSHARE_TYPES: [(&str, ScreenshareType); 4] = [
    ("bestFit", ScreenshareType::BestFit),
    ("horizontalPresentation", ScreenshareType::HorizontalPresentation),
    ("pip", ScreenshareType::Pip),
    ("verticalPresentation", ScreenshareType::VerticalPresentation),
];

/// The name a value has in the API.
fn name_of<T: PartialEq + Copy>(names: &[(&'static str, T)], value: T) -> &'static str {
    names.iter().find(|(_, v)| *v == value).map_or("", |(name, _)| name)
}

/// A composed archive's layout: its type, a stylesheet for `custom`, and for `bestFit` the layout
/// used while a screen is shared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// The layout.
    pub layout_type: LayoutType,
    /// The stylesheet of a `custom` layout (required there, refused elsewhere).
    pub stylesheet: Option<String>,
    /// With `bestFit`: the layout while a screen is shared (refused with other types).
    pub screenshare_type: Option<ScreenshareType>,
}

impl Layout {
    fn check(&self) -> Result<()> {
        let custom = self.layout_type == LayoutType::Custom;
        let stylesheet_ok = self.stylesheet.as_deref().map_or(!custom, |sheet| {
            custom && !sheet.is_empty() && !crate::limits::utf16_len_exceeds(sheet, MAX_STYLESHEET_LENGTH)
        });
        let screenshare_ok = self.screenshare_type.is_none() || self.layout_type == LayoutType::BestFit;
        if stylesheet_ok && screenshare_ok {
            Ok(())
        } else {
            Err(fail(ErrorReason::ArchiveLayout))
        }
    }
}

/// The options of a new archive. Every field is optional; the API's defaults apply to those left
/// out (a composed archive of every stream, with audio and video, 640x480, `bestFit`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ArchiveOptions {
    /// A name for your own records.
    pub name: Option<String>,
    /// Composed or individual.
    pub output_mode: Option<OutputMode>,
    /// A composed archive's resolution.
    pub resolution: Option<Resolution>,
    /// A composed archive's layout.
    pub layout: Option<Layout>,
    /// Whether to record audio.
    pub has_audio: Option<bool>,
    /// Whether to record video.
    pub has_video: Option<bool>,
    /// Which streams to record.
    pub stream_mode: Option<StreamMode>,
    /// A tag that lets one session have several archives at once.
    pub multi_archive_tag: Option<String>,
    /// A composed archive's video bitrate, 100,000 to 6,000,000 bits per second (not with
    /// `quantization_parameter`).
    pub max_bitrate: Option<u32>,
    /// A composed archive's quantization parameter, 15 to 40 (not with `max_bitrate`).
    pub quantization_parameter: Option<u32>,
    /// Whether to transcribe the archive.
    pub has_transcription: Option<bool>,
    /// The transcription's language (`en-US`, …) and whether to summarise it.
    pub transcription: Option<(String, Option<bool>)>,
}

impl ArchiveOptions {
    /// No options: the API's defaults.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Checks the options: lengths, ranges, the layout's rules, bitrate or quantization.
    ///
    /// # Errors
    /// [`ErrorCode::InvalidOptions`](crate::ErrorCode::InvalidOptions).
    pub fn check(&self) -> Result<()> {
        let too_long = |text: &Option<String>| {
            text.as_deref().is_some_and(|t| crate::limits::utf16_len_exceeds(t, MAX_ARCHIVE_NAME_LENGTH))
        };
        if too_long(&self.name) || too_long(&self.multi_archive_tag) {
            return Err(fail(ErrorReason::ArchiveName));
        }
        if let Some(layout) = &self.layout {
            layout.check()?;
        }
        if self.max_bitrate.is_some_and(|b| !(100_000..=6_000_000).contains(&b)) {
            return Err(fail(ErrorReason::ArchiveBitrate));
        }
        if self.quantization_parameter.is_some_and(|q| !(15..=40).contains(&q)) {
            return Err(fail(ErrorReason::ArchiveBitrate));
        }
        if self.max_bitrate.is_some() && self.quantization_parameter.is_some() {
            return Err(fail(ErrorReason::ArchiveBitrate));
        }
        if self.transcription.as_ref().is_some_and(|(language, _)| !is_language_tag(language)) {
            return Err(fail(ErrorReason::ArchiveTranscription));
        }
        Ok(())
    }

    /// The options from the JSON of a JavaScript options object (`@vonage/video`'s names:
    /// `name`, `outputMode`, `resolution`, `layout`, `hasAudio`, `hasVideo`, `streamMode`,
    /// `multiArchiveTag`, `maxBitrate`, `quantizationParameter`, `hasTranscription`,
    /// `transcriptionProperties`), checked.
    ///
    /// # Errors
    /// [`ErrorCode::InvalidOptions`](crate::ErrorCode::InvalidOptions) or
    /// [`ErrorCode::UnknownOption`](crate::ErrorCode::UnknownOption).
    pub fn from_json(text: &str) -> Result<Self> {
        let known = [
            "name",
            "outputMode",
            "resolution",
            "layout",
            "hasAudio",
            "hasVideo",
            "streamMode",
            "multiArchiveTag",
            "maxBitrate",
            "quantizationParameter",
            "hasTranscription",
            "transcriptionProperties",
        ];
        let mut options = Self::new();
        if let Some(object) = options_object(text, &known, ErrorReason::ArchiveOptions)? {
            options.name = text_member(&object, "name", MAX_ARCHIVE_NAME_LENGTH, ErrorReason::ArchiveName)?;
            options.output_mode = enum_member(&object, "outputMode", &OUTPUT_MODES, ErrorReason::ArchiveOutputMode)?;
            options.resolution = enum_member(&object, "resolution", &RESOLUTIONS, ErrorReason::ArchiveResolution)?;
            options.has_audio = bool_member(&object, "hasAudio", ErrorReason::ArchiveFlag)?;
            options.has_video = bool_member(&object, "hasVideo", ErrorReason::ArchiveFlag)?;
            options.has_transcription = bool_member(&object, "hasTranscription", ErrorReason::ArchiveFlag)?;
            options.stream_mode = enum_member(&object, "streamMode", &STREAM_MODES, ErrorReason::ArchiveStreamMode)?;
            options.multi_archive_tag =
                text_member(&object, "multiArchiveTag", MAX_ARCHIVE_NAME_LENGTH, ErrorReason::ArchiveName)?;
            options.max_bitrate =
                integer_member(&object, "maxBitrate", 0..=i64::from(u32::MAX), ErrorReason::ArchiveBitrate)?
                    .map(|b| b as u32);
            options.quantization_parameter =
                integer_member(&object, "quantizationParameter", 0..=i64::from(u32::MAX), ErrorReason::ArchiveBitrate)?
                    .map(|q| q as u32);
            if let Some(raw) = object.raw("layout").filter(|raw| *raw != "null") {
                options.layout = Some(read_layout(raw)?);
            }
            if let Some(raw) = object.raw("transcriptionProperties").filter(|raw| *raw != "null") {
                let invalid = ErrorReason::ArchiveTranscription;
                let properties =
                    options_object(raw, &["primaryLanguageCode", "hasSummary"], invalid)?.ok_or(fail(invalid))?;
                let language = text_member(&properties, "primaryLanguageCode", 35, invalid)?.ok_or(fail(invalid))?;
                options.transcription = Some((language, bool_member(&properties, "hasSummary", invalid)?));
            }
        }
        options.check()?;
        Ok(options)
    }

    /// The JSON body: `sessionId`, then each option given, in `@vonage/video`'s names.
    pub(crate) fn body(&self, session_id: &str) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(b"{\"sessionId\":");
        push_json_string(&mut out, session_id);
        let text = |out: &mut Vec<u8>, key: &str, value: &str| {
            out.push(b',');
            push_json_string(out, key);
            out.push(b':');
            push_json_string(out, value);
        };
        if let Some(name) = &self.name {
            text(&mut out, "name", name);
        }
        if let Some(mode) = self.output_mode {
            text(&mut out, "outputMode", name_of(&OUTPUT_MODES, mode));
        }
        if let Some(resolution) = self.resolution {
            text(&mut out, "resolution", name_of(&RESOLUTIONS, resolution));
        }
        if let Some(layout) = &self.layout {
            out.extend_from_slice(b",\"layout\":{\"type\":");
            push_json_string(&mut out, name_of(&LAYOUT_TYPES, layout.layout_type));
            if let Some(sheet) = &layout.stylesheet {
                text(&mut out, "stylesheet", sheet);
            }
            if let Some(kind) = layout.screenshare_type {
                text(&mut out, "screenshareType", name_of(&SCREENSHARE_TYPES, kind));
            }
            out.push(b'}');
        }
        let flag = |out: &mut Vec<u8>, key: &str, value: Option<bool>| {
            if let Some(value) = value {
                out.push(b',');
                push_json_string(out, key);
                out.extend_from_slice(if value { b":true" } else { b":false" });
            }
        };
        flag(&mut out, "hasAudio", self.has_audio);
        flag(&mut out, "hasVideo", self.has_video);
        if let Some(mode) = self.stream_mode {
            text(&mut out, "streamMode", name_of(&STREAM_MODES, mode));
        }
        if let Some(tag) = &self.multi_archive_tag {
            text(&mut out, "multiArchiveTag", tag);
        }
        for (key, value) in [("maxBitrate", self.max_bitrate), ("quantizationParameter", self.quantization_parameter)] {
            if let Some(value) = value {
                out.push(b',');
                push_json_string(&mut out, key);
                out.push(b':');
                push_int(&mut out, i64::from(value));
            }
        }
        flag(&mut out, "hasTranscription", self.has_transcription);
        if let Some((language, summary)) = &self.transcription {
            out.extend_from_slice(b",\"transcriptionProperties\":{\"primaryLanguageCode\":");
            push_json_string(&mut out, language);
            flag(&mut out, "hasSummary", *summary);
            out.push(b'}');
        }
        out.push(b'}');
        out
    }
}

/// A layout object: `{ type, stylesheet?, screenshareType? }`.
fn read_layout(raw: &str) -> Result<Layout> {
    let invalid = ErrorReason::ArchiveLayout;
    let object = options_object(raw, &["type", "stylesheet", "screenshareType"], invalid)?.ok_or(fail(invalid))?;
    let layout = Layout {
        layout_type: enum_member(&object, "type", &LAYOUT_TYPES, invalid)?.ok_or(fail(invalid))?,
        stylesheet: text_member(&object, "stylesheet", MAX_STYLESHEET_LENGTH, invalid)?,
        screenshare_type: enum_member(&object, "screenshareType", &SCREENSHARE_TYPES, invalid)?,
    };
    layout.check()?;
    Ok(layout)
}

/// A BCP 47 language tag as the API takes it: `en-US`, `pt-BR`, `fr-CA`…: letters and digits in
/// hyphen-separated parts of 1 to 8.
fn is_language_tag(tag: &str) -> bool {
    !tag.is_empty()
        && tag.len() <= 35
        && tag.split('-').all(|part| (1..=8).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Which archives a search returns: a page (`offset`, `count`), optionally of one session.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArchiveFilter {
    /// How many archives to skip (0 by default).
    pub offset: Option<u32>,
    /// How many to return: 1 to 1000 (the API's default is 50).
    pub count: Option<u32>,
    /// Only this session's archives.
    pub session_id: Option<String>,
}

impl ArchiveFilter {
    /// No filter: the API's first page.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// The filter from the JSON of a JavaScript object (`{ offset, count, sessionId }`), checked
    /// (the session id against the credentials when the request is built).
    ///
    /// # Errors
    /// [`ErrorCode::InvalidOptions`](crate::ErrorCode::InvalidOptions) or
    /// [`ErrorCode::UnknownOption`](crate::ErrorCode::UnknownOption).
    pub fn from_json(text: &str) -> Result<Self> {
        let mut filter = Self::new();
        if let Some(object) = options_object(text, &["offset", "count", "sessionId"], ErrorReason::ArchiveFilter)? {
            filter.offset = integer_member(&object, "offset", 0..=i64::from(u32::MAX), ErrorReason::ArchiveFilter)?
                .map(|n| n as u32);
            filter.count =
                integer_member(&object, "count", 1..=MAX_SEARCH_COUNT, ErrorReason::ArchiveFilter)?.map(|n| n as u32);
            filter.session_id =
                text_member(&object, "sessionId", crate::MAX_SESSION_ID_LENGTH, ErrorReason::SessionId)?;
        }
        Ok(filter)
    }

    /// Appends the query: `offset`, `count`, `sessionId`, each when given.
    pub(crate) fn push_query(&self, path: &mut String) {
        let mut separator = '?';
        let mut number = |path: &mut String, key: &str, value: Option<u32>| {
            if let Some(value) = value {
                path.push(separator);
                separator = '&';
                path.push_str(key);
                path.push('=');
                let mut digits = Vec::new();
                push_int(&mut digits, i64::from(value));
                path.push_str(core::str::from_utf8(&digits).unwrap_or("0"));
            }
        };
        number(path, "offset", self.offset);
        number(path, "count", self.count);
        if let Some(session_id) = &self.session_id {
            path.push(separator);
            path.push_str("sessionId=");
            super::push_path_segment(path, session_id);
        }
    }
}

/// An archive the API answered with: its id and status, read; the API's whole JSON object kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Archive {
    /// The archive's id.
    pub id: String,
    /// `started`, `paused`, `stopped`, `uploaded`, `available`, `expired` or `failed`.
    pub status: String,
    /// The API's JSON object for it, as received.
    pub json: String,
}

impl Archive {
    /// One archive: a JSON object with a string `id` and `status`.
    pub(super) fn read(text: &str) -> Result<Self> {
        let invalid = fail(ErrorReason::ApiAnswer);
        let object = json::parse_object(text).ok_or(invalid)?;
        let id = object.string("id").ok_or(invalid)?;
        let status = object.string("status").ok_or(invalid)?;
        Ok(Self { id, status, json: String::from(text.trim()) })
    }
}

/// A page of archives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchiveList {
    /// How many archives the search matched in all.
    pub count: u64,
    /// This page's archives.
    pub items: Vec<Archive>,
    /// The API's JSON object, as received.
    pub json: String,
}

impl ArchiveList {
    /// `{ count, items: [archive…] }`.
    pub(super) fn read(text: &str) -> Result<Self> {
        let invalid = fail(ErrorReason::ApiAnswer);
        let object = json::parse_object(text).ok_or(invalid)?;
        let count = object
            .raw("count")
            .and_then(json::number_value)
            .filter(|n| !n.fractional && n.floor >= 0)
            .map(|n| n.floor as u64)
            .ok_or(invalid)?;
        let items = super::read_items(&object, Archive::read)?;
        Ok(Self { count, items, json: String::from(text.trim()) })
    }
}
