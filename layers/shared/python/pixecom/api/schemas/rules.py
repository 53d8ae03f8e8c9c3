"""Request and response bodies of the rules routes (`api/routers/rules.py`)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from pixecom.api.schemas.automation import PreviewEntity, SkippedAccount
from pixecom.domain.automation import RuleActionType, RuleWindow
from pixecom.domain.enums import EntityLevel
from pixecom.rates.thresholds import MoneyAmount, require_currency
from pixecom.rules.spec import Action, Condition, Scope


class RuleOut(BaseModel):
    id: uuid.UUID
    name: str
    level: EntityLevel
    scope: Scope
    window: RuleWindow
    conditions: list[Condition]
    min_spend: MoneyAmount
    action: Action
    cooldown_minutes: int
    enabled: bool
    last_evaluated_at: datetime | None
    created_at: datetime
    updated_at: datetime


class RulePatch(BaseModel):
    """Any fields of a rule; the rule as a whole is validated again after the change."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = None
    level: EntityLevel | None = None
    scope: Scope | None = None
    window: RuleWindow | None = None
    conditions: list[Condition] | None = None
    min_spend: MoneyAmount | None = None
    action: Action | None = None
    cooldown_minutes: int | None = None
    enabled: bool | None = None

    @field_validator("min_spend", mode="before")
    @classmethod
    def _min_spend_has_currency(cls, value: Any) -> Any:
        return require_currency(value, "min_spend")


class RuleList(BaseModel):
    data: list[RuleOut]


class RulePreview(BaseModel):
    rule_id: uuid.UUID
    action: RuleActionType
    entities: list[PreviewEntity]
    skipped_accounts: list[SkippedAccount] = Field(
        description="accounts in the rule's scope its amounts cannot apply to (no exchange rate), and why"
    )


class RuleRunOut(BaseModel):
    id: uuid.UUID
    rule_id: uuid.UUID
    ad_account_id: uuid.UUID
    evaluation_key: str
    action: RuleActionType
    entities: list[PreviewEntity]
    job_id: uuid.UUID | None
    created_at: datetime


class RuleRunList(BaseModel):
    data: list[RuleRunOut]
