"""Grants: what one Meta user allowed one seller (token kept encrypted, scopes, expiry, the ad
accounts Meta listed), which of those accounts can be connected and why not, connecting them,
and giving a re-authorized token to every account of the grant."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from pixecom.accounts import connect
from pixecom.accounts.health import TokenSource
from pixecom.accounts.oauth import TokenInfo
from pixecom.accounts.tokens import READ_SCOPES, TokenFacts
from pixecom.crypto import decrypt_token, encrypt_token
from pixecom.db.engine import session_scope
from pixecom.db.login_models import MetaGrant
from pixecom.db.models import AdAccount
from pixecom.domain.enums import ConnectionStatus

ACTIVE_ACCOUNT_STATUSES = frozenset({1, 9})  # ACTIVE, IN_GRACE_PERIOD (still delivers)
READ_TASKS = frozenset({"MANAGE", "ADVERTISE", "ANALYZE"})
WRITE_TASKS = frozenset({"MANAGE", "ADVERTISE"})  # status writes [3P; Meta's mapping U]


class GrantNotFound(Exception):
    """No such connection for this seller (another seller's looks the same)."""


@dataclass(frozen=True)
class AccountChoice:
    meta_account_id: str
    name: str
    currency: str | None
    timezone_name: str | None
    account_status: int | None
    tasks: list[str]
    can_manage: bool
    connectable: bool
    reason: str | None  # why it cannot be connected
    connected: str | None  # "this_seller" | "another_seller" | None
    account_id: uuid.UUID | None  # ours, when connected by this seller


@dataclass(frozen=True)
class GrantView:
    connection_id: uuid.UUID
    meta_user_id: str
    token_type: str
    scopes: list[str]
    declined_scopes: list[str]
    expires_at: datetime | None
    data_access_expires_at: datetime | None
    accounts: list[AccountChoice]


def facts_of(info: TokenInfo) -> TokenFacts:
    source = TokenSource.SYSTEM_USER if info.type == "SYSTEM_USER" else TokenSource.LOGIN
    return TokenFacts(source, info.expires_at, info.data_access_expires_at, sorted(info.scopes))


def save_grant(
    seller_id: uuid.UUID,
    user_id: uuid.UUID,
    token: str,
    info: TokenInfo,
    declined: list[str],
    accounts: list[dict[str, Any]],
    now: datetime,
) -> uuid.UUID:
    """Create or renew the seller's grant for this Meta user; a renewed token goes to every
    account of the grant, which become ACTIVE again."""
    ciphertext = encrypt_token(token)
    with session_scope() as session:
        grant = session.scalars(
            select(MetaGrant)
            .where(MetaGrant.seller_id == seller_id, MetaGrant.meta_user_id == info.user_id)
            .with_for_update()
        ).first()
        if grant is None:
            grant = MetaGrant(seller_id=seller_id, meta_user_id=info.user_id or "", created_at=now)
            session.add(grant)
        grant.user_id = user_id
        grant.token_type = info.type
        grant.access_token_encrypted = ciphertext
        grant.scopes, grant.declined_scopes = sorted(info.scopes), declined
        grant.granular_scopes = info.granular_scopes
        grant.ad_accounts = [_snapshot(raw) for raw in accounts]
        grant.expires_at, grant.data_access_expires_at = info.expires_at, info.data_access_expires_at
        grant.checked_at, grant.revoked_at = now, None
        session.flush()
        apply_token(session, grant, ciphertext, facts_of(info))
        return grant.id


def apply_token(session: Any, grant: MetaGrant, ciphertext: bytes, facts: TokenFacts) -> int:
    """Give the grant's token to every account connected with it; reactivate those that needed
    a reconnect. Returns how many accounts were updated."""
    accounts = list(session.scalars(select(AdAccount).where(AdAccount.grant_id == grant.id)))
    for account in accounts:
        account.access_token_encrypted = ciphertext
        connect.set_facts(account, facts)
        if account.connection_status is not ConnectionStatus.ACTIVE:
            account.connection_status = ConnectionStatus.ACTIVE
            account.connection_error = None
        account.reauth_reason = None
    return len(accounts)


def _snapshot(raw: dict[str, Any]) -> dict[str, Any]:
    account_id = str(raw.get("id") or f"act_{raw.get('account_id', '')}")
    return {
        "id": account_id if account_id.startswith("act_") else f"act_{account_id}",
        "name": str(raw.get("name") or account_id),
        "currency": raw.get("currency"),
        "timezone_name": raw.get("timezone_name"),
        "account_status": raw.get("account_status"),
        "user_tasks": [str(t) for t in raw.get("user_tasks") or []],
    }


def _targets(grant: MetaGrant, scope: str) -> set[str] | None:
    """Account ids a granular scope covers; None when it covers every account (no target_ids)."""
    for entry in grant.granular_scopes or []:
        if entry.get("scope") == scope and entry.get("target_ids") is not None:
            return {f"act_{t}" for t in entry["target_ids"]}
    return None


def _why_not(grant: MetaGrant, raw: dict[str, Any]) -> str | None:
    read_scopes = READ_SCOPES & set(grant.scopes)
    if not read_scopes:
        return "permission_declined"
    covered = [_targets(grant, scope) for scope in read_scopes]
    if all(targets is not None and raw["id"] not in targets for targets in covered):
        return "account_not_granted"
    if raw.get("account_status") not in ACTIVE_ACCOUNT_STATUSES:
        return "account_not_active"
    if not READ_TASKS & set(raw.get("user_tasks") or []):
        return "missing_tasks"
    return None


def _load(session: Any, seller_id: uuid.UUID, grant_id: uuid.UUID) -> MetaGrant:
    grant = session.scalars(
        select(MetaGrant).where(MetaGrant.id == grant_id, MetaGrant.seller_id == seller_id)
    ).first()
    if grant is None or grant.revoked_at is not None:
        raise GrantNotFound(str(grant_id))
    return grant


def grant_view(seller_id: uuid.UUID, grant_id: uuid.UUID) -> GrantView:
    with session_scope() as session:
        grant = _load(session, seller_id, grant_id)
        ids = [raw["id"] for raw in grant.ad_accounts]
        connected = session.execute(
            select(AdAccount.meta_account_id, AdAccount.seller_id, AdAccount.id).where(
                AdAccount.meta_account_id.in_(ids)
            )
        ).all()
        ours = {meta_id: our_id for meta_id, owner, our_id in connected if owner == seller_id}
        theirs = {meta_id for meta_id, owner, _ in connected if owner != seller_id}
        choices = []
        for raw in grant.ad_accounts:
            reason = _why_not(grant, raw)
            where = "this_seller" if raw["id"] in ours else "another_seller" if raw["id"] in theirs else None
            if reason is None and where is not None:
                reason = "already_connected" if where == "this_seller" else "connected_by_another_seller"
            tasks = list(raw.get("user_tasks") or [])
            choices.append(
                AccountChoice(
                    meta_account_id=raw["id"],
                    name=raw["name"],
                    currency=raw.get("currency"),
                    timezone_name=raw.get("timezone_name"),
                    account_status=raw.get("account_status"),
                    tasks=tasks,
                    can_manage="ads_management" in grant.scopes and bool(WRITE_TASKS & set(tasks)),
                    connectable=reason is None,
                    reason=reason,
                    connected=where,
                    account_id=ours.get(raw["id"]),
                )
            )
        return GrantView(
            connection_id=grant.id,
            meta_user_id=grant.meta_user_id,
            token_type=grant.token_type,
            scopes=list(grant.scopes),
            declined_scopes=list(grant.declined_scopes),
            expires_at=grant.expires_at,
            data_access_expires_at=grant.data_access_expires_at,
            accounts=choices,
        )


@dataclass(frozen=True)
class ConnectOutcome:
    connected: list[AdAccount]
    refused: list[tuple[str, str]]  # (meta account id, reason)


def connect_from_grant(
    seller_id: uuid.UUID,
    grant_id: uuid.UUID,
    meta_account_ids: list[str],
    *,
    backfill_days: int = connect.DEFAULT_BACKFILL_DAYS,
    now: datetime,
) -> ConnectOutcome:
    """Connect the chosen accounts with the grant's token and start their backfill, as
    POST /api/ad-accounts does; each account not connectable is refused with its reason."""
    view = grant_view(seller_id, grant_id)
    by_id = {choice.meta_account_id: choice for choice in view.accounts}
    with session_scope() as session:
        grant = _load(session, seller_id, grant_id)
        token = decrypt_token(grant.access_token_encrypted or b"")
        facts = TokenFacts(
            TokenSource.SYSTEM_USER if grant.token_type == "SYSTEM_USER" else TokenSource.LOGIN,
            grant.expires_at,
            grant.data_access_expires_at,
            list(grant.scopes),
        )
    connected: list[AdAccount] = []
    refused: list[tuple[str, str]] = []
    for raw_id in dict.fromkeys(meta_account_ids):
        account_ref = connect.normalize_account_id(raw_id)
        choice = by_id.get(account_ref)
        if choice is None or not choice.connectable:
            refused.append((account_ref, (choice.reason or "not_connectable") if choice else "not_in_grant"))
            continue
        try:
            account = connect.connect_account(
                seller_id,
                account_ref,
                token,
                backfill_days=backfill_days,
                now=now,
                facts=facts,
                grant_id=grant_id,
            )
        except connect.AccountAlreadyConnected:
            refused.append((account_ref, "already_connected"))
            continue
        except connect.AccountHeldElsewhere:
            refused.append((account_ref, "connected_by_another_seller"))
            continue
        except (connect.GraphRejected, connect.GraphUnavailable) as exc:
            refused.append((account_ref, getattr(exc, "code", "meta_unavailable")))
            continue
        connected.append(account)
    return ConnectOutcome(connected, refused)
