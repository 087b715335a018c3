"""Date and time phrases in market news, and their resolution on the KRX calendar.

Extraction finds phrases (``DateRef``) without resolving them; ``resolve`` turns one into a
session date against the article's own date, or says it cannot (never guesses).
"""
from __future__ import annotations

import re
from typing import Callable, TypeVar
from dataclasses import dataclass, replace
from datetime import date, timedelta

from kospitl.articles import MONTH_RE, MONTHS
from kospitl.pubtime import latest_day
from kospitl.sessions import Calendar
from kospitl.gate import Gated, Table, fold, gated

WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
            "saturday": 5, "sunday": 6}
WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
KO_WEEKDAYS = {"월": 0, "화": 1, "수": 2, "목": 3, "금": 4, "토": 5, "일": 6}
LAST_WEEK = re.compile(r"지난\s*주")  # "지난주 월요일", "지난 주말": the calendar week before the article's


@dataclass(unsafe_hash=True)  # a value, as kospitl.records
class DateRef:
    """A date phrase as written, not yet resolved."""

    form: str  # full | monthday | lastmonth | sameyear | weekday | daynum | previous | lastyear_final | today
    text: str
    start: int
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    year_offset: int = 0
    comparison: bool = False  # "from the previous session", "than Wednesday": not a re-dating


# Order matters: longer forms first. Each entry: (form, regex). Named groups y, m, d, wd.
DATE_PATTERNS: tuple[tuple[str, Gated], ...] = (
    ("full", gated(rf"(?P<m>{MONTH_RE})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*[-\u2011\u2013]\s*\d{{1,2}})?,?\s+(?P<y>(?:19|20)\d\d)\b")),
    ("full", gated(r"(?P<y>(?:19|20)\d\d)년\s*(?P<m>\d{1,2})월\s*(?P<d>\d{1,2})일")),
    ("full", gated(rf"\b(?P<d>\d{{1,2}})\s+(?P<m>{MONTH_RE})\.?,?\s+(?P<y>(?:19|20)\d\d)\b")),
    ("full", gated(r"\b(?P<y>(?:19|20)\d\d)[-./](?P<m>\d{1,2})[-./](?P<d>\d{1,2})\b\.?")),
    ("monthday", gated(rf"(?P<m>{MONTH_RE})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?P<ly>\s+(?:last|of last) year)?")),
    # "1년 전인 지난해 12월 10일 종가": the month and day of the year before the article's
    ("monthday", gated(r"(?P<ly>지난해|작년)\s*(?P<m>\d{1,2})월\s*(?P<d>\d{1,2})일")),
    # "지난달 3일 세운 종가 기준 사상 최고치": a day of the month before the article's
    ("lastmonth", gated(r"(?:지난달|전달|지난 달)\s*(?P<d>\d{1,2})일")),
    # "종가 기준 사상 최고치는 같은 해 7월 6일 기록한 3305.21": the year of the date named before it
    ("sameyear", gated(r"(?:같은\s*해|그\s*해)\s*(?P<m>\d{1,2})월\s*(?P<d>\d{1,2})일")),
    ("monthday", gated(r"(?<![\d.])(?P<m>\d{1,2})월\s*(?P<d>\d{1,2})일")),
    # "(4/10 금 종가 기준)", "신용융자잔고(4/9):": a month and day in a note's parentheses
    ("monthday", gated(r"(?<=\()(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])(?=\s*(?:[월화수목금토일]\b|종가|기준)|\)\s*[:：])")),
    # a note's section title: "■ 업종·종목 등락 (4/10)"
    ("monthday", gated(r"(?m:^[■□◆◇▶▷●○◎※][^\n(]{1,40}\((?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])\)[ \t]*$)")),
    # a day's nickname is no date: "after Black Monday", "Super Tuesday", "Good Friday"
    ("weekday", gated(rf"(?<!\bBlack )(?<!\bBlue )(?<!\bCyber )(?<!\bSuper )(?<!\bGood )\b(?P<last>last\s+)?(?P<wd>{WEEKDAY_RE})(?:'s|\u2019s)?\b(?!\s*\(U\.S\. time\))")),
    # "금요일에 2557.98로 끝났던", "지난주 금요일": 지난주 is the calendar week before the article's
    ("weekday", gated(r"(?P<last>지난\s*(?:주\s*)?)?(?P<wd>[월화수목금토일])요일")),
    # "지난 주말 코스피는 … 마감" in a Monday note: the week's last session, its Friday
    ("weekday", gated(r"(?P<last>지난\s*)주\s*말(?:에|엔|에는)?(?=[\s,])")),
    ("daynum", gated(r"\bthe\s+(?P<d>\d{1,2})(?:st|nd|rd|th)\b")),
    ("daynum", gated(r"(?<![\d.,조억만천월])(?P<d>\d{1,2})일(?![간째])")),
    # "ended 2023 at 2,655.28", "ended last year at 2,399.49": the last session of that year
    ("lastyear_final", gated(r"\b(?:ended|finished|closed(?: out)?|wrapped up)\s+(?:last year|the previous year|(?P<y>(?:19|20)\d\d))(?=\s+(?:at|on)\b)")),
    ("lastyear_final", gated(r"(?:last year's (?:final|last) (?:session|trading day)|the (?:final|last) (?:session|trading day) of (?:last|the previous) year|지난해 마지막 거래일)")),
    ("following", gated(r"\b(?:the following (?:day|session|trading day)|the next (?:day|session|trading day)|a day later)\b")),
    ("previous", gated(r"\b(?:the (?:previous|prior|preceding) (?:trading )?(?:session|trading day|day)|(?:just )?(?:a|one) (?:day|session|trading day) (?:earlier|before)|the day before|yesterday)\b|전 거래일|전날|전일|어제(?!오늘)")),
    ("today", gated(r"이날|오늘(?!날)|\btoday\b|this morning")),
    ("that_day", gated(r"\b(?:that|the same) (?:day|session)\b|같은 날|당일|당시|그날")),
)
DATE_TABLE = Table(DATE_PATTERNS)
# "up from 158,900 won on Wednesday": the date of a move's base, which dates the base alone
BASE_BEFORE = gated(r"\bfrom\s+(?:W|\$)?\d[\d,.]*\s*(?:won|points?|percent|pct|%)?\s+(?:on\s+)?(?:(?:its|the|last)\s+)*$")
# "the previous session", as a date phrase the text implies rather than prints
PREVIOUS_SESSION = DateRef("previous", "previous session", 0, 0)
CALENDAR_PREVIOUS = re.compile(r"yesterday|전날|전일|어제", re.I)
COMPARISON_BEFORE = gated(r"(?:\bfrom|\bthan|\bover|\bversus|\bvs\.?|\bcompared (?:with|to)|\bsince|\babove|\bbelow)\s+(?:(?:on|its|the|last)\s+)*$")
COMPARISON_AFTER = gated(r"^\s*(?:\([^)]{0,15}\))?\s*\)?\s*(?:(?:주간|야간)\s*(?:거래\s*)?)?(?:종가|마감가)?\s*(?:\([^)]{0,15}\)|\d[\d,.]*\s*(?:포인트|원)?)?\)?\s*(?:대비|보다|에 비해)")
# "지난 2일 종가(6118.40)보다", "전 거래일 주간 거래 종가 대비", "전 거래일(1월 31일) 종가 2517.37보다": the base's day
# "after Friday's Constitution Day closure": a day with no session, not the figures' day
CLOSURE_AFTER = gated(r"^(?:'s|\u2019s)?\s+(?:[\w-]+\s+){0,3}(?:closure|holiday|break|shutdown)\b", re.I)
# "a day after reaching the milestones": the milestones were one session before the clause's date
DAY_AFTER = gated(r"\ba day after\b")


T = TypeVar("T")


def scan(table: Table[tuple[str, Gated]], text: str, make: Callable[[str, re.Match[str]], T | None]) -> list[T]:
    """Matches of a table's (form, pattern) rows, earlier rows first, never overlapping, in text order."""
    found: list[tuple[int, T]] = []
    taken: list[tuple[int, int]] = []
    for form, pat in table.open(text):
        for m in pat.matches(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            item = make(form, m)
            if item is not None:
                found.append((s, item))
                taken.append((s, e))
    return [item for _, item in sorted(found, key=lambda x: x[0])]


def find_dates(text: str) -> list[DateRef]:
    """Every date phrase in ``text``, leftmost-longest, non-overlapping."""
    def make(form: str, m: re.Match[str]) -> DateRef | None:
        ref = _make(form, m)
        if ref is None:
            return None
        s, e = m.span()
        comparison = bool(COMPARISON_BEFORE.search(text[max(0, s - 25):s]) or COMPARISON_AFTER.match(text[e:e + 25])
                          or BASE_BEFORE.search(text[max(0, s - 40):s])
                          or CLOSURE_AFTER.match(text[e:e + 60]))
        return replace(ref, comparison=comparison)
    return scan(DATE_TABLE, text, make)


def _make(form: str, m: re.Match[str]) -> DateRef | None:
    g = m.groupdict()
    s, e = m.span()
    month = None
    if g.get("m"):
        month = int(g["m"]) if g["m"].isdigit() else MONTHS.get(fold(g["m"][:3]))
        if g["m"][:4].lower() == "sept":
            month = 9
        if month is None or not 1 <= month <= 12:
            return None
    day = int(g["d"]) if g.get("d") else None
    if day is not None and not 1 <= day <= 31:
        return None
    if form == "full":
        return DateRef(form, m.group(), s, e, year=int(g["y"]), month=month, day=day)
    if form == "lastmonth":
        return DateRef(form, m.group(), s, e, day=day)
    if form == "sameyear":
        return DateRef(form, m.group(), s, e, month=month, day=day)
    if form == "monthday":
        return DateRef(form, m.group(), s, e, month=month, day=day,
                       year_offset=-1 if g.get("ly") else 0)
    if form == "weekday":
        wd = g.get("wd")
        return DateRef(form, m.group(), s, e, weekday=WEEKDAYS.get(fold(wd), KO_WEEKDAYS.get(wd)) if wd else 4)
    if form == "daynum":
        return DateRef(form, m.group(), s, e, day=day)
    if form == "lastyear_final" and g.get("y"):
        return DateRef(form, m.group(), s, e, year=int(g["y"]))
    return DateRef(form, m.group(), s, e)


class Unresolved(Exception):
    """A date phrase that cannot be resolved (no article date, impossible date...)."""


def resolve(ref: DateRef, doc: date | None, cal: Calendar, *, report: date | None = None) -> tuple[date, str]:
    """Resolve ``ref`` against the article date ``doc``; return the date and how.

    ``report`` is the session the article reports on (for "the previous session").
    """
    try:
        return _resolve(ref, doc, cal, report)
    except (OverflowError, ValueError):
        raise Unresolved(f"'{ref.text}' falls outside the calendar") from None


def _resolve(ref: DateRef, doc: date | None, cal: Calendar, report: date | None) -> tuple[date, str]:
    if ref.form == "full":
        try:
            return date(ref.year or 0, ref.month or 0, ref.day or 0), f"stated '{ref.text}'"
        except ValueError:
            raise Unresolved(f"'{ref.text}' is not a calendar date") from None
    if doc is None:
        raise Unresolved(f"'{ref.text}' needs the article's date, and the article has none")
    base = report or doc
    if ref.form == "that_day":
        raise Unresolved(f"'{ref.text}' names no day it refers to")
    if ref.form == "following":
        raise Unresolved(f"'{ref.text}' names no day it follows")
    if ref.form == "today":
        return base, f"'{ref.text}' = {base}"
    if ref.form == "previous":
        # "the previous session" is the one before the session reported on; "yesterday"/"전날" the one
        # before the day of writing, which in a next-morning report is the session it reports on
        of = doc if CALENDAR_PREVIOUS.match(ref.text) else base
        d = cal.previous_session(of)
        return d, f"previous session of {of}"
    if ref.form == "lastyear_final":
        year = ref.year or doc.year - 1
        if year >= doc.year:
            raise Unresolved(f"'{ref.text}' is not a finished year of a {doc.year} article")
        d = cal.last_session_of_year(year)
        return d, f"last session of {year}"
    if ref.form == "weekday":
        back = (doc.weekday() - (ref.weekday or 0)) % 7
        if ref.text.lower().startswith(("last", "지난")) and back == 0:
            back = 7
        if LAST_WEEK.match(ref.text):
            back = doc.weekday() + 7 - (ref.weekday or 0)
        d = doc - timedelta(days=back)
        return d, f"weekday '{ref.text}' → {d}"
    if ref.form == "daynum":
        d = latest_day(doc, None, ref.day or 0)
        if d is None:
            raise Unresolved(f"'{ref.text}' is not a day of a recent month")
        return d, f"day '{ref.text}' → {d}"
    if ref.form == "monthday":
        if ref.year_offset:
            try:
                d = date(doc.year + ref.year_offset, ref.month or 0, ref.day or 0)
            except ValueError:
                raise Unresolved(f"'{ref.text}' is not a calendar date") from None
            return d, f"'{ref.text}' → {d}"
        d = latest_day(doc, ref.month, ref.day or 0)
        if d is None:
            raise Unresolved(f"'{ref.text}' is not a calendar date")
        return d, f"'{ref.text}' without a year → {d}"
    if ref.form == "lastmonth":
        first = doc.replace(day=1) - timedelta(days=1)  # the last day of the month before
        try:
            d = first.replace(day=ref.day or 0)
        except ValueError:
            raise Unresolved(f"'{ref.text}' is not a day of the month before {doc}") from None
        return d, f"'{ref.text}' → {d}"
    if ref.form == "sameyear":  # the reading gives it the year of the date before it (extraction.context)
        raise Unresolved(f"'{ref.text}' names the year of a date the text does not give")
    raise Unresolved(f"cannot resolve '{ref.text}'")  # pragma: no cover


# ---- times of day (the vocabulary's as_of) ----

TIME_PATTERNS: tuple[tuple[str, Gated], ...] = (
    # "오전 10시에 문을 연 코스피는 13.55포인트 오른 2249.95로 출발": the clock of the open is the open
    ("open", gated(r"(?:오전\s*)?\d{1,2}시(?:\s*\d{1,2}분)?에\s*(?:문을 (?:열|연)|개장(?:한|해|했)?|거래를 시작)")),
    ("clock", gated(r"\b(?P<h>\d{1,2})(?::(?P<mi>\d{2}))?\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b)")),
    ("clock", gated(r"(?P<ko_ap>오전|오후)\s*(?P<h>\d{1,2})시(?:\s*(?P<mi>\d{1,2})분)?")),
    # "9시 15분 현재", "오후 2시 기준" without 오전/오후: the session's hours read as in "at 2:30"
    ("clock", gated(r"(?<![\d오후전]\s)(?<!\d)(?P<h>\d{1,2})시\s*(?:(?P<mi>\d{1,2})분\s*)?(?=현재|기준|께|쯤|경)")),
    # Reuters' "As of 0230 GMT": Greenwich time, nine hours behind Seoul
    ("clock", gated(r"\b(?P<h>[01]\d|2[0-3]):?(?P<mi>[0-5]\d)\s*(?P<gmt>GMT|UTC)\b")),
    ("clock", gated(r"\b(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)\s*(?:KST|Seoul time|local time)\b")),
    ("clock", gated(r"(?:(?<=\bas of )|(?<=\bat )|(?<=\bby ))(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)\b(?!\s*(?:a\.m|p\.m|am\b|pm\b|[ap]\.?\s*$|[ap]\.(?!\w)))", re.I)),
    ("first_minutes", gated(r"\b(?:in|within) the first (?P<n>\d{1,2}|five|ten|fifteen|twenty|thirty) minutes\b")),
    ("first_minutes", gated(r"\b(?P<n>\d{1,2}|five|ten|fifteen|twenty|thirty|forty|forty-five) minutes into (?:the )?(?:session|trading|trade|the day)\b", re.I)),
    ("first_minutes", gated(r"\b(?P<n>half an hour|an hour) into (?:the )?(?:session|trading|trade|the day)\b", re.I)),
    ("press", gated(r"\bas of press time\b|\bat press time\b")),
    ("intraday", gated(r"\b(?:early|late|earlier|later) in the (?:session|day|trading)\b|\bduring (?:the )?(?:session|trading|the day)\b|\bintraday\b|\bin (?:the )?(?:morning|afternoon) (?:trade|trading|session)\b|\bmidday\b|장중|장 초반")),
    ("open", gated(r"\bat the open(?:ing bell|ing)?\b|\bat the start\b|\bat the opening\b|\bopen(?:ed|s)\b|\bopening\b|\bstarted the (?:session|day)\b|\b(?:[Tt]rading|[Tt]he session|[Tt]he day) beg[au]n\b|\bkicked off\b|\bthe open(?= (?:was|stood|came)\b)|출발|시초가|개장|첫 거래(?!일)|문을 (?:열|연)|거래를 시작")),
    ("close", gated(r"\bclos(?:e|ed|ing)\b|\bfinish(?:ed|ing)?\b|\bended\b|\bend(?:ed)? the session\b|\bsettled\b|\bended\b|마감|마쳤|끝냈|종가")),
)
TIME_TABLE = Table(TIME_PATTERNS)
WORD_NUMS = {"five": 5, "ten": 10, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
             "forty-five": 45, "half an hour": 30, "an hour": 60}


@dataclass(unsafe_hash=True)  # a value, as kospitl.records
class TimeRef:
    form: str  # clock | first_minutes | press | intraday | open | close
    as_of: str
    start: int
    end: int




def after_the_bell(as_of: str) -> bool:
    """A clock time after KRX trading ends at 15:30: the close for stocks (the won trades on).

    >>> after_the_bell("16:30"), after_the_bell("15:30"), after_the_bell("close")
    (True, False, False)
    """
    return len(as_of) == 5 and as_of[2] == ":" and as_of > "15:30"


def find_times(text: str) -> list[TimeRef]:
    """Every time-of-session phrase in ``text`` with the as_of it gives."""
    def make(form: str, m: re.Match[str]) -> TimeRef | None:
        as_of = _as_of(form, m)
        return None if as_of is None else TimeRef(form, as_of, m.start(), m.end())
    return scan(TIME_TABLE, text, make)


def _as_of(form: str, m: re.Match[str]) -> str | None:
    g = m.groupdict()
    if form == "clock":
        h, mi = int(g["h"]), int(g.get("mi") or 0)
        if g.get("gmt"):
            h = (h + 9) % 24
            return "close" if (h, mi) == (15, 30) else f"{h:02d}:{mi:02d}"
        pm = (g.get("ap") or "").lower().startswith("p") or g.get("ko_ap") == "오후"
        if pm and h < 12:
            h += 12
        elif not g.get("ap") and not g.get("ko_ap") and 1 <= h <= 6:
            h += 12  # "at 2:30" with no a.m./p.m.: the exchange trades 9:00-15:30
        if not (0 <= h < 24 and 0 <= mi < 60):
            return None
        if (h, mi) == (15, 30):
            return "close"  # the end of KRX trading and of the won's day session
        return f"{h:02d}:{mi:02d}"  # later clocks: the won trades on (stocks' are the close: the emitter)
    if form == "first_minutes":
        n = g["n"]
        minutes = int(n) if n.isdigit() else WORD_NUMS[n.lower()]
        return f"{9 + minutes // 60:02d}:{minutes % 60:02d}" if minutes <= 120 else None
    if form in ("press", "intraday"):
        return "intraday"
    return form
