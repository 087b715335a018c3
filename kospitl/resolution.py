"""Resolution: mentions → observations with session dates, or problems. Never a guess."""
from __future__ import annotations

import re

import math
from datetime import date, datetime, timedelta

from kospitl.articles import Article
from kospitl.dates import Unresolved, find_dates, find_times, resolve as resolve_ref
from kospitl.errors import Problem
from kospitl.output import cell
from kospitl.records import Mention, Observation
from kospitl.sessions import FIRST_YEAR, Calendar
from kospitl.vocab import read_range

FIRST_RANK = {"first_close_above": 0, "first_intraday_above": 1, "first_above": 2}

def implausible(kind: str, metric: str, value: float, subject: str | None = None) -> str | None:
    """Why ``value`` cannot be a figure of this metric (of ``subject``) read from an article, or
    None: outside the range extraction may read (``vocab.read_range``), a misreading ("1e29
    points"), reported, never a fact or a base of arithmetic.

    >>> implausible("index", "change", 12.3), implausible("index", "change", 1.2e29)
    (None, 'beyond any magnitude index change can have (1,000,000)')
    >>> implausible("fx", "rate", 14.5)
    'outside what extraction reads as fx rate (700 to 2,500)'
    """
    low, high = read_range(kind, metric, subject)
    if not math.isfinite(value):
        return "not a finite number"
    if low <= value <= high:
        return None
    if low == -high:
        return f"beyond any magnitude {kind} {metric} can have ({high:,.0f})"
    return f"outside what extraction reads as {kind} {metric} ({low:,.10g} to {high:,.10g})"


def applied_date(article: Article, given: date | None) -> date | None:
    """The date given with ``--date`` as it applies to ``article``: only to one that states no
    date of its own (an article's own date is never replaced)."""
    return given if article.doc_date is None else None


def report_session(article: Article, cal: Calendar, given: date | None = None) -> tuple[date | None, str]:
    """The session an article reports on, and how that was decided."""
    given = applied_date(article, given)
    doc = given or article.doc_date
    if doc is None:
        return None, "no date"
    how = "--date" if given else (article.date_source or "article date")
    if given is None and article.published_at is None and MORNING_NOTE.search(article.text[:400]):
        d = cal.previous_session(doc)  # "DAILY MORNING NOTE — Wednesday, May 27, 2026": written before the open
        return d, f"{how} {doc}, a morning note: previous session {d}"
    if given is None and reports_previous_session(article, cal):
        d = cal.previous_session(doc)
        return d, f"{how} {doc}, its lead names the previous session {d}"
    pub = article.published_at if given is None else None
    if pub is not None and pub.date() == doc and (pub.hour, pub.minute) < (9, 0) and cal.is_session(doc) \
            and lead_days(article, cal, lead_only=True) == {doc}:
        lead = _lead(article)[0]  # there is one: lead_days read it
        if LEAD_CLOSE.search(lead) and not LEAD_FORECAST.search(lead):
            # "Published 17.01.2024, 07:10" over "... lower after the close on Wednesday" (the 17th): the
            # lead names the page's own day, so its clock is no Seoul time before the open
            return doc, f"{how} {doc}, its lead names that day's session"
    return _session_of(doc, pub, how, cal, article.updated_at if given is None else None)


def reports_previous_session(article: Article, cal: Calendar) -> bool:
    """A page published during a session (or stamped with a day alone) whose lead names the
    session before ("Stocks fell on Thursday as ..." in a paper's Friday 09:12 edition, "전날
    코스피는 … 하락 마감했다" on a page dated by its day): a next-morning report, whose undated
    figures are that session's, not a report written during the day."""
    pub, doc = article.published_at, article.doc_date
    if doc is None or not cal.is_session(doc):
        return False
    if pub is not None and (pub.date() != doc or (pub.hour, pub.minute) >= (15, 30)):
        return False  # a page of a day's own evening reports that day; a page without a clock may be either
    return lead_days(article, cal) == {cal.previous_session(doc)}


def _lead(article: Article) -> list[str]:
    """The story's first two paragraphs of prose (not a byline, a stamp or an address)."""
    body = next((sec for sec in article.sections if sec.kind == "body"), None)
    if body is None:
        return []
    start = max([body.start] + [b for a, b in article.stamp_lines if body.start <= a < body.start + 1500])
    return [p for p in re.split(r"\n[ \t]*\n", article.text[start:start + 1500])
            if len(p.strip()) >= 60 and not p.lstrip().startswith(("http://", "https://"))][:2]


def lead_days(article: Article, cal: Calendar, lead_only: bool = False) -> set[date] | None:
    """The sessions the story's lead (and the paragraph after it, unless ``lead_only``) names as
    its day; None when it names none, reads a clock of the day's session, or says "today"."""
    doc = article.doc_date
    paras = _lead(article)
    if doc is None:
        return None

    def named(text: str) -> list:
        return [d for d in find_dates(text) if not d.comparison and (
            d.form in ("weekday", "full", "monthday", "today")
            or (d.form == "previous" and LEAD_PREVIOUS.match(text, d.start))
            or (d.form == "daynum" and LEAD_DAYNUM.match(text, d.end)))]
    if not paras or not named(paras[0]):
        return None  # the lead itself names the day ("By 9:15 a.m., the Kospi ..." names none)
    named_days = named(paras[0] if lead_only else "\n\n".join(paras))  # the lead and the paragraph after it
    if any(t.form in ("clock", "first_minutes") and t.as_of not in ("close", "open") for t in find_times(paras[0])):
        return None  # "the Kospi was down 0.27% ... as of 9:20 a.m.": a reading of today's session
    if any(d.form == "today" for d in named_days):
        return None
    days = set()
    for d in named_days:  # every day the lead names is that session ("Stocks fell on Thursday ... on Thursday")
        try:
            days.add(resolve_ref(d, doc, cal)[0])
        except Unresolved:
            return None
    return days


# a lead that reports a finished session, not one that looks ahead ("may hand back some of those gains on Monday")
LEAD_CLOSE = re.compile(r"\bclos(?:e|ed|ing)\b|\bend(?:ed)?\b|\bfinish(?:ed)?\b|마감|마쳤", re.I)
LEAD_FORECAST = re.compile(r"\b(?:may|might|could|would|will|is expected|are expected|tipped|set to|poised)\b|전망|예상", re.I)
# "4일 코스피는 …" in a page of the 5th: the day of the month named as the market's day
LEAD_DAYNUM = re.compile(r"\s*(?:[가-힣]+\s+)?(?:코스피|코스닥|유가증권시장|국내\s*증시)")
# "전날 코스피는 …": the previous session named as the market's day, not as another market's night
LEAD_PREVIOUS = re.compile(r"(?:전날|전 거래일|지난 거래일)\s*(?:국내\s*증시에서\s*)?(?:코스피|코스닥|유가증권시장|국내\s*증시)")
# a broker's or a desk's note written before the open about the session before ("DAILY MORNING NOTE",
# "Morning Brief", "모닝 브리핑", "장전 시황")
MORNING_NOTE = re.compile(r"\b(?:morning (?:note|brief(?:ing)?|call|report|wrap)|pre-?market (?:note|brief))\b|모닝\s?(?:브리프|브리핑|노트|코멘트)|장전 시황", re.I)


def _session_of(doc: date, pub: datetime | None, how: str, cal: Calendar,
                updated: datetime | None = None) -> tuple[date, str]:
    """The session a text dated ``doc`` (published at ``pub``, KST) reports on: before the open,
    the previous one, unless the page was updated after that day's close (a live page opened
    at 08:42 and updated at 17:12 reports the day's own close)."""
    revised = updated is not None and updated.date() == doc and (updated.hour, updated.minute) >= (15, 30)
    if pub is not None and pub.date() == doc and (pub.hour, pub.minute) < (9, 0) and not revised:
        d = cal.previous_session(doc)
        return d, f"published {pub:%H:%M} before the open: previous session of {doc}"
    if pub is None and updated is not None and updated.date() == doc and (updated.hour, updated.minute) < (9, 0):
        d = cal.previous_session(doc)  # "최종수정 2023.10.05 07:41" alone: written before that day's open
        return d, f"updated {updated:%H:%M} before the open: previous session of {doc}"
    if not cal.is_session(doc):
        d = cal.session_on_or_before(doc)
        return d, f"{how} {doc} has no session: last session {d}"
    return doc, f"{how} {doc}"


def _items(article: Article, cal: Calendar) -> list[tuple[int, int, date, date, str]]:
    """A feed's items that print their own publication time: (start, end, day, session, how)."""
    out = []
    for sec in article.sections:
        if sec.published is not None:
            day = sec.published.date()
            try:
                report, how = _session_of(day, sec.published, "feed item published", cal)
            except (OverflowError, ValueError):
                continue
            out.append((sec.start, sec.end, day, report, how))
    return out


def article_session(article: Article, cal: Calendar, given: date | None = None) -> tuple[date | None, str]:
    """``report_session``, None ("no date") where its day falls outside the calendar."""
    try:
        return report_session(article, cal, given)
    except (OverflowError, ValueError):
        return None, "no date"


def resolve(mentions: list[Mention], article: Article, cal: Calendar, given: date | None = None,
            session: tuple[date | None, str] | None = None) -> tuple[list[Observation], list[Problem]]:
    """The mentions dated on the calendar. ``session``: the article's ``article_session``, where
    the caller has worked it out already."""
    report, how = session if session is not None else article_session(article, cal, given)
    given = applied_date(article, given)
    doc = given or article.doc_date
    observations: list[Observation] = []
    problems: list[Problem] = []
    items = _items(article, cal)
    if report is not None and given is None:
        report, how = _restated_report(mentions, items, doc, report, how, cal)
    for m in mentions:
        evidence = article.text[m.sent_start:m.sent_end]
        line = article.line_of(m.start)
        own = next(((day, session, rule) for start, end, day, session, rule in items if start <= m.start < end), None)
        try:
            d, rule = _date_of(m, *(own or (doc, report, how)), cal)
        except Unresolved as e:
            problems.append(Problem("no-date", f"cannot date {m.kind} {m.subject} {m.metric} "
                                    f"{cell(m.value)}: {e}", line, evidence, "error"))
            continue
        if m.needs_own_date and m.date_ref is None:
            problems.append(Problem("no-date", f"milestone {m.subject} {m.metric} {cell(m.value)} "
                                    "has no date in the text", line, evidence, "warning"))
            continue
        if not cal.is_session(d):  # the calendar is a constraint: no figure of a day without trading
            problems.append(Problem("non-session", f"{m.kind} {m.subject} {m.metric} {cell(m.value)} is dated "
                                    f"{d} ({d:%A}), which has no KRX session ({cal.note(d)}): {rule}; "
                                    "not stored", line, evidence, "error"))
            continue
        absurd = implausible(m.kind, m.metric, m.value, m.subject)
        if absurd:
            problems.append(Problem("implausible", f"{m.kind} {m.subject} {m.metric} {cell(m.value)}: {absurd}; "
                                    "not stored", line, evidence, "warning"))
            continue
        observations.append(Observation(
            date=d.isoformat(), kind=m.kind, subject=m.subject, metric=m.metric, as_of=m.as_of,
            value=m.value, approx=m.approx, evidence=evidence, line=line, start=m.start, end=m.end,
            rule=m.rule, date_rule=rule, decimals=m.decimals, quantum=m.quantum))
    return dedupe(observations), problems


def _restated_report(mentions: list[Mention], items: list[tuple[int, int, date, date, str]], doc: date | None,
                     report: date, how: str, cal: Calendar) -> tuple[date, str]:
    """The session the article's undated figures belong to: the report session, unless they restate
    a close the article itself dates to an earlier session and state no other close of that index
    (a Monday note's "지난 주말 코스피는 … 4,978.65pt로 마감" over its undated table "KOSPI | 4,978.65"):
    two sessions never close at the same level."""
    def undated(m: Mention) -> bool:
        return m.date_ref is None and m.base is None and not m.shift and \
            not any(start <= m.start < end for start, end, *_ in items)
    closes = [m for m in mentions if m.kind == "index" and m.metric == "close" and not m.approx]
    bare = [m for m in closes if undated(m)]
    for m in closes:
        if m.date_ref is None or not any(b.subject == m.subject and b.value == m.value for b in bare):
            continue
        if any(b.subject == m.subject and b.value != m.value for b in bare):
            return report, how
        try:
            d, _ = _date_of(m, doc, report, how, cal)
        except Unresolved:
            continue
        if d < report and cal.is_session(d):
            return d, f"{how}: its undated figures restate the {m.subject} close it dates {d}"
    return report, how


def _date_of(m: Mention, doc: date | None, report: date | None, how: str, cal: Calendar) -> tuple[date, str]:
    try:
        d, rule = _resolve_date(m, doc, report, how, cal)
    except (OverflowError, ValueError):
        raise Unresolved("the date falls outside the calendar") from None
    if d < date(FIRST_YEAR, 1, 1):
        raise Unresolved(f"{d} is before the KRX calendar kospitl knows (from {FIRST_YEAR})")
    if d > date.today() + timedelta(days=7):
        raise Unresolved(f"{d} is in the future")
    return d, rule


def _resolve_date(m: Mention, doc: date | None, report: date | None, how: str, cal: Calendar) -> tuple[date, str]:
    base = m.base or report
    if m.date_ref is None:
        if base is None:
            raise Unresolved("the article states no date and none was given (use --date)")
        d, rule = base, (f"line date {m.base}" if m.base else f"report session ({how})")
    else:
        ref_doc = m.base or doc
        d, rule = resolve_ref(m.date_ref, ref_doc, cal, report=base)
    if m.shift < 0:
        d = cal.previous_session(d, -m.shift)
        rule += f"; {-m.shift} session(s) earlier"
    elif m.shift > 0:
        for _ in range(m.shift):
            d = cal.next_session(d)
        rule += f"; {m.shift} session(s) later"
    return d, rule



def dedupe(obs: list[Observation]) -> list[Observation]:
    """One observation per fact per article: restatements (headline, lead, body) collapse to
    the most precise wording; a hedged or rounded restatement of an exact figure is dropped."""
    groups: dict[tuple[str, ...], list[Observation]] = {}
    for o in obs:
        key = o.key()
        if o.kind == "milestone" and o.metric in FIRST_RANK:
            key = (o.date, o.kind, o.subject, "first", repr(o.value))
        groups.setdefault(key, []).append(o)
    out: list[Observation] = []
    for key, items in groups.items():
        if key[3] == "first":
            out.append(min(items, key=lambda o: (FIRST_RANK[o.metric], o.start)))
            continue
        exact = [o for o in items if not o.approx]
        pool = exact or items
        kept: list[Observation] = []
        for o in sorted(pool, key=lambda o: (o.quantum, o.start)):
            if any(_rounds_to(k, o) for k in kept):
                continue
            kept.append(o)
        out.extend(sorted(kept, key=lambda o: o.start))
    # a hedge with no time of its own ("외국인 1조원 넘게 사들여" in a headline) restates the
    # exact figure the body times ("1조1587억원 ... 같은 시각"): it is not a fact of its own
    exact_of: dict[tuple[str, ...], list[Observation]] = {}
    for o in out:
        if not o.approx:
            exact_of.setdefault((o.date, o.kind, o.subject, o.metric), []).append(o)
    # and so does a rounded one ("코스피 0.9%↑" over "11시 5분 현재 … 52.45포인트(0.92%)")
    out = [o for o in out if not (o.as_of == "intraday" and any(
        _rounds_to(k, o) and (o.approx or (o.quantum > k.quantum and k.as_of != "intraday"))
        for k in exact_of.get((o.date, o.kind, o.subject, o.metric), [])))]
    return sorted(out, key=lambda o: (o.start, o.kind, o.metric))


def _rounds_to(precise: Observation, rough: Observation) -> bool:
    if precise.value == rough.value:
        return True
    if rough.quantum > precise.quantum:
        return abs(precise.value - rough.value) <= rough.quantum / 2 + 1e-9 * abs(rough.value)
    return False
