//! Exports for the Video REST API: the request of a call (built from its texts: the owner, a
//! session id, another id and the options' JSON) and the reading of its answer (the same texts,
//! then the answer's bytes). Nothing here touches a secret: the JavaScript layer adds the
//! authentication header.

use alloc::string::String;
use alloc::vec::Vec;
use vonage_video_token::video::{
    stream_ids_from_json, ArchiveFilter, ArchiveOptions, Request, SessionOptions, Signal, VideoApi,
};
use vonage_video_token::{Error, ErrorReason};
use wasm_bindgen::prelude::wasm_bindgen;

use crate::{answer, code};

/// The calls, in the JavaScript layer's order (`OPERATIONS` in lib/video.js).
#[derive(Clone, Copy)]
enum Call {
    CreateSession,
    StartArchive,
    StopArchive,
    GetArchive,
    SearchArchives,
    DeleteArchive,
    DisconnectClient,
    SendSignal,
    MuteStream,
    ForceMuteAll,
    DisableForceMute,
    GetStreamInfo,
}

const CALLS: [Call; 12] = [
    Call::CreateSession,
    Call::StartArchive,
    Call::StopArchive,
    Call::GetArchive,
    Call::SearchArchives,
    Call::DeleteArchive,
    Call::DisconnectClient,
    Call::SendSignal,
    Call::MuteStream,
    Call::ForceMuteAll,
    Call::DisableForceMute,
    Call::GetStreamInfo,
];

/// The texts of a call: owner, session id, other id, options JSON; then the rest of the slot.
struct Texts<'a> {
    owner: &'a str,
    session_id: &'a str,
    id: &'a str,
    options: &'a str,
    rest: &'a [u8],
}

/// Splits the text slot's first `text_len` bytes: four texts of the given UTF-16 lengths, then
/// the bytes that follow (the answer).
fn texts(text_len: u32, units: [u32; 4]) -> Result<Texts<'static>, Error> {
    let ([owner, session_id, id, options], _) = crate::texts(text_len, units)?;
    Ok(Texts { owner, session_id, id, options, rest: crate::slot_tail(text_len) })
}

/// The request of call `call` from `texts`: every argument checked first.
fn request(call: u32, application: u32, t: &Texts<'_>) -> Result<Request, Error> {
    let api = if application == 0 { VideoApi::for_project(t.owner)? } else { VideoApi::for_application(t.owner)? };
    let id = (!t.id.is_empty()).then_some(t.id);
    let which = CALLS.get(call as usize).copied().ok_or(Error::from(ErrorReason::Token))?;
    match which {
        Call::CreateSession => api.create_session(&SessionOptions::from_json(t.options)?),
        Call::StartArchive => api.start_archive(t.session_id, &ArchiveOptions::from_json(t.options)?),
        Call::StopArchive => api.stop_archive(t.id),
        Call::GetArchive => api.get_archive(t.id),
        Call::SearchArchives => api.search_archives(&ArchiveFilter::from_json(t.options)?),
        Call::DeleteArchive => api.delete_archive(t.id),
        Call::DisconnectClient => api.disconnect_client(t.session_id, t.id),
        Call::SendSignal => api.send_signal(&Signal::from_json(t.options)?, t.session_id, id),
        Call::MuteStream => api.mute_stream(t.session_id, t.id),
        Call::ForceMuteAll | Call::DisableForceMute => {
            let ids = stream_ids_from_json(t.options)?;
            let excluded: Vec<&str> = ids.iter().map(String::as_str).collect();
            if matches!(which, Call::ForceMuteAll) {
                api.force_mute_all(t.session_id, &excluded)
            } else {
                api.disable_force_mute(t.session_id, &excluded)
            }
        }
        Call::GetStreamInfo => api.get_stream_info(t.session_id, id),
    }
}

/// The texts of a call (the text slot's first `text_len` bytes, split by `units`) and its
/// request built from them; the texts keep the bytes that follow them (an answer).
fn call_of(call: u32, application: u32, text_len: u32, units: [u32; 4]) -> Result<(Texts<'static>, Request), Error> {
    let t = texts(text_len, units)?;
    let built = request(call, application, &t)?;
    Ok((t, built))
}

/// Builds call `call`'s request (`application` 1 for application credentials): answers its parts,
/// the method, the path, the content type (empty for none) and the body; or an error code.
#[wasm_bindgen]
pub fn video_request(
    call: u32,
    application: u32,
    text_len: u32,
    owner_units: u32,
    session_units: u32,
    id_units: u32,
    options_units: u32,
) -> i32 {
    let built = texts(text_len, [owner_units, session_units, id_units, options_units])
        .and_then(|t| request(call, application, &t));
    answer(&built, |r| {
        [r.method().as_str().as_bytes(), r.path().as_bytes(), r.content_type().unwrap_or("").as_bytes(), r.body()]
    })
}

/// Reads the answer to call `call`: the text slot holds the call's texts as for
/// [`video_request`], then `answer_len` bytes of the answer, which came with HTTP `status`.
/// Answers the result's JSON (empty for an answer with no content), or an error code.
#[wasm_bindgen]
pub fn video_answer(
    call: u32,
    application: u32,
    text_len: u32,
    owner_units: u32,
    session_units: u32,
    id_units: u32,
    options_units: u32,
    status: u32,
    answer_len: u32,
) -> i32 {
    // The request again, from the same texts: it knows how to read its answer (a session's
    // options and owner); nothing is kept in the module between the two calls, which an `await`
    // separates (other calls may run in between).
    let read = call_of(call, application, text_len, [owner_units, session_units, id_units, options_units]).and_then(
        |(t, r)| {
            let body = t.rest.get(..answer_len as usize).ok_or(Error::from(ErrorReason::ApiAnswerTooLarge))?;
            r.read_answer(u16::try_from(status).unwrap_or(0), body).map(|a| a.to_json().unwrap_or_default())
        },
    );
    match read {
        Ok(json) => crate::keep(&[json.as_bytes()]),
        Err(error) => code(error),
    }
}
