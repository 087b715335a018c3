"""Market "balance assertions" over the whole database (``kospitl check``).

Two kinds of findings:
- ``corrected``: an article's figure that its own arithmetic or the daily limits refute; the
  timeline already holds a better value (the observation's status is ``lost``);
- ``violation``: timeline facts that still contradict each other; these make ``check`` fail.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable

from kospitl import sessions, vocab
from kospitl.reconcile import fmt_value
from kospitl.sqlread import Reader, rows

TimelineKey = tuple[str, str, str, str, str]  # date, kind, subject, metric, as_of


@dataclass(frozen=True)
class Finding:
    severity: str  # corrected | violation
    date: str
    subject: str
    message: str
    where: str = ""

    def render(self) -> str:
        loc = f"{self.where}: " if self.where else ""
        return f"{loc}{self.severity}: {self.date} {self.subject}: {self.message}"


Facts = dict[TimelineKey, float]
Invariant = Callable[[str, str, Facts, str], list[str]]


def _close_minus_previous(d: str, subject: str, facts: Facts, prev: str) -> list[str]:
    close = facts.get((d, "index", subject, "close", "close"))
    change = facts.get((d, "index", subject, "change", "close"))
    before = facts.get((prev, "index", subject, "close", "close"))
    if None in (close, change, before):
        return []
    if abs(close - before - change) > 0.011:  # type: ignore[operator]
        return [f"close {close} − previous close {before} = {close - before:.2f}, but the change is {change}"]  # type: ignore[operator]
    return []


def _change_matches_percent(d: str, subject: str, facts: Facts, prev: str) -> list[str]:
    out = []
    for as_of in ("close", "open"):
        change = facts.get((d, "index", subject, "change", as_of))
        pct = facts.get((d, "index", subject, "change_pct", as_of))
        level = facts.get((d, "index", subject, "close" if as_of == "close" else "open", as_of))
        if None in (change, pct, level):
            continue
        base = level - change  # type: ignore[operator]
        printed = repr(float(pct)).split(".")[1] if "." in repr(float(pct)) else ""  # type: ignore[arg-type]
        tolerance = 0.5 * 10 ** -len(printed.rstrip("0") or "0") + 0.006  # at the precision printed
        if base > 0 and abs(change / base * 100 - pct) > tolerance:  # type: ignore[operator]
            out.append(f"{as_of}: change {change} on {base:.2f} is {change / base * 100:.2f}%, not {pct}%")  # type: ignore[operator]
    return out


def _range(d: str, subject: str, facts: Facts, prev: str) -> list[str]:
    high = facts.get((d, "index", subject, "high", "close"))
    low = facts.get((d, "index", subject, "low", "close"))
    out = []
    for m in ("open", "close"):
        v = facts.get((d, "index", subject, m, m))
        if v is None:
            continue
        if high is not None and v > high + 0.005:
            out.append(f"{m} {v} is above the day's high {high}")
        if low is not None and v < low - 0.005:
            out.append(f"{m} {v} is below the day's low {low}")
    return out


def _milestones_agree(d: str, subject: str, facts: Facts, prev: str) -> list[str]:
    level = vocab.level_kind(subject)
    if level is None:
        return []
    close = facts.get((d, level.name, subject, level.closing, "close"))
    out = []
    first = facts.get((d, "milestone", subject, "first_close_above", "close"))
    if first is not None and close is not None and close < first:
        out.append(f"first close above {first}, but the close is {close}")
    record = facts.get((d, "milestone", subject, "record_close", "close"))
    if record is not None and close is not None and abs(record - close) > 0.005:
        out.append(f"record close {record} differs from the close {close}")
    record_high = facts.get((d, "milestone", subject, "record_high", "close"))
    if record_high is not None:  # the highest level ever reached: the day's own high and close are no higher
        high = facts.get((d, level.name, subject, "high", "close"))
        if high is not None and record_high < high - 0.005:
            out.append(f"record high {record_high} is below the day's high {high}")
        elif close is not None and record_high < close - 0.005:
            out.append(f"record high {record_high} is below the close {close}")
    return out


INVARIANTS: tuple[tuple[str, Invariant], ...] = (
    ("change = close − previous close", _close_minus_previous),
    ("change / previous close = change_pct", _change_matches_percent),
    ("low ≤ open, close ≤ high", _range),
    ("milestones agree with the close and the high", _milestones_agree),
)


def check(conn: Reader) -> list[Finding]:
    cal = sessions.load()
    facts: Facts = {(r["date"], r["kind"], r["subject"], r["metric"], r["as_of"]): r["value"]
                    for r in rows(conn, "SELECT date, kind, subject, metric, as_of, value FROM fact")}
    found: list[Finding] = []
    for r in rows(conn, """SELECT o.date, o.subject, o.kind, o.metric, o.value, o.note, a.source_path, o.line
                           FROM observation o JOIN article a ON a.id = o.article_id
                           WHERE o.status = 'lost' AND o.note NOT LIKE 'outvoted%' AND o.note NOT LIKE 'tied %'
                             AND o.note NOT LIKE 'a later tally%'
                           ORDER BY o.date, o.subject, o.kind, o.metric, a.source_path, o.line"""):
        found.append(Finding("corrected", r["date"], r["subject"],
                             f"{r['kind']} {r['metric']} {fmt_value(r['value'])}: {r['note']}",
                             f"{r['source_path']}:{r['line']}"))
    for key in sorted(facts):  # the calendar is a constraint
        d, kind, subject, metric, as_of = key
        day = date.fromisoformat(d)
        if not cal.is_session(day):
            found.append(Finding("violation", d, subject, f"{kind} {metric} {as_of} {fmt_value(facts[key])}: "
                                 f"{d} ({day:%A}) has no KRX session: {cal.note(day)} (facts lie on sessions)"))
    groups = sorted({(k[0], k[2]) for k in facts if k[1] in ("index", "milestone")})
    for d, subject in groups:
        prev = cal.previous_session(date.fromisoformat(d)).isoformat()
        for name, inv in INVARIANTS:
            for msg in inv(d, subject, facts, prev):
                found.append(Finding("violation", d, subject, f"{msg} ({name})"))
    return found
