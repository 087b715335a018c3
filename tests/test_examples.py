"""Every ``Example:`` line of every --help runs, as printed, against a database built from
data/samples/ the way ``kospitl --help`` says (each line on its own copy of that database, in
a fresh folder where ``data/`` is the checkout's)."""
from __future__ import annotations

import os
import shlex
import sqlite3
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from conftest import ROOT
from kospitl.cli import cli

# started and stopped by its own test on a free port: an example that serves does not return
LONG_RUNNING = {"serve"}


def help_text(path: tuple[str, ...]) -> str:
    r = CliRunner().invoke(cli, [*path, "--help"], catch_exceptions=False, terminal_width=200)
    assert r.exit_code == 0
    return r.output


def example_lines(text: str) -> list[str]:
    out, inside = [], False
    for line in text.splitlines():
        if line.strip() == "Example:":
            inside = True
        elif inside and line.startswith("    ") and line.strip():
            out.append(line.strip())
        elif inside and line.strip():
            inside = False
    return out


def examples() -> list[tuple[str, str]]:
    found = [("kospitl", line) for line in example_lines(help_text(()))]
    for name in sorted(cli.commands):
        if name not in LONG_RUNNING:
            found += [(name, line) for line in example_lines(help_text((name,)))]
    return found


EXAMPLES = examples()


def run(line: str, env: dict[str, str]) -> None:
    """One example line as a shell would run it: commands joined by &&, a final > FILE."""
    for command in line.split(" && "):
        words = shlex.split(command)
        target = None
        if len(words) > 2 and words[-2] == ">":
            words, target = words[:-2], words[-1]
        assert words[0] == "kospitl", line
        r = CliRunner(env=env).invoke(cli, words[1:], catch_exceptions=False)
        assert r.exit_code == 0, f"{line}\n{r.output}"
        assert "Traceback" not in r.output
        if target:
            Path(target).write_text(r.stdout, encoding="utf-8")


@pytest.fixture(scope="module")
def samples_db(tmp_path_factory) -> Path:
    """The database ``kospitl --help``'s first example lines build."""
    work = tmp_path_factory.mktemp("examples")
    (work / "data").symlink_to(ROOT / "data")
    db = work / "kospitl.db"
    cwd = os.getcwd()
    os.chdir(work)
    try:
        for line in example_lines(help_text(()))[:2]:
            run(line, {"KOSPITL_DB": str(db)})
    finally:
        os.chdir(cwd)
    return db


def test_the_samples_hold_a_conflict_a_correction_and_a_version_chain(samples_db):
    con = sqlite3.connect(samples_db)
    statuses = dict(con.execute("SELECT status, COUNT(*) FROM observation GROUP BY status").fetchall())
    assert statuses.get("superseded", 0) >= 3  # the Yonhap first take, replaced by its (LEAD)
    notes = [n for (n,) in con.execute("SELECT note FROM observation WHERE status = 'lost'")]
    assert any(n.startswith("arithmetic: ") for n in notes)  # a typo the article's own percent refutes
    assert any(n.startswith("tied 1-1; kept by publisher prior wire > daily") for n in notes)  # a real disagreement
    assert con.execute("SELECT COUNT(*) FROM problem").fetchone()[0] == 0


@pytest.mark.parametrize("command, line", EXAMPLES, ids=[f"{c}: {line}" for c, line in EXAMPLES])
def test_example_runs(samples_db, tmp_path, monkeypatch, command, line):
    (tmp_path / "data").symlink_to(ROOT / "data")
    db = tmp_path / "kospitl.db"
    src, dst = sqlite3.connect(samples_db), sqlite3.connect(db)
    src.backup(dst)
    src.close(), dst.close()
    monkeypatch.chdir(tmp_path)
    run(line, {"KOSPITL_DB": str(db)})


def test_every_command_has_examples():
    named = {c for c, _ in EXAMPLES}
    assert named == {"kospitl"} | (set(cli.commands) - LONG_RUNNING)
    assert all(isinstance(cmd, click.Command) for cmd in cli.commands.values())


def test_the_readme_quick_start_prints_what_it_shows(tmp_path, monkeypatch):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    setup = next(line.strip() for line in quick.splitlines() if line.startswith("    python3.11 -m venv"))
    steps = [c.removeprefix(".venv/bin/") for c in setup.split(" && ") if c.startswith(".venv/bin/kospitl ")]
    assert steps[-1] == "kospitl conflicts"
    (tmp_path / "data").symlink_to(ROOT / "data")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KOSPITL_DB", raising=False)  # the quick start uses ./kospitl.db
    out = ""
    for step in steps:
        r = CliRunner().invoke(cli, shlex.split(step)[1:], catch_exceptions=False)
        assert r.exit_code == 0, f"{step}\n{r.output}"
        out = r.output
    shown = "".join(f"    {line}\n" if line else "\n" for line in out.splitlines())
    assert shown in quick
