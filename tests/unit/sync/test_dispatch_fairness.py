"""The stats dispatch order and share: sellers in turn, small work first, starved accounts
first, and the app's Graph budget spent greedily over that order."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from pixecom.sync.fairness import Candidate, fair_order, within_budget

NOW = datetime(2026, 12, 6, 12, 0, tzinfo=UTC)
CYCLE = timedelta(minutes=15)
FRESH = NOW - timedelta(minutes=10)


def _account(seller: uuid.UUID, calls: int, last_success: datetime | None = FRESH) -> Candidate:
    return Candidate(uuid.uuid4(), seller, calls, last_success)


def test_a_seller_with_many_accounts_gets_one_per_round_like_a_seller_with_one() -> None:
    big, small = uuid.uuid4(), uuid.uuid4()
    bigs = [_account(big, calls) for calls in (400, 300, 200, 100, 50)]
    lone = _account(small, 500)
    order = fair_order([*bigs, lone], NOW, CYCLE)
    assert order.index(lone) == 1  # after the big seller's smallest account, before its other four
    assert [c.expected_calls for c in order] == [50, 500, 100, 200, 300, 400]


def test_within_a_round_the_smaller_work_goes_first() -> None:
    sellers = [uuid.uuid4() for _ in range(3)]
    accounts = [_account(s, calls) for s, calls in zip(sellers, (900, 3, 40), strict=True)]
    assert [c.expected_calls for c in fair_order(accounts, NOW, CYCLE)] == [3, 40, 900]


def test_accounts_not_synced_for_two_cycles_go_first() -> None:
    seller = uuid.uuid4()
    fed = _account(seller, 1)
    starved = _account(seller, 1000, last_success=NOW - 3 * CYCLE)
    never = _account(uuid.uuid4(), 2000, last_success=None)
    assert fair_order([fed, starved, never], NOW, CYCLE) == [starved, never, fed]


def test_the_budget_leaves_what_does_not_fit_and_still_sends_smaller_work_after_it() -> None:
    seller = uuid.uuid4()
    a, b, c = _account(seller, 10), _account(seller, 100), _account(seller, 20)
    sent, deferred = within_budget([a, b, c], budget=40)
    assert (sent, deferred) == ([a, c], [b])
    assert within_budget([a, b, c], budget=None) == ([a, b, c], [])
