"""How a table printed as text reads: a line's cells between ``|``, and the Markdown rule under
its header. Shared by the tables of names (``tables``) and of sessions (``dated_tables``)."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator

MARKDOWN_RULE = re.compile(r"[|\s:-]+")  # a Markdown table's rule under its header: "|---|---|"


def cells(line: str) -> list[str]:
    """The cells of one table line: "| Samsung | 109,500 | +1.01% |" -> three."""
    return [c.strip() for c in line.strip().strip("|").split("|")]


ALIGNED_GAP = re.compile(r"\s{2,}|\t")


def row_cells(line: str) -> list[str]:
    """The cells of a table line: between ``|``, or, in a table aligned with spaces (a wire's
    "For the day    Close    Change   Pct"), between runs of two or more spaces."""
    if "|" in line:
        return cells(line)
    return [c for c in ALIGNED_GAP.split(line.strip()) if c]


def body_rows(text: str, paragraphs: list[tuple[int, int]], i: int, width: int,
              split: Callable[[str], list[str]] = cells) -> Iterator[tuple[int, str, list[str]]]:
    """The rows under the header ``paragraphs[i]``: each row's paragraph number, line and cells
    (``split`` reads them: ``cells`` between ``|``, ``row_cells`` aligned with spaces too), over a
    Markdown rule, up to the first line of another width than the header's ``width``. A table
    takes ``paragraphs[i:k + 1]``, ``k`` the last row its reader keeps."""
    for k in range(i + 1, len(paragraphs)):
        line = text[paragraphs[k][0]:paragraphs[k][1]]
        if MARKDOWN_RULE.fullmatch(line):
            continue
        row = split(line)
        if len(row) != width:
            return
        yield k, line, row
