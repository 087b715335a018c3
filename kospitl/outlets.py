"""The outlets table (``data/outlets.csv``): who publishes market news, in both languages.

One row per outlet: its name, its kind (``wire``, ``daily``, ``broadcaster``, ``aggregator``,
``digest``, ``blog``), its aliases (연합뉴스 = Yonhap = YNA), the names its credit lines print
("(Yonhap)", "BY ..., YONHAP", "/연합뉴스", "연합뉴스 제공"), and its e-mail and web domains. Credit
detection, the wires the witnesses merge, the publisher kinds and the priors the reconciler
uses are all generated from it, as is ``outlet_aliases`` for the CLI's ``--source``.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache

from kospitl.gate import fold
from kospitl.paths import DATA_DIR

# The reconciler's prior for each kind of source: after the count of independent witnesses, a
# wire's figure beats a daily's, a daily's an aggregator's, an aggregator's an AI digest's.
KIND_PRIORS: dict[str, float] = {"wire": 3.0, "daily": 2.0, "broadcaster": 2.0, "aggregator": 1.0,
                                 "blog": 1.0, "digest": 0.5, "override": 1000.0}


@dataclass(frozen=True)
class Outlet:
    name: str
    kind: str
    aliases: tuple[str, ...]  # every name, the canonical one first
    credits: tuple[str, ...]  # the names its credit lines print
    domains: tuple[str, ...]


def _split(cell: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in cell.split(";") if x.strip())


@lru_cache(maxsize=1)
def outlets() -> tuple[Outlet, ...]:
    with (DATA_DIR / "outlets.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    out = []
    for r in rows:
        if r["kind"] not in KIND_PRIORS:
            raise ValueError(f"data/outlets.csv: {r['name']}: unknown kind {r['kind']!r}")
        out.append(Outlet(r["name"], r["kind"], (r["name"],) + _split(r["aliases"]), _split(r["credits"]),
                          _split(r["domains"])))
    return tuple(out)


@lru_cache(maxsize=1)
def _by_alias() -> dict[str, Outlet]:
    table: dict[str, Outlet] = {}
    for o in outlets():
        for a in o.aliases + o.credits:
            table.setdefault(fold(a), o)
    return table


def outlet(name: str | None) -> Outlet | None:
    """The outlet one of whose names is ``name`` (any language, any case)."""
    if not name:
        return None
    return _by_alias().get(fold(name.strip()))


def outlet_aliases(name: str) -> set[str]:
    """Every name of the outlet called ``name``, in both languages (case-insensitive lookup);
    an unknown name is only itself.

    >>> sorted(outlet_aliases("yna"))
    ['YNA', 'Yonhap', 'Yonhap News', 'Yonhap News Agency', '연합뉴스']
    """
    o = outlet(name)
    return {name} if o is None else set(o.aliases) | set(o.credits)


def canonical(name: str | None) -> str | None:
    o = outlet(name)
    return o.name if o else None


def kind_of(name: str | None) -> str | None:
    o = outlet(name)
    return o.kind if o else None


def wire_names() -> dict[str, str]:
    """Every folded name of a wire → the wire's name (the witnesses merge a wire's copies)."""
    return {fold(a): o.name for o in outlets() if o.kind == "wire" for a in o.aliases + o.credits}


def _alternation(names: list[str]) -> str:
    return "|".join(re.escape(n) for n in sorted(set(names), key=lambda n: (-len(n), n)))


def _credit_names() -> list[str]:
    return [c for o in outlets() for c in o.credits]


@lru_cache(maxsize=1)
def credit_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Credit lines at the end of an article, generated from the table's credit names."""
    names = _alternation(_credit_names())
    return (
        # "... for the holidays. (Yonhap)"
        ("paren_end", re.compile(rf"\(({names})\)\s*$", re.M)),
        # "BY KIM SEO-YEON, YONHAP [[email protected]]"
        ("by_line", re.compile(rf"^BY\s+[^,\n]+,\s*({names})\b", re.M | re.I)),
        # a line of its own: "Yonhap", "/연합뉴스", "(연합뉴스)", "연합뉴스 제공"
        ("own_line", re.compile(rf"^[ \t]*[/(]?[ \t]*({names})[ \t]*(?:\)|제공)?[ \t]*$", re.M)),
    )


@lru_cache(maxsize=1)
def lead_credit() -> re.Pattern[str]:
    """The credit that opens a story's first paragraph: "(서울=연합뉴스) 기자 =", "[서울=뉴시스]",
    "(Seoul=Yonhap Infomax)", "[머니투데이 오세린 기자]", "[헤럴드경제=문지호 기자]", "[Financial News]",
    "[Asia Economy Reporter Park Seo-jun]". Only at the start of a line: "[NEWS1]" at the end
    of a photo caption credits the photo."""
    names = _alternation([a for o in outlets() for a in o.aliases + o.credits])
    return re.compile(rf"""^[ \t]*[\[(][ \t]*
        (?: (?:서울|[가-힣]{{2,4}}|Seoul|[A-Z][a-z]+) [ \t]*=[ \t]* )?
        (?P<name>{names})
        (?: [ \t]*=[ \t]*[^\]\)\n]{{0,25}}?기자 | [ \t]+[^\]\)\n=]{{0,25}}?기자 | [ \t]+Reporter\b[^\]\)\n]{{0,40}} )?
        [ \t]*[\])]""", re.M | re.X | re.I)


@lru_cache(maxsize=1)
def _masthead_names() -> dict[str, Outlet]:
    """Every folded alias → its outlet (the first outlet of the table that has it)."""
    names: dict[str, Outlet] = {}
    for o in outlets():
        for a in o.aliases:
            names.setdefault(fold(a), o)
    return names


MASTHEAD_SPLIT = re.compile(r"\s*[|>·/]\s*")
MASTHEAD_REST = 12  # "뉴시스 NEWSIS", "이데일리 홈", "뉴데일리 경제": a section word may follow the name


def masthead(lines: list[str]) -> Outlet | None:
    """The outlet a page head names as its masthead: a line segment that is one of its names
    ("The Korea Herald", "KBS WORLD", "아시아경제 > 증권", "광주일보 | 경제")."""
    names = _masthead_names()
    for line in lines:
        for seg in MASTHEAD_SPLIT.split(line.strip().lstrip("#").strip()):
            key = fold(seg.strip())
            # the segment itself, else its longest prefix before a space that is a name
            cuts = [len(key)] + [i for i in range(len(key) - 1, max(0, len(key) - MASTHEAD_REST - 1), -1)
                                 if key[i] == " "]
            for cut in cuts:
                o = names.get(key[:cut])
                if o is not None:
                    return o
    return None


DOMAIN = re.compile(r"[\w.+-]+@((?:[\w-]+\.)+[a-z]{2,})|https?://((?:[\w-]+\.)+[a-z]{2,})", re.I)


def by_domain(text: str) -> Outlet | None:
    """The outlet of the first e-mail address or URL in ``text`` whose domain the table knows."""
    for m in DOMAIN.finditer(text):
        host = (m[1] or m[2]).lower()
        for o in outlets():
            if any(host == d or host.endswith("." + d) for d in o.domains):
                return o
    return None
