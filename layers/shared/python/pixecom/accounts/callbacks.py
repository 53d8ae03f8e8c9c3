"""Meta's app callbacks: deauthorize and data deletion, each a form POST of a `signed_request`
(Meta's form of both). Verified with the app secret in constant time; idempotent (one record
per Meta request, keyed by user and issued_at); audited for every seller concerned.

- deauthorize: the accounts the user's grants connected are disconnected (DISABLED, reason
  app_removed) and every token of those grants erased.
- data deletion: the same, then those accounts and everything synced for them are deleted
  (campaigns, ad sets, ads, stats and sync runs by cascade) and the grants too.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import secrets
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pixecom.accounts.health import ReconnectReason
from pixecom.db.engine import session_scope
from pixecom.db.login_models import MetaDataDeletion, MetaGrant
from pixecom.db.models import AdAccount, AuditLog
from pixecom.domain.enums import ConnectionStatus
from pixecom.observability import logger

MAX_AGE = timedelta(days=1)  # social-core rejects older signed requests too
DEAUTHORIZE, DATA_DELETION = "deauthorize", "data_deletion"


class BadSignedRequest(Exception):
    """Malformed, wrongly signed, of another algorithm, or too old. Never says which."""


def _unb64(part: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
    except (binascii.Error, ValueError):
        raise BadSignedRequest() from None


def parse_signed_request(raw: str, secret: str, now: datetime) -> dict[str, Any]:
    """The verified payload of `<b64url(sig)>.<b64url(payload)>` (HMAC-SHA256 of the encoded payload)."""
    signature_part, _, payload_part = raw.partition(".")
    if not signature_part or not payload_part:
        raise BadSignedRequest()
    expected = hmac.new(secret.encode(), payload_part.encode(), hashlib.sha256).digest()
    if not hmac.compare_digest(_unb64(signature_part), expected):
        raise BadSignedRequest()
    try:
        payload = json.loads(_unb64(payload_part))
    except ValueError:
        raise BadSignedRequest() from None
    if not isinstance(payload, dict) or str(payload.get("algorithm", "")).upper() != "HMAC-SHA256":
        raise BadSignedRequest()
    user_id = payload.get("user_id")
    issued_at = payload.get("issued_at")
    if not user_id or not isinstance(issued_at, int):
        raise BadSignedRequest()
    if datetime.fromtimestamp(issued_at, UTC) < now - MAX_AGE:
        raise BadSignedRequest()
    return payload


def handle_callback(kind: str, payload: dict[str, Any], now: datetime) -> MetaDataDeletion:
    """Apply a verified deauthorize / data-deletion request once; a repeat returns the first record."""
    user_id = str(payload["user_id"])
    key = f"{kind}:{user_id}:{payload['issued_at']}"
    existing = _find(key)
    if existing is not None:
        return existing
    try:
        with session_scope() as session:
            counts = _apply(session, kind, user_id, now)
            record = MetaDataDeletion(
                kind=kind,
                meta_user_id=user_id,
                request_key=key,
                confirmation_code=secrets.token_hex(10),
                status="completed",
                accounts_affected=sum(counts.values()),
                detail=_describe(kind, sum(counts.values())),
                received_at=now,
                completed_at=now,
            )
            session.add(record)
    except IntegrityError:  # the same request, handled concurrently
        pass
    found = _find(key)
    if found is None:
        raise RuntimeError("the callback record was not stored")
    logger.info("meta callback handled", extra={"kind": kind, "accounts": found.accounts_affected})
    return found


def deletion_status(confirmation_code: str) -> MetaDataDeletion | None:
    with session_scope() as session:
        record = session.scalars(
            select(MetaDataDeletion).where(MetaDataDeletion.confirmation_code == confirmation_code)
        ).first()
        if record is not None:
            session.expunge(record)
        return record


def _find(key: str) -> MetaDataDeletion | None:
    with session_scope() as session:
        record = session.scalars(select(MetaDataDeletion).where(MetaDataDeletion.request_key == key)).first()
        if record is not None:
            session.expunge(record)
        return record


def _apply(session: Session, kind: str, meta_user_id: str, now: datetime) -> dict[uuid.UUID, int]:
    """Disconnect (and for data deletion, delete) per seller; returns accounts touched per seller."""
    grants = list(session.scalars(select(MetaGrant).where(MetaGrant.meta_user_id == meta_user_id)))
    counts: dict[uuid.UUID, int] = {}
    for grant in grants:
        accounts = list(session.scalars(select(AdAccount).where(AdAccount.grant_id == grant.id)))
        counts[grant.seller_id] = counts.get(grant.seller_id, 0) + len(accounts)
        if kind == DATA_DELETION:
            session.execute(delete(AdAccount).where(AdAccount.grant_id == grant.id))
            session.delete(grant)
        else:
            for account in accounts:
                account.connection_status = ConnectionStatus.DISABLED
                account.reauth_reason = ReconnectReason.APP_REMOVED.value
                account.connection_error = "The seller removed our app on Facebook"
                account.access_token_encrypted = b""  # erased
            grant.access_token_encrypted = None
            grant.revoked_at = now
        session.add(
            AuditLog(
                seller_id=grant.seller_id,
                action=f"meta_{kind}",
                outcome="completed",
                detail={"accounts": len(accounts), "meta_account_ids": [a.meta_account_id for a in accounts]},
                created_at=now,
            )
        )
    return counts


def _describe(kind: str, accounts: int) -> str:
    if kind == DATA_DELETION:
        return (
            f"Deleted the access tokens and all data received from Meta (campaigns, ad sets, ads, "
            f"statistics, sync history) for {accounts} ad account(s)."
        )
    return f"Erased the access tokens and disconnected {accounts} ad account(s)."
