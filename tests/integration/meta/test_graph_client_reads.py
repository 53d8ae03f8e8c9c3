"""GraphClient reads of the account, campaigns, ad sets and ads from the simulator over HTTP."""

from __future__ import annotations

from meta_sim_helpers import ACCOUNT, CAMPAIGNS

from pixecom.meta.client import GraphClient
from simulator.testing import SimulatorServer


def test_ad_account_is_read_with_currency_and_timezone(client: GraphClient) -> None:
    account = client.get_ad_account("1001")
    assert (account.id, account.account_id, account.name) == ("act_1001", "1001", "Mugs US")
    assert (account.currency, account.timezone_name, account.account_status) == (
        "USD",
        "America/Los_Angeles",
        1,
    )
    assert account.timezone_offset_hours_utc in (-8.0, -7.0)


def test_campaigns_are_read_across_many_pages(client: GraphClient, sim: SimulatorServer) -> None:
    campaigns = client.get_campaigns(ACCOUNT)
    assert [c.id for c in campaigns] == [str(2001 + n) for n in range(CAMPAIGNS)]
    assert client.calls == 3  # 12 campaigns at 5 per page
    assert sim.calls_by_path["/act_1001/campaigns"] == 3
    assert campaigns[0].daily_budget == 5000
    assert campaigns[0].objective == "OUTCOME_SALES"
    assert campaigns[0].configured_status == "ACTIVE"


def test_page_size_is_configurable(sim: SimulatorServer) -> None:
    with GraphClient("token-1001", base_url=sim.base_url, page_size=1) as graph:
        assert len(graph.get_campaigns(ACCOUNT)) == CAMPAIGNS
        assert graph.calls == CAMPAIGNS


def test_adsets_carry_goal_promoted_object_and_learning_stage(client: GraphClient) -> None:
    adsets = {a.id: a for a in client.get_adsets(ACCOUNT)}
    assert adsets["3001"].optimization_goal == "OFFSITE_CONVERSIONS"
    assert adsets["3001"].promoted_object == {"custom_event_type": "PURCHASE"}
    assert (adsets["3001"].learning_stage, adsets["3002"].learning_stage) == ("SUCCESS", "LEARNING")
    assert adsets["3003"].learning_stage == "FAIL"
    assert adsets["3002"].campaign_id == "2002"


def test_ads_carry_link_url_statuses_and_issues(client: GraphClient) -> None:
    ads = {a.id: a for a in client.get_ads(ACCOUNT)}
    assert set(ads) == {"4001", "4002", "4003", "4004"}
    assert ads["4001"].link_url == "https://shop.example.com/p/4001"
    assert (ads["4001"].adset_id, ads["4001"].campaign_id) == ("3001", "2001")
    assert (ads["4002"].status, ads["4002"].effective_status) == ("PAUSED", "PAUSED")
    assert ads["4004"].effective_status == "DISAPPROVED"
    assert ads["4004"].issues is not None and ads["4004"].issues[0]["error_code"] == 1487213
    assert ads["4001"].updated_time is not None


def test_effective_status_filter_is_passed_to_meta(client: GraphClient) -> None:
    paused = client.get_ads(ACCOUNT, effective_status=["PAUSED"])
    assert [a.id for a in paused] == ["4002"]


def test_a_listing_meta_finds_too_large_is_read_with_smaller_pages(
    client: GraphClient, sim: SimulatorServer
) -> None:
    sim.inject_fault(
        "/act_1001/campaigns",
        code=1,
        http_status=500,
        times=1,
        message="Please reduce the amount of data you're asking for, then retry your request",
    )
    campaigns = client.get_campaigns(ACCOUNT)
    assert len(campaigns) == CAMPAIGNS
    assert client.calls == 1 + 6  # the refused page, then 12 campaigns at 2 per page
