"""The campaign / ad set daily rollups stay exactly the sums of ad_stats_daily, whoever writes."""

from __future__ import annotations

from datetime import date
from typing import Any

from adsmanager_helpers import WORLD_NOW, World
from sqlalchemy import text
from sqlalchemy.orm import Session

from pixecom.domain.catalogue import SUMMED_COUNTERS

SUMS = ", ".join(SUMMED_COUNTERS)


def _nonzero(session: Session, sql: str) -> set[tuple[Any, ...]]:
    rows = session.execute(text(sql)).all()
    return {tuple(r) for r in rows if any(v != 0 for v in tuple(r)[2:])}


def assert_rollups_exact(session: Session) -> None:
    """Every rollup equals a fresh GROUP BY of ad_stats_daily (rollup rows of zeros allowed)."""
    sums = ", ".join(f"sum({c.strip()})" for c in SUMS.split(","))
    assert _nonzero(session, f"SELECT campaign_id, date, {SUMS} FROM campaign_stats_daily") == _nonzero(
        session, f"SELECT campaign_id, date, {sums} FROM ad_stats_daily GROUP BY campaign_id, date"
    )
    assert _nonzero(session, f"SELECT adset_id, date, {SUMS} FROM adset_stats_daily") == _nonzero(
        session, f"SELECT adset_id, date, {sums} FROM ad_stats_daily GROUP BY adset_id, date"
    )


def test_rollups_follow_inserts(world: World, session: Session) -> None:
    assert session.execute(text("SELECT count(*) FROM campaign_stats_daily")).scalar_one() > 0
    assert_rollups_exact(session)


def test_rollups_follow_updates_and_deletes(world: World, session: Session) -> None:
    session.execute(text("UPDATE ad_stats_daily SET spend = spend * 2 + 1, purchases = purchases + 3"))
    session.execute(text("DELETE FROM ad_stats_daily WHERE date BETWEEN '2026-11-05' AND '2026-11-07'"))
    session.commit()
    assert_rollups_exact(session)


# The counters the upsert writes, by name (the others 0).
UPSERTED = {
    "spend": "7.5",
    "impressions": "100",
    "clicks": "10",
    "link_clicks": "5",
    "content_views": "4",
    "add_to_cart": "3",
    "initiate_checkout": "2",
    "purchases": "1",
    "purchase_value": "40",
    "results": "1",
}


def test_rollups_follow_an_upsert_that_inserts_and_updates(world: World, session: Session) -> None:
    ad = world.ads["mw_video"]
    session.execute(
        text(
            "INSERT INTO ad_stats_daily (ad_id, date, seller_id, ad_account_id, campaign_id, adset_id, "
            f"{', '.join(UPSERTED)}) SELECT id, d, seller_id, ad_account_id, campaign_id, adset_id, "
            f"{', '.join(UPSERTED.values())} "
            "FROM ads, (VALUES (DATE '2026-11-19'), (DATE '2026-11-21')) v(d) WHERE id = :id "
            "ON CONFLICT (ad_id, date) DO UPDATE "
            "SET spend = EXCLUDED.spend, impressions = EXCLUDED.impressions"
        ),
        {"id": ad.id},
    )
    session.commit()
    assert_rollups_exact(session)


def test_deleting_a_campaign_or_an_account_cascades_through_the_rollups(
    world: World, session: Session
) -> None:
    session.execute(text("DELETE FROM campaigns WHERE id = :id"), {"id": world.campaigns["mug_winter"].id})
    session.execute(text("DELETE FROM ad_accounts WHERE id = :id"), {"id": world.bkk.id})
    session.commit()
    assert_rollups_exact(session)
    left = session.execute(text("SELECT DISTINCT campaign_id FROM campaign_stats_daily")).scalars().all()
    assert world.campaigns["mug_winter"].id not in left


def test_campaign_list_reads_the_rollup_after_a_restatement(
    world: World, session: Session, api: Any, set_now: Any
) -> None:

    set_now(WORLD_NOW)
    campaign_id = world.campaigns["bkk_mug"].id
    session.execute(
        text("UPDATE ad_stats_daily SET purchases = purchases + 1 WHERE campaign_id = :c AND date = :d"),
        {"c": campaign_id, "d": date(2026, 11, 19)},
    )
    session.commit()
    rows = session.execute(
        text("SELECT sum(purchases) FROM ad_stats_daily WHERE campaign_id = :c AND date = :d"),
        {"c": campaign_id, "d": date(2026, 11, 19)},
    ).scalar_one()
    session.rollback()  # hand the (single, pooled) connection back to the API
    body = api.get(
        "/api/ads-manager/campaigns",
        headers=world.seller.headers,
        params={"since": "2026-11-19", "until": "2026-11-19", "campaign_id": str(campaign_id)},
    ).json()
    assert body["data"][0]["metrics"]["purchases"] == rows
