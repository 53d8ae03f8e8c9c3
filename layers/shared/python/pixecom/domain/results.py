"""What an ad set's "results" count, named as Meta's Ads Manager names its result types. Pure.

An ad set's results are its optimization event: purchases for one, adds to cart for another
(the stats sync counts them so, `pixecom.meta.normalize.result_action_type`). Summing results
over ad sets with different events gives a number that means nothing, so a row (or summary, or
daily point) over rows of different result types says `mixed` and shows no results and no cost
per result, as Meta does.
"""

from __future__ import annotations

from collections.abc import Iterable

MIXED = "mixed"

# optimization_goal -> result type (goals whose result is not a pixel event).
GOAL_RESULT_TYPES: dict[str, str] = {
    "LINK_CLICKS": "link_click",
    "LANDING_PAGE_VIEWS": "landing_page_view",
    "LEAD_GENERATION": "lead",
    "QUALITY_LEAD": "lead",
    "CONVERSATIONS": "messaging_conversation_started",
    "POST_ENGAGEMENT": "post_engagement",
    "PAGE_LIKES": "page_like",
    "APP_INSTALLS": "app_install",
    "THRUPLAY": "thruplay",
    "REACH": "reach",
    "IMPRESSIONS": "impressions",
}
# promoted_object.custom_event_type of a pixel-optimised ad set -> result type.
PIXEL_EVENT_RESULT_TYPES: dict[str, str] = {
    "PURCHASE": "purchase",
    "ADD_TO_CART": "add_to_cart",
    "INITIATED_CHECKOUT": "initiate_checkout",
    "CONTENT_VIEW": "content_view",
    "LEAD": "lead",
    "COMPLETE_REGISTRATION": "complete_registration",
    "ADD_PAYMENT_INFO": "add_payment_info",
    "ADD_TO_WISHLIST": "add_to_wishlist",
    "SEARCH": "search",
}
# Goals whose result is the promoted pixel event; VALUE without an event optimises purchases.
PIXEL_GOALS: dict[str, str | None] = {"OFFSITE_CONVERSIONS": None, "VALUE": "purchase"}


def result_type(optimization_goal: str | None, promoted_event: str | None) -> str | None:
    """The result type of an ad set with this goal and promoted event; None if unknown."""
    if not optimization_goal:
        return None
    goal = optimization_goal.upper()
    if goal in PIXEL_GOALS:
        return PIXEL_EVENT_RESULT_TYPES.get((promoted_event or "").upper(), PIXEL_GOALS[goal])
    return GOAL_RESULT_TYPES.get(goal)


def combined_result_type(types: Iterable[str | None]) -> str | None:
    """The result type of rows summed together: the one they share, else `mixed`.

    An unknown type (None) counts as a type of its own, so known + unknown is `mixed`: the sum
    would hold spend whose results are not counted. No rows at all: None.
    """
    distinct = set(types)
    if MIXED in distinct or len(distinct) > 1:
        return MIXED
    return distinct.pop() if distinct else None
