"""Token health of a connected ad account: where its token came from, when it expires, what
Meta says of it, and what the seller must do (Meta's debug_token answer and its session errors).

States: `ok`; `expiring_soon` (token or data access ends in under 7 days); `needs_reconnect`
with a reason from Meta's 190 subcode. The alerts read `token_health()` (expiry included).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from pixecom.db.models import AdAccount
from pixecom.domain.enums import ConnectionStatus

EXPIRING_SOON = timedelta(days=7)
_SUBCODE_IN_ERROR = re.compile(r"\bsubcode=(\d+)")


class TokenSource(StrEnum):
    LOGIN = "login"
    SYSTEM_USER = "system_user"
    PASTED = "pasted"


class HealthState(StrEnum):
    OK = "ok"
    EXPIRING_SOON = "expiring_soon"
    NEEDS_RECONNECT = "needs_reconnect"


class ReconnectReason(StrEnum):
    EXPIRED = "expired"  # 463, or past expires_at
    PASSWORD_CHANGED = "password_changed"  # 460
    APP_REMOVED = "app_removed"  # 458 or a deauthorize callback
    CHECKPOINT = "checkpoint"  # 459 / 464: the seller must log in on facebook.com
    DATA_ACCESS_EXPIRED = "data_access_expired"  # 90 days without activity
    INVALID = "invalid"  # any other 190 (467, none): reconnect


_BY_SUBCODE = {
    458: ReconnectReason.APP_REMOVED,
    459: ReconnectReason.CHECKPOINT,
    460: ReconnectReason.PASSWORD_CHANGED,
    463: ReconnectReason.EXPIRED,
    # 464 "Unconfirmed user: log in at facebook.com" is handled like 459 [U].
    464: ReconnectReason.CHECKPOINT,
    467: ReconnectReason.INVALID,
}


def reason_for_subcode(subcode: int | None) -> ReconnectReason:
    return _BY_SUBCODE.get(subcode or 0, ReconnectReason.INVALID)


def reason_from_error(connection_error: str | None) -> ReconnectReason:
    """The reason of a NEEDS_REAUTH the sync recorded: its error text carries `subcode=N`."""
    match = _SUBCODE_IN_ERROR.search(connection_error or "")
    return reason_for_subcode(int(match.group(1)) if match else None)


@dataclass(frozen=True)
class TokenHealth:
    source: TokenSource
    state: HealthState
    reason: ReconnectReason | None
    expires_at: datetime | None
    data_access_expires_at: datetime | None
    scopes: list[str]


def token_health(account: AdAccount, now: datetime) -> TokenHealth:
    """What the API shows for the account's token (and what the alerts read)."""
    state, reason = HealthState.OK, None
    expiry, data_expiry = account.token_expires_at, account.token_data_access_expires_at
    if account.connection_status is not ConnectionStatus.ACTIVE or not account.access_token_encrypted:
        state = HealthState.NEEDS_RECONNECT
        stored = account.reauth_reason
        reason = ReconnectReason(stored) if stored else reason_from_error(account.connection_error)
    elif expiry is not None and expiry <= now:
        state, reason = HealthState.NEEDS_RECONNECT, ReconnectReason.EXPIRED
    elif data_expiry is not None and data_expiry <= now:
        state, reason = HealthState.NEEDS_RECONNECT, ReconnectReason.DATA_ACCESS_EXPIRED
    elif any(moment is not None and moment - now < EXPIRING_SOON for moment in (expiry, data_expiry)):
        state = HealthState.EXPIRING_SOON
    return TokenHealth(
        source=TokenSource(account.token_source or TokenSource.PASTED),
        state=state,
        reason=reason,
        expires_at=expiry,
        data_access_expires_at=data_expiry,
        scopes=list(account.token_scopes or []),
    )
