"""Shortcuts of the scans (issue 15): each finds exactly what the plain scan finds."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings, strategies as st

from kospitl import pubtime
from kospitl.gate import solid_width
from conftest import ROOT, SHARED

SOLID = [
    # (pattern, flags, the most characters other than whitespace in a match; None: no bound)
    (r"abc", 0, 3),
    (r"a\s*b\s+c\s?d", 0, 4),  # whitespace, however long, is free
    (r"(?:Mon|Tuesday)\.?,?\s+\d{1,2}", 0, 11),
    (r"(?<![\d.])x(?!\d)", 0, 1),  # lookarounds are zero-width
    (r"a[ \t]+b", 0, None),  # a class that is not \s is not free
    (r"a.*b", 0, None),
    (r"(a)\1", 0, None),
    (r"\d{2,4}", 0, 4),
]


@pytest.mark.parametrize("pattern, flags, width", SOLID)
def test_solid_width(pattern: str, flags: int, width: int | None) -> None:
    assert solid_width(re.compile(pattern, flags)) == width


def _texts() -> list[str]:
    paths = sorted(ROOT.glob("data/**/*.txt")) + sorted(ROOT.glob("tests/corpus/**/*.txt"))
    paths += sorted(SHARED.glob("corpus/*/*.txt"))
    return [p.read_text(encoding="utf-8", errors="replace") for p in paths]


YEAR_FORMS = [(form, pat) for form, pat in pubtime.DATE_FORMS if form in pubtime.YEAR_LAST]


def _same(text: str, start: int, end: int) -> None:
    for form, pat in YEAR_FORMS:
        whole = [(m.span(), m.groupdict()) for m in pat.finditer(text, start, end)]
        near = [(m.span(), m.groupdict()) for m in pubtime._near_years(pat, text, start, end)]
        assert near == whole, (form, text[start:end][:200])


def test_year_forms_near_years_find_what_the_whole_scan_finds() -> None:
    """Every bundled and shared article, whole, its page head and a tail."""
    texts = _texts()
    assert len(texts) > 30
    assert len(YEAR_FORMS) == 2
    found = 0
    for text in texts:
        for start, end in ((0, len(text)), (0, min(len(text), 3000)), (len(text) // 3, len(text))):
            _same(text, start, end)
        found += sum(1 for _f, pat in YEAR_FORMS for _m in pat.finditer(text))
    assert found > 30


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Wednesday", "wed", "THU.", "Sept", "september", "Oct.", "29", "3", "1st",
                                 "2025", "1999", "20251", ",", ".", " ", "   ", "\n\n", "\u00a0", "\t", "x",
                                 "-", "12:05"]), max_size=16),
       st.integers(0, 8))
def test_year_forms_on_made_up_heads(parts: list[str], cut: int) -> None:
    """Long runs of whitespace (of any kind), years glued to digits, scans that start mid-text."""
    text = "".join(parts)
    _same(text, min(cut, len(text)), len(text))
    _same(text, 0, max(0, len(text) - cut))
