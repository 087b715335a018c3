"""Example tables for the extraction rules, run end to end through the public path
(``articles.parse`` → ``ingest.analyse``): one table per rule family.

Where the rows came from:
- Each input is a sentence (or the two or three sentences a figure needs for its subject or
  its time) copied from the seed articles (``shared/corpus/seeds``) or the dev corpus
  (``shared/corpus/dev``); the ``why`` names the file. It is wrapped in a minimal article,
  "Title / Published: <the source's own publication time> / <text>", so dates resolve the
  way they do in the source.
- The expected observations are that file's gold rows (``shared/gold/seeds.jsonl``,
  ``shared/gold/dev.jsonl``, tier ``core``) restricted to the facts the input states, with
  ``approx`` as the gold gives it. Derived rows (previous closes by arithmetic, implied
  records) are timeline-only and never expected here. A few rows drop context the full
  article gives (the time of "at the same time", the record of "closed at a record"); their
  ``why`` says what a reader of the input alone can know.
- The bond table has constructed rows marked as such: the corpus has a single bond sentence.
- Rows the current code gets wrong stay, marked ``xfail(strict=True)`` with the reason.
"""
from __future__ import annotations

from collections import Counter

import pytest

from kospitl.articles import parse
from kospitl.ingest import analyse

K, Q = "KOSPI", "KOSDAQ"
SAMSUNG, HYNIX, LGES, SBIO, CELLTRION = "005930", "000660", "373220", "207940", "068270"
HMC, KIA, HDHHI, DOOSAN = "005380", "000270", "329180", "034020"


def pub(when: str, *paragraphs: str) -> str:
    """A minimal article published at ``when`` ("02 Oct. 2025, 18:00")."""
    return f"Title\nPublished: {when}\n\n" + "\n\n".join(paragraphs) + "\n"


def posted(header: str, *paragraphs: str) -> str:
    """A minimal article with its source's own header line ("Posted October. 28, 2025 07:38")."""
    return f"Title\n{header}\n\n" + "\n\n".join(paragraphs) + "\n"


def o(date, kind, subject, metric, as_of, value, approx=False):
    return (date, kind, subject, metric, as_of, round(float(value), 6), approx)


def observe(text: str) -> list[tuple]:
    observations, _problems = analyse(parse(text, "rows.txt"))
    return sorted((x.date, x.kind, x.subject, x.metric, x.as_of, round(float(x.value), 6), bool(x.approx))
                  for x in observations)


def check(text, expected, why):
    got = observe(text)
    want = sorted(expected)
    missing = Counter(want) - Counter(got)
    extra = Counter(got) - Counter(want)
    assert not missing and not extra, f"{why}\n  missing: {sorted(missing)}\n  extra:   {sorted(extra)}"


def bug(reason: str):
    return pytest.mark.xfail(strict=True, reason=reason)


def _ids(rows):
    return [r.id for r in rows]


# ---- index: close, change, change_pct (signs from the verbs), volume, breadth ----------------

INDEX = [
    pytest.param(pub("28 Nov. 2025, 17:30", "The Kospi dropped 60.32 points, or 1.51 percent, to 3,926.59."),
                 [o("2025-11-28", "index", K, "close", "close", 3926.59),
                  o("2025-11-28", "index", K, "change", "close", -60.32),
                  o("2025-11-28", "index", K, "change_pct", "close", -1.51)],
                 "d19: 'dropped' makes both changes negative", id="dropped"),
    pytest.param(pub("18 Nov. 2025, 16:02", "The index lost 3.32 percent to close at 3,953.62."),
                 [o("2025-11-18", "index", K, "close", "close", 3953.62),
                  o("2025-11-18", "index", K, "change_pct", "close", -3.32)],
                 "d16: 'the index' is the KOSPI; 'lost' is negative", id="index-lost"),
    pytest.param(pub("21 Nov. 2025, 16:05", "According to the Korea Exchange, the KOSPI closed at 3,853.26 on the 21st, down 151.59 points (3.79%) from the previous session, when it had finished the 20th at 4,004.85."),
                 [o("2025-11-21", "index", K, "close", "close", 3853.26),
                  o("2025-11-21", "index", K, "change", "close", -151.59),
                  o("2025-11-21", "index", K, "change_pct", "close", -3.79),
                  o("2025-11-20", "index", K, "close", "close", 4004.85)],
                 "d17: 'down' before a parenthesised percent; 'the 20th' dates its own close", id="fnnews-down-the-20th"),
    pytest.param(pub("27 Oct. 2025, 16:31", "According to the Korea Exchange, the KOSPI closed at 4,042.83 on the 27th, up 101.24 points (2.57%) from the previous trading day (3,941.59)."),
                 [o("2025-10-27", "index", K, "close", "close", 4042.83),
                  o("2025-10-27", "index", K, "change", "close", 101.24),
                  o("2025-10-27", "index", K, "change_pct", "close", 2.57),
                  o("2025-10-24", "index", K, "close", "close", 3941.59)],
                 "d14: the previous trading day's close in parentheses is Friday Oct. 24's", id="previous-close-in-parens"),
    pytest.param(pub("27 Oct. 2025, 16:09", "The tech-heavy Kosdaq climbed 2.22 percent to 902.70, its first finish above 900 since April last year."),
                 [o("2025-10-27", "index", Q, "close", "close", 902.7),
                  o("2025-10-27", "index", Q, "change_pct", "close", 2.22)],
                 "d13: 'first ... since April' is not a first-ever milestone", id="kosdaq-first-since"),
    pytest.param(pub("26 Dec. 2025, 16:23", "The benchmark KOSPI closed at 4,129.68, up 0.5 percent, while the tech-heavy KOSDAQ also gained 0.5 percent to 919.67."),
                 [o("2025-12-26", "index", K, "close", "close", 4129.68),
                  o("2025-12-26", "index", K, "change_pct", "close", 0.5),
                  o("2025-12-26", "index", Q, "close", "close", 919.67),
                  o("2025-12-26", "index", Q, "change_pct", "close", 0.5)],
                 "d21: two indices in one sentence", id="kospi-and-kosdaq"),
    pytest.param(pub("02 Jan. 2026, 18:00", "Trade volume was moderate at 400.33 million shares worth 17.27 trillion won (US$11.97 billion), with losers beating winners 522 to 371."),
                 [o("2026-01-02", "index", K, "volume", "close", 400330000),
                  o("2026-01-02", "index", K, "turnover", "close", 17270000000000),
                  o("2026-01-02", "index", K, "advancers", "close", 371),
                  o("2026-01-02", "index", K, "decliners", "close", 522)],
                 "seed 002: volume, turnover, breadth (losers first); the US$ conversion is no fact", id="volume-breadth-losers-first"),
    pytest.param(pub("19 Feb. 2026, 16:12", "About 1.17 billion shares worth 28.59 trillion won ($19.76 billion) changed hands, with 666 stocks rising and 231 falling."),
                 [o("2026-02-19", "index", K, "volume", "close", 1170000000, True),
                  o("2026-02-19", "index", K, "turnover", "close", 28590000000000),
                  o("2026-02-19", "index", K, "advancers", "close", 666),
                  o("2026-02-19", "index", K, "decliners", "close", 231)],
                 "d26: 'About' hedges the share count only", id="volume-hedged-rising-falling"),
    pytest.param(pub("11 Sep. 2025, 16:52", "The benchmark Korea Composite Stock Price Index(KOSPI) gained 29-point-67 points, or zero-point-nine percent, to close at three-thousand-344-point-two."),
                 [o("2025-09-11", "index", K, "close", "close", 3344.2),
                  o("2025-09-11", "index", K, "change", "close", 29.67),
                  o("2025-09-11", "index", K, "change_pct", "close", 0.9)],
                 "dev2 r05 (KBS): numbers spelled out for reading aloud are numbers", id="spelled-out"),
    pytest.param(pub("26 Sep. 2025, 15:52", "The benchmark Korea Composite Stock Price Index (KOSPI) lost 85.06 points, or 2.45 percent, to close at 3,386.05.",
                     "Some 389 million shares changed hands, worth 12.2 trillion won (US$8.63 billion), and decliners swamped gainers 776 to 121."),
                 [o("2025-09-26", "index", K, "close", "close", 3386.05),
                  o("2025-09-26", "index", K, "change", "close", -85.06),
                  o("2025-09-26", "index", K, "change_pct", "close", -2.45),
                  o("2025-09-26", "index", K, "volume", "close", 389000000, True),
                  o("2025-09-26", "index", K, "turnover", "close", 12200000000000),
                  o("2025-09-26", "index", K, "advancers", "close", 121),
                  o("2025-09-26", "index", K, "decliners", "close", 776)],
                 "dev2 r07: any verb between the two groups ('swamped'); 776 is a count, not a close", id="breadth-swamped"),
    pytest.param(posted("입력 2025.10.28 16:21", "거래량은 4억530만주, 거래대금은 19조5천억원이었다. 하락 종목이 499개로 상승 종목(379개)보다 많았다."),
                 [o("2025-10-28", "index", K, "volume", "close", 405300000),
                  o("2025-10-28", "index", K, "turnover", "close", 19500000000000),
                  o("2025-10-28", "index", K, "advancers", "close", 379),
                  o("2025-10-28", "index", K, "decliners", "close", 499)],
                 "dev2 r17: each Korean count follows its own word (하락 종목 N개, 상승 종목(M개))", id="breadth-korean"),
    pytest.param(pub("20 Oct. 2025, 15:49", "The benchmark Korea Composite Stock Price Index (KOSPI) rose 65.80 points, or 1.76 percent, to close at 3,814.69, a fresh record that topped Friday's closing high of 3,748.89."),
                 [o("2025-10-20", "index", K, "close", "close", 3814.69),
                  o("2025-10-20", "index", K, "change", "close", 65.8),
                  o("2025-10-20", "index", K, "change_pct", "close", 1.76),
                  o("2025-10-20", "milestone", K, "record_close", "close", 3814.69),
                  o("2025-10-17", "index", K, "close", "close", 3748.89),
                  o("2025-10-17", "milestone", K, "record_close", "close", 3748.89)],
                 "dev2 r11: 'Friday's' dates the closing high after it, not the figures before it", id="possessive-date"),
    pytest.param(posted("기사입력 2025-10-20 16:08", "코스피 지수가 사상 처음으로 3800선 위에서 거래를 마쳤다.", "코스피는 사상 첫 3800 위에서 마감했다."),
                 [o("2025-10-20", "milestone", K, "first_close_above", "close", 3800)],
                 "dev2 r14: a round 3800 is a threshold, never a close or a record close", id="threshold-not-close"),
]


@pytest.mark.parametrize("text,expected,why", INDEX, ids=_ids(INDEX))
def test_index(text, expected, why):
    check(text, expected, why)


# ---- open and intraday levels, with their times ---------------------------------------------

INTRADAY = [
    pytest.param(pub("10 Oct. 2025, 09:47", "The Kospi opened 1.38 percent higher at 3,598.1 and needed only a couple of minutes to clear the new milestone, changing hands at 3,605.2 at 9:02 a.m. It peaked at 3,606.86 in the opening minutes before some of the gains wore off; as of 9:20 a.m. the index was hovering around 3,595."),
                 [o("2025-10-10", "index", K, "open", "open", 3598.1),
                  o("2025-10-10", "index", K, "change_pct", "open", 1.38),
                  o("2025-10-10", "index", K, "level", "09:02", 3605.2),
                  o("2025-10-10", "index", K, "high", "09:20", 3606.86),
                  o("2025-10-10", "index", K, "level", "09:20", 3595, True)],
                 "d07: a morning peak carries the report's time; 'hovering around' hedges", id="morning-peak-hovering"),
    pytest.param(pub("16 Oct. 2025, 09:39", "The index opened at 3,675.82, up 18.54 points, or 0.51 percent, from Wednesday's record close of 3,657.28. As of 9:18 a.m. it stood at 3,689.28, up 32 points, or 0.87 percent, having reached as high as 3,698.73."),
                 [o("2025-10-16", "index", K, "open", "open", 3675.82),
                  o("2025-10-16", "index", K, "change", "open", 18.54),
                  o("2025-10-16", "index", K, "change_pct", "open", 0.51),
                  o("2025-10-15", "index", K, "close", "close", 3657.28),
                  o("2025-10-15", "milestone", K, "record_close", "close", 3657.28),
                  o("2025-10-16", "index", K, "level", "09:18", 3689.28),
                  o("2025-10-16", "index", K, "change", "09:18", 32),
                  o("2025-10-16", "index", K, "change_pct", "09:18", 0.87),
                  o("2025-10-16", "index", K, "high", "09:18", 3698.73)],
                 "d10: Wednesday's record close in a Thursday article; a high so far at 9:18", id="open-and-918"),
    pytest.param(pub("18 Nov. 2025, 12:41",
                     "As of 12:27 p.m., the benchmark index was at 3,995.06, down 2.30 percent from the previous session, according to the Korea Exchange. A finish below 4,000 would be the first in seven sessions; the last one came on Nov. 7, when the index closed at 3,953.76 after a 1.81 percent drop.",
                     "The Kospi opened at 4,044.47, down 44.78 points, or 1.10 percent, and briefly trimmed its losses to reach 4,072.41 before turning lower again."),
                 [o("2025-11-18", "index", K, "level", "12:27", 3995.06),
                  o("2025-11-18", "index", K, "change_pct", "12:27", -2.3),
                  o("2025-11-07", "index", K, "close", "close", 3953.76),
                  o("2025-11-07", "index", K, "change_pct", "close", -1.81),
                  o("2025-11-18", "index", K, "open", "open", 4044.47),
                  o("2025-11-18", "index", K, "change", "open", -44.78),
                  o("2025-11-18", "index", K, "change_pct", "open", -1.1),
                  o("2025-11-18", "index", K, "high", "12:27", 4072.41)],
                 "d15: midday report; the Nov. 7 close and drop belong to Nov. 7; the high so far carries 12:27",
                 id="midday-report"),
    pytest.param(pub("26 Dec. 2025, 09:50", "The Kospi added 22.97 points, or 0.56 percent, to 4,131.59 in the first 15 minutes of trading."),
                 [o("2025-12-26", "index", K, "level", "09:15", 4131.59),
                  o("2025-12-26", "index", K, "change", "09:15", 22.97),
                  o("2025-12-26", "index", K, "change_pct", "09:15", 0.56)],
                 "d22: 'in the first 15 minutes' is 09:15", id="first-15-minutes"),
    pytest.param(pub("19 Feb. 2026, 09:36", "The index opened at 5,642.09, up 135.08 points, or 2.45 percent, from the previous session's close, its first time above 5,600."),
                 [o("2026-02-19", "index", K, "open", "open", 5642.09),
                  o("2026-02-19", "index", K, "change", "open", 135.08),
                  o("2026-02-19", "index", K, "change_pct", "open", 2.45),
                  o("2026-02-19", "milestone", K, "first_intraday_above", "close", 5600)],
                 "d28: above 5,600 at the open is an intraday first", id="open-first-above"),
    pytest.param(pub("25 Feb. 2026, 14:10", "The index extended the gains and surged above 6,100 points during the day. After touching the intraday high of 6,142.14, it stood at 6,138.58, climbing 168.94 points, or 2.83 percent, on the session, as of 2 p.m."),
                 [o("2026-02-25", "index", K, "high", "14:00", 6142.14),
                  o("2026-02-25", "index", K, "level", "14:00", 6138.58),
                  o("2026-02-25", "index", K, "change", "14:00", 168.94),
                  o("2026-02-25", "index", K, "change_pct", "14:00", 2.83)],
                 "seed 004: 'as of 2 p.m.' at the end of the sentence; 'above 6,100' is a threshold", id="as-of-2pm"),
    pytest.param(pub("25 Feb. 2026, 14:10", "The secondary bourse Kosdaq failed to mirror the Kospi's gains, edging up just 0.18 percent to 1,167.14 as of 2 p.m. After opening 0.8 percent higher at 1,174.27, the index struggled to stay above its opening level as of press time."),
                 [o("2026-02-25", "index", Q, "level", "14:00", 1167.14),
                  o("2026-02-25", "index", Q, "change_pct", "14:00", 0.18),
                  o("2026-02-25", "index", Q, "open", "open", 1174.27),
                  o("2026-02-25", "index", Q, "change_pct", "open", 0.8)],
                 "seed 004: 'the index' after a Kosdaq sentence is the Kosdaq", id="kosdaq-open-and-level"),
    pytest.param(pub("21 Nov. 2025, 16:05", "The index opened at 3,908.70, down 96.15 points (2.40%), and fell as low as 3,838.46 during the day."),
                 [o("2025-11-21", "index", K, "open", "open", 3908.7),
                  o("2025-11-21", "index", K, "change", "open", -96.15),
                  o("2025-11-21", "index", K, "change_pct", "open", -2.4),
                  o("2025-11-21", "index", K, "low", "close", 3838.46)],
                 "d17: in a close report the day's low is as of close", id="open-and-low"),
    pytest.param(pub("28 Nov. 2025, 15:59", "According to the Korea Exchange (KRX), the KOSPI closed at 3,926.59 on the 28th, down 60.32 points (-1.51%) from the previous session. It opened 0.21% higher at 3,995.30 and rose as high as 4,016.99 in the morning, briefly reclaiming 4,000, before turning lower."),
                 [o("2025-11-28", "index", K, "close", "close", 3926.59),
                  o("2025-11-28", "index", K, "change", "close", -60.32),
                  o("2025-11-28", "index", K, "change_pct", "close", -1.51),
                  o("2025-11-28", "index", K, "open", "open", 3995.3),
                  o("2025-11-28", "index", K, "change_pct", "open", 0.21),
                  o("2025-11-28", "index", K, "high", "close", 4016.99)],
                 "d20: the morning high in a close report is the day's high; 'reclaiming 4,000' is no milestone",
                 id="close-then-open-and-high"),
    pytest.param(pub("06 Feb. 2026, 18:00", "The Kospi fell 274.69 points, or 5.26%, to 4,949.67 on Feb. 2, after opening 1.95% lower at 5,122.62 and sinking as low as 4,933.58; the exchange halted program selling for five minutes at 12:31 p.m.[1][2]"),
                 [o("2026-02-02", "index", K, "close", "close", 4949.67),
                  o("2026-02-02", "index", K, "change", "close", -274.69),
                  o("2026-02-02", "index", K, "change_pct", "close", -5.26),
                  o("2026-02-02", "index", K, "open", "open", 5122.62),
                  o("2026-02-02", "index", K, "change_pct", "open", -1.95),
                  o("2026-02-02", "index", K, "low", "close", 4933.58)],
                 "d25: 'on Feb. 2' dates the whole sentence; the sidecar's clock time dates nothing", id="aggregator-feb-2"),
    pytest.param(pub("06 Feb. 2026, 18:00", "On Feb. 6 the index opened 2.6% lower at 5,013.15, slid to 4,899.3 and set off a sell-side sidecar around 9:06 a.m., before closing down 1.4% at 5,089.14[3]."),
                 [o("2026-02-06", "index", K, "open", "open", 5013.15),
                  o("2026-02-06", "index", K, "change_pct", "open", -2.6),
                  o("2026-02-06", "index", K, "low", "close", 4899.3),
                  o("2026-02-06", "index", K, "close", "close", 5089.14),
                  o("2026-02-06", "index", K, "change_pct", "close", -1.4)],
                 "d25: open, low and close in one sentence", id="aggregator-feb-6"),
]


@pytest.mark.parametrize("text,expected,why", INTRADAY, ids=_ids(INTRADAY))
def test_open_and_intraday(text, expected, why):
    check(text, expected, why)


# ---- quotes: price and change_pct of a ticker ------------------------------------------------

QUOTES = [
    pytest.param(pub("02 Jan. 2026, 18:00", "Market bellwether Samsung Electronics soared 7.17 percent to 128,500 won, while chip giant SK hynix jumped 3.99 percent to 677,000 won, with both stocks hitting record highs."),
                 [o("2026-01-02", "quote", SAMSUNG, "price", "close", 128500),
                  o("2026-01-02", "quote", SAMSUNG, "change_pct", "close", 7.17),
                  o("2026-01-02", "quote", HYNIX, "price", "close", 677000),
                  o("2026-01-02", "quote", HYNIX, "change_pct", "close", 3.99),
                  o("2026-01-02", "milestone", SAMSUNG, "record_close", "close", 128500),
                  o("2026-01-02", "milestone", HYNIX, "record_close", "close", 677000)],
                 "seed 002: 'both stocks hitting record highs' at their closing prices", id="both-record-highs"),
    pytest.param(pub("02 Jan. 2026, 18:00", "Bio giant Samsung Biologics fell 0.71 percent to 1,683,000 won, but major biopharmaceutical company Celltrion spiked 11.88 percent to 202,500 won amid expectations for its record high quarterly earnings and on news that it has completed the acquisition of a biopharmaceutical manufacturing plant in the United States from U.S. drugmaker Eli Lilly."),
                 [o("2026-01-02", "quote", SBIO, "price", "close", 1683000),
                  o("2026-01-02", "quote", SBIO, "change_pct", "close", -0.71),
                  o("2026-01-02", "quote", CELLTRION, "price", "close", 202500),
                  o("2026-01-02", "quote", CELLTRION, "change_pct", "close", 11.88)],
                 "seed 002: 'record high quarterly earnings' is no price record", id="earnings-record-not-price"),
    pytest.param(pub("26 Dec. 2025, 16:23", "LG Energy Solution fell 1.8 percent to 383,500 won, Hyundai Motor 1 percent to 286,000 won and HD Hyundai Heavy Industries 1.4 percent to 512,000 won."),
                 [o("2025-12-26", "quote", LGES, "price", "close", 383500),
                  o("2025-12-26", "quote", LGES, "change_pct", "close", -1.8),
                  o("2025-12-26", "quote", HMC, "price", "close", 286000),
                  o("2025-12-26", "quote", HMC, "change_pct", "close", -1),
                  o("2025-12-26", "quote", HDHHI, "price", "close", 512000),
                  o("2025-12-26", "quote", HDHHI, "change_pct", "close", -1.4)],
                 "d21: 'fell' carries to both elided items", id="elided-verb-down"),
    pytest.param(pub("26 Dec. 2025, 16:23", "Samsung Electronics jumped 5.3 percent to a record close of 117,000 won ($81), and SK hynix rose 1.9 percent to 599,000 won as memory prices kept firming."),
                 [o("2025-12-26", "quote", SAMSUNG, "price", "close", 117000),
                  o("2025-12-26", "quote", SAMSUNG, "change_pct", "close", 5.3),
                  o("2025-12-26", "milestone", SAMSUNG, "record_close", "close", 117000),
                  o("2025-12-26", "quote", HYNIX, "price", "close", 599000),
                  o("2025-12-26", "quote", HYNIX, "change_pct", "close", 1.9)],
                 "d21: 'a record close of' belongs to Samsung only; $81 is no fact", id="record-close-of"),
    pytest.param(pub("26 Dec. 2025, 09:50", "LG Energy Solution opened down 0.51 percent and Doosan Enerbility 0.79 percent."),
                 [o("2025-12-26", "quote", LGES, "change_pct", "open", -0.51),
                  o("2025-12-26", "quote", DOOSAN, "change_pct", "open", -0.79)],
                 "d22: 'opened down' carries to the elided item", id="opened-down"),
    pytest.param(pub("21 Nov. 2025, 16:05", "Among large caps, Samsung Electronics (-5.37%) and SK hynix (-8.23%) dropped sharply, and LG Energy Solution (-3.29%), Hyundai Motor (-1.15%) and HD Hyundai Heavy Industries (-4.63%) also lost ground."),
                 [o("2025-11-21", "quote", SAMSUNG, "change_pct", "close", -5.37),
                  o("2025-11-21", "quote", HYNIX, "change_pct", "close", -8.23),
                  o("2025-11-21", "quote", LGES, "change_pct", "close", -3.29),
                  o("2025-11-21", "quote", HMC, "change_pct", "close", -1.15),
                  o("2025-11-21", "quote", HDHHI, "change_pct", "close", -4.63)],
                 "d17: signs printed in parentheses", id="signed-in-parens"),
    pytest.param(pub("27 Oct. 2025, 09:25", "Samsung Electronics topped 100,000 won for the first time in its history and was trading at 101,600 won as of 9:16 a.m."),
                 [o("2025-10-27", "quote", SAMSUNG, "price", "09:16", 101600),
                  o("2025-10-27", "milestone", SAMSUNG, "first_intraday_above", "close", 100000)],
                 "d11: a morning first for a stock", id="stock-first-intraday"),
    pytest.param(pub("19 Feb. 2026, 16:14", "Samsung Electronics and SK hynix touched intraday highs of 1,908,000 won and 9,130,000 won before closing at 1,900,000 won (up 4.86%) and 8,940,000 won (up 1.59%), respectively."),
                 [o("2026-02-19", "quote", SAMSUNG, "high", "close", 1908000),
                  o("2026-02-19", "quote", SAMSUNG, "price", "close", 1900000),
                  o("2026-02-19", "quote", SAMSUNG, "change_pct", "close", 4.86),
                  o("2026-02-19", "quote", HYNIX, "high", "close", 9130000),
                  o("2026-02-19", "quote", HYNIX, "price", "close", 8940000),
                  o("2026-02-19", "quote", HYNIX, "change_pct", "close", 1.59)],
                 "d27: 'respectively' pairs highs and closes; the 10x typos are kept as printed", id="respectively-highs-typos"),
    pytest.param(pub("25 Feb. 2026, 16:00", "Hyundai Motor jumped 9.16 percent and Kia nearly 13 percent on expectations tied to a planned listing of robot maker Boston Dynamics."),
                 [o("2026-02-25", "quote", HMC, "change_pct", "close", 9.16),
                  o("2026-02-25", "quote", KIA, "change_pct", "close", 13, True)],
                 "d30: 'nearly' hedges Kia only", id="hedge-one-of-two"),
    pytest.param(pub("07 Jan. 2026, 18:38", "Hyundai Motor surged more than 13 percent during the session, reaching 362,000 won and posting a new record."),
                 [o("2026-01-07", "quote", HMC, "price", "intraday", 362000),
                  o("2026-01-07", "quote", HMC, "change_pct", "intraday", 13, True),
                  o("2026-01-07", "milestone", HMC, "record_high", "close", 362000)],
                 "seed 003: a record reached during the session is record_high", id="intraday-record"),
    pytest.param(pub("07 Jan. 2026, 18:38", "The market rally was led by major export stocks, with Samsung Electronics rising to around 140,000 won and SK hynix climbing to about 760,000 won early in the session."),
                 [o("2026-01-07", "quote", SAMSUNG, "price", "intraday", 140000, True),
                  o("2026-01-07", "quote", HYNIX, "price", "intraday", 760000, True)],
                 "seed 003: 'early in the session' is intraday even in a close report", id="early-in-session-hedged"),
    pytest.param(pub("19 Feb. 2026, 09:36",
                     "By 9:15 a.m., the Kospi was up 153.25 points, or 2.78 percent, at 5,660.26. Individuals and institutions were net buyers, offsetting selling by foreigners.",
                     "At the same time, Samsung Electronics, which closed at a record 181,200 won on Friday, was up 4.64 percent, and SK hynix, which ended Friday at 880,000 won, had gained 2.16 percent."),
                 [o("2026-02-19", "index", K, "level", "09:15", 5660.26),
                  o("2026-02-19", "index", K, "change", "09:15", 153.25),
                  o("2026-02-19", "index", K, "change_pct", "09:15", 2.78),
                  o("2026-02-13", "quote", SAMSUNG, "price", "close", 181200),
                  o("2026-02-13", "milestone", SAMSUNG, "record_close", "close", 181200),
                  o("2026-02-13", "quote", HYNIX, "price", "close", 880000),
                  o("2026-02-19", "quote", SAMSUNG, "change_pct", "09:15", 4.64),
                  o("2026-02-19", "quote", HYNIX, "change_pct", "09:15", 2.16)],
                 "d28: Friday's closes inside a 9:15 sentence; 'at the same time' carries 9:15", id="fridays-close-inside-morning"),
    pytest.param(pub("26 Sep. 2025, 15:52", "Chipmakers took the brunt: SK hynix dropped 5.61 percent to 336,500 won, while Samsung Electronics ended at 83,300 won, off 3.25 percent."),
                 [o("2025-09-26", "quote", HYNIX, "change_pct", "close", -5.61),
                  o("2025-09-26", "quote", HYNIX, "price", "close", 336500),
                  o("2025-09-26", "quote", SAMSUNG, "change_pct", "close", -3.25),
                  o("2025-09-26", "quote", SAMSUNG, "price", "close", 83300)],
                 "dev2 r07: 'off 3.25 percent' is a fall", id="off-percent"),
    pytest.param(pub("28 Oct. 2025, 09:44", "Fifteen minutes into the session, the index stood at 4,013.68, having given up 29.15 points, or 0.72 percent.",
                     "Hanwha Aerospace gave up 1.06 percent, Hyundai Motor 1.38 percent and LG Energy Solution 1.11 percent."),
                 [o("2025-10-28", "index", K, "level", "09:15", 4013.68),
                  o("2025-10-28", "index", K, "change", "09:15", -29.15),
                  o("2025-10-28", "index", K, "change_pct", "09:15", -0.72),
                  o("2025-10-28", "quote", "012450", "change_pct", "09:15", -1.06),
                  o("2025-10-28", "quote", HMC, "change_pct", "09:15", -1.38),
                  o("2025-10-28", "quote", LGES, "change_pct", "09:15", -1.11)],
                 "dev2 r16: 'fifteen minutes into the session' is 09:15; 'gave up' is a fall, not the 'up' inside it", id="gave-up-minutes-into"),
]


@pytest.mark.parametrize("text,expected,why", QUOTES, ids=_ids(QUOTES))
def test_quotes(text, expected, why):
    check(text, expected, why)


# ---- flows: investor net buying on KOSPI ----------------------------------------------------

FLOWS = [
    pytest.param(pub("02 Oct. 2025, 15:44", "Foreign investors scooped up a net 3.14 trillion won worth of stocks, while individuals and institutions sold a net 3.07 trillion won and 69 billion won, respectively."),
                 [o("2025-10-02", "flow", "foreign", "net_buy", "close", 3140000000000),
                  o("2025-10-02", "flow", "individual", "net_buy", "close", -3070000000000),
                  o("2025-10-02", "flow", "institution", "net_buy", "close", -69000000000)],
                 "d02: 'respectively' pairs two groups with two figures", id="respectively"),
    pytest.param(pub("27 Oct. 2025, 16:31", "On the main board, foreigners net bought 647.8 billion won and institutions 234.1 billion won, while individuals net sold 794.5 billion won."),
                 [o("2025-10-27", "flow", "foreign", "net_buy", "close", 647800000000),
                  o("2025-10-27", "flow", "institution", "net_buy", "close", 234100000000),
                  o("2025-10-27", "flow", "individual", "net_buy", "close", -794500000000)],
                 "d14: the verb carries to the elided 'institutions 234.1 billion won'", id="elided-net-bought"),
    pytest.param(pub("27 Oct. 2025, 16:31", "KOSPI closes above 4,000 for first time as foreigners, institutions buy 881.9 billion won"),
                 [o("2025-10-27", "milestone", K, "first_close_above", "close", 4000)],
                 "d14 headline: a combined foreign + institution figure is no flow", id="combined-no-flow"),
    pytest.param(pub("03 Feb. 2026, 15:41", "On the 2nd, foreigners and institutions had dumped 2.52 trillion won and 2.21 trillion won, respectively, as the index sank 5.26% to 4,949.67."),
                 [o("2026-02-02", "flow", "foreign", "net_buy", "close", -2520000000000),
                  o("2026-02-02", "flow", "institution", "net_buy", "close", -2210000000000),
                  o("2026-02-02", "index", K, "close", "close", 4949.67),
                  o("2026-02-02", "index", K, "change_pct", "close", -5.26)],
                 "d24: 'On the 2nd' dates flows and close alike", id="on-the-2nd"),
    pytest.param(pub("18 Nov. 2025, 16:02", "Institutions sold a net 676.82 billion won ($462 million) and foreigners 550.22 billion won, while retail investors were the only net buyers."),
                 [o("2025-11-18", "flow", "institution", "net_buy", "close", -676820000000),
                  o("2025-11-18", "flow", "foreign", "net_buy", "close", -550220000000)],
                 "d16: net sale negative; a dollar conversion is no fact; no figure for retail", id="sold-a-net"),
    pytest.param(pub("06 Jan. 2026, 18:00", "Individual investors bought a net 597.55 billion won, reversing an early dip and offsetting foreign net selling of 618.83 billion won and institutional outflows of 68.93 billion won[1][2]."),
                 [o("2026-01-06", "flow", "individual", "net_buy", "close", 597550000000),
                  o("2026-01-06", "flow", "foreign", "net_buy", "close", -618830000000),
                  o("2026-01-06", "flow", "institution", "net_buy", "close", -68930000000)],
                 "seed 001: 'net selling of', 'outflows of'", id="selling-of-outflows-of"),
    pytest.param(pub("12 Jan. 2026, 18:00", "While institutional investors led the charge with a net purchase of 210.3 billion won, foreign and individual investors were net sellers."),
                 [o("2026-01-12", "flow", "institution", "net_buy", "close", 210300000000)],
                 "seed 000: net sellers without a figure give no fact", id="net-purchase-of"),
    pytest.param(pub("07 Jan. 2026, 18:38",
                     "The index cooled off in the afternoon, and by 2:30 p.m., individual investors sold a net 209.2 billion won ($145 million) worth of stocks while institutions offloaded 744.2 billion won.",
                     "Foreign investors stepped in with net purchases of 978 billion won, supporting the index's lower range."),
                 [o("2026-01-07", "flow", "individual", "net_buy", "14:30", -209200000000),
                  o("2026-01-07", "flow", "institution", "net_buy", "14:30", -744200000000),
                  o("2026-01-07", "flow", "foreign", "net_buy", "14:30", 978000000000)],
                 "seed 003: 'by 2:30 p.m.' carries to the next sentence", id="time-carries"),
    pytest.param(pub("25 Feb. 2026, 14:10", "Retail investors, who began the day as net buyers, shifted to profit-taking, offloading 47 billion won. Foreign investors sold 1.22 trillion won, while institutional investors were net buyers, purchasing shares worth 1.11 trillion won as of press time."),
                 [o("2026-02-25", "flow", "individual", "net_buy", "intraday", -47000000000),
                  o("2026-02-25", "flow", "foreign", "net_buy", "intraday", -1220000000000),
                  o("2026-02-25", "flow", "institution", "net_buy", "intraday", 1110000000000)],
                 "seed 004: 'as of press time' is intraday", id="press-time"),
    pytest.param(pub("10 Oct. 2025, 09:47", "Foreign investors bought more than 200 billion won ($141 million) worth of shares in the first 15 minutes of trading, and retail investors added about 70 billion won, while institutions sold roughly 280 billion won."),
                 [o("2025-10-10", "flow", "foreign", "net_buy", "09:15", 200000000000, True),
                  o("2025-10-10", "flow", "individual", "net_buy", "09:15", 70000000000, True),
                  o("2025-10-10", "flow", "institution", "net_buy", "09:15", -280000000000, True)],
                 "d07: hedged flows in the first 15 minutes", id="first-15-minutes-hedged"),
    pytest.param(pub("18 Nov. 2025, 12:41",
                     "As of 12:27 p.m., foreign and institutional investors had net sold 145.2 billion won ($99.2 million) and 555.8 billion won of Kospi shares, respectively, while retail investors had net bought 664.2 billion won.",
                     "The Kosdaq was down 2.12 percent at 883.55 at the same time. Retail investors were the only net buyers there as well, picking up 409.2 billion won, while foreigners and institutions sold 214.2 billion won and 119.3 billion won."),
                 [o("2025-11-18", "flow", "foreign", "net_buy", "12:27", -145200000000),
                  o("2025-11-18", "flow", "institution", "net_buy", "12:27", -555800000000),
                  o("2025-11-18", "flow", "individual", "net_buy", "12:27", 664200000000),
                  o("2025-11-18", "index", Q, "level", "12:27", 883.55),
                  o("2025-11-18", "index", Q, "change_pct", "12:27", -2.12)],
                 "d15: KOSDAQ flows ('there') are not flow facts", id="kosdaq-flows-there"),
    pytest.param(pub("28 Nov. 2025, 15:59", "The KOSDAQ went the other way, closing at 912.67, up 32.61 points (3.71%). Foreigners and institutions bought 585.6 billion won and 620.8 billion won of KOSDAQ shares, while individuals sold 1.1373 trillion won, on expectations of new government support for the secondary market."),
                 [o("2025-11-28", "index", Q, "close", "close", 912.67),
                  o("2025-11-28", "index", Q, "change", "close", 32.61),
                  o("2025-11-28", "index", Q, "change_pct", "close", 3.71)],
                 "d20: flows 'of KOSDAQ shares' are not flow facts", id="kosdaq-flows-named"),
    pytest.param(pub("06 Feb. 2026, 18:00", "Retail Buyers Absorb Foreign Exodus Individuals bought more than 4 trillion won on Feb. 2, while foreigners and institutions sold 2.52 trillion won and 2.21 trillion won, respectively[1][2]."),
                 [o("2026-02-02", "flow", "individual", "net_buy", "close", 4000000000000, True),
                  o("2026-02-02", "flow", "foreign", "net_buy", "close", -2520000000000),
                  o("2026-02-02", "flow", "institution", "net_buy", "close", -2210000000000)],
                 "d25: 'on Feb. 2' dates both clauses", id="aggregator-flows-feb-2"),
]


@pytest.mark.parametrize("text,expected,why", FLOWS, ids=_ids(FLOWS))
def test_flows(text, expected, why):
    check(text, expected, why)


# ---- fx: USD/KRW rate and change (the sign follows the rate) --------------------------------

FX = [
    pytest.param(pub("12 Jan. 2026, 18:00", "Despite the stock market's strength, the Korean won weakened significantly, closing at 1,468.4 against the U.S. dollar, down 10.8 won from the previous session."),
                 [o("2026-01-12", "fx", "USD/KRW", "rate", "close", 1468.4),
                  o("2026-01-12", "fx", "USD/KRW", "change", "close", 10.8)],
                 "seed 000: the won weakened: +10.8", id="won-weakened-down"),
    pytest.param(pub("02 Jan. 2026, 18:00", "The local currency was quoted at 1,441.8 won against the greenback at 3:30 p.m., down 2.8 won from the previous session."),
                 [o("2026-01-02", "fx", "USD/KRW", "rate", "close", 1441.8),
                  o("2026-01-02", "fx", "USD/KRW", "change", "close", 2.8)],
                 "seed 002: the local currency down: +2.8; 3:30 p.m. is close", id="local-currency-down"),
    pytest.param(pub("02 Oct. 2025, 16:18", "The local currency ended at 1,400.0 won against the dollar at 3:30 p.m., up 3.2 won from the previous session."),
                 [o("2025-10-02", "fx", "USD/KRW", "rate", "close", 1400),
                  o("2025-10-02", "fx", "USD/KRW", "change", "close", -3.2)],
                 "d03: the local currency up 3.2 won: -3.2", id="local-currency-up"),
    pytest.param(pub("26 Dec. 2025, 16:23", "The dollar ended the Seoul session at 1,440.3 won, down 9.5 won from Wednesday."),
                 [o("2025-12-26", "fx", "USD/KRW", "rate", "close", 1440.3),
                  o("2025-12-26", "fx", "USD/KRW", "change", "close", -9.5)],
                 "d21: the dollar down: -9.5; 'from Wednesday' compares, it does not re-date", id="dollar-down"),
    pytest.param(pub("16 Oct. 2025, 09:39", "The won was trading at 1,419.95 per dollar at 9:15 a.m., 1.35 won stronger than the previous close of 1,421.3."),
                 [o("2025-10-16", "fx", "USD/KRW", "rate", "09:15", 1419.95),
                  o("2025-10-16", "fx", "USD/KRW", "change", "09:15", -1.35),
                  o("2025-10-15", "fx", "USD/KRW", "rate", "close", 1421.3)],
                 "d10: 'won stronger' after the figure; the previous close is Wednesday's", id="won-stronger-previous-close"),
    pytest.param(pub("27 Oct. 2025, 09:25", "The won was trading at 1,435.05 per dollar as of 9:15 a.m., strengthening 1.8 won from the previous session's close of 1,246.85 won."),
                 [o("2025-10-27", "fx", "USD/KRW", "rate", "09:15", 1435.05),
                  o("2025-10-27", "fx", "USD/KRW", "change", "09:15", -1.8),
                  o("2025-10-24", "fx", "USD/KRW", "rate", "close", 1246.85)],
                 "d11: the previous close typo is kept as printed, on Friday Oct. 24", id="previous-close-typo"),
    pytest.param(pub("19 Feb. 2026, 09:36", "The won was quoted at 1,452.5 per dollar at 9:15 a.m., strengthening 7.6 won from the previous session's close of 1,444.9."),
                 [o("2026-02-19", "fx", "USD/KRW", "rate", "09:15", 1452.5),
                  o("2026-02-19", "fx", "USD/KRW", "change", "09:15", -7.6),
                  o("2026-02-13", "fx", "USD/KRW", "rate", "close", 1444.9)],
                 "d28: the observation takes the article's own word ('strengthening'); Seollal closure", id="as-worded-seollal"),
    pytest.param(pub("25 Feb. 2026, 14:10", "Amid heavy foreign selling, the Korean won showed modest strength. It was quoted at 1,429.95 per dollar at 2 p.m., strengthening 11.6 won from the previous session. The won kicked off onshore trading at 1,441.6 per dollar, slightly firmer than the previous close."),
                 [o("2026-02-25", "fx", "USD/KRW", "rate", "14:00", 1429.95),
                  o("2026-02-25", "fx", "USD/KRW", "change", "14:00", -11.6),
                  o("2026-02-25", "fx", "USD/KRW", "open", "open", 1441.6)],
                 "seed 004: 'It' is the won; 'kicked off ... at' is the open", id="it-and-open"),
    pytest.param(pub("24 Feb. 2026, 18:00", "Volume reached 1.58 billion shares worth 30.73 trillion won, and the Korean won weakened to 1,442.50 per U.S. dollar."),
                 [o("2026-02-24", "index", K, "volume", "close", 1580000000),
                  o("2026-02-24", "index", K, "turnover", "close", 30730000000000),
                  o("2026-02-24", "fx", "USD/KRW", "rate", "close", 1442.5)],
                 "d29: 'weakened to' a rate states no change", id="weakened-to-rate"),
]


@pytest.mark.parametrize("text,expected,why", FX, ids=_ids(FX))
def test_fx(text, expected, why):
    check(text, expected, why)


# ---- rate: Korea Treasury bond yields and basis points --------------------------------------

BONDS = [
    pytest.param(pub("06 Jan. 2026, 18:00", "The won weakened to 1,445.50 per U.S. dollar, down 1.7 won, while the three\u2011year Treasury yield rose 1.5 basis points to 2.948% and the five\u2011year yield slipped 0.5 basis points to 3.244%[1][2]."),
                 [o("2026-01-06", "fx", "USD/KRW", "rate", "close", 1445.5),
                  o("2026-01-06", "fx", "USD/KRW", "change", "close", 1.7),
                  o("2026-01-06", "rate", "KTB3Y", "yield", "close", 2.948),
                  o("2026-01-06", "rate", "KTB3Y", "change_bp", "close", 1.5),
                  o("2026-01-06", "rate", "KTB5Y", "yield", "close", 3.244),
                  o("2026-01-06", "rate", "KTB5Y", "change_bp", "close", -0.5)],
                 "seed 001: non-breaking hyphens; 'slipped' is negative", id="three-and-five-year"),
    pytest.param(pub("05 Jan. 2026, 18:00", "The yield on three-year Treasury bonds fell 2.1 basis points to 2.512 percent."),
                 [o("2026-01-05", "rate", "KTB3Y", "yield", "close", 2.512),
                  o("2026-01-05", "rate", "KTB3Y", "change_bp", "close", -2.1)],
                 "constructed from the vocabulary: 'fell' is negative", id="constructed-yield-on"),
    pytest.param(pub("05 Jan. 2026, 18:01", "The 10-year government bond yield rose 3 bps to 2.95 percent."),
                 [o("2026-01-05", "rate", "KTB10Y", "yield", "close", 2.95),
                  o("2026-01-05", "rate", "KTB10Y", "change_bp", "close", 3)],
                 "constructed: 'bps', the 10-year", id="constructed-ten-year"),
    pytest.param(pub("05 Jan. 2026, 18:02", "The U.S. 10-year Treasury yield rose 5 basis points to 4.2 percent."),
                 [],
                 "constructed: a U.S. yield is no KTB fact", id="constructed-us-yield"),
    pytest.param(pub("18 Nov. 2025, 16:02", "A US Federal Reserve official said last week that further cuts should come slowly, after the Fed lowered its policy rate by 25 basis points in October."),
                 [],
                 "d16: the Fed's 25 bp is no KTB fact", id="fed-basis-points"),
]


@pytest.mark.parametrize("text,expected,why", BONDS, ids=_ids(BONDS))
def test_bonds(text, expected, why):
    check(text, expected, why)


# ---- milestones: first closes above, records, previous records, indicators ------------------

MILESTONES = [
    pytest.param(pub("02 Oct. 2025, 15:44", "The benchmark Korea Composite Stock Price Index (KOSPI) advanced 93.38 points, or 2.70 percent, to 3,549.21, a record close that eclipsed the previous high of 3,486.19 set on Sept. 23."),
                 [o("2025-10-02", "index", K, "close", "close", 3549.21),
                  o("2025-10-02", "index", K, "change", "close", 93.38),
                  o("2025-10-02", "index", K, "change_pct", "close", 2.7),
                  o("2025-10-02", "milestone", K, "record_close", "close", 3549.21),
                  o("2025-09-23", "index", K, "close", "close", 3486.19),
                  o("2025-09-23", "milestone", K, "record_close", "close", 3486.19)],
                 "d02: only the previous high is set on Sept. 23", id="record-eclipsed-previous-high"),
    pytest.param(pub("02 Oct. 2025, 15:32", "SEOUL, Oct. 2 (Yonhap) -- South Korean stocks finished Thursday's trading above the 3,500-point line for the first time ever. (END)"),
                 [o("2025-10-02", "milestone", K, "first_close_above", "close", 3500)],
                 "d01: 'finished ... above ... for the first time'", id="finished-above-first"),
    pytest.param(pub("02 Jan. 2026, 18:00", "The benchmark Korea Composite Stock Price Index (KOSPI) rose 95.46 points, or 2.27 percent, to close at 4,309.63, climbing past the 4,300 level for the first time ever."),
                 [o("2026-01-02", "index", K, "close", "close", 4309.63),
                  o("2026-01-02", "index", K, "change", "close", 95.46),
                  o("2026-01-02", "index", K, "change_pct", "close", 2.27),
                  o("2026-01-02", "milestone", K, "first_close_above", "close", 4300)],
                 "seed 002: the implied record close is derived, not observed", id="first-close-past-level"),
    pytest.param(pub("02 Jan. 2026, 18:00", "The previous record was set on Nov. 3, when the index closed at 4,221.87 amid strong optimism over artificial intelligence (AI)-driven growth."),
                 [o("2025-11-03", "index", K, "close", "close", 4221.87),
                  o("2025-11-03", "milestone", K, "record_close", "close", 4221.87)],
                 "seed 002: a previous record is a milestone on the day it was set", id="previous-record-set-on"),
    pytest.param(pub("19 Feb. 2026, 16:12", "The previous record close was 5,522.27, set on Feb. 12; on Friday, the last session before the three-day holiday closure, the index had ended at 5,507.01."),
                 [o("2026-02-12", "index", K, "close", "close", 5522.27),
                  o("2026-02-12", "milestone", K, "record_close", "close", 5522.27),
                  o("2026-02-13", "index", K, "close", "close", 5507.01)],
                 "d26: 'Friday' from Thursday Feb. 19 is Feb. 13", id="previous-record-and-friday"),
    pytest.param(posted("Posted October. 28, 2025 07:38,", "The index ended Monday's session at a record 4,042.83, up 2.57% from the previous trading day. It took less than a month to get from 3,500, first cleared at the close on Oct. 2, to 4,000."),
                 [o("2025-10-27", "index", K, "close", "close", 4042.83),
                  o("2025-10-27", "index", K, "change_pct", "close", 2.57),
                  o("2025-10-27", "milestone", K, "record_close", "close", 4042.83),
                  o("2025-10-02", "milestone", K, "first_close_above", "close", 3500)],
                 "d12: 'Monday's session' from a Tuesday-morning post; 'first cleared at the close on Oct. 2'",
                 id="first-cleared-at-the-close"),
    pytest.param(pub("19 Feb. 2026, 16:12", "The index has now climbed more than 40 percent since it first closed above 4,000 on Oct. 27 last year."),
                 [o("2025-10-27", "milestone", K, "first_close_above", "close", 4000)],
                 "d26: 'Oct. 27 last year'; a gain since then is no fact", id="first-close-last-year"),
    pytest.param(pub("25 Feb. 2026, 16:00", "The run has been steep: the index first closed above 4,000 on Oct. 27 last year and above 5,600 on Feb. 19."),
                 [o("2025-10-27", "milestone", K, "first_close_above", "close", 4000),
                  o("2026-02-19", "milestone", K, "first_close_above", "close", 5600)],
                 "d30: two firsts, each with its own date", id="two-firsts"),
    pytest.param(pub("25 Feb. 2026, 16:00", "The Kospi closed above 6,000 for the first time on Wednesday, less than a month after it first finished above 5,000, as institutional and retail buying absorbed another round of foreign profit-taking."),
                 [o("2026-02-25", "milestone", K, "first_close_above", "close", 6000)],
                 "d30: a first whose date the article does not give is no fact", id="undated-first-dropped"),
    pytest.param(pub("25 Feb. 2026, 16:00", "Samsung Electronics and SK hynix, which had crossed 200,000 won and 1 million won respectively a day earlier, each rose about 1 percent."),
                 [o("2026-02-24", "milestone", SAMSUNG, "first_above", "close", 200000),
                  o("2026-02-24", "milestone", HYNIX, "first_above", "close", 1000000),
                  o("2026-02-25", "quote", SAMSUNG, "change_pct", "close", 1, True),
                  o("2026-02-25", "quote", HYNIX, "change_pct", "close", 1, True)],
                 "d30: crossed a day earlier (gold: first_above on Feb. 24); 'each rose about 1 percent'",
                 id="crossed-a-day-earlier",
                 marks=bug("'had crossed 200,000 won and 1 million won respectively a day earlier' gives no first_above milestones on the previous session (no 'first' word)")),
    pytest.param(pub("24 Feb. 2026, 18:00", "- Samsung Electronics traded above 200,000 won for the first time."),
                 [o("2026-02-24", "milestone", SAMSUNG, "first_above", "close", 200000)],
                 "d29: no hint of intraday or close: first_above", id="stock-first-above"),
    pytest.param(pub("02 Oct. 2025, 17:36", "The index touched 3,565.96 during the day, also an all-time intraday high."),
                 [o("2025-10-02", "index", K, "high", "close", 3565.96),
                  o("2025-10-02", "milestone", K, "record_high", "close", 3565.96)],
                 "d04: the day's high in a close report, and a record high", id="all-time-intraday-high"),
    pytest.param(pub("07 Jan. 2026, 18:38", "At 9:10 a.m. on Wednesday, the Kospi hit an intraday peak of 4,611.72 points, surpassing the previous record of 4,525.48 set on Tuesday."),
                 [o("2026-01-07", "index", K, "high", "09:10", 4611.72),
                  o("2026-01-07", "milestone", K, "record_high", "close", 4611.72),
                  o("2026-01-06", "index", K, "close", "close", 4525.48),
                  o("2026-01-06", "milestone", K, "record_close", "close", 4525.48)],
                 "seed 003: the peak carries 9:10; the previous record was Tuesday's close", id="peak-surpassing-previous"),
    pytest.param(pub("07 Jan. 2026, 18:38", "Data from the Korea Financial Investment Association showed that as of Monday, outstanding margin loan balances reached 27.6 trillion won, surpassing the previous record of 27.5288 trillion won set on Dec. 17, 2025."),
                 [o("2026-01-05", "indicator", "margin_loans", "balance", "close", 27600000000000),
                  o("2026-01-05", "milestone", "margin_loans", "record_high", "close", 27600000000000),
                  o("2025-12-17", "indicator", "margin_loans", "balance", "close", 27528800000000),
                  o("2025-12-17", "milestone", "margin_loans", "record_high", "close", 27528800000000)],
                 "seed 003: a record balance is a record_high of margin_loans", id="margin-loans-record"),
    pytest.param(pub("25 Feb. 2026, 14:10", "The milestone comes roughly four months after the index first broke the 4,000 mark on Oct. 27 last year, and just a month after it closed above 5,000 on Jan. 27."),
                 [o("2025-10-27", "milestone", K, "first_intraday_above", "close", 4000),
                  o("2026-01-27", "milestone", K, "first_close_above", "close", 5000)],
                 "seed 004: 'broke' is intraday, 'closed above' is a close", id="broke-and-closed-above"),
    pytest.param(pub("25 Feb. 2026, 14:10", "The surge represents an increase of more than 1,000 trillion won in just a month since the bourse first crossed 4,000 trillion won on Jan. 16."),
                 [o("2026-01-16", "milestone", "market_cap:KOSPI", "first_above", "close", 4000000000000000)],
                 "seed 004: the bourse's market value; a one-month increase is no fact", id="market-cap-first-crossed"),
    pytest.param(pub("16 Oct. 2025, 09:39", "On Wednesday the combined value of Kospi-listed shares also closed above 3,000 trillion won for the first time, at 3,011.9 trillion won ($2.11 trillion)."),
                 [o("2025-10-15", "indicator", "market_cap:KOSPI", "value", "close", 3011900000000000),
                  o("2025-10-15", "milestone", "market_cap:KOSPI", "first_close_above", "close", 3000000000000000)],
                 "d10: Wednesday in a Thursday-morning report", id="market-cap-first-close"),
    pytest.param(pub("16 Oct. 2025, 09:39",
                     "The index opened at 3,675.82, up 18.54 points, or 0.51 percent, from Wednesday's record close of 3,657.28. As of 9:18 a.m. it stood at 3,689.28, up 32 points, or 0.87 percent, having reached as high as 3,698.73.",
                     "That makes three straight sessions of new intraday peaks: 3,646.77 on Tuesday and 3,659.91 on Wednesday, before this morning's climb."),
                 [o("2025-10-16", "index", K, "open", "open", 3675.82),
                  o("2025-10-16", "index", K, "change", "open", 18.54),
                  o("2025-10-16", "index", K, "change_pct", "open", 0.51),
                  o("2025-10-15", "index", K, "close", "close", 3657.28),
                  o("2025-10-15", "milestone", K, "record_close", "close", 3657.28),
                  o("2025-10-16", "index", K, "level", "09:18", 3689.28),
                  o("2025-10-16", "index", K, "change", "09:18", 32),
                  o("2025-10-16", "index", K, "change_pct", "09:18", 0.87),
                  o("2025-10-16", "index", K, "high", "09:18", 3698.73),
                  o("2025-10-14", "index", K, "high", "close", 3646.77),
                  o("2025-10-14", "milestone", K, "record_high", "close", 3646.77),
                  o("2025-10-15", "index", K, "high", "close", 3659.91),
                  o("2025-10-15", "milestone", K, "record_high", "close", 3659.91)],
                 "d10: earlier sessions' intraday peaks, each on its weekday", id="peaks-on-tuesday-and-wednesday"),
    pytest.param(pub("10 Oct. 2025, 18:16", "The benchmark index rose 61.39 points, or 1.73 percent, to 3,610.6. The previous session, on Oct. 2, had ended at 3,549.21, itself a record and the first close above 3,500."),
                 [o("2025-10-10", "index", K, "close", "close", 3610.6),
                  o("2025-10-10", "index", K, "change", "close", 61.39),
                  o("2025-10-10", "index", K, "change_pct", "close", 1.73),
                  o("2025-10-02", "index", K, "close", "close", 3549.21),
                  o("2025-10-02", "milestone", K, "record_close", "close", 3549.21),
                  o("2025-10-02", "milestone", K, "first_close_above", "close", 3500)],
                 "d08: the second sentence belongs to Oct. 2 whole", id="previous-session-on-oct-2"),
    pytest.param(pub("10 Oct. 2025, 09:47", "South Korea's main stock index pushed through the 3,600 line for the first time in its history Friday morning, as investors returned from a weeklong holiday and piled back into chipmakers."),
                 [o("2025-10-10", "milestone", K, "first_intraday_above", "close", 3600)],
                 "d07: 'Friday morning' in a morning report", id="first-intraday-morning"),
]


@pytest.mark.parametrize("text,expected,why", MILESTONES, ids=_ids(MILESTONES))
def test_milestones(text, expected, why):
    check(text, expected, why)


# ---- Korean sentences -----------------------------------------------------------------------

KOREAN = [
    pytest.param(pub("02 Oct. 2025, 15:47", "한국거래소에 따르면 이날 코스피는 전 거래일 대비 93.38포인트(2.70%) 오른 3549.21로 장을 마감했다."),
                 [o("2025-10-02", "index", K, "close", "close", 3549.21),
                  o("2025-10-02", "index", K, "change", "close", 93.38),
                  o("2025-10-02", "index", K, "change_pct", "close", 2.7)],
                 "d06: 오른 after the figures gives the sign", id="ko-close-up"),
    pytest.param(pub("30 Dec. 2025, 16:00", "이날 코스피는 전 거래일보다 6.39포인트(0.15%) 내린 4,214.17에 거래를 마쳤다."),
                 [o("2025-12-30", "index", K, "close", "close", 4214.17),
                  o("2025-12-30", "index", K, "change", "close", -6.39),
                  o("2025-12-30", "index", K, "change_pct", "close", -0.15)],
                 "d23: 내린 is negative", id="ko-close-down"),
    pytest.param(pub("02 Oct. 2025, 15:49", "지수는 69.65포인트(2.02%) 상승한 3525.48로 출발한 뒤 오름폭을 키워 장중 3565.96까지 올랐다."),
                 [o("2025-10-02", "index", K, "open", "open", 3525.48),
                  o("2025-10-02", "index", K, "change", "open", 69.65),
                  o("2025-10-02", "index", K, "change_pct", "open", 2.02),
                  o("2025-10-02", "index", K, "high", "close", 3565.96)],
                 "d06: 출발 is the open, 장중 ...까지 올랐다 the day's high", id="ko-open-and-high"),
    pytest.param(pub("30 Dec. 2025, 16:01", "지수는 장중 4,226.36까지 올라 11월 4일 세운 장중 사상 최고치(4,226.75)에 0.39포인트 차이로 다가섰으나 연말 차익실현 매물에 밀렸다."),
                 [o("2025-12-30", "index", K, "high", "close", 4226.36),
                  o("2025-11-04", "index", K, "high", "close", 4226.75),
                  o("2025-11-04", "milestone", K, "record_high", "close", 4226.75)],
                 "d23: the Nov. 4 intraday record; 0.39포인트 is a gap, not a change", id="ko-intraday-record-nov-4"),
    pytest.param(pub("30 Dec. 2025, 16:03", "올해 코스피 상승률은 75.6%로, 지난해 마지막 거래일 종가(2,399.49)보다 1,814.68포인트 높다."),
                 [o("2024-12-30", "index", K, "close", "close", 2399.49)],
                 "d23: last year's final close is Dec. 30, 2024; the yearly gain is no fact", id="ko-last-year-final-close"),
    pytest.param(pub("30 Dec. 2025, 16:04", "시가총액은 10월 15일 처음으로 3,000조원을 넘어섰고, 지수는 10월 27일 처음으로 4,000선 위에서 장을 마감했다."),
                 [o("2025-10-15", "milestone", "market_cap:KOSPI", "first_above", "close", 3000000000000000),
                  o("2025-10-27", "milestone", K, "first_close_above", "close", 4000)],
                 "d23: two firsts with their own dates", id="ko-two-firsts"),
    pytest.param(pub("02 Oct. 2025, 15:50", "유가증권시장에서 외국인은 3조1250억원을 순매수했다."),
                 [o("2025-10-02", "flow", "foreign", "net_buy", "close", 3125000000000)],
                 "d06: 3조1250억원 순매수", id="ko-net-buy"),
    pytest.param(pub("02 Oct. 2025, 15:51", "개인과 기관은 각각 3조657억원, 690억원을 순매도했다."),
                 [o("2025-10-02", "flow", "individual", "net_buy", "close", -3065700000000),
                  o("2025-10-02", "flow", "institution", "net_buy", "close", -69000000000)],
                 "d06: 각각 pairs the groups; 순매도 is negative", id="ko-respectively-net-sell"),
    pytest.param(pub("30 Dec. 2025, 16:06", "유가증권시장에서 개인이 8천188억원어치를 순매수했고, 외국인과 기관은 각각 4천729억원, 3천688억원어치를 순매도했다."),
                 [o("2025-12-30", "flow", "individual", "net_buy", "close", 818800000000),
                  o("2025-12-30", "flow", "foreign", "net_buy", "close", -472900000000),
                  o("2025-12-30", "flow", "institution", "net_buy", "close", -368800000000)],
                 "d23: 8천188억원어치", id="ko-cheon-amounts"),
    pytest.param(pub("30 Dec. 2025, 16:07", "삼성전자는 0.33% 오른 11만9천900원에 마감해 종가 기준 사상 최고가를 새로 썼다. 장중에는 12만900원까지 올랐다."),
                 [o("2025-12-30", "quote", SAMSUNG, "price", "close", 119900),
                  o("2025-12-30", "quote", SAMSUNG, "change_pct", "close", 0.33),
                  o("2025-12-30", "milestone", SAMSUNG, "record_close", "close", 119900),
                  o("2025-12-30", "quote", SAMSUNG, "high", "close", 120900)],
                 "d23: 11만9천900원 record close, 12만900원 intraday high", id="ko-stock-record-close-and-high"),
    pytest.param(pub("02 Oct. 2025, 15:53", "SK하이닉스는 장중 처음으로 40만원을 넘어서기도 했다."),
                 [o("2025-10-02", "milestone", HYNIX, "first_intraday_above", "close", 400000)],
                 "d06: 장중 처음으로 ... 넘어서", id="ko-stock-first-intraday"),
]


@pytest.mark.parametrize("text,expected,why", KOREAN, ids=_ids(KOREAN))
def test_korean(text, expected, why):
    check(text, expected, why)


# ---- noise: figures that are not facts of the vocabulary ------------------------------------

NOISE = [
    pytest.param(pub("02 Oct. 2025, 16:18", "On Wall Street overnight, the S&P 500 rose 0.34 percent to a record 6,711.20 and the Dow Jones Industrial Average added 0.09 percent."),
                 [], "d03: Wall Street, even 'a record'", id="wall-street-record"),
    pytest.param(pub("26 Dec. 2025, 16:23", "In Tokyo, the Nikkei 225 was up 0.5 percent at 50,662.22 as of 3:41 p.m., supported by chip-related shares."),
                 [], "d21: the Nikkei", id="nikkei"),
    pytest.param(pub("25 Feb. 2026, 16:01", "Some analysts now talk of the Kospi reaching 8,000, though others warn that a correction after such a rapid climb would not be surprising."),
                 [], "d30: a forecast level", id="forecast-level"),
    pytest.param(pub("27 Oct. 2025, 16:09", "Several local brokerages have lifted their 12-month targets for the index to between 4,500 and 5,000."),
                 [], "d13: index targets", id="index-targets"),
    pytest.param(pub("10 Oct. 2025, 16:22", "Morgan Stanley lifted its target price for Samsung Electronics by 14% to 111,000 won, and Nomura recently raised its target to 123,000 won."),
                 [], "d09: analyst target prices", id="target-prices"),
    pytest.param(pub("10 Oct. 2025, 16:23", "Of the foreign buying, 602.1 billion won went into Samsung Electronics alone, bringing foreigners' net purchases of the stock to 2.8507 trillion won over the last three trading days."),
                 [], "d09: one stock's flows, and a three-day total", id="stock-flows-multi-day"),
    pytest.param(pub("10 Oct. 2025, 18:16", "Samsung Electronics' market value rose above 550 trillion won on the day."),
                 [], "d08: a single company's market value", id="company-market-value"),
    pytest.param(pub("21 Nov. 2025, 16:05", "Electrical and electronics (-6.43%), medical and precision instruments (-5.94%), manufacturing (-4.71%) and large caps (-4.06%) were weak, while food, beverage and tobacco (0.39%) and telecommunications (0.25%) edged up."),
                 [], "d17: sector indices", id="sectors"),
    pytest.param(pub("03 Feb. 2026, 15:41", "Program buy orders were suspended for five minutes under a buy-side sidecar at 9:26 a.m., after KOSPI 200 futures rose more than 5%."),
                 [], "d24: KOSPI 200 futures", id="kospi200-futures"),
    pytest.param(pub("06 Feb. 2026, 18:00", "Heavy Foreign Outflows Over the Week Foreign investors dumped about 11 trillion won of Kospi shares over the five sessions, while retail investors bought roughly 12.6 trillion won[3]."),
                 [], "d25: week totals", id="week-totals"),
    pytest.param(pub("30 Dec. 2025, 16:09", "주요 20개국(G20)과 경제협력개발기구(OECD) 회원국 가운데 가장 높은 상승률이며 칠레(57%)와 콜롬비아(53%)가 뒤를 이었다."),
                 [], "d23: other countries' markets", id="ko-other-countries"),
    pytest.param(pub("06 Jan. 2026, 18:00", "Foreign Investors Flip to Net Selling After Two-Day Buying Spree After purchasing more than 2.8 trillion won over the prior two sessions, foreigners became net sellers on the day, signaling caution despite the rally[1]."),
                 [], "seed 001: a sum over two sessions", id="two-session-sum"),
    pytest.param("Market digest\nSouth Korea's benchmark index closed at an all-time high on Tuesday, February 24, 2026. "
                 "The KOSPI gained 123.55 points, or 2.11%, to finish at 5,969.64 as technology and auto shares extended their advance.\n"
                 "Related Articles\n"
                 "KOSPI closes above 5,600 for the first time at 5,677.25 on Feb 19, 2026, as chipmakers rally after the Lunar New Year break.\n"
                 "Japan's Nikkei 225 rises 0.72% on Feb 19, 2026, as Tokyo tracks gains in U.S. technology shares while Hong Kong and mainland China stay closed for the Lunar New Year.\n",
                 [o("2026-02-24", "index", K, "close", "close", 5969.64),
                  o("2026-02-24", "index", K, "change", "close", 123.55),
                  o("2026-02-24", "index", K, "change_pct", "close", 2.11),
                  o("2026-02-24", "milestone", K, "record_close", "close", 5969.64),
                  o("2026-02-19", "index", K, "close", "close", 5677.25),
                  o("2026-02-19", "milestone", K, "first_close_above", "close", 5600)],
                 "d29: 'closed at an all-time high' makes the stated close a record; a related item is dated by its own line; the Nikkei item is noise", id="related-articles"),
]


@pytest.mark.parametrize("text,expected,why", NOISE, ids=_ids(NOISE))
def test_noise(text, expected, why):
    check(text, expected, why)


# ---- the tables themselves ------------------------------------------------------------------

ALL = INDEX + INTRADAY + QUOTES + FLOWS + FX + BONDS + MILESTONES + KOREAN + NOISE


# ---- rows from dev2 sets A and B (real layouts: tables, captions, Korean snapshot wording) ----

DEV2 = [
    pytest.param(pub("08 Dec. 2025, 16:12", "Stock | Close (KRW) | Change", "LG Energy Solution | 451,500 | +5.99%",
                     "KB Financial | 127,900 | -2.14%"),
                 [o("2025-12-08", "quote", LGES, "price", "close", 451500),
                  o("2025-12-08", "quote", LGES, "change_pct", "close", 5.99),
                  o("2025-12-08", "quote", "105560", "price", "close", 127900),
                  o("2025-12-08", "quote", "105560", "change_pct", "close", -2.14)],
                 "dev2 r30: a '|' table is read by its header: a close column in won and a percent change", id="stock-table"),
    pytest.param(posted("입력 2025.11.05 10:31", "· 원·달러 환율 1440원대 후반…외국인 자금 이탈 우려"), [],
                 "dev2 r24: '1440원대' is a range of the won, not a rate", id="won-range"),
    pytest.param(pub("22 Dec. 2025, 16:40", "The dollar has hovered near 1,480 won for weeks."), [],
                 "dev2 r38: a whole 1,480 won is a threshold (the won is quoted to a tenth)", id="won-threshold"),
    pytest.param(posted("입력 2025.11.05 10:31", "이날 지수는 전 거래일 대비 66.27포인트(1.61%) 내린 4055.27로 문을 연 뒤 낙폭을 빠르게 넓혔다."),
                 [o("2025-11-05", "index", K, "open", "open", 4055.27),
                  o("2025-11-05", "index", K, "change", "open", -66.27),
                  o("2025-11-05", "index", K, "change_pct", "open", -1.61)],
                 "dev2 r24: '…로 문을 연' is the open; its change and percent are the opening move", id="ko-opened-door"),
    pytest.param(posted("입력 2025.12.23 09:55", "23일 오전 9시 51분 현재 코스피 지수는 전일 대비 29.48포인트(0.72%) 오른 4135.41을 기록 중이다.",
                        "같은 시각 코스닥 지수는 0.62% 내리고 있다."),
                 [o("2025-12-23", "index", K, "level", "09:51", 4135.41),
                  o("2025-12-23", "index", K, "change", "09:51", 29.48),
                  o("2025-12-23", "index", K, "change_pct", "09:51", 0.72),
                  o("2025-12-23", "index", Q, "change_pct", "09:51", -0.62)],
                 "dev2 r39: '코스닥 지수' is the KOSDAQ (not 'the index'); '같은 시각' carries 09:51; '내리고' is a fall", id="ko-same-time-kosdaq"),
    pytest.param(pub("11 Dec. 2025, 16:00", "Institutional investors unloaded 344.3 billion won, offset by 296.4 billion won in foreign buying and 18.6 billion won from retail investors."),
                 [o("2025-12-11", "flow", "institution", "net_buy", "close", -344300000000),
                  o("2025-12-11", "flow", "foreign", "net_buy", "close", 296400000000),
                  o("2025-12-11", "flow", "individual", "net_buy", "close", 18600000000)],
                 "dev2 r36: 'N won in foreign buying', 'N won from retail investors': the group named after the amount owns it", id="flow-owner-after"),
    pytest.param(pub("04 Nov. 2025, 16:24", "Market bellwether Samsung Electronics dived 5.58 percent, and No. 2 chipmaker SK hynix lost 5.48 percent."),
                 [o("2025-11-04", "quote", SAMSUNG, "change_pct", "close", -5.58),
                  o("2025-11-04", "quote", HYNIX, "change_pct", "close", -5.48)],
                 "dev2 r22: 'dived' is a fall", id="dived"),
    pytest.param(posted("입력 2025.11.24 16:48", "이날 원·달러 환율은 오후 4시 30분 기준 전 거래일보다 3.5원 오른 1475.5원을 나타냈다."),
                 [o("2025-11-24", "fx", "USD/KRW", "rate", "16:30", 1475.5),
                  o("2025-11-24", "fx", "USD/KRW", "change", "16:30", 3.5)],
                 "dev2 r28: the won trades on after 15:30, so a 16:30 quote is a snapshot, not the close", id="fx-after-close"),
    pytest.param(pub("25 Nov. 2025, 14:41", "Samsung Electronics, the market's largest company, climbed 2,700 won, or 2.79 percent, to 99,400 won."),
                 [o("2025-11-25", "quote", SAMSUNG, "price", "intraday", 99400),
                  o("2025-11-25", "quote", SAMSUNG, "change_pct", "intraday", 2.79)],
                 "dev2 r29: 2,700 won is the move (2.79% of 96,700), not a price", id="won-move-not-price"),
    pytest.param(posted("입력 2025.11.05 10:31", "5일 한국거래소에 따르면 오전 10시 25분 기준 코스피는 전 거래일보다 223.59포인트(5.42%) 떨어진 3898.15를 가리키고 있다.",
                        "거래소는 오전 9시 46분 유가증권시장에 매도 사이드카를 발동했다.",
                        "같은 시각 투자자별로는 개인이 9190억원, 기관이 2104억원을 순매수하고 있고, 외국인은 홀로 1조901억원을 순매도하고 있다."),
                 [o("2025-11-05", "index", K, "level", "10:25", 3898.15),
                  o("2025-11-05", "index", K, "change", "10:25", -223.59),
                  o("2025-11-05", "index", K, "change_pct", "10:25", -5.42),
                  o("2025-11-05", "flow", "individual", "net_buy", "10:25", 919000000000),
                  o("2025-11-05", "flow", "institution", "net_buy", "10:25", 210400000000),
                  o("2025-11-05", "flow", "foreign", "net_buy", "10:25", -1090100000000)],
                 "dev2 r24: the sidecar's 9:46 is when a halt came, not a snapshot; '같은 시각' is 10:25", id="halt-clock-not-carried"),
    pytest.param(pub("26 Sept. 2025, 16:10", "According to final data from the Korea Exchange, the benchmark index lost 85.06 points, or 2.45 percent, to 3,386.05.",
                     "Selling started at the bell: the open was 3,440.39, 30.72 points or 0.89 percent lower, and the trough came at 2 p.m. at 3,365.73 before bargain hunters trimmed the loss."),
                 [o("2025-09-26", "index", K, "change", "close", -85.06),
                  o("2025-09-26", "index", K, "change_pct", "close", -2.45),
                  o("2025-09-26", "index", K, "close", "close", 3386.05),
                  o("2025-09-26", "index", K, "open", "open", 3440.39),
                  o("2025-09-26", "index", K, "change", "open", -30.72),
                  o("2025-09-26", "index", K, "change_pct", "open", -0.89),
                  o("2025-09-26", "index", K, "low", "close", 3365.73)],
                 "dev2 r09: 'the open was' is the open and the move in apposition is its move; 'N points or M percent lower' "
                 "signs both; 'the trough came at 2 p.m.' is the day's low in a closing report, and its clock is not the earlier clause's",
                 id="open-apposition-trough"),
    pytest.param(posted("입력 2025.09.10 14:25", "외국인 현물 1조원 넘게 사들여…선물도 매수 우위",
                        "오후 2시 23분 현재 유가증권시장에서 외국인은 1조1587억원어치를 순매수하고 있다. 기관도 8653억원 매수 우위다.",
                        "코스피200 선물시장에서 외국인 매수 우위 규모는 6884억원에 이른다."),
                 [o("2025-09-10", "flow", "foreign", "net_buy", "14:23", 1158700000000),
                  o("2025-09-10", "flow", "institution", "net_buy", "14:23", 865300000000)],
                 "dev2 r01: '매수 우위' (with its space) is net buying; a headline's untimed hedge restates the timed exact "
                 "figure; an investor's position in the futures market is not a market flow", id="ko-buy-lead-futures"),
    pytest.param(posted("Posted : 2025-04-07 09:03 Updated : 2025-04-07 16:14", "3:30 p.m. | CLOSE",
                        "KOSPI ends at 2,328.20, down 137.22 points, or 5.57 percent.", "-" * 40, "11:20 a.m.",
                        "The selling has deepened. KOSPI is at 2,301.17, down 164.25 points or 6.66 percent."),
                 [o("2025-04-07", "index", K, "close", "close", 2328.20),
                  o("2025-04-07", "index", K, "change", "close", -137.22),
                  o("2025-04-07", "index", K, "change_pct", "close", -5.57),
                  o("2025-04-07", "index", K, "level", "11:20", 2301.17),
                  o("2025-04-07", "index", K, "change", "11:20", -164.25),
                  o("2025-04-07", "index", K, "change_pct", "11:20", -6.66)],
                 "dev3 e03: a live entry's stamp printed on a line of its own times the entry below it, up to the rule",
                 id="live-stamp-line"),
    pytest.param(posted("최종 업데이트 2026.06.04 15:41  |  처음 게시 2026.06.04 08:55", "[14:10] 저점 경신",
                        "코스피가 한때 5951.66까지 밀리며 장중 저점을 새로 썼다.", "[10:30] 낙폭 확대",
                        "코스피는 87.22포인트(1.43%) 하락한 6031.18을 가리키고 있다."),
                 [o("2026-06-04", "index", K, "low", "14:10", 5951.66),
                  o("2026-06-04", "index", K, "level", "10:30", 6031.18),
                  o("2026-06-04", "index", K, "change", "10:30", -87.22),
                  o("2026-06-04", "index", K, "change_pct", "10:30", -1.43)],
                 "dev3 k09: '[HH:MM] headline' stamps the entry's body below it; a low in a stamped entry is that moment's",
                 id="ko-live-entry"),
    pytest.param(posted("입력 2026.03.03 16:10", "채권시장에서 3년 만기 국고채 금리는 전 거래일보다 3.1bp(1bp=0.01%포인트) 내린 연 2.912%에 마감했다.",
                        "10년물은 5.1bp 오른 연 3.3%를 기록했다."),
                 [o("2026-03-03", "rate", "KTB3Y", "change_bp", "close", -3.1),
                  o("2026-03-03", "rate", "KTB3Y", "yield", "close", 2.912),
                  o("2026-03-03", "rate", "KTB10Y", "change_bp", "close", 5.1),
                  o("2026-03-03", "rate", "KTB10Y", "yield", "close", 3.3)],
                 "dev3 k03/k11: '3년 만기 국고채' and '10년물' name the bonds; a unit's gloss (1bp=0.01%포인트) is no figure",
                 id="ko-bond-forms"),
    pytest.param(posted("입력 2026.05.06 16:10", "코스피는 6041.55에 장을 마쳤다. 이날 저점은 장 초반의 5971.02, 고점은 오후의 6058.31이었다.",
                        "삼성전자는 1.31% 오른 19만3100원에 거래를 시작했다.", "개인은 1조1628억원어치를 팔았다. 외국인이 2조1천억원 넘게 던졌다.",
                        "엔비디아 시간외 -2.8%, 코스피200 야간선물 -1.1%."),
                 [o("2026-05-06", "index", K, "close", "close", 6041.55),
                  o("2026-05-06", "index", K, "low", "close", 5971.02),
                  o("2026-05-06", "index", K, "high", "close", 6058.31),
                  o("2026-05-06", "quote", SAMSUNG, "change_pct", "open", 1.31),
                  o("2026-05-06", "quote", SAMSUNG, "price", "open", 193100),
                  o("2026-05-06", "flow", "individual", "net_buy", "close", -1162800000000),
                  o("2026-05-06", "flow", "foreign", "net_buy", "close", -2100000000000, approx=True)],
                 "dev3 k03/k05/k06/k09: '저점은/고점은' name the day's low and high; '거래를 시작' is a stock's open; "
                 "'팔았다', '던졌다' are sales; Nvidia's after-hours move and night futures are noise", id="ko-extremes-open-sell"),
    pytest.param(posted("2025-06-04 09:31", "SEOUL, June 4 (Yonhap) -- Seoul shares opened sharply higher Wednesday.",
                        "The local currency was trading at 1,373.9 won against the U.S. dollar, up 6.1 won from the previous session's close."),
                 [o("2025-06-04", "fx", "USD/KRW", "rate", "intraday", 1373.9),
                  o("2025-06-04", "fx", "USD/KRW", "change", "intraday", -6.1)],
                 "dev3 e09: 'from the previous session's close' is the base of the move, not the time it was measured", id="close-as-base"),
    pytest.param(pub("20 June 2025, 16:20", "KOSPI closes above 3,000 for first time in 3 1/2 years",
                     "KOSPI reclaims 3,000 for the first time in 3.5 years"), [],
                 "dev3 e13/e14: 'first time in 3 1/2 years' is a first in a while, not a milestone", id="first-in-years"),
    pytest.param(pub("10 Apr. 2025, 16:20", "The secondary Kosdaq rose 38.40 points, or 5.97 percent, to 681.79.",
                     "Around 581.3 million shares worth 13.5 trillion won changed hands.",
                     "Institutions were the main buyers, scooping up a net 1.856 trillion won."),
                 [o("2025-04-10", "index", Q, "change", "close", 38.40),
                  o("2025-04-10", "index", Q, "change_pct", "close", 5.97),
                  o("2025-04-10", "index", Q, "close", "close", 681.79),
                  o("2025-04-10", "index", K, "volume", "close", 581300000, approx=True),
                  o("2025-04-10", "index", K, "turnover", "close", 13500000000000),
                  o("2025-04-10", "flow", "institution", "net_buy", "close", 1856000000000)],
                 "dev3 e07: shares traded with no market named are the main board's, even after a Kosdaq sentence; "
                 "'the main buyers' is not 'the main index'", id="volume-main-board"),
    pytest.param(posted("입력 2025.11.24 16:40", "코스피가 2.2% 하락했다.", "▶ 관련기사",
                        "- 코스피 3.79% 급락한 3853.26…외국인 2.8조 '팔자'(11월 21일)", "- 환율 1470원대 고착…외국인 자금 이탈 '경고등'",
                        "Hot news", "· KOSPI ends at 2,977.74 after choppy session"),
                 [o("2025-11-24", "index", K, "change_pct", "close", -2.2),
                  o("2025-11-21", "index", K, "change_pct", "close", -3.79),
                  o("2025-11-21", "index", K, "close", "close", 3853.26),
                  o("2025-11-21", "flow", "foreign", "net_buy", "close", -2.8e12)],
                 "dev2 r28, dev3 e14: a page's lists of other stories ('▶ 관련기사', 'Hot news') are claims only where a line "
                 "carries its own date, a month and day included", id="more-lists"),
    pytest.param(posted("김도윤 기자  |  2026-06-04 16:02:17", "실시간 지수 ▸ 코스피 6,455.03 ▲52.15 (+0.81%)  코스닥 1,195.80 ▼5.57 (-0.46%)",
                        "4일 한국거래소에 따르면 코스피는 지난 2일 종가(6118.40)보다 131.82포인트(2.15%) 내린 5987.12에 거래를 마쳤다."),
                 [o("2026-06-02", "index", K, "close", "close", 6118.40),
                  o("2026-06-04", "index", K, "change", "close", -131.82),
                  o("2026-06-04", "index", K, "change_pct", "close", -2.15),
                  o("2026-06-04", "index", K, "close", "close", 5987.12)],
                 "dev3 k10: a ticker strip in the page head is furniture; '지난 2일 종가(N)보다' dates the base alone, "
                 "the move is the article's day", id="ko-ticker-base-date"),
    pytest.param(posted("입력 2026.05.06 15:50", "6일 코스피지수는 전 거래일 대비 79.37포인트(1.33%) 오른 6041.55에 마감했다. 종가 기준 사상 최고치다. "
                        "장중에는 6058.31까지 올라 장중 사상 최고치도 새로 썼다."),
                 [o("2026-05-06", "index", K, "change", "close", 79.37),
                  o("2026-05-06", "index", K, "change_pct", "close", 1.33),
                  o("2026-05-06", "index", K, "close", "close", 6041.55),
                  o("2026-05-06", "milestone", K, "record_close", "close", 6041.55),
                  o("2026-05-06", "index", K, "high", "close", 6058.31),
                  o("2026-05-06", "milestone", K, "record_high", "close", 6058.31)],
                 "dev3 k06: '장중 사상 최고치도 새로 썼다' sets a new record; only '장중 사상 최고치는 N' or '기존/종전 사상 최고치' "
                 "names the previous one", id="ko-new-intraday-record"),
    pytest.param(posted("──────────── 10.04.2025 ────────────", "📊 10:30 snapshot", "KOSPI  2,431.88  ▲138.18 (+6.02%)",
                        "USD/KRW 1,458.2  ▼25.9"),
                 [o("2025-04-10", "index", K, "level", "10:30", 2431.88),
                  o("2025-04-10", "index", K, "change", "10:30", 138.18),
                  o("2025-04-10", "index", K, "change_pct", "10:30", 6.02),
                  o("2025-04-10", "fx", "USD/KRW", "change", "10:30", -25.9)],
                 "dev3 e06: a chat export's day rule dates the page (dots, day first); a line stamped with a clock and a word "
                 "('10:30 snapshot') times what follows; ▲/▼ printed on a number are its sign", id="chat-snapshot"),
    pytest.param(posted("Morning Brief  |  2025.06.05 (Thu) 07:40", "■ Market recap (Yesterday)", "  KOSPI 200 fut.       372.45     +2.88%",
                        "  KTB 3Y              2.412%     +1.2bp", "  KTB 10Y             2.795%     +2.7bp"),
                 [o("2025-06-04", "rate", "KTB3Y", "yield", "close", 2.412),
                  o("2025-06-04", "rate", "KTB3Y", "change_bp", "close", 1.2),
                  o("2025-06-04", "rate", "KTB10Y", "yield", "close", 2.795),
                  o("2025-06-04", "rate", "KTB10Y", "change_bp", "close", 2.7)],
                 "dev3 e12: 'KTB 3Y', 'KTB 10Y' name the bonds; 'KOSPI 200 fut.' is futures", id="broker-rows"),
    pytest.param(pub("04 June 2025, 16:10", "Trading value on the main board reached nearly 15 trillion won, the most in two months.",
                     "Foreigners bought a net 1.2 trln won, while individuals sold 845 bln won."),
                 [o("2025-06-04", "index", K, "turnover", "close", 15000000000000, approx=True),
                  o("2025-06-04", "flow", "foreign", "net_buy", "close", 1200000000000),
                  o("2025-06-04", "flow", "individual", "net_buy", "close", -845000000000)],
                 "dev3 e11: 'trading value' owns its amount though 'the main board' comes between; 'trln', 'bln' are scales",
                 id="trading-value-scales"),
    pytest.param('<?xml version="1.0"?>\n<rss version="2.0">\n<channel>\n<title>Markets</title>\n'
                 '<lastBuildDate>Thu, 10 Apr 2025 23:15:02 GMT</lastBuildDate>\n'
                 '<item>\n<title>Seoul shares set to open lower</title>\n<pubDate>Thu, 10 Apr 2025 23:10:00 GMT</pubDate>\n'
                 '<description><![CDATA[The KOSPI closed up 6.60 percent at 2,445.06 on Thursday.]]></description>\n</item>\n'
                 '<item>\n<title>Seoul shares fall 1.74 pct</title>\n<pubDate>Wed, 09 Apr 2025 06:48:00 GMT</pubDate>\n'
                 '<description><![CDATA[The KOSPI lost 40.53 points, or 1.74 percent, to 2,293.70. '
                 'SK hynix rose 2.1 percent to 158,900 won.]]></description>\n</item>\n</channel>\n</rss>\n',
                 [o("2025-04-10", "index", K, "close", "close", 2445.06),
                  o("2025-04-10", "index", K, "change_pct", "close", 6.6),
                  o("2025-04-09", "index", K, "close", "close", 2293.70),
                  o("2025-04-09", "index", K, "change", "close", -40.53),
                  o("2025-04-09", "index", K, "change_pct", "close", -1.74),
                  o("2025-04-09", "quote", HYNIX, "price", "close", 158900),
                  o("2025-04-09", "quote", HYNIX, "change_pct", "close", 2.1)],
                 "dev3 e08: each item of an RSS feed is its own story, dated by its own <pubDate> (15:48 KST on the 9th "
                 "reports the 9th), not by the feed's first item", id="rss-items"),
    pytest.param(pub("10 Apr. 2025, 16:20", "SK hynix jumped 10.32 percent to 175,300 won, up from 158,900 won on Wednesday."),
                 [o("2025-04-10", "quote", HYNIX, "price", "close", 175300),
                  o("2025-04-10", "quote", HYNIX, "change_pct", "close", 10.32),
                  o("2025-04-09", "quote", HYNIX, "price", "close", 158900)],
                 "dev3 e08: 'up from N on Wednesday' dates the move's base alone", id="base-date"),
    pytest.param(posted("Morning Brief  |  2025.06.05 (Thu) 07:40",
                        "■ KOSPI investor flows (Yesterday, KRW)\n  Foreign      +1,394.5bn\n  Individual   -1,862.0bn\n"
                        "  Turnover: 14.96tn  |  Volume: 640.2mn shares",
                        "■ Top movers (Yesterday)\n  KB Financial   108,800  +7.30%\n  Hanwha Aero    800,000  -3.38%\n"
                        "  Foreign      +2.1bn"),
                 [o("2025-06-04", "flow", "foreign", "net_buy", "close", 1394500000000),
                  o("2025-06-04", "flow", "individual", "net_buy", "close", -1862000000000),
                  o("2025-06-04", "index", K, "turnover", "close", 14960000000000),
                  o("2025-06-04", "index", K, "volume", "close", 640200000),
                  o("2025-06-04", "quote", "105560", "price", "close", 108800),
                  o("2025-06-04", "quote", "105560", "change_pct", "close", 7.3),
                  o("2025-06-04", "quote", "012450", "price", "close", 800000),
                  o("2025-06-04", "quote", "012450", "change_pct", "close", -3.38)],
                 "dev3 e12: a heading that names the won ('(Yesterday, KRW)') makes the bare scaled amounts of its block won, "
                 "each row's printed sign its direction; the currency ends with the block (the last row is under "
                 "another heading); an aligned row 'company  price  ±pct%' is a price and its change", id="broker-flow-block"),
    pytest.param(posted("입력 2025.10.20 16:10", "LG에너지솔루션만 0.35% 내렸다. 삼성전자는 1.2% 밀렸다."),
                 [o("2025-10-20", "quote", LGES, "change_pct", "close", -0.35),
                  o("2025-10-20", "quote", SAMSUNG, "change_pct", "close", -1.2)],
                 "dev2 r14: '내렸다', '밀렸다' (past tense) are falls", id="ko-past-fall"),
    pytest.param(posted("Published 02/03/2025, 01:52 AM", "Investing.com – South Korea stocks were lower after the close on Monday.",
                        "The worst performers of the session were Korea Zinc Inc (KS:010130), which fell 4.12% or 29000.00 points "
                        "to trade at 733000.00 at the close.",
                        "Falling stocks outnumbered advancing ones on the Korea Stock Exchange by 802 to 107 and 36 ended unchanged."),
                 [o("2025-02-03", "quote", "010130", "change_pct", "close", -4.12),
                  o("2025-02-03", "quote", "010130", "price", "close", 733000),
                  o("2025-02-03", "index", K, "decliners", "close", 802),
                  o("2025-02-03", "index", K, "advancers", "close", 107),
                  o("2025-02-03", "index", K, "unchanged", "close", 36)],
                 "dev4 e05: '02/03/2025' reads month or day first; the text's 'Monday' (Feb 3, not Sunday Mar 2) chooses, and "
                 "the clock of such a stamp is the reader's zone, not Seoul's (01:52 is no pre-open report); Investing.com's "
                 "template: '(KS:010130)', a bare price after 'to trade at', 'Falling stocks outnumbered advancing ones by N to M'",
                 id="investing-template"),
    pytest.param(posted("Issued on: 03/04/2025 - 09:31", "Seoul stocks were flat on the day.", "The KOSPI rose 1.2 percent."),
                 [],
                 "dev4 e08: '03/04/2025' with no weekday in the text is March 4 or April 3: undated, not guessed",
                 id="slash-date-undecided"),
    pytest.param(pub("31 Jan. 2025, 16:40", "* Of the total 938 issues traded, the number of advancing shares was 512, while 372 shares declined.",
                     "* In offshore trading, the won was quoted at 1,453.9 per dollar, down 0.3% on the day, while in non-deliverable "
                     "forwards its one-month contract was quoted at 1,449.8.",
                     "* The KOSPI has risen 4.9% so far this year, and foreigners have been net buyers of 0.45 trillion won in January."),
                 [o("2025-01-31", "index", K, "advancers", "close", 512),
                  o("2025-01-31", "index", K, "decliners", "close", 372)],
                 "dev4 e01: Reuters' breadth ('the number of advancing shares was N, while M shares declined'); the offshore and "
                 "NDF won are not Seoul's rate; a flow 'in January' is a month's sum", id="reuters-bullets"),
    pytest.param(posted("머니투데이 | 기사입력 2026.04.22. 오후 3:52", "코스피는 전 거래일보다 69.58포인트(1.22%) 오른 5781.94에 마감했다.",
                        "이 기사의 관련 기사", "· 코스피, 0.40% 내린 5712.36 마감…관세 경계감 (04.21)", "· 코스피 5700선 공방"),
                 [o("2026-04-22", "index", K, "close", "close", 5781.94),
                  o("2026-04-22", "index", K, "change", "close", 69.58),
                  o("2026-04-22", "index", K, "change_pct", "close", 1.22),
                  o("2026-04-21", "index", K, "close", "close", 5712.36),
                  o("2026-04-21", "index", K, "change_pct", "close", -0.4)],
                 "dev4 m04: '이 기사의 관련 기사' heads a related list; a portal's '(04.21)' after a headline dates it",
                 id="portal-related-date"),
    pytest.param(posted("Published 2026-09-29 16:41 KST", "Investor flows, KOSPI (KRW bn)\n| Foreign | Institution | Individual |\n"
                        "|---|---|---|\n| +872.3 | +455.8 | -1,301.5 |",
                        "| Index | Close | Chg |\n|---|---|---|\n| KTB 3Y | 2.701% | -2.4bp |",
                        "- 코스피 6,604.71 (+56.69p, +0.87%)", "- 코스피 7,000까지 남은 거리 6%",
                        "- Jul 20: KOSPI tops 6,450"),
                 [o("2026-09-29", "flow", "foreign", "net_buy", "close", 872300000000),
                  o("2026-09-29", "flow", "institution", "net_buy", "close", 455800000000),
                  o("2026-09-29", "flow", "individual", "net_buy", "close", -1301500000000),
                  o("2026-09-29", "rate", "KTB3Y", "yield", "close", 2.701),
                  o("2026-09-29", "rate", "KTB3Y", "change_bp", "close", -2.4),
                  o("2026-09-29", "index", K, "close", "close", 6604.71),
                  o("2026-09-29", "index", K, "change", "close", 56.69),
                  o("2026-09-29", "index", K, "change_pct", "close", 0.87)],
                 "dev4 m11/m12: a flow table on its side (investors head the columns, one row of amounts, the unit "
                 "'(KRW bn)' above); a printed sign on basis points; a digest's '+56.69p'; 'N까지 남은 거리 6%' is a "
                 "distance; 'tops 6,450' is a threshold", id="digest-tables"),
    pytest.param(posted("Published 2026-09-29 16:41 KST", "Investor flows, KOSPI (KRW bn)\n| Foreign | Institution |\n"
                        "| +872.3 | -455.8 |\nThe KOSPI rose 1.2 percent to 2,500.12."),
                 [o("2026-09-29", "flow", "foreign", "net_buy", "close", 872300000000),
                  o("2026-09-29", "flow", "institution", "net_buy", "close", -455800000000),
                  o("2026-09-29", "index", K, "close", "close", 2500.12),
                  o("2026-09-29", "index", K, "change_pct", "close", 1.2)],
                 "a flow table on its side without a '|---|' rule takes its header and its row, not the line after it",
                 id="sideways-table-no-rule"),
    pytest.param(pub("18 Aug. 2026, 16:10", "The Kospi closed at 6,438.15, down 83.32 points. It opened at 6,492.30 and touched "
                     "6,401.27 in the afternoon."),
                 [o("2026-08-18", "index", K, "close", "close", 6438.15),
                  o("2026-08-18", "index", K, "change", "close", -83.32),
                  o("2026-08-18", "index", K, "open", "open", 6492.30),
                  o("2026-08-18", "index", K, "low", "close", 6401.27)],
                 "dev4 m08: an extreme read from a neutral verb ('touched') below both the open and the close is the low",
                 id="extreme-by-levels"),
    pytest.param(pub("18 Aug. 2026, 16:10", "The KOSPI closed at 6438.15, down 83.32 points (1.28%) compared to the previous "
                     "trading day's 6521.47."),
                 [o("2026-08-18", "index", K, "close", "close", 6438.15),
                  o("2026-08-18", "index", K, "change", "close", -83.32),
                  o("2026-08-18", "index", K, "change_pct", "close", -1.28),
                  o("2026-08-14", "index", K, "close", "close", 6521.47)],
                 "dev4 m06 (machine translation): 'compared to the previous trading day's N' is the previous close "
                 "(across the Liberation Day holiday)", id="mt-previous-close"),
    pytest.param(posted("입력 2026.04.22 11:20", "이날 오전 11시 5분 현재 코스피는 전 거래일 대비 52.45포인트(0.92%) 오른 5,764.81을 나타냈다.",
                        "SK하이닉스도 2%대 강세다. 일본 닛케이225 지수는 이날 오전 0.6% 오른 38,910선에서 움직였다.",
                        "외국인은 연휴 직전 3거래일 동안 2조1000억원을 순매수한 바 있다."),
                 [o("2026-04-22", "index", K, "level", "11:05", 5764.81),
                  o("2026-04-22", "index", K, "change", "11:05", 52.45),
                  o("2026-04-22", "index", K, "change_pct", "11:05", 0.92)],
                 "dev4 m02/m10: '2%대' is a range, not a figure; 닛케이225 지수 is Tokyo's; '3거래일 동안' sums sessions",
                 id="ko-noise-ranges"),
    pytest.param(posted("January 21, 2026 at 9:40 PM EST", "South Korea's benchmark stock gauge climbed on Thursday.", "The Kospi was up 1.7% at 4,991.26 as of 11:32 a.m. in Seoul."),
                 [o("2026-01-22", "index", K, "level", "11:32", 4991.26),
                  o("2026-01-22", "index", K, "change_pct", "11:32", 1.7)],
                 "dev4 e17: a U.S. desk's evening stamp (the 21st in New York) is Seoul's Thursday morning when the text "
                 "names Thursday; without a weekday the desk's own day stands", id="desk-day-or-seoul"),
    pytest.param("KOSPI Composite Index\nClosed\nLast Updated: Jan 22, 2026 at 1:32 a.m. EST\n\n4,952.53\n+42.60   +0.87%\n\n"
                 "Previous Close 4,909.93\n\nOpen 4,965.01\nDay Range 4,931.20 - 5,019.54\n52 Week Range 2,284.72 - 5,019.54\n"
                 "5 Day +3.21%\nYTD +17.52%\n\nName              Last         Chg %\nSamsung Elec.     152,300      +1.53%\n"
                 "Samsung Biologics 1,718,000    +0.41%\n",
                 [o("2026-01-22", "index", K, "close", "close", 4952.53),
                  o("2026-01-22", "index", K, "change_pct", "close", 0.87),
                  o("2026-01-21", "index", K, "close", "close", 4909.93),
                  o("2026-01-22", "index", K, "open", "open", 4965.01),
                  o("2026-01-22", "index", K, "low", "close", 4931.20),
                  o("2026-01-22", "index", K, "high", "close", 5019.54),
                  o("2026-01-22", "quote", SAMSUNG, "price", "close", 152300),
                  o("2026-01-22", "quote", SAMSUNG, "change_pct", "close", 1.53),
                  o("2026-01-22", "quote", SBIO, "price", "close", 1718000),
                  o("2026-01-22", "quote", SBIO, "change_pct", "close", 0.41)],
                 "dev4 e19: a quote page's data box (Previous Close, Open, Day Range) is the page's index; its '52 Week "
                 "Range', '5 Day', 'YTD' rows are other spans; a page updated after the close is no intraday report, and "
                 "its update line's clock times nothing", id="data-box"),
    pytest.param(posted("Thursday, January 22, 2026 · 17:45 KST", "KEY NUMBERS\n| Item | Close | Chg | Chg % |\n|---|---|---|---|\n"
                        "| KOSPI | 4,952.53 | +42.60 | +0.87% |\n| KOSPI prev. close | 4,909.93 | | |"),
                 [o("2026-01-22", "index", K, "close", "close", 4952.53),
                  o("2026-01-22", "index", K, "change", "close", 42.60),
                  o("2026-01-22", "index", K, "change_pct", "close", 0.87),
                  o("2026-01-21", "index", K, "close", "close", 4909.93)],
                 "dev4 e18: a Markdown table's rule under its header; 'Chg | Chg %' are points and percent; a "
                 "'prev. close' row is the previous session's close", id="key-numbers-table"),
    pytest.param(posted("September 29, 2026 10:52 PM EDT · Updated 2 hours ago",
                        "SEOUL, Sept 30 (Reuters) - South Korean shares retreated from a record high on Wednesday.",
                        "    * As of 0230 GMT, the benchmark KOSPI was down 27.44 points, or 0.41%, at 6,602.11, after closing at a "
                        "record 6,629.55 on Tuesday.", "    * Of the total 931 traded issues, 312 advanced and 561 declined."),
                 [o("2026-09-30", "index", K, "level", "11:30", 6602.11),
                  o("2026-09-30", "index", K, "change", "11:30", -27.44),
                  o("2026-09-30", "index", K, "change_pct", "11:30", -0.41),
                  o("2026-09-29", "index", K, "close", "close", 6629.55),
                  o("2026-09-29", "milestone", K, "record_close", "close", 6629.55),
                  o("2026-09-30", "index", K, "advancers", "11:30", 312),
                  o("2026-09-30", "index", K, "decliners", "11:30", 561)],
                 "dev4 m15: a U.S. desk's stamp the day before the dateline keeps the dateline's year; '0230 GMT' is 11:30 "
                 "in Seoul; ', after closing at N on Tuesday' is a clause of its own; 'the total 931 traded issues' is a "
                 "count; breadth in an intraday report is at the report's clock", id="reuters-intraday"),
    pytest.param(posted("입력 2026.11.20 08:41", "한국거래소에 따르면 전날 코스피는 94.12포인트(1.37%) 오른 6987.52에 마감했다."),
                 [o("2026-11-19", "index", K, "close", "close", 6987.52),
                  o("2026-11-19", "index", K, "change", "close", 94.12),
                  o("2026-11-19", "index", K, "change_pct", "close", 1.37)],
                 "dev4 m20: in a report published before the open, '전날' is the day before writing, the session it reports "
                 "on, not the one before that", id="next-morning-previous-day"),
    pytest.param(pub("30 Sept. 2026, 16:44", "The benchmark index closed at 6,587.73, down 41.82 points, or 0.63 percent, from the "
                     "previous day. On Sept. 29 it had finished at a record 6,629.55. The index rose to 6,651.04 shortly after the "
                     "opening bell but turned lower.", "For the third quarter as a whole, the KOSPI gained 6.1 percent.",
                     "It hit 6,660.00 during the afternoon before paring gains."),
                 [o("2026-09-30", "index", K, "close", "close", 6587.73),
                  o("2026-09-30", "index", K, "change", "close", -41.82),
                  o("2026-09-30", "index", K, "change_pct", "close", -0.63),
                  o("2026-09-29", "index", K, "close", "close", 6629.55),
                  o("2026-09-29", "milestone", K, "record_close", "close", 6629.55),
                  o("2026-09-30", "index", K, "high", "close", 6651.04),
                  o("2026-09-30", "index", K, "high", "close", 6660.00)],
                 "dev4 m13/m03: a past-perfect flashback's day does not carry to the next sentence; a level the index "
                 "turned back from ('but turned lower', 'before paring gains') is the day's high; a quarter's gain is "
                 "no session's", id="reversal-flashback"),
    pytest.param(pub("05 Nov. 2025, 16:20", "The KOSPI closed down 2.85 percent at 4,004.42, having plunged as much as 6.2 percent "
                     "to 3,867.81 in the morning.", "Samsung Electronics and SK hynix were both down more than 5 percent."),
                 [o("2025-11-05", "index", K, "close", "close", 4004.42),
                  o("2025-11-05", "index", K, "change_pct", "close", -2.85),
                  o("2025-11-05", "index", K, "change_pct", "intraday", -6.2),
                  o("2025-11-05", "index", K, "low", "close", 3867.81),
                  o("2025-11-05", "quote", SAMSUNG, "change_pct", "close", -5, approx=True),
                  o("2025-11-05", "quote", HYNIX, "change_pct", "close", -5, approx=True)],
                 "dev2 r27, dev4 e07/e17: 'as much as 6.2 percent' is the move at the day's extreme, at an untimed moment; "
                 "'both' gives the figure to each", id="extreme-move-both"),
    pytest.param(posted("입력 2026.11.20 08:41", "외국인은 지난 12일 이후 6거래일 연속 순매수하며 이 기간 5조원 넘게 사들였다."),
                 [], "dev4 m20: '이 기간' (that period) sums sessions", id="ko-that-period"),
    pytest.param(posted("입력 2026.05.06 16:10", "SK하이닉스 1,021,000 (+3.13%) 👉 종가 100만원 첫 돌파", "삼성전자 20만원 간다? 목표주가 줄상향",
                        "SK하이닉스 100만원 시대"),
                 [o("2026-05-06", "quote", HYNIX, "price", "close", 1021000),
                  o("2026-05-06", "quote", HYNIX, "change_pct", "close", 3.13),
                  o("2026-05-06", "milestone", HYNIX, "first_close_above", "close", 1000000)],
                 "dev3 k06/k08/k09, k04: '종가 N 첫 돌파' is a first close above; 'N원 시대', 'N원 간다' are thresholds, "
                 "not prices", id="ko-price-thresholds"),
    pytest.param(posted("8/6/2024 8:11 PM ET", "The KOSPI finished sharply higher on Tuesday. For the day, the index jumped 80.60 "
                        "points or 3.30 percent to finish at 2,522.15 after trading between 2,475.35 and 2,597.24.",
                        "Among the actives, KEPCO collected 1.09 percent and Hyundai Mobis, Kia Motors and Hyundai Motor all "
                        "rose 3.60 percent."),
                 [o("2024-08-06", "index", K, "change", "close", 80.6),
                  o("2024-08-06", "index", K, "change_pct", "close", 3.3),
                  o("2024-08-06", "index", K, "close", "close", 2522.15),
                  o("2024-08-06", "index", K, "low", "close", 2475.35),
                  o("2024-08-06", "index", K, "high", "close", 2597.24),
                  o("2024-08-06", "quote", "015760", "change_pct", "close", 1.09),
                  o("2024-08-06", "quote", "012330", "change_pct", "close", 3.6),
                  o("2024-08-06", "quote", KIA, "change_pct", "close", 3.6),
                  o("2024-08-06", "quote", HMC, "change_pct", "close", 3.6)],
                 "dev5 x08 (RTTNews): a stamp line followed by a blank line is still a line of its own (its clock's "
                 "zone ate the newline); 'after trading between X and Y' is the day's range; 'A, B and C all rose N "
                 "percent' gives N to each", id="rtt-template"),
    pytest.param(pub("05 Aug. 2024, 17:42", "Trading on the main bourse was suspended for 20 minutes from 2:14 p.m. after "
                     "the KOSPI fell more than 8 percent.", "At the time of the halt, the index stood at 2,455.80, down "
                     "8.24 percent."),
                 [o("2024-08-05", "index", K, "level", "14:14", 2455.8),
                  o("2024-08-05", "index", K, "change_pct", "14:14", -8.24)],
                 "dev5 x02: the clock of a halt is when it came, no snapshot, but 'at the time of the halt' is that clock",
                 id="at-the-halt"),
    pytest.param(pub("05 Aug. 2024, 17:42", "South Korean stocks went into free fall Monday, logging their biggest single-day "
                     "point drop on record. The KOSPI plummeted 234.64 points, or 8.77 percent, to close at 2,441.55.",
                     "Trading volume was heavy, with decliners overwhelming gainers 899 to 20."),
                 [o("2024-08-05", "index", K, "change", "close", -234.64),
                  o("2024-08-05", "index", K, "change_pct", "close", -8.77),
                  o("2024-08-05", "index", K, "close", "close", 2441.55),
                  o("2024-08-05", "index", K, "decliners", "close", 899),
                  o("2024-08-05", "index", K, "advancers", "close", 20)],
                 "dev5 x02: 'the biggest drop on record' is a record move, not a record close; 'decliners "
                 "overwhelming gainers 899 to 20' is the breadth", id="record-drop-breadth"),
    pytest.param(pub("05 Aug. 2024, 17:42", "Foreigners dumped a net 1.53 trillion won worth of stocks, according to final "
                     "data. Their net selling came to 1,528.3 billion won, the largest since early 2021."),
                 [o("2024-08-05", "flow", "foreign", "net_buy", "close", -1528300000000)],
                 "dev5 x02: 'Their' is the investors just named; the same figure restated rounded (1.53 trillion) is "
                 "the precise one's restatement", id="restated-rounded"),
    pytest.param(pub("06 Aug. 2024, 09:38", "As of 9:15 a.m., the Kospi was up 150.10 points at 2,591.65.",
                     "Samsung Electronics jumped 6.58 percent to 76,100 won.",
                     "Related Articles\n- Kospi crashes 8.77% as panic selling sweeps Asia\n- Circuit breakers explained"),
                 [o("2024-08-06", "index", K, "change", "09:15", 150.1),
                  o("2024-08-06", "index", K, "level", "09:15", 2591.65),
                  o("2024-08-06", "quote", SAMSUNG, "change_pct", "09:15", 6.58),
                  o("2024-08-06", "quote", SAMSUNG, "price", "09:15", 76100)],
                 "dev5 x05: a page written during the session is an intraday report though a related-articles list "
                 "follows it", id="intraday-with-related-list"),
    pytest.param(pub("04 Dec. 2024, 09:48", "The benchmark KOSPI opened at 2,453.95, down 1.85 percent from Tuesday's close, "
                     "and was trading at 2,452.87 as of 9:30 a.m., down 47.23 points, or 1.89 percent.",
                     "The Korean won opened at 1,419.0 per dollar, 16.1 won weaker than Tuesday's 3:30 p.m. close."),
                 [o("2024-12-04", "index", K, "open", "open", 2453.95),
                  o("2024-12-04", "index", K, "change_pct", "open", -1.85),
                  o("2024-12-04", "index", K, "level", "09:30", 2452.87),
                  o("2024-12-04", "index", K, "change", "09:30", -47.23),
                  o("2024-12-04", "index", K, "change_pct", "09:30", -1.89),
                  o("2024-12-04", "fx", "USD/KRW", "open", "open", 1419.0),
                  o("2024-12-04", "fx", "USD/KRW", "change", "open", 16.1)],
                 "dev5 x09: a move in apposition to the open ('opened at N, down P') is the open's, though a later clause "
                 "has a clock; 'than Tuesday's 3:30 p.m. close' is the base of the move, not its time", id="apposition-open"),
    pytest.param(pub("17 June 2026, 07:40", "On Tuesday, the Kospi rose 84.52 points, or 1.58 percent, to 5,402.67, from "
                     "Monday's 5,318.42, surpassing the previous closing high of 5,371.06 set on June 11.",
                     "The combined market capitalization of the main bourse rose to a record 4,412 trillion won."),
                 [o("2026-06-16", "index", K, "change", "close", 84.52),
                  o("2026-06-16", "index", K, "change_pct", "close", 1.58),
                  o("2026-06-16", "index", K, "close", "close", 5402.67),
                  o("2026-06-16", "milestone", K, "record_close", "close", 5402.67),
                  o("2026-06-15", "index", K, "close", "close", 5318.42),
                  o("2026-06-11", "index", K, "close", "close", 5371.06),
                  o("2026-06-11", "milestone", K, "record_close", "close", 5371.06),
                  o("2026-06-16", "indicator", "market_cap:KOSPI", "value", "close", 4412e12),
                  o("2026-06-16", "milestone", "market_cap:KOSPI", "record_close", "close", 4412e12)],
                 "dev5 x20: 'from Monday's N' is Monday's close, the base, so the record surpassing the old one is the "
                 "level before it; the market capitalization 'of the main bourse' rising 'to a record' is a record",
                 id="weekday-base-mcap-record"),
    pytest.param(posted("Posted on : Mar.21,2024 17:24 KST  Modified on : Mar.21,2024 18:02 KST",
                        "SK hynix rose 7.71% to 167,600 won, its highest closing price ever.",
                        "Foreign investors bought a net 1.2055 trillion won worth of shares on the main board."),
                 [o("2024-03-21", "quote", HYNIX, "change_pct", "close", 7.71),
                  o("2024-03-21", "quote", HYNIX, "price", "close", 167600),
                  o("2024-03-21", "milestone", HYNIX, "record_close", "close", 167600),
                  o("2024-03-21", "flow", "foreign", "net_buy", "close", 1205500000000)],
                 "dev6 e10 (Hankyoreh): 'Mar.21,2024' is a date without spaces; '1.2055 trillion' holds no year 2055",
                 id="hankyoreh-stamp-decimals"),
    pytest.param(posted("Published Wed, Mar 20 2024 7:42 PM EDT\nUpdated Thu, Mar 21 2024 4:12 AM EDT",
                        "Asia-Pacific markets rallied on Thursday.",
                        "South Korea's Kospi climbed 2.41% to end at 2,754.86, while the small-cap Kosdaq added 1.45% to 904.88."),
                 [o("2024-03-21", "index", K, "change_pct", "close", 2.41),
                  o("2024-03-21", "index", K, "close", "close", 2754.86),
                  o("2024-03-21", "index", Q, "change_pct", "close", 1.45),
                  o("2024-03-21", "index", Q, "close", "close", 904.88)],
                 "dev6 e11 (CNBC): a page opened before Seoul's open (08:42 KST) and updated after the close (17:12) "
                 "reports the day's own session, not the previous one", id="updated-after-close"),
    pytest.param(posted("November 6, 20234:19 PM GMT+9Updated 3 years ago",
                        "SEOUL, Nov 6 (Reuters) - South Korean shares logged their biggest daily gain on Monday.",
                        "- The benchmark KOSPI (.KS11) closed up 134.03 points, or 5.66%, at 2,502.37."),
                 [o("2023-11-06", "index", K, "change", "close", 134.03),
                  o("2023-11-06", "index", K, "change_pct", "close", 5.66),
                  o("2023-11-06", "index", K, "close", "close", 2502.37)],
                 "dev6 e08 (Reuters): the page's date and time spans print glued ('20234:19 PM'): the year ends where "
                 "its clock begins", id="reuters-glued-clock"),
    pytest.param(pub("02 Jan. 2023, 16:10", "The tech-heavy KOSDAQ shed one-point-one-five percent to six-hundred-71-point-five-one.",
                     "Analysts expected the market to remain range-bound, with the KOSPI seen moving between 2,150 and 2,400 "
                     "in January.",
                     "The South Korea stock market has finished higher in two straight sessions, advancing almost 100 points "
                     "or 3.7 percent along the way."),
                 [o("2023-01-02", "index", Q, "change_pct", "close", -1.15),
                  o("2023-01-02", "index", Q, "close", "close", 671.51)],
                 "dev6 e03 (Arirang), e01, e12 (RTTNews): a spelled 'six-hundred-71-point-five-one' is 671.51; a band "
                 "the index is 'seen moving between' is a forecast; a move 'in two straight sessions ... along the way' "
                 "sums sessions", id="spelled-hundreds-forecast-band-streak"),
    pytest.param(pub("02 Jan. 2023, 16:10", "The best performers of the session on the KOSPI were Hanjin Transportation Co Ltd "
                     "(KS:002320), which rose 7.52% or 1,700 points to trade at 24,300 at the close.",
                     "The KOSPI Volatility, which measures the implied volatility of KOSPI 200 index options, was up 4.21% "
                     "to 21.76.",
                     "Samsung Electronics (005930.KS) and SK Hynix (000660.KS) rose 2.16% and 1.39%, respectively."),
                 [o("2023-01-02", "quote", "002320", "change_pct", "close", 7.52),
                  o("2023-01-02", "quote", "002320", "price", "close", 24300),
                  o("2023-01-02", "quote", SAMSUNG, "change_pct", "close", 2.16),
                  o("2023-01-02", "quote", HYNIX, "change_pct", "close", 1.39)],
                 "dev6 e04 (Investing.com), e08 (Reuters): the digits of a code '(KS:002320)' are no figure; the KOSPI "
                 "Volatility index and KOSPI 200 options are not the index; a name and its code are one mention",
                 id="codes-volatility"),
    pytest.param(pub("31 Mar. 2025, 16:10", "On Monday, 812 stocks fell and only 98 rose on the main board.",
                     "Trading value of short sales reached 1.7 trillion won across the KOSPI and the KOSDAQ."),
                 [o("2025-03-31", "index", K, "decliners", "close", 812),
                  o("2025-03-31", "index", K, "advancers", "close", 98)],
                 "dev6 m04: 'N stocks fell and only M rose' is the breadth; the trading value of short sales is not the "
                 "market's turnover", id="breadth-only-short-sales"),
    pytest.param(posted("입력 2025.03.31 16:10", "SK하이닉스는 5.66% 빠지며 19만 원 선을 겨우 지켰습니다.",
                        "원·달러 환율은 6원 40전 오른 1,472원 90전으로 마감했습니다."),
                 [o("2025-03-31", "quote", HYNIX, "change_pct", "close", -5.66),
                  o("2025-03-31", "fx", "USD/KRW", "change", "close", 6.4),
                  o("2025-03-31", "fx", "USD/KRW", "rate", "close", 1472.9)],
                 "dev6 m03 (MBN script): '빠지며' is a fall; '1,472원 90전' is 1,472.90 won (전, a hundredth)",
                 id="ko-jeon-ppajimyeo"),
    pytest.param(posted("2025년 05월 02일 09시 24분", "코스닥지수는 4.52포인트(0.63%) 오른 722.90에 출발한 뒤, 9시 15분 현재 "
                        "722.41(0.56%)을 나타내고 있다."),
                 [o("2025-05-02", "index", Q, "open", "open", 722.9),
                  o("2025-05-02", "index", Q, "change", "open", 4.52),
                  o("2025-05-02", "index", Q, "change_pct", "open", 0.63),
                  o("2025-05-02", "index", Q, "level", "09:15", 722.41),
                  o("2025-05-02", "index", Q, "change_pct", "09:15", 0.56)],
                 "dev6 m05 (Digital Times): '9시 15분 현재' is a clock without 오전; '출발한 뒤,' ends the opening's clause",
                 id="ko-bare-clock-after-open"),
    pytest.param(posted("입력 2025.05.02 15:48", "2일 서울 외환시장에서 달러-원 환율은 오후 3시 30분 기준 전 거래일 주간 거래 종가 대비 "
                        "32.00원 급락한 1,405.30원에 마감했다."),
                 [o("2025-05-02", "fx", "USD/KRW", "change", "close", -32.0),
                  o("2025-05-02", "fx", "USD/KRW", "rate", "close", 1405.3)],
                 "dev6 m06 (Infomax), dev5 x12: '전 거래일 주간 거래 종가 대비' names the base of the move, not its day",
                 id="ko-day-session-base"),
    pytest.param(pub("02 May 2025, 16:10", "The index started at 2578.40 and climbed to 2582.96 in the early stage, but the "
                     "increase width reduced in the afternoon. The lowest point of the day was 2551.23."),
                 [o("2025-05-02", "index", K, "open", "open", 2578.4),
                  o("2025-05-02", "index", K, "high", "close", 2582.96),
                  o("2025-05-02", "index", K, "low", "close", 2551.23)],
                 "dev6 m07 (machine translation): a level climbed to 'but the increase width reduced' (상승폭을 줄였다) "
                 "is the high; 'the lowest point of the day was' the low", id="mt-extremes"),
    pytest.param(pub("03 May 2025, 07:02", "| Day (2025) | KOSPI close | Change | KOSDAQ close |\n|---|---|---|---|\n"
                     "| Mon Apr 28 | 2,548.86 | +0.10% | 715.46 |\n| Thu May 1 | closed (Workers' Day) | — | — |\n"
                     "| Fri May 2 | 2,559.79 | +0.12% | 723.16 |",
                     "Week: KOSPI +0.53%, KOSDAQ +1.2%."),
                 [o("2025-04-28", "index", K, "close", "close", 2548.86),
                  o("2025-04-28", "index", K, "change_pct", "close", 0.1),
                  o("2025-04-28", "index", Q, "close", "close", 715.46),
                  o("2025-05-02", "index", K, "close", "close", 2559.79),
                  o("2025-05-02", "index", K, "change_pct", "close", 0.12),
                  o("2025-05-02", "index", Q, "close", "close", 723.16)],
                 "dev6 m08 (newsletter): a table with a row a session is dated row by row, each column's index named in "
                 "its header ('Change' is the KOSPI's, the column before it); 'Apr 28' is no company (APR); "
                 "'Week:' sums the week", id="dated-table"),
    pytest.param(pub("22 Sept. 2025, 17:03", "The benchmark index closed at 3,468.65. During the session it rose as high as "
                     "3,474.91, also a record, surpassing the "
                     "intraday peak of 3,467.89 reached on the same Thursday.",
                     "Institutions bought a net 480.7 billion won and foreigners 314.2 billion won, offsetting net selling of "
                     "832.1 billion won by individual investors.",
                     "Movers (week): Hanwha Aerospace +11.7%, Kakao -3.0%."),
                 [o("2025-09-22", "index", K, "close", "close", 3468.65),
                  o("2025-09-22", "index", K, "high", "close", 3474.91),
                  o("2025-09-22", "milestone", K, "record_high", "close", 3474.91),
                  o("2025-09-18", "index", K, "high", "close", 3467.89),
                  o("2025-09-18", "milestone", K, "record_high", "close", 3467.89),
                  o("2025-09-22", "flow", "institution", "net_buy", "close", 480.7e9),
                  o("2025-09-22", "flow", "foreign", "net_buy", "close", 314.2e9),
                  o("2025-09-22", "flow", "individual", "net_buy", "close", -832.1e9)],
                 "dev6 m09 (Chosun English), m08: 'reached on the same Thursday' dates the peak it follows alone; "
                 "'net selling of N by individual investors' is theirs, a sale; '(week)' sums the week",
                 id="same-thursday-passive-selling"),
    pytest.param(posted("Approved 2024.09.05 08:51", "According to the Korea Exchange on Sept. 5, the KOSPI closed at 2,508.80 "
                        "on Sept. 4, down 83.83 points (3.15%) from 2,664.63 on the previous day.",
                        "The combined net selling of the two chipmakers by foreigners reached 911.4 billion won.",
                        "On the KOSDAQ, the index closed at 733.52, down 3.80%.",
                        "Related articles\n- Foreigners Net Buy 2.3 Trillion Won in KOSPI in July  2024.08.01"),
                 [o("2024-09-04", "index", K, "close", "close", 2508.8),
                  o("2024-09-04", "index", K, "change", "close", -83.83),
                  o("2024-09-04", "index", K, "change_pct", "close", -3.15),
                  o("2024-09-03", "index", K, "close", "close", 2664.63),
                  o("2024-09-04", "index", Q, "close", "close", 733.52),
                  o("2024-09-04", "index", Q, "change_pct", "close", -3.8)],
                 "dev8 e15 (BusinessKorea): 'Approved 2024.09.05 08:51' is its publication stamp; a flow 'of the two "
                 "chipmakers' is not the market's; 'On the KOSDAQ, the index' is the KOSDAQ; 'in July' before a "
                 "related line's date sums the month", id="businesskorea"),
    pytest.param(pub("04 Sept. 2024, 17:22", "SK Hynix tumbled 7.99% to 153,100 won, 36% below its record close of 241,000 "
                     "won on July 10, while Samsung Electronics fell 3.45% to 69,900 won.",
                     "Hanmi Semiconductor Co., which makes HBM bonding equipment for SK Hynix, plunged 7.16% to 98,600 won."),
                 [o("2024-09-04", "quote", HYNIX, "change_pct", "close", -7.99),
                  o("2024-09-04", "quote", HYNIX, "price", "close", 153100),
                  o("2024-07-10", "quote", HYNIX, "price", "close", 241000),
                  o("2024-07-10", "milestone", HYNIX, "record_close", "close", 241000),
                  o("2024-09-04", "quote", SAMSUNG, "change_pct", "close", -3.45),
                  o("2024-09-04", "quote", SAMSUNG, "price", "close", 69900),
                  o("2024-09-04", "quote", "042700", "change_pct", "close", -7.16),
                  o("2024-09-04", "quote", "042700", "price", "close", 98600)],
                 "dev8 e14 (KED Global): 'its record close of N on July 10' dates that record alone (not the clause, not "
                 "the 'while' clause after it); a company in a ', which ...,' aside owns no figure of the main clause",
                 id="record-of-another-day-aside"),
    pytest.param(pub("26 July 2023, 17:51", "EcoPro, the cathode material maker listed on the Kosdaq, which had closed at a "
                     "record 1,202,000 won on Tuesday, rocketed to an all-time intraday high of 1,540,000 won, up 28.12 percent, "
                     "before a flood of sell orders sent it tumbling. It closed at 1,142,000 won, down 4.99 percent from the "
                     "previous day. The stock is now roughly 42 percent below its 2021 peak."),
                 [o("2023-07-25", "quote", "086520", "price", "close", 1202000),
                  o("2023-07-25", "milestone", "086520", "record_close", "close", 1202000),
                  o("2023-07-26", "quote", "086520", "high", "close", 1540000),
                  o("2023-07-26", "milestone", "086520", "record_high", "close", 1540000),
                  o("2023-07-26", "quote", "086520", "change_pct", "intraday", 28.12),
                  o("2023-07-26", "quote", "086520", "price", "close", 1142000),
                  o("2023-07-26", "quote", "086520", "change_pct", "close", -4.99)],
                 "dev8 e07 (Chosun English), dev6 e16: 'the maker listed on the Kosdaq' names no index; 'It' after a "
                 "sentence about a company is the company; '42 percent below its 2021 peak' is a distance",
                 id="listed-on-it-distance"),
    pytest.param(pub("17 Jan. 2024, 16:10", "The index has lost 8.26 percent since it ended 2023 at 2,655.28.",
                     "It fell below the year's previous closing low of 2,292.01 set on Jan. 5, far below the record close "
                     "of 3,305.21 it reached in July 2021."),
                 [o("2023-12-28", "index", K, "close", "close", 2655.28),
                  o("2024-01-05", "index", K, "close", "close", 2292.01)],
                 "dev8 e09 (JoongAng), e02, e18: 'ended 2023 at N' is 2023's last session (Dec. 28); a closing low is a "
                 "close; a record 'it reached in July 2021' has no session to be filed under", id="year-end-closing-low"),
    pytest.param(pub("26 July 2023, 16:30", "0319 ET - South Korea's Kospi closes down 1.7% at 2,592.36 as battery-material "
                     "stocks erase big morning gains.", "POSCO Holdings ends 4.9% lower after jumping as much as 28% earlier."),
                 [o("2023-07-26", "index", K, "change_pct", "close", -1.7),
                  o("2023-07-26", "index", K, "close", "close", 2592.36),
                  o("2023-07-26", "quote", "005490", "change_pct", "close", -4.9),
                  o("2023-07-26", "quote", "005490", "change_pct", "intraday", 28)],
                 "dev8 e08 (Dow Jones Market Talk): '0319 ET' stamps the entry, no figure; a stock's 'as much as 28%' is "
                 "its move at the day's extreme", id="market-talk-as-much-as"),
    pytest.param(posted("PUBLISHED TUE, SEP 3 2024 7:33 PM EDT  UPDATED WED, SEP 4 2024 4:11 AM EDT",
                        "- Asia-Pacific markets fell sharply Wednesday, tracking losses on Wall Street on Tuesday.",
                        "South Korea's Kospi fell 3.15% to close at 2,580.8, while the small-cap Kosdaq lost 3.8% to 733.52.",
                        "The Kospi has now given up 8.8 percent from its 2024 high."),
                 [o("2024-09-04", "index", K, "change_pct", "close", -3.15),
                  o("2024-09-04", "index", K, "close", "close", 2580.8),
                  o("2024-09-04", "index", Q, "change_pct", "close", -3.8),
                  o("2024-09-04", "index", Q, "close", "close", 733.52)],
                 "dev8 e16 (CNBC), e12: a U.S. desk's page published and updated on Seoul's Wednesday is Wednesday's, "
                 "though the text names Tuesday too; '8.8 percent from its 2024 high' is a distance", id="cnbc-seoul-day"),
    pytest.param(posted("ECONOMY  2025-12-03 15:54", "SEOUL, Dec. 3 (Yonhap) -- The benchmark KOSPI gained 64.53 points, "
                        "or 1.65 percent, to close at 3,984.90.",
                        "Most Liked\n- (2nd LD) BOK keeps rate steady at 2.50 pct for 4th straight time"),
                 [o("2025-12-03", "index", K, "change", "close", 64.53),
                  o("2025-12-03", "index", K, "change_pct", "close", 1.65),
                  o("2025-12-03", "index", K, "close", "close", 3984.9)],
                 "dev8 m01 (Yonhap English): 'ECONOMY  2025-12-03 15:54' is the page's stamp after its section's name; "
                 "'BOK keeps rate steady at 2.50 pct' is the policy rate", id="section-stamp-bok"),
    pytest.param(posted("입력 2026.05.26 16:10", "[08:41] 📌 휴장 끝, 오늘 장 체크\n- 전 거래일(22일) 코스피 6088.37 마감, 외국인 3210억 순매도",
                        "[09:01] 🔔 개장\n코스피 6120.55 (+32.18, +0.53%)\n원/달러 1394.0원 출발 (-4.6원)",
                        "[10:30] ⏱ 10시 30분 현재\n코스피 6131.09 (+42.72 / +0.70%)\n수급(코스피): 외국인 +2843억 / 기관 +402억 / 개인 -3120억",
                        "[15:36] 🏁 마감 (수급은 잠정)\n코스피 6153.20 (+64.83, +1.06%)  고가 6171.44 / 저가 6109.83\n"
                        "외국인 +9510억 | 기관 +3377억 | 개인 -1조2290억"),
                 [o("2026-05-22", "index", K, "close", "close", 6088.37),
                  o("2026-05-22", "flow", "foreign", "net_buy", "close", -321e9),
                  o("2026-05-26", "index", K, "open", "open", 6120.55),
                  o("2026-05-26", "index", K, "change", "open", 32.18),
                  o("2026-05-26", "index", K, "change_pct", "open", 0.53),
                  o("2026-05-26", "fx", "USD/KRW", "open", "open", 1394.0),
                  o("2026-05-26", "fx", "USD/KRW", "change", "open", -4.6),
                  o("2026-05-26", "index", K, "level", "10:30", 6131.09),
                  o("2026-05-26", "index", K, "change", "10:30", 42.72),
                  o("2026-05-26", "index", K, "change_pct", "10:30", 0.7),
                  o("2026-05-26", "flow", "foreign", "net_buy", "10:30", 284.3e9),
                  o("2026-05-26", "flow", "institution", "net_buy", "10:30", 40.2e9),
                  o("2026-05-26", "flow", "individual", "net_buy", "10:30", -312e9),
                  o("2026-05-26", "index", K, "close", "close", 6153.2),
                  o("2026-05-26", "index", K, "change", "close", 64.83),
                  o("2026-05-26", "index", K, "change_pct", "close", 1.06),
                  o("2026-05-26", "index", K, "high", "close", 6171.44),
                  o("2026-05-26", "index", K, "low", "close", 6109.83),
                  o("2026-05-26", "flow", "foreign", "net_buy", "close", 951e9),
                  o("2026-05-26", "flow", "institution", "net_buy", "close", 337.7e9),
                  o("2026-05-26", "flow", "individual", "net_buy", "close", -1229e9)],
                 "dev6 m17 (telegram channel): an entry headed '개장' holds the open, '마감' the close; a bare '+2843억' "
                 "is won; '(+42.72 / +0.70%)' the change; '고가 N / 저가 M' the extremes; '(-4.6원)' a signed change; "
                 "the previous session's figures in an entry are that session's close, not the entry's clock",
                 id="telegram-entries"),
    pytest.param("HANYANG INVESTMENT & SECURITIES | Equity Research\nDAILY MORNING NOTE \u2014 Wednesday, May 27, 2026\n\n"
                 "- Back from the long weekend, the KOSPI rose for a second straight session. The intraday high was 6,171.44.\n\n"
                 "- Semis led: SK hynix +2.76% to KRW 1,081,000.\n\n"
                 "Top picks (unchanged): SK hynix (TP KRW 1,350,000). Key level: 6,266 (record close).\n",
                 [o("2026-05-26", "index", K, "high", "close", 6171.44),
                  o("2026-05-26", "quote", HYNIX, "change_pct", "close", 2.76),
                  o("2026-05-26", "quote", HYNIX, "price", "close", 1081000)],
                 "dev6 m18 (broker's morning note): a morning note dated without a clock reports the previous session; "
                 "a target price ('TP') and a 'key level' are no figures", id="morning-note"),
    pytest.param(posted("Updated Nov. 14, 2024 2:07 am ET",
                        "0651 GMT - South Korea's Kospi ends 0.1% higher at 2418.86. Samsung falls 1.4% to close below 50,000 "
                        "won for the first time since mid-2020.",
                        "0212 GMT - Korean stocks edge lower in morning trade. The Kospi is down 0.3% at 2409.83, with Samsung "
                        "Electronics down 1.3%."),
                 [o("2024-11-14", "index", K, "change_pct", "close", 0.1),
                  o("2024-11-14", "index", K, "close", "close", 2418.86),
                  o("2024-11-14", "quote", SAMSUNG, "change_pct", "close", -1.4),
                  o("2024-11-14", "index", K, "change_pct", "11:12", -0.3),
                  o("2024-11-14", "index", K, "level", "11:12", 2409.83),
                  o("2024-11-14", "quote", SAMSUNG, "change_pct", "11:12", -1.3)],
                 "dev6 e18 (Dow Jones Market Talk): a '0212 GMT -' entry holds Seoul's 11:12; 'Samsung' alone is "
                 "Samsung Electronics", id="market-talk-gmt-samsung"),
    pytest.param(pub("14 Nov. 2024, 17:00", "Samsung fell 700 won, or 1.38 percent, to 49,900 won, after touching 49,700 "
                     "won in the morning."),
                 [o("2024-11-14", "quote", SAMSUNG, "change_pct", "close", -1.38),
                  o("2024-11-14", "quote", SAMSUNG, "price", "close", 49900),
                  o("2024-11-14", "quote", SAMSUNG, "low", "close", 49700)],
                 "dev6 e19 (Pulse): a price a stock touched below its close is the day's low", id="quote-extreme-by-close"),
    pytest.param(posted("입력 2025.07.14 16:10", "코스피, 3200 돌파 마감…외국인 6000억 순매수",
                        "이날 외국인은 6123억원을 순매수했다."),
                 [o("2025-07-14", "flow", "foreign", "net_buy", "close", 612.3e9)],
                 "dev5 x15: a headline's '6000억' is the body's 6123억 rounded (its trailing zeros carry no digit)",
                 id="restated-trailing-zeros"),
    pytest.param("t.me/s/kstock_morning_brief\n\n[2026.08.06 07:50] 📊 어제(8/5) 국내 증시 마감 요약\n\n"
                 "▶ 코스피 6,612.40 (▲38.04, +0.58%)\n  - 장중 고점 6,631.88 / 저점 6,566.10\n"
                 "  - 외국인 +6,813억 / 기관 +2,440억 / 개인 -8,512억\n"
                 "유가증권시장 시가총액은 5천412조원으로 사상 최대를 기록했다.\n"
                 "** Of the total 928 issues traded, the number of advancing shares was 402.\n",
                 [o("2026-08-05", "index", K, "close", "close", 6612.4),
                  o("2026-08-05", "index", K, "change", "close", 38.04),
                  o("2026-08-05", "index", K, "change_pct", "close", 0.58),
                  o("2026-08-05", "index", K, "high", "close", 6631.88),
                  o("2026-08-05", "index", K, "low", "close", 6566.1),
                  o("2026-08-05", "flow", "foreign", "net_buy", "close", 681.3e9),
                  o("2026-08-05", "flow", "institution", "net_buy", "close", 244e9),
                  o("2026-08-05", "flow", "individual", "net_buy", "close", -851.2e9),
                  o("2026-08-05", "indicator", "market_cap:KOSPI", "value", "close", 5412e12),
                  o("2026-08-05", "milestone", "market_cap:KOSPI", "record_close", "close", 5412e12),
                  o("2026-08-05", "index", K, "advancers", "close", 402)],
                 "dev8 m19 (telegram), m17, m20: a channel's '[2026.08.06 07:50]' stamp dates the page (before the open: "
                 "the previous session); '고점 N / 저점 M' the extremes; '시가총액 … 사상 최대' the market value's record; "
                 "'the number of advancing shares was 402' alone", id="telegram-brief-mcap-breadth"),
    pytest.param(posted("입력 2026.10.06 09:20", "삼성전자는 0.70% 오른 21만 7천 원에 첫 거래를 시작했습니다.",
                        "▶ 코스피 6,735.10 (+22.66)\n  - 시총 5,512조"),
                 [o("2026-10-06", "quote", SAMSUNG, "change_pct", "open", 0.7),
                  o("2026-10-06", "quote", SAMSUNG, "price", "open", 217000),
                  o("2026-10-06", "index", K, "level", "intraday", 6735.1),
                  o("2026-10-06", "index", K, "change", "intraday", 22.66),
                  o("2026-10-06", "indicator", "market_cap:KOSPI", "value", "close", 5512e12)],
                 "dev3 k17 (YTN), k19: '첫 거래' is the first trade, the open; '시총' is the market's value and 5,512조 "
                 "no day's investor flow", id="ko-first-trade-sichong"),
    pytest.param(posted("입력 2026.07.16 16:10", "[수급: 유가증권시장, 억원]\n외국인 +3,250 / 기관 -1,180 / 개인 -2,310"),
                 [o("2026-07-16", "flow", "foreign", "net_buy", "close", 325e9),
                  o("2026-07-16", "flow", "institution", "net_buy", "close", -118e9),
                  o("2026-07-16", "flow", "individual", "net_buy", "close", -231e9)],
                 "dev3 k13 (broker note): a heading's unit '[수급: 유가증권시장, 억원]' scales the bare amounts of its block",
                 id="ko-unit-heading"),
    pytest.param(posted("Posted : 2024-11-14 07:30", "KOSPI tumbles to 2,410 as chip rout deepens",
                        "The KOSPI closed at 2,410.65 on Wednesday, down 2.64 percent."),
                 [o("2024-11-13", "index", K, "close", "close", 2410.65),
                  o("2024-11-13", "index", K, "change_pct", "close", -2.64)],
                 "dev6 e15, dev4 e11, dev3 k11: a headline's level cut to a whole number ('tumbles to 2,410') restates "
                 "the body's 2,410.65", id="restated-cut"),
    pytest.param(posted("입력 2025.09.22 16:10", "- 하이닉스 35만3천원 (+1.73%)"),
                 [o("2025-09-22", "quote", HYNIX, "price", "close", 353000),
                  o("2025-09-22", "quote", HYNIX, "change_pct", "close", 1.73)],
                 "dev6 m11 (Naver cafe): '하이닉스' is SK hynix", id="hynix-short"),
    pytest.param(posted("Mar 19, 2020 04:12AM ET", "At 1:10 p.m. Seoul time, the KOSPI was down 6.86%, or 109.14 points, at 1,482.06."),
                 [o("2020-03-19", "index", K, "change_pct", "13:10", -6.86),
                  o("2020-03-19", "index", K, "change", "13:10", -109.14),
                  o("2020-03-19", "index", K, "level", "13:10", 1482.06)],
                 "dev10 e04 (Investing.com): 'p.m. Seoul time' is the clock's zone, no sentence end", id="pm-seoul-time"),
    pytest.param("KBS WORLD Radio News  > Economy\nKOSPI Opens Higher after Holiday\nOn Tuesday, before the holiday, the "
                 "KOSPI had closed at 2,730.34. As of 9:20 a.m. Thursday the index was at 2,754.80, up 24.46 points.\n2024-05-16\n",
                 [o("2024-05-14", "index", K, "close", "close", 2730.34),
                  o("2024-05-16", "index", K, "level", "09:20", 2754.8),
                  o("2024-05-16", "index", K, "change", "09:20", 24.46)],
                 "dev10 e16 (KBS World): 'a.m. Thursday the index' does not end a sentence, so the clock keeps its figures",
                 id="am-weekday-one-sentence"),
    pytest.param(pub("20 Mar. 2020, 08:31", "The index has now fallen about 34 percent from its January peak of 2,267.25.",
                     "It hit its 2019 closing low of 1,909.71 on Aug. 6, 2019."),
                 [o("2019-08-06", "index", K, "close", "close", 1909.71)],
                 "dev10 e03 (Korea Times): a month's peak ('its January peak of N') is no session's level; a period's low "
                 "with its day stays a fact", id="period-peak"),
    pytest.param(posted("Mar 19, 2020 04:12AM ET", "South Korea stocks lower midday; KOSPI down 6.86%",
                        "At 1:10 p.m. Seoul time, the KOSPI was down 6.86%, or 109.14 points, at 1,482.06.",
                        "The best performers on the KOSPI were Korea Zinc, up 2.9%.",
                        "Falling stocks outnumbered advancing ones on the Korea Stock Exchange by 816 to 64 and 14 ended unchanged."),
                 [o("2020-03-19", "index", K, "change_pct", "13:10", -6.86),
                  o("2020-03-19", "index", K, "change", "13:10", -109.14),
                  o("2020-03-19", "index", K, "level", "13:10", 1482.06),
                  o("2020-03-19", "quote", "010130", "change_pct", "13:10", 2.9),
                  o("2020-03-19", "index", K, "decliners", "13:10", 816),
                  o("2020-03-19", "index", K, "advancers", "13:10", 64),
                  o("2020-03-19", "index", K, "unchanged", "13:10", 14)],
                 "dev10 e04 (Investing.com on archive.org): a page headed 'midday' is an intraday report, whenever it was "
                 "stamped, and its clock holds for what follows", id="midday-headline"),
    pytest.param("MarketScreener · Dow Jones Newswires\n05/13/2024 | 10:20pm EDT\nSouth Korean Stocks Slip in Morning Trade — Market Talk\n"
                 "0220 GMT - South Korea's Kospi is down 0.32% at 2,718.55 as of 11:20 a.m. as investors await U.S. CPI data.\n",
                 [o("2024-05-14", "index", K, "change_pct", "11:20", -0.32),
                  o("2024-05-14", "index", K, "level", "11:20", 2718.55)],
                 "dev10 e13 (MarketScreener): a slash date read one way with a zone by name ('05/13/2024 | 10:20pm EDT') is "
                 "an instant (11:20 in Seoul on the 14th), and a Market Talk page's GMT entries are Seoul's day",
                 id="market-talk-slash-edt"),
    pytest.param(pub("14 Oct. 2026, 16:00", "The Kospi rose 1.2 percent to 5,912.38, after topping 5,925.04 during the session."),
                 [o("2026-10-14", "index", K, "close", "close", 5912.38),
                  o("2026-10-14", "index", K, "change_pct", "close", 1.2),
                  o("2026-10-14", "index", K, "high", "close", 5925.04)],
                 "constructed: 'during the session' times the event of its own clause ('after topping N'), not the "
                 "close the sentence leads with; a level reached there is the day's high", id="event-before-time"),
    pytest.param(pub("14 Oct. 2026, 16:00", "The Kospi fell 1.2 percent to 2,412.38 after hitting 2,398.15 intraday."),
                 [o("2026-10-14", "index", K, "close", "close", 2412.38),
                  o("2026-10-14", "index", K, "change_pct", "close", -1.2),
                  o("2026-10-14", "index", K, "low", "close", 2398.15)],
                 "constructed: 'hitting N intraday' is the day's low when N is below the sentence's close", id="hit-intraday-low"),
    pytest.param(pub("14 Oct. 2026, 16:00", "Samsung Electronics closed at \u20a998,500, up 2.1%.",
                     "The 3Y KTB yield rose 3.2bp to 2.915%."),
                 [o("2026-10-14", "quote", SAMSUNG, "price", "close", 98500),
                  o("2026-10-14", "quote", SAMSUNG, "change_pct", "close", 2.1),
                  o("2026-10-14", "rate", "KTB3Y", "yield", "close", 2.915),
                  o("2026-10-14", "rate", "KTB3Y", "change_bp", "close", 3.2)],
                 "constructed (digests): the won sign before a price, '3Y KTB' for the three-year yield", id="won-sign-3y-ktb"),
    pytest.param("Market wrap\nOct 14, 2026 (17:30 KST)\n\nTUE OCT 13 \u2014 CLOSE\n| Index | Close | Change |\n|---|---|---|\n"
                 "| KOSPI | 5,912.38 | +12.30 (+0.21%) |\n\n| Investor | Net buy (KRW bn, net) |\n|---|---|\n"
                 "| Foreign | +412.5 |\n| Individual | -280.1 |\n",
                 [o("2026-10-13", "index", K, "close", "close", 5912.38),
                  o("2026-10-13", "index", K, "change", "close", 12.3),
                  o("2026-10-13", "index", K, "change_pct", "close", 0.21),
                  o("2026-10-14", "flow", "foreign", "net_buy", "close", 412.5e9),
                  o("2026-10-14", "flow", "individual", "net_buy", "close", -280.1e9)],
                 "constructed (a morning digest): a clock in parentheses after the date stamps the page; a table's "
                 "title line dates its rows ('TUE OCT 13'); a change cell '+12.30 (+0.21%)' holds both moves; a table "
                 "of investors a row under 'Net buy (KRW bn, net)'; the untitled table is the page's day",
                 id="digest-title-and-cells"),
    pytest.param(pub("15 Apr. 2026, 15:40", "■ 11:20 코스피는 전 거래일 대비 104.78포인트(2.01%) 하락한 5098.77에 거래되고 있다.",
                     "■ 10:15 하락폭 확대. 코스피는 72.53포인트(1.39%) 내린 5131.02.",
                     "■ 09:30 개장 30분, SK하이닉스와 삼성전자가 3% 안팎 약세다."),
                 [o("2026-04-15", "index", K, "level", "11:20", 5098.77),
                  o("2026-04-15", "index", K, "change", "11:20", -104.78),
                  o("2026-04-15", "index", K, "change_pct", "11:20", -2.01),
                  o("2026-04-15", "index", K, "level", "10:15", 5131.02),
                  o("2026-04-15", "index", K, "change", "10:15", -72.53),
                  o("2026-04-15", "index", K, "change_pct", "10:15", -1.39),
                  o("2026-04-15", "quote", HYNIX, "change_pct", "09:30", -3, approx=True),
                  o("2026-04-15", "quote", SAMSUNG, "change_pct", "09:30", -3, approx=True)],
                 "dev12 u04 (Edaily live): a bullet's clock ('■ 10:15 ...') stamps its entry; '약세' is a fall; "
                 "'A와 B가 3% 안팎 약세다' gives the one move to both", id="bullet-entries-pair-weak"),
    pytest.param(pub("15 Apr. 2026, 16:00", "상승 종목은 112개에 그쳤고 801개 종목이 내렸다."),
                 [o("2026-04-15", "index", K, "advancers", "close", 112),
                  o("2026-04-15", "index", K, "decliners", "close", 801)],
                 "dev12 u05 (MK): the second count stands before its verb ('801개 종목이 내렸다')", id="ko-breadth-count-first"),
    pytest.param(pub("16 Apr. 2026, 16:00", "Seoul's main bourse closed at 5,152.90. It opened at 5,120.02 and moved in a "
                     "narrow band for most of the afternoon."),
                 [o("2026-04-16", "index", K, "close", "close", 5152.90),
                  o("2026-04-16", "index", K, "open", "open", 5120.02)],
                 "dev12 u10 (Korea Times): 'Seoul's main bourse' is the KOSPI; 'moved in a narrow band' is no forecast",
                 id="main-bourse-narrow-band"),
    pytest.param(pub("14 Oct. 2026, 16:00", "The Kospi hit an all-time high of 6,034.51 before closing at 6,012.35."),
                 [o("2026-10-14", "index", K, "close", "close", 6012.35),
                  o("2026-10-14", "index", K, "high", "close", 6034.51),
                  o("2026-10-14", "milestone", K, "record_high", "close", 6034.51)],
                 "constructed: a level 'before closing at' a lower one is the day's high, so its record is intraday",
                 id="record-before-closing"),
    pytest.param("Daily Morning Note                                          2026. 4. 16 (목)\n\n"
                 "신한투자증권 리서치센터 | 투자전략팀\n\n전일 코스피는 2.23% 하락했다.\n",
                 [o("2026-04-15", "index", K, "change_pct", "close", -2.23)],
                 "dev12 u09 (a broker's PDF note): the date after the masthead's wide gap, with its weekday, dates the page",
                 id="masthead-date-weekday"),
    pytest.param("Kospi slips as tariff threat hits chip giants\n\nPublished: 21 Feb. 2025, 09:12\n\n"
                 "Stocks fell on Thursday as tariff threats weighed on exporters.\n\n"
                 "The Kospi fell 19.64 points, or 0.63 percent, to close at 2,654.58.\n\n"
                 "Foreigners sold a net 318.7 billion won worth of stocks.\n",
                 [o("2025-02-20", "index", K, "change", "close", -19.64),
                  o("2025-02-20", "index", K, "change_pct", "close", -0.63),
                  o("2025-02-20", "index", K, "close", "close", 2654.58),
                  o("2025-02-20", "flow", "foreign", "net_buy", "close", -318.7e9)],
                 "dev12 t04 (JoongAng, Friday 09:12 edition): a lead that names only the session before ('on Thursday') "
                 "makes a next-morning report: its undated figures are Thursday's closing ones", id="lead-names-previous-session"),
    pytest.param(pub("31 Mar. 2025, 16:00", "코스피는 76.86포인트(3.00%) 떨어진 2481.12에 마감했다. 종가 기준 2500선을 밑돈 건 "
                     "지난 1월 이후 처음이다.", "삼성전자는 1.90% 내린 5만6700원에 장을 마치며 5만6000원대로 밀렸다.",
                     "4 [마감시황] 코스피, 2557.98 마감…외인 6일 연속 '팔자' (03.28)", "· 금값, 온스당 3100달러 돌파…사상 최고"),
                 [o("2025-03-31", "index", K, "change", "close", -76.86),
                  o("2025-03-31", "index", K, "change_pct", "close", -3.0),
                  o("2025-03-31", "index", K, "close", "close", 2481.12),
                  o("2025-03-31", "quote", SAMSUNG, "change_pct", "close", -1.9),
                  o("2025-03-31", "quote", SAMSUNG, "price", "close", 56700),
                  o("2025-03-28", "index", K, "close", "close", 2557.98)],
                 "dev12 t09/t10/t03: a fall below a round level 'first since January' is no milestone; '5만6000원대' is a "
                 "range, not a price; a ranked headline dated '(03.28)' is that day's; a gold-price record is not the index's",
                 id="below-since-range-listed-headline"),
    pytest.param(pub("13 May 2025, 16:00", "■ 13일 코스피 시가총액 상위 종목 (단위: 원, %)\n종목명 | 종가 | 등락률\n"
                     "LG에너지솔루션 | 282,500 | +1.25\n셀트리온 | 161,800 | -0.61"),
                 [o("2025-05-13", "quote", LGES, "price", "close", 282500),
                  o("2025-05-13", "quote", LGES, "change_pct", "close", 1.25),
                  o("2025-05-13", "quote", CELLTRION, "price", "close", 161800),
                  o("2025-05-13", "quote", CELLTRION, "change_pct", "close", -0.61)],
                 "dev12 t07 (Hankyung): a change column headed '등락률' holds percents printed bare", id="bare-percent-column"),
    pytest.param("Won rebounds\n\nPublished: 05 Aug. 2024, 11:41\n\n"
                 "The won was trading at 1,378.6 against the dollar, down 5.8 won from Friday's 1,384.4 won, as the yen's "
                 "surge pulled other Asian currencies higher.\n\nRelated Article\n- Kospi closes at 2,676.19, down 3.65 percent\n",
                 [o("2024-08-05", "fx", "USD/KRW", "rate", "intraday", 1378.6),
                  o("2024-08-02", "fx", "USD/KRW", "rate", "close", 1384.4),
                  o("2024-08-05", "fx", "USD/KRW", "change", "intraday", -5.8)],
                 "dev12 s08 (JoongAng): 'the won ... down 5.8 won from 1,384.4' reads either way; the sentence's own rates "
                 "say the dollar cost 5.8 won less; an undated 'Related Article' headline is nobody's claim",
                 id="fx-sign-by-base-related-article"),
    pytest.param(pub("05 Aug. 2024, 17:00", "SEOUL, Aug. 5 (Yonhap) -- South Korean stocks closed 234.64 points, or 8.77 percent, "
                     "lower at 2,441.55 Monday.", "Trading on the main bourse was suspended for 20 minutes from 2:14 p.m., when the "
                     "KOSPI was down 8.1 percent at 2,459.40, the first circuit breaker since March 2020."),
                 [o("2024-08-05", "index", K, "change", "close", -234.64),
                  o("2024-08-05", "index", K, "change_pct", "close", -8.77),
                  o("2024-08-05", "index", K, "close", "close", 2441.55),
                  o("2024-08-05", "index", K, "change_pct", "14:14", -8.1),
                  o("2024-08-05", "index", K, "level", "14:14", 2459.40)],
                 "dev12 s05/s07 (Yonhap): 'N points, or M percent, lower at' signs both; a halt's clock followed by ', when the "
                 "KOSPI was ...' times that clause", id="pair-lower-halt-when"),
    pytest.param("KOSPI Ends Above 5,500 for First Time\n\nWrite: 2026-02-13 08:46:07 / Update: 2026-02-13 08:47:12\n\n"
                 "The main index climbed 167.78 points, or 3.13 percent, to settle at 5,522.27.\n",
                 [o("2026-02-12", "index", K, "change", "close", 167.78),
                  o("2026-02-12", "index", K, "change_pct", "close", 3.13),
                  o("2026-02-12", "index", K, "close", "close", 5522.27),
                  o("2026-02-12", "milestone", K, "first_close_above", "close", 5500)],
                 "dev2 r42 (KBS World): 'Write:' is a publication label; at 08:46 the page (its headline too) reports the "
                 "session before",
                 id="kbs-write-label"),
    pytest.param(pub("20 Feb. 2026, 16:00", "Samsung Electronics' preferred shares rose 1.2 percent to 135,100 won. "
                     "But Hyundai Motor slipped to 509,000 won.",
                     "The KOSPI first closed above 5,600 on Thursday. It had closed above 5,000 for the first time on Jan. 27 "
                     "and above 5,500 for the first time on Feb. 12."),
                 [o("2026-02-20", "quote", "005935", "change_pct", "close", 1.2),
                  o("2026-02-20", "quote", "005935", "price", "close", 135100),
                  o("2026-02-20", "quote", HMC, "price", "close", 509000),
                  o("2026-01-27", "milestone", K, "first_close_above", "close", 5000),
                  o("2026-02-12", "milestone", K, "first_close_above", "close", 5500),
                  o("2026-02-19", "milestone", K, "first_close_above", "close", 5600)],
                 "dev2 r49/r50 (Yonhap): the preferred shares are their own listing; a stock that 'slipped to' a price ended "
                 "there; 'for the first time on Feb. 12' dates its own threshold", id="pref-slipped-first-time-on"),
    pytest.param("Kospi extends gains\n\nPublished: 17 Sep. 2026, 10:31\n\n"
                 "The Kospi edged higher Thursday morning, building on Wednesday's historic close as foreign investors kept buying.\n\n"
                 "As of 10:15 a.m., the Kospi was trading at 5,552.40. The tech-heavy Kosdaq was up 0.45 percent at 1,129.97.\n\n"
                 "On Wednesday, the index rose 43.72 points, or 0.8 percent, to close at 5,531.08.\n\n"
                 "Doosan Enerbility slipped 1.1 percent after Wednesday's 5 percent jump.\n",
                 [o("2026-09-17", "index", K, "level", "10:15", 5552.40),
                  o("2026-09-17", "index", Q, "change_pct", "10:15", 0.45),
                  o("2026-09-17", "index", Q, "level", "10:15", 1129.97),
                  o("2026-09-16", "index", K, "change", "close", 43.72),
                  o("2026-09-16", "index", K, "change_pct", "close", 0.8),
                  o("2026-09-16", "index", K, "close", "close", 5531.08),
                  o("2026-09-17", "quote", DOOSAN, "change_pct", "10:15", -1.1),
                  o("2026-09-16", "quote", DOOSAN, "change_pct", "close", 5)],
                 "dev12 w19 (JoongAng): 'the index' after a Kosdaq sentence is the KOSPI when its level is the KOSPI's "
                 "(5,531 beside 5,552, not 1,130); 'Wednesday's 5 percent' owns the figure after it, a close, not the carried 10:15",
                 id="index-by-level-possessive-day"),
    pytest.param(pub("22 Jul. 2026, 16:00", "엔-원 재정환율은 100엔당 934.08원이었다.", "KOSDAQ 1,094.2 (-6.05pt, -0.55%)",
                     "지수는 16.15포인트(0.30%) 오른 5418.33에서 출발해 오후 한때 5461.07까지 고점을 높였다.",
                     "조회 1,204 | 댓글 12 | 공유", "코스피 사상 첫 5천500 돌파 마감"),
                 [o("2026-07-22", "index", Q, "close", "close", 1094.2),
                  o("2026-07-22", "index", Q, "change", "close", -6.05),
                  o("2026-07-22", "index", Q, "change_pct", "close", -0.55),
                  o("2026-07-22", "index", K, "open", "open", 5418.33),
                  o("2026-07-22", "index", K, "change", "open", 16.15),
                  o("2026-07-22", "index", K, "change_pct", "open", 0.3),
                  o("2026-07-22", "index", K, "high", "close", 5461.07),
                  o("2026-07-22", "milestone", K, "first_close_above", "close", 5500)],
                 "dev12 w10/w14/w15/w20: the yen-won cross rate is no dollar rate; '-6.05pt' is signed; '까지 고점을 높였다' "
                 "is the day's high; a page's view counter is no figure; '5천500' is 5,500; '돌파 마감' is a first close "
                 "above", id="cross-rate-counters-cheon"),
    pytest.param(pub("13 May 2026, 18:00", "이날 장 마감 후 최종 집계 결과 외국인은 코스피 시장에서 1조9240억원을 순매도했다.",
                     "투자주체별로는 기관이 2135억원을 팔아치우고 있다.",
                     "587개 종목이 올랐고 291개 종목이 내렸으며 62개 종목은 보합이었다.",
                     "지난 21일 기준 신용거래융자 잔고는 31조4280억원으로 집계됐다. 사상 최대 규모다. 유가증권시장이 17조2150억원이다.",
                     "코스피는 장중 5,327.15까지 올라 장중 최고치도 경신했다. 장중 고점 기록은 종전까지 지난달 27일의 5,301.44였다.",
                     "오늘 코스피가 사상 처음으로 5천500선 위에서 장을 마쳤습니다."),
                 [o("2026-05-13", "flow", "foreign", "net_buy", "close", -1924e9),
                  o("2026-05-13", "flow", "institution", "net_buy", "close", -213.5e9),
                  o("2026-05-13", "index", K, "advancers", "close", 587),
                  o("2026-05-13", "index", K, "decliners", "close", 291),
                  o("2026-05-13", "index", K, "unchanged", "close", 62),
                  o("2026-04-21", "indicator", "margin_loans", "balance", "close", 31.428e12),
                  o("2026-04-21", "milestone", "margin_loans", "record_high", "close", 31.428e12),
                  o("2026-05-13", "index", K, "high", "close", 5327.15),
                  o("2026-05-13", "milestone", K, "record_high", "close", 5327.15),
                  o("2026-04-27", "index", K, "high", "close", 5301.44),
                  o("2026-04-27", "milestone", K, "record_high", "close", 5301.44),
                  o("2026-05-13", "milestone", K, "first_close_above", "close", 5500)],
                 "dev12 w03/w05/w07/w09/w13/w20: '코스피 시장에서' is where the selling happened, not its subject; "
                 "'팔아치우고' sells; counts before their verbs; a record stated in the sentence after a balance; a "
                 "market's share of the balance is none; '고점 기록은 종전까지 DATE의 N' is the previous record; "
                 "'5천500선 위에서 장을 마쳤습니다' is a first close", id="place-breadth-margin-record-cheon-line"),
    pytest.param("Asian stocks steady; Seoul extends slide\n\nOctober 5, 2023 09:40 JST\n\n"
                 "In Seoul, the Kospi was down 0.27% at 2,399.19 as of 9:20 a.m. On Wednesday, the first session after a week-long "
                 "holiday, the Korea Composite Stock Price Index fell 59.38 points, or 2.14%, to 2,405.69. Foreign investors sold a "
                 "net 431.2 billion won of Korean shares, while the won weakened 14.6 won to 1,363.5 per dollar.\n\n"
                 "Battery makers LG Energy Solution and POSCO Holdings dropped more than 5% each on Wednesday.\n\n"
                 "READ NEXT\n- Japan's 10-year yield hits decade high of 0.8%\n",
                 [o("2023-10-05", "index", K, "change_pct", "09:20", -0.27),
                  o("2023-10-05", "index", K, "level", "09:20", 2399.19),
                  o("2023-10-04", "index", K, "change", "close", -59.38),
                  o("2023-10-04", "index", K, "change_pct", "close", -2.14),
                  o("2023-10-04", "index", K, "close", "close", 2405.69),
                  o("2023-10-04", "flow", "foreign", "net_buy", "close", -431.2e9),
                  o("2023-10-04", "fx", "USD/KRW", "change", "close", 14.6),
                  o("2023-10-04", "fx", "USD/KRW", "rate", "close", 1363.5),
                  o("2023-10-04", "quote", LGES, "change_pct", "close", -5, approx=True),
                  o("2023-10-04", "quote", "005490", "change_pct", "close", -5, approx=True)],
                 "dev12 v04 (Nikkei Asia): 'On Wednesday, ...' dates the sentences after it in its paragraph, at Wednesday's "
                 "close, not the snapshot's 9:20; a 'week-long holiday' is no span of figures; '5% each' after a pair; "
                 "'READ NEXT' heads links", id="paragraph-day-each-read-next"),
    pytest.param(pub("16 Apr. 2024, 16:30", "    For the day                 Close       Change   Pct\n"
                     "    KOSPI                     2,609.63      -60.80  -2.28\n"
                     "    Samsung Elec                80,000      -2,000  -2.44",
                     "The KOSPI volatility index, which measures the implied volatility of KOSPI options, was up 14.32% to 20.53.",
                     "Celltrion Inc (KS:068270) was down 2.96% or 5,500 points to 180,300 in late trade.",
                     " Prev. Close     2,670.43\n 52 wk Range     2,277.99 - 2,757.09\n Volume          512.34M"),
                 [o("2024-04-16", "index", K, "close", "close", 2609.63),
                  o("2024-04-16", "index", K, "change", "close", -60.80),
                  o("2024-04-16", "index", K, "change_pct", "close", -2.28),
                  o("2024-04-16", "quote", SAMSUNG, "price", "close", 80000),
                  o("2024-04-16", "quote", SAMSUNG, "change_pct", "close", -2.44),
                  o("2024-04-16", "quote", CELLTRION, "change_pct", "close", -2.96),
                  o("2024-04-16", "quote", CELLTRION, "price", "close", 180300),
                  o("2024-04-15", "index", K, "close", "close", 2670.43),
                  o("2024-04-16", "index", K, "volume", "close", 512340000)],
                 "dev12 v05/v06 (Reuters, Investing.com): a table aligned with spaces under 'For the day  Close  Change  Pct'; "
                 "the KOSPI volatility index is no KOSPI reading; 'or 5,500 points to 180,300' is a price; a data box's "
                 "'52 wk Range' is no session's, its 'Volume 512.34M' is", id="aligned-table-vkospi-data-box"),
    pytest.param("[장마감 시황] 코스피 2.1% 올라 2,648선 회복\n\n입력 2024.04.17 15:48\n\n■ 주요 지수\n"
                 "    지수명        종가        전일대비     등락률\n"
                 "    코스피      2,648.34     ▲ 54.55     +2.10%\n"
                 "    코스닥        861.92     ▲ 12.11     +1.42%\n\n■ 시가총액 상위 종목\n"
                 "    종목명        현재가      전일대비     등락률\n"
                 "    삼성전자      80,100      ▲ 1,700     +2.17%\n"
                 "    SK하이닉스   182,400      ▼ 1,300     -0.71%\n",
                 [o("2024-04-17", "index", K, "close", "close", 2648.34),
                  o("2024-04-17", "index", K, "change", "close", 54.55),
                  o("2024-04-17", "index", K, "change_pct", "close", 2.10),
                  o("2024-04-17", "index", Q, "close", "close", 861.92),
                  o("2024-04-17", "index", Q, "change", "close", 12.11),
                  o("2024-04-17", "index", Q, "change_pct", "close", 1.42),
                  o("2024-04-17", "quote", SAMSUNG, "price", "close", 80100),
                  o("2024-04-17", "quote", SAMSUNG, "change_pct", "close", 2.17),
                  o("2024-04-17", "quote", HYNIX, "price", "close", 182400),
                  o("2024-04-17", "quote", HYNIX, "change_pct", "close", -0.71)],
                 "a KRX closing data page (dev12 u12): '전일대비' heads the change in points (or won) beside '등락률'; "
                 "a '현재가' column on a closing report is the close (the report's moment decides, not the column)",
                 id="krx-data-page-aligned-korean"),
    pytest.param("'검은 월요일' 코스피 8.77% 폭락…역대 최대 낙폭\n입력 2024.08.05 16:10\n\n"
                 "5일 한국거래소에 따르면 코스피는 전 거래일 대비 234.64포인트(8.77%) 내린 2441.55에 장을 마감했다. "
                 "이날 하루 동안 유가증권시장 시가총액 192조원이 증발했다.\n",
                 [o("2024-08-05", "index", K, "change", "close", -234.64),
                  o("2024-08-05", "index", K, "change_pct", "close", -8.77),
                  o("2024-08-05", "index", K, "close", "close", 2441.55)],
                 "dev14 aug08: '폭락' is a fall (so the headline's 8.77% restates the body's); a market value that "
                 "'증발했다' is a loss, not the value", id="ko-plunge-mcap-evaporated"),
    pytest.param("Kospi rebounds 4% at open after Black Monday, buy-side sidecar triggered\nPublished: 6 Aug. 2024, 09:30\n\n"
                 "The Kospi jumped 4.01 percent, or 97.83 points, to 2,539.38 at the open on Tuesday.\n",
                 [o("2024-08-06", "index", K, "change", "open", 97.83),
                  o("2024-08-06", "index", K, "change_pct", "open", 4.01),
                  o("2024-08-06", "index", K, "open", "open", 2539.38)],
                 "dev14 aug10: 'Black Monday' is a day's nickname, no date; the headline's 4% restates the body's 4.01",
                 id="black-monday-no-date"),
    pytest.param("코스피 폭락\n입력 2024.08.05 16:10\n\n"
                 "코스피가 하루 만에 230포인트 넘게 빠지며 사상 최대 낙폭을 기록했다. 코스피는 전 거래일 대비 "
                 "234.64포인트(8.77%) 내린 2441.55에 장을 마감했다.\n",
                 [o("2024-08-05", "index", K, "change", "close", -234.64),
                  o("2024-08-05", "index", K, "change_pct", "close", -8.77),
                  o("2024-08-05", "index", K, "close", "close", 2441.55)],
                 "dev14 aug08: '사상 최대 낙폭' is the largest fall on record, no record level", id="ko-record-fall-no-record"),
    pytest.param("Seoul stocks open lower on profit-taking after record run\nPublished: 27 Feb. 2026\n\n"
                 "The KOSPI fell 56.98 points, or 0.9 percent, to 6,250.29 in the first 15 minutes of trading.\n\n"
                 "The index had jumped 3.67 percent on Thursday to a record close of 6,307.27.\n\n"
                 "In Seoul, most large caps traded lower. Samsung Electronics lost 0.69 percent and SK hynix 2.46 percent.\n",
                 [o("2026-02-27", "index", K, "change", "09:15", -56.98),
                  o("2026-02-27", "index", K, "change_pct", "09:15", -0.9),
                  o("2026-02-27", "index", K, "level", "09:15", 6250.29),
                  o("2026-02-26", "index", K, "change_pct", "close", 3.67),
                  o("2026-02-26", "index", K, "close", "close", 6307.27),
                  o("2026-02-26", "milestone", K, "record_close", "close", 6307.27),
                  o("2026-02-27", "quote", SAMSUNG, "change_pct", "09:15", -0.69),
                  o("2026-02-27", "quote", HYNIX, "change_pct", "09:15", -2.46)],
                 "dev2 r58: a headline 'stocks open lower' makes the page a report of the open, so the moves of "
                 "its later paragraphs are the report's moment, not the close", id="open-headline-report-moment"),
    pytest.param("코스피, 하락 출발…6200선 등락\n입력 2026.02.27\n\n"
                 "27일 코스피는 오전 9시 15분 현재 전 거래일보다 56.98포인트(0.90%) 내린 6250.29를 나타내고 있다.\n\n"
                 "전날 코스피는 3.67% 오른 6307.27로 사상 최고치에 마감했다.\n\n"
                 "시가총액 상위 종목 중 삼성전자가 0.69%, SK하이닉스가 2.46% 하락 중이다.\n",
                 [o("2026-02-27", "index", K, "change", "09:15", -56.98),
                  o("2026-02-27", "index", K, "change_pct", "09:15", -0.9),
                  o("2026-02-27", "index", K, "level", "09:15", 6250.29),
                  o("2026-02-26", "index", K, "change_pct", "close", 3.67),
                  o("2026-02-26", "index", K, "close", "close", 6307.27),
                  o("2026-02-26", "milestone", K, "record_close", "close", 6307.27),
                  o("2026-02-27", "quote", SAMSUNG, "change_pct", "09:15", -0.69),
                  o("2026-02-27", "quote", HYNIX, "change_pct", "09:15", -2.46)],
                 "'하락 출발' heads a report of the open; in it, the previous session's record ('전날 … 사상 최고치에 "
                 "마감') is a record close, not the report's intraday high", id="ko-open-headline-previous-record"),
    pytest.param("코스피, 이틀 연속 사상 최고치…3,344.20 마감\n입력 2025.09.11\n\n장 초반 3,344.70 '터치'\n\n"
                 "11일 코스피 종가는 3,344.20이다. 전 거래일보다 29.67포인트(0.90%) 높다.\n\n"
                 "대장주 삼성전자는 1.10% 오른 7만3,400원에 거래를 마쳤다.\n",
                 [o("2025-09-11", "index", K, "close", "close", 3344.2),
                  o("2025-09-11", "milestone", K, "record_close", "close", 3344.2),
                  o("2025-09-11", "index", K, "level", "intraday", 3344.7),
                  o("2025-09-11", "index", K, "change", "close", 29.67),
                  o("2025-09-11", "index", K, "change_pct", "close", 0.9),
                  o("2025-09-11", "quote", SAMSUNG, "change_pct", "close", 1.1),
                  o("2025-09-11", "quote", SAMSUNG, "price", "close", 73400)],
                 "dev2 r06: a subtitle of the early trade under a headline of the close ('… 마감') leaves the page a "
                 "closing report", id="ko-close-headline-early-subtitle"),
    pytest.param("제목\n입력 2025.02.03 16:42\n\n"
                 "한국거래소에 따르면 3일 코스피지수는 전 거래일(1월 31일) 종가 2517.37보다 63.42포인트(2.52%) 내린 "
                 "2453.95에 장을 마쳤다. 유가증권시장에서 오른 종목은 131개에 그쳤고 775개 종목이 내렸다. 24개 종목은 보합이었다.\n\n"
                 "코스닥도 3.4% 빠져 700선을 간신히 지켰다. 반면 한화에어로스페이스는 방산 수출 기대에 2.65% 올랐다.\n\n"
                 "[관련기사] 코스피, 관세 우려에 1%대 하락 출발…2,470대\n",
                 [o("2025-01-31", "index", K, "close", "close", 2517.37),
                  o("2025-02-03", "index", K, "change", "close", -63.42),
                  o("2025-02-03", "index", K, "change_pct", "close", -2.52),
                  o("2025-02-03", "index", K, "close", "close", 2453.95),
                  o("2025-02-03", "index", K, "advancers", "close", 131),
                  o("2025-02-03", "index", K, "decliners", "close", 775),
                  o("2025-02-03", "index", K, "unchanged", "close", 24),
                  o("2025-02-03", "index", Q, "change_pct", "close", -3.4),
                  o("2025-02-03", "quote", "012450", "change_pct", "close", 2.65)],
                 "dev15 d01: a day glossing '전 거래일(1월 31일) 종가 X보다' dates the base alone; '오른 종목은 N개' and "
                 "'N개 종목이 내렸다' are breadth, and the next sentence's 'N개 종목은 보합' the third count; '빠져' is a fall; "
                 "'수출 기대에' is the move's cause, not a result figure; '2,470대' is a band, no level; a related "
                 "headline '하락 출발' at the foot makes no report of the open", id="ko-base-day-gloss-breadth-band"),
    pytest.param("제목\n입력 2025.03.31 16:00\n\n"
                 "금요일에 2557.98로 끝났던 코스피가 오늘은 76.86포인트 빠진 2481.12로 마감했습니다.\n",
                 [o("2025-03-28", "index", K, "close", "close", 2557.98),
                  o("2025-03-31", "index", K, "change", "close", -76.86),
                  o("2025-03-31", "index", K, "close", "close", 2481.12)],
                 "dev15 d08: Korean weekdays ('금요일', '지난주 월요일') are dates, and '오늘' is the article's day",
                 id="ko-weekday-and-today"),
    pytest.param("Seoul shares sink on tariff fears\nPublished: 4 Feb. 2025, 07:30\n\n"
                 "SK hynix Inc. lost 3.06 percent to 193,100 won on Monday, extending Friday's DeepSeek-driven slide. "
                 "The KOSPI climbed to an intraday high of 2,520.11 shortly after Friday's opening bell.\n",
                 [o("2025-02-03", "quote", HYNIX, "change_pct", "close", -3.06),
                  o("2025-02-03", "quote", HYNIX, "price", "close", 193100),
                  o("2025-01-31", "index", K, "high", "close", 2520.11)],
                 "dev15 d03: a possessive day owns the noun after it ('Friday's slide'), so it dates a figure before it "
                 "only when that noun is a moment of the session ('Friday's opening bell')", id="possessive-day-owns-its-noun"),
    pytest.param('OO증권 리서치센터 | Daily Market Comment\n\n[Daily 시황] 투매 뒤 숨 고르기\n2026년 4월 13일 (월)\n\n■ 국내 증시 Review\n지난 주말 코스피는 207.77pt(-4.01%) 급락한 4,978.65pt로 마감. 장중 4,921.56pt까지 밀렸음.\n코스닥은 -4.54% 하락한 1,021.37pt로 마감.\n\n■ 주요 지표 (4/10 금 종가 기준)\n\n구분 | 종가 | 전일대비 | 등락률\nKOSPI | 4,978.65 | -207.77 | -4.01%\nKOSDAQ | 1,021.37 | -48.55 | -4.54%\n원/달러(원) | 1,468.9 | +16.5 | +1.14%\n국고채 3년(%) | 2.853 | -4.1bp | -\n다우존스 | 45,812.07 | -561.30 | -1.21%\n\n■ 업종·종목 등락 (4/10)\n\n업종/종목 | 종가 | 전일대비 | 등락률\n삼성전자 | 176,100 | -9,500 | -5.12%\n\n■ 수급·자금 동향\n· 신용융자잔고(4/9): 29조8,410억원 (전일비 -3,250억원)\n· 고객예탁금(4/9): 91조2,300억원 (전일비 +1조1,840억원)\n\n■ 해외 증시\n미 10년물 국채금리는 8bp 오른 4.52%.\n',
                 [o("2026-04-10", "index", K, "change", "close", -207.77),
                  o("2026-04-10", "index", K, "change_pct", "close", -4.01),
                  o("2026-04-10", "index", K, "close", "close", 4978.65),
                  o("2026-04-10", "index", K, "low", "close", 4921.56),
                  o("2026-04-10", "index", Q, "change_pct", "close", -4.54),
                  o("2026-04-10", "index", Q, "close", "close", 1021.37),
                  o("2026-04-10", "index", Q, "change", "close", -48.55),
                  o("2026-04-10", "fx", "USD/KRW", "rate", "close", 1468.9),
                  o("2026-04-10", "fx", "USD/KRW", "change", "close", 16.5),
                  o("2026-04-10", "rate", "KTB3Y", "yield", "close", 2.853),
                  o("2026-04-10", "rate", "KTB3Y", "change_bp", "close", -4.1),
                  o("2026-04-10", "quote", SAMSUNG, "price", "close", 176100),
                  o("2026-04-10", "quote", SAMSUNG, "change_pct", "close", -5.12),
                  o("2026-04-09", "indicator", "margin_loans", "balance", "close", 29841000000000)],
                 "dev15 e04, a broker's Monday note: '지난 주말' is the last week's Friday; '(4/10 금 종가 기준)' and "
                 "'■ … (4/10)' date the tables under them, the won's and the bond's rows included (read as the "
                 "won and a yield, their percent no metric); the undated KOSDAQ line restates the table's dated "
                 "close, so the note's undated figures are that session's; '4,921.56pt까지 밀렸음' is a low; "
                 "'(전일비 -3,250억원)' is no balance, 고객예탁금 no margin loans, '미 10년물' no KTB",
                 id="ko-broker-note-weekend-tables"),
    pytest.param("제목\n입력 2026.04.10 16:10\n\n"
                 "코스피는 207.77포인트(4.01%) 내린 4,978.65에 마감했다. 하한가 3개를 포함해 858개 종목이 내렸다. "
                 "오른 종목은 52개, 보합은 21개에 그쳤다. 반도체 업종에서는 15개 종목이 올랐다.\n",
                 [o("2026-04-10", "index", K, "change", "close", -207.77),
                  o("2026-04-10", "index", K, "change_pct", "close", -4.01),
                  o("2026-04-10", "index", K, "close", "close", 4978.65),
                  o("2026-04-10", "index", K, "decliners", "close", 858),
                  o("2026-04-10", "index", K, "advancers", "close", 52),
                  o("2026-04-10", "index", K, "unchanged", "close", 21)],
                 "dev15 e02: '하한가 3개를 포함해 858개 종목이 내렸다' is the market's count by itself; '오른 종목은 52개' "
                 "beside it (and the unchanged count) the other side; a sector's count alone is none", id="ko-breadth-one-side"),
    pytest.param("Korea Stocks Sink as Chip Rout Trips Circuit Breaker\n10 Apr 2026, 4:05 pm KST\n\n"
                 "The Kospi index closed 4% lower at 4,978.65. The Kospi is still up about 18% this year, after a "
                 "record-breaking rally that took it above 6,000 for the first time in February.\n",
                 [o("2026-04-10", "index", K, "change_pct", "close", -4.0),
                  o("2026-04-10", "index", K, "close", "close", 4978.65)],
                 "dev15 e03: 'a record-breaking rally' is a run, no record close; a first crossing 'in February' has "
                 "a month, no session: no milestone", id="record-rally-month-only"),
    pytest.param("[속보]코스피, 장중 3000선 돌파\n최초입력 2025.06.20 13:52\n\n"
                 "코스피는 이날 8.43포인트(0.28%) 오른 2986.17에 출발했다. 외국인은 4000억원 넘게 순매수하고 있다.\n\n"
                 "오후 들어서는 전 거래일보다 27.15포인트(0.91%) 오른 3004.89에서 거래되며 3000선 위로 올라섰다.\n",
                 [o("2025-06-20", "index", K, "change", "open", 8.43),
                  o("2025-06-20", "index", K, "change_pct", "open", 0.28),
                  o("2025-06-20", "index", K, "open", "open", 2986.17),
                  o("2025-06-20", "flow", "foreign", "net_buy", "intraday", 400000000000, approx=True),
                  o("2025-06-20", "index", K, "change", "intraday", 27.15),
                  o("2025-06-20", "index", K, "change_pct", "intraday", 0.91),
                  o("2025-06-20", "index", K, "level", "intraday", 3004.89)],
                 "dev15 d15: a sentence with no subject whose move is in points is the index's ('오후 들어서는 … "
                 "27.15포인트(0.91%) 오른 3004.89에서 거래되며')", id="ko-subjectless-points-move"),
    pytest.param("제목\n입력 2025.06.20 16:00\n\n"
                 "코스피는 71.87포인트(2.66%) 오른 2770.84에 장을 마쳤다. 종가 기준으로 지난해 8월 이후 10개월 만에 최고치다. "
                 "코스피가 사상 처음 3000선 위에서 장을 마친 것은 2021년 1월 7일(3031.68)이다. 종가 기준 사상 최고치는 "
                 "같은 해 7월 6일 기록한 3305.21이다.\n",
                 [o("2025-06-20", "index", K, "change", "close", 71.87),
                  o("2025-06-20", "index", K, "change_pct", "close", 2.66),
                  o("2025-06-20", "index", K, "close", "close", 2770.84),
                  o("2021-01-07", "milestone", K, "first_close_above", "close", 3000),
                  o("2021-01-07", "index", K, "close", "close", 3031.68),
                  o("2021-07-06", "index", K, "close", "close", 3305.21),
                  o("2021-07-06", "milestone", K, "record_close", "close", 3305.21)],
                 "dev15 d14/d16: '10개월 만에 최고치' is a high in a while, no record; '같은 해 7월 6일' takes the year of "
                 "the date before it; '3000선 위에서 장을 마친' is a close above", id="ko-same-year-high-in-a-while"),
    pytest.param("South Korean stocks jump on new president's stimulus hopes\nJune 4, 2025 at 12:31 PM GMT+9\n\n"
                 "* Three-year treasury yield down 3.6 bps\n\n"
                 "As of 0311 GMT, the benchmark KOSPI was up 45.09 points, or 1.67%, at 2,744.06.\n",
                 [o("2025-06-04", "rate", "KTB3Y", "change_bp", "intraday", -3.6),
                  o("2025-06-04", "index", K, "change", "12:11", 45.09),
                  o("2025-06-04", "index", K, "change_pct", "12:11", 1.67),
                  o("2025-06-04", "index", K, "level", "12:11", 2744.06)],
                 "dev15 d09: in a report written during the session an untimed yield is the report's, not the close",
                 id="intraday-report-yield"),
    pytest.param("[장마감] 코스피 -3.88%\n입력 2025.08.01 18:00\n\n"
                 "코스피는 3119.41로 마감했어요. 어제 종가가 3245.44였으니까 하루에 126.03포인트(-3.88%) 빠진 거예요. "
                 "기관은 1조1천억 넘게 던졌습니다.\n\nSK하이닉스는 5.77% 내린 25만3000원이었어요. 내 계좌는 오늘 하루 -5.2%...\n",
                 [o("2025-08-01", "index", K, "close", "close", 3119.41),
                  o("2025-07-31", "index", K, "close", "close", 3245.44),
                  o("2025-08-01", "index", K, "change", "close", -126.03),
                  o("2025-08-01", "index", K, "change_pct", "close", -3.88),
                  o("2025-08-01", "flow", "institution", "net_buy", "close", -1100000000000, approx=True),
                  o("2025-08-01", "quote", HYNIX, "change_pct", "close", -5.77),
                  o("2025-08-01", "quote", HYNIX, "price", "close", 253000)],
                 "dev15 g08: '어제' is the previous session, and '어제 종가가 X' dates the base alone (a Korean date "
                 "comes before what it dates); '1조1천억 넘게' is an amount; '내 계좌는 … -5.2%' has a subject of its "
                 "own, not the last sentence's company", id="ko-blog-yesterday-base-own-topic"),
    pytest.param("제목\n입력 2025.08.01 15:40\n\n"
                 "코스피는 전장 대비 126.03포인트(3.88%) 하락한 3,119.41에 장을 마쳤다. 4월 7일(-5.57%) 이후 최대 낙폭이다. "
                 "장중 저점은 3,114.07이었다. 정부는 증권거래세율을 0.15%에서 0.20%로 올리기로 했다. SK하이닉스는 5.77% 내렸다. "
                 "코스피는 종가 기준으로 올해 들어서도 최고치다.\n",
                 [o("2025-08-01", "index", K, "change", "close", -126.03),
                  o("2025-08-01", "index", K, "change_pct", "close", -3.88),
                  o("2025-08-01", "index", K, "close", "close", 3119.41),
                  o("2025-04-07", "index", K, "change_pct", "close", -5.57),
                  o("2025-08-01", "index", K, "low", "close", 3114.07),
                  o("2025-08-01", "quote", HYNIX, "change_pct", "close", -5.77)],
                 "dev15 g02/g06/g07: a day to measure from ('4월 7일(-5.57%) 이후') dates its own figure, not the "
                 "sentences after it; '장중 저점은' names a low; a rate set '0.15%에서 0.20%로' is no share's move; "
                 "'올해 들어서도 최고치' is a year's high, no record", id="ko-since-day-low-tax-rate-year-high"),
    pytest.param("https://biz.example.com/stock/2026/08/20/7QH3KZ2V/\n\n[마켓 브리핑] 6000 문턱서 멈춘 코스피\n\n"
                 "전날 코스피는 상승 출발했지만 외국인과 기관의 매도에 밀려 하락 마감했다. 6000선 문턱에서 차익실현 매물이 쏟아진 영향이다.\n\n"
                 "한국거래소에 따르면 코스피는 전 거래일보다 43.15포인트(0.73%) 내린 5,871.22에 마감했다.\n",
                 [o("2026-08-19", "index", K, "change", "close", -43.15),
                  o("2026-08-19", "index", K, "change_pct", "close", -0.73),
                  o("2026-08-19", "index", K, "close", "close", 5871.22)],
                 "dev15 e18 (opened to diagnose the drop the page-address dates brought): a page dated by its day "
                 "alone whose lead names the previous session as the market's ('전날 코스피는 … 하락 마감했다') is a "
                 "next-morning report: its undated figures are that session's", id="ko-next-morning-day-only-page"),
    pytest.param('제목\n입력 2025.12.12 15:50\n\n12일 코스피 지수는 전 거래일 대비 56.54p(1.38%) 오른 4167.16에 장을 마감했다. 지수는 19.18p(0.47%) 상승한 4129.80에 출발했다. 지난달 3일 세운 종가 기준 사상 최고치(4221.87)와의 격차는 54.71p로 좁혀졌다. 이날 종가는 장중 최고치이기도 했다.\n\n지난 10일 코스피는 96.03포인트(2.50%) 오른 4110.62로 마감했다. 당시 외국인이 3287억원을 순매수했고 개인은 2870억원어치를 팔고 있다.\n',
                 [o("2025-12-12", "index", K, "change", "close", 56.54),
                  o("2025-12-12", "index", K, "change_pct", "close", 1.38),
                  o("2025-12-12", "index", K, "close", "close", 4167.16),
                  o("2025-12-12", "index", K, "high", "close", 4167.16),
                  o("2025-12-12", "index", K, "change", "open", 19.18),
                  o("2025-12-12", "index", K, "change_pct", "open", 0.47),
                  o("2025-12-12", "index", K, "open", "open", 4129.8),
                  o("2025-11-03", "index", K, "close", "close", 4221.87),
                  o("2025-11-03", "milestone", K, "record_close", "close", 4221.87),
                  o("2025-12-10", "index", K, "change", "close", 96.03),
                  o("2025-12-10", "index", K, "change_pct", "close", 2.5),
                  o("2025-12-10", "index", K, "close", "close", 4110.62),
                  o("2025-12-10", "flow", "foreign", "net_buy", "close", 328700000000),
                  o("2025-12-10", "flow", "individual", "net_buy", "close", -287000000000)],
                 "dev15 g11/g12/g15: '19.18p(0.47%)' is points; '지난달 3일' is a day of the month before; '종가는 장중 "
                 "최고치이기도' makes the close the day's high; '당시' is the day the paragraph named; '팔고 있다' sells; "
                 "the gap '54.71p로 좁혀졌다' is no change", id="ko-p-points-last-month-at-that-time"),
    pytest.param("코스피, 사상 첫 4,000 돌파 마감(종합2보)\n송고시간2025-10-27 17:41\n\n"
                 "외국인 6천478억원 순매수…장중·종가 모두 사상 최고\n\n"
                 "- KOSPI200 선물: 외국인 +2,847억원\n\n"
                 "Movers: SK hynix584,000+3.36%\n",
                 [o("2025-10-27", "milestone", K, "first_close_above", "close", 4000),
                  o("2025-10-27", "flow", "foreign", "net_buy", "close", 647800000000),
                  o("2025-10-27", "quote", HYNIX, "change_pct", "close", 3.36)],
                 "dev15 g11/g16/g17: '4,000 돌파 마감' is a first close above; a time word in a headline's next claim "
                 "(after '…') is not the figure's; a flow "
                 "under 'KOSPI200 선물:' is a futures position; a name glued to its figure ('SK hynix584,000') is "
                 "still the name, not a shorter one", id="headline-claims-futures-glued-name"),
    pytest.param("계묘년 첫날 코스피 하락\n입력 2023.01.02 15:50\n\n"
                 "이날 코스피는 지난해 마지막 거래일(2236.40)보다 10.73포인트(0.48%) 내린 2225.67에 거래를 마쳤다. 새해 첫 거래일 "
                 "관례에 따라 오전 10시에 문을 연 코스피는 13.55포인트(0.61%) 오른 2249.95로 출발했다. 장중 기준 사상 최고치는 "
                 "2021년 6월 25일의 3316.08이다.\n\n관련기사\n▶ 코스피, 외국인 매도에 강보합…2465.07 마감 (2022.12.27 15:42)\n",
                 [o("2022-12-29", "index", K, "close", "close", 2236.4),
                  o("2023-01-02", "index", K, "change", "close", -10.73),
                  o("2023-01-02", "index", K, "change_pct", "close", -0.48),
                  o("2023-01-02", "index", K, "close", "close", 2225.67),
                  o("2023-01-02", "index", K, "change", "open", 13.55),
                  o("2023-01-02", "index", K, "change_pct", "open", 0.61),
                  o("2023-01-02", "index", K, "open", "open", 2249.95),
                  o("2021-06-25", "index", K, "high", "close", 3316.08),
                  o("2021-06-25", "milestone", K, "record_high", "close", 3316.08),
                  o("2022-12-27", "index", K, "close", "close", 2465.07)],
                 "dev15 h01/h07: '지난해 마지막 거래일(2236.40)보다' dates its base; a clock of the open ('오전 10시에 문을 연') "
                 "is the open; '장중 기준 사상 최고치는 DATE의 N' is a previous record; '첫 거래일' is no open; in a "
                 "headline 'A, 외국인 매도에 강보합…N 마감' the level is A's (investors have none)", id="ko-new-year-open-clock-record-ref"),
    pytest.param("연휴 끝 '검은 수요일'…코스피 2400선 턱걸이\n최종수정 2023.10.05 07:41\n\n"
                 "추석 연휴 뒤 첫 거래일인 4일 코스피는 전 거래일보다 59.38포인트(2.41%) 떨어진 2405.69에 장을 마쳤다.\n\n"
                 "유가증권시장에서 외국인은 2643억원, 기관은 4216억원어치를 순매도했다.\n",
                 [o("2023-10-04", "index", K, "change", "close", -59.38),
                  o("2023-10-04", "index", K, "change_pct", "close", -2.41),
                  o("2023-10-04", "index", K, "close", "close", 2405.69),
                  o("2023-10-04", "flow", "foreign", "net_buy", "close", -264300000000),
                  o("2023-10-04", "flow", "institution", "net_buy", "close", -421600000000)],
                 "dev15 h08: a page whose only stamp is an update before the open ('최종수정 2023.10.05 07:41') reports "
                 "the session before; so does a lead naming that day ('4일 코스피는')", id="ko-update-before-open-day-lead"),
    pytest.param('OO투자증권 리서치센터 | Daily 국내 증시 마감 코멘트\n\n[2024-01-17 15:40]\n\n■ 주요 지수 (1/17, 수)\n 구분              종가       전일대비      등락률\n KOSPI         2,435.90      -61.69      -2.47%\n K200 선물(3월)   328.05       -9.40      -2.79%\n\n■ 투자자별 순매수 (잠정, 단위: 억원)\n 구분          개인       외국인        기관\n KOSPI       +8,771      -3,786      -5,279\n KOSDAQ      +1,540        -812        -645\n\n■ 프로그램 매매 (KOSPI, 억원): 차익 -312 / 비차익 -4,120 / 합계 -4,432\n',
                 [o("2024-01-17", "index", K, "close", "close", 2435.9),
                  o("2024-01-17", "index", K, "change", "close", -61.69),
                  o("2024-01-17", "index", K, "change_pct", "close", -2.47),
                  o("2024-01-17", "flow", "individual", "net_buy", "close", 877100000000),
                  o("2024-01-17", "flow", "foreign", "net_buy", "close", -378600000000),
                  o("2024-01-17", "flow", "institution", "net_buy", "close", -527900000000)],
                 "dev15 h17: a table of investors by market, aligned with spaces, its unit in the title '(잠정, 단위: "
                 "억원)' (the KOSPI row is the flows, the KOSDAQ row none); a 'K200 선물(3월)' row and a program-trading "
                 "line '(KOSPI, 억원): 차익 -312 …' (its own unit) are no index figures", id="ko-investors-by-market-program"),
    pytest.param('South Korea stocks lower at close of trade; KOSPI down 2.47%\n\nPublished 17.01.2024, 07:10\nBy Investing.com\n\nInvesting.com – South Korea stocks were lower after the close on Wednesday, as losses in the Electrical & Electronics, Chemical and Steel & Metal sectors led shares lower.\n\nAt the close in Seoul, the KOSPI declined 2.47% to 2,435.90.\n',
                 [o("2024-01-17", "index", K, "change_pct", "close", -2.47),
                  o("2024-01-17", "index", K, "close", "close", 2435.9)],
                 "dev15 h20: a page stamped 07:10 (no zone) whose lead reports the close 'on Wednesday', the page's own "
                 "day: that clock is no Seoul time before the open, and the figures are Wednesday's", id="lead-own-day-over-early-clock"),
    pytest.param("제목\n입력 2023.11.06 16:00\n\n"
                 "6일 코스피지수는 5.66% 오른 2502.37에 장을 마쳤다. 상승 폭(134.03포인트)은 사상 최대다. 코스닥시장에서 "
                 "에코프로비엠은 상한가(29.80%)인 29만4천원에 장을 마쳤다. 엘앤에프(26.19%)도 급등했다. 듀켐바이오(12.3%)도 뛰었다.\n",
                 [o("2023-11-06", "index", K, "change_pct", "close", 5.66),
                  o("2023-11-06", "index", K, "close", "close", 2502.37),
                  o("2023-11-06", "index", K, "change", "close", 134.03),
                  o("2023-11-06", "quote", "247540", "change_pct", "close", 29.8),
                  o("2023-11-06", "quote", "247540", "price", "close", 294000),
                  o("2023-11-06", "quote", "066970", "change_pct", "close", 26.19)],
                 "dev15 h11/h13: '상승 폭(134.03포인트)은 사상 최대' is the size of a move, no record; a Korean name with "
                 "its move in parentheses ('엘앤에프(26.19%)도') is that name's, reported when unknown ('듀켐바이오'), never "
                 "the last sentence's company; 상한가 is no company", id="ko-record-size-paren-names"),
    pytest.param("ASIA MARKETS LIVE\n\nKospi slides as Middle East tensions flare\n\nSeoul, April 16, 2024\n"
                 "Last updated: 3:45 p.m. KST / 2:45 a.m. ET\n\n"
                 "9:05 a.m. KST (8:05 p.m. ET Mon.)\nThe Kospi opens at 2,636.17, down 34.26 points, or 1.28 percent.\n\n"
                 "Mon., 9:35 p.m. ET\nLosses deepen. The Kospi is at 2,614.58, down 55.85 points, or 2.09 percent.\n\n"
                 "1:40 p.m. KST\nThe Kospi hits a session low of 2,601.49. \"2,550 is the next support,\" a strategist says.\n\n"
                 "3:30 p.m. KST / 2:30 a.m. ET\nClosing bell: The Kospi ends at 2,609.63, down 60.80 points, or 2.28 percent. "
                 "The Nikkei 225 closed down 1.94 percent at 38,471.20.\n",
                 [o("2024-04-16", "index", K, "open", "open", 2636.17),
                  o("2024-04-16", "index", K, "change", "open", -34.26),
                  o("2024-04-16", "index", K, "change_pct", "open", -1.28),
                  o("2024-04-16", "index", K, "level", "10:35", 2614.58),
                  o("2024-04-16", "index", K, "change", "10:35", -55.85),
                  o("2024-04-16", "index", K, "change_pct", "10:35", -2.09),
                  o("2024-04-16", "index", K, "low", "13:40", 2601.49),
                  o("2024-04-16", "index", K, "close", "close", 2609.63),
                  o("2024-04-16", "index", K, "change", "close", -60.8),
                  o("2024-04-16", "index", K, "change_pct", "close", -2.28)],
                 "dev15 i06: a live blog's entry stamps on lines of their own, in KST with ET beside it, or in ET alone "
                 "('Mon., 9:35 p.m. ET' is Seoul's 10:35 in daylight time); 'the next support' is a forecast; the 225 "
                 "of 'Nikkei 225' is a name", id="live-blog-et-entries"),
    pytest.param("[증시] 오늘 코스피 -2.28% 실화냐\n작성일 2024.04.16 16:10\n\n"
                 "코스피 2609.63 마감, 60.80p(-2.28%) 빠짐. 환율은 장중 1400원 찍고 1394.5원에 마감. 삼전 -2.91% 80,000원 마감.\n\n"
                 "@삼전만믿는다 8만원 깨지면 손절각이었는데 다행입니다. 저는 삼전 7만5천원에 물렸어요..\n",
                 [o("2024-04-16", "index", K, "close", "close", 2609.63),
                  o("2024-04-16", "index", K, "change", "close", -60.8),
                  o("2024-04-16", "index", K, "change_pct", "close", -2.28),
                  o("2024-04-16", "fx", "USD/KRW", "rate", "close", 1394.5),
                  o("2024-04-16", "quote", SAMSUNG, "change_pct", "close", -2.91),
                  o("2024-04-16", "quote", SAMSUNG, "price", "close", 80000)],
                 "dev15 i05: '빠짐' falls; the close word right after a figure ('1394.5원에 마감') governs it over an "
                 "earlier '장중'; '삼전' is Samsung Electronics; '8만원 깨지면' is a line; '7만5천원에 물렸어요' is a "
                 "reader's own trade", id="ko-forum-nominal-verbs-own-trade"),
    pytest.param("[증시] 오늘 코스피\n작성일 2024.04.16 16:10\n\n외국인 2700억 넘게 팔았음. 기관도 7천억대 매도. "
                 "개인만 1조 가까이 받아냄\n",
                 [o("2024-04-16", "flow", "foreign", "net_buy", "close", -270000000000, approx=True),
                  o("2024-04-16", "flow", "individual", "net_buy", "close", 1000000000000, approx=True)],
                 "dev15 i05: '받아냄' (absorbed the selling) and '샀' buy; '7천억대' is a band, no amount",
                 id="ko-forum-absorbed-band"),
    pytest.param("Title\nPublished: 16 Feb. 2026, 07:00\n\n"
                 "한국거래소에 따르면 지난 13일 코스피는 설 연휴 직전 사상 최고치를 또 갈아치운 뒤 15.26포인트(0.28%) 내린 5507.01로 마감했다.\n\n"
                 "코스피는 하루 전인 12일 167.78포인트(3.13%) 급등한 5522.27로 장을 마쳤다. 13일까지 한 주간 코스피 상승률은 8.2%에 달했다.\n",
                 [o("2026-02-13", "index", K, "change", "close", -15.26),
                  o("2026-02-13", "index", K, "change_pct", "close", -0.28),
                  o("2026-02-13", "index", K, "close", "close", 5507.01),
                  o("2026-02-12", "index", K, "change", "close", 167.78),
                  o("2026-02-12", "index", K, "change_pct", "close", 3.13),
                  o("2026-02-12", "index", K, "close", "close", 5522.27)],
                 "dev2 r47: a record close below a close the article states for an earlier session is none; a week's gain "
                 "('한 주간 상승률') is no session's", id="record-below-earlier-week"),
    pytest.param(pub("12 Feb. 2026, 16:00", "지수는 70.90포인트(1.32%) 높은 5425.39에서 거래를 시작했다."),
                 [o("2026-02-12", "index", K, "open", "open", 5425.39),
                  o("2026-02-12", "index", K, "change", "open", 70.9),
                  o("2026-02-12", "index", K, "change_pct", "open", 1.32)],
                 "dev2 r41 (News1): 'N에서 거래를 시작했다' is the open", id="ko-trading-began-at"),
    pytest.param(pub("23 Feb. 2026, 16:00", "A total of 739.2 million shares changed hands, and 616 issues rose against 272 that fell.",
                     "There were 545 gainers and 346 decliners.",
                     "삼성전자는 한때 7% 넘게 뛰어 17만9600원을 찍으며 사상 처음으로 17만원선을 넘어섰다.",
                     "코스닥지수는 2.01포인트(0.17%) 내린 1151.99로 마감했다. 코스닥 거래량은 14억2309만5000주, 거래대금은 14조3534억1400만원이었다.",
                     "이날 원·달러 환율은 3.6원 내린 1443원으로 거래를 시작했다.",
                     "During the session, the index climbed above 5,580 for a fresh all-time intraday high before paring gains."),
                 [o("2026-02-23", "index", K, "volume", "close", 739.2e6),
                  o("2026-02-23", "index", K, "advancers", "close", 616),
                  o("2026-02-23", "index", K, "decliners", "close", 272),
                  o("2026-02-23", "index", K, "advancers", "close", 545),
                  o("2026-02-23", "index", K, "decliners", "close", 346),
                  o("2026-02-23", "quote", SAMSUNG, "change_pct", "close", 7, approx=True),
                  o("2026-02-23", "quote", SAMSUNG, "high", "close", 179600),
                  o("2026-02-23", "milestone", SAMSUNG, "first_above", "close", 170000),
                  o("2026-02-23", "index", Q, "change", "close", -2.01),
                  o("2026-02-23", "index", Q, "change_pct", "close", -0.17),
                  o("2026-02-23", "index", Q, "close", "close", 1151.99),
                  o("2026-02-23", "index", Q, "volume", "close", 1423095000),
                  o("2026-02-23", "index", Q, "turnover", "close", 14353414000000),
                  o("2026-02-23", "fx", "USD/KRW", "open", "open", 1443),
                  o("2026-02-23", "fx", "USD/KRW", "change", "open", -3.6),
                  o("2026-02-23", "index", K, "high", "close", 5580),
                  o("2026-02-23", "milestone", K, "record_high", "close", 5580)],
                 "dev2 r43/r44/r45/r53/r54: breadth as 'N issues rose against M' and 'N gainers and M decliners'; '한때 ... "
                 "N원을 찍으며' is the day's high; a volume or turnover named after the Kosdaq is the Kosdaq's; the won's "
                 "'거래를 시작했다' is its open; 'above 5,580 for a fresh all-time intraday high' is the day's high and record",
                 id="breadth-forms-kosdaq-volume-above-for-record"),
    pytest.param(pub("20 Feb. 2025, 16:00", "The index opened lower and touched 2,644.40 before paring some of its losses.",
                     "방산 대장주 한화에어로스페이스는 5.03% 뛴 52만2000원에 마감해 사상 처음 50만원 위에서 마감했다."),
                 [o("2025-02-20", "index", K, "low", "close", 2644.40),
                  o("2025-02-20", "quote", "012450", "change_pct", "close", 5.03),
                  o("2025-02-20", "quote", "012450", "price", "close", 522000),
                  o("2025-02-20", "milestone", "012450", "first_close_above", "close", 500000)],
                 "dev12 t03/t04: 'touched N before paring some of its losses' is the day's low; a stock's '처음 50만원 위에서 "
                 "마감' is a first close above a round price, no price", id="touched-before-paring-losses-won-line"),
]


@pytest.mark.parametrize("text,expected,why", DEV2, ids=_ids(DEV2))
def test_dev2_rows(text, expected, why):
    check(text, expected, why)


def test_no_input_repeats():
    inputs = [r.values[0] for r in ALL]
    assert len(inputs) == len(set(inputs)), [i[:80] for i in inputs if inputs.count(i) > 1]


def test_ids_are_unique():
    ids = [r.id for r in ALL]
    assert len(ids) == len(set(ids)), [i for i in ids if ids.count(i) > 1]
