"""Who may do what in a seller's team: the permissions, each role's set, and who may assign roles.

Every API route declares one permission (pixecom.api.permits); a caller whose role lacks it gets
403 `forbidden` and nothing changes. docs/teams.md shows this table; `GET /api/team/roles`
serves it and `GET /api/auth/me` lists the caller's own permissions.
"""

from __future__ import annotations

from enum import StrEnum

from pixecom.domain.enums import UserRole


class Permission(StrEnum):
    """One thing a member may do. The value is what the API shows."""

    # Read everything the seller's (or the member's) ad accounts hold: Ads Manager lists, daily
    # series, CSV exports, ad accounts and their syncs, sellpages, jobs, audit, alerts, rules,
    # the reporting currency and the exchange rates.
    READ = "read"
    # Pause/activate and set budgets in bulk, link campaigns to sellpages, edit sellpages, ask for
    # a sync.
    ADS_WRITE = "ads.write"
    # Create, change, enable, disable, preview and delete rules.
    RULES_WRITE = "rules.write"
    # Acknowledge alerts and change alert thresholds.
    ALERTS_WRITE = "alerts.write"
    # See and change the alert webhook (its URL reaches outside).
    WEBHOOKS_MANAGE = "webhooks.manage"
    # Connect (token or Facebook Login), re-token and disconnect ad accounts.
    ACCOUNTS_MANAGE = "accounts.manage"
    # Change the seller's settings: the reporting currency of converted totals and rules.
    SETTINGS_MANAGE = "settings.manage"
    # Create, list and revoke store API keys (secrets that write the seller's orders).
    STORE_KEYS_MANAGE = "store_keys.manage"
    # See the team: members and their roles.
    TEAM_READ = "team.read"
    # Invite, change roles, narrow to ad accounts, remove members (never an owner: OWNERSHIP).
    MEMBERS_MANAGE = "members.manage"
    # Make, demote or remove owners; transfer ownership; delete the seller's data.
    OWNERSHIP = "ownership"


_ANALYST = frozenset({Permission.READ, Permission.TEAM_READ})
_MEDIA_BUYER = _ANALYST | {Permission.ADS_WRITE, Permission.RULES_WRITE, Permission.ALERTS_WRITE}
_ADMIN = _MEDIA_BUYER | {
    Permission.WEBHOOKS_MANAGE,
    Permission.ACCOUNTS_MANAGE,
    Permission.SETTINGS_MANAGE,
    Permission.STORE_KEYS_MANAGE,
    Permission.MEMBERS_MANAGE,
}

ROLE_PERMISSIONS: dict[UserRole, frozenset[Permission]] = {
    UserRole.OWNER: frozenset(Permission),
    UserRole.ADMIN: frozenset(_ADMIN),
    UserRole.MEDIA_BUYER: frozenset(_MEDIA_BUYER),
    UserRole.ANALYST: _ANALYST,
}

# Roles that may be limited to some ad accounts (an agency's buyer, a freelance analyst). Owners
# and admins manage the whole seller (accounts, webhooks, members), so they always see all of it.
NARROWABLE_ROLES = frozenset({UserRole.MEDIA_BUYER, UserRole.ANALYST})


def permissions_of(role: UserRole) -> frozenset[Permission]:
    return ROLE_PERMISSIONS[role]


def may(role: UserRole, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS[role]


def may_manage(actor: UserRole, target_role: UserRole) -> bool:
    """May `actor` give `target_role` to someone, or change/remove someone who has it?
    Owners manage everyone; admins manage every role but owner; the rest manage no one."""
    if target_role is UserRole.OWNER:
        return may(actor, Permission.OWNERSHIP)
    return may(actor, Permission.MEMBERS_MANAGE)


def ordered(permissions: frozenset[Permission]) -> list[Permission]:
    """In declaration order (the table's order), for stable API output."""
    return [p for p in Permission if p in permissions]
