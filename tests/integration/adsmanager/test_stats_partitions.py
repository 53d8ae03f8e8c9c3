"""ad_stats_daily partitioned by month: the migration keeps every number; writes into a month
without a partition are kept; the maintenance creates months ahead and drops whole old months."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from adsmanager_helpers import WORLD_NOW, World, insert_ad_day
from sqlalchemy import text
from sqlalchemy.orm import Session
from test_stats_rollups import assert_rollups_exact

from pixecom.db import partitions
from pixecom.db.engine import reset_engine
from pixecom.db.migrate import alembic_config, downgrade, upgrade

TABLES = {
    "ad_stats_daily": "ad_id, date",
    "campaign_stats_daily": "campaign_id, date",
    "adset_stats_daily": "adset_id, date",
    "ad_preset_stats": "ad_id, preset",
}


def _contents(session: Session) -> dict[str, list[Any]]:
    contents = {
        table: [dict(r) for r in session.execute(text(f"SELECT * FROM {table} ORDER BY {order}")).mappings()]
        for table, order in TABLES.items()
    }
    session.rollback()  # the connection back to the pool, for the API and the migrations
    return contents


def _as_of(contents: dict[str, list[Any]], older: dict[str, list[Any]]) -> dict[str, list[Any]]:
    """`contents` with only the columns `older` has (counters added by later revisions are gone
    after a downgrade past them, and back as 0 after the upgrade)."""
    return {
        table: [{k: row[k] for k in (older[table][0] if older[table] else row)} for row in rows]
        for table, rows in contents.items()
    }


def _relkind(session: Session) -> str:
    kind = session.execute(text("SELECT relkind FROM pg_class WHERE relname = 'ad_stats_daily'")).scalar_one()
    session.rollback()
    return str(kind)


def _trigger_names(session: Session) -> list[str]:
    names = list(
        session.execute(
            text(
                "SELECT tgname FROM pg_trigger WHERE tgrelid = 'ad_stats_daily'::regclass "
                "AND NOT tgisinternal ORDER BY tgname"
            )
        ).scalars()
    )
    session.rollback()
    return names


def _campaign_list(api: Any, headers: dict[str, str]) -> Any:
    response = api.get("/api/ads-manager/campaigns?since=2026-11-01&until=2026-11-30", headers=headers)
    assert response.status_code == 200
    return response.json()


def test_the_partition_migration_keeps_every_row_sum_trigger_and_read(
    world: World, session: Session, api: Any, set_now: Any, db_url: str
) -> None:
    set_now(WORLD_NOW)
    before_partitioning = _down_revision("0019")
    partitioned = _contents(session)
    triggers = _trigger_names(session)
    listed = _campaign_list(api, world.seller.headers)
    assert _relkind(session) == "p" and len(triggers) >= 6

    reset_engine()
    downgrade(db_url, before_partitioning)
    assert _relkind(session) == "r"
    downgraded = _contents(session)
    assert downgraded == _as_of(partitioned, downgraded) and _trigger_names(session) == triggers
    upgrade(db_url)
    assert _relkind(session) == "p"
    assert _contents(session) == partitioned and _trigger_names(session) == triggers
    assert _campaign_list(api, world.seller.headers) == listed

    session.execute(text("UPDATE ad_stats_daily SET spend = spend + 1, purchases = purchases + 2"))
    session.commit()
    assert_rollups_exact(session)


def _down_revision(revision: str) -> str:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config()).get_revision(revision)
    assert script is not None and isinstance(script.down_revision, str)
    return script.down_revision


# Named counters only: the older schemas this test migrates through lack the newer ones.
_A_DAY: dict[str, Any] = dict(
    spend=Decimal("7.5"),
    impressions=100,
    clicks=10,
    link_clicks=5,
    content_views=4,
    add_to_cart=3,
    initiate_checkout=2,
    purchases=1,
    purchase_value=40,
    results=1,
)


def test_a_write_into_a_month_without_a_partition_is_kept_and_moved_when_its_month_comes(
    world: World, session: Session
) -> None:
    ad = world.ads["mw_video"]
    far = date(2031, 5, 17)
    insert_ad_day(session, ad.name, far, **_A_DAY)
    session.commit()
    in_default = text("SELECT count(*) FROM ad_stats_daily_default WHERE date >= '2031-05-01'")
    assert session.execute(in_default).scalar_one() == 1
    assert_rollups_exact(session)

    created = partitions.ensure_partitions_ahead(session.connection(), date(2031, 5, 3), months_ahead=1)
    session.commit()
    assert created == ["ad_stats_daily_y2031m05", "ad_stats_daily_y2031m06"]
    assert session.execute(text("SELECT count(*) FROM ad_stats_daily_default")).scalar_one() == 0
    assert session.execute(in_default).scalar_one() == 0
    assert session.execute(text("SELECT spend FROM ad_stats_daily_y2031m05")).scalar_one() == 7.5
    assert_rollups_exact(session)
    assert partitions.ensure_partitions_ahead(session.connection(), date(2031, 5, 3), months_ahead=1) == []


def test_retention_drops_exactly_the_months_before_the_cutoff(world: World, session: Session) -> None:
    conn = session.connection()
    for month in (date(2023, 6, 1), date(2023, 7, 1), date(2023, 8, 1)):
        partitions.create_month_partition(conn, month)
    ad = world.ads["mw_video"]
    for day in (date(2023, 6, 30), date(2023, 7, 1), date(2023, 8, 1)):
        insert_ad_day(session, ad.name, day, **_A_DAY)
    session.commit()
    kept_before = session.execute(
        text("SELECT count(*) FROM ad_stats_daily WHERE date >= '2023-08-01'")
    ).scalar()

    cutoff = partitions.retention_cutoff(date(2026, 8, 15), retention_months=37)
    assert cutoff == date(2023, 7, 1)
    dropped = partitions.drop_partitions_before(session.connection(), cutoff)
    session.commit()

    assert dropped == ["ad_stats_daily_y2023m06"]
    days = session.execute(
        text("SELECT DISTINCT date FROM ad_stats_daily WHERE date < '2023-09-01'")
    ).scalars()
    assert sorted(days) == [date(2023, 7, 1), date(2023, 8, 1)]
    assert session.execute(
        text("SELECT count(*) FROM ad_stats_daily WHERE date >= '2023-08-01'")
    ).scalar() == (kept_before)
    assert_rollups_exact(session)


def test_the_daily_maintenance_creates_the_months_ahead_and_keeps_the_retention(
    world: World, session: Session
) -> None:
    from datetime import UTC, datetime

    from pixecom.maintenance.stats_partitions import maintain_stats_partitions

    session.close()  # its connection back to the pool (of one) for the maintenance
    changes = maintain_stats_partitions(datetime(2030, 1, 31, 3, 30, tzinfo=UTC))
    assert changes.created[-3:] == [
        "ad_stats_daily_y2030m01",
        "ad_stats_daily_y2030m02",
        "ad_stats_daily_y2030m03",
    ]
    # 37 months back from January 2030 is December 2026: every month before it goes.
    assert changes.dropped[-2:] == ["ad_stats_daily_y2026m10", "ad_stats_daily_y2026m11"]
    assert all(name < "ad_stats_daily_y2026m12" for name in changes.dropped)
    assert session.execute(text("SELECT count(*) FROM ad_stats_daily")).scalar_one() == 0
    assert session.execute(text("SELECT count(*) FROM campaign_stats_daily")).scalar_one() == 0
    session.rollback()
    assert maintain_stats_partitions(datetime(2030, 1, 31, 3, 30, tzinfo=UTC)).as_dict() == {
        "created": [],
        "dropped": [],
    }
