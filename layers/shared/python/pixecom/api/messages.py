"""Validation errors in our own words rather than pydantic's ("Value error, ...", "Tuple should
have at least 1 item", regular expressions): one sentence about the value; the field is named
apart (`field: sentence`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


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
