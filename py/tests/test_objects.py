"""Result and document objects: a useful repr, equality by value, pickling through the wire
form, and ``from_dict(to_dict())`` giving the same object back."""

from __future__ import annotations

import copy
import pickle
from pathlib import Path
from typing import Any

import pytest

import huaide

PLAN = Path(__file__).resolve().parents[2] / "examples" / "huaideyuan" / "plan.toml"
ELECTION: dict[str, Any] = {"id": "chair", "method": "irv", "seats": 1, "candidates": ["ann", "bo", "cy"]}
BALLOTS = [["ann", "bo"], ["bo"], ["cy", "bo"], ["ann"], ["bo", "ann"]]
MOTION: dict[str, Any] = {"members": 15, "present": 12, "yes": 8, "no": 3, "abstain": 1,
                          "quorum": {"present_at_least": {"fraction": [1, 2]}}, "threshold": "simple"}


def objects() -> list[Any]:
    plan = huaide.Plan.load(PLAN)
    return [huaide.tally(ELECTION, BALLOTS), huaide.tally_motion(MOTION), plan, plan.programs[0]]


@pytest.mark.parametrize("index", range(4))
def test_pickle_and_copy_give_an_equal_object(index: int) -> None:
    obj = objects()[index]
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        again = pickle.loads(pickle.dumps(obj, protocol=protocol))
        assert type(again) is type(obj)
        assert again == obj and again.to_dict() == obj.to_dict()
    assert copy.deepcopy(obj) == obj and copy.copy(obj) == obj


def test_equality_is_by_value() -> None:
    first, second = huaide.tally(ELECTION, BALLOTS), huaide.tally(ELECTION, BALLOTS)
    assert first == second and first is not second
    other = huaide.tally(ELECTION, BALLOTS[:-1])
    assert first != other
    assert first != first.to_dict() and first != 1  # another type is not equal
    assert huaide.tally_motion(MOTION) != huaide.tally_motion({**MOTION, "yes": 5, "no": 6})
    plan = huaide.Plan.load(PLAN)
    assert plan == huaide.Plan(plan.to_dict())
    assert plan.programs[0] == huaide.Program.from_dict(plan.programs[0].to_dict())
    assert plan.programs[0] != plan.programs[1]


def test_from_dict_round_trips_and_checks_its_input() -> None:
    result = huaide.tally(ELECTION, BALLOTS)
    assert huaide.TallyResult.from_dict(result.to_dict()) == result
    motion = huaide.tally_motion(MOTION)
    assert huaide.MotionResult.from_dict(motion.to_dict()) == motion
    with pytest.raises(huaide.DocumentError) as err:
        huaide.TallyResult.from_dict({**result.to_dict(), "seats": "one"})
    assert err.value.path == "seats"


def test_reprs_name_the_essentials() -> None:
    result, motion, plan, program = objects()
    assert repr(result) == (
        f'TallyResult(election="chair", method="irv", seats=1, winners={result.winners!r}, '
        "complete=True)".replace("'", '"')
    )
    assert repr(motion) == "MotionResult(passed=True, quorum_met=True, cast=11, required=6)"
    assert repr(plan) == f'Plan(id="huaideyuan-2006", programs={len(plan)})'
    assert repr(program).startswith(f'Program(id="{program.id}", kind="{program.kind}"')


def test_every_public_item_has_a_docstring() -> None:
    import huaide.cli
    import huaide.plot

    missing = []
    for name in huaide.__all__:
        item = getattr(huaide, name)
        if callable(item) and not (item.__doc__ or "").strip():
            missing.append(name)
        if isinstance(item, type) and not issubclass(item, BaseException):
            for attr, member in vars(item).items():
                if attr.startswith("_") or not callable(getattr(member, "__get__", None)):
                    continue
                if not (getattr(member, "__doc__", None) or "").strip():
                    missing.append(f"{name}.{attr}")
    for module in (huaide.plot, huaide.cli):
        for name in module.__all__:
            if not (getattr(module, name).__doc__ or "").strip():
                missing.append(f"{module.__name__}.{name}")
    assert not missing, missing


def test_an_allocation_compares_by_outcome_and_pickles_by_its_inputs() -> None:
    """An Allocation pickles to its inputs and unpickles by allocating again: the same
    outcome, confidential programs' reports included."""
    root = PLAN.parent
    plan = huaide.Plan.load(PLAN)
    people = huaide.read_people(root / "people.csv")["people"]
    apps = huaide.read_applications(root / "applications.xlsx", plan=plan)["applications"]
    allocation = huaide.allocate(plan, people, apps, seed="s", as_of="2006-03-06")
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        again = pickle.loads(pickle.dumps(allocation, protocol=protocol))
        assert type(again) is huaide.Allocation and again == allocation
        assert again.to_dict() == allocation.to_dict()
        assert again.for_program("counselling_room") == allocation.for_program("counselling_room")
    assert copy.deepcopy(allocation) == allocation
    assert allocation == huaide.allocate(plan, people[::-1], apps[::-1], seed="s", as_of="2006-03-06")
    assert allocation != huaide.allocate(plan, people, apps, seed="t", as_of="2006-03-06")
    assert allocation != allocation.to_dict() and allocation != 1
