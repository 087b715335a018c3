"""Re-ingesting known articles is cheap (issue 15): reading, hashing and a batched look-up of
the hashes; no worker process is started and the extraction is not imported while every file is
known; the workers start with the first unknown file. What a re-ingest reports and changes stays
as it was: "already known", and a known text read from a smaller path takes that path."""
from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLES, UNDATED_SEED, ingest_seeds, invoke
from kospitl import ingest, store
from kospitl.articles import content_hash, read_text
from kospitl.db import open_db

HOLDOUT = ROOT / "tests" / "corpus" / "holdout"

# in a new interpreter: which statuses an ingest reports, whether it started workers, whether
# it imported the extraction (the test process itself has long imported it)
CHILD = """
import json, sys
from kospitl import parallel
from kospitl.db import open_db
from kospitl.ingest import ingest_paths
engine = open_db(sys.argv[1])
report = ingest_paths(engine, sys.argv[2:], jobs=2)
print(json.dumps({"statuses": [f.status for f in report.files], "workers": parallel._pool is not None,
                  "extraction": sorted(m for m in sys.modules if m.startswith("kospitl.extraction"))[:1]}))
"""


def _child(db: str, *files: str) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD, db, *files], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def _samples() -> list[str]:
    return sorted(str(p) for p in SAMPLES.glob("*.txt") if p.name != UNDATED_SEED)


@pytest.fixture
def seeded(runner, db) -> str:
    ingest_seeds(runner, db)
    return db


@pytest.mark.parametrize("extra, statuses, workers", [
    pytest.param([], ["known"] * 6, False, id="all-known: no workers, no extraction"),
    pytest.param([str(HOLDOUT / "h01_yonhap_20250314.txt")], ["known"] * 6 + ["new"], True,
                 id="an unknown file last: the workers start for it"),
])
def test_workers_start_only_for_an_unknown_file(seeded, extra, statuses, workers):
    got = _child(seeded, *_samples(), *extra)
    assert got["statuses"] == statuses
    assert got["workers"] is workers
    assert bool(got["extraction"]) is workers, got["extraction"]


def test_batched_lookup_is_the_single_one(seeded, monkeypatch):
    """find_articles in chunks (of 2 here) answers what find_article answers for each hash:
    stored, unknown and repeated hashes alike."""
    monkeypatch.setattr(store, "LOOKUP_CHUNK", 2)
    hashes = [content_hash(read_text(p)) for p in _samples()] + ["0" * 64, "f" * 64]
    hashes += hashes[:3]  # repeated
    engine = open_db(seeded)
    with engine.connect() as conn:
        found = store.find_articles(conn, hashes)
        one_by_one = {h: store.find_article(conn, h) for h in hashes}
    engine.dispose()
    assert found == {h: row for h, row in one_by_one.items() if row is not None}
    assert len(found) == 6


def test_reingest_reads_in_batches_and_counts_as_before(runner, seeded, tmp_path, monkeypatch):
    """Files read a few at a time (READ_AHEAD 2: several look-ups), one of them unreadable and one
    repeated: the report is in file order, and the summary line the same as a single look-up's."""
    monkeypatch.setattr(ingest, "READ_AHEAD", 2)
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    files = _samples()
    r = invoke(runner, "ingest", "--db", seeded, files[0], str(bad), *files[1:], files[0])
    assert r.exit_code == 1
    assert r.output.splitlines()[0].startswith(f"Error: {bad}: empty file")
    assert r.output.splitlines()[-1].startswith(
        "8 file(s): 0 new, 0 re-dated, 7 already known (unchanged), 1 not articles; added 0 observation(s)")


@pytest.mark.parametrize("dry_run", [False, True], ids=["ingest", "dry-run"])
def test_a_moved_file_takes_its_smaller_path(runner, db, tmp_path, monkeypatch, dry_run):
    """A known text read from a path that sorts first is stored under it (article and problems),
    however many renames there are (READ_AHEAD 2: several transactions); --dry-run renames nothing.
    Both folders live in the test's own temporary folder, so the order holds wherever the
    checkout is."""
    monkeypatch.setattr(ingest, "READ_AHEAD", 2)
    original, moved = tmp_path / "z_original", tmp_path / "a_moved"
    original.mkdir()
    moved.mkdir()
    files = [str(shutil.copy(f, original / Path(f).name)) for f in _samples()]
    copies = [str(shutil.copy(f, moved / Path(f).name)) for f in files]
    r = invoke(runner, "ingest", "--db", db, *files)
    assert r.exit_code == 0, r.output
    r = invoke(runner, "ingest", "--db", db, *(["--dry-run"] if dry_run else []), *copies)
    assert r.exit_code == 0 and f"{len(files)} already known" in r.output, r.output
    con = sqlite3.connect(db)
    paths = sorted(p for (p,) in con.execute("SELECT source_path FROM article"))
    problem_paths = {p for (p,) in con.execute("SELECT DISTINCT source_path FROM problem")}
    con.close()
    expected = files if dry_run else copies
    assert paths == sorted(expected)
    assert problem_paths <= set(expected)