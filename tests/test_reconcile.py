"""Reconciliation scenarios as example tables: rows of one key → the timeline value.

Rows come from the traps of the development corpus (shared/corpus/dev/README.md): version
chains, syndicated copies, provisional flows, rounding, arithmetic typos.
"""
from __future__ import annotations

import random

import pytest

from kospitl.reconcile import CLUSTER_ORDER, Claim, Row, _clusters_by_scan, agree, clusters, settle_group


def row(id, value, *, article, witness=None, metric="close", kind="index", as_of="close", quantum=0.01,
        source_kind="daily", tag=None, time="2025-10-02T16:00:00+09:00", publisher=None, credit=None, approx=False):
    return Row(id, kind, metric, as_of, value, approx, quantum, article, witness or f"article:{article}",
               source_kind, tag, time, publisher, credit)


def settle(rows, nxt=(), prev=(), prev_facts=None):
    out = settle_group(list(rows), list(nxt), list(prev), prev_facts or {})
    return {(f.kind, f.metric, f.as_of): f for f in out.facts}, out.verdicts


AGREE = [
    (Claim(1, 644.68e9, False, 1e7, "a"), Claim(2, 644.7e9, False, 1e8, "b"), True, "644.7 bn restates 644.68 bn"),
    (Claim(1, 3549.21, False, 0.01, "a"), Claim(2, 3549.2, False, 0.1, "b"), True, "one decimal fewer"),
    (Claim(1, 2.2373e12, False, 1e8, "a"), Claim(2, 2e12, False, 1e12, "b"), True, "'2 trillion' is 2.2373 tn rounded"),
    (Claim(1, 1.7745e12, False, 1e8, "a"), Claim(2, 1.6e12, False, 1e11, "b"), False, "1.6 tn is not 1.7745 tn rounded"),
    (Claim(1, 3.14e12, False, 1e10, "a"), Claim(2, 3.26e12, False, 1e10, "b"), False, "provisional vs final"),
    (Claim(1, 4e12, True, 1e12, "a"), Claim(2, 4.02e12, False, 1e10, "b"), True, "'more than 4 trillion' within 1%"),
]


@pytest.mark.parametrize("a,b,expected,why", AGREE, ids=[x[3] for x in AGREE])
def test_agree(a, b, expected, why):
    assert agree(a, b) is expected and agree(b, a) is expected


def test_story_versions_supersede_and_copies_do_not_vote():
    """d02-d05: 3.14 tn in the first take, the LEAD and the Herald copy; 3.26 tn in the 2nd LD."""
    y = "Yonhap:2025-10-02"
    rows = [row(1, 3.14e12, article=2, witness=y, kind="flow", metric="net_buy", quantum=1e10, tag=None, time="2025-10-02T15:44:00+09:00", publisher="Yonhap"),
            row(2, 3.14e12, article=3, witness=y, kind="flow", metric="net_buy", quantum=1e10, tag="(LEAD)", time="2025-10-02T16:18:00+09:00", publisher="Yonhap"),
            row(3, 3.26e12, article=4, witness=y, kind="flow", metric="net_buy", quantum=1e10, tag="(2nd LD)", time="2025-10-02T17:36:00+09:00", publisher="Yonhap"),
            row(4, 3.14e12, article=5, witness=y, kind="flow", metric="net_buy", quantum=1e10, time="2025-10-02T16:41:00+09:00", credit="Yonhap"),
            row(5, 3.125e12, article=6, witness="News1:2025-10-02", kind="flow", metric="net_buy", quantum=1e9, source_kind="wire", time="2025-10-02T15:47:00+09:00", publisher="News1")]
    facts, verdicts = settle(rows)
    f = facts[("flow", "net_buy", "close")]
    assert (f.value, f.status, f.sources) == (3.26e12, "conflict-resolved", 1)
    assert [verdicts[i][0] for i in (1, 2, 3, 4, 5)] == ["superseded", "superseded", "kept", "copy", "lost"]


def test_a_later_hedged_figure_is_no_later_tally():
    """dev12 w04/w05: Hankyung's final 1조2587억원 (16:54) and KBS's '1조 2천억 원 넘게' (19:24): the
    evening broadcast's hedge restates the tally, it does not replace it; an exact later tally still does."""
    final = row(1, 1.2587e12, article=1, kind="flow", metric="net_buy", quantum=1e8, time="2026-03-05T16:54:00+09:00")
    hedged = row(2, 1.2e12, article=2, kind="flow", metric="net_buy", quantum=1e11, approx=True,
                 time="2026-03-05T19:24:00+09:00")
    f = settle([final, hedged])[0][("flow", "net_buy", "close")]
    assert f.value == 1.2587e12
    later = row(3, 1.27e12, article=3, kind="flow", metric="net_buy", quantum=1e10, time="2026-03-05T20:00:00+09:00")
    f = settle([final, hedged, later])[0][("flow", "net_buy", "close")]
    assert f.value == 1.27e12


def test_agreement_keeps_the_most_precise_value():
    rows = [row(1, 3549.21, article=1), row(2, 3549.2, article=2, quantum=0.1)]
    f = settle(rows)[0][("index", "close", "close")]
    assert (f.value, f.status, f.sources) == (3549.21, "agreed", 2)


def test_arithmetic_refutes_a_typo():
    """d13 prints 110.24 points with 2.57 percent; d14's 101.24 squares with 2.57 percent."""
    rows = [row(1, 4042.83, article=13), row(2, 110.24, article=13, metric="change"), row(3, 2.57, article=13, metric="change_pct"),
            row(4, 4042.83, article=14), row(5, 101.24, article=14, metric="change"), row(6, 2.57, article=14, metric="change_pct")]
    facts, verdicts = settle(rows)
    f = facts[("index", "change", "close")]
    assert (f.value, f.status) == (101.24, "conflict-resolved")
    assert verdicts[2][0] == "lost" and "2.80%" in verdicts[2][1]


def test_previous_close_is_derived_from_the_next_session():
    nxt = [row(1, 3610.6, article=8, quantum=0.1), row(2, 61.39, article=8, metric="change")]
    f = settle([], nxt=nxt)[0][("index", "close", "close")]
    assert (f.value, f.status, f.sources) == (3549.21, "derived", 1)


def test_scale_slip_beyond_the_daily_limit_is_corrected():
    rows = [row(1, 1908000, article=27, kind="quote", metric="high", quantum=1000)]
    f = settle(rows, prev_facts={("quote", "price", "close"): 181200})[0][("quote", "high", "close")]
    assert (f.value, f.status) == (190800, "conflict-resolved")


LOST_REASONS = [
    # (rows of one key, the value kept, the reason the other value lost)
    ([row(1, 4525.48, article=1, source_kind="wire"), row(2, 4525.84, article=2, source_kind="daily")],
     4525.48, "tied 1-1; kept by publisher prior wire > daily"),
    ([row(1, 4525.84, article=1, source_kind="digest"), row(2, 4525.48, article=2, source_kind="aggregator")],
     4525.48, "tied 1-1; kept by publisher prior aggregator > digest"),
    ([row(1, 4525.5, article=1, quantum=0.1), row(2, 4525.84, article=2)],
     4525.84, "tied 1-1, same publisher priors; kept the more precise 4,525.84"),
    ([row(1, 4525.84, article=1), row(2, 4525.48, article=2)],
     4525.48, "tied 1-1, same publisher priors and precision; kept the lower value 4,525.48"),
    ([row(1, 4525.48, article=1, source_kind="wire"), row(2, 4525.48, article=2, source_kind="wire"),
      row(3, 4525.84, article=3, source_kind="daily"), row(4, 4525.84, article=4, source_kind="daily")],
     4525.48, "tied 2-2; kept by publisher prior wire+wire > daily+daily"),
    ([row(1, 4525.84, article=1, source_kind="wire"), row(2, 4525.48, article=2), row(3, 4525.48, article=3)],
     4525.48, "outvoted by 2 independent witnesses stating 4,525.48"),
]


@pytest.mark.parametrize("rows, kept, reason", LOST_REASONS, ids=[x[2] for x in LOST_REASONS])
def test_a_tie_break_is_worded_as_one(rows, kept, reason):
    facts, verdicts = settle(rows)
    f = facts[("index", "close", "close")]
    assert f.value == kept and f.status == "conflict-resolved"
    lost = {v for r in rows if r.value != kept for v in [verdicts[r.id]]}
    assert lost == {("lost", reason)}
    assert reason in f.why and "witness(es)" not in f.why


@pytest.mark.parametrize("seed", range(30))
def test_clusters_found_by_value_are_the_clusters_of_the_definition(seed):
    """Random claims around one value at mixed precisions, some approximate: the bucketed
    search by value gives exactly the clusters (and their order) of the scan."""
    rnd = random.Random(seed)
    base = rnd.choice((3549.21, 1.7745e12, 181200.0, 0.5, -2.4e11, 0.0))
    claims = []
    for i in range(rnd.randrange(1, 120)):
        quantum = rnd.choice((0.01, 0.1, 1.0, 100.0, 1e8, 1e10)) if base else rnd.choice((0.01, 0.1))
        value = round((base + rnd.gauss(0, abs(base) * 0.02 + 0.05)) / quantum) * quantum
        claims.append(Claim(i, value, rnd.random() < 0.2, quantum, f"w{rnd.randrange(8)}", rnd.choice((1.0, 2.0, 3.0)),
                            rnd.choice(("", "2025-10-02T15:00:00+09:00"))))
    # the definition clusters implements: each claim, in CLUSTER_ORDER, joins the first cluster
    # whose head it agrees with (the scan reconcile keeps for values that are not numbers)
    assert clusters(claims) == _clusters_by_scan(sorted(claims, key=CLUSTER_ORDER))


def test_many_claims_on_one_key_are_not_compared_pairwise(monkeypatch):
    """8,000 distinct values of one key (one article printing a long table): the winner is
    found with a few comparisons per claim, not 32 M."""
    import kospitl.reconcile as reconcile

    calls = 0
    real = reconcile.agree

    def counting(a, b):
        nonlocal calls
        calls += 1
        return real(a, b)

    monkeypatch.setattr(reconcile, "agree", counting)
    rows = [row(i, 3000 + i * 0.37, article=1) for i in range(8000)]
    facts, verdicts = settle(rows)
    assert facts[("index", "close", "close")].status == "conflict-resolved"
    assert sum(1 for v in verdicts.values() if v[0] == "lost") == 7999
    assert calls < 8000 * 10, calls
