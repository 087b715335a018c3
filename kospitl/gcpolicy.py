"""When Python's cyclic garbage collector runs during an ingest.

Extraction and reconciliation make many small, short-lived container objects (figures, entities,
mentions, rows). With the default young-generation threshold (700 allocations) the collector
runs every few sentences and, each time, walks every young object: ~3% of the extraction's CPU
and ~13% of the writer's. The records made here form no reference cycles that outlive a batch,
so collecting ten times less often frees the same memory a little later (a few megabytes at
most) for less CPU.

Forked extraction workers also *freeze* what they inherit (the calendar, the listings, the
compiled patterns): the collector then never walks those objects, nor writes to their headers,
so their memory pages stay shared with the ingesting process instead of being copied.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator

YOUNG = 10_000  # container allocations between young collections (Python's default: 700)


@contextmanager
def fewer_collections(young: int = YOUNG) -> Iterator[None]:
    """Within the block, collect the young generation every ``young`` allocations (never more
    often than the process already does); the previous thresholds are restored after."""
    old = gc.get_threshold()
    gc.set_threshold(max(young, old[0]), *old[1:])
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
