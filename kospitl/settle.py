"""Per-key settling: a change to some observations re-settles only the timeline keys it can move.

A key is (date, subject, kind, metric, as_of): one fact of the timeline. What a key settles to
(``reconcile.settle_key``) reads the key's own rows and, for a few keys, rows of other keys:

========================================  ==============================================================
key                                       reads besides its own rows
========================================  ==============================================================
index change close                        the same day's index close and change_pct (each article's own
                                          arithmetic), the previous session's index close (implied change)
fx change (any as_of)                     the same day's fx rate at that as_of, the previous session's
                                          fx rate close (implied change)
milestone record_close close              the same day's first_close_above milestones, index close and
                                          quote price close (a first close above a level is a record)
index close close (d a session)           the next session's index close/open/level/change (close implied
                                          by level − change)
fx rate close (d a session)               the next session's fx rate/open/change (implied close; the next
                                          rate bounds this close)
a stock's quote price/high/low            the previous session's quote price close (daily-limit base)
========================================  ==============================================================

Subjects of flows, yields, balances and market values (``alone``) read no other session.
``dependents`` is the inverse of this table: the keys a changed key can move. Each read goes
through the observation key index (date, kind, subject, metric), never a whole (date, subject)
group, so one article costs what its own keys cost, whatever the size of the database.

Implied changes ("close − previous close") read the previous session's rows of the *same*
article: an article that changes there has rows of its own on the later day too, so it touches
that day's keys itself.
"""
from __future__ import annotations

import functools
import operator
import sys
from collections import OrderedDict
from datetime import date
from typing import Any, Iterable, Iterator

from sqlalchemy import Connection

from kospitl import sessions, vocab
from kospitl.db import data_version, driver
from kospitl.reconcile import (DERIVABLE, NEXT_IMPLIES, Key, Row, _by_article, check_claim, implied_claims, median,
                               settle_key)

KeyAt = tuple[str, str, str, str, str]  # date, subject, kind, metric, as_of
Spec = tuple[str, str, str, str, str | None]  # date, subject, kind, metric, as_of (None: any): one index probe



@functools.lru_cache(maxsize=None)
def alone(subject: str) -> bool:
    """Whether the keys of ``subject`` neither read nor move another session's (flows, yields,
    balances, market values: the registry's ``Kind.neighbours``, ``vocab.neighbours``)."""
    return not any(vocab.neighbours(subject))

PRICE_CLOSE: Key = ("quote", "price", "close")
INDEX_CLOSE: Key = ("index", "close", "close")
FX_CLOSE: Key = ("fx", "rate", "close")
INDEX_CHANGE: Key = ("index", "change", "close")
RECORD_CLOSE: Key = ("milestone", "record_close", "close")
INDEX_LEVELS = ("close", "open", "level", "change")  # of the next session: imply this session's close
FX_LEVELS = ("rate", "open", "change")
LIMITED = ("price", "high", "low")  # a stock's figures the daily limit bounds

SPECS_PER_QUERY = 200  # 800 parameters: under SQLite's oldest limit (999)
ROW_SQL = """WITH g(date, subject, kind, metric) AS (VALUES {specs})
SELECT o.id, o.date, o.subject, o.kind, o.metric, o.as_of, o.value, o.approx, o.precision, o.status, o.note,
       a.id AS article_id, a.witness, a.source_kind, a.version_tag, a.published_at, a.publisher, a.credit,
       a.content_hash
FROM g CROSS JOIN observation o JOIN article a ON a.id = o.article_id
WHERE o.date = g.date AND o.kind = g.kind AND o.subject = g.subject AND o.metric = g.metric"""
# the same for probes of one as_of (a key's own rows, and the closes a key reads): 5 parameters a probe
KEY_SPECS_PER_QUERY = 150
KEY_ROW_SQL = """WITH g(date, subject, kind, metric, as_of) AS (VALUES {specs})
SELECT o.id, o.date, o.subject, o.kind, o.metric, o.as_of, o.value, o.approx, o.precision, o.status, o.note,
       a.id AS article_id, a.witness, a.source_kind, a.version_tag, a.published_at, a.publisher, a.credit,
       a.content_hash
FROM g CROSS JOIN observation o JOIN article a ON a.id = o.article_id
WHERE o.date = g.date AND o.kind = g.kind AND o.subject = g.subject AND o.metric = g.metric AND o.as_of = g.as_of"""
# CROSS JOIN: SQLite then probes the key index once per spec instead of choosing another plan
KEYS_PER_QUERY = 150  # 750 parameters
FACT_SQL = """WITH g(date, subject, kind, metric, as_of) AS (VALUES {keys})
SELECT f.date, f.subject, f.kind, f.metric, f.as_of, f.value, f.status, f.sources, f.articles, f.why
FROM g CROSS JOIN fact f
WHERE f.date = g.date AND f.kind = g.kind AND f.subject = g.subject AND f.metric = g.metric AND f.as_of = g.as_of"""


class Calendar:
    """The previous and next session of each date, worked out once per settle."""

    def __init__(self) -> None:
        self.cal = sessions.load()
        self.around: dict[str, tuple[str, str, bool]] = {}

    def __call__(self, d: str) -> tuple[str, str, bool]:
        """(previous session, next session, whether ``d`` is a session)."""
        got = self.around.get(d)
        if got is None:
            day = date.fromisoformat(d)
            got = self.around[d] = (self.cal.previous_session(day).isoformat(),
                                    self.cal.next_session(day).isoformat(), self.cal.is_session(day))
        return got


def dependents(conn: Connection, changed: Iterable[KeyAt], around: Calendar) -> set[KeyAt]:
    """The keys whose facts or verdicts can change when the rows of the ``changed`` keys change
    (rows added, removed, or their article's witness changed): each changed key, and the keys
    that read it (the module's table, read backwards)."""
    out: set[KeyAt] = set()
    for key in changed:
        d, s, kind, metric, as_of = key
        out.add(key)
        if (kind, metric, as_of) in (INDEX_CLOSE, ("index", "change_pct", "close")):
            out.add((d, s, *INDEX_CHANGE))
        if (kind == "milestone" and metric == "first_close_above") or (kind, metric, as_of) in (INDEX_CLOSE, PRICE_CLOSE):
            out.add((d, s, *RECORD_CLOSE))
        if kind == "fx" and metric == "rate":
            out.add((d, s, "fx", "change", as_of))
        if alone(s):
            continue
        prev_d, next_d, is_session = around(d)
        if not is_session:
            continue  # no day has it as its next or previous session
        if kind == "index" and metric in INDEX_LEVELS:
            out.add((prev_d, s, *INDEX_CLOSE))
        if kind == "fx" and metric in FX_LEVELS:
            out.add((prev_d, s, *FX_CLOSE))
        if s.isdigit() and (kind, metric, as_of) == PRICE_CLOSE:
            # the days whose previous session is d: the next session and closed days between with rows
            out |= {(day, s, k, m, a) for day, k, m, a in driver(conn).execute(
                "SELECT DISTINCT date, kind, metric, as_of FROM observation "
                "WHERE subject = ? AND date > ? AND date <= ? AND kind = 'quote' AND metric IN (?, ?, ?)",
                (s, d, next_d, *LIMITED))}
    return out


def reads(key: KeyAt, around: Calendar) -> Iterator[Spec]:
    """What settling ``key`` reads (index probes: date, subject, kind, metric, and the as_of when
    ``compose`` reads only one)."""
    d, s, kind, metric, as_of = key
    yield key
    neighbours = not alone(s)
    prev_d, next_d, is_session = around(d)
    k = (kind, metric, as_of)
    if k == INDEX_CHANGE:
        yield d, s, *INDEX_CLOSE
        yield d, s, "index", "change_pct", "close"
        if neighbours:
            yield prev_d, s, *INDEX_CLOSE
    elif kind == "fx" and metric == "change":
        yield d, s, "fx", "rate", as_of
        if neighbours:
            yield prev_d, s, *FX_CLOSE
    elif k == RECORD_CLOSE:
        yield d, s, "milestone", "first_close_above", None
        yield d, s, *INDEX_CLOSE
        yield d, s, *PRICE_CLOSE
    elif k == INDEX_CLOSE and neighbours and is_session:
        for m in INDEX_LEVELS:
            yield next_d, s, "index", m, None
    elif k == FX_CLOSE and neighbours and is_session:
        for m in FX_LEVELS:
            yield next_d, s, "fx", m, None
    elif kind == "quote" and metric in LIMITED and s.isdigit():
        yield prev_d, s, *PRICE_CLOSE


Stored = dict[int, tuple[str, str | None]]  # each observation's verdict as stored


def _shared(text: str | None) -> str | None:
    """One string object for equal texts (``sys.intern``: kept only while something holds it)."""
    return None if text is None else sys.intern(text)


def shared_row(obs_id: int, kind: str, metric: str, as_of: str, value: float, approx: Any, precision: float,
               article_id: int, witness: str | None, source_kind: str, version_tag: str | None,
               published_at: str | None, publisher: str | None, credit: str | None, article_hash: str) -> Row:
    """A ``Row`` read from the database whose texts are the objects every other row with the same
    texts holds: a ``Memo`` keeps up to ``LIMIT`` rows, and an article's publisher, witness,
    times and hash, repeated on each of its ~20 rows, were ~800 of a row's ~1,300 bytes."""
    intern = sys.intern
    return Row(obs_id, intern(kind), intern(metric), intern(as_of), value, bool(approx), precision, article_id,
               intern(witness or f"article:{article_hash}"), intern(source_kind), _shared(version_tag),
               _shared(published_at), _shared(publisher), _shared(credit), intern(article_hash))


_VERDICTS: dict[tuple[str, str | None], tuple[str, str | None]] = {}


def shared_verdict(status: str, note: str | None) -> tuple[str, str | None]:
    """A stored verdict as one tuple for all equal ones (most are ("kept", None))."""
    v = (status, note)
    if note is None:
        return _VERDICTS.setdefault(v, v)  # a few statuses
    return (sys.intern(status), sys.intern(note))


def load_rows(conn: Connection, specs: Iterable[Spec], memo: Memo | None = None) -> tuple[Rows, Stored]:
    """The rows of each spec, by (date, subject) and key, each key's rows in id order (the order
    ``settle_group`` sees them in). A probe of one as_of is left out where a probe of any as_of
    reads its rows already: each row is read once. With a ``memo`` (valid for this transaction:
    ``Memo.begin``), the probes it holds are not read again, and those read are kept in it."""
    specs = set(specs)
    wide = {spec[:4] for spec in specs if spec[4] is None}
    todo = [spec for spec in specs if spec[4] is None or spec[:4] not in wide]
    out: Rows = {}
    stored: Stored = {} if memo is None else memo.stored  # the memo holds the verdicts of every row it holds
    if memo is not None:
        missing = []
        for spec in todo:
            got = memo.get(spec)
            if got is None:
                missing.append(spec)
                continue
            SEEN["from memo"] += 1
            group = out.setdefault((spec[0], spec[1]), {})
            for k, rows in got.items():
                group[k] = list(rows)  # no two probes read the same key
        todo = missing
    for spec, by_key, verdicts in _read_specs(conn, todo):
        group = out.setdefault((spec[0], spec[1]), {})
        for k, rows in by_key.items():
            group[k] = list(rows)
        if memo is not None:
            memo.put(spec, by_key, verdicts)
        else:
            stored.update(verdicts)
    return out, stored


def _read_specs(conn: Connection, specs: list[Spec]) -> list[tuple[Spec, dict[Key, list[Row]], Stored]]:
    """The rows of each probe, from the database: (probe, its rows by key in id order, their
    verdicts as stored)."""
    wide = sorted(spec[:4] for spec in specs if spec[4] is None)
    narrow = sorted(spec for spec in specs if spec[4] is not None)
    raw = driver(conn)
    queries: list[tuple[str, tuple[Any, ...]]] = []
    for i in range(0, len(wide), SPECS_PER_QUERY):
        chunk = wide[i:i + SPECS_PER_QUERY]
        queries.append((ROW_SQL.format(specs=",".join(["(?, ?, ?, ?)"] * len(chunk))),
                        tuple(x for spec in chunk for x in spec)))
    for i in range(0, len(narrow), KEY_SPECS_PER_QUERY):
        chunk5 = narrow[i:i + KEY_SPECS_PER_QUERY]
        queries.append((KEY_ROW_SQL.format(specs=",".join(["(?, ?, ?, ?, ?)"] * len(chunk5))),
                        tuple(x for spec in chunk5 for x in spec)))
    found: dict[Spec, tuple[dict[Key, list[Row]], Stored]] = {spec: ({}, {}) for spec in specs}
    for sql, params in queries:
        for (obs_id, day, subj, kind, metric, as_of, value, approx, precision, status, note, article_id, witness,
             source_kind, version_tag, published_at, publisher, credit, article_hash) in raw.execute(sql, params):
            got = found.get((day, subj, kind, metric, None)) or found[(day, subj, kind, metric, as_of)]
            row = shared_row(obs_id, kind, metric, as_of, value, approx, precision, article_id, witness, source_kind,
                             version_tag, published_at, publisher, credit, article_hash)
            rows = got[0].get(row.key)
            if rows is None:
                got[0][row.key] = [row]
            else:
                rows.append(row)
            got[1][obs_id] = shared_verdict(status, note)
    by_id = operator.attrgetter("id")
    for by_key, _ in found.values():
        for rows in by_key.values():
            rows.sort(key=by_id)
    return [(spec, by_key, verdicts) for spec, (by_key, verdicts) in found.items()]


class Memo:
    """What one writer read for its settles, kept from one of its transactions to the next
    (``ingest.ingest_paths`` keeps one for its batches): the rows of the index probes it made
    and their verdicts, so that a key settled again reads from the database only what is new
    (the rows of the articles just stored). Each row is held by one probe at most (a probe of
    any as_of replaces those of one as_of under it), at most ``LIMIT`` rows, the least recently
    read dropped first.

    It holds only while this connection alone has written the database: ``begin`` drops it when
    another connection has committed since (``db.data_version``; on PostgreSQL it is never kept),
    when the connection is another one, or when what changed is not known; the owner drops it
    when a transaction fails (``clear``). Within that, ``begin`` forgets the probes of the keys
    whose rows were removed or whose witnesses changed, and adds the rows of the articles just
    stored to the probes they belong to; ``settle`` records the verdicts it writes."""

    LIMIT = 100_000  # rows: ~60 MB with their verdicts (texts shared: shared_row)

    def __init__(self) -> None:
        self.raw: Any = None
        self.version: int | None = None
        self.specs: OrderedDict[Spec, dict[Key, list[Row]]] = OrderedDict()  # each key's rows in id order
        self.narrow: dict[tuple[str, str, str, str], list[str]] = {}  # the as_of of the one-as_of probes held
        self.stored: Stored = {}
        self.size = 0

    def clear(self) -> None:
        self.raw, self.version = None, None
        self.specs.clear()
        self.narrow.clear()
        self.stored.clear()
        self.size = 0

    def begin(self, conn: Connection, fresh: set[int], unsafe: set[KeyAt] | None, news: tuple[Rows, Stored]) -> bool:
        """Make the memo valid for this transaction, given what changed since its last settle:
        ``fresh`` (with their rows ``news``), the articles stored since, and ``unsafe``, the keys
        changed otherwise. Returns whether it can be used."""
        raw = driver(conn)
        version = data_version(raw)
        if version is None:
            self.clear()
            return False
        if raw is not self.raw or version != self.version or unsafe is None:
            self.clear()
        self.raw, self.version = raw, version
        for d, s, kind, metric, as_of in unsafe or ():
            self._drop((d, s, kind, metric, None))
            self._drop((d, s, kind, metric, as_of))
        rows, stored = news
        for (d, s), group in rows.items():
            for k, new in group.items():  # ids above every id held: each key stays in id order
                for spec in ((d, s, k[0], k[1], None), (d, s, *k)):
                    held = self.specs.get(spec)
                    if held is not None:
                        held.setdefault(k, []).extend(new)
                        self.size += len(new)
                        for r in new:
                            self.stored[r.id] = stored[r.id]
                        break
        return True

    def get(self, spec: Spec) -> dict[Key, list[Row]] | None:
        """The rows of a probe held, by key (not to be changed), or None."""
        held = self.specs.get(spec)
        if held is not None:
            self.specs.move_to_end(spec)
            return held
        if spec[4] is not None:  # one as_of, under a probe of any as_of held
            wide = (*spec[:4], None)
            held = self.specs.get(wide)
            if held is not None:
                self.specs.move_to_end(wide)
                k = (spec[2], spec[3], spec[4])
                return {k: held[k]} if k in held else {}
        return None

    def put(self, spec: Spec, by_key: dict[Key, list[Row]], verdicts: Stored) -> None:
        if spec[4] is None:
            for as_of in self.narrow.pop(spec[:4], ()):
                self._drop((*spec[:4], as_of))
        else:
            held = self.narrow.setdefault(spec[:4], [])  # a list: a few as_of, and a set costs 216 bytes
            if spec[4] not in held:
                held.append(spec[4])
        self._drop(spec)
        self.specs[spec] = {k: list(rows) for k, rows in by_key.items()}
        self.stored.update(verdicts)
        self.size += sum(map(len, by_key.values()))

    def trim(self) -> None:
        """Drop the least recently read probes beyond ``LIMIT`` rows (after a settle: the
        verdicts it compares are those of every row it read)."""
        while self.size > self.LIMIT and self.specs:
            self._drop(next(iter(self.specs)))

    def wrote(self, verdicts: list[tuple[str, str | None, int]]) -> None:
        """The verdicts ``settle`` wrote (status, note, observation id)."""
        for status, note, obs_id in verdicts:
            if obs_id in self.stored:
                self.stored[obs_id] = shared_verdict(status, note)

    def _drop(self, spec: Spec) -> None:
        held = self.specs.pop(spec, None)
        if held is None:
            return
        if spec[4] is not None:
            left = self.narrow.get(spec[:4])
            if left is not None and spec[4] in left:
                left.remove(spec[4])
                if not left:
                    del self.narrow[spec[:4]]
        for rows in held.values():
            self.size -= len(rows)
            for r in rows:
                self.stored.pop(r.id, None)


def stored_facts(conn: Connection, keys: list[KeyAt]) -> dict[KeyAt, tuple[Any, ...]]:
    out: dict[KeyAt, tuple[Any, ...]] = {}
    for i in range(0, len(keys), KEYS_PER_QUERY):
        chunk = keys[i:i + KEYS_PER_QUERY]
        for row in driver(conn).execute(FACT_SQL.format(keys=",".join(["(?, ?, ?, ?, ?)"] * len(chunk))),
                                        tuple(x for k in chunk for x in k)).fetchall():
            out[tuple(row[:5])] = tuple(row)  # type: ignore[assignment]
    return out


def settle(conn: Connection, changed: Iterable[KeyAt], *, fresh: Iterable[int] = (),
           unsafe: Iterable[KeyAt] | None = None, memo: Memo | None = None) -> int:
    """Re-settle the keys the ``changed`` keys can move; write the facts and verdicts that change.
    Returns the number of facts written. What each key settles to is exactly what settling the
    whole database from scratch gives it (``reconcile.settle_group`` over its group).

    ``fresh``: articles stored since the keys were last settled, whose witness has not changed
    since; ``unsafe``: the keys whose rows changed otherwise (rows removed, witnesses changed),
    None when that is not known. A key that reads the ``changed`` keys but has no row among them
    and none of the ``unsafe`` keys can move is left alone where the fresh articles' rows cannot
    move it (``moves``).

    ``memo``: the rows this connection read for its earlier settles (``Memo``), for the keys
    settled again; with it, ``fresh`` and ``unsafe`` must name everything that changed since."""
    around = Calendar()
    changed = set(changed)
    fresh = set(fresh)
    unsafe = set(unsafe) if unsafe is not None else None
    news: Rows | None = None
    if memo is not None:
        got = _article_rows(conn, fresh)
        news = got[0]
        if not memo.begin(conn, fresh, unsafe, got):
            memo = None
    todo = sorted(dependents(conn, changed, around))
    if not todo:
        return 0
    if fresh and unsafe is not None:
        blocked = dependents(conn, unsafe, around) if unsafe else set()
        keep = []
        for key in todo:
            if key in changed or key in blocked:
                keep.append(key)
                continue
            if news is None:
                news = load_article_rows(conn, fresh)
            if moves(key, news, around):
                keep.append(key)
        SEEN["skipped"] += len(todo) - len(keep)
        todo = keep
    SEEN["settled"] += len(todo)
    rows, stored = load_rows(conn, (spec for key in todo for spec in reads(key, around)), memo)
    before = stored_facts(conn, todo)
    gone: list[KeyAt] = []
    facts: list[tuple[Any, ...]] = []
    verdicts: list[tuple[str, str | None, int]] = []
    bases: dict[tuple[str, str], float | None] = {}
    for key in todo:
        fact, outcome = settle_one(key, rows, around, bases)
        if fact != before.get(key):
            if key in before:
                gone.append(key)
            if fact is not None:
                facts.append(fact)
        verdicts += [(status, note, obs_id) for obs_id, (status, note) in sorted(outcome.items())
                     if stored.get(obs_id) != (status, note)]  # only the verdicts that change
    raw = driver(conn)
    if gone:
        raw.executemany("DELETE FROM fact WHERE date = ? AND subject = ? AND kind = ? AND metric = ? AND as_of = ?",
                        gone)
    if facts:
        raw.executemany("INSERT INTO fact (date, subject, kind, metric, as_of, value, status, sources, articles, why) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", facts)
    if verdicts:
        raw.executemany("UPDATE observation SET status = ?, note = ? WHERE id = ?", verdicts)
        if memo is not None:
            memo.wrote(verdicts)
    if memo is not None:
        memo.trim()
    return len(facts)


SEEN = {"settled": 0, "skipped": 0, "from memo": 0}  # keys settled and left alone, probes from a Memo (bench/README)


def load_article_rows(conn: Connection, article_ids: Iterable[int]) -> Rows:
    """The rows of these articles, by (date, subject) and key, in id order (as ``load_rows``)."""
    return _article_rows(conn, article_ids)[0]


def _article_rows(conn: Connection, article_ids: Iterable[int]) -> tuple[Rows, Stored]:
    """``load_article_rows``, and the verdicts of the rows as stored."""
    ids = sorted(set(article_ids))
    out: Rows = {}
    stored: Stored = {}
    for i in range(0, len(ids), 900):
        chunk = ids[i:i + 900]
        for (obs_id, day, subj, kind, metric, as_of, value, approx, precision, status, note, article_id, witness,
             source_kind, version_tag, published_at, publisher, credit, article_hash) in driver(conn).execute(
                "SELECT o.id, o.date, o.subject, o.kind, o.metric, o.as_of, o.value, o.approx, o.precision, "
                "o.status, o.note, a.id, a.witness, a.source_kind, a.version_tag, a.published_at, a.publisher, "
                "a.credit, a.content_hash FROM observation o JOIN article a ON a.id = o.article_id "
                f"WHERE o.article_id IN ({','.join('?' * len(chunk))}) ORDER BY o.id", chunk).fetchall():
            row = shared_row(obs_id, kind, metric, as_of, value, approx, precision, article_id, witness, source_kind,
                             version_tag, published_at, publisher, credit, article_hash)
            out.setdefault((day, subj), {}).setdefault(row.key, []).append(row)
            stored[obs_id] = shared_verdict(status, note)
    return out, stored


NONE: list[Row] = []
NO_ROWS: dict[int, dict[Key, Row]] = {}  # (not to be changed)
NO_KEYS: dict[Key, Row] = {}
Rows = dict[tuple[str, str], dict[Key, list[Row]]]


def implied_for(k: Key) -> bool:
    """Whether an article's own arithmetic can imply a claim for a key (``implied_claims``)."""
    kind, metric, _ = k
    return k in (INDEX_CLOSE, FX_CLOSE, RECORD_CLOSE, INDEX_CHANGE) or (kind == "fx" and metric == "change")


def compose(key: KeyAt, rows: Rows, around: Calendar) -> tuple[list[Row], list[Row], list[Row], list[Row], list[Row]]:
    """What settling ``key`` reads of ``rows``: the key's own rows, the same day's rows read with
    them (its own first), the next session's, the previous session's, and (a stock's price, high
    and low) the previous session's closes; each list in id order."""
    d, s, kind, metric, as_of = key
    k: Key = (kind, metric, as_of)
    prev_d, next_d, is_session = around(d)
    here = rows.get((d, s), {})
    mine = here.get(k, NONE)
    neighbours = not alone(s)
    before = rows.get((prev_d, s), {}) if neighbours else {}
    after = rows.get((next_d, s), {}) if neighbours and is_session else {}
    today: list[Row] = list(mine)
    nxt: list[Row] = []
    prev: list[Row] = []
    if k == INDEX_CHANGE:
        today = mine + here.get(INDEX_CLOSE, NONE) + here.get(("index", "change_pct", "close"), NONE)
        prev = list(before.get(INDEX_CLOSE, NONE))
    elif kind == "fx" and metric == "change":
        today = mine + here.get(("fx", "rate", as_of), NONE)
        prev = list(before.get(FX_CLOSE, NONE))
    elif k == RECORD_CLOSE:
        today = mine + here.get(INDEX_CLOSE, NONE) + here.get(PRICE_CLOSE, NONE) + [
            r for key2, rs in here.items() if key2[:2] == ("milestone", "first_close_above") for r in rs]
    elif k == INDEX_CLOSE:
        nxt = [r for key2, rs in after.items() if key2[0] == "index" and key2[1] in INDEX_LEVELS for r in rs]
    elif k == FX_CLOSE:
        nxt = [r for key2, rs in after.items() if key2[0] == "fx" and key2[1] in FX_LEVELS for r in rs]
    today.sort(key=lambda r: r.id)  # each article's first row of a key is the one settle_group sees
    nxt.sort(key=lambda r: r.id)
    prev.sort(key=lambda r: r.id)
    base = list(before.get(PRICE_CLOSE, NONE)) if kind == "quote" and metric in LIMITED and s.isdigit() else []
    return list(mine), today, nxt, prev, base


def settle_one(key: KeyAt, rows: Rows, around: Calendar, bases: dict[tuple[str, str], float | None] | None = None
               ) -> tuple[tuple[Any, ...] | None, dict[int, tuple[str, str | None]]]:
    """One key's fact (as a row of ``fact``, or None) and its rows' verdicts, from the rows
    ``reads`` named; the same computation as ``reconcile.settle_group`` restricted to the key.
    ``bases``: the daily-limit bases worked out so far, by (previous session, stock)."""
    d, s, kind, metric, as_of = key
    k: Key = (kind, metric, as_of)
    mine, today, nxt, prev, base_rows = compose(key, rows, around)
    if not mine and k not in DERIVABLE:
        return None, {}  # only a derivable key has a fact no row states
    # today's rows by article: for the claims they imply and an index change's own arithmetic
    own = _by_article(today) if k == INDEX_CHANGE or (implied_for(k) and k not in NEXT_IMPLIES) else NO_ROWS
    implied = implied_claims(today, nxt, prev, own, k).get(k, []) if implied_for(k) else []
    refuted: dict[int, tuple[str, float | None]] = {}
    prev_value = None
    if base_rows:
        at = (around(d)[0], s)
        if bases is None or at not in bases:
            prev_value = _previous_close(base_rows)
            if bases is not None:
                bases[at] = prev_value
        else:
            prev_value = bases[at]
    next_rate = median([r.value for r in nxt if r.kind == "fx" and r.metric in ("rate", "open")]) if nxt else None
    for r in mine:
        reason, fixed = check_claim(r, own.get(r.article_id, NO_KEYS), prev_value, implied, next_rate)
        if reason:
            refuted[r.id] = (reason, fixed)
    prefer_latest = kind == "flow" and as_of == "close"
    fact, verdicts = settle_key(k, mine, implied, refuted, prefer_latest)
    if fact is None:
        return None, verdicts
    return (d, s, fact.kind, fact.metric, fact.as_of, fact.value, fact.status, fact.sources, fact.articles,
            fact.why), verdicts


def moves(key: KeyAt, rows: Rows, around: Calendar) -> bool:
    """Whether ``rows`` (of articles added since ``key`` was settled, which state nothing under
    it) can move ``key``: they imply a claim for it, or change a stock's daily-limit base or the
    next session's rate it reads (``settle_one`` reads nothing else of another article)."""
    mine, today, nxt, prev, base = compose(key, rows, around)
    if mine or base or any(r.kind == "fx" and r.metric in ("rate", "open") for r in nxt):
        return True
    k = key[2:]
    return implied_for(k) and bool(implied_claims(today, nxt, prev, None, k).get(k))  # type: ignore[arg-type]


def _previous_close(prev: list[Row]) -> float | None:
    """A stock's settled close of the previous session (its daily-limit base): that key alone,
    settled as its own key settles it (no stated price of a stock is refuted there)."""
    if not prev:
        return None
    fact = settle_key(PRICE_CLOSE, sorted(prev, key=lambda r: r.id), [], {}, False)[0]
    return fact.value if fact is not None else None


def keys_of_articles(conn: Connection, article_ids: Iterable[int]) -> set[KeyAt]:
    """The keys the observations of these articles belong to."""
    ids = sorted(set(article_ids))
    out: set[KeyAt] = set()
    for i in range(0, len(ids), 900):
        chunk = ids[i:i + 900]
        out |= set(driver(conn).execute(
            "SELECT DISTINCT date, subject, kind, metric, as_of FROM observation "
            f"WHERE article_id IN ({','.join('?' * len(chunk))})", chunk).fetchall())
    return out


def keys_of_groups(conn: Connection, groups: Iterable[tuple[str, str]]) -> set[KeyAt]:
    """Every key of these (date, subject) groups: those with rows and those with a fact (a fact
    whose rows are gone is settled again, and goes)."""
    out: set[KeyAt] = set()
    raw = driver(conn)
    for d, s in sorted(set(groups)):
        out |= set(raw.execute("SELECT DISTINCT date, subject, kind, metric, as_of FROM observation "
                               "WHERE subject = ? AND date = ?", (s, d)).fetchall())
        out |= set(raw.execute("SELECT date, subject, kind, metric, as_of FROM fact WHERE subject = ? AND date = ?",
                               (s, d)).fetchall())
    return out
