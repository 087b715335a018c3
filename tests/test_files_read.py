"""A re-ingest does not read a file unchanged since it was read (table ``file_read``, migration
0008): its ``stat`` (size, mtime_ns, ctime_ns, inode) and a look-up say it is the article it was.
Any change of those, and a file racily clean at its recorded read (modified within RACY_NS of it,
where a write just after the read could leave every figure as it was), make it read and hashed as
before. Each case ingests its files once, changes something, ingests them again: the statuses and
the files actually read are compared with what is expected."""
from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path
from typing import Callable

import pytest

from conftest import SAMPLES, UNDATED_SEED, db_rows, invoke
from kospitl import files_read, ingest
from kospitl.articles import content_hash, read_text_stat
from kospitl.db import alembic_config, open_db


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """The files an ingest opens and reads (``read_text_stat``, the only way in), by name."""
    got: list[str] = []

    def spy(path):
        got.append(Path(path).name)
        return read_text_stat(path)

    monkeypatch.setattr(ingest, "read_text_stat", spy)
    return got


@pytest.fixture
def trusted_at_once(monkeypatch) -> None:
    """Files made a moment ago are racily clean for 2 s; the cases that are not about that take
    a read after the file's last change as trustworthy (the rule is unchanged: times < read)."""
    monkeypatch.setattr(files_read, "RACY_NS", 0)


def _files(folder: Path) -> list[Path]:
    folder.mkdir(exist_ok=True)
    return [Path(shutil.copy(p, folder / p.name)) for p in sorted(SAMPLES.glob("*.txt")) if p.name != UNDATED_SEED]


def _edit_keeping_size_and_mtime(p: Path) -> None:
    before = p.stat()
    text = p.read_text(encoding="utf-8")
    i = next(i for i, ch in enumerate(text) if ch.isdigit())
    p.write_text(text[:i] + str((int(text[i]) + 1) % 10) + text[i + 1:], encoding="utf-8")
    os.utime(p, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (p.stat().st_size, p.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)


def _recorded(db: str) -> dict[str, tuple]:
    return {Path(p).name: rest for p, *rest in db_rows(db, "SELECT path, size, mtime_ns, ctime_ns, inode, content_hash, "
                                                            "read_at_ns FROM file_read")}


def _doctor(db: str, p: Path, read_after_change_ns: int) -> None:
    """The row of ``p`` as a file system of coarse timestamps would leave it after an edit just
    after the read: every figure the file shows now, the old hash, the read ``read_after_change_ns``
    after the file's last change."""
    st = p.stat()
    con = sqlite3.connect(db)
    con.execute("UPDATE file_read SET size = ?, mtime_ns = ?, ctime_ns = ?, inode = ?, read_at_ns = ? WHERE path = ?",
                (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino,
                 max(st.st_mtime_ns, st.st_ctime_ns) + read_after_change_ns, files_read.key(str(p))))
    assert con.total_changes == 1
    con.commit()
    con.close()


def _unchanged(db, files):
    return [], "known"


def _edited(db, files):
    _edit_keeping_size_and_mtime(files[1])
    return [files[1].name], {files[1].name: "new"}


def _racily_clean(db, files):
    _edit_keeping_size_and_mtime(files[1])
    _doctor(db, files[1], files_read.RACY_NS)  # read within the granularity of the change (at its bound)
    return [files[1].name], {files[1].name: "new"}


def _clean_long_after(db, files):
    """The same doctored row, read long after its change: trusted, not read (the stale hash wins,
    as it would for git): what the racy rule alone prevents in the case above."""
    _edit_keeping_size_and_mtime(files[1])
    _doctor(db, files[1], files_read.RACY_NS + 10**9)
    return [], "known"


def _moved(db, files):
    target = files[2].with_name("moved_" + files[2].name)
    os.rename(files[2], target)
    files[2] = target
    return [target.name], "known"


def _recreated_same_text(db, files):
    text = files[0].read_bytes()
    files[0].unlink()
    files[0].write_bytes(text)
    return [files[0].name], "known"


def _recreated_other_text(db, files):
    text = files[0].read_text(encoding="utf-8")
    files[0].unlink()
    files[0].write_text(text.replace("KOSPI", "KOSPI ", 1), encoding="utf-8")
    return [files[0].name], {files[0].name: "new"}


def _same_text_twice(db, files):
    twin = files[3].with_name("twin_" + files[3].name)
    shutil.copy(files[3], twin)
    files.append(twin)
    return [twin.name], "known"


def _row_of_a_removed_article(db, files):
    con = sqlite3.connect(db)
    con.execute("UPDATE file_read SET content_hash = ? WHERE path = ?", ("0" * 64, files_read.key(str(files[4]))))
    con.commit()
    con.close()
    return [files[4].name], "known"


CASES: list[tuple[str, Callable]] = [
    ("unchanged: a stat and a look-up", _unchanged),
    ("edited, size and mtime kept (ctime moves)", _edited),
    ("racily clean: every figure as recorded, read within RACY_NS of the change", _racily_clean),
    ("the same row read long after the change: trusted", _clean_long_after),
    ("moved: another path", _moved),
    ("deleted and re-created with the same text", _recreated_same_text),
    ("deleted and re-created with another text", _recreated_other_text),
    ("the same text at a second path", _same_text_twice),
    ("a row naming no stored article", _row_of_a_removed_article),
]


@pytest.mark.parametrize("change", [c for _, c in CASES], ids=[i for i, _ in CASES])
def test_a_file_is_read_again_only_when_it_may_have_changed(db, tmp_path, reads, trusted_at_once, change):
    files = _files(tmp_path / "articles")
    engine = open_db(db)
    assert {f.status for f in ingest.ingest_paths(engine, [str(p) for p in files]).files} == {"new"}
    assert sorted(_recorded(db)) == sorted(p.name for p in files)
    reads.clear()
    read, statuses = change(db, files)
    report = ingest.ingest_paths(engine, [str(p) for p in files])
    assert sorted(reads) == sorted(read)
    want = {p.name: statuses if isinstance(statuses, str) else statuses.get(p.name, "known") for p in files}
    assert {Path(f.path).name: f.status for f in report.files} == want
    rows = _recorded(db)
    for p in files:  # every file is recorded as it is now, under its own path, with its text's hash
        st = p.stat()
        size, mtime, ctime, inode, h, _read_at = rows[p.name]
        assert (size, mtime, ctime, inode) == (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
        if change is not _clean_long_after:
            assert h == content_hash(p.read_text(encoding="utf-8"))
    reads.clear()
    ingest.ingest_paths(engine, [str(p) for p in files])  # now recorded as they are: nothing read
    engine.dispose()
    assert reads == []


def test_a_fresh_file_is_racily_clean_until_it_is_older_than_its_read(db, tmp_path, reads, monkeypatch):
    """With the real RACY_NS, files written a moment before their read are read again, and the
    read recorded anew; once a recorded read follows the last change by more than RACY_NS, they
    are not."""
    files = [str(p) for p in _files(tmp_path / "articles")]
    engine = open_db(db)
    ingest.ingest_paths(engine, files)
    reads.clear()
    before = _recorded(db)
    assert [f.status for f in ingest.ingest_paths(engine, files).files] == ["known"] * len(files)
    assert len(reads) == len(files)
    after = _recorded(db)
    assert all(after[n][5] > before[n][5] for n in after)  # read again: recorded with the new read
    con = sqlite3.connect(db)  # as if that read had come 3 s later
    con.execute("UPDATE file_read SET read_at_ns = read_at_ns + ?", (files_read.RACY_NS + 10**9,))
    con.commit()
    con.close()
    reads.clear()
    assert [f.status for f in ingest.ingest_paths(engine, files).files] == ["known"] * len(files)
    engine.dispose()
    assert reads == []


def test_a_date_given_again_reads_the_file(runner, db, tmp_path, reads, trusted_at_once):
    """An unchanged undated file given another --date is read and re-dated (the recorded read
    stands for the text, not for the date applied)."""
    undated = Path(shutil.copy(SAMPLES / UNDATED_SEED, tmp_path / UNDATED_SEED))
    for day, status, read in (("2026-02-25", "new", 1), ("2026-02-25", "known", 0), ("2026-02-26", "redated", 1),
                              ("2026-02-26", "known", 0)):
        reads.clear()
        engine = open_db(db)
        got = ingest.ingest_paths(engine, [str(undated)], given=ingest.check_date(day))
        engine.dispose()
        assert ([f.status for f in got.files], len(reads)) == ([status], read), day
    assert db_rows(db, "SELECT given_date FROM article") == [("2026-02-26",)]


def test_reprocess_keeps_the_files_known(runner, db, tmp_path, reads, trusted_at_once):
    files = [str(p) for p in _files(tmp_path / "articles")]
    r = invoke(runner, "ingest", "--db", db, *files)
    assert r.exit_code == 0, r.output
    assert invoke(runner, "reprocess", "--db", db).exit_code == 0
    reads.clear()
    r = invoke(runner, "ingest", "--db", db, *files)
    assert r.exit_code == 0 and f"{len(files)} already known" in r.output, r.output
    assert reads == []


def test_dry_run_records_nothing_and_a_file_that_is_no_article_is_read_each_time(runner, db, tmp_path, reads,
                                                                                trusted_at_once):
    files = [str(p) for p in _files(tmp_path / "articles")]
    bad = tmp_path / "articles" / "empty.txt"
    bad.write_text("")
    open_db(db).dispose()
    r = invoke(runner, "ingest", "--db", db, "--dry-run", *files)
    assert r.exit_code == 0 and _recorded(db) == {}
    for _ in range(2):
        reads.clear()
        r = invoke(runner, "ingest", "--db", db, *files, str(bad))
        assert r.exit_code == 1 and "empty file" in r.output
        assert "empty.txt" in reads
    assert sorted(_recorded(db)) == sorted(Path(p).name for p in files)


def test_the_stat_path_on_both_backends(runner, backend, tmp_path, reads, trusted_at_once):
    """PostgreSQL holds the 64-bit figures (BIGINT) and answers the same look-up."""
    files = [str(p) for p in _files(tmp_path / "articles")]
    assert invoke(runner, "ingest", "--db", backend, *files).exit_code == 0
    reads.clear()
    r = invoke(runner, "ingest", "--db", backend, *files)
    assert r.exit_code == 0 and f"{len(files)} already known" in r.output, r.output
    assert reads == []
    rows = db_rows(backend, "SELECT path, mtime_ns, read_at_ns FROM file_read ORDER BY path")
    assert [r[0] for r in rows] == sorted(files_read.key(p) for p in files)
    assert all(read_at > mtime > 10**18 for _, mtime, read_at in rows)


def test_an_inode_above_2_63_is_stored_and_matched(db):
    class St:  # what os.stat gives on a file system of 64-bit inode numbers
        st_size, st_mtime_ns, st_ctime_ns, st_ino, st_mode = 10, 1, 2, 2**64 - 5, 0o100644

    seen = files_read.seen("/x/a.txt", St, "h", 3 * 10**9)  # type: ignore[arg-type]
    assert seen.inode == -5
    rec = files_read.Recorded(10, 1, 2, seen.inode, seen.read_at_ns, {})
    assert rec.unchanged(St)  # type: ignore[arg-type]


def test_a_downgrade_drops_the_table_and_an_upgrade_starts_it_empty(runner, db, tmp_path, reads, trusted_at_once):
    """Migration 0008 down and up again: the rows of the other tables as they were, the files
    read once more (and recorded) by the next re-ingest, then not."""
    from alembic import command

    files = [str(p) for p in _files(tmp_path / "articles")]
    assert invoke(runner, "ingest", "--db", db, *files).exit_code == 0
    engine = open_db(db)
    with engine.connect() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0007")
        conn.commit()
    engine.dispose()
    con = sqlite3.connect(db)
    assert not con.execute("SELECT 1 FROM sqlite_master WHERE name = 'file_read'").fetchone()
    con.close()
    for expected_reads in (len(files), 0):
        reads.clear()
        r = invoke(runner, "ingest", "--db", db, *files)  # the first upgrades the file to 0008
        assert r.exit_code == 0 and f"{len(files)} already known" in r.output, r.output
        assert len(reads) == expected_reads
