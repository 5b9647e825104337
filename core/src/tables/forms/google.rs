//! Google Forms: the responses sheet (Google Sheets, or the form's "Download responses
//! (.csv)").
//!
//! - Metadata: `Timestamp` (`时间戳记`), `Email Address` (`电子邮件地址`), `Score` (`分数`).
//!   The voter is `Email Address` (or `Email`, `Username`) when the form collects it; the
//!   submission time is `Timestamp`.
//! - Grids (multiple-choice grid, checkbox grid) take one column per row of the grid,
//!   headed `Question [Row]`. A ranking grid is read either way round: rows are candidates
//!   and cells say the rank (`1st choice`, `First choice`, `1`, `第一`), or rows are ranks
//!   (`Question [1st choice]`) and cells name the candidate.
//! - Checkboxes: one cell, answers joined by `, `. Multiple choice / dropdown: one cell.
//! - Linear scale grids (`Question [Candidate]` with numbers repeated across a row) are
//!   scores.

use super::layout::{split_brackets, Layout};

/// The Google Forms layout.
pub const GOOGLE: Layout = Layout {
    format: "google_forms",
    meta: &[
        "timestamp",
        "时间戳记",
        "时间戳",
        "email address",
        "电子邮件地址",
        "score",
        "分数",
        "username",
        "用户名",
    ],
    voter: &[
        "email address",
        "电子邮件地址",
        "email",
        "username",
        "用户名",
    ],
    time: &["timestamp", "时间戳记", "时间戳"],
    split: split_brackets,
    list: &[", "],
    order: &[],
    blank: &[],
};
