"""Ingest: the one place that knows the order of the stages.

read → extract → resolve → (one transaction per article) store + reconcile the touched keys.
"""
from __future__ import annotations

import glob
import re
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Iterable

import sqlalchemy.exc
from sqlalchemy.engine import Connection, Engine

from kospitl import sessions, store
from kospitl.articles import Article, content_hash, parse, read_text
from kospitl.errors import ArticleError, KospitlError, Problem
from kospitl.extraction import extract
from kospitl.records import Observation
from kospitl.resolution import report_session, resolve
from kospitl.witness import fingerprint, source_kind, witness_of

ARTICLE_SUFFIXES = {".txt", ".md", ".text", ".html", ".htm"}
NOT_ARTICLES = re.compile(r"^(?:README|LICENSE|CHANGELOG|CONTRIBUTING)\b", re.I)  # beside articles in a folder


@dataclass
class FileResult:
    path: str
    status: str  # new | known | redated | error
    observations: int = 0
    problems: list[Problem] = field(default_factory=list)
    error: str | None = None


@dataclass
class IngestReport:
    files: list[FileResult] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for f in self.files if f.status == status)

    @property
    def observations(self) -> int:
        return sum(f.observations for f in self.files)

    @property
    def problems(self) -> int:
        return sum(len(f.problems) for f in self.files)

    @property
    def errors(self) -> list[str]:
        return [f.error for f in self.files if f.error]


def expand(paths: Iterable[str]) -> list[str]:
    """Files named, directories (their article files, sorted) and glob patterns."""
    out: list[str] = []
    for p in paths:
        if any(ch in p for ch in "*?[") and not os.path.exists(p):
            matches = sorted(glob.glob(p, recursive=True))
            out.extend(matches or [p])
        elif os.path.isdir(p):
            found = sorted(str(f) for f in Path(p).rglob("*")
                           if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES and not NOT_ARTICLES.match(f.name))
            out.extend(found or [p])  # an empty folder is reported (as "is a directory"), not skipped
        else:
            out.append(p)
    return out


def analyse(art: Article, given: date | None = None) -> tuple[list[Observation], list[Problem]]:
    """Extraction and resolution of one article, without a database."""
    mentions, problems = extract(art)
    observations, unresolved = resolve(mentions, art, sessions.load(), given)
    return observations, problems + unresolved


def ingest_paths(engine: Engine, paths: Iterable[str], *, given: date | None = None,
                 dry_run: bool = False, progress: Callable[[str], None] | None = None) -> IngestReport:
    """Ingest every article file under ``paths``; a bad file is reported and skipped."""
    report = IngestReport()
    lookup = engine.connect()  # one read connection for "is it known?" across the files
    try:
        _ingest_each(engine, lookup, expand(paths), report, given, dry_run, progress)
    finally:
        lookup.close()
    return report


def _ingest_each(engine: Engine, lookup: Connection, paths: list[str], report: IngestReport,
                 given: date | None, dry_run: bool, progress: Callable[[str], None] | None) -> None:
    for path in paths:
        if progress:
            progress(path)
        try:
            text = read_text(path)
        except ArticleError as e:
            report.files.append(FileResult(path, "error", error=str(e)))
            continue
        existing = store.find_article(lookup, content_hash(text))
        if existing and (given is None or existing["given_date"] == given.isoformat()):
            report.files.append(FileResult(path, "known"))  # re-ingest: no parsing, no extraction
            continue
        try:
            report.files.append(ingest_article(engine, parse(text, path), given=given, dry_run=dry_run))
        except ArticleError as e:
            report.files.append(FileResult(path, "error", error=str(e)))
        except (KospitlError, sqlalchemy.exc.OperationalError):
            raise  # the database itself is unusable: stop, nothing of this article was written
        except Exception as e:  # a rule that trips on unusual text must not take the other files down
            report.files.append(FileResult(path, "error", error=f"{path}: could not be read as an article "
                                           f"({type(e).__name__}: {e}); nothing stored for it"))


def _known(engine: Engine, digest: str, given: date | None) -> bool:
    with engine.connect() as conn:
        existing = store.find_article(conn, digest)
    return bool(existing) and (given is None or existing["given_date"] == given.isoformat())


def ingest_article(engine: Engine, art: Article, *, given: date | None = None,
                   dry_run: bool = False) -> FileResult:
    """Store one article atomically: its row, observations, problems and the timeline keys
    it touches are written in one transaction, or nothing is."""
    if _known(engine, art.content_hash, given):
        return FileResult(art.path, "known")
    with engine.connect() as conn:
        status = "redated" if store.find_article(conn, art.content_hash) else "new"
    observations, problems = analyse(art, given)
    if not observations and not any(p.code == "no-date" for p in problems):
        problems.append(Problem("no-figures", "no Korean market figures found in this article", None, "", "warning"))
    if dry_run:
        return FileResult(art.path, status, len(observations), problems)
    cal = sessions.load()
    session, _ = report_session(art, cal, given)
    with engine.begin() as conn:  # BEGIN IMMEDIATE: one writer at a time, all or nothing
        current = store.find_article(conn, art.content_hash)  # another process may have won
        if current and (given is None or current["given_date"] == given.isoformat()):
            return FileResult(art.path, "known")
        touched: set[tuple[str, str]] = set()
        if current:
            touched |= store.delete_article(conn, current["id"])
        kind = source_kind(art)
        print_ = fingerprint(art)
        article_id = store.insert_article(conn, art, given=given, session=session, source_kind=kind,
                                          witness=None, fingerprint=print_)
        witness = witness_of(conn, art, article_id, session, print_)
        store.set_witness(conn, article_id, witness)
        touched |= store.join_witness(conn, article_id, witness)
        store.insert_observations(conn, article_id, observations)
        store.insert_problems(conn, article_id, art.path, problems)
        touched |= {(o.date, o.subject) for o in observations}
        store.reconcile_groups(conn, touched)
    return FileResult(art.path, status, len(observations), problems)


def check_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise KospitlError(f"--date {text}: not an ISO date (YYYY-MM-DD)") from None
