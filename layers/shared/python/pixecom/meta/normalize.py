"""Graph answers -> typed rows. Pure: no HTTP, no clock.

Meta reports one event under several action types with the same count (`omni_purchase`,
`purchase`, `offsite_conversion.fb_pixel_purchase`), so each counter reads exactly ONE of them,
first present wins (`pixecom.domain.catalogue` names them); summing aliases double counts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from pixecom.domain.catalogue import COUNTER_BY_NAME, COUNTERS, META_COUNTERS, Counter
from pixecom.meta.creatives import creative_from_graph, creative_link_url
from pixecom.meta.models import AdAccountInfo, AdNode, AdSetNode, CampaignNode, DailyTotals, InsightRow

# counter -> the action types Meta reports it under, first present wins (the catalogue's aliases).
FUNNEL_ACTION_PRECEDENCE: Mapping[str, tuple[str, ...]] = {c.name: c.actions for c in COUNTERS if c.actions}

# optimization_goal -> the action_type (or metric) that counts as one result.
_GOAL_ACTIONS: Mapping[str, str] = {
    "LINK_CLICKS": "link_click",
    "LANDING_PAGE_VIEWS": "landing_page_view",
    "LEAD_GENERATION": "onsite_conversion.lead_grouped",
    "QUALITY_LEAD": "onsite_conversion.lead_grouped",
    "CONVERSATIONS": "onsite_conversion.messaging_conversation_started_7d",
    "POST_ENGAGEMENT": "post_engagement",
    "PAGE_LIKES": "like",
    "APP_INSTALLS": "mobile_app_install",
    "THRUPLAY": "video_thruplay_watched_actions",
    "REACH": "reach",
    "IMPRESSIONS": "impressions",
}
# custom_event_type of a pixel-optimised ad set -> its pixel action type.
_PIXEL_EVENTS: Mapping[str, str] = {
    "PURCHASE": "offsite_conversion.fb_pixel_purchase",
    "ADD_TO_CART": "offsite_conversion.fb_pixel_add_to_cart",
    "INITIATED_CHECKOUT": "offsite_conversion.fb_pixel_initiate_checkout",
    "CONTENT_VIEW": "offsite_conversion.fb_pixel_view_content",
    "LEAD": "offsite_conversion.fb_pixel_lead",
    "COMPLETE_REGISTRATION": "offsite_conversion.fb_pixel_complete_registration",
    "ADD_PAYMENT_INFO": "offsite_conversion.fb_pixel_add_payment_info",
    "ADD_TO_WISHLIST": "offsite_conversion.fb_pixel_add_to_wishlist",
    "SEARCH": "offsite_conversion.fb_pixel_search",
}
_PIXEL_GOALS = frozenset({"OFFSITE_CONVERSIONS", "VALUE"})
_METRIC_RESULTS = frozenset({"reach", "impressions"})


def to_decimal(value: object) -> Decimal:
    """A Graph number (usually a string) as Decimal; absent or unreadable is 0."""
    if isinstance(value, str):
        try:
            return Decimal(value)
        except InvalidOperation:
            return Decimal(0)
    if value is None or isinstance(value, bool):
        return Decimal(0)
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return Decimal(0)


def to_int(value: object) -> int:
    """A Graph count as int (half-up if Meta sends a modelled fraction); absent is 0."""
    if isinstance(value, str) and value.isdigit():
        return int(value)  # the common case, ten times cheaper than going through Decimal
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return int(value)
    return int(to_decimal(value).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _optional_int(value: object) -> int | None:
    return None if value is None or value == "" else to_int(value)


ActionMap = Mapping[str, object]


def action_map(actions: object) -> dict[str, object]:
    """`[{"action_type", "value"}, ...]` as {action_type: value} (first entry of a type wins)."""
    found: dict[str, object] = {}
    if isinstance(actions, list):
        for action in actions:
            if isinstance(action, dict):
                found.setdefault(str(action.get("action_type")), action.get("value"))
    return found


def _first_present(actions: ActionMap, action_types: Sequence[str]) -> Decimal | None:
    for action_type in action_types:
        if action_type in actions:
            return to_decimal(actions[action_type])
    return None


def pick_action(actions: Sequence[Mapping[str, Any]] | ActionMap | None, counter: str) -> Decimal | None:
    """The value of the first action type in `counter`'s precedence that is present, else None.

    `actions` is Meta's list of {"action_type", "value"} (or an `action_map` of one).
    """
    mapped = actions if isinstance(actions, dict) else action_map(actions)
    return _first_present(mapped, FUNNEL_ACTION_PRECEDENCE[counter])


def result_action_type(
    optimization_goal: str | None, promoted_object: Mapping[str, Any] | None
) -> str | None:
    """The action type (or metric name) an ad set with this goal counts as a result; None if unknown."""
    if not optimization_goal:
        return None
    goal = optimization_goal.upper()
    if goal in _PIXEL_GOALS:
        event = str((promoted_object or {}).get("custom_event_type") or "").upper()
        if event in _PIXEL_EVENTS:
            return _PIXEL_EVENTS[event]
        return _PIXEL_EVENTS["PURCHASE"] if goal == "VALUE" else None
    return _GOAL_ACTIONS.get(goal)


def _native_results(raw: Mapping[str, Any]) -> int | None:
    """Meta's own `results` field: [{"indicator", "values": [{"value", "attribution_windows"}]}]."""
    indicators = raw.get("results")
    if not isinstance(indicators, list) or not indicators:
        return None
    first = indicators[0] if isinstance(indicators[0], Mapping) else {}
    values = [v for v in first.get("values") or () if isinstance(v, Mapping)]
    if not values:
        return 0  # Meta leaves `values` out when there were no results
    default = next((v for v in values if "default" in (v.get("attribution_windows") or ())), values[0])
    return to_int(default.get("value"))


def _counted_results(raw: Mapping[str, Any], actions: ActionMap, action_type: str | None) -> int:
    """The fallback: count the ad set's result action, through the same de-aliasing as the funnel."""
    if action_type is None:
        return 0
    if action_type in _METRIC_RESULTS:
        return to_int(raw.get(action_type))
    for counter in ("content_views", "add_to_cart", "initiate_checkout", "purchases"):
        if action_type in FUNNEL_ACTION_PRECEDENCE[counter]:
            return to_int(pick_action(actions, counter))
    if action_type == "link_click":
        return _link_clicks(raw, actions)
    if action_type == "video_thruplay_watched_actions":
        return to_int(action_map(raw.get(action_type)).get("video_view"))
    return to_int(actions.get(action_type))


def _link_clicks(raw: Mapping[str, Any], actions: ActionMap) -> int:
    return int(_counter(raw, actions, COUNTER_BY_NAME["link_clicks"]) or 0)


def insight_row_from_graph(
    raw: Mapping[str, Any], result_actions: Mapping[str, str] | None = None
) -> InsightRow:
    """One `level=ad, time_increment=1` insights element as a row; absent counters are 0."""
    actions = action_map(raw.get("actions"))
    native = _native_results(raw)
    adset_id = str(raw.get("adset_id") or "")
    if native is None:
        native = _counted_results(raw, actions, (result_actions or {}).get(adset_id))
    return InsightRow(
        ad_id=str(raw["ad_id"]),
        adset_id=adset_id,
        campaign_id=str(raw.get("campaign_id") or ""),
        date=dt.date.fromisoformat(str(raw["date_start"])),
        **{c.name: _counter(raw, actions, c) for c in _READ_COUNTERS},
        results=native,
    )


_READ_COUNTERS = tuple(c for c in META_COUNTERS if not c.computed)


def _counter(raw: Mapping[str, Any], actions: ActionMap, counter: Counter) -> Decimal | int | None:
    """One counter of a Graph row as the catalogue says Meta reports it: its field when present,
    else the first of its action types present (in `action_values` for money); absent is 0
    (None for a non-additive counter: an unknown reach is not a reach of 0)."""
    if counter.listed is not None:
        return _listed(raw, actions, counter)
    if counter.field is not None and (raw.get(counter.field) is not None or not counter.actions):
        value: object = raw.get(counter.field)
        if not counter.additive:
            return _optional_int(value)
    else:
        source = action_map(raw.get("action_values")) if counter.values else actions
        value = _first_present(source, counter.actions)
    return to_decimal(value) if counter.money else to_int(value)


def _listed(raw: Mapping[str, Any], actions: ActionMap, counter: Counter) -> int:
    """A video count Meta reports as `[{"action_type": "video_view", "value"}]` (its `video_view`
    entry, else its first); an average (`times`) x the count it is an average of."""
    entries = action_map(raw.get(counter.listed or ""))
    value = to_decimal(entries.get("video_view", next(iter(entries.values()), None)))
    if counter.times is not None:
        value *= int(_counter(raw, actions, COUNTER_BY_NAME[counter.times]) or 0)
    return to_int(value)


def daily_totals_from_graph(raw: Mapping[str, Any]) -> DailyTotals:
    """One `level=account, time_increment=1` element, read through the same de-aliasing as ad rows."""
    actions = action_map(raw.get("actions"))
    return DailyTotals(
        date=dt.date.fromisoformat(str(raw["date_start"])),
        spend=to_decimal(raw.get("spend")),
        impressions=to_int(raw.get("impressions")),
        link_clicks=_link_clicks(raw, actions),
        purchases=to_int(pick_action(actions, "purchases")),
        purchase_value=pick_action(raw.get("action_values"), "purchase_value") or Decimal(0),
    )


# ---- entity nodes -----------------------------------------------------------------------------


def parse_graph_time(value: object) -> dt.datetime | None:
    """Graph timestamps ("2026-11-20T10:00:00+0000") as aware datetimes."""
    if not isinstance(value, str) or not value:
        return None
    text = value.replace("Z", "+00:00")
    for parse in (dt.datetime.fromisoformat, lambda s: dt.datetime.strptime(s, "%Y-%m-%dT%H:%M:%S%z")):
        try:
            parsed = parse(text)
        except ValueError:
            continue
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
    return None


def _status_fields(raw: Mapping[str, Any]) -> dict[str, Any]:
    status = str(raw.get("configured_status") or raw.get("status") or "")
    return {
        "id": str(raw["id"]),
        "name": str(raw.get("name") or ""),
        "status": str(raw.get("status") or status),
        "configured_status": raw.get("configured_status"),
        "effective_status": str(raw.get("effective_status") or status),
        "updated_time": parse_graph_time(raw.get("updated_time")),
    }


def account_from_graph(raw: Mapping[str, Any]) -> AdAccountInfo:
    offset = raw.get("timezone_offset_hours_utc")
    return AdAccountInfo(
        id=str(raw["id"]),
        account_id=str(raw.get("account_id") or str(raw["id"]).removeprefix("act_")),
        name=str(raw.get("name") or ""),
        currency=str(raw.get("currency") or ""),
        timezone_name=str(raw.get("timezone_name") or "UTC"),
        timezone_offset_hours_utc=float(offset) if offset is not None else None,
        account_status=to_int(raw.get("account_status")),
    )


def campaign_from_graph(raw: Mapping[str, Any]) -> CampaignNode:
    return CampaignNode(
        **_status_fields(raw),
        objective=raw.get("objective"),
        daily_budget=_budget(raw, "daily_budget"),
        lifetime_budget=_budget(raw, "lifetime_budget"),
        budget_remaining=_optional_int(raw.get("budget_remaining")),
        spend_cap=_budget(raw, "spend_cap"),
        bid_strategy=_optional_str(raw.get("bid_strategy")),
        advantage_state=_optional_str(_mapping(raw.get("advantage_state_info")).get("advantage_state")),
        start_time=parse_graph_time(raw.get("start_time")),
        end_time=parse_graph_time(raw.get("stop_time")),
    )


def _budget(raw: Mapping[str, Any], field: str) -> int | None:
    """A budget or cap: Meta sends "0" for one that is not set (a campaign without a campaign
    budget, a campaign without a spend cap)."""
    value = _optional_int(raw.get(field))
    return value if value else None


def _optional_str(value: object) -> str | None:
    return str(value) if value not in (None, "") else None


def _mapping(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def adset_from_graph(raw: Mapping[str, Any]) -> AdSetNode:
    learning = raw.get("learning_stage_info")
    promoted = raw.get("promoted_object")
    spec = raw.get("attribution_spec")
    return AdSetNode(
        **_status_fields(raw),
        campaign_id=str(raw.get("campaign_id") or ""),
        daily_budget=_budget(raw, "daily_budget"),
        lifetime_budget=_budget(raw, "lifetime_budget"),
        budget_remaining=_optional_int(raw.get("budget_remaining")),
        bid_strategy=_optional_str(raw.get("bid_strategy")),
        bid_amount=_budget(raw, "bid_amount"),
        roas_average_floor=_optional_int(_mapping(raw.get("bid_constraints")).get("roas_average_floor")),
        optimization_goal=raw.get("optimization_goal"),
        promoted_object=dict(promoted) if isinstance(promoted, Mapping) else None,
        learning_stage=learning.get("status") if isinstance(learning, Mapping) else None,
        attribution_spec=[dict(i) for i in spec if isinstance(i, Mapping)]
        if isinstance(spec, list)
        else None,
        start_time=parse_graph_time(raw.get("start_time")),
        end_time=parse_graph_time(raw.get("end_time")),
    )


def ad_from_graph(raw: Mapping[str, Any]) -> AdNode:
    issues = raw.get("issues_info")
    creative = raw.get("creative")
    return AdNode(
        **_status_fields(raw),
        adset_id=str(raw.get("adset_id") or ""),
        campaign_id=str(raw.get("campaign_id") or ""),
        link_url=creative_link_url(creative),
        issues=[dict(i) for i in issues if isinstance(i, Mapping)] if isinstance(issues, list) else None,
        creative=creative_from_graph(creative)
        if isinstance(creative, Mapping) and creative.get("id")
        else None,
    )
