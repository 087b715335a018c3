"""Read queries on the driver's cursor: the usual WHERE filters, and rows as dicts.

Kept apart from ``kospitl.store`` (the writes, which need the table models): a read command
imports only this, SQLAlchemy's engine and the standard library.
"""
from __future__ import annotations

from typing import Any, Iterator

from sqlalchemy import Connection


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
