"""Several ``kospitl ingest`` processes on one database at once, and readers during an ingest.

- Three ingests with overlapping file sets, started together (on a database file that does not
  exist yet, so they also race to create the schema, and on one that does): no article or
  observation lost or duplicated, integrity ok, and both exports byte-identical to a sequential
  run's (the timeline does not depend on which process won which article).
- A reader polling the fact table (Python's sqlite3, and the sqlite3 shell when installed) while
  an ingest writes is never blocked for long, and never sees half an article.

Corpus: the shared dev corpus, or the bundled samples when it is absent.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLES, invoke, shared_path
from crash_harness import article_counts, copy_db, corpus_files, export

from kospitl.db import open_db

READ_LIMIT = 1.0  # seconds: a read slower than this counts as blocked


def _corpus() -> Path:
    try:
        return shared_path("corpus", "dev")
    except pytest.skip.Exception:
        return SAMPLES


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("KOSPITL_DB", None)
    return env


def _start(db: str, files: list[str], *options: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "kospitl", "ingest", "-q", "--db", db, *options, *files],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(), cwd=ROOT)


@pytest.fixture(scope="module")
def sequential(tmp_path_factory):
    """A sequential run of the whole corpus: what any concurrent schedule must end with."""
    from click.testing import CliRunner

    base = tmp_path_factory.mktemp("sequential")
    files = corpus_files(_corpus())
    db = str(base / "seq.db")
    r = invoke(CliRunner(), "ingest", "-q", "--db", db, *files)
    assert r.exit_code in (0, 1) and "Error" not in r.output, r.output
    template = str(base / "template.db")
    open_db(template).dispose()  # creates and migrates (read commands never create)
    return dict(files=files, counts=article_counts(db), timeline=export(db, "timeline"),
                observations=export(db, "observations"), template=template)


@pytest.mark.parametrize("start", ["new-file", "existing-db"])
def test_three_overlapping_ingests_equal_a_sequential_run(sequential, tmp_path, start):
    files = sequential["files"]
    db = str(tmp_path / "shared.db")
    if start == "existing-db":
        copy_db(sequential["template"], db)
    third = max(1, len(files) // 3)
    sets = [files[: 2 * third], files[third:], files[::2]]  # every file in two of the sets, some in three
    assert set().union(*sets) == set(files)
    procs = [_start(db, s) for s in sets]
    outs = [p.communicate(timeout=300) for p in procs]
    for p, (out, err) in zip(procs, outs):
        assert p.returncode in (0, 1), err[-2000:]  # 1: the corpus's undated article has problems
        assert "Traceback" not in err, err[-2000:]
        # a writer that waits for the lock says so ("... is locked by another writer; waiting ...")
        # and goes on waiting: no other mention of the lock (an error) is allowed
        assert not [line for line in err.splitlines() if "locked" in line and "; waiting for it" not in line], \
            err[-2000:]
        assert not [line for line in err.splitlines() if line.startswith("Error: ")], err[-2000:]
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        n, distinct = con.execute("SELECT COUNT(*), COUNT(DISTINCT content_hash) FROM article").fetchone()
        assert n == distinct, "an article was stored twice"
        orphans = con.execute("SELECT COUNT(*) FROM observation WHERE article_id NOT IN (SELECT id FROM article)").fetchone()[0]
        assert orphans == 0
    finally:
        con.close()
    assert article_counts(db) == sequential["counts"], "articles lost, duplicated or incomplete"
    assert export(db, "observations") == sequential["observations"]
    assert export(db, "timeline") == sequential["timeline"]


def test_a_reader_is_not_blocked_by_an_ingest(sequential, tmp_path):
    """Poll the fact table while an ingest of the whole corpus runs. Each poll is one read
    transaction that also checks no observation is visible without its article (an article is
    committed whole or not at all)."""
    db = str(tmp_path / "busy.db")
    copy_db(sequential["template"], db)
    proc = _start(db, sequential["files"], "--batch-size", "1")  # a commit per article: many states to see
    con = sqlite3.connect(db, timeout=30, isolation_level=None)
    shell = shutil.which("sqlite3")
    slowest, reads, during, shell_reads, shell_slowest = 0.0, 0, 0, 0, 0.0
    seen: set[int] = set()
    try:
        deadline = time.monotonic() + 120
        while proc.poll() is None and time.monotonic() < deadline:
            t0 = time.monotonic()
            con.execute("BEGIN")
            facts = con.execute("SELECT date, kind, subject, metric, as_of, value FROM fact").fetchall()
            articles = con.execute("SELECT COUNT(*) FROM article").fetchone()[0]
            orphans = con.execute("SELECT COUNT(*) FROM observation WHERE article_id NOT IN "
                                  "(SELECT id FROM article)").fetchone()[0]
            con.execute("COMMIT")
            slowest = max(slowest, time.monotonic() - t0)
            reads += 1
            assert orphans == 0, "a reader saw observations of an article that is not there"
            if 0 < articles < len(sequential["counts"]):
                during += 1
                seen.add(len(facts))
            if shell and reads % 10 == 0:  # the sqlite3 shell has no busy timeout at all
                t0 = time.monotonic()
                r = subprocess.run([shell, db, "SELECT COUNT(*) FROM fact;"], capture_output=True, text=True, timeout=30)
                shell_slowest = max(shell_slowest, time.monotonic() - t0)
                assert r.returncode == 0 and "locked" not in r.stderr, r.stderr
                shell_reads += 1
            time.sleep(0.002)
    finally:
        con.close()
        if proc.poll() is None:
            proc.kill()
        _, err = proc.communicate(timeout=60)
    assert proc.returncode in (0, 1), err[-2000:]
    assert during >= 5, f"only {during} reads happened while the ingest was writing (of {reads})"
    assert len(seen) >= 2, "the reader never saw the fact table grow"
    assert slowest < READ_LIMIT, f"a read of the fact table took {slowest:.2f} s during the ingest"
    assert shell_slowest < READ_LIMIT + 0.5, f"the sqlite3 shell took {shell_slowest:.2f} s"
    assert article_counts(db) == sequential["counts"]
