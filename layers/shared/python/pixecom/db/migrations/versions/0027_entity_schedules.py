"""Campaign and ad set schedules

- campaigns, ad sets: `start_time` and `end_time` (a campaign's Meta `stop_time`), synced with
  the delivery sync: a lifetime budget's minimum is Meta's minimum daily budget for each day of
  the schedule, checked before a budget change reaches Meta.

Revision ID: 0027
Revises: 0026
Create Date: 2026-12-06 13:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0027"
down_revision: str | None = "0026"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TABLES = ("campaigns", "adsets")


def upgrade() -> None:
    for table in _TABLES:
        op.add_column(table, sa.Column("start_time", sa.DateTime(timezone=True)))
        op.add_column(table, sa.Column("end_time", sa.DateTime(timezone=True)))


def downgrade() -> None:
    for table in _TABLES:
        op.drop_column(table, "end_time")
        op.drop_column(table, "start_time")
