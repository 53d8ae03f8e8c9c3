"""Video counters on the stats rows, rollups and snapshots; triggers for the current catalogue;
the creative_fatigue alert kind

The catalogue's video counters (`pixecom.domain.catalogue`): 3-second plays, plays started,
ThruPlays, plays at 25/50/75/95/100%, 30-second plays and the seconds watched (Meta's average
watch time x plays started, so a group's average is a sum over a sum). 0 for the rows already
there, refilled by the next syncs' restatement window.

Revision ID: 0029
Revises: 0028
Create Date: 2026-12-06 13:10:00
"""

from collections.abc import Sequence

from alembic import op

from pixecom.db.stats_schema import ROLLUPS, SNAPSHOTS, add_counter_columns, trigger_functions_sql

revision: str = "0029"
down_revision: str | None = "0028"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

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


# The alert kinds before this revision (0007); the CHECK of alerts.kind lists them.
KINDS_BEFORE = (
    "account_needs_reconnect",
    "token_expiring",
    "account_throttled",
    "stats_stale",
    "ad_delivery_error",
    "adset_limited",
    "spend_without_purchase",
    "cost_per_purchase_high",
    "roas_low",
    "spend_spike",
)


def _alert_kinds(kinds: tuple[str, ...]) -> None:
    op.drop_constraint(op.f("ck_alerts_alert_kind"), "alerts", type_="check")
    listed = ", ".join(f"'{k}'" for k in kinds)  # this module's constants only
    op.create_check_constraint(op.f("ck_alerts_alert_kind"), "alerts", f"kind IN ({listed})")


def upgrade() -> None:
    add_counter_columns(op, VIDEO_COUNTERS)
    for function in trigger_functions_sql():
        op.execute(function)
    _alert_kinds((*KINDS_BEFORE, "creative_fatigue"))


def downgrade() -> None:
    from pixecom.domain.catalogue import SUMMED_COUNTERS

    op.execute("DELETE FROM alerts WHERE kind = 'creative_fatigue'")
    _alert_kinds(KINDS_BEFORE)
    before = tuple(c for c in SUMMED_COUNTERS if c not in VIDEO_COUNTERS)
    for function in trigger_functions_sql(before):
        op.execute(function)
    for table in ("ad_stats_daily", *(r.table for r in ROLLUPS), *(s.table for s in SNAPSHOTS)):
        for column in VIDEO_COUNTERS:
            op.drop_column(table, column)
