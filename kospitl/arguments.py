"""What a person types, checked against the calendar and the vocabulary before it is used:
dates, subjects, kinds, metrics, ``as_of``. Each function returns the canonical form or raises a
KospitlError saying what is wrong (with "did you mean" when something close exists); a filter
that names nothing known is refused instead of silently matching nothing."""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from kospitl.errors import KospitlError
from kospitl.vocab import AS_OF_WORDS, KINDS, REGISTRY, SUBJECTS, TICKER_SUBJECTS
from kospitl.vocab import TICKER as IN_FORM

DATE_FORMS = (re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"), re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})"),
              re.compile(r"(\d{4})(\d{2})(\d{2})"))
TICKER = re.compile(r"\d{6}")
CLOCK = re.compile(r"([01]\d|2[0-3]):([0-5]\d)")


def parse_day(text: str, label: str = "DATE") -> date:
    """A date as ``2026-01-02``, ``2026/01/02`` or ``20260102``; anything else is an error
    (``01/02/2026`` is ambiguous: January 2 or February 1).

    >>> parse_day("2026/1/2"), parse_day("20260102")
    (datetime.date(2026, 1, 2), datetime.date(2026, 1, 2))
    """
    t = text.strip()
    for form in DATE_FORMS:
        m = form.fullmatch(t)
        if m:
            try:
                return date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                raise KospitlError(f"{label} {text}: no such day") from None
    raise KospitlError(f"{label} {text}: not a date (YYYY-MM-DD, YYYY/MM/DD or YYYYMMDD)")


def _suggest(word: str, choices: list[str]) -> str:
    import difflib  # only for a name that matches nothing

    folded = {c.lower(): c for c in choices}
    close = difflib.get_close_matches(word.lower(), list(folded), n=1, cutoff=0.6)
    return f"; did you mean {folded[close[0]]}?" if close else ""


def kind_of(text: str, label: str = "--kind") -> str:
    """A kind of the vocabulary, case-insensitive.

    >>> kind_of("Index")
    'index'
    """
    k = text.strip().lower()
    if k in KINDS:
        return k
    raise KospitlError(f"{label} {text}: not a kind ({', '.join(KINDS)}){_suggest(text, list(KINDS))}")


def metric_of(text: str, kind: str | None = None, label: str = "--metric") -> str:
    """A metric of ``kind`` (of any kind when None), case-insensitive."""
    m = text.strip().lower()
    known = list(KINDS[kind]) if kind else sorted({x for ms in KINDS.values() for x in ms})
    if m in known:
        return m
    where = f"a metric of {kind} ({', '.join(known)})" if kind else "a metric of the vocabulary"
    raise KospitlError(f"{label} {text}: not {where}{_suggest(text, known)}")


@lru_cache(maxsize=1)
def _ticker_names() -> dict[str, tuple[str, str]]:
    """Every listed company's names and aliases, folded → (code, the name as listed)."""
    from kospitl import tickers

    out: dict[str, tuple[str, str]] = {}
    for listing in tickers.load():
        for name in listing.names():
            out.setdefault(name.strip().lower(), (listing.code, name.strip()))
    return out


def _ticker_code(text: str) -> str | None:
    """A six-digit code as given, or the code of a listing named exactly ``text`` (any case)."""
    t = text.strip()
    if TICKER.fullmatch(t):
        return t
    found = _ticker_names().get(t.lower())
    return found[0] if found else None


def subject_of(text: str, kind: str | None = None, label: str = "--subject") -> str:
    """The canonical subject ``text`` names for ``kind`` (for any kind when None): a vocabulary
    subject in any case (``kospi`` is ``KOSPI``), a six-digit ticker, or a listed company's exact
    name (``Samsung Electronics`` is ``005930``); otherwise an error with the closest subject.

    >>> subject_of("kospi"), subject_of("usd/krw", "fx"), subject_of("Samsung Electronics", "quote")
    ('KOSPI', 'USD/KRW', '005930')
    """
    t = text.strip()
    kinds = [kind] if kind else list(KINDS)
    fixed = [s for k in kinds for s in SUBJECTS[k]]
    for s in fixed:
        if s.lower() == t.lower():
            return s
    forms = [f for k in kinds for f in REGISTRY[k].subjects if IN_FORM in f and f != IN_FORM]
    for form in forms:  # a ticker inside a subject (stock_lending:<ticker>), named by code or name
        head, _, tail = form.partition(IN_FORM)
        if len(t) > len(head) + len(tail) and t.lower().startswith(head.lower()) and t.lower().endswith(tail.lower()):
            code = _ticker_code(t[len(head):len(t) - len(tail)])
            if code:
                return f"{head}{code}{tail}"
    if any(k in TICKER_SUBJECTS for k in kinds):
        code = _ticker_code(t)
        if code:
            return code
    if kind == "quote":
        what = "a six-digit ticker or a listed company's name"
    elif kind:
        what = f"a subject of {kind} ({', '.join(SUBJECTS[kind] + tuple(forms))}" + (", a ticker)" if kind in TICKER_SUBJECTS else ")")
    else:
        what = "a subject of the vocabulary or a ticker"
    names = fixed + ([n for _, n in _ticker_names().values()] if any(k in TICKER_SUBJECTS for k in kinds) else [])
    hint = _suggest(t, names)
    listed = _ticker_names().get(hint[len("; did you mean "):-1].lower()) if hint else None
    if listed:
        hint = f"; did you mean {listed[0]} ({listed[1]})?"
    raise KospitlError(f"{label} {text}: not {what}{hint}")


def as_of_of(text: str, label: str = "--as-of") -> str:
    """``close``, ``open``, ``intraday`` or a clock time ``HH:MM`` (KST, 00:00-23:59).

    >>> as_of_of("Close"), as_of_of("9:30"), as_of_of("13:05")
    ('close', '09:30', '13:05')
    """
    t = text.strip().lower()
    if t in AS_OF_WORDS:
        return t
    m = CLOCK.fullmatch(t.zfill(5))
    if m:
        return f"{m[1]}:{m[2]}"
    raise KospitlError(f"{label} {text}: not close, open, intraday or a time HH:MM")
