"""Derived timeline values: what arithmetic on stated facts fixes exactly.

Only the timeline holds these (status ``derived``), and only for keys no article states.
Rules are data: each names the facts it reads and the fact it yields.
"""
from __future__ import annotations

from dataclasses import dataclass

Key = tuple[str, str, str, str]  # kind, subject, metric, as_of


@dataclass(frozen=True)
class FactRow:
    date: str
    kind: str
    subject: str
    metric: str
    as_of: str
    value: float
    status: str
    sources: int
    articles: int
    why: str | None = None

    def key(self) -> tuple[str, str, str, str, str]:
        return (self.date, self.kind, self.subject, self.metric, self.as_of)


# The previous session's close from a stated level and its change (vocabulary: "previous close =
# close − change in points"). (kind, level metric, change metric, yielded metric)
PREVIOUS_CLOSE_RULES: tuple[tuple[str, str, str, str], ...] = (
    ("index", "close", "change", "close"),
    ("index", "open", "change", "close"),
    ("index", "level", "change", "close"),
    ("fx", "rate", "change", "rate"),
    ("fx", "open", "change", "rate"),
)


def previous_session_values(facts: list[FactRow], prev_date: str) -> list[FactRow]:
    """Facts of one session → derived closes of the session before it (``prev_date``)."""
    by_key = {(f.kind, f.subject, f.metric, f.as_of): f for f in facts if f.status != "derived"}
    out: dict[tuple[str, str], FactRow] = {}
    for kind, level_metric, change_metric, yielded in PREVIOUS_CLOSE_RULES:
        for (k, subject, metric, as_of), level in sorted(by_key.items()):
            if k != kind or metric != level_metric:
                continue
            change = by_key.get((kind, subject, change_metric, as_of))
            if change is None or (kind, subject) in out:
                continue
            value = round(level.value - change.value, 2)
            out[(kind, subject)] = FactRow(
                prev_date, kind, subject, yielded, "close", value, "derived",
                min(level.sources, change.sources), min(level.articles, change.articles),
                f"{level_metric} {_fmt(level.value)} − change {_fmt(change.value)} "
                f"({as_of} of the next session)")
    return list(out.values())


def same_session_values(facts: list[FactRow]) -> list[FactRow]:
    """A first close above a round level makes that close a record close."""
    have = {(f.kind, f.subject, f.metric) for f in facts}
    out = []
    for f in facts:
        if f.kind != "milestone" or f.metric != "first_close_above":
            continue
        if ("milestone", f.subject, "record_close") in have:
            continue
        close = next((c for c in facts if c.kind == "index" and c.subject == f.subject
                      and c.metric == "close" and c.as_of == "close" and c.value >= f.value), None)
        if close is None:
            continue
        out.append(FactRow(f.date, "milestone", f.subject, "record_close", "close", close.value,
                           "derived", min(f.sources, close.sources), min(f.articles, close.articles),
                           f"first close above {_fmt(f.value)}: the close {_fmt(close.value)} tops every earlier close"))
        have.add(("milestone", f.subject, "record_close"))
    return out


def _fmt(v: float) -> str:
    return str(int(v)) if v == int(v) and abs(v) < 1e18 else f"{v:g}"
