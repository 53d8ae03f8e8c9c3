"""Facebook Login: grants (a seller's Meta user token, kept encrypted), single-use OAuth states,
and Meta's data-deletion requests (migration 0006). See pixecom.accounts.login."""

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from pixecom.db.base import Base, created_at_col, seller_fk, uuid_pk


class MetaGrant(Base):
    """One Meta user's consent for one seller: the token (Fernet), its scopes and expiry, and the
    ad accounts Meta listed for it. Accounts connected with it point here (`grant_id`)."""

    __tablename__ = "meta_grants"

    id: Mapped[uuid.UUID] = uuid_pk()
    seller_id: Mapped[uuid.UUID] = seller_fk()
    user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    meta_user_id: Mapped[str] = mapped_column(String(64), nullable=False)  # app-scoped user id
    token_type: Mapped[str] = mapped_column(String(32), nullable=False)  # USER | SYSTEM_USER
    # NULL once erased (deauthorize / data deletion): never returned, never logged.
    access_token_encrypted: Mapped[bytes | None] = mapped_column(LargeBinary)
    scopes: Mapped[list[str]] = mapped_column(JSONB, nullable=False, default=list)
    declined_scopes: Mapped[list[str]] = mapped_column(JSONB, nullable=False, default=list)
    granular_scopes: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, nullable=False, default=list)
    ad_accounts: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, nullable=False, default=list)
    expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    data_access_expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    checked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = created_at_col()

    __table_args__ = (UniqueConstraint("seller_id", "meta_user_id"),)


class MetaOAuthState(Base):
    """A `state` handed to the Login dialog: only its SHA-256 is stored; single use, 10 minutes,
    bound to the user who asked for it."""

    __tablename__ = "meta_oauth_states"

    id: Mapped[uuid.UUID] = uuid_pk()
    seller_id: Mapped[uuid.UUID] = seller_fk()
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), nullable=False)
    state_hash: Mapped[bytes] = mapped_column(LargeBinary(32), nullable=False, unique=True)
    rerequest: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    created_at: Mapped[datetime] = created_at_col()
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class MetaDataDeletion(Base):
    """A deauthorize or data-deletion callback from Meta, for its status page and idempotency."""

    __tablename__ = "meta_data_deletions"

    id: Mapped[uuid.UUID] = uuid_pk()
    kind: Mapped[str] = mapped_column(String(32), nullable=False)  # deauthorize | data_deletion
    meta_user_id: Mapped[str] = mapped_column(String(64), nullable=False)
    request_key: Mapped[str] = mapped_column(String(128), nullable=False, unique=True)
    confirmation_code: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    status: Mapped[str] = mapped_column(String(32), nullable=False)
    accounts_affected: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    detail: Mapped[str | None] = mapped_column(Text)
    received_at: Mapped[datetime] = created_at_col()
    completed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
