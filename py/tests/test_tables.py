"""Tables in Python: paths, bytes and file objects in; xlsx out, checked by openpyxl."""

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest

import huaide

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "tables"
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "huaideyuan"


def test_people_from_a_path_bytes_and_a_file_object() -> None:
    path = FIXTURES / "people_gbk.csv"
    by_path = huaide.read_people(path)
    by_str = huaide.read_people(str(path))
    by_bytes = huaide.read_people(path.read_bytes(), name="people_gbk.csv")
    with path.open("rb") as f:
        by_file = huaide.read_people(f)
    assert by_path == by_str == by_bytes == by_file
    assert [p["id"] for p in by_path["people"]] == ["r001", "r002", "r003", "r007"]
    first = by_path["findings"][0]
    assert (first["row"], first["column"], first["column_letter"], first["code"]) == (5, "出生日期", "C", "invalid_date")
    assert first["path"].endswith("people_gbk.csv: row 5, column 出生日期")


def test_applications_xlsx_with_the_plan() -> None:
    plan = huaide.Plan.from_toml((EXAMPLE / "plan.toml").read_text(encoding="utf-8"))
    read = huaide.read_applications(FIXTURES / "applications.xlsx", plan=plan)
    assert read["header_row"] == 3
    assert read["applications"][0]["choices"] == ["opera_singalong", "happy_family_online"]
    assert {f["code"] for f in read["findings"]} == {"unknown_program", "duplicate_application", "invalid_datetime"}


def test_errors_are_format_errors_with_code_and_path() -> None:
    with pytest.raises(huaide.FormatError) as raised:
        huaide.read_people(b"PK\x03\x04not a zip", name="people.xlsx")
    assert raised.value.code == "format_not_a_table"
    with pytest.raises(huaide.FormatError) as raised:
        huaide.read_people(b"id,residency\nr1,resident\n", limits={"max_bytes": 4})
    assert raised.value.code == "too_large"


def _allocation() -> huaide.Allocation:
    plan = {"id": "p", "community": "Huaideyuan", "year": 2006, "timezone": "Asia/Shanghai",
            "programs": [{"id": "pottery", "kind": "class", "title": "陶艺培训班", "capacity": {"max": 1}},
                         {"id": "counselling", "kind": "counselling", "title": "心理咨询室",
                          "confidential": True, "capacity": {"max": 1}}]}
    people = [{"id": "r1", "residency": "resident"}, {"id": "r2", "residency": "resident"}]
    apps = [{"person": "r1", "choices": ["pottery", "counselling"]}, {"person": "r2", "choices": ["pottery"]}]
    return huaide.allocate(plan, people, apps, seed="s", as_of="2006-03-06")


def test_allocation_to_xlsx_opened_by_openpyxl(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    allocation = _allocation()
    path = tmp_path / "enrolment.xlsx"
    assert allocation.to_xlsx(path) is None
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[:3] == ["rosters", "decisions", "programs"]
    assert "counselling" not in book.sheetnames
    assert all(c.value != "counselling" for ws in book for row in ws.iter_rows() for c in row)
    assert book["pottery"].freeze_panes == "A2"
    assert allocation.to_xlsx() == path.read_bytes()  # deterministic
    csv = allocation.to_csv(sheet="programs")
    assert csv is not None and csv.startswith(b"\xef\xbb\xbf") and b"counselling" not in csv


def test_written_xlsx_reads_back_with_chinese_intact() -> None:
    openpyxl = pytest.importorskip("openpyxl")
    people: list[Any] = [{"id": "居民-001", "birth_date": "1941-05-12", "household": "户一",
                          "residency": "surrounding", "tags": ["老人", "合唱"]}]
    data = huaide.write_table("people", people, "xlsx")
    assert data is not None
    sheet = openpyxl.load_workbook(io.BytesIO(data))["people"]
    assert [c.value for c in sheet[2]][:4] == ["居民-001", dt.datetime(1941, 5, 12), "户一", "surrounding"]
    assert huaide.read_people(data, name="p.xlsx")["people"] == people


def test_tally_to_pandas() -> None:
    pd = pytest.importorskip("pandas")
    election = {"id": "e", "method": "irv", "seats": 1, "candidates": ["a", "b", "c"]}
    ballots = [{"ranking": ["a"], "count": 3}, {"ranking": ["b"], "count": 2}, {"ranking": ["c", "b"]}]
    result = huaide.tally(election, ballots)
    frame = result.to_pandas()
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == ["candidate", "votes", "elected", "round 1", "round 2"]
    assert frame.iloc[0]["candidate"] == "a"


def test_form_export_from_a_workbook_path() -> None:
    file = huaide.read_ballots(FIXTURES / "wjx.xlsx", "wjx", question="2", voter_column="1、您的居民编号")
    assert file["ballots"][0] == {"voter": "r001", "ranking": ["陶艺", "二胡", "钢琴"]}
