"""`make dev`: the simulator is set up as our Meta app so that "connect" works end to end."""

import pytest
from login_helpers import by_account, callback, open_dialog, start
from sync_helpers import small_scenario

from pixecom.local.dev_login import DEV_APP_ID, DEV_REDIRECT_URI, add_dev_login, point_login_at
from pixecom.simulator.testing import SimulatorServer

VARIABLES = ("META_APP_ID", "GRAPH_APP_SECRET", "META_REDIRECT_URI", "META_DIALOG_BASE_URL", "GRAPH_BASE_URL")


@pytest.fixture
def dev_sim(monkeypatch, sqs):
    from pixecom.settings import get_settings

    for name in VARIABLES:  # unset, and restored to unset afterwards
        monkeypatch.setenv(name, "x")
        monkeypatch.delenv(name)
    scenario = small_scenario(1001, 1002)
    scenario.ad_accounts[-1].access_token = None
    with SimulatorServer(add_dev_login(scenario)) as server:
        monkeypatch.setenv("GRAPH_BASE_URL", server.base_url)
        point_login_at(server.base_url, scenario)
        yield server
    get_settings.cache_clear()


def test_dev_setup_lets_a_seller_connect_the_login_only_account(api, make_seller, dev_sim):
    from pixecom.settings import get_settings

    settings = get_settings()
    assert (settings.meta_app_id, settings.meta_redirect_uri) == (DEV_APP_ID, DEV_REDIRECT_URI)
    seller = make_seller()
    response = callback(api, seller, open_dialog(start(api, seller)))
    assert response.status_code == 200, response.text
    connection = response.json()
    assert by_account(connection)["act_1002"]["connectable"]
    connected = api.post(
        f"/api/meta/connections/{connection['connection_id']}/accounts",
        json={"ad_account_ids": ["act_1002"], "backfill_days": 1},
        headers=seller.headers,
    )
    assert connected.status_code == 201 and connected.json()["connected"][0]["meta_account_id"] == "act_1002"
