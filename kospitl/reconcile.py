"""Reconciliation: the observations of one (date, subject) group → timeline facts, with reasons.

Pure functions; ``kospitl.store`` loads the rows and writes the result. The steps, in order
(design notes §2):

1. **Identity first.** Claims are grouped by (date, kind, subject, metric, as_of).
2. **One voice per witness.** A wire story's versions and its syndicated copies are one
   witness; only its latest version that states a fact counts, earlier takes are *superseded*
   and copies are *copies* (kept as evidence, never voting).
3. **Implications.** Arithmetic on one article's own figures implies facts it does not state
   (previous close = close − change; a first close above a level is a record close; the fx
   change is the difference of the rates). Implied claims back stated ones (``sources``
   counts them) and fill keys nobody states (status ``derived``).
4. **Invariants before votes.** A claim its own article's arithmetic refutes (change vs
   percent), that breaks the ±30% daily limit (a 10× scale slip), or that moves the won by an
   implausible amount, loses to claims that pass (``conflict-resolved``).
5. **Votes last.** Values equal at the precision each claim printed agree; the cluster with
   most independent witnesses wins, then publisher priors (wire > daily > aggregator > digest),
   then precision; closing investor flows prefer the latest tally (provisional → final).
   Ties break on the value, so the result never depends on the order of ingestion.
"""
from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Iterable

from kospitl.outlets import KIND_PRIORS
from kospitl.vocab import DERIVABLE, KIND_ROWS, LATEST_WINS
from kospitl.witness import is_copy, version_rank

PUBLISHER_PRIORS = KIND_PRIORS  # by kind of source, from kospitl.outlets
APPROX_TOLERANCE = 0.01
DAILY_LIMIT = {k.name: k.daily_limit for k in KIND_ROWS if k.daily_limit is not None}  # vocab's registry

Key = tuple[str, str, str]  # kind, metric, as_of
# keys arithmetic may fill when no article states them (status "derived"): vocab.DERIVABLE


@dataclass(slots=True, unsafe_hash=True)  # a value; not frozen, which is 5x slower to build
class Row:
    """One stored observation with what reconciliation needs to know of its article."""

    id: int
    kind: str
    metric: str
    as_of: str
    value: float
    approx: bool
    quantum: float
    article_id: int
    witness: str
    source_kind: str = "daily"
    version_tag: str | None = None
    published_at: str | None = None
    publisher: str | None = None
    credit: str | None = None
    article_hash: str = ""  # breaks ties between versions of a story (its article id follows the ingest order)
    key: Key = field(init=False, repr=False, compare=False)  # (kind, metric, as_of), read very often

    def __post_init__(self) -> None:
        k = (self.kind, self.metric, self.as_of)
        self.key = _KEYS.setdefault(k, k)  # one tuple for each key: a writer keeps ~100,000 rows


_KEYS: dict[Key, Key] = {}


@dataclass(slots=True, unsafe_hash=True)  # a value, never changed once made; not frozen (3x slower to build)
class Claim:
    obs_id: int | None  # None for implied and corrected claims
    value: float
    approx: bool
    quantum: float
    witness: str
    weight: float = 1.0
    time: str = ""
    origin: str = "stated"  # stated | implied | corrected
    note: str = ""


@dataclass(frozen=True)
class Fact:
    kind: str
    metric: str
    as_of: str
    value: float
    status: str
    sources: int
    articles: int
    why: str | None = None


@dataclass
class Outcome:
    facts: list[Fact] = field(default_factory=list)
    verdicts: dict[int, tuple[str, str | None]] = field(default_factory=dict)


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


CLUSTER_ORDER = lambda c: (c.approx, c.quantum, c.value, c.time, c.weight, c.origin, c.note)  # noqa: E731


def clusters(claims: Iterable[Claim]) -> list[list[Claim]]:
    """Group claims whose values agree with the cluster's most precise member. Within a cluster,
    claims come in an order that does not depend on the order of ingestion (not by witness or
    id: ``article:N`` numbers follow it), so the reasons listed from them do not either.

    Each claim, in CLUSTER_ORDER, joins the first cluster (in order of creation) whose head it
    agrees with, else heads a new one. The heads are kept sorted by value, per (approx, quantum)
    class — the order they were created in is class by class, and by value within a class — so
    a claim compares only with the heads of each class whose value lies within the largest
    tolerance ``agree`` could allow: O(n log n) for n claims, not n × clusters."""
    ordered = sorted(claims, key=CLUSTER_ORDER)
    if len(ordered) == 1:
        return [ordered]
    if not all(math.isfinite(c.value) and math.isfinite(c.quantum) for c in ordered):
        return _clusters_by_scan(ordered)
    out: list[list[Claim]] = []
    heads: dict[tuple[bool, float], tuple[list[float], list[int]]] = {}  # class → head values, their clusters
    classes: list[tuple[bool, float]] = []  # in the order clusters of that class were created
    for c in ordered:
        home = None
        size = max(abs(c.value), 1.0)
        for cls in classes:
            values, index = heads[cls]
            slack = 1e-9 + (APPROX_TOLERANCE if (cls[0] or c.approx) else 0.0)
            reach = (max(cls[1], c.quantum) / 2 + slack * size) / (1 - slack) * (1 + 1e-9) + 1e-12
            j = bisect.bisect_left(values, c.value - reach)
            while j < len(values) and values[j] <= c.value + reach:
                if agree(out[index[j]][0], c):
                    home = index[j]
                    break
                j += 1
            if home is not None:
                break
        if home is not None:
            out[home].append(c)
            continue
        cls = (c.approx, c.quantum)
        if cls not in heads:
            heads[cls] = ([], [])
            classes.append(cls)
        values, index = heads[cls]
        j = bisect.bisect_right(values, c.value)
        values.insert(j, c.value)
        index.insert(j, len(out))
        out.append([c])
    return out


def _clusters_by_scan(ordered: list[Claim]) -> list[list[Claim]]:
    """``clusters`` by comparing each claim with every head (values that are not numbers)."""
    out: list[list[Claim]] = []
    for c in ordered:
        for cl in out:
            if agree(cl[0], c):
                cl.append(c)
                break
        else:
            out.append([c])
    return out


def witnesses(cl: Iterable[Claim]) -> set[str]:
    return {c.witness for c in cl}


# ---- step 2: one voice per witness ---------------------------------------------------------

def latest_per_witness(rows: list[Row]) -> tuple[list[Row], dict[int, tuple[str, str | None]]]:
    """Rows of one key → the rows that vote, and verdicts for those that do not."""
    by_witness: dict[str, list[Row]] = {}
    for r in rows:
        got = by_witness.get(r.witness)
        if got is None:
            by_witness[r.witness] = [r]
        else:
            got.append(r)
    voters: list[Row] = []
    verdicts: dict[int, tuple[str, str | None]] = {}
    for w in sorted(by_witness):
        if len(by_witness[w]) == 1:  # a witness with one row: it votes
            voters.append(by_witness[w][0])
            continue
        ranked = sorted(by_witness[w], key=lambda r: (not is_copy(r.publisher, r.credit),
                                                      version_rank(r.version_tag), r.published_at or "",
                                                      r.article_hash), reverse=True)
        best = ranked[0]
        for r in ranked:
            if r.article_id == best.article_id:
                voters.append(r)
            elif is_copy(r.publisher, r.credit):
                verdicts[r.id] = ("copy", f"syndicated copy: the same witness as {w}")
            else:
                verdicts[r.id] = ("superseded", f"superseded by a later version of the story "
                                                f"({best.version_tag or 'first take'}, {best.published_at or 'undated'})")
    return voters, verdicts


def witness_times(rows: list[Row]) -> dict[str, str]:
    """When each witness last spoke: its latest original (a copy's reprint time does not count;
    "" when unknown)."""
    out: dict[str, str] = {}
    for r in rows:
        if not is_copy(r.publisher, r.credit):
            t = r.published_at or ""
            if t > out.get(r.witness, ""):
                out[r.witness] = t
            elif r.witness not in out:
                out[r.witness] = ""
    return out


# ---- step 3: implications ------------------------------------------------------------------

def _by_article(rows: Iterable[Row]) -> dict[int, dict[Key, Row]]:
    out: dict[int, dict[Key, Row]] = {}
    for r in rows:
        out.setdefault(r.article_id, {}).setdefault(r.key, r)
    return out


NEXT_IMPLIES = (("index", "close", "close"), ("fx", "rate", "close"))  # keys the next session's rows imply


def implied_claims(today: list[Row], nxt: list[Row], prev: list[Row],
                   own: dict[int, dict[Key, Row]] | None = None, only: Key | None = None) -> dict[Key, list[Claim]]:
    """What each article's own arithmetic says about this session's facts (``own``: today's
    rows by article, when the caller has them already; ``only``: the claims of that key alone
    are wanted, the others may be left out)."""
    out: dict[Key, list[Claim]] = {}

    def add(key: Key, value: float, src: list[Row], note: str) -> None:
        r = src[0]
        out.setdefault(key, []).append(Claim(
            None, round(value, 4), any(x.approx for x in src), max(x.quantum for x in src), r.witness,
            PUBLISHER_PRIORS.get(r.source_kind, 1.0), r.published_at or "", "implied", note))

    # the previous close from the next session's level and change, in one article
    for figs in (_by_article(nxt).values() if only is None or only in NEXT_IMPLIES else ()):
        for (kind, metric, as_of), level in sorted(figs.items()):
            change = figs.get((kind, "change", as_of))
            if change is None or change.approx or level.approx:
                continue
            if kind == "index" and metric in ("close", "open", "level"):
                add(("index", "close", "close"), level.value - change.value, [level, change],
                    f"{metric} {fmt_value(level.value)} − change {fmt_value(change.value)} of the next session")
            elif kind == "fx" and metric in ("rate", "open"):
                add(("fx", "rate", "close"), level.value - change.value, [level, change],
                    f"rate {fmt_value(level.value)} − change {fmt_value(change.value)} of the next session")
    if only is not None and only[1] not in ("record_close", "change"):
        return out  # only the next session's rows imply it
    prev_by = _by_article(prev)
    for aid, figs in (own if own is not None else _by_article(today)).items():
        # a first close above a round level: that close tops every earlier close
        for (kind, metric, _), first in figs.items():
            if kind == "milestone" and metric == "first_close_above":
                close = figs.get(("index", "close", "close")) or figs.get(("quote", "price", "close"))
                if close is not None and close.value >= first.value:
                    add(("milestone", "record_close", "close"), close.value, [close],
                        f"first close above {fmt_value(first.value)}: the close tops every earlier close")
        # the change is the difference from the previous close the same article gives
        before = prev_by.get(aid, {})
        for (kind, metric, as_of), level in sorted(figs.items()):
            if kind == "fx" and metric == "rate" and ("fx", "rate", "close") in before:
                p = before[("fx", "rate", "close")]
                add(("fx", "change", as_of), level.value - p.value, [level, p],
                    f"rate {fmt_value(level.value)} − previous close {fmt_value(p.value)}")
            if kind == "index" and metric == "close" and as_of == "close" and ("index", "close", "close") in before:
                p = before[("index", "close", "close")]
                add(("index", "change", "close"), level.value - p.value, [level, p],
                    f"close {fmt_value(level.value)} − previous close {fmt_value(p.value)}")
    for claims in out.values():  # in an order of their content, not of the articles' row ids
        claims.sort(key=claim_order)
    return out


def claim_order(c: Claim) -> tuple[Any, ...]:
    return (c.value, c.approx, c.quantum, c.time, c.weight, c.origin, c.note, c.witness)


# ---- step 4: invariants ----------------------------------------------------------------------

def check_claim(row: Row, own: dict[Key, Row], prev_value: float | None,
                implied: list[Claim], next_rate: float | None) -> tuple[str | None, float | None]:
    """Why a stated claim is refuted (or None), and a corrected value where one is certain."""
    kind, metric = row.kind, row.metric
    if kind == "index" and metric == "change" and row.as_of == "close":
        close, pct = own.get(("index", "close", "close")), own.get(("index", "change_pct", "close"))
        if close is not None and pct is not None and not pct.approx:
            base = close.value - row.value
            if base > 0:
                got = row.value / base * 100
                if abs(abs(got) - abs(pct.value)) > max(pct.quantum, 0.01) / 2 + 0.006:
                    return (f"arithmetic: {fmt_value(close.value)} − {fmt_value(row.value)} = {fmt_value(round(base, 2))}, "
                            f"and {fmt_value(row.value)}/{fmt_value(round(base, 2))} = {got:.2f}% but the same article "
                            f"says {fmt_value(pct.value)}%"), None
    if kind == "quote" and metric in ("price", "high", "low") and prev_value:
        limit = DAILY_LIMIT["quote"]
        if abs(row.value / prev_value - 1) > limit + 0.005:
            for scale in (10, 100, 0.1):
                if abs(row.value / scale / prev_value - 1) <= limit:
                    return (f"{fmt_value(row.value)} is beyond the ±{limit:.0%} daily limit over the previous close "
                            f"{fmt_value(prev_value)}; a {scale:g}x scale slip for {fmt_value(row.value / scale)}"), row.value / scale
            return f"{fmt_value(row.value)} is beyond the ±{limit:.0%} daily limit over {fmt_value(prev_value)}", None
    if kind == "fx" and metric == "change":
        for c in implied:
            if abs(c.value + row.value) <= c.quantum / 2 + 1e-6 and abs(row.value) > 0:
                return (f"the rates say {c.note} = {fmt_value(c.value)}: the article's words give the wrong "
                        "direction"), None
    if kind == "fx" and metric == "rate" and row.as_of == "close" and next_rate:
        if abs(next_rate / row.value - 1) > DAILY_LIMIT["fx"]:
            return (f"{fmt_value(row.value)} is {abs(next_rate / row.value - 1) * 100:.0f}% away from the next "
                    f"session's {fmt_value(next_rate)}: not a plausible close"), None
    return None, None


# ---- step 5: settling a key -------------------------------------------------------------------

def settle_key(key: Key, rows: list[Row], implied: list[Claim], refuted: dict[int, tuple[str, float | None]],
               prefer_latest: bool) -> tuple[Fact | None, dict[int, tuple[str, str | None]]]:
    kind, metric, as_of = key
    if len(rows) == 1 and not implied and rows[0].id not in refuted:  # the common case, settled as below would
        return Fact(kind, metric, as_of, rows[0].value, "single", 1, 1, None), {rows[0].id: ("kept", None)}
    voters, verdicts = latest_per_witness(rows)
    spoke = witness_times(rows)
    stated = [Claim(r.id, r.value, r.approx, r.quantum, r.witness, PUBLISHER_PRIORS.get(r.source_kind, 1.0),
                    spoke.get(r.witness, "")) for r in voters]
    valid = [c for c in stated if c.obs_id not in refuted]
    invalid = [c for c in stated if c.obs_id in refuted]
    corrected = [replace(c, obs_id=None, value=refuted[c.obs_id][1], origin="corrected")  # type: ignore[arg-type,index]
                 for c in invalid if refuted[c.obs_id][1] is not None]  # type: ignore[index]
    for c in invalid:
        verdicts[c.obs_id] = ("lost", refuted[c.obs_id][0])  # type: ignore[index]
    why: str | None = None
    if valid:
        groups = clusters(valid)
        support = _support(groups, implied) if implied and key in DERIVABLE else None
        strength = [_strength(cl, [], prefer_latest, support[i] if support else None) for i, cl in enumerate(groups)]
        best = max(range(len(groups)), key=lambda i: strength[i])
        win = groups[best]
        backers = witnesses(win) | {c.witness for c in implied if agree(win[0], c) and key in DERIVABLE}
        losers = [c for cl in groups if cl is not win for c in cl]
        lost_reason = _LostReason(win, prefer_latest, strength[best])
        reason: dict[int, str] = {}  # id(claim) → why it lost: worked out once per losing cluster
        for i, cl in enumerate(groups):
            if cl is not win:
                reason.update(lost_reason.of_cluster(cl, strength[i]))
        for c in losers:
            verdicts[c.obs_id] = ("lost", reason[id(c)])  # type: ignore[index]
        for c in win:
            verdicts[c.obs_id] = ("kept", None)  # type: ignore[index]
        value = win[0].value
        if losers or invalid:
            status = "conflict-resolved"
            kept = f"{fmt_value(value)} ({len(backers)} witness{'es' if len(backers) != 1 else ''}) over "
            why = "; ".join(sorted(refuted[c.obs_id][0] for c in invalid) +  # type: ignore[index]
                            [f"{kept}{fmt_value(c.value)}: {reason[id(c)]}" for c in losers[:3]])
        else:
            status = "agreed" if len(backers) >= 2 else "single"
        return Fact(kind, metric, as_of, value, status, len(backers), len(win), why), verdicts
    # implied changes only check stated ones; the timeline derives closes and records
    fallback = (implied if (key in DERIVABLE or invalid) else []) or corrected
    if fallback:
        groups = clusters(fallback)
        win = max(groups, key=lambda cl: _strength(cl, [], False))
        backers = witnesses(win)
        if invalid:
            why = "; ".join(sorted(refuted[c.obs_id][0] for c in invalid))  # type: ignore[index]
            return Fact(kind, metric, as_of, win[0].value, "conflict-resolved", len(backers), len(win), why), verdicts
        return Fact(kind, metric, as_of, win[0].value, "derived", len(backers), len(win), win[0].note), verdicts
    if invalid:  # refuted, and nothing better known: keep what was printed, flagged
        groups = clusters(invalid)
        win = max(groups, key=lambda cl: _strength(cl, [], False))
        for c in win:
            verdicts[c.obs_id] = ("kept", "refuted, but no better value is known")  # type: ignore[index]
        why = "; ".join(sorted(refuted[c.obs_id][0] for c in win))  # type: ignore[index]
        return Fact(kind, metric, as_of, win[0].value, "single", len(witnesses(win)), len(win),
                    "unresolved: " + why), verdicts
    return None, verdicts


OVERRIDE_WEIGHT = PUBLISHER_PRIORS["override"]


def _support(groups: list[list[Claim]], implied: list[Claim]) -> list[set[str]]:
    """For each cluster, the witnesses of the implied claims (origin "implied") that agree with
    its head: ``_strength``'s support, for every cluster at once. Each head is compared only
    with the implied claims whose value lies within the largest tolerance ``agree`` could allow
    (as in ``clusters``): O((clusters + claims) log claims), not clusters × claims."""
    imp = sorted((c for c in implied if c.origin == "implied"), key=lambda c: c.value)
    heads = [cl[0] for cl in groups]
    if not all(math.isfinite(c.value) and math.isfinite(c.quantum) for c in imp + heads):
        return [{c.witness for c in imp if agree(h, c)} for h in heads]
    values = [c.value for c in imp]
    quantum = max((c.quantum for c in imp), default=0.0)
    loose = any(c.approx for c in imp)
    out: list[set[str]] = []
    for h in heads:
        slack = 1e-9 + (APPROX_TOLERANCE if (loose or h.approx) else 0.0)
        reach = (max(quantum, h.quantum) / 2 + slack * max(abs(h.value), 1.0)) / (1 - slack) * (1 + 1e-9) + 1e-12
        j = bisect.bisect_left(values, h.value - reach)
        got: set[str] = set()
        while j < len(values) and values[j] <= h.value + reach:
            if agree(h, imp[j]):
                got.add(imp[j].witness)
            j += 1
        out.append(got)
    return out


def _strength(cl: list[Claim], implied: list[Claim], prefer_latest: bool,
              support: set[str] | None = None) -> tuple[Any, ...]:
    """A cluster's rank: override, latest tally, witnesses (with the implied claims agreeing with
    its head that no witness of its own made: from ``implied``, or ``support`` when the caller
    worked them out), weight, precision, value."""
    best: dict[str, float] = {}
    override = ""  # a manual override (kospitl override) outranks every article; the latest one wins
    for c in cl:
        w = c.weight
        if w > best.get(c.witness, 0.0):
            best[c.witness] = w
        elif c.witness not in best:
            best[c.witness] = 0.0
        if w >= OVERRIDE_WEIGHT and c.time > override:
            override = c.time
    n = len(best)
    if support:
        n += len(support - best.keys())
    elif implied:
        head = cl[0]
        n += len({c.witness for c in implied if c.origin == "implied" and agree(head, c)} - best.keys())
    # a hedged figure ("1조 2천억 원 넘게") restates a tally, it is none: it never makes a cluster the latest
    latest = max((c.time for c in cl if not c.approx), default="") if prefer_latest else ""
    return (override, latest, n, sum(best.values()), -cl[0].quantum, -cl[0].value)


PRIOR_NAMES = {weight: kind for kind, weight in reversed(PUBLISHER_PRIORS.items())}  # a shared weight: its first kind


class _LostReason:
    """Why the claims of a losing cluster lost to ``win`` (``won``: its strength, as
    ``_strength``). What depends on the winner alone is worked out once: a key with thousands
    of claims would otherwise count the winners' witnesses again for every loser."""

    def __init__(self, win: list[Claim], prefer_latest: bool, won: tuple[Any, ...]) -> None:
        self.win, self.prefer_latest, self.won = win, prefer_latest, won
        self.override = any(x.weight >= PUBLISHER_PRIORS["override"] for x in win)
        self.latest = max(x.time for x in win)
        self._outvoted: str | None = None
        self._priors: str | None = None

    @property
    def outvoted(self) -> str:
        if self._outvoted is None:
            n = len(witnesses(self.win))
            self._outvoted = (f"outvoted by {n} independent witness{'es' if n != 1 else ''} stating "
                              f"{fmt_value(self.win[0].value)}")
        return self._outvoted

    def of_cluster(self, cl: list[Claim], lost: tuple[Any, ...]) -> dict[int, str]:
        """id(claim) → reason, for each claim of the losing cluster ``cl`` of strength ``lost``."""
        if self.prefer_latest and not self.override:
            return {id(c): self.of_claim(c) for c in cl}
        reason = self.of_claim(cl[0], (self.won, lost, cl))
        return {id(c): reason for c in cl}

    def of_claim(self, c: Claim, vote: tuple[tuple[Any, ...], tuple[Any, ...], list[Claim]] | None = None) -> str:
        """Why ``c`` lost; ``vote`` is the winner's and the loser's strength and the loser's
        cluster, which tell a tie-break from a vote."""
        win = self.win
        if self.override:
            return f"a manual override ({self.latest}) sets {fmt_value(win[0].value)}"
        if self.prefer_latest:
            return (f"a later tally ({self.latest or 'later'}) replaces the provisional "
                    f"{fmt_value(c.value)} ({c.time or 'earlier'})")
        if vote is not None and vote[0][2] == vote[1][2]:
            won, lost, lost_cl = vote
            tied = f"tied {won[2]}-{lost[2]}"
            if won[3] != lost[3]:
                if self._priors is None:
                    self._priors = _priors(win)
                return f"{tied}; kept by publisher prior {self._priors} > {_priors(lost_cl)}"
            if won[4] != lost[4]:
                return f"{tied}, same publisher priors; kept the more precise {fmt_value(win[0].value)}"
            return f"{tied}, same publisher priors and precision; kept the lower value {fmt_value(win[0].value)}"
        return self.outvoted


def _priors(cl: list[Claim]) -> str:
    """The publisher kinds of a cluster's witnesses, strongest first ("wire", "wire+daily")."""
    best: dict[str, float] = {}
    for c in cl:
        best[c.witness] = max(best.get(c.witness, 0.0), c.weight)
    return "+".join(PRIOR_NAMES.get(w, f"{w:g}") for w in sorted(best.values(), reverse=True))


def settle_group(today: list[Row], nxt: list[Row], prev: list[Row],
                 prev_facts: dict[Key, float]) -> Outcome:
    """All facts of one (date, subject) from its rows and those of the neighbouring sessions."""
    out = Outcome()
    own = _by_article(today)
    implied = implied_claims(today, nxt, prev, own)
    by_key: dict[Key, list[Row]] = {}
    for r in today:
        by_key.setdefault(r.key, []).append(r)
    next_rate = median([r.value for r in nxt if r.kind == "fx" and r.metric in ("rate", "open")])
    refuted: dict[int, tuple[str, float | None]] = {}
    for key, rows in by_key.items():
        for r in rows:
            prev_value = prev_facts.get(("quote", "price", "close")) if r.kind == "quote" else None
            reason, fixed = check_claim(r, own[r.article_id], prev_value, implied.get(key, []),
                                        next_rate)
            if reason:
                refuted[r.id] = (reason, fixed)
    for key in sorted(set(by_key) | set(implied)):
        prefer_latest = key in LATEST_WINS
        fact, verdicts = settle_key(key, by_key.get(key, []), implied.get(key, []), refuted, prefer_latest)
        out.verdicts.update(verdicts)
        if fact is not None:
            out.facts.append(fact)
    return out


def median(values: list[float]) -> float | None:
    """The lower median (a stated value, whatever order the values come in), or None.

    >>> median([1452.5, 1435.05, 1440.0, 1246.0]), median([])
    (1435.05, None)
    """
    if not values:
        return None
    return sorted(values)[(len(values) - 1) // 2]


def fmt_value(v: float) -> str:
    """A value for messages: thousands separators, no trailing zeros.

    >>> fmt_value(1246.85), fmt_value(3260000000000.0)
    ('1,246.85', '3,260,000,000,000')
    """
    if v == int(v) and abs(v) < 1e18:
        return f"{int(v):,}"
    return f"{v:,.4f}".rstrip("0").rstrip(".")
