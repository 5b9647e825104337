"""``huaide motion``: decide a council motion from flags or a JSON file."""

from __future__ import annotations

import argparse
import json
from typing import Any

import huaide
from huaide.cli import _table
from huaide.cli._common import OK, Output, UsageError, read_text, with_lang

THRESHOLDS = ("simple", "absolute", "two_thirds", "unanimous")


def add_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    """Adds ``motion``."""
    cmd = commands.add_parser("motion", help="decide a council motion", parents=[common])
    cmd.add_argument("file", nargs="?", help='a JSON motion (or {"motion": {"vote": …}})')
    cmd.add_argument("--members", type=int, help="members of the council")
    cmd.add_argument("--present", type=int, help="members present")
    cmd.add_argument("--yes", type=int, help="yes votes")
    cmd.add_argument("--no", type=int, help="no votes")
    cmd.add_argument("--abstain", type=int, default=0, help="abstentions (default 0)")
    cmd.add_argument(
        "--quorum", default="none",
        help="none, a number present (8), a fraction of members present (1/2), "
        "or more than it (>1/2)",
    )
    cmd.add_argument(
        "--threshold", default="simple",
        help=f"{', '.join(THRESHOLDS)}, or a JSON threshold",
    )
    cmd.add_argument(
        "--abstentions-count-as-cast", action="store_true", help="abstentions count as cast"
    )
    cmd.set_defaults(run=run)


def quorum_of(text: str) -> Any:
    """``none``, ``8``, ``1/2`` or ``>1/2`` as the wire quorum."""
    if text == "none":
        return "none"
    key = "present_at_least"
    if text.startswith(">"):
        key, text = "present_more_than", text[1:]
    try:
        if "/" in text:
            top, bottom = text.split("/", 1)
            return {key: {"fraction": [int(top), int(bottom)]}}
        return {key: {"count": int(text)}}
    except ValueError as err:
        raise UsageError(f"--quorum {text!r}: give none, 8, 1/2 or >1/2") from err


def threshold_of(text: str) -> Any:
    """A named threshold, or one given as JSON."""
    if text in THRESHOLDS:
        return text
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise UsageError(f"--threshold {text!r}: give {', '.join(THRESHOLDS)} or JSON") from err


def motion_of(args: argparse.Namespace) -> tuple[str | None, dict[str, Any]]:
    """The motion's title (if any) and its vote, from the file or the flags."""
    if args.file:
        try:
            document = json.loads(read_text(args.file))
        except json.JSONDecodeError as err:
            raise UsageError(f"{args.file}: line {err.lineno}: {err.msg}") from err
        inner = document.get("motion", document) if isinstance(document, dict) else document
        if isinstance(inner, dict) and "vote" in inner:
            return inner.get("title"), inner["vote"]
        return None, inner
    missing = [f"--{n}" for n in ("members", "present", "yes", "no") if getattr(args, n) is None]
    if missing:
        raise UsageError(f"give a motion file or {', '.join(missing)}")
    vote = {
        "members": args.members, "present": args.present, "yes": args.yes, "no": args.no,
        "abstain": args.abstain, "quorum": quorum_of(args.quorum),
        "threshold": threshold_of(args.threshold),
    }
    if args.abstentions_count_as_cast:
        vote["abstentions_count_as_cast"] = True
    return None, vote


def run(args: argparse.Namespace, out: Output) -> int:
    """Decides the motion and prints the decision."""
    title, vote = motion_of(args)
    result = with_lang(huaide.tally_motion, vote, lang=out.lang)
    wire = result.to_dict()
    out.json(wire)
    quorum = "quorum_met" if wire["quorum_met"] else "quorum_missed"
    present = vote.get("present") if isinstance(vote, dict) else None
    rows: list[list[object]] = [
        [out.t("motion"), title or ""],
        [out.t("quorum"), out.t(quorum, present=present, required=wire["quorum_required"])],
        [out.t("yes"), vote.get("yes") if isinstance(vote, dict) else ""],
        [out.t("cast"), wire["cast"]],
        [out.t("required"), wire["required"]],
        [out.t("status"), out.t("passed") if wire["passed"] else out.t("failed")],
        [out.t("explanation"), wire["explanation"]],
    ]
    out.print(_table.render(["", ""], [r for r in rows if r[1] != ""]))
    return OK
