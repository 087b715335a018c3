"""Gated patterns: a regular expression that first checks, cheaply, that it can match at all.

Most of kospitl's patterns find nothing in most sentences, yet a failing scan of a pattern that
opens with an alternation or a word boundary tries every position of the text. Every match of
such a pattern contains one of a few fixed strings ("record", "최고치", "percent"...), and a
substring test (``str.__contains__``) rules a sentence out in a fraction of the scan's time.

The strings are derived from the pattern itself (``needs``), so they cannot drift from it: a
gate only ever skips a text in which the pattern cannot match. ``DIGIT_NEED`` stands for "a
digit", for patterns whose only certain part is a number.

A pattern whose every match starts with one of a few fixed strings (``starts``: "closed", "the
dollar", "▲") is tried, on the sentence being read, only where ``focus`` found one of them: a
few ``match`` calls instead of a scan that tries every position.
"""
from __future__ import annotations

import re
import threading
import unicodedata
import re._compiler as RC  # whether the engine has a prefix of its own to skip to
import re._constants as C  # the parser's node kinds; stable from Python 3.11 on
import re._parser as P
from typing import Any, Callable, Generic, Iterable, Iterator, TypeVar

DIGIT = re.compile(r"\d")
DIGIT_NEED = "\\d"  # in a gate: the text holds a digit

Need = frozenset[str] | None  # one of these (folded) strings is in every match; None: unknown


def fold(text: str) -> str:
    """Lower-cased so that a pattern's literal, folded the same way, is found in it whenever the
    pattern matches, even with ``re.IGNORECASE`` ("K" Kelvin sign, long s, dotted and dotless i).

    >>> fold("KOSPI"), fold("\u0130ndex \u017fhares"), fold("코스피")
    ('kospi', 'index shares', '코스피')
    """
    if text.isascii():
        return text.lower()
    return text.casefold().replace("i\u0307", "i").replace("\u0131", "i")


def _caseless(ch: str) -> bool:
    """Whether a literal character folds the same as every character it can match (see ``fold``):
    ASCII, Hangul, and punctuation or symbols without case."""
    return ch.isascii() or "\uac00" <= ch <= "\ud7a3" or \
        unicodedata.category(ch)[0] in "PS" and ch.casefold() == ch == ch.upper()


LIMIT = 64  # most strings one gate may look for


def _score(s: frozenset[str]) -> tuple[bool, int, int, int]:
    """Lower is a better gate: a digit is the weakest need; then longer (rarer) strings, up to
    a point; then fewer strings to look for."""
    shortest = min(map(len, s))
    return DIGIT_NEED in s, -min(shortest, 6), len(s), -shortest


def _reduced(s: frozenset[str]) -> frozenset[str]:
    """Without the strings that contain another one ("foreigners" when "foreign" is there)."""
    return frozenset(x for x in s if not any(y != x and y in x for y in s))


def _pick(cands: list[frozenset[str]]) -> Need:
    good = [_reduced(c) for c in cands if c and "" not in c]
    return min(good, key=_score) if good else None


def _exact(op: Any, av: Any) -> frozenset[str] | None:
    """The finite set of (folded) strings an item matches, if it is one; zero-width items
    (word boundaries, anchors, lookarounds) match the empty string."""
    if op is C.LITERAL:
        ch = chr(av)
        return frozenset([fold(ch)]) if _caseless(ch) else None
    if op is C.IN:
        if not av or not all(o is C.LITERAL and _caseless(chr(v)) for o, v in av):
            return None
        return frozenset(fold(chr(v)) for _, v in av)
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return frozenset([""])
    if op is C.SUBPATTERN:
        return _exact_seq(av[-1])
    if op is C.BRANCH:
        union = _union(av[1], _exact_seq)
        return union if union is not None and len(union) <= LIMIT else None
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) and av[1] == 1:
        e = _exact_seq(av[2])
        return None if e is None else e | {""} if av[0] == 0 else e
    return None


def _union(alternatives: Any, of: Callable[[Any], frozenset[str] | None]) -> frozenset[str] | None:
    """The union of ``of`` over a branch's alternatives; None if one of them has none."""
    out: set[str] = set()
    for alt in alternatives:
        part = of(alt)
        if part is None:
            return None
        out |= part
    return frozenset(out)


def _product(a: frozenset[str], b: frozenset[str]) -> frozenset[str] | None:
    return frozenset(x + y for x in a for y in b) if len(a) * len(b) <= LIMIT else None


def _exact_seq(items: Any) -> frozenset[str] | None:
    out: frozenset[str] | None = frozenset([""])
    for op, av in items:
        e = _exact(op, av)
        if e is None or out is None:
            return None
        out = _product(out, e)
    return out


def _seq(items: Any) -> Need:
    """The best need of a sequence: its runs of fixed strings, or any one item's need."""
    cands: list[frozenset[str]] = []
    run = frozenset([""])
    for op, av in items:
        e = _exact(op, av)
        if e is not None:
            cands.append(e)
            joined = _product(run, e)
            if joined is None:
                cands.append(run)
                joined = e
            run = joined
            continue
        cands.append(run)
        run = frozenset([""])
        need = _need(op, av)
        if need is not None:
            cands.append(need)
    cands.append(run)
    return _pick(cands)


def _need(op: Any, av: Any) -> Need:
    """The need of an item that is not a finite set of strings."""
    if op is C.SUBPATTERN:
        return _seq(av[-1])
    if op is C.ATOMIC_GROUP:
        return _seq(av)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        return _seq(av[2]) if av[0] >= 1 else None
    if op is C.BRANCH:
        union = _union(av[1], _seq)
        return None if union is None else _reduced(union)
    if op is C.IN and av and all(o is C.CATEGORY and a is C.CATEGORY_DIGIT or o is C.RANGE and a == (48, 57)
                                 for o, a in av):
        return frozenset([DIGIT_NEED])
    return None  # any character, classes, group references


def needs(pattern: str | re.Pattern[str], flags: int = 0) -> Need:
    """Strings, one of which (folded) is in the text wherever ``pattern`` matches.

    >>> sorted(needs(r"\\brecord(?: high| close)?\\b|사상 최고", re.I))
    ['record', '사상 최고']
    >>> sorted(needs(r"(?P<n>\\d+)\\s*(?:%|percent|pct)"))
    ['%', 'pct', 'percent']
    >>> needs(r"\\b\\w+\\b") is None
    True
    """
    source = pattern.pattern if isinstance(pattern, re.Pattern) else pattern
    flags = pattern.flags if isinstance(pattern, re.Pattern) else flags
    try:
        tree = P.parse(source, flags)
    except Exception:  # pragma: no cover - the pattern compiled, so it parses
        return None
    return _seq(tree.data)


# markers in a set of starts: a match may start with a digit, or only at the start of the text
DIGIT_START = "\x00\\d"
TEXT_START = "\x00^"
_MARKERS = frozenset([DIGIT_START, TEXT_START])
_BEGINNINGS = (C.AT_BEGINNING, C.AT_BEGINNING_STRING)


def _starts_seq(items: Any, multiline: bool = False) -> frozenset[str] | None:
    """The (folded) strings that every match of a sequence starts with: the run of fixed strings
    it opens with (zero-width items before it count for nothing), or, when it opens with a group,
    a branch or a repeat, that item's own; an optional opening adds what follows it; a digit
    class stands as ``DIGIT_START``, and a sequence that opens with "^" and holds at least one
    character as ``TEXT_START``; None when a match may start otherwise."""
    run = frozenset([""])
    for i, (op, av) in enumerate(items):
        if op is C.AT and av in _BEGINNINGS and not multiline and run == frozenset([""]):
            rest = _starts_seq(items[i + 1:], multiline)
            return rest if rest is not None else (frozenset([TEXT_START]) if _width(items[i + 1:]) else None)
        e = _exact(op, av)
        if e is None:
            if run == frozenset([""]):
                if op in _REPEATS and av[0] == 0:  # "(?:the\s+)?[A-Z]...": the opening, or what follows it
                    return _either(_starts_seq(av[2], multiline), _starts_seq(items[i + 1:], multiline))
                return _starts_item(op, av, multiline)
            if "" in run:  # an optional fixed opening ("[-+]?" before a number): it, or what follows it
                return _either(run - {""}, _starts_seq(items[i:], multiline))
            break
        joined = _product(run, e)
        if joined is None:
            if "" in run:
                return _either(run - {""}, _starts_seq(items[i:], multiline))
            break
        run = joined
    return None if "" in run else run


def _either(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    return None if a is None or b is None else a | b


def _width(items: Any) -> int:
    """The fewest characters a sequence matches."""
    return P.SubPattern(P.State(), list(items)).getwidth()[0]


def _starts_item(op: Any, av: Any, multiline: bool = False) -> frozenset[str] | None:
    if op is C.SUBPATTERN:
        return _starts_seq(av[-1], multiline)
    if op is C.ATOMIC_GROUP:
        return _starts_seq(av, multiline)
    if op in _REPEATS:
        return _starts_seq(av[2], multiline) if av[0] >= 1 else None
    if op is C.BRANCH:
        return _union(av[1], lambda alt: _starts_seq(alt, multiline))
    if op is C.IN and av and all(o is C.CATEGORY and a is C.CATEGORY_DIGIT or o is C.RANGE and a == (48, 57)
                                 for o, a in av):
        return frozenset([DIGIT_START])
    return None


def starts(regex: re.Pattern[str]) -> frozenset[str] | None:
    """Strings, one of which (folded) every match of ``regex`` starts with (``DIGIT_START``: a
    digit; ``TEXT_START``: the start of the text); None when there are none such (a match may
    open with a class, any character).

    >>> sorted(starts(re.compile(r"\\bclos(?:e|ed)\\b|(?:South )?Korean stocks|[▲△]", re.I)))
    ['close', 'korean stocks', 'south korean stocks', '▲', '△']
    >>> starts(re.compile(r"\\w+ points|\\bup\\b")) is None
    True
    """
    if _anchored(regex):
        return None
    try:
        tree = P.parse(regex.pattern, regex.flags)
    except Exception:  # pragma: no cover - it compiled
        return None
    found = _starts_seq(tree.data, bool(tree.state.flags & re.MULTILINE))
    return None if found is None else frozenset(x for x in found if not any(y != x and x.startswith(y) for y in found))


class Gated:
    """A compiled pattern that answers "no match" without scanning a text that lacks every
    string of its need, and that starts its scan where a match can start (``skip``). It has the
    methods of ``re.Pattern`` that kospitl uses."""

    __slots__ = ("regex", "need", "opens", "pos", "digit", "_skip", "starts", "match", "fullmatch", "_also")

    def __init__(self, regex: re.Pattern[str]):
        self.regex = regex
        # one position to try: no scan for a gate to save (the pattern's own methods, no call between)
        self.match: Callable[..., re.Match[str] | None] = regex.match
        self.fullmatch: Callable[..., re.Match[str] | None] = regex.fullmatch
        self.need = None if _anchored(regex) else needs(regex)
        self.digit = self.need is not None and DIGIT_NEED in self.need  # a digit opens it too
        self.pos: int | None = None  # its place among the gates focus() answers for
        self.starts = False  # whether focus() tells where in the sentence its matches can start
        self._also = (False, False)  # and whether they can start at a digit, at the start of the text
        if self.need:
            firsts = starts(regex)
            if firsts is not None and DIGIT_START in firsts and _engine_skips(regex):
                firsts = None  # the engine goes from digit to digit faster than a match() at each
            with _registering:
                self.pos = len(_registry)
                _registry.append(self.need - {DIGIT_NEED})
                _starts_registry.append(firsts - _MARKERS if firsts else frozenset())
            self.starts = firsts is not None
            if firsts:
                self._also = (DIGIT_START in firsts, TEXT_START in firsts)
        self.opens: Callable[[str], bool] = _gate(self.need, self.pos)  # can it match in a text?
        self._skip: Any = _UNKNOWN  # made on first use (compiling it costs more than most texts)

    @property
    def pattern(self) -> str:
        return self.regex.pattern

    @property
    def flags(self) -> int:
        return self.regex.flags

    def __repr__(self) -> str:
        return f"Gated({self.regex!r})"

    @property
    def skip(self) -> re.Pattern[str] | None:
        """A pattern that finds the first place where this one matches, faster (see ``skipper``)."""
        if self._skip is _UNKNOWN:
            self._skip = skipper(self.regex)
        return self._skip

    def _start(self, text: str, args: tuple[int, ...]) -> tuple[int, ...] | None:
        """``args`` (pos, endpos) moved on to the first place a match can start; None: none can."""
        skip = self._skip
        if skip is _UNKNOWN:
            skip = self.skip
        if skip is None or len(text) < SKIP_FROM:
            return args
        m = skip.search(text, *args)
        return None if m is None else (m.start(), *args[1:])

    def _places(self, text: str) -> list[int] | None:
        """Where in ``text``, the focused sentence, a match of this pattern can start (in order);
        None when focus() cannot tell (another text, a gate made since). Asked only of a gate
        that knows its first strings (``starts``), for a whole text (no range given)."""
        focused = _focus
        if focused[0] is not text or focused[3] is None or self.pos >= focused[2]:  # type: ignore[operator]
            return None
        found = focused[3].get(self.pos, _NOWHERE)
        digit, begin = self._also
        if digit or begin:
            more = _digits(text) if digit else []
            if begin and (not more or more[0] != 0):
                more = [0] + more
            found = sorted(set(found).union(more)) if found else more
        return found

    def search(self, text: str, *args: int) -> re.Match[str] | None:
        if self.starts and not args:
            places = self._places(text)
            if places is not None:
                match = self.regex.match
                for p in places:
                    m = match(text, p)
                    if m is not None:
                        return m
                return None
        if not self.opens(text):
            return None
        at = self._start(text, args)
        return None if at is None else self.regex.search(text, *at)

    def finditer(self, text: str, *args: int) -> Iterator[re.Match[str]]:
        if self.starts and not args:
            places = self._places(text)
            if places is not None:
                return self._at(text, places) if places else iter(())
        return self._scan(text, args) if self.opens(text) else iter(())

    def matches(self, text: str, *args: int) -> Iterator[re.Match[str]]:
        """``finditer`` for a text known to open the gate (a ``Table`` row)."""
        if self.starts and not args:
            places = self._places(text)
            if places is not None:
                return self._at(text, places)
        return self._scan(text, args)

    def _scan(self, text: str, args: tuple[int, ...]) -> Iterator[re.Match[str]]:
        """``finditer`` from the first place a match can start."""
        at = self._start(text, args)
        return iter(()) if at is None else self.regex.finditer(text, *at)

    def _at(self, text: str, places: list[int]) -> Iterator[re.Match[str]]:
        """``finditer`` trying the pattern only at ``places``: the engine would try every place
        in turn and go on after each match's end, and a match starts only at one of these
        (its matches are never empty)."""
        match = self.regex.match
        end = 0
        for p in places:
            if p >= end:
                m = match(text, p)
                if m is not None:
                    end = m.end()
                    yield m

    def findall(self, text: str, *args: int) -> list[Any]:
        if not self.opens(text):
            return []
        at = self._start(text, args)
        return [] if at is None else self.regex.findall(text, *at)

    def sub(self, repl: Any, text: str, count: int = 0) -> str:
        return self.regex.sub(repl, text, count) if self.opens(text) else text

    def split(self, text: str, maxsplit: int = 0) -> list[Any]:
        return self.regex.split(text, maxsplit) if self.opens(text) else [text]


_UNKNOWN: Any = object()
_digits_of: tuple[Any, list[int]] = (None, [])  # the focused text, where its digits stand


def _digits(text: str) -> list[int]:
    """Where the digits of ``text`` (the focused sentence) stand, found once for it."""
    global _digits_of
    last = _digits_of
    if last[0] is text:
        return last[1]
    found = [m.start() for m in DIGIT.finditer(text)]
    _digits_of = (text, found)
    return found


def _engine_skips(regex: re.Pattern[str]) -> bool:
    """Whether the engine skips ahead by itself: the pattern opens with a literal or a class."""
    try:
        tree = P.parse(regex.pattern, regex.flags)
    except Exception:  # pragma: no cover - it compiled
        return False
    flags = tree.state.flags
    return bool(RC._get_literal_prefix(tree, flags)[0] or RC._get_charset_prefix(tree, flags))
_NOWHERE: list[int] = []
SKIP_FROM = 32  # characters: in a shorter text the scan costs less than a second search


# ---- skip: where a match can start -----------------------------------------------------------
# The engine skips ahead by itself only for a pattern that opens with a literal or a plain class
# of characters; one that opens with a word boundary, a lookbehind, an alternation of words or a
# case-insensitive letter is tried at every position of the text. Its first characters can be
# read from the pattern: "[first characters](?<=(?=PATTERN).)" finds the first place where the
# pattern matches, trying it only where one of them stands (the class lets the engine skip; the
# lookbehind steps back over that one character to try the pattern from it), and the search
# proper starts there. Under IGNORECASE a letter's class holds every character the engine takes
# for it: both cases and those ``re`` folds to it (Kelvin sign, long s, dotted and dotless i).
_CASE_EXTRA = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}
_CATEGORIES = {C.CATEGORY_DIGIT: r"\d", C.CATEGORY_NOT_DIGIT: r"\D", C.CATEGORY_SPACE: r"\s",
               C.CATEGORY_NOT_SPACE: r"\S", C.CATEGORY_WORD: r"\w", C.CATEGORY_NOT_WORD: r"\W"}


class _Anywhere(Exception):
    """A match may start with any character (or one this reading does not follow)."""


def _first_char(code: int, flags: int, out: set[str]) -> None:
    ch = chr(code)
    if not flags & re.IGNORECASE or ch.lower() == ch.upper():
        out.add(ch)
    elif ch.isascii():
        low = ch.lower()
        out.update(low, low.upper(), _CASE_EXTRA.get(low, ""))
    else:
        raise _Anywhere  # a cased letter beyond ASCII: not followed


def _firsts(items: Any, flags: int, out: set[str]) -> bool:
    """Adds to ``out`` every character a match of ``items`` (a sequence) can start with, or class
    escapes ("\\d"); returns whether the sequence can match the empty string."""
    for op, av in items:
        if op is C.LITERAL:
            _first_char(av, flags, out)
            return False
        if op is C.IN:
            for o, a in av:
                if o is C.LITERAL:
                    _first_char(a, flags, out)
                elif o is C.RANGE and a[1] - a[0] <= 256:
                    for code in range(a[0], a[1] + 1):
                        _first_char(code, flags, out)
                elif o is C.CATEGORY and a in _CATEGORIES:
                    out.add(_CATEGORIES[a])
                else:
                    raise _Anywhere  # a negated class, a wide range
            return False
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue  # zero-width: the next item starts the match
        if op is C.SUBPATTERN:
            _group, add, remove, sub = av
            if not _firsts(sub, (flags | add) & ~remove, out):
                return False
        elif op is C.ATOMIC_GROUP:
            if not _firsts(av, flags, out):
                return False
        elif op is C.BRANCH:
            empty = False
            for alternative in av[1]:
                empty |= _firsts(alternative, flags, out)
            if not empty:
                return False
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            empty = _firsts(av[2], flags, out)
            if av[0] > 0 and not empty:
                return False
        else:
            raise _Anywhere  # any character, a negated literal, a group reference
    return True


def skipper(regex: re.Pattern[str]) -> re.Pattern[str] | None:
    """The pattern whose first match starts where ``regex``'s first match starts, found by trying
    ``regex`` only where one of its first characters stands; None when the engine skips ahead by
    itself (or tries one position: "^..."), or a match can start anywhere (or be empty).

    >>> skipper(re.compile(r"\\bclos(?:e|ed)\\b")).search("we closed").start()
    3
    >>> skipper(re.compile(r"\\d(?:st|nd)")) is None  # the engine skips to the digits itself
    True
    """
    if _anchored(regex):
        return None  # the engine tries one position
    try:
        tree = P.parse(regex.pattern, regex.flags)
    except Exception:  # pragma: no cover - it compiled
        return None
    flags = tree.state.flags
    if RC._get_literal_prefix(tree, flags)[0] or RC._get_charset_prefix(tree, flags):
        return None
    out: set[str] = set()
    try:
        if _firsts(tree.data, flags, out):
            return None
    except _Anywhere:
        return None
    chars = "".join(sorted(c if len(c) == 2 else f"\\U{ord(c):08x}" for c in out))
    end = "\n" if regex.flags & re.VERBOSE else ""  # the pattern may end in a comment
    try:
        return re.compile(f"(?-i:[{chars}])(?<=(?=(?:{regex.pattern}{end}))(?s:.))", regex.flags)
    except re.error:  # pragma: no cover - a pattern with global flags inside
        return None


def _anchored(regex: re.Pattern[str]) -> bool:
    """Whether every match starts at the beginning of the text ("^..." without MULTILINE): the
    engine tries one position, so a gate saves nothing."""
    if regex.flags & re.MULTILINE:
        return False
    try:
        tree = P.parse(regex.pattern, regex.flags).data
    except Exception:  # pragma: no cover - it compiled
        return False
    return bool(tree) and tree[0][0] is C.AT and tree[0][1] in (C.AT_BEGINNING, C.AT_BEGINNING_STRING)


def solid_width(regex: re.Pattern[str]) -> int | None:
    """The most characters other than whitespace that a match of ``regex`` holds; None when there
    is no such bound (a repeat without end of anything but whitespace, a group reference).

    >>> solid_width(re.compile(r"(?:Mon|Tuesday)\\.?,?\\s+\\d{1,2}"))
    11
    """
    try:
        return _solid(P.parse(regex.pattern, regex.flags).data)
    except Exception:  # pragma: no cover - it compiled
        return None


_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)


def _solid(items: Any) -> int | None:
    total = 0
    for op, av in items:
        width: int | None
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            width = 0  # zero-width
        elif op in (C.LITERAL, C.NOT_LITERAL, C.ANY, C.IN):
            width = 1
        elif op is C.SUBPATTERN:
            width = _solid(av[-1])
        elif op is C.ATOMIC_GROUP:
            width = _solid(av)
        elif op is C.BRANCH:
            widths = [_solid(alt) for alt in av[1]]
            width = None if None in widths else max(w for w in widths if w is not None)
        elif op in _REPEATS:
            low, high, sub = av
            if list(sub) == [(C.IN, [(C.CATEGORY, C.CATEGORY_SPACE)])]:
                width = 0  # "\\s*", "\\s+": whitespace only, however long
            else:
                inner = _solid(sub)
                width = None if inner is None or high is C.MAXREPEAT else high * inner
        else:
            return None
        if width is None:
            return None
        total += width
    return total


def gated(pattern: str, flags: int = 0) -> Gated:
    """``re.compile`` with a gate (see ``Gated``)."""
    return Gated(re.compile(pattern, flags))


# The same sentence is tested by dozens of gates in a row: it is folded (and searched for a
# digit) once, for the last text seen. The caches below are tuples replaced whole, never changed
# in place, so a thread always reads one consistent state (and at worst tests a text again).
_last: tuple[Any, str, bool | None] = (None, "", None)  # a text, folded, whether it has a digit


def _folded(text: str) -> str:
    global _last
    last = _last
    if last[0] is text:
        return last[1]
    low = fold(text)
    _last = (text, low, None)
    return low


def _has_digit(text: str) -> bool:
    global _last
    last = _last
    if last[0] is text and last[2] is not None:
        return last[2]
    digit = DIGIT.search(text) is not None
    _last = (text, last[1] if last[0] is text else fold(text), digit)
    return digit


def _always(text: str) -> bool:
    return True


def _gate(need: Need, pos: int | None) -> Callable[[str], bool]:
    """The test a text must pass for a pattern of this need to be tried (the cheapest form).
    ``pos``: the gate's place in the registry (a text focused before the gate was made cannot
    answer for it)."""
    if need is None or pos is None:
        return _always
    words = frozenset(need - {DIGIT_NEED})
    digit = DIGIT_NEED in need
    if not words:
        return _has_digit
    if len(words) == 1:
        (word,) = words
        contains: Callable[[str], bool] = lambda low: word in low
    else:
        find = re.compile(trie(words)).search  # one pass in C: 2-3x faster than a test per word
        contains = lambda low: find(low) is not None

    def opens(text: str) -> bool:
        focused = _focus
        if pos < focused[2]:
            if focused[0] is text:
                return pos in focused[1] or digit and _has_digit(text)
            if not digit and pos not in focused[1] and text in focused[0]:
                return False  # a part of the focused sentence, which the gate's strings are not in
        return contains(_folded(text)) or digit and _has_digit(text)
    return opens


Row = TypeVar("Row", bound=tuple[Any, ...])


class Table(Generic[Row]):
    """Rows tried on one text in turn, each ending with its pattern (a lexicon table such as
    ``(unit, pattern)``): ``open(text)`` says which of them can match, without a call per
    pattern when the text is focused."""

    def __init__(self, rows: Iterable[Row]):
        self.rows = tuple(rows)
        self._items = tuple((row, row[-1].pos, row[-1].digit) for row in self.rows)
        self._last = max((pos for _row, pos, _digit in self._items if pos is not None), default=-1)

    def open(self, text: str) -> list[Row]:
        """The rows whose patterns' gates open for ``text``, in order."""
        focused = _focus
        if focused[0] is text and self._last < focused[2]:
            opened = focused[1]
            return [row for row, pos, digit in self._items
                    if pos is None or pos in opened or digit and _has_digit(text)]
        return [row for row in self.rows if row[-1].opens(text)]


# ---- focus: the sentence being read is asked about by a hundred gates ----------------------
_registry: list[frozenset[str]] = []  # the strings of every gate made so far, by its pos
_starts_registry: list[frozenset[str]] = []  # the strings every match of that gate starts with (or none)
_registering = threading.Lock()  # a gate's pos is its place in _registry
# a text, the gates (pos) its strings open, the gates asked, where in it each gate's matches can
# start (None when its folded form does not keep the text's places)
_focus: tuple[Any, frozenset[int] | set[int], int, dict[int, list[int]] | None] = (None, frozenset(), 0, None)
_finder: tuple[int, Any] = (0, None)  # gates it knows, the automaton of their strings
REBUILD_AFTER = 32  # new gates (patterns compiled where they are used, on first use); a build takes ~10 ms


def focus(text: str) -> None:
    """Find in one pass which gates the strings in ``text`` open, and where the matches of the
    gates that know their first strings (``starts``) can start; until the next call, every gate
    asked about this very text answers from that set (a set test instead of a search), and those
    gates try their patterns only at those places.

    >>> g = gated(r"\\brecord\\b", re.I)
    >>> focus("A RECORD close"); bool(g.search("A RECORD close"))
    True
    """
    global _focus
    known, finder = _finder
    if finder is None or len(_registry) - known >= REBUILD_AFTER:
        known, finder = _build_finder()  # a gate made since is tested on its own until then
    opened: set[int] = set()
    places: dict[int, list[int]] = {}
    low = _folded(text)
    for end, (gates, first_of, length) in finder.iter(low) if finder is not None else ():
        opened |= gates
        for pos in first_of:
            places.setdefault(pos, []).append(end - length + 1)
    for found in places.values():
        if len(found) > 1:
            found.sort()  # reported by where each string ends
    _focus = (text, opened, known, places if len(low) == len(text) and _aligned(text, low) else None)


def _aligned(text: str, low: str) -> bool:
    """Whether each character of ``text`` folded to one character of ``low`` (as every ASCII
    character and Hangul syllable does), so that a place in one is the same place in the other."""
    return text.isascii() or len(text.casefold()) == len(text)


def _build_finder() -> tuple[int, Any]:
    """The one-pass finder: an Aho-Corasick automaton of every gate string, each opening the
    gates that need it; it reports every occurrence of every string (inside or overlapping
    others too) in one pass over the text, 4x faster than the regular expression of a trie that
    did this before."""
    global _finder
    import ahocorasick  # pyahocorasick: imported where extraction starts, not by the read commands

    with _registering:
        registry, firsts = list(_registry), list(_starts_registry)
    by_word: dict[str, tuple[set[int], set[int]]] = {}
    for pos, words in enumerate(registry):
        for w in words:
            by_word.setdefault(w, (set(), set()))[0].add(pos)
        for w in firsts[pos]:
            by_word.setdefault(w, (set(), set()))[1].add(pos)
    finder = ahocorasick.Automaton()
    for w, (gates, first_of) in by_word.items():
        finder.add_word(w, (frozenset(gates), tuple(sorted(first_of)), len(w)))
    finder.make_automaton()
    _finder = (len(registry), finder if by_word else None)  # an automaton without words cannot search
    return _finder


def trie(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words``, written as a trie: at each position the
    engine follows one branch per character instead of trying every word.

    >>> trie(["close", "closing", "end"])
    '(?:clos(?:e|ing)|end)'
    """
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def emit(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return body if "" not in node else "(?:" + body + ")?"
    return emit(root)


# ---- the functions of ``re``, gated: for patterns written where they are used -----------------
_cache: dict[tuple[str, int], Gated] = {}


def compiled(pattern: str, flags: int = 0) -> Gated:
    """The gated pattern, compiled once (as ``re`` caches its own)."""
    try:
        return _cache[pattern, flags]
    except KeyError:
        g = _cache[pattern, flags] = gated(pattern, flags)
        return g


def search(pattern: str, text: str, flags: int = 0) -> re.Match[str] | None:
    return compiled(pattern, flags).search(text)


def match(pattern: str, text: str, flags: int = 0) -> re.Match[str] | None:
    return compiled(pattern, flags).match(text)


def fullmatch(pattern: str, text: str, flags: int = 0) -> re.Match[str] | None:
    return compiled(pattern, flags).fullmatch(text)


def finditer(pattern: str, text: str, flags: int = 0) -> Iterator[re.Match[str]]:
    return compiled(pattern, flags).finditer(text)


def findall(pattern: str, text: str, flags: int = 0) -> list[Any]:
    return compiled(pattern, flags).findall(text)


def sub(pattern: str, repl: Any, text: str, count: int = 0, flags: int = 0) -> str:
    return compiled(pattern, flags).sub(repl, text, count)


def split(pattern: str, text: str, maxsplit: int = 0, flags: int = 0) -> list[Any]:
    return compiled(pattern, flags).split(text, maxsplit)
