#!/usr/bin/env python3
"""kospitl benchmark: ingest throughput and its growth, re-ingest, memory, query latency, floor.

    .venv/bin/python bench/run.py --quick                      # 1k articles, < ~1 minute
    .venv/bin/python bench/run.py --sizes 1000,10000,100000    # the full table
    .venv/bin/python bench/run.py --sizes 100000 --ingest-budget 1200   # time-boxed, extrapolated
    .venv/bin/python bench/run.py --profile                    # where a 1k ingest spends its time

Each size runs in a fresh worker process (so ``ru_maxrss`` is that size's peak) on a corpus
made by ``bench/generate.py`` (cached in the workdir, keyed by size and seed). The worker
ingests with the library in-process (``ingest_paths`` on consecutive batches of the sorted
files, so the per-article cost can be followed as the database grows), re-ingests a sample of
known articles, times the queries through the library and the CLI, and inserts the same
observation rows with plain ``sqlite3`` in one transaction (the floor). See bench/README.md.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
PY = sys.executable
# the CLI, with whichever library PYTHONPATH selects (see --lib); -P: the current directory must not
# shadow it (run from a checkout, "python -m kospitl" would otherwise import the checkout's kospitl)
KOSPITL = [PY, "-P", "-m", "kospitl"]

SHORT_RUN_S = 5  # an ingest shorter than this is made --short-repeat times
TARGETS = {"ingest_aps": 500, "growth": 1.2, "reingest_aps": 5000, "timeline_ms": 50, "rss_mb": 300}


# ---- helpers --------------------------------------------------------------------------------

def log(msg: str) -> None:
    print(f"[{datetime.now():%H:%M:%S}] {msg}", file=sys.stderr, flush=True)


def rss_now_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def rss_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


FRESH_TIMELINE = """
import json, statistics, sys, time
from kospitl import export
from kospitl.db import open_db
with open_db(sys.argv[1], readonly=True).connect() as conn:
    n = len(list(export.timeline(conn, subject="KOSPI")))
    times = []
    for _ in range(5):
        t = time.perf_counter()
        n = len(list(export.timeline(conn, subject="KOSPI")))
        times.append((time.perf_counter() - t) * 1000)
print(json.dumps({"median_ms": round(statistics.median(times), 2), "min_ms": round(min(times), 2), "rows": n}))
"""


def timed(fn, repeat: int = 5) -> dict:
    """Run ``fn`` once to warm up, then ``repeat`` times: median and min in ms, and its result."""
    result = fn()
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t) * 1000)
    return {"median_ms": round(statistics.median(times), 2), "min_ms": round(min(times), 2), "result": result}


def fresh_db(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        p = Path(str(path) + suffix)
        if p.exists():
            p.unlink()
    for p in path.parent.glob(path.name + ".bak-*"):
        p.unlink()


def ensure_corpus(workdir: Path, n: int, seed: int) -> Path:
    """The corpus for (n, seed), generated in a subprocess unless already there."""
    out = workdir / f"corpus-{n}-s{seed}"
    man = out / "manifest.json"
    if man.exists():
        m = json.loads(man.read_text())
        sys.path.insert(0, str(BENCH))
        from generate import FORMAT
        if m.get("n") == n and m.get("seed") == seed and m.get("format") == FORMAT:
            return out
    log(f"generating {n:,} articles (seed {seed}) → {out}")
    t = time.perf_counter()
    subprocess.run([PY, str(BENCH / "generate.py"), "-n", str(n), "--seed", str(seed), "--out", str(out)],
                   check=True, stdout=subprocess.DEVNULL, env=os.environ)
    log(f"generated in {time.perf_counter() - t:.1f} s")
    return out


def use_library(spec: str | None, workdir: Path) -> str:
    """``--lib``: a directory holding ``kospitl/`` (with ``data/`` and ``migrations/`` beside it),
    or ``git:REV`` — that commit exported once into the workdir, so a run measures one fixed
    version while the checkout keeps changing. Children find it through PYTHONPATH."""
    if not spec:
        import kospitl
        return str(Path(kospitl.__file__).resolve().parent.parent)
    if spec.startswith("git:"):
        rev = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", spec[4:]], check=True,
                             capture_output=True, text=True).stdout.strip()
        lib = workdir / f"lib-{rev}"
        if not (lib / "kospitl").is_dir():
            lib.mkdir(parents=True, exist_ok=True)
            archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "kospitl", "data", "migrations"],
                                     check=True, capture_output=True).stdout
            subprocess.run(["tar", "-x", "-C", str(lib)], input=archive, check=True)
        spec = str(lib)
    lib = str(Path(spec).resolve())
    sys.path.insert(0, lib)
    os.environ["PYTHONPATH"] = lib + (os.pathsep + os.environ["PYTHONPATH"] if os.environ.get("PYTHONPATH") else "")
    return lib


def explain(conn, sql: str, params: dict) -> str:
    from sqlalchemy import text
    return "; ".join(r[-1] for r in conn.execute(text("EXPLAIN QUERY PLAN " + sql), params))


# ---- the worker: one size in a fresh process ----------------------------------------------------

def _proc_kb(path: str, field: str) -> int:
    try:
        text = Path(path).read_text()
    except OSError:
        return 0
    return next((int(line.split()[1]) for line in text.splitlines() if line.startswith(field + ":")), 0)


def workers_memory() -> list[dict]:
    """Each live extraction worker's peak RSS (VmHWM) and its proportional share now (PSS: pages
    shared with the parent after the fork counted once across processes), MB (Linux)."""
    try:
        from kospitl import parallel
    except ImportError:
        return []
    pool = getattr(parallel, "_pool", None)
    return [{"hwm_mb": round(_proc_kb(f"/proc/{pid}/status", "VmHWM") / 1024, 1),
             "pss_mb": round(_proc_kb(f"/proc/{pid}/smaps_rollup", "Pss") / 1024, 1)}
            for pid in sorted(getattr(pool, "_processes", None) or {})]


def _with_jobs(ingest_paths, jobs: int, res: dict):
    """``ingest_paths`` with the worker processes of ``--jobs`` (0: the library's default), started
    before the timing; a library without them (``--lib`` of an older revision) runs as it is."""
    import functools
    import inspect

    if "jobs" not in inspect.signature(ingest_paths).parameters:
        res["jobs"] = 1
        return ingest_paths
    from kospitl import parallel

    jobs = jobs or parallel.default_jobs()
    t = time.perf_counter()
    parallel.warm(jobs)
    res.update(jobs=jobs, workers_start_s=round(time.perf_counter() - t, 3))
    return functools.partial(ingest_paths, jobs=jobs)


def worker(a: argparse.Namespace) -> dict:
    base_rss = rss_now_mb()
    from kospitl import export
    from kospitl.db import open_db
    from kospitl.ingest import expand, ingest_paths
    try:
        from kospitl.sqlread import rows as query_rows
    except ImportError:  # a library from before kospitl.sqlread (--lib of an older revision)
        from kospitl.store import rows as query_rows
    import_rss = rss_now_mb()

    corpus = Path(a.corpus)
    manifest = json.loads((corpus / "manifest.json").read_text())
    n = manifest["n"]
    files = expand([str(corpus)])
    assert len(files) == n, (len(files), n)
    if a.order == "shuffled":
        random.Random(a.seed).shuffle(files)
    db = Path(a.workdir) / f"kospitl-{n}-s{a.seed}.db"
    fresh_db(db)
    import kospitl
    res: dict = {"n": n, "library": str(Path(kospitl.__file__).resolve().parent), "corpus": str(corpus), "db": str(db), "order": a.order,
                 "sessions": manifest["sessions"], "per_day": round(n / manifest["sessions"], 1),
                 "rss_base_mb": round(base_rss, 1), "rss_after_import_mb": round(import_rss, 1)}

    t = time.perf_counter()
    engine = open_db(str(db))
    res["open_db_s"] = round(time.perf_counter() - t, 3)
    ingest_paths = _with_jobs(ingest_paths, a.jobs, res)

    # -- ingest: one call over all the files, as `kospitl ingest FOLDER` makes; a window closes at
    # the end of the write transaction that reaches the next `batch` articles (the library's
    # write_batch is wrapped to note when each transaction ends) --
    batch = a.batch or (100 if n <= 1000 else 1000)
    batches = []
    import kospitl.ingest as ingest_module
    write_batch = ingest_module.write_batch
    t_all = time.perf_counter()
    mark = [0, t_all, time.process_time(), 0]  # articles written, wall, CPU at the last window; its first article

    class _Budget(Exception):
        pass

    def timed_write(engine_, prepared, *rest):
        out = write_batch(engine_, prepared, *rest)
        mark[0] += len(prepared)
        k = mark[0]
        if k - mark[3] < batch and k != n:
            return out
        now, cpu = time.perf_counter(), time.process_time()
        m = k - mark[3]
        dt, dc = now - mark[1], cpu - mark[2]
        mark[1], mark[2], mark[3] = now, cpu, k
        batches.append({"upto": k, "n": m, "s": round(dt, 3), "ms_per_article": round(dt * 1000 / m, 2),
                        "cpu_ms_per_article": round(dc * 1000 / m, 2), "rss_mb": round(rss_now_mb(), 1)})
        elapsed = now - t_all
        if len(batches) % max(1, (n // batch) // 20) == 0 or k == n:
            eta = elapsed / k * (n - k)
            log(f"  {n:,}: {k:,} ingested, last window {batches[-1]['ms_per_article']:.1f} ms/article, "
                f"{k / elapsed:.1f} articles/s, rss {batches[-1]['rss_mb']:.0f} MB, eta {eta / 60:.1f} min")
        if a.ingest_budget and elapsed > a.ingest_budget and k < n:
            log(f"  ingest budget of {a.ingest_budget} s spent: stopping at {k:,} of {n:,} (figures are extrapolated)")
            raise _Budget
        return out

    stopped = False
    statuses: dict[str, int] = {}
    ingest_module.write_batch = timed_write
    try:
        report = ingest_paths(engine, files)
        for f in report.files:
            statuses[f.status] = statuses.get(f.status, 0) + 1
        observations = report.observations
    except _Budget:  # the transactions written before the stop are kept: a prefix of the files
        stopped = True
        with engine.connect() as conn:
            observations = conn.exec_driver_sql("SELECT COUNT(*) FROM observation").scalar_one()
        statuses = {"new": mark[0]}
    finally:
        ingest_module.write_batch = write_batch
    done = mark[0]
    ingest_s = time.perf_counter() - t_all
    res["ingest_cpu_ms"] = round(sum(b["cpu_ms_per_article"] * b["n"] for b in batches) / done, 2)
    res.update(ingested=done, partial=stopped, ingest_s=round(ingest_s, 2), statuses=statuses, observations=observations,
               ingest_aps=round(done / ingest_s, 1), ingest_ms=round(ingest_s * 1000 / done, 2), batches=batches,
               rss_peak_mb=round(rss_peak_mb(), 1))
    # -- a run of a few seconds moves by 10-20% with the machine's other load: it is made again
    # (fresh databases, same files) and the median reported; the first run's database is kept --
    if not stopped and ingest_s < SHORT_RUN_S and a.short_repeat > 1:
        runs = [res["ingest_aps"]]
        other = Path(a.workdir) / f"repeat-{n}.db"
        for _ in range(a.short_repeat - 1):
            fresh_db(other)
            again = open_db(str(other))
            t = time.perf_counter()
            ingest_paths(again, files)
            runs.append(round(n / (time.perf_counter() - t), 1))
            again.dispose()
        fresh_db(other)
        res.update(ingest_aps_runs=runs, ingest_aps_median=statistics.median(runs))
    win = 1000 if done >= 2000 else max(1, done // 10)
    first = _window(batches, 0, win)
    last = _window(batches, done - win, done)
    first_cpu, last_cpu = _window(batches, 0, win, "cpu_ms_per_article"), _window(batches, done - win, done, "cpu_ms_per_article")
    res.update(window=win, first_ms=first, last_ms=last, growth_within=round(last / first, 2),
               first_cpu_ms=first_cpu, last_cpu_ms=last_cpu, growth_within_cpu=round(last_cpu / first_cpu, 2))
    if stopped:  # carry the trend of ms/article (vs articles already stored) on to n
        pts = [(b["upto"] - b["n"] / 2, b["ms_per_article"]) for b in batches[1:]]
        slope = theil_sen(pts) if len(pts) >= 5 else 0.0  # too few batches: assume a flat cost
        ref_x = statistics.median(x for x, _ in pts) if pts else batches[0]["upto"] / 2
        ref_y = statistics.median(y for _, y in pts) if pts else batches[0]["ms_per_article"]
        cost = lambda x: max(ref_y + slope * (x - ref_x), min(b["ms_per_article"] for b in batches))  # noqa: E731
        est_last = cost(n - win / 2)
        est_total = ingest_s + sum(cost(x) for x in range(done, n, 100)) * 100 / 1000
        res.update(extrapolated={"slope_ms_per_1k_articles": round(slope * 1000, 4), "fit_points": len(pts),
                                 "last_ms": round(est_last, 2), "growth": round(est_last / first, 2),
                                 "total_s": round(est_total, 0), "aps": round(n / est_total, 1)})

    res["workers_memory"] = workers_memory()
    res["main_pss_mb"] = round(_proc_kb("/proc/self/smaps_rollup", "Pss") / 1024, 1)

    # -- the same last-window articles into an empty database: what the database size itself costs --
    if done > win:
        ab = Path(a.workdir) / f"empty-{n}.db"
        fresh_db(ab)
        other = open_db(str(ab))
        t, c = time.perf_counter(), time.process_time()
        ingest_paths(other, files[done - win:done])
        dt, dc = time.perf_counter() - t, time.process_time() - c
        other.dispose()
        fresh_db(ab)
        res["empty_db"] = {"ms": round(dt * 1000 / win, 2), "cpu_ms": round(dc * 1000 / win, 2)}
        res["db_size_effect_cpu"] = round(last_cpu / res["empty_db"]["cpu_ms"], 2)

    # -- re-ingest of known articles --
    known = files[:done]
    k = min(len(known), a.reingest)
    sample = [known[i * len(known) // k] for i in range(k)]
    t = time.perf_counter()
    report = ingest_paths(engine, sample)
    dt = time.perf_counter() - t
    res.update(reingest_n=k, reingest_s=round(dt, 2), reingest_aps=round(k / dt, 1),
               reingest_all_known=all(f.status == "known" for f in report.files))

    # -- queries --
    with engine.connect() as conn:
        counts = dict(conn.exec_driver_sql(
            "SELECT 'articles', COUNT(*) FROM article UNION ALL SELECT 'observations', COUNT(*) FROM observation "
            "UNION ALL SELECT 'facts', COUNT(*) FROM fact UNION ALL SELECT 'problems', COUNT(*) FROM problem").all())
        res["rows"] = counts
        res["fact_status"] = dict(conn.exec_driver_sql("SELECT status, COUNT(*) FROM fact GROUP BY status").all())
        res["obs_status"] = dict(conn.exec_driver_sql("SELECT status, COUNT(*) FROM observation GROUP BY status").all())
        lo, hi = conn.exec_driver_sql("SELECT MIN(date), MAX(date) FROM fact WHERE subject = 'KOSPI'").one()
        mid = conn.exec_driver_sql("SELECT session_date FROM article GROUP BY session_date ORDER BY session_date "
                                   "LIMIT 1 OFFSET (SELECT COUNT(DISTINCT session_date) FROM article) / 2").scalar()
        q = {}
        r = timed(lambda: len(list(export.timeline(conn, subject="KOSPI"))))
        q["timeline_lib"] = {**r, "rows": r.pop("result"), "range": [lo, hi]}
        r = timed(lambda: len(list(export.timeline(conn, subject="KOSPI", kind="index", date_from=lo, date_to=hi))))
        q["timeline_lib_kind_range"] = {**r, "rows": r.pop("result")}
        show_sql = "SELECT * FROM fact WHERE date = :d ORDER BY kind, subject, metric, as_of"
        r = timed(lambda: len(list(query_rows(conn, show_sql, {"d": mid}))))
        q["show_date"] = {**r, "rows": r.pop("result"), "date": mid}
        conf_sql = "SELECT * FROM fact WHERE status = 'conflict-resolved' ORDER BY date, kind, subject, metric, as_of"
        r = timed(lambda: len(list(query_rows(conn, conf_sql))))
        q["conflicts"] = {**r, "rows": r.pop("result")}
        try:
            from kospitl import review
        except ImportError:  # older library: no review module
            review = None
        if review is not None and hasattr(review, "show"):
            r = timed(lambda: len(review.show(conn, mid)) + len(review.articles_for(conn, mid)))
            q["review_show"] = {**r, "rows": r.pop("result")}
        if review is not None and hasattr(review, "conflicts"):
            r = timed(lambda: len(review.conflicts(conn)), repeat=3)
            q["review_conflicts"] = {**r, "rows": r.pop("result")}
        tl_sql = ("SELECT date, kind, subject, metric, as_of, value, status, sources, articles, why FROM fact "
                  "WHERE subject = :subject ORDER BY date, kind, subject, metric, as_of")
        q["plans"] = {"timeline": explain(conn, tl_sql, {"subject": "KOSPI"}),
                      "show_date": explain(conn, show_sql, {"d": mid}),
                      "conflicts": explain(conn, conf_sql, {})}
        res["queries"] = q
    def cli_ms(*args: str) -> float | None:
        times = []
        for _ in range(a.cli_repeat):
            t = time.perf_counter()
            p = subprocess.run([*KOSPITL, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if p.returncode not in (0, 1):  # 1: conflicts/check found something
                return None
            times.append((time.perf_counter() - t) * 1000)
        return round(statistics.median(times), 1)

    # the library call again in a new process, as `kospitl timeline` or a notebook makes it: the ingesting
    # process's heap, churned by the ingest, makes the ~80k Python objects of a 16k-row answer slower to build
    fresh = subprocess.run([PY, "-P", "-c", FRESH_TIMELINE, str(db)], capture_output=True, text=True)
    if fresh.returncode == 0:
        res["queries"]["timeline_lib_fresh"] = json.loads(fresh.stdout)
    res["queries"]["timeline_cli"] = {"median_ms": cli_ms("timeline", "--subject", "KOSPI", "--db", str(db), "--csv"),
                                      "startup_ms": cli_ms("--version")}
    res["queries"]["show_cli_ms"] = cli_ms("show", mid, "--db", str(db))
    res["queries"]["conflicts_cli_ms"] = cli_ms("conflicts", "--db", str(db), "--csv")

    # ru_maxrss now: ingest, re-ingest and queries (the bookkeeping below reads whole tables)
    res["rss_peak_mb"] = round(rss_peak_mb(), 1)
    res["rss_ingest_max_mb"] = max(b["rss_mb"] for b in batches)

    # -- the floor: the same observation rows, plain sqlite3, one transaction --
    res["floor"] = floor(db, Path(a.workdir) / f"floor-{n}.db", ingest_s)

    # -- a CLI ingest of the first files, for comparison --
    if a.cli_ingest:
        m = min(a.cli_ingest, done)
        cdb = Path(a.workdir) / f"cli-{n}.db"
        fresh_db(cdb)
        t = time.perf_counter()
        subprocess.run([*KOSPITL, "ingest", "-q", "--db", str(cdb), *files[:m]], check=True)
        dt = time.perf_counter() - t
        inproc = sum(b["s"] for b in batches if b["upto"] <= m) or batches[0]["s"] * m / batches[0]["n"]
        res["cli_ingest"] = {"n": m, "s": round(dt, 2), "aps": round(m / dt, 1),
                             "inprocess_s_same_files": round(inproc + res["open_db_s"], 2)}

    res["verify"] = verify(engine, corpus, {str(Path(p).resolve()) for p in files[:done]}, a.verify)
    res["rss_peak_end_mb"] = round(rss_peak_mb(), 1)  # includes the floor and verification bookkeeping
    return res


def theil_sen(pts: list[tuple[float, float]]) -> float:
    """Median of the pairwise slopes: a trend that a few noisy batches do not swing."""
    slopes = [(y2 - y1) / (x2 - x1) for i, (x1, y1) in enumerate(pts) for x2, y2 in pts[i + 1:] if x2 != x1]
    return statistics.median(slopes) if slopes else 0.0


def _window(batches: list[dict], lo: int, hi: int, key: str = "ms_per_article") -> float:
    """ms per article over the articles lo..hi (batch-weighted)."""
    s = n = 0.0
    for b in batches:
        start = b["upto"] - b["n"]
        overlap = max(0, min(hi, b["upto"]) - max(lo, start))
        if overlap:
            s += b[key] * overlap
            n += overlap
    return round(s / n, 2) if n else float("nan")


def floor(db: Path, target: Path, ingest_s: float) -> dict:
    """The same observation rows (with the same two indexes) inserted by plain sqlite3 in one
    transaction. Rows are read in chunks; only the inserts (and the commit) are timed."""
    src = sqlite3.connect(db)
    cols = [r[1] for r in src.execute("PRAGMA table_info(observation)") if r[1] != "id"]
    qc = ", ".join(f'"{c}"' for c in cols)
    cur = src.execute(f"SELECT {qc} FROM observation ORDER BY id")
    fresh_db(target)
    dst = sqlite3.connect(target, isolation_level=None)
    dst.execute("PRAGMA journal_mode = WAL")
    dst.execute("PRAGMA synchronous = NORMAL")
    dst.execute(f"CREATE TABLE observation (id INTEGER PRIMARY KEY, {qc})")
    dst.execute("CREATE INDEX ix_observation_article_id ON observation (article_id)")
    dst.execute("CREATE INDEX ix_observation_key ON observation (date, kind, subject, metric, as_of)")
    insert = f"INSERT INTO observation ({qc}) VALUES ({', '.join('?' * len(cols))})"
    dt, n = 0.0, 0
    dst.execute("BEGIN")
    while chunk := cur.fetchmany(50_000):
        t = time.perf_counter()
        dst.executemany(insert, chunk)
        dt += time.perf_counter() - t
        n += len(chunk)
    t = time.perf_counter()
    dst.execute("COMMIT")
    dt += time.perf_counter() - t
    src.close()
    dst.close()
    fresh_db(target)
    return {"rows": n, "s": round(dt, 3), "rows_per_s": round(n / dt), "ratio": round(ingest_s / dt)}


def verify(engine, corpus: Path, ingested: set[str], k: int) -> dict:
    """A sample of articles: their stored observations against the facts they state; and the
    timeline of the sample's sessions against the true history."""
    with open(corpus / "facts.jsonl", encoding="utf-8") as f:  # two passes: the file can be 100s of MB
        n = sum(1 for line in f if str((corpus / json.loads(line)["doc"]).resolve()) in ingested)
    if not n:
        return {}
    want = {i * n // min(k, n) for i in range(min(k, n))}
    sample, i = [], 0
    with open(corpus / "facts.jsonl", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if str((corpus / d["doc"]).resolve()) in ingested:
                if i in want:
                    sample.append(d)
                i += 1
    expected = stated = matched = 0
    with engine.connect() as conn:
        for d in sample:
            path = str(corpus / d["doc"])
            got: dict[tuple, list[float]] = {}
            for r in conn.exec_driver_sql(
                    "SELECT o.date, o.kind, o.subject, o.metric, o.as_of, o.value FROM observation o "
                    "JOIN article a ON a.id = o.article_id WHERE a.source_path = ?", (path,)):
                got.setdefault(tuple(r[:5]), []).append(r[5])
            exp = {(d["date"], k_, s, m, a): v for k_, s, m, a, v, _q in d["facts"]}
            expected += len(exp)
            stated += len(got)
            matched += sum(1 for key, v in exp.items() if any(abs(g - v) <= 1e-9 * max(1, abs(v)) for g in got.get(key, ())))
        days = {d["date"] for d in sample}
        with open(corpus / "truth.jsonl", encoding="utf-8") as f:
            truth = [t for t in map(json.loads, f) if t["date"] in days]
        ok = coarse = bad = missing = 0
        for t in truth:
            v = conn.exec_driver_sql("SELECT value FROM fact WHERE date=? AND kind=? AND subject=? AND metric=? AND as_of=?",
                                     (t["date"], t["kind"], t["subject"], t["metric"], t["as_of"])).scalar()
            if v is None:
                missing += 1
            elif abs(v - t["value"]) <= 0.5 * t["quantum"] + 1e-9 * max(1, abs(t["value"])):
                ok += 1
            elif abs(v - t["value"]) <= 0.5 * t["coarsest"] + 1e-9 * max(1, abs(t["value"])):
                coarse += 1  # a rounded print won (a later version or tally): right at its precision
            else:
                bad += 1
    return {"articles": len(sample), "facts_expected": expected, "obs_keys": stated, "obs_matched": matched,
            "recall": round(matched / expected, 4) if expected else None,
            "timeline_rows": len(truth), "timeline_ok": ok, "timeline_rounded": coarse, "timeline_wrong": bad, "timeline_missing": missing}


# ---- profile ---------------------------------------------------------------------------------

def profile(a: argparse.Namespace, corpus: Path) -> None:
    import cProfile
    import pstats
    from kospitl.db import open_db
    from kospitl.ingest import expand, ingest_paths

    files = expand([str(corpus)])[:a.profile_limit or None]
    db = Path(a.workdir) / "profile.db"
    fresh_db(db)
    engine = open_db(str(db))
    prof = cProfile.Profile()
    t = time.perf_counter()
    import inspect
    if "jobs" in inspect.signature(ingest_paths).parameters:  # profile the work itself, in this process
        import functools
        ingest_paths = functools.partial(ingest_paths, jobs=1)
    prof.enable()
    ingest_paths(engine, files)
    prof.disable()
    total = time.perf_counter() - t
    out = Path(a.workdir) / f"profile-{corpus.name}-{len(files)}.pstats"
    prof.dump_stats(out)
    st = pstats.Stats(prof)
    entries = []
    for (file, line, fn), (cc, nc, tt, ct, _callers) in st.stats.items():  # type: ignore[attr-defined]
        entries.append((ct, tt, nc, f"{_short(file)}:{line}({fn})"))
    print(f"\ncProfile of one ingest of {len(files):,} articles: {total:.1f} s under the profiler "
          f"({len(files) / total:.1f} articles/s); stats in {out}\n")
    print("Top by cumulative time (kospitl functions, then the library calls they spend it in):")
    print(f"{'cum s':>8} {'share':>6} {'self s':>7} {'calls':>9}  function")
    for ct, tt, nc, name in sorted(entries, reverse=True):
        if ("kospitl/" in name or "sqlalchemy/engine/base.py" in name or "sqlite3" in name or "re.Pattern" in name
                or "coercions.py" in name or "cache_key.py" in name) and ct / total > 0.02:
            print(f"{ct:8.2f} {ct / total:6.1%} {tt:7.2f} {nc:9}  {name}")
    print("\nTop by self time:")
    for ct, tt, nc, name in sorted(entries, key=lambda e: -e[1])[:15]:
        print(f"{ct:8.2f} {tt / total:6.1%} {tt:7.2f} {nc:9}  {name}")
    try:
        from pyinstrument import Profiler
    except ImportError:
        return
    fresh_db(db)
    engine = open_db(str(db))
    p = Profiler(interval=0.002)
    p.start()
    ingest_paths(engine, files[:300])
    p.stop()
    html = Path(a.workdir) / f"profile-pyinstrument-{len(files)}.txt"
    html.write_text(p.output_text(unicode=False, color=False, show_all=False))
    print(f"\npyinstrument call tree (first 300 articles): {html}")


def _short(file: str) -> str:
    for marker in ("site-packages/", "/work/main/"):
        if marker in file:
            return file.split(marker, 1)[1]
    return file


# ---- the table ---------------------------------------------------------------------------------

def fmt_table(results: list[dict]) -> str:
    def cell(r: dict, key: str) -> str:
        return str(r.get(key, "—"))

    lines = []
    hdr = ["figure"] + [f"{r['n']:,}" for r in results] + ["target"]
    lines.append("| " + " | ".join(hdr) + " |")
    lines.append("|" + "---|" * len(hdr))

    def row(name: str, vals: list[str], target: str = "") -> None:
        lines.append("| " + " | ".join([name] + vals + [target]) + " |")

    def ext(r: dict, key: str, fmt: str = "{}") -> str:
        e = r.get("extrapolated")
        return f" (extrapolated to {r['n']:,}: {fmt.format(e[key])})" if e else ""

    row("articles ingested", [f"{r['ingested']:,}" + (" (time-boxed)" if r["partial"] else "") for r in results])
    row("articles per session (density)", [str(r["per_day"]) for r in results])
    row("open_db (new file), s", [cell(r, "open_db_s") for r in results])
    row("extraction worker processes (start-up, s)",
        [f"{r.get('jobs', 1)}" + (f" ({r['workers_start_s']})" if r.get("workers_start_s") is not None else "")
         for r in results])
    row("ingest throughput, articles/s",
        [(f"{r['ingest_aps_median']} (median of {', '.join(map(str, r['ingest_aps_runs']))})"
          if r.get("ingest_aps_runs") else f"{r['ingest_aps']}") + ext(r, "aps") for r in results], "≥ 500")
    row("ingest, ms/article (mean wall / CPU of the writing process)",
        [f"{r['ingest_ms']} / {r.get('ingest_cpu_ms', '—')}" for r in results],
        "≤ 2")
    row("ms/article, first window (wall / CPU)",
        [f"{r['first_ms']} / {r.get('first_cpu_ms', '—')} (first {r['window']:,})" for r in results])
    row("ms/article, last window (wall / CPU)",
        [f"{r['last_ms']} / {r.get('last_cpu_ms', '—')} (last {r['window']:,})" + ext(r, "last_ms") for r in results])
    row("cost growth within the run, last/first (wall / CPU)",
        [f"{r['growth_within']}× / {r.get('growth_within_cpu', '—')}×" + ext(r, "growth", "{}×") for r in results],
        "≤ 1.2×")
    row("same last-window articles into an empty db, ms (wall / CPU)",
        [f"{r['empty_db']['ms']} / {r['empty_db']['cpu_ms']}" if r.get("empty_db") else "—" for r in results])
    row("database-size effect: last window, full / empty db (CPU)",
        [f"{r['db_size_effect_cpu']}×" if r.get("db_size_effect_cpu") else "—" for r in results], "≤ 1.2×")
    if len(results) > 1:
        b = results[0]["ingest_ms"]
        row(f"mean ms/article vs the {results[0]['n']:,} run", [f"{r['ingest_ms'] / b:.2f}×" for r in results], "≤ 1.2×")
    row("re-ingest of known articles, articles/s", [f"{r['reingest_aps']} ({r['reingest_n']:,} files)" for r in results],
        "≥ 5,000")
    row("peak RSS (ru_maxrss after ingest, re-ingest, queries), MB", [cell(r, "rss_peak_mb") for r in results], "≤ 300")
    row("extraction workers: peak RSS (VmHWM) / proportional share (PSS) after ingest, MB",
        [" + ".join(f"{w['hwm_mb']:.0f} / {w['pss_mb']:.0f}" for w in r.get("workers_memory", [])) or "—"
         for r in results])
    row("all processes after ingest: PSS of the writer + the workers, MB",
        [f"{r['main_pss_mb'] + sum(w['pss_mb'] for w in r['workers_memory']):.0f}" if r.get("workers_memory") else "—"
         for r in results], "≤ 300")
    row("timeline --subject KOSPI, library, new process / in the ingesting process, ms",
        [f"{r['queries'].get('timeline_lib_fresh', {}).get('median_ms', '—')} / {r['queries']['timeline_lib']['median_ms']} "
         f"({r['queries']['timeline_lib']['rows']:,} rows)" for r in results], "≤ 50")
    row("timeline --subject KOSPI, CLI, ms",
        [f"{r['queries']['timeline_cli']['median_ms']} (startup {r['queries']['timeline_cli']['startup_ms']})"
         for r in results])
    row("show DATE: review.show + articles_for / CLI, ms",
        [f"{r['queries'].get('review_show', {}).get('median_ms', '—')} / {r['queries'].get('show_cli_ms') or '—'}"
         for r in results])
    row("conflicts: review.conflicts / CLI, ms",
        [f"{r['queries'].get('review_conflicts', {}).get('median_ms', '—')} "
         f"({r['queries'].get('review_conflicts', {}).get('rows', '—')} keys) / {r['queries'].get('conflicts_cli_ms') or '—'}"
         for r in results])
    row("facts of one date (show), ms",
        [f"{r['queries']['show_date']['median_ms']} ({r['queries']['show_date']['rows']} rows)" for r in results])
    row("conflict-resolved facts, ms",
        [f"{r['queries']['conflicts']['median_ms']} ({r['queries']['conflicts']['rows']} rows)" for r in results])
    row("floor: same observations, plain sqlite3, s",
        [f"{r['floor']['s']} ({r['floor']['rows']:,} rows)" for r in results])
    row("kospitl ingest / floor", [f"{r['floor']['ratio']:,}×" for r in results])
    row("CLI ingest (fresh db), articles/s",
        [(f"{r['cli_ingest']['aps']} ({r['cli_ingest']['n']:,} files; in-process "
          f"{r['cli_ingest']['n'] / r['cli_ingest']['inprocess_s_same_files']:.1f})") if r.get("cli_ingest") else "—"
         for r in results])
    row("rows: articles / observations / facts",
        [f"{r['rows']['articles']:,} / {r['rows']['observations']:,} / {r['rows']['facts']:,}" for r in results])
    row("verify: observation recall (sample)",
        [f"{r['verify'].get('recall')} ({r['verify'].get('articles')} articles)" for r in results])
    row("verify: timeline = truth (sample days)",
        [f"{r['verify'].get('timeline_ok')} exact + {r['verify'].get('timeline_rounded')} rounded / "
         f"{r['verify'].get('timeline_rows')} ({r['verify'].get('timeline_wrong')} wrong, "
         f"{r['verify'].get('timeline_missing')} missing)" for r in results])
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="kospitl benchmark (see bench/README.md)")
    ap.add_argument("--sizes", default="1000,10000,100000", help="corpus sizes, comma-separated")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workdir", default="/tmp/kospitl-bench")
    ap.add_argument("--quick", action="store_true", help="1k only, small samples: under a minute")
    ap.add_argument("--batch", type=int, default=0, help="articles per timed batch (default 100 up to 1k, else 1,000)")
    ap.add_argument("--jobs", type=int, default=0, help="extraction worker processes (default: the library's, "
                    "i.e. the CPUs; 1: in-process)")
    ap.add_argument("--order", choices=("sorted", "shuffled"), default="sorted",
                    help="ingest order: sorted names (chronological) or shuffled by --seed")
    ap.add_argument("--cli-repeat", type=int, default=3, help="runs of each timed CLI query (median)")
    ap.add_argument("--short-repeat", type=int, default=3,
                    help=f"ingests of a size that takes under {SHORT_RUN_S} s (fresh databases; the median is reported)")
    ap.add_argument("--reingest", type=int, default=1000, help="known articles re-ingested (a spread sample)")
    ap.add_argument("--cli-ingest", type=int, default=1000,
                    help="files for the one timed CLI ingest (first size only; 0 = skip)")
    ap.add_argument("--verify", type=int, default=200, help="articles sampled for verification")
    ap.add_argument("--ingest-budget", type=float, default=0,
                    help="seconds per size for the ingest; past it the run stops and extrapolates (0 = none)")
    ap.add_argument("--profile", action="store_true", help="profile one ingest of the smallest size and exit")
    ap.add_argument("--profile-limit", type=int, default=0, help="profile only the first N files of that corpus")
    ap.add_argument("--json", help="also write the results here (default: WORKDIR/results-DATE.json)")
    ap.add_argument("--lib", help="library to measure: a directory holding kospitl/, or git:REV "
                    "(exported into the workdir; default: the installed kospitl)")
    ap.add_argument("--one", help=argparse.SUPPRESS)  # worker: corpus directory
    a = ap.parse_args(argv)
    workdir = Path(a.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    if a.one:
        a.corpus = a.one
        print(json.dumps(worker(a)))
        return 0
    sizes = [1000] if a.quick else [int(s.replace("_", "")) for s in a.sizes.split(",")]
    if a.quick:  # a smoke run: the ingest is time-boxed (and extrapolated) so the whole run stays under a minute
        a.batch = a.batch or 50
        a.reingest, a.cli_ingest, a.verify = min(a.reingest, 100), min(a.cli_ingest, 40), min(a.verify, 30)
        a.cli_repeat = 1
        a.ingest_budget = a.ingest_budget or 25
    lib = use_library(a.lib, workdir)
    if a.profile:
        if a.lib:  # profile in a child that imports the chosen library
            cmd = [PY, __file__, "--profile", "--sizes", str(min(sizes)), "--seed", str(a.seed), "--workdir", str(workdir),
                   "--profile-limit", str(a.profile_limit)]
            return subprocess.run(cmd, env=os.environ).returncode
        profile(a, ensure_corpus(workdir, min(sizes), a.seed))
        return 0
    started = time.perf_counter()
    load0 = [round(x, 2) for x in os.getloadavg()]
    results = []
    for i, n in enumerate(sizes):
        corpus = ensure_corpus(workdir, n, a.seed)
        log(f"size {n:,}: worker starting")
        cmd = [PY, __file__, "--one", str(corpus), "--seed", str(a.seed), "--workdir", str(workdir),
               "--batch", str(a.batch), "--jobs", str(a.jobs), "--order", a.order, "--reingest", str(a.reingest),
               "--cli-ingest", str(a.cli_ingest if i == 0 else 0), "--verify", str(a.verify),
               "--ingest-budget", str(a.ingest_budget), "--cli-repeat", str(a.cli_repeat),
               "--short-repeat", str(a.short_repeat)]
        out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True, env=os.environ).stdout
        results.append(json.loads(out.strip().splitlines()[-1]))
        log(f"size {n:,}: done")
    if a.lib and a.lib.startswith("git:"):
        git, dirty = Path(lib).name.removeprefix("lib-"), []
    else:
        git = subprocess.run(["git", "-C", lib, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", lib, "status", "--short", "kospitl", "migrations"],
                               capture_output=True, text=True).stdout.split("\n")
    meta = {"date": datetime.now().isoformat(timespec="seconds"), "git": git, "library": lib,
            "uncommitted_library_files": sum(1 for x in dirty if x.strip()),
            "python": platform.python_version(), "sqlite": sqlite3.sqlite_version, "cpus": os.cpu_count(),
            "machine": platform.machine(), "seed": a.seed, "order": a.order,
            "loadavg_start": load0, "loadavg_end": [round(x, 2) for x in os.getloadavg()],
            "wall_s": round(time.perf_counter() - started, 1)}
    print(f"\nkospitl benchmark — {meta['date']}, library {lib} at git {git}"
          f"{' (+' + str(meta['uncommitted_library_files']) + ' uncommitted library files)' if meta['uncommitted_library_files'] else ''}, "
          f"Python {meta['python']}, SQLite {meta['sqlite']}, {meta['cpus']} CPUs; seed {a.seed}, order {a.order}; "
          f"{meta['wall_s']:.0f} s; load average {load0[0]} → {meta['loadavg_end'][0]}\n")
    print(fmt_table(results))
    for r in results:
        p = r["queries"]["plans"]
        print(f"\n{r['n']:,}: query plans — timeline: {p['timeline']} | show: {p['show_date']} | conflicts: {p['conflicts']}")
        if r.get("extrapolated"):
            e = r["extrapolated"]
            print(f"{r['n']:,}: EXTRAPOLATED from {r['ingested']:,} articles ingested in {r['ingest_s']:.0f} s: "
                  f"slope {e['slope_ms_per_1k_articles']} ms/article per 1,000 articles in the database → "
                  f"last 1,000 ≈ {e['last_ms']} ms/article, total ≈ {e['total_s'] / 60:.0f} min ({e['aps']} articles/s)")
    path = Path(a.json) if a.json else workdir / f"results-{datetime.now():%Y%m%d-%H%M%S}.json"
    path.write_text(json.dumps({"meta": meta, "results": results}, indent=1))
    print(f"\nresults: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
