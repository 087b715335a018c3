"""Extraction: article text → ``Mention`` records (meaning known, dates still phrases).

Each sentence is read as a set of *figures* (numbers with units), *entities* (what a figure is
about) and *cues* (direction, level type, time, date). A figure belongs to the nearest entity
before it in its clause ("respectively" and "each" pair lists); its meaning follows from the
entity type, the unit and the nearest cue. The word lists live in ``kospitl.lexicon``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any
from datetime import date
from decimal import Decimal

from kospitl import lexicon as L
from kospitl import tickers
from kospitl.articles import Article
from kospitl.dates import DAY_AFTER, DateRef, TimeRef, find_dates, find_times
from kospitl.errors import Problem
from kospitl.numbers import NumberError, decimals, parse_korean, parse_number, scale_en
from kospitl.records import Mention
from kospitl.text import clauses, paragraphs, sentences

HANGUL = re.compile(r"[\uac00-\ud7a3]")
INDEX_RANGES = {"KOSPI": (300, 20000), "KOSDAQ": (200, 5000), "KOSPI200": (50, 3000)}
FX_RANGE = (700, 2500)
MAX_PRICE = 50_000_000
MIN_FLOW = 1_000_000  # flows are stated in millions at least


@dataclass
class Figure:
    unit: str
    value: Decimal
    start: int  # relative to the sentence
    end: int
    text: str
    approx: bool = False
    sign: int = 0  # explicit sign printed with the number
    used: bool = False
    reserved: bool = False  # a reference to another day's close or record

    @property
    def dec(self) -> int:
        return decimals(self.text)

    @property
    def quantum(self) -> float:
        """The value of the last digit printed: 0.01 for "3,549.21", 1e12 for "2 trillion won"."""
        t = self.text
        ko = re.findall(r"[조억만]", t)
        if ko and not re.search(r"[조억만]\s*\d[\d,]*\s*[천백십]?\s*원?$", t) and not re.search(r"[천백십]\d", t):
            return {"조": 1e12, "억": 1e8, "만": 1e4}[ko[-1]]
        m = re.search(r"\b(thousand|million|billion|trillion|bn|tn|mln)\b", t, re.I)
        scale = {"thousand": 1e3, "million": 1e6, "mln": 1e6, "billion": 1e9, "bn": 1e9,
                 "trillion": 1e12, "tn": 1e12}[m[1].lower()] if m else 1.0
        return scale * 10.0 ** -self.dec


@dataclass
class Entity:
    type: str
    subject: str
    start: int
    end: int


@dataclass
class Sentence:
    text: str
    offset: int  # of the sentence in the article text
    korean: bool
    figures: list[Figure]
    entities: list[Entity]
    dates: list[DateRef]
    times: list[TimeRef]
    clauses: list[tuple[int, int]]


@dataclass
class Context:
    """What carries from sentence to sentence within one section."""

    intraday_report: bool
    base: date | None = None  # the date of a Related/Timeline line
    market: str = "KOSPI"
    carry_time: str | None = None
    carry_left: int = 0
    prev_entities: list[Entity] = field(default_factory=list)
    pending: list[tuple[str, Any]] = field(default_factory=list)  # records stated without a figure
    carry_kinds: set[str] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)
    narrative: bool = False  # aggregator pages: a sentence without a date is about the last one named
    para_date: DateRef | None = None
    prev_as_of: str | None = None


def extract(article: Article) -> tuple[list[Mention], list[Problem]]:
    """All mentions in the article, and the problems met while reading it."""
    mentions: list[Mention] = []
    problems: list[Problem] = []
    intraday = _is_intraday_report(article)
    title = article.title or ""
    for sec in article.sections:
        if sec.kind in ("sources", "footer"):
            continue
        if sec.kind == "body":
            narrative = any(x.kind in ("sources", "timeline", "related") for x in article.sections)
            ctx = Context(intraday_report=intraday, narrative=narrative)
            found: list[Mention] = []
            for para in paragraphs(article.text, sec.start, sec.end):
                ctx.para_date = None
                for span in sentences(article.text, para):
                    found += _sentence(article, span, ctx, problems)
            mentions += found + _settle_records(found, ctx, article.doc_date)
            problems += ctx.problems
        else:  # related articles and timeline: one claim per line, dated by the line
            for para in paragraphs(article.text, sec.start, sec.end):
                line = article.text[para[0]:para[1]]
                dates = [d for d in find_dates(line) if d.form == "full"]
                if not dates:
                    continue
                try:
                    base = date(dates[0].year or 0, dates[0].month or 0, dates[0].day or 0)
                except ValueError:
                    continue
                ctx = Context(intraday_report=False, base=base)
                for span in sentences(article.text, para):
                    mentions += _sentence(article, span, ctx, problems)
                problems += ctx.problems
    return mentions, problems


def _settle_records(found: list[Mention], ctx: Context, doc: date | None) -> list[Mention]:
    """"Stocks surged ... to close at an all-time high": the record is the session's close."""
    out = []
    for metric, day in dict.fromkeys(ctx.pending):
        if metric == "day_high":
            closes = [m for m in found if m.kind == "index" and m.subject == "KOSPI" and m.metric == "close"
                      and _same_session(m, day, doc)]
            if closes:
                out.append(replace(closes[0], metric="high", rule="index.high_at_close"))
            continue
        level = "close" if metric == "record_close" else "high"
        cands = [m for m in found if m.kind == "index" and m.subject == "KOSPI" and m.metric == level
                 and _same_session(m, day, doc)]
        if cands:
            out.append(replace(cands[0], kind="milestone", metric=metric, as_of="close", approx=False,
                               rule=f"milestone.{metric}"))
    return out


def _day_key(dates: list[DateRef]) -> Any:
    """The most specific day a sentence names: (month, day), a weekday, or None."""
    named = [d for d in dates if not d.comparison]
    for forms in (("full", "monthday"), ("daynum",), ("weekday",)):
        for d in named:
            if d.form in forms:
                return (d.month, d.day) if d.form in ("full", "monthday") else (None, d.day) if d.form == "daynum" else d.weekday
    return None


def _same_session(m: Mention, day: Any, doc: date | None = None) -> bool:
    """A mention about the day a sentence named (or, with none named, the report's own day)."""
    if m.shift != 0 or (m.date_ref is not None and m.date_ref.form == "previous"):
        return False
    if day is None:
        return m.date_ref is None or m.date_ref.form in ("today", "daynum")
    if m.date_ref is None:  # the report's own day: does the sentence name it?
        return doc is not None and day in ((doc.month, doc.day), (None, doc.day), doc.weekday())
    return m.date_ref is not None and _day_key([m.date_ref]) in (day, (None, day[1]) if isinstance(day, tuple) else day)


def _title_in_body(article: Article, title: str) -> bool:
    return title[:40] in article.text


def _is_intraday_report(article: Article) -> bool:
    if any(s.kind in ("sources", "timeline", "related") for s in article.sections):
        return False  # digests and aggregators sum up finished sessions
    pub = article.published_at
    if pub is not None:
        return (9, 0) <= (pub.hour, pub.minute) < (15, 30)
    # no clock: a report whose opening sentences speak of the open or a time, not the close
    body = next((s for s in article.sections if s.kind == "body"), None)
    if body is None:
        return False
    head = article.text[body.start:body.start + 700]
    times = find_times(head)
    has_time = any(t.form in ("clock", "press", "open", "intraday", "first_minutes") for t in times)
    has_close = any(t.form == "close" for t in times) or any(t.as_of == "close" for t in times if t.form == "clock")
    return has_time and not has_close


# ---- reading a sentence -----------------------------------------------------------------

def _read(text: str, offset: int) -> Sentence:
    dates = find_dates(text)
    times = [t for t in find_times(text) if not (t.form == "clock" and L.NOISE_CLOCK.search(text[:t.start]))]
    masked: list[tuple[int, int]] = [(d.start, d.end) for d in dates if re.search(r"\d", d.text)]
    masked += [(t.start, t.end) for t in times if t.form in ("clock", "first_minutes")]
    masked += [m.span() for m in L.NOT_FIGURES.finditer(text)]
    figures = _figures(text, masked)
    entities = _entities(text)
    return Sentence(text, offset, bool(HANGUL.search(text)), figures, entities, dates, times,
                    clauses(text))


def _figures(text: str, masked: list[tuple[int, int]]) -> list[Figure]:
    taken = list(masked)
    out: list[Figure] = []
    for unit, pat in L.FIGURE_PATTERNS:
        for m in pat.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            taken.append((s, e))
            if unit in ("usd", "pp"):
                continue
            fig = _figure(unit, m, text)
            if fig is not None:
                out.append(fig)
    out.sort(key=lambda f: f.start)
    for f in out:
        if f.unit == "pct" and L.PCT_OF_NOUN.match(text[f.end:f.end + 20]):
            f.used = True  # "a 25% tariff": not a market move
        if f.unit != "pt":
            continue
        before = text[max(0, f.start - 40):f.start]
        if L.THRESHOLD_BEFORE.search(before) and f.value % 100 == 0:
            f.unit = "threshold"
        elif re.search(r"\b(?:of|at|to)\s+$", before) and f.dec > 0 and f.value > 100:
            f.unit = "num"  # "an intraday peak of 4,611.72 points"
    return out


def _figure(unit: str, m: re.Match[str], text: str) -> Figure | None:
    g = m.groupdict()
    raw = g.get("n") or m.group()
    try:
        if re.search(r"[조억만천백십]", raw):
            value = parse_korean(raw)
        elif g.get("ko"):
            value = parse_korean(raw + g["ko"])
        else:
            value = parse_number(raw.replace(" ", ""))
    except NumberError:
        return None
    value = scale_en(value, g.get("scale"))
    sign = -1 if g.get("sign") in ("-", "\u2212") else 0
    before = text[max(0, m.start() - 30):m.start()]
    approx = bool(L.HEDGES.search(before) or L.HEDGES_AFTER.match(text[m.end():m.end() + 6]))
    return Figure(unit, value, m.start(), m.end(), m.group(), approx=approx, sign=sign)


def _entities(text: str) -> list[Entity]:
    out: list[Entity] = []
    taken: list[tuple[int, int]] = []
    for s, e, code in tickers.find(text):
        out.append(Entity("company", code, s, e))
        taken.append((s, e))
    for m in L.TICKER_CODE.finditer(text):
        if not any(m.start() < te and ts < m.end() for ts, te in taken):
            out.append(Entity("company", m[1], m.start(), m.end()))
            taken.append(m.span())
    for etype, subject, pat in L.ENTITY_PATTERNS:
        for m in pat.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            out.append(Entity(etype, subject, s, e))
            taken.append((s, e))
    for m in L.UNKNOWN_COMPANY.finditer(text):
        s, e = m.span(1)
        name = m[1]
        if any(s < te and ts < e for ts, te in taken) or L.NOT_COMPANY_WORDS.match(name) \
                or L.TICKER_CODE.match(text[e:e + 12].lstrip()):
            continue
        out.append(Entity("unknown", name, s, e))
        taken.append((s, e))
    for m in L.KO_UNKNOWN_COMPANY.finditer(text):
        s, e = m.span(1)
        if any(s < te and ts < e for ts, te in taken) or L.KO_NOT_COMPANY.match(m[1]):
            continue
        out.append(Entity("unknown", m[1], s, e))
        taken.append((s, e))
    out.sort(key=lambda x: x.start)
    # "Samsung Electronics' market value", "its market capitalization": a single stock's value
    return out


# ---- interpreting a sentence --------------------------------------------------------------

def _sentence(article: Article, span: tuple[int, int], ctx: Context, problems: list[Problem]) -> list[Mention]:
    text = article.text[span[0]:span[1]]
    s = _read(text, span[0])
    out: list[Mention] = []
    emit = _Emitter(article, s, ctx, out)
    _skip_noise_figures(s)
    # reference closes first: "the previous session's close of 1,449.8", "Wednesday's record close of 3,657.28"
    _reference_closes(s, emit)
    _breadth(s, emit)
    _ranges(s, ctx, emit)
    for m in L.PREVIOUS_RECORD.finditer(s.text):
        target = _figure_after(s, m.end(), len(s.text), 60)
        if target is not None:
            target.used = target.reserved = True  # a record of another day, settled by _milestones
    owners: dict[int, list[Entity]] = {}
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
    _milestones(s, ctx, emit, owners)
    _unchanged(s, ctx, emit)
    if L.DAYS_HIGH.search(s.text):
        ctx.pending.append(("day_high", _day_key(s.dates)))  # "kept building on its gains to finish at the day's high"
    _update_context(s, ctx, out)
    return out


def _unchanged(s: Sentence, ctx: Context, emit: _Emitter) -> None:
    """"Shipbuilder HD Hyundai Heavy Industries closed unchanged": a change of 0 percent."""
    for m in L.UNCHANGED_QUOTE.finditer(s.text):
        before = [e for e in s.entities if e.end <= m.start()]
        if not before or before[-1].type != "company":
            continue
        if any(before[-1].end <= f.start < m.start() for f in s.figures):
            continue
        fig = Figure("pct", Decimal(0), m.start(), m.end(), m.group())
        emit.add(fig, "quote", before[-1].subject, "change_pct", _as_of_for(s, fig, ctx, "company"),
                 Decimal(0), "quote.unchanged", date_ref=_date_for(s, fig)[0])


def _skip_noise_figures(s: Sentence) -> None:
    """Forecast clauses, and figures tied to a multi-session span, are not facts."""
    for cs, ce in s.clauses:
        if L.FORECAST.search(s.text[cs:ce]):
            for f in s.figures:
                if cs <= f.start < ce and f.unit != "threshold":
                    f.used = True
    for m in L.MULTI_DAY.finditer(s.text):
        ci = _clause_of(s, m.start())
        cs, ce = s.clauses[ci]
        before = [f for f in s.figures if cs <= f.start and f.end <= m.start() and f.unit not in ("threshold",)]
        after = [f for f in s.figures if m.end() <= f.start < ce and f.unit not in ("threshold",)]
        if before:
            before[-1].used = True
        elif after:
            after[0].used = True
        if any(f.used and f.unit == "won" for f in before[-1:] + after[:1]):
            for f in s.figures:  # "dumped about 11 trillion won over the five sessions, while retail bought 12.6 trillion"
                if f.unit == "won" and f.value >= 10**9 and not any(_bound_figure(s, d) is f for d in s.dates):
                    f.used = True


def _update_context(s: Sentence, ctx: Context, out: list[Mention]) -> None:
    named = [d for d in s.dates if not d.comparison and d.form in ("full", "monthday", "weekday", "daynum")]
    if named:
        ctx.para_date = replace(named[-1], start=0, end=0)
    clocks = [t for t in s.times if t.form in ("clock", "first_minutes") and t.as_of != "close"]
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


def _pair(s: Sentence, ci: int, figs: list[Figure], ctx: Context) -> list[tuple[Figure, Entity | None]]:
    """Which entity each figure of a clause is about.

    A group of entities ("individuals and institutions", "HD Hyundai Heavy Industries and
    Hanwha Ocean") followed by as many figures of one unit pairs them in order, with or
    without "respectively"; "each" gives one figure to every member.
    """
    cs, ce = s.clauses[ci]
    clause = s.text[cs:ce]
    ents = s.entities
    paired: dict[int, Entity] = {}
    seen: set[int] = set()
    for first in figs:
        group = _group_before(s, first.start, ents)
        if len(group) < 2 or id(group[-1]) in seen:
            continue
        seen.add(id(group[-1]))
        nxt = min([e.start for e in ents if e.start >= first.start] + [ce])
        run = [f for f in figs if group[-1].end <= f.start < nxt]
        explicit = bool(L.RESPECTIVELY.search(s.text[group[0].start:]))
        for unit in dict.fromkeys(f.unit for f in run):
            same = [f for f in run if f.unit == unit and f.unit in _units_for(group[0].type)]
            n = len(group)
            if same and (len(same) == n or (explicit and len(same) % n == 0)):
                for i, f in enumerate(same):
                    paired[id(f)] = group[i % n]
    out: list[tuple[Figure, Entity | None]] = []
    for f in figs:
        if id(f) in paired:
            out.append((f, paired[id(f)]))
            continue
        ent = _nearest(s, f, ents, ctx)
        group = _group_before(s, f.start, ents)
        if ent is not None and len(group) > 1 and L.EACH.search(s.text[group[-1].end:f.start]):
            out.extend((f, g) for g in group)  # "Samsung and SK hynix ... each rose about 1 percent"
            continue
        if ent is not None and ent.type == "investor" and len(group) > 1:
            out.append((f, None))  # "foreigners and institutions bought 881.9 billion won": combined
            continue
        out.append((f, ent))
    return out


def _units_for(etype: str) -> tuple[str, ...]:
    return {"investor": ("won", "amount"), "company": ("pct", "won"), "index": ("pct", "pt", "num"),
            }.get(etype, ("won", "pct", "num", "amount"))  # noqa: E501


def _group_before(s: Sentence, pos: int, ents: list[Entity]) -> list[Entity]:
    """The run of same-type entities joined by "and"/","/"과" that ends nearest before ``pos``."""
    before = [e for e in ents if e.end <= pos and e.type != "noise"]
    if not before:
        return []
    last = before[-1]
    group = [last]
    for e in reversed(before[:-1]):
        gap = s.text[e.end:group[0].start]
        if e.type == last.type and e.subject not in {g.subject for g in group} and re.fullmatch(r"\s*(?:,|and|, and|과|와|,\s*and|및|·)?\s*(?:the\s+|its\s+|rival\s+)?[\w\s-]{0,25}?\s*", gap) and len(gap) < 40 \
                and not re.search(r"\d|\bwhile\b|\bbut\b", gap):
            group.insert(0, e)
        else:
            break
    return group


def _possessive(s: Sentence, e: Entity) -> bool:
    """"the Kospi's gains": an entity named as an owner, not as what a figure is about."""
    return bool(re.match(r"(?:'s|\u2019s|')\s+(?!market|total|combined|balance|close|record|previous)[a-z]", s.text[e.end:e.end + 12]))


def _nearest(s: Sentence, f: Figure, ents: list[Entity], ctx: Context) -> Entity | None:
    cs, ce = s.clauses[_clause_of(s, f.start)]
    before = [e for e in ents if e.end <= f.start and (e.type != "noise" or e.start >= cs)]
    strong = [e for e in before if not _possessive(s, e)]
    if strong:
        before = strong
    if before:
        return _concrete(before[-1], ctx)
    # "After opening 0.8 percent higher at 1,174.27, the index ...": the subject comes later
    ci = _clause_of(s, f.start)
    after = [e for e in ents if f.end <= e.start < ce and e.type in ("index", "index_ref")]
    if after and s.clauses[ci][0] == 0:
        return _concrete(after[0], ctx)
    # nothing before it: "This 0.84% jump ...", "It peaked at ..." continue the last sentence's topic
    if ctx.prev_entities and not any(e.end <= f.start for e in ents):
        e = ctx.prev_entities[-1]
        if e.type in ("index", "index_ref", "won", "dollar", "mcap", "margin") or (s.korean and e.type == "company"):
            return _concrete(Entity(e.type, e.subject, -1, -1), ctx)
    if f.unit == "shares":
        return Entity("index", "KOSPI", -1, -1)
    return None


def _concrete(e: Entity, ctx: Context) -> Entity:
    if e.type == "index_ref":
        return Entity("index", ctx.market or "KOSPI", e.start, e.end)
    return e


class _Emitter:
    def __init__(self, article: Article, s: Sentence, ctx: Context, out: list[Mention]) -> None:
        self.article, self.s, self.ctx, self.out = article, s, ctx, out
        self.pending = ctx.pending

    def problem(self, code: str, message: str, fig: Figure) -> None:
        start = self.s.offset + fig.start
        self.ctx.problems.append(Problem(code, message, self.article.line_of(start), self.s.text, "warning"))

    def add(self, fig: Figure, kind: str, subject: str, metric: str, as_of: str, value: Decimal,
            rule: str, *, date_ref: DateRef | None = None, shift: int = 0, own_date: bool = False,
            approx: bool | None = None) -> None:
        s = self.s
        if date_ref is None and self.ctx.narrative and self.ctx.para_date is not None:
            date_ref = self.ctx.para_date
        self.out.append(Mention(
            kind=kind, subject=subject, metric=metric, as_of=as_of, value=float(value),
            approx=fig.approx if approx is None else approx,
            start=s.offset + fig.start, end=s.offset + fig.end,
            sent_start=s.offset, sent_end=s.offset + len(s.text), rule=rule, decimals=fig.dec, quantum=fig.quantum,
            date_ref=date_ref, base=self.ctx.base, shift=shift, needs_own_date=own_date))
        fig.used = True


# ---- dates and times for one figure ---------------------------------------------------------

def _clause_of(s: Sentence, pos: int) -> int:
    for i, (cs, ce) in enumerate(s.clauses):
        if cs <= pos < ce:
            return i
    return len(s.clauses) - 1


BINDING_GAP = re.compile(r"[\s,)]*(?:\w+\s+){0,2}?(?:set |reached |hit |recorded )?(?:on|at|in)?\s*(?:the\s+)?", re.I)


def _exclusive(s: Sentence, d: DateRef) -> bool:
    """"3,486.19 set on Sept. 23": the date belongs to that figure alone (not "... on Feb. 2,")."""
    f = _bound_figure(s, d)
    if f is None:
        return False
    if s.korean:
        return True
    return bool(re.search(r"\b(?:set|reached|hit|recorded|touched|seen)\b", s.text[f.end:d.start])) \
        or d.form == "previous"


def _bound_figure(s: Sentence, d: DateRef) -> Figure | None:
    """The figure a date phrase directly follows ("3,486.19 set on Sept. 23"), if any; in
    Korean the figure it modifies ("11월 4일 세운 장중 사상 최고치(4,226.75)")."""
    if s.korean:
        after = [f for f in s.figures if f.start >= d.end]
        if after and len(s.text[d.end:after[0].start]) < 30 and \
                re.match(r"\s*(?:에\s*)?(?:세운|기록한|의|기준)", s.text[d.end:after[0].start]):
            return after[0]
    before = [f for f in s.figures if f.end <= d.start]
    if not before:
        return None
    f = before[-1]
    gap = s.text[f.end:d.start]
    if len(gap) <= 22 and BINDING_GAP.fullmatch(gap) and not re.search(r"\b(?:from|than|since)\b", gap):
        return f
    return None


def _date_for(s: Sentence, fig: Figure) -> tuple[DateRef | None, int]:
    """The date phrase a figure belongs to, and a session shift ("a day after ...", "the following day")."""
    ref, shift = _date_phrase_for(s, fig)
    if ref is not None and ref.form == "following":
        anchors = [d for d in s.dates if d.end <= ref.start and d.form not in ("following", "previous")]
        if anchors:
            return replace(anchors[-1], comparison=False), shift + 1
    return ref, shift


def _date_phrase_for(s: Sentence, fig: Figure) -> tuple[DateRef | None, int]:
    ci = _clause_of(s, fig.start)
    cs, ce = s.clauses[ci]
    shift = 0
    # "N set on DATE", "N on DATE", "(N) on DATE" bind the figure directly
    for d in s.dates:
        if not d.comparison and _bound_figure(s, d) is fig:
            return d, shift
    own = [d for d in s.dates if cs <= d.start < ce and not d.comparison and not _exclusive(s, d)
           and (d.form != "previous" or not any(cs <= g.start < d.start for g in s.figures))]
    for d in own:  # "ended the previous session at 3,549.2": a date just before the figure
        if d.end <= fig.start and re.fullmatch(r"[\s,]*(?:at|was|of|:)?\s*", s.text[d.end:fig.start]):
            return d, shift
    if DAY_AFTER.search(s.text[cs:ce]) and fig.start > DAY_AFTER.search(s.text[cs:ce]).start() + cs:  # type: ignore[union-attr]
        shift = -1
    if own:
        before = [d for d in own if d.start < fig.start]
        return (before[-1] if before else own[0]), shift
    clause = s.text[cs:ce]
    if re.match(r"\s*,?\s*(?:when|while|whereas|and|but)\b", clause) and ci > 0:
        ps, pe = s.clauses[ci - 1]
        when = bool(re.match(r"\s*,?\s*when\b", clause))
        prev = [d for d in s.dates if ps <= d.start < pe and (not d.comparison or when)
                and (d.form != "previous" or when)]
        if prev:
            return prev[-1], shift
    # a date phrase opening the sentence ("On the 2nd, ...", "As of Monday, ...") covers it all
    lead = [d for d in s.dates if not d.comparison and d.start < s.clauses[0][1]
            and re.fullmatch(r"[^\d]*", s.text[:d.start]) and d.start < 40]
    if lead and ci > 0:
        return lead[0], shift
    if lead and ci == 0:
        return lead[0], shift
    # a milestone sentence that says "a day earlier" anywhere
    return None, shift


KIND_OF_ENTITY = {"index": "index", "index_ref": "index", "company": "quote", "investor": "flow",
                  "won": "fx", "dollar": "fx", "bond": "rate", "margin": "indicator", "mcap": "indicator"}


def _as_of_for(s: Sentence, fig: Figure, ctx: Context, etype: str = "") -> str:
    """When in the session a figure holds: a clock in its clause (the nearest one), else the
    open/close/intraday word governing it, else what the context carries, else the report's
    default (close for a closing report, intraday for a report written during the session)."""
    ci = _clause_of(s, fig.start)
    cs, ce = s.clauses[ci]
    in_clause = [t for t in s.times if cs <= t.start < ce]
    gap_start = max([cs] + [f.end for f in s.figures if f.end <= fig.start] +
                    [e.end for e in s.entities if e.end <= fig.start])
    own = [t for t in in_clause if gap_start <= t.start and t.end <= fig.start and t.form in ("open", "close")]
    if own:  # "After opening 0.8 percent higher": the word governing the figure itself
        return own[-1].as_of
    clocks = [t for t in in_clause if t.form in ("clock", "first_minutes", "press")]
    if clocks:
        return min(clocks, key=lambda t: min(abs(t.start - fig.end), abs(fig.start - t.end))).as_of
    before = [t for t in in_clause if t.end <= fig.start]
    if before:
        return before[-1].as_of
    # a word after the figure governs it only within its own phrase: up to the level it leads to
    later_levels = [f for f in s.figures if f.start >= fig.end and f.unit == "num"]
    limit = later_levels[0].end if later_levels and fig.unit != "num" else fig.end
    limit += 16 if s.korean else 2
    after = [t for t in in_clause if fig.end <= t.start <= limit]
    if after:
        return after[0].as_of
    if L.SAME_TIME.search(s.text) and ctx.carry_time:
        return ctx.carry_time
    if re.search(r"\balso\b", s.text) and ctx.prev_as_of and not s.times:
        return ctx.prev_as_of
    sent = [t for t in s.times if t.form in ("clock", "first_minutes", "open", "press", "intraday")
            and (t.form != "open" or re.match(r"\s*(?:[,.;]|$)", s.text[t.end:t.end + 2]))]
    if sent:
        return sent[0].as_of
    if any(t.form == "close" for t in s.times):
        return "close"
    if ctx.carry_time and ctx.carry_left > 0 and (ctx.intraday_report or KIND_OF_ENTITY.get(etype) in ctx.carry_kinds):
        return ctx.carry_time
    return "intraday" if ctx.intraday_report else "close"


# ---- meaning by entity type -----------------------------------------------------------------

def _sign_between(s: Sentence, start: int, fig: Figure, up: re.Pattern[str], down: re.Pattern[str]) -> int:
    """+1/-1 from the direction word nearest the figure: in Korean the verb after it; in
    English the word before it (after ``start``), then a word printed right after it
    ("1.35 won stronger", "(up 29.98%)"), then the nearest earlier word of its clause
    ("Hyundai Motor fell 2.58 percent ... and Kia 2.47 percent")."""
    if fig.sign:
        return fig.sign
    cs, ce = s.clauses[_clause_of(s, fig.start)]
    if s.korean:
        found = _nearest_match(s.text[fig.end:min(ce, fig.end + 40)], up, down, first=True)
        if found:
            return found
    found = _nearest_match(s.text[max(0, start):fig.start], up, down)
    if found:
        return found
    after = s.text[fig.end:fig.end + 30].lstrip(" ,(")
    if up.match(after):
        return 1
    if down.match(after):
        return -1
    return _nearest_match(s.text[cs:fig.start], up, down)


def _nearest_match(seg: str, up: re.Pattern[str], down: re.Pattern[str], first: bool = False) -> int:
    best, pos = 0, (len(seg) + 1 if first else -1)
    for sign, pat in ((1, up), (-1, down)):
        for m in pat.finditer(seg):
            if (m.start() < pos) if first else (m.start() > pos):
                best, pos = sign, m.start()
    return best


def _next_figure_start(s: Sentence, fig: Figure) -> int:
    later = [f.start for f in s.figures if f.start > fig.start]
    return min(later) if later else len(s.text)


def _prev_anchor(s: Sentence, fig: Figure, ent: Entity) -> int:
    """Where the words governing ``fig`` start: after the previous figure, or its entity."""
    base = ent.end if 0 <= ent.end <= fig.start else s.clauses[_clause_of(s, fig.start)][0]
    prev = [f.end for f in s.figures if f.end <= fig.start and f.start >= base]
    return max(prev) if prev else base


def _level_cue(s: Sentence, fig: Figure, ent: Entity, _depth: int = 0) -> str | None:
    """What a level is (open, close, high, low, level) from the words that govern it."""
    if s.korean:
        nxt = _next_figure_start(s, fig)
        seg = s.text[fig.end:nxt]
        for name, pat in L.LEVEL_CUES_AFTER:
            if pat.search(seg):
                return name
        if "장중" in s.text[max(ent.end, 0):fig.start][-12:]:
            return "high"
    anchor = max(_prev_anchor(s, fig, ent), 0)
    gap = s.text[anchor:fig.start]
    best_gap, best_pos = None, -1
    for name, pat in L.LEVEL_CUES_BEFORE:  # the cue nearest the figure governs it
        if not pat.search(gap):
            continue
        for m in _bare(pat).finditer(gap):
            if m.start() > best_pos:
                best_gap, best_pos = name, m.start()
    if best_gap:
        return best_gap
    # "opened 1.38 percent higher at 3,598.1": the verb before the change governs the level
    prev = [f for f in s.figures if f.end == anchor]
    if prev and _depth < 3 and re.fullmatch(r"[\s,)]*(?:or\s+)?(?:higher|lower|up|down)?\s*(?:at|to)\s*", gap, re.I):
        return _level_cue(s, prev[0], ent, _depth + 1)
    whole = s.text[max(ent.end, s.clauses[_clause_of(s, fig.start)][0], 0):fig.start]
    best, pos = None, -1
    for name, pat in L.LEVEL_CUES_BEFORE[:2]:  # a high or low named earlier in the clause
        for m in _bare(pat).finditer(whole):
            if m.start() > pos:
                best, pos = name, m.start()
    return best


@lru_cache(maxsize=None)
def _bare(pat: re.Pattern[str]) -> re.Pattern[str]:
    """A level cue without its "nothing but words up to the figure" tail, to find every match."""
    return re.compile(pat.pattern.replace(r"[^\d]*$", ""), pat.flags)


def _is_threshold(s: Sentence, fig: Figure, _depth: int = 0) -> bool:
    if fig.unit == "threshold":
        return True
    before = s.text[max(0, fig.start - 40):fig.start]
    if _depth < 3 and re.search(r"(?:\band|\bor|,)\s+$", before):
        prev = [g for g in s.figures if g.end <= fig.start and g.unit == fig.unit]
        if prev and re.fullmatch(r"\s*(?:,|and|or|, and)\s*", s.text[prev[-1].end:fig.start]) \
                and _is_threshold(s, prev[-1], _depth + 1):
            return True
    after = s.text[fig.end:fig.end + 25]
    if L.THRESHOLD_AFTER.search(after):
        return True
    if L.THRESHOLD_BEFORE.search(before):
        v = fig.value
        round_ = fig.dec == 0 or v == v.to_integral_value()
        if round_ and (v % 100 == 0 or (fig.unit in ("won", "amount") and v % 10**4 == 0)):
            return True
    return False


def _interpret(s: Sentence, fig: Figure, ent: Entity, ctx: Context, emit: _Emitter) -> None:
    t = ent.type
    if t in ("noise", "stock_mcap"):
        return
    if t == "unknown":
        emit.problem("unknown-company", f"unknown company '{ent.subject}': its {fig.text} is not stored "
                     "(add it to data/tickers.csv)", fig)
        fig.used = True
        return
    date_ref, shift = _date_for(s, fig)
    as_of = _as_of_for(s, fig, ctx, t)
    kw = dict(date_ref=date_ref, shift=shift)
    if t in ("turnover", "volume") and fig.unit == "won" and fig.value >= 10**9:
        emit.add(fig, "index", "KOSPI", "turnover", "close", fig.value, "index.turnover", **kw)
    elif t in ("turnover", "volume") and fig.unit == "shares":
        emit.add(fig, "index", "KOSPI", "volume", "close", fig.value, "index.volume", **kw)
    elif t in ("turnover", "volume"):
        return
    elif t == "index":
        _index(s, fig, ent, as_of, ctx, emit, kw)
    elif t == "company":
        _quote(s, fig, ent, as_of, ctx, emit, kw)
    elif t == "investor":
        _flow(s, fig, ent, as_of, ctx, emit, kw)
    elif t in ("won", "dollar"):
        _fx(s, fig, ent, as_of, emit, kw)
    elif t == "bond":
        _bond(s, fig, ent, as_of, emit, kw)
    elif t in ("margin", "mcap"):
        if fig.unit == "won" and fig.value >= 10**9 and not _is_threshold(s, fig):
            metric = "balance" if t == "margin" else "value"
            emit.add(fig, "indicator", ent.subject, metric, _indicator_as_of(as_of), fig.value, "indicator", **kw)
    elif t == "lending":
        pass  # handled through the company named with it (see _quote)


def _extreme_as_of(as_of: str, ctx: Context, kw: dict) -> str:
    """A high or low: the day's (close) in a closing report or for another day; during the
    session, the report's latest time (it only bounds the day's high from below)."""
    if re.fullmatch(r"\d\d:\d\d", as_of):
        return as_of
    if kw.get("date_ref") is not None and kw["date_ref"].form != "today":
        return "close"
    if not ctx.intraday_report:
        return "close"
    return ctx.carry_time or "intraday"


def _indicator_as_of(as_of: str) -> str:
    return as_of if re.fullmatch(r"\d\d:\d\d", as_of) else "close"


def _index(s: Sentence, fig: Figure, ent: Entity, as_of: str, ctx: Context, emit: _Emitter, kw: dict) -> None:
    subject = ent.subject
    if subject != "KOSPI" and fig.unit in ("won", "amount", "shares"):
        return
    if fig.unit == "shares":
        emit.add(fig, "index", "KOSPI", "volume", "close", fig.value, "index.volume", **kw)
        nxt = [g for g in s.figures if g.start >= fig.end and g.unit == "won" and g.value >= 10**9]
        if nxt and re.fullmatch(r"\s*\(?\s*(?:worth|valued at|,)?\s*", s.text[fig.end:nxt[0].start]):
            emit.add(nxt[0], "index", "KOSPI", "turnover", "close", nxt[0].value, "index.turnover", **kw)
        return
    prev_ref = L.PREV_CLOSE_AFTER.match(s.text[fig.end:fig.end + 60])
    if prev_ref and fig.unit in ("pt", "pct"):
        sign = -1 if re.match(r"below|lower|down", prev_ref["dir"], re.I) else 1
        metric = "change" if fig.unit == "pt" else "change_pct"
        emit.add(fig, "index", subject, metric, _change_as_of(as_of), sign * fig.value, f"index.{metric}", **kw)
        return  # "3.18 points above Wednesday's close": the change
    if fig.unit in ("pt", "pct") and L.DISTANCE_AFTER.match(s.text[fig.end:fig.end + 20]):
        return
    if fig.unit == "pt":
        sign = _sign_between(s, _prev_anchor(s, fig, ent), fig, L.UP, L.DOWN) or 1
        emit.add(fig, "index", subject, "change", _change_as_of(as_of), sign * fig.value, "index.change", **kw)
    elif fig.unit == "pct":
        sign = _sign_between(s, _prev_anchor(s, fig, ent), fig, L.UP, L.DOWN) or 1
        emit.add(fig, "index", subject, "change_pct", _change_as_of(as_of), sign * fig.value, "index.change_pct", **kw)
    elif fig.unit in ("num", "threshold"):
        lo, hi = INDEX_RANGES.get(subject, (0, 10**9))
        if not lo <= fig.value <= hi or _is_threshold(s, fig):
            return
        if fig.dec == 0 and fig.value % 100 == 0 and not fig.approx:
            return  # "the KOSPI 4600 breakthrough": a round level is a threshold, not a reading
        cue = _level_cue(s, fig, ent)
        if cue in (None, "level") and re.search(r"\b(?:to reach|reached|reaching)\s+$", s.text[max(0, fig.start - 20):fig.start]):
            cue = "high"  # "briefly trimmed its losses to reach 4,072.41"
        if cue in ("high", "low"):
            emit.add(fig, "index", subject, cue, _extreme_as_of(as_of, ctx, kw), fig.value, f"index.{cue}", **kw)
            return
        if cue == "open" or (cue in (None, "level") and as_of == "open"):
            emit.add(fig, "index", subject, "open", "open", fig.value, "index.open", **kw)
            return
        if cue == "close" and as_of in ("close", "open", "intraday") and not re.fullmatch(r"\d\d:\d\d", as_of):
            emit.add(fig, "index", subject, "close", "close", fig.value, "index.close", **kw)
            return
        if as_of == "close" and cue != "level":
            emit.add(fig, "index", subject, "close", "close", fig.value, "index.close", **kw)
            return
        emit.add(fig, "index", subject, "level", as_of if as_of != "close" else "intraday", fig.value, "index.level", **kw)
    elif fig.unit == "won" and fig.value >= 10**9:
        before = s.text[max(0, fig.start - 40):fig.start]
        if re.search(r"shares?\s*(?:\(\s*)?(?:worth|valued)|worth\s*$|\bturnover\b|거래대금", before, re.I):
            emit.add(fig, "index", "KOSPI", "turnover", "close", fig.value, "index.turnover", **kw)


def _change_as_of(as_of: str) -> str:
    return as_of


def _quote(s: Sentence, fig: Figure, ent: Entity, as_of: str, ctx: Context, emit: _Emitter, kw: dict) -> None:
    code = ent.subject
    lending = [e for e in s.entities if e.type == "lending"]
    if lending and fig.unit == "won" and fig.value >= 10**9:
        emit.add(fig, "indicator", f"stock_lending:{code}", "balance", "close", fig.value, "indicator.lending", **kw)
        return
    if as_of == "close" and re.search(r"\b(?:opened|at the open|at the start|started)\b", s.text[ent.start:], re.I):
        as_of = "open"
    if fig.unit == "pct":
        sign = _sign_between(s, _prev_anchor(s, fig, ent), fig, L.UP, L.DOWN)
        if sign == 0:
            sign = 1
        emit.add(fig, "quote", code, "change_pct", as_of, sign * fig.value, "quote.change_pct", **kw)
    elif fig.unit in ("won", "num") and 0 < fig.value < MAX_PRICE:
        if fig.unit == "num" and not re.match(r"\s*원", s.text[fig.end:fig.end + 2]):
            return
        if _is_threshold(s, fig):
            return
        cue = _level_cue(s, fig, ent)
        head = _list_head(s, fig)
        if cue is None and as_of != "close" and re.search(r"record highs? of\s*$", s.text[max(0, head.start - 30):head.start]):
            cue = "high"  # "hitting new record highs of 206,000 won" during the session
        metric = "high" if cue == "high" else "low" if cue == "low" else "price"
        if metric != "price":
            as_of = _extreme_as_of(as_of, ctx, kw)
        emit.add(fig, "quote", code, metric, as_of, fig.value, f"quote.{metric}", **kw)


def _flow(s: Sentence, fig: Figure, ent: Entity, as_of: str, ctx: Context, emit: _Emitter, kw: dict) -> None:
    if fig.unit != "won" or fig.value < MIN_FLOW:
        return
    seg = s.text[ent.start:fig.start]
    if re.search(r"KOSDAQ|Kosdaq|코스닥", s.text, re.I) and not re.search(r"KOSPI|Kospi|main board|유가증권|코스피", seg):
        return
    if ctx.market == "KOSDAQ" and L.MARKET_THERE.search(s.text):
        return
    cs, ce = s.clauses[_clause_of(s, fig.start)]
    if any(e.type == "company" and (ent.end <= e.start < fig.start or fig.end <= e.start < min(ce, fig.end + 40))
           for e in s.entities):
        return  # a single stock's investor flow
    after = s.text[fig.end:fig.end + 60]
    if re.search(r"^\s*(?:worth )?(?:of|in|into)\s+(?:shares of\s+)?(?:the stock|Samsung|SK|LG|Hyundai)", after):
        return
    sign = _sign_between(s, ent.start, fig, L.BUY, L.SELL)
    if sign == 0:
        sign = _sign_between(s, ent.start, fig, L.UP, L.DOWN)
    if sign == 0:
        return
    a = as_of if as_of != "open" else "intraday"
    emit.add(fig, "flow", ent.subject, "net_buy", a, sign * fig.value, "flow.net_buy", **kw)


def _fx(s: Sentence, fig: Figure, ent: Entity, as_of: str, emit: _Emitter, kw: dict) -> None:
    if fig.unit not in ("won", "num"):
        return
    v = fig.value
    a = as_of
    if _is_threshold(s, fig):
        return  # "breaching the 1,400 level", "dipping below 1,400"
    if FX_RANGE[0] <= v <= FX_RANGE[1] and fig.dec <= 2:
        cue = _level_cue(s, fig, ent)
        if cue == "open" or as_of == "open":
            emit.add(fig, "fx", "USD/KRW", "open", "open", v, "fx.open", **kw)
        else:
            emit.add(fig, "fx", "USD/KRW", "rate", a, v, "fx.rate", **kw)
    elif 0 < v < 100 and fig.unit == "won":
        if ent.type == "won":
            sign = -_sign_between(s, ent.start, fig, L.WON_STRONGER, L.WON_WEAKER)
        else:
            sign = _sign_between(s, ent.start, fig, L.UP, L.DOWN)
        if sign == 0:
            return
        emit.add(fig, "fx", "USD/KRW", "change", a if a != "open" else "open", sign * v, "fx.change", **kw)


def _bond(s: Sentence, fig: Figure, ent: Entity, as_of: str, emit: _Emitter, kw: dict) -> None:
    if re.search(r"United States|U\.S\.(?! dollar)|\bUS\b(?! dollar)|American|미국", s.text):
        return  # "In the United States, the 10-year Treasury yield ...": not Korea's
    if fig.unit == "pct" and 0 < fig.value < 20:
        emit.add(fig, "rate", ent.subject, "yield", "close" if as_of in ("intraday",) else as_of, fig.value, "rate.yield", **kw)
    elif fig.unit == "bp":
        sign = _sign_between(s, ent.start, fig, L.UP, L.DOWN) or 1
        emit.add(fig, "rate", ent.subject, "change_bp", "close" if as_of in ("intraday",) else as_of, sign * fig.value, "rate.change_bp", **kw)


# ---- special forms ----------------------------------------------------------------------

REF_CLOSE = re.compile(
    r"(?:(?P<cmp>from|than|versus|against)\s+)?(?:the\s+)?(?P<when>previous session's|previous trading day's|prior session's|previous|prior|"
    r"(?:last\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday)(?:'s|\u2019s))\s+(?:record\s+)?(?P<what>close|closing level|closing price|finish|closing rate)"
    r"(?:\s+(?:of|at)|,\s+which\s+(?:at|was|stood at|of))\s+$"
    r"|(?:the\s+)?(?:previous|prior) (?:trading day|session)\s*\(\s*$"
    r"|(?P<ko>지난해 마지막 거래일 종가|전 거래일(?: 종가)?)\s*\(\s*$", re.I)


def _reference_closes(s: Sentence, emit: _Emitter) -> None:
    for f in s.figures:
        if f.unit not in ("num", "won"):
            continue
        before = s.text[max(0, f.start - 60):f.start]
        m = REF_CLOSE.search(before)
        if not m:
            continue
        ent = _owner(s, f)
        if ent is None:
            continue
        f.reserved = True
        when = (m.groupdict().get("when") or "").lower()
        record = "record" in m.group().lower()
        if record and when in ("previous", "prior"):
            continue  # "the previous record close of 5,522.27": the record, settled by _milestones
        if when.startswith(("monday", "tuesday", "wednesday", "thursday", "friday")):
            ref = next((d for d in s.dates if d.form == "weekday" and abs(d.start - (f.start - len(before) + m.start("when"))) < 3), None)
            if ref is None:
                continue
            date_ref = replace(ref, comparison=False)
        elif "지난해" in m.group():
            date_ref = next((d for d in s.dates if d.form == "lastyear_final"), None)
            if date_ref is None:
                continue
        elif when.startswith("last "):
            ref = next((d for d in s.dates if d.form == "weekday" and d.text.lower().startswith("last")
                        and d.start < f.start), None)
            if ref is None:
                continue
            date_ref = replace(ref, comparison=False)
        else:
            date_ref = DateRef("previous", "previous session", 0, 0)
        if ent.type in ("won", "dollar") or (f.unit == "won" and FX_RANGE[0] <= f.value <= FX_RANGE[1] and ent.type != "company"):
            if FX_RANGE[0] <= f.value <= FX_RANGE[1]:
                emit.add(f, "fx", "USD/KRW", "rate", "close", f.value, "fx.previous_close", date_ref=date_ref)
        elif ent.type in ("index", "index_ref"):
            subject = ent.subject or emit.ctx.market
            lo, hi = INDEX_RANGES.get(subject, (0, 10**9))
            if lo <= f.value <= hi:
                emit.add(f, "index", subject, "close", "close", f.value, "index.previous_close", date_ref=date_ref)
                if not record and re.match(r"[^.;]{0,30}\b(?:itself |also )?(?:been |was |a )+(?:a |an )?(?:record|all-time high)",
                                           s.text[f.end:]):
                    record = True  # "last Friday's close, which at 6,244.13 had itself been a record"
                if record:
                    emit.out.append(replace(emit.out[-1], kind="milestone", metric="record_close", rule="milestone.record_close"))


def _owner(s: Sentence, f: Figure) -> Entity | None:
    before = [e for e in s.entities if e.end <= f.start and e.type not in ("investor",)]
    if not before:
        return None
    e = before[-1]
    if e.type == "index_ref":
        return Entity("index", "", e.start, e.end)
    return e


def _ranges(s: Sentence, ctx: Context, emit: _Emitter) -> None:
    """"moved between 3,190.85 and 3,227.03 during the session": the day's low and high."""
    for m in L.RANGE.finditer(s.text):
        x = next((f for f in s.figures if f.start == m.start("x")), None)
        y = next((f for f in s.figures if f.start == m.start("y")), None)
        ent = _owner(s, x) if x else None
        if x is None or y is None or ent is None or ent.type not in ("index", "index_ref"):
            continue
        subject = ent.subject or ctx.market
        lo, hi = sorted((x, y), key=lambda f: f.value)
        date_ref, shift = _date_for(s, x)
        kw = dict(date_ref=date_ref, shift=shift)
        as_of = _extreme_as_of(_as_of_for(s, x, ctx, "index"), ctx, kw)
        emit.add(lo, "index", subject, "low", as_of, lo.value, "index.range", **kw)
        emit.add(hi, "index", subject, "high", as_of, hi.value, "index.range", **kw)


def _breadth(s: Sentence, emit: _Emitter) -> None:
    for pat in L.BREADTH:
        m = pat.search(s.text)
        if not m:
            continue
        first_adv = bool(L.ADVANCE_FIRST.search(m["a"]))
        x = next((f for f in s.figures if f.start == m.start("x")), None)
        y = next((f for f in s.figures if f.start == m.start("y")), None)
        if x is None or y is None:
            continue
        adv, dec = (x, y) if first_adv else (y, x)
        date_ref, shift = _date_for(s, x)
        emit.add(adv, "index", "KOSPI", "advancers", "close", adv.value, "index.breadth", date_ref=date_ref)
        emit.add(dec, "index", "KOSPI", "decliners", "close", dec.value, "index.breadth", date_ref=date_ref)
        u = L.UNCHANGED_COUNT.search(s.text)
        if u:
            pos = u.start("z") if u["z"] else u.start("v") if u["v"] else u.start("w")
            z = next((f for f in s.figures if f.start == pos), None)
            if z is not None:
                emit.add(z, "index", "KOSPI", "unchanged", "close", z.value, "index.breadth", date_ref=date_ref)
        return


def _milestones(s: Sentence, ctx: Context, emit: _Emitter, owners: dict[int, list[Entity]]) -> None:
    """"first close above 4,000", "record high of 4,552.37", "the previous record of ... set on"."""
    text = s.text
    first_sentence = bool(L.FIRST.search(text))
    for ci, (cs, ce) in enumerate(s.clauses):
        clause = text[cs:ce]
        if L.FORECAST.search(clause):
            continue
        figs = [f for f in s.figures if cs <= f.start < ce]
        if first_sentence:
            for f in figs:
                if _is_threshold(s, f):
                    _first(s, f, ci, ctx, emit, owners)
        lending = any(e.type == "lending" for e in s.entities)
        for m in L.PREVIOUS_RECORD.finditer(clause):
            if lending:
                continue
            target = _figure_after(s, cs + m.end(), len(text), 60)
            if target is not None:
                _record(s, target, ctx, emit, owners, previous=True)
        for m in L.RECORD.finditer(clause):
            if L.NOT_PRICE_RECORD.match(clause[m.end():]) or lending:
                continue
            if re.search(r"만의\s*$|이후\s*$|이래\s*$", clause[max(0, m.start() - 12):m.start()]) or re.match(
                    r"\s*(?:since|in (?:more than |over |about )?(?:\w+\s+){0,3}(?:years?|months?|weeks?))\b", clause[m.end():]):
                continue  # "11개월 만의 최고치", "its highest close since March": a high in a while, not a record
            if L.NOT_RECORD.search(clause[max(0, m.start() - 30):m.start()]) and \
                    _figure_after(s, cs + m.end(), ce, 14) is None:
                continue  # "just short of its record close": no record set
            near = clause[max(0, m.start() - 30):m.end()]
            surpass = L.SURPASS_RECORD.search(near)
            if not surpass and L.PREVIOUS_RECORD.search(clause[max(0, m.start() - 12):m.end() + 6]):
                continue
            if surpass:
                target = _figure_before(s, cs + m.start(), cs)
                if target is not None:
                    _record(s, target, ctx, emit, owners)
                target = _figure_after(s, cs + m.end(), len(text), 20)
                if target is not None:
                    _record(s, target, ctx, emit, owners, previous=True)
                continue
            if re.search(r"\bboth\b|모두", clause[max(0, m.start() - 30):m.start()], re.I):
                _record_without_figure(s, cs + m.start(), ctx, emit)
                continue
            target = _figure_after(s, cs + m.end(), ce, 14) or _figure_before(s, cs + m.start(), cs)
            if target is not None and target.end <= cs + m.start() and any(
                    e.type == "company" and target.end <= e.start < cs + m.start() for e in s.entities):
                continue  # "4,214.17로 마감…삼성전자·SK하이닉스 사상 최고가": the record is the companies'
            if target is None:
                _record_without_figure(s, cs + m.start(), ctx, emit)
                continue
            for t in _list_from(s, target):
                _record(s, t, ctx, emit, owners)


def _first(s: Sentence, f: Figure, ci: int, ctx: Context, emit: _Emitter, owners: dict[int, list[Entity]]) -> None:
    cs, ce = s.clauses[ci]
    clause = s.text[cs:ce]
    subj = _milestone_subject(s, f, owners)
    if subj is None:
        return
    subject, value = subj
    pre = s.text[max(cs, f.start - 80):f.start]
    if re.search(r"\bbelow\b|\bunder\b|밑|아래", pre[-25:], re.I):
        return
    if re.search(r"\bsince\b", s.text[f.end:f.end + 30]) or re.search(
            r"first time (?:since|in (?:\w+\s+){0,4}(?:years?|months?|weeks?|sessions))", s.text, re.I):
        return  # "its first finish above 900 since April last year": first in a while, not ever
    prev_thresholds = [g for g in s.figures if g.end <= f.start and _is_threshold(s, g)]
    lo = max([cs] + [g.end for g in prev_thresholds])
    if prev_thresholds and re.search(r"\band (?:then )?(?:above|past|over|beyond|through)\s+(?:the\s+)?$", s.text[lo:f.start]):
        # "first closed above 4,000 on Oct. 27 last year and above 5,600 on Feb. 19": the verb is shared
        lo = max([cs] + [g.end for g in prev_thresholds[:-1]])
    hi = min([ce] + [g.start for g in s.figures if g.start >= f.end and _is_threshold(s, g)])
    cut = re.search(r",\s+(?:and|but|while)\b|;", s.text[f.end:hi])
    if cut:  # "first broke the 4,000 mark on Oct. 27, and ... closed above 5,000": not this one's verb
        hi = f.end + cut.start()
    phrase = s.text[lo:hi]  # "first broke the 4,000 mark on Oct. 27, and ... closed above 5,000"
    date_ref, shift = _date_for(s, f)
    today = date_ref is None or date_ref.form == "today"
    if L.CLOSE_WORDS.search(phrase):
        metric = "first_close_above"
    elif L.INTRADAY_WORDS.search(phrase) or (ctx.intraday_report and today and not shift):
        metric = "first_intraday_above"
    else:
        metric = "first_above"
    own_date = any(_bound_figure(s, d) is f for d in s.dates)
    if L.FIRST_PAST.search(s.text[cs:f.start]) and not own_date:
        return  # "a month after it first finished above 5,000": no date given, not a fact
    emit.add(f, "milestone", subject, metric, "close", value, f"milestone.{metric}",
             date_ref=date_ref, shift=shift, approx=False)


def _figure_after(s: Sentence, pos: int, end: int, within: int) -> Figure | None:
    for f in s.figures:
        if pos <= f.start < min(end, pos + within) and f.unit in ("num", "won", "threshold"):
            return f
    return None


def _list_head(s: Sentence, fig: Figure) -> Figure:
    """The first figure of the list "A, B and C" that ``fig`` belongs to."""
    head = fig
    while True:
        prev = [g for g in s.figures if g.end <= head.start and g.unit == head.unit]
        if prev and re.fullmatch(r"\s*(?:,|and|or|, and)\s*", s.text[prev[-1].end:head.start]):
            head = prev[-1]
        else:
            return head


def _list_from(s: Sentence, first: Figure) -> list[Figure]:
    """A figure and those listed after it: "record highs of 206,000 won and 1,038,000 won"."""
    out = [first]
    for g in s.figures:
        if g.start > out[-1].end and g.unit == first.unit and \
                re.fullmatch(r"\s*(?:(?:on|set on)\s+[A-Z][a-z]+\.?(?:\s+\d{1,2})?\s*)?(?:,|and|or|, and)\s*",
                             s.text[out[-1].end:g.start]):
            out.append(g)
    return out


def _figure_before(s: Sentence, pos: int, start: int) -> Figure | None:
    cands = [f for f in s.figures if start <= f.start and f.end <= pos and f.unit in ("num", "won")]
    return cands[-1] if cands else None


def _milestone_subject(s: Sentence, f: Figure, owners: dict[int, list[Entity]]) -> tuple[str, Decimal] | None:
    owned = [e for e in owners.get(id(f), []) if e.type not in ("investor", "noise")]
    before = [e for e in s.entities if e.end <= f.start and e.type not in ("investor", "noise")]
    if owned:
        e = owned[0]
    elif before:
        e = before[-1]
    else:
        return None
    if e.type in ("index", "index_ref"):
        subject = e.subject or "KOSPI"
        if f.unit == "won" and f.value >= 10**12:
            return "market_cap:KOSPI", f.value  # "the bourse first crossed 4,000 trillion won"
        if f.unit in ("won", "amount"):
            return None
        return subject, f.value
    if e.type == "company" and f.unit == "won":
        return e.subject, f.value
    if e.type == "mcap" and f.unit == "won":
        return e.subject, f.value
    return None


def _record(s: Sentence, f: Figure, ctx: Context, emit: _Emitter, owners: dict[int, list[Entity]],
            previous: bool = False) -> None:
    if (_is_threshold(s, f) or f.reserved) and not previous:
        return
    owned = owners.get(id(f), [])
    ent = owned[0] if owned else _owner(s, f)
    if ent is None and previous and not any(e.type == "company" for e in s.entities):
        ent = Entity("index", ctx.market, -1, -1)  # "The previous record close was 5,522.27"
    if ent is None:
        return
    ent = _concrete(ent, ctx)
    date_ref, shift = _date_for(s, f)
    cs, ce = s.clauses[_clause_of(s, f.start)]
    clause = s.text[cs:ce]
    intraday = bool(L.RECORD_INTRADAY.search(clause)) or (ctx.intraday_report and not L.CLOSE_WORDS.search(clause))
    was_used = f.used
    if ent.type == "index":
        lo, hi = INDEX_RANGES.get(ent.subject, (0, 10**9))
        if f.unit != "num" or not lo <= f.value <= hi:
            return
        cue = _level_cue(s, f, ent)
        if previous:
            phrase = s.text[max(0, f.start - 40):f.start]
            phrase = phrase[max(phrase.rfind("previous"), phrase.rfind("prior"), 0):]
            high = bool(re.search(r"intraday|장중", phrase))
        else:
            high = cue == "high" or (intraday and cue != "close")
        metric, level_metric = ("record_high", "high") if high else ("record_close", "close")
        emit.add(f, "milestone", ent.subject, metric, "close", f.value, f"milestone.{metric}",
                 date_ref=date_ref, shift=shift, approx=False)
        if not was_used or previous:
            emit.add(f, "index", ent.subject, level_metric, "close", f.value, f"index.{level_metric}",
                     date_ref=date_ref, shift=shift)
    elif ent.type == "company" and f.unit == "won" and f.value < MAX_PRICE:
        cue = _level_cue(s, f, ent)
        metric = "record_high" if (cue == "high" or intraday) else "record_close"
        emit.add(f, "milestone", ent.subject, metric, "close", f.value, f"milestone.{metric}",
                 date_ref=date_ref, shift=shift, approx=False)
    elif ent.type == "margin" and f.unit == "won":
        emit.add(f, "milestone", "margin_loans", "record_high", "close", f.value, "milestone.record_high",
                 date_ref=date_ref, shift=shift, approx=False)
        if previous:
            emit.add(f, "indicator", "margin_loans", "balance", "close", f.value, "indicator",
                     date_ref=date_ref, shift=shift)


def _record_without_figure(s: Sentence, pos: int, ctx: Context, emit: _Emitter) -> None:
    """"with both stocks hitting record highs", "Kia and Hyundai AutoEver also set new records":
    the prices this sentence states are the records; "to close at an all-time high" with no
    figure marks the session's close (settled once the article is read, see ``extract``)."""
    group = [e.subject for e in _group_before(s, pos, s.entities) if e.type == "company"]
    prices = [m for m in emit.out if m.kind == "quote" and m.metric in ("price", "high") and m.sent_start == s.offset]
    if not prices:
        before = [e for e in s.entities if e.end <= pos]
        if not before and ctx.prev_entities and ctx.prev_entities[-1].type in ("index", "index_ref"):
            before = [Entity("index", ctx.market, -1, -1)]  # "종가와 장중 고점 모두 사상 최고치다"
        if before and before[-1].type in ("index", "index_ref") and not ctx.base \
                and not re.search(r"\s[A-Z][a-z]+(?<!Monday)(?<!Tuesday)(?<!Wednesday)(?<!Thursday)(?<!Friday)\b",
                                  s.text[max(before[-1].end, 0):pos]):
            words = s.text[max(0, pos - 40):pos + 20]
            day = _day_key(s.dates)
            if re.search(r"종가|\bclos", words):
                emit.pending.append(("record_close", day))
            if re.search(r"장중|고점|intraday", words):
                emit.pending.append(("record_high", day))
            if not re.search(r"종가|\bclos|장중|고점|intraday", words):
                emit.pending.append(("record_high" if L.RECORD_INTRADAY.search(s.text) else "record_close", day))
        return
    if re.search(r"\bboth\b", s.text[max(0, pos - 30):pos + 10], re.I):
        chosen = prices[-2:]
    elif group:
        chosen = [m for m in prices if m.subject in group]
    else:
        chosen = prices[-1:]
    for m in chosen:
        metric = "record_high" if m.as_of not in ("close", "open") or m.metric == "high" else "record_close"
        emit.out.append(replace(m, kind="milestone", metric=metric, as_of="close", approx=False,
                                rule=f"milestone.{metric}"))
