"""Facebook Login, server side: the dialog URL with a single-use `state`, then the callback that
checks the state, exchanges the code once, makes the token long-lived, reads what Meta granted
and keeps it as a grant (pixecom.accounts.grants). The frontend only ever sees URLs and ids.

`state`: 256 random bits; only its SHA-256 is stored, bound to the user who asked, used once,
10 minutes, compared in constant time, checked (and burnt) before the code is exchanged.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlencode

from sqlalchemy import select

from pixecom.accounts.grants import GrantView, grant_view, save_grant
from pixecom.accounts.oauth import OAuthClient, TokenInfo, code_error, meta_app
from pixecom.db.engine import session_scope
from pixecom.db.login_models import MetaGrant, MetaOAuthState
from pixecom.meta.errors import GraphError, RateLimited, TokenInvalid, TransientError
from pixecom.meta.factory import GraphFactory, default_graph
from pixecom.observability import logger
from pixecom.settings import Settings, get_settings

STATE_TTL = timedelta(minutes=10)
NEEDED_SCOPES = ("ads_read", "ads_management", "business_management")
ACCOUNT_LIST_FIELDS = (
    "id,account_id,name,currency,timezone_name,account_status,disable_reason,business,user_tasks"
)


class StateRejected(Exception):
    """The state is unknown, another user's, used or expired (`code` says which, except that
    another user's state looks exactly like an unknown one)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


class LoginDenied(Exception):
    """The seller cancelled the dialog (or Meta refused it)."""


class CodeRejected(Exception):
    """Meta refused the code exchange or the token it gave."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


class MetaUnavailable(Exception):
    """Meta could not be asked right now."""


@dataclass(frozen=True)
class AuthorizeUrl:
    url: str
    expires_at: datetime


def _digest(state: str) -> bytes:
    return hashlib.sha256(state.encode()).digest()


def start_login(
    seller_id: uuid.UUID, user_id: uuid.UUID, *, now: datetime, settings: Settings | None = None
) -> AuthorizeUrl:
    """The dialog URL: our app, the redirect URI, the scopes (or the FLfB config) and a new state.

    When a permission was declined earlier, `auth_type=rerequest` asks for it again (Meta skips
    declined permissions silently otherwise)."""
    app = meta_app(settings or get_settings())
    state = secrets.token_urlsafe(32)
    with session_scope() as session:
        declined = {
            scope
            for row in session.scalars(
                select(MetaGrant.declined_scopes).where(
                    MetaGrant.seller_id == seller_id, MetaGrant.revoked_at.is_(None)
                )
            )
            for scope in row
        }
        session.add(
            MetaOAuthState(
                seller_id=seller_id,
                user_id=user_id,
                state_hash=_digest(state),
                rerequest=bool(declined),
                created_at=now,
                expires_at=now + STATE_TTL,
            )
        )
    params: dict[str, str] = {
        "client_id": app.app_id,
        "redirect_uri": app.redirect_uri or "",
        "state": state,
        "response_type": "code",
    }
    if app.config_id:  # Login for Business: the configuration fixes the permissions
        params["config_id"] = app.config_id
    else:
        params["scope"] = ",".join(NEEDED_SCOPES)
        if declined:
            params["auth_type"] = "rerequest"
    url = f"{app.dialog_base_url}/{app.version}/dialog/oauth?{urlencode(params)}"
    return AuthorizeUrl(url, now + STATE_TTL)


def consume_state(seller_id: uuid.UUID, user_id: uuid.UUID, state: str, now: datetime) -> None:
    """Burn the state or raise StateRejected; commits before any call to Meta."""
    digest = _digest(state)
    with session_scope() as session:
        row = session.scalars(
            select(MetaOAuthState).where(MetaOAuthState.state_hash == digest).with_for_update()
        ).first()
        stored = bytes(row.state_hash) if row is not None else b"\0" * 32
        valid = hmac.compare_digest(stored, digest)
        if row is None or not valid or row.user_id != user_id or row.seller_id != seller_id:
            raise StateRejected("state_invalid", "This login attempt is not yours or does not exist")
        if row.used_at is not None:
            raise StateRejected("state_used", "This login attempt was already completed: start again")
        row.used_at = now  # burnt, expired or not
        expired = row.expires_at <= now
    if expired:
        raise StateRejected("state_expired", "This login attempt expired (10 minutes): start again")


def complete_login(
    seller_id: uuid.UUID,
    user_id: uuid.UUID,
    *,
    state: str,
    code: str | None,
    error: str | None = None,
    now: datetime,
    settings: Settings | None = None,
    graph: GraphFactory = default_graph,
) -> GrantView:
    """The callback: state, code exchange, long-lived token, debug_token, permissions, accounts."""
    app = meta_app(settings or get_settings())
    consume_state(seller_id, user_id, state, now)
    if error is not None:
        raise LoginDenied(error)
    if not code:
        raise CodeRejected("code_missing", "Meta sent neither a code nor an error")
    try:
        with OAuthClient(app) as oauth:
            try:
                short = oauth.exchange_code(code)
            except (TransientError, RateLimited):
                raise
            except GraphError as exc:
                raise CodeRejected(code_error(exc), exc.message) from None
            token = oauth.exchange_long_lived(short)
            info = oauth.debug_token(token)
        if not info.is_valid or info.app_id != app.app_id or not info.user_id:
            raise CodeRejected("token_invalid", "Meta's token is not valid for this app")
        permissions, accounts = _read_grant(token, graph)
    except (TransientError, RateLimited) as exc:
        raise MetaUnavailable(exc.message) from None
    except GraphError as exc:
        code_name = "token_invalid" if isinstance(exc, TokenInvalid) else "meta_rejected"
        raise CodeRejected(code_name, exc.message) from None
    declined = sorted(
        str(p["permission"]) for p in permissions if p.get("status") == "declined" and p.get("permission")
    )
    grant_id = save_grant(seller_id, user_id, token, info, declined, accounts, now)
    logger.info(
        "meta login completed",
        extra={"seller_id": str(seller_id), "grant_id": str(grant_id), "accounts": len(accounts)},
    )
    return grant_view(seller_id, grant_id)


def _read_grant(token: str, graph: GraphFactory) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    with graph(token) as client:
        permissions = client.request("GET", "me/permissions").get("data", [])
        accounts = list(client.iter_pages("me/adaccounts", {"fields": ACCOUNT_LIST_FIELDS}))
    return permissions, accounts


__all__ = [
    "AuthorizeUrl",
    "CodeRejected",
    "LoginDenied",
    "MetaUnavailable",
    "StateRejected",
    "TokenInfo",
    "complete_login",
    "start_login",
]
