"""Schema only through Alembic: empty and populated upgrades, models match migrations,
and a database newer than the code is refused."""
from __future__ import annotations

import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from conftest import SAMPLES, ingest_seeds, invoke, table_counts
from kospitl.db import current_revision, head_revision, open_db
from kospitl.errors import SchemaTooNewError
from kospitl.models import metadata

EXPECTED_TABLES = {"article", "observation", "problem", "fact", "trading_day", "ticker"}
EXPECTED_VIEWS = {"session", "intraday", "quote", "flow", "fx", "bond_yield", "indicator", "milestone",
                  "v_observation", "v_problem"}


def test_empty_database_is_created_at_head(db):
    engine = open_db(db)
    assert current_revision(engine) == head_revision()
    con = sqlite3.connect(db)
    kinds = dict(con.execute("SELECT name, type FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").fetchall())
    assert EXPECTED_TABLES <= {n for n, t in kinds.items() if t == "table"}
    assert EXPECTED_VIEWS <= {n for n, t in kinds.items() if t == "view"}
    # DB Browser 3.12 cannot open STRICT tables or generated columns
    ddl = " ".join(s for (s,) in con.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL"))
    assert "STRICT" not in ddl.upper() and "GENERATED" not in ddl.upper()


def test_models_and_migrations_agree(db):
    engine = open_db(db)
    assert EXPECTED_TABLES <= set(metadata.tables)
    with engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diffs == []


def test_populated_database_reopens_unchanged(runner, db):
    ingest_seeds(runner, db)
    before = table_counts(db)
    open_db(db)
    assert table_counts(db) == before
    assert invoke(runner, "timeline", "--db", db).exit_code == 0


def test_every_view_reads(runner, db):
    ingest_seeds(runner, db)
    con = sqlite3.connect(db)
    for view in EXPECTED_VIEWS:
        con.execute(f"SELECT * FROM {view}").fetchall()
    row = con.execute("SELECT close, close_status, close_sources FROM session "
                      "WHERE date = '2026-01-06' AND index_name = 'KOSPI'").fetchone()
    assert row == (4525.48, "agreed", 4)
    row = con.execute("SELECT company, price FROM quote WHERE date = '2026-01-02' AND code = '005930'").fetchone()
    assert row == ("Samsung Electronics", 128500)


def test_newer_database_is_refused(runner, db):
    open_db(db)
    con = sqlite3.connect(db)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    with pytest.raises(SchemaTooNewError):
        open_db(db)
    r = invoke(runner, "timeline", "--db", db)
    assert r.exit_code == 1
    assert "newer than this kospitl" in r.output


def test_upgrade_from_every_earlier_revision_keeps_rows_and_backs_up(runner, tmp_path):
    """A populated database at each earlier revision upgrades to head: rows kept, a VACUUM INTO
    backup beside it, foreign keys checked."""
    from alembic import command
    from alembic.script import ScriptDirectory

    from kospitl.db import alembic_config

    revisions = [r.revision for r in ScriptDirectory.from_config(alembic_config()).walk_revisions()]
    earlier = [r for r in revisions if r != head_revision()]
    assert earlier, "only one revision: nothing to upgrade from"
    for rev in earlier:
        db = str(tmp_path / f"at-{rev}.db")
        ingest_seeds(runner, db)
        engine = open_db(db)
        with engine.connect() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, rev)
            conn.commit()
        assert current_revision(engine) == rev
        before = {t: n for t, n in table_counts(db).items() if t not in ("alembic_version", "column_info")}
        engine.dispose()
        open_db(db)
        after = table_counts(db)
        assert current_revision(open_db(db)) == head_revision()
        assert {t: after[t] for t in before} == before
        backup = tmp_path / f"at-{rev}.db.bak-{rev}"
        assert backup.exists()
        con = sqlite3.connect(db)
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_the_code_knows_every_revision_in_order():
    """kospitl.db.REVISIONS (read on every open, without importing Alembic) is Alembic's history."""
    from alembic.script import ScriptDirectory

    from kospitl.db import REVISIONS, alembic_config

    script = ScriptDirectory.from_config(alembic_config())
    assert tuple(r.revision for r in reversed(list(script.walk_revisions()))) == REVISIONS
    assert script.get_current_head() == REVISIONS[-1]


def test_reference_tables_are_rebuilt_only_when_their_sources_change(db):
    """``PRAGMA user_version`` holds a digest of what the reference tables were built from; an
    open with the same digest leaves them alone (no rebuild, no models imported), a different
    one rebuilds them."""
    from kospitl.db import reference_stamp

    open_db(db)
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA user_version").fetchone()[0] == reference_stamp()
        n = con.execute("SELECT COUNT(*) FROM ticker").fetchone()[0]
        assert n > 200
        con.execute("DELETE FROM ticker WHERE code = '005930'")
        con.commit()
        open_db(db)  # same digest: the tables are taken as they are
        assert con.execute("SELECT COUNT(*) FROM ticker").fetchone()[0] == n - 1
        con.execute("PRAGMA user_version = 1")  # as if built from other data
        con.commit()
        open_db(db)
        assert con.execute("SELECT COUNT(*) FROM ticker").fetchone()[0] == n
        assert con.execute("PRAGMA user_version").fetchone()[0] == reference_stamp()
    finally:
        con.close()
