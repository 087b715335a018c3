"""What a figure means for each kind of entity: index, quote, flow, fx, bond, indicator."""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from kospitl import gate
from kospitl import lexicon as L
from kospitl.gate import Gated, gated
from kospitl.extraction.reading import Entity, FX_RANGE, Figure, INDEX_RANGES, MAX_FLOW, MAX_PRICE, MIN_FLOW, Sentence
from kospitl.extraction.reading import _clause_of
from kospitl.extraction.timing import _as_of_for, _date_for, _extreme_as_of, _indicator_as_of
from kospitl.extraction.context import Context, _Emitter, _other_day


def _sign_between(s: Sentence, start: int, fig: Figure, up: Gated, down: Gated) -> int:
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
        if gate.match(r"\s*,", s.text[fig.end:fig.end + 3]):  # "개인이 9190억원, 기관이 2104억원을 순매수": a list shares its verb
            found = _nearest_match(s.text[fig.end:fig.end + 40], up, down, first=True)
            if found:
                return found
    found = _nearest_match(s.text[max(0, start):fig.start], up, down)
    if found:
        return found
    after = s.text[fig.end:fig.end + 40].lstrip(" ,(")
    paired = gate.match(r"(?:or\s+)?\(?[\d.,]+\s*(?:percent|%|points?)\)?\s*", after)
    if paired:  # "30.72 points or 0.89 percent lower": the word after the pair
        after = after[paired.end():].lstrip(" ,)")  # "34.64 points, or 1.37 percent, lower at"
    if up.match(after):
        return 1
    if down.match(after):
        return -1
    return _nearest_match(s.text[cs:fig.start], up, down)


def _nearest_match(seg: str, up: Gated, down: Gated, first: bool = False) -> int:
    """The direction of the word nearest the figure; of two ending at the same place ("gave
    up", "up"), the longer one is the word."""
    best, pos = 0, ((len(seg) + 1, 0) if first else (-1, 0))
    for sign, pat in ((1, up), (-1, down)):
        for m in pat.finditer(seg):
            at = (m.start(), m.start() - m.end()) if first else (m.end(), m.end() - m.start())
            if (at < pos) if first else (at > pos):
                best, pos = sign, at
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
        named = L.KO_EXTREME_SUBJECT.search(s.text[max(_prev_anchor(s, fig, ent), 0):fig.start])
        if named:  # "장중 저점은 3,114.07이었다": the extreme the sentence names
            return "low" if named["low"] else "high"
        if "장중" in s.text[max(ent.end, 0):fig.start][-12:]:
            return "high"
        if "한때" in s.text[max(ent.end, 0):fig.start]:  # "한때 7% 넘게 뛰어 17만9600원을 찍으며": the day's extreme so far
            if gate.match(r"\s*(?:을|를)\s*(?:찍|터치)", seg):
                return "low" if L.DOWN.search(s.text[max(ent.end, 0):fig.start]) else "high"
    anchor = max(_prev_anchor(s, fig, ent), 0)
    gap = _clocks_masked(s, anchor, fig.start)
    best_gap, best_pos = None, -1
    for name, pat in L.LEVEL_CUES_BEFORE:  # the cue nearest the figure governs it
        if not pat.search(gap):
            continue
        for m in _bare(pat).finditer(gap):
            if m.start() > best_pos:
                best_gap, best_pos = name, m.start()
    after = s.text[fig.end:_next_figure_start(s, fig)]
    if best_gap and gate.match(r"touch", gap[best_pos:], re.I):  # "touched 2,644.40 before paring some of its losses"
        for name, pat in L.REVERSAL_AFTER:
            if pat.search(after):
                return name
    if best_gap:
        return best_gap
    for name, pat in L.REVERSAL_AFTER:  # "hit 5,795.62 ... before paring gains": the day's high
        if pat.search(after):
            return name
    if gate.search(r"\b(?:above|past|beyond)\s*$", gap) and L.FOR_A_RECORD.match(after):
        return "high"  # "climbed above 5,580 for a fresh all-time intraday high"
    if L.BEFORE_CLOSING_AT.match(after):
        later = [f for f in s.figures if f.start >= fig.end and f.unit == fig.unit]
        if later and later[0].value != fig.value:
            return "high" if fig.value > later[0].value else "low"
    if L.INTRADAY_AFTER.match(after) and L.EVENT_REACH.search(gap):
        near = [f for f in s.figures if f is not fig and f.unit == "num" and abs(f.value - fig.value) < fig.value / 5]
        if near:
            return "high" if fig.value > near[0].value else "low"
        return "low" if L.DOWN.search(gap) else "high"
    # "opened 1.38 percent higher at 3,598.1": the verb before the change governs the level
    prev = [f for f in s.figures if f.end == anchor]
    if prev and _depth < 3 and gate.fullmatch(r"[\s,)]*(?:or\s+)?(?:higher|lower|up|down)?\s*(?:at|to)\s*", gap, re.I):
        return _level_cue(s, prev[0], ent, _depth + 1)
    whole = s.text[max(ent.end, s.clauses[_clause_of(s, fig.start)][0], 0):fig.start]
    best, pos = None, -1
    for name, pat in L.LEVEL_CUES_BEFORE[:2]:  # a high or low named earlier in the clause
        for m in _bare(pat).finditer(whole):
            if m.start() > pos:
                best, pos = name, m.start()
    return best


def _clocks_masked(s: Sentence, start: int, end: int) -> str:
    """The text between ``start`` and ``end`` with the digits of its clock times masked, so
    that "the trough came at 2 p.m. at 3,365.73" reads as a cue with no figure in between."""
    text = s.text[start:end]
    for t in s.times:
        if start <= t.start and t.end <= end:
            a, b = t.start - start, t.end - start
            text = text[:a] + re.sub(r"\d", "#", text[a:b]) + text[b:]
    return text


@lru_cache(maxsize=None)
def _bare(pat: Gated) -> Gated:
    """A level cue without its "nothing but words up to the figure" tail, to find every match."""
    return gated(pat.pattern.replace(r"[^\d]*$", ""), pat.flags)


def _is_threshold(s: Sentence, fig: Figure, _depth: int = 0) -> bool:
    if fig.unit == "threshold":
        return True
    before = s.text[max(0, fig.start - 40):fig.start]
    if _depth < 3 and gate.search(r"(?:\band|\bor|,)\s+$", before):
        prev = [g for g in s.figures if g.end <= fig.start and g.unit == fig.unit]
        if prev and gate.fullmatch(r"\s*(?:,|and|or|, and)\s*", s.text[prev[-1].end:fig.start]) \
                and _is_threshold(s, prev[-1], _depth + 1):
            return True
    after = s.text[fig.end:fig.end + 25]
    if L.THRESHOLD_AFTER.search(after):
        return True
    if L.THRESHOLD_BEFORE.search(before):
        v = fig.value
        round_ = fig.dec == 0 or v == v.to_integral_value()
        if round_ and (v % 50 == 0 or (fig.unit in ("won", "amount") and v % 10**4 == 0)):
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
    if date_ref is None and ctx.para_lead is not None:
        date_ref = ctx.para_lead  # "... retail investors offloaded 1.12 trillion won." after "On Wednesday, ..."
    as_of = _as_of_for(s, fig, ctx, t)
    if date_ref is not None and as_of in (ctx.carry_time, ctx.para_time) and _other_day(date_ref, emit.article.doc_date) \
            and not any(x.as_of == as_of for x in s.times):
        as_of = "close"  # "On Wednesday, ... fell 59.38 points" after an "as of 9:20 a.m." snapshot: Wednesday's close
    kw = dict(date_ref=date_ref, shift=shift)
    market = _market_named_before(s, fig) if t in ("turnover", "volume") else "KOSPI"
    if t in ("turnover", "volume") and fig.unit == "won" and fig.value >= 10**9:
        emit.add(fig, "index", market, "turnover", "close", fig.value, "index.turnover", **kw)
    elif t in ("turnover", "volume") and fig.unit == "shares":
        emit.add(fig, "index", market, "volume", "close", fig.value, "index.volume", **kw)
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
        if fig.unit == "won" and fig.value >= 10**9 and not _is_threshold(s, fig) and not _part_or_change(s, fig):
            metric = "balance" if t == "margin" else "value"
            emit.add(fig, "indicator", ent.subject, metric, _indicator_as_of(as_of), fig.value, "indicator", **kw)
    elif t == "lending":
        pass  # handled through the company named with it (see _quote)


def _market_named_before(s: Sentence, fig: Figure) -> str:
    """The market a volume or turnover belongs to: the index the sentence names last before it
    ("코스닥 거래량은 14억2309만5000주, 거래대금은 ..."), else the main board."""
    named = [e for e in s.entities if e.type == "index" and e.end <= fig.start]
    return named[-1].subject if named and named[-1].subject in ("KOSPI", "KOSDAQ") else "KOSPI"


def _index(s: Sentence, fig: Figure, ent: Entity, as_of: str, ctx: Context, emit: _Emitter, kw: dict) -> None:
    subject = ent.subject
    if subject != "KOSPI" and fig.unit in ("won", "amount", "shares"):
        return
    if fig.unit == "shares":
        emit.add(fig, "index", "KOSPI", "volume", "close", fig.value, "index.volume", **kw)
        nxt = [g for g in s.figures if g.start >= fig.end and g.unit == "won" and g.value >= 10**9]
        if nxt and gate.fullmatch(r"\s*\(?\s*(?:worth|valued at|,)?\s*", s.text[fig.end:nxt[0].start]):
            emit.add(nxt[0], "index", "KOSPI", "turnover", "close", nxt[0].value, "index.turnover", **kw)
        return
    prev_ref = L.PREV_CLOSE_AFTER.match(s.text[fig.end:fig.end + 60])
    if prev_ref and fig.unit in ("pt", "pct"):
        sign = -1 if gate.match(r"below|lower|down", prev_ref["dir"], re.I) else 1
        metric = "change" if fig.unit == "pt" else "change_pct"
        emit.add(fig, "index", subject, metric, as_of, sign * fig.value, f"index.{metric}", **kw)
        return  # "3.18 points above Wednesday's close": the change
    if fig.unit in ("pt", "pct") and (L.DISTANCE_AFTER.match(s.text[fig.end:fig.end + 20])
                                      or L.DISTANCE_BEFORE.search(s.text[max(0, fig.start - 12):fig.start])):
        return
    if fig.unit == "pt":
        sign = _sign_between(s, _prev_anchor(s, fig, ent), fig, L.UP, L.DOWN) or 1
        emit.add(fig, "index", subject, "change", as_of, sign * fig.value, "index.change", **kw)
    elif fig.unit == "pct":
        sign = _sign_between(s, _prev_anchor(s, fig, ent), fig, L.UP, L.DOWN) or 1
        if gate.search(r"\bas (?:much|far) as\s+$", s.text[max(0, fig.start - 16):fig.start]):
            # "fell as much as 3.1 percent": the move at the day's extreme, at a moment the text does not time
            emit.add(fig, "index", subject, "change_pct", "intraday", sign * fig.value, "index.change_pct_extreme", **kw)
            return
        emit.add(fig, "index", subject, "change_pct", as_of, sign * fig.value, "index.change_pct", **kw)
    elif fig.unit in ("num", "threshold"):
        if fig.sign and fig.unit == "num" and gate.match(r"\s*(?:[,)/]|\(\s*[-+\u2212]?[\d.]+\s*%)", s.text[fig.end:fig.end + 12]):
            emit.add(fig, "index", subject, "change", as_of, fig.sign * fig.value, "index.change", **kw)
            return  # "KOSPI: 2,671.52 (+44.71, +1.70%)"
        lo, hi = INDEX_RANGES.get(subject, (0, 10**9))
        if _is_threshold(s, fig):
            return
        if not lo <= fig.value <= hi:
            if fig.value > hi and _level_cue(s, fig, ent) in ("close", "open", "level", "high", "low"):
                emit.problem("implausible", f"{subject} level {fig.text} is beyond any plausible reading "
                             f"({lo:,}–{hi:,}); not stored", fig)
            return
        if fig.dec == 0 and fig.value % 100 == 0 and not fig.approx:
            return  # "the KOSPI 4600 breakthrough": a round level is a threshold, not a reading
        cue = _level_cue(s, fig, ent)
        if cue in (None, "level") and gate.search(r"\b(?:to reach|reached|reaching)\s+$", s.text[max(0, fig.start - 20):fig.start]):
            cue = "high"  # "briefly trimmed its losses to reach 4,072.41"
        if cue in ("high", "low"):
            emit.add(fig, "index", subject, cue, _extreme_as_of(s, as_of, ctx, kw), fig.value, f"index.{cue}", **kw)
            return
        if cue == "open" or (cue in (None, "level") and as_of == "open"):
            emit.add(fig, "index", subject, "open", "open", fig.value, "index.open", **kw)
            return
        if cue == "close" and as_of in ("close", "open", "intraday") and not gate.fullmatch(r"\d\d:\d\d", as_of):
            emit.add(fig, "index", subject, "close", "close", fig.value, "index.close", **kw)
            return
        if as_of == "close" and cue != "level":
            emit.add(fig, "index", subject, "close", "close", fig.value, "index.close", **kw)
            return
        emit.add(fig, "index", subject, "level", as_of if as_of != "close" else "intraday", fig.value, "index.level", **kw)
    elif fig.unit == "won" and fig.value >= 10**9:
        before = s.text[max(0, fig.start - 40):fig.start]
        cs = s.clauses[_clause_of(s, fig.start)][0]
        named = any(e.type == "turnover" and cs <= e.start and e.end <= fig.start for e in s.entities)
        if named or gate.search(r"shares?\s*(?:\(\s*)?(?:worth|valued)|worth\s*$|\bturnover\b|거래대금", before, re.I):
            emit.add(fig, "index", "KOSPI", "turnover", "close", fig.value, "index.turnover", **kw)


def _quote(s: Sentence, fig: Figure, ent: Entity, as_of: str, ctx: Context, emit: _Emitter, kw: dict) -> None:
    code = ent.subject
    lending = [e for e in s.entities if e.type == "lending"]
    if lending and fig.unit == "won" and fig.value >= 10**9:
        emit.add(fig, "indicator", f"stock_lending:{code}", "balance", "close", fig.value, "indicator.lending", **kw)
        return
    if as_of in ("close", "intraday") and gate.search(r"\b(?:opened|at the open|at the start|started)\b|거래를 시작|(?:으로|에) 출발", s.text[ent.start:], re.I):
        as_of = "open"
    if fig.unit == "pct":
        own = s.text[max(ent.end, s.clauses[_clause_of(s, fig.start)][0]):fig.start]
        if gate.match(r"\s*%?\s*에서\s*[\d.]+\s*%\s*(?:로|으로)", s.text[fig.end - 1:fig.end + 16]) or \
                gate.search(r"[\d.]+\s*%\s*에서\s*$", s.text[max(0, fig.start - 16):fig.start]):
            return  # "0.15%에서 0.20%로 올리기로": a rate set from one level to another, no share's move
        result = L.RESULT_NOUNS.search(own) if 0 <= ent.end <= fig.start else None
        if result and not L.RESULT_AS_CAUSE.match(own[result.end():]):
            return  # "Samsung's operating profit jumped 50 percent": results, not the share price
        sign = _sign_between(s, _prev_anchor(s, fig, ent), fig, L.UP, L.DOWN)
        if sign == 0:
            sign = 1
        if gate.search(r"\bas (?:much|far) as\s+$", s.text[max(0, fig.start - 16):fig.start]) and not gate.fullmatch(r"\d\d:\d\d", as_of):
            as_of = "intraday"  # "jumping as much as 28% earlier": the move at the day's extreme, untimed
        emit.add(fig, "quote", code, "change_pct", as_of, sign * fig.value, "quote.change_pct", **kw)
    elif fig.unit in ("won", "num") and 0 < fig.value < MAX_PRICE:
        before, after = s.text[max(0, fig.start - 2):fig.start], s.text[fig.end:fig.end + 12]
        if gate.search(r"[▲▼△▽]\s*$", before) or fig.sign or gate.match(r"\s*\(\s*[-+\u2212]?[\d.]+\s*%\s*\)\s*(?:오른|내린|상승|하락|올라|내려)", after):
            return  # a change in won ("▼1,300", "700원(1.38%) 내린"): not a vocabulary metric
        # "삼성전자 52,400 ▼1,300 (-2.42%)", "SK hynix 772,000 (-0.90%)": a digest's price and its move
        table_row = fig.unit == "num" and (gate.match(r"\s*[▲▼△▽]", after)
                                           or gate.match(r"\s*\(\s*[-+\u2212▲▼]?\d[\d.]*\s*%\s*\)", s.text[fig.end:fig.end + 16]))
        # Investing.com's template prints a stock's price bare: "rose 4.12% ... to trade at 733000.00 at the close"
        if fig.unit == "num" and not gate.match(r"\s*원", s.text[fig.end:fig.end + 2]) and not table_row \
                and not gate.search(r"\bto (?:trade|end|close|finish|settle) at\s*$|\bpoints to\s*$", s.text[max(0, fig.start - 25):fig.start]):
            return
        if _is_threshold(s, fig) or gate.search(r"\b(?:within|short of|shy of)\s*$", s.text[max(0, fig.start - 12):fig.start]):
            return  # "ending within 1,000 won of the mark": a distance, no price
        if L.OWN_TRADE_PRICE.match(s.text, fig.end) or L.OWN_COST_BEFORE.search(s.text[max(0, fig.start - 12):fig.start]):
            return  # "저는 삼전 7만5천원에 물렸어요", "평단 7만원": a reader's own trade, not the market's price
        cue = _level_cue(s, fig, ent)
        head = _list_head(s, fig)
        if cue is None and as_of != "close" and gate.search(r"record highs? of\s*$", s.text[max(0, head.start - 30):head.start]):
            cue = "high"  # "hitting new record highs of 206,000 won" during the session
        if cue == "low" and gate.search(r"(?<!briefly )\b(?:slid|slipped)\s+to\s*$", s.text[max(0, fig.start - 20):fig.start]):
            cue = None  # "Hyundai Motor slipped to 509,000 won": where the stock ended, not a low
        metric = "high" if cue == "high" else "low" if cue == "low" else "price"
        if metric != "price":
            as_of = _extreme_as_of(s, as_of, ctx, kw)
        emit.add(fig, "quote", code, metric, as_of, fig.value, f"quote.{metric}", **kw)


def _flow(s: Sentence, fig: Figure, ent: Entity, as_of: str, ctx: Context, emit: _Emitter, kw: dict) -> None:
    if fig.unit != "won" or fig.value < MIN_FLOW or fig.value > MAX_FLOW:
        return  # a sum of 50 trillion won or more is no day's net flow (a market value: "시총 5512조")
    seg = s.text[ent.start:fig.start]
    if any(e.type == "index" and e.subject == "KOSDAQ" for e in s.entities) and \
            not gate.search(r"KOSPI|Kospi|main board|유가증권|코스피", seg):
        return  # flows on the Kosdaq are not facts of the vocabulary
    if ctx.market == "KOSDAQ" and L.MARKET_THERE.search(s.text):
        return
    cs, ce = s.clauses[_clause_of(s, fig.start)]
    if any(e.type == "company" and (ent.end <= e.start < fig.start or fig.end <= e.start < min(ce, fig.end + 40))
           for e in s.entities):
        return  # a single stock's investor flow
    if any(e.type == "noise" and cs <= e.start < fig.start and L.FUTURES.search(s.text[e.start:e.end]) for e in s.entities) \
            or L.FUTURES.search(s.text[cs:min(ent.start, fig.start)] if ent.start >= cs else ""):
        return  # "코스피200 선물시장에서 외국인 매수 우위 규모는 6884억원", "KOSPI200 선물: 외국인 +2,847억원": a futures position
    after = s.text[fig.end:fig.end + 60]
    if gate.search(r"^\s*(?:worth )?(?:of|in|into)\s+(?:shares of\s+)?(?:the stock|Samsung|SK|LG|Hyundai)", after):
        return
    if L.FLOW_IN_STOCKS.search(s.text[cs:fig.start]):
        return  # "the combined net selling of the two chipmakers by foreigners reached 911.4 billion won"
    if ent.start > fig.end:  # passive: "1.42 trillion won ... was scooped up by foreign investors"
        between = s.text[fig.end:ent.end + 25]  # "... in foreign buying", "... by foreign investors"
        sign = 1 if L.BUY.search(between) else -1 if L.SELL.search(between) else 0
        if sign == 0:  # "offsetting net selling of 832.1 billion won by individual investors": the noun before it
            prev_end = max([f.end for f in s.figures if f.end <= fig.start] + [cs])
            sign = _nearest_match(s.text[prev_end:fig.start], L.BUY, L.SELL)
        if sign == 0:  # "296.4 billion won in foreign buying and 18.6 billion won from retail investors"
            prev = [f.end for f in s.figures if f.end <= fig.start]
            listed = s.text[max(prev):fig.start] if prev else ""
            if gate.search(r"\b(?:and|as well as)\s*$", listed):
                sign = 1 if L.BUY.search(listed) else -1 if L.SELL.search(listed) else 0
    else:
        sign = _sign_between(s, ent.start, fig, L.BUY, L.SELL)
    if sign == 0:
        sign = _sign_between(s, ent.start, fig, L.UP, L.DOWN)
    if sign == 0 and fig.sign and gate.fullmatch(r"[\s:]*", s.text[ent.end:fig.start]):
        sign = fig.sign  # a row of a flow table: "Foreign   +1,394.5bn", "Individual -1,862.0bn"
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
        if cue in ("high", "low") and not gate.fullmatch(r"\d\d:\d\d", as_of):
            return  # "장중 한때 1,400.20원까지 밀리며": the day's extreme, no reading at a time
        if cue == "open" or as_of == "open":
            emit.add(fig, "fx", "USD/KRW", "open", "open", v, "fx.open", **kw)
        else:
            emit.add(fig, "fx", "USD/KRW", "rate", a, v, "fx.rate", **kw)
    elif 0 < v < 100 and fig.unit == "num" and fig.sign and gate.match(r"\s*(?:[,)]|$)", s.text[fig.end:fig.end + 2]):
        emit.add(fig, "fx", "USD/KRW", "change", a, fig.sign * v, "fx.change", **kw)  # "USD/KRW: 1,368.9 (−4.1)", "USD/KRW 1,458.2 ▼25.9"
    elif 0 < v < 100 and fig.unit == "won":
        sign = _sign_by_base(s, fig, FX_RANGE)
        if sign:  # "trading at 1,378.6 ..., down 5.8 won from Friday's 1,384.4 won": the rates say which way
            emit.add(fig, "fx", "USD/KRW", "change", a if a != "open" else "open", sign * v, "fx.change", **kw)
            return
        if ent.type == "won":
            sign = -_sign_between(s, ent.start, fig, L.WON_STRONGER, L.WON_WEAKER)
        else:
            sign = _sign_between(s, ent.start, fig, L.UP, L.DOWN)
        if sign == 0:
            return
        emit.add(fig, "fx", "USD/KRW", "change", a if a != "open" else "open", sign * v, "fx.change", **kw)


def _part_or_change(s: Sentence, fig: Figure) -> bool:
    """A balance's part or its growth, not the balance: "유가증권시장이 17조2150억원, 코스닥시장이 ...",
    "지난 한 주 동안에만 6800억원 늘었다", "of which 17.2 trillion won on the KOSPI", "up 680 billion won";
    a loss of market value is no value either: "시가총액 192조원이 증발했다", "wiped out 192 trillion won";
    nor a day's change: "(전일비 -3,250억원)"."""
    before = s.text[max(0, fig.start - 14):fig.start]
    after = s.text[fig.end:fig.end + 12]
    if fig.sign:  # "(전일비 -3,250억원)": a balance or a value is never signed
        return True
    return bool(gate.search(r"(?:전일\s?비|전일\s?대비|전\s?거래일\s?대비)\s*\(?\s*$|(?:유가증권시장|코스피|코스닥|코스닥시장)(?:이|은|는|에서)?\s*$|\b(?:on|in) the (?:Kospi|Kosdaq|KOSPI|KOSDAQ)(?: market)?\s*$|\b(?:up|down|rose|fell|increased|decreased|grew) (?:by )?$|\b(?:wip(?:ed|es|ing)|eras(?:ed|es|ing)|shed|lost)(?: out| off)? (?:about |some |nearly |more than |over )?$", before)
                or gate.match(r"\s*(?:이상\s*)?(?:늘|증가|줄|감소|불어)|\s*(?:이|가)?\s*(?:증발|사라졌|날아갔|허공)|\s*(?:of market value )?(?:was |were )?(?:wiped|erased|evaporated)\b|\s*(?:more|less) than\b|\s*on the (?:Kospi|Kosdaq)", after))


def _sign_by_base(s: Sentence, fig: Figure, plausible: tuple[float, float]) -> int:
    """The sign of a move fixed by the sentence's own levels: a level, and the base it is
    measured from ("from Friday's 1,384.4"), whose difference is the move: +1, -1, or 0 when
    the sentence does not state both."""
    levels = [g for g in s.figures if g is not fig and plausible[0] <= g.value <= plausible[1]]
    if len(levels) != 2:
        return 0
    bases = [g for g in levels if L.COMPARED_WITH.search(s.text[max(0, g.start - 40):g.start])]
    if len(bases) != 1:
        return 0
    base = bases[0]
    level = next(g for g in levels if g is not base)
    diff = level.value - base.value
    if abs(abs(diff) - fig.value) > Decimal("0.051"):
        return 0
    return 1 if diff > 0 else -1


def _bond(s: Sentence, fig: Figure, ent: Entity, as_of: str, emit: _Emitter, kw: dict) -> None:
    if gate.search(r"United States|U\.S\.(?! dollar)|\bUS\b(?! dollar)|American|미국|\bJapan(?:ese|'s)?\b|\bJGBs?\b|\bChin(?:a|ese)\b|\bGerman\b|\bBund\b|일본|중국|독일", s.text):
        return  # "In the United States, the 10-year Treasury yield ...": not Korea's
    # an untimed yield is the day's close, unless the whole page is a report during the session
    # (Reuters' "* Three-year treasury yield down 3.6 bps" over "As of 0311 GMT, ...")
    at = "close" if as_of == "intraday" and not emit.ctx.intraday_report else as_of
    if fig.unit == "pct" and 0 < fig.value < 20:
        emit.add(fig, "rate", ent.subject, "yield", at, fig.value, "rate.yield", **kw)
    elif fig.unit == "pctpt":  # "▼0.021%p": percentage points of yield, in basis points
        sign = _sign_between(s, ent.start, fig, L.UP, L.DOWN) or 1
        emit.add(fig, "rate", ent.subject, "change_bp", at,
                 sign * fig.value * 100, "rate.change_bp", **kw)
    elif fig.unit == "bp":
        sign = fig.sign or _sign_between(s, ent.start, fig, L.UP, L.DOWN) or 1  # "2.701% (-2.4bp)"
        emit.add(fig, "rate", ent.subject, "change_bp", at, sign * fig.value, "rate.change_bp", **kw)


def _list_head(s: Sentence, fig: Figure) -> Figure:
    """The first figure of the list "A, B and C" that ``fig`` belongs to."""
    head = fig
    while True:
        prev = [g for g in s.figures if g.end <= head.start and g.unit == head.unit]
        if prev and gate.fullmatch(r"\s*(?:,|and|or|, and)\s*", s.text[prev[-1].end:head.start]):
            head = prev[-1]
        else:
            return head
