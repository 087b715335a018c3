"""The Korea Exchange (KRX) session calendar.

Holidays come from the ``holidays`` package (``financial_holidays("XKRX")``: public holidays,
Labor Day and the Dec. 31 year-end closure), corrected by ``data/calendar_overrides.csv``
for ad-hoc closures the package learns about late (and sessions it wrongly closes).
"""
from __future__ import annotations

import csv
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from kospitl.errors import KospitlError
from kospitl.paths import DATA_DIR

FIRST_YEAR = 1995
OVERRIDES = DATA_DIR / "calendar_overrides.csv"


class Calendar:
    """Which days have a KRX session, and session arithmetic over them."""

    def __init__(self, closed: dict[date, str], opened: set[date] | None = None) -> None:
        self.closed = closed
        self.opened = opened or set()

    def is_session(self, d: date) -> bool:
        if d in self.opened:
            return True
        return d.weekday() < 5 and d not in self.closed

    def note(self, d: date) -> str | None:
        if d in self.opened:
            return "session (override)"
        if d in self.closed:
            return self.closed[d]
        return "weekend" if d.weekday() >= 5 else None

    def previous_session(self, d: date, n: int = 1) -> date:
        """The n-th session strictly before ``d``.

        >>> load().previous_session(date(2025, 10, 10))  # Oct. 3-9 closed
        datetime.date(2025, 10, 2)
        """
        for _ in range(n):
            d -= timedelta(days=1)
            while not self.is_session(d):
                d -= timedelta(days=1)
        return d

    def next_session(self, d: date) -> date:
        """The first session strictly after ``d``."""
        d += timedelta(days=1)
        while not self.is_session(d):
            d += timedelta(days=1)
        return d

    def session_on_or_before(self, d: date) -> date:
        while not self.is_session(d):
            d -= timedelta(days=1)
        return d

    def last_session_of_year(self, year: int) -> date:
        return self.session_on_or_before(date(year, 12, 31))

    def days(self, start: date, end: date) -> list[tuple[date, bool, str | None]]:
        out = []
        d = start
        while d <= end:
            out.append((d, self.is_session(d), self.note(d)))
            d += timedelta(days=1)
        return out


@lru_cache(maxsize=1)
def load() -> Calendar:
    """The KRX calendar: the ``holidays`` package corrected by ``data/calendar_overrides.csv``."""
    return build(OVERRIDES)


def build(overrides: Path) -> Calendar:
    import holidays  # here, not at the top: it loads dateutil, which a read command needs only with the calendar

    last = date.today().year + 2
    closed: dict[date, str] = dict(holidays.financial_holidays("XKRX", years=range(FIRST_YEAR, last + 1)))
    opened: set[date] = set()
    for d, is_session, note in read_overrides(overrides):
        if is_session:
            opened.add(d)
            closed.pop(d, None)
        else:
            closed[d] = note or "closed (override)"
    return Calendar(closed, opened)


def read_overrides(path: Path) -> list[tuple[date, bool, str]]:
    """The rows ``date,is_session,note,source`` of an overrides file (``#`` lines are comments);
    a row that is not one is an error naming the file and line."""
    if not path.exists():
        return []
    out = []
    with path.open(encoding="utf-8") as f:
        lines = [(n, line) for n, line in enumerate(f, 1) if not line.startswith("#")]
    reader = csv.DictReader(line for _, line in lines)
    for i, row in enumerate(reader, 1):
        where = f"{path}:{lines[i][0] if i < len(lines) else '?'}"
        try:
            d = date.fromisoformat((row.get("date") or "").strip())
        except ValueError:
            raise KospitlError(f"{where}: {row.get('date')!r} is not an ISO date (YYYY-MM-DD)") from None
        flag = (row.get("is_session") or "").strip().lower()
        if flag not in ("0", "1", "true", "false", "yes", "no"):
            raise KospitlError(f"{where}: is_session {row.get('is_session')!r} is not 0 or 1")
        out.append((d, flag in ("1", "true", "yes"), (row.get("note") or "").strip()))
    return out
