"""The daily token-health check (TokenHealthFunction): re-read `debug_token` for every live grant
and every account with a pasted or system-user token, refresh what Meta allows, and record what
it says: expiry, data-access expiry and scopes, or NEEDS_REAUTH with the reason of its 190.

Refresh: there are no refresh tokens. A still-valid long-lived user token that expires within 7
days is exchanged again (`fb_exchange_token`); whether that extends the 60 days is unconfirmed
[U], so the new expiry is read back from `debug_token`, never assumed.
"""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass
from datetime import datetime

from sqlalchemy import select

from pixecom.accounts.connect import set_facts
from pixecom.accounts.grants import apply_token, facts_of
from pixecom.accounts.health import EXPIRING_SOON, TokenSource, reason_for_subcode
from pixecom.accounts.oauth import LoginNotConfigured, OAuthClient, TokenInfo, meta_app
from pixecom.crypto import TokenDecryptionError, decrypt_token, encrypt_token
from pixecom.db.engine import session_scope
from pixecom.db.login_models import MetaGrant
from pixecom.db.models import AdAccount
from pixecom.domain.enums import ConnectionStatus
from pixecom.meta.errors import GraphError
from pixecom.observability import logger
from pixecom.settings import Settings, get_settings


@dataclass
class TokenCheckReport:
    skipped: bool = False  # no Meta app configured
    grants_checked: int = 0
    accounts_checked: int = 0
    refreshed: int = 0
    needs_reconnect: int = 0
    errors: int = 0

    def as_dict(self) -> dict[str, int | bool]:
        return asdict(self)


def check_tokens(now: datetime, settings: Settings | None = None) -> TokenCheckReport:
    report = TokenCheckReport()
    try:
        app = meta_app(settings or get_settings(), need_redirect=False)
    except LoginNotConfigured:
        report.skipped = True
        return report
    with session_scope() as session:
        grants = session.execute(
            select(MetaGrant.id, MetaGrant.access_token_encrypted).where(
                MetaGrant.revoked_at.is_(None), MetaGrant.access_token_encrypted.is_not(None)
            )
        ).all()
        pasted = session.execute(
            select(AdAccount.id, AdAccount.access_token_encrypted).where(
                AdAccount.grant_id.is_(None), AdAccount.connection_status == ConnectionStatus.ACTIVE
            )
        ).all()
    with OAuthClient(app) as oauth:
        for grant_id, ciphertext in grants:
            try:
                _check_grant(oauth, grant_id, decrypt_token(ciphertext or b""), now, report)
            except (GraphError, TokenDecryptionError) as exc:
                report.errors += 1
                logger.warning(
                    "token check failed", extra={"grant_id": str(grant_id), "error": type(exc).__name__}
                )
        for account_id, ciphertext in pasted:
            try:
                info = oauth.debug_token(decrypt_token(ciphertext))
            except (GraphError, TokenDecryptionError) as exc:
                report.errors += 1
                logger.warning(
                    "token check failed", extra={"account_id": str(account_id), "error": type(exc).__name__}
                )
                continue
            report.accounts_checked += 1
            _record_account(account_id, info, report)
    logger.info("token health checked", extra=report.as_dict())
    return report


def _check_grant(
    oauth: OAuthClient, grant_id: uuid.UUID, token: str, now: datetime, report: TokenCheckReport
) -> None:
    info = oauth.debug_token(token)
    report.grants_checked += 1
    new_token: str | None = None
    if (
        info.is_valid
        and info.type == "USER"
        and info.expires_at is not None
        and info.expires_at - now < EXPIRING_SOON
    ):
        try:
            candidate = oauth.exchange_long_lived(token)
            fresh = oauth.debug_token(candidate)
        except GraphError:
            fresh = None
        if fresh is not None and fresh.is_valid:
            new_token, info = candidate, fresh
            report.refreshed += 1
    with session_scope() as session:
        grant = session.get(MetaGrant, grant_id, with_for_update=True)
        if grant is None or grant.revoked_at is not None:
            return
        grant.checked_at = now
        if not info.is_valid:
            report.needs_reconnect += _mark_reconnect(
                session.scalars(select(AdAccount).where(AdAccount.grant_id == grant_id)), info
            )
            return
        grant.scopes = sorted(info.scopes)
        grant.granular_scopes = info.granular_scopes
        grant.expires_at, grant.data_access_expires_at = info.expires_at, info.data_access_expires_at
        if new_token is not None:
            grant.access_token_encrypted = encrypt_token(new_token)
            apply_token(session, grant, grant.access_token_encrypted, facts_of(info))
        else:
            for account in session.scalars(select(AdAccount).where(AdAccount.grant_id == grant_id)):
                if account.connection_status is ConnectionStatus.ACTIVE:
                    set_facts(account, facts_of(info))


def _record_account(account_id: uuid.UUID, info: TokenInfo, report: TokenCheckReport) -> None:
    with session_scope() as session:
        account = session.get(AdAccount, account_id, with_for_update=True)
        if account is None:
            return
        if not info.is_valid:
            report.needs_reconnect += _mark_reconnect([account], info)
            return
        facts = facts_of(info)
        if facts.source is TokenSource.LOGIN:  # a pasted user token stays "pasted"
            facts = type(facts)(
                TokenSource.PASTED, facts.expires_at, facts.data_access_expires_at, facts.scopes
            )
        set_facts(account, facts)


def _mark_reconnect(accounts: object, info: TokenInfo) -> int:
    count = 0
    for account in accounts:  # type: ignore[attr-defined]
        if account.connection_status is not ConnectionStatus.ACTIVE:
            continue
        reason = reason_for_subcode(info.error_subcode)
        account.connection_status = ConnectionStatus.NEEDS_REAUTH
        account.reauth_reason = reason.value
        account.connection_error = (
            f"Meta says the token is no longer valid (code={info.error_code} subcode={info.error_subcode})"
        )
        count += 1
    return count
