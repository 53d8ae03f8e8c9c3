"""Meta Graph API errors as typed exceptions, classified by `error.code` / `error_subcode`.

Meta's HTTP status is unreliable (rate limits come back as 400, "reduce the amount of data" as
500), so the code in the error envelope decides; the status only matters when there is no
envelope at all.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any

from pixecom.meta.usage import parse_usage

# Meta's documented error codes and subcodes (the Graph API's error handling guide).
TRANSIENT_CODES = frozenset({1, 2, 960})
RATE_LIMIT_CODES = frozenset({4, 17, 32, 341, 368, 613, *range(80000, 80015)})
TOKEN_CODES = frozenset({102, 190, 463, 467})
TOKEN_SUBCODES = frozenset({458, 459, 460, 463, 464, 467})
PERMISSION_CODES = frozenset({10, *range(200, 300)})
# "Insights request timed out" subcodes: asking for less (or going async) is the fix.
TOO_MUCH_DATA_SUBCODES = frozenset({1504018, 1504038})
TOO_MUCH_DATA_TEXT = "reduce the amount of data"
# When Meta says "rate limited" without saying for how long, wait this long.
DEFAULT_RATE_LIMIT_PAUSE = timedelta(minutes=5)

_SECRET_PARAM = re.compile(
    r"(?P<key>access_token|appsecret_proof|client_secret|fb_exchange_token|input_token|(?<![A-Za-z_])code)"
    r"(?P<sep>=|%3D|\"\s*:\s*\"|'\s*:\s*')(?P<value>[^&\s\"',;]+)",
    re.IGNORECASE,
)


def redact(text: str, *secrets: str | None) -> str:
    """`text` with every token-like query parameter and each given secret replaced by ***."""
    cleaned = _SECRET_PARAM.sub(lambda m: f"{m.group('key')}{m.group('sep')}***", text)
    for secret in secrets:
        if secret:
            cleaned = cleaned.replace(secret, "***")
    return cleaned


class GraphError(Exception):
    """An error answered by (or on the way to) the Graph API. Never carries a token."""

    def __init__(
        self,
        message: str,
        *,
        code: int | None = None,
        subcode: int | None = None,
        fbtrace_id: str | None = None,
        http_status: int | None = None,
        is_transient: bool = False,
        error_type: str | None = None,
    ) -> None:
        self.message = redact(message)
        self.code = code
        self.subcode = subcode
        self.fbtrace_id = fbtrace_id
        self.http_status = http_status
        self.is_transient = is_transient
        self.error_type = error_type
        super().__init__(self._describe())

    def _describe(self) -> str:
        parts = [self.message]
        if self.code is not None:
            parts.append(f"code={self.code}")
        if self.subcode is not None:
            parts.append(f"subcode={self.subcode}")
        if self.http_status is not None:
            parts.append(f"http={self.http_status}")
        if self.fbtrace_id:
            parts.append(f"fbtrace_id={self.fbtrace_id}")
        return " ".join(parts)

    def __reduce__(self) -> tuple[Any, ...]:
        # Keyword-only fields (RateLimited's `until`) do not survive the default pickling.
        return (_rebuild, (type(self), dict(self.__dict__)))

    @property
    def too_much_data(self) -> bool:
        """Meta asks for a smaller request (fewer rows, shorter range, or an async report)."""
        return self.subcode in TOO_MUCH_DATA_SUBCODES or TOO_MUCH_DATA_TEXT in self.message.lower()

    def scrubbed(self, *secrets: str | None) -> GraphError:
        """The same error with the given secrets removed from its message (in place)."""
        self.message = redact(self.message, *secrets)
        self.args = (self._describe(),)
        return self


def _rebuild(kind: type[GraphError], state: dict[str, Any]) -> GraphError:
    error = kind.__new__(kind)
    error.__dict__.update(state)
    error.args = (error._describe(),)
    return error


class TransientError(GraphError):
    """Worth retrying later: codes 1, 2, `is_transient`, 5xx, timeouts, malformed answers."""

    # A proxy's 5xx may say when to come back (Retry-After): the retry waits at least this long.
    retry_after: timedelta | None = None


class RateLimited(GraphError):
    """Meta throttles this app or account (or our own usage guard did): come back at `until`."""

    def __init__(self, message: str, *, until: datetime, **kwargs: Any) -> None:
        self.until = until
        super().__init__(message, **kwargs)

    def _describe(self) -> str:
        return f"{super()._describe()} until={self.until.isoformat()}"


class TokenInvalid(GraphError):
    """The access token is expired, revoked or otherwise unusable: re-authenticate."""


class PermissionDenied(GraphError):
    """The token lacks a permission for this object (codes 10, 200-299): configuration."""


class InvalidRequest(GraphError):
    """Anything else Meta rejects for good (code 100, unknown objects, bad parameters)."""


def _int_or_none(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        try:
            return int(value)
        except ValueError:
            return None
    return None


def retry_after_until(headers: Mapping[str, str] | None, now: datetime) -> datetime | None:
    """The time a `Retry-After` header names (delay in seconds, or an HTTP date), if any."""
    raw = next((str(v) for k, v in (headers or {}).items() if str(k).lower() == "retry-after"), None)
    if raw is None or not raw.strip():
        return None
    raw = raw.strip()
    if raw.isdigit():
        return now + timedelta(seconds=int(raw))
    try:
        when = parsedate_to_datetime(raw)
    except (TypeError, ValueError):
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


def rate_limit_until(headers: Mapping[str, str] | None, now: datetime) -> datetime:
    """When a rate-limited caller may come back: `Retry-After` (what a proxy's bare 429 says),
    else the usage headers' reset time, else a default pause."""
    retry_after = retry_after_until(headers, now)
    if retry_after is not None:
        return max(retry_after, now)
    reading = parse_usage(headers or {}, now)
    if reading is not None and reading.reset_at is not None and reading.reset_at > now:
        return reading.reset_at
    return now + DEFAULT_RATE_LIMIT_PAUSE


def _error_class(
    code: int | None, subcode: int | None, http_status: int, transient: bool
) -> type[GraphError]:
    if code in TOKEN_CODES or (code is None and subcode in TOKEN_SUBCODES):
        return TokenInvalid
    if code in RATE_LIMIT_CODES:
        return RateLimited
    if subcode in TOO_MUCH_DATA_SUBCODES:
        return TransientError  # "the request timed out": answered by asking for less, never permanent
    if code in PERMISSION_CODES:
        return PermissionDenied
    if transient or code in TRANSIENT_CODES:
        return TransientError
    if code is None and http_status == 429:
        return RateLimited
    # An unknown code on a 5xx is Meta having a bad moment; a known permanent code (100) is not.
    if code != 100 and http_status >= 500:
        return TransientError
    return InvalidRequest


def _no_envelope_error(
    message: str, http_status: int, headers: Mapping[str, str] | None, now: datetime
) -> GraphError:
    if http_status == 429:
        return RateLimited(message, until=rate_limit_until(headers, now), http_status=http_status)
    if http_status >= 500 or 200 <= http_status < 300:
        error = TransientError(message, http_status=http_status)
        come_back = retry_after_until(headers, now)
        if come_back is not None and come_back > now:
            error.retry_after = come_back - now
        return error
    return InvalidRequest(message, http_status=http_status)


def classify_error(
    body: object,
    http_status: int,
    headers: Mapping[str, str] | None = None,
    *,
    now: datetime,
) -> GraphError:
    """The typed exception for an error answer. Pure: `now` only dates a RateLimited's `until`."""
    error = body.get("error") if isinstance(body, Mapping) else None
    if not isinstance(error, Mapping):
        # No envelope: a proxy's page (HTML 5xx, bare 429), a truncated body. A 2xx here is a
        # malformed answer. The status decides: 429 -> RateLimited, 5xx -> TransientError.
        missing = f"HTTP {http_status} without a Graph error envelope"
        return _no_envelope_error(missing, http_status, headers, now)
    code = _int_or_none(error.get("code"))
    subcode = _int_or_none(error.get("error_subcode"))
    transient = error.get("is_transient") is True
    kind = _error_class(code, subcode, http_status, transient)
    fields: dict[str, Any] = {
        "code": code,
        "subcode": subcode,
        "fbtrace_id": error.get("fbtrace_id") if isinstance(error.get("fbtrace_id"), str) else None,
        "http_status": http_status,
        "is_transient": transient,
        "error_type": error.get("type") if isinstance(error.get("type"), str) else None,
    }
    message = str(error.get("message") or error.get("error_user_msg") or "Graph API error")
    if kind is RateLimited:
        return RateLimited(message, until=rate_limit_until(headers, now), **fields)
    return kind(message, **fields)


def malformed_body(http_status: int, detail: str) -> TransientError:
    """A response we could not read as a Graph answer (Meta sometimes sends half a body)."""
    return TransientError(f"malformed Graph response: {detail}", http_status=http_status)


def error_from_json_text(
    text: str, http_status: int, headers: Mapping[str, str] | None, now: datetime
) -> GraphError:
    """classify_error for a body still in text form (batch items carry their body as a string)."""
    try:
        body = json.loads(text) if text else None
    except ValueError:
        return malformed_body(http_status, "body is not JSON")
    return classify_error(body, http_status, headers, now=now)
