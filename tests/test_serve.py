"""``kospitl serve``: datasette on a loopback port, fetched over HTTP as a browser would; the
first screen in headless Chromium (where it is installed); clear errors where it cannot run."""
from __future__ import annotations

import base64
import json
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Iterator

import pytest

from conftest import ROOT, ingest_seeds, invoke, table_counts

pytest.importorskip("datasette.app")

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--window-size=1400,1000"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=30) as r:
        return r.status, r.read().decode("utf-8")


def wait_until_up(url: str, proc: subprocess.Popen | None = None, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise AssertionError(f"kospitl serve exited {proc.returncode}: {proc.stderr.read()}")
        try:
            get(url)
            return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer in {timeout} s")


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> str:
    from click.testing import CliRunner

    db = str(tmp_path_factory.mktemp("serve") / "kospitl.db")
    ingest_seeds(CliRunner(), db)
    return db


@pytest.fixture(scope="module")
def served(seeded) -> Iterator[str]:
    """``kospitl serve`` in its own process on a free loopback port; its base URL."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "kospitl", "serve", "--db", seeded, "--port", str(port)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base + "/", proc)
        yield base
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def rows(base: str, path: str) -> list[dict]:
    status, text = get(f"{base}{path}.json?_shape=array")
    assert status == 200
    return json.loads(text)


def test_index_lists_the_views_first_and_hides_the_internal_tables(served):
    status, html = get(served + "/")
    assert status == 200
    body = html.split("<h1>", 1)[1]
    views = body.index('href="/kospitl/session"')
    assert views < body.index('href="/kospitl/kospi_closes_this_month"') < body.index('href="/kospitl/fact"')
    for internal in ("alembic_version", "column_info", "trading_day"):
        assert f'href="/kospitl/{internal}"' not in body
    status, html = get(served + "/kospitl")
    assert html.index('id="views"') < html.index('id="queries"') < html.index('id="tables"')
    assert "select * from session limit 20" in html and "from alembic_version" not in html


def test_a_view_serves_its_rows_in_order_with_descriptions(served):
    got = rows(served, "/kospitl/session")
    assert list(got[0])[:5] == ["date", "index_name", "close", "change", "change_pct"]
    assert [r["date"] for r in got] == sorted(r["date"] for r in got)
    kospi = next(r for r in got if r["date"] == "2026-01-06" and r["index_name"] == "KOSPI")
    assert kospi["close"] == 4525.48 and kospi["close_status"] == "agreed" and kospi["close_sources"] >= 3
    status, html = get(served + "/kospitl/session")
    assert "4525.48" in html and "the KRX trading session the figure belongs to" in html
    assert 'class="facet-info' in html or "facet-results" in html  # facets on index_name, close_status


@pytest.mark.parametrize("query", ["kospi_closes_this_month", "foreign_net_buying_by_day", "milestones", "articles"])
def test_a_canned_query_answers_with_rows(served, query):
    got = rows(served, f"/kospitl/{query}")
    assert got, query
    if query == "foreign_net_buying_by_day":
        assert all(isinstance(r["net_buy"], int) for r in got)
        assert [r["date"] for r in got] == sorted(r["date"] for r in got)


def test_conflicts_this_week_runs(served):
    status, html = get(served + "/kospitl/conflicts_this_week")
    assert status == 200 and "Conflicts this week" in html


def test_the_database_is_served_read_only(served, seeded):
    before = table_counts(seeded)
    req = urllib.request.Request(served + "/kospitl?sql=" + urllib.parse.quote("delete from fact"))
    try:
        urllib.request.urlopen(req, timeout=30).read()
    except urllib.error.HTTPError as e:
        assert e.code == 400
    assert table_counts(seeded) == before


# --- errors -----------------------------------------------------------------------------------

def test_a_missing_database_is_an_error_and_is_not_created(runner, tmp_path):
    missing = tmp_path / "nope.db"
    r = invoke(runner, "serve", "--db", str(missing), "--port", str(free_port()))
    assert r.exit_code == 1
    assert r.output == f"Error: {missing}: no such database (ingest articles first, or give --db)\n"
    assert not missing.exists()


def test_a_taken_port_is_a_clear_error(runner, seeded):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        r = invoke(runner, "serve", "--db", seeded, "--port", str(port))
    assert r.exit_code == 1
    assert r.output.startswith(f"Error: 127.0.0.1:{port}: cannot listen: ") and "--port" in r.output
    assert r.output.count("\n") == 1


def test_without_datasette_serve_says_how_to_install_it(seeded):
    """As on a machine without the serve extra: importing datasette fails."""
    code = ("import sys; sys.modules['datasette'] = None; sys.modules['datasette.app'] = None; "
            "from kospitl.cli import cli; cli(['serve', '--db', sys.argv[1]])")
    out = subprocess.run([sys.executable, "-c", code, seeded], capture_output=True, text=True, cwd=ROOT,
                         timeout=120)
    assert out.returncode == 1
    assert out.stderr == "Error: datasette is not installed: pip install 'kospitl[serve]'\n"


# --- the first screen in Chromium ------------------------------------------------------------

# Reports where the first data row of the page ends, into the DOM that --dump-dom prints.
PROBE = """window.addEventListener("load", function () {
  var row = document.querySelector("table.rows-and-columns tbody tr");
  var r = row ? row.getBoundingClientRect() : null;
  document.body.setAttribute("data-first-row-bottom", r ? String(r.bottom) : "none");
  document.body.setAttribute("data-viewport", window.innerWidth + "x" + window.innerHeight);
});"""


@pytest.fixture(scope="module")
def probed(seeded) -> Iterator[str]:
    """The same datasette (kospitl's metadata, templates, stylesheet and script) with a probe
    script added, in a thread on a free loopback port."""
    import uvicorn

    from kospitl import serve
    from kospitl.db import open_db

    engine = open_db(seeded)
    with engine.connect() as conn:
        meta = serve.metadata(conn, serve.database_name(seeded))
    meta["extra_js_urls"].append("data:text/javascript;base64," + base64.b64encode(PROBE.encode()).decode())
    ds = serve.build(seeded, meta)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(ds.app(), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base + "/")
        yield base
    finally:
        server.should_exit = True
        thread.join(timeout=30)


def chromium(*args: str) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run([CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
                              capture_output=True, text=True, timeout=120)


@pytest.mark.skipif(CHROMIUM is None, reason="no headless Chromium here (Debian: apt-get install chromium)")
@pytest.mark.parametrize("path", ["/kospitl/session", "/kospitl/quote"])
def test_a_data_row_is_in_the_first_screen(probed, path):
    out = chromium("--dump-dom", probed + path)
    assert out.returncode == 0, out.stderr[-2000:]
    viewport = re.search(r'data-viewport="(\d+)x(\d+)"', out.stdout)
    bottom = re.search(r'data-first-row-bottom="([^"]+)"', out.stdout)
    assert viewport and bottom, out.stdout[:2000]
    width, height = map(int, viewport.groups())
    assert width == 1400 and 800 <= height <= 1000  # --dump-dom keeps room for a window's bars
    assert bottom.group(1) != "none", f"{path}: no data row"
    assert float(bottom.group(1)) <= height, f"{path}: the first data row ends at {bottom.group(1)} px of {height}"


@pytest.mark.skipif(CHROMIUM is None, reason="no headless Chromium here (Debian: apt-get install chromium)")
def test_a_canned_query_screenshot(probed, tmp_path):
    shot = tmp_path / "query.png"
    out = chromium(f"--screenshot={shot}", probed + "/kospitl/kospi_closes_this_month")
    assert out.returncode == 0, out.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    out = chromium("--dump-dom", probed + "/kospitl/kospi_closes_this_month")
    assert "5969.64" in out.stdout and float(re.search(r'data-first-row-bottom="([^"]+)"', out.stdout).group(1)) < 800
