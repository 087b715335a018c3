"""Example table for the outlets table (``data/outlets.csv`` through ``kospitl.outlets``): an
article's head → (publisher, credit, kind, version tag).

Where the rows came from: the mastheads, bylines and credit lines of the dev2 A/B articles (the
file named in each why), the seed and dev formats, and forms Korean and English pages print that
the corpus does not (a regional daily printing Yonhap copy under "(서울=연합뉴스)", a "/연합뉴스"
credit line, Korean wire version tags). The rules: the masthead names the publisher; a wire's
credit line, opening credit or dateline in another outlet's page makes the page a copy of the
wire; a photo credit ("[NEWS1]" after a caption, "Photo : YONHAP News", "/사진=뉴스1") credits
the photo, not the story.
"""
from __future__ import annotations

import pytest

from kospitl.articles import parse
from kospitl.outlets import KIND_PRIORS, outlet_aliases, outlets
from kospitl.witness import is_copy, source_kind, wire_of

STORY = "\n\nThe KOSPI ended the session higher as foreign investors bought chip shares.\n"


def row(text: str, publisher, credit, kind, version, why: str, id: str):  # noqa: A002
    return pytest.param(text, publisher, credit, kind, version, why, id=id)


HEADS = [
    row("뉴시스 NEWSIS\n전체메뉴 | 정치 | 경제\n경제 > 증권\n\n코스피, 장중 3317선 '터치'\n\n등록 2025.09.10 14:31:05\n\n"
        "[서울=뉴시스] 김지윤 기자 = 코스피가 10일 올랐다.", "Newsis", "Newsis", "wire", None,
        "A r01: a wire's own page; its own opening credit", "newsis-own"),
    row("한국경제 | 증권 | 마켓 | 시황\n\n코스피 3314.53 마감\n\n입력2025.09.10 16:41", "Hankyung", None, "daily", None,
        "A r02: '한국경제' masthead", "hankyung"),
    row("The Korea Herald\nHome > Business > Finance\n\nKospi closes at all-time high\n\nBy Park Ji-won\n"
        "Published : Sept. 10, 2025 - 16:05\n\nA dealer at Hana Bank on Wednesday. (Yonhap)" + STORY * 12,
        "Korea Herald", None, "daily", None,
        "A r03: a '(Yonhap)' photo credit near the top of a long page is no credit line", "koreaherald-photo-credit"),
    row("Korea JoongAng Daily\nHome > Business > Finance\n\nKospi opens higher\n\nPublished: 11 Sep. 2025, 09:21\n\n"
        "A digital board shows the Kospi. [NEWS1]", "Korea JoongAng Daily", None, "daily", None,
        "A r04: '[NEWS1]' after a caption credits the photo", "joongang-photo-news1"),
    row("KBS WORLD\nMenu Content\nGo Top\nEconomy\n\nKOSPI Sets Fresh Record Close\n\nWritten: 2025-09-11 16:52:40\n\n"
        "Photo : YONHAP News", "KBS", None, "broadcaster", None, "A r05: a broadcaster; 'Photo : YONHAP News'",
        "kbs-world"),
    row("서울경제 | 증권 > 시황\n\n코스피, 이틀 연속 사상 최고치\n\n정다은 기자 dani@sedaily.com | 2025-09-11 15:58:21",
        "Seoul Economic Daily", None, "daily", None, "A r06: 서울경제", "sedaily"),
    row("Seoul shares tumble over 2 pct\n2025-09-26 15:52\n\nSEOUL, Sept. 26 (Yonhap) -- South Korean stocks sank.",
        "Yonhap", "Yonhap", "wire", None, "A r07: Yonhap's own page, by its dateline", "yonhap-dateline"),
    row("The Korea Times\nBusiness > Markets\n\nSeoul shares tumble\n\nPosted : 2025-09-26 16:19" + STORY
        + "\nThe won closed at 1,410.0.\n(Yonhap)\n", "Korea Times", "Yonhap", "daily", None,
        "A r08: a Korea Times page ending '(Yonhap)' is a Yonhap copy", "koreatimes-yonhap-copy"),
    row("THE INVESTOR\nMarkets | Equities\n\n[Market Close] Kospi sinks\n\n- Input\n- 2025-09-26 17:12:45",
        "The Investor", None, "daily", None, "A r09: upper-case masthead", "the-investor"),
    row("뉴스1\n홈 > 경제 > 증권\n\n코스피 2%대 급락\n\n2025년 09월 26일(금) 15:47\n\n(서울=뉴스1) 윤주영 기자 = 코스피가",
        "News1", "News1", "wire", None, "A r10: News1's own page", "news1-own"),
    row("(LEAD) Seoul shares close above 3,800\n2025-10-20 16:14\n\n(ATTN: ADDS details)\n"
        "SEOUL, Oct. 20 (Yonhap) -- South Korean stocks climbed.", "Yonhap", "Yonhap", "wire", "(LEAD)",
        "A r12: a (LEAD)", "yonhap-lead"),
    row("(2nd LD) Seoul shares close above 3,800\n2025-10-20 17:36\n\nSEOUL, Oct. 20 (Yonhap) -- Stocks climbed.",
        "Yonhap", "Yonhap", "wire", "(2nd LD)", "A r13: a (2nd LD)", "yonhap-2nd-ld"),
    row("머니투데이 | 증권 > 시황\n\n코스피, 사상 첫 3800 위에서 마감\n\n기사입력 2025-10-20 16:08\n\n"
        "[머니투데이 오세린 기자] 코스피 지수가 올랐다.", "Money Today", None, "daily", None, "A r14: 머니투데이",
        "moneytoday"),
    row("Korea JoongAng Daily\n\nKospi slips at the open\n\nPublished: 28 Oct. 2025, 09:44" + STORY
        + "\nBY KIM JI-HO, YONHAP [kim.jiho@joongang.co.kr]\n", "Korea JoongAng Daily", "Yonhap", "daily", None,
        "A r16: 'BY ..., YONHAP' byline", "joongang-by-yonhap"),
    row("헤럴드경제\n오피니언 | 정치 | 경제\n증권 > 시황\n\n코스피 0.80% 내린 4010.41\n\n입력 2025.10.28 16:21\n\n"
        "[헤럴드경제=문지호 기자] 코스피가 내렸다.", "Herald Business", None, "daily", None, "A r17: 헤럴드경제",
        "heraldcorp"),
    row("MarketBrief Asia\nAI-generated daily digest · Korea\n\nKospi notches another record\n\n"
        "Updated Oct 29, 2025 · 4 min read\nThis summary was generated automatically from public market data.",
        None, None, "digest", None, "A r19: an unknown outlet that says it is an AI digest", "ai-digest"),
    row("이데일리 홈 | 증권 | 시황\n코스피, 외국인 '팔자' 폭주에 5%대 급락\n\n입력 2025.11.05 10:31 | 수정 2025.11.05 10:44",
        "Edaily", None, "daily", None, "B r24: '이데일리 홈'", "edaily"),
    row("아시아경제 > 증권 > 증시일반\n\n코스피, 외국인 2.5조 '폭탄'\n\n기사입력 2025-11-05 16:09:27", "Asia Economy", None,
        "daily", None, "B r25: 아시아경제", "asiae"),
    row("광주일보 | 경제 | 금융·증권\n\n코스피, 외국인 '매도 폭탄'\n2025년 11월 05일(수) 19:30", "Kwangju Ilbo", None,
        "daily", None, "B r26: a regional daily", "kwangju"),
    row("광주일보 | 경제\n\n코스피, 4000선 회복\n2025년 11월 05일(수) 19:30\n\n(서울=연합뉴스) 홍길동 기자 = 코스피가 올랐다.",
        "Kwangju Ilbo", "Yonhap", "daily", None, "a regional daily printing Yonhap copy", "kwangju-yonhap-copy"),
    row("Yonhap Infomax | Markets | Stocks\n\nKOSPI gives back early jump\n\nInput 2025-11-25 14:41\n\n"
        "(Seoul=Yonhap Infomax) Park Ji-won - South Korea's main board fell.", "Yonhap Infomax", None, "wire", None,
        "B r29: Infomax is its own wire, not Yonhap", "infomax"),
    row("The Korea Herald\nMenu | Search\n\nFinance > Stocks\n\nSeoul shares end higher\n\nBy Yonhap\n"
        "Published : Dec. 8, 2025 - 16:12" + STORY + "\nThe won closed higher. (Yonhap)\n", "Korea Herald", "Yonhap",
        "daily", None, "B r30: 'By Yonhap' and '(Yonhap)'", "koreaherald-by-yonhap"),
    row("Asia Business Daily\nHome > Stock > Market\n\nKOSPI Edges Down\n\nInput 2025.12.10 17:20", "Asia Economy",
        None, "daily", None, "B r33: Asia Economy's English name", "asia-business-daily"),
    row("머니투데이 | 증권 | 마켓\n\n하이닉스 투자경고\n\n2025.12.11 12:52 | 머니투데이 한지우 기자 jiwoo@mt.co.kr\n\n"
        "11일 오전 전광판에 코스피가 표시되고 있다. /사진=뉴스1", "Money Today", None, "daily", None,
        "B r34: '/사진=뉴스1' is a photo credit", "moneytoday-photo-news1"),
    row("BusinessKorea\nHome > Finance > Stocks\n\nKOSPI Reclaims 4,100\n\n- Input\n- 2025-12-22 17:05:12",
        "Business Korea", None, "daily", None, "B r38: one word", "businesskorea"),
    row("뉴데일리 경제 | 증권\n\n외인·기관 '쌍끌이'에 코스피 4130선 순항\n\n2025-12-23 09:58 | 수정 2025-12-23 10:04",
        "New Daily", None, "daily", None, "B r39: '뉴데일리 경제'", "newdaily"),
    row("Wednesday, December 24, 2025\n\nKED Global | Markets\n\nKOSPI Extends Santa Rally\n\n"
        "Input 2025-12-23 16:02", "KED Global", None, "daily", None, "B r40: KED Global, not Hankyung", "kedglobal"),
    row("코스피, 4000선 회복\n\n정지훈 기자 jhjeong@sedaily.com | 2025-10-28 16:21", "Seoul Economic Daily", None,
        "daily", None, "no masthead: the byline's e-mail domain", "by-email-domain"),
    row("코스피, 사상 첫 4000 돌파(종합2보)\n\n송고시간2025-10-27 16:40\n\n(서울=연합뉴스) 박수현 기자 = 코스피가 올랐다.",
        "Yonhap", "Yonhap", "wire", "(2nd LD)", "Yonhap Korean: (종합2보) is the 2nd LD", "yonhap-ko-2nd"),
    row("[속보] 코스피, 사상 첫 4000 돌파\n\n송고시간2025-10-27 09:05\n\n(서울=연합뉴스) 코스피가 4000을 넘었다.",
        "Yonhap", "Yonhap", "wire", "(URGENT)", "Yonhap Korean: [속보] is an (URGENT)", "yonhap-ko-urgent"),
    row("코스피, 4000선 회복\n\n입력 2025.10.28 16:21" + STORY + "\n/연합뉴스\n", None, "Yonhap", "daily", None,
        "a '/연합뉴스' credit line of its own at the end", "slash-yonhap-credit-line"),
    row("Kospi ends above 6,000\n\nThe Kospi closed above 6,000 on Wednesday.", None, None, "daily", None,
        "dev d30: nothing names an outlet", "no-outlet"),
]


@pytest.mark.parametrize("text,publisher,credit,kind,version,why", HEADS)
def test_head_outlet(text, publisher, credit, kind, version, why):
    art = parse(text + STORY, "inbox/page.txt")
    assert (art.publisher, art.credit, source_kind(art), art.version_tag) == (publisher, credit, kind, version), why


def test_copies_and_witnesses():
    copy = parse(HEADS[7].values[0] + STORY, "copy.txt")
    own = parse(HEADS[6].values[0] + STORY, "own.txt")
    assert (wire_of(copy), is_copy(copy.publisher, copy.credit)) == ("Yonhap", True)
    assert (wire_of(own), is_copy(own.publisher, own.credit)) == ("Yonhap", False)


ALIASES = [
    pytest.param("연합뉴스", {"Yonhap", "YNA", "연합뉴스"}, id="yonhap-ko"),
    pytest.param("yna", {"Yonhap", "연합뉴스"}, id="yna-lower"),
    pytest.param("NEWSIS", {"Newsis", "뉴시스"}, id="newsis-upper"),
    pytest.param("한경", {"Hankyung", "한국경제"}, id="hankyung-short"),
    pytest.param("sedaily", {"Seoul Economic Daily", "서울경제"}, id="sedaily"),
    pytest.param("Herald Business", {"헤럴드경제", "Heraldcorp"}, id="heraldcorp"),
    pytest.param("asiae", {"아시아경제", "Asia Economy", "Asia Business Daily"}, id="asiae"),
]


@pytest.mark.parametrize("name,some", ALIASES)
def test_outlet_aliases(name, some):
    assert some <= outlet_aliases(name)


def test_unknown_outlet_is_only_itself():
    assert outlet_aliases("Gazette of Nowhere") == {"Gazette of Nowhere"}


def test_table_is_consistent():
    seen: dict[str, str] = {}
    for o in outlets():
        for name in {a.casefold() for a in o.aliases + o.credits}:
            assert seen.setdefault(name, o.name) == o.name, f"{name!r} names {seen[name]} and {o.name}"
    assert {o.kind for o in outlets()} <= set(KIND_PRIORS)


def test_no_head_repeats():
    heads = [r.values[0] for r in HEADS]
    assert len(heads) == len(set(heads))
