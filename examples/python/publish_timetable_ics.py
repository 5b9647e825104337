"""Publish a plan's timetable as a calendar (.ics) that phones and Outlook can subscribe to.

    python examples/python/publish_timetable_ics.py --out huaideyuan.ics [--program chorus_day]

The DTSTAMP of every event is the plan's publication time, so the file is the same on every
run (a calendar app sees no change until the plan changes). Public holidays are left out as
the plan's calendar says. The same as ``huaide plan ics plan.toml -o huaideyuan.ics``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import huaide

PLAN = Path(__file__).resolve().parents[1] / "huaideyuan" / "plan.toml"
PUBLISHED = "2006-03-01T00:00:00+08:00"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="the .ics file to write")
    parser.add_argument("--program", help="only this program's sessions")
    args = parser.parse_args()

    plan = huaide.Plan.load(PLAN)
    report = plan.validate()
    if not report["ok"]:
        for finding in report["findings"]:
            print(f"{finding['path']}: {finding['code']}: {finding['message']}", file=sys.stderr)
        return 1
    calendar = plan.to_ics(PUBLISHED, program=args.program)
    args.out.write_text(calendar, encoding="utf-8", newline="")
    print(f"{calendar.count('BEGIN:VEVENT')} events written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
