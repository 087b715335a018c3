"""The words of market news, as data: who a figure is about, what kind of figure it is,
which way it points, and what makes it noise. The extractor (``kospitl.extraction``) only
combines these tables; to teach kospitl new wording, add a row here.

Patterns are made with ``gated`` rather than ``re.compile``: each skips, cheaply, a sentence
that lacks every string its matches must hold, which ``kospitl.gate`` reads from the pattern
itself. A new row needs nothing more.
"""
from __future__ import annotations

import re

from kospitl.gate import Gated, Table, gated
from kospitl.numbers import NUM

I = re.I

# ---- entities: what a figure is about -------------------------------------------------------
# (entity type, subject, pattern). Types: index, index_ref (the index in context), investor,
# won / dollar (fx, the sign of a move depends on which), bond, margin, lending, mcap, noise.
ENTITY_PATTERNS: tuple[tuple[str, str, Gated], ...] = (
    # the volatility index is no KOSPI reading: "The KOSPI volatility index ... was up 14.32% to 20.53"
    ("noise", "", gated(r"\b(?:KOSPI|Kospi) (?:200 )?(?:volatility|VIX)(?: index)?\b|\bV-?KOSPI\b|변동성\s?지수|\b(?:KOSPI|Kospi)(?:\s?200)? (?:index )?options\b", I)),
    # the market named as the place of a trade, not as what a figure is about: "외국인은 코스피 시장에서 1조9240억원을 순매도"
    ("place", "", gated(r"코스피\s?시장에서|유가증권\s?시장에서|\bon the (?:Kospi|KOSPI|main) (?:market|board)\b")),
    ("noise", "", gated(r"\b(?:BOK|Bank of Korea|central bank)\s+(?:keeps|kept|holds|held|raises|raised|cuts|cut|lowers|lowered|freezes|froze)\b|(?<!companies )(?<!stocks )(?<!shares )\blisted on the (?:Kosdaq|KOSDAQ|KOSPI|Kospi|main board|main bourse|secondary board)\b|KOSPI\s?200\s?(?:futures|fut\.|선물)|futures (?:on|for) (?:the )?KOSPI\s?200|코스피200\s?(?:야간)?선물|\bK200\s?선물|선물\s?\(\d{1,2}월\)|야간선물|선물시장|프로그램\s?(?:매매|순매수|순매도|매수|매도)|\bprogram (?:trading|selling|buying)\b|비차익|차익\s?(?:거래|매매)|\bfutures\b|\btariffs?\b|관세|\blevy\b|\btax(?:es)?\b|\bduties\b|\bduty\b|anti-dumping|"
                             r"\b(?:1|2|20|30|50|one|two|twenty|thirty|fifty)[-\s](?:year|yr)\b|"
                             r"(?:U\.S\.|US|American|미국)\s+(?:\d+[-\s]year\s+)?(?:Treasury|treasury|bond|국채)|미(?:국)?\s*\d+년물|United States|"
                             r"(?:고객|투자자|증시)\s?예탁금|(?:증권)?거래세율?|세율|양도(?:소득)?세|"
                             r"\b(?:Nvidia|Apple|Tesla|Micron(?: Technology)?|Microsoft|Amazon|Alphabet|Meta Platforms|Broadcom|TSMC|Intel|AMD)\b(?!\s+Korea)|엔비디아|애플|테슬라|마이크론|마이크로소프트|아마존|브로드컴|인텔|"
                             r"(?:S&P\s?500|Nasdaq|Nikkei|Dow Jones|TAIEX|Hang Seng|ASX|Stoxx|DAX|닛케이|나스닥|다우(?:존스)?|필라델피아 반도체|항셍|상하이종합|대만 가권)(?:\s*(?:지수|[Ii]ndex|Composite|225|Industrial Average)){0,2}", I)),
    ("mcap", "market_cap:KOSPI", gated(
        r"(?:(?:total|combined|overall) )?market (?:capitali[sz]ation|cap|value) of (?:all (?:companies|stocks) listed on )?(?:the )?(?:Kospi|KOSPI|main board|main bourse|main market)"
        r"|(?:the )?(?:Kospi|KOSPI)(?:'s|\u2019s)? (?:total |combined )?market (?:capitali[sz]ation|cap|value)"
        r"|(?:the )?(?:total|combined) (?:market (?:capitali[sz]ation|cap|value)|value of (?:Kospi|KOSPI)-listed (?:shares|stocks|companies))(?: of (?:all (?:companies|stocks) listed on )?(?:the )?(?:Kospi|KOSPI|main board|main bourse|main market))?"
        r"|코스피 시가총액|유가증권시장 시가총액|시가총액(?:은|도)|시총", I)),
    ("stock_mcap", "", gated(r"\b(?:its|the company's|the stock's) market (?:capitali[sz]ation|cap|value)|(?:'s|\u2019s) market (?:capitali[sz]ation|cap|value)", I)),
    ("margin", "margin_loans", gated(r"margin (?:loan|lending|debt|trading)(?:s)?(?: balances?)?|신용거래융자(?: 잔고)?|신용융자(?: 잔고)?", I)),
    ("lending", "stock_lending", gated(r"stock lending balances?|lending balances?|대차거래 잔고|대차잔고", I)),
    ("bond", "KTB3Y", gated(r"(?<!U\.S\. )(?<!US )(?<![\d-])\b(?:three|3)[-\s\u2011](?:year|yr)\b(?: (?:Korea )?(?:Treasury|government|treasury|state))?(?: bonds?| notes?)?(?: yields?)?(?! U\.?S\.?)|\bKTB\s?3Y\b|\b3Y\s?KTBs?\b|3년\s?만기 국고채|국고(?:채)?\s?3년(?:물)?|(?<![\d.])(?<!\d\s)3년물", I)),
    ("bond", "KTB5Y", gated(r"(?<!U\.S\. )(?<!US )(?<![\d-])\b(?:five|5)[-\s\u2011](?:year|yr)\b(?: (?:Korea )?(?:Treasury|government|treasury|state))?(?: bonds?| notes?)?(?: yields?)?(?! U\.?S\.?)|\bKTB\s?5Y\b|\b5Y\s?KTBs?\b|5년\s?만기 국고채|국고(?:채)?\s?5년(?:물)?|(?<![\d.])(?<!\d\s)5년물", I)),
    ("bond", "KTB10Y", gated(r"(?<!U\.S\. )(?<!US )\b(?:ten|10)[-\s\u2011](?:year|yr)\b(?: (?:Korea )?(?:Treasury|government|treasury|state))?(?: bonds?| notes?)?(?: yields?)?(?! U\.?S\.?)|\bKTB\s?10Y\b|\b10Y\s?KTBs?\b|10년\s?만기 국고채|국고(?:채)?\s?10년(?:물)?|(?<![\d.])(?<!\d\s)10년물", I)),
    ("index", "KOSDAQ", gated(r"\bKOSDAQ\b|\bKosdaq\b|코스닥(?:\s?지수)?|\bthe secondary (?:bourse|market|index|board)\b|\bthe tech-heavy (?:market|index|bourse|board)\b", I)),
    ("index", "KOSPI200", gated(r"\bKOSPI\s?200\b(?!\s?(?:futures|fut\.|(?:야간\s?)?선물))|코스피200(?!\s?(?:야간)?선물)", I)),
    ("index", "KOSPI", gated(r"\bKOSPI\b(?!\s?200)(?!-listed)|Korea Composite Stock Price Index|코스피(?!\s?200)(?:\s?지수)?|(?:South )?Korean (?:stocks|shares|equities)|Seoul(?:'s)? (?:stocks|shares)|\b(?:S\.|South) Korea(?:'s|\u2019s)? (?:main |benchmark |key )?(?:stock |share )?(?:index|market)\b", I)),
    # a cross rate quoted in won is no dollar rate: "엔-원 재정환율은 100엔당 934.08원", "the yen-won rate"
    ("noise", "", gated(r"엔[-·/]?원|원[-·/]엔|100엔당|위안[-·/]?원|원[-·/]위안|유로[-·/]?원|\b(?:yen|yuan|euro)[-/ ]won\b|\bper 100 yen\b", I)),
    ("noise", "", gated(r"\b(?:trading value|turnover) of short (?:sales|selling)\b|\bshort[- ]sell(?:ing)? (?:trading value|turnover)\b|공매도 거래대금", I)),
    ("turnover", "KOSPI", gated(r"\bturnover\b|\btrading value\b|\bvalue traded\b|거래대금", I)),
    ("volume", "KOSPI", gated(r"\b(?:trading|trade) volume\b|\bvolume\b|거래량", I)),
    ("index_ref", "", gated(r"\bthe (?:(?:main|Korean|Seoul|local) )?bourse\b|\b(?:Seoul|Korea)(?:'s|\u2019s) (?:main |benchmark |key )?(?:bourse|board|(?:stock |share )?index)\b|\bthe (?:country|nation)(?:'s|\u2019s) (?:main |benchmark |key )(?:stock |share )?(?:index|gauge)\b|\bthe (?:benchmark )?(?:gauge|barometer|measure)\b|\bthe (?:benchmark|main|key)(?: (?:stock|share))?(?: index| indicator| gauge)?\b(?! (?:buyers?|sellers?|drivers?|reasons?|culprits?|factors?|winners?|losers?|beneficiar))|\bthe index\b|\bbenchmark index\b|(?<![가-힣])지수", I)),
    ("investor", "foreign", gated(r"\bForeign(?:ers)?(?=\s*:?\s*[+\-\u2212▲▼]\s*\d)|\b(?:foreign|offshore|overseas) investors?\b|\bforeigners\b|\bforeign(?= (?:and|or) (?:institutional|individual|retail))|\bforeign (?=(?:net )?(?:selling|buying|purchases|sales|outflows|inflows|money|funds))|외국인", I)),
    ("investor", "institution", gated(r"\bInstitution(?:s|al)?(?=\s*:?\s*[+\-\u2212▲▼]\s*\d)|\binstitutional investors?\b|\binstitutions\b|\binstitutional(?= (?:and|or) (?:foreign|individual|retail))|\binstitutional (?=(?:net )?(?:selling|buying|purchases|sales|outflows|inflows|money|funds))|기관(?:투자자)?", I)),
    ("investor", "individual", gated(r"\b(?:Retail|Individuals?)(?=\s*:?\s*[+\-\u2212▲▼]\s*\d)|\b(?:individual|retail) investors?\b|\bindividuals\b|\bretail(?= (?:and|or) (?:foreign|institutional))|\bretail (?=(?:net )?(?:selling|buying|purchases|sales|outflows|inflows|money|funds))|\bretail buyers\b|개인(?:투자자)?", I)),
    ("dollar", "USD/KRW", gated(r"(?<!against )(?<!per )(?<!to )(?<!versus )(?<!against the U\.S\. )\bthe (?:U\.S\. |US )?(?:dollar|greenback)\b(?! index)", I)),
    ("dollar", "USD/KRW", gated(r"\b(?:the )?(?:won-dollar|dollar-won|won/dollar|won-to-dollar) (?:exchange )?rate\b|\bUSD/KRW\b|\bthe exchange rate\b|원·달러 환율|원/달러 환율|원·달러|원/달러|환율", I)),
    ("won", "USD/KRW", gated(r"\bthe (?:Korean |South Korean |local )?(?:won|currency)\b|\bthe local currency\b|\bKorean currency\b", I)),
    ("noise", "", gated(
        r"Wall Street|New York|\bDow\b|Dow Jones|Nasdaq|S&P\s?500|Nikkei|TAIEX|Hang Seng|Shanghai|Tokyo|Taiwan|"
        r"\bJapan(?:'s|ese)?\b|\bChina\b|Chinese|Australia|Cboe|Volatility Index|\bVIX\b|\bthe yen\b|\byen\b|"
        r"dollar index|Federal Reserve|\bthe Fed\b|\bFed\b|policy rate|Micron|Nvidia|Tesla|BYD|exports|inflation|"
        r"consumer price|Morgan Stanley|Nomura|Goldman|target price|sidecar|\bsectors?\b|By sector|"
        r"칠레|콜롬비아|G20|OECD|뉴욕|나스닥|다우|닛케이|일본|중국|업종별?|KRX\s?300|KRX\s?100", I)),
)
ENTITY_TABLE = Table(ENTITY_PATTERNS)



# ---- figures: numbers with their units ------------------------------------------------------
# every group ends in a unit, so a run of digits can be split only one way (no backtracking blow-up)
KO_GROUP = r"\d[\d,]*(?:\.\d+)?\s*(?:[천백십]\s*[조억만]?|[조억만])\s*"
# from a number's first digit, and not the exponent of a number in exponent form ("1e308억원" is
# no 308억원, nor 08억원; see numbers.NUM)
KO_AMOUNT = rf"(?<!\d)(?<![\d.][eE])(?<![\d.][eE][-+\u2212])(?:(?:{KO_GROUP})+(?:\d[\d,]*(?:\.\d+)?)?|\d[\d,]*(?:\.\d+)?)"
SCALE = r"(?:million|billion|trillion|bn|tn|mln|mn|bln|trln|trn)"  # Reuters/broker abbreviations too
FIGURE_PATTERNS: tuple[tuple[str, Gated], ...] = (
    ("usd", gated(rf"(?:US\s?\$|\$|USD\s?)\s?{NUM}(?:\s*{SCALE})?", I)),
    ("won", gated(rf"(?P<n>{KO_AMOUNT})\s*원\s*(?P<jeon>\d{{1,2}})\s*전(?![자기쟁후])")),  # "1,472원 90전": 1,472.90 won
    ("won", gated(rf"(?P<sign>(?<![\w.])[-\u2212+])?(?P<n>{KO_AMOUNT})\s*원(?!대)")),  # "1440원대": a range, not a rate; "(-4.6원)"
    ("won", gated(rf"(?:\bKRW|[\u20a9\uffe6])\s?(?P<n>{NUM})(?:\s*(?P<scale>{SCALE}))?", I)),
    ("pctpt", gated(rf"(?P<sign>[-\u2212+])?(?P<n>{NUM})\s*(?:%p\b|%포인트|퍼센트포인트)")),
    ("pt", gated(rf"(?P<n>{NUM})\s*포인트")),
    ("threshold", gated(r"(?<![\d.,])(?P<n>\d{1,2}\s?천\s?\d{1,3})\s*선(?=\W|$|[을를에위이도])")),  # "5천500선"
    ("threshold", gated(rf"(?P<n>{NUM})\s*선(?=\W|$|[을를에위이도])")),
    ("pp", gated(rf"{NUM}\s*percentage points?", I)),
    ("pct", gated(rf"(?P<sign>[-\u2212+▲▼△▽])?(?P<n>{NUM})\s*(?:percent\b|per cent\b|pct\b|%)(?!대)", I)),  # "2%대": a range
    ("bp", gated(rf"(?P<sign>(?<![\w.])[-\u2212+])?(?P<n>{NUM})\s*(?:basis points?|bps?\b)", I)),
    ("won", gated(rf"(?P<sign>[-\u2212+])?(?P<n>{NUM})\s*(?P<scale>{SCALE})?(?:\s*-|\s+)?won\b", I)),
    ("shares", gated(rf"(?P<n>{NUM})\s*(?P<scale>thousand|{SCALE})?\s+shares\b", I)),
    ("shares", gated(rf"(?P<n>{KO_AMOUNT})\s*주(?![가식당요])")),
    ("threshold", gated(rf"(?P<n>{NUM})[-\s\u2011]points?\s+(?:mark|level|line|threshold|barrier|milestone)", I)),
    ("pt", gated(rf"(?P<sign>(?<![\w.])[-\u2212+])?(?P<n>{NUM})[-\s]?(?:points?|pts?)\b", I)),  # "(-6.05pt, -0.55%)"
    ("pt", gated(rf"(?P<sign>(?<![\w.])[-\u2212+])(?P<n>{NUM})p\b")),  # a digest's "(+65.69p, +0.87%)"
    ("pt", gated(rf"(?<![\w.])(?P<n>{NUM})p(?=\s*\(\s*[-+\u2212]?[\d.]+\s*%)")),  # "19.18p(0.47%) 상승한": points before their percent
    ("amount", gated(rf"(?P<sign>(?<![\w.])[-\u2212+])?(?P<n>{NUM})\s*(?P<scale>{SCALE})\b", I)),
    # a bare Korean amount in 억/조 is won ("외국인 +2843억 / 기관 +402억 / 개인 -1조2290억", "1조1천억 넘게"): a channel's or a table's shorthand
    ("won", gated(r"(?P<sign>(?<![\w.])[-\u2212+])?(?<![\d.,])(?P<n>(?:\d[\d,]*(?:\.\d+)?\s*조\s*)?\d[\d,]*(?:\s*천(?:\s*\d{1,3})?)?\s*억|\d[\d,]*(?:\.\d+)?\s*조)(?!\s*(?:원|주|달러|엔|위안|[조억만천백]|\d))")),
    ("num", gated(r"(?<![\d.,])(?P<n>\d{1,2}\s?천\s?\d{1,3}(?:\.\d+)?)(?![\d,]|\.\d|\s?[조억만원주])")),  # "5천500 돌파": 5,500, a broadcast's way
    ("num", gated(rf"(?P<sign>(?<![\w.])[-\u2212+▲▼△▽])?(?P<n>{NUM})(?:\s*(?P<ko>[조억만])(?!원))?")),
)
FIGURE_TABLE = Table(FIGURE_PATTERNS)
# a block's heading that names its currency ("■ KOSPI investor flows (Yesterday, KRW)", "Net buying,
# KRW bn:"): the scaled amounts printed bare under it ("Foreign  +1,394.5bn") are won
# a Korean heading's unit for the bare amounts under it: "[수급: 유가증권시장, 억원]", "(단위: 억원)"
KO_UNIT_BLOCK = gated(r"[\[(](?:[^\])]*[,:·]\s*)?(?P<u>억원|조원|십억원|백만원)\s*[\])]")
WON_BLOCK = gated(r"^[^\d]{0,60}(?:\(|,\s*|\bin\s+)(?:[\w\s,]*\s)?(?:KRW|won)(?:\s*(?:bn|tn|billion|trillion))?\s*\)?\s*:?\s*$", I)
# things that look like numbers but are not figures: those that open with the number (written
# to open with a digit, "(?<!\w\d)" standing for "\b" before it, so the engine skips to the
# digits) and those that open with a word ("No. 3", "top 10", "G20", "Q3")
NOT_FIGURES = (
    gated(r"\d(?:\d*(?=개월)|(?<![\w.,]\d)(?:\d*(?:st|nd|rd|th)\b|\d*[-\u2011](?:day|session|week|month|year|minute|hour|member|stock)s?\b|"
          r"(?<=1)9\d\d\b(?![,.]\d)|(?<=2)0\d\d\b(?![,.]\d)|\d*\s?(?:MW|GW|tons?|km|kg)\b|\d*(?:년|월|분기)|"
          r"\d* (?:sessions?|days?|years?|months?|weeks?|minutes|hours|times)\b|\d*Q\b))", I),
    gated(r"(?<![\d,.])\d(?:[\d,.]|\s?[조억만천])*\s*원대"),  # "5만6000원대로 밀렸다": a range of prices, no price
    gated(r"(?:조회수?|댓글|추천|공감|좋아요|\b(?:Views?|Comments?|Likes?))\s*:?\s*\d[\d,]*", I),  # a page's counters: "조회 1,204 | 댓글 12"
    gated(r"(?<=\btotal )\d[\d,]*(?= (?:traded |listed )?(?:issues|stocks|shares|companies)\b)", I),  # "Of the total 931 traded issues"
    gated(r"^\d{4}(?=\s+(?:ET|EDT|EST|GMT|UTC|KST)\b)"),  # a wire entry's stamp: "0319 ET - South Korea's Kospi closes ..."
    gated(r"(?<=\()(?:(?:KRX|KS|KQ|KOSPI|KOSDAQ|KSE)\s*:\s*)?\d{6}(?:\.K[SQ])?(?=\))", I),  # a code: "(KS:002320)"
    gated(r"\[\d+\]|\b(?=[a-z]++\.?\s?\d)(?:No\.\s?\d+|top \d+\b|G\d+\b|CES \d+|Q\d\b|[A-Z]+\d+\b)", I),
    # the number in an index's name: "The Nikkei 225 closed down 1.94 percent", "S&P 500", "닛케이225"
    gated(r"(?<=\bNikkei )225\b|(?<=\bNikkei)225\b|(?<=닛케이)\s?225|(?<=\bS&P )500\b|(?<=\bS&P)500\b|(?<=\bNasdaq )100\b|"
          r"(?<=\bFTSE )100\b|(?<=\bStoxx )600\b|(?<=\bRussell )2000\b|(?<=\bCAC )40\b|(?<=\bASX )200\b|(?<=\bKOSDAQ )150\b", I),
)
HEDGES = gated(r"(?:\b(?:about|around|roughly|nearly|almost|approximately|some|over|more than|less than|just under|just over|upwards of|close to|near|hovering around|an estimated)\s+(?:the\s+)?$|약\s*$)", I)
HEDGES_AFTER = gated(r"^\s*(?:가량|여|안팎|넘게|이상|가까이|남짓|or so|or more)")

# ---- direction words -----------------------------------------------------------------------
UP = gated(r"[▲△↑]|\b(?:rose|rise[sn]?|rising|up|gain(?:ed|s|ing)?|climb(?:ed|s|ing)?|jump(?:ed|s|ing)?|surg(?:ed|es|ing|e)|soar(?:ed|s|ing)?|advanc(?:ed|es|ing)|add(?:ed|ing|s)|spik(?:ed|es)|rall(?:ied|ies|y)|increas(?:ed|es)|higher|stronger|gr[eo]w(?:n|s)?|edg(?:ed|es) up|inch(?:ed|es) up|rebound(?:ed|s)?|bounc(?:ed|es)|leapt|leaped|vault(?:ed|s)|skyrocket(?:ed|s)|tack(?:ed|s) on|extend(?:ed|s|ing) (?:its |their )?gains|went up|gain of|jump of|rise of)\b|오른|올라|오르(?:고|며|는|면서)|상승|급등|폭등|치솟|뛴|뛰어|올랐|강세", I)
DOWN = gated(r"[▼▽↓]|\boff(?=\s*$|\s+\d)|\b(?:is off|was off|fell|fall(?:s|ing|en)?|down|lost|los(?:ing|es)|dropp?(?:ed|s|ing)?|declin(?:ed|es|ing)|slid(?:e|es|ing)?|slipp?(?:ed|s|ing)?|sank|sink(?:s|ing)?|tumbl(?:ed|es|ing)|plung(?:ed|es|ing|e)|retreat(?:ed|s|ing)?|dipp?(?:ed|s|ing)?|div(?:ed|es|ing)|nosedived?|plummet(?:ed|s|ing)?|tank(?:ed|s)|crash(?:ed|es)|sagg?(?:ed|s|ing)|skidd?(?:ed|s)|decreas(?:ed|es)|lower|shed(?:s|ding)?|edg(?:ed|es) down|eas(?:ed|es|ing)|slump(?:ed|s)?|gave up|giv(?:en|ing) up|g(?:i|a)ve back|weaker|weaken(?:ed|s|ing)?|loss of|drop of|fall of|decline of)\b|내린|내려|내리(?:고|며|는|면서)|하락|급락|떨어|밀린|밀려|밀렸|내렸|빠졌|빠지며|빠지면서|빠지고|빠진|빠져|빠짐|하락함|떨어짐|약세|폭락|추락|곤두박질", I)
# a move printed in apposition to the level before it: "3,440.39, 30.72 points or", "opened at 2,453.95,
# down", "1,419.0 per dollar,": it holds when the level does
APPOSITION = gated(r"(?:\s*(?:won\s+)?(?:per|against the|to the)\s+(?:U\.S\.\s+)?dollar)?[\s,(]*(?:or\s+)?(?:(?:up|down)\s+)?[\s,(]*", I)
# "지난달 30일 주간 종가보다 22.30원 내린": the close named as the base of the move
KO_COMPARED_WITH = gated(r"\s*(?:\([^)]{0,15}\))?\s*(?:보다|대비|에 비해)")
COMPARED_WITH = gated(r"\b(?:from|than|over|against|versus|vs\.?)\s+(?:the\s+)?(?:[\w'\u2019.-]+\s+){0,3}$", I)
FUTURES = gated(r"\bfutures\b|선물", I)
UNCHANGED = gated(r"\b(?:closed|ended|finished) (?:flat|unchanged)\b|\bunchanged\b|보합", I)
BUY = gated(r"사들(?:였|이|인)|매수\s?(?:했|우위|함)|샀|받아(?:냈|내|냄)|\b(?:bought|buy(?:s|ing)?|purchas(?:ed|es|ing|e)|net buyers?|net[- ]bought|scoop(?:ed|s|ing) up|snapp?(?:ed|ing|s) up|snatch(?:ed|ing) up|hoover(?:ed|ing) up|pour(?:ed|ing) in|pick(?:ed|ing|s) up|add(?:ed|ing)|inflows?|acquired|net purchases?)\b|순매수|사자", I)
SELL = gated(r"팔아(?:치웠|치운|치우|치워)|내다 ?팔|팔았|팔고 있|팔며|던졌|던지(?:며|고)|매도\s?(?:했|우위)|\b(?:sold|sell(?:s|ing)?|offload(?:ed|ing|s)?|unload(?:ed|ing|s)?|dump(?:ed|ing|s)?|shed(?:ding|s)?|pull(?:ed|ing) out|withdr[ae]w|net sellers?|net[- ]sold|outflows?|sales|profit[- ]taking|cash(?:ed|ing) (?:in|out))\b|순매도|팔자", I)
# a figure named as another day's: "its record close of 241,000 won on July 10", "the previous high of"
OTHER_DAY_NOUN = gated(r"\b(?:(?:its|their|the)\s+(?:(?:previous|prior|former|old)\s+)?(?:record|all-time)|(?:previous|prior|former|old)(?:\s+(?:record|all-time))?)"
                       r"\s+(?:closing\s+)?(?:close|high|low|peak|level|finish)\s+(?:of|at)\s+$", I)  # not "a fresh record high of"
SET_IN_MONTH = gated(r"\s*(?:won\s+)?(?:(?:that\s+)?it\s+|which\s+it\s+)?(?:reached|set|hit|posted|recorded|touched|marked)\s+(?:back\s+)?in\s+"
                     r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December|early|mid|late)\s+)?(?:19|20)\d\d\b", I)
# a level of a month or a year, no session's: "from its January peak of 2,267.25" (unless a day follows it)
PERIOD_PEAK = gated(r"\b(?:its|the)\s+(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:19|20)\d\d)\s+"
                    r"(?:closing\s+)?(?:peak|high|low|top|bottom)\s+of\s+$", I)
DAY_AFTER_FIGURE = gated(r"^\s*(?:points?\s+|won\s+)?(?:,\s*)?(?:(?:set|reached|hit|posted|recorded)\s+)?on\s+", I)
# an investor flow in a few stocks, not the market's: "net selling of the two chipmakers"
FLOW_IN_STOCKS = gated(r"\b(?:of|in)\s+(?:the\s+)?(?:two|three|four|both|these|those|the)\s+(?:chipmakers|chip\s+giants|stocks|shares|companies|names|heavyweights)\b", I)
# the won getting stronger means fewer won per dollar: a negative change of USD/KRW
WON_STRONGER = gated(r"\b(?:up|rose|rise[sn]?|gain(?:ed|s|ing)?|strengthen(?:ed|ing|s)?|stronger|firm(?:ed|er|ing|s)?|appreciat(?:ed|ing|es)|rebound(?:ed|s|ing)?|clawed back|recover(?:ed|s|ing)?|advanc(?:ed|ing))\b|강세", I)
WON_WEAKER = gated(r"\b(?:off|down|fell|fall(?:s|ing)?|lost|los(?:es|ing)|weaken(?:ed|ing|s)?|weaker|depreciat(?:ed|ing|es)|slid(?:e|es|ing)?|dropp?(?:ed|ing|s)?|tumbl(?:ed|es|ing)|plung(?:ed|es|ing)|lost ground|slump(?:ed|s)?|sank)\b|약세", I)

# ---- what a level is: cues before a number (English) or after it (Korean) -----------------
LEVEL_CUES_BEFORE: tuple[tuple[str, Gated], ...] = (
    ("high", gated(r"\b(?:(?:rose|rising|climbed|climbing|jumped|jumping|rallied|rallying|advanced|advancing|gained|gaining|surged|surging|spiked|soared)\s+as (?:far|much) as|(?:after|before|briefly|earlier)\s+(?:\w+\s+)?(?:rising|climbing|jumping|surging|soaring|advancing|rallying)\s+to|intraday (?:high|peak)s?|highest (?:point|level) of the (?:day|session)(?: was| came at| stood at)?|session high|day's high|(?:hit|reached?|touch(?:ed|ing)?|set) (?:an? )?(?:new |fresh )?intraday (?:high|peak)s?|(?<!record )(?<!all-time )(?<!closing )highs? of|peaks? of|peak(?:ed|ing)? at|as high as|touch(?:ed|ing|es)?|spiked? (?:just )?(?:before|to)|topped out at)\b[^\d]*$", I)),
    ("low", gated(r"\b(?:(?:fell|falling|dropped|dropping|slid|sliding|sank|sinking|lost|losing|tumbled|tumbling|plunged|plunging|declined|declining)\s+as (?:far|much) as|intraday low|lowest (?:point|level) of the (?:day|session)(?: was| came at| stood at)?|session low|day's low|(?<!closing )(?<!year.s )lows? of|as low as|bottom(?:ed)? (?:out )?at|troughs?(?: came| was)?(?: of| at)?|briefly (?:fell|falls|dipped|sank|slid) to|slid to|slipped to|(?:after|before|briefly|earlier)\s+(?:\w+\s+)?(?:sliding|falling|dipping|sinking|dropping|slumping|tumbling|plunging)\s+to)\b[^\d]*$", I)),
    ("open", gated(r"\b(?:open(?:ed|s|ing)?|start(?:ed|ing)?|kick(?:ed)? off|(?:trading|the session|the day) beg[au]n)\b[^\d]*$|\bopening bell\b[^\d]*$", I)),
    ("high", gated(r"(?:^|[/|,;(]\s*|\s)(?:High|고가|고점)\s*:?\s*$", I)),
    ("low", gated(r"(?:^|[/|,;(]\s*|\s)(?:Low|저가|저점)\s*:?\s*$", I)),
    ("close", gated(r"\b(?:clos(?:e|ed|es|ing)|finish(?:ed|es|ing)?|end(?:ed|s|ing)?|settl(?:ed|es|ing))\b[^\d]*$", I)),
    ("level", gated(r"\b(?:stood at|was at|is at|stands at|trades at|is trading at|is (?:up|down|off|higher|lower) [^\d]*at|changing hands at|chang(?:ed|ing) hands at|hover(?:ed|ing) (?:around|at)|trad(?:ed|ing) at|quoted at|was (?:up|down) [^\d]*at|stands at|was trading at)\b[^\d]*$", I)),
)
# Korean: the day's low or high named as the subject of its figure ("이날 저점은 장 초반의 5971.02")
KO_EXTREME_SUBJECT = gated(r"(?:(?P<low>저점|최저점|저가)|(?P<high>고점|최고점|고가))(?:은|는|이|가)\s[^\d]*$")
# (a note prints its levels "4,978.65pt": the unit may stand between the level and its cue)
LEVEL_CUES_AFTER: tuple[tuple[str, Gated], ...] = (
    ("high", gated(r"^\s*(?:pt|p|포인트)?(?:까지 (?:올랐|올라|오르|상승|치솟|뛰|오름폭|상승폭|고점))")),
    ("low", gated(r"^\s*(?:pt|p|포인트)?(?:까지 (?:내렸|밀렸|밀리|밀려|떨어|하락|내려|후퇴|낙폭|하락폭|내림폭|저점))")),
    ("open", gated(r"^\s*(?:pt|p|포인트)?(?:로|으로|에|에서)\s*(?:거래를\s*)?(?:출발|개장|시작|문을 (?:열|연))")),
    ("close", gated(r"^\s*(?:pt|p|포인트)?(?:(?:로|으로|에)\s*(?:장을 )?(?:마감|거래를 마쳤|거래를 마치|마쳤|한 해를 마무리)|마감\b)")),  # "…5846.09 마감…"
)
# "after topping 5,925.04 during the session", "after hitting 2,410.33 intraday": a level reached,
# then the session word: the day's extreme (high or low by the sentence's other level)
INTRADAY_AFTER = gated(r"^\s*(?:intraday|during (?:the )?(?:session|trading|the day)|earlier in the (?:session|day)|in (?:early|morning|afternoon) trad(?:e|ing))\b", I)
EVENT_REACH = gated(r"\b(?:hit(?:ting)?|top(?:ped|ping)?|reach(?:ed|ing)?|touch(?:ed|ing)?|scal(?:ed|ing)|set(?:ting)?|\w+(?:ing|ed)\s+(?:to|as (?:high|low) as))"
                    r"\s+(?:(?:an?|the|its)\s+)?(?:(?:fresh|new|record|all-time|intraday)\s+)*(?:high|low|peak)?(?:\s+of)?\s*$", I)
FOR_A_RECORD = gated(r"\s*(?:for|to set|to hit|marking) an? (?:fresh |new )?(?:all-time |record )?(?:intraday )?(?:high|record|peak)\b", I)
# "hit an all-time high of 6,034.51 before closing at 6,012.35": the first level is the day's
# extreme (high or low by the close after it)
BEFORE_CLOSING_AT = gated(r"^[^.;\d]{0,40}?\b(?:before|then|and then|but)\s+(?:clos|end|finish|settl)\w*\s+(?:the (?:day|session)\s+)?(?:at|to|on)?\s*$", I)
# a level the index turned back from: "hit 5,795.62 during the afternoon before paring gains" is the
# day's high, "fell to 2,438.40 before paring losses" its low
REVERSAL_AFTER: tuple[tuple[str, Gated], ...] = (
    ("high", gated(r"^[^.;\d]{0,60}?\b(?:before|then|but|and then)\s+(?:par(?:ing|ed) (?:some of |most of )?(?:its |the )?(?:gains?|advance|rally)"
                   r"|trimm(?:ing|ed) (?:its |the )?gains|giving up|gave up|retreat(?:ing|ed)|revers(?:ing|ed)|turn(?:ing|ed) (?:lower|negative)"
                   r"|slipp(?:ing|ed) back|eas(?:ing|ed) back|(?:the )?(?:increase|gains?|rise)(?: width| range)? (?:reduced|narrowed|shrank|decreased))\b", I)),
    ("low", gated(r"^[^.;\d]{0,60}?\b(?:before|then|but|and then)\s+(?:par(?:ing|ed) (?:some of |most of )?(?:its |the )?loss(?:es)?"
                  r"|trimm(?:ing|ed) (?:its |the )?losses|recover(?:ing|ed)|rebound(?:ing|ed)|bounc(?:ing|ed) back|turn(?:ing|ed) (?:higher|positive)|(?:the )?(?:decrease|decline|drop|fall|losses?)(?: width| range)? (?:reduced|narrowed|shrank|decreased))\b", I)),
)
RECORD = gated(r"\b(?:record(?:[- ]high| close| closing| finish| level| levels|s)?|all-time (?:closing |intraday )?high|(?:new |fresh )?closing high|highest clos(?:e|ing price) ever|its highest close|(?:new|fresh) (?:intraday )?(?:high|peak|record)s?|intraday peaks?)\b|사상 (?:최고|첫|최대)|최고가|최고치|신고가", I)
# the market's value at a record: "시가총액은 5천412조원으로 사상 최대를 기록했다"
KO_MCAP_RECORD = gated(r"사상 최대|역대 최대|사상 최고")
# "its biggest single-day point drop on record", "the largest foreign selling on record": a record
# move or sum, not a record level
RECORD_MOVE = gated(r"\b(?:drops?|falls?|loss(?:es)?|declines?|plunges?|slumps?|routs?|sell-?offs?|rises?|gains?|jumps?|"
                    r"rall(?:y|ies)|surges?|outflows?|inflows?|selling|buying|volumes?|turnover)\s+(?:ever\s+)?on\s+$", I)
# what a record word names when it is no price: "record quarterly profit", "사상 최대 낙폭" (the largest fall),
# "역대 최대 순매도"; "포인트 기준으로는 역대 최대," after a fall is its size too; "after a record-breaking
# rally" names a run of sessions
NOT_PRICE_RECORD = gated(r"^\W*(?:\w+\s+){0,2}(?:quarterly|annual|earnings|profits?|sales|revenues?|exports?|dividends?|results|deliveries|orders)\b|"
                         r"^(?:[-\s](?:breaking|setting))?\s+(?:rally|rallies|run|runs|streak|bull run|climb|advance)\b|"  # "a record-breaking rally": a run, no level
                         r"^\s*(?:의\s*)?(?:낙폭|하락폭|하락률|폭락|급락|순매도|매도|거래대금|거래량|규모의\s*(?:순매도|매도))", I)
# a forum reader's own trade: "7만5천원에 물렸어요", "7만원에 샀는데", "평단 7만원", "my average cost of 70,000 won"
OWN_TRADE_PRICE = gated(r"\s*(?:원)?\s*(?:에|에서)\s*(?:물렸|물려|샀|사서|산\b|매수했|매수해|들어갔|탔|팔았|손절|익절)")
OWN_COST_BEFORE = gated(r"(?:평단(?:가)?|평균\s?단가|매수가|매입가|\bmy (?:average )?cost(?: basis)?(?: of)?|\bI bought (?:it )?at)\s*:?\s*$", I)
# "상승 폭(134.03포인트)은 사상 최대다": the record is the size of a move or a sum named before it
SIZE_BEFORE_RECORD = gated(r"(?:상승\s?폭|하락\s?폭|낙폭|오름폭|내림폭|상승률|하락률|거래대금|거래량|순매수|순매도)(?:\s*\([^)]{0,20}\))?\s*(?:은|는|이|가|도)\s*(?:[가-힣]+\s+)?$")
RECORD_INTRADAY = gated(r"\bintraday\b|during (?:the )?(?:session|trading|the day)|장중", I)
PREVIOUS_RECORD = gated(r"\b(?:previous|prior|old|former) (?:(?:all-time|closing|intraday|record) )?(?:record|high|peak|close)s?\b|종가 기준 사상 최고치는|장중 사상 최고치(?:는|은)|(?:장중|종가) 기준 사상 최고치(?:는|은)|(?:기존|종전|이전|직전)의?\s?(?:장중 |종가 기준 )?사상 최고치|(?:장중 |종가 )?(?:고점|최고치) 기록은 (?:종전까지|그동안|이전까지|기존에)", I)
SURPASS_RECORD = gated(r"\b(?:surpass(?:ed|ing)|eclips(?:ed|ing)|top(?:ped|ping)|beat(?:ing)?|break(?:ing)?|broke|exceed(?:ed|ing)) (?:the|its) (?:previous |prior |old )?(?:(?:all-time|intraday|closing) )*(?:record|high)", I)
FIRST = gated(r"\bfirst(?: time)?\b|\b1st time\b|\bmilestones?\b|사상 첫|처음|첫 ", I)
# "took it above 6,000 for the first time in February": a month (or a year) is no session's date
MONTH_ONLY = gated(r"\b(?:in|during|back in|earlier in|late in|early in) (?:early |late |mid-)?(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|(?:19|20)\d\d)(?!\s*\d)|(?<![\d.])\d{1,2}월(?:에|중|초|말|께)(?!\s*\d)", I)
FIRST_PAST = gated(r"\b(?:after|since|when|before) (?:it|the index|the kospi|the benchmark|the bourse) (?:had )?first\b", I)
CLOSE_WORDS = gated(r"(?<!'s )(?<!\u2019s )\b(?:clos(?:e|ed|es|ing)|finish(?:ed|es|ing)?|end(?:ed|s|ing)?|settl(?:ed|es|ing))\s+(?:[\w.,%'\u2019]+\s+){0,3}?(?:above|over|beyond|past|at|higher|lower)\b|\bfirst (?:close|finish)\b|\bfirst (?:closed|finished|ended) above\b|cleared at the close|(?:위에서|넘어|넘긴 채|넘은 채|돌파한 채|돌파하며) (?:거래를 |장을 )?마(?:감|쳤|친|무리)|위 마감|돌파\s?마감|장을 마감|종가(?:\s?기준)?|\brecord close\b|\bclosing high\b", I)
INTRADAY_WORDS = gated(r"\bduring (?:the )?(?:session|trading|the day)\b|\bintraday\b|\bminutes? (?:into|after the open)|\bmorning\b|\bopening bell\b|\bat the open\b|\bshortly after the open|\bbroke(?: through)?\b|장중", I)
THRESHOLD_BEFORE = gated(r"(?:\b(?:above|past|through|below|under|over|beyond|top(?:ped|s|ping)?|cross(?:ed|es|ing)?|br(?:oke|eaks?|eaking)(?: through)?|clear(?:ed|s|ing)?|surpass(?:ed|es|ing)?|exceed(?:ed|s|ing)?|reclaim(?:ed|ing|s)?|near(?:ed|s|ing)?|pass(?:ed|es|ing)?|within [^,]*? of|to get from|milestones? of|marks? of)\s+(?:the\s+)?$)", I)
# "5000선", "the 4,800 mark", "2,470대로 밀렸다" (the 2,470s: a band): a round line or a band, never a level
THRESHOLD_AFTER = gated(r"^(?:[-\s\u2011]points?)?\s+(?:mark|level|line|threshold|barrier|milestone|range|breakthrough|era|club|territory)\b|^\s*,\s*first\b|^\s*(?:pt|p|포인트)?대(?![가-힣]*비)|^\s*(?:pt|p|포인트)?(?:선|을 넘|를 넘|을 돌파|를 돌파|(?:첫\s*)?돌파|고지|시대|(?:을|를|이|가)?\s*(?:회복|탈환|재탈환|반납|붕괴|이탈|눈앞|간다|깨지|깨졌|깨질|깨면)|(?:원)?\s*(?:위에서|이상에서|위로|을 넘어|를 넘어|을 넘긴|를 넘긴|대를 넘))", I)

# ---- clause modifiers ---------------------------------------------------------------------
FORECAST = gated(r"\b(?:next support|support (?:level|line)|resistance(?: level| line)?|forecasts?|forecast(?:ed|ing)|target(?:s|ed)?|expect(?:s|ed)? (?:to|the|it)|projected|projects|predict(?:s|ed)?|outlook|could|would|might|may reach|talk of|reaching \d|scheduled|sees?|will|consensus|range for|expected range|key levels?|(?:expected|projected|target|forecast) band|TP|top picks?)\b|전망|목표|예상", I)
MULTI_DAY = gated(
    r"한 ?주(?:간|동안|새)|일주일(?:간|동안|새)|주간 (?:상승률|하락률|수익률|상승폭|하락폭)|"  # "13일까지 한 주간 코스피 상승률은 8.2%" ("주간 거래" is the won's day session)
    r"\b(?:on|for) the (?:week|month|year|quarter)\b|\bweek-on-week\b|\bweekly\b|\bweek-long\b(?!\s+(?:\w+\s+)?(?:holiday|break|closure|vacation|festival))|\bweekly (?:gain|loss|rise|drop|decline)\b|\b(?:over|in|across|during) the (?:prior|last|past|previous|latest|\w+) (?:two|three|four|five|six|seven|eight|nine|ten|\d+) (?:sessions|trading days|days|weeks)\b|"
    r"\bin the (?:two|three|four|five|\d+) trading days\b|\bover the (?:week|month|year|five sessions|period)\b|"
    r"\bthis (?:month|year|week)\b|\bso far this year\b|\bin the (?:first|second) half\b|\bsince the (?:year|start)\b|"
    r"\b(?:in|for|during|through(?:out)?) (?:January|February|March|April|May|June|July|August|September|October|November|December)\b(?!\s+\d{1,2}\b)|"
    r"\d+\s*거래일\s*(?:동안|간)|이 기간|같은 기간|해당 기간|\b(?:during|over|in) (?:that|this|the same) (?:period|stretch|span)\b|\b(?:for|in|over|during) the (?:first|second|third|fourth|last|latest) (?:quarter|half)\b|\bas a whole\b|"
    r"\byear[- ]to[- ]date\b|\bsince (?:it|the (?:index|kospi|benchmark|bourse))\b|\bfor the year\b|\bacross two sessions\b|\b(?:in|over|for) (?:two|three|four|five|six|seven|\d+) (?:straight|consecutive) (?:sessions|trading days|days)\b|\balong the way\b|^\s*(?:Week|Weekly|This week|Month|Monthly|YTD|Year to date)\s*:|\((?:week|weekly|w/w|WoW|month|monthly|YTD)\)|\bsince the year began\b|\bfor the week\b|올해|연간|이번 주|이달 들어", I)
# the won traded outside Seoul: offshore, in non-deliverable forwards (역외, NDF)
OFFSHORE = gated(r"\boffshore (?:trading|market|won|rate)|\bnon-deliverable forwards?\b|\bNDFs?\b|역외", I)
# "On Sept. 29 it had finished at a record 6,629.55": a flashback, whose day does not carry to what follows
FLASHBACK = gated(r"\bhad (?:\w+ )?(?:closed|finished|ended|risen|fallen|gained|lost|climbed|dropped|set|hit|reached|surged|slid|rallied)\b", I)
RESPECTIVELY = gated(r"\brespectively\b|각각", I)
EACH = gated(r"\b(?:each|both|all)\b", I)  # "Hyundai Mobis, Kia and Hyundai Motor all rose 3.60 percent"
# "rose 1.2 percent to 5,912.38, after topping 5,925.04 during the session": an intraday word in
# a clause of its own event ("after/before/having ...ing N") says when that event happened
EVENT_BEFORE_TIME = gated(r"\b(?:after|before|having|briefly)\s+(?:\w+\s+){0,2}?\w+(?:ing|ed)\b(?:[^,;]|,(?=\d))*$", I)
SAME_TIME = gated(r"\b(?:at the same time|at that point|by then|at that time)\b|같은 시각|같은 시간|동시간대", I)
MARKET_THERE = gated(r"\bthere\b|\bthat market\b|\bon the (?:Kosdaq|secondary)", I)
VOLUME_WORTH = gated(r"^\s*(?:\(\s*)?(?:worth|valued at|in value|,?\s*worth)", I)
BREADTH = (
    gated(rf"\b(?P<a>gainers|winners|advancers|risers|advancing issues|losers|decliners|fallers|declining issues)\s+(?:(?:\w+ly|far|well|vastly)\s+)?(?:beat|beating|outnumbered|outnumbering|outnumber|outpaced|outpacing|outstripped|led|over|swamped|swamping|overwhelmed|overwhelming|trounced|dwarfed|dwarfing|topped|topping|exceeded|outweighed)\s+(?:the\s+)?(?:gainers|winners|advancers|risers|losers|decliners|fallers|advancing issues|declining issues)\s+(?P<x>{NUM})\s*(?:to|-|\u2013)\s*(?P<y>{NUM})", I),
    gated(rf"(?P<x>{NUM})\s+(?:stocks|issues|shares)?\s*(?P<a>rising|rose|advancing|advanced|gaining|gained|up|falling|fell|declining|declined|down)\s+(?:and|,|while)\s+(?:only\s+|just\s+)?(?P<y>{NUM})\s+(?:stocks|issues)?\s*(?:rising|rose|advancing|advanced|gaining|gained|up|falling|fell|declining|declined|down)", I),
    gated(rf"(?P<a>상승|하락|(?:오른|내린)(?= 종목))(?: 종목)?(?:은|이|는)?\s*(?P<x>{NUM})개[^\d]{{1,20}}(?:상승|하락|(?:오른|내린)(?= 종목))(?: 종목)?(?:은|이|는)?\s*(?P<y>{NUM})개"),
    # "616 issues rose against 272 that fell", "There were 545 gainers and 346 decliners"
    gated(rf"(?P<x>{NUM})\s+(?:issues|stocks|shares)\s+(?P<a>rose|advanced|gained|fell|declined|dropped)\s+(?:against|versus|vs\.?|compared with|while)\s+(?P<y>{NUM})\b", I),
    gated(rf"(?P<x>{NUM})\s+(?P<a>gainers|advancers|decliners|losers|risers|fallers)\s+(?:and|against|versus|to)\s+(?P<y>{NUM})\s+(?:gainers|advancers|decliners|losers|risers|fallers)\b", I),
    # "587개 종목이 올랐고 291개 종목이 내렸으며": each count before its verb
    gated(rf"(?P<x>{NUM})개\s*(?:종목)?(?:이|은|는)?\s*(?P<a>올랐|오른|상승|내렸|내린|하락)[^\d]{{0,12}}?(?P<y>{NUM})개\s*(?:종목)?(?:이|은|는)?\s*(?:올랐|오른|상승|내렸|내린|하락)"),
    # "상승 종목은 112개에 그쳤고 801개 종목이 내렸다": the second count before its verb
    gated(rf"(?P<a>상승|하락|(?:오른|내린)(?= 종목))(?: 종목)?(?:은|이|는)?\s*(?P<x>{NUM})개[^\d]{{1,20}}?(?P<y>{NUM})개\s*(?:종목)?(?:이|은|는)?\s*(?:내렸|내림세|하락|떨어|올랐|오름세|상승)"),
    # Investing.com's template: "Falling stocks outnumbered advancing ones on the Korea Stock Exchange by 802 to 107"
    gated(rf"\b(?P<a>falling|rising|advancing|declining|gaining|losing) (?:stocks|issues|shares) outnumbered (?:advancing|declining|falling|rising|gaining|losing) ones\b[^.\d]{{0,60}}?\bby (?P<x>{NUM}) to (?P<y>{NUM})", I),
    # Reuters' template: "the number of advancing shares was 512, while 372 shares declined" (or the first alone)
    gated(rf"\bnumber of (?P<a>advancing|declining|rising|falling|gaining|losing) (?:shares|stocks|issues) (?:was|were|stood at|totall?ed|came to) (?P<x>{NUM})(?:,?\s+(?:while|and|with|whereas)\s+(?P<y>{NUM}) (?:shares|stocks|issues)?\s*(?:declined|fell|advanced|rose|gained|lost|were (?:down|up|lower|higher))\b)?", I),
    # "하락 종목이 499개로 상승 종목(379개)보다 많았다": each count follows its own word
    gated(rf"(?P<a>상승|하락|(?:오른|내린)(?= 종목))\s*종목(?:은|이|는|수는|수가)?\s*\(?(?P<x>{NUM})\s*개[^\d]{{1,20}}?(?:상승|하락|오른|내린)\s*종목(?:은|이|는|수는|수가)?\s*\(?(?P<y>{NUM})\s*개"),
)
# one side of the count alone: "하한가 3개를 포함해 858개 종목이 내렸다" (the market's count, its limit
# moves inside it) stands by itself; "오른 종목은 52개", "858개 종목이 내렸다" only beside the other side
# (the sentence before) or the unchanged count
BREADTH_ONE = (
    gated(rf"(?:상한가|하한가)\s*{NUM}\s*개(?:\s*종목)?(?:를|을)?\s*포함(?:해|한|하여)\s*(?P<x>{NUM})\s*개\s*(?:종목)?(?:이|은|는)?\s*(?P<a>올랐|오른|상승|내렸|내린|하락)"),
    gated(rf"(?P<a>상승|하락|오른|내린)\s*종목(?:은|이|는|수는|수가)?\s*(?P<x>{NUM})\s*개"),
    gated(rf"(?P<x>{NUM})\s*개\s*종목(?:이|은|는)?\s*(?P<a>올랐|내렸|상승|하락)"),
)
BREADTH_LABELLED = gated(rf"\badvanc(?:ing|ers|es)?(?: issues| stocks)?\s*:\s*(?P<x>{NUM}).{{0,40}}?\bdeclin(?:ing|ers|es)?(?: issues| stocks)?\s*:\s*(?P<y>{NUM})(?:.{{0,40}}?\bunchanged\s*:\s*(?P<z>{NUM}))?", I)
ADVANCE_FIRST = gated(r"gainers|winners|advancers|risers|advancing|rising|rose|advanced|gaining|gained|^up$|상승|올랐|오른", I)

# "about 2 percent below its record close", "1,814.68포인트 높다", "0.39포인트 차이": a distance, not a move
DISTANCE_BEFORE = gated(r"(?:남은 거리|거리는|\bdistance (?:of|to)|\bgap of)\s*$", I)  # "7,000까지 남은 거리 6%"
DISTANCE_AFTER = gated(r"^\s*(?:\)\s*)?(?:below|above|short of|away from|off (?:its|the)|higher than|lower than|shy of)\b|^\s*(?:차이|높|낮|못 미)", I)
UNCHANGED_QUOTE = gated(r"\b(?:closed|ended|finished|was|were|stayed|remained) (?:flat|unchanged)\b|보합", I)
DAYS_HIGH = gated(r"\b(?:finish(?:ed)?|clos(?:e|ed|ing)|end(?:ed)?) at (?:the|its) (?:day's|session's|intraday) high\b|고가로 마감|최고치로 마감|종가(?:는|가)?\s*(?:이날\s*)?장중 (?:최고치|고점|고가)(?:이기도|였|이었|이다|와 같)", I)
HALT_EVENT = gated(r"사이드카|서킷\s?브레이커|매매(?:가)? (?:일시 )?정지|\bsidecar\b|\bcircuit[- ]breakers?\b|\btrading halts?\b", I)
HALTED = gated(r"\b(?:halt(?:ed|s)?|suspend(?:ed|s)?|suspension)\b", I)
# the threshold of a halt's rule: "(suspended after it) fell more than 8 percent", "8% 이상 하락해"
HALT_TRIGGER = gated(r"\b(?:more than|over|at least|by more than|beyond)\s+$", I)
# "At the time of the halt, the index stood at 2,455.80": the clock of the halt named before
AT_HALT = gated(r"\bat the time of (?:the )?(?:trading )?(?:halt|suspension|circuit[- ]breaker|sidecar)\b|(?:사이드카|서킷\s?브레이커) 발동 (?:당시|시점)", I)
# "suspended for 20 minutes from 2:14 p.m., when the KOSPI was down 8.1 percent": the clause after
# a halt's clock says where the market stood at that moment
WHEN_AFTER = re.compile(r"\s*,?\s*when\s+(?:the\s+)?(?:kospi|kosdaq|index|benchmark|main|market)\b", I)
NOISE_CLOCK = gated(r"(?:sidecar|program (?:trading|selling|buying)|halt(?:ed|s)?|suspend(?:ed|s)?|circuit breaker)[^.]{0,50}$", I)

# A KRX code printed with a name: "Hanmi Pharm (128940)", "(005930.KS)"
TICKER_CODE = gated(r"\((?:(?:KRX|KS|KQ|KOSPI|KOSDAQ|KSE)\s*:\s*)?(\d{6})(?:\.K[SQ])?\)")  # "(KS:010130)": Investing.com's
# A name doing what listed companies do in market reports, that kospitl does not know:
# "Hanwha Solutions rose 5 percent" → reported as an unknown company, never guessed.
UNKNOWN_COMPANY = gated(
    r"(?<![\w.])((?:[A-Z][\w&.'-]*|[A-Z]{2,})(?:\s+(?:[A-Z][\w&.'-]*|&|of)){0,4})"
    r"(?:'s shares| shares)?\s+(?:rose|fell|gained|lost|jumped|surged|soared|climbed|slipped|slid|dropped|declined|"
    r"tumbled|plunged|advanced|retreated|edged (?:up|down)|added|shed|spiked|rallied|sank|dipped|was up|was down|"
    r"closed (?:up|down))\s+(?:\w+\s+)?[\d.]+\s*(?:percent|%|pct)")
NOT_COMPANY_WORDS = gated(
    r"^(?:The|A|An|Its|Shares|Stocks|Investors|Foreign|Foreigners|Retail|Individual|Institutional|Institutions|"
    r"Korean|South|Seoul|Kospi|KOSPI|Kosdaq|KOSDAQ|Index|Benchmark|It|They|Trading|Volume|Market|Markets|"
    r"Exports|Imports|Prices|Sales|Growth|Inflation|GDP|Consumer|Producer|Asian|European|U\.S\.|US|Japan|China|"
    r"Chip|Chips|Battery|Bank|Banks|Tech|Auto|Carmakers|Shipbuilders|Automakers|Chipmakers|Financials|Defense|"
    r"Other|Most|Many|Some|All|Both|Each|Meanwhile|Elsewhere|However|Also|While|After|Before|On|In|At|By|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\b")
UNCHANGED_COUNT = gated(rf"보합(?: 종목)?(?:은|이|는)?\s*(?P<z>{NUM})개|(?P<v>{NUM})개(?: 종목)?(?:은|이|는)? 보합|(?P<w>{NUM})\s+(?:stocks|issues|shares)?\s*(?:were |closed |finished |ended )?(?:unchanged|flat)\b", I)
# "moved between 3,190.85 and 3,227.03", "traded in a range of X to Y", "after trading between X and Y"
# (RTTNews' closing template): the day's low and high
RANGE = gated(rf"\b(?:mov(?:ed|ing)|trad(?:ed|ing)|fluctuat(?:ed|ing)|swung|swinging|rang(?:ed|ing)|oscillat(?:ed|ing)|hover(?:ed|ing))\s+(?:in a (?:range|band) of|between|from)\s+(?P<x>{NUM})\s+(?:and|to)\s+(?P<y>{NUM})", I)
# "short of its record close": a record not reached
NOT_RECORD = gated(r"(?:short of|shy of|below|under|near|close to|approach(?:ing|ed)?|off|from|within [\w\s.%]+ of)\s+(?:its|the|a)?\s*(?:previous\s+)?$", I)
# a percent that is a distance from another level: "roughly 42 percent below its 2021 peak"
PCT_DISTANCE = gated(r"^\s*(?:below|above|off|short of|under|over|from)\s+(?:its|the|a)\s+(?:[\w-]+\s+){0,3}?(?:peak|high|record|low|top|bottom)s?\b", I)
# a percent that belongs to a noun after it: "a 25% tariff", "a 30% stake"
PCT_OF_NOUN = gated(r"^\s*(?:tariffs?|levy|levies|duty|duties|tax(?:es)?|stake|interest|discount|premium|"
                         r"market share|share of|of (?:the|its|total)|cut|hike|limit|cap|ceiling|관세|지분|세율)", I)
# "3.18 points above Wednesday's close": a change stated as a distance from the previous close
PREV_CLOSE_AFTER = gated(r"^\s*(?P<dir>above|below|higher than|lower than|up from|down from)\s+(?:the\s+|its\s+)?"
                              r"(?:previous|prior|last|(?:last\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday)(?:'s|\u2019s)?)\s*"
                              r"(?:session'?s?\s+|trading day'?s?\s+)?(?:close|finish|closing|session|level)", I)
# a Korean name with a subject particle before its figure: "한화비전도 3.9% 올랐다"
KO_UNKNOWN_COMPANY = gated(r"(?<![가-힣A-Za-z0-9])(?:([A-Za-z가-힣][A-Za-z0-9가-힣&]{1,15}?)(?:는|은|가|이|도)\s+(?=[\d.,]+\s*%|[\d,만천]+원)"
                           r"|([가-힣][A-Za-z0-9가-힣&]{1,15}?)\((?=[-+\u2212]?[\d.,]+\s*%\s*\)))")  # and "엘앤에프(26.19%)도"
KO_NOT_COMPANY = gated(r"^.*(?:에|에서|으로|로|까지|부터|에는|중)$|^(?:장중|코스피|코스닥|지수|외국인|개인|기관|환율|이날|주가|시가총액|거래대금|거래량|종목|상승률|하락률|업종|"
                            r"업종별|증시|시장|대형주|중소형주|조선주|반도체|반도체주|은행|증권|전기전자|이|그|해당|"
                            r"상한가|하한가|강세|약세|급등|급락|상승|하락|보합|종가|시가|고가|저가|전일|전년|등락률|비중|지분율|"
                            r"금리|물가|성장률|수익률|점유율|비율|연간|올해|작년|지난해|전월|전년비|전분기)")
# "Samsung's operating profit jumped 50 percent": a company's results, not its share price
RESULT_NOUNS = gated(r"\b(?:profits?|revenues?|sales|earnings|exports?|imports?|orders?|shipments?|dividends?|"
                          r"output|GDP|margins?|deliveries|turnover of the company|net income|EBITDA|guidance)\b|"
                          r"영업이익|매출|순이익|수출|실적", I)
# "한화에어로스페이스는 방산 수출 기대에 2.65% 올랐다": a result noun the move is credited to, not the figure's subject
RESULT_AS_CAUSE = gated(r"^\s*(?:[가-힣]+\s+)?(?:기대감?|우려|호조|소식|전망|수혜|효과|증가|급증|개선|확대|모멘텀)\s*(?:에|으로|로|속에|덕분에)", I)
