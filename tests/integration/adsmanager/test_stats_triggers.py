"""The rollup and snapshot triggers written from the catalogue (`pixecom.db.stats_schema`) keep
working when the stats table is partitioned: attached to the parent, they see every partition's
rows."""

from __future__ import annotations

from typing import Any

from adsmanager_helpers import WORLD_NOW, World
from sqlalchemy import text
from sqlalchemy.orm import Session

from pixecom.db.rollups import refresh_preset_stats
from pixecom.db.stats_schema import attach_triggers_sql
from pixecom.domain.catalogue import SUMMED_COUNTERS

SUMS = ", ".join(f"sum({c})" for c in SUMMED_COUNTERS)


def _campaign_sums(session: Session, campaign_id: Any) -> tuple[Any, ...]:
    return tuple(
        session.execute(
            text(f"SELECT {SUMS} FROM campaign_stats_daily WHERE campaign_id = :id"), {"id": campaign_id}
        ).one()
    )


def _snapshot_sums(session: Session, table: str, key: str, entity_id: Any) -> tuple[Any, ...]:
    return tuple(
        session.execute(
            text(f"SELECT {SUMS} FROM {table} WHERE {key} = :id AND preset = 'last_30d'"), {"id": entity_id}
        ).one()
    )


def test_the_triggers_attached_to_a_partitioned_stats_table_keep_rollups_and_snapshots_exact(
    world: World, session: Session
) -> None:
    ad = world.ads["bkk_1"]
    assert refresh_preset_stats(session, ad.ad_account_id, WORLD_NOW)
    before = _campaign_sums(session, ad.campaign_id)
    snapshot_before = _snapshot_sums(session, "campaign_preset_stats", "campaign_id", ad.campaign_id)
    session.execute(
        text(
            "CREATE TABLE stats_partitioned (LIKE ad_stats_daily INCLUDING DEFAULTS) "
            "PARTITION BY RANGE (date)"
        )
    )
    session.execute(
        text(
            "CREATE TABLE stats_partitioned_2026 PARTITION OF stats_partitioned "
            "FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')"
        )
    )
    for statement in attach_triggers_sql("stats_partitioned"):
        session.execute(text(statement))
    # The same ad's rows once more through the partitioned table: every sum doubles.
    session.execute(
        text("INSERT INTO stats_partitioned SELECT * FROM ad_stats_daily WHERE ad_id = :id"), {"id": ad.id}
    )
    ad_rows = tuple(
        session.execute(text(f"SELECT {SUMS} FROM ad_stats_daily WHERE ad_id = :id"), {"id": ad.id}).one()
    )
    assert _campaign_sums(session, ad.campaign_id) == tuple(
        b + a for b, a in zip(before, ad_rows, strict=True)
    )
    after = _snapshot_sums(session, "campaign_preset_stats", "campaign_id", ad.campaign_id)
    assert after != snapshot_before
    # ...and deleting them through the parent takes exactly that back.
    session.execute(text("DELETE FROM stats_partitioned"))
    assert _campaign_sums(session, ad.campaign_id) == before
    assert _snapshot_sums(session, "campaign_preset_stats", "campaign_id", ad.campaign_id) == snapshot_before
    session.rollback()
