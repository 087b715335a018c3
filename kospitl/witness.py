"""Who an article's figures count as: its kind of publisher and its independent witness.

A wire story's versions ((URGENT), first take, (LEAD), (2nd LD)...) and the copies other
outlets print under the wire's credit line ("(Yonhap)", "BY ..., YONHAP") are one witness:
the wire's market report of that session. Every other article is its own witness.
"""
from __future__ import annotations

import re
from datetime import date

import heapq
import zlib

from sqlalchemy import Connection

from kospitl.articles import Article
from kospitl.db import driver
from kospitl.outlets import kind_of, wire_names

WIRES = wire_names()  # every name of a wire in the outlets table → the wire (연합뉴스 → Yonhap)
DIGEST = re.compile(r"This content is AI-generated|AI-generated based on source articles|AI-generated (?:daily )?digest"
                    r"|(?:summary|digest) (?:was|is) (?:generated|written) automatically", re.I)
AGGREGATOR = re.compile(r"^Updated \(\d+ articles?\)$|^Sources \(\d+ articles?\)$", re.M)
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


def is_copy(art_publisher: str | None, credit: str | None) -> bool:
    """A reprint under another outlet's name: credited to a wire it was not published by."""
    if not credit:
        return False
    return (art_publisher or "").strip().lower() not in WIRES or WIRES[(art_publisher or "").strip().lower()] != credit


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
    words = re.findall(r"[0-9a-z\uac00-\ud7a3]+", body.lower())
    hashes = {zlib.crc32(" ".join(words[i:i + 5]).encode()) for i in range(max(1, len(words) - 4))}
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


def witness_of(conn: Connection, art: Article, article_id: int, session: date | None, print_: str) -> str:
    """The wire's report of the session for wire copy; else the witness of a near-duplicate
    article of the same session (a reprint without a credit line); else the article itself."""
    wire = wire_of(art)
    if wire and session is not None:
        return f"{wire}:{session.isoformat()}"
    if session is not None:
        best, best_sim = None, NEAR_DUPLICATE
        mine = set(print_.split())
        need = NEAR_DUPLICATE * min(SKETCH, len(mine))  # shared hashes a near-duplicate must have at least
        rows = driver(conn).execute(
            "SELECT id, witness, fingerprint FROM article WHERE session_date = ? AND id != ? ORDER BY id",
            (session.isoformat(), article_id)).fetchall()
        for other_id, witness, other_print in rows:
            if not witness or len(mine.intersection((other_print or "").split())) < need:
                continue
            sim = similarity(print_, other_print or "")
            if sim >= best_sim and witness:
                best, best_sim = witness, sim
        if best is not None:
            return best
    return f"article:{article_id}"
