//! 问卷星 (Wenjuanxing): "下载答卷数据" as `.xlsx`/`.xls`/`.csv`, "按文本" (answer texts) or
//! "按序号" (option numbers).
//!
//! - Metadata: `序号`, `提交答卷时间` (the submission time, `2006/3/9 14:05:33`), `所用时间`,
//!   `来源`, `来源详情`, `来自IP`, `总分`. There is no voter column by default: name the
//!   question that asks for one, by its header or its title (`voter_column: "1、您的居民编号"` or
//!   `"您的居民编号"`).
//! - Questions are headed `N、题目` (`N.`, `N：` too). 单选题: the option's text. 多选题: the
//!   options joined by `┋`. 排序题: the order in one cell joined by `→`
//!   (`陶艺→二胡→钢琴`). When a question is split into one column per option — headed
//!   `N(选项)` or `第N题(选项)`, as the 按序号 export and matrix questions do — cells hold
//!   the option's rank (排序题), `1`/`0` (多选题) or a score (打分题/量表题); `-2` and `-3`
//!   (skipped, not shown) and `(跳过)` are blanks.

use super::layout::{leading_number, Layout, Split};

/// The 问卷星 layout.
pub const WJX: Layout = Layout {
    format: "wjx",
    meta: &[
        "序号",
        "提交答卷时间",
        "所用时间",
        "来源",
        "来源详情",
        "来自ip",
        "总分",
        "答卷编号",
    ],
    voter: &[],
    time: &["提交答卷时间"],
    split: split_wjx,
    list: &["┋"],
    order: &["→"],
    blank: &["-2", "-3", "(跳过)", "（跳过）"],
};

fn split_wjx(header: &str) -> Split {
    let h = header.trim();
    let Some((n, rest)) = leading_number(h) else {
        return Split::whole(h);
    };
    let key = n.to_string();
    // `3(选项)` / `第3题(选项)`: one column of a split question.
    for (open, close) in [('(', ')'), ('（', '）')] {
        if let Some(body) = rest.strip_prefix(open).and_then(|b| b.strip_suffix(close)) {
            return Split {
                key,
                title: h.to_owned(),
                sub: Some(body.trim().to_owned()),
            };
        }
    }
    let title = rest.trim_start_matches(['、', '.', '．', ':', '：']).trim();
    Split {
        key,
        title: title.to_owned(),
        sub: None,
    }
}
