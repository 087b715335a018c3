"""Special forms read before the general rules: reference closes, breadth, ranges, noise."""
from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from kospitl import gate
from kospitl import lexicon as L
from kospitl.gate import gated
from kospitl.dates import PREVIOUS_SESSION, DateRef
from kospitl.extraction.reading import FX_RANGE, Figure, INDEX_RANGES, Sentence
from kospitl.extraction.reading import _clause_of
from kospitl.extraction.timing import _as_of_for, _bound_figure, _date_for, _extreme_as_of
from kospitl.extraction.context import Context, _Emitter
from kospitl.extraction.attach import _owner


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
    """Forecast clauses, figures tied to a multi-session span, and the two sides of a unit's
    gloss ("3.1bp(1bp=0.01%포인트)") are not facts."""
    for f in s.figures:
        if gate.match(r"\s*=", s.text[f.end:f.end + 3]) or gate.search(r"=\s*$", s.text[max(0, f.start - 3):f.start]):
            f.used = True
    for cs, ce in s.clauses:
        if L.FORECAST.search(s.text[cs:ce]):
            for f in s.figures:
                if cs <= f.start < ce and f.unit != "threshold":
                    f.used = True
    if L.HALT_EVENT.search(s.text) or L.HALTED.search(s.text):
        for f in s.figures:  # "suspended ... after the KOSPI fell more than 8 percent": the rule that halts, no move
            if f.unit == "pct" and L.HALT_TRIGGER.search(s.text[max(0, f.start - 30):f.start]):
                f.used = True
    for f in s.figures:  # "the record close of 3,305.21 it reached in July 2021": a month's or a year's, no session's
        if L.SET_IN_MONTH.match(s.text[f.end:f.end + 40]) or (
                L.PERIOD_PEAK.search(s.text[max(0, f.start - 40):f.start]) and not L.DAY_AFTER_FIGURE.match(s.text[f.end:f.end + 20])):
            f.used = f.reserved = True
    m = L.OFFSHORE.search(s.text)
    if m:  # "In offshore trading, the won was quoted at 1,453.9": not the Seoul market's rate
        first = s.clauses[_clause_of(s, m.start())][0]
        for f in s.figures:
            if f.start >= first:
                f.used = True
    multi_day = L.MULTI_DAY.finditer(s.text)
    for m in multi_day:
        ci = _clause_of(s, m.start())
        cs, ce = s.clauses[ci]
        before = [f for f in s.figures if cs <= f.start and f.end <= m.start() and f.unit not in ("threshold",)]
        after = [f for f in s.figures if m.end() <= f.start < ce and f.unit not in ("threshold",)]
        if m.start() - cs < 20:  # "For the week, the Kospi rose 13.25 points, or 0.53 percent"
            for f in before + after:
                f.used = True
        elif before:
            before[-1].used = True
        elif after:
            after[0].used = True
        if any(f.used and f.unit == "won" for f in before[-1:] + after[:1]):
            for f in s.figures:  # "dumped about 11 trillion won over the five sessions, while retail bought 12.6 trillion"
                if f.unit == "won" and f.value >= 10**9 and not any(_bound_figure(s, d) is f for d in s.dates):
                    f.used = True


REF_CLOSE = gated(
    r"(?:(?P<cmp>from|than|versus|against)\s+)?(?:the\s+)?(?P<when>previous session's|previous trading day's|prior session's|previous|prior|"
    r"(?:last\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday)(?:'s|\u2019s))\s+(?:(?:record\s+|day-session\s+|final\s+)?(?P<what>close|closing level|closing price|finish|closing rate)"
    r"(?:\s+(?:of|at)|,\s+which\s+(?:at|was|stood at|of))\s+$|(?(cmp)$|(?!)))"  # "from Monday's 5,318.42": the base itself
    r"|(?:the\s+)?(?:previous|prior) (?:trading day|session)\s*\(\s*$"
    r"|(?:compared (?:to|with)|from|than|versus)\s+(?:the\s+)?(?:previous|prior) (?:trading day|session)(?:'s|\u2019s)\s+$"  # "... compared to the previous trading day's 6521.47"
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
            date_ref = PREVIOUS_SESSION
        if ent.type in ("won", "dollar") or (f.unit == "won" and FX_RANGE[0] <= f.value <= FX_RANGE[1] and ent.type != "company"):
            if FX_RANGE[0] <= f.value <= FX_RANGE[1]:
                emit.add(f, "fx", "USD/KRW", "rate", "close", f.value, "fx.previous_close", date_ref=date_ref)
        elif ent.type in ("index", "index_ref"):
            subject = ent.subject or emit.ctx.market
            lo, hi = INDEX_RANGES.get(subject, (0, 10**9))
            if lo <= f.value <= hi:
                emit.add(f, "index", subject, "close", "close", f.value, "index.previous_close", date_ref=date_ref)
                if not record and gate.match(r"[^.;]{0,30}\b(?:itself |also )?(?:been |was |a )+(?:a |an )?(?:record|all-time high)",
                                           s.text[f.end:]):
                    record = True  # "last Friday's close, which at 6,244.13 had itself been a record"
                if record:
                    emit.out.append(replace(emit.out[-1], kind="milestone", metric="record_close", rule="milestone.record_close"))


def _ranges(s: Sentence, ctx: Context, emit: _Emitter) -> None:
    """"moved between 3,190.85 and 3,227.03 during the session": the day's low and high."""
    if L.FORECAST.search(s.text):
        return  # "with the KOSPI seen moving between 2,150 and 2,400 in January"
    for m in L.RANGE.finditer(s.text):
        x = next((f for f in s.figures if f.start == m.start("x")), None)
        y = next((f for f in s.figures if f.start == m.start("y")), None)
        if x is not None and y is not None and all(f.dec == 0 and f.value % 50 == 0 for f in (x, y)):
            continue  # "between 2,150 and 2,400": a band of round levels, not the day's extremes
        ent = _owner(s, x) if x else None
        if x is None or y is None or ent is None or ent.type not in ("index", "index_ref"):
            continue
        subject = ent.subject or ctx.market
        lo, hi = sorted((x, y), key=lambda f: f.value)
        date_ref, shift = _date_for(s, x)
        kw = dict(date_ref=date_ref, shift=shift)
        as_of = _extreme_as_of(s, _as_of_for(s, x, ctx, "index"), ctx, kw)
        emit.add(lo, "index", subject, "low", as_of, lo.value, "index.range", **kw)
        emit.add(hi, "index", subject, "high", as_of, hi.value, "index.range", **kw)


def _breadth_as_of(emit: _Emitter) -> str:
    """Advancers and decliners are counted at the report's moment: a live entry's stamp, the
    clock an intraday report carries ("As of 0230 GMT ... 312 advanced"), else the close."""
    ctx = emit.ctx
    return ctx.para_time or (ctx.carry_time if ctx.intraday_report and ctx.carry_time else None) or "close"


def _breadth(s: Sentence, emit: _Emitter) -> None:
    m = L.BREADTH_LABELLED.search(s.text)  # "Advancing issues: 612 / Declining issues: 265 / Unchanged: 58"
    if m:
        date_ref = _date_for(s, next(f for f in s.figures if f.start >= m.start("x")))[0] if s.figures else None
        for group, metric in (("x", "advancers"), ("y", "decliners"), ("z", "unchanged")):
            if m[group]:
                f = next((f for f in s.figures if f.start == m.start(group)), None)
                if f is not None:
                    emit.add(f, "index", "KOSPI", metric, _breadth_as_of(emit), f.value, "index.breadth", date_ref=date_ref)
        return
    _breadth_phrases(s, emit)


def _breadth_phrases(s: Sentence, emit: _Emitter) -> None:
    for pat in L.BREADTH:
        m = pat.search(s.text)
        if not m:
            continue
        first_adv = bool(L.ADVANCE_FIRST.search(m["a"]))
        x = next((f for f in s.figures if f.start == m.start("x")), None)
        y = next((f for f in s.figures if f.start == m.start("y")), None) if m["y"] else None
        if x is None or (y is None and m["y"]):
            continue
        adv, dec = (x, y) if first_adv else (y, x)
        date_ref, shift = _date_for(s, x)
        as_of = _breadth_as_of(emit)
        if adv is not None:
            emit.add(adv, "index", "KOSPI", "advancers", as_of, adv.value, "index.breadth", date_ref=date_ref)
        if dec is not None:  # "the number of advancing shares was 402": one side alone
            emit.add(dec, "index", "KOSPI", "decliners", as_of, dec.value, "index.breadth", date_ref=date_ref)
        _unchanged_count(s, emit, as_of, date_ref)
        return
    counts = [m for m in emit.ctx.prev_out if m.kind == "index" and m.metric in ("advancers", "decliners")]
    for k, pat in enumerate(L.BREADTH_ONE):
        m = pat.search(s.text)
        if not m or (k > 0 and not counts and not L.UNCHANGED_COUNT.search(s.text)):
            continue
        metric = "advancers" if L.ADVANCE_FIRST.search(m["a"]) else "decliners"
        x = next((f for f in s.figures if f.start == m.start("x")), None)
        if x is None or any(c.metric == metric for c in counts):
            continue
        as_of, date_ref = (counts[0].as_of, counts[0].date_ref) if counts else (_breadth_as_of(emit), _date_for(s, x)[0])
        emit.add(x, "index", "KOSPI", metric, as_of, x.value, "index.breadth", date_ref=date_ref)
        _unchanged_count(s, emit, as_of, date_ref)
        return
    if counts:  # "오른 종목은 131개에 그쳤고 775개 종목이 내렸다. 24개 종목은 보합이었다.": the third count
        _unchanged_count(s, emit, counts[0].as_of, counts[0].date_ref)


def _unchanged_count(s: Sentence, emit: _Emitter, as_of: str, date_ref: DateRef | None) -> None:
    u = L.UNCHANGED_COUNT.search(s.text)
    if u:
        pos = u.start("z") if u["z"] else u.start("v") if u["v"] else u.start("w")
        z = next((f for f in s.figures if f.start == pos), None)
        if z is not None:
            emit.add(z, "index", "KOSPI", "unchanged", as_of, z.value, "index.breadth", date_ref=date_ref)
