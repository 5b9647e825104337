"""``huaide tally``: count a ballot file of any format the readers know."""

from __future__ import annotations

import argparse
from decimal import Decimal
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import huaide
from huaide.cli import _table
from huaide.cli._common import OK, Output, UsageError, progress, with_lang

#: Ballot formats the readers know (``huaide.read_ballots``).
FORMATS = (
    "blt", "preflib", "csv", "rctab_csv", "cdf_json", "cdf_xml", "dominion", "hart",
    "clear_ballot", "google_forms", "microsoft_forms", "wjx", "tencent_forms",
)
#: The format of a file by its extension, where the extension tells.
_BY_EXTENSION = {
    ".blt": "blt", ".soc": "preflib", ".soi": "preflib", ".toc": "preflib", ".toi": "preflib",
    ".csv": "csv", ".xml": "cdf_xml", ".json": "cdf_json",
}
#: Reader options taken from the command line as they are.
_READER_OPTIONS = (
    "contest", "question", "kind", "voter_column", "timestamp_column", "duplicates",
    "timezone", "encoding", "sheet",
)


def add_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    """Adds ``tally``."""
    cmd = commands.add_parser("tally", help="count the ballots of a file", parents=[common])
    cmd.add_argument("file", help="a ballot file, or a folder of an export's files")
    cmd.add_argument("--method", required=True, help="irv, stv, plurality, approval, schulze, …")
    cmd.add_argument("--seats", type=int, help="seats to fill (default: the file's, or 1)")
    cmd.add_argument("--rule", help="stv rule: scottish, wigm, meek, rctab")
    cmd.add_argument("--seed", help="the seed of the draw that settles ties")
    cmd.add_argument("--id", help="the election's id")
    cmd.add_argument("--max-choices", type=int, help="most choices a ballot may mark")
    cmd.add_argument("--format", choices=FORMATS, help="the file's format (default: by extension)")
    cmd.add_argument("--contest", help="the contest to count (CDF, Dominion, Hart, RCTab CSV)")
    cmd.add_argument("--question", help="the form's question to count (form exports)")
    cmd.add_argument("--kind", help="the question's kind (ranking, approval, choice, score)")
    cmd.add_argument("--voter-column", help="the column of voter ids (form exports)")
    cmd.add_argument("--timestamp-column", help="the column of submission times")
    cmd.add_argument("--duplicates", help="a voter's repeated submissions: first, last, reject")
    cmd.add_argument("--timezone", help="time zone of the export's timestamps")
    cmd.add_argument("--encoding", help="text encoding (default: detected)")
    cmd.add_argument("--sheet", help="the workbook's sheet")
    cmd.add_argument("--chart", help="also draw the count to this PNG")
    cmd.set_defaults(run=run)


def guess_format(path: Path, out: Output) -> str:
    """The format by the file's extension; a usage error when it does not tell."""
    found = _BY_EXTENSION.get(path.suffix.lower())
    if found is None or path.is_dir():
        raise UsageError(out.t("cannot_guess_format", path=path, formats=", ".join(FORMATS)))
    return found


def election_of(args: argparse.Namespace) -> dict[str, Any]:
    """The election given on the command line (the file gives the rest)."""
    election: dict[str, Any] = {"method": args.method}
    if args.seats is not None:
        election["seats"] = args.seats
    if args.id:
        election["id"] = args.id
    if args.rule:
        election["stv"] = {"rule": args.rule}
    if args.seed:
        election["tie_break"] = {"seed": args.seed}
    if args.max_choices is not None:
        election["max_choices"] = args.max_choices
    return election


def input_of(path: Path) -> Any:
    """A file as a path, or a folder as its files by name (Dominion, Hart exports)."""
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.is_file())
        return {p.name: p.read_text(encoding="utf-8-sig") for p in files}
    if not path.is_file():
        raise UsageError(f"{path}: no such file")
    return path


def run(args: argparse.Namespace, out: Output) -> int:
    """Counts the file and prints the rounds (or the votes) as a table."""
    path = Path(args.file)
    fmt = args.format or guess_format(path, out)
    options = {k: getattr(args, k) for k in _READER_OPTIONS if getattr(args, k) is not None}
    source = input_of(path)
    with progress(out.t("working")):
        result = with_lang(
            huaide.tally_file, source, fmt, election_of(args), lang=out.lang, **options
        )
        names = {} if out.as_json else candidate_names(source, fmt, options)
    wire = result.to_dict()
    out.json(wire)
    print_result(out, wire, names)
    if args.chart:
        from huaide.cli._charts import save_chart

        save_chart(out, args.chart, lambda: result.plot(names=names, lang=out.lang))
    return OK


def candidate_names(source: Any, fmt: str, options: dict[str, Any]) -> dict[str, str]:
    """The names the file gives its candidates (BLT, PreFLib, CDF…), by id, to label the
    tables; the result itself keeps the ids."""
    read = huaide.read_ballots(source, fmt, **options)
    names: dict[str, str] = {}
    for candidate in read["candidates"]:
        if isinstance(candidate, dict):
            name = candidate.get("name")
            if name and name != candidate["id"]:
                names[candidate["id"]] = name
    return names


def print_result(out: Output, wire: Mapping[str, Any], names: dict[str, str]) -> None:
    """The count as tables: rounds or votes, then winners, ballots, ties and rejections."""

    def named(candidate: str) -> str:
        return f"{names[candidate]} ({candidate})" if candidate in names else candidate

    if wire.get("rounds"):
        print_rounds(out, wire, named)
    else:
        elected = set(wire["winners"])
        rows = [
            [named(c), wire["counts"].get(c, 0), out.t("elected") if c in elected else ""]
            for tier in wire["ranking"]
            for c in tier
        ]
        heads = [out.t("candidate"), out.t("votes"), ""]
        out.print(_table.render(heads, rows, right=[1]), "")
    summary = wire["ballots"]
    out.print(out.t("ballots_line", **summary))
    sep = "、" if out.lang == "zh" else ", "
    for tie in wire["ties"]:
        if tie["resolution"] != "unresolved":
            out.print(out.t("tie_lot", names=sep.join(map(named, tie["candidates"]))))
    if wire["rejected"]:
        print_rejected(out, wire["rejected"])
    winners = sep.join(map(named, wire["winners"]))
    out.print("", out.t("winners", names=winners) if winners else out.t("no_winner"))
    if not wire["complete"]:
        out.print(out.t("incomplete"))


def print_rejected(out: Output, rejected: list[Any]) -> None:
    """Each rejected ballot; past a screenful, the number per reason and the first few."""
    if len(rejected) <= 12:
        rows = [[r["index"], r.get("voter"), r["code"], r["count"]] for r in rejected]
        heads = [out.t(k) for k in ("ballot", "person", "code", "count")]
        out.print("", _table.render(heads, rows, right=[0, 3], title=out.t("rejected_head")))
        return
    by_code: dict[str, list[Any]] = {}
    for r in rejected:
        by_code.setdefault(r["code"], []).append(r)
    rows = []
    for code, group in sorted(by_code.items(), key=lambda kv: -len(kv[1])):
        first = ", ".join(str(r["index"]) for r in group[:8]) + (", …" if len(group) > 8 else "")
        rows.append([code, sum(r["count"] for r in group), first])
    heads = [out.t(k) for k in ("code", "count", "ballot")]
    out.print("", _table.render(heads, rows, right=[1], title=out.t("rejected_head")))


def _number(value: str) -> str:
    """A decimal string without trailing zeros (``12.50000`` → ``12.5``)."""
    number = Decimal(value)
    text = f"{number.normalize():f}" if number else "0"
    return text


def print_rounds(out: Output, wire: Mapping[str, Any], named: Any) -> None:
    """One row per candidate, one column per round; ✓ elected, ✗ eliminated in that round."""
    rounds = wire["rounds"]
    first = rounds[0]["tally"]
    candidates = sorted(first, key=lambda c: (-Decimal(first[c]), c))
    rows = []
    for candidate in candidates:
        row: list[str] = [named(candidate)]
        for r in rounds:
            cell = _number(r["tally"][candidate]) if candidate in r["tally"] else ""
            if candidate in r.get("elected", []):
                cell += " ✓"
            elif candidate in r.get("eliminated", []):
                cell += " ✗"
            else:  # keep the numbers of a column under each other
                cell += "  "
            row.append(cell)
        rows.append(row)
    for key, values in (
        ("exhausted", [r["inactive"]["exhausted"] for r in rounds]),
        ("inactive_other", [_other_inactive(r) for r in rounds]),
        ("threshold", [r["threshold"] for r in rounds]),
    ):
        rows.append([out.t(key)] + [_number(v) + "  " for v in values])
    heads = [out.t("candidate")] + [out.t("round", n=r["round"]) for r in rounds]
    out.print(_table.render(heads, rows, right=range(1, len(rounds) + 1)), "")
    out.print(f"✓ {out.t('elected')}   ✗ {out.t('eliminated')}", "")


def _other_inactive(round_: dict[str, Any]) -> str:
    inactive = round_["inactive"]
    total = sum(
        (Decimal(v) for k, v in inactive.items() if k != "exhausted" and v is not None),
        Decimal(0),
    )
    return str(total)
