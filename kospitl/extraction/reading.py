"""Reading a sentence: its figures (numbers with units) and entities (what they are about)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from decimal import Decimal
from kospitl import gate
from kospitl import lexicon as L
from kospitl import tickers
from kospitl import vocab
from kospitl.dates import DateRef, TimeRef, find_dates, find_times
from kospitl.numbers import NumberError, decimals, parse_korean, parse_number, scale_en
from kospitl.gate import DIGIT, focus
from kospitl.spelled import respell
from kospitl.text import clauses


HANGUL = re.compile(r"[\uac00-\ud7a3]")


# what a figure may be read as (kospitl.vocab's registry)
INDEX_RANGES = dict(vocab.REGISTRY["index"].subject_read)
FX_RANGE = vocab.read_range("fx", "rate")
MAX_PRICE = vocab.read_range("quote", "price")[1]
MIN_FLOW = vocab.METRICS[("flow", "net_buy")].least  # flows are stated in millions at least
MAX_FLOW = vocab.read_range("flow", "net_buy")[1]  # a larger sum is a market value


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

    @cached_property
    def dec(self) -> int:
        return decimals(self.text)

    @cached_property
    def quantum(self) -> float:
        """The value of the last digit printed: 0.01 for "3,549.21", 1e12 for "2 trillion won"."""
        t = self.text
        ko = [] if t.isascii() else gate.findall(r"[조억만]", t)
        if ko and not gate.search(r"[조억만]\s*\d[\d,]*\s*[천백십]?\s*원?$", t) and not gate.search(r"[천백십]\d", t):
            unit = {"조": 1e12, "억": 1e8, "만": 1e4}[ko[-1]]
            tail = gate.search(r"\d\s*([천백십])\s*[조억만]\s*원?\D*$", t)  # "4조4천억원": its last digit counts 천억
            return unit * {"천": 1e3, "백": 1e2, "십": 10.0}[tail[1]] if tail else unit
        m = gate.search(r"(?<![a-z])(thousand|million|billion|trillion|bn|tn|mln|mn|bln|trln|trn)\b", t, re.I)
        scale = {"thousand": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9, "bln": 1e9,
                 "trillion": 1e12, "tn": 1e12, "trln": 1e12, "trn": 1e12}[gate.fold(m[1])] if m else 1.0
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


def _read(text: str, offset: int) -> Sentence:
    text = respell(text)  # "three-thousand-344-point-two" as digits, offsets unchanged
    focus(text)  # the gates of the patterns below test this sentence from one pass over it
    dates = find_dates(text)
    event = L.HALT_EVENT.search(text) is not None  # "오전 9시 46분 … 사이드카를 발동": when a halt came, not a snapshot
    times = [t for t in find_times(text) if not (t.form == "clock" and (event or L.NOISE_CLOCK.search(text[:t.start]))
                                                 and not L.WHEN_AFTER.match(text, t.end))
             and not (t.start < 2 and gate.match(r"\s*(?:KST)?\s*[\u2014\u2013-]", text[t.end:t.end + 6]))]
    masked: list[tuple[int, int]] = [(d.start, d.end) for d in dates if DIGIT.search(d.text)]
    masked += [(t.start, t.end) for t in times if t.form in ("clock", "first_minutes")]
    digit = DIGIT.search(text) is not None  # every figure (and every non-figure number) has one
    masked += [m.span() for pat in L.NOT_FIGURES for m in pat.finditer(text)] if digit else []
    figures = _figures(text, masked) if digit else []
    entities = _entities(text, digit)
    return Sentence(text, offset, bool(HANGUL.search(text)), figures, entities, dates, times,
                    clauses(text))


def _figures(text: str, masked: list[tuple[int, int]]) -> list[Figure]:
    taken = list(masked)
    out: list[Figure] = []
    for unit, pat in L.FIGURE_TABLE.open(text):
        for m in pat.matches(text):
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
        if f.unit == "pct" and (L.PCT_OF_NOUN.match(text[f.end:f.end + 20]) or L.PCT_DISTANCE.match(text[f.end:f.end + 40])):
            f.used = True  # "a 25% tariff", "36% below its record close": not a market move
        if f.unit != "pt":
            continue
        before = text[max(0, f.start - 40):f.start]
        if L.THRESHOLD_BEFORE.search(before) and f.value % 100 == 0:
            f.unit = "threshold"
        elif gate.search(r"\b(?:of|at|to)\s+$", before) and f.dec > 0 and f.value > 100:
            f.unit = "num"  # "an intraday peak of 4,611.72 points"
    return out


def _figure(unit: str, m: re.Match[str], text: str) -> Figure | None:
    g = m.groupdict()
    raw = g.get("n") or m.group()
    try:
        if not raw.isascii() and gate.search(r"[조억만천백십]", raw):
            value = parse_korean(raw)
        elif g.get("ko"):
            value = parse_korean(raw + g["ko"])
        else:
            value = parse_number(raw.replace(" ", ""))
    except NumberError:
        return None
    value = scale_en(value, g.get("scale"))
    if g.get("jeon"):
        value += Decimal(g["jeon"]) / 100  # 전, a hundredth of a won (broadcast scripts: "6원 40전")
    sign = -1 if g.get("sign") in ("-", "\u2212", "▼", "▽") else 1 if g.get("sign") in ("+", "▲", "△") else 0
    before = text[max(0, m.start() - 30):m.start()]
    approx = bool(L.HEDGES.search(before) or L.HEDGES_AFTER.match(text[m.end():m.end() + 6]))
    return Figure(unit, value, m.start(), m.end(), m.group(), approx=approx, sign=sign)


def _entities(text: str, digit: bool = True) -> list[Entity]:
    out: list[Entity] = []
    taken: list[tuple[int, int]] = []
    for s, e, code in tickers.find(text):
        out.append(Entity("company", code, s, e))
        taken.append((s, e))
    for m in L.TICKER_CODE.finditer(text) if digit else ():
        if not any(m.start() < te and ts < m.end() for ts, te in taken):
            out.append(Entity("company", m[1], m.start(), m.end()))
            taken.append(m.span())
    for etype, subject, pat in L.ENTITY_TABLE.open(text):
        for m in pat.matches(text):
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
        g = 1 if m[1] else 2
        s, e = m.span(g)
        if any(s < te and ts < e for ts, te in taken) or L.KO_NOT_COMPANY.match(m[g]):
            continue
        out.append(Entity("unknown", m[g], s, e))
        taken.append((s, e))
    out.sort(key=lambda x: x.start)
    merged: list[Entity] = []
    for e in out:  # "Samsung Electronics (005930.KS)": one mention of the company, its code printed after it
        if merged and e.type == "company" == merged[-1].type and e.subject == merged[-1].subject \
                and not text[merged[-1].end:e.start].strip():
            merged[-1] = Entity("company", e.subject, merged[-1].start, e.end)
        else:
            merged.append(e)
    return merged


def _clause_of(s: Sentence, pos: int) -> int:
    for i, (cs, ce) in enumerate(s.clauses):
        if cs <= pos < ce:
            return i
    return len(s.clauses) - 1
