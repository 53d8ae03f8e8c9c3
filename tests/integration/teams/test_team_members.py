"""A seller's team over HTTP: invitations, roles doing what they allow, removal and demotion holding
at the next request, the last owner, ownership transfer, joining by signing in."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from team_helpers import PASSWORD

from pixecom.api.deps import get_now
from pixecom.clock import utc_now


def _bearer(body: dict[str, Any]) -> dict[str, str]:
    return {"Authorization": f"Bearer {body['access_token']}"}


def _invite(api: Any, by: dict[str, Any], email: str, role: str, **extra: Any) -> dict[str, Any]:
    response = api.post(
        "/api/team/invitations", json={"email": email, "role": role, **extra}, headers=by["headers"]
    )
    assert response.status_code == 201, response.text
    return response.json()


def _join(api: Any, code: str, email: str) -> dict[str, Any]:
    response = api.post(
        "/api/auth/register", json={"email": email, "password": PASSWORD, "invitation_code": code}
    )
    assert response.status_code == 201, response.text
    body = response.json()
    return {**body, "headers": _bearer(body)}


def _login(api: Any, email: str) -> Any:
    return api.post("/api/auth/login", json={"email": email, "password": PASSWORD})


def _rule() -> dict[str, Any]:
    return {
        "name": "Pause losers",
        "level": "ad",
        "window": "last_3d",
        "conditions": [{"metric": "cpc", "op": "gt", "value": {"amount": "2", "currency": "USD"}}],
        "min_spend": {"amount": "10", "currency": "USD"},
        "action": {"type": "pause"},
    }


def test_an_analyst_and_a_media_buyer_each_do_what_their_role_allows(api, owner):
    analyst_invitation = _invite(api, owner, "ana@agency.example", "analyst")
    buyer_invitation = _invite(api, owner, "bo@agency.example", "media_buyer")
    assert analyst_invitation["accept_path"] == f"/register?invitation={analyst_invitation['code']}"
    pending = api.get("/api/team/invitations", headers=owner["headers"]).json()["data"]
    assert sorted((p["email"], p["role"]) for p in pending) == [
        ("ana@agency.example", "analyst"),
        ("bo@agency.example", "media_buyer"),
    ]

    analyst = _join(api, analyst_invitation["code"], "ana@agency.example")
    buyer = _join(api, buyer_invitation["code"], "bo@agency.example")

    assert (analyst["seller"]["id"], analyst["user"]["role"]) == (owner["seller"]["id"], "analyst")
    assert (buyer["seller"]["id"], buyer["user"]["role"]) == (owner["seller"]["id"], "media_buyer")
    assert api.get("/api/team/invitations", headers=owner["headers"]).json()["data"] == []
    members = api.get("/api/team/members", headers=analyst["headers"]).json()["data"]
    assert [(m["email"], m["role"]) for m in members] == [
        ("owner@shop.example", "owner"),
        ("ana@agency.example", "analyst"),
        ("bo@agency.example", "media_buyer"),
    ]
    # The analyst reads, CSV included, and changes nothing.
    assert api.get("/api/ads-manager/campaigns", headers=analyst["headers"]).status_code == 200
    assert api.get("/api/ads-manager/campaigns/export.csv", headers=analyst["headers"]).status_code == 200
    refused = api.post("/api/rules", json=_rule(), headers=analyst["headers"])
    assert (refused.status_code, refused.json()["error"]["code"]) == (403, "forbidden")
    # The media buyer makes rules but touches no webhook and no member.
    assert api.post("/api/rules", json=_rule(), headers=buyer["headers"]).status_code == 201
    latest = api.get("/api/audit?limit=1", headers=owner["headers"]).json()["data"][0]
    assert (latest["action"], latest["user_email"], latest["entity_name"]) == (
        "rule_created",
        "bo@agency.example",
        "Pause losers",
    )
    webhook = {"url": "https://hooks.example.com/x", "secret": "s" * 20}
    assert api.put("/api/alerts/webhook", json=webhook, headers=buyer["headers"]).status_code == 403
    assert api.post("/api/team/invitations", json={"email": "x@y.example", "role": "analyst"},
                    headers=buyer["headers"]).status_code == 403  # fmt: skip
    me = api.get("/api/auth/me", headers=buyer["headers"]).json()
    assert me["user"]["role"] == "media_buyer"
    assert me["permissions"] == ["read", "ads.write", "rules.write", "alerts.write", "team.read"]
    assert me["ad_account_ids"] is None


def test_an_invitation_is_single_use_bound_to_its_email_and_expires(api, owner):
    made = _invite(api, owner, "ana@agency.example", "analyst")
    other_email = api.post(
        "/api/auth/register",
        json={"email": "mallory@evil.example", "password": PASSWORD, "invitation_code": made["code"]},
    )
    assert other_email.json()["error"]["code"] == "invitation_invalid"
    _join(api, made["code"], "ana@agency.example")
    again = api.post(
        "/api/auth/register",
        json={"email": "ana@agency.example", "password": PASSWORD, "invitation_code": made["code"]},
    )
    assert (again.status_code, again.json()["error"]["code"]) == (403, "invitation_used")

    late = _invite(api, owner, "late@agency.example", "analyst")
    api.app.dependency_overrides[get_now] = lambda: utc_now() + timedelta(days=8)
    expired = api.post(
        "/api/auth/register",
        json={"email": "late@agency.example", "password": PASSWORD, "invitation_code": late["code"]},
    )
    api.app.dependency_overrides.pop(get_now)
    assert (expired.status_code, expired.json()["error"]["code"]) == (403, "invitation_expired")


def test_a_removed_member_is_refused_at_the_next_request_and_cannot_renew(api, owner):
    buyer = _join(api, _invite(api, owner, "bo@agency.example", "media_buyer")["code"], "bo@agency.example")
    assert api.get("/api/auth/me", headers=buyer["headers"]).status_code == 200

    removed = api.delete(f"/api/team/members/{buyer['user']['id']}", headers=owner["headers"])

    assert removed.status_code == 204
    next_request = api.get("/api/ads-manager/campaigns", headers=buyer["headers"])
    assert (next_request.status_code, next_request.json()["error"]["code"]) == (401, "invalid_token")
    renewed = api.post("/api/auth/refresh", json={"refresh_token": buyer["refresh_token"]})
    assert (renewed.status_code, renewed.json()["error"]["code"]) == (401, "invalid_refresh_token")
    assert _login(api, "bo@agency.example").status_code == 401
    members = api.get("/api/team/members", headers=owner["headers"]).json()["data"]
    assert [m["email"] for m in members] == ["owner@shop.example"]
    audit = api.get("/api/audit", headers=owner["headers"]).json()["data"]
    assert [(e["action"], e["user_email"], e["entity_name"]) for e in audit[:1]] == [
        ("member_removed", "owner@shop.example", "bo@agency.example")
    ]


def test_a_demoted_member_signs_in_again_with_the_lower_role(api, owner):
    buyer = _join(api, _invite(api, owner, "bo@agency.example", "media_buyer")["code"], "bo@agency.example")

    changed = api.patch(
        f"/api/team/members/{buyer['user']['id']}", json={"role": "analyst"}, headers=owner["headers"]
    )

    assert changed.json()["role"] == "analyst"
    assert api.get("/api/auth/me", headers=buyer["headers"]).status_code == 401
    assert api.post("/api/auth/refresh", json={"refresh_token": buyer["refresh_token"]}).status_code == 401
    again = _bearer(_login(api, "bo@agency.example").json())
    assert api.get("/api/auth/me", headers=again).json()["user"]["role"] == "analyst"
    assert api.post("/api/rules", json=_rule(), headers=again).status_code == 403


def test_a_promotion_holds_at_once_without_ending_the_session(api, owner):
    analyst = _join(api, _invite(api, owner, "ana@agency.example", "analyst")["code"], "ana@agency.example")

    api.patch(
        f"/api/team/members/{analyst['user']['id']}", json={"role": "media_buyer"}, headers=owner["headers"]
    )

    assert api.post("/api/rules", json=_rule(), headers=analyst["headers"]).status_code == 201


def test_the_last_owner_can_neither_leave_nor_be_demoted_until_ownership_is_transferred(api, owner):
    admin = _join(api, _invite(api, owner, "ad@shop.example", "admin")["code"], "ad@shop.example")
    owner_id = owner["user"]["id"]

    leave = api.post("/api/team/leave", headers=owner["headers"])
    demote = api.patch(f"/api/team/members/{owner_id}", json={"role": "admin"}, headers=owner["headers"])
    by_admin = api.delete(f"/api/team/members/{owner_id}", headers=admin["headers"])

    assert (leave.status_code, leave.json()["error"]["code"]) == (409, "last_owner")
    assert (demote.status_code, demote.json()["error"]["code"]) == (409, "last_owner")
    assert (by_admin.status_code, by_admin.json()["error"]["code"]) == (403, "forbidden")

    moved = api.post(
        "/api/team/transfer-ownership", json={"user_id": admin["user"]["id"]}, headers=owner["headers"]
    )

    assert moved.status_code == 204
    assert api.get("/api/auth/me", headers=admin["headers"]).json()["user"]["role"] == "owner"
    assert api.get("/api/auth/me", headers=owner["headers"]).status_code == 401  # demoted: sign in again
    former = _bearer(_login(api, "owner@shop.example").json())
    assert api.get("/api/auth/me", headers=former).json()["user"]["role"] == "admin"
    assert api.post("/api/team/leave", headers=former).status_code == 204


def test_an_admin_manages_members_but_never_owners(api, owner):
    admin = _join(api, _invite(api, owner, "ad@shop.example", "admin")["code"], "ad@shop.example")

    owner_invite = api.post(
        "/api/team/invitations", json={"email": "o2@shop.example", "role": "owner"}, headers=admin["headers"]
    )
    analyst_invite = api.post(
        "/api/team/invitations", json={"email": "a@shop.example", "role": "analyst"}, headers=admin["headers"]
    )

    assert (owner_invite.status_code, owner_invite.json()["error"]["code"]) == (403, "forbidden")
    assert analyst_invite.status_code == 201


def test_a_removed_member_joins_another_team_by_signing_in(api, owner):
    buyer = _join(api, _invite(api, owner, "bo@agency.example", "media_buyer")["code"], "bo@agency.example")
    other = api.post(
        "/api/auth/register",
        json={"email": "boss@other.example", "password": PASSWORD, "seller_name": "Other"},
    ).json()
    other_owner = {**other, "headers": _bearer(other)}
    code = _invite(api, other_owner, "bo@agency.example", "analyst")["code"]
    body = {"invitation_code": code, "email": "bo@agency.example", "password": PASSWORD}

    still_in_a_team = api.post("/api/auth/accept-invitation", json=body)
    api.delete(f"/api/team/members/{buyer['user']['id']}", headers=owner["headers"])
    wrong_password = api.post("/api/auth/accept-invitation", json={**body, "password": "not the password"})
    joined = api.post("/api/auth/accept-invitation", json=body)

    assert (still_in_a_team.status_code, still_in_a_team.json()["error"]["code"]) == (409, "already_member")
    assert wrong_password.status_code == 401
    assert joined.status_code == 200, joined.text
    me = api.get("/api/auth/me", headers=_bearer(joined.json())).json()
    assert (me["seller"]["id"], me["user"]["role"]) == (other["seller"]["id"], "analyst")
    assert api.get("/api/auth/me", headers=buyer["headers"]).status_code == 401  # the old team's token


def test_narrowing_applies_only_to_roles_that_can_be_limited(api, owner, session):
    admin = _join(api, _invite(api, owner, "ad@shop.example", "admin")["code"], "ad@shop.example")
    limited_admin = api.patch(
        f"/api/team/members/{admin['user']['id']}", json={"ad_account_ids": []}, headers=owner["headers"]
    )
    assert (limited_admin.status_code, limited_admin.json()["error"]["field"]) == (422, "ad_account_ids")


def test_team_changes_and_other_writes_are_audited_at_the_requests_instant(api, owner):
    instant = utc_now().replace(microsecond=0) - timedelta(hours=3)
    api.app.dependency_overrides[get_now] = lambda: instant
    _invite(api, owner, "ana@agency.example", "analyst")
    created = api.post(
        "/api/sellpages", json={"name": "Mug", "url": "https://shop.example/mug"}, headers=owner["headers"]
    )
    assert created.status_code == 201, created.text

    entries = api.get("/api/audit", headers=owner["headers"]).json()["data"]

    assert {(e["action"], e["at"]) for e in entries} == {
        ("member_invited", instant.isoformat().replace("+00:00", "Z")),
        ("sellpage_created", instant.isoformat().replace("+00:00", "Z")),
    }
