"""The database as DB Browser for SQLite and datasette users see it: every table and view
reads in the sqlite3 shell and in datasette (through its test client). DB Browser itself is
driven by tests/dbbrowser_check.sh (Xvfb + a screenshot), which needs a screen and apt."""
from __future__ import annotations

import asyncio
import json
import shutil
import sqlite3
import subprocess

import pytest

from conftest import ingest_seeds, invoke


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    from click.testing import CliRunner

    db = str(tmp_path_factory.mktemp("viewers") / "kospitl.db")
    ingest_seeds(CliRunner(), db)
    return db


def names(db: str) -> list[str]:
    con = sqlite3.connect(db)
    try:
        return [n for (n,) in con.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    finally:
        con.close()


@pytest.mark.skipif(shutil.which("sqlite3") is None, reason="no sqlite3 shell on this machine")
def test_sqlite3_shell_reads_every_table_and_view(seeded):
    for name in names(seeded):
        out = subprocess.run(["sqlite3", "-readonly", seeded, f'SELECT COUNT(*) FROM "{name}"'],
                             capture_output=True, text=True)
        assert out.returncode == 0 and out.stdout.strip().isdigit(), (name, out.stderr)


def test_datasette_serves_every_table_and_view(seeded, runner, tmp_path):
    datasette = pytest.importorskip("datasette.app")
    meta_path = tmp_path / "metadata.json"
    assert invoke(runner, "datasette-metadata", "--db", seeded, "-o", str(meta_path)).exit_code == 0
    meta = json.loads(meta_path.read_text())

    async def fetch_all() -> dict[str, tuple[int, int]]:
        ds = datasette.Datasette(files=[seeded], metadata=meta)
        await ds.invoke_startup()
        got = {}
        for name in names(seeded):
            r = await ds.client.get(f"/kospitl/{name}.json?_shape=array&_size=5")
            got[name] = (r.status_code, len(r.json()) if r.status_code == 200 else -1)
        page = await ds.client.get("/kospitl/session")
        got["_page"] = (page.status_code, int("the KRX trading session the figure belongs to" in page.text))
        return got

    got = asyncio.run(fetch_all())
    assert all(status == 200 for status, _ in got.values()), got
    assert got["session"][1] > 0 and got["quote"][1] > 0 and got["flow"][1] > 0
    assert got["_page"] == (200, 1)  # column descriptions from the metadata are shown
