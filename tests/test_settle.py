"""Per-key incremental settling (kospitl.settle) gives exactly what settling from scratch gives.

The reference below settles the finished database group by group from nothing, the way the
design notes define it: every (date, subject) group with ``reconcile.settle_group`` over its own
rows and the rows of its previous and next sessions. The incremental path settled each key as
the articles came, in whatever order and batches. Both must agree on every fact and every
observation's verdict, on the seeds, dev, dev2 A and B (C is held out) and the bundled and test
articles ingested together in a random order; and a full re-settle (``store.resettle_all``)
must write nothing and leave both exports byte-identical.
"""
from __future__ import annotations

import random
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT, SAMPLES, invoke, shared_path
from kospitl import pending, sessions, settle, store
from kospitl.db import driver, open_db
from kospitl.ingest import expand, ingest_paths
from kospitl.reconcile import Row, settle_group, settle_key
from kospitl.settle import PRICE_CLOSE, alone

ROWS = """SELECT o.id, o.date, o.subject, o.kind, o.metric, o.as_of, o.value, o.approx, o.precision, o.status,
       o.note, a.id, a.witness, a.source_kind, a.version_tag, a.published_at, a.publisher, a.credit, a.content_hash
FROM observation o JOIN article a ON a.id = o.article_id ORDER BY o.kind, o.metric, o.as_of, o.id"""


def from_scratch(conn) -> tuple[set[tuple], dict[int, tuple]]:
    """Every fact and verdict, settled group by group from the rows alone."""
    cal = sessions.load()
    groups: dict[tuple[str, str], list[Row]] = {}
    for (oid, d, s, kind, metric, as_of, value, approx, precision, _status, _note, aid, witness, source_kind,
         version_tag, published_at, publisher, credit, content_hash) in driver(conn).execute(ROWS):
        groups.setdefault((d, s), []).append(Row(
            oid, kind, metric, as_of, value, bool(approx), precision, aid, witness or f"article:{content_hash}",
            source_kind, version_tag, published_at, publisher, credit, content_hash))
    todo = set(groups)  # and the previous session of each, whose close the next session's arithmetic can imply
    todo |= {(cal.previous_session(date.fromisoformat(d)).isoformat(), s) for d, s in groups
             if not alone(s) and cal.is_session(date.fromisoformat(d))}
    facts: set[tuple] = set()
    verdicts: dict[int, tuple] = {}
    for d, s in sorted(todo):
        day = date.fromisoformat(d)
        today = groups.get((d, s), [])
        prev = nxt = []
        if not alone(s):
            prev = groups.get((cal.previous_session(day).isoformat(), s), [])
            nxt = groups.get((cal.next_session(day).isoformat(), s), []) if cal.is_session(day) else []
        base = {}
        if s.isdigit():
            closes = [r for r in prev if r.key == PRICE_CLOSE]
            fact = settle_key(PRICE_CLOSE, closes, [], {}, False)[0] if closes else None
            base = {PRICE_CLOSE: fact.value} if fact else {}
        out = settle_group(today, nxt, prev, base)
        facts |= {(d, s, f.kind, f.metric, f.as_of, f.value, f.status, f.sources, f.articles, f.why) for f in out.facts}
        verdicts.update(out.verdicts)
    return facts, verdicts


def stored(conn) -> tuple[set[tuple], dict[int, tuple]]:
    raw = driver(conn)
    facts = set(raw.execute("SELECT date, subject, kind, metric, as_of, value, status, sources, articles, why "
                            "FROM fact").fetchall())
    return facts, {oid: (status, note) for oid, status, note in raw.execute("SELECT id, status, note FROM observation")}


def exports(db: str) -> list[str]:
    runner = CliRunner()
    out = []
    for what in ("timeline", "observations"):
        r = invoke(runner, "export", what, "--db", db)
        assert r.exit_code == 0, r.output
        out.append(r.output)
    return out


def corpora() -> dict[str, list[str]]:
    dev2 = sorted(str(p) for p in shared_path("corpus", "dev2").glob("r*.txt") if int(p.name[1:3]) <= 40)
    local = [f for f in expand([str(SAMPLES), str(ROOT / "tests" / "corpus")]) if f.endswith(".txt")]
    return {
        "seeds": sorted(str(p) for p in shared_path("corpus", "seeds").glob("*.txt")),
        "dev": sorted(str(p) for p in shared_path("corpus", "dev").glob("d*.txt")),
        "dev2 A+B": dev2,  # C is held out
        "everything, shuffled": sorted(set(local) | set(dev2)),
    }


def synth(folder: Path) -> list[str]:
    """Dense sessions: 100 synth articles, 20 a session (the benchmark's corpus), in which most
    keys hold many claims that disagree and a new article mostly reads keys it does not state."""
    tool = shared_path("tools", "synth_corpus.py")
    subprocess.run([sys.executable, str(tool), str(folder), "100", "--per-day", "20"], check=True,
                   capture_output=True)
    return sorted(str(p) for p in folder.glob("*.txt"))


@pytest.mark.parametrize("name", ["seeds", "dev", "dev2 A+B", "everything, shuffled", "synth, shuffled"])
def test_incremental_settling_is_settling_from_scratch(name, tmp_path):
    files = synth(tmp_path / "synth") if name.startswith("synth") else corpora()[name]
    assert files
    rnd = random.Random(15)
    if name.endswith("shuffled"):
        rnd.shuffle(files)
    db = str(tmp_path / "x.db")
    engine = open_db(db)
    skipped = settle.SEEN["skipped"]
    for i in range(0, len(files), 7):  # several ingests of small batches: most keys settled many times
        ingest_paths(engine, files[i:i + 7], jobs=1, batch_size=rnd.choice((1, 2, 5)))
    if name.startswith("synth"):
        assert settle.SEEN["skipped"] > skipped  # keys left alone (settle.moves) were checked here too
    with engine.connect() as conn:
        facts, verdicts = stored(conn)
        want_facts, want_verdicts = from_scratch(conn)
    assert len(facts) > 20
    assert sorted(facts - want_facts) == [] and sorted(want_facts - facts) == []
    assert {k: v for k, v in verdicts.items() if want_verdicts.get(k, ("kept", None)) != v} == {}
    before = exports(db)
    with engine.begin() as conn:
        assert store.resettle_all(conn, dates_per_step=3) == 0  # nothing to rewrite
    assert exports(db) == before


def test_the_memo_of_earlier_batches_holds_only_while_nothing_else_changed(tmp_path, monkeypatch):
    """``ingest_paths`` keeps the rows its batches' settling read (``settle.Memo``) for the next
    batches. Another writer committing between two batches, a batch rolled back after it had
    settled, and the keys whose witnesses change make it read again: the result is still what
    settling from scratch gives, and the memo did serve probes."""
    files = synth(tmp_path / "synth")
    random.Random(7).shuffle(files)
    ours, theirs = files[:70], files[70:]
    db = str(tmp_path / "x.db")
    engine, other = open_db(db), open_db(db)
    done = []

    def between(result):  # called after each batch: another connection writes the same sessions
        done.append(result)
        if len(done) in (12, 30, 51):
            k = len(done) // 10
            ingest_paths(other, theirs[k * 6:k * 6 + 6], jobs=1, batch_size=2)

    real = store.reconcile_keys
    calls = []

    def then_fail(conn, keys, **kw):  # the 9th batch settles, then its transaction fails
        written = real(conn, keys, **kw)
        calls.append(1)
        if len(calls) == 9:
            raise RuntimeError("disk says no")
        return written

    monkeypatch.setattr(store, "reconcile_keys", then_fail)
    # every article settled with its batch, as a sorted ingest whose sessions fit in its batches
    # does (here a session comes back in later batches, and would be settled at the end: pending)
    monkeypatch.setattr(pending.Deferral, "defers", lambda self, session: False)
    served = settle.SEEN["from memo"]
    report = ingest_paths(engine, ours, jobs=1, batch_size=3, on_file=between)
    assert report.count("new") == 70 and not report.count("error")
    assert settle.SEEN["from memo"] > served
    with engine.connect() as conn:
        facts, verdicts = stored(conn)
        want_facts, want_verdicts = from_scratch(conn)
    assert len(facts) > 20
    assert sorted(facts - want_facts) == [] and sorted(want_facts - facts) == []
    assert {k: v for k, v in verdicts.items() if want_verdicts.get(k, ("kept", None)) != v} == {}


def test_a_witness_that_changes_is_read_again(tmp_path, monkeypatch):
    """An article settled in one batch, whose near-duplicate (the same report with one figure
    changed) comes in a later batch of the same ingest: the two become one witness, and the
    first article's witness changes. The memo of the earlier batch held the first article's rows
    under its old witness; they are read again, and the result is what settling from scratch
    gives (one voice, a version superseded, not two witnesses in conflict)."""
    import re

    from kospitl.articles import content_hash, parse
    from kospitl.witness import wire_of

    files = synth(tmp_path / "synth")
    first = next(f for f in files if wire_of(parse(Path(f).read_text(), f)) is None
                 and re.search(r"\d,\d{3}\.\d\d", Path(f).read_text()))
    text = Path(first).read_text()
    m = re.search(r"\d,\d{3}\.\d\d", text)
    for cents in range(1, 99):  # the same report with one figure changed, of a smaller content hash
        twin = text[:m.end() - 2] + f"{(int(m[0][-2:]) + cents) % 100:02d}" + text[m.end():]
        if content_hash(twin) < content_hash(text):
            break
    later = tmp_path / "twin.txt"
    later.write_text(twin)
    session = [f for f in files if f.rsplit("_", 1)[1] == first.rsplit("_", 1)[1] and f != first]
    order = [first] + session[:6] + [str(later)] + session[6:10]
    db = str(tmp_path / "x.db")
    engine = open_db(db)
    served = settle.SEEN["from memo"]
    monkeypatch.setattr(pending.Deferral, "defers", lambda self, session: False)  # each batch settles
    ingest_paths(engine, order, jobs=1, batch_size=3)
    assert settle.SEEN["from memo"] > served
    with engine.connect() as conn:
        raw = driver(conn)
        (witness,) = raw.execute("SELECT witness FROM article WHERE source_path = ?", (first,)).fetchone()
        assert witness == "article:" + content_hash(twin)  # it changed when the twin came
        facts, verdicts = stored(conn)
        want_facts, want_verdicts = from_scratch(conn)
        assert raw.execute("SELECT COUNT(*) FROM observation WHERE status = 'superseded'").fetchone()[0] > 0
    assert sorted(facts - want_facts) == [] and sorted(want_facts - facts) == []
    assert {k: v for k, v in verdicts.items() if want_verdicts.get(k, ("kept", None)) != v} == {}


def test_rows_read_share_their_texts(tmp_path):
    """The rows a writer reads (and a ``Memo`` keeps, up to 100,000) hold one string object for
    each text their article repeats on every row (publisher, witness, times, hash) and one
    tuple for each key: read twice, in two queries, they are the same objects."""
    files = synth(tmp_path / "synth")[:40]
    db = str(tmp_path / "x.db")
    engine = open_db(db)
    ingest_paths(engine, files, jobs=1)
    with engine.connect() as conn:
        d, s = driver(conn).execute("SELECT date, subject FROM observation GROUP BY 1, 2 ORDER BY COUNT(*) DESC"
                                    ).fetchone()
        kinds = [k for (k,) in driver(conn).execute(
            "SELECT DISTINCT kind || '|' || metric FROM observation WHERE date = ? AND subject = ?", (d, s))]
        specs = [(d, s, *k.split("|"), None) for k in kinds]
        one, _ = settle.load_rows(conn, specs[:len(specs) // 2 + 1])
        two, _ = settle.load_rows(conn, specs)
        news = settle.load_article_rows(conn, range(1, 41))
    first = [r for rows in one[(d, s)].values() for r in rows]
    again = {r.id: r for rows in two[(d, s)].values() for r in rows}
    again.update({r.id: r for rows in news[(d, s)].values() for r in rows})
    assert len(first) > 5
    by_article: dict[int, Row] = {}
    for r in first:
        twin = again[r.id]
        assert twin == r and twin is not r
        for field in ("kind", "metric", "as_of", "witness", "source_kind", "version_tag", "published_at",
                      "publisher", "credit", "article_hash", "key"):
            assert getattr(twin, field) is getattr(r, field), field
        other = by_article.setdefault(r.article_id, r)
        assert other.article_hash is r.article_hash and other.witness is r.witness


def test_overrides_and_withdrawals_settle_as_from_scratch(tmp_path):
    """An override of a dense key (a session's KOSPI close, 20 articles), a later one of the same
    key, the withdrawal of the later one, then more articles of that session: after each step
    the incremental settling is what settling from scratch gives."""
    files = synth(tmp_path / "synth")
    db = str(tmp_path / "x.db")
    engine = open_db(db)
    day = files[0].rsplit("_", 1)[1][:8]
    day = f"{day[:4]}-{day[4:6]}-{day[6:]}"
    same = [f for f in files if day.replace("-", "") in f]
    first, rest = same[:12], [f for f in files if f not in same[:12]]
    ingest_paths(engine, first, jobs=1, batch_size=3)
    runner = CliRunner()

    def check() -> None:
        with engine.connect() as conn:
            facts, verdicts = stored(conn)
            want_facts, want_verdicts = from_scratch(conn)
        assert sorted(facts - want_facts) == [] and sorted(want_facts - facts) == []
        assert {k: v for k, v in verdicts.items() if want_verdicts.get(k, ("kept", None)) != v} == {}

    with engine.connect() as conn:
        (close,) = driver(conn).execute("SELECT value FROM fact WHERE date = ? AND subject = 'KOSPI' AND kind = 'index' "
                                        "AND metric = 'close' AND as_of = 'close'", (day,)).fetchone()
    numbers = []
    for value in (close + 1, close + 2):
        r = invoke(runner, "override", day, "index", "KOSPI", "close", f"{value:.2f}", "--note", "desk", "--db", db)
        assert r.exit_code == 0, r.output
        numbers.append(int(r.output.split(":", 1)[0].split()[-1]))  # "override N: ..."
        check()
    r = invoke(runner, "override", "--withdraw", str(numbers[-1]), "--note", "typo", "--db", db)
    assert r.exit_code == 0, r.output
    check()
    with engine.connect() as conn:
        (now,) = driver(conn).execute("SELECT value FROM fact WHERE date = ? AND subject = 'KOSPI' AND kind = 'index' "
                                      "AND metric = 'close' AND as_of = 'close'", (day,)).fetchone()
    assert now == pytest.approx(close + 1)  # the first override counts again
    ingest_paths(engine, rest, jobs=1, batch_size=4)
    check()
