"""``kospitl chart``: the close series with milestones marked and the day's range where known.

SVG is drawn directly (no dependency); PNG uses matplotlib when it is installed
(``pip install 'kospitl[chart]'``). Both draw the same things on the same axes: the y-axis
covers every close, day range and milestone drawn; the close line breaks where sessions are
missing; a legend; the unit; a stock's company name in the title.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape
from pathlib import Path

from kospitl import sessions
from kospitl.errors import KospitlError
from kospitl.sqlread import Reader, rows

W, H, PAD_L, PAD_R, PAD_T, PAD_B = 960, 440, 80, 50, 52, 50
CLOSE, RANGE, MILESTONE = "#1f4e79", "#9ab", "#c0392b"


@dataclass(frozen=True)
class Series:
    subject: str
    closes: list[tuple[date, float]]
    ranges: list[tuple[date, float, float]]  # day, low (or close), high
    milestones: list[tuple[date, str, float]]
    title: str = ""  # "Samsung Electronics (005930)"; the subject when empty
    unit: str = "points"  # of the y-axis: "points" (an index) or "won" (a stock)

    def label(self) -> str:
        return self.title or self.subject

    def marks(self) -> list[tuple[date, str, float, float]]:
        """Each milestone: day, metric, value, and the level it is drawn at (a record at its
        value; a first close or crossing at that day's close, else at its round level)."""
        close_of = dict(self.closes)
        return [(d, m, v, v if m.startswith("record") else close_of.get(d, v)) for d, m, v in sorted(self.milestones)]

    def runs(self) -> list[list[tuple[date, float]]]:
        """The closes in runs of consecutive sessions: a missing session breaks the line."""
        cal = sessions.load()
        out: list[list[tuple[date, float]]] = []
        for d, v in sorted(self.closes):
            if out and cal.next_session(out[-1][-1][0]) == d:
                out[-1].append((d, v))
            else:
                out.append([(d, v)])
        return out

    def y_range(self) -> tuple[float, float]:
        values = [v for _, v in self.closes] + [x for _, lo, hi in self.ranges for x in (lo, hi)] + \
                 [level for *_, level in self.marks()]
        v0, v1 = min(values), max(values)
        pad = (v1 - v0) * 0.06 or max(abs(v1) * 0.01, 1.0)
        return v0 - pad, v1 + pad

    def x_range(self) -> tuple[date, date]:
        days = [d for d, _ in self.closes] + [d for d, _, _ in self.ranges] + [d for d, _, _ in self.milestones]
        return min(days), max(days)


def series(conn: Reader, subject: str, date_from: str | None, date_to: str | None) -> Series:
    where, params = "subject = :s", {"s": subject}
    if date_from:
        where += " AND date >= :f"
        params["f"] = date_from
    if date_to:
        where += " AND date <= :t"
        params["t"] = date_to
    facts = list(rows(conn, f"SELECT date, kind, metric, as_of, value FROM fact WHERE {where} ORDER BY date", params))
    closes = [(date.fromisoformat(r["date"]), r["value"]) for r in facts
              if r["kind"] in ("index", "quote") and r["metric"] in ("close", "price") and r["as_of"] == "close"]
    by_day: dict[date, dict[str, float]] = {}
    for r in facts:
        if r["kind"] in ("index", "quote") and r["metric"] in ("high", "low") and r["as_of"] == "close":
            by_day.setdefault(date.fromisoformat(r["date"]), {})[r["metric"]] = r["value"]
    close_of = dict(closes)
    ranges = [(d, v.get("low", close_of.get(d, v.get("high", 0.0))), v.get("high", close_of.get(d, 0.0)))
              for d, v in sorted(by_day.items())]
    miles = [(date.fromisoformat(r["date"]), r["metric"], r["value"]) for r in facts if r["kind"] == "milestone"]
    name = next(iter(rows(conn, "SELECT name_en FROM ticker WHERE code = :s", {"s": subject})), None)
    is_stock = name is not None or any(r["kind"] == "quote" for r in facts)
    title = f"{name['name_en']} ({subject})" if name else subject
    return Series(subject, closes, ranges, miles, title, "won" if is_stock else "points")


def _check(s: Series) -> None:
    if not s.closes:
        raise KospitlError(f"chart: no closing levels of {s.subject} in the timeline")


def _mark_label(metric: str, v: float) -> str:
    return f"{metric.replace('_', ' ')} {v:,.2f}".removesuffix(".00")


def svg(s: Series) -> str:
    _check(s)
    first, last = s.x_range()
    d0, d1 = first.toordinal(), last.toordinal()
    v0, v1 = s.y_range()
    if d1 == d0:
        d0, d1 = d0 - 1, d1 + 1

    def x(d: date) -> float:
        return PAD_L + (d.toordinal() - d0) / (d1 - d0) * (W - PAD_L - PAD_R)

    def y(v: float) -> float:
        return PAD_T + (v1 - v) / (v1 - v0) * (H - PAD_T - PAD_B)

    bottom, right = H - PAD_B, W - PAD_R
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" '
           'font-family="sans-serif" font-size="12">',
           f'<rect width="{W}" height="{H}" fill="white"/>',
           f'<text x="{PAD_L}" y="20" font-size="15">{escape(s.label())}: close, day range and milestones</text>',
           f'<g id="plot" data-top="{PAD_T}" data-bottom="{bottom}" data-left="{PAD_L}" data-right="{right}" '
           f'data-ymin="{v0:.6g}" data-ymax="{v1:.6g}">',
           f'<line x1="{PAD_L}" y1="{bottom}" x2="{right}" y2="{bottom}" stroke="#888"/>',
           f'<line x1="{PAD_L}" y1="{PAD_T}" x2="{PAD_L}" y2="{bottom}" stroke="#888"/>',
           f'<text x="16" y="{(PAD_T + bottom) / 2:.1f}" text-anchor="middle" '
           f'transform="rotate(-90 16 {(PAD_T + bottom) / 2:.1f})">{s.unit}</text>']
    for i in range(5):
        v = v0 + (v1 - v0) * i / 4
        out.append(f'<text x="{PAD_L - 6}" y="{y(v) + 4:.1f}" text-anchor="end">{v:,.0f}</text>')
    labels = sorted({first, last})
    for i, d in enumerate(labels):
        anchor = "start" if i == 0 and len(labels) > 1 else "end" if i == len(labels) - 1 else "middle"
        out.append(f'<text x="{x(d):.1f}" y="{bottom + 18}" text-anchor="{anchor}">{d.isoformat()}</text>')
    for d, lo, hi in s.ranges:
        out.append(f'<line class="range" x1="{x(d):.1f}" y1="{y(hi):.1f}" x2="{x(d):.1f}" y2="{y(lo):.1f}" '
                   f'stroke="{RANGE}" stroke-width="3"><title>{d}: {lo:,.2f}–{hi:,.2f}</title></line>')
    for run in s.runs():
        pts = " ".join(f"{x(d):.1f},{y(v):.1f}" for d, v in run)
        out.append(f'<polyline class="close" points="{pts}" fill="none" stroke="{CLOSE}" stroke-width="2"/>')
    for d, v in sorted(s.closes):
        out.append(f'<circle cx="{x(d):.1f}" cy="{y(v):.1f}" r="2.5" fill="{CLOSE}"><title>{d}: {v:,.2f}</title></circle>')
    for d, metric, v, level in s.marks():
        out.append(f'<path class="milestone" data-y="{y(level):.1f}" data-value="{level:.6g}" '
                   f'd="M {x(d):.1f} {y(level):.1f} l -5 -9 h 10 z" fill="{MILESTONE}">'
                   f'<title>{d}: {escape(_mark_label(metric, v))}</title></path>')
    out.append("</g>")
    lx, ly = right - 250, 34
    out += [f'<g id="legend" font-size="11">',
            f'<line x1="{lx}" y1="{ly}" x2="{lx + 18}" y2="{ly}" stroke="{CLOSE}" stroke-width="2"/>',
            f'<text x="{lx + 22}" y="{ly + 4}">close ({s.unit})</text>',
            f'<line x1="{lx + 95}" y1="{ly - 6}" x2="{lx + 95}" y2="{ly + 6}" stroke="{RANGE}" stroke-width="3"/>',
            f'<text x="{lx + 101}" y="{ly + 4}">day range</text>',
            f'<path d="M {lx + 170} {ly + 4} l -5 -9 h 10 z" fill="{MILESTONE}"/>',
            f'<text x="{lx + 178}" y="{ly + 4}">milestone</text>',
            "</g>", "</svg>"]
    return "\n".join(out) + "\n"


def figure(s: Series):  # type: ignore[no-untyped-def]
    """The PNG's matplotlib figure: the same axes, lines, marks and legend as the SVG."""
    _check(s)
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(10, 4.6), dpi=100)
    for i, run in enumerate(s.runs()):
        ax.plot([d for d, _ in run], [v for _, v in run], color=CLOSE, marker=".",
                label=f"close ({s.unit})" if i == 0 else None)
    for i, (d, lo, hi) in enumerate(s.ranges):
        ax.vlines(d, lo, hi, color=RANGE, linewidth=3, label="day range" if i == 0 else None)
    marks = s.marks()
    if marks:
        ax.scatter([d for d, *_ in marks], [level for *_, level in marks], marker="v", color=MILESTONE,
                   zorder=3, label="milestone")
    first, last = s.x_range()
    ax.set_ylim(*s.y_range())
    if first == last:
        ax.set_xlim(date.fromordinal(first.toordinal() - 1), date.fromordinal(last.toordinal() + 1))
    ax.set_ylabel(s.unit)
    ax.set_title(f"{s.label()}: close, day range and milestones")
    ax.legend(loc="best", fontsize="small")
    fig.autofmt_xdate()
    fig.tight_layout()
    return fig


def write(s: Series, path: str) -> None:
    suffix = Path(path).suffix.lower()
    if suffix == ".svg":
        Path(path).write_text(svg(s), encoding="utf-8")
        return
    if suffix != ".png":
        raise KospitlError(f"chart: {path}: write .svg or .png")
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        raise KospitlError("chart: PNG needs matplotlib (pip install 'kospitl[chart]'); SVG needs nothing") from None
    import matplotlib.pyplot as plt

    fig = figure(s)
    fig.savefig(path)
    plt.close(fig)
