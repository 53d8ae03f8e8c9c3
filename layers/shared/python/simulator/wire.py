"""Meta's wire format: number strings, action aliases, result indicators, the error envelope,
field lists with `{}` expansion."""

from __future__ import annotations

import json
import secrets
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

# Canonical funnel event -> every action_type Meta reports it under, with the same count.
ACTION_ALIASES: dict[str, tuple[str, ...]] = {
    "view_content": ("offsite_conversion.fb_pixel_view_content", "omni_view_content",
                     "onsite_web_view_content", "view_content"),
    "add_to_cart": ("offsite_conversion.fb_pixel_add_to_cart", "omni_add_to_cart",
                    "onsite_web_add_to_cart", "add_to_cart"),
    "initiate_checkout": ("offsite_conversion.fb_pixel_initiate_checkout", "omni_initiated_checkout",
                          "initiate_checkout"),
    "purchase": ("offsite_conversion.fb_pixel_purchase", "omni_purchase", "onsite_web_purchase",
                 "onsite_web_app_purchase", "purchase"),
    "landing_page_view": ("landing_page_view", "omni_landing_page_view"),
    "link_click": ("link_click",),
    "lead": ("offsite_conversion.fb_pixel_lead", "lead"),
}
_CANONICAL = {alias: name for name, aliases in ACTION_ALIASES.items() for alias in aliases}
# promoted_object.custom_event_type -> canonical event
_CUSTOM_EVENTS = {"PURCHASE": "purchase", "ADD_TO_CART": "add_to_cart", "CONTENT_VIEW": "view_content",
                  "INITIATED_CHECKOUT": "initiate_checkout", "LEAD": "lead"}

FieldTree = dict[str, "FieldTree | None"]


def canonical_action(action_type: str) -> str:
    """`omni_purchase` -> `purchase`; unknown action types stay themselves."""
    return _CANONICAL.get(action_type, action_type)


def fmt_number(value: Decimal | int | float) -> str:
    """Meta's number strings: "12.34", "5339.5", "1000" (no exponent, no trailing zeros)."""
    if isinstance(value, int):
        return str(value)
    text = format(Decimal(str(value)) if isinstance(value, float) else value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def render_action_list(counts: Mapping[str, int | Decimal]) -> list[dict[str, str]]:
    """`{"purchase": 2}` -> every alias of purchase with "2"; zero counts are left out."""
    rows: list[dict[str, str]] = []
    for name, value in counts.items():
        if not value:
            continue
        text = fmt_number(value)
        rows.extend({"action_type": alias, "value": text} for alias in ACTION_ALIASES.get(name, (name,)))
    return rows


def result_event(optimization_goal: str | None, promoted_object: Mapping[str, Any] | None
                 ) -> tuple[str, str] | None:
    """(indicator, canonical event or metric) that counts as the ad set's result."""
    goal = (optimization_goal or "").upper()
    event_type = str((promoted_object or {}).get("custom_event_type", "")).upper()
    if goal in ("OFFSITE_CONVERSIONS", "VALUE") and event_type in _CUSTOM_EVENTS:
        event = _CUSTOM_EVENTS[event_type]
        return f"actions:{ACTION_ALIASES[event][0]}", event
    if goal == "LINK_CLICKS":
        return "actions:link_click", "link_click"
    if goal == "LANDING_PAGE_VIEWS":
        return "actions:omni_landing_page_view", "landing_page_view"
    if goal in ("REACH", "IMPRESSIONS"):
        return goal.lower(), goal.lower()
    return None


_ATTRIBUTION_KEYS = {"CLICK_THROUGH": "click", "ENGAGED_VIDEO_VIEW": "ev", "VIEW_THROUGH": "view"}


def attribution_setting(spec: list[dict[str, Any]]) -> str:
    """Insights' `attribution_setting` for an ad set's spec: "7d_click_1d_view"."""
    windows = {str(i.get("event_type")): int(i.get("window_days") or 0) for i in spec}
    return "_".join(f"{windows[e]}d_{key}" for e, key in _ATTRIBUTION_KEYS.items() if windows.get(e))


def error_body(code: int, message: str, *, subcode: int | None = None, is_transient: bool = False,
               user_title: str | None = None, user_msg: str | None = None,
               error_type: str | None = None) -> dict[str, Any]:
    """Meta's error envelope."""
    error: dict[str, Any] = {
        "message": message,
        "type": error_type or ("GraphMethodException" if (code, subcode) == (100, 33) else "OAuthException"),
        "code": code,
        "is_transient": is_transient,
        "fbtrace_id": "A" + secrets.token_urlsafe(14),
    }
    if subcode is not None:
        error["error_subcode"] = subcode
    if user_title:
        error["error_user_title"] = user_title
    if user_msg:
        error["error_user_msg"] = user_msg
    return {"error": error}


class SimError(Exception):
    """A Graph error answer: raised anywhere in a handler, rendered as the envelope."""

    def __init__(self, code: int, message: str, *, subcode: int | None = None, http_status: int = 400,
                 is_transient: bool = False, user_title: str | None = None, user_msg: str | None = None,
                 headers: Mapping[str, str] | None = None) -> None:
        super().__init__(message)
        self.code, self.message, self.subcode = code, message, subcode
        self.http_status, self.is_transient = http_status, is_transient
        self.user_title, self.user_msg = user_title, user_msg
        self.headers = dict(headers or {})

    def body(self) -> dict[str, Any]:
        return error_body(self.code, self.message, subcode=self.subcode, is_transient=self.is_transient,
                          user_title=self.user_title, user_msg=self.user_msg)


def invalid_param(message: str) -> SimError:
    return SimError(100, f"(#100) {message}")


def unknown_object(object_id: str, method: str = "get") -> SimError:
    return SimError(100, f"Unsupported {method} request. Object with ID '{object_id}' does not exist, "
                    "cannot be loaded due to missing permissions, or does not support this operation. "
                    "Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api",
                    subcode=33)


def parse_fields(raw: str | None) -> FieldTree | None:
    """`id,creative{id,object_story_spec{link_data}}` -> nested dict; None when absent."""
    if raw is None or not raw.strip():
        return None
    tree, rest = _parse_level(raw.replace(" ", ""), 0)
    if rest != len(raw.replace(" ", "")):
        raise invalid_param(f"Syntax error in fields param: {raw[:60]}")
    return tree


def _parse_level(text: str, pos: int) -> tuple[FieldTree, int]:
    tree: FieldTree = {}
    name = ""
    while pos < len(text):
        char = text[pos]
        if char == "{":
            sub, pos = _parse_level(text, pos + 1)
            tree[name] = sub
            name = ""
        elif char == "}":
            break
        elif char == ",":
            if name:
                tree[name] = None
            name = ""
        else:
            name += char
        pos += 1
    if name:
        tree[name] = None
    return tree, pos


def project(value: Any, tree: FieldTree | None) -> Any:
    """Keep only the requested sub-fields of nested dicts (lists are projected item by item)."""
    if tree is None:
        return value
    if isinstance(value, list):
        return [project(item, tree) for item in value]
    if isinstance(value, dict):
        return {key: project(value[key], sub) for key, sub in tree.items() if key in value}
    return value


def json_param(raw: str | None, name: str) -> Any:
    """Parameters that Meta takes JSON-encoded (time_range, effective_status, filtering, batch)."""
    if raw is None or raw == "":
        return None
    try:
        return json.loads(raw)
    except json.JSONDecodeError:
        # Meta accepts a bare comma list for list params, e.g. effective_status=ACTIVE,PAUSED
        if name in ("effective_status", "fields"):
            return [part for part in raw.split(",") if part]
        raise invalid_param(f"Param {name} must be JSON encoded") from None
