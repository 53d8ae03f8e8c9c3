"""/api/team: the seller's members, their roles and ad accounts, invitations, ownership.

Accepting an invitation is POST /api/auth/register (a new user) or /api/auth/accept-invitation
(an existing one); both are under /api/auth because they sign the person in.
"""

from __future__ import annotations

import uuid
from urllib.parse import quote

from fastapi import APIRouter, Response, status

from pixecom.api.deps import Caller, CurrentSeller, DbSession, Now
from pixecom.api.permits import SIGNED_IN, requires
from pixecom.api.schemas.errors import error_responses
from pixecom.api.schemas.team import (
    InvitationIn,
    InvitationList,
    InvitationOut,
    MemberList,
    MemberOut,
    MemberPatch,
    NewInvitationOut,
    RolePermissions,
    RoleTable,
    TransferIn,
)
from pixecom.auth import team
from pixecom.domain.enums import UserRole
from pixecom.domain.permissions import NARROWABLE_ROLES, Permission, ordered, permissions_of

router = APIRouter(prefix="/team", tags=["team"])


def _actor(caller: Caller) -> team.Actor:
    return team.Actor(caller.user_id, caller.seller_id, caller.role)


@router.get(
    "/roles",
    dependencies=[SIGNED_IN],
    response_model=RoleTable,
    summary="Every role and what it may do (the permission table)",
)
def list_roles() -> RoleTable:
    return RoleTable(
        data=[
            RolePermissions(
                role=role,
                permissions=ordered(permissions_of(role)),
                may_be_limited_to_ad_accounts=role in NARROWABLE_ROLES,
            )
            for role in UserRole
        ]
    )


@router.get("/members", dependencies=[requires(Permission.TEAM_READ)], response_model=MemberList)
def list_members(caller: CurrentSeller, db: DbSession) -> MemberList:
    return MemberList(data=[_member_out(m) for m in team.list_members(db, caller.seller_id)])


@router.patch(
    "/members/{user_id}",
    dependencies=[requires(Permission.MEMBERS_MANAGE)],
    response_model=MemberOut,
    responses=error_responses(404, 409),
    summary="Change a member's role and/or ad accounts",
    description="Lowering what a member may do ends their sessions at once (their next request "
    "is refused; they sign in again). 409 last_owner: a team keeps an owner.",
)
def change_member(
    user_id: uuid.UUID, body: MemberPatch, caller: CurrentSeller, db: DbSession, now: Now
) -> MemberOut:
    given = body.model_fields_set
    view = team.change_member(
        db,
        _actor(caller),
        user_id,
        role=body.role,
        ad_account_ids=body.ad_account_ids if "ad_account_ids" in given else team.UNCHANGED,
        now=now,
    )
    return _member_out(view)


@router.delete(
    "/members/{user_id}",
    dependencies=[requires(Permission.MEMBERS_MANAGE)],
    status_code=204,
    responses=error_responses(404, 409),
    summary="Remove a member: their next request is refused",
)
def remove_member(user_id: uuid.UUID, caller: CurrentSeller, db: DbSession, now: Now) -> Response:
    team.remove_member(db, _actor(caller), user_id, now=now)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/leave",
    dependencies=[SIGNED_IN],
    status_code=204,
    responses=error_responses(409),
    summary="Leave the team (not the last owner); this session ends",
)
def leave_team(caller: CurrentSeller, db: DbSession, now: Now) -> Response:
    team.remove_member(db, _actor(caller), caller.user_id, now=now)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/transfer-ownership",
    dependencies=[requires(Permission.OWNERSHIP)],
    status_code=204,
    responses=error_responses(404, 409),
    summary="Make another member an owner; you become an admin (and sign in again)",
)
def transfer_ownership(body: TransferIn, caller: CurrentSeller, db: DbSession, now: Now) -> Response:
    team.transfer_ownership(db, _actor(caller), body.user_id, now=now)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get(
    "/invitations",
    dependencies=[requires(Permission.MEMBERS_MANAGE)],
    response_model=InvitationList,
    summary="Invitations not yet accepted and not expired",
)
def list_invitations(caller: CurrentSeller, db: DbSession, now: Now) -> InvitationList:
    rows = team.pending_invitations(db, caller.seller_id, now)
    return InvitationList(data=[InvitationOut(**vars(row)) for row in rows])


@router.post(
    "/invitations",
    dependencies=[requires(Permission.MEMBERS_MANAGE)],
    status_code=201,
    response_model=NewInvitationOut,
    responses=error_responses(409),
    summary="Invite someone by email: a single-use code that expires",
    description="The invitee registers with the code (POST /api/auth/register, no seller_name) or, "
    "with an existing login in no team, accepts it (POST /api/auth/accept-invitation).",
)
def invite(body: InvitationIn, caller: CurrentSeller, db: DbSession, now: Now) -> NewInvitationOut:
    made = team.invite(
        db, _actor(caller), email=body.email, role=body.role, ad_account_ids=body.ad_account_ids, now=now
    )
    assert made.id is not None and made.email is not None  # a team invitation always has both
    return NewInvitationOut(
        id=made.id,
        email=made.email,
        role=body.role,
        code=made.code,
        accept_path=f"/register?invitation={quote(made.code)}",
        expires_at=made.expires_at,
    )


@router.delete(
    "/invitations/{invitation_id}",
    dependencies=[requires(Permission.MEMBERS_MANAGE)],
    status_code=204,
    responses=error_responses(404),
    summary="Cancel a pending invitation",
)
def cancel_invitation(invitation_id: uuid.UUID, caller: CurrentSeller, db: DbSession, now: Now) -> Response:
    team.cancel_invitation(db, _actor(caller), invitation_id, now=now)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


def _member_out(view: team.MemberView) -> MemberOut:
    return MemberOut(
        user_id=view.user_id,
        email=view.email,
        role=view.role,
        ad_account_ids=view.ad_account_ids,
        joined_at=view.joined_at,
        last_login_at=view.last_login_at,
    )
