"""The same timeline on PostgreSQL: the dev corpora give byte-identical output on both backends,
every command works on a server's database, and what a server must refuse is refused (with the
database as it was).

The server is tests/pgserver.py's throwaway cluster (or ``KOSPITL_TEST_PG``); without one these
cases skip and say why.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLES, SHARED, UNDATED_DATE, UNDATED_SEED, invoke, pg_database_url

STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?[+-]\d\d:\d\d")
# every read command, in each format that prints rows (the table format as well: column widths
# follow the values, so a float printed as 4000.0 on one backend and 4000 on the other shows)
READS = [
    ("export", "observations"), ("export", "timeline"), ("export", "observations", "--json"),
    ("export", "timeline", "--tsv"), ("timeline",), ("timeline", "--json"), ("timeline", "--subject", "KOSPI"),
    ("timeline", "--source", "yonhap"), ("conflicts",), ("conflicts", "--json"), ("problems",),
    ("show", "2026-01-07"), ("show", "2026-01-07", "--json"),
    ("sources", "2026-01-07", "index", "KOSPI", "change", "close"),
    ("sources", "2026-01-07", "index", "KOSPI", "record_high", "close", "--json"), ("check",),
    ("query", "SELECT * FROM session ORDER BY date, index_name"),
    ("query", "SELECT * FROM v_timeline", "--json"),
    ("query", "SELECT * FROM milestone", "--json"),
    ("query", "SELECT * FROM quote", "--json"),
    # (an AVG of integers is exact numeric arithmetic on PostgreSQL, a float's on SQLite, and a
    # SUM of floats depends on the order the rows are added in: the last digit of such ad-hoc
    # aggregates may differ, so they are not compared; integer sums and counts are)
    ("query", "SELECT kind, COUNT(*) AS n, SUM(sources) AS s, MAX(value) AS m, MIN(value) AS l FROM fact "
              "GROUP BY kind ORDER BY kind", "--json"),
]


def corpora() -> list[list[str]]:
    """The ingests of seeds, dev and dev2 (each undated article with the date its README gives
    it is not needed: undated articles give the same problems on both backends)."""
    runs = []
    for name in ("seeds", "dev", "dev2"):
        folder = SHARED / "corpus" / name
        if not folder.is_dir():
            pytest.skip(f"{folder} not present (the shared corpus sits beside the checkout in CI)")
        runs.append(sorted(str(p) for p in folder.glob("*.txt") if not p.name.upper().startswith("README")))
    return runs


def _ingest_all(runner, db: str) -> None:
    for files in corpora():
        r = invoke(runner, "ingest", "-q", "--db", db, *files)
        assert r.exit_code in (0, 1) and "Traceback" not in r.output, r.output[-2000:]


@pytest.fixture(scope="module")
def both(pg_server, tmp_path_factory):
    """seeds, dev and dev2 ingested into a SQLite file and a PostgreSQL database."""
    from click.testing import CliRunner

    from conftest import _pg_admin

    runner = CliRunner()
    lite = str(tmp_path_factory.mktemp("both") / "dev.db")
    name = f"kospitl_both_{os.getpid()}"
    _pg_admin(pg_server.url, f'DROP DATABASE IF EXISTS "{name}"', f'CREATE DATABASE "{name}"')
    url = pg_database_url(pg_server.url, name)
    for db in (lite, url):
        _ingest_all(runner, db)
    yield lite, url
    _pg_admin(pg_server.url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_the_dev_corpora_export_byte_identical(both, runner, tmp_path):
    lite, url = both
    for what in ("observations", "timeline"):
        a, b = tmp_path / f"{what}.sqlite.csv", tmp_path / f"{what}.pg.csv"
        assert invoke(runner, "export", what, "--db", lite, "-o", str(a)).exit_code == 0
        assert invoke(runner, "export", what, "--db", url, "-o", str(b)).exit_code == 0
        assert a.read_bytes() == b.read_bytes(), what
        assert len(a.read_bytes().splitlines()) > 500  # the corpora, not an empty export


@pytest.mark.parametrize("args", READS, ids=lambda a: " ".join(a)[:40])
def test_every_read_command_prints_the_same_on_both(both, runner, args):
    lite, url = both
    a = invoke(runner, *args, "--db", lite)
    b = invoke(runner, *args, "--db", url)
    assert (b.exit_code, b.output) == (a.exit_code, a.output)


def test_writes_on_a_server_database(pg_url, runner, tmp_path):
    """override (and its withdrawal), reprocess, check and chart on
    PostgreSQL give what they give on SQLite."""
    lite = str(tmp_path / "t.db")
    outs: dict[str, list[tuple[int, str]]] = {}
    for db in (lite, pg_url):
        dated = sorted(str(p) for p in SAMPLES.glob("*.txt") if p.name != UNDATED_SEED)
        steps = [("ingest", "-q", *dated), ("ingest", "-q", "--date", UNDATED_DATE, str(SAMPLES / UNDATED_SEED)),
                 ("override", "2026-01-07", "index", "KOSPI", "close", "4551.07", "--note", "desk: exchange data"),
                 ("show", "2026-01-07"),
                 ("override", "--withdraw", "1", "--note", "typo in the override"),
                 ("sources", "2026-01-07", "index", "KOSPI", "close", "close"),
                 ("reprocess", "--dry-run"), ("reprocess",), ("check",), ("export", "timeline")]
        outs[db] = []
        for step in steps:
            r = invoke(runner, *step, "--db", db)
            # an override's time is when it was made: the same width on both, another value
            outs[db].append((r.exit_code, STAMP.sub("TIME", r.output.replace(db, "DB"))))
        svg = tmp_path / f"chart{len(outs)}.svg"
        r = invoke(runner, "chart", "--db", db, "-o", str(svg))
        assert r.exit_code == 0, r.output
        outs[db].append((r.exit_code, svg.read_text().replace(str(svg), "SVG")))
    for (ca, a), (cb, b) in zip(outs[lite], outs[pg_url]):
        assert (cb, b) == (ca, a)
    assert outs[lite][3][1].count("override") >= 1  # the override is shown as the close's source


def test_reingest_changes_nothing_on_a_server(pg_url, runner):
    files = sorted(str(p) for p in SAMPLES.glob("*.txt") if p.name != UNDATED_SEED)
    assert invoke(runner, "ingest", "-q", "--db", pg_url, *files).exit_code == 0
    before = invoke(runner, "export", "observations", "--db", pg_url).output
    r = invoke(runner, "ingest", "--db", pg_url, *files)
    assert "0 new" in r.output and f"{len(files)} already known" in r.output, r.output
    assert invoke(runner, "export", "observations", "--db", pg_url).output == before


# ---- what a server's database refuses -----------------------------------------------------------

def _tables(url: str) -> dict[str, int]:
    import psycopg

    with psycopg.connect(url) as con:
        names = [n for (n,) in con.execute("SELECT table_name FROM information_schema.tables "
                                           "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")]
        return {n: con.execute(f'SELECT COUNT(*) FROM "{n}"').fetchone()[0] for n in sorted(names)}


def _sql(url: str, *statements: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as con:
        for s in statements:
            con.execute(s)


def test_read_commands_refuse_a_database_without_the_schema(pg_empty_url, runner):
    r = invoke(runner, "timeline", "--db", pg_empty_url)
    assert r.exit_code == 1 and r.output.startswith("Error: ") and "no kospitl schema" in r.output, r.output
    assert len(r.output.splitlines()) == 1
    assert _tables(pg_empty_url) == {}


def test_another_applications_database_is_left_as_it_is(pg_empty_url, runner):
    _sql(pg_empty_url, "CREATE TABLE customers (id int)", "INSERT INTO customers VALUES (1)")
    for args in (("timeline",), ("ingest", str(SAMPLES))):
        r = invoke(runner, *args, "--db", pg_empty_url)
        assert r.exit_code == 1 and "not a kospitl database" in r.output, r.output
        assert _tables(pg_empty_url) == {"customers": 1}


def test_a_newer_schema_is_refused_and_left_as_it_is(pg_url, runner):
    assert invoke(runner, "ingest", "-q", "--db", pg_url, str(SAMPLES)).exit_code in (0, 1)
    _sql(pg_url, "UPDATE alembic_version SET version_num = '9999'")
    before = _tables(pg_url)
    for args in (("timeline",), ("ingest", str(SAMPLES)), ("query", "SELECT 1")):
        r = invoke(runner, *args, "--db", pg_url)
        assert r.exit_code == 1 and "newer than this kospitl" in r.output, r.output
    assert _tables(pg_url) == before


def test_query_on_a_server_only_reads(pg_url, runner):
    assert invoke(runner, "ingest", "-q", "--db", pg_url, str(SAMPLES)).exit_code in (0, 1)
    before = _tables(pg_url)
    for sql, said in [("DELETE FROM fact", "read-only transaction"),
                      ("COMMIT; SET default_transaction_read_only = off; DELETE FROM fact", "multiple commands"),
                      ("CREATE TABLE x (a int)", "read-only transaction"),
                      ("SELECT pg_sleep(3)", "stopped after 0.5 s"),
                      ("SELECT :missing", "no value for :missing"),
                      ("SELECT ?", "has no name")]:
        r = invoke(runner, "query", sql, "--timeout", "0.5", "--db", pg_url)
        assert r.exit_code == 1 and said in r.output and len(r.output.splitlines()) == 1, (sql, r.output)
    assert _tables(pg_url) == before
    r = invoke(runner, "query", "SELECT COUNT(*) AS n FROM fact WHERE subject = :s AND value > :v",
               "-p", "s", "KOSPI", "-p", "v", "4500", "--json", "--db", pg_url)
    assert r.exit_code == 0 and '"n":' in r.output, r.output


def test_a_url_is_a_server_and_anything_else_a_path(tmp_path, runner, monkeypatch):
    from kospitl.db import is_server

    assert is_server("postgresql://u@h/db") and is_server("postgresql+psycopg://u@h/db")
    assert not is_server("postgres.db") and not is_server("postgresql:/x") and not is_server("mysql://h/db")
    monkeypatch.chdir(tmp_path)
    r = invoke(runner, "ingest", "-q", "--db", "postgresql:relative.db", str(SAMPLES / "000_bcb2ce52c0e3486f.txt"))
    assert r.exit_code in (0, 1) and (tmp_path / "postgresql:relative.db").is_file(), r.output


def test_datasette_needs_a_file(pg_url, runner):
    for args in (("datasette-metadata",), ("serve", "--port", "0")):
        r = invoke(runner, *args, "--db", pg_url)
        assert r.exit_code == 1 and "datasette serves SQLite files" in r.output, r.output


def test_both_url_forms_name_the_same_database(pg_url, runner):
    other = "postgresql+psycopg://" + pg_url.split("://", 1)[1]
    assert invoke(runner, "ingest", "-q", "--db", other, str(SAMPLES / "000_bcb2ce52c0e3486f.txt")).exit_code == 0
    assert invoke(runner, "export", "observations", "--db", pg_url).output \
        == invoke(runner, "export", "observations", "--db", other).output
    assert _tables(pg_url)["article"] == 1


def test_an_unreachable_server_is_one_line_without_the_password(runner):
    url = "postgresql://ana:s3cret@127.0.0.1:1/kospitl"
    r = invoke(runner, "timeline", "--db", url)
    assert r.exit_code == 1 and r.output.startswith("Error: postgresql://ana:***@127.0.0.1:1/kospitl: cannot open")
    assert "s3cret" not in r.output and len(r.output.splitlines()) == 1, r.output


def test_a_url_without_psycopg_is_one_clear_error(tmp_path):
    code = ("import sys; sys.modules['psycopg'] = None\n"
            "from kospitl.cli import cli\n"
            "cli(['timeline', '--db', 'postgresql+psycopg://u@127.0.0.1/k'])")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120,
                       env={k: v for k, v in os.environ.items() if k != "KOSPITL_DB"})
    assert r.returncode == 1, r.stderr
    assert r.stderr.strip() == ("Error: postgresql+psycopg://u@127.0.0.1/k: a PostgreSQL database needs "
                                "psycopg 3 (pip install 'kospitl[postgres]')"), r.stderr


def test_the_schema_is_the_alembic_history(pg_empty_url):
    """One migration history: every revision applied in turn on PostgreSQL, up to head, and
    each text column sorts by code point (COLLATE "C"), as SQLite's do."""
    import psycopg

    from kospitl.db import head_revision, open_db

    open_db(pg_empty_url).dispose()
    with psycopg.connect(pg_empty_url) as con:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (head_revision(),)
        loose = con.execute("SELECT table_name, column_name, collation_name FROM information_schema.columns "
                            "WHERE table_schema = 'public' AND data_type = 'character varying' "
                            "AND table_name <> 'alembic_version' AND table_name IN (SELECT table_name FROM "
                            "information_schema.tables WHERE table_type = 'BASE TABLE') "
                            "AND collation_name IS DISTINCT FROM 'C'").fetchall()
        assert loose == []
        assert con.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_observation_lost'").fetchone()[0] \
            .endswith("WHERE ((status)::text = 'lost'::text)")
