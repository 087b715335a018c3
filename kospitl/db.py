"""Open a kospitl database: PRAGMAs, automatic Alembic upgrade, refusal of newer files."""
from __future__ import annotations

import importlib.util
import os
import sqlite3
import zlib
from datetime import date
from pathlib import Path

from typing import TYPE_CHECKING

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine

from kospitl.errors import KospitlError, SchemaTooNewError
from kospitl.paths import DATA_DIR, MIGRATIONS_DIR, PACKAGE_DIR

if TYPE_CHECKING:
    from alembic.config import Config

# The revisions in migrations/versions, oldest first (a test checks them against Alembic's own
# view). Knowing them here spares every command the import of Alembic when nothing is to upgrade.
REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007")
DEFAULT_DB = "kospitl.db"
APPLICATION_ID = 0x4B4F5350  # "KOSP"
CACHE_KIB = 32768


def driver(conn: Connection) -> sqlite3.Connection:
    """The DB-API connection under ``conn``, in its transaction. The statements run for every
    article go to it directly: SQLAlchemy's statement machinery costs tens of microseconds a
    call, more than SQLite takes to run most of them."""
    raw = conn.connection.dbapi_connection
    assert raw is not None
    return raw  # type: ignore[return-value]


def default_path() -> str:
    """The database path from ``KOSPITL_DB``, else ``kospitl.db`` in the current folder."""
    return os.environ.get("KOSPITL_DB") or DEFAULT_DB


def alembic_config(url: str | None = None) -> "Config":
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url:
        cfg.set_main_option("sqlalchemy.url", url)
    cfg.attributes["configure_logger"] = False
    return cfg


def _engine(path: str, *, readonly: bool = False) -> Engine:
    if readonly:
        uri = Path(path).resolve().as_uri() + "?mode=ro"
        engine = create_engine("sqlite://", creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False))
    else:
        engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        # kospitl issues BEGIN itself (below): pysqlite's implicit BEGIN comes only before the
        # first write, which lets two ingests read the same state and then collide.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA busy_timeout = 10000")
        cur.execute("PRAGMA foreign_keys = ON")
        # 32 MB of page cache (the default is 2 MB): the hot index pages of a years-long database stay in
        # memory, so an article's writes cost the same in a big database as in a new one
        cur.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        if not readonly:
            cur.execute("PRAGMA synchronous = NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn):  # type: ignore[no-untyped-def]
        conn.exec_driver_sql("BEGIN" if readonly else "BEGIN IMMEDIATE")

    return engine


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


def open_db(path: str | os.PathLike[str] | None = None, *, readonly: bool = False) -> Engine:
    """Open (creating if needed) the database at ``path`` and upgrade it to the code's schema.

    A database whose schema revision this code does not know was written by a newer kospitl
    and is refused. Before upgrading a populated database a backup is made with VACUUM INTO.
    """
    path = os.fspath(path or default_path())
    if os.path.isdir(path):
        raise KospitlError(f"{path}: is a directory, not a database file")
    if readonly and not os.path.exists(path):
        raise KospitlError(f"{path}: no such database")
    _check_sqlite_file(path)
    engine = _engine(path, readonly=readonly)
    current = current_revision(engine)
    head = head_revision()
    if current is not None and current not in REVISIONS:
        raise SchemaTooNewError(
            f"{path}: database schema {current} is newer than this kospitl (knows up to {head}); "
            "upgrade kospitl")
    if current != head:
        if readonly:
            raise KospitlError(f"{path}: database needs an upgrade; run any write command first")
        _upgrade(engine, path, populated=current is not None)
    if not readonly:
        stamp = reference_stamp()
        if _user_version(engine) != stamp:  # the reference tables were built from other data: rebuild
            from kospitl import store  # here, not at the top: store imports the models (slow)

            with engine.begin() as conn:
                store.sync_reference(conn)
                conn.exec_driver_sql(f"PRAGMA user_version = {stamp}")
    return engine


# what the reference tables (trading_day, ticker, column_info) are built from, besides the year
REFERENCE_SOURCES = ("sessions.py", "tickers.py", "dictionary.py", "models.py")


def reference_stamp() -> int:
    """A 31-bit digest of everything the reference tables are built from: the bundled data, the
    code that reads it, the ``holidays`` release, the schema and the year (the calendar runs to
    next year). Kept in ``PRAGMA user_version``; opening a database rebuilds the tables only
    when it differs, so a command does not pay for the rebuild (or import the models) each time."""
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


def _check_sqlite_file(path: str) -> None:
    if not os.path.exists(path) or os.path.getsize(path) == 0:
        return
    with open(path, "rb") as f:
        if f.read(16) != b"SQLite format 3\x00":
            raise KospitlError(f"{path}: not a SQLite database")


def _upgrade(engine: Engine, path: str, *, populated: bool) -> None:
    with engine.connect() as conn:
        raw = driver(conn)  # statements here run outside any transaction
        if populated:
            backup = f"{path}.bak-{current_revision(engine)}"
            if not os.path.exists(backup):
                raw.execute("VACUUM INTO ?", (backup,))
        # Batch mode rebuilds tables: foreign keys must be off, and the pragma is ignored
        # inside a transaction, so it is set before alembic begins one.
        raw.execute("PRAGMA foreign_keys = OFF")
        raw.execute("PRAGMA journal_mode = WAL")
        raw.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        from alembic import command

        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        conn.commit()
        bad = raw.execute("PRAGMA foreign_key_check").fetchall()
        raw.execute("PRAGMA foreign_keys = ON")
        if bad:
            raise KospitlError(f"{path}: foreign key check failed after upgrade: {bad[:3]}")
