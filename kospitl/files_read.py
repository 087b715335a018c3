"""The files an ingest has read (table ``file_read``): for each, what ``stat`` showed when it
was read (size, mtime_ns, ctime_ns, inode), the article it holds (its content hash) and when it
was read. A re-ingest takes a file whose ``stat`` shows all four as recorded as that article
without reading it again: a ``stat`` and a share of one look-up instead of reading, the decode
checks and the normalised sha256.

A file is read again when any of the four differs (an edit, even one that keeps the size and
restores the modification time, changes ``ctime``; a file deleted and re-created, or another
file moved to the path, has another inode), and when it is *racily clean*, as git calls it: its
recorded modification or status change time is within ``RACY_NS`` of its recorded read, so a
write just after the read could have left every recorded figure as it was (timestamps have a
granularity: a clock tick, or 1–2 s on FAT, HFS+ and some network file systems). A racily clean
file read again and found the same is recorded with the new read, and is trusted from then on.
A file whose times lie in the future (a clock ahead, ``touch -d``) is always read.
"""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable

from kospitl.db import driver
from kospitl.paths import printable

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

RACY_NS = 2_000_000_000  # a file modified within this of its recorded read is not trusted
LOOKUP_CHUNK = 500  # paths in one IN (...) look-up: well under every engine's limit of parameters
_WRAP = 1 << 64  # an inode number above 2**63 (some file systems use all 64 bits) is stored less 2**64

COLUMNS = ("path", "size", "mtime_ns", "ctime_ns", "inode", "content_hash", "read_at_ns")
UPSERT = (f"INSERT INTO file_read ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))}) "
          "ON CONFLICT (path) DO UPDATE SET "
          + ", ".join(f"{c} = excluded.{c}" for c in COLUMNS[1:]))


@dataclass(frozen=True, slots=True)
class Seen:
    """One file as it was read: a row of ``file_read``."""

    path: str  # key(): absolute and printable
    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int
    content_hash: str
    read_at_ns: int


def key(path: str) -> str:
    """The file's row: its absolute path (two working folders' ``a.txt`` are two files), with a
    byte that is not UTF-8 as ``\\xNN`` (a name SQLite can store)."""
    return printable(os.path.abspath(path))


def _inode(ino: int) -> int:
    return ino - _WRAP if ino >= 1 << 63 else ino


def seen(path: str, st: os.stat_result, content_hash: str, read_at_ns: int) -> Seen:
    """The row of ``path`` read at ``read_at_ns`` (the system clock before it was opened), with
    ``st`` the status of the open file before its bytes were read."""
    return Seen(key(path), st.st_size, st.st_mtime_ns, st.st_ctime_ns, _inode(st.st_ino), content_hash,
                read_at_ns)


@dataclass(frozen=True, slots=True)
class Recorded:
    """A file's row with the stored article its hash names (``store.find_articles``' shape)."""

    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int
    read_at_ns: int
    article: dict[str, Any]

    def unchanged(self, st: os.stat_result) -> bool:
        """Whether ``st`` (the file's status now) shows the file as it was read, and the read can
        be trusted (not racily clean)."""
        return (st.st_size == self.size and st.st_mtime_ns == self.mtime_ns and st.st_ctime_ns == self.ctime_ns
                and _inode(st.st_ino) == self.inode and stat.S_ISREG(st.st_mode)
                and max(self.mtime_ns, self.ctime_ns) < self.read_at_ns - RACY_NS)


def lookup(conn: "Connection", keys: Iterable[str]) -> dict[str, Recorded]:
    """The recorded rows of the files ``keys`` whose article is stored, by key (a row whose
    article is gone, re-dated under another id or never stored, is not found: read the file)."""
    raw = driver(conn)
    unique = list(dict.fromkeys(keys))
    found: dict[str, Recorded] = {}
    for i in range(0, len(unique), LOOKUP_CHUNK):
        part = unique[i:i + LOOKUP_CHUNK]
        sql = ("SELECT f.path, f.size, f.mtime_ns, f.ctime_ns, f.inode, f.read_at_ns, "
               "a.id, a.given_date, a.doc_date, a.source_path FROM file_read f "
               f"JOIN article a ON a.content_hash = f.content_hash WHERE f.path IN ({', '.join('?' * len(part))})")
        for path, size, mtime, ctime, inode, read_at, article_id, given, doc_date, source in raw.execute(sql, part):
            found[path] = Recorded(size, mtime, ctime, inode, read_at,
                                   {"id": article_id, "given_date": given, "doc_date": doc_date,
                                    "source_path": source})
    return found


def record(conn: "Connection", rows: Iterable[Seen]) -> None:
    """Record the files read (a path read before takes its new row), in the caller's transaction."""
    values = [(s.path, s.size, s.mtime_ns, s.ctime_ns, s.inode, s.content_hash, s.read_at_ns) for s in rows]
    if values:
        driver(conn).executemany(UPSERT, values)
