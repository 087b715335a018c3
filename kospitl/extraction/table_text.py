"""How a table printed as text reads: a line's cells between ``|``, and the Markdown rule under
its header. Shared by the tables of names (``tables``) and of sessions (``dated_tables``)."""
from __future__ import annotations

import re

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
