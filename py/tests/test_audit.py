"""Audit files from every kind of Python count: ballots, a compact profile, and the counts
that keep no ballots (merged shards), which say so with a code."""

import pytest

import huaide

ELECTION = {
    "id": "chair",
    "seats": 1,
    "method": "irv",
    "candidates": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
    "tie_break": {"seed": "s", "commitment": huaide.seed_commitment("s"), "public_value": "p"},
}
RANKINGS = [[0, 1], [1, 0], [2, 0], [2, 1]]


def test_profile_and_ballots_give_the_same_audit() -> None:
    ballots = [{"ranking": [ELECTION["candidates"][i]["id"] for i in r]} for r in RANKINGS]  # type: ignore[index]
    from_profile = huaide.tally_profile(ELECTION, RANKINGS).audit()
    from_ballots = huaide.tally(ELECTION, ballots).audit()
    assert from_profile["digests"] == from_ballots["digests"]
    assert huaide.verify(from_profile)["code"] == "verified"
    assert from_profile["seed"]["effective_seed"] == huaide.mix_seed("s", "p")


def test_a_merged_count_has_no_audit() -> None:
    ballots = [{"ranking": ["a", "b"]}, {"ranking": ["c"]}]
    partial = huaide.tally_partial(ELECTION, ballots)
    merged = huaide.merge_partials(ELECTION, [partial])
    with pytest.raises(huaide.HuaideError) as err:
        merged.audit()
    assert err.value.code == "audit_unavailable"


def test_a_seed_that_does_not_match_is_refused_before_any_count() -> None:
    election = dict(ELECTION, tie_break={"seed": "t", "commitment": huaide.seed_commitment("s")})
    with pytest.raises(huaide.HuaideError) as err:
        huaide.tally(election, [{"ranking": ["a"]}])
    assert err.value.code == "seed_mismatch"
