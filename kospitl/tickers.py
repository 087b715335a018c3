"""KRX listings by name: English names, Korean names and aliases → six-digit codes."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache

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


@lru_cache(maxsize=1)
def matcher() -> tuple[re.Pattern[str], dict[str, str]]:
    """One regex over every name (longest first) and a lower-cased name → code map."""
    by_name: dict[str, str] = {}
    for listing in load():
        for name in listing.names():
            by_name.setdefault(name.lower(), listing.code)
    names = sorted(by_name, key=len, reverse=True)
    parts = []
    for n in names:
        esc = re.escape(n).replace(r"\ ", r"[\s\u00a0]+")
        head = r"(?<![A-Za-z0-9&-])" if re.match(r"[a-z0-9]", n) else ""
        tail = r"(?![A-Za-z0-9&]|-\w|\s+Group\b)" if re.search(r"[a-z0-9.]$", n) else ""
        parts.append(head + esc + tail)
    return re.compile("|".join(parts), re.I), by_name


# words that may follow a company's name without making it another company's name
FOLLOWERS = re.compile(r"\s+(?:Co|Corp|Inc|Ltd|shares?|stock|Chairman|Vice|CEO|Chief|President|Group(?= Chairman))\b|"
                       r"(?:'s|\u2019s)|\s*[,.;:()\[\]]|\s+[a-z0-9]|\s*$|[은는이가도의를을와과에로,]")
KO_PARTICLE = re.compile(r"^(?:[은는이가도의를을와과에로]|와의|에서|으로|보다|까지|만|조차|부터|·|\s|$)")


def find(text: str) -> list[tuple[int, int, str]]:
    """(start, end, code) of every company named in ``text``; a name that only starts a longer
    name ("HD Hyundai Mipo", "한화비전") is some other company, not this one."""
    pat, by_name = matcher()
    out = []
    for m in pat.finditer(text):
        code = by_name.get(re.sub(r"[\s\u00a0]+", " ", m.group()).lower())
        if not code:
            continue
        rest = text[m.end():m.end() + 20]
        if re.match(r"[\uac00-\ud7a3]", m.group()[-1]) or re.match(r"[A-Za-z0-9]*[\uac00-\ud7a3]$", m.group()):
            if rest and re.match(r"[\uac00-\ud7a3]", rest[0]) and not KO_PARTICLE.match(rest):
                continue
        elif re.match(r"\s+[A-Z][a-z]", rest) and not FOLLOWERS.match(rest):
            continue
        out.append((m.start(), m.end(), code))
    return out
