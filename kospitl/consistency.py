"""Article-level consistency: the article's own figures choose between readings.

Extraction reads one sentence at a time; some readings only show themselves wrong beside the
rest of the article. These are facts about market figures, not about any file:

- **A round threshold is not a level.** Index levels are printed to two decimals ("3,344.20");
  a whole multiple of 100 printed without decimals ("above 5,000", "the 4,800 mark") is a
  threshold, never an open, close, level, intraday extreme or record.
- **The won is quoted to a tenth of a won**: a whole multiple of 10 ("near 1,480 won") is a
  threshold, not a rate.
- **Moves are bounded.** KRX halts trading at falls of 8, 15 and 20 percent and limits a stock
  to ±30 percent a day: an index or stock percent beyond 30, or an index change larger than
  30 percent of the index's level in the same article, is a misreading (a count, a
  year-to-date figure, another clause's number).
- **Levels of one subject on one session are near each other** (the daily limit): of two or
  more levels of a subject on one session, one more than 1.5x away from the others' median (the
  session's, or where it has only two, the article's for that subject) is a misreading (a count
  like "776 to 121", a date like "2025.09").

- **A figure restated rounded is the same figure**: of two values of one key in one article,
  one that is the other rounded to its own printed precision ("a net 1.53 trillion won ...
  their net selling came to 1,528.3 billion won") is a restatement: the precise one stands.

- **A stock's move in won is not its price**: of two prices of one stock at one time, the small
  one that is the stated percent of the previous price is the move.

A rejected reading is reported as a problem with its evidence (code ``implausible``), never
silently re-interpreted. Observations keep the figures the article states as printed,
including typos its own arithmetic refutes (those are the reconciler's business).
"""
from __future__ import annotations

import math
from statistics import median

from kospitl.errors import Problem
from kospitl.output import cell
from kospitl.records import Observation
from kospitl.vocab import INDEX_SUBJECTS, daily_limit

LEVEL_METRICS = {"index": ("open", "high", "low", "close", "level"), "quote": ("price", "high", "low")}
RECORD_METRICS = ("record_close", "record_high")
# the KRX daily price limit (vocab's daily_limit); index circuit breakers halt trading before it
MAX_MOVE_PCT = 100 * daily_limit("index")
MAX_SPREAD = 1.5  # levels of one subject within one article stay within this factor of their median


def check_article(observations: list[Observation]) -> tuple[list[Observation], list[Problem]]:
    """The observations the article's figures bear out, and a problem for each one rejected."""
    kept = [o for o in observations if not _threshold(o)]  # a threshold is no figure: nothing to review
    rounded = _restated(kept)
    kept = [o for o in kept if o not in rounded]  # the same figure again, less precisely: nothing to review
    problems: list[Problem] = []
    for reject in (_beyond_limit, _outliers, _changes_beyond_level, _won_moves, _records_below_earlier):
        rejected = reject(kept)
        problems += [_problem(o, why) for o, why in rejected.items()]
        kept = [o for o in kept if o not in rejected]
    return kept, problems


def _level_of(o: Observation) -> bool:
    if o.kind == "milestone":
        return o.metric in RECORD_METRICS
    return o.metric in LEVEL_METRICS.get(o.kind, ())


def _threshold(o: Observation) -> bool:
    """A round threshold read as an index level, record or change, or as a won-dollar rate (the
    won is quoted to a tenth: "near 1,480 won", "1,450 won line" are thresholds)."""
    if o.kind == "fx" and o.metric in ("rate", "open"):
        return o.decimals == 0 and o.value % 10 == 0
    if o.subject not in INDEX_SUBJECTS or o.metric in ("first_close_above", "first_intraday_above", "first_above"):
        return False
    if not (_level_of(o) or o.kind == "index" and o.metric == "change"):
        return False
    return o.decimals == 0 and o.value != 0 and o.value % 100 == 0


def _restated(obs: list[Observation]) -> set[Observation]:
    by_key: dict[tuple[str, str, str, str, str], list[Observation]] = {}
    for o in obs:  # any moment of the session is one moment here: "intraday" and a clock alike
        moment = "intraday" if o.as_of == "intraday" or ":" in o.as_of else o.as_of
        by_key.setdefault((o.date, o.kind, o.subject, o.metric, moment), []).append(o)
    out: set[Observation] = set()
    for group in by_key.values():
        for o in group:
            q = _precision(o)
            if q > 0 and any(_precision(p) < q and p.value != o.value and _shortened(p.value, q, o.value) for p in group):
                out.add(o)
            elif o.as_of == "intraday" and any(p.value == o.value and ":" in p.as_of for p in group):
                out.add(o)  # a headline's "KOSPI down 6.86%" over "At 1:10 p.m., ... down 6.86%": the same reading, untimed
    return out


def _shortened(precise: float, q: float, short: float) -> bool:
    """``short`` is ``precise`` to the unit ``q``, rounded or cut ("3468" for 3,468.65 in a post's title)."""
    return any(abs(f(precise / q) * q - short) <= q * 1e-6 for f in (round, math.trunc))


def _precision(o: Observation) -> float:
    """The unit of the last digit that carries information: a whole amount's trailing zeros
    carry none ("외국인 6000억" is to the nearest 100 billion won, "1,528.3 billion" to 0.1)."""
    q = o.quantum
    if o.decimals == 0 and o.value and float(o.value).is_integer():
        v = abs(int(o.value))
        while v % (q * 10) == 0 and q * 10 <= v:
            q *= 10
    return q


def _beyond_limit(obs: list[Observation]) -> dict[Observation, str]:
    out: dict[Observation, str] = {}
    for o in obs:
        if o.metric == "change_pct" and o.kind in ("index", "quote"):
            high = 100 * daily_limit(o.kind)
            if not -high <= o.value <= high:
                out[o] = f"a move of {cell(o.value)}% is beyond the {high:g}% daily limit"
    return out


def _outliers(obs: list[Observation]) -> dict[Observation, str]:
    """Levels far from the other levels of their subject on their session (a session moves at
    most 30%): measured against the session's median where it has three or more, else against
    the article's median for the subject (a year-old level alone on its date is no outlier)."""
    by_subject: dict[str, list[Observation]] = {}
    for o in obs:
        if _level_of(o) and o.kind in ("index", "quote", "milestone") and o.value > 0:
            by_subject.setdefault(o.subject, []).append(o)
    out: dict[Observation, str] = {}
    for subject, levels in by_subject.items():
        by_date: dict[str, list[Observation]] = {}
        for o in levels:
            by_date.setdefault(o.date, []).append(o)
        for day, group in by_date.items():
            if len({o.value for o in group}) < 2:
                continue
            pool = group if len(group) >= 3 else levels if len(levels) >= 3 else None
            if pool is None:
                out.update(_by_move(obs, subject, day, group))
                continue
            mid = median(o.value for o in pool)
            for o in group:
                if o.value > mid * MAX_SPREAD or o.value * MAX_SPREAD < mid:
                    out[o] = (f"{subject} at {cell(o.value)} is far from its other levels in this article "
                              f"(median {cell(mid)})")
    return out


def _by_move(obs: list[Observation], subject: str, day: str, group: list[Observation]) -> dict[Observation, str]:
    """Of two closes of an index on one session far apart ("won slides to 1,371" read as the
    KOSPI beside its 2,676.19), the one the article's own change and percent bear out stands:
    change / (close - change) is the percent, to its printed precision."""
    closes = [o for o in group if o.kind == "index" and o.metric == "close"]
    if len(closes) != 2 or max(o.value for o in closes) < min(o.value for o in closes) * MAX_SPREAD:
        return {}
    moves = [o for o in obs if o.kind == "index" and o.subject == subject and o.date == day and o.as_of == "close"]
    change = [o.value for o in moves if o.metric == "change"]
    pct = [o.value for o in moves if o.metric == "change_pct"]
    if len(set(change)) != 1 or len(set(pct)) != 1:
        return {}
    fits = [o for o in closes if o.value != change[0]
            and abs(100 * change[0] / (o.value - change[0]) - pct[0]) <= 0.011]
    if len(fits) != 1:
        return {}
    other = next(o for o in closes if o is not fits[0])
    return {other: f"{subject} at {cell(other.value)} does not fit the article's change {cell(change[0])} "
                   f"and {cell(pct[0])}%, which {cell(fits[0].value)} does"}


def _won_moves(obs: list[Observation]) -> dict[Observation, str]:
    """A stock's move in won read as its price: "climbed 2,700 won, or 2.79 percent, to 99,400
    won" — the smaller amount is the move when it is the stated percent of the previous price
    (99,400 - 2,700)."""
    out: dict[Observation, str] = {}
    for o in obs:
        if o.kind != "quote" or o.metric != "price":
            continue
        pcts = [x.value for x in obs if x.kind == "quote" and x.subject == o.subject and x.date == o.date
                and x.as_of == o.as_of and x.metric == "change_pct" and x.value]
        for big in (x for x in obs if x.kind == "quote" and x.subject == o.subject and x.date == o.date
                    and x.as_of == o.as_of and x.metric == "price" and x.value > 2 * o.value):
            for p in pcts:
                prev = big.value - o.value if p > 0 else big.value + o.value
                if prev > 0 and abs(100 * o.value / prev - abs(p)) <= 0.05 * abs(p) + 0.01:
                    out[o] = (f"{cell(o.value)} won is the move ({cell(p)}% of {cell(prev)}), "
                              f"not the price ({cell(big.value)})")
    return out


def _changes_beyond_level(obs: list[Observation]) -> dict[Observation, str]:
    out: dict[Observation, str] = {}
    for o in obs:
        if o.kind != "index" or o.metric != "change":
            continue
        levels = [x.value for x in obs if x.kind == "index" and x.subject == o.subject and _level_of(x)]
        if levels and abs(o.value) > MAX_MOVE_PCT / 100 * median(levels):
            out[o] = (f"a change of {cell(o.value)} points is beyond {MAX_MOVE_PCT:g}% of "
                      f"the index's level ({cell(median(levels))})")
    return out


def _records_below_earlier(obs: list[Observation]) -> dict[Observation, str]:
    """A record close below a close the same article states for an earlier session is none:
    "설 연휴 직전 거래일 사상 최고치를 또 갈아치운 뒤" read as the 13th's close (5,507.01) beside
    "12일 … 5522.27로 장을 마치며 … 이 종가가 현재까지 최고 기록이다"."""
    out: dict[Observation, str] = {}
    for o in obs:
        if o.kind != "milestone" or o.metric != "record_close":
            continue
        higher = [x for x in obs if x.kind in ("index", "quote") and x.subject == o.subject
                  and x.metric in ("close", "price") and x.as_of == "close" and x.date < o.date and x.value > o.value]
        if higher:
            h = max(higher, key=lambda x: x.value)
            out[o] = f"a record close of {cell(o.value)} is below the close of {cell(h.value)} on {h.date}"
    return out


def _problem(o: Observation, reason: str) -> Problem:
    return Problem("implausible", f"{o.kind} {o.subject} {o.metric} {cell(o.value)} not kept: {reason}",
                   o.line, o.evidence, "warning")
