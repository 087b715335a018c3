"""A read command starts light (issue 15): on a database at the code's schema it opens the file
with sqlite3 alone (``db.reading``), and imports neither SQLAlchemy, Alembic, the extraction nor
dateutil; an older database is still upgraded first, a newer one refused; the rows are the same
through either kind of connection; the timeline of one subject reads through an index."""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ingest_seeds, invoke
from kospitl import db as kdb
from kospitl import export, review
from kospitl.db import current_revision, head_revision, open_db, reading
from kospitl.errors import KospitlError, SchemaTooNewError

# the CLI in a new interpreter; then which of the heavy packages it loaded, written to a file
CHILD = """
import json, runpy, sys
out, sys.argv = sys.argv[1], ["kospitl", *sys.argv[2:]]
try:
    runpy.run_module("kospitl", run_name="__main__")
except SystemExit as e:
    code = e.code
heavy = ("sqlalchemy", "alembic", "sqlmodel", "pydantic", "dateutil", "holidays", "tabulate", "wcwidth", "kospitl.extraction")
with open(out, "w") as f:
    json.dump({"code": code, "loaded": sorted(h for h in heavy if any(m == h or m.startswith(h + ".") for m in sys.modules))}, f)
"""


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> str:
    from click.testing import CliRunner

    db = str(tmp_path_factory.mktemp("startup") / "seeded.db")
    ingest_seeds(CliRunner(), db)
    return db


def _loaded(tmp_path: Path, *args: str) -> dict:
    out = tmp_path / "loaded.json"
    r = subprocess.run([sys.executable, "-c", CHILD, str(out), *args], capture_output=True, text=True, timeout=120)
    assert out.exists(), r.stderr
    return json.loads(out.read_text())


@pytest.mark.parametrize("args, loaded", [
    (["timeline", "--subject", "KOSPI", "--from", "2016-01-01", "--csv"], []),
    (["timeline", "--subject", "kospi", "--json"], []),
    (["timeline", "--source", "Yonhap", "--nl"], []),
    (["export", "timeline"], []),
    (["export", "observations", "--tsv"], []),
    (["conflicts", "--csv"], []),
    (["show", "2026-01-07", "--json"], []),
    (["sources", "2026-01-07", "index", "KOSPI", "change", "close", "--csv"], []),
    (["timeline", "--subject", "KOSPI"], []),  # a table too: it is drawn by kospitl.texttable
    (["check"], ["dateutil", "holidays"]),  # the calendar: a fact on a day without a session
    (["timeline", "--subject", "KOSPII"], []),  # the error ("did you mean") too
])
def test_read_commands_load_only_what_they_need(seeded, tmp_path, args, loaded):
    got = _loaded(tmp_path, *args, "--db", seeded)
    assert got["loaded"] == loaded
    assert got["code"] in (None, 0, 1, 2)


def test_an_older_database_is_upgraded_by_a_read_command_and_reads_the_same(runner, seeded, tmp_path):
    """At the previous revision, the read command goes through the engine (Alembic upgrades the
    file first) and prints what the current database prints; afterwards it is at head."""
    from alembic import command

    current = invoke(runner, "timeline", "--db", seeded, "--csv").output
    old = str(tmp_path / "old.db")
    ingest_seeds(runner, old)
    engine = open_db(old)
    with engine.connect() as conn:
        cfg = kdb.alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, kdb.REVISIONS[-2])
        conn.commit()
    engine.dispose()
    assert kdb.inspect(old).revision == kdb.REVISIONS[-2]
    r = invoke(runner, "timeline", "--db", old, "--csv")
    assert r.exit_code == 0 and r.output == current
    assert kdb.inspect(old).revision == head_revision()


@pytest.mark.parametrize("prepare, outcome", [
    (None, sqlite3.Connection),  # at head: sqlite3's own connection, no engine
    ("newer", SchemaTooNewError),
    ("missing", KospitlError),
    ("empty", KospitlError),
    ("foreign", KospitlError),
])
def test_reading_opens_or_refuses(seeded, tmp_path, prepare, outcome):
    path = str(tmp_path / "x.db")
    if prepare in (None, "newer"):
        Path(path).write_bytes(Path(seeded).read_bytes())
    if prepare == "newer":
        con = sqlite3.connect(path)
        con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
        con.commit()
        con.close()
    elif prepare == "empty":
        Path(path).write_bytes(b"")
    elif prepare == "foreign":
        con = sqlite3.connect(path)
        con.execute("CREATE TABLE t (x)")
        con.close()
    before = Path(path).read_bytes() if Path(path).exists() else None
    if isinstance(outcome, type) and issubclass(outcome, Exception):
        with pytest.raises(outcome):
            with reading(path):
                pass
    else:
        with reading(path) as conn:
            assert type(conn) is outcome
            with pytest.raises(sqlite3.OperationalError, match="readonly"):
                conn.execute("DELETE FROM fact")
    assert (Path(path).read_bytes() if Path(path).exists() else None) == before  # nothing written


def test_both_connections_read_the_same_rows(seeded):
    """The read functions take sqlite3's connection or SQLAlchemy's, with the same rows."""
    engine = open_db(seeded, readonly=True)
    reads = [
        lambda c: list(export.timeline(c, subject="KOSPI", date_from="2026-01-01")),
        lambda c: list(export.timeline(c, source="Yonhap")),
        lambda c: list(export.observations(c)),
        lambda c: review.conflicts(c),
        lambda c: review.show(c, "2026-01-07"),
        lambda c: review.sources(c, "2026-01-07", "index", "KOSPI", "change", "close"),
    ]
    with reading(seeded) as raw, engine.connect() as conn:
        assert isinstance(raw, sqlite3.Connection)
        for read in reads:
            assert read(raw) == read(conn) and read(raw)
    engine.dispose()
    assert current_revision(open_db(seeded, readonly=True)) == head_revision()


@pytest.mark.parametrize("name", ["plain.db", "data?cache=shared.db", "pct%41.db", "sp ace#1.db", "기사.db",
                                  "a\udcff.db"])
def test_the_read_only_uri_is_pathlibs(tmp_path, name):
    path = str(tmp_path / name)
    assert kdb._ro_uri(path) == Path(path).resolve().as_uri() + "?mode=ro"


@pytest.mark.parametrize("filters", [
    {"subject": "KOSPI", "date_from": "2016-01-01"},
    {"subject": "KOSPI", "date_from": "2016-01-01", "date_to": "2026-12-31"},
    {"subject": "KOSPI"},
])
def test_the_timeline_of_one_subject_reads_through_an_index(seeded, filters):
    """EXPLAIN QUERY PLAN of the statement export.timeline runs (traced, its values inlined):
    a search of an index, in the output's order (no scan of the table, no sort)."""
    with reading(seeded) as conn:
        run: list[str] = []
        conn.set_trace_callback(run.append)
        assert list(export.timeline(conn, **filters))
        conn.set_trace_callback(None)
        [sql] = [s for s in run if s.lstrip().startswith("SELECT")]
        plan = " | ".join(row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql))
    assert plan.startswith("SEARCH fact USING "), plan
    assert "TEMP B-TREE" not in plan, plan
