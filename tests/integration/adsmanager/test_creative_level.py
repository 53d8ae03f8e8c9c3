"""The creative level end to end: a generated scenario (creatives shared across ads and ad sets,
video plays) synced over HTTP by the real delivery and stats syncs; the API's version groups must
equal the sums of their ads and the simulator's truth. Its pages: groups written straight into the
database (ties, nulls, a key in two currencies), walked page by page."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from adsmanager_helpers import WORLD_NOW, Seeder

from simulator.generator import generate_scenario
from simulator.scenario import Scenario
from simulator.testing import ManualClock, SimulatorServer

TODAY = date(2026, 11, 19)  # WORLD_NOW in Los Angeles (the first generated account's timezone)
DAYS = 12
RANGE = {"since": (TODAY - timedelta(days=DAYS - 1)).isoformat(), "until": TODAY.isoformat()}


@pytest.fixture
def scenario() -> Scenario:
    generated = generate_scenario(accounts=1, ads=40, days=DAYS, seed=4, today=TODAY)
    generated.settings.report_polls_to_complete = 1
    return generated


@pytest.fixture
def synced(scenario: Scenario, make_seller: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    from pixecom.accounts.connect import connect_account
    from pixecom.domain.enums import SyncKind, SyncOutcome
    from pixecom.meta.client import GraphClient
    from pixecom.settings import get_settings
    from pixecom.sync.delivery import sync_account_delivery
    from pixecom.sync.stats import sync_account_stats
    from pixecom.sync_message import SyncMessage, new_run_id

    with SimulatorServer(scenario, now=ManualClock(WORLD_NOW)) as sim:

        def graph(token: str) -> GraphClient:
            return GraphClient(token, base_url=sim.base_url, sleep=lambda _s: None, max_retries=2)

        monkeypatch.setenv("GRAPH_BASE_URL", sim.base_url)
        get_settings.cache_clear()
        seller = make_seller()
        account = connect_account(
            seller.seller_id, "act_1001", "token-1001", backfill_days=1, graph=graph, now=WORLD_NOW
        )
        delivery = SyncMessage(account_id=account.id, kind=SyncKind.DELIVERY, run_id=new_run_id("t"))
        stats = SyncMessage(
            account_id=account.id,
            kind=SyncKind.STATS,
            run_id=new_run_id("t"),
            since=TODAY - timedelta(days=DAYS - 1),
            until=TODAY,
        )
        assert sync_account_delivery(delivery, graph=graph).outcome is SyncOutcome.SUCCEEDED
        assert (
            sync_account_stats(stats, graph=graph, clock=lambda: WORLD_NOW).outcome is SyncOutcome.SUCCEEDED
        )
        yield seller


def _truth(scenario: Scenario, ad_ids: set[str]) -> dict[str, int]:
    """The simulator's own numbers over the range for these Meta ad ids."""
    from simulator.generator import synthesize_day

    totals = {"impressions": 0, "video_view": 0, "thruplays": 0}
    for campaign in scenario.ad_accounts[0].campaigns:
        for adset in campaign.adsets:
            for ad in adset.ads:
                if ad.id not in ad_ids or ad.profile is None:
                    continue
                for offset in range(DAYS):
                    day = synthesize_day(ad.profile, ad.id, TODAY - timedelta(days=offset))
                    if day is None or day.is_empty():
                        continue
                    totals["impressions"] += day.impressions
                    totals["video_view"] += day.actions.get("video_view", 0)
                    totals["thruplays"] += day.video.get("video_thruplay_watched_actions", 0)
    return totals


def _pct(numerator: int, denominator: int) -> float:
    return float((Decimal(numerator) * 100 / Decimal(denominator)).quantize(Decimal("0.0001")))


def test_a_media_group_sums_its_ads_its_rates_follow_the_definitions_and_each_grouping_covers_all_ads(
    api: Any, synced: Any, scenario: Scenario, set_now: Any
) -> None:
    set_now(WORLD_NOW)
    body = api.get(
        "/api/ads-manager/creatives", headers=synced.headers, params={"group_by": "media", **RANGE}
    ).json()
    top = body["data"][0]  # by spend: the most used video
    assert top["key"].startswith("video:") and top["ads"] >= 4 and top["adsets"] >= 2
    assert top["creative"]["format"] in ("video", "flexible") and top["creative"]["thumbnail_url"]
    ads = api.get(
        "/api/ads-manager/ads",
        headers=synced.headers,
        params={"media_version": top["key"], "limit": 500, **RANGE},
    ).json()
    assert len(ads["data"]) == top["ads"]
    # The drill: the group's ads sum to it; reach is Meta's per object, never a sum (and a
    # creative's ads are a filtered selection: no reach of the summary, with the reason).
    summary = ads["summary"][0]
    assert {k: v for k, v in summary["metrics"].items() if k not in ("reach", "frequency")} == top["metrics"]
    assert summary["metrics"]["reach"] is None and summary["reach_unavailable"]
    truth = _truth(scenario, {row["meta_id"] for row in ads["data"]})
    assert top["metrics"]["hook_rate"] == _pct(truth["video_view"], truth["impressions"])
    assert top["metrics"]["hold_rate"] == _pct(truth["thruplays"], truth["video_view"])
    assert top["fatigue"]["state"] in ("fresh", "watch", "fatigued") and top["fatigue"]["signals"]

    covered = set()
    for group_by in ("media", "ad_text", "thumbnail", "post"):
        body = api.get(
            "/api/ads-manager/creatives",
            headers=synced.headers,
            params={"group_by": group_by, "limit": 500, **RANGE},
        ).json()
        assert all(row["group_by"] == group_by for row in body["data"])
        covered.add((sum(row["ads"] for row in body["data"]), body["summary"][0]["metrics"]["spend"]))
        if group_by == "post":
            assert any(row["adsets"] >= 2 for row in body["data"])  # a post promoted in two ad sets
    assert len(covered) == 1, covered  # every ad is in exactly one group of each kind


def test_an_ads_creative_names_its_versions_and_a_groups_daily_series_sums_to_its_row(
    api: Any, synced: Any, set_now: Any
) -> None:
    set_now(WORLD_NOW)
    ads = api.get("/api/ads-manager/ads", headers=synced.headers, params={"limit": 1, **RANGE}).json()
    ad = ads["data"][0]
    creative = api.get(f"/api/ads-manager/ads/{ad['id']}/creative", headers=synced.headers).json()
    assert creative["ad_id"] == ad["id"] and creative["versions"]["post"] == creative["post_id"]
    key = creative["versions"]["ad_text"]
    group = api.get(
        "/api/ads-manager/creatives",
        headers=synced.headers,
        params={"group_by": "ad_text", "ad_text_version": key, **RANGE},
    ).json()["data"][0]
    assert group["key"] == key and group["creative"]["body"]
    daily = api.get(
        "/api/ads-manager/creatives/daily",
        headers=synced.headers,
        params={"group_by": "ad_text", "key": key, "currency": group["currency"], **RANGE},
    ).json()
    assert len(daily["data"]) == DAYS
    assert sum(p["metrics"]["impressions"] for p in daily["data"]) == group["metrics"]["impressions"]
    assert api.get(f"/api/ads-manager/ads/{ad['id']}/creative", headers={}).status_code == 401
    refused = api.get("/api/ads-manager/campaigns", headers=synced.headers, params={"media_version": "x"})
    assert refused.status_code == 422 and "media_version" in refused.text


def test_a_thumbnail_past_its_expiry_is_shown_as_none(api: Any, synced: Any, set_now: Any) -> None:
    """Meta's thumbnail URLs are signed and expire (their `oe` parameter): a URL past its expiry
    would be a broken image, so the ad's creative and the group's face leave it out."""
    set_now(WORLD_NOW)
    ad = api.get("/api/ads-manager/ads", headers=synced.headers, params={"limit": 1, **RANGE}).json()["data"][
        0
    ]
    fresh = api.get(f"/api/ads-manager/ads/{ad['id']}/creative", headers=synced.headers).json()
    assert fresh["thumbnail_url"] and fresh["thumbnail_expires_at"]
    expiry = datetime.fromisoformat(fresh["thumbnail_expires_at"])
    media = {"group_by": "media", "media_version": fresh["versions"]["media"], **RANGE}
    assert api.get("/api/ads-manager/creatives", headers=synced.headers, params=media).json()["data"][0][
        "creative"
    ]["thumbnail_url"]

    set_now(expiry + timedelta(seconds=1))
    stale = api.get(f"/api/ads-manager/ads/{ad['id']}/creative", headers=synced.headers).json()
    assert stale["thumbnail_url"] is None and stale["thumbnail_expires_at"] == fresh["thumbnail_expires_at"]
    group = api.get("/api/ads-manager/creatives", headers=synced.headers, params=media).json()["data"][0]
    assert group["creative"]["thumbnail_url"] is None


# --- pages ---------------------------------------------------------------------------------------

PAGED_RANGE = {"since": "2026-11-14", "until": "2026-11-19"}
# (impressions, clicks, spend) by group: repeats make ties of CTR, CPC and spend; None: no stats
# (CTR and CPC null).
_DELIVERY: tuple[tuple[int, int, str] | None, ...] = (
    (1000, 20, "10.00"),
    (1000, 20, "10.00"),
    None,
    (500, 5, "7.50"),
    (2000, 0, "3.00"),
    (1000, 20, "12.00"),
    None,
    (800, 8, "7.50"),
)


# An ad text of thousands of characters names its group (no title): the name sort's cursor stays short.
_LONG_TEXT = "Summer sale, every size in stock. " * 100


@pytest.fixture
def groups(seed: Seeder, make_seller: Any) -> Any:
    """A USD and a JPY account: 15 media groups in USD (one of two ads), 6 in JPY, three of whose
    keys are USD groups' too (a key in two currencies is two rows); titles that tie, and groups
    named only by their text (one very long)."""
    from pixecom.db.creative_models import Creative

    seller = make_seller()
    keys = {"USD": [f"video:{n:02d}" for n in range(15)], "JPY": ["video:00", "video:01", "video:02"]}
    keys["JPY"] += [f"image:{n:02d}" for n in range(3)]
    for currency, own in keys.items():
        account = seed.account(seller.seller_id, currency=currency)
        adset = seed.adset(seed.campaign(account, f"{currency} campaign"), f"{currency} ad set")
        for n, key in enumerate([*own, own[0]]):  # the first key's group has two ads
            creative = Creative(
                seller_id=seller.seller_id,
                ad_account_id=account.id,
                meta_id=f"{currency}-cr-{n}",
                format="video" if key.startswith("video") else "image",
                title=("Same title" if n % 3 == 0 else f"Title {n:02d}") if n % 4 else None,
                body=_LONG_TEXT if n == 4 else f"Text {n:02d}" if n % 4 in (0, 1) else None,
                media_key=key,
            )
            seed.session.add(creative)
            seed.session.flush()
            ad = seed.ad(adset, f"{currency} ad {n}")
            ad.creative_id = creative.id
            delivery = _DELIVERY[n % len(_DELIVERY)]
            if delivery is not None:
                impressions, clicks, spend = delivery
                amount = str(int(float(spend) * 150)) if currency == "JPY" else spend
                for day in (date(2026, 11, 15), date(2026, 11, 18)):
                    seed.day(
                        ad, day, impressions=impressions, clicks=clicks, link_clicks=clicks, spend=amount
                    )
    seed.commit()
    return seller


def _creatives(api: Any, seller: Any, **params: Any) -> Any:
    response = api.get(
        "/api/ads-manager/creatives",
        headers=seller.headers,
        params={"group_by": "media", **PAGED_RANGE, **params},
    )
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.parametrize("sort", ["-ctr", "cpc", "-spend", "spend", "name", "-name"])
def test_paging_returns_every_group_once_in_the_one_page_order_with_the_same_summary(
    api: Any, groups: Any, set_now: Any, sort: str
) -> None:
    set_now(WORLD_NOW)
    whole = _creatives(api, groups, sort=sort, limit=500)
    assert len(whole["data"]) == 21 and whole["paging"]["next_cursor"] is None
    walked: list[tuple[str, str]] = []
    cursor, pages = None, 0
    while True:
        body = _creatives(api, groups, sort=sort, limit=4, **({"cursor": cursor} if cursor else {}))
        pages += 1
        assert len(body["data"]) <= 4 and body["summary"] == whole["summary"]
        walked += [(row["key"], row["currency"]) for row in body["data"]]
        cursor = body["paging"]["next_cursor"]
        assert cursor is None or len(cursor) < 1000
        if cursor is None:
            break
    assert pages == 6
    assert walked == [(row["key"], row["currency"]) for row in whole["data"]]
    if sort.endswith("spend"):  # money: currency first, amounts never compared across currencies
        currencies = [currency for _key, currency in walked]
        assert currencies == sorted(currencies)
    if sort == "-ctr":  # ties by key then currency; nulls last
        values = [row["metrics"]["ctr"] for row in whole["data"]]
        assert values[-5:] == [None] * 5 and None not in values[:-5]
        tied = [(row["key"], row["currency"]) for row in whole["data"] if row["metrics"]["ctr"] == 2.0]
        assert len(tied) == 8 and tied == sorted(tied)
        assert tied.index(("video:01", "USD")) == tied.index(("video:01", "JPY")) + 1


def test_the_first_page_is_the_top_of_the_one_big_page(api: Any, groups: Any, set_now: Any) -> None:
    set_now(WORLD_NOW)
    whole = _creatives(api, groups, sort="-spend", limit=500)
    first = _creatives(api, groups, sort="-spend")  # the default page size: 50
    assert first["data"] == whole["data"] and first["paging"]["next_cursor"] is None
    top = _creatives(api, groups, sort="-spend", limit=3)
    assert top["data"] == whole["data"][:3] and top["paging"]["next_cursor"]


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("creatives", {"group_by": "ad_text"}),
        ("creatives", {"sort": "-ctr"}),
        ("creatives", {"since": "2026-11-15"}),
        ("creatives", {"q": "ad"}),
        ("ads", {}),
    ],
)
def test_a_creative_cursor_works_only_with_the_query_that_made_it(
    api: Any, groups: Any, set_now: Any, path: str, params: dict[str, Any]
) -> None:
    set_now(WORLD_NOW)
    cursor = _creatives(api, groups, sort="-spend", limit=2)["paging"]["next_cursor"]
    assert _creatives(api, groups, sort="-spend", limit=7, cursor=cursor)["data"]  # the page size may change
    response = api.get(
        f"/api/ads-manager/{path}",
        headers=groups.headers,
        params={**PAGED_RANGE, "sort": "-spend", **params, "cursor": cursor},  # group_by: media by default
    )
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "cursor"


def test_an_ads_list_cursor_is_refused_by_the_creative_level(api: Any, groups: Any, set_now: Any) -> None:
    set_now(WORLD_NOW)
    ads = api.get(
        "/api/ads-manager/ads", headers=groups.headers, params={**PAGED_RANGE, "sort": "-spend", "limit": 1}
    ).json()
    response = api.get(
        "/api/ads-manager/creatives",
        headers=groups.headers,
        params={**PAGED_RANGE, "sort": "-spend", "cursor": ads["paging"]["next_cursor"]},
    )
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "cursor"
