"""The one clock seam: a `Clock` is a function returning the current aware UTC instant.

Code that reads the time takes `clock: Clock = utc_now`; tests pass their own (e.g. a manual clock).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)
