"""Milestones: thresholds crossed for the first time, records set, previous records."""
from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from kospitl import gate
from kospitl import lexicon as L
from kospitl.extraction.reading import Entity, Figure, INDEX_RANGES, MAX_PRICE, Sentence
from kospitl.extraction.reading import _clause_of
from kospitl.extraction.timing import _bound_figure, _date_for
from kospitl.extraction.context import Context, _Emitter, _day_key
from kospitl.extraction.attach import _concrete, _group_before, _owner
from kospitl.extraction.meaning import _is_threshold, _level_cue


def _milestones(s: Sentence, ctx: Context, emit: _Emitter, owners: dict[int, list[Entity]]) -> None:
    """"first close above 4,000", "record high of 4,552.37", "the previous record of ... set on"."""
    text = s.text
    # "milestone" marks every threshold of the sentence; "first"/"첫" only those in its own phrase
    first_sentence = bool(L.FIRST.search(text))
    milestone_sentence = bool(gate.search(r"\bmilestones?\b", text, re.I))
    for ci, (cs, ce) in enumerate(s.clauses):
        clause = text[cs:ce]
        if L.FORECAST.search(clause):
            continue
        figs = [f for f in s.figures if cs <= f.start < ce]
        if first_sentence:
            for f in figs:
                if _is_threshold(s, f):
                    _first(s, f, ci, ctx, emit, owners, anywhere=milestone_sentence)
        lending = any(e.type == "lending" for e in s.entities)
        if L.KO_MCAP_RECORD.search(clause) and any(e.type == "mcap" and cs <= e.start < ce for e in s.entities):
            for f in figs:  # "유가증권시장 시가총액은 5천412조원으로 사상 최대를 기록했다"
                if f.unit == "won" and f.value >= 10**14:
                    _record(s, f, ctx, emit, owners)
        for m in L.PREVIOUS_RECORD.finditer(clause):
            if lending:
                continue
            target = _figure_after(s, cs + m.end(), len(text), 60)
            if target is not None:
                _record(s, target, ctx, emit, owners, previous=True)
        for m in L.RECORD.finditer(clause):
            if L.NOT_PRICE_RECORD.match(clause[m.end():]) or lending or L.SIZE_BEFORE_RECORD.search(clause[:m.start()]):
                continue
            if m.group() == "record" and L.RECORD_MOVE.search(clause[max(0, m.start() - 40):m.start()]):
                continue
            if gate.search(r"만(?:의|에)\s*$|이후\s*$|이래\s*$|(?:올해|올|연중|연내|올\s?한 해)\s*(?:들어(?:서도|서는|서)?\s*)?(?:가장 높은\s*)?$", clause[max(0, m.start() - 14):m.start()]) or gate.match(
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
                target = _figure_before(s, cs + m.start(), cs, levels_only=True)
                if target is not None:
                    _record(s, target, ctx, emit, owners)
                target = _figure_after(s, cs + m.end(), len(text), 20)
                if target is not None:
                    _record(s, target, ctx, emit, owners, previous=True)
                continue
            if gate.search(r"\bboth\b|모두", clause[max(0, m.start() - 30):m.start()], re.I):
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


def _first(s: Sentence, f: Figure, ci: int, ctx: Context, emit: _Emitter, owners: dict[int, list[Entity]],
           *, anywhere: bool = False) -> None:
    cs, ce = s.clauses[ci]
    subj = _milestone_subject(s, f, owners)
    if subj is None:
        return
    subject, value = subj
    pre = s.text[max(cs, f.start - 80):f.start]
    if gate.search(r"\bbelow\b|\bunder\b|밑|아래", pre[-25:], re.I):
        return
    if gate.search(r"\bsince\b", s.text[f.end:f.end + 30]) or gate.search(
            r"first time (?:since|in (?:[\w./]+\s+){0,4}(?:years?|months?|weeks?|sessions))", s.text, re.I):
        return  # "its first finish above 900 since April last year": first in a while, not ever
    if gate.search(r"(?:이후|이래|만에|만의)\s*(?:처음|최저|최고)", s.text) or \
            gate.match(r"\s*(?:선|대)?\s*(?:을|를|이|가|은|는)?\s*(?:밑돈|밑도|하회|내준|내주|붕괴|무너)", s.text[f.end:f.end + 12]):
        return  # "종가 기준 2500선을 밑돈 건 지난 1월 이후 처음이다": a fall below, first in a while
    prev_thresholds = [g for g in s.figures if g.end <= f.start and _is_threshold(s, g)]
    lo = max([cs] + [g.end for g in prev_thresholds])
    if prev_thresholds and gate.search(r"\band (?:then )?(?:above|past|over|beyond|through)\s+(?:the\s+)?$", s.text[lo:f.start]):
        # "first closed above 4,000 on Oct. 27 last year and above 5,600 on Feb. 19": the verb is shared
        lo = max([cs] + [g.end for g in prev_thresholds[:-1]])
    hi = min([ce] + [g.start for g in s.figures if g.start >= f.end and _is_threshold(s, g)])
    cut = gate.search(r",\s+(?:and|but|while)\b|;", s.text[f.end:hi])
    if cut:  # "first broke the 4,000 mark on Oct. 27, and ... closed above 5,000": not this one's verb
        hi = f.end + cut.start()
    phrase = s.text[lo:hi]
    if not anywhere and not L.FIRST.search(phrase) and any(
            L.FIRST.search(s.text[max(cs, g.start - 30):g.end + 40]) for g in s.figures if g is not f and _is_threshold(s, g)):
        return  # "7380선 사상 최고치 마감…장중 첫 7400 돌파": the first is the other threshold's  # "first broke the 4,000 mark on Oct. 27, and ... closed above 5,000"
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
    if date_ref is None and L.MONTH_ONLY.search(s.text[f.end:ce]):
        return  # "took it above 6,000 for the first time in February": a month, no session
    emit.add(f, "milestone", subject, metric, "close", value, f"milestone.{metric}",
             date_ref=date_ref, shift=shift, approx=False)


def _figure_after(s: Sentence, pos: int, end: int, within: int) -> Figure | None:
    for f in s.figures:
        if pos <= f.start < min(end, pos + within) and f.unit in ("num", "won", "threshold"):
            return f
    return None


def _list_from(s: Sentence, first: Figure) -> list[Figure]:
    """A figure and those listed after it: "record highs of 206,000 won and 1,038,000 won"."""
    out = [first]
    for g in s.figures:
        if g.start > out[-1].end and g.unit == first.unit and \
                gate.fullmatch(r"\s*(?:(?:on|set on)\s+[A-Z][a-z]+\.?(?:\s+\d{1,2})?\s*)?(?:,|and|or|, and)\s*",
                             s.text[out[-1].end:g.start]):
            out.append(g)
    return out


def _figure_before(s: Sentence, pos: int, start: int, *, levels_only: bool = False) -> Figure | None:
    """The last figure before ``pos``; ``levels_only``: not a base of comparison ("from Monday's N")."""
    cands = [f for f in s.figures if start <= f.start and f.end <= pos and f.unit in ("num", "won")
             and not (levels_only and f.reserved)]
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
    today = (date_ref is None or date_ref.form == "today") and not shift  # a morning report's "전날 … 사상 최고치" is a close
    intraday = bool(L.RECORD_INTRADAY.search(clause)) or (ctx.intraday_report and today and not L.CLOSE_WORDS.search(clause))
    was_used = f.used
    if ent.type == "mcap" or (ent.type == "index" and f.unit == "won" and f.value >= 10**14):
        if f.unit == "won" and f.value >= 10**14:  # "market capitalization rose to a record 4,412 trillion won"
            emit.add(f, "milestone", "market_cap:KOSPI", "record_close", "close", f.value, "milestone.record_close",
                     date_ref=date_ref, shift=shift, approx=False)
        return
    if ent.type == "index":
        lo, hi = INDEX_RANGES.get(ent.subject, (0, 10**9))
        if f.unit != "num" or not lo <= f.value <= hi:
            return
        cue = _level_cue(s, f, ent)
        if previous:
            phrase = s.text[max(0, f.start - 40):f.start]
            phrase = phrase[max(phrase.rfind("previous"), phrase.rfind("prior"), 0):]
            high = bool(gate.search(r"intraday|장중", phrase))
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
    balances = [m for m in ctx.prev_out if m.kind == "indicator" and m.subject == "margin_loans"]
    if not prices and not s.figures and not s.entities and len(balances) == 1:
        m = balances[0]  # "… 신용거래융자 잔고는 31조4280억원으로 집계됐다. 사상 최대 규모다.": that balance is the record
        emit.out.append(replace(m, kind="milestone", metric="record_high", as_of="close", approx=False,
                                rule="milestone.record_high", sent_start=s.offset, sent_end=s.offset + len(s.text)))
        return
    if not prices:
        before = [e for e in s.entities if e.end <= pos]
        if not before and ctx.prev_entities and ctx.prev_entities[-1].type in ("index", "index_ref") \
                and (not s.figures or any(m.kind == "index" and m.sent_start == s.offset for m in emit.out)):
            # "금값, 온스당 3100달러 돌파…사상 최고": figures of its own, none the index's: another subject
            before = [Entity("index", ctx.market, -1, -1)]  # "종가와 장중 고점 모두 사상 최고치다"
        if before and before[-1].type in ("index", "index_ref") and not ctx.base \
                and not gate.search(r"\s[A-Z][a-z]+(?<!Monday)(?<!Tuesday)(?<!Wednesday)(?<!Thursday)(?<!Friday)\b",
                                  s.text[max(before[-1].end, 0):pos]):
            words = s.text[max(0, pos - 40):pos + 20]
            day = _day_key(s.dates)
            if gate.search(r"종가|\bclos", words):
                emit.pending.append(("record_close", day))
            if gate.search(r"장중|고점|intraday", words):
                emit.pending.append(("record_high", day))
            if not gate.search(r"종가|\bclos|장중|고점|intraday", words):
                emit.pending.append(("record_high" if L.RECORD_INTRADAY.search(s.text) else "record_close", day))
        return
    if gate.search(r"\bboth\b", s.text[max(0, pos - 30):pos + 10], re.I):
        chosen = prices[-2:]
    elif group:
        chosen = [m for m in prices if m.subject in group]
    else:
        chosen = prices[-1:]
    for m in chosen:
        metric = "record_high" if m.as_of not in ("close", "open") or m.metric == "high" else "record_close"
        emit.out.append(replace(m, kind="milestone", metric=metric, as_of="close", approx=False,
                                rule=f"milestone.{metric}"))
