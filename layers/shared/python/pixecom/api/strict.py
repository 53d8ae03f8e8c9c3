"""Strict input: a query parameter a route does not take is refused (422 naming it) rather than
silently ignored (`stauts=PAUSED` would otherwise list every row). Validation messages in our
own words: `pixecom.api.messages`."""

from __future__ import annotations

from fastapi import Request
from fastapi.routing import APIRoute
from fastapi.security.base import SecurityBase

from pixecom.api.errors import InvalidInput

_UNSET = object()


def route_query_names(route: APIRoute) -> frozenset[str] | None:
    """The query parameters `route` takes (its dependencies' included); None for a public route
    that takes no input at all (health: nothing to misspell, no 422 in its contract)."""
    cached = getattr(route, "_pixecom_query_names", _UNSET)
    if cached is _UNSET:
        cached = _query_names(route)
        route._pixecom_query_names = cached  # type: ignore[attr-defined]
    return cached  # type: ignore[return-value]


def _query_names(route: APIRoute) -> frozenset[str] | None:
    names: set[str] = set()
    has_input = False  # a body, or a bearer token (a route that reads the seller's data)
    pending = [route.dependant]
    while pending:
        dependant = pending.pop()
        names.update(param.alias for param in dependant.query_params)
        has_input = has_input or bool(dependant.body_params) or isinstance(dependant.call, SecurityBase)
        pending.extend(dependant.dependencies)
    if not names and not has_input:
        return None
    return frozenset(names)


async def refuse_unknown_query_parameters(request: Request) -> None:
    """Every route's dependency: a query parameter the route does not declare is a 422."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute) or not request.url.query:
        return
    known = route_query_names(route)
    if known is None:
        return
    for name in request.query_params:
        if name not in known:
            takes = ", ".join(sorted(known)) if known else "no query parameters"
            raise InvalidInput(f"{name}: unknown query parameter; this request takes {takes}", field=name)
