"""Period comparison (`compare=`), chosen columns (`columns=`), parent filters and the readable CSV,
checked against sums of the raw rows the test wrote (adsmanager_helpers), never the read path."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from adsmanager_helpers import WORLD_NOW, World, expected_metrics

from pixecom.domain.catalogue import REACH_METRIC_NAMES
from pixecom.domain.column_presets import PRESETS

LATE_NOV = {"since": "2026-11-11", "until": "2026-11-20"}


def _get(api: Any, world: World, path: str, params: dict[str, str] | list[tuple[str, str]]) -> Any:
    response = api.get(f"/api/ads-manager/{path}", headers=world.seller.headers, params=params)
    assert response.status_code == 200, response.text
    return response


def _change(current: Any, previous: Any) -> float | None:
    """docs/metrics.md: (value - previous) / previous, 4 decimals half-up; null on a 0 or null."""
    if current is None or previous is None or Decimal(str(previous)) == 0:
        return None
    now, before = Decimal(str(current)), Decimal(str(previous))
    return float(((now - before) / before).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP))


def _summed(metrics: dict[str, Any]) -> dict[str, Any]:
    """The metrics a comparison carries: all but reach and frequency (docs/metrics.md)."""
    return {k: v for k, v in metrics.items() if k not in REACH_METRIC_NAMES}


def _assert_compared(row: dict[str, Any], current: dict[str, Any], previous: dict[str, Any]) -> None:
    assert {k: row["metrics"][k] for k in current} == current
    # Reach is not compared (docs/metrics.md): the previous period has no reach of its own.
    compared = [k for k in current if k not in REACH_METRIC_NAMES]
    assert {k: row["previous_metrics"][k] for k in compared} == {k: previous[k] for k in compared}
    assert not set(REACH_METRIC_NAMES) & set(row["previous_metrics"])
    assert {k: row["change"][k] for k in compared} == {k: _change(current[k], previous[k]) for k in compared}
    assert all(row["change"].get(k) is None for k in REACH_METRIC_NAMES)


def test_comparison_equals_the_sums_of_the_previous_days(api, world):
    """previous_period (rows and summaries), previous_year and an explicit range, one world."""
    body = _get(api, world, "ads", {**LATE_NOV, "compare": "previous_period"}).json()

    assert body["compare_range"] == {"since": "2026-11-01", "until": "2026-11-10"}
    early, late = (date(2026, 11, 1), date(2026, 11, 10)), (date(2026, 11, 11), date(2026, 11, 20))
    assert len(body["data"]) == len(world.ads)
    for row in body["data"]:
        ad = {"ad_id": _uuid(row["id"])}
        _assert_compared(
            row,
            expected_metrics(world.seed.rows(since=late[0], until=late[1], **ad)),
            expected_metrics(world.seed.rows(since=early[0], until=early[1], **ad)),
        )
    (eur, usd) = body["summary"]
    for total, account in ((eur, world.bkk), (usd, world.la)):
        mine = {"ad_account_id": account.id}
        _assert_compared(
            total,
            expected_metrics(world.seed.rows(since=late[0], until=late[1], **mine)),
            expected_metrics(world.seed.rows(since=early[0], until=early[1], **mine)),
        )

    # previous_year: the tee ad ran Oct 1..10, 2026; a year later nothing ran.
    october = (date(2026, 10, 1), date(2026, 10, 10))
    year = {"since": "2027-10-01", "until": "2027-10-10", "compare": "previous_year"}
    body = _get(api, world, "ads", year).json()
    assert body["compare_range"] == {"since": "2026-10-01", "until": "2026-10-10"}
    tee = next(r for r in body["data"] if r["id"] == str(world.ads["tee_ad"].id))
    previous = expected_metrics(
        world.seed.rows(since=october[0], until=october[1], ad_id=world.ads["tee_ad"].id)
    )
    assert {k: tee["previous_metrics"][k] for k in _summed(previous)} == _summed(previous)
    assert tee["change"]["spend"] == -1.0
    assert tee["change"]["cpm"] is None  # no impressions now: no CPM to compare

    # An explicit range: the same days for every account.
    explicit = {**LATE_NOV, "compare_since": "2026-10-01", "compare_until": "2026-10-10"}
    body = _get(api, world, "adsets", explicit).json()
    assert body["compare_range"] == {"since": "2026-10-01", "until": "2026-10-10"}
    tee_set = world.adsets["tee_main"]
    tee = next(r for r in body["data"] if r["id"] == str(tee_set.id))
    previous = expected_metrics(world.seed.rows(since=october[0], until=october[1], adset_id=tee_set.id))
    assert {k: tee["previous_metrics"][k] for k in _summed(previous)} == _summed(previous)

    # The daily series: each day beside the day at the same place in the previous period.
    video = world.ads["mw_video"]
    series = _get(api, world, f"ads/{video.id}/daily", {**LATE_NOV, "compare": "previous_period"}).json()
    assert series["compare_range"] == {"since": "2026-11-01", "until": "2026-11-10"}
    for offset, point in enumerate(series["data"]):
        day, earlier = date(2026, 11, 11 + offset), date(2026, 11, 1 + offset)
        assert (point["date"], point["previous_date"]) == (day.isoformat(), earlier.isoformat())
        current = expected_metrics(world.seed.rows(since=day, until=day, ad_id=video.id))
        previous = expected_metrics(world.seed.rows(since=earlier, until=earlier, ad_id=video.id))
        _assert_compared(point, current, previous)

    # Without compare=, none of it.
    body = _get(api, world, "campaigns", LATE_NOV).json()
    assert "compare_range" not in body
    assert "previous_metrics" not in body["data"][0] and "change" not in body["summary"][0]


def test_a_preset_compares_each_account_with_its_own_previous_days_in_the_chosen_columns(api, world, set_now):
    # 03:00 UTC on Nov 20: Los Angeles is on Nov 19 (last_7d = Nov 12..18, before it Nov 5..11),
    # Bangkok on Nov 20 (Nov 13..19, before it Nov 6..12).
    set_now(WORLD_NOW)
    params = {"date_preset": "last_7d", "compare": "previous_period", "columns": "roas,preset:delivery"}
    body = _get(api, world, "campaigns", params).json()

    assert body["compare_range"] == {"since": "2026-11-05", "until": "2026-11-12"}
    own = {
        world.la.id: (date(2026, 11, 5), date(2026, 11, 11)),
        world.bkk.id: (date(2026, 11, 6), date(2026, 11, 12)),
    }
    delivery = next(p for p in PRESETS if p.id == "delivery")
    chosen = ["roas", *delivery.columns]
    campaigns = {str(c.id): c for c in world.campaigns.values()}
    for row in body["data"]:
        campaign = campaigns[row["id"]]
        since, until = own[campaign.ad_account_id]
        previous = expected_metrics(world.seed.rows(since=since, until=until, campaign_id=campaign.id))
        assert row["previous_metrics"] == {k: previous[k] for k in chosen}
        assert list(row["metrics"]) == list(row["change"]) == chosen
    assert all(list(total["metrics"]) == chosen for total in body["summary"])


def test_nonsense_comparisons_columns_and_parent_filters_are_422s_naming_the_parameter(api, make_seller):
    seller = make_seller()
    cases = [
        ("campaigns", {**LATE_NOV, "compare_since": "2026-10-01"}, "compare_until"),
        (
            "campaigns",
            {**LATE_NOV, "compare_since": "2026-11-05", "compare_until": "2026-11-12"},
            "compare_since",
        ),
        (
            "ads",
            {"date_preset": "last_7d", "compare_since": "2026-10-01", "compare_until": "2026-10-07"},
            "compare_since",
        ),
        ("ads", {**LATE_NOV, "compare": "previous_period", "compare_since": "2026-10-01"}, "compare"),
        ("ads", {**LATE_NOV, "compare": "last_week"}, "compare"),
        ("ads", {**LATE_NOV, "columns": "spend,spnd"}, "columns"),
        ("ads/export.csv", {**LATE_NOV, "columns": "preset:videos"}, "columns"),
        ("campaigns", {"campaign_status": "ACTIVE"}, "campaign_status"),
        ("campaigns", {"campaign_delivery": "ACTIVE"}, "campaign_delivery"),
        ("adsets", {"adset_status": "ACTIVE"}, "adset_status"),
        ("campaigns", {"adset_delivery": "ACTIVE"}, "adset_delivery"),
        ("ads", {"adset_delivery": "SOMETIMES"}, "adset_delivery"),
        ("ads/export.csv", {"csv_header": "fancy"}, "csv_header"),
    ]
    for path, params, field in cases:
        response = api.get(f"/api/ads-manager/{path}", headers=seller.headers, params=params)
        assert (response.status_code, response.json()["error"]["field"]) == (422, field), params
    spnd = api.get("/api/ads-manager/ads", headers=seller.headers, params={"columns": "spend,spnd"})
    assert "'spnd'" in spnd.json()["error"]["message"]


# --- parents' status and delivery --------------------------------------------------------------


def _ids(response: Any) -> set[str]:
    return {row["id"] for row in response.json()["data"]}


def _of(*entities: Any) -> set[str]:
    return {str(e.id) for e in entities}


def test_ad_sets_and_ads_filter_by_their_parents_status_and_delivery(api, world):
    s, a = world.adsets, world.ads

    def ids(path: str, **params: str) -> set[str]:
        return _ids(_get(api, world, path, {**LATE_NOV, **params}))

    # Lookalike is paused, its campaign is not: campaign_status is the campaign's, status its own.
    assert ids("adsets", campaign_status="PAUSED") == _of(s["tee_main"], s["empty_set"])
    assert ids("adsets", status="PAUSED") == _of(s["mw_lal"], s["tee_main"], s["empty_set"])
    assert ids("ads", campaign_status="PAUSED") == _of(a["tee_ad"], a["empty_ad"])
    assert ids("adsets", campaign_delivery="LEARNING") == _of(s["bkk_main"])
    assert ids("ads", campaign_delivery="learning") == _of(a["bkk_1"], a["bkk_2"])
    paused_sets = _of(a["mw_lal_ad"], a["tee_ad"], a["empty_ad"])
    assert ids("ads", adset_status="PAUSED") == ids("ads", adset_delivery="INACTIVE") == paused_sets
    both = _get(api, world, "ads", {**LATE_NOV, "adset_status": "PAUSED", "campaign_status": "ACTIVE"})
    assert _ids(both) == _of(a["mw_lal_ad"])
    # The summary sums the filtered rows only.
    lal = world.seed.rows(since=date(2026, 11, 11), until=date(2026, 11, 20), ad_id=a["mw_lal_ad"].id)
    assert both.json()["summary"][0]["metrics"]["spend"] == expected_metrics(lal)["spend"]


# --- the CSV ------------------------------------------------------------------------------------


def test_the_readable_csv_names_things_and_says_the_currency_the_machine_one_keeps_ids(api, world):
    params = {**LATE_NOV, "ad_account_id": str(world.la.id), "columns": "spend,cost_per_purchase"}
    text = _get(api, world, "ads/export.csv", {**params, "compare": "previous_period"}).text
    rows = list(csv.DictReader(io.StringIO(text)))

    assert list(rows[0])[-6:] == [
        "Amount spent (USD)",
        "Amount spent (USD) (previous period)",
        "Amount spent change",
        "Cost per purchase (USD)",
        "Cost per purchase (USD) (previous period)",
        "Cost per purchase change",
    ]
    ad = world.ads["mw_video"]
    video = next(r for r in rows if r["Ad name"] == "Video A")
    assert (video["Campaign name"], video["Ad set name"], video["Ad account name"]) == (
        "Mug Winter",
        "Broad",
        world.la.name,
    )
    assert video["Ad ID"] == ad.meta_id
    assert str(ad.id) not in text and str(ad.campaign_id) not in text  # names, not our ids
    late = expected_metrics(world.seed.rows(since=date(2026, 11, 11), until=date(2026, 11, 20), ad_id=ad.id))
    early = expected_metrics(world.seed.rows(since=date(2026, 11, 1), until=date(2026, 11, 10), ad_id=ad.id))
    assert video["Amount spent (USD)"] == late["spend"]
    assert video["Amount spent (USD) (previous period)"] == early["spend"]
    assert video["Amount spent change"] == _cell(_change(late["spend"], early["spend"]))

    two_currencies = next(csv.reader(io.StringIO(_get(api, world, "campaigns/export.csv", LATE_NOV).text)))
    assert {"Amount spent", "Currency", "Campaign name"} <= set(two_currencies)

    machine = {**LATE_NOV, "csv_header": "machine", "columns": "spend", "compare": "previous_period"}
    header = next(csv.reader(io.StringIO(_get(api, world, "adsets/export.csv", machine).text)))
    assert header[:3] == ["row_type", "id", "meta_id"]
    assert header[-3:] == ["spend", "previous_spend", "spend_change"]


def _cell(value: Any) -> str:
    return "" if value is None else str(value)


def _uuid(value: str) -> Any:
    import uuid

    return uuid.UUID(value)


def test_a_compared_summary_of_filtered_ads_sums_only_the_ads_the_filter_keeps(api, world):
    """A filter below the campaign (here the ads' own status) narrows the previous period's
    summary to the same ads as the current one."""
    body = _get(api, world, "ads", {**LATE_NOV, "compare": "previous_period", "status": "ACTIVE"}).json()
    kept = {_uuid(row["id"]) for row in body["data"]}
    assert kept and kept != {ad.id for ad in world.ads.values()}
    early, late = (date(2026, 11, 1), date(2026, 11, 10)), (date(2026, 11, 11), date(2026, 11, 20))
    for total in body["summary"]:
        account = world.bkk if total["currency"] == "EUR" else world.la
        mine = {"ad_account_id": account.id, "ad_id": kept}
        _assert_compared(
            total,
            expected_metrics(world.seed.rows(since=late[0], until=late[1], **mine)),
            expected_metrics(world.seed.rows(since=early[0], until=early[1], **mine)),
        )


def test_a_compared_page_of_one_ad_keeps_every_ads_summary(api, world):
    """The previous period of a one-row page: that row's, and the summary of every matched ad."""
    body = _get(api, world, "ads", {**LATE_NOV, "compare": "previous_period", "limit": "1"}).json()
    (row,) = body["data"]
    early, late = (date(2026, 11, 1), date(2026, 11, 10)), (date(2026, 11, 11), date(2026, 11, 20))
    ad = {"ad_id": _uuid(row["id"])}
    _assert_compared(
        row,
        expected_metrics(world.seed.rows(since=late[0], until=late[1], **ad)),
        expected_metrics(world.seed.rows(since=early[0], until=early[1], **ad)),
    )
    for total in body["summary"]:
        account = world.bkk if total["currency"] == "EUR" else world.la
        mine = {"ad_account_id": account.id}
        _assert_compared(
            total,
            expected_metrics(world.seed.rows(since=late[0], until=late[1], **mine)),
            expected_metrics(world.seed.rows(since=early[0], until=early[1], **mine)),
        )
