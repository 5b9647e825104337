"""The command line's own headers and labels in English and Chinese (简体).

Texts the library produces (validation messages, explanations) come from the library, in the
language given to it by ``lang`` where the library call takes one.
"""

from __future__ import annotations

#: key: (English, Chinese).
TEXTS: dict[str, tuple[str, str]] = {
    "error": ("error", "错误"),
    "audit_kind": ("audit of", "审计对象"),
    "audit_version": ("made by huaide", "生成版本"),
    "verified": ("verified: the published result follows from its inputs", "核验通过：公布的结果确由其输入得出"),
    "inputs_withheld": (
        "consistent; some inputs are withheld (give them with --inputs to check them too)",
        "一致；部分输入未公开（用 --inputs 提供后可一并核验）",
    ),
    "expected": ("recorded", "记录值"),
    "found": ("found", "实际值"),
    "warning": ("warning", "警告"),
    "severity": ("severity", "级别"),
    "code": ("code", "代码"),
    "path": ("where", "位置"),
    "message": ("message", "说明"),
    "file": ("file", "文件"),
    "row": ("row", "行"),
    "column": ("column", "列"),
    "plan_ok": ("plan {id}: no errors, {warnings} warning(s)", "计划 {id}：没有错误，{warnings} 个警告"),
    "plan_bad": ("plan {id}: {errors} error(s), {warnings} warning(s)", "计划 {id}：{errors} 个错误，{warnings} 个警告"),
    "ics_written": ("{count} events written to {path}", "已写入 {count} 个活动到 {path}"),
    "date": ("date", "日期"),
    "weekday": ("day", "星期"),
    "time": ("time", "时间"),
    "program": ("program", "项目"),
    "title": ("title", "名称"),
    "venue": ("venue", "场地"),
    "status": ("status", "状态"),
    "sessions": ("{count} session(s) from {start} to {end}", "{start} 至 {end} 共 {count} 次活动"),
    "all_day": ("all day", "全天"),
    "chart_written": ("chart written to {path}", "图表已写入 {path}"),
    "enrolled": ("enrolled", "录取"),
    "waitlist": ("waiting list", "候补"),
    "applicants": ("applicants", "申请人数"),
    "rosters": ("Rosters", "录取名单"),
    "waiting_lists": ("Waiting lists", "候补名单"),
    "cancellations": ("Cancelled or not opened", "取消或未开班"),
    "no_cancellations": ("No program was cancelled.", "没有取消的项目。"),
    "no_waiting": ("Nobody is waiting.", "没有候补。"),
    "reason": ("reason", "原因"),
    "position": ("place", "名次"),
    "person": ("person", "居民"),
    "people": ("people", "名单"),
    "in_order": ("in order", "候补顺序"),
    "allocation_head": (
        "Allocation of {seed!r} as of {as_of}: {applicants} applicant(s), mechanism {mechanism}",
        "抽签种子 {seed!r}，分配日期 {as_of}：共 {applicants} 名申请人，方法 {mechanism}",
    ),
    "workbook_written": ("enrolment written to {path}", "录取结果已写入 {path}"),
    "running": ("running", "开班"),
    "cancelled": ("cancelled", "取消"),
    "not_opened": ("not opened", "未开班"),
    "planned": ("planned", "计划"),
    "candidate": ("candidate", "候选"),
    "votes": ("votes", "票数"),
    "round": ("round {n}", "第{n}轮"),
    "elected": ("elected", "当选"),
    "eliminated": ("eliminated", "淘汰"),
    "exhausted": ("exhausted", "无效（用尽）"),
    "inactive_other": ("other inactive", "其他无效"),
    "threshold": ("threshold", "当选票数"),
    "winners": ("Winners: {names}", "当选：{names}"),
    "no_winner": ("No winner.", "无人当选。"),
    "ballots_line": (
        "{cast} ballot(s) cast, {valid} valid, {rejected} rejected",
        "投票 {cast} 张，有效 {valid} 张，无效 {rejected} 张",
    ),
    "incomplete": (
        "Not every seat is filled (an unresolved tie): give --seed to draw lots.",
        "仍有席位未定（平票未解决）：可用 --seed 指定抽签种子。",
    ),
    "tie_lot": ("tie between {names} settled by lot", "{names} 平票，抽签决定"),
    "rejected_head": ("Rejected ballots", "无效选票"),
    "ballot": ("ballot (index)", "选票序号"),
    "count": ("count", "张数"),
    "motion": ("motion", "动议"),
    "passed": ("passed", "通过"),
    "failed": ("not passed", "未通过"),
    "quorum": ("quorum", "法定人数"),
    "quorum_met": ("met ({present} present, {required} required)", "已达到（出席 {present}，需 {required}）"),
    "quorum_missed": ("not met ({present} present, {required} required)", "未达到（出席 {present}，需 {required}）"),
    "cast": ("votes cast", "有效表决票"),
    "required": ("yes votes needed", "通过所需赞成票"),
    "yes": ("yes", "赞成"),
    "explanation": ("explanation", "说明"),
    "findings_in": ("{file}: {count} problem(s)", "{file}：{count} 个问题"),
    "fix_hint": ("Fix the rows above and run again.", "请改正以上各行后重新运行。"),
    "working": ("working", "处理中"),
    "no_font": (
        "no CJK font found: Chinese labels will show as boxes (install fonts-noto-cjk or fonts-wqy-microhei)",
        "未找到中文字体，中文标签将无法显示（请安装 fonts-noto-cjk 或 fonts-wqy-microhei）",
    ),
    "no_matplotlib": (
        "charts need matplotlib: pip install 'huaide[plot]'",
        "绘图需要 matplotlib：pip install 'huaide[plot]'",
    ),
    "cannot_guess_format": (
        "cannot tell the ballot format of {path}: give --format (one of {formats})",
        "无法判断 {path} 的选票格式，请用 --format 指定（{formats}）",
    ),
}

WEEKDAYS = {
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    "zh": ("周一", "周二", "周三", "周四", "周五", "周六", "周日"),
}


def text(key: str, lang: str, **values: object) -> str:
    """The label ``key`` in ``lang`` (``zh`` or ``en``), with ``values`` filled in."""
    english, chinese = TEXTS[key]
    template = chinese if lang == "zh" else english
    return template.format(**values) if values else template


def label(word: str, lang: str) -> str:
    """A wire word (a status, a severity) in ``lang``; the word itself when unknown."""
    return text(word, lang) if word in TEXTS else word
