"""The Python runner of bench/compare: times one task on one data set in this process and
prints one JSON line: the best time and every time (seconds), the best CPU time of the
process during a call (`cpu_seconds`), the winners (or where the
assignments were written), and peak RSS before and after the timed calls (KiB).

    python py_runner.py TASK META METHOD REPEAT [OUT]

Inputs are built from the data files before the clock starts, in the form each library
takes (dicts, lists, NumPy arrays, pyrankvote's Ballot objects…). Fast tasks run once untimed
(the result that is checked) and then REPEAT times; the slow peers run REPEAT times with no
extra call, and the first result is the one checked.

Tasks on ballots (METHOD `irv` or `schulze`):
- `huaide.tally.dicts[_grouped]`: `huaide.tally(election, [{"ranking": [ids…]} …])`, one dict
  per voter, or per distinct ranking with `"count"`;
- `huaide.tally_profile.lists[_grouped]`: `huaide.tally_profile(election, [[indices…] …],
  counts)`;
- `huaide.tally_profile.numpy[_grouped]`: the same with the int16 matrix (-1 padding) and a
  uint32 counts array, as read from the file;
- `pyrankvote`: `instant_runoff_voting` on one `Ballot` per voter (it takes no counts);
  `build_seconds` (`build_cpu_seconds`) is the time to make the Ballot objects from the
  rankings, which the issue's "end to end" figure includes;
- `pref_voting[_grouped]`: building the `ProfileWithTies` (`build_seconds`) and the method
  (`instant_runoff_for_truncated_linear_orders`, `beat_path` = Schulze by margins); the
  time is the sum;
- `votekit[_grouped]`: building the `RankProfile` and the election (`IRV`, `Schulze`).

Tasks on applicants (METHOD `da`):
- `huaide.allocate`: `huaide.allocate(plan, people, applications, seed=…, as_of=…)` on dicts,
  the `Allocation` out; `to_dict_seconds` times `.to_dict()` on it and `plain_python_seconds`
  the same dicts and lists built in plain Python from tuples of the same strings and ints
  (`plain_python_build`); every result is freed after its clock stops; `rss_peak_kb` is
  read before the `to_dict()` timings, which the process's own peak (wait4) includes;
- `huaide.allocate.call`: the same call without the `to_dict()` timings (the scaling
  series, whose peak RSS is then the allocation's alone);
- `matching`: the `matching` package's `HospitalResident` (game built from dictionaries and
  solved resident-optimal), programs ranking applicants by huaide's public draw (computed
  before, untimed), which makes the two problems the same.
"""

from __future__ import annotations

import json
import resource
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gen  # noqa: E402


#: The CPU time of each timed call (`time.process_time`): on a loaded machine the wall-clock
#: time counts the other processes' turns too, the CPU time only this one's work.
CPU: list[float] = []


def peak_rss_kb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def election(meta: dict, method: str) -> dict:
    e: dict[str, Any] = {"id": "bench", "method": method, "seats": 1,
                         "candidates": meta["candidates"], "tie_break": {"seed": "bench"}}
    if method == "schulze":
        e["pairwise"] = {"strength": "margin"}  # as pref_voting's beat_path and VoteKit
    return e


def clocked(fn: Callable[[], Any]) -> tuple[Any, float, float]:
    """One call of `fn`: its result, its wall-clock and its CPU seconds."""
    cpu = time.process_time()
    start = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - start, time.process_time() - cpu


def timed(fn: Callable[[], Any], repeat: int, warm: bool) -> tuple[Any, list[float]]:
    result = fn() if warm else None
    times = []
    for _ in range(repeat):
        out, wall, cpu = clocked(fn)
        times.append(wall)
        CPU.append(cpu)
        if result is None:
            result = out
        del out  # freed outside the clock, as a caller keeping its result would
    return result, times


#: The keys every decision and every program outcome has; the others are optional.
DECISION_KEYS = ("program", "code")
OUTCOME_KEYS = ("status", "applicants", "enrolled", "waitlist")


def plain_python_parts(d: dict) -> dict:
    """The strings and ints of an allocation's `to_dict()` held in tuples, as a pure-Python
    library would hold its result before returning it as dicts (made before the clock)."""
    def rest(x: dict, keys: tuple[str, ...]) -> dict | None:
        return {k: v for k, v in x.items() if k not in keys} or None

    return {
        "head": {k: v for k, v in d.items() if k not in ("draw", "assignments", "programs", "decisions")},
        "draw": tuple(d["draw"]),
        "assignments": [(k, tuple(v)) for k, v in d["assignments"].items()],
        "programs": [(k, p["status"], p["applicants"], tuple(p["enrolled"]), tuple(p["waitlist"]),
                      rest(p, OUTCOME_KEYS)) for k, p in d["programs"].items()],
        "decisions": [(k, [(x["program"], x["code"], rest(x, DECISION_KEYS)) for x in v])
                      for k, v in d["decisions"].items()],
    }


def plain_python_build(parts: dict) -> dict:
    """The dicts and lists of `to_dict()` built in plain Python from `plain_python_parts`:
    the cost the issue compares `to_dict()` with."""
    return {
        **parts["head"],
        "draw": list(parts["draw"]),
        "assignments": {k: list(v) for k, v in parts["assignments"]},
        "programs": {k: {"status": s, "applicants": n, "enrolled": list(e), "waitlist": list(w)}
                     if r is None else
                     {"status": s, **r, "applicants": n, "enrolled": list(e), "waitlist": list(w)}
                     for k, s, n, e, w, r in parts["programs"]},
        "decisions": {k: [{"program": p, "code": c} if r is None else {"program": p, "code": c, **r}
                          for p, c, r in v] for k, v in parts["decisions"]},
    }


def rows_of(meta: dict, grouped: bool) -> tuple[list[list[int]], list[int] | None, Any, Any]:
    matrix, counts = gen.load_ballots(meta, grouped)
    rows = [[c for c in row if c >= 0] for row in matrix.tolist()]
    return rows, (counts.tolist() if counts is not None else None), matrix, counts


def vote_task(task: str, meta: dict, method: str, repeat: int) -> dict:
    grouped = task.endswith("_grouped")
    base = task.removesuffix("_grouped")
    rows, counts, matrix, counts_array = rows_of(meta, grouped)
    ids = meta["candidates"]
    e = election(meta, method)
    extra: dict[str, Any] = {}
    if base.startswith("huaide."):
        import huaide

        if base == "huaide.tally.dicts":
            if counts is None:
                data: Any = [{"ranking": [ids[c] for c in r]} for r in rows]
            else:
                data = [{"ranking": [ids[c] for c in r], "count": k} for r, k in zip(rows, counts)]
            del matrix
            fn = lambda: huaide.tally(e, data)  # noqa: E731
        elif base == "huaide.tally_profile.lists":
            fn = lambda: huaide.tally_profile(e, rows, counts)  # noqa: E731
        elif base == "huaide.tally_profile.numpy":
            fn = lambda: huaide.tally_profile(e, matrix, counts_array)  # noqa: E731
        else:
            raise SystemExit(f"unknown task {task}")
        before = peak_rss_kb()
        result, times = timed(fn, repeat, warm=True)
        winners = result.winners
    elif base == "pyrankvote":
        import pyrankvote

        assert method == "irv" and not grouped, "pyrankvote takes one ballot per voter"
        cpu = time.process_time()
        start = time.perf_counter()
        candidates = [pyrankvote.Candidate(c) for c in ids]
        ballots = [pyrankvote.Ballot(ranked_candidates=[candidates[c] for c in r]) for r in rows]
        extra["build_seconds"] = time.perf_counter() - start
        extra["build_cpu_seconds"] = time.process_time() - cpu
        before = peak_rss_kb()
        result, times = timed(lambda: pyrankvote.instant_runoff_voting(candidates, ballots),
                              repeat, warm=False)
        winners = [c.name for c in result.get_winners()]
    elif base == "pref_voting":
        from pref_voting.margin_based_methods import beat_path
        from pref_voting.profiles_with_ties import ProfileWithTies
        from pref_voting.voting_methods import instant_runoff_for_truncated_linear_orders

        rankings = [{ids[c]: i + 1 for i, c in enumerate(r)} for r in rows]
        method_fn = instant_runoff_for_truncated_linear_orders if method == "irv" else beat_path
        builds: list[float] = []

        def run() -> Any:
            start = time.perf_counter()
            pv = ProfileWithTies(rankings, rcounts=counts, candidates=ids)
            pv.use_extended_strict_preference()  # unranked below ranked, as huaide
            builds.append(time.perf_counter() - start)
            return method_fn(pv)

        before = peak_rss_kb()
        winners, times = timed(run, repeat, warm=False)
        extra["build_seconds"] = min(builds)
    elif base == "votekit":
        from votekit import RankBallot, RankProfile
        from votekit.elections import IRV, Schulze

        weights = counts or [1] * len(rows)
        builds = []

        def run() -> Any:
            start = time.perf_counter()
            ballots = [RankBallot(ranking=[{ids[c]} for c in r], weight=k) for r, k in zip(rows, weights)]
            profile = RankProfile(ballots=ballots, candidates=ids, max_ranking_length=len(ids))
            builds.append(time.perf_counter() - start)
            # IRV breaks a tie for last place by first preferences; none occurs here.
            elected = (IRV(profile, tiebreak="first_place") if method == "irv"
                       else Schulze(profile, tiebreak="lexicographic")).get_elected()
            return sorted(c for s in elected for c in s)

        before = peak_rss_kb()
        winners, times = timed(run, repeat, warm=False)
        extra["build_seconds"] = min(builds)
    else:
        raise SystemExit(f"unknown task {task}")
    return {"seconds": min(times), "times": times, "winners": sorted(winners),
            "rss_before_kb": before, "rss_peak_kb": peak_rss_kb(), **extra}


def request_of(meta: dict) -> dict:
    return json.loads((gen.DATA / meta["request"]).read_text())


def match_task(task: str, meta: dict, repeat: int, out: Path) -> dict:
    import huaide

    req = request_of(meta)
    extra: dict[str, Any] = {}

    def call() -> Any:
        return huaide.allocate(req["plan"], req["people"], req["applications"],
                               mechanism=req["mechanism"], seed=req["seed"], as_of=req["as_of"])

    if task in ("huaide.allocate", "huaide.allocate.call"):
        before = peak_rss_kb()
        allocation, times = timed(call, repeat, warm=True)
        extra["rss_peak_kb"] = peak_rss_kb()
        assignments = allocation.assignments
        if task == "huaide.allocate":
            whole = allocation.to_dict()
            parts = plain_python_parts(whole)
            if plain_python_build(parts) != whole:
                raise SystemExit("the plain-Python build differs from to_dict()")
            del whole
            for name, make in (("to_dict", allocation.to_dict),
                               ("plain_python", lambda: plain_python_build(parts))):
                # Each result is dropped as the comprehension moves on, after its clock.
                calls = [clocked(make)[1:] for _ in range(max(1, repeat))]
                extra[f"{name}_seconds"] = min(wall for wall, _ in calls)
                extra[f"{name}_cpu_seconds"] = min(cpu for _, cpu in calls)
    elif task == "matching":
        from matching.games import HospitalResident

        draw = call().draw  # the programs' ranking of applicants
        place = {p: i for i, p in enumerate(draw)}
        resident_prefs = {a["person"]: a["choices"] for a in req["applications"]}
        hospital_prefs: dict[str, list[str]] = {p["id"]: [] for p in req["plan"]["programs"]}
        for person, choices in resident_prefs.items():
            for c in choices:
                hospital_prefs[c].append(person)
        for prefs in hospital_prefs.values():
            prefs.sort(key=place.__getitem__)
        capacities = {p["id"]: p["capacity"]["max"] for p in req["plan"]["programs"]}

        def solve() -> Any:
            game = HospitalResident.create_from_dictionaries(resident_prefs, hospital_prefs, capacities)
            return game.solve(optimal="resident")

        before = peak_rss_kb()
        solution, times = timed(solve, repeat, warm=False)
        assignments = {person: [] for person in resident_prefs}
        for hospital, residents in solution.items():
            for r in residents:
                assignments[r.name].append(hospital.name)
    else:
        raise SystemExit(f"unknown task {task}")
    out.write_text(json.dumps(assignments))
    return {"seconds": min(times), "times": times, "assignments": str(out),
            "rss_before_kb": before, "rss_peak_kb": peak_rss_kb(), **extra}


def main() -> None:
    task, meta_path, method, repeat = sys.argv[1], Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    meta = json.loads(meta_path.read_text())
    if meta["kind"] == "votes":
        out = vote_task(task, meta, method, repeat)
    else:
        out = match_task(task, meta, repeat, Path(sys.argv[5]))
    out["cpu_seconds"] = min(CPU)
    print(json.dumps(out))


if __name__ == "__main__":
    # `matching` deep-copies its players recursively: give it a deep stack.
    sys.setrecursionlimit(10_000_000)
    threading.stack_size(1 << 30)
    failed: list[BaseException] = []

    def guarded() -> None:
        try:
            main()
        except BaseException as err:  # reported by the exit code
            failed.append(err)
            raise

    worker = threading.Thread(target=guarded)
    worker.start()
    worker.join()
    sys.exit(1 if failed else 0)
