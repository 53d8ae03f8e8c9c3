"""Every operation of openapi/openapi.json, called by every role (and by a member limited to one ad
account), answers as the permission table says: 403 `forbidden` and nothing changed when the
role lacks the route's permission (or the route is about the whole seller and the member is
limited to some ad accounts), anything but that otherwise. Public routes take no member's token
(the store's order events authenticate with a store API key): they are not walked.

A route that declares no permission (no `x-permission`: see pixecom.api.permits) fails the first
test by name, so a new route cannot slip in unclassified.
"""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from pixecom.domain.enums import UserRole
from pixecom.domain.permissions import Permission, may

DOCUMENT = json.loads((Path(__file__).resolve().parents[3] / "openapi/openapi.json").read_text())
MARKS = {p.value for p in Permission} | {"public", "signed_in"}
# Tables a forbidden request must leave exactly as they were.
WATCHED = (
    "users",
    "member_ad_accounts",
    "invitations",
    "refresh_tokens",
    "ad_accounts",
    "sellpages",
    "campaigns",
    "rules",
    "alerts",
    "alert_settings",
    "webhooks",
    "jobs",
    "audit_log",
    "sellers",
    "store_api_keys",
)
# Runs last for each role: it takes the caller out of the team.
LAST = ("post", "/api/team/leave")


def _operations() -> list[tuple[str, str, dict[str, Any]]]:
    found = [
        (method, path, operation)
        for path, item in DOCUMENT["paths"].items()
        for method, operation in item.items()
        if method in {"get", "post", "put", "patch", "delete"}
    ]
    return sorted(found, key=lambda op: (op[:2] == LAST, op[1], op[0]))


def test_every_operation_declares_one_known_permission():
    unclassified = [f"{m.upper()} {p}" for m, p, op in _operations() if op.get("x-permission") not in MARKS]
    assert unclassified == [], (
        "these routes declare no permission: add dependencies=[requires(Permission.X)], [SIGNED_IN] or "
        f"[PUBLIC] (pixecom.api.permits), then `make openapi`: {unclassified}"
    )


def _bearer(operation: dict[str, Any]) -> bool:
    return any("HTTPBearer" in scheme for scheme in operation.get("security") or ())


def test_public_operations_need_no_bearer_token_and_the_others_do():
    """`public` means no member's token: the store's order events carry a store API key instead."""
    public = [(m, p, op) for m, p, op in _operations() if op.get("x-permission") == "public"]
    wrong = [f"{m.upper()} {p}" for m, p, op in _operations() if ((m, p, op) in public) == _bearer(op)]
    assert wrong == []
    keyed = sorted(p for _, p, op in public if op.get("security"))
    assert keyed == ["/api/store/orders", "/api/store/orders/batch"]


_SNAPSHOT = text(
    "SELECT "
    + ", ".join(
        f"(SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM {table} t)"
        for table in WATCHED
    )
)


def _snapshot() -> tuple[str, ...]:
    """A digest of every watched table, in one statement."""
    from pixecom.db.engine import session_scope

    with session_scope() as s:
        return tuple(s.execute(_SNAPSHOT).one())


def _url(path: str) -> str:
    return re.sub(r"\{[^}]+\}", str(uuid.uuid4()), path)


def _call(api: Any, method: str, path: str, operation: dict[str, Any], headers: dict[str, str]) -> Any:
    body = {"json": {}} if "requestBody" in operation else {}
    return api.request(method.upper(), _url(path), headers=headers, **body)


@pytest.fixture
def team(make_seller: Any, make_member: Any, session: Any) -> dict[str, Any]:
    from pixecom.db.models import AdAccount

    owner = make_seller("Team")
    account = AdAccount(
        seller_id=owner.seller_id,
        meta_account_id="act_7001",
        name="Shop",
        currency="USD",
        timezone_name="UTC",
        access_token_encrypted=b"x",
    )
    session.add(account)
    session.commit()
    members: dict[str, Any] = {"owner": (UserRole.OWNER, owner, False)}
    for role in (UserRole.ADMIN, UserRole.MEDIA_BUYER, UserRole.ANALYST):
        members[role.value] = (role, make_member(owner.seller_id, role.value), False)
    members["limited media_buyer"] = (
        UserRole.MEDIA_BUYER,
        make_member(owner.seller_id, "media_buyer", ad_account_ids=[account.id]),
        True,
    )
    return members


def test_every_route_answers_every_role_as_the_permission_table_says(api, team):
    wrong: list[str] = []
    for name, (role, login, limited) in team.items():
        for method, path, operation in _operations():
            mark = operation["x-permission"]
            if mark == "public":
                continue
            allowed = mark == "signed_in" or may(role, Permission(mark))
            allowed = allowed and not (limited and operation.get("x-seller-wide"))
            before = None if allowed else _snapshot()
            response = _call(api, method, path, operation, login.headers)
            refused = response.status_code == 403 and response.json()["error"]["code"] == "forbidden"
            if allowed == refused:
                wrong.append(
                    f"{name}: {method.upper()} {path} -> {response.status_code} {response.text[:120]}"
                )
            if before is not None and _snapshot() != before:
                wrong.append(f"{name}: {method.upper()} {path} was refused but changed something")
    assert wrong == []


def test_the_roles_table_of_the_api_is_the_permission_table(api, team):
    _, analyst, _ = team["analyst"]
    table = api.get("/api/team/roles", headers=analyst.headers).json()["data"]
    assert {row["role"]: row["permissions"] for row in table} == {
        "owner": [p.value for p in Permission],
        "admin": ["read", "ads.write", "rules.write", "alerts.write", "webhooks.manage", "accounts.manage",
                  "settings.manage", "store_keys.manage", "team.read", "members.manage"],
        "media_buyer": ["read", "ads.write", "rules.write", "alerts.write", "team.read"],
        "analyst": ["read", "team.read"],
    }  # fmt: skip
