"""The Python enrolment surface: confidentiality, Plan objects, dates, replay."""

import datetime
import json
from pathlib import Path
from typing import Any

import pytest

import huaide

VECTORS = Path(__file__).resolve().parents[2] / "tests" / "vectors"


def _case(name_prefix: str) -> dict[str, Any]:
    doc = json.loads((VECTORS / "enrol_allocate.json").read_text(encoding="utf-8"))
    case: dict[str, Any] = next(c for c in doc["cases"] if c["name"].startswith(name_prefix))
    return case["input"]


def test_confidential_programs_only_on_request() -> None:
    d = _case("confidential")
    allocation = huaide.allocate(
        huaide.Plan(d["plan"]), d["people"], d["applications"],
        seed=d["seed"], as_of=datetime.date.fromisoformat(d["as_of"]),
    )
    shared = json.dumps(allocation.to_dict())
    assert "counselling" not in shared and "quiet" not in shared
    assert "counselling" not in allocation.programs
    report = allocation.for_program("counselling")
    assert report["program"] == "counselling"
    assert len(report["enrolled"]) == 1
    with pytest.raises(huaide.EnrolError) as raised:
        allocation.for_program("no-such-program")
    assert raised.value.code == "unknown_program"


def test_state_moves_only_by_events() -> None:
    d = _case("deferred acceptance")
    allocation = huaide.allocate(d["plan"], d["people"], d["applications"],
                                 seed=d["seed"], as_of=d["as_of"])
    state = allocation.replay()
    assert state.to_dict() == allocation.replay([]).to_dict()
    with pytest.raises(huaide.EnrolError) as raised:
        state.apply({"type": "accept", "at": "2006-03-02T10:00:00+08:00",
                     "person": d["people"][0]["id"], "program": d["plan"]["programs"][0]["id"]})
    assert raised.value.code in {"invalid_event", "unknown_person", "unknown_program"}


def test_bad_options_raise_with_codes() -> None:
    d = _case("deferred acceptance")
    with pytest.raises(huaide.DocumentError) as raised:
        huaide.allocate(d["plan"], d["people"], d["applications"],
                        seed="s", as_of="2006-02-30")
    assert raised.value.path == "as_of"
    with pytest.raises(huaide.DocumentError) as raised:
        huaide.allocate(d["plan"], d["people"], d["applications"],
                        seed="s", as_of="2006-03-01", mechanism="lottery_of_babylon")
    assert raised.value.path == "mechanism"


def test_conditions_on_a_confidential_program_are_refused() -> None:
    d = _case("conditions on a confidential program")
    with pytest.raises(huaide.EnrolError) as raised:
        huaide.allocate(d["plan"], d["people"], d["applications"], seed=d["seed"], as_of=d["as_of"])
    assert raised.value.code == "condition_on_confidential"
    assert raised.value.path == "plan.programs[1].conditions[0].any[1].demand_at_least.program"
    findings = huaide.Plan(d["plan"]).validate()["findings"]
    assert [f["code"] for f in findings if f["severity"] == "error"] == ["condition_on_confidential"]


def test_held_back_members_of_a_confidential_program_only_on_request() -> None:
    doc = json.loads((VECTORS / "enrol_events_household.json").read_text(encoding="utf-8"))
    d = doc["cases"][0]["input"]
    d["plan"]["programs"][0]["confidential"] = True
    allocation = huaide.allocate(d["plan"], d["people"], d["applications"],
                                 seed=d["seed"], as_of=d["as_of"])
    state = allocation.replay()
    assert "pottery" not in json.dumps(state.to_dict())
    report = state.for_program("pottery")
    assert report["waitlist"] == ["a2", "c"]
    assert report["held_back"] == ["a2"]
    state.apply({"type": "withdraw", "at": "2006-03-02T10:00:00+08:00",
                 "person": "a1", "program": "pottery"})
    report = state.for_program("pottery")
    assert [o["people"] for o in report["offers"]] == [["a2"]]
    assert "held_back" not in report
