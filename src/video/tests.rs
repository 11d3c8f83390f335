use super::*;
use crate::error::ErrorCode;
use alloc::string::ToString;

const KEY: &str = "123456";
const APP: &str = "29f760f8-7ce1-46c9-ade3-f2dedee4ed5f";
const SESSION: &str = "1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4";
const ARCHIVE: &str = "b40ef09b-3811-4726-b508-e41a0f96c68f";
const STREAM: &str = "8b732909-0a06-46a2-8ea8-074e64d43422";
const CONNECTION: &str = "e9f8c166-6c67-440d-994a-04fb6dfed007";

fn project() -> VideoApi {
    VideoApi::for_project(KEY).unwrap()
}

fn line(request: &Request) -> (&'static str, &str, Option<&'static str>, &str) {
    (request.method().as_str(), request.path(), request.content_type(), core::str::from_utf8(request.body()).unwrap())
}

fn code<T: core::fmt::Debug>(result: Result<T>) -> ErrorCode {
    result.unwrap_err().code()
}

#[test]
fn sessions_form_and_rules() {
    let api = project();
    assert_eq!(api.default_host(), "https://api.opentok.com");
    assert_eq!(api.auth_header(), "X-OPENTOK-AUTH");
    let cases = [
        ("", "archiveMode=manual&p2p.preference=disabled"),
        (r#"{"mediaMode":"relayed"}"#, "archiveMode=manual&p2p.preference=enabled"),
        (r#"{"mediaMode":"enabled"}"#, "archiveMode=manual&p2p.preference=enabled"),
        (
            r#"{"archiveMode":"always","location":"10.1.200.30"}"#,
            "archiveMode=always&location=10.1.200.30&p2p.preference=disabled",
        ),
        (r#"{"e2ee":true,"mediaMode":"routed"}"#, "archiveMode=manual&e2ee=true&p2p.preference=disabled"),
        ("null", "archiveMode=manual&p2p.preference=disabled"),
    ];
    for (options, form) in cases {
        let request = api.create_session(&SessionOptions::from_json(options).unwrap()).unwrap();
        assert_eq!(
            line(&request),
            ("POST", "/session/create", Some("application/x-www-form-urlencoded"), form),
            "{options}"
        );
    }
    for (options, want) in [
        (r#"{"mediaMode":"p2p"}"#, ErrorCode::InvalidOptions),
        (r#"{"archiveMode":"always","mediaMode":"relayed"}"#, ErrorCode::InvalidOptions),
        (r#"{"e2ee":true,"mediaMode":"relayed"}"#, ErrorCode::InvalidOptions),
        (r#"{"e2ee":true,"archiveMode":"always"}"#, ErrorCode::InvalidOptions),
        (r#"{"e2ee":"yes"}"#, ErrorCode::InvalidOptions),
        (r#"{"location":"eu-west"}"#, ErrorCode::InvalidOptions),
        (r#"{"location":"1.2.3.256"}"#, ErrorCode::InvalidOptions),
        (r#"{"location":"01.2.3.4"}"#, ErrorCode::InvalidOptions),
        (r#"{"location":"1.2.3"}"#, ErrorCode::InvalidOptions),
        (r#"{"archiveName":"x"}"#, ErrorCode::UnknownOption),
        (r#"{"mediaMode":"routed","mediaMode":"relayed"}"#, ErrorCode::UnknownOption),
        ("[]", ErrorCode::InvalidOptions),
    ] {
        assert_eq!(code(SessionOptions::from_json(options)), want, "{options}");
    }
    // The Rust builders meet the same rules when the request is built.
    let relayed_always = SessionOptions::new().media_mode(MediaMode::Relayed).archive_mode(ArchiveMode::Always);
    assert_eq!(code(api.create_session(&relayed_always)), ErrorCode::InvalidOptions);
}

#[test]
fn a_new_session_is_read_and_must_name_its_owner() {
    let api = VideoApi::for_application(APP).unwrap();
    let request = api.create_session(&SessionOptions::from_json(r#"{"location":"1.2.3.4"}"#).unwrap()).unwrap();
    let session = alloc::format!(
        "1_{}",
        "MX4yOWY3NjBmOC03Y2UxLTQ2YzktYWRlMy1mMmRlZGVlNGVkNWZ-fjE3MjY0NjI1ODg2NDd-MTF4TGExYmJoelBlR1FHbVhzbWd4STBrfn5-"
    );
    let body = alloc::format!(r#"[{{"session_id":"{session}","project_id":"{APP}","create_dt":"Mon"}}]"#);
    let Answer::Session(read) = request.read_answer(200, body.as_bytes()).unwrap() else { panic!() };
    assert_eq!(read.session_id, session);
    assert_eq!(
        read.to_json(),
        alloc::format!(
            r#"{{"sessionId":"{session}","archiveMode":"manual","mediaMode":"routed","location":"1.2.3.4","e2ee":false}}"#
        )
    );
    for bad in [
        "",
        "{}",
        "[]",
        r#"[{"session_id":1}]"#,
        r#"{"session_id":"x"}"#,
        &alloc::format!(r#"[{{"session_id":"{SESSION}"}}]"#), // another project's session
        "<xml/>",
    ] {
        assert_eq!(code(request.read_answer(200, bad.as_bytes())), ErrorCode::ApiAnswer, "{bad}");
    }
    assert_eq!(code(request.read_answer(403, br#"{"code":403}"#)), ErrorCode::ApiStatus);
    assert_eq!(code(request.read_answer(199, b"")), ErrorCode::ApiStatus);
    assert_eq!(code(request.read_answer(200, &alloc::vec![b' '; MAX_ANSWER_BYTES + 1])), ErrorCode::ApiAnswerTooLarge);
    assert_eq!(code(request.read_answer(200, &[0xff, 0xfe])), ErrorCode::ApiAnswer);
}

#[test]
fn archives() {
    let api = VideoApi::for_application(APP).unwrap();
    let app_session = alloc::format!(
        "1_{}",
        "MX4yOWY3NjBmOC03Y2UxLTQ2YzktYWRlMy1mMmRlZGVlNGVkNWZ-fjE3MjY0NjI1ODg2NDd-MTF4TGExYmJoelBlR1FHbVhzbWd4STBrfn5-"
    );
    let start = api.start_archive(&app_session, &ArchiveOptions::new()).unwrap();
    let expected_start = alloc::format!(r#"{{"sessionId":"{app_session}"}}"#);
    assert_eq!(
        line(&start),
        (
            "POST",
            alloc::format!("/v2/project/{APP}/archive").as_str(),
            Some("application/json"),
            expected_start.as_str()
        )
    );
    let options = ArchiveOptions::from_json(
        r#"{"hasVideo":true,"name":"my archive","outputMode":"composed","resolution":"1280x720","layout":{"type":"bestFit","screenshareType":"pip"},"hasAudio":false,"streamMode":"manual","multiArchiveTag":"tag1","maxBitrate":2000000,"hasTranscription":true,"transcriptionProperties":{"primaryLanguageCode":"en-US","hasSummary":true}}"#,
    )
    .unwrap();
    let body = core::str::from_utf8(api.start_archive(&app_session, &options).unwrap().body()).unwrap().to_string();
    assert_eq!(
        body,
        alloc::format!(
            r#"{{"sessionId":"{app_session}","name":"my archive","outputMode":"composed","resolution":"1280x720","layout":{{"type":"bestFit","screenshareType":"pip"}},"hasAudio":false,"hasVideo":true,"streamMode":"manual","multiArchiveTag":"tag1","maxBitrate":2000000,"hasTranscription":true,"transcriptionProperties":{{"primaryLanguageCode":"en-US","hasSummary":true}}}}"#
        )
    );
    assert_eq!(code(api.start_archive(SESSION, &ArchiveOptions::new())), ErrorCode::SessionKeyMismatch);
    for bad in [
        r#"{"outputMode":"mixed"}"#,
        r#"{"resolution":"800x600"}"#,
        r#"{"hasAudio":"yes"}"#,
        r#"{"maxBitrate":50}"#,
        r#"{"maxBitrate":2000000,"quantizationParameter":30}"#,
        r#"{"quantizationParameter":41}"#,
        r#"{"maxBitrate":1000000.5}"#,
        r#"{"layout":{"type":"custom"}}"#,
        r#"{"layout":{"type":"pip","stylesheet":"x"}}"#,
        r#"{"layout":{"type":"pip","screenshareType":"pip"}}"#,
        r#"{"layout":{"type":"grid"}}"#,
        r#"{"layout":"bestFit"}"#,
        r#"{"transcriptionProperties":{"primaryLanguageCode":"en US"}}"#,
        r#"{"transcriptionProperties":{}}"#,
        r#"{"streamMode":"always"}"#,
    ] {
        assert_eq!(code(ArchiveOptions::from_json(bad)), ErrorCode::InvalidOptions, "{bad}");
    }
    assert_eq!(code(ArchiveOptions::from_json(r#"{"layout":{"type":"pip","x":1}}"#)), ErrorCode::UnknownOption);
    assert!(ArchiveOptions::from_json(
        r#"{"layout":{"type":"custom","stylesheet":"stream.instructor {position: absolute;}"}}"#
    )
    .is_ok());
    // Stop (JSON without a body, as @vonage/video sends it), get, delete; ids go into the path as
    // one segment.
    let stop = api.stop_archive(ARCHIVE).unwrap();
    assert_eq!(
        line(&stop),
        ("POST", alloc::format!("/v2/project/{APP}/archive/{ARCHIVE}/stop").as_str(), Some("application/json"), "")
    );
    assert_eq!(line(&api.get_archive(ARCHIVE).unwrap()).1, alloc::format!("/v2/project/{APP}/archive/{ARCHIVE}"));
    assert_eq!(api.delete_archive(ARCHIVE).unwrap().method(), Method::Delete);
    for bad in ["", "a/b", "a b", "..", "x".repeat(129).as_str(), "ü"] {
        assert_eq!(code(api.get_archive(bad)), ErrorCode::InvalidArchiveId, "{bad}");
    }
    // Answers.
    let archive = r#"{"id":"b40ef09b-3811-4726-b508-e41a0f96c68f","status":"started","name":null,"sessionId":"1_x","createdAt":1384221730000,"streams":[]}"#;
    let Answer::Archive(read) = start.read_answer(200, archive.as_bytes()).unwrap() else { panic!() };
    assert_eq!((read.id.as_str(), read.status.as_str(), read.json.as_str()), (ARCHIVE, "started", archive));
    for bad in ["[]", r#"{"id":1,"status":"started"}"#, r#"{"status":"started"}"#, ""] {
        assert_eq!(code(start.read_answer(200, bad.as_bytes())), ErrorCode::ApiAnswer, "{bad}");
    }
    assert_eq!(api.delete_archive(ARCHIVE).unwrap().read_answer(204, b"").unwrap(), Answer::Done);
}

#[test]
fn searching_archives() {
    let api = project();
    let path = |json: &str| api.search_archives(&ArchiveFilter::from_json(json).unwrap()).map(|r| r.path().to_string());
    assert_eq!(path("").unwrap(), "/v2/project/123456/archive");
    assert_eq!(path(r#"{"offset":10,"count":5}"#).unwrap(), "/v2/project/123456/archive?offset=10&count=5");
    assert_eq!(
        path(&alloc::format!(r#"{{"sessionId":"{SESSION}","count":1000}}"#)).unwrap(),
        alloc::format!("/v2/project/123456/archive?count=1000&sessionId={SESSION}")
    );
    for bad in [r#"{"count":0}"#, r#"{"count":1001}"#, r#"{"offset":-1}"#, r#"{"offset":1.5}"#, r#"{"count":"5"}"#] {
        assert_eq!(code(ArchiveFilter::from_json(bad)), ErrorCode::InvalidOptions, "{bad}");
    }
    assert_eq!(code(path(r#"{"sessionId":"nope"}"#)), ErrorCode::InvalidSessionId);
    let request = api.search_archives(&ArchiveFilter::new()).unwrap();
    let list = r#"{"count":2,"items":[{"id":"a","status":"available"},{"id":"b","status":"started"}]}"#;
    let Answer::Archives(read) = request.read_answer(200, list.as_bytes()).unwrap() else { panic!() };
    assert_eq!((read.count, read.items.len(), read.items[1].id.as_str()), (2, 2, "b"));
    for bad in
        [r#"{"count":1}"#, r#"{"items":[]}"#, r#"{"count":1,"items":[{"id":"a"}]}"#, r#"{"count":-1,"items":[]}"#]
    {
        assert_eq!(code(request.read_answer(200, bad.as_bytes())), ErrorCode::ApiAnswer, "{bad}");
    }
}

#[test]
fn moderation_and_streams() {
    let api = project();
    let prefix = alloc::format!("/v2/project/{KEY}/session/{SESSION}");
    let disconnect = api.disconnect_client(SESSION, CONNECTION).unwrap();
    assert_eq!(line(&disconnect), ("DELETE", alloc::format!("{prefix}/connection/{CONNECTION}").as_str(), None, ""));
    let signal = Signal::from_json(r#"{"type":"chat","data":"hello \"you\""}"#).unwrap();
    let to_all = api.send_signal(&signal, SESSION, None).unwrap();
    assert_eq!(
        line(&to_all),
        (
            "POST",
            alloc::format!("{prefix}/signal").as_str(),
            Some("application/json"),
            r#"{"type":"chat","data":"hello \"you\""}"#
        )
    );
    let to_one = api.send_signal(&signal, SESSION, Some(CONNECTION)).unwrap();
    assert_eq!(to_one.path(), alloc::format!("{prefix}/connection/{CONNECTION}/signal"));
    assert_eq!(to_one.read_answer(204, b"").unwrap(), Answer::Done);
    for bad in [r#"{"type":"a b","data":"x"}"#, r#"{"type":"chat"}"#, r#"{"data":1}"#, "[]"] {
        assert_eq!(code(Signal::from_json(bad)), ErrorCode::InvalidSignal, "{bad}");
    }
    assert_eq!(code(Signal::new("x", &"é".repeat(MAX_SIGNAL_DATA_LENGTH + 1))), ErrorCode::InvalidSignal);
    assert_eq!(code(Signal::new(&"t".repeat(129), "x")), ErrorCode::InvalidSignal);
    let mute = api.mute_stream(SESSION, STREAM).unwrap();
    assert_eq!(
        line(&mute),
        ("POST", alloc::format!("{prefix}/stream/{STREAM}/mute").as_str(), Some("application/json"), "")
    );
    let all = api.force_mute_all(SESSION, &[STREAM, "s2"]).unwrap();
    assert_eq!(
        line(&all),
        (
            "POST",
            alloc::format!("{prefix}/mute").as_str(),
            Some("application/json"),
            r#"{"active":true,"excludedStreamIds":["8b732909-0a06-46a2-8ea8-074e64d43422","s2"]}"#
        )
    );
    assert_eq!(
        core::str::from_utf8(api.disable_force_mute(SESSION, &[]).unwrap().body()).unwrap(),
        r#"{"active":false,"excludedStreamIds":[]}"#
    );
    assert_eq!(code(api.force_mute_all(SESSION, &["a/b"])), ErrorCode::InvalidStreamId);
    let details = r#"{"applicationId":"x","status":"ACTIVE"}"#;
    assert_eq!(all.read_answer(200, details.as_bytes()).unwrap(), Answer::Project(Some(details.to_string())));
    assert_eq!(all.read_answer(200, b"").unwrap(), Answer::Project(None));
    assert_eq!(code(all.read_answer(200, b"[1]")), ErrorCode::ApiAnswer);
    let one = api.get_stream_info(SESSION, Some(STREAM)).unwrap();
    assert_eq!(line(&one), ("GET", alloc::format!("{prefix}/stream/{STREAM}").as_str(), None, ""));
    let stream =
        r#"{"id":"8b732909-0a06-46a2-8ea8-074e64d43422","videoType":"camera","name":"","layoutClassList":["full"]}"#;
    let Answer::Stream(read) = one.read_answer(200, stream.as_bytes()).unwrap() else { panic!() };
    assert_eq!(read.id, STREAM);
    let every = api.get_stream_info(SESSION, None).unwrap();
    assert_eq!(every.path(), alloc::format!("{prefix}/stream"));
    let list = alloc::format!(r#"{{"count":1,"items":[{stream}]}}"#);
    let Answer::Streams(read) = every.read_answer(200, list.as_bytes()).unwrap() else { panic!() };
    assert_eq!(read.items.len(), 1);
    assert_eq!(code(api.get_stream_info("2_bad", None)), ErrorCode::InvalidSessionId);
    assert_eq!(code(api.disconnect_client(SESSION, "")), ErrorCode::InvalidConnectionId);
    assert_eq!(moderation::stream_ids_from_json(r#"["a","b"]"#).unwrap(), ["a", "b"]);
    assert_eq!(code(moderation::stream_ids_from_json(r#"["a",1]"#)), ErrorCode::InvalidStreamId);
}

#[test]
fn path_segments_are_percent_encoded() {
    let mut path = String::new();
    push_path_segment(&mut path, "1_a+b/c=~.é");
    assert_eq!(path, "1_a%2Bb%2Fc%3D~.%C3%A9");
}
