"""Where the migrations and bundled data live (checkout, editable or wheel install)."""
from __future__ import annotations

from pathlib import Path

_PKG = Path(__file__).resolve().parent
PACKAGE_DIR = _PKG


def _first_existing(*candidates: Path) -> Path:
    for c in candidates:
        if c.exists():
            return c
    return candidates[0]


MIGRATIONS_DIR = _first_existing(_PKG.parent / "migrations", _PKG / "_migrations")
DATA_DIR = _first_existing(_PKG.parent / "data", _PKG / "_data")


def printable(path: str) -> str:
    """A file name as text that can be stored and printed: a byte that is not UTF-8 (kept by
    Python as a lone surrogate, which SQLite and the terminal refuse) becomes ``\\xNN``.

    >>> printable("a\\udcff.txt"), printable("기사.txt")
    ('a\\\\xff.txt', '기사.txt')
    """
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
