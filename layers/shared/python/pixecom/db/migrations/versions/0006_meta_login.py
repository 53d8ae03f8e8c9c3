"""Facebook Login: grants, single-use OAuth states, Meta's data-deletion requests, token health
columns on ad accounts (source, expiry, data-access expiry, scopes, the reason a reconnect is needed).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 15:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "meta_grants",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("seller_id", sa.UUID(), nullable=False),
        sa.Column("user_id", sa.UUID(), nullable=True),
        sa.Column("meta_user_id", sa.String(length=64), nullable=False),
        sa.Column("token_type", sa.String(length=32), nullable=False),
        sa.Column("access_token_encrypted", sa.LargeBinary(), nullable=True),
        sa.Column("scopes", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("declined_scopes", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("granular_scopes", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("ad_accounts", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("data_access_expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("checked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["seller_id"], ["sellers.id"], name=op.f("fk_meta_grants_seller_id_sellers"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_meta_grants_user_id_users"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meta_grants")),
        sa.UniqueConstraint("seller_id", "meta_user_id", name=op.f("uq_meta_grants_seller_id_meta_user_id")),
    )
    op.create_index(op.f("ix_meta_grants_seller_id"), "meta_grants", ["seller_id"], unique=False)
    op.create_table(
        "meta_oauth_states",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("seller_id", sa.UUID(), nullable=False),
        sa.Column("user_id", sa.UUID(), nullable=False),
        sa.Column("state_hash", sa.LargeBinary(length=32), nullable=False),
        sa.Column("rerequest", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["seller_id"],
            ["sellers.id"],
            name=op.f("fk_meta_oauth_states_seller_id_sellers"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_meta_oauth_states_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meta_oauth_states")),
        sa.UniqueConstraint("state_hash", name=op.f("uq_meta_oauth_states_state_hash")),
    )
    op.create_index(op.f("ix_meta_oauth_states_seller_id"), "meta_oauth_states", ["seller_id"], unique=False)
    op.create_table(
        "meta_data_deletions",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("meta_user_id", sa.String(length=64), nullable=False),
        sa.Column("request_key", sa.String(length=128), nullable=False),
        sa.Column("confirmation_code", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("accounts_affected", sa.Integer(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meta_data_deletions")),
        sa.UniqueConstraint("confirmation_code", name=op.f("uq_meta_data_deletions_confirmation_code")),
        sa.UniqueConstraint("request_key", name=op.f("uq_meta_data_deletions_request_key")),
    )
    op.add_column("ad_accounts", sa.Column("grant_id", sa.UUID(), nullable=True))
    op.add_column(
        "ad_accounts",
        sa.Column("token_source", sa.String(length=16), server_default="pasted", nullable=False),
    )
    op.add_column("ad_accounts", sa.Column("token_expires_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column(
        "ad_accounts", sa.Column("token_data_access_expires_at", sa.DateTime(timezone=True), nullable=True)
    )
    op.add_column(
        "ad_accounts", sa.Column("token_scopes", postgresql.JSONB(astext_type=sa.Text()), nullable=True)
    )
    op.add_column("ad_accounts", sa.Column("reauth_reason", sa.String(length=32), nullable=True))
    op.create_index(op.f("ix_ad_accounts_grant_id"), "ad_accounts", ["grant_id"], unique=False)
    op.create_foreign_key(
        op.f("fk_ad_accounts_grant_id_meta_grants"),
        "ad_accounts",
        "meta_grants",
        ["grant_id"],
        ["id"],
        ondelete="SET NULL",
    )


def downgrade() -> None:
    op.drop_constraint(op.f("fk_ad_accounts_grant_id_meta_grants"), "ad_accounts", type_="foreignkey")
    op.drop_index(op.f("ix_ad_accounts_grant_id"), table_name="ad_accounts")
    for column in (
        "reauth_reason",
        "token_scopes",
        "token_data_access_expires_at",
        "token_expires_at",
        "token_source",
        "grant_id",
    ):
        op.drop_column("ad_accounts", column)
    op.drop_table("meta_data_deletions")
    op.drop_index(op.f("ix_meta_oauth_states_seller_id"), table_name="meta_oauth_states")
    op.drop_table("meta_oauth_states")
    op.drop_index(op.f("ix_meta_grants_seller_id"), table_name="meta_grants")
    op.drop_table("meta_grants")
