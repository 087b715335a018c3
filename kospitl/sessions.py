"""The Korea Exchange (KRX) session calendar.

Holidays come from the ``holidays`` package (``financial_holidays("XKRX")``: public holidays,
Labor Day and the Dec. 31 year-end closure), corrected by ``data/calendar_overrides.csv``
for ad-hoc closures the package learns about late (and sessions it wrongly closes).
"""
from __future__ import annotations

import csv
from datetime import date, timedelta
from functools import lru_cache

import holidays

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
    last = date.today().year + 2
    closed: dict[date, str] = dict(holidays.financial_holidays("XKRX", years=range(FIRST_YEAR, last + 1)))
    opened: set[date] = set()
    if OVERRIDES.exists():
        with OVERRIDES.open(encoding="utf-8") as f:
            for row in csv.DictReader(line for line in f if not line.startswith("#")):
                d = date.fromisoformat(row["date"])
                if row["is_session"].strip() in ("1", "true", "yes"):
                    opened.add(d)
                    closed.pop(d, None)
                else:
                    closed[d] = row.get("note") or "closed (override)"
    return Calendar(closed, opened)
