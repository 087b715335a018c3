"""The publication time an article's head prints: one table of stamp forms, one of layouts.

A *stamp* is a date with or without a clock time, as pages print it (``2025-09-11 15:58:21``,
``2025.10.28 16:21``, ``2025년 09월 26일(금) 15:47``, ``13 Feb. 2026, 17:05``, ``Oct. 29, 2025 -
16:12``, ``February 23, 2026 — 07:52 pm EST``, ``2026-02-12T06:41:00Z``). A *layout* says what
a stamp is from the text just before it on its line (or on the line above, for a label alone on
its line and list items such as ``- Input`` / ``- 2025-09-26 17:12:45``):

- ``published``: a publication label (Published, Posted, Input, 입력, 등록, 송고시간, 승인 ...);
- ``updated``: an update label (Updated, Last updated, 수정, 최종수정 ...);
- ``line``: an unlabelled stamp in the page head (a time line under the headline, a byline's
  ``e-mail | stamp``, ``stamp | 수정 ...``);
- ``page``: a weekday-led date with no time alone on its line, the page header a crawl prints
  (``Wednesday, December 24, 2025``). It is never the document's time.

``publication`` picks the article's clock from the stamps: the first publication stamp wins over
update stamps. Times are converted to KST; an impossible date (2025-02-30) is not a date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from datetime import date, datetime, timedelta, timezone
from typing import Iterator

from kospitl.gate import Gated, fold, gated, solid_width  # fold: case-insensitive matches of month names: "ſep", "İ"

KST = timezone(timedelta(hours=9))

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
MONTH_RE = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
            r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
WEEKDAY_RE = r"(?:Mon(?:day)?|Tue(?:s|sday)?|Wed(?:nesday)?|Thu(?:rs|rsday)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?)"
YEAR = r"(?P<y>(?:19|20)\d\d)"
# where a year ends: no digit follows, or only its clock glued on ("November 6, 20234:19 PM GMT+9":
# Reuters' date and time spans printed without a space between)
YEAR_STOP = r"(?: (?!\d) | (?=\d{1,2}:\d\d) )"

# ---- stamp forms: the date, then (optionally) its clock time --------------------------------

DATE_FORMS: tuple[tuple[str, Gated], ...] = (  # gated: each scans a whole page head
    # 2026-02-12T15:41:00+09:00, 2026-02-12T06:41Z: the time and its offset are part of the date
    ("iso_t", gated(rf"""(?<![\d.]) {YEAR} - (?P<m>\d\d) - (?P<d>\d\d)
        T (?P<H>\d\d) : (?P<M>\d\d) (?: : (?P<S>\d\d) (?:\.\d+)? )?
        (?P<off> Z | [+-]\d\d:?\d\d )?""", re.X)),
    # 2025-09-11, 2025.10.28, 2025.10.27., 2026/02/12, 2025. 9. 10.: one separator throughout
    ("ymd", gated(rf"""(?<![\d.]) {YEAR} \s? (?P<sep>[-./]) \s? (?P<m>\d{{1,2}}) \s? (?P=sep) \s?
        (?P<d>\d{{1,2}}) (?!\d) \.?""", re.X)),
    # "작성일 : 25-12-12": a two-digit year, read only after a publication or update label
    ("ymd2", gated(r"""(?<![\d./-]) (?P<y>[12]\d) (?P<sep>[-./]) (?P<m>[01]\d) (?P=sep) (?P<d>[0-3]\d) (?![\d./-])""", re.X)),
    # 10.04.2025: day first with dots (European clients, chat exports); a year first is "ymd"
    ("dmy_dot", re.compile(rf"""(?<![\d.]) (?P<d>\d{{1,2}}) \. (?P<m>\d{{1,2}}) \. {YEAR} (?![\d.])""", re.X)),
    # 02/03/2025, 03/02/2025: month or day first, as the site's country has it (US sites month first,
    # European day first); read both ways unless one part is over 12, and the clock is dropped
    # (such sites print the reader's or the desk's clock, never Seoul's)
    ("slash", re.compile(rf"""(?<![\d./]) (?P<p>\d{{1,2}}) / (?P<q>\d{{1,2}}) / {YEAR} (?![\d/])""", re.X)),
    # 2025년 09월 26일
    ("ko_ymd", gated(rf"""{YEAR} \s* [년年] \s* (?P<m>\d{{1,2}}) \s* [월月] \s* (?P<d>\d{{1,2}}) \s* [일日]""", re.X)),  # and a Japanese page's 2023年1月2日
    # Oct. 29, 2025 / Thursday, December 5, 2024 / October. 28, 2025 / Sept 10 2025 / Mar.21,2024 (Hankyoreh)
    # / Jan 25 (Mon), 2021 (KED Global)
    ("en_mdy", gated(rf"""(?: (?P<wd>{WEEKDAY_RE}) \.? ,? \s+ )?
        (?P<mon>{MONTH_RE}) (?: \.\s* | \s+ ) (?P<d>\d{{1,2}}) (?:st|nd|rd|th)? (?: \s* \( (?:{WEEKDAY_RE}) \.? \) )?
        (?: \s*,\s* | \s+ ) {YEAR} {YEAR_STOP}""", re.X | re.I)),
    # 13 Feb. 2026 / 11 Sep. 2025 / Thu, 12 Feb 2026
    ("en_dmy", gated(rf"""(?: (?P<wd>{WEEKDAY_RE}) \.? ,? \s+ )?
        (?<!\d) (?P<d>\d{{1,2}}) \s+ (?P<mon>{MONTH_RE}) \.? ,? \s+ {YEAR} {YEAR_STOP}""", re.X | re.I)),
)

# the clock time right after a date: "15:58:21", "- 16:12", ", 17:05", "· 07:30 KST", "3:58 PM GMT+9",
# "— 07:52 pm EST", "(금) 15:47", "오후 4:41", "오후 4시 21분"
TIME_AFTER = re.compile(r"""
    (?: \s* \( (?: [월화수목금토일] | (?-i:[A-Z][a-z]{2}) \.? ) \) )?   # (금), (Thu)
    \s* (?: [,·|@(\u2013\u2014-] | \bat\b )? \s* ,? \s*                # one separator
    (?: (?P<ap_ko>오전|오후) \s* )?
    (?: (?P<H>\d{1,2}) : (?P<M>\d\d) (?: : (?P<S>\d\d) (?:\.\d+)? )?
      | (?P<KH>\d{1,2}) \s* 시 \s* (?P<KM>\d{1,2}) \s* 분 )
    (?!\d)
    (?: \s* (?P<ap> [AaPp] \.? \s? [Mm] \.? ) (?![a-z]) )?
    (?: \s* \(? \s* (?-i: (?P<tz> KST|JST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|PT|GMT|UTC|BST|CET|CEST|HKT|SGT ) )
        (?: \s* (?P<tzoff> [+-] \s* \d{1,2} (?: :? \d\d )? ) )? (?: [ \t]* \) )?
      | \s* (?P<off> [+-]\d\d:?\d\d ) (?!\d) )?
    """, re.X | re.I)

# the clock time just before a date, AP's way: "Updated 2:13 AM EST, February 24, 2026",
# "Published 15:41 KST, Feb. 12, 2026"; only with a zone or am/pm, so a bare "16:21 2025-10-28" stays unread
TIME_BEFORE = re.compile(r"""
    (?<![\d:]) (?P<H>\d{1,2}) : (?P<M>\d\d) (?: : (?P<S>\d\d) )?
    (?: \s* (?P<ap> [AaPp] \.? \s? [Mm] \.? ) (?![a-z]) )?
    (?: \s* (?-i: (?P<tz> KST|JST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|PT|GMT|UTC|BST|CET|CEST|HKT|SGT ) )
        (?: \s* (?P<tzoff> [+-] \s* \d{1,2} (?: :? \d\d )? ) )? )?
    \s* [,·|\u2013\u2014-]? \s* (?: on \s+ )? $""", re.X | re.I)

ZONES = {"KST": 9, "JST": 9, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6,
         "PST": -8, "PDT": -7, "GMT": 0, "UTC": 0, "BST": 1, "CET": 1, "CEST": 2, "HKT": 8, "SGT": 8}
US_ZONES = {"ET": -5, "PT": -8}  # standard offsets; daylight time adds an hour

# ---- layouts: what the text before a stamp makes of it --------------------------------------


@dataclass(frozen=True)
class Layout:
    name: str
    role: str  # published | updated | line
    before: re.Pattern[str]  # matches the end of the text before the stamp


def _layout(name: str, role: str, before: str) -> Layout:
    return Layout(name, role, re.compile(before + r"\s*[:：]?\s*$", re.X | re.I))


LAYOUTS_EN: tuple[Layout, ...] = (
    # "Published : Oct. 29, 2025 - 16:12", "Posted : 2025-09-26 16:19", "Input 2025-11-25 14:41",
    # "Written: 2025-09-11 16:52:40", "Date : 2026.02.12", "First published on Feb 12, 2026",
    # "Approved 2024.09.05 08:51" (BusinessKorea: 승인, the editor's release)
    _layout("published_en", "published", r"""\b(?: Published | Posted | Input | Created | Written | Write | Released
        | Issued | Approved | First \s+ (?:published|posted) | Date (?: \s+ (?:posted|published) )? | Publication \s+ date
        | Publish \s+ date ) (?: \s+ (?:on|at) )?"""),
    # "Updated : Oct. 29, 2025 - 16:40", "Last updated 2026-02-12 16:00", "Modified: ..."
    _layout("updated_en", "updated", r"""\b(?: (?:Last \s+)? (?: Updated | Modified | Edited | Revised | Amended )
        | Update ) (?: \s+ (?:on|at) )?"""),
    # a feed's item stamps: "<pubDate>Thu, 10 Apr 2025 23:10:00 GMT</pubDate>", "<published>…"
    _layout("feed_published", "published", r"""< (?: pubDate | published | dc:date | issued ) >"""),
    _layout("feed_updated", "updated", r"""< (?: lastBuildDate | updated | atom:updated | modified ) >"""),
    # a page's structured data kept by the crawl: JSON-LD's "datePublished":"2025-02-03T16:42:10+09:00",
    # <meta property="article:published_time" content="2025-02-03T16:42:10+09:00">
    _layout("meta_published", "published", r"""(?: " (?: datePublished | dateCreated | published_time | pubdate ) " \s* : \s* "
        | (?: article:published_time | og:published_time | datePublished | pubdate ) " \s+ content \s* = \s* " )"""),
    _layout("meta_updated", "updated", r"""(?: " (?: dateModified | modified_time | updated_time ) " \s* : \s* "
        | (?: article:modified_time | og:updated_time | dateModified ) " \s+ content \s* = \s* " )"""),
    # "By Han Seo-yeon (syhan@theinvestor.co.kr) | 2025-09-26 17:12", "dani@sedaily.com | 2025-09-11 15:58:21"
    _layout("email_byline", "line", r"""[\w.+-]+ @ [\w-]+ (?: \. [\w-]+ )+ \s* [)\]]? \s* [|·,\u2013\u2014-]"""),
)
LAYOUTS_KO: tuple[Layout, ...] = (
    # 입력 2025.10.28 16:21, 입력2025.09.10 16:41, 등록 2025.09.10 14:31:05, 기사입력 2025-10-20 16:08,
    # 송고시간 2025-10-28 16:21, 발행일 2026.02.12, 승인 2026.02.12 15:41, 작성일 2026-02-12
    _layout("published_ko", "published", r"""(?: 기사 \s* )? (?: 입력 | 등록 | 송고 | 발행 | 게재 | 작성 | 승인 | 전송 | 출고 )
        (?: \s* (?: 시간 | 일시 | 일자 | 일 ) )?"""),
    # 수정 2025.10.28 16:48, 최종수정 2025-11-05 16:31:02, 업데이트 2026.02.12 16:00
    _layout("updated_ko", "updated", r"""(?: 최종 \s* )? (?: 수정 | 업데이트 | 갱신 | 편집 ) (?: \s* (?: 시간 | 일시 | 일자 | 일 ) )?"""),
    # 정다은 기자 | 2025-09-11 15:58:21
    _layout("reporter_byline_ko", "line", r"""기자 \s* [|·]"""),
)
LAYOUTS: tuple[Layout, ...] = LAYOUTS_EN + LAYOUTS_KO

# an unlabelled stamp counts only in the page head, on a short line: at its start, or after a
# masthead's separator ("Korea Pro · Thursday, December 5, 2024 · 07:30 KST", "뉴스1 | 2026-02-12 15:41")
LINE_START = re.compile(r"^[\s\-•·*\u2500\u2014=\[]*$")  # "──── 10.04.2025 ────": a chat export's day rule
AFTER_SEPARATOR = re.compile(r"[|·]\s*$")
WEEKDAY_TAIL = re.compile(r"\(\s*(?:[월화수목금토일]|[A-Z][a-z]{2})\.?\s*\)")
MASTHEAD_GAP = re.compile(r"[A-Za-z\uac00-\ud7a3][^\d]*\S[ \t]{2,}$")  # a masthead's name, a wide gap, the stamp
SECTION_LABEL = re.compile(r"\s*[A-Z][A-Z&/.]+(?: [A-Z&/.]+)?\s+")  # a section's name in capitals before the stamp
BRACKET_LABEL = re.compile(r"\s*\[[^\]\n\d]{1,30}\]\s*")  # a post's bracketed title before its stamp
HEAD_LINE_MAX = 120
PARAGRAPH = 200  # a line this long is prose: the page head has ended
BULLET = re.compile(r"^[\s\-•·*]*$")


@dataclass(frozen=True)
class Stamp:
    """One date (and time) the head prints, with what its layout makes of it."""

    role: str | None  # published | updated | line | page, or None (a date in prose)
    layout: str
    day: date  # the KST date
    when: datetime | None  # KST; None when no clock time is printed (or only a midnight placeholder)
    start: int
    end: int
    other: date | None = None  # "02/03/2025": the day-first reading, when month-first (``day``) is not the only one


@dataclass(frozen=True)
class Publication:
    published_at: datetime | None
    updated_at: datetime | None
    day: date | None
    source: str | None
    page_dates: tuple[tuple[int, int], ...] = ()  # spans of crawl-date page headers: never a date
    lines: tuple[tuple[int, int], ...] = ()  # the spans of the head's stamps (page furniture, not claims)
    # a second reading of ``day``: the day-first one of "02/03/2025" (the text must choose, else no
    # date), or Seoul's day of a foreign desk's evening stamp (the text may choose, else the desk's)
    other: date | None = None
    fallback: date | None = None


def _month(g: dict[str, str | None]) -> int:
    name = g.get("mon")
    if name:
        key = fold(name)
        return 9 if key.startswith("sept") else MONTHS[key[:3]]
    return int(g["m"] or 0)


def _offset(t: dict[str, str | None], day: date, hh: int, mm: int) -> timezone:
    if t.get("off"):
        return _fixed(t["off"] or "")
    tz = t.get("tz")
    if not tz:
        return KST
    base = timezone(timedelta(hours=zone_hours(tz, datetime(day.year, day.month, day.day, hh, mm))))
    if t.get("tzoff"):  # "GMT+9", "UTC+09:00"
        return _fixed(t["tzoff"] or "")
    return base


def zone_hours(tz: str, local: datetime) -> int:
    """The UTC offset of a zone named by its abbreviation at the local time ``local`` ("ET" is
    New York's, -4 in daylight time, else -5)."""
    hours = ZONES.get(tz)
    return hours if hours is not None else US_ZONES[tz] + (1 if _us_daylight(local) else 0)


def _fixed(text: str) -> timezone:
    if text in ("Z", "z"):
        return timezone.utc
    s = text.replace(" ", "").replace(":", "")
    sign = -1 if s[0] == "-" else 1
    digits = s[1:]
    hh, mm = (int(digits[:-2]), int(digits[-2:])) if len(digits) > 2 else (int(digits), 0)
    return timezone(sign * timedelta(hours=hh, minutes=mm))


def _us_daylight(local: datetime) -> bool:
    """US daylight time (since 2007): from 2 a.m. on March's second Sunday to 2 a.m. on
    November's first Sunday, local time."""
    def sunday(month: int, n: int) -> datetime:
        first = datetime(local.year, month, 1, 2)
        return first + timedelta(days=(6 - first.weekday()) % 7 + 7 * (n - 1))
    return sunday(3, 2) <= local < sunday(11, 1)


def _slash_days(m: re.Match[str]) -> tuple[date, date | None] | None:
    """The readings of "02/03/2025": month first, and day first when that is a date too."""
    p, q, y = int(m["p"]), int(m["q"]), int(m["y"])
    readings = []
    for mo, d in ((p, q), (q, p)):
        try:
            readings.append(date(y, mo, d))
        except ValueError:
            pass
    readings = list(dict.fromkeys(readings))
    if not readings:
        return None
    return readings[0], (readings[1] if len(readings) > 1 else None)


def _stamp_at(text: str, m: re.Match[str]) -> tuple[date, datetime | None, int, int] | None:
    """The date as printed (and the KST time) of one date match, and the start and end of its
    stamp; None when the date is impossible."""
    g = m.groupdict()
    t: dict[str, str | None] = g
    if "p" in g:
        days = _slash_days(m)
        if days is None:
            return None
        tm = TIME_AFTER.match(text, m.end())
        timed = tm is not None and "\n" not in text[m.end():tm.start()] and bool(tm["H"] or tm["KH"])
        end = tm.end() if timed else m.end()  # type: ignore[union-attr]
        if not (timed and days[1] is None and tm["tz"]):  # type: ignore[index]
            return days[0], None, m.start(), end
        # "05/13/2024 | 10:20pm EDT": one reading, a zone by name: its clock is the desk's, and Seoul's instant
        day, start, t = days[0], m.start(), tm.groupdict()  # type: ignore[union-attr]
    else:
        try:
            year = int(g["y"] or 0)
            day = date(year + 2000 if year < 100 else year, _month(g), int(g["d"] or 0))
        except (ValueError, KeyError):
            return None  # 2025-02-30 is not a date
        start, end = m.start(), m.end()
    if t.get("H") is None and t.get("KH") is None:
        tm = TIME_AFTER.match(text, end)
        if tm is not None and "\n" not in text[end:tm.start("H") if tm["H"] else tm.start("KH")]:
            t, end = tm.groupdict(), tm.end()
        else:
            line_start = text.rfind("\n", 0, start) + 1
            tb = TIME_BEFORE.search(text[line_start:start])
            if tb is None or not (tb["ap"] or tb["tz"]):
                return day, None, start, end
            t, start = tb.groupdict(), line_start + tb.start()
    hh = int(t.get("H") or t.get("KH") or 0)
    mm = int(t.get("M") or t.get("KM") or 0)
    ap = (t.get("ap") or "").lower()[:1] or {"오전": "a", "오후": "p"}.get(t.get("ap_ko") or "", "")
    if ap and not 1 <= hh <= 12:
        return day, None, m.start(), m.end()  # "14:00 pm" is no clock
    if ap:
        hh = hh % 12 + (12 if ap == "p" else 0)
    if not (0 <= hh < 24 and 0 <= mm < 60):
        return day, None, m.start(), m.end()
    if (hh, mm) == (0, 0) and not (t.get("S") or "").strip("0"):
        return day, None, m.start(), m.end()  # a midnight placeholder: the date only
    local = datetime(day.year, day.month, day.day, hh, mm, tzinfo=_offset(t, day, hh, mm))
    kst = local.astimezone(KST)
    # A zone printed by name is the desk's own day: a U.S. desk's "February 23, 2026 - 07:52 pm
    # EST" (09:52 on the 24th in Seoul) reports on the 23rd, its "Monday". A machine stamp (Z,
    # +09:00) is an instant: its day is Seoul's.
    named = bool(t.get("tz")) and t.get("tz") not in ("KST", "JST")
    return (day if named else kst.date()), kst, start, end


def latest_day(doc: date, month: int | None, day: int) -> date | None:
    """The latest date with this month (or any month) and day, not after ``doc``."""
    y, m = doc.year, doc.month
    for _ in range(24):
        if month is None or m == month:
            try:
                d = date(y, m, day)
            except ValueError:
                d = None
            if d is not None and d <= doc:
                return d
        m -= 1
        if m == 0:
            y, m = y - 1, 12
    return None


def _head_end(text: str, start: int) -> int:
    """Where the page head ends: at the first line of prose."""
    pos = start
    for line in text[start:].splitlines(keepends=True):
        if len(line.strip()) >= PARAGRAPH:
            return pos
        pos += len(line)
    return pos


# The English forms open with case-insensitive weekday and month names, which the engine tries at
# nearly every letter of a page head (a third of the stamps' time). Every match of theirs ends
# with its year (a digit does not follow it) and holds at most ``solid_width`` characters other
# than whitespace, so they are scanned only in the stretch before each year that a match can
# span: the same matches as a scan of the whole head.
YEAR_LAST = frozenset({"en_mdy", "en_dmy"})
YEAR_END = re.compile(rf"(?:19|20)\d\d{YEAR_STOP}", re.X)


@lru_cache(maxsize=None)
def _reach(pat: Gated) -> int | None:
    return solid_width(pat.regex)


def _near_years(pat: Gated, text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """``pat.finditer(text, start, end)`` for a form whose matches end with the year."""
    reach = _reach(pat)
    if reach is None:  # pragma: no cover - a form without a bound is scanned whole
        yield from pat.finditer(text, start, end)
        return
    spans: list[list[int]] = []  # stretches that can hold a match, merged where they overlap
    for y in YEAR_END.finditer(text, start, end):
        lo, solid = y.end(), 0
        while lo > start and (text[lo - 1].isspace() or solid < reach):  # \s is str.isspace
            solid += not text[lo - 1].isspace()
            lo -= 1
        hi = min(end, y.end() + 5)  # the characters after the year: what YEAR_STOP reads
        if spans and lo <= spans[-1][1]:
            spans[-1][1] = hi
        else:
            spans.append([lo, hi])
    pos = start
    for lo, hi in spans:
        for m in pat.finditer(text, max(lo, pos), hi):
            pos = m.end()
            yield m


def find_stamps(text: str, start: int = 0, end: int | None = None) -> list[Stamp]:
    """Every date stamp in ``text[start:end]`` in text order, each with the role its layout gives."""
    end = len(text) if end is None else end
    head_end = _head_end(text, start)
    taken: list[tuple[int, int]] = []
    found: list[Stamp] = []
    for form, pat in DATE_FORMS:
        for m in (_near_years(pat, text, start, end) if form in YEAR_LAST else pat.finditer(text, start, end)):
            if any(m.start() < te and ts < m.end() for ts, te in taken):
                continue
            got = _stamp_at(text, m)
            if got is None:
                taken.append(m.span())
                continue
            day, when, first, stop = got
            if first < m.start() and any(first < te and ts < m.start() for ts, te in taken):
                day, when, first, stop = day, None, m.start(), m.end()  # that clock is another stamp's
            taken.append((first, stop))
            role, layout = _role(text, m, first, stop, head_end, when is not None)
            if form == "ymd2" and role not in ("published", "updated"):
                continue  # "25-12-12" with no label may be anything
            if when is not None and layout in ("feed_published", "feed_updated"):
                day = when.date()  # a feed's clock is a machine's (RFC 822 GMT): an instant, its day Seoul's
            other = _slash_days(m)[1] if form == "slash" else None  # type: ignore[index]
            if other is None and when is not None and when.date() != day and not (layout or "").startswith("feed"):
                other = when.date()  # "January 21, 2026 at 9:40 PM EST": the desk's Wednesday, Seoul's Thursday
            found.append(Stamp(role, layout or form, day, when, first, stop, other))
    return sorted(found, key=lambda s: s.start)


def _role(text: str, m: re.Match[str], first: int, stop: int, head_end: int,
          timed: bool) -> tuple[str | None, str | None]:
    line_start = text.rfind("\n", 0, first) + 1
    line_end = text.find("\n", stop)
    line_end = len(text) if line_end < 0 else line_end
    before = text[line_start:first]
    if BULLET.match(before) and line_start > 0:
        # a label alone on the line above: "Input\n2026-02-03 15:41:02", "- Input\n- 2025-09-26 17:12:45"
        prev_start = text.rfind("\n", 0, line_start - 1) + 1
        above = text[prev_start:line_start - 1].strip(" \t-•·*")
        for lay in LAYOUTS:
            if lay.role != "line" and lay.before.fullmatch(above + " ") and len(above) <= 40:
                return lay.role, lay.name
    for lay in LAYOUTS:
        if (len(before) <= HEAD_LINE_MAX or lay.name.startswith("meta_")) and lay.before.search(before):
            if lay.role == "line" and (m.start() >= head_end or line_end - line_start > HEAD_LINE_MAX):
                continue
            return lay.role, lay.name
    if m.start() >= head_end or line_end - line_start > HEAD_LINE_MAX:
        return None, None
    rest = text[stop:line_end].strip().strip("\u2500\u2014=-")  # a day rule's tail ("──── 10.04.2025 ────")
    if LINE_START.match(before):
        if not timed and m.groupdict().get("wd") and not rest.strip():
            return "page", "page_date_line"
        if not rest.strip() or rest.lstrip().startswith(("|", "·", "(")) or timed:
            return "line", "stamp_line"
        return None, None
    if AFTER_SEPARATOR.search(before) and len(before) <= 40:
        return "line", "masthead_stamp"
    if len(before.rstrip()) <= 60 and MASTHEAD_GAP.search(before) and \
            ((timed and not rest.strip()) or WEEKDAY_TAIL.fullmatch(rest)):
        return "line", "masthead_stamp"  # "Pulse by Maeil Business News Korea   2021-01-26 08:11:04",
        # a broker note's "Daily Morning Note            2026. 4. 16 (목)"
    if SECTION_LABEL.fullmatch(before) and timed and not rest.strip():
        return "line", "section_stamp"  # Yonhap English: "ECONOMY  2025-12-03 15:54"
    if BRACKET_LABEL.fullmatch(before) and timed and not rest.strip():
        return "line", "bracket_stamp"  # a channel's "[📊 장마감 브리핑] 2025년 10월 27일 (월) 16:02"
    return None, None


def publication(text: str, start: int = 0, end: int | None = None) -> Publication:
    """The article's clock from the stamps of its head (``text[start:end]``).

    In order: the first publication stamp with a time; the first unlabelled head stamp with a
    time; a dated publication stamp; an update stamp (its date only: when the page was published
    it does not say); an unlabelled head date. A crawl-date page header is never one of them.
    """
    stamps = find_stamps(text, start, end)
    pages = tuple((s.start, s.end) for s in stamps if s.role == "page")
    lines = tuple(sorted({(s.start, s.end) for s in stamps if s.role is not None}))
    updated = next((s.when for s in stamps if s.role == "updated" and s.when is not None), None)

    def first(role: str, timed: bool) -> Stamp | None:
        return next((s for s in stamps if s.role == role and (s.when is not None) == timed), None)

    for role, timed, source in (("published", True, "published line"), ("line", True, "time line"),
                                ("published", False, "published line"), ("updated", True, "update line"),
                                ("updated", False, "update line"), ("line", False, "date line")):
        s = first(role, timed)
        if s is None:
            continue
        published = s.when if role != "updated" else None
        fallback = s.day if s.other is not None and s.when is not None else None  # a desk's day stands unless the text names Seoul's
        return Publication(published, updated, s.day, source, pages, lines, s.other, fallback)
    return Publication(None, updated, None, None, pages, lines)


def _line_of(text: str, pos: int) -> tuple[int, int]:
    """The span of the line ``pos`` is on, its newline included."""
    end = text.find("\n", pos)
    return text.rfind("\n", 0, pos) + 1, len(text) if end < 0 else end + 1
