"""Charts of counts and timetables, drawn with matplotlib (``pip install 'huaide[plot]'``).

``plot_tally(result)`` (also ``TallyResult.plot()``) draws a ranked count round by round, a
bar per candidate per round with the elected and the eliminated marked and the exhausted
ballots shown, or the votes of a single-round count as bars. ``plot_timetable(plan,
week_of)`` (also ``Plan.plot_timetable(week_of)``) draws a week of sessions by venue.

Chinese labels need a CJK font: ``cjk_font()`` names the one found (Noto Sans CJK, Source
Han Sans, WenQuanYi, …) or gives ``None``, in which case the charts warn once and Chinese
characters show as boxes. Every function returns the ``matplotlib.figure.Figure``; with
``path`` it is also saved there.
"""

from __future__ import annotations

import datetime
import os
import warnings
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from decimal import Decimal
from functools import lru_cache
from typing import Any

__all__ = ["cjk_font", "plot_tally", "plot_timetable"]

#: Installed CJK font families, most preferred first.
_CJK_FAMILIES = (
    "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN",
    "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Noto Sans CJK JP", "Noto Sans CJK TC",
    "Microsoft YaHei", "SimHei", "PingFang SC", "Hiragino Sans GB", "AR PL UMing CN",
    "Droid Sans Fallback",
)

_TEXT = {
    "en": {"round": "Round {n}", "votes": "Votes", "exhausted": "exhausted", "elected": "elected",
           "eliminated": "eliminated", "threshold": "threshold", "week": "Week of {day}",
           "all_day": "all day"},
    "zh": {"round": "第{n}轮", "votes": "票数", "exhausted": "无效（用尽）", "elected": "当选",
           "eliminated": "淘汰", "threshold": "当选票数", "week": "{day} 所在周",
           "all_day": "全天"},
}
_WEEKDAYS = {
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    "zh": ("周一", "周二", "周三", "周四", "周五", "周六", "周日"),
}


def _matplotlib() -> Any:
    try:
        import matplotlib
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise ImportError("huaide's charts need matplotlib: pip install 'huaide[plot]'") from err
    if os.environ.get("MPLBACKEND") is None and not _has_display():
        matplotlib.use("Agg")
    return matplotlib


def _has_display() -> bool:
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) or os.name == "nt"


@lru_cache(maxsize=1)
def cjk_font() -> str | None:
    """The family name of an installed font with Chinese glyphs, or ``None`` when there is none.

    matplotlib's font cache may predate a font installed later (fonts-noto-cjk,
    fonts-wqy-microhei), so the system's font files missing from the cache are added first
    when the cache has no CJK font."""
    from matplotlib import font_manager

    found = _cjk_family({font.name for font in font_manager.fontManager.ttflist})
    if found is not None:
        return found
    known = {font.fname for font in font_manager.fontManager.ttflist}
    for path in font_manager.findSystemFonts():
        if path not in known:
            try:
                font_manager.fontManager.addfont(path)
            except (OSError, RuntimeError, ValueError):  # an unreadable font file: skip it
                continue
    return _cjk_family({font.name for font in font_manager.fontManager.ttflist})


def _cjk_family(installed: set[str]) -> str | None:
    for family in _CJK_FAMILIES:
        if family in installed:
            return family
    hints = ("CJK", "Han Sans", "WenQuanYi", "Hei", "Song", "Ming", "Kai")
    return next((name for name in sorted(installed) if any(h in name for h in hints)), None)


@contextmanager
def _style() -> Iterator[None]:
    """A CJK-capable font for the figure, falling back glyph by glyph to DejaVu Sans."""
    matplotlib = _matplotlib()
    family = cjk_font()
    if family is None:
        warnings.warn(
            "no CJK font found: Chinese labels will show as boxes "
            "(install fonts-noto-cjk or fonts-wqy-microhei)",
            stacklevel=3,
        )
    families = [family, "DejaVu Sans"] if family else ["DejaVu Sans"]
    with matplotlib.rc_context({"font.family": families, "axes.unicode_minus": False}):
        yield


def _words(lang: str) -> dict[str, str]:
    return _TEXT["zh" if lang == "zh" else "en"]


def _wire(result: Any) -> Mapping[str, Any]:
    wire: Mapping[str, Any] = result.to_dict() if hasattr(result, "to_dict") else result
    return wire


def _finish(figure: Any, path: str | os.PathLike[str] | None) -> Any:
    figure.tight_layout()
    if path is not None:
        figure.savefig(path, dpi=120)
    return figure


def plot_tally(
    result: Any,
    *,
    names: Mapping[str, str] | None = None,
    lang: str = "en",
    title: str | None = None,
    path: str | os.PathLike[str] | None = None,
) -> Any:
    """Draws a count (a ``TallyResult`` or its wire dict): the rounds of an ``irv``/``stv``
    count, or one bar per candidate. ``names`` maps candidate ids to the labels shown."""
    wire = _wire(result)
    with _style():
        import matplotlib.pyplot as plt

        figure = plt.figure(figsize=(10, 5.5))
        ax = figure.add_subplot()
        labels = dict(names or {})
        if wire.get("rounds"):
            _draw_rounds(ax, wire, labels, _words(lang))
        else:
            _draw_votes(ax, wire, labels, _words(lang))
        ax.set_title(title or f"{wire['election']} ({wire['method']})")
        return _finish(figure, path)


def _palette(count: int) -> list[Any]:
    import matplotlib

    colours = matplotlib.colormaps["tab20" if count > 10 else "tab10"]
    return [colours(i % colours.N) for i in range(count)]


def _draw_votes(ax: Any, wire: Mapping[str, Any], names: dict[str, str], words: dict[str, str]) -> None:
    order = [c for tier in wire["ranking"] for c in tier]
    votes = [wire["counts"].get(c, 0) for c in order]
    winners = set(wire["winners"])
    colours = ["#d62728" if c in winners else "#7f7f7f" for c in order]
    bars = ax.bar(range(len(order)), votes, color=colours)
    ax.bar_label(bars, labels=[str(v) for v in votes], padding=2)
    ax.set_xticks(range(len(order)), [names.get(c, c) for c in order], rotation=30, ha="right")
    ax.set_ylabel(words["votes"])
    from matplotlib.ticker import MaxNLocator

    ax.yaxis.set_major_locator(MaxNLocator(integer=True))  # votes are whole ballots
    if winners:
        from matplotlib.patches import Patch

        ax.legend(handles=[Patch(color="#d62728", label=words["elected"])])


def _draw_rounds(ax: Any, wire: Mapping[str, Any], names: dict[str, str], words: dict[str, str]) -> None:
    rounds = wire["rounds"]
    first = rounds[0]["tally"]
    candidates = sorted(first, key=lambda c: (-Decimal(first[c]), c))
    colours = dict(zip(candidates, _palette(len(candidates))))
    slots = len(candidates) + 1  # and the exhausted ballots
    width = 0.8 / slots
    for r_index, round_ in enumerate(rounds):
        elected, eliminated = set(round_.get("elected", [])), set(round_.get("eliminated", []))
        for c_index, candidate in enumerate(candidates):
            if candidate not in round_["tally"]:
                continue
            x = r_index + (c_index - slots / 2 + 0.5) * width
            value = float(Decimal(round_["tally"][candidate]))
            hatch = "//" if candidate in eliminated else None
            edge = "black" if candidate in elected else None
            ax.bar(x, value, width, color=colours[candidate], hatch=hatch, edgecolor=edge,
                   linewidth=1.5 if edge else 0,
                   label=names.get(candidate, candidate) if r_index == 0 else None)
            mark = "✓" if candidate in elected else "✗" if candidate in eliminated else ""
            if mark:
                ax.annotate(mark, (x, value), ha="center", va="bottom", fontsize=11,
                            color="#2ca02c" if mark == "✓" else "#d62728")
        x = r_index + (slots / 2 - 0.5) * width
        exhausted = float(Decimal(round_["inactive"]["exhausted"]))
        ax.bar(x, exhausted, width, color="#c7c7c7", edgecolor="#7f7f7f", linewidth=0.5,
               label=words["exhausted"] if r_index == 0 else None)
        threshold = float(Decimal(round_["threshold"]))
        ax.hlines(threshold, r_index - 0.45, r_index + 0.45, colors="black", linestyles="dashed",
                  linewidth=1, label=words["threshold"] if r_index == 0 else None)
    ax.set_xticks(range(len(rounds)), [words["round"].format(n=r["round"]) for r in rounds])
    ax.set_ylabel(words["votes"])
    ax.legend(fontsize=8, ncols=2, loc="upper right",
              title=f"✓ {words['elected']}  ✗ {words['eliminated']}", title_fontsize=8)


def plot_timetable(
    plan: Any,
    week_of: datetime.date | str,
    *,
    lang: str = "en",
    title: str | None = None,
    path: str | os.PathLike[str] | None = None,
) -> Any:
    """Draws the week (Monday to Sunday) holding ``week_of``: one column per day, split in
    one lane per venue, each session a box from its start to its end time."""
    import huaide

    if not isinstance(plan, huaide.Plan):
        plan = huaide.Plan(plan)
    day = datetime.date.fromisoformat(week_of) if isinstance(week_of, str) else week_of
    monday = day - datetime.timedelta(days=day.weekday())
    sunday = monday + datetime.timedelta(days=6)
    # An all-day session that began before Monday may run into the week: look back two months.
    earlier = plan.occurrences(monday - datetime.timedelta(days=62), sunday)
    sessions = [s for s in earlier if _days(s)[-1] >= monday]
    venue_names = {v["id"]: v["name"] for v in plan.to_dict().get("venues", [])}
    venues = sorted({v for s in sessions for v in (s["venues"] or [""])})
    words = _words(lang)
    with _style():
        import matplotlib.pyplot as plt
        from matplotlib.patches import Patch, Rectangle

        figure = plt.figure(figsize=(12, 7))
        ax = figure.add_subplot()
        ax.set_axisbelow(True)
        colours = dict(zip(venues, _palette(len(venues))))
        lane = 0.9 / max(len(venues), 1)
        first, last = _hours(sessions)
        for s in sessions:
            start, end = (first - 1, first - 0.1) if s["all_day"] else _span(s, last)
            for day_ in _days(s):
                if not monday <= day_ <= sunday:
                    continue
                for venue in s["venues"] or [""]:
                    x = day_.weekday() + 0.05 + venues.index(venue) * lane
                    ax.add_patch(Rectangle(
                        (x, start), lane, end - start, color=colours[venue],
                        alpha=0.85 if s["status"] == "planned" else 0.3,
                    ))
                    ax.text(x + lane / 2, start + 0.05, s["title"], ha="center", va="top",
                            fontsize=7, rotation=90 if lane < 0.3 and not s["all_day"] else 0,
                            clip_on=True)
        ax.set_xlim(0, 7)
        ax.set_ylim(last, first - 1)
        ax.set_xticks([i + 0.5 for i in range(7)], [
            f"{_WEEKDAYS['zh' if lang == 'zh' else 'en'][i]}\n"
            f"{(monday + datetime.timedelta(days=i)).strftime('%m-%d')}" for i in range(7)
        ])
        hours = range(int(first), int(last) + 1)
        ax.set_yticks([first - 0.5, *hours], [words["all_day"], *(f"{h:02d}:00" for h in hours)])
        for i in range(1, 7):
            ax.axvline(i, color="#dddddd", linewidth=0.8)
        ax.axhline(first, color="#999999", linewidth=0.8)
        ax.grid(axis="y", color="#eeeeee")
        ax.legend(handles=[Patch(color=colours[v], label=venue_names.get(v, v) or "—")
                           for v in venues], fontsize=8, loc="lower right")
        ax.set_title(title or f"{plan.id}: {words['week'].format(day=monday.isoformat())}")
        return _finish(figure, path)


def _days(session: Mapping[str, Any]) -> list[datetime.date]:
    """The days a session covers: its date, and for an all-day session every day to its end."""
    day = datetime.date.fromisoformat(session["date"])
    if not session["all_day"]:
        return [day]
    end = datetime.datetime.fromisoformat(session["end"]).date()
    return [day + datetime.timedelta(days=i) for i in range(max((end - day).days, 1))]


def _clock(text: str) -> float:
    moment = datetime.datetime.fromisoformat(text)
    return moment.hour + moment.minute / 60


def _hours(sessions: list[Any]) -> tuple[float, float]:
    timed = [s for s in sessions if not s["all_day"]]
    if not timed:
        return 8.0, 22.0
    first = min(_clock(s["start"]) for s in timed)
    last = max(_clock(s["end"]) or 24.0 for s in timed)
    return float(int(min(first, 8.0))), float(min(24, int(max(last, 18.0)) + 1))


def _span(session: Mapping[str, Any], last: float) -> tuple[float, float]:
    start, end = _clock(session["start"]), _clock(session["end"])
    return start, end if end > start else last
