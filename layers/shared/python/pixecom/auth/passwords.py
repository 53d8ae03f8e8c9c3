"""Password hashing with argon2id (argon2-cffi).

Cost comes from settings (ARGON2_TIME_COST, ARGON2_MEMORY_KIB, ARGON2_PARALLELISM); the default is
RFC 9106's low-memory profile (t=3, m=64 MiB, p=4), ~140 ms per verify on the 2-core dev machine
(`tests/bench/login_bench.py`). When the cost changes, `verify_password` reports `needs_rehash`
and login stores a new hash, so old hashes upgrade as users sign in.
"""

from __future__ import annotations

import contextlib
import secrets
import threading
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from pixecom.settings import Settings, get_settings

if TYPE_CHECKING:  # argon2 is imported by the first hash: only sign-ins need it
    from argon2 import PasswordHasher

MIN_PASSWORD_LENGTH = 10
# An upper bound keeps a megabyte "password" from costing more than a normal one to hash.
MAX_PASSWORD_LENGTH = 256


class HashingBusy(RuntimeError):
    """Every password-hashing slot stayed taken for the configured wait: shed, do not queue."""

    retry_after = 1


class PasswordPolicyError(ValueError):
    """The password is too short or too long; the message is safe to show."""


def check_password_policy(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise PasswordPolicyError(f"Password must be at least {MIN_PASSWORD_LENGTH} characters")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise PasswordPolicyError(f"Password must be at most {MAX_PASSWORD_LENGTH} characters")


@lru_cache(maxsize=4)
def _hasher(time_cost: int, memory_kib: int, parallelism: int) -> PasswordHasher:
    from argon2 import PasswordHasher, Type

    return PasswordHasher(time_cost=time_cost, memory_cost=memory_kib, parallelism=parallelism, type=Type.ID)


def hasher(settings: Settings | None = None) -> PasswordHasher:
    """The argon2id hasher for the configured cost."""
    s = settings or get_settings()
    return _hasher(s.argon2_time_cost, s.argon2_memory_kib, s.argon2_parallelism)


def hash_password(password: str, settings: Settings | None = None) -> str:
    """An argon2id PHC string for `password` (which must satisfy the policy)."""
    check_password_policy(password)
    return hasher(settings).hash(password)


def verify_password(password: str, password_hash: str, settings: Settings | None = None) -> tuple[bool, bool]:
    """(ok, needs_rehash). A malformed or unusable stored hash never matches, but still costs a hash."""
    from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

    ph = hasher(settings)
    if len(password) > MAX_PASSWORD_LENGTH:
        dummy_verify(settings)
        return False, False
    try:
        ph.verify(password_hash, password)
    except VerifyMismatchError:
        return False, False
    except (InvalidHashError, VerificationError):
        # e.g. "!" for accounts that cannot log in with a password: same cost as a real check.
        dummy_verify(settings)
        return False, False
    return True, ph.check_needs_rehash(password_hash)


@lru_cache(maxsize=4)
def _dummy_hash(time_cost: int, memory_kib: int, parallelism: int) -> str:
    return _hasher(time_cost, memory_kib, parallelism).hash(secrets.token_urlsafe(24))


def dummy_verify(settings: Settings | None = None) -> None:
    """Spend the time of one real verify, so an unknown email answers as slowly as a known one."""
    from argon2.exceptions import VerificationError

    s = settings or get_settings()
    dummy = _dummy_hash(s.argon2_time_cost, s.argon2_memory_kib, s.argon2_parallelism)
    with contextlib.suppress(VerificationError):
        hasher(s).verify(dummy, "not-the-password")


_slots_lock = threading.Lock()
_slots: tuple[int, threading.BoundedSemaphore] | None = None


def _semaphore(size: int) -> threading.BoundedSemaphore:
    global _slots
    with _slots_lock:
        if _slots is None or _slots[0] != size:
            _slots = (size, threading.BoundedSemaphore(size))
        return _slots[1]


@contextlib.contextmanager
def hashing_slot(settings: Settings | None = None) -> Iterator[None]:
    """One of PASSWORD_HASH_CONCURRENCY slots for argon2 work (argon2id is CPU-bound by design):
    a burst of logins waits at most PASSWORD_HASH_WAIT_SECONDS for one, then HashingBusy (an API
    429 with Retry-After), so logins never take every thread and connection from the reads."""
    s = settings or get_settings()
    semaphore = _semaphore(s.password_hash_concurrency)
    if not semaphore.acquire(timeout=s.password_hash_wait_seconds):
        raise HashingBusy("too many password checks at once")
    try:
        yield
    finally:
        semaphore.release()
