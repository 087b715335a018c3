"""``kospitl chart``: the close series with milestones marked and the day's range where known.

SVG is drawn directly (no dependency); PNG uses matplotlib when it is installed
(``pip install 'kospitl[chart]'``).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape
from pathlib import Path

from sqlalchemy import Connection

from kospitl.errors import KospitlError
from kospitl.sqlread import rows

W, H, PAD_L, PAD_R, PAD_T, PAD_B = 960, 420, 70, 20, 30, 50


@dataclass(frozen=True)
class Series:
    subject: str
    closes: list[tuple[date, float]]
    ranges: list[tuple[date, float, float]]  # day, low (or close), high
    milestones: list[tuple[date, str, float]]


def series(conn: Connection, subject: str, date_from: str | None, date_to: str | None) -> Series:
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
    return Series(subject, closes, ranges, miles)


def svg(s: Series) -> str:
    if not s.closes:
        raise KospitlError(f"chart: no closing levels of {s.subject} in the timeline")
    days = [d for d, _ in s.closes] + [d for d, _, _ in s.ranges] + [d for d, _, _ in s.milestones]
    values = [v for _, v in s.closes] + [x for _, lo, hi in s.ranges for x in (lo, hi)] + \
             [v for _, m, v in s.milestones if m.startswith("record")]
    d0, d1 = min(days).toordinal(), max(days).toordinal()
    v0, v1 = min(values), max(values)
    if d1 == d0:
        d0, d1 = d0 - 1, d1 + 1
    if v1 == v0:
        v0, v1 = v0 - 1, v1 + 1

    def x(d: date) -> float:
        return PAD_L + (d.toordinal() - d0) / (d1 - d0) * (W - PAD_L - PAD_R)

    def y(v: float) -> float:
        return PAD_T + (v1 - v) / (v1 - v0) * (H - PAD_T - PAD_B)

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" '
           'font-family="sans-serif" font-size="12">',
           f'<rect width="{W}" height="{H}" fill="white"/>',
           f'<text x="{PAD_L}" y="18" font-size="14">{escape(s.subject)}: close, day range and milestones</text>',
           f'<line x1="{PAD_L}" y1="{H - PAD_B}" x2="{W - PAD_R}" y2="{H - PAD_B}" stroke="#888"/>',
           f'<line x1="{PAD_L}" y1="{PAD_T}" x2="{PAD_L}" y2="{H - PAD_B}" stroke="#888"/>']
    for v in (v0, (v0 + v1) / 2, v1):
        out.append(f'<text x="{PAD_L - 6}" y="{y(v) + 4:.1f}" text-anchor="end">{v:,.2f}</text>')
    for d in sorted({min(days), max(days)}):
        out.append(f'<text x="{x(d):.1f}" y="{H - PAD_B + 18}" text-anchor="middle">{d.isoformat()}</text>')
    for d, lo, hi in s.ranges:
        out.append(f'<line x1="{x(d):.1f}" y1="{y(hi):.1f}" x2="{x(d):.1f}" y2="{y(lo):.1f}" '
                   f'stroke="#9ab" stroke-width="3"><title>{d}: {lo:,.2f}–{hi:,.2f}</title></line>')
    pts = " ".join(f"{x(d):.1f},{y(v):.1f}" for d, v in sorted(s.closes))
    out.append(f'<polyline points="{pts}" fill="none" stroke="#1f4e79" stroke-width="2"/>')
    for d, v in sorted(s.closes):
        out.append(f'<circle cx="{x(d):.1f}" cy="{y(v):.1f}" r="2.5" fill="#1f4e79"><title>{d}: {v:,.2f}</title></circle>')
    for d, metric, v in sorted(s.milestones):
        level = v if metric.startswith("record") else dict(s.closes).get(d, v)
        label = f"{metric.replace('_', ' ')} {v:,.0f}" if not metric.startswith("record") else metric.replace("_", " ")
        out.append(f'<path d="M {x(d):.1f} {y(level) - 14:.1f} l -5 -9 h 10 z" fill="#c0392b">'
                   f'<title>{d}: {escape(label)}</title></path>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def write(s: Series, path: str) -> None:
    suffix = Path(path).suffix.lower()
    if suffix == ".svg":
        Path(path).write_text(svg(s), encoding="utf-8")
        return
    if suffix != ".png":
        raise KospitlError(f"chart: {path}: write .svg or .png")
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        raise KospitlError("chart: PNG needs matplotlib (pip install 'kospitl[chart]'); SVG needs nothing") from None
    if not s.closes:
        raise KospitlError(f"chart: no closing levels of {s.subject} in the timeline")
    fig, ax = plt.subplots(figsize=(10, 4.5), dpi=100)
    ax.plot([d for d, _ in sorted(s.closes)], [v for _, v in sorted(s.closes)], color="#1f4e79", marker=".")
    for d, lo, hi in s.ranges:
        ax.vlines(d, lo, hi, color="#9ab", linewidth=3)
    close_of = dict(s.closes)
    for d, metric, v in s.milestones:
        ax.scatter([d], [v if metric.startswith("record") else close_of.get(d, v)], marker="v", color="#c0392b")
    ax.set_title(f"{s.subject}: close, day range and milestones")
    fig.autofmt_xdate()
    fig.savefig(path)
    plt.close(fig)
