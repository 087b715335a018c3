"""Crash safety: ``kospitl ingest`` killed with SIGKILL at random points (see crash_harness.py).

A few seeded trials run here; ``python tests/crash_harness.py --trials 100`` runs many more.
The corpus is the shared dev corpus, or the bundled samples when it is absent.
"""
from __future__ import annotations

import signal

import pytest

from conftest import SAMPLES, shared_path
from crash_harness import Reference, corpus_files, run_trial

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

TRIALS = 5


def _corpus():
    try:
        return shared_path("corpus", "dev")
    except pytest.skip.Exception:
        return SAMPLES  # the fallback corpus: the crash checks do not need the gold


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> Reference:
    return Reference.build(corpus_files(_corpus()), tmp_path_factory.mktemp("crash-ref"))


@pytest.mark.parametrize("seed", range(TRIALS))
def test_sigkill_during_ingest(reference, tmp_path, seed):
    trial = run_trial(1000 + seed, reference, tmp_path, finish_in_process=True)
    assert trial.ok, f"kills: {trial.kills}\n" + "\n".join(trial.violations)
