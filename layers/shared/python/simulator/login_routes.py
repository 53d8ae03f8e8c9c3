"""HTTP side of the simulator's Facebook Login: the dialog (a 302 back to the app, or an HTML
400 that never redirects) and `/__control/login/...`, the knobs tests and `make dev` turn."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from urllib.parse import parse_qs

import httpx
from fastapi import APIRouter, HTTPException, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from pydantic import BaseModel, ConfigDict

from simulator.consent_page import chosen_knobs, consent_page
from simulator.login_spec import DialogKnobs
from simulator.login_state import LoginRegistry
from simulator.oauth import DialogResult, dialog, dialog_request
from simulator.signed_request import sign_request
from simulator.state import SimulatorState


class InvalidateBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    token: str | None = None
    user_id: str | None = None
    subcode: int | None = None


class CallbackBody(BaseModel):
    """Revoke the user's tokens (app removed) and build the signed_request Meta would POST;
    with `callback_url` the simulator POSTs it there as a form and reports the answer."""

    model_config = ConfigDict(extra="forbid")
    user_id: str
    app_id: str | None = None
    callback_url: str | None = None
    tamper: bool = False


class SystemUserBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    app_id: str | None = None
    assets: list[str]
    scopes: list[str] = ["ads_read", "ads_management"]
    expires_in_60_days: bool = False


def _registry(state: SimulatorState) -> LoginRegistry:
    if state.login is None:
        raise HTTPException(404, "this scenario has no `login` section")
    return state.login


def login_router(state: SimulatorState) -> APIRouter:
    router = APIRouter()

    @router.get("/{version}/dialog/oauth", include_in_schema=False)
    def oauth_dialog(version: str, request: Request) -> Response:
        params = dict(request.query_params)
        with state.lock:
            registry = _registry(state)
            asked = dialog_request(registry, params)
            if registry.dialog.interactive and not isinstance(asked, DialogResult):
                app, _, scopes, _ = asked
                user = registry.users.get(registry.dialog.user_id or next(iter(registry.users), ""))
                name = user.name if user else "Sim User"
                return HTMLResponse(consent_page(app, name, scopes, params, request.url.path))
            result = dialog(registry, params)
        return _answer(result)

    @router.post("/{version}/dialog/oauth", include_in_schema=False)
    async def oauth_consent(version: str, request: Request) -> Response:
        form = parse_qs((await request.body()).decode("utf-8", "replace"))
        params = {k: v[0] for k, v in form.items() if k not in ("grant", "choice")}
        with state.lock:
            registry = _registry(state)
            asked = dialog_request(registry, params)
            if isinstance(asked, DialogResult):
                return _answer(asked)
            knobs = chosen_knobs(
                registry.dialog, asked[2], form.get("choice", ["deny"])[0], form.get("grant", [])
            )
            result = dialog(registry, params, knobs)
        # 303: the browser follows a POST's redirect with a GET, as after Meta's own form.
        return _answer(result, redirect_status=303)

    @router.put("/__control/login/dialog")
    def set_dialog(knobs: DialogKnobs) -> dict[str, Any]:
        with state.lock:
            _registry(state).dialog = knobs
        return knobs.model_dump()

    @router.post("/__control/login/invalidate")
    def invalidate(body: InvalidateBody) -> dict[str, int]:
        with state.lock:
            return {"invalidated": _registry(state).invalidate(body.token, body.user_id, body.subcode)}

    @router.post("/__control/login/system-user-token")
    def system_user_token(body: SystemUserBody) -> dict[str, str]:
        with state.lock:
            registry = _registry(state)
            app_id = body.app_id or next(iter(registry.apps))
            consent = registry.consent(app_id, "sim-system-user")
            consent.granted |= set(body.scopes)
            token = registry.mint(
                app_id, "sim-system-user", long_lived=True, token_type="SYSTEM_USER", assets=body.assets
            )
            if body.expires_in_60_days:
                token.expires_at = token.issued_at + timedelta(seconds=registry.spec.long_lived_seconds)
        return {"access_token": token.value}

    @router.post("/__control/login/remove-app")
    def remove_app(body: CallbackBody) -> dict[str, Any]:
        return remove_app_and_notify(state, body)

    @router.post("/__control/login/deletion-request")
    def deletion_request(body: CallbackBody) -> dict[str, Any]:
        return signed_callback(state, body, revoke=False)

    return router


def _answer(result: DialogResult, redirect_status: int = 302) -> Response:
    if result.location is None:
        return HTMLResponse(result.html or "", status_code=result.status)
    return RedirectResponse(result.location, status_code=redirect_status)


def remove_app_and_notify(state: SimulatorState, body: CallbackBody) -> dict[str, Any]:
    return signed_callback(state, body, revoke=True)


def signed_callback(state: SimulatorState, body: CallbackBody, *, revoke: bool) -> dict[str, Any]:
    """Revoke (for "user removes app") and build the signed_request; POST it if asked."""
    with state.lock:
        registry = _registry(state)
        app = registry.apps[body.app_id or next(iter(registry.apps))]
        revoked = registry.revoke_user(app.id, body.user_id) if revoke else 0
        now = int(registry.now().timestamp())
    payload = {"algorithm": "HMAC-SHA256", "issued_at": now, "expires": now + 3600, "user_id": body.user_id}
    signed = sign_request(payload, "x" * len(app.secret) if body.tamper else app.secret)
    out: dict[str, Any] = {"signed_request": signed, "revoked": revoked}
    if body.callback_url:
        answer = httpx.post(body.callback_url, data={"signed_request": signed}, timeout=10)
        out["callback_status"] = answer.status_code
        out["callback_body"] = answer.text
    return out
