"""ingest.expand lists a folder's article files with os.scandir, as Path.rglob("*") with
is_file() did (issue 15: the Path objects and a stat a file held ~400 MB for a folder of a
million): the same strings in the same order on a tree of the awkward cases."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from kospitl.ingest import ARTICLE_SUFFIXES, NOT_ARTICLES, expand

NAMES = ["a.txt", "B.TXT", "c.md", "d.text", "e.html", "f.HTM", ".txt", "..txt", "x.", "x", "g.txt.pdf",
         "README.txt", "LICENSE.md", "notes.txt", "sub/h.txt", "sub/.hidden/i.txt", "sub/deeper/j.md",
         "sp ace/k.txt", "한글/기사.txt", "real/l.txt"]


def by_rglob(top: str) -> list[str]:
    return sorted(str(f) for f in Path(top).rglob("*")
                  if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES and not NOT_ARTICLES.match(f.name))


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    for name in NAMES:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("KOSPI rose 1.2 percent.\n", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    (tmp_path / "folder.txt").mkdir()  # a folder with an article's suffix is not a file
    os.symlink(tmp_path / "real", tmp_path / "linked")  # a linked folder is not entered
    os.symlink(tmp_path / "a.txt", tmp_path / "link.txt")  # a linked file is a file
    os.symlink(tmp_path / "nowhere.txt", tmp_path / "broken.txt")  # a broken link is not
    return tmp_path


@pytest.mark.parametrize("form", ["{}", "{}/", "{}/./sub", "{}/sub/..", "{}//sub"])
def test_a_folder_lists_what_rglob_listed(tree: Path, form: str) -> None:
    top = form.format(tree)
    got = expand([top])
    assert got == by_rglob(top)
    assert len(got) == len(set(got)) >= 2


def test_the_listing_of_a_folder(tree: Path) -> None:
    got = [os.path.relpath(p, tree) for p in expand([str(tree)])]
    assert got == ["..txt", "B.TXT", "a.txt", "c.md", "d.text", "e.html", "f.HTM", "link.txt", "notes.txt",
                   "real/l.txt", "sp ace/k.txt", "sub/.hidden/i.txt", "sub/deeper/j.md", "sub/h.txt", "한글/기사.txt"]


def test_an_empty_folder_is_kept_to_be_reported(tree: Path) -> None:
    assert expand([str(tree / "empty")]) == [str(tree / "empty")]
