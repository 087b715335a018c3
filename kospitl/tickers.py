"""KRX listings by name: English names, Korean names and aliases → six-digit codes."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from kospitl import gate
from kospitl.paths import DATA_DIR

TICKERS_CSV = DATA_DIR / "tickers.csv"


@dataclass(frozen=True)
class Listing:
    code: str
    name_en: str
    name_ko: str
    market: str
    aliases: tuple[str, ...]

    def names(self) -> tuple[str, ...]:
        return tuple(n for n in (self.name_en, self.name_ko, *self.aliases) if n)


@lru_cache(maxsize=1)
def load() -> tuple[Listing, ...]:
    with TICKERS_CSV.open(encoding="utf-8") as f:
        return tuple(
            Listing(r["code"], r["name_en"], r.get("name_ko") or "", r.get("market") or "",
                    tuple(a.strip() for a in (r.get("aliases") or "").split("|") if a.strip()))
            for r in csv.DictReader(f))


Index = dict[str, list[tuple[str, str]]]
TOKEN = re.compile(r"[A-Za-z0-9\uac00-\ud7a3&]+")
HANGUL = re.compile(r"[\uac00-\ud7a3]")


@lru_cache(maxsize=1)
def index() -> Index:
    """Lower-cased first word of every name → (name, code), longest names first."""
    by_first: Index = {}
    seen: set[str] = set()
    for listing in load():
        for name in listing.names():
            low = gate.sub(r"[\s\u00a0]+", " ", name.strip().lower())
            if not low or low in seen:
                continue
            seen.add(low)
            first = TOKEN.match(low)
            if first is None:
                continue
            by_first.setdefault(first.group(), []).append((low, listing.code))
    for names in by_first.values():
        names.sort(key=lambda nc: -len(nc[0]))
    return by_first


@lru_cache(maxsize=1)
def _any_name() -> Any:
    """Finds any listed name in one pass (an Aho-Corasick automaton, 4x faster than the regular
    expression of their trie): most sentences name no company, and skip the walk."""
    import ahocorasick  # pyahocorasick

    names = ahocorasick.Automaton()
    for name in {name for names in index().values() for name, _code in names}:
        names.add_word(name, name)
    names.make_automaton()
    return names if len(names) else None  # an automaton without words cannot search


def _candidates(token: str, idx: Index) -> list[tuple[str, str]]:
    if token.isascii():
        return idx.get(token, [])  # already longest first
    out = list(idx.get(token, ()))
    if HANGUL.search(token):  # Korean names carry their particles: "삼성전자는"
        for k in range(len(token) - 1, 1, -1):
            out += idx.get(token[:k], ())
    return sorted(out, key=lambda nc: -len(nc[0]))


def _raw_matches(text: str) -> list[tuple[int, int, str]]:
    idx = index()
    low = text.lower()
    if not low.isprintable():  # a tab, a line break, a no-break space: all count as a space
        low = gate.sub(r"[\s\u00a0]", " ", low)
    names = _any_name()
    if names is None or next(names.iter(low), None) is None:  # every match below is one of these names
        return []
    out: list[tuple[int, int, str]] = []
    taken_to = -1
    for tok in TOKEN.finditer(low):
        p = tok.start()
        if p < taken_to:
            continue
        if p > 0 and low[p - 1] in "-&":
            continue
        for name, code in _candidates(tok.group(), idx):
            end = p + len(name)
            if low[p:end] != name:
                continue
            after = low[end:end + 1]
            # a letter after a name's last letter continues a word; a digit does not ("SK hynix584,000": a
            # flattened table), unless the name ends in a digit or a dot
            joined = after.isalpha() if name[-1].isalpha() else after.isalnum()
            if gate.search(r"[a-z0-9.]$", name) and (after and (joined and after.isascii() or after == "&"
                                                              or gate.match(r"-\w", low[end:end + 2])
                                                              or gate.match(r"\s+group\b", low[end:end + 7]))):
                continue
            out.append((p, end, code))
            taken_to = end
            break
    return out


# words that may follow a company's name without making it another company's name
FOLLOWERS = re.compile(r"\s+(?:Co|Corp|Inc|Ltd|shares?|stock|Chairman|Vice|CEO|Chief|President|Group(?= Chairman))\b|"
                       r"(?:'s|\u2019s)|\s*[,.;:()\[\]]|\s+[a-z0-9]|\s*$|[은는이가도의를을와과에로,]")
KO_PARTICLE = re.compile(r"^(?:[은는이가도의를을와과에로]|와의|에서|으로|보다|까지|만|조차|부터|·|\s|$)")


@lru_cache(maxsize=1)
def _acronyms() -> frozenset[str]:
    """Names listed in capitals of up to four characters ("APR", "SK", "KT&G"), lower-cased."""
    return frozenset(n.lower() for listing in load() for n in listing.names()
                     if n.isascii() and len(n) <= 4 and n.upper() == n and any(c.isalpha() for c in n))


def find(text: str) -> list[tuple[int, int, str]]:
    """(start, end, code) of every company named in ``text``; a name that only starts a longer
    name ("HD Hyundai Mipo", "한화비전") is some other company, not this one, and a name listed in
    capitals is that company only printed in capitals ("Apr 28" is a date, not APR Corp.)."""
    out = []
    for start, end, code in _raw_matches(text):
        name = text[start:end]
        if name.lower() in _acronyms() and name != name.upper():
            continue
        rest = text[end:end + 20]
        if HANGUL.search(name[-1]):
            if rest and gate.match(r"[\uac00-\ud7a3]", rest[0]) and not KO_PARTICLE.match(rest):
                continue
        elif gate.match(r"\s+[A-Z][a-z]", rest) and not FOLLOWERS.match(rest):
            continue
        out.append((start, end, code))
    return out
