"""Sign-up by invitation (SIGNUP_MODE=invitation): an admin makes a single-use code with
`pixecom invite`; `register` then spends one. Only the code's SHA-256 is stored, so the code is
shown once, when it is made. A code may be bound to one email address; it expires after
INVITATION_TTL_DAYS. A team invitation (pixecom.auth.team) also names a seller, a role and maybe
the ad accounts its member will be limited to: spending it joins that team. Spending locks the
row in the registration's transaction: a registration that fails (email taken) leaves the code
unspent, and two registrations never spend one code twice.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from pixecom.db.models import Invitation
from pixecom.domain.enums import UserRole
from pixecom.settings import get_settings

CODE_BYTES = 24
MAX_CODE_LENGTH = 200


class InvitationProblem(Exception):
    """Why a registration's invitation code was not accepted (`reason`: a stable code)."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason, self.message = reason, message


@dataclass(frozen=True)
class NewInvitation:
    code: str  # shown once; never stored or logged
    email: str | None
    expires_at: datetime
    id: uuid.UUID | None = None


@dataclass(frozen=True)
class TeamSeat:
    """What a team invitation gives: a seat in `seller_id`'s team with `role`."""

    seller_id: uuid.UUID
    role: UserRole
    invited_by: uuid.UUID | None
    ad_account_ids: tuple[uuid.UUID, ...] | None  # None: all of the seller's accounts


def hash_code(code: str) -> bytes:
    return hashlib.sha256(code.strip().encode()).digest()


def create_invitation(
    session: Session,
    *,
    now: datetime,
    email: str | None = None,
    ttl: timedelta | None = None,
    seat: TeamSeat | None = None,
) -> NewInvitation:
    """A new single-use code (bound to `email` when given); with `seat`, into that team."""
    code = secrets.token_urlsafe(CODE_BYTES)
    expires_at = now + (ttl or timedelta(days=get_settings().invitation_ttl_days))
    normalized = email.strip().lower() if email else None
    invitation = Invitation(
        code_hash=hash_code(code), email=normalized, created_at=now, expires_at=expires_at
    )
    if seat is not None:
        invitation.seller_id, invitation.role, invitation.invited_by = (
            seat.seller_id,
            seat.role,
            seat.invited_by,
        )
        if seat.ad_account_ids is not None:
            invitation.ad_account_ids = [str(i) for i in seat.ad_account_ids]
    session.add(invitation)
    session.flush()
    return NewInvitation(code, normalized, expires_at, invitation.id)


def seat_of(invitation: Invitation) -> TeamSeat | None:
    """The team seat an invitation gives, or None for a sign-up code (a new seller)."""
    if invitation.seller_id is None or invitation.role is None:
        return None
    ids = invitation.ad_account_ids
    return TeamSeat(
        invitation.seller_id,
        invitation.role,
        invitation.invited_by,
        None if ids is None else tuple(uuid.UUID(i) for i in ids),
    )


def spend_invitation(session: Session, code: str | None, *, email: str, now: datetime) -> Invitation:
    """Lock and check the code for a registration of `email`; the caller marks it used."""
    if not code or not code.strip():
        raise InvitationProblem(
            "invitation_required", "Sign-up is by invitation: an invitation_code is required"
        )
    invitation = session.scalars(
        select(Invitation).where(Invitation.code_hash == hash_code(code)).with_for_update()
    ).one_or_none()
    if invitation is None:
        raise InvitationProblem("invitation_invalid", "This invitation code is not valid")
    if invitation.used_at is not None:
        raise InvitationProblem("invitation_used", "This invitation code was already used")
    if invitation.expires_at <= now:
        raise InvitationProblem("invitation_expired", "This invitation code has expired")
    if invitation.email is not None and invitation.email != email:
        raise InvitationProblem("invitation_invalid", "This invitation code is for another email address")
    return invitation
