"""The seller's reporting currency (converted grand totals, rules across currencies) and the
reference rates conversions use."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter

from pixecom.api.deps import CurrentSeller, DbSession, Now
from pixecom.api.errors import InvalidInput
from pixecom.api.permits import requires
from pixecom.api.schemas.currency import RatesOut, ReportingCurrencyIn, ReportingCurrencyOut
from pixecom.api.schemas.errors import error_responses
from pixecom.control.audit import record_write
from pixecom.db.models import Seller
from pixecom.domain.money import rate_text
from pixecom.domain.permissions import Permission
from pixecom.rates.store import known_currencies, load_book

router = APIRouter(tags=["currency"])


@router.get(
    "/reporting-currency",
    dependencies=[requires(Permission.READ)],
    response_model=ReportingCurrencyOut,
    responses=error_responses(401),
)
def get_reporting_currency(caller: CurrentSeller, db: DbSession) -> dict[str, Any]:
    seller = db.get(Seller, caller.seller_id)
    return {"currency": None if seller is None else seller.reporting_currency}


@router.put(
    "/reporting-currency",
    dependencies=[requires(Permission.SETTINGS_MANAGE, seller_wide=True)],
    response_model=ReportingCurrencyOut,
    responses=error_responses(400, 401, 422),
)
def put_reporting_currency(
    body: ReportingCurrencyIn, caller: CurrentSeller, db: DbSession, now: Now
) -> dict[str, Any]:
    if body.currency not in known_currencies(db):
        raise InvalidInput(
            f"currency: no exchange rate is known for {body.currency}; an operator loads one with "
            "`pixecom rates load` first",
            field="currency",
        )
    seller = db.get(Seller, caller.seller_id)
    assert seller is not None  # the caller's own seller
    seller.reporting_currency = body.currency
    record_write(db, caller.seller_id, caller.user_id, "reporting_currency_set", "settings",
                 entity_name=body.currency, now=now)  # fmt: skip
    return {"currency": body.currency}


@router.get(
    "/exchange-rates",
    dependencies=[requires(Permission.READ)],
    response_model=RatesOut,
    responses=error_responses(401, 422),
)
def exchange_rates(caller: CurrentSeller, db: DbSession, now: Now, on: date | None = None) -> dict[str, Any]:
    """The reference rates a conversion on day `on` (default: today, UTC) uses, per currency."""
    day = on or now.date()
    book = load_book(db, day, day)
    rates = []
    for currency in sorted(book.currencies - {"EUR"}):
        rate = book.rate_on(currency, day)
        if rate is not None:
            rates.append(
                {
                    "currency": currency,
                    "per_eur": rate_text(rate.per_eur),
                    "source": rate.source,
                    "rate_date": rate.day,
                }
            )
    return {"date": day, "rates": rates}
