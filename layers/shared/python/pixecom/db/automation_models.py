"""Alerts, webhooks and automated rules (pixecom.alerts, pixecom.rules). Migration 0007."""

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column

from pixecom.db.base import Base, created_at_col, seller_fk, str_enum, uuid_pk
from pixecom.domain.automation import (
    AlertEntityLevel,
    AlertKind,
    AlertSeverity,
    AlertStatus,
    RuleActionOutcome,
    RuleActionType,
    RuleWindow,
    WebhookDeliveryState,
)
from pixecom.domain.enums import EntityLevel

THRESHOLD = Numeric(20, 4)


def _updated_at() -> Mapped[datetime]:
    return mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now(), nullable=False
    )


class AlertSetting(Base):
    """A seller's alert thresholds; no row = the defaults (pixecom.alerts.conditions)."""

    __tablename__ = "alert_settings"

    seller_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("sellers.id", ondelete="CASCADE"), primary_key=True
    )
    values: Mapped[dict[str, Any]] = mapped_column(JSONB, nullable=False)
    updated_at: Mapped[datetime] = _updated_at()


class Alert(Base):
    """One alert; at most one OPEN per (seller, kind, entity) (partial unique index)."""

    __tablename__ = "alerts"

    id: Mapped[uuid.UUID] = uuid_pk()
    seller_id: Mapped[uuid.UUID] = seller_fk()
    ad_account_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("ad_accounts.id", ondelete="CASCADE"), nullable=False
    )
    kind: Mapped[AlertKind] = mapped_column(str_enum(AlertKind, "alert_kind"), nullable=False)
    severity: Mapped[AlertSeverity] = mapped_column(str_enum(AlertSeverity, "alert_severity"), nullable=False)
    status: Mapped[AlertStatus] = mapped_column(str_enum(AlertStatus, "alert_status"), nullable=False)
    entity_level: Mapped[AlertEntityLevel] = mapped_column(
        str_enum(AlertEntityLevel, "alert_entity_level"), nullable=False
    )
    entity_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), nullable=False)
    entity_name: Mapped[str] = mapped_column(String(400), nullable=False)
    message: Mapped[str] = mapped_column(Text, nullable=False)
    detail: Mapped[dict[str, Any]] = mapped_column(JSONB, nullable=False)
    occurrences: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    opened_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    last_seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    acknowledged_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    acknowledged_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    __table_args__ = (
        Index(
            "uq_alerts_open_kind_entity",
            "seller_id",
            "kind",
            "entity_id",
            unique=True,
            postgresql_where=text("status = 'open'"),
        ),
        Index("ix_alerts_seller_status_opened", "seller_id", "status", "opened_at"),
        Index("ix_alerts_account_status", "ad_account_id", "status"),
    )


class Webhook(Base):
    """A seller's alert webhook: URL, encrypted signing secret, and how delivery is going."""

    __tablename__ = "webhooks"

    seller_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("sellers.id", ondelete="CASCADE"), primary_key=True
    )
    url: Mapped[str] = mapped_column(String(2048), nullable=False)
    secret_encrypted: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    enabled: Mapped[bool] = mapped_column(Boolean, nullable=False, server_default=text("true"))
    consecutive_failures: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    last_attempt_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_success_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_error: Mapped[str | None] = mapped_column(Text)
    # The last failed attempt: kept when a later one succeeds, so a failure stays visible.
    last_failure_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = created_at_col()
    updated_at: Mapped[datetime] = _updated_at()


class WebhookDelivery(Base):
    """One alert event to POST to the seller's webhook (an outbox row, retried with backoff)."""

    __tablename__ = "webhook_deliveries"

    id: Mapped[uuid.UUID] = uuid_pk()
    seller_id: Mapped[uuid.UUID] = seller_fk()
    alert_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("alerts.id", ondelete="SET NULL"))
    event: Mapped[str] = mapped_column(String(32), nullable=False)  # alert.opened / alert.resolved
    payload: Mapped[dict[str, Any]] = mapped_column(JSONB, nullable=False)
    state: Mapped[WebhookDeliveryState] = mapped_column(
        str_enum(WebhookDeliveryState, "webhook_delivery_state"), nullable=False
    )
    attempts: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    last_status_code: Mapped[int | None] = mapped_column(Integer)
    last_error: Mapped[str | None] = mapped_column(Text)
    delivered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = created_at_col()

    __table_args__ = (Index("ix_webhook_deliveries_state_next", "state", "next_attempt_at"),)


class Rule(Base):
    """An automated rule: scope, condition over a window, action, cooldown (pixecom.rules.spec)."""

    __tablename__ = "rules"

    id: Mapped[uuid.UUID] = uuid_pk()
    seller_id: Mapped[uuid.UUID] = seller_fk()
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    enabled: Mapped[bool] = mapped_column(Boolean, nullable=False, server_default=text("true"))
    level: Mapped[EntityLevel] = mapped_column(str_enum(EntityLevel, "rule_level"), nullable=False)
    window: Mapped[RuleWindow] = mapped_column(str_enum(RuleWindow, "rule_window"), nullable=False)
    scope: Mapped[dict[str, Any]] = mapped_column(JSONB, nullable=False)
    conditions: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, nullable=False)
    min_spend: Mapped[Decimal] = mapped_column(THRESHOLD, nullable=False)
    min_spend_currency: Mapped[str] = mapped_column(String(3), nullable=False)
    action: Mapped[RuleActionType] = mapped_column(str_enum(RuleActionType, "rule_action"), nullable=False)
    budget_change_pct: Mapped[Decimal | None] = mapped_column(Numeric(6, 2))
    cooldown_minutes: Mapped[int] = mapped_column(Integer, nullable=False)
    # Who made the rule: the audit of a change the rule makes names the rule and this person.
    created_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    last_evaluated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = created_at_col()
    updated_at: Mapped[datetime] = _updated_at()


class RuleRun(Base):
    """One evaluation of a rule that acted: the entities, the values that decided, the job."""

    __tablename__ = "rule_runs"

    id: Mapped[uuid.UUID] = uuid_pk()
    seller_id: Mapped[uuid.UUID] = seller_fk()
    rule_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("rules.id", ondelete="CASCADE"), nullable=False)
    ad_account_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("ad_accounts.id", ondelete="CASCADE"), nullable=False
    )
    evaluation_key: Mapped[str] = mapped_column(String(200), nullable=False)
    action: Mapped[RuleActionType] = mapped_column(
        str_enum(RuleActionType, "rule_run_action"), nullable=False
    )
    entities: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, nullable=False)
    job_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("jobs.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = created_at_col()

    __table_args__ = (
        UniqueConstraint("rule_id", "ad_account_id", "evaluation_key"),
        Index("ix_rule_runs_rule_created", "rule_id", "created_at"),
    )


class RuleAction(Base):
    """One entity acted on by a rule: the idempotency key (rule, entity, evaluation), cooldowns and
    the 48-hour budget spacing are read from here."""

    __tablename__ = "rule_actions"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    seller_id: Mapped[uuid.UUID] = seller_fk()
    rule_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("rules.id", ondelete="CASCADE"), nullable=False)
    entity_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), nullable=False)
    evaluation_key: Mapped[str] = mapped_column(String(200), nullable=False)
    action: Mapped[RuleActionType] = mapped_column(
        str_enum(RuleActionType, "rule_action_type"), nullable=False
    )
    outcome: Mapped[RuleActionOutcome] = mapped_column(
        str_enum(RuleActionOutcome, "rule_action_outcome"), nullable=False
    )
    from_value: Mapped[str | None] = mapped_column(String(64))
    to_value: Mapped[str | None] = mapped_column(String(64))
    error: Mapped[str | None] = mapped_column(Text)
    acted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)

    __table_args__ = (
        UniqueConstraint("rule_id", "entity_id", "evaluation_key"),
        Index("ix_rule_actions_entity_action_at", "entity_id", "action", "acted_at"),
    )
