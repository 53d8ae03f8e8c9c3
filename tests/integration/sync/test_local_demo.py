"""`make dev`'s demo wiring: the demo seller's accounts are connected once and revived on restart."""

from sync_helpers import small_scenario

from pixecom.local.demo import connect_demo_accounts, demo_scenario


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
    assert len(demo_scenario().ad_accounts) == 3
