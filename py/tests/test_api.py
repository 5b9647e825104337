"""The Python surface beyond the shared vectors: result objects, exceptions, typing."""

import pytest

import huaide

ELECTION = {"id": "photo", "method": "plurality", "seats": 1, "candidates": ["a", "b"]}


def test_result_attributes_match_to_dict() -> None:
    result = huaide.tally(ELECTION, [{"ranking": ["a"]}, {"ranking": ["a"]}, {"ranking": ["b"]}])
    as_dict = result.to_dict()
    for name in ["election", "method", "seats", "winners", "ranking", "counts", "ballots",
                 "rejected", "ties", "complete"]:
        assert getattr(result, name) == as_dict[name], name
    assert result.winners == ["a"]
    assert "TallyResult" in repr(result)


def test_exception_hierarchy_and_attributes() -> None:
    with pytest.raises(huaide.TallyError) as raised:
        huaide.tally({**ELECTION, "candidates": ["a", "a"]}, [])
    err = raised.value
    assert isinstance(err, huaide.HuaideError)
    assert isinstance(err, ValueError)
    assert err.code == "duplicate_candidate"
    assert err.path == "election.candidates[1]"


def test_document_errors_name_the_field() -> None:
    with pytest.raises(huaide.DocumentError) as raised:
        huaide.tally(ELECTION, [{"ranking": ["a"]}, {"ranking": ["a"], "count": "two"}])
    assert raised.value.code == "invalid_document"
    assert raised.value.path == "ballots[1].count"


def test_motion_result() -> None:
    motion = {"members": 15, "present": 12, "yes": 8, "no": 3, "abstain": 1,
              "quorum": {"present_at_least": {"fraction": [1, 2]}}, "threshold": "simple"}
    result = huaide.tally_motion(motion)
    assert result.passed and result.quorum_met and result.required == 6
    assert "not counted as votes cast" in result.explanation
    assert result.to_dict()["passed"] is True
    with pytest.raises(huaide.MotionError) as raised:
        huaide.tally_motion({**motion, "present": 16})
    assert raised.value.code == "present_exceeds_members"


def test_accepts_any_mapping_and_sequence() -> None:
    ballots = ({"ranking": ("a",)}, {"ranking": ["b"]}, {"ranking": ["b"]})
    assert huaide.tally(ELECTION, ballots).winners == ["b"]


def test_tally_profile_reads_lists_tuples_iterables_and_ids() -> None:
    election = {"id": "p", "method": "irv", "seats": 1, "candidates": ["a", "b", "c"]}
    expected = huaide.tally_profile(election, [[0, 1], [1], [2, 0]], [3, 2, 2]).to_dict()
    same = [
        huaide.tally_profile(election, [(0, 1), (1,), (2, 0)], [3, 2, 2]),
        huaide.tally_profile(election, [["a", "b"], ["b"], ["c", "a"]], [3, 2, 2]),
        huaide.tally_profile(election, ([0, "b"], range(1, 2), iter([2, 0])), (3, 2, 2)),
    ]
    for result in same:
        assert result.to_dict() == expected
    with pytest.raises(huaide.TallyError) as unknown:
        huaide.tally_profile(election, [["a", "z"]])
    assert unknown.value.code == "invalid_option"
    with pytest.raises(TypeError):
        huaide.tally_profile(election, [[0, 1.5]])
    with pytest.raises(TypeError):
        huaide.tally_profile(election, [[-1]])
