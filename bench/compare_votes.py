#!/usr/bin/env python3
"""Times huaide's tally (through the Python binding) against pyrankvote (IRV) and pref_voting
(IRV, Schulze, plurality) in one run on the same profiles, checks that the winners agree and
prints the ratios.

The profiles are the ones of `core/benches/vote.rs` (same xorshift, same numbers): V voters
over N candidates with Zipf-like popularity, truncated rankings (1..N ranks, mean about 3).

What is timed, per library (best of REPEAT runs, after building each library's input once):
- huaide: `huaide.tally_profile(election, rankings, counts)`, the compact path: plain lists of
  candidate indices (or ids) read straight into the core's flat profile, then the count and
  the full result with its audit; once with one list per voter (the same input as
  pyrankvote's, the base of the ratios), once with one list per distinct ranking and its
  count, once with one list of id strings per voter;
- huaide: `huaide.tally(election, ballots)` on grouped ballots (`count`), i.e. converting the
  Python dicts, validation, the count and the full result with its audit; and the same on
  one dict per voter (`ungrouped`);
- pref_voting: the voting method on a prepared `ProfileWithTies`, and with its construction
  (`build + method`; the construction computes the margins that `beat_path` then reads, so
  only `build + beat_path` compares with huaide's Schulze, which starts from ballots);
- pyrankvote: `instant_runoff_voting` on one `Ballot` per voter (it has no counts).

Usage (from the repository root, with the binding installed in the venv):

    .venv/bin/pip install pyrankvote pref_voting
    (cd py && maturin develop --release)
    .venv/bin/python bench/compare_votes.py [VOTERS] [REPEAT]
"""

import sys
import time
from pathlib import Path
from collections import Counter

import huaide
import pyrankvote
from pref_voting.margin_based_methods import beat_path
from pref_voting.profiles_with_ties import ProfileWithTies
from pref_voting.voting_methods import instant_runoff_for_truncated_linear_orders, plurality

sys.path.insert(0, str(Path(__file__).resolve().parent / "compare"))
from gen import xorshift_rankings as rankings  # noqa: E402  (core/benches/vote.rs's profile)


def cid(c):
    return f"c{c:02}"


def best(fn, repeat):
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def line(name, seconds, base=None):
    ratio = f"  ({seconds / base:8.2f}x huaide tally_profile)" if base else ""
    print(f"  {name:<42} {seconds * 1e3:10.2f} ms{ratio}")


def compare(method, n, voters, repeat):
    profile = rankings(n, voters, 0x9E37_79B9_7F4A_7C15)
    if method == "plurality":
        profile = [r[:1] for r in profile]
    groups = Counter(tuple(r) for r in profile)
    print(f"{method}: {voters} ballots x {n} candidates, {len(groups)} distinct rankings")
    election = {"id": "bench", "method": method, "seats": 1,
                "candidates": [cid(c) for c in range(n)], "tie_break": {"seed": "bench"}}
    if method == "schulze":
        # pref_voting's beat_path measures strength by margins.
        election["pairwise"] = {"strength": "margin"}
    grouped = [{"ranking": [cid(c) for c in r], "count": k} for r, k in sorted(groups.items())]
    single = [{"ranking": [cid(c) for c in r]} for r in profile]

    keys = [list(r) for r in groups]
    counts = list(groups.values())
    names = [[cid(c) for c in r] for r in profile]

    t_h, result_p = best(lambda: huaide.tally_profile(election, profile), repeat)
    line("huaide tally_profile (one list per voter)", t_h)
    t, result_k = best(lambda: huaide.tally_profile(election, keys, counts), repeat)
    line("huaide tally_profile (grouped, counts)", t, t_h)
    t, result_n = best(lambda: huaide.tally_profile(election, names), repeat)
    line("huaide tally_profile (ids, one per voter)", t, t_h)
    t, result = best(lambda: huaide.tally(election, grouped), repeat)
    line("huaide tally (grouped dicts)", t, t_h)
    t_u, result_u = best(lambda: huaide.tally(election, single), max(1, repeat // 2))
    line("huaide tally (one dict per voter)", t_u, t_h)
    winners = {"huaide": result.winners, "huaide ungrouped": result_u.winners,
               "huaide profile": result_p.winners, "huaide profile grouped": result_k.winners,
               "huaide profile ids": result_n.winners}
    assert result_p.to_dict() == result_u.to_dict(), "tally_profile and tally differ"

    start = time.perf_counter()
    pv = ProfileWithTies([{cid(c): i + 1 for i, c in enumerate(r)} for r in groups],
                         rcounts=list(groups.values()), candidates=[cid(c) for c in range(n)])
    pv.use_extended_strict_preference()  # unranked below ranked, as huaide's default
    t_build = time.perf_counter() - start
    line("pref_voting profile build", t_build)
    if method == "irv":
        t, w = best(lambda: instant_runoff_for_truncated_linear_orders(pv), repeat)
        line("pref_voting instant_runoff (truncated)", t, t_h)
        line("pref_voting build + instant_runoff", t_build + t, t_h)
        winners["pref_voting"] = w
        candidates = [pyrankvote.Candidate(cid(c)) for c in range(n)]
        ballots = [pyrankvote.Ballot(ranked_candidates=[candidates[c] for c in r])
                   for r in profile]
        t, res = best(lambda: pyrankvote.instant_runoff_voting(candidates, ballots), 1)
        line("pyrankvote instant_runoff_voting", t, t_h)
        winners["pyrankvote"] = [c.name for c in res.get_winners()]
    elif method == "schulze":
        t, w = best(lambda: beat_path(pv), repeat)
        line("pref_voting beat_path (Schulze)", t, t_h)
        line("pref_voting build + beat_path", t_build + t, t_h)
        winners["pref_voting"] = w
    else:
        t, w = best(lambda: plurality(pv), repeat)
        line("pref_voting plurality", t, t_h)
        line("pref_voting build + plurality", t_build + t, t_h)
        winners["pref_voting"] = w
    agree = len({tuple(sorted(w)) for w in winners.values()}) == 1
    print(f"  winners: {winners} -> {'AGREE' if agree else 'DISAGREE'}")
    return agree


def main():
    voters = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    ok = all([compare("irv", 10, voters, repeat), compare("schulze", 20, voters, repeat),
              compare("plurality", 10, voters, repeat)])
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
