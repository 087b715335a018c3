"""The views as a person opens them in DB Browser for SQLite: what they look up first, rows in
date order, whole numbers without a trailing .0, names next to codes; and the column
dictionary describing every column by more than its name, the same way wherever it means the
same thing."""
from __future__ import annotations

import re
import sqlite3
from typing import Any, Callable

import pytest

from conftest import ingest_seeds, invoke
from kospitl import dictionary
from kospitl.db import open_db

UNDATED = """Kospi tops 6,100 for the first time

The Kospi closed at a record 6,112.50 on Thursday, up 28.64 points, or 0.47 percent.
"""


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> str:
    """The bundled samples, and an article that states no date (so v_problem has rows)."""
    from click.testing import CliRunner

    d = tmp_path_factory.mktemp("views")
    db = str(d / "kospitl.db")
    ingest_seeds(CliRunner(), db)
    (d / "undated.txt").write_text(UNDATED, encoding="utf-8")
    assert invoke(CliRunner(), "ingest", "-q", "--db", db, str(d / "undated.txt")).exit_code == 1
    return db


def rank(*names: str) -> Callable[[Any], Any]:
    """Sort key: ``names`` first, in their order, then the rest alphabetically."""
    return lambda v: (names.index(v) if v in names else len(names), v)


def clock(as_of: str) -> str:
    """open, then HH:MM in clock order, then intraday (no time given), then close."""
    return {"open": "0", "intraday": "8", "close": "9"}.get(as_of, as_of)


INDICES = rank("KOSPI", "KOSPI200", "KOSDAQ")

# view → (its first columns, in order; the columns its rows are sorted by, with their sort key)
VIEWS: dict[str, tuple[list[str], list[tuple[str, Callable[[Any], Any]]]]] = {
    "session": (["date", "index_name", "close", "change", "change_pct", "open", "high", "low", "volume",
                 "turnover", "advancers", "decliners", "unchanged", "close_status", "close_sources"],
                [("date", str), ("index_name", INDICES)]),
    "quote": (["date", "code", "company", "company_ko", "price", "change_pct", "high", "low",
               "price_status", "price_sources"],
              [("date", str), ("code", str), ("as_of", clock)]),
    "flow": (["date", "investor", "net_buy", "as_of", "status", "sources", "why"],
             [("date", str), ("investor", rank("foreign", "institution", "individual")), ("as_of", clock)]),
    "milestone": (["date", "subject", "label", "event", "level", "unit", "status", "sources", "why"],
                  [("date", str), ("subject", INDICES), ("event", str)]),
    "fx": (["date", "pair", "rate", "change", "open", "rate_status", "rate_sources"],
           [("date", str), ("pair", str), ("as_of", clock)]),
    "bond_yield": (["date", "bond", "yield", "change_bp", "yield_status", "yield_sources"],
                   [("date", str), ("bond", rank("KTB3Y", "KTB5Y", "KTB10Y")), ("as_of", clock)]),
    "indicator": (["date", "indicator", "label", "metric", "value_won", "as_of", "status", "sources"],
                  [("date", str), ("indicator", str), ("metric", str), ("as_of", clock)]),
    "intraday": (["date", "index_name", "as_of", "metric", "value", "status", "sources"],
                 [("date", str), ("index_name", INDICES), ("as_of", clock), ("metric", str)]),
    "v_timeline": (["date", "kind", "subject", "label", "metric", "as_of", "value", "status", "sources"],
                   [("date", str), ("kind", str), ("subject", str), ("metric", str), ("as_of", clock)]),
    "v_observation": (["date", "kind", "subject", "label", "metric", "as_of", "value", "approx", "status",
                       "note", "publisher", "title", "evidence"],
                      [("date", str), ("kind", str), ("subject", str), ("metric", str), ("as_of", clock),
                       ("id", int)]),
    "v_problem": (["location", "severity", "code", "message", "evidence", "title"],
                  [("location", lambda v: v.rsplit(":", 1)[0]), ("location", lambda v: int(v.rsplit(":", 1)[-1])),
                   ("id", int)]),
}

# columns holding whole won, shares or counts: integers in every row
INTEGER_COLUMNS = {
    "session": ["volume", "turnover", "advancers", "decliners", "unchanged", "close_sources"],
    "quote": ["price", "high", "low"],
    "flow": ["net_buy", "sources"],
    "indicator": ["value_won"],
    "v_timeline": ["sources", "articles", "evidence", "rejected"],
}


def read(db: str, view: str) -> tuple[list[str], list[dict[str, Any]]]:
    con = sqlite3.connect(db)
    try:
        cur = con.execute(f'SELECT * FROM "{view}"')
        cols = [c[0] for c in cur.description]
        return cols, [dict(zip(cols, r)) for r in cur.fetchall()]
    finally:
        con.close()


def test_every_view_is_in_the_table(seeded):
    con = sqlite3.connect(seeded)
    views = {n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'view'")}
    con.close()
    assert views == set(VIEWS)


@pytest.mark.parametrize("view", list(VIEWS))
def test_view_starts_with_what_people_look_up_and_is_sorted(seeded, view):
    first, order = VIEWS[view]
    cols, rows = read(seeded, view)
    assert cols[:len(first)] == first
    assert len(rows) > 1, f"{view}: the samples should give it rows"
    keys = [tuple(key(r[c]) for c, key in order) for r in rows]
    assert keys == sorted(keys), f"{view} is not sorted by {[c for c, _ in order]}"


@pytest.mark.parametrize("view", list(VIEWS))
def test_whole_numbers_show_without_a_fraction(seeded, view):
    """DB Browser shows a REAL 130500.0 as '130500.0': no view gives a whole number as REAL."""
    _, rows = read(seeded, view)
    floats = [(k, v) for r in rows for k, v in r.items() if isinstance(v, float) and v.is_integer()]
    assert floats == []
    for col in INTEGER_COLUMNS.get(view, []):
        assert all(r[col] is None or isinstance(r[col], int) for r in rows), col


def test_the_session_row_people_look_for(seeded):
    _, rows = read(seeded, "session")
    row = next(r for r in rows if r["date"] == "2026-01-06" and r["index_name"] == "KOSPI")
    con = sqlite3.connect(seeded)
    fact = con.execute("SELECT value, status, sources FROM fact WHERE date = '2026-01-06' AND kind = 'index' "
                       "AND subject = 'KOSPI' AND metric = 'close' AND as_of = 'close'").fetchone()
    con.close()
    assert (row["close"], row["close_status"], row["close_sources"]) == fact
    assert fact[:2] == (4525.48, "agreed") and fact[2] >= 3


def test_names_stand_next_to_codes(seeded):
    _, quotes = read(seeded, "quote")
    samsung = next(r for r in quotes if r["code"] == "005930")
    assert (samsung["company"], samsung["company_ko"]) == ("Samsung Electronics", "삼성전자")
    assert all(r["company"] for r in quotes), "every quoted ticker has a name"
    _, milestones = read(seeded, "milestone")
    units = {r["subject"]: (r["label"], r["unit"]) for r in milestones}
    assert units["KOSPI"] == ("KOSPI", "points") and units["005930"] == ("Samsung Electronics", "won")
    _, indicators = read(seeded, "indicator")
    labels = {r["indicator"]: r["label"] for r in indicators}
    assert labels["market_cap:KOSPI"] == "KOSPI market capitalisation"
    assert all(label != code for code, label in labels.items()), labels


# --- the column dictionary -------------------------------------------------------------------

# a column whose meaning differs between the views it is in (the unit, or what it counts)
MEANS_DIFFERENT_THINGS = {
    "change": "points in session, won in fx",
    "high": "points in session, won in quote", "low": "points in session, won in quote",
    "open": "points in session, won in fx",
    "metric": "balance or value in indicator, any metric elsewhere",
}
FACT_VIEWS = ("session", "quote", "flow", "milestone", "fx", "bond_yield", "indicator", "intraday",
              "v_timeline")


@pytest.fixture(scope="module")
def described(seeded) -> dict[tuple[str, str], dict[str, Any]]:
    con = sqlite3.connect(seeded)
    con.row_factory = sqlite3.Row
    try:
        return {(r["table_name"], r["column_name"]): dict(r) for r in con.execute("SELECT * FROM column_info")}
    finally:
        con.close()


def test_every_column_of_every_table_and_view_is_in_the_dictionary(seeded, described):
    engine = open_db(seeded)
    with engine.connect() as conn:
        columns = dictionary.columns(conn)
    assert [c for c in columns if dictionary.describe(*c) is None] == []
    assert set(columns) == set(described)


def test_descriptions_say_more_than_the_name(described):
    """'date: date', 'as_of: as of' and 'company_ko: company ko' said nothing."""
    thin = []
    for (table, column), row in described.items():
        name_words = set(re.split(r"[_\W]+", column.lower()))
        words = [w for w in re.split(r"[^\w]+", row["description"].lower())
                 if w and w not in name_words and w not in ("the", "a", "an", "of", "in")]
        if len(words) < 3:
            thin.append((table, column, row["description"]))
    assert thin == [], thin


@pytest.mark.parametrize(("table", "column", "must_say"), [
    ("session", "close_sources", "independent witnesses"),
    ("flow", "sources", "versions"),            # what sources counts: a story's versions count once
    ("v_timeline", "as_of", "HH:MM"),           # what as_of means
    ("quote", "company_ko", "Korean"),
    ("session", "turnover", "won"),
    ("v_timeline", "rejected", "lost"),
    ("v_observation", "status", "superseded"),
])
def test_a_description_explains(described, table, column, must_say):
    row = described[(table, column)]
    assert must_say in row["description"] + " " + (row["unit"] or "")


def test_the_same_column_is_described_the_same_way_in_every_view(described):
    by_name: dict[str, set[tuple[str, str | None]]] = {}
    for view in FACT_VIEWS:
        for (table, column), row in described.items():
            if table == view and column not in MEANS_DIFFERENT_THINGS:
                base = re.sub(r"^.*?_(status|sources)$", r"\1", column) if column.endswith(("_status", "_sources")) else column
                text = row["description"].split(": ", 1)[1] if base != column else row["description"]
                by_name.setdefault(base, set()).add((text, row["unit"]))
    assert {name: texts for name, texts in by_name.items() if len(texts) > 1} == {}
    # a view of a table describes the table's columns as the table does
    for view, table in dictionary.BASE.items():
        for (t, column), row in described.items():
            if t == view and (table, column) in described:
                assert row["description"] == described[(table, column)]["description"], (view, column)


def test_datasette_metadata_shows_the_unit_after_the_description(seeded, runner, tmp_path):
    import json

    out = tmp_path / "meta.json"
    assert invoke(runner, "datasette-metadata", "--db", seeded, "-o", str(out)).exit_code == 0
    tables = json.loads(out.read_text())["databases"]["kospitl"]["tables"]
    assert tables["session"]["columns"]["turnover"] == "value traded in the session (won)"
    assert tables["session"]["columns"]["date"] == tables["flow"]["columns"]["date"]
