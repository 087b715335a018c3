"""Issue 4 on the development corpus: scores of both exports, conflict statuses as in the gold,
order-independent timelines, and `kospitl check` on the typo cases."""
from __future__ import annotations

import csv
import io
import json
import random

import pytest

from conftest import invoke, shared_path
from test_scores import score

UNDATED = "d30_plain_00000000.txt"


def dev_files() -> list[str]:
    return sorted(str(p) for p in shared_path("corpus", "dev").glob("d*.txt"))


def ingest_dev(runner, db, files) -> None:
    dated = [f for f in files if not f.endswith(UNDATED)]
    undated = [f for f in files if f.endswith(UNDATED)]
    assert invoke(runner, "ingest", "-q", "--db", db, *dated).exit_code == 0
    assert invoke(runner, "ingest", "-q", "--db", db, "--date", "2026-02-25", *undated).exit_code == 0


@pytest.fixture(scope="module")
def dev_db(tmp_path_factory):
    from click.testing import CliRunner

    db = str(tmp_path_factory.mktemp("dev") / "dev.db")
    ingest_dev(CliRunner(), db, dev_files())
    return db


def test_dev_scores(runner, dev_db, tmp_path):
    obs, tl = tmp_path / "o.csv", tmp_path / "t.csv"
    invoke(runner, "export", "observations", "--db", dev_db, "-o", str(obs))
    invoke(runner, "export", "timeline", "--db", dev_db, "-o", str(tl))
    assert score(shared_path("gold", "dev.jsonl"), obs) >= 0.95
    assert score(shared_path("gold", "dev_timeline.jsonl"), tl) >= 0.95


def test_conflict_resolved_keys_match_the_gold(runner, dev_db):
    gold = [json.loads(line) for line in shared_path("gold", "dev_timeline.jsonl").read_text().splitlines() if line]
    rows = csv.DictReader(io.StringIO(invoke(runner, "export", "timeline", "--db", dev_db).output))
    got = {(r["date"], r["kind"], r["subject"], r["metric"], r["as_of"]): r for r in rows}
    for g in gold:
        if g["status"] != "conflict-resolved":
            continue
        r = got[(g["date"], g["kind"], g["subject"], g["metric"], g["as_of"])]
        assert (r["status"], float(r["value"]), int(r["sources"])) == ("conflict-resolved", g["value"], g["sources"]), g
        assert r["why"], g


def test_timeline_is_independent_of_ingest_order(runner, tmp_path):
    files = dev_files()
    exports = []
    for seed in (1, 2, 3):
        order = files[:]
        random.Random(seed).shuffle(order)
        db = str(tmp_path / f"order{seed}.db")
        ingest_dev(runner, db, order)
        exports.append(invoke(runner, "export", "timeline", "--db", db).output)
        exports.append(invoke(runner, "export", "observations", "--db", db).output)
    assert exports[0] == exports[2] == exports[4]
    assert exports[1] == exports[3] == exports[5]


def test_check_reports_the_typos(runner, dev_db):
    r = invoke(runner, "check", "--db", dev_db)
    lines = r.output.splitlines()
    corrected = [line for line in lines if ": corrected: " in line]
    assert any("d13_koreatimes_20251027.txt:8: corrected: 2025-10-27 KOSPI: index change 110.24" in line
               for line in corrected), r.output
    assert any("d11_joongang_20251027.txt" in line and "1,246.85" in line for line in corrected)
    assert any("d28_joongang_20260219.txt" in line and "wrong direction" in line for line in corrected)
    assert sum("d27_fnnews_20260219.txt" in line and "scale slip" in line for line in corrected) == 4
    assert r.exit_code == 0 and lines[-1] == "7 figure(s) corrected by the timeline, 0 violation(s) remain"


def test_check_fails_on_a_remaining_contradiction(runner, db, tmp_path):
    art = tmp_path / "a.txt"
    art.write_text("Kospi note\nPublished: 06 Jan. 2026, 18:00\n\n"
                   "The Kospi rose 50.00 points, or 1.00 percent, to close at 4,525.48.\n"
                   "The index touched an intraday high of 4,500.12 during the session.\n")
    assert invoke(runner, "ingest", "--db", db, str(art)).exit_code == 0
    r = invoke(runner, "check", "--db", db)
    assert r.exit_code == 1
    assert "close 4525.48 is above the day's high 4500.12" in r.output
    assert "change 50.0 on 4475.48 is 1.12%, not 1.0%" in r.output


def test_reprint_without_credit_line_is_the_same_witness(runner, db, tmp_path):
    """d05 is the Korea Herald's copy of Yonhap's LEAD; without its "(Yonhap)" credit line the
    near-duplicate text alone makes it the same witness: the provisional 3.14 tn stays outvoted
    by the 2nd LD's final 3.26 tn instead of tying with it."""
    dev = shared_path("corpus", "dev")
    files = [str(p) for p in sorted(dev.glob("d0[1-4]_*.txt"))]
    copy = tmp_path / "herald_copy.txt"
    copy.write_text((dev / "d05_koreaherald_20251002.txt").read_text().replace(" (Yonhap)", ""))
    assert invoke(runner, "ingest", "-q", "--db", db, *files, str(copy)).exit_code == 0
    rows = csv.DictReader(io.StringIO(invoke(runner, "export", "timeline", "--db", db).output))
    flow = next(r for r in rows if r["kind"] == "flow" and r["subject"] == "foreign")
    assert (flow["value"], flow["status"], flow["sources"]) == ("3260000000000", "single", "1")
