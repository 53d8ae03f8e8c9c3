"""Proof by a client no one here wrote: Meta's official Python SDK (facebook-business) reads the
simulator: campaigns and ads across pages, insights, an async report run to completion, a status
write, and a batch whose `null` item the SDK retries."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from facebook_business.adobjects.ad import Ad
from facebook_business.adobjects.adaccount import AdAccount
from facebook_business.adobjects.adreportrun import AdReportRun
from facebook_business.adobjects.adsinsights import AdsInsights
from facebook_business.adobjects.campaign import Campaign
from facebook_business.api import FacebookAdsApi
from facebook_business.exceptions import FacebookRequestError
from facebook_business.session import FacebookSession

from simulator.testing import SimulatorServer

WEEK = {"since": "2026-11-15", "until": "2026-11-21"}


def _api(server: SimulatorServer, token: str) -> FacebookAdsApi:
    """The SDK pointed at the simulator: it joins GRAPH + "/" + version + "/" + path."""
    session = FacebookSession(access_token=token)
    session.GRAPH = server.base_url
    api = FacebookAdsApi(session, api_version="v25.0")
    FacebookAdsApi.set_default_api(api)
    return api


@pytest.fixture
def sdk(sim: SimulatorServer) -> Iterator[FacebookAdsApi]:
    yield _api(sim, "token-1001")


def test_sdk_reads_the_ad_account(sdk: FacebookAdsApi) -> None:
    account = AdAccount("act_1001").api_get(fields=[AdAccount.Field.currency, AdAccount.Field.timezone_name])
    assert (account["currency"], account["timezone_name"]) == ("USD", "America/Los_Angeles")


def test_sdk_pages_through_all_ads(big_sim: SimulatorServer) -> None:
    _api(big_sim, "token-1001")
    statuses = [
        "ACTIVE",
        "PAUSED",
        "DISAPPROVED",
        "PENDING_REVIEW",
        "ADSET_PAUSED",
        "CAMPAIGN_PAUSED",
        "WITH_ISSUES",
        "IN_PROCESS",
        "PENDING_BILLING_INFO",
        "PREAPPROVED",
    ]
    cursor = AdAccount("act_1001").get_ads(
        fields=[Ad.Field.id, Ad.Field.effective_status], params={"limit": 7, "effective_status": statuses}
    )
    ads = [ad["id"] for ad in cursor]
    assert len(ads) == 40 == len(set(ads))
    assert big_sim.calls_by_path["/act_1001/ads"] == 6


def test_sdk_pages_through_campaigns(big_sim: SimulatorServer) -> None:
    _api(big_sim, "token-1001")
    campaigns = list(
        AdAccount("act_1001").get_campaigns(
            fields=[Campaign.Field.name, Campaign.Field.effective_status, Campaign.Field.daily_budget],
            params={"limit": 1, "effective_status": ["ACTIVE", "PAUSED"]},
        )
    )
    assert len(campaigns) == big_sim.calls_by_path["/act_1001/campaigns"] >= 2
    assert all(c["daily_budget"].isdigit() for c in campaigns)


def test_sdk_reads_daily_ad_insights(sdk: FacebookAdsApi) -> None:
    rows = list(
        AdAccount("act_1001").get_insights(
            fields=[
                AdsInsights.Field.ad_id,
                AdsInsights.Field.spend,
                AdsInsights.Field.actions,
                AdsInsights.Field.action_values,
            ],
            params={"level": "ad", "time_increment": 1, "time_range": WEEK, "limit": 1},
        )
    )
    assert len(rows) == 3
    row = next(r for r in rows if r["ad_id"] == "4001")
    assert row["spend"] == "12.34" and row["date_start"] == "2026-11-20"
    actions = {a["action_type"]: a["value"] for a in row["actions"]}
    assert actions["omni_purchase"] == actions["purchase"] == "2"


def test_sdk_runs_an_async_report_to_completion(sdk: FacebookAdsApi) -> None:
    job = AdAccount("act_1001").get_insights(
        fields=[AdsInsights.Field.ad_id, AdsInsights.Field.spend],
        params={"level": "ad", "time_increment": 1, "time_range": WEEK},
        is_async=True,
    )
    assert isinstance(job, AdReportRun)
    seen = []
    for _ in range(10):
        job.api_get()
        seen.append(job[AdReportRun.Field.async_status])
        if seen[-1] == "Job Completed":
            break
    assert seen == ["Job Not Started", "Job Running", "Job Completed"]
    assert job[AdReportRun.Field.async_percent_completion] == 100
    rows = list(job.get_result(params={"limit": 2}))
    assert sorted(r["ad_id"] for r in rows) == ["4001", "4002", "4003"]


def test_sdk_status_update_changes_the_ad(sim: SimulatorServer, sdk: FacebookAdsApi) -> None:
    Ad("4001").api_update(params={"status": Ad.Status.paused})
    assert sim.status_of("4001") == "PAUSED"


def test_sdk_batch_retries_the_null_item(sim: SimulatorServer, sdk: FacebookAdsApi) -> None:
    sim.inject_fault("/4003", batch_null=True, times=1)
    outcomes: list[Any] = []
    batch = sdk.new_batch()
    for ad_id in ("4001", "4003"):
        Ad(ad_id).api_update(
            params={"status": Ad.Status.paused},
            batch=batch,
            success=lambda r: outcomes.append(r.json()),
            failure=lambda r: outcomes.append(r.json()),
        )
    retry = batch.execute()
    assert retry is not None and outcomes == [{"success": True}]
    assert retry.execute() is None
    assert outcomes == [{"success": True}, {"success": True}]
    assert (sim.status_of("4001"), sim.status_of("4003")) == ("PAUSED", "PAUSED")


def test_sdk_raises_its_error_for_an_expired_token(sim: SimulatorServer, sdk: FacebookAdsApi) -> None:
    sim.expire_token("token-1001")
    with pytest.raises(FacebookRequestError) as raised:
        AdAccount("act_1001").api_get(fields=["name"])
    assert (raised.value.api_error_code(), raised.value.api_error_subcode()) == (190, 463)
    assert raised.value.api_error_type() == "OAuthException"
