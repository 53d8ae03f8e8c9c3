"""/api/auth: register, login, refresh, logout, me.

Access tokens travel in JSON bodies and the `Authorization: Bearer` header. Refresh tokens travel
in JSON bodies (any client) and, for browsers, in an HttpOnly cookie (pixecom.api.browser_sessions: the
cookie, its CSRF rule). Failures that must leave a trace (a failed login counts towards
throttling; a reused refresh token revokes its family) are committed before the error is answered.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Cookie, Header, Request, Response, status
from sqlalchemy.orm import Session

from pixecom.api.browser_sessions import (
    CLIENT_HEADER,
    REFRESH_COOKIE,
    clear_refresh_cookie,
    is_browser_client,
    presented_refresh_token,
    set_refresh_cookie,
)
from pixecom.api.deps import CurrentSeller, DbSession, Now, PasswordSlot
from pixecom.api.errors import Unauthorized
from pixecom.api.permits import PUBLIC, SIGNED_IN
from pixecom.api.schemas.auth import (
    AcceptInvitationRequest,
    LoginRequest,
    LogoutRequest,
    MeResponse,
    RefreshRequest,
    RegisterRequest,
    RegisterResponse,
    SellerOut,
    TokenResponse,
    UserOut,
)
from pixecom.api.schemas.errors import error_responses
from pixecom.auth import service
from pixecom.auth.service import AccountInfo, TokenPair
from pixecom.domain.permissions import ordered

router = APIRouter(prefix="/auth", tags=["auth"])

BrowserClient = Annotated[
    str | None,
    Header(
        alias=CLIENT_HEADER,
        description="1 = a browser client: the refresh token goes only into the HttpOnly cookie",
        pattern="^1$",
    ),
]
RefreshCookie = Annotated[
    str | None,
    Cookie(
        alias=REFRESH_COOKIE,
        description="the refresh token (browsers); needs an allowed Origin and X-PixEcom-Client: 1",
    ),
]
_SET_COOKIE: dict[str, Any] = {
    "Set-Cookie": {
        "description": f"{REFRESH_COOKIE}=<refresh token>; HttpOnly; Secure; SameSite=Strict; "
        "Path=/api/auth; Max-Age=<seconds left in the session>",
        "schema": {"type": "string"},
    }
}


@router.post(
    "/register",
    dependencies=[PUBLIC],
    status_code=status.HTTP_201_CREATED,
    response_model=RegisterResponse,
    responses={201: {"headers": _SET_COOKIE}, **error_responses(400, 403, 409, 413, 422, 429)},
    summary="Create a seller and its owner user, signed in",
    description="When sign-up is by invitation, `invitation_code` is required: 403 with code "
    "invitation_required, invitation_invalid, invitation_used or invitation_expired otherwise.",
)
def register(
    body: RegisterRequest,
    request: Request,
    _slot: PasswordSlot,
    session: DbSession,
    response: Response,
    now: Now,
    client: BrowserClient = None,
) -> RegisterResponse:
    with _auth_errors(session):
        result = service.register(
            session,
            email=body.email,
            password=body.password,
            seller_name=body.seller_name,
            now=now,
            invitation_code=body.invitation_code,
        )
    user, seller = _account_out(result.account)
    tokens = _tokens_out(result.tokens, request, response, now)
    return RegisterResponse(user=user, seller=seller, **tokens.model_dump())


@router.post(
    "/login",
    dependencies=[PUBLIC],
    response_model=TokenResponse,
    responses={200: {"headers": _SET_COOKIE}, **error_responses(400, 401, 413, 422, 429)},
    summary="Exchange email and password for an access and a refresh token",
)
def login(
    body: LoginRequest,
    request: Request,
    _slot: PasswordSlot,
    session: DbSession,
    response: Response,
    now: Now,
    client: BrowserClient = None,
) -> TokenResponse:
    # The TCP peer: API Gateway's sourceIp under Mangum. X-Forwarded-For is client-writable.
    client_ip = request.client.host if request.client else "unknown"
    with _auth_errors(session):
        pair = service.login(session, email=body.email, password=body.password, client_ip=client_ip, now=now)
    return _tokens_out(pair, request, response, now)


@router.post(
    "/refresh",
    dependencies=[PUBLIC],
    response_model=TokenResponse,
    responses={200: {"headers": _SET_COOKIE}, **error_responses(400, 401, 403, 413, 422)},
    summary="Spend a refresh token (body or cookie) for a new pair",
    description="Reusing a spent token revokes the session, except the token spent just before the "
    "current one within the grace window (30 s): that answers with the same successor (two tabs).",
)
def refresh(
    request: Request,
    session: DbSession,
    response: Response,
    now: Now,
    body: RefreshRequest | None = None,
    client: BrowserClient = None,
    cookie: RefreshCookie = None,
) -> TokenResponse:
    token = presented_refresh_token(request, body.refresh_token if body else None)
    if token is None:
        raise Unauthorized("No refresh token (JSON body or cookie)", code="invalid_refresh_token")
    with _auth_errors(session):
        pair = service.refresh(session, refresh_token=token, now=now)
    return _tokens_out(pair, request, response, now)


@router.post(
    "/logout",
    dependencies=[PUBLIC],
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses={204: {"headers": _SET_COOKIE}, **error_responses(400, 403, 413, 422)},
    summary="Revoke the refresh token's session (body or cookie; idempotent) and clear the cookie",
)
def logout(
    request: Request,
    session: DbSession,
    now: Now,
    body: LogoutRequest | None = None,
    client: BrowserClient = None,
    cookie: RefreshCookie = None,
) -> Response:
    token = presented_refresh_token(request, body.refresh_token if body else None)
    if token is not None:
        service.logout(session, refresh_token=token, now=now)
    response = Response(status_code=status.HTTP_204_NO_CONTENT)
    clear_refresh_cookie(response, request)
    return response


@router.get(
    "/me",
    dependencies=[SIGNED_IN],
    response_model=MeResponse,
    responses=error_responses(401),
    summary="The signed-in user (with their role), their seller, their permissions and ad accounts",
)
def me(caller: CurrentSeller, session: DbSession) -> MeResponse:
    with _auth_errors(session):
        account = service.me(session, user_id=caller.user_id, seller_id=caller.seller_id)
    user, seller = _account_out(account)
    return MeResponse(
        user=user,
        seller=seller,
        permissions=ordered(account.permissions),
        ad_account_ids=account.ad_account_ids,
    )


@router.post(
    "/accept-invitation",
    dependencies=[PUBLIC],
    response_model=TokenResponse,
    responses={200: {"headers": _SET_COOKIE}, **error_responses(400, 401, 403, 409, 413, 422, 429)},
    summary="Join a team with an invitation code, signing in with an existing login",
    description="For a user who is in no team now (removed from one, say); a new person registers "
    "with the code instead. 409 already_member when the login is still in a team.",
)
def accept_invitation(
    body: AcceptInvitationRequest,
    request: Request,
    _slot: PasswordSlot,
    session: DbSession,
    response: Response,
    now: Now,
    client: BrowserClient = None,
) -> TokenResponse:
    client_ip = request.client.host if request.client else "unknown"
    with _auth_errors(session):
        pair = service.accept_invitation(
            session,
            code=body.invitation_code,
            email=body.email,
            password=body.password,
            client_ip=client_ip,
            now=now,
        )
    return _tokens_out(pair, request, response, now)


@contextmanager
def _auth_errors(session: Session) -> Iterator[None]:
    """Commit first what a failure must keep; api/errors.py maps the failure to its API error."""
    try:
        yield
    except service.AuthFailure as exc:
        if exc.commit_anyway:
            session.commit()
        raise


def _tokens_out(pair: TokenPair, request: Request, response: Response, now: datetime) -> TokenResponse:
    """The token body (no refresh token for browser clients), the cookie, and no caching."""
    _no_store(response)
    set_refresh_cookie(response, request, pair.refresh_token, pair.refresh_expires_at, now)
    return TokenResponse(
        access_token=pair.access_token,
        refresh_token=None if is_browser_client(request) else pair.refresh_token,
        expires_in=pair.expires_in,
    )


def _account_out(account: AccountInfo) -> tuple[UserOut, SellerOut]:
    user = UserOut(id=account.user.id, email=account.user.email, role=account.user.role)
    return user, SellerOut(id=account.seller.id, name=account.seller.name)


def _no_store(response: Response) -> None:
    # Responses carrying tokens must not be cached by browsers or proxies (RFC 6749 section 5.1).
    response.headers["Cache-Control"] = "no-store"
    response.headers["Pragma"] = "no-cache"
