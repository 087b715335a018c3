"""Every read command in every output format, compared exactly with golden output
(tests/golden/cli/*.txt) on a small fixture database: two seed articles and two short
articles that disagree about one flow.

To accept new output: delete the golden file and run with KOSPITL_REGEN=1.
"""
from __future__ import annotations

import os
import re
import sqlite3

import pytest

from conftest import ROOT, SAMPLES, invoke, table_counts

GOLDEN = ROOT / "tests" / "golden" / "cli"
FORMATS = ("table", "csv", "tsv", "json", "nl")
A = """Kospi closes higher
Published: 06 Jan. 2026, 16:10

The Kospi rose 67.96 points, or 1.52 percent, to close at 4,525.48. Foreign investors sold a net 618.83 billion won.
"""
B = """Kospi ends at record
Published : Jan. 6, 2026 - 16:40

The Kospi finished at 4,525.48, up 1.52 percent. Foreigners net sold 601.2 billion won, while individuals bought a net 597.55 billion won.
"""


FOLDERS: dict[str, str] = {}  # each fixture database: the folder of its articles


def _fixture(tmp_path_factory, db: str | None = None) -> str:
    from click.testing import CliRunner

    d = tmp_path_factory.mktemp("cli")
    (d / "a.txt").write_text(A, encoding="utf-8")
    (d / "b.txt").write_text(B, encoding="utf-8")
    db = db or str(d / "fixture.db")
    r = invoke(CliRunner(), "ingest", "-q", "--db", db, str(SAMPLES / "002_4f409d777393ce93.txt"),
               str(d / "a.txt"), str(d / "b.txt"))
    assert r.exit_code == 0, r.output
    FOLDERS[db] = str(d)
    return db


@pytest.fixture(scope="module")
def fixture_db(tmp_path_factory):
    return _fixture(tmp_path_factory)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def any_fixture_db(request, tmp_path_factory):
    """The fixture database on each backend: the same golden output from both."""
    if request.param == "sqlite":
        yield request.getfixturevalue("fixture_db")
        return
    from conftest import pg_database

    with pg_database(request.getfixturevalue("pg_server")) as url:
        yield _fixture(tmp_path_factory, url)


COMMANDS = {
    "timeline": ["timeline", "--subject", "KOSPI"],
    "show": ["show", "2026-01-06"],
    "conflicts": ["conflicts"],
    "sources": ["sources", "2026-01-06", "flow", "foreign", "net_buy"],
    "problems": ["problems"],
    "query": ["query", "SELECT date, index_name, close, close_status, close_sources FROM session ORDER BY date"],
    "export-timeline": ["export", "timeline"],
}


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / f"{name}.txt"
    if not path.exists():
        if os.environ.get("KOSPITL_REGEN"):
            with open(path, "x", encoding="utf-8") as f:
                f.write(text)
            pytest.skip(f"wrote {path.name}")
        pytest.fail(f"no golden file {path.name}; run with KOSPITL_REGEN=1 to create it")
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_read_command_output(runner, any_fixture_db, command, fmt):
    args = COMMANDS[command]
    r = invoke(runner, *args, "--db", any_fixture_db, f"--{fmt}")
    assert r.exit_code == 0, r.output
    text = r.output.replace(str(SAMPLES), "<samples>").replace(FOLDERS[any_fixture_db], "<tmp>")
    if fmt == "table":  # column widths follow the length of the paths replaced above (the
        # temporary folder's number, the checkout's place): compare the cells, not the padding
        text = re.sub(r"-{2,}", "--", re.sub(r" {2,}", "  ", text))
    check_golden(f"{command}.{fmt}", text)


def test_query_cannot_write(runner, fixture_db):
    before = table_counts(fixture_db)
    r = invoke(runner, "query", "DELETE FROM article", "--db", fixture_db)
    assert r.exit_code == 1
    assert r.output == "Error: query: DELETE is not allowed (kospitl query only reads)\n"
    assert table_counts(fixture_db) == before


def test_override_is_a_source_with_an_audit_trail(runner, tmp_path):
    db = str(tmp_path / "o.db")
    (tmp_path / "a.txt").write_text(A, encoding="utf-8")
    invoke(runner, "ingest", "-q", "--db", db, str(tmp_path / "a.txt"))
    r = invoke(runner, "override", "2026-01-06", "flow", "foreign", "net_buy", "-620000000000",
               "--note", "KRX final data", "--db", db)
    assert r.exit_code == 0, r.output
    out = invoke(runner, "sources", "2026-01-06", "flow", "foreign", "net_buy", "--db", db, "--csv").output
    assert "override,override" in out and "KRX final data" in out
    con = sqlite3.connect(db)
    fact = con.execute("SELECT value, status, why FROM fact WHERE kind='flow' AND subject='foreign'").fetchone()
    assert fact[0] == -620000000000 and fact[1] == "conflict-resolved" and "manual override" in fact[2]
    # the article's figure is still there, marked lost, never edited
    assert con.execute("SELECT value, status FROM observation WHERE rule != 'override' AND kind='flow'").fetchone() \
        == (-618830000000.0, "lost")


def test_override_refuses_what_the_vocabulary_lacks(runner, db):
    r = invoke(runner, "override", "2026-01-06", "flow", "foreign", "close", "1", "--note", "x", "--db", db)
    assert r.exit_code == 1 and r.output == "Error: override: metric close: not a metric of flow (net_buy)\n"


def test_reprocess_reports_no_change_on_current_rules(runner, any_fixture_db):
    r = invoke(runner, "reprocess", "--db", any_fixture_db, "--dry-run")
    assert r.exit_code == 0 and r.output == "0 article(s) changed [dry run: nothing written]\n"


def test_reprocess_restores_observations_after_a_rule_change(runner, tmp_path):
    db = str(tmp_path / "r.db")
    invoke(runner, "ingest", "-q", "--db", db, str(SAMPLES / "002_4f409d777393ce93.txt"))
    con = sqlite3.connect(db)
    con.execute("DELETE FROM observation WHERE kind = 'quote'")  # as if an older rule set missed quotes
    con.commit()
    r = invoke(runner, "reprocess", "--db", db)
    assert "002_4f409d777393ce93.txt: +30 -0" in r.output and "1 article(s) changed" in r.output
    assert con.execute("SELECT COUNT(*) FROM observation WHERE kind = 'quote'").fetchone()[0] == 30


def test_chart_svg(runner, any_fixture_db, tmp_path):
    out = tmp_path / "kospi.svg"
    r = invoke(runner, "chart", "--db", any_fixture_db, "-o", str(out))
    assert r.exit_code == 0 and r.output.startswith(f"wrote {out}: ")
    svg = out.read_text()
    assert svg.startswith("<svg") and "<polyline" in svg and "record close" in svg


def test_datasette_metadata_describes_every_table(runner, fixture_db, tmp_path):
    import json

    out = tmp_path / "m.json"
    assert invoke(runner, "datasette-metadata", "--db", fixture_db, "-o", str(out)).exit_code == 0
    meta = json.loads(out.read_text())
    tables = meta["databases"]["fixture"]["tables"]
    assert {"session", "quote", "flow", "fact", "observation", "column_info"} <= set(tables)
    assert tables["flow"]["columns"]["net_buy"] == "net purchases (negative: net sales) (won)"
    assert tables["session"]["units"]["change_pct"] == "percent"
