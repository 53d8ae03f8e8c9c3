"""The European Central Bank's reference-rate files, as the ECB serves them, for local runs and
tests: `/ecb/eurofxref-daily.xml` (the last working day) and `/ecb/eurofxref-hist-90d.xml` (the
working days of the last 90 days, newest first).

Like the real feed: rates are units per euro, published on working days only (no Saturday or
Sunday cube; TARGET holidays other than weekends are not modelled), a day's rates appear after
16:00 CET (15:00 UTC here), and currencies the ECB does not quote (VND among them) are absent.
Rates are deterministic: a base per currency moved a little each day.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from fastapi import APIRouter, Response

PUBLISHED_AT_UTC_HOUR = 15
HISTORY_DAYS = 90
# Units per euro, near late-2026 levels; the ECB's list (no VND, no TWD, ...).
BASES: dict[str, tuple[str, int]] = {
    "USD": ("1.0550", 4), "JPY": ("161.20", 2), "BGN": ("1.9558", 4), "CZK": ("25.115", 3),
    "DKK": ("7.4590", 4), "GBP": ("0.83450", 5), "HUF": ("405.10", 2), "PLN": ("4.2650", 4),
    "RON": ("4.9750", 4), "SEK": ("11.4800", 4), "CHF": ("0.9380", 4), "ISK": ("146.10", 2),
    "NOK": ("11.7400", 4), "TRY": ("36.520", 3), "AUD": ("1.6250", 4), "BRL": ("6.3900", 4),
    "CAD": ("1.4790", 4), "CNY": ("7.6450", 4), "HKD": ("8.2100", 4), "IDR": ("16820.00", 2),
    "ILS": ("3.8600", 4), "INR": ("89.350", 3), "KRW": ("1475.30", 2), "MXN": ("21.3400", 4),
    "MYR": ("4.7100", 4), "NZD": ("1.8000", 4), "PHP": ("61.250", 3), "SGD": ("1.4150", 4),
    "THB": ("36.150", 3), "ZAR": ("19.0500", 4),
}  # fmt: skip

_ENVELOPE = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" '
    'xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">\n'
    "\t<gesmes:subject>Reference rates</gesmes:subject>\n"
    "\t<gesmes:Sender>\n\t\t<gesmes:name>European Central Bank</gesmes:name>\n\t</gesmes:Sender>\n"
    "\t<Cube>\n{days}\t</Cube>\n</gesmes:Envelope>\n"
)


def rate_on(currency: str, day: date, bases: Mapping[str, tuple[str, int]] = BASES) -> Decimal:
    """The simulated rate of `currency` on `day`: its base (in `bases`) moved by up to +/-1.5%."""
    base, places = bases[currency]
    digest = hashlib.sha256(f"{currency}:{day.isoformat()}".encode()).digest()
    move = Decimal(int.from_bytes(digest[:2], "big") % 301 - 150) / Decimal(10_000)
    return (Decimal(base) * (1 + move)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def published_days(now: datetime, count: int) -> list[date]:
    """The last `count` days with published rates at `now`, newest first (working days only)."""
    day = now.date() if now.hour >= PUBLISHED_AT_UTC_HOUR else now.date() - timedelta(days=1)
    days: list[date] = []
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day -= timedelta(days=1)
    return days


def eurofxref(days: list[date]) -> str:
    cubes = "".join(
        f"\t\t<Cube time='{d.isoformat()}'>\n"
        + "".join(f"\t\t\t<Cube currency='{c}' rate='{rate_on(c, d)}'/>\n" for c in BASES)
        + "\t\t</Cube>\n"
        for d in days
    )
    return _ENVELOPE.format(days=cubes)


def ecb_router(now: Callable[[], datetime]) -> APIRouter:
    router = APIRouter()

    @router.get("/ecb/eurofxref-daily.xml", include_in_schema=False)
    def daily() -> Response:
        return Response(eurofxref(published_days(now(), 1)), media_type="text/xml")

    @router.get("/ecb/eurofxref-hist-90d.xml", include_in_schema=False)
    def history() -> Response:
        working_days = sum(1 for d in range(HISTORY_DAYS) if (now().date() - timedelta(days=d)).weekday() < 5)
        return Response(eurofxref(published_days(now(), working_days)), media_type="text/xml")

    return router
