"""Per-account call budget behind the usage headers and real throttling.

Meta's score model, simplified: reads cost 1 point and writes 3; points count for
`decay_seconds`; an account whose score reaches `max_score` (100 %) is blocked for
`block_seconds` and then starts afresh. The app-wide usage is reported but never blocks.
"""

from __future__ import annotations

import json
import math
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from simulator.scenario import UsageSettings
from simulator.wire import SimError

_THROTTLE_MESSAGES = {
    4: "(#4) Application request limit reached",
    17: "(#17) User request limit reached",
    613: "(#613) Calls to this api have exceeded the rate limit.",
}
_THROTTLE_SUBCODES = {17: 2446079, 613: 1487742, 4: 1504022}


@dataclass
class _Budget:
    events: deque[tuple[float, float]] = field(default_factory=deque)  # (at, points)
    blocked_until: float | None = None


class UsageTracker:
    """Scores per ad account (numeric id) against a clock in epoch seconds."""

    def __init__(self, settings: UsageSettings, clock: Callable[[], float]) -> None:
        self.settings = settings
        self._clock = clock
        self._accounts: dict[str, _Budget] = {}
        self._app = _Budget()

    def _budget(self, account_id: str) -> _Budget:
        return self._accounts.setdefault(account_id, _Budget())

    def _expire(self, budget: _Budget, now: float) -> None:
        if budget.blocked_until is not None and budget.blocked_until <= now:
            budget.blocked_until = None
            budget.events.clear()
        while budget.events and budget.events[0][0] <= now - self.settings.decay_seconds:
            budget.events.popleft()

    def _score(self, budget: _Budget) -> float:
        self._expire(budget, self._clock())
        return sum(points for _, points in budget.events)

    def pct(self, account_id: str) -> float:
        budget = self._budget(account_id)
        if budget.blocked_until is not None and budget.blocked_until > self._clock():
            return max(100.0, self._score(budget) * 100 / self.settings.max_score)
        return self._score(budget) * 100 / self.settings.max_score

    def app_pct(self) -> float:
        return self._score(self._app) * 100 / self.settings.app_max_score

    def regain_seconds(self, account_id: str) -> float:
        budget = self._budget(account_id)
        now = self._clock()
        self._expire(budget, now)
        return max(0.0, (budget.blocked_until or now) - now)

    def check(self, account_id: str, *, insights: bool) -> None:
        """Raise the throttling error while the account is blocked."""
        if self.regain_seconds(account_id) > 0:
            raise self._throttle_error(account_id, insights=insights)

    def charge(self, account_id: str | None, points: float) -> None:
        now = self._clock()
        self._app.events.append((now, points))
        if account_id is None:
            return
        budget = self._budget(account_id)
        self._expire(budget, now)
        budget.events.append((now, points))
        if self._score(budget) >= self.settings.max_score:
            budget.blocked_until = now + self.settings.block_seconds

    def set_pct(self, account_id: str, pct: float) -> None:
        """Force an account's usage (test set-up); 100 or more blocks it."""
        now = self._clock()
        budget = self._budget(account_id)
        budget.events = deque([(now, self.settings.max_score * pct / 100)]) if pct > 0 else deque()
        budget.blocked_until = now + self.settings.block_seconds if pct >= 100 else None

    def reset(self) -> None:
        self._accounts.clear()
        self._app = _Budget()

    def headers(self, account_id: str | None, *, insights: bool) -> dict[str, str]:
        """The usage headers Meta sends; the per-account ones only for account-scoped calls."""
        app = round(self.app_pct())
        out = {"x-app-usage": _dumps({"call_count": app, "total_cputime": app // 2, "total_time": app})}
        if account_id is None:
            return out
        pct = self.pct(account_id)
        regain_minutes = math.ceil(self.regain_seconds(account_id) / 60)
        tier = self.settings.access_tier
        out["x-ad-account-usage"] = _dumps(
            {
                "acc_id_util_pct": round(pct, 2),
                "reset_time_duration": self._reset_seconds(account_id),
                "ads_api_access_tier": tier,
            }
        )
        buc = {
            "type": "ads_insights" if insights else "ads_management",
            "call_count": round(pct),
            "total_cputime": round(pct / 2),
            "total_time": round(pct),
            "estimated_time_to_regain_access": regain_minutes,
            "ads_api_access_tier": tier,
        }
        out["x-business-use-case-usage"] = _dumps({account_id: [buc]})
        if insights:
            out["x-fb-ads-insights-throttle"] = _dumps(
                {
                    "app_id_util_pct": round(self.app_pct(), 2),
                    "acc_id_util_pct": round(pct, 2),
                    "ads_api_access_tier": tier,
                }
            )
        return out

    def _reset_seconds(self, account_id: str) -> int:
        budget = self._budget(account_id)
        now = self._clock()
        if budget.blocked_until is not None and budget.blocked_until > now:
            return math.ceil(budget.blocked_until - now)
        if not budget.events:
            return 0
        return math.ceil(budget.events[-1][0] + self.settings.decay_seconds - now)

    def _throttle_error(self, account_id: str, *, insights: bool) -> SimError:
        code = self.settings.throttle_code or (80000 if insights else 80004)
        message = _THROTTLE_MESSAGES.get(
            code,
            (
                f"(#{code}) There have been too many calls from this ad-account. Wait a bit and try again. "
                "For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting."
            ),
        )
        return SimError(
            code,
            message,
            subcode=_THROTTLE_SUBCODES.get(code, 2446079),
            http_status=400,
            headers=self.headers(account_id, insights=insights),
        )


def _dumps(value: object) -> str:
    return json.dumps(value, separators=(",", ":"))
