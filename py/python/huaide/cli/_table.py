"""Plain-text tables whose columns line up on a terminal, Chinese included.

A CJK character takes two terminal cells, so padding by ``len()`` breaks the columns; the width
of a cell is measured by Unicode's East Asian Width property (wide and fullwidth: 2 cells,
combining and zero-width marks: 0, everything else: 1).
"""

from __future__ import annotations

import os
import re
import shutil
import unicodedata
from collections.abc import Sequence

#: Characters drawn in no cell: zero-width space, joiners, the BOM, variation selectors.
_ZERO_WIDTH = {0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF} | set(range(0xFE00, 0xFE10))


def char_width(char: str) -> int:
    """Terminal cells taken by one character (0, 1 or 2)."""
    code = ord(char)
    if code in _ZERO_WIDTH or unicodedata.combining(char):
        return 0
    if unicodedata.category(char) in ("Cc", "Cf", "Mn", "Me"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def text_width(text: str) -> int:
    """Terminal cells taken by ``text`` (one line)."""
    return sum(char_width(char) for char in text)


def _pad(text: str, width: int, right: bool) -> str:
    gap = " " * (width - text_width(text))
    return gap + text if right else text + gap


def terminal_width() -> int:
    """Columns of the terminal (``COLUMNS`` when set; 100 when not a terminal)."""
    if "COLUMNS" in os.environ:
        return shutil.get_terminal_size().columns
    return shutil.get_terminal_size((100, 24)).columns


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` cells, broken after ``、``, ``, `` or spaces
    where possible."""
    if width <= 0 or text_width(text) <= width:
        return [text]
    lines, line = [], ""
    for token in re.split(r"(?<=、)|(?<=, )|(?<= )", text):
        while text_width(token) > width:  # a token longer than a line: break it anywhere
            room = width - text_width(line)
            cut = 0
            while cut < len(token) and text_width(token[: cut + 1]) <= room:
                cut += 1
            if cut == 0 and line:
                lines.append(line.rstrip())
                line = ""
                continue
            lines.append(line + token[:cut])
            line, token = "", token[cut:]
        if text_width(line + token) > width and line:
            lines.append(line.rstrip())
            line = ""
        line += token
    if line:
        lines.append(line.rstrip())
    return lines


def render(
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    right: Sequence[int] = (),
    title: str | None = None,
    max_width: int | None = None,
) -> str:
    """The table as text: a header line, a rule, one line per row; ``right`` lists the
    columns aligned right (numbers). ``None`` cells print empty. The last column wraps onto
    further lines when a row is wider than ``max_width`` (default: the terminal's)."""
    cells = [["" if cell is None else str(cell) for cell in row] for row in rows]
    widths = [text_width(h) for h in headers]
    for row in cells:
        for i, cell in enumerate(row[:-1]):
            widths[i] = max(widths[i], text_width(cell))
    limit = terminal_width() if max_width is None else max_width
    lead = sum(widths[:-1]) + 2 * (len(widths) - 1)
    last_room = max(limit - lead, 20)
    wrapped = [(row[:-1], wrap(row[-1], last_room)) for row in cells]
    for _, parts in wrapped:
        widths[-1] = max([widths[-1], *(text_width(part) for part in parts)])
    aligned = set(right)

    def line(values: Sequence[str]) -> str:
        padded = (_pad(v, widths[i], i in aligned) for i, v in enumerate(values))
        return "  ".join(padded).rstrip()

    out = [title] if title else []
    if any(headers):
        out.append(line(list(headers)))
        out.append("  ".join("─" * w for w in widths))
    for lead_cells, parts in wrapped:
        first, *more = parts or [""]
        out.append(line([*lead_cells, first]))
        out.extend(line([""] * len(lead_cells) + [part]) for part in more)
    return "\n".join(out)
