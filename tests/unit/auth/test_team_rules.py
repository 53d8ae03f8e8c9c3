"""The permission table's rules and the member-state cache, without a database."""

from __future__ import annotations

import uuid

from pixecom.auth.members import MemberCache, MemberState
from pixecom.domain.enums import UserRole
from pixecom.domain.permissions import Permission, may, may_manage, permissions_of


def test_each_role_holds_the_permissions_of_the_roles_below_it():
    order = [UserRole.ANALYST, UserRole.MEDIA_BUYER, UserRole.ADMIN, UserRole.OWNER]
    for lower, higher in zip(order, order[1:], strict=False):
        assert permissions_of(lower) < permissions_of(higher)


def test_only_owners_hold_ownership_and_analysts_only_read():
    assert [r for r in UserRole if may(r, Permission.OWNERSHIP)] == [UserRole.OWNER]
    assert permissions_of(UserRole.ANALYST) == {Permission.READ, Permission.TEAM_READ}


def test_admins_manage_every_role_but_owner_and_buyers_manage_none():
    assert [r for r in UserRole if may_manage(UserRole.ADMIN, r)] == [
        UserRole.ADMIN,
        UserRole.MEDIA_BUYER,
        UserRole.ANALYST,
    ]
    assert all(may_manage(UserRole.OWNER, r) for r in UserRole)
    assert not any(may_manage(UserRole.MEDIA_BUYER, r) for r in UserRole)


def test_the_member_cache_reads_again_after_its_ttl_and_forgets_on_demand():
    now = [100.0]
    cache = MemberCache(clock=lambda: now[0])
    user = uuid.uuid4()
    state = MemberState(user, uuid.uuid4(), UserRole.ANALYST, 0, True, None)
    cache.put(user, state)

    assert cache.get(user, ttl=2.0) == (True, state)
    now[0] += 2.0
    assert cache.get(user, ttl=2.0) == (False, None)
    cache.put(user, state)
    cache.forget(user)
    assert cache.get(user, ttl=2.0) == (False, None)
