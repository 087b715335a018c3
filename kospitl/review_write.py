"""The review loop's writes: manual overrides (an audited, top-priority source) and
re-extraction of stored articles after rule changes."""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timezone

from sqlalchemy import select
from sqlalchemy.engine import Engine

from kospitl import store
from kospitl.articles import parse
from kospitl.errors import KospitlError
from kospitl.ingest import analyse
from kospitl.records import Observation
from kospitl.vocab import is_known


def record_override(engine: Engine, day: str, kind: str, subject: str, metric: str, value: float, *,
                    note: str, as_of: str = "close") -> int:
    """Store a manual decision as its own source (publisher ``override``); nothing is edited in
    place. The latest override of a key outranks every article. Returns the override's id."""
    try:
        d = date.fromisoformat(day)
    except ValueError:
        raise KospitlError(f"override: {day!r} is not an ISO date (YYYY-MM-DD)") from None
    if not is_known(kind, metric):
        raise KospitlError(f"override: {kind} {metric} is not in the fact vocabulary")
    if not note.strip():
        raise KospitlError("override: a --note saying why is required")
    now = datetime.now(timezone.utc).astimezone()
    decision = {"date": day, "kind": kind, "subject": subject, "metric": metric, "as_of": as_of,
                "value": value, "note": note, "at": now.isoformat(timespec="seconds")}
    body = json.dumps(decision, ensure_ascii=False, sort_keys=True)
    with engine.begin() as conn:
        article_id = conn.execute(store.A.insert().values(
            content_hash=hashlib.sha256(body.encode()).hexdigest(), source_path="override",
            publisher="override", title=f"manual override: {note}", published_at=now.isoformat(timespec="seconds"),
            doc_date=day, date_source="override", session_date=day, source_kind="override",
            witness=None, text=body, ingested_at=now.isoformat(timespec="seconds"))).inserted_primary_key[0]
        store.set_witness(conn, article_id, f"override:{article_id}")
        store.insert_observations(conn, article_id, [Observation(
            date=d.isoformat(), kind=kind, subject=subject, metric=metric, as_of=as_of, value=value,
            approx=False, evidence=note, line=0, start=0, end=0, rule="override", date_rule="override",
            quantum=0.0)])
        store.reconcile_groups(conn, {(d.isoformat(), subject)})
    return int(article_id)


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
            touched = {(r.date, r.subject) for r in old} | {(o.date, o.subject) for o in new_obs}
            conn.execute(store.O.delete().where(store.O.c.article_id == a.id))
            conn.execute(store.P.delete().where(store.P.c.article_id == a.id))
            store.insert_observations(conn, a.id, new_obs)
            store.insert_problems(conn, a.id, a.source_path, problems)
            store.reconcile_groups(conn, touched)
    return changes


def _label(d: str, kind: str, subject: str, metric: str, as_of: str, value: float) -> str:
    v = str(int(value)) if value == int(value) else repr(value)
    return f"{d} {kind} {subject} {metric} {as_of} {v}"
