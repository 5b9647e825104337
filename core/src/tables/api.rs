//! The entry points the bindings and the shared vectors use: requests as documents, and
//! [`write_table`], which writes a document as CSV or `.xlsx` bytes.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::applications::ApplicationOptions;
use super::people::PeopleOptions;
use super::write::{sheets_of, TableDocument};
use super::{write_csv, write_xlsx, TableInput};
use crate::error::{read_document, DocumentError};
use crate::formats::FormatError;
use crate::plan::Plan;

/// A table file format to write.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TableFormat {
    /// One sheet as CSV, UTF-8 with a byte-order mark.
    Csv,
    /// Every sheet in one `.xlsx` workbook.
    #[default]
    Xlsx,
}

/// Writes `document` as `format`: a workbook of all its sheets, or the CSV of one (`sheet`,
/// default the first; an unknown one is `format_unknown_sheet`).
pub fn write_table(
    document: &TableDocument,
    format: TableFormat,
    sheet: Option<&str>,
) -> Result<Vec<u8>, FormatError> {
    let sheets = sheets_of(document);
    match format {
        TableFormat::Xlsx => write_xlsx(&sheets),
        TableFormat::Csv => {
            let chosen = match sheet {
                None => sheets.first(),
                Some(name) => sheets.iter().find(|s| s.name == name),
            };
            match chosen {
                Some(s) => write_csv(s),
                None => Err(FormatError::UnknownSheet {
                    path: "sheet".to_owned(),
                    sheet: sheet.unwrap_or_default().to_owned(),
                    sheets: sheets.iter().map(|s| s.name.clone()).collect(),
                }),
            }
        }
    }
}

/// `read_people` as one document: `{input, options?}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReadPeopleRequest {
    /// The file.
    pub input: TableInput,
    /// Options.
    #[serde(default)]
    pub options: PeopleOptions,
}

/// `read_applications` as one document: `{input, options?, plan?}`.
#[derive(Clone, Debug, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReadApplicationsRequest {
    /// The file.
    pub input: TableInput,
    /// Options.
    #[serde(default)]
    pub options: ApplicationOptions,
    /// The plan whose programs the choices name.
    #[serde(default)]
    pub plan: Option<Plan>,
}

/// `write_table` as one document: `{kind, document, format?, sheet?}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct WriteTableRequest {
    /// The document and its kind.
    #[serde(flatten)]
    pub document: TableDocument,
    /// `csv` or `xlsx` (default).
    #[serde(default)]
    pub format: TableFormat,
    /// The sheet to write as CSV.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
}

/// Reads any of the request documents from a serde source.
pub fn read_table_request<'de, T: serde::de::DeserializeOwned, D: serde::Deserializer<'de>>(
    source: D,
) -> Result<T, DocumentError> {
    read_document(source, "")
}
