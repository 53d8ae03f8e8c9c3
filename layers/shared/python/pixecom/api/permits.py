"""How a route declares who may call it: exactly one of these in its `dependencies=`.

    @router.post("/rules", dependencies=[requires(Permission.RULES_WRITE)])
    @router.get("/auth/me", dependencies=[SIGNED_IN])     # any member, no permission needed
    @router.post("/auth/login", dependencies=[PUBLIC])    # no credentials at all

A caller whose role lacks the permission gets 403 `forbidden` before the endpoint runs, so
nothing changes. `requires(..., seller_wide=True)` marks a route about the whole seller: a write
that changes it (alert thresholds, sellpages) or a read that cannot be limited to some ad
accounts (the sellpage level: the store's orders are the seller's); a member limited to some ad
accounts is refused it too.

The OpenAPI document shows each operation's declaration as `x-permission` (and `x-seller-wide`);
tests/integration/teams/test_route_permissions.py walks every operation for every role and
fails, naming it, for a route that declares none (or more than one).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, params

from pixecom.api.deps import Caller, get_caller
from pixecom.api.errors import Forbidden
from pixecom.domain.permissions import Permission

PUBLIC_MARK = "public"
SIGNED_IN_MARK = "signed_in"


class Permit:
    """The dependency behind `requires`: the caller, if their role has `permission` (and, for a
    seller-wide write, if they are not limited to some ad accounts)."""

    def __init__(self, permission: Permission | None, *, seller_wide: bool = False) -> None:
        self.permission, self.seller_wide = permission, seller_wide

    @property
    def mark(self) -> str:
        return self.permission.value if self.permission else SIGNED_IN_MARK

    async def __call__(self, caller: Annotated[Caller, Depends(get_caller)]) -> Caller:
        if self.permission is not None and self.permission not in caller.permissions:
            raise Forbidden(
                f"Your role ({caller.role.value}) may not do this: it needs {self.permission.value}"
            )
        if self.seller_wide and caller.ad_account_ids is not None:
            raise Forbidden(
                "This concerns the whole seller: a member limited to some ad accounts may not use it"
            )
        return caller


async def _public() -> None:
    """No bearer token needed (auth, health, Meta's callbacks, accepting an invitation; the
    store's order events authenticate with their own store API key)."""


def requires(permission: Permission, *, seller_wide: bool = False) -> Any:
    return Depends(Permit(permission, seller_wide=seller_wide))


SIGNED_IN: Any = Depends(Permit(None))
PUBLIC: Any = Depends(_public)


def is_seller_wide(route: Any) -> bool:
    return any(
        isinstance(d, params.Depends) and isinstance(d.dependency, Permit) and d.dependency.seller_wide
        for d in getattr(route, "dependencies", None) or []
    )


def declared_marks(route: Any) -> list[str]:
    """What a route (an APIRoute, or FastAPI's route context of an included one) declares:
    permission values, `signed_in`, `public`; there should be exactly one."""
    marks = []
    for dependency in getattr(route, "dependencies", None) or []:
        if not isinstance(dependency, params.Depends):
            continue
        if isinstance(dependency.dependency, Permit):
            marks.append(dependency.dependency.mark)
        elif dependency.dependency is _public:
            marks.append(PUBLIC_MARK)
    return marks
