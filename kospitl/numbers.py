"""Numbers as market news prints them, to base units.

English: "4,309.63", "644.68 billion won", "1.2 trillion won", "400.33 million shares",
"2.27 percent", "2.27 pct", "0.84%", "1.5 basis points". Korean: "3조1250억원", "8천188억원",
"11만9천900원", "65만1천원", "3,478조원", "93.38포인트".
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from kospitl import gate

SCALE_EN = {"thousand": Decimal(10) ** 3,
            "million": Decimal(10) ** 6, "mil": Decimal(10) ** 6, "mln": Decimal(10) ** 6, "mn": Decimal(10) ** 6,
            "billion": Decimal(10) ** 9, "bil": Decimal(10) ** 9, "bn": Decimal(10) ** 9, "bln": Decimal(10) ** 9,
            "trillion": Decimal(10) ** 12, "tn": Decimal(10) ** 12, "tril": Decimal(10) ** 12,
            "trln": Decimal(10) ** 12, "trn": Decimal(10) ** 12}
SCALE_KO_BIG = {"조": Decimal(10) ** 12, "억": Decimal(10) ** 8, "만": Decimal(10) ** 4}
SCALE_KO_SMALL = {"천": 1000, "백": 100, "십": 10}

# A plain number: "4,309.63", "1,000,000", "3549.21", ".5"; grouping commas must be well formed.
# It opens with a digit and checks what precedes it only then ("(?<![\d.,]\d)" after the first
# digit is "(?<![\d.,])" before it): a pattern that starts with a digit class lets the regex
# engine skip to the digits of a sentence instead of trying every position (2-3x faster).
# Exponent form ("1e308", "2.5E-3") is no figure news prints: neither its mantissa nor the
# digits of its exponent are numbers (read alone, "1e308 points" was 308 points); the decimals
# are possessive, so "2.5e-3" does not give back ".5e-3" to leave "2".
NUM = (r"(?:\d(?<![\d.,]\d)(?<![\d.][eE]\d)(?<![\d.][eE][-+\u2212]\d)(?:\d{0,2}(?:,\d{3})+|\d*))"
       r"(?:\.\d+)?+(?![\d,]*\d)(?![eE][-+\u2212]?\d)")
NUM_RE = re.compile(NUM)

# A Korean amount: digits with 천/백/십 and 조/억/만 groups, e.g. 3조1250억, 8천188억, 11만9천900.
KO_GROUP = r"(?:\d[\d,]*(?:\.\d+)?\s*[천백십]?\s*)+"
KO_AMOUNT_RE = re.compile(rf"(?:{KO_GROUP}[조억만]\s*)+(?:{KO_GROUP})?|(?:{KO_GROUP})")


PLAIN_NUMBER = re.compile(r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")


class NumberError(ValueError):
    """Text that looks like a number but is not a well-formed one."""


def parse_number(text: str) -> Decimal:
    """A plain English-style number.

    >>> parse_number("4,309.63"), parse_number("1,000,000"), parse_number("3549.21")
    (Decimal('4309.63'), Decimal('1000000'), Decimal('3549.21'))
    """
    s = text.strip().replace("\u2212", "-")
    if not PLAIN_NUMBER.fullmatch(s):
        raise NumberError(f"not a number: {text!r}")
    try:
        return Decimal(s.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the regex above admits only valid text
        raise NumberError(f"not a number: {text!r}") from None


def scale_en(value: Decimal, word: str | None) -> Decimal:
    """Apply an English scale word.

    >>> scale_en(Decimal("644.68"), "billion")
    Decimal('644680000000.00')
    """
    if not word:
        return value
    return value * SCALE_EN[gate.fold(word)]  # "bİllion" matches the patterns' "billion" (re.I)


def _small(group: str) -> Decimal:
    """A Korean group below 10,000: "8천188" → 8188, "9천900" → 9900, "1250" → 1250."""
    total = Decimal(0)
    rest = group.replace(",", "").replace(" ", "")
    for m in gate.finditer(r"(\d+(?:\.\d+)?)?([천백십])", rest):
        total += Decimal(m[1] or "1") * SCALE_KO_SMALL[m[2]]
    tail = gate.sub(r"(\d+(?:\.\d+)?)?[천백십]", "", rest)
    if tail:
        total += Decimal(tail)
    return total


_KO_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_KO_SMALL = re.compile(rf"(?:(?:{_KO_NUM})?[천백십])*(?:{_KO_NUM})?")
_KO_ORDER = "조억만"


def parse_korean(text: str) -> Decimal:
    """A Korean amount, without its unit.

    >>> [int(parse_korean(s)) for s in ("3조1250억", "8천188억", "11만9천900", "65만1천", "3,478조", "690억")]
    [3125000000000, 818800000000, 119900, 651000, 3478000000000000, 69000000000]
    """
    s = text.replace(" ", "")
    if not gate.search(r"\d", s):
        raise NumberError(f"not a Korean amount: {text!r}")
    parts = gate.split(r"([조억만])", s)
    total, last = Decimal(0), -1
    try:
        for i in range(0, len(parts), 2):
            group, unit = parts[i], parts[i + 1] if i + 1 < len(parts) else ""
            if not group or not _KO_SMALL.fullmatch(group):
                if group or unit:
                    raise NumberError(f"not a Korean amount: {text!r}")
                continue
            if unit:
                rank = _KO_ORDER.index(unit)
                if rank <= last:
                    raise NumberError(f"not a Korean amount (units out of order): {text!r}")
                last = rank
                total += _small(group) * SCALE_KO_BIG[unit]
            else:
                total += _small(group)
    except InvalidOperation:
        raise NumberError(f"not a Korean amount: {text!r}") from None
    return total


def to_float(value: Decimal) -> float:
    """Decimal to float for storage (integers stay exact up to 2**53)."""
    return float(value)


def decimals(text: str) -> int:
    """Digits after the decimal point, the precision the article gave.

    >>> decimals("3,549.2"), decimals("3,549.21"), decimals("2")
    (1, 2, 0)
    """
    m = gate.search(r"\.(\d+)", text)
    return len(m[1]) if m else 0
