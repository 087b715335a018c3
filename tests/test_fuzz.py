"""Property tests (hypothesis) for the readers that see untrusted text.

- numbers: ``parse_number`` and ``parse_korean`` read back every number formatted the way
  news prints it, and on arbitrary text either return a Decimal or raise ``NumberError``;
- dates: ``find_dates`` / ``find_times`` never raise on any text, and ``resolve`` of anything
  found raises only ``Unresolved``;
- articles: ``decode`` on arbitrary bytes raises only ``ArticleError``, ``parse`` of what it
  returns never raises, and ``analyse`` (extraction + resolution) of any text never raises.

The text strategies mix arbitrary Unicode with the vocabulary of market news (numbers, units,
date and time phrases, datelines, front matter, section headers), so the examples reach the
extraction rules rather than stopping at "no figures here".

The normal suite runs ``KOSPITL_FUZZ_EXAMPLES`` (default 200) derandomized examples per
property; ``tests/fuzz_long.py`` runs the same properties with 100,000 random ones.
The strategies include the inputs of bugs these tests found (now fixed, each also pinned by an
explicit test below): publication years outside the calendar (0001, 9999), which overflowed the
date arithmetic; long digit runs beside 원/주, which backtracked exponentially; a text ending in
'다.' with no final newline, which crashed the sentence splitter; an impossible front-matter date.
"""
from __future__ import annotations

import os
import re
import signal
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kospitl.articles import decode, parse
from kospitl.dates import Unresolved, find_dates, find_times, resolve
from kospitl.errors import ArticleError
from kospitl.numbers import NumberError, parse_korean, parse_number
from kospitl.sessions import FIRST_YEAR, load

EXAMPLES = int(os.environ.get("KOSPITL_FUZZ_EXAMPLES", "200"))
LONG = EXAMPLES > 1000
TIME_LIMIT = int(os.environ.get("KOSPITL_FUZZ_TIME_LIMIT", "30"))  # seconds per example

FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=not LONG, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much,
                                       HealthCheck.data_too_large])


class TooSlow(Exception):
    """An example ran longer than TIME_LIMIT: a hang (e.g. regex backtracking) is a failure."""


def bounded(fn):
    """Run ``fn`` under an alarm, so that a runaway example fails instead of hanging the suite."""
    def run(*a, **k):
        if not hasattr(signal, "SIGALRM"):
            return fn(*a, **k)

        def alarm(*_):
            raise TooSlow(f"example still running after {TIME_LIMIT} s")
        old = signal.signal(signal.SIGALRM, alarm)
        signal.alarm(TIME_LIMIT)
        try:
            return fn(*a, **k)
        finally:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, old)
    return run


# ---- strategies ---------------------------------------------------------------------------------

DIGITS = "0123456789"


@st.composite
def english_numbers(draw) -> tuple[str, Decimal]:
    """A number as English news prints it, and its value: "4,309.63", "-1,000", "\u22120.5"."""
    whole = draw(st.integers(0, 10**15))
    frac = draw(st.text(DIGITS, max_size=6))
    grouped = draw(st.booleans())
    sign = draw(st.sampled_from(["", "-", "\u2212"]))
    body = f"{whole:,}" if grouped else str(whole)
    text = sign + body + (f".{frac}" if frac else "")
    value = Decimal(("-" if sign else "") + str(whole) + (f".{frac}" if frac else ""))
    return text, value


def _small_ko(n: int, style: str) -> str:
    """A group below 10,000 in Korean notation: "8188", "8천188", "8천1백8십8". The digit before a
    unit is always printed ("1천", not "천"): news prints amounts with digits, and the readers
    require one (a bare "천만" is a word, not a figure)."""
    if style == "digits" or n == 0:
        return str(n)
    out, rest = "", n
    units = [(1000, "천"), (100, "백"), (10, "십")] if style == "full" else [(1000, "천")]
    for size, unit in units:
        q, rest = divmod(rest, size)
        if q:
            out += str(q) + unit
    return out + (str(rest) if rest else "")


@st.composite
def korean_amounts(draw) -> tuple[str, int]:
    """An amount as Korean news prints it (without 원), and its value: "3조1250억", "11만9천900",
    "8천188억", "3,478조"."""
    n = draw(st.integers(1, 10**16 - 1))
    style = draw(st.sampled_from(["digits", "thousands", "full"]))
    comma_jo = draw(st.booleans())
    space = draw(st.sampled_from(["", " "]))
    jo, rest = divmod(n, 10**12)
    eok, rest = divmod(rest, 10**8)
    man, one = divmod(rest, 10**4)
    parts = []
    if jo:
        parts.append((f"{jo:,}" if comma_jo else str(jo)) + "조")
    for g, unit in ((eok, "억"), (man, "만")):
        if g:
            parts.append(_small_ko(g, style) + unit)
    if one:
        parts.append(_small_ko(one, style))
    return space.join(parts), n


NEWS_TOKENS = [
    # subjects and verbs
    "The KOSPI", "KOSPI", "KOSDAQ", "KOSPI 200", "코스피", "코스닥", "지수", "the index", "the benchmark",
    " rose ", " fell ", " gained ", " lost ", " closed at ", " to close at ", " opened at ", " ended at ",
    " was flat", " unchanged", "상승", "하락", "마감했다", "출발했다", "올랐다", "내렸다",
    # units
    " points", " point", " percent", "%", " pct", " percentage points", " basis points", " bp",
    " won", "원", " billion", " trillion", " million", " shares", "주", "조", "억", "만", "천", "포인트",
    "$", "US$", " (US$1.2 billion)",
    # who
    "foreign investors", "institutions", "individuals", "retail investors", " bought a net ",
    " sold a net ", " net purchases", "외국인", "기관", "개인", "순매수", "순매도",
    "Samsung Electronics", "SK hynix", "Hyundai Motor", "삼성전자", "(005930)", "(000660)",
    "the local currency", " against the U.S. dollar", "the won", "원·달러 환율",
    "the three-year Treasury yield", "국고채 3년물", "margin loans", "market capitalization",
    "Nikkei", "Wall Street", "the Dow", "futures",
    # milestones and hedges
    "a record high", "an all-time high", "for the first time", "the 4,000 mark", "the 5,000 level",
    "about ", "more than ", "nearly ", "around ", "가량", "이상",
    # dates and times
    "Monday", "Friday", "last Tuesday", "on Wednesday", "Jan. 2", "Feb. 30", "Nov. 3", "Dec. 31, 2025",
    "Oct. 27 last year", "2026년 1월 5일", "3월 4일", "5일", "30일", "the 12th", "the 2nd",
    "the previous session", "a day earlier", "the following day", "that day", "today",
    "last year's final session", "지난해 마지막 거래일", "전날", "이날",
    "at 10:30 a.m.", "as of 2:30 p.m.", "오후 3시 30분", "오전 9시", "at 09:15 KST", "in the first 15 minutes",
    "intraday", "early in the session", "at the open", "opened", "finished", "장중",
    # article furniture
    "(LEAD)", "(URGENT)", "(2nd LD)", "(ATTN: ADDS details)", "SEOUL, Jan. 2 (Yonhap) -- ",
    "SEOUL, Dec. 30 (Yonhap) -- ", "(Yonhap)", "BY KIM EUN-JIN, YONHAP", "Yonhap\n",
    "Related Articles\n", "Sources\n", "Sources (3 articles)\n", "Timeline\n", "Go to contents\n",
    "*Crawled at: 2026-01-02 07:45:16*\n", "---\n", "title: \"KOSPI &amp; won\"\n",
    "published_at: 2026-01-02 15:40\n", "published_at: 2026-01-02 00:00\n", "publisher: 연합뉴스\n",
    "Published 2026.01.05 16:00\n", "Published: 07 Jan. 2026, 18:38\n", "Posted : 2025-10-27 16:09\n",
    "Input\n2026-02-03 15:41:02\n", "입력 2026.01.05 16:00\n", "Updated Feb. 19, 2026\n",
    "Thursday, December 5, 2024 · 07:30 KST\n", "date 2026-01-05 KOSPI\n", "2026-01-05 16:00\n",
    "# ", "**", "- ", "| ", "\n", "\n\n", "\r\n", "\r", ". ", ", ", "; ", " ", "  ", "\t",
    "\u2212", "-", "+", "\u25b2", "\u25bc", "(", ")", "\"", "'", "\u2019", "\u200b", "\u00a0", "\ufeff",
    # inputs of former bugs
    "mln", "MLN", "b\u0130llion", "thou\u017fand", "\u017fep.", "\u017funday", "Tue\u017fday",
    "Published 0001.01.01 10:00\n", "Published 9999.12.31 16:00\n", "published_at: 2026-13-45 15:40\n",
    "다.", "했다.", "0111111111111111111111111", "1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1",
]


@st.composite
def figures(draw) -> str:
    if draw(st.booleans()):
        return draw(english_numbers())[0]
    return draw(korean_amounts())[0]


news_text = st.lists(
    st.one_of(st.sampled_from(NEWS_TOKENS), figures(), st.text(max_size=6),
              st.integers(-10, 2100).map(str)),
    max_size=80,
).map("".join)

any_text = st.one_of(st.text(max_size=300), news_text)

calendar_dates = st.dates(min_value=date(FIRST_YEAR, 1, 1), max_value=date(date.today().year + 2, 12, 31))
any_dates = st.one_of(calendar_dates, st.dates())  # mostly realistic, sometimes anywhere in 1..9999


# ---- numbers ------------------------------------------------------------------------------------

@FUZZ
@given(english_numbers())
def test_parse_number_round_trips(case):
    text, value = case
    assert parse_number(text) == value
    assert parse_number(f"  {text}\n") == value


@FUZZ
@given(st.one_of(st.text(), st.text(alphabet=DIGITS + ",.-\u2212 \u00a0+eE_\uff11\u0663x", max_size=30)))
@example("1,2,3")
@example("4,5OO")
@example("\u22120.0")
@example("1_000")
@example("1e5")
@example("NaN")
@example("")
def test_parse_number_raises_only_number_error(text):
    try:
        got = parse_number(text)
    except NumberError:
        return
    assert isinstance(got, Decimal) and got.is_finite()


@FUZZ
@given(korean_amounts())
def test_parse_korean_round_trips(case):
    text, value = case
    assert parse_korean(text) == value, text


@FUZZ
@given(st.one_of(st.text(), st.text(alphabet=DIGITS + ",. 조억만천백십원", max_size=30)))
@example("조")
@example("1조조")
@example("억1조")
@example("1.2.3억")
@example("천만")
@example("1,2억")
def test_parse_korean_raises_only_number_error(text):
    try:
        got = parse_korean(text)
    except NumberError:
        return
    assert isinstance(got, Decimal) and got.is_finite()


# ---- dates --------------------------------------------------------------------------------------

@FUZZ
@given(any_text)
def test_find_dates_and_times_never_raise(text):
    for ref in bounded(find_dates)(text):
        assert 0 <= ref.start <= ref.end <= len(text)
        assert text[ref.start:ref.end] == ref.text
    for t in bounded(find_times)(text):
        assert 0 <= t.start <= t.end <= len(text)
        assert t.as_of in ("open", "close", "intraday") or re.fullmatch(r"\d\d:\d\d", t.as_of), t


@FUZZ
@given(any_text, st.one_of(st.none(), any_dates), st.one_of(st.none(), any_dates))
def test_resolve_raises_only_unresolved(text, doc, report):
    """Anything found in any text, against any article date: a date, or Unresolved."""
    cal = load()
    for ref in find_dates(text):
        try:
            got, how = resolve(ref, doc, cal, report=report)
        except Unresolved:
            continue
        assert isinstance(got, date) and how


@pytest.mark.parametrize("text,doc", [
    ("yesterday", date(1, 1, 1)),
    ("on Sunday", date(1, 1, 1)),
    ("last year's final session", date(1, 6, 1)),
], ids=["yesterday-0001", "weekday-0001", "last-year-final-0001"])
def test_resolve_at_the_ends_of_the_calendar(text, doc):
    """Found while writing these tests: at the ends of the date range resolve raised
    OverflowError ('yesterday', a weekday on 0001-01-01) or ValueError (date(0, 12, 31) for
    "last year's final session" in year 1) instead of Unresolved; 'Published 0001.01.01 10:00'
    reached it from an article."""
    cal = load()
    refs = find_dates(text)
    assert refs, text
    for ref in refs:
        try:
            resolve(ref, doc, cal)
        except Unresolved:
            pass


# ---- articles -----------------------------------------------------------------------------------

article_bytes = st.one_of(
    st.binary(max_size=400),
    news_text.map(lambda s: s.encode("utf-8")),
    st.tuples(news_text, st.binary(max_size=4), st.integers(0, 400)).map(
        lambda t: t[0].encode("utf-8")[: t[2]] + t[1] + t[0].encode("utf-8")[t[2]:]),  # corrupted
    news_text.map(lambda s: s.encode("utf-16")),
    news_text.map(lambda s: b"\xef\xbb\xbf" + s.encode("utf-8")),
)


@FUZZ
@given(article_bytes)
@example(b"")
@example(b"\xff\xfe")
@example(b"---\n")
@example(b"---\n---\n")
@example(b"\xef\xbb\xbf---\ntitle: x\n---\nKOSPI")
def test_decode_and_parse_raise_only_article_error(raw):
    try:
        text = decode(raw, "fuzz.txt")
    except ArticleError as e:
        assert "fuzz.txt" in str(e)
        return
    assert isinstance(text, str) and "\r" not in text
    art = _parse(text)
    if art is None:
        return
    assert art.text == text
    for sec in art.sections:
        assert 0 <= sec.start <= sec.end <= len(text)


@FUZZ
@given(news_text, st.one_of(st.none(), any_dates))
@example("SEOUL, Feb. 30 (Yonhap) -- The KOSPI rose 1.2 percent.", None)
@example("Published 2026.02.30 16:00\nThe KOSPI closed at 4,457.52, up 12.5 points.", None)
@example("코스피는 3조1250억원 순매수. 외국인은 8천188억원을 사들였다.\n", date(2026, 1, 5))
@example("---\nYonhap\n---\n", None)  # front matter without a body: parse refuses it (found by fuzz_long)
@example("0MLN", None)  # a scale word the patterns capture and scale_en did not know (found by fuzz_long)
# words that match the patterns only case-insensitively, which str.lower() does not give back
# (long s, dotted capital I): looked up in a table, they were KeyErrors
@example("The KOSPI rose 5 b\u0130llion won, 5.2 M\u0130LLION and 3 thou\u017fand shares.", None)
@example("SEOUL, \u017fep. 3 (Yonhap) -- The KOSPI closed 1.2 percent higher at 2,500.12 on \u017funday.", None)
def test_analyse_raises_only_article_error(text, given_date):
    _analyse(text, given_date)


def _parse(text):
    """The parsed article, or None when parse refuses the text with the project's own error
    (front matter without an article body), which must name the file."""
    try:
        return bounded(parse)(text, "fuzz.txt")
    except ArticleError as e:
        assert str(e).startswith("fuzz.txt: ")
        return None


def _analyse(text, given_date):
    from kospitl.ingest import analyse

    art = _parse(text)
    if art is None:
        return
    observations, problems = bounded(analyse)(art, given_date)
    for o in observations:
        date.fromisoformat(o.date)
        assert 0 <= o.start <= o.end <= len(text)
    for p in problems:
        assert p.message


@pytest.mark.parametrize("text,given_date", [
    pytest.param("코스피는 3조1250억원 순매수. 외국인은 8천188억원을 사들였다.", date(2026, 1, 5),
                 id="korean-ends-in-da-no-newline"),
    pytest.param("---\npublished_at: 2026-13-45 15:40\n---\nThe KOSPI rose 1.2 percent.", None,
                 id="front-matter-month-13"),
    pytest.param("Published 0001.01.01 10:00\nThe KOSPI rose 1.2 percent yesterday, after last year's final "
                 "session.", None, id="published-year-1"),
    pytest.param("입력 2026.01.05 16:00\n문의 0" + "1" * 30 + "번, 수수료 1000원을 냈다.\n", None,
                 id="long-digit-run-beside-won"),
])
def test_analyse_former_crashes(text, given_date):
    """Found by the explicit examples of these tests: text.sentences cut one character past the
    end of a text ending in '다.' (IndexError); parse built front-matter dates without a guard
    (ValueError); a year-1 article date overflowed the session arithmetic; a long digit run
    beside 원 backtracked for minutes."""
    _analyse(text, given_date)
