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
