"""Ad-hoc SQL over the database, in a sandbox.

The file is opened read-only (SQLite itself refuses a DELETE), and an authorizer allows only
what reading needs: SELECT, reading tables and views, recursive CTEs, the functions (but not
``fts3_tokenizer`` or ``load_extension``) and the pragmas that report (``table_info``,
``user_version``...). ATTACH and DETACH (which would create files; ``VACUUM INTO`` attaches
too), temporary tables, transactions and pragmas that change state are denied. A progress
handler stops the statement after ``timeout`` seconds or on Ctrl-C. Rows are read from the
cursor as they are written out, never all at once.
"""
from __future__ import annotations

import math
import re
import signal
import sqlite3
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import FrameType
from typing import Any, Callable, Iterator

from kospitl.db import _connect, is_server, open_db, reading
from kospitl.errors import KospitlError

DEFAULT_TIMEOUT = 30.0  # seconds
PROGRESS_EVERY = 10_000  # SQLite virtual-machine instructions between two looks at the clock
MAX_LENGTH = 100_000_000  # bytes of one string or blob: randomblob(1e10) fails instead of eating memory

DENIED_FUNCTIONS = frozenset({"fts3_tokenizer", "load_extension"})
# pragmas that only report; the first group takes an argument that names what to report on
ARGUMENT_PRAGMAS = frozenset({"table_info", "table_xinfo", "index_list", "index_info", "index_xinfo",
                              "foreign_key_list", "foreign_key_check", "integrity_check", "quick_check",
                              "table_list"})
REPORTING_PRAGMAS = frozenset({"application_id", "user_version", "schema_version", "data_version",
                               "page_count", "page_size", "freelist_count", "encoding", "journal_mode",
                               "foreign_keys", "compile_options", "collation_list", "function_list",
                               "module_list", "pragma_list", "database_list", "auto_vacuum"})
SCHEMA_TABLES = frozenset({"sqlite_master", "sqlite_temp_master", "sqlite_schema", "sqlite_temp_schema"})

_ACTIONS = {getattr(sqlite3, n): n[len("SQLITE_"):] for n in dir(sqlite3)
            if n.startswith("SQLITE_") and n[len("SQLITE_"):] in {
                "CREATE_INDEX", "CREATE_TABLE", "CREATE_TEMP_INDEX", "CREATE_TEMP_TABLE", "CREATE_TEMP_TRIGGER",
                "CREATE_TEMP_VIEW", "CREATE_TRIGGER", "CREATE_VIEW", "DELETE", "DROP_INDEX", "DROP_TABLE",
                "DROP_TEMP_INDEX", "DROP_TEMP_TABLE", "DROP_TEMP_TRIGGER", "DROP_TEMP_VIEW", "DROP_TRIGGER",
                "DROP_VIEW", "INSERT", "PRAGMA", "READ", "SELECT", "TRANSACTION", "UPDATE", "ATTACH", "DETACH",
                "ALTER_TABLE", "REINDEX", "ANALYZE", "CREATE_VTABLE", "DROP_VTABLE", "FUNCTION", "SAVEPOINT"}}
_RECURSIVE = getattr(sqlite3, "SQLITE_RECURSIVE", 33)


@dataclass
class Sandbox:
    """The authorizer's state: the first thing it denied, for the error message."""

    denied: str | None = None

    def __call__(self, action: int, arg1: str | None, arg2: str | None, _db: str | None,
                 _trigger: str | None) -> int:
        if action in (sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ, _RECURSIVE):
            return sqlite3.SQLITE_OK
        if action == sqlite3.SQLITE_FUNCTION:
            if (arg2 or "").lower() not in DENIED_FUNCTIONS:
                return sqlite3.SQLITE_OK
            return self._deny(f"the function {arg2}()")
        if action == sqlite3.SQLITE_PRAGMA:
            name = (arg1 or "").lower()
            if name in ARGUMENT_PRAGMAS or (name in REPORTING_PRAGMAS and arg2 is None):
                return sqlite3.SQLITE_OK
            return self._deny(f"PRAGMA {arg1}" + (f" = {arg2}" if arg2 is not None else ""))
        if action in (sqlite3.SQLITE_INSERT, sqlite3.SQLITE_UPDATE, sqlite3.SQLITE_DELETE) \
                and (arg1 or "").lower() in SCHEMA_TABLES:
            # SQLite's own bookkeeping (reading the schema; a CREATE TEMP records itself): allowed
            # for the schema read, and a CREATE is refused on its own account
            return sqlite3.SQLITE_OK if action == sqlite3.SQLITE_UPDATE else self._deny("CREATE or DROP")
        what = _ACTIONS.get(action, f"action {action}").replace("_", " ")
        if action == sqlite3.SQLITE_ATTACH:
            what = f"ATTACH (or VACUUM INTO) of {arg1!r}"
        return self._deny(what)

    def _deny(self, what: str) -> int:
        if self.denied is None:
            self.denied = what
        return sqlite3.SQLITE_DENY


@dataclass
class Stop:
    """Why the progress handler stopped the statement: the deadline passed or Ctrl-C was pressed."""

    deadline: float
    interrupted: bool = False
    timed_out: bool = False

    def __call__(self) -> int:
        if self.interrupted:
            return 1
        if time.monotonic() > self.deadline:
            self.timed_out = True
            return 1
        return 0


class QueryInterrupted(KospitlError):
    """Ctrl-C stopped the statement (the command exits with status 130)."""


NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
INTEGER = re.compile(r"[+-]?\d+")
LEADING_ZERO = re.compile(r"[+-]?0\d+(?:\.\d*)?")  # 005930: a code


def bind_value(name: str, value: str) -> tuple[str, Any]:
    """A ``-p NAME VALUE`` pair as SQLite should see it: an integer or a finite number binds as a
    number (``close > :v`` with ``-p v 4500`` compares numbers), anything else as text; digits
    with a leading zero are a code, not a number (the ticker ``005930`` stays text), and
    ``NAME:text`` keeps any value text.

    >>> bind_value("v", "4500"), bind_value("v", "-1.5e3"), bind_value("t", "005930"), bind_value("s", "KOSPI")
    (('v', 4500), ('v', -1500.0), ('t', '005930'), ('s', 'KOSPI'))
    >>> bind_value("t:text", "4500"), bind_value("v", "0.5")
    (('t', '4500'), ('v', 0.5))
    """
    if ":" in name:
        base, _, kind = name.partition(":")
        if kind.lower() != "text" or not base:
            raise KospitlError(f"query: -p {name}: a parameter is NAME or NAME:text")
        return base, value
    if LEADING_ZERO.fullmatch(value):
        return name, value
    if INTEGER.fullmatch(value):
        return name, int(value)
    if NUMBER.fullmatch(value):
        number = float(value)
        if math.isfinite(number):
            return name, number
    return name, value


@dataclass
class Result:
    columns: list[str]
    rows: Iterator[dict[str, Any]]
    stop: Stop = field(repr=False, default_factory=lambda: Stop(math.inf))


@contextmanager
def run(path: str, sql: str, params: dict[str, Any] | None = None, *,
        timeout: float = DEFAULT_TIMEOUT) -> Iterator[Result]:
    """Run one statement in the sandbox; yield its columns and its rows, read lazily (write them
    out inside the ``with``). A KospitlError for an SQL error, a denied operation, a missing
    parameter or the timeout; QueryInterrupted for Ctrl-C."""
    if not sql.strip():
        raise KospitlError("query: no SQL statement given")
    if is_server(path):
        with _run_server(path, sql, params, timeout=timeout) as result:
            yield result
        return
    with reading(path):  # the checks of every read command: exists, is kospitl's, at head (no engine if it is)
        pass
    con = _connect(path, readonly=True)
    con.isolation_level = None
    sandbox = Sandbox()
    stop = Stop(time.monotonic() + timeout)
    previous = signal.getsignal(signal.SIGINT)
    handler_set = False
    try:
        con.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()  # load the schema before the sandbox
        con.setlimit(sqlite3.SQLITE_LIMIT_ATTACHED, 0)
        con.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_LENGTH)
        con.set_authorizer(sandbox)
        con.set_progress_handler(stop, PROGRESS_EVERY)
        try:
            def on_sigint(_sig: int, _frame: FrameType | None) -> None:
                stop.interrupted = True
                con.interrupt()

            signal.signal(signal.SIGINT, on_sigint)
            handler_set = True
        except ValueError:  # not the main thread: Ctrl-C is not ours to catch
            pass
        try:
            cur = con.execute(sql, params or {})
        except (sqlite3.Error, OverflowError) as e:
            raise _error(e, sandbox, stop, timeout) from None
        columns = [d[0] for d in cur.description or ()]
        yield Result(columns, _rows(cur, columns, sqlite3.Error, lambda e: _error(e, sandbox, stop, timeout)), stop)
        if stop.interrupted:
            raise QueryInterrupted("query: interrupted")
    finally:
        if handler_set:
            signal.signal(signal.SIGINT, previous)
        con.close()


def _rows(cur: Any, columns: list[str], failure: type[BaseException],
          error: Callable[[BaseException], KospitlError]) -> Iterator[dict[str, Any]]:
    """The cursor's rows as dicts, 256 fetched at a time; a driver ``failure`` while fetching
    becomes the KospitlError ``error`` makes of it (either backend)."""
    while True:
        try:
            batch = cur.fetchmany(256)
        except failure as e:
            raise error(e) from None
        if not batch:
            return
        for r in batch:
            yield dict(zip(columns, r))


def _error(e: BaseException, sandbox: Sandbox, stop: Stop, timeout: float) -> KospitlError:
    if stop.interrupted:
        return QueryInterrupted("query: interrupted")
    if stop.timed_out:
        return KospitlError(f"query: stopped after {timeout:g} s (--timeout)")
    msg = (str(e).splitlines() or [type(e).__name__])[0]
    if sandbox.denied is not None and ("not authorized" in msg or "authorization denied" in msg):
        return KospitlError(f"query: {sandbox.denied} is not allowed (kospitl query only reads)")
    if isinstance(e, sqlite3.ProgrammingError) and "has no name" in msg:
        return KospitlError("query: a ? parameter has no name; write :name and give -p name VALUE")
    if isinstance(e, sqlite3.ProgrammingError) and "binding" in msg:
        m = re.search(r"parameter :?(\w+)", msg)
        if m:
            return KospitlError(f"query: no value for :{m[1]} (give it with -p {m[1]} VALUE)")
    return KospitlError(f"query: {msg}")


# ---- PostgreSQL ---------------------------------------------------------------------------------
# The statement runs in a READ ONLY transaction (the server refuses any write, DDL, sequence
# change or large-object export in it) with ``statement_timeout`` set to --timeout; Ctrl-C
# cancels it on the server. One statement only: the extended protocol takes no second one. For
# analysts, a role that may only read is the real boundary (README: a read-only role).

@contextmanager
def _run_server(url: str, sql: str, params: dict[str, Any] | None, *, timeout: float) -> Iterator[Result]:
    from kospitl import pg

    psycopg = pg.require_driver(url)
    open_db(url, readonly=True).dispose()  # reachable, kospitl's, at head
    stop = Stop(math.inf)
    try:
        con = psycopg.connect(pg.libpq_url(url), connect_timeout=15)
    except psycopg.Error as e:
        raise KospitlError(f"{pg.display(url)}: cannot open the PostgreSQL database ({_first(e)})") from None
    pg.configure(con, readonly=True)
    previous = signal.getsignal(signal.SIGINT)
    handler_set = False
    try:
        con.execute("BEGIN READ ONLY")
        con.execute(f"SET LOCAL statement_timeout = {max(1, int(timeout * 1000))}")
        try:
            def on_sigint(_sig: int, _frame: FrameType | None) -> None:
                stop.interrupted = True
                con.cancel_safe() if hasattr(con, "cancel_safe") else con.cancel()

            signal.signal(signal.SIGINT, on_sigint)
            handler_set = True
        except ValueError:  # not the main thread
            pass
        cur = con.cursor(name=None)
        try:
            cur.execute(pg.translate(sql), params or {}, prepare=True)  # extended protocol: one statement only
        except (psycopg.Error, KeyError, TypeError, ValueError) as e:
            raise _server_error(e, stop, timeout, psycopg) from None
        columns = [d.name for d in cur.description or ()]
        yield Result(columns, _rows(cur, columns, psycopg.Error,
                                    lambda e: _server_error(e, stop, timeout, psycopg)), stop)
        if stop.interrupted:
            raise QueryInterrupted("query: interrupted")
    finally:
        if handler_set:
            signal.signal(signal.SIGINT, previous)
        try:
            con.rollback()
        finally:
            con.close()


def _first(e: BaseException) -> str:
    return (str(e).splitlines() or [type(e).__name__])[0]


def _server_error(e: BaseException, stop: Stop, timeout: float, psycopg: Any) -> KospitlError:
    if stop.interrupted:
        return QueryInterrupted("query: interrupted")
    if isinstance(e, psycopg.errors.QueryCanceled):
        return KospitlError(f"query: stopped after {timeout:g} s (--timeout)")
    if isinstance(e, psycopg.errors.ReadOnlySqlTransaction):
        return KospitlError(f"query: {_first(e)} (kospitl query only reads)")
    if isinstance(e, KeyError):
        name = str(e).strip("'\"")
        return KospitlError(f"query: no value for :{name} (give it with -p {name} VALUE)")
    msg = _first(e)
    m = re.match(r"query parameter missing: (\w+)", msg)
    if m:
        return KospitlError(f"query: no value for :{m[1]} (give it with -p {m[1]} VALUE)")
    if "there is no parameter $" in msg or "bind message supplies" in msg \
            or (isinstance(e, psycopg.ProgrammingError) and "placeholder" in msg):
        return KospitlError("query: a ? parameter has no name; write :name and give -p name VALUE")
    return KospitlError(f"query: {msg}")
