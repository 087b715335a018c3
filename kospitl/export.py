"""The two exports of the fact vocabulary, and the timeline as read by the CLI."""
from __future__ import annotations

from typing import Any, Iterator

from kospitl.sqlread import Reader, filters, rows
from kospitl.vocab import OBSERVATION_COLUMNS, TIMELINE_COLUMNS

OBSERVATIONS_SQL = """
SELECT o.date, o.kind, o.subject, o.metric, o.as_of, o.value,
       a.source_path AS article_path, o.approx, o.evidence, o.rule, o.date_rule, o.line, o.status
FROM observation o JOIN article a ON a.id = o.article_id
ORDER BY o.date, o.kind, o.subject, o.metric, o.as_of, a.content_hash, o.start
"""


def observations(conn: Reader) -> Iterator[dict[str, Any]]:
    for r in rows(conn, OBSERVATIONS_SQL):
        r["article"] = r.pop("article_path").replace("\\", "/").rsplit("/", 1)[-1]
        r["approx"] = bool(r["approx"])
        yield r


def timeline(conn: Reader, *, subject: str | None = None, kind: str | None = None,
             metric: str | None = None, status: str | None = None, source: str | None = None,
             date_from: str | None = None, date_to: str | None = None) -> Iterator[dict[str, Any]]:
    where, params = filters(subject=subject, kind=kind, metric=metric, status=status,
                            date_from=date_from, date_to=date_to)
    if source:
        from kospitl.outlets import outlet_aliases  # only here: it compiles the outlets' patterns

        names = sorted({n.lower() for n in outlet_aliases(source.strip())})  # Yonhap finds 연합뉴스 too
        aliases = ", ".join(f":source_{i}" for i in range(len(names)))
        where.append(f"""EXISTS (SELECT 1 FROM observation o JOIN article a ON a.id = o.article_id
                        WHERE o.date = fact.date AND o.kind = fact.kind AND o.subject = fact.subject
                          AND o.metric = fact.metric AND o.as_of = fact.as_of AND o.status = 'kept'
                          AND (lower(a.publisher) LIKE :source OR lower(a.source_path) LIKE :source
                               OR lower(a.publisher) IN ({aliases}) OR lower(a.credit) IN ({aliases})))""")
        params["source"] = f"%{source.lower()}%"  # lower() on both sides: SQLite's LIKE ignores ASCII case, PostgreSQL's does not
        params.update({f"source_{i}": n for i, n in enumerate(names)})
    sql = ("SELECT date, kind, subject, metric, as_of, value, status, sources, articles, why FROM fact"
           + (" WHERE " + " AND ".join(where) if where else "")
           + " ORDER BY date, kind, subject, metric, as_of")
    return rows(conn, sql, params)


__all__ = ["observations", "timeline", "OBSERVATION_COLUMNS", "TIMELINE_COLUMNS"]
