"""Facebook Login from `connect` to accounts syncing, over real HTTP against the simulator."""

import uuid
from urllib.parse import parse_qsl, urlsplit

from login_helpers import APP_ID, REDIRECT_URI, by_account, callback, login, open_dialog, set_dialog, start
from sync_helpers import day, stats_message

from pixecom.domain.enums import SyncOutcome
from pixecom.sync.stats import sync_account_stats


def test_connect_answers_the_dialog_url_for_our_app_redirect_scopes_and_a_fresh_state(api, seller, meta):
    first, second = start(api, seller), start(api, seller)
    url = urlsplit(first)
    query = dict(parse_qsl(url.query))
    assert f"{url.scheme}://{url.netloc}" == meta.base_url and url.path == "/v27.0/dialog/oauth"
    assert (query["client_id"], query["redirect_uri"], query["response_type"]) == (
        APP_ID,
        REDIRECT_URI,
        "code",
    )
    assert query["scope"] == "ads_read,ads_management,business_management"
    assert len(query["state"]) >= 43  # 256 random bits
    assert query["state"] != dict(parse_qsl(urlsplit(second).query))["state"]
    assert "auth_type" not in query


def test_the_whole_flow_connects_the_chosen_account_and_it_syncs(api, seller, meta, db):
    connection = login(api, seller, meta)
    accounts = by_account(connection)
    assert connection["scopes"] == ["ads_management", "ads_read", "business_management"]
    assert connection["declined_scopes"] == []
    assert accounts["act_1001"]["connectable"] and accounts["act_1001"]["can_manage"]
    assert accounts["act_1001"]["tasks"] == ["MANAGE", "ADVERTISE", "ANALYZE"]
    assert (accounts["act_1001"]["name"], accounts["act_1001"]["currency"]) == ("Account 1001", "USD")
    assert accounts["act_1002"]["connectable"] and not accounts["act_1002"]["can_manage"]  # ANALYZE only
    assert (accounts["act_1003"]["connectable"], accounts["act_1003"]["reason"]) == (False, "missing_tasks")

    response = api.post(
        f"/api/meta/connections/{connection['connection_id']}/accounts",
        json={"ad_account_ids": ["act_1001", "1003"], "backfill_days": 3},
        headers=seller.headers,
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert [a["meta_account_id"] for a in body["connected"]] == ["act_1001"]
    assert body["refused"] == [{"meta_account_id": "act_1003", "reason": "missing_tasks"}]
    account_id = uuid.UUID(body["connected"][0]["account_id"])
    assert db.scalar("SELECT backfill_chunks_total FROM ad_accounts WHERE id = :id", id=account_id) == 1

    report = sync_account_stats(stats_message(account_id, day(2), day(0)))
    assert report.outcome is SyncOutcome.SUCCEEDED and report.rows_written > 0

    health = api.get("/api/meta/token-health", headers=seller.headers).json()["data"]
    assert [(h["meta_account_id"], h["connection_id"]) for h in health] == [
        ("act_1001", connection["connection_id"])
    ]
    token = health[0]["token"]
    assert (token["source"], token["state"], token["reason"]) == ("login", "ok", None)
    assert token["expires_at"] is not None and token["data_access_expires_at"] is not None
    shown = api.get(f"/api/ad-accounts/{account_id}", headers=seller.headers).json()["token"]
    assert (shown["source"], shown["state"]) == ("login", "ok")
    again = by_account(
        api.get(f"/api/meta/connections/{connection['connection_id']}", headers=seller.headers).json()
    )
    assert (again["act_1001"]["connected"], again["act_1001"]["reason"]) == (
        "this_seller",
        "already_connected",
    )
    assert again["act_1001"]["account_id"] == str(account_id)


def test_a_denied_dialog_is_a_clear_400(api, seller, meta):
    set_dialog(meta, outcome="deny")
    sent = open_dialog(start(api, seller))
    assert (sent["error"], sent["error_reason"], sent["error_code"]) == (
        "access_denied",
        "user_denied",
        "200",
    )
    response = callback(api, seller, sent)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "login_denied"


def test_a_redirect_uri_that_is_not_registered_gets_metas_html_400_and_no_redirect(meta):
    import httpx

    answer = httpx.get(
        f"{meta.base_url}/v27.0/dialog/oauth",
        params={"client_id": APP_ID, "redirect_uri": "https://evil.example/cb", "state": "s"},
        follow_redirects=False,
    )
    assert answer.status_code == 400 and "URL Blocked" in answer.text and "location" not in answer.headers


def test_a_reused_code_is_refused_as_used(api, seller, meta):
    sent = open_dialog(start(api, seller))
    assert callback(api, seller, sent).status_code == 200
    replay = {**sent, "state": dict(parse_qsl(urlsplit(start(api, seller)).query))["state"]}
    response = callback(api, seller, replay)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "code_used"


def test_an_expired_code_is_refused_as_expired(api, seller, meta):
    sent = open_dialog(start(api, seller))
    meta.state.advance(601)  # codes live 10 minutes
    response = callback(api, seller, sent)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "code_expired"


def test_a_code_for_another_redirect_uri_is_refused_as_mismatched(api, seller, meta, monkeypatch):
    from pixecom.settings import get_settings

    sent = open_dialog(start(api, seller))
    monkeypatch.setenv("META_REDIRECT_URI", "http://localhost:3000/other")
    get_settings.cache_clear()
    response = callback(api, seller, sent)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "redirect_uri_mismatch"


def test_a_state_is_single_use(api, seller, meta):
    sent = open_dialog(start(api, seller))
    assert callback(api, seller, sent).status_code == 200
    response = callback(api, seller, sent)
    assert response.status_code == 400
    assert (response.json()["error"]["code"], response.json()["error"]["field"]) == ("state_used", "state")


def test_an_expired_state_is_refused_before_the_code_is_spent(api, seller, meta, db):
    sent = open_dialog(start(api, seller))
    db.rows("UPDATE meta_oauth_states SET expires_at = now() - interval '1 second' RETURNING id")
    response = callback(api, seller, sent)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "state_expired"
    assert not any(c.used for c in meta.state.login.codes.values())


def test_another_users_state_looks_unknown_and_stays_usable_by_its_owner(api, seller, meta, make_seller):
    sent = open_dialog(start(api, seller))
    stranger = make_seller("Other shop")
    response = callback(api, stranger, sent)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "state_invalid"
    assert callback(api, stranger, {**sent, "state": "made-up"}).json()["error"]["code"] == "state_invalid"
    assert callback(api, seller, sent).status_code == 200


def test_an_account_connected_by_another_seller_is_refused_without_saying_whose(
    api, seller, meta, make_seller
):
    first = login(api, seller, meta, user_id="10001")
    ok = api.post(
        f"/api/meta/connections/{first['connection_id']}/accounts",
        json={"ad_account_ids": ["act_1001"]},
        headers=seller.headers,
    )
    assert ok.status_code == 201 and ok.json()["connected"]
    other = make_seller("Rival shop")
    second = login(api, other, meta, user_id="10002")
    choice = by_account(second)["act_1001"]
    assert (choice["connectable"], choice["reason"], choice["connected"], choice["account_id"]) == (
        False,
        "connected_by_another_seller",
        "another_seller",
        None,
    )
    response = api.post(
        f"/api/meta/connections/{second['connection_id']}/accounts",
        json={"ad_account_ids": ["act_1001"]},
        headers=other.headers,
    )
    assert response.json() == {
        "connected": [],
        "refused": [{"meta_account_id": "act_1001", "reason": "connected_by_another_seller"}],
    }
    for text in (str(second), response.text):
        assert str(seller.seller_id) not in text and "Shop One" not in text


def test_another_sellers_connection_id_is_404(api, seller, meta, make_seller):
    connection = login(api, seller, meta)
    stranger = make_seller()
    path = f"/api/meta/connections/{connection['connection_id']}"
    assert api.get(path, headers=stranger.headers).status_code == 404
    response = api.post(f"{path}/accounts", json={"ad_account_ids": ["act_1001"]}, headers=stranger.headers)
    assert response.status_code == 404


def test_a_partial_decline_shows_then_rerequest_grants_it(api, seller, meta):
    partial = login(api, seller, meta, decline=["ads_management"])
    assert partial["scopes"] == ["ads_read", "business_management"]
    assert partial["declined_scopes"] == ["ads_management"]
    assert (
        by_account(partial)["act_1001"]["connectable"] and not by_account(partial)["act_1001"]["can_manage"]
    )

    set_dialog(meta)  # this time the seller ticks everything
    url = start(api, seller)
    assert dict(parse_qsl(urlsplit(url).query))["auth_type"] == "rerequest"
    response = callback(api, seller, open_dialog(url))
    assert response.status_code == 200, response.text
    full = response.json()
    assert full["connection_id"] == partial["connection_id"]
    assert (full["scopes"], full["declined_scopes"]) == (
        ["ads_management", "ads_read", "business_management"],
        [],
    )
    assert by_account(full)["act_1001"]["can_manage"]


def test_without_rerequest_meta_keeps_a_declined_permission_declined(meta):
    registry, app = meta.state.login, meta.state.login.apps[APP_ID]
    registry.dialog.decline = ["ads_management"]
    registry.decide(app, ["ads_read", "ads_management"], rerequest=False, config_id=None)
    registry.dialog.decline = []
    _, consent = registry.decide(app, ["ads_read", "ads_management"], rerequest=False, config_id=None)
    assert consent.declined == {"ads_management"}
    _, consent = registry.decide(app, ["ads_read", "ads_management"], rerequest=True, config_id=None)
    assert consent.declined == set() and consent.granted == {"ads_read", "ads_management"}


def test_connect_without_a_configured_app_is_a_503(api, make_seller, monkeypatch):
    from pixecom.settings import get_settings

    monkeypatch.delenv("META_APP_ID", raising=False)
    get_settings.cache_clear()
    response = api.post("/api/meta/connect", headers=make_seller().headers)
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "login_not_configured"
