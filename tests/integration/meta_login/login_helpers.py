"""Helpers for the Facebook Login tests: a scenario with our app and two Facebook users, and the
browser's part of the dialog (follow Meta's redirect, read what it appends)."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx

from simulator.login_spec import AppSpec, DialogKnobs, LoginSpec, MetaUserSpec
from simulator.scenario import Scenario

APP_ID, APP_SECRET = "1384", "sim-app-secret-0123456789"
REDIRECT_URI = "http://localhost:3000/meta/callback"
ALL_TASKS = ["MANAGE", "ADVERTISE", "ANALYZE"]


def login_spec(*, require_proof: bool = False, long_lived_seconds: int = 60 * 86400) -> LoginSpec:
    return LoginSpec(
        apps=[
            AppSpec(
                id=APP_ID, secret=APP_SECRET, redirect_uris=[REDIRECT_URI], require_app_secret=require_proof
            )
        ],
        users=[
            MetaUserSpec(
                id="10001",
                name="Alice",
                ad_accounts={"act_1001": ALL_TASKS, "act_1002": ["ANALYZE"], "act_1003": ["DRAFT"]},
            ),
            MetaUserSpec(id="10002", name="Bob", ad_accounts={"act_1001": ALL_TASKS}),
        ],
        long_lived_seconds=long_lived_seconds,
    )


def with_login(scenario: Scenario, spec: LoginSpec) -> Scenario:
    scenario.login = spec
    return scenario


def open_dialog(authorize_url: str) -> dict[str, str]:
    """What the browser does: open Meta's dialog, get redirected back; returns the query Meta sent."""
    answer = httpx.get(authorize_url, follow_redirects=False)
    assert answer.status_code == 302, answer.text
    location = answer.headers["location"]
    assert location.startswith(REDIRECT_URI)
    return dict(parse_qsl(urlsplit(location).query))


def set_dialog(sim: Any, **knobs: Any) -> None:
    """Tell the simulated Meta what the next person at the consent screen does (over HTTP)."""
    answer = httpx.put(f"{sim.base_url}/__control/login/dialog", json=DialogKnobs(**knobs).model_dump())
    assert answer.status_code == 200, answer.text


def start(api: Any, seller: Any) -> str:
    response = api.post("/api/meta/connect", headers=seller.headers)
    assert response.status_code == 200, response.text
    return str(response.json()["authorize_url"])


def callback(api: Any, seller: Any, sent: dict[str, str]) -> Any:
    return api.post("/api/meta/callback", json=sent, headers=seller.headers)


def login(api: Any, seller: Any, sim: Any, **knobs: Any) -> dict[str, Any]:
    """connect -> dialog -> callback; the callback's JSON."""
    set_dialog(sim, **knobs)
    response = callback(api, seller, open_dialog(start(api, seller)))
    assert response.status_code == 200, response.text
    return dict(response.json())


def by_account(connection: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {a["meta_account_id"]: a for a in connection["ad_accounts"]}
