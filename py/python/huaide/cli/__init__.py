"""The ``huaide`` command line (also ``python -m huaide``).

Thin by design: arguments in, one library call, a table out. Every command takes ``--json``
(print the wire result instead of tables) and ``--lang zh|en``. Exit codes: 0 done, 1 the
input has errors (findings or a ``HuaideError``, each with its file, row and field), 2 the
command line cannot be run as given (unknown option, missing file).

    huaide plan check plan.toml
    huaide plan ics plan.toml -o plan.ics
    huaide plan timetable plan.toml --from 2006-09-04 --to 2006-09-10 [--chart week.png]
    huaide allocate plan.toml people.csv applications.xlsx --seed "…" -o enrolment.xlsx
    huaide tally ballots.blt --method stv --rule scottish --seats 2 [--chart rounds.png]
    huaide motion --members 15 --present 12 --yes 8 --no 3 --abstain 1 --quorum 1/2
    huaide verify enrolment.audit.json [--inputs roll.json]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

import huaide
from huaide.cli import allocate, motion, plan, tally, verify
from huaide.cli._common import INPUT_ERRORS, OK, USAGE, InputErrors, Output, UsageError
from huaide.cli._text import text

__all__ = ["main", "parser"]


def parser() -> argparse.ArgumentParser:
    """The argument parser of every command."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS,
        help="print the wire result as JSON",
    )
    common.add_argument(
        "--lang", choices=("zh", "en"), default=argparse.SUPPRESS,
        help="language of the tables and messages (default: en)",
    )
    top = argparse.ArgumentParser(
        prog="huaide",
        description="Plans, enrolment and votes of a community's learning programmes.",
        parents=[common],
    )
    top.add_argument("--version", action="version", version=f"huaide {huaide.__version__}")
    commands = top.add_subparsers(dest="command", metavar="{plan,allocate,tally,motion,verify}")
    commands.required = True
    plan.add_parsers(commands, common)
    allocate.add_parsers(commands, common)
    tally.add_parsers(commands, common)
    motion.add_parsers(commands, common)
    verify.add_parsers(commands, common)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    """Runs the command line; returns the exit code."""
    args = parser().parse_args(argv)
    lang = getattr(args, "lang", "en")
    as_json = getattr(args, "json", False)
    out = Output(lang, as_json)
    try:
        return int(args.run(args, out))
    except InputErrors:
        return INPUT_ERRORS
    except UsageError as err:
        print(f"huaide: {text('error', lang)}: {err}", file=sys.stderr)
        return USAGE
    except huaide.HuaideError as err:
        # The message starts with the offending field's path (`line 12: …`, `programs[3]…`);
        # the file it is in is the command's input, except for allocate, whose tables name
        # their own file in each finding.
        source = None if args.command == "allocate" else getattr(args, "file", None) or getattr(
            args, "plan", None
        )
        where = f"{source}: " if source else ""
        print(f"huaide: {text('error', lang)}: {where}{err} ({err.code})", file=sys.stderr)
        if as_json:
            import json

            json.dump({"error": {"code": err.code, "path": err.path, "message": str(err)}},
                      sys.stdout, ensure_ascii=False)
            sys.stdout.write("\n")
        return INPUT_ERRORS
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (``| head``): stop quietly
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return OK

