//! A table file as the wire documents give it: text, or a named text, or named bytes in
//! base64 (for files that are not UTF-8: GBK CSV, `.xlsx`).

use base64::Engine;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::formats::FormatError;

/// The bytes of one table file and its name (for error paths, and for the kind by
/// extension: `.csv`, `.xlsx`, `.xls`, `.ods`; without one, the first bytes decide).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TableSource<'a> {
    /// File name, e.g. `people.xlsx` (may be empty).
    pub name: &'a str,
    /// The file's bytes.
    pub bytes: &'a [u8],
}

impl<'a> TableSource<'a> {
    /// A named file.
    pub fn new(name: &'a str, bytes: &'a [u8]) -> Self {
        TableSource { name, bytes }
    }
}

/// A table file on the wire: `"text"`, `{"name", "text"}` or `{"name", "base64"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum TableInput {
    /// The file's text (CSV).
    Text(String),
    /// A named text file.
    Named {
        /// File name.
        name: String,
        /// The file's text.
        text: String,
    },
    /// A named file as base64 (standard alphabet, padding optional).
    Base64 {
        /// File name.
        name: String,
        /// The bytes, base64.
        base64: String,
    },
}

impl TableInput {
    /// The file's name and bytes.
    pub fn to_bytes(&self) -> Result<(String, Vec<u8>), FormatError> {
        match self {
            TableInput::Text(text) => Ok((String::new(), text.as_bytes().to_vec())),
            TableInput::Named { name, text } => Ok((name.clone(), text.as_bytes().to_vec())),
            TableInput::Base64 { name, base64 } => {
                let clean: String = base64.chars().filter(|c| !c.is_whitespace()).collect();
                let engine = base64::engine::general_purpose::GeneralPurpose::new(
                    &base64::alphabet::STANDARD,
                    base64::engine::GeneralPurposeConfig::new()
                        .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent),
                );
                let bytes = engine.decode(clean).map_err(|e| FormatError::Syntax {
                    path: "input.base64".to_owned(),
                    message: e.to_string(),
                })?;
                Ok((name.clone(), bytes))
            }
        }
    }
}
