"""Request dependencies: the caller's identity (tenant sealing), a DB session per request, and the
two seams tests override with `app.dependency_overrides`: the clock (`get_now`) and Meta (`get_graph`)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated

from fastapi import Depends
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session

from pixecom.api.errors import Unauthorized
from pixecom.auth.passwords import hashing_slot
from pixecom.auth.tokens import InvalidAccessToken, decode_access_token
from pixecom.clock import utc_now
from pixecom.db.engine import session_factory
from pixecom.meta.factory import GraphFactory, default_graph

_bearer = HTTPBearer(auto_error=False, description="Access token from /api/auth/login")


@dataclass(frozen=True)
class Caller:
    """Who is calling: every tenant query filters on `seller_id`."""

    user_id: uuid.UUID
    seller_id: uuid.UUID


def get_db() -> Iterator[Session]:
    """One session in one transaction per request: committed on success, rolled back on error.

    The endpoint wrapper of pixecom.api.sessions commits and closes it as the endpoint's last
    step (the connection is back in the pool before the response is validated); the commit here
    is then a no-op that touches no connection."""
    with session_factory()() as session:
        try:
            yield session
        except BaseException:
            session.rollback()
            raise
        session.commit()


def password_slot() -> Iterator[None]:
    """Routes that hash passwords take a hashing slot BEFORE their DB session (list it first),
    so logins waiting for CPU hold no connection; shed with 429 when none frees up in time."""
    with hashing_slot():
        yield


async def get_now() -> datetime:
    """The request's clock: presets resolve against it, auth stamps tokens with it.
    (async: resolving it costs no threadpool hop.)"""
    return utc_now()


async def get_caller(
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    now: Annotated[datetime, Depends(get_now)],
) -> Caller:
    """The token's caller. Async on purpose: a signature check is microseconds of CPU, cheaper
    on the event loop than a hop to the threadpool and back."""
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise Unauthorized("Missing bearer token")
    try:
        claims = decode_access_token(credentials.credentials, now=now)
    except InvalidAccessToken as exc:
        raise Unauthorized(str(exc), code="invalid_token") from None
    return Caller(user_id=claims.user_id, seller_id=claims.seller_id)


CurrentSeller = Annotated[Caller, Depends(get_caller)]
# scope="function": the transaction commits before the response is sent, so a failed commit
# is an error response, never a 2xx for work that was rolled back.
DbSession = Annotated[Session, Depends(get_db, scope="function")]
PasswordSlot = Annotated[None, Depends(password_slot, scope="function")]


def get_graph() -> GraphFactory:
    """How the request reaches Meta."""
    return default_graph


Now = Annotated[datetime, Depends(get_now)]
Graph = Annotated[GraphFactory, Depends(get_graph)]
