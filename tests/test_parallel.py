"""kospitl.parallel: results in input order, a bounded amount of input in flight, and the
garbage collector's settings in the workers (kospitl.gcpolicy)."""
from __future__ import annotations

import gc

from kospitl import gcpolicy, parallel


def _pulls(n: int, size: int):
    """An ordered_map over n inputs with workers; how many inputs it had pulled when the first
    result came back, and all the results."""
    pulled = 0

    def items():
        nonlocal pulled
        for i in range(n):
            pulled += 1
            yield "x" * (i % 7)

    results = parallel.ordered_map(len, items(), 2, size=lambda _s: size)
    first = next(results)
    at_first = pulled
    return at_first, [first, *results]


def test_results_come_back_in_input_order():
    _, results = _pulls(500, 0)
    assert results == [i % 7 for i in range(500)]
    assert list(parallel.ordered_map(len, ["ab", "c"], 1)) == [2, 1]  # jobs=1: in-process, same answer


def test_inputs_in_flight_are_bounded_by_count_and_by_size():
    most = 2 * parallel.AHEAD * parallel.CHUNK  # chunks in flight per worker, times 2 workers
    at_first, results = _pulls(2000, 0)
    assert at_first <= most + parallel.CHUNK and len(results) == 2000
    mb = 2**20
    at_first, results = _pulls(400, mb)  # 1 MB each: the byte bound (64 MB) comes first
    assert at_first <= parallel.AHEAD_BYTES // mb + parallel.CHUNK and len(results) == 400


def test_ready_items_keep_their_place_and_skip_the_workers():
    items = ["ab", parallel.Ready(-1), "c", "def", parallel.Ready(-2), parallel.Ready(-3)] * 30
    want = [x.result if isinstance(x, parallel.Ready) else len(x) for x in items]
    assert list(parallel.ordered_map(len, items, 2)) == want
    assert list(parallel.ordered_map(len, items, 1)) == want


def _collector_state(_x: object) -> tuple[tuple[int, int, int], int]:
    return gc.get_threshold(), gc.get_freeze_count()


def test_workers_collect_garbage_less_often_and_leave_inherited_objects_frozen():
    for threshold, frozen in parallel.ordered_map(_collector_state, range(8), 2):
        assert threshold[0] == gcpolicy.YOUNG and frozen > 1000  # the modules, patterns, ... they inherit


def test_fewer_collections_is_undone_after_the_block_and_never_lowers_a_threshold():
    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        with gcpolicy.fewer_collections():
            assert gc.get_threshold() == (gcpolicy.YOUNG, 10, gcpolicy.NO_FULL)
        assert gc.get_threshold() == (700, 10, 10)
        gc.set_threshold(50_000, 5, 5)
        with gcpolicy.fewer_collections():
            assert gc.get_threshold() == (50_000, 5, gcpolicy.NO_FULL)
    finally:
        gc.set_threshold(*before)
