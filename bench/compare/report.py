"""Markdown tables from a results file of bench/compare/run.py (what BENCHMARKS.md shows).

    python bench/compare/report.py [bench/compare/results.json]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def ms(s: float) -> str:
    v = s * 1e3
    return f"{v:,.2f}" if v < 100 else f"{v:,.0f}"


def table(name: str, rows: list[dict], base_label: str) -> str:
    base = next(r for r in rows if r["label"] == base_label)["seconds"]
    out = [f"**{name}** (÷ base: time over *{base_label}*)", "",
           "| task | ms | ÷ base | peak RSS (MB) | Δ in call (MB) |", "|---|---:|---:|---:|---:|"]
    for r in rows:
        note = ""
        if "build_seconds" in r:
            note = f" (of which build {ms(r['build_seconds'])} ms)"
        if "to_dict_seconds" in r:
            note = f"; `to_dict()` {ms(r['to_dict_seconds'])} ms"
        delta = max(0, r["rss_peak_kb"] - r["rss_before_kb"]) / 1024
        out.append(f"| {r['label']}{note} | {ms(r['seconds'])} | {r['seconds'] / base:.2f}× |"
                   f" {r['wait4_rss_kb'] / 1024:.0f} | {delta:.0f} |")
    return "\n".join(out)


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "results.json"
    data = json.loads(path.read_text())
    for key, rows in data["sets"].items():
        base = ("Python allocate (dicts in, Allocation out)" if key.startswith("match")
                else "Python tally (dicts, one per voter)")
        print(table(key, rows, base))
        print()
    print("| target | limit | measured | |\n|---|---:|---:|---|")
    for t in data["targets"]:
        unit = t.get("unit", " ms" if ("to_dict" in t["text"] or "−" in t["text"]) else "x")
        unit = "×" if unit == "x" else unit
        op = "≥" if t.get("higher_is_better", " vs " in t["text"]) else "≤"
        v = f"{t['value']:.2f}" if t["value"] < 10 else f"{t['value']:.0f}"
        print(f"| {t['text']} | {op} {t['limit']:g}{unit} | {v}{unit} | {'met' if t['met'] else '**missed**'} |")
    if data.get("scaling"):
        print()
        print("| series | size | ms | ns per item | peak RSS (MB) |\n|---|---:|---:|---:|---:|")
        for label, points in data["scaling"].items():
            for n, s, rss in points:
                print(f"| {label} | {n:,} | {ms(s)} | {s / n * 1e9:,.0f} | {rss / 1024:,.0f} |")
    m = data["machine"]
    print(f"\nload average: start {tuple(round(x, 2) for x in m['loadavg_start'])},"
          f" end {tuple(round(x, 2) for x in m['loadavg_end'])}; {m['seconds']} s")


if __name__ == "__main__":
    main()
