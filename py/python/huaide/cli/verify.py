"""``huaide verify``: check a published audit file, alone or with the inputs withheld from it."""

from __future__ import annotations

import argparse
import json
from typing import Any

import huaide
from huaide.cli import _table
from huaide.cli._common import INPUT_ERRORS, OK, Output, UsageError, read_text

#: The outcomes that are not a difference.
GOOD = ("verified", "inputs_withheld")


def add_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    """Adds ``verify``."""
    cmd = commands.add_parser(
        "verify", help="check an audit file (a published draw or count)", parents=[common]
    )
    cmd.add_argument("file", help="the audit file (.audit.json)")
    cmd.add_argument(
        "--inputs",
        help='a JSON file with the inputs a redacted audit withholds ({"people": …, '
        '"applications": …})',
    )
    cmd.set_defaults(run=run)


def _json(path: str) -> Any:
    try:
        return json.loads(read_text(path))
    except json.JSONDecodeError as err:
        raise UsageError(f"{path}: line {err.lineno}: {err.msg}") from err


def run(args: argparse.Namespace, out: Output) -> int:
    """Re-runs the audit and prints what differs; exit 1 when anything does."""
    audit = _json(args.file)
    inputs = _json(args.inputs) if args.inputs else None
    report = huaide.verify(audit, inputs)
    out.json(report)
    code = report["code"]
    rows: list[list[object]] = [
        [out.t("audit_kind"), report.get("kind", "")],
        [out.t("audit_version"), report.get("audit_version", "")],
        [out.t("status"), out.t(code) if code in GOOD else code],
    ]
    out.print(_table.render(["", ""], rows))
    differences = report.get("differences", [])
    if differences:
        out.print(
            "",
            _table.render(
                [out.t("code"), out.t("path"), out.t("expected"), out.t("found")],
                [[d["code"], d.get("path", ""), d.get("expected") or "", d.get("found") or ""]
                 for d in differences],
            ),
        )
    return OK if code in GOOD and not differences else INPUT_ERRORS
