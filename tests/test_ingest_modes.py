"""How an ingest runs must not change what it stores: worker processes or not, one article per
transaction or many. And the batching must keep its promises: an article that cannot be stored
costs only itself, and a worker that dies stops the ingest cleanly with whole articles kept.

Corpus: the bundled samples plus the held-out articles in tests/corpus (always present), and the
shared dev corpus when it is beside the checkout.
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from conftest import SAMPLES, UNDATED_SEED, db_rows, invoke, table_counts
from kospitl import parallel, store
from kospitl.db import open_db
from kospitl.ingest import expand, ingest_paths

HERE = Path(__file__).resolve().parent
SHARED_DEV = Path(os.environ.get("KOSPITL_SHARED", HERE.parent.parent / "shared")) / "corpus" / "dev"


def corpus() -> list[str]:
    folders = [SAMPLES, HERE / "corpus" / "holdout", HERE / "corpus" / "holdout2"]
    if SHARED_DEV.exists():
        folders.append(SHARED_DEV)
    files = [f for f in expand([str(p) for p in folders]) if not f.endswith(UNDATED_SEED)]
    assert len(files) >= 36
    return files


def exports(runner, db: str) -> tuple[str, str]:
    out = []
    for what in ("timeline", "observations"):
        r = invoke(runner, "export", what, "--db", db)
        assert r.exit_code == 0, r.output
        out.append(r.output)
    return out[0], out[1]


@pytest.fixture(scope="module")
def serial(tmp_path_factory):
    """One worker-less ingest, an article per transaction: the reference."""
    from click.testing import CliRunner

    db = str(tmp_path_factory.mktemp("serial") / "serial.db")
    r = invoke(CliRunner(), "ingest", "-q", "--db", db, "--jobs", "1", "--batch-size", "1", *corpus())
    assert r.exit_code in (0, 1) and "Error" not in r.output, r.output
    return db


@pytest.mark.parametrize("options", [("--jobs", "2", "--batch-size", "7"), ("--jobs", "3"), ()],
                         ids=["2-workers-batches-of-7", "3-workers-default-batches", "defaults"])
def test_workers_and_batches_store_what_a_serial_ingest_stores(runner, serial, tmp_path, options):
    db = str(tmp_path / "x.db")
    r = invoke(runner, "ingest", "-q", "--db", db, *options, *corpus())
    assert r.exit_code in (0, 1) and "Error" not in r.output, r.output
    assert exports(runner, db) == exports(runner, serial)
    assert table_counts(db) == table_counts(serial)


def test_a_duplicate_inside_one_batch_is_stored_once(runner, tmp_path, backend):
    files = corpus()[:6]
    copy = tmp_path / "copy.txt"
    copy.write_bytes(Path(files[2]).read_bytes())
    db = backend
    engine = open_db(db)
    report = ingest_paths(engine, files + [str(copy)], jobs=2, batch_size=50)
    assert [f.status for f in report.files] == ["new"] * 6 + ["known"]
    assert table_counts(db)["article"] == 6


def test_an_article_that_cannot_be_stored_costs_only_itself(runner, tmp_path, monkeypatch, backend):
    """A failure while storing one article of a batch (here an injected one) rolls back the
    batch, which is then written an article per transaction: only that article is missing."""
    files = corpus()[:12]
    bad = files[5]
    real = store.insert_problems

    def failing(conn, article_id, source, problems):
        if source == bad:
            raise RuntimeError("disk says no")
        return real(conn, article_id, source, problems)

    monkeypatch.setattr(store, "insert_problems", failing)
    db = backend  # on PostgreSQL the failed statement aborts the batch's transaction: rolled back, then retried
    report = ingest_paths(open_db(db), files, jobs=1, batch_size=50)
    errors = {f.path: f.error for f in report.files if f.error}
    assert list(errors) == [bad]
    assert errors[bad] == f"{bad}: could not be stored (RuntimeError: disk says no); nothing stored for it"
    monkeypatch.undo()

    ref = str(tmp_path / "ref.db")
    ingest_paths(open_db(ref), [f for f in files if f != bad], jobs=1, batch_size=1)
    assert exports(runner, db) == exports(runner, ref)


def test_a_worker_that_dies_stops_the_ingest_with_whole_articles_kept(runner, tmp_path, monkeypatch):
    """A worker killed by the system (here: it exits while reading one file) is a clear error;
    what was committed before stays whole, and running the ingest again finishes the job."""
    if not hasattr(os, "fork"):
        pytest.skip("workers inherit the patched function only when forked")
    import kospitl.ingest as ingest

    files = corpus()[:40]
    victim = files[30]
    real = ingest.prepare

    def dying(path, text, given):
        if path == victim:
            os._exit(9)
        return real(path, text, given)

    parallel.shutdown()  # the next pool is forked with the patched function
    monkeypatch.setattr(ingest, "prepare", dying)
    db = str(tmp_path / "w.db")
    r = invoke(runner, "ingest", "-q", "--db", db, "--jobs", "2", "--batch-size", "4", *files)
    parallel.shutdown()
    monkeypatch.undo()
    assert r.exit_code == 1
    assert r.output.startswith("Error: an extraction worker process died") and r.output.count("\n") == 1, r.output
    con = sqlite3.connect(db)
    try:
        kept = con.execute("SELECT COUNT(*) FROM article").fetchone()[0]
        orphans = con.execute("SELECT COUNT(*) FROM observation WHERE article_id NOT IN (SELECT id FROM article)"
                              ).fetchone()[0]
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        con.close()
    assert kept < 40 and orphans == 0
    r = invoke(runner, "ingest", "-q", "--db", db, *files)
    assert r.exit_code in (0, 1) and "Error" not in r.output, r.output
    ref = str(tmp_path / "ref.db")
    ingest_paths(open_db(ref), files, jobs=1)
    assert exports(runner, db) == exports(runner, ref)


def test_bad_files_are_reported_the_same_with_workers(runner, tmp_path):
    """Files that are not articles, mixed among good ones: the same one-line errors, in the same
    order, the same exit status and the same database, with workers or without."""
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "a_empty.txt").write_text("")
    (bad / "b_binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (bad / "c_latin1.txt").write_bytes("KOSPI rose 1.2 percent to 2,650.30 caf\xe9".encode("latin-1"))
    (bad / "d_html.html").write_text("<html><body><p>No market here.</p></body></html>")
    files = corpus()[:20] + sorted(str(p) for p in bad.iterdir()) + corpus()[20:40] + [str(tmp_path / "missing.txt")]
    results = []
    for jobs in ("1", "2"):
        db = str(tmp_path / f"j{jobs}.db")
        r = invoke(runner, "ingest", "--db", db, "--jobs", jobs, "--batch-size", "5", *files)
        errors = [line for line in r.output.splitlines() if line.startswith("Error: ")]
        results.append((r.exit_code, errors, exports(runner, db)))
    assert results[0] == results[1]
    exit_code, errors, _ = results[0]
    assert exit_code == 1 and len(errors) == 4, errors  # empty, binary, Latin-1, missing (HTML: a warning)
    assert "Traceback" not in "".join(errors)


def _state(db: str) -> tuple[list, list]:
    facts = db_rows(db, "SELECT date, kind, subject, metric, as_of, value, status, sources, articles, why "
                        "FROM fact ORDER BY date, kind, subject, metric, as_of")
    verdicts = db_rows(db, "SELECT date, kind, subject, metric, as_of, value, start, status, note "
                           "FROM observation ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9")
    return facts, verdicts


@pytest.mark.parametrize("order,backend", [("sorted", "sqlite"), ("reversed", "sqlite"), ("interleaved", "sqlite"),
                                           ("interleaved", "postgresql")], indirect=["backend"])
def test_incremental_reconciliation_equals_settling_everything_again(tmp_path, order, backend):
    """Ingesting article by article settles only the touched groups and the neighbours they can
    change; settling every group of the database again afterwards must change nothing."""
    files = corpus()
    files = {"sorted": files, "reversed": files[::-1], "interleaved": files[::2] + files[1::2]}[order]
    db = backend
    engine = open_db(db)
    ingest_paths(engine, files, jobs=1, batch_size=1)
    incremental = _state(db)
    with engine.begin() as conn:
        groups = {(d, s) for d, s in conn.exec_driver_sql("SELECT DISTINCT date, subject FROM observation")}
        groups |= {(d, s) for d, s in conn.exec_driver_sql("SELECT DISTINCT date, subject FROM fact")}
        store.reconcile_groups(conn, groups)
    assert _state(db) == incremental


def test_a_late_previous_close_corrects_the_next_session(tmp_path):
    """A stock's close is the next session's daily-limit base: when the earlier session arrives
    after the later one, the later session's 10x slip must be caught then (the forward
    neighbour is re-settled), exactly as if the articles had come in order."""
    day2 = tmp_path / "b_day2.txt"
    day2.write_text("Samsung rallies\nPublished: 03 Feb. 2026, 16:00\n\n"
                    "Samsung Electronics rose 1.5 percent to 2,030,000 won.\n")
    day1 = tmp_path / "a_day1.txt"
    day1.write_text("Samsung closes flat\nPublished: 02 Feb. 2026, 16:00\n\n"
                    "Samsung Electronics closed at 200,000 won.\n")
    states = []
    for order in ([day2, day1], [day1, day2]):
        db = str(tmp_path / f"{order[0].stem}.db")
        engine = open_db(db)
        for f in order:  # one ingest each: the second only touches its own session
            ingest_paths(engine, [str(f)], jobs=1)
        states.append(_state(db))
    assert states[0] == states[1]
    facts = {(f[0], f[3]): (f[5], f[6]) for f in states[0][0] if f[2] == "005930"}
    assert facts[("2026-02-03", "price")] == (203000.0, "conflict-resolved")



WIRE_VERSION = """(2nd LD) Seoul shares rise on large-cap tech shares
https://en.yna.co.kr/view/AEN20190220494485320
2019-02-20 15:41

SEOUL, Feb. 20 (Yonhap) -- Seoul shares closed higher Wednesday, led by tech shares.

The benchmark index added 4.97 points, or 0.16 percent, to 3,087.95.

Offshore investors net purchased {flow} billion won of shares.

(END)
"""


def test_the_timeline_does_not_depend_on_the_order_of_ingestion(tmp_path):
    """The same articles in three orders give the same facts, reasons and verdicts, though row
    ids (and so ``article:N`` witnesses) follow the order. Two versions of a wire story with the
    same tag and time, which disagree, are ranked by content, not by which came first."""
    versions = []
    for flow in ("395.3", "395.4"):
        path = tmp_path / f"wire_{flow}.txt"
        path.write_text(WIRE_VERSION.format(flow=flow), encoding="utf-8")
        versions.append(str(path))
    files = corpus() + versions
    states = []
    for i, order in enumerate((files, files[::-1], files[1::2] + files[::2])):
        db = str(tmp_path / f"o{i}.db")
        ingest_paths(open_db(db), order, jobs=1)
        states.append(_state(db))
    flows = [f for f in states[0][0] if f[0] == "2019-02-20" and f[2] == "foreign"]
    assert len(flows) == 1 and flows[0][5] in (395.3e9, 395.4e9)
    assert states[0] == states[1] == states[2]
