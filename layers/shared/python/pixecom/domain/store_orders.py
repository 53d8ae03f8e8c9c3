"""What one store order event means: its status, its attribution, its day, and the checks on its
money. Pure: the store service (pixecom.store) does the I/O.

Every event carries the whole order as of that event (state, not a delta), so the newest version
alone is the truth: an event that arrives late or twice changes nothing, and the order of arrival
never matters. `refunded_amount` is the total refunded so far, not this refund's part.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any
from urllib.parse import parse_qsl, urlsplit
from zoneinfo import ZoneInfo

from pixecom.domain.currency import minor_units
from pixecom.domain.currency_codes import is_known_currency


class OrderEventType(StrEnum):
    CREATED = "order.created"
    PAID = "order.paid"
    REFUNDED = "order.refunded"
    CANCELLED = "order.cancelled"


class OrderStatus(StrEnum):
    """Where an order stands after its newest event. Only paid orders count: a paid or partly
    refunded order is one order; its revenue is amount - refunded_amount (0 when fully refunded)."""

    PENDING = "pending"
    PAID = "paid"
    PARTLY_REFUNDED = "partly_refunded"
    REFUNDED = "refunded"
    CANCELLED = "cancelled"


class OrderProblem(ValueError):
    """An event the store must fix before it is accepted (the API answers 422 naming `field`)."""

    def __init__(self, field: str, message: str, code: str = "invalid_input") -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
        self.code = code


# The landing URL's parameters kept on an order: Meta's click id, any utm_*, and the ids Meta
# fills in from the ads' URL parameters (campaign_id={{campaign.id}}&adset_id={{adset.id}}&ad_id={{ad.id}}).
ID_PARAMS = ("campaign_id", "adset_id", "ad_id")
KEPT_PARAMS = ("fbclid", *ID_PARAMS)
MAX_PARAM_LENGTH = 500
MAX_PARAMS = 30
_META_ID = re.compile(r"[0-9]{1,32}")


@dataclass(frozen=True)
class Attribution:
    """The Meta ids an order's landing URL carried ("" for each it did not carry)."""

    campaign_meta_id: str = ""
    adset_meta_id: str = ""
    ad_meta_id: str = ""


def _kept(name: str) -> bool:
    return name in KEPT_PARAMS or name.startswith("utm_")


def landing_params(landing_url: str | None, params: Mapping[str, str] | None) -> dict[str, str]:
    """The kept parameters of the landing URL's query, then of `params` (which win on a clash).

    Other parameters are dropped (they may carry the shopper's data). Raises OrderProblem for a
    value over MAX_PARAM_LENGTH characters or more than MAX_PARAMS kept parameters.
    """
    kept: dict[str, str] = {}
    if landing_url:
        try:
            query = urlsplit(landing_url.strip()).query
        except ValueError:
            raise OrderProblem("landing_url", "is not a URL") from None
        kept.update((k, v) for k, v in parse_qsl(query, keep_blank_values=False) if _kept(k))
    kept.update((k, v) for k, v in (params or {}).items() if _kept(k))
    if len(kept) > MAX_PARAMS:
        raise OrderProblem("landing_params", f"more than {MAX_PARAMS} utm_*/fbclid/id parameters")
    for name, value in kept.items():
        if len(value) > MAX_PARAM_LENGTH:
            raise OrderProblem(f"landing_params.{name}", f"longer than {MAX_PARAM_LENGTH} characters")
    return kept


def attribution_of(params: Mapping[str, str]) -> Attribution:
    """The Meta ids among the kept parameters. A value that is not a Meta id (digits), such as an
    unfilled "{{campaign.id}}" from an ad preview, attributes nothing."""

    def meta_id(name: str) -> str:
        value = params.get(name, "").strip()
        return value if _META_ID.fullmatch(value) else ""

    return Attribution(meta_id("campaign_id"), meta_id("adset_id"), meta_id("ad_id"))


def check_money(value: Decimal, currency: str, field: str) -> Decimal:
    """`value` if it is a finite, non-negative amount with no more decimals than `currency` has."""
    if not value.is_finite():
        raise OrderProblem(field, "must be a finite number")
    if value < 0:
        raise OrderProblem(field, "must not be negative")
    exponent = value.normalize().as_tuple().exponent
    assert isinstance(exponent, int)
    decimals = max(0, -exponent)
    if decimals > minor_units(currency):
        raise OrderProblem(field, f"{currency} has {minor_units(currency)} decimals, got {decimals}")
    if value >= Decimal("1e15"):
        raise OrderProblem(field, "is too large")
    return value


def check_currency(currency: str) -> str:
    if not is_known_currency(currency):
        raise OrderProblem(
            "currency", f"{currency!r} is not an ISO 4217 currency code", code="unknown_currency"
        )
    return currency


def order_status(event_type: OrderEventType, amount: Decimal, refunded_amount: Decimal) -> OrderStatus:
    """The status an event puts its order in; OrderProblem when its amounts contradict it."""
    if refunded_amount > amount:
        raise OrderProblem("refunded_amount", "is more than the order's amount")
    if event_type is OrderEventType.CANCELLED:
        return OrderStatus.CANCELLED
    if event_type is OrderEventType.CREATED:
        if refunded_amount:
            raise OrderProblem("refunded_amount", "an unpaid order has nothing refunded")
        return OrderStatus.PENDING
    if event_type is OrderEventType.REFUNDED and not refunded_amount:
        raise OrderProblem("refunded_amount", "a refund event needs the total refunded so far")
    if not refunded_amount:
        return OrderStatus.PAID
    return OrderStatus.REFUNDED if refunded_amount == amount else OrderStatus.PARTLY_REFUNDED


def order_day(ordered_at: datetime, timezone_name: str | None) -> date:
    """The order's day: in the ad account's timezone when the order is attributed to a known
    campaign (Meta's days are the account's), else in the offset the store sent the time with."""
    if ordered_at.tzinfo is None:
        raise ValueError("ordered_at must be timezone-aware")
    if timezone_name:
        return ordered_at.astimezone(ZoneInfo(timezone_name)).date()
    return ordered_at.date()


def event_hash(event: Mapping[str, Any]) -> bytes:
    """A fingerprint of an event's content: the same version sent again with other content is a
    conflict, with the same content a duplicate."""
    canonical = json.dumps(event, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).digest()
