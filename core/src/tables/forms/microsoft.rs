//! Microsoft Forms: "Open results in Excel" (the `.xlsx` download).
//!
//! - Metadata: `ID`, `Start time`, `Completion time`, `Email`, `Name`, `Last modified time`,
//!   `Total points`, `Quiz feedback` (Chinese interface: `开始时间`, `完成时间`, `电子邮件`,
//!   `名称`, `上次修改时间`). The voter is `Email` (`电子邮件`); the submission time is
//!   `Completion time` (`完成时间`).
//! - Every question is one column headed by its text. Ranking: the whole order in one
//!   cell, each option followed by `;` (`Pottery;Erhu;Piano;`). Choice (multiple answers):
//!   the options chosen, each followed by `;`. Choice (one answer): the option. Rating and
//!   Likert rows: one column each, headed `Question.Row` is not used by Forms; rows come
//!   as separate columns headed by the row text, read as scores with `kind: "score"`.
//! - A `;`-list that names every option on every row is read as a ranking; otherwise as
//!   approvals (say `kind` to decide).

use super::layout::{Layout, Split};

/// The Microsoft Forms layout.
pub const MICROSOFT: Layout = Layout {
    format: "microsoft_forms",
    meta: &[
        "id",
        "start time",
        "completion time",
        "email",
        "name",
        "last modified time",
        "total points",
        "quiz feedback",
        "开始时间",
        "完成时间",
        "电子邮件",
        "名称",
        "上次修改时间",
        "总分",
        "测验反馈",
    ],
    voter: &["email", "电子邮件"],
    time: &["completion time", "完成时间"],
    split: Split::whole,
    list: &[";"],
    order: &[";"],
    blank: &[],
};
