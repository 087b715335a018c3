"""Shared fixtures: a temporary database, the CLI runner, the bundled and shared corpora."""
from __future__ import annotations

import contextlib
import functools
import os
from pathlib import Path
from typing import Iterator

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"
SHARED = Path(os.environ.get("KOSPITL_SHARED", ROOT.parent / "shared"))
UNDATED_SEED = "004_b07f79f3c47f2b65.txt"
UNDATED_DATE = "2026-02-25"


@functools.lru_cache(maxsize=1)
def bundled_sentences() -> tuple[str, ...]:
    """The sentences of every article bundled with kospitl and its tests (read once)."""
    from kospitl.text import paragraphs, sentences
    out = []
    for path in sorted(ROOT.glob("data/**/*.txt")) + sorted(ROOT.glob("tests/corpus/**/*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for para in paragraphs(text, 0, len(text)):
            out += [text[s:e] for s, e in sentences(text, para)]
    return tuple(out)


def shared_path(*parts: str) -> Path:
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} not present (the shared corpus sits beside the checkout in CI)")
    return p


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "test.db")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def invoke(runner: CliRunner, *args: str):
    from kospitl.cli import cli

    return runner.invoke(cli, list(args), catch_exceptions=False)


def ingest_seeds(runner: CliRunner, db: str, folder: Path = SAMPLES) -> None:
    dated = sorted(str(p) for p in folder.glob("*.txt") if p.name != UNDATED_SEED)
    r = invoke(runner, "ingest", "--db", db, *dated)
    assert r.exit_code == 0, r.output
    r = invoke(runner, "ingest", "--db", db, "--date", UNDATED_DATE, str(folder / UNDATED_SEED))
    assert r.exit_code == 0, r.output


def table_counts(db: str) -> dict[str, int]:
    """The row count of every table, in a SQLite file or a PostgreSQL database (by URL)."""
    names = [n for (n,) in db_rows(db, "SELECT table_name FROM information_schema.tables WHERE table_schema = "
                                       "current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name"
                                   if is_pg(db) else "SELECT name FROM sqlite_master WHERE type='table'")]
    return {n: db_rows(db, f'SELECT COUNT(*) FROM "{n}"')[0][0] for n in names}


def is_pg(db: str) -> bool:
    return db.startswith(("postgresql://", "postgresql+psycopg://"))


def db_rows(db: str, sql: str, params: tuple = ()) -> list[tuple]:
    """The rows of one query (``?`` placeholders) on either backend, as SQLite's module gives them."""
    if is_pg(db):
        import psycopg

        from kospitl import pg

        with psycopg.connect(pg.libpq_url(db)) as con:
            pg.configure(con, readonly=True)
            return [tuple(r) for r in con.execute(pg.translate(sql), params).fetchall()]
    import sqlite3

    con = sqlite3.connect(db)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


# ---- PostgreSQL: one throwaway cluster per session, a fresh database per test ----------------

@pytest.fixture(scope="session")
def pg_server():
    """The PostgreSQL server the tests use (tests/pgserver.py); the test skips without one."""
    import pgserver

    server, why = pgserver.find()
    if server is None:
        if os.environ.get("KOSPITL_REQUIRE_PG"):  # CI: .ci/run installs the server, so its absence is a failure
            pytest.fail(f"no PostgreSQL server for the tests: {why}")
        pytest.skip(f"PostgreSQL cases skipped: {why}")
    yield server
    server.stop()


_pg_databases = iter(range(1, 1_000_000))


def _pg_admin(url: str, *statements: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as con:
        for s in statements:
            con.execute(s)


def pg_database_url(server_url: str, name: str) -> str:
    """``server_url`` with its database replaced by ``name``."""
    base, _, query = server_url.partition("?")
    return base.rsplit("/", 1)[0] + "/" + name + (f"?{query}" if query else "")


@contextlib.contextmanager
def pg_database(server, template: str = "template0") -> Iterator[str]:
    """A new database on the test server (its URL), a copy of ``template``, dropped at the end."""
    name = f"kospitl_test_{os.getpid()}_{next(_pg_databases)}"
    _pg_admin(server.url, f'CREATE DATABASE "{name}" TEMPLATE "{template}" ENCODING \'UTF8\' LOCALE \'C\'')
    try:
        yield pg_database_url(server.url, name)
    finally:
        _pg_admin(server.url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def pg_template(pg_server):
    """A database with kospitl's schema and reference tables, made once per session by
    ``open_db`` (the Alembic revisions): the template of each test's database (copying it takes
    a fraction of a second, migrating takes seconds)."""
    from kospitl.db import open_db

    with pg_database(pg_server) as url:
        open_db(url).dispose()
        yield url.rsplit("/", 1)[1].split("?", 1)[0]


@pytest.fixture
def pg_url(pg_server, pg_template):
    """A new database with kospitl's schema (nothing ingested), dropped after the test: its URL."""
    with pg_database(pg_server, pg_template) as url:
        yield url


@pytest.fixture
def pg_empty_url(pg_server):
    """A new, empty database (no schema: the first kospitl command creates it): its URL."""
    with pg_database(pg_server) as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request, tmp_path: Path) -> str:
    """A new database on each backend: a file path, or a PostgreSQL URL (skipped without a server)."""
    if request.param == "sqlite":
        return str(tmp_path / "test.db")
    return request.getfixturevalue("pg_url")
