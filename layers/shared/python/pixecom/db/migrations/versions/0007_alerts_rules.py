"""alerts, webhooks and automated rules (pixecom.alerts, pixecom.rules)

- alerts: at most one OPEN alert per (seller, kind, entity), by a partial unique index.
- alert_settings / webhooks: one row per seller (thresholds as JSON; the webhook secret encrypted).
- webhook_deliveries: the outbox of alert events, retried with backoff.
- rules, rule_runs, rule_actions: rule_actions' unique (rule, entity, evaluation_key) makes an
  evaluation act once however often its message is delivered.
- jobs.rule_id, audit_log.rule_id: the rule as the actor of what it changed.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 15:23:29.536455
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('alert_settings',
    sa.Column('seller_id', sa.UUID(), nullable=False),
    sa.Column('values', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.ForeignKeyConstraint(['seller_id'], ['sellers.id'], name=op.f('fk_alert_settings_seller_id_sellers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('seller_id', name=op.f('pk_alert_settings'))
    )
    op.create_table('rules',
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('seller_id', sa.UUID(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('enabled', sa.Boolean(), server_default=sa.text('true'), nullable=False),
    sa.Column('level', sa.Enum('campaign', 'adset', 'ad', name='rule_level', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('window', sa.Enum('today', 'yesterday', 'last_3d', 'last_7d', name='rule_window', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('scope', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('conditions', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('min_spend', sa.Numeric(precision=20, scale=4), nullable=False),
    sa.Column('action', sa.Enum('pause', 'activate', 'change_budget', name='rule_action', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('budget_change_pct', sa.Numeric(precision=6, scale=2), nullable=True),
    sa.Column('cooldown_minutes', sa.Integer(), nullable=False),
    sa.Column('last_evaluated_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.ForeignKeyConstraint(['seller_id'], ['sellers.id'], name=op.f('fk_rules_seller_id_sellers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rules'))
    )
    op.create_index(op.f('ix_rules_seller_id'), 'rules', ['seller_id'], unique=False)
    op.create_table('webhooks',
    sa.Column('seller_id', sa.UUID(), nullable=False),
    sa.Column('url', sa.String(length=2048), nullable=False),
    sa.Column('secret_encrypted', sa.LargeBinary(), nullable=False),
    sa.Column('enabled', sa.Boolean(), server_default=sa.text('true'), nullable=False),
    sa.Column('consecutive_failures', sa.Integer(), nullable=False),
    sa.Column('last_attempt_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_success_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.ForeignKeyConstraint(['seller_id'], ['sellers.id'], name=op.f('fk_webhooks_seller_id_sellers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('seller_id', name=op.f('pk_webhooks'))
    )
    op.create_table('alerts',
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('seller_id', sa.UUID(), nullable=False),
    sa.Column('ad_account_id', sa.UUID(), nullable=False),
    sa.Column('kind', sa.Enum('account_needs_reconnect', 'token_expiring', 'account_throttled', 'stats_stale', 'ad_delivery_error', 'adset_limited', 'spend_without_purchase', 'cost_per_purchase_high', 'roas_low', 'spend_spike', name='alert_kind', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('severity', sa.Enum('info', 'warning', 'critical', name='alert_severity', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('status', sa.Enum('open', 'resolved', name='alert_status', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('entity_level', sa.Enum('account', 'campaign', 'adset', 'ad', name='alert_entity_level', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('entity_id', sa.UUID(), nullable=False),
    sa.Column('entity_name', sa.String(length=400), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('detail', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('occurrences', sa.Integer(), nullable=False),
    sa.Column('opened_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_seen_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('acknowledged_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('acknowledged_by', sa.UUID(), nullable=True),
    sa.ForeignKeyConstraint(['acknowledged_by'], ['users.id'], name=op.f('fk_alerts_acknowledged_by_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['ad_account_id'], ['ad_accounts.id'], name=op.f('fk_alerts_ad_account_id_ad_accounts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['seller_id'], ['sellers.id'], name=op.f('fk_alerts_seller_id_sellers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_alerts'))
    )
    op.create_index('ix_alerts_account_status', 'alerts', ['ad_account_id', 'status'], unique=False)
    op.create_index(op.f('ix_alerts_seller_id'), 'alerts', ['seller_id'], unique=False)
    op.create_index('ix_alerts_seller_status_opened', 'alerts', ['seller_id', 'status', 'opened_at'], unique=False)
    op.create_index('uq_alerts_open_kind_entity', 'alerts', ['seller_id', 'kind', 'entity_id'], unique=True, postgresql_where=sa.text("status = 'open'"))
    op.create_table('rule_actions',
    sa.Column('id', sa.BigInteger(), autoincrement=True, nullable=False),
    sa.Column('seller_id', sa.UUID(), nullable=False),
    sa.Column('rule_id', sa.UUID(), nullable=False),
    sa.Column('entity_id', sa.UUID(), nullable=False),
    sa.Column('evaluation_key', sa.String(length=200), nullable=False),
    sa.Column('action', sa.Enum('pause', 'activate', 'change_budget', name='rule_action_type', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('outcome', sa.Enum('queued', 'applied', 'failed', name='rule_action_outcome', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('from_value', sa.String(length=64), nullable=True),
    sa.Column('to_value', sa.String(length=64), nullable=True),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('acted_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['rule_id'], ['rules.id'], name=op.f('fk_rule_actions_rule_id_rules'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['seller_id'], ['sellers.id'], name=op.f('fk_rule_actions_seller_id_sellers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rule_actions')),
    sa.UniqueConstraint('rule_id', 'entity_id', 'evaluation_key', name=op.f('uq_rule_actions_rule_id_entity_id_evaluation_key'))
    )
    op.create_index('ix_rule_actions_entity_action_at', 'rule_actions', ['entity_id', 'action', 'acted_at'], unique=False)
    op.create_index(op.f('ix_rule_actions_seller_id'), 'rule_actions', ['seller_id'], unique=False)
    op.create_table('rule_runs',
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('seller_id', sa.UUID(), nullable=False),
    sa.Column('rule_id', sa.UUID(), nullable=False),
    sa.Column('ad_account_id', sa.UUID(), nullable=False),
    sa.Column('evaluation_key', sa.String(length=200), nullable=False),
    sa.Column('action', sa.Enum('pause', 'activate', 'change_budget', name='rule_run_action', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('entities', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('job_id', sa.UUID(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.ForeignKeyConstraint(['ad_account_id'], ['ad_accounts.id'], name=op.f('fk_rule_runs_ad_account_id_ad_accounts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['job_id'], ['jobs.id'], name=op.f('fk_rule_runs_job_id_jobs'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['rule_id'], ['rules.id'], name=op.f('fk_rule_runs_rule_id_rules'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['seller_id'], ['sellers.id'], name=op.f('fk_rule_runs_seller_id_sellers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rule_runs')),
    sa.UniqueConstraint('rule_id', 'ad_account_id', 'evaluation_key', name=op.f('uq_rule_runs_rule_id_ad_account_id_evaluation_key'))
    )
    op.create_index('ix_rule_runs_rule_created', 'rule_runs', ['rule_id', 'created_at'], unique=False)
    op.create_index(op.f('ix_rule_runs_seller_id'), 'rule_runs', ['seller_id'], unique=False)
    op.create_table('webhook_deliveries',
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('seller_id', sa.UUID(), nullable=False),
    sa.Column('alert_id', sa.UUID(), nullable=True),
    sa.Column('event', sa.String(length=32), nullable=False),
    sa.Column('payload', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('state', sa.Enum('pending', 'delivered', 'failed', name='webhook_delivery_state', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_status_code', sa.Integer(), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('delivered_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.ForeignKeyConstraint(['alert_id'], ['alerts.id'], name=op.f('fk_webhook_deliveries_alert_id_alerts'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['seller_id'], ['sellers.id'], name=op.f('fk_webhook_deliveries_seller_id_sellers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_webhook_deliveries'))
    )
    op.create_index(op.f('ix_webhook_deliveries_seller_id'), 'webhook_deliveries', ['seller_id'], unique=False)
    op.create_index('ix_webhook_deliveries_state_next', 'webhook_deliveries', ['state', 'next_attempt_at'], unique=False)
    op.add_column('audit_log', sa.Column('rule_id', sa.UUID(), nullable=True))
    op.create_foreign_key(op.f('fk_audit_log_rule_id_rules'), 'audit_log', 'rules', ['rule_id'], ['id'], ondelete='SET NULL')
    op.add_column('jobs', sa.Column('rule_id', sa.UUID(), nullable=True))
    op.create_foreign_key(op.f('fk_jobs_rule_id_rules'), 'jobs', 'rules', ['rule_id'], ['id'], ondelete='SET NULL')


def downgrade() -> None:
    op.drop_constraint(op.f('fk_jobs_rule_id_rules'), 'jobs', type_='foreignkey')
    op.drop_column('jobs', 'rule_id')
    op.drop_constraint(op.f('fk_audit_log_rule_id_rules'), 'audit_log', type_='foreignkey')
    op.drop_column('audit_log', 'rule_id')
    op.drop_index('ix_webhook_deliveries_state_next', table_name='webhook_deliveries')
    op.drop_index(op.f('ix_webhook_deliveries_seller_id'), table_name='webhook_deliveries')
    op.drop_table('webhook_deliveries')
    op.drop_index(op.f('ix_rule_runs_seller_id'), table_name='rule_runs')
    op.drop_index('ix_rule_runs_rule_created', table_name='rule_runs')
    op.drop_table('rule_runs')
    op.drop_index(op.f('ix_rule_actions_seller_id'), table_name='rule_actions')
    op.drop_index('ix_rule_actions_entity_action_at', table_name='rule_actions')
    op.drop_table('rule_actions')
    op.drop_index('uq_alerts_open_kind_entity', table_name='alerts', postgresql_where=sa.text("status = 'open'"))
    op.drop_index('ix_alerts_seller_status_opened', table_name='alerts')
    op.drop_index(op.f('ix_alerts_seller_id'), table_name='alerts')
    op.drop_index('ix_alerts_account_status', table_name='alerts')
    op.drop_table('alerts')
    op.drop_table('webhooks')
    op.drop_index(op.f('ix_rules_seller_id'), table_name='rules')
    op.drop_table('rules')
    op.drop_table('alert_settings')
