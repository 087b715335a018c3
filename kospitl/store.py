"""Rows in and out of SQLite. The only module (with ``models``) that knows the tables."""
from __future__ import annotations

import re
from datetime import date, datetime, timezone
from typing import Any, Iterable, Iterator

from sqlalchemy import Connection, delete, insert, select, text, update

from kospitl import dictionary, sessions, tickers
from kospitl.articles import Article
from kospitl.errors import Problem
from kospitl.models import Article as ArticleRow
from kospitl.models import Fact, Observation as ObservationRow, Problem as ProblemRow, Ticker, TradingDay
from kospitl.reconcile import Row, settle_group
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
    """The stored article with this content hash (id, given_date), if any. Runs on the driver
    connection directly: outside a transaction it takes no lock that could delay a writer."""
    raw = conn.connection.dbapi_connection
    assert raw is not None
    row = raw.execute("SELECT id, given_date FROM article WHERE content_hash = ?", (content_hash,)).fetchone()
    return {"id": row[0], "given_date": row[1]} if row else None


def insert_article(conn: Connection, art: Article, *, given: date | None, session: date | None,
                   source_kind: str, witness: str | None, fingerprint: str | None = None) -> int:
    values = dict(
        content_hash=art.content_hash, source_path=art.path, publisher=art.publisher,
        title=art.title, published_at=art.published_at.isoformat() if art.published_at else None,
        doc_date=art.doc_date.isoformat() if art.doc_date else None, date_source=art.date_source,
        session_date=session.isoformat() if session else None, version_tag=art.version_tag,
        attn=art.attn, credit=art.credit, source_kind=source_kind, witness=witness, fingerprint=fingerprint,
        given_date=given.isoformat() if given else None, text=art.text,
        ingested_at=datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds"))
    return int(conn.execute(insert(A).values(**values)).inserted_primary_key[0])


def delete_article(conn: Connection, article_id: int) -> set[Group]:
    """Remove an article with its observations and problems; return the groups it touched."""
    groups = {(r.date, r.subject) for r in conn.execute(
        select(O.c.date, O.c.subject).where(O.c.article_id == article_id))}
    conn.execute(delete(O).where(O.c.article_id == article_id))
    conn.execute(delete(P).where(P.c.article_id == article_id))
    conn.execute(delete(A).where(A.c.id == article_id))
    return groups


def insert_observations(conn: Connection, article_id: int, obs: Iterable[Observation]) -> int:
    rows = [dict(article_id=article_id, date=o.date, kind=o.kind, subject=o.subject, metric=o.metric,
                 as_of=o.as_of, value=o.value, approx=o.approx, precision=o.quantum,
                 evidence=o.evidence, line=o.line, start=o.start, end=o.end, rule=o.rule,
                 date_rule=o.date_rule, status="kept") for o in obs]
    if rows:
        conn.execute(insert(O), rows)
    return len(rows)


def insert_problems(conn: Connection, article_id: int | None, source: str, problems: Iterable[Problem]) -> int:
    rows = [dict(article_id=article_id, source_path=source, line=p.line, severity=p.severity,
                 code=p.code, message=p.message, evidence=p.evidence) for p in problems]
    if rows:
        conn.execute(insert(P), rows)
    return len(rows)


# ---- the timeline ---------------------------------------------------------------------

# subjects whose facts depend on the neighbouring sessions (implied closes, daily limits)
NO_NEIGHBOURS = re.compile(r"^(?:foreign|institution|individual|KTB\w+|margin_loans|market_cap:.*|stock_lending:.*)$")
ROW_SQL = """SELECT o.id, o.date, o.subject, o.kind, o.metric, o.as_of, o.value, o.approx, o.precision,
       a.id AS article_id, a.witness, a.source_kind, a.version_tag, a.published_at, a.publisher, a.credit
FROM observation o JOIN article a ON a.id = o.article_id
WHERE o.subject IN ({subjects}) AND o.date IN ({dates})
ORDER BY o.kind, o.metric, o.as_of, o.id"""


def reconcile_groups(conn: Connection, groups: set[Group]) -> int:
    """Recompute the timeline for the touched (date, subject) groups and, where facts depend on
    them, their neighbouring sessions. Returns the number of facts written."""
    cal = sessions.load()
    todo: set[Group] = set()
    for d, subject in groups:
        todo.add((d, subject))
        if not NO_NEIGHBOURS.match(subject):
            day = date.fromisoformat(d)
            todo |= {(cal.previous_session(day).isoformat(), subject), (cal.next_session(day).isoformat(), subject)}
    if not todo:
        return 0
    neighbours = {g: (cal.previous_session(date.fromisoformat(g[0])).isoformat(),
                      cal.next_session(date.fromisoformat(g[0])).isoformat()) for g in todo}
    dates = {d for g in todo for d in (g[0], *neighbours[g])}
    subjects = {g[1] for g in todo}
    by_group: dict[Group, list[Row]] = {}
    sql = ROW_SQL.format(subjects=",".join("?" * len(subjects)), dates=",".join("?" * len(dates)))
    cursor = conn.exec_driver_sql(sql, tuple(sorted(subjects)) + tuple(sorted(dates))).cursor
    assert cursor is not None
    for (obs_id, day, subj, kind, metric, as_of, value, approx, precision, article_id, witness, source_kind,
         version_tag, published_at, publisher, credit) in cursor.fetchall():
        by_group.setdefault((day, subj), []).append(Row(
            obs_id, kind, metric, as_of, value, bool(approx), precision, article_id,
            witness or f"article:{article_id}", source_kind, version_tag, published_at, publisher, credit))
    facts, verdicts = [], []
    for d, subject in sorted(todo):
        prev_d, next_d = neighbours[(d, subject)]
        today = by_group.get((d, subject), [])
        if NO_NEIGHBOURS.match(subject):
            prev, nxt = [], []
        else:
            prev, nxt = by_group.get((prev_d, subject), []), by_group.get((next_d, subject), [])
        # the previous close matters for the daily price limit of a stock only
        prev_facts = ({(f.kind, f.metric, f.as_of): f.value for f in settle_group(prev, [], [], {}).facts}
                      if prev and subject.isdigit() else {})
        outcome = settle_group(today, nxt, prev, prev_facts)
        facts += [(d, f.kind, subject, f.metric, f.as_of, f.value, f.status, f.sources, f.articles, f.why)
                  for f in outcome.facts]
        verdicts += [(status, note, obs_id) for obs_id, (status, note) in sorted(outcome.verdicts.items())]
    conn.exec_driver_sql("DELETE FROM fact WHERE date = ? AND subject = ?", sorted(todo))
    if facts:
        conn.exec_driver_sql("INSERT INTO fact (date, kind, subject, metric, as_of, value, status, sources, "
                             "articles, why) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", facts)
    if verdicts:
        conn.exec_driver_sql("UPDATE observation SET status = ?, note = ? WHERE id = ?", verdicts)
    return len(facts)


# ---- reading ----------------------------------------------------------------------------

def filters(prefix: str = "", *, date_from: str | None = None, date_to: str | None = None,
            **equal: str | None) -> tuple[list[str], dict[str, Any]]:
    """WHERE terms and parameters for the usual filters: columns equal to a value, a date range.

    >>> filters("o.", subject="KOSPI", kind=None, date_from="2026-01-01")
    (['o.subject = :subject', 'o.date >= :date_from'], {'subject': 'KOSPI', 'date_from': '2026-01-01'})
    """
    where: list[str] = []
    params: dict[str, Any] = {}
    for col, val in equal.items():
        if val:
            where.append(f"{prefix}{col} = :{col}")
            params[col] = val
    for name, op, val in (("date_from", ">=", date_from), ("date_to", "<=", date_to)):
        if val:
            where.append(f"{prefix}date {op} :{name}")
            params[name] = val
    return where, params


def rows(conn: Connection, sql: str, params: dict[str, Any] | None = None) -> Iterator[dict[str, Any]]:
    """Rows of a read query as dicts (named :params), straight from the driver's cursor."""
    result = conn.exec_driver_sql(sql, params or {})
    columns = [d[0] for d in result.cursor.description] if result.cursor and result.cursor.description else []
    for r in result.cursor.fetchall() if result.cursor else []:
        yield dict(zip(columns, r))


def set_witness(conn: Connection, article_id: int, witness: str) -> None:
    conn.execute(update(A).where(A.c.id == article_id).values(witness=witness))


def join_witness(conn: Connection, article_id: int, witness: str) -> set[Group]:
    """A new article that repeats an earlier one ``article:N`` (a reprint without a credit
    line): nothing to move, both now share ``witness``. Returns groups whose votes change."""
    rows = conn.execute(select(O.c.date, O.c.subject).join(A, A.c.id == O.c.article_id)
                        .where(A.c.witness == witness, A.c.id != article_id)).all()
    return {(r.date, r.subject) for r in rows}
