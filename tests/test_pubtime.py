"""Example table for the publication time of an article's head (``kospitl.pubtime`` through
``kospitl.articles.parse``): page head → (published KST, the article's date), or none.

Where the rows came from: the date layout column of ``shared/corpus/dev2/README_A.md`` and
``README_B.md`` (the files named in each row's why), the layouts of the seed and dev articles,
and the layouts Korean and English news pages print that the corpus does not (송고시간, 승인,
발행일, 최종수정, Naver's "입력 2025.09.10. 오후 4:41", "Date :", "Last updated", ISO with ``T`` and
an offset, ``2026/02/12``, ``2026.02.12.``, US times in ET/EST/PM). The rules: the first
publication stamp wins over the update stamp; a US time is converted to Seoul time; the dateline
dates the story; a crawl-date page header and "On the 23rd" are never the article's date
(``fact-vocabulary.md``, "Document time"); an impossible date is simply not a date.
"""
from __future__ import annotations

import pytest

from kospitl.articles import parse
from kospitl.pubtime import find_stamps

BODY = "\n\nThe KOSPI ended the session higher as foreign investors bought chip shares.\n"


def row(head: str, published: str | None, day: str | None, why: str, id: str):  # noqa: A002
    return pytest.param(head, published, day, why, id=id)


EN = [
    row("The Korea Herald\n\nKospi closes at all-time high\n\nBy Park Ji-won\nPublished : Sept. 10, 2025 - 16:05\n"
        "Link copied", "2025-09-10 16:05", "2025-09-10", "A r03: 'Published : Mon. D, YYYY - HH:MM'", "herald-published"),
    row("Kospi hits record high\n\nPublished : Oct. 29, 2025 - 16:12\nUpdated : Oct. 29, 2025 - 16:40",
        "2025-10-29 16:12", "2025-10-29", "A r18: the publication stamp, not the update below it", "herald-published-updated"),
    row("Kospi opens higher\n\nPublished: 11 Sep. 2025, 09:21", "2025-09-11 09:21", "2025-09-11",
        "A r04: JoongAng 'D Mon. YYYY, HH:MM'", "joongang-dmy"),
    row("Kospi opens at a record\n\nPublished: 13 Feb. 2026, 17:05 Updated: 13 Feb. 2026, 18:40",
        "2026-02-13 17:05", "2026-02-13", "JoongAng with its update on the same line", "joongang-published-updated"),
    row("Seoul shares tumble\n\nPosted : 2025-09-26 16:19 Updated : 2025-09-26 16:44", "2025-09-26 16:19",
        "2025-09-26", "A r08: Korea Times 'Posted : ... Updated : ...'", "koreatimes-posted"),
    row("KOSPI clings to 4,000\n\nPosted : 2025-11-06 07:40 Updated : 2025-11-06 08:12", "2025-11-06 07:40",
        "2025-11-06", "B r27: a next-morning page keeps its own date", "koreatimes-next-morning"),
    row("KOSPI Sets Fresh Record Close\n\nWritten: 2025-09-11 16:52:40Updated: 2025-09-11 18:20:13",
        "2025-09-11 16:52", "2025-09-11", "A r05: KBS 'Written:' glued to 'Updated:'", "kbs-written-glued"),
    row("[Market Close] Kospi sinks\n\n- Input\n- 2025-09-26 17:12:45\n\n- Updated\n- 2025-09-26 17:30:02\n\n"
        "By Han Seo-yeon (syhan@theinvestor.co.kr)", "2025-09-26 17:12", "2025-09-26",
        "A r09: list items, the label on the line above its stamp", "investor-list-items"),
    row("Friday, November 21, 2025\n\nKOSPI Falls 3.79% [fn Closing Market]\n\nInput\n2025-11-21 16:05:00\nUpdated\n"
        "2025-11-21 16:05:00", "2025-11-21 16:05", "2025-11-21", "dev d17: fnnews label lines under a page header",
        "fnnews-input-lines"),
    row("Wednesday, December 24, 2025\n\nKED Global | Markets\n\nKOSPI Extends Santa Rally\n\n"
        "Input 2025-12-23 16:02 | Updated 2025-12-23 16:40", "2025-12-23 16:02", "2025-12-23",
        "B r40: the crawl-date header (Dec. 24) loses to Input", "ked-crawl-header-and-input"),
    row("Wednesday, December 24, 2025\n\nKOSPI Extends Santa Rally\n\nOn the 23rd, the KOSPI closed at 4,117.32.",
        None, None, "a crawl-date header alone is never the article's date, nor is 'On the 23rd'",
        "crawl-header-only"),
    row("KOSPI gives back early jump\n\nInput 2025-11-25 14:41 | Updated 2025-11-25 14:58", "2025-11-25 14:41",
        "2025-11-25", "B r29: Infomax 'Input ... | Updated ...'", "infomax-input-pipe"),
    row("KOSPI Edges Down\n\nInput 2025.12.10 17:20 | Updated 2025.12.10 17:41", "2025-12-10 17:20",
        "2025-12-10", "B r33: dotted date after Input", "asiae-input-dotted"),
    row("Kospi notches another record\n\nUpdated Oct 29, 2025 · 4 min read\nThis summary was generated automatically.",
        None, "2025-10-29", "A r19: an update date only; the publication time is not printed", "digest-updated-read-time"),
    row("Kospi falls\n\nLast updated: 2026-02-12 16:05", None, "2026-02-12",
        "'Last updated' alone dates the page, it is no publication time", "last-updated-only"),
    row("South Korea Stocks Extend Gains\n\nFebruary 23, 2026 \u2014 07:52 pm EST", "2026-02-24 09:52", "2026-02-23",
        "a US Eastern time: 09:52 the next morning in Seoul, but the desk's own day (its 'Monday') is the 23rd",
        "us-est-next-morning"),
    row("Korean stocks close higher\n\nFeb. 12, 2026 3:41 p.m. ET", "2026-02-13 05:41", "2026-02-12",
        "ET in February is standard time (UTC-5); the desk's day is the 12th", "us-et-winter"),
    row("Korean stocks close higher\n\nJuly 14, 2026 9:15 PM ET", "2026-07-15 10:15", "2026-07-14",
        "ET in July is daylight time (UTC-4); the desk's day is the 14th", "us-et-summer"),
    row("Kospi rises\n\nPublished 2026-02-12T06:41:00Z", "2026-02-12 15:41", "2026-02-12",
        "ISO 8601 with T and Z (UTC)", "iso-t-utc"),
    row("Kospi rises\n\nPublished: 2026-02-12T15:41:00+09:00", "2026-02-12 15:41", "2026-02-12",
        "ISO 8601 with T and a +09:00 offset", "iso-t-offset"),
    row("Kospi rises\n\nDate : 2026.02.12 15:41", "2026-02-12 15:41", "2026-02-12", "'Date :' label", "date-label"),
    row("KOSPI closes above 4,000\n\nPosted October. 28, 2025 07:38,\n\nUpdated October. 28, 2025 07:38",
        "2025-10-28 07:38", "2025-10-28", "dev d12: Donga's 'October.'", "donga-posted"),
    row("KOSPI closes higher\n\nOct 14, 2026 (06:30 KST)", "2026-10-14 06:30", "2026-10-14",
        "a digest's clock in parentheses after the date", "clock-in-parentheses"),
    row("KOSPI edges up\n\nBy Lee Ha-eun Posted : December 26, 2025, 16:23 Updated : December 26, 2025, 16:23",
        "2025-12-26 16:23", "2025-12-26", "dev d21: a byline before the label", "byline-then-posted"),
    row("Kospi ends higher\n\nApril 3, 2025 3:58 PM GMT+9", "2025-04-03 15:58", "2025-04-03",
        "an unlabelled date line with PM and GMT+9", "date-line-gmt9"),
    row("Korea Pro · Thursday, December 5, 2024 · 07:30 KST\n\nMorning brief", "2024-12-05 07:30", "2024-12-05",
        "a masthead stamp with weekday and KST", "masthead-weekday-kst"),
    row("Kospi opens lower\n\nFirst published on Feb 12, 2026 at 3:41 pm", "2026-02-12 15:41", "2026-02-12",
        "'First published on ... at h:mm pm'", "first-published-at"),
    row("Seoul shares close at record high\nhttps://en.yna.co.kr/view/AEN20260102004851320\n2026-01-02 16:20\n\n"
        "SEOUL, Jan. 2 (Yonhap) -- South Korean shares jumped.", "2026-01-02 16:20", "2026-01-02",
        "Yonhap's time line under the headline, and its dateline", "yonhap-time-line"),
    row("(2nd LD) Seoul shares break 3,500\n2025-10-03 00:15\n\nSEOUL, Oct. 2 (Yonhap) -- Shares jumped.",
        "2025-10-03 00:15", "2025-10-02", "dev d04: posted after midnight, the dateline's day is the story's",
        "yonhap-after-midnight"),
    row("Asian markets\n\nPublished 15:41 KST, Feb. 12, 2026", "2026-02-12 15:41", "2026-02-12",
        "the clock before the date, with its zone", "time-before-date"),
    row("Asian markets\n\nUpdated 2:13 AM EST, February 24, 2026", None, "2026-02-24",
        "AP's update stamp, clock first: 16:13 in Seoul, the same day; an update dates the page only",
        "ap-updated-time-first"),
    row("Asian markets\n\nPosted : 2025-09-26 16:19 KST | 2025-09-27", "2025-09-26 16:19", "2025-09-26",
        "a clock belongs to the stamp before it, not to the date after it", "clock-of-the-stamp-before"),
    row("Kospi closes higher\n\n2026/02/12\n\nMarket wrap", None, "2026-02-12", "a slashed date line", "slashed-date-line"),
    row("Kospi closes higher\n\n2026.02.12.\n\nMarket wrap", None, "2026-02-12", "a dotted date line with a final dot",
        "dotted-date-line"),
    row("Kospi closes higher\n\nPosted : 2025-02-30 16:19\n\nMarket wrap", None, None,
        "an impossible date is not a date, and the article is not rejected", "impossible-date"),
    row("Kospi closes higher\n\nPosted : 2025-02-30 16:19\n\nPosted : 2025-02-28 16:25", "2025-02-28 16:25",
        "2025-02-28", "past an impossible stamp, the next possible one", "impossible-then-possible"),
    row("Kospi closes higher\n\nPublished : 2025-10-29 14:00 pm", None, "2025-10-29",
        "'14:00 pm' is no clock time: the date only", "impossible-clock"),
    row("<rss version=\"2.0\"><channel>\n<lastBuildDate>Thu, 10 Apr 2025 23:15:02 GMT</lastBuildDate>\n<item>\n"
        "<title>Seoul shares set to open lower</title>\n<pubDate>Thu, 10 Apr 2025 23:10:00 GMT</pubDate>",
        "2025-04-11 08:10", "2025-04-11",
        "a feed's <pubDate> is a publication stamp, its RFC 822 GMT clock a machine's instant (Seoul's day); "
        "<lastBuildDate> is only an update", "rss-pubdate"),
    row('{"@context":"https://schema.org","@type":"NewsArticle","headline":"Kospi falls 2.5%",'
        '"datePublished":"2025-02-03T16:42:10+09:00","dateModified":"2025-02-03T17:05:33+09:00"}\n\nKospi falls 2.5%',
        "2025-02-03 16:42", "2025-02-03", "a crawl that kept the page's JSON-LD: its datePublished, however long the line",
        "json-ld-date-published"),
    row('<meta property="article:published_time" content="2025-06-04T15:51:00+09:00">\n'
        '<meta property="article:modified_time" content="2025-06-04T17:02:00+09:00">\n\nKospi jumps',
        "2025-06-04 15:51", "2025-06-04", "Open Graph meta tags: article:published_time", "meta-published-time"),
    row("네이버페이 증권\n\nhttps://finance.naver.com/news/news_read.naver?mode=mainnews&office_id=018&article_id=0006071842"
        "&date=2025-07-10&page=1\n\n[오후시황] 코스피 1%대 상승", None, "2025-07-10",
        "a page with no stamp: the day its address carries (Naver's '&date=')", "url-query-date"),
    row("https://biz.chosun.com/stock/stock_general/2026/08/20/7QH3KZ2VXRGN5DLM4YBPWT6ECA/\n\n코스피, 6000선 앞에서 숨 고르기",
        None, "2026-08-20", "a site's dated path '/2026/08/20/'", "url-path-date"),
    row("https://www.yna.co.kr/view/AKR20250710123400002\n\nKOSPI 3,180선 마감\n입력 2025.07.11 09:02", "2025-07-11 09:02",
        "2025-07-11", "the page's own stamp wins over its address", "url-date-after-stamp"),
]

KO = [
    row("뉴시스 NEWSIS\n\n코스피, 장중 3317선 '터치'\n\n등록 2025.09.10 14:31:05수정 2025.09.10 14:40:12",
        "2025-09-10 14:31", "2025-09-10", "A r01: Newsis 등록 glued to 수정", "newsis-deungrok-glued"),
    row("코스피 3314.53 마감\n\n입력2025.09.10 16:41 수정2025.09.10 17:05", "2025-09-10 16:41", "2025-09-10",
        "A r02: Hankyung labels glued to their dates", "hankyung-ipryeok-glued"),
    row("코스피 0.80% 내린 4010.41\n\n입력 2025.10.28 16:21 수정 2025.10.28 16:48", "2025-10-28 16:21", "2025-10-28",
        "A r17: Herald Business", "heraldcorp-ipryeok"),
    row("코스피, 사상 첫 3800 위에서 마감\n\n기사입력 2025-10-20 16:08", "2025-10-20 16:08", "2025-10-20",
        "A r14: 기사입력", "mt-gisaipryeok"),
    row("코스피, 외국인 2.5조 '폭탄'\n\n기사입력 2025-11-05 16:09:27  최종수정 2025-11-05 16:31:02", "2025-11-05 16:09",
        "2025-11-05", "B r25: 기사입력 and 최종수정", "asiae-choejongsujeong"),
    row("코스피 2%대 급락\n\n2025년 09월 26일(금) 15:47\n\n(서울=뉴스1) 윤주영 기자 =", "2025-09-26 15:47", "2025-09-26",
        "A r10: 년월일 with the weekday in parentheses", "news1-korean-date"),
    row("코스피, 이틀 연속 사상 최고치\n\n정다은 기자 dani@sedaily.com | 2025-09-11 15:58:21", "2025-09-11 15:58",
        "2025-09-11", "A r06: a byline's e-mail, then the stamp", "sedaily-email-byline"),
    row("'네 마녀의 날'에 하이닉스 투자경고까지\n\n2025.12.11 12:52 | 머니투데이 한지우 기자 jiwoo@mt.co.kr", "2025-12-11 12:52",
        "2025-12-11", "B r34: the stamp first, then the byline", "mt-stamp-then-byline"),
    row("외인·기관 '쌍끌이'에 코스피 4130선 순항\n\n2025-12-23 09:58 | 수정 2025-12-23 10:04", "2025-12-23 09:58",
        "2025-12-23", "B r39: an unlabelled stamp before '| 수정'", "newdaily-stamp-sujeong"),
    row("코스피, 외국인 '팔자' 폭주에 5%대 급락\n\n입력 2025.11.05 10:31 | 수정 2025.11.05 10:44", "2025-11-05 10:31",
        "2025-11-05", "B r24: Edaily", "edaily-ipryeok-pipe"),
    row("코스피, 4000선 회복\n\n송고시간2025-10-28 16:21", "2025-10-28 16:21", "2025-10-28", "Yonhap Korean 송고시간",
        "yonhap-ko-songgo"),
    row("코스피, 4000선 회복\n\n입력 2025.09.10. 오후 4:41 기사원문", "2025-09-10 16:41", "2025-09-10",
        "Naver: dotted date, 오후 and a 12-hour clock", "naver-ohu"),
    row("코스피, 4000선 회복\n\n입력 2025. 9. 10. 오전 9:05", "2025-09-10 09:05", "2025-09-10",
        "Naver with spaced date parts and 오전", "naver-spaced-ojeon"),
    row("코스피 5000 돌파\n\n승인 2026.02.12 15:41", "2026-02-12 15:41", "2026-02-12", "regional CMS 승인", "seungin"),
    row("코스피 5000 돌파\n\n등록일 2026.02.12 15:41 | 수정일 2026.02.12 16:02", "2026-02-12 15:41", "2026-02-12",
        "등록일 and 수정일", "deungrokil"),
    row("코스피 5000 돌파\n\n입력 : 2026-02-12 15:41:02 | 수정 : 2026-02-12 16:00:11", "2026-02-12 15:41",
        "2026-02-12", "labels with colons", "ipryeok-colon"),
    row("코스피 5000 돌파\n\n발행일 2026.02.12", None, "2026-02-12", "발행일 with a date only", "balhaengil"),
    row("코스피 5000 돌파\n\n최종수정 2026.02.12 16:00", None, "2026-02-12", "an update stamp alone dates the page only",
        "choejongsujeong-only"),
    row("코스피 5000 돌파\n\n2026년 2월 12일 오후 3시 41분", "2026-02-12 15:41", "2026-02-12",
        "a Korean clock in 시 and 분", "korean-si-bun"),
    row("코스피 5000 돌파\n\n작성 2026.02.12 15:41", "2026-02-12 15:41", "2026-02-12", "작성", "jakseong"),
    row("코스피, 외국인 '매도 폭탄'\n사이드카 발동 뒤 낙폭 줄여\n2025년 11월 05일(수) 19:30", "2025-11-05 19:30",
        "2025-11-05", "B r26: Kwangju Ilbo, an evening stamp", "kwangju-korean-date"),
    row("[마감정리] 수요일 코스피, 또 신기록\n\n오늘 코스피 정말 롤러코스터였네요.", None, None,
        "A r20: a blog with a weekday only has no date", "blog-no-date"),
    row("키움증권 | 리서치센터\n\n[국내 마감 시황] 외국인 순매수 전환\n\n작성일 : 25-12-12 | 조회수 1,284", None, "2025-12-12",
        "a two-digit year after a publication label ('작성일 : 25-12-12')", "two-digit-year-labelled"),
    row("텔레그램 | 주식 마감 브리핑\n\n[📊 장마감 브리핑] 2025년 10월 27일 (월) 16:02\n\n🔥 코스피 4000 돌파", "2025-10-27 16:02",
        "2025-10-27", "a post's bracketed title before its stamp", "bracket-title-stamp"),
    row("日本経済新聞 電子版 | アジア | 2023年1月2日 17:35\n\nSeoul stocks slip", "2023-01-02 17:35", "2023-01-02",
        "a Japanese page's 年月日", "japanese-ymd"),
    row("코스피 통계\n\n기준 25-12-12 집계", None, None, "an unlabelled two-digit-year date is not read", "two-digit-year-unlabelled"),
]


@pytest.mark.parametrize("head,published,day,why", EN + KO)
def test_publication_time(head, published, day, why):
    art = parse(head + BODY, "inbox/head.txt")
    got = (art.published_at.strftime("%Y-%m-%d %H:%M") if art.published_at else None,
           art.doc_date.isoformat() if art.doc_date else None)
    assert got == (published, day), why


def test_update_time_is_kept():
    art = parse("Kospi\n\nPosted : 2025-09-26 16:19 Updated : 2025-09-26 16:44" + BODY, "x.txt")
    assert art.updated_at is not None and art.updated_at.strftime("%H:%M") == "16:44"


def test_midnight_in_a_naver_body_line_is_a_date_only():
    text = ("---\ntitle: \"코스피\"\npublisher: 연합뉴스\npublished_at: 2026-01-02 00:00\n---\n\n# 코스피\n\n"
            "**연합뉴스** | 2026-01-02 00:00 | \n\n(서울=연합뉴스) 코스피가 올랐다.\n")
    art = parse(text, "x.txt")
    assert (art.published_at, art.doc_date.isoformat()) == (None, "2026-01-02")


def test_prose_dates_have_no_role():
    text = ("Kospi\n\n" + "The index, which closed at 4,081.15 on Oct. 29, 2025 at 15:30, has climbed every week "
            "since the summer as foreign money returned to the chip makers that dominate the main board and its "
            "turnover.\n")
    assert [s.role for s in find_stamps(text)] == [None]


@pytest.mark.parametrize("table", [EN, KO], ids=["en", "ko"])
def test_no_head_repeats(table):
    heads = [r.values[0] for r in table]
    assert len(heads) == len(set(heads))
