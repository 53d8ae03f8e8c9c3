"""/api/auth: register, login, refresh, logout, me.

Tokens travel in JSON bodies and the `Authorization: Bearer` header, never in cookies. Failures
that must leave a trace (a failed login counts towards throttling; a reused refresh token revokes
its family) are committed before the error is answered.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from fastapi import APIRouter, Request, Response, status
from sqlalchemy.orm import Session

from pixecom.api.deps import CurrentSeller, DbSession, PasswordSlot
from pixecom.api.schemas.auth import (
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

router = APIRouter(prefix="/auth", tags=["auth"])


@router.post(
    "/register",
    status_code=status.HTTP_201_CREATED,
    response_model=RegisterResponse,
    responses=error_responses(400, 409, 413, 422, 429),
    summary="Create a seller and its owner user, signed in",
)
def register(
    body: RegisterRequest, _slot: PasswordSlot, session: DbSession, response: Response
) -> RegisterResponse:
    _no_store(response)
    with _auth_errors(session):
        result = service.register(
            session, email=body.email, password=body.password, seller_name=body.seller_name, now=_now()
        )
    user, seller = _account_out(result.account)
    return RegisterResponse(user=user, seller=seller, **_tokens_out(result.tokens).model_dump())


@router.post(
    "/login",
    response_model=TokenResponse,
    responses=error_responses(400, 401, 413, 422, 429),
    summary="Exchange email and password for an access and a refresh token",
)
def login(
    body: LoginRequest, request: Request, _slot: PasswordSlot, session: DbSession, response: Response
) -> TokenResponse:
    _no_store(response)
    # The TCP peer: API Gateway's sourceIp under Mangum. X-Forwarded-For is client-writable.
    client_ip = request.client.host if request.client else "unknown"
    with _auth_errors(session):
        pair = service.login(
            session, email=body.email, password=body.password, client_ip=client_ip, now=_now()
        )
    return _tokens_out(pair)


@router.post(
    "/refresh",
    response_model=TokenResponse,
    responses=error_responses(400, 401, 413, 422),
    summary="Spend a refresh token for a new pair (reusing a spent one revokes the session)",
)
def refresh(body: RefreshRequest, session: DbSession, response: Response) -> TokenResponse:
    _no_store(response)
    with _auth_errors(session):
        pair = service.refresh(session, refresh_token=body.refresh_token, now=_now())
    return _tokens_out(pair)


@router.post(
    "/logout",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=error_responses(400, 413, 422),
    summary="Revoke the refresh token's session (idempotent)",
)
def logout(body: LogoutRequest, session: DbSession) -> Response:
    service.logout(session, refresh_token=body.refresh_token, now=_now())
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get(
    "/me",
    response_model=MeResponse,
    responses=error_responses(401),
    summary="The signed-in user and their seller",
)
def me(caller: CurrentSeller, session: DbSession) -> MeResponse:
    with _auth_errors(session):
        account = service.me(session, user_id=caller.user_id, seller_id=caller.seller_id)
    user, seller = _account_out(account)
    return MeResponse(user=user, seller=seller)


@contextmanager
def _auth_errors(session: Session) -> Iterator[None]:
    """Commit first what a failure must keep; api/errors.py maps the failure to its API error."""
    try:
        yield
    except service.AuthFailure as exc:
        if exc.commit_anyway:
            session.commit()
        raise


def _tokens_out(pair: TokenPair) -> TokenResponse:
    return TokenResponse(
        access_token=pair.access_token, refresh_token=pair.refresh_token, expires_in=pair.expires_in
    )


def _account_out(account: AccountInfo) -> tuple[UserOut, SellerOut]:
    user = UserOut(id=account.user.id, email=account.user.email, role=account.user.role)
    return user, SellerOut(id=account.seller.id, name=account.seller.name)


def _no_store(response: Response) -> None:
    # Responses carrying tokens must not be cached by browsers or proxies (RFC 6749 section 5.1).
    response.headers["Cache-Control"] = "no-store"
    response.headers["Pragma"] = "no-cache"


def _now() -> datetime:
    return datetime.now(UTC)
