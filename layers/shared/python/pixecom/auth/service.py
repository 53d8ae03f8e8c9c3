"""Auth use cases: register, login, refresh, logout, me. Each takes the caller's Session.

Errors are named exceptions; the API maps them to statuses. Some failures write before they are
raised (a failed login attempt, a family revoked on reuse): the caller must commit those writes
even though the request fails (`AuthFailure.commit_anyway`).
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pixecom.auth import refresh as refresh_tokens
from pixecom.auth import team
from pixecom.auth.invitations import InvitationProblem, TeamSeat, seat_of, spend_invitation
from pixecom.auth.passwords import check_password_policy, dummy_verify, hash_password, hasher, verify_password
from pixecom.auth.throttle import LoginThrottled, check_login_allowed, record_login_attempt
from pixecom.auth.tokens import issue_access_token, signing_keys
from pixecom.db.models import Seller, User
from pixecom.domain.enums import UserRole
from pixecom.domain.permissions import Permission, permissions_of
from pixecom.observability import logger
from pixecom.settings import Settings, get_settings

MAX_EMAIL_LENGTH = 320
# Deliberately simple: one @, no spaces, a dot in the domain. Deliverability is not our check.
EMAIL_PATTERN = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s.]{2,}$")


class AuthFailure(Exception):
    """Base of the auth errors; `commit_anyway` means the failure wrote something that must stay."""

    commit_anyway = False


class EmailTaken(AuthFailure):
    pass


class InvalidCredentials(AuthFailure):
    """Wrong email or password (or an inactive user): one message for all of them."""

    commit_anyway = True  # the failed attempt counts towards throttling


class InvalidRefreshToken(AuthFailure):
    commit_anyway = True  # reuse revokes the family


class NotAuthenticated(AuthFailure):
    """The token is valid but its user no longer exists, is inactive, or is not in that seller."""


class SellerNotFound(AuthFailure):
    pass


class SellerNameRequired(AuthFailure):
    """A registration that joins no team makes a seller, and a seller needs a name."""


@dataclass(frozen=True)
class UserInfo:
    id: uuid.UUID
    email: str
    role: UserRole


@dataclass(frozen=True)
class SellerInfo:
    id: uuid.UUID
    name: str


@dataclass(frozen=True)
class AccountInfo:
    user: UserInfo
    seller: SellerInfo
    # None: every ad account of the seller; else the only ones this member sees.
    ad_account_ids: list[uuid.UUID] | None = None

    @property
    def permissions(self) -> frozenset[Permission]:
        return permissions_of(self.user.role)


@dataclass(frozen=True)
class TokenPair:
    access_token: str
    refresh_token: str
    expires_in: int
    token_type: str = "bearer"
    refresh_expires_at: datetime | None = None  # the session's end (the refresh family's expiry)


@dataclass(frozen=True)
class Registration:
    account: AccountInfo
    tokens: TokenPair


def normalize_email(email: str) -> str:
    return email.strip().lower()


def is_valid_email(email: str) -> bool:
    return len(email) <= MAX_EMAIL_LENGTH and EMAIL_PATTERN.match(email) is not None


def create_user(
    session: Session, *, email: str, password: str, seller_name: str, role: UserRole = UserRole.OWNER
) -> AccountInfo:
    """A new user: an owner creates a new seller; a member joins the one seller with that name."""
    email = normalize_email(email)
    if not is_valid_email(email):
        raise ValueError("Not a valid email address")
    check_password_policy(password)
    if session.execute(select(User.id).where(User.email == email)).first() is not None:
        raise EmailTaken("Email is already registered")
    password_hash = hash_password(password)
    seller = _seller_for(session, seller_name.strip(), role)
    user = User(seller_id=seller.id, email=email, password_hash=password_hash, role=role)
    try:
        with session.begin_nested():  # a concurrent registration of the same email loses here
            session.add(user)
    except IntegrityError:
        raise EmailTaken("Email is already registered") from None
    return _account(user, seller)


def register(
    session: Session,
    *,
    email: str,
    password: str,
    seller_name: str | None,
    now: datetime,
    invitation_code: str | None = None,
) -> Registration:
    """A new user, signed in: the owner of a new seller, or, with a team invitation's code, a
    member of that team with the invitation's role. A code given is checked and spent in the same
    transaction (InvitationProblem when it cannot be); with SIGNUP_MODE=invitation one is needed."""
    invitation = None
    if invitation_code or get_settings().signup_mode == "invitation":
        invitation = spend_invitation(session, invitation_code, email=normalize_email(email), now=now)
    seat = seat_of(invitation) if invitation is not None else None
    if seat is not None:
        account = _join_as_new_user(session, email=email, password=password, seat=seat, now=now)
    elif not seller_name:
        raise SellerNameRequired("seller_name is required unless the invitation joins a team")
    else:
        account = create_user(session, email=email, password=password, seller_name=seller_name)
    if invitation is not None:
        invitation.used_at, invitation.used_by = now, account.user.id
    tokens = _issue_pair(session, account.user.id, account.seller.id, now, get_settings())
    logger.info(
        "user registered", extra={"seller_id": str(account.seller.id), "joined_team": seat is not None}
    )
    return Registration(account, tokens)


def accept_invitation(
    session: Session, *, code: str, email: str, password: str, client_ip: str, now: datetime
) -> TokenPair:
    """An existing user (in no team now, e.g. removed from one) accepts a team invitation by
    signing in: the password is checked as a login is (throttled), then the code is spent."""
    email = normalize_email(email)
    user = _lock_user_for_login(session, email)
    check_login_allowed(session, email, client_ip, now=now)
    if user is None:
        dummy_verify()
        ok = False
    else:
        ok, _ = verify_password(password, user.password_hash)
    record_login_attempt(session, email, client_ip, succeeded=ok, now=now)
    if user is None or not ok:
        raise InvalidCredentials("Invalid email or password")
    invitation = spend_invitation(session, code, email=email, now=now)
    seat = seat_of(invitation)
    if seat is None:
        raise InvitationProblem("invitation_invalid", "This code is a sign-up code, not a team invitation")
    if user.is_active:
        raise team.AlreadyMember("You are already in a team: leave it before joining another", field="email")
    team.join(session, user, seat, now)
    invitation.used_at, invitation.used_by = now, user.id
    user.last_login_at = now
    return _issue_pair(session, user.id, user.seller_id, now, get_settings(), version=user.token_version)


def login(session: Session, *, email: str, password: str, client_ip: str, now: datetime) -> TokenPair:
    """Check the password (throttled), rehash if the cost changed, start a refresh family."""
    email = normalize_email(email)
    user = _lock_user_for_login(session, email)
    check_login_allowed(session, email, client_ip, now=now)  # LoginThrottled passes through
    if user is None:
        dummy_verify()  # the same time as a real check, so timing does not tell which emails exist
        ok, needs_rehash = False, False
    else:
        ok, needs_rehash = verify_password(password, user.password_hash)
        ok = ok and user.is_active
    record_login_attempt(session, email, client_ip, succeeded=ok, now=now)
    if user is None or not ok:
        raise InvalidCredentials("Invalid email or password")
    if needs_rehash:
        user.password_hash = hasher().hash(password)
        logger.info("password rehashed with current parameters", extra={"user_id": str(user.id)})
    user.last_login_at = now
    return _issue_pair(session, user.id, user.seller_id, now, get_settings(), version=user.token_version)


def refresh(session: Session, *, refresh_token: str, now: datetime) -> TokenPair:
    """Spend the refresh token and return a new pair (same family)."""
    try:
        settings = get_settings()
        issued = refresh_tokens.rotate(
            session,
            refresh_token,
            now=now,
            keys=signing_keys(settings),
            grace=timedelta(seconds=settings.refresh_reuse_grace_seconds),
        )
    except refresh_tokens.RefreshTokenInvalid:
        raise InvalidRefreshToken("Invalid refresh token") from None
    user = session.get(User, issued.user_id)
    if user is None or not user.is_active or user.seller_id != issued.seller_id:
        refresh_tokens.revoke_family(session, issued.family_id, now=now)
        raise InvalidRefreshToken("Invalid refresh token")
    access = issue_access_token(
        issued.user_id, issued.seller_id, now=now, settings=settings, version=user.token_version
    )
    return TokenPair(
        access, issued.token, settings.access_token_ttl_seconds, refresh_expires_at=issued.family_expires_at
    )


def logout(session: Session, *, refresh_token: str, now: datetime) -> None:
    """Revoke the token's family. Unknown tokens are ignored: logging out is idempotent."""
    refresh_tokens.revoke(session, refresh_token, now=now)


def me(session: Session, *, user_id: uuid.UUID, seller_id: uuid.UUID) -> AccountInfo:
    """The caller's user and seller; the user must belong to the seller named in the token."""
    row = session.execute(
        select(User, Seller)
        .join(Seller, Seller.id == User.seller_id)
        .where(User.id == user_id, User.seller_id == seller_id, User.is_active.is_(True))
    ).first()
    if row is None:
        raise NotAuthenticated("User not found")
    user, seller = row
    scope = team.member_scope(session, user) if user.accounts_limited else None
    return _account(user, seller, scope)


def _join_as_new_user(
    session: Session, *, email: str, password: str, seat: TeamSeat, now: datetime
) -> AccountInfo:
    email = normalize_email(email)
    check_password_policy(password)
    if session.execute(select(User.id).where(User.email == email)).first() is not None:
        raise EmailTaken("Email is already registered")
    user = User(seller_id=seat.seller_id, email=email, password_hash=hash_password(password), role=seat.role)
    try:
        with session.begin_nested():
            session.add(user)
    except IntegrityError:
        raise EmailTaken("Email is already registered") from None
    team.join(session, user, seat, now)
    seller = session.get_one(Seller, seat.seller_id)
    return _account(user, seller)


def _lock_user_for_login(session: Session, email: str) -> User | None:
    """The user, locked until commit; LoginThrottled if another login for it is in progress.

    SKIP LOCKED rather than waiting: a parallel burst of guesses gets 429 instead of each one
    holding a connection in a queue (and instead of all passing the throttle check at once).
    NO KEY UPDATE, so inserts referencing the user (refresh tokens) are not blocked meanwhile.
    """
    user = session.execute(
        select(User).where(User.email == email).with_for_update(skip_locked=True, key_share=True)
    ).scalar_one_or_none()
    if user is None and session.execute(select(User.id).where(User.email == email)).first() is not None:
        raise LoginThrottled(retry_after=1)
    return user


def _seller_for(session: Session, name: str, role: UserRole) -> Seller:
    if role is UserRole.OWNER:
        seller = Seller(name=name)
        session.add(seller)
        session.flush()
        return seller
    matches = session.execute(select(Seller).where(Seller.name == name).limit(2)).scalars().all()
    if len(matches) != 1:
        raise SellerNotFound(f"Expected exactly one seller named {name!r}, found {len(matches)}")
    return matches[0]


def _issue_pair(
    session: Session,
    user_id: uuid.UUID,
    seller_id: uuid.UUID,
    now: datetime,
    settings: Settings,
    *,
    version: int = 0,
) -> TokenPair:
    issued = refresh_tokens.start_family(
        session, user_id, seller_id, now=now, ttl_days=settings.refresh_token_ttl_days
    )
    access = issue_access_token(user_id, seller_id, now=now, settings=settings, version=version)
    return TokenPair(
        access, issued.token, settings.access_token_ttl_seconds, refresh_expires_at=issued.family_expires_at
    )


def _account(user: User, seller: Seller, ad_account_ids: list[uuid.UUID] | None = None) -> AccountInfo:
    return AccountInfo(
        user=UserInfo(id=user.id, email=user.email, role=user.role),
        seller=SellerInfo(id=seller.id, name=seller.name),
        ad_account_ids=ad_account_ids,
    )
