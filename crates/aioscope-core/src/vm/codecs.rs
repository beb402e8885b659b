//! The text codecs behind `str.encode`, `bytes.decode`, `str(b, enc)` and
//! `bytes(s, enc)`: UTF-8 (and its `-sig` form), ASCII, Latin-1, UTF-16 and
//! UTF-32 with CPython's BOM rules, and the standard error handlers.
//!
//! Failures are values that carry what CPython puts in a
//! `UnicodeEncodeError`/`UnicodeDecodeError` (codec name, range, reason), so
//! the VM raises them with CPython's arguments and messages. Strings here
//! cannot hold lone surrogates, so the handlers that would make one
//! (`surrogateescape` and `surrogatepass` when decoding) report that as
//! unsupported rather than pretending.

/// A codec this interpreter implements.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Codec {
    /// `utf-8`.
    Utf8,
    /// `utf-8-sig`: UTF-8 that writes a BOM and skips one when reading.
    Utf8Sig,
    /// `ascii`: code points below 128.
    Ascii,
    /// `latin-1`: code points below 256, one byte each.
    Latin1,
    /// `utf-16` (`None`: BOM-decided, little-endian by default) or a fixed order.
    Utf16(Option<Endian>),
    /// `utf-32`, as `Utf16`.
    Utf32(Option<Endian>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
/// A byte order of UTF-16 and UTF-32.
pub enum Endian {
    /// Least significant byte first (CPython's default here).
    Little,
    /// Most significant byte first.
    Big,
}

/// What looking an encoding name up found.
#[derive(Debug, PartialEq, Eq)]
pub enum Lookup {
    /// A codec written here.
    Found(Codec),
    /// A codec CPython has that is not written here (its normalized name).
    Unsupported(String),
    /// No such codec: `LookupError: unknown encoding: NAME`.
    Unknown,
}

/// CPython's error handlers by name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Handler {
    /// Raise the failure.
    Strict,
    /// Drop what fails.
    Ignore,
    /// `?` when encoding, U+FFFD when decoding.
    Replace,
    /// `\xNN`-style escapes.
    BackslashReplace,
    /// `&#NNN;` (encoding only).
    XmlCharRefReplace,
    /// `\N{NAME}` (encoding only; needs Unicode names, not here).
    NameReplace,
    /// Undecodable bytes as lone surrogates.
    SurrogateEscape,
    /// Surrogates encoded as UTF-8 would be.
    SurrogatePass,
    /// `LookupError: unknown error handler name 'NAME'`, raised only when an
    /// error needs handling, as CPython does.
    Unknown(String),
}

impl Handler {
    /// The handler CPython registers under `name`.
    pub fn named(name: &str) -> Handler {
        match name {
            "strict" => Handler::Strict,
            "ignore" => Handler::Ignore,
            "replace" => Handler::Replace,
            "backslashreplace" => Handler::BackslashReplace,
            "xmlcharrefreplace" => Handler::XmlCharRefReplace,
            "namereplace" => Handler::NameReplace,
            "surrogateescape" => Handler::SurrogateEscape,
            "surrogatepass" => Handler::SurrogatePass,
            other => Handler::Unknown(other.to_string()),
        }
    }
}

/// The part of a text that could not be converted, as the exception's
/// `encoding`, `start`, `end` and `reason` (positions in code points when
/// encoding, in bytes when decoding).
#[derive(Debug, PartialEq, Eq)]
pub struct Failure {
    /// The codec's name as its messages give it.
    pub encoding: &'static str,
    /// Where the failing part starts.
    pub start: usize,
    /// Where it ends (exclusive).
    pub end: usize,
    /// Why, in CPython's words.
    pub reason: &'static str,
}

/// Why a conversion stopped.
#[derive(Debug, PartialEq, Eq)]
pub enum CodecError {
    /// Strict handling of a failure: `UnicodeEncodeError`/`UnicodeDecodeError`.
    Failed(Failure),
    /// No handler of that name.
    UnknownHandler(String),
    /// A handler that cannot serve this direction (`xmlcharrefreplace` when
    /// decoding): CPython's `TypeError`.
    WrongDirection(&'static str),
    /// What this interpreter cannot do (lone surrogates, `namereplace`).
    Unsupported(&'static str),
}

/// Finds a codec by any of the names CPython accepts for it.
pub fn lookup(name: &str) -> Lookup {
    let norm = normalize(name);
    let codec = match norm.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" | "utf8_ucs2" | "utf8_ucs4" => Codec::Utf8,
        "utf_8_sig" | "utf8_sig" => Codec::Utf8Sig,
        "ascii" | "us_ascii" | "646" | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "ansi_x3.4_1986"
        | "cp367" | "csascii" | "ibm367" | "iso646_us" | "iso_646.irv_1991" | "iso_ir_6" | "us" => {
            Codec::Ascii
        }
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819"
        | "iso_ir_100" | "ibm819" | "csisolatin1" | "iso_8859_1_1987" => Codec::Latin1,
        "utf_16" | "utf16" | "u16" => Codec::Utf16(None),
        "utf_16_le" | "utf_16le" | "utf16le" => Codec::Utf16(Some(Endian::Little)),
        "utf_16_be" | "utf_16be" | "utf16be" => Codec::Utf16(Some(Endian::Big)),
        "utf_32" | "utf32" | "u32" => Codec::Utf32(None),
        "utf_32_le" | "utf_32le" | "utf32le" => Codec::Utf32(Some(Endian::Little)),
        "utf_32_be" | "utf_32be" | "utf32be" => Codec::Utf32(Some(Endian::Big)),
        other if OTHER_CODECS.contains(&other) => return Lookup::Unsupported(other.to_string()),
        _ => return Lookup::Unknown,
    };
    Lookup::Found(codec)
}

/// CPython's spelling-insensitive form of an encoding name: lower case,
/// runs of punctuation and spaces as one underscore (dots kept).
fn normalize(name: &str) -> String {
    let mut out = String::new();
    let mut pending = false;
    for c in name.trim().chars() {
        if c.is_alphanumeric() || c == '.' {
            if pending && !out.is_empty() {
                out.push('_');
            }
            pending = false;
            out.extend(c.to_lowercase());
        } else {
            pending = true;
        }
    }
    out
}

/// Codecs of CPython's standard library not written here (normalized names
/// and common aliases), so using one says "not supported yet" instead of
/// "unknown encoding".
const OTHER_CODECS: &[&str] = &[
    "gbk",
    "gb2312",
    "gb18030",
    "hz",
    "big5",
    "big5hkscs",
    "cp950",
    "cp936",
    "ms936",
    "shift_jis",
    "sjis",
    "cp932",
    "euc_jp",
    "eucjp",
    "euc_kr",
    "euckr",
    "cp949",
    "iso2022_jp",
    "iso2022_kr",
    "johab",
    "koi8_r",
    "koi8_u",
    "mac_roman",
    "macroman",
    "cp1250",
    "cp1251",
    "cp1252",
    "windows_1252",
    "cp1253",
    "cp1254",
    "cp1255",
    "cp1256",
    "cp1257",
    "cp1258",
    "cp437",
    "cp850",
    "cp852",
    "cp866",
    "iso8859_2",
    "iso_8859_2",
    "latin2",
    "iso8859_5",
    "iso8859_15",
    "iso_8859_15",
    "latin9",
    "utf_7",
    "utf7",
    "idna",
    "punycode",
    "mbcs",
    "charmap",
    "unicode_escape",
    "raw_unicode_escape",
    "rot_13",
    "rot13",
    "hex",
    "hex_codec",
    "base64",
    "base64_codec",
    "zlib",
    "zlib_codec",
    "bz2",
    "quopri",
    "uu",
];

/// The name a codec signs its errors with.
fn codec_name(codec: Codec) -> &'static str {
    match codec {
        Codec::Utf8 | Codec::Utf8Sig => "utf-8",
        Codec::Ascii => "ascii",
        Codec::Latin1 => "latin-1",
        Codec::Utf16(Some(Endian::Big)) => "utf-16-be",
        Codec::Utf16(_) => "utf-16-le",
        Codec::Utf32(Some(Endian::Big)) => "utf-32-be",
        Codec::Utf32(_) => "utf-32-le",
    }
}

/// `text` as bytes in `codec`; failures go to `handler`.
pub fn encode(text: &str, codec: Codec, handler: &Handler) -> Result<Vec<u8>, CodecError> {
    let mut out = Vec::new();
    match codec {
        Codec::Utf8 => out.extend_from_slice(text.as_bytes()),
        Codec::Utf8Sig => {
            out.extend_from_slice(&[0xEF, 0xBB, 0xBF]);
            out.extend_from_slice(text.as_bytes());
        }
        Codec::Ascii => encode_limited(text, 0x80, codec, handler, &mut out)?,
        Codec::Latin1 => encode_limited(text, 0x100, codec, handler, &mut out)?,
        Codec::Utf16(order) => {
            let big = order == Some(Endian::Big);
            if order.is_none() {
                out.extend_from_slice(&[0xFF, 0xFE]);
            }
            let mut units = [0u16; 2];
            for c in text.chars() {
                for u in c.encode_utf16(&mut units) {
                    let b = if big {
                        u.to_be_bytes()
                    } else {
                        u.to_le_bytes()
                    };
                    out.extend_from_slice(&b);
                }
            }
        }
        Codec::Utf32(order) => {
            let big = order == Some(Endian::Big);
            if order.is_none() {
                out.extend_from_slice(&[0xFF, 0xFE, 0, 0]);
            }
            for c in text.chars() {
                let b = if big {
                    (c as u32).to_be_bytes()
                } else {
                    (c as u32).to_le_bytes()
                };
                out.extend_from_slice(&b);
            }
        }
    }
    Ok(out)
}

/// ASCII and Latin-1: code points below `limit` are their own byte; a run
/// of others is one failure, handled as a whole.
fn encode_limited(
    text: &str,
    limit: u32,
    codec: Codec,
    handler: &Handler,
    out: &mut Vec<u8>,
) -> Result<(), CodecError> {
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if (chars[i] as u32) < limit {
            out.push(chars[i] as u32 as u8);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && (chars[i] as u32) >= limit {
            i += 1;
        }
        let failure = Failure {
            encoding: codec_name(codec),
            start,
            end: i,
            reason: if limit == 0x80 {
                "ordinal not in range(128)"
            } else {
                "ordinal not in range(256)"
            },
        };
        let bad = &chars[start..i];
        match handler {
            Handler::Strict | Handler::SurrogateEscape | Handler::SurrogatePass => {
                return Err(CodecError::Failed(failure))
            }
            Handler::Ignore => {}
            Handler::Replace => out.extend(std::iter::repeat_n(b'?', bad.len())),
            Handler::BackslashReplace => {
                for &c in bad {
                    out.extend_from_slice(escape_char(c).as_bytes());
                }
            }
            Handler::XmlCharRefReplace => {
                for &c in bad {
                    out.extend_from_slice(format!("&#{};", c as u32).as_bytes());
                }
            }
            Handler::NameReplace => {
                return Err(CodecError::Unsupported(
                    "the 'namereplace' error handler is not supported yet",
                ))
            }
            Handler::Unknown(name) => return Err(CodecError::UnknownHandler(name.clone())),
        }
    }
    Ok(())
}

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN`: how `backslashreplace` and the
/// encode error's message show a character.
pub fn escape_char(c: char) -> String {
    let n = c as u32;
    if n <= 0xFF {
        format!("\\x{:02x}", n)
    } else if n <= 0xFFFF {
        format!("\\u{:04x}", n)
    } else {
        format!("\\U{:08x}", n)
    }
}

/// `bytes` as text in `codec`; failures go to `handler`.
pub fn decode(bytes: &[u8], codec: Codec, handler: &Handler) -> Result<String, CodecError> {
    match codec {
        Codec::Utf8 => decode_utf8(bytes, 0, handler),
        Codec::Utf8Sig => {
            let skip = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
                3
            } else {
                0
            };
            decode_utf8(bytes, skip, handler)
        }
        Codec::Ascii => {
            let mut out = String::new();
            for (i, &b) in bytes.iter().enumerate() {
                if b < 0x80 {
                    out.push(b as char);
                    continue;
                }
                let failure = Failure {
                    encoding: "ascii",
                    start: i,
                    end: i + 1,
                    reason: "ordinal not in range(128)",
                };
                handle_decode(failure, bytes, handler, &mut out)?;
            }
            Ok(out)
        }
        Codec::Latin1 => Ok(bytes.iter().map(|&b| b as char).collect()),
        Codec::Utf16(order) => {
            let (big, skip) = match order {
                Some(o) => (o == Endian::Big, 0),
                None if bytes.starts_with(&[0xFF, 0xFE]) => (false, 2),
                None if bytes.starts_with(&[0xFE, 0xFF]) => (true, 2),
                None => (false, 0),
            };
            decode_utf16(bytes, skip, big, handler)
        }
        Codec::Utf32(order) => {
            let (big, skip) = match order {
                Some(o) => (o == Endian::Big, 0),
                None if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) => (false, 4),
                None if bytes.starts_with(&[0, 0, 0xFE, 0xFF]) => (true, 4),
                None => (false, 0),
            };
            decode_utf32(bytes, skip, big, handler)
        }
    }
}

/// Applies `handler` to undecodable `bytes[failure.start..failure.end]`.
fn handle_decode(
    failure: Failure,
    bytes: &[u8],
    handler: &Handler,
    out: &mut String,
) -> Result<(), CodecError> {
    match handler {
        Handler::Strict => Err(CodecError::Failed(failure)),
        Handler::Ignore => Ok(()),
        Handler::Replace => {
            out.push('\u{FFFD}');
            Ok(())
        }
        Handler::BackslashReplace => {
            for &b in &bytes[failure.start..failure.end] {
                out.push_str(&format!("\\x{:02x}", b));
            }
            Ok(())
        }
        Handler::XmlCharRefReplace | Handler::NameReplace => Err(CodecError::WrongDirection(
            "don't know how to handle UnicodeDecodeError in error callback",
        )),
        // Both would put lone surrogates in the string (CPython's
        // surrogateescape only when every byte is >= 128; otherwise the
        // original error).
        Handler::SurrogateEscape => {
            if bytes[failure.start..failure.end].iter().all(|&b| b >= 0x80) {
                Err(CodecError::Unsupported(
                    "lone surrogates in strings (the 'surrogateescape' error handler) are not supported yet",
                ))
            } else {
                Err(CodecError::Failed(failure))
            }
        }
        Handler::SurrogatePass => {
            let encoded_surrogate = failure.encoding == "utf-8"
                && bytes.len() >= failure.start + 3
                && bytes[failure.start] == 0xED
                && (0xA0..0xC0).contains(&bytes[failure.start + 1])
                && (0x80..0xC0).contains(&bytes[failure.start + 2]);
            if encoded_surrogate {
                Err(CodecError::Unsupported(
                    "lone surrogates in strings (the 'surrogatepass' error handler) are not supported yet",
                ))
            } else {
                Err(CodecError::Failed(failure))
            }
        }
        Handler::Unknown(name) => Err(CodecError::UnknownHandler(name.clone())),
    }
}

/// UTF-8 from `start`: Rust's validator reports the same maximal invalid
/// subparts CPython's decoder does; the reason depends on the first byte.
fn decode_utf8(bytes: &[u8], start: usize, handler: &Handler) -> Result<String, CodecError> {
    let mut out = String::new();
    let mut pos = start;
    loop {
        match std::str::from_utf8(&bytes[pos..]) {
            Ok(s) => {
                out.push_str(s);
                return Ok(out);
            }
            Err(e) => {
                let good = pos + e.valid_up_to();
                // valid_up_to marks a valid UTF-8 prefix.
                out.push_str(std::str::from_utf8(&bytes[pos..good]).unwrap_or_default());
                let (end, reason) = match e.error_len() {
                    None => (bytes.len(), "unexpected end of data"),
                    Some(n) => {
                        let lead = bytes[good];
                        let is_lead = (0xC2..=0xF4).contains(&lead);
                        let reason = if is_lead {
                            "invalid continuation byte"
                        } else {
                            "invalid start byte"
                        };
                        (good + n, reason)
                    }
                };
                let failure = Failure {
                    encoding: "utf-8",
                    start: good,
                    end,
                    reason,
                };
                handle_decode(failure, bytes, handler, &mut out)?;
                pos = end;
            }
        }
    }
}

fn decode_utf16(
    bytes: &[u8],
    skip: usize,
    big: bool,
    handler: &Handler,
) -> Result<String, CodecError> {
    let encoding = if big { "utf-16-be" } else { "utf-16-le" };
    let unit = |i: usize| -> u16 {
        let pair = [bytes[i], bytes[i + 1]];
        if big {
            u16::from_be_bytes(pair)
        } else {
            u16::from_le_bytes(pair)
        }
    };
    let mut out = String::new();
    let mut pos = skip;
    while pos < bytes.len() {
        let fail = |start: usize, end: usize, reason: &'static str| Failure {
            encoding,
            start,
            end,
            reason,
        };
        if pos + 2 > bytes.len() {
            let failure = fail(pos, bytes.len(), "truncated data");
            handle_decode(failure, bytes, handler, &mut out)?;
            break;
        }
        let u = unit(pos);
        if !(0xD800..0xE000).contains(&u) {
            out.push(char::from_u32(u as u32).unwrap_or('\u{FFFD}'));
            pos += 2;
            continue;
        }
        let failure = if u >= 0xDC00 {
            fail(pos, pos + 2, "illegal encoding")
        } else if pos + 4 > bytes.len() {
            fail(pos, bytes.len(), "unexpected end of data")
        } else {
            let low = unit(pos + 2);
            if (0xDC00..0xE000).contains(&low) {
                let c = 0x10000 + (((u as u32) - 0xD800) << 10) + ((low as u32) - 0xDC00);
                out.push(char::from_u32(c).unwrap_or('\u{FFFD}'));
                pos += 4;
                continue;
            }
            fail(pos, pos + 2, "illegal UTF-16 surrogate")
        };
        let end = failure.end;
        handle_decode(failure, bytes, handler, &mut out)?;
        pos = end;
    }
    Ok(out)
}

fn decode_utf32(
    bytes: &[u8],
    skip: usize,
    big: bool,
    handler: &Handler,
) -> Result<String, CodecError> {
    let encoding = if big { "utf-32-be" } else { "utf-32-le" };
    let mut out = String::new();
    let mut pos = skip;
    while pos < bytes.len() {
        let (end, reason) = if pos + 4 > bytes.len() {
            (bytes.len(), "truncated data")
        } else {
            let quad = [bytes[pos], bytes[pos + 1], bytes[pos + 2], bytes[pos + 3]];
            let n = if big {
                u32::from_be_bytes(quad)
            } else {
                u32::from_le_bytes(quad)
            };
            match char::from_u32(n) {
                Some(c) => {
                    out.push(c);
                    pos += 4;
                    continue;
                }
                None if n > 0x10FFFF => (pos + 4, "code point not in range(0x110000)"),
                None => (
                    pos + 4,
                    "code point in surrogate code point range(0xd800, 0xe000)",
                ),
            }
        };
        let failure = Failure {
            encoding,
            start: pos,
            end,
            reason,
        };
        handle_decode(failure, bytes, handler, &mut out)?;
        pos = end;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codec(name: &str) -> Codec {
        match lookup(name) {
            Lookup::Found(c) => c,
            other => panic!("{name}: {other:?}"),
        }
    }

    #[test]
    fn names_are_found_in_any_spelling_cpython_accepts() {
        assert_eq!(codec("UTF-8"), Codec::Utf8);
        assert_eq!(codec(" utf_8 "), Codec::Utf8);
        assert_eq!(codec("Latin-1"), Codec::Latin1);
        assert_eq!(codec("ISO-8859-1"), Codec::Latin1);
        assert_eq!(codec("US-ASCII"), Codec::Ascii);
        assert_eq!(codec("utf-16-be"), Codec::Utf16(Some(Endian::Big)));
        assert_eq!(lookup("gbk"), Lookup::Unsupported("gbk".into()));
        assert_eq!(lookup("bogus"), Lookup::Unknown);
    }

    #[test]
    fn utf8_failures_cover_cpythons_ranges_and_reasons() {
        let strict = Handler::Strict;
        let fail = |b: &[u8]| match decode(b, Codec::Utf8, &strict) {
            Err(CodecError::Failed(f)) => (f.start, f.end, f.reason),
            other => panic!("{other:?}"),
        };
        assert_eq!(fail(b"\xe2\x82x"), (0, 2, "invalid continuation byte"));
        assert_eq!(fail(b"\xe0\x80"), (0, 1, "invalid continuation byte"));
        assert_eq!(fail(b"a\xc0\xaf"), (1, 2, "invalid start byte"));
        assert_eq!(fail(b"\xf0\x9f\x98"), (0, 3, "unexpected end of data"));
    }

    #[test]
    fn replace_puts_one_replacement_character_per_failure() {
        let out = decode(b"a\xe0\x80\xe2\x82", Codec::Utf8, &Handler::Replace).unwrap();
        assert_eq!(out, "a\u{FFFD}\u{FFFD}\u{FFFD}");
    }

    #[test]
    fn utf16_and_utf32_write_a_little_endian_bom_unless_the_order_is_named() {
        let enc = |c| encode("a\u{1F600}", c, &Handler::Strict).unwrap();
        assert_eq!(enc(Codec::Utf16(None)), b"\xff\xfea\x00=\xd8\x00\xde");
        assert_eq!(enc(Codec::Utf16(Some(Endian::Big))), b"\x00a\xd8=\xde\x00");
        assert_eq!(enc(Codec::Utf32(None))[..4], [0xFF, 0xFE, 0, 0]);
        let back = decode(b"\xfe\xff\x00h", Codec::Utf16(None), &Handler::Strict).unwrap();
        assert_eq!(back, "h");
    }

    #[test]
    fn an_ascii_run_of_unencodable_characters_is_one_failure() {
        let err = encode("a\u{e9}\u{e9}b", Codec::Ascii, &Handler::Strict).unwrap_err();
        let expected = Failure {
            encoding: "ascii",
            start: 1,
            end: 3,
            reason: "ordinal not in range(128)",
        };
        assert_eq!(err, CodecError::Failed(expected));
        let xml = encode("a\u{20ac}", Codec::Ascii, &Handler::XmlCharRefReplace).unwrap();
        assert_eq!(xml, b"a&#8364;");
    }
}
