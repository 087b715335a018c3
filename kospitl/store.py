"""Rows in and out of SQLite. The only module (with ``models``) that knows the tables."""
from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any, Iterable

from sqlalchemy import Connection, delete, insert, select, text

from kospitl import dictionary, sessions, settle, tickers
from kospitl.articles import Article
from kospitl.db import driver
from kospitl.errors import Problem
from kospitl.models import Article as ArticleRow
from kospitl.models import Fact, Observation as ObservationRow, Problem as ProblemRow, Ticker, TradingDay
from kospitl.settle import KeyAt
from kospitl.records import Observation

A, O, P, F = ArticleRow.__table__, ObservationRow.__table__, ProblemRow.__table__, Fact.__table__  # type: ignore[attr-defined]
Group = tuple[str, str]  # (date, subject)


# ---- reference tables -------------------------------------------------------------------

def sync_reference(conn: Connection) -> None:
    """Fill ``trading_day`` and ``ticker`` from the bundled data when they changed."""
    cal = sessions.load()
    first, last = date(sessions.FIRST_YEAR, 1, 1), date(date.today().year + 1, 12, 31)
    td = TradingDay.__table__  # type: ignore[attr-defined]
    n = conn.execute(text("SELECT COUNT(*) FROM trading_day")).scalar_one()
    expected = (last - first).days + 1
    if n != expected:
        conn.execute(delete(td))
        conn.execute(insert(td), [{"date": d.isoformat(), "is_session": ok, "note": note}
                                  for d, ok, note in cal.days(first, last)])
    dictionary.sync(conn)
    tk = Ticker.__table__  # type: ignore[attr-defined]
    listings = tickers.load()
    if conn.execute(text("SELECT COUNT(*) FROM ticker")).scalar_one() != len(listings):
        conn.execute(delete(tk))
        conn.execute(insert(tk), [{"code": t.code, "name_en": t.name_en, "name_ko": t.name_ko,
                                   "market": t.market, "aliases": "|".join(t.aliases)} for t in listings])


# ---- articles ---------------------------------------------------------------------------

def find_article(conn: Connection, content_hash: str) -> dict[str, Any] | None:
    """The stored article with this content hash (id, given_date, its own doc_date, source_path),
    if any. Runs on the driver connection directly: outside a transaction it takes no lock that
    could delay a writer."""
    row = driver(conn).execute("SELECT id, given_date, doc_date, source_path FROM article WHERE content_hash = ?",
                               (content_hash,)).fetchone()
    return {"id": row[0], "given_date": row[1], "doc_date": row[2], "source_path": row[3]} if row else None


LOOKUP_CHUNK = 500  # hashes in one IN (...) look-up: well under every engine's limit of parameters


def find_articles(conn: Connection, hashes: Iterable[str]) -> dict[str, dict[str, Any]]:
    """``find_article`` of many hashes at once: the stored ones, by hash, in a query for each
    ``LOOKUP_CHUNK`` of them (a re-ingest of known files costs reading, hashing and this)."""
    raw = driver(conn)
    unique = list(dict.fromkeys(hashes))
    found: dict[str, dict[str, Any]] = {}
    for i in range(0, len(unique), LOOKUP_CHUNK):
        part = unique[i:i + LOOKUP_CHUNK]
        sql = ("SELECT content_hash, id, given_date, doc_date, source_path FROM article "
               f"WHERE content_hash IN ({', '.join('?' * len(part))})")
        for h, article_id, given_date, doc_date, source_path in raw.execute(sql, part):
            found[h] = {"id": article_id, "given_date": given_date, "doc_date": doc_date, "source_path": source_path}
    return found


def name_article(conn: Connection, article_id: int, path: str) -> None:
    """One text read from several files is stored once, under the smallest of their paths
    (whichever file came first): the article and its problems take ``path`` if it is smaller."""
    driver(conn).execute("UPDATE article SET source_path = ? WHERE id = ? AND source_path > ?",
                         (path, article_id, path))
    driver(conn).execute("UPDATE problem SET source_path = ? WHERE article_id = ? AND source_path > ?",
                         (path, article_id, path))


# The writes of an ingest run on the driver's cursor with plain SQL: they are the hot path, and
# building a SQLAlchemy statement per article costs more than SQLite's work.
ARTICLE_COLUMNS = ("content_hash", "source_path", "publisher", "title", "published_at", "doc_date", "date_source",
                   "session_date", "version_tag", "attn", "credit", "source_kind", "witness", "fingerprint",
                   "given_date", "text", "ingested_at")
INSERT_ARTICLE = f"INSERT INTO article ({', '.join(ARTICLE_COLUMNS)}) VALUES ({', '.join('?' * len(ARTICLE_COLUMNS))})"
INSERT_OBSERVATION = ("INSERT INTO observation (article_id, date, kind, subject, metric, as_of, value, approx, "
                      "precision, evidence, line, start, \"end\", rule, date_rule, status) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'kept')")
INSERT_PROBLEM = ("INSERT INTO problem (article_id, source_path, line, severity, code, message, evidence) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?)")


def _iso(d: date | datetime | None) -> str | None:
    return d.isoformat() if d else None


def insert_article(conn: Connection, art: Article, *, given: date | None, session: date | None,
                   source_kind: str, witness: str | None, fingerprint: str | None = None) -> int:
    values = (art.content_hash, art.path, art.publisher, art.title, _iso(art.published_at), _iso(art.doc_date),
              art.date_source, _iso(session), art.version_tag, art.attn, art.credit, source_kind, witness,
              fingerprint, _iso(given), art.text,
              datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds"))
    article_id = int(driver(conn).execute(INSERT_ARTICLE, values).lastrowid or 0)
    if session is not None and fingerprint and source_kind != "override":  # the near-duplicate index
        driver(conn).executemany("INSERT INTO sketch_hash (session_date, hash, article_id) VALUES (?, ?, ?)",
                                 [(session.isoformat(), int(h, 16), article_id) for h in set(fingerprint.split())])
    return article_id


def delete_article(conn: Connection, article_id: int) -> set[Group]:
    """Remove an article with its observations and problems; return the groups it touched."""
    groups = {(r.date, r.subject) for r in conn.execute(
        select(O.c.date, O.c.subject).where(O.c.article_id == article_id))}
    conn.execute(delete(O).where(O.c.article_id == article_id))
    conn.execute(delete(P).where(P.c.article_id == article_id))
    driver(conn).execute("DELETE FROM sketch_hash WHERE article_id = ?", (article_id,))
    driver(conn).execute("DELETE FROM unsettled WHERE article_id = ?", (article_id,))  # its keys are settled now
    conn.execute(delete(A).where(A.c.id == article_id))
    return groups


def insert_observations(conn: Connection, article_id: int, obs: Iterable[Observation]) -> int:
    rows = [(article_id, o.date, o.kind, o.subject, o.metric, o.as_of, o.value, o.approx, o.quantum, o.evidence,
             o.line, o.start, o.end, o.rule, o.date_rule) for o in obs]
    if rows:
        driver(conn).executemany(INSERT_OBSERVATION, rows)
    return len(rows)


def insert_problems(conn: Connection, article_id: int | None, source: str, problems: Iterable[Problem]) -> int:
    rows = [(article_id, source, p.line, p.severity, p.code, p.message, p.evidence) for p in problems]
    if rows:
        driver(conn).executemany(INSERT_PROBLEM, rows)
    return len(rows)


# ---- the timeline ---------------------------------------------------------------------

def reconcile_keys(conn: Connection, keys: Iterable[KeyAt], *, fresh: Iterable[int] = (),
                   unsafe: Iterable[KeyAt] | None = None, memo: settle.Memo | None = None) -> int:
    """Re-settle the timeline keys whose rows changed and the keys that read them
    (``kospitl.settle``; ``fresh``, ``unsafe`` and ``memo`` as there: the articles just stored,
    the keys changed otherwise, the rows read for earlier batches). Returns the number of facts
    written."""
    return settle.settle(conn, keys, fresh=fresh, unsafe=unsafe, memo=memo)


def reconcile_groups(conn: Connection, groups: set[Group]) -> int:
    """Re-settle every key of the touched (date, subject) groups (those with rows and those with
    a fact) and the keys that read them. Returns the number of facts written."""
    return settle.settle(conn, settle.keys_of_groups(conn, groups))


def resettle_all(conn: Connection, *, dates_per_step: int = 20) -> int:
    """Settle every key of the database again from its rows alone, a few dates at a time (the
    rows of the whole database are never held at once): what incremental settling wrote must
    come out unchanged. Returns the number of facts written."""
    raw = driver(conn)
    days = sorted({d for (d,) in raw.execute("SELECT DISTINCT date FROM observation")}
                  | {d for (d,) in raw.execute("SELECT DISTINCT date FROM fact")})
    written = 0
    for i in range(0, len(days), dates_per_step):
        first, last = days[i], days[min(i + dates_per_step, len(days)) - 1]
        keys = set(raw.execute("SELECT DISTINCT date, subject, kind, metric, as_of FROM observation "
                               "WHERE date >= ? AND date <= ?", (first, last)).fetchall())
        keys |= set(raw.execute("SELECT date, subject, kind, metric, as_of FROM fact WHERE date >= ? AND date <= ?",
                                (first, last)).fetchall())
        written += settle.settle(conn, keys)
    return written


def keys_of_articles(conn: Connection, article_ids: Iterable[int]) -> set[KeyAt]:
    """The timeline keys the observations of these articles belong to."""
    return settle.keys_of_articles(conn, article_ids)


def article_session(conn: Connection, article_id: int) -> str | None:
    row = driver(conn).execute("SELECT session_date FROM article WHERE id = ?", (article_id,)).fetchone()
    return row[0] if row else None


def set_witness(conn: Connection, article_id: int, witness: str) -> None:
    driver(conn).execute("UPDATE article SET witness = ? WHERE id = ?", (witness, article_id))

