"""End to end: a simulator scenario (UTC-8 and UTC+7 accounts) synced by the real delivery and stats
sync over HTTP; the API's numbers must equal sums computed here from the scenario's own insights."""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from adsmanager_helpers import BKK_TZ, LA_TZ, WORLD_NOW, expected_metrics
from sqlalchemy import text

from pixecom.adsmanager.reach import SEVERAL_ACCOUNTS, THROTTLED
from simulator.scenario import (
    AdAccountSpec,
    AdSetSpec,
    AdSpec,
    CampaignSpec,
    InsightDay,
    Scenario,
    SimulatorSettings,
)
from simulator.testing import ManualClock, SimulatorServer, stored_video_counters

FIRST_DAY, DAYS = date(2026, 11, 8), 13  # the 8th to the 20th


def _insights(rng: random.Random) -> list[InsightDay]:
    out = []
    for i in range(DAYS):
        impressions = rng.randint(0, 5000)
        views = rng.randint(0, impressions // 50)
        atc = rng.randint(0, views)
        checkout = rng.randint(0, atc)
        purchases = rng.randint(0, checkout)
        actions = {
            "view_content": views,
            "add_to_cart": atc,
            "initiate_checkout": checkout,
            "purchase": purchases,
            "landing_page_view": (impressions // 45) * 9 // 10,  # most link clicks load the page
        }
        hooked = impressions // 4
        p25 = hooked * 2 // 3
        video = {
            "video_play_actions": hooked + hooked // 10,
            "video_p25_watched_actions": p25,
            "video_p50_watched_actions": p25 // 2,
            "video_p75_watched_actions": p25 // 3,
            "video_p95_watched_actions": p25 // 4,
            "video_p100_watched_actions": p25 // 5,
            "video_thruplay_watched_actions": p25 // 2 + 1 if hooked else 0,
            "video_30_sec_watched_actions": p25 // 4,
            "video_watch_seconds": rng.randint(3, 12) * (hooked + hooked // 10),
        }
        if hooked:
            actions["video_view"] = hooked
        out.append(
            InsightDay(
                date=FIRST_DAY + timedelta(days=i),
                video={k: v for k, v in video.items() if v},
                spend=Decimal(rng.randint(0, 90000)) / 100,
                impressions=impressions,
                reach=impressions // 2,
                clicks=impressions // 30,
                inline_link_clicks=impressions // 45,
                actions={k: v for k, v in actions.items() if v},
                action_values={"purchase": Decimal(rng.randint(1000, 9000)) / 100 * purchases}
                if purchases
                else {},
            )
        )
    return out


def _account(n: int, tz: str, currency: str, rng: random.Random) -> AdAccountSpec:
    ads = [AdSpec(id=f"{n}30{i}", name=f"Ad {n}-{i}", insights=_insights(rng)) for i in (1, 2)]
    adset = AdSetSpec(
        id=f"{n}201",
        name=f"Purchases {n}",
        optimization_goal="OFFSITE_CONVERSIONS",
        promoted_object={"pixel_id": "1", "custom_event_type": "PURCHASE"},
        learning_stage="SUCCESS",
        ads=ads,
    )
    campaign = CampaignSpec(id=f"{n}101", name=f"Campaign {n}", adsets=[adset])
    return AdAccountSpec(
        id=f"act_{n}",
        name=f"Account {n}",
        currency=currency,
        timezone_name=tz,
        access_token=f"token-{n}",
        campaigns=[campaign],
    )


@pytest.fixture
def scenario() -> Scenario:
    rng = random.Random(6)
    return Scenario(
        ad_accounts=[_account(3001, LA_TZ, "USD", rng), _account(3002, BKK_TZ, "EUR", rng)],
        settings=SimulatorSettings(report_polls_to_complete=1),
    )


@pytest.fixture
def sim(scenario: Scenario) -> Iterator[SimulatorServer]:
    with SimulatorServer(scenario, now=ManualClock(WORLD_NOW)) as server:
        yield server


@pytest.fixture
def synced(sim: SimulatorServer, make_seller: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    from pixecom.accounts.connect import connect_account
    from pixecom.domain.enums import SyncKind, SyncOutcome
    from pixecom.meta.client import GraphClient
    from pixecom.settings import get_settings
    from pixecom.sync.delivery import sync_account_delivery
    from pixecom.sync.stats import sync_account_stats
    from pixecom.sync_message import SyncMessage, new_run_id

    def graph(token: str) -> GraphClient:
        return GraphClient(token, base_url=sim.base_url, sleep=lambda _s: None, max_retries=2)

    monkeypatch.setenv("GRAPH_BASE_URL", sim.base_url)
    get_settings.cache_clear()
    seller = make_seller()
    for n in (3001, 3002):
        account = connect_account(
            seller.seller_id, f"act_{n}", f"token-{n}", backfill_days=1, graph=graph, now=WORLD_NOW
        )
        delivery = SyncMessage(account_id=account.id, kind=SyncKind.DELIVERY, run_id=new_run_id("t"))
        stats = SyncMessage(
            account_id=account.id,
            kind=SyncKind.STATS,
            run_id=new_run_id("t"),
            since=FIRST_DAY,
            until=FIRST_DAY + timedelta(days=DAYS - 1),
        )
        assert sync_account_delivery(delivery, graph=graph).outcome is SyncOutcome.SUCCEEDED
        # The sync's clock at WORLD_NOW: it leaves the preset snapshot for the API's local days.
        outcome = sync_account_stats(stats, graph=graph, clock=lambda: WORLD_NOW).outcome
        assert outcome is SyncOutcome.SUCCEEDED
    return seller


def _raw_rows(
    scenario: Scenario, account_n: int, since: date, until: date, ad: str | None = None
) -> list[Any]:
    """The scenario's insights as raw daily rows, counters mapped as docs/metrics.md says."""
    account = next(a for a in scenario.ad_accounts if a.id == f"act_{account_n}")
    rows = []
    for campaign in account.campaigns:
        for adset in campaign.adsets:
            for spec in adset.ads:
                if ad is not None and spec.id != ad:
                    continue
                for day in spec.insights:
                    if since <= day.date <= until:
                        rows.append(
                            {
                                "spend": day.spend,
                                "impressions": day.impressions,
                                "clicks": day.clicks,
                                "link_clicks": day.inline_link_clicks,
                                "content_views": day.actions.get("view_content", 0),
                                "add_to_cart": day.actions.get("add_to_cart", 0),
                                "initiate_checkout": day.actions.get("initiate_checkout", 0),
                                "purchases": day.actions.get("purchase", 0),
                                "purchase_value": day.action_values.get("purchase", Decimal(0)),
                                "results": day.actions.get("purchase", 0),  # the ad set optimises purchases
                                "landing_page_views": day.actions.get("landing_page_view", 0),
                                **stored_video_counters(day),
                            }
                        )
    return rows


def _meta_reach(
    sim: SimulatorServer, n: int, level: str, since: date, until: date, daily: bool = False
) -> Any:
    """What Meta (the simulator) answers for each object's reach over exactly [since, until]
    (each day's own with `daily`: {(id, day): reach})."""
    from pixecom.meta.client import GraphClient
    from pixecom.meta.reach import read_reach

    with GraphClient(f"token-{n}", base_url=sim.base_url, sleep=lambda _s: None) as client:
        rows = read_reach(client, f"act_{n}", level, since, until, daily=daily)
    if daily:
        return {(r.object_id, r.since): r.reach for r in rows}
    return {r.object_id: r.reach for r in rows}


LA_RANGE = (date(2026, 11, 12), date(2026, 11, 18))
BKK_RANGE = (date(2026, 11, 13), date(2026, 11, 19))


def test_synced_campaigns_and_summary_match_the_scenarios_insights(
    api: Any, synced: Any, scenario: Scenario, set_now: Any, sim: SimulatorServer
) -> None:
    set_now(WORLD_NOW)
    body = api.get(
        "/api/ads-manager/campaigns", headers=synced.headers, params={"date_preset": "last_7d"}
    ).json()
    by_name = {row["name"]: row for row in body["data"]}
    la, bkk = _meta_reach(sim, 3001, "campaign", *LA_RANGE), _meta_reach(sim, 3002, "campaign", *BKK_RANGE)
    assert by_name["Campaign 3001"]["metrics"] == expected_metrics(
        _raw_rows(scenario, 3001, *LA_RANGE), reach=la["3001101"]
    )
    assert by_name["Campaign 3002"]["metrics"] == expected_metrics(
        _raw_rows(scenario, 3002, *BKK_RANGE), reach=bkk["3002101"]
    )
    assert (by_name["Campaign 3001"]["currency"], by_name["Campaign 3002"]["currency"]) == ("USD", "EUR")
    assert [(s["currency"], s["metrics"]) for s in body["summary"]] == [
        ("EUR", expected_metrics(_raw_rows(scenario, 3002, *BKK_RANGE))),
        ("USD", expected_metrics(_raw_rows(scenario, 3001, *LA_RANGE))),
    ]


def test_the_stats_sync_leaves_a_fresh_preset_snapshot_per_account(synced: Any, session: Any) -> None:
    from sqlalchemy import text

    days = (
        session.execute(text("SELECT local_day FROM ad_preset_stats_state ORDER BY local_day"))
        .scalars()
        .all()
    )
    assert days == [date(2026, 11, 19), date(2026, 11, 20)]  # Los Angeles, Bangkok


def test_synced_ads_match_the_scenarios_insights(
    api: Any, synced: Any, scenario: Scenario, set_now: Any, sim: SimulatorServer
) -> None:
    set_now(WORLD_NOW)
    body = api.get(
        "/api/ads-manager/ads", headers=synced.headers, params={"date_preset": "last_7d", "limit": 1}
    ).json()
    seen = []
    while True:
        for row in body["data"]:
            n = int(row["meta_id"][:4])
            rng = LA_RANGE if n == 3001 else BKK_RANGE
            reach = _meta_reach(sim, n, "ad", *rng)[row["meta_id"]]
            assert row["metrics"] == expected_metrics(
                _raw_rows(scenario, n, *rng, ad=row["meta_id"]), reach=reach
            )
            seen.append(row["meta_id"])
        cursor = body["paging"]["next_cursor"]
        if cursor is None:
            break
        body = api.get(
            "/api/ads-manager/ads",
            headers=synced.headers,
            params={"date_preset": "last_7d", "limit": 1, "cursor": cursor},
        ).json()
    assert sorted(seen) == ["3001301", "3001302", "3002301", "3002302"]


# --- reach and frequency: Meta's for exactly the object and range, never a sum ------------------


def _get(api: Any, synced: Any, path: str, **params: str) -> Any:
    response = api.get(f"/api/ads-manager/{path}", headers=synced.headers, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_reach_of_every_level_and_of_one_accounts_summary_is_metas_for_the_preset(
    api: Any, synced: Any, set_now: Any, sim: SimulatorServer, session: Any
) -> None:
    set_now(WORLD_NOW)
    la = str(session.execute(text("SELECT id FROM ad_accounts WHERE meta_account_id = 'act_3001'")).scalar())
    session.commit()  # the API's pool has one connection
    for path, level in (("campaigns", "campaign"), ("adsets", "adset"), ("ads", "ad")):
        body = _get(api, synced, path, date_preset="last_7d", ad_account_id=la)
        meta = _meta_reach(sim, 3001, level, *LA_RANGE)
        daily = _meta_reach(sim, 3001, level, *LA_RANGE, daily=True)
        for row in body["data"]:
            reach, impressions = row["metrics"]["reach"], row["metrics"]["impressions"]
            assert reach == meta[row["meta_id"]] and row["reach_unavailable"] is None
            assert row["metrics"]["frequency"] == round(impressions / reach, 4)
            # Summing each day's reach counts the same people again: Meta's range reach is less.
            assert reach < sum(v for (obj, _), v in daily.items() if obj == row["meta_id"])
        # Chosen columns keep reach and frequency where they are asked for, in that order.
        asked = {"date_preset": "last_7d", "ad_account_id": la, "columns": "reach,spend,frequency"}
        chosen = _get(api, synced, path, **asked)
        assert {tuple(r["metrics"]) for r in chosen["data"]} == {("reach", "spend", "frequency")}
        assert {r["meta_id"]: r["metrics"]["reach"] for r in chosen["data"]} == {
            r["meta_id"]: r["metrics"]["reach"] for r in body["data"]
        }
        # Nor is a parent's reach its children's sum (the ads share their ad set's people).
        assert (
            body["summary"][0]["metrics"]["reach"] == _meta_reach(sim, 3001, "account", *LA_RANGE)["act_3001"]
        )
    ads = _get(api, synced, "ads", date_preset="last_7d", ad_account_id=la)
    assert ads["summary"][0]["metrics"]["reach"] < sum(r["metrics"]["reach"] for r in ads["data"])
    from pixecom.adsmanager.fatigue import recent_frequency

    by_id = {uuid.UUID(r["id"]): r["metrics"] for r in ads["data"]}
    # Creative fatigue's frequency: each ad's last 7 days in its account's timezone, as listed.
    recent = recent_frequency(session, synced.seller_id, list(by_id), WORLD_NOW)
    session.commit()
    assert {k: float(v or 0) for k, v in recent.items()} == {k: m["frequency"] or 0 for k, m in by_id.items()}
    csv = api.get(
        "/api/ads-manager/campaigns/export.csv",
        headers=synced.headers,
        params={"date_preset": "last_7d", "ad_account_id": la, "csv_header": "machine"},
    ).text.splitlines()
    header = csv[0].split(",")
    row = dict(zip(header, csv[1].split(","), strict=False))
    assert int(row["reach"]) == _meta_reach(sim, 3001, "campaign", *LA_RANGE)["3001101"]
    assert row["frequency"]
    # Each daily point: that day's own reach at the campaign's level (Meta's, not its ads' sum).
    campaign = session.execute(text("SELECT id FROM campaigns WHERE meta_id = '3001101'")).scalar()
    session.commit()  # the API's pool has one connection
    series = _get(api, synced, f"campaigns/{campaign}/daily", date_preset="last_7d")
    days = _meta_reach(sim, 3001, "campaign", *LA_RANGE, daily=True)
    assert [p["metrics"]["reach"] for p in series["data"]] == [
        days.get(("3001101", date.fromisoformat(p["date"])), 0) for p in series["data"]
    ]
    assert all(p["reach_unavailable"] is None for p in series["data"])


def test_a_custom_ranges_reach_is_read_from_meta_once_then_cached_and_waits_when_throttled(
    api: Any, synced: Any, set_now: Any, sim: SimulatorServer, session: Any
) -> None:
    set_now(WORLD_NOW)
    body = _get(api, synced, "adsets", since="2026-11-10", until="2026-11-15")
    meta = {
        **_meta_reach(sim, 3001, "adset", date(2026, 11, 10), date(2026, 11, 15)),
        **_meta_reach(sim, 3002, "adset", date(2026, 11, 10), date(2026, 11, 15)),
    }
    assert {r["meta_id"]: r["metrics"]["reach"] for r in body["data"]} == meta
    assert body["summary"][0]["metrics"]["reach"] is None
    assert body["summary"][0]["reach_unavailable"] == SEVERAL_ACCOUNTS
    calls = sim.calls
    again = _get(api, synced, "adsets", since="2026-11-10", until="2026-11-15")
    assert again["data"] == body["data"] and sim.calls == calls  # from the cache: no Graph call
    # With Meta's budget for the accounts exhausted, another range's reach waits: null, with why.
    session.execute(
        text("UPDATE ad_accounts SET throttled_until = :t"), {"t": WORLD_NOW + timedelta(hours=1)}
    )
    session.commit()
    body = _get(api, synced, "campaigns", since="2026-11-09", until="2026-11-14")
    assert {r["metrics"]["reach"] for r in body["data"]} == {None}
    assert {r["metrics"]["frequency"] for r in body["data"]} == {None}
    assert {r["reach_unavailable"] for r in body["data"]} == {THROTTLED}
    assert sim.calls == calls
