"""Read-side questions a reviewer asks: one session, the conflicts, the evidence behind a fact,
the review queue. Each returns rows (dicts) for ``kospitl.output.render``."""
from __future__ import annotations

from datetime import date
from typing import Any

from kospitl import sessions
from kospitl.check import check
from kospitl.reconcile import fmt_value
from kospitl.sqlread import Reader, filters, rows

SHOW_COLUMNS = ("kind", "subject", "label", "metric", "as_of", "value", "status", "sources", "why")
CONFLICT_COLUMNS = ("date", "kind", "subject", "metric", "as_of", "value", "status", "candidates", "why")
SOURCE_COLUMNS = ("article", "publisher", "published_at", "value", "approx", "status", "line", "evidence",
                  "date_rule", "note")
PROBLEM_COLUMNS = ("location", "severity", "code", "message")
ARTICLE_COLUMNS = ("published_at", "publisher", "title", "source_path")
#: the stated figures a derived fact comes from: which fact each states, and the arithmetic
DERIVATION_COLUMNS = ("states", "article", "publisher", "published_at", "value", "status", "line", "evidence",
                      "arithmetic")

KIND_ORDER = "CASE f.kind WHEN 'index' THEN 0 WHEN 'milestone' THEN 1 WHEN 'flow' THEN 2 WHEN 'quote' THEN 3 " \
             "WHEN 'fx' THEN 4 WHEN 'rate' THEN 5 ELSE 6 END"


def show(conn: Reader, day: str) -> list[dict[str, Any]]:
    """Every fact of one session, with names instead of codes."""
    return list(rows(conn, f"""
        SELECT f.kind, f.subject, COALESCE(t.name_en, f.subject) AS label, f.metric, f.as_of, f.value,
               f.status, f.sources, f.why
        FROM fact f LEFT JOIN ticker t ON t.code = f.subject
        WHERE f.date = :d
        ORDER BY {KIND_ORDER}, f.subject, f.metric, f.as_of""", {"d": day}))


def articles_for(conn: Reader, day: str) -> list[dict[str, Any]]:
    """The articles whose figures stand behind a session's facts."""
    return list(rows(conn, """
        SELECT DISTINCT a.source_path, a.publisher, a.title, a.published_at
        FROM observation o JOIN article a ON a.id = o.article_id
        WHERE o.date = :d ORDER BY a.published_at, a.source_path""", {"d": day}))


def conflicts(conn: Reader, *, date_from: str | None = None, date_to: str | None = None,
              subject: str | None = None, kind: str | None = None) -> list[dict[str, Any]]:
    """Keys where the articles disagree: every candidate value, the winner and why."""
    where, params = filters("o.", subject=subject, kind=kind, date_from=date_from, date_to=date_to)
    where.insert(0, "o.status = 'lost'")  # read through the partial index ix_observation_lost
    lost_keys = f"SELECT DISTINCT o.date, o.kind, o.subject, o.metric, o.as_of FROM observation o WHERE {' AND '.join(where)}"
    cands: dict[tuple[str, ...], list[str]] = {}
    for c in rows(conn, f"""
            SELECT o.date, o.kind, o.subject, o.metric, o.as_of, o.value, o.status, COUNT(*) AS n
            FROM observation o JOIN ({lost_keys}) k USING (date, kind, subject, metric, as_of)
            GROUP BY o.date, o.kind, o.subject, o.metric, o.as_of, o.value, o.status
            ORDER BY o.date, o.kind, o.subject, o.metric, o.as_of, o.value, o.status""", params):
        key = (c["date"], c["kind"], c["subject"], c["metric"], c["as_of"])
        cands.setdefault(key, []).append(f"{_num(c['value'])} ({c['status']} ×{c['n']})")
    facts = {(f["date"], f["kind"], f["subject"], f["metric"], f["as_of"]): f for f in rows(conn, f"""
            SELECT f.date, f.kind, f.subject, f.metric, f.as_of, f.value, f.status, f.why
            FROM fact f JOIN ({lost_keys}) k USING (date, kind, subject, metric, as_of)""", params)}
    out = []
    for key, texts in cands.items():
        fact = facts.get(key)
        out.append({**dict(zip(("date", "kind", "subject", "metric", "as_of"), key)),
                    "value": fact["value"] if fact else None, "status": fact["status"] if fact else None,
                    "candidates": "; ".join(texts), "why": fact["why"] if fact else None})
    return out


def sources(conn: Reader, day: str, kind: str, subject: str, metric: str,
            as_of: str | None = None) -> list[dict[str, Any]]:
    """The evidence sentences behind one fact (all as_of values unless one is given)."""
    params = {"d": day, "k": kind, "s": subject, "m": metric}
    extra = ""
    if as_of:
        extra = " AND o.as_of = :a"
        params["a"] = as_of
    found = []
    for r in rows(conn, f"""
            SELECT a.source_path, a.publisher, a.published_at, o.value, o.approx, o.status, o.line,
                   o.evidence, o.date_rule, o.note, o.as_of
            FROM observation o JOIN article a ON a.id = o.article_id
            WHERE o.date = :d AND o.kind = :k AND o.subject = :s AND o.metric = :m{extra}
            ORDER BY o.as_of, a.published_at, a.source_path, o.line""", params):
        r["article"] = r.pop("source_path").replace("\\", "/").rsplit("/", 1)[-1]
        r["approx"] = bool(r["approx"])
        found.append(r)
    return found


def derivation(conn: Reader, day: str, kind: str, subject: str, metric: str,
               as_of: str | None = None) -> list[dict[str, Any]]:
    """For a derived fact (no article states it): the stated figures its arithmetic uses, each
    with the fact it states and the arithmetic. Empty when the fact is not derived."""
    fact = next(iter(rows(conn, """
        SELECT value, why FROM fact WHERE date = :d AND kind = :k AND subject = :s AND metric = :m
          AND as_of = :a AND status = 'derived'""", {"d": day, "k": kind, "s": subject, "m": metric,
                                                       "a": as_of or "close"})), None)
    if fact is None:
        return []
    value = fact["value"]
    if kind == "milestone":  # a record close: the close of an article that calls it a first close above
        on, pairs = day, (("milestone", "first_close_above"), ("index", "close"), ("quote", "price"))
    elif kind == "index":  # the previous close: a level of the next session minus its change
        on, pairs = _next_session(day), (("index", "close"), ("index", "open"), ("index", "level"), ("index", "change"))
    else:  # fx rate: a rate of the next session minus its change
        on, pairs = _next_session(day), (("fx", "rate"), ("fx", "open"), ("fx", "change"))
    wanted = " OR ".join(f"(o.kind = '{k}' AND o.metric = '{m}')" for k, m in pairs)
    by_article: dict[int, list[dict[str, Any]]] = {}
    for r in rows(conn, f"""
            SELECT o.article_id, o.date, o.kind, o.subject, o.metric, o.as_of, o.value, o.status, o.line,
                   o.evidence, a.source_path, a.publisher, a.published_at
            FROM observation o JOIN article a ON a.id = o.article_id
            WHERE o.date = :d AND o.subject = :s AND ({wanted})
            ORDER BY a.published_at, a.source_path, o.line, o.metric""", {"d": on, "s": subject}):
        by_article.setdefault(r["article_id"], []).append(r)
    found = []
    for obs in by_article.values():
        for base, step, text in _arithmetic(kind, obs, value):
            for r in (base, step):
                found.append({"states": f"{r['date']} {r['kind']} {r['subject']} {r['metric']} {r['as_of']}",
                              "article": r["source_path"].replace("\\", "/").rsplit("/", 1)[-1],
                              "publisher": r["publisher"], "published_at": r["published_at"],
                              "value": r["value"], "status": r["status"], "line": r["line"],
                              "evidence": r["evidence"], "arithmetic": text})
    return found


def _next_session(day: str) -> str:
    return sessions.load().next_session(date.fromisoformat(day)).isoformat()


def _arithmetic(kind: str, obs: list[dict[str, Any]], value: float) -> list[tuple[dict[str, Any], dict[str, Any], str]]:
    """The pairs of one article's figures whose arithmetic gives ``value``, with the sum written out."""
    out = []
    if kind == "milestone":
        for first in (o for o in obs if o["kind"] == "milestone"):
            for close in (o for o in obs if o["kind"] != "milestone" and o["as_of"] == "close"):
                if abs(close["value"] - value) < 0.005 and close["value"] >= first["value"]:
                    out.append((close, first, f"a first close above {fmt_value(first['value'])} at "
                                              f"{fmt_value(close['value'])} tops every earlier close: a record close"))
        return out
    for change in (o for o in obs if o["metric"] == "change"):
        for level in (o for o in obs if o["metric"] != "change" and o["as_of"] == change["as_of"]):
            if abs(level["value"] - change["value"] - value) < 0.005:
                out.append((level, change, f"{level['metric']} {fmt_value(level['value'])} − change "
                                           f"{fmt_value(change['value'])} = {fmt_value(value)}, the close "
                                           f"of the session before {level['date']}"))
    return out


def problems(conn: Reader, *, include_checks: bool = True) -> list[dict[str, Any]]:
    """The review queue: unresolved dates, unknown companies, and invariant violations."""
    # by file and line (row ids follow the order articles were ingested in); an article's own
    # problems on one line in the order it states them
    found = list(rows(conn, "SELECT v.location, v.severity, v.code, v.message FROM v_problem v "
                            "JOIN problem p ON p.id = v.id ORDER BY p.source_path, p.line, p.id"))
    if include_checks:
        for f in check(conn):
            if f.severity == "violation":
                found.append({"location": f"timeline {f.date} {f.subject}", "severity": "error",
                              "code": "invariant", "message": f.message})
    return found


def _num(v: float) -> str:
    return str(int(v)) if v == int(v) else f"{v:g}"
