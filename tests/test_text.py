"""Sentence and clause splitting (kospitl.text)."""
from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from kospitl.text import CLAUSE_BREAKS, clauses
from conftest import bundled_sentences

# The clause breaks as plain alternatives: the specification CLAUSE_BREAKS is written to match
# faster (each branch opening with its first character), with the same matches.
PLAIN_BREAKS = re.compile(
    r";\s+|…\s*|,?\s+while\s+|,?\s+whereas\s+|,?\s+but\s+|,\s+when\s+|\s+when\s+(?=it|the|its)|,\s+which\s+|"
    r",\s+as\s+(?=the|it|foreign|individual|institution)|"
    r",\s+and\s+(?=[A-Z]|the|its|foreign|individual|institution|retail)|,\s+before\s+|\s+before\s+(?=clos|turn|end|finish)|"
    r",\s+after\s+(?=clos|end|finish|ris|fall|gain|los|jump|slid|drop|sink|sank|surg|soar|tumbl|plung|climb|advanc|declin|rall)|"
    r"(?<=[가-힣]),\s+(?!\d)|(?<=[했였됐])고\s+|(?<=[한인])\s*뒤\s+|(?<=[가-힣])며\s+|(?<=[가-힣])으나\s+|(?<=[가-힣])지만\s+")


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def test_clause_breaks_are_the_plain_alternatives_on_every_bundled_sentence() -> None:
    texts = bundled_sentences()
    assert len(texts) > 500
    for text in texts:
        assert _spans(CLAUSE_BREAKS, text) == _spans(PLAIN_BREAKS, text), text


PIECES = [" ", "  ", "\n", ",", ";", "…", "while", "whereas", "but", "when", "which", "as", "and", "before", "after", "it", "the",
          "its", "foreign", "retail", "A", "clos", "3", "했고", "였고", "한", "인", "뒤", "가며", "으나", "지만", "가"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=16))
def test_clause_breaks_are_the_plain_alternatives_on_made_up_text(parts: list[str]) -> None:
    text = "".join(parts)
    assert _spans(CLAUSE_BREAKS, text) == _spans(PLAIN_BREAKS, text)


def test_clauses_example() -> None:
    text = "The KOSPI rose 1.2 percent, while the KOSDAQ fell; the won was flat."
    assert [text[a:b] for a, b in clauses(text)] == [
        "The KOSPI rose 1.2 percent", ", while the KOSDAQ fell", "; the won was flat."]
