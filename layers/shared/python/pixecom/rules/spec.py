"""What a rule says, validated, and whether its condition holds for one entity: pure, no I/O."""

from __future__ import annotations

import operator
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from pixecom.adsmanager.values import Values, shown_metrics
from pixecom.domain.automation import ConditionOp, RuleActionType, RuleWindow
from pixecom.domain.budgets import changed_by_percent
from pixecom.domain.enums import EntityLevel
from pixecom.domain.metrics import METRIC_NAMES, MONEY_METRICS
from pixecom.domain.money import Conversion
from pixecom.rates.thresholds import (
    AccountMoney,
    Applied,
    MoneyAmount,
    money_without_currency,
    require_currency,
)

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
    # Ads only: ads whose creative is at least this worn out (`watch`: watch or fatigued), from
    # the seller's fatigue thresholds (pixecom.domain.fatigue). A stop-loss for tired creatives.
    creative_fatigue: Literal["watch", "fatigued"] | None = None


class Condition(BaseModel):
    """`metric op value`, a metric of the Ads Manager (domain.metrics), values as it shows them:
    money as an amount with its currency (`{"amount": "1.50", "currency": "USD"}`), percentages
    x 100, ROAS as a ratio, counts as numbers."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    metric: str
    op: ConditionOp
    value: MoneyAmount | Annotated[Decimal, Field(max_digits=20, decimal_places=4)] = Field(
        union_mode="left_to_right"
    )

    @model_validator(mode="after")
    def _known_metric(self) -> Condition:
        if self.metric not in METRIC_NAMES:
            raise ValueError(f"unknown metric {self.metric[:64]!r}; use one of {', '.join(METRIC_NAMES)}")
        money = isinstance(self.value, MoneyAmount)
        if self.metric in MONEY_METRICS and not money:
            raise money_without_currency(f"the value of {self.metric}")
        if self.metric not in MONEY_METRICS and money:
            raise PydanticCustomError(
                "not_money", "{metric} is not money: give its value as a number", {"metric": self.metric}
            )
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
    min_spend: MoneyAmount
    action: Action
    cooldown_minutes: int = Field(default=1440, ge=0, le=60 * 24 * 30)
    enabled: bool = True

    @field_validator("min_spend", mode="before")
    @classmethod
    def _min_spend_has_currency(cls, value: Any) -> Any:
        return require_currency(value, "min_spend")

    @model_validator(mode="after")
    def _fatigue_level(self) -> RuleSpec:
        if self.scope.creative_fatigue is not None and self.level is not EntityLevel.AD:
            raise ValueError("scope.creative_fatigue applies to ads (a creative's fatigue is an ad's)")
        return self

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


@dataclass(frozen=True)
class AccountRule:
    """A rule's thresholds on one ad account, every amount in the account's currency: as the
    rule states it, or converted at the day's reference rate (`conversions` says which)."""

    min_spend: Decimal
    conditions: tuple[tuple[str, ConditionOp, Decimal], ...]
    conversions: tuple[tuple[str, Conversion], ...] = ()

    def notes(self) -> list[dict[str, Any]]:
        """Each converted threshold: from, to, rate, source and the rate's day."""
        return [{"threshold": name, **c.as_json()} for name, c in self.conversions]


@dataclass(frozen=True)
class NotApplicable:
    """The rule's amounts cannot apply to the account: no rate between the currencies."""

    reason: str


def on_account(spec: RuleSpec, money: AccountMoney) -> AccountRule | NotApplicable:
    """The rule's thresholds in the account's currency (see `AccountRule`), or why they cannot be."""
    conversions: list[tuple[str, Conversion]] = []

    def applied(name: str, amount: MoneyAmount) -> Applied | None:
        found = money.apply(amount)
        if found is not None and found.conversion is not None:
            conversions.append((name, found.conversion))
        return found

    least = applied("min_spend", spec.min_spend)
    if least is None:
        return NotApplicable(money.no_rate(spec.min_spend))
    conditions: list[tuple[str, ConditionOp, Decimal]] = []
    for condition in spec.conditions:
        if isinstance(condition.value, MoneyAmount):
            value = applied(condition.metric, condition.value)
            if value is None:
                return NotApplicable(money.no_rate(condition.value))
            conditions.append((condition.metric, condition.op, value.amount))
        else:
            conditions.append((condition.metric, condition.op, condition.value))
    return AccountRule(least.amount, tuple(conditions), tuple(conversions))


def matching(rule: AccountRule, rows: Iterable[T], metrics_of: Callable[[T], Values]) -> list[T]:
    """The rows whose metrics match the rule on their account, in order: spend at least the
    minimum, and every condition holds (an undefined metric never does; counts compare as ints,
    money and ratios as Decimals). One pass per test over what the last one kept: an evaluation
    runs this over thousands of rows per rule."""
    least = rule.min_spend
    kept = [row for row in rows if (spend := metrics_of(row)["spend"]) is not None and spend >= least]
    for name, op, value in rule.conditions:
        holds = _OPS[op]
        kept = [row for row in kept if (x := metrics_of(row)[name]) is not None and holds(x, value)]
    return kept


def rule_matches(rule: AccountRule, metrics: Values) -> bool:
    """Whether one row's metrics match the rule (`matching`)."""
    return bool(matching(rule, [metrics], _itself))


def _itself(metrics: Values) -> Values:
    return metrics


def decisive_values(spec: RuleSpec, metrics: Values) -> dict[str, Any]:
    """The metric values the decision read (spend and each condition's metric), as the Ads
    Manager shows them (`pixecom.adsmanager.values.shown_metrics`)."""
    names = ["spend", *(c.metric for c in spec.conditions)]
    return shown_metrics(metrics, names)


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
