"""Four ``kospitl ingest`` processes into one PostgreSQL database at once, from a database with
no schema yet (so they also race to create it): nothing lost, nothing stored twice, and the
exports and the problems byte for byte those of one sequential ingest into SQLite.

The writers take turns through one transaction-level advisory lock (kospitl/pg.py, WRITE_LOCK);
a writer that waits says so on stderr and goes on waiting.
"""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import ROOT, SHARED, SAMPLES, invoke


def _files() -> list[str]:
    # the dev corpus (31 articles: version chains, syndicated copies, typos); dev2 is in
    # test_postgres's byte-identical export
    folders = [SHARED / "corpus" / "dev"]
    if not all(f.is_dir() for f in folders):
        folders = [SAMPLES]
    return sorted(str(p) for f in folders for p in f.glob("*.txt") if not p.name.upper().startswith("README"))


def _outputs(runner, db: str) -> dict[str, str]:
    out = {}
    for args in (("export", "observations"), ("export", "timeline"), ("problems",)):
        r = invoke(runner, *args, "--db", db)
        assert r.exit_code == 0, r.output
        out[" ".join(args)] = r.output
    return out


def _articles(db: str) -> int:
    import sqlite3

    con = sqlite3.connect(db)
    try:
        return int(con.execute("SELECT COUNT(*) FROM article").fetchone()[0])
    finally:
        con.close()


def test_four_concurrent_ingests_equal_a_sequential_sqlite_ingest(pg_empty_url, runner, tmp_path):
    import psycopg

    pg_url = pg_empty_url  # no schema yet: the four race to create it

    files = _files()
    lite = str(tmp_path / "seq.db")
    r = invoke(runner, "ingest", "-q", "--db", lite, *files)
    assert r.exit_code in (0, 1) and "Error" not in r.output, r.output[-2000:]
    expected = _outputs(runner, lite)

    quarter = max(1, len(files) // 4)
    sets = [files[: 2 * quarter], files[quarter: 3 * quarter], files[2 * quarter:] + files[:quarter],
            list(reversed(files))]  # every file in at least two sets, one of them backwards
    assert set().union(*map(set, sets)) == set(files)
    env = {k: v for k, v in os.environ.items() if k != "KOSPITL_DB"}
    procs = [subprocess.Popen([sys.executable, "-m", "kospitl", "ingest", "-q", "--jobs", "1", "--batch-size", "8",
                               "--db", pg_url, *s], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              env=env, cwd=ROOT) for s in sets]
    outs = [p.communicate(timeout=600) for p in procs]
    for p, (_out, err) in zip(procs, outs):
        assert p.returncode in (0, 1), err[-2000:]  # 1: an undated article's problems
        assert "Traceback" not in err, err[-2000:]
        assert not [line for line in err.splitlines() if line.startswith("Error: ")], err[-2000:]
        assert not [line for line in err.splitlines() if "locked" in line and "; waiting for it" not in line], \
            err[-2000:]
    with psycopg.connect(pg_url) as con:
        n, distinct = con.execute("SELECT COUNT(*), COUNT(DISTINCT content_hash) FROM article").fetchone()
        assert n == distinct == _articles(lite), "an article lost or stored twice"
        assert con.execute("SELECT COUNT(*) FROM observation o WHERE NOT EXISTS "
                           "(SELECT 1 FROM article a WHERE a.id = o.article_id)").fetchone() == (0,)
    got = _outputs(runner, pg_url)
    for what in expected:
        assert got[what] == expected[what], what
