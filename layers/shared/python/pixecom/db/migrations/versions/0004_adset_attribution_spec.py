"""ad sets keep Meta's attribution_spec (the windows their results are counted in)

`attribution_spec` is Meta's list of {event_type, window_days}; the Ads Manager names it in
words (pixecom.domain.attribution). NULL until the next delivery sync reads it.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 15:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("adsets", sa.Column("attribution_spec", postgresql.JSONB(), nullable=True))


def downgrade() -> None:
    op.drop_column("adsets", "attribution_spec")
