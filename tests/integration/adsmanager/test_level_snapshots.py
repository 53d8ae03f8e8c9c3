"""The campaigns' and ad sets' preset snapshots (migration 0012) hold exactly what the live
aggregate does: after a rebuild, after inserts, restatements and deletes between rebuilds, and
across an account's local midnight; the lists read them only while fresh."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from adsmanager_helpers import NEVER_RAN_DAY, WORLD_NOW, World, insert_ad_day, live_body
from sqlalchemy import text
from sqlalchemy.orm import Session

from pixecom.db.rollups import refresh_preset_stats

Lister = Callable[..., dict[str, Any]]
SNAPSHOT = {
    "campaigns": ("campaign_preset_stats", "campaign_id"),
    "adsets": ("adset_preset_stats", "adset_id"),
}
PRESETS = ("today", "yesterday", "last_7d", "last_14d", "last_30d", "this_month", "last_month")


@pytest.fixture(params=sorted(SNAPSHOT))
def level(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def rows(api: Any, world: World, set_now: Any, level: str) -> Lister:
    set_now(WORLD_NOW)

    def call(**params: Any) -> dict[str, Any]:
        response = api.get(
            f"/api/ads-manager/{level}",
            headers=world.seller.headers,
            params={"date_preset": "last_7d", **params},
        )
        assert response.status_code == 200, response.text
        return response.json()

    return call


def _refresh(session: Session, world: World, now: Any = WORLD_NOW) -> None:
    for account_id in (world.la.id, world.bkk.id):
        assert refresh_preset_stats(session, account_id, now)
    session.commit()


def _live(rows: Any, session: Session, **params: Any) -> dict[str, Any]:
    return live_body(rows, session, **params)


@pytest.mark.parametrize("preset", PRESETS)
def test_a_fresh_snapshot_answers_exactly_what_the_live_aggregate_does(
    rows: Lister, world: World, session: Session, preset: str
) -> None:
    live = rows(date_preset=preset, sort="-roas")
    _refresh(session, world)
    assert rows(date_preset=preset, sort="-roas") == live


def test_the_list_reads_the_level_snapshot_when_it_is_fresh(
    rows: Lister, world: World, session: Session, level: str
) -> None:
    _refresh(session, world)
    table, key = SNAPSHOT[level]
    entity_id = rows()["data"][0]["id"]
    session.execute(
        text(f"UPDATE {table} SET impressions = 999999 WHERE {key} = :id AND preset = 'last_7d'"),
        {"id": entity_id},
    )
    session.commit()
    row = next(r for r in rows()["data"] if r["id"] == entity_id)
    assert row["metrics"]["impressions"] == 999999


def test_a_snapshot_built_before_the_accounts_local_midnight_is_ignored(
    rows: Lister, world: World, session: Session, level: str
) -> None:
    live = rows()
    _refresh(session, world, now=WORLD_NOW - timedelta(days=1))
    table, _ = SNAPSHOT[level]
    session.execute(text(f"UPDATE {table} SET impressions = 999999"))  # noqa: S608
    session.commit()
    assert rows() == live


def test_inserts_restatements_and_deletes_after_a_rebuild_are_applied(
    rows: Lister, world: World, session: Session
) -> None:
    _refresh(session, world)
    # What a sync does: restate a day, drop a day, add a day (October: last_month only).
    session.execute(
        text(
            "UPDATE ad_stats_daily SET purchases = purchases + 1, spend = spend + 2.5, "
            "landing_page_views = landing_page_views + 3 WHERE date = '2026-11-19'"
        )
    )
    session.execute(text("DELETE FROM ad_stats_daily WHERE date = '2026-11-14'"))
    session.execute(text("UPDATE ad_stats_daily SET impressions = impressions + 7 WHERE date = '2026-10-05'"))
    insert_ad_day(session, "Never ran", date(2026, 11, 16), **NEVER_RAN_DAY, landing_page_views=2)
    session.commit()
    assert session.execute(text("SELECT count(*) FROM ad_preset_stats_state")).scalar_one() == 2
    session.rollback()
    for preset in PRESETS:
        assert rows(date_preset=preset) == _live(rows, session, date_preset=preset), preset


def test_the_rebuild_after_midnight_starts_from_the_new_days(
    rows: Lister, world: World, session: Session
) -> None:
    _refresh(session, world, now=WORLD_NOW - timedelta(days=1))
    _refresh(session, world)  # the account's next local day: rebuilt from scratch
    for preset in ("today", "yesterday", "last_7d"):
        assert rows(date_preset=preset) == _live(rows, session, date_preset=preset), preset


def test_one_account_fresh_and_one_live_still_add_up(rows: Lister, world: World, session: Session) -> None:
    live = rows(limit=3)
    assert refresh_preset_stats(session, world.la.id, WORLD_NOW)
    session.commit()
    assert rows(limit=3) == live
