"""Charts: every chart renders to a PNG of the expected size that is not blank, Chinese
labels included (with a CJK font when one is installed)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import huaide

matplotlib = pytest.importorskip("matplotlib", reason="matplotlib (huaide[plot]) not installed")
matplotlib.use("Agg")
from matplotlib import image as mpimg  # noqa: E402

from huaide import plot  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "examples" / "huaideyuan" / "plan.toml"
BLT = ROOT / "examples" / "web" / "samples" / "calligraphy.blt"


def png_of(figure: object) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100)  # type: ignore[attr-defined]
    return buffer.getvalue()


def assert_drawn(png: bytes, size: tuple[int, int]) -> None:
    assert png.startswith(b"\x89PNG")
    pixels = mpimg.imread(io.BytesIO(png))
    assert pixels.shape[1::-1] == size
    rgb = pixels[..., :3]
    assert rgb.std() > 0.05  # not a blank canvas
    # Several colours, not only black on white.
    assert len({tuple((p * 8).astype(int)) for p in rgb.reshape(-1, 3)[::97]}) > 8


def test_a_ranked_count_round_by_round() -> None:
    result = huaide.tally_file(BLT, "blt", {"method": "stv", "stv": {"rule": "scottish"}})
    figure = result.plot(names={"4": "福寿"}, lang="zh")
    assert_drawn(png_of(figure), (1000, 550))
    ax = figure.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == [
        f"第{r['round']}轮" for r in result.to_dict()["rounds"]
    ]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "福寿" in legend and "无效（用尽）" in legend
    marks = [t.get_text() for t in ax.texts]
    assert marks.count("✓") == 3 and marks.count("✗") == len(result.to_dict()["rounds"]) - 2


def test_a_single_round_count_and_a_dict_result(tmp_path: Path) -> None:
    election = {"id": "photo", "method": "plurality", "seats": 1, "candidates": ["夕阳", "古街", "运河"]}
    result = huaide.tally(election, [["夕阳"], ["夕阳"], ["古街"], ["运河"], ["夕阳"]])
    out = tmp_path / "votes.png"
    figure = plot.plot_tally(result.to_dict(), path=out)
    assert_drawn(out.read_bytes(), (1200, 660))  # saved at 120 dpi
    bars = figure.axes[0].patches
    assert sorted(round(b.get_height()) for b in bars) == [1, 1, 3]


def test_a_week_of_the_timetable_by_venue() -> None:
    plan = huaide.Plan.load(PLAN)
    figure = plan.plot_timetable("2006-09-25", lang="zh")
    assert_drawn(png_of(figure), (1200, 700))
    ax = figure.axes[0]
    week = plan.occurrences("2006-09-25", "2006-10-01")
    # One box per session and venue, and the exhibition that began on the 20th, Mon–Fri.
    assert len(ax.patches) == sum(len(s["venues"]) for s in week) + 5
    assert "社区展厅" in [t.get_text() for t in ax.get_legend().get_texts()]


def test_a_cjk_font_is_found_or_said_missing() -> None:
    font = plot.cjk_font()
    if font is None:
        with pytest.warns(UserWarning, match="no CJK font"):
            plot.plot_tally(huaide.tally({"id": "e", "method": "approval", "seats": 1,
                                          "candidates": ["a"]}, [{"approve": ["a"]}]))
        pytest.skip("no CJK font installed (fonts-noto-cjk or fonts-wqy-microhei)")
    from matplotlib import font_manager

    path = font_manager.findfont(font, fallback_to_default=False)
    from matplotlib.ft2font import FT2Font

    assert FT2Font(path).get_char_index(ord("票")) != 0
