"""Column dictionary table and a timeline view with evidence counts.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel  # noqa: F401

from kospitl import pg

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

V_TIMELINE = """CREATE VIEW v_timeline AS
SELECT f.date, f.kind, f.subject, COALESCE(t.name_en, f.subject) AS label, f.metric, f.as_of, f.value,
  f.status, f.sources, f.articles, f.why,
  (SELECT COUNT(*) FROM observation o WHERE o.date = f.date AND o.kind = f.kind AND o.subject = f.subject
     AND o.metric = f.metric AND o.as_of = f.as_of) AS evidence,
  (SELECT COUNT(*) FROM observation o WHERE o.date = f.date AND o.kind = f.kind AND o.subject = f.subject
     AND o.metric = f.metric AND o.as_of = f.as_of AND o.status = 'lost') AS rejected
FROM fact f LEFT JOIN ticker t ON t.code = f.subject"""


def upgrade() -> None:
    op.create_table(
        "column_info",
        sa.Column("table_name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("column_name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("description", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("unit", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.PrimaryKeyConstraint("table_name", "column_name", name=op.f("pk_column_info")),
    )
    pg.binary_text(op, "column_info")
    op.execute(pg.view_sql(V_TIMELINE) if op.get_bind().dialect.name == "postgresql" else V_TIMELINE)


def downgrade() -> None:
    op.execute("DROP VIEW IF EXISTS v_timeline")
    op.drop_table("column_info")
