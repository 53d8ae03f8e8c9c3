"""The one clock seam: a `Clock` is a function returning the current aware UTC instant.

Code that reads the time takes `clock: Clock = utc_now`; tests pass their own (e.g. a manual clock).
`scheduled_time` is the instant a scheduled function runs for: the one its EventBridge event names.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


def scheduled_time(value: str | None, clock: Clock = utc_now) -> datetime:
    """The instant an EventBridge `Scheduled Event` names (its `time`), or the clock's if absent
    or unreadable.

    Using the event's own time makes a replayed event (`pixecom invoke --event`) compute the same
    windows.
    """
    if value:
        try:
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
            if parsed.tzinfo is not None:
                return parsed
        except ValueError:
            from pixecom.observability import logger

            logger.warning("unreadable schedule time, using the clock", extra={"time": value})
    return clock()
