"""Settling deferred to the end of an ingest (kospitl.pending, table ``unsettled``).

An article of a session the ingest has settled already is marked and settled at the end. The
result is what settling every article with its batch gives (both exports byte for byte); while
the ingest runs the marks are there, and after it none is. Marks left by an ingest that is gone
(killed) are settled by the next command that opens the database, read commands included; marks
of an ingest still running are left to it, and a read says so.
"""
from __future__ import annotations

import random
import socket

import pytest
from click.testing import CliRunner

from conftest import db_rows, invoke, shared_path
from kospitl import pending
from kospitl.cli import cli
from kospitl.db import open_db
from kospitl.ingest import expand, ingest_paths

MARKS = "SELECT COUNT(*) FROM unsettled"


@pytest.fixture(scope="module")
def shuffled() -> list[str]:
    files = expand([str(shared_path("corpus", "dev")), str(shared_path("corpus", "dev2"))])
    random.Random(3).shuffle(files)
    return files


def exports(db: str) -> dict[str, str]:
    runner = CliRunner()
    out = {}
    for what in ("timeline", "observations"):
        r = runner.invoke(cli, ["export", what, "--db", db])
        assert r.exit_code == 0, r.output
        out[what] = r.output
    return out


def test_a_shuffled_ingest_marks_and_settles_at_its_end(shuffled, tmp_path, monkeypatch):
    every = str(tmp_path / "every.db")  # every article settled with its batch
    with monkeypatch.context() as m:
        m.setattr(pending.Deferral, "defers", lambda self, session: False)
        ingest_paths(open_db(every), shuffled, jobs=1, batch_size=4)
    db = str(tmp_path / "deferred.db")
    seen = []
    ingest_paths(open_db(db), shuffled, jobs=1, batch_size=4,
                 on_file=lambda r: seen.append(db_rows(db, MARKS)[0][0]))
    assert max(seen) > 20  # articles came back to sessions settled before: marked, not settled
    assert db_rows(db, MARKS) == [(0,)]
    assert exports(db) == exports(every)


def _interrupted(files: list[str], db: str, monkeypatch, ingest: str) -> None:
    """``files`` ingested by an ingest that stops before its end (its marks left, as a kill
    leaves them), whose marks then name ``ingest``."""
    with monkeypatch.context() as m:
        m.setattr(pending, "settle_marked", lambda engine: 0)
        ingest_paths(open_db(db), files, jobs=1, batch_size=4)
    with open_db(db).begin() as conn:
        conn.exec_driver_sql("UPDATE unsettled SET ingest = ?", (ingest,))


def test_marks_of_a_killed_ingest_are_settled_by_the_next_read(shuffled, tmp_path, monkeypatch):
    clean = str(tmp_path / "clean.db")
    ingest_paths(open_db(clean), shuffled, jobs=1, batch_size=4)
    db = str(tmp_path / "killed.db")
    gone = f"{socket.gethostname()}:{2**22 + 1}"  # above Linux's largest pid: no such process
    _interrupted(shuffled, db, monkeypatch, gone)
    assert db_rows(db, MARKS)[0][0] > 20
    r = invoke(CliRunner(), "timeline", "--db", db, "--csv")  # a read command: it settles them first
    assert r.exit_code == 0
    assert db_rows(db, MARKS) == [(0,)]
    assert exports(db) == exports(clean)


def test_marks_of_a_running_ingest_are_left_to_it(shuffled, tmp_path, monkeypatch):
    db = str(tmp_path / "running.db")
    _interrupted(shuffled[:60], db, monkeypatch, pending.owner())  # this process: running
    before = db_rows(db, MARKS)[0][0]
    assert before > 0
    said = []
    monkeypatch.setattr("kospitl.db.on_unsettled", lambda path, why: said.append(why))
    r = CliRunner().invoke(cli, ["timeline", "--db", db, "--csv"])
    assert r.exit_code == 0, r.output
    assert said == ["an ingest is running: the timeline does not yet hold the articles it stored for "
                    "sessions it had settled (it settles them at its end)"]
    assert db_rows(db, MARKS) == [(before,)]
    ingest_paths(open_db(db), shuffled[60:], jobs=1)  # the next ingest settles every mark it finds
    assert db_rows(db, MARKS) == [(0,)]


@pytest.mark.parametrize("ingest, running", [
    (f"{socket.gethostname()}:1", True),  # init: always there
    (f"{socket.gethostname()}:{2**22 + 1}", False),
    (f"{socket.gethostname()}:pid", False),  # not a pid: nothing can be running under it
    ("another-host.example:1234", True),  # cannot be told from here: taken to be running
])
def test_which_ingests_are_running(ingest, running):
    assert pending.running(ingest) is running
