"""The scheduled rates refresh (ExchangeRatesFunction): read the source's latest rates and store
them; when the store has none of the source's rates from the last few days (a new deployment,
an outage), read its history instead, so conversions have every day's rate."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from pixecom.db.engine import session_scope
from pixecom.rates.sources import EcbFeed, RateSource
from pixecom.rates.store import latest_day, save_rates
from pixecom.settings import get_settings

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


def run_refresh(now: datetime, source: RateSource | None = None) -> RefreshReport:
    """One run of the scheduled function: the configured ECB feed (`EXCHANGE_RATES_URL`)."""
    feed = source if source is not None else EcbFeed(get_settings().exchange_rates_url)
    with session_scope() as session:
        return refresh_rates(session, feed, now)
