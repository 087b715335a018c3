"""Settling deferred to the end of an ingest (table ``unsettled``).

Settling a key reads all of its rows, so a session whose keys are settled with each of its
articles costs as many settles as it has articles, each dearer than the last. An ingest settles
a session's keys with the batch that brings its first articles (in sorted order that is all of
them: a batch holds whole sessions). An article of a session the ingest has settled already
comes back to it: a shuffled archive, or a session denser than a batch. Its keys are settled
once, at the end of the ingest (``settle_marked``), with everything else that came back.

Until then the article is *marked*: a row of ``unsettled`` written in the transaction that stores
it, so a mark and its article are committed together. ``settle_marked`` settles the keys of every
marked article, session by session in transactions of their own, and then deletes the marks it
read. Each mark names its ingest (host:pid). A mark whose ingest is gone was left by one that was
interrupted: the next command to open the database settles it (``finish_interrupted``, from
``db.open_db`` and ``db.reading``, as a read-only open upgrades an older file), so after a kill
the timeline is that of the articles committed. Settling is exact (``settle.settle`` gives each
key what settling the whole database gives it), so a key settled twice, or after a later
article, comes out the same.
"""
from __future__ import annotations

import os
import socket
from datetime import date
from typing import Iterable

from sqlalchemy import Connection, Engine

from kospitl import settle
from kospitl.db import driver

ARTICLES_PER_STEP = 400  # articles whose keys are settled in one transaction (whole sessions)


class Deferral:
    """Which articles of one ingest are settled at its end: those of a session whose keys the
    ingest has settled already (``defers``). Holds a date per session settled (a few thousand)."""

    def __init__(self) -> None:
        self.settled: set[date] = set()

    def defers(self, session: date | None) -> bool:
        return session is not None and session in self.settled

    def settled_now(self, sessions: Iterable[date | None]) -> None:
        """The sessions of a batch settled with it."""
        self.settled.update(s for s in sessions if s is not None)


def owner() -> str:
    """This process, as a mark names its ingest: host:pid."""
    return f"{socket.gethostname()}:{os.getpid()}"


def running(ingest: str) -> bool:
    """Whether the ingest ``host:pid`` may still be running: its process exists here and is not
    a zombie; an ingest of another host is taken to be running (it cannot be told from here)."""
    host, _, pid = ingest.rpartition(":")
    if host != socket.gethostname():
        return True
    if not pid.isdigit():
        return False
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            return f.read().rsplit(b")", 1)[-1].split()[0] != b"Z"  # the state after "(name)"
    except FileNotFoundError:
        return False
    except OSError:  # no /proc: ask the kernel
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            return False
        except OSError:
            pass
        return True


def mark(conn: Connection, article_ids: Iterable[int]) -> int:
    """Mark these articles' keys as to be settled at the end of the ingest; returns how many."""
    me = owner()
    rows = [(i, me) for i in sorted(set(article_ids))]
    if rows:
        driver(conn).executemany("INSERT INTO unsettled (article_id, ingest) VALUES (?, ?)", rows)
    return len(rows)


def count(conn: Connection) -> int:
    """The articles marked and not settled yet (an ingest running, or one interrupted)."""
    return int(driver(conn).execute("SELECT COUNT(DISTINCT article_id) FROM unsettled").fetchone()[0])


def interrupted(ingests: Iterable[str]) -> bool:
    """Whether marks of these ingests were left behind: there are some, and none is running."""
    found = list(ingests)
    return bool(found) and not any(map(running, found))


def settle_marked(engine: Engine) -> int:
    """Settle the keys of every marked article, ``ARTICLES_PER_STEP`` at a time in session order
    (a session's articles in one step), then delete the marks read (only those: a concurrent
    ingest's later marks are its own to settle). Returns the facts written."""
    with engine.connect() as conn:
        marks = driver(conn).execute(
            "SELECT u.id, a.session_date, a.id FROM unsettled u JOIN article a ON a.id = u.article_id "
            "ORDER BY a.session_date, a.id, u.id").fetchall()
    if not marks:
        return 0
    written = 0
    for step in _steps(marks):
        with engine.begin() as conn:
            written += settle.settle(conn, settle.keys_of_articles(conn, step))
    ids = sorted(m[0] for m in marks)
    with engine.begin() as conn:
        for i in range(0, len(ids), DELETE_CHUNK):
            chunk = ids[i:i + DELETE_CHUNK]
            driver(conn).execute(f"DELETE FROM unsettled WHERE id IN ({', '.join('?' * len(chunk))})", chunk)
    return written


DELETE_CHUNK = 500  # marks deleted in one statement: under every engine's limit of parameters


def _steps(marks: list[tuple[int, str | None, int]]) -> Iterable[list[int]]:
    """The marked articles (mark, session, article, in session order), ``ARTICLES_PER_STEP`` or
    more a step, cut only where the session changes; an article marked twice comes once.

    >>> list(_steps([(1, "2026-01-02", 7), (4, "2026-01-02", 7), (2, "2026-01-02", 8), (3, "2026-01-05", 9)]))
    [[7, 8, 9]]
    """
    step: list[int] = []
    at: str | None = None
    for _mark, session, article_id in marks:
        if step and step[-1] == article_id:
            continue
        if len(step) >= ARTICLES_PER_STEP and session != at:
            yield step
            step = []
        step.append(article_id)
        at = session
    if step:
        yield step
