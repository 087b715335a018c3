"""Example tables for ``kospitl.articles``: refusing files that are not articles, and reading
the publication facts of each article format.

Where the rows came from:
- The inline articles are trimmed copies of the seed and dev articles (``shared/corpus``), one
  per format the corpus README lists: Naver crawls with YAML front matter (seed 002, d23),
  Yonhap English pages (d03, d04), "Published ..." lines (seed 003, d05, d08, d19), a "Posted"
  line (d12), fnnews "Input" blocks under a crawl-date header (d20, d24), AJP (d21),
  an AI digest with "Related Articles" (seed 000, d29), an aggregator page with "Sources" and
  "Timeline" (seed 001, d25), and a page with no date at all (d30).
- The expected document dates are the trading days the README gives for those files; the rule
  for which clock wins is ``fact-vocabulary.md``: "the dateline, the Input/Published line,
  front matter; never a crawl-date page header". A front-matter time of midnight carries a date
  only (README trap 9).
- The bytes in the decode table are the kinds of non-article files a user may point
  ``kospitl ingest`` at; each must be refused with an ``ArticleError`` that names the file.
"""
from __future__ import annotations

from datetime import date, datetime

import pytest

from kospitl.articles import KST, decode, parse
from kospitl.errors import ArticleError

PATH = "inbox/market-news.txt"


def _ids(rows):
    return [r.id for r in rows]


# ---- decode: what is not an article ---------------------------------------------------------

DECODE_ERRORS = [
    pytest.param(b"", "empty file", id="empty"),
    pytest.param(b"   \n\t \r\n  ", "whitespace only", id="whitespace-only"),
    pytest.param(b"KOSPI\x00\x00\x01\x02rose\x00\x00", "NUL bytes: binary data", id="binary-nul"),
    pytest.param(b"\xff\xfe" + "KOSPI closes at a record high".encode("utf-16-le"),
                 "UTF-16 little-endian with its BOM", id="utf16-le-bom"),
    pytest.param("S\u00e9oul shares close higher, won at 1,441.8".encode("latin-1"),
                 "Latin-1 bytes that are not valid UTF-8", id="latin1"),
    pytest.param(b"3,549.21 93.38 2.70\n", "numbers but no words", id="no-words"),
]


@pytest.mark.parametrize("raw,why", DECODE_ERRORS, ids=_ids(DECODE_ERRORS))
def test_decode_refuses(raw, why):
    with pytest.raises(ArticleError) as e:
        decode(raw, PATH)
    assert PATH in str(e.value), why


DECODE_OK = [
    pytest.param(b"KOSPI closes higher\r\nWon weakens\r\n", "KOSPI closes higher\nWon weakens\n",
                 "Windows line ends become \\n (offsets and line numbers depend on it)", id="crlf"),
]


@pytest.mark.parametrize("raw,expected,why", DECODE_OK, ids=_ids(DECODE_OK))
def test_decode_accepts(raw, expected, why):
    assert decode(raw, PATH) == expected, why


# ---- parse: the publication facts of each format --------------------------------------------

NAVER_YONHAP_EN = """---
id: 001_0015826298
title: "(LEAD) S. Korea&#x27;s KOSPI surges over 2 pct to hit record high on chip rally"
category: 
publisher: 연합뉴스
author: 
\t\t
\t\t\t오석민(graceoh@yna.co.kr)
\t\t
\t
published_at: 2026-01-02 00:00
crawled_at: 2026-01-02 07:45:16
url: https://n.news.naver.com/mnews/article/001/0015826298
---

# (LEAD) S. Korea&#x27;s KOSPI surges over 2 pct to hit record high on chip rally

**연합뉴스** | 2026-01-02 00:00 | 

---

(LEAD) stocks-summary (LEAD) S. Korea&#x27;s KOSPI surges over 2 pct to hit record high on chip rally(ATTN: ADDS more details from 4th para, photos) SEOUL, Jan. 2 (Yonhap) -- South Korean stocks surged more than 2 percent Friday to close at an all-time high. The benchmark KOSPI rose 95.46 points, or 2.27 percent, to close at 4,309.63.

graceoh@yna.co.kr(END)

---

*Crawled at: 2026-01-02 07:45:16*
*Source: [원문 보기](https://n.news.naver.com/mnews/article/001/0015826298)*
"""

NAVER_YONHAP_KO_MIDNIGHT = """---
id: 001_0015812346
title: "코스피, 올해 75.6% 올라 4,214.17로 마감…삼성전자·SK하이닉스 사상 최고가(종합)"
publisher: 연합뉴스
published_at: 2025-12-30 00:00
crawled_at: 2025-12-30 16:58:07
---

# 코스피, 올해 75.6% 올라 4,214.17로 마감…삼성전자·SK하이닉스 사상 최고가(종합)

(서울=연합뉴스) 박수현 기자 = 올해 마지막 거래일인 30일 코스피가 소폭 내린 채 한 해를 마무리했다.

shpark@yna.co.kr
(END)
"""

YONHAP_LEAD = """(LEAD) Seoul shares close at record high on chip rally
https://en.yna.co.kr/view/AEN20260102004851320
2026-01-02 16:20

(ATTN: ADDS market details, comment from 5th para; ADDS photo)
SEOUL, Jan. 2 (Yonhap) -- South Korean shares jumped 2.27 percent Friday to close at a record high, led by chipmakers.

(END)
"""

YONHAP_2ND_LD_AFTER_MIDNIGHT = """(2nd LD) Seoul shares break 3,500 for first time on chip rally
https://en.yna.co.kr/view/AEN20251002007552320
2025-10-03 00:15

(ATTN: UPDATES foreign net buying in 4th para with final bourse data)
SEOUL, Oct. 2 (Yonhap) -- South Korean shares jumped 2.7 percent Thursday to finish above 3,500 for the first time.

(END)
"""

JOONGANG_PUBLISHED = """ date 2026-01-07 Kospi breaks 4,600 during trading, but signs of coming short sale growing
Published: 07 Jan. 2026, 18:38 Updated: 07 Jan. 2026, 19:53
The Kospi climbed above 4,600 during trading on Wednesday, as gains in Samsung Electronics propelled the index to intraday record levels.
The Kospi closed up 25.58 points or 0.57 percent at 4,551.06.
"""

HERALD_YONHAP_COPY = """ date 2025-10-02 Seoul shares break 3,500 for first time on chip rally
Published : Oct. 2, 2025 - 16:41    Updated : Oct. 2, 2025 - 16:41

South Korean shares jumped 2.7 percent Thursday to finish above 3,500 for the first time.

The stock and foreign exchange markets will be closed from Friday through next Thursday for the holidays. (Yonhap)
"""

JOONGANG_BY_YONHAP = """ date 2025-11-28 Kospi snaps three-day rally as foreigners sell; won slides
Published: 28 Nov. 2025, 17:30

The Kospi dropped 60.32 points, or 1.51 percent, to 3,926.59.

BY KIM SEO-YEON, YONHAP [[email protected]]
"""

JOONGANG_OWN = """Kospi closes above 3,600 for first time as chipmakers surge after holiday
Published: 10 Oct. 2025, 18:16 Updated: 10 Oct. 2025, 18:40

The benchmark index rose 61.39 points, or 1.73 percent, to 3,610.6.

BY JANG MIN-SEO [[email protected]]
"""

FNNEWS_SAME_DAY = """Tuesday, February 3, 2026

KOSPI Soars 6.84% to Record 5,288.08 as Institutions Buy 2.17 Trillion Won [fn Closing Market]

Input
2026-02-03 15:41:02
Updated
2026-02-03 15:41:02

[Financial News] A day after its worst drop in months, the KOSPI rebounded by nearly 7% on the 3rd and finished at an all-time high.

fnreporter@fnnews.com
"""

FNNEWS_CRAWLED_LATER = """Wednesday, December 24, 2025

KOSPI Falls 1.51% on Foreign Selling; KOSDAQ Jumps 3.71% [fn Closing Market]

Input
2025-11-28 15:59:11
Updated
2025-11-28 15:59:11

[Financial News] The KOSPI slipped back to the 3,920 level on the 28th under heavy foreign selling.

fnreporter@fnnews.com
"""

DONGA_POSTED = """Go to contents

KOSPI closes above 4,000 in a first for Korea's stock market

Posted October. 28, 2025 07:38,   

Updated October. 28, 2025 07:38

The KOSPI finished above 4,000 for the first time on Oct. 27, a landmark for the Korean stock market.
"""

AJP_DATELINE = """KOSPI edges up as chip buying lifts Samsung to record; won rebounds

By Lee Ha-eun Posted : December 26, 2025, 16:23 Updated : December 26, 2025, 16:23

SEOUL, December 26 (AJP) - Korean shares ended higher Friday as foreign money returned to semiconductors.
"""

AI_DIGEST = """KOSPI Smashes 4,600 Barrier: Defense and Battery Shares Drive 2026 Rally
KOSPI breaks the 4,600-point mark for the first time in 2026.
South Korea's benchmark stock index has entered uncharted territory. On January 12, 2026, the KOSPI surged past the 4,600-point mark for the first time in history, closing at 4,624.79.
This content is AI-generated based on source articles. While we strive for accuracy, errors may occur. We recommend verifying with the original source.
Related Articles
KOSPI hits a fresh record high of 4,552.37 on Jan 8, 2026, as defense and shipbuilding gains offset profit-taking in tech stocks.
KOSPI extends its record run to 4,723.10 on Jan 14, 2026, as chipmakers rally again.
"""

AGGREGATOR = """KOSPI Breaks 4,500 Mark on Tech-Led Rally Fueled by Retail Buying
Updated (2 articles)
Record-Setting Close Pushes KOSPI Past 4,500 Seoul's benchmark index finished at 4,525.48, up 67.96 points (1.52%)[1][2].
Sources (2 articles)
-
[1]
Yonhap: KOSPI closes above 4,500 for first time as techs, brokerages and shipbuilders rally.
-
[2]
Yonhap: KOSPI closes above 4,500 for first time as tech stocks drive gains.
Timeline
Jan 5, 2026 \u2013 The KOSPI breaks the 4,400 mark for the first time. [1][2]
Jan 6, 2026 \u2013 The KOSPI closes at a record 4,525.48, surpassing 4,500 for the first time. [1][2]
"""

PLAIN_NO_DATE = """Kospi ends above 6,000 for the first time as carmakers join chip rally

The Kospi closed above 6,000 for the first time on Wednesday, less than a month after it first finished above 5,000.

The benchmark ended at a record 6,083.86, up 114.22 points, or 1.91 percent.

The run has been steep: the index first closed above 4,000 on Oct. 27 last year and above 5,600 on Feb. 19.
"""


def at(y, mo, d, h, mi):
    return datetime(y, mo, d, h, mi, tzinfo=KST)


PARSE = [
    pytest.param(NAVER_YONHAP_EN, dict(
        title="(LEAD) S. Korea's KOSPI surges over 2 pct to hit record high on chip rally",
        publisher="연합뉴스", url="https://n.news.naver.com/mnews/article/001/0015826298",
        doc_date=date(2026, 1, 2), date_source="dateline", published_at=None,
        version_tag="(LEAD)", attn="ADDS more details from 4th para, photos", credit="Yonhap"),
        "seed 002: &#x27; unescaped; the dateline wins over front matter; a midnight published_at is a "
        "date only, and crawled_at is never a publication time", id="naver-yonhap-english"),
    pytest.param(NAVER_YONHAP_KO_MIDNIGHT, dict(
        doc_date=date(2025, 12, 30), date_source="front matter published_at", published_at=None,
        credit="Yonhap"),
        "d23: published_at 00:00 counts as a date only; 연합뉴스 is Yonhap", id="naver-midnight"),
    pytest.param(YONHAP_LEAD, dict(
        title="(LEAD) Seoul shares close at record high on chip rally",
        doc_date=date(2026, 1, 2), date_source="dateline", published_at=at(2026, 1, 2, 16, 20),
        version_tag="(LEAD)", attn="ADDS market details, comment from 5th para; ADDS photo",
        publisher="Yonhap", credit="Yonhap", sections=["body"]),
        "Yonhap English page: time line, (ATTN: ...) note, 'SEOUL, Jan. 2 (Yonhap) --'", id="yonhap-lead"),
    pytest.param(YONHAP_2ND_LD_AFTER_MIDNIGHT, dict(
        doc_date=date(2025, 10, 2), date_source="dateline", version_tag="(2nd LD)",
        published_at=at(2025, 10, 3, 0, 15)),
        "d04 posted after midnight: the dateline's day is the article's day", id="yonhap-2nd-ld-after-midnight"),
    pytest.param(JOONGANG_PUBLISHED, dict(
        title="Kospi breaks 4,600 during trading, but signs of coming short sale growing",
        doc_date=date(2026, 1, 7), date_source="published line", published_at=at(2026, 1, 7, 18, 38),
        version_tag=None, credit=None),
        "seed 003: 'Published: 07 Jan. 2026, 18:38', not the Updated time; the ' date ...' prefix "
        "is not part of the title", id="joongang-published"),
    pytest.param(HERALD_YONHAP_COPY, dict(
        doc_date=date(2025, 10, 2), date_source="published line", published_at=at(2025, 10, 2, 16, 41),
        credit="Yonhap"),
        "d05: 'Published : Oct. 2, 2025 - 16:41' and a '(Yonhap)' credit at the end", id="herald-yonhap-copy"),
    pytest.param(JOONGANG_BY_YONHAP, dict(
        doc_date=date(2025, 11, 28), published_at=at(2025, 11, 28, 17, 30), credit="Yonhap"),
        "d19: 'BY KIM SEO-YEON, YONHAP [[email protected]]' is a Yonhap copy", id="joongang-by-yonhap"),
    pytest.param(JOONGANG_OWN, dict(
        doc_date=date(2025, 10, 10), published_at=at(2025, 10, 10, 18, 16), credit=None),
        "d08: a JoongAng reporter's own story has no wire credit", id="joongang-own-story"),
    pytest.param(FNNEWS_SAME_DAY, dict(
        title="KOSPI Soars 6.84% to Record 5,288.08 as Institutions Buy 2.17 Trillion Won [fn Closing Market]",
        doc_date=date(2026, 2, 3), date_source="published line", published_at=at(2026, 2, 3, 15, 41)),
        "d24: the Input line under the page header; the header is not the title", id="fnnews-input"),
    pytest.param(FNNEWS_CRAWLED_LATER, dict(
        doc_date=date(2025, 11, 28), published_at=at(2025, 11, 28, 15, 59)),
        "d20: the page header shows the crawl date (Dec. 24); Input says Nov. 28", id="fnnews-crawl-header"),
    pytest.param(DONGA_POSTED, dict(
        title="KOSPI closes above 4,000 in a first for Korea's stock market",
        doc_date=date(2025, 10, 28), published_at=at(2025, 10, 28, 7, 38)),
        "d12: 'Posted October. 28, 2025 07:38'; 'Go to contents' is not the title", id="donga-posted"),
    pytest.param(AJP_DATELINE, dict(
        doc_date=date(2025, 12, 26), date_source="dateline", published_at=at(2025, 12, 26, 16, 23),
        publisher="AJP"),
        "d21: 'Posted : December 26, 2025, 16:23' and 'SEOUL, December 26 (AJP) -'", id="ajp-dateline"),
    pytest.param(AI_DIGEST, dict(
        title="KOSPI Smashes 4,600 Barrier: Defense and Battery Shares Drive 2026 Rally",
        doc_date=date(2026, 1, 12), date_source="date stated in the text", published_at=None,
        sections=["body", "related"]),
        "seed 000: no clock of its own; the body's date dates it, never a Related Articles item "
        "(the Jan. 14 item is another day's story)", id="ai-digest"),
    pytest.param(AGGREGATOR, dict(
        title="KOSPI Breaks 4,500 Mark on Tech-Led Rally Fueled by Retail Buying",
        doc_date=date(2026, 1, 6), date_source="date stated in the text",
        sections=["body", "sources", "timeline"]),
        "seed 001: the latest date of its own Timeline", id="aggregator"),
    pytest.param(PLAIN_NO_DATE, dict(
        title="Kospi ends above 6,000 for the first time as carmakers join chip rally",
        doc_date=None, date_source=None, published_at=None, sections=["body"]),
        "d30: no date anywhere; 'Oct. 27 last year' and 'Feb. 19' do not date the article", id="no-date"),
]


@pytest.mark.parametrize("text,expected,why", PARSE, ids=_ids(PARSE))
def test_parse(text, expected, why):
    art = parse(text, PATH)
    got = {k: ([s.kind for s in art.sections] if k == "sections" else getattr(art, k)) for k in expected}
    assert got == expected, why


def test_parse_keeps_text_verbatim():
    art = parse(YONHAP_LEAD, PATH)
    assert art.text == YONHAP_LEAD and art.path == PATH


def test_section_spans_cover_their_text():
    art = parse(AGGREGATOR, PATH)
    kinds = {s.kind: art.text[s.start:s.end] for s in art.sections}
    assert "4,525.48, up 67.96 points" in kinds["body"]
    assert "Yonhap: KOSPI closes above 4,500" in kinds["sources"]
    assert kinds["timeline"].lstrip().startswith("Jan 5, 2026")


# ---- the tables themselves ------------------------------------------------------------------

@pytest.mark.parametrize("table", [DECODE_ERRORS, DECODE_OK, PARSE], ids=["decode_errors", "decode_ok", "parse"])
def test_no_input_repeats(table):
    inputs = [r.values[0] for r in table]
    assert len(inputs) == len(set(inputs))


NAMED = [  # (file name, text, the date parse gives, why)
    pytest.param("e01_yonhap_20200319.txt", "(LEAD) Seoul shares plunge\n\nSEOUL, March 19 (Yonhap) -- Stocks fell.\n",
                 date(2020, 3, 19), "a dateline alone: the file's name, naming the same month and day, gives the year",
                 id="dateline-year-from-name"),
    pytest.param("e01_yonhap_20200318.txt", "(LEAD) Seoul shares plunge\n\nSEOUL, March 19 (Yonhap) -- Stocks fell.\n",
                 None, "a name naming another day gives nothing: the page stays undated (never guessed)", id="name-other-day"),
    pytest.param("notes.txt", "(LEAD) Seoul shares plunge\n\nSEOUL, March 19 (Yonhap) -- Stocks fell.\n",
                 None, "no date in the name: undated", id="name-without-date"),
    pytest.param("e05_kedglobal_20210125.txt", "KED Global\nBy Yeo Jun-suk  yeopo@hankyung.com   Jan 25 (Mon), 2021  16:02 KST\n\n"
                 "The Kospi finished at a record 3,208.99 on Monday.\n", date(2021, 1, 25),
                 "'Jan 25 (Mon), 2021  16:02 KST' is a stamp, the weekday in brackets between day and year", id="ked-stamp"),
    pytest.param("x.txt", "Pulse by Maeil Business News Korea   2021-01-26 08:11:04\nKospi closes above 3,200\n"
                 "The Kospi ended Monday's session at 3,208.99.\n", date(2021, 1, 26),
                 "a masthead, a wide gap, then the stamp: the page's time line", id="masthead-gap-stamp"),
]


@pytest.mark.parametrize("name,text,day,why", NAMED, ids=_ids(NAMED))
def test_named_file_dates(name, text, day, why):
    assert parse(text, f"/some/folder/{name}").doc_date == day, why
