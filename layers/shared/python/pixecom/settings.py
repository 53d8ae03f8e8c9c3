"""Configuration, read once from environment variables into one typed, validated object.

Each field has one default, here. The environment variable of a field is its name in upper case
unless `validation_alias` names another one (e.g. `environment` <- `PIXECOM_ENV`); names are
case-insensitive. An empty variable counts as unset. A value that does not parse fails at start
with `SettingsError`, which names the variable.

A plain pydantic model fed by `_from_environment` below, not pydantic-settings: importing that
package cost a cold start 50-70 ms of CPU (its sources, dotenv, CLI parsing) for what is a dict
comprehension over `os.environ` here.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

DEFAULT_GRAPH_VERSION = "v27.0"  # released 2026-11; the Graph API version every call names


class SettingsError(ValueError):
    """An environment variable holds a value its setting cannot take."""


class Settings(BaseModel):
    """Everything configurable. Secrets are never stored here, only where to find them.

    `Settings(field=value)` overrides single fields (tests do); everything else comes from the
    environment, then from the defaults below.
    """

    model_config = ConfigDict(frozen=True, populate_by_name=True, extra="ignore")

    environment: str = Field(default="local", validation_alias="PIXECOM_ENV")
    # Locally DATABASE_URL; in AWS the DB secret's ARN (JSON with host, port, username, ...).
    database_url: str | None = None
    database_secret_arn: str | None = Field(default=None, validation_alias="DB_SECRET_ARN")
    # RDS Proxy endpoint, when the secret names the instance.
    database_host_override: str | None = Field(default=None, validation_alias="DB_HOST")
    # A streaming replica for the reads that tolerate a little lag (pixecom.db.reader): locally
    # its URL; in AWS its host (a replica's endpoint, or the RDS Proxy's read-only endpoint),
    # logging in with the DB secret's credentials. Neither set: every read goes to the primary.
    database_reader_url: str | None = None
    database_reader_host: str | None = Field(default=None, validation_alias="DB_READER_HOST")
    # The reader serves a read only while it is at most this far behind the primary...
    reader_max_lag_seconds: float = Field(default=30.0, ge=0)
    # ...and the seller wrote no entity or account row for this long (read-your-writes); keep it
    # above reader_max_lag_seconds plus the longest write transaction.
    reader_after_write_seconds: float = Field(default=60.0, ge=0)
    db_pool_size: int = Field(default=1, ge=1)
    db_max_overflow: int = Field(default=0, ge=0)
    db_pool_recycle_seconds: int = Field(default=240, ge=1)
    # A pooled connection idle this long is pinged before use (db.engine.ping_when_idle).
    db_ping_after_idle_seconds: float = Field(default=10.0, ge=0)
    db_statement_timeout_ms: int = Field(default=15_000, ge=0)
    # How long a request waits for a free pooled connection before it is answered 503 + Retry-After.
    db_pool_timeout_seconds: float = Field(default=5.0, gt=0)
    # Ads Manager list reads run on the event loop instead of a threadpool hop: right where one
    # process serves one request at a time (the API Lambda sets it); under uvicorn (pixecom dev)
    # concurrent requests would wait behind each read, so the default keeps the hop.
    api_reads_inline: bool = False
    # JWT signing key: env var, Secrets Manager secret, or a generated file for local runs.
    jwt_secret: str | None = None
    jwt_secret_arn: str | None = None
    jwt_issuer: str = "pixecom"
    jwt_audience: str = "pixecom-ads-manager"
    access_token_ttl_seconds: int = Field(default=900, ge=1)
    refresh_token_ttl_days: int = Field(default=30, ge=1)
    # The refresh token spent just before the current one, presented again within this many
    # seconds, answers with the same successor instead of revoking the session (two tabs).
    refresh_reuse_grace_seconds: int = Field(default=30, ge=0)
    # argon2id cost (RFC 9106 low-memory profile, ~140 ms per hash on 2 cores); tests lower it.
    argon2_time_cost: int = Field(default=3, ge=1)
    argon2_memory_kib: int = Field(default=65_536, ge=8)
    argon2_parallelism: int = Field(default=4, ge=1)
    # Password hashes computed at once per process, and how long a login waits for a slot before
    # it is shed with 503 + Retry-After (argon2id is CPU-bound: more at once only makes all slower).
    password_hash_concurrency: int = Field(default=2, ge=1)
    password_hash_wait_seconds: float = Field(default=3.0, gt=0)
    # Who may sign up with POST /api/auth/register: anyone ("open"), or only with a single-use
    # code from `pixecom invite` ("invitation"; the template's default).
    signup_mode: Literal["open", "invitation"] = "open"
    invitation_ttl_days: int = Field(default=7, ge=1)
    # How long one process trusts what it read of a member (role, ad accounts, token version)
    # before reading it again: the longest a removal made elsewhere takes to hold here.
    member_cache_seconds: float = Field(default=2.0, ge=0)
    # Ads Manager list bodies kept per process and served again while their data is unchanged
    # (pixecom.adsmanager.kept_lists): memory for them (0: off), and the longest one is kept.
    # At most 30 minutes: pixecom.db.data_changes keeps its log an hour.
    list_cache_mb: float = Field(default=32.0, ge=0)
    list_cache_seconds: float = Field(default=300.0, gt=0, le=1800)
    # Alert webhooks may POST to loopback addresses (and over http to them): `pixecom dev` only.
    # Deployed, a webhook URL must be https to a public address (pixecom.alerts.webhook_urls).
    webhook_allow_loopback: bool = False
    # Key that encrypts ad-account tokens at rest.
    token_encryption_key: str | None = None
    token_encryption_key_arn: str | None = None
    # Comma-separated in the environment.
    cors_origins: tuple[str, ...] = ("http://localhost:3000", "http://127.0.0.1:3000")
    # Meta Graph API.
    graph_base_url: str = "https://graph.facebook.com"
    # Where the ECB's eurofxref files are (pixecom.rates; `pixecom dev`: the simulator's copy).
    exchange_rates_url: str = "https://www.ecb.europa.eu/stats/eurofxref/"
    # The second rates source (pixecom.rates.provider): a JSON API for the currencies below, its
    # key in Secrets Manager (locally RATES_PROVIDER_KEY). No URL: the ECB alone.
    rates_provider_url: str = ""
    rates_provider_key: str | None = None
    rates_provider_key_arn: str | None = None
    rates_provider_currencies: str = Field(default="VND,THB", pattern=r"^[A-Z]{3}(,[A-Z]{3})*$")
    # Meta serves a Marketing API version about a year; this one through 2027. Moving to the
    # next: docs/operations.md, "Moving to the next Graph API version".
    graph_version: str = Field(default=DEFAULT_GRAPH_VERSION, pattern=r"^v[0-9]+\.[0-9]+$")
    graph_app_secret: str | None = None
    graph_app_secret_arn: str | None = None  # in AWS: the Meta app secret in Secrets Manager
    graph_page_size: int = Field(default=500, ge=1)
    # Retries of a transient Graph error (with backoff) before the call fails.
    graph_max_retries: int = Field(default=4, ge=0)
    # The first backoff wait, doubled per retry (tests set it small to keep retries fast).
    graph_backoff_base_seconds: float = Field(default=1.0, gt=0)
    # Facebook Login (pixecom.accounts.login): our Meta app, the dialog host, where Meta sends
    # the seller back (the frontend page that posts code + state to /api/meta/callback).
    meta_app_id: str | None = None
    meta_redirect_uri: str | None = None
    meta_login_config_id: str | None = None  # Facebook Login for Business configuration
    meta_dialog_base_url: str = "https://www.facebook.com"
    # How long one async insights report may be polled. Stays well under the StatsWorker's
    # Lambda timeout (900 s): a report still running after that is retried on the next delivery.
    graph_report_timeout_seconds: int = Field(default=300, ge=1)
    # Queues (URLs); empty locally until the local runner creates them in moto.
    stats_queue_url: str | None = None
    delivery_queue_url: str | None = None
    control_queue_url: str | None = None
    automation_queue_url: str | None = None  # alerts + rules after each stats sync
    # A queued/running bulk job with no progress for this long gets its message again (the jobs
    # sweeper, run with the delivery dispatch). Longer than the ControlQueue's visibility timeout.
    # Graph calls per hour the whole app may spend on stats syncs; each stats dispatch queues at
    # most a cycle's share of it (by each account's last run), the rest in later cycles. Unset:
    # no app-wide cap (each account's own budget still holds through its usage headers).
    graph_app_calls_per_hour: int | None = Field(default=None, ge=1)
    job_stale_after_seconds: int = Field(default=900, ge=60)
    # Daily maintenance (pixecom.maintenance): how long rows are kept before they are purged.
    login_attempt_retention_days: int = Field(default=30, ge=1)
    refresh_token_retention_days: int = Field(default=7, ge=0)  # after the family expired
    job_item_retention_days: int = Field(default=90, ge=1)  # after the job finished
    # Not below 14: backfill progress counts chunks through runs this young (sync.recording).
    sync_run_retention_days: int = Field(default=14, ge=14)
    # STATS_RETENTION_MONTHS: whole months of ad_stats_daily kept before this month (Meta keeps
    # 37 months of insights); STATS_PARTITION_MONTHS_AHEAD: how many months' partitions the
    # maintenance creates ahead.
    stats_retention_months: int = Field(default=37, ge=1)
    stats_partition_months_ahead: int = Field(default=2, ge=1)
    # Requests one store API key may make per minute (pixecom.store.keys; a batch is one request).
    store_key_requests_per_minute: int = Field(default=600, ge=1)
    local_state_dir: Path = Field(default=Path(".pixecom"), validation_alias="PIXECOM_STATE_DIR")
    # The built console that `pixecom dev` serves at / (local app only).
    console_dir: Path = Field(default=Path("console/dist"), validation_alias="PIXECOM_CONSOLE_DIR")

    @model_validator(mode="before")
    @classmethod
    def _from_environment(cls, given: Any) -> Any:
        """The environment's value of every field the caller did not give (by name or alias)."""
        if not isinstance(given, dict):
            return given
        environ = {name.upper(): value for name, value in os.environ.items() if value != ""}
        values: dict[str, Any] = {}
        for name, field in cls.model_fields.items():
            alias = field.validation_alias if isinstance(field.validation_alias, str) else None
            if name in given or (alias is not None and alias in given):
                continue
            value = environ.get((alias or name).upper())
            if value is not None:
                values[alias or name] = value
        return {**values, **given}

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _comma_separated(cls, value: Any) -> Any:
        if isinstance(value, str):
            return tuple(item.strip() for item in value.split(",") if item.strip())
        return value

    @classmethod
    def from_env(cls) -> Settings:
        """Read and validate the environment; a bad value raises `SettingsError` naming its variable."""
        try:
            return cls()
        except ValidationError as exc:
            problems = "; ".join(
                f"{_variable(err.get('loc', ()))}: {err.get('msg', 'invalid')}" for err in exc.errors()
            )
            raise SettingsError(f"Invalid configuration: {problems}") from None


def env_var(field_name: str) -> str:
    """The environment variable that sets `field_name`."""
    alias = Settings.model_fields[field_name].validation_alias
    return alias if isinstance(alias, str) else field_name.upper()


def _variable(loc: tuple[Any, ...] | list[Any]) -> str:
    name = str(loc[0]) if loc else "?"
    return env_var(name) if name in Settings.model_fields else name.upper()


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The container's settings, read once. Tests call `get_settings.cache_clear()` after changing env."""
    return Settings.from_env()
