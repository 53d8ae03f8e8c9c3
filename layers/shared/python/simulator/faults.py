"""Injectable faults, matched per call by method and path (fnmatch on the path without version)
and optionally by ad account, for `times` calls or `for_seconds` of the simulator's clock.

Graph errors (`code`) are answered in Meta's envelope; `bare_status` answers are what a proxy in
front of Meta sends (an HTML error page, a 429 without a body); `connection` faults break the HTTP
exchange itself and are carried out by simulator/connections.py.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from fnmatch import fnmatchcase

from simulator.scenario import FaultSpec
from simulator.wire import SimError

_DEFAULT_MESSAGES: dict[int, str] = {
    1: "An unknown error occurred",
    2: "(#2) Service temporarily unavailable",
    4: "(#4) Application request limit reached",
    10: "(#10) Application does not have permission for this action",
    17: "(#17) User request limit reached",
    32: "(#32) Page request limit reached",
    100: "(#100) Invalid parameter",
    190: "Error validating access token: The session is invalid.",
    200: "(#200) Permissions error",
    368: "(#368) The action attempted has been deemed abusive or is otherwise disallowed",
    613: "(#613) Calls to this api have exceeded the rate limit.",
    2635: "(#2635) You are calling a deprecated version of the Ads API. Please update to the latest version.",
}
_DEFAULT_STATUS = {1: 500, 2: 503, 10: 403, 200: 403}


def fault_error(spec: FaultSpec) -> SimError:
    """The Graph error a fault answers with."""
    code = spec.code if spec.code is not None else 1
    message = (
        spec.message
        or _DEFAULT_MESSAGES.get(code)
        or (
            f"(#{code}) There have been too many calls from this ad-account. Wait a bit and try again."
            if 80000 <= code <= 80014
            else f"(#{code}) Simulated error"
        )
    )
    http_status = spec.http_status or _DEFAULT_STATUS.get(code, 400)
    is_transient = spec.is_transient if spec.is_transient is not None else code in (1, 2)
    return SimError(code, message, subcode=spec.subcode, http_status=http_status, is_transient=is_transient)


_PROXY_REASONS = {
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Time-out",
}


def proxy_answer(spec: FaultSpec) -> tuple[int, str, dict[str, str]]:
    """(status, body, headers) of a `bare_status` fault: no Graph envelope, as a proxy answers.

    A 5xx is an HTML error page; a 429 (or any other 4xx) has an empty body. `retry_after` adds
    a Retry-After header (seconds)."""
    assert spec.bare_status is not None
    status = spec.bare_status
    headers = {"content-type": "text/html; charset=utf-8" if status >= 500 else "text/plain"}
    if spec.retry_after is not None:
        headers["retry-after"] = str(spec.retry_after)
    if status < 500:
        return status, "", headers
    reason = _PROXY_REASONS.get(status, "Server Error")
    page = (
        f"<html>\r\n<head><title>{status} {reason}</title></head>\r\n<body>\r\n"
        f"<center><h1>{status} {reason}</h1></center>\r\n<hr><center>proxy</center>\r\n"
        "</body>\r\n</html>\r\n"
    )
    return status, page, headers


def _wall_clock() -> datetime:
    return datetime.now(UTC)


@dataclass
class _Armed:
    spec: FaultSpec
    added_at: datetime = field(default_factory=_wall_clock)
    seen: int = 0
    fired: int = 0

    def applies_to(self, method: str, path: str, *, batch_item: bool, account_id: str | None) -> bool:
        spec = self.spec
        if spec.batch_null and not batch_item:
            return False
        if batch_item and (spec.connection or spec.bare_status):
            return False  # a batch item has no connection or status line of its own
        if spec.account_id is not None and (
            account_id is None or account_id.removeprefix("act_") != spec.account_id.removeprefix("act_")
        ):
            return False
        if spec.async_status and not (method == "POST" and path.endswith("/insights")):
            return False
        if spec.object_id is not None:
            return method == "POST" and path == f"/{spec.object_id}"
        if spec.method is not None and spec.method != method:
            return False
        return fnmatchcase(path, spec.path) or fnmatchcase(path.lstrip("/"), spec.path)


class FaultRegistry:
    """Faults in the order they were added; the first one that fires wins."""

    def __init__(
        self, specs: list[FaultSpec], seed: int = 0, now: Callable[[], datetime] = _wall_clock
    ) -> None:
        self._seed = seed
        self._now = now  # the simulator's clock: `for_seconds` windows run on it
        self._rng = random.Random(seed)  # noqa: S311 - reproducible simulation, not security
        self._armed = [_Armed(spec, now()) for spec in specs]

    def add(self, spec: FaultSpec) -> None:
        self._armed.append(_Armed(spec, self._now()))

    def clear(self) -> None:
        self._armed.clear()
        self._rng = random.Random(self._seed)  # noqa: S311

    def describe(self) -> list[dict[str, object]]:
        return [
            {"spec": a.spec.model_dump(exclude_none=True), "seen": a.seen, "fired": a.fired}
            for a in self._armed
        ]

    def fire(
        self, method: str, path: str, *, batch_item: bool = False, account_id: str | None = None
    ) -> FaultSpec | None:
        """The fault that fires for this call, if any (counts the call for every_nth).
        `account_id`: the ad account the call touches, if any (for account-scoped faults)."""
        for armed in self._armed:
            if not armed.applies_to(method, path, batch_item=batch_item, account_id=account_id):
                continue
            spec = armed.spec
            if spec.times is not None and armed.fired >= spec.times:
                continue
            if spec.for_seconds is not None and (
                (self._now() - armed.added_at).total_seconds() >= spec.for_seconds
            ):
                continue
            armed.seen += 1
            if spec.every_nth is not None and armed.seen % spec.every_nth:
                continue
            if spec.probability is not None and self._rng.random() >= spec.probability:
                continue
            armed.fired += 1
            return spec
        return None
