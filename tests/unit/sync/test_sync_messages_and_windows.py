"""Pure parts of the sync: message shape, dispatch windows, backfill chunks, account ids."""

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from pydantic import ValidationError

from pixecom.accounts.connect import normalize_account_id, plan_backfill
from pixecom.clock import scheduled_time
from pixecom.domain.enums import SyncKind
from pixecom.sync.dispatch import AccountClock, backfill_messages, stats_message
from pixecom.sync_message import SyncMessage

ACCOUNT = uuid.UUID("8f1b6a52-3c0e-4b55-9d43-0a9a2c1e7f10")
NOON_UTC = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def test_message_round_trips_through_its_json_body():
    message = SyncMessage(
        account_id=ACCOUNT,
        kind=SyncKind.STATS,
        run_id="r",
        since=date(2026, 11, 24),
        until=date(2026, 11, 25),
        full_window=True,
    )
    assert SyncMessage.model_validate_json(message.to_body()) == message


def test_stats_message_without_a_window_is_refused():
    with pytest.raises(ValidationError):
        SyncMessage(account_id=ACCOUNT, kind=SyncKind.STATS, run_id="r")


def test_window_running_backwards_is_refused():
    with pytest.raises(ValidationError):
        SyncMessage(
            account_id=ACCOUNT,
            kind=SyncKind.STATS,
            run_id="r",
            since=date(2026, 11, 25),
            until=date(2026, 11, 24),
        )


def test_delivery_message_needs_no_window():
    message = SyncMessage.model_validate_json(
        f'{{"account_id": "{ACCOUNT}", "kind": "delivery", "run_id": "r"}}'
    )
    assert (message.since, message.until) == (None, None)


def test_first_run_of_the_account_day_asks_for_28_days():
    message = stats_message(AccountClock(ACCOUNT, "America/Los_Angeles", None), NOON_UTC, "r")
    assert (message.since, message.until, message.full_window) == (
        date(2026, 10, 29),
        date(2026, 11, 25),
        True,
    )


def test_later_runs_of_the_day_ask_for_yesterday_and_today():
    clock = AccountClock(ACCOUNT, "America/Los_Angeles", date(2026, 11, 25))
    message = stats_message(clock, NOON_UTC, "r")
    assert (message.since, message.until, message.full_window) == (
        date(2026, 11, 24),
        date(2026, 11, 25),
        False,
    )


def test_the_day_is_the_accounts_own():
    clock = AccountClock(ACCOUNT, "Pacific/Kiritimati", date(2026, 11, 26))  # UTC+14: already the 26th
    assert stats_message(clock, NOON_UTC, "r").until == date(2026, 11, 26)


def test_an_unknown_timezone_falls_back_to_utc():
    assert stats_message(AccountClock(ACCOUNT, "Mars/Olympus", None), NOON_UTC, "r").until == date(
        2026, 11, 25
    )


def test_backfill_is_chunked_newest_first_and_numbered():
    messages = backfill_messages(ACCOUNT, date(2026, 8, 28), date(2026, 11, 25), chunk_days=30)
    assert [(m.since, m.until) for m in messages] == [
        (date(2026, 10, 27), date(2026, 11, 25)),
        (date(2026, 9, 27), date(2026, 10, 26)),
        (date(2026, 8, 28), date(2026, 9, 26)),
    ]
    assert [(m.chunk, m.chunks, m.backfill) for m in messages] == [(1, 3, True), (2, 3, True), (3, 3, True)]
    assert len({m.run_id for m in messages}) == 3  # each chunk counts once, by its own run id


def test_backfill_never_reaches_past_metas_37_months():
    plan = plan_backfill(ACCOUNT, "UTC", 5000, NOON_UTC)
    assert plan.since == date(2023, 10, 25) and plan.until == date(2026, 11, 25)


def test_default_backfill_covers_90_days_ending_today():
    plan = plan_backfill(ACCOUNT, "UTC", 90, NOON_UTC)
    assert (plan.until - plan.since) == timedelta(days=89) and len(plan.messages) == 3


def test_scheduled_time_reads_the_eventbridge_time():
    assert scheduled_time("2026-11-25T12:00:00Z") == NOON_UTC


def test_scheduled_time_without_a_usable_value_is_the_clocks():
    assert scheduled_time("yesterday-ish", lambda: NOON_UTC) == NOON_UTC
    assert scheduled_time(None, lambda: NOON_UTC) == NOON_UTC
    assert scheduled_time("2026-11-25T12:00:00", lambda: NOON_UTC) == NOON_UTC  # no zone: unreadable


@pytest.mark.parametrize(
    ("raw", "expected"), [("act_123", "act_123"), ("123", "act_123"), (" act_9 ", "act_9")]
)
def test_account_ids_are_normalised(raw, expected):
    assert normalize_account_id(raw) == expected


@pytest.mark.parametrize("raw", ["", "act_", "acct_1", "12a", "act_1/../2"])
def test_malformed_account_ids_are_refused(raw):
    with pytest.raises(ValueError):
        normalize_account_id(raw)
