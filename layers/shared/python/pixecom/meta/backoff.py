"""Exponential backoff with jitter, and the log filter that keeps tokens out of httpx's logs."""

from __future__ import annotations

import logging
import random

from pixecom.meta.errors import redact

BACKOFF_BASE_SECONDS = 1.0
BACKOFF_CAP_SECONDS = 60.0


def backoff_delay(
    attempt: int,
    *,
    base: float = BACKOFF_BASE_SECONDS,
    cap: float = BACKOFF_CAP_SECONDS,
    rng: random.Random | None = None,
) -> float:
    """Seconds to wait before retry number `attempt` (0-based): in [d/2, d], d = min(cap, base*2^n).

    Half fixed, half random ("equal jitter"): waits still grow, but many workers that failed
    together do not retry together.
    """
    ceiling = min(cap, base * (2**attempt))
    return ceiling / 2 + (rng or random).uniform(0, ceiling / 2)


class RedactingFilter(logging.Filter):
    """Rewrites records so query-string tokens (httpx logs full request URLs) never reach a handler."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        return True


_FILTER = RedactingFilter()
_HTTP_LOGGERS = ("httpx", "httpcore.connection", "httpcore.http11", "httpcore.http2", "httpcore.proxy")


def install_log_redaction() -> None:
    """Attach the redacting filter to the HTTP libraries' loggers (idempotent)."""
    # Logger filters do not see records of child loggers, so name each one that logs.
    for name in _HTTP_LOGGERS:
        target = logging.getLogger(name)
        if _FILTER not in target.filters:
            target.addFilter(_FILTER)
