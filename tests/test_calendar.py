"""The KRX calendar is a constraint, and ``--date`` only dates the undated (issue 14, items 2, 3, 5).

Example tables, each row run through the CLI on a fresh database:

- ``ARTICLES``: an article's text → the problems it must raise (code, message fragment) and the
  dates its figures may be stored on. A figure whose resolved date is not a KRX session
  (weekend, public holiday, substitute holiday, the Dec. 31 closure) is a ``non-session``
  problem with its evidence, never an observation, a fact or a ``session`` row; "1e308 points"
  is no figure at all, and an absurd magnitude is a problem, never a base of arithmetic.
- ``BAD_DATES``: ``ingest --date D`` with a D that is no session → one line ``Error: ...``, exit 1,
  nothing written (not even a database file).
- ``CHECKS``: timeline facts an older kospitl (or a hand edit) left → the violation ``check``
  must report: a fact on a non-session day, a record high below the day's high or close.

Then the ``--date`` scenario of the issue: ingest the samples, then ``--date`` over all of them
leaves the dated ones alone and says so; and a database an older kospitl re-dated by mistake
is restored by re-ingesting.
"""
from __future__ import annotations

import dataclasses
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from conftest import SAMPLES, UNDATED_DATE, UNDATED_SEED, ingest_seeds, invoke, table_counts
from kospitl import sessions, store
from kospitl.articles import parse, read_text
from kospitl.db import open_db
from kospitl.extraction import extract
from kospitl.ingest import prepare
from kospitl.resolution import resolve
from kospitl.witness import fingerprint, source_kind, witness_of

N_SAMPLES = len(list(SAMPLES.glob("*.txt")))  # all dated but one (UNDATED_SEED)
JAN2_STORY = SAMPLES / "002_4f409d777393ce93.txt"  # Yonhap, "SEOUL, Jan. 2": states its own date


def _ids(rows):
    return [r.id for r in rows]


def wire(published: str, sentence: str) -> str:
    return f"Published {published} 16:00\nSEOUL -- {sentence}\n"


@dataclasses.dataclass(frozen=True)
class Expect:
    problems: tuple[tuple[str, str], ...] = ()  # (code, fragment of the message)
    dates: frozenset[str] = frozenset()  # the dates the observations are stored on
    facts: tuple[tuple[str, str, str, str], ...] = ()  # (date, subject, metric, value): every fact
    exit_code: int = 0


ARTICLES = [
    pytest.param(wire("2025.12.26", "On Dec. 25, the KOSPI closed at 4,100.25, up 10.5 points."),
                 Expect((("non-session", "index KOSPI close 4100.25 is dated 2025-12-25 (Thursday), which has no "
                          "KRX session (Christmas Day): 'Dec. 25' without a year"),
                         ("non-session", "index KOSPI change 10.5 is dated 2025-12-25")), exit_code=1),
                 "a public holiday stated as a month and day (issue 14: 'On Dec. 25, the KOSPI closed at')",
                 id="public-holiday"),
    pytest.param(wire("2025.12.29", "Stocks rose on Saturday, Dec. 27, with the KOSPI closing at 4,120.50, up 20.25 points."),
                 Expect((("non-session", "is dated 2025-12-27 (Saturday), which has no KRX session (weekend)"),),
                        exit_code=1),
                 "a weekend day (issue 14: 'on Saturday, Dec. 27')", id="weekend"),
    pytest.param(wire("2025.10.10", "The KOSPI closed at 3,610.60 on Tuesday, up 12.3 points."),
                 Expect((("non-session", "is dated 2025-10-07 (Tuesday), which has no KRX session (The second day "
                          "of Chuseok): weekday 'Tuesday' → 2025-10-07"),), exit_code=1),
                 "the latest Tuesday before Friday Oct. 10, 2025 fell in the Chuseok closure: not silently a "
                 "fact of a closed day", id="weekday-on-holiday"),
    pytest.param(wire("2025.10.10", "The won closed on Wednesday at 1,421.0 per dollar, up 3.2 won."),
                 Expect((("non-session", "fx USD/KRW rate 1421 is dated 2025-10-08 (Wednesday), which has no "
                          "KRX session (Alternative holiday for Chuseok)"),
                         ("non-session", "fx USD/KRW change -3.2 is dated 2025-10-08")), exit_code=1),
                 "a substitute holiday (Oct. 8, 2025, for Chuseok on a Sunday) is no session either",
                 id="weekday-on-substitute-holiday"),
    pytest.param(wire("2026.01.02", "On Dec. 31, the KOSPI closed at 4,214.17, up 12.3 points."),
                 Expect((("non-session", "2025-12-31 (Wednesday), which has no KRX session (End of Year Holiday)"),),
                        exit_code=1),
                 "the Dec. 31 year-end closure", id="year-end-closure"),
    pytest.param(wire("2025.10.16", "The KOSPI closed at 3,657.28 on Tuesday, up 45.3 points."),
                 Expect(dates=frozenset({"2025-10-14"}),
                        facts=(("2025-10-13", "KOSPI", "close", "3611.98"), ("2025-10-14", "KOSPI", "change", "45.3"),
                               ("2025-10-14", "KOSPI", "close", "3657.28"))),
                 "control: a weekday that is a session is the figures' date; the previous close is "
                 "derived on the previous session", id="weekday-on-session"),
    pytest.param(wire("2025.10.10", "The KOSPI closed at 3,610.60, up 61.39 points."),
                 Expect(dates=frozenset({"2025-10-10"}),
                        facts=(("2025-10-02", "KOSPI", "close", "3549.21"), ("2025-10-10", "KOSPI", "change", "61.39"),
                               ("2025-10-10", "KOSPI", "close", "3610.6"))),
                 "'previous session' arithmetic crosses the Oct. 3-9 closure (Chuseok, its substitute "
                 "holiday and Hangul Day) on the KRX calendar", id="previous-session-across-closure"),
    pytest.param(wire("2026.01.05", "The KOSPI closed at 1e308 points, up 12.3 points from the previous session."),
                 Expect(dates=frozenset({"2026-01-05"}), facts=(("2026-01-05", "KOSPI", "change", "12.3"),)),
                 "exponent form is no figure: it was read as a change of 308 points and a previous close "
                 "was derived from it (issue 14)", id="exponent"),
    pytest.param(wire("2026.01.05", "코스피는 4100.25에 마감했다. 외국인은 1e308억원을 순매수했다. "
                      "기관은 3조1250억원을 순매도했다."),
                 Expect(dates=frozenset({"2026-01-05"}),
                        facts=(("2026-01-05", "KOSPI", "close", "4100.25"),
                               ("2026-01-05", "institution", "net_buy", "-3125000000000"))),
                 "nor in a Korean amount: '1e308억원' was 308억 won", id="exponent-korean"),
    pytest.param(wire("2026.01.05", "The KOSPI closed at 4,100.25, up 123456789012345678901234567890 points."),
                 Expect((("implausible", "index KOSPI change 1.2345678901234568e+29: beyond any magnitude index "
                          "change can have"),), dates=frozenset({"2026-01-05"}),
                        facts=(("2026-01-05", "KOSPI", "close", "4100.25"),)),
                 "an absurd magnitude is a problem, and no previous close is derived from it", id="absurd-magnitude"),
]


@pytest.mark.parametrize("text,expect,why", ARTICLES, ids=_ids(ARTICLES))
def test_articles(runner, db, tmp_path, text, expect, why):
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    r = invoke(runner, "ingest", "--db", db, str(path))
    assert r.exit_code == expect.exit_code, (why, r.output)
    con = sqlite3.connect(db)
    problems = con.execute("SELECT code, message, evidence, line FROM problem").fetchall()
    for code, fragment in expect.problems:
        hits = [p for p in problems if p[0] == code and fragment in p[1]]
        assert hits, (why, fragment, problems)
        assert all(p[2] and p[3] == 2 for p in hits), "a problem carries its evidence and line"
        assert any(fragment in line for line in r.output.splitlines()), r.output
    assert {code for code, *_ in problems} == {code for code, _ in expect.problems}, (why, problems)
    assert {d for (d,) in con.execute("SELECT DISTINCT date FROM observation")} == expect.dates, why
    facts = con.execute("SELECT date, subject, metric, value FROM fact ORDER BY date, subject, metric").fetchall()
    assert [(d, s, m, repr(v).removesuffix(".0")) for d, s, m, v in facts] == list(expect.facts), why
    closed = con.execute("SELECT COUNT(*) FROM fact JOIN trading_day t USING (date) WHERE NOT t.is_session").fetchone()
    assert closed == (0,)
    assert con.execute("SELECT COUNT(*) FROM session JOIN trading_day t USING (date) "
                       "WHERE NOT t.is_session").fetchone() == (0,)
    assert invoke(runner, "check", "--db", db).exit_code == 0


# ---- --date must be a session -----------------------------------------------------------------

GIVE = "; give the session the article reports on"
BAD_DATES = [
    pytest.param("2026-02-22", "--date 2026-02-22: a Sunday with no KRX session (weekend)" + GIVE, id="sunday"),
    pytest.param("2025-12-25", "--date 2025-12-25: a Thursday with no KRX session (Christmas Day)" + GIVE, id="holiday"),
    pytest.param("2026-03-02", "--date 2026-03-02: a Monday with no KRX session (Alternative holiday for "
                 "Independence Movement Day)" + GIVE, id="substitute-holiday"),
    pytest.param("2025-12-31", "--date 2025-12-31: a Wednesday with no KRX session (End of Year Holiday)" + GIVE,
                 id="year-end"),
    pytest.param("2026-02-30", "--date 2026-02-30: not an ISO date (YYYY-MM-DD)", id="not-a-date"),
]


@pytest.mark.parametrize("day,message", BAD_DATES, ids=_ids(BAD_DATES))
@pytest.mark.parametrize("existing", [False, True], ids=["new-db", "existing-db"])
def test_date_must_be_a_session(runner, db, day, message, existing):
    if existing:
        ingest_seeds(runner, db)
        before = table_counts(db), Path(db).read_bytes()
    r = invoke(runner, "ingest", "--db", db, "--date", day, str(SAMPLES / UNDATED_SEED))
    assert r.exit_code == 1
    assert r.output.splitlines() == [f"Error: {message}"], r.output
    if existing:
        assert (table_counts(db), Path(db).read_bytes()) == before
    else:
        assert not Path(db).exists(), "nothing written, not even a database"


# ---- --date only dates the undated ------------------------------------------------------------

def _exports(runner, db) -> tuple[str, str]:
    return tuple(invoke(runner, "export", what, "--db", db).output for what in ("observations", "timeline"))


def test_date_never_touches_an_article_with_its_own_date(runner, db, tmp_path):
    """Issue 14: `ingest data/samples/` then `ingest --date 2026-02-25 data/samples/` moved the
    "SEOUL, Jan. 2" story to Feb. 25. Now only the undated sample takes the date, the others
    are left alone and the summary says so; the result is the README's two-step ingest."""
    r = invoke(runner, "ingest", "--db", db, str(SAMPLES))
    assert r.exit_code == 1 and f"{N_SAMPLES} new" in r.output  # the undated sample's figures are problems
    r = invoke(runner, "ingest", "--db", db, "--date", UNDATED_DATE, str(SAMPLES))
    assert r.exit_code == 0, r.output
    assert r.output.splitlines()[-1] == (
        f"{N_SAMPLES} file(s): 0 new, 1 re-dated, {N_SAMPLES - 1} already known (unchanged), 0 not articles; "
        f"added 32 observation(s), 0 problem(s); {N_SAMPLES - 1} had their own date; --date not applied")
    con = sqlite3.connect(db)
    jan2 = con.execute("SELECT given_date, session_date FROM article WHERE source_path = ?", (str(JAN2_STORY),)).fetchone()
    assert jan2 == (None, "2026-01-02")
    reference = str(tmp_path / "reference.db")
    ingest_seeds(runner, reference)
    assert _exports(runner, db) == _exports(runner, reference)
    # a new dated article given --date keeps its own date too
    fresh = str(tmp_path / "fresh.db")
    r = invoke(runner, "ingest", "--db", fresh, "--date", UNDATED_DATE, str(JAN2_STORY))
    assert r.exit_code == 0 and "1 new" in r.output and "1 had their own date; --date not applied" in r.output
    dates = {d for (d,) in sqlite3.connect(fresh).execute("SELECT DISTINCT date FROM observation")}
    assert UNDATED_DATE not in dates and "2026-01-02" in dates
    # and a dry run says the same
    r = invoke(runner, "ingest", "--db", fresh, "--dry-run", "--date", "2026-02-26", str(SAMPLES))
    assert f"{N_SAMPLES - 1} had their own date; --date not applied [dry run: nothing written]" in r.output


def test_reingest_keeps_the_date_given_to_an_undated_article(runner, db):
    ingest_seeds(runner, db)
    before = _exports(runner, db)
    r = invoke(runner, "ingest", "--db", db, str(SAMPLES))
    assert f"{N_SAMPLES} already known (unchanged)" in r.output and "restored" not in r.output
    assert _exports(runner, db) == before


def _redate_as_older_kospitl(db: str, path: Path, day: date) -> None:
    """The state `ingest --date DAY PATH` left before this fix, for an article with its own date:
    its figures resolved against DAY (the article's date replaced) and the row marked as given."""
    text = read_text(path)
    art = parse(text, str(path))
    as_undated = dataclasses.replace(art, doc_date=None)
    mentions, _ = extract(art)
    observations, problems = resolve(mentions, as_undated, sessions.load(), day)
    engine = open_db(db)
    with engine.begin() as conn:
        current = store.find_article(conn, art.content_hash)
        touched = store.delete_article(conn, current["id"])
        article_id = store.insert_article(conn, art, given=day, session=day, source_kind=source_kind(art),
                                          witness=None, fingerprint=fingerprint(art))
        store.set_witness(conn, article_id, witness_of(conn, art, article_id, day, fingerprint(art)))
        store.insert_observations(conn, article_id, observations)
        store.insert_problems(conn, article_id, art.path, problems)
        store.reconcile_groups(conn, touched | {(o.date, o.subject) for o in observations})
    engine.dispose()


@pytest.mark.parametrize("again", [(), ("--date", UNDATED_DATE)], ids=["without-date", "with-date"])
def test_reingest_restores_an_article_redated_by_mistake(runner, db, tmp_path, again):
    """The way back: a database where an older kospitl moved the Jan. 2 story to Feb. 25 is
    restored by ingesting the article again, with or without --date: byte for byte the
    database of a correct ingest."""
    ingest_seeds(runner, db)
    reference = _exports(runner, db)
    _redate_as_older_kospitl(db, JAN2_STORY, date(2026, 2, 25))
    assert _exports(runner, db) != reference  # the mistake, as the issue saw it
    r = invoke(runner, "ingest", "--db", db, *again, str(SAMPLES))
    assert r.exit_code == 0, r.output
    assert "1 restored to their own date" in r.output.splitlines()[-1], r.output
    assert _exports(runner, db) == reference
    con = sqlite3.connect(db)
    assert con.execute("SELECT given_date FROM article WHERE source_path = ?", (str(JAN2_STORY),)).fetchone() == (None,)
    r = invoke(runner, "ingest", "--db", db, str(SAMPLES))
    assert f"{N_SAMPLES} already known (unchanged)" in r.output


def test_prepare_ignores_a_given_date_for_an_article_with_its_own():
    text = read_text(JAN2_STORY)
    own, given = prepare(str(JAN2_STORY), text, None), prepare(str(JAN2_STORY), text, date(2026, 2, 25))
    assert given.observations == own.observations and given.session == own.session == date(2026, 1, 2)


# ---- check: facts on sessions, records above the day's high ------------------------------------

CHECKS = [
    pytest.param([("2026-01-04", "index", "KOSPI", "close", "close", 4300.0)],
                 "violation: 2026-01-04 KOSPI: index close close 4,300: 2026-01-04 (Sunday) has no KRX session: "
                 "weekend (facts lie on sessions)", id="fact-on-sunday"),
    pytest.param([("2025-12-25", "fx", "USD/KRW", "rate", "close", 1440.0)],
                 "2025-12-25 (Thursday) has no KRX session: Christmas Day", id="fact-on-holiday"),
    pytest.param([("2026-01-05", "index", "KOSPI", "high", "close", 4460.0),
                  ("2026-01-05", "milestone", "KOSPI", "record_high", "close", 4450.0)],
                 "violation: 2026-01-05 KOSPI: record high 4450.0 is below the day's high 4460.0", id="record-below-high"),
    pytest.param([("2026-01-05", "index", "KOSPI", "close", "close", 4457.94),
                  ("2026-01-05", "milestone", "KOSPI", "record_high", "close", 4450.0)],
                 "record high 4450.0 is below the close 4457.94", id="record-below-close"),
    pytest.param([("2026-01-05", "quote", "005930", "high", "close", 140000.0),
                  ("2026-01-05", "milestone", "005930", "record_high", "close", 138000.0)],
                 "violation: 2026-01-05 005930: record high 138000.0 is below the day's high 140000.0",
                 id="stock-record-below-high"),
    pytest.param([("2026-01-05", "index", "KOSPI", "close", "close", 4457.94),
                  ("2026-01-05", "milestone", "KOSPI", "record_close", "close", 4450.0)],
                 "record close 4450.0 differs from the close 4457.94", id="record-close-not-the-close"),
    pytest.param([("2026-01-05", "index", "KOSPI", "high", "close", 4460.0),
                  ("2026-01-05", "index", "KOSPI", "close", "close", 4457.94),
                  ("2026-01-05", "milestone", "KOSPI", "record_high", "close", 4460.0)],
                 None, id="record-is-the-high"),
]


@pytest.mark.parametrize("facts,violation", CHECKS, ids=_ids(CHECKS))
def test_check(runner, db, facts, violation):
    """Facts as a database written by an older kospitl (or edited by hand) may hold them."""
    open_db(db).dispose()
    con = sqlite3.connect(db)
    con.executemany("INSERT INTO fact (date, kind, subject, metric, as_of, value, status, sources, articles) "
                    "VALUES (?, ?, ?, ?, ?, ?, 'single', 1, 1)", facts)
    con.commit()
    con.close()
    r = invoke(runner, "check", "--db", db)
    if violation is None:
        assert r.exit_code == 0, r.output
    else:
        assert r.exit_code == 1 and violation in r.output, r.output
        assert r.output.count("violation:") == 1, r.output


# ---- the calendar's ad-hoc closures ------------------------------------------------------------

def test_overrides_close_a_day_for_resolution_and_arithmetic(tmp_path):
    """An ad-hoc closure in calendar_overrides.csv is a non-session for weekday resolution and for
    "previous session" arithmetic alike."""
    overrides = tmp_path / "calendar_overrides.csv"
    overrides.write_text("# an ad-hoc closure\ndate,is_session,note,source\n2026-01-06,0,market closed (test),t\n",
                         encoding="utf-8")
    cal = sessions.build(overrides)
    assert not cal.is_session(date(2026, 1, 6)) and cal.note(date(2026, 1, 6)) == "market closed (test)"
    assert cal.previous_session(date(2026, 1, 7)) == date(2026, 1, 5)
    art = parse(wire("2026.01.08", "The KOSPI closed at 4,525.48 on Tuesday, up 12.3 points."), "a.txt")
    mentions, _ = extract(art)
    observations, problems = resolve(mentions, art, cal)
    assert not observations
    assert {p.code for p in problems} == {"non-session"}
    assert all("2026-01-06 (Tuesday), which has no KRX session (market closed (test))" in p.message for p in problems)
    observations, problems = resolve(mentions, art, sessions.load())
    assert {o.date for o in observations} == {"2026-01-06"} and not problems


@pytest.mark.parametrize("row,message", [
    ("2026-13-01,0,x,t", "'2026-13-01' is not an ISO date"),
    ("2026-01-06,maybe,x,t", "is_session 'maybe' is not 0 or 1"),
], ids=["bad-date", "bad-flag"])
def test_overrides_bad_rows_are_errors(tmp_path, row, message):
    from kospitl.errors import KospitlError

    overrides = tmp_path / "calendar_overrides.csv"
    overrides.write_text(f"# c\ndate,is_session,note,source\n2026-01-05,1,open,t\n{row}\n", encoding="utf-8")
    with pytest.raises(KospitlError, match=rf"^{overrides}:4: {message}"):
        sessions.build(overrides)
