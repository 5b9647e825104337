"""The ways ballots and profiles cross into the core: lists of dicts, any iterable (streamed),
rankings as lists or tuples of ids or indices, and integer arrays through the buffer
protocol, all giving the result of the equivalent wire ballots; errors keep their exact
code and path; the count runs without the GIL."""

import array
import sys
import threading

import pytest

import huaide

IDS = ["ann", "bo", "cy", "di"]
ELECTION = {"id": "chair", "method": "irv", "seats": 1, "candidates": IDS,
            "tie_break": {"seed": "public draw"}}
RANKINGS = [[0, 1, 2], [1, 0], [2, 3, 1, 0], [3], [1, 2], [0, 2], [2, 1], [1], [0, 3, 2]]


def as_dicts(rankings):
    return [{"ranking": [IDS[c] for c in r]} for r in rankings]


def expected(rankings=RANKINGS):
    return huaide.tally(ELECTION, as_dicts(rankings)).to_dict()


def test_a_generator_of_dicts_is_streamed():
    gen = ({"ranking": [IDS[c] for c in r]} for r in RANKINGS)
    assert huaide.tally(ELECTION, gen).to_dict() == expected()


def test_rankings_as_lists_or_tuples_of_ids_or_indices():
    assert huaide.tally(ELECTION, [list(r) for r in RANKINGS]).to_dict() == expected()
    assert huaide.tally(ELECTION, tuple(tuple(r) for r in RANKINGS)).to_dict() == expected()
    mixed = [[IDS[c] if i % 2 else c for i, c in enumerate(r)] for r in RANKINGS]
    assert huaide.tally(ELECTION, mixed).to_dict() == expected()


def test_a_shared_rank_in_a_list_ranking():
    dicts = huaide.tally(ELECTION, [{"ranking": [["ann", "bo"], "cy"]}]).to_dict()
    assert huaide.tally(ELECTION, [[[0, "bo"], 2]]).to_dict() == dicts


def test_an_index_out_of_range_is_an_unknown_candidate():
    result = huaide.tally(ELECTION, [[0, 9], [1]])
    assert [r["code"] for r in result.rejected] == ["unknown_candidate"]


def test_tally_partial_reads_the_same_inputs():
    want = huaide.tally_partial(ELECTION, as_dicts(RANKINGS))
    assert huaide.tally_partial(ELECTION, iter([list(r) for r in RANKINGS])) == want


def test_errors_keep_their_code_and_path_in_a_stream():
    def ballots():
        yield from as_dicts(RANKINGS[:7])
        yield {"ranking": ["ann", "bo", 3]}  # an int in a ballot dict: not the wire format

    with pytest.raises(huaide.DocumentError) as raised:
        huaide.tally(ELECTION, ballots())
    assert (raised.value.code, raised.value.path) == ("invalid_document", "ballots[7].ranking[2]")
    with pytest.raises(huaide.DocumentError) as raised:
        huaide.tally(ELECTION, [{"ranking": ["ann"], "cuont": 2}])
    assert (raised.value.code, raised.value.path) == ("invalid_document", "ballots[0].cuont")
    with pytest.raises(huaide.DocumentError) as raised:
        huaide.tally(ELECTION, {"ranking": ["ann"]})
    assert raised.value.path == "ballots"
    with pytest.raises(huaide.TallyError) as raised:
        huaide.tally(ELECTION, ({"ranking": ["ann"], "count": 0} for _ in range(2)))
    assert (raised.value.code, raised.value.path) == ("invalid_count", "ballots[0].count")


def test_an_unusual_but_valid_ballot_is_still_read():
    class Approvals(dict):
        pass

    election = {"id": "v", "method": "approval", "seats": 1, "candidates": IDS}
    plain = huaide.tally(election, [{"approve": ["ann", "bo"]}, {"approve": ["bo"]}]).to_dict()
    odd = [Approvals(approve=("ann", "bo")), {"approve": {"bo"}}]
    assert huaide.tally(election, odd).to_dict() == plain


def test_profiles_from_generators_and_array_counts():
    counts = [1 + i % 3 for i in range(len(RANKINGS))]
    want = huaide.tally_profile(ELECTION, RANKINGS, counts).to_dict()
    assert huaide.tally_profile(ELECTION, (r for r in RANKINGS), iter(counts)).to_dict() == want
    assert huaide.tally_profile(ELECTION, RANKINGS, array.array("q", counts)).to_dict() == want
    with pytest.raises(huaide.TallyError) as raised:
        huaide.tally_profile(ELECTION, (r for r in RANKINGS), counts[:-1])
    assert (raised.value.code, raised.value.path) == ("invalid_option", "profile.counts")


def test_lists_changed_by_a_mark_while_they_are_read():
    """Lists are read with borrowed items; a mark that is not an int but has `__index__`
    runs Python code mid-read. Here it empties the ranking being read and drops it from the
    list of rankings: the reader keeps what it holds alive, reads each list up to its
    current length, like the lists' iterators, and then finds fewer rankings than the list
    had when the call began."""
    rankings = [[0, 1], [None, 2, 3], [2, 0]]

    class Sneaky:
        def __index__(self):
            rankings[1].clear()
            del rankings[1:]
            return 1

    rankings[1][0] = Sneaky()
    with pytest.raises(huaide.TallyError) as raised:
        huaide.tally_profile(ELECTION, rankings)
    assert (raised.value.code, raised.value.path) == ("invalid_option", "profile.rankings")
    assert rankings == [[0, 1]]
    # Read from a generator (no length announced), the same marks count.
    rankings = [[0, 1], [None, 2, 3], [2, 0]]
    rankings[1][0] = Sneaky()
    got = huaide.tally_profile(ELECTION, (r for r in list(rankings)))
    assert got.to_dict() == huaide.tally_profile(ELECTION, [[0, 1], [1], [2, 0]]).to_dict()


np = pytest.importorskip("numpy", reason="numpy is optional")


def padded(dtype):
    arr = np.full((len(RANKINGS), len(IDS)), -1, dtype=dtype)
    for i, r in enumerate(RANKINGS):
        arr[i, : len(r)] = r
    return arr


@pytest.mark.parametrize("dtype", ["int8", "int16", "int32", "int64"])
def test_numpy_rankings_with_padding(dtype):
    want = huaide.tally_profile(ELECTION, RANKINGS).to_dict()
    assert huaide.tally_profile(ELECTION, padded(dtype)).to_dict() == want
    assert huaide.tally(ELECTION, padded(dtype)).to_dict() == expected()


def test_numpy_counts_and_unsigned_and_strided_arrays():
    counts = np.arange(1, len(RANKINGS) + 1, dtype=np.uint32)
    want = huaide.tally_profile(ELECTION, RANKINGS, [int(c) for c in counts]).to_dict()
    assert huaide.tally_profile(ELECTION, padded("int32"), counts).to_dict() == want
    wide = np.full((len(RANKINGS), 2 * len(IDS)), 7, dtype=np.int64)
    wide[:, ::2] = padded("int64")  # every other column: a strided view
    assert huaide.tally_profile(ELECTION, wide[:, ::2]).to_dict() == huaide.tally_profile(
        ELECTION, RANKINGS).to_dict()


def test_numpy_errors_name_the_ranking():
    bad = padded("int32")
    bad[4, 3] = 2  # after the -1 padding of row 4
    with pytest.raises(huaide.TallyError) as raised:
        huaide.tally_profile(ELECTION, bad)
    assert (raised.value.code, raised.value.path) == ("invalid_option", "profile[4].ranking")
    bad = padded("int32")
    bad[2, 1] = 2  # row 2 ranks candidate 2 twice
    with pytest.raises(huaide.TallyError) as raised:
        huaide.tally_profile(ELECTION, bad)
    assert raised.value.path == "profile[2].ranking"
    with pytest.raises(TypeError):
        huaide.tally_profile(ELECTION, np.zeros((2, 2), dtype=np.float64))


def test_the_count_runs_without_the_gil():
    """Another thread makes progress while a large count runs (switch interval raised, so
    the only way it can run during the call is the call releasing the GIL)."""
    rng = np.random.default_rng(7)
    big = np.argsort(rng.random((400_000, 8)), axis=1).astype(np.int32)
    election = {"id": "big", "method": "irv", "seats": 1, "candidates": [f"c{i}" for i in range(8)],
                "tie_break": {"seed": "s"}}
    counter = [0]
    go, stop = threading.Event(), threading.Event()

    def spin():
        go.wait()
        while not stop.is_set():
            counter[0] += 1

    interval = sys.getswitchinterval()
    sys.setswitchinterval(0.5)
    thread = threading.Thread(target=spin)
    thread.start()
    try:
        go.set()
        before = counter[0]
        huaide.tally_profile(election, big)
        during = counter[0] - before
    finally:
        stop.set()
        thread.join()
        sys.setswitchinterval(interval)
    assert during > 0, "the other thread never ran during the count"


def test_a_panic_is_an_internal_error_and_the_interpreter_lives_on():
    from huaide import _huaide

    with pytest.raises(huaide.HuaideError) as raised:
        _huaide._panic_for_tests()
    assert (raised.value.code, raised.value.path) == ("internal", None)
    assert huaide.tally(ELECTION, as_dicts(RANKINGS)).to_dict() == expected()
