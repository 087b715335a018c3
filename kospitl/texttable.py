"""An aligned text table for the terminal: widths counted in screen cells, long cells wrapped.

A Korean syllable (or any East Asian wide character) takes two cells of a terminal, a combining
mark none; ``unicodedata`` says which, so the table needs no library of its own.

>>> print(render([["005930", "삼성전자", "1.5"], ["1", "SK", "-2"]], ["code", "name", "v"],
...              ["left", "left", "right"]))
code    name        v
------  --------  ---
005930  삼성전자  1.5
1       SK         -2
"""
from __future__ import annotations

import unicodedata
from typing import Sequence

GAP = "  "  # between columns


def width(text: str) -> int:
    """The cells ``text`` takes on a terminal.

    >>> width("SK하이닉스"), width("e\\u0301")
    (10, 1)
    """
    if text.isascii():
        return len(text)
    n = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        n += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return n


def wrap(text: str, limit: int) -> list[str]:
    """``text`` in lines of at most ``limit`` cells: broken between words, a word longer than a
    line broken where the line ends.

    >>> wrap("the won weakened 10.8 won", 10)
    ['the won', 'weakened', '10.8 won']
    """
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line = ""
        for word in paragraph.split():
            while width(word) > limit:  # a word wider than the line: cut where the line ends
                room = limit - (width(line) + 1 if line else 0)
                if room <= 0:
                    lines.append(line)
                    line, room = "", limit
                head = _fit(word, room)
                line = f"{line} {head}" if line else head
                lines.append(line)
                line, word = "", word[len(head):]
            if not word:
                continue
            if line and width(line) + 1 + width(word) > limit:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        lines.append(line)
    return lines


def _fit(word: str, room: int) -> str:
    """The longest start of ``word`` within ``room`` cells (one character at least)."""
    n, used = 0, 0
    for ch in word:
        w = width(ch)
        if used + w > room and n:
            break
        n, used = n + 1, used + w
    return word[:n]


def render(rows: Sequence[Sequence[str]], headers: Sequence[str] | None, align: Sequence[str],
           limits: Sequence[int | None] | None = None) -> str:
    """The table: ``headers`` over a rule of dashes (none: the rows alone), each column as wide
    as its widest cell and aligned "left" or "right", a cell over its column's limit wrapped."""
    limits = limits or [None] * len(align)
    grid = [[wrap(c, lim) if lim else (c.splitlines() or [""]) for c, lim in zip(row, limits)] for row in rows]
    head = [[h] for h in headers] if headers is not None else None
    widths = [max([width(line) for row in grid for line in row[k]] + ([width(headers[k])] if headers else []) + [0])
              for k in range(len(align))]

    def lines_of(row: list[list[str]]) -> list[str]:
        out = []
        for i in range(max((len(c) for c in row), default=1)):
            parts = []
            for k, c in enumerate(row):
                text = c[i] if i < len(c) else ""
                pad = " " * (widths[k] - width(text))
                parts.append(pad + text if align[k] == "right" else text + pad)
            out.append(GAP.join(parts).rstrip())
        return out

    out: list[str] = []
    if head is not None:
        out += lines_of(head)
        out.append(GAP.join("-" * w for w in widths))
    for row in grid:
        out += lines_of(row)
    return "\n".join(out)
