"""One JSON error shape for everything: {"error": {"code": "...", "message": "..."}}.

No client input may produce a 500: validation errors become 422 naming the field, malformed JSON
400, unknown routes 404, and anything unexpected is logged (without secrets) and answered 500
with no detail.

Services raise their own exceptions; `SERVICE_ERRORS` below maps each to the API error a client
sees, once for every route. A router translates by hand only what depends on the request
(e.g. a cursor that does not parse).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException

from pixecom.accounts import connect as accounts
from pixecom.adsmanager.params import InvalidParam
from pixecom.api.messages import in_our_words
from pixecom.auth import service as auth
from pixecom.auth import team
from pixecom.auth.invitations import InvitationProblem
from pixecom.auth.passwords import HashingBusy
from pixecom.auth.throttle import LoginThrottled
from pixecom.clock import utc_now
from pixecom.control import jobs
from pixecom.domain.enums import ConnectionStatus
from pixecom.observability import logger
from pixecom.sellpages import service as sellpages
from pixecom.store import ingest as store_ingest
from pixecom.store import keys as store_keys
from pixecom.sync.dispatch import QueueNotConfigured


class ApiError(Exception):
    """An error meant for the client: status, stable code, human message, optional extra headers."""

    status_code = 400
    code = "bad_request"

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        status_code: int | None = None,
        headers: dict[str, str] | None = None,
        field: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        if code:
            self.code = code
        if status_code:
            self.status_code = status_code
        self.headers = headers
        self.field = field


class BadRequest(ApiError):
    status_code, code = 400, "bad_request"


class Unauthorized(ApiError):
    status_code, code = 401, "unauthorized"

    def __init__(self, message: str = "Not authenticated", **kw: Any) -> None:
        kw.setdefault("headers", {"WWW-Authenticate": "Bearer"})
        super().__init__(message, **kw)


class Forbidden(ApiError):
    """The caller's role lacks the permission the route declares (pixecom.api.permits)."""

    status_code, code = 403, "forbidden"


class NotFound(ApiError):
    status_code, code = 404, "not_found"


class Conflict(ApiError):
    status_code, code = 409, "conflict"


class InvalidInput(ApiError):
    status_code, code = 422, "invalid_input"


class TooManyRequests(ApiError):
    status_code, code = 429, "too_many_requests"


class ServiceUnavailable(ApiError):
    status_code, code = 503, "unavailable"


def error_body(code: str, message: str, **extra: Any) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, **{k: v for k, v in extra.items() if v is not None}}}


def _field_of(loc: tuple[Any, ...] | list[Any]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header")]
    return ".".join(parts) or "body"


async def _api_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return JSONResponse(
        error_body(exc.code, exc.message, field=exc.field), status_code=exc.status_code, headers=exc.headers
    )


async def _validation_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = exc.errors()
    if any(e.get("type") == "json_invalid" for e in errors):
        return JSONResponse(error_body("malformed_json", "Request body is not valid JSON"), status_code=400)
    details = [{"field": _field_of(e.get("loc", ())), "message": in_our_words(e)} for e in errors]
    first = details[0] if details else {"field": "body", "message": "invalid"}
    message = f"{first['field']}: {first['message']}"
    return JSONResponse(
        error_body("invalid_input", message, field=first["field"], details=details), status_code=422
    )


async def _http_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    codes = {404: "not_found", 405: "method_not_allowed", 401: "unauthorized", 413: "payload_too_large"}
    return JSONResponse(
        error_body(codes.get(exc.status_code, "http_error"), str(exc.detail)),
        status_code=exc.status_code,
        headers=getattr(exc, "headers", None),
    )


async def _unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    logger.exception("unhandled error", extra={"path": request.url.path, "error_type": type(exc).__name__})
    return JSONResponse(error_body("internal_error", "Internal server error"), status_code=500)


def _meta_error(exc: accounts.GraphRejected | accounts.GraphUnavailable) -> ApiError:
    if isinstance(exc, accounts.GraphRejected):
        return BadRequest(f"Meta rejected the request: {exc.reason}", code=exc.code)
    headers = None
    if exc.retry_after is not None:
        seconds = max(1, int((exc.retry_after - utc_now()).total_seconds()))
        headers = {"Retry-After": str(seconds)}
    return ServiceUnavailable(f"Could not reach Meta: {exc.reason}", code="meta_unavailable", headers=headers)


def _not_connected(exc: jobs.AccountNotConnected) -> ApiError:
    if exc.status is ConnectionStatus.NEEDS_REAUTH:
        message = f"Ad account '{exc.name}' ({exc.meta_account_id}) needs re-authentication; reconnect it"
        return Conflict(message, code="account_needs_reauth")
    return Conflict(f"Ad account '{exc.name}' ({exc.meta_account_id}) is disabled", code="account_disabled")


def _store_key_rejected(exc: store_keys.StoreKeyRejected) -> ApiError:
    headers = {"WWW-Authenticate": "ApiKey"}
    if exc.reason == "missing":
        return Unauthorized("Missing X-PixEcom-Store-Key header", headers=headers)
    if exc.reason == "revoked":
        return Unauthorized("This store API key was revoked", code="api_key_revoked", headers=headers)
    if exc.reason == "scope":
        return ApiError("This store API key may not do this", code="api_key_scope", status_code=403)
    return Unauthorized("Invalid store API key", code="invalid_api_key", headers=headers)


def _order_rejected(exc: store_ingest.OrderRejected) -> ApiError:
    error = exc.error
    if error.code == "version_conflict":
        return Conflict(error.message, code=error.code, field=error.field)
    return InvalidInput(error.message, code=error.code, field=error.field)


def _auth_failure(exc: auth.AuthFailure) -> ApiError:
    if isinstance(exc, auth.EmailTaken):
        return Conflict("Email is already registered", code="email_taken", field="email")
    if isinstance(exc, auth.InvalidCredentials):
        return Unauthorized("Invalid email or password", code="invalid_credentials")
    if isinstance(exc, auth.InvalidRefreshToken):
        return Unauthorized("Invalid refresh token", code="invalid_refresh_token")
    return Unauthorized("Not authenticated", code="invalid_token")


# Service exception -> what the client sees. Subclasses are found through the MRO.
SERVICE_ERRORS: dict[type[Exception], Callable[[Any], ApiError]] = {
    # auth
    auth.AuthFailure: _auth_failure,
    auth.SellerNameRequired: lambda exc: InvalidInput(f"seller_name: {exc}", field="seller_name"),
    team.TeamProblem: lambda exc: ApiError(
        exc.message, code=exc.code, status_code=exc.status, field=exc.field
    ),
    InvitationProblem: lambda exc: ApiError(
        exc.message, code=exc.reason, status_code=403, field="invitation_code"
    ),
    LoginThrottled: lambda exc: TooManyRequests(
        "Too many failed logins, try again later",
        code="too_many_attempts",
        headers={"Retry-After": str(exc.retry_after)},
    ),
    # ad accounts
    accounts.AccountNotFound: lambda _exc: NotFound("No such ad account"),
    accounts.AccountAlreadyConnected: lambda exc: Conflict(
        f"Ad account {exc} is already connected", code="already_connected"
    ),
    accounts.AccountHeldElsewhere: lambda exc: Conflict(
        f"Ad account {exc} is connected to another PixEcom seller; ask its owner to invite you "
        "into their team instead",
        code="connected_by_another_seller",
    ),
    accounts.AccountNotSyncable: lambda exc: Conflict(str(exc), code=exc.code),
    accounts.GraphRejected: _meta_error,
    accounts.GraphUnavailable: _meta_error,
    QueueNotConfigured: lambda _exc: ServiceUnavailable(
        "Sync queues are not configured", code="queue_unavailable"
    ),
    # sellpages
    sellpages.SellpageError: lambda exc: InvalidInput(f"{exc.field}: {exc.message}", field=exc.field),
    sellpages.DuplicateSellpage: lambda exc: Conflict(
        f"A sellpage for {exc.key} already exists", code="duplicate_sellpage"
    ),
    sellpages.UnknownSellpage: lambda _exc: NotFound("No such sellpage"),
    # the store's orders
    store_keys.StoreKeyRejected: _store_key_rejected,
    store_keys.StoreKeyRateLimited: lambda exc: TooManyRequests(
        "Too many requests with this store API key", headers={"Retry-After": str(exc.retry_after)}
    ),
    store_ingest.OrderRejected: _order_rejected,
    # Ads Manager reads
    InvalidParam: lambda exc: InvalidInput(f"{exc.param}: {exc.message}", field=exc.param),
    # bulk status control
    jobs.EntitiesNotFound: lambda exc: NotFound(str(exc), field="ids"),
    jobs.AccountNotConnected: _not_connected,
    jobs.IdempotencyKeyReused: lambda exc: InvalidInput(
        str(exc), code="idempotency_key_reused", field="Idempotency-Key"
    ),
    jobs.QueueUnavailable: lambda exc: ServiceUnavailable(
        str(exc), code="queue_unavailable", headers={"Retry-After": "5"}
    ),
    # overload: shed with a retry hint instead of waiting into a timeout
    PoolTimeout: lambda _exc: ServiceUnavailable(
        "The service is busy, retry shortly", code="busy", headers={"Retry-After": "1"}
    ),
    HashingBusy: lambda exc: TooManyRequests(
        "Too many sign-ins at once, retry shortly",
        code="busy",
        headers={"Retry-After": str(exc.retry_after)},
    ),
}


def api_error_for(exc: Exception) -> ApiError | None:
    """The API error registered for `exc`'s class (or its nearest registered base), if any."""
    for cls in type(exc).__mro__:
        translate = SERVICE_ERRORS.get(cls)
        if translate is not None:
            return translate(exc)
    return None


async def _service_error(request: Request, exc: Exception) -> JSONResponse:
    error = api_error_for(exc)
    if error is None:
        return await _unexpected_error(request, exc)
    return await _api_error(request, error)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _api_error)
    for exc_class in SERVICE_ERRORS:
        app.add_exception_handler(exc_class, _service_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected_error)
