"""A seller's team: members and their roles, invitations, narrowing to ad accounts, removal and
ownership transfer. Each function takes the caller's Session and writes in its transaction.

Rules (pixecom.domain.permissions): owners manage everyone, admins everyone but owners; a team
always keeps an owner (the last one cannot leave, be removed or be demoted: transfer first).
Anything that lessens what a member may do (removal, a lower role, fewer ad accounts) bumps their
token version and revokes their refresh tokens, so it holds at their next request. Every change is
written to the audit log with the person who made it.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from pixecom.auth import refresh as refresh_tokens
from pixecom.auth.invitations import NewInvitation, TeamSeat, create_invitation
from pixecom.auth.members import member_cache
from pixecom.db.models import AdAccount, AuditLog, Invitation, MemberAdAccount, User
from pixecom.domain.enums import UserRole
from pixecom.domain.permissions import NARROWABLE_ROLES, ROLE_PERMISSIONS, may_manage

MEMBER_INVITED = "member_invited"
INVITATION_CANCELLED = "invitation_cancelled"
MEMBER_JOINED = "member_joined"
MEMBER_CHANGED = "member_changed"
MEMBER_REMOVED = "member_removed"
OWNERSHIP_TRANSFERRED = "ownership_transferred"


class TeamProblem(Exception):
    """A team change that cannot be made; `code` is stable, `status` the HTTP status."""

    status = 409
    code = "conflict"

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message, self.field = message, field


class MemberNotFound(TeamProblem):
    status, code = 404, "not_found"


class NotYourCall(TeamProblem):
    """The actor's role may not manage the target's role (an admin and an owner)."""

    status, code = 403, "forbidden"


class LastOwner(TeamProblem):
    code = "last_owner"


class AlreadyMember(TeamProblem):
    code = "already_member"


class BadScope(TeamProblem):
    """Ad accounts not the seller's, or narrowing a role that always sees everything."""

    status, code = 422, "invalid_input"


@dataclass(frozen=True)
class Actor:
    user_id: uuid.UUID
    seller_id: uuid.UUID
    role: UserRole


@dataclass(frozen=True)
class MemberView:
    user_id: uuid.UUID
    email: str
    role: UserRole
    ad_account_ids: list[uuid.UUID] | None
    joined_at: datetime
    last_login_at: datetime | None


@dataclass(frozen=True)
class InvitationView:
    id: uuid.UUID
    email: str | None
    role: UserRole
    ad_account_ids: list[uuid.UUID] | None
    invited_by: uuid.UUID | None
    created_at: datetime
    expires_at: datetime


# --- reading -----------------------------------------------------------------------------------


def list_members(session: Session, seller_id: uuid.UUID) -> list[MemberView]:
    users = session.scalars(
        select(User)
        .where(User.seller_id == seller_id, User.is_active.is_(True))
        .order_by(User.created_at, User.id)
    ).all()
    scopes = _scopes(session, [u.id for u in users if u.accounts_limited])
    return [
        MemberView(
            u.id,
            u.email,
            u.role,
            sorted(scopes.get(u.id, []), key=str) if u.accounts_limited else None,
            u.created_at,
            u.last_login_at,
        )
        for u in users
    ]


def member_scope(session: Session, user: User) -> list[uuid.UUID]:
    """The ad accounts a limited member sees, sorted."""
    return sorted(_scopes(session, [user.id])[user.id], key=str)


def pending_invitations(session: Session, seller_id: uuid.UUID, now: datetime) -> list[InvitationView]:
    rows = session.scalars(
        select(Invitation)
        .where(Invitation.seller_id == seller_id, Invitation.used_at.is_(None), Invitation.expires_at > now)
        .order_by(Invitation.created_at, Invitation.id)
    ).all()
    return [
        InvitationView(
            row.id,
            row.email,
            row.role or UserRole.ANALYST,
            None if row.ad_account_ids is None else [uuid.UUID(i) for i in row.ad_account_ids],
            row.invited_by,
            row.created_at,
            row.expires_at,
        )
        for row in rows
    ]


# --- inviting ----------------------------------------------------------------------------------


def invite(
    session: Session,
    actor: Actor,
    *,
    email: str,
    role: UserRole,
    ad_account_ids: Sequence[uuid.UUID] | None,
    now: datetime,
) -> NewInvitation:
    """A single-use invitation into the actor's team, bound to `email`."""
    _check_may_manage(actor, role)
    accounts = _checked_scope(session, actor.seller_id, role, ad_account_ids)
    taken = session.scalar(
        select(User.id).where(
            User.email == email, User.seller_id == actor.seller_id, User.is_active.is_(True)
        )
    )
    if taken is not None:
        raise AlreadyMember("This person is already a member of the team", field="email")
    seat = TeamSeat(actor.seller_id, role, actor.user_id, accounts)
    invitation = create_invitation(session, now=now, email=email, seat=seat)
    _audit(session, actor, MEMBER_INVITED, None, email, to_value=role.value, now=now)
    return invitation


def cancel_invitation(session: Session, actor: Actor, invitation_id: uuid.UUID, *, now: datetime) -> None:
    row = session.scalars(
        select(Invitation).where(
            Invitation.id == invitation_id,
            Invitation.seller_id == actor.seller_id,
            Invitation.used_at.is_(None),
        )
    ).one_or_none()
    if row is None:
        raise MemberNotFound("No such pending invitation")
    _check_may_manage(actor, row.role or UserRole.ANALYST)
    session.delete(row)
    _audit(
        session,
        actor,
        INVITATION_CANCELLED,
        None,
        row.email,
        from_value=(row.role or UserRole.ANALYST).value,
        now=now,
    )


def join(session: Session, user: User, seat: TeamSeat, now: datetime) -> None:
    """`user` takes the seat (a new user, or one who is no longer in any team)."""
    # Tokens from an earlier team never pass: they name that team's seller.
    user.seller_id, user.role, user.is_active = seat.seller_id, seat.role, True
    session.execute(delete(MemberAdAccount).where(MemberAdAccount.user_id == user.id))
    user.accounts_limited = seat.ad_account_ids is not None
    session.flush()
    if seat.ad_account_ids is not None:
        # Accounts disconnected since the invitation are simply left out.
        live = _existing_accounts(session, seat.seller_id, seat.ad_account_ids)
        session.add_all(
            MemberAdAccount(user_id=user.id, ad_account_id=a, seller_id=seat.seller_id) for a in live
        )
    actor = Actor(seat.invited_by or user.id, seat.seller_id, seat.role)
    _audit(session, actor, MEMBER_JOINED, user, to_value=seat.role.value, by=user.id, now=now)
    session.flush()
    member_cache.forget(user.id)


# --- changing and removing ---------------------------------------------------------------------


UNCHANGED: list[uuid.UUID] = []  # sentinel: "ad_account_ids not given"


def change_member(
    session: Session,
    actor: Actor,
    user_id: uuid.UUID,
    *,
    role: UserRole | None = None,
    ad_account_ids: Sequence[uuid.UUID] | None = UNCHANGED,
    now: datetime,
) -> MemberView:
    """A new role and/or ad accounts (None: all) for a member."""
    member = _member(session, actor.seller_id, user_id, lock=True)
    _check_may_manage(actor, member.role)
    new_role = role or member.role
    _check_may_manage(actor, new_role)
    if member.role is UserRole.OWNER and new_role is not UserRole.OWNER:
        _keep_an_owner(session, actor.seller_id, member.id)
    old_scope = _scopes(session, [member.id]).get(member.id, set()) if member.accounts_limited else None
    if ad_account_ids is UNCHANGED:
        new_scope = (
            None if old_scope is None or new_role not in NARROWABLE_ROLES else sorted(old_scope, key=str)
        )
    else:
        new_scope = list(ad_account_ids) if ad_account_ids is not None else None
    checked = _checked_scope(session, actor.seller_id, new_role, new_scope)
    lessened = _lessens(member.role, new_role, old_scope, None if checked is None else set(checked))
    if new_role is not member.role:
        _audit(
            session,
            actor,
            MEMBER_CHANGED,
            member,
            from_value=member.role.value,
            to_value=new_role.value,
            now=now,
        )
    if ad_account_ids is not UNCHANGED:
        _audit(session, actor, MEMBER_CHANGED, member, detail={"ad_account_ids": _ids_out(checked)}, now=now)
    member.role = new_role
    _set_scope(session, member, checked)
    if lessened:
        _end_sessions(session, member, now)
    session.flush()
    member_cache.forget(member.id)
    return next(m for m in list_members(session, actor.seller_id) if m.user_id == member.id)


def remove_member(session: Session, actor: Actor, user_id: uuid.UUID, *, now: datetime) -> None:
    """Take the member out of the team (leaving, when it is the actor). Their user stays, inactive,
    so the audit log still names them; they may later accept another team's invitation."""
    member = _member(session, actor.seller_id, user_id, lock=True)
    if member.id != actor.user_id:
        _check_may_manage(actor, member.role)
    if member.role is UserRole.OWNER:
        _keep_an_owner(session, actor.seller_id, member.id)
    _audit(session, actor, MEMBER_REMOVED, member, from_value=member.role.value, now=now)
    member.is_active = False
    _set_scope(session, member, None)
    _end_sessions(session, member, now)
    session.flush()
    member_cache.forget(member.id)


def transfer_ownership(session: Session, actor: Actor, user_id: uuid.UUID, *, now: datetime) -> None:
    """Make `user_id` an owner and the actor (an owner) an admin."""
    if actor.role is not UserRole.OWNER:
        raise NotYourCall("Only an owner can transfer ownership")
    if user_id == actor.user_id:
        raise TeamProblem("You already own this seller", field="user_id")
    target = _member(session, actor.seller_id, user_id, lock=True)
    me = _member(session, actor.seller_id, actor.user_id, lock=True)
    _audit(
        session, actor, OWNERSHIP_TRANSFERRED, target, from_value=target.role.value, to_value="owner", now=now
    )
    target.role = UserRole.OWNER
    _set_scope(session, target, None)
    me.role = UserRole.ADMIN
    _end_sessions(session, me, now)
    session.flush()
    member_cache.forget(target.id)
    member_cache.forget(me.id)


# --- helpers -----------------------------------------------------------------------------------


def _check_may_manage(actor: Actor, role: UserRole) -> None:
    if not may_manage(actor.role, role):
        raise NotYourCall(f"Your role ({actor.role.value}) may not manage a member who is {role.value}")


def _member(session: Session, seller_id: uuid.UUID, user_id: uuid.UUID, *, lock: bool = False) -> User:
    query = select(User).where(User.id == user_id, User.seller_id == seller_id, User.is_active.is_(True))
    member = session.scalars(query.with_for_update() if lock else query).one_or_none()
    if member is None:
        raise MemberNotFound("No such member")
    return member


def _keep_an_owner(session: Session, seller_id: uuid.UUID, leaving: uuid.UUID) -> None:
    """LastOwner unless another active owner remains. Owners are locked first, so two owners
    demoting each other at once cannot both pass."""
    owners = session.scalars(
        select(User.id)
        .where(User.seller_id == seller_id, User.role == UserRole.OWNER, User.is_active.is_(True))
        .with_for_update()
    ).all()
    if not any(owner != leaving for owner in owners):
        raise LastOwner("A team keeps at least one owner: transfer ownership first")


def _checked_scope(
    session: Session, seller_id: uuid.UUID, role: UserRole, ids: Sequence[uuid.UUID] | None
) -> tuple[uuid.UUID, ...] | None:
    if ids is None:
        return None
    if role not in NARROWABLE_ROLES:
        raise BadScope(f"A member who is {role.value} always sees every ad account", field="ad_account_ids")
    wanted = tuple(dict.fromkeys(ids))
    found = _existing_accounts(session, seller_id, wanted)
    if len(found) != len(wanted):
        raise BadScope("Some of these ad accounts are not this seller's", field="ad_account_ids")
    return wanted


def _existing_accounts(session: Session, seller_id: uuid.UUID, ids: Sequence[uuid.UUID]) -> set[uuid.UUID]:
    if not ids:
        return set()
    return set(
        session.scalars(select(AdAccount.id).where(AdAccount.seller_id == seller_id, AdAccount.id.in_(ids)))
    )


def _scopes(session: Session, user_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, set[uuid.UUID]]:
    scopes: dict[uuid.UUID, set[uuid.UUID]] = {u: set() for u in user_ids}
    if user_ids:
        rows = session.execute(
            select(MemberAdAccount.user_id, MemberAdAccount.ad_account_id).where(
                MemberAdAccount.user_id.in_(user_ids)
            )
        )
        for user_id, account_id in rows:
            scopes[user_id].add(account_id)
    return scopes


def _set_scope(session: Session, member: User, ids: tuple[uuid.UUID, ...] | None) -> None:
    session.execute(delete(MemberAdAccount).where(MemberAdAccount.user_id == member.id))
    member.accounts_limited = ids is not None
    session.flush()
    if ids:
        session.add_all(
            MemberAdAccount(user_id=member.id, ad_account_id=a, seller_id=member.seller_id) for a in ids
        )


def _lessens(
    old_role: UserRole, new_role: UserRole, old: set[uuid.UUID] | None, new: set[uuid.UUID] | None
) -> bool:
    fewer_permissions = not ROLE_PERMISSIONS[new_role] >= ROLE_PERMISSIONS[old_role]
    fewer_accounts = new is not None and (old is None or not new >= old)
    return fewer_permissions or fewer_accounts


def _end_sessions(session: Session, member: User, now: datetime) -> None:
    member.token_version += 1
    refresh_tokens.revoke_user(session, member.id, now=now)


def _ids_out(ids: tuple[uuid.UUID, ...] | None) -> list[str] | None:
    return None if ids is None else sorted(str(i) for i in ids)


def _audit(
    session: Session,
    actor: Actor,
    action: str,
    member: User | None,
    email: str | None = None,
    *,
    from_value: str | None = None,
    to_value: str | None = None,
    detail: dict[str, object] | None = None,
    by: uuid.UUID | None = None,
    now: datetime,
) -> None:
    session.add(
        AuditLog(
            seller_id=actor.seller_id,
            user_id=by or actor.user_id,
            action=action,
            entity_level="member",
            entity_id=member.id if member is not None else None,
            entity_name=member.email if member is not None else email,
            from_value=from_value,
            to_value=to_value,
            detail=detail,
            created_at=now,
        )
    )
