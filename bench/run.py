#!/usr/bin/env python3
"""kospitl benchmark: what a user sees when ingesting real-size articles, against the floor.

    .venv/bin/python bench/run.py --quick                          # 500, sorted and shuffled: < 1 minute
    .venv/bin/python bench/run.py --sizes 1000,10000 --repeat 3    # the README's table (medians)
    .venv/bin/python bench/run.py --sizes 100000 --ingest-budget 900   # time-boxed
    .venv/bin/python bench/run.py --profile                        # cProfile of one in-process 1k ingest

The corpus is ``../shared/tools/synth_corpus.py OUT N --per-day 20`` (the seed and dev articles
moved onto other sessions: about 20 observations an article, 20 articles a session) when the
shared folder is there, else ``bench/generate.py`` with 20 articles a session (lighter texts,
but a known truth to verify against); the output says which. Each (size, order, repeat) runs in
a fresh process (so ``ru_maxrss`` is its own): it ingests N articles into a new database in
one ``ingest_paths`` call (as ``kospitl ingest FOLDER`` does), then adds the 200 newest
articles, held out of the bulk load, to the finished database; re-ingests known articles;
times the timeline of one subject in a new process; and inserts the same observation rows with
plain ``sqlite3`` and with ``sqlite-utils insert`` (``pip install sqlite-utils``: a benchmark
dependency only). See bench/README.md.
"""
from __future__ import annotations

import argparse
import inspect
import json
import os
import platform
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
SYNTH = ROOT.parent / "shared" / "tools" / "synth_corpus.py"
PY = sys.executable
# the CLI, with whichever library PYTHONPATH selects (see --lib); -P: the current directory must not
# shadow it (run from a checkout, "python -m kospitl" would otherwise import the checkout's kospitl)
KOSPITL = [PY, "-P", "-m", "kospitl"]
PER_DAY = 20  # articles a session
NEW = 200  # the newest articles, held out of the bulk load and added to the finished database
TIMELINE_YEARS = 10
QUICK = 500  # articles in --quick (sorted and shuffled: ~4 s each on 2 idle cores)

# issue 15's targets: (figure, test, as printed)
TARGETS = {
    "aps": (lambda v: v >= 500, "≥ 500"),
    "extract_ms": (lambda v: v <= 3, "≤ 3"),
    "growth": (lambda v: v <= 1.2, "≤ 1.2×"),
    "vs_sorted": (lambda v: v <= 1.2, "≤ 1.2×"),
    "vs_sqlite_utils": (lambda v: v <= 1.5, "≤ 1.5×"),
    "new_vs_bulk": (lambda v: v <= 1.5, "≤ 1.5×"),
    "rss_mb": (lambda v: v <= 300, "≤ 300"),
    "reingest_aps": (lambda v: v >= 10_000, "≥ 10,000"),
    "timeline_ms": (lambda v: v <= 50, "≤ 50"),
}


def mark(key: str, value: float | None, text: str | None = None) -> str:
    """A figure with ✓ or ✗ against its target."""
    if value is None:
        return "—"
    ok, _ = TARGETS[key]
    return f"{text if text is not None else value} {'✓' if ok(value) else '✗'}"


def log(msg: str) -> None:
    print(f"[{datetime.now():%H:%M:%S}] {msg}", file=sys.stderr, flush=True)


def proc_kb(path: str, field: str) -> int:
    """A ``field: N kB`` line of a /proc file (0 if gone)."""
    try:
        text = Path(path).read_text()
    except OSError:
        return 0
    return next((int(line.split()[1]) for line in text.splitlines() if line.startswith(field + ":")), 0)


def fresh_db(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    for p in path.parent.glob(path.name + ".bak-*"):
        p.unlink()


# ---- the corpus ---------------------------------------------------------------------------------

def corpus_source(choice: str) -> str:
    if choice == "auto":
        return "synth" if SYNTH.is_file() else "generate"
    if choice == "synth" and not SYNTH.is_file():
        sys.exit(f"Error: {SYNTH}: not found (the shared folder is not beside the checkout); use --corpus generate")
    return choice


def ensure_corpus(workdir: Path, n: int, seed: int, source: str, per_day: int = PER_DAY) -> Path:
    """N + 200 articles for (n, seed, source), made in a subprocess unless already there."""
    total = n + NEW
    out = workdir / (f"{source}-{total}-s{seed}" + (f"-d{per_day}" if per_day != PER_DAY else ""))
    done = out / ".complete"
    if done.exists():
        return out
    shutil.rmtree(out, ignore_errors=True)
    log(f"making {total:,} articles ({source}, seed {seed}) → {out}")
    t = time.perf_counter()
    if source == "synth":
        cmd = [PY, str(SYNTH), str(out), str(total), "--per-day", str(per_day), "--seed", str(seed)]
    else:
        cmd = [PY, str(BENCH / "generate.py"), "-n", str(total), "--seed", str(seed), "--min-per-day", str(per_day),
               "--out", str(out)]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=os.environ)
    done.write_text(" ".join(cmd[1:]))
    log(f"made in {time.perf_counter() - t:.1f} s")
    return out


def session_of(path: str) -> str:
    """The session an article of either corpus reports on, from its name: ``s000123_20260331.txt``
    (synth) or ``20160104_naver_000000.txt`` (generate)."""
    name = Path(path).name
    return name[8:16] if name.startswith("s") else name[:8]


def chronological(files: list[str]) -> list[str]:
    return sorted(files, key=lambda p: (session_of(p), Path(p).name))


# ---- one run: a size and an order in a fresh process --------------------------------------------

def _timed_prepare(task):  # in the extraction worker (forked: this module is its __main__ too)
    from kospitl.ingest import _prepare_task

    t = time.thread_time()
    prep = _prepare_task(task)  # the library's own task: (path, text, given, seen)
    try:
        prep.bench_cpu = time.thread_time() - t  # carried back with the result
    except AttributeError:  # a Prepared with __slots__: extraction CPU is then the workers' total only
        pass
    return prep


def pss_all_mb() -> float:
    """Proportional set size of this process and its extraction workers (pages shared after the
    fork counted once across them), MB."""
    from kospitl import parallel

    pool = getattr(parallel, "_pool", None)
    pids = [os.getpid(), *sorted(getattr(pool, "_processes", None) or {})]
    return sum(proc_kb(f"/proc/{pid}/smaps_rollup", "Pss") for pid in pids) / 1024


def workers_cpu_s() -> float:
    """CPU seconds (user + system) the live extraction workers have used."""
    from kospitl import parallel

    pool = getattr(parallel, "_pool", None)
    total = 0
    for pid in getattr(pool, "_processes", None) or {}:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / os.sysconf("SC_CLK_TCK")


class Meter:
    """Wraps the library's ``write_batch``: the wall clock, the writer's CPU and the extraction
    CPU of the articles written, by windows of ``window`` articles, and the peak PSS."""

    def __init__(self, ingest_module, window: int, budget: float, n: int):
        self.module, self.window, self.budget, self.n = ingest_module, window, budget, n
        self.inner = ingest_module.write_batch
        self.windows: list[dict] = []
        self.done = self.since = 0
        self.extract = 0.0
        self.pss_peak = 0.0
        self.t0 = self.t = time.perf_counter()
        self.c = time.process_time()

    class Budget(Exception):
        pass

    def __enter__(self) -> "Meter":
        self.module.write_batch = self.write
        return self

    def __exit__(self, *exc) -> None:
        self.module.write_batch = self.inner

    def write(self, engine, prepared, *rest):
        out = self.inner(engine, prepared, *rest)
        self.done += len(prepared)
        self.extract += sum(getattr(p, "bench_cpu", 0.0) for p in prepared)
        if self.done - self.since >= self.window or self.done >= self.n:
            self.close_window()
            if self.budget and time.perf_counter() - self.t0 > self.budget and self.done < self.n:
                log(f"  ingest budget of {self.budget:.0f} s spent: stopping at {self.done:,} of {self.n:,}")
                raise Meter.Budget
        return out

    def close_window(self) -> None:
        """Close the window of the articles written since the last one (if any)."""
        k = self.done - self.since
        if not k:
            return
        now, cpu = time.perf_counter(), time.process_time()
        pss = pss_all_mb()
        self.pss_peak = max(self.pss_peak, pss)
        self.windows.append({"upto": self.done, "n": k, "wall_ms": (now - self.t) * 1000 / k,
                             "writer_ms": (cpu - self.c) * 1000 / k, "extract_ms": self.extract * 1000 / k,
                             "rss_mb": proc_kb("/proc/self/status", "VmRSS") / 1024, "pss_mb": pss})
        self.since, self.t, self.c, self.extract = self.done, now, cpu, 0.0
        elapsed = now - self.t0
        if len(self.windows) % 5 == 0 or self.done >= self.n:
            log(f"  {self.done:,} of {self.n:,}: {self.done / elapsed:.0f} articles/s, "
                f"writer {self.windows[-1]['writer_ms']:.2f} ms/article, PSS {self.pss_peak:.0f} MB")

    def span(self, first: bool, count: int, key: str) -> float:
        """Per-article mean of ``key`` over the first (or last) ``count`` articles written."""
        ws = self.windows if first else self.windows[::-1]
        s = m = 0
        for w in ws:
            take = min(w["n"], count - m)
            s += w[key] * take
            m += take
            if m >= count:
                break
        return s / m if m else float("nan")


class EndSettle:
    """Times the settling a library leaves to the end of an ingest (``pending.settle_marked``:
    the articles of sessions settled before) apart from the load's windows (``meter``'s last is
    closed before it): how many articles were marked, its wall clock, the writer's CPU and the
    PSS after it. Nothing for a library without it."""

    def __init__(self, meter: "Meter") -> None:
        self.meter, self.marked, self.wall, self.cpu, self.pss = meter, 0, 0.0, 0.0, 0.0
        try:
            from kospitl import pending
        except ImportError:
            pending = None
        self.module = pending

    def __enter__(self) -> "EndSettle":
        if self.module is not None:
            self.inner = self.module.settle_marked
            self.module.settle_marked = self.settle
        return self

    def __exit__(self, *exc) -> None:
        if self.module is not None:
            self.module.settle_marked = self.inner

    def settle(self, engine):
        self.meter.close_window()
        with engine.connect() as conn:
            self.marked += self.module.count(conn)
        t, c = time.perf_counter(), time.process_time()
        out = self.inner(engine)
        self.wall += time.perf_counter() - t
        self.cpu += time.process_time() - c
        self.pss = max(self.pss, pss_all_mb())
        self.meter.pss_peak = max(self.meter.pss_peak, self.pss)
        self.meter.t, self.meter.c = time.perf_counter(), time.process_time()  # not in a window of the load
        return out

    def result(self, done: int) -> dict | None:
        if self.module is None:
            return None
        return {"marked": self.marked, "wall_s": self.wall, "writer_ms": self.cpu * 1000 / max(1, done),
                "pss_mb": self.pss}


def run_one(a: argparse.Namespace) -> dict:
    import kospitl
    import kospitl.ingest as ingest_module
    from kospitl import parallel
    from kospitl.db import open_db
    from kospitl.ingest import expand, ingest_paths

    corpus = Path(a.corpus)
    files = chronological(expand([str(corpus)]))
    bulk, new = files[:-NEW], files[-NEW:]  # the newest 200 come later, as the next days' news
    if a.order == "shuffled":
        random.Random(a.seed).shuffle(bulk)
    n = len(bulk)
    db = Path(a.workdir) / f"kospitl-{corpus.name}-{a.order}.db"
    fresh_db(db)
    res: dict = {"n": n, "order": a.order, "library": str(Path(kospitl.__file__).resolve().parent),
                 "sessions": len({session_of(p) for p in bulk})}
    engine = open_db(str(db))
    jobs = a.jobs or parallel.default_jobs()
    parallel.warm(jobs)  # the workers' start-up is not the ingest's
    res["jobs"] = jobs
    ingest_module._prepare_task = _timed_prepare

    # the per-file results as the CLI takes them (streamed, counted: a library that has on_file
    # keeps none); an older library's report holds them all
    statuses: dict[str, int] = {}
    streamed = "on_file" in inspect.signature(ingest_paths).parameters

    def counted(f) -> None:
        statuses[f.status] = statuses.get(f.status, 0) + 1

    stream = {"on_file": counted} if streamed else {}
    window = 1000 if n >= 2000 else max(1, n // 10)
    t, c, w0 = time.perf_counter(), time.process_time(), workers_cpu_s()
    stopped = False
    with Meter(ingest_module, window, a.ingest_budget, n) as m, EndSettle(m) as end:
        try:
            report = ingest_paths(engine, bulk, jobs=jobs, **stream)
            if not streamed:
                statuses = {s: sum(1 for f in report.files if f.status == s) for s in {f.status for f in report.files}}
            m.close_window()  # files not stored (errors) leave the last window short
        except Meter.Budget:  # the transactions written before the stop stay: a prefix of the files
            statuses, stopped = {"new": m.done}, True
    wall = time.perf_counter() - t
    done = m.done
    count = min(1000, window) if done >= 2000 else window
    res.update(ingested=done, partial=stopped, statuses=statuses, ingest_s=wall, aps=done / wall,
               wall_ms=wall * 1000 / done, writer_ms=(time.process_time() - c) * 1000 / done,
               workers_ms=(workers_cpu_s() - w0) * 1000 / done,
               extract_ms=sum(w["extract_ms"] * w["n"] for w in m.windows) / done, span=count,
               first={k: m.span(True, count, k) for k in ("wall_ms", "writer_ms", "extract_ms")},
               last={k: m.span(False, count, k) for k in ("wall_ms", "writer_ms", "extract_ms")},
               rss_windows=[(w["upto"], round(w["rss_mb"], 1), round(w["pss_mb"], 1)) for w in m.windows])
    res["growth"] = res["last"]["writer_ms"] / res["first"]["writer_ms"]
    res["end_settle"] = end.result(done)
    with engine.connect() as conn:  # the floors insert the bulk load's observation rows
        last_id = conn.exec_driver_sql("SELECT MAX(id) FROM article").scalar_one()

    # -- the next days' news: the 200 newest articles into the finished database --
    t, c, w0 = time.perf_counter(), time.process_time(), workers_cpu_s()
    with Meter(ingest_module, NEW, 0, NEW) as m2:
        ingest_paths(engine, new, jobs=jobs, **stream)
        m2.close_window()
    dt = time.perf_counter() - t
    res["new"] = {"wall_ms": dt * 1000 / NEW, "writer_ms": (time.process_time() - c) * 1000 / NEW,
                  "extract_ms": sum(w["extract_ms"] * w["n"] for w in m2.windows) / max(1, m2.done)}
    res["new_vs_bulk"] = res["new"]["wall_ms"] / res["wall_ms"]

    # -- re-ingest of known articles (a spread sample) --
    known = bulk[:done] + new
    k = min(len(known), a.reingest)
    sample = [known[i * len(known) // k] for i in range(k)]
    t = time.perf_counter()
    statuses.clear()
    report = ingest_paths(engine, sample, jobs=jobs, **stream)
    dt = time.perf_counter() - t
    known_n = statuses.get("known", 0) if streamed else sum(1 for f in report.files if f.status == "known")
    res.update(reingest_n=k, reingest_aps=k / dt, reingest_all_known=known_n == k)

    res["pss_peak_mb"] = max(m.pss_peak, m2.pss_peak, pss_all_mb())
    res["writer_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    res["workers_hwm_mb"] = [proc_kb(f"/proc/{pid}/status", "VmHWM") / 1024
                             for pid in sorted(getattr(parallel._pool, "_processes", None) or {})]
    parallel.shutdown()
    with engine.connect() as conn:
        res["rows"] = dict(conn.exec_driver_sql(
            "SELECT 'articles', COUNT(*) FROM article UNION ALL SELECT 'observations', COUNT(*) FROM observation "
            "UNION ALL SELECT 'facts', COUNT(*) FROM fact UNION ALL SELECT 'problems', COUNT(*) FROM problem").all())
    engine.dispose()

    res["timeline"] = timeline_new_process(db, a.repeat_cli)
    res["floor"] = floors(db, res["ingest_s"], last_id)
    if (corpus / "truth.jsonl").exists():
        res["verify"] = verify(db, corpus, bulk[:done] + new, a.verify)
    if a.keep_db:
        res["db"] = str(db)
    else:
        fresh_db(db)
    return res


FRESH_TIMELINE = """
import contextlib, json, sys, time
t0 = time.perf_counter()
from kospitl import export
from kospitl import db
t1 = time.perf_counter()
if hasattr(db, "reading"):  # the read commands' connection (sqlite3's own at the code's schema)
    opened = db.reading(sys.argv[1])
else:  # a library before it: the engine
    opened = contextlib.closing(db.open_db(sys.argv[1], readonly=True).connect())
with opened as conn:
    t2 = time.perf_counter()
    n = sum(1 for _ in export.timeline(conn, subject=sys.argv[2], date_from=sys.argv[3]))
    t3 = time.perf_counter()
print(json.dumps({"import_ms": (t1 - t0) * 1000, "open_ms": (t2 - t1) * 1000, "query_ms": (t3 - t2) * 1000, "rows": n}))
"""


def compile_library() -> None:
    """Byte-compile the library measured, as installing a package does: with
    PYTHONDONTWRITEBYTECODE set (as on the shared machines) an uncompiled checkout is compiled
    from source by every new process, and its start-up measures the compiler."""
    import compileall

    import kospitl
    compileall.compile_dir(str(Path(kospitl.__file__).resolve().parent), quiet=1)


def timeline_new_process(db: Path, repeat: int, subject: str = "KOSPI") -> dict:
    """The timeline of one subject over the last ten years, as a user asks for it: the CLI in a
    new process, less a bare interpreter's start-up (medians); and the library's parts."""
    con = sqlite3.connect(db)
    last = con.execute("SELECT MAX(date) FROM fact WHERE subject = ?", (subject,)).fetchone()[0]
    con.close()
    if not last:
        return {}
    d = date.fromisoformat(last)
    since = d.replace(year=d.year - TIMELINE_YEARS, day=min(d.day, 28)).isoformat()

    def wall(cmd: list[str]) -> float:
        t = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return (time.perf_counter() - t) * 1000

    cli = [*KOSPITL, "timeline", "--subject", subject, "--from", since, "--db", str(db), "--csv"]
    bare = [PY, "-P", "-c", "pass"]
    compile_library()
    wall(cli)  # warm the page cache
    bare_ms, cli_ms = [], []
    for _ in range(repeat):
        bare_ms.append(wall(bare))
        cli_ms.append(wall(cli))
    parts = [json.loads(subprocess.run([PY, "-P", "-c", FRESH_TIMELINE, str(db), subject, since], check=True,
                                       capture_output=True, text=True).stdout) for _ in range(repeat)]
    lib = {k: statistics.median(p[k] for p in parts) for k in ("import_ms", "open_ms", "query_ms")}
    return {"since": since, "rows": parts[0]["rows"], "bare_ms": statistics.median(bare_ms),
            "cli_ms": statistics.median(cli_ms), "beyond_ms": statistics.median(c - b for c, b in zip(cli_ms, bare_ms)),
            **lib}


def floors(db: Path, ingest_s: float, last_article: int) -> dict:
    """The observation rows of the bulk load (articles up to ``last_article``) into a new
    database: plain ``sqlite3`` ``executemany`` in one
    transaction, without and with the observation table's own indexes (only the inserts and the
    commit are timed); and ``sqlite-utils insert`` of them as newline-delimited JSON (the whole
    command). Ratios are kospitl's bulk ingest time over each."""
    src = sqlite3.connect(db)
    cols = [r[1] for r in src.execute("PRAGMA table_info(observation)") if r[1] != "id"]
    qc = ", ".join(f'"{c}"' for c in cols)
    indexes = [sql for (sql,) in src.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'observation' AND sql IS NOT NULL")]
    out: dict = {"indexes": len(indexes)}
    select = f"SELECT {qc} FROM observation WHERE article_id <= ? ORDER BY id"
    target = db.with_name(db.stem + "-floor.db")  # beside its run's database: runs may share a workdir
    for label, idx in (("plain", []), ("indexed", indexes)):
        fresh_db(target)
        dst = sqlite3.connect(target, isolation_level=None)
        dst.execute("PRAGMA journal_mode = WAL")
        dst.execute("PRAGMA synchronous = NORMAL")
        dst.execute(f"CREATE TABLE observation (id INTEGER PRIMARY KEY, {qc})")
        for sql in idx:
            dst.execute(sql)
        insert = f"INSERT INTO observation ({qc}) VALUES ({', '.join('?' * len(cols))})"
        cur = src.execute(select, (last_article,))
        dt, rows = 0.0, 0
        dst.execute("BEGIN")
        while chunk := cur.fetchmany(50_000):
            t = time.perf_counter()
            dst.executemany(insert, chunk)
            dt += time.perf_counter() - t
            rows += len(chunk)
        t = time.perf_counter()
        dst.execute("COMMIT")
        dt += time.perf_counter() - t
        dst.close()
        out[label] = {"s": dt, "ratio": ingest_s / dt}
    out["rows"] = rows
    tool = Path(PY).with_name("sqlite-utils")
    tool = str(tool) if tool.exists() else shutil.which("sqlite-utils")
    if tool:
        jsonl = target.with_suffix(".jsonl")
        with open(jsonl, "w", encoding="utf-8") as f:
            cur = src.execute(select, (last_article,))
            while chunk := cur.fetchmany(50_000):
                f.writelines(json.dumps(dict(zip(cols, r)), ensure_ascii=False) + "\n" for r in chunk)
        fresh_db(target)
        t = time.perf_counter()
        subprocess.run([tool, "insert", str(target), "observation", str(jsonl), "--nl"], check=True)
        dt = time.perf_counter() - t
        out["sqlite_utils"] = {"s": dt, "ratio": ingest_s / dt}
        jsonl.unlink()
    src.close()
    fresh_db(target)
    return out


def verify(db: Path, corpus: Path, ingested: list[str], k: int) -> dict:
    """``bench/generate.py`` corpora only: the stored observations of a sample of articles
    against the facts they print, and the timeline of their sessions against the true history."""
    names = {Path(p).name for p in ingested}
    docs = [d for d in map(json.loads, open(corpus / "facts.jsonl", encoding="utf-8")) if Path(d["doc"]).name in names]
    sample = [docs[i * len(docs) // min(k, len(docs))] for i in range(min(k, len(docs)))]
    con = sqlite3.connect(db)
    expected = matched = 0
    for d in sample:
        got: dict[tuple, list[float]] = {}
        for r in con.execute("SELECT o.date, o.kind, o.subject, o.metric, o.as_of, o.value FROM observation o "
                             "JOIN article a ON a.id = o.article_id WHERE a.source_path LIKE ?", ("%/" + d["doc"],)):
            got.setdefault(tuple(r[:5]), []).append(r[5])
        exp = {(d["date"], k_, s, m, a): v for k_, s, m, a, v, _q in d["facts"]}
        expected += len(exp)
        matched += sum(1 for key, v in exp.items() if any(abs(g - v) <= 1e-9 * max(1, abs(v)) for g in got.get(key, ())))
    days = {d["date"] for d in sample}
    ok = bad = missing = 0
    for t in map(json.loads, open(corpus / "truth.jsonl", encoding="utf-8")):
        if t["date"] not in days:
            continue
        row = con.execute("SELECT value FROM fact WHERE date=? AND kind=? AND subject=? AND metric=? AND as_of=?",
                          (t["date"], t["kind"], t["subject"], t["metric"], t["as_of"])).fetchone()
        if row is None:
            missing += 1
        elif abs(row[0] - t["value"]) <= 0.5 * t["coarsest"] + 1e-9 * max(1, abs(t["value"])):
            ok += 1  # right at the precision some article printed it
        else:
            bad += 1
    con.close()
    return {"articles": len(sample), "recall": matched / expected if expected else None,
            "timeline_ok": ok, "timeline_wrong": bad, "timeline_missing": missing}


# ---- profile --------------------------------------------------------------------------------------

def profile(corpus: Path, workdir: Path, limit: int) -> None:
    """cProfile of one in-process ingest (``jobs=1``: extraction and writing in one profile)."""
    import cProfile
    import pstats
    from kospitl.db import open_db
    from kospitl.ingest import expand, ingest_paths

    files = chronological(expand([str(corpus)]))[:limit]
    db = workdir / "profile.db"
    fresh_db(db)
    engine = open_db(str(db))
    prof = cProfile.Profile(time.process_time)  # CPU time: a shared machine's wall clock says little
    t = time.process_time()
    prof.enable()
    ingest_paths(engine, files, jobs=1)
    prof.disable()
    total = time.process_time() - t
    out = workdir / f"profile-{corpus.name}-{len(files)}.pstats"
    prof.dump_stats(out)
    print(f"cProfile of an in-process ingest of {len(files):,} articles: {total:.1f} s of CPU under the profiler; {out}\n")
    st = pstats.Stats(prof)
    entries = [(ct, tt, nc, f"{Path(file).parent.name}/{Path(file).name}:{line}({fn})")
               for (file, line, fn), (_cc, nc, tt, ct, _callers) in st.stats.items()]  # type: ignore[attr-defined]
    print(f"{'cum s':>8} {'share':>6} {'self s':>7} {'calls':>9}  function (kospitl, by cumulative time)")
    for ct, tt, nc, name in sorted(entries, reverse=True):
        if "kospitl/" in name and ct / total > 0.02:
            print(f"{ct:8.2f} {ct / total:6.1%} {tt:7.2f} {nc:9}  {name}")
    print(f"\n{'cum s':>8} {'self':>6} {'self s':>7} {'calls':>9}  function (any, by self time)")
    for ct, tt, nc, name in sorted(entries, key=lambda e: -e[1])[:20]:
        print(f"{ct:8.2f} {tt / total:6.1%} {tt:7.2f} {nc:9}  {name}")
    fresh_db(db)


# ---- the table ------------------------------------------------------------------------------------

def median_run(runs: list[dict]) -> dict:
    """The run whose throughput is the median (its figures belong together), with the spread."""
    ordered = sorted(runs, key=lambda r: r["aps"])
    mid = dict(ordered[(len(ordered) - 1) // 2])
    mid["aps_runs"] = [r["aps"] for r in runs]
    for key in ("reingest_aps",):
        mid[key] = statistics.median(r[key] for r in runs)
    mid["timeline"] = dict(mid["timeline"], beyond_ms=statistics.median(r["timeline"].get("beyond_ms", 0) for r in runs))
    return mid


def table(results: list[dict]) -> str:
    lines = ["| figure | " + " | ".join(f"{r['n']:,} {r['order']}" for r in results) + " | target |",
             "|---|" + "---|" * (len(results) + 1)]
    smallest = {o: min((r for r in results if r["order"] == o), key=lambda r: r["n"]) for o in {r["order"] for r in results}}
    sorted_run = {r["n"]: r for r in results if r["order"] == "sorted"}

    def row(name: str, cells: list[str], key: str | None = None) -> None:
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {TARGETS[key][1] if key else ''} |")

    def pair(d: dict, k1: str, k2: str) -> str:
        return f"{d[k1]:.2f} / {d[k2]:.2f}"

    row("articles (sessions)", [f"{r['ingested']:,}{' time-boxed' if r['partial'] else ''} ({r['sessions']:,})"
                                for r in results])
    row("ingest, articles/s (runs)", [mark("aps", r["aps"], f"{r['aps']:.0f}" + (
        f" ({', '.join(f'{x:.0f}' for x in r['aps_runs'])})" if len(r.get("aps_runs", [])) > 1 else ""))
        for r in results], "aps")
    row("CPU per article, writer / extraction, ms (mean)", [pair(r, "writer_ms", "extract_ms") for r in results])
    row("first 1,000 articles (a tenth below 2,000): writer / extraction CPU, ms",
        [pair(r["first"], "writer_ms", "extract_ms") for r in results])
    row("last 1,000 articles (a tenth below 2,000): writer / extraction CPU, ms",
        [pair(r["last"], "writer_ms", "extract_ms") for r in results])
    row("settled at the end of the ingest: articles marked, wall s, writer CPU ms per article written, PSS after, MB",
        [f"{r['end_settle']['marked']:,}, {r['end_settle']['wall_s']:.1f} s, {r['end_settle']['writer_ms']:.2f}, "
         f"{r['end_settle'].get('pss_mb', 0):.0f}" if r.get("end_settle") else "—" for r in results])
    row("extraction CPU per article, ms (mean)", [mark("extract_ms", r["extract_ms"], f"{r['extract_ms']:.2f}")
                                                   for r in results], "extract_ms")
    row("writer CPU per article, last / first", [mark("growth", r["growth"], f"{r['growth']:.2f}×") for r in results],
        "growth")
    row("wall per article vs the smallest size, same order",
        [mark("growth", r["wall_ms"] / smallest[r["order"]]["wall_ms"],
              f"{r['wall_ms'] / smallest[r['order']]['wall_ms']:.2f}×") for r in results], "growth")
    row("wall per article, shuffled / sorted",
        [mark("vs_sorted", r["wall_ms"] / sorted_run[r["n"]]["wall_ms"],
              f"{r['wall_ms'] / sorted_run[r['n']]['wall_ms']:.2f}×")
         if r["order"] == "shuffled" and r["n"] in sorted_run else "—" for r in results], "vs_sorted")
    row("peak RSS: writer, MB", [mark("rss_mb", r["writer_rss_mb"], f"{r['writer_rss_mb']:.0f}") for r in results],
        "rss_mb")
    row("writer RSS after the first / last window written, MB (MB per 10,000 articles between)",
        [f"{r['rss_windows'][0][1]:.0f} / {r['rss_windows'][-1][1]:.0f} ("
         f"{(r['rss_windows'][-1][1] - r['rss_windows'][0][1]) * 10_000 / max(1, r['rss_windows'][-1][0] - r['rss_windows'][0][0]):.1f})"
         if len(r.get("rss_windows") or ()) > 1 else "—" for r in results])
    row("peak PSS: writer + extraction workers, MB", [mark("rss_mb", r["pss_peak_mb"], f"{r['pss_peak_mb']:.0f}")
                                                      for r in results], "rss_mb")
    row("observation rows", [f"{r['floor']['rows']:,} ({r['floor']['rows'] / r['ingested']:.1f} an article)"
                             for r in results])
    row("floor: plain sqlite3 executemany, one transaction, s (kospitl ×)",
        [f"{r['floor']['plain']['s']:.2f} ({r['floor']['plain']['ratio']:.0f}×)" for r in results])
    row("floor: the same with the observation indexes, s (kospitl ×)",
        [f"{r['floor']['indexed']['s']:.2f} ({r['floor']['indexed']['ratio']:.0f}×)" for r in results])
    row("sqlite-utils insert, s (kospitl ×)",
        [mark("vs_sqlite_utils", r["floor"]["sqlite_utils"]["ratio"],
              f"{r['floor']['sqlite_utils']['s']:.2f} ({r['floor']['sqlite_utils']['ratio']:.1f}×)")
         if "sqlite_utils" in r["floor"] else "— (pip install sqlite-utils)" for r in results], "vs_sqlite_utils")
    row("200 newest added to the finished db: wall / writer / extraction ms per article",
        [f"{r['new']['wall_ms']:.2f} / {r['new']['writer_ms']:.2f} / {r['new']['extract_ms']:.2f}" for r in results])
    row("... their wall per article / the bulk load's",
        [mark("new_vs_bulk", r["new_vs_bulk"], f"{r['new_vs_bulk']:.2f}×") for r in results], "new_vs_bulk")
    row("re-ingest of known articles, articles/s",
        [mark("reingest_aps", r["reingest_aps"], f"{r['reingest_aps']:,.0f}") for r in results], "reingest_aps")
    row(f"timeline --subject KOSPI (last {TIMELINE_YEARS} years), new process beyond interpreter start-up, ms",
        [mark("timeline_ms", r["timeline"].get("beyond_ms"),
              f"{r['timeline'].get('beyond_ms', 0):.0f} ({r['timeline'].get('rows', 0):,} rows)") for r in results],
        "timeline_ms")
    row("... the library in a new process: import / open / query, ms",
        [f"{r['timeline']['import_ms']:.0f} / {r['timeline']['open_ms']:.0f} / {r['timeline']['query_ms']:.0f}"
         if r["timeline"] else "—" for r in results])
    if any("verify" in r for r in results):
        row("verify (generated corpus): observation recall; timeline right / wrong / missing",
            [f"{r['verify']['recall']:.4f}; {r['verify']['timeline_ok']} / {r['verify']['timeline_wrong']} / "
             f"{r['verify']['timeline_missing']}" if "verify" in r else "—" for r in results])
    return "\n".join(lines)


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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="kospitl benchmark (see bench/README.md)")
    ap.add_argument("--sizes", default="1000,10000", help="articles in the bulk load, comma-separated")
    ap.add_argument("--orders", default="sorted,shuffled", help="ingest orders: sorted (chronological), shuffled")
    ap.add_argument("--repeat", type=int, default=1, help="runs of each size and order (fresh processes; the median run is shown)")
    ap.add_argument("--corpus", choices=("auto", "synth", "generate"), default="auto",
                    help="synth: ../shared/tools/synth_corpus.py (auto when there); generate: bench/generate.py")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workdir", default="/tmp/kospitl-bench")
    ap.add_argument("--quick", action="store_true", help=f"{QUICK} articles, sorted and shuffled, small samples: under a minute")
    ap.add_argument("--jobs", type=int, default=0, help="extraction worker processes (default: the library's)")
    ap.add_argument("--reingest", type=int, default=2000, help="known articles re-ingested (a spread sample)")
    ap.add_argument("--repeat-cli", type=int, default=5, help="runs of the timeline in a new process (median)")
    ap.add_argument("--verify", type=int, default=200, help="articles checked against the truth (generated corpus)")
    ap.add_argument("--ingest-budget", type=float, default=0, help="seconds per bulk load; past it the run stops (0: none)")
    ap.add_argument("--profile", type=int, nargs="?", const=1000, metavar="N",
                    help="cProfile an in-process ingest of the first N articles (1,000) and exit")
    ap.add_argument("--json", help="also write the results here (default: WORKDIR/results-DATE.json)")
    ap.add_argument("--lib", help="library to measure: a directory holding kospitl/, or git:REV")
    ap.add_argument("--per-day", type=int, default=PER_DAY,
                    help=f"articles a session in the corpus ({PER_DAY}; the calendar starts in 1995: "
                         "1M articles need ~130 a session to stay within it)")
    ap.add_argument("--keep-db", action="store_true", help="keep each run's database (its path is in the results)")
    ap.add_argument("--one", help=argparse.SUPPRESS)  # a run: the corpus directory
    ap.add_argument("--order", default="sorted", help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    workdir = Path(a.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    if a.one:
        a.corpus = a.one
        print(json.dumps(run_one(a)))
        return 0
    source = corpus_source(a.corpus)
    sizes = [QUICK] if a.quick else [int(s.replace("_", "")) for s in a.sizes.split(",")]
    orders = [o.strip() for o in a.orders.split(",")]
    if a.quick:
        a.reingest, a.repeat_cli, a.verify, a.repeat = min(a.reingest, 500), 3, min(a.verify, 50), 1
        a.ingest_budget = a.ingest_budget or 12  # a loaded machine: a prefix, marked time-boxed
    lib = use_library(a.lib, workdir)
    if a.profile:
        if a.lib:
            os.execv(PY, [PY, __file__, "--profile", str(a.profile), "--workdir", str(workdir), "--corpus", source])
        profile(ensure_corpus(workdir, max(a.profile, 1000), a.seed, source), workdir, a.profile)
        return 0
    started = time.perf_counter()
    load0 = os.getloadavg()[0]
    results = []
    for n in sizes:
        corpus = ensure_corpus(workdir, n, a.seed, source, a.per_day)
        for order in orders:
            runs = []
            for i in range(a.repeat):
                log(f"{n:,} {order}, run {i + 1} of {a.repeat}")
                cmd = [PY, __file__, "--one", str(corpus), "--order", order, "--seed", str(a.seed),
                       "--workdir", str(workdir), "--jobs", str(a.jobs), "--reingest", str(a.reingest),
                       "--repeat-cli", str(a.repeat_cli), "--verify", str(a.verify),
                       "--ingest-budget", str(a.ingest_budget)] + (["--keep-db"] if a.keep_db else [])
                out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True, env=os.environ).stdout
                runs.append(json.loads(out.strip().splitlines()[-1]))
            results.append(median_run(runs) | {"runs": runs})
    if a.lib and a.lib.startswith("git:"):
        git, dirty = Path(lib).name.removeprefix("lib-"), 0
    else:
        git = subprocess.run(["git", "-C", lib, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
        dirty = sum(1 for x in subprocess.run(["git", "-C", lib, "status", "--short", "kospitl", "migrations"],
                                              capture_output=True, text=True).stdout.splitlines() if x.strip())
    corpus_note = ("../shared/tools/synth_corpus.py --per-day 20 (real articles moved onto other sessions)"
                   if source == "synth" else "bench/generate.py --min-per-day 20 (no ../shared: generated articles, "
                   "lighter than real ones)")
    meta = {"date": datetime.now().isoformat(timespec="seconds"), "git": git, "uncommitted_library_files": dirty,
            "library": lib, "corpus": source, "python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
            "cpus": os.cpu_count(), "seed": a.seed, "repeat": a.repeat, "loadavg_start": load0,
            "loadavg_end": os.getloadavg()[0], "wall_s": time.perf_counter() - started}
    print(f"\nkospitl benchmark — {meta['date']}, library at {git}{f' (+{dirty} uncommitted files)' if dirty else ''}, "
          f"Python {meta['python']}, SQLite {meta['sqlite']}, {meta['cpus']} CPUs, {results[0]['jobs']} extraction workers; "
          f"{a.repeat} run(s) each (the median run shown); {meta['wall_s']:.0f} s; load average {load0:.1f} → "
          f"{meta['loadavg_end']:.1f}\ncorpus: {corpus_note}; the bulk load is N articles, the 200 newest come after it\n")
    print(table(results))
    path = Path(a.json) if a.json else workdir / f"results-{datetime.now():%Y%m%d-%H%M%S}.json"
    path.write_text(json.dumps({"meta": meta, "results": results}, indent=1))
    print(f"\nresults: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
