"""Reconciliation: the observations of one fact key → one timeline value, with its reason.

Pure functions over ``Claim`` records; ``kospitl.store`` feeds them and writes the result.

Order of the steps (design notes §2):
1. identity first: claims are grouped by (date, kind, subject, metric, as_of);
2. one vote per independent witness (``Claim.witness``: an article, later a story chain);
3. values equal at the precision each claim printed agree ("644.7 bn" backs "644.68 bn"), and the
   most precise agreeing value is kept;
4. the best-backed cluster wins: more witnesses, then the publishers' prior weights, then the
   most precise value; ties are broken by value so the result never depends on input order;
5. derived values fill keys no article states, where arithmetic fixes them exactly.
"""
from __future__ import annotations

from dataclasses import dataclass

# Prior reliability by kind of publisher: wire > daily > aggregator > AI digest.
PUBLISHER_PRIORS = {"wire": 3.0, "daily": 2.0, "aggregator": 1.0, "digest": 0.5, "override": 1000.0}
APPROX_TOLERANCE = 0.01


@dataclass(frozen=True)
class Claim:
    obs_id: int
    value: float
    approx: bool
    quantum: float
    witness: str
    weight: float = 1.0


@dataclass(frozen=True)
class Settled:
    value: float
    status: str
    sources: int
    articles: int
    why: str | None
    losers: tuple[tuple[int, str], ...] = ()  # (observation id, reason)


def agree(a: Claim, b: Claim) -> bool:
    """True when two claims state the same value at the precision each gave.

    >>> agree(Claim(1, 644.68e9, False, 1e7, "a"), Claim(2, 644.7e9, False, 1e8, "b"))
    True
    >>> agree(Claim(1, 3549.21, False, 0.01, "a"), Claim(2, 3549.2, False, 0.1, "b"))
    True
    >>> agree(Claim(1, 3.14e12, False, 1e10, "a"), Claim(2, 3.26e12, False, 1e10, "b"))
    False
    """
    diff = abs(a.value - b.value)
    tol = max(a.quantum, b.quantum) / 2 + 1e-9 * max(abs(a.value), abs(b.value), 1.0)
    if a.approx or b.approx:
        tol = max(tol, APPROX_TOLERANCE * max(abs(a.value), abs(b.value)))
    return diff <= tol


def clusters(claims: list[Claim]) -> list[list[Claim]]:
    """Group claims whose values agree with the cluster's most precise member."""
    out: list[list[Claim]] = []
    for c in sorted(claims, key=lambda c: (c.approx, c.quantum, c.value, c.obs_id)):
        for cl in out:
            if agree(cl[0], c):
                cl.append(c)
                break
        else:
            out.append([c])
    return out


def _strength(cl: list[Claim]) -> tuple[int, float, float, float]:
    witnesses: dict[str, float] = {}
    for c in cl:
        witnesses[c.witness] = max(witnesses.get(c.witness, 0.0), c.weight)
    best = cl[0]
    return (len(witnesses), sum(witnesses.values()), -best.quantum, -best.value)


def settle(claims: list[Claim]) -> Settled:
    """Pick the value of one fact key from its claims (all claims must share the key)."""
    if not claims:
        raise ValueError("settle() needs at least one claim")
    groups = sorted(clusters(claims), key=_strength, reverse=True)
    win = groups[0]
    value = win[0].value
    witnesses = {c.witness for c in win}
    articles = len({c.obs_id for c in win})
    losers: list[tuple[int, str]] = []
    for cl in groups[1:]:
        for c in cl:
            losers.append((c.obs_id, f"outvoted: {len(witnesses)} witness(es) state {_fmt(value)}"))
    if len(groups) > 1:
        others = ", ".join(sorted({_fmt(cl[0].value) for cl in groups[1:]}))
        why = (f"{len(witnesses)} independent witness(es) state {_fmt(value)} against {others} "
               f"({sum(len({c.witness for c in cl}) for cl in groups[1:])} witness(es))")
        return Settled(value, "conflict-resolved", len(witnesses), articles, why, tuple(losers))
    status = "agreed" if len(witnesses) >= 2 else "single"
    return Settled(value, status, len(witnesses), articles, None)


def _fmt(v: float) -> str:
    return str(int(v)) if v == int(v) and abs(v) < 1e18 else f"{v:g}"
