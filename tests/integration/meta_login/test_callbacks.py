"""Meta's deauthorize and data-deletion callbacks: signed_request checked in constant time,
accounts disconnected or deleted, idempotent, audited, with a public status page."""

import time

import httpx
from login_helpers import APP_SECRET, login

from simulator.signed_request import sign_request


def connected(api, seller, meta):
    connection = login(api, seller, meta)
    response = api.post(
        f"/api/meta/connections/{connection['connection_id']}/accounts",
        json={"ad_account_ids": ["act_1001", "act_1002"], "backfill_days": 1},
        headers=seller.headers,
    )
    assert len(response.json()["connected"]) == 2
    return connection


def removal(meta, path="remove-app", **extra):
    """The simulator revokes the user's tokens (for remove-app) and builds Meta's signed_request."""
    answer = httpx.post(f"{meta.base_url}/__control/login/{path}", json={"user_id": "10001", **extra})
    return answer.json()["signed_request"]


def test_deauthorize_disconnects_the_users_accounts_erases_tokens_and_is_idempotent(api, seller, meta, db):
    connected(api, seller, meta)
    signed = removal(meta)
    for _ in range(2):
        response = api.post("/api/meta/deauthorize", data={"signed_request": signed})
        assert response.status_code == 200 and response.json() == {"ok": True}
    rows = db.rows("SELECT connection_status, reauth_reason, length(access_token_encrypted) FROM ad_accounts")
    assert sorted(tuple(r) for r in rows) == [("DISABLED", "app_removed", 0)] * 2
    assert db.scalar("SELECT count(*) FROM meta_grants WHERE access_token_encrypted IS NULL") == 1
    assert db.scalar("SELECT count(*) FROM meta_data_deletions") == 1
    assert db.scalar("SELECT count(*) FROM audit_log WHERE action = 'meta_deauthorize'") == 1
    health = api.get("/api/meta/token-health", headers=seller.headers).json()["data"]
    assert {(h["token"]["state"], h["token"]["reason"]) for h in health} == {
        ("needs_reconnect", "app_removed")
    }


def test_a_tampered_or_malformed_signed_request_is_a_400_without_detail(api, seller, meta, db):
    connected(api, seller, meta)
    tampered = removal(meta, tamper=True)
    for value in (tampered, "garbage", "", tampered.split(".")[0] + ".e30"):
        response = api.post("/api/meta/deauthorize", data={"signed_request": value})
        assert response.status_code == 400
        assert response.json()["error"] == {
            "code": "invalid_signed_request",
            "message": "Invalid signed_request",
        }
    other_algorithm = sign_request(
        {"algorithm": "HMAC-SHA1", "issued_at": int(time.time()), "user_id": "10001"}, APP_SECRET
    )
    assert api.post("/api/meta/data-deletion", data={"signed_request": other_algorithm}).status_code == 400
    assert db.scalar("SELECT count(*) FROM ad_accounts WHERE connection_status = 'ACTIVE'") == 2


def test_data_deletion_deletes_what_we_hold_answers_a_status_url_and_is_idempotent(api, seller, meta, db):
    connected(api, seller, meta)
    signed = removal(meta, path="deletion-request")
    first = api.post("/api/meta/data-deletion", data={"signed_request": signed})
    assert first.status_code == 200, first.text
    body = first.json()
    assert body["confirmation_code"].isalnum() and body["url"].endswith(
        f"/api/meta/data-deletion/{body['confirmation_code']}"
    )
    assert api.post("/api/meta/data-deletion", data={"signed_request": signed}).json() == body
    assert db.scalar("SELECT count(*) FROM ad_accounts") == 0
    assert (
        db.scalar("SELECT count(*) FROM campaigns") == 0
        and db.scalar("SELECT count(*) FROM meta_grants") == 0
    )
    assert db.scalar("SELECT count(*) FROM audit_log WHERE action = 'meta_data_deletion'") == 1
    status = api.get(f"/api/meta/data-deletion/{body['confirmation_code']}")
    assert status.status_code == 200
    page = status.json()
    assert (page["kind"], page["status"], page["accounts_affected"]) == ("data_deletion", "completed", 2)
    assert page["completed_at"] is not None and "2 ad account" in page["detail"]
    assert api.get("/api/meta/data-deletion/nope").status_code == 404


def test_the_deletion_status_page_takes_both_its_times_from_the_one_clock(api, seller, meta):
    """Received and completed in one request: one instant, never completed before received."""
    connected(api, seller, meta)
    answer = api.post(
        "/api/meta/data-deletion", data={"signed_request": removal(meta, path="deletion-request")}
    )
    page = api.get(f"/api/meta/data-deletion/{answer.json()['confirmation_code']}").json()
    assert page["received_at"] == page["completed_at"]
