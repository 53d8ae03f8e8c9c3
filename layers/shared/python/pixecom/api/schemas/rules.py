"""Request and response bodies of the rules routes (`api/routers/rules.py`)."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal

from pydantic import BaseModel, ConfigDict

from pixecom.domain.automation import RuleActionType, RuleWindow
from pixecom.domain.enums import EntityLevel
from pixecom.rules.spec import Action, Condition, Scope


class RuleOut(BaseModel):
    id: uuid.UUID
    name: str
    level: EntityLevel
    scope: Scope
    window: RuleWindow
    conditions: list[Condition]
    min_spend: Decimal
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
    min_spend: Decimal | None = None
    action: Action | None = None
    cooldown_minutes: int | None = None
    enabled: bool | None = None


class RuleList(BaseModel):
    data: list[RuleOut]


class PreviewEntity(BaseModel):
    level: EntityLevel
    entity_id: uuid.UUID
    name: str
    matched_id: uuid.UUID
    values: dict[str, str | None]
    daily_budget_from: int | None = None
    daily_budget_to: int | None = None


class RulePreview(BaseModel):
    rule_id: uuid.UUID
    action: RuleActionType
    entities: list[PreviewEntity]


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
