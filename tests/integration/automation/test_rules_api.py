"""The rules API: CRUD, enable/disable, validation and tenant sealing."""

from __future__ import annotations

from typing import Any

from automation_helpers import usd

RULE = {
    "name": "Pause losers",
    "level": "ad",
    "window": "today",
    "conditions": [{"metric": "cost_per_purchase", "op": "gt", "value": usd("40")}],
    "min_spend": usd("20"),
    "action": {"type": "pause"},
}


def _create(api: Any, headers: dict[str, str], body: dict[str, Any] = RULE) -> dict[str, Any]:
    response = api.post("/api/rules", json=body, headers=headers)
    assert response.status_code == 201, response.text
    return dict(response.json())


def test_a_rule_is_created_read_changed_disabled_and_deleted(api, make_seller):
    seller = make_seller()
    rule = _create(api, seller.headers)
    assert (rule["enabled"], rule["cooldown_minutes"], rule["min_spend"]) == (True, 1440, usd("20.00"))

    changed = api.patch(
        f"/api/rules/{rule['id']}", json={"min_spend": usd("35"), "window": "last_3d"}, headers=seller.headers
    )
    disabled = api.post(f"/api/rules/{rule['id']}/disable", headers=seller.headers)
    listed = api.get("/api/rules", headers=seller.headers).json()["data"]
    deleted = api.delete(f"/api/rules/{rule['id']}", headers=seller.headers)

    assert (changed.json()["min_spend"], changed.json()["window"]) == (usd("35.00"), "last_3d")
    assert disabled.json()["enabled"] is False
    assert [r["id"] for r in listed] == [rule["id"]]
    assert deleted.status_code == 204
    assert api.get(f"/api/rules/{rule['id']}", headers=seller.headers).status_code == 404


def test_a_budget_change_over_20_percent_is_refused_naming_the_field(api, make_seller):
    seller = make_seller()
    body = {**RULE, "level": "adset", "action": {"type": "change_budget", "percent": "50"}}
    response = api.post("/api/rules", json=body, headers=seller.headers)
    assert response.status_code == 422
    assert response.json()["error"]["field"].startswith("action")


def test_a_patch_that_breaks_the_rule_is_refused_and_changes_nothing(api, make_seller):
    seller = make_seller()
    rule = _create(api, seller.headers)
    response = api.patch(
        f"/api/rules/{rule['id']}",
        json={"action": {"type": "change_budget", "percent": "10"}},
        headers=seller.headers,
    )
    assert response.status_code == 422
    assert api.get(f"/api/rules/{rule['id']}", headers=seller.headers).json()["action"] == {
        "type": "pause",
        "percent": None,
    }


def test_another_sellers_rule_is_not_found_everywhere(api, make_seller):
    owner, other = make_seller(), make_seller()
    rule_id = _create(api, owner.headers)["id"]
    for method, path in (
        ("get", f"/api/rules/{rule_id}"),
        ("patch", f"/api/rules/{rule_id}"),
        ("delete", f"/api/rules/{rule_id}"),
        ("post", f"/api/rules/{rule_id}/enable"),
        ("post", f"/api/rules/{rule_id}/preview"),
        ("get", f"/api/rules/{rule_id}/runs"),
    ):
        kwargs: dict[str, Any] = {"json": {"name": "x"}} if method == "patch" else {}
        assert getattr(api, method)(path, headers=other.headers, **kwargs).status_code == 404, path
    assert api.get(f"/api/rules/{rule_id}", headers=owner.headers).status_code == 200
