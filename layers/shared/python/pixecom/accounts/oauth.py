"""Server-to-server calls of Facebook Login: the code exchange, the long-lived exchange and
`debug_token` (with the app token). These carry the app secret, so nothing here is logged with
its parameters; errors are Meta's typed GraphErrors with secrets redacted."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from pixecom.clock import Clock, utc_now
from pixecom.meta.app_secret import app_secret
from pixecom.meta.backoff import install_log_redaction
from pixecom.meta.errors import GraphError, TransientError, classify_error, redact
from pixecom.settings import Settings

if TYPE_CHECKING:  # imported by the first client: most importers never make one
    import httpx

# Our reading of Meta's code-exchange subcodes (third-party fixtures, as Meta's login errors show them).
CODE_ERRORS = {36009: "code_used", 36007: "code_expired", 36008: "redirect_uri_mismatch"}


class LoginNotConfigured(Exception):
    """META_APP_ID, the app secret or META_REDIRECT_URI is missing."""


@dataclass(frozen=True)
class MetaApp:
    app_id: str
    secret: str
    redirect_uri: str | None
    config_id: str | None
    dialog_base_url: str
    graph_base_url: str
    version: str

    @property
    def app_token(self) -> str:
        return f"{self.app_id}|{self.secret}"


def meta_app(settings: Settings, *, need_redirect: bool = True) -> MetaApp:
    secret = app_secret(settings)
    if not settings.meta_app_id or not secret or (need_redirect and not settings.meta_redirect_uri):
        raise LoginNotConfigured("Facebook Login is not configured (META_APP_ID, app secret, redirect URI)")
    return MetaApp(
        settings.meta_app_id,
        secret,
        settings.meta_redirect_uri,
        settings.meta_login_config_id,
        settings.meta_dialog_base_url.rstrip("/"),
        settings.graph_base_url.rstrip("/"),
        settings.graph_version,
    )


@dataclass(frozen=True)
class TokenInfo:
    """What `debug_token` says of a token (0 timestamps: never)."""

    app_id: str
    type: str
    is_valid: bool
    user_id: str | None
    scopes: list[str]
    granular_scopes: list[dict[str, Any]]
    expires_at: datetime | None
    data_access_expires_at: datetime | None
    error_code: int | None = None
    error_subcode: int | None = None


def _moment(raw: Any) -> datetime | None:
    return datetime.fromtimestamp(int(raw), UTC) if raw else None


class OAuthClient:
    """One short-lived httpx client for the Login calls of a request or a check run."""

    def __init__(
        self, app: MetaApp, transport: httpx.BaseTransport | None = None, clock: Clock = utc_now
    ) -> None:
        import httpx

        install_log_redaction()  # httpx logs request URLs: code, client_secret, input_token
        self.app = app
        self.clock = clock  # dates a rate limit's end
        self._http = httpx.Client(base_url=app.graph_base_url, timeout=20, transport=transport)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> OAuthClient:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _get(self, path: str, params: dict[str, str]) -> dict[str, Any]:
        import httpx

        secrets = (self.app.secret, *params.values())
        try:
            response = self._http.get(f"/{self.app.version}/{path}", params=params)
        except httpx.HTTPError as exc:
            raise TransientError(f"Meta login call failed ({type(exc).__name__})") from None
        try:
            body = response.json()
        except ValueError:
            raise TransientError(f"Meta answered {response.status_code} without JSON") from None
        if response.is_success and isinstance(body, dict) and "error" not in body:
            return body
        error = classify_error(body, response.status_code, response.headers, now=self.clock())
        error.scrubbed(*secrets)
        raise error

    def exchange_code(self, code: str) -> str:
        """The short-lived user token for the dialog's code (burns the code at Meta)."""
        body = self._get(
            "oauth/access_token",
            {
                "client_id": self.app.app_id,
                "client_secret": self.app.secret,
                "redirect_uri": self.app.redirect_uri or "",
                "code": code,
            },
        )
        return str(body["access_token"])

    def exchange_long_lived(self, token: str) -> str:
        """A long-lived (about 60 days) token for a valid token; the new string replaces the old."""
        body = self._get(
            "oauth/access_token",
            {
                "grant_type": "fb_exchange_token",
                "client_id": self.app.app_id,
                "client_secret": self.app.secret,
                "fb_exchange_token": token,
            },
        )
        return str(body["access_token"])

    def debug_token(self, token: str) -> TokenInfo:
        data = self._get("debug_token", {"input_token": token, "access_token": self.app.app_token})["data"]
        error = data.get("error") or {}
        return TokenInfo(
            app_id=str(data.get("app_id", "")),
            type=str(data.get("type", "USER")),
            is_valid=bool(data.get("is_valid")),
            user_id=str(data["user_id"]) if data.get("user_id") is not None else None,
            scopes=[str(s) for s in data.get("scopes", [])],
            granular_scopes=list(data.get("granular_scopes", [])),
            expires_at=_moment(data.get("expires_at")),
            data_access_expires_at=_moment(data.get("data_access_expires_at")),
            error_code=error.get("code"),
            error_subcode=error.get("subcode"),
        )


def code_error(exc: GraphError) -> str:
    """Our error code for a refused code exchange."""
    return CODE_ERRORS.get(exc.subcode or 0, "code_invalid")


__all__ = ["LoginNotConfigured", "MetaApp", "OAuthClient", "TokenInfo", "code_error", "meta_app", "redact"]
