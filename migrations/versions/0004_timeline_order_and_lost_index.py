"""The timeline of one subject read in its own order, and the conflicts found without a scan.

``ix_fact_subject_date`` (subject, date) becomes ``ix_fact_subject_key`` (subject, date, kind,
metric, as_of): ``kospitl timeline --subject S`` reads its rows already sorted. The partial index
``ix_observation_lost`` holds only the observations that lost a vote, so ``kospitl conflicts``
no longer reads every observation.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("fact", schema=None) as batch_op:
        batch_op.drop_index("ix_fact_subject_date")
        batch_op.create_index("ix_fact_subject_key", ["subject", "date", "kind", "metric", "as_of"], unique=False)
    with op.batch_alter_table("observation", schema=None) as batch_op:
        batch_op.create_index("ix_observation_lost", ["date", "kind", "subject", "metric", "as_of"], unique=False,
                              sqlite_where=sa.text("status = 'lost'"),
                              postgresql_where=sa.text("status = 'lost'"))


def downgrade() -> None:
    with op.batch_alter_table("observation", schema=None) as batch_op:
        batch_op.drop_index("ix_observation_lost")
    with op.batch_alter_table("fact", schema=None) as batch_op:
        batch_op.drop_index("ix_fact_subject_key")
        batch_op.create_index("ix_fact_subject_date", ["subject", "date"], unique=False)
