"""Runs the shared vectors in tests/vectors/*.json through the Python API."""

import base64
import json
from pathlib import Path
from typing import Any, Callable

import pytest

import huaide

VECTORS = Path(__file__).resolve().parents[2] / "tests" / "vectors"


def _allocate(d: dict[str, Any]) -> huaide.Allocation:
    return huaide.allocate(
        d["plan"], d["people"], d["applications"],
        seed=d["seed"], as_of=d["as_of"], mechanism=d.get("mechanism"),
        commitment=d.get("commitment"), public_value=d.get("public_value"),
    )


def _exhibition(d: dict[str, Any]) -> dict[str, Any]:
    return huaide.exhibition_elections(
        d["plan"], d["program"], d["entries"],
        visitors=d.get("visitors"), options=d.get("options"),
    )


def _rctab_report(d: dict[str, Any]) -> dict[str, Any]:
    result = huaide.tally(d["election"], d["ballots"])
    options = d.get("options", {})
    return {"json": result.rctab_report(**options), "csv": result.rctab_report_csv(**options)}
def _file(value: Any) -> tuple[bytes, str]:
    """A vector's table input (text, {name, text} or {name, base64}) as bytes and a name."""
    if isinstance(value, str):
        return value.encode("utf-8"), ""
    if "base64" in value:
        return base64.b64decode(value["base64"]), value["name"]
    return value["text"].encode("utf-8"), value["name"]


def _read_table(read: Callable[..., Any], d: dict[str, Any], **extra: Any) -> Any:
    data, name = _file(d["input"])
    return read(data, name=name or None, **extra, **d.get("options", {}))


def _call(function: str, data: dict[str, Any]) -> Any:
    """Calls the Python API named by a vector file; returns the wire-format result."""
    calls: dict[str, Callable[[dict[str, Any]], Any]] = {
        "tally": lambda d: huaide.tally(d["election"], d["ballots"]).to_dict(),
        "tally_profile": lambda d: huaide.tally_profile(
            d["election"], d["profile"]["rankings"], d["profile"].get("counts")
        ).to_dict(),
        "tally_partial": lambda d: huaide.tally_partial(d["election"], d["ballots"]),
        "merge_partials": lambda d: huaide.merge_partials(d["election"], d["partials"]).to_dict(),
        "tally_motion": lambda d: huaide.tally_motion(
            {k: v for k, v in d.items() if k != "lang"}, lang=d.get("lang")
        ).to_dict(),
        "explain_decision": lambda d: huaide.explain_decision(d["decision"], lang=d.get("lang")),
        "draw_order": lambda d: huaide.draw_order(d["seed"], d["ids"]),
        "plan_validate": lambda d: huaide.Plan(d["plan"]).validate(lang=d.get("lang")),
        "plan_occurrences": lambda d: huaide.Plan(d["plan"]).occurrences(
            d["from"], d["to"], program=d.get("program"), venue=d.get("venue")
        ),
        "plan_ics": lambda d: huaide.Plan(d["plan"]).to_ics(d["stamp"], program=d.get("program")),
        "plan_progress": lambda d: huaide.Plan(d["plan"]).progress(d["progress"]),
        "allocate": lambda d: _allocate(d).to_dict(),
        "enrol_events": lambda d: _allocate(d).replay(d.get("events", [])).to_dict(),
        "read_ballots": lambda d: huaide.read_ballots(
            d["input"], d["format"], **d.get("options", {})
        ),
        "write_ballots": lambda d: huaide.write_ballots(
            d["file"], d["format"], **d.get("options", {})
        ),
        "tally_file": lambda d: huaide.tally_file(
            d["input"], d["format"], d["election"], **d.get("options", {})
        ).to_dict(),
        "rctab_report": _rctab_report,
        "seed_commitment": lambda d: huaide.seed_commitment(d["seed"]),
        "mix_seed": lambda d: huaide.mix_seed(d["seed"], d["public_value"]),
        "audit_tally": lambda d: huaide.tally(d["election"], d["ballots"]).audit(),
        "audit_allocation": lambda d: _allocate(d).audit(redact=d.get("redact", False)),
        "verify": lambda d: huaide.verify(d["audit"], d.get("inputs")),
        "rctab_report_options": lambda d: huaide.rctab_report_options(d["config"]),
        "read_people": lambda d: _read_table(huaide.read_people, d),
        "read_applications": lambda d: _read_table(huaide.read_applications, d, plan=d.get("plan")),
        "write_table": lambda d: huaide.write_table(
            d["kind"], d["document"], d.get("format", "xlsx"), sheet=d.get("sheet")
        ).decode("utf-8"),
        "exhibition_elections": _exhibition,
        "tally_exhibition": lambda d: huaide.tally_exhibition(_exhibition(d), d["ballots"]),
    }
    return calls[function](data)


def _cases() -> list[Any]:
    params = []
    for path in sorted(VECTORS.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        for case in doc["cases"]:
            params.append(
                pytest.param(doc["function"], case, id=f"{path.stem}:{case['name']}")
            )
    return params


@pytest.mark.parametrize(("function", "case"), _cases())
def test_vector(function: str, case: dict[str, Any]) -> None:
    expect = case["expect"]
    if "error" in expect:
        with pytest.raises(huaide.HuaideError) as raised:
            _call(function, case["input"])
        assert raised.value.code == expect["error"]
    else:
        assert _call(function, case["input"]) == expect["ok"]


def test_vectors_exist() -> None:
    assert len(_cases()) >= 30
