"""Docs honest by test: every command has --help with an example and appears in the README;
every vocabulary metric appears in the README's fact vocabulary section."""
from __future__ import annotations

import re

import pytest

from conftest import ROOT, invoke
from kospitl.cli import cli
from kospitl.vocab import KINDS

README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(cli.commands)


@pytest.mark.parametrize("name", COMMANDS)
def test_command_help_has_an_example(runner, name):
    r = invoke(runner, name, "--help")
    assert r.exit_code == 0
    assert "Example:" in r.output and f"kospitl {name}" in r.output


@pytest.mark.parametrize("name", COMMANDS)
def test_command_is_in_the_readme(name):
    assert f"`kospitl {name}" in README


def test_every_metric_is_in_the_vocabulary_section():
    section = README.split("## Fact vocabulary", 1)[1].split("\n## ", 1)[0]
    for kind, metrics in KINDS.items():
        assert f"`{kind}`" in section, kind
        for metric in metrics:
            assert re.search(rf"`{metric}`", section), f"{kind}.{metric}"
