"""What every authenticated request needs to know about its member beyond the token: still in the
team, which role, which ad accounts, and the token version their tokens must carry.

Read from Postgres at most once per MEMBER_CACHE_SECONDS per user and process (a short cache in
the API's memory). A change made through this process (`forget`) is seen by its next request at
once; another process (another Lambda instance) sees it when its entry ages out. Removal and
demotion also bump `users.token_version`, so older access tokens are refused wherever the
fresh state is read, and revoke the member's refresh-token families, so no new ones are issued.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from pixecom.db.models import MemberAdAccount, User
from pixecom.domain.enums import UserRole


@dataclass(frozen=True)
class MemberState:
    user_id: uuid.UUID
    seller_id: uuid.UUID
    role: UserRole
    token_version: int
    active: bool
    # None: every ad account of the seller; otherwise only these (maybe none).
    ad_account_ids: frozenset[uuid.UUID] | None


def load_member(session: Session, user_id: uuid.UUID) -> MemberState | None:
    """The member's state now (one indexed read; a second one only for a limited member)."""
    row = session.execute(
        select(User.seller_id, User.role, User.token_version, User.is_active, User.accounts_limited).where(
            User.id == user_id
        )
    ).first()
    if row is None:
        return None
    seller_id, role, version, active, limited = row
    accounts: frozenset[uuid.UUID] | None = None
    if limited:
        accounts = frozenset(
            session.scalars(
                select(MemberAdAccount.ad_account_id).where(
                    MemberAdAccount.user_id == user_id, MemberAdAccount.seller_id == seller_id
                )
            )
        )
    return MemberState(user_id, seller_id, role, version, active, accounts)


class MemberCache:
    """user id -> (state, read at); entries older than `ttl` seconds are read again."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._entries: dict[uuid.UUID, tuple[MemberState | None, float]] = {}
        self._lock = threading.Lock()
        self._clock = clock

    def get(self, user_id: uuid.UUID, ttl: float) -> tuple[bool, MemberState | None]:
        """(found, state): found is False when there is no fresh entry."""
        with self._lock:
            entry = self._entries.get(user_id)
        if entry is None or self._clock() - entry[1] >= ttl:
            return False, None
        return True, entry[0]

    def put(self, user_id: uuid.UUID, state: MemberState | None) -> None:
        with self._lock:
            if len(self._entries) > 10_000:  # bounded: a flood of users only costs re-reads
                self._entries.clear()
            self._entries[user_id] = (state, self._clock())

    def forget(self, user_id: uuid.UUID) -> None:
        with self._lock:
            self._entries.pop(user_id, None)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


member_cache = MemberCache()
