"""The throwaway PostgreSQL server the backend-parametrized tests run on."""
from __future__ import annotations


def test_fresh_database_per_test(pg_empty_url):
    pg_url = pg_empty_url
    import psycopg

    with psycopg.connect(pg_url) as con:
        assert con.execute("SELECT current_setting('server_encoding'), current_setting('lc_collate')").fetchone() \
            == ("UTF8", "C")
        assert con.execute("SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public'").fetchone() == (0,)
        con.execute("CREATE TABLE t (x int)")  # the next test gets a new database without it


def test_each_test_gets_a_new_database(pg_empty_url):
    pg_url = pg_empty_url
    import psycopg

    with psycopg.connect(pg_url) as con:
        assert con.execute("SELECT to_regclass('public.t')").fetchone() == (None,)


def test_a_test_database_has_the_schema_and_nothing_else(pg_url):
    import psycopg

    with psycopg.connect(pg_url) as con:
        assert con.execute("SELECT COUNT(*) FROM article").fetchone() == (0,)
        assert con.execute("SELECT COUNT(*) FROM trading_day").fetchone()[0] > 3000
