"""PostgreSQL as a kospitl database: the URL, the engine, and the thin driver adapter.

A database is a PostgreSQL one only when it is named by an explicit ``postgresql://`` or
``postgresql+psycopg://`` URL; anything else is a file path (``kospitl.db``). The driver is
psycopg 3, an optional extra (``pip install 'kospitl[postgres]'``), imported only here and only
for such a URL.

The library writes its SQL once, for SQLite's DB-API: ``?`` placeholders (``:name`` in the read
queries), ``INDEXED BY`` hints, ``cursor.lastrowid``. On PostgreSQL ``kospitl.db.driver(conn)``
returns a ``Driver`` around the psycopg connection that translates each statement once (cached):
``?`` → ``%s``, ``:name`` → ``%(name)s``, a literal ``%`` → ``%%``, the ``INDEXED BY`` hint
dropped, and an ``INSERT`` into a table with an ``id`` given ``RETURNING id`` for
``lastrowid``. Values come back with the Python types SQLite's module gives: a boolean as 0/1,
a ``numeric`` (what ``SUM``/``AVG`` of integers and the views' whole numbers are) as an int
when it is whole and a float otherwise; text dates stay text (the columns are text on both).

Writers: see ``WRITE_LOCK``.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Iterable, Sequence
from urllib.parse import urlsplit, urlunsplit

from kospitl.errors import KospitlError

SCHEMES = ("postgresql://", "postgresql+psycopg://")

# Several writers at once (processes on one machine or many): every write transaction of kospitl
# (an ingest batch, an override, a reprocess, a schema upgrade, the reference tables) first takes
# this one transaction-level advisory lock, so writers take turns exactly as they do on SQLite
# (BEGIN IMMEDIATE) and the timeline is the one a sequential ingest builds: each transaction reads
# the state every earlier one committed (READ COMMITTED, the lock taken before its first read),
# nothing is lost or stored twice (an article found by content hash under the lock is known).
# Chosen over per-session-day locks and over SERIALIZABLE with retry: a batch of articles touches
# many session days (and their neighbours through reconciliation and the witness index), so
# per-day locks would have to be taken for a set known only after reading, in a fixed order, and
# SERIALIZABLE aborts and redoes whole batches whenever two writers touch neighbouring days. The
# write transaction is short next to extraction, which runs outside it in each process (and its
# workers), so one lock costs little. Measured (dev+dev2, 90 articles, --jobs 1 --batch-size 8,
# 2 cores shared with other work, load ~12): one ingest 11.8 s, of which 3.2 s in write
# transactions; four ingests of a quarter each at once, 26 s each, of which 5.4-6.9 s in write
# transactions and 3.0-3.8 s of that waiting for the lock (13% of a writer's time), the lock held
# ~40% of the window: the CPUs, not the lock, bound the writers here; the lock allows ~28 articles/s
# of writing on this machine. The timeline equals the sequential one byte for byte (also
# tests/test_pg_concurrency.py). Readers never take it.
WRITE_LOCK = 0x4B4F5350  # "KOSP", as SQLite's application_id
ID_TABLES = frozenset({"article", "observation", "problem", "fact"})
STAMP_COMMENT = "kospitl reference stamp "  # COMMENT ON TABLE trading_day: what PRAGMA user_version holds on SQLite


def is_url(name: str | None) -> bool:
    """Whether ``name`` selects a PostgreSQL server (anything else is a file path).

    >>> is_url("postgresql://u@h/db"), is_url("postgresql+psycopg://h/db"), is_url("postgres.db"), is_url("pg://x")
    (True, True, False, False)
    """
    return bool(name) and name.startswith(SCHEMES)  # type: ignore[union-attr]


def libpq_url(url: str) -> str:
    """The URL as libpq reads it (``postgresql+psycopg://`` → ``postgresql://``)."""
    return "postgresql://" + url.split("://", 1)[1]


def sqlalchemy_url(url: str) -> str:
    return "postgresql+psycopg://" + url.split("://", 1)[1]


def display(url: str) -> str:
    """The URL for messages, its password hidden.

    >>> display("postgresql://ana:s3cret@db.example:5432/kospitl"), display("postgresql:///k")
    ('postgresql://ana:***@db.example:5432/kospitl', 'postgresql:///k')
    """
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)
    user = netloc[0].split(":", 1)[0]
    return urlunsplit(parts._replace(netloc=f"{user}:***@{netloc[1]}"))


def require_driver(url: str) -> Any:
    """psycopg, or one clear error naming the URL and the extra to install."""
    try:
        import psycopg
    except ImportError:
        raise KospitlError(f"{display(url)}: a PostgreSQL database needs psycopg 3 "
                           "(pip install 'kospitl[postgres]')") from None
    return psycopg


# ---- statements ------------------------------------------------------------------------

_TOKEN = re.compile(r"""'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|::|:([A-Za-z_]\w*)|\?|%|\bINDEXED\s+BY\s+\w+\s*""",
                    re.IGNORECASE)


@lru_cache(maxsize=512)
def translate(sql: str) -> str:
    """A statement written for SQLite's module as psycopg takes it.

    >>> translate("SELECT x FROM t INDEXED BY ix_t WHERE a = ? AND b LIKE '%?:s' AND c = :c AND d::text = '5'")
    "SELECT x FROM t WHERE a = %s AND b LIKE '%%?:s' AND c = %(c)s AND d::text = '5'"
    """
    def sub(m: re.Match[str]) -> str:
        tok = m[0]
        if tok == "?":
            return "%s"
        if tok == "%":
            return "%%"
        if m[1]:
            return f"%({m[1]})s"
        if tok[:1] in "'\"":
            return tok.replace("%", "%%")
        if tok[:1] in "iI":  # an INDEXED BY hint: PostgreSQL's planner has none
            return ""
        return tok

    return _TOKEN.sub(sub, sql)


_INSERT_INTO = re.compile(r"\s*INSERT\s+INTO\s+(\w+)", re.IGNORECASE)


@lru_cache(maxsize=64)
def _returning(sql: str) -> str | None:
    """``sql`` with ``RETURNING id`` when it inserts one row into a table with an ``id``."""
    m = _INSERT_INTO.match(sql)
    if m and m[1].lower() in ID_TABLES and "returning" not in sql.lower():
        return translate(sql) + " RETURNING id"
    return None


class Inserted:
    """What ``execute`` returns for an INSERT: the new row's id as ``lastrowid``."""

    __slots__ = ("lastrowid", "rowcount")

    def __init__(self, lastrowid: int | None, rowcount: int) -> None:
        self.lastrowid, self.rowcount = lastrowid, rowcount


class Driver:
    """The few DB-API calls kospitl makes on SQLite's connection, on a psycopg connection."""

    __slots__ = ("raw",)

    def __init__(self, raw: Any) -> None:
        self.raw = raw

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any:
        returning = _returning(sql)
        if returning is not None:
            cur = self.raw.execute(returning, params)
            row = cur.fetchone()
            return Inserted(row[0] if row else None, cur.rowcount)
        return self.raw.execute(translate(sql), params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> Any:
        cur = self.raw.cursor()
        cur.executemany(translate(sql), list(rows))
        return cur


# ---- the connection ----------------------------------------------------------------------

def _loaders() -> tuple[type, type]:
    from psycopg.adapt import Loader

    class IntBoolLoader(Loader):
        """A boolean as SQLite gives it back: 1 or 0."""

        def load(self, data: Any) -> int:
            return 1 if bytes(data) in (b"t", b"\x01") else 0

    class NumberLoader(Loader):
        """A numeric as SQLite's arithmetic gives it back: an int when whole, else a float."""

        def load(self, data: Any) -> int | float:
            text = bytes(data).decode()
            if "." in text or "e" in text or "E" in text or "N" in text or "I" in text:
                value = float(text)
                return int(value) if value.is_integer() and "." not in text else value
            return int(text)

    return IntBoolLoader, NumberLoader


def configure(raw: Any, *, readonly: bool) -> None:
    """A new psycopg connection set up as kospitl reads and writes."""
    bool_loader, number_loader = _loaders()
    raw.adapters.register_loader("bool", bool_loader)
    raw.adapters.register_loader("numeric", number_loader)
    raw.prepare_threshold = 2  # the hot statements of an ingest are prepared on the server
    if readonly:  # a read command sees one state, as SQLite's BEGIN gives it, even while writers commit
        raw.execute("SET default_transaction_read_only = on")
        raw.execute("SET default_transaction_isolation = 'repeatable read'")
    raw.commit()


def lock_for_writing(raw: Any, on_wait: Any, where: str) -> None:
    """Take the write lock (``WRITE_LOCK``) in the transaction now beginning; after a notice
    (``on_wait``) when another writer holds it, wait on."""
    got = raw.execute("SELECT pg_try_advisory_xact_lock(%s)", (WRITE_LOCK,)).fetchone()[0]
    if not got:
        on_wait(where)
        raw.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))


def identify(raw: Any) -> tuple[set[str], str | None]:
    """The table and view names of the connection's schema and the Alembic revision."""
    names = {n for (n,) in raw.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")}
    revision = None
    if "alembic_version" in names:
        row = raw.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = row[0] if row else None
    return names, revision


def read_stamp(raw: Any) -> int:
    row = raw.execute("SELECT obj_description(to_regclass('trading_day'), 'pg_class')").fetchone()
    text = (row[0] if row else None) or ""
    return int(text[len(STAMP_COMMENT):]) if text.startswith(STAMP_COMMENT) and text[len(STAMP_COMMENT):].isdigit() \
        else 0


def write_stamp_sql(stamp: int) -> str:
    return f"COMMENT ON TABLE trading_day IS '{STAMP_COMMENT}{int(stamp)}'"


def view_columns(raw: Any) -> list[tuple[str, str]]:
    """Every (view, column) of the schema, views by name and columns in order."""
    return [(v, c) for v, c in raw.execute(
        "SELECT c.table_name, c.column_name FROM information_schema.columns c "
        "JOIN information_schema.views v ON v.table_schema = c.table_schema AND v.table_name = c.table_name "
        "WHERE c.table_schema = current_schema() ORDER BY c.table_name COLLATE \"C\", c.ordinal_position")]


# ---- the schema: what the Alembic revisions do differently on PostgreSQL -----------------------

_WHOLE = re.compile(r'CASE WHEN ([\w."]+) = CAST\(\1 AS INTEGER\) THEN CAST\(\1 AS INTEGER\) ELSE \1 END')


def view_sql(sql: str) -> str:
    """A view's SELECT, written for SQLite, as PostgreSQL takes it with the same results: whole
    numbers as ``numeric`` (read back as an int when whole, a float otherwise: what SQLite's
    ``CASE ... CAST(x AS INTEGER) ...`` gives), won and counts as ``BIGINT`` (INTEGER is 32-bit
    there), a name for each subquery in FROM, and the ticker's names in the GROUP BY of the quote
    views (PostgreSQL does not infer that they depend on the code alone).

    >>> view_sql('SELECT CASE WHEN f.value = CAST(f.value AS INTEGER) THEN CAST(f.value AS INTEGER) ELSE f.value END, '
    ...          'CAST(ROUND(v) AS INTEGER) FROM (SELECT 1)\\nORDER BY 1')
    'SELECT CAST(f.value AS numeric), CAST(ROUND(v) AS BIGINT) FROM (SELECT 1) AS grouped\\nORDER BY 1'
    """
    sql = _WHOLE.sub(r"CAST(\1 AS numeric)", sql)
    sql = sql.replace(" AS INTEGER)", " AS BIGINT)")
    sql = sql.replace(")\nORDER BY", ") AS grouped\nORDER BY")
    return sql.replace("GROUP BY f.date, f.subject, f.as_of",
                       "GROUP BY f.date, f.subject, f.as_of, t.name_en, t.name_ko")


def binary_text(op: Any, table: str) -> None:
    """On PostgreSQL, the text columns of ``table`` compare and sort by code point (``COLLATE
    "C"``), as SQLite's do, whatever the database's locale: the same ORDER BY gives the same
    rows in the same order on both (the exports are byte-identical). Nothing on SQLite."""
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    columns = [c for (c,) in bind.exec_driver_sql(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
        "AND table_name = %(t)s AND data_type IN ('character varying', 'text') ORDER BY ordinal_position",
        {"t": table})]
    for c in columns:
        op.execute(f'ALTER TABLE {table} ALTER COLUMN "{c}" TYPE VARCHAR COLLATE "C"')
