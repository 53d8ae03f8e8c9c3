"""The order and the share of a stats dispatch: small work first, every seller in turn, within
the app's Graph budget.

SQS hands messages to the workers roughly in the order they were sent, so the order is the
schedule. Accounts that have not synced for two cycles (or never) go first, so a budget that
cannot cover everyone rotates instead of starving the same accounts. Then, in rounds, each
seller's next account, the round ordered by the calls its accounts are expected to make: a
seller with fifty accounts gets one per round like a seller with one, and a small account is
never queued behind a large one of its round. The budget is greedy over that order: an account
whose expected calls do not fit is left for the next cycle while smaller ones still go.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

# Expected Graph calls of an account with no finished stats run yet (the account, one insights
# page or report run, its paging).
DEFAULT_EXPECTED_CALLS = 4


@dataclass(frozen=True)
class Candidate:
    account_id: uuid.UUID
    seller_id: uuid.UUID
    expected_calls: int
    last_success_at: datetime | None


def _rounds(candidates: Sequence[Candidate]) -> list[Candidate]:
    by_seller: dict[uuid.UUID, list[Candidate]] = defaultdict(list)
    for c in candidates:
        by_seller[c.seller_id].append(c)
    queues = [sorted(q, key=lambda c: (c.expected_calls, c.account_id)) for q in by_seller.values()]
    ordered: list[Candidate] = []
    for turn in range(max((len(q) for q in queues), default=0)):
        round_ = [q[turn] for q in queues if turn < len(q)]
        ordered.extend(sorted(round_, key=lambda c: (c.expected_calls, c.account_id)))
    return ordered


def fair_order(candidates: Sequence[Candidate], now: datetime, cycle: timedelta) -> list[Candidate]:
    """The dispatch order: starved accounts first, then sellers in turn, smaller work first."""
    starved_before = now - 2 * cycle
    starved = [c for c in candidates if c.last_success_at is None or c.last_success_at < starved_before]
    fed = [c for c in candidates if not (c.last_success_at is None or c.last_success_at < starved_before)]
    return _rounds(starved) + _rounds(fed)


def within_budget(
    ordered: Sequence[Candidate], budget: int | None
) -> tuple[list[Candidate], list[Candidate]]:
    """(sent, deferred): greedily, in order, what fits `budget` expected calls (None: all)."""
    if budget is None:
        return list(ordered), []
    sent, deferred, used = [], [], 0
    for c in ordered:
        if used + c.expected_calls <= budget:
            sent.append(c)
            used += c.expected_calls
        else:
            deferred.append(c)
    return sent, deferred
