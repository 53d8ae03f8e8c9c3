"""Strict input on every list, export and write route: an unknown query parameter or body field is
a 422 naming it, and validation messages are in our words (no pydantic phrasing, no patterns)."""

from __future__ import annotations

import re
from typing import Any

import pytest

PYDANTIC_WORDS = re.compile(r"Value error|should have at least|Input should|String should match|\^|\$")


@pytest.fixture
def seller(make_seller: Any) -> Any:
    return make_seller()


@pytest.mark.parametrize(
    "path",
    [
        "/api/ads-manager/campaigns?stauts=PAUSED",
        "/api/ads-manager/adsets?date_preset=today&sortt=-spend",
        "/api/ads-manager/ads/export.csv?date_preset=today&colums=spend",
        "/api/jobs?limt=5",
        "/api/audit?job=1",
        "/api/rules?enabled=true",
        "/api/alerts?limit=5&stat=open",
    ],
)
def test_an_unknown_query_parameter_is_a_422_naming_it(api: Any, seller: Any, path: str) -> None:
    unknown = path.split("?")[1].split("&")[-1].split("=")[0]

    response = api.get(path, headers=seller.headers)

    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["field"] == unknown
    assert error["message"].startswith(f"{unknown}: unknown query parameter; this request takes ")


def test_the_message_lists_what_the_route_takes(api: Any, seller: Any) -> None:
    response = api.get("/api/jobs?limt=5", headers=seller.headers)

    assert response.json()["error"]["message"] == (
        "limt: unknown query parameter; this request takes cursor, limit"
    )


def test_an_unknown_body_field_is_a_422_naming_it(api: Any, seller: Any) -> None:
    body = {"level": "ad", "ids": ["00000000-0000-0000-0000-000000000001"], "status": "PAUSED", "stauts": "x"}

    response = api.post("/api/ads-manager/status", json=body, headers=seller.headers)

    assert response.status_code == 422
    assert response.json()["error"]["message"] == "stauts: is not a field of this request"


@pytest.mark.parametrize(
    ("body", "headers", "message"),
    [
        (
            {"level": "adset", "ids": [], "budget": {"type": "daily", "percent": "5"}},
            {},
            "ids: needs at least 1 item(s)",
        ),
        (
            {"level": "adset", "ids": ["00000000-0000-0000-0000-000000000001"], "budget": {"type": "daily"}},
            {},
            "budget: give either amount or percent",
        ),
        (
            {
                "level": "ad",
                "ids": ["00000000-0000-0000-0000-000000000001"],
                "budget": {"type": "daily", "percent": "5"},
            },
            {},
            "level: must be one of 'campaign' or 'adset'",
        ),
        (
            {"level": "adset", "ids": ["x"], "budget": {"type": "daily", "percent": "5"}},
            {},
            "ids.0: is not a valid id",
        ),
        (
            {
                "level": "adset",
                "ids": ["00000000-0000-0000-0000-000000000001"],
                "budget": {"type": "daily", "amount": {"amount": "5", "currency": "usd"}},
            },
            {},
            "budget.amount.currency: is not in the expected format",
        ),
        (
            {
                "level": "adset",
                "ids": ["00000000-0000-0000-0000-000000000001"],
                "budget": {"type": "daily", "percent": "5"},
            },
            {"Idempotency-Key": "has space"},
            "Idempotency-Key: is not in the expected format",
        ),
    ],
)
def test_validation_messages_are_in_our_words(
    api: Any, seller: Any, body: dict[str, Any], headers: dict[str, str], message: str
) -> None:
    response = api.post("/api/ads-manager/budgets", json=body, headers={**seller.headers, **headers})

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["message"] == message
    assert not PYDANTIC_WORDS.search(" ".join(d["message"] for d in error["details"]))


def test_a_rule_without_conditions_is_told_in_our_words(api: Any, seller: Any) -> None:
    rule = {"name": "r", "level": "ad", "window": "today", "conditions": [], "action": {"type": "pause"}}

    response = api.post("/api/rules", json=rule, headers=seller.headers)

    assert response.status_code == 422
    assert not PYDANTIC_WORDS.search(response.json()["error"]["message"])


def test_a_route_without_input_ignores_a_query_string(api: Any) -> None:
    assert api.get("/api/health?cache_buster=1").status_code == 200
