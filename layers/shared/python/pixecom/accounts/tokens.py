"""What we know of a connected account's token, stored on the account for token health."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from pixecom.accounts.health import TokenSource

READ_SCOPES = frozenset({"ads_read", "ads_management"})


@dataclass(frozen=True)
class TokenFacts:
    source: TokenSource
    expires_at: datetime | None = None
    data_access_expires_at: datetime | None = None
    scopes: list[str] = field(default_factory=list)
