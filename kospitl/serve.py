"""``kospitl serve``: the database in datasette, set up for a person.

The views come first (on the index and the database page, in the order the schema creates
them), the internal tables are hidden, canned queries answer the questions people ask, facets
sit on subject and status, and a table page folds its column descriptions into one line, so a
data row is in the first screen. datasette is the optional extra ``kospitl[serve]``.
"""
from __future__ import annotations

import errno
import socket
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection

from kospitl import dictionary
from kospitl.errors import KospitlError

if TYPE_CHECKING:
    from datasette.app import Datasette

ASSETS = Path(str(files("kospitl") / "serve_files"))
STATIC_MOUNT = "-kospitl"  # URL prefix of kospitl's stylesheet and script (no database starts with "-")
INSTALL_HINT = "datasette is not installed: pip install 'kospitl[serve]'"

# reference data and bookkeeping: reachable from the database page, not listed
HIDDEN = ("alembic_version", "column_info", "trading_day", "ticker")

FACETS: dict[str, list[str]] = {
    "session": ["index_name", "close_status"],
    "quote": ["company", "price_status"],
    "flow": ["investor", "status"],
    "milestone": ["label", "event", "status"],
    "fx": ["as_of", "rate_status"],
    "bond_yield": ["bond", "yield_status"],
    "indicator": ["label", "status"],
    "intraday": ["index_name", "as_of", "status"],
    "v_timeline": ["kind", "subject", "status"],
    "v_observation": ["kind", "subject", "status"],
    "v_problem": ["severity", "code"],
    "fact": ["kind", "subject", "status"],
    "observation": ["kind", "subject", "status"],
    "problem": ["severity", "code"],
    "article": ["publisher", "source_kind"],
}
# the views sort themselves (ORDER BY inside); the tables by date
SORT = {"fact": "date", "observation": "date", "article": "published_at"}

# the latest session the database knows: "this month" and "this week" are the data's, so a
# database of last year's news still answers
LATEST = "(SELECT MAX(date) FROM fact)"

QUERIES: dict[str, dict[str, str]] = {
    "kospi_closes_this_month": {
        "title": "KOSPI closes this month",
        "description": "The KOSPI's close, change and percent change in each session of the month of the "
                       "latest session in the database, with status and independent sources.",
        "sql": f"""select date, close, change, change_pct, close_status, close_sources
from session
where index_name = 'KOSPI' and close is not null
  and date >= date({LATEST}, 'start of month')
order by date""",
    },
    "conflicts_this_week": {
        "title": "Conflicts this week",
        "description": "Facts the articles disagreed on, from the Monday of the latest session's week: "
                       "the value kept, the values rejected and why.",
        "sql": f"""with lost as (
  select date, kind, subject, metric, as_of,
    group_concat(distinct case when value = cast(value as integer) then cast(value as integer) else value end) as rejected_values
  from observation where status = 'lost'
  group by date, kind, subject, metric, as_of)
select t.date, t.kind, t.subject, t.label, t.metric, t.as_of, t.value as kept, l.rejected_values, t.status, t.sources, t.why
from lost l join v_timeline t using (date, kind, subject, metric, as_of)
where t.date >= date({LATEST}, '-6 days', 'weekday 1')
order by t.date, t.kind, t.subject, t.metric, t.as_of""",
    },
    "foreign_net_buying_by_day": {
        "title": "Foreign net buying by day",
        "description": "Foreign investors' closing net purchases on the KOSPI market per session, in won "
                       "and in billions of won (negative: net sales).",
        "sql": """select date, net_buy, round(net_buy / 1e9, 1) as net_buy_bn_won, status, sources, why
from flow
where investor = 'foreign' and as_of = 'close'
order by date""",
    },
    "milestones": {
        "title": "Milestones",
        "description": "Round levels crossed for the first time and records set, oldest first.",
        "sql": """select date, label, event, level, unit, status, sources, why
from milestone
order by date, subject, event""",
    },
    "articles": {
        "title": "Articles",
        "description": "Every article ingested, by publication time: publisher, story version, headline, "
                       "the session it reports on and its file.",
        "sql": """select published_at, publisher, version_tag, title, session_date, source_kind, source_path
from article
order by coalesce(published_at, doc_date, session_date), id""",
    },
}


def database_name(path: str) -> str:
    """The name datasette serves the file under: its stem (``kospitl.db`` → ``kospitl``)."""
    return Path(path).stem


def metadata(conn: Connection, db_name: str, *, assets: bool = True) -> dict[str, Any]:
    """datasette metadata for the database: descriptions (from the column dictionary), the views
    first, internal tables hidden, facets, sort orders, canned queries; with ``assets`` the
    stylesheet and script ``kospitl serve`` mounts."""
    described = dictionary.datasette_metadata(conn, db_name)
    descriptions = described["databases"][db_name]["tables"]
    objects = conn.exec_driver_sql(
        "SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' "
        "ORDER BY type = 'table', rowid").fetchall()
    tables: dict[str, Any] = {}
    for name, kind in objects:
        t: dict[str, Any] = {"kind": kind, **descriptions.get(name, {})}
        if name in HIDDEN:
            t["hidden"] = True
        if name in FACETS:
            t["facets"] = FACETS[name]
        if name in SORT:
            t["sort"] = SORT[name]
        tables[name] = t
    meta: dict[str, Any] = {
        "title": described["title"],
        "description": "Figures from Korean stock-market news, reconciled into one timeline. Start with a "
                       "view (session, quote, flow, milestone) or a query; values are in base units (won, "
                       "points, percent), status says how the value was settled and sources counts the "
                       "independent articles behind it.",
        "databases": {db_name: {"tables": tables, "queries": QUERIES}},
    }
    if assets:
        meta["extra_css_urls"] = [f"/{STATIC_MOUNT}/kospitl.css"]
        meta["extra_js_urls"] = [f"/{STATIC_MOUNT}/kospitl.js"]
    return meta


SETTINGS = {
    "default_facet_size": 6,   # a facet box of six values keeps the rows in the first screen
    "suggest_facets": False,
    "default_page_size": 50,
    "allow_download": False,
}


def build(path: str, meta: dict[str, Any]) -> "Datasette":
    """A datasette instance serving ``path`` (read-only) with kospitl's metadata and templates."""
    try:
        from datasette.app import Datasette
    except ImportError:
        raise KospitlError(INSTALL_HINT) from None
    ds = Datasette(files=[path], metadata=meta, template_dir=str(ASSETS / "templates"),
                   static_mounts=[(STATIC_MOUNT, str(ASSETS / "static"))], settings=SETTINGS)
    return ds


def check_port(host: str, port: int) -> None:
    """Refuse a port that is taken, with a clear message, before datasette starts."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as e:
        raise KospitlError(f"{host}: cannot resolve this host ({e.strerror})") from None
    family, kind, proto, _, addr = infos[0]
    with socket.socket(family, kind, proto) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(addr)
        except OSError as e:
            hint = " (another program listens there: choose one with --port)" if e.errno == errno.EADDRINUSE else ""
            raise KospitlError(f"{host}:{port}: cannot listen: {e.strerror}{hint}") from None


def run(ds: "Datasette", host: str, port: int) -> None:
    """Serve until interrupted."""
    import asyncio

    import uvicorn

    asyncio.run(ds.invoke_startup())
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning", lifespan="on", workers=1)
