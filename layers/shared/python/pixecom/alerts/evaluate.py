"""Evaluate an ad account's alerts: after each successful stats sync (every kind) and from the
scheduled sweep (the connection and sync-health kinds, which a sync that never runs cannot raise).

The metric kinds read the Ads Manager statement (`pixecom.rules.windows.read_entities`) for the
account, so an alert's numbers are the ones the seller sees in the lists.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from pixecom.adsmanager.params import DateSpec, Filters
from pixecom.alerts.conditions import (
    ACCOUNT_KINDS,
    AccountFacts,
    AlertThresholds,
    EntityFacts,
    Finding,
    account_findings,
    cpa_findings,
    delivery_findings,
    roas_findings,
    spend_findings,
    spike_finding,
)
from pixecom.alerts.store import AppliedFindings, apply_findings
from pixecom.db.automation_models import AlertSetting
from pixecom.db.models import Ad, AdAccount, AdSet
from pixecom.domain.automation import AlertEntityLevel, AlertKind, RuleWindow
from pixecom.domain.dates import DateRange, local_today
from pixecom.domain.enums import CampaignStatus, DeliveryStatus, EntityLevel
from pixecom.rules.values import amount, parse_metrics
from pixecom.rules.windows import account_window, read_entities, read_list, window_dates

_ENTITY_LEVEL = {
    EntityLevel.CAMPAIGN: AlertEntityLevel.CAMPAIGN,
    EntityLevel.ADSET: AlertEntityLevel.ADSET,
    EntityLevel.AD: AlertEntityLevel.AD,
}


def load_thresholds(session: Session, seller_id: uuid.UUID) -> AlertThresholds:
    stored = session.get(AlertSetting, seller_id)
    return AlertThresholds.model_validate(stored.values if stored else {})


def account_facts(account: AdAccount) -> AccountFacts:
    return AccountFacts(
        id=account.id,
        name=account.name,
        currency=account.currency,
        connection_status=account.connection_status,
        throttled_until=account.throttled_until,
        last_stats_success_at=account.last_stats_success_at,
        created_at=account.created_at,
        token_expires_at=account.token_expires_at,  # recorded from Meta's debug_token at connect
    )


def evaluate_account_alerts(
    session: Session, account_id: uuid.UUID, now: datetime, *, data: bool = True
) -> AppliedFindings | None:
    """Open/update/resolve the account's alerts; `data=False` checks the account kinds only."""
    account = session.get(AdAccount, account_id)
    if account is None:
        return None
    thresholds = load_thresholds(session, account.seller_id)
    facts = account_facts(account)
    findings = account_findings(facts, thresholds, now)
    kinds: set[AlertKind] = set(ACCOUNT_KINDS)
    if data:
        findings += data_findings(session, account, facts, thresholds, now)
        kinds = set(AlertKind)
    return apply_findings(session, account.seller_id, account.id, kinds, findings, now)


def data_findings(
    session: Session, account: AdAccount, facts: AccountFacts, t: AlertThresholds, now: datetime
) -> list[Finding]:
    errored = session.execute(
        select(Ad.id, Ad.name, Ad.effective_status).where(
            Ad.ad_account_id == account.id,
            Ad.status == CampaignStatus.ACTIVE,
            Ad.delivery_status == DeliveryStatus.ERROR,
        )
    ).all()
    limited = session.execute(
        select(AdSet.id, AdSet.name).where(
            AdSet.ad_account_id == account.id,
            AdSet.status == CampaignStatus.ACTIVE,
            AdSet.delivery_status == DeliveryStatus.LIMITED,
        )
    ).all()
    findings = delivery_findings([tuple(r) for r in errored], [tuple(r) for r in limited])  # type: ignore[misc]
    today = window_dates(RuleWindow.TODAY, account_window(RuleWindow.TODAY, now, account.timezone_name))
    ads_today = _active(session, account, EntityLevel.AD, today, now)
    findings += spend_findings(ads_today, t, account.currency)
    findings += cpa_findings(_active(session, account, EntityLevel.ADSET, today, now), t, account.currency)
    if t.roas_floor is not None:
        last_3d = account_window(RuleWindow.LAST_3D, now, account.timezone_name)
        findings += roas_findings(_active(session, account, EntityLevel.CAMPAIGN, last_3d, now), t)
    findings += _spike(session, account, facts, t, now)
    return findings


def _active(
    session: Session, account: AdAccount, level: EntityLevel, days: DateRange | DateSpec, now: datetime
) -> list[EntityFacts]:
    filters = Filters(ad_account_ids=(account.id,), statuses=(CampaignStatus.ACTIVE,))
    rows = read_entities(session, account.seller_id, level, days, filters, now)
    return [EntityFacts(_ENTITY_LEVEL[level], r.id, r.name, parse_metrics(r.metrics_json)) for r in rows]


def _spike(
    session: Session, account: AdAccount, facts: AccountFacts, t: AlertThresholds, now: datetime
) -> list[Finding]:
    today = local_today(now, account.timezone_name)
    previous = DateRange(today - timedelta(days=7), today - timedelta(days=1))
    filters = Filters(ad_account_ids=(account.id,))
    spend_today = _spend(session, account, DateRange.single(today), filters, now)
    spend_before = _spend(session, account, previous, filters, now)
    return spike_finding(facts, spend_today, spend_before, t)


def _spend(session: Session, account: AdAccount, days: DateRange, filters: Filters, now: datetime) -> Decimal:
    """The account's spend over `days`: the Ads Manager summary row (one currency per account)."""
    result = read_list(session, account.seller_id, EntityLevel.CAMPAIGN, days, filters, now)
    return sum((amount(parse_metrics(s.metrics_json), "spend") for s in result.summary), Decimal(0))
