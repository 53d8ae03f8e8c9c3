"""The scheduled rates refresh (ExchangeRatesFunction): read each source's latest rates and store
them (the ECB's feed; the configured provider too, `pixecom.rates.provider`); when the store has
none of a source's rates from the last few days (a new deployment, an outage), read its history
instead, so conversions have every day's rate."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from functools import partial

from sqlalchemy.orm import Session

from pixecom.db.engine import session_scope
from pixecom.rates.provider import JsonRatesProvider
from pixecom.rates.sources import EcbFeed, RateSource, RateSourceError
from pixecom.rates.store import latest_day, save_rates
from pixecom.secret_store import get_secret
from pixecom.settings import Settings, get_settings

BACKFILL_AFTER_DAYS = 4  # a long weekend has no rates; more missing days than that: backfill


@dataclass
class RefreshReport:
    source: str
    history: bool
    rates: int
    days: int
    newest_day: str | None

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def refresh_rates(session: Session, source: RateSource, now: datetime) -> RefreshReport:
    """Fetch and store; raises `RateSourceError` when the source answers nothing usable (the
    function fails and EventBridge's next run tries again; the stored rates stay)."""
    newest = latest_day(session, source.name)
    history = newest is None or now.date() - newest > timedelta(days=BACKFILL_AFTER_DAYS)
    rates = source.fetch(history=history)
    saved = save_rates(session, rates, now)
    days = {r.day for r in rates}
    return RefreshReport(source.name, history, saved, len(days), max(days).isoformat() if days else None)


def configured_sources(settings: Settings, today: Callable[[], date]) -> list[RateSource]:
    """The ECB's feed, and the provider when one is configured: then the currencies it is set
    for come from it alone (one source per currency, so a day's rate never flips between two)."""
    if not settings.rates_provider_url:
        return [EcbFeed(settings.exchange_rates_url)]
    currencies = tuple(settings.rates_provider_currencies.split(","))
    provider = JsonRatesProvider(
        settings.rates_provider_url, partial(provider_key, settings), currencies, today
    )
    return [EcbFeed(settings.exchange_rates_url, exclude=frozenset(currencies)), provider]


def provider_key(settings: Settings) -> str:
    """The provider's API key: Secrets Manager in AWS (cached per container), else the setting."""
    if settings.rates_provider_key_arn:
        return get_secret(settings.rates_provider_key_arn)
    if settings.rates_provider_key:
        return settings.rates_provider_key
    raise RateSourceError("the rates provider has no API key (RATES_PROVIDER_KEY_ARN)")


def run_refresh(now: datetime, sources: list[RateSource] | None = None) -> list[RefreshReport]:
    """One run of the scheduled function: every configured source, each in its own transaction,
    so one failing keeps the other's rates; then raises the first failure (the run is marked
    failed and EventBridge's next run tries again)."""
    if sources is None:
        sources = configured_sources(get_settings(), lambda: now.date())
    reports: list[RefreshReport] = []
    failures: list[RateSourceError] = []
    for source in sources:
        try:
            with session_scope() as session:
                reports.append(refresh_rates(session, source, now))
        except RateSourceError as exc:
            failures.append(RateSourceError(f"{source.name}: {exc}"))
    if failures:
        raise failures[0]
    return reports
