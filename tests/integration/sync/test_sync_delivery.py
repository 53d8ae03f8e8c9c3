"""Delivery sync: entities, statuses, budgets, learning stage and sellpage links, from the simulator."""

from decimal import Decimal

import pytest
from sync_helpers import delivery_message, fast_graph_factory

from pixecom.accounts.connect import connect_account
from pixecom.clock import utc_now
from pixecom.db.engine import session_scope
from pixecom.db.models import Campaign, Sellpage
from pixecom.domain.delivery import map_delivery_status
from pixecom.domain.enums import SyncOutcome
from pixecom.sync.delivery import sync_account_delivery
from simulator.generator import generate_scenario
from simulator.testing import SimulatorServer


@pytest.fixture
def account(connect):
    return connect("act_1001")


def entity(db, table, meta_id):
    return db.rows(f"SELECT * FROM {table} WHERE meta_id = :m", m=meta_id)[0]


def test_delivery_sync_creates_every_level_with_budgets_and_learning_stage(account, db, graph):
    report = sync_account_delivery(delivery_message(account), graph=graph)
    assert report.outcome is SyncOutcome.SUCCEEDED
    assert db.scalar("SELECT count(*) FROM campaigns") == 2
    assert db.scalar("SELECT count(*) FROM adsets") == 3
    assert db.scalar("SELECT count(*) FROM ads") == 4
    campaign_a, campaign_b = entity(db, "campaigns", "1001101"), entity(db, "campaigns", "1001102")
    assert (campaign_a.daily_budget, campaign_a.lifetime_budget, campaign_a.objective) == (
        Decimal("50.00"),
        None,
        "OUTCOME_SALES",
    )
    assert (campaign_b.daily_budget, campaign_b.lifetime_budget) == (None, Decimal("1000.00"))
    carts = entity(db, "adsets", "1001202")
    assert (carts.daily_budget, carts.learning_stage, carts.promoted_event) == (
        None,  # its campaign holds the budget
        "LEARNING",
        "ADD_TO_CART",
    )
    assert carts.optimization_goal == "OFFSITE_CONVERSIONS"
    ad = entity(db, "ads", "1001301")
    assert ad.link_url == "https://www.shop.example.com/p/mug?utm_source=fb"
    assert ad.campaign_id == campaign_a.id and ad.adset_id == entity(db, "adsets", "1001201").id


def test_delivery_sync_keeps_bids_caps_and_what_is_left_of_each_budget_as_money(account, db, graph, sim):
    today = sim.state.today(sim.state.accounts["act_1001"])
    spent_today = sum(
        (d.spend for ad in ("1001301", "1001302", "1001303") if (d := sim.state.insight_for(ad, today))),
        Decimal(0),
    )

    sync_account_delivery(delivery_message(account), graph=graph)

    campaign_a, clicks = entity(db, "campaigns", "1001101"), entity(db, "adsets", "1001203")
    assert (campaign_a.spend_cap, campaign_a.advantage_state, campaign_a.bid_strategy) == (
        Decimal("10000.00"),
        "advantage_plus_sales",
        "LOWEST_COST_WITHOUT_CAP",
    )
    assert campaign_a.budget_remaining == Decimal("50.00") - spent_today
    assert (clicks.bid_strategy, clicks.bid_amount, clicks.roas_average_floor) == (
        "LOWEST_COST_WITH_BID_CAP",
        Decimal("1.50"),
        None,
    )
    minimums = db.rows("SELECT minimum_budgets FROM ad_accounts WHERE id = :i", i=account)[0]
    assert minimums.minimum_budgets["min_daily_budget_low_freq"] == 1000


def test_budgets_of_a_currency_without_decimals_are_whole_units(connect, db, graph, sim):
    sim.state.accounts["act_1001"].currency = "VND"
    vnd = connect("act_1001")

    sync_account_delivery(delivery_message(vnd), graph=graph)

    assert entity(db, "campaigns", "1001101").daily_budget == Decimal(5000)


def test_delivery_statuses_are_mapped_and_the_raw_value_kept(account, db, graph):
    sync_account_delivery(delivery_message(account), graph=graph)
    expected = {
        ("campaigns", "1001102"): ("PAUSED", "INACTIVE", "PAUSED"),
        ("adsets", "1001203"): ("ACTIVE", "INACTIVE", "CAMPAIGN_PAUSED"),
        ("ads", "1001304"): ("ACTIVE", "INACTIVE", "CAMPAIGN_PAUSED"),
        ("adsets", "1001202"): ("ACTIVE", "LEARNING", "ACTIVE"),
        ("ads", "1001303"): ("ACTIVE", "LEARNING", "ACTIVE"),  # its ad set is learning
        ("ads", "1001301"): ("ACTIVE", "ACTIVE", "ACTIVE"),
    }
    for (table, meta_id), values in expected.items():
        row = entity(db, table, meta_id)
        assert (row.status, row.delivery_status, row.effective_status) == values, meta_id


def test_generated_account_covers_every_delivery_status_as_the_mapping_says(
    db_url, make_seller, monkeypatch, db
):
    with SimulatorServer(generate_scenario(accounts=1, ads=16, days=3, seed=7)) as sim:
        graph = fast_graph_factory(sim.base_url)
        account_id = connect_account(
            make_seller().seller_id, "act_1001", "token-1001", graph=graph, now=utc_now()
        ).id
        sync_account_delivery(delivery_message(account_id), graph=graph)
        learning = {
            r.meta_id: r.learning_stage for r in db.rows("SELECT meta_id, learning_stage FROM adsets")
        }
        ads = db.rows(
            "SELECT a.meta_id, a.delivery_status, a.effective_status, s.meta_id AS adset "
            "FROM ads a JOIN adsets s ON s.id = a.adset_id"
        )
        for ad in ads:
            assert ad.effective_status == sim.effective_status_of(ad.meta_id)
            assert ad.delivery_status == map_delivery_status(ad.effective_status, learning[ad.adset]).value
    assert {ad.delivery_status for ad in ads} >= {
        "ACTIVE",
        "LEARNING",
        "LIMITED",
        "INACTIVE",
        "ERROR",
        "NOT_DELIVERING",
    }


def test_two_delivery_syncs_in_a_row_leave_the_database_identical(account, db, graph):
    sync_account_delivery(delivery_message(account), graph=graph)
    before = db.snapshot()
    sync_account_delivery(delivery_message(account), graph=graph)
    assert db.snapshot() == before


def test_renamed_and_paused_entities_are_updated(account, db, sim, graph):
    sync_account_delivery(delivery_message(account), graph=graph)
    sim.state.entries["1001101"].node.name = "Campaign A (renamed)"
    sim.state.set_status("1001201", "PAUSED")
    sync_account_delivery(delivery_message(account), graph=graph)
    assert entity(db, "campaigns", "1001101").name == "Campaign A (renamed)"
    assert (entity(db, "adsets", "1001201").status, entity(db, "adsets", "1001201").delivery_status) == (
        "PAUSED",
        "INACTIVE",
    )
    assert entity(db, "ads", "1001301").effective_status == "ADSET_PAUSED"


def test_ad_archived_on_meta_becomes_inactive_here(account, db, sim, graph):
    sync_account_delivery(delivery_message(account), graph=graph)
    sim.state.set_status("1001302", "ARCHIVED")
    sync_account_delivery(delivery_message(account), graph=graph)
    ad = entity(db, "ads", "1001302")
    assert (ad.status, ad.delivery_status, ad.effective_status) == ("ARCHIVED", "INACTIVE", "ARCHIVED")


def add_sellpage(seller_id, url, key):
    with session_scope() as s:
        page = Sellpage(seller_id=seller_id, name=key, url=url, url_key=key)
        s.add(page)
        s.flush()
        return page.id


def test_campaigns_link_to_the_sellpage_most_of_their_ads_point_to(account, db, graph):
    seller_id = db.account(account).seller_id
    mug = add_sellpage(seller_id, "https://shop.example.com/p/mug", "shop.example.com/p/mug")
    add_sellpage(seller_id, "https://shop.example.com/p/tee", "shop.example.com/p/tee")
    sync_account_delivery(delivery_message(account), graph=graph)
    assert entity(db, "campaigns", "1001101").sellpage_id == mug  # 2 mug ads, 1 tee ad
    assert entity(db, "campaigns", "1001102").sellpage_id is None  # its ad goes elsewhere


def test_a_sellpage_set_by_hand_is_never_overridden(account, db, graph):
    seller_id = db.account(account).seller_id
    add_sellpage(seller_id, "https://shop.example.com/p/mug", "shop.example.com/p/mug")
    tee = add_sellpage(seller_id, "https://shop.example.com/p/tee", "shop.example.com/p/tee")
    sync_account_delivery(delivery_message(account), graph=graph)
    with session_scope() as s:
        campaign = s.query(Campaign).filter_by(meta_id="1001101").one()
        campaign.sellpage_id, campaign.sellpage_set_manually = tee, True
        other = s.query(Campaign).filter_by(meta_id="1001102").one()
        other.sellpage_id, other.sellpage_set_manually = None, True
    sync_account_delivery(delivery_message(account), graph=graph)
    assert entity(db, "campaigns", "1001101").sellpage_id == tee
    assert entity(db, "campaigns", "1001102").sellpage_id is None


@pytest.mark.parametrize(
    ("effective", "delivery", "has_reason"),
    [
        ("WITH_ISSUES", "ERROR", True),
        ("PENDING_BILLING_INFO", "ERROR", True),
        ("IN_PROCESS", "NOT_DELIVERING", False),
        ("PREAPPROVED", "NOT_DELIVERING", False),
        ("PENDING_REVIEW", "NOT_DELIVERING", False),
    ],
)
def test_metas_newer_effective_statuses_are_mapped_with_metas_reason(
    account, db, graph, sim, effective, delivery, has_reason
):
    sim.state.entries["1001301"].node.effective_status = effective

    sync_account_delivery(delivery_message(account), graph=graph)

    ad = entity(db, "ads", "1001301")
    assert (ad.effective_status, ad.delivery_status) == (effective, delivery)
    assert bool(ad.issues and ad.issues[0]["error_message"]) is has_reason
