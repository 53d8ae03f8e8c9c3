"""GraphClient: the one way this codebase talks to the Meta Graph API (httpx, synchronous).

Every call carries `access_token` (and `appsecret_proof` when an app secret is configured),
is counted in `calls`, has its usage headers read, and fails with a typed GraphError. Transient
failures are retried here with backoff through the injected `sleep`; everything else is raised.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from types import TracebackType
from typing import Any

import httpx

from pixecom.meta.app_secret import app_secret as resolve_app_secret
from pixecom.meta.backoff import backoff_delay, install_log_redaction
from pixecom.meta.batch import apply_statuses
from pixecom.meta.errors import (
    GraphError,
    InvalidRequest,
    RateLimited,
    TransientError,
    classify_error,
    malformed_body,
    redact,
)
from pixecom.meta.insights import InsightsPolicy, read_daily_insights
from pixecom.meta.models import AdAccountInfo, AdNode, AdSetNode, CampaignNode, InsightRow, StatusResult
from pixecom.meta.normalize import (
    account_from_graph,
    ad_from_graph,
    adset_from_graph,
    campaign_from_graph,
    insight_row_from_graph,
)
from pixecom.meta.params import act_id, appsecret_proof, bare_id, encode_params, next_page_query
from pixecom.meta.usage import UsageReading, business_ids, parse_usage
from pixecom.settings import Settings

log = logging.getLogger(__name__)

ACCOUNT_FIELDS = "id,account_id,name,currency,timezone_name,timezone_offset_hours_utc,account_status"
_STATUS = "id,name,status,configured_status,effective_status,updated_time"
CAMPAIGN_FIELDS = f"{_STATUS},objective,daily_budget,lifetime_budget"
ADSET_FIELDS = (
    f"{_STATUS},campaign_id,daily_budget,lifetime_budget,optimization_goal,promoted_object,"
    "learning_stage_info,attribution_spec"
)
AD_FIELDS = (
    f"{_STATUS},adset_id,campaign_id,issues_info,creative{{link_url,object_story_spec,asset_feed_spec}}"
)
# Past this share of any usage header the client starts no new work for the account.
USAGE_THROTTLE_PCT = 85.0
USAGE_HARD_PCT = 95.0
_USAGE_PAUSE = timedelta(minutes=2)  # Airbyte's pauses at 85% and 95%
_USAGE_HARD_PAUSE = timedelta(minutes=10)


class GraphClient:
    """A Graph API session for one access token. Not thread-safe; one per worker invocation."""

    def __init__(
        self,
        access_token: str,
        *,
        base_url: str = "https://graph.facebook.com",
        version: str = "v25.0",
        app_secret: str | None = None,
        page_size: int = 500,
        timeout: float = 30.0,
        max_retries: int = 4,
        sleep: Callable[[float], None] = time.sleep,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        transport: httpx.BaseTransport | None = None,
        insights_policy: InsightsPolicy | None = None,
        rng: random.Random | None = None,
    ) -> None:
        install_log_redaction()
        self.version = version
        self.page_size = page_size
        self.max_retries = max_retries
        self.sleep = sleep
        self.now = now
        self.insights_policy = insights_policy or InsightsPolicy()
        self.calls = 0
        self._token = access_token
        self._auth = {"access_token": access_token}
        if app_secret:
            self._auth["appsecret_proof"] = appsecret_proof(access_token, app_secret)
        self._rng = rng or random.Random()  # noqa: S311 - jitter, not crypto
        self._http = httpx.Client(base_url=base_url, timeout=timeout, transport=transport)
        self._usage: dict[str, UsageReading] = {}
        self._throttled: dict[str, datetime] = {}
        self._ad_counts: dict[str, int] = {}

    @classmethod
    def from_settings(cls, access_token: str, settings: Settings, **overrides: Any) -> GraphClient:
        """A client configured from settings (base URL, version, app secret, page size)."""
        options: dict[str, Any] = {
            "base_url": settings.graph_base_url,
            "version": settings.graph_version,
            "app_secret": resolve_app_secret(settings),
            "page_size": settings.graph_page_size,
            "insights_policy": InsightsPolicy(poll_timeout=settings.graph_report_timeout_seconds),
        }
        options.update(overrides)
        return cls(access_token, **options)

    def __repr__(self) -> str:
        return f"GraphClient(version={self.version!r}, calls={self.calls})"  # never the token

    # ---- context manager ----------------------------------------------------------------------

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> GraphClient:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # ---- reads --------------------------------------------------------------------------------

    def get_ad_account(self, account_id: str) -> AdAccountInfo:
        """The ad account node ("act_123" or "123")."""
        self.ensure_not_throttled(account_id)
        raw = self.request(
            "GET", act_id(account_id), params={"fields": ACCOUNT_FIELDS}, account_id=account_id
        )
        return account_from_graph(raw)

    def get_campaigns(
        self, account_id: str, *, effective_status: Sequence[str] | None = None
    ) -> list[CampaignNode]:
        """Every campaign of the account (Meta's default status filter unless one is given)."""
        return [
            campaign_from_graph(raw)
            for raw in self._edge(account_id, "campaigns", CAMPAIGN_FIELDS, effective_status)
        ]

    def get_adsets(
        self, account_id: str, *, effective_status: Sequence[str] | None = None
    ) -> list[AdSetNode]:
        """Every ad set of the account, with optimization goal and learning stage."""
        return [
            adset_from_graph(raw) for raw in self._edge(account_id, "adsets", ADSET_FIELDS, effective_status)
        ]

    def get_ads(self, account_id: str, *, effective_status: Sequence[str] | None = None) -> list[AdNode]:
        """Every ad of the account, with its creative's destination URL and issues."""
        ads = [ad_from_graph(raw) for raw in self._edge(account_id, "ads", AD_FIELDS, effective_status)]
        self._ad_counts[bare_id(account_id)] = len(ads)  # sizes later insights requests
        return ads

    def _edge(
        self, account_id: str, edge: str, fields: str, effective_status: Sequence[str] | None
    ) -> Iterator[dict[str, Any]]:
        self.ensure_not_throttled(account_id)
        params: dict[str, Any] = {"fields": fields}
        if effective_status:
            params["effective_status"] = list(effective_status)
        return self.iter_pages(f"{act_id(account_id)}/{edge}", params, account_id=account_id)

    def get_daily_insights(
        self,
        account_id: str,
        since: date,
        until: date,
        result_actions: Mapping[str, str] | None = None,
        *,
        estimated_ads: int | None = None,
    ) -> list[InsightRow]:
        """Ad-level daily insights for [since, until] (account timezone), synchronous or async."""
        self.ensure_not_throttled(account_id)
        ads = estimated_ads if estimated_ads is not None else self._ad_counts.get(bare_id(account_id))
        raws = read_daily_insights(self, act_id(account_id), since, until, estimated_ads=ads)
        return [insight_row_from_graph(raw, result_actions) for raw in raws]

    # ---- writes -------------------------------------------------------------------------------

    def set_status(self, object_id: str, status: str, *, account_id: str | None = None) -> None:
        """POST /{object_id} status=...; raises a GraphError unless Meta answers success."""
        if account_id:
            self.ensure_not_throttled(account_id)
        body = self.request("POST", object_id, data={"status": status}, account_id=account_id)
        if not (isinstance(body, Mapping) and body.get("success") is True):
            raise InvalidRequest(f"status change of {object_id} was not confirmed")

    def set_daily_budget(self, object_id: str, amount_minor: int, *, account_id: str | None = None) -> None:
        """POST /{object_id} daily_budget=... (an ad set, or a campaign with the budget), in the
        account currency's minor units as Meta expects; raises a GraphError unless Meta confirms."""
        if account_id:
            self.ensure_not_throttled(account_id)
        data = {"daily_budget": str(amount_minor)}
        body = self.request("POST", object_id, data=data, account_id=account_id)
        if not (isinstance(body, Mapping) and body.get("success") is True):
            raise InvalidRequest(f"budget change of {object_id} was not confirmed")

    def set_statuses(
        self, changes: Sequence[tuple[str, str]], *, account_id: str | None = None
    ) -> list[StatusResult]:
        """Apply (object_id, status) changes in batches of 50; one result per change, in order."""
        if account_id:
            self.ensure_not_throttled(account_id)
        return apply_statuses(self, changes, account_id=account_id)

    # ---- usage and throttling -----------------------------------------------------------------

    def usage(self, account_id: str) -> UsageReading | None:
        """The last usage reading for the account (None before any call reported one)."""
        return self._usage.get(bare_id(account_id))

    def throttled_until(self, account_id: str) -> datetime | None:
        """When the account may be called again, if the client is holding back from it now."""
        key = bare_id(account_id)
        until = self._throttled.get(key)
        if until is not None and until <= self.now():
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
        now = self.now()
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
        return backoff_delay(attempt, rng=self._rng)

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
                delay = self.backoff(attempt)
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
            raise malformed_body(response.status_code, "body is not JSON") from None
        if response.is_success and not (isinstance(body, Mapping) and "error" in body):
            return body
        raise self._error(body, response, account_id)

    def _error(self, body: Any, response: httpx.Response, account_id: str | None) -> GraphError:
        error = self.scrub(classify_error(body, response.status_code, response.headers, now=self.now()))
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
