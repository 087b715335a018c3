"""The fact vocabulary as data (see README, "Fact vocabulary")."""
from __future__ import annotations

KINDS: dict[str, tuple[str, ...]] = {
    "index": ("open", "high", "low", "close", "level", "change", "change_pct", "volume",
              "turnover", "advancers", "decliners", "unchanged"),
    "quote": ("price", "change_pct", "high", "low"),
    "flow": ("net_buy",),
    "fx": ("rate", "open", "change"),
    "rate": ("yield", "change_bp"),
    "indicator": ("balance", "value"),
    "milestone": ("first_close_above", "first_intraday_above", "first_above",
                  "record_close", "record_high"),
}

INDEX_SUBJECTS = ("KOSPI", "KOSDAQ", "KOSPI200")
INVESTORS = ("foreign", "institution", "individual")
FX_PAIRS = ("USD/KRW",)
BONDS = ("KTB3Y", "KTB5Y", "KTB10Y")

STATUSES = ("agreed", "single", "conflict-resolved", "derived")

# metrics whose values are won amounts (stored and exported as integers)
WON_METRICS = {("flow", "net_buy"), ("index", "turnover"), ("quote", "price"), ("quote", "high"),
               ("quote", "low"), ("indicator", "balance"), ("indicator", "value")}

FACT_COLUMNS = ("date", "kind", "subject", "metric", "as_of", "value")
OBSERVATION_COLUMNS = FACT_COLUMNS + ("article", "approx", "evidence", "rule", "date_rule",
                                      "line", "status")
TIMELINE_COLUMNS = FACT_COLUMNS + ("status", "sources", "articles", "why")


def is_known(kind: str, metric: str) -> bool:
    """True when ``metric`` belongs to ``kind`` in the vocabulary.

    >>> is_known("flow", "net_buy"), is_known("flow", "close")
    (True, False)
    """
    return metric in KINDS.get(kind, ())



# The plausible range of each metric, (lowest, highest), in base units: wide enough for any
# figure the market can print (KOSPI has never been near 100,000 points, no stock moves more
# than its ±30% daily limit, no investor group nets 100 trillion won in a session), so a value
# outside it is a typo (a slipped decimal, a wrong unit), refused where a person types it
# (``kospitl override``).
LEVEL, WON_TOTAL, WON_DAY = (1.0, 100_000.0), (0.0, 1e16), (-1e14, 1e14)
RANGES: dict[tuple[str, str], tuple[float, float]] = {
    **{("index", m): LEVEL for m in ("open", "high", "low", "close", "level")},
    ("index", "change"): (-10_000.0, 10_000.0), ("index", "change_pct"): (-30.0, 30.0),
    ("index", "volume"): (0.0, 1e11), ("index", "turnover"): (0.0, 1e15),
    **{("index", m): (0.0, 5_000.0) for m in ("advancers", "decliners", "unchanged")},
    **{("quote", m): (1.0, 1e8) for m in ("price", "high", "low")}, ("quote", "change_pct"): (-30.0, 30.0),
    ("flow", "net_buy"): WON_DAY,
    ("fx", "rate"): (500.0, 5_000.0), ("fx", "open"): (500.0, 5_000.0), ("fx", "change"): (-300.0, 300.0),
    ("rate", "yield"): (-5.0, 30.0), ("rate", "change_bp"): (-500.0, 500.0),
    ("indicator", "balance"): WON_TOTAL, ("indicator", "value"): WON_TOTAL,
    **{("milestone", m): (0.0, 1e16) for m in KINDS["milestone"]},  # a level, or won (market cap)
}
WHOLE_METRICS = {("index", "volume"), ("index", "advancers"), ("index", "decliners"), ("index", "unchanged")}

INDICATORS = ("margin_loans", "market_cap:KOSPI")  # and stock_lending:<ticker>
MILESTONE_SUBJECTS = ("KOSPI", "KOSDAQ", "market_cap:KOSPI", "margin_loans")  # and a ticker
SUBJECTS: dict[str, tuple[str, ...]] = {
    "index": INDEX_SUBJECTS, "quote": (), "flow": INVESTORS, "fx": FX_PAIRS, "rate": BONDS,
    "indicator": INDICATORS, "milestone": MILESTONE_SUBJECTS,
}
TICKER_SUBJECTS = {"quote", "milestone"}  # kinds whose subject may be a six-digit ticker
AS_OF_WORDS = ("close", "open", "intraday")


def out_of_range(kind: str, metric: str, value: float) -> str | None:
    """Why ``value`` cannot be a figure of ``kind metric``, or None.

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
