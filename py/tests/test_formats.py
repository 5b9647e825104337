"""read_ballots and write_ballots: the input shapes, the result, and FormatError (a DocumentError);
RCTab's detailed report of a result."""

import json

import pytest

import huaide

CONTESTS = '{"List": [{"Id": 1, "NumOfRanks": 2}]}'
CANDIDATES = '{"List": [{"Id": 5, "ContestId": 1, "Description": "Ann"}]}'
EXPORT = (
    '{"Sessions": [{"Original": {"IsCurrent": true, "Contests": '
    '[{"Id": 1, "Marks": [{"CandidateId": 5, "Rank": 1, "IsAmbiguous": false}]}]}}]}'
)


def test_text_formats_read_a_string() -> None:
    read = huaide.read_ballots("a,b\nb\n", "csv")
    assert read == {
        "candidates": ["a", "b"],
        "ballots": [{"ranking": ["a", "b"]}, {"ranking": ["b"]}],
    }


@pytest.mark.parametrize(
    "files",
    [
        {"ContestManifest.json": CONTESTS, "CandidateManifest.json": CANDIDATES,
         "CvrExport.json": EXPORT},
        [("ContestManifest.json", CONTESTS), ("CandidateManifest.json", CANDIDATES),
         ("CvrExport.json", EXPORT)],
        [{"name": "x/ContestManifest.json", "text": CONTESTS},
         {"name": "x/CandidateManifest.json", "text": CANDIDATES},
         {"name": "x/CvrExport.json", "text": EXPORT}],
    ],
)
def test_exports_read_named_files_in_any_shape(files: object) -> None:
    read = huaide.read_ballots(files, "dominion", contest="1")
    assert read["candidates"] == [{"id": "5", "name": "Ann"}]
    assert read["ballots"] == [{"ranking": ["5"]}]
    assert read["max_rankings"] == 2


def test_a_read_file_goes_straight_into_a_count() -> None:
    read = huaide.read_ballots('2 1\n3 1 2 0\n2 2 0\n0\n"Ann"\n"Bo"\n', "blt")
    election = {"id": "e", "method": "irv", "seats": read["seats"],
                "candidates": read["candidates"]}
    assert huaide.tally(election, read["ballots"]).winners == ["1"]


def test_format_errors_are_document_errors_with_the_line() -> None:
    with pytest.raises(huaide.FormatError) as raised:
        huaide.read_ballots("id,A\nr1,x\n", "rctab_csv")
    assert isinstance(raised.value, huaide.DocumentError)
    assert (raised.value.code, raised.value.path) == ("format_syntax", "line 2")


def test_bad_format_or_option_is_a_document_error() -> None:
    with pytest.raises(huaide.DocumentError) as raised:
        huaide.read_ballots("a", "xlsx")
    assert (raised.value.code, raised.value.path) == ("invalid_document", "format")
    with pytest.raises(huaide.DocumentError) as raised:
        huaide.read_ballots("a", "csv", contest_id="1")
    assert raised.value.code == "invalid_document"
    with pytest.raises(huaide.FormatError) as raised:
        huaide.read_ballots("<a/>", "cdf_xml")
    assert (raised.value.code, raised.value.path) == ("format_missing_option", "options.contest")


def test_write_ballots_round_trips_through_read_ballots() -> None:
    blt = "3 2\n-2\n[nick a b c]\n2 a b=c 0\n1 c - a 0\n0\n\"Ann\"\n\"Bo\"\n\"Cy\"\n\"Council\"\n"
    read = huaide.read_ballots(blt, "blt")
    assert huaide.read_ballots(huaide.write_ballots(read, "blt"), "blt") == read
    toi = huaide.write_ballots(
        {"candidates": read["candidates"], "ballots": [{"ranking": ["a", ["b", "c"]]}]},
        "preflib",
        data_type="toi",
        file_name="council.toi",
    )
    assert toi.splitlines()[0] == "# FILE NAME: council.toi"
    assert toi.splitlines()[-1] == "1: 1,{2,3}"


def test_write_ballots_errors_carry_code_and_path() -> None:
    with pytest.raises(huaide.FormatError) as raised:
        huaide.write_ballots({"candidates": ["a"], "ballots": [{"ranking": ["a", []]}]}, "csv")
    assert (raised.value.code, raised.value.path) == ("format_unwritable", "ballots[0].ranking[1]")
    with pytest.raises(huaide.FormatError) as raised:
        huaide.write_ballots({"candidates": ["a"], "ballots": []}, "hart")
    assert (raised.value.code, raised.value.path) == ("format_unsupported", "format")
    with pytest.raises(huaide.DocumentError):
        huaide.write_ballots({"candidates": ["a"], "ballots": []}, "preflib", data_type="xyz")


def test_rctab_report_from_an_rctab_config() -> None:
    config = json.dumps({
        "outputSettings": {"contestName": "Chair", "contestDate": "2006-03-15"},
        "candidates": [{"name": "b"}, {"name": "a"}],
        "cvrFileSources": [{"undeclaredWriteInLabel": "UWI"}],
    })
    options = huaide.rctab_report_options(config)
    assert options == {
        "contest": "Chair", "date": "2006-03-15", "jurisdiction": "", "office": "",
        "candidates": ["b", "a", "Undeclared Write-ins"],
    }
    election = {"id": "e", "method": "irv", "seats": 1, "candidates": ["a", "b"]}
    result = huaide.tally(election, [{"ranking": ["a"]}, {"ranking": ["b"]}, {"ranking": ["a"]}])
    report = result.rctab_report(**options, generated_by="RCTab 2.0.0")
    assert report["config"] == {
        "contest": "Chair", "date": "2006-03-15", "generatedBy": "RCTab 2.0.0",
        "jurisdiction": "", "office": "",
    }
    assert report["summary"]["totalNumBallots"] == "3"
    csv = result.rctab_report_csv(**options)
    assert csv.endswith("\r\n")
    assert csv.splitlines()[8] == "Winner(s),a"


def test_rctab_report_errors_carry_code_and_path() -> None:
    result = huaide.tally(
        {"id": "s", "method": "borda", "seats": 1, "candidates": ["a", "b"]},
        [{"ranking": ["a", "b"]}],
    )
    for write in (result.rctab_report, result.rctab_report_csv):
        with pytest.raises(huaide.FormatError) as raised:
            write()
        assert (raised.value.code, raised.value.path) == ("format_unsupported", "result.method")
    with pytest.raises(huaide.FormatError) as raised:
        huaide.rctab_report_options("{")
    assert raised.value.code == "format_syntax"
