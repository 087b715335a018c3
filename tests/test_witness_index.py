"""The near-duplicate index (table ``sketch_hash``) holds exactly the hashes of every stored
article's fingerprint under its session: written with the article, moved when it is re-dated,
and filled from the stored fingerprints when an older database is upgraded."""
from __future__ import annotations

from conftest import SAMPLES, UNDATED_DATE, UNDATED_SEED, db_rows, ingest_seeds, invoke
from kospitl.db import alembic_config, open_db


def postings(db: str) -> set[tuple[str, int, str]]:
    return set(db_rows(db, "SELECT s.session_date, s.hash, a.content_hash FROM sketch_hash s "
                           "JOIN article a ON a.id = s.article_id"))


def expected(db: str) -> set[tuple[str, int, str]]:
    rows = db_rows(db, "SELECT session_date, fingerprint, content_hash FROM article WHERE session_date IS NOT NULL "
                       "AND source_kind != 'override'")
    return {(s, int(h, 16), c) for s, fp, c in rows for h in (fp or "").split()}


def test_the_index_holds_every_fingerprint_and_follows_a_redated_article(runner, backend):
    db = backend  # on both backends (a crc32 needs PostgreSQL's BIGINT)
    ingest_seeds(runner, db)
    assert len(expected(db)) > 100 and postings(db) == expected(db)
    r = invoke(runner, "ingest", "--db", db, "--date", "2026-02-26", str(SAMPLES / UNDATED_SEED))
    assert r.exit_code == 0, r.output
    assert any(s == "2026-02-26" for s, _, _ in postings(db))
    assert not any(s == UNDATED_DATE for s, _, _ in postings(db))
    assert postings(db) == expected(db)


def test_an_upgrade_fills_the_index_from_the_stored_fingerprints(runner, db):
    from alembic import command

    ingest_seeds(runner, db)
    want = postings(db)
    engine = open_db(db)
    with engine.connect() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0006")
        conn.commit()
    engine.dispose()
    open_db(db).dispose()
    assert postings(db) == want


# similar_witnesses: a witness counts once one of its articles is similar to the newcomer, however
# many of its articles come before that one (more than one batch of CHECK_AT_ONCE), and a witness
# none of whose articles is similar does not count. Sketches: hex hashes; the newcomer's 101..132.
NEW = " ".join(f"{h:08x}" for h in range(101, 133))
NEAR = " ".join(f"{h:08x}" for h in list(range(101, 129)) + [901, 902, 903, 904])  # 28 of 32 shared
# 20 shared, enough to be linked through the index, but 12 smaller hashes of its own: not similar
FAR = " ".join(f"{h:08x}" for h in list(range(1, 13)) + list(range(113, 133)))
WITNESS_TABLE = [  # (witness, fingerprints of its articles in id order, counts)
    ("article:many-far-then-near", [FAR] * 19 + [NEAR], True),
    ("article:all-far", [FAR] * 3, False),
    ("article:one-near", [NEAR], True),
    ("Yonhap:2026-02-26", [FAR, NEAR, FAR], True),
    (None, [FAR, FAR], False),
]


def test_similar_witnesses_reads_a_witness_until_one_article_is_similar(tmp_path):
    from kospitl import witness
    from kospitl.db import driver

    engine = open_db(str(tmp_path / "w.db"))
    ids: list[int] = []
    with engine.begin() as conn:
        raw = driver(conn)
        for w, prints, _ in WITNESS_TABLE:
            for fp in prints:
                n = len(ids) + 1
                raw.execute("INSERT INTO article (id, content_hash, source_path, source_kind, fingerprint, witness, "
                            "session_date, text, ingested_at) VALUES (?, ?, ?, 'daily', ?, ?, '2026-02-26', '', '')",
                            (n, f"h{n}", f"a{n}.txt", fp, w))
                raw.executemany("INSERT INTO sketch_hash (session_date, hash, article_id) VALUES ('2026-02-26', ?, ?)",
                                [(h, n) for h in witness.sketch(fp)])
                ids.append(n)
        me = witness.Member(len(ids) + 1, "h0", None, None, witness.sketch(NEW))
        got = witness.similar_witnesses(conn, "2026-02-26", me)
    assert got == {w for w, _, counts in WITNESS_TABLE if counts}
    assert witness.similar(me.sketch, witness.sketch(NEAR)) and not witness.similar(me.sketch, witness.sketch(FAR))
    with engine.connect() as conn:
        assert witness.linked(conn, "2026-02-26", me.sketch) == ids  # every article was a candidate
