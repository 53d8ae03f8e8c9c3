"""Request and response bodies of /api/team (members, invitations, roles)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from pixecom.api.schemas.auth import NewEmail
from pixecom.api.schemas.base import OutModel
from pixecom.domain.enums import UserRole
from pixecom.domain.permissions import Permission

MAX_SCOPE_IDS = 500
AccountIds = Annotated[
    list[uuid.UUID] | None,
    Field(
        max_length=MAX_SCOPE_IDS,
        description="Limit the member to these ad accounts (media_buyer and analyst only); null = all",
    ),
]


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid")


class InvitationIn(_Request):
    email: NewEmail
    role: UserRole
    ad_account_ids: AccountIds = None


class MemberPatch(_Request):
    role: UserRole | None = None
    ad_account_ids: AccountIds = Field(
        default=None,
        description="Present: the member's ad accounts from now on (null = all); absent: unchanged",
    )


class TransferIn(_Request):
    user_id: uuid.UUID = Field(description="The member who becomes an owner; you become an admin")


class MemberOut(OutModel):
    user_id: uuid.UUID
    email: str
    role: UserRole
    ad_account_ids: list[uuid.UUID] | None = Field(description="null: every ad account of the seller")
    joined_at: datetime
    last_login_at: datetime | None


class MemberList(OutModel):
    data: list[MemberOut]


class InvitationOut(OutModel):
    id: uuid.UUID
    email: str | None
    role: UserRole
    ad_account_ids: list[uuid.UUID] | None
    invited_by: uuid.UUID | None
    created_at: datetime
    expires_at: datetime


class InvitationList(OutModel):
    data: list[InvitationOut]


class NewInvitationOut(OutModel):
    id: uuid.UUID
    email: str
    role: UserRole
    code: str = Field(description="Single use, shown only now; send it to the invitee")
    accept_path: str = Field(description="The console's page that accepts it: /register?invitation=CODE")
    expires_at: datetime


class RolePermissions(OutModel):
    role: UserRole
    permissions: list[Permission]
    may_be_limited_to_ad_accounts: bool


class RoleTable(OutModel):
    data: list[RolePermissions]
