"""Secrets from Secrets Manager in AWS (Powertools Parameters, cached) or env/local files in dev."""

from __future__ import annotations

import secrets as _random
from pathlib import Path

SECRET_CACHE_SECONDS = 300


def get_secret(arn: str, *, refresh: bool = False) -> str:
    """The secret's string value, cached per container for SECRET_CACHE_SECONDS; `refresh` reads
    Secrets Manager now (and caches the answer), e.g. after the value was refused."""
    from aws_lambda_powertools.utilities import parameters  # lazy: boto3 import is slow

    value = parameters.get_secret(arn, max_age=SECRET_CACHE_SECONDS, force_fetch=refresh)
    return value if isinstance(value, str) else value.decode()


def local_secret_file(path: Path, nbytes: int = 32) -> str:
    """A random secret kept in `path` (created 0600 on first use) so local restarts keep sessions."""
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    value = _random.token_urlsafe(nbytes)
    path.touch(mode=0o600)
    path.write_text(value)
    return value
