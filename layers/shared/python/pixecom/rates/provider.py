"""A configured exchange-rate provider: the second source of reference rates, for the currencies
the ECB does not publish (VND) or that the operator chooses to take from it (THB).

The provider is a JSON API in the style of exchangerate.host / apilayer, reached over HTTPS at
`RATES_PROVIDER_URL` with an API key kept in Secrets Manager (`RATES_PROVIDER_KEY_ARN`; locally
`RATES_PROVIDER_KEY`), sent as the `access_key` query parameter:

- `GET {url}/latest?base=EUR&symbols=VND,THB&access_key=...` ->
  `{"success": true, "base": "EUR", "date": "2026-12-04", "rates": {"VND": 27350.5, "THB": 36.2}}`
- `GET {url}/timeseries?base=EUR&start_date=...&end_date=...&symbols=...&access_key=...` ->
  `{"success": true, "base": "EUR", "rates": {"2026-12-03": {"VND": ...}, ...}}`
- a refusal: `{"success": false, "error": {"code": 101, "type": "invalid_access_key", "info": "..."}}`
  (such APIs answer it with HTTP 200 as often as with a 4xx).

Rates are asked with the euro as base, so they are stored as the ECB's are (units per euro) and
convert through the euro the same way; each is stored with the source name `provider`. The key
never appears in an error or a log line (errors name the URL without its query).
Pure apart from `JsonRatesProvider.fetch` (one HTTP GET and, in AWS, one cached secret read).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from pixecom.domain.money import EURO, Rate
from pixecom.rates.sources import MAX_FEED_BYTES, RateSourceError, _code, _day, _positive

PROVIDER = "provider"
HISTORY_DAYS = 90  # as the ECB's history file: enough for every preset


def parse_provider(document: bytes, currencies: tuple[str, ...], source: str = PROVIDER) -> list[Rate]:
    """The rates of a `latest` or `timeseries` answer, for `currencies` only (a provider may send
    more); refuses a failure answer, another base than the euro, or an answer without rates."""
    if len(document) > MAX_FEED_BYTES:
        raise RateSourceError("the rates answer is larger than expected")
    try:
        body = json.loads(document, parse_float=Decimal, parse_int=Decimal)
    except (ValueError, UnicodeDecodeError):
        raise RateSourceError("the rates answer is not JSON") from None
    if not isinstance(body, dict):
        raise RateSourceError("the rates answer is not a JSON object")
    if body.get("success") is not True:
        error = body.get("error")
        kind = error.get("type") or error.get("code") if isinstance(error, dict) else None
        raise RateSourceError(f"the provider refused: {str(kind or 'no reason given')[:80]}")
    if body.get("base", body.get("source")) != EURO:
        raise RateSourceError(f"rates against {str(body.get('base'))[:8]!r}, not the euro")
    rates = body.get("rates")
    if not isinstance(rates, dict):
        raise RateSourceError("the rates answer holds no rates")
    by_day: Mapping[str, Any] = rates if _is_series(rates) else {str(body.get("date")): rates}
    wanted = set(currencies)
    out: list[Rate] = []
    for day_text, day_rates in by_day.items():
        day = _day(day_text)
        if not isinstance(day_rates, dict):
            raise RateSourceError(f"{day_text}: not an object of rates")
        for code, value in day_rates.items():
            if code in wanted:
                out.append(Rate(_code(code), day, _positive(str(value), code), source))
    if not out:
        raise RateSourceError(f"the answer holds no rate of {', '.join(currencies)}")
    return out


def _is_series(rates: Mapping[str, Any]) -> bool:
    return bool(rates) and all(isinstance(v, dict) for v in rates.values())


@dataclass(frozen=True)
class JsonRatesProvider:
    """The provider at `base_url`; `api_key` is called when fetching (a cached secret read)."""

    base_url: str
    api_key: Callable[[], str]
    currencies: tuple[str, ...]
    today: Callable[[], date]
    timeout_seconds: float = 20.0
    name: str = PROVIDER

    def fetch(self, *, history: bool) -> list[Rate]:
        import httpx  # only the rates function needs it

        params = {"base": EURO, "symbols": ",".join(self.currencies), "access_key": self.api_key()}
        if history:
            today = self.today()
            params |= {
                "start_date": (today - timedelta(days=HISTORY_DAYS)).isoformat(),
                "end_date": today.isoformat(),
            }
        url = self.base_url.rstrip("/") + ("/timeseries" if history else "/latest")
        try:
            response = httpx.get(url, params=params, timeout=self.timeout_seconds)
        except httpx.HTTPError as exc:
            raise RateSourceError(f"{url}: {type(exc).__name__}") from None
        if response.status_code != 200:
            reason = _refusal(response.content)
            raise RateSourceError(f"{url}: HTTP {response.status_code}{reason}")
        return parse_provider(response.content, self.currencies, self.name)


def _refusal(document: bytes) -> str:
    """The provider's own reason for a non-200 answer, when it gives one."""
    try:
        parse_provider(document, ("EUR",))
    except RateSourceError as exc:
        return f" ({exc})" if "refused" in str(exc) else ""
    return ""
