"""Which articles an ingest writes in one transaction (``ingest.Batches``): an example table."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from kospitl.ingest import Batches, Prepared


def day(k: int) -> date:
    return date(2026, 3, 2) + timedelta(days=k)


def batches(sessions: list[date | None], size: int, tail: bool) -> list[int]:
    """The sizes of the transactions ``ingest_paths`` writes for articles of these sessions."""
    cut = Batches(size, tail)
    out = []
    for i, s in enumerate(sessions):
        out += [len(b) for b in cut.add(Prepared(f"f{i}", session=s), len(sessions) - i - 1)]
    if cut.batch:
        out.append(len(cut.take()))
    return out


SORTED = lambda n, per: [day(i // per) for i in range(n)]  # noqa: E731: n articles, per a session, in order

ROWS = [
    # (what, sessions of the articles in file order, batch size, workers, transactions written)
    ("200 newest, sorted, 20 a session: the tail cut where a session ends",
     SORTED(200, 20), 200, True, [80, 40, 40, 20, 20]),
    ("the same in one process: no tail", SORTED(200, 20), 200, False, [200]),
    ("one session each (shuffled): the tail alone, half the files left",
     [day(i) for i in range(200)], 200, True, [67, 44, 30, 20, 16, 16, 7]),
    ("a bulk load: whole batches, then the tail by sessions",
     SORTED(1000, 20), 200, True, [200, 200, 200, 140, 100, 60, 40, 20, 20, 20]),
    ("--batch-size 50 is a hard limit, inside a session too",
     SORTED(1000, 20), 50, True, [50] * 18 + [40, 20, 20, 20]),
    ("one long session: the size still cuts it", [day(0)] * 500, 200, True, [200, 200, 100]),
    ("no session known: the tail cuts as it comes", [None] * 40, 200, True, [16, 16, 8]),
    ("--batch-size 1", SORTED(5, 2), 1, True, [1, 1, 1, 1, 1]),
    ("batch of 3, sessions of 7", SORTED(10, 7), 3, True, [3, 3, 3, 1]),
]


@pytest.mark.parametrize("what,sessions,size,tail,expected", ROWS, ids=[r[0] for r in ROWS])
def test_batches(what: str, sessions: list[date | None], size: int, tail: bool, expected: list[int]) -> None:
    got = batches(sessions, size, tail)
    assert got == expected
    assert sum(got) == len(sessions)


def test_text_bytes_cut_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A batch holding ``BATCH_BYTES`` of text is written at once, mid-session."""
    from kospitl import ingest
    from kospitl.articles import parse

    monkeypatch.setattr(ingest, "BATCH_BYTES", 3000)
    art = parse("KOSPI closed at 2,500.00 on Monday, March 2, 2026.\n" + "x" * 1000, "a.txt")
    cut = Batches(200, True)
    got = [len(b) for i in range(10) for b in cut.add(Prepared(f"f{i}", art=art, session=day(0)), 100)]
    assert got == [3, 3, 3]
