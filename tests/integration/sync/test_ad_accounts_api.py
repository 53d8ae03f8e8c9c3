"""/api/ad-accounts over HTTP semantics (TestClient), with the simulator as Meta and moto SQS."""

import json
import os
import uuid
from decimal import Decimal

import pytest
from sync_helpers import day, stats_message

from pixecom.sync.stats import sync_account_stats


@pytest.fixture
def seller(make_seller, graph, sqs):
    return make_seller()


def connect(api, seller, account="act_1001", token="token-1001", **extra):
    return api.post(
        "/api/ad-accounts",
        json={"meta_account_id": account, "access_token": token, **extra},
        headers=seller.headers,
    )


def drain(sqs, env_name):
    url, bodies = os.environ[env_name], []
    while messages := sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10).get("Messages", []):
        for m in messages:
            bodies.append(json.loads(m["Body"]))
            sqs.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])
    return bodies


def test_connect_stores_the_account_as_meta_describes_it_and_never_returns_the_token(api, seller, db):
    response = connect(api, seller, account="1001")
    assert response.status_code == 201, response.text
    body = response.json()
    assert (body["meta_account_id"], body["name"], body["currency"], body["timezone_name"]) == (
        "act_1001",
        "Account 1001",
        "USD",
        "America/Los_Angeles",
    )
    assert body["connection_status"] == "ACTIVE"
    assert body["backfill"] == {
        "since": day(89).isoformat(),
        "chunks_total": 3,
        "chunks_done": 0,
        "complete": False,
    }
    assert "token-1001" not in response.text and "access_token" not in body
    stored = db.scalar("SELECT access_token_encrypted FROM ad_accounts WHERE id = :id", id=body["id"])
    assert b"token-1001" not in bytes(stored)


def test_connect_with_a_bad_token_is_a_400_with_metas_reason(api, seller, sim):
    sim.expire_token("token-1001")
    response = connect(api, seller)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid_token"
    assert "Meta rejected the request" in error["message"] and "token-1001" not in error["message"]


def test_connect_to_an_account_the_token_cannot_see_is_a_400(api, seller):
    response = connect(api, seller, account="act_1002", token="token-1001")
    assert response.status_code == 400
    assert response.json()["error"]["code"] in ("meta_rejected", "invalid_token")


def test_connecting_the_same_account_twice_is_a_409(api, seller):
    assert connect(api, seller).status_code == 201
    response = connect(api, seller, account="1001")
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "already_connected"


def test_an_account_another_seller_holds_is_a_409_naming_nobody(api, seller, make_seller, db):
    other = make_seller("Rival Agency")
    assert connect(api, other).status_code == 201

    response = connect(api, seller, account="1001")

    assert response.status_code == 409
    error = response.json()["error"]
    assert error["code"] == "connected_by_another_seller"
    assert "Rival" not in error["message"] and str(other.seller_id) not in error["message"]
    assert db.scalar("SELECT count(*) FROM ad_accounts WHERE meta_account_id = 'act_1001'") == 1


def test_the_database_holds_one_seller_per_meta_account_whatever_the_path(seller, make_seller, db):
    import sqlalchemy

    from pixecom.db.engine import session_scope
    from pixecom.db.models import AdAccount

    other = make_seller("Rival Agency")
    rows = [
        AdAccount(seller_id=owner, meta_account_id="act_4242", name="Shared", currency="USD",
                  timezone_name="UTC", access_token_encrypted=b"x")
        for owner in (seller.seller_id, other.seller_id)
    ]  # fmt: skip
    unique = "uq_ad_accounts_meta_account_id"
    with pytest.raises(sqlalchemy.exc.IntegrityError, match=unique), session_scope() as s:
        s.add_all(rows)


def test_malformed_account_id_and_backfill_are_422(api, seller):
    assert connect(api, seller, account="acct-12").status_code == 422
    response = connect(api, seller, backfill_days=2000)
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "backfill_days"


def test_list_shows_connection_and_sync_state_of_each_account(api, seller, sim, graph):
    first = connect(api, seller).json()["id"]
    second = connect(api, seller, account="act_1002", token="token-1002").json()["id"]
    sim.expire_token("token-1002")
    sync_account_stats(stats_message(uuid.UUID(first), day(1), day(0)), graph=graph)
    sync_account_stats(stats_message(uuid.UUID(second), day(1), day(0)), graph=graph)
    response = api.get("/api/ad-accounts", headers=seller.headers)
    assert response.status_code == 200
    by_id = {a["id"]: a for a in response.json()["data"]}
    assert by_id[first]["connection_status"] == "ACTIVE"
    assert (
        by_id[first]["stats"]["last_success_at"] is not None and by_id[first]["stats"]["last_error"] is None
    )
    assert by_id[second]["connection_status"] == "NEEDS_REAUTH"
    assert by_id[second]["stats"]["last_error"].startswith("TokenInvalid")
    assert by_id[second]["stats"]["last_success_at"] is None
    assert by_id[first]["delivery"]["last_success_at"] is not None  # stats synced its entities first


def test_get_one_account_and_another_sellers_id_is_404(api, seller, make_seller):
    account_id = connect(api, seller).json()["id"]
    assert api.get(f"/api/ad-accounts/{account_id}", headers=seller.headers).json()["id"] == account_id
    stranger = make_seller()
    for method, path in (("GET", ""), ("DELETE", ""), ("POST", "/sync"), ("PUT", "/token")):
        kwargs = {"json": {"access_token": "token-1001"}} if method == "PUT" else {}
        response = api.request(
            method, f"/api/ad-accounts/{account_id}{path}", headers=stranger.headers, **kwargs
        )
        assert response.status_code == 404, (method, path)
    assert api.get(f"/api/ad-accounts/{account_id}", headers=seller.headers).status_code == 200


def test_malformed_account_uuid_is_422(api, seller):
    response = api.get("/api/ad-accounts/not-a-uuid", headers=seller.headers)
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "account_id"


def test_replacing_the_token_reactivates_an_account_needing_reauth(api, seller, sim, graph):
    account_id = connect(api, seller).json()["id"]
    sim.expire_token("token-1001")
    sync_account_stats(stats_message(uuid.UUID(account_id), day(1), day(0)), graph=graph)
    assert api.get(f"/api/ad-accounts/{account_id}", headers=seller.headers).json()["connection_status"] == (
        "NEEDS_REAUTH"
    )
    sim.state.settings.extra_tokens["token-1001-new"] = ["act_1001"]  # the seller logs in again
    response = api.put(
        f"/api/ad-accounts/{account_id}/token",
        json={"access_token": "token-1001-new"},
        headers=seller.headers,
    )
    assert response.status_code == 200, response.text
    assert (response.json()["connection_status"], response.json()["connection_error"]) == ("ACTIVE", None)
    report = sync_account_stats(stats_message(uuid.UUID(account_id), day(1), day(0)), graph=graph)
    assert report.outcome == "succeeded"


def test_replacing_with_a_bad_token_is_400_and_keeps_the_state(api, seller, sim):
    account_id = connect(api, seller).json()["id"]
    sim.expire_token("token-1001")
    response = api.put(
        f"/api/ad-accounts/{account_id}/token", json={"access_token": "token-1001"}, headers=seller.headers
    )
    assert response.status_code == 400
    assert (
        api.get(f"/api/ad-accounts/{account_id}", headers=seller.headers).json()["connection_status"]
        == "ACTIVE"
    )


def test_disconnect_removes_the_account_and_all_its_data(api, seller, db, graph):
    account_id = connect(api, seller).json()["id"]
    other_id = connect(api, seller, account="act_1002", token="token-1002").json()["id"]
    for target in (account_id, other_id):
        sync_account_stats(stats_message(uuid.UUID(target), day(2), day(0)), graph=graph)
    response = api.delete(f"/api/ad-accounts/{account_id}", headers=seller.headers)
    assert response.status_code == 204
    for table in ("campaigns", "adsets", "ads", "ad_stats_daily", "sync_runs", "stats_reconciliation"):
        assert db.scalar(f"SELECT count(*) FROM {table} WHERE ad_account_id = :id", id=account_id) == 0, table
        assert db.scalar(f"SELECT count(*) FROM {table} WHERE ad_account_id = :id", id=other_id) > 0, table
    assert api.get(f"/api/ad-accounts/{account_id}", headers=seller.headers).status_code == 404


def test_sync_now_answers_202_and_puts_both_messages_on_the_queues(api, seller, sqs):
    account_id = connect(api, seller).json()["id"]
    drain(sqs, "STATS_QUEUE_URL")
    drain(sqs, "DELIVERY_QUEUE_URL")
    response = api.post(f"/api/ad-accounts/{account_id}/sync", headers=seller.headers)
    assert response.status_code == 202
    run_id = response.json()["run_id"]
    stats_queue = drain(sqs, "STATS_QUEUE_URL")
    [stats] = [m for m in stats_queue if not m.get("backfill")]
    [delivery] = drain(sqs, "DELIVERY_QUEUE_URL")
    assert stats["account_id"] == delivery["account_id"] == account_id
    assert stats["run_id"] == delivery["run_id"] == run_id


def test_sync_now_queues_again_every_backfill_chunk_not_done(api, seller, sqs):
    account_id = connect(api, seller).json()["id"]
    lost = sorted(m["chunk"] for m in drain(sqs, "STATS_QUEUE_URL") if m.get("backfill"))
    response = api.post(f"/api/ad-accounts/{account_id}/sync", headers=seller.headers)
    assert response.json()["queued"] == ["delivery", "stats", "backfill"]
    again = sorted(m["chunk"] for m in drain(sqs, "STATS_QUEUE_URL") if m.get("backfill"))
    assert lost == again == [1, 2, 3]


def test_sync_now_of_an_account_needing_reauth_is_a_409(api, seller, sim, graph):
    account_id = connect(api, seller).json()["id"]
    sim.expire_token("token-1001")
    sync_account_stats(stats_message(uuid.UUID(account_id), day(1), day(0)), graph=graph)
    response = api.post(f"/api/ad-accounts/{account_id}/sync", headers=seller.headers)
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "needs_reauth"


def test_endpoints_need_a_login(api, db_url):
    assert api.get("/api/ad-accounts").status_code == 401


def test_an_account_never_checked_reports_no_reconciliation_yet(api, seller):
    body = connect(api, seller).json()
    assert body["reconciliation"] == {
        "days_checked": 0,
        "days_differing": 0,
        "largest_difference": None,
        "last_checked_at": None,
    }


@pytest.mark.reconciliation_differs
def test_the_account_shows_its_reconciliation_with_metas_totals(api, seller, sim):
    account_id = connect(api, seller).json()["id"]
    sync_account_stats(stats_message(uuid.UUID(account_id), day(2), day(0)))
    listed = api.get("/api/ad-accounts", headers=seller.headers).json()["data"][0]["reconciliation"]
    assert (listed["days_checked"], listed["days_differing"], listed["largest_difference"]) == (3, 0, None)
    assert listed["last_checked_at"] is not None
    sim.inject_discrepancy("act_1001", day(1), spend=Decimal("0.01"))
    sim.inject_discrepancy("act_1001", day(0), impressions=300)  # 300 + 90 ours: the largest share
    sync_account_stats(stats_message(uuid.UUID(account_id), day(2), day(0)))
    one = api.get(f"/api/ad-accounts/{account_id}", headers=seller.headers).json()["reconciliation"]
    assert (one["days_checked"], one["days_differing"]) == (3, 2)
    assert one["largest_difference"] == {
        "date": day(0).isoformat(),
        "metric": "impressions",
        "meta": "690",
        "ours": "390",
        "difference": "300",
    }
