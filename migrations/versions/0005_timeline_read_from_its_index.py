"""The timeline of one subject read from its index alone.

``ix_fact_subject_key`` (subject, date, kind, metric, as_of) also carries the fact's other
columns (value, status, sources, articles, why): ``kospitl timeline --subject S`` and the
writer's read of the stored facts of the groups it settles no longer look each row up in the
table (the 10-year KOSPI timeline of the benchmark: 21 → 16 ms of SQLite).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27
"""
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

KEY = ["subject", "date", "kind", "metric", "as_of"]
CARRIED = ["value", "status", "sources", "articles", "why"]


def upgrade() -> None:
    with op.batch_alter_table("fact", schema=None) as batch_op:
        batch_op.drop_index("ix_fact_subject_key")
        # PostgreSQL: the key alone (a btree entry holds at most ~2.7 kB, and a long why would
        # not fit; its planner reads the rows by the key without needing them carried)
        carried = [] if op.get_bind().dialect.name == "postgresql" else CARRIED
        batch_op.create_index("ix_fact_subject_key", KEY + carried, unique=False)


def downgrade() -> None:
    with op.batch_alter_table("fact", schema=None) as batch_op:
        batch_op.drop_index("ix_fact_subject_key")
        batch_op.create_index("ix_fact_subject_key", KEY, unique=False)
