//! 腾讯问卷 (Tencent Questionnaire): "下载数据" as `.xlsx` or `.csv`.
//!
//! - Metadata: `编号`, `原始记录编号`, `用户类型`, `用户标识`, `昵称`, `起答时间`,
//!   `开始答题时间`, `提交时间`, `结束答题时间`, `答题时长`, `地理位置国家和地区`,
//!   `地理位置省`, `地理位置市`, `自定义字段`, `IP`. The voter is `用户标识` (the respondent's
//!   id) when present; the submission time is `结束答题时间` (or `提交时间`).
//! - Questions are headed `N.题目` (`QN.`, `N、` too); a question split into one column per
//!   option is headed `N.题目:选项` (`：` too) and cells hold `1`/`0`, the option's text, a
//!   rank (排序题) or a score (打分题). In one cell, several answers are joined by `┋` or
//!   `|`, an order by `>` or `→`.

use super::layout::{leading_number, Layout, Split};

/// The 腾讯问卷 layout.
pub const TENCENT: Layout = Layout {
    format: "tencent_forms",
    meta: &[
        "编号",
        "原始记录编号",
        "用户类型",
        "用户标识",
        "昵称",
        "起答时间",
        "开始答题时间",
        "提交时间",
        "结束答题时间",
        "答题时长",
        "地理位置国家和地区",
        "地理位置省",
        "地理位置市",
        "自定义字段",
        "ip",
        "来源",
    ],
    voter: &["用户标识"],
    time: &["结束答题时间", "提交时间"],
    split: split_tencent,
    list: &["┋", "|"],
    order: &[">", "→"],
    blank: &[],
};

fn split_tencent(header: &str) -> Split {
    let h = header.trim();
    let Some((n, rest)) = leading_number(h) else {
        return Split::whole(h);
    };
    let key = n.to_string();
    let rest = rest.trim_start_matches(['、', '.', '．']).trim();
    match rest.rfind([':', '：']) {
        Some(i) => {
            let title = rest.get(..i).unwrap_or("").trim();
            let sub = rest
                .get(i..)
                .unwrap_or("")
                .trim_start_matches([':', '：'])
                .trim();
            if sub.is_empty() {
                Split {
                    key,
                    title: title.to_owned(),
                    sub: None,
                }
            } else {
                Split {
                    key,
                    title: title.to_owned(),
                    sub: Some(sub.to_owned()),
                }
            }
        }
        None => Split {
            key,
            title: rest.to_owned(),
            sub: None,
        },
    }
}
