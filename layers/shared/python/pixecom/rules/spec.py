"""What a rule says, validated, and whether its condition holds for one entity: pure, no I/O."""

from __future__ import annotations

import operator
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

from pixecom.adsmanager.values import Values
from pixecom.domain.automation import ConditionOp, RuleActionType, RuleWindow
from pixecom.domain.budgets import changed_by_percent
from pixecom.domain.enums import EntityLevel
from pixecom.domain.metrics import METRIC_NAMES

MAX_BUDGET_CHANGE_PCT = Decimal(20)  # per change: larger jumps reset Meta's learning phase
BUDGET_SPACING_HOURS = 48  # at most one budget change per entity in this many hours
MAX_CONDITIONS = 5
MAX_IDS = 200


class Scope(BaseModel):
    """The Ads Manager filters a rule applies to; empty = all of the seller's."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    ad_account_ids: tuple[uuid.UUID, ...] = Field(default=(), max_length=MAX_IDS)
    sellpage_ids: tuple[uuid.UUID, ...] = Field(default=(), max_length=MAX_IDS)
    campaign_ids: tuple[uuid.UUID, ...] = Field(default=(), max_length=MAX_IDS)
    name_contains: str | None = Field(default=None, min_length=1, max_length=200)


class Condition(BaseModel):
    """`metric op value`, a metric of the Ads Manager (domain.metrics), values as it shows them:
    money in the account's currency, percentages x 100, ROAS as a ratio."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    metric: str
    op: ConditionOp
    value: Decimal = Field(max_digits=20, decimal_places=4)

    @model_validator(mode="after")
    def _known_metric(self) -> Condition:
        if self.metric not in METRIC_NAMES:
            raise ValueError(f"unknown metric {self.metric[:64]!r}; use one of {', '.join(METRIC_NAMES)}")
        return self


class Action(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    type: RuleActionType
    # change_budget only: percent, -20..20, not 0.
    percent: Decimal | None = Field(default=None, max_digits=5, decimal_places=2)

    @model_validator(mode="after")
    def _budget_percent(self) -> Action:
        if self.type is RuleActionType.CHANGE_BUDGET:
            if self.percent is None or self.percent == 0 or abs(self.percent) > MAX_BUDGET_CHANGE_PCT:
                raise ValueError("percent must be between -20 and 20 (not 0) for change_budget")
        elif self.percent is not None:
            raise ValueError("percent is only for change_budget")
        return self


class RuleSpec(BaseModel):
    """A whole rule as the API takes it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1, max_length=200)
    level: EntityLevel
    scope: Scope = Field(default_factory=Scope)
    window: RuleWindow
    conditions: tuple[Condition, ...] = Field(min_length=1, max_length=MAX_CONDITIONS)
    min_spend: Decimal = Field(ge=0, max_digits=16, decimal_places=2)
    action: Action
    cooldown_minutes: int = Field(default=1440, ge=0, le=60 * 24 * 30)
    enabled: bool = True

    @model_validator(mode="after")
    def _budget_level(self) -> RuleSpec:
        if self.action.type is RuleActionType.CHANGE_BUDGET and self.level is EntityLevel.AD:
            raise ValueError("change_budget applies to campaigns or ad sets (ads have no budget)")
        return self


T = TypeVar("T")

_OPS: dict[ConditionOp, Callable[[Any, Any], bool]] = {
    ConditionOp.GT: operator.gt,
    ConditionOp.GTE: operator.ge,
    ConditionOp.LT: operator.lt,
    ConditionOp.LTE: operator.le,
    ConditionOp.EQ: operator.eq,
}


def condition_holds(condition: Condition, metrics: Values) -> bool:
    """An undefined metric (zero denominator) never satisfies a condition. Counts compare as ints
    (exact against a Decimal), money and ratios as Decimals."""
    value = metrics[condition.metric]
    return value is not None and _OPS[condition.op](value, condition.value)


def matching(spec: RuleSpec, rows: Iterable[T], metrics_of: Callable[[T], Values]) -> list[T]:
    """The rows whose metrics match the rule, in order: spend at least the minimum, and every
    condition holds (`condition_holds`). One pass per test over what the last one kept: an
    evaluation runs this over thousands of rows per rule."""
    least = spec.min_spend
    kept = [row for row in rows if (spend := metrics_of(row)["spend"]) is not None and spend >= least]
    for condition in spec.conditions:
        holds, name, value = _OPS[condition.op], condition.metric, condition.value
        kept = [row for row in kept if (x := metrics_of(row)[name]) is not None and holds(x, value)]
    return kept


def rule_matches(spec: RuleSpec, metrics: Values) -> bool:
    """Whether one row's metrics match the rule (`matching`)."""
    return bool(matching(spec, [metrics], _itself))


def _itself(metrics: Values) -> Values:
    return metrics


def decisive_values(spec: RuleSpec, metrics: Values) -> dict[str, Any]:
    """The metric values the decision read (spend and each condition's metric), as shown."""
    names = dict.fromkeys(["spend", *(c.metric for c in spec.conditions)])
    return {n: None if metrics[n] is None else str(metrics[n]) for n in names}


@dataclass(frozen=True)
class BudgetChange:
    """A daily budget before and after, money in the ad account's currency."""

    from_amount: Decimal
    to_amount: Decimal


def capped_percent(percent: Decimal) -> Decimal:
    return max(-MAX_BUDGET_CHANGE_PCT, min(MAX_BUDGET_CHANGE_PCT, percent))


def changed_budget(current: Decimal, percent: Decimal, currency: str) -> BudgetChange:
    """The new daily budget: the change capped at +/-20%, rounded half-up to Meta's budget unit
    of the currency, never below one unit (the budget job computes the same: control.budgets)."""
    return BudgetChange(current, changed_by_percent(current, capped_percent(percent), currency))
