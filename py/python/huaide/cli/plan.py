"""``huaide plan check|ics|timetable``: validate a plan, publish it as a calendar, list its
sessions."""

from __future__ import annotations

import argparse
import datetime
from typing import Any

import huaide
from huaide.cli import _table
from huaide.cli._common import INPUT_ERRORS, OK, Output, UsageError, check_file, with_lang
from huaide.cli._text import WEEKDAYS, label


def add_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    """Adds ``plan`` and its subcommands."""
    plan = commands.add_parser("plan", help="check, publish or list a plan", parents=[common])
    sub = plan.add_subparsers(dest="plan_command", metavar="{check,ics,timetable}")
    sub.required = True
    check = sub.add_parser("check", help="validate a plan (exit 1 on errors)", parents=[common])
    check.add_argument("plan", help="plan.toml or plan.json")
    check.set_defaults(run=run_check)
    ics = sub.add_parser("ics", help="the plan as an iCalendar file", parents=[common])
    ics.add_argument("plan", help="plan.toml or plan.json")
    ics.add_argument("-o", "--output", required=True, help="the .ics file to write")
    ics.add_argument("--program", help="only this program")
    ics.add_argument("--stamp", help="DTSTAMP of every event (RFC 3339; default: now, UTC)")
    ics.set_defaults(run=run_ics)
    week = sub.add_parser("timetable", help="the sessions between two dates", parents=[common])
    week.add_argument("plan", help="plan.toml or plan.json")
    week.add_argument("--from", dest="start", required=True, type=_date, help="first day")
    week.add_argument("--to", dest="end", type=_date, help="last day (default: a week)")
    week.add_argument("--program", help="only this program")
    week.add_argument("--venue", help="only this venue")
    week.add_argument("--chart", help="also draw the week of --from by venue to this PNG")
    week.set_defaults(run=run_timetable)


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as err:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2006-09-04") from err


def load(path: str) -> huaide.Plan:
    """The plan in ``path`` (TOML, or JSON by its extension)."""
    return huaide.Plan.load(check_file(path))


def run_check(args: argparse.Namespace, out: Output) -> int:
    """Prints the findings of the plan; exit 1 when there are errors."""
    plan = load(args.plan)
    report = with_lang(plan.validate, lang=out.lang)
    out.json(report)
    rows = [
        [label(f["severity"], out.lang), f["code"], f["path"], f["message"]]
        for f in report["findings"]
    ]
    if rows:
        headers = [out.t(k) for k in ("severity", "code", "path", "message")]
        out.print(_table.render(headers, rows), "")
    key = "plan_ok" if report["ok"] else "plan_bad"
    out.print(out.t(key, id=plan.id, errors=report["errors"], warnings=report["warnings"]))
    return OK if report["ok"] else INPUT_ERRORS


def run_ics(args: argparse.Namespace, out: Output) -> int:
    """Writes the plan (or one program) as iCalendar."""
    plan = load(args.plan)
    stamp = args.stamp or datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    calendar = plan.to_ics(stamp, program=args.program)
    try:
        with open(args.output, "w", encoding="utf-8", newline="") as handle:
            handle.write(calendar)
    except OSError as err:
        raise UsageError(f"{args.output}: {err.strerror or err}") from err
    events = calendar.count("BEGIN:VEVENT")
    out.json({"path": args.output, "events": events})
    out.print(out.t("ics_written", count=events, path=args.output))
    return OK


def run_timetable(args: argparse.Namespace, out: Output) -> int:
    """Lists the sessions between two dates; optionally draws the first week."""
    plan = load(args.plan)
    end = args.end or args.start + datetime.timedelta(days=6)
    if end < args.start:
        raise UsageError(f"--to {end} is before --from {args.start}")
    sessions = plan.occurrences(args.start, end, program=args.program, venue=args.venue)
    out.json(sessions)
    venues = {v["id"]: v["name"] for v in plan.to_dict().get("venues", [])}
    rows = _timetable_rows(sessions, venues, out.lang)
    out.print(_table.render(_timetable_headers(out), rows), "")
    out.print(out.t("sessions", count=len(sessions), start=args.start, end=end))
    if args.chart:
        from huaide.cli._charts import save_chart

        save_chart(out, args.chart, lambda: plan.plot_timetable(args.start, lang=out.lang))
    return OK


def _timetable_headers(out: Output) -> list[str]:
    keys = ("date", "weekday", "time", "title", "venue", "program", "status")
    return [out.t(k) for k in keys]


def _timetable_rows(sessions: list[Any], venues: dict[str, str], lang: str) -> list[list[str]]:
    rows = []
    for s in sessions:
        day = datetime.date.fromisoformat(s["date"])
        hours = f"{s['start'][11:16]}–{s['end'][11:16]}"
        if s["all_day"]:
            last = datetime.date.fromisoformat(s["end"][:10]) - datetime.timedelta(days=1)
            hours = label("all_day", lang) + (f" → {last:%m-%d}" if last > day else "")
        status = label(s["status"], lang)
        where = ("、" if lang == "zh" else ", ").join(venues.get(v, v) for v in s["venues"])
        weekday = WEEKDAYS[lang][day.weekday()]
        rows.append([s["date"], weekday, hours, s["title"], where, s["program"], status])
    return rows
