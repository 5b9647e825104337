"""The Python Plan surface: loading, iteration, dates as objects, exports."""

import datetime
import json
from pathlib import Path

import pytest

import huaide

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SEED_PLAN = EXAMPLES / "huaideyuan" / "plan.toml"


def test_load_iterate_and_round_trip() -> None:
    plan = huaide.Plan.load(SEED_PLAN)
    programs = list(plan)
    assert len(programs) == len(plan) == len(plan.programs) > 10
    assert all(isinstance(p, huaide.Program) for p in programs)
    assert {"exhibition", "counselling", "class"} <= {p.kind for p in programs}
    again = huaide.Plan.from_json(plan.to_json())
    assert again.to_dict() == plan.to_dict()
    assert huaide.Plan(plan.to_dict()).to_toml() == plan.to_toml()
    assert huaide.Plan.from_toml(SEED_PLAN.read_text(encoding="utf-8")).to_dict() == plan.to_dict()


def test_seed_plan_validates_without_errors() -> None:
    report = huaide.Plan.load(SEED_PLAN).validate()
    assert report["ok"], report["findings"]
    assert report["errors"] == 0


def test_dates_as_objects_or_strings() -> None:
    plan = huaide.Plan.load(SEED_PLAN)
    by_object = plan.occurrences(datetime.date(2006, 7, 1), datetime.date(2006, 7, 31))
    by_text = plan.occurrences("2006-07-01", "2006-07-31")
    assert by_object == by_text and by_object
    assert [o["start"] for o in by_object] == sorted(o["start"] for o in by_object)
    stamp = datetime.datetime(2006, 3, 1, tzinfo=datetime.timezone.utc)
    ics = plan.to_ics(stamp)
    assert ics.startswith("BEGIN:VCALENDAR\r\n") and "DTSTAMP:20060301T000000Z" in ics


def test_bad_query_raises_with_code() -> None:
    plan = huaide.Plan.load(SEED_PLAN)
    with pytest.raises(huaide.DocumentError) as raised:
        plan.occurrences("2006-13-01", "2006-12-31")
    assert raised.value.code == "invalid_document"
    assert raised.value.path == "from"


def test_malformed_plan_names_the_field() -> None:
    doc = huaide.Plan.load(SEED_PLAN).to_dict()
    doc["programs"][2]["capacity"] = "many"
    with pytest.raises(huaide.HuaideError) as raised:
        huaide.Plan(doc)
    assert raised.value.code == "invalid_document"
    assert raised.value.path == "programs[2].capacity"


def test_json_schema_is_json() -> None:
    schema = json.loads(huaide.plan_json_schema())
    assert schema["title"] == "Plan"
