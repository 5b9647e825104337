"""Sharded counting on a real distributed engine: a Dask `LocalCluster` with two worker
processes counts shards with `huaide.tally_partial`, the client merges them with
`huaide.merge_partials`, and the result is exactly one `huaide.tally` over all the ballots,
for IRV, STV and Schulze (issue 13).

The workers are separate Python processes started by the cluster's nannies from this
interpreter (`sys.executable`, the virtualenv's Python), so they import the installed
`huaide`; `huaide.tally_partial` is a module-level function of the extension and travels to
them by name. Skipped, with a message, only when Dask's distributed scheduler is not
installed (`pip install -r py/requirements-dev.txt` installs it).
"""

from __future__ import annotations

import logging
import os
import random
from collections.abc import Iterator
from typing import Any

import pytest

import huaide

distributed = pytest.importorskip(
    "dask.distributed", reason="dask[distributed] is not installed (see py/requirements-dev.txt)"
)

CANDIDATES = ["chorus", "opera", "dance", "pottery", "erhu", "piano"]
APPEAL = [6.0, 5.0, 4.0, 3.0, 1.5, 1.0]

ELECTIONS: list[dict[str, Any]] = [
    {"id": "dask-irv", "method": "irv", "seats": 1},
    {"id": "dask-stv", "method": "stv", "seats": 3, "stv": {"rule": "meek", "quota": "droop"}},
    {"id": "dask-stv-scottish", "method": "stv", "seats": 2},
    {"id": "dask-schulze", "method": "schulze", "seats": 1},
]


def make_ballots(count: int, seed: str) -> list[dict[str, Any]]:
    """Rankings drawn by appeal (Plackett–Luce), truncated at random, with a few spoiled
    ballots (an unknown candidate, a repeated one) that every shard must account for."""
    rng = random.Random(seed)
    ballots: list[dict[str, Any]] = []
    for i in range(count):
        order = sorted(CANDIDATES, key=lambda c: rng.random() ** (1.0 / APPEAL[CANDIDATES.index(c)]),
                       reverse=True)
        ballot: dict[str, Any] = {"ranking": order[: rng.randint(1, len(order))]}
        if i % 250 == 17:
            ballot = {"ranking": ["harmonica"]}
        elif i % 400 == 33:
            ballot = {"ranking": [order[0], order[0]]}
        if i % 7 == 0:
            ballot["count"] = rng.randint(2, 5)
        ballots.append(ballot)
    return ballots


def shards(ballots: list[dict[str, Any]], n: int) -> list[list[dict[str, Any]]]:
    size = -(-len(ballots) // n)
    return [ballots[i : i + size] for i in range(0, len(ballots), size)]


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    cluster = distributed.LocalCluster(
        n_workers=2,
        processes=True,
        threads_per_worker=1,
        dashboard_address=None,
        silence_logs=logging.ERROR,
    )
    with cluster, distributed.Client(cluster) as c:
        yield c


def test_the_workers_are_other_processes(client: Any) -> None:
    pids = client.run(os.getpid)
    assert len(pids) == 2
    assert os.getpid() not in pids.values()
    assert len(set(pids.values())) == 2


@pytest.mark.parametrize("template", ELECTIONS, ids=[e["id"] for e in ELECTIONS])
def test_shards_counted_on_the_workers_merge_to_one_count(client: Any, template: dict[str, Any]) -> None:
    election = {**template, "candidates": CANDIDATES, "tie_break": {"seed": "public draw"}}
    ballots = make_ballots(4000, f"dask/{template['id']}")
    pieces = shards(ballots, 6)
    futures = client.map(huaide.tally_partial, [election] * len(pieces), pieces, pure=False)
    distributed.wait(futures)
    # Every partial was computed on a worker (not on the client).
    workers = set(client.scheduler_info()["workers"])
    placed = client.who_has(futures)
    assert all(holders and set(holders) <= workers for holders in placed.values())
    partials = client.gather(futures)
    assert all(isinstance(p, dict) for p in partials)
    merged = huaide.merge_partials(election, partials)
    single = huaide.tally(election, ballots)
    assert merged.to_dict() == single.to_dict()
    assert merged.ballots["rejected"] > 0
    assert len(merged.winners) == election["seats"]
