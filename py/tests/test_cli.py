"""The ``huaide`` command line end to end, through a subprocess as a user runs it: exit codes,
``--json`` against the library's own results, ``--lang zh``, and columns that line up with
Chinese text."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import huaide
from huaide.cli._table import text_width

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "huaideyuan"
PLAN = SEED / "plan.toml"
FIXTURES = ROOT / "tests" / "fixtures" / "tables"
BLT = ROOT / "examples" / "web" / "samples" / "calligraphy.blt"
DRAW_SEED = "懷德苑 2006 enrolment draw, council meeting of 2006-03-06"


def huaide_cli(*args: object, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "MPLBACKEND": "Agg"}
    return subprocess.run(
        [sys.executable, "-m", "huaide", *map(str, args)],
        capture_output=True, text=True, encoding="utf-8", timeout=300, cwd=cwd, env=env,
    )


def table_lines(stdout: str) -> list[str]:
    """The lines of the first table: its header, its rule and its rows."""
    lines = stdout.splitlines()
    rule = next(i for i, line in enumerate(lines) if line.startswith("─"))
    end = next((i for i in range(rule + 1, len(lines)) if not lines[i].strip()), len(lines))
    return lines[rule - 1 : end]


def cells_at(line: str) -> dict[int, str]:
    """Each character of a line by the terminal cell it starts in."""
    at, cell = {}, 0
    for char in line:
        at[cell] = char
        cell += text_width(char)
    return at


def assert_aligned(lines: list[str], right: set[int] = frozenset()) -> None:  # type: ignore[assignment]
    """Every left-aligned cell starts at its column's start, in terminal cells."""
    header, rule, *rows = lines
    starts, cell = [], 0
    for run in rule.split("  "):
        starts.append(cell)
        cell += text_width(run) + 2
    assert len(starts) > 2
    for row in [header, *rows]:
        at = cells_at(row)
        for k, start in enumerate(starts[1:], 1):
            if k in right or start >= text_width(row):
                continue
            assert at.get(start - 1) == " ", (row, start)
            assert at.get(start, " ") != " " or at.get(start + 1, " ") == " ", (row, start)


def test_table_width_of_chinese() -> None:
    assert text_width("懷德苑社區") == 10
    assert text_width("abc") == 3
    assert text_width("e\u0301") == 1  # a combining accent takes no cell
    assert text_width("（最多两件）") == 12  # fullwidth brackets


def test_no_command_and_unknown_options_are_usage_errors() -> None:
    assert huaide_cli().returncode == 2
    assert huaide_cli("plan", "check", PLAN, "--colour").returncode == 2
    assert huaide_cli("tally", BLT).returncode == 2  # --method is required
    done = huaide_cli("plan", "check", "no-such-plan.toml")
    assert done.returncode == 2
    assert "no-such-plan.toml" in done.stderr


def test_version_and_help() -> None:
    done = huaide_cli("--version")
    assert done.returncode == 0 and huaide.__version__ in done.stdout
    done = huaide_cli("allocate", "--help")
    assert done.returncode == 0 and "--seed" in done.stdout


def test_console_script_is_installed() -> None:
    script = Path(sys.executable).with_name("huaide")
    if not script.exists():
        pytest.skip(f"no console script at {script} (the package is not installed by pip/maturin)")
    done = subprocess.run([str(script), "--version"], capture_output=True, text=True)
    assert done.returncode == 0 and huaide.__version__ in done.stdout


def test_plan_check_ok_and_json_is_the_library_report() -> None:
    done = huaide_cli("plan", "check", PLAN)
    assert done.returncode == 0, done.stderr
    assert "huaideyuan-2006" in done.stdout
    done = huaide_cli("plan", "check", PLAN, "--json")
    assert done.returncode == 0
    assert json.loads(done.stdout) == huaide.Plan.load(PLAN).validate()


def broken_plan(tmp_path: Path) -> Path:
    text = PLAN.read_text(encoding="utf-8")
    plan = huaide.Plan.from_toml(text).to_dict()
    program = plan["programs"][0]
    program["venues"] = ["no_such_hall"]
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    return path


def test_plan_check_with_errors_exits_1_with_a_table(tmp_path: Path) -> None:
    path = broken_plan(tmp_path)
    report = huaide.Plan.load(path).validate()
    assert not report["ok"]
    done = huaide_cli("plan", "check", path)
    assert done.returncode == 1
    for finding in report["findings"]:
        assert finding["code"] in done.stdout and finding["path"] in done.stdout
    assert_aligned(table_lines(done.stdout))
    done = huaide_cli("plan", "check", path, "--lang", "zh")
    assert done.returncode == 1
    assert "级别" in done.stdout and "错误" in done.stdout
    assert_aligned(table_lines(done.stdout))


def test_a_malformed_plan_names_the_field(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(PLAN.read_text(encoding="utf-8").replace('year = 2006', 'year = "2006"'),
                    encoding="utf-8")
    done = huaide_cli("plan", "check", path)
    assert done.returncode == 1
    with pytest.raises(huaide.HuaideError) as err:
        huaide.Plan.load(path)
    assert err.value.code in done.stderr
    assert "year" in done.stderr
    done = huaide_cli("plan", "check", path, "--json")
    assert json.loads(done.stdout)["error"]["code"] == err.value.code


def test_plan_ics(tmp_path: Path) -> None:
    out = tmp_path / "plan.ics"
    done = huaide_cli("plan", "ics", PLAN, "-o", out, "--stamp", "2006-03-01T00:00:00+08:00", "--json")
    assert done.returncode == 0, done.stderr
    expected = huaide.Plan.load(PLAN).to_ics("2006-03-01T00:00:00+08:00")
    assert out.read_bytes().decode("utf-8") == expected  # CRLF line ends kept
    assert json.loads(done.stdout)["events"] == expected.count("BEGIN:VEVENT") > 0


def test_plan_timetable_in_chinese_lines_up(tmp_path: Path) -> None:
    args = ("plan", "timetable", PLAN, "--from", "2006-09-18", "--to", "2006-09-24")
    done = huaide_cli(*args, "--json")
    assert done.returncode == 0, done.stderr
    sessions = json.loads(done.stdout)
    assert sessions == huaide.Plan.load(PLAN).occurrences("2006-09-18", "2006-09-24")
    done = huaide_cli(*args, "--lang", "zh")
    assert done.returncode == 0
    lines = table_lines(done.stdout)
    assert "日期" in lines[0] and "星期" in lines[0]
    assert len(lines) == len(sessions) + 2
    assert any("社区艺术品展览" in line for line in lines)
    assert_aligned(lines)
    assert huaide_cli(*args[:3], "--from", "2006-13-01").returncode == 2


def test_allocate_prints_rosters_and_writes_the_workbook(tmp_path: Path) -> None:
    out = tmp_path / "enrolment.xlsx"
    args = ("allocate", PLAN, SEED / "people.csv", SEED / "applications.xlsx",
            "--seed", DRAW_SEED, "--as-of", "2006-03-06", "-o", out)
    done = huaide_cli(*args, "--json")
    assert done.returncode == 0, done.stderr
    plan = huaide.Plan.load(PLAN)
    people = huaide.read_people(SEED / "people.csv")["people"]
    applications = huaide.read_applications(SEED / "applications.xlsx", plan=plan)["applications"]
    allocation = huaide.allocate(plan, people, applications, seed=DRAW_SEED, as_of="2006-03-06")
    assert json.loads(done.stdout) == allocation.to_dict()
    assert out.read_bytes() == allocation.to_xlsx()
    done = huaide_cli(*args, "--lang", "zh")
    assert done.returncode == 0
    assert "录取名单" in done.stdout
    assert_aligned(table_lines(done.stdout), right={2, 3})
    some = next(p for p, o in allocation.programs.items() if o["enrolled"])
    assert some in done.stdout


def test_allocate_with_a_bad_row_names_file_row_and_column(tmp_path: Path) -> None:
    done = huaide_cli("allocate", PLAN, FIXTURES / "people_gbk.csv", SEED / "applications.xlsx",
                      "--seed", "x", "--as-of", "2006-03-06")
    expected = huaide.read_people(FIXTURES / "people_gbk.csv")
    assert not expected["ok"]
    assert done.returncode == 1
    bad = next(f for f in expected["findings"] if f["severity"] == "error")
    assert "people_gbk.csv" in done.stdout
    assert bad["column"] in done.stdout and bad["code"] in done.stdout
    assert_aligned(table_lines(done.stdout), right={1})


def test_tally_rounds_json_and_chart(tmp_path: Path) -> None:
    chart = tmp_path / "rounds.png"
    args = ("tally", BLT, "--method", "stv", "--rule", "scottish", "--seed", "draw")
    done = huaide_cli(*args, "--json")
    assert done.returncode == 0, done.stderr
    expected = huaide.tally_file(BLT, "blt", {"method": "stv", "stv": {"rule": "scottish"},
                                              "tie_break": {"seed": "draw"}})
    assert json.loads(done.stdout) == expected.to_dict()
    done = huaide_cli(*args, "--lang", "zh", "--chart", chart)
    assert done.returncode == 0, done.stderr
    rounds = expected.to_dict()["rounds"]
    lines = table_lines(done.stdout)
    assert all(f"第{r['round']}轮" in lines[0] for r in rounds)
    assert len(lines) == 2 + len(rounds[0]["tally"]) + 3  # candidates, exhausted, other, threshold
    assert "当选：" in done.stdout
    assert chart.stat().st_size > 10_000


def test_tally_a_form_export(tmp_path: Path) -> None:
    form = FIXTURES / "google_forms.csv"
    done = huaide_cli("tally", form, "--format", "google_forms", "--method", "irv",
                      "--question", "摄影", "--json")
    assert done.returncode == 0, done.stderr
    expected = huaide.tally_file(form, "google_forms", {"method": "irv"}, question="摄影")
    assert json.loads(done.stdout) == expected.to_dict()
    done = huaide_cli("tally", form, "--format", "google_forms", "--method", "approval",
                      "--question", "书法", "--seats", "1")
    assert done.returncode == 0, done.stderr
    assert "ca-01" in done.stdout


def test_tally_errors(tmp_path: Path) -> None:
    odd = tmp_path / "ballots.dat"
    odd.write_text("a\n", encoding="utf-8")
    done = huaide_cli("tally", odd, "--method", "irv")
    assert done.returncode == 2 and "--format" in done.stderr
    done = huaide_cli("tally", BLT, "--method", "stv", "--seats", "0")
    assert done.returncode == 1
    assert "invalid_seats" in done.stderr
    done = huaide_cli("tally", BLT, "--method", "bogus")
    assert done.returncode == 1 and "method" in done.stderr


def test_motion_from_flags_and_from_a_file() -> None:
    flags = ("motion", "--members", 15, "--present", 12, "--yes", 8, "--no", 3,
             "--abstain", 1, "--quorum", "1/2", "--threshold", "simple")
    done = huaide_cli(*flags, "--json")
    assert done.returncode == 0, done.stderr
    vote: dict[str, Any] = json.loads((SEED / "votes.json").read_text(encoding="utf-8"))["motion"]["vote"]
    expected = huaide.tally_motion(vote).to_dict()
    assert json.loads(done.stdout) == expected
    done = huaide_cli("motion", SEED / "votes.json", "--json")
    assert json.loads(done.stdout) == expected
    done = huaide_cli("motion", SEED / "votes.json", "--lang", "zh")
    assert done.returncode == 0
    assert ("通过" if expected["passed"] else "未通过") in done.stdout
    assert huaide_cli("motion", "--members", 15).returncode == 2
    assert huaide_cli(*flags[:-2], "--threshold", "most").returncode == 2
    done = huaide_cli("motion", "--members", 5, "--present", 3, "--yes", 9, "--no", 0)
    assert done.returncode == 1  # more votes than members present


def test_lang_is_passed_to_calls_that_take_it() -> None:
    from huaide.cli._common import with_lang

    def with_option(value: int, *, lang: str = "en") -> str:
        return f"{value} {lang}"

    def without(value: int) -> str:
        return str(value)

    assert with_lang(with_option, 1, lang="zh") == "1 zh"
    assert with_lang(without, 1, lang="zh") == "1"
    assert with_lang(huaide.tally_motion, {"members": 3, "present": 3, "yes": 2, "no": 1,
                                           "quorum": "none", "threshold": "simple"},
                     lang="zh").passed
    # **options that refuse `lang` today (the call is made again without it) …
    roll = "编号,居住类型\nr1,resident\n".encode()
    assert with_lang(huaide.read_people, roll, lang="zh") == huaide.read_people(roll)
    # … while any other error of the call still raises.
    with pytest.raises(huaide.HuaideError) as err:
        with_lang(huaide.read_people, b"id\nr1\n", lang="zh", sheet=3)
    assert err.value.path is not None and "lang" not in err.value.path


def test_progress_shows_on_a_terminal_only(monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import time

    from huaide.cli import _common

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(_common.sys, "stderr", terminal)
    with _common.progress("分配中"):
        time.sleep(0.6)
    assert "分配中" in terminal.getvalue() and " s" in terminal.getvalue()
    assert terminal.getvalue().endswith("\r\033[K")  # the line is cleared afterwards
    piped = io.StringIO()
    monkeypatch.setattr(_common.sys, "stderr", piped)
    with _common.progress("分配中"):
        time.sleep(0.4)
    assert piped.getvalue() == ""


def test_the_readme_commands_exist() -> None:
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = next(b for b in re.findall(r"```sh\n(.*?)```", readme, re.S) if "huaide plan check" in b)
    commands = [line.split("#")[0].split() for line in block.splitlines() if line.startswith("huaide ")]
    assert {c[1] for c in commands} == {"plan", "allocate", "tally", "motion"}
    for command in commands:  # each names a real command (its --help runs)
        depth = 3 if command[1] == "plan" else 2
        assert huaide_cli(*command[1:depth], "--help").returncode == 0, command
    first = commands[0]
    assert huaide_cli(*first[1:], cwd=ROOT).returncode == 0
    motion = next(c for c in commands if c[1] == "motion")
    assert huaide_cli(*motion[1:]).returncode == 0


def test_verify_an_audit_file_alone_with_inputs_and_edited(tmp_path: Path) -> None:
    """``huaide verify``: a count's audit verifies (exit 0); an edited copy names what
    differs (exit 1); a redacted allocation audit is consistent but withholds its inputs
    until they are given with ``--inputs``."""
    import json

    election = {"id": "chair", "method": "irv", "seats": 1, "candidates": ["a", "b", "c"],
                "tie_break": {"seed": "s", "commitment": huaide.seed_commitment("s")}}
    ballots = [{"ranking": ["a", "b"], "count": 3}, {"ranking": ["b"], "count": 2},
               {"ranking": ["c", "b"], "count": 2}]
    audit = huaide.tally(election, ballots).audit()
    good = tmp_path / "chair.audit.json"
    good.write_text(json.dumps(audit), encoding="utf-8")
    run = huaide_cli("verify", good)
    assert run.returncode == 0, run.stderr
    assert "verified" in run.stdout
    run = huaide_cli("verify", good, "--lang", "zh")
    assert run.returncode == 0 and "核验通过" in run.stdout
    audit["result"]["winners"] = ["a"]
    edited = tmp_path / "edited.audit.json"
    edited.write_text(json.dumps(audit), encoding="utf-8")
    run = huaide_cli("verify", edited, "--json")
    assert run.returncode == 1
    report = json.loads(run.stdout)
    assert report["code"] not in ("verified", "inputs_withheld") and report["differences"]

    plan = huaide.Plan.load(ROOT / "examples" / "huaideyuan" / "plan.toml")
    people = huaide.read_people(ROOT / "examples" / "huaideyuan" / "people.csv")["people"]
    apps = huaide.read_applications(ROOT / "examples" / "huaideyuan" / "applications.xlsx",
                                    plan=plan)["applications"]
    allocation = huaide.allocate(plan, people, apps, seed="s", as_of="2006-03-06")
    redacted = tmp_path / "enrolment.audit.json"
    redacted.write_text(json.dumps(allocation.audit(redact=True)), encoding="utf-8")
    run = huaide_cli("verify", redacted, "--json")
    assert run.returncode == 0 and json.loads(run.stdout)["code"] == "inputs_withheld"
    roll = tmp_path / "roll.json"
    roll.write_text(json.dumps({"people": people, "applications": apps}), encoding="utf-8")
    run = huaide_cli("verify", redacted, "--inputs", roll, "--json")
    assert run.returncode == 0 and json.loads(run.stdout)["code"] == "verified"
    assert huaide_cli("verify", tmp_path / "missing.json").returncode == 2
