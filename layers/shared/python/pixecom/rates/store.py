"""The stored reference rates: save what a source published, read a `RateBook` for some days,
and `convert` an amount at a day's rate (the function other services call)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from pixecom.db.models import AdAccount
from pixecom.db.rate_models import ExchangeRate
from pixecom.domain.dates import local_today
from pixecom.domain.money import MAX_RATE_AGE_DAYS, Conversion, Rate, RateBook
from pixecom.rates.thresholds import AccountMoney

SAVE_BATCH = 1000


def save_rates(session: Session, rates: Iterable[Rate], loaded_at: datetime) -> int:
    """Insert or replace each (currency, day); the latest load wins. Returns how many rows."""
    rows = [
        {
            "currency": r.currency,
            "day": r.day,
            "per_eur": r.per_eur,
            "source": r.source,
            "loaded_at": loaded_at,
        }
        for r in {(r.currency, r.day): r for r in rates}.values()
    ]
    for start in range(0, len(rows), SAVE_BATCH):
        statement = insert(ExchangeRate).values(rows[start : start + SAVE_BATCH])
        excluded = statement.excluded
        session.execute(
            statement.on_conflict_do_update(
                index_elements=["currency", "day"],
                set_={
                    "per_eur": excluded.per_eur,
                    "source": excluded.source,
                    "loaded_at": excluded.loaded_at,
                },
            )
        )
    return len(rows)


def load_book(session: Session | Connection, since: date, until: date) -> RateBook:
    """Every rate a conversion on a day in since..until can use (those days', and the days
    before `since` a carried-forward rate may come from)."""
    earliest = since - timedelta(days=MAX_RATE_AGE_DAYS)
    rows = session.execute(
        select(ExchangeRate.currency, ExchangeRate.day, ExchangeRate.per_eur, ExchangeRate.source).where(
            ExchangeRate.day >= earliest, ExchangeRate.day <= until
        )
    ).all()
    return RateBook(Rate(c, d, p, s) for c, d, p, s in rows)


def latest_day(session: Session, source: str) -> date | None:
    """The newest day `source` has rates for."""
    found: date | None = session.scalar(
        select(func.max(ExchangeRate.day)).where(ExchangeRate.source == source)
    )
    return found


def convert(
    session: Session, amount: Decimal, from_currency: str, to_currency: str, on_date: date
) -> Conversion | None:
    """`amount` of `from_currency` in `to_currency` at `on_date`'s reference rate (or the last
    published before it): the amount at full precision, the rate, its source and its day; None
    when either currency has no rate (never a guess)."""
    return load_book(session, on_date, on_date).convert(amount, from_currency, to_currency, on_date)


def book_around(session: Session, now: datetime) -> RateBook:
    """The rates every account's local day at `now` can use (UTC's day, the day before and after)."""
    today = now.date()
    return load_book(session, today - timedelta(days=1), today + timedelta(days=1))


def account_money(account: AdAccount, now: datetime, book: RateBook) -> AccountMoney:
    """How thresholds apply to `account` at `now`: in its currency, at its local day's rates."""
    return AccountMoney(account.currency, local_today(now, account.timezone_name), book)


def known_currencies(session: Session) -> set[str]:
    """Every currency some source has published a rate for, and the euro."""
    return {*session.scalars(select(ExchangeRate.currency).distinct()), "EUR"}
