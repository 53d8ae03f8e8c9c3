"""The one error body every endpoint answers with, its closed set of codes, and `responses=` helpers.

`ErrorCode` is the single list of every `error.code` the API can answer: a new code is added HERE
(a test fails when a route raises a code that is missing). `error_responses(...)` documents the
error statuses of a route; `pixecom.api.openapi` adds the ones every route of a kind has (401 on
authenticated routes, 400/413/422 on routes with a body, 422 on routes with parameters).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class ErrorCode(StrEnum):
    """Every `error.code` of the API. Clients switch on these; the message is for humans."""

    # 400
    BAD_REQUEST = "bad_request"
    MALFORMED_JSON = "malformed_json"
    META_REJECTED = "meta_rejected"  # Meta refused the account or token on connect/replace
    # 400 from Facebook Login (/api/meta): the login attempt's state, Meta's code, the result
    STATE_INVALID = "state_invalid"
    STATE_USED = "state_used"
    STATE_EXPIRED = "state_expired"
    CODE_MISSING = "code_missing"
    CODE_INVALID = "code_invalid"
    CODE_USED = "code_used"
    CODE_EXPIRED = "code_expired"
    REDIRECT_URI_MISMATCH = "redirect_uri_mismatch"
    TOKEN_INVALID = "token_invalid"
    LOGIN_DENIED = "login_denied"
    INVALID_SIGNED_REQUEST = "invalid_signed_request"
    # 401
    UNAUTHORIZED = "unauthorized"  # no credentials at all
    # 401 invalid_token: the access token is invalid or expired; refresh, then retry once.
    # (400 invalid_token: Meta refused the ad-account token given to connect or replace.)
    INVALID_TOKEN = "invalid_token"
    INVALID_CREDENTIALS = "invalid_credentials"
    INVALID_REFRESH_TOKEN = "invalid_refresh_token"
    # 401 on the store's routes: no such store API key, or a revoked one
    INVALID_API_KEY = "invalid_api_key"
    API_KEY_REVOKED = "api_key_revoked"
    # 403
    FORBIDDEN = "forbidden"  # the caller's role lacks the route's permission; nothing changed
    CSRF_REJECTED = "csrf_rejected"  # cookie-authenticated request without an allowed Origin + client header
    # 403 from register when sign-up is by invitation (SIGNUP_MODE=invitation)
    INVITATION_REQUIRED = "invitation_required"
    INVITATION_INVALID = "invitation_invalid"
    INVITATION_USED = "invitation_used"
    INVITATION_EXPIRED = "invitation_expired"
    API_KEY_SCOPE = "api_key_scope"  # a store API key without the scope the route needs
    # 404 / 405
    NOT_FOUND = "not_found"
    METHOD_NOT_ALLOWED = "method_not_allowed"
    # 409
    CONFLICT = "conflict"
    EMAIL_TAKEN = "email_taken"
    ALREADY_CONNECTED = "already_connected"
    CONNECTED_BY_ANOTHER_SELLER = "connected_by_another_seller"  # one Meta ad account, one seller
    LAST_OWNER = "last_owner"  # a team keeps an owner: transfer ownership first
    ALREADY_MEMBER = "already_member"
    DUPLICATE_SELLPAGE = "duplicate_sellpage"
    ACCOUNT_NEEDS_REAUTH = "account_needs_reauth"
    NEEDS_REAUTH = "needs_reauth"
    ACCOUNT_DISABLED = "account_disabled"
    THROTTLED = "throttled"
    VERSION_CONFLICT = "version_conflict"  # an order event's version was sent before with other content
    # 413 / 422
    PAYLOAD_TOO_LARGE = "payload_too_large"
    INVALID_INPUT = "invalid_input"
    IDEMPOTENCY_KEY_REUSED = "idempotency_key_reused"
    # 422 on store order events (also per item in a batch's answer)
    UNKNOWN_SELLPAGE = "unknown_sellpage"
    UNKNOWN_CURRENCY = "unknown_currency"
    # 429
    TOO_MANY_REQUESTS = "too_many_requests"
    TOO_MANY_ATTEMPTS = "too_many_attempts"
    # 5xx
    HTTP_ERROR = "http_error"
    INTERNAL_ERROR = "internal_error"
    UNAVAILABLE = "unavailable"
    LOGIN_NOT_CONFIGURED = "login_not_configured"
    META_UNAVAILABLE = "meta_unavailable"
    QUEUE_UNAVAILABLE = "queue_unavailable"
    BUSY = "busy"  # overload shed: no free DB connection (503) or password-hashing slot (429)


class FieldError(BaseModel):
    field: str
    message: str


class ErrorDetail(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: ErrorCode
    message: str
    field: str | None = Field(default=None, description="the input at fault, when one is")
    details: list[FieldError] | None = Field(default=None, description="422: every invalid field")


class ErrorResponse(BaseModel):
    """`{"error": {"code": "...", "message": "..."}}` (see pixecom.api.errors)."""

    model_config = ConfigDict(extra="forbid")

    error: ErrorDetail


ERROR_DESCRIPTIONS: dict[int, str] = {
    400: "Malformed JSON or a request the upstream refused",
    401: "Missing, invalid or expired credentials (code invalid_token: refresh, then retry once)",
    403: "Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a "
    "cookie request without an allowed Origin and X-PixEcom-Client)",
    404: "Not found (or not yours)",
    409: "Conflict with the current state",
    413: "Request body over 1 MB",
    422: "Invalid input (the field is named)",
    429: "Too many requests; wait Retry-After seconds",
    503: "Temporarily unavailable; retry (after Retry-After seconds when given)",
}

RETRY_AFTER_HEADER: dict[str, Any] = {
    "description": "Seconds to wait before trying again",
    "schema": {"type": "integer", "minimum": 0},
}


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """`responses=` entries documenting the JSON error body for each status (429/503: Retry-After)."""
    responses: dict[int | str, dict[str, Any]] = {}
    for status in statuses:
        entry: dict[str, Any] = {
            "model": ErrorResponse,
            "description": ERROR_DESCRIPTIONS.get(status, "Error"),
        }
        if status in (429, 503):
            entry["headers"] = {"Retry-After": RETRY_AFTER_HEADER}
        responses[status] = entry
    return responses
