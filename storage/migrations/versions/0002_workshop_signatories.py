"""who signs the next agreement version, kept with the workshop

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 17:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


_SIGNED = {
    "agreement_versions": "OLD.status = 'signed'",
    "signatories": "(SELECT status FROM agreement_versions WHERE id = OLD.version_id) = 'signed'",
    "signatures": (
        "(SELECT v.status FROM agreement_versions AS v JOIN signatories AS s "
        "ON s.version_id = v.id WHERE s.id = OLD.signatory_id) = 'signed'"
    ),
}


def upgrade() -> None:
    op.create_table(
        "workshop_signatories",
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("team", sa.String(length=32), nullable=False),
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("workshop_id", sa.String(length=32), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["workshop_id"],
            ["workshops.id"],
            name=op.f("fk_workshop_signatories_workshop_id_workshops"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workshop_signatories")),
    )
    with op.batch_alter_table("workshop_signatories", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_workshop_signatories_workshop_id"), ["workshop_id"], unique=False
        )
    # A signed agreement version never changes: the repository refuses, and so does the
    # library itself, whatever program writes to it.
    for table, signed in _SIGNED.items():
        op.execute(
            f"CREATE TRIGGER {table}_signed_is_fixed BEFORE UPDATE ON {table} "
            f"WHEN {signed} BEGIN "
            "SELECT RAISE(ABORT, 'a signed agreement version cannot be changed'); END"
        )
    # A workshop signed before this revision keeps its signers for the next version.
    op.execute(
        "INSERT INTO workshop_signatories (id, workshop_id, position, name, title, team) "
        "SELECT lower(hex(randomblob(16))), v.workshop_id, s.position, s.name, s.title, s.team "
        "FROM signatories AS s JOIN agreement_versions AS v ON v.id = s.version_id "
        "WHERE v.position = (SELECT max(position) FROM agreement_versions "
        "WHERE workshop_id = v.workshop_id)"
    )


def downgrade() -> None:
    for table in _SIGNED:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_signed_is_fixed")
    with op.batch_alter_table("workshop_signatories", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_workshop_signatories_workshop_id"))
    op.drop_table("workshop_signatories")
