"""Differential check of two builds of the allocation engine.

Feeds the same random allocation requests (JSON on stdin) to two builds of
`core/examples/enrol_bench.rs` (run without arguments, it prints the allocation, the
enrolment state after `events`, or the error) and reports every request on which their
outputs differ. Used to show that a speed change leaves every result, error code and error
path as it was. Standard library only.

    cargo build --release -p huaide --example enrol_bench
    cp target/release/examples/enrol_bench /tmp/old    # before the change
    # ... change, build again ...
    python3 bench/differential/check.py /tmp/old target/release/examples/enrol_bench \
        --kind small --count 400

Kinds:
- `small`: up to 8 programs and 40 people: tiers, reserves, household caps, confidential
  programs, groups, stamps, several programs per person, all three mechanisms;
- `big`: 20-60 programs and 1,000-3,000 people, some with tiers and minimums;
- `errors`: `small` requests with injected input errors (unknown people and programs,
  repeated choices and applications, oversized choice lists, bad group members);
- `events`: `small` requests with random events (withdrawals, capacity changes, ticks)
  replayed after the allocation.
"""

import argparse
import json
import random
import subprocess
import sys


MECHANISMS = ["deferred_acceptance", "serial_dictatorship", "first_come"]


def plan_of(r, programs):
    """A plan of `programs`, which lets people have several programs half the time."""
    plan = {"id": "x", "community": "c", "year": 2006, "timezone": "Asia/Shanghai", "programs": programs}
    if r.random() < 0.5:
        plan["allocation"] = {"max_programs": r.randint(1, 3)}
    return plan


def stamp(r, application):
    """Gives `application` a submission time half the time."""
    if r.random() < 0.5:
        application["submitted_at"] = f"2006-02-{r.randint(1, 28):02d}T10:00:00+08:00"


def request_of(r, seed, plan, people, applications):
    """The allocation request, under a random mechanism."""
    return {
        "plan": plan,
        "people": people,
        "applications": applications,
        "mechanism": r.choice(MECHANISMS),
        "seed": f"s{seed}",
        "as_of": "2006-03-01",
    }


def small(seed):
    """A small request exercising every rule the engine has."""
    r = random.Random(seed)
    m = r.randint(1, 8)
    n = r.randint(1, 40)
    programs = []
    for i in range(m):
        p = {
            "id": f"p{i}",
            "kind": "class",
            "title": f"p{i}",
            "capacity": {"max": r.randint(1, 6), "min": r.choice([0, 0, 0, 1, 2])},
        }
        policy = {}
        if r.random() < 0.4:
            policy["tiers"] = [{"residency": ["resident"]}, {"residency": ["surrounding"]}]
        if r.random() < 0.2:
            policy["reserved"] = [{"seats": 1, "rule": {"tag": "elderly"}}]
        if policy:
            p["allocation"] = policy
        if r.random() < 0.2:
            p["audience"] = {"household": {"max_enrolled": r.randint(1, 2)}}
        if r.random() < 0.1:
            p["confidential"] = True
        programs.append(p)
    plan = plan_of(r, programs)
    people = [
        {
            "id": f"u{j:03d}",
            "residency": r.choice(["resident", "surrounding", "visitor"]),
            "tags": ["elderly"] if r.random() < 0.3 else [],
            "household": f"h{r.randint(0, n // 2)}",
        }
        for j in range(n)
    ]
    use_groups = r.random() < 0.3
    applications, taken = [], set()
    order = list(range(n))
    r.shuffle(order)
    for j in order:
        if j in taken:
            continue
        taken.add(j)
        a = {"person": f"u{j:03d}", "choices": r.sample([p["id"] for p in programs], r.randint(1, m))}
        if use_groups and r.random() < 0.3:
            mates = [k for k in range(n) if k not in taken][: r.randint(1, 2)]
            taken.update(mates)
            if mates:
                a["group"] = [f"u{k:03d}" for k in mates]
        stamp(r, a)
        applications.append(a)
    return request_of(r, seed, plan, people, applications)


def big(seed):
    """A larger request: heap programs, some with tiers and minimums, shuffled applications."""
    r = random.Random(seed)
    m = r.randint(20, 60)
    n = r.randint(1000, 3000)
    programs = []
    for i in range(m):
        p = {
            "id": f"p{i:03d}",
            "kind": "class",
            "title": "x",
            "capacity": {"max": r.randint(5, 40), "min": r.choice([0, 0, 10])},
        }
        if r.random() < 0.5:
            p["allocation"] = {"tiers": [{"residency": ["resident"]}]}
        programs.append(p)
    plan = plan_of(r, programs)
    people = [{"id": f"u{j:05d}", "residency": r.choice(["resident", "visitor"]), "tags": []} for j in range(n)]
    applications = []
    for j in range(n):
        a = {"person": f"u{j:05d}", "choices": r.sample([p["id"] for p in programs], r.randint(1, 8))}
        stamp(r, a)
        applications.append(a)
    r.shuffle(applications)
    return request_of(r, seed, plan, people, applications)


def errors(seed):
    """A small request with one to three injected input errors."""
    r = random.Random(seed)
    request = small(seed)
    applications = request["applications"]
    for _ in range(r.randint(1, 3)):
        if not applications:
            break
        a = r.choice(applications)
        kind = r.randrange(7)
        if kind == 0 and a["choices"]:
            a["choices"][r.randrange(len(a["choices"]))] = "nope" + str(r.randrange(3))
        elif kind == 1:
            a["person"] = "ghost" + str(r.randrange(3))
        elif kind == 2 and a["choices"]:
            a["choices"].append(r.choice(a["choices"]))
        elif kind == 3:
            applications.append(json.loads(json.dumps(r.choice(applications))))
        elif kind == 4:
            a["choices"] = a["choices"] * 30
        elif kind == 5:
            a.setdefault("group", []).append("ghost" + str(r.randrange(3)))
        elif kind == 6 and len(applications) > 1:
            a.setdefault("group", []).append(r.choice(applications)["person"])
    return request


def events(seed):
    """A small request with random events replayed after the allocation."""
    r = random.Random(seed)
    request = small(seed)
    applications = request["applications"]
    programs = [p["id"] for p in request["plan"]["programs"]]
    out, hour = [], 0
    for _ in range(r.randint(1, 12)):
        hour += r.randint(1, 30)
        at = f"2006-03-{1 + hour // 24:02d}T{hour % 24:02d}:00:00+08:00"
        a = r.choice(applications) if applications else None
        kind = r.choice(["withdraw", "withdraw", "capacity", "capacity", "tick"])
        if kind == "tick" or a is None:
            out.append({"type": "tick", "at": at})
            continue
        program = r.choice(a["choices"]) if a["choices"] else r.choice(programs)
        if kind == "capacity":
            out.append({"type": "capacity", "at": at, "program": program, "max": r.randint(0, 6)})
        else:
            out.append({"type": kind, "at": at, "person": a["person"], "program": program})
    request["events"] = out
    return request


KINDS = {"small": small, "big": big, "errors": errors, "events": events}


def run(binary, text):
    """The build's output (stdout and stderr) and exit status on request `text`."""
    done = subprocess.run([binary], input=text, capture_output=True, text=True, check=False)
    return done.returncode, done.stdout, done.stderr


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("old", help="the enrol_bench build before the change")
    parser.add_argument("new", help="the enrol_bench build after the change")
    parser.add_argument("--kind", choices=sorted(KINDS), default="small")
    parser.add_argument("--count", type=int, default=100, help="how many requests")
    parser.add_argument("--start", type=int, default=1, help="the first request's seed")
    args = parser.parse_args()
    same, differ, failed = 0, [], 0
    for seed in range(args.start, args.start + args.count):
        text = json.dumps(KINDS[args.kind](seed))
        old, new = run(args.old, text), run(args.new, text)
        if old == new:
            same += 1
            failed += old[0] != 0
        else:
            differ.append(seed)
    print(f"{args.kind}: {same} same ({failed} of them errors in both), {len(differ)} different")
    if differ:
        print("different at seeds:", " ".join(map(str, differ)))
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
