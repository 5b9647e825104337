//! Conventions shared by every domain's error type.
//!
//! Each domain (vote, motion, plan, …) has its own `thiserror` enum. Every variant has a
//! stable snake_case [`Fault::code`], and errors about a document carry the path of the
//! offending field in the form `programs[3].schedule.rrule`. Bindings map an error to an
//! exception class by its [`ErrorFamily`] and attach the code and path; tests compare codes,
//! never message text.

use serde::de::DeserializeOwned;
use serde::Deserializer;
use std::fmt;

/// The group an error belongs to; each binding maps a family to one exception class.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorFamily {
    /// The input document is malformed: wrong types, missing or unknown fields.
    Document,
    /// A well-formed election or ballot set that cannot be counted.
    Tally,
    /// A council motion whose numbers are impossible.
    Motion,
    /// A plan that cannot be used (beyond validation findings, which are data).
    Plan,
    /// An enrolment request or event that cannot be applied.
    Enrol,
    /// A ballot file (BLT, CSV, CVR) that cannot be read.
    Format,
}

impl ErrorFamily {
    /// Stable snake_case name of the family.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorFamily::Document => "document",
            ErrorFamily::Tally => "tally",
            ErrorFamily::Motion => "motion",
            ErrorFamily::Plan => "plan",
            ErrorFamily::Enrol => "enrol",
            ErrorFamily::Format => "format",
        }
    }
}

/// What every error of this crate tells about itself, beyond its message.
pub trait Fault: std::error::Error {
    /// Stable snake_case code, e.g. `duplicate_candidate`. Never changes once released.
    fn code(&self) -> &'static str;
    /// Path of the offending field, e.g. `election.candidates[2]`, when the error is about one.
    fn path(&self) -> Option<&str> {
        None
    }
    /// The family, which decides the exception class in the bindings.
    fn family(&self) -> ErrorFamily;
}

/// A document that does not have the expected shape (code `invalid_document`).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {message}")]
pub struct DocumentError {
    /// Path of the field where reading failed (`.` for the document itself).
    pub path: String,
    /// What was wrong, as reported by the reader.
    pub message: String,
}

impl Fault for DocumentError {
    fn code(&self) -> &'static str {
        "invalid_document"
    }
    fn path(&self) -> Option<&str> {
        Some(&self.path)
    }
    fn family(&self) -> ErrorFamily {
        ErrorFamily::Document
    }
}

/// A field path under construction, rendered as `a.b[3].c`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldPath(String);

impl FieldPath {
    /// The path of a named top-level document (`""` for an anonymous one).
    pub fn root(name: &str) -> Self {
        FieldPath(name.to_owned())
    }
    /// This path extended by a field name.
    pub fn field(&self, name: &str) -> Self {
        if self.0.is_empty() {
            FieldPath(name.to_owned())
        } else {
            FieldPath(format!("{}.{}", self.0, name))
        }
    }
    /// This path extended by a sequence index.
    pub fn index(&self, index: usize) -> Self {
        FieldPath(format!("{}[{}]", self.0, index))
    }
    /// The rendered path; `.` stands for the document itself.
    pub fn as_str(&self) -> &str {
        if self.0.is_empty() {
            "."
        } else {
            &self.0
        }
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<FieldPath> for String {
    fn from(path: FieldPath) -> String {
        path.as_str().to_owned()
    }
}

/// Reads a `T` from any serde deserializer (JSON text, a Python object, a JS value),
/// reporting the path of the first offending field under `root`.
pub fn read_document<'de, T, D>(deserializer: D, root: &str) -> Result<T, DocumentError>
where
    T: DeserializeOwned,
    D: Deserializer<'de>,
{
    serde_path_to_error::deserialize(deserializer).map_err(|err| {
        let mut path = FieldPath::root(root);
        for segment in err.path().iter() {
            path = match segment {
                serde_path_to_error::Segment::Seq { index } => path.index(*index),
                serde_path_to_error::Segment::Map { key } => path.field(key),
                serde_path_to_error::Segment::Enum { variant } => path.field(variant),
                serde_path_to_error::Segment::Unknown => path.field("?"),
            };
        }
        DocumentError {
            path: path.into(),
            message: err.into_inner().to_string(),
        }
    })
}

/// Reads a `T` from JSON text, reporting the path of the first offending field under `root`.
pub fn read_json<T: DeserializeOwned>(text: &str, root: &str) -> Result<T, DocumentError> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = read_document(&mut deserializer, root)?;
    deserializer.end().map_err(|err| DocumentError {
        path: FieldPath::root(root).into(),
        message: err.to_string(),
    })?;
    Ok(value)
}
