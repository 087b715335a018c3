"""Open a kospitl database: PRAGMAs, automatic Alembic upgrade, refusal of newer files."""
from __future__ import annotations

import os
import sqlite3
import stat
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Callable, Iterator

from kospitl.errors import KospitlError, SchemaTooNewError

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy.engine import Connection, Engine

# SQLAlchemy (and Alembic, pathlib, kospitl.paths) are imported where an engine is made or the
# reference stamp computed: a read command on a database at the code's schema opens it with
# sqlite3 alone (``reading``), and never loads them.

# The revisions in migrations/versions, oldest first (a test checks them against Alembic's own
# view). Knowing them here spares every command the import of Alembic when nothing is to upgrade.
REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009")
DEFAULT_DB = "kospitl.db"
APPLICATION_ID = 0x4B4F5350  # "KOSP"
CACHE_KIB = 32768
WAIT_NOTICE_MS = 3000  # a writer waiting this long for the lock says so, then waits on


def driver(conn: Connection | sqlite3.Connection) -> sqlite3.Connection:
    """The DB-API connection under ``conn``, in its transaction. The statements run for every
    article go to it directly: SQLAlchemy's statement machinery costs tens of microseconds a
    call, more than SQLite takes to run most of them. On PostgreSQL, the thin adapter
    ``kospitl.pg.Driver`` over psycopg's connection, which takes the same statements (``?``
    placeholders, ``lastrowid``): the call sites are the same for both. (A read command's
    connection from ``reading`` may be the sqlite3 connection itself.)"""
    if isinstance(conn, sqlite3.Connection):
        return conn
    raw = conn.connection.dbapi_connection
    if type(raw) is sqlite3.Connection:
        return raw
    assert raw is not None
    info = conn.connection.info
    adapter = info.get("kospitl_driver")
    if adapter is None or adapter.raw is not raw:
        from kospitl.pg import Driver

        adapter = info["kospitl_driver"] = Driver(raw)
    return adapter  # type: ignore[no-any-return]


def data_version(raw: object) -> int | None:
    """SQLite's ``PRAGMA data_version`` of a driver connection: it changes when another
    connection commits (not this one). None on PostgreSQL, which has no such count."""
    if not isinstance(raw, sqlite3.Connection):
        return None
    return int(raw.execute("PRAGMA data_version").fetchone()[0])


def is_server(name: str | None) -> bool:
    """Whether the database ``name`` is a PostgreSQL URL (``postgresql://``,
    ``postgresql+psycopg://``); anything else is a file path."""
    return bool(name) and name.startswith(("postgresql://", "postgresql+psycopg://"))  # type: ignore[union-attr]


def is_postgres(engine_or_conn: "Engine | Connection") -> bool:
    return engine_or_conn.dialect.name == "postgresql"


def display_name(name: str) -> str:
    """The database as messages name it: the path, or the URL without its password."""
    if is_server(name):
        from kospitl.pg import display

        return display(name)
    return name


def default_path() -> str:
    """The database path from ``KOSPITL_DB``, else ``kospitl.db`` in the current folder."""
    return os.environ.get("KOSPITL_DB") or DEFAULT_DB


def alembic_config(url: str | None = None) -> "Config":
    from alembic.config import Config

    from kospitl.paths import MIGRATIONS_DIR

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url:
        cfg.set_main_option("sqlalchemy.url", url)
    cfg.attributes["configure_logger"] = False
    return cfg


def _ro_uri(path: str) -> str:
    """A read-only SQLite URI for the file ``path`` (every character of the name percent-encoded
    as needed, so ``data?cache=shared.db`` or ``pct%41.db`` name themselves)."""
    full = os.fsencode(os.path.realpath(path))  # what Path(path).resolve().as_uri() quotes, without pathlib
    return "file://" + "".join(chr(b) if b in _URI_SAFE else f"%{b:02X}" for b in full) + "?mode=ro"


_URI_SAFE = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~/")


def _connect(path: str, readonly: bool) -> sqlite3.Connection:
    if readonly:
        return sqlite3.connect(_ro_uri(path), uri=True, check_same_thread=False)
    return sqlite3.connect(path, check_same_thread=False)  # a plain file name: never parsed as a URI


def _default_on_wait(path: str) -> None:
    sys.stderr.write(f"kospitl: {path} is locked by another writer; waiting for it to finish "
                     "(Ctrl-C to stop)\n")
    sys.stderr.flush()


# called once per transaction that has waited WAIT_NOTICE_MS for the write lock (then it keeps waiting)
on_wait: Callable[[str], None] = _default_on_wait


def _default_on_unsettled(path: str, why: str) -> None:
    sys.stderr.write(f"kospitl: {path}: {why}\n")
    sys.stderr.flush()


# called when a database holds articles an ingest stored and has not settled, and they cannot be
# settled now (the ingest is still running; the file cannot be written)
on_unsettled: Callable[[str, str], None] = _default_on_unsettled


def finish_interrupted(path: str) -> None:
    """Settle the articles an interrupted ingest stored and did not settle (``kospitl.pending``),
    as a read-only open upgrades an older file: after a kill, the timeline is that of the
    articles committed. One query when there are none; ``path`` is a kospitl file at head."""
    try:
        con = _connect(path, readonly=True)
        try:
            ingests = [i for (i,) in con.execute("SELECT DISTINCT ingest FROM unsettled")]
        finally:
            con.close()
    except sqlite3.Error:
        return  # opening it says what is wrong
    if not ingests:
        return
    from kospitl import pending  # here: it loads the reconciliation, which a read command rarely needs

    if not pending.interrupted(ingests):
        on_unsettled(path, "an ingest is running: the timeline does not yet hold the articles it stored for "
                           "sessions it had settled (it settles them at its end)")
        return
    from sqlalchemy.exc import DBAPIError

    engine = _engine(path)
    try:
        pending.settle_marked(engine)
    except (sqlite3.Error, DBAPIError) as e:
        on_unsettled(path, f"an interrupted ingest left articles out of the timeline, and they cannot be "
                           f"settled now ({_first_line(e)}); the next ingest settles them")
    finally:
        engine.dispose()


def _set_pragmas(dbapi_conn: sqlite3.Connection, readonly: bool) -> None:
    """The settings of every connection kospitl opens."""
    # kospitl issues BEGIN itself (below): pysqlite's implicit BEGIN comes only before the
    # first write, which lets two ingests read the same state and then collide.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {WAIT_NOTICE_MS}")
    cur.execute("PRAGMA foreign_keys = ON")
    # 32 MB of page cache (the default is 2 MB): the hot index pages of a years-long database stay in
    # memory, so an article's writes cost the same in a big database as in a new one
    cur.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    if not readonly:
        cur.execute("PRAGMA synchronous = NORMAL")
    cur.close()


def _engine(path: str, *, readonly: bool = False) -> Engine:
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import QueuePool

    engine = create_engine("sqlite://", creator=lambda: _connect(path, readonly), poolclass=QueuePool)

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        _set_pragmas(dbapi_conn, readonly)

    @event.listens_for(engine, "begin")
    def _begin(conn):  # type: ignore[no-untyped-def]
        if readonly:
            conn.exec_driver_sql("BEGIN")
        else:
            begin_immediate(driver(conn), path)

    return engine


def begin_immediate(raw: sqlite3.Connection, path: str) -> None:
    """Take the write lock, however long another writer holds it: after WAIT_NOTICE_MS a notice
    (``on_wait``), then waiting on (a writer that waits is not an error; Ctrl-C stops it)."""
    warned = False
    while True:
        try:
            raw.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) and "busy" not in str(e):
                raise
            if not warned:
                on_wait(path)
                warned = True


def head_revision() -> str:
    return REVISIONS[-1]


def current_revision(engine: Engine) -> str | None:
    """The schema revision recorded in the database (None for a new file)."""
    with engine.connect() as conn:
        raw = driver(conn)
        if not raw.execute("SELECT 1 FROM sqlite_master WHERE name = 'alembic_version'").fetchone():
            return None
        row = raw.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None


def _needs_upgrade(where: str, current: str | None, head: str, upgrade: bool) -> bool:
    """Whether a database at schema ``current`` must be upgraded to ``head`` before use. A newer
    schema is refused (upgrade kospitl), and so is an older one where the command makes no upgrade."""
    if current is not None and current not in REVISIONS:
        raise SchemaTooNewError(f"{where}: database schema {current} is newer than this kospitl (knows up to "
                                f"{head}); upgrade kospitl")
    if current != head and not upgrade:
        raise KospitlError(f"{where}: the database needs a schema upgrade, which this command does not "
                           "make; run `kospitl check` (or any command) first")
    return current != head


def open_db(path: str | os.PathLike[str] | None = None, *, readonly: bool = False,
            create: bool = True, upgrade: bool = True) -> Engine:
    """Open the kospitl database at ``path`` and upgrade it to the code's schema.

    ``readonly`` opens it read-only (the read commands): the file must exist. Otherwise a missing
    file is created when ``create`` (``ingest``, ``override``) and refused when not. A file that
    is not a kospitl database (another application's SQLite file, a truncated or corrupt one)
    is refused and left as it is. A database whose schema revision this code does not know was
    written by a newer kospitl and is refused. Before upgrading a populated database a verified
    backup is made with VACUUM INTO; a read-only open upgrades an older kospitl database too,
    unless not ``upgrade`` (``--dry-run``: then it is refused).
    """
    path = os.fsdecode(os.fspath(path or default_path()))
    if is_server(path):
        return _open_server(path, readonly=readonly, create=create, upgrade=upgrade)
    state = inspect(path)
    if state.kind == "missing":
        if readonly or not create:
            raise KospitlError(f"{path}: no such database (ingest creates one)")
        folder = os.path.dirname(path) or "."
        if not os.path.isdir(folder):
            raise KospitlError(f"{path}: no such folder {folder!r}")
    elif state.kind == "empty" and (readonly or not create):
        raise KospitlError(f"{path}: empty file, not a kospitl database (ingest creates one)")
    head, current = head_revision(), state.revision
    if _needs_upgrade(path, current, head, upgrade):
        from sqlalchemy.exc import DBAPIError

        writer = _engine(path)
        try:
            _upgrade(writer, path, populated=current is not None)
        except (sqlite3.Error, DBAPIError) as e:
            raise KospitlError(f"{path}: cannot create or upgrade the database ({_first_line(e)})") from None
        finally:
            writer.dispose()
    finish_interrupted(path)
    engine = _engine(path, readonly=readonly)
    if not readonly:
        stamp = reference_stamp()
        if _user_version(engine) != stamp:  # the reference tables were built from other data: rebuild
            from kospitl import store  # here, not at the top: store imports the models (slow)

            with engine.begin() as conn:
                store.sync_reference(conn)
                conn.exec_driver_sql(f"PRAGMA user_version = {stamp}")
    return engine


@contextmanager
def reading(path: str | os.PathLike[str] | None = None) -> Iterator[Connection | sqlite3.Connection]:
    """A read command's connection to the database at ``path``, in one read transaction: the
    checks of ``open_db(path, readonly=True)`` (a missing, foreign or newer file refused, an
    older one upgraded), and when the file is already at the code's schema, the DB-API
    connection of ``sqlite3`` itself, opened read-only with the usual settings (no engine: a
    read command then never imports SQLAlchemy). The read functions take either."""
    path = os.fsdecode(os.fspath(path or default_path()))
    state = FileState("server") if is_server(path) else inspect(path)
    if state.kind == "kospitl" and state.revision == head_revision():
        finish_interrupted(path)
        try:
            con = _connect(path, readonly=True)
        except sqlite3.Error as e:
            raise KospitlError(f"{path}: cannot open ({_first_line(e)})") from None
        try:
            _set_pragmas(con, readonly=True)
            con.execute("BEGIN")
            yield con
        finally:
            con.close()
        return
    engine = open_db(path, readonly=True)  # a server; or refuses, creates nothing, or upgrades first
    try:
        with engine.connect() as conn:
            yield conn
    finally:
        engine.dispose()


@dataclass(frozen=True)
class FileState:
    """What is at a database path: ``missing``, ``empty`` (a 0-byte or table-less SQLite file
    kospitl may make its own) or ``kospitl`` (with its schema revision)."""

    kind: str
    revision: str | None = None


def _first_line(e: BaseException) -> str:
    """The first line of an error's message: the driver's own, under SQLAlchemy's wrapping."""
    orig = getattr(e, "orig", None)  # a DBAPIError's (looked up without importing SQLAlchemy)
    if isinstance(orig, BaseException):
        e = orig
    return (str(e).splitlines() or [type(e).__name__])[0]


def _identify(con: sqlite3.Connection) -> tuple[int, set[str], str | None]:
    """The application id, the names in the schema and the Alembic revision of a database."""
    app_id = con.execute("PRAGMA application_id").fetchone()[0]
    names = {n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")}
    revision = None
    if "alembic_version" in names:
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = row[0] if row else None
    return int(app_id), names, revision


def inspect(path: str) -> FileState:
    """Look at ``path`` without writing anything; a KospitlError for anything kospitl must not
    open: a directory, a device, a file that is not SQLite, a truncated or corrupt file, or
    another application's database."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise KospitlError(f"{path}: a symbolic link to a missing file") from None
        return FileState("missing")
    except OSError as e:
        raise KospitlError(f"{path}: cannot open ({e.strerror or e})") from None
    if stat.S_ISDIR(st.st_mode):
        raise KospitlError(f"{path}: is a directory, not a database file")
    if not stat.S_ISREG(st.st_mode):
        raise KospitlError(f"{path}: not a regular file, not a database")
    if st.st_size == 0:
        return FileState("empty")
    try:
        with open(path, "rb") as f:
            header = f.read(100)
    except OSError as e:
        raise KospitlError(f"{path}: cannot read ({e.strerror or e})") from None
    if not header.startswith(b"SQLite format 3\x00"):
        raise KospitlError(f"{path}: not a SQLite database")
    page = int.from_bytes(header[16:18], "big") if len(header) >= 18 else 0
    page = 65536 if page == 1 else page
    if len(header) < 100 or page < 512 or st.st_size < page:
        raise KospitlError(f"{path}: truncated SQLite file ({st.st_size} bytes); not a usable database")
    try:
        con = _connect(path, readonly=True)
    except sqlite3.Error as e:
        raise KospitlError(f"{path}: cannot open ({_first_line(e)})") from None
    warned = False
    try:
        con.execute(f"PRAGMA busy_timeout = {WAIT_NOTICE_MS}")
        while True:
            try:
                app_id, names, revision = _identify(con)
                break
            except sqlite3.OperationalError as e:
                if "locked" not in str(e) and "busy" not in str(e):
                    raise
                if not warned:  # another process is creating or upgrading it: wait, as a writer does
                    on_wait(path)
                    warned = True
    except sqlite3.DatabaseError as e:
        raise KospitlError(f"{path}: corrupt or unreadable database ({_first_line(e)})") from None
    finally:
        con.close()
    ours = app_id == APPLICATION_ID or (app_id == 0 and {"alembic_version", "article"} <= names)
    if not ours:
        if app_id == 0 and not names:
            return FileState("empty")
        raise KospitlError(f"{path}: not a kospitl database (another application's SQLite file; "
                           "kospitl leaves it as it is)")
    if revision is None and "article" in names:
        raise KospitlError(f"{path}: its schema revision is missing (alembic_version is empty); "
                           "kospitl leaves it as it is")
    return FileState("kospitl" if revision else "empty", revision)


# what the reference tables (trading_day, ticker, column_info) are built from, besides the year
REFERENCE_SOURCES = ("sessions.py", "tickers.py", "dictionary.py", "models.py")


def reference_stamp() -> int:
    """A 31-bit digest of everything the reference tables are built from: the bundled data, the
    code that reads it, the ``holidays`` release, the schema and the year (the calendar runs to
    next year). Kept in ``PRAGMA user_version``; opening a database rebuilds the tables only
    when it differs, so a command does not pay for the rebuild (or import the models) each time."""
    import importlib.util
    import zlib
    from pathlib import Path

    from kospitl.paths import DATA_DIR, PACKAGE_DIR

    h = zlib.crc32(f"{head_revision()}|{date.today().year}".encode())
    files = [PACKAGE_DIR / name for name in REFERENCE_SOURCES] + sorted(DATA_DIR.glob("*.csv"))
    spec = importlib.util.find_spec("holidays")
    if spec is not None and spec.origin:
        files.append(Path(spec.origin).parent / "version.py")
    for f in files:
        try:
            h = zlib.crc32(f.read_bytes(), h)
        except OSError:
            h = zlib.crc32(str(f).encode(), h)
    return h & 0x7FFFFFFF


def _user_version(engine: Engine) -> int:
    with engine.connect() as conn:
        raw = driver(conn)
        return int(raw.execute("PRAGMA user_version").fetchone()[0])


def backup(raw: sqlite3.Connection, path: str, revision: str) -> str:
    """``VACUUM INTO`` a copy of the database beside it, ``PATH.bak-REVISION``: written under a
    temporary name and renamed only once the copy is complete and passes ``integrity_check``
    (whatever was at the backup path before is not trusted: it is replaced). Returns its path;
    a KospitlError (and no upgrade) when no good copy can be made."""
    target = f"{path}.bak-{revision}"
    tmp = f"{target}.tmp-{os.getpid()}"
    try:
        if os.path.isfile(tmp):
            os.remove(tmp)
        raw.execute("VACUUM INTO ?", (tmp,))
        check = sqlite3.connect(_ro_uri(tmp), uri=True)
        try:
            ok = check.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            check.close()
        if ok != "ok":
            raise KospitlError(f"{path}: the backup copy failed its integrity check ({ok}); not upgrading")
        os.replace(tmp, target)
    except (sqlite3.Error, OSError) as e:
        raise KospitlError(f"{path}: cannot write the backup {target} before upgrading "
                           f"({_first_line(e)}); not upgrading") from None
    finally:
        if os.path.isfile(tmp):
            os.remove(tmp)
    return target


def _upgrade(engine: Engine, path: str, *, populated: bool) -> None:
    with engine.connect() as conn:
        raw = driver(conn)  # statements here run outside any transaction
        if populated:
            backup(raw, path, current_revision(engine) or "unknown")
        # Batch mode rebuilds tables: foreign keys must be off, and the pragma is ignored
        # inside a transaction, so it is set before alembic begins one.
        raw.execute("PRAGMA foreign_keys = OFF")
        raw.execute("PRAGMA journal_mode = WAL")
        raw.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        from alembic import command

        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        # One transaction under the write lock (BEGIN IMMEDIATE) for every step: Alembic reads the
        # revision only once it holds the lock, so two processes that find a new or old file at
        # once do not both run a migration (the second found the first's tables half made).
        with conn.begin():
            command.upgrade(cfg, "head")
        bad = raw.execute("PRAGMA foreign_key_check").fetchall()
        raw.execute("PRAGMA foreign_keys = ON")
        if bad:
            raise KospitlError(f"{path}: foreign key check failed after upgrade: {bad[:3]}")


# ---- PostgreSQL ---------------------------------------------------------------------------------
# The same schema and the same Alembic history on a server (kospitl/pg.py: the URL, the adapter,
# the write lock). Before an upgrade no copy is made on PostgreSQL: the server's own backups apply
# (pg_dump, base backups, point-in-time recovery), and an upgrade runs in one transaction (DDL is
# transactional there), so one that fails leaves the schema exactly as it was.

def _server_engine(url: str, *, readonly: bool = False) -> Engine:
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import QueuePool

    from kospitl import pg

    pg.require_driver(url)
    engine = create_engine(pg.sqlalchemy_url(url), poolclass=QueuePool)
    where = pg.display(url)

    @event.listens_for(engine, "connect")
    def _setup(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        pg.configure(dbapi_conn, readonly=readonly)

    @event.listens_for(engine, "begin")
    def _begin(conn):  # type: ignore[no-untyped-def]
        if not readonly:  # one writer at a time, as on SQLite: pg.WRITE_LOCK
            pg.lock_for_writing(conn.connection.dbapi_connection, on_wait, where)

    return engine


def inspect_server(url: str) -> FileState:
    """What the database at ``url`` holds: ``empty`` (no tables: kospitl may make it its own) or
    ``kospitl`` with its revision; a KospitlError when it cannot be reached or holds something
    else (another application's tables)."""
    from kospitl import pg

    psycopg = pg.require_driver(url)
    where = pg.display(url)
    try:
        with psycopg.connect(pg.libpq_url(url), connect_timeout=15) as con:
            names, revision = pg.identify(con)
    except psycopg.Error as e:
        raise KospitlError(f"{where}: cannot open the PostgreSQL database ({_first_line(e)})") from None
    if not names:
        return FileState("empty")
    if not {"alembic_version", "article"} <= names:
        raise KospitlError(f"{where}: not a kospitl database (its schema holds other tables; "
                           "kospitl leaves it as it is)")
    if revision is None:
        raise KospitlError(f"{where}: its schema revision is missing (alembic_version is empty); "
                           "kospitl leaves it as it is")
    return FileState("kospitl", revision)


def _open_server(url: str, *, readonly: bool, create: bool, upgrade: bool) -> Engine:
    from sqlalchemy.exc import DBAPIError

    from kospitl import pg

    psycopg = pg.require_driver(url)
    where = pg.display(url)
    state = inspect_server(url)
    if state.kind == "empty" and (readonly or not create):
        raise KospitlError(f"{where}: no kospitl schema in this database (ingest creates one)")
    head, current = head_revision(), state.revision
    if _needs_upgrade(where, current, head, upgrade):
        writer = _server_engine(url)
        try:
            with writer.connect() as conn:
                from alembic import command

                cfg = alembic_config()
                cfg.attributes["connection"] = conn
                with conn.begin():  # under the write lock: Alembic reads the revision once it holds it
                    command.upgrade(cfg, "head")
        except (psycopg.Error, DBAPIError) as e:
            raise KospitlError(f"{where}: cannot create or upgrade the database ({_first_line(e)})") from None
        finally:
            writer.dispose()
    engine = _server_engine(url, readonly=readonly)
    if not readonly:
        stamp = reference_stamp()
        with engine.connect() as conn:
            have = pg.read_stamp(driver(conn).raw)  # type: ignore[attr-defined]
            conn.rollback()
        if have != stamp:
            from kospitl import store

            with engine.begin() as conn:
                store.sync_reference(conn)
                conn.exec_driver_sql(pg.write_stamp_sql(stamp))
    return engine
