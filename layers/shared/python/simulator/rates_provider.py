"""A paid exchange-rate provider's JSON API (exchangerate.host / apilayer style), for local runs
and tests: `/rates/latest` and `/rates/timeseries`, the second source of `pixecom.rates`.

Like such providers: the key goes in the `access_key` query parameter and a wrong or missing one
is refused with HTTP 200 and `{"success": false, "error": {"code": 101, "type":
"invalid_access_key"}}`; rates are quoted against `base` (only EUR here: ours are per euro),
for the `symbols` asked (an unknown one is left out), every calendar day (weekends too), today's
from midnight UTC. Rates are deterministic: a base per currency moved a little each day, the
ECB's own currencies as the ECB files have them (`simulator.ecb`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from simulator.ecb import BASES, rate_on

DEMO_RATES_KEY = "sim-rates-key"  # the key the simulator's provider accepts (`pixecom dev`, tests)
MAX_DAYS = 366
# Units per euro of currencies the ECB does not publish, near late-2026 levels.
EXTRA_BASES: dict[str, tuple[str, int]] = {"VND": ("27410.00", 2), "TWD": ("34.120", 3)}


PROVIDER_BASES: dict[str, tuple[str, int]] = {**BASES, **EXTRA_BASES}


def provider_rate(currency: str, day: date) -> Decimal:
    """The simulated provider's rate of `currency` on `day` (units per euro)."""
    return rate_on(currency, day, PROVIDER_BASES)


def _known(symbols: str) -> list[str]:
    wanted = [s.strip().upper() for s in symbols.split(",") if s.strip()]
    return [s for s in wanted if s in PROVIDER_BASES]


def _refused(code: int, kind: str, info: str) -> JSONResponse:
    return JSONResponse({"success": False, "error": {"code": code, "type": kind, "info": info}})


def _day_rates(symbols: list[str], day: date) -> dict[str, Any]:
    return {s: float(provider_rate(s, day)) for s in symbols}


def rates_provider_router(now: Callable[[], datetime], key: str = DEMO_RATES_KEY) -> APIRouter:
    router = APIRouter()

    def check(access_key: str | None, base: str) -> JSONResponse | None:
        if access_key != key:
            return _refused(101, "invalid_access_key", "You have not supplied a valid API Access Key.")
        if base != "EUR":
            return _refused(105, "base_currency_access_restricted", "Only EUR is available as base.")
        return None

    @router.get("/rates/latest", include_in_schema=False)
    def latest(
        access_key: str | None = None, base: str = "EUR", symbols: str = Query(default="")
    ) -> JSONResponse:
        refused = check(access_key, base)
        if refused is not None:
            return refused
        today = now().date()
        body = {
            "success": True,
            "base": base,
            "date": today.isoformat(),
            "rates": _day_rates(_known(symbols), today),
        }
        return JSONResponse(body)

    @router.get("/rates/timeseries", include_in_schema=False)
    def timeseries(
        start_date: date,
        end_date: date,
        access_key: str | None = None,
        base: str = "EUR",
        symbols: str = Query(default=""),
    ) -> JSONResponse:
        refused = check(access_key, base)
        if refused is not None:
            return refused
        end_date = min(end_date, now().date())
        if start_date > end_date or (end_date - start_date).days > MAX_DAYS:
            return _refused(505, "invalid_time_frame", f"A time frame of at most {MAX_DAYS} days is allowed.")
        known = _known(symbols)
        days = [start_date + timedelta(days=n) for n in range((end_date - start_date).days + 1)]
        rates = {d.isoformat(): _day_rates(known, d) for d in days}
        return JSONResponse({"success": True, "timeseries": True, "base": base, "rates": rates})

    return router
