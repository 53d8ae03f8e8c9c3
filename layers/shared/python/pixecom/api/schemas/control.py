"""Request and response bodies of the control routes (`api/routers/control.py`)."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from pixecom.api.schemas.base import OutModel
from pixecom.api.schemas.paging import Paging
from pixecom.control.rules import MAX_IDS_PER_REQUEST
from pixecom.domain.enums import CampaignStatus, EntityLevel, JobItemOutcome, JobStatus


class StatusChangeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    level: EntityLevel
    ids: list[uuid.UUID] = Field(min_length=1, max_length=MAX_IDS_PER_REQUEST)
    status: Literal["ACTIVE", "PAUSED"]


JobKind = Literal["status_change"]


class JobAccepted(OutModel):
    job_id: uuid.UUID


class JobItemOut(OutModel):
    id: uuid.UUID = Field(description="the campaign, ad set or ad")
    name: str
    from_status: CampaignStatus
    to_status: CampaignStatus
    outcome: JobItemOutcome
    error: str | None


class JobOut(OutModel):
    id: uuid.UUID
    kind: JobKind
    status: JobStatus
    created_at: datetime
    finished_at: datetime | None
    items: list[JobItemOut]


class JobCounts(OutModel):
    """Items per outcome."""

    pending: int = 0
    applied: int = 0
    failed: int = 0
    skipped: int = 0


class JobSummaryOut(OutModel):
    id: uuid.UUID
    kind: JobKind
    level: EntityLevel
    target_status: CampaignStatus
    status: JobStatus
    created_at: datetime
    finished_at: datetime | None
    counts: JobCounts


class JobListOut(OutModel):
    data: list[JobSummaryOut]
    paging: Paging


class AuditAction(StrEnum):
    STATUS_CHANGE_REQUESTED = "status_change_requested"
    STATUS_CHANGE = "status_change"
    BUDGET_CHANGE = "budget_change"  # an automated rule's daily_budget change (minor units)
    # team changes (pixecom.auth.team): entity_level "member", from/to the role
    MEMBER_INVITED = "member_invited"
    INVITATION_CANCELLED = "invitation_cancelled"
    MEMBER_JOINED = "member_joined"
    MEMBER_CHANGED = "member_changed"
    MEMBER_REMOVED = "member_removed"
    OWNERSHIP_TRANSFERRED = "ownership_transferred"
    # other writes through the API (pixecom.control.audit.record_write)
    RULE_CREATED = "rule_created"
    RULE_CHANGED = "rule_changed"
    RULE_DELETED = "rule_deleted"
    RULE_ENABLED = "rule_enabled"
    RULE_DISABLED = "rule_disabled"
    ALERT_ACKNOWLEDGED = "alert_acknowledged"
    ALERT_SETTINGS_CHANGED = "alert_settings_changed"
    WEBHOOK_SET = "webhook_set"
    WEBHOOK_DELETED = "webhook_deleted"
    SELLPAGE_CREATED = "sellpage_created"
    SELLPAGE_CHANGED = "sellpage_changed"
    SELLPAGE_DELETED = "sellpage_deleted"
    CAMPAIGN_SELLPAGE_SET = "campaign_sellpage_set"
    AD_ACCOUNT_CONNECTED = "ad_account_connected"
    AD_ACCOUNT_TOKEN_REPLACED = "ad_account_token_replaced"
    AD_ACCOUNT_DISCONNECTED = "ad_account_disconnected"
    REPORTING_CURRENCY_SET = "reporting_currency_set"
    STORE_KEY_CREATED = "store_key_created"
    STORE_KEY_REVOKED = "store_key_revoked"


class AuditDetail(OutModel):
    """What else the entry records: `items` for a request; `meta_id`, `attempts`, `error` for an item."""

    items: int | None = None
    meta_id: str | None = None
    attempts: int | None = None
    error: str | None = None
    ad_account_ids: list[str] | None = None  # member_changed: the member's ad accounts (null: all)


class AuditEntryOut(OutModel):
    id: int
    at: datetime
    user_id: uuid.UUID | None
    user_email: str | None = Field(description="The person who acted (or joined), when one did")
    rule_id: uuid.UUID | None = Field(default=None, description="Set when an automated rule acted")
    rule_name: str | None = Field(description="The rule that acted")
    rule_created_by: uuid.UUID | None = Field(description="Who made the rule that acted")
    rule_created_by_email: str | None
    action: AuditAction
    entity_level: (
        EntityLevel
        | Literal[
            "member",
            "rule",
            "alert",
            "alert_settings",
            "webhook",
            "sellpage",
            "ad_account",
            "settings",
            "store_key",
        ]
        | None
    ) = Field(description="What the entry is about: an Ads Manager level, or another kind of object")
    entity_id: uuid.UUID | None
    entity_name: str | None
    from_status: CampaignStatus | str | None = Field(description="A status, or a daily budget in minor units")
    to_status: CampaignStatus | str | None = Field(description="A status, or a daily budget in minor units")
    outcome: Literal["accepted", "applied", "failed", "skipped"] | None
    job_id: uuid.UUID | None
    detail: AuditDetail | None


class AuditListOut(OutModel):
    data: list[AuditEntryOut]
    paging: Paging
