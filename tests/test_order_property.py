"""Order independence as a property: the database is a function of the *set* of articles.

A small corpus is generated from the articles bundled with kospitl and its tests: each article
with reprints of it whose figures are nudged (the last digit of some decimals redrawn), so the
same session has near-duplicates that are similar to some of their siblings and not to others
(chains), and sources that disagree. It is ingested in random orders, split into runs of random
sizes with random batch sizes, and once with two worker processes; every time, both exports
and ``problems`` must be byte-identical to the reference ingest.
"""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT, SAMPLES, UNDATED_SEED, invoke
from kospitl.db import open_db
from kospitl.ingest import expand, ingest_paths

DECIMAL = re.compile(r"(?<![\d.])(\d{1,3}(?:,\d{3})*\.\d+)")
TRIALS = 5  # random orders and batchings, besides the reference and the run with workers


def templates() -> list[Path]:
    folders = [SAMPLES, ROOT / "tests" / "corpus" / "holdout", ROOT / "tests" / "corpus" / "holdout2"]
    files = [Path(f) for f in expand([str(p) for p in folders]) if not f.endswith(UNDATED_SEED)]
    assert len(files) >= 30
    return files


def nudged(text: str, rnd: random.Random, share: float) -> str:
    return DECIMAL.sub(lambda m: m[1][:-1] + str(rnd.randrange(10)) if rnd.random() < share else m[1], text)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[str]:
    """Each template, and one to three reprints of it (each from the template or from the
    previous reprint, so similarity forms chains), some with a different headline."""
    rnd = random.Random(14)
    out = tmp_path_factory.mktemp("corpus")
    files = []
    for i, path in enumerate(templates()):
        text = path.read_text(encoding="utf-8")
        versions = [text]
        for _ in range(rnd.choice((1, 1, 2, 3))):
            base = rnd.choice(versions)
            v = nudged(base, rnd, rnd.choice((0.1, 0.3, 0.6)))
            if rnd.random() < 0.3:
                first, _, rest = v.partition("\n")
                v = f"{first} (reprint)\n{rest}"
            versions.append(v)
        for j, v in enumerate(versions):
            f = out / f"{i:02d}_{j}_{path.name}"
            f.write_text(v, encoding="utf-8")
            files.append(str(f))
    return sorted(files)


def state(db: str) -> tuple[str, str, str]:
    runner = CliRunner()
    out = []
    for args in (("export", "timeline"), ("export", "observations"), ("problems",)):
        r = invoke(runner, *args, "--db", db)
        assert r.exit_code in (0, 1), r.output
        out.append(r.output)
    return out[0], out[1], out[2]


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> tuple[str, str, str]:
    db = str(tmp_path_factory.mktemp("ref") / "ref.db")
    ingest_paths(open_db(db), corpus, jobs=1, batch_size=200)
    ref = state(db)
    assert ref[0].count("\n") > 300 and ref[1].count("\n") > 1000
    assert ",conflict-resolved," in ref[0] and ",agreed," in ref[0]
    return ref


@pytest.mark.parametrize("trial", range(TRIALS))
def test_any_order_and_batching_gives_the_same_database(corpus, reference, tmp_path, trial):
    rnd = random.Random(1000 + trial)
    files = list(corpus)
    rnd.shuffle(files) if trial else files.reverse()
    cuts = sorted(rnd.sample(range(1, len(files)), rnd.randrange(0, 4)))  # separate ingests
    db = str(tmp_path / "x.db")
    engine = open_db(db)
    for run in (files[a:b] for a, b in zip([0, *cuts], [*cuts, len(files)])):
        ingest_paths(engine, run, jobs=1, batch_size=rnd.choice((1, 3, 7, 200)))
    got = state(db)
    for name, a, b in zip(("export timeline", "export observations", "problems"), got, reference):
        assert a == b, f"{name} differs (trial {trial}, cuts {cuts})"


def test_workers_and_a_shuffled_order_give_the_same_database(corpus, reference, tmp_path):
    files = list(corpus)
    random.Random(7).shuffle(files)
    db = str(tmp_path / "j2.db")
    r = invoke(CliRunner(), "ingest", "-q", "--db", db, "-j", "2", "--batch-size", "5", *files)
    assert r.exit_code in (0, 1) and "Error" not in r.output, r.output
    assert state(db) == reference
