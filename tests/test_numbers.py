"""Example tables for ``kospitl.numbers``: numbers as market news prints them, to base units.

Where the rows came from:
- English figures are copied from the seed articles (``shared/corpus/seeds``) and the dev
  corpus (``shared/corpus/dev``): "4,309.63", "644.68 billion won", "27.5288 trillion won"...
- Korean amounts are the ones the dev corpus README lists as traps (d06, d23): 3조1250억원,
  3조657억원, 690억원, 8천188억원, 11만9천900원, 65만1천원, 12만900원, 3,478조원; their
  expected values are the gold values in ``shared/gold/dev.jsonl``.
- Malformed rows are typos of the same figures (misplaced grouping commas, the letter O for
  zero, doubled units); ``fact-vocabulary.md`` says figures are base-unit numbers, so text that
  is not a well-formed number must raise ``NumberError`` rather than yield some value.
"""
from __future__ import annotations

import re
from decimal import Decimal

import pytest

from kospitl import lexicon as L
from kospitl.numbers import NUM_RE, SCALE_EN as KNOWN, NumberError, decimals, parse_korean, parse_number, scale_en


def _ids(rows):
    return [r.id for r in rows]


# ---- parse_number ---------------------------------------------------------------------------

PARSE_NUMBER = [
    pytest.param("4,309.63", Decimal("4309.63"), "grouped thousands with decimals (seed 002 close)", id="grouped-decimal"),
    pytest.param("3549.21", Decimal("3549.21"), "no grouping, as Korean text prints index levels (d06)", id="ungrouped"),
    pytest.param("1,400.0", Decimal("1400.0"), "a trailing zero is kept (d03 fx rate)", id="trailing-zero"),
    pytest.param("-6.39", Decimal("-6.39"), "an explicit minus (a signed change)", id="minus"),
    pytest.param("\u22120.79", Decimal("-0.79"), "the Unicode minus sign some pages print", id="unicode-minus"),
    pytest.param("  27.5288 ", Decimal("27.5288"), "surrounding spaces are ignored (seed 003 margin loans)", id="padded"),
]


@pytest.mark.parametrize("text,expected,why", PARSE_NUMBER, ids=_ids(PARSE_NUMBER))
def test_parse_number(text, expected, why):
    assert parse_number(text) == expected, why


PARSE_NUMBER_BAD = [
    pytest.param("1,2,3", "grouping commas every digit", id="bad-commas"),
    pytest.param("4,5OO", "letter O typed for zero", id="letter-o"),
    pytest.param("", "empty text", id="empty"),
    pytest.param("12,34", "a group of two digits", id="short-group"),
    pytest.param("1.2.3", "two decimal points", id="two-points"),
]


@pytest.mark.parametrize("text,why", PARSE_NUMBER_BAD, ids=_ids(PARSE_NUMBER_BAD))
def test_parse_number_rejects(text, why):
    with pytest.raises(NumberError):
        parse_number(text)


# ---- parse_korean ---------------------------------------------------------------------------

PARSE_KOREAN = [
    pytest.param("3조1250억", 3_125_000_000_000, "조 and 억 groups (d06 foreign net buy)", id="jo-eok"),
    pytest.param("3조657억", 3_065_700_000_000, "an 억 group of three digits (d06 individuals)", id="jo-eok-3digits"),
    pytest.param("690억", 69_000_000_000, "억 only (d06 institutions)", id="eok"),
    pytest.param("8천188억", 818_800_000_000, "천 inside the 억 group (d23 individuals)", id="cheon-eok"),
    pytest.param("11만9천900", 119_900, "만 then 천 then units (d23 Samsung close)", id="man-cheon"),
    pytest.param("65만1천", 651_000, "a trailing 천 group (d23 SK hynix close)", id="man-trailing-cheon"),
    pytest.param("3,478조", 3_478_000_000_000_000, "a grouping comma before 조 (d23 market cap)", id="grouped-jo"),
    pytest.param("1.5조", 1_500_000_000_000, "a decimal before the unit", id="decimal-jo"),
]


@pytest.mark.parametrize("text,expected,why", PARSE_KOREAN, ids=_ids(PARSE_KOREAN))
def test_parse_korean(text, expected, why):
    assert parse_korean(text) == Decimal(expected), why


PARSE_KOREAN_BAD = [
    pytest.param("", "empty text", id="ko-empty"),
    pytest.param("4,5OO억", "letter O typed for zero", id="ko-letter-o"),
    pytest.param("1,2,3억", "grouping commas every digit, as malformed as in parse_number",
                 id="ko-bad-commas"),
    pytest.param("3조조", "a doubled unit",
                 id="ko-double-unit"),
    pytest.param("1..5조", "two decimal points",
                 id="ko-two-points"),
    pytest.param("억5천", "a unit before any digit",
                 id="ko-unit-first"),
]


@pytest.mark.parametrize("text,why", PARSE_KOREAN_BAD, ids=_ids(PARSE_KOREAN_BAD))
def test_parse_korean_rejects(text, why):
    with pytest.raises(NumberError):
        parse_korean(text)


# ---- decimals -------------------------------------------------------------------------------

DECIMALS = [
    pytest.param("3,549.2", 1, "d07 prints the Oct. 2 close with one decimal", id="one"),
    pytest.param("3,549.21", 2, "d02 prints it with two", id="two"),
    pytest.param("1,400.0", 1, "a trailing zero is still a printed digit (d03)", id="trailing-zero"),
]


@pytest.mark.parametrize("text,expected,why", DECIMALS, ids=_ids(DECIMALS))
def test_decimals(text, expected, why):
    assert decimals(text) == expected, why


# ---- scale_en -------------------------------------------------------------------------------

SCALE_EN = [
    pytest.param(("644.68", "billion"), 644_680_000_000, "the vocabulary's own example (seed 002)", id="billion"),
    pytest.param(("3.14", "trillion"), 3_140_000_000_000, "d02 foreign net buy", id="trillion"),
    pytest.param(("1.2", "tn"), 1_200_000_000_000, "abbreviated trillion", id="tn"),
    pytest.param(("2.2373", "Trillion"), 2_237_300_000_000, "the scale word is case-insensitive", id="capitalised"),
    pytest.param(("7", None), 7, "no scale word leaves the value alone", id="no-scale"),
    pytest.param(("5.2", "mln"), 5_200_000, "wire style ('5.2 mln shares'): found by the 100k fuzz run as a KeyError "
                 "that rejected the whole article", id="mln"),
    pytest.param(("3", "thousand"), 3_000, "the shares pattern's smallest scale", id="thousand"),
]


def test_every_scale_word_a_figure_pattern_captures_has_a_value():
    """The lexicon's figure patterns capture scale words in a ``scale`` group; each must be one
    ``scale_en`` knows (a word missing there is a KeyError that loses the article)."""
    words = set()
    for *_unit, pat in L.FIGURE_TABLE.rows:
        m = re.search(r"\(\?P<scale>((?:[^()]|\((?:\?:)?[^()]*\))*)\)", pat.pattern)
        if m:
            words |= set(re.findall(r"[a-z]+", m[1].replace("?:", ""))) - {"i"}
    assert {"million", "billion", "mln"} <= words and words <= set(KNOWN), words - set(KNOWN)


@pytest.mark.parametrize("args,expected,why", SCALE_EN, ids=_ids(SCALE_EN))
def test_scale_en(args, expected, why):
    value, word = args
    assert scale_en(Decimal(value), word) == Decimal(expected), why


# ---- numbers in running text (lexicon patterns are built on NUM) -----------------------------

NUMBERS_IN_TEXT = [
    pytest.param("closed at 4,309.63 points", ["4,309.63"], "a plain figure (seed 002)", id="figure"),
    pytest.param("closed at 1e308 points", [], "exponent form is no figure: its exponent was read "
                 "as 308 points and a previous close derived from it (issue 14)", id="exponent"),
    pytest.param("rose 2.5E-3 percent", [], "a signed exponent: neither '2', '2.5' nor '3'", id="signed-exponent"),
    pytest.param("rose 1.2E+4 points", [], "an explicit plus", id="plus-exponent"),
    pytest.param("fell 1,234e5 won", [], "a grouped mantissa is not left as '1'", id="grouped-exponent"),
    pytest.param("the 3e Seoul fund and 2026.01 figures", ["3", "2026.01"],
                 "a letter e after a number that no digit follows is no exponent", id="e-without-exponent"),
]


@pytest.mark.parametrize("text,expected,why", NUMBERS_IN_TEXT, ids=_ids(NUMBERS_IN_TEXT))
def test_numbers_in_text(text, expected, why):
    assert NUM_RE.findall(text) == expected, why


# ---- the tables themselves ------------------------------------------------------------------

@pytest.mark.parametrize("table", [PARSE_NUMBER, PARSE_NUMBER_BAD, PARSE_KOREAN, PARSE_KOREAN_BAD,
                                   DECIMALS, SCALE_EN, NUMBERS_IN_TEXT],
                         ids=["parse_number", "parse_number_bad", "parse_korean", "parse_korean_bad",
                              "decimals", "scale_en", "numbers_in_text"])
def test_no_input_repeats(table):
    inputs = [r.values[0] for r in table]
    assert len(inputs) == len(set(inputs)), [i for i in inputs if inputs.count(i) > 1]


def test_no_input_repeats_across_good_and_bad():
    good = {r.values[0] for r in PARSE_NUMBER} | {r.values[0] for r in PARSE_KOREAN}
    bad = {r.values[0] for r in PARSE_NUMBER_BAD} | {r.values[0] for r in PARSE_KOREAN_BAD}
    assert not good & bad
