"""Crash harness: ``kospitl ingest`` killed with SIGKILL at random points must leave a database
that is intact, holds only whole articles, and converges to the clean result when re-run.

One trial:

1. start ``python -m kospitl ingest CORPUS...`` on a fresh database (a subprocess) and SIGKILL
   it at a random point: mostly once a random number of articles is committed (watched through
   a read-only connection, plus a random part of one article's time, so that a kill can land
   inside the next article's transaction), sometimes during schema creation or start-up;
2. check a snapshot of what it left (the database file and its WAL, copied so the checks do not
   recover the WAL before kospitl's next run does):
   - ``PRAGMA integrity_check`` is ok and ``PRAGMA foreign_key_check`` is empty;
   - every article row is complete: its observation and problem counts equal those a clean
     ingest of the same text produces (computed once, from a clean run);
   - no orphan observations or problems;
   - the timeline it holds equals that of a clean ingest of exactly the articles it committed
     (the same files in the same order): the reconciled groups are not half-updated;
3. with probability 1/2 the re-run is killed too (a crash during recovery), and checked again;
4. re-run ingest to completion: ``kospitl export timeline`` (and ``export observations``) must
   be byte-identical to a clean database's, and every article complete.

Run it directly for many trials and a summary:

    python tests/crash_harness.py --trials 100 [--seed N] [--corpus DIR] [--keep]

``tests/test_crash.py`` runs a few trials in the normal suite.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"
SHARED = Path(os.environ.get("KOSPITL_SHARED", ROOT.parent / "shared"))
ARTICLE_SUFFIXES = {".txt", ".md", ".text", ".html", ".htm"}


def default_corpus() -> Path:
    dev = SHARED / "corpus" / "dev"
    return dev if dev.exists() else SAMPLES


def corpus_files(corpus: Path) -> list[str]:
    return sorted(str(p) for p in corpus.iterdir()
                  if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES and not p.name.upper().startswith("README"))


# Killed runs extract in worker processes and commit a few articles per transaction, so kills
# land between and inside multi-article transactions, and the workers must die with the ingest.
# The clean reference run and the final in-process run use the defaults: the exports must not
# depend on either setting.
KILLED_RUN_OPTIONS = ("--jobs", "2", "--batch-size", "3")
MARK = "KOSPITL_CRASH_HARNESS"  # in the environment of every process a trial starts


def ingest_cmd(db: str, files: list[str], *options: str) -> list[str]:
    return [sys.executable, "-m", "kospitl", "ingest", "-q", "--db", db, *options, *files]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("KOSPITL_DB", None)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env[MARK] = str(os.getpid())
    return env


def survivors() -> list[int]:
    """Processes (other than this one) started by this harness that are still running: after a
    SIGKILL of the ingest, its worker processes must exit by themselves. Linux (/proc) only."""
    mark = f"{MARK}={os.getpid()}".encode()
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            if mark in (entry / "environ").read_bytes().split(b"\0") and b"Z" not in _state(entry):
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def _state(entry: Path) -> bytes:
    return (entry / "stat").read_bytes().rsplit(b")", 1)[-1].split()[0]


def reap_survivors(wait: float = 5.0) -> list[int]:
    """Wait up to ``wait`` seconds for leftover processes to exit; kill and return those that did not."""
    deadline = time.monotonic() + wait
    while (left := survivors()) and time.monotonic() < deadline:
        time.sleep(0.1)
    for pid in left:
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
    return left


def _cli(*args: str) -> tuple[int, str]:
    """A kospitl command in this process (exports and the subset ingests: fast, and the same
    code the subprocess runs)."""
    from click.testing import CliRunner

    from kospitl.cli import cli

    r = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return r.exit_code, r.output


def export(db: str, what: str) -> str:
    code, out = _cli("export", what, "--db", db)
    if code != 0:
        raise RuntimeError(f"export {what} failed ({code}): {out[-500:]}")
    return out


def copy_db(src: str, dst: str) -> None:
    """A consistent copy of a database, including what is still in its WAL (a plain file copy
    misses it while a connection, such as kospitl's engine in this process, keeps it open)."""
    s, d = sqlite3.connect(src), sqlite3.connect(dst)
    try:
        s.backup(d)
    finally:
        s.close()
        d.close()


def article_counts(db: str) -> dict[str, tuple[int, int]]:
    con = sqlite3.connect(db)
    try:
        return {h: (o, p) for h, o, p in con.execute(
            "SELECT a.content_hash, (SELECT COUNT(*) FROM observation o WHERE o.article_id = a.id), "
            "(SELECT COUNT(*) FROM problem p WHERE p.article_id = a.id) FROM article a")}
    finally:
        con.close()


@dataclass
class Reference:
    """What a clean, uninterrupted ingest of the corpus gives."""

    files: list[str]
    template: str                             # a migrated, empty database to copy
    counts: dict[str, tuple[int, int]]        # content hash -> (observations, problems)
    timeline: str
    observations: str
    seconds: float                            # wall time of a clean subprocess run
    subsets: dict[tuple[str, ...], str] = field(default_factory=dict)  # timeline of a clean ingest of these files

    def timeline_of(self, paths: list[str], work: Path) -> str:
        """The timeline a clean ingest of exactly ``paths`` (in this order) gives."""
        key = tuple(paths)
        if key not in self.subsets:
            if key == tuple(self.files[:len(key)]) and len(key) == len(self.counts) == len(self.files):
                self.subsets[key] = self.timeline
            else:
                work.mkdir(parents=True, exist_ok=True)
                db = str(work / "subset.db")
                copy_db(self.template, db)
                if paths:
                    code, text = _cli("ingest", "-q", "--db", db, *paths)
                    if code not in (0, 1) or "Traceback" in text:
                        raise RuntimeError(f"ingesting {len(paths)} committed articles afresh failed: {text[-500:]}")
                self.subsets[key] = export(db, "timeline")
        return self.subsets[key]

    t_db: float = 0.0                         # when the database file appeared
    t_first: float = 0.0                      # when the first article was committed
    t_last: float = 0.0                       # when the last one was

    @classmethod
    def build(cls, files: list[str], work: Path) -> "Reference":
        template = str(work / "template.db")
        from kospitl.db import open_db

        open_db(template).dispose()  # creates and migrates (read commands never create)
        runs = [_timed_run(str(work / f"clean{i}.db"), files) for i in range(2)]
        best = min(runs, key=lambda r: r[0])  # the less disturbed run: start-up time, time per article
        db = str(work / "clean0.db")
        counts = article_counts(db)
        if not counts:
            raise RuntimeError("the clean ingest stored no article")
        if article_counts(str(work / "clean1.db")) != counts:
            raise RuntimeError("two clean ingests of the corpus differ")
        ref = cls(files, template, counts, export(db, "timeline"), export(db, "observations"), best[0])
        ref.t_db, ref.t_first, ref.t_last = best[1:]
        return ref

    def plan(self, rng: random.Random, committed: int = 0) -> tuple[str, float, int]:
        """When to kill, as (kind, seconds, articles). Progress-based, so that the machine's load
        does not move the kills: mostly once ``articles`` are committed (plus a part of one
        article's time), sometimes just after the database file appears (schema creation), now
        and then during start-up (a time)."""
        x = rng.random()
        if x < 0.10 and committed == 0:
            return "time", rng.uniform(0.05, 1.0) * self.t_db, 0
        if x < 0.25 and committed == 0:
            return "schema", rng.uniform(0.0, 0.15), 0
        per_article = max(0.005, (self.t_last - self.t_first) / max(1, len(self.counts)))
        return "after", rng.uniform(0.0, 1.2 * per_article), rng.randint(committed, max(committed, len(self.counts) - 1))


def _committed(db: str) -> int:
    """Articles committed so far, read without disturbing the writer: only once the WAL exists
    (kospitl switches to WAL before creating the schema), read-only, never waiting for a lock."""
    if not os.path.exists(db + "-wal"):
        return -1
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0)
        try:
            return con.execute("SELECT COUNT(*) FROM article").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return -1


def _timed_run(db: str, files: list[str]) -> tuple[float, float, float, float]:
    """A clean ingest in a subprocess, polled: (total, db appears, first commit, last commit)."""
    t0 = time.monotonic()
    p = subprocess.Popen(ingest_cmd(db, files), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                         env=_env(), cwd=ROOT)
    t_db = t_first = t_last = 0.0
    last = 0
    while p.poll() is None:
        now = time.monotonic() - t0
        if not t_db and os.path.exists(db) and os.path.getsize(db) > 0:
            t_db = now
        if t_db:
            try:
                con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.05)
                try:
                    n = con.execute("SELECT COUNT(*) FROM article").fetchone()[0]
                finally:
                    con.close()
            except sqlite3.Error:
                n = last
            if n and not t_first:
                t_first = now
            if n != last:
                t_last, last = now, n
        time.sleep(0.005)
    total = time.monotonic() - t0
    err = p.stderr.read().decode(errors="replace") if p.stderr else ""
    if p.returncode not in (0, 1) or "Traceback" in err:
        raise RuntimeError(f"clean ingest failed ({p.returncode}): {err[-2000:]}")
    t_db = t_db or 0.3 * total
    t_first = t_first or t_db
    t_last = max(t_last, t_first)
    return total, t_db, t_first, t_last


@dataclass
class Trial:
    seed: int
    kills: list[str] = field(default_factory=list)       # the phase each kill hit
    violations: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.violations


def _snapshot(db: str, into: Path) -> str | None:
    """Copy the database and its WAL/journal as the killed process left them."""
    if not os.path.exists(db):
        return None
    into.mkdir(parents=True, exist_ok=True)
    target = str(into / Path(db).name)
    for suffix in ("", "-wal", "-journal"):
        if os.path.exists(db + suffix):
            shutil.copyfile(db + suffix, target + suffix)
    return target


def uncommitted_wal_frames(wal: str) -> int:
    """Frames at the end of a WAL file that no commit frame covers: the killed process was
    writing a transaction (SQLite's recovery must ignore them). Frames whose salts differ from
    the header's are left over from an earlier WAL generation and are not counted."""
    import struct

    if not os.path.exists(wal):
        return 0
    with open(wal, "rb") as f:
        data = f.read()
    if len(data) < 32:
        return 0
    page_size = struct.unpack(">I", data[8:12])[0]
    salts = data[16:24]
    frame = 24 + page_size
    pending = 0
    for off in range(32, len(data) - frame + 1, frame):
        head = data[off:off + 24]
        if head[8:16] != salts:
            break
        pending = 0 if struct.unpack(">I", head[4:8])[0] else pending + 1
    return pending


def check_crashed(db: str, ref: Reference, work: Path) -> tuple[str, list[str]]:
    """Check a snapshot of a killed run; return the phase it was killed in and the violations."""
    out: list[str] = []
    try:
        con = sqlite3.connect(db)
    except sqlite3.Error as e:
        return "unopenable", [f"cannot open the database: {e}"]
    try:
        integrity = con.execute("PRAGMA integrity_check").fetchall()
        if integrity != [("ok",)]:
            out.append(f"integrity_check: {integrity[:5]}")
        fk = con.execute("PRAGMA foreign_key_check").fetchall()
        if fk:
            out.append(f"foreign_key_check: {fk[:5]}")
        tables = {n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not {"article", "observation", "problem", "fact", "alembic_version"} <= tables:
            return f"schema ({len(tables)} tables)", out
        if not con.execute("SELECT version_num FROM alembic_version").fetchall():
            return "schema (no revision yet)", out
        paths = [p for (p,) in con.execute("SELECT source_path FROM article ORDER BY id")]
        orphans = con.execute("SELECT COUNT(*) FROM observation WHERE article_id NOT IN (SELECT id FROM article)").fetchone()[0]
        if orphans:
            out.append(f"{orphans} observation(s) without their article")
        orphans = con.execute("SELECT COUNT(*) FROM problem WHERE article_id IS NOT NULL "
                              "AND article_id NOT IN (SELECT id FROM article)").fetchone()[0]
        if orphans:
            out.append(f"{orphans} problem(s) without their article")
    finally:
        con.close()
    for h, got in article_counts(db).items():
        want = ref.counts.get(h)
        if want is None:
            out.append(f"article {h[:12]} is not in the clean run")
        elif got != want:
            out.append(f"article {h[:12]} is incomplete: {got[0]} observations, {got[1]} problems "
                       f"(a clean ingest gives {want[0]}, {want[1]})")
    phase = f"{len(paths)}/{len(ref.counts)} articles"
    # the facts must be those of a clean ingest of exactly the committed articles
    got, want = export(db, "timeline"), ref.timeline_of(paths, work / "subset")
    if got != want:
        diff = sorted(set(got.splitlines()) ^ set(want.splitlines()))
        out.append(f"the timeline is not that of its own articles ({len(diff)} differing rows, e.g. {diff[:3]})")
    return phase, out


def _run_killed(db: str, files: list[str], plan: tuple[str, float, int]) -> bool:
    """Start an ingest and SIGKILL it as ``plan`` says. True if it was killed (not finished)."""
    kind, seconds, articles = plan
    p = subprocess.Popen(ingest_cmd(db, files, *KILLED_RUN_OPTIONS), stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, env=_env(), cwd=ROOT, start_new_session=True)
    deadline = time.monotonic() + 300
    try:
        if kind == "time":
            p.wait(timeout=seconds)
        else:
            while p.poll() is None and time.monotonic() < deadline:
                if kind == "schema" and os.path.exists(db) and os.path.getsize(db) > 0:
                    break
                if kind == "after" and _committed(db) >= articles:
                    break
                time.sleep(0.002)
            p.wait(timeout=seconds)
        finished = True
    except subprocess.TimeoutExpired:
        os.kill(p.pid, signal.SIGKILL)
        p.wait()
        finished = False
    err = p.stderr.read().decode(errors="replace") if p.stderr else ""
    if p.stderr:
        p.stderr.close()
    if finished and (p.returncode not in (0, 1) or "Traceback" in err):
        raise AssertionError(f"an unkilled run failed ({p.returncode}): {err[-1000:]}")
    return not finished


def run_trial(seed: int, ref: Reference, work: Path, *, second_kill: float = 0.5,
              finish_in_process: bool = False) -> Trial:
    """One trial. ``finish_in_process`` runs the final, unkilled ingest in this process (the
    same code on the same files; faster, for the normal test suite)."""
    rng = random.Random(seed)
    trial = Trial(seed)
    t0 = time.monotonic()
    work.mkdir(parents=True, exist_ok=True)
    db = str(work / "crash.db")
    rounds = 2 if rng.random() < second_kill else 1
    committed = 0
    for n in range(rounds):
        plan = ref.plan(rng, committed)
        killed = _run_killed(db, ref.files, plan)
        how = {"time": f"{plan[1]:.2f} s after start", "schema": f"{plan[1]:.2f} s after the file appeared",
               "after": f"{plan[1]:.3f} s after article {plan[2]} was committed"}[plan[0]]
        if not killed:
            trial.kills.append("finished before the kill")
            continue
        if Path("/proc/self/environ").exists() and (left := reap_survivors()):
            trial.violations.append(f"after kill {n + 1}: {len(left)} process(es) of the killed ingest "
                                    "were still running 5 s later (worker processes must exit with it)")
        snap = _snapshot(db, work / f"snapshot{n}")
        if snap is None:
            trial.kills.append("before the database existed")
            continue
        pending = uncommitted_wal_frames(snap + "-wal")
        phase, violations = check_crashed(snap, ref, work / f"snapshot{n}")
        trial.kills.append(phase + (f" + {pending} uncommitted WAL frame(s)" if pending else ""))
        trial.violations += [f"after kill {n + 1} ({phase}; killed {how}): {v}" for v in violations]
        committed = max(committed, len(article_counts(snap)) if "articles" in phase else 0)
    if finish_in_process:
        code, err = _cli("ingest", "-q", "--db", db, *ref.files)
    else:
        r = subprocess.run(ingest_cmd(db, ref.files), capture_output=True, text=True, env=_env(), cwd=ROOT)
        code, err = r.returncode, r.stderr
    if code not in (0, 1) or "Traceback" in err:
        trial.violations.append(f"the re-run failed ({code}): {err[-1000:]}")
    else:
        if article_counts(db) != ref.counts:
            trial.violations.append("after the re-run the articles differ from a clean run's")
        if export(db, "timeline") != ref.timeline:
            trial.violations.append("after the re-run `export timeline` differs from a clean database's")
        if export(db, "observations") != ref.observations:
            trial.violations.append("after the re-run `export observations` differs from a clean database's")
        con = sqlite3.connect(db)
        try:
            if con.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                trial.violations.append("integrity_check failed after the re-run")
        finally:
            con.close()
    trial.seconds = time.monotonic() - t0
    return trial


def _bucket(phase: str, total: int) -> str:
    if "uncommitted WAL" in phase:
        return "inside a commit (uncommitted WAL frames left)"
    if "/" in phase and "articles" in phase:
        n = int(phase.split("/")[0])
        return "0 articles committed" if n == 0 else (
            f"all {total} articles committed" if n == total else "some articles committed")
    return phase


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--trials", type=int, default=20)
    ap.add_argument("--seed", type=int, default=0, help="seed of the first trial (trial i uses seed+i)")
    ap.add_argument("--corpus", type=Path, default=None, help="folder of articles (default: the dev corpus, "
                    "else data/samples)")
    ap.add_argument("--keep", action="store_true", help="keep the work folder of failed trials")
    args = ap.parse_args(argv)
    corpus = args.corpus or default_corpus()
    files = corpus_files(corpus)
    base = Path(tempfile.mkdtemp(prefix="kospitl-crash-"))
    print(f"corpus: {corpus} ({len(files)} files); work: {base}", flush=True)
    ref = Reference.build(files, base)
    total = len(ref.counts)
    print(f"clean run: {ref.seconds:.2f} s (database at {ref.t_db:.2f} s, articles committed "
          f"{ref.t_first:.2f}-{ref.t_last:.2f} s), {total} articles, "
          f"{sum(o for o, _ in ref.counts.values())} observations", flush=True)
    phases: Counter[str] = Counter()
    failed: list[Trial] = []
    t0 = time.monotonic()
    for i in range(args.trials):
        work = base / f"trial{i}"
        trial = run_trial(args.seed + i, ref, work)
        for k in trial.kills:
            phases[_bucket(k, total)] += 1
        mark = "ok  " if trial.ok else "FAIL"
        print(f"trial {i + 1:3d} seed {trial.seed:<5d} {mark} {trial.seconds:5.1f} s  kills: {'; '.join(trial.kills)}",
              flush=True)
        for v in trial.violations:
            print(f"      {v}", flush=True)
        if trial.ok or not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        if not trial.ok:
            failed.append(trial)
    print()
    print(f"summary: {args.trials} trials, {sum(phases.values())} kills in {time.monotonic() - t0:.0f} s; "
          f"{args.trials - len(failed)} passed, {len(failed)} failed")
    print("kills by phase:")
    for phase, n in sorted(phases.items(), key=lambda kv: -kv[1]):
        print(f"  {n:4d}  {phase}")
    if failed:
        print("failed seeds: " + ", ".join(str(t.seed) for t in failed))
    if not args.keep or not failed:
        shutil.rmtree(base, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
