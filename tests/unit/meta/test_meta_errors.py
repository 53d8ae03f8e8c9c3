"""classify_error: the error envelope's code decides the exception, not the HTTP status."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from pixecom.meta.errors import (
    GraphError,
    InvalidRequest,
    PermissionDenied,
    RateLimited,
    TokenInvalid,
    TransientError,
    classify_error,
)

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def envelope(
    code: int | None, subcode: int | None = None, message: str = "msg", **extra: Any
) -> dict[str, Any]:
    error: dict[str, Any] = {"message": message, "type": "OAuthException", "fbtrace_id": "Atrace", **extra}
    if code is not None:
        error["code"] = code
    if subcode is not None:
        error["error_subcode"] = subcode
    return {"error": error}


@pytest.mark.parametrize(
    ("body", "http_status", "expected"),
    [
        (envelope(1, 99, "An unknown error occurred"), 500, TransientError),
        (envelope(2, message="(#2) Service temporarily unavailable", is_transient=True), 503, TransientError),
        (envelope(100, is_transient=True), 400, TransientError),
        (envelope(4, 1504022), 400, RateLimited),
        (envelope(17, 2446079), 400, RateLimited),
        (envelope(32), 400, RateLimited),
        (envelope(613, 1487742), 400, RateLimited),
        (envelope(80000, 2446079), 400, RateLimited),
        (envelope(80004, 2446079), 400, RateLimited),
        (envelope(80014), 400, RateLimited),
        (envelope(190, 463), 400, TokenInvalid),
        (envelope(190, 460), 401, TokenInvalid),
        (envelope(190), 400, TokenInvalid),
        (envelope(102), 400, TokenInvalid),
        (envelope(10), 403, PermissionDenied),
        (envelope(200), 403, PermissionDenied),
        (envelope(299), 400, PermissionDenied),
        (envelope(100, 33), 400, InvalidRequest),
        (envelope(100, 1504018), 400, TransientError),
        (envelope(100), 500, InvalidRequest),
        (envelope(2635), 400, InvalidRequest),
        (envelope(None), 502, TransientError),
        ({"unexpected": True}, 200, TransientError),
        ("<html>bad gateway</html>", 502, TransientError),
        (None, 404, InvalidRequest),
        (None, 429, RateLimited),
    ],
)
def test_classify_error_by_code(body: Any, http_status: int, expected: type[GraphError]) -> None:
    error = classify_error(body, http_status, {}, now=NOW)
    assert type(error) is expected
    assert error.http_status == http_status


def test_error_carries_meta_fields() -> None:
    error = classify_error(envelope(190, 463, "Session has expired"), 400, {}, now=NOW)
    assert (error.code, error.subcode, error.fbtrace_id, error.message) == (
        190,
        463,
        "Atrace",
        "Session has expired",
    )


def test_rate_limited_until_comes_from_regain_minutes_in_the_buc_header() -> None:
    headers = {
        "X-Business-Use-Case-Usage": json.dumps(
            {"1001": [{"type": "ads_insights", "call_count": 100, "estimated_time_to_regain_access": 7}]}
        )
    }
    error = classify_error(envelope(80000, 2446079), 400, headers, now=NOW)
    assert isinstance(error, RateLimited)
    assert error.until == NOW + timedelta(minutes=7)


def test_rate_limited_without_hints_waits_a_default_pause() -> None:
    error = classify_error(envelope(613, 1487742), 400, {}, now=NOW)
    assert isinstance(error, RateLimited)
    assert error.until == NOW + timedelta(minutes=5)


def test_a_bare_429_comes_back_after_its_retry_after_seconds() -> None:
    error = classify_error(None, 429, {"Retry-After": "42"}, now=NOW)
    assert isinstance(error, RateLimited)
    assert error.until == NOW + timedelta(seconds=42)


def test_a_retry_after_http_date_is_read_as_that_time() -> None:
    error = classify_error(None, 429, {"retry-after": "Fri, 20 Nov 2026 12:03:00 GMT"}, now=NOW)
    assert isinstance(error, RateLimited)
    assert error.until == NOW + timedelta(minutes=3)


def test_retry_after_wins_over_the_usage_headers_reset_time() -> None:
    headers = {
        "Retry-After": "30",
        "X-Business-Use-Case-Usage": json.dumps(
            {"1001": [{"type": "ads_insights", "call_count": 100, "estimated_time_to_regain_access": 7}]}
        ),
    }
    error = classify_error(envelope(80000, 2446079), 400, headers, now=NOW)
    assert isinstance(error, RateLimited)
    assert error.until == NOW + timedelta(seconds=30)


def test_an_unreadable_retry_after_falls_back_to_the_default_pause() -> None:
    error = classify_error("", 429, {"Retry-After": "soon"}, now=NOW)
    assert isinstance(error, RateLimited)
    assert error.until == NOW + timedelta(minutes=5)


def test_reduce_the_amount_of_data_is_recognised() -> None:
    body = envelope(1, message="Please reduce the amount of data you're asking for, then retry your request")
    error = classify_error(body, 500, {}, now=NOW)
    assert isinstance(error, TransientError)
    assert error.too_much_data
    assert classify_error(envelope(2, 1504038), 400, {}, now=NOW).too_much_data
    assert not classify_error(envelope(1, 99), 500, {}, now=NOW).too_much_data


def test_tokens_in_meta_messages_are_redacted() -> None:
    body = envelope(100, message="bad url https://graph.facebook.com/v25.0/me?access_token=EAAsecret123&x=1")
    error = classify_error(body, 400, {}, now=NOW)
    assert "EAAsecret123" not in error.message
    assert "EAAsecret123" not in str(error)
    assert "access_token=***" in error.message


def test_scrubbed_removes_a_known_secret_from_message_and_str() -> None:
    error = classify_error(envelope(100, message="token tok-42 is odd"), 400, {}, now=NOW).scrubbed("tok-42")
    assert "tok-42" not in str(error)
    assert "tok-42" not in error.message


def test_errors_survive_pickling_with_their_fields() -> None:
    import pickle

    error = classify_error(envelope(80000, 2446079), 400, {}, now=NOW)
    assert isinstance(error, RateLimited)
    copy = pickle.loads(pickle.dumps(error))
    assert isinstance(copy, RateLimited)
    assert (copy.code, copy.subcode, copy.until) == (80000, 2446079, error.until)
    assert str(copy) == str(error)
