"""After a sync, every stored counter equals the simulator scenario's own numbers, to the cent."""

from datetime import timedelta
from decimal import Decimal

from sync_helpers import delivery_message, fast_graph_factory, local_today, stats_message

from pixecom.accounts.connect import connect_account
from pixecom.clock import utc_now
from pixecom.domain.catalogue import META_COUNTERS
from pixecom.sync.delivery import sync_account_delivery
from pixecom.sync.stats import sync_account_stats
from simulator.generator import generate_scenario
from simulator.testing import SimulatorServer, stored_video_counters
from simulator.wire import result_event

COUNTERS = tuple(c.name for c in META_COUNTERS)  # every counter the Graph sync stores


def truth_rows(sim, account_spec, since, until):
    """(ad id, date) -> counters, straight from the scenario the simulator serves."""
    rows = {}
    for campaign in account_spec.campaigns:
        for adset in campaign.adsets:
            result = result_event(adset.optimization_goal, adset.promoted_object)
            for ad in adset.ads:
                d = since
                while d <= until:
                    day = sim.state.insight_for(ad.id, d)
                    if day is not None and not day.is_empty():
                        rows[(ad.id, d)] = counters_of(day, result[1] if result else None)
                    d += timedelta(days=1)
    return rows


def counters_of(day, result_event_name):
    actions = dict(day.actions)
    actions.setdefault("link_click", day.inline_link_clicks)
    return {
        "spend": day.spend,
        "impressions": day.impressions,
        "reach": day.reach,
        "clicks": day.clicks,
        "link_clicks": day.inline_link_clicks,
        "content_views": actions.get("view_content", 0),
        "add_to_cart": actions.get("add_to_cart", 0),
        "initiate_checkout": actions.get("initiate_checkout", 0),
        "purchases": actions.get("purchase", 0),
        "purchase_value": day.action_values.get("purchase", Decimal(0)),
        "results": actions.get(result_event_name, 0) if result_event_name else 0,
        "landing_page_views": actions.get("landing_page_view", 0),
        **stored_video_counters(day),
    }


def test_database_equals_the_scenario_for_every_counter_of_every_ad_day(db_url, make_seller, monkeypatch, db):
    scenario = generate_scenario(accounts=3, ads=24, days=30, seed=11)  # USD, EUR and JPY accounts
    scenario.settings.report_polls_to_complete = 1
    with SimulatorServer(scenario) as sim:
        graph = fast_graph_factory(sim.base_url)
        seller = make_seller()
        for spec in scenario.ad_accounts:
            account_id = connect_account(
                seller.seller_id, spec.id, spec.access_token, graph=graph, now=utc_now()
            ).id
            sync_account_delivery(delivery_message(account_id), graph=graph)
            today = local_today(spec.timezone_name)
            since = today - timedelta(days=27)
            sync_account_stats(stats_message(account_id, since, today, full_window=True), graph=graph)

            expected = truth_rows(sim, spec, since, today)
            stored = {(r.meta_id, r.date): {c: getattr(r, c) for c in COUNTERS} for r in db.stats(account_id)}
            assert expected, spec.id
            assert stored.keys() == expected.keys(), spec.id
            for key, values in expected.items():
                assert stored[key] == values, (spec.id, key)
            total = sum((v["spend"] for v in expected.values()), Decimal(0))
            assert (
                db.scalar("SELECT sum(spend) FROM ad_stats_daily WHERE ad_account_id = :id", id=account_id)
                == total
            )
