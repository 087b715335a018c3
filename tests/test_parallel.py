"""kospitl.parallel: results in input order, a bounded amount of input in flight, and workers
that leave what they inherit to the parent (frozen)."""
from __future__ import annotations

import gc

from kospitl import parallel


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


def _frozen(_x: object) -> int:
    return gc.get_freeze_count()


def test_workers_leave_inherited_objects_frozen():
    for frozen in parallel.ordered_map(_frozen, range(8), 2):
        assert frozen > 1000  # the modules, patterns, ... they inherit
