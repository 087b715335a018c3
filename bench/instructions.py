#!/usr/bin/env python3
"""Extraction cost per article in CPU instructions: repeatable on a shared machine, where times
are not. Runs ``kospitl.ingest.prepare`` (parse, extract, resolve dates: what a worker does
per article) on the first N articles of a corpus, as an extraction worker runs it.

    .venv/bin/python bench/instructions.py CORPUS -n 100 --callgrind   # instructions per article
    .venv/bin/python bench/instructions.py CORPUS -n 300 --profile     # cProfile, top functions
    .venv/bin/python bench/instructions.py CORPUS -n 1000 --digest     # a digest of the output

``--callgrind`` runs this script under ``valgrind --tool=callgrind``, counting the loop alone
(not the start-up), and prints the instructions per article. ``--digest`` prints a
hash of every observation and problem, to check that a change of the machinery leaves the
output as it was. CORPUS: a folder of articles (``bench/run.py`` leaves its corpora in its
workdir, or ``python ../shared/tools/synth_corpus.py OUT 1200 --per-day 20``).
"""
from __future__ import annotations

import argparse
import functools
import hashlib
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def articles(corpus: str, n: int) -> list[tuple[str, str]]:
    from kospitl.articles import read_text
    from kospitl.ingest import expand

    return [(p, read_text(p)) for p in sorted(expand([corpus]))[:n]]


def start() -> None:
    """What an extraction worker has before its first article: the parent's warm-up (calendar,
    listings, first-use patterns), frozen as a worker freezes them."""
    import gc

    from kospitl import ingest

    ingest._warm_extraction()
    gc.freeze()


def loop(texts: list[tuple[str, str]], marked: bool = False) -> list:
    from kospitl.ingest import prepare

    if marked:  # within functools.reduce, which extraction never calls: callgrind counts this alone
        return functools.reduce(lambda out, item: out.append(prepare(item[0], item[1], None)) or out, texts, [])
    return [prepare(path, text, None) for path, text in texts]


def digest(preps: list) -> str:
    h = hashlib.sha256()
    for p in preps:
        h.update(repr((Path(p.path).name, p.error, p.session, p.source_kind, p.fingerprint,
                       [vars(o) for o in p.observations], p.problems)).encode())
    return h.hexdigest()[:16]


def callgrind(corpus: str, n: int) -> None:
    """Instructions of the loop alone: callgrind collects only within ``functools.reduce`` (the
    loop runs in it; nothing the loop calls uses it, checked: the loop's own count is the same as
    a run over N articles less a run over none)."""
    t = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "callgrind.out"
        subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", "--collect-atstart=no",
                        "--toggle-collect=functools_reduce", sys.executable, __file__, corpus, "-n", str(n), "--marked"],
                       check=True, capture_output=True)
        total = next((int(line.split()[1]) for line in out.read_text().splitlines()
                      if line.startswith(("summary:", "totals:"))), None)
    if not total:
        raise SystemExit("Error: no totals in the callgrind output")
    print(f"{total / n / 1e6:.2f} M instructions per article ({n} articles of {corpus}; "
          f"{time.perf_counter() - t:.0f} s under valgrind)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("-n", type=int, default=100, help="articles (the first N by name)")
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--callgrind", action="store_true", help="instructions per article under callgrind")
    mode.add_argument("--profile", action="store_true", help="cProfile of the loop: top functions")
    mode.add_argument("--digest", action="store_true", help="a hash of the loop's output")
    mode.add_argument("--marked", action="store_true", help=argparse.SUPPRESS)  # the run under callgrind
    a = ap.parse_args()
    if a.callgrind:
        callgrind(a.corpus, a.n)
        return 0
    start()
    texts = articles(a.corpus, a.n)
    if a.profile:
        import cProfile
        import pstats

        prof = cProfile.Profile(time.process_time)  # CPU time: a shared machine's wall clock says little
        t = time.process_time()
        prof.enable()
        loop(texts)
        prof.disable()
        total = time.process_time() - t
        print(f"cProfile of prepare() on {len(texts)} articles: {total * 1000 / len(texts):.2f} ms CPU an article "
              f"under the profiler\n")
        st = pstats.Stats(prof)
        entries = [(ct, tt, nc, f"{Path(f).parent.name}/{Path(f).name}:{line}({fn})")
                   for (f, line, fn), (_cc, nc, tt, ct, _c) in st.stats.items()]  # type: ignore[attr-defined]
        print(f"{'cum %':>6} {'self %':>6} {'calls/article':>13}  function (by cumulative time)")
        for ct, tt, nc, name in sorted(entries, reverse=True)[:40]:
            print(f"{ct / total:6.1%} {tt / total:6.1%} {nc / len(texts):13.1f}  {name}")
        print(f"\n{'cum %':>6} {'self %':>6} {'calls/article':>13}  function (by self time)")
        for ct, tt, nc, name in sorted(entries, key=lambda e: -e[1])[:25]:
            print(f"{ct / total:6.1%} {tt / total:6.1%} {nc / len(texts):13.1f}  {name}")
        return 0
    preps = loop(texts, a.marked)
    if a.digest:
        print(f"{digest(preps)} ({len(preps)} articles, {sum(len(p.observations) for p in preps)} observations)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
