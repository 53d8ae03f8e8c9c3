"""GET /api/ads-manager/{campaigns,adsets,ads}: every number checked against the raw daily rows."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from adsmanager_helpers import WORLD_NOW, World, expected_metrics, meta_only

from pixecom.adsmanager.reach import REFUSED, SEVERAL_ACCOUNTS

# Through PgBouncer in transaction pooling mode: nothing may rely on session state.
pytestmark = pytest.mark.pooler

# At WORLD_NOW (2026-11-20 03:00 UTC) Los Angeles is on the 19th and Bangkok on the 20th.
LA_LAST_7D = (date(2026, 11, 12), date(2026, 11, 18))
BKK_LAST_7D = (date(2026, 11, 13), date(2026, 11, 19))


@pytest.fixture
def get(api: Any, world: World, set_now: Any) -> Any:
    set_now(WORLD_NOW)

    def call(path: str, **params: Any) -> dict[str, Any]:
        response = api.get(f"/api/ads-manager/{path}", headers=world.seller.headers, params=params)
        assert response.status_code == 200, response.text
        return response.json()

    return call


def _range_of(world: World, account_id: Any) -> tuple[date, date]:
    return LA_LAST_7D if account_id == world.la.id else BKK_LAST_7D


def _expected_rows(world: World, key: str, entities: list[Any]) -> dict[str, dict[str, Any]]:
    out = {}
    for e in entities:
        since, until = _range_of(world, e.ad_account_id)
        out[str(e.id)] = expected_metrics(world.seed.rows(since=since, until=until, **{key: e.id}))
    return out


def test_campaign_rows_match_raw_daily_rows_in_each_account_timezone(get: Any, world: World) -> None:
    body = get("campaigns", date_preset="last_7d")
    expected = _expected_rows(world, "campaign_id", list(world.campaigns.values()))
    assert {row["id"]: row["metrics"] for row in body["data"]} == expected


def test_adset_rows_match_raw_daily_rows(get: Any, world: World) -> None:
    body = get("adsets", date_preset="last_7d")
    expected = _expected_rows(world, "adset_id", list(world.adsets.values()))
    assert {row["id"]: row["metrics"] for row in body["data"]} == expected


def test_ad_rows_match_raw_daily_rows(get: Any, world: World) -> None:
    body = get("ads", date_preset="last_7d")
    expected = _expected_rows(world, "ad_id", list(world.ads.values()))
    assert {row["id"]: row["metrics"] for row in body["data"]} == expected


def test_summary_has_one_entry_per_currency_over_every_matching_row(get: Any, world: World) -> None:
    body = get("ads", date_preset="last_7d", limit=1)
    assert len(body["data"]) == 1
    usd = world.seed.rows(since=LA_LAST_7D[0], until=LA_LAST_7D[1], ad_account_id=world.la.id)
    eur = world.seed.rows(since=BKK_LAST_7D[0], until=BKK_LAST_7D[1], ad_account_id=world.bkk.id)
    assert meta_only(body["summary"]) == [
        {
            "currency": "EUR",
            "result_type": "purchase",
            "reach_unavailable": SEVERAL_ACCOUNTS,
            "metrics": expected_metrics(eur),
        },
        {
            "currency": "USD",
            "result_type": "purchase",
            "reach_unavailable": SEVERAL_ACCOUNTS,
            "metrics": expected_metrics(usd),
        },
    ]


def test_a_preset_means_each_accounts_own_local_days(get: Any, world: World) -> None:
    # The 19th is "yesterday" in Bangkok but "today" in Los Angeles; the 12th the other way round.
    body = get("ads", date_preset="yesterday")
    by_id = {row["id"]: row["metrics"] for row in body["data"]}
    la_ad, bkk_ad = world.ads["mw_video"], world.ads["bkk_1"]
    la_18 = world.seed.rows(since=date(2026, 11, 18), until=date(2026, 11, 18), ad_id=la_ad.id)
    bkk_19 = world.seed.rows(since=date(2026, 11, 19), until=date(2026, 11, 19), ad_id=bkk_ad.id)
    assert bkk_19, "the fixture always writes the 19th"
    assert by_id[str(la_ad.id)] == expected_metrics(la_18)
    assert by_id[str(bkk_ad.id)] == expected_metrics(bkk_19)


def test_date_range_of_a_preset_spans_every_accounts_range(get: Any) -> None:
    body = get("campaigns", date_preset="last_7d")
    assert body["date_range"] == {"since": "2026-11-12", "until": "2026-11-19"}


def test_date_range_of_one_timezone_is_exactly_its_range(get: Any, world: World) -> None:
    body = get("campaigns", date_preset="last_7d", ad_account_id=str(world.bkk.id))
    assert body["date_range"] == {"since": "2026-11-13", "until": "2026-11-19"}


def test_custom_range_applies_the_same_days_to_every_account(get: Any, world: World) -> None:
    body = get("campaigns", since="2026-11-01", until="2026-11-20")
    expected = {
        str(c.id): expected_metrics(
            world.seed.rows(since=date(2026, 11, 1), until=date(2026, 11, 20), campaign_id=c.id)
        )
        for c in world.campaigns.values()
    }
    assert {row["id"]: row["metrics"] for row in body["data"]} == expected
    assert body["date_range"] == {"since": "2026-11-01", "until": "2026-11-20"}


@pytest.mark.parametrize(
    ("preset", "la", "bkk"),
    [
        ("today", ("2026-11-19", "2026-11-19"), ("2026-11-20", "2026-11-20")),
        ("last_14d", ("2026-11-05", "2026-11-18"), ("2026-11-06", "2026-11-19")),
        ("this_month", ("2026-11-01", "2026-11-19"), ("2026-11-01", "2026-11-20")),
        ("last_month", ("2026-10-01", "2026-10-31"), ("2026-10-01", "2026-10-31")),
    ],
)
def test_presets_resolve_per_timezone(get: Any, world: World, preset: str, la: Any, bkk: Any) -> None:
    body = get("campaigns", date_preset=preset)
    ranges = {
        world.la.id: tuple(map(date.fromisoformat, la)),
        world.bkk.id: tuple(map(date.fromisoformat, bkk)),
    }
    expected = {
        str(c.id): expected_metrics(
            world.seed.rows(
                since=ranges[c.ad_account_id][0], until=ranges[c.ad_account_id][1], campaign_id=c.id
            )
        )
        for c in world.campaigns.values()
    }
    assert {row["id"]: row["metrics"] for row in body["data"]} == expected


def test_entities_without_stats_appear_with_zeros_and_nulls(get: Any, world: World) -> None:
    body = get("campaigns", date_preset="last_7d")
    empty = next(row for row in body["data"] if row["id"] == str(world.campaigns["empty"].id))
    assert empty["metrics"]["spend"] == "0.00"
    assert empty["metrics"]["impressions"] == 0
    assert empty["metrics"]["cpm"] is None
    assert empty["metrics"]["roas"] is None


def test_row_shape_per_level(get: Any, world: World) -> None:
    campaign = get("campaigns", campaign_id=str(world.campaigns["mug_winter"].id))["data"][0]
    ad = get("ads", adset_id=str(world.adsets["mw_lal"].id))["data"][0]
    assert campaign == {
        "id": str(world.campaigns["mug_winter"].id),
        "meta_id": world.campaigns["mug_winter"].meta_id,
        "name": "Mug Winter",
        "status": "ACTIVE",
        "delivery_status": "ACTIVE",
        "effective_status": "ACTIVE",
        "ad_account_id": str(world.la.id),
        "ad_account_name": world.la.name,
        "sellpage_id": str(world.mug.id),
        "budget": None,
        "bid_strategy": None,
        "bid_amount": None,
        "roas_average_floor": None,
        "objective": campaign["objective"],
        "spend_cap": None,
        "currency": "USD",
        "result_type": "purchase",
        "attribution_setting": "7-day click or 1-day view",
        "store": {  # linked to a sellpage, no store order: zero, and all of Meta's value is the gap
            "store_orders": 0,
            "store_revenue": "0.00",
            "store_roas": campaign["store"]["store_roas"],
            "purchase_value_gap": campaign["metrics"]["purchase_value"],
            "orders_via_sellpage": 0,
            "null_reason": None,
            "conversion": None,
        },
        "metrics": campaign["metrics"],
        "reach_unavailable": REFUSED,  # the seeded account's token is no real one
        "breakdowns": None,  # with breakdown=: its breakdown rows
    }
    assert ad["campaign_id"] == str(world.campaigns["mug_winter"].id)
    assert ad["adset_id"] == str(world.adsets["mw_lal"].id)
    assert ad["sellpage_id"] == str(world.mug.id)
    assert ad["name"] == "LAL ad"
    assert (ad["campaign_name"], ad["adset_name"], ad["ad_account_name"]) == (
        "Mug Winter",
        world.adsets["mw_lal"].name,
        world.la.name,
    )
    assert "budget" not in ad


def test_default_range_is_last_7d(get: Any) -> None:
    assert get("campaigns")["date_range"] == get("campaigns", date_preset="last_7d")["date_range"]
