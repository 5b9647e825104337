"""Charts from the command line: ``--chart out.png``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from huaide.cli._common import Output, UsageError


def save_chart(out: Output, path: str, draw: Callable[[], Any]) -> None:
    """Draws a figure with ``draw`` and saves it as ``path``; a clear error without matplotlib."""
    try:
        import matplotlib

        matplotlib.use("Agg")
    except ImportError as err:
        raise UsageError(out.t("no_matplotlib")) from err
    from huaide import plot

    if plot.cjk_font() is None:
        out.note(out.t("no_font"))
    figure = draw()
    try:
        figure.savefig(path, dpi=120)
    except OSError as err:
        raise UsageError(f"{path}: {err.strerror or err}") from err
    out.note(out.t("chart_written", path=path))
