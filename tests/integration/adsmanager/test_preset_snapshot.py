"""The per-ad preset snapshot (migration 0003): used when fresh, ignored when stale, never wrong."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from adsmanager_helpers import (
    NEVER_RAN_DAY,
    WORLD_NOW,
    World,
    expected_metrics,
    insert_ad_day,
    live_body,
    meta_only,
)
from sqlalchemy import text
from sqlalchemy.orm import Session

from pixecom.adsmanager.reach import SEVERAL_ACCOUNTS
from pixecom.db.rollups import refresh_preset_stats

LA_LAST_7D = (date(2026, 11, 12), date(2026, 11, 18))
BKK_LAST_7D = (date(2026, 11, 13), date(2026, 11, 19))


@pytest.fixture
def ads(api: Any, world: World, set_now: Any) -> Any:
    set_now(WORLD_NOW)

    def call(**params: Any) -> dict[str, Any]:
        response = api.get(
            "/api/ads-manager/ads", headers=world.seller.headers, params={"date_preset": "last_7d", **params}
        )
        assert response.status_code == 200, response.text
        return response.json()

    return call


def _refresh(session: Session, *account_ids: Any, now: Any = WORLD_NOW) -> None:
    for account_id in account_ids:
        assert refresh_preset_stats(session, account_id, now)
    session.commit()


def _expected(world: World) -> dict[str, Any]:
    out = {}
    for ad in world.ads.values():
        since, until = LA_LAST_7D if ad.ad_account_id == world.la.id else BKK_LAST_7D
        out[str(ad.id)] = expected_metrics(world.seed.rows(since=since, until=until, ad_id=ad.id))
    return out


def test_a_fresh_snapshot_answers_exactly_what_the_live_aggregate_does(
    ads: Any, world: World, session: Session
) -> None:
    live = ads(sort="-roas")
    la, bkk = world.la.id, world.bkk.id
    _refresh(session, la, bkk)
    assert ads(sort="-roas") == live
    assert {row["id"]: row["metrics"] for row in live["data"]} == _expected(world)


def test_the_list_reads_the_snapshot_when_it_is_fresh(ads: Any, world: World, session: Session) -> None:
    ad_id, la = world.ads["mw_video"].id, world.la.id
    _refresh(session, la)
    # Only the snapshot changes (no stats write, so it stays fresh): the API must show it.
    session.execute(
        text("UPDATE ad_preset_stats SET impressions = 999999 WHERE ad_id = :id AND preset = 'last_7d'"),
        {"id": ad_id},
    )
    session.commit()
    row = next(r for r in ads()["data"] if r["id"] == str(ad_id))
    assert row["metrics"]["impressions"] == 999999


def test_a_snapshot_built_on_another_local_day_is_ignored(ads: Any, world: World, session: Session) -> None:
    la, bkk = world.la.id, world.bkk.id
    _refresh(session, la, bkk, now=WORLD_NOW - timedelta(days=1))
    assert {row["id"]: row["metrics"] for row in ads()["data"]} == _expected(world)


def _live(ads: Any, session: Session, **params: Any) -> dict[str, Any]:
    return live_body(ads, session, **params)


def test_stats_writes_after_a_rebuild_are_applied_to_the_snapshot(
    ads: Any, world: World, session: Session
) -> None:
    ad_id, la, bkk = world.ads["bkk_1"].id, world.la.id, world.bkk.id
    _refresh(session, la, bkk)
    before = next(r for r in ads()["data"] if r["id"] == str(ad_id))["metrics"]["purchases"]
    # What a sync does: restate a day, drop a day, add a day (October: last_month only).
    session.execute(
        text(
            "UPDATE ad_stats_daily SET purchases = purchases + 1, spend = spend + 2.5 "
            "WHERE date = '2026-11-19'"
        )
    )
    session.execute(text("DELETE FROM ad_stats_daily WHERE date = '2026-11-14'"))
    session.execute(text("UPDATE ad_stats_daily SET impressions = impressions + 7 WHERE date = '2026-10-05'"))
    insert_ad_day(session, "Never ran", date(2026, 11, 16), **NEVER_RAN_DAY)
    session.commit()
    states = session.execute(text("SELECT count(*) FROM ad_preset_stats_state")).scalar_one()
    session.rollback()
    assert states == 2  # still fresh: no rebuild needed
    after = next(r for r in ads()["data"] if r["id"] == str(ad_id))["metrics"]["purchases"]
    assert after == before + 1
    for preset in ("last_7d", "yesterday", "this_month", "last_30d", "last_month"):
        assert ads(date_preset=preset) == _live(ads, session, date_preset=preset), preset


def test_a_second_refresh_on_the_same_local_day_is_a_no_op(world: World, session: Session) -> None:
    la = world.la.id
    assert refresh_preset_stats(session, la, WORLD_NOW)
    assert not refresh_preset_stats(session, la, WORLD_NOW + timedelta(hours=1))
    assert refresh_preset_stats(session, la, WORLD_NOW + timedelta(days=1))
    assert refresh_preset_stats(session, la, WORLD_NOW + timedelta(days=1), force=True)


def test_one_account_fresh_and_one_live_still_add_up(ads: Any, world: World, session: Session) -> None:
    la = world.la.id
    _refresh(session, la)
    body = ads(limit=2)
    assert meta_only(body["summary"]) == [
        {
            "currency": "EUR",
            "result_type": "purchase",
            "reach_unavailable": SEVERAL_ACCOUNTS,
            "metrics": expected_metrics(
                world.seed.rows(since=BKK_LAST_7D[0], until=BKK_LAST_7D[1], ad_account_id=world.bkk.id)
            ),
        },
        {
            "currency": "USD",
            "result_type": "purchase",
            "reach_unavailable": SEVERAL_ACCOUNTS,
            "metrics": expected_metrics(
                world.seed.rows(since=LA_LAST_7D[0], until=LA_LAST_7D[1], ad_account_id=world.la.id)
            ),
        },
    ]


@pytest.mark.parametrize("preset", ["today", "yesterday", "last_14d", "last_30d", "this_month", "last_month"])
def test_every_preset_snapshot_matches_the_live_aggregate(
    ads: Any, world: World, session: Session, preset: str
) -> None:
    live = ads(date_preset=preset)
    la, bkk = world.la.id, world.bkk.id
    _refresh(session, la, bkk)
    assert ads(date_preset=preset) == live


def test_custom_ranges_never_read_the_snapshot(ads: Any, world: World, session: Session) -> None:
    ad_id, la = world.ads["mw_video"].id, world.la.id
    _refresh(session, la)
    session.execute(text("UPDATE ad_preset_stats SET impressions = 999999 WHERE ad_id = :id"), {"id": ad_id})
    session.commit()
    body = ads(date_preset=None, since="2026-11-12", until="2026-11-18")
    row = next(r for r in body["data"] if r["id"] == str(ad_id))
    assert row["metrics"]["impressions"] != 999999
