"""Ad-hoc SQL over the database, opened read-only: a DELETE is refused by SQLite itself."""
from __future__ import annotations

import sqlite3
from typing import Any

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from kospitl.db import open_db
from kospitl.errors import KospitlError


def run(path: str, sql: str, params: dict[str, Any] | None = None) -> tuple[list[str], list[dict[str, Any]]]:
    """Run one statement on a read-only connection; return its columns and rows."""
    engine = open_db(path, readonly=True)
    try:
        with engine.connect() as conn:
            result = conn.execute(text(sql), params or {})
            if not result.returns_rows:
                return [], []
            columns = list(result.keys())
            return columns, [dict(zip(columns, r)) for r in result]
    except DBAPIError as e:
        orig = e.orig if isinstance(e.orig, sqlite3.Error) else e
        raise KospitlError(f"query: {str(orig).splitlines()[0]}") from None
    finally:
        engine.dispose()
