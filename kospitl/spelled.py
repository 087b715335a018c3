"""Numbers spelled out as broadcasters write them for reading aloud (KBS World, radio scripts):
"three-thousand-344-point-two" is 3,344.2, "29-point-67" is 29.67, "zero-point-nine" is 0.9.

``respell`` rewrites each into digits *in place*: the digits are right-aligned in a run of
spaces as long as the words, so every character offset of the text stays where it was (the
evidence and spans the extractor records still point at the article as printed).

>>> t = "gained 29-point-67 points, or zero-point-nine percent, to close at three-thousand-344-point-two."
>>> " ".join(respell(t).split()), len(respell(t)) == len(t)
('gained 29.67 points, or 0.9 percent, to close at 3344.2.', True)
>>> " ".join(respell("rose one-point-76 points to four-thousand-143-point-55, and 397-point-three million shares").split())
'rose 1.76 points to 4143.55, and 397.3 million shares'
>>> " ".join(respell("shed one-point-one-five percent to six-hundred-71-point-five-one").split())
'shed 1.15 percent to 671.51'
>>> respell("one of the two-point plays")  # no digits after "point": not a number
'one of the two-point plays'
"""
from __future__ import annotations

import re

ONES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen")
TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_WORD_VALUE = {w: i for i, w in enumerate(ONES)} | {w: 10 + i for i, w in enumerate(TEENS)} \
    | {w: 20 + 10 * i for i, w in enumerate(TENS)}

_ONE = "|".join(ONES)
_WORD = rf"(?:(?:{'|'.join(TENS)})(?:-(?:{_ONE}))?|{'|'.join(TEENS)}|{_ONE})"
_INT = rf"(?:(?:{_ONE})-hundred(?:-(?:and-)?(?:\d{{1,2}}|{_WORD}))?|\d{{1,3}}|{_WORD})"  # "six-hundred-71"
# a thousands part, a part below a thousand, and a fraction; "-point-" or "-thousand" is what
# marks the spelling (a bare "one" or "29" is not rewritten)
SPELLED = re.compile(
    rf"(?<![\w.-])(?:(?P<th>{_INT})-thousand(?:-(?P<rest>{_INT}))?(?:-point-(?P<f1>\d+|(?:{_ONE})(?:-(?:{_ONE}))*))?"
    rf"|(?P<i>{_INT})-point-(?P<f2>\d+|(?:{_ONE})(?:-(?:{_ONE}))*))(?![\w-])", re.I)


def _int(part: str) -> int:
    if part.isdigit():
        return int(part)
    total = 0
    for w in part.lower().split("-"):
        if w == "hundred":
            total *= 100
        elif w != "and":
            total += int(w) if w.isdigit() else _WORD_VALUE[w]
    return total


def _fraction(part: str) -> str:
    if part.isdigit():
        return part
    return "".join(str(_WORD_VALUE[w]) for w in part.lower().split("-"))


def _digits(m: re.Match[str]) -> str:
    if m["th"] is not None:
        whole = _int(m["th"]) * 1000 + (_int(m["rest"]) if m["rest"] else 0)
        frac = m["f1"]
    else:
        whole, frac = _int(m["i"]), m["f2"]
    digits = str(whole) + ("." + _fraction(frac) if frac else "")
    return digits.rjust(len(m.group()))


def respell(text: str) -> str:
    """``text`` with spelled-out numbers as digits, every offset unchanged."""
    folded = text.lower()
    if "-point-" not in folded and "-thousand" not in folded:
        return text
    return SPELLED.sub(_digits, text)
