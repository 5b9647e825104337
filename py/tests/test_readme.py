"""The README's Python examples run as written and print what they say."""

import contextlib
import io
import re
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"


def _run_block(marker: str) -> list[str]:
    """Runs the first README python block containing ``marker``; returns its printed lines."""
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    block = next(b for b in blocks if marker in b)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(block, "README.md", "exec"), {})
    return out.getvalue().splitlines()


def test_readme_python_example_runs() -> None:
    lines = _run_block("import huaide")
    assert lines[1] == "['duplicate_voter', 'not_on_roll']"
    assert lines[2] == "invalid_seats election.seats"


def test_readme_ballot_files_example_runs() -> None:
    assert _run_block("read_ballots") == ["['ph-02']", "format_syntax line 2"]


def test_readme_ballot_writers_example_runs() -> None:
    assert _run_block("write_ballots") == [
        "['2: 1,2', '1: 2']",
        "True",
        "format_unwritable ballots[0].ranking[0]",
    ]


def test_readme_rctab_report_example_runs() -> None:
    assert _run_block("rctab_report") == [
        "[{'a': '4', 'b': '3', 'c': '2'}, {'a': '4', 'b': '5'}]",
        "[{'eliminated': 'c', 'transfers': {'b': '2'}}]",
        "b,3,33.33%,2,5,55.55%,0",
        "format_unsupported result.method",
    ]


def test_readme_exhibition_example_runs() -> None:
    lines = _run_block("exhibition_elections")
    assert lines[0] == "[('ph-03', 'after_deadline')]"
    assert lines[1] == "[('photo', ['ph-02'])]"
