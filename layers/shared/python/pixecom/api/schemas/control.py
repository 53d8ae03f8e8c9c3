"""Request and response bodies of the control routes (`api/routers/control.py`)."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from pixecom.api.schemas.ads_manager import Currency, MoneyString
from pixecom.api.schemas.base import OutModel
from pixecom.api.schemas.paging import Paging
from pixecom.control.rules import MAX_IDS_PER_REQUEST
from pixecom.domain.budgets import BudgetType
from pixecom.domain.enums import CampaignStatus, EntityLevel, JobItemOutcome, JobStatus


class StatusChangeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    level: EntityLevel
    ids: list[uuid.UUID] = Field(min_length=1, max_length=MAX_IDS_PER_REQUEST)
    status: Literal["ACTIVE", "PAUSED"]


class BudgetAmountIn(BaseModel):
    """Money: an amount in a currency's units, with that currency (it must be the ad account's)."""

    model_config = ConfigDict(extra="forbid")

    amount: Annotated[Decimal, Field(gt=0, max_digits=18, decimal_places=4, examples=["50.00"])]
    currency: Currency


class BudgetIn(BaseModel):
    """The budget to set: `amount`, or `percent` (a change of the current budget: 10 is +10%)."""

    model_config = ConfigDict(extra="forbid")

    type: BudgetType
    amount: BudgetAmountIn | None = None
    percent: Annotated[Decimal | None, Field(ge=-90, le=1000, decimal_places=2, examples=["10"])] = None

    @model_validator(mode="after")
    def _one_of(self) -> BudgetIn:
        if (self.amount is None) == (self.percent is None):
            raise ValueError("give either amount or percent")
        if self.percent == 0:
            raise ValueError("percent must not be 0")
        return self


class BudgetChangeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    level: Literal["campaign", "adset"]
    ids: list[uuid.UUID] = Field(min_length=1, max_length=MAX_IDS_PER_REQUEST)
    budget: BudgetIn


JobKind = Literal["status_change", "budget_change"]


class BudgetRequestOut(OutModel):
    """What a budget job asked for."""

    type: BudgetType
    amount: MoneyString | None = None
    currency: Currency | None = None
    percent: str | None = Field(default=None, description="a change in percent, e.g. '10' or '-15'")


class JobAccepted(OutModel):
    job_id: uuid.UUID


class JobItemOut(OutModel):
    id: uuid.UUID = Field(description="the campaign, ad set or ad")
    name: str
    from_status: CampaignStatus
    to_status: CampaignStatus
    outcome: JobItemOutcome
    error: str | None
    from_budget: MoneyString | None = Field(
        default=None, description="a budget job's: the budget before, in the ad account's currency"
    )
    to_budget: MoneyString | None = Field(default=None, description="a budget job's: the budget asked for")


class JobOut(OutModel):
    id: uuid.UUID
    kind: JobKind
    status: JobStatus
    created_at: datetime
    finished_at: datetime | None
    budget: BudgetRequestOut | None = None
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
    target_status: CampaignStatus | None = Field(description="a status job's target; null for a budget job")
    budget: BudgetRequestOut | None = None
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
    BUDGET_CHANGE_REQUESTED = "budget_change_requested"
    BUDGET_CHANGE = "budget_change"  # from and to: budgets as money in the account's currency
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
    budget_type: BudgetType | None = None
    budget: BudgetRequestOut | None = None
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
    from_status: CampaignStatus | str | None = Field(
        description="A status, or a budget as money in the ad account's currency"
    )
    to_status: CampaignStatus | str | None = Field(
        description="A status, or a budget as money in the ad account's currency"
    )
    outcome: Literal["accepted", "applied", "failed", "skipped"] | None
    job_id: uuid.UUID | None
    detail: AuditDetail | None


class AuditListOut(OutModel):
    data: list[AuditEntryOut]
    paging: Paging

