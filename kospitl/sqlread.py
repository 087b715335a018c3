"""Read queries on the driver's cursor: the usual WHERE filters, and rows as dicts.

Kept apart from ``kospitl.store`` (the writes, which need the table models): a read command
imports only this and the standard library (its connection is ``sqlite3``'s own, from
``db.reading``, or SQLAlchemy's).
"""
from __future__ import annotations

import sqlite3
from functools import lru_cache
from itertools import starmap
from typing import TYPE_CHECKING, Any, Callable, Iterator, Union

if TYPE_CHECKING:
    from sqlalchemy import Connection

#: what the read functions take: ``db.reading``'s connection, either kind
Reader = Union["Connection", sqlite3.Connection]


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


def rows(conn: Reader, sql: str, params: dict[str, Any] | None = None) -> Iterator[dict[str, Any]]:
    """Rows of a read query as dicts (named :params), straight from the driver's cursor."""
    if isinstance(conn, sqlite3.Connection):
        cursor = conn.execute(sql, params or {})
    elif conn.dialect.name == "postgresql":  # through the adapter, which reads :name as psycopg's %(name)s
        from kospitl.db import driver

        cursor = driver(conn).execute(sql, params or {})
    else:
        cursor = conn.exec_driver_sql(sql, params or {}).cursor
    if cursor is None or not cursor.description:
        return iter(())
    return starmap(row_dict(tuple(d[0] for d in cursor.description)), cursor.fetchall())


@lru_cache(maxsize=64)
def row_dict(columns: tuple[str, ...]) -> Callable[..., dict[str, Any]]:
    """A function of a row's values that returns them as a dict of ``columns``: the same as
    ``dict(zip(columns, row))`` (a repeated name keeps its last value), in half the time, as a
    dict display compiled once per column list (the way ``collections.namedtuple`` builds its
    classes; the names enter the code only as ``repr`` literals).

    >>> row_dict(("date", "value", "COUNT(*)"))("2026-01-02", 4309.63, 7)
    {'date': '2026-01-02', 'value': 4309.63, 'COUNT(*)': 7}
    """
    args = [f"_{i}" for i in range(len(columns))]
    body = ", ".join(f"{name!r}: {arg}" for name, arg in zip(columns, args))
    namespace: dict[str, Any] = {}
    exec(f"def row_dict({', '.join(args)}):\n    return {{{body}}}", namespace)
    return namespace["row_dict"]  # type: ignore[no-any-return]
