"""Count an exhibition's visitor vote from a form export (Google Forms, 问卷星, 腾讯问卷, …).

    python examples/python/exhibition_vote_from_form.py [--form data/exhibition_form.csv]

The plan's ``art_exhibition`` program gives the categories, the entry limit and the
submission deadline; ``examples/huaideyuan/exhibition.json`` lists the works residents
entered and the counting options. The form asked one question per category; each question's
answers are read with ``huaide.read_ballots`` (the signed-in ``用户名`` is the voter, a
visitor's later submission replaces the earlier one), and every category is counted against
the roll of residents recorded as visiting. Refused entries and rejected ballots are printed
with their reasons.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import huaide

HERE = Path(__file__).resolve().parent
DATA = HERE.parents[0] / "huaideyuan"
#: The form's question of each category (a part of its header is enough).
QUESTIONS = {
    "calligraphy_painting": "书画作品",
    "velvet_paste": "绒贴画",
    "photography": "摄影作品",
}
#: Residents recorded at the exhibition's door.
VISITORS = [f"r{n:03d}" for n in range(1, 41)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--form", type=Path, default=HERE / "data" / "exhibition_form.csv")
    parser.add_argument("--format", default="google_forms", help="google_forms, wjx, …")
    args = parser.parse_args()

    plan = huaide.Plan.load(DATA / "plan.toml")
    document = json.loads((DATA / "exhibition.json").read_text(encoding="utf-8"))
    built = huaide.exhibition_elections(
        plan, "art_exhibition", document["entries"], visitors=VISITORS, options=document["options"]
    )
    for finding in built["findings"]:
        print(f"entry {finding['entry']}: {finding['code']}")

    ballots = {}
    for category in built["elections"]:
        name = category["category"]
        read = huaide.read_ballots(
            args.form, args.format, question=QUESTIONS[name], voter_column="用户名",
            duplicates="last",
        )
        ballots[name] = read["ballots"]
        codes = Counter(f["code"] for f in read["findings"])
        if codes:  # e.g. blank answers, a visitor's repeated submission
            print(f"{name}: " + ", ".join(f"{n} × {code}" for code, n in sorted(codes.items())))

    result = huaide.tally_exhibition(built, ballots)
    for category in result["categories"]:
        counted = category["result"]
        print(
            f"{category['category']}: winners {', '.join(counted['winners'])} "
            f"({counted['ballots']['valid']} valid ballots, {counted['ballots']['rejected']} rejected)"
        )
        for rejected in counted["rejected"]:
            print(f"  ballot #{rejected['index']} ({rejected.get('voter')}): {rejected['code']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
