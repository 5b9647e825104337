"""Every Python example in the README and in docs/ runs as written and prints what it says.

A page's ```python blocks run in order in one namespace, from the repository's root (so
``examples/huaideyuan/plan.toml`` is found). A line ``print(...)  # text`` (at any indentation, so also in an ``except``) promises that it
prints ``text``: the printed lines must equal those comments, in order. A block may print
nothing; a page whose blocks promise nothing fails, so no page's examples go untested.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted([ROOT / "README.md", *(ROOT / "docs").rglob("*.md")])
BLOCK = re.compile(r"```python\n(.*?)```", re.S)


def _promised(block: str) -> list[str]:
    """The comments of the block's ``print(...)  # text`` lines (at any indentation)."""
    return [
        line.split("  # ", 1)[1]
        for line in block.splitlines()
        if line.lstrip().startswith("print(") and "  # " in line
    ]


@pytest.mark.parametrize("page", [p for p in PAGES if BLOCK.search(p.read_text(encoding="utf-8"))],
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_page_examples_print_what_they_say(page: Path, tmp_path: Path) -> None:
    blocks = BLOCK.findall(page.read_text(encoding="utf-8"))
    assert sum(len(_promised(b)) for b in blocks) > 0, f"{page.name}: no example promises output"
    scope: dict[str, object] = {"__name__": "__docs__"}
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        for number, block in enumerate(blocks, 1):
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                exec(compile(block, f"{page.name} block {number}", "exec"), scope)  # noqa: S102
            printed = [line for line in out.getvalue().splitlines() if line]
            assert printed == _promised(block), f"{page.name}, block {number}"
    finally:
        os.chdir(cwd)


SHELL = re.compile(r"```sh\n(.*?)```", re.S)


def _commands(text: str) -> list[list[str]]:
    """The ``huaide …`` command lines of a page's sh blocks (continuations joined)."""
    import shlex

    out = []
    for block in SHELL.findall(text):
        joined = block.replace("\\\n", " ")
        for line in joined.splitlines():
            line = line.split("  #")[0].strip()
            if line.startswith("huaide "):
                out.append(shlex.split(line))
    return out


def test_every_documented_command_and_option_exists() -> None:
    """Each ``huaide`` command shown in the README or docs/ is a real command, and each of
    its options appears in that command's ``--help``."""
    import subprocess
    import sys

    seen = 0
    for page in PAGES:
        for command in _commands(page.read_text(encoding="utf-8")):
            depth = 3 if command[1] == "plan" else 2
            run = subprocess.run([sys.executable, "-m", "huaide", *command[1:depth], "--help"],
                                 capture_output=True, text=True, encoding="utf-8", cwd=ROOT)
            assert run.returncode == 0, (page.name, command)
            for option in (word.split("=")[0] for word in command if word.startswith("--")):
                assert option in run.stdout, (page.name, command, option)
            seen += 1
    assert seen >= 8
