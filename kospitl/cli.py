"""The kospitl command line: a thin skin over the library."""
from __future__ import annotations

import functools
import os
import sqlite3
import sys
from contextlib import ExitStack, contextmanager
from typing import TYPE_CHECKING, Any, Callable, Iterator

import click

from kospitl import __version__
from kospitl.db import default_path, display_name, is_server, open_db, reading
from kospitl.errors import KospitlError
from kospitl.outfile import output_file
from kospitl.output import DESCRIPTIONS, Format, format_for_path, render
from kospitl.vocab import KINDS, OBSERVATION_COLUMNS, STATUSES, TIMELINE_COLUMNS

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

# Heavy modules (SQLAlchemy, the extraction, the calendar) are imported by the commands that use
# them: a read command on a current database starts with click, sqlite3 and a few modules.

DB_HELP = "Database file, or a postgresql:// URL (default: $KOSPITL_DB or ./kospitl.db)."


def _not_empty(_ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None and not value.strip():
        raise click.BadParameter("an empty file name", param=param)
    return value


def db_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--db", "db_path", type=click.Path(dir_okay=False), default=None,
                        callback=_not_empty, help=DB_HELP)(f)


class OptionError(click.ClickException):
    """A wrong combination of options: one line, exit status 2 (as click's usage errors)."""
    exit_code = 2


def output_options(default: Format) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """--csv/--tsv/--json/--nl/--table folded into one ``fmt`` argument: at most one may be
    given; without one, the extension of ``-o FILE`` decides, else ``default``."""
    def deco(f: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(f)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            chosen = [fmt for fmt in Format if kwargs.pop(f"as_{fmt.value}", False)]
            if len(chosen) > 1:
                raise OptionError(" and ".join(f"--{c.value}" for c in chosen) + ": give one output format")
            output = kwargs.get("output") or "-"
            named = format_for_path(output)
            if chosen and named and chosen[0] is not named:
                raise OptionError(f"-o {output} names {named.value} output but --{chosen[0].value} was given")
            kwargs["fmt"] = (chosen[0] if chosen else named or default).value
            return f(*args, **kwargs)

        for fmt in reversed(list(Format)):
            wrapper = click.option(f"--{fmt.value}", f"as_{fmt.value}", is_flag=True,
                                   help=f"Output {DESCRIPTIONS[fmt]}" + (" (default)." if fmt is default else "."))(wrapper)
        return wrapper
    return deco


def emit(rows: Any, columns: Any, fmt: str, empty: str, *, wrap: dict[str, int] | None = None) -> int:
    """Render rows on standard output; when there are none, say so on standard error."""
    n = render(rows, columns, Format(fmt), sys.stdout, wrap=wrap)
    if not n:
        click.echo(empty, err=True)
    return n


def _matching(what: str, **criteria: str | None) -> str:
    """ "no facts match --subject KOSPI --from 2026-03-01", or "no facts" without criteria."""
    given = " ".join(f"--{k.replace('_', '-')} {v}" for k, v in criteria.items() if v)
    return f"no {what} match {given}" if given else f"no {what}"


WHY_WIDTH = 60  # the why column of a table, wrapped at this many cells


def _one_line(text: str) -> str:
    """A message on one line, whatever the file name holds ("bad\nname.txt", a byte that is not UTF-8)."""
    from kospitl.paths import printable  # here: kospitl.paths loads pathlib, which a read command does not need

    return printable(text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t"))


def _server_errors() -> tuple[type[BaseException], ...]:
    """psycopg's errors, when a PostgreSQL database was opened (its module is loaded only then)."""
    psycopg = sys.modules.get("psycopg")
    return (psycopg.Error,) if psycopg is not None else ()


@contextmanager
def friendly_errors(db_path: str | None = None) -> Iterator[None]:
    """Every failure a user can cause as one line ``Error: ...`` and exit status 1: kospitl's
    own errors, and the database's or the OS's (named after the database file)."""
    try:
        yield
    except KospitlError as e:
        raise click.ClickException(_one_line(str(e))) from None
    except OSError as e:
        where = e.filename if e.filename is not None else (db_path or default_path())
        raise click.ClickException(_one_line(f"{os.fsdecode(where)}: {e.strerror or e}")) from None
    except Exception as e:
        orig = _database_error(e)
        if orig is None:
            raise
        where = display_name(db_path or default_path())
        raise click.ClickException(_one_line(f"{where}: {(str(orig).splitlines() or ['database error'])[0]}")) from None


def _database_error(e: Exception) -> BaseException | None:
    """The driver's error behind ``e`` if it is a database error (sqlite3's, psycopg's, or
    SQLAlchemy's wrapping one: looked up only if SQLAlchemy was loaded), else None."""
    if isinstance(e, (sqlite3.Error, *_server_errors())):
        return e
    exc = sys.modules.get("sqlalchemy.exc")
    if exc is not None and isinstance(e, exc.DBAPIError):
        return e.orig if e.orig is not None else e
    return None


def _read_db(db_path: str | None) -> Engine:
    """The database of a read command: opened read-only; a missing file is refused, never created."""
    return open_db(db_path, readonly=True)


def _day(text: str | None, label: str) -> str | None:
    """A date option or argument as ISO text (2026-01-02, 2026/01/02 or 20260102), or an error."""
    from kospitl.arguments import parse_day

    return parse_day(text, label).isoformat() if text is not None else None


def _key(subject: str | None, kind: str | None, metric: str | None) -> tuple[str | None, str | None, str | None]:
    """--subject/--kind/--metric checked against the vocabulary, in their canonical form
    (``kospi`` is KOSPI); a name that matches nothing is an error, not an empty result."""
    from kospitl.arguments import kind_of, metric_of, subject_of

    k = kind_of(kind) if kind is not None else None
    return ((subject_of(subject, k) if subject is not None else None), k,
            (metric_of(metric, k) if metric is not None else None))


@click.group()
@click.version_option(__version__, prog_name="kospitl")
def cli() -> None:
    """kospitl: Korean stock-market news → a trustworthy SQLite timeline.

    One sample article states no date of its own: date it first, then read the folder.

    \b
    Example:
        kospitl ingest --date 2026-02-25 data/samples/004_b07f79f3c47f2b65.txt
        kospitl ingest data/samples/
        kospitl conflicts
        kospitl timeline --subject KOSPI --kind index --metric close
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--date", "given", metavar="YYYY-MM-DD",
              help="Session of an article that states no date (its figures are otherwise problems); "
         "articles with their own date keep it.")
@click.option("--dry-run", is_flag=True, help="Show what would be added; write nothing.")
@click.option("-q", "--quiet", is_flag=True, help="Print only errors.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="N",
              help="Worker processes for extraction [default: the CPUs, or KOSPITL_JOBS].")
@click.option("--batch-size", type=click.IntRange(min=1), default=200, show_default=True, metavar="N",
              help="Articles per write transaction, at most.")
def ingest(paths: tuple[str, ...], db_path: str | None, given: str | None, dry_run: bool, quiet: bool,
           jobs: int | None, batch_size: int) -> None:
    """Read article files (or directories, or globs) into the database.

    Re-ingesting a known article changes nothing. A file that is not an article is reported
    as "Error: FILE: reason" and skipped. The exit status is 1 when a file was not an article
    or a problem of severity error remains (a figure whose date cannot be resolved).

    Articles are extracted by --jobs worker processes and stored in order, in transactions of
    up to --batch-size articles: an interrupted ingest leaves whole articles only, and running
    it again finishes the job.

    \b
    Example:
        kospitl ingest --date 2026-02-25 data/samples/004_b07f79f3c47f2b65.txt
        kospitl ingest data/samples/
        kospitl ingest --dry-run 'data/samples/00[5-6]_*.txt'
    """
    from kospitl.ingest import FileResult, check_date, expand, ingest_paths
    from kospitl.paths import printable

    bar: Any = None

    def said(f: FileResult) -> None:  # each file's messages as its result comes: nothing kept per file
        lines = [f"Error: {_one_line(f.error)}"] if f.error else \
            [] if quiet else [printable(p.render(f.path)) for p in f.problems]
        for line in lines:
            click.echo("\r\x1b[K" + line if bar is not None else line, err=True)  # above the progress bar

    with friendly_errors(db_path), ExitStack() as stack:
        day = check_date(given) if given else None
        engine = _dry_run_db(db_path, stack) if dry_run else open_db(db_path)
        files = expand(paths)
        if len(files) > 20 and not quiet and sys.stderr.isatty():
            with click.progressbar(length=len(files), label="Ingesting", file=sys.stderr) as bar:
                report = ingest_paths(engine, files, given=day, dry_run=dry_run, jobs=jobs,
                                      batch_size=batch_size, progress=lambda _p: bar.update(1), on_file=said)
        else:
            report = ingest_paths(engine, files, given=day, dry_run=dry_run, jobs=jobs, batch_size=batch_size,
                                  on_file=said)
    if not quiet:
        verb = "would add" if dry_run else "added"
        known = report.count("known")
        restored = report.count("restored")  # a --date an older kospitl applied to a dated article, undone
        own = report.own_date
        click.echo(f"{report.total} file(s): {report.count('new')} new, "
                   f"{report.count('redated')} re-dated, {known} already known (unchanged), "
                   f"{len(report.errors)} not articles; {verb} {report.observations} observation(s), "
                   f"{report.problems} problem(s)"
                   + (f"; {restored} restored to their own date" if restored else "")
                   + (f"; {own} had their own date; --date not applied" if own else "")
                   + (" [dry run: nothing written]" if dry_run else ""))
    if report.errors or report.severe:
        sys.exit(1)


def _dry_run_db(db_path: str | None, stack: ExitStack) -> Engine:
    """The database ``ingest --dry-run`` compares against, without writing anything: the file
    read-only, or, when there is none yet, a new one in a temporary folder removed afterwards."""
    from kospitl.db import inspect, inspect_server, is_server

    import tempfile

    path = db_path or default_path()
    if is_server(path):  # a server's database: compared against read-only, or (no schema yet) a new file
        if inspect_server(path).kind != "empty":
            return open_db(path, readonly=True, upgrade=False)
    elif inspect(path).kind != "missing":
        return open_db(path, readonly=True, upgrade=False)
    folder = stack.enter_context(tempfile.TemporaryDirectory(prefix="kospitl-dry-run-"))
    engine = open_db(os.path.join(folder, "dry-run.db"))
    stack.callback(engine.dispose)
    return engine


@cli.command()
@click.argument("what", type=click.Choice(["observations", "timeline"]))
@db_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default="-",
              help="Write to FILE instead of standard output; its extension (.csv, .tsv, .json, "
                   ".ndjson or .jsonl) sets the format.")
@output_options(Format.CSV)
def export(what: str, db_path: str | None, output: str, fmt: str) -> None:
    """Export every observation (the evidence) or the reconciled timeline.

    Columns follow the fact vocabulary: date,kind,subject,metric,as_of,value, then
    article,approx,evidence,... (observations) or status,sources,... (timeline). CSV unless a
    format flag or the extension of -o says otherwise.

    \b
    Example:
        kospitl export timeline -o timeline.csv
        kospitl export observations -o observations.jsonl
    """
    from kospitl import export as ex

    with friendly_errors(db_path):
        with reading(db_path) as conn:  # no engine for a current file
            rows = ex.observations(conn) if what == "observations" else ex.timeline(conn)
            columns = OBSERVATION_COLUMNS if what == "observations" else TIMELINE_COLUMNS
            with output_file(output) as out:
                n = render(rows, columns, Format(fmt), out)
    if not n:
        click.echo(f"no {what} in the database yet", err=True)


@cli.command()
@db_option
@click.option("--subject", help="Only this subject (KOSPI, 005930, foreign, USD/KRW...).")
@click.option("--kind", help=f"Only this kind ({', '.join(KINDS)}).")
@click.option("--metric", help="Only this metric.")
@click.option("--status", type=click.Choice(STATUSES, case_sensitive=False),
              help="Only facts of this status: agreed (two or more independent witnesses state it), "
                   "single (one does), conflict-resolved (a stated value was rejected: see why), "
                   "derived (no article states it; arithmetic on stated facts fixes it).")
@click.option("--source", help="Only facts an article from this publisher or file states.")
@click.option("--from", "date_from", metavar="DATE", help="From this session date.")
@click.option("--to", "date_to", metavar="DATE", help="Up to this session date.")
@output_options(Format.TABLE)
def timeline(db_path: str | None, subject: str | None, kind: str | None, metric: str | None,
             status: str | None, source: str | None, date_from: str | None, date_to: str | None,
             fmt: str) -> None:
    """Show the reconciled timeline.

    \b
    Example:
        kospitl timeline --subject KOSPI --kind index --from 2026-01-01
        kospitl timeline --status conflict-resolved
        kospitl timeline --subject 005930 --json
    """
    from kospitl import export as ex

    with friendly_errors(db_path):
        subject, kind, metric = _key(subject, kind, metric)
        date_from, date_to = _day(date_from, "--from"), _day(date_to, "--to")
        with reading(db_path) as conn:  # no engine for a current file
            rows = ex.timeline(conn, subject=subject, kind=kind, metric=metric, status=status,
                               source=source, date_from=date_from, date_to=date_to)
            emit(rows, TIMELINE_COLUMNS, fmt, _matching("facts", subject=subject, kind=kind, metric=metric,
                                                        status=status, source=source,
                                                        **{"from": date_from, "to": date_to}),
                 wrap={"why": WHY_WIDTH})


@cli.command()
@db_option
@output_options(Format.TABLE)
def problems(db_path: str | None, fmt: str) -> None:
    """The review queue: unresolved dates, unknown companies, invariant violations.

    Each is shown as FILE:LINE: message (table output) or as rows (--csv, --json ...).

    \b
    Example:
        kospitl problems
        kospitl problems --csv > review.csv
    """
    from kospitl import review

    with friendly_errors(db_path):
        with reading(db_path) as conn:  # no engine for a current file
            found = review.problems(conn)
    if not found:
        click.echo("no problems", err=True)
    if fmt == Format.TABLE.value:
        for r in found:
            click.echo(f"{r['location']}: {r['message']}")
        return
    render(found, review.PROBLEM_COLUMNS, Format(fmt), sys.stdout)


@cli.command()
@click.argument("day", metavar="DATE")
@db_option
@output_options(Format.TABLE)
def show(day: str, db_path: str | None, fmt: str) -> None:
    """Everything known about one session, and the articles behind it.

    The facts come first, then the articles: --json prints one object {"date", "facts",
    "articles"}, --nl one line per fact and per article (each with "record": "fact" or
    "article"), --csv and --tsv the facts, a blank line and the articles.

    \b
    Example:
        kospitl show 2026-01-07
        kospitl show 2026-01-07 --json
    """
    from kospitl import review

    with friendly_errors(db_path):
        day = _day(day, "DATE") or day
        with reading(db_path) as conn:  # no engine for a current file
            facts = review.show(conn, day)
            arts = review.articles_for(conn, day)
    if not facts:
        click.echo(f"no facts for the session of {day}", err=True)
    _show(day, facts, arts, Format(fmt))


def _show(day: str, facts: list[dict[str, Any]], arts: list[dict[str, Any]], fmt: Format) -> None:
    import json

    from kospitl import review
    from kospitl.output import json_row

    if fmt is Format.JSON:
        doc = {"date": day, "facts": [json_row(f, review.SHOW_COLUMNS) for f in facts],
               "articles": [json_row(a, review.ARTICLE_COLUMNS) for a in arts]}
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
    elif fmt is Format.NL:
        for record, items, columns in (("fact", facts, review.SHOW_COLUMNS), ("article", arts, review.ARTICLE_COLUMNS)):
            for item in items:
                click.echo(json.dumps({"record": record, **json_row(item, columns)}, ensure_ascii=False))
    elif fmt is Format.TABLE:
        if facts:
            render(facts, review.SHOW_COLUMNS, fmt, sys.stdout, wrap={"why": WHY_WIDTH})
            click.echo("")
        click.echo(f"{len(arts)} article(s):")
        if arts:
            from kospitl.output import table

            click.echo(table([{**a, "published_at": a["published_at"] or "-", "publisher": a["publisher"] or "-"}
                              for a in arts], review.ARTICLE_COLUMNS, headers=False))
    else:
        render(facts, review.SHOW_COLUMNS, fmt, sys.stdout)
        click.echo("")
        render(arts, review.ARTICLE_COLUMNS, fmt, sys.stdout)


@cli.command()
@db_option
@click.option("--subject", help="Only this subject.")
@click.option("--kind", help="Only this kind.")
@click.option("--from", "date_from", metavar="DATE", help="From this session date.")
@click.option("--to", "date_to", metavar="DATE", help="Up to this session date.")
@output_options(Format.TABLE)
def conflicts(db_path: str | None, subject: str | None, kind: str | None, date_from: str | None,
              date_to: str | None, fmt: str) -> None:
    """Keys where the articles disagree: every candidate value, the winner and why.

    \b
    Example:
        kospitl conflicts
        kospitl conflicts --kind milestone --from 2026-01-01
    """
    from kospitl import review

    with friendly_errors(db_path):
        subject, kind, _ = _key(subject, kind, None)
        date_from, date_to = _day(date_from, "--from"), _day(date_to, "--to")
        with reading(db_path) as conn:  # no engine for a current file
            found = review.conflicts(conn, subject=subject, kind=kind, date_from=date_from, date_to=date_to)
    emit(found, review.CONFLICT_COLUMNS, fmt,
         _matching("conflicts", subject=subject, kind=kind, **{"from": date_from, "to": date_to}),
         wrap={"candidates": 28, "why": 50})


@cli.command()
@click.argument("day", metavar="DATE")
@click.argument("kind")
@click.argument("subject")
@click.argument("metric")
@click.argument("as_of", required=False)
@db_option
@output_options(Format.TABLE)
def sources(day: str, kind: str, subject: str, metric: str, as_of: str | None, db_path: str | None, fmt: str) -> None:
    """The evidence behind one fact: every article sentence that states it.

    For a derived fact (no article states it), the stated figures it was derived from, the
    fact each of them states and the arithmetic.

    \b
    Example:
        kospitl sources 2026-01-07 index KOSPI change close
        kospitl sources 2026-01-07 flow foreign net_buy close
        kospitl sources 2026-01-05 index KOSPI close
    """
    from kospitl import review

    with friendly_errors(db_path):
        day = _day(day, "DATE") or day
        subject, kind, metric = _key(subject, kind, metric)
        if as_of:
            from kospitl.arguments import as_of_of

            as_of = as_of_of(as_of, "AS_OF")
        with reading(db_path) as conn:  # no engine for a current file
            found = review.sources(conn, day, kind, subject, metric, as_of)
            derived = [] if found else review.derivation(conn, day, kind, subject, metric, as_of)
    key = f"{day} {kind} {subject} {metric}" + (f" {as_of}" if as_of else "")
    if derived:
        if fmt == Format.TABLE.value:
            click.echo(f"{key} is derived: {derived[0]['arithmetic']}")
            cols: tuple[str, ...] = ("states", "article", "value", "status", "line", "evidence")
        else:
            cols = review.DERIVATION_COLUMNS
        emit(derived, cols, fmt, "", wrap={"evidence": WHY_WIDTH})
        return
    cols = review.SOURCE_COLUMNS if fmt != Format.TABLE.value else ("article", "value", "status", "line", "evidence")
    emit(found, cols, fmt, f"no observations of {key}", wrap={"evidence": WHY_WIDTH})


@cli.command()
@click.argument("sql")
@db_option
@click.option("-p", "--param", "params", type=(str, str), multiple=True, metavar="NAME VALUE",
              help="A named parameter for :NAME in the SQL (repeatable); a number binds as a number, "
                   "NAME:text keeps VALUE text.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=30.0, show_default=True,
              metavar="SECONDS", help="Stop the statement after this long.")
@output_options(Format.TABLE)
def query(sql: str, db_path: str | None, params: tuple[tuple[str, str], ...], timeout: float, fmt: str) -> None:
    """Run one SQL statement on the database opened read-only, in a sandbox: writes, ATTACH,
    pragmas that change state and unsafe functions are refused; Ctrl-C or --timeout stops it.

    \b
    Example:
        kospitl query "SELECT date, close FROM session WHERE index_name = :i" -p i KOSPI
    """
    from kospitl.query import QueryInterrupted, bind_value, run

    with friendly_errors(db_path):
        bound = dict(bind_value(name, value) for name, value in params)
        try:
            with run(db_path or default_path(), sql, bound, timeout=timeout) as result:
                emit(result.rows, result.columns, fmt, "no rows")
        except QueryInterrupted as e:
            sys.stdout.flush()
            click.echo(f"Error: {e}", err=True)
            sys.exit(130)


@cli.command(context_settings={"ignore_unknown_options": True})  # VALUE may be negative
@click.argument("day", metavar="DATE", required=False)
@click.argument("kind", required=False)
@click.argument("subject", required=False)
@click.argument("metric", required=False)
@click.argument("value", type=float, required=False)
@click.option("--as-of", default="close", show_default=True, help="close, open, HH:MM or intraday.")
@click.option("--note", required=True, help="Why: kept with the decision (the audit trail).")
@click.option("--withdraw", type=click.IntRange(min=1), metavar="N",
              help="Withdraw override N instead (it stops counting; its record and the withdrawal stay).")
@db_option
def override(day: str | None, kind: str | None, subject: str | None, metric: str | None, value: float | None,
             as_of: str, note: str, withdraw: int | None, db_path: str | None) -> None:
    """Record a manual decision for one fact: a top-priority source, nothing edited in place.

    DATE must be a KRX session, KIND SUBJECT METRIC a key of the fact vocabulary (a ticker as
    six digits or a listed company's name), VALUE finite and plausible for the metric. The
    latest override of a key wins. `kospitl override --withdraw N --note WHY` takes override N
    (the number it printed) back: it stops counting, its record and the withdrawal stay.

    \b
    Example:
        kospitl override 2026-01-07 index KOSPI change 25.58 --note "KRX data: 25.58"
    """
    from kospitl.review_write import record_override, withdraw_override

    given = [a for a in (day, kind, subject, metric, value) if a is not None]
    if withdraw is not None and given:
        raise click.UsageError("--withdraw N takes no DATE KIND SUBJECT METRIC VALUE")
    if withdraw is None and len(given) < 5:
        raise click.UsageError("give DATE KIND SUBJECT METRIC VALUE (or --withdraw N)")
    with friendly_errors(db_path):
        if withdraw is not None:
            engine = open_db(db_path, create=False)
            w = withdraw_override(engine, withdraw, note=note)
            d = w.decision
            click.echo(f"override {w.override_id} withdrawn ({note}): was {d.get('date')} {d.get('kind')} "
                       f"{d.get('subject')} {d.get('metric')} {d.get('as_of')} = {d.get('value')}")
            return
        assert day and kind and subject and metric and value is not None
        from kospitl.review_write import check_override

        dec = check_override(day, kind, subject, metric, value, note=note, as_of=as_of)  # before creating a file
        engine = open_db(db_path)
        oid = record_override(engine, day, kind, subject, metric, value, note=note, as_of=as_of)
    click.echo(f"override {oid}: {dec.day} {dec.kind} {dec.subject} {dec.metric} {dec.as_of} = {dec.value:g} ({note})")


@cli.command()
@db_option
@click.option("--dry-run", is_flag=True, help="Show what would change; write nothing.")
def reprocess(db_path: str | None, dry_run: bool) -> None:
    """Re-extract every stored article with the current rules and show what changed.

    \b
    Example:
        kospitl reprocess --dry-run
    """
    from kospitl.review_write import reprocess as run

    with friendly_errors(db_path):
        engine = open_db(db_path, readonly=dry_run, create=False, upgrade=not dry_run)
        changes = run(engine, dry_run=dry_run)
    for c in changes:
        click.echo(f"{c.path}: +{len(c.added)} -{len(c.removed)}")
        for line in c.removed:
            click.echo(f"  - {line}")
        for line in c.added:
            click.echo(f"  + {line}")
    click.echo(f"{len(changes)} article(s) changed" + (" [dry run: nothing written]" if dry_run else ""))


@cli.command("datasette-metadata")
@db_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default="-",
              help="Write to FILE instead of standard output.")
def datasette_metadata(db_path: str | None, output: str) -> None:
    """Write datasette metadata (descriptions, units, facets, canned queries) for the database.

    Then open it with: datasette kospitl.db -m metadata.json

    \b
    Example:
        kospitl datasette-metadata -o metadata.json
    """
    from kospitl.dictionary import dumps
    from kospitl.serve import database_name, metadata

    with friendly_errors(db_path):
        path = db_path or default_path()
        _datasette_file(path)
        engine = _read_db(path)
        with engine.connect() as conn:
            meta = metadata(conn, database_name(path), assets=False)
        with output_file(output) as out:
            out.write(dumps(meta))


def _datasette_file(path: str) -> None:
    """datasette serves SQLite files: a PostgreSQL URL is refused in one line."""
    if is_server(path):
        raise KospitlError(f"{display_name(path)}: datasette serves SQLite files, not a PostgreSQL database "
                           "(copy it to a file first)")


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (127.0.0.1: this machine only; 0.0.0.0: every network).")
@click.option("--port", default=8001, show_default=True, type=click.IntRange(0, 65535),
              help="TCP port to listen on.")
def serve(db_path: str | None, host: str, port: int) -> None:
    """Browse the database in datasette: views first, canned queries, facets, descriptions.

    Needs the serve extra: pip install 'kospitl[serve]'. The database is opened read-only;
    ingests can run meanwhile. Ctrl-C stops.

    \b
    Example:
        kospitl serve --db kospitl.db --port 8001
    """
    import os

    from kospitl import serve as srv

    with friendly_errors(db_path):
        path = db_path or default_path()
        _datasette_file(path)
        if not os.path.exists(path):
            raise KospitlError(f"{path}: no such database (ingest articles first, or give --db)")
        engine = open_db(path, create=False)  # upgrades the schema and the column dictionary first
        with engine.connect() as conn:
            meta = srv.metadata(conn, srv.database_name(path))
        engine.dispose()
        ds = srv.build(path, meta)
        srv.check_port(host, port)
    click.echo(f"Serving {path} at http://{host}:{port}/ (Ctrl-C stops)", err=True)
    srv.run(ds, host, port)


@cli.command()
@db_option
@click.option("--subject", default="KOSPI", show_default=True, help="An index or a ticker.")
@click.option("--from", "date_from", metavar="DATE", help="From this session date.")
@click.option("--to", "date_to", metavar="DATE", help="Up to this session date.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="FILE.svg or FILE.png")
def chart(db_path: str | None, subject: str, date_from: str | None, date_to: str | None, output: str) -> None:
    """Draw the close series with milestones marked and day ranges where known.

    \b
    Example:
        kospitl chart --subject KOSPI --from 2026-01-01 -o timeline.svg
        kospitl chart --subject 005930 -o samsung.svg
    """
    from kospitl import chart as ch

    with friendly_errors(db_path):
        subject = _key(subject, None, None)[0] or subject
        date_from, date_to = _day(date_from, "--from"), _day(date_to, "--to")
        with reading(db_path) as conn:  # no engine for a current file
            s = ch.series(conn, subject, date_from, date_to)
        ch.write(s, output)
    click.echo(f"wrote {output}: {len(s.closes)} close(s), {len(s.milestones)} milestone(s)")


@cli.command()
@db_option
@click.option("-q", "--quiet", is_flag=True, help="Print only violations that remain.")
def check(db_path: str | None, quiet: bool) -> None:
    """Check the market invariants (hledger-style balance assertions).

    Lists the figures the timeline corrected (an article's own arithmetic or the daily
    limits refute them) and every contradiction left in the timeline: change vs close and
    previous close, change vs percent, low <= open, close <= high, milestones vs closes.
    Exits 1 if any contradiction remains, 0 otherwise.

    \b
    Example:
        kospitl check
    """
    from kospitl.check import check as run_check

    with friendly_errors(db_path):
        with reading(db_path) as conn:  # no engine for a current file
            findings = run_check(conn)
    remaining = [f for f in findings if f.severity == "violation"]
    for f in findings:
        if not quiet or f.severity == "violation":
            click.echo(f.render())
    corrected = len(findings) - len(remaining)
    click.echo(f"{corrected} figure(s) corrected by the timeline, {len(remaining)} violation(s) remain",
               err=bool(remaining))
    if remaining:
        sys.exit(1)


@cli.command("copy")
@click.argument("src")
@click.argument("dest")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing when the copy succeeds.")
def copy_command(src: str, dest: str, quiet: bool) -> None:
    """Copy the whole database SRC to DEST, a new or empty database: a file or a
    postgresql://USER@HOST/DB URL either way (SQLite to PostgreSQL, back, or file to file).
    Every table, ids and statuses as they are; SRC is only read; a failed copy leaves DEST
    as it was.

    \b
    Example:
        kospitl copy kospitl.db team-copy.db
    """
    from kospitl.copy import copy_database, shown

    with friendly_errors(dest):
        done = copy_database(src, dest)
    if not quiet:
        counts = ", ".join(f"{n} {table}" for table, n in done.rows.items())
        click.echo(f"copied {shown(src)} to {shown(dest)} at schema {done.revision}: {counts}", err=True)


def main() -> None:  # pragma: no cover
    cli()


__all__ = ["cli", "default_path"]
