"""Request and response bodies of the reporting-currency and exchange-rate routes
(`api/routers/currency.py`)."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from pixecom.api.schemas.ads_manager import Currency


class ReportingCurrencyIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    currency: str = Field(pattern=r"^[A-Z]{3}$", examples=["USD"])


class ReportingCurrencyOut(BaseModel):
    currency: Currency | None = Field(description="null until the seller chooses one")


class RateOut(BaseModel):
    currency: Currency
    per_eur: str = Field(description="units of the currency for one euro")
    source: str
    rate_date: date = Field(
        description="the day it was published: the last one on or before the day asked for"
    )


class RatesOut(BaseModel):
    date: date
    rates: list[RateOut]
