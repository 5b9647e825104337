//! Bytes to text: the encodings spreadsheets and form tools write CSV in.
//!
//! A byte-order mark decides (UTF-8, UTF-16 LE/BE). Without one, text that is valid UTF-8
//! is UTF-8; anything else is read as GB18030, the superset of GBK that Excel on Chinese
//! Windows writes when a sheet is saved as "CSV (逗号分隔)". The `encoding` option forces a
//! choice: `utf-8`, `gb18030`, `gbk` (read as GB18030, which decodes every GBK byte
//! sequence the same way), `utf-16le`, `utf-16be`, or any other WHATWG label.

use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE, UTF_8};

use crate::formats::FormatError;

/// How the text was decoded, for the caller's information.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without its byte-order mark.
    pub text: String,
    /// The encoding used (WHATWG name, e.g. `UTF-8`, `gb18030`).
    pub encoding: &'static str,
}

/// Decodes `bytes` with `label` (when given) or by detection; `path` names the file in
/// errors. Malformed sequences under a forced or detected legacy encoding are an error
/// (`format_encoding`), never silently replaced.
pub fn decode(bytes: &[u8], label: Option<&str>, path: &str) -> Result<Decoded, FormatError> {
    let forced = match label {
        Some(label) => Some(encoding_of(label).ok_or_else(|| FormatError::Encoding {
            path: "options.encoding".to_owned(),
            message: format!("unknown encoding {label:?}"),
        })?),
        None => None,
    };
    let (bom, rest) = match Encoding::for_bom(bytes) {
        Some((encoding, len)) => (Some(encoding), bytes.get(len..).unwrap_or_default()),
        None => (None, bytes),
    };
    let encoding = match (forced, bom) {
        (Some(forced), _) => forced,
        (None, Some(bom)) => bom,
        (None, None) if std::str::from_utf8(rest).is_ok() => UTF_8,
        (None, None) => GB18030,
    };
    // A BOM of another encoding than the forced one is left in place (and decoded).
    let input = if bom == Some(encoding) { rest } else { bytes };
    let (text, had_errors) = encoding.decode_without_bom_handling(input);
    if had_errors {
        return Err(FormatError::Encoding {
            path: path.to_owned(),
            message: format!("the bytes are not valid {}", encoding.name()),
        });
    }
    // More byte-order marks after the first (files joined, or saved twice with one) are
    // no content either.
    let text = match text.strip_prefix('\u{feff}') {
        Some(_) => text.trim_start_matches('\u{feff}').to_owned(),
        None => text.into_owned(),
    };
    Ok(Decoded {
        text,
        encoding: encoding.name(),
    })
}

fn encoding_of(label: &str) -> Option<&'static Encoding> {
    match label.trim().to_ascii_lowercase().as_str() {
        "gbk" | "gb2312" | "gb18030" | "cp936" => Some(GB18030),
        "utf-16le" | "utf16le" => Some(UTF_16LE),
        "utf-16be" | "utf16be" => Some(UTF_16BE),
        "utf8" | "utf-8" | "utf-8-sig" => Some(UTF_8),
        other => Encoding::for_label(other.as_bytes()),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn detects() {
        let gbk = GB18030.encode("编号,姓名\n").0;
        assert_eq!(decode(&gbk, None, "").unwrap().text, "编号,姓名\n");
        assert_eq!(decode(&gbk, None, "").unwrap().encoding, "gb18030");
        let bom = [&[0xEF, 0xBB, 0xBF][..], "编号".as_bytes()].concat();
        assert_eq!(decode(&bom, None, "").unwrap().text, "编号");
        let utf16 = [&[0xFF, 0xFE][..], &[0x16, 0x7F]].concat();
        assert_eq!(decode(&utf16, None, "").unwrap().text, "编");
        assert!(decode(b"a", Some("no-such"), "").is_err());
    }
}
