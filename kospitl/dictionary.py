"""The column dictionary (table ``column_info``) and the datasette descriptions built from it.

Every column of every table and view is described by what it holds beyond its name: the unit,
what a count counts, which values a code takes. A column that means the same thing in several
views (``date``, ``as_of``, ``sources``, ``company``...) is described once, in ``SHARED``, so it
reads the same everywhere; ``SPECIFIC`` holds what is particular to one table or view. The
per-figure ``<metric>_status`` and ``<metric>_sources`` columns of the pivoted views (``session``,
``quote``, ``fx``, ``bond_yield``) are described from ``status`` and ``sources``.
"""
from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from kospitl import models
from kospitl.vocab import KINDS, REGISTRY

TABLES = {
    "article": "One row per distinct article text (content hash), with its clocks and story version.",
    "observation": "Every figure as one article stated it, with its evidence and how its date was resolved.",
    "problem": "What could not be resolved (no date, unknown company): reported, never guessed.",
    "fact": "The reconciled timeline: one value per (date, kind, subject, metric, as_of).",
    "trading_day": "The KRX calendar the date resolver used.",
    "ticker": "KRX listings kospitl knows by name.",
    "column_info": "This column dictionary.",
    "sketch_hash": "The near-duplicate index: the hashes of each article's fingerprint, by session.",
    "file_read": "The files an ingest read, as stat showed them, and the article each holds: a re-ingest "
                 "skips reading a file that is unchanged since.",
    "unsettled": "The articles whose figures are stored but not yet in the timeline: empty except while an "
                 "ingest runs, or after one was interrupted (the next command to open the database settles "
                 "them).",
    "session": "Per trading day and index: close, change, percent, open, high, low, volume, turnover and "
               "breadth, then each figure's status and number of independent sources.",
    "quote": "Stock prices per day and company (English and Korean names next to the code).",
    "flow": "Net buying by foreign investors, institutions and individuals on the KOSPI market, in won.",
    "milestone": "Round levels crossed for the first time and records set, by index, company or indicator.",
    "fx": "The won against the US dollar: the closing rate, its change and the opening rate.",
    "bond_yield": "Korea Treasury bond yields and their change in basis points.",
    "indicator": "Margin loans, KOSPI market capitalisation and stock lending balances, in won.",
    "intraday": "Index readings during a session: at the open and at HH:MM clock times (KST).",
    "v_timeline": "Every reconciled fact with names and evidence counts (observations, rejected ones).",
    "v_observation": "Every figure as stated, with its article's publisher and title and its evidence sentence.",
    "v_problem": "The review queue: what could not be resolved, as FILE:LINE locations.",
}

FACT_STATUSES = ("agreed: two or more independent witnesses; single: one; conflict-resolved: a different "
                 "stated value was rejected; derived: no article states it, arithmetic on stated facts fixes it")
SOURCES = ("independent witnesses backing the value: a wire story's versions and the outlets' copies of it "
           "count once, and a value an article's own arithmetic implies counts for that article")

# column name → (description, unit): the same meaning in every table and view it appears in
SHARED: dict[str, tuple[str, str | None]] = {
    "date": ("the KRX trading session the figure belongs to (KST), YYYY-MM-DD", None),
    "kind": (f"the kind of fact: {', '.join(list(KINDS)[:-1])} or {list(KINDS)[-1]}", None),
    "subject": ("what the fact is about: an index (KOSPI), a six-digit KRX ticker, an investor group, "
                "USD/KRW, a bond (KTB3Y) or an indicator (margin_loans, market_cap:KOSPI)", None),
    "metric": ("what was measured, e.g. close, change_pct, net_buy, rate, yield, balance", None),
    "as_of": ("when in the session the figure holds: close (the closing figure), open (at the opening), "
              "HH:MM (a reading at that KST clock time) or intraday (during the session, no time given)", None),
    "status": (f"how the timeline settled the value ({FACT_STATUSES})", None),
    "sources": (SOURCES, "witnesses"),
    "articles": ("articles stating the value, every version and copy counted (sources counts them once "
                 "per witness)", "articles"),
    "why": ("the reasoning behind the status: the values rejected and what refuted them, or the arithmetic "
            "a derived value comes from; empty when nothing was contested", None),
    "label": ("the subject's name: the company for a ticker, the indicator spelt out "
              "(KOSPI market capitalisation), else the subject itself", None),
    "index_name": ("the index: KOSPI, KOSPI200 or KOSDAQ", None),
    "code": ("six-digit KRX ticker", None),
    "company": ("the company's English name (from data/tickers.csv)", None),
    "company_ko": ("the company's Korean name (from data/tickers.csv)", None),
    "evidence": ("the sentence of the article the figure was read from", None),
    "title": ("the article's headline, HTML entities unescaped", None),
    "publisher": ("the outlet that published the article (Yonhap, Korea Herald, 연합뉴스...)", None),
    "source_path": ("the file the article was read from, as given to kospitl ingest", None),
    "line": ("line number in the article file (1 = first line)", None),
    "rule": ("the extraction rule that matched the figure (kind.metric, e.g. index.close)", None),
    "date_rule": ("how the figure's date was resolved, e.g. weekday 'Tuesday' → 2026-01-06, "
                  "previous session of 2026-01-02", None),
    "approx": ("1 where the text hedges the figure (about, more than, nearly), else 0", None),
    "note": ("why the observation did not count: outvoted or refuted, a later version of the story, "
             "a copy of another outlet's story; empty for kept ones", None),
    "article_id": ("the article that states the figure (article.id)", None),
    "severity": ("error (a figure was left out of the timeline) or warning (kept, but worth a look)", None),
    "message": ("what could not be resolved and what to do about it (e.g. use --date)", None),
    "change_pct": ("change from the previous session's close", "percent"),
}

# (table, column) → (description, unit): what one table or view means by a column
SPECIFIC: dict[tuple[str, str], tuple[str, str | None]] = {
    ("article", "id"): ("row id of the article in this database (observation.article_id points to it)", None),
    ("article", "content_hash"): ("sha256 of the normalised text: the same text ingested twice is one row", None),
    ("article", "published_at"): ("publication time as printed, ISO 8601 with +09:00", None),
    ("article", "doc_date"): ("the article's own date (KST) that relative dates (Tuesday, yesterday) "
                              "are resolved from", None),
    ("article", "date_source"): ("where doc_date came from: dateline, published line, front matter, a "
                                 "date stated in the text", None),
    ("article", "session_date"): ("the trading session the article reports on (its date, or the "
                                  "previous session when it appeared before the open)", None),
    ("article", "version_tag"): ("the wire story's version: (URGENT), (LEAD), (2nd LD)...; empty for "
                                 "a first take or a non-wire article", None),
    ("article", "attn"): ("Yonhap's ATTN note (what the new version adds or corrects)", None),
    ("article", "credit"): ("the credit line of a syndicated copy, e.g. Yonhap: the copy is not an "
                            "independent witness", None),
    ("article", "source_kind"): ("wire, daily, aggregator or digest: the publisher's prior when votes tie "
                                 "(wire > daily > aggregator > AI digest)", None),
    ("article", "fingerprint"): ("MinHash of the body, to find near-duplicates (copies, versions)", None),
    ("article", "witness"): ("the independent witness the article speaks for: a wire story's chain of "
                             "versions, or the original a copy reprints", None),
    ("article", "given_date"): ("the date supplied with kospitl ingest --date for an article that states "
                                "none", None),
    ("article", "text"): ("the article's raw text, kept so kospitl reprocess can extract it again", None),
    ("article", "ingested_at"): ("when kospitl stored the article (ISO 8601, +09:00)", None),
    ("observation", "id"): ("row id of the observation in this database", None),
    ("observation", "value"): ("the figure as the article printed it, in base units (won, not billion "
                               "won)", "points | won | shares | percent | bp"),
    ("observation", "precision"): ("the value of the last digit printed (0.01 for 4,525.48; 1e9 for 644.7 "
                                   "billion won): values equal at this precision agree", None),
    ("observation", "start"): ("character offset of the figure in the article text", None),
    ("observation", "end"): ("character offset just after the figure in the article text", None),
    ("observation", "status"): ("kept (counted in the vote), lost (outvoted or refuted: see note), "
                                "superseded (a later version of the wire story states it) or copy (a "
                                "syndicated copy; its original votes)", None),
    ("problem", "id"): ("row id of the problem in this database", None),
    ("sketch_hash", "article_id"): ("the article whose fingerprint holds the hash (article.id)", None),
    ("sketch_hash", "session_date"): ("the trading session the article reports on (near-duplicates are "
                                      "looked for within one session)", "date"),
    ("sketch_hash", "hash"): ("one of the 32 smallest hashes of the body's word 5-grams (the fingerprint)", None),
    ("unsettled", "id"): ("the order the articles were marked in (an ingest deletes the marks it read once "
                          "their articles are settled)", None),
    ("unsettled", "article_id"): ("the article whose timeline keys are not settled yet (article.id)", None),
    ("unsettled", "ingest"): ("the ingest that stored it, as host:pid; once that process is gone, the next "
                              "command to open the database settles the article", None),
    ("file_read", "path"): ("the absolute path of the file read (a byte that is not UTF-8 as \\xNN)", None),
    ("file_read", "size"): ("the file's size when it was read", "bytes"),
    ("file_read", "mtime_ns"): ("the file's modification time when it was read, in nanoseconds since "
                                "1970-01-01 UTC", "ns"),
    ("file_read", "ctime_ns"): ("the file's status change time when it was read (changed by every write, "
                                "rename or restored modification time), in nanoseconds since 1970-01-01 UTC",
                                "ns"),
    ("file_read", "inode"): ("the file's inode number when it was read (a new file at the same path has "
                             "another; above 2^63 stored less 2^64)", None),
    ("file_read", "content_hash"): ("the sha256 of the file's normalised text: the article it holds "
                                    "(article.content_hash)", None),
    ("file_read", "read_at_ns"): ("when kospitl read the file (the system clock just before it opened it), "
                                  "in nanoseconds since 1970-01-01 UTC; a file modified within 2 s before "
                                  "this is read again next time (racily clean)", "ns"),
    ("problem", "article_id"): ("the article the problem was found in (article.id); empty for a file "
                                "that is not an article", None),
    ("problem", "code"): ("the kind of problem, e.g. no-date (a figure whose date cannot be resolved)", None),
    ("problem", "evidence"): ("the sentence (or line) the problem was found in", None),
    ("problem", "source_path"): ("the file the problem was found in, as given to kospitl ingest", None),
    ("problem", "line"): ("line number in the file (1 = first line); empty for the whole file", None),
    ("v_problem", "location"): ("FILE:LINE of the problem, as editors and terminals link it", None),
    ("fact", "id"): ("row id of the fact in this database (rewritten when its group is settled again)", None),
    ("fact", "value"): ("the reconciled value, in base units (won, not billion won)",
                        "points | won | shares | percent | bp"),
    ("v_timeline", "evidence"): ("observations of this key in all articles, lost, superseded and "
                                 "copies included", "observations"),
    ("v_timeline", "rejected"): ("observations of this key that lost (outvoted or refuted): above 0 "
                                 "means the articles disagreed", "observations"),
    ("trading_day", "date"): ("a calendar day, YYYY-MM-DD", None),
    ("trading_day", "is_session"): ("1 if the Korea Exchange traded that day, 0 for weekends, public "
                                    "holidays and the Dec. 31 closure", None),
    ("trading_day", "note"): ("why there was no session (weekend, the holiday's name, an ad-hoc "
                              "closure from data/calendar_overrides.csv)", None),
    ("ticker", "code"): ("six-digit KRX ticker", None),
    ("ticker", "name_en"): ("the company's English name", None),
    ("ticker", "name_ko"): ("the company's Korean name", None),
    ("ticker", "market"): ("the market it is listed on: KOSPI or KOSDAQ", None),
    ("ticker", "aliases"): ("other names articles use for it, separated by |", None),
    ("column_info", "table_name"): ("the table or view the column belongs to", None),
    ("column_info", "column_name"): ("the column described, as SELECT names it", None),
    ("column_info", "description"): ("what the column holds, beyond its name", None),
    ("column_info", "unit"): ("the unit of its values (won, points, percent, bp, shares), if any", None),
    ("flow", "investor"): ("the investor group: foreign, institution or individual (KOSPI market only)", None),
    ("fx", "pair"): ("the currency pair: USD/KRW, won per US dollar", None),
    ("bond_yield", "bond"): ("the bond: KTB3Y, KTB5Y or KTB10Y (3-, 5- and 10-year Korea Treasury bonds)", None),
    ("indicator", "indicator"): ("the indicator: margin_loans, market_cap:KOSPI or stock_lending:<ticker>", None),
    ("indicator", "metric"): ("balance (margin loans, stock lending) or value (market capitalisation)", None),
    ("indicator", "value_won"): ("the balance (margin loans, stock lending) or value (market capitalisation)", "won"),
    ("milestone", "event"): ("first_close_above, first_intraday_above or first_above (level: the round "
                             "threshold crossed), record_close or record_high (level: the record)", None),
    ("milestone", "level"): ("the threshold crossed or the record level, in the unit column's unit", None),
    ("milestone", "unit"): ("the unit of level: points for an index, won for a stock or an indicator", None),
}

# the pivoted views' figure columns are the metrics of one kind, described by the registry
# (change_pct, the same in every view, is in SHARED)
VIEW_KINDS = {"session": "index", "quote": "quote", "flow": "flow", "fx": "fx", "bond_yield": "rate"}
SPECIFIC.update({(view, m.name): (m.description, m.unit) for view, kind in VIEW_KINDS.items()
                 for m in REGISTRY[kind].metrics if m.name != "change_pct"})

TABLE_MODELS = (models.Article, models.Observation, models.Problem, models.Fact, models.TradingDay,
                models.Ticker, models.ColumnInfo, models.SketchHash, models.FileRead)


# views that show a table's columns under the same names: described as the table's
BASE = {"v_timeline": "fact", "intraday": "fact", "v_observation": "observation", "v_problem": "problem"}


def describe(table: str, column: str) -> tuple[str, str | None] | None:
    """The description and unit of ``table.column``; None where the dictionary has none."""
    for t in (table, BASE.get(table)):
        if (t, column) in SPECIFIC:
            return SPECIFIC[(t, column)]
    for suffix in ("_status", "_sources"):
        figure = column.removesuffix(suffix)
        if figure != column:
            desc, unit = SHARED[suffix[1:]]
            return f"{figure}: {desc}", unit
    return SHARED.get(column)


def columns(conn: Connection) -> list[tuple[str, str]]:
    """Every (table, column) of the kospitl tables and views in the database."""
    out = [(model.__tablename__, name)  # type: ignore[attr-defined]
           for model in TABLE_MODELS for name in model.model_fields]
    if conn.dialect.name == "postgresql":
        from kospitl.db import driver
        from kospitl.pg import view_columns

        return out + view_columns(driver(conn).raw)  # type: ignore[attr-defined]
    for (view,) in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name"):
        out += [(view, col[1]) for col in conn.exec_driver_sql(f'PRAGMA table_info("{view}")')]
    return out


def entries(conn: Connection) -> list[dict[str, Any]]:
    """Every column of every table and view, described (a column the dictionary does not know
    yet is described by the model's field, else by its name: tests/test_views.py fails on it)."""
    out: dict[tuple[str, str], dict[str, Any]] = {}
    fields = {(m.__tablename__, n): f.description  # type: ignore[attr-defined]
              for m in TABLE_MODELS for n, f in m.model_fields.items()}
    for table, name in columns(conn):
        desc, unit = describe(table, name) or (fields.get((table, name)) or name.replace("_", " "), None)
        out[(table, name)] = {"table_name": table, "column_name": name, "description": desc, "unit": unit}
    return [out[k] for k in sorted(out)]


def sync(conn: Connection) -> None:
    """Rewrite ``column_info`` when its content differs from the code's."""
    t = models.ColumnInfo.__table__  # type: ignore[attr-defined]
    want = entries(conn)
    have = [dict(r._mapping) for r in conn.execute(select(t).order_by(t.c.table_name, t.c.column_name))]
    if have != want:
        conn.execute(delete(t))
        conn.execute(insert(t), want)


def datasette_metadata(conn: Connection, db_name: str) -> dict[str, Any]:
    """datasette metadata: table and column descriptions, units (where pint knows them), labels."""
    tables: dict[str, Any] = {}
    for row in conn.execute(select(models.ColumnInfo.__table__)):  # type: ignore[attr-defined]
        t = tables.setdefault(row.table_name, {"description": TABLES.get(row.table_name, ""), "columns": {}})
        unit = f" ({row.unit})" if row.unit else ""
        t["columns"][row.column_name] = row.description + unit
        if row.unit == "percent":
            t.setdefault("units", {})[row.column_name] = "percent"
    tables.setdefault("ticker", {})["label_column"] = "name_en"
    return {"title": "kospitl: Korean market timeline",
            "description": "Figures from Korean stock-market news, reconciled into one timeline.",
            "databases": {db_name: {"tables": tables}}}


def dumps(meta: dict[str, Any]) -> str:
    return json.dumps(meta, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
