"""Extraction: article text → ``Mention`` records (meaning known, dates still phrases).

Each sentence is read as a set of *figures* (numbers with units), *entities* (what a figure is
about) and *cues* (direction, level type, time, date). A figure belongs to the nearest entity
before it in its clause ("respectively" and "each" pair lists); its meaning follows from the
entity type, the unit and the nearest cue. The word lists live in ``kospitl.lexicon``.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime

from kospitl import gate
from kospitl import lexicon as L
from kospitl.articles import Article
from kospitl.dates import after_the_bell, find_dates, find_times
from kospitl.pubtime import latest_day, zone_hours
from kospitl.errors import Problem
from kospitl.records import Mention
from kospitl.text import paragraphs, sentences
from kospitl.extraction.reading import INDEX_RANGES, Entity, Sentence, _read
from kospitl.extraction.context import Context, _Emitter, _consistent_extremes, _day_key, _is_intraday_report, _settle_records
from kospitl.extraction.attach import _pair, _possessive
from kospitl.extraction.meaning import _interpret
from kospitl.extraction.special import _breadth, _ranges, _reference_closes, _skip_noise_figures, _unchanged
from kospitl.extraction.milestones import _figure_after, _milestones
from kospitl.extraction.timing import _exclusive
from kospitl.extraction import tables


def extract(article: Article) -> tuple[list[Mention], list[Problem]]:
    """All mentions in the article, and the problems met while reading it."""
    mentions: list[Mention] = []
    problems: list[Problem] = []
    intraday = _is_intraday_report(article)
    for sec in article.sections:
        if sec.kind in ("sources", "footer", "furniture"):
            continue
        if sec.kind == "body":
            narrative = any(x.kind in ("sources", "timeline", "related") for x in article.sections)
            ctx = Context(intraday_report=intraday, narrative=narrative)
            paras = paragraphs(article.text, sec.start, sec.end)
            found, table_rows, titled_rows = tables.find(article, paras, "intraday" if intraday else "close")
            entry: str | None = None  # the stamp of a live entry printed on a line of its own
            last_end = sec.start
            for para in paras:
                if BLANK_LINE.search(article.text, last_end, para[0]):
                    ctx.block_won, ctx.block_scale = False, 1  # a declared currency holds to the end of its block
                last_end = para[1]
                if para in table_rows or _stamp_only(article, para):
                    continue  # the page's own date lines ("Last Updated: Jan 22, 2026 at 1:32 a.m. EST")
                line = article.text[para[0]:para[1]]
                if L.WON_BLOCK.match(line):
                    ctx.block_won = True
                unit = L.KO_UNIT_BLOCK.search(line)
                if unit and not any(ch.isdigit() for ch in line):
                    ctx.block_won, ctx.block_scale = True, KO_UNITS[unit["u"]]  # "[수급: 유가증권시장, 억원]"
                if SEPARATOR.fullmatch(line):
                    entry = None
                    continue
                header = ENTRY_HEADER.fullmatch(line)
                if header:
                    entry = _clock_as_of(header, _new_york_shift(article.doc_date) if (header["tz"] or "").upper() in
                                         ("ET", "EDT", "EST") else 0)
                    continue
                listed = _line_date(line, article.doc_date) if LISTED_HEADLINE.match(line) and \
                    SHORT_LINE_DATE.search(line) else None
                if listed is not None:  # "4 [마감시황] 코스피, 2557.98 마감…외인 6일 연속 '팔자' (03.28)"
                    item = Context(intraday_report=False, base=listed)
                    for span in sentences(article.text, para):
                        found += _sentence(article, span, item, problems)
                    problems += item.problems
                    continue
                ctx.para_date = None
                ctx.para_lead, ctx.para_first = None, True
                entry = _entry_time(line) or entry  # "[13:40] 외국인 순매도…": the entry runs to the next stamp
                ctx.para_time = entry
                title = titled_rows.get(para)
                for span in sentences(article.text, para):
                    read = _sentence(article, span, ctx, problems)
                    found += read if title is None else [m if m.date_ref else replace(m, date_ref=title) for m in read]
            found = _consistent_extremes(found)
            mentions += found + _settle_records(found, ctx, article.doc_date)
            problems += ctx.problems
        else:  # related articles and timeline: one claim per line, dated by the line
            for para in paragraphs(article.text, sec.start, sec.end):
                line = article.text[para[0]:para[1]]
                base = _line_date(line, article.doc_date)
                if base is None:
                    continue
                ctx = Context(intraday_report=False, base=base)
                for span in sentences(article.text, para):
                    mentions += _sentence(article, span, ctx, problems)
                problems += ctx.problems
    return mentions, problems



SINCE_AFTER = re.compile(r"\s*(?:\([^)]{0,20}\))?\s*(?:이후|이래|만에|만의)")


def _stamp_only(article: Article, para: tuple[int, int]) -> bool:
    """A line whose every digit belongs to one of the page's date stamps."""
    stamps = [(a, b) for a, b in article.stamp_lines if para[0] <= a < para[1]]
    if not stamps:
        return False
    text = article.text
    return not any(text[i].isdigit() and not any(a <= i < b for a, b in stamps) for i in range(para[0], para[1]))


def _line_date(line: str, doc: date | None) -> date | None:
    """The day a related-list line is about: its full date ("(2025-04-04)"), or its month and
    day ("(11월 21일)", "(Jun 19)") in the latest year that puts it on or before the article's
    date; None when the line has neither (it is nobody's claim) or the article has no date."""
    short = SHORT_LINE_DATE.search(line)  # a portal's "(04.21)" after the headline
    if short and doc is not None:
        return latest_day(doc, int(short["m"]), int(short["d"]))
    for d in find_dates(line):
        if d.form not in ("full", "monthday") or (d.form == "monthday" and doc is None):
            continue
        year = d.year or doc.year  # type: ignore[union-attr]
        try:
            day = date(year, d.month or 0, d.day or 0)
            if d.form == "monthday" and day > doc:  # type: ignore[operator]
                day = date(year - 1, d.month or 0, d.day or 0)
        except ValueError:
            continue
        return day
    return None


# a ranked or bulleted headline in the body, dated by its portal's "(03.28)": a list item, not the story
LISTED_HEADLINE = re.compile(r"\s*(?:\d{1,2}\s+|[▶▷·•*-]\s*)\S")
SHORT_LINE_DATE = re.compile(r"\((?P<m>0?[1-9]|1[0-2])[./](?P<d>0?[1-9]|[12]\d|3[01])\)\s*$")

MAX_SENTENCE = 2000  # characters; news sentences are far shorter, so longer runs are not prose


def _sentence(article: Article, span: tuple[int, int], ctx: Context, problems: list[Problem]) -> list[Mention]:
    text = article.text[span[0]:span[1]]
    if len(text) > MAX_SENTENCE:
        problems.append(Problem("too-long", f"a {len(text):,}-character run without a sentence end was not read",
                                article.line_of(span[0]), text[:200], "warning"))
        return []
    s = _read(text, span[0])
    if ctx.block_won:  # "Foreign  +1,394.5bn" under "investor flows (KRW)"
        investors = any(e.type == "investor" for e in s.entities)
        for f in s.figures:
            if f.unit == "amount":
                f.unit = "won"
            elif f.unit == "num" and ctx.block_scale > 1 and investors:  # "외국인 +3,250" under "[수급, 억원]"
                f.unit, f.value = "won", f.value * ctx.block_scale
    declared = L.KO_UNIT_BLOCK.search(s.text)
    if declared:  # "■ 프로그램 매매 (KOSPI, 억원): 차익 -312 / …": the line's own unit for its bare numbers
        for f in s.figures:
            if f.unit == "num" and f.start >= declared.end():
                f.unit, f.value = "won", f.value * KO_UNITS[declared["u"]]
    _market_by_level(s, ctx)
    out: list[Mention] = []
    emit = _Emitter(article, s, ctx, out)
    owners: dict[int, list[Entity]] = {}
    if s.figures:  # the stages that only read figures
        _figures_of(s, ctx, emit, owners)
    _milestones(s, ctx, emit, owners)
    _unchanged(s, ctx, emit)
    if L.DAYS_HIGH.search(s.text):
        ctx.pending.append(("day_high", _day_key(s.dates)))  # "kept building on its gains to finish at the day's high"
    _update_context(s, ctx, out)
    return out


def _market_by_level(s: Sentence, ctx: Context) -> None:
    """"The Kosdaq was up 0.45 percent at 1,129.97. On Wednesday, the index rose ... to close at a
    record 5,531.08": "the index" is the one whose levels in this article are near the sentence's,
    not the one named last."""
    if not any(e.type == "index_ref" for e in s.entities) or any(e.type == "index" for e in s.entities):
        return
    known = ctx.levels.get(ctx.market)
    for f in s.figures:
        lo, hi = INDEX_RANGES.get(ctx.market, (0, 10**9))
        if f.unit == "num" and not lo <= f.value <= hi and INDEX_RANGES["KOSPI"][0] <= f.value <= INDEX_RANGES["KOSPI"][1]:
            ctx.market = "KOSPI"  # "지수는 ... 5418.33에서 출발해" after a Kosdaq line: no Kosdaq level
            return
        if f.unit != "num" or known is None or abs(float(f.value) / known - 1) <= 0.3:
            continue
        near = [m for m, v in ctx.levels.items() if m != ctx.market and abs(float(f.value) / v - 1) <= 0.1]
        if len(near) == 1:
            ctx.market = near[0]
            return


def _figures_of(s: Sentence, ctx: Context, emit: _Emitter, owners: dict[int, list[Entity]]) -> None:
    """What the sentence's figures state, each through the entity it belongs to (``owners``)."""
    _skip_noise_figures(s)
    # reference closes first: "the previous session's close of 1,449.8", "Wednesday's record close of 3,657.28"
    _reference_closes(s, emit)
    _breadth(s, emit)
    _ranges(s, ctx, emit)
    for m in L.PREVIOUS_RECORD.finditer(s.text):
        target = _figure_after(s, m.end(), len(s.text), 60)
        if target is not None:
            target.used = target.reserved = True  # a record of another day, settled by _milestones
    for ci in range(len(s.clauses)):
        figs = [f for f in s.figures if s.clauses[ci][0] <= f.start < s.clauses[ci][1]]
        for fig, ent in _pair(s, ci, figs, ctx):
            if ent is not None:
                owners.setdefault(id(fig), []).append(ent)
    for fig in s.figures:
        if fig.used:
            continue
        for ent in owners.get(id(fig), []):
            _interpret(s, fig, ent, ctx, emit)


def _update_context(s: Sentence, ctx: Context, out: list[Mention]) -> None:
    # "On Wednesday, the index rose ...": a sentence that opens with its day dates the paragraph's sentences after it
    lead = [d for d in s.dates if not d.comparison and d.form in ("weekday", "monthday", "full", "previous", "today")
            and gate.fullmatch(r"\s*(?:On\s+|As of\s+|In Seoul,?\s+)?", s.text[:d.start], re.I)
            and not SINCE_AFTER.match(s.text, d.end) and not (s.korean and _exclusive(s, d))]
    if lead and out and not L.FLASHBACK.search(s.text):  # "On Sept. 29 it had finished at ...": a flashback
        ctx.para_lead = None if lead[0].form == "today" else replace(lead[0], start=0, end=0)
    elif ctx.para_first or (s.times and any(t.form == "clock" for t in s.times)):
        ctx.para_lead = None  # a new paragraph, or a clock of today's session, ends it
    ctx.para_first = False
    named = [d for d in s.dates if not d.comparison and d.form in ("full", "monthday", "weekday", "daynum")
             and not SINCE_AFTER.match(s.text, d.end)]  # "4월 7일(-5.57%) 이후 최대 낙폭": a day to measure from
    if named and not L.FLASHBACK.search(s.text):
        ctx.para_date = replace(named[-1], start=0, end=0)
    clocks = [t for t in s.times if t.form in ("clock", "first_minutes") and t.as_of != "close"
              and not after_the_bell(t.as_of)]
    if L.HALT_EVENT.search(s.text) or L.HALTED.search(s.text):
        halts = [t for t in find_times(s.text) if t.form == "clock"]  # dropped as snapshots (reading)
        ctx.halt_time = halts[0].as_of if halts else ctx.halt_time
    as_ofs = {m.as_of for m in out if m.kind != "milestone"}
    ctx.prev_as_of = next(iter(as_ofs)) if len(as_ofs) == 1 else None
    if clocks:
        ctx.carry_time = clocks[-1].as_of
        ctx.carry_left = 10_000 if ctx.intraday_report else 1
        ctx.carry_kinds = {m.kind for m in out if m.as_of == ctx.carry_time}
    elif ctx.carry_left > 0:
        ctx.carry_left -= 1
    elif any(t.form == "close" for t in s.times):
        ctx.carry_time = None
    if s.entities and s.entities[0].type == "index" and not _possessive(s, s.entities[0]):
        ctx.market = s.entities[0].subject  # "the index" in what follows means this one
    ctx.prev_entities = s.entities or ctx.prev_entities
    ctx.prev_out = list(out) if s.figures else ctx.prev_out
    for m in out:
        if m.kind == "index" and m.metric in ("close", "level", "open", "high", "low") and m.date_ref is None:
            ctx.levels[m.subject] = m.value


ENTRY_TIME = re.compile(r"^\s*(?P<bullet>[■□▶▷●○◆◇▪•]\s*)?\[?(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)\s*(?:(?P<ap>[ap]\.?m\.?)\s*)?(?:KST\s*)?"
                        r"(?:\]\s*|[\u2014\u2013-]|(?(bullet)\s|(?!)))", re.I)  # "■ 14:10 낙폭을 일부 만회했다": a bullet's clock
# a live blog's entry stamp on a line of its own ("11:20 a.m.", "3:30 p.m. | CLOSE", "[14:10]"),
# and the rule between entries
# a live blog's entry stamp on a line of its own: "10:32", "[13:40]", "8:50 a.m. KST", "9:05 a.m. KST (8:05
# p.m. ET Mon.)", "Mon., 9:35 p.m. ET" (New York's evening, Seoul's morning), "3:30 p.m. KST / 2:30 a.m. ET"
ENTRY_HEADER = re.compile(r"""[^\w\d\[]* (?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s*)? \[?
    (?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)\s*(?P<ap>[ap]\.?m\.?)?\s*(?P<tz>KST|ET|EDT|EST)?\s*\]?\s*
    (?:(?:\(|/)\s*[^()\n]{0,30}\)?)?\s* (?:\|?\s*[A-Za-z가-힣 ]{0,20})?\s*""", re.I | re.X)
SEPARATOR = re.compile(r"\s*[-=_*\u2014\u2500]{3,}\s*")
BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _entry_time(paragraph: str) -> str | None:
    """A live-update entry's time stamp ("10:32 KST —"): the as_of of its figures; an entry
    headed as the open or the close ("[09:01] 🔔 개장", "[15:36] 🏁 마감") holds those."""
    g = GMT_ENTRY.match(paragraph)  # Dow Jones' Market Talk: "0212 GMT - Korean stocks edge lower ..."
    if g:
        h, mi = (int(g["h"]) + 9) % 24, int(g["mi"])
        return "close" if (h, mi) >= (15, 30) else f"{h:02d}:{mi:02d}"
    m = ENTRY_TIME.match(paragraph)
    rest = paragraph[m.end():] if m else ""
    if m and not any(ch.isdigit() for ch in rest):
        if ENTRY_OPEN.search(rest):
            return "open"
        if ENTRY_CLOSE.search(rest):
            return "close"
    return _clock_as_of(m)


GMT_ENTRY = re.compile(r"^\s*(?P<h>[01]\d|2[0-3]):?(?P<mi>[0-5]\d)\s*(?:GMT|UTC)\s*[-\u2013\u2014]")
KO_UNITS = {"억원": 10**8, "조원": 10**12, "십억원": 10**9, "백만원": 10**6}
ENTRY_OPEN = re.compile(r"개장|장 시작|시초가|\bopen(?:ing|s)?\b|\bat the open\b", re.I)
ENTRY_CLOSE = re.compile(r"마감|장 마감|\bclos(?:e|ing)\b", re.I)


def _clock_as_of(m: re.Match[str] | None, shift: int = 0) -> str | None:
    """A stamp's clock as an as_of in Seoul time, ``shift`` hours after the clock printed."""
    if not m:
        return None
    h, mi = int(m["h"]), int(m["mi"])
    if (m["ap"] or "").lower().startswith("p") and h < 12:
        h += 12
    elif (m["ap"] or "").lower().startswith("a") and h == 12:
        h = 0
    h = (h + shift) % 24
    return "close" if (h, mi) >= (15, 30) else f"{h:02d}:{mi:02d}"


def _new_york_shift(day: date | None) -> int:
    """Hours from New York's clock to Seoul's on ``day``: 13 in U.S. daylight time, else 14."""
    return 9 - zone_hours("ET", datetime(day.year, day.month, day.day, 12)) if day is not None else 14
