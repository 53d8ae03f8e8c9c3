"""`make dev`'s demo wiring: the demo seller's accounts are connected once and revived on restart."""

from sync_helpers import delivery_message, small_scenario

from local.demo import connect_demo_accounts, demo_scenario
from pixecom.sync.delivery import sync_account_delivery


def test_demo_accounts_connect_once_and_come_back_active_after_a_restart(graph, make_seller, db):
    make_seller(email="demo@example.com")
    scenario = small_scenario(1001, 1002)
    connect_demo_accounts("demo@example.com", scenario)
    first = db.rows("SELECT id, meta_account_id FROM ad_accounts ORDER BY meta_account_id")
    assert [r.meta_account_id for r in first] == ["act_1001", "act_1002"]
    db.rows("UPDATE ad_accounts SET connection_status = 'NEEDS_REAUTH' RETURNING id")

    connect_demo_accounts("demo@example.com", scenario)  # the next `make dev`

    again = db.rows("SELECT id, connection_status FROM ad_accounts ORDER BY meta_account_id")
    assert [r.id for r in again] == [r.id for r in first]
    assert {r.connection_status for r in again} == {"ACTIVE"}


def test_demo_scenario_is_the_same_on_every_start():
    assert demo_scenario().to_json() == demo_scenario().to_json()
    accounts = demo_scenario().ad_accounts
    assert len(accounts) == 4
    assert [a.access_token is None for a in accounts] == [False, False, False, True]  # last: Login only


def test_demo_seller_gets_its_sellpages_once_and_campaigns_link_to_them(graph, make_seller, db):
    make_seller(email="demo@example.com")
    scenario = demo_scenario()
    scenario.ad_accounts = scenario.ad_accounts[:1]
    connect_demo_accounts("demo@example.com", scenario)
    connect_demo_accounts("demo@example.com", scenario)  # a restart adds nothing

    pages = db.rows("SELECT url_key FROM sellpages ORDER BY url_key")
    assert [p.url_key for p in pages] == ["mugs.example.net/products", "shop.example.com/p"]
    (account,) = db.rows("SELECT id FROM ad_accounts")
    sync_account_delivery(delivery_message(account.id), graph=graph)
    linked = db.rows("SELECT count(*) AS n FROM campaigns WHERE sellpage_id IS NOT NULL")
    assert linked[0].n > 0


def test_demo_store_orders_are_sent_once_and_a_restart_changes_nothing(graph, make_seller, db):
    make_seller(email="demo@example.com")
    scenario = demo_scenario()
    scenario.ad_accounts = scenario.ad_accounts[:1]
    connect_demo_accounts("demo@example.com", scenario)
    first = db.rows("SELECT count(*) AS n, sum(gross_revenue - refunds) AS revenue FROM store_stats_daily")
    connect_demo_accounts("demo@example.com", scenario)  # a restart sends the same events again

    again = db.rows("SELECT count(*) AS n, sum(gross_revenue - refunds) AS revenue FROM store_stats_daily")
    assert first[0].n > 0 and (again[0].n, again[0].revenue) == (first[0].n, first[0].revenue)
    kinds = db.rows("SELECT status, count(*) AS n FROM store_orders GROUP BY status")
    assert {k.status for k in kinds} == {"pending", "paid", "partly_refunded", "refunded", "cancelled"}
