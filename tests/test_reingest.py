"""Re-ingesting known articles is cheap (issue 15): a file unchanged since it was read costs a
``stat`` and a look-up (tests/test_files_read.py); another one reading, hashing and a batched
look-up of the hashes; no worker process is started and the extraction is not imported while every file is
known; the workers start with the first unknown file. What a re-ingest reports and changes stays
as it was: "already known", and a known text read from a smaller path takes that path."""
from __future__ import annotations

import json
import os
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
from kospitl.errors import ArticleError

HOLDOUT = ROOT / "tests" / "corpus" / "holdout"

# in a new interpreter: which statuses an ingest reports, whether it started workers, whether
# it imported the extraction (the test process itself has long imported it)
CHILD = """
import json, sys
from kospitl import parallel
from kospitl.db import open_db
from kospitl.errors import ArticleError
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

def test_a_changed_file_is_read_again(db, tmp_path):
    """A file changed since it was ingested, with its size and modification time kept as they
    were, is read again and is a new article (and the others are known). (Its status change
    time moved: tests/test_files_read.py has the other cases.)"""
    files = [str(shutil.copy(p, tmp_path / Path(p).name)) for p in _samples()]
    engine = open_db(db)
    assert [f.status for f in ingest.ingest_paths(engine, files).files] == ["new"] * len(files)
    changed = Path(files[1])
    before = changed.stat()
    text = changed.read_text(encoding="utf-8")
    digit = next(i for i, ch in enumerate(text) if ch.isdigit())
    changed.write_text(text[:digit] + str((int(text[digit]) + 1) % 10) + text[digit + 1:], encoding="utf-8")
    os.utime(changed, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (changed.stat().st_size, changed.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    report = ingest.ingest_paths(engine, files)
    engine.dispose()
    assert {f.path: f.status for f in report.files} == {p: "new" if p == str(changed) else "known" for p in files}
    con = sqlite3.connect(db)
    hashes = {h for (h,) in con.execute("SELECT content_hash FROM article")}
    con.close()
    assert content_hash(changed.read_text(encoding="utf-8")) in hashes


@pytest.mark.parametrize("size", [1, 4095, 4096, 65537])
def test_read_text_reads_the_whole_file(tmp_path, size):
    """read_text reads through a descriptor what the file holds, whatever its size, and a file
    that holds more than its size says (a file of /proc says 0) to its end."""
    words = ("KOSPI rose 1.2 percent. " * (size // 24 + 1))[:size - 1] + "\n" if size > 1 else "x"
    p = tmp_path / "a.txt"
    p.write_text(words, encoding="utf-8")
    if size > 1:
        assert read_text(p) == words
    else:
        with pytest.raises(ArticleError, match="no words"):
            read_text(p)
    status = read_text("/proc/self/status")
    assert Path("/proc/self/status").stat().st_size == 0
    assert status.startswith("Name:") and "nonvoluntary_ctxt_switches:" in status  # its first and last lines
