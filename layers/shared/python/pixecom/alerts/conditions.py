"""Which alerts hold, from facts about one ad account: pure, no clock, no database.

Each kind has its condition and severity here; `pixecom.alerts.evaluate` gathers the facts (the
numbers through the Ads Manager query) and `pixecom.alerts.store` opens, updates and resolves.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from pixecom.adsmanager.values import Values, amount, number
from pixecom.domain.automation import AlertEntityLevel, AlertKind, AlertSeverity
from pixecom.domain.enums import ConnectionStatus
from pixecom.domain.metrics import format_money

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
}


class AlertThresholds(BaseModel):
    """A seller's thresholds (money in each account's currency); the defaults apply to new sellers.

    `target_cost_per_purchase` and `roas_floor` are off (null) until the seller sets them.
    """

    model_config = ConfigDict(extra="forbid")

    spend_without_purchase: Decimal = Field(default=Decimal(20), ge=0, max_digits=16, decimal_places=2)
    target_cost_per_purchase: Decimal | None = Field(default=None, gt=0, max_digits=16, decimal_places=2)
    roas_floor: Decimal | None = Field(default=None, gt=0, max_digits=10, decimal_places=4)
    spend_spike_multiplier: Decimal = Field(default=Decimal(2), gt=1, max_digits=6, decimal_places=2)
    # Below this much spend today, the CPA and spike alerts stay quiet (noise, not signal).
    min_spend: Decimal = Field(default=Decimal(10), ge=0, max_digits=16, decimal_places=2)
    token_expiry_days: int = Field(default=7, ge=1, le=60)
    throttled_minutes: int = Field(default=60, ge=5, le=1440)
    stale_sync_minutes: int = Field(default=60, ge=15, le=1440)


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


def _values(m: Values) -> dict[str, Any]:
    return {
        name: None if m[name] is None else str(m[name])
        for name in ("spend", "purchases", "cost_per_purchase", "roas")
    }


def spend_findings(today_ads: Iterable[EntityFacts], t: AlertThresholds, currency: str) -> list[Finding]:
    """Ads that spent at least the threshold today without a purchase."""
    return [
        Finding(
            AlertKind.SPEND_WITHOUT_PURCHASE,
            e.level,
            e.id,
            e.name,
            f"{e.name} spent {e.metrics['spend']} {currency} today without a purchase",
            _values(e.metrics),
        )
        for e in today_ads
        if amount(e.metrics, "purchases") == 0
        and amount(e.metrics, "spend") > 0
        and amount(e.metrics, "spend") >= t.spend_without_purchase
    ]


def cpa_findings(today_adsets: Iterable[EntityFacts], t: AlertThresholds, currency: str) -> list[Finding]:
    """Ad sets whose cost per purchase today is above the seller's target."""
    target = t.target_cost_per_purchase
    if target is None:
        return []
    out = []
    for e in today_adsets:
        cpa = number(e.metrics, "cost_per_purchase")
        if cpa is not None and cpa > target and amount(e.metrics, "spend") >= t.min_spend:
            out.append(
                Finding(
                    AlertKind.COST_PER_PURCHASE_HIGH,
                    e.level,
                    e.id,
                    e.name,
                    f"{e.name}: cost per purchase {cpa} {currency} today, target {target}",
                    {**_values(e.metrics), "target": str(target)},
                )
            )
    return out


def roas_findings(last_3d_campaigns: Iterable[EntityFacts], t: AlertThresholds) -> list[Finding]:
    """Campaigns whose ROAS over the last 3 days is below the floor (and that spent enough)."""
    floor = t.roas_floor
    if floor is None:
        return []
    out = []
    for e in last_3d_campaigns:
        roas = number(e.metrics, "roas")
        if roas is not None and roas < floor and amount(e.metrics, "spend") >= t.min_spend:
            out.append(
                Finding(
                    AlertKind.ROAS_LOW,
                    e.level,
                    e.id,
                    e.name,
                    f"{e.name}: ROAS {roas} over the last 3 days, floor {floor}",
                    {**_values(e.metrics), "floor": str(floor)},
                )
            )
    return out


def spike_finding(
    account: AccountFacts, spend_today: Decimal, spend_previous_7d: Decimal, t: AlertThresholds
) -> list[Finding]:
    """The account spends today more than N x its daily average of the previous 7 days."""
    average = spend_previous_7d / 7
    if average <= 0 or spend_today < t.min_spend or spend_today <= t.spend_spike_multiplier * average:
        return []
    return [
        Finding(
            AlertKind.SPEND_SPIKE,
            AlertEntityLevel.ACCOUNT,
            account.id,
            account.name,
            f"{account.name} spent {format_money(spend_today)} {account.currency} today, over "
            f"{t.spend_spike_multiplier}x its 7-day daily average of {format_money(average)}",
            {"spend_today": format_money(spend_today), "daily_average_7d": format_money(average)},
        )
    ]
