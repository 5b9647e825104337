#!/usr/bin/env python3
"""Times huaide's deferred acceptance against the `matching` package's HospitalResident on
one instance both can solve, checks that the matchings are identical, and prints the ratio.

The instance: N applicants each ranking K distinct programs out of M, every program with
CAP seats, a single priority tier. Programs rank applicants by huaide's public draw (the
`draw` of the result), which is what makes the two problems the same.

huaide is called through the Python binding (`huaide.allocate`) when it is importable,
otherwise through the Rust example binary `enrol_bench` (JSON on stdin; the time it reports
excludes parsing). Usage:

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install matching
    cargo build --release -p huaide --example enrol_bench
    /tmp/venv/bin/python bench/compare_matching.py [N K M CAP]
"""

import json
import os
import random
import subprocess
import sys
import threading
import time

from matching.games import HospitalResident

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
BINARY = os.path.join(TARGET, "release", "examples", "enrol_bench")


def instance(n, k, m, cap, seed=2006):
    rng = random.Random(seed)
    programs = [
        {"id": f"p{i:05}", "kind": "class", "title": f"p{i}", "capacity": {"max": cap}}
        for i in range(m)
    ]
    people = [{"id": f"u{i:07}", "residency": "resident", "tags": []} for i in range(n)]
    applications = [
        {"person": f"u{i:07}", "choices": [f"p{j:05}" for j in rng.sample(range(m), min(k, m))]}
        for i in range(n)
    ]
    plan = {"id": "bench", "community": "c", "year": 2006, "timezone": "Asia/Shanghai",
            "programs": programs}
    return {"plan": plan, "people": people, "applications": applications,
            "mechanism": "deferred_acceptance", "seed": "compare", "as_of": "2006-03-01"}


def run_huaide(request):
    """Returns (seconds, draw, assignments)."""
    try:
        import huaide  # the Python binding, once the lead adds `huaide.allocate`

        if hasattr(huaide, "allocate"):
            start = time.perf_counter()
            result = huaide.allocate(
                request["plan"], request["people"], request["applications"],
                mechanism=request["mechanism"], seed=request["seed"], as_of=request["as_of"],
            )
            seconds = time.perf_counter() - start
            if not isinstance(result, dict):
                result = json.loads(result) if isinstance(result, str) else dict(result)
            return seconds, result["draw"], result["assignments"], "huaide.allocate (Python)"
    except ImportError:
        pass
    if not os.path.exists(BINARY):
        sys.exit(f"build the example first: cargo build --release -p huaide --example enrol_bench ({BINARY})")
    out = subprocess.run([BINARY, "--time"], input=json.dumps(request), capture_output=True,
                         text=True, check=True)
    result = json.loads(out.stdout)
    return result["seconds"], result["draw"], result["assignments"], "enrol_bench (Rust, parsing excluded)"


def run_matching(request, draw):
    place = {p: i for i, p in enumerate(draw)}
    resident_prefs = {a["person"]: a["choices"] for a in request["applications"]}
    hospital_prefs = {p["id"]: [] for p in request["plan"]["programs"]}
    for person, choices in resident_prefs.items():
        for c in choices:
            hospital_prefs[c].append(person)
    for prefs in hospital_prefs.values():
        prefs.sort(key=place.__getitem__)
    capacities = {p["id"]: p["capacity"]["max"] for p in request["plan"]["programs"]}
    start = time.perf_counter()
    game = HospitalResident.create_from_dictionaries(resident_prefs, hospital_prefs, capacities)
    solution = game.solve(optimal="resident")
    seconds = time.perf_counter() - start
    assignments = {person: [] for person in resident_prefs}
    for hospital, residents in solution.items():
        for r in residents:
            assignments[r.name].append(hospital.name)
    return seconds, assignments


def main():
    n, k, m, cap = (int(x) for x in (sys.argv[1:5] if len(sys.argv) >= 5 else (10_000, 5, 200, 40)))
    request = instance(n, k, m, cap)
    ours, draw, assignments, how = run_huaide(request)
    theirs, expected = run_matching(request, draw)
    same = {p: sorted(v) for p, v in assignments.items()} == {p: sorted(v) for p, v in expected.items()}
    print(f"instance: {n} applicants x {k} choices x {m} programs of {cap} seats")
    print(f"huaide   ({how}): {ours * 1e3:10.2f} ms")
    print(f"matching (HospitalResident.solve, resident-optimal): {theirs * 1e3:10.2f} ms")
    print(f"matchings identical: {same}")
    print(f"speed-up: {theirs / ours:.0f}x")
    if not same:
        os._exit(1)


if __name__ == "__main__":
    # `matching` deep-copies its players recursively: give it a deep stack.
    sys.setrecursionlimit(10_000_000)
    threading.stack_size(1 << 30)
    worker = threading.Thread(target=main)
    worker.start()
    worker.join()
