"""The boundary: what a mistyped path, another application's file, a hostile query or a bad
option does, as an example table.

Each row is one command run through the CLI (click's CliRunner) in a fresh folder holding a
database in the state the row names (``seeded``: a copy of a database with the sample articles;
``missing``: no file; ``other-app``, ``truncated``... below). The row gives the expected exit
status and a regular expression the output must match (for a refusal, the one line
``Error: ...``), and every row asserts the same invariants afterwards: no traceback, and the
database file byte-identical to what it was (or still absent), with no other file created in
the folder except SQLite's own ``-wal``/``-shm`` beside an existing database and the files the
row says it writes.
"""
from __future__ import annotations

import os
import re
import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pytest
from click.testing import CliRunner

from conftest import SAMPLES, ingest_seeds, invoke
from crash_harness import copy_db

from kospitl.db import open_db

SEEDED_DAY = "2026-01-02"


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("seeded") / "seeded.db")
    ingest_seeds(CliRunner(), db)
    return db


# ---- the states a database path can be in ------------------------------------------------------

def _seeded(seeded: str, db: Path) -> None:
    copy_db(seeded, str(db))


def _missing(seeded: str, db: Path) -> None:
    pass


def _other_app(seeded: str, db: Path) -> None:
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    con.execute("INSERT INTO notes (body) VALUES ('my shopping list')")
    con.commit()
    con.close()


def _other_app_with_alembic(seeded: str, db: Path) -> None:
    """Another Alembic-managed application's database: an alembic_version, but not kospitl's."""
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
    con.execute("INSERT INTO alembic_version VALUES ('0001')")
    con.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)")
    con.commit()
    con.close()


def _truncated(seeded: str, db: Path) -> None:
    copy_db(seeded, str(db))
    data = db.read_bytes()
    db.write_bytes(data[:3000])


def _header_only(seeded: str, db: Path) -> None:
    copy_db(seeded, str(db))
    db.write_bytes(db.read_bytes()[:100])


def _corrupt(seeded: str, db: Path) -> None:
    """A page of the schema overwritten: the file starts like SQLite but cannot be read."""
    copy_db(seeded, str(db))
    data = bytearray(db.read_bytes())
    data[100:4096] = b"\xa5" * (4096 - 100)
    db.write_bytes(bytes(data))


def _text_file(seeded: str, db: Path) -> None:
    db.write_text("date,value\n2026-01-02,4309.63\n", encoding="utf-8")


def _emptied_alembic_version(seeded: str, db: Path) -> None:
    copy_db(seeded, str(db))
    con = sqlite3.connect(db)
    con.execute("DELETE FROM alembic_version")
    con.commit()
    con.close()


def _directory(seeded: str, db: Path) -> None:
    db.mkdir()


STATES: dict[str, Callable[[str, Path], None]] = {
    "seeded": _seeded, "missing": _missing, "other-app": _other_app,
    "other-alembic-app": _other_app_with_alembic, "truncated": _truncated, "header-only": _header_only,
    "corrupt": _corrupt, "text-file": _text_file, "emptied-alembic-version": _emptied_alembic_version,
    "directory": _directory,
}

READ_COMMANDS = [["timeline"], ["show", SEEDED_DAY], ["problems"], ["conflicts"], ["check"],
                 ["export", "timeline"], ["sources", SEEDED_DAY, "index", "KOSPI", "close"],
                 ["query", "SELECT 1"], ["datasette-metadata"], ["reprocess"], ["reprocess", "--dry-run"]]


@dataclass
class Row:
    id: str
    args: list[str]  # {db} is the database path, {dir} the folder, {good} a sample article
    state: str
    exit: int
    output: str  # a regular expression searched in the output (stdout and stderr)
    why: str
    db_name: str = "k.db"
    writes: tuple[str, ...] = ()  # files the command is meant to create in {dir}
    db_changes: bool = False  # the row writes the database (ingest, override): only the no-traceback check
    check: Callable[[Path, str], None] | None = None


GOOD = str(SAMPLES / "003_fcfe2bea72860407.txt")


def _csv_neutralised(folder: Path, output: str) -> None:
    text = (folder / "out.csv").read_text(encoding="utf-8")
    assert ",-601200000000," in text or ",-" in text  # numbers stay numbers (a net sale is negative)
    for line in text.splitlines()[1:]:
        for cell in line.split(","):
            assert not re.match(r'^"?[=+@\t\r]', cell), line


ROWS: list[Row] = [
    # -- read commands and a database that is not there, or not kospitl's ------------------------
    *[Row(f"{a[0]}{'-' + a[1] if a[1:2] == ['--dry-run'] else ''}-missing", [*a, "--db", "{db}"], "missing", 1,
          r"^Error: \S*k\.db: no such database \(ingest creates one\)$",
          "a mistyped --db must not create a 660 KB database") for a in READ_COMMANDS],
    *[Row(f"{a[0]}{'-' + a[1] if a[1:2] == ['--dry-run'] else ''}-other-app", [*a, "--db", "{db}"], "other-app", 1,
          r"^Error: \S*k\.db: not a kospitl database",
          "another application's SQLite file is never converted (no schema added, no WAL)")
      for a in READ_COMMANDS],
    Row("ingest-other-app", ["ingest", "--db", "{db}", "{good}"], "other-app", 1,
        r"^Error: \S*k\.db: not a kospitl database", "ingest does not take over another application's file"),
    Row("ingest-other-alembic-app", ["ingest", "--db", "{db}", "{good}"], "other-alembic-app", 1,
        r"^Error: \S*k\.db: not a kospitl database", "an alembic_version table alone does not make it kospitl's"),
    Row("override-other-app", ["override", SEEDED_DAY, "index", "KOSPI", "close", "4309.63", "--note", "x",
                               "--db", "{db}"], "other-app", 1,
        r"^Error: \S*k\.db: not a kospitl database", "override does not take over another application's file"),
    Row("ingest-dry-run-missing", ["ingest", "--dry-run", "--db", "{db}", "{good}"], "missing", 0,
        r"would add \d+ observation\(s\).*\[dry run: nothing written\]", "--dry-run writes nothing, not even a new file"),
    Row("ingest-dry-run-seeded", ["ingest", "--dry-run", "--db", "{db}", "{good}"], "seeded", 0,
        r"1 already known", "--dry-run on a database reads it only"),
    Row("ingest-truncated", ["ingest", "--db", "{db}", "{good}"], "truncated", 1,
        r"^Error: \S*k\.db: (truncated|corrupt)", "a truncated file is refused, not rebuilt"),
    Row("timeline-truncated", ["timeline", "--db", "{db}"], "truncated", 1,
        r"^Error: \S*k\.db: (truncated|corrupt)", "a truncated file is refused"),
    Row("timeline-header-only", ["timeline", "--db", "{db}"], "header-only", 1,
        r"^Error: \S*k\.db: truncated SQLite file \(100 bytes\)", "a header-only file is refused"),
    Row("ingest-header-only", ["ingest", "--db", "{db}", "{good}"], "header-only", 1,
        r"^Error: \S*k\.db: truncated SQLite file", "a header-only file is refused"),
    Row("timeline-corrupt", ["timeline", "--db", "{db}"], "corrupt", 1,
        r"^Error: \S*k\.db: corrupt or unreadable database", "a corrupt file is refused"),
    Row("ingest-corrupt", ["ingest", "--db", "{db}", "{good}"], "corrupt", 1,
        r"^Error: \S*k\.db: corrupt or unreadable database", "a corrupt file is refused"),
    Row("timeline-text-file", ["timeline", "--db", "{db}"], "text-file", 1,
        r"^Error: \S*k\.db: not a SQLite database$", "a text file is not a database"),
    Row("ingest-emptied-alembic-version", ["ingest", "--db", "{db}", "{good}"], "emptied-alembic-version", 1,
        r"^Error: \S*k\.db: its schema revision is missing", "the schema is not re-created over the data"),
    Row("timeline-emptied-alembic-version", ["timeline", "--db", "{db}"], "emptied-alembic-version", 1,
        r"^Error: \S*k\.db: its schema revision is missing", "as for ingest"),
    Row("timeline-directory", ["timeline", "--db", "{dir}/k.db"], "directory", 2,
        r"is a directory", "a folder is not a database"),
    Row("ingest-missing-folder", ["ingest", "--db", "{dir}/no/such/folder/k.db", "{good}"], "missing", 1,
        r"^Error: \S*k\.db: no such folder", "ingest creates a file, not folders"),
    Row("timeline-missing-folder", ["timeline", "--db", "{dir}/nofolder/k.db"], "missing", 1,
        r"^Error: \S*k\.db: no such database \(ingest creates one\)$", "as a missing file"),
    # -- --db is a file name, never a URI --------------------------------------------------------
    Row("db-name-with-question-mark", ["ingest", "-q", "--db", "{dir}/data?cache=shared.db", "{good}"], "missing", 0,
        r"^$", "'data?cache=shared.db' is a file name (was parsed as a URI: wrote ./data)",
        db_name="data?cache=shared.db", writes=("data?cache=shared.db",), db_changes=True,
        check=lambda folder, out: _only_named(folder, "data?cache=shared.db")),
    Row("db-name-with-percent", ["ingest", "-q", "--db", "{dir}/pct%41.db", "{good}"], "missing", 0,
        r"^$", "'pct%41.db' is a file name (was decoded to pctA.db)", db_name="pct%41.db",
        writes=("pct%41.db",), db_changes=True, check=lambda folder, out: _only_named(folder, "pct%41.db")),
    # -- -o --------------------------------------------------------------------------------------
    Row("export-o-missing-folder", ["export", "timeline", "--db", "{db}", "-o", "{dir}/nofolder/t.csv"], "seeded", 1,
        r"^Error: -o \S*t\.csv: no such folder", "nothing is created, the cause named"),
    Row("export-o-dev-full", ["export", "timeline", "--db", "{db}", "-o", "/dev/full"], "seeded", 1,
        r"^Error: -o /dev/full: cannot write \(No space left on device\)$", "a full disk is one line"),
    Row("metadata-o-dev-full", ["datasette-metadata", "--db", "{db}", "-o", "/dev/full"], "seeded", 1,
        r"^Error: -o /dev/full: cannot write", "as for export"),
    Row("export-o-directory", ["export", "timeline", "--db", "{db}", "-o", "{dir}"], "seeded", 2,
        r"is a directory", "click refuses a folder"),
    Row("export-csv-neutralised", ["export", "timeline", "--db", "{db}", "-o", "{dir}/out.csv"], "seeded", 0,
        r"^$", "text cells that start with = + - @ are neutralised, numbers stay numbers",
        writes=("out.csv",), check=_csv_neutralised),
    # -- query: a sandbox ------------------------------------------------------------------------
    Row("query-attach", ["query", "--db", "{db}", "ATTACH DATABASE '{dir}/x.db' AS e"], "seeded", 1,
        r"^Error: query: ATTACH \(or VACUUM INTO\) of '\S*x\.db' is not allowed", "ATTACH created a file"),
    Row("query-vacuum-into", ["query", "--db", "{db}", "VACUUM INTO '{dir}/copy.db'"], "seeded", 1,
        r"^Error: query: ATTACH \(or VACUUM INTO\)", "VACUUM INTO writes a file, even from a read-only connection"),
    Row("query-fts3-tokenizer", ["query", "--db", "{db}", "SELECT hex(fts3_tokenizer('simple'))"], "seeded", 1,
        r"^Error: query: the function fts3_tokenizer\(\) is not allowed", "it leaked a pointer"),
    Row("query-pragma-write", ["query", "--db", "{db}", "PRAGMA user_version = 7"], "seeded", 1,
        r"^Error: query: PRAGMA user_version = 7 is not allowed", "pragmas that change state are refused"),
    Row("query-pragma-journal", ["query", "--db", "{db}", "PRAGMA journal_mode = DELETE"], "seeded", 1,
        r"^Error: query: PRAGMA journal_mode = DELETE is not allowed", "as above"),
    Row("query-pragma-read", ["query", "--db", "{db}", "--csv", "SELECT name FROM pragma_table_info('fact') LIMIT 2"],
        "seeded", 0, r"^name\nid\ndate\n$", "pragmas that report are allowed"),
    Row("query-delete", ["query", "--db", "{db}", "DELETE FROM fact"], "seeded", 1,
        r"^Error: query: DELETE is not allowed", "writes are refused"),
    Row("query-temp-table", ["query", "--db", "{db}", "CREATE TEMP TABLE t AS SELECT * FROM fact"], "seeded", 1,
        r"^Error: query: CREATE or DROP is not allowed", "no temporary objects"),
    Row("query-timeout", ["query", "--db", "{db}", "--timeout", "0.5",
                          "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT max(x) FROM c"],
        "seeded", 1, r"^Error: query: stopped after 0.5 s \(--timeout\)$", "a runaway query stops"),
    Row("query-missing-parameter", ["query", "--db", "{db}", "SELECT :x"], "seeded", 1,
        r"^Error: query: no value for :x \(give it with -p x VALUE\)$", "was a traceback"),
    Row("query-colon-in-literal", ["query", "--db", "{db}", "--csv", "SELECT ':word' AS w, :v AS v", "-p", "v", "1"],
        "seeded", 0, r"^w,v\n:word,1\n$", "':word' inside a string literal is text, not a parameter"),
    Row("query-typed-parameter", ["query", "--db", "{db}", "--csv",
                                  "SELECT COUNT(*) AS n FROM session WHERE close > :v", "-p", "v", "4500"],
        "seeded", 0, r"^n\n[1-9]\d*\n$", "-p v 4500 binds a number (as text, close > :v matched nothing)"),
    Row("query-text-parameter", ["query", "--db", "{db}", "--csv", "SELECT typeof(:t) AS t", "-p", "t:text", "005930"],
        "seeded", 0, r"^t\ntext\n$", "NAME:text keeps a ticker text"),
    Row("query-code-parameter", ["query", "--db", "{db}", "--csv", "SELECT typeof(:t) AS t", "-p", "t", "005930"],
        "seeded", 0, r"^t\ntext\n$", "digits with a leading zero are a code (a ticker), not the number 5930"),
    Row("query-two-statements", ["query", "--db", "{db}", "SELECT 1; SELECT 2"], "seeded", 1,
        r"^Error: query: ", "one statement"),
    Row("query-syntax", ["query", "--db", "{db}", "SELEC 1"], "seeded", 1, r"^Error: query: .*syntax error",
        "an SQL error is one line"),
    # -- found by a small fuzz of the options ---------------------------------------------------
    Row("db-empty-name", ["timeline", "--db", ""], "missing", 2, r"Invalid value for '--db': an empty file name",
        "an empty --db fell back to ./kospitl.db"),
    Row("db-device", ["ingest", "--db", "/dev/null", "{good}"], "seeded", 1,
        r"^Error: /dev/null: not a regular file, not a database$", "a device is not a database"),
    Row("query-empty", ["query", "--db", "{db}", "  "], "seeded", 1, r"^Error: query: no SQL statement given$",
        "printed 'no rows'"),
    Row("query-positional-parameter", ["query", "--db", "{db}", "SELECT ?"], "seeded", 1,
        r"^Error: query: a \? parameter has no name; write :name and give -p name VALUE$", "as the missing parameter"),
    Row("show-empty-date", ["show", "--db", "{db}", ""], "seeded", 1, r"^Error: DATE : not a date",
        "printed the articles of no session"),
    Row("timeline-empty-subject", ["timeline", "--db", "{db}", "--subject", ""], "seeded", 1,
        r"^Error: --subject : not a subject", "an empty filter was no filter"),
    # -- overrides are checked like articles ---------------------------------------------------
    *[Row(f"override-{name}", ["override", *args, "--note", "typed by hand", "--db", "{db}"], "seeded", 1,
          "^Error: override: " + message, why) for name, args, message, why in [
        ("nan", [SEEDED_DAY, "index", "KOSPI", "close", "nan"], r"value nan: not a finite number$", "was a traceback"),
        ("inf", [SEEDED_DAY, "index", "KOSPI", "close", "inf"], r"value inf: not a finite number$",
         "inf then agreed with every value"),
        ("1e309", [SEEDED_DAY, "index", "KOSPI", "close", "1e309"], r"value inf: not a finite number$",
         "1e309 is inf"),
        ("implausible", [SEEDED_DAY, "index", "KOSPI", "close", "4309630"],
         r"value 4309630.0: outside the plausible range of index close \(1 to 100,000\)$", "a slipped decimal"),
        ("negative-price", [SEEDED_DAY, "quote", "005930", "price", "-128500"], r"value -128500.0: outside the plausible range",
         "a price is positive"),
        ("year-9999", ["9999-12-31", "index", "KOSPI", "close", "4300"], r"date 9999-12-31: outside the calendar",
         "was a traceback"),
        ("year-1800", ["1800-12-31", "index", "KOSPI", "close", "4300"], r"date 1800-12-31: outside the calendar",
         "before the calendar"),
        ("sunday", ["2026-01-04", "index", "KOSPI", "close", "4300"], r"date 2026-01-04: no KRX session that day \(weekend\)$",
         "no session on a Sunday"),
        ("dec-31", ["2025-12-31", "index", "KOSPI", "close", "4300"], r"date 2025-12-31: no KRX session that day",
         "the year-end closure"),
        ("not-a-date", ["01/02/2026", "index", "KOSPI", "close", "4300"], r"date 01/02/2026: not a date",
         "ambiguous"),
        ("unknown-subject", [SEEDED_DAY, "index", "KOSPII", "close", "4300"],
         r"subject KOSPII: not a subject of index .*; did you mean KOSPI\?$", "a typo never becomes a fact"),
        ("unknown-company", [SEEDED_DAY, "quote", "Samsung Electronis", "price", "128500"],
         r"subject Samsung Electronis: .*did you mean 005930 \(Samsung Electronics\)\?$", "an unknown ticker"),
        ("unknown-kind", [SEEDED_DAY, "stock", "005930", "price", "128500"], r"kind stock: not a kind", "vocabulary"),
        ("unknown-metric", [SEEDED_DAY, "index", "KOSPI", "closing", "4300"], r"metric closing: not a metric of index",
         "vocabulary"),
        ("as-of", [SEEDED_DAY, "index", "KOSPI", "close", "4300", "--as-of", "25:99"],
         r"--as-of 25:99: not close, open, intraday or a time HH:MM$", "no such time"),
    ]],
    Row("override-bad-value-creates-nothing", ["override", SEEDED_DAY, "index", "KOSPI", "close", "nan",
                                               "--note", "x", "--db", "{db}"], "missing", 1,
        r"^Error: override: value nan", "the value is checked before a database is created"),
    Row("override-withdraw-unknown", ["override", "--withdraw", "1", "--note", "x", "--db", "{db}"], "seeded", 1,
        r"^Error: override --withdraw 1: no such override$", "an article is not an override"),
    Row("override-withdraw-missing-db", ["override", "--withdraw", "3", "--note", "x", "--db", "{db}"], "missing", 1,
        r"^Error: \S*k\.db: no such database", "withdrawing creates nothing"),
    # -- typed filters ---------------------------------------------------------------------------
    Row("timeline-unknown-subject", ["timeline", "--db", "{db}", "--subject", "KOSPII"], "seeded", 1,
        r"^Error: --subject KOSPII: not a subject of the vocabulary or a ticker; did you mean KOSPI\?$",
        "returned nothing, silently"),
    Row("timeline-unknown-kind", ["timeline", "--db", "{db}", "--kind", "stock"], "seeded", 1,
        r"^Error: --kind stock: not a kind \(index, quote, flow, fx, rate, indicator, milestone\)$", "as above"),
    Row("timeline-unknown-metric", ["timeline", "--db", "{db}", "--kind", "index", "--metric", "clsoe"], "seeded", 1,
        r"^Error: --metric clsoe: not a metric of index .*did you mean close\?$", "as above"),
    Row("timeline-lowercase-subject", ["timeline", "--db", "{db}", "--csv", "--subject", "kospi", "--kind", "Index",
                                       "--metric", "close", "--from", "2026/01/02", "--to", "20260102"], "seeded", 0,
        r"^2026-01-02,index,KOSPI,close,close,4309.63,", "subjects and kinds in any case; three date forms"),
    Row("timeline-company-name", ["timeline", "--db", "{db}", "--csv", "--subject", "samsung electronics",
                                  "--metric", "price"], "seeded", 0,
        r"^2026-01-02,quote,005930,price,close,128500,", "a listed company's exact name is its ticker"),
    Row("timeline-from-us-date", ["timeline", "--db", "{db}", "--from", "01/02/2026"], "seeded", 1,
        r"^Error: --from 01/02/2026: not a date \(YYYY-MM-DD, YYYY/MM/DD or YYYYMMDD\)$",
        "was compared as a string and returned everything"),
    Row("timeline-impossible-date", ["timeline", "--db", "{db}", "--to", "2026-02-30"], "seeded", 1,
        r"^Error: --to 2026-02-30: no such day$", "no such day"),
    Row("timeline-status-any-case", ["timeline", "--db", "{db}", "--csv", "--status", "Agreed"], "seeded", 0,
        r"^2026-01-06,index,KOSPI,close,close,4525.48,agreed,", "a status in any case"),
    Row("timeline-source-alias", ["timeline", "--db", "{db}", "--csv", "--source", "Yonhap News Agency",
                                  "--subject", "KOSPI", "--metric", "close", "--to", SEEDED_DAY], "seeded", 0,
        r"^2026-01-02,index,KOSPI,close,close,4309.63,", "the article's publisher is stored as 연합뉴스"),
    Row("show-compact-date", ["show", "--db", "{db}", "--csv", "20260102"], "seeded", 0,
        r"^index,KOSPI,KOSPI,close,close,4309.63,", "said 'no facts': 20260102 is 2026-01-02"),
    Row("show-not-a-date", ["show", "--db", "{db}", "Jan. 2"], "seeded", 1, r"^Error: DATE Jan. 2: not a date",
        "one line"),
    Row("sources-lowercase", ["sources", "--db", "{db}", "--csv", "2026/01/02", "INDEX", "kospi", "Close"], "seeded", 0,
        r"4309.63", "the key in any case, the date in any form"),
    Row("conflicts-unknown-kind", ["conflicts", "--db", "{db}", "--kind", "flows"], "seeded", 1,
        r"^Error: --kind flows: not a kind .*did you mean flow\?$", "did you mean"),
    Row("chart-bad-date", ["chart", "--db", "{db}", "--from", "yesterday", "-o", "{dir}/c.svg"], "seeded", 1,
        r"^Error: --from yesterday: not a date", "nothing drawn"),
]


def _only_named(folder: Path, name: str) -> None:
    names = {p.name for p in folder.iterdir()}
    assert name in names, names
    assert names <= {name, f"{name}-wal", f"{name}-shm"}, names


def test_table_is_large_enough():
    assert len(ROWS) >= 40
    assert len({r.id for r in ROWS}) == len(ROWS)
    assert all(r.why and r.state in STATES for r in ROWS)


def _snapshot(folder: Path) -> dict[str, bytes | None]:
    out: dict[str, bytes | None] = {}
    for p in folder.rglob("*"):
        out[str(p.relative_to(folder))] = p.read_bytes() if p.is_file() else None
    return out


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r.id)
def test_boundary(row: Row, seeded: str, tmp_path: Path, runner: CliRunner):
    folder = tmp_path / "work"
    folder.mkdir()
    db = folder / row.db_name
    STATES[row.state](seeded, db)
    before = _snapshot(folder)
    args = [a.replace("{db}", str(db)).replace("{dir}", str(folder)).replace("{good}", GOOD) for a in row.args]
    r = runner.invoke(__import__("kospitl.cli", fromlist=["cli"]).cli, args, catch_exceptions=True)
    out = r.output
    assert r.exception is None or isinstance(r.exception, SystemExit), (out, r.exception)
    assert "Traceback" not in out, out
    assert r.exit_code == row.exit, out
    assert re.search(row.output, out, re.M), out
    if row.exit != 0:
        errors = [line for line in out.splitlines() if line.startswith("Error: ")]
        assert len(errors) == 1, out
    after = _snapshot(folder)
    if not row.db_changes:
        aux = {f"{row.db_name}-wal", f"{row.db_name}-shm"} if row.db_name in before else set()
        assert set(after) - set(before) <= aux | set(row.writes), sorted(set(after) - set(before))
        for name, content in before.items():
            assert after.get(name) == content or name.endswith(("-wal", "-shm")), f"{name} changed"
        assert (row.db_name in after) == (row.db_name in before)
    if row.check:
        row.check(folder, out)


# ---- beyond the table ---------------------------------------------------------------------------

def test_a_waiting_writer_waits_and_says_so(tmp_path, runner, monkeypatch):
    """Another writer holds the lock longer than the notice delay: the ingest says so on
    stderr, keeps waiting, and stores its article once the lock is free (it died with a
    traceback after 10 s)."""
    import threading
    import time

    import kospitl.db

    db = tmp_path / "k.db"
    open_db(str(db)).dispose()
    monkeypatch.setattr(kospitl.db, "WAIT_NOTICE_MS", 200)
    holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    released, noticed = threading.Event(), threading.Event()
    notice = kospitl.db.on_wait

    def on_wait(path: str) -> None:
        notice(path)
        noticed.set()

    monkeypatch.setattr(kospitl.db, "on_wait", on_wait)

    def release() -> None:  # once the writer has said it waits, and has gone on waiting a while
        noticed.wait(60)
        time.sleep(0.5)
        holder.execute("COMMIT")
        released.set()

    t = threading.Thread(target=release)
    t.start()
    try:
        r = invoke(runner, "ingest", "-q", "--db", str(db), GOOD)
    finally:
        t.join()
        holder.close()
    assert released.is_set()
    assert r.exit_code == 0, r.output
    assert "is locked by another writer; waiting" in r.stderr, r.output
    assert "Traceback" not in r.output
    con = sqlite3.connect(db)
    assert con.execute("SELECT COUNT(*) FROM article").fetchone()[0] == 1
    con.close()


def _at_earlier_revision(seeded: str, db: Path) -> str:
    from alembic import command

    from kospitl.db import REVISIONS, alembic_config

    copy_db(seeded, str(db))
    engine = open_db(str(db))
    with engine.connect() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, REVISIONS[-2])
        conn.commit()
    engine.dispose()
    return REVISIONS[-2]


def test_a_stale_backup_file_is_replaced_by_a_checked_copy(seeded, tmp_path):
    db = tmp_path / "k.db"
    rev = _at_earlier_revision(seeded, db)
    backup = tmp_path / f"k.db.bak-{rev}"
    backup.write_bytes(b"")  # a 0-byte leftover (a kill during an earlier VACUUM INTO)
    open_db(str(db)).dispose()
    con = sqlite3.connect(backup)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (rev,)
    assert con.execute("SELECT COUNT(*) FROM article").fetchone()[0] > 0
    con.close()
    assert sorted(p.name for p in tmp_path.iterdir() if ".tmp-" in p.name) == []


def test_no_upgrade_without_a_backup(seeded, tmp_path, runner):
    """When the backup cannot be written (here a folder stands at its path) the upgrade does
    not run: one error line, the database as it was."""
    db = tmp_path / "k.db"
    rev = _at_earlier_revision(seeded, db)
    (tmp_path / f"k.db.bak-{rev}").mkdir()
    before = db.read_bytes()
    r = invoke(runner, "timeline", "--db", str(db))
    assert r.exit_code == 1
    assert re.fullmatch(r"Error: \S*k\.db: cannot write the backup \S+ before upgrading \(.*\); not upgrading\n",
                        r.output), r.output
    assert db.read_bytes() == before
    con = sqlite3.connect(db)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (rev,)
    con.close()


def _close(db: Path) -> tuple[float, str]:
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT value, why FROM fact WHERE date = ? AND kind = 'index' AND subject = 'KOSPI' "
                           "AND metric = 'close' AND as_of = 'close'", (SEEDED_DAY,)).fetchone()
    finally:
        con.close()


def test_the_latest_override_wins_even_on_the_same_clock_and_a_withdrawal_keeps_the_trail(
        seeded, tmp_path, runner, monkeypatch):
    """Two overrides of one key on a clock that does not move (the same second, or the same
    microsecond): the later one wins, not the lower value (they tied, and the lower won).
    Withdrawing it brings the earlier back; both decisions and the withdrawal stay on record."""
    import kospitl.review_write as rw
    from datetime import datetime as real

    db = tmp_path / "k.db"
    copy_db(seeded, str(db))
    frozen = real(2026, 1, 5, 9, 0, 0, tzinfo=rw.KST)

    class Clock(real):
        @classmethod
        def now(cls, tz=None):  # type: ignore[override]
            return frozen.astimezone(tz) if tz else frozen

    monkeypatch.setattr(rw, "datetime", Clock)
    first = invoke(runner, "override", SEEDED_DAY, "index", "KOSPI", "close", "4310.5", "--note", "KRX", "--db", str(db))
    second = invoke(runner, "override", SEEDED_DAY, "index", "KOSPI", "close", "4300", "--note", "KRX, revised",
                    "--db", str(db))
    assert first.exit_code == 0 and second.exit_code == 0, first.output + second.output
    assert _close(db)[0] == 4300
    second_id = int(re.match(r"override (\d+):", second.output)[1])
    r = invoke(runner, "override", "--withdraw", str(second_id), "--note", "typed the wrong day", "--db", str(db))
    assert r.exit_code == 0, r.output
    assert r.output.startswith(f"override {second_id} withdrawn (typed the wrong day): was {SEEDED_DAY} index KOSPI")
    assert _close(db)[0] == 4310.5
    con = sqlite3.connect(db)
    trail = con.execute("SELECT source_path, published_at, title FROM article WHERE source_kind = 'override' "
                        "ORDER BY id").fetchall()
    con.close()
    assert [t[0] for t in trail] == ["override", "override", f"withdrawal of override {second_id}"]
    assert [t[1] for t in trail] == ["2026-01-05T09:00:00.000000+09:00", "2026-01-05T09:00:00.000001+09:00",
                                     "2026-01-05T09:00:00.000002+09:00"]
    again = invoke(runner, "override", "--withdraw", str(second_id), "--note", "again", "--db", str(db))
    assert again.exit_code == 1 and again.output == f"Error: override --withdraw {second_id}: already withdrawn\n"


# ---- inputs that are not files ------------------------------------------------------------------

def _fifo_without_writer(folder: Path) -> str:
    p = folder / "pipe.txt"
    os.mkfifo(p)
    return str(p)


def _socket(folder: Path) -> str:
    import socket

    p = folder / "s.txt"
    s = socket.socket(socket.AF_UNIX)
    s.bind(str(p))
    s.close()
    return str(p)


def _glob_matching_a_fifo(folder: Path) -> str:
    os.mkfifo(folder / "late.txt")
    return str(folder / "lat*.txt")


INPUTS = [
    ("fifo-without-writer", _fifo_without_writer, r"a named pipe nobody wrote to within 0.3 s; skipped",
     "hung the run for ever; the good files before it were not stored"),
    ("fifo-by-glob", _glob_matching_a_fifo, r"late\.txt: a named pipe nobody wrote to",
     "as above, found by a glob"),
    ("socket", _socket, r"a socket, not an article file", "cannot be read as a file"),
    ("device", lambda folder: "/dev/null", r"a device, not a regular file", "a device is not an article"),
]


@pytest.mark.parametrize("name,build,message,why", INPUTS, ids=[i[0] for i in INPUTS])
def test_an_input_that_is_not_a_file_is_skipped(name, build, message, why, tmp_path, runner, monkeypatch):
    import kospitl.articles

    monkeypatch.setattr(kospitl.articles, "PIPE_WAIT", 0.3)
    bad = build(tmp_path)
    db = tmp_path / "k.db"
    r = invoke(runner, "ingest", "--db", str(db), str(SAMPLES / "002_4f409d777393ce93.txt"), bad, GOOD)
    errors = [line for line in r.output.splitlines() if line.startswith("Error: ")]
    assert len(errors) == 1 and re.search(message, errors[0]), r.output
    assert r.exit_code == 1 and "Traceback" not in r.output
    assert "2 new" in r.output, r.output  # the good files before and after it are stored


def test_a_file_name_with_a_byte_that_is_not_utf8(tmp_path, runner):
    """A valid article "could not be stored" (SQLite refused the name); now it is stored, its
    name kept with the byte as \\xNN."""
    folder = os.fsencode(tmp_path)
    name = os.path.join(folder, b"caf\xe9.txt")
    with open(name, "wb") as f:
        f.write(Path(GOOD).read_bytes())
    db = tmp_path / "k.db"
    r = invoke(runner, "ingest", "--db", str(db), os.fsdecode(name))
    assert r.exit_code == 0, r.output
    con = sqlite3.connect(db)
    assert con.execute("SELECT source_path FROM article").fetchone()[0] == str(tmp_path / "caf\\xe9.txt")
    con.close()
    r = invoke(runner, "ingest", "--db", str(db), os.fsdecode(os.path.join(folder, b"m\xe9ssing.txt")))
    assert r.output.splitlines()[0] == f"Error: {tmp_path}/m\\xe9ssing.txt: no such file", r.output


def test_ctrl_c_stops_a_runaway_query(seeded, tmp_path):
    """A recursive query that never ends ignored Ctrl-C: now SIGINT stops it, one line, exit 130."""
    import signal
    import subprocess
    import sys
    import time

    db = tmp_path / "k.db"
    copy_db(seeded, str(db))
    p = subprocess.Popen([sys.executable, "-m", "kospitl", "query", "--db", str(db), "--timeout", "120",
                          "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT max(x) FROM c"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    shm = tmp_path / "k.db-shm"  # made when the query opens the database, after the imports
    deadline = time.monotonic() + 60
    while not shm.exists() and time.monotonic() < deadline and p.poll() is None:
        time.sleep(0.05)
    time.sleep(1.0)  # inside the statement by now
    p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=30)
    assert p.returncode == 130, (out, err)
    assert err == "Error: query: interrupted\n", err


def test_output_through_a_link_is_written_to_its_target(seeded, tmp_path, runner):
    db = tmp_path / "k.db"
    copy_db(seeded, str(db))
    (tmp_path / "target.csv").write_text("old\n", encoding="utf-8")
    (tmp_path / "link.csv").symlink_to("target.csv")
    r = invoke(runner, "export", "timeline", "--db", str(db), "-o", str(tmp_path / "link.csv"))
    assert r.exit_code == 0, r.output
    assert (tmp_path / "link.csv").is_symlink()
    assert (tmp_path / "target.csv").read_text(encoding="utf-8").startswith("date,kind,subject,metric,as_of,value,")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no temporary file left
