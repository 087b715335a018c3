"""Example tables for date and time phrases (``kospitl.dates``) and the KRX calendar
(``kospitl.sessions``).

Where the rows came from:
- The phrases are copied from the seed and dev articles (``shared/corpus``): "Jan. 2, 2026"
  (seed 002), "Nov. 3" (seed 002, d21), "Oct. 27 last year" (d26, d30), "the 20th" (d17),
  "11월 4일" and "지난해 마지막 거래일" (d23), "from Wednesday" (d21), "at 9:10 a.m." (seed 003),
  "as of 2 p.m." and "as of press time" (seed 004), "in the first 15 minutes" (d07, d22).
- The expected dates are the gold dates of the facts those phrases date
  (``shared/gold/dev.jsonl``, ``seeds.jsonl``) and the traps listed in
  ``shared/corpus/dev/README.md`` ("Traps, by file", items 7-9).
- The rules are ``shared/docs/fact-vocabulary.md``: a month and day without a year is the
  latest such date not after the article's date; "last year" is the article's year minus one;
  weekday names and "the previous session" are read against the article's date on the KRX
  calendar; an article with no date leaves relative dates unresolved; "at 3:30 p.m." is
  ``close``; "as of press time" is ``intraday``.
"""
from __future__ import annotations

from datetime import date

import pytest

from kospitl import sessions
from kospitl.dates import Unresolved, find_dates, find_times, resolve

CAL = sessions.load()


def _ids(rows):
    return [r.id for r in rows]


def D(form, text, **fields):
    """An expected DateRef: its form, the text it matched, and any fields worth checking."""
    return {"form": form, "text": text, **fields}


def _got(ref, want):
    return {k: getattr(ref, k) for k in want}


# ---- find_dates -----------------------------------------------------------------------------

FIND_DATES = [
    # full dates
    pytest.param("On January 12, 2026, the KOSPI surged past the 4,600-point mark",
                 [D("full", "January 12, 2026", year=2026, month=1, day=12)],
                 "a full date with the month spelled out (seed 000)", id="full-long-month"),
    pytest.param("2025년 12월 30일 코스피는 소폭 내렸다.",
                 [D("full", "2025년 12월 30일", year=2025, month=12, day=30)],
                 "the Korean full form", id="full-korean"),
    pytest.param("Jan 4\u20115, 2026 \u2013 Foreign investors accumulate over 2.8 trillion won",
                 [D("full", "Jan 4\u20115, 2026", year=2026, month=1, day=4)],
                 "a day range with a non-breaking hyphen starts on its first day (seed 001 timeline)",
                 id="full-range"),
    # month and day without a year
    pytest.param("The previous record was set on Nov. 3, when the index closed at 4,221.87",
                 [D("monthday", "Nov. 3", month=11, day=3, year_offset=0)],
                 "no year (seed 002, d21)", id="monthday"),
    pytest.param("the index first closed above 4,000 on Oct. 27 last year and above 5,600 on Feb. 19.",
                 [D("monthday", "Oct. 27 last year", month=10, day=27, year_offset=-1),
                  D("monthday", "Feb. 19", month=2, day=19, year_offset=0)],
                 "'last year' belongs to its own date only (d30)", id="monthday-last-year"),
    pytest.param("지수는 장중 4,226.36까지 올라 11월 4일 세운 장중 사상 최고치(4,226.75)에 다가섰다.",
                 [D("monthday", "11월 4일", month=11, day=4)],
                 "the Korean month-day form (d23)", id="monthday-korean"),
    # weekdays
    pytest.param("On Wednesday (U.S. time), U.S. shares ended lower on the final trading day of 2025.",
                 [],
                 "a weekday in U.S. time is not a Seoul session (seed 002)", id="weekday-us-time"),
    pytest.param("The dollar ended the Seoul session at 1,440.3 won, down 9.5 won from Wednesday.",
                 [D("weekday", "Wednesday", weekday=2, comparison=True)],
                 "'from Wednesday' compares, it does not re-date the figure (d21)", id="weekday-comparison"),
    # day numbers
    pytest.param("when it had finished the 20th at 4,004.85.",
                 [D("daynum", "the 20th", day=20)],
                 "fnnews' day numbers (d17)", id="daynum"),
    pytest.param("코스피 시가총액은 3,000조원을 넘어섰다. 5일간 이어진 상승세",
                 [],
                 "조원 and 일간 are not day numbers", id="daynum-not-amounts"),
    # sessions named by position
    pytest.param("The index had ended the previous session at 3,549.2, its first close above 3,500.",
                 [D("previous", "the previous session", comparison=False)],
                 "a figure of the previous session (d07)", id="previous"),
    pytest.param("The local currency ended at 1,400.0 won, up 3.2 won from the previous session.",
                 [D("previous", "the previous session", comparison=True)],
                 "'from the previous session' is a comparison (d03)", id="previous-comparison"),
    pytest.param("이날 코스피는 전 거래일 대비 93.38포인트(2.70%) 오른 3549.21로 장을 마감했다.",
                 [D("today", "이날"), D("previous", "전 거래일", comparison=True)],
                 "'전 거래일 대비' is a comparison; 이날 is the report's day (d06)", id="previous-korean-comparison"),
    pytest.param("올해 코스피 상승률은 지난해 마지막 거래일 종가(2,399.49)보다 높다.",
                 [D("lastyear_final", "지난해 마지막 거래일")],
                 "last year's final session, in Korean (d23)", id="lastyear-final-korean"),
    # not dates
]


@pytest.mark.parametrize("text,expected,why", FIND_DATES, ids=_ids(FIND_DATES))
def test_find_dates(text, expected, why):
    refs = find_dates(text)
    assert [_got(r, w) for r, w in zip(refs, expected)] == expected, why
    assert len(refs) == len(expected), why


# ---- resolve --------------------------------------------------------------------------------
# Input: (phrase, article date, report session or None). The report session is the session an
# article reports on when it differs from its date (an article posted the next morning).

RESOLVE = [
    pytest.param(("Jan. 2, 2026", None, None), date(2026, 1, 2),
                 "a full date needs no article date", id="full-without-doc"),
    pytest.param(("Tuesday", date(2026, 1, 6), None), date(2026, 1, 6),
                 "'Tuesday' in a Tuesday article is that day", id="weekday-same-day"),
    pytest.param(("on Tuesday", date(2025, 10, 16), None), date(2025, 10, 14),
                 "'Tuesday' in a Thursday article is two days back (d10)", id="weekday-tuesday-from-thursday"),
    pytest.param(("on Friday, the last session", date(2026, 2, 19), None), date(2026, 2, 13),
                 "'Friday' from Thursday Feb. 19 looks back across Seollal (d26, d28)", id="weekday-friday-across-seollal"),
    pytest.param(("down 9.5 won from Wednesday", date(2025, 12, 26), None), date(2025, 12, 24),
                 "'Wednesday' from Friday Dec. 26, across Christmas (d21)", id="weekday-across-christmas"),
    pytest.param(("ended Monday's session", date(2025, 10, 28), None), date(2025, 10, 27),
                 "an article posted Tuesday morning about Monday (d12)", id="weekday-posted-next-day"),
    pytest.param(("set on Nov. 3", date(2025, 12, 26), None), date(2025, 11, 3),
                 "no year: the latest Nov. 3 not after the article (d21)", id="monthday-same-year"),
    pytest.param(("set on Dec. 17", date(2026, 1, 7), None), date(2025, 12, 17),
                 "no year, across New Year", id="monthday-previous-year"),
    pytest.param(("on Oct. 27 last year", date(2026, 2, 19), None), date(2025, 10, 27),
                 "'last year' = the article's year minus one (d26)", id="monthday-last-year"),
    pytest.param(("finished the 20th at", date(2025, 11, 21), None), date(2025, 11, 20),
                 "a day number of the article's month (d17)", id="daynum-20th"),
    pytest.param(("the previous session", date(2025, 10, 10), date(2025, 10, 10)), date(2025, 10, 2),
                 "across the Oct. 3-9 closure (d07, d08)", id="previous-across-chuseok"),
    pytest.param(("the previous trading day", date(2025, 10, 28), date(2025, 10, 27)), date(2025, 10, 24),
                 "the previous session of the reported session, not of the posting date (d12)",
                 id="previous-of-report"),
    pytest.param(("last year's final session", date(2025, 12, 30), None), date(2024, 12, 30),
                 "Dec. 31 is closed every year (d23)", id="lastyear-final"),
    pytest.param(("지난해 마지막 거래일 종가", date(2025, 12, 30), None), date(2024, 12, 30),
                 "the same in Korean (d23)", id="lastyear-final-korean"),
    # unresolvable
    pytest.param(("Tuesday", None, None), Unresolved,
                 "no article date: never guessed (d30 without --date)", id="no-doc-weekday"),
    pytest.param(("Oct. 27 last year", None, None), Unresolved,
                 "'last year' of an unknown year (d30 without --date)", id="no-doc-last-year"),
    pytest.param(("from the previous session", None, None), Unresolved,
                 "no article date, no previous session", id="no-doc-previous"),
    pytest.param(("Feb. 30, 2026", date(2026, 3, 2), None), Unresolved,
                 "not a calendar date", id="impossible-date"),
]


@pytest.mark.parametrize("phrase_doc_report,expected,why", RESOLVE, ids=_ids(RESOLVE))
def test_resolve(phrase_doc_report, expected, why):
    phrase, doc, report = phrase_doc_report
    refs = find_dates(phrase)
    assert refs, f"no date phrase found in {phrase!r}"
    if expected is Unresolved:
        with pytest.raises(Unresolved):
            resolve(refs[-1], doc, CAL, report=report)
    else:
        got, how = resolve(refs[-1], doc, CAL, report=report)
        assert got == expected, f"{why} ({how})"


# ---- find_times -----------------------------------------------------------------------------

FIND_TIMES = [
    pytest.param("At 9:10 a.m. on Wednesday, the Kospi hit an intraday peak of 4,611.72 points",
                 ["09:10", "intraday"], "a clock time, and the word 'intraday' (seed 003)", id="clock-am"),
    pytest.param("it stood at 6,138.58, climbing 168.94 points, or 2.83 percent, on the session, as of 2 p.m.",
                 ["14:00"], "'as of 2 p.m.' is 14:00, 24 h (seed 004)", id="clock-pm-no-minutes"),
    pytest.param("As of 12:27 p.m., the benchmark index was at 3,995.06",
                 ["12:27"], "12 p.m. stays 12 (d15)", id="clock-noon-hour"),
    pytest.param("The local currency was quoted at 1,441.8 won against the greenback at 3:30 p.m.",
                 ["close"], "the end of the session is close, not 15:30 (seed 002)", id="clock-close"),
    pytest.param("The Kospi added 22.97 points, or 0.56 percent, to 4,131.59 in the first 15 minutes of trading.",
                 ["09:15"], "the first 15 minutes of a 9 a.m. open (d22)", id="first-15-minutes"),
    pytest.param("institutional investors were net buyers, purchasing shares worth 1.11 trillion won as of press time.",
                 ["intraday"], "no clock time, no HH:MM (seed 004)", id="press-time"),
    pytest.param("with Samsung Electronics rising to around 140,000 won early in the session.",
                 ["intraday"], "seed 003", id="early-in-session"),
    pytest.param("코스피는 오후 2시 현재 4,100선에서 거래되고 있다.",
                 ["14:00"], "오후 is p.m.", id="korean-clock-pm"),
]


@pytest.mark.parametrize("text,expected,why", FIND_TIMES, ids=_ids(FIND_TIMES))
def test_find_times(text, expected, why):
    assert [t.as_of for t in find_times(text)] == expected, why


# ---- the KRX calendar -----------------------------------------------------------------------

PREVIOUS_SESSION = [
    pytest.param((date(2025, 10, 10), 1), date(2025, 10, 2), "Oct. 3-9 closed (National Foundation Day, Chuseok, Hangeul Day)", id="chuseok"),
    pytest.param((date(2025, 10, 13), 2), date(2025, 10, 2), "two sessions back from Monday Oct. 13", id="chuseok-two-back"),
    pytest.param((date(2025, 12, 26), 1), date(2025, 12, 24), "Dec. 25 closed", id="christmas"),
    pytest.param((date(2026, 2, 19), 1), date(2026, 2, 13), "Seollal Feb. 16-18 and the weekend", id="seollal"),
    pytest.param((date(2026, 1, 2), 1), date(2025, 12, 30), "Jan. 1 and the Dec. 31 year-end closure", id="new-year"),
    pytest.param((date(2025, 5, 2), 1), date(2025, 4, 30), "May 1 (Labor Day) closed", id="labor-day"),
]


@pytest.mark.parametrize("day_n,expected,why", PREVIOUS_SESSION, ids=_ids(PREVIOUS_SESSION))
def test_previous_session(day_n, expected, why):
    d, n = day_n
    assert CAL.previous_session(d, n) == expected, why


IS_SESSION = [
    pytest.param(date(2025, 10, 3), False, "National Foundation Day", id="oct-3"),
    pytest.param(date(2025, 10, 4), False, "Saturday", id="saturday"),
    pytest.param(date(2025, 10, 10), True, "trading resumes (d02: 'Trading resumes Oct. 10')", id="oct-10"),
    pytest.param(date(2025, 12, 25), False, "Christmas", id="christmas"),
    pytest.param(date(2024, 12, 31), False, "the year-end closure on a Tuesday", id="dec-31-2024"),
    pytest.param(date(2026, 2, 17), False, "Seollal", id="feb-17"),
]


@pytest.mark.parametrize("day,expected,why", IS_SESSION, ids=_ids(IS_SESSION))
def test_is_session(day, expected, why):
    assert CAL.is_session(day) is expected, why


LAST_SESSION = [
    pytest.param(2024, date(2024, 12, 30), "Dec. 31, 2024 (Tuesday) closed (d23)", id="2024"),
    pytest.param(2023, date(2023, 12, 28), "Dec. 31, 2023 a Sunday: the closure moved to Friday Dec. 29", id="2023"),
]


@pytest.mark.parametrize("year,expected,why", LAST_SESSION, ids=_ids(LAST_SESSION))
def test_last_session_of_year(year, expected, why):
    assert CAL.last_session_of_year(year) == expected, why


# ---- the tables themselves ------------------------------------------------------------------

@pytest.mark.parametrize("table", [FIND_DATES, RESOLVE, FIND_TIMES, PREVIOUS_SESSION, IS_SESSION, LAST_SESSION],
                         ids=["find_dates", "resolve", "find_times", "previous_session", "is_session",
                              "last_session_of_year"])
def test_no_input_repeats(table):
    inputs = [r.values[0] for r in table]
    assert len(inputs) == len(set(inputs)), [i for i in inputs if inputs.count(i) > 1]
