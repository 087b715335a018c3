"""Rendering rows in one place: csv, tsv, json, nl (newline-delimited JSON) or a table."""
from __future__ import annotations

import csv
import json
from enum import Enum
from typing import IO, Any, Iterable, Sequence


class Format(str, Enum):
    CSV = "csv"
    TSV = "tsv"
    JSON = "json"
    NL = "nl"
    TABLE = "table"


def cell(value: Any) -> str:
    """A value as text: integral floats without ".0", None as empty.

    >>> cell(644680000000.0), cell(2.27), cell(None), cell(True)
    ('644680000000', '2.27', '', 'true')
    """
    t = type(value)
    if t is str:  # most cells: checked first
        return value
    if value is None:
        return ""
    if t is float or isinstance(value, float):
        if value.is_integer() and abs(value) < 1e18:
            return str(int(value))
        return repr(round(value, 6))
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def render(rows: Iterable[dict[str, Any]], columns: Sequence[str], fmt: Format, out: IO[str]) -> int:
    """Write ``rows`` (only ``columns``, in that order) to ``out``; return the row count."""
    n = 0
    if fmt in (Format.CSV, Format.TSV):
        w = csv.writer(out, delimiter="," if fmt is Format.CSV else "\t", lineterminator="\n")
        w.writerow(columns)
        for r in rows:
            w.writerow([cell(r.get(c)) for c in columns])
            n += 1
    elif fmt is Format.JSON:
        data = [{c: r.get(c) for c in columns} for r in rows]
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        n = len(data)
    elif fmt is Format.NL:
        for r in rows:
            out.write(json.dumps({c: r.get(c) for c in columns}, ensure_ascii=False) + "\n")
            n += 1
    else:
        table = [[cell(r.get(c)) for c in columns] for r in rows]
        n = len(table)
        widths = [max([len(c)] + [len(t[i]) for t in table]) for i, c in enumerate(columns)]
        out.write("  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip() + "\n")
        out.write("  ".join("-" * w for w in widths) + "\n")
        for t in table:
            out.write("  ".join(v.ljust(w) for v, w in zip(t, widths)).rstrip() + "\n")
    return n
