"""Tables with a row a session: the first column a day, the others an index's figures.

    | Day (2025) | KOSPI close | Change | KOSDAQ close |
    |---|---|---|---|
    | Mon Apr 28 | 2,548.86 | +0.10% | 715.46 |
    | Thu May 1  | closed (Workers' Day) | — | — |

Newsletters and weekly digests print the week this way. A column names its index and metric
("KOSPI close", "코스닥 종가"); a change column that names no index belongs to the index of the
column before it ("Change" after "KOSPI close"), in percent when it prints "%" or says so, else
in points. Each row is dated by its first cell ("Mon Apr 28", "04.28", "4월 28일"), resolved
against the article's date like any date the text states; a row without a day or a cell without
a figure ("closed", "—") gives nothing.
"""
from __future__ import annotations

import re

from kospitl.articles import Article
from kospitl.dates import find_dates
from kospitl.numbers import NumberError, decimals, parse_number
from kospitl.records import Mention
from kospitl.extraction.table_text import body_rows, cells as _cells

DAY_COLUMN = re.compile(r"^\s*(?:day|date|session|trading day|week ?day|날짜|일자|거래일)\b", re.I)
INDEX_IN_COLUMN = re.compile(r"\b(?P<en>KOSPI\s?200|KOSPI|KOSDAQ)\b|(?P<ko>코스피\s?200|코스피|코스닥)", re.I)
INDEX_CODES = {"kospi": "KOSPI", "kosdaq": "KOSDAQ", "kospi200": "KOSPI200", "kospi 200": "KOSPI200",
               "코스피": "KOSPI", "코스닥": "KOSDAQ", "코스피200": "KOSPI200", "코스피 200": "KOSPI200"}
CHANGE = re.compile(r"\b(?:change|chg)\b|등락|변동|%|pct|percent", re.I)
PERCENT_COLUMN = re.compile(r"%|pct|percent|률", re.I)
LEVEL = re.compile(r"\b(?:close|closing|level|finish)\b|종가|지수", re.I)
CELL = re.compile(r"^(?P<sign>[-+\u2212▲▼]?)\s*(?P<n>\d[\d,]*(?:\.\d+)?)\s*(?P<pct>%)?$")
DAY_FORMS = ("full", "monthday", "daynum")


def _column_meanings(header: list[str]) -> list[tuple[int, str, str]]:
    """(column, index, metric) of every column the header names."""
    out: list[tuple[int, str, str]] = []
    index: str | None = None
    for k, name in enumerate(header[1:], 1):
        m = INDEX_IN_COLUMN.search(name)
        if m:
            index = INDEX_CODES[" ".join(m.group().lower().split())]
        if index is None:
            continue
        if CHANGE.search(name):
            out.append((k, index, "change"))
        elif LEVEL.search(name) or m:
            out.append((k, index, "close"))
    return out


def find(article: Article, paragraphs: list[tuple[int, int]], i: int) -> tuple[list[Mention], list[tuple[int, int]]] | None:
    """The mentions of a dated table whose header is ``paragraphs[i]``, and the rows it takes;
    None when that paragraph heads no such table."""
    text = article.text
    header = _cells(text[paragraphs[i][0]:paragraphs[i][1]])
    if len(header) < 2 or "|" not in text[paragraphs[i][0]:paragraphs[i][1]] or not DAY_COLUMN.match(header[0]):
        return None
    columns = _column_meanings(header)
    if not columns:
        return None
    out: list[Mention] = []
    last = i
    for last, line, row in body_rows(text, paragraphs, i, len(header)):
        span = paragraphs[last]
        days = [d for d in find_dates(row[0]) if d.form in DAY_FORMS]
        if not days:
            continue
        for k, index, metric in columns:
            m = CELL.match(row[k])
            if m is None:
                continue
            if metric != "close":  # a change column: in percent where the cell or the header says so
                metric = "change_pct" if m["pct"] or PERCENT_COLUMN.search(header[k]) else "change"
            try:
                value = float(parse_number(m["n"])) * (-1 if m["sign"] in ("-", "\u2212", "▼") else 1)
            except NumberError:
                continue
            if metric == "close" and m["sign"]:
                continue  # a signed figure is a move, not a level
            at = span[0] + max(line.find(row[k]), 0)
            dec = decimals(m["n"])
            out.append(Mention("index", index, metric, "close", value, False, at, at + len(row[k]), span[0], span[1],
                               f"table.dated.{metric}", decimals=dec, quantum=10.0 ** -dec, date_ref=days[0]))
    return out, paragraphs[i:last + 1]
