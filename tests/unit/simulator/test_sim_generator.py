"""The seeded scenario generator: deterministic, realistic, every status kind present."""

from __future__ import annotations

from datetime import date, timedelta
from urllib.parse import urlsplit

from simulator import Scenario, generate_scenario
from simulator.generator import synthesize_day
from simulator.scenario import AdSetSpec, AdSpec

TODAY = date(2026, 11, 21)


def _ads(scenario: Scenario) -> list[tuple[AdSetSpec, AdSpec]]:
    return [(s, a) for acc in scenario.ad_accounts for c in acc.campaigns for s in c.adsets for a in s.ads]


def test_same_seed_gives_the_same_scenario() -> None:
    first = generate_scenario(accounts=3, ads=60, days=14, seed=42, today=TODAY)
    assert first.to_json() == generate_scenario(accounts=3, ads=60, days=14, seed=42, today=TODAY).to_json()


def test_another_seed_gives_another_scenario() -> None:
    first = generate_scenario(accounts=2, ads=30, days=7, seed=1, today=TODAY)
    assert first.to_json() != generate_scenario(accounts=2, ads=30, days=7, seed=2, today=TODAY).to_json()


def test_total_ads_are_spread_over_the_accounts() -> None:
    scenario = generate_scenario(accounts=3, ads=31, days=7, seed=1, today=TODAY)
    per_account = [sum(len(s.ads) for c in a.campaigns for s in c.adsets) for a in scenario.ad_accounts]
    assert per_account == [11, 10, 10]


def test_ads_per_account_gives_each_account_that_many() -> None:
    scenario = generate_scenario(accounts=2, days=7, seed=1, today=TODAY, ads_per_account=25)
    assert [sum(len(s.ads) for c in a.campaigns for s in c.adsets) for a in scenario.ad_accounts] == [25, 25]


def test_ids_are_unique_across_the_scenario() -> None:
    scenario = generate_scenario(accounts=3, ads=90, days=7, seed=5, today=TODAY)
    assert len({a.id for _, a in _ads(scenario)}) == 90
    assert not {a.id for _, a in _ads(scenario)} & {s.id for s, _ in _ads(scenario)}


def test_every_status_kind_exists_in_a_small_scenario() -> None:
    scenario = generate_scenario(accounts=1, ads=8, days=7, seed=3, today=TODAY)
    effective = {a.effective_status for _, a in _ads(scenario)}
    assert effective >= {
        "ACTIVE",
        "PAUSED",
        "DISAPPROVED",
        "PENDING_REVIEW",
        "ADSET_PAUSED",
        "CAMPAIGN_PAUSED",
    }
    assert {s.learning_stage for s, _ in _ads(scenario)} >= {"LEARNING", "SUCCESS", "FAIL"}


def test_accounts_differ_in_currency_and_timezone() -> None:
    accounts = generate_scenario(accounts=4, ads=8, days=7, seed=3, today=TODAY).ad_accounts
    assert {a.currency for a in accounts} >= {"USD", "EUR", "JPY"}
    assert {a.timezone_name for a in accounts} >= {"America/Los_Angeles", "Asia/Bangkok"}
    assert len({a.access_token for a in accounts}) == 4


def test_optimization_goals_mix_purchase_with_other_results() -> None:
    adsets = {s.id: s for s, _ in _ads(generate_scenario(accounts=2, ads=200, days=7, seed=9, today=TODAY))}
    goals = {
        (s.optimization_goal, (s.promoted_object or {}).get("custom_event_type")) for s in adsets.values()
    }
    assert goals == {
        ("OFFSITE_CONVERSIONS", "PURCHASE"),
        ("OFFSITE_CONVERSIONS", "ADD_TO_CART"),
        ("OFFSITE_CONVERSIONS", "CONTENT_VIEW"),
        ("LINK_CLICKS", None),
    }


def test_link_urls_point_at_a_couple_of_shop_domains() -> None:
    ads = _ads(generate_scenario(accounts=1, ads=40, days=7, seed=4, today=TODAY))
    assert {urlsplit(a.link_url or "").hostname for _, a in ads} == {"shop.example.com", "mugs.example.net"}


def test_pending_review_ads_have_no_delivery_and_paused_ones_stopped_before_today() -> None:
    for _, ad in _ads(generate_scenario(accounts=2, ads=80, days=14, seed=6, today=TODAY)):
        if ad.effective_status == "PENDING_REVIEW":
            assert ad.profile is None
        if ad.status == "PAUSED":
            assert ad.profile is not None and ad.profile.end is not None and ad.profile.end < TODAY


def test_synthesized_days_are_deterministic_and_funnel_shaped() -> None:
    ads = [
        a for _, a in _ads(generate_scenario(accounts=1, ads=30, days=14, seed=8, today=TODAY)) if a.profile
    ]
    for ad in ads:
        assert ad.profile is not None
        for offset in range(14):
            day = TODAY - timedelta(days=offset)
            row = synthesize_day(ad.profile, ad.id, day)
            assert row == synthesize_day(ad.profile, ad.id, day)
            if row is None:
                continue
            a = row.actions
            assert row.clicks >= row.inline_link_clicks >= a.get("view_content", 0) >= a.get("add_to_cart", 0)
            assert a.get("add_to_cart", 0) >= a.get("initiate_checkout", 0) >= a.get("purchase", 0)
            assert ("purchase" in row.action_values) == bool(a.get("purchase"))


def test_no_delivery_outside_the_profile_dates() -> None:
    ad = next(
        a for _, a in _ads(generate_scenario(accounts=1, ads=10, days=7, seed=8, today=TODAY)) if a.profile
    )
    assert ad.profile is not None
    assert synthesize_day(ad.profile, ad.id, ad.profile.start - timedelta(days=1)) is None


def test_roas_varies_between_ads() -> None:
    ads = [
        a for _, a in _ads(generate_scenario(accounts=1, ads=60, days=7, seed=10, today=TODAY)) if a.profile
    ]
    roas = set()
    for ad in ads:
        assert ad.profile is not None
        days = [synthesize_day(ad.profile, ad.id, ad.profile.start + timedelta(days=i)) for i in range(3)]
        spend = sum(d.spend for d in days if d)
        value = sum(d.action_values.get("purchase", 0) for d in days if d)
        if spend:
            roas.add(round(value / spend, 1))
    assert len(roas) > 10


def test_jpy_money_has_no_minor_units() -> None:
    scenario = generate_scenario(accounts=3, ads=9, days=7, seed=11, today=TODAY)
    jpy = next(a for a in scenario.ad_accounts if a.currency == "JPY")
    ad = next(a for c in jpy.campaigns for s in c.adsets for a in s.ads if a.profile)
    assert ad.profile is not None
    row = synthesize_day(ad.profile, ad.id, ad.profile.start)
    assert row is not None and row.spend == row.spend.to_integral_value()


def test_generated_ads_include_metas_newer_effective_statuses_with_their_reasons():
    from collections import Counter

    scenario = generate_scenario(accounts=2, ads=1000, days=3, seed=7)
    ads = [ad for a in scenario.ad_accounts for c in a.campaigns for s in c.adsets for ad in s.ads]
    statuses = Counter(ad.effective_status for ad in ads)

    for status in ("WITH_ISSUES", "IN_PROCESS", "PENDING_BILLING_INFO", "PREAPPROVED", "PENDING_REVIEW"):
        assert statuses[status] > 0, status
    for ad in ads:
        if ad.effective_status in ("WITH_ISSUES", "PENDING_BILLING_INFO"):
            assert ad.issues_info and ad.issues_info[0]["error_message"]
        if ad.effective_status in ("IN_PROCESS", "PENDING_BILLING_INFO", "PREAPPROVED"):
            assert ad.profile is None  # they do not deliver
