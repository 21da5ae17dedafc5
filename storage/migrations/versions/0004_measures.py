"""how each commitment and KPI is measured, for the scorecard

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04 09:30:00

One nullable JSON text column on commitments and KPIs: the measure from the catalogue
(workshop/measures.py), absent until someone chooses one.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TABLES = ("commitments", "kpis")


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("measure", sa.Text(), nullable=True))


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("measure")
