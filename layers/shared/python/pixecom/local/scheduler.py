"""The local stand-in for EventBridge: run dispatch -> queue -> workers every interval until stopped."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence

from pixecom.local.runner import CycleReport, run_once
from pixecom.observability import logger

DEFAULT_INTERVAL_SECONDS = 60.0


class LocalScheduler:
    """A daemon thread ticking `run_once` (first tick at once); `stop()` ends it between ticks."""

    def __init__(
        self,
        interval: float = DEFAULT_INTERVAL_SECONDS,
        kinds: Sequence[str] = ("delivery", "stats"),
        tick: Callable[[Sequence[str]], list[CycleReport]] = run_once,
        stop_event: threading.Event | None = None,
    ) -> None:
        self.interval = interval
        self.kinds = tuple(kinds)
        self.ticks = 0
        self._tick = tick
        self._stop = stop_event or threading.Event()
        self._thread = threading.Thread(target=self._loop, name="pixecom-local-scheduler", daemon=True)

    def start(self) -> LocalScheduler:
        self._thread.start()
        return self

    def stop(self, timeout: float | None = 30.0) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                self._tick(self.kinds)
            except Exception:
                # A bad tick (database restarting, simulator gone) must not end local syncing.
                logger.exception("local sync tick failed")
            self.ticks += 1
            self._stop.wait(self.interval)
