"""When a figure holds: the date phrase it belongs to and its as_of within the session."""
from __future__ import annotations

import re
from dataclasses import replace
from kospitl import gate
from kospitl import lexicon as L
from kospitl.dates import BASE_BEFORE, DAY_AFTER, DateRef, TimeRef
from kospitl.extraction.reading import HANGUL, Figure, Sentence, _clause_of
from kospitl.extraction.context import Context


# "(a high of 4,226.75 shortly after) Tuesday's opening bell": a moment of that day's session, which dates the figure
SESSION_MOMENT = re.compile(r"(?:'s|\u2019s)?\s+(?:opening\s+bell|open(?:ing)?|clos(?:e|ing)(?:\s+bell)?|session|trading|trade|morning|afternoon)\b", re.I)
BINDING_GAP = re.compile(r"[\s,)]*(?:for the first time(?: ever)?\s+)?(?:\w+\s+){0,2}?(?:set |reached |hit |recorded )?(?:on|at|in)?\s*(?:the\s+)?(?:same\s+)?", re.I)


def _exclusive(s: Sentence, d: DateRef) -> bool:
    """"3,486.19 set on Sept. 23": the date belongs to that figure alone (not "... on Feb. 2,")."""
    f = _bound_figure(s, d)
    if f is None:
        return False
    if s.korean:
        return True
    return bool(gate.search(r"\b(?:set|reached|hit|recorded|touched|seen)\b", s.text[f.end:d.start])) \
        or d.form == "previous" or bool(L.OTHER_DAY_NOUN.search(s.text[max(0, f.start - 40):f.start]))


def _bound_figure(s: Sentence, d: DateRef) -> Figure | None:
    """The figure a date phrase directly follows ("3,486.19 set on Sept. 23"), if any; in
    Korean the figure it modifies ("11월 4일 세운 장중 사상 최고치(4,226.75)", "전 거래일(1월 31일) 종가 2517.37")."""
    if s.korean:
        after = [f for f in s.figures if f.start >= d.end]
        if after and len(s.text[d.end:after[0].start]) < 30 and \
                (gate.match(r"\s*\)?\s*(?:에\s*)?(?:세운|기록한|의|기준|종가(?:가|는|은|이)?\s*\(?\s*$)", s.text[d.end:after[0].start])
                     or (d.comparison and gate.fullmatch(r"\s*\(\s*", s.text[d.end:after[0].start]))):  # "지난해 마지막 거래일(2236.40)보다"
            return after[0]
    before = [f for f in s.figures if f.end <= d.start]
    if not before:
        return None
    f = before[-1]
    gap = s.text[f.end:d.start]
    if s.korean and HANGUL.search(gap) and not gate.fullmatch(r"\s*(?:포인트|원|pt)?\s*[(（]?\s*", gap):
        return None  # "어제 종가가 3245.44였는데 오늘 …": a Korean date comes before what it dates
    if _possessive_date(s, d) and not SESSION_MOMENT.match(s.text, d.end):
        return None  # "lost 3.06 percent to 193,100 won, extending Friday's slide": the day owns the noun after it
    if len(gap) <= (40 if "first time" in gap else 22) and BINDING_GAP.fullmatch(gap) and not gate.search(r"\b(?:from|than|since)\b", gap) \
            and not (_possessive_date(s, d) and any(0 <= g.start - d.end <= 3 for g in s.figures)):
        # "slipped 1.1 percent after Wednesday's 5 percent jump": the possessive day owns the figure after it
        return f
    return None


def _possessive_date(s: Sentence, d: DateRef) -> bool:
    return bool(gate.match(r"(?:'|\u2019)s?\b", s.text[d.end:d.end + 2])) or d.text.endswith(("'s", "\u2019s"))


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
    for d in s.dates:  # "지난 2일 종가(6118.40)보다": the base's own date dates the base
        if (not d.comparison or s.korean or BASE_BEFORE.search(s.text[max(0, d.start - 40):d.start])) \
                and _bound_figure(s, d) is fig:
            return d, shift
    own = [d for d in s.dates if cs <= d.start < ce and not d.comparison and not _exclusive(s, d)
           and (d.form != "previous" or not any(cs <= g.start < d.start for g in s.figures))]
    for d in own:  # "ended the previous session at 3,549.2": a date just before the figure
        if d.end <= fig.start and gate.fullmatch(r"[\s,]*(?:at|was|of|:)?\s*", s.text[d.end:fig.start]):
            return d, shift
    if DAY_AFTER.search(s.text[cs:ce]) and fig.start > DAY_AFTER.search(s.text[cs:ce]).start() + cs:  # type: ignore[union-attr]
        shift = -1
    if own:
        before = [d for d in own if d.start < fig.start]
        # "Friday's closing high of 3,748.89" dates the noun after it, never an earlier figure
        after = [d for d in own if d.start >= fig.start and not _possessive_date(s, d)]
        if before or after:
            return (before[-1] if before else after[0]), shift
    clause = s.text[cs:ce]
    if gate.match(r"\s*,?\s*(?:when|while|whereas|and|but)\b", clause) and ci > 0:
        ps, pe = s.clauses[ci - 1]
        when = bool(gate.match(r"\s*,?\s*when\b", clause))
        prev = [d for d in s.dates if ps <= d.start < pe and (not d.comparison or when)
                and (d.form != "previous" or when) and not _exclusive(s, d)]
        if prev:
            return prev[-1], shift
    # a date phrase opening the sentence ("On the 2nd, ...", "As of Monday, ...") covers it all
    lead = [d for d in s.dates if not d.comparison and d.start < s.clauses[0][1]
            and gate.fullmatch(r"[^\d]*", s.text[:d.start]) and d.start < 40
            and not (s.korean and _exclusive(s, d))]  # "어제 종가가 3245.44였으니까 …": the base's day alone
    if lead and ci > 0:
        return lead[0], shift
    if lead and ci == 0:
        return lead[0], shift
    # a milestone sentence that says "a day earlier" anywhere
    return None, shift


KIND_OF_ENTITY = {"index": "index", "index_ref": "index", "company": "quote", "investor": "flow",
                  "won": "fx", "dollar": "fx", "bond": "rate", "margin": "indicator", "mcap": "indicator"}


def _as_of_for(s: Sentence, fig: Figure, ctx: Context, etype: str = "", _depth: int = 0) -> str:
    """When in the session a figure holds: a clock in its clause (the nearest one), else the
    open/close/intraday word governing it, else what the context carries, else the report's
    default (close for a closing report, intraday for a report written during the session).
    A move printed in apposition to a level ("the open was 3,440.39, 30.72 points or 0.89
    percent lower") holds when the level does."""
    prev = [f for f in s.figures if f.end <= fig.start]
    if prev and _depth < 3 and L.APPOSITION.fullmatch(s.text[prev[-1].end:fig.start]):
        return _as_of_for(s, prev[-1], ctx, etype, _depth + 1)
    ci = _clause_of(s, fig.start)
    cs, ce = s.clauses[ci]
    times = [t for t in s.times if not _comparison_base(s, t)]
    in_clause = [t for t in times if cs <= t.start < ce]
    gap_start = max([cs] + [f.end for f in s.figures if f.end <= fig.start] +
                    [e.end for e in s.entities if e.end <= fig.start])
    own = [t for t in in_clause if gap_start <= t.start and t.end <= fig.start and t.form in ("open", "close")]
    if own:  # "After opening 0.8 percent higher": the word governing the figure itself
        return own[-1].as_of
    if s.korean and any(t.form == "close" and fig.end <= t.start <= fig.end + 8
                        and gate.fullmatch(r"\s*(?:원|포인트|pt|p)?\s*(?:에|로|으로)\s*(?:장을\s*|거래를\s*)?", s.text[fig.end:t.start])
                        for t in in_clause):
        return "close"  # "장중 1400원 찍고 1394.5원에 마감": the close word right after the figure governs it
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
    if ctx.halt_time and L.AT_HALT.search(s.text):
        return ctx.halt_time
    if L.SAME_TIME.search(s.text) and ctx.carry_time:
        return ctx.carry_time
    if ctx.para_time:
        return ctx.para_time
    if gate.search(r"\balso\b", s.text) and ctx.prev_as_of and not times:
        return ctx.prev_as_of
    # a clock of a later clause says when its own event happened ("the open was 3,440.39, 30.72
    # points lower, and the trough came at 2 p.m."), unless it stamps a snapshot ("; as of 9:20 a.m.")
    sent = [t for t in times if t.form in ("clock", "first_minutes", "open", "press", "intraday")
            and (t.start < ce or t.form != "clock" or gate.search(r"\bas of\s*$", s.text[:t.start]))
            and (t.form != "open" or gate.match(r"\s*(?:[,.;]|$)", s.text[t.end:t.end + 2]))
            and not _event_time(s, t, fig)
            and "…" not in s.text[fig.end:t.start]]  # "외국인 6천478억원 순매수…장중·종가 모두 사상 최고": another claim's word
    if sent:
        return sent[0].as_of
    if any(t.form == "close" for t in times):
        return "close"
    if ctx.carry_time and ctx.carry_left > 0 and (ctx.intraday_report or KIND_OF_ENTITY.get(etype) in ctx.carry_kinds):
        return ctx.carry_time
    return "intraday" if ctx.intraday_report else "close"


def _event_time(s: Sentence, t: TimeRef, fig: Figure) -> bool:
    """An intraday word after the figure and after "after/before ...ing N": it dates that event."""
    return t.form == "intraday" and fig.end <= t.start \
        and bool(L.EVENT_BEFORE_TIME.search(s.text[fig.end:t.start]))


def _comparison_base(s: Sentence, t: TimeRef) -> bool:
    """"up 6.1 won from the previous session's close": a close named as the base of a move says
    nothing of when the move was measured."""
    if t.form == "clock" and t.as_of == "close" and gate.match(r"\s*(?:close|closing)\b", s.text[t.end:t.end + 9]):
        return bool(L.COMPARED_WITH.search(s.text[max(0, t.start - 40):t.start]))  # "than Tuesday's 3:30 p.m. close"
    return t.form == "close" and bool(L.COMPARED_WITH.search(s.text[max(0, t.start - 40):t.start])
                                      or L.KO_COMPARED_WITH.match(s.text[t.end:t.end + 20]))


def _extreme_as_of(s: Sentence, as_of: str, ctx: Context, kw: dict) -> str:
    """A high or low: for another day, the day's (close). During the session, its clock or the
    report's latest time (it only bounds the day's high from below). In a closing report, the
    day's (close), unless the sentence is a snapshot stamped by its opening clock ("At 9:10
    a.m., the Kospi hit an intraday peak of ...") or by its live entry's stamp ("[14:10] 저점 경신"): "the trough came at 2 p.m. at 3,365.73"
    says when the day's low was set."""
    clock = bool(gate.fullmatch(r"\d\d:\d\d", as_of))
    if clock and (ctx.intraday_report or as_of == ctx.para_time or any(t.as_of == as_of and t.start < 12 for t in s.times)):
        return as_of
    if kw.get("date_ref") is not None and kw["date_ref"].form != "today":
        return "close"
    if not ctx.intraday_report:
        return "close"
    return ctx.carry_time or "intraday"


def _indicator_as_of(as_of: str) -> str:
    return as_of if gate.fullmatch(r"\d\d:\d\d", as_of) else "close"

