"""Views for a person: what people look up first, in date order, whole numbers as integers.

DB Browser for SQLite and datasette open a view on its first columns and show its rows in the
order the view gives. Every view is recreated so that it starts with what a person looks up
(``session``: date, index_name, close, change, change_pct, then open, high, low, volume,
turnover and breadth, then each figure's status and sources), sorts its rows by date and
subject (KOSPI before KOSPI200 and KOSDAQ, foreign before institution and individual, the
shorter bond first, times of day in clock order with the close last), shows won, share and
count columns as integers and any other figure that is whole without a trailing ``.0``
(``130500``, not ``130500.0``), and puts a name next to every code (company names in English
and Korean, indicator and milestone subjects spelt out). The views are created in the order
datasette lists them.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03
"""
from alembic import op

from kospitl import pg

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def whole(col: str) -> str:
    """``col`` as an integer where it is whole (4000.0 → 4000), else as it is."""
    return f"CASE WHEN {col} = CAST({col} AS INTEGER) THEN CAST({col} AS INTEGER) ELSE {col} END"


def won(col: str) -> str:
    """Whole won, shares and counts: an integer."""
    return f"CAST(ROUND({col}) AS INTEGER)"


def pivot(metrics: tuple[str, ...]) -> str:
    """The inner query's columns: each metric's value, status and sources side by side."""
    cols = []
    for m in metrics:
        cols += [f"MAX(CASE WHEN metric = '{m}' THEN value END) AS \"{m}\"",
                 f"MAX(CASE WHEN metric = '{m}' THEN status END) AS {m}_status",
                 f"MAX(CASE WHEN metric = '{m}' THEN sources END) AS {m}_sources"]
    return ",\n    ".join(cols)


def outer(metrics: tuple[str, ...], integers: tuple[str, ...] = ()) -> str:
    """The outer query's columns: the values first (formatted), then every status and sources."""
    values = [f'{won(q) if m in integers else whole(q)} AS {q}' for m in metrics for q in [f'"{m}"']]
    tails = [f"{m}_{what}" for m in metrics for what in ("status", "sources")]
    return ",\n  ".join(values + tails)


def ranked(col: str, names: tuple[str, ...]) -> str:
    """A sort key putting ``names`` first, in their order."""
    whens = " ".join(f"WHEN '{n}' THEN {i}" for i, n in enumerate(names, 1))
    return f"CASE {col} {whens} ELSE {len(names) + 1} END"


def clock(col: str) -> str:
    """A sort key for as_of: open, then HH:MM readings in clock order, then a reading without a
    time, then the close."""
    return f"CASE {col} WHEN 'open' THEN '0' WHEN 'intraday' THEN '8' WHEN 'close' THEN '9' ELSE {col} END"


def ticker_of(subject: str) -> str:
    """The ticker an indicator or milestone subject is about (stock_lending:005930 → 005930)."""
    return f"CASE WHEN {subject} LIKE 'stock_lending:%' THEN substr({subject}, 15) ELSE {subject} END"


def label(s: str) -> str:
    """A name for a subject that is a code (the ticker row joined as ``t``)."""
    return f"""CASE WHEN {s} = 'margin_loans' THEN 'margin loans'
    WHEN {s} LIKE 'market_cap:%' THEN substr({s}, 12) || ' market capitalisation'
    WHEN {s} LIKE 'stock_lending:%' THEN 'stock lending of ' || COALESCE(t.name_en, substr({s}, 15))
    ELSE COALESCE(t.name_en, {s}) END"""


# the order of the subjects people expect, not the alphabet's
INDICES = ("KOSPI", "KOSPI200", "KOSDAQ")
INVESTORS = ("foreign", "institution", "individual")
BONDS = ("KTB3Y", "KTB5Y", "KTB10Y")

INDEX_METRICS = ("close", "change", "change_pct", "open", "high", "low", "volume", "turnover",
                 "advancers", "decliners", "unchanged")
INDEX_COUNTS = ("volume", "turnover", "advancers", "decliners", "unchanged")
QUOTE_METRICS = ("price", "change_pct", "high", "low")
FX_METRICS = ("rate", "change", "open")
BOND_METRICS = ("yield", "change_bp")

# In the order datasette lists them. Frozen with this revision: later changes need their own.
VIEWS = {
    "session": f"""SELECT date, index_name,
  {outer(INDEX_METRICS, INDEX_COUNTS)}
FROM (SELECT date, subject AS index_name, {ranked('subject', INDICES)} AS _order,
    {pivot(INDEX_METRICS)}
  FROM fact
  WHERE kind = 'index' AND (as_of = 'close' OR metric = 'open')
  GROUP BY date, subject)
ORDER BY date, _order, index_name""",
    "quote": f"""SELECT date, code, company, company_ko,
  {outer(QUOTE_METRICS, ("price", "high", "low"))},
  as_of
FROM (SELECT f.date, f.subject AS code, t.name_en AS company, t.name_ko AS company_ko, f.as_of,
    {pivot(QUOTE_METRICS)}
  FROM fact f LEFT JOIN ticker t ON t.code = f.subject
  WHERE f.kind = 'quote'
  GROUP BY f.date, f.subject, f.as_of)
ORDER BY date, code, {clock('as_of')}""",
    "flow": f"""SELECT date, subject AS investor, {won("value")} AS net_buy, as_of, status, sources, why
FROM fact WHERE kind = 'flow' AND metric = 'net_buy'
ORDER BY date, {ranked('subject', INVESTORS)}, {clock('as_of')}""",
    "milestone": f"""SELECT f.date, f.subject, {label('f.subject')} AS label, f.metric AS event,
  {whole("f.value")} AS level,
  CASE WHEN f.subject IN {INDICES} THEN 'points' ELSE 'won' END AS unit,
  f.status, f.sources, f.why
FROM fact f LEFT JOIN ticker t ON t.code = {ticker_of('f.subject')}
WHERE f.kind = 'milestone'
ORDER BY f.date, {ranked("f.subject", INDICES)}, f.subject, f.metric""",
    "fx": f"""SELECT date, pair,
  {outer(FX_METRICS)},
  as_of
FROM (SELECT date, subject AS pair, CASE WHEN metric = 'open' THEN 'close' ELSE as_of END AS as_of,
    {pivot(FX_METRICS)}
  FROM fact WHERE kind = 'fx'
  GROUP BY date, subject, CASE WHEN metric = 'open' THEN 'close' ELSE as_of END)
ORDER BY date, pair, {clock('as_of')}""",
    "bond_yield": f"""SELECT date, bond,
  {outer(BOND_METRICS)},
  as_of
FROM (SELECT date, subject AS bond, as_of,
    {pivot(BOND_METRICS)}
  FROM fact WHERE kind = 'rate'
  GROUP BY date, subject, as_of)
ORDER BY date, {ranked('bond', BONDS)}, bond, {clock('as_of')}""",
    "indicator": f"""SELECT f.date, f.subject AS indicator, {label('f.subject')} AS label, f.metric,
  {won("f.value")} AS value_won, f.as_of, f.status, f.sources, f.why
FROM fact f LEFT JOIN ticker t ON t.code = {ticker_of('f.subject')}
WHERE f.kind = 'indicator'
ORDER BY f.date, f.subject, f.metric, {clock('f.as_of')}""",
    "intraday": f"""SELECT date, subject AS index_name, as_of, metric, {whole("value")} AS value,
  status, sources, why
FROM fact WHERE kind = 'index' AND as_of <> 'close' AND metric <> 'open'
ORDER BY date, {ranked('subject', INDICES)}, subject, {clock('as_of')}, metric""",
    "v_timeline": f"""SELECT f.date, f.kind, f.subject, {label('f.subject')} AS label, f.metric, f.as_of,
  {whole("f.value")} AS value, f.status, f.sources, f.articles,
  (SELECT COUNT(*) FROM observation o WHERE o.date = f.date AND o.kind = f.kind AND o.subject = f.subject
     AND o.metric = f.metric AND o.as_of = f.as_of) AS evidence,
  (SELECT COUNT(*) FROM observation o WHERE o.date = f.date AND o.kind = f.kind AND o.subject = f.subject
     AND o.metric = f.metric AND o.as_of = f.as_of AND o.status = 'lost') AS rejected,
  f.why
FROM fact f LEFT JOIN ticker t ON t.code = {ticker_of('f.subject')}
ORDER BY f.date, f.kind, f.subject, f.metric, {clock('f.as_of')}""",
    "v_observation": f"""SELECT o.date, o.kind, o.subject, {label('o.subject')} AS label, o.metric, o.as_of,
  {whole("o.value")} AS value, o.approx, o.status, o.note, a.publisher, a.title, o.evidence,
  a.source_path, o.line, o.rule, o.date_rule, o.id
FROM observation o JOIN article a ON a.id = o.article_id
  LEFT JOIN ticker t ON t.code = {ticker_of('o.subject')}
ORDER BY o.date, o.kind, o.subject, o.metric, {clock('o.as_of')}, o.id""",
    "v_problem": """SELECT p.source_path || COALESCE(':' || p.line, '') AS location, p.severity, p.code,
  p.message, p.evidence, a.title, p.id
FROM problem p LEFT JOIN article a ON a.id = p.article_id
ORDER BY p.source_path, p.line, p.id""",
}

# The views as revisions 0001 and 0002 created them, for the downgrade.
PREVIOUS = {
    "session": """SELECT date, subject AS index_name,
  MAX(CASE WHEN metric = 'open' THEN value END) AS "open",
  MAX(CASE WHEN metric = 'open' THEN status END) AS open_status,
  MAX(CASE WHEN metric = 'open' THEN sources END) AS open_sources,
  MAX(CASE WHEN metric = 'high' THEN value END) AS "high",
  MAX(CASE WHEN metric = 'high' THEN status END) AS high_status,
  MAX(CASE WHEN metric = 'high' THEN sources END) AS high_sources,
  MAX(CASE WHEN metric = 'low' THEN value END) AS "low",
  MAX(CASE WHEN metric = 'low' THEN status END) AS low_status,
  MAX(CASE WHEN metric = 'low' THEN sources END) AS low_sources,
  MAX(CASE WHEN metric = 'close' THEN value END) AS "close",
  MAX(CASE WHEN metric = 'close' THEN status END) AS close_status,
  MAX(CASE WHEN metric = 'close' THEN sources END) AS close_sources,
  MAX(CASE WHEN metric = 'change' THEN value END) AS "change",
  MAX(CASE WHEN metric = 'change' THEN status END) AS change_status,
  MAX(CASE WHEN metric = 'change' THEN sources END) AS change_sources,
  MAX(CASE WHEN metric = 'change_pct' THEN value END) AS "change_pct",
  MAX(CASE WHEN metric = 'change_pct' THEN status END) AS change_pct_status,
  MAX(CASE WHEN metric = 'change_pct' THEN sources END) AS change_pct_sources,
  MAX(CASE WHEN metric = 'volume' THEN value END) AS "volume",
  MAX(CASE WHEN metric = 'volume' THEN status END) AS volume_status,
  MAX(CASE WHEN metric = 'volume' THEN sources END) AS volume_sources,
  MAX(CASE WHEN metric = 'turnover' THEN CAST(ROUND(value) AS INTEGER) END) AS "turnover",
  MAX(CASE WHEN metric = 'turnover' THEN status END) AS turnover_status,
  MAX(CASE WHEN metric = 'turnover' THEN sources END) AS turnover_sources,
  MAX(CASE WHEN metric = 'advancers' THEN value END) AS "advancers",
  MAX(CASE WHEN metric = 'advancers' THEN status END) AS advancers_status,
  MAX(CASE WHEN metric = 'advancers' THEN sources END) AS advancers_sources,
  MAX(CASE WHEN metric = 'decliners' THEN value END) AS "decliners",
  MAX(CASE WHEN metric = 'decliners' THEN status END) AS decliners_status,
  MAX(CASE WHEN metric = 'decliners' THEN sources END) AS decliners_sources,
  MAX(CASE WHEN metric = 'unchanged' THEN value END) AS "unchanged",
  MAX(CASE WHEN metric = 'unchanged' THEN status END) AS unchanged_status,
  MAX(CASE WHEN metric = 'unchanged' THEN sources END) AS unchanged_sources
FROM fact
WHERE kind = 'index' AND (as_of = 'close' OR metric = 'open')
GROUP BY date, subject""",
    "intraday": """SELECT date, subject AS index_name, as_of, metric, value, status, sources, why
FROM fact WHERE kind = 'index' AND as_of <> 'close' AND metric <> 'open'""",
    "quote": """SELECT f.date, f.subject AS code, t.name_en AS company, t.name_ko AS company_ko, f.as_of,
  MAX(CASE WHEN metric = 'price' THEN CAST(ROUND(value) AS INTEGER) END) AS "price",
  MAX(CASE WHEN metric = 'price' THEN status END) AS price_status,
  MAX(CASE WHEN metric = 'price' THEN sources END) AS price_sources,
  MAX(CASE WHEN metric = 'change_pct' THEN value END) AS "change_pct",
  MAX(CASE WHEN metric = 'change_pct' THEN status END) AS change_pct_status,
  MAX(CASE WHEN metric = 'change_pct' THEN sources END) AS change_pct_sources,
  MAX(CASE WHEN metric = 'high' THEN CAST(ROUND(value) AS INTEGER) END) AS "high",
  MAX(CASE WHEN metric = 'high' THEN status END) AS high_status,
  MAX(CASE WHEN metric = 'high' THEN sources END) AS high_sources,
  MAX(CASE WHEN metric = 'low' THEN CAST(ROUND(value) AS INTEGER) END) AS "low",
  MAX(CASE WHEN metric = 'low' THEN status END) AS low_status,
  MAX(CASE WHEN metric = 'low' THEN sources END) AS low_sources
FROM fact f LEFT JOIN ticker t ON t.code = f.subject
WHERE f.kind = 'quote'
GROUP BY f.date, f.subject, f.as_of""",
    "flow": """SELECT date, subject AS investor, as_of, CAST(ROUND(value) AS INTEGER) AS net_buy,
  status, sources, why
FROM fact WHERE kind = 'flow' AND metric = 'net_buy'""",
    "fx": """SELECT date, subject AS pair, as_of,
  MAX(CASE WHEN metric = 'rate' THEN value END) AS "rate",
  MAX(CASE WHEN metric = 'rate' THEN status END) AS rate_status,
  MAX(CASE WHEN metric = 'rate' THEN sources END) AS rate_sources,
  MAX(CASE WHEN metric = 'open' THEN value END) AS "open",
  MAX(CASE WHEN metric = 'open' THEN status END) AS open_status,
  MAX(CASE WHEN metric = 'open' THEN sources END) AS open_sources,
  MAX(CASE WHEN metric = 'change' THEN value END) AS "change",
  MAX(CASE WHEN metric = 'change' THEN status END) AS change_status,
  MAX(CASE WHEN metric = 'change' THEN sources END) AS change_sources
FROM fact WHERE kind = 'fx'
GROUP BY date, subject, as_of""",
    "bond_yield": """SELECT date, subject AS bond, as_of,
  MAX(CASE WHEN metric = 'yield' THEN value END) AS "yield",
  MAX(CASE WHEN metric = 'yield' THEN status END) AS yield_status,
  MAX(CASE WHEN metric = 'yield' THEN sources END) AS yield_sources,
  MAX(CASE WHEN metric = 'change_bp' THEN value END) AS "change_bp",
  MAX(CASE WHEN metric = 'change_bp' THEN status END) AS change_bp_status,
  MAX(CASE WHEN metric = 'change_bp' THEN sources END) AS change_bp_sources
FROM fact WHERE kind = 'rate'
GROUP BY date, subject, as_of""",
    "indicator": """SELECT date, subject AS indicator, metric, as_of,
  CAST(ROUND(value) AS INTEGER) AS value_won, status, sources, why
FROM fact WHERE kind = 'indicator'""",
    "milestone": """SELECT f.date, f.subject, COALESCE(t.name_en, f.subject) AS label, f.metric AS event,
  f.value AS level, f.status, f.sources, f.why
FROM fact f LEFT JOIN ticker t ON t.code = f.subject
WHERE f.kind = 'milestone'""",
    "v_observation": """SELECT o.id, o.date, o.kind, o.subject, o.metric, o.as_of, o.value, o.approx,
  o.status, o.note, a.publisher, a.title, a.source_path, o.line, o.evidence, o.rule, o.date_rule
FROM observation o JOIN article a ON a.id = o.article_id""",
    "v_problem": """SELECT p.id, p.source_path || COALESCE(':' || p.line, '') AS location, p.severity,
  p.code, p.message, p.evidence, a.title
FROM problem p LEFT JOIN article a ON a.id = p.article_id""",
    "v_timeline": """SELECT f.date, f.kind, f.subject, COALESCE(t.name_en, f.subject) AS label, f.metric, f.as_of, f.value,
  f.status, f.sources, f.articles, f.why,
  (SELECT COUNT(*) FROM observation o WHERE o.date = f.date AND o.kind = f.kind AND o.subject = f.subject
     AND o.metric = f.metric AND o.as_of = f.as_of) AS evidence,
  (SELECT COUNT(*) FROM observation o WHERE o.date = f.date AND o.kind = f.kind AND o.subject = f.subject
     AND o.metric = f.metric AND o.as_of = f.as_of AND o.status = 'lost') AS rejected
FROM fact f LEFT JOIN ticker t ON t.code = f.subject""",
}


def _sql(sql: str) -> str:
    return pg.view_sql(sql) if op.get_bind().dialect.name == "postgresql" else sql


def upgrade() -> None:
    for name in PREVIOUS:
        op.execute(f"DROP VIEW IF EXISTS {name}")
    for name, sql in VIEWS.items():
        op.execute(f"CREATE VIEW {name} AS {_sql(sql)}")


def downgrade() -> None:
    for name in VIEWS:
        op.execute(f"DROP VIEW IF EXISTS {name}")
    for name, sql in PREVIOUS.items():
        op.execute(f"CREATE VIEW {name} AS {_sql(sql)}")
