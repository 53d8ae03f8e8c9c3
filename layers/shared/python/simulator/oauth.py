"""Facebook Login endpoints: the dialog, `/oauth/access_token` (code, fb_exchange_token,
client_credentials), `/debug_token`, `/me`, `/me/permissions`, and `user_tasks` on
`/me/adaccounts`. Errors are Meta's, codes and wording."""

from __future__ import annotations

import hmac
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlencode

from pixecom.settings import DEFAULT_GRAPH_VERSION
from simulator.login_spec import AppSpec, DialogKnobs
from simulator.login_state import LoginRegistry, MintedToken, token_error
from simulator.wire import SimError

LOGIN_PATHS = (("oauth", "access_token"), ("debug_token",), ("me",), ("me", "permissions"))
DEFAULT_SCOPES = ["ads_read", "ads_management", "business_management"]


class DialogResult:
    """A redirect (302 to `location`) or an HTML error page that never redirects."""

    def __init__(self, location: str | None = None, html: str | None = None, status: int = 302) -> None:
        self.location, self.html, self.status = location, html, status


def _stamp(moment: datetime | None) -> int:
    return int(moment.timestamp()) if moment is not None else 0


def dialog(registry: LoginRegistry, params: dict[str, str], knobs: DialogKnobs | None = None) -> DialogResult:
    """GET /dialog/oauth: check the app and redirect URI, then do what the knobs say (`knobs`:
    what the person chose on the interactive consent page, instead of the registry's)."""
    request = dialog_request(registry, params)
    if isinstance(request, DialogResult):
        return request
    app, redirect_uri, scopes, config_id = request
    state = params.get("state", "")
    rerequest = params.get("auth_type") == "rerequest"
    decision = registry.decide(app, scopes, rerequest, config_id, knobs)
    if decision is None:
        query = {"error": "access_denied", "error_code": "200", "error_description": "Permissions error.",
                 "error_reason": "user_denied", "state": state}
    else:
        query = {"code": registry.issue_code(app.id, redirect_uri, decision[0]), "state": state}
    separator = "&" if "?" in redirect_uri else "?"
    return DialogResult(location=f"{redirect_uri}{separator}{urlencode(query)}")


def dialog_request(registry: LoginRegistry, params: dict[str, str]
                   ) -> tuple[AppSpec, str, list[str], str | None] | DialogResult:
    """(app, redirect URI, requested scopes, config id) of a dialog, or Meta's error page."""
    app = registry.apps.get(params.get("client_id", ""))
    redirect_uri = params.get("redirect_uri", "")
    if app is None:
        return DialogResult(html="<h1>Invalid App ID</h1>", status=400)
    if redirect_uri not in app.redirect_uris:
        return DialogResult(html="<h1>URL Blocked</h1><p>This redirect failed because the redirect URI is "
                            "not whitelisted in the app's Client OAuth Settings.</p>", status=400)
    config_id = params.get("config_id")
    if config_id is not None:
        configured = app.config_ids.get(config_id)
        if configured is None:
            return DialogResult(html="<h1>Invalid configuration</h1>", status=400)
        return app, redirect_uri, configured, config_id
    raw = params.get("scope", "")
    return app, redirect_uri, [s for s in raw.replace(",", " ").split() if s] or ["public_profile"], None


def handle_login(registry: LoginRegistry, method: str, segments: list[str], params: dict[str, str],
                 scenario_reach: dict[str, list[str]] | None) -> Any:
    """One of LOGIN_PATHS. `scenario_reach` serves a scenario (non-minted) token's `/me` calls."""
    if segments == ["oauth", "access_token"]:
        return _access_token(registry, params)
    if segments == ["debug_token"]:
        return _debug_token(registry, params, scenario_reach)
    token = _minted(registry, params)
    if token is None and scenario_reach is None:
        raise SimError(190, "Invalid OAuth access token - Cannot parse access token")
    if segments == ["me"]:
        if token is None:
            return {"id": "sim-system-user", "name": "Scenario token"}
        user = registry.users.get(token.user_id)
        return {"id": token.user_id, "name": user.name if user else token.user_id}
    if method == "DELETE":  # DELETE /me/permissions: the user revokes the app
        if token is not None:
            registry.revoke_user(token.app_id, token.user_id)
        return {"success": True}
    if token is None:
        return {"data": [{"permission": s, "status": "granted"} for s in ("ads_read", "ads_management")]}
    rows = [{"permission": s, "status": "granted"} for s in registry.scopes_of(token)]
    rows += [{"permission": s, "status": "declined"} for s in registry.declined_of(token)]
    wanted = params.get("status")
    return {"data": [r for r in rows if wanted is None or r["status"] == wanted]}


def _minted(registry: LoginRegistry, params: dict[str, str]) -> MintedToken | None:
    token = registry.tokens.get(params.get("access_token", ""))
    if token is not None:
        registry.check(token, params.get("appsecret_proof"), batch_item=False)
    return token


def _app_and_secret(registry: LoginRegistry, params: dict[str, str]) -> AppSpec:
    app = registry.apps.get(params.get("client_id", ""))
    if app is None:
        raise SimError(101, "Error validating application. Invalid application ID.")
    if not hmac.compare_digest(params.get("client_secret", ""), app.secret):
        raise SimError(1, "Error validating client secret.")
    return app


def _token_answer(registry: LoginRegistry, token: MintedToken) -> dict[str, Any]:
    body: dict[str, Any] = {"access_token": token.value, "token_type": "bearer"}
    if token.expires_at is not None and not registry.spec.omit_expires_in:
        body["expires_in"] = int((token.expires_at - registry.now()).total_seconds())
    return body


def _access_token(registry: LoginRegistry, params: dict[str, str]) -> dict[str, Any]:
    app = _app_and_secret(registry, params)
    grant_type = params.get("grant_type")
    if grant_type == "client_credentials":
        return {"access_token": f"{app.id}|{app.secret}", "token_type": "bearer"}
    if grant_type == "fb_exchange_token":
        old = registry.tokens.get(params.get("fb_exchange_token", ""))
        if old is None or old.app_id != app.id:
            raise SimError(190, "Invalid OAuth access token - Cannot parse access token")
        error = token_error(old, registry.now(), registry.spec, app.name)
        if error is not None:  # an expired token can't be exchanged
            raise error
        keep = old.expires_at if old.long_lived and not registry.spec.long_lived_exchange_extends else None
        new = registry.mint(app.id, old.user_id, long_lived=True, expires_at=keep, assets=old.assets)
        return _token_answer(registry, new)
    code = registry.codes.get(params.get("code", ""))
    if code is None or code.app_id != app.id:
        raise SimError(100, "Invalid verification code format.")
    if code.used:
        raise SimError(100, "This authorization code has been used.", subcode=36009)
    if registry.now() - code.issued_at > timedelta(seconds=registry.spec.code_ttl_seconds):
        raise SimError(100, "This authorization code has expired.", subcode=36007)
    if params.get("redirect_uri", "") != code.redirect_uri:
        raise SimError(100, "Error validating verification code. Please make sure your redirect_uri is "
                       "identical to the one you used in the OAuth dialog request", subcode=36008)
    code.used = True  # burnt on its first use
    return _token_answer(registry, registry.mint(app.id, code.user_id, long_lived=False))


def _debug_token(registry: LoginRegistry, params: dict[str, str],
                 scenario_reach: dict[str, list[str]] | None) -> dict[str, Any]:
    caller_app = _caller_app(registry, params.get("access_token", ""))
    input_token = params.get("input_token", "")
    token = registry.tokens.get(input_token)
    if token is None:
        if scenario_reach is None:
            return {"data": {"is_valid": False, "scopes": [], "error": {
                "code": 190, "message": "Invalid OAuth access token - Cannot parse access token"}}}
        # A scenario token: a never-expiring system-user token of the caller's app.
        return {"data": {"app_id": caller_app.id, "type": "SYSTEM_USER", "application": caller_app.name,
                         "is_valid": True, "issued_at": 0, "expires_at": 0, "data_access_expires_at": 0,
                         "scopes": ["ads_management", "ads_read"],
                         "granular_scopes": [{"scope": "ads_management"}, {"scope": "ads_read"}],
                         "user_id": "sim-system-user"}}
    if token.app_id != caller_app.id:
        raise SimError(100, "(#100) The App_id in the input_token did not match the Viewing App")
    scopes = registry.scopes_of(token)
    targets = sorted(int(a.removeprefix("act_")) for a in registry.reach(token))
    granular: list[dict[str, Any]] = []
    for scope in scopes:
        entry: dict[str, Any] = {"scope": scope}
        if scope in ("ads_read", "ads_management") and token.assets is not None:
            entry["target_ids"] = targets  # bare numeric ids, without act_ [U]
        granular.append(entry)
    data: dict[str, Any] = {
        "app_id": token.app_id, "type": token.type, "application": caller_app.name,
        "issued_at": _stamp(token.issued_at), "expires_at": _stamp(token.expires_at),
        "data_access_expires_at": _stamp(token.data_access_expires_at),
        "scopes": scopes, "granular_scopes": granular, "user_id": token.user_id,
    }
    error = token_error(token, registry.now(), registry.spec, caller_app.name)
    data["is_valid"] = error is None
    if error is not None:  # HTTP 200, is_valid false, the error a call would get [U]
        data["error"] = {"code": error.code, "message": error.message, "subcode": error.subcode}
    return {"data": data}


def _caller_app(registry: LoginRegistry, access_token: str) -> AppSpec:
    app_id, _, secret = access_token.partition("|")
    app = registry.apps.get(app_id)
    if app is None or not secret or not hmac.compare_digest(secret, app.secret):
        raise SimError(190, "Invalid OAuth access token - Cannot parse access token")
    return app


def with_tasks(rows: list[dict[str, Any]], tasks: dict[str, list[str]], wanted: bool) -> list[dict[str, Any]]:
    """Add `user_tasks` to /me/adaccounts rows when it was asked for."""
    if wanted:
        for row in rows:
            row["user_tasks"] = tasks.get(row["id"], ["MANAGE", "ADVERTISE", "ANALYZE"])
    return rows


def dialog_url(base_url: str, app_id: str, redirect_uri: str, state: str, scopes: list[str] | None = None
               ) -> str:
    """The dialog URL a client would open (for tools and `make dev`)."""
    query = {"client_id": app_id, "redirect_uri": redirect_uri, "state": state,
             "scope": ",".join(scopes or DEFAULT_SCOPES)}
    return f"{base_url}/{DEFAULT_GRAPH_VERSION}/dialog/oauth?{urlencode(query)}"
