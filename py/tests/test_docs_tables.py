"""Runs the Python examples of docs/tables.md and checks their printed comments."""

import contextlib
import io
import re
from pathlib import Path

DOC = Path(__file__).resolve().parents[2] / "docs" / "tables.md"


def test_docs_tables_examples_print_what_they_say() -> None:
    text = DOC.read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    assert len(blocks) >= 4
    scope: dict[str, object] = {}
    for block in blocks:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(block, scope)  # noqa: S102 - the documentation's own examples
        printed = [line for line in out.getvalue().splitlines() if line]
        expected = [line.split("# ", 1)[1] for line in block.splitlines() if line.startswith("print(") and "# " in line]
        assert printed == expected
