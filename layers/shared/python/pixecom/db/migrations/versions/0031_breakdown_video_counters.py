"""The video counters on the stored breakdown reports

Revision 0029 added the video counters to the stats rows, rollups and snapshots but not to
`breakdown_stats` (whose reports store every additive counter per bucket). A database migrated
through 0029 before the counter helper covered that table gets them here; on any other the
columns exist already and nothing changes. Old reports keep 0 until they are read again.

Revision ID: 0031
Revises: 0030
Create Date: 2026-12-06 14:40:00
"""

from collections.abc import Sequence

from alembic import op

from pixecom.db.stats_schema import BREAKDOWN_TABLE, counter_columns

revision: str = "0031"
down_revision: str | None = "0030"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The counters of revision 0029, as they were then (migrations are history).
VIDEO_COUNTERS = (
    "video_views",
    "video_plays",
    "thruplays",
    "video_p25",
    "video_p50",
    "video_p75",
    "video_p95",
    "video_p100",
    "video_30s_plays",
    "video_watch_time",
)


def upgrade() -> None:
    for column in counter_columns(VIDEO_COUNTERS):
        op.add_column(BREAKDOWN_TABLE, column, if_not_exists=True)


def downgrade() -> None:
    for column in VIDEO_COUNTERS:
        op.drop_column(BREAKDOWN_TABLE, column, if_exists=True)
