"""Who an article's figures count as: its kind of publisher and its independent witness.

A wire story's versions ((URGENT), first take, (LEAD), (2nd LD)...) and the copies other
outlets print under the wire's credit line ("(Yonhap)", "BY ..., YONHAP") are one witness:
the wire's market report of that session. Every other article is its own witness.
"""
from __future__ import annotations

import functools
import re
from datetime import date

import heapq
import zlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable

from kospitl.articles import Article
from kospitl.db import driver
from kospitl.gate import gated
from kospitl.outlets import kind_of, wire_names

if TYPE_CHECKING:
    from sqlalchemy import Connection

WIRES = wire_names()  # every name of a wire in the outlets table → the wire (연합뉴스 → Yonhap)
# both read a whole article: gated, so that one without their strings is not scanned
DIGEST = gated(r"This content is AI-generated|AI-generated based on source articles|AI-generated (?:daily )?digest"
               r"|(?:summary|digest) (?:was|is) (?:generated|written) automatically", re.I)
AGGREGATOR = gated(r"^Updated \(\d+ articles?\)$|^Sources \(\d+ articles?\)$", re.M)
VERSION_RANK = re.compile(r"\((\d+)(?:st|nd|rd|th) LD\)", re.I)


def wire_of(art: Article) -> str | None:
    for name in (art.credit, art.publisher):
        if name and name.strip().lower() in WIRES:
            return WIRES[name.strip().lower()]
    return None


def source_kind(art: Article) -> str:
    """wire, daily, broadcaster, aggregator, digest or blog: the publisher prior the reconciler uses."""
    if DIGEST.search(art.text):
        return "digest"
    if AGGREGATOR.search(art.text) or any(s.kind in ("timeline", "sources") for s in art.sections):
        return "aggregator"
    return kind_of(art.publisher) or "daily"  # the outlets table's kind of the publisher


@functools.lru_cache(maxsize=4096)  # settling asks it of every row of a key: a few publishers and credits
def is_copy(art_publisher: str | None, credit: str | None) -> bool:
    """A reprint under another outlet's name: credited to a wire it was not published by."""
    if not credit:
        return False
    return (art_publisher or "").strip().lower() not in WIRES or WIRES[(art_publisher or "").strip().lower()] != credit


@functools.lru_cache(maxsize=4096)
def version_rank(tag: str | None) -> int:
    """(URGENT) < first take < (LEAD) < (2nd LD) < (3rd LD) ..."""
    if not tag:
        return 1
    t = tag.upper()
    if "URGENT" in t or "FLASH" in t:
        return 0
    if "LEAD" in t:
        return 2
    m = VERSION_RANK.search(tag)
    return 2 + int(m[1]) if m else 1


NEAR_DUPLICATE = 0.6  # estimated Jaccard similarity of word 5-gram shingles
SKETCH = 32


def fingerprint(art: Article) -> str:
    """A bottom-k sketch of the body's word 5-grams (the 32 smallest shingle hashes, hex)."""
    body = " ".join(art.text[s.start:s.end] for s in art.sections if s.kind == "body")
    words = [w.encode() for w in re.findall(r"[0-9a-z\uac00-\ud7a3]+", body.lower())]
    # the UTF-8 of each 5-gram "w1 w2 w3 w4 w5" (or of all the words, when there are fewer)
    grams = zip(words, words[1:], words[2:], words[3:], words[4:]) if len(words) >= 5 else [words]
    hashes = set(map(zlib.crc32, map(b" ".join, grams)))
    return " ".join(f"{h:08x}" for h in heapq.nsmallest(SKETCH, hashes))


def similarity(a: str, b: str) -> float:
    """Estimated Jaccard similarity of two sketches: of the k smallest hashes of their union,
    the share both contain.

    >>> similarity("00000001 00000002", "00000001 00000003")
    0.3333333333333333
    """
    xs, ys = set(a.split()), set(b.split())
    if not xs or not ys:
        return 0.0
    k = min(SKETCH, len(xs | ys))
    union = sorted(xs | ys, key=lambda h: int(h, 16))[:k]
    return sum(1 for h in union if h in xs and h in ys) / k


def sketch(print_: str | None) -> frozenset[int]:
    """A fingerprint's hashes as numbers."""
    return frozenset(int(h, 16) for h in (print_ or "").split())


def similar(a: frozenset[int], b: frozenset[int]) -> bool:
    """Whether two sketches are near-duplicates: ``similarity`` ≥ NEAR_DUPLICATE, decided the
    same way whichever comes first (the relation is symmetric)."""
    if not a or not b:
        return False
    k = min(SKETCH, len(a | b))
    shared = len(a & b)
    if shared < NEAR_DUPLICATE * k:  # every hash counted below is in both
        return False
    return sum(1 for h in heapq.nsmallest(k, a | b) if h in a and h in b) / k >= NEAR_DUPLICATE


@dataclass(slots=True)
class Member:
    """What the partition needs to know of one stored article of a session."""

    id: int
    content_hash: str
    wire: str | None
    witness: str | None
    sketch: frozenset[int]


def stored_wire(publisher: str | None, credit: str | None) -> str | None:
    """``wire_of`` for a stored article's publisher and credit."""
    for name in (credit, publisher):
        if name and name.strip().lower() in WIRES:
            return WIRES[name.strip().lower()]
    return None


def _load(conn: Connection, ids: list[int]) -> dict[int, Member]:
    rows = driver(conn).execute(
        f"SELECT id, content_hash, publisher, credit, witness, fingerprint FROM article WHERE id IN "
        f"({','.join('?' * len(ids))}) AND source_kind != 'override'", ids).fetchall() if ids else []
    return {r[0]: Member(r[0], r[1], stored_wire(r[2], r[3]), r[4], sketch(r[5])) for r in rows}


def _linked_sql(of: frozenset[int]) -> tuple[str, list[Any]]:
    """The query of the ids of the articles of a session (its first parameter, left to fill)
    that share enough hashes with the sketch ``of`` to be its near-duplicates (a necessary
    condition: ``similar`` decides), read from ``sketch_hash``."""
    need = NEAR_DUPLICATE * min(SKETCH, len(of))  # similar() needs at least this many shared hashes
    hashes = sorted(of)
    return (f"SELECT article_id FROM sketch_hash WHERE session_date = ? AND hash IN ({','.join('?' * len(hashes))}) "
            "GROUP BY article_id HAVING COUNT(*) >= ?", [*hashes, need])


def linked(conn: Connection, session: str, of: frozenset[int]) -> list[int]:
    """The articles of ``session`` linked to the sketch ``of`` (``_linked_sql``), by id."""
    if not of:
        return []
    sql, params = _linked_sql(of)
    return [r[0] for r in driver(conn).execute(sql + " ORDER BY article_id", (session, *params))]


CHECK_AT_ONCE = 8  # articles of one witness loaded together while none of them is similar


def similar_witnesses(conn: Connection, session: str, me: Member) -> set[str | None]:
    """The witnesses of the other articles of ``session`` that are near-duplicates of ``me``.
    A witness is in the set once one of its articles is similar, so the others of that witness
    are neither loaded nor compared: in a session with hundreds of reprints of one story (one
    witness), joining it costs a few comparisons, not one per reprint."""
    if not me.sketch:
        return set()
    sql, params = _linked_sql(me.sketch)
    by_witness: dict[str | None, list[int]] = {}
    for aid, w in driver(conn).execute(
            f"SELECT a.id, a.witness FROM ({sql}) l JOIN article a ON a.id = l.article_id "
            "WHERE a.id != ? AND a.source_kind != 'override' ORDER BY a.id", (session, *params, me.id)):
        by_witness.setdefault(w, []).append(aid)
    names: set[str | None] = set()
    for w, ids in by_witness.items():
        for i in range(0, len(ids), CHECK_AT_ONCE):
            if any(similar(me.sketch, m.sketch) for m in _load(conn, ids[i:i + CHECK_AT_ONCE]).values()):
                names.add(w)
                break
    return names


def component(conn: Connection, session: str, start: int, known: dict[int, Member]) -> set[int]:
    """The articles of the session linked to ``start`` by chains of near-duplicates, found
    through the index (``known``: the members loaded so far, filled in)."""
    if start not in known:
        known.update(_load(conn, [start]))
    if start not in known:
        return set()
    seen, todo = {start}, [start]
    while todo:
        me = known[todo.pop()]
        found = [i for i in linked(conn, session, me.sketch) if i not in seen]
        known.update(_load(conn, [i for i in found if i not in known]))
        for i in found:
            if i in known and similar(me.sketch, known[i].sketch):
                seen.add(i)
                todo.append(i)
    return seen


def component_witness(members: dict[int, Member], ids: Iterable[int], session: str) -> str:
    """The witness of a set of near-duplicates: the wire's report of the session if a wire
    story is among them (the first wire by name if several), else the article of the smallest
    content hash. Both are functions of the set, never of the order it was stored in."""
    group = [members[i] for i in ids]
    wires = sorted(m.wire for m in group if m.wire)
    if wires:
        return f"{wires[0]}:{session}"
    return "article:" + min(m.content_hash for m in group)


def own_witness(m: Member, session: str | None, shared: str) -> str:
    return f"{m.wire}:{session}" if m.wire and session else shared


def repartition(conn: Connection, session: str | None, seeds: Iterable[int]) -> set[int]:
    """Recompute the witnesses of the components of ``seeds`` (article ids of ``session``,
    stored) and write those that change; return the ids whose witness changed.

    Witnesses partition a session's articles into the connected components of the
    near-duplicate relation (a wire story's copies join the wire's report of the session), so
    the partition is a function of the set of articles: an article that joins merges the
    components it links, one that leaves may split its own, and either way the components it
    touched are rebuilt here. An article without a session is its own witness."""
    seeds = sorted(set(seeds))
    changed: set[int] = set()
    if session is None:
        for aid in seeds:
            row = driver(conn).execute("SELECT content_hash, publisher, credit, witness FROM article WHERE id = ?",
                                       (aid,)).fetchone()
            if row is not None and row[3] != f"article:{row[0]}":
                driver(conn).execute("UPDATE article SET witness = ? WHERE id = ?", (f"article:{row[0]}", aid))
                changed.add(aid)
        return changed
    members: dict[int, Member] = {}
    done: set[int] = set()
    updates = []
    for aid in seeds:
        if aid in done:
            continue
        comp = component(conn, session, aid, members)
        if not comp:
            continue
        done |= comp
        shared = component_witness(members, comp, session)
        for i in sorted(comp):
            m = members[i]
            w = own_witness(m, session, shared)
            if m.witness != w:
                updates.append((w, i))
                changed.add(i)
    if updates:
        driver(conn).executemany("UPDATE article SET witness = ? WHERE id = ?", updates)
    return changed


def neighbours(conn: Connection, session: str | None, article_id: int) -> set[int]:
    """The other articles of the component ``article_id`` belongs to (before it leaves)."""
    if session is None:
        return set()
    return component(conn, session, article_id, {}) - {article_id}


def witness_of(conn: Connection, art: Article, article_id: int, session: date | None, print_: str) -> str:
    """The witness of a stored article after it joined its session (its component
    re-partitioned, the other members' witnesses rewritten where they change). Ingest calls
    ``repartition`` itself to re-settle those members' groups too."""
    repartition(conn, session.isoformat() if session else None, [article_id])
    row = driver(conn).execute("SELECT witness FROM article WHERE id = ?", (article_id,)).fetchone()
    return str(row[0])


def join(conn: Connection, session: str | None, article_id: int) -> set[int]:
    """``repartition`` for an article that has just been stored: its component is itself and
    the components of its direct near-duplicates, merged; return the ids whose witness changed.

    Components only merge when an article joins, and each keeps a name that identifies it (the
    smallest content hash, or its wire): the merged name is worked out from the neighbours'
    names alone and written with one UPDATE per merged component, without walking the
    components (a session with hundreds of reprints of one story would cost hundreds of lookups
    an article). Where components named by different wires would merge, the walk decides."""
    me = _load(conn, [article_id]).get(article_id) if session is not None else None
    if me is None:
        return repartition(conn, session, [article_id])
    assert session is not None
    names = similar_witnesses(conn, session, me)
    if None in names:
        return repartition(conn, session, [article_id])
    wired = {n for n in names if not n.startswith("article:")}  # type: ignore[union-attr]
    wires = sorted({n.split(":", 1)[0] for n in wired} | ({me.wire} if me.wire else set()))  # type: ignore[union-attr]
    if wires:
        shared = f"{wires[0]}:{session}"
        if wired - {shared}:  # a component named by another wire would be renamed: walk
            return repartition(conn, session, [article_id])
    else:
        shared = "article:" + min([me.content_hash] + [n[len("article:"):] for n in names])  # type: ignore[index]
    renamed = sorted(n for n in names if n != shared and n.startswith("article:"))  # type: ignore[union-attr]
    changed: set[int] = set()
    if renamed:
        marks = ",".join("?" * len(renamed))
        changed = {r[0] for r in driver(conn).execute(
            f"SELECT id FROM article WHERE session_date = ? AND witness IN ({marks})", (session, *renamed))}
        driver(conn).execute(f"UPDATE article SET witness = ? WHERE session_date = ? AND witness IN ({marks})",
                             (shared, session, *renamed))
    mine = own_witness(me, session, shared)
    if me.witness != mine:
        driver(conn).execute("UPDATE article SET witness = ? WHERE id = ?", (mine, article_id))
        changed.add(article_id)
    return changed
