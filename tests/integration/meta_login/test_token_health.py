"""Token health: a token that dies mid-life, Meta's reasons, the daily check, appsecret_proof,
pasted system-user tokens checked with debug_token, and no token in any response or log line."""

import uuid

import httpx
import pytest
from login_helpers import APP_ID, APP_SECRET, by_account, login
from sync_helpers import day, load_event, load_handler, stats_message

from pixecom.clock import utc_now
from pixecom.domain.enums import SyncOutcome
from pixecom.meta.client import GraphClient
from pixecom.meta.errors import InvalidRequest
from pixecom.sync.stats import sync_account_stats

HOUR = 3600


def connect_1001(api, seller, meta):
    connection = login(api, seller, meta)
    response = api.post(
        f"/api/meta/connections/{connection['connection_id']}/accounts",
        json={"ad_account_ids": ["act_1001"], "backfill_days": 1},
        headers=seller.headers,
    )
    assert response.status_code == 201, response.text
    return connection, uuid.UUID(response.json()["connected"][0]["account_id"])


def health_of(api, seller):
    return api.get("/api/meta/token-health", headers=seller.headers).json()["data"][0]["token"]


@pytest.mark.parametrize("spec_options", [{"long_lived_seconds": 2 * HOUR}])
def test_a_token_expiring_mid_life_needs_reauth_as_expired_and_comes_back_through_login(
    api, seller, meta, db, spec_options
):
    connection, account_id = connect_1001(api, seller, meta)
    meta.state.advance(2 * HOUR + 1)
    report = sync_account_stats(stats_message(account_id, day(1), day(0)))
    assert report.outcome is SyncOutcome.NEEDS_REAUTH
    token = health_of(api, seller)
    assert (token["state"], token["reason"]) == ("needs_reconnect", "expired")
    assert (
        db.scalar("SELECT connection_status FROM ad_accounts WHERE id = :id", id=account_id) == "NEEDS_REAUTH"
    )

    again = login(api, seller, meta)  # the same Facebook user logs in again
    assert again["connection_id"] == connection["connection_id"]
    # Reconnected; this scenario's tokens live two hours, so it is "expiring soon", not "needs reconnect".
    assert (health_of(api, seller)["state"], health_of(api, seller)["reason"]) == ("expiring_soon", None)
    assert sync_account_stats(stats_message(account_id, day(1), day(0))).outcome is SyncOutcome.SUCCEEDED


@pytest.mark.parametrize(
    ("subcode", "reason"),
    [(460, "password_changed"), (458, "app_removed"), (459, "checkpoint"), (None, "invalid")],
)
def test_metas_190_subcode_becomes_the_reconnect_reason(api, seller, meta, subcode, reason):
    _, account_id = connect_1001(api, seller, meta)
    httpx.post(f"{meta.base_url}/__control/login/invalidate", json={"user_id": "10001", "subcode": subcode})
    assert sync_account_stats(stats_message(account_id, day(1), day(0))).outcome is SyncOutcome.NEEDS_REAUTH
    assert (health_of(api, seller)["state"], health_of(api, seller)["reason"]) == ("needs_reconnect", reason)


def test_the_daily_check_handler_marks_a_revoked_grant_and_records_expiry(api, seller, meta, lambda_context):
    _, account_id = connect_1001(api, seller, meta)
    result = load_handler("token_health").handler(load_event("schedule/token_health.json"), lambda_context)
    assert (result["grants_checked"], result["needs_reconnect"], result["errors"]) == (1, 0, 0)
    assert health_of(api, seller)["state"] == "ok"
    meta.state.login.revoke_user(APP_ID, "10001", 458)
    result = load_handler("token_health").handler(load_event("schedule/token_health.json"), lambda_context)
    assert result["needs_reconnect"] == 1
    assert (health_of(api, seller)["state"], health_of(api, seller)["reason"]) == (
        "needs_reconnect",
        "app_removed",
    )


@pytest.mark.parametrize("spec_options", [{"long_lived_seconds": 3 * 86400}])
def test_the_daily_check_refreshes_a_token_expiring_soon_and_reads_the_expiry_back(
    api, seller, meta, db, spec_options
):
    from pixecom.accounts.token_check import check_tokens

    _, account_id = connect_1001(api, seller, meta)
    assert health_of(api, seller)["state"] == "expiring_soon"
    before = db.scalar("SELECT access_token_encrypted FROM ad_accounts WHERE id = :id", id=account_id)
    report = check_tokens(now=utc_now())
    assert (report.grants_checked, report.refreshed) == (1, 1)
    after = db.scalar("SELECT access_token_encrypted FROM ad_accounts WHERE id = :id", id=account_id)
    assert bytes(after) != bytes(before)  # the new token string replaced the old one
    # Whether re-exchanging extends 60 days is unconfirmed: the simulator keeps the expiry, and so do we.
    assert health_of(api, seller)["state"] == "expiring_soon"


@pytest.mark.parametrize("spec_options", [{"require_proof": True}])
def test_with_require_app_secret_our_calls_carry_the_proof_and_calls_without_it_are_refused(
    api, seller, meta, spec_options
):
    _, account_id = connect_1001(api, seller, meta)
    assert sync_account_stats(stats_message(account_id, day(1), day(0))).outcome is SyncOutcome.SUCCEEDED
    token = next(t.value for t in meta.state.login.tokens.values() if t.long_lived and not t.revoked)
    bare = GraphClient(token, base_url=meta.base_url, max_retries=0)
    with bare, pytest.raises(InvalidRequest, match="require an appsecret_proof"):
        bare.request("GET", "me/adaccounts")
    wrong = GraphClient(token, base_url=meta.base_url, app_secret="wrong", max_retries=0)
    with wrong, pytest.raises(InvalidRequest, match="Invalid appsecret_proof"):
        wrong.request("GET", "me/adaccounts")
    with GraphClient(token, base_url=meta.base_url, app_secret=APP_SECRET, max_retries=0) as right:
        assert [a["id"] for a in right.request("GET", "me/adaccounts")["data"]] == [
            "act_1001",
            "act_1002",
            "act_1003",
        ]


def test_a_pasted_system_user_token_is_checked_with_debug_token(api, seller, meta):
    minted = httpx.post(
        f"{meta.base_url}/__control/login/system-user-token", json={"assets": ["act_1002"]}
    ).json()["access_token"]
    meta.state.login.users["sim-system-user"] = meta.state.login.users["10001"].model_copy(
        update={"id": "sim-system-user"}
    )
    response = api.post(
        "/api/ad-accounts",
        json={"meta_account_id": "act_1002", "access_token": minted, "backfill_days": 1},
        headers=seller.headers,
    )
    assert response.status_code == 201, response.text
    token = health_of(api, seller)
    assert (token["source"], token["state"], token["expires_at"]) == ("system_user", "ok", None)
    meta.state.login.invalidate(minted, None, 467)
    refused = api.post(
        "/api/ad-accounts",
        json={"meta_account_id": "act_1001", "access_token": minted},
        headers=seller.headers,
    )
    assert refused.status_code == 400 and refused.json()["error"]["code"] == "invalid_token"


def test_no_token_or_code_ever_appears_in_a_response_or_a_log_line(api, seller, meta, caplog, capsys):
    import logging

    # INFO and up: what Lambda logs. (httpcore's DEBUG traces of the test's own browser step would
    # show the redirect Meta sends to the browser, which never passes through our server's logs.)
    caplog.set_level(logging.INFO)
    texts = []
    connection = login(api, seller, meta, decline=["business_management"])
    texts.append(str(connection))
    response = api.post(
        f"/api/meta/connections/{connection['connection_id']}/accounts",
        json={"ad_account_ids": ["act_1001"], "backfill_days": 1},
        headers=seller.headers,
    )
    texts.append(response.text)
    account_id = uuid.UUID(response.json()["connected"][0]["account_id"])
    sync_account_stats(stats_message(account_id, day(1), day(0)))
    texts += [api.get(p, headers=seller.headers).text for p in ("/api/meta/token-health", "/api/ad-accounts")]
    meta.state.login.invalidate(None, "10001", 463)
    sync_account_stats(stats_message(account_id, day(1), day(0)))
    texts.append(api.get("/api/meta/token-health", headers=seller.headers).text)
    captured = capsys.readouterr()
    logs = "\n".join([caplog.text, captured.out, captured.err, *texts])
    secrets = (
        [t.value for t in meta.state.login.tokens.values()] + list(meta.state.login.codes) + [APP_SECRET]
    )
    assert len(secrets) >= 4 and "connection_id" in logs
    leaked = [line for line in logs.splitlines() if any(s in line for s in secrets)]
    assert leaked == []
    assert by_account(connection)["act_1001"]["connectable"]
