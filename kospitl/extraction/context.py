"""What carries from sentence to sentence, and the emitter that turns figures into mentions."""
from __future__ import annotations

import re

from dataclasses import dataclass, field, replace
from typing import Any
from datetime import date
from decimal import Decimal
from kospitl import sessions
from kospitl.articles import Article
from kospitl.dates import DateRef, after_the_bell, find_times
from kospitl.errors import Problem
from kospitl.records import Mention
from kospitl.resolution import reports_previous_session
from kospitl.extraction.reading import Entity, Figure, Sentence


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
    para_time: str | None = None  # a live blog's "10:32 KST —" covers its whole entry
    narrative: bool = False  # aggregator pages: a sentence without a date is about the last one named
    para_date: DateRef | None = None
    prev_as_of: str | None = None
    halt_time: str | None = None  # when the last halt named came ("suspended ... from 2:14 p.m.")
    block_scale: int = 1  # the unit a Korean heading declares for its block's bare amounts ("(단위: 억원)": 10**8)
    block_won: bool = False  # under a heading that names the won as its currency ("investor flows (KRW)")
    levels: dict[str, float] = field(default_factory=dict)  # the last level read of each index
    prev_out: list[Mention] = field(default_factory=list)  # what the last sentence stated
    para_lead: DateRef | None = None  # "On Wednesday, the index rose ...": the day its paragraph is about
    para_first: bool = True  # the next sentence opens its paragraph


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


def _consistent_extremes(found: list[Mention]) -> list[Mention]:
    """A day's high is never below its open or close, nor its low above them: an extreme read
    from a neutral verb ("touched 6,401.27 in the afternoon" after "opened at 6,492.30" in a
    report of a fall) that lies below both the open and the close the article states is the low,
    and one above both is the high."""
    anchors: dict[tuple, list[float]] = {}
    for m in found:
        if m.kind == "index" and m.metric in ("open", "close") and m.as_of in ("open", "close"):
            anchors.setdefault((m.subject, m.date_ref, m.shift, m.base), []).append(m.value)
        elif m.kind == "quote" and m.metric == "price" and m.as_of == "close":
            anchors.setdefault((m.subject, m.date_ref, m.shift, m.base), []).append(m.value)
    out = []
    for m in found:
        levels = anchors.get((m.subject, m.date_ref, m.shift, m.base), [])
        if m.kind == "quote":  # within the daily limit of it (not a move misread as a price, "fell 700 won")
            levels = [v for v in levels if 0.7 * m.value <= v <= 1.3 * m.value]
        # a stock's close alone bounds its day ("fell ... to 49,900 won, after touching 49,700 won")
        if m.kind in ("index", "quote") and m.metric in ("high", "low") and len(levels) >= (2 if m.kind == "index" else 1):
            if m.metric == "high" and all(m.value < v for v in levels):
                m = replace(m, metric="low", rule=f"{m.kind}.low_by_levels")
            elif m.metric == "low" and all(m.value > v for v in levels):
                m = replace(m, metric="high", rule=f"{m.kind}.high_by_levels")
        out.append(m)
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


def _is_intraday_report(article: Article) -> bool:
    if any(s.kind in ("sources", "timeline") for s in article.sections):
        return False  # digests and aggregators sum up finished sessions
    titles = []  # the page's head: its lines up to the story's first sentence
    for line in article.text[:1200].splitlines()[:12]:
        if len(line) > 120 or line.rstrip().endswith("."):
            break
        titles.append(line)
    if any(INTRADAY_TITLE.search(line) for line in titles) and not any(CLOSE_WORD.search(line) for line in titles):
        return True  # a headline "South Korea stocks lower midday; KOSPI down 6.86%" (archived after the close or not)
    pub = article.published_at
    upd = article.updated_at
    if pub is None and upd is not None and upd.date() == article.doc_date and (upd.hour, upd.minute) >= (15, 30):
        return False  # a data page updated after the close ("Last Updated: Jan 22, 2026 at 1:32 a.m. EST")
    if pub is not None and reports_previous_session(article, sessions.load()):
        return False  # "Stocks fell on Thursday ..." in a Friday-morning edition
    if pub is not None:  # written during a session (a weekend or holiday has none)
        return (9, 0) <= (pub.hour, pub.minute) < (15, 30) and sessions.load().is_session(pub.date()) \
            and (article.doc_date is None or pub.date() == article.doc_date)  # not a U.S. evening's report
    # no clock: a report whose opening sentences speak of the open or a time, not the close
    body = next((s for s in article.sections if s.kind == "body"), None)
    if body is None:
        return False
    head = article.text[body.start:body.start + 700]
    times = find_times(head)
    has_time = any(t.form in ("clock", "press", "open", "intraday", "first_minutes") for t in times)
    has_close = any(t.form == "close" for t in times) or \
        any(t.as_of == "close" or after_the_bell(t.as_of) for t in times if t.form == "clock")
    return has_time and not has_close


CLOSE_WORD = re.compile(r"\bclos(?:e|ed|es|ing)\b|\bend(?:s|ed)\b|\bfinish|마감", re.I)
INTRADAY_TITLE = re.compile(r"""
    \b(?:midday|mid-day|in\ (?:early|morning|late\ morning|afternoon)\ trade|morning\ trade|mid-session)\b
  | \bopen(?:s|ed)?\ (?:sharply\ |slightly\ |modestly\ |[\d.]+\ ?(?:%|percent)\ )?(?:higher|lower|up|down|flat|mixed)\b  # "Seoul stocks open lower"
  | (?:상승|하락|강보합|약보합|보합|혼조세?)\ ?(?:으로\ )?출발                                  # "코스피, 하락 출발"
""", re.I | re.X)


def _other_day(ref: DateRef, doc: date | None) -> bool:
    """Whether a date phrase names a day other than the article's ("Wednesday's" in a Thursday report)."""
    if ref.form == "previous":
        return True
    if doc is None:
        return False
    if ref.form == "weekday":
        return ref.weekday is not None and ref.weekday != doc.weekday()
    if ref.form in ("monthday", "full", "daynum"):
        return ref.day is not None and (ref.month or doc.month, ref.day) != (doc.month, doc.day)
    return False


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
        if kind != "fx" and after_the_bell(as_of):
            as_of = "close"  # stocks stop trading at 15:30; the won trades on into the night
        if date_ref is None and self.ctx.narrative and self.ctx.para_date is not None:
            date_ref = self.ctx.para_date
        if date_ref is not None and date_ref.form == "that_day" and self.ctx.para_date is not None:
            date_ref = self.ctx.para_date  # "that day": the day the paragraph last named
        if date_ref is not None and date_ref.form == "sameyear":  # "같은 해 7월 6일": the year named before it
            year = next((d.year for d in reversed(s.dates) if d.year and d.end <= date_ref.start), None) \
                or (self.ctx.para_date.year if self.ctx.para_date is not None else None)
            if year:
                date_ref = replace(date_ref, form="full", year=year)
        if date_ref is not None and _other_day(date_ref, self.article.doc_date) and metric in ("change", "change_pct", "price", "net_buy") \
                and (as_of == "intraday" and self.ctx.intraday_report
                     or as_of == self.ctx.carry_time and not any(t.as_of == as_of for t in s.times)):
            as_of = "close"  # "after Wednesday's 5 percent jump" in a Thursday-morning report: Wednesday's close
        if date_ref is not None and date_ref.form not in ("today", "that_day") and as_of == self.ctx.para_time:
            as_of = "close"  # "[08:41] 전 거래일(22일) … 외국인 3210억 순매도": another day's figure, not the entry's moment
        self.out.append(Mention(
            kind=kind, subject=subject, metric=metric, as_of=as_of, value=float(value),
            approx=fig.approx if approx is None else approx,
            start=s.offset + fig.start, end=s.offset + fig.end,
            sent_start=s.offset, sent_end=s.offset + len(s.text), rule=rule, decimals=fig.dec, quantum=fig.quantum,
            date_ref=date_ref, base=self.ctx.base, shift=shift, needs_own_date=own_date))
        fig.used = True
