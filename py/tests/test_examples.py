"""The Python examples in examples/python run as documented (small sizes, so CI runs them)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "python"


def test_merge_multiprocessing_equals_a_single_count() -> None:
    # Run as a script, as a user would: the example asserts merged == single for every method.
    script = EXAMPLES / "merge_multiprocessing.py"
    args = ["--ballots", "3000", "--shards", "4", "--processes", "2"]
    done = subprocess.run(
        [sys.executable, str(script), *args], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 8  # one line per election of the example, IRV and STV included
    assert all("4 shards merged = one count" in line for line in lines)


ROOT = EXAMPLES.parents[1]
SEED = ROOT / "examples" / "huaideyuan"


def run_example(name: str, *args: object) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "MPLBACKEND": "Agg"}
    return subprocess.run(
        [sys.executable, str(EXAMPLES / name), *map(str, args)],
        capture_output=True, text=True, encoding="utf-8", timeout=300, env=env,
    )


def test_enrolment_from_spreadsheet(tmp_path: Path) -> None:
    import huaide

    out = tmp_path / "enrolment.xlsx"
    done = run_example("enrolment_from_spreadsheet.py", "--out", out)
    assert done.returncode == 0, done.stderr
    plan = huaide.Plan.load(SEED / "plan.toml")
    people = huaide.read_people(SEED / "people.csv")["people"]
    applications = huaide.read_applications(SEED / "applications.xlsx", plan=plan)["applications"]
    allocation = huaide.allocate(
        plan, people, applications,
        seed="懷德苑 2006 enrolment draw, council meeting of 2006-03-06", as_of="2006-03-06",
    )
    assert out.read_bytes() == allocation.to_xlsx()
    for program, outcome in allocation.programs.items():
        assert f"{program} " in done.stdout
        assert f"{len(outcome['enrolled'])} enrolled of {outcome['applicants']} applicants" in done.stdout


def test_publish_timetable_ics(tmp_path: Path) -> None:
    import huaide

    out = tmp_path / "plan.ics"
    done = run_example("publish_timetable_ics.py", "--out", out, "--program", "chorus")
    assert done.returncode == 0, done.stderr
    expected = huaide.Plan.load(SEED / "plan.toml").to_ics("2006-03-01T00:00:00+08:00", program="chorus")
    assert out.read_bytes().decode("utf-8") == expected
    assert f"{expected.count('BEGIN:VEVENT')} events" in done.stdout


def test_exhibition_vote_from_form() -> None:
    done = run_example("exhibition_vote_from_form.py")
    assert done.returncode == 0, done.stderr
    # The plan's rules refuse three entries; the visitor not on the roll is rejected everywhere.
    for refused in ("cp-07: after_deadline", "ph-04: over_entry_limit", "ns-01: unknown_category"):
        assert refused in done.stdout
    assert done.stdout.count("(r077): not_on_roll") == 3
    winners = [line for line in done.stdout.splitlines() if ": winners " in line]
    assert [line.split(":")[0] for line in winners] == ["calligraphy_painting", "velvet_paste", "photography"]
    assert "ph-04" not in winners[2] and "cp-07" not in winners[0]


def test_reproduce_official_count(tmp_path: Path) -> None:
    data = ROOT.parent / "shared" / "oracles" / "burlington-2009"
    if not data.is_dir():
        pytest.skip(f"oracle data not found at {data}")
    chart = tmp_path / "burlington.png"
    done = run_example("reproduce_official_count.py", "--data", data, "--chart", chart)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "every round matches the published count" in done.stdout
    assert "winner: Bob Kiss" in done.stdout
    assert chart.stat().st_size > 10_000
    assert run_example("reproduce_official_count.py", "--data", tmp_path).returncode == 2
