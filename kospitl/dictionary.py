"""The column dictionary (table ``column_info``) and the datasette metadata built from it."""
from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from kospitl import models

TABLES = {
    "article": "One row per distinct article text (content hash), with its clocks and story version.",
    "observation": "Every figure as one article stated it, with its evidence and how its date was resolved.",
    "problem": "What could not be resolved (no date, unknown company): reported, never guessed.",
    "fact": "The reconciled timeline: one value per (date, kind, subject, metric, as_of).",
    "trading_day": "The KRX calendar the date resolver used.",
    "ticker": "KRX listings kospitl knows by name.",
    "column_info": "This column dictionary.",
    "session": "Per trading day and index: the day's figures, each with its status and source count.",
    "intraday": "Index snapshots during a session (opening figures and HH:MM readings).",
    "quote": "Stock quotes with company names.",
    "flow": "Investor net buying on the KOSPI market.",
    "fx": "The won against the dollar.",
    "bond_yield": "Korea Treasury bond yields.",
    "indicator": "Margin loans, market capitalisation, stock lending.",
    "milestone": "Thresholds crossed for the first time and records set.",
    "v_observation": "Observations with their article's publisher and title.",
    "v_problem": "Problems as FILE:LINE locations.",
    "v_timeline": "The timeline with names and evidence counts (observations, rejected ones).",
}

# (table, column) → (description, unit); descriptions of table columns default to the models'.
COLUMNS: dict[tuple[str, str], tuple[str, str | None]] = {
    ("fact", "value"): ("the reconciled value, in base units", "points | won | shares | percent | bp"),
    ("fact", "status"): ("agreed, single, conflict-resolved or derived", None),
    ("fact", "as_of"): ("close, open, HH:MM (KST) or intraday", None),
    ("fact", "date"): ("the trading session (KST), ISO date", "date"),
    ("observation", "value"): ("the figure as printed, in base units", "points | won | shares | percent | bp"),
    ("observation", "date"): ("the trading session the figure belongs to", "date"),
    ("observation", "approx"): ("1 where the text hedges (about, more than, nearly)", None),
    ("session", "turnover"): ("value traded", "won"),
    ("session", "volume"): ("shares traded", "shares"),
    ("session", "change_pct"): ("change from the previous close", "percent"),
    ("session", "close"): ("closing level", "points"),
    ("session", "open"): ("opening level", "points"),
    ("session", "high"): ("the day's high", "points"),
    ("session", "low"): ("the day's low", "points"),
    ("session", "change"): ("change from the previous close", "points"),
    ("quote", "price"): ("share price", "won"),
    ("quote", "change_pct"): ("change from the previous close", "percent"),
    ("quote", "high"): ("the day's high", "won"),
    ("quote", "low"): ("the day's low", "won"),
    ("flow", "net_buy"): ("net purchases (negative: net sales)", "won"),
    ("fx", "rate"): ("won per US dollar", "won"),
    ("fx", "change"): ("change of the rate (+: the won weakened)", "won"),
    ("bond_yield", "yield"): ("yield", "percent"),
    ("bond_yield", "change_bp"): ("change of the yield", "bp"),
    ("indicator", "value_won"): ("balance or value", "won"),
    ("milestone", "level"): ("the threshold crossed or the record level", "points | won"),
    ("milestone", "event"): ("first_close_above, first_intraday_above, first_above, record_close, record_high", None),
}

TABLE_MODELS = (models.Article, models.Observation, models.Problem, models.Fact, models.TradingDay,
                models.Ticker, models.ColumnInfo)


def entries(conn: Connection) -> list[dict[str, Any]]:
    """Every column of every table and view, described."""
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for model in TABLE_MODELS:
        for name, field in model.model_fields.items():
            table = model.__tablename__  # type: ignore[attr-defined]
            desc = field.description or name.replace("_", " ")
            out[(table, name)] = {"table_name": table, "column_name": name, "description": desc, "unit": None}
    for (view,) in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name"):
        for col in conn.exec_driver_sql(f'PRAGMA table_info("{view}")'):
            name = col[1]
            base = name.removesuffix("_status").removesuffix("_sources")
            if name.endswith("_status"):
                desc = f"status of {base}: agreed, single, conflict-resolved or derived"
            elif name.endswith("_sources"):
                desc = f"independent witnesses backing {base}"
            else:
                desc = name.replace("_", " ")
            out[(view, name)] = {"table_name": view, "column_name": name, "description": desc, "unit": None}
    for key, (desc, unit) in COLUMNS.items():
        if key in out:
            out[key].update(description=desc, unit=unit)
    return [out[k] for k in sorted(out)]


def sync(conn: Connection) -> None:
    """Rewrite ``column_info`` when its content differs from the code's."""
    t = models.ColumnInfo.__table__  # type: ignore[attr-defined]
    want = entries(conn)
    have = [dict(r._mapping) for r in conn.execute(select(t).order_by(t.c.table_name, t.c.column_name))]
    if have != want:
        conn.execute(delete(t))
        conn.execute(insert(t), want)


def datasette_metadata(conn: Connection, db_name: str) -> dict[str, Any]:
    """datasette metadata: table and column descriptions, units (where pint knows them), labels."""
    tables: dict[str, Any] = {}
    for row in conn.execute(select(models.ColumnInfo.__table__)):  # type: ignore[attr-defined]
        t = tables.setdefault(row.table_name, {"description": TABLES.get(row.table_name, ""), "columns": {}})
        unit = f" ({row.unit})" if row.unit else ""
        t["columns"][row.column_name] = row.description + unit
        if row.unit == "percent":
            t.setdefault("units", {})[row.column_name] = "percent"
    tables.setdefault("ticker", {})["label_column"] = "name_en"
    return {"title": "kospitl: Korean market timeline",
            "description": "Figures from Korean stock-market news, reconciled into one timeline.",
            "databases": {db_name: {"tables": tables}}}


def dumps(meta: dict[str, Any]) -> str:
    return json.dumps(meta, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
