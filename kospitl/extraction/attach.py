"""Which entity a figure is about: nearest before it, or paired through a list."""
from __future__ import annotations

import re

from kospitl import gate
from kospitl import lexicon as L
from kospitl.extraction.reading import Entity, Figure, Sentence
from kospitl.extraction.reading import _clause_of
from kospitl.extraction.context import Context


def _pair(s: Sentence, ci: int, figs: list[Figure], ctx: Context) -> list[tuple[Figure, Entity | None]]:
    """Which entity each figure of a clause is about.

    A group of entities ("individuals and institutions", "HD Hyundai Heavy Industries and
    Hanwha Ocean") followed by as many figures of one unit pairs them in order, with or
    without "respectively"; "each" gives one figure to every member.
    """
    cs, ce = s.clauses[ci]
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
        owner = _owner_after(s, f, ents)
        if owner is not None:  # "296.4 billion won in foreign buying", "18.6 billion won from retail investors"
            out.append((f, owner))
            continue
        ent = _nearest(s, f, ents, ctx)
        group = _group_before(s, f.start, ents)
        if ent is not None and len(group) > 1 and (L.EACH.search(s.text[group[-1].end:f.start])
                                                   or gate.match(r"\s*each\b", s.text[f.end:f.end + 8])):
            out.extend((f, g) for g in group)  # "Samsung and SK hynix ... each rose about 1 percent"
            continue
        if ent is not None and ent.type == "company" and s.korean and len(group) > 1 and f.unit == "pct" \
                and gate.match(r"(?:가|이|는|은|도)\s", s.text[group[-1].end:group[-1].end + 2]) \
                and sum(g.unit == "pct" for g in figs) == 1:
            out.extend((f, g) for g in group)  # "SK하이닉스와 삼성전자가 3% 안팎 약세다": one move for the pair
            continue
        if ent is not None and ent.type == "investor" and len(group) > 1:
            out.append((f, None))  # "foreigners and institutions bought 881.9 billion won": combined
            continue
        out.append((f, ent))
    return out


OWNER_AFTER = re.compile(r"\s*(?:won\s+)?(?:worth\s+)?(?:in|of|from|by)\s+(?:net\s+)?(?:the\s+)?")


def _owner_after(s: Sentence, f: Figure, ents: list[Entity]) -> Entity | None:
    """An investor group named right after an amount, as the owner of a post-nominal phrase."""
    if f.unit not in ("won", "amount") or s.korean:
        return None
    after = [e for e in ents if e.start >= f.end]
    if after and after[0].type == "investor" and OWNER_AFTER.fullmatch(s.text[f.end:after[0].start]):
        return after[0]
    return None


def _units_for(etype: str) -> tuple[str, ...]:
    return {"investor": ("won", "amount"), "company": ("pct", "won"), "index": ("pct", "pt", "num"),
            }.get(etype, ("won", "pct", "num", "amount"))  # noqa: E501


def _group_before(s: Sentence, pos: int, ents: list[Entity]) -> list[Entity]:
    """The run of same-type entities joined by "and"/","/"과" that ends nearest before ``pos``."""
    cs = s.clauses[_clause_of(s, max(pos - 1, 0))][0]
    before = [e for e in ents if cs <= e.start and e.end <= pos and e.type != "noise"]
    if not before:  # a clause without a subject of its own: "..., before closing at X and Y, respectively"
        before = [e for e in ents if e.end <= pos and e.type != "noise"]
    if not before:
        return []
    last = before[-1]
    group = [last]
    for e in reversed(before[:-1]):
        gap = s.text[e.end:group[0].start]
        if e.type == last.type and e.subject not in {g.subject for g in group} and gate.fullmatch(r"\s*(?:,|and|, and|과|와|,\s*and|및|·)?\s*(?:the\s+|its\s+|rival\s+)?[\w\s-]{0,25}?\s*", gap) and len(gap) < 40 \
                and not gate.search(r"\d|\bwhile\b|\bbut\b", gap):
            group.insert(0, e)
        else:
            break
    return group


def _possessive(s: Sentence, e: Entity) -> bool:
    """"the Kospi's gains": an entity named as an owner, not as what a figure is about."""
    return bool(gate.match(r"(?:'s|\u2019s|')\s+(?!market|total|combined|balance|close|record|previous)[a-z]", s.text[e.end:e.end + 12]))


def _nearest(s: Sentence, f: Figure, ents: list[Entity], ctx: Context) -> Entity | None:
    cs, ce = s.clauses[_clause_of(s, f.start)]
    # "A net 1.42 trillion won worth of local shares was scooped up by foreign investors"
    by = gate.match(r"[^.;]{0,60}?\b(?:was|were|been)\s+(?:[a-z]+\s+){0,3}?by\s+(?:the\s+)?", s.text[f.end:])
    if by:
        agent = [e for e in ents if e.start == f.end + by.end()]
        if agent:
            return _concrete(agent[0], ctx)
    before = [e for e in ents if e.end <= f.start and (e.type != "noise" or e.start >= cs) and e.type != "place"]
    # "Hanmi Semiconductor Co., which makes equipment for SK Hynix, plunged 7.16%": not the relative clause's
    asides = [(a, b) for a, b in s.clauses if b <= f.start and gate.match(r",\s+which\b", s.text[a:b])]
    if asides:
        before = [e for e in before if not any(a <= e.start < b for a, b in asides)] or before
    strong = [e for e in before if not _possessive(s, e)]
    if strong:
        before = strong
    if before:
        e = before[-1]
        named = [x for x in before if x.type == "index"]
        if e.type == "index_ref" and named:  # "On the KOSDAQ, the index closed at 733.52": the one just named
            return Entity("index", named[-1].subject, e.start, e.end)
        if e.type == "investor" and f.unit == "num" and named and "…" in s.text[e.end:f.start]:
            return named[-1]  # "코스피, 외국인 매도에 강보합…2465.07 마감": investors have no level; the headline's index has
        return _concrete(e, ctx)
    # "After opening 0.8 percent higher at 1,174.27, the index ...": the subject comes later
    ci = _clause_of(s, f.start)
    after = [e for e in ents if f.end <= e.start < ce and e.type in ("index", "index_ref")]
    if after and s.clauses[ci][0] == 0:
        return _concrete(after[0], ctx)
    if f.unit == "shares" and not ents:  # "Around 581.3 million shares ... changed hands": the main board's
        return Entity("index", "KOSPI", -1, -1)
    # nothing before it: "This 0.84% jump ...", "It peaked at ..." continue the last sentence's topic
    if ctx.prev_entities and not any(e.end <= f.start for e in ents):
        e = ctx.prev_entities[-1]
        if e.type in ("index", "index_ref", "won", "dollar", "mcap", "margin") or (
                s.korean and e.type == "company" and not _other_topic(s, f)):
            return _concrete(Entity(e.type, e.subject, -1, -1), ctx)
        lead = next((x for x in ctx.prev_entities if x.type != "noise"), None)
        if lead is not None and lead.type == "company" and gate.match(r"\s*(?:It|The stock|The shares|Its shares)\b", s.text):
            return Entity("company", lead.subject, -1, -1)  # "EcoPro ... rocketed ... It closed at 1,142,000 won"
        if e.type == "investor" and gate.match(r"\s*(?:Their|They)\b", s.text):
            return Entity(e.type, e.subject, -1, -1)  # "Foreigners dumped ... Their net selling came to ..."
    if not any(e.end <= f.start for e in ents) and not any(e.type in ("company", "investor", "won", "dollar", "bond") for e in ents) \
            and any(g.unit == "pt" for g in s.figures):
        # "오후 들어서는 전 거래일보다 27.15포인트(0.91%) 오른 3004.89에서 거래되며": a move in points is the index's
        return Entity("index", ctx.market or "KOSPI", -1, -1)
    if f.unit == "shares":
        return Entity("index", "KOSPI", -1, -1)
    return None


KO_TOPIC = re.compile(r"([가-힣]{1,8})(?:은|는|이|가)\s")
SAME_TOPIC = {"주가", "종가", "시가", "고가", "저가", "주식", "회사", "이날", "오늘", "장중", "한때", "이", "그", "이는", "등락률", "상승률",
              "하락률", "상승폭", "하락폭", "낙폭", "오름폭"}
ADVERBIAL = ("에", "에서", "로", "까지", "부터", "동안", "중")  # "장중에는 12만900원까지": when, not who


def _other_topic(s: Sentence, f: Figure) -> bool:
    """"내 계좌는 오늘 하루 -5.2%" after a sentence on SK hynix: a subject of its own before the
    figure (not the stock's price, "주가는"), so the last sentence's company is not this one's."""
    return any(m[1] not in SAME_TOPIC and not m[1].endswith(ADVERBIAL) for m in KO_TOPIC.finditer(s.text, 0, f.start))


def _concrete(e: Entity, ctx: Context) -> Entity:
    if e.type == "index_ref":
        return Entity("index", ctx.market or "KOSPI", e.start, e.end)
    return e


def _owner(s: Sentence, f: Figure) -> Entity | None:
    before = [e for e in s.entities if e.end <= f.start and e.type not in ("investor",)]
    if not before:
        return None
    e = before[-1]
    if e.type == "index_ref":
        return Entity("index", "", e.start, e.end)
    return e
