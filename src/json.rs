//! Just enough JSON to read tokens back: a strict validator (RFC 8259, nesting at most
//! [`MAX_DEPTH`] levels, so no input can exhaust the stack) that keeps an object's top-level
//! members as raw text, and readers for the string and integer values of claims.

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;

/// The deepest nesting accepted (a token's claims need 4: `acl.paths."/session/**"`).
pub(crate) const MAX_DEPTH: usize = 32;

/// The most top-level members an object may have (the official SDKs write at most 12 claims), so
/// that checking the keys for duplicates costs at most MAX_MEMBERS² / 2 comparisons.
pub(crate) const MAX_MEMBERS: usize = 256;

/// A JSON object's top-level members: (key as written, value as written), in order.
pub(crate) struct Object<'a> {
    members: Vec<(&'a str, &'a str)>,
}

struct Parser<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> Option<()> {
        (self.peek() == Some(byte)).then(|| self.at += 1)
    }

    fn literal(&mut self, word: &str) -> Option<()> {
        self.text.get(self.at..)?.starts_with(word).then(|| self.at += word.len())
    }

    fn string(&mut self) -> Option<&'a str> {
        let start = self.at;
        self.eat(b'"')?;
        loop {
            match self.peek()? {
                b'"' => {
                    self.at += 1;
                    return self.text.get(start..self.at);
                }
                b'\\' => {
                    self.at += 1;
                    match self.peek()? {
                        b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => self.at += 1,
                        b'u' => {
                            let hex = self.text.get(self.at + 1..self.at + 5)?;
                            if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                                return None;
                            }
                            self.at += 5;
                        }
                        _ => return None,
                    }
                }
                0x00..=0x1f => return None,
                _ => self.at += 1,
            }
        }
    }

    fn number(&mut self) -> Option<()> {
        let digits = |p: &mut Self| {
            let start = p.at;
            while p.peek().is_some_and(|b| b.is_ascii_digit()) {
                p.at += 1;
            }
            (p.at > start).then_some(())
        };
        self.eat(b'-');
        if self.eat(b'0').is_none() {
            if !self.peek().is_some_and(|b| (b'1'..=b'9').contains(&b)) {
                return None;
            }
            digits(self)?;
        }
        if self.eat(b'.').is_some() {
            digits(self)?;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            digits(self)?;
        }
        Some(())
    }

    /// One value; `depth` counts the arrays and objects around it. Iterative over members so
    /// only nesting uses the stack.
    fn value(&mut self, depth: usize) -> Option<&'a str> {
        self.skip_space();
        let start = self.at;
        match self.peek()? {
            b'{' | b'[' if depth >= MAX_DEPTH => return None,
            b'{' => {
                self.at += 1;
                self.skip_space();
                if self.eat(b'}').is_none() {
                    loop {
                        self.skip_space();
                        self.string()?;
                        self.skip_space();
                        self.eat(b':')?;
                        self.value(depth + 1)?;
                        self.skip_space();
                        if self.eat(b',').is_none() {
                            self.eat(b'}')?;
                            break;
                        }
                    }
                }
            }
            b'[' => {
                self.at += 1;
                self.skip_space();
                if self.eat(b']').is_none() {
                    loop {
                        self.value(depth + 1)?;
                        self.skip_space();
                        if self.eat(b',').is_none() {
                            self.eat(b']')?;
                            break;
                        }
                    }
                }
            }
            b'"' => {
                self.string()?;
            }
            b't' => self.literal("true")?,
            b'f' => self.literal("false")?,
            b'n' => self.literal("null")?,
            _ => self.number()?,
        }
        self.text.get(start..self.at)
    }
}

/// Reads `text` as one JSON object, keeping its top-level members; `None` for anything else
/// (other values, trailing text, nesting deeper than [`MAX_DEPTH`]).
pub(crate) fn parse_object(text: &str) -> Option<Object<'_>> {
    let mut parser = Parser { text, at: 0 };
    parser.skip_space();
    parser.eat(b'{')?;
    let mut members = Vec::new();
    parser.skip_space();
    if parser.eat(b'}').is_none() {
        loop {
            parser.skip_space();
            let key = parser.string()?;
            parser.skip_space();
            parser.eat(b':')?;
            let value = parser.value(1)?;
            if members.len() == MAX_MEMBERS {
                return None;
            }
            members.push((key, value));
            parser.skip_space();
            if parser.eat(b',').is_none() {
                parser.eat(b'}')?;
                break;
            }
        }
    }
    parser.skip_space();
    (parser.at == text.len()).then_some(Object { members })
}

/// The most elements of an array read whole ([`parse_array`]): a page of archives has at most
/// 1000, and an answer is at most 1 MiB.
pub(crate) const MAX_ELEMENTS: usize = 100_000;

/// Reads `text` as one JSON array, keeping its elements as raw text; `None` for anything else.
pub(crate) fn parse_array(text: &str) -> Option<Vec<&str>> {
    let mut parser = Parser { text, at: 0 };
    parser.skip_space();
    parser.eat(b'[')?;
    let mut elements = Vec::new();
    parser.skip_space();
    if parser.eat(b']').is_none() {
        loop {
            if elements.len() == MAX_ELEMENTS {
                return None;
            }
            elements.push(parser.value(1)?);
            parser.skip_space();
            if parser.eat(b',').is_none() {
                parser.eat(b']')?;
                break;
            }
        }
    }
    parser.skip_space();
    (parser.at == text.len()).then_some(elements)
}

/// Whether `text` is one JSON object (nested at most [`MAX_DEPTH`] levels).
pub(crate) fn is_object(text: &str) -> bool {
    parse_object(text).is_some()
}

/// The text of a JSON string literal (quotes included), its escapes resolved; a lone surrogate
/// becomes U+FFFD.
pub(crate) fn unescape(literal: &str) -> Option<String> {
    let inner = literal.strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    let hex4 = |chars: &mut core::str::Chars<'_>| -> Option<u32> {
        let mut n = 0;
        for _ in 0..4 {
            n = (n << 4) | u32::from(hex_digit(u8::try_from(chars.next()?).ok()?)?);
        }
        Some(n)
    };
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let escaped = match chars.next()? {
            'b' => '\u{8}',
            'f' => '\u{c}',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'u' => {
                let unit = hex4(&mut chars)?;
                if (0xd800..0xdc00).contains(&unit) {
                    // A high surrogate: paired with a following \uDC00..\uDFFF, or lone.
                    let mut ahead = chars.clone();
                    let low =
                        (ahead.next() == Some('\\') && ahead.next() == Some('u')).then(|| hex4(&mut ahead)).flatten();
                    match low.filter(|low| (0xdc00..0xe000).contains(low)) {
                        Some(low) => {
                            chars = ahead;
                            char::from_u32(0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00)).unwrap_or('\u{fffd}')
                        }
                        None => '\u{fffd}',
                    }
                } else {
                    char::from_u32(unit).unwrap_or('\u{fffd}')
                }
            }
            other => other,
        };
        out.push(escaped);
    }
    Some(out)
}

impl<'a> Object<'a> {
    /// The keys as written (quotes and escapes included), in order.
    pub(crate) fn keys(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.members.iter().map(|(key, _)| *key)
    }

    /// The raw value of the first member named `key`.
    pub(crate) fn raw(&self, key: &str) -> Option<&'a str> {
        self.members.iter().find(|(k, _)| key_text(k).as_deref() == Some(key)).map(|(_, v)| *v)
    }

    /// The member `key` if it is a string.
    pub(crate) fn string(&self, key: &str) -> Option<String> {
        self.raw(key).and_then(string_value)
    }

    /// The members as written: key (quotes and escapes included) and raw value, in order.
    pub(crate) fn members(&self) -> impl Iterator<Item = (&'a str, &'a str)> + '_ {
        self.members.iter().copied()
    }

    /// Whether some key has a name outside `known` (or appears twice).
    pub(crate) fn has_other_keys(&self, known: &[&str]) -> bool {
        let mut seen: Vec<Cow<'_, str>> = Vec::new();
        for key in self.keys() {
            let Some(name) = key_text(key) else { return true };
            if !known.contains(&&*name) || seen.contains(&name) {
                return true;
            }
            seen.push(name);
        }
        false
    }
}

/// A key's text: borrowed from the literal unless it has escapes to resolve.
pub(crate) fn key_text(literal: &str) -> Option<Cow<'_, str>> {
    if literal.contains('\\') {
        unescape(literal).map(Cow::Owned)
    } else {
        literal.get(1..literal.len().checked_sub(1)?).map(Cow::Borrowed)
    }
}

/// A raw value's text if it is a string.
pub(crate) fn string_value(raw: &str) -> Option<String> {
    raw.starts_with('"').then(|| unescape(raw)).flatten()
}

/// A hexadecimal digit's value, either case.
pub(crate) fn hex_digit(digit: u8) -> Option<u8> {
    match digit {
        b'0'..=b'9' => Some(digit - b'0'),
        b'a'..=b'f' => Some(digit - b'a' + 10),
        b'A'..=b'F' => Some(digit - b'A' + 10),
        _ => None,
    }
}

/// Decimal digits with an optional `-` as an `i64`, or `None` (anything else, or too large).
fn decimal(text: &str) -> Option<i64> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(digits) => (true, digits),
        None => (false, text),
    };
    if digits.is_empty() {
        return None;
    }
    let mut magnitude: i64 = 0;
    for b in digits.bytes() {
        let digit = i64::from(b.checked_sub(b'0').filter(|d| *d < 10)?);
        magnitude = magnitude.checked_mul(10)?.checked_add(digit)?;
    }
    Some(if negative { -magnitude } else { magnitude })
}

/// A raw value as an integer (written without fraction or exponent), or a string of one: T1
/// tokens carry their numbers as text.
pub(crate) fn integer_value(raw: &str) -> Option<i64> {
    if raw.starts_with('"') {
        decimal(&unescape(raw)?)
    } else {
        decimal(raw)
    }
}

/// A whole number and whether a fraction follows it: a JSON number as far as comparing it with
/// whole numbers needs (`floor`, saturated to the range of `i64`), without floating point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Floor {
    /// The greatest whole number not above the value.
    pub(crate) floor: i64,
    /// Whether the value is above `floor` (it has a fraction).
    pub(crate) fractional: bool,
}

impl Floor {
    /// Whether the value is at most `n`.
    pub(crate) fn at_most(self, n: i64) -> bool {
        if self.fractional {
            self.floor < n
        } else {
            self.floor <= n
        }
    }

    /// Whether the value is above `n`.
    pub(crate) fn above(self, n: i64) -> bool {
        !self.at_most(n)
    }
}

/// A raw value as a number if it is a JSON number (any form: fraction, exponent), never a string.
/// The raw text is already valid JSON, so a number is `-?digits(.digits)?([eE][+-]?digits)?`.
pub(crate) fn number_value(raw: &str) -> Option<Floor> {
    let bytes = raw.as_bytes();
    let negative = bytes.first() == Some(&b'-');
    let unsigned = bytes.get(usize::from(negative)..)?;
    unsigned.first().filter(|b| b.is_ascii_digit())?;
    let end = unsigned.iter().position(|&b| b == b'e' || b == b'E').unwrap_or(unsigned.len());
    let (mantissa, exponent) = unsigned.split_at(end);
    // The exponent, saturated: beyond ±10^6 nothing changes.
    let mut shift: i64 = 0;
    let exponent_negative = exponent.get(1) == Some(&b'-');
    for &digit in exponent.iter().filter(|b| b.is_ascii_digit()) {
        shift = (shift * 10 + i64::from(digit - b'0')).min(1_000_000);
    }
    if exponent_negative {
        shift = -shift;
    }
    // Where the point falls among the digits once the exponent moves it.
    let whole = mantissa.iter().position(|&b| b == b'.').unwrap_or(mantissa.len());
    let point = whole as i64 + shift;
    let mut magnitude: i64 = 0;
    let mut fractional = false;
    let mut at: i64 = 0;
    for &digit in mantissa.iter().filter(|b| b.is_ascii_digit()) {
        if at < point {
            magnitude = magnitude.saturating_mul(10).saturating_add(i64::from(digit - b'0'));
        } else {
            fractional |= digit != b'0';
        }
        at += 1;
    }
    for _ in at..point.min(at + 20) {
        magnitude = magnitude.saturating_mul(10);
    }
    let floor = match (negative, fractional) {
        (false, _) => magnitude,
        (true, false) => -magnitude,
        (true, true) => -magnitude - 1,
    };
    Some(Floor { floor, fractional })
}

/// A raw value as written if it is a number, or the text of a string.
pub(crate) fn number_text_value(raw: &str) -> Option<String> {
    if raw.starts_with('"') {
        unescape(raw)
    } else {
        raw.bytes().next().filter(|b| *b == b'-' || b.is_ascii_digit()).map(|_| String::from(raw))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_compare_exactly_with_whole_numbers() {
        let floor = |raw: &str| number_value(raw).map(|f| (f.floor, f.fractional));
        for (raw, want) in [
            ("0", (0, false)),
            ("-0", (0, false)),
            ("1700000000", (1_700_000_000, false)),
            ("1700000000.0", (1_700_000_000, false)),
            ("1700000000.5", (1_700_000_000, true)),
            ("-1.5", (-2, true)),
            ("-2", (-2, false)),
            ("1.79e9", (1_790_000_000, false)),
            ("17E8", (1_700_000_000, false)),
            ("1.7000000005e9", (1_700_000_000, true)),
            ("5e-1", (0, true)),
            ("-5e-1", (-1, true)),
            ("1e-400", (0, true)),
            ("0.000", (0, false)),
            ("1e400", (i64::MAX, false)),
            ("-1e400", (-i64::MAX, false)),
            ("123456789012345678901234567890", (i64::MAX, false)),
        ] {
            assert_eq!(floor(raw), Some(want), "{raw}");
        }
        for not_a_number in ["\"1\"", "null", "true", "[1]", "{}"] {
            assert_eq!(floor(not_a_number), None, "{not_a_number}");
        }
        let half = number_value("10.5").unwrap();
        assert!(half.at_most(11) && !half.at_most(10) && half.above(10) && !half.above(11));
        let ten = number_value("10").unwrap();
        assert!(ten.at_most(10) && !ten.at_most(9) && ten.above(9) && !ten.above(10));
    }

    #[test]
    fn objects_and_not() {
        for ok in [
            "{}",
            " { \"a\" : [1, -2.5e+3, true, false, null, {\"b\": \"\\u00e9\\n\"}] } ",
            r#"{"acl":{"paths":{"/session/**":{}}}}"#,
        ] {
            assert!(is_object(ok), "{ok}");
        }
        for bad in [
            "",
            "[]",
            "1",
            "{",
            "{\"a\"}",
            "{\"a\":}",
            "{\"a\":1,}",
            "{\"a\":01}",
            "{\"a\":1} x",
            "{'a':1}",
            "{\"a\":\"\u{1}\"}",
            "{\"a\":tru}",
            "{\"a\":\"\\x\"}",
            "{\"a\":-}",
            "{\"a\":1.}",
        ] {
            assert!(!is_object(bad), "{bad:?}");
        }
    }

    #[test]
    fn nesting_is_bounded() {
        let deep = |n: usize| format!("{{\"a\":{}1{}}}", "[".repeat(n), "]".repeat(n));
        assert!(is_object(&deep(MAX_DEPTH - 1)));
        assert!(!is_object(&deep(MAX_DEPTH)));
        assert!(!is_object(&deep(100_000)));
    }

    #[test]
    fn members_are_bounded() {
        let object =
            |n: usize| format!("{{{}}}", (0..n).map(|i| format!("\"k{i}\":{i}")).collect::<Vec<_>>().join(","));
        assert!(is_object(&object(MAX_MEMBERS)));
        assert!(!is_object(&object(MAX_MEMBERS + 1)));
    }

    #[test]
    fn members_and_values() {
        let o =
            parse_object(r#"{"s":"a\"b\\c\u00e9\ud83d\ude00\ud800","n":1700000000,"f":0.5,"t":"1700","\u0069at":7}"#)
                .unwrap();
        assert_eq!(o.string("s").as_deref(), Some("a\"b\\cé😀\u{fffd}"));
        let integer = |key| o.raw(key).and_then(integer_value);
        assert_eq!(integer("n"), Some(1_700_000_000));
        assert_eq!(integer("f"), None);
        assert_eq!(integer("t"), Some(1700));
        assert_eq!(integer("iat"), Some(7));
        assert_eq!(o.raw("f").and_then(number_text_value).as_deref(), Some("0.5"));
        assert_eq!(o.members().count(), 5);
        assert_eq!(o.string("n"), None);
        assert_eq!(o.raw("missing"), None);
    }
}
