"""Indexes for lookups by subject: the timeline of one subject, and reconciliation's rows.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("fact", schema=None) as batch_op:
        batch_op.create_index("ix_fact_subject_date", ["subject", "date"], unique=False)
    with op.batch_alter_table("observation", schema=None) as batch_op:
        batch_op.create_index("ix_observation_subject_date", ["subject", "date"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("observation", schema=None) as batch_op:
        batch_op.drop_index("ix_observation_subject_date")
    with op.batch_alter_table("fact", schema=None) as batch_op:
        batch_op.drop_index("ix_fact_subject_date")
