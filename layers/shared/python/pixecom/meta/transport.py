"""The Graph API transport: one HTTP session per access token, with bounded retries of transient
errors (backoff through the injected `sleep`), usage-header throttling per account, cursor paging,
and typed errors. It knows nothing about campaigns or insights: the Graph reads and writes are
in meta/client.py (GraphClient), batch.py and insights.py, all built on this class.
(Moved from meta/client.py.)

Every call carries `access_token` (and `appsecret_proof` when an app secret is configured), is
counted in `calls`, has its usage headers read, and fails with a typed GraphError.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime, timedelta
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

from pixecom.clock import Clock, utc_now
from pixecom.meta.backoff import (
    BACKOFF_BASE_SECONDS,
    BACKOFF_CAP_SECONDS,
    backoff_delay,
    install_log_redaction,
)
from pixecom.meta.errors import (
    GraphError,
    RateLimited,
    TransientError,
    classify_error,
    malformed_body,
    redact,
)
from pixecom.meta.params import appsecret_proof, bare_id, encode_params, next_page_query
from pixecom.meta.usage import UsageReading, business_ids, parse_usage
from pixecom.settings import DEFAULT_GRAPH_VERSION

if TYPE_CHECKING:  # httpx is imported by the first client, not by every importer of meta.*
    import httpx

log = logging.getLogger(__name__)

# Past this share of any usage header the client starts no new work for the account.
USAGE_THROTTLE_PCT = 85.0
USAGE_HARD_PCT = 95.0
_USAGE_PAUSE = timedelta(minutes=2)  # Airbyte's pauses at 85% and 95%
_USAGE_HARD_PAUSE = timedelta(minutes=10)


class GraphTransport:
    """A Graph API session for one access token. Not thread-safe; one per worker invocation."""

    def __init__(
        self,
        access_token: str,
        *,
        base_url: str = "https://graph.facebook.com",
        version: str = DEFAULT_GRAPH_VERSION,
        app_secret: str | None = None,
        page_size: int = 500,
        timeout: float = 30.0,
        max_retries: int = 4,
        backoff_base: float = BACKOFF_BASE_SECONDS,
        sleep: Callable[[float], None] = time.sleep,
        clock: Clock = utc_now,
        transport: httpx.BaseTransport | None = None,
        rng: random.Random | None = None,
    ) -> None:
        import httpx

        install_log_redaction()
        self.version = version
        self.page_size = page_size
        self.max_retries = max_retries
        self.backoff_base = backoff_base
        self.sleep = sleep
        self.clock = clock
        self.calls = 0
        self._token = access_token
        self._auth = {"access_token": access_token}
        if app_secret:
            self._auth["appsecret_proof"] = appsecret_proof(access_token, app_secret)
        self._rng = rng or random.Random()  # noqa: S311 - jitter, not crypto
        self._http = httpx.Client(base_url=base_url, timeout=timeout, transport=transport)
        self._usage: dict[str, UsageReading] = {}
        self._throttled: dict[str, datetime] = {}

    def __repr__(self) -> str:
        return f"{type(self).__name__}(version={self.version!r}, calls={self.calls})"  # never the token

    # ---- context manager ----------------------------------------------------------------------

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # ---- usage and throttling -----------------------------------------------------------------

    def usage(self, account_id: str) -> UsageReading | None:
        """The last usage reading for the account (None before any call reported one)."""
        return self._usage.get(bare_id(account_id))

    def throttled_until(self, account_id: str) -> datetime | None:
        """When the account may be called again, if the client is holding back from it now."""
        key = bare_id(account_id)
        until = self._throttled.get(key)
        if until is not None and until <= self.clock():
            del self._throttled[key]
            return None
        return until

    def ensure_not_throttled(self, account_id: str) -> None:
        """Raise RateLimited instead of starting new work for a throttled account."""
        until = self.throttled_until(account_id)
        if until is not None:
            raise RateLimited(f"usage limit reached for account {bare_id(account_id)}", until=until)

    def record_usage(self, headers: Any, account_id: str | None) -> None:
        """Read usage headers (a response's, or a batch item's list) into the account's reading."""
        now = self.clock()
        reading = parse_usage(headers, now)
        if reading is None:
            return
        keys = [bare_id(account_id)] if account_id else business_ids(headers)
        for key in keys:
            self._usage[key] = reading
            if reading.max_pct >= USAGE_THROTTLE_PCT and self._hold_back(
                key, _usage_pause_until(reading, now)
            ):
                log.warning(
                    "graph usage high, holding back",
                    extra={
                        "account_id": key,
                        "usage_pct": reading.max_pct,
                        "until": str(self._throttled[key]),
                    },
                )

    def backoff(self, attempt: int) -> float:
        """Seconds to wait before retry `attempt` (0-based), with this client's jitter source."""
        return backoff_delay(attempt, base=self.backoff_base, rng=self._rng)

    def _retry_delay(self, attempt: int, error: TransientError) -> float:
        """The backoff wait, or longer when the answer's Retry-After asked for it (up to the cap;
        a longer Retry-After is not waited out inside one call)."""
        delay = self.backoff(attempt)
        if error.retry_after is not None and error.retry_after.total_seconds() <= BACKOFF_CAP_SECONDS:
            delay = max(delay, error.retry_after.total_seconds())
        return delay

    def scrub(self, error: GraphError) -> GraphError:
        """`error` with this client's token and proof removed from its message."""
        return error.scrubbed(self._token, self._auth.get("appsecret_proof"))

    def _hold_back(self, key: str, until: datetime) -> bool:
        """Hold the account back until `until` (or longer); True if it was not held before."""
        current = self._throttled.get(key)
        self._throttled[key] = until if current is None else max(current, until)
        return current is None

    # ---- transport ----------------------------------------------------------------------------

    def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        data: Mapping[str, Any] | None = None,
        account_id: str | None = None,
    ) -> Any:
        """One Graph call with bounded retries of transient errors; returns the decoded JSON."""
        attempt = 0
        while True:
            try:
                return self._send(method, path, params, data, account_id)
            except TransientError as exc:
                # "Reduce the amount of data" is answered by asking differently, not by asking again.
                if exc.too_much_data or attempt >= self.max_retries:
                    raise
                delay = self._retry_delay(attempt, exc)
                log.warning(
                    "graph transient error, retrying",
                    extra={
                        "path": path,
                        "attempt": attempt + 1,
                        "delay_s": round(delay, 3),
                        "code": exc.code,
                        "http_status": exc.http_status,
                    },
                )
                self.sleep(delay)
                attempt += 1

    def _send(
        self,
        method: str,
        path: str,
        params: Mapping[str, Any] | None,
        data: Mapping[str, Any] | None,
        account_id: str | None,
    ) -> Any:
        query = {**encode_params(params or {}), **self._auth}
        url = f"/{self.version}/{path.lstrip('/')}"
        self.calls += 1
        import httpx

        try:
            response = self._http.request(
                method, url, params=query, data=encode_params(data) if data else None
            )
        except httpx.TimeoutException as exc:
            raise TransientError(f"Graph request timed out ({type(exc).__name__})") from None
        except httpx.TransportError as exc:
            detail = redact(str(exc), self._token)
            raise TransientError(f"Graph transport error ({type(exc).__name__}): {detail}") from None
        self.record_usage(response.headers, account_id)
        try:
            body = response.json()
        except ValueError:
            if response.is_success:
                raise malformed_body(response.status_code, "body is not JSON") from None
            # A proxy's HTML page or an empty 429: classified by its status (and Retry-After).
            raise self._error(None, response, account_id) from None
        if response.is_success and not (isinstance(body, Mapping) and "error" in body):
            return body
        raise self._error(body, response, account_id)

    def _error(self, body: Any, response: httpx.Response, account_id: str | None) -> GraphError:
        error = self.scrub(classify_error(body, response.status_code, response.headers, now=self.clock()))
        if isinstance(error, RateLimited) and account_id:
            self._hold_back(bare_id(account_id), error.until)
        log.info(
            "graph error",
            extra={
                "kind": type(error).__name__,
                "code": error.code,
                "subcode": error.subcode,
                "http_status": error.http_status,
                "account_id": account_id,
            },
        )
        return error

    def iter_pages(
        self,
        path: str,
        params: Mapping[str, Any],
        *,
        account_id: str | None = None,
        shrink_on_too_much_data: bool = True,
    ) -> Iterator[dict[str, Any]]:
        """Every element of a paged edge, following `after` cursors until `paging.next` is absent.

        When Meta asks for less data, the page size is halved (down to 1) and the same page is
        asked again, unless the caller prefers to handle that itself (insights go async instead).
        """
        query = {**params, "limit": params.get("limit", self.page_size)}
        shrinks = 0
        while True:
            try:
                body = self.request("GET", path, params=query, account_id=account_id)
            except TransientError as exc:
                if not (exc.too_much_data and shrink_on_too_much_data and int(query["limit"]) > 1):
                    raise
                shrinks += 1
                if shrinks > self.max_retries:
                    raise
                query["limit"] = max(1, int(query["limit"]) // 2)
                continue
            if not isinstance(body, Mapping) or not isinstance(body.get("data"), list):
                raise malformed_body(200, "paged answer without a data list")
            yield from (item for item in body["data"] if isinstance(item, dict))
            next_query = next_page_query(body.get("paging"), query)
            if next_query is None:
                return
            query = next_query


def _usage_pause_until(reading: UsageReading, now: datetime) -> datetime:
    """Until when to hold back at high usage: Meta's own reset time, else Airbyte's pauses."""
    if reading.reset_at is not None and reading.reset_at > now:
        return reading.reset_at
    return now + (_USAGE_HARD_PAUSE if reading.max_pct >= USAGE_HARD_PCT else _USAGE_PAUSE)
