"""Golden files: each sample article → its expected observations (tests/golden/NAME.expected.jsonl).

To accept new output after a rule change: delete the golden file and run
``KOSPITL_REGEN=1 pytest tests/test_golden.py``; files are created, never overwritten.
"""
from __future__ import annotations

import json
import os
from datetime import date

import pytest

from conftest import ROOT, SAMPLES, UNDATED_DATE, UNDATED_SEED
from kospitl.articles import read_file
from kospitl.ingest import analyse

GOLDEN = ROOT / "tests" / "golden"
CASES = sorted(p.name for p in SAMPLES.glob("*.txt"))


def lines_for(name: str) -> list[str]:
    given = date.fromisoformat(UNDATED_DATE) if name == UNDATED_SEED else None
    observations, _ = analyse(read_file(SAMPLES / name), given)
    rows = [dict(date=o.date, kind=o.kind, subject=o.subject, metric=o.metric, as_of=o.as_of,
                 value=o.value, approx=o.approx, line=o.line) for o in observations]
    rows.sort(key=lambda r: (r["date"], r["kind"], r["subject"], r["metric"], r["as_of"], r["value"]))
    return [json.dumps(r, ensure_ascii=False, sort_keys=True) for r in rows]


@pytest.mark.parametrize("name", CASES)
def test_golden(name):
    path = GOLDEN / f"{name}.expected.jsonl"
    got = lines_for(name)
    if not path.exists():
        if os.environ.get("KOSPITL_REGEN"):
            with open(path, "x", encoding="utf-8") as f:
                f.write("\n".join(got) + "\n")
            pytest.skip(f"wrote {path.name}")
        pytest.fail(f"no golden file {path.name}; run with KOSPITL_REGEN=1 to create it")
    expected = path.read_text(encoding="utf-8").splitlines()
    missing = sorted(set(expected) - set(got))
    extra = sorted(set(got) - set(expected))
    assert not missing and not extra, "\n".join(["missing:"] + missing + ["extra:"] + extra)
