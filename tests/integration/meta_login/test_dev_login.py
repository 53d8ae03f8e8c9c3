"""`make dev`: the simulator is set up as our Meta app so that "connect" works end to end, with a
consent page a person clicks that sends the browser back to the console on its own port."""

from urllib.parse import parse_qsl, urlsplit

import httpx
import pytest
from login_helpers import by_account, callback, start
from sync_helpers import small_scenario

from local.dev_login import DEV_APP_ID, add_dev_login, point_login_at
from simulator.testing import SimulatorServer

VARIABLES = ("META_APP_ID", "GRAPH_APP_SECRET", "META_REDIRECT_URI", "META_DIALOG_BASE_URL", "GRAPH_BASE_URL")
CONSOLE = "http://127.0.0.1:8310"


@pytest.fixture
def dev_sim(monkeypatch, sqs):
    from pixecom.settings import get_settings

    for name in VARIABLES:  # unset, and restored to unset afterwards
        monkeypatch.setenv(name, "x")
        monkeypatch.delenv(name)
    scenario = small_scenario(1001, 1002)
    scenario.ad_accounts[-1].access_token = None
    with SimulatorServer(add_dev_login(scenario, CONSOLE)) as server:
        monkeypatch.setenv("GRAPH_BASE_URL", server.base_url)
        point_login_at(server.base_url, scenario)
        yield server
    get_settings.cache_clear()


def consent(authorize_url: str, choice: str, granted: list[str] | None = None) -> str:
    """What a person does on the consent page: read it, submit it; returns where Meta redirects."""
    page = httpx.get(authorize_url)
    assert page.status_code == 200 and "Continue as Demo Facebook user" in page.text
    params = dict(parse_qsl(urlsplit(authorize_url).query))
    scopes = params["scope"].split(",")
    form = {**params, "choice": choice, "grant": scopes if granted is None else granted}
    answer = httpx.post(authorize_url.split("?")[0], data=form)
    assert answer.status_code == 303, answer.text
    return answer.headers["location"]


def test_dev_login_redirects_to_the_console_on_its_own_port():
    scenario = add_dev_login(small_scenario(1001), "http://127.0.0.1:8310")
    assert scenario.login is not None
    assert scenario.login.apps[0].redirect_uris == ["http://127.0.0.1:8310/meta/callback"]
    assert scenario.login.dialog.interactive


def test_dev_setup_lets_a_seller_connect_the_login_only_account_through_the_consent_page(
    api, make_seller, dev_sim
):
    from pixecom.settings import get_settings

    settings = get_settings()
    assert (settings.meta_app_id, settings.meta_redirect_uri) == (DEV_APP_ID, CONSOLE + "/meta/callback")
    seller = make_seller()
    location = consent(start(api, seller), "approve")
    assert location.startswith(CONSOLE + "/meta/callback?")
    response = callback(api, seller, dict(parse_qsl(urlsplit(location).query)))
    assert response.status_code == 200, response.text
    connection = response.json()
    assert by_account(connection)["act_1002"]["connectable"]
    connected = api.post(
        f"/api/meta/connections/{connection['connection_id']}/accounts",
        json={"ad_account_ids": ["act_1002"], "backfill_days": 1},
        headers=seller.headers,
    )
    assert connected.status_code == 201 and connected.json()["connected"][0]["meta_account_id"] == "act_1002"


def test_cancel_on_the_consent_page_sends_back_an_access_denied_error(api, make_seller, dev_sim):
    location = consent(start(api, make_seller()), "deny")
    query = dict(parse_qsl(urlsplit(location).query))
    assert query["error"] == "access_denied" and query["error_reason"] == "user_denied" and query["state"]


def test_an_unticked_permission_on_the_consent_page_is_declined(api, make_seller, dev_sim):
    seller = make_seller()
    location = consent(start(api, seller), "approve", granted=["ads_read", "business_management"])
    response = callback(api, seller, dict(parse_qsl(urlsplit(location).query)))
    assert response.status_code == 200, response.text
    assert response.json()["declined_scopes"] == ["ads_management"]
