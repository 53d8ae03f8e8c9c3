"""Browser sessions: the refresh token in an HttpOnly cookie, and the CSRF rule for using it.

- Login, registration and refresh set `pixecom_refresh` (HttpOnly; Secure; SameSite=Strict;
  Path=/api/auth; Max-Age = what is left of the session). `Secure` is dropped only in local runs
  over plain http on localhost/127.0.0.1, where browsers would otherwise refuse the cookie.
- A browser client says so with `X-PixEcom-Client: 1`; its token responses then carry
  `refresh_token: null`, so the refresh token never reaches page scripts.
- A request that authenticates with the cookie (refresh, logout without a body) must come from an
  allowed Origin (`CORS_ORIGINS`) AND carry `X-PixEcom-Client: 1` (a header a cross-site form or
  image cannot send); otherwise 403 `csrf_rejected`.
"""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlsplit

from fastapi import Request, Response

from pixecom.api.errors import ApiError
from pixecom.settings import Settings, get_settings

REFRESH_COOKIE = "pixecom_refresh"
COOKIE_PATH = "/api/auth"
CLIENT_HEADER = "X-PixEcom-Client"
_LOCAL_HOSTS = {"localhost", "127.0.0.1"}


class CsrfRejected(ApiError):
    status_code, code = 403, "csrf_rejected"


def is_browser_client(request: Request) -> bool:
    return request.headers.get(CLIENT_HEADER) == "1"


def require_same_site_client(request: Request, settings: Settings | None = None) -> None:
    """The CSRF rule for cookie-authenticated requests (see the module docstring)."""
    settings = settings or get_settings()
    origin = request.headers.get("origin")
    if origin is None or origin not in settings.cors_origins:
        raise CsrfRejected("Cookie sessions need a request from an allowed Origin", field="Origin")
    if not is_browser_client(request):
        raise CsrfRejected(f"Cookie sessions need the {CLIENT_HEADER}: 1 header", field=CLIENT_HEADER)


def _secure(request: Request, settings: Settings) -> bool:
    if settings.environment != "local":
        return True
    origin = request.headers.get("origin")
    url = urlsplit(origin) if origin else None
    scheme, host = (url.scheme, url.hostname) if url else (request.url.scheme, request.url.hostname)
    return not (scheme == "http" and host in _LOCAL_HOSTS)


def set_refresh_cookie(
    response: Response, request: Request, token: str, expires_at: datetime | None, now: datetime
) -> None:
    settings = get_settings()
    remaining = (
        int((expires_at - now).total_seconds()) if expires_at else settings.refresh_token_ttl_days * 86_400
    )
    response.set_cookie(
        REFRESH_COOKIE,
        token,
        max_age=max(0, remaining),
        path=COOKIE_PATH,
        secure=_secure(request, settings),
        httponly=True,
        samesite="strict",
    )


def clear_refresh_cookie(response: Response, request: Request) -> None:
    response.delete_cookie(
        REFRESH_COOKIE,
        path=COOKIE_PATH,
        secure=_secure(request, get_settings()),
        httponly=True,
        samesite="strict",
    )


def presented_refresh_token(request: Request, from_body: str | None) -> str | None:
    """The body's token (any client), else the cookie's (browser clients, CSRF-checked)."""
    if from_body:
        return from_body
    cookie = request.cookies.get(REFRESH_COOKIE)
    if cookie:
        require_same_site_client(request)
    return cookie or None
