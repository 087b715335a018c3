"""When Python's cyclic garbage collector runs during an ingest.

Extraction and reconciliation make many small, short-lived container objects (figures, entities,
mentions, rows). With the default young-generation threshold (700 allocations) the collector
runs every few sentences and, each time, walks every young object: ~3% of the extraction's CPU
and ~13% of the writer's. These records form almost no reference cycles (a 10,000-article
ingest leaves 57 objects for the collector to free), so collecting the young generation ten
times less often frees the same memory a little later (a few megabytes at most) for less CPU.

The ingesting process also skips *full* collections while it ingests. Each walks every object
the process holds, and the report of a large folder holds a result per file: late in a
100,000-file ingest a full collection took 200 ms, a fifth of the CPU of the 1,000 articles
it fell among. Cycles still die in the young collections; the few that outlive them wait for
the first full collection after the ingest.

Forked extraction workers also *freeze* what they inherit (the calendar, the listings, the
compiled patterns): the collector then never walks those objects, nor writes to their headers,
so their memory pages stay shared with the ingesting process instead of being copied.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator

YOUNG = 10_000  # container allocations between young collections (Python's default: 700)
NO_FULL = 1_000_000  # young-generation collections between full ones: none within an ingest


@contextmanager
def fewer_collections(young: int = YOUNG) -> Iterator[None]:
    """Within the block, collect the young generation every ``young`` allocations (never more
    often than the process already does) and the oldest never; the previous thresholds are
    restored after."""
    old = gc.get_threshold()
    gc.set_threshold(max(young, old[0]), old[1], max(NO_FULL, old[2]))
    try:
        yield
    finally:
        gc.set_threshold(*old)


def settle_worker(young: int = YOUNG) -> None:
    """In a forked worker, once at start: leave the inherited objects to the parent (frozen)
    and collect the young generation every ``young`` allocations for the worker's lifetime."""
    gc.freeze()
    old = gc.get_threshold()
    gc.set_threshold(max(young, old[0]), *old[1:])
