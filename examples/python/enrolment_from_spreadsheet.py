"""Run an enrolment from spreadsheets: the residents' roll and their applications.

    python examples/python/enrolment_from_spreadsheet.py [--out enrolment.xlsx]

Reads the Huaideyuan plan (``examples/huaideyuan/plan.toml``), the roll as Excel saves it on
Chinese Windows (``people.csv``, GBK) and the applications workbook (``applications.xlsx``),
stops with every problem of the tables (file, row, column) if there is one, draws the seats
with the published seed, prints each program's roster and waiting list, and writes the
workbook of rosters and decisions. The same as::

    huaide allocate plan.toml people.csv applications.xlsx --seed "…" --as-of 2006-03-06 -o enrolment.xlsx
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import huaide

DATA = Path(__file__).resolve().parents[1] / "huaideyuan"
#: The seed published before the draw, and the day of the allocation.
SEED = "懷德苑 2006 enrolment draw, council meeting of 2006-03-06"
AS_OF = "2006-03-06"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="the enrolment workbook to write (.xlsx)")
    args = parser.parse_args()

    plan = huaide.Plan.load(DATA / "plan.toml")
    people = huaide.read_people(DATA / "people.csv")
    applications = huaide.read_applications(DATA / "applications.xlsx", plan=plan)
    problems = [f for t in (people, applications) for f in t["findings"] if f["severity"] == "error"]
    for problem in problems:
        print(f"{problem['path']}: {problem['code']}: {problem['message']}", file=sys.stderr)
    if problems:
        return 1

    allocation = huaide.allocate(
        plan, people["people"], applications["applications"], seed=SEED, as_of=AS_OF
    )
    titles = {program.id: program.title for program in plan}
    for program_id, outcome in allocation.programs.items():
        print(
            f"{program_id} {titles[program_id]}: {outcome['status']}, "
            f"{len(outcome['enrolled'])} enrolled of {outcome['applicants']} applicants, "
            f"{len(outcome['waitlist'])} waiting"
        )
    if args.out:
        allocation.to_xlsx(args.out)
        print(f"written {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
