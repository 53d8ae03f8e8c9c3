"""Evaluate an ad account's alerts: after each successful stats sync (every kind) and from the
scheduled sweep (the connection and sync-health kinds, which a sync that never runs cannot raise).

The metric kinds read the Ads Manager statement for the account through the evaluation's
`pixecom.rules.windows.Candidates` (one read per level and window, shared with the rules), so an
alert's numbers are the ones the seller sees in the lists: ads and ad sets today, campaigns over
the last 3 days, and the account's spend (the totals of the campaigns' read) today and over the
previous 7 days (the `last_7d` preset: the 7 full days ending yesterday). `alert_needs` says
which rows they read, so the shared reads skip the rows no alert acts on.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from pixecom.adsmanager.fatigue import ads_fatigue
from pixecom.adsmanager.params import Filters
from pixecom.adsmanager.values import amount
from pixecom.alerts.conditions import (
    ACCOUNT_KINDS,
    ENTITY_METRICS,
    AccountFacts,
    AccountThresholds,
    AlertThresholds,
    EntityFacts,
    Finding,
    account_findings,
    cpa_findings,
    delivery_findings,
    fatigue_findings,
    roas_findings,
    spend_findings,
    spike_finding,
)
from pixecom.alerts.store import AppliedFindings, apply_findings
from pixecom.db.automation_models import AlertSetting
from pixecom.db.models import Ad, AdAccount, AdSet
from pixecom.domain.automation import AlertEntityLevel, AlertKind, RuleWindow
from pixecom.domain.enums import CampaignStatus, DeliveryStatus, EntityLevel
from pixecom.domain.money import RateBook
from pixecom.rates.store import account_money, book_around
from pixecom.rules.windows import TOTALS_ONLY, Candidates, Need, Needs

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
    session: Session,
    account_id: uuid.UUID,
    now: datetime,
    *,
    data: bool = True,
    reads: Candidates | None = None,
    book: RateBook | None = None,
) -> AppliedFindings | None:
    """Open/update/resolve the account's alerts; `data=False` checks the account kinds only.
    `book`: the rates the evaluation already read (read here when not given).

    `reads`: the evaluation's Ads Manager reads, to share with the rules evaluated after."""
    account = session.get(AdAccount, account_id)
    if account is None:
        return None
    thresholds = load_thresholds(session, account.seller_id)
    facts = account_facts(account)
    findings = account_findings(facts, thresholds, now)
    kinds: set[AlertKind] = set(ACCOUNT_KINDS)
    if data:
        rates = book if book is not None else book_around(session, now)
        applied = thresholds.on_account(account_money(account, now, rates))
        reads = reads if reads is not None else Candidates(needs=alert_needs(applied))
        findings += data_findings(session, account, facts, applied, now, reads)
        kinds = set(AlertKind)
    # Every alert states its account's currency (of the money in its values and message).
    findings = [replace(f, detail={**f.detail, "currency": account.currency}) for f in findings]
    return apply_findings(session, account.seller_id, account.id, kinds, findings, now)


def data_findings(
    session: Session,
    account: AdAccount,
    facts: AccountFacts,
    t: AccountThresholds,
    now: datetime,
    reads: Candidates,
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

    needs = alert_needs(t)

    def active(level: EntityLevel, window: RuleWindow) -> list[EntityFacts]:
        read = reads.read(session, account, level, window, now, needs[(level, window)])
        return [
            EntityFacts(_ENTITY_LEVEL[level], c.row.id, c.row.name, c.metrics) for c in read.where(_ACTIVE)
        ]

    def spend(window: RuleWindow) -> Decimal:
        read = reads.read(session, account, EntityLevel.CAMPAIGN, window, now, TOTALS_ONLY)
        return amount(read.totals, "spend")

    if t.spend_without_purchase is not None:
        findings += spend_findings(active(EntityLevel.AD, RuleWindow.TODAY), t)
    if t.target_cost_per_purchase is not None and t.min_spend is not None:
        findings += cpa_findings(active(EntityLevel.ADSET, RuleWindow.TODAY), t)
    if t.roas_floor is not None and t.min_spend is not None:
        findings += roas_findings(active(EntityLevel.CAMPAIGN, RuleWindow.LAST_3D), t)
    findings += spike_finding(facts, spend(RuleWindow.TODAY), spend(RuleWindow.LAST_7D), t)
    findings += creative_fatigue(session, account, t, now)
    return findings


def creative_fatigue(
    session: Session, account: AdAccount, t: AccountThresholds, now: datetime
) -> list[Finding]:
    """Active, delivering ads whose creative is fatigued (their last 3 days of delivery against
    their first 3, and their last 7 days' frequency)."""
    ads = session.execute(
        select(Ad.id, Ad.name).where(
            Ad.ad_account_id == account.id,
            Ad.status == CampaignStatus.ACTIVE,
            Ad.delivery_status.in_(_DELIVERING),
        )
    ).all()
    found = ads_fatigue(session, account.seller_id, [a.id for a in ads], t.fatigue, now)
    return fatigue_findings([(a.id, a.name) for a in ads], found)


_ACTIVE = Filters(statuses=(CampaignStatus.ACTIVE,))
_DELIVERING = (DeliveryStatus.ACTIVE, DeliveryStatus.LEARNING, DeliveryStatus.LIMITED)
_ACTIVE_ONLY = frozenset({CampaignStatus.ACTIVE})
_READ = frozenset(ENTITY_METRICS)


def alert_needs(t: AccountThresholds) -> Needs:
    """The rows the metric alerts read on one account, per (level, window): active entities that
    spent at least the alert's minimum in the account's currency (ads today: the
    spend-without-purchase threshold; ad sets today and campaigns over 3 days: `min_spend`, when
    their alert is on and applies there), and the account's spend today and over the previous
    7 days (totals only)."""
    needs: Needs = {
        (EntityLevel.CAMPAIGN, RuleWindow.TODAY): TOTALS_ONLY,
        (EntityLevel.CAMPAIGN, RuleWindow.LAST_7D): TOTALS_ONLY,
    }
    if t.spend_without_purchase is not None:
        needs[(EntityLevel.AD, RuleWindow.TODAY)] = Need(_ACTIVE_ONLY, t.spend_without_purchase, _READ)
    if t.min_spend is not None:
        if t.target_cost_per_purchase is not None:
            needs[(EntityLevel.ADSET, RuleWindow.TODAY)] = Need(_ACTIVE_ONLY, t.min_spend, _READ)
        if t.roas_floor is not None:
            needs[(EntityLevel.CAMPAIGN, RuleWindow.LAST_3D)] = Need(_ACTIVE_ONLY, t.min_spend, _READ)
    return needs
