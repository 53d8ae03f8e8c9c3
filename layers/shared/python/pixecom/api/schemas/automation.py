"""Response shapes of alerts and rules that carry metric values: the Ads Manager's `Metrics`
fields and types (money a decimal string in `currency`, ratios numbers, counts integers), each
present only where the alert or rule read it."""

from __future__ import annotations

import uuid
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, create_model

from pixecom.api.schemas.ads_manager import Currency, Metrics, MoneyString
from pixecom.api.schemas.base import OutModel
from pixecom.domain.enums import EntityLevel


class _Partial(BaseModel):
    """Optional fields stay optional in the schema: an absent key means "not read"."""

    model_config = ConfigDict(extra="forbid")


def _partial(model: type[BaseModel], name: str, doc: str, **extra: Any) -> type[BaseModel]:
    """`model`'s fields, each optional (absent = not read), plus `extra`."""
    fields: dict[str, Any] = {
        field: (info.rebuild_annotation() | None, Field(default=None, description=info.description))
        for field, info in model.model_fields.items()
    }
    return create_model(name, __base__=_Partial, __doc__=doc, **fields, **extra)


_FATIGUE: dict[str, Any] = {
    "fatigue": (
        str | None,
        Field(default=None, description="the creative's fatigue state (fresh, watch, fatigued), where read"),
    ),
    "fatigue_signals": (list[str] | None, Field(default=None, description="what made that state, in words")),
}

MetricValues = _partial(
    Metrics,
    "MetricValues",
    "The metrics a rule or alert read, as the Ads Manager shows them (same names and types as "
    "`Metrics`); a metric it did not read is absent, an undefined one null.",
    **_FATIGUE,
)

AlertValues = _partial(
    Metrics,
    "AlertValues",
    "What an alert found: the metrics it read (as in `Metrics`) and its own facts.",
    target=(
        MoneyString | None,
        Field(default=None, description="the target cost per purchase, in `currency`"),
    ),
    floor=(float | None, Field(default=None, description="the ROAS floor")),
    spend_today=(MoneyString | None, Field(default=None)),
    daily_average_7d=(MoneyString | None, Field(default=None)),
    effective_status=(str | None, Field(default=None)),
    expires_at=(str | None, Field(default=None)),
    throttled_until=(str | None, Field(default=None)),
    last_success_at=(str | None, Field(default=None)),
    **_FATIGUE,
)


class ThresholdNote(OutModel):
    """A threshold of another currency as it applied to the account: converted at a dated
    reference rate (`from`, `to`, `rate`, `source`, `rate_date`), or not at all (`reason`)."""

    threshold: str
    from_: str | None = Field(default=None, alias="from", examples=["20.00 USD"])
    to: str | None = Field(default=None, examples=["3000 JPY"])
    rate: str | None = Field(
        default=None, description="units of the account's currency per unit of the threshold's"
    )
    source: str | None = Field(default=None, examples=["ecb"])
    rate_date: str | None = Field(
        default=None,
        description="the day the rate was published (the last one before the day asked for, "
        "when that day had none)",
    )
    reason: str | None = None


class PreviewEntity(BaseModel):
    level: EntityLevel
    entity_id: uuid.UUID
    name: str
    matched_id: uuid.UUID
    currency: Currency = Field(description="the ad account's: of the money in `values` and the budgets")
    values: MetricValues  # type: ignore[valid-type]
    conversions: list[ThresholdNote] = Field(description="the rule's amounts converted into `currency`")
    daily_budget_from: MoneyString | None = Field(
        default=None, description="budget rules: the daily budget before, in `currency`"
    )
    daily_budget_to: MoneyString | None = Field(
        default=None, description="budget rules: the daily budget asked for, in `currency`"
    )


class SkippedAccount(OutModel):
    ad_account_id: uuid.UUID
    currency: Currency
    reason: str
