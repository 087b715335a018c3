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

