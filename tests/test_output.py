"""Output flags and formats: one format at a time, -o's extension, empty results, JSON
integers, tables measured in screen cells, and a description for every option."""
from __future__ import annotations

import csv
import io
import json

import click
import pytest
from wcwidth import wcswidth

from conftest import SAMPLES, invoke
from kospitl.output import Format, render

SEED = str(SAMPLES / "002_4f409d777393ce93.txt")


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory):
    from click.testing import CliRunner

    db = str(tmp_path_factory.mktemp("out") / "seed.db")
    assert invoke(CliRunner(), "ingest", "-q", "--db", db, SEED).exit_code == 0
    return db


@pytest.mark.parametrize("flags", [("--csv", "--json"), ("--table", "--nl"), ("--tsv", "--csv", "--json")])
def test_one_format_flag_at_a_time(runner, seed_db, flags):
    r = invoke(runner, "timeline", "--db", seed_db, *flags)
    assert r.exit_code == 2
    named = " and ".join(f for f in ("--csv", "--tsv", "--json", "--nl", "--table") if f in flags)
    assert r.output == f"Error: {named}: give one output format\n"


@pytest.mark.parametrize("name, parse", [
    ("out.json", lambda t: json.loads(t)),
    ("out.ndjson", lambda t: [json.loads(line) for line in t.splitlines()]),
    ("out.jsonl", lambda t: [json.loads(line) for line in t.splitlines()]),
    ("out.csv", lambda t: list(csv.DictReader(io.StringIO(t)))),
    ("out.tsv", lambda t: list(csv.DictReader(io.StringIO(t), delimiter="\t"))),
    ("out.txt", lambda t: list(csv.DictReader(io.StringIO(t)))),  # no known extension: CSV, the default
])
def test_export_format_from_the_extension(runner, seed_db, tmp_path, name, parse):
    out = tmp_path / name
    r = invoke(runner, "export", "timeline", "--db", seed_db, "-o", str(out))
    assert r.exit_code == 0, r.output
    rows = parse(out.read_text(encoding="utf-8"))
    turnover = [x for x in rows if x["metric"] == "turnover"]
    assert len(turnover) == 1 and str(turnover[0]["value"]) == "17270000000000"


def test_extension_and_flag_that_disagree_are_refused(runner, seed_db, tmp_path):
    out = tmp_path / "out.json"
    r = invoke(runner, "export", "timeline", "--db", seed_db, "-o", str(out), "--csv")
    assert r.exit_code == 2 and r.output == f"Error: -o {out} names json output but --csv was given\n"
    assert not out.exists()


def test_json_numbers_are_integers_where_integral(runner, seed_db):
    for fmt in ("--json", "--nl"):
        text = invoke(runner, "timeline", "--db", seed_db, "--metric", "turnover", fmt).output
        assert '"value": 17270000000000,' in text and "17270000000000.0" not in text
        assert '"value": 2.27' in invoke(runner, "timeline", "--db", seed_db, "--metric", "change_pct", fmt).output


@pytest.mark.parametrize("args, message", [
    (["timeline", "--subject", "KOSDAQ", "--from", "2026-03-01"], "no facts match --subject KOSDAQ --from 2026-03-01"),
    (["conflicts"], "no conflicts"),
    (["conflicts", "--kind", "flow"], "no conflicts match --kind flow"),
    (["problems"], "no problems"),
    (["query", "SELECT * FROM fact WHERE 0"], "no rows"),
    (["show", "2026-03-03"], "no facts for the session of 2026-03-03"),
    (["sources", "2026-01-02", "index", "KOSPI", "open"], "no observations of 2026-01-02 index KOSPI open"),
])
def test_empty_results_say_so_on_stderr_and_exit_0(seed_db, args, message):
    from click.testing import CliRunner

    from kospitl.cli import cli

    r = CliRunner().invoke(cli, [*args, "--db", seed_db], catch_exceptions=False)
    assert r.exit_code == 0
    assert r.stderr == message + "\n"
    assert r.stdout in ("", "1 article(s):\n") or r.stdout.startswith(("0 article", "article"))


def test_empty_csv_keeps_its_header_and_json_is_an_empty_list(runner, seed_db):
    r = invoke(runner, "timeline", "--db", seed_db, "--subject", "KOSDAQ", "--csv")
    assert r.stdout.splitlines()[0].startswith("date,kind,subject,metric,as_of,value")
    assert json.loads(invoke(runner, "timeline", "--db", seed_db, "--subject", "KOSDAQ", "--json").stdout) == []


def test_show_lists_its_articles_in_every_format(runner, seed_db):
    name = SEED
    for fmt in ("--table", "--csv", "--tsv", "--nl"):
        out = invoke(runner, "show", "2026-01-02", "--db", seed_db, fmt).output
        assert name in out, fmt
    doc = json.loads(invoke(runner, "show", "2026-01-02", "--db", seed_db, "--json").output)
    assert doc["date"] == "2026-01-02" and [a["source_path"] for a in doc["articles"]] == [name]
    assert {"kind": "index", "metric": "turnover", "value": 17270000000000}.items() <= \
        next(f for f in doc["facts"] if f["metric"] == "turnover").items()


def test_table_columns_line_up_after_korean_text():
    rows = [{"code": "005930", "name": "삼성전자", "price": 128500.0},
            {"code": "000660", "name": "SK하이닉스", "price": 677000.0},
            {"code": "X", "name": "Kia", "price": 120600.0}]
    out = io.StringIO()
    render(rows, ["code", "name", "price"], Format.TABLE, out)
    lines = out.getvalue().splitlines()
    # every line is as wide on screen, and the price column ends at the same cell
    assert len({wcswidth(line) for line in lines}) == 1
    assert [line[-6:] for line in lines[2:]] == ["128500", "677000", "120600"]


def test_the_why_column_is_wrapped_in_a_table():
    long = "word " * 40
    out = io.StringIO()
    render([{"key": "a", "why": long.strip()}], ["key", "why"], Format.TABLE, out, wrap={"why": 30})
    lines = out.getvalue().splitlines()
    why_at = lines[0].index("why")
    assert len(lines) > 4 and max(wcswidth(line[why_at:]) for line in lines) <= 30


@pytest.mark.parametrize("text", ["x" * 75, "코스피가 사상 최고치를 경신했다 " * 6, "a\n\nb " + "word " * 20],
                         ids=["one-long-word", "korean", "paragraphs"])
def test_a_wrapped_cell_keeps_every_character_within_its_column(text):
    out = io.StringIO()
    render([{"key": "a", "why": text}], ["key", "why"], Format.TABLE, out, wrap={"why": 30})
    lines = out.getvalue().splitlines()
    why_at = lines[0].index("why")
    assert max(wcswidth(line[why_at:]) for line in lines) <= 30
    assert "".join(line[why_at:] for line in lines[2:]).replace(" ", "") == text.replace(" ", "").replace("\n", "")


def _all_commands():
    from kospitl.cli import cli

    for name, cmd in sorted(cli.commands.items()):
        yield name, cmd


@pytest.mark.parametrize("name, cmd", list(_all_commands()))
def test_every_option_has_a_description(name, cmd):
    for p in cmd.params:
        if isinstance(p, click.Option):
            assert p.help and len(p.help) > 12, f"{name} {p.opts}"
            assert not p.help.startswith("Output as "), f"{name} {p.opts}: {p.help}"


# CSV cells are converted a column at a time (output._csv_column): each column must come out as
# csv_cell of each of its values, whatever mix of types and formula-like text it holds
@pytest.mark.parametrize("column", [
    ("KOSPI", "index", "close"),
    ("KOSPI", None, "", "x"),
    ("=1+2", "plain"),
    ("ok", None, "-3% fall", "@SUM(A1)", "\ttab", "\rcr", "+1"),
    (None, None),
    (3, 0, -7, 12345678901234567890),
    (True, False, 1),
    (4551.06, -1280000000000.0, 2.0, 1e18, 1e19, 0.1 + 0.2, float("nan"), float("inf")),
    (1.5, 2, None, "a"),
    ("a\x00=b", "c"),
], ids=lambda c: repr(c)[:40])
def test_a_csv_column_is_its_cells(column):
    from kospitl.output import _csv_column, csv_cell

    assert list(_csv_column(column)) == [csv_cell(v) for v in column]


def test_csv_rows_in_blocks_are_the_rows_one_by_one(monkeypatch):
    """Blocks of 3 rows (CSV_BLOCK), missing keys, and rows that fail after a while: what was
    read before the failure is written, then the error goes on."""
    import csv
    import io

    from kospitl import output

    monkeypatch.setattr(output, "CSV_BLOCK", 3)
    columns = ("date", "value", "why")
    rows = [{"date": f"2026-01-{d:02}", "value": d * 1.5, "why": "=x" if d == 4 else None} for d in range(1, 8)]
    rows[5].pop("why")

    def failing():
        yield from rows
        raise RuntimeError("interrupted")

    out = io.StringIO()
    with pytest.raises(RuntimeError):
        output.render(failing(), columns, output.Format.CSV, out)
    expected = io.StringIO()
    w = csv.writer(expected, lineterminator="\n")
    w.writerow(columns)
    w.writerows([output.csv_cell(r.get(c)) for c in columns] for r in rows)
    assert out.getvalue() == expected.getvalue()
