"""The generated store: orders that match Meta's purchases only partly, deterministic."""

from __future__ import annotations

from collections import Counter
from datetime import date

from simulator.generator import generate_scenario, synthesize_day
from simulator.store import store_events

SINCE, UNTIL = date(2026, 10, 1), date(2026, 10, 31)


def _scenario():
    return generate_scenario(accounts=2, ads=20, days=60, seed=3, today=date(2026, 11, 1))


def _meta_purchases(scenario) -> int:
    total = 0
    for account in scenario.ad_accounts:
        for campaign in account.campaigns:
            for adset in campaign.adsets:
                for ad in adset.ads:
                    for n in range((UNTIL - SINCE).days + 1):
                        day = (
                            synthesize_day(ad.profile, ad.id, SINCE.fromordinal(SINCE.toordinal() + n))
                            if ad.profile
                            else None
                        )
                        total += day.actions.get("purchase", 0) if day else 0
    return total


def test_the_store_sells_about_what_meta_claims_but_not_exactly():
    scenario = _scenario()
    events = store_events(scenario, SINCE, UNTIL)
    from_meta = {e["order_id"] for e in events if e["landing_params"].get("utm_source") == "facebook"}
    meta = _meta_purchases(scenario)
    assert from_meta and len(from_meta) != meta
    assert 0.7 * meta <= len(from_meta) <= 1.25 * meta


def test_the_store_has_refunds_cancels_unpaid_orders_other_channels_and_untagged_ads():
    events = store_events(_scenario(), SINCE, UNTIL)
    assert set(Counter(e["type"] for e in events)) == {
        "order.created",
        "order.paid",
        "order.refunded",
        "order.cancelled",
    }
    sources = {e["landing_params"]["utm_source"] for e in events}
    assert {"facebook", "google", "email", "tiktok"} <= sources
    untagged = [
        e
        for e in events
        if e["landing_params"]["utm_source"] == "facebook" and "ad_id" not in e["landing_params"]
    ]
    assert untagged  # ads set up without Meta's URL parameters
    partly = [e for e in events if e["type"] == "order.refunded" and e["refunded_amount"] != e["amount"]]
    assert partly


def test_the_same_scenario_and_dates_give_the_same_events():
    assert store_events(_scenario(), SINCE, UNTIL) == store_events(_scenario(), SINCE, UNTIL)
