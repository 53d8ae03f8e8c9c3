"""Request and response bodies of /api/meta (Facebook Login, token health, Meta's callbacks)."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from pixecom.accounts.connect import DEFAULT_BACKFILL_DAYS
from pixecom.accounts.grants import AccountChoice, GrantView
from pixecom.accounts.health import HealthState, ReconnectReason, TokenHealth, TokenSource


class AuthorizeUrlOut(BaseModel):
    authorize_url: str = Field(description="Open this Meta dialog URL in the browser")
    expires_at: datetime = Field(description="The state in the URL is good until then (10 minutes)")


class CallbackIn(BaseModel):
    """What Meta appended to the redirect URI, posted by the frontend's redirect page."""

    model_config = ConfigDict(extra="ignore")  # Meta may add parameters (error_code, ...)
    state: str = Field(min_length=1, max_length=200)
    code: str | None = Field(default=None, max_length=2000)
    error: str | None = Field(default=None, max_length=200)
    error_reason: str | None = Field(default=None, max_length=200)
    error_description: str | None = Field(default=None, max_length=500)


class ConnectableAccountOut(BaseModel):
    meta_account_id: str
    name: str
    currency: str | None
    timezone_name: str | None
    account_status: int | None
    tasks: list[str]
    can_manage: bool = Field(description="ads_management and a MANAGE/ADVERTISE task: status changes work")
    connectable: bool
    reason: str | None = Field(
        description="why not: permission_declined, account_not_granted, account_not_active, missing_tasks, "
        "already_connected, connected_by_another_seller"
    )
    connected: str | None = Field(description="this_seller, another_seller (never says which) or null")
    account_id: uuid.UUID | None

    @classmethod
    def of(cls, choice: AccountChoice) -> ConnectableAccountOut:
        return cls(**choice.__dict__)


class ConnectionOut(BaseModel):
    connection_id: uuid.UUID
    token_type: str
    scopes: list[str]
    declined_scopes: list[str] = Field(description="declined permissions: connect again to re-request them")
    expires_at: datetime | None
    data_access_expires_at: datetime | None
    ad_accounts: list[ConnectableAccountOut]

    @classmethod
    def of(cls, view: GrantView) -> ConnectionOut:
        return cls(
            connection_id=view.connection_id,
            token_type=view.token_type,
            scopes=view.scopes,
            declined_scopes=view.declined_scopes,
            expires_at=view.expires_at,
            data_access_expires_at=view.data_access_expires_at,
            ad_accounts=[ConnectableAccountOut.of(c) for c in view.accounts],
        )


class ConnectAccountsIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    ad_account_ids: list[str] = Field(min_length=1, max_length=200)
    backfill_days: int = Field(default=DEFAULT_BACKFILL_DAYS, ge=1, le=1131)


class ConnectedAccountOut(BaseModel):
    account_id: uuid.UUID
    meta_account_id: str
    name: str


class RefusedAccountOut(BaseModel):
    meta_account_id: str
    reason: str


class ConnectAccountsOut(BaseModel):
    connected: list[ConnectedAccountOut]
    refused: list[RefusedAccountOut]


class TokenHealthOut(BaseModel):
    source: TokenSource
    state: HealthState
    reason: ReconnectReason | None
    expires_at: datetime | None
    data_access_expires_at: datetime | None
    scopes: list[str]

    @classmethod
    def of(cls, health: TokenHealth) -> TokenHealthOut:
        return cls(**health.__dict__)


class AccountTokenHealthOut(BaseModel):
    account_id: uuid.UUID
    meta_account_id: str
    name: str
    connection_id: uuid.UUID | None
    token: TokenHealthOut


class TokenHealthList(BaseModel):
    data: list[AccountTokenHealthOut]


class DeletionAnswer(BaseModel):
    """What Meta's data-deletion callback expects."""

    url: str
    confirmation_code: str


class DeauthorizeAnswer(BaseModel):
    ok: bool


class DeletionStatusOut(BaseModel):
    confirmation_code: str
    kind: str
    status: str
    accounts_affected: int
    detail: str | None
    received_at: datetime
    completed_at: datetime | None
