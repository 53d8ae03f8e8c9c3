"""Store API keys: the credential the PixEcom store sends orders with, one or more per seller.

A key is `pxs_` + 43 random URL-safe characters (256 bits), shown once when created; only its
SHA-256 is stored (a key this random needs no slow hash: nothing can be guessed from the digest).
A key carries its seller (every order it sends is that seller's) and its scope, and is limited
to `store_key_requests_per_minute` requests per fixed one-minute window, counted in Postgres so
the limit holds across Lambda containers. A revoked key is refused from the moment it is revoked.
"""

from __future__ import annotations

import hashlib
import math
import secrets
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from pixecom.db.engine import session_scope
from pixecom.db.store_models import StoreApiKey

KEY_PREFIX = "pxs_"
SHOWN_PREFIX = 8  # characters of the key kept in clear to tell keys apart in lists
RATE_WINDOW = timedelta(minutes=1)


class KeyScope(StrEnum):
    ORDERS_WRITE = "orders:write"  # send order events (the one scope the store needs)


class StoreKeyRejected(Exception):
    """No usable key: `reason` is "missing", "invalid", "revoked" or "scope"."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class StoreKeyRateLimited(Exception):
    def __init__(self, retry_after: int) -> None:
        super().__init__(f"rate limited; retry after {retry_after} s")
        self.retry_after = retry_after


@dataclass(frozen=True)
class StoreCaller:
    """Who sends orders: the key's seller (every order is written under it) and the key."""

    seller_id: uuid.UUID
    key_id: uuid.UUID


def hash_key(key: str) -> bytes:
    return hashlib.sha256(key.encode()).digest()


def create_key(
    session: Session, seller_id: uuid.UUID, user_id: uuid.UUID | None, name: str, scope: KeyScope
) -> tuple[StoreApiKey, str]:
    """A new key for the seller: its row and the key itself (never stored, never shown again)."""
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    row = StoreApiKey(
        seller_id=seller_id,
        name=name,
        key_prefix=key[:SHOWN_PREFIX],
        key_hash=hash_key(key),
        scope=scope.value,
        created_by=user_id,
    )
    session.add(row)
    session.flush()
    session.refresh(row)
    return row, key


def list_keys(session: Session, seller_id: uuid.UUID) -> Sequence[StoreApiKey]:
    query = select(StoreApiKey).where(StoreApiKey.seller_id == seller_id)
    return session.scalars(query.order_by(StoreApiKey.created_at, StoreApiKey.id)).all()


def revoke_key(
    session: Session, seller_id: uuid.UUID, key_id: uuid.UUID, now: datetime
) -> StoreApiKey | None:
    """Revoke the seller's key (again: no change); None when the seller has no such key."""
    row = session.scalar(
        select(StoreApiKey).where(StoreApiKey.seller_id == seller_id, StoreApiKey.id == key_id)
    )
    if row is not None and row.revoked_at is None:
        row.revoked_at = now
        session.flush()
    return row


# One statement counts the request in the key's window (a new window when the last one is over)
# and answers with what the check needs; a revoked key is not counted.
_COUNT_REQUEST = text(
    """
    UPDATE store_api_keys SET
        window_requests = CASE WHEN window_started_at > :window_floor THEN window_requests + 1 ELSE 1 END,
        window_started_at = CASE WHEN window_started_at > :window_floor THEN window_started_at ELSE :now END,
        last_used_at = :now
    WHERE key_hash = :key_hash AND revoked_at IS NULL
    RETURNING id, seller_id, scope, window_started_at, window_requests
    """
)


def authenticate(key: str | None, scope: KeyScope, now: datetime, requests_per_minute: int) -> StoreCaller:
    """The caller a key stands for, its request counted; StoreKeyRejected or StoreKeyRateLimited.

    Runs in its own short transaction, so the key's row is locked only for this update and never
    for the whole ingestion: requests on one key do not queue behind each other.
    """
    if not key:
        raise StoreKeyRejected("missing")
    if not key.startswith(KEY_PREFIX) or len(key) > 128:
        raise StoreKeyRejected("invalid")
    digest = hash_key(key)
    with session_scope() as session:
        row = session.execute(
            _COUNT_REQUEST,
            {"key_hash": digest, "now": now, "window_floor": now - RATE_WINDOW},
        ).one_or_none()
        if row is None:
            revoked = session.scalar(select(StoreApiKey.id).where(StoreApiKey.key_hash == digest))
            raise StoreKeyRejected("revoked" if revoked is not None else "invalid")
    if row.scope != scope.value:
        raise StoreKeyRejected("scope")
    if row.window_requests > requests_per_minute:
        left = (row.window_started_at + RATE_WINDOW - now).total_seconds()
        raise StoreKeyRateLimited(max(1, math.ceil(left)))
    return StoreCaller(seller_id=row.seller_id, key_id=row.id)


__all__ = [
    "KeyScope",
    "StoreCaller",
    "StoreKeyRateLimited",
    "StoreKeyRejected",
    "authenticate",
    "create_key",
    "list_keys",
    "revoke_key",
]
