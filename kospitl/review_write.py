"""The review loop's writes: manual overrides (an audited, top-priority source) and
re-extraction of stored articles after rule changes."""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import select
from sqlalchemy.engine import Connection, Engine

from kospitl import sessions, store
from kospitl.arguments import as_of_of, kind_of, metric_of, parse_day, subject_of
from kospitl.articles import parse
from kospitl.db import driver
from kospitl.errors import KospitlError
from kospitl.ingest import analyse
from kospitl.records import Observation
from kospitl.sessions import FIRST_YEAR
from kospitl.vocab import out_of_range


KST = timezone(timedelta(hours=9))
OVERRIDE = "override"
WITHDRAWAL_PATH = "withdrawal of override {}"


@dataclass(frozen=True)
class Decision:
    """A manual decision, checked: a session day, a key of the vocabulary, a plausible value."""

    day: date
    kind: str
    subject: str
    metric: str
    as_of: str
    value: float
    note: str


def check_override(day: str, kind: str, subject: str, metric: str, value: float, *, note: str,
                   as_of: str = "close") -> Decision:
    """An override checked as an article's figure would be: the day a KRX session (on the
    calendar, not in the future), kind, metric and subject of the vocabulary (a ticker known or
    given as six digits), ``as_of`` well formed, the value finite and plausible for the metric
    (``vocab.RANGES``), a note saying why. A KospitlError names what is wrong."""
    d = parse_day(day, "override: date")
    today = datetime.now(KST).date()
    if d.year < FIRST_YEAR or d > today:
        raise KospitlError(f"override: date {d}: outside the calendar ({FIRST_YEAR}-01-01 to today, {today})")
    cal = sessions.load()
    if not cal.is_session(d):
        raise KospitlError(f"override: date {d}: no KRX session that day ({cal.note(d) or 'closed'})")
    k = kind_of(kind, "override: kind")
    m = metric_of(metric, k, "override: metric")
    subj = subject_of(subject, k, "override: subject")
    a = as_of_of(as_of, "override: --as-of")
    why = out_of_range(k, m, value)
    if why:
        raise KospitlError(f"override: value {value!r}: {why}")
    if not note.strip():
        raise KospitlError("override: a --note saying why is required")
    return Decision(d, k, subj, m, a, float(value), note)


def _next_time(conn: Connection) -> datetime:
    """The time of a new override or withdrawal: now, or just after the latest one stored if
    that is not earlier (two in the same microsecond, or a clock set back). Overrides are ranked
    by this time, so it is a monotonic sequence, never a tie."""
    now = datetime.now(KST)
    stored = [r[0] for r in driver(conn).execute(
        "SELECT published_at FROM article WHERE source_kind = ? AND published_at IS NOT NULL", (OVERRIDE,))]
    times = []
    for t in stored:
        try:
            parsed = datetime.fromisoformat(t)
        except ValueError:
            continue
        times.append(parsed if parsed.tzinfo else parsed.replace(tzinfo=KST))
    latest = max(times, default=None)
    if latest is not None and latest >= now:
        now = (latest + timedelta(microseconds=1)).astimezone(KST)
    return now


def _store_record(conn: Connection, body: dict[str, object], *, path: str, title: str, day: str | None,
                  at: datetime) -> int:
    text = json.dumps(body, ensure_ascii=False, sort_keys=True)
    stamp = at.isoformat(timespec="microseconds")
    article_id = conn.execute(store.A.insert().values(
        content_hash=hashlib.sha256(text.encode()).hexdigest(), source_path=path,
        publisher=OVERRIDE, title=title, published_at=stamp, doc_date=day, date_source=OVERRIDE,
        session_date=day, source_kind=OVERRIDE, witness=None, text=text,
        ingested_at=stamp)).inserted_primary_key[0]
    store.set_witness(conn, article_id, f"override:{article_id}")
    return int(article_id)


def record_override(engine: Engine, day: str, kind: str, subject: str, metric: str, value: float, *,
                    note: str, as_of: str = "close") -> int:
    """Store a manual decision as its own source (publisher ``override``); nothing is edited in
    place. The latest override of a key (by a monotonic sequence of times) outranks every
    article. Returns the override's id."""
    dec = check_override(day, kind, subject, metric, value, note=note, as_of=as_of)
    with engine.begin() as conn:  # BEGIN IMMEDIATE: the time below is read and written under the lock
        at = _next_time(conn)
        body = {"date": dec.day.isoformat(), "kind": dec.kind, "subject": dec.subject, "metric": dec.metric,
                "as_of": dec.as_of, "value": dec.value, "note": dec.note, "at": at.isoformat(timespec="microseconds")}
        article_id = _store_record(conn, body, path=OVERRIDE, title=f"manual override: {dec.note}",
                                   day=dec.day.isoformat(), at=at)
        store.insert_observations(conn, article_id, [Observation(
            date=dec.day.isoformat(), kind=dec.kind, subject=dec.subject, metric=dec.metric, as_of=dec.as_of,
            value=dec.value, approx=False, evidence=dec.note, line=0, start=0, end=0, rule=OVERRIDE,
            date_rule=OVERRIDE, quantum=0.0)])
        store.reconcile_keys(conn, {(dec.day.isoformat(), dec.subject, dec.kind, dec.metric, dec.as_of)})
    return article_id


@dataclass(frozen=True)
class Withdrawal:
    override_id: int
    withdrawal_id: int
    decision: dict[str, object]


def withdraw_override(engine: Engine, override_id: int, *, note: str) -> Withdrawal:
    """Withdraw override ``override_id``: it stops voting (its observation is removed and its
    key settled again), while the audit trail stays: the override's own row (its decision, as
    JSON) and a new row recording the withdrawal, when and why."""
    if not note.strip():
        raise KospitlError("override: a --note saying why is required")
    with engine.begin() as conn:
        raw = driver(conn)
        row = raw.execute("SELECT source_path, text FROM article WHERE id = ? AND source_kind = ?",
                          (override_id, OVERRIDE)).fetchone()
        if row is None or row[0] != OVERRIDE:
            raise KospitlError(f"override --withdraw {override_id}: no such override")
        if raw.execute("SELECT 1 FROM article WHERE source_kind = ? AND source_path = ?",
                       (OVERRIDE, WITHDRAWAL_PATH.format(override_id))).fetchone():
            raise KospitlError(f"override --withdraw {override_id}: already withdrawn")
        decision = json.loads(row[1])
        at = _next_time(conn)
        body = {"withdraw": override_id, "decision": decision, "note": note,
                "at": at.isoformat(timespec="microseconds")}
        wid = _store_record(conn, body, path=WITHDRAWAL_PATH.format(override_id),
                            title=f"withdrawal of override {override_id}: {note}", day=decision.get("date"), at=at)
        keys = store.keys_of_articles(conn, [override_id])
        raw.execute("DELETE FROM observation WHERE article_id = ?", (override_id,))
        store.reconcile_keys(conn, keys)
    return Withdrawal(override_id, wid, decision)


@dataclass
class Change:
    path: str
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def reprocess(engine: Engine, *, dry_run: bool = False) -> list[Change]:
    """Re-extract every stored article from its kept text with the current rules; replace the
    observations that changed (one transaction per article) and return what changed."""
    with engine.connect() as conn:
        arts = conn.execute(select(store.A.c.id, store.A.c.source_path, store.A.c.text, store.A.c.given_date)
                            .where(store.A.c.source_kind != "override").order_by(store.A.c.id)).all()
    changes = []
    for a in arts:
        art = parse(a.text, a.source_path)
        given = date.fromisoformat(a.given_date) if a.given_date else None
        new_obs, problems = analyse(art, given)
        with engine.begin() as conn:
            old = conn.execute(select(store.O.c.date, store.O.c.kind, store.O.c.subject, store.O.c.metric,
                                      store.O.c.as_of, store.O.c.value)
                               .where(store.O.c.article_id == a.id)).all()
            before = Counter(_label(*r) for r in old)
            after = Counter(_label(o.date, o.kind, o.subject, o.metric, o.as_of, o.value) for o in new_obs)
            if before == after:
                continue
            changes.append(Change(a.source_path, sorted((after - before).elements()),
                                  sorted((before - after).elements())))
            if dry_run:
                continue
            touched = {(r.date, r.subject, r.kind, r.metric, r.as_of) for r in old} | {
                (o.date, o.subject, o.kind, o.metric, o.as_of) for o in new_obs}
            conn.execute(store.O.delete().where(store.O.c.article_id == a.id))
            conn.execute(store.P.delete().where(store.P.c.article_id == a.id))
            store.insert_observations(conn, a.id, new_obs)
            store.insert_problems(conn, a.id, a.source_path, problems)
            store.reconcile_keys(conn, touched)
    return changes


def _label(d: str, kind: str, subject: str, metric: str, as_of: str, value: float) -> str:
    v = str(int(value)) if value == int(value) else repr(value)
    return f"{d} {kind} {subject} {metric} {as_of} {v}"
