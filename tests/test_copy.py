"""``kospitl copy SRC DEST``: the dev2 corpus copied keeps every table's rows, the exports and the
problems identical; a copy that is refused or interrupted leaves DEST as it was (refusals as an
example table: command, exit status, message, DEST unchanged)."""
from __future__ import annotations

import hashlib
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest
from click.testing import CliRunner

from conftest import db_rows, ingest_seeds, invoke, is_pg, shared_path
from crash_harness import copy_db

from kospitl.cli import cli
from kospitl.copy import copy_database, is_url
from kospitl.db import REVISIONS, head_revision
from kospitl.errors import KospitlError

# what the migrations create, besides alembic_version: each must be copied (a new table fails here
# until this list, and so the reader of this test, knows it)
TABLES = {"article", "observation", "problem", "fact", "trading_day", "ticker", "column_info", "sketch_hash",
          "file_read", "unsettled"}


@pytest.fixture(scope="module")
def dev2_db(tmp_path_factory) -> str:
    """The dev2 corpus ingested, with an override and a withdrawn one (its audit trail)."""
    db = str(tmp_path_factory.mktemp("dev2") / "dev2.db")
    runner = CliRunner()
    r = invoke(runner, "ingest", "-q", "--db", db, str(shared_path("corpus", "dev2")))
    assert r.exit_code in (0, 1), r.output  # 1: problems of severity error remain (they are copied too)
    made = []
    for value, note in (("4309.63", "checked against KRX"), ("4310.00", "a second look")):
        r = invoke(runner, "override", "--db", db, "2026-01-02", "index", "KOSPI", "close", value, "--note", note)
        assert r.exit_code == 0, r.output
        made.append(r.output.split(":", 1)[0].split()[-1])  # "override 64: ..."
    r = invoke(runner, "override", "--db", db, "--withdraw", made[-1], "--note", "the first was right")
    assert r.exit_code == 0, r.output
    with sqlite3.connect(db) as con:  # the mark of an ingest still running (kospitl.pending): copied too
        con.execute("INSERT INTO unsettled (article_id, ingest) SELECT MIN(id), 'another-host.example:1' FROM article")
    return db


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("seeded") / "seeded.db")
    ingest_seeds(CliRunner(), db)
    return db


def all_rows(db: str) -> dict[str, list[tuple]]:
    """Every row of every table (alembic_version included), columns by name, rows in order, on
    either backend (values as SQLite's module gives them: booleans 0/1)."""
    if is_pg(db):
        names = [n for (n,) in db_rows(db, "SELECT table_name FROM information_schema.tables WHERE table_schema = "
                                           "current_schema() AND table_type = 'BASE TABLE'")]
        columns = {n: [c for (c,) in db_rows(db, "SELECT column_name FROM information_schema.columns WHERE "
                                                 "table_schema = current_schema() AND table_name = ?", (n,))]
                   for n in names}
    else:
        names = [n for (n,) in db_rows(db, "SELECT name FROM sqlite_master WHERE type = 'table'")]
        columns = {n: [r[1] for r in db_rows(db, f'PRAGMA table_info("{n}")')] for n in names}
    out = {}
    for n in sorted(names):
        cols = ", ".join(f'"{c}"' for c in sorted(columns[n]))
        rows = db_rows(db, f'SELECT {cols} FROM "{n}"')  # sorted here: the backends sort NULLs apart
        out[n] = sorted(rows, key=lambda r: [(v is None, 0 if v is None else v) for v in r])
    return out


sqlite_rows = all_rows


def cli_outputs(db: str) -> dict[str, str]:
    """What a person reads: both exports, the problems, the conflicts and the check."""
    runner = CliRunner()
    out = {}
    for args in (("export", "observations"), ("export", "timeline"), ("problems", "--csv"),
                 ("conflicts", "--csv"), ("check",)):
        r = runner.invoke(cli, [*args, "--db", db])
        assert "Traceback" not in r.output
        said = "".join(line for line in r.output.splitlines(keepends=True)  # notices of the file, not its data
                       if not line.startswith(f"kospitl: {db}: "))
        out[" ".join(args)] = f"{r.exit_code}\n{said}"
    return out


def test_copy_to_sqlite_keeps_every_row(dev2_db, tmp_path):
    dest = str(tmp_path / "copy.db")
    before = sqlite_rows(dev2_db)
    r = invoke(CliRunner(), "copy", dev2_db, dest)
    assert r.exit_code == 0, r.output
    assert f"at schema {head_revision()}" in r.output
    copied = sqlite_rows(dest)
    assert set(copied) == TABLES | {"alembic_version"}
    for table in sorted(copied):
        assert copied[table] == before[table], table
    assert all(copied[t] for t in TABLES), "a table the corpus leaves empty proves nothing"
    assert sqlite_rows(dev2_db) == before  # SRC only read
    assert cli_outputs(dest) == cli_outputs(dev2_db)
    con = sqlite3.connect(dest)
    assert con.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    src = sqlite3.connect(dev2_db)
    for pragma in ("application_id", "user_version"):  # ours, and the reference tables need no rebuild
        assert con.execute(f"PRAGMA {pragma}").fetchone() == src.execute(f"PRAGMA {pragma}").fetchone()
    con.close(), src.close()
    left = [n for n in os.listdir(tmp_path) if not n.endswith(("-wal", "-shm"))]  # the readers' (WAL mode)
    assert left == ["copy.db"]  # no temporary file left


def test_the_copy_goes_on_as_the_original(dev2_db, tmp_path):
    """Ids kept: an article ingested into the copy gets the id it would get in the original."""
    a, b = str(tmp_path / "a.db"), str(tmp_path / "b.db")
    copy_db(dev2_db, a)
    assert invoke(CliRunner(), "copy", dev2_db, b).exit_code == 0
    seeds = sorted(str(p) for p in Path(shared_path("corpus", "seeds")).glob("*.txt"))[:3]
    for db in (a, b):
        r = invoke(CliRunner(), "ingest", "-q", "--db", db, *seeds)
        assert r.exit_code in (0, 1), r.output
    ra, rb = sqlite_rows(a), sqlite_rows(b)
    for table in ("observation", "problem", "fact", "sketch_hash"):
        assert ra[table] == rb[table], table
    articles = "SELECT id, content_hash, source_path, session_date, witness FROM article ORDER BY id"  # not ingested_at
    assert db_rows(a, articles) == db_rows(b, articles)


def test_an_interrupted_copy_leaves_nothing(dev2_db, tmp_path):
    dest = tmp_path / "copy.db"

    def interrupt(table: str, n: int) -> None:
        if table == "observation":
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        copy_database(dev2_db, str(dest), batch=100, progress=interrupt)
    assert os.listdir(tmp_path) == []


def test_a_copy_streams_in_batches(dev2_db, tmp_path):
    seen: dict[str, list[int]] = {}
    done = copy_database(dev2_db, str(tmp_path / "c.db"), batch=50,
                         progress=lambda t, n: seen.setdefault(t, []).append(n))
    assert done.rows["observation"] > 1000
    steps = seen["observation"]
    assert steps[:3] == [50, 100, 150] and steps[-1] == done.rows["observation"]


# ---- PostgreSQL: there and back -------------------------------------------------------------------

def test_round_trip_through_postgresql(dev2_db, pg_empty_url, tmp_path):
    """dev2 copied SQLite -> PostgreSQL -> SQLite: every table's rows, both exports, the problems,
    the conflicts and the check identical at each step; the reference stamp carried both ways."""
    pg_url = pg_empty_url
    before = all_rows(dev2_db)
    expected = cli_outputs(dev2_db)
    r = invoke(CliRunner(), "copy", dev2_db, pg_url)
    assert r.exit_code == 0, r.output
    assert all_rows(pg_url) == before
    assert cli_outputs(pg_url) == expected
    for table in ("article", "observation", "problem", "fact"):  # each sequence goes on after the ids copied
        top = db_rows(pg_url, f"SELECT MAX(id) FROM {table}")[0][0]
        seq = db_rows(pg_url, f"SELECT pg_get_serial_sequence('{table}', 'id')")[0][0]
        assert db_rows(pg_url, f"SELECT last_value, is_called FROM {seq}") == [(top + 1, 0)], table  # next: top + 1
    back = str(tmp_path / "back.db")
    r = invoke(CliRunner(), "copy", pg_url, back)
    assert r.exit_code == 0, r.output
    assert all_rows(back) == before
    assert cli_outputs(back) == expected
    stamp = db_rows(dev2_db, "PRAGMA user_version")
    assert db_rows(back, "PRAGMA user_version") == stamp != [(0,)]
    assert all_rows(dev2_db) == before  # SRC only read


def test_the_server_copy_goes_on_as_the_original(dev2_db, pg_empty_url, tmp_path):
    """Sequences set after the copy: the next ingest gets the ids it would get in the original."""
    pg_url = pg_empty_url
    a = str(tmp_path / "a.db")
    copy_db(dev2_db, a)
    assert invoke(CliRunner(), "copy", dev2_db, pg_url).exit_code == 0
    seeds = sorted(str(p) for p in Path(shared_path("corpus", "seeds")).glob("*.txt"))[:3]
    for db in (a, pg_url):
        r = invoke(CliRunner(), "ingest", "-q", "--db", db, *seeds)
        assert r.exit_code in (0, 1), r.output
    ra, rb = all_rows(a), all_rows(pg_url)
    for table in ("observation", "problem", "sketch_hash"):
        assert ra[table] == rb[table], table
    articles = "SELECT id, content_hash, source_path, session_date, witness FROM article ORDER BY id"
    assert db_rows(a, articles) == db_rows(pg_url, articles)
    # a fact settled again is deleted and inserted: SQLite's rowid reuses the largest id, a sequence
    # never does (as on any PostgreSQL database), so the facts are compared without their ids
    facts = "SELECT date, kind, subject, metric, as_of, value, status, sources, articles, why FROM fact"
    assert sorted(db_rows(a, facts)) == sorted(db_rows(pg_url, facts))



def test_an_interrupted_copy_to_a_server_leaves_it_empty(dev2_db, pg_empty_url):
    pg_url = pg_empty_url
    def interrupt(table: str, n: int) -> None:
        if table == "observation":
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        copy_database(dev2_db, pg_url, batch=100, progress=interrupt)
    assert server_state(pg_url) == {}


def server_state(url: str) -> dict[str, int]:
    """The tables of the database's schema with their row counts."""
    names = [n for (n,) in db_rows(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = "
                                        "current_schema() AND table_type = 'BASE TABLE'")]
    return {n: db_rows(url, f'SELECT COUNT(*) FROM "{n}"')[0][0] for n in names}


def _pg_kospitl(seeded: str, url: str) -> None:
    assert invoke(CliRunner(), "copy", seeded, url).exit_code == 0


def _pg_other_app(seeded: str, url: str) -> None:
    import psycopg

    from kospitl import pg

    with psycopg.connect(pg.libpq_url(url)) as con:
        con.execute("CREATE TABLE notes (body TEXT)")
        con.execute("INSERT INTO notes VALUES ('my shopping list')")


SERVER_CASES = [  # id, setup of the server's database, SRC (a file name or "url"), DEST, exit, message
    ("dest-is-a-kospitl-db", _pg_kospitl, "src.db", "url", 1,
     "Error: {u}: already a kospitl database; copy writes only a new or empty one"),
    ("dest-is-another-apps-db", _pg_other_app, "src.db", "url", 1,
     "Error: {u}: not a kospitl database (its schema holds other tables; kospitl leaves it as it is)"),
    ("src-is-empty", None, "url", "dest.db", 1, "Error: {u}: not a kospitl database yet (empty): nothing to copy"),
    ("src-is-another-apps-db", _pg_other_app, "url", "dest.db", 1,
     "Error: {u}: not a kospitl database (its schema holds other tables"),
    ("no-such-database", None, "src.db", "nodb", 1, "Error: {u}: cannot open the PostgreSQL database ("),
    ("server-to-server", _pg_kospitl, "url", "url", 1, "Error: {u}: SRC and DEST are the same database"),
]


@pytest.mark.parametrize("case", SERVER_CASES, ids=[c[0] for c in SERVER_CASES])
def test_refusals_on_a_server(case, seeded, pg_empty_url, tmp_path):
    pg_url = pg_empty_url
    _id, setup, src, dest, exit_code, message = case
    copy_db(seeded, str(tmp_path / "src.db"))
    if setup:
        setup(seeded, pg_url)
    nodb = pg_url.rsplit("/", 1)[0] + "/no_such_database_here"
    where = lambda x: pg_url if x == "url" else nodb if x == "nodb" else str(tmp_path / x)  # noqa: E731
    before, files = server_state(pg_url), _state(tmp_path)
    r = invoke(CliRunner(), "copy", where(src), where(dest))
    assert r.exit_code == exit_code, r.output
    assert "Traceback" not in r.output and len(r.output.strip().splitlines()) == 1, r.output
    shown = nodb if dest == "nodb" else pg_url
    assert r.output.startswith(message.format(u=shown)), r.output
    assert server_state(pg_url) == before
    assert _state(tmp_path) == files


# ---- refusals: each row a command, its exit status and message, and DEST as it was -------------

def _kospitl_db(seeded: str, p: Path) -> None:
    copy_db(seeded, str(p))


def _other_app(seeded: str, p: Path) -> None:
    con = sqlite3.connect(p)
    con.execute("CREATE TABLE notes (body TEXT)")
    con.execute("INSERT INTO notes VALUES ('my shopping list')")
    con.commit()
    con.close()


def _text(seeded: str, p: Path) -> None:
    p.write_text("not a database\n")


def _empty(seeded: str, p: Path) -> None:
    p.write_bytes(b"")


def _at(revision: str) -> Callable[[str, Path], None]:
    def make(seeded: str, p: Path) -> None:
        copy_db(seeded, str(p))
        con = sqlite3.connect(p)
        con.execute("UPDATE alembic_version SET version_num = ?", (revision,))
        con.commit()
        con.close()
    return make


def _folder(seeded: str, p: Path) -> None:
    p.mkdir()


@dataclass
class Case:
    id: str
    src: str  # a name in the test's folder, or a URL
    dest: str
    setup: dict[str, Callable[[str, Path], None]]  # the state of each named file
    exit: int
    message: str  # in the one line of output


SEEDED = {"src.db": _kospitl_db}
CASES = [
    Case("dest-is-a-kospitl-db", "src.db", "dest.db", {**SEEDED, "dest.db": _kospitl_db}, 1,
         "Error: {d}/dest.db: already a kospitl database; copy writes only a new or empty one"),
    Case("dest-is-another-apps-db", "src.db", "dest.db", {**SEEDED, "dest.db": _other_app}, 1,
         "Error: {d}/dest.db: not a kospitl database (another application's SQLite file"),
    Case("dest-is-a-text-file", "src.db", "dest.db", {**SEEDED, "dest.db": _text}, 1,
         "Error: {d}/dest.db: not a SQLite database"),
    Case("dest-is-a-folder", "src.db", "dest.db", {**SEEDED, "dest.db": _folder}, 1,
         "Error: {d}/dest.db: is a directory, not a database file"),
    Case("dest-folder-missing", "src.db", "no/such/dest.db", SEEDED, 1,
         "Error: {d}/no/such/dest.db: no such folder"),
    Case("src-missing", "src.db", "dest.db", {}, 1, "Error: {d}/src.db: no such database"),
    Case("src-empty", "src.db", "dest.db", {"src.db": _empty}, 1,
         "Error: {d}/src.db: not a kospitl database yet (empty): nothing to copy"),
    Case("src-another-apps-db", "src.db", "dest.db", {"src.db": _other_app}, 1,
         "Error: {d}/src.db: not a kospitl database (another application's SQLite file"),
    Case("src-older", "src.db", "dest.db", {"src.db": _at(REVISIONS[-2])}, 1,
         f"Error: {{d}}/src.db: database schema {REVISIONS[-2]} is older than this kospitl's {head_revision()}; "
         "upgrade it first (any command upgrades it, after a backup: kospitl check --db {d}/src.db), then copy"),
    Case("src-newer", "src.db", "dest.db", {"src.db": _at("9999")}, 1,
         f"Error: {{d}}/src.db: database schema 9999 is newer than this kospitl (knows up to {head_revision()}); "
         "copy it with the kospitl that wrote it, or upgrade kospitl"),
    Case("same-file", "src.db", "src.db", SEEDED, 1, "Error: {d}/src.db: SRC and DEST are the same database"),
    Case("url-without-database", "src.db", "postgresql://kospitl@127.0.0.1", SEEDED, 1,
         "Error: postgresql://kospitl@127.0.0.1: the URL names no database (postgresql://USER@HOST/DATABASE)"),
    Case("url-no-server", "src.db", "postgresql://kospitl:secret@127.0.0.1:1/kospitl", SEEDED, 1,
         "Error: postgresql://kospitl:***@127.0.0.1:1/kospitl: cannot open the PostgreSQL database ("),
    Case("url-bad-port", "src.db", "postgresql://kospitl:secret@127.0.0.1:port/kospitl", SEEDED, 1,
         "Error: postgresql://kospitl:***@127.0.0.1:port/kospitl: not a PostgreSQL URL"),
    Case("src-url-no-server", "postgresql://kospitl@127.0.0.1:1/kospitl", "dest.db", {}, 1,
         "Error: postgresql://kospitl@127.0.0.1:1/kospitl: cannot open the PostgreSQL database ("),
    Case("dest-empty-file", "src.db", "dest.db", {**SEEDED, "dest.db": _empty}, 0, "copied "),
]


def _state(folder: Path) -> dict[str, str]:
    """Every file in the folder with a digest of its bytes (SQLite's -wal/-shm aside)."""
    out = {}
    for p in sorted(folder.rglob("*")):
        if p.name.endswith(("-wal", "-shm")):
            continue
        out[str(p.relative_to(folder))] = "dir" if p.is_dir() else hashlib.sha256(p.read_bytes()).hexdigest()
    return out


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_refusals(case, seeded, tmp_path):
    for name, make in case.setup.items():
        make(seeded, tmp_path / name)
    where = lambda x: x if is_url(x) else str(tmp_path / x)  # noqa: E731
    before = _state(tmp_path)
    r = invoke(CliRunner(), "copy", where(case.src), where(case.dest))
    assert r.exit_code == case.exit, r.output
    assert "Traceback" not in r.output
    assert len(r.output.strip().splitlines()) == 1, r.output
    assert r.output.startswith(case.message.format(d=tmp_path)), r.output
    after = _state(tmp_path)
    if case.exit == 0:  # the empty DEST became the copy; nothing else changed
        assert {k: v for k, v in after.items() if k != case.dest} == {k: v for k, v in before.items() if k != case.dest}
        assert sqlite_rows(str(tmp_path / case.dest)) == sqlite_rows(str(tmp_path / case.src))
    else:
        assert after == before


def test_library_errors_are_kospitl_errors(tmp_path):
    with pytest.raises(KospitlError, match="no such database"):
        copy_database(str(tmp_path / "none.db"), str(tmp_path / "d.db"))
