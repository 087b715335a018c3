"""Bad input: a corpus of things a user may point ``kospitl ingest`` at, as an example table.

Each row is run through the CLI as ``kospitl ingest BAD GOOD`` (GOOD is a bundled sample
article) on a fresh database. Two tests share the runs:

- ``test_invariants`` holds for every row, whatever kospitl decides about the file: no
  traceback, at most one ``Error:`` line for it, a non-zero exit status whenever an
  ``Error:`` line is printed, and the good article ingested exactly as on its own.
- ``test_behaviour`` checks the decision the table makes for the file, one of:

  ``error``     rejected: exactly one line ``Error: <path>: <reason>`` (reason matching the
                row's fragment), exit status 1, and the database exactly as after ingesting
                the good article alone (table counts and timeline export);
  ``problems``  accepted, but nothing usable: no ``Error:`` line, problem lines
                ``<path>[:LINE]: message`` (one matching the fragment), no invented facts;
  ``ok``        accepted normally: no ``Error:`` line, exit status 0, the article stored.

The ``why`` column says why that decision is the right one. Where kospitl behaves otherwise
the row is a strict xfail whose reason is the bug. Files are built in ``tmp_path`` at test
time (the 50 MB file is never committed).
"""
from __future__ import annotations

import io
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable

import pytest
from click.testing import CliRunner

from conftest import ROOT, SAMPLES, invoke, table_counts
from crash_harness import copy_db

from kospitl.db import open_db

GOOD = SAMPLES / "003_fcfe2bea72860407.txt"     # ingested beside every bad file
ARTICLE = SAMPLES / "002_4f409d777393ce93.txt"  # the article the variants below are made of
ARTICLE_TEXT = ARTICLE.read_text(encoding="utf-8")
NEXT_YEARS = date.today().year + 3  # a publication year that cannot have happened yet

# A dated wire paragraph: what a minimal, well-formed article looks like.
def wire(sentence: str, published: str = "2026.01.05 16:00") -> bytes:
    return f"Published {published}\nSEOUL -- {sentence}\n".encode()


HTML_PAGE = b"""<!DOCTYPE html>
<html lang="ko">
<head>
  <meta charset="utf-8">
  <title>\xeb\x84\xa4\xec\x9d\xb4\xeb\xb2\x84 \xea\xb8\x88\xec\x9c\xb5 : \xed\x8e\x98\xec\x9d\xb4\xec\xa7\x80\xeb\xa5\xbc \xec\xb0\xbe\xec\x9d\x84 \xec\x88\x98 \xec\x97\x86\xec\x8a\xb5\xeb\x8b\x88\xeb\x8b\xa4</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="stylesheet" href="https://ssl.pstatic.net/static/finance/css/common.css?v=20260105">
  <script>window.__CONFIG__ = {"env": "real", "buildNo": 4471, "ab": [0.25, 0.5]};</script>
</head>
<body>
  <div id="header"><a href="/">Naver Finance</a> <a href="/sise/">Market</a> <a href="/news/">News</a>
    <form action="/search/"><input type="text" name="query" placeholder="Search stocks"></form></div>
  <div id="content">
    <h2>The page you requested cannot be found.</h2>
    <p>The address may be wrong, or the page may have been deleted or moved.</p>
    <p><a href="javascript:history.back()">Go back</a> | <a href="/">Finance home</a></p>
  </div>
  <div id="footer">Terms of Service | Privacy Policy | Help &copy; NAVER Corp.</div>
  <script src="https://ssl.pstatic.net/static/finance/js/common.js"></script>
</body>
</html>
"""


# ---- the table ---------------------------------------------------------------------------------

@dataclass
class Built:
    args: list[str]           # what is passed on the command line before GOOD
    path: str                 # the file name kospitl should report
    after: Callable[[], None] | None = None  # cleanup once the run is over


@dataclass
class Kind:
    id: str
    build: Callable[[Path], Built]
    expect: str               # error | problems | ok
    fragment: str             # regex: in the Error line (error) / a problem line (problems)
    why: str
    xfail: str | None = None  # the bug, when kospitl does otherwise
    check: Callable[["Outcome"], None] | None = None
    skip: Callable[[], str | None] | None = None


def file_kind(name: str, data: bytes | Callable[[], bytes]) -> Callable[[Path], Built]:
    def build(tmp: Path) -> Built:
        p = tmp / name
        p.write_bytes(data() if callable(data) else data)
        return Built([str(p)], str(p))
    return build


def big_file(tmp: Path) -> Built:
    p = tmp / "huge.txt"
    line = b"The KOSPI closed higher as foreign investors bought chip shares on Monday.\n"
    with open(p, "wb") as f:
        for _ in range((50 * 1024 * 1024) // len(line) + 1):
            f.write(line)
    return Built([str(p)], str(p))


def directory_as_file(tmp: Path) -> Built:
    d = tmp / "article.txt"  # a directory whose name looks like an article, with no article inside
    d.mkdir()
    (d / "scan.pdf").write_bytes(b"%PDF-1.4\n")
    return Built([str(d)], str(d))


def directory_by_glob(tmp: Path) -> Built:
    d = tmp / "inbox" / "folder.txt"  # matched by *.txt, empty
    d.mkdir(parents=True)
    return Built([str(tmp / "inbox" / "*.txt")], str(d))


def directory_with_article(tmp: Path) -> Built:
    d = tmp / "today.txt"  # named like a file, holding an article: scanned as a folder
    d.mkdir()
    shutil.copyfile(ARTICLE, d / "inside.txt")
    return Built([str(d)], str(d / "inside.txt"))


def missing(tmp: Path) -> Built:
    p = tmp / "no-such-article.txt"
    return Built([str(p)], str(p))


def symlink_loop(tmp: Path) -> Built:
    a, b = tmp / "loop-a.txt", tmp / "loop-b.txt"
    a.symlink_to(b)
    b.symlink_to(a)
    return Built([str(a)], str(a))


def dangling_symlink(tmp: Path) -> Built:
    a = tmp / "dangling.txt"
    a.symlink_to(tmp / "deleted-article.txt")
    return Built([str(a)], str(a))


def unreadable(tmp: Path) -> Built:
    p = tmp / "secret.txt"
    p.write_bytes(ARTICLE.read_bytes())
    p.chmod(0)
    return Built([str(p)], str(p), after=lambda: p.chmod(0o644))


def fifo_with_writer(tmp: Path) -> Built:
    """A named pipe whose writer sends the article in two pieces with a pause between them:
    the reader must wait for the end of the data, not take what is there at first."""
    p = tmp / "pipe.txt"
    os.mkfifo(p)
    data = ARTICLE.read_bytes()
    done = threading.Event()

    def write() -> None:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not done.is_set():
            try:  # non-blocking open: never hang the test if nobody opens the pipe
                fd = os.open(p, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:
                time.sleep(0.01)
                continue
            os.set_blocking(fd, True)
            try:
                os.write(fd, data[: len(data) // 2])
                time.sleep(0.2)
                os.write(fd, data[len(data) // 2:])
            except BrokenPipeError:
                pass
            finally:
                os.close(fd)
            return

    t = threading.Thread(target=write, daemon=True)
    t.start()

    def after() -> None:
        done.set()
        t.join(5)
    return Built([str(p)], str(p), after=after)


def newline_in_name(tmp: Path) -> Built:
    p = tmp / "bad\nname.txt"
    p.write_bytes(b"")
    return Built([str(p)], str(p))


def root() -> str | None:
    return "running as root: permissions are not enforced" if hasattr(os, "geteuid") and os.geteuid() == 0 else None


# checks beyond the decision, on the outcome of the run

def same_observations_as_the_article(o: "Outcome") -> None:
    assert o.bad_observations() == o.reference_observations, \
        "a re-encoded copy of the article must give the same observations as the original"


def subset_of_the_article(o: "Outcome") -> None:
    got = o.bad_observations()
    assert got, "the figures before the cut are still figures"
    assert got <= o.reference_observations, got - o.reference_observations


def no_value(*values: float) -> Callable[["Outcome"], None]:
    def check(o: "Outcome") -> None:
        con = sqlite3.connect(o.db)
        try:
            for v in values:
                n = con.execute("SELECT (SELECT COUNT(*) FROM fact WHERE value = ?) + "
                                "(SELECT COUNT(*) FROM observation WHERE value = ?)", (v, v)).fetchone()[0]
                assert n == 0, f"{v} is stored as a figure"
        finally:
            con.close()
    return check


def facts_within_calendar(o: "Outcome") -> None:
    con = sqlite3.connect(o.db)
    try:
        bad = con.execute("SELECT date, subject, metric, value FROM fact WHERE date > ? OR date < '1995-01-01'",
                          (date.today().isoformat(),)).fetchall()
    finally:
        con.close()
    assert not bad, f"facts dated outside the KRX calendar: {bad}"


def timeline_unchanged(o: "Outcome") -> None:
    assert o.timeline == o.baseline.timeline, "the file added or changed facts"


def close_is(value: float) -> Callable[["Outcome"], None]:
    def check(o: "Outcome") -> None:
        con = sqlite3.connect(o.db)
        try:
            got = [v for (v,) in con.execute(
                "SELECT value FROM fact WHERE date = '2026-01-05' AND subject = 'KOSPI' AND metric = 'close' "
                "AND as_of = 'close'")]
        finally:
            con.close()
        assert got == [value], got
    return check


def both(*checks: Callable[["Outcome"], None]) -> Callable[["Outcome"], None]:
    def check(o: "Outcome") -> None:
        for c in checks:
            c(o)
    return check


KINDS: list[Kind] = [
    # -- not text ---------------------------------------------------------------------------
    Kind("empty", file_kind("empty.txt", b""), "error", "empty file",
         "nothing to read; storing it would only add an empty article"),
    Kind("whitespace-only", file_kind("blank.txt", b" \n\t\r\n   \n"), "error", "empty file",
         "same as empty: whitespace carries no text"),
    Kind("binary", file_kind("photo.txt", bytes(range(256)) * 64), "error", "binary",
         "arbitrary bytes (an image saved with the wrong name) are not text"),
    Kind("png", file_kind("chart.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(200)) * 8),
         "error", "binary", "a real file format with a text-looking name"),
    Kind("gzip", file_kind("article.txt", lambda: __import__("gzip").compress(ARTICLE.read_bytes())),
         "error", "binary|not UTF-8", "a compressed article must be decompressed first, not read as mojibake"),
    Kind("pdf", file_kind("report.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 44 /Filter /FlateDecode >>\n"
                          b"stream\nx\x9c\x0b\xc9\xc8,V\x00\xa2D\x85\x92\xd4\x8a\x12\x00\x00\x00\xff\xff\x00\x00\n"
                          b"endstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"),
         "error", "binary|not UTF-8", "a PDF is a binary container; its text is not readable as is"),
    Kind("utf16-bom", file_kind("utf16.txt", ("\ufeff" + ARTICLE_TEXT).encode("utf-16-le")), "error", "UTF-16",
         "kospitl reads UTF-8 only; guessing encodings risks wrong figures (README: not UTF-8 is refused)"),
    Kind("utf16-no-bom", file_kind("utf16-nobom.txt", ARTICLE_TEXT.encode("utf-16-le")), "error", "UTF-16|binary",
         "UTF-16 without a BOM: its ASCII letters alternate with NUL bytes; refused, not misread"),
    Kind("latin1", file_kind("latin1.txt", "S\u00e9oul: KOSPI closes at 4,309.63, caf\u00e9 stocks up".encode("latin-1")),
         "error", "not UTF-8", "Latin-1 bytes are invalid UTF-8: refused with the offset of the bad byte"),
    Kind("one-bad-byte", file_kind("onebad.txt", ARTICLE.read_bytes().replace(b"Foreign investors", b"Foreign\xff investors")),
         "error", "not UTF-8", "one invalid byte in an otherwise good article: the file is damaged, and the "
         "reader cannot know what else is; refused, naming the offset"),
    Kind("cesu-surrogates", file_kind("cesu.txt", wire("The KOSPI rose 1.2 percent SURROGATES.")
                                      .replace(b"SURROGATES", b"\xed\xa0\xbd\xed\xb8\x80")),
         "error", "not UTF-8", "UTF-8-encoded surrogates (CESU-8 from old Java tools) are not valid UTF-8"),
    Kind("nul-bytes", file_kind("nul.txt", ARTICLE.read_bytes().replace(b"Foreign investors", b"Foreign\x00\x00 investors")),
         "error", "binary", "NUL runs inside text are what a file system leaves in a file that was being written "
         "when the machine crashed: the text is not trustworthy, so it is refused"),
    Kind("huge-50MB", big_file, "error", "too large",
         "50 MB is no article (limit 20 MB); refused before extraction, which would take many minutes"),

    # -- not files ----------------------------------------------------------------------------
    Kind("directory-as-file", directory_as_file, "error", "director|no article",
         "a directory is scanned for article files (README); one that yields none was almost surely "
         "meant to be something else, and must be reported as a missing file or an unmatched glob is"),
    Kind("directory-by-glob", directory_by_glob, "error", "director|no article",
         "a glob that matches only a directory named like an article: as above"),
    Kind("directory-with-article", directory_with_article, "ok", "",
         "a directory named like a file, holding an article: scanned, its article read",
         check=same_observations_as_the_article),
    Kind("missing", missing, "error", "no such file", "a typo in a file name must be reported, not skipped"),
    Kind("dangling-symlink", dangling_symlink, "error", "no such file", "the link's target is gone: as missing"),
    Kind("symlink-loop", symlink_loop, "error", "cannot read|symbolic link",
         "a loop of links cannot be read; reported with the OS reason"),
    Kind("unreadable", unreadable, "error", "cannot read|[Pp]ermission",
         "no read permission: reported with the OS reason", skip=root),
    Kind("fifo-with-writer", fifo_with_writer, "ok", "",
         "a named pipe is read to its end like a file (this is what `kospitl ingest <(zcat a.gz)` "
         "passes); the article arrives in two pieces and must be read whole",
         check=same_observations_as_the_article),
    Kind("newline-in-name", newline_in_name, "error", "empty file",
         "POSIX file names may contain a newline; the Error line must still be one line"),

    # -- text that is not an article ----------------------------------------------------------
    Kind("html-page", file_kind("page.html", HTML_PAGE), "problems", "figure",
         ".html is an article suffix, and a saved page may hold an article; this one (a 404 page) "
         "has none: kept with a warning so `kospitl problems` shows it, nothing invented",
         check=timeline_unchanged),
    Kind("csv", file_kind("timeline.csv", b"date,kind,subject,metric,as_of,value\n"
                                         b"2026-01-02,index,KOSPI,close,close,4309.63\n"
                                         b"2026-01-05,index,KOSPI,close,close,4457.52\n"),
         "problems", "figure",
         "kospitl reads by content: cells are not sentences, so no facts, and a warning tells the user",
         check=both(timeline_unchanged, no_value(4309.63, 4457.52))),
    Kind("json", file_kind("article.json", b'{"title": "KOSPI closes at record", "published_at": '
                                          b'"2026-01-02T15:40:00+09:00", "body": "The KOSPI rose 95.46 points, '
                                          b'or 2.27 percent, to close at 4,309.63."}\n'),
         "problems", "cannot date",
         "a JSON export is not an article format; its body's figures are found but its date is a JSON "
         "field kospitl does not read, so they are problems, never guessed",
         check=timeline_unchanged),
    Kind("title-only", file_kind("title.txt", b"KOSPI closes at record high on chip rally\n"), "problems",
         "figure", "a headline with no body and no date: kept with a warning"),
    Kind("korean-no-figures", file_kind("ko.txt", "코스피가 반도체 강세에 힘입어 상승 마감했다. 외국인과 기관이 동반 "
                                                  "순매수에 나섰다.\n".encode()),
         "problems", "figure", "Korean prose without figures or date: kept with a warning"),
    Kind("long-single-line", file_kind("oneline.txt", lambda: (
        "The market was quiet and traders waited for the central bank. " * 1600
        + "The KOSPI rose 12.5 points, or 0.28 percent, to close at 4,457.52. "
        + "Analysts expect more volatility next week. " * 400).encode()),
         "problems", "cannot date",
         "a 120 KB text on one line (a crawl that lost its newlines) is still text: its figure is "
         "found, and without a date it is a problem", check=timeline_unchanged),
    Kind("other-market-only", file_kind("nikkei.txt", wire(
        "Japan's Nikkei 225 rose 1.2 percent to 51,832.80 on Monday, while on Wall Street the Dow Jones "
        "Industrial Average fell 0.63 percent to 48,063.29 and the Nasdaq composite slid 0.76 percent.")),
         "problems", "figure",
         "other markets are not facts (README); the article must add nothing, and say so", check=both(timeline_unchanged, no_value(51832.8, 48063.29))),

    # -- damaged articles ---------------------------------------------------------------------
    Kind("truncated", file_kind("cut.txt", ARTICLE_TEXT[: ARTICLE_TEXT.index("while individuals and") + 12].encode()),
         "ok", "", "a download cut mid-sentence is still an article; the figures before the cut are "
         "kept and nothing after it is invented", check=subset_of_the_article),
    Kind("front-matter-only", file_kind("nobody.txt", b"---\ntitle: \"(LEAD) KOSPI closes at record high\"\n"
                                                     b"publisher: Yonhap\npublished_at: 2026-01-02 15:40\n"
                                                     b"url: https://n.news.naver.com/mnews/article/001/1\n---\n"),
         "error", "body|no article text|no text",
         "a crawl that saved the metadata but not the article: there is no text to keep as evidence"),
    Kind("front-matter-unterminated", file_kind("open.txt", b"---\ntitle: KOSPI closes\npublished_at: 2026-01-02 15:40\n"
                                                           b"The KOSPI rose 10.5 points, or 0.3 percent, to close at 4,000.12.\n"),
         "problems", "cannot date",
         "an unterminated --- block is not front matter, so its date is not read: the figures are "
         "problems (not guessed), and the text is still kept", check=timeline_unchanged),
    Kind("numbers-1,2,3", file_kind("n123.txt", wire("The KOSPI rose 1,2,3 points to close at 4,45,7.52 on Monday.")),
         "problems", "figure", "badly grouped digits are no number: nothing is read from them, and the "
         "article says it gave nothing",
         check=both(timeline_unchanged, no_value(123, 44575.2, 4457.52, 457.52))),
    Kind("numbers-4,5OO", file_kind("n45oo.txt", wire("The KOSPI rose 4,5OO points to close at 4,5OO.52 on Monday.")),
         "problems", "figure", "a letter O for a zero: not a number",
         check=both(timeline_unchanged, no_value(4.5, 4500, 4500.52))),
    Kind("minus-zero-percent", file_kind("m0.txt", wire("The KOSPI closed at 4,457.52 on Monday, down \u22120.0% "
                                                        "from the previous session.")),
         "ok", "", "'−0.0%' (U+2212) is an unchanged index, printed with a sign: a change_pct of 0 (not "
         "-0 in the exports)", check=both(close_is(4457.52), lambda o: _no_minus_zero(o))),
    Kind("absurd-value", file_kind("absurd.txt", wire("The KOSPI rose 120.5 points, or 2.7 percent, to close at "
                                                      "45,000,000 on Monday.")),
         "problems", "45,000,000|45000000|implausible",
         "KOSPI at 45,000,000 (10,000x any level it has had) is a typo or a units slip; it must not "
         "become a fact, and the user must be told it was dropped",
         check=no_value(45_000_000)),
    Kind("date-feb-30", file_kind("feb30.txt", wire("The KOSPI rose 12.5 points, or 0.28 percent, to close at 4,457.52.",
                                                    published="2026.02.30 16:00")),
         "problems", "cannot date",
         "Feb. 30 does not exist: the date is not moved to a real day, so the figures are problems",
         check=timeline_unchanged),
    Kind("date-future", file_kind("future.txt", wire("The KOSPI rose 12.5 points, or 0.28 percent, to close at 4,457.52.",
                                                     published=f"{NEXT_YEARS}.01.07 16:00")),
         "problems", "future|date",
         "an article cannot be published years from now: its figures cannot be dated, so they are problems",
         check=facts_within_calendar),
    Kind("date-year-9999", file_kind("y9999.txt", wire("The KOSPI rose 12.5 points, or 0.28 percent, to close at 4,457.52.",
                                                       published="9999.12.31 16:00")),
         "problems", "date", "as the future date, at the end of the calendar",
         check=facts_within_calendar),
    Kind("date-year-1900", file_kind("y1900.txt", wire("The KOSPI rose 12.5 points, or 0.28 percent, to close at 4,457.52.",
                                                       published="1900.01.05 16:00")),
         "problems", "date", "before the KOSPI and the calendar (1995) existed: not a session date",
         check=facts_within_calendar),
    Kind("date-year-0001", file_kind("y0001.txt", wire("The KOSPI rose 12.5 points to close at 4,457.52, up from the "
                                                       "previous session.", published="0001.01.01 16:00")),
         "problems", "date",
         "a year-1 date is a typo; it must be refused as a date, not crash the date arithmetic",
         check=facts_within_calendar),
    Kind("korean-no-final-newline", file_kind("ko-nonl.txt", "입력 2026.01.05 16:00\n코스피는 12.5포인트(0.28%) 오른 "
                                                          "4,457.52에 마감했다. 외국인은 8천188억원을 순매수했다.".encode()),
         "ok", "", "a Korean article whose file does not end in a newline (most editors and many crawlers "
         "write it so) is the same article", check=close_is(4457.52)),
    Kind("front-matter-bad-date", file_kind("fm13.txt", b"---\ntitle: KOSPI closes higher\npublished_at: 2026-13-45 15:40\n---\n"
                                                        b"The KOSPI rose 12.5 points, or 0.28 percent, to close at 4,457.52.\n"),
         "problems", "cannot date|date",
         "an impossible published_at in front matter is no date (as 'Published 2026.02.30' is not): "
         "the figures are problems", check=timeline_unchanged),
    Kind("zero-width-space-in-number", file_kind("zwsp.txt", wire("The KOSPI rose 12.5 points, or 0.28 percent, to "
                                                                  "close at 4,457\u200b.52 on Monday.")),
         "ok", "", "web pages carry invisible U+200B; the reader sees 4,457.52 and so must kospitl "
         "(or drop the figure), never 4,457",
         check=close_is(4457.52)),
    Kind("fullwidth-digits", file_kind("fw.txt", wire("The KOSPI rose 12.5 points, or 0.28 percent, to close at "
                                                      "\uff14,\uff14\uff15\uff17.\uff15\uff12 on Monday.")),
         "ok", "", "full-width digits (East Asian typesetting) are the same number", check=close_is(4457.52)),
    Kind("control-characters", file_kind("ansi.txt", ARTICLE.read_bytes().replace(b"\n\nBig-cap", b"\n\x1b[0m\nBig-cap")
                                                  + b"\x1b[0m\x07\n"),
         "ok", "", "a few stray terminal escapes and a bell around an article (copied from a console) are noise, "
         "not binary data: the article reads as before", check=same_observations_as_the_article),

    # -- line ends and byte-order marks: must just work ---------------------------------------
    Kind("crlf", file_kind("crlf.txt", ARTICLE_TEXT.replace("\n", "\r\n").encode()), "ok", "",
         "Windows line ends are the same article", check=same_observations_as_the_article),
    Kind("mixed-crlf", file_kind("mixed.txt", "".join(line + ("\r\n" if i % 2 else "\n")
                                                      for i, line in enumerate(ARTICLE_TEXT.split("\n"))).encode()),
         "ok", "", "mixed line ends (an article edited on two systems) are the same article",
         check=same_observations_as_the_article),
    Kind("cr-only", file_kind("mac.txt", ARTICLE_TEXT.replace("\n", "\r").encode()), "ok", "",
         "classic Mac line ends (CR only) are the same article", check=same_observations_as_the_article),
    Kind("utf8-bom", file_kind("bom.txt", b"\xef\xbb\xbf" + ARTICLE.read_bytes()), "ok", "",
         "Windows editors prefix UTF-8 with a BOM: the same article", check=same_observations_as_the_article),
]


def _no_minus_zero(o: "Outcome") -> None:
    assert not re.search(r",-0(?:\.0*)?,", o.timeline), "a -0 value in the timeline export"


# ---- running the rows -------------------------------------------------------------------------

@dataclass
class Baseline:
    counts: dict[str, int]
    timeline: str
    good_observations: int


@dataclass
class Outcome:
    kind: Kind
    built: Built
    output: str
    exit_code: int
    db: str
    counts: dict[str, int]
    timeline: str
    baseline: Baseline
    reference_observations: set[tuple]
    _bad: set[tuple] | None = field(default=None, repr=False)

    @property
    def lines(self) -> list[str]:
        return self.output.splitlines()

    @property
    def error_lines(self) -> list[str]:
        return [line for line in self.lines if line.startswith("Error: ")]

    def problem_lines(self) -> list[str]:
        p = self.built.path
        return [line for line in self.lines if line.startswith(p + ":") and not line.startswith("Error: ")]

    def bad_observations(self) -> set[tuple]:
        return observations_of(self.db, exclude=str(GOOD))


def observations_of(db: str, *, exclude: str | None = None) -> set[tuple]:
    con = sqlite3.connect(db)
    try:
        return set(con.execute(
            "SELECT o.date, o.kind, o.subject, o.metric, o.as_of, o.value FROM observation o "
            "JOIN article a ON a.id = o.article_id WHERE a.source_path != ?", (exclude or "",)))
    finally:
        con.close()


class Runs:
    """Runs each row once (both tests read the outcome), on copies of one migrated database."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self.runner = CliRunner()
        self.template = str(base / "template.db")
        open_db(self.template).dispose()  # creates and migrates (read commands never create)
        self.baseline = self._baseline()
        ref = self._fresh("reference")
        r = invoke(self.runner, "ingest", "--db", ref, str(ARTICLE))
        assert r.exit_code == 0, r.output
        self.reference = observations_of(ref)
        self.outcomes: dict[str, Outcome] = {}

    def _fresh(self, name: str) -> str:
        db = str(self.base / f"{name}.db")
        copy_db(self.template, db)
        return db

    def _baseline(self) -> Baseline:
        db = self._fresh("baseline")
        r = invoke(self.runner, "ingest", "--db", db, str(GOOD))
        assert r.exit_code == 0 and "Error" not in r.output, r.output
        counts = table_counts(db)
        return Baseline(counts, self._timeline(db), counts["observation"])

    def _timeline(self, db: str) -> str:
        return invoke(self.runner, "export", "timeline", "--db", db).output

    def outcome(self, kind: Kind) -> Outcome:
        if kind.id not in self.outcomes:
            work = self.base / kind.id
            work.mkdir()
            built = kind.build(work)
            db = self._fresh(kind.id)
            try:
                from kospitl.cli import cli

                r = self.runner.invoke(cli, ["ingest", "--db", db, *built.args, str(GOOD)])
            finally:
                if built.after:
                    built.after()
            text = r.output
            if r.exception is not None and not isinstance(r.exception, SystemExit):
                import traceback
                text += "".join(traceback.format_exception(r.exception))
            self.outcomes[kind.id] = Outcome(kind, built, text, r.exit_code, db, table_counts(db),
                                             self._timeline(db), self.baseline, self.reference)
        return self.outcomes[kind.id]


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> Runs:
    return Runs(tmp_path_factory.mktemp("bad-input"))


def _params(strict: bool):
    out = []
    for k in KINDS:
        marks = []
        if strict and k.xfail:
            marks.append(pytest.mark.xfail(strict=True, reason=k.xfail))
        out.append(pytest.param(k, id=k.id, marks=marks))
    return out


def test_table_is_large_enough():
    assert len(KINDS) >= 30
    assert len({k.id for k in KINDS}) == len(KINDS)
    assert all(k.expect in ("error", "problems", "ok") and k.why for k in KINDS)


@pytest.mark.parametrize("kind", _params(strict=False))
def test_invariants(runs, kind: Kind):
    """Whatever the decision: no traceback, one Error line at most, the exit status follows the
    Error lines, and the good article beside the bad file is ingested as on its own."""
    if kind.skip and kind.skip():
        pytest.skip(kind.skip())
    o = runs.outcome(kind)
    assert "Traceback" not in o.output, o.output
    assert len(o.error_lines) <= 1, o.output
    if o.error_lines:
        assert o.exit_code == 1, o.output
    assert o.exit_code in (0, 1), o.output
    assert re.search(r"^\d+ file\(s\): ", o.output, re.M), o.output  # the summary line
    con = sqlite3.connect(o.db)
    try:
        n = con.execute("SELECT COUNT(*) FROM observation o JOIN article a ON a.id = o.article_id "
                        "WHERE a.source_path = ?", (str(GOOD),)).fetchone()[0]
        ok = con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()
    assert n == o.baseline.good_observations, "the good article was not ingested as on its own"
    assert ok == "ok"


@pytest.mark.parametrize("kind", _params(strict=True))
def test_behaviour(runs, kind: Kind):
    """The decision the table makes for this kind of file (see the module docstring)."""
    if kind.skip and kind.skip():
        pytest.skip(kind.skip())
    o = runs.outcome(kind)
    assert "Traceback" not in o.output, o.output
    if kind.expect == "error":
        assert len(o.error_lines) == 1, o.output
        line = o.error_lines[0]
        if "\n" in o.built.path:  # shown escaped, but on one line with its reason
            first, *_, last = o.built.path.split("\n")
            assert line.startswith(f"Error: {first}") and f"{last}: " in line, line
        else:
            assert line.startswith(f"Error: {o.built.path}: "), line
        assert re.search(kind.fragment, line), line
        assert o.exit_code == 1, o.output
        assert not o.problem_lines(), o.output
        assert o.counts == o.baseline.counts, "the rejected file changed the database"
        assert o.timeline == o.baseline.timeline
    elif kind.expect == "problems":
        assert not o.error_lines, o.output
        problems = o.problem_lines()
        assert problems, f"no problem line for {o.built.path}:\n{o.output}"
        assert any(re.search(kind.fragment, p) for p in problems), problems
        assert o.counts["article"] == o.baseline.counts["article"] + 1, "the file is kept with its problems"
        assert o.counts["problem"] > o.baseline.counts["problem"]
    else:
        assert not o.error_lines, o.output
        assert o.exit_code == 0, o.output
        assert o.counts["article"] == o.baseline.counts["article"] + 1
    if kind.check:
        kind.check(o)


# ---- beyond the table ---------------------------------------------------------------------------

def test_permission_denied_is_one_error_line_even_as_root(runner, db, tmp_path, monkeypatch):
    """The unreadable row is skipped under root; here the OS refusal is simulated instead."""
    p = tmp_path / "secret.txt"
    p.write_bytes(ARTICLE.read_bytes())
    real = Path.read_bytes
    real_open = io.open

    def refuse(self, *a, **k):
        if str(self) == str(p):
            raise PermissionError(13, "Permission denied", str(p))
        return real(self, *a, **k)

    def refuse_open(file, *a, **k):
        if str(file) == str(p):
            raise PermissionError(13, "Permission denied", str(p))
        return real_open(file, *a, **k)

    real_os_open = os.open

    def refuse_os_open(file, *a, **k):  # read_text opens a descriptor
        if str(file) == str(p):
            raise PermissionError(13, "Permission denied", str(p))
        return real_os_open(file, *a, **k)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    monkeypatch.setattr(io, "open", refuse_open)
    monkeypatch.setattr("builtins.open", refuse_open)
    monkeypatch.setattr(os, "open", refuse_os_open)
    r = invoke(runner, "ingest", "--db", db, str(p), str(GOOD))
    errors = [line for line in r.output.splitlines() if line.startswith("Error: ")]
    assert errors == [f"Error: {p}: cannot read (Permission denied)"], r.output
    assert r.exit_code == 1
    assert "Traceback" not in r.output


def test_impossible_date_option_is_one_error_line(runner, db):
    r = invoke(runner, "ingest", "--db", db, "--date", "2026-02-30", str(GOOD))
    assert r.exit_code != 0
    assert r.output.strip().splitlines() == ["Error: --date 2026-02-30: not an ISO date (YYYY-MM-DD)"]


def _rewritten_in_place(monkeypatch, path: Path, new: bytes) -> None:
    """Opening ``path`` for reading gives a file whose read() returns the first half of the old
    content, then rewrites the file on disk with ``new`` (bumping its mtime) and returns the rest
    from the new content: exactly what a reader sees when another program rewrites the file in
    place during the read (a torn read). Other files open normally."""
    real_open = io.open

    class Torn:
        def __init__(self, f):
            self.f = f

        def read(self, n: int = -1) -> bytes:
            old = self.f.read()
            half = len(old) // 2
            with real_open(path, "r+b") as w:
                w.seek(0)
                w.write(new)
                w.truncate()
            st = os.stat(path)
            os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
            with real_open(path, "rb") as again:
                rest = again.read()[half:]
            return old[:half] + rest

        def __getattr__(self, name):
            return getattr(self.f, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.f.close()

    def patched(file, mode="r", *a, **k):
        f = real_open(file, mode, *a, **k)
        if "r" in mode and "b" in mode and "+" not in mode and os.path.abspath(str(file)) == str(path):
            return Torn(f)
        return f

    monkeypatch.setattr(io, "open", patched)
    monkeypatch.setattr("builtins.open", patched)


def test_file_rewritten_during_the_read_is_not_stored_torn(runner, db, tmp_path, monkeypatch):
    """A torn read (first half of the old text, second half of the new) must not be stored as an article."""
    p = tmp_path / "live.txt"
    old, new = ARTICLE.read_bytes(), GOOD.read_bytes()
    p.write_bytes(old)
    _rewritten_in_place(monkeypatch, p, new)
    r = invoke(runner, "ingest", "--db", db, str(p))
    monkeypatch.undo()
    assert "Traceback" not in r.output
    con = sqlite3.connect(db)
    try:
        texts = [t for (t,) in con.execute("SELECT text FROM article")]
    finally:
        con.close()
    whole = {old.decode().replace("\r\n", "\n"), new.decode().replace("\r\n", "\n")}
    errors = [line for line in r.output.splitlines() if line.startswith(f"Error: {p}: ")]
    assert errors or texts, r.output
    for t in texts:
        assert t in whole, "the stored article is neither the old nor the new file, but a mix of both"


def test_file_replaced_atomically_while_ingesting_is_one_version_or_the_other(runner, db, tmp_path):
    """A writer that replaces the file atomically (write a temp file, rename), as crawlers should,
    while kospitl ingests it repeatedly: each stored article is one whole version, never a mix."""
    p = tmp_path / "live.txt"
    versions = [ARTICLE.read_bytes(), GOOD.read_bytes()]
    p.write_bytes(versions[0])
    stop = threading.Event()

    def writer() -> None:
        i = 0
        while not stop.is_set():
            tmp = tmp_path / f".live.{i}.tmp"
            tmp.write_bytes(versions[i % 2])
            os.replace(tmp, p)
            i += 1
            time.sleep(0.002)

    t = threading.Thread(target=writer, daemon=True)
    t.start()
    try:
        outputs = [invoke(runner, "ingest", "--db", db, str(p)).output for _ in range(6)]
    finally:
        stop.set()
        t.join(5)
    assert not any("Traceback" in o or "Error" in o for o in outputs), outputs
    con = sqlite3.connect(db)
    try:
        texts = [t for (t,) in con.execute("SELECT text FROM article")]
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        con.close()
    assert texts and set(texts) <= {v.decode() for v in versions}


def _limited(megabytes: int):
    def limit() -> None:  # runs in the child before exec
        import resource
        resource.setrlimit(resource.RLIMIT_AS, (megabytes << 20, megabytes << 20))
    return limit


@pytest.mark.skipif(not os.path.exists("/dev/zero") or sys.platform == "darwin", reason="needs Linux /dev/zero")
def test_endless_input_is_refused_without_reading_it_all(tmp_path):
    """An endless input (/dev/zero, an endless pipe) is refused after the size limit, not read until memory runs out."""
    db = str(tmp_path / "z.db")
    # 768 MB of address space: kospitl runs in under 400 MB, and the runaway read ends quickly
    r = subprocess.run([sys.executable, "-m", "kospitl", "ingest", "--db", db, "/dev/zero", str(GOOD)],
                       capture_output=True, text=True, timeout=120, preexec_fn=_limited(768), cwd=ROOT)
    out = r.stdout + r.stderr
    assert "Traceback" not in out, out[-2000:]
    errors = [line for line in out.splitlines() if line.startswith("Error: ")]
    assert len(errors) == 1 and re.match(r"Error: /dev/zero: .*(too large|not a (regular )?file)", errors[0]), out[-2000:]
    assert r.returncode == 1


class _Slow(Exception):
    pass


def _within(seconds: int, fn: Callable[[], object]) -> object:
    """Run ``fn`` in this (main) thread, interrupting it after ``seconds`` (the regex engine
    checks for signals, so a runaway match is interrupted too)."""
    def alarm(*_a):
        raise _Slow(f"still running after {seconds} s")
    old = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        return fn()
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


@pytest.mark.skipif(not hasattr(signal, "SIGALRM"), reason="needs SIGALRM")
def test_a_long_digit_run_does_not_stall_extraction():
    """A long digit run in a sentence with 원 or 주 (an account or order number) once backtracked exponentially
    in the Korean amount pattern (24 digits: 6.5 s, 30: minutes)."""
    from kospitl.articles import parse
    from kospitl.ingest import analyse

    # the pattern is only tried on sentences with 원 (or 주) in them, as Korean market news has
    text = ("입력 2026.01.05 16:00\n코스피는 12.5포인트 오른 4,457.52에 마감했다. "
            "문의 전화 0" + "1" * 26 + "번, 수수료 1000원.\n")
    _within(3, lambda: analyse(parse(text, "digits.txt")))


def test_check_accepts_a_percent_printed_with_one_decimal(runner, db, tmp_path):
    p = tmp_path / "onedecimal.txt"
    p.write_bytes(wire("The KOSPI rose 12.5 points, or 0.3 percent, to close at 4,457.52 on Monday."))
    assert invoke(runner, "ingest", "--db", db, str(p)).exit_code == 0
    r = invoke(runner, "check", "--db", db)
    assert ": violation: " not in r.output and r.exit_code == 0, r.output
