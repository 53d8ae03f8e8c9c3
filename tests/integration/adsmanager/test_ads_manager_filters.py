"""Filters, drill-down, sorting and paging of the Ads Manager lists."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from adsmanager_helpers import WORLD_NOW, World

CUSTOM = {"since": "2026-11-01", "until": "2026-11-20"}


@pytest.fixture
def ids(api: Any, world: World, set_now: Any) -> Any:
    """GET a list (November so far, custom range) and return the ids in response order."""
    set_now(WORLD_NOW)

    def call(path: str, params: dict[str, Any] | list[tuple[str, str]]) -> list[str]:
        merged = list(params.items()) if isinstance(params, dict) else list(params)
        merged += list(CUSTOM.items())
        response = api.get(f"/api/ads-manager/{path}", headers=world.seller.headers, params=merged)
        assert response.status_code == 200, response.text
        return [row["id"] for row in response.json()["data"]]

    return call


def _ids(*entities: Any) -> set[str]:
    return {str(e.id) for e in entities}


def test_sellpage_filter_matches_the_campaigns_sellpage(ids: Any, world: World) -> None:
    c = world.campaigns
    assert set(ids("campaigns", {"sellpage_id": str(world.mug.id)})) == _ids(c["mug_winter"], c["bkk_mug"])
    assert set(ids("ads", {"sellpage_id": str(world.tee.id)})) == _ids(world.ads["tee_ad"])


def test_status_filter_takes_repeated_and_comma_separated_values(ids: Any, world: World) -> None:
    a = world.ads
    paused = _ids(a["mw_lal_ad"], a["tee_ad"], a["empty_ad"])
    assert set(ids("ads", {"status": "PAUSED"})) == paused
    assert set(ids("ads", [("status", "PAUSED"), ("status", "ACTIVE")])) == _ids(*a.values())
    assert set(ids("ads", {"status": "paused,active"})) == _ids(*a.values())


def test_delivery_status_filter(ids: Any, world: World) -> None:
    a = world.ads
    assert set(ids("ads", {"delivery_status": "LEARNING,ERROR"})) == _ids(a["bkk_1"], a["bkk_2"])
    assert set(ids("adsets", {"delivery_status": "LEARNING"})) == _ids(world.adsets["bkk_main"])


def test_ad_account_filter(ids: Any, world: World) -> None:
    c = world.campaigns
    assert set(ids("campaigns", {"ad_account_id": str(world.bkk.id)})) == _ids(c["bkk_mug"], c["empty"])


def test_campaign_filter_is_a_multi_select(ids: Any, world: World) -> None:
    c = world.campaigns
    wanted = _ids(c["mug_winter"], c["empty"])
    assert set(ids("campaigns", {"campaign_id": ",".join(wanted)})) == wanted


def test_drill_down_campaign_to_adsets_to_ads(ids: Any, world: World) -> None:
    s, a = world.adsets, world.ads
    adsets = ids("adsets", {"campaign_id": str(world.campaigns["mug_winter"].id)})
    assert set(adsets) == _ids(s["mw_broad"], s["mw_lal"])
    assert set(ids("ads", {"adset_id": str(s["mw_broad"].id)})) == _ids(a["mw_video"], a["mw_image"])


def test_q_matches_name_case_insensitively_and_literally(ids: Any, world: World) -> None:
    c = world.campaigns
    assert set(ids("campaigns", {"q": "MUG"})) == _ids(c["mug_winter"], c["bkk_mug"])
    assert set(ids("campaigns", {"q": "100%"})) == _ids(c["tee_promo"])
    assert ids("campaigns", {"q": "%"}) == [str(c["tee_promo"].id)]
    assert ids("campaigns", {"q": "_"}) == []


def test_filters_combine_with_and(ids: Any, world: World) -> None:
    params = {"sellpage_id": str(world.mug.id), "delivery_status": "LEARNING"}
    assert ids("campaigns", params) == [str(world.campaigns["bkk_mug"].id)]


def test_another_sellers_ids_filter_to_nothing(ids: Any, world: World) -> None:
    assert ids("ads", {"campaign_id": str(world.other_campaign.id)}) == []
    assert ids("campaigns", {"ad_account_id": str(world.other_campaign.ad_account_id)}) == []


def test_lists_never_show_another_sellers_rows(ids: Any, world: World) -> None:
    assert str(world.other_ad.id) not in ids("ads", {})
    assert str(world.other_campaign.id) not in ids("campaigns", {})


# --- sorting and paging ---------------------------------------------------------------------


def _full(api: Any, world: World, path: str, params: dict[str, Any]) -> dict[str, Any]:
    response = api.get(f"/api/ads-manager/{path}", headers=world.seller.headers, params={**params, **CUSTOM})
    assert response.status_code == 200, response.text
    return response.json()


def _metric(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _assert_sorted_nulls_last(rows: list[dict[str, Any]], sort: str) -> None:
    key = sort.lstrip("-")
    values = [_metric(r["metrics"][key]) for r in rows]
    present = [v for v in values if v is not None]
    assert values == present + [None] * (len(values) - len(present))
    assert present == sorted(present, reverse=sort.startswith("-"))


@pytest.mark.parametrize("sort", ["roas", "-roas", "-cr3", "-impressions"])
def test_sort_by_metric_puts_nulls_last_in_both_directions(
    api: Any, world: World, set_now: Any, sort: str
) -> None:
    set_now(WORLD_NOW)
    rows = _full(api, world, "ads", {"sort": sort})["data"]
    _assert_sorted_nulls_last(rows, sort)
    assert len(rows) == len(world.ads)


@pytest.mark.parametrize("sort", ["spend", "-spend", "cpc", "-cpc", "-purchase_value"])
def test_sort_by_money_orders_by_currency_first_then_value(
    api: Any, world: World, set_now: Any, sort: str
) -> None:
    set_now(WORLD_NOW)
    rows = _full(api, world, "ads", {"sort": sort})["data"]
    currencies = [r["currency"] for r in rows]
    assert len(set(currencies)) > 1  # the world spans currencies, or this proves nothing
    assert currencies == sorted(currencies)  # ascending whatever the value's direction
    for currency in set(currencies):
        _assert_sorted_nulls_last([r for r in rows if r["currency"] == currency], sort)
    assert len(rows) == len(world.ads)


def test_sort_ties_break_by_id(api: Any, world: World, set_now: Any) -> None:
    set_now(WORLD_NOW)
    rows = _full(api, world, "ads", {"sort": "-roas"})["data"]
    null_tail = [r["id"] for r in rows if r["metrics"]["roas"] is None]
    assert len(null_tail) >= 2
    assert null_tail == sorted(null_tail)


def test_sort_by_name_both_directions(api: Any, world: World, set_now: Any) -> None:
    set_now(WORLD_NOW)
    up = [r["name"] for r in _full(api, world, "campaigns", {"sort": "name"})["data"]]
    down = [r["name"] for r in _full(api, world, "campaigns", {"sort": "-name"})["data"]]
    assert up == ["Bangkok mug", "Empty draft", "Mug Winter", "Tee 100% Promo"]
    assert down == list(reversed(up))


@pytest.mark.parametrize("sort", ["-spend", "spend", "roas", "-roas", "cost_per_purchase", "name", "-name"])
def test_walking_every_page_loses_and_repeats_no_row(api: Any, world: World, set_now: Any, sort: str) -> None:
    set_now(WORLD_NOW)
    everything = [r["id"] for r in _full(api, world, "ads", {"sort": sort})["data"]]
    walked: list[str] = []
    cursor = None
    for _ in range(10):
        params: dict[str, Any] = {"sort": sort, "limit": 2}
        if cursor:
            params["cursor"] = cursor
        body = _full(api, world, "ads", params)
        walked += [r["id"] for r in body["data"]]
        cursor = body["paging"]["next_cursor"]
        if cursor is None:
            break
    assert walked == everything
    assert len(set(walked)) == len(world.ads)


def test_last_page_has_no_next_cursor(api: Any, world: World, set_now: Any) -> None:
    set_now(WORLD_NOW)
    assert _full(api, world, "campaigns", {"limit": 4})["paging"]["next_cursor"] is None
    assert _full(api, world, "campaigns", {"limit": 3})["paging"]["next_cursor"] is not None
