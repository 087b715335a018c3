"""How a table printed as text reads: a line's cells between ``|``, and the Markdown rule under
its header. Shared by the tables of names (``tables``) and of sessions (``dated_tables``)."""
from __future__ import annotations

import re

MARKDOWN_RULE = re.compile(r"[|\s:-]+")  # a Markdown table's rule under its header: "|---|---|"


def cells(line: str) -> list[str]:
    """The cells of one table line: "| Samsung | 109,500 | +1.01% |" -> three."""
    return [c.strip() for c in line.strip().strip("|").split("|")]
