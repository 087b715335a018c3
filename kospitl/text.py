"""Paragraphs, sentences and clauses, as character spans of the article text."""
from __future__ import annotations

import re
import re._parser as sre_parse
from kospitl import gate

Span = tuple[int, int]

# A period after these does not end a sentence.
ABBREVIATIONS = re.compile(
    r"(?:\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|Nos|Mr|Mrs|Ms|Dr|St|Co|Corp|Inc|Ltd|vs|Jr|Sr|est|approx|U\.S|U\.K|S|N|Gov|Rep|Sen|Prof|Gen)\.|\b[A-Z]\.)$")
# every match ends the text (or precedes its last line break): only its end is searched
ABBREVIATION_WIDTH = sre_parse.parse(ABBREVIATIONS.pattern).getwidth()[1] + 1
SENTENCE_END = re.compile(r"[.!?](?:[\"\u201d\u2019')\]])*\s+|(?<=다\.)\s*|(?<=[다요]\.)\s+")
# Where a clause ends: "; ", ", while ", ", when it", ", and the", Korean "…했고 ", "…한 뒤 ", "…며 ".
# Each break opens with one of the characters of the leading class; what follows it checks (by
# a lookbehind) which one it was, once for each such character, and then tries only the breaks that
# open with it. A pattern that opens with a character class lets the regex engine skip to those
# characters instead of trying every branch at every position (3x faster); grouping the breaks by
# their first character tests one lookbehind, not all of them, at each space (1.8x faster again).
# The same matches as the plain alternation ";\s+|,?\s+while\s+|…", checked on every corpus sentence.
CLAUSE_BREAKS = re.compile(
    r"[;,\s고뒤며으지…](?:(?<=;)\s+|(?<=…)\s*|"
    r"(?<=,)(?:\s+(?:while|whereas|but|when|which)\s+|\s+as\s+(?=the|it|foreign|individual|institution)|"
    r"\s+and\s+(?=[A-Z]|the|its|foreign|individual|institution|retail)|\s+before\s+|"
    r"\s+after\s+(?=clos|end|finish|ris|fall|gain|los|jump|slid|drop|sink|sank|surg|soar|tumbl|plung|climb|advanc|declin|rall)|"
    r"(?<=[가-힣],)\s+(?!\d)|(?<=[한인]\s뒤,)\s+|(?<=[한인]\s후,)\s+)|"
    r"(?<=\s)(?:\s*(?:while\s+|whereas\s+|but\s+|when\s+(?=it|the|its)|before\s+(?=clos|turn|end|finish))|(?<=[한인]\s)\s*뒤\s+)|"
    r"(?<=[했였됐]고)\s+|(?<=[한인]뒤)\s+|(?<=[가-힣]며)\s+|(?<=[가-힣]으)나\s+|(?<=[가-힣]지)만\s+)")


def paragraphs(text: str, start: int, end: int) -> list[Span]:
    out = []
    pos = start
    for line in text[start:end].split("\n"):
        s, e = pos, pos + len(line)
        pos = e + 1
        stripped = line.strip()
        if stripped and not stripped.startswith("---"):
            lead = len(line) - len(line.lstrip())
            out.append((s + lead, s + lead + len(stripped)))
    return out


def sentences(text: str, span: Span) -> list[Span]:
    """Split a paragraph into sentences, keeping abbreviations ("Jan.", "U.S.") and
    "a.m./p.m." followed by a lower-case word inside one sentence."""
    start, end = span
    out = []
    s = start
    for m in SENTENCE_END.finditer(text, start, end):
        # the punctuation itself, or (after a Korean "다.") the point just past it
        cut = min(m.start() + 1 if text[m.start():m.start() + 1] in ".!?" else m.start(), end)
        before = text[s:cut]
        after = text[m.end():m.end() + 1]
        if ABBREVIATIONS.search(before, max(0, len(before) - ABBREVIATION_WIDTH)):
            continue
        if gate.search(r"\b[ap]\.m\.$", before) and (not after or not after.isupper()
                                                   or gate.match(r"(?:Seoul|Korea|local|KST|ET|EST|EDT|GMT|UTC)\b", text[m.end():m.end() + 6])
                                                   or gate.match(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:,|\s+[a-z])", text[m.end():m.end() + 14])):
            continue  # "At 1:10 p.m. Seoul time, the KOSPI was down ...", "As of 9:20 a.m. Thursday the index ..."
        if after and after.islower():
            continue
        if gate.search(r"\d\.$", before) and after.isdigit():
            continue
        if text[s:cut].strip():
            out.append(_trim(text, s, cut))
        s = m.end()
    if text[s:end].strip():
        out.append(_trim(text, s, end))
    return out


def _trim(text: str, s: int, e: int) -> Span:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def clauses(sentence: str) -> list[Span]:
    """Clause spans, relative to the sentence. Break words stay with the clause they open."""
    out = []
    s = 0
    for m in CLAUSE_BREAKS.finditer(sentence):
        if m.start() > s:
            out.append((s, m.start()))
        s = m.start()
    out.append((s, len(sentence)))
    # ", which closed at 181,200 won on Friday," is a clause of its own; what follows it is not
    split: list[Span] = []
    for a, b in out:
        piece = sentence[a:b]
        m = gate.match(r",\s+which\b(?:[^,]|,(?=\d))*,", piece)
        if m and m.end() < len(piece):
            split += [(a, a + m.end() - 1), (a + m.end() - 1, b)]
        else:
            split.append((a, b))
    return [c for c in split if sentence[c[0]:c[1]].strip()]
