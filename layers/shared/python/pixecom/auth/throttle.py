"""Login throttling, kept in Postgres (`login_attempts`) so it holds across Lambda instances.

The rule:
- Per email: at most 5 failed logins in a sliding 15-minute window. A successful login for that
  email resets its count (only failures after the last success are counted), so the real owner
  signing in clears an attack's count.
- Per client address: at most 20 failed logins in the window, whatever the emails. A success does
  NOT reset it, or an attacker could clear it by signing in to their own account between guesses.
- The next attempt beyond a limit is refused with 429 *without checking the password* (so a
  throttled attacker learns nothing), with Retry-After = seconds until the oldest counted failure
  leaves the window.
- Logins for one existing user are serialised by service.login (the user row is locked
  `FOR UPDATE SKIP LOCKED`): a parallel burst cannot all pass this check before any failure is
  written; the requests that find the row locked get 429 at once instead of queueing.

The client address is the TCP peer as the ASGI server reports it: API Gateway's
`requestContext.http.sourceIp` under Mangum, the socket peer under uvicorn. X-Forwarded-For is
never read here: a client can write anything into it.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, delete, func, select
from sqlalchemy.orm import Session

from pixecom.db.models import LoginAttempt

WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_EMAIL = 5
MAX_FAILURES_PER_ADDRESS = 20
MAX_ADDRESS_LENGTH = 64  # the column's size; longer values are cut, never rejected


class LoginThrottled(Exception):
    """Too many failed logins; retry after `retry_after` seconds."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"Too many failed logins; retry after {retry_after} s")
        self.retry_after = retry_after


def check_login_allowed(session: Session, email: str, client_ip: str, *, now: datetime) -> None:
    """Raise LoginThrottled if this email or this address is over its limit."""
    since_success = _last_success(session, email)
    email_since = max(now - WINDOW, since_success) if since_success else now - WINDOW
    waits = [
        _wait(session, LoginAttempt.email == email, email_since, now, MAX_FAILURES_PER_EMAIL),
        _wait(
            session,
            LoginAttempt.client_ip == _address(client_ip),
            now - WINDOW,
            now,
            MAX_FAILURES_PER_ADDRESS,
        ),
    ]
    longest = max(w or 0 for w in waits)
    if longest:
        raise LoginThrottled(retry_after=longest)


def record_login_attempt(
    session: Session, email: str, client_ip: str, *, succeeded: bool, now: datetime
) -> None:
    session.add(
        LoginAttempt(email=email, client_ip=_address(client_ip), succeeded=succeeded, attempted_at=now)
    )
    session.flush()


def purge_old_attempts(session: Session, *, now: datetime, keep: timedelta = timedelta(days=30)) -> int:
    """Delete attempts older than `keep` (housekeeping; nothing reads them after the window)."""
    result = session.execute(delete(LoginAttempt).where(LoginAttempt.attempted_at < now - keep))
    return int(getattr(result, "rowcount", 0) or 0)


def _last_success(session: Session, email: str) -> datetime | None:
    return session.execute(
        select(func.max(LoginAttempt.attempted_at)).where(
            LoginAttempt.email == email, LoginAttempt.succeeded.is_(True)
        )
    ).scalar()


def _wait(
    session: Session, who: ColumnElement[bool], since: datetime, now: datetime, limit: int
) -> int | None:
    """Seconds until fewer than `limit` failures remain in the window; None if already fewer."""
    counted = (
        who,
        LoginAttempt.succeeded.is_(False),
        LoginAttempt.attempted_at > since,
        LoginAttempt.attempted_at <= now,
    )
    failures = session.execute(select(func.count()).where(*counted)).scalar_one()
    if failures < limit:
        return None
    # Once the (failures - limit + 1) oldest have left the window, the count is below the limit.
    leaves_last = session.execute(
        select(LoginAttempt.attempted_at)
        .where(*counted)
        .order_by(LoginAttempt.attempted_at)
        .offset(failures - limit)
        .limit(1)
    ).scalar_one()
    return _seconds_until_out(leaves_last, now)


def _seconds_until_out(oldest: datetime, now: datetime) -> int:
    return max(1, math.ceil((oldest + WINDOW - now).total_seconds()))


def _address(client_ip: str) -> str:
    return (client_ip or "unknown")[:MAX_ADDRESS_LENGTH]
