"""Runs the script that ``test.sh`` type-checks against ``huaide.wire`` (``typed_usage.py``)."""

import typed_usage


def test_the_typed_script_runs_and_gets_what_its_types_say() -> None:
    enrolled, waiting = typed_usage.pottery()
    assert len(enrolled) == 1 and len(waiting) == 1
    assert sorted(enrolled + waiting) == ["p1", "p2"]
    assert typed_usage.winners() == ["li"]
    assert typed_usage.rctab_first_round() == {"li": "1", "wang": "1"}
    assert typed_usage.verified() == (True, [])
