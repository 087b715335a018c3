"""Rows in and out of SQLite. The only module (with ``models``) that knows the tables."""
from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any, Iterable, Iterator

from sqlalchemy import Connection, delete, insert, select, text

from kospitl import dictionary, sessions, tickers, vocab
from kospitl.articles import Article
from kospitl.db import driver
from kospitl.errors import Problem
from kospitl.models import Article as ArticleRow
from kospitl.models import Fact, Observation as ObservationRow, Problem as ProblemRow, Ticker, TradingDay
from kospitl.reconcile import Key, Outcome, Row, settle_group, settle_key
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

# Which neighbouring sessions a group's rows can change (reconcile.settle_group), from the
# registry's Kind.neighbours (vocab.neighbours):
# - an index or the won: the previous session (its close implied by level − change; the won's
#   next-day rate bounds its close). The next session's arithmetic ("close − previous close")
#   reads only rows of articles that state figures of that session too, and those articles
#   touch it themselves;
# - a stock: the next session (this session's rows give its daily-limit base);
# - flows, yields, balances and market values: neither.


def _alone(subject: str) -> bool:
    """Whether a group of ``subject`` neither reads nor changes a neighbouring session's."""
    return not any(vocab.neighbours(subject))


PRICE_CLOSE = ("quote", "price", "close")
ROW_SQL = """WITH g(date, subject) AS (VALUES {groups})
SELECT o.id, o.date, o.subject, o.kind, o.metric, o.as_of, o.value, o.approx, o.precision, o.status, o.note,
       a.id AS article_id, a.witness, a.source_kind, a.version_tag, a.published_at, a.publisher, a.credit,
       a.content_hash
FROM g JOIN observation o INDEXED BY ix_observation_subject_date ON o.subject = g.subject AND o.date = g.date
JOIN article a ON a.id = o.article_id
ORDER BY o.kind, o.metric, o.as_of, o.id"""
# INDEXED BY: for a long VALUES list the planner would rather build an automatic index over the
# whole observation table (a scan of every row) than probe this one once per group
EMPTY = Outcome()  # what a group without rows or implications settles to
GROUPS_PER_QUERY = 400  # 800 parameters: under SQLite's oldest limit (999)
FACT_SQL = """WITH g(date, subject) AS (VALUES {groups})
SELECT f.date, f.kind, f.subject, f.metric, f.as_of, f.value, f.status, f.sources, f.articles, f.why
FROM g JOIN fact f INDEXED BY ix_fact_subject_key ON f.subject = g.subject AND f.date = g.date"""


def affects(subject: str) -> tuple[bool, bool]:
    """Whether a change in a group of ``subject`` can change the facts of (the previous, the
    next) session's group.

    >>> affects("KOSPI"), affects("005930"), affects("foreign")
    ((True, False), (False, True), (False, False))
    """
    return vocab.neighbours(subject)


def reconcile_groups(conn: Connection, groups: set[Group]) -> int:
    """Recompute the timeline for the touched (date, subject) groups and the groups that read
    them. Returns the number of facts written.

    A group (d, s) reads its own rows, those of the previous session P(d) (a stock's daily-limit
    base) and, when d is a session, those of the next session N(d) (whose arithmetic implies
    d's close). So a touched group (x, s) is read by (P(x), s) when x is a session and s can
    move backwards, and by the groups whose previous session is x when s is a stock: N(x) and
    any non-session day in between that has rows. The relation is exact both ways, so what a
    group settles to never depends on which articles came first."""
    cal = sessions.load()
    around: dict[str, tuple[str, str, bool]] = {}  # date → (previous, next session, is a session)

    def neighbours(d: str) -> tuple[str, str, bool]:
        if d not in around:
            day = date.fromisoformat(d)
            around[d] = (cal.previous_session(day).isoformat(), cal.next_session(day).isoformat(),
                         cal.is_session(day))
        return around[d]

    todo: set[Group] = set()
    for d, subject in groups:
        todo.add((d, subject))
        back, forward = affects(subject)
        prev_d, next_d, is_session = neighbours(d)
        if back and is_session:
            todo.add((prev_d, subject))
        if forward and is_session:
            todo.add((next_d, subject))
            if (date.fromisoformat(next_d) - date.fromisoformat(d)).days > 1:  # closed days with rows between
                todo |= {(day, subject) for (day,) in driver(conn).execute(
                    "SELECT DISTINCT date FROM observation INDEXED BY ix_observation_subject_date "
                    "WHERE subject = ? AND date > ? AND date < ?", (subject, d, next_d))}
    if not todo:
        return 0

    def reads(g: Group) -> tuple[str, ...]:
        if _alone(g[1]):
            return (g[0],)
        prev_d, next_d, is_session = neighbours(g[0])
        return (g[0], prev_d, next_d) if is_session else (g[0], prev_d)

    needed = sorted({(d, g[1]) for g in todo for d in reads(g)})  # the groups, and the neighbours their facts depend on
    by_group: dict[Group, list[Row]] = {}
    stored: dict[int, tuple[str, str | None]] = {}  # each observation's verdict as stored
    for (obs_id, day, subj, kind, metric, as_of, value, approx, precision, status, note, article_id, witness,
         source_kind, version_tag, published_at, publisher, credit,
         article_hash) in _group_rows(conn, ROW_SQL, needed):
        stored[obs_id] = (status, note)
        by_group.setdefault((day, subj), []).append(Row(
            obs_id, kind, metric, as_of, value, bool(approx), precision, article_id,
            witness or f"article:{article_hash}", source_kind, version_tag, published_at, publisher, credit,
            article_hash))
    before = _stored_facts(conn, sorted(todo))
    facts, verdicts, changed = [], [], []
    for d, subject in sorted(todo):
        prev_d, next_d, is_session = neighbours(d)
        today = by_group.get((d, subject), [])
        if _alone(subject):
            prev, nxt = [], []
        else:
            prev = by_group.get((prev_d, subject), [])
            nxt = by_group.get((next_d, subject), []) if is_session else []
        if not today and (not nxt or subject.isdigit()):
            outcome = EMPTY  # no rows, and no next session's arithmetic to imply a close from
        else:
            outcome = settle_group(today, nxt, prev, _previous_close(prev) if subject.isdigit() else {})
        settled = [(d, f.kind, subject, f.metric, f.as_of, f.value, f.status, f.sources, f.articles, f.why)
                   for f in outcome.facts]
        if set(settled) != before.get((d, subject), set()):  # only the groups whose facts change
            changed.append((d, subject))
            facts += settled
        verdicts += [(status, note, obs_id) for obs_id, (status, note) in sorted(outcome.verdicts.items())
                     if stored.get(obs_id) != (status, note)]  # only the verdicts that change
    if changed:
        driver(conn).executemany("DELETE FROM fact WHERE date = ? AND subject = ?", changed)
    if facts:
        driver(conn).executemany("INSERT INTO fact (date, kind, subject, metric, as_of, value, status, sources, "
                             "articles, why) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", facts)
    if verdicts:
        driver(conn).executemany("UPDATE observation SET status = ?, note = ? WHERE id = ?", verdicts)
    return len(facts)


def _stored_facts(conn: Connection, groups: list[Group]) -> dict[Group, set[tuple[Any, ...]]]:
    """The facts stored now for each group, as the rows ``reconcile_groups`` would write."""
    out: dict[Group, set[tuple[Any, ...]]] = {}
    for row in _group_rows(conn, FACT_SQL, groups):
        out.setdefault((row[0], row[2]), set()).add(tuple(row))
    return out


def _group_rows(conn: Connection, template: str, groups: list[Group]) -> Iterator[tuple[Any, ...]]:
    """The rows of a ``WITH g(date, subject) AS (VALUES {groups})`` query for ``groups``, run
    GROUPS_PER_QUERY groups at a time."""
    for i in range(0, len(groups), GROUPS_PER_QUERY):
        chunk = groups[i:i + GROUPS_PER_QUERY]
        yield from driver(conn).execute(template.format(groups=",".join(["(?, ?)"] * len(chunk))),
                                        tuple(x for g in chunk for x in g)).fetchall()


def _previous_close(prev: list[Row]) -> dict[Key, float]:
    """A stock's settled close of the previous session (its daily-limit base): that key alone,
    settled as the previous group settles it (no stated price of a stock is refuted there)."""
    rows = [r for r in prev if r.key == PRICE_CLOSE]
    fact = settle_key(PRICE_CLOSE, rows, [], {}, False)[0] if rows else None
    return {PRICE_CLOSE: fact.value} if fact is not None else {}


def article_session(conn: Connection, article_id: int) -> str | None:
    row = driver(conn).execute("SELECT session_date FROM article WHERE id = ?", (article_id,)).fetchone()
    return row[0] if row else None


def groups_of_articles(conn: Connection, article_ids: Iterable[int]) -> set[Group]:
    """The (date, subject) groups the observations of these articles belong to."""
    ids = sorted(set(article_ids))
    out: set[Group] = set()
    for i in range(0, len(ids), 900):
        chunk = ids[i:i + 900]
        out |= set(driver(conn).execute(
            f"SELECT DISTINCT date, subject FROM observation WHERE article_id IN ({','.join('?' * len(chunk))})",
            chunk).fetchall())
    return out


def set_witness(conn: Connection, article_id: int, witness: str) -> None:
    driver(conn).execute("UPDATE article SET witness = ? WHERE id = ?", (witness, article_id))

