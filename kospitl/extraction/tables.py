"""Tables printed as text: a header line of column names separated by ``|``, then one row a line.

    Stock | Close (KRW) | Change
    Samsung Electronics | 109,500 | +1.01%
    종목 | 종가(원) | 등락률
    삼성전자 | 10만9500 | -0.4%

A row is about the company (or index) named in its first cell; the header says what each
other column holds: a price or closing level, a percent change. A column the header does not
name is not read, and a row whose first cell names nothing known is left alone (the sentence
reader still sees it and reports an unknown company if it names one).
"""
from __future__ import annotations

import re
from dataclasses import replace

from kospitl import tickers
from kospitl.articles import Article
from kospitl.dates import PREVIOUS_SESSION, DateRef, find_dates
from kospitl.extraction import dated_tables
from kospitl.extraction.table_text import MARKDOWN_RULE, body_rows, cells as _cells, row_cells
from kospitl.numbers import NumberError, decimals, parse_korean, parse_number
from kospitl.records import Mention

PRICE_COLUMN = re.compile(r"\b(?:close|closing|price|last|level|KRW|won)\b|종가|현재가|주가|지수|\(원\)", re.I)
# "전일대비" (against the previous session) heads the change in points (or won) beside "등락률"
CHANGE_COLUMN = re.compile(r"\b(?:change|chg|pct|percent)\b|%|등락률|등락|변동률|상승률|하락률|전일\s?대비|전일비", re.I)
NAME_COLUMN = re.compile(r"\b(?:stock|stocks|company|name|ticker|issue|index|shares|item|for the day)\b|종목|기업|회사|지수명|구분|항목|지표", re.I)
INDEX_NAMES = {"kospi": "KOSPI", "코스피": "KOSPI", "kosdaq": "KOSDAQ", "코스닥": "KOSDAQ",
               "kospi 200": "KOSPI200", "kospi200": "KOSPI200", "코스피200": "KOSPI200"}
# a data table's rows of the won and of bond yields: "원/달러(원) | 1,468.9 | +16.5", "국고채 3년(%) | 2.853 | -4.1bp"
FX_ROW = re.compile(r"^(?:원\s*[/·]\s*달러|달러\s*[/·]\s*원|usd\s*/\s*krw|환율)(?:\s*환율)?(?:\s*\((?:원|krw)\))?$", re.I)
RATE_ROW = re.compile(r"^(?:국고채|국채|ktb)\s*(?P<y>3|5|10)\s*(?:년물?|y(?:ear|r)?)(?:\s*\(%\))?$", re.I)
BP_CELL = re.compile(r"^(?P<sign>[-+\u2212▲▼△▽]?)\s*(?P<n>\d+(?:\.\d+)?)\s*bp$", re.I)
PERCENT = re.compile(r"^(?P<sign>[-+\u2212▲▼△▽]?)\s*(?P<n>\d[\d,]*(?:\.\d+)?)\s*%?$")
# a change cell with both moves: "+12.30 (+0.21%)", "▼1,500 (-1.2%)": points (or won) and percent
BOTH_CHANGES = re.compile(r"^(?P<psign>[-+\u2212▲▼△▽]?)\s*(?P<p>\d[\d,]*(?:\.\d+)?)\s*\(\s*(?P<sign>[-+\u2212▲▼△▽]?)\s*(?P<n>\d[\d,]*(?:\.\d+)?)\s*%\s*\)$")
PCT_HEADER = re.compile(r"%|\bpct\b|\bpercent\b|률", re.I)
AMOUNT = re.compile(r"^(?P<n>\d[\d,.]*(?:[만천]\d*)*)\s*(?:원|KRW|won)?$", re.I)


# a row of a table aligned with spaces, with no header: "KB Financial   108,800  +7.30%",
# "삼성전자      55,300    -1.2%": a company, its price, its percent change
ALIGNED_ROW = re.compile(r"^(?P<name>[^\d|%]*[^\d\s|%])\s+(?P<price>\d[\d,]*(?:\.\d+)?)\s*(?:원|won|KRW)?\s+"
                         r"(?P<pct>[-+\u2212▲▼△▽]\s*\d+(?:\.\d+)?\s*%)$", re.I)


# a flow table turned on its side: the investors head the columns, one row of amounts below,
# the unit in the line above ("Investor flows, KOSPI (KRW bn)", "투자자별 순매수 (단위: 억원)")
PREVIOUS_ROW = re.compile(r"^(?P<name>.+?)\s+(?:prev\.?|previous)\s+close$", re.I)
INVESTOR_CELLS = {"foreign": "foreign", "foreigners": "foreign", "외국인": "foreign",
                  "institution": "institution", "institutions": "institution", "institutional": "institution", "기관": "institution",
                  "individual": "individual", "individuals": "individual", "retail": "individual", "개인": "individual"}
AMOUNT_UNIT = re.compile(r"\((?:[^()\d]{1,12},\s*)?(?:단위\s*[:：]\s*)?(?P<u>KRW\s*(?:bn|tn|billion|trillion)|(?:bn|tn|billion|trillion)\s*(?:won|KRW)|억\s*원|조\s*원)(?:\s*,\s*[\w ]{1,12})?\)", re.I)  # "(KRW bn, net)"
UNIT_SCALE = {"bn": 1e9, "billion": 1e9, "tn": 1e12, "trillion": 1e12, "억": 1e8, "조": 1e12}
SIGNED = re.compile(r"^(?P<sign>[-+\u2212▲▼△▽]?)\s*(?P<n>\d[\d,]*(?:\.\d+)?)$")


def _sign(mark: str) -> int:
    """The sign a cell's mark prints: "-", "−", "▼", "▽" are falls, anything else a rise."""
    return -1 if mark in ("-", "\u2212", "▼", "▽") else 1


# a quote page's data box: "Previous Close 4,909.93", "Open 4,965.01 · High 5,019.54 · Low 4,931.20",
# "Day Range 4,931.20 - 5,019.54", "전일 4,909.93  시가 4,965.01  고가 5,019.54  저가 4,931.20"
DATA_LABELS = {"open": "open", "opening": "open", "시가": "open", "high": "high", "day high": "high", "고가": "high",
               "low": "low", "day low": "low", "저가": "low", "previous close": "previous", "prev. close": "previous",
               "prev close": "previous", "전일": "previous", "전일 종가": "previous", "전일종가": "previous",
               "day range": "range", "day's range": "range", "days range": "range", "volume": "volume", "거래량": "volume"}
SUFFIX_SCALE = {"K": 1e3, "M": 1e6, "B": 1e9}  # "Volume 512.34M"
# the rows of such a box over other spans ("52 Week Range", "5 Day", "1 Month", "YTD"): nobody's claim
PERIOD_LABEL = re.compile(r"^(?:52[- ]?(?:week|wk)|\d+[- ]?(?:day|week|month|year)s?|ytd|year to date)\b", re.I)
NUMBER = r"[-+\u2212]?\d[\d,]*(?:\.\d+)?(?:%|[KMB]\b)?"
DATA_ITEM = re.compile(rf"(?P<label>(?:\d+[- ]?)?[A-Za-z가-힣][A-Za-z가-힣.' ]*?)\s*:?\s+(?P<a>{NUMBER})(?:\s*[-\u2013~]\s*(?P<b>{NUMBER}))?")
DATA_SEPARATOR = re.compile(r"\s*(?:[·|/]|\s{2,})\s*")
INDEX_LINE = re.compile(r"\b(KOSPI|KOSDAQ|Kospi|Kosdaq)\b|코스피|코스닥")


def _data_box(article: Article, spans: list[tuple[int, int]], k: int, as_of: str) -> list[Mention] | None:
    """The mentions of data-box line ``k``; None when it is no such line."""
    text = article.text
    start, end = spans[k]
    line = text[start:end]
    items, pos = [], 0
    while pos < len(line):
        m = DATA_ITEM.match(line, pos)
        if m is None:
            return None
        items.append(m)
        sep = DATA_SEPARATOR.match(line, m.end())
        pos = sep.end() if sep and sep.end() > m.end() else m.end()
        if sep is None and pos < len(line):
            return None
    if all(PERIOD_LABEL.match(m["label"]) for m in items):
        return []  # "52 Week Range 2,284.72 - 5,019.54", "YTD +17.52%": another span's figures
    labels = [" ".join(m["label"].lower().split()) for m in items]
    if not all(lab in DATA_LABELS or PERIOD_LABEL.match(lab) for lab in labels):
        return None
    subject = None
    for j in range(0, k + 1):  # the index the box belongs to: the page's first one (its title, its lead)
        named = INDEX_LINE.search(text[spans[j][0]:spans[j][1]])
        if named:
            subject = "KOSDAQ" if named.group().lower() in ("kosdaq", "코스닥") else "KOSPI"
            break
    if subject is None:
        return None
    out: list[Mention] = []
    for m, lab in zip(items, labels):
        role = DATA_LABELS.get(lab)
        if role is None or "%" in m["a"]:
            continue
        cells = [("a", "low" if role == "range" else role)] + ([("b", "high")] if role == "range" and m["b"] else [])
        for group, metric in cells:
            raw = m[group]
            scale = SUFFIX_SCALE.get(raw[-1], 1.0)
            if scale != 1.0 and metric != "volume":
                continue  # a level never has a suffix
            try:
                value = float(parse_number(raw.rstrip("KMB").lstrip("+")) * int(scale))
            except NumberError:
                continue
            dec = decimals(raw)
            at = start + m.start(group)
            ref = PREVIOUS_SESSION if metric == "previous" else None
            out.append(Mention("index", subject, "close" if metric == "previous" else metric,
                               "open" if metric == "open" else "close" if metric in ("previous", "volume") else as_of,
                               value, False, at, at + len(raw), start, end, f"table.{metric}",
                               decimals=dec, quantum=scale * 10.0 ** -dec, date_ref=ref))
    return out


def find(article: Article, paragraphs: list[tuple[int, int]],
         as_of: str) -> tuple[list[Mention], set[tuple[int, int]], dict[tuple[int, int], DateRef]]:
    """The mentions of every table among ``paragraphs``, the paragraphs its rows take, and the
    rows left to the sentence reader under a dated title ("■ 주요 지표 (4/10 금 종가 기준)" over
    "원/달러(원) | 1,468.9 | +16.5"): the title's date is theirs too."""
    text = article.text
    out: list[Mention] = []
    taken: set[tuple[int, int]] = set()
    titled: dict[tuple[int, int], DateRef] = {}
    i = 0
    while i < len(paragraphs):
        dated = dated_tables.find(article, paragraphs, i)
        if dated is not None:  # a row a session: "| Mon Apr 28 | 2,548.86 | +0.10% | 715.46 |"
            out += dated[0]
            taken.update(dated[1])
            i += len(dated[1])
            continue
        by_market = _investors_by_market(article, paragraphs, i, as_of)
        if by_market is not None:  # investors head the columns, a market a row
            out += _dated(by_market[0], _title_date(article, paragraphs, i))
            taken.update(by_market[1])
            i += len(by_market[1])
            continue
        header = _cells(text[paragraphs[i][0]:paragraphs[i][1]])
        flows = _investor_rows(article, paragraphs, i, header, as_of)
        title = _title_date(article, paragraphs, i)
        if flows is not None:
            out += _dated(flows[0], title)
            taken.update(flows[1])
            i += max(len(flows[1]), 1)
            continue
        columns = _columns(header)
        if columns is None and "|" not in text[paragraphs[i][0]:paragraphs[i][1]]:
            header = row_cells(text[paragraphs[i][0]:paragraphs[i][1]])  # aligned with spaces
            columns = _columns(header) if len(header) >= 3 else None
        if columns is None:
            i += 1
            continue
        price_col, change_col, points_col, row_as_of = columns
        j = i + 1
        while j < len(paragraphs):
            span = paragraphs[j]
            row = row_cells(text[span[0]:span[1]])
            if j == i + 1 and MARKDOWN_RULE.fullmatch(text[span[0]:span[1]]):
                j += 1
                continue
            if len(row) != len(header) or not any(ch.isdigit() for ch in text[span[0]:span[1]]):
                break
            found = _row(article, span, row, price_col, change_col, row_as_of or as_of, points_col,
                         change_col is not None and bool(PCT_HEADER.search(header[change_col])))
            if found:
                out += _dated(found, title)
                taken.add(span)
            elif title is not None:
                titled[span] = title
            j += 1
        i = j
    for k in range(1, len(paragraphs) - 1):
        found, spans = _investor_columns(article, paragraphs[k - 1:k + 3], as_of)
        out += found
        taken.update(spans)
    for k, span in enumerate(paragraphs):
        if span in taken:
            continue
        box = _data_box(article, paragraphs, k, as_of)
        if box is not None:
            out += box
            taken.add(span)
    for span in paragraphs:
        m = ALIGNED_ROW.match(text[span[0]:span[1]])
        if span in taken or m is None:
            continue
        subject = _subject(m["name"])
        if subject is None or subject[0] != "quote":
            continue  # an index row is a sentence the reader takes as it is
        found = _row(article, span, [m["name"], m["price"], m["pct"]], 1, 2, as_of)
        if found:
            out += found
            taken.add(span)
    return out, taken, {span: ref for span, ref in titled.items() if span not in taken}


def _title_date(article: Article, paragraphs: list[tuple[int, int]], i: int) -> DateRef | None:
    """The one date of a table's title line, just above its header ("MOVERS (Apr 14)",
    "TUE OCT 13 — CLOSE", "10월 13일 마감"): the session its rows report."""
    if i == 0:
        return None
    line = article.text[paragraphs[i - 1][0]:paragraphs[i - 1][1]].strip()
    if len(line) > 80 or "|" in line:
        return None
    found = find_dates(line.title() if line.isupper() else line)
    return found[0] if len(found) == 1 else None


def _dated(found: list[Mention], title: DateRef | None) -> list[Mention]:
    return [m if title is None or m.date_ref is not None else replace(m, date_ref=title) for m in found]


def _columns(header: list[str]) -> tuple[int | None, int | None, int | None, str | None] | None:
    if len(header) < 2 or any(ch.isdigit() for c in header for ch in c if ch not in "0"):
        return None
    if not NAME_COLUMN.search(header[0]):
        return None
    price = next((k for k, c in enumerate(header[1:], 1) if PRICE_COLUMN.search(c) and not CHANGE_COLUMN.search(c)), None)
    changes = [k for k, c in enumerate(header[1:], 1) if CHANGE_COLUMN.search(c) and k != price]
    # "Chg | Chg %": the first is in points (or won), the second in percent
    change = next((k for k in changes if "%" in header[k] or re.search(r"pct|percent|률", header[k], re.I)), changes[0] if changes else None)
    if price is None and change is None:
        return None
    labels = " ".join(header[1:])
    # a "Close" column is the close; "Current", "현재가" or "Last" is the report's own moment
    # (a closing report's data page prints its closes under "현재가")
    row_as_of = "close" if re.search(r"\bclos(?:e|ing)\b|종가", labels, re.I) else None
    points = next((k for k in changes if k != change), None)
    return price, change, points, row_as_of


def _subject(name: str) -> tuple[str, str] | None:
    key = " ".join(name.lower().split())
    if key in INDEX_NAMES:
        return "index", INDEX_NAMES[key]
    if FX_ROW.match(key):
        return "fx", "USD/KRW"
    rate = RATE_ROW.match(key)
    if rate:
        return "rate", f"KTB{rate['y']}Y"
    found = tickers.find(name)
    if len(found) == 1 and found[0][0] <= 1 and found[0][1] >= len(name.rstrip()) - 1:
        return "quote", found[0][2]
    if re.fullmatch(r"\(?\d{6}\)?", name.strip()):
        return "quote", name.strip("() ")
    return None


def _row(article: Article, span: tuple[int, int], row: list[str], price_col: int | None,
         change_col: int | None, as_of: str, points_col: int | None = None, pct_column: bool = False) -> list[Mention]:
    """The mentions of one row; ``pct_column``: the change column's header names percent
    ("등락률", "Chg %"), so a bare "+1.25" there is a percent."""
    previous = PREVIOUS_ROW.match(row[0])  # "KOSPI prev. close | 4,909.93"
    subject = _subject(previous["name"] if previous else row[0])
    if subject is None or (previous and subject[0] != "index"):
        return []
    kind, code = subject
    line = article.text[span[0]:span[1]]
    out: list[Mention] = []

    def mention(metric: str, cell: str, value: float, dec: int, quantum: float) -> Mention:
        at = line.find(cell)
        start = span[0] + max(at, 0)
        if previous:
            return Mention(kind, code, "close", "close", value, False, start, start + len(cell), span[0], span[1],
                           "table.previous", decimals=dec, quantum=quantum, date_ref=PREVIOUS_SESSION)
        return Mention(kind, code, metric, as_of, value, False, start, start + len(cell), span[0], span[1],
                       f"table.{metric}", decimals=dec, quantum=quantum)

    if price_col is not None and price_col < len(row):
        cell = row[price_col]
        m = AMOUNT.match(cell.rstrip("% ") if kind == "rate" else cell)  # a yield "2.701%"
        if m:
            try:
                raw = m["n"]
                value = parse_korean(raw) if any(u in raw for u in "만천") else parse_number(raw)
            except NumberError:
                value = None
            if value is not None and value > 0:
                metric = {"quote": "price", "fx": "rate", "rate": "yield"}.get(kind) or ("close" if as_of == "close" else "level")
                dec = decimals(raw)
                out.append(mention(metric, cell, float(value), dec, 10.0 ** -dec))
    if previous:
        return out
    if kind in ("fx", "rate"):  # the won's move in won, a yield's in basis points; their percent is no metric
        for k in (points_col, change_col):
            cell = row[k].strip() if k is not None and k < len(row) else ""
            bp, won = BP_CELL.match(cell), SIGNED.match(cell)
            if kind == "rate" and bp:
                out.append(mention("change_bp", row[k], _sign(bp["sign"]) * float(bp["n"]), decimals(bp["n"]),
                                   10.0 ** -decimals(bp["n"])))
                break
            if kind == "fx" and won and won["sign"] and k == points_col:
                out.append(mention("change", row[k], _sign(won["sign"]) * float(parse_number(won["n"])),
                                   decimals(won["n"]), 10.0 ** -decimals(won["n"])))
                break
        return out
    if points_col is not None and points_col < len(row) and kind == "index":
        m = SIGNED.match(row[points_col].strip())
        if m and m["sign"]:  # "+46.20": the index's change in points
            try:
                value = float(parse_number(m["n"])) * _sign(m["sign"])
                out.append(mention("change", row[points_col], value, decimals(m["n"]), 10.0 ** -decimals(m["n"])))
            except NumberError:
                pass
    if change_col is not None and change_col < len(row):
        cell = row[change_col]
        both = BOTH_CHANGES.match(cell.strip())
        m = PERCENT.match(cell) or both
        if both and kind == "index" and points_col is None:
            try:
                sign = _sign(both["psign"] or both["sign"])
                out.append(mention("change", cell, sign * float(parse_number(both["p"])), decimals(both["p"]),
                                   10.0 ** -decimals(both["p"])))
            except NumberError:
                pass
        if m and ("%" in cell or pct_column):  # a bare number in a change column could be won or points
            sign = _sign(m["sign"])
            try:
                value = parse_number(m["n"])
            except NumberError:
                value = None
            if value is not None:
                dec = decimals(m["n"])
                out.append(mention("change_pct", cell, sign * float(value), dec, 10.0 ** -dec))
    return out



INVESTOR_HEADER = re.compile(r"\binvestors?\b|투자자|매매\s?주체|^주체$", re.I)
OTHER_MARKET = re.compile(r"\bkosdaq\b|코스닥|선물|futures", re.I)
KOSPI_COLUMN = re.compile(r"\bkospi\b|코스피|유가증권", re.I)


def _investor_rows(article: Article, paragraphs: list[tuple[int, int]], i: int, header: list[str],
                   as_of: str) -> tuple[list[Mention], list[tuple[int, int]]] | None:
    """A table of investors a row, its amounts under a header that names their unit:

        | Investor | Net buy (KRW bn) |        | 투자자 | 코스피 | 코스닥 |   (단위: 억원) above
        | Foreign  | +412.5           |        | 외국인 | -3,120 | +410  |

    The KOSPI's column (the one so named, else the only amount column) gives each group's
    net buying. None when paragraph ``i`` heads no such table."""
    text = article.text
    if len(header) < 2 or not INVESTOR_HEADER.search(header[0]):
        return None
    above = text[paragraphs[i - 1][0]:paragraphs[i - 1][1]] if i > 0 else ""
    if OTHER_MARKET.search(header[0]) or (OTHER_MARKET.search(above) and not KOSPI_COLUMN.search(above + " ".join(header))):
        return None
    named = [k for k, c in enumerate(header[1:], 1) if KOSPI_COLUMN.search(c)]
    units = [k for k, c in enumerate(header[1:], 1) if AMOUNT_UNIT.search(c)]
    unit = AMOUNT_UNIT.search(" ".join(header[k] for k in units)) if units else AMOUNT_UNIT.search(above)
    if unit is None:
        return None
    cols = named or (units if len(units) == 1 else [k for k in range(1, len(header)) if not OTHER_MARKET.search(header[k])])
    if len(cols) != 1:
        return None
    col = cols[0]
    scale = _scale(unit)
    out: list[Mention] = []
    last = i
    for k, line, row in body_rows(text, paragraphs, i, len(header)):
        subject = INVESTOR_CELLS.get(row[0].strip().lower())
        if subject is None:
            break
        last = k
        found = _flow_cell(subject, row[col], line, paragraphs[k], scale, as_of)
        if found is not None:
            out.append(found)
    return (out, paragraphs[i:last + 1]) if out else None


def _scale(unit: re.Match[str]) -> float:
    """The won a unit ("KRW bn", "억원") counts."""
    return UNIT_SCALE[next(w for w in UNIT_SCALE if w in unit["u"].lower())]


def _flow_cell(subject: str, cell: str, line: str, span: tuple[int, int], scale: float, as_of: str) -> Mention | None:
    """A group's net buying printed in one table cell ("+412.5", "-3,786" in ``scale`` won), or
    None when the cell holds no signed amount."""
    m = SIGNED.match(cell.strip())
    if m is None:
        return None
    try:
        value = float(parse_number(m["n"])) * scale
    except NumberError:
        return None
    start = span[0] + max(line.find(cell), 0)
    dec = decimals(m["n"])
    return Mention("flow", subject, "net_buy", as_of, _sign(m["sign"]) * value, False, start, start + len(cell),
                   span[0], span[1], "table.net_buy", decimals=dec, quantum=scale * 10.0 ** -dec)


MARKET_ROWS = {"kospi": "KOSPI", "코스피": "KOSPI", "유가증권": "KOSPI", "유가증권시장": "KOSPI", "kosdaq": "KOSDAQ",
               "코스닥": "KOSDAQ", "코스닥시장": "KOSDAQ"}


def _investors_by_market(article: Article, paragraphs: list[tuple[int, int]], i: int,
                         as_of: str) -> tuple[list[Mention], list[tuple[int, int]]] | None:
    """A table of investors by market, its unit in the title above or the header:

        ■ 투자자별 순매수 (잠정, 단위: 억원)
         구분          개인       외국인        기관
         KOSPI       +8,771      -3,786      -5,279
         KOSDAQ      +1,540        -812        -645

    The KOSPI row gives each group's net buying (KOSDAQ flows are no facts, but their row is the
    table's). None when paragraph ``i`` heads no such table."""
    text = article.text
    header = row_cells(text[paragraphs[i][0]:paragraphs[i][1]])
    if len(header) < 3 or not NAME_COLUMN.search(header[0]) and header[0].lower() not in ("market", "시장"):
        return None
    subjects = [INVESTOR_CELLS.get(c.lower()) for c in header[1:]]
    if None in subjects:
        return None
    above = text[paragraphs[i - 1][0]:paragraphs[i - 1][1]] if i > 0 else ""
    unit = AMOUNT_UNIT.search(" ".join(header)) or AMOUNT_UNIT.search(above)
    if unit is None:
        return None
    scale = _scale(unit)
    out: list[Mention] = []
    last = i
    for k, line, row in body_rows(text, paragraphs, i, len(header), split=row_cells):
        market = MARKET_ROWS.get(row[0].lower())
        if market is None:
            break
        last = k
        if market != "KOSPI":
            continue
        for subject, cell in zip(subjects, row[1:]):
            found = _flow_cell(subject, cell, line, paragraphs[k], scale, as_of)  # type: ignore[arg-type]
            if found is not None:
                out.append(found)
    return (out, paragraphs[i:last + 1]) if last > i else None


def _investor_columns(article: Article, spans: list[tuple[int, int]],
                      as_of: str) -> tuple[list[Mention], list[tuple[int, int]]]:
    """``spans``: the unit line, the header of investors, (a ``|---|`` rule,) the row of amounts.
    The mentions of the row, and the spans of the header, rule and row they take."""
    text = article.text
    unit = AMOUNT_UNIT.search(text[spans[0][0]:spans[0][1]])
    header = _cells(text[spans[1][0]:spans[1][1]])
    if unit is None or "|" not in text[spans[1][0]:spans[1][1]] or len(header) < 2:
        return [], []
    subjects = [INVESTOR_CELLS.get(c.lower()) for c in header]
    if None in subjects:
        return [], []
    rows = spans[2:]
    if rows and MARKDOWN_RULE.fullmatch(text[rows[0][0]:rows[0][1]]):
        rows = rows[1:]
    if not rows:
        return [], []
    span = rows[0]
    cells = _cells(text[span[0]:span[1]])
    if len(cells) != len(header):
        return [], []
    line = text[span[0]:span[1]]
    found = [_flow_cell(subject, cell, line, span, _scale(unit), as_of) for subject, cell in zip(subjects, cells)]  # type: ignore[arg-type]
    mentions = [m for m in found if m is not None]
    if len(mentions) != len(found):  # every cell a signed amount, or the row is no row of amounts
        return [], []
    return mentions, [s for s in spans[1:] if s[0] <= span[0]]
