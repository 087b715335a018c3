"""Rendering rows in one place: csv, tsv, json, nl (newline-delimited JSON) or a table."""
from __future__ import annotations

import csv
import os
from enum import Enum
from itertools import islice
from operator import itemgetter, methodcaller
from typing import IO, Any, Callable, Iterable, Iterator, Mapping, Sequence


class Format(str, Enum):
    CSV = "csv"
    TSV = "tsv"
    JSON = "json"
    NL = "nl"
    TABLE = "table"


#: what each format flag prints (the text of ``--csv``, ``--json``... in every --help)
DESCRIPTIONS = {
    Format.CSV: "comma-separated values with a header row",
    Format.TSV: "tab-separated values with a header row",
    Format.JSON: "a JSON array of objects (whole numbers as integers)",
    Format.NL: "newline-delimited JSON, one object per line",
    Format.TABLE: "an aligned table for the terminal (long text wrapped)",
}

#: the format a file name's extension asks for (``-o out.json``)
EXTENSIONS = {".csv": Format.CSV, ".tsv": Format.TSV, ".tab": Format.TSV, ".json": Format.JSON,
              ".ndjson": Format.NL, ".jsonl": Format.NL}


def format_for_path(path: str) -> Format | None:
    """The format a file name asks for, or None (standard output, an unknown extension).

    >>> format_for_path("out.JSON"), format_for_path("x.jsonl"), format_for_path("-"), format_for_path("a.txt")
    (<Format.JSON: 'json'>, <Format.NL: 'nl'>, None, None)
    """
    if path == "-":
        return None
    return EXTENSIONS.get(_suffix(path).lower())


def _suffix(path: str) -> str:
    """``Path(path).suffix``, without importing pathlib (a read command's start-up).

    >>> _suffix("out.csv"), _suffix("a.b/x.tar.JSON"), _suffix(".json"), _suffix("dir/"), _suffix("x.")
    ('.csv', '.JSON', '', '', '')
    """
    name = os.path.basename(path.rstrip("/"))
    i = name.rfind(".")
    return name[i:] if 0 < i < len(name) - 1 else ""


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
        return _float_text(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _float_text(value: float) -> str:
    if value.is_integer() and abs(value) < 1e18:
        return str(int(value))
    return repr(round(value, 6))


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(text: str) -> str:
    """A CSV/TSV text cell a spreadsheet will not run as a formula: one that starts with
    ``= + - @``, a tab or a carriage return gets a leading ``'`` (OWASP's advice against CSV
    injection). Only text is changed; numbers are written as numbers (a net sale stays
    ``-1280000000000``).

    >>> spreadsheet_safe("=1+2"), spreadsheet_safe("-3% fall"), spreadsheet_safe("KOSPI")
    ("'=1+2", "'-3% fall", 'KOSPI')
    """
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_cell(value: Any) -> str:
    """A value as a CSV/TSV cell: ``cell`` for numbers, ``spreadsheet_safe`` text.

    >>> csv_cell(-1280000000000.0), csv_cell("@SUM(A1)"), csv_cell(None)
    ('-1280000000000', "'@SUM(A1)", '')
    """
    if type(value) is str:  # spreadsheet_safe, inline: this runs for every cell of a CSV
        return "'" + value if value.startswith(FORMULA_START) else value
    return cell(value)


CSV_BLOCK = 1024  # rows converted a column at a time
_STARTS_A_FORMULA = methodcaller("startswith", FORMULA_START)  # of a str, without a Python call


def _csv_blocks(rows: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> Iterator[list[tuple[Any, ...]]]:
    """The rows' CSV cells (``csv_cell`` of each value), CSV_BLOCK rows at a time, converted a
    column at a time (``_csv_column``), so that most cells cost no Python call. When reading the
    rows fails (a query stopped by --timeout or Ctrl-C), the rows read before are still given."""
    get = _getter(columns)
    it = iter(rows)
    while True:
        block: list[tuple[Any, ...]] = []
        try:
            block.extend(map(get, islice(it, CSV_BLOCK)))  # keeps what it took if the rows fail
        except BaseException:
            if block:
                yield list(zip(*map(_csv_column, zip(*block))))
            raise
        if not block:
            return
        yield list(zip(*map(_csv_column, zip(*block))))


def _csv_column(col: tuple[Any, ...]) -> Sequence[Any]:
    """``csv_cell`` of each value of a column. A column of text (and None: empty) none of whose
    values a spreadsheet would read as a formula is kept as it is; whole numbers become their
    digits, floats ``cell``'s text; anything else goes cell by cell."""
    kinds = set(map(type, col))
    if kinds <= {str, type(None)}:
        text = [v or "" for v in col] if type(None) in kinds else col
        if not any(map(_STARTS_A_FORMULA, text)):
            return text
        # spreadsheet_safe inline: a Python call a cell costs more than the test (the why column)
        return ["'" + v if v.startswith(FORMULA_START) else v for v in text]
    elif kinds == {int}:
        return list(map(str, col))
    elif kinds == {float}:  # _float_text inline
        return [str(int(v)) if v.is_integer() and abs(v) < 1e18 else repr(round(v, 6)) for v in col]
    return list(map(csv_cell, col))


def _getter(columns: Sequence[str]) -> Callable[[Mapping[str, Any]], tuple[Any, ...]]:
    """The values of ``columns`` of a row as a tuple, None for a missing one (one C call a row
    when none is missing)."""
    many = itemgetter(*columns) if len(columns) > 1 else None

    def get(r: Mapping[str, Any]) -> tuple[Any, ...]:
        if many is not None:
            try:
                return many(r)  # type: ignore[no-any-return]
            except (KeyError, IndexError):
                pass
        return tuple(r.get(c) for c in columns)

    return get


def json_value(value: Any) -> Any:
    """A value for JSON: a whole float as an integer, as CSV prints it.

    >>> json_value(17270000000000.0), json_value(2.27), json_value(None), json_value(float("nan"))
    (17270000000000, 2.27, None, None)
    """
    if type(value) is float:
        if value != value or value in (float("inf"), float("-inf")):
            return None  # not JSON
        if value.is_integer() and abs(value) < 2 ** 63:
            return int(value)
    return value


def json_row(r: Mapping[str, Any], columns: Sequence[str]) -> dict[str, Any]:
    return {c: json_value(r.get(c)) for c in columns}


def _numeric(values: list[Any]) -> bool:
    present = [v for v in values if v is not None]
    return bool(present) and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present)


def table(rows: Sequence[Mapping[str, Any]], columns: Sequence[str], wrap: Mapping[str, int] | None = None,
          *, headers: bool = True) -> str:
    """An aligned table; widths counted in screen cells (Korean takes two), ``wrap`` columns wrapped;
    without ``headers``, the rows alone (a list whose last column is as long as it is).

    >>> print(table([{"code": "005930", "name": "삼성전자", "v": 1.5}, {"code": "1", "name": "SK", "v": -2.0}],
    ...             ["code", "name", "v"]))
    code    name        v
    ------  --------  ---
    005930  삼성전자  1.5
    1       SK         -2
    """
    from kospitl import texttable

    wrap = wrap or {}
    raw = [[r.get(c) for c in columns] for r in rows]
    align = ["right" if _numeric([t[i] for t in raw]) else "left" for i in range(len(columns))]
    return texttable.render([[cell(v) for v in t] for t in raw], list(columns) if headers else None, align,
                            [wrap.get(c) for c in columns])


def render(rows: Iterable[Mapping[str, Any]], columns: Sequence[str], fmt: Format, out: IO[str],
           *, wrap: Mapping[str, int] | None = None) -> int:
    """Write ``rows`` (only ``columns``, in that order) to ``out``; return the row count.

    An empty table prints nothing (the caller says so on stderr); CSV and TSV still print
    their header and JSON its ``[]``, so a script reads an empty result as one.
    """
    n = 0
    if fmt in (Format.CSV, Format.TSV):
        w = csv.writer(out, delimiter="," if fmt is Format.CSV else "\t", lineterminator="\n")
        w.writerow([spreadsheet_safe(c) for c in columns])
        for block in _csv_blocks(rows, columns):
            w.writerows(block)
            n += len(block)
    elif fmt is Format.JSON:
        import json  # here: the CSV, TSV and table formats do not need it

        data = [json_row(r, columns) for r in rows]
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        n = len(data)
    elif fmt is Format.NL:
        import json

        for r in rows:
            out.write(json.dumps(json_row(r, columns), ensure_ascii=False) + "\n")
            n += 1
    else:
        listed = list(rows)
        n = len(listed)
        if n:
            out.write(table(listed, columns, wrap) + "\n")
    return n
