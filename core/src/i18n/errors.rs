//! Error messages in Chinese: one catalogue entry per error code (`error.<code>`).
//!
//! An error's English message is its `Display`, which names the values involved. Its
//! Chinese message is the entry for its code, after the field path, followed by the English
//! detail in brackets when there is one beyond the path (ids and numbers stay readable; the
//! detail is not translated word by word). An unknown code falls back to the `Display`.

use super::catalogue::Entry;
use super::{fill, Lang};

const fn e(code: &'static str, en: &'static str, zh: &'static str) -> Entry {
    Entry { code, en, zh }
}

/// The messages of every error code, sorted by code.
pub static ERRORS: &[Entry] = &[
    e(
        "error.arithmetic_overflow",
        "a count is too large to compute",
        "数值过大，无法计算",
    ),
    e(
        "error.condition_on_confidential",
        "a condition refers to a confidential program",
        "开班条件引用了保密项目",
    ),
    e(
        "error.count_overflow",
        "a vote count is too large",
        "票数过大",
    ),
    e(
        "error.count_with_voter",
        "a ballot with a voter cannot also carry a count",
        "记名选票不能同时带有张数",
    ),
    e(
        "error.duplicate_application",
        "the person applied twice",
        "同一人重复报名",
    ),
    e(
        "error.duplicate_candidate",
        "a candidate is listed twice",
        "候选人重复列出",
    ),
    e(
        "error.duplicate_category",
        "a category is listed twice",
        "作品类别重复",
    ),
    e(
        "error.duplicate_choice",
        "the same program is chosen twice",
        "同一项目填报了两次",
    ),
    e(
        "error.duplicate_entry",
        "a work is entered twice",
        "作品重复报名参展",
    ),
    e(
        "error.duplicate_person",
        "a person is listed twice",
        "人员重复登记",
    ),
    e(
        "error.duplicate_record",
        "a record appears twice",
        "记录重复",
    ),
    e(
        "error.duplicate_roll_entry",
        "a voter is on the roll twice",
        "投票人名册中有重复的人",
    ),
    e(
        "error.duplicate_voter_across_shards",
        "a voter voted in two ballot boxes",
        "同一投票人在两个票箱中都投了票",
    ),
    e(
        "error.empty_candidate_id",
        "a candidate has no id",
        "候选人编号为空",
    ),
    e(
        "error.empty_field",
        "a required field is empty",
        "必填项为空",
    ),
    e(
        "error.format_contest_not_found",
        "the file has no such contest",
        "文件中没有这场选举",
    ),
    e(
        "error.format_encoding",
        "the file's text encoding cannot be read",
        "无法识别文件的文字编码",
    ),
    e(
        "error.format_missing_file",
        "a file the format needs is missing",
        "缺少该格式所需的文件",
    ),
    e(
        "error.format_missing_option",
        "the format needs an option that was not given",
        "缺少该格式所需的选项",
    ),
    e(
        "error.format_not_a_table",
        "the file is not a table",
        "文件不是表格",
    ),
    e(
        "error.format_syntax",
        "the file cannot be read",
        "文件格式有误，无法读取",
    ),
    e(
        "error.format_unknown_candidate",
        "the file names a candidate that is not in the election",
        "文件中出现了不在候选人名单上的名字",
    ),
    e(
        "error.format_unknown_sheet",
        "the workbook has no such sheet",
        "工作簿中没有这张工作表",
    ),
    e(
        "error.format_unsupported",
        "the file uses a feature that is not supported",
        "文件使用了不支持的功能",
    ),
    e(
        "error.format_unwritable",
        "the file cannot be written",
        "无法写出文件",
    ),
    e("error.invalid_count", "a count is not valid", "张数无效"),
    e(
        "error.invalid_document",
        "the document does not have the expected shape",
        "文档格式不符合要求",
    ),
    e(
        "error.invalid_event",
        "the enrolment event cannot be applied",
        "该报名变动无法执行",
    ),
    e(
        "error.invalid_fraction",
        "not a fraction between 0 and 1",
        "比例须在 0 到 1 之间",
    ),
    e(
        "error.invalid_max_choices",
        "the number of choices allowed is not valid",
        "可选数量无效",
    ),
    e("error.invalid_option", "an option is not valid", "选项无效"),
    e("error.invalid_range", "the range is not valid", "范围无效"),
    e(
        "error.invalid_schedule",
        "the schedule is not valid",
        "活动日程无效",
    ),
    e(
        "error.invalid_seats",
        "the number of seats is not valid",
        "当选名额无效",
    ),
    e("error.invalid_timezone", "unknown time zone", "未知的时区"),
    e(
        "error.no_candidates",
        "the election has no candidates",
        "选举没有候选人",
    ),
    e(
        "error.no_members",
        "the council has no members",
        "议事会没有成员",
    ),
    e(
        "error.not_an_exhibition",
        "the program is not an exhibition",
        "该项目不是展览",
    ),
    e(
        "error.partial_mismatch",
        "the partial counts do not belong to the same election",
        "分票箱的计票结果不属于同一场选举",
    ),
    e(
        "error.present_exceeds_members",
        "more members present than there are",
        "出席人数超过成员总数",
    ),
    e(
        "error.serialize_failed",
        "the result cannot be written",
        "无法输出结果",
    ),
    e("error.too_large", "the input is too large", "输入数据过大"),
    e(
        "error.unknown_category",
        "unknown category",
        "不存在的作品类别",
    ),
    e("error.unknown_person", "unknown person", "不存在的人员"),
    e("error.unknown_program", "unknown program", "不存在的项目"),
    e(
        "error.unknown_reference",
        "unknown reference",
        "引用了不存在的条目",
    ),
    e(
        "error.votes_exceed_present",
        "more votes than members present",
        "票数超过出席人数",
    ),
    e(
        "error.voting_not_enabled",
        "voting is not enabled for this program",
        "该项目未开放投票",
    ),
    e(
        "error.with_detail",
        "{message} ({detail})",
        "{message}（{detail}）",
    ),
    e("error.with_path", "{path}: {message}", "{path}：{message}"),
];

/// The message of an error with `code`, `path` and English message `display`, in `lang`.
pub(super) fn render(lang: Lang, code: &str, path: Option<&str>, display: &str) -> String {
    if lang == Lang::En {
        return display.to_owned();
    }
    let key = format!("error.{code}");
    let Some(entry) = super::entry(&key) else {
        return display.to_owned();
    };
    let path = path.filter(|p| !p.is_empty() && *p != ".");
    // The English detail beyond the path and the entry's own text.
    let detail = path
        .and_then(|p| display.strip_prefix(p))
        .and_then(|rest| rest.strip_prefix(": "))
        .unwrap_or(display)
        .trim();
    let mut message = entry.text(lang).to_owned();
    if !detail.is_empty() && detail != entry.en {
        message = fill(
            super::text_of("error.with_detail", lang),
            &[("message", &message), ("detail", &detail)],
        );
    }
    match path {
        Some(p) => fill(
            super::text_of("error.with_path", lang),
            &[("path", &p), ("message", &message)],
        ),
        None => message,
    }
}
