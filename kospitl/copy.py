"""``kospitl copy SRC DEST``: a whole database moved between SQLite and PostgreSQL, either way.

Every table the migrations create is copied row for row (ids kept, statuses as they are), in
foreign-key order and in batches (a server-side cursor on PostgreSQL, SQLite's own cursor
otherwise), so memory stays flat however big the database. SRC is opened read-only and read in
one transaction (one snapshot: an ingest running meanwhile is either wholly in the copy or not
at all). DEST must be new or empty; its schema is made by the same Alembic revisions, at SRC's
revision, which must be this kospitl's (an older or a newer SRC is refused, with what to do).

A copy that fails leaves DEST as it was: a SQLite DEST is written under a temporary name beside
it and renamed once complete and checked; a PostgreSQL DEST is written in one transaction
(schema, rows and sequences), committed last.
"""
from __future__ import annotations

import os
import sqlite3
import sys
from dataclasses import dataclass, field
from typing import Callable, Iterator

from sqlalchemy import Boolean, MetaData, Row, Table, create_engine, event, insert, select
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.pool import NullPool
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError

from kospitl import db, pg
from kospitl.errors import KospitlError

BATCH = 500  # rows read and written at a time (an article row holds its whole text)


@dataclass
class Copied:
    """What a copy wrote: the schema revision and the rows of each table, in copy order."""

    revision: str
    rows: dict[str, int] = field(default_factory=dict)


def is_url(target: str) -> bool:
    """Only an explicit PostgreSQL URL names a server; anything else is a file name."""
    return db.is_server(target)


def shown(target: str) -> str:
    """``target`` as it may be printed: a URL without its password."""
    return db.display_name(target)


def _first_line(e: BaseException) -> str:
    orig = e.orig if isinstance(e, DBAPIError) and e.orig is not None else e
    return (str(orig).strip().splitlines() or [type(orig).__name__])[0]


# ---- the two ends ---------------------------------------------------------------------------

def _check_url(url: str) -> None:
    """A URL that cannot name a database is refused before any connection is tried."""
    pg.require_driver(url)
    try:
        u = make_url(url)
    except (ArgumentError, ValueError):
        raise KospitlError(f"{shown(url)}: not a PostgreSQL URL (postgresql://USER@HOST/DATABASE)") from None
    if not u.database:
        raise KospitlError(f"{shown(url)}: the URL names no database (postgresql://USER@HOST/DATABASE)")


def _check_revision(where: str, revision: str | None) -> str:
    head = db.head_revision()
    if revision is None:
        raise KospitlError(f"{where}: not a kospitl database yet (empty): nothing to copy")
    if revision not in db.REVISIONS:
        raise KospitlError(f"{where}: database schema {revision} is newer than this kospitl (knows up to {head}); "
                           "copy it with the kospitl that wrote it, or upgrade kospitl")
    if revision != head:
        raise KospitlError(f"{where}: database schema {revision} is older than this kospitl's {head}; "
                           f"upgrade it first (any command upgrades it, after a backup: kospitl check --db "
                           f"{where}), then copy")
    return revision


@dataclass
class Source:
    """SRC opened read-only, in one transaction: its revision, the stamp of its reference tables
    (SQLite's ``user_version``, PostgreSQL's table comment) and a connection to read from."""

    name: str
    revision: str
    stamp: int
    conn: Connection


def _open_source(src: str, stack: list[Callable[[], None]]) -> Source:
    if is_url(src):
        _check_url(src)
        state = db.inspect_server(src)
    else:
        state = db.inspect(src)
        if state.kind == "missing":
            raise KospitlError(f"{src}: no such database")
    revision = _check_revision(shown(src), state.revision)
    # read-only: SQLite's file opened with mode=ro, PostgreSQL's transactions READ ONLY and
    # REPEATABLE READ (one snapshot to the end, whatever writers commit meanwhile)
    engine = db.open_db(src, readonly=True, upgrade=False)
    stack.append(engine.dispose)
    conn = engine.connect()
    stack.append(conn.close)
    conn.begin()  # SQLite: BEGIN (deferred), its snapshot taken at the first read and kept to the end
    raw = db.driver(conn)
    if db.is_postgres(conn):
        stamp = pg.read_stamp(raw.raw)  # type: ignore[attr-defined]
    else:
        stamp = int(raw.execute("PRAGMA user_version").fetchone()[0])
    return Source(shown(src), revision, stamp, conn)


# ---- rows -----------------------------------------------------------------------------------

def _tables(conn: Connection) -> dict[str, Table]:
    """The tables of a schema by name, parents before children (alembic_version aside: Alembic
    writes it)."""
    meta = MetaData()
    meta.reflect(bind=conn, views=False)
    return {t.name: t for t in meta.sorted_tables if t.name != "alembic_version"}


def _batches(src: Connection, table: Table, size: int) -> Iterator[list[Row]]:
    order = list(table.primary_key.columns) or list(table.columns)
    result = src.execution_options(yield_per=size, stream_results=True).execute(select(table).order_by(*order))
    for part in result.partitions(size):
        yield list(part)


def _copy_rows(source: Source, dest: Connection, dest_name: str, size: int,
               progress: Callable[[str, int], None] | None) -> dict[str, int]:
    counts: dict[str, int] = {}
    theirs = _tables(source.conn)
    ours = _tables(dest)
    if set(theirs) != set(ours):  # the same revision makes the same tables: anything else is not kospitl's
        raise KospitlError(f"{source.name}: its tables differ from schema {source.revision}'s "
                           f"({', '.join(sorted(set(theirs) ^ set(ours)))}); nothing written")
    for name, table in ours.items():
        src_table = theirs[name]
        columns = [c.name for c in table.columns]
        if sorted(columns) != sorted(c.name for c in src_table.columns):
            raise KospitlError(f"{source.name}: table {name} has other columns than schema {source.revision}'s; "
                               "nothing written")
        # booleans as booleans (PostgreSQL's connection gives them back as 0/1, as SQLite does)
        flags = [c.name for c in table.columns if isinstance(c.type, Boolean)]
        n = 0
        batches = _batches(source.conn, src_table, size)
        while True:
            try:
                part = next(batches, None)
            except (DBAPIError, sqlite3.Error, *_server_errors()) as e:
                raise KospitlError(f"{source.name}: cannot read table {name} ({_first_line(e)}); "
                                   "nothing written") from None
            if part is None:
                break
            rows = [dict(r._mapping) for r in part]
            for row in rows:
                for f in flags:
                    if row[f] is not None:
                        row[f] = bool(row[f])
            try:
                dest.execute(insert(table), rows)
            except DBAPIError as e:
                raise KospitlError(f"{dest_name}: cannot write table {name} ({_first_line(e)}); "
                                   "nothing written") from None
            n += len(rows)
            if progress:
                progress(name, n)
        counts[name] = n
    return counts


def _server_errors() -> tuple[type[BaseException], ...]:
    psycopg = sys.modules.get("psycopg")
    return (psycopg.Error,) if psycopg is not None else ()


def _create_schema(conn: Connection, revision: str) -> None:
    from alembic import command

    cfg = db.alembic_config()
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, revision)


def _set_sequences(conn: Connection) -> None:
    """PostgreSQL: each serial id's sequence continues after the largest id copied (as SQLite's
    rowid does), so the next article ingested gets the id it would get in SRC."""
    for table in _tables(conn).values():
        for col in table.primary_key.columns:
            seq = conn.exec_driver_sql("SELECT pg_get_serial_sequence(%(t)s, %(c)s)",
                                       {"t": table.name, "c": col.name}).scalar()
            if seq:
                conn.exec_driver_sql(f'SELECT setval(%(s)s, COALESCE((SELECT MAX("{col.name}") FROM "{table.name}"), 0) '
                                     "+ 1, false)", {"s": seq})


# ---- destinations ---------------------------------------------------------------------------

def _to_postgres(source: Source, dest: str, size: int, progress: Callable[[str, int], None] | None,
                 stack: list[Callable[[], None]]) -> dict[str, int]:
    _check_url(dest)
    where = shown(dest)
    state = db.inspect_server(dest)  # cannot be reached, another application's tables: refused here
    if state.kind != "empty":
        raise KospitlError(f"{where}: already a kospitl database; copy writes only a new or empty one")
    engine = db._server_engine(dest)  # a writer: each transaction takes kospitl's write lock first
    stack.append(engine.dispose)
    try:
        with engine.connect() as conn:
            with conn.begin():  # everything or nothing: schema, rows, sequences, stamp
                names, _revision = pg.identify(db.driver(conn).raw)  # type: ignore[attr-defined]
                if names:  # made under the lock by a writer that came first
                    raise KospitlError(f"{where}: written to while copying began; nothing written")
                _create_schema(conn, source.revision)
                counts = _copy_rows(source, conn, where, size, progress)
                _set_sequences(conn)
                if source.stamp:
                    conn.exec_driver_sql(pg.write_stamp_sql(source.stamp))
    except (DBAPIError, *_server_errors()) as e:
        raise KospitlError(f"{where}: cannot write ({_first_line(e)}); nothing written") from None
    return counts


def _sqlite_engine(path: str) -> Engine:
    def connect() -> sqlite3.Connection:
        con = sqlite3.connect(path, check_same_thread=False)
        con.isolation_level = None  # transactions are begun explicitly (below)
        con.execute("PRAGMA foreign_keys = ON")
        return con

    engine = create_engine("sqlite://", creator=connect, poolclass=NullPool)

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:  # pysqlite would begin only before the first write
        conn.exec_driver_sql("BEGIN")

    return engine


def _remove(path: str) -> None:
    for p in (path, f"{path}-journal", f"{path}-wal", f"{path}-shm"):
        try:
            os.remove(p)
        except FileNotFoundError:
            pass


def _to_sqlite(source: Source, dest: str, size: int, progress: Callable[[str, int], None] | None) -> dict[str, int]:
    state = db.inspect(dest)
    if state.kind == "kospitl":
        raise KospitlError(f"{dest}: already a kospitl database; copy writes only a new or empty one")
    folder = os.path.dirname(dest) or "."
    if not os.path.isdir(folder):
        raise KospitlError(f"{dest}: no such folder {folder!r}")
    tmp = os.path.join(folder, f".{os.path.basename(dest)}.copy-{os.getpid()}.tmp")
    _remove(tmp)
    try:
        engine = _sqlite_engine(tmp)
        try:
            with engine.connect() as conn:
                raw = db.driver(conn)
                raw.execute(f"PRAGMA application_id = {db.APPLICATION_ID}")
                with conn.begin():
                    _create_schema(conn, source.revision)
                    counts = _copy_rows(source, conn, dest, size, progress)
                bad = raw.execute("PRAGMA foreign_key_check").fetchall()
                ok = raw.execute("PRAGMA integrity_check").fetchone()[0]
                if bad or ok != "ok":
                    raise KospitlError(f"{dest}: the copy failed its check ({bad[:3] or ok}); nothing written")
                raw.execute(f"PRAGMA user_version = {source.stamp}")
                raw.execute("PRAGMA journal_mode = WAL")  # as kospitl makes its databases
        finally:
            engine.dispose()
        if db.inspect(dest).kind == "missing":
            try:
                os.link(tmp, dest)  # never over a file that appeared meanwhile
            except FileExistsError:
                raise KospitlError(f"{dest}: appeared while copying; nothing written") from None
        else:
            if db.inspect(dest).kind != "empty":
                raise KospitlError(f"{dest}: written to while copying; nothing written")
            os.replace(tmp, dest)
    except (sqlite3.Error, DBAPIError) as e:
        raise KospitlError(f"{dest}: cannot write ({_first_line(e)}); nothing written") from None
    except OSError as e:
        raise KospitlError(f"{dest}: cannot write ({e.strerror or e}); nothing written") from None
    finally:
        _remove(tmp)
    return counts


def copy_database(src: str, dest: str, *, batch: int = BATCH,
                  progress: Callable[[str, int], None] | None = None) -> Copied:
    """Copy the kospitl database SRC (a file or a ``postgresql://`` URL) to DEST (new or empty);
    ``progress(table, rows so far)`` after each batch. A KospitlError, and DEST as it was, on
    any failure."""
    if src == dest:
        raise KospitlError(f"{shown(src)}: SRC and DEST are the same database")
    undo: list[Callable[[], None]] = []
    try:
        try:
            source = _open_source(src, undo)
        except (DBAPIError, sqlite3.Error) as e:
            raise KospitlError(f"{shown(src)}: cannot read ({_first_line(e)})") from None
        if is_url(dest):
            counts = _to_postgres(source, dest, batch, progress, undo)
        else:
            counts = _to_sqlite(source, dest, batch, progress)
        return Copied(source.revision, counts)
    except SQLAlchemyError as e:  # not a driver error: a bug or an unusable URL, still one line
        raise KospitlError(f"{shown(dest)}: {_first_line(e)}") from None
    finally:
        for step in reversed(undo):
            try:
                step()
            except Exception:  # closing after a failure: the first error is the one to report
                pass
