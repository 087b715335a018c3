"""The registry of kinds (``kospitl.vocab.REGISTRY``) pinned against the contract,
``shared/docs/fact-vocabulary.md``: every kind, metric and subject form the contract's table
names is in the registry, and nothing more. Then example tables of what the stages read from it
(units, whole numbers, derivable keys, the latest tally, neighbours, ranges), each with its why.
"""
from __future__ import annotations

import re

import pytest

from conftest import shared_path
from kospitl import vocab
from kospitl.vocab import REGISTRY

NAME = re.compile(r"[a-z_]+")


def contract() -> dict[str, tuple[set[str], set[str]]]:
    """The contract's table "Kinds, subjects, metrics": kind → (subject forms, metrics). A ticker
    ("KRX ticker, six digits (`005930` ...)", "a ticker") is the form ``<ticker>``."""
    text = shared_path("docs", "fact-vocabulary.md").read_text(encoding="utf-8")
    table = text.split("## Kinds, subjects, metrics", 1)[1].split("\n## ", 1)[0]
    out: dict[str, tuple[set[str], set[str]]] = {}
    for line in table.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 3 or cells[0] in ("kind", "") or set(cells[0]) <= set("-"):
            continue
        kind, subjects, metrics = cells
        forms = {"<ticker>" if re.fullmatch(r"\d{6}", s) else s for s in re.findall(r"`([^`]+)`", subjects)}
        if re.search(r"\bticker\b", re.sub(r"`[^`]*`", "", subjects)):
            forms.add("<ticker>")
        out[kind] = forms, {m for m in re.findall(r"`([^`]+)`", metrics) if NAME.fullmatch(m)}
    return out


def test_the_contract_is_read():
    table = contract()
    assert len(table) == 7 and table["quote"] == ({"<ticker>"}, {"price", "change_pct", "high", "low"})


def test_the_kinds_are_the_contracts():
    assert list(REGISTRY) == list(contract())  # and in the contract's order (the CLI lists them so)


@pytest.mark.parametrize("kind", list(REGISTRY))
def test_metrics_are_the_contracts(kind):
    assert set(REGISTRY[kind].metric_names) == contract()[kind][1]


@pytest.mark.parametrize("kind", list(REGISTRY))
def test_subjects_are_the_contracts(kind):
    assert set(REGISTRY[kind].subjects) == contract()[kind][0]


def test_names_are_unique():
    for k in REGISTRY.values():
        assert len(set(k.metric_names)) == len(k.metrics), k.name
        assert len(set(k.subjects)) == len(k.subjects), k.name


# the contract's units ("value": index points, won, shares, percent, basis points for change_bp)
UNITS = [
    ("index", "close", "points", False, "index points"),
    ("index", "change", "points", False, "a signed move in points"),
    ("index", "change_pct", "percent", False, "2.27 percent is 2.27"),
    ("index", "volume", "shares", True, "a count of shares"),
    ("index", "turnover", "won", True, "won, not billion won"),
    ("index", "advancers", "issues", True, "a count of issues"),
    ("quote", "price", "won", True, "a share price in won"),
    ("quote", "change_pct", "percent", False, "signed percent"),
    ("flow", "net_buy", "won", True, "644.68 billion won is 644680000000"),
    ("fx", "rate", "won", False, "won per dollar, quoted to a tenth (1,450.3)"),
    ("fx", "change", "won", False, "won per dollar, signed, in tenths"),
    ("rate", "yield", "percent", False, "percent a year"),
    ("rate", "change_bp", "bp", False, "basis points"),
    ("indicator", "balance", "won", True, "margin loans in won"),
    ("indicator", "value", "won", True, "market capitalisation in won"),
]


@pytest.mark.parametrize("kind,metric,unit,integer,why", UNITS, ids=[f"{u[0]}.{u[1]}" for u in UNITS])
def test_units(kind, metric, unit, integer, why):
    m = REGISTRY[kind].metric(metric)
    assert (m.unit, m.integer) == (unit, integer), why


def test_every_metric_is_described():
    for k in REGISTRY.values():
        assert k.description
        for m in k.metrics:
            assert m.description and m.unit, f"{k.name}.{m.name}"


# what reconciliation and the store read
BEHAVIOUR = [
    ("derivable", vocab.DERIVABLE,
     {("index", "close", "close"), ("fx", "rate", "close"), ("milestone", "record_close", "close")},
     "previous close = close − change; a first close above a level implies a record close"),
    ("latest wins", vocab.LATEST_WINS, {("flow", "net_buy", "close")},
     "closing investor flows: the exchange's final tally replaces the provisional one"),
]


@pytest.mark.parametrize("name,got,want,why", BEHAVIOUR, ids=[b[0] for b in BEHAVIOUR])
def test_reconciliation_reads(name, got, want, why):
    assert got == want, why


NEIGHBOURS = [
    ("KOSPI", (True, False), "its close is implied by the next session's level − change"),
    ("KOSPI200", (True, False), "an index"),
    ("USD/KRW", (True, False), "the next session's rate − change implies its close"),
    ("005930", (False, True), "its close is the base of the next session's daily limit"),
    ("foreign", (False, False), "flows stand alone"),
    ("KTB10Y", (False, False), "yields stand alone"),
    ("margin_loans", (False, False), "an indicator (and its milestones)"),
    ("market_cap:KOSPI", (False, False), "an indicator (and its milestones)"),
    ("stock_lending:005930", (False, False), "an indicator of a ticker is not a quote"),
]


@pytest.mark.parametrize("subject,sides,why", NEIGHBOURS, ids=[n[0] for n in NEIGHBOURS])
def test_neighbours(subject, sides, why):
    assert vocab.neighbours(subject) == sides, why


SUBJECT_KINDS = [
    ("KOSPI", ("index", "milestone")),
    ("KOSPI200", ("index",)),  # the contract has no KOSPI200 milestones
    ("005930", ("quote", "milestone")),
    ("stock_lending:005930", ("indicator",)),  # no milestones of stock lending
    ("stock_lending:Samsung", ()),
    ("margin_loans", ("indicator", "milestone")),
    ("USD/KRW", ("fx",)),
    ("individual", ("flow",)),
    ("12345", ()),
    ("Nikkei", ()),
]


@pytest.mark.parametrize("subject,kinds", SUBJECT_KINDS, ids=[s[0] for s in SUBJECT_KINDS])
def test_kinds_of(subject, kinds):
    assert vocab.kinds_of(subject) == kinds


# the two ranges serve two purposes: extraction may read a wide range (beyond it: a misreading),
# a person may type only what the market can print
RANGES = [
    ("index", "close", "KOSPI", 4309.63, True, True, "a KOSPI close"),
    ("index", "close", "KOSPI", 45.0, False, True, "below any KOSPI reading; a person may type an odd level"),
    ("index", "close", "KOSPI200", 650.12, True, True, "KOSPI 200 levels are a seventh of the KOSPI's"),
    ("index", "change_pct", None, 45.0, True, False, "read, then refuted by the daily limit (consistency)"),
    ("quote", "price", None, 128_500, True, True, "a share price"),
    ("fx", "rate", None, 1450.3, True, True, "the won"),
    ("flow", "net_buy", None, -4.2e13, True, True, "the largest flows of a session are some trillions of won"),
    ("flow", "net_buy", None, -2.8e14, False, False, "beyond any session's flow: a market value, not read nor typed"),
    ("rate", "yield", None, 2.915, True, True, "a bond yield"),
]


@pytest.mark.parametrize("kind,metric,subject,value,readable,typeable,why", RANGES,
                         ids=[f"{r[0]}.{r[1]}-{r[3]:g}" for r in RANGES])
def test_ranges(kind, metric, subject, value, readable, typeable, why):
    low, high = vocab.read_range(kind, metric, subject)
    assert (low <= value <= high) == readable, why
    assert (vocab.out_of_range(kind, metric, value) is None) == typeable, why


def test_daily_limits():
    assert (vocab.daily_limit("quote"), vocab.daily_limit("fx")) == (0.30, 0.05)
    with pytest.raises(KeyError):
        vocab.daily_limit("flow")


# an index's daily limit (0.20: the KRX level-3 circuit breaker ends trading at a 20% fall, and
# no index has risen that far in a session): what an article's percent of a session may be
DAILY_LIMIT = [
    ("The Kosdaq rose 8.51 points, or 0.99 percent, to 868.12. Measured from his first day in "
     "office, the gauge is up 22.8 percent.", [0.99],
     "22.8% is a move over a presidency, not over a session: beyond the index's daily limit"),
    ("The Kospi plunged 18.52 percent to 2,500.12 after a level-2 circuit breaker.", [-18.52],
     "a crash within the limit is a figure (circuit breakers halt at 8 and 15 percent)"),
]


@pytest.mark.parametrize("text,pcts,why", DAILY_LIMIT, ids=["beyond", "within"])
def test_index_daily_limit(text, pcts, why):
    from kospitl.articles import parse
    from kospitl.ingest import analyse

    assert vocab.daily_limit("index") == 0.20
    observations, _ = analyse(parse(f"Title\nPublished: 10 Sep. 2025, 17:00\n\n{text}\n", "limit.txt"))
    assert [o.value for o in observations if o.metric == "change_pct"] == pcts, why


# what a person types as a subject is read by the registry's subject forms (kospitl.arguments)
TYPED_SUBJECTS = [
    ("kospi", "index", "KOSPI", "a fixed subject, any case"),
    ("Samsung Electronics", "quote", "005930", "a listed name is its ticker"),
    ("stock_lending:Samsung Electronics", None, "stock_lending:005930", "the form stock_lending:<ticker>"),
    ("STOCK_LENDING:005930", "indicator", "stock_lending:005930", "the form's head in any case"),
    ("stock_lending:005930", "quote", None, "not a form of quote"),
    ("stock_lending:nothing", "indicator", None, "no listed company of that name"),
    ("stock_lending:", "indicator", None, "a form without its ticker"),
]


@pytest.mark.parametrize("text,kind,want,why", TYPED_SUBJECTS, ids=[t[0] or "empty" for t in TYPED_SUBJECTS])
def test_typed_subjects(text, kind, want, why):
    from kospitl.arguments import subject_of
    from kospitl.errors import KospitlError

    if want is not None:
        assert subject_of(text, kind) == want, why
        return
    with pytest.raises(KospitlError) as e:
        subject_of(text, kind)
    if kind == "indicator":
        assert "stock_lending:<ticker>" in str(e.value), "the error names the form"
