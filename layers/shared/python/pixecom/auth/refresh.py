"""Refresh tokens: opaque, 256 random bits, stored only as SHA-256, rotated inside a family.

- Login/registration starts a family that expires `refresh_token_ttl_days` (30) after it began;
  rotation never extends it, so a stolen-and-rotated chain still dies on schedule.
- Every refresh spends the presented token (`rotated_at`) and issues the next one in the family.
- Presenting a spent token is reuse (a copy was stolen, or replayed): the whole family is revoked,
  including the newest token, and the caller gets 401. Logout revokes the family too.
- Except within a short grace window (`grace`, 30 s by default): the token spent just before the
  current one, presented again while its successor is still unspent, answers with that same
  successor (two browser tabs refreshing at once, a retry after a lost response). Only that one
  predecessor and only within the window; any other reuse still revokes the family. The successor
  can be answered again without storing it: it is derived from the spent token with HMAC
  (`successor_token`), and only its SHA-256 is stored, as for every token.
- Every change to a family first locks the family's first token row (its id is the family id)
  `FOR UPDATE`, then the presented token's row: two concurrent refreshes with one token serialise
  (the second sees it spent), and a revocation cannot miss a token that a concurrent rotation is
  inserting. Row locks, not advisory locks: those would pin connections behind RDS Proxy.

SHA-256 (not argon2) is right here: the token has 256 bits of entropy, so there is nothing to
brute-force, and the lookup must be an indexed equality.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, select, update
from sqlalchemy.orm import Session

from pixecom.db.models import RefreshToken
from pixecom.observability import logger

TOKEN_BYTES = 32
# token_urlsafe(32) is 43 characters; anything much longer is not ours (checked before hashing).
MAX_TOKEN_LENGTH = 128


class RefreshTokenInvalid(Exception):
    """Unknown, expired or revoked refresh token."""


class RefreshTokenReused(RefreshTokenInvalid):
    """A token that was already rotated was presented again; its family is now revoked."""


@dataclass(frozen=True)
class IssuedRefreshToken:
    token: str  # the only place the plain token exists; never logged
    user_id: uuid.UUID
    seller_id: uuid.UUID
    family_id: uuid.UUID
    family_expires_at: datetime


def hash_token(token: str) -> bytes:
    return hashlib.sha256(token.encode()).digest()


def start_family(
    session: Session, user_id: uuid.UUID, seller_id: uuid.UUID, *, now: datetime, ttl_days: int
) -> IssuedRefreshToken:
    """A new family (at login/registration) with its first token."""
    family_id = uuid.uuid4()  # also the first token's id: the row every family change locks
    expires = now + timedelta(days=ttl_days)
    return _insert(session, user_id, seller_id, family_id, expires, now, token_id=family_id)


def successor_token(token: str, key: str) -> str:
    """The token that rotating `token` issues: HMAC-SHA256 under a server key, base64url (43 chars)."""
    mac = hmac.new(key.encode(), b"pixecom-refresh-successor:" + token.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(mac).decode().rstrip("=")


def rotate(
    session: Session,
    token: str,
    *,
    now: datetime,
    keys: Sequence[str] = (),
    grace: timedelta = timedelta(0),
) -> IssuedRefreshToken:
    """Spend `token` and return the next one in its family.

    `keys` (newest first) derive the successor; without keys it is random and there is no grace.
    Raises RefreshTokenReused (family revoked, caller must commit) or RefreshTokenInvalid.
    """
    row = _locked_row(session, token)
    if row is None:
        raise RefreshTokenInvalid("Unknown refresh token")
    if row.revoked_at is not None:
        raise RefreshTokenInvalid("Refresh token revoked")
    if row.rotated_at is not None:
        again = _successor_within_grace(session, row, token, now=now, keys=keys, grace=grace)
        if again is not None:
            return again
        revoked = revoke_family(session, row.family_id, now=now)
        logger.warning(
            "refresh token reuse: family revoked",
            extra={"family_id": str(row.family_id), "user_id": str(row.user_id), "revoked": revoked},
        )
        raise RefreshTokenReused("Refresh token already used")
    if row.family_expires_at <= now:
        raise RefreshTokenInvalid("Refresh token expired")
    row.rotated_at = now
    successor = successor_token(token, keys[0]) if keys else None
    return _insert(session, row.user_id, row.seller_id, row.family_id, row.family_expires_at, now, successor)


def _successor_within_grace(
    session: Session, row: RefreshToken, token: str, *, now: datetime, keys: Sequence[str], grace: timedelta
) -> IssuedRefreshToken | None:
    """The unspent successor of `row`, if `row` was spent less than `grace` ago; else None."""
    if row.rotated_at is None or grace <= timedelta(0) or now - row.rotated_at > grace:
        return None
    for key in keys:
        candidate = successor_token(token, key)
        successor = session.execute(
            select(RefreshToken).where(
                RefreshToken.token_hash == hash_token(candidate), RefreshToken.family_id == row.family_id
            )
        ).scalar_one_or_none()
        if successor is None:
            continue
        if successor.rotated_at is not None or successor.revoked_at is not None:
            return None
        if successor.family_expires_at <= now:
            return None
        logger.info("refresh token reused within the grace window", extra={"family_id": str(row.family_id)})
        return IssuedRefreshToken(candidate, row.user_id, row.seller_id, row.family_id, row.family_expires_at)
    return None


def revoke(session: Session, token: str, *, now: datetime) -> bool:
    """Revoke the family of `token` (logout). False if the token is unknown."""
    row = _locked_row(session, token)
    if row is None:
        return False
    revoke_family(session, row.family_id, now=now)
    return True


def revoke_family(session: Session, family_id: uuid.UUID, *, now: datetime) -> int:
    """Mark every not-yet-revoked token of the family revoked; returns how many."""
    return _revoke_where(session, RefreshToken.family_id == family_id, now)


def revoke_user(session: Session, user_id: uuid.UUID, *, now: datetime) -> int:
    """Revoke every live token of every family of the user (a member removed or demoted)."""
    return _revoke_where(session, RefreshToken.user_id == user_id, now)


def _revoke_where(session: Session, which: ColumnElement[bool], now: datetime) -> int:
    result = session.execute(
        update(RefreshToken)
        .where(which, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=now)
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0)


def _locked_row(session: Session, token: str) -> RefreshToken | None:
    if not token or len(token) > MAX_TOKEN_LENGTH:
        return None
    digest = hash_token(token)
    family_id = session.execute(
        select(RefreshToken.family_id).where(RefreshToken.token_hash == digest)
    ).scalar_one_or_none()
    if family_id is None:
        return None
    session.execute(select(RefreshToken.id).where(RefreshToken.id == family_id).with_for_update())
    # populate_existing: re-read after the lock, in case an earlier read in this session is stale.
    return session.execute(
        select(RefreshToken)
        .where(RefreshToken.token_hash == digest)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).scalar_one_or_none()


def _insert(
    session: Session,
    user_id: uuid.UUID,
    seller_id: uuid.UUID,
    family_id: uuid.UUID,
    family_expires_at: datetime,
    now: datetime,
    token: str | None = None,
    token_id: uuid.UUID | None = None,
) -> IssuedRefreshToken:
    token = token or secrets.token_urlsafe(TOKEN_BYTES)
    session.add(
        RefreshToken(
            id=token_id or uuid.uuid4(),
            user_id=user_id,
            seller_id=seller_id,
            family_id=family_id,
            token_hash=hash_token(token),
            issued_at=now,
            family_expires_at=family_expires_at,
        )
    )
    session.flush()
    return IssuedRefreshToken(token, user_id, seller_id, family_id, family_expires_at)
