"""Strict input: a query parameter a route does not take is refused (422 naming it) rather than
silently ignored (`stauts=PAUSED` would otherwise list every row), and validation errors are told
in our own words rather than pydantic's ("Value error, ...", "Tuple should have at least 1 item",
regular expressions)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

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


def in_our_words(error: Mapping[str, Any]) -> str:
    """One pydantic validation error as a sentence about the value (the field is named apart)."""
    kind = str(error.get("type", ""))
    ctx: Mapping[str, Any] = error.get("ctx") or {}
    message = _MESSAGES.get(kind)
    if message is not None:
        try:
            return message.format(**ctx)
        except (KeyError, IndexError):
            pass
    if kind == "value_error":
        reason = ctx.get("error")
        return (
            str(reason)
            if reason is not None
            else str(error.get("msg", "is not valid")).removeprefix("Value error, ")
        )
    if kind in ("literal_error", "enum"):
        return f"must be one of {ctx.get('expected', 'the documented values')}"
    text = str(error.get("msg", "is not valid"))
    return text.removeprefix("Value error, ").replace("Input should be", "must be")


_MESSAGES: dict[str, str] = {
    "missing": "is required",
    "extra_forbidden": "is not a field of this request",
    "too_short": "needs at least {min_length} item(s)",
    "too_long": "takes at most {max_length} item(s)",
    "string_too_short": "must not be empty",
    "string_too_long": "must be at most {max_length} characters",
    "string_pattern_mismatch": "is not in the expected format",
    "string_type": "must be text",
    "uuid_parsing": "is not a valid id",
    "uuid_type": "is not a valid id",
    "int_parsing": "must be a whole number",
    "int_type": "must be a whole number",
    "int_from_float": "must be a whole number",
    "decimal_parsing": "must be a number",
    "decimal_type": "must be a number",
    "decimal_max_places": "has more than {decimal_places} decimal places",
    "decimal_max_digits": "has more than {max_digits} digits",
    "float_parsing": "must be a number",
    "bool_parsing": "must be true or false",
    "bool_type": "must be true or false",
    "greater_than": "must be more than {gt}",
    "greater_than_equal": "must be at least {ge}",
    "less_than": "must be less than {lt}",
    "less_than_equal": "must be at most {le}",
    "date_parsing": "must be a date (YYYY-MM-DD)",
    "date_from_datetime_parsing": "must be a date (YYYY-MM-DD)",
    "datetime_parsing": "must be a date and time (ISO 8601)",
    "datetime_from_date_parsing": "must be a date and time (ISO 8601)",
    "list_type": "must be a list",
    "tuple_type": "must be a list",
    "dict_type": "must be an object",
    "model_type": "must be an object",
    "model_attributes_type": "must be an object",
    "url_parsing": "must be a URL",
    "url_scheme": "must be an https URL",
}
