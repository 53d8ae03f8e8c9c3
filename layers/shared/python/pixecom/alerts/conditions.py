"""Which alerts hold, from facts about one ad account: pure, no clock, no database.

Each kind has its condition and severity here; `pixecom.alerts.evaluate` gathers the facts (the
numbers through the Ads Manager query) and `pixecom.alerts.store` opens, updates and resolves.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from pixecom.adsmanager.values import Values, amount, number, shown_metrics
from pixecom.domain.automation import AlertEntityLevel, AlertKind, AlertSeverity
from pixecom.domain.currency import minor_units
from pixecom.domain.enums import ConnectionStatus
from pixecom.domain.fatigue import Fatigue, FatigueState, FatigueThresholds
from pixecom.domain.metrics import format_money
from pixecom.domain.money import Money
from pixecom.rates.thresholds import AccountMoney, MoneyAmount, require_currency

# Kinds about the account's connection and sync health: also checked by the scheduled sweep.
ACCOUNT_KINDS: frozenset[AlertKind] = frozenset(
    {
        AlertKind.ACCOUNT_NEEDS_RECONNECT,
        AlertKind.TOKEN_EXPIRING,
        AlertKind.ACCOUNT_THROTTLED,
        AlertKind.STATS_STALE,
    }
)
# Kinds read from the synced entities and stats: checked after each successful stats sync.
DATA_KINDS: frozenset[AlertKind] = frozenset(set(AlertKind) - ACCOUNT_KINDS)

SEVERITY: dict[AlertKind, AlertSeverity] = {
    AlertKind.ACCOUNT_NEEDS_RECONNECT: AlertSeverity.CRITICAL,
    AlertKind.TOKEN_EXPIRING: AlertSeverity.WARNING,
    AlertKind.ACCOUNT_THROTTLED: AlertSeverity.WARNING,
    AlertKind.STATS_STALE: AlertSeverity.WARNING,
    AlertKind.AD_DELIVERY_ERROR: AlertSeverity.CRITICAL,
    AlertKind.ADSET_LIMITED: AlertSeverity.INFO,
    AlertKind.SPEND_WITHOUT_PURCHASE: AlertSeverity.WARNING,
    AlertKind.COST_PER_PURCHASE_HIGH: AlertSeverity.WARNING,
    AlertKind.ROAS_LOW: AlertSeverity.WARNING,
    AlertKind.SPEND_SPIKE: AlertSeverity.WARNING,
    AlertKind.CREATIVE_FATIGUE: AlertSeverity.WARNING,
}


MONEY_THRESHOLDS = ("spend_without_purchase", "target_cost_per_purchase", "min_spend")


class AlertThresholds(BaseModel):
    """A seller's thresholds; the defaults apply to new sellers. Money amounts state their
    currency; on an account in another currency they apply converted at the reference rate of
    the account's day (`on_account`). The defaults are in USD.

    `target_cost_per_purchase` and `roas_floor` are off (null) until the seller sets them.
    """

    model_config = ConfigDict(extra="forbid")

    spend_without_purchase: MoneyAmount = MoneyAmount(amount=Decimal(20), currency="USD")
    target_cost_per_purchase: MoneyAmount | None = None
    roas_floor: Decimal | None = Field(default=None, gt=0, max_digits=10, decimal_places=4)
    spend_spike_multiplier: Decimal = Field(default=Decimal(2), gt=1, max_digits=6, decimal_places=2)
    # Below this much spend today, the CPA and spike alerts stay quiet (noise, not signal).
    min_spend: MoneyAmount = MoneyAmount(amount=Decimal(10), currency="USD")
    token_expiry_days: int = Field(default=7, ge=1, le=60)
    throttled_minutes: int = Field(default=60, ge=5, le=1440)
    stale_sync_minutes: int = Field(default=60, ge=15, le=1440)
    # When an ad's creative counts as worn out (pixecom.domain.fatigue): the creative_fatigue
    # alert, the rules' fatigue condition and the creative level's states.
    fatigue: FatigueThresholds = FatigueThresholds()

    @field_validator(*MONEY_THRESHOLDS, mode="before")
    @classmethod
    def _money_has_currency(cls, value: Any, info: ValidationInfo) -> Any:
        return value if value is None else require_currency(value, str(info.field_name))

    @field_validator("target_cost_per_purchase")
    @classmethod
    def _target_positive(cls, value: MoneyAmount | None) -> MoneyAmount | None:
        if value is not None and value.amount <= 0:
            raise ValueError("must be greater than 0")
        return value

    def on_account(self, money: AccountMoney) -> AccountThresholds:
        """The thresholds in the account's currency; an amount without a rate is None (its
        alert kinds stay quiet on the account) and `notes` says why."""
        applied: dict[str, Decimal | None] = {}
        notes: list[dict[str, Any]] = []
        for name in MONEY_THRESHOLDS:
            amount: MoneyAmount | None = getattr(self, name)
            found = None if amount is None else money.apply(amount)
            applied[name] = None if found is None else found.amount
            if amount is not None and found is None:
                notes.append({"threshold": name, "reason": money.no_rate(amount)})
            elif found is not None and (note := found.note(name)) is not None:
                notes.append(note)
        return AccountThresholds(
            currency=money.currency,
            spend_without_purchase=applied["spend_without_purchase"],
            target_cost_per_purchase=applied["target_cost_per_purchase"],
            roas_floor=self.roas_floor,
            spend_spike_multiplier=self.spend_spike_multiplier,
            min_spend=applied["min_spend"],
            notes=tuple(notes),
            fatigue=self.fatigue,
        )


@dataclass(frozen=True)
class AccountThresholds:
    """A seller's metric thresholds on one account, money in the account's currency (None: off
    there, for want of a rate; `notes`: what was converted, at which rate, or why not)."""

    currency: str
    spend_without_purchase: Decimal | None
    target_cost_per_purchase: Decimal | None
    roas_floor: Decimal | None
    spend_spike_multiplier: Decimal
    min_spend: Decimal | None
    notes: tuple[dict[str, Any], ...] = ()
    fatigue: FatigueThresholds = field(default_factory=FatigueThresholds)

    def shown(self, amount: Decimal) -> str:
        return Money(amount, self.currency).shown()


@dataclass(frozen=True)
class Finding:
    """An alert condition that holds now for one entity."""

    kind: AlertKind
    entity_level: AlertEntityLevel
    entity_id: uuid.UUID
    entity_name: str
    message: str
    detail: dict[str, Any] = field(default_factory=dict)

    @property
    def severity(self) -> AlertSeverity:
        return SEVERITY[self.kind]


@dataclass(frozen=True)
class AccountFacts:
    id: uuid.UUID
    name: str
    currency: str
    connection_status: ConnectionStatus
    throttled_until: datetime | None
    last_stats_success_at: datetime | None
    created_at: datetime
    token_expires_at: datetime | None = None  # None: Meta did not say (long-lived or unknown)


@dataclass(frozen=True)
class EntityFacts:
    """One ACTIVE campaign / ad set / ad with its metrics over the window the kind reads."""

    level: AlertEntityLevel
    id: uuid.UUID
    name: str
    metrics: Values  # as the Ads Manager shows them (pixecom.adsmanager.values)


def fatigue_findings(
    ads: Iterable[tuple[uuid.UUID, str]], found: Mapping[uuid.UUID, Fatigue]
) -> list[Finding]:
    """Active ads whose creative is fatigued (`watch` is shown in the Ads Manager, not alerted)."""
    out = []
    for ad_id, name in ads:
        fatigue = found.get(ad_id)
        if fatigue is None or fatigue.state is not FatigueState.FATIGUED:
            continue
        out.append(
            Finding(
                AlertKind.CREATIVE_FATIGUE,
                AlertEntityLevel.AD,
                ad_id,
                name,
                f"The creative of {name} is fatigued: {'; '.join(fatigue.signals)}",
                {"fatigue": fatigue.state.value, "fatigue_signals": list(fatigue.signals)},
            )
        )
    return out


def account_findings(a: AccountFacts, t: AlertThresholds, now: datetime) -> list[Finding]:
    """Connection and sync health of one account."""
    out: list[Finding] = []

    def add(kind: AlertKind, message: str, **detail: Any) -> None:
        out.append(Finding(kind, AlertEntityLevel.ACCOUNT, a.id, a.name, message, detail))

    if a.connection_status is ConnectionStatus.NEEDS_REAUTH:
        add(
            AlertKind.ACCOUNT_NEEDS_RECONNECT,
            f"Ad account {a.name} needs reconnecting: Meta rejected its token",
        )
        return out  # nothing else about this account is actionable until it is reconnected
    if a.connection_status is not ConnectionStatus.ACTIVE:
        return out
    if a.token_expires_at is not None and a.token_expires_at <= now + timedelta(days=t.token_expiry_days):
        add(
            AlertKind.TOKEN_EXPIRING,
            f"The access token of {a.name} expires on {a.token_expires_at:%Y-%m-%d %H:%M} UTC",
            expires_at=a.token_expires_at.isoformat(),
        )
    limit = timedelta(minutes=t.throttled_minutes)
    if a.throttled_until is not None and a.throttled_until > now:
        quiet_since = a.last_stats_success_at or a.created_at
        if a.throttled_until - now >= limit or now - quiet_since >= limit:
            add(
                AlertKind.ACCOUNT_THROTTLED,
                f"Meta is rate-limiting {a.name} until {a.throttled_until:%H:%M} UTC",
                throttled_until=a.throttled_until.isoformat(),
            )
    last = a.last_stats_success_at
    stale = timedelta(minutes=t.stale_sync_minutes)
    if (last is None and now - a.created_at >= stale) or (last is not None and now - last >= stale):
        add(
            AlertKind.STATS_STALE,
            f"No successful stats sync of {a.name} for over {t.stale_sync_minutes} minutes",
            last_success_at=last.isoformat() if last else None,
        )
    return out


def delivery_findings(
    errored_ads: Iterable[tuple[uuid.UUID, str, str]], limited_adsets: Iterable[tuple[uuid.UUID, str]]
) -> list[Finding]:
    """Ads in delivery ERROR (id, name, Meta's effective status) and LIMITED ad sets (id, name)."""
    out = [
        Finding(
            AlertKind.AD_DELIVERY_ERROR,
            AlertEntityLevel.AD,
            ad_id,
            name,
            f"Ad {name} is not delivering: {effective}",
            {"effective_status": effective},
        )
        for ad_id, name, effective in errored_ads
    ]
    out += [
        Finding(
            AlertKind.ADSET_LIMITED,
            AlertEntityLevel.ADSET,
            adset_id,
            name,
            f"Ad set {name} is learning limited",
        )
        for adset_id, name in limited_adsets
    ]
    return out


# The metrics every entity alert reads and states (what the evaluation's reads select).
ENTITY_METRICS: tuple[str, ...] = ("spend", "purchases", "cost_per_purchase", "roas")


def _values(m: Values, t: AccountThresholds, *used: str) -> dict[str, Any]:
    """The finding's metrics as the Ads Manager shows them, and the notes of the converted
    thresholds it used."""
    notes = [n for n in t.notes if n["threshold"] in used]
    return {**shown_metrics(m, ENTITY_METRICS), "conversions": notes}


def _converted(t: AccountThresholds, name: str) -> str:
    """`, threshold 3000 JPY (20.00 USD at the ecb rate of 2026-12-04)` when it was converted."""
    for note in t.notes:
        if note["threshold"] == name and "rate" in note:
            return f" ({note['from']} at the {note['source']} rate of {note['rate_date']})"
    return ""


def spend_findings(today_ads: Iterable[EntityFacts], t: AccountThresholds) -> list[Finding]:
    """Ads that spent at least the threshold today without a purchase."""
    threshold = t.spend_without_purchase
    if threshold is None:
        return []
    shown = t.shown(threshold) + _converted(t, "spend_without_purchase")
    return [
        Finding(
            AlertKind.SPEND_WITHOUT_PURCHASE,
            e.level,
            e.id,
            e.name,
            f"{e.name} spent {e.metrics['spend']} {t.currency} today without a purchase (threshold {shown})",
            _values(e.metrics, t, "spend_without_purchase"),
        )
        for e in today_ads
        if amount(e.metrics, "purchases") == 0
        and amount(e.metrics, "spend") > 0
        and amount(e.metrics, "spend") >= threshold
    ]


def cpa_findings(today_adsets: Iterable[EntityFacts], t: AccountThresholds) -> list[Finding]:
    """Ad sets whose cost per purchase today is above the seller's target."""
    target, least = t.target_cost_per_purchase, t.min_spend
    if target is None or least is None:
        return []
    out = []
    for e in today_adsets:
        cpa = number(e.metrics, "cost_per_purchase")
        if cpa is not None and cpa > target and amount(e.metrics, "spend") >= least:
            out.append(
                Finding(
                    AlertKind.COST_PER_PURCHASE_HIGH,
                    e.level,
                    e.id,
                    e.name,
                    f"{e.name}: cost per purchase {cpa} {t.currency} today, target "
                    f"{t.shown(target)}{_converted(t, 'target_cost_per_purchase')}",
                    {
                        **_values(e.metrics, t, "target_cost_per_purchase", "min_spend"),
                        "target": _money(target, t.currency),
                    },
                )
            )
    return out


def roas_findings(last_3d_campaigns: Iterable[EntityFacts], t: AccountThresholds) -> list[Finding]:
    """Campaigns whose ROAS over the last 3 days is below the floor (and that spent enough)."""
    floor, least = t.roas_floor, t.min_spend
    if floor is None or least is None:
        return []
    out = []
    for e in last_3d_campaigns:
        roas = number(e.metrics, "roas")
        if roas is not None and roas < floor and amount(e.metrics, "spend") >= least:
            out.append(
                Finding(
                    AlertKind.ROAS_LOW,
                    e.level,
                    e.id,
                    e.name,
                    f"{e.name}: ROAS {roas} over the last 3 days, floor {floor}",
                    {**_values(e.metrics, t, "min_spend"), "floor": float(floor)},
                )
            )
    return out


def _money(value: Decimal, currency: str) -> str | None:
    return format_money(value, minor_units(currency))


def spike_finding(
    account: AccountFacts, spend_today: Decimal, spend_previous_7d: Decimal, t: AccountThresholds
) -> list[Finding]:
    """The account spends today more than N x its daily average of the previous 7 days."""
    average = spend_previous_7d / 7
    least = t.min_spend
    if (
        least is None
        or average <= 0
        or spend_today < least
        or spend_today <= t.spend_spike_multiplier * average
    ):
        return []
    today, usual = _money(spend_today, account.currency), _money(average, account.currency)
    return [
        Finding(
            AlertKind.SPEND_SPIKE,
            AlertEntityLevel.ACCOUNT,
            account.id,
            account.name,
            f"{account.name} spent {today} {account.currency} today, over "
            f"{t.spend_spike_multiplier}x its 7-day daily average of {usual} {account.currency}",
            {
                "spend_today": today,
                "daily_average_7d": usual,
                "conversions": [n for n in t.notes if n["threshold"] == "min_spend"],
            },
        )
    ]
