"""Configuration, read once from environment variables into one typed object."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    return int(raw) if raw not in (None, "") else default


def _env_list(name: str, default: str) -> tuple[str, ...]:
    raw = os.environ.get(name, default)
    return tuple(item.strip() for item in raw.split(",") if item.strip())


@dataclass(frozen=True)
class Settings:
    """Everything configurable. Secrets are never stored here, only where to find them."""

    environment: str = "local"
    # Locally DATABASE_URL; in AWS the DB secret's ARN (JSON with host, port, username, ...).
    database_url: str | None = None
    database_secret_arn: str | None = None
    database_host_override: str | None = None  # RDS Proxy endpoint, when the secret names the instance
    db_pool_size: int = 1
    db_max_overflow: int = 0
    db_pool_recycle_seconds: int = 240
    db_statement_timeout_ms: int = 15_000
    # JWT signing key: env var, Secrets Manager secret, or a generated file for local runs.
    jwt_secret: str | None = None
    jwt_secret_arn: str | None = None
    jwt_issuer: str = "pixecom"
    jwt_audience: str = "pixecom-ads-manager"
    access_token_ttl_seconds: int = 900
    refresh_token_ttl_days: int = 30
    # argon2id cost (RFC 9106 low-memory profile, ~140 ms per hash on 2 cores); tests lower it.
    argon2_time_cost: int = 3
    argon2_memory_kib: int = 65_536
    argon2_parallelism: int = 4
    # Key that encrypts ad-account tokens at rest.
    token_encryption_key: str | None = None
    token_encryption_key_arn: str | None = None
    cors_origins: tuple[str, ...] = ("http://localhost:3000", "http://127.0.0.1:3000")
    # Meta Graph API.
    graph_base_url: str = "https://graph.facebook.com"
    graph_version: str = "v25.0"
    graph_app_secret: str | None = None
    graph_page_size: int = 500
    # How long one async insights report may be polled. Stays well under the StatsWorker's
    # Lambda timeout (900 s): a report still running after that is retried on the next delivery.
    graph_report_timeout_seconds: int = 300
    # Queues (URLs); empty locally until the local runner creates them in moto.
    stats_queue_url: str | None = None
    delivery_queue_url: str | None = None
    control_queue_url: str | None = None
    local_state_dir: Path = field(default_factory=lambda: Path(".pixecom"))

    @classmethod
    def from_env(cls) -> Settings:
        env = os.environ.get
        return cls(
            environment=env("PIXECOM_ENV", "local"),
            database_url=env("DATABASE_URL") or None,
            database_secret_arn=env("DB_SECRET_ARN") or None,
            database_host_override=env("DB_HOST") or None,
            db_pool_size=_env_int("DB_POOL_SIZE", 1),
            db_max_overflow=_env_int("DB_MAX_OVERFLOW", 0),
            db_pool_recycle_seconds=_env_int("DB_POOL_RECYCLE_SECONDS", 240),
            db_statement_timeout_ms=_env_int("DB_STATEMENT_TIMEOUT_MS", 15_000),
            jwt_secret=env("JWT_SECRET") or None,
            jwt_secret_arn=env("JWT_SECRET_ARN") or None,
            jwt_issuer=env("JWT_ISSUER", "pixecom"),
            jwt_audience=env("JWT_AUDIENCE", "pixecom-ads-manager"),
            access_token_ttl_seconds=_env_int("ACCESS_TOKEN_TTL_SECONDS", 900),
            refresh_token_ttl_days=_env_int("REFRESH_TOKEN_TTL_DAYS", 30),
            argon2_time_cost=_env_int("ARGON2_TIME_COST", 3),
            argon2_memory_kib=_env_int("ARGON2_MEMORY_KIB", 65_536),
            argon2_parallelism=_env_int("ARGON2_PARALLELISM", 4),
            token_encryption_key=env("TOKEN_ENCRYPTION_KEY") or None,
            token_encryption_key_arn=env("TOKEN_ENCRYPTION_KEY_ARN") or None,
            cors_origins=_env_list("CORS_ORIGINS", "http://localhost:3000,http://127.0.0.1:3000"),
            graph_base_url=env("GRAPH_BASE_URL", "https://graph.facebook.com"),
            graph_version=env("GRAPH_VERSION", "v25.0"),
            graph_app_secret=env("GRAPH_APP_SECRET") or None,
            graph_page_size=_env_int("GRAPH_PAGE_SIZE", 500),
            graph_report_timeout_seconds=_env_int("GRAPH_REPORT_TIMEOUT_SECONDS", 300),
            stats_queue_url=env("STATS_QUEUE_URL") or None,
            delivery_queue_url=env("DELIVERY_QUEUE_URL") or None,
            control_queue_url=env("CONTROL_QUEUE_URL") or None,
            local_state_dir=Path(env("PIXECOM_STATE_DIR", ".pixecom")),
        )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The container's settings, read once. Tests call `get_settings.cache_clear()` after changing env."""
    return Settings.from_env()
