"""``kospitl copy SRC DEST``: a whole database moved between SQLite and PostgreSQL, either way.

Every table the migrations create is copied row for row (ids kept, statuses as they are), in
foreign-key order and in batches (a server-side cursor on PostgreSQL, SQLite's own cursor
otherwise), so memory stays flat however big the database. SRC is opened read-only and read in
one transaction (one snapshot: an ingest running meanwhile is either wholly in the copy or not
at all). DEST must be new or empty; its schema is made by the same Alembic revisions, at SRC's
revision, which must be this kospitl's (an older SRC is upgraded first, a newer one refused).

A copy that fails leaves DEST as it was: a SQLite DEST is written under a temporary name beside
it and renamed once complete and checked; a PostgreSQL DEST is written in one transaction
(schema, rows and sequences), committed last.
"""
from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass, field
from typing import Callable, Iterator

from sqlalchemy import MetaData, Table, create_engine, event, insert, select
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.pool import NullPool
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError

from kospitl import db
from kospitl.errors import KospitlError

BATCH = 500  # rows read and written at a time (an article row holds its whole text)
URL_SCHEMES = ("postgresql://", "postgresql+psycopg://")


@dataclass
class Copied:
    """What a copy wrote: the schema revision and the rows of each table, in copy order."""

    revision: str
    rows: dict[str, int] = field(default_factory=dict)


def is_url(target: str) -> bool:
    """Only an explicit PostgreSQL URL names a server; anything else is a file name."""
    return target.startswith(URL_SCHEMES)


def shown(target: str) -> str:
    """``target`` as it may be printed: a URL without its password."""
    if not is_url(target):
        return target
    try:
        return make_url(target).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return re.sub(r"(://[^:/@]*:)[^@/]*@", r"\1***@", target)


def _first_line(e: BaseException) -> str:
    orig = e.orig if isinstance(e, DBAPIError) and e.orig is not None else e
    return (str(orig).strip().splitlines() or [type(orig).__name__])[0]


# ---- the two ends ---------------------------------------------------------------------------

def _pg_engine(url: str) -> Engine:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise KospitlError(f"{shown(url)}: PostgreSQL needs the driver: pip install 'kospitl[postgres]'") from None
    try:
        u = make_url(url)
    except (ArgumentError, ValueError):
        raise KospitlError(f"{shown(url)}: not a PostgreSQL URL (postgresql://USER@HOST/DATABASE)") from None
    if not u.database:
        raise KospitlError(f"{shown(url)}: the URL names no database (postgresql://USER@HOST/DATABASE)")
    return create_engine(u.set(drivername="postgresql+psycopg"), poolclass=NullPool)


def _pg_connect(engine: Engine, url: str) -> Connection:
    try:
        return engine.connect()
    except (DBAPIError, OSError) as e:
        raise KospitlError(f"{shown(url)}: cannot connect ({_first_line(e)})") from None


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


def _pg_tables(conn: Connection) -> list[str]:
    return [n for (n,) in conn.exec_driver_sql(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1")]


def _pg_revision(conn: Connection) -> str | None:
    if "alembic_version" not in _pg_tables(conn):
        return None
    return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


@dataclass
class Source:
    """SRC opened read-only, in one transaction: its revision and a connection to read from."""

    name: str
    revision: str
    conn: Connection
    user_version: int  # SQLite's reference stamp (0 from PostgreSQL: the next writer re-checks)


def _open_source(src: str, stack: list[Callable[[], None]]) -> Source:
    if is_url(src):
        engine = _pg_engine(src)
        stack.append(engine.dispose)
        conn = _pg_connect(engine, src).execution_options(  # one snapshot, and no write can slip in
            isolation_level="REPEATABLE READ", postgresql_readonly=True)
        stack.append(conn.close)
        try:
            revision = _pg_revision(conn)
        except DBAPIError as e:
            raise KospitlError(f"{shown(src)}: cannot read ({_first_line(e)})") from None
        if revision is None and _pg_tables(conn):
            raise KospitlError(f"{shown(src)}: not a kospitl database (tables but no alembic_version)")
        return Source(shown(src), _check_revision(shown(src), revision), conn, 0)
    state = db.inspect(src)
    if state.kind == "missing":
        raise KospitlError(f"{src}: no such database")
    _check_revision(src, state.revision)
    engine = db.open_db(src, readonly=True, upgrade=False)
    stack.append(engine.dispose)
    conn = engine.connect()
    stack.append(conn.close)
    user_version = int(db.driver(conn).execute("PRAGMA user_version").fetchone()[0])
    conn.begin()  # BEGIN (deferred): the snapshot is taken at the first read and kept to the end
    return Source(src, state.revision or "", conn, user_version)


# ---- rows -----------------------------------------------------------------------------------

def _tables(conn: Connection) -> list[Table]:
    """The tables of the schema just made, parents before children (alembic_version aside:
    Alembic writes it)."""
    meta = MetaData()
    meta.reflect(bind=conn, views=False)
    return [t for t in meta.sorted_tables if t.name != "alembic_version"]


def _batches(src: Connection, table: Table, size: int) -> Iterator[list[dict[str, object]]]:
    order = list(table.primary_key.columns) or list(table.columns)
    result = src.execution_options(yield_per=size, stream_results=True).execute(select(table).order_by(*order))
    for part in result.partitions(size):
        yield [dict(r._mapping) for r in part]


def _copy_rows(source: Source, dest: Connection, dest_name: str, size: int,
               progress: Callable[[str, int], None] | None) -> dict[str, int]:
    counts: dict[str, int] = {}
    for table in _tables(dest):
        n = 0
        batches = _batches(source.conn, table, size)
        while True:
            try:
                rows = next(batches, None)
            except (DBAPIError, sqlite3.Error) as e:
                raise KospitlError(f"{source.name}: cannot read table {table.name} ({_first_line(e)}); "
                                   "nothing written") from None
            if rows is None:
                break
            try:
                dest.execute(insert(table), rows)
            except DBAPIError as e:
                raise KospitlError(f"{dest_name}: cannot write table {table.name} ({_first_line(e)}); "
                                   "nothing written") from None
            n += len(rows)
            if progress:
                progress(table.name, n)
        counts[table.name] = n
    return counts


def _create_schema(conn: Connection, revision: str) -> None:
    from alembic import command

    cfg = db.alembic_config()
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, revision)


def _set_sequences(conn: Connection) -> None:
    """PostgreSQL: each serial id's sequence continues after the largest id copied."""
    for table in _tables(conn):
        for col in table.primary_key.columns:
            seq = conn.exec_driver_sql(f"SELECT pg_get_serial_sequence('{table.name}', '{col.name}')").scalar()
            if seq:
                conn.exec_driver_sql(f'SELECT setval(\'{seq}\', COALESCE((SELECT MAX("{col.name}") FROM '
                                     f'"{table.name}"), 0) + 1, false)')


# ---- destinations ---------------------------------------------------------------------------

def _to_postgres(source: Source, dest: str, size: int, progress: Callable[[str, int], None] | None,
                 stack: list[Callable[[], None]]) -> dict[str, int]:
    engine = _pg_engine(dest)
    stack.append(engine.dispose)
    conn = _pg_connect(engine, dest)
    stack.append(conn.close)
    try:
        with conn.begin():  # everything or nothing: schema, rows, sequences
            found = _pg_tables(conn)
            if found:
                raise KospitlError(f"{shown(dest)}: not empty ({len(found)} tables, e.g. {found[0]}); "
                                   "copy writes only a new or empty database")
            _create_schema(conn, source.revision)
            counts = _copy_rows(source, conn, shown(dest), size, progress)
            _set_sequences(conn)
    except DBAPIError as e:
        raise KospitlError(f"{shown(dest)}: cannot write ({_first_line(e)}); nothing written") from None
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
                raw.execute(f"PRAGMA user_version = {source.user_version}")
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
