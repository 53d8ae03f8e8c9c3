"""Tenants and their access: sellers, users, refresh tokens, logins, invitations, ad accounts, sellpages.

Part of the one schema (`pixecom.db.models` gathers every table); changes go through Alembic.
Every tenant-owned row carries `seller_id`.
"""

import uuid
from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column

from pixecom.db.base import (
    Base,
    created_at_col,
    seller_fk,
    str_enum,
    uuid_pk,
)
from pixecom.domain.enums import (
    ConnectionStatus,
    UserRole,
)

# --- tenants and auth -------------------------------------------------------------------


class Seller(Base):
    __tablename__ = "sellers"

    id: Mapped[uuid.UUID] = uuid_pk()
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    # The currency converted grand totals are shown in (pixecom.rates); None = not chosen yet.
    reporting_currency: Mapped[str | None] = mapped_column(String(3))
    created_at: Mapped[datetime] = created_at_col()


class User(Base):
    __tablename__ = "users"

    id: Mapped[uuid.UUID] = uuid_pk()
    seller_id: Mapped[uuid.UUID] = seller_fk()
    email: Mapped[str] = mapped_column(String(320), nullable=False, unique=True)
    password_hash: Mapped[str] = mapped_column(String(255), nullable=False)
    role: Mapped[UserRole] = mapped_column(str_enum(UserRole, "user_role"), nullable=False)
    is_active: Mapped[bool] = mapped_column(Boolean, nullable=False, server_default=text("true"))
    created_at: Mapped[datetime] = created_at_col()
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Bumped when the member is removed or their role or ad accounts change: access tokens carry
    # it (`ver`), and one with an older version is refused at the next request.
    token_version: Mapped[int] = mapped_column(Integer, nullable=False, server_default=text("0"))
    # True: the member sees only the ad accounts listed in member_ad_accounts (maybe none).
    accounts_limited: Mapped[bool] = mapped_column(Boolean, nullable=False, server_default=text("false"))

    __table_args__ = (CheckConstraint("email = lower(email)", name="email_lowercase"),)


class MemberAdAccount(Base):
    """An ad account a limited member (users.accounts_limited) may see."""

    __tablename__ = "member_ad_accounts"

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    ad_account_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("ad_accounts.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    seller_id: Mapped[uuid.UUID] = seller_fk()


class RefreshToken(Base):
    """One issued refresh token. Only its SHA-256 hash is stored; tokens rotate inside a family."""

    __tablename__ = "refresh_tokens"

    id: Mapped[uuid.UUID] = uuid_pk()
    seller_id: Mapped[uuid.UUID] = seller_fk()
    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True
    )
    family_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), nullable=False, index=True)
    token_hash: Mapped[bytes] = mapped_column(LargeBinary(32), nullable=False, unique=True)
    issued_at: Mapped[datetime] = created_at_col()
    family_expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    rotated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class LoginAttempt(Base):
    """Failed (and successful) logins, kept in Postgres so throttling holds across Lambda instances."""

    __tablename__ = "login_attempts"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    email: Mapped[str] = mapped_column(String(320), nullable=False)
    client_ip: Mapped[str] = mapped_column(String(64), nullable=False)
    succeeded: Mapped[bool] = mapped_column(Boolean, nullable=False)
    attempted_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), nullable=False
    )

    __table_args__ = (
        Index("ix_login_attempts_email_time", "email", "attempted_at"),
        Index("ix_login_attempts_ip_time", "client_ip", "attempted_at"),
    )


class Invitation(Base):
    """A single-use sign-up code (SIGNUP_MODE=invitation): only its SHA-256 is stored; optionally
    bound to one email address."""

    __tablename__ = "invitations"

    id: Mapped[uuid.UUID] = uuid_pk()
    code_hash: Mapped[bytes] = mapped_column(LargeBinary(32), nullable=False, unique=True)
    email: Mapped[str | None] = mapped_column(String(320))
    created_at: Mapped[datetime] = created_at_col()
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    used_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    # A team invitation (POST /api/team/invitations) names the seller, the role and who invited;
    # a sign-up code from `pixecom invite` has none of these and makes a new seller.
    seller_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("sellers.id", ondelete="CASCADE"))
    role: Mapped[UserRole | None] = mapped_column(str_enum(UserRole, "invitation_role"))
    invited_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    # The ad accounts the member will be limited to; NULL = all of the seller's.
    ad_account_ids: Mapped[list[str] | None] = mapped_column(JSONB)


# --- ad accounts and sellpages ------------------------------------------------------------


class AdAccount(Base):
    __tablename__ = "ad_accounts"

    id: Mapped[uuid.UUID] = uuid_pk()
    seller_id: Mapped[uuid.UUID] = seller_fk()
    meta_account_id: Mapped[str] = mapped_column(String(64), nullable=False)  # "act_123"
    name: Mapped[str] = mapped_column(String(300), nullable=False)
    currency: Mapped[str] = mapped_column(String(3), nullable=False)
    timezone_name: Mapped[str] = mapped_column(String(64), nullable=False)
    account_status: Mapped[int | None] = mapped_column(Integer)
    # Fernet ciphertext of the Meta access token: never returned, never logged.
    access_token_encrypted: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    connection_status: Mapped[ConnectionStatus] = mapped_column(
        str_enum(ConnectionStatus, "connection_status"),
        nullable=False,
        default=ConnectionStatus.ACTIVE,
    )
    connection_error: Mapped[str | None] = mapped_column(Text)
    throttled_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_stats_success_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_stats_attempt_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_stats_error: Mapped[str | None] = mapped_column(Text)
    last_full_window_on: Mapped[date | None] = mapped_column(Date)  # day the 28-day restatement last ran
    # When a message asking for the 28-day window was last queued (dispatch does not queue another
    # while that one may still be waiting or running).
    full_window_queued_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_delivery_success_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_delivery_attempt_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_delivery_error: Mapped[str | None] = mapped_column(Text)
    backfill_since: Mapped[date | None] = mapped_column(Date)
    backfill_chunks_total: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    backfill_chunks_done: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    # Token health (pixecom.accounts.health): where the token came from, what Meta says of it.
    grant_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("meta_grants.id", ondelete="SET NULL"), index=True
    )
    token_source: Mapped[str] = mapped_column(
        String(16), nullable=False, default="pasted", server_default="pasted"
    )
    token_expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    token_data_access_expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    token_scopes: Mapped[list[str] | None] = mapped_column(JSONB)
    reauth_reason: Mapped[str | None] = mapped_column(String(32))
    # Meta's minimum daily budgets ({"min_daily_budget_imp": 100, ...}, offset units), from the
    # delivery sync: a budget below them is refused before any Graph call.
    minimum_budgets: Mapped[dict[str, int] | None] = mapped_column(JSONB)
    created_at: Mapped[datetime] = created_at_col()
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now(), nullable=False
    )

    __table_args__ = (
        UniqueConstraint("seller_id", "meta_account_id"),
        # One Meta ad account belongs to one seller, whatever path connected it.
        UniqueConstraint("meta_account_id", name="uq_ad_accounts_meta_account_id"),
    )


class Sellpage(Base):
    __tablename__ = "sellpages"

    id: Mapped[uuid.UUID] = uuid_pk()
    seller_id: Mapped[uuid.UUID] = seller_fk()
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    url: Mapped[str] = mapped_column(String(2048), nullable=False)
    # Normalised host + path (no scheme, no query, no trailing slash) for matching ad link URLs.
    url_key: Mapped[str] = mapped_column(String(2048), nullable=False)
    created_at: Mapped[datetime] = created_at_col()

    __table_args__ = (UniqueConstraint("seller_id", "url_key"),)
