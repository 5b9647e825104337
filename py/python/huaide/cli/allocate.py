"""``huaide allocate``: the enrolment draw from a roll and applications, written as a workbook."""

from __future__ import annotations

import argparse
import datetime
from typing import Any

import huaide
from huaide.cli import _table
from huaide.cli._common import (
    OK,
    InputErrors,
    Output,
    UsageError,
    check_file,
    progress,
    with_lang,
)
from huaide.cli._text import label
from huaide.cli.plan import load


def add_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    """Adds ``allocate``."""
    cmd = commands.add_parser(
        "allocate", help="allocate the seats of a plan's programs by lottery", parents=[common]
    )
    cmd.add_argument("plan", help="plan.toml or plan.json")
    cmd.add_argument("people", help="the residents' roll (.csv, .xlsx, .xls, .ods)")
    cmd.add_argument("applications", help="the applications (.csv, .xlsx, .xls, .ods)")
    cmd.add_argument("--seed", required=True, help="the published seed of the draw")
    cmd.add_argument("--as-of", help="the allocation date (default: today)")
    cmd.add_argument("--mechanism", help="allocation mechanism (default: the plan's)")
    cmd.add_argument("--encoding", help="text encoding of CSV files (default: detected)")
    cmd.add_argument("-o", "--output", help="write the enrolment workbook (.xlsx) or CSV here")
    cmd.set_defaults(run=run)


def read_tables(args: argparse.Namespace, plan: huaide.Plan, out: Output) -> tuple[Any, Any]:
    """The people and applications tables; their findings printed, and ``InputErrors`` when
    either has errors."""
    options = {"encoding": args.encoding} if args.encoding else {}
    people = with_lang(huaide.read_people, check_file(args.people), lang=out.lang, **options)
    applications = with_lang(
        huaide.read_applications, check_file(args.applications), plan=plan, lang=out.lang,
        **options,
    )
    bad = False
    for path, table in ((args.people, people), (args.applications, applications)):
        findings = table["findings"]
        if findings:
            print_findings(out, path, findings)
        bad = bad or not table["ok"]
    if bad:
        out.json({"people": people, "applications": applications})
        out.print(out.t("fix_hint"))
        raise InputErrors
    return people, applications


def print_findings(out: Output, path: str, findings: list[Any]) -> None:
    """A table of a file's problems: row, column, code, message."""
    keys = ("severity", "row", "column", "code", "message")
    rows = [
        [label(f["severity"], out.lang), f.get("row"), f.get("column"), f["code"], f["message"]]
        for f in findings
    ]
    title = out.t("findings_in", file=path, count=len(findings))
    out.print(_table.render([out.t(k) for k in keys], rows, right=[1], title=title), "")


def run(args: argparse.Namespace, out: Output) -> int:
    """Reads the tables, allocates, prints rosters, waiting lists and cancellations."""
    plan = load(args.plan)
    people, applications = read_tables(args, plan, out)
    as_of = args.as_of or datetime.date.today().isoformat()
    with progress(out.t("working")):
        allocation = huaide.allocate(
            plan,
            people["people"],
            applications["applications"],
            seed=args.seed,
            as_of=as_of,
            mechanism=args.mechanism,
        )
    result = allocation.to_dict()
    out.json(result)
    titles = {p.id: p.title for p in plan}
    out.print(
        out.t(
            "allocation_head",
            seed=args.seed,
            as_of=result["as_of"],
            applicants=len(result["draw"]),
            mechanism=result["mechanism"],
        ),
        "",
    )
    print_outcomes(out, result["programs"], titles)
    if args.output:
        write(allocation, args.output)
        out.note(out.t("workbook_written", path=args.output))
    return OK


def print_outcomes(out: Output, programs: dict[str, Any], titles: dict[str, str]) -> None:
    """Rosters, waiting lists and cancelled programs, one table each."""
    sep = "、" if out.lang == "zh" else ", "
    roster = [
        [pid, titles.get(pid, ""), p["applicants"], len(p["enrolled"]), sep.join(p["enrolled"])]
        for pid, p in programs.items()
        if p["status"] == "running" and (p["applicants"] or p["enrolled"])
    ]
    heads = [out.t(k) for k in ("program", "title", "applicants", "enrolled", "people")]
    out.print(_table.render(heads, roster, right=[2, 3], title=out.t("rosters")), "")
    waiting = [
        [pid, titles.get(pid, ""), len(p["waitlist"]), sep.join(p["waitlist"])]
        for pid, p in programs.items()
        if p["waitlist"]
    ]
    if waiting:
        heads = [out.t(k) for k in ("program", "title", "waitlist", "in_order")]
        out.print(_table.render(heads, waiting, right=[2], title=out.t("waiting_lists")), "")
    else:
        out.print(out.t("no_waiting"), "")
    cancelled = [
        [pid, titles.get(pid, ""), label(p["status"], out.lang), p["applicants"], p.get("reason")]
        for pid, p in programs.items()
        if p["status"] != "running"
    ]
    if cancelled:
        heads = [out.t(k) for k in ("program", "title", "status", "applicants", "reason")]
        out.print(_table.render(heads, cancelled, right=[3], title=out.t("cancellations")))
    else:
        out.print(out.t("no_cancellations"))


def write(allocation: huaide.Allocation, path: str) -> None:
    """The workbook (``.xlsx``) or the rosters sheet as CSV, by the file's extension."""
    try:
        if path.lower().endswith(".csv"):
            allocation.to_csv(path)
        else:
            allocation.to_xlsx(path)
    except OSError as err:
        raise UsageError(f"{path}: {err.strerror or err}") from err
