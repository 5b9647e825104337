//! Tables users already have: residents, applications and ballots from spreadsheets and
//! form exports, and rosters, decisions, timetables and results written back as CSV and
//! `.xlsx`.
//!
//! Everything here is a pure function over bytes: the caller reads the file (the Python
//! binding takes a path, bytes or a file object; a web page passes an uploaded file's
//! `Uint8Array`), and writers return bytes. Nothing touches the file system or the clock.
//!
//! # Reading
//!
//! - **Files**: CSV in UTF-8 (with or without BOM), UTF-16 (with BOM), or GB18030/GBK, which
//!   Excel on Chinese Windows writes ([`decode`]); `,`, `;` or tab separated (the first line
//!   decides); `.xlsx`/`.xlsm`, `.xls` and `.ods` workbooks through `calamine`, one sheet
//!   (`sheet` option; default the first) ([`source`]). The kind comes from the file name's
//!   extension, else from the first bytes.
//! - **Dates** as ISO text, `2006/3/9`, `2006年3月9日`, `20060309`, date cells and date
//!   serials ([`values`]).
//! - **People** ([`read_people`]) and **applications** ([`read_applications`]): columns found
//!   by header (English and Chinese defaults, a `columns` option for others), unknown
//!   columns kept out.
//! - **Ballots from form exports** ([`forms`]): Google Forms, Microsoft Forms, 问卷星
//!   (Wenjuanxing) and 腾讯问卷 (Tencent Questionnaire), read through
//!   [`crate::formats::read_ballot_file`] with the formats `google_forms`,
//!   `microsoft_forms`, `wjx` and `tencent_forms`.
//!
//! **Findings.** A reader returns every problem of the file at once, each a
//! [`TableFinding`] with a stable code, a severity, and its place (file, sheet, 1-based row
//! as the spreadsheet shows it, column header and letter), rendered as
//! `people.xlsx: row 12, column 出生日期`, together with the documents read from the rows
//! without errors. Codes: `missing_column`, `duplicate_column` (warning), `unknown_field`,
//! `missing_value`, `invalid_date`, `invalid_datetime`, `invalid_residency`,
//! `invalid_number`, `duplicate_person`, `duplicate_application`, `duplicate_choice`,
//! `unknown_program`, `no_choices`, `invalid_rank`, `shared_rank` (warning), `blank_submission`
//! (warning), `duplicate_submission` (warning), `missing_voter` (warning).
//!
//! **Hard failures** are [`FormatError`]s (family `format`): `format_not_a_table`,
//! `format_unknown_sheet`, `format_encoding`, `format_syntax` (a CSV that does not parse,
//! with its row), `format_missing_option`, and `too_large` for any of the [`Limits`]:
//!
//! | limit | default |
//! |---|---|
//! | `max_bytes` (the file) | 64 MiB |
//! | `max_unzipped_bytes` (a workbook's zip entries, inflated, all together) | 256 MiB |
//! | `max_rows` | 1,000,000 |
//! | `max_columns` | 16,384 |
//! | `max_cells` (rows × their widths) | 4,000,000 |
//! | `max_cell_bytes` | 1 MiB |
//!
//! A workbook's zip entries are inflated once through a counting reader before `calamine`
//! opens it, so a zip bomb costs at most `max_unzipped_bytes` of inflating; `.xlsx` cells are
//! read one at a time, so a sheet with a lone far-away cell is refused before its grid is
//! allocated. `.xls` and `.ods` sheets are built by `calamine` whole: `.xls` (BIFF8) is
//! bounded by its format (65,536 × 256 cells); an `.ods` sheet's repeated rows are capped by
//! `calamine` at 100 million cells, which a hostile file can still reach (a known gap).
//!
//! # Writing
//!
//! [`write`](mod@write) turns the wire documents (people, applications, the shared form of an
//! allocation, occurrences, a tally result, an exhibition result) into sheets, and
//! [`write_csv()`](fn@write_csv) / [`write_xlsx()`](fn@write_xlsx) into bytes: CSV in UTF-8 with a BOM (so Excel opens Chinese
//! correctly), `.xlsx` with one sheet per program or category, a frozen bold header row,
//! and fixed document dates, so the same input gives the same bytes. An allocation is
//! written from its shared wire form, so confidential programs are left out exactly as
//! there.

mod api;
pub mod applications;
pub mod decode;
mod finding;
pub mod forms;
pub mod grid;
pub mod header;
mod input;
pub mod people;
pub mod source;
pub mod values;
pub mod write;
pub mod write_csv;
pub mod write_xlsx;

pub use api::{
    read_table_request, write_table, ReadApplicationsRequest, ReadPeopleRequest, TableFormat,
    WriteTableRequest,
};
pub use applications::{read_applications, ApplicationOptions, ApplicationsTable};
pub use finding::{column_letter, Place, Severity, TableFinding};
pub use input::{TableInput, TableSource};
pub use people::{read_people, PeopleOptions, PeopleTable};
pub use source::Limits;
pub use write::{sheets_of, SharedAllocation, Sheet, TableDocument, Value};
pub use write_csv::write_csv;
pub use write_xlsx::write_xlsx;

#[allow(unused_imports)]
use crate::formats::FormatError;
