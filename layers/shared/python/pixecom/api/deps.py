"""Request dependencies: the caller's identity (tenant sealing), a DB session per request, and the
two seams tests override with `app.dependency_overrides`: the clock (`get_now`) and Meta (`get_graph`)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated

from fastapi import Depends
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session

from pixecom.api.errors import Unauthorized
from pixecom.auth.members import MemberState, load_member, member_cache
from pixecom.auth.passwords import hashing_slot
from pixecom.auth.tokens import AccessClaims, InvalidAccessToken, decode_access_token
from pixecom.clock import utc_now
from pixecom.db.engine import session_factory
from pixecom.domain.enums import UserRole
from pixecom.domain.permissions import Permission, permissions_of
from pixecom.meta.factory import GraphFactory, default_graph
from pixecom.settings import get_settings

_bearer = HTTPBearer(auto_error=False, description="Access token from /api/auth/login")


@dataclass(frozen=True)
class Caller:
    """Who is calling: every tenant query filters on `seller_id`; a member limited to some ad
    accounts sees only `ad_account_ids` (None: all of the seller's)."""

    user_id: uuid.UUID
    seller_id: uuid.UUID
    role: UserRole = UserRole.OWNER
    ad_account_ids: frozenset[uuid.UUID] | None = None

    @property
    def permissions(self) -> frozenset[Permission]:
        return permissions_of(self.role)

    def sees_account(self, ad_account_id: uuid.UUID) -> bool:
        return self.ad_account_ids is None or ad_account_id in self.ad_account_ids


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
    """The token's caller, checked against the member's current state. Async on purpose: a
    signature check and a cache hit are microseconds of CPU, cheaper on the event loop than a
    hop to the threadpool and back; only a cache miss reads Postgres (in the threadpool)."""
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise Unauthorized("Missing bearer token")
    try:
        claims = decode_access_token(credentials.credentials, now=now)
    except InvalidAccessToken as exc:
        raise Unauthorized(str(exc), code="invalid_token") from None
    state = await current_member(claims.user_id)
    if state is None or not _still_valid(claims, state):
        raise Unauthorized("This session has ended: sign in again", code="invalid_token")
    return Caller(claims.user_id, claims.seller_id, state.role, state.ad_account_ids)


async def current_member(user_id: uuid.UUID) -> MemberState | None:
    """The member's state from the short cache, or read now (pixecom.auth.members)."""
    found, state = member_cache.get(user_id, get_settings().member_cache_seconds)
    if not found:
        state = await run_in_threadpool(_read_member, user_id)
        member_cache.put(user_id, state)
    return state


def _read_member(user_id: uuid.UUID) -> MemberState | None:
    with session_factory()() as session:
        return load_member(session, user_id)


def _still_valid(claims: AccessClaims, state: MemberState) -> bool:
    return state.active and state.seller_id == claims.seller_id and state.token_version == claims.version


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
