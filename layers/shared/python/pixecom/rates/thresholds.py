"""Money thresholds with their currency, applied to one ad account's numbers.

A rule's or alert's amount states its currency (`MoneyAmount`). On an account in that currency
it applies as it is; on an account in another currency it applies converted at the reference
rate of the account's local day (`AccountMoney.apply`, which says which rate it used); with no
rate for either currency it does not apply at all (None): an amount is never compared with
numbers of another currency.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from pydantic_core import PydanticCustomError

from pixecom.domain.currency import minor_units
from pixecom.domain.metrics import format_money
from pixecom.domain.money import Conversion, Money, RateBook

CURRENCY_PATTERN = r"^[A-Z]{3}$"


class MoneyAmount(BaseModel):
    """A money amount and its currency: `{"amount": "20.00", "currency": "USD"}`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    amount: Decimal = Field(ge=0, max_digits=16, decimal_places=4)
    currency: str = Field(pattern=CURRENCY_PATTERN, examples=["USD"])

    def shown(self) -> str:
        return Money(self.amount, self.currency).shown()

    def as_json(self) -> dict[str, str]:
        shown = format_money(self.amount, max(minor_units(self.currency), _places(self.amount)))
        return {"amount": shown or "0", "currency": self.currency}


def _places(amount: Decimal) -> int:
    exponent = amount.normalize().as_tuple().exponent
    return min(4, max(0, -exponent)) if isinstance(exponent, int) else 0


def money_without_currency(name: str) -> PydanticCustomError:
    """The 422 for a bare number where a money amount is expected: ambiguous across accounts."""
    return PydanticCustomError(
        "money_without_currency",
        "{name} is a money amount: give it with its currency, e.g. "
        '{"amount": "20.00", "currency": "USD"} (an amount without a currency would mean '
        "20 USD on a USD account and 20 JPY on a JPY account)",
        {"name": name},
    )


def require_currency(value: Any, name: str) -> Any:
    """A before-validator's body: refuse a bare number for a money amount."""
    if isinstance(value, (int, float, str, Decimal)) and not isinstance(value, bool):
        raise money_without_currency(name)
    return value


@dataclass(frozen=True)
class Applied:
    """A threshold as it applies to one account: the amount in the account's currency, and the
    conversion that made it (None: it was already in that currency)."""

    amount: Decimal
    conversion: Conversion | None = None

    def note(self, name: str) -> dict[str, Any] | None:
        """What a preview, run or alert shows about a converted threshold."""
        if self.conversion is None:
            return None
        return {"threshold": name, **self.conversion.as_json()}


@dataclass(frozen=True)
class AccountMoney:
    """Thresholds applied to one account: its currency, and the rates of its local day."""

    currency: str
    on_date: date
    book: RateBook

    def apply(self, money: MoneyAmount) -> Applied | None:
        if money.currency == self.currency:
            return Applied(money.amount)
        conversion = self.book.convert(money.amount, money.currency, self.currency, self.on_date)
        return None if conversion is None else Applied(conversion.amount, conversion)

    def no_rate(self, money: MoneyAmount) -> str:
        """Why `money` does not apply to this account (`apply` gave None)."""
        return (
            f"no exchange rate between {money.currency} and {self.currency} on or before "
            f"{self.on_date.isoformat()}: amounts in {money.currency} do not apply to this "
            f"{self.currency} account"
        )
