"""The kospitl command line: a thin skin over the library."""
from __future__ import annotations

import functools
import sys
from contextlib import contextmanager
from typing import Any, Callable, Iterator

import click

from kospitl import __version__
from kospitl.db import default_path, open_db
from kospitl.errors import KospitlError
from kospitl.output import Format, render
from kospitl.vocab import OBSERVATION_COLUMNS, TIMELINE_COLUMNS

DB_HELP = "Database file (default: $KOSPITL_DB or ./kospitl.db)."


def db_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--db", "db_path", type=click.Path(dir_okay=False), default=None,
                        help=DB_HELP)(f)


def output_options(default: Format) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """--csv/--tsv/--json/--nl/--table folded into one ``fmt`` argument (the last one given wins)."""
    def deco(f: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(f)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            chosen = [fmt.value for fmt in Format if kwargs.pop(f"as_{fmt.value}", False)]
            kwargs["fmt"] = chosen[-1] if chosen else default.value
            return f(*args, **kwargs)

        for fmt in reversed(list(Format)):
            wrapper = click.option(f"--{fmt.value}", f"as_{fmt.value}", is_flag=True,
                                   help=f"Output as {fmt.value}" + (" (default)." if fmt is default else "."))(wrapper)
        return wrapper
    return deco


@contextmanager
def friendly_errors() -> Iterator[None]:
    try:
        yield
    except KospitlError as e:
        raise click.ClickException(str(e)) from None


@click.group()
@click.version_option(__version__, prog_name="kospitl")
def cli() -> None:
    """kospitl: Korean stock-market news → a trustworthy SQLite timeline.

    \b
    Example:
        kospitl ingest data/samples/
        kospitl timeline --subject KOSPI
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--date", "given", metavar="YYYY-MM-DD",
              help="Date of an article that states none (its figures are otherwise problems).")
@click.option("--dry-run", is_flag=True, help="Show what would be added; write nothing.")
@click.option("-q", "--quiet", is_flag=True, help="Print only errors.")
def ingest(paths: tuple[str, ...], db_path: str | None, given: str | None, dry_run: bool, quiet: bool) -> None:
    """Read article files (or directories, or globs) into the database.

    Re-ingesting a known article changes nothing. A file that is not an article is reported
    as "Error: FILE: reason" and skipped; the exit status is then 1.

    \b
    Example:
        kospitl ingest data/samples/00[0-3]_*.txt
        kospitl ingest --date 2026-02-25 data/samples/004_b07f79f3c47f2b65.txt
    """
    from kospitl.ingest import check_date, expand, ingest_paths

    with friendly_errors():
        day = check_date(given) if given else None
        engine = open_db(db_path)
        files = expand(paths)
        if len(files) > 20 and not quiet and sys.stderr.isatty():
            with click.progressbar(length=len(files), label="Ingesting", file=sys.stderr) as bar:
                report = ingest_paths(engine, files, given=day, dry_run=dry_run,
                                      progress=lambda _p: bar.update(1))
        else:
            report = ingest_paths(engine, files, given=day, dry_run=dry_run)
    for f in report.files:
        if f.error:
            click.echo(f"Error: {f.error}", err=True)
        elif not quiet:
            for p in f.problems:
                click.echo(p.render(f.path), err=True)
    if not quiet:
        verb = "would add" if dry_run else "added"
        known = report.count("known")
        click.echo(f"{len(report.files)} file(s): {report.count('new')} new, "
                   f"{report.count('redated')} re-dated, {known} already known (unchanged), "
                   f"{len(report.errors)} not articles; {verb} {report.observations} observation(s), "
                   f"{report.problems} problem(s)" + (" [dry run: nothing written]" if dry_run else ""))
    if report.errors:
        sys.exit(1)


@cli.command()
@click.argument("what", type=click.Choice(["observations", "timeline"]))
@db_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default="-",
              help="Write to FILE instead of standard output.")
@output_options(Format.CSV)
def export(what: str, db_path: str | None, output: str, fmt: str) -> None:
    """Export every observation (the evidence) or the reconciled timeline.

    Columns follow the fact vocabulary: date,kind,subject,metric,as_of,value, then
    article,approx,evidence,... (observations) or status,sources,... (timeline).

    \b
    Example:
        kospitl export timeline -o timeline.csv
        kospitl export observations --json
    """
    from kospitl import export as ex

    with friendly_errors():
        engine = open_db(db_path)
        with engine.connect() as conn:
            rows = ex.observations(conn) if what == "observations" else ex.timeline(conn)
            columns = OBSERVATION_COLUMNS if what == "observations" else TIMELINE_COLUMNS
            with click.open_file(output, "w", encoding="utf-8", lazy=False) as out:
                render(rows, columns, Format(fmt), out)


@cli.command()
@db_option
@click.option("--subject", help="Only this subject (KOSPI, 005930, foreign, USD/KRW...).")
@click.option("--kind", help="Only this kind (index, quote, flow, fx, rate, indicator, milestone).")
@click.option("--metric", help="Only this metric.")
@click.option("--status", type=click.Choice(["agreed", "single", "conflict-resolved", "derived"]))
@click.option("--from", "date_from", metavar="DATE", help="From this session date.")
@click.option("--to", "date_to", metavar="DATE", help="Up to this session date.")
@output_options(Format.TABLE)
def timeline(db_path: str | None, subject: str | None, kind: str | None, metric: str | None,
             status: str | None, date_from: str | None, date_to: str | None, fmt: str) -> None:
    """Show the reconciled timeline.

    \b
    Example:
        kospitl timeline --subject KOSPI --kind index --from 2026-01-01
    """
    from kospitl import export as ex

    with friendly_errors():
        engine = open_db(db_path)
        with engine.connect() as conn:
            rows = ex.timeline(conn, subject=subject, kind=kind, metric=metric, status=status,
                               date_from=date_from, date_to=date_to)
            columns = TIMELINE_COLUMNS if fmt != Format.TABLE.value else TIMELINE_COLUMNS[:-1]
            render(rows, columns, Format(fmt), sys.stdout)


@cli.command()
@db_option
@output_options(Format.TABLE)
def problems(db_path: str | None, fmt: str) -> None:
    """List what could not be resolved, as FILE:LINE: message.

    \b
    Example:
        kospitl problems
    """
    from kospitl.store import rows as query_rows

    with friendly_errors():
        engine = open_db(db_path)
        with engine.connect() as conn:
            found = list(query_rows(conn, "SELECT location, severity, code, message FROM v_problem ORDER BY id"))
    if fmt == Format.TABLE.value:
        for r in found:
            click.echo(f"{r['location']}: {r['message']}")
        return
    render(found, ("location", "severity", "code", "message"), Format(fmt), sys.stdout)


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

    with friendly_errors():
        engine = open_db(db_path)
        with engine.connect() as conn:
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


def main() -> None:  # pragma: no cover
    cli()


__all__ = ["cli", "default_path"]
