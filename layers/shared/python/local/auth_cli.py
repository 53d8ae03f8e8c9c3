"""`pixecom create-user`: add a user for an internal seller without the sign-up endpoint;
`pixecom invite`: a single-use sign-up code when SIGNUP_MODE=invitation.

The password is read from PIXECOM_NEW_USER_PASSWORD (for scripts) or asked for twice; it is
never a command-line argument, where it would land in shell history and `ps`.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Any

PASSWORD_ENV = "PIXECOM_NEW_USER_PASSWORD"


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "create-user",
        help="create a user (owner of a new seller, or member of an existing one)",
        description=f"Create a user. The password comes from ${PASSWORD_ENV} or is asked for.",
    )
    parser.add_argument("--email", required=True)
    parser.add_argument("--seller-name", required=True, help="new seller (owner) or existing one (member)")
    parser.add_argument("--role", choices=["owner", "admin", "media_buyer", "analyst"], default="owner")
    parser.set_defaults(handler=run_create_user, database=True)
    invite = subparsers.add_parser(
        "invite",
        help="create a single-use sign-up code (SIGNUP_MODE=invitation)",
        description="Prints the code once (only its hash is stored); it expires after "
        "INVITATION_TTL_DAYS. With --email, only that address can register with it.",
    )
    invite.add_argument("--email", help="bind the code to this email address")
    invite.add_argument("--days", type=int, help="days until it expires (default INVITATION_TTL_DAYS)")
    invite.set_defaults(handler=run_invite, database=True)


def read_password() -> str | None:
    """The new password from the env var, or typed twice; None if the two do not match."""
    from_env = os.environ.get(PASSWORD_ENV)
    if from_env:
        return from_env
    first = getpass.getpass("Password: ")
    if getpass.getpass("Repeat password: ") != first:
        return None
    return first


def run_create_user(args: argparse.Namespace) -> int:
    from pixecom.auth import service
    from pixecom.auth.passwords import PasswordPolicyError
    from pixecom.db.engine import session_scope
    from pixecom.domain.enums import UserRole

    password = read_password()
    if password is None:
        print("error: the passwords do not match", file=sys.stderr)
        return 2
    try:
        with session_scope() as session:
            account = service.create_user(
                session,
                email=args.email,
                password=password,
                seller_name=args.seller_name,
                role=UserRole(args.role),
            )
    except (PasswordPolicyError, ValueError, service.EmailTaken, service.SellerNotFound) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(
        f"created {account.user.role.value} {account.user.email} (user {account.user.id}) "
        f"in seller {account.seller.name!r} ({account.seller.id})"
    )
    return 0


def run_invite(args: argparse.Namespace) -> int:
    from datetime import timedelta

    from pixecom.auth.invitations import create_invitation
    from pixecom.clock import utc_now
    from pixecom.db.engine import session_scope

    if args.days is not None and args.days < 1:
        print("error: --days must be at least 1", file=sys.stderr)
        return 2
    ttl = timedelta(days=args.days) if args.days else None
    with session_scope() as session:
        invitation = create_invitation(session, now=utc_now(), email=args.email, ttl=ttl)
    bound = f" for {invitation.email}" if invitation.email else ""
    print(f"invitation code{bound} (single use, expires {invitation.expires_at:%Y-%m-%d %H:%M} UTC):")
    print(invitation.code)
    return 0
