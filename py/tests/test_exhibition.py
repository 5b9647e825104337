"""Exhibitions from Python: Plan objects or dicts, defaults, findings, errors with code and path."""

from pathlib import Path
from typing import Any

import pytest

import huaide

SEED_PLAN = Path(__file__).resolve().parents[2] / "examples" / "huaideyuan" / "plan.toml"


def _entry(id: str, person: str, category: str, **extra: Any) -> dict[str, Any]:
    return {"id": id, "person": person, "category": category, "title": id.upper(), **extra}


ENTRIES = [
    _entry("ph-1", "r1", "photography"),
    _entry("ph-2", "r2", "photography", submitted_on="2006-09-09"),
    _entry("vp-1", "r1", "velvet_paste"),
]


def test_seed_plan_object_builds_and_counts() -> None:
    plan = huaide.Plan.load(SEED_PLAN)
    built = huaide.exhibition_elections(plan, "art_exhibition", ENTRIES, visitors=["r3", "r4"])
    assert [e["category"] for e in built["elections"]] == ["velvet_paste", "photography"]
    assert built["roll"] == ["r3", "r4"]
    assert [(f["code"], f["category"]) for f in built["findings"]] == [
        ("no_entries", "calligraphy_painting")
    ]
    photo = built["elections"][1]["election"]
    assert photo["method"] == "approval" and photo["seats"] == 1
    result = huaide.tally_exhibition(built, {
        "photography": [{"voter": "r3", "approve": ["ph-2"]}, {"voter": "r9", "approve": ["ph-1"]}],
        "velvet_paste": [{"voter": "r3", "approve": ["vp-1"]}],
    })
    assert result["voters"] == 1
    photo_result = result["categories"][1]["result"]
    assert photo_result["winners"] == ["ph-2"]
    assert [r["code"] for r in photo_result["rejected"]] == ["not_on_roll"]


def test_errors_carry_code_path_and_family() -> None:
    plan = huaide.Plan.load(SEED_PLAN)
    with pytest.raises(huaide.PlanError) as raised:
        huaide.exhibition_elections(plan, "pottery", ENTRIES)
    assert (raised.value.code, raised.value.path) == ("not_an_exhibition", "program")
    with pytest.raises(huaide.TallyError) as raised:
        huaide.exhibition_elections(plan, "art_exhibition", [*ENTRIES, ENTRIES[0]])
    assert (raised.value.code, raised.value.path) == ("duplicate_entry", "entries[3].id")
    with pytest.raises(huaide.DocumentError) as raised:
        huaide.exhibition_elections(plan, "art_exhibition", ENTRIES, options={"seats": "two"})
    assert (raised.value.code, raised.value.path) == ("invalid_document", "options.seats")
    built = huaide.exhibition_elections(plan, "art_exhibition", ENTRIES)
    with pytest.raises(huaide.TallyError) as raised:
        huaide.tally_exhibition(built, {"photography": [{"approve": ["ph-1"], "count": 0}]})
    assert (raised.value.code, raised.value.path) == ("invalid_count", "ballots.photography[0].count")
