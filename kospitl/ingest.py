"""Ingest: the one place that knows the order of the stages.

skip files unchanged since they were read (kospitl.files_read), read the others and skip known
texts (here) → parse, extract, resolve (worker processes) → store a batch
of articles and reconcile the keys they touch (here, one transaction per batch).
"""
from __future__ import annotations

import glob
import os
import re
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from typing import TYPE_CHECKING

import sqlalchemy.exc
from sqlalchemy.engine import Connection, Engine

from kospitl import files_read, parallel, pending, sessions, settle, store
from kospitl.articles import Article, content_hash, read_text, read_text_stat
from kospitl.db import is_postgres
from kospitl.errors import ArticleError, KospitlError, Problem
from kospitl.paths import DATA_DIR, printable

if TYPE_CHECKING:
    from kospitl.records import Observation

# The extraction (kospitl.extraction, resolution, consistency, witness) is imported where it
# runs: an ingest of files that are all known never loads it.

ARTICLE_SUFFIXES = {".txt", ".md", ".text", ".html", ".htm"}
NOT_ARTICLES = re.compile(r"^(?:README|LICENSE|CHANGELOG|CONTRIBUTING)\b", re.I)  # beside articles in a folder


@dataclass(slots=True)  # a report holds one per file: 100,000 of them for a large folder
class FileResult:
    path: str
    status: str  # new | known | redated | restored | error
    observations: int = 0
    problems: list[Problem] = field(default_factory=list)
    error: str | None = None
    own_date: bool = False  # a date was given, and the article states its own: not applied


class IngestReport:
    """What an ingest did, in counts: constant memory however many files it reads. The
    per-file results go to ``on_file`` as they come (the CLI prints their messages); without
    one they are also kept in ``files``, in the same order."""

    def __init__(self, keep: bool = True) -> None:
        self.files: list[FileResult] = []
        self.keep = keep
        self.total = 0  # files
        self.statuses: dict[str, int] = {}
        self.observations = 0
        self.problems = 0
        self.own_date = 0  # files a --date was given for that state their own
        self.errors: list[str] = []  # of the files that are not articles (one line each)
        self.severe = False  # a problem of severity error remains

    def add(self, result: FileResult) -> None:
        self.total += 1
        self.statuses[result.status] = self.statuses.get(result.status, 0) + 1
        self.observations += result.observations
        self.problems += len(result.problems)
        self.own_date += result.own_date
        self.severe = self.severe or any(p.severity == "error" for p in result.problems)
        if result.error:
            self.errors.append(result.error)
        if self.keep:
            self.files.append(result)

    def count(self, status: str) -> int:
        return self.statuses.get(status, 0)


def expand(paths: Iterable[str]) -> list[str]:
    """Files named, directories (their article files, sorted) and glob patterns."""
    out: list[str] = []
    for p in paths:
        if ("*" in p or "?" in p or "[" in p) and not os.path.exists(p):
            matches = sorted(glob.glob(p, recursive=True))
            out.extend(matches or [p])
        elif os.path.isdir(p):
            found = sorted(_article_files(str(Path(p))))
            out.extend(found or [p])  # an empty folder is reported (as "is a directory"), not skipped
        else:
            out.append(p)
    return out


def _article_files(top: str) -> Iterator[str]:
    """The article files under the folder ``top``, as ``Path(top).rglob("*")`` finds them (symbolic
    links to files included, linked folders not entered, a folder it may not read skipped) but
    as plain strings from ``os.scandir``: no Path object, and no stat call for a plain file
    (rglob and is_file cost ~400 bytes and a stat a file: 400 MB for a folder of a million)."""
    folders = [top]
    while folders:
        try:
            entries = os.scandir(folders.pop())
        except PermissionError:
            continue
        with entries:
            for e in entries:
                if e.is_dir():
                    if not e.is_symlink():
                        folders.append(e.path)
                    continue
                name = e.name
                dot = name.rfind(".")  # Path.suffix: a name's last dot, not its first character nor its last
                if (0 < dot < len(name) - 1 and name[dot:].lower() in ARTICLE_SUFFIXES and e.is_file()
                        and not NOT_ARTICLES.match(name)):
                    yield e.path


def analyse(art: Article, given: date | None = None,
            session: tuple[date | None, str] | None = None) -> tuple[list[Observation], list[Problem]]:
    """Extraction and resolution of one article, without a database (``session``: its
    ``resolution.article_session``, where the caller has it)."""
    from kospitl.consistency import check_article
    from kospitl.extraction import extract
    from kospitl.resolution import resolve

    mentions, problems = extract(art)
    observations, unresolved = resolve(mentions, art, sessions.load(), given, session)
    observations, implausible = check_article(observations)
    return observations, problems + unresolved + implausible


@dataclass
class Prepared:
    """One file after the database-free stages: its article, what it states, or its error."""

    path: str
    art: Article | None = None
    observations: list[Observation] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    session: date | None = None
    source_kind: str = "daily"
    fingerprint: str = ""
    error: str | None = None
    known: bool = False
    own_date: bool = False  # a date was given, and the known article states its own
    rename: int = 0  # a known article stored under a larger path (store.name_article)
    seen: files_read.Seen | None = None  # the file as it was read, to record with its article


FIGURES_NOT_STORED = ("no-date", "non-session", "implausible")  # problems of figures that were found


def prepare(path: str, text: str, given: date | None) -> Prepared:
    """Parse and extract one article's text (no database; runs in a worker process)."""
    from kospitl.articles import parse
    from kospitl.resolution import article_session
    from kospitl.witness import fingerprint, source_kind

    try:
        art = parse(text, printable(path))  # a non-UTF-8 byte in the name is stored as \xNN
        session = article_session(art, sessions.load(), given)  # the witnesses' session; resolution's start
        observations, problems = analyse(art, given, session)
        if not observations and not any(p.code in FIGURES_NOT_STORED for p in problems):
            problems.append(Problem("no-figures", "no Korean market figures found in this article", None, "",
                                    "warning"))
        return Prepared(path, art, observations, problems, session[0], source_kind(art), fingerprint(art))
    except ArticleError as e:
        return Prepared(path, error=str(e))
    except Exception as e:  # a rule that trips on unusual text must not take the other files down
        return Prepared(path, error=f"{path}: could not be read as an article "
                                    f"({type(e).__name__}: {e}); nothing stored for it")


Task = tuple[str, str, "date | None", "files_read.Seen | None"]  # a file for the workers: path, text, --date, as read


def _prepare_task(task: Task) -> Prepared:
    path, text, given, seen = task
    prep = prepare(path, text, given)
    prep.seen = seen if prep.error is None else None
    return prep


@parallel.before_fork
def _warm_extraction() -> None:
    """Load the calendar and the listings, and compile the patterns made on first use, by reading
    the bundled sample articles once before the workers are forked: each inherits them instead
    of spending ~0.2 s building its own."""
    for path in sorted((DATA_DIR / "samples").glob("*.txt")):
        prepare(str(path), read_text(path), None)
    sessions.load()


BATCH_ARTICLES = 200  # articles per write transaction, at most
BATCH_SECONDS = 0.5  # of extraction gathered per transaction: other writers never wait long
BATCH_BYTES = 32 * 2**20  # of article text held for one transaction, at most
# With workers, batches shrink near the end with the files left (half of them, at least
# TAIL_BATCH): the last batch is written after the workers have finished, with a core idle
# (a final batch of 200 articles was 6% of a 1,000-file ingest). Half, not less: each batch
# settles again the keys it shares with the one before (a 200-file ingest was all tail, in
# batches of 40, 32, 25, 20, 16... at a quarter), and a batch of half the files left is
# written while the workers extract the other half.
TAIL_SHARE = 2
TAIL_BATCH = 16
PARALLEL_FROM = 64  # files; fewer are done in-process (starting workers costs a few tenths of a second)


class Batches:
    """Which prepared articles go into one write transaction, as they come in file order.

    A batch is written at once when it holds ``size`` articles or ``BATCH_BYTES`` of text.
    The other limits (the tail's ``max(TAIL_BATCH, left // TAIL_SHARE)`` with workers, and
    ``BATCH_SECONDS`` of extraction gathered) only make it due: it is written before the next
    article of another session (``Prepared.session``; an article without one is of another), so
    that a session's articles, which share their keys, are settled together instead of in two
    transactions that each settle its keys."""

    def __init__(self, size: int, tail: bool) -> None:
        self.size, self.tail = size, tail
        self.batch: list[Prepared] = []
        self.bytes = 0
        self.started = 0.0
        self.due = False

    def add(self, prep: Prepared, left: int) -> list[list[Prepared]]:
        """Add ``prep`` (``left``: the files after it); return the batches to write now, in order."""
        out = []
        if self.due and (prep.session is None or prep.session != self.batch[-1].session):
            out.append(self.take())
        self.batch.append(prep)
        self.bytes += len(prep.art.text) if prep.art else 0
        self.started = self.started or time.monotonic()
        if len(self.batch) >= self.size or self.bytes > BATCH_BYTES:
            out.append(self.take())
        elif not self.due:
            limit = max(TAIL_BATCH, left // TAIL_SHARE) if self.tail else self.size
            self.due = len(self.batch) >= limit or time.monotonic() - self.started > BATCH_SECONDS
        return out

    def take(self) -> list[Prepared]:
        """The batch as it is (the last one, at the end), and a new one begun."""
        batch, self.batch, self.bytes, self.started, self.due = self.batch, [], 0, 0.0, False
        return batch


def ingest_paths(engine: Engine, paths: Iterable[str], *, given: date | None = None,
                 dry_run: bool = False, progress: Callable[[str], None] | None = None,
                 jobs: int | None = None, batch_size: int = BATCH_ARTICLES,
                 on_file: Callable[[FileResult], None] | None = None) -> IngestReport:
    """Ingest every article file under ``paths``; a bad file is reported and skipped.

    Files are read and checked against the database here, parsed and extracted by ``jobs``
    worker processes (default: the CPUs, for more than a few files), and written in order, up to
    ``batch_size`` articles per transaction: each article is stored whole or not at all.
    Each file's result is given to ``on_file`` as soon as it is known (a known file's at
    once, a new article's when its batch is written); without ``on_file`` the report keeps
    them all in ``files``. Either way the report counts them (``count``, ``observations``...).
    """
    if given is not None:
        check_session(given)
    files = expand(paths)
    if jobs is None:
        jobs = parallel.default_jobs() if len(files) >= PARALLEL_FROM else 1
    report = IngestReport(keep=on_file is None)

    def done(results: Iterable[FileResult]) -> None:
        for r in results:
            report.add(r)
            if on_file is not None:
                on_file(r)

    # one read connection for "is it known?" across the files
    with engine.connect() as lookup:
        tasks = _tasks(lookup, files, given)
        batches = Batches(batch_size, tail=jobs > 1)
        renames: list[tuple[int, str]] = []  # (article, the smaller path it takes)
        reread: list[files_read.Seen] = []  # known files read again: recorded as read now
        results = parallel.ordered_map(_prepare_task, tasks, jobs, size=lambda task: len(task[1]))
        memo = settle.Memo()  # the rows read for one batch's settling, for the next batches
        # the sessions settled: an article of one is settled at the end (on PostgreSQL, with its batch)
        deferral = None if is_postgres(engine) else pending.Deferral()
        for i, (path, prep) in enumerate(zip(files, results)):  # one result per file, in order
            left = len(files) - i - 1  # files after this one
            prep.path = path  # this process's own string, not a worker's copy: a report holds one per file
            if progress:
                progress(prep.path)
            if prep.known:
                done([FileResult(prep.path, "known", own_date=prep.own_date)])
                if not dry_run:
                    if prep.rename:
                        renames.append((prep.rename, prep.path))
                    if prep.seen is not None:
                        reread.append(prep.seen)
                    if len(renames) >= READ_AHEAD or len(reread) >= READ_AHEAD:
                        _write_known(engine, renames, reread)
            elif prep.error is not None:
                done([FileResult(prep.path, "error", error=prep.error)])
            elif dry_run:
                done([_dry_run(lookup, prep, given)])
            else:
                for batch in batches.add(prep, left):
                    done(write_batch(engine, batch, given, memo, deferral))
        if batches.batch:
            done(write_batch(engine, batches.take(), given, memo, deferral))
        _write_known(engine, renames, reread)
    if not dry_run:
        pending.settle_marked(engine)  # what came back to a session settled before (and marks left behind)
    return report


def _write_known(engine: Engine, renames: list[tuple[int, str]], reread: list[files_read.Seen]) -> None:
    """Known articles read from a smaller path take it (store.name_article), and the known files
    read are recorded as read (files_read), in one transaction."""
    if renames or reread:
        with engine.begin() as conn:
            for article_id, path in renames:
                store.name_article(conn, article_id, path)
            files_read.record(conn, reread)
        renames.clear()
        reread.clear()


READ_AHEAD = 256  # files read and hashed before one look-up of their hashes
READ_AHEAD_BYTES = 16 * 2**20  # ... and at most this much of their text held


# a file of a chunk: (path, its text or None, its hash or the error, as read) or the file's
# result already known (unchanged since it was read: not read again)
_Read = tuple[str, "str | None", str, "files_read.Seen | None"] | parallel.Ready[Prepared]


def _tasks(lookup: Connection, files: list[str], given: date | None) -> Iterator[Task | parallel.Ready[Prepared]]:
    """Skip the files unchanged since they were read (a ``stat`` each and one look-up of their
    rows for a few hundred files), read and hash the others, and skip known texts here (one
    look-up of their hashes); the rest go to the workers."""
    for start in range(0, len(files), READ_AHEAD):
        chunk = files[start:start + READ_AHEAD]
        status: list[os.stat_result | None] = []
        for path in chunk:
            try:
                status.append(os.stat(path))
            except (OSError, ValueError):  # reading it says what is wrong
                status.append(None)
        keys = [files_read.key(path) if st is not None else "" for path, st in zip(chunk, status)]
        recorded = files_read.lookup(lookup, [k for k in keys if k])
        read: list[_Read] = []
        held = 0
        for path, st, k in zip(chunk, status, keys):
            rec = recorded.get(k) if st is not None else None
            if rec is not None and rec.unchanged(st) and _same_article(rec.article, given):  # type: ignore[arg-type]
                read.append(_known(path, rec.article, given, None))
                continue
            read_at = time.time_ns()  # before it is opened: a write after it is within RACY_NS of it
            try:
                text, opened = read_text_stat(path)
                h = content_hash(text)
                read.append((path, text, h, files_read.seen(path, opened, h, read_at) if opened else None))
                held += len(text)
            except ArticleError as e:
                read.append((path, None, str(e), None))
            if held > READ_AHEAD_BYTES:
                yield from _sorted_out(lookup, read, given)
                read, held = [], 0
        yield from _sorted_out(lookup, read, given)


def _known(path: str, known: dict[str, Any], given: date | None, seen: files_read.Seen | None) -> parallel.Ready[Prepared]:
    """A file whose text is stored as it would be stored now: no parsing, no extraction."""
    return parallel.Ready(Prepared(path, known=True, own_date=_own_date(known, given),
                                   rename=known["id"] if path < known["source_path"] else 0, seen=seen))


def _sorted_out(lookup: Connection, read: list[_Read], given: date | None) -> Iterator[Task | parallel.Ready[Prepared]]:
    stored = store.find_articles(lookup, [r[2] for r in read if not isinstance(r, parallel.Ready) and r[1] is not None])
    for r in read:
        if isinstance(r, parallel.Ready):
            yield r
            continue
        path, text, h, seen = r
        if text is None:
            yield parallel.Ready(Prepared(path, error=h))
            continue
        known = stored.get(h)
        if _same_article(known, given):  # re-ingest: no parsing, no extraction
            assert known is not None
            yield _known(path, known, given, seen)
            continue
        yield path, text, given, seen


def _same_article(stored: dict[str, Any] | None, given: date | None) -> bool:
    """Whether the stored row of this text is the article as it would be stored now with the
    date ``given`` on the command line: same text, and the same date applied. ``--date`` never
    applies to an article that states its own date (one stored by an older kospitl is undone:
    the article is restored); an undated article keeps the date it was given unless another is."""
    if stored is None:
        return False
    if stored["doc_date"] is None and given is None:
        return True
    applied = given if stored["doc_date"] is None else None
    return stored["given_date"] == (applied.isoformat() if applied else None)


def _own_date(stored: dict[str, Any] | None, given: date | None) -> bool:
    """A date was given, and the article states its own: --date is not applied to it."""
    return given is not None and stored is not None and stored["doc_date"] is not None


def _status(current: dict[str, Any] | None) -> str:
    """new; redated (another --date); restored (a --date its own date overrules, undone)."""
    if current is None:
        return "new"
    return "restored" if current["doc_date"] is not None and current["given_date"] else "redated"


def _dry_run(lookup: Connection, prep: Prepared, given: date | None) -> FileResult:
    assert prep.art is not None
    status = _status(store.find_article(lookup, prep.art.content_hash))
    return FileResult(prep.path, status, len(prep.observations), prep.problems,
                      own_date=given is not None and prep.art.doc_date is not None)


def write_batch(engine: Engine, batch: list[Prepared], given: date | None,
                memo: settle.Memo | None = None, deferral: pending.Deferral | None = None) -> list[FileResult]:
    """Store the articles of ``batch`` and settle the timeline keys they touch, in one
    transaction. If that fails, each article is retried in a transaction of its own, so one
    article that cannot be stored costs only itself. ``memo``: the rows the earlier batches'
    settling read (``settle.Memo``), dropped when a transaction fails. ``deferral``: the
    sessions this ingest has settled; an article of one of them is marked instead, with the
    articles whose witness it changes (``pending``), and settled at the end of the ingest."""
    try:
        with engine.begin() as conn:  # BEGIN IMMEDIATE: one writer at a time, all or nothing
            results, touched, unsafe, fresh, moved, later = [], set(), set(), set(), set(), set()
            for prep in batch:
                result, keys, changed = _store(conn, prep, given)
                results.append(result)
                if deferral is not None and deferral.defers(prep.session) and changed.article_id:
                    later |= changed.moved | {changed.article_id}
                    touched |= changed.removed  # rows gone: their keys have no article to be marked by
                    unsafe |= changed.removed
                    continue
                touched |= keys
                unsafe |= changed.keys
                moved |= changed.moved
                if changed.article_id:
                    fresh.add(changed.article_id)
            if later:
                pending.mark(conn, later)
                if memo is not None:
                    memo.clear()  # it does not hold the rows just marked
            store.reconcile_keys(conn, touched, fresh=fresh - moved - later, unsafe=unsafe, memo=memo)
            files_read.record(conn, [prep.seen for prep in batch if prep.seen is not None])
        if deferral is not None:
            deferral.settled_now(prep.session for prep in batch)
        return results
    except (KospitlError, sqlalchemy.exc.OperationalError):
        if memo is not None:
            memo.clear()
        raise  # the database itself is unusable: stop, nothing of this batch was written
    except Exception as e:
        if memo is not None:
            memo.clear()  # it may hold what the failed transaction read or wrote
        if len(batch) > 1:
            return [r for prep in batch for r in write_batch(engine, [prep], given, memo, deferral)]
        return [FileResult(batch[0].path, "error", error=f"{batch[0].path}: could not be stored "
                           f"({type(e).__name__}: {e}); nothing stored for it")]
    except BaseException:  # Ctrl-C: the transaction is rolled back
        if memo is not None:
            memo.clear()
        raise


@dataclass
class Changed:
    """What storing an article changed besides adding its rows: the article (0 if none was
    stored), the articles whose witness changed, the keys whose rows were removed or whose
    witnesses changed (``settle.settle``'s ``unsafe``), and of those the keys of the rows removed
    (the article it replaces)."""

    article_id: int = 0
    moved: set[int] = field(default_factory=set)
    keys: set[store.KeyAt] = field(default_factory=set)
    removed: set[store.KeyAt] = field(default_factory=set)


def _store(conn: Connection, prep: Prepared, given: date | None) -> tuple[FileResult, set[store.KeyAt], Changed]:
    """Write one prepared article; return its result, the timeline keys whose rows it changes
    (its own, and those of the articles whose witness it changes), and what changed otherwise."""
    from kospitl import witness
    from kospitl.resolution import applied_date

    art = prep.art
    assert art is not None
    current = store.find_article(conn, art.content_hash)  # an earlier file of this run, or another process
    own_date = given is not None and art.doc_date is not None
    if _same_article(current, given):
        assert current is not None
        store.name_article(conn, current["id"], prep.path)
        return FileResult(prep.path, "known", own_date=own_date), set(), Changed()
    touched: set[store.KeyAt] = set()
    changed = Changed()
    if current:
        old_session = store.article_session(conn, current["id"])
        former = witness.neighbours(conn, old_session, current["id"])
        changed.removed = store.keys_of_articles(conn, [current["id"]])
        touched |= changed.removed
        store.delete_article(conn, current["id"])
        # the component it leaves may split
        changed.moved |= witness.repartition(conn, old_session, former)
        touched |= store.keys_of_articles(conn, changed.moved)
    article_id = store.insert_article(conn, art, given=applied_date(art, given), session=prep.session, source_kind=prep.source_kind,
                                      witness=None, fingerprint=prep.fingerprint)
    session = prep.session.isoformat() if prep.session else None
    moved = witness.join(conn, session, article_id) - {article_id}  # the components it joins merge
    changed.moved |= moved
    touched |= store.keys_of_articles(conn, moved)
    changed.keys = set(touched)  # rows removed, witnesses changed
    changed.article_id = article_id
    store.insert_observations(conn, article_id, prep.observations)
    store.insert_problems(conn, article_id, art.path, prep.problems)
    touched |= {(o.date, o.subject, o.kind, o.metric, o.as_of) for o in prep.observations}
    return FileResult(prep.path, _status(current), len(prep.observations), prep.problems,
                      own_date=own_date), touched, changed


def check_date(text: str) -> date:
    """The session given with ``--date``: an ISO date with a KRX session."""
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise KospitlError(f"--date {text}: not an ISO date (YYYY-MM-DD)") from None
    return check_session(day)


def check_session(day: date) -> date:
    """``day`` if the KRX has a session on it: a figure of a day without one is never a fact."""
    cal = sessions.load()
    if not cal.is_session(day):
        raise KospitlError(f"--date {day}: a {day:%A} with no KRX session ({cal.note(day)}); "
                           "give the session the article reports on")
    return day
