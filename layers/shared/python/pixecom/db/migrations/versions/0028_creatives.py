"""Ad creatives and their version keys; ads point at their creative

- `creatives`: one row per Meta creative of an ad account (format, media, thumbnail and its
  expiry, title, body, call to action, link, post, each asset of a flexible creative or carousel)
  with the keys of its version groups (media, ad text, thumbnail, post).
- `ads.creative_id` (SET NULL when the creative goes with its account).

Revision ID: 0028
Revises: 0027
Create Date: 2026-12-06 13:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0028"
down_revision: str | None = "0027"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "creatives",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("seller_id", sa.UUID(), nullable=False),
        sa.Column("ad_account_id", sa.UUID(), nullable=False),
        sa.Column("meta_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=400), nullable=True),
        sa.Column("format", sa.String(length=16), nullable=False),
        sa.Column("object_type", sa.String(length=32), nullable=True),
        sa.Column("image_hash", sa.String(length=128), nullable=True),
        sa.Column("video_id", sa.String(length=64), nullable=True),
        sa.Column("thumbnail_url", sa.Text(), nullable=True),
        sa.Column("thumbnail_expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("body", sa.Text(), nullable=True),
        sa.Column("call_to_action", sa.String(length=64), nullable=True),
        sa.Column("link_url", sa.String(length=2048), nullable=True),
        sa.Column("story_id", sa.String(length=128), nullable=True),
        sa.Column("assets", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("media_key", sa.String(length=80), nullable=True),
        sa.Column("text_key", sa.String(length=80), nullable=True),
        sa.Column("thumbnail_key", sa.String(length=200), nullable=True),
        sa.Column("post_key", sa.String(length=128), nullable=True),
        sa.Column("synced_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["ad_account_id"],
            ["ad_accounts.id"],
            name=op.f("fk_creatives_ad_account_id_ad_accounts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["seller_id"], ["sellers.id"], name=op.f("fk_creatives_seller_id_sellers"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_creatives")),
        sa.UniqueConstraint("ad_account_id", "meta_id", name=op.f("uq_creatives_ad_account_id_meta_id")),
    )
    op.create_index(op.f("ix_creatives_seller_id"), "creatives", ["seller_id"])
    op.create_index("ix_creatives_seller_account", "creatives", ["seller_id", "ad_account_id"])
    op.add_column("ads", sa.Column("creative_id", sa.UUID(), nullable=True))
    op.create_foreign_key(
        op.f("fk_ads_creative_id_creatives"), "ads", "creatives", ["creative_id"], ["id"], ondelete="SET NULL"
    )
    op.create_index(op.f("ix_ads_creative_id"), "ads", ["creative_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_ads_creative_id"), table_name="ads")
    op.drop_constraint(op.f("fk_ads_creative_id_creatives"), "ads", type_="foreignkey")
    op.drop_column("ads", "creative_id")
    op.drop_table("creatives")
