"""Gated patterns (kospitl.gate): a gate only ever skips texts in which its pattern cannot match."""
from __future__ import annotations

import importlib
import pkgutil
import re
import string
import sys

import pytest
from hypothesis import given, settings, strategies as st

import kospitl
from kospitl.gate import DIGIT_NEED, Gated, focus, fold, gated, needs
from conftest import ROOT, bundled_sentences



def _all_gated() -> list[tuple[str, Gated]]:
    """Every gated pattern kospitl defines at module level, in tables or alone."""
    out: dict[int, tuple[str, Gated]] = {}

    def walk(name: str, value: object) -> None:
        if isinstance(value, Gated):
            out.setdefault(id(value), (name, value))
        elif isinstance(value, tuple):
            for i, item in enumerate(value):
                walk(f"{name}[{i}]", item)

    for mod in pkgutil.walk_packages(kospitl.__path__, "kospitl."):
        if mod.name.endswith("__main__"):
            continue
        module = importlib.import_module(mod.name)
        for attr, value in vars(module).items():
            walk(f"{mod.name}.{attr}", value)
    return sorted(out.values(), key=lambda nv: nv[0])


GATED = _all_gated()


NEEDS = [
    # (pattern, flags, the strings one of which every match holds)
    (r"\brecord(?: high| close)?\b|사상 최고", re.I, {"record", "사상 최고"}),
    (r"(?P<n>\d+)\s*(?:%|percent|pct)", 0, {"%", "percent", "pct"}),
    (r"(?:points?|pts?)\b", re.I, {"point", "pt"}),  # the parser's shared "p" is put back
    (r"\bthe (?:U\.S\. |US )?(?:dollar|greenback)\b", re.I, {"dollar", "greenback"}),
    (r"\b(?:three|3)[-\s](?:year|yr)\b", re.I, {"year", "yr"}),
    (r"\b(?:that|the same) (?:day|session)\b", 0,
     {"that day", "that session", "the same day", "the same session"}),
    (r"KOSPI", 0, {"kospi"}),  # folded: the text is folded too
    (r"\d+(?:st|nd)", 0, {"st", "nd"}),
    (r"\d{1,2}:\d\d", 0, {":"}),
    (r"\d+", 0, {DIGIT_NEED}),
    (r"\b\w+\b", 0, None),  # nothing certain
    (r"(?:record|)\s+", 0, None),  # one branch may be empty
    (r"x?y*", 0, None),
]


@pytest.mark.parametrize("pattern,flags,expected", NEEDS)
def test_needs(pattern: str, flags: int, expected: set[str] | None) -> None:
    got = needs(pattern, flags)
    assert (None if got is None else set(got)) == expected


@pytest.mark.parametrize("letter", string.ascii_letters)
def test_fold_meets_every_case_insensitive_match(letter: str) -> None:
    """Each character that ``re.IGNORECASE`` lets an ASCII letter match folds to that letter, so a
    folded literal is in the folded text wherever the pattern matches (Kelvin sign, long s,
    dotted and dotless i)."""
    everything = "".join(map(chr, range(0x110000))).replace("\n", "")
    for ch in set(re.findall(re.escape(letter), everything, re.I)):
        assert fold(ch) == fold(letter), (letter, hex(ord(ch)))


def test_every_gate_is_derived() -> None:
    """Most patterns get a gate; the count keeps a change that loses them from passing unseen."""
    gated_count = sum(1 for _, g in GATED if g.need is not None)
    assert len(GATED) > 100 and gated_count > 0.8 * len(GATED)


def test_gates_change_no_result_on_the_bundled_articles() -> None:
    """On every sentence and sentence end kospitl reads, each gated pattern finds exactly what the
    bare pattern finds."""
    texts = list(bundled_sentences())
    texts += [t[i:] for t in texts[::7] for i in (len(t) // 2, len(t) - 20) if i > 0]
    assert len(texts) > 1000
    for name, g in GATED:
        for text in texts:
            assert [m.span() for m in g.finditer(text)] == [m.span() for m in g.regex.finditer(text)], (name, text)


WORDS = sorted({w for _, g in GATED if g.need for w in g.need if w != DIGIT_NEED})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(WORDS).map(str.upper), st.text(max_size=4),
                          st.sampled_from([" ", ", ", "'s ", "3", "1,234.5", "\u0130", "\u017f", "\u212a"])),
                max_size=12))
def test_gates_never_hide_a_match(parts: list[str]) -> None:
    """Texts made of the gates' own words, in any case, and odd characters: same results."""
    text = "".join(parts)
    for name, g in GATED:
        assert (g.search(text) is None) == (g.regex.search(text) is None), (name, text)


def test_gated_behaves_as_a_pattern() -> None:
    g = gated(r"\bclos(?:e|ed)\b", re.I)
    assert g.search("It CLOSED higher")[0] == "CLOSED"
    assert g.search("It rose") is None and list(g.finditer("It rose")) == []
    assert g.findall("close, closed") == ["close", "closed"]
    assert g.sub("X", "closed at 5") == "X at 5" and g.sub("X", "rose") == "rose"
    assert g.match("closed") and g.fullmatch("close") and not g.fullmatch("rose")
    assert g.pattern == r"\bclos(?:e|ed)\b" and g.flags & re.I


def test_focus_answers_as_the_patterns_do() -> None:
    """With the sentence focused (one pass for every gate), and with a gate made after the focus
    (it cannot answer from it), results are those of the bare patterns."""
    texts = bundled_sentences()[::3]
    for text in texts:
        focus(text)
        for name, g in GATED:
            assert (g.search(text) is None) == (g.regex.search(text) is None), (name, text)
    text = "Kospi reclaims 3,000 for first time in three and a half years"
    focus(text)
    late = gated(r"first time in (?:\w+\s+){0,4}years? and a half")  # made after the focus
    assert late.search(text) is None and late.regex.search(text) is None
    late = gated(r"first time in (?:\w+\s+){0,4}years")
    assert late.search(text) is not None


STARTS = [
    # (pattern, flags, the strings one of which every match starts with)
    (r"\bclos(?:e|ed)\b|(?:South )?Korean stocks|[▲△]", re.I, {"close", "korean stocks", "south korean stocks", "▲", "△"}),
    (r"(?<!U\.S\. )\b(?:three|3)[-\s](?:year|yr)\b", re.I, {"three", "3"}),  # zero-width items first count for nothing
    (r"(?:\band|\bor|,)\s+$", 0, {"and", "or", ","}),
    (r"KOSPI\s?200 futures", 0, {"kospi"}),  # up to the first item that is not a fixed string
    (r"(?:record|all-time) high(?:s)?", 0, {"record high", "all-time high"}),  # the shorter of two that start alike
    (r"\d+ points", 0, {"\x00\\d"}),  # a digit: any digit of the text (gate.DIGIT_START)
    (r"[a-z]+ points|\bup\b", 0, None),  # a class: anywhere
    (r"(?:South )?\w+", 0, None),  # an optional opening: the match may start with what follows
    (r"(?P<sign>(?<!\w)[-+])?\d+%", 0, {"-", "+", "\x00\\d"}),  # an optional fixed opening, or what follows it
    (r"(?:the\s+)?(?:won|dollar)", 0, {"the", "won", "dollar"}),
    (r"(?:the\s+)?\w+", 0, None),
    (r"^record", 0, None),  # anchored: one place to try anyway
    (r"^\s*(?:Week|YTD):|\bweekly\b", 0, {"\x00^", "weekly"}),  # "^" in a branch: the text's start (gate.TEXT_START)
    (r"^\s*|\bweekly\b", 0, None),  # a branch that may match nothing at the start
    (r"^\s*(?:Week|YTD):|\bweekly\b", re.M, None),  # "^" after every line break
]


@pytest.mark.parametrize("pattern,flags,expected", STARTS)
def test_starts(pattern: str, flags: int, expected: set[str] | None) -> None:
    from kospitl.gate import starts

    got = starts(re.compile(pattern, flags))
    assert (None if got is None else set(got)) == expected


def test_focused_matches_are_the_patterns_matches() -> None:
    """The gates that try their patterns only where focus() found their first strings find every
    match the bare pattern finds, in order, on every bundled sentence, in upper case and with
    characters that fold to more than one (the places are then not used)."""
    texts = list(bundled_sentences()[::2])
    texts += [t.upper() for t in texts[::5]] + [t.replace("the", "th\u0130 ") for t in texts[::5]]
    texts += ["Stra\u00dfe KOSPI rose 1.2% to 2,500.12", "\u212aOSPI 200 futures CLO\u017fED higher, up 3 points"]
    texts += ["Week: KOSPI +1.2% (+30.5p)", "  YTD: 12.5%, 3거래일 동안 -2.5%", "12 3 45,678.9 -1 +2 ▲3 10:30 2026"]
    placed = [(name, g) for name, g in GATED if g.starts]
    assert len(placed) > 50
    for text in texts:
        focus(text)
        for name, g in placed:
            want = [m.span() for m in g.regex.finditer(text)]
            assert [m.span() for m in g.finditer(text)] == want, (name, text)
            assert [m.span() for m in g.matches(text)] == want, (name, text)
            found = g.search(text)
            assert (found and found.span()) == (want[0] if want else None), (name, text)


def test_parts_of_the_focused_sentence_answer_as_the_patterns_do() -> None:
    """A part of the focused sentence (the words before a figure, a clause) is closed to a gate
    the sentence is closed to, without a look of its own; a part that is not a part is asked on
    its own (an upper-case copy, a word from elsewhere)."""
    texts = bundled_sentences()[1::3]
    for text in texts:
        focus(text)
        parts = [text[i:j] for i, j in ((0, len(text) // 2), (len(text) // 3, len(text)), (5, 45))]
        parts += [text.upper()[:40], text[:20] + " record high milestone 1,234 won"]
        for name, g in GATED:
            for part in parts:
                assert (g.search(part) is None) == (g.regex.search(part) is None), (name, part)


def test_tables_open_every_pattern_that_matches() -> None:
    """A table (patterns tried in turn on one text) names, focused or not, every pattern that
    matches the text; the focused answer is the same as asking each gate."""
    from kospitl import dates, lexicon
    tables = [(lexicon.ENTITY_TABLE, lexicon.ENTITY_PATTERNS), (lexicon.FIGURE_TABLE, lexicon.FIGURE_PATTERNS),
              (dates.DATE_TABLE, dates.DATE_PATTERNS), (dates.TIME_TABLE, dates.TIME_PATTERNS)]
    for text in bundled_sentences()[::2]:
        for table, rows in tables:
            matching = [row for row in rows if row[-1].regex.search(text)]
            unfocused = table.open((" " + text)[1:])  # an equal text that is not the focused one
            focus(text)
            focused = table.open(text)
            assert focused == unfocused and set(matching) <= set(focused), text


def test_extraction_in_threads_is_extraction_alone() -> None:
    """The gates' caches are shared by the threads of a process: articles read in four threads at
    once give what each gives read alone."""
    from concurrent.futures import ThreadPoolExecutor

    from kospitl.articles import read_text
    from kospitl.ingest import prepare

    paths = sorted(ROOT.glob("data/samples/*.txt")) + sorted(ROOT.glob("tests/corpus/**/*.txt"))[:20]
    texts = [(str(p), read_text(p)) for p in paths]

    def observations(item: tuple[str, str]) -> list[object]:
        return prepare(item[0], item[1], None).observations

    alone = [observations(t) for t in texts]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible: races show
    try:
        with ThreadPoolExecutor(4) as pool:
            for _ in range(3):
                assert list(pool.map(observations, texts * 2)) == alone * 2
    finally:
        sys.setswitchinterval(interval)


def test_skips_start_where_the_patterns_match() -> None:
    """Each pattern's skip (the first characters a match can start with) finds its first match
    where the pattern does, on every bundled sentence and whole article; the patterns the engine
    skips through by itself, or that may start anywhere, have none."""
    from kospitl.gate import skipper

    articles = [p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("data/samples/*.txt"))]
    texts = list(bundled_sentences()[::2]) + articles  # every sentence: test_gates_change_no_result...
    skipped = 0
    for name, g in GATED:
        skip = skipper(g.regex)
        if skip is None:
            continue
        skipped += 1
        for text in texts:
            m, s = g.regex.search(text), skip.search(text)
            assert (m and m.start()) == (s and s.start()), (name, text)
    assert skipped > 50
    assert skipper(re.compile(r"\d(?:st|nd)")) is None and skipper(re.compile(r"^record")) is None
    assert skipper(re.compile(r"\b(?:a|b)?")) is None and skipper(re.compile(r"\b.x")) is None


def test_skip_meets_every_case_insensitive_match() -> None:
    """The first characters of a case-insensitive pattern hold every character ``re.IGNORECASE``
    lets its letter match, in either case (Kelvin sign, long s, dotted and dotless i)."""
    from kospitl.gate import skipper

    everything = "".join(map(chr, range(0x110000))).replace("\n", "")
    lettered = set(re.findall("[a-z]", everything, re.I))  # every character like an ASCII letter
    assert len(lettered) > 52
    for letter in string.ascii_letters:
        skip = skipper(re.compile(rf"\b{letter}\d", re.I))
        for ch in lettered:
            if re.fullmatch(letter, ch, re.I):
                assert skip is not None and skip.search(f"{ch}1"), (letter, hex(ord(ch)))
