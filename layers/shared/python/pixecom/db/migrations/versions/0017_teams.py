"""teams: four roles, token versions, members narrowed to ad accounts, team invitations, one
seller per Meta ad account, who made a rule, a webhook's last failure

Existing `member` users become `admin` (they could do everything but own the seller before).
The unique index on ad_accounts.meta_account_id fails if two sellers already hold one Meta
account: disconnect one of them first (the upgrade names the duplicated ids).

Revision ID: 0017
Revises: 0015
Create Date: 2026-12-06 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0017"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ROLES = ("owner", "admin", "media_buyer", "analyst")


def _role_check(column: str) -> str:
    values = ", ".join(f"'{r}'" for r in ROLES)
    return f"{column} IN ({values})"


def upgrade() -> None:
    op.drop_constraint(op.f("ck_users_user_role"), "users", type_="check")
    op.execute("UPDATE users SET role = 'admin' WHERE role = 'member'")
    op.create_check_constraint("user_role", "users", _role_check("role"))
    op.add_column(
        "users", sa.Column("token_version", sa.Integer(), server_default=sa.text("0"), nullable=False)
    )
    op.add_column(
        "users", sa.Column("accounts_limited", sa.Boolean(), server_default=sa.text("false"), nullable=False)
    )
    op.create_table(
        "member_ad_accounts",
        sa.Column("user_id", sa.UUID(), nullable=False),
        sa.Column("ad_account_id", sa.UUID(), nullable=False),
        sa.Column("seller_id", sa.UUID(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_member_ad_accounts_user_id_users", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["ad_account_id"],
            ["ad_accounts.id"],
            name="fk_member_ad_accounts_ad_account_id_ad_accounts",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["seller_id"], ["sellers.id"], name="fk_member_ad_accounts_seller_id_sellers", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("user_id", "ad_account_id", name="pk_member_ad_accounts"),
    )
    op.create_index("ix_member_ad_accounts_ad_account_id", "member_ad_accounts", ["ad_account_id"])
    op.create_index("ix_member_ad_accounts_seller_id", "member_ad_accounts", ["seller_id"])

    op.add_column("invitations", sa.Column("seller_id", sa.UUID(), nullable=True))
    op.add_column("invitations", sa.Column("role", sa.String(length=32), nullable=True))
    op.create_check_constraint("invitation_role", "invitations", _role_check("role"))
    op.add_column("invitations", sa.Column("invited_by", sa.UUID(), nullable=True))
    op.add_column("invitations", sa.Column("ad_account_ids", postgresql.JSONB(), nullable=True))
    op.create_foreign_key(
        "fk_invitations_seller_id_sellers",
        "invitations",
        "sellers",
        ["seller_id"],
        ["id"],
        ondelete="CASCADE",
    )
    op.create_foreign_key(
        "fk_invitations_invited_by_users", "invitations", "users", ["invited_by"], ["id"], ondelete="SET NULL"
    )

    duplicated = (
        op.get_bind()
        .execute(sa.text("SELECT meta_account_id FROM ad_accounts GROUP BY 1 HAVING count(*) > 1"))
        .scalars()
        .all()
    )
    if duplicated:
        raise RuntimeError(
            "these Meta ad accounts are connected by more than one seller; disconnect all but one "
            f"before upgrading: {', '.join(duplicated)}"
        )
    op.create_unique_constraint("uq_ad_accounts_meta_account_id", "ad_accounts", ["meta_account_id"])

    op.add_column("rules", sa.Column("created_by", sa.UUID(), nullable=True))
    op.create_foreign_key(
        "fk_rules_created_by_users", "rules", "users", ["created_by"], ["id"], ondelete="SET NULL"
    )
    op.add_column("webhooks", sa.Column("last_failure_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    op.drop_column("webhooks", "last_failure_at")
    op.drop_constraint("fk_rules_created_by_users", "rules", type_="foreignkey")
    op.drop_column("rules", "created_by")
    op.drop_constraint("uq_ad_accounts_meta_account_id", "ad_accounts", type_="unique")
    op.drop_constraint("fk_invitations_invited_by_users", "invitations", type_="foreignkey")
    op.drop_constraint("fk_invitations_seller_id_sellers", "invitations", type_="foreignkey")
    op.drop_constraint(op.f("ck_invitations_invitation_role"), "invitations", type_="check")
    for column in ("ad_account_ids", "invited_by", "role", "seller_id"):
        op.drop_column("invitations", column)
    op.drop_table("member_ad_accounts")
    op.drop_column("users", "accounts_limited")
    op.drop_column("users", "token_version")
    op.drop_constraint(op.f("ck_users_user_role"), "users", type_="check")
    op.execute("UPDATE users SET role = 'member' WHERE role <> 'owner'")
    op.create_check_constraint("user_role", "users", "role IN ('owner', 'member')")
