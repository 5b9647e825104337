"""Count a large election in shards on several processes, then merge the shards.

Each worker process counts one shard of the ballots with ``huaide.tally_partial``; the shard
tallies are plain dicts (picklable, JSON-able) holding only sums: totals, a pairwise matrix,
grade histograms, an approval profile, or (IRV, STV) the valid rankings grouped by content. ``huaide.merge_partials`` adds them up and finishes
the count. The result is identical to one ``huaide.tally`` over all the ballots, and this
script asserts it for every method it runs.

    python examples/python/merge_multiprocessing.py                # 200 000 ballots, 8 shards
    python examples/python/merge_multiprocessing.py --ballots 5000 --shards 3 --processes 2
    python examples/python/merge_multiprocessing.py --time         # one count vs the pool

The ballots are made up from a fixed seed, so every run prints the same results. Here the
parent process makes every ballot and ships each shard to a worker, which costs more than the
count itself (``--time`` shows it); the pattern pays off when each worker reads its own shard
where it lives and only the small partial dicts travel. The same
pattern runs on Dask, Spark or Ray: map ``tally_partial`` over the shards, collect the dicts,
and call ``merge_partials`` once (see the README).
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import time
from typing import Any

import huaide

WORKS = ["ph-01", "ph-02", "ph-03", "ph-04", "ph-05", "ph-06"]
# How much visitors like each photograph: earlier works are a little more popular.
APPEAL = [6.0, 5.0, 4.5, 4.0, 2.0, 1.0]

# Methods whose count can be split: each needs its own ballot kind.
ELECTIONS: list[dict[str, Any]] = [
    {"id": "photo-plurality", "method": "plurality", "seats": 1},
    {"id": "photo-approval", "method": "approval", "seats": 2, "max_choices": 3},
    {"id": "photo-borda", "method": "borda", "seats": 1},
    {"id": "photo-schulze", "method": "schulze", "seats": 1},
    {"id": "photo-score", "method": "score", "seats": 1, "score_range": {"min": 0, "max": 5}},
    {"id": "photo-phragmen", "method": "seq_phragmen", "seats": 3},
    {"id": "photo-irv", "method": "irv", "seats": 1},
    {"id": "photo-stv", "method": "stv", "seats": 2, "stv": {"rule": "meek", "quota": "droop"}},
]


def make_ballots(method: str, count: int, seed: str) -> list[dict[str, Any]]:
    """``count`` made-up ballots of the kind ``method`` reads, the same for the same seed."""
    rng = random.Random(f"{seed}/{method}")
    ballots: list[dict[str, Any]] = []
    for _ in range(count):
        # A visitor's ranking: works drawn one by one, likelier the more appealing.
        order = sorted(WORKS, key=lambda w: rng.random() ** (1.0 / APPEAL[WORKS.index(w)]), reverse=True)
        if method == "plurality":
            ballots.append({"ranking": order[:1]})
        elif method in ("approval", "seq_phragmen"):
            ballots.append({"approve": order[: rng.randint(1, 3)]})
        elif method == "score":
            ballots.append({"scores": {w: max(0, 5 - i) for i, w in enumerate(order)}})
        else:  # ranked methods; some visitors rank only their favourites
            ballots.append({"ranking": order[: rng.randint(2, len(order))]})
    # A few spoiled ballots, which every shard must account for.
    ballots[::997] = [{"ranking": ["ph-99"]} if "ranking" in b else {"approve": []} for b in ballots[::997]]
    return ballots


def shard(ballots: list[dict[str, Any]], shards: int) -> list[list[dict[str, Any]]]:
    """Splits the ballots into ``shards`` consecutive pieces (merging keeps their order)."""
    size = -(-len(ballots) // shards)
    return [ballots[i : i + size] for i in range(0, len(ballots), size)]


def main(
    ballots: int = 200_000, shards: int = 8, processes: int | None = None, timed: bool = False
) -> None:
    # "spawn" works everywhere (Linux, macOS, Windows); huaide.tally_partial is a module-level
    # function of the extension, so the pool can send it to the workers by name.
    context = multiprocessing.get_context("spawn")
    with context.Pool(processes) as pool:
        for template in ELECTIONS:
            election = {**template, "candidates": WORKS, "tie_break": {"seed": "public draw"}}
            cast = make_ballots(election["method"], ballots, "huaideyuan-2006")
            pieces = shard(cast, shards)
            start = time.perf_counter()
            partials = pool.starmap(huaide.tally_partial, [(election, piece) for piece in pieces])
            merged = huaide.merge_partials(election, partials)
            sharded_s = time.perf_counter() - start
            start = time.perf_counter()
            single = huaide.tally(election, cast)
            single_s = time.perf_counter() - start
            assert merged.to_dict() == single.to_dict(), election["id"]
            print(
                f"{election['method']:>13}: {len(pieces)} shards merged = one count;"
                f" winners {merged.winners}, {merged.ballots['valid']} valid,"
                f" {merged.ballots['rejected']} rejected"
            )
            if timed:
                print(
                    f"{'':>15}one count {single_s * 1e3:.1f} ms, {len(pieces)} shards on the"
                    f" pool {sharded_s * 1e3:.1f} ms (ratio {sharded_s / single_s:.2f})"
                )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ballots", type=int, default=200_000, help="ballots per election")
    parser.add_argument("--shards", type=int, default=8, help="shards per election")
    parser.add_argument("--processes", type=int, default=None, help="worker processes")
    parser.add_argument("--time", action="store_true", help="time one count against the pool")
    args = parser.parse_args()
    main(args.ballots, args.shards, args.processes, args.time)
