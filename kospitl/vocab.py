"""The fact vocabulary as data: one registry of kinds, read by every stage.

``REGISTRY`` holds one :class:`Kind` per kind of fact and, inside it, one :class:`Metric` per
metric: what the metric measures (its unit, whether it is a whole number), the plausible ranges
(what extraction may read, what a person may type), whether arithmetic may derive it, whether
the latest tally wins, and per kind its subjects, its daily limit and which neighbouring
sessions its facts depend on. Extraction, resolution, article consistency, reconciliation, the
store's neighbour relation, ``check``, the column dictionary and the CLI's choices read it; the
contract it restates is ``shared/docs/fact-vocabulary.md`` (pinned by ``tests/test_vocab.py``).
Adding a kind means a row here plus one interpreter in ``kospitl/extraction``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

Range = tuple[float, float]  # (lowest, highest), in base units, both included
TICKER = "<ticker>"  # in a subject form: a six-digit KRX ticker (005930)
TICKER_FORM = re.compile(r"\d{6}")


@dataclass(frozen=True)
class Metric:
    """One metric of a kind.

    ``read`` is what extraction may read: a figure outside it is a misreading (a slipped
    decimal, a count, another clause's number), reported as a problem and never stored; where
    the level of each subject has its own range (an index), the kind's ``subject_read`` narrows
    it. ``typed`` is what a person may type (``kospitl override``): wide enough for any figure
    the market can print, narrower than ``read`` where a reading is only refused as absurd.
    """

    name: str
    unit: str  # points, won, shares, issues, percent, bp; a milestone's is its subject's
    description: str
    read: Range
    typed: Range
    integer: bool = False  # a whole number (won amounts, shares, issue counts): stored and exported so
    level: bool = False  # a level of the subject (not a move, a count or an amount)
    least: float = 0.0  # the smallest magnitude a stated figure has (flows are stated in millions at least)
    derivable: tuple[str, ...] = ()  # the as_of at which arithmetic may fill the key nobody states
    latest_wins: tuple[str, ...] = ()  # the as_of at which the latest tally replaces a provisional one


@dataclass(frozen=True)
class Kind:
    """One kind of fact: its metrics and subjects and how its sessions depend on each other."""

    name: str
    description: str
    metrics: tuple[Metric, ...]
    subjects: tuple[str, ...]  # the fixed subjects, then forms with <ticker> (a six-digit code)
    daily_limit: float | None = None  # the largest move of a level from one session to the next (a fraction)
    # the neighbouring sessions whose rows a session's facts depend on: "previous" (its close is
    # implied by the next session's level − change), "next" (its close is the base of the next
    # session's daily limit)
    neighbours: tuple[str, ...] = ()
    subject_read: tuple[tuple[str, Range], ...] = ()  # per subject, the range its levels may be read in
    closing: str | None = None  # the metric whose value at the close is the subject's closing level

    def metric(self, name: str) -> Metric:
        return next(m for m in self.metrics if m.name == name)

    @property
    def metric_names(self) -> tuple[str, ...]:
        return tuple(m.name for m in self.metrics)

    @property
    def fixed_subjects(self) -> tuple[str, ...]:
        return tuple(s for s in self.subjects if TICKER not in s)

    @property
    def takes_ticker(self) -> bool:
        """Whether a bare six-digit ticker is a subject of this kind."""
        return TICKER in self.subjects

    def has_subject(self, subject: str) -> bool:
        """Whether ``subject`` is one of this kind's (a fixed one, or a ticker form).

        >>> REGISTRY["indicator"].has_subject("stock_lending:005930"), REGISTRY["quote"].has_subject("KOSPI")
        (True, False)
        """
        if subject in self.fixed_subjects:
            return True
        for form in self.subjects:
            head, sep, tail = form.partition(TICKER)
            if sep and subject.startswith(head) and subject.endswith(tail) and \
                    TICKER_FORM.fullmatch(subject[len(head):len(subject) - len(tail)]):
                return True
        return False


# ---- the registry -----------------------------------------------------------------------------
# Magnitudes beyond any the market has seen (what extraction may read when no tighter range is
# known): points, won, counts of shares.
POINTS, WON, COUNT = 1e6, 1e17, 1e13
LEVEL_TYPED, WON_TOTAL = (1.0, 100_000.0), (0.0, 1e16)
FX_READ: Range = (700, 2500)  # won per dollar: a figure outside is a move, a threshold or another currency
PRICE_READ: Range = (0, 50_000_000)  # won: no KRX share has traded near 50 million won
FLOW_READ: Range = (-5e13, 5e13)  # won: no group has netted 50 trillion won in a day; such a sum is a market value


_INDEX_LEVELS = {
    "open": "the index level at the opening of the session",
    "high": "the session's highest level",
    "low": "the session's lowest level",
    "close": "the index level at the close of the session",
    "level": "the index level at a moment of the session (a snapshot)",
}
_ISSUES = {"advancers": "issues that closed higher", "decliners": "issues that closed lower",
           "unchanged": "issues that closed unchanged"}
_RECORDS = {
    "first_close_above": "the round threshold the subject closed above for the first time",
    "first_intraday_above": "the round threshold the subject rose above during a session for the first time",
    "first_above": "the round threshold the subject rose above for the first time (close or intraday not said)",
    "record_close": "a closing level above every earlier close (also the session's close)",
    "record_high": "a level above every earlier one, reached during the session",
}

KIND_ROWS: tuple[Kind, ...] = (
    Kind("index", "a KRX index: its levels, moves, volume, turnover and breadth", (
        *(Metric(n, "points", d, (-POINTS, POINTS), LEVEL_TYPED, level=True,
                 derivable=("close",) if n == "close" else ()) for n, d in _INDEX_LEVELS.items()),
        Metric("change", "points", "change from the previous session's close", (-POINTS, POINTS),
               (-10_000.0, 10_000.0)),
        Metric("change_pct", "percent", "change from the previous session's close", (-1000.0, 1000.0),
               (-30.0, 30.0)),
        Metric("volume", "shares", "shares traded in the session", (1e6, COUNT), (0.0, 1e11), integer=True),  # a board never trades under a million shares a session
        Metric("turnover", "won", "value traded in the session", (-WON, WON), (0.0, 1e15), integer=True),
        *(Metric(n, "issues", d, (-1e5, 1e5), (0.0, 5_000.0), integer=True) for n, d in _ISSUES.items()),
    ), ("KOSPI", "KOSDAQ", "KOSPI200"), daily_limit=0.20, neighbours=("previous",), closing="close",
        subject_read=(("KOSPI", (300, 20000)), ("KOSDAQ", (200, 5000)), ("KOSPI200", (50, 3000)))),
    Kind("quote", "a listed stock's price and move", (
        Metric("price", "won", "share price (the close, or the reading at as_of)", PRICE_READ, (1.0, 1e8),
               integer=True, level=True),
        Metric("change_pct", "percent", "change from the previous session's close", (-1000.0, 1000.0),
               (-30.0, 30.0)),
        Metric("high", "won", "the session's highest price", PRICE_READ, (1.0, 1e8), integer=True, level=True),
        Metric("low", "won", "the session's lowest price", PRICE_READ, (1.0, 1e8), integer=True, level=True),
    ), (TICKER,), daily_limit=0.30, neighbours=("next",), closing="price"),
    Kind("flow", "an investor group's net buying on the KOSPI market", (
        Metric("net_buy", "won", "net purchases (negative: net sales)", FLOW_READ, FLOW_READ, integer=True,
               least=1_000_000, latest_wins=("close",)),
    ), ("foreign", "institution", "individual")),
    Kind("fx", "the won against the US dollar", (
        Metric("rate", "won", "won per US dollar (the close, or the reading at as_of)", FX_READ,
               (500.0, 5_000.0), level=True, derivable=("close",)),
        Metric("open", "won", "the opening rate, on the close row", FX_READ, (500.0, 5_000.0), level=True),
        Metric("change", "won", "change of the rate from the previous close (+: the won weakened)", (-1e5, 1e5),
               (-300.0, 300.0)),
    ), ("USD/KRW",), daily_limit=0.05, neighbours=("previous",), closing="rate"),
    Kind("rate", "Korea Treasury bond yields", (
        Metric("yield", "percent", "the bond's yield to maturity at the close, in percent a year", (-100.0, 100.0),
               (-5.0, 30.0), level=True),
        Metric("change_bp", "bp", "change of the yield from the previous session", (-1e4, 1e4), (-500.0, 500.0)),
    ), ("KTB3Y", "KTB5Y", "KTB10Y")),
    Kind("indicator", "market-wide balances and values", (
        Metric("balance", "won", "the balance (margin loans, stock lending)", (-WON, WON), WON_TOTAL, integer=True),
        Metric("value", "won", "the value (market capitalisation)", (-WON, WON), WON_TOTAL, integer=True),
    ), ("margin_loans", "market_cap:KOSPI", f"stock_lending:{TICKER}")),
    Kind("milestone", "round levels crossed for the first time and records set", tuple(
        Metric(n, "points | won", d, (-WON, WON), (0.0, 1e16), derivable=("close",) if n == "record_close" else ())
        for n, d in _RECORDS.items()),  # a level, or won (market cap)
        ("KOSPI", "KOSDAQ", TICKER, "market_cap:KOSPI", "margin_loans")),
)
REGISTRY: dict[str, Kind] = {k.name: k for k in KIND_ROWS}


# ---- what the stages read, derived from the registry --------------------------------------------

KINDS: dict[str, tuple[str, ...]] = {k.name: k.metric_names for k in KIND_ROWS}
SUBJECTS: dict[str, tuple[str, ...]] = {k.name: k.fixed_subjects for k in KIND_ROWS}  # and tickers
TICKER_SUBJECTS = {k.name for k in KIND_ROWS if k.takes_ticker}  # kinds whose subject may be a six-digit ticker
INDEX_SUBJECTS = REGISTRY["index"].subjects
INVESTORS = REGISTRY["flow"].subjects
FX_PAIRS = REGISTRY["fx"].subjects
BONDS = REGISTRY["rate"].subjects
INDICATORS = REGISTRY["indicator"].fixed_subjects  # and stock_lending:<ticker>
MILESTONE_SUBJECTS = REGISTRY["milestone"].fixed_subjects  # and a ticker

STATUSES = ("agreed", "single", "conflict-resolved", "derived")
AS_OF_WORDS = ("close", "open", "intraday")

FACT_COLUMNS = ("date", "kind", "subject", "metric", "as_of", "value")
OBSERVATION_COLUMNS = FACT_COLUMNS + ("article", "approx", "evidence", "rule", "date_rule",
                                      "line", "status")
TIMELINE_COLUMNS = FACT_COLUMNS + ("status", "sources", "articles", "why")

METRICS: dict[tuple[str, str], Metric] = {(k.name, m.name): m for k in KIND_ROWS for m in k.metrics}
# metrics whose values are won amounts (stored and exported as integers)
WON_METRICS = {key for key, m in METRICS.items() if m.unit == "won" and m.integer}
# the plausible range of each metric where a person types it (``kospitl override``)
RANGES: dict[tuple[str, str], Range] = {key: m.typed for key, m in METRICS.items()}
WHOLE_METRICS = {key for key, m in METRICS.items() if m.integer and m.unit != "won"}
# keys (kind, metric, as_of) arithmetic may fill when no article states them (status "derived")
DERIVABLE = {(kind, name, as_of) for (kind, name), m in METRICS.items() for as_of in m.derivable}
# keys (kind, metric, as_of) whose latest tally replaces a provisional one
LATEST_WINS = {(kind, name, as_of) for (kind, name), m in METRICS.items() for as_of in m.latest_wins}


def is_known(kind: str, metric: str) -> bool:
    """True when ``metric`` belongs to ``kind`` in the vocabulary.

    >>> is_known("flow", "net_buy"), is_known("flow", "close")
    (True, False)
    """
    return (kind, metric) in METRICS


def kinds_of(subject: str) -> tuple[str, ...]:
    """The kinds ``subject`` is a subject of.

    >>> kinds_of("KOSPI"), kinds_of("005930"), kinds_of("stock_lending:005930"), kinds_of("Nikkei")
    (('index', 'milestone'), ('quote', 'milestone'), ('indicator',), ())
    """
    return tuple(k.name for k in KIND_ROWS if k.has_subject(subject))


@lru_cache(maxsize=4096)
def neighbours(subject: str) -> tuple[bool, bool]:
    """Whether the facts of a ``subject`` group depend on (the previous, the next) session's rows
    of that subject: the union over the subject's kinds (``Kind.neighbours``).

    >>> neighbours("KOSPI"), neighbours("005930"), neighbours("foreign"), neighbours("USD/KRW")
    ((True, False), (False, True), (False, False), (True, False))
    """
    sides = {side for k in kinds_of(subject) for side in REGISTRY[k].neighbours}
    return "previous" in sides, "next" in sides


def level_kind(subject: str) -> Kind | None:
    """The kind whose closing level ``subject``'s milestones are measured against (an index, a
    stock, the won), or None.

    >>> level_kind("005930").closing, level_kind("KOSPI").name, level_kind("margin_loans")
    ('price', 'index', None)
    """
    return next((REGISTRY[k] for k in kinds_of(subject) if REGISTRY[k].closing), None)


def daily_limit(kind: str) -> float:
    """The largest move of a ``kind``'s level from one session to the next, as a fraction."""
    limit = REGISTRY[kind].daily_limit
    if limit is None:
        raise KeyError(f"{kind} has no daily limit")
    return limit


def read_range(kind: str, metric: str, subject: str | None = None) -> Range:
    """What extraction may read as ``kind metric`` (of ``subject``, whose levels may have their
    own range).

    >>> read_range("index", "close", "KOSDAQ"), read_range("index", "change", "KOSDAQ")
    ((200, 5000), (-1000000.0, 1000000.0))
    """
    m = METRICS[(kind, metric)]
    if m.level and subject is not None:
        for s, r in REGISTRY[kind].subject_read:
            if s == subject:
                return r
    return m.read


def out_of_range(kind: str, metric: str, value: float) -> str | None:
    """Why ``value`` cannot be a figure of ``kind metric`` that a person types, or None.

    >>> out_of_range("index", "close", 4309.63), out_of_range("index", "close", float("inf"))
    (None, 'not a finite number')
    >>> out_of_range("quote", "change_pct", 45.0)
    'outside the plausible range of quote change_pct (-30 to 30)'
    """
    if value != value or value in (float("inf"), float("-inf")):
        return "not a finite number"
    low, high = RANGES.get((kind, metric), (float("-inf"), float("inf")))
    if not low <= value <= high:
        return f"outside the plausible range of {kind} {metric} ({low:,.10g} to {high:,.10g})"
    if (kind, metric) in WHOLE_METRICS and value != int(value):
        return f"{kind} {metric} is a whole number"
    return None
