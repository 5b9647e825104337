"""``huaide/wire.py`` is generated from ``schema/wire.schema.json`` (``py/scripts/wire_types.py``)."""

import importlib.util
import json
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "wire_types.py"


def test_wire_py_is_generated_from_the_schema_bundle() -> None:
    spec = importlib.util.spec_from_file_location("wire_types", SCRIPT)
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    committed = script.OUTPUT.read_text(encoding="utf-8")
    assert committed == script.wire_types(), "stale: run python py/scripts/wire_types.py"


def test_wire_names_every_type_of_the_bundle() -> None:
    from huaide import wire

    bundle = json.loads((SCRIPT.parents[2] / "schema" / "wire.schema.json").read_text())
    missing = [name for name in bundle["$defs"] if not hasattr(wire, name)]
    assert missing == []
