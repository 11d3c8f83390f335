//! Holds every copy of the codes, messages and limits outside this crate to its source here:
//! the JavaScript package's `lib/tables.js` (generated: `UPDATE_GENERATED=1 cargo test`
//! rewrites it), and the lists of codes in `index.d.ts` and the README.

use std::fmt::Write as _;
use std::string::String;
use std::vec::Vec;

use crate::{ErrorCode, ErrorReason, Role, TokenType};
use crate::{
    MAX_ACL_LENGTH, MAX_API_KEY_LENGTH, MAX_API_SECRET_LENGTH, MAX_APPLICATION_ID_LENGTH, MAX_DATA_LENGTH,
    MAX_KEY_PEM_LENGTH, MAX_LAYOUT_CLASS_LIST_LENGTH, MAX_SESSION_ID_LENGTH, MAX_SUBJECT_LENGTH, MAX_TOKEN_LENGTH,
};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap()
}

fn list(items: impl Iterator<Item = &'static str>) -> String {
    items.map(quoted).collect::<Vec<_>>().join(", ")
}

/// The text of `pkg-template/lib/tables.js`.
fn tables_js() -> String {
    let mut js = String::new();
    js.push_str("// Generated from the Rust crate (src/error.rs, src/limits.rs, src/options.rs) by its tests:\n");
    js.push_str("// do not edit. `UPDATE_GENERATED=1 cargo test generated` rewrites it.\n\n");
    js.push_str("/** Every error code, as `TokenError#code` carries it. */\n");
    writeln!(js, "export const CODES = Object.freeze([{}]);\n", list(ErrorCode::ALL.iter().map(|c| c.as_str())))
        .unwrap();
    js.push_str("/** The module's error answers: `-(1 + index)` is the reason at `index`. */\n");
    js.push_str("export const REASONS = Object.freeze([\n");
    for reason in ErrorReason::ALL {
        writeln!(
            js,
            "  Object.freeze({{ code: {}, message: {} }}),",
            quoted(reason.code().as_str()),
            quoted(reason.js_message())
        )
        .unwrap();
    }
    js.push_str("]);\n\n");
    js.push_str("/** Each reason's index in REASONS, by its Rust name. */\n");
    js.push_str("export const REASON = Object.freeze({\n");
    for reason in ErrorReason::ALL {
        writeln!(js, "  {reason:?}: {},", *reason as u8).unwrap();
    }
    js.push_str("});\n\n");
    js.push_str("/** The longest accepted input, in UTF-16 code units. */\n");
    writeln!(
        js,
        "export const LIMITS = Object.freeze({{ apiKey: {MAX_API_KEY_LENGTH}, apiSecret: {MAX_API_SECRET_LENGTH}, \
         sessionId: {MAX_SESSION_ID_LENGTH}, data: {MAX_DATA_LENGTH}, initialLayoutClassList: {MAX_LAYOUT_CLASS_LIST_LENGTH}, \
         applicationId: {MAX_APPLICATION_ID_LENGTH}, privateKey: {MAX_KEY_PEM_LENGTH}, token: {MAX_TOKEN_LENGTH}, \
         acl: {MAX_ACL_LENGTH}, sub: {MAX_SUBJECT_LENGTH}, videoOptions: {}, videoId: {}, videoAnswer: {} }});\n",
        crate::video::MAX_OPTIONS_LENGTH,
        crate::video::MAX_ID_LENGTH,
        crate::video::MAX_ANSWER_BYTES
    )
    .unwrap();
    js.push_str("/** Role names; the module takes a role as its index here. */\n");
    writeln!(js, "export const ROLES = Object.freeze([{}]);\n", list(Role::ALL.iter().map(|r| r.as_str()))).unwrap();
    js.push_str("/** Token types; the module takes a token type as its index here. */\n");
    writeln!(js, "export const TOKEN_TYPES = Object.freeze([{}]);", list(TokenType::ALL.iter().map(|t| t.as_str())))
        .unwrap();
    js
}

#[test]
fn tables_js_is_current() {
    let path = std::path::Path::new(ROOT).join("pkg-template/lib/tables.js");
    let want = tables_js();
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        std::fs::write(&path, &want).unwrap();
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(have == want, "{} is stale: run `UPDATE_GENERATED=1 cargo test generated`", path.display());
}

/// The codes a file lists, in order of appearance, once each.
fn codes_in(file: &str) -> Vec<String> {
    let text = std::fs::read_to_string(std::path::Path::new(ROOT).join(file)).unwrap();
    let mut codes: Vec<String> = Vec::new();
    for (at, _) in text.match_indices("ERR_") {
        let code: String = text[at..].chars().take_while(|c| c.is_ascii_uppercase() || *c == '_').collect();
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    codes
}

#[test]
fn declared_codes_are_the_crates() {
    let all: Vec<String> = ErrorCode::ALL.iter().map(|c| String::from(c.as_str())).collect();
    let mut declared = codes_in("pkg-template/index.d.ts");
    declared.sort();
    let mut sorted = all.clone();
    sorted.sort();
    assert_eq!(declared, sorted, "pkg-template/index.d.ts mentions a code the crate does not have, or misses one");
    let readme = std::fs::read_to_string(std::path::Path::new(ROOT).join("README.md")).unwrap();
    for code in &all {
        assert!(readme.contains(&format!("| `{code}` |")), "README.md's table of codes misses {code}");
    }
}

#[test]
fn every_reason_has_both_messages() {
    for reason in ErrorReason::ALL {
        assert!(!reason.message().is_empty() && !reason.js_message().is_empty(), "{reason:?}");
        assert_eq!(ErrorReason::from_index(*reason as u8), Some(*reason));
    }
}
