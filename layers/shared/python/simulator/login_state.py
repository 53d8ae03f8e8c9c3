"""Facebook Login state of the simulator: authorization codes, minted tokens, granted and
declined permissions per (app, user), revocations. Guarded by the SimulatorState lock."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from simulator.login_spec import AppSpec, DialogKnobs, LoginSpec, MetaUserSpec
from simulator.wire import SimError

READ_SCOPES = frozenset({"ads_read", "ads_management"})
# 190 subcodes and Meta's wording, as Meta words them.
SUBCODE_MESSAGES: dict[int | None, str] = {
    None: "Error validating access token: The session is invalid.",
    458: "Error validating access token: The user has not authorized application {app}.",
    459: "Error validating access token: You cannot access the app till you log in to www.facebook.com "
         "and follow the instructions given.",
    460: "Error validating access token: The session has been invalidated because the user changed "
         "their password or Facebook has changed the session for security reasons.",
    463: "Error validating access token: Session has expired on {expiry}. The current time is {now}.",
    464: "Error validating access token: Sessions for the user are not allowed because the user is not "
         "a confirmed user.",
    467: "Invalid OAuth access token.",
}


class MethodError(SimError):
    """An error Meta types `GraphMethodException` (the appsecret_proof errors)."""

    def body(self) -> dict[str, Any]:
        body = super().body()
        body["error"]["type"] = "GraphMethodException"
        return body


@dataclass
class AuthCode:
    app_id: str
    redirect_uri: str
    user_id: str
    issued_at: datetime
    used: bool = False


@dataclass
class MintedToken:
    value: str
    app_id: str
    user_id: str
    type: str  # USER | SYSTEM_USER
    issued_at: datetime
    expires_at: datetime | None
    data_access_expires_at: datetime | None
    assets: list[str] | None  # ad accounts the user selected; None: all of theirs
    long_lived: bool = False
    revoked: bool = False
    revoked_subcode: int | None = None


@dataclass
class Consent:
    granted: set[str] = field(default_factory=set)
    declined: set[str] = field(default_factory=set)
    assets: list[str] | None = None


def token_error(token: MintedToken, now: datetime, spec: LoginSpec, app_name: str) -> SimError | None:
    """The error any Graph call with this token gets now, or None if it is usable."""
    if token.revoked:
        sub = token.revoked_subcode
        stamp = now.strftime("%A, %d-%b-%y %H:%M:%S %Z")
        message = SUBCODE_MESSAGES.get(sub, SUBCODE_MESSAGES[None])
        return SimError(190, message.format(app=app_name, expiry=stamp, now=stamp), subcode=sub)
    if token.expires_at is not None and now >= token.expires_at:
        message = SUBCODE_MESSAGES[463].format(expiry=token.expires_at.strftime("%A, %d-%b-%y %H:%M:%S %Z"),
                                               now=now.strftime("%A, %d-%b-%y %H:%M:%S %Z"))
        return SimError(190, message, subcode=463, user_title="Session expired",
                        user_msg="Please log in again.")
    if token.data_access_expires_at is not None and now >= token.data_access_expires_at:
        return SimError(spec.data_access_error_code, "Error validating access token: data access for this "
                        "app has expired.", subcode=spec.data_access_error_subcode)
    return None


class LoginRegistry:
    def __init__(self, spec: LoginSpec, now: Callable[[], datetime]) -> None:
        self.spec = spec
        self.now = now
        self.apps: dict[str, AppSpec] = {app.id: app for app in spec.apps}
        self.users: dict[str, MetaUserSpec] = {user.id: user for user in spec.users}
        self.codes: dict[str, AuthCode] = {}
        self.tokens: dict[str, MintedToken] = {}
        self.consents: dict[tuple[str, str], Consent] = {}
        self.dialog = spec.dialog.model_copy(deep=True)

    # -- the dialog -----------------------------------------------------------------------------
    def consent(self, app_id: str, user_id: str) -> Consent:
        return self.consents.setdefault((app_id, user_id), Consent())

    def decide(self, app: AppSpec, scopes: list[str], rerequest: bool, config_id: str | None,
               knobs: DialogKnobs | None = None) -> tuple[str, Consent] | None:
        """Apply the knobs (the registry's, or a person's choice) to a dialog; (user id, consent)
        on approve, None on deny."""
        knobs = knobs or self.dialog
        if knobs.outcome == "deny":
            return None
        user_id = knobs.user_id or next(iter(self.users), "sim-user")
        consent = self.consent(app.id, user_id)
        if config_id is not None:  # Login for Business: every configured permission or none
            if set(knobs.decline) & set(scopes):
                return None
            consent.granted |= set(scopes)
            consent.declined -= set(scopes)
        else:
            for scope in scopes:
                if scope in knobs.decline or (scope in consent.declined and not rerequest):
                    consent.declined.add(scope)  # declined stays declined unless re-requested
                    consent.granted.discard(scope)
                else:
                    consent.granted.add(scope)
                    consent.declined.discard(scope)
        consent.assets = list(knobs.assets) if knobs.assets is not None else None
        return user_id, consent

    def issue_code(self, app_id: str, redirect_uri: str, user_id: str) -> str:
        code = "AQ" + secrets.token_urlsafe(48)
        self.codes[code] = AuthCode(app_id, redirect_uri, user_id, self.now())
        return code

    # -- tokens ---------------------------------------------------------------------------------
    def mint(self, app_id: str, user_id: str, *, long_lived: bool, expires_at: datetime | None = None,
             token_type: str = "USER", assets: list[str] | None = None) -> MintedToken:  # noqa: S107
        now = self.now()
        if expires_at is None and token_type == "USER":
            seconds = self.spec.long_lived_seconds if long_lived else self.spec.short_lived_seconds
            expires_at = now + timedelta(seconds=seconds)
        data_access = now + timedelta(seconds=self.spec.data_access_seconds) if token_type == "USER" else None
        consent = self.consents.get((app_id, user_id))
        selected = assets if assets is not None else (consent.assets if consent else None)
        token = MintedToken("EAA" + secrets.token_urlsafe(40), app_id, user_id, token_type, now, expires_at,
                            data_access, selected, long_lived)
        self.tokens[token.value] = token
        return token

    def scopes_of(self, token: MintedToken) -> list[str]:
        consent = self.consents.get((token.app_id, token.user_id))
        return sorted(consent.granted) if consent else []

    def declined_of(self, token: MintedToken) -> list[str]:
        consent = self.consents.get((token.app_id, token.user_id))
        return sorted(consent.declined) if consent else []

    def reach(self, token: MintedToken) -> dict[str, list[str]]:
        """Ad account id -> the user's tasks, for the accounts this token may read."""
        if not READ_SCOPES & set(self.scopes_of(token)):
            return {}
        user = self.users.get(token.user_id)
        accounts = dict(user.ad_accounts) if user else {}
        if token.assets is not None:
            accounts = {a: t for a, t in accounts.items() if a in token.assets}
        return accounts

    def check(self, token: MintedToken, proof: str | None, *, batch_item: bool) -> None:
        """Raise the error a call with this token (and proof) gets."""
        app = self.apps.get(token.app_id)
        error = token_error(token, self.now(), self.spec, app.name if app else token.app_id)
        if error is not None:
            raise error
        if app is None or batch_item:
            return
        if proof:  # a wrong proof is rejected even when the setting is off [3P/U]
            expected = hmac.new(app.secret.encode(), token.value.encode(), hashlib.sha256).hexdigest()
            if not hmac.compare_digest(proof, expected):
                raise MethodError(100, "Invalid appsecret_proof provided in the API argument")
        elif app.require_app_secret:
            raise MethodError(100, "API calls from the server require an appsecret_proof argument")

    def revoke_user(self, app_id: str, user_id: str, subcode: int | None = 458) -> int:
        """Revoke every token of the user for the app (app removed, permissions deleted)."""
        count = 0
        for token in self.tokens.values():
            if token.app_id == app_id and token.user_id == user_id and not token.revoked:
                token.revoked, token.revoked_subcode = True, subcode
                count += 1
        if subcode == 458:
            self.consents.pop((app_id, user_id), None)
        return count

    def invalidate(self, token_value: str | None, user_id: str | None, subcode: int | None) -> int:
        """Invalidate one token, or all of a user's, with a 190 subcode (None: no subcode)."""
        count = 0
        for token in self.tokens.values():
            if token.value == token_value or (user_id is not None and token.user_id == user_id):
                token.revoked, token.revoked_subcode = True, subcode
                count += 1
        return count
