"""Reproduce an official count: the Burlington, Vermont mayoral election of 2009 (IRV).

    python examples/python/reproduce_official_count.py [--data ../shared/oracles/burlington-2009]

The ballots are the ranked.vote normalized export (``ballot_id,rank,choice``, one row per
mark; ``$UNDERVOTE`` is a blank rank, ``$OVERVOTE`` several marks at one rank). The script
reads them into huaide ballots, counts by instant-runoff, prints the rounds, and checks every
round's tally and inactive ballots against the published round-by-round figures in
``expected.json`` next to the data; it exits 1 on any difference. The data is not part of
this repository (see ``/work/shared/oracles/README.md``); give its folder with ``--data``.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from itertools import groupby
from pathlib import Path

import huaide

DEFAULT = Path(__file__).resolve().parents[3] / "shared" / "oracles" / "burlington-2009"


def read_ballots(path: Path) -> tuple[list[str], list[dict[str, list[object]]]]:
    """The candidates and one ballot per ``ballot_id``; special marks become blank ranks."""
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    candidates = sorted({r["choice"] for r in rows if not r["choice"].startswith("$")})
    ballots = []
    for _, marks in groupby(rows, key=lambda r: r["ballot_id"]):
        ranking: list[object] = [
            [] if m["choice"].startswith("$") else m["choice"]
            for m in sorted(marks, key=lambda m: int(m["rank"]))
        ]
        ballots.append({"ranking": ranking})
    return candidates, ballots


def inactive(round_: dict[str, object]) -> int:
    """Ballots no longer counting for anyone in a round: exhausted, blank (undervote),
    overvoted, … (the published figures give them as one number)."""
    causes = round_["inactive"]
    assert isinstance(causes, dict)
    return sum(int(v) for v in causes.values() if v is not None)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT, help="the burlington-2009 folder")
    parser.add_argument("--chart", type=Path, help="also draw the rounds to this PNG")
    args = parser.parse_args()
    if not (args.data / "expected.json").is_file():
        print(f"no data at {args.data}: give the burlington-2009 folder with --data", file=sys.stderr)
        return 2

    candidates, ballots = read_ballots(args.data / "us_vt_btv_2009_03_mayor.normalized.csv")
    election = {"id": "burlington-2009-mayor", "method": "irv", "seats": 1,
                "candidates": candidates, "tie_break": {"order": candidates}}
    result = huaide.tally(election, ballots)
    rounds = result.to_dict()["rounds"]
    for r in rounds:
        standing = ", ".join(f"{c} {v}" for c, v in sorted(r["tally"].items(), key=lambda kv: -int(kv[1])))
        print(f"round {r['round']}: {standing}; inactive {inactive(r)}")
    print(f"winner: {', '.join(result.winners)}")

    expected = json.loads((args.data / "expected.json").read_text(encoding="utf-8"))
    differences = 0
    for ours, theirs in zip(rounds, expected["derived_by_curator"]["rounds"], strict=True):
        tally = {c: int(v) for c, v in ours["tally"].items()}
        if tally != theirs["tally"] or inactive(ours) != theirs["exhausted"]:
            differences += 1
            print(f"round {ours['round']} differs: {tally}, inactive {inactive(ours)} vs "
                  f"{theirs['tally']}, {theirs['exhausted']}", file=sys.stderr)
    if result.winners != [expected["winner"]]:
        differences += 1
        print(f"winner differs: {result.winners} vs {expected['winner']}", file=sys.stderr)
    if args.chart:
        result.plot(path=args.chart, title="Burlington 2009, mayor (IRV)")
        print(f"chart written to {args.chart}")
    print("every round matches the published count" if not differences else f"{differences} difference(s)")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
