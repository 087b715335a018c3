"""The chart in SVG and PNG: every milestone inside the plot area, a legend, the unit, the
company's name, lines broken where sessions are missing."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

import pytest

from kospitl.chart import Series, figure, svg

NS = {"s": "http://www.w3.org/2000/svg"}
# closes in two runs (a two-month gap), a first intraday crossing below every close, a record above
KOSPI = Series("KOSPI", [(date(2025, 11, 3), 4221.87), (date(2026, 1, 2), 4309.63), (date(2026, 1, 5), 4457.52),
                         (date(2026, 1, 6), 4525.48)],
               [(date(2026, 1, 6), 4480.0, 4550.0)],
               [(date(2025, 10, 27), "first_intraday_above", 4000.0), (date(2026, 1, 7), "record_high", 6000.0),
                (date(2026, 1, 2), "first_close_above", 4300.0)])
STOCK = Series("005930", [(date(2026, 1, 2), 128500.0), (date(2026, 1, 7), 140300.0)], [],
               [(date(2026, 1, 2), "record_close", 128500.0)], "Samsung Electronics (005930)", "won")


def test_svg_milestones_lie_inside_the_plot_area():
    root = ET.fromstring(svg(KOSPI))
    plot = root.find("s:g[@id='plot']", NS)
    top, bottom = float(plot.get("data-top")), float(plot.get("data-bottom"))
    marks = plot.findall("s:path[@class='milestone']", NS)
    assert len(marks) == 3
    for m in marks:
        assert top <= float(m.get("data-y")) <= bottom, m.get("data-value")
        assert top <= float(m.get("data-y")) - 9  # the marker's top too
    for c in plot.findall("s:circle", NS):
        assert top <= float(c.get("cy")) <= bottom
    # the two-month gap breaks the line: 2025-11-03 alone, then three sessions in a row
    runs = [p.get("points").split() for p in plot.findall("s:polyline[@class='close']", NS)]
    assert [len(r) for r in runs] == [1, 3]
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "points" in texts and "close (points)" in texts and "milestone" in texts
    last = [t for t in root.iter("{http://www.w3.org/2000/svg}text") if t.text == "2026-01-07"]
    assert last and last[0].get("text-anchor") == "end"  # the last date label is not cut


def test_svg_of_a_stock_names_the_company_in_won():
    text = svg(STOCK)
    assert "Samsung Electronics (005930): close" in text and ">won<" in text and "close (won)" in text


def test_png_axes_cover_every_milestone():
    pytest.importorskip("matplotlib")
    import matplotlib.pyplot as plt

    fig = figure(KOSPI)
    ax = fig.axes[0]
    lo, hi = ax.get_ylim()
    assert all(lo <= level <= hi for *_, level in KOSPI.marks())
    assert all(lo <= v <= hi for _, v in KOSPI.closes)
    assert ax.get_ylabel() == "points" and ax.get_title().startswith("KOSPI: ")
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["close (points)", "day range", "milestone"]
    assert len(ax.get_lines()) == 2  # one line per run of sessions
    plt.close(fig)
    fig = figure(STOCK)
    assert fig.axes[0].get_title().startswith("Samsung Electronics (005930)") and fig.axes[0].get_ylabel() == "won"
    plt.close(fig)


def test_chart_command_writes_both(runner, tmp_path):
    pytest.importorskip("matplotlib")
    from conftest import SAMPLES, UNDATED_DATE, UNDATED_SEED, ingest_seeds, invoke

    db = str(tmp_path / "c.db")
    ingest_seeds(runner, db)
    for name in ("k.svg", "k.png"):
        r = invoke(runner, "chart", "--db", db, "--subject", "005930", "-o", str(tmp_path / name))
        assert r.exit_code == 0, r.output
    assert (tmp_path / "k.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "Samsung Electronics (005930)" in (tmp_path / "k.svg").read_text()
