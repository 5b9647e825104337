//! The message catalogue: every text of the crate, by stable code, in English and Chinese.
//!
//! Entries are sorted by code (a test checks it, and that both texts of an entry name the
//! same placeholders and the same literal numbers). Codes are `<domain>.<what>`; error
//! messages are in [`super::errors`].

use super::Lang;

/// One message: its stable code and its text in each language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Stable code, e.g. `motion.verdict.passes`.
    pub code: &'static str,
    /// English text with `{name}` placeholders.
    pub en: &'static str,
    /// Simplified Chinese text with the same placeholders.
    pub zh: &'static str,
}

impl Entry {
    /// The text in `lang`.
    pub fn text(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Zh => self.zh,
        }
    }
}

const fn e(code: &'static str, en: &'static str, zh: &'static str) -> Entry {
    Entry { code, en, zh }
}

/// Every message of the crate except error messages, sorted by code.
pub static CATALOGUE: &[Entry] = &[
    // Enrolment decisions, explained one choice at a time (`enrol::explain_decision`).
    e("decision.because_of_member", "{decision} This is because of {member}, a member of their group.", "{decision}原因在同组成员 {member}。"),
    e("decision.enrolled", "{program}: enrolled.", "{program}：已录取。"),
    e("decision.household_limit", "{program}: not enrolled; the program already holds as many members of their household as its rule allows.", "{program}：未录取，该项目录取的同户成员已达上限。"),
    e("decision.ineligible", "{program}: not eligible.", "{program}：不符合报名条件。"),
    e("decision.ineligible_age", "{program}: not eligible by age.", "{program}：年龄不符合报名条件。"),
    e("decision.ineligible_household", "{program}: the household does not meet the program's rule.", "{program}：所在家庭不符合该项目的条件。"),
    e("decision.ineligible_residency", "{program}: not eligible by residency.", "{program}：居住情况不符合报名条件。"),
    e("decision.ineligible_tag", "{program}: not in the program's audience.", "{program}：不属于该项目的服务对象。"),
    e("decision.limit_reached", "{program}: not enrolled; they already have as many programs as allowed.", "{program}：未录取，已录取的项目数已达上限。"),
    e("decision.missing_birth_date", "{program}: no birth date on record, so the age rule cannot be checked.", "{program}：没有出生日期，无法核对年龄条件。"),
    e("decision.missing_prerequisite", "{program}: a program that must be completed first has not been completed.", "{program}：尚未完成须先参加的项目。"),
    e("decision.program_cancelled", "{program}: the program is cancelled.", "{program}：该项目已取消。"),
    e("decision.program_not_opened", "{program}: the program does not open, as its conditions do not hold.", "{program}：开班条件未满足，该项目不开班。"),
    e("decision.timetable_conflict", "{program}: not enrolled; its sessions clash with a program they already have a seat in.", "{program}：未录取，与已录取项目的上课时间冲突。"),
    e("decision.unknown", "{program}: {code}.", "{program}：{code}。"),
    e("decision.waitlisted", "{program}: on the waiting list, place {position}.", "{program}：进入候补名单，候补第 {position} 位。"),
    // Exhibition findings (`ExhibitionFinding::explain`); the arguments are the finding's fields.
    e("exhibition.after_deadline", "{entry} by {person} was handed in after the deadline and is not in the vote.", "{person} 的作品 {entry} 晚于截止日期提交，不参加评选。"),
    e("exhibition.no_entries", "No work was accepted in category {category}, so it has no vote.", "类别“{category}”没有参展作品，不进行投票。"),
    e("exhibition.over_entry_limit", "{entry} by {person} is over the number of works one person may enter and is not in the vote.", "{person} 的作品 {entry} 超出每人参展作品数上限，不参加评选。"),
    e("exhibition.seats_reduced", "Category {category} has fewer works than places to fill, so every work in it is chosen.", "类别“{category}”的参展作品少于评选名额，所有作品全部入选。"),
    e("exhibition.unknown_category", "{entry} by {person} names a category the exhibition does not have ({category}) and is not in the vote.", "{person} 的作品 {entry} 所报类别“{category}”不存在，不参加评选。"),
    // Council motions (`motion::tally_motion_in`).
    e("motion.abstentions.cast", "counted as votes cast", "计入投票数"),
    e("motion.abstentions.not_cast", "not counted as votes cast", "不计入投票数"),
    e("motion.explanation", "{quorum} {votes} {threshold} {verdict}", "{quorum}{votes}{threshold}{verdict}"),
    e("motion.quorum.at_least_count", "at least {count}", "至少 {count} 人出席"),
    e("motion.quorum.at_least_fraction", "at least {numerator}/{denominator} of the members", "至少全体成员的 {numerator}/{denominator} 出席"),
    e("motion.quorum.met", "Quorum ({rule}, i.e. {required} of {members} members): {present} present, met.", "法定人数（{rule}，即 {members} 名成员中 {required} 人）：实到 {present} 人，已达到。"),
    e("motion.quorum.more_than_count", "more than {count}", "超过 {count} 人出席"),
    e("motion.quorum.more_than_fraction", "more than {numerator}/{denominator} of the members", "超过全体成员的 {numerator}/{denominator} 出席"),
    e("motion.quorum.none", "no quorum rule", "不设法定人数"),
    e("motion.quorum.not_met", "Quorum ({rule}, i.e. {required} of {members} members): {present} present, not met.", "法定人数（{rule}，即 {members} 名成员中 {required} 人）：实到 {present} 人，未达到。"),
    e("motion.threshold", "Threshold: {rule}, so {required} yes votes are required.", "通过标准：{rule}，因此需要 {required} 张赞成票。"),
    e("motion.threshold.absolute", "an absolute majority needs more than half of all {members} members", "绝对多数，须超过全体 {members} 名成员的半数"),
    e("motion.threshold.at_least_cast", "the threshold needs at least {numerator}/{denominator} of the {base} votes cast", "须达到所投 {base} 票的 {numerator}/{denominator}"),
    e("motion.threshold.at_least_members", "the threshold needs at least {numerator}/{denominator} of the {base} members", "须达到全体 {base} 名成员的 {numerator}/{denominator}"),
    e("motion.threshold.at_least_present", "the threshold needs at least {numerator}/{denominator} of the {base} members present", "须达到出席的 {base} 名成员的 {numerator}/{denominator}"),
    e("motion.threshold.more_than_cast", "the threshold needs more than {numerator}/{denominator} of the {base} votes cast", "须超过所投 {base} 票的 {numerator}/{denominator}"),
    e("motion.threshold.more_than_members", "the threshold needs more than {numerator}/{denominator} of the {base} members", "须超过全体 {base} 名成员的 {numerator}/{denominator}"),
    e("motion.threshold.more_than_present", "the threshold needs more than {numerator}/{denominator} of the {base} members present", "须超过出席的 {base} 名成员的 {numerator}/{denominator}"),
    e("motion.threshold.simple", "a simple majority needs more than half of the {cast} votes cast", "简单多数，须超过所投 {cast} 票的半数"),
    e("motion.threshold.two_thirds", "a two-thirds majority needs at least 2/3 of the {cast} votes cast", "三分之二多数，须达到所投 {cast} 票的 2/3"),
    e("motion.threshold.unanimous", "unanimity needs all {cast} votes cast to be yes", "全票通过，所投 {cast} 票须全部为赞成票"),
    e("motion.verdict.fails", "{yes} yes fall short of the {required} required: the motion fails.", "赞成 {yes} 票，不足所需的 {required} 票：议案未通过。"),
    e("motion.verdict.no_quorum", "The motion fails: the quorum is not met.", "出席人数未达到法定人数：议案未通过。"),
    e("motion.verdict.passes", "{yes} yes reach the {required} required: the motion passes.", "赞成 {yes} 票，达到所需的 {required} 票：议案通过。"),
    e("motion.votes", "Votes: {yes} yes, {no} no, {abstain} abstaining (abstentions {rule}).", "表决：赞成 {yes} 票，反对 {no} 票，弃权 {abstain} 票（弃权{rule}）。"),
    // Plan validation findings (`Plan::validate_in`).
    e("plan.after_deadline", "the session of {date} ends after {deadline:?} ({end})", "{date} 的活动在截止日期“{deadline}”（{end}）之后才结束"),
    e("plan.capacity_exceeds_equipment", "{places} places but only {quantity} of {equipment:?}", "名额 {places} 个，但设备“{equipment}”只有 {quantity} 套"),
    e("plan.capacity_exceeds_venue", "{places} places but venue {venue:?} holds {limit}", "名额 {places} 个，但场地“{venue}”只能容纳 {limit} 人"),
    e("plan.condition_cycle", "the program's conditions depend on itself", "该项目的开班条件依赖于它自己"),
    e("plan.condition_on_confidential", "conditions may not refer to the confidential program {program:?}", "开班条件不能引用保密项目“{program}”"),
    e("plan.counselling_not_confidential", "counselling should be confidential", "心理咨询应设为保密项目"),
    e("plan.double_booked", "{resource:?} is also used by {other:?} at {time}", "“{resource}”在 {time} 也被“{other}”占用"),
    e("plan.duplicate_goal_id", "goal id {id:?} is used twice", "目标编号“{id}”重复使用"),
    e("plan.duplicate_id", "id {id:?} is used twice", "编号“{id}”重复使用"),
    e("plan.empty_id", "the id is empty", "编号为空"),
    e("plan.empty_plan_id", "the plan id is empty", "计划编号为空"),
    e("plan.enrolment_closes_late", "enrolment closes after the first session on {date}", "报名截止时间晚于 {date} 的第一次活动"),
    e("plan.invalid_age_range", "min is above max", "最小年龄大于最大年龄"),
    e("plan.invalid_all_day_days", "days must be 1 to {max}", "全天活动的天数须在 1 到 {max} 之间"),
    e("plan.invalid_capacity", "need 0 < max and min ≤ max", "名额须满足 0 < 最多人数，且最少人数 ≤ 最多人数"),
    e("plan.invalid_days", "`days` is only for all-day schedules", "`days` 只能用于全天活动"),
    e("plan.invalid_enrolment_window", "enrolment closes before it opens", "报名截止时间早于开始时间"),
    e("plan.invalid_entry_limit", "must be at least 1", "每人参展作品数至少为 1"),
    e("plan.invalid_holiday", "the holiday ends before it starts", "假期的结束日期早于开始日期"),
    e("plan.invalid_period", "the period ends before it starts", "时段的结束日期早于开始日期"),
    e("plan.invalid_rrule", "{detail}", "重复规则无效：{detail}"),
    e("plan.invalid_rrule_dst_gap", "DTSTART falls in a DST gap", "开始时间落在夏令时调整跳过的时段内"),
    e("plan.invalid_session_span", "the session ends before it starts", "活动的结束时间早于开始时间"),
    e("plan.invalid_slot_span", "the slot ends before it starts", "可用时段的结束时间早于开始时间"),
    e("plan.invalid_target", "a percentage above 100", "百分比超过 100"),
    e("plan.invalid_timezone", "unknown time zone {zone:?}", "未知的时区“{zone}”"),
    e("plan.invalid_year", "the year must be 1900 to 2200", "年份须在 1900 到 2200 之间"),
    e("plan.missing_exhibition_rules", "an exhibition needs categories and an entry limit", "展览须设置作品类别和每人参展数量上限"),
    e("plan.no_categories", "an exhibition needs at least one category", "展览至少需要一个作品类别"),
    e("plan.no_occurrences", "no session in {year}", "{year} 年内没有任何活动"),
    e("plan.outside_availability", "{resource:?} is not available on {time}", "“{resource}”在 {time} 不可用"),
    e("plan.outside_period", "the date is outside the schedule's periods", "该日期不在日程规定的时段内"),
    e("plan.outside_periods", "no session falls within the named periods", "没有任何活动落在指定的时段内"),
    e("plan.outside_plan_year", "not in {year}", "不在 {year} 年内"),
    e("plan.too_large", "more than {max} programs", "项目超过 {max} 个"),
    e("plan.too_many_occurrences", "more than {max} occurrences", "活动场次超过 {max} 场"),
    e("plan.unbounded_recurrence", "the rule has neither COUNT nor UNTIL", "重复规则既没有次数（COUNT）也没有截止日期（UNTIL）"),
    e("plan.unexpected_exhibition_rules", "exhibition rules on a program that is not an exhibition", "不是展览的项目设置了展览规则"),
    e("plan.unknown_reference", "unknown {what} {id:?}", "不存在的{what}“{id}”"),
    // What a plan's references name, for `plan.unknown_reference`.
    e("plan.what.deadline", "deadline", "截止日期"),
    e("plan.what.equipment", "equipment", "设备"),
    e("plan.what.facilitator", "facilitator", "老师"),
    e("plan.what.partner", "partner", "合作单位"),
    e("plan.what.period", "period", "时段"),
    e("plan.what.program", "program", "项目"),
    e("plan.what.section", "section", "章节"),
    e("plan.what.venue", "venue", "场地"),
];
