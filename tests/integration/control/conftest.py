"""Bulk status control fixtures (helpers live in control_helpers.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from control_helpers import FakeClock, Seeded, queue_messages, seed_scenario


@pytest.fixture
def seed() -> Callable[..., Seeded]:
    return seed_scenario


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def control_queue(sqs: Any) -> Callable[[], list[dict[str, Any]]]:
    """Drain the ControlQueue: returns the message bodies that were waiting."""
    return lambda: queue_messages(sqs, "CONTROL_QUEUE_URL")


@pytest.fixture
def delivery_queue(sqs: Any) -> Callable[[], list[dict[str, Any]]]:
    return lambda: queue_messages(sqs, "DELIVERY_QUEUE_URL")
