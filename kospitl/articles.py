"""Read an article file into an ``Article``: front matter, title, publication time, body sections.

Formats seen in market news: Naver crawls with YAML front matter, Yonhap English pages
(URL and time lines, ``SEOUL, Jan. 2 (Yonhap) --`` datelines, ``(LEAD)`` tags and ``(ATTN: ...)``
notes), JoongAng Daily / Korea Herald "Published ... Updated ..." lines, fnnews "Input" blocks
under a crawl-date page header, AI digests with "Related Articles", aggregator pages with
"Sources" and "Timeline" sections, and plain pages with no date at all.
"""
from __future__ import annotations

import hashlib
import os
import stat
import html
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from kospitl.errors import ArticleError
from kospitl.gate import fold, gated  # fold: case-insensitive matches of month names: "ſep", "İ"
from kospitl import outlets
from kospitl.pubtime import KST, MONTH_RE, MONTHS, latest_day, publication

INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff"
INVISIBLE = re.compile(f"[{INVISIBLE_CHARS}]")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # control characters but tab/newlines
# every byte but those a CONTROL character's UTF-8 form starts with (C1 controls are 0xC2 0x80-0x9F)
_NOT_CONTROL_BYTES = bytes(b for b in range(256) if not (b <= 0x08 or b in (0x0b, 0x0c) or 0x0e <= b <= 0x1f
                                                         or b in (0x7f, 0xc2)))
MAX_BYTES = 5 * 1024 * 1024  # a news article is a few kB; this is generous

VERSION_TAG = re.compile(r"\((URGENT|LEAD|\d+(?:st|nd|rd|th) LD|FLASH|UPDATE\s*\d*|"
                         r"CORRECTED|REPEAT|[A-Z]+ LD)\)", re.I)
ATTN = re.compile(r"\(ATTN:\s*([^)]*)\)")
DATELINE = gated(rf"\b([A-Z]{{3,}}(?:\s[A-Z]+)?),\s*({MONTH_RE})\.?\s+(\d{{1,2}})\s*\((\w[\w\s]*?)\)\s*[-\u2013\u2014]+")
# Korean wire version tags, as the English ones: (속보)/[속보] = (URGENT), (종합) = (LEAD),
# (종합2보) = (2nd LD); (1보) is a first take
KO_VERSION_TAG = re.compile(r"[\[(](속보|종합(?:\s*(\d+)보)?)[\])]")

LEADING_DATE = re.compile(r"^\s*date\s+(\d{4})-(\d{2})-(\d{2})\s+(.*)$")
FULL_DATE = gated(rf"\b({MONTH_RE})\.?\s+(\d{{1,2}})(?:\s*[-\u2011\u2013]\s*\d{{1,2}})?,\s*(\d{{4}})\b")

# Section headers that end the article body. What follows is not this article's claims,
# or (for Related Articles and Timeline) each line is a separate claim about its own day.
SECTION_HEADERS = {
    "related articles": "related",
    "related stories": "related",
    "sources": "sources",
    "timeline": "timeline",
}
SECTION_RE = re.compile(r"^(Related Articles|Related Stories|Sources(?: \(\d+ articles?\))?|Timeline)\s*$",
                        re.I)
# A market ticker strip printed in the page's header or sidebar ("실시간 지수 ▸ 코스피 6,455.03 ▲52.15"):
# the quotes of whatever moment the page was rendered, not the article's
TICKER_RE = re.compile(r"^\s*(?:실시간 ?(?:지수|시세|증시)|증시 ?(?:현황|시세)|국내 ?증시|Market ?(?:data|watch|ticker)|Live (?:index|indices|quotes)|Ticker)\s*[:▸▶>|]", re.I)
MARKUP_LINE = re.compile(r"""\s*(?:\{\s*"@(?:context|type)"|<(?:meta|script|link)\b)""")  # a page's structured data (JSON-LD, meta tags): no prose
# The lists of other stories a page prints after its article ("Hot news", "Most read", "많이 본
# 뉴스"): read like a related-articles list (a line with its own full date is a claim about that
# day; an undated line is nobody's claim), without making the article a narrative digest.
MORE_RE = re.compile(r"^[\s▶■□●◆▷>\[<【]*(?:Related(?: News| Links| Reports| Article| Story| Coverage)?|Hot News|Most (?:Read|Viewed|Popular)(?: News| Stories)?|"
                     r"Other News|More (?:News|Stories|from [\w .&'-]+)|Latest (?:News|Stories)|Top (?:News|Stories)|Trending(?: Now)?|"
                     r"Recommended(?: Articles| Stories)?|You May Also Like|Read More|Read Next|See Also|Editor'?s Picks|"
                     r"많이 ?본 ?(?:뉴스|기사)|(?:이 기사(?:의|와)? ?)?관련 ?(?:기사|뉴스)|인기 ?(?:기사|뉴스)|주요 ?뉴스|추천 ?기사|최신 ?(?:기사|뉴스)|랭킹 ?뉴스|"
                     r"이 시각 주요 뉴스|오늘의 (?:주요|인기) ?뉴스|함께 (?:보면 좋은|볼 만한) (?:기사|뉴스))"
                     r"[\s\]>】:]*$", re.I)
# a paragraph of the story itself, not a headline: long, ending a sentence
PROSE_LINE = re.compile(r"^(?=.{100,}$).*(?:[a-z0-9%)][.]|다\.|\.[\"\u201d])$")
BOILERPLATE = (
    re.compile(r"^This content is AI-generated", re.I),
    re.compile(r"^\*(Crawled at|Source):"),
    re.compile(r"^Go to contents$"),
    re.compile(r"^Updated \(\d+ articles?\)$"),
    re.compile(r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), " + MONTH_RE + r" \d{1,2}, \d{4}$"),
)


@dataclass(frozen=True)
class Section:
    """A run of article text: ``body`` (the article's own claims), ``related``, ``more`` (the
    page's lists of other stories) or ``timeline`` (one claim per line, each about its own day)
    or ``sources`` and ``furniture`` (a ticker strip; ignored)."""

    kind: str
    start: int
    end: int
    published: datetime | None = None  # a feed item's own publication time (KST): its figures' date base


@dataclass
class Article:
    path: str
    text: str
    content_hash: str
    title: str | None = None
    publisher: str | None = None
    published_at: datetime | None = None
    updated_at: datetime | None = None  # the page's update stamp, when it prints one (not stored)
    doc_date: date | None = None
    date_source: str | None = None
    version_tag: str | None = None
    attn: str | None = None
    credit: str | None = None
    url: str | None = None
    sections: list[Section] = field(default_factory=list)
    page_dates: tuple[tuple[int, int], ...] = ()  # crawl-date page headers: never the article's date
    # the head's date stamps ("입력 2025.09.10 16:41", "Last Updated: Jan 22, 2026 at 1:32 a.m. EST"):
    # page furniture whose digits are no figures
    stamp_lines: tuple[tuple[int, int], ...] = ()

    def line_of(self, offset: int) -> int:
        return self.text.count("\n", 0, offset) + 1


def decode(raw: bytes, path: str) -> str:
    """Bytes to text, refusing what is not a UTF-8 text article."""
    if len(raw) > MAX_BYTES:
        raise ArticleError(f"{path}: file is too large for an article ({len(raw) // 1_000_000} MB)")
    if not raw.strip():
        raise ArticleError(f"{path}: empty file, not an article")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in raw:
        raise ArticleError(f"{path}: binary or UTF-16 data, not a UTF-8 text article")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ArticleError(f"{path}: not UTF-8 text (invalid byte at offset {e.start})") from None
    # the scans below cost more than the rest of reading a file: skipped when the bytes show there is nothing to find
    if raw.translate(None, _NOT_CONTROL_BYTES):  # a C0 control, or a lead byte 0xC2 (of C1 controls and others)
        bad = len(CONTROL.findall(text))
        if bad > max(3, len(text) // 200):
            raise ArticleError(f"{path}: binary data, not a text article")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if any(ch in text for ch in INVISIBLE_CHARS):
        text = INVISIBLE.sub("", text)  # zero-width spaces and joiners split numbers ("4,457\u200b.52")
    if not re.search(r"[A-Za-z\uac00-\ud7a3]{2,}", text):
        raise ArticleError(f"{path}: no words in the file, not an article")
    return text


def read_file(path: str | Path) -> Article:
    return parse(read_text(path), str(path))


def read_text(path: str | Path) -> str:
    """The decoded text of an article file, or an ArticleError naming the file."""
    return read_text_stat(path)[0]


def read_text_stat(path: str | Path) -> tuple[str, os.stat_result | None]:
    """``read_text``, and the status of the open file before its bytes were read (``fstat``) when
    it is a regular file that held what its size says (None for a pipe or a file of /proc): what
    ``kospitl.files_read`` records of a file read."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise ArticleError(f"{path}: no such file") from None
    except OSError as e:
        raise ArticleError(f"{path}: cannot read ({e.strerror or e})") from None
    if stat.S_ISDIR(mode):
        raise ArticleError(f"{path}: is a directory with no article files (.txt, .md, .html)")
    if stat.S_ISSOCK(mode):
        raise ArticleError(f"{path}: a socket, not an article file")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        raise ArticleError(f"{path}: a device, not a regular file")
    if stat.S_ISFIFO(mode):
        return decode(_read_pipe(str(path)), str(path)), None
    try:
        # the open file, not the path: a file replaced by rename while read is still one version;
        # a descriptor, not a buffered file object (which costs as much as reading an article)
        fd = os.open(path, os.O_RDONLY)
        try:
            before = os.fstat(fd)
            # never more than MAX_BYTES + 1: an endless file stops here. A buffer of that size costs
            # more than reading an article, so first what the file says it holds (and a byte more)
            raw = _read_fd(fd, min(before.st_size, MAX_BYTES) + 1)
            if len(raw) > before.st_size:  # it holds more than it says (a file of /proc): the rest
                raw += _read_fd(fd, MAX_BYTES + 1 - len(raw))
            after = os.fstat(fd)
        finally:
            os.close(fd)
    except FileNotFoundError:
        raise ArticleError(f"{path}: no such file") from None
    except OSError as e:
        raise ArticleError(f"{path}: cannot read ({e.strerror or e})") from None
    regular = stat.S_ISREG(before.st_mode)
    if regular and (before.st_size, before.st_mtime_ns) != (after.st_size, after.st_mtime_ns):
        raise ArticleError(f"{path}: changed while being read; nothing stored, try again")
    return decode(raw, str(path)), before if regular and len(raw) == before.st_size else None


def _read_fd(fd: int, n: int) -> bytes:
    """Up to ``n`` bytes of the descriptor, fewer only at its end (as a buffered ``read(n)``)."""
    chunks, size = [], 0
    while size < n:
        chunk = os.read(fd, n - size)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


PIPE_WAIT = 5.0  # seconds a named pipe may take to deliver its first byte (its writer may not exist)


def _read_pipe(path: str) -> bytes:
    """The whole content of a named pipe (``kospitl ingest <(zcat a.gz)``), read to its end, at
    most MAX_BYTES + 1. A pipe nobody writes to would block the run forever: it is given
    PIPE_WAIT seconds to start, then reported and skipped."""
    import select

    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # opening a pipe without a writer blocks otherwise
    except OSError as e:
        raise ArticleError(f"{path}: cannot read ({e.strerror or e})") from None
    try:
        poller = select.poll()
        poller.register(fd, select.POLLIN | select.POLLHUP)
        if not poller.poll(PIPE_WAIT * 1000):
            raise ArticleError(f"{path}: a named pipe nobody wrote to within {PIPE_WAIT:g} s; skipped")
        os.set_blocking(fd, True)
        chunks, size = [], 0
        while size <= MAX_BYTES:
            chunk = os.read(fd, min(1 << 16, MAX_BYTES + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    except OSError as e:
        raise ArticleError(f"{path}: cannot read ({e.strerror or e})") from None
    finally:
        os.close(fd)


def content_hash(text: str) -> str:
    norm = "\n".join(map(str.strip, text.strip().splitlines()))
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def parse(text: str, path: str = "<text>") -> Article:
    """Parse article text. The text is kept verbatim; offsets refer to it."""
    art = Article(path=path, text=text, content_hash=content_hash(text))
    body_start = 0
    front = _front_matter(text)
    if front is not None:
        meta, body_start = front
        if not re.search(r"[A-Za-z\uac00-\ud7a3]{2,}", text[body_start:]):
            raise ArticleError(f"{path}: front matter without an article body")
        art.title = html.unescape(meta.get("title", "")).strip().strip('"') or None
        art.publisher = meta.get("publisher") or None
        art.url = meta.get("url") or None
        pub = meta.get("published_at", "")
        m = re.match(r"(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?", pub)
        if m:
            y, mo, d = int(m[1]), int(m[2]), int(m[3])
            hh, mm = int(m[4] or 0), int(m[5] or 0)
            try:
                if (hh, mm) != (0, 0):
                    art.published_at = datetime(y, mo, d, hh, mm, tzinfo=KST)
                art.doc_date, art.date_source = date(y, mo, d), "front matter published_at"
            except ValueError:
                pass  # an impossible date in the metadata: the article's other clocks decide
    head = text[body_start:body_start + 1500]
    if art.title is None:
        art.title = _first_title_line(text[body_start:])
    _version(art, head)
    _publication(art, text, body_start)
    _outlet(art, text, body_start)
    art.sections = _feed_items(text) or _sections(text, body_start)
    if art.doc_date is None:
        _date_from_text(art)
    return art


def _front_matter(text: str) -> tuple[dict[str, str], int] | None:
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---", 4)
    if end < 0:
        return None
    meta: dict[str, str] = {}
    key = None
    for line in text[4:end].splitlines():
        m = re.match(r"^([A-Za-z_][\w-]*):\s*(.*)$", line)
        if m:
            key = m[1]
            meta[key] = m[2].strip()
        elif key and line.strip() and not meta[key]:
            meta[key] = line.strip()
    return meta, end + 4


def _first_title_line(body: str) -> str | None:
    for line in body.splitlines():
        s = line.strip().lstrip("#").strip()
        if not s or any(p.match(s) for p in BOILERPLATE) or s.startswith("---"):
            continue
        m = LEADING_DATE.match(line)
        if m:
            s = m[4].strip()
        return html.unescape(s)[:300]
    return None


def _version(art: Article, head: str) -> None:
    src = (art.title or "") + " " + head
    m = VERSION_TAG.search(src)
    if m:
        art.version_tag = f"({m[1]})"
    else:
        k = KO_VERSION_TAG.search(art.title or head.split("\n", 1)[0])
        if k:
            n = int(k[2] or 1)
            art.version_tag = "(URGENT)" if k[1] == "속보" else "(LEAD)" if n == 1 else f"({n}{_ordinal(n)} LD)"
    a = ATTN.search(head)
    if a:
        art.attn = a[1].strip()


def _ordinal(n: int) -> str:
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _publication(art: Article, text: str, body_start: int) -> None:
    head_end = min(len(text), body_start + 3000)
    # 1. the dateline: "SEOUL, Jan. 2 (Yonhap) --" gives month and day; the year comes from
    #    the other clocks (or the dateline is not used).
    dl = DATELINE.search(text, body_start, head_end)
    # 2. the stamps of the page head (kospitl.pubtime): a timed one overrides front matter, a
    #    date alone only dates an article that has no date yet
    pub = publication(text, body_start, head_end)
    art.page_dates, art.stamp_lines, art.updated_at = pub.page_dates, pub.lines, pub.updated_at
    choice = None if pub.other is None else _weekday_choice(text[body_start:head_end], pub.day, pub.other)
    if choice is None and pub.other is not None and pub.published_at is not None and pub.updated_at is not None \
            and pub.updated_at.date() == pub.other == pub.published_at.date():
        choice = pub.other  # "PUBLISHED TUE, SEP 3 2024 7:33 PM EDT  UPDATED WED ... 4:11 AM EDT": all Seoul's Wednesday
    if choice is None and pub.other is not None and pub.published_at is not None and pub.published_at.date() == pub.other \
            and GMT_ENTRIES.search(text, body_start):
        choice = pub.other  # Dow Jones' Market Talk: "0220 GMT - South Korea's Kospi is down ..." entries are Seoul's day
    day = pub.day if pub.other is None else (choice or pub.fallback)
    if day is not None and (pub.published_at is not None or art.doc_date is None):
        if pub.published_at is not None:
            art.published_at = pub.published_at
        art.doc_date, art.date_source = day, pub.source
        if choice is not None:
            art.date_source = f"{pub.source} (of {pub.day} and {pub.other}, the text's {day:%A})"
        elif pub.other is not None:
            art.date_source = f"{pub.source} (the desk's own day, not Seoul's {pub.other})"
    lead = LEADING_DATE.match(text[body_start:].split("\n", 1)[0])
    if art.doc_date is None and lead:
        try:
            art.doc_date = date(int(lead[1]), int(lead[2]), int(lead[3]))
            art.date_source = "leading date line"
        except ValueError:
            pass  # " date 2025-02-30 ...": not a date
    if art.doc_date is None:  # last: the date a news site prints in the page's address
        for m in URL_DATE.finditer(" ".join(filter(None, (art.url, text[:head_end])))):
            y, mo, d = (int(x) for x in (m["y"] or m["y2"] or m["y3"], m["m"] or m["m2"] or m["m3"], m["d"] or m["d2"] or m["d3"]))
            try:
                art.doc_date, art.date_source = date(y, mo, d), "the page's address"
                break
            except ValueError:
                continue
    if dl:
        month, day = MONTHS[fold(dl[2][:3])], int(dl[3])
        if art.doc_date is None:  # "SEOUL, March 19 (Yonhap) --" alone: the file's own date may give the year
            named = _name_date(art.path)
            if named is not None and (named.month, named.day) == (month, day):
                art.doc_date, art.date_source = named, "dateline (its year from the file's name, which names the same day)"
                return
        ref = art.doc_date
        if ref is not None:  # the latest such day not after the stamp's, give or take the two days a U.S.
            # desk's stamp may print before Seoul's ("September 29, 2026 10:52 PM EDT" over "SEOUL, Sept 30")
            found = latest_day(ref + timedelta(days=2), month, day)
            if found is not None:
                art.doc_date, art.date_source = found, "dateline"


# a news site's address that carries the day: ".../stock/2026/08/20/7QH3K.../", "news_read.naver?...&date=2025-07-10",
# Yonhap's "/view/AKR20250710123400002"
URL_DATE = re.compile(r"""https?://[^\s"'<>]*?(?:/(?P<y>20\d\d)/(?P<m>[01]\d)/(?P<d>[0-3]\d)(?=/|[^\d]|$)
    | [?&](?:date|pdate|sdate)=(?P<y2>20\d\d)-?(?P<m2>[01]\d)-?(?P<d2>[0-3]\d)(?!\d)
    | /AKR(?P<y3>20\d\d)(?P<m3>[01]\d)(?P<d3>[0-3]\d)\d{6})""", re.X)
GMT_ENTRIES = re.compile(r"^\s*(?:[01]\d|2[0-3]):?[0-5]\d\s*GMT\s*[-\u2013\u2014]", re.M)
NAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)(\d\d)(\d\d)(?!\d)")


def _name_date(path: str) -> date | None:
    """The date a file's name carries ("e01_yonhap_20200319.txt"), if one."""
    m = NAME_DATE.search(path.replace("\\", "/").rsplit("/", 1)[-1])
    if m is None:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
KO_WEEKDAYS = "월화수목금토일"


def _weekday_choice(text: str, a: date, b: date) -> date | None:
    """Of the two readings of "02/03/2025", the one whose weekday the text names ("tanked
    Monday", "(월)") while it never names the other's; None when the text does not decide."""
    def named(d: date) -> bool:
        wd = d.weekday()
        return bool(re.search(rf"\b{WEEKDAY_NAMES[wd]}\b|\({KO_WEEKDAYS[wd]}\)|{KO_WEEKDAYS[wd]}요일", text))
    if named(a) != named(b):
        return a if named(a) else b
    return None


HEAD_LINES = 8  # a masthead is among the first lines of a page


def _prose(line: str) -> bool:
    """A line of the story, not of the page head: long, or a sentence."""
    s = line.strip()
    return len(s) >= 200 or (len(s) >= 40 and s.endswith((".", ".\"", ".'", "다")))


def _outlet(art: Article, text: str, body_start: int) -> None:
    """Publisher and credit from the outlets table (kospitl.outlets).

    The publisher: front matter, else the masthead ("The Korea Herald", "뉴시스 NEWSIS", "아시아경제 >
    증권"), else the dateline's agency, else the story's opening credit ("[머니투데이 오세린 기자]",
    "(서울=뉴스1)"), else the outlet of a byline e-mail or URL in the head. The credit: a wire's
    credit line at the end ("(Yonhap)", "BY ..., YONHAP", "/연합뉴스"), else a wire's opening credit or
    dateline, else the publisher itself when it is a wire.
    """
    head_end = min(len(text), body_start + 3000)
    lines = []
    for line in text[body_start:head_end].splitlines():
        if _prose(line) or len(lines) >= HEAD_LINES or DATELINE.search(line):
            break
        if line.strip():
            lines.append(line)
    dateline = DATELINE.search(text, body_start, head_end)
    agency = outlets.outlet(dateline[4].strip()) if dateline else None
    lead_m = outlets.lead_credit().search(text, body_start, head_end)
    lead = outlets.outlet(lead_m["name"]) if lead_m else None
    if art.publisher is None:
        found = outlets.masthead(lines)
        if found is None and agency is None:
            found = lead or outlets.by_domain("\n".join(lines))
        if found is not None:
            art.publisher = found.name
        elif dateline:
            art.publisher = dateline[4].strip()
    publisher = outlets.outlet(art.publisher)
    tail = text[-600:]
    for _, pat in outlets.credit_patterns():
        m = pat.search(tail)
        if m:
            art.credit = outlets.canonical(m[1])
            return
    for o in (lead, agency):
        if o is not None and o.kind == "wire" and o.credits and o is not publisher:
            art.credit = o.name
            return
    if publisher is not None and publisher.kind == "wire" and publisher.credits:
        art.credit = publisher.name


def _sections(text: str, body_start: int) -> list[Section]:
    out: list[Section] = []
    kind, start = "body", body_start
    pos = body_start
    for line in text[body_start:].splitlines(keepends=True):
        s = line.strip()
        m = SECTION_RE.match(s)
        if m:
            out.append(Section(kind, start, pos))
            name = re.sub(r"\s*\(.*\)$", "", m[1]).lower()
            kind, start = SECTION_HEADERS.get(name, "sources"), pos + len(line)
        elif (TICKER_RE.match(s) or MARKUP_LINE.match(s)) and kind == "body":
            out += [Section(kind, start, pos), Section("furniture", pos, pos + len(line))]
            start = pos + len(line)
        elif MORE_RE.match(s) and kind == "body":
            out.append(Section(kind, start, pos))
            kind, start = "more", pos + len(line)
        elif kind == "more" and PROSE_LINE.match(s):  # a box of links inside the story: the story goes on
            out.append(Section(kind, start, pos))
            kind, start = "body", pos
        elif s.startswith("*Crawled at:") or s.startswith("*Source:"):
            out.append(Section(kind, start, pos))
            kind, start = "footer", pos
        pos += len(line)
    out.append(Section(kind, start, len(text)))
    return [s for s in out if s.end > s.start]


FEED = re.compile(r"<(?:rss|feed|rdf:RDF)\b")
FEED_ITEM = re.compile(r"<(item|entry)\b[^>]*>(.*?)</\1>", re.S)


def _feed_items(text: str) -> list[Section]:
    """An RSS or Atom feed: each item is a story of its own, published at its own time, so each
    is a body section with its ``pubDate``/``published`` (the channel's head is furniture).
    Empty for any other page."""
    if not FEED.search(text, 0, 2000):
        return []
    items = list(FEED_ITEM.finditer(text))
    if not items:
        return []
    out = [Section("furniture", 0, items[0].start())]
    for m in items:
        pub = publication(text, m.start(2), m.end(2))  # an Atom entry may print only its <updated>
        out.append(Section("body", m.start(2), m.end(2), published=pub.published_at or pub.updated_at))
    return [s for s in out if s.end > s.start]


def _date_from_text(art: Article) -> None:
    """No dateline, publication line or metadata: use the latest full date the article
    itself states in its body or timeline (never its related-article list)."""
    best: date | None = None
    for sec in art.sections:
        if sec.kind not in ("body", "timeline"):
            continue
        for m in FULL_DATE.finditer(art.text, sec.start, sec.end):
            if any(s <= m.start() < e for s, e in art.page_dates):
                continue  # the crawl date a page header prints is not the article's
            try:
                d = date(int(m[3]), MONTHS[fold(m[1][:3])], int(m[2]))
            except ValueError:
                continue
            if best is None or d > best:
                best = d
    if best is not None:
        art.doc_date, art.date_source = best, "date stated in the text"
