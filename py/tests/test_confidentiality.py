"""Confidentiality on every Python output: the result objects and their dicts, the workbook
and CSV writers, the audit file, the enrolment state, and the command line's text and
files. Nothing shared names a confidential program or anyone who applied only to one,
nothing shared depends on who applied to one, and no output carries a resident's name.
The data is ``tests/fixtures/confidential/`` (the Rust and JS tests use it too)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import huaide

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "fixtures" / "confidential"
SECRETS = json.loads((DATA / "secrets.json").read_text(encoding="utf-8"))
HIDDEN = SECRETS["confidential_programs"] + SECRETS["confidential_only_people"] + SECRETS["names"]


def assert_hidden(text: str, what: str, hidden: list[str] = HIDDEN) -> None:
    found = [s for s in hidden if s in text]
    assert not found, f"{what} shows {found}:\n{text[:2000]}"


def dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


@pytest.fixture(scope="module")
def data() -> dict[str, Any]:
    plan = huaide.Plan.from_toml((DATA / "plan.toml").read_text(encoding="utf-8"))
    people = huaide.read_people(DATA / "people.csv")
    applications = huaide.read_applications(DATA / "applications.csv", plan=plan)
    assert people["ok"] and applications["ok"]
    assert_hidden(dump(people), "the people table", SECRETS["names"])
    assert_hidden(dump(applications), "the applications table", SECRETS["names"])
    events = json.loads((DATA / "events.json").read_text(encoding="utf-8"))
    return {"plan": plan, "people": people["people"], "applications": applications["applications"],
            "events": events}


def allocate(data: dict[str, Any], applications: list[Any] | None = None) -> huaide.Allocation:
    return huaide.allocate(data["plan"], data["people"], applications or data["applications"],
                           seed=SECRETS["seed"], as_of=SECRETS["as_of"])


def without_confidential(data: dict[str, Any]) -> list[Any]:
    out = []
    for a in data["applications"]:
        choices = [c for c in a["choices"] if c not in SECRETS["confidential_programs"]]
        if choices:
            out.append({**a, "choices": choices})
    return out


def test_the_data_has_something_to_hide(data: dict[str, Any]) -> None:
    allocation = allocate(data)
    room = dump(allocation.for_program("counselling_room"))
    assert "quietone" in room
    assert "quietone" in dump(allocation.replay(data["events"]).for_program("counselling_room"))


def test_result_objects_and_dicts(data: dict[str, Any]) -> None:
    allocation = allocate(data)
    for what, value in [("to_dict()", allocation.to_dict()), ("draw", allocation.draw),
                        ("assignments", allocation.assignments), ("programs", allocation.programs),
                        ("decisions", allocation.decisions), ("repr", repr(allocation))]:
        assert_hidden(dump(value), what)
    for program in ("pottery", "chorus"):
        assert_hidden(dump(allocation.for_program(program)), f"for_program({program!r})")
    # The published draw is exactly the lottery over the applicants to shared programs.
    assert allocation.draw == huaide.draw_order(SECRETS["seed"], allocation.draw)


def test_shared_results_do_not_depend_on_confidential_data(data: dict[str, Any]) -> None:
    stripped = without_confidential(data)
    assert allocate(data).to_dict() == allocate(data, stripped).to_dict()
    shared_events = [e for e in data["events"] if e.get("program") not in SECRETS["confidential_programs"]]
    assert len(shared_events) < len(data["events"])
    with_all = allocate(data).replay(data["events"]).to_dict()
    assert with_all == allocate(data, stripped).replay(shared_events).to_dict()
    assert_hidden(dump(with_all), "the enrolment state")
    state = allocate(data).replay(data["events"])
    for program in ("pottery", "chorus"):
        assert_hidden(dump(state.for_program(program)), f"state.for_program({program!r})")


def test_workbook_csv_and_audit(data: dict[str, Any]) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    allocation = allocate(data)
    xlsx = allocation.to_xlsx()
    assert xlsx is not None
    book = openpyxl.load_workbook(io.BytesIO(xlsx))
    cells = [str(c.value) for ws in book for row in ws.iter_rows() for c in row if c.value is not None]
    assert "pottery" in cells
    assert_hidden("\n".join(book.sheetnames + cells), "the workbook")
    for sheet in book.sheetnames:
        csv = allocation.to_csv(sheet=sheet)
        assert csv is not None
        assert_hidden(csv.decode("utf-8-sig"), f"the CSV of {sheet}")
    audit = allocation.audit()
    assert sorted(audit["inputs"]) == ["options", "plan"]
    # The plan in it is public (its programs' titles with it); no person of theirs is.
    assert_hidden(dump(audit), "the audit file", SECRETS["confidential_only_people"] + SECRETS["names"])


def test_errors_name_only_their_own_row(data: dict[str, Any]) -> None:
    ids = [p["id"] for p in data["people"]]
    roll = (DATA / "people.csv").read_text(encoding="utf-8").replace("1975-09-30", "1975-13-45")
    read = huaide.read_people(roll.encode(), name="people.csv")
    assert len(read["findings"]) == 1, read["findings"]
    others = [i for i in ids if i != "quiettwo"] + SECRETS["names"]
    assert_hidden(dump(read["findings"]), "a finding", others)
    with pytest.raises(huaide.HuaideError) as raised:
        huaide.allocate(data["plan"], data["people"],
                        data["applications"] + [{"person": "r03", "choices": ["chorus"]}],
                        seed="s", as_of="2006-03-01")
    assert raised.value.code == "duplicate_application"
    assert_hidden(f"{raised.value} {raised.value.path}", "an error", [i for i in ids if i != "r03"])


def huaide_cli(*args: object, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "MPLBACKEND": "Agg"}
    return subprocess.run([sys.executable, "-m", "huaide", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, encoding="utf-8", check=False)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_command_line_shows_nothing_confidential(tmp_path: Path, lang: str) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    files = [DATA / "plan.toml", DATA / "people.csv", DATA / "applications.csv"]
    common = ["--seed", SECRETS["seed"], "--as-of", SECRETS["as_of"], "--lang", lang]
    run = huaide_cli("allocate", *files, *common, "-o", tmp_path / "out.xlsx", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "pottery" in run.stdout
    assert_hidden(run.stdout + run.stderr, "the allocate text")
    book = openpyxl.load_workbook(tmp_path / "out.xlsx")
    assert_hidden(dump([[c.value for row in ws.iter_rows() for c in row] for ws in book]),
                  "the allocate workbook")
    run = huaide_cli("allocate", *files, *common, "-o", tmp_path / "out.csv", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert_hidden((tmp_path / "out.csv").read_text(encoding="utf-8-sig"), "the allocate CSV")
    run = huaide_cli("--json", "allocate", *files, *common, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert_hidden(run.stdout + run.stderr, "allocate --json")
    # The plan's own commands carry no people at all.
    people = [p for p in SECRETS["confidential_only_people"] if not p.startswith("h")] + SECRETS["names"]
    run = huaide_cli("plan", "timetable", DATA / "plan.toml", "--from", "2006-03-01", "--to",
                     "2006-03-31", "--lang", lang, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert_hidden(run.stdout, "the timetable", people)
    run = huaide_cli("plan", "ics", DATA / "plan.toml", "-o", tmp_path / "plan.ics", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert_hidden((tmp_path / "plan.ics").read_text(encoding="utf-8"), "the .ics file", people)


def test_the_command_line_reports_a_bad_row_without_other_rows(tmp_path: Path) -> None:
    roll = (DATA / "people.csv").read_text(encoding="utf-8").replace("1975-09-30", "1975-13-45")
    (tmp_path / "people.csv").write_text(roll, encoding="utf-8")
    run = huaide_cli("allocate", DATA / "plan.toml", tmp_path / "people.csv",
                     DATA / "applications.csv", "--seed", "s", "--as-of", "2006-03-01", cwd=tmp_path)
    assert run.returncode != 0
    text = run.stdout + run.stderr
    assert "1975-13-45" in text
    others = ["r01", "r02", "r03", "r04", "r05", "quietone", "bothways", *SECRETS["names"]]
    assert_hidden(text, "the findings", others)
