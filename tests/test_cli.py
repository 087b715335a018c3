"""The CLI through click's runner, on real SQLite files and real PostgreSQL databases."""
from __future__ import annotations

import csv
import io

import pytest

from conftest import SAMPLES, UNDATED_DATE, UNDATED_SEED, db_rows, ingest_seeds, invoke, table_counts


@pytest.fixture
def db(backend: str) -> str:
    """Each test on both backends: a SQLite file, then a PostgreSQL database."""
    return backend


def _count(db: str, sql: str) -> int:
    return int(db_rows(db, sql)[0][0])


def test_reingest_changes_nothing(runner, db):
    ingest_seeds(runner, db)
    before = table_counts(db)
    r = invoke(runner, "ingest", "--db", db, str(SAMPLES))
    assert r.exit_code == 0
    assert "7 already known (unchanged)" in r.output
    r = invoke(runner, "ingest", "--db", db, "--date", UNDATED_DATE, str(SAMPLES / UNDATED_SEED))
    assert "1 already known" in r.output
    assert table_counts(db) == before


def test_undated_article_gives_problems_not_facts(runner, db):
    r = invoke(runner, "ingest", "--db", db, str(SAMPLES / UNDATED_SEED))
    assert r.exit_code == 1  # problems of severity error remain
    assert "the article states no date and none was given (use --date)" in r.output
    assert _count(db, "SELECT COUNT(*) FROM observation") == 0
    assert _count(db, "SELECT COUNT(*) FROM fact") == 0
    n = _count(db, "SELECT COUNT(*) FROM problem WHERE code = 'no-date'")
    assert n >= 20
    # supplying the date later re-dates the article: problems go, facts come
    r = invoke(runner, "ingest", "--db", db, "--date", UNDATED_DATE, str(SAMPLES / UNDATED_SEED))
    assert "1 re-dated" in r.output
    assert _count(db, "SELECT COUNT(*) FROM problem") == 0
    dates = {d for (d,) in db_rows(db, "SELECT DISTINCT date FROM observation")}
    assert UNDATED_DATE in dates


BAD_FILES = {
    "empty.txt": (b"", "empty file"),
    "blank.txt": (b"  \n\t \n", "empty file"),
    "binary.txt": (bytes(range(256)) * 4, "binary"),
    "latin1.txt": ("KOSPI rose 1.2 percent to 4,000.12 \u2014 caf\u00e9".encode("latin-1", "replace") + b"\xe9\xff", "not UTF-8"),
    "utf16.txt": ("KOSPI rose".encode("utf-16"), "UTF-16"),
}


def test_bad_files_are_one_line_errors_and_others_still_ingest(runner, db, tmp_path):
    paths = []
    for name, (data, _) in BAD_FILES.items():
        p = tmp_path / name
        p.write_bytes(data)
        paths.append(str(p))
    good = str(SAMPLES / "002_4f409d777393ce93.txt")
    r = invoke(runner, "ingest", "--db", db, *paths, good, str(tmp_path / "missing.txt"))
    assert r.exit_code == 1
    errors = [line for line in r.output.splitlines() if line.startswith("Error: ")]
    assert len(errors) == len(BAD_FILES) + 1
    for (name, (_, reason)), line in zip(BAD_FILES.items(), errors):
        assert line.startswith(f"Error: {tmp_path / name}: ") and reason in line, line
    assert "no such file" in errors[-1]
    assert "Traceback" not in r.output
    assert [p for (p,) in db_rows(db, "SELECT source_path FROM article")] == [good]


def test_dry_run_writes_nothing(runner, db):
    invoke(runner, "ingest", "--db", db, str(SAMPLES / "002_4f409d777393ce93.txt"))
    before = table_counts(db)
    r = invoke(runner, "ingest", "--db", db, "--dry-run", str(SAMPLES))
    assert r.exit_code == 1  # the undated sample's figures are problems of severity error
    assert "6 new, 0 re-dated, 1 already known (unchanged)" in r.output
    assert "[dry run: nothing written]" in r.output
    assert table_counts(db) == before


def test_export_columns_follow_the_vocabulary(runner, db):
    ingest_seeds(runner, db)
    r = invoke(runner, "export", "observations", "--db", db)
    header = next(csv.reader(io.StringIO(r.output)))
    assert header[:9] == ["date", "kind", "subject", "metric", "as_of", "value", "article", "approx", "evidence"]
    r = invoke(runner, "export", "timeline", "--db", db)
    rows = list(csv.DictReader(io.StringIO(r.output)))
    assert list(rows[0])[:8] == ["date", "kind", "subject", "metric", "as_of", "value", "status", "sources"]
    flows = {(x["date"], x["subject"]): x["value"] for x in rows if x["kind"] == "flow"}
    assert flows[("2026-01-02", "foreign")] == "644680000000"
    assert flows[("2026-01-02", "individual")] == "-454430000000"
    assert {x["status"] for x in rows} <= {"agreed", "single", "conflict-resolved", "derived"}


def test_timeline_table_and_filters(runner, db):
    ingest_seeds(runner, db)
    r = invoke(runner, "timeline", "--db", db, "--subject", "KOSPI", "--kind", "index", "--metric", "close",
               "--from", "2026-01-02", "--to", "2026-01-07")
    lines = r.output.splitlines()
    assert lines[0].split() == ["date", "kind", "subject", "metric", "as_of", "value", "status", "sources", "articles",
                                "why"]
    body = [line.split() for line in lines[2:]]
    assert [(b[0], b[5]) for b in body] == [("2026-01-02", "4309.63"), ("2026-01-05", "4457.52"),
                                           ("2026-01-06", "4525.48"), ("2026-01-07", "4551.06")]
    assert body[2][6:8] == ["agreed", "4"]  # the Yonhap 01-07 story's arithmetic (close − change) is one of them
    assert body[1][6] == "derived"


def test_kospitl_db_environment_variable(runner, tmp_path, monkeypatch):
    target = tmp_path / "env.db"
    monkeypatch.setenv("KOSPITL_DB", str(target))
    r = invoke(runner, "ingest", str(SAMPLES / "002_4f409d777393ce93.txt"))
    assert r.exit_code == 0
    assert target.exists()


def test_kospitl_db_names_a_server_too(runner, db, monkeypatch):
    monkeypatch.setenv("KOSPITL_DB", db)
    assert invoke(runner, "ingest", "-q", str(SAMPLES / "002_4f409d777393ce93.txt")).exit_code == 0
    assert _count(db, "SELECT COUNT(*) FROM article") == 1


def test_not_a_database(runner, tmp_path):
    p = tmp_path / "notes.db"
    p.write_text("hello")
    r = invoke(runner, "timeline", "--db", str(p))
    assert r.exit_code == 1
    assert r.output.strip() == f"Error: {p}: not a SQLite database"
