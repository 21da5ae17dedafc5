"""records from the CRM's exports, and figures typed by hand per period, for the scorecard

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03 20:40:00

Records stay outside the workshop aggregate (an export can hold 200,000 of them): one row
per CRM id and workshop, with the moments each record reached a stage (UTC, naive) and the
won amount in ten-thousandths, so that sums in SQL are exact.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

STAGES = ("mql_at", "sal_at", "sql_at", "won_at", "first_touch_at")


def upgrade() -> None:
    op.create_table(
        "crm_records",
        sa.Column("workshop_id", sa.String(length=32), nullable=False),
        sa.Column("crm_id", sa.Text(), nullable=False),
        *(sa.Column(stage, sa.DateTime(), nullable=True) for stage in STAGES),
        sa.Column("amount_e4", sa.BigInteger(), nullable=True),
        sa.Column("owner", sa.Text(), nullable=False, server_default=""),
        sa.Column("source", sa.Text(), nullable=False, server_default=""),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["workshop_id"],
            ["workshops.id"],
            name=op.f("fk_crm_records_workshop_id_workshops"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("workshop_id", "crm_id", name=op.f("pk_crm_records")),
    )
    for stage in ("mql_at", "sql_at", "won_at"):
        op.create_index(
            op.f(f"ix_crm_records_workshop_id_{stage}"), "crm_records", ["workshop_id", stage]
        )
    op.create_table(
        "scorecard_values",
        sa.Column("workshop_id", sa.String(length=32), nullable=False),
        sa.Column("item_id", sa.String(length=32), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("value", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["workshop_id"],
            ["workshops.id"],
            name=op.f("fk_scorecard_values_workshop_id_workshops"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "workshop_id", "item_id", "period", name=op.f("pk_scorecard_values")
        ),
    )


def downgrade() -> None:
    op.drop_table("scorecard_values")
    for stage in ("mql_at", "sql_at", "won_at"):
        op.drop_index(op.f(f"ix_crm_records_workshop_id_{stage}"), table_name="crm_records")
    op.drop_table("crm_records")
