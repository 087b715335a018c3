#!/usr/bin/env python3
"""Synthetic corpus for the kospitl benchmark.

Writes N closing-market reports (N from 1,000 to 100,000) spread over ~10 years of KRX
trading days, in the formats of the real corpus:

* Yonhap English page (headline, URL line, time line, "SEOUL, Nov. 28 (Yonhap) --" dateline);
* JoongAng Daily ("Published: 07 Jan. 2026, 18:38 Updated: ...");
* Korea Herald ("Published : Oct. 2, 2025 - 16:41    Updated : ...");
* Financial News (crawl-date page header, "Input\\nYYYY-MM-DD HH:MM:SS", "on the 28th");
* Naver crawl of a Korean Yonhap / News1 report (YAML front matter).

Every article states a subset of one coherent market history: the KOSPI (close, change,
change %, volume, turnover, advancers, decliners), the KOSDAQ close, investor flows
(foreign / institution / individual), 3-8 stock quotes (price and change %) from
``data/tickers.csv`` and the won's close and change. The history is a seeded random walk over
*every* session of the range, so an article's change agrees with the previous session's close
even when no article covers that session. A small share of articles (``--typo-rate``) prints a
point change with two digits swapped, as real copy does (the percent still refutes it).

Output, in ``OUT``:

* ``YYYY/YYYYMMDD_<outlet>_<n>.txt`` — the articles (sorted names = chronological order);
* ``facts.jsonl`` — one line per article: the facts it states, as printed (``doc``, ``date``,
  ``facts`` = [[kind, subject, metric, as_of, value, quantum], ...], ``typos`` = keys printed wrong);
* ``truth.jsonl`` — the true value of every fact stated on any covered session, with the finest
  and the coarsest quantum (value of the last printed digit) the articles printed it with;
* ``manifest.json`` — seed, N, range, counts.

Deterministic: the same ``--seed`` and ``-n`` give byte-identical files.

    .venv/bin/python bench/generate.py -n 1000 --seed 1 --out /tmp/kospitl-bench/corpus-1000
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import os
import random
import shutil
import sys
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kospitl import sessions  # noqa: E402
from kospitl.articles import content_hash  # noqa: E402

FIRST_DAY = date(2016, 1, 4)
LAST_DAY = date(2025, 12, 30)
FORMAT = 2  # bumped when the output changes; bench/run.py regenerates older corpora
MIN_PER_DAY = 4  # "several articles per day": fewer articles → fewer (evenly spaced) days

MONTH_ABBR = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
MONTH_SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONTH_FULL = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# Tickers whose names are also common words or other companies' prefixes are left out, as are
# holding companies named like their groups ("LG", "CJ", "LS"): a benchmark, not a trap test.
SKIP_TICKERS = {"001040", "003550", "006260", "002380", "000880", "000150", "004800", "004990"}
BIG = ["005930", "000660", "373220", "207940", "005380", "000270", "035420", "068270", "105560",
       "012450", "034020", "329180", "055550", "035720", "006400", "051910", "005490", "028260"]


# ---- the market history --------------------------------------------------------------------

@dataclass
class Day:
    d: date
    close: float
    change: float
    pct: float
    volume_m: float  # million shares, 2 decimals
    turnover_t: float  # trillion won, 2 decimals
    adv: int
    dec: int
    kq_close: float
    kq_change: float
    kq_pct: float
    flows_bn: dict[str, float]  # billion won, 2 decimals, signed
    fx: float
    fx_change: float  # + when the won weakens


def tick(price: float) -> int:
    """KRX tick size for a price."""
    for limit, t in ((2000, 1), (5000, 5), (20000, 10), (50000, 50), (200000, 100), (500000, 500)):
        if price < limit:
            return t
    return 1000


def on_tick(price: float) -> int:
    t = tick(price)
    return max(t, int(round(price / t)) * t)


class Market:
    """The true history: index, flows and the won per session; one price walk per ticker."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        cal = sessions.load()
        self.sessions: list[date] = []
        d = FIRST_DAY
        while d <= LAST_DAY:
            if cal.is_session(d):
                self.sessions.append(d)
            d += timedelta(days=1)
        self.index = {s: i for i, s in enumerate(self.sessions)}
        rng = random.Random(f"{seed}:market")
        self.days: dict[date, Day] = {}
        close, kq, fx = 1918.76, 682.35, 1189.0
        for s in self.sessions:
            drift = 0.00033 + (0.002 if close < 1500 else -0.002 if close > 5500 else 0.0)
            r = max(-0.08, min(0.08, rng.gauss(drift, 0.011)))
            new = round(close * (1 + r), 2)
            if new == close:
                new = round(close + 0.01, 2)
            change = round(new - close, 2)
            pct = round(change / close * 100, 2)
            rk = max(-0.08, min(0.08, rng.gauss(0.0002 + (0.002 if kq < 500 else -0.002 if kq > 1200 else 0), 0.013)))
            kq_new = round(kq * (1 + rk), 2)
            if kq_new == kq:
                kq_new = round(kq + 0.01, 2)
            kq_change = round(kq_new - kq, 2)
            kq_pct = round(kq_change / kq * 100, 2)
            fx_new = round(fx + rng.gauss(0.05 if fx < 1400 else -0.1, 4.5) + (1.5 if fx < 1050 else -1.5 if fx > 1500 else 0), 1)
            if fx_new == fx:
                fx_new = round(fx + 0.1, 1)
            fx_change = round(fx_new - fx, 1)
            breadth = 930 - rng.randint(40, 110)
            share = 1 / (1 + math.exp(-pct * 1.6))
            adv = max(40, min(breadth - 40, int(round(breadth * share + rng.gauss(0, 40)))))
            dec = breadth - adv
            if adv == dec:
                dec += 1
            scale = new / 2000  # turnover grows with the index
            volume_m = round(rng.uniform(250, 950), 2)
            turnover_t = round(rng.uniform(4.5, 11) * scale, 2)
            foreign = rng.gauss(pct * 350 * scale, 350 * scale)
            inst = rng.gauss(pct * 120 * scale, 250 * scale)
            if (foreign > 0) == (inst > 0):  # one side against the other two, as in the news
                inst = -inst
            indiv = -(foreign + inst) + rng.gauss(0, 40)
            if (indiv > 0) == (foreign > 0):
                indiv = -indiv
            flows = {k: round(v, 2) or 0.01 for k, v in (("foreign", foreign), ("institution", inst), ("individual", indiv))}
            flows = {k: (v if abs(v) >= 1 else math.copysign(1.23, v)) for k, v in flows.items()}
            self.days[s] = Day(s, new, change, pct, volume_m, turnover_t, adv, dec, kq_new, kq_change, kq_pct,
                               flows, fx_new, fx_change)
            close, kq, fx = new, kq_new, fx_new
        self._prices: dict[str, list[tuple[int, float]]] = {}

    def prices(self, code: str) -> list[tuple[int, float]]:
        """(price, change %) per session for one ticker, a walk on the KRX tick grid."""
        if code not in self._prices:
            rng = random.Random(f"{self.seed}:ticker:{code}")
            p = on_tick(math.exp(rng.uniform(math.log(8000), math.log(600000))))
            out = []
            for _ in self.sessions:
                new = p
                while new == p:
                    new = on_tick(p * (1 + max(-0.29, min(0.29, rng.gauss(0.0002, 0.022)))))
                    if p <= tick(p) * 3:
                        new = p + tick(p)
                out.append((new, round((new - p) / p * 100, 2)))
                p = new
            self._prices[code] = out
        return self._prices[code]


@dataclass
class Listing:
    code: str
    en: str
    ko: str


def load_tickers() -> list[Listing]:
    with open(ROOT / "data" / "tickers.csv", encoding="utf-8") as f:
        rows = [Listing(r["code"], r["name_en"], r["name_ko"]) for r in csv.DictReader(f)
                if r["market"] == "KOSPI" and r["code"] not in SKIP_TICKERS and r["name_ko"]]
    return rows


# ---- formatting ------------------------------------------------------------------------------

def comma(x: float, dec: int = 2) -> str:
    return f"{x:,.{dec}f}"


def won_en(bn: float, rng: random.Random) -> tuple[str, float, float]:
    """A billion-won amount as an English article prints it → (text, printed value, quantum)."""
    a = abs(bn)
    if a >= 1000:
        digits = rng.choice((2, 2, 4, 1))
        t = round(a / 1000, digits)
        s = f"{t:.{digits}f}".rstrip("0").rstrip(".") if digits == 4 else f"{t:.{digits}f}"
        if s.endswith(".0") or s.endswith(".00"):
            s = s.split(".")[0]
        dec = len(s.split(".")[1]) if "." in s else 0
        return f"{s} trillion won", float(s) * 1e12, 10 ** (12 - dec)
    digits = rng.choice((2, 2, 1))
    b = round(a, digits)
    s = f"{b:,.{digits}f}"
    if s.endswith(".0") or s.endswith(".00"):
        s = s.split(".")[0]
    dec = len(s.split(".")[1]) if "." in s else 0
    return f"{s} billion won", float(s.replace(",", "")) * 1e9, 10 ** (9 - dec)


def won_ko(bn: float) -> tuple[str, float, float]:
    """"3조1250억원" / "8천188억원" / "690억원" → (text, value, quantum 1e8)."""
    eok = int(round(abs(bn) * 10))  # 1 billion = 10 억
    jo, rest = divmod(eok, 10000)
    parts = []
    if jo:
        parts.append(f"{jo}조")
    if rest:
        if rest >= 1000 and not jo and eok % 3 == 0:
            th, r = divmod(rest, 1000)
            parts.append(f"{th}천{r}억" if r else f"{th}천억")
        else:
            parts.append(f"{rest}억")
    return "".join(parts) + "원", eok * 1e8, 1e8


def price_ko(p: int) -> str:
    """89000 → "8만9000원", 119900 → "11만9천900원", 1600000 → "160만원"."""
    man, rest = divmod(p, 10000)
    if not man:
        return f"{rest:,}원"
    if not rest:
        return f"{man}만원"
    if rest >= 1000 and rest % 1000 and p % 7 == 0:
        th, r = divmod(rest, 1000)
        return f"{man}만{th}천{r}원"
    return f"{man}만{rest}원"


def ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


FIRST = ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Oh", "Seo", "Shin"]
GIVEN = ["Min-ho", "Ji-woo", "Seo-yeon", "Hyun-woo", "Da-eun", "Jun-seo", "Ye-jin", "Sung-min", "Eun-ji",
         "Tae-hyun", "Soo-bin", "Dong-hyun", "Ha-neul", "Jae-won", "Yu-na", "Min-jae"]
KO_FIRST = ["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오"]
KO_GIVEN = ["민호", "지우", "서연", "현우", "다은", "준서", "예진", "성민", "은지", "태현", "수빈", "하늘"]
BROKERS = ["Yuanta Securities", "Shinhan Securities", "KB Securities", "Kiwoom Securities", "Daishin Securities",
           "Hana Securities", "Mirae Asset Securities", "Samsung Securities", "Korea Investment & Securities",
           "NH Investment & Securities", "Meritz Securities", "Eugene Investment & Securities"]
THEMES_UP = ["chipmakers", "battery makers", "shipbuilders", "automakers", "defense firms", "bio shares",
             "financial stocks", "large-cap tech shares", "nuclear power plant builders", "brokerages"]
THEMES_DOWN = ["chipmakers", "battery makers", "steelmakers", "retailers", "airlines", "bio shares",
               "internet platforms", "chemical makers", "game developers", "telecom operators"]
WHY_UP = ["strong exports", "hopes for lower U.S. interest rates", "a weaker dollar", "robust earnings",
          "fresh government support for the capital market", "optimism over artificial intelligence demand",
          "easing trade tensions", "upbeat semiconductor prices"]
WHY_DOWN = ["profit-taking", "worries over U.S. tariffs", "a stronger dollar", "weak earnings",
            "concerns over slowing global growth", "rising bond yields", "geopolitical tensions",
            "caution ahead of a Federal Reserve meeting"]
QUOTES = [
    "Investors are focusing on earnings and the direction of the dollar",
    "The market is likely to remain range-bound until the next catalyst arrives",
    "Foreign demand for large caps is the variable to watch",
    "Sentiment hinges on export data and on what the central bank signals next",
    "Short-term volatility may continue, but the trend has not changed",
    "Individual investors are chasing momentum in a handful of sectors",
    "Valuations look stretched after the recent moves",
    "Policy expectations are doing much of the work in this market",
]
FILLER = [
    "Analysts said the market lacked a fresh catalyst and moved with the currency.",
    "Market watchers kept an eye on the direction of U.S. monetary policy.",
    "The stock and foreign exchange markets will open as usual on the next business day.",
    "Trading desks said program selling weighed on the index in the final hour.",
    "Investors also digested a batch of corporate earnings released after the bell.",
    "Brokerages said retail margin trading remained elevated.",
    "Attention now turns to export figures due next week.",
    "Sector rotation continued as investors reshuffled portfolios.",
]
FILLER_KO = [
    "증권가에서는 \"환율과 외국인 수급이 당분간 지수 방향을 결정할 것\"이라는 분석이 나왔다.",
    "시장에서는 다음 주 발표될 수출 지표에 관심이 쏠리고 있다.",
    "업종별로는 반도체와 자동차가 엇갈린 흐름을 보였다.",
    "전문가들은 단기 변동성이 이어질 수 있다고 내다봤다.",
    "장 막판 프로그램 매매가 지수 흐름에 영향을 줬다.",
    "투자자들은 미국 통화정책의 방향을 주시했다.",
]


# ---- articles ---------------------------------------------------------------------------------

@dataclass
class Draft:
    """What an article states: its facts (as printed) and the keys printed wrong."""

    day: Day
    facts: list[list] = field(default_factory=list)
    typos: list[str] = field(default_factory=list)

    def fact(self, kind: str, subject: str, metric: str, value: float, quantum: float, as_of: str = "close") -> None:
        self.facts.append([kind, subject, metric, as_of, value, quantum])


class Writer:
    OUTLETS = (("yonhap", 30), ("joongang", 15), ("koreaherald", 15), ("fnnews", 15), ("naver", 25))

    def __init__(self, market: Market, tickers: list[Listing], typo_rate: float, seed: int) -> None:
        self.m = market
        self.tickers = tickers
        self.by_code = {t.code: t for t in tickers}
        self.big = [c for c in BIG if c in self.by_code]
        self.rest = [t.code for t in tickers if t.code not in self.big]
        self.typo_rate = typo_rate
        self.seed = seed

    def outlet(self, rng: random.Random) -> str:
        r = rng.uniform(0, 100)
        for name, w in self.OUTLETS:
            if r < w:
                return name
            r -= w
        return "naver"

    def stocks(self, rng: random.Random, day: Day) -> list[str]:
        """3-8 stocks: mostly from the day's movers, so several articles of a day agree."""
        day_rng = random.Random(f"{self.seed}:movers:{day.d}")
        movers = day_rng.sample(self.big, 6) + day_rng.sample(self.rest, 8)
        n = rng.randint(3, 8)
        return rng.sample(movers, n)

    # -- pieces shared by the English outlets --
    def index_sentence(self, dr: Draft, rng: random.Random, style: str) -> str:
        d = dr.day
        up = d.change > 0
        change = abs(d.change)
        shown = change
        if rng.random() < self.typo_rate and change >= 10:
            s = f"{change:.2f}"
            i = next((k for k in range(len(s) - 1) if s[k].isdigit() and s[k + 1].isdigit() and s[k] != s[k + 1]), None)
            if i is not None:
                shown = float(s[:i] + s[i + 1] + s[i] + s[i + 2:])
                dr.typos.append("index:KOSPI:change")
        dr.fact("index", "KOSPI", "close", d.close, 0.01)
        dr.fact("index", "KOSPI", "change", shown if up else -shown, 0.01)
        dr.fact("index", "KOSPI", "change_pct", d.pct, 0.01)
        pct = f"{abs(d.pct):.2f}"
        verb = rng.choice(("rose", "gained", "climbed", "advanced", "added")) if up else \
            rng.choice(("fell", "dropped", "lost", "declined", "shed"))
        c = comma(d.close)
        x = comma(shown)
        if style == "fn":
            return (f"According to the Korea Exchange (KRX), the KOSPI closed at {c} on the {ordinal(d.d.day)}, "
                    f"{'up' if up else 'down'} {x} points ({'+' if up else '-'}{pct}%) from the previous session.")
        t = rng.randrange(4)
        if t == 0:
            return (f"The benchmark Korea Composite Stock Price Index (KOSPI) {verb} {x} points, or {pct} percent, "
                    f"to close at {c}.")
        if t == 1:
            return f"The benchmark index {verb} {x} points, or {pct} percent, to {c}."
        if t == 2:
            return f"The Kospi closed {'up' if up else 'down'} {x} points, or {pct} percent, at {c}."
        return f"The KOSPI {verb} {pct} percent, or {x} points, to finish at {c}."

    def lead(self, d: Day, rng: random.Random, weekday: bool = True) -> str:
        up = d.change > 0
        wd = f" {WEEKDAYS[d.d.weekday()]}" if weekday else ""
        theme = rng.choice(THEMES_UP if up else THEMES_DOWN)
        why = rng.choice(WHY_UP if up else WHY_DOWN)
        t = rng.randrange(3)
        if t == 0:
            return (f"South Korean stocks {'rose' if up else 'fell'}{wd} as {theme} "
                    f"{'rallied' if up else 'came under pressure'} on {why}.")
        if t == 1:
            return (f"Seoul shares {'closed higher' if up else 'ended lower'}{wd}, "
                    f"with {theme} {'leading the gains' if up else 'dragging the market'} amid {why}.")
        return (f"The Korean stock market {'extended gains' if up else 'retreated'}{wd} "
                f"as investors weighed {why}.")

    def volume_sentence(self, dr: Draft, rng: random.Random) -> str:
        d = dr.day
        v = f"{d.volume_m:,.2f}"
        tv = f"{d.turnover_t:,.2f}"
        dr.fact("index", "KOSPI", "volume", round(d.volume_m * 1e6), 1e4)
        dr.fact("index", "KOSPI", "turnover", round(d.turnover_t * 1e12), 1e10)
        dr.fact("index", "KOSPI", "advancers", d.adv, 1)
        dr.fact("index", "KOSPI", "decliners", d.dec, 1)
        usd = f" (US${d.turnover_t * 1e3 / d.fx:,.2f} billion)" if rng.random() < 0.5 else ""
        mood = rng.choice(("moderate", "light", "heavy", "brisk"))
        t = rng.randrange(3)
        if t == 0:
            if d.adv > d.dec:
                tail = f"with gainers outnumbering losers {d.adv} to {d.dec}"
            else:
                tail = f"with losers beating winners {d.dec} to {d.adv}"
            return f"Trade volume was {mood} at {v} million shares worth {tv} trillion won{usd}, {tail}."
        if t == 1:
            tail = (f"and gainers beat decliners {d.adv} to {d.dec}" if d.adv > d.dec
                    else f"and decliners outnumbered gainers {d.dec} to {d.adv}")
            return f"Trading was {mood}, with {v} million shares worth {tv} trillion won{usd} changing hands, {tail}."
        tail = (f"and gainers outnumbered decliners {d.adv} to {d.dec}" if d.adv > d.dec
                else f"but decliners outnumbered gainers {d.dec} to {d.adv}")
        return f"Volume reached {v} million shares worth {tv} trillion won{usd}, {tail}."

    def flow_sentence(self, dr: Draft, rng: random.Random, style: str) -> str:
        f = dr.day.flows_bn
        names = {"foreign": rng.choice(("Foreign investors", "Foreigners", "Offshore investors")),
                 "institution": rng.choice(("institutions", "institutional investors")),
                 "individual": rng.choice(("individuals", "retail investors"))}
        pos = [k for k in ("foreign", "institution", "individual") if f[k] > 0]
        neg = [k for k in ("foreign", "institution", "individual") if f[k] < 0]
        single, pair = (pos, neg) if len(pos) == 1 else (neg, pos)
        amounts = {}
        for k in f:
            text, value, q = won_en(f[k], rng)
            amounts[k] = text
            dr.fact("flow", k, "net_buy", math.copysign(value, f[k]), q)
        s = single[0]
        buy = ("bought a net", "net purchased", "scooped up a net") if f[s] > 0 else ("sold a net", "net sold", "unloaded a net")
        pbuy = ("bought a net", "net bought") if f[pair[0]] > 0 else ("sold a net", "net sold")
        sname = names[s][0].upper() + names[s][1:]
        p1, p2 = names[pair[0]], names[pair[1]]
        if {"foreign"} & set(pair):
            p1 = p1[0].lower() + p1[1:] if pair[0] == "foreign" else p1
            p2 = p2[0].lower() + p2[1:] if pair[1] == "foreign" else p2
        worth = rng.choice((" worth of shares", " of shares", ""))
        if style == "fn":
            pa = (p1[0].upper() + p1[1:])
            return (f"On the main board, {pa[0].lower() + pa[1:]} and {p2} {rng.choice(pbuy)} {amounts[pair[0]]} and "
                    f"{amounts[pair[1]]}, respectively, while {sname[0].lower() + sname[1:]} {rng.choice(buy)} {amounts[s]}.")
        return (f"{sname} {rng.choice(buy)} {amounts[s]}{worth}, while {p1} and {p2} {rng.choice(pbuy)} "
                f"{amounts[pair[0]]} and {amounts[pair[1]]}{worth}, respectively.")

    def quote_sentences(self, dr: Draft, rng: random.Random, ko: bool = False) -> list[str]:
        codes = self.stocks(rng, dr.day)
        i = self.m.index[dr.day.d]
        out, pending = [], []
        for n, code in enumerate(codes):
            price, pct = self.m.prices(code)[i]
            t = self.by_code[code]
            dr.fact("quote", code, "price", price, 1)
            dr.fact("quote", code, "change_pct", pct, 0.01)
            if ko:
                verb = rng.choice(("오른", "상승한", "뛴")) if pct > 0 else rng.choice(("내린", "하락한", "떨어진"))
                pending.append(f"{t.ko}는 {abs(pct):.2f}% {verb} {price_ko(price)}")
                if len(pending) == 2 or n == len(codes) - 1:
                    out.append(", ".join(pending) + "에 " + rng.choice(("마감했다.", "거래를 마쳤다.", "장을 마쳤다.")))
                    pending = []
                continue
            up = pct > 0
            verb = rng.choice(("rose", "climbed", "gained", "jumped", "advanced")) if up else \
                rng.choice(("fell", "lost", "dropped", "declined", "slid", "shed"))
            clause = f"{t.en} {verb} {abs(pct):.2f} percent to {price:,} won"
            pending.append(clause)
            if len(pending) == 2 or n == len(codes) - 1:
                if len(pending) == 2:
                    out.append(f"{pending[0]}, and {pending[1]}.")
                else:
                    out.append(f"{pending[0]}.")
                pending = []
        return out

    def fx_sentence(self, dr: Draft, rng: random.Random) -> str:
        d = dr.day
        dr.fact("fx", "USD/KRW", "rate", d.fx, 0.1)
        dr.fact("fx", "USD/KRW", "change", d.fx_change, 0.1)
        weak = d.fx_change > 0
        c = abs(d.fx_change)
        t = rng.randrange(3)
        if t == 0:
            return (f"The local currency closed at {d.fx:,.1f} won against the U.S. dollar, "
                    f"{'down' if weak else 'up'} {c:.1f} won from the previous session.")
        if t == 1:
            return (f"The won ended at {d.fx:,.1f} per dollar, {'weakening' if weak else 'strengthening'} "
                    f"{c:.1f} won from the previous session.")
        return (f"The Korean won {'weakened' if weak else 'strengthened'} {c:.1f} won to close at {d.fx:,.1f} "
                f"per dollar.")

    def kosdaq_sentence(self, dr: Draft, rng: random.Random) -> str:
        d = dr.day
        dr.fact("index", "KOSDAQ", "close", d.kq_close, 0.01)
        dr.fact("index", "KOSDAQ", "change_pct", d.kq_pct, 0.01)
        up = d.kq_change > 0
        return (f"The secondary KOSDAQ {rng.choice(('rose', 'gained')) if up else rng.choice(('fell', 'lost'))} "
                f"{abs(d.kq_pct):.2f} percent to {comma(d.kq_close)}.")

    def quote_line(self, rng: random.Random) -> str:
        return (f"\"{rng.choice(QUOTES)},\" said {rng.choice(FIRST)} {rng.choice(GIVEN)}, an analyst at "
                f"{rng.choice(BROKERS)}.")

    def body_en(self, dr: Draft, rng: random.Random, style: str, lead_weekday: bool = True) -> list[str]:
        paras = [self.lead(dr.day, rng, lead_weekday), self.index_sentence(dr, rng, style)]
        if rng.random() < 0.75:
            paras.append(self.volume_sentence(dr, rng))
        if rng.random() < 0.85:
            paras.append(self.flow_sentence(dr, rng, style))
        if rng.random() < 0.7:
            paras.append(self.quote_line(rng))
        q = self.quote_sentences(dr, rng)
        paras.append(" ".join(q[:2]))
        if q[2:]:
            paras.append(" ".join(q[2:]))
        if rng.random() < 0.4:
            paras.append(self.kosdaq_sentence(dr, rng))
        if rng.random() < 0.75:
            paras.append(self.fx_sentence(dr, rng))
        paras.extend(rng.sample(FILLER, rng.randint(0, 2)))
        return paras

    def headline(self, d: Day, rng: random.Random) -> str:
        up = d.change > 0
        pct = f"{abs(d.pct):.2f}"
        t = rng.randrange(4)
        if t == 0:
            return f"Seoul shares close {pct} pct {'higher' if up else 'lower'} at {comma(d.close)}"
        if t == 1:
            return f"Seoul shares {'rise' if up else 'fall'} on {rng.choice(THEMES_UP if up else THEMES_DOWN)}"
        if t == 2:
            return f"Kospi {'gains' if up else 'slips'} as {rng.choice(WHY_UP if up else WHY_DOWN)} {'lift' if up else 'weigh on'} sentiment"
        return f"Stocks {'end higher' if up else 'close lower'}; won {'weakens' if d.fx_change > 0 else 'strengthens'}"

    # -- outlets --
    def yonhap(self, dr: Draft, rng: random.Random, n: int) -> str:
        d = dr.day
        hh, mm = 15, rng.randint(32, 59)
        if rng.random() < 0.3:
            hh, mm = 16, rng.randint(0, 50)
        tag = rng.choice(("", "", "(LEAD) ", "(2nd LD) "))
        paras = self.body_en(dr, rng, "en")
        paras[0] = f"SEOUL, {MONTH_ABBR[d.d.month - 1]} {d.d.day} (Yonhap) -- " + paras[0]
        url = f"https://en.yna.co.kr/view/AEN{d.d:%Y%m%d}{(n * 7919) % 1000000:06d}320"
        return "\n".join([tag + self.headline(d, rng), url, f"{d.d:%Y-%m-%d} {hh:02d}:{mm:02d}", ""]) + "\n" + \
            "\n\n".join(paras) + "\n\n(END)\n"

    def joongang(self, dr: Draft, rng: random.Random, n: int) -> str:
        d = dr.day
        hh, mm = rng.randint(16, 19), rng.randint(0, 59)
        h2 = min(23, hh + rng.randint(0, 2))
        stamp = lambda h, m: f"{d.d.day:02d} {MONTH_SHORT[d.d.month - 1]}. {d.d.year}, {h:02d}:{m:02d}"  # noqa: E731
        paras = self.body_en(dr, rng, "en")
        name = f"{rng.choice(FIRST).upper()} {rng.choice(GIVEN).upper()}"
        return "\n".join([self.headline(d, rng), f"Published: {stamp(hh, mm)} Updated: {stamp(h2, mm)}", ""]) + "\n" + \
            "\n\n".join(paras) + f"\n\nBY {name} [{name.split()[0].lower()}.{n}@joongang.co.kr]\n"

    def koreaherald(self, dr: Draft, rng: random.Random, n: int) -> str:
        d = dr.day
        hh, mm = rng.randint(15, 18), rng.randint(0, 59)
        if hh == 15:
            mm = rng.randint(40, 59)
        stamp = f"{MONTH_ABBR[d.d.month - 1]} {d.d.day}, {d.d.year} - {hh:02d}:{mm:02d}"
        title = self.headline(d, rng)
        first = f" date {d.d:%Y-%m-%d} {title}" if rng.random() < 0.5 else title
        paras = self.body_en(dr, rng, "en")
        who = f"{rng.choice(FIRST)} {rng.choice(GIVEN)}"
        return "\n".join([first, f"Published : {stamp}    Updated : {stamp}", ""]) + "\n" + "\n\n".join(paras) + \
            f"\n\nBy {who} ({who.split()[1].replace('-', '').lower()}{n}@heraldcorp.com)\n"

    def fnnews(self, dr: Draft, rng: random.Random, n: int) -> str:
        d = dr.day
        crawl = d.d + timedelta(days=rng.randint(0, 25))
        hh, mm, ss = 15, rng.randint(35, 59), rng.randint(0, 59)
        stamp = f"{d.d:%Y-%m-%d} {hh:02d}:{mm:02d}:{ss:02d}"
        up = d.change > 0
        title = (f"KOSPI {'Rises' if up else 'Falls'} {abs(d.pct):.2f}% "
                 f"{rng.choice(('on Foreign Buying', 'on Chip Rally', 'as Won Moves', 'in Choppy Trade'))} [fn Closing Market]")
        paras = [f"On the {ordinal(d.d.day)}, the KOSPI is displayed on the electronic board of a bank dealing room in "
                 f"Jung-gu, Seoul. /Photo: Yonhap News",
                 f"[Financial News] The KOSPI {'advanced' if up else 'retreated'} on the {ordinal(d.d.day)} "
                 f"as {rng.choice(WHY_UP if up else WHY_DOWN)} set the tone.",
                 self.index_sentence(dr, rng, "fn")]
        if rng.random() < 0.85:
            paras.append(self.flow_sentence(dr, rng, "fn"))
        q = self.quote_sentences(dr, rng)
        paras.append(" ".join(q))
        if rng.random() < 0.5:
            paras.append(self.kosdaq_sentence(dr, rng))
        if rng.random() < 0.5:
            paras.append(self.fx_sentence(dr, rng))
        paras.extend(rng.sample(FILLER, rng.randint(0, 2)))
        header = f"{WEEKDAYS[crawl.weekday()]}, {MONTH_FULL[crawl.month - 1]} {crawl.day}, {crawl.year}"
        return f"{header}\n\n{title}\n\nInput\n{stamp}\nUpdated\n{stamp}\n\n" + "\n\n".join(paras) + \
            f"\n\nfnreporter{n}@fnnews.com\n"

    def naver(self, dr: Draft, rng: random.Random, n: int) -> str:
        d = dr.day
        yna = rng.random() < 0.6
        publisher, oid = ("연합뉴스", "001") if yna else ("뉴스1", "421")
        hh, mm = rng.choice((15, 16)), rng.randint(0, 59)
        if hh == 15:
            mm = rng.randint(35, 59)
        up = d.change > 0
        pts, pct = f"{abs(d.change):,.2f}", f"{abs(d.pct):.2f}"
        updown = "오른" if up else "내린"
        title = (f"코스피, {pct}% {'상승' if up else '하락'} 마감…"
                 f"{rng.choice(('외국인 순매수', '기관 매도', '반도체 강세', '환율 부담', '개인 매수세'))}")
        reporter = f"{rng.choice(KO_FIRST)}{rng.choice(KO_GIVEN)}"
        mail = f"reporter{n}@{'yna.co.kr' if yna else 'news1.kr'}"
        body = [f"(서울={publisher}) {reporter} 기자 = {d.d.day}일 코스피가 "
                f"{'상승' if up else '하락'} 마감했다."]
        dr.fact("index", "KOSPI", "close", d.close, 0.01)
        dr.fact("index", "KOSPI", "change", d.change, 0.01)
        dr.fact("index", "KOSPI", "change_pct", d.pct, 0.01)
        if rng.random() < 0.5:
            body.append(f"이날 코스피는 전 거래일보다 {pts}포인트({pct}%) {updown} {comma(d.close)}에 거래를 마쳤다.")
        else:
            body.append(f"한국거래소에 따르면 이날 코스피는 전 거래일 대비 {pts}포인트({pct}%) {updown} "
                        f"{comma(d.close)}로 장을 마감했다.")
        if rng.random() < 0.85:
            f = d.flows_bn
            pos = [k for k in ("individual", "foreign", "institution") if f[k] > 0]
            neg = [k for k in ("individual", "foreign", "institution") if f[k] < 0]
            ko = {"foreign": "외국인", "institution": "기관", "individual": "개인"}
            amt = {}
            for k in f:
                text, value, q = won_ko(f[k])
                amt[k] = text
                dr.fact("flow", k, "net_buy", math.copysign(value, f[k]), q)
            single, pair = (pos, neg) if len(pos) == 1 else (neg, pos)
            s = single[0]
            sv, pv = ("순매수", "순매도") if f[s] > 0 else ("순매도", "순매수")
            if rng.random() < 0.5:
                body.append(f"유가증권시장에서 {ko[s]}{'은' if s == 'foreign' else '이'} {amt[s]}을 {sv}했다. "
                            f"{ko[pair[0]]}과 {ko[pair[1]]}은 각각 {amt[pair[0]]}, {amt[pair[1]]}을 {pv}했다.")
            else:
                body.append(f"유가증권시장에서 {ko[s]}{'이' if s != 'foreign' else '이'} {amt[s]}어치를 {sv}했고, "
                            f"{ko[pair[0]]}과 {ko[pair[1]]}은 각각 {amt[pair[0]]}, {amt[pair[1]]}어치를 {pv}했다.")
        body.extend(self.quote_sentences(dr, rng, ko=True))
        if rng.random() < 0.4:
            dr.fact("index", "KOSDAQ", "close", d.kq_close, 0.01)
            dr.fact("index", "KOSDAQ", "change_pct", d.kq_pct, 0.01)
            body.append(f"코스닥지수는 {abs(d.kq_pct):.2f}% {'오른' if d.kq_change > 0 else '내린'} "
                        f"{comma(d.kq_close)}로 장을 마쳤다.")
        body.extend(rng.sample(FILLER_KO, rng.randint(1, 2)))
        front = "\n".join([
            "---", f"id: {oid}_{n:010d}", f'title: "{title}"', "category: ", f"publisher: {publisher}",
            "author: ", "\t\t", f"\t\t\t{reporter}({mail})", "\t\t", "\t",
            f"published_at: {d.d:%Y-%m-%d} {hh:02d}:{mm:02d}",
            f"crawled_at: {d.d:%Y-%m-%d} {min(hh + 1, 23):02d}:{mm:02d}:{rng.randint(0, 59):02d}",
            f"url: https://n.news.naver.com/mnews/article/{oid}/{n:010d}", f"oid: {oid}", f"aid: {n:010d}",
            f"content_hash: {hashlib.sha256(f'{self.seed}:{n}'.encode()).hexdigest()}", "---", ""])
        return (front + f"\n# {title}\n\n**{publisher}** | {d.d:%Y-%m-%d} {hh:02d}:{mm:02d} | \n\n---\n\n"
                + "\n\n".join(body) + f"\n\n{mail}\n(END)\n\n---\n\n*Crawled at: {d.d:%Y-%m-%d} {min(hh + 1, 23):02d}:{mm:02d}:00*\n"
                f"*Source: [원문 보기](https://n.news.naver.com/mnews/article/{oid}/{n:010d})*\n")

    def article(self, n: int, day: Day, extra: int = 0) -> tuple[str, str, Draft]:
        rng = random.Random(f"{self.seed}:article:{n}:{extra}")
        outlet = self.outlet(rng)
        dr = Draft(day)
        text = getattr(self, outlet)(dr, rng, n)
        return outlet, text, dr


def plan_days(market: Market, n: int, min_per_day: int) -> list[date]:
    """The session of each of the n articles, in order: ``ceil(n / min_per_day)`` sessions
    (at most all of them) spread evenly over the range, the articles shared out evenly."""
    k = min(len(market.sessions), max(1, math.ceil(n / min_per_day)))
    step = len(market.sessions) / k
    days = [market.sessions[int(i * step)] for i in range(k)]
    return [days[i * k // n] for i in range(n)]


def generate(n: int, seed: int, out: Path, typo_rate: float = 0.01, min_per_day: int = MIN_PER_DAY,
             quiet: bool = False) -> dict:
    t0 = time.perf_counter()
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    market = Market(seed)
    writer = Writer(market, load_tickers(), typo_rate, seed)
    plan = plan_days(market, n, min_per_day)
    seen: set[str] = set()
    truth: dict[tuple, list] = {}  # key → [true value, finest quantum printed, coarsest]
    counts: dict[str, int] = {}
    nfacts = 0
    with open(out / "facts.jsonl", "w", encoding="utf-8") as facts:
        for i, day_d in enumerate(plan):
            day = market.days[day_d]
            for extra in range(100):
                outlet, text, dr = writer.article(i, day, extra)
                h = content_hash(text)
                if h not in seen:
                    break
            else:  # pragma: no cover
                raise RuntimeError(f"article {i}: no distinct text")
            seen.add(h)
            counts[outlet] = counts.get(outlet, 0) + 1
            rel = f"{day_d.year}/{day_d:%Y%m%d}_{outlet}_{i:06d}.txt"
            (out / rel).parent.mkdir(exist_ok=True)
            (out / rel).write_text(text, encoding="utf-8")
            facts.write(json.dumps({"doc": rel, "date": day_d.isoformat(), "facts": dr.facts,
                                    "typos": dr.typos}, ensure_ascii=False) + "\n")
            nfacts += len(dr.facts)
            for kind, subject, metric, as_of, _v, q in dr.facts:
                key = (day_d.isoformat(), kind, subject, metric, as_of)
                if key in truth:
                    truth[key][1] = min(truth[key][1], q)
                    truth[key][2] = max(truth[key][2], q)
                else:
                    truth[key] = [_true_value(market, day, kind, subject, metric), q, q]
            if not quiet and (i + 1) % 10000 == 0:
                print(f"  generated {i + 1:,}/{n:,}", file=sys.stderr)
    with open(out / "truth.jsonl", "w", encoding="utf-8") as f:
        for (d, kind, subject, metric, as_of), (v, q, qmax) in sorted(truth.items()):
            f.write(json.dumps({"date": d, "kind": kind, "subject": subject, "metric": metric, "as_of": as_of,
                                "value": v, "quantum": q, "coarsest": qmax}) + "\n")
    manifest = {"format": FORMAT, "n": n, "seed": seed, "typo_rate": typo_rate, "min_per_day": min_per_day,
                "first_day": plan[0].isoformat(), "last_day": plan[-1].isoformat(), "sessions": len(set(plan)),
                "outlets": counts, "facts": nfacts, "truth_rows": len(truth),
                "bytes": sum(f.stat().st_size for f in out.rglob("*.txt"))}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    return {**manifest, "seconds": round(time.perf_counter() - t0, 2)}  # (not in the file: it stays byte-identical)


def _true_value(m: Market, day: Day, kind: str, subject: str, metric: str) -> float:
    if kind == "index" and subject == "KOSPI":
        return {"close": day.close, "change": day.change, "change_pct": day.pct, "volume": round(day.volume_m * 1e6),
                "turnover": round(day.turnover_t * 1e12), "advancers": day.adv, "decliners": day.dec}[metric]
    if kind == "index":
        return {"close": day.kq_close, "change_pct": day.kq_pct}[metric]
    if kind == "flow":
        return round(day.flows_bn[subject] * 1e9)
    if kind == "fx":
        return {"rate": day.fx, "change": day.fx_change}[metric]
    price, pct = m.prices(subject)[m.index[day.d]]
    return price if metric == "price" else pct


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", type=int, default=1000, help="number of articles (1,000-100,000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True, help="output directory (replaced)")
    ap.add_argument("--typo-rate", type=float, default=0.01, help="share of English articles with a swapped-digit change")
    ap.add_argument("--min-per-day", type=int, default=MIN_PER_DAY,
                    help="articles per covered session at least (fewer articles cover fewer sessions)")
    a = ap.parse_args(argv)
    manifest = generate(a.n, a.seed, Path(a.out), a.typo_rate, a.min_per_day)
    print(json.dumps(manifest))
    return 0


if __name__ == "__main__":
    sys.exit(main())
