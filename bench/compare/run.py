"""bench/compare: huaide from Rust, Python and Node, and its peers, on the same data, in one run.

    bench/compare/run.sh [--quick] [--no-scaling]      # installs and builds, then runs this
    .venv-bench/bin/python bench/compare/run.py [--quick] [--no-scaling] [--only votes|match|scaling|targets]
        [--shapes skewed,full,criterion] [--scaling-max N]

Writes the data once (gen.py, under target/bench-data/), runs every task in its own process
(so each has its own peak RSS, read with wait4), checks that every task of a data set and
method gives the same winners (votes) or the identical matching (applicants), and prints
for each data set a table of times, ratios and peak RSS, then the issue's targets as
explicit lines ("met" / "MISSED"), each from the wall clock and from the CPU time of the
calls (the runners record both; on a shared machine the CPU time is the one to read), then
(unless --no-scaling) the scaling series (the chart plots CPU time) and
bench/compare/scaling.png. Results are saved to bench/compare/results[-quick][-PART].json;
after a full-size run the tables of BENCHMARKS.md are rewritten from every full-size results
file (report.py; the newer file wins where two overlap). Exit status 1 when any peer
disagrees.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
import gen  # noqa: E402
import report  # noqa: E402

PYTHON = sys.executable
NATIVE = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target")) / "release" / "huaide-compare-native"
TALLYSTICK = HERE.parent / "tallystick" / "target" / "release" / "compare"
OUT = gen.DATA / "out"


@dataclass
class Task:
    label: str  # what the table shows
    lang: str  # rust | python | node | tallystick
    task: str  # the runner's task name
    repeat: int
    group: str = "huaide"  # huaide | peer
    result: dict[str, Any] = field(default_factory=dict)

    def command(self, meta_path: Path, method: str) -> list[str]:
        out = str(OUT / f"{meta_path.stem}.{self.lang}.{self.task}.json")
        if self.lang == "python":
            return [PYTHON, str(HERE / "py_runner.py"), self.task, str(meta_path), method, str(self.repeat), out]
        if self.lang == "node":
            return ["node", str(HERE / "node_runner.mjs"), self.task, str(meta_path), method, str(self.repeat), out]
        if self.lang == "rust":
            kind = "votes" if method != "da" else "match"
            if kind == "votes":
                return [str(NATIVE), kind, str(meta_path), self.task, method, str(self.repeat)]
            return [str(NATIVE), kind, str(meta_path), self.task, str(self.repeat), out]
        return [str(TALLYSTICK), str(meta_path), self.task, method, str(self.repeat)]


def run_process(cmd: list[str]) -> tuple[dict[str, Any], int]:
    """Runs one task; its JSON line and its peak RSS (KiB, from wait4)."""
    with tempfile.TemporaryFile() as err:
        # One BLAS thread: NumPy (imported by every Python runner) is not used for arithmetic,
        # and idle OpenBLAS threads spinning would take the other core from the task.
        env = dict(os.environ, PYTHONHASHSEED="0", OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1")
        p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err, cwd=ROOT, env=env)
        assert p.stdout is not None
        out = p.stdout.read()
        _, status, usage = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        if p.returncode != 0:
            err.seek(0)
            raise RuntimeError(f"{' '.join(cmd)} failed ({p.returncode}):\n{err.read().decode()[-3000:]}")
    line = out.decode().strip().splitlines()[-1]
    return json.loads(line), usage.ru_maxrss


def vote_tasks(method: str, shape: str, quick: bool, have: dict[str, bool]) -> list[Task]:
    fast = 3 if quick else 10
    slow = 1
    t = [
        Task("Rust tally (Ballot structs, one per voter)", "rust", "ballots", fast),
        Task("Rust tally (Ballot structs, grouped)", "rust", "ballots_grouped", fast),
        Task("Rust Profile::from_offsets + tally_profile", "rust", "offsets", fast),
        Task("Rust Profile::from_offsets + tally_profile, grouped", "rust", "offsets_grouped", fast),
        Task("Rust Profile::from_matrix (int16, -1 padded) + tally_profile", "rust", "matrix", fast),
        Task("Rust tally_profile (prebuilt profile: the count)", "rust", "count", fast),
        Task("Rust tally_profile (prebuilt, grouped)", "rust", "count_grouped", fast),
        Task("Python tally (dicts, one per voter)", "python", "huaide.tally.dicts", fast),
        Task("Python tally (dicts, grouped with count)", "python", "huaide.tally.dicts_grouped", fast),
        Task("Python tally_profile (lists)", "python", "huaide.tally_profile.lists", fast),
        Task("Python tally_profile (lists, grouped + counts)", "python", "huaide.tally_profile.lists_grouped", fast),
        Task("Python tally_profile (NumPy int16)", "python", "huaide.tally_profile.numpy", fast),
        Task("Python tally_profile (NumPy, grouped + counts)", "python", "huaide.tally_profile.numpy_grouped", fast),
    ]
    if have["node"]:
        t += [
            Task("Node tally (objects, one per voter)", "node", "tally.objects", fast),
            Task("Node tally (objects, grouped with count)", "node", "tally.objects_grouped", fast),
            Task("Node tallyProfile (typed arrays)", "node", "tallyProfile.typed", fast),
            Task("Node tallyProfile (typed arrays, grouped)", "node", "tallyProfile.typed_grouped", fast),
            Task("Node tallyFile (CSV text, one row per voter)", "node", "tallyFile.csv", fast),
            Task("Node tallyFile (BLT text, grouped with weights)", "node", "tallyFile.blt_grouped", fast),
        ]
    if method == "irv":
        t.append(Task("pyrankvote instant_runoff_voting", "python", "pyrankvote", slow, "peer"))
    if shape == "criterion":
        # The earlier rounds' profile: only the peers of the targets (pref_voting and VoteKit
        # take minutes per task and are shown on the two other shapes).
        have = {**have, "votekit": False}
    else:
        t += [
            Task("pref_voting (build + method)", "python", "pref_voting", slow, "peer"),
            Task("pref_voting grouped (build + method)", "python", "pref_voting_grouped", slow, "peer"),
        ]
    if have["votekit"]:
        t += [
            Task("VoteKit (build + election)", "python", "votekit", slow, "peer"),
            Task("VoteKit grouped (build + election)", "python", "votekit_grouped", slow, "peer"),
        ]
    # tallystick's Schulze compares only the candidates a ballot ranks; with full rankings
    # that is the same count as huaide's (unranked below ranked).
    if have["tallystick"] and (method == "irv" or shape == "full"):
        t += [
            Task("tallystick (add per ballot)", "tallystick", "ballots", fast, "peer"),
            Task("tallystick (add_weighted, grouped)", "tallystick", "grouped", fast, "peer"),
        ]
    return t


def match_tasks(quick: bool, have: dict[str, bool]) -> list[Task]:
    fast = 5 if quick else 20
    t = [
        Task("Rust allocate (request parsed before)", "rust", "allocate", fast),
        Task("Python allocate (dicts in, Allocation out)", "python", "huaide.allocate", fast),
    ]
    if have["node"]:
        t.append(Task("Node allocate (objects in and out)", "node", "allocate", fast))
    t.append(Task("matching HospitalResident (build + solve)", "python", "matching", 1, "peer"))
    return t


#: The tasks the targets read (--only targets runs just these, a few minutes in all).
TARGET_TASKS = {
    "Rust Profile::from_offsets + tally_profile", "Rust tally_profile (prebuilt profile: the count)",
    "Rust Profile::from_matrix (int16, -1 padded) + tally_profile",
    "Python tally (dicts, one per voter)", "Python tally_profile (lists)",
    "Python tally_profile (NumPy int16)", "Node tally (objects, one per voter)",
    "Node tallyProfile (typed arrays)", "Node tallyFile (CSV text, one row per voter)",
    "Node tallyFile (BLT text, grouped with weights)", "pyrankvote instant_runoff_voting",
    "Rust allocate (request parsed before)", "Python allocate (dicts in, Allocation out)",
    "matching HospitalResident (build + solve)",
}


def fmt_ms(s: float) -> str:
    return f"{s * 1e3:10.2f}" if s < 10 else f"{s * 1e3:10.0f}"


def agree_votes(tasks: list[Task]) -> bool:
    winners = {t.label: t.result["winners"] for t in tasks}
    ok = len({tuple(w) for w in winners.values()}) == 1
    first = next(iter(winners.values()))
    print(f"  winners: {first} from all {len(winners)} tasks" if ok else f"  DISAGREE: {winners}")
    return ok


def agree_match(tasks: list[Task]) -> bool:
    seen = {}
    for t in tasks:
        a = json.loads(Path(t.result["assignments"]).read_text())
        seen[t.label] = {p: sorted(v) for p, v in a.items() if v}
    base = next(iter(seen.values()))
    bad = [k for k, v in seen.items() if v != base]
    seats = sum(len(v) for v in base.values())
    print(f"  matchings identical across all {len(seen)} tasks ({seats} seats filled)"
          if not bad else f"  DISAGREE: {bad} differ from {next(iter(seen))}")
    return not bad


def table(title: str, tasks: list[Task], base_label: str) -> None:
    base = next(t for t in tasks if t.label == base_label).result["seconds"]
    print(f"\n{title}")
    print(f"  {'task':<52} {'ms':>10} {'÷ base':>9} {'CPU ms':>10} {'peak RSS':>9} {'Δ call':>8}")
    for t in tasks:
        r = t.result
        ratio = r["seconds"] / base
        extra = ""
        if "build_seconds" in r:
            extra = f"   (build {r['build_seconds'] * 1e3:.0f} ms)"
        if "to_dict_seconds" in r:
            extra = f"   (to_dict {r['to_dict_seconds'] * 1e3:.1f} ms)"
            if "plain_python_seconds" in r:
                extra += f" (plain Python {r['plain_python_seconds'] * 1e3:.1f} ms)"
        delta = max(0, r["rss_peak_kb"] - r["rss_before_kb"])
        cpu = fmt_ms(r["cpu_seconds"]) if "cpu_seconds" in r else f"{'-':>10}"
        print(f"  {t.label:<52} {fmt_ms(r['seconds'])} {ratio:8.2f}x {cpu} {r['wait4_rss_kb'] / 1024:7.0f} MB"
              f" {delta / 1024:6.0f} MB{extra}")
    print(f"  (÷ base: time over '{base_label}'; peak RSS of the task's process; Δ call: growth of"
          " the peak during the timed calls)")


def run_set(meta: dict, method: str, tasks: list[Task]) -> None:
    meta_path = gen.DATA / f"{meta['name']}.json"
    for t in tasks:
        result, rss = run_process(t.command(meta_path, method))
        result["wait4_rss_kb"] = rss
        t.result = result
        print(f"    {t.label:<52} {fmt_ms(result['seconds'])} ms", flush=True)


@dataclass
class Target:
    text: str
    value: float
    limit: float
    higher_is_better: bool
    unit: str = "x"
    clock: str = "wall"  # wall: perf_counter and the like; cpu: the process's CPU time

    @property
    def met(self) -> bool:
        return self.value >= self.limit if self.higher_is_better else self.value <= self.limit

    def line(self) -> str:
        op = "≥" if self.higher_is_better else "≤"
        v = f"{self.value:.2f}" if self.value < 10 else f"{self.value:.0f}"
        return (f"  target ({self.clock}) {self.text} {op} {self.limit:g}{self.unit}: {v}{self.unit}"
                f" {'met' if self.met else 'MISSED'}")


def targets(results: dict[str, list[Task]], clock: str) -> list[Target]:
    """The issue's targets, from the wall-clock times or (`clock == "cpu"`) the CPU times."""
    field_name = "cpu_seconds" if clock == "cpu" else "seconds"

    def s(key: str, label: str) -> float:
        return next(t for t in results[key] if t.label == label).result[field_name]

    out = []
    for shape in gen.VOTE_SHAPES:
        key = f"votes-{shape}/irv"
        if key not in results:
            continue
        prv = s(key, "pyrankvote instant_runoff_voting")
        prv_row = next(t for t in results[key] if t.label == "pyrankvote instant_runoff_voting").result
        prv_end = prv + prv_row["build_cpu_seconds" if clock == "cpu" else "build_seconds"]
        dicts = s(key, "Python tally (dicts, one per voter)")
        lists = s(key, "Python tally_profile (lists)")
        numpy = s(key, "Python tally_profile (NumPy int16)")
        count = s(key, "Rust tally_profile (prebuilt profile: the count)")
        out += [
            Target(f"[{shape}] Python tally dicts vs pyrankvote end to end (Ballot objects built + count)",
                   prv_end / dicts, 35, True),
            Target(f"[{shape}] Python tally dicts vs pyrankvote's count alone (Ballots built before)",
                   prv / dicts, 35, True),
            Target(f"[{shape}] Python tally_profile lists vs pyrankvote end to end", prv_end / lists, 100, True),
            Target(f"[{shape}] Python tally_profile lists vs pyrankvote's count alone", prv / lists, 100, True),
            Target(f"[{shape}] NumPy conversion (tally_profile NumPy − Rust count)", (numpy - count) * 1e3, 2, False, " ms"),
            Target(f"[{shape}] NumPy conversion ÷ the count itself", (numpy - count) / count, 1, False),
        ]
        if any(t.lang == "node" for t in results[key]):
            node_obj = s(key, "Node tally (objects, one per voter)")
            node_typed = s(key, "Node tallyProfile (typed arrays)")
            native = s(key, "Rust Profile::from_offsets + tally_profile")
            out += [
                Target(f"[{shape}] Node tally objects ÷ Python tally dicts", node_obj / dicts, 3, False),
                Target(f"[{shape}] Node tallyProfile typed ÷ Rust from_offsets + tally_profile", node_typed / native, 2, False),
            ]
    for shape in ("popular", "uniform"):
        key = f"match-{shape}/da"
        if key not in results:
            continue
        py = next(t for t in results[key] if t.label.startswith("Python allocate")).result
        m = s(key, "matching HospitalResident (build + solve)")
        to_dict = py["to_dict_cpu_seconds" if clock == "cpu" else "to_dict_seconds"]
        out += [
            Target(f"[{shape}] Python allocate vs matching HospitalResident", m / py[field_name], 800, True),
            Target(f"[{shape}] Allocation.to_dict()", to_dict * 1e3, 30, False, " ms"),
        ]
        plain = py.get("plain_python_cpu_seconds" if clock == "cpu" else "plain_python_seconds")
        if plain:
            out.append(Target(f"[{shape}] Allocation.to_dict() ÷ the same dicts built in plain Python",
                              to_dict / plain, 1, False))
    for t in out:
        t.clock = clock
    return out


def machine() -> dict[str, Any]:
    info: dict[str, Any] = {"python": platform.python_version(), "platform": platform.platform()}
    try:
        lscpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
        for line in lscpu.splitlines():
            k, _, v = line.partition(":")
            if k.strip() in ("Model name", "CPU(s)", "L2 cache", "L3 cache"):
                info[k.strip()] = v.strip()
        info["memory"] = Path("/proc/meminfo").read_text().splitlines()[0].split(":")[1].strip()
    except OSError:
        pass
    info["loadavg_start"] = os.getloadavg()
    try:
        info["node"] = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
    except OSError:
        pass
    return info


def scaling(quick: bool, cap: int) -> dict[str, list[tuple[int, float, int, float]]]:
    """IRV and deferred acceptance over sizes (none over `cap`), each point in its own process."""
    top_votes = min(cap, 100_000 if quick else 10_000_000)
    top_dicts = min(cap, 100_000 if quick else 1_000_000)
    top_match = min(cap, 10_000 if quick else 1_000_000)
    sizes = [n for n in (1_000, 3_000, 10_000, 30_000, 100_000, 300_000, 1_000_000, 3_000_000, 10_000_000)]
    series: dict[str, list[tuple[int, float, int, float]]] = {}
    runs = [
        ("IRV, Python tally_profile (NumPy)", "votes", "huaide.tally_profile.numpy", "irv", top_votes),
        ("IRV, Python tally (dicts)", "votes", "huaide.tally.dicts", "irv", top_dicts),
        ("Deferred acceptance, Python allocate (dicts)", "match", "huaide.allocate.call", "da", top_match),
    ]
    for label, kind, task, method, top in runs:
        print(f"  {label}", flush=True)
        points = []
        for n in (n for n in sizes if n <= top):
            meta = gen.vote_data("skewed", n) if kind == "votes" else gen.match_data("popular", n)
            repeat = 5 if n <= 100_000 else (2 if n <= 1_000_000 else 1)
            t = Task(label, "python", task, repeat)
            result, rss = run_process(t.command(gen.DATA / f"{meta['name']}.json", method))
            points.append((n, result["seconds"], rss, result["cpu_seconds"]))
            print(f"    {n:>10,}: {fmt_ms(result['seconds'])} ms  {result['seconds'] / n * 1e9:8.0f} ns each"
                  f"  CPU {fmt_ms(result['cpu_seconds'])} ms  peak RSS {rss / 1024:6.0f} MB", flush=True)
        series[label] = points
    return series


def slope(points: list, at: int = 1) -> float:
    """The log-log slope of time (`at` 1: wall clock, 3: CPU) against size, from 10k up."""
    import math

    pts = [(math.log(p[0]), math.log(p[at])) for p in points if p[0] >= 10_000]
    if len(pts) < 2:
        return float("nan")
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    return sum((x - mx) * (y - my) for x, y in pts) / sum((x - mx) ** 2 for x, _ in pts)


def chart(series: dict[str, list[tuple[int, float, int, float]]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8, 5.5), dpi=110)
    for (label, points), marker in zip(series.items(), "os^"):
        ns = [p[0] for p in points]
        ts = [p[3] for p in points]  # CPU time: the machine is shared
        ax.plot(ns, ts, marker=marker, label=f"{label} (slope {slope(points, 3):.2f})")
        # Linear reference through the series' largest point.
        ref = ts[-1] / ns[-1]
        ax.plot(ns, [ref * n for n in ns], linestyle=":", color=ax.lines[-1].get_color(), alpha=0.6)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("ballots / applicants")
    ax.set_ylabel("CPU seconds (best of the runs)")
    ax.set_title("huaide from Python: time against size (dotted: linear, through the last point)")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small sizes and few repeats (a minute or two)")
    ap.add_argument("--no-scaling", action="store_true", help="skip the scaling series")
    ap.add_argument("--only", choices=["votes", "match", "scaling", "targets"],
                    help="run one part (targets: only the tasks the targets read, IRV only)")
    ap.add_argument("--scaling-max", type=int, default=10_000_000,
                    help="largest size of the scaling series (default: %(default)s)")
    ap.add_argument("--shapes", default=",".join(gen.VOTE_SHAPES),
                    help="ballot shapes, comma-separated (default: %(default)s)")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    have = {
        "node": shutil.which("node") is not None and (ROOT / "wasm" / "pkg" / "web" / "huaide_bg.wasm").exists(),
        "tallystick": TALLYSTICK.exists(),
        "votekit": subprocess.run([PYTHON, "-c", "import votekit"], capture_output=True).returncode == 0,
    }
    if not NATIVE.exists():
        sys.exit(f"build the native runner first (bench/compare/run.sh does): {NATIVE}")
    info = machine()
    print(f"machine: {info}")
    print(f"runners available: {have}")
    voters = 10_000 if args.quick else 100_000
    applicants = 2_000 if args.quick else 10_000
    results: dict[str, list[Task]] = {}
    ok = True
    started = time.time()
    pick = (lambda ts: [t for t in ts if t.label in TARGET_TASKS]) if args.only == "targets" else (lambda ts: ts)
    if args.only in (None, "votes", "targets"):
        for shape in args.shapes.split(","):
            meta = gen.vote_data(shape, voters)
            print(f"\n== {meta['name']}: {voters:,} ballots × {meta['width']} candidates, {meta['distinct']:,}"
                  f" distinct rankings, mean length {meta['mean_length']}, {meta['single_choice_share']:.0%}"
                  f" rank one, top first-choice share {meta['first_choice_share']:.0%}")
            for method in ("irv",) if args.only == "targets" else ("irv", "schulze"):
                tasks = pick(vote_tasks(method, shape, args.quick, have))
                print(f"  {method}:")
                run_set(meta, method, tasks)
                ok &= agree_votes(tasks)
                results[f"votes-{shape}/{method}"] = tasks
                table(f"{meta['name']} {method}", tasks, "Python tally (dicts, one per voter)")
    if args.only in (None, "match", "targets"):
        for shape in ("popular", "uniform"):
            meta = gen.match_data(shape, applicants)
            print(f"\n== {meta['name']}: {applicants:,} applicants × {meta['choices']} choices of"
                  f" {meta['programs']} programs, {meta['seats']:,} seats")
            tasks = pick(match_tasks(args.quick, have))
            run_set(meta, "da", tasks)
            ok &= agree_match(tasks)
            results[f"match-{shape}/da"] = tasks
            table(f"{meta['name']} deferred acceptance", tasks, "Python allocate (dicts in, Allocation out)")
    found = targets(results, "wall") + targets(results, "cpu")
    if found:
        print("\nTargets (issue 13)" + (" — quick mode: smaller sizes than the targets name, indicative only" if args.quick else ""))
        for t in found:
            print(t.line())
    series = {}
    if not args.no_scaling and args.only in (None, "scaling"):
        print("\n== scaling (skewed ballots, popular programs; each point in its own process)")
        series = scaling(args.quick, args.scaling_max)
        png = HERE / ("scaling-quick.png" if args.quick else "scaling.png")
        chart(series, png)
        for label, points in series.items():
            print(f"  {label}: log-log slope {slope(points):.3f} wall, {slope(points, 3):.3f} CPU (1 = linear)")
        print(f"  chart: {png.relative_to(ROOT)}")
    info["loadavg_end"] = os.getloadavg()
    info["seconds"] = round(time.time() - started)
    print(f"\nload average at the end: {info['loadavg_end']}; {info['seconds']} s in all")
    saved = {
        "machine": info, "quick": args.quick, "agree": ok,
        "sets": {k: [{"label": t.label, "lang": t.lang, "task": t.task, **t.result} for t in v]
                 for k, v in results.items()},
        "targets": [{"text": t.text, "value": t.value, "limit": t.limit, "met": t.met, "unit": t.unit,
                     "higher_is_better": t.higher_is_better, "clock": t.clock} for t in found],
        "scaling": series,
    }
    name = "results-quick.json" if args.quick else "results.json"
    if args.only:
        name = name.replace(".json", f"-{args.only}.json")
    if args.shapes != ",".join(gen.VOTE_SHAPES):
        name = name.replace(".json", f"-{args.shapes.replace(',', '-')}.json")
    (HERE / name).write_text(json.dumps(saved, indent=1, default=str))
    if not args.quick and report.BENCHMARKS.exists():
        report.write(report.markdown(report.merged(report.default_files())))
        print(f"BENCHMARKS.md: tables rewritten from {', '.join(p.name for p in report.default_files())}")
    if not ok:
        print("SOME PEERS DISAGREE")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
