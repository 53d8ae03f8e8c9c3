"""The simulator's mutable world: the scenario's objects, statuses, insights, tokens, report runs,
usage and faults. One lock guards it: the server thread and test code both touch it."""

from __future__ import annotations

import itertools
import json
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo

from simulator.budgets import ChangeLimiter
from simulator.faults import FaultRegistry
from simulator.generator import synthesize_day
from simulator.insights import AdContext, Group, InsightsQuery
from simulator.login_state import LoginRegistry
from simulator.scenario import (
    AdAccountSpec,
    AdSetSpec,
    AdSpec,
    CampaignSpec,
    CreativeSpec,
    FaultSpec,
    InsightDay,
    Scenario,
)
from simulator.usage import UsageTracker

NodeKind = Literal["campaign", "adset", "ad"]
STATUSES = ("ACTIVE", "PAUSED", "ARCHIVED", "DELETED")
# Effective statuses that follow from the configured statuses of the object and its parents;
# any other (DISAPPROVED, PENDING_REVIEW, WITH_ISSUES, ...) is Meta's own verdict and sticks.
_DERIVED = {"ACTIVE", "PAUSED", "ARCHIVED", "DELETED", "CAMPAIGN_PAUSED", "ADSET_PAUSED"}


@dataclass
class Entry:
    """Where a campaign, ad set or ad sits in the tree."""

    kind: NodeKind
    account: AdAccountSpec
    campaign: CampaignSpec
    adset: AdSetSpec | None = None
    ad: AdSpec | None = None
    verdict: str | None = None  # sticky review status (DISAPPROVED, ...)

    @property
    def node(self) -> CampaignSpec | AdSetSpec | AdSpec:
        return self.ad or self.adset or self.campaign


@dataclass
class ReportRun:
    id: str
    account: AdAccountSpec
    query: InsightsQuery
    created_at: datetime
    outcome: str = "Job Completed"
    polls: int = 0
    finished_at: datetime | None = None
    groups: list[Group] | None = None


@dataclass
class CallLog:
    total: int = 0
    by_path: Counter[str] = field(default_factory=Counter)
    last_params: dict[str, dict[str, str]] = field(default_factory=dict)  # path -> last call's params


def utc_now() -> datetime:
    return datetime.now(UTC)


class SimulatorState:
    """All mutable simulator state; every public method takes the lock."""

    def __init__(self, scenario: Scenario, *, now: Callable[[], datetime] = utc_now,
                 state_file: Path | None = None) -> None:
        """`state_file`: where object writes (status, name, budget) are kept, so a restarted
        simulator still shows a pause it answered before (`make dev` keeps it under .pixecom/)."""
        self.scenario = scenario
        self.settings = scenario.settings
        self._now = now
        self.state_file = state_file
        self.lock = threading.RLock()
        self.usage = UsageTracker(self.settings.usage, lambda: self.now().timestamp())
        self.reset(keep_saved=True)
        self._load_saved()

    # -- lifecycle ------------------------------------------------------------------------------
    def reset(self, *, keep_saved: bool = False) -> None:
        """Back to the scenario as loaded: statuses, insights, faults, tokens, usage, calls (and
        the state file's object writes are forgotten too, unless `keep_saved`)."""
        with self.lock:
            self._saved: dict[str, dict[str, Any]] = {}
            if not keep_saved and self.state_file is not None:
                self.state_file.unlink(missing_ok=True)
            self.clock_offset = timedelta()
            self.loaded_at = self.now().replace(microsecond=0)
            self.accounts: dict[str, AdAccountSpec] = {}
            self.entries: dict[str, Entry] = {}
            self.creatives: dict[str, CreativeSpec] = {}  # creative id -> its spec (any account)
            self._explicit: dict[tuple[str, date], InsightDay] = {}
            self._overrides: dict[tuple[str, date], InsightDay | None] = {}
            self._synth: dict[tuple[str, date], InsightDay | None] = {}
            # account id -> day -> numbers only its account-level rows carry (inject_discrepancy)
            self.discrepancies: dict[str, dict[date, InsightDay]] = {}
            for account in self.scenario.model_copy(deep=True).ad_accounts:
                self._index_account(account)
            self.expired_tokens = set(self.settings.expired_tokens)
            self.faults = FaultRegistry(list(self.scenario.faults), self.settings.fault_seed, self.now)
            self.report_runs: dict[str, ReportRun] = {}
            self._run_ids = itertools.count(6_023_000_000_001)
            self.calls = CallLog()
            self.usage.reset()
            self.budget_limits = ChangeLimiter()
            login = self.scenario.login
            self.login = LoginRegistry(login.model_copy(deep=True), self.now) if login is not None else None

    def _index_account(self, account: AdAccountSpec) -> None:
        self.accounts[account.id] = account
        self.creatives.update((c.id, c) for c in account.creatives)
        for campaign in account.campaigns:
            self.entries[campaign.id] = Entry("campaign", account, campaign)
            for adset in campaign.adsets:
                self.entries[adset.id] = Entry("adset", account, campaign, adset)
                for ad in adset.ads:
                    entry = Entry("ad", account, campaign, adset, ad)
                    self.entries[ad.id] = entry
                    for day in ad.insights:
                        self._explicit[(ad.id, day.date)] = day
        for entry in self.entries.values():
            effective = entry.node.effective_status
            if effective and effective not in _DERIVED:
                entry.verdict = effective
            if not effective:
                entry.node.effective_status = self._derive_effective(entry)

    # -- time -----------------------------------------------------------------------------------
    def now(self) -> datetime:
        return self._now() + self.clock_offset

    def advance(self, seconds: float) -> None:
        with self.lock:
            self.clock_offset += timedelta(seconds=seconds)

    def today(self, account: AdAccountSpec) -> date:
        return self.now().astimezone(ZoneInfo(account.timezone_name)).date()

    # -- tokens ---------------------------------------------------------------------------------
    def accounts_of_token(self, token: str) -> set[str] | None:
        """Account ids the token may read; None for a token nobody issued."""
        granted = {a.id for a in self.accounts.values() if a.access_token == token}
        for extra_token, ids in self.settings.extra_tokens.items():
            if extra_token == token:
                granted.update(i if i.startswith("act_") else f"act_{i}" for i in ids)
        known = granted or token in self.settings.extra_tokens or token in self.expired_tokens
        return granted if known else None

    def expire_token(self, token: str) -> None:
        with self.lock:
            self.expired_tokens.add(token)

    # -- objects and statuses -------------------------------------------------------------------
    def account_of(self, object_id: str) -> AdAccountSpec | None:
        if object_id in self.accounts:
            return self.accounts[object_id]
        entry = self.entries.get(object_id)
        if entry is not None:
            return entry.account
        run = self.report_runs.get(object_id)
        return run.account if run is not None else None

    def children(self, parent_id: str, kind: NodeKind) -> Iterator[Entry]:
        """Campaigns, ad sets or ads under an account, campaign or ad set, in scenario order."""
        for entry in self.entries.values():
            if entry.kind == kind and parent_id in (entry.account.id, entry.campaign.id,
                                                    entry.adset.id if entry.adset else None):
                yield entry

    def effective_status(self, object_id: str) -> str:
        node = self.entries[object_id].node
        return node.effective_status or node.status

    def _derive_effective(self, entry: Entry) -> str:
        status = entry.node.status
        if status != "ACTIVE":
            return status
        if entry.verdict:  # a review verdict shows through paused parents
            return entry.verdict
        if entry.kind != "campaign" and entry.campaign.status != "ACTIVE":
            return "CAMPAIGN_PAUSED"
        if entry.kind == "ad" and entry.adset is not None and entry.adset.status != "ACTIVE":
            return "ADSET_PAUSED"
        return "ACTIVE"

    def set_status(self, object_id: str, status: str) -> None:
        """Change a configured status; effective statuses below it follow, as on Meta."""
        self.update_object(object_id, status=status)

    def update_object(self, object_id: str, *, status: str | None = None, name: str | None = None,
                      budgets: dict[str, str] | None = None) -> None:
        """A write to a campaign, ad set or ad (kept in the state file when there is one);
        `budgets`: daily_budget / lifetime_budget, already checked (simulator.budgets)."""
        with self.lock:
            changes: dict[str, Any] = {k: v for k, v in (("status", status), ("name", name)) if v is not None}
            changes.update(budgets or {})
            changes["updated_time"] = self.now().replace(microsecond=0).isoformat()
            self._apply_write(object_id, changes)
            self._saved.setdefault(object_id, {}).update(changes)
            self._write_saved()

    def _apply_write(self, object_id: str, changes: dict[str, Any]) -> None:
        entry = self.entries[object_id]
        node = entry.node
        if "name" in changes:
            node.name = changes["name"]
        for budget in ("daily_budget", "lifetime_budget"):
            if budget in changes and hasattr(node, budget):
                setattr(node, budget, changes[budget])
        node.updated_time = datetime.fromisoformat(changes["updated_time"])
        if "status" in changes:
            node.status = changes["status"]
            below = [e for e in self.entries.values()
                     if e is not entry and object_id in (e.campaign.id, e.adset.id if e.adset else None)]
            for item in [entry, *below]:
                item.node.effective_status = self._derive_effective(item)

    def _write_saved(self) -> None:
        if self.state_file is None:
            return
        self.state_file.parent.mkdir(parents=True, exist_ok=True)
        partial = self.state_file.with_suffix(".tmp")
        partial.write_text(json.dumps({"objects": self._saved}, indent=1, sort_keys=True), encoding="utf-8")
        partial.replace(self.state_file)

    def _load_saved(self) -> None:
        """Replay the state file's writes onto the scenario (ids it no longer has are dropped)."""
        if self.state_file is None or not self.state_file.exists():
            return
        try:
            saved = json.loads(self.state_file.read_text(encoding="utf-8")).get("objects", {})
        except (OSError, ValueError, AttributeError):
            return  # an unreadable file: start from the scenario
        with self.lock:
            for object_id, changes in saved.items():
                if object_id in self.entries and isinstance(changes, dict) and "updated_time" in changes:
                    self._apply_write(object_id, changes)
                    self._saved[object_id] = dict(changes)

    def status_of(self, object_id: str) -> str:
        with self.lock:
            return self.entries[object_id].node.status

    def spent_by_node(self, parent_id: str) -> dict[str, Decimal]:
        """What the campaigns and ad sets under `parent_id` (or it itself) spent against their
        budget: today (account timezone) for a daily budget, since creation for a lifetime one."""
        spent: dict[str, Decimal] = {}
        for entry in self.children(parent_id, "ad"):
            assert entry.adset is not None
            today = self.today(entry.account)
            for node in (entry.campaign, entry.adset):
                if node.lifetime_budget:
                    start = (node.created_time or self.loaded_at - timedelta(days=30)).date()
                    days = [start + timedelta(days=n) for n in range((today - start).days + 1)]
                elif node.daily_budget:
                    days = [today]
                else:
                    continue
                for day in days:
                    numbers = self.insight_for(entry.node.id, day)
                    if numbers is not None:
                        spent[node.id] = spent.get(node.id, Decimal(0)) + numbers.spend
        return spent

    # -- insights -------------------------------------------------------------------------------
    def ad_contexts(self, account_id: str) -> list[AdContext]:
        return [AdContext(e.account, e.campaign, e.adset, e.ad) for e in self.children(account_id, "ad")
                if e.adset is not None and e.ad is not None]

    def insight_for(self, ad_id: str, day: date) -> InsightDay | None:
        key = (ad_id, day)
        if key in self._overrides:
            return self._overrides[key]
        if key in self._explicit:
            return self._explicit[key]
        if key not in self._synth:
            ad = self.entries[ad_id].ad
            profile = ad.profile if ad is not None else None
            self._synth[key] = synthesize_day(profile, ad_id, day) if profile is not None else None
        return self._synth[key]

    def set_insight(self, ad_id: str, day: date, *, replace: bool = False, **fields: Any) -> InsightDay:
        """Set an ad's numbers for a day; without `replace` the given fields (and actions) merge
        into what the day already had."""
        with self.lock:
            if ad_id not in self.entries or self.entries[ad_id].kind != "ad":
                raise KeyError(f"no ad {ad_id}")
            current = None if replace else self.insight_for(ad_id, day)
            base: dict[str, Any] = current.model_dump() if current is not None else {"date": day}
            for key in ("actions", "action_values"):
                if key in fields:
                    fields[key] = {**base.get(key, {}), **fields[key]}
            updated = InsightDay.model_validate({**base, **fields, "date": day})
            self._overrides[(ad_id, day)] = updated
            return updated

    def inject_discrepancy(self, account_id: str, day: date, **fields: Any) -> InsightDay:
        """Make the account's level=account rows for `day` carry these numbers on top of the sum
        of its ads (InsightDay fields): a Meta total that our ad rows cannot reproduce."""
        with self.lock:
            account_id = account_id if account_id.startswith("act_") else f"act_{account_id}"
            if account_id not in self.accounts:
                raise KeyError(f"no ad account {account_id}")
            extra = InsightDay.model_validate({**fields, "date": day})
            self.discrepancies.setdefault(account_id, {})[day] = extra
            return extra

    def remove_insight(self, ad_id: str, day: date) -> None:
        with self.lock:
            self._overrides[(ad_id, day)] = None

    # -- report runs ----------------------------------------------------------------------------
    def create_report_run(self, account: AdAccountSpec, query: InsightsQuery, outcome: str) -> ReportRun:
        with self.lock:
            run = ReportRun(str(next(self._run_ids)), account, query, self.now(), outcome)
            self.report_runs[run.id] = run
            return run

    def poll(self, run: ReportRun) -> tuple[str, int]:
        """Advance a run by one poll: (async_status, async_percent_completion)."""
        with self.lock:
            run.polls += 1
            status, pct = self.progress(run)
            if status not in ("Job Running", "Job Not Started") and run.finished_at is None:
                run.finished_at = self.now()
            return status, pct

    def progress(self, run: ReportRun) -> tuple[str, int]:
        seconds = self.settings.report_seconds_to_complete
        if seconds is not None:
            fraction = (self.now() - run.created_at).total_seconds() / seconds if seconds > 0 else 1.0
        else:
            needed = self.settings.report_polls_to_complete
            fraction = 1.0 if run.polls >= needed else (run.polls - 1) / max(needed - 1, 1)
        if fraction >= 1:
            return run.outcome, 100 if run.outcome == "Job Completed" else 0
        if fraction <= 0:
            return "Job Not Started", 0
        return "Job Running", min(99, int(fraction * 100))

    # -- faults and calls -----------------------------------------------------------------------
    def inject_fault(self, spec: FaultSpec) -> None:
        with self.lock:
            self.faults.add(spec)

    def clear_faults(self) -> None:
        with self.lock:
            self.faults.clear()

    def record_call(self, path: str, *, batch_item: bool = False, params: dict[str, str] | None = None
                    ) -> None:
        with self.lock:
            self.calls.total += 0 if batch_item else 1
            self.calls.by_path[path] += 1
            if params is not None:
                self.calls.last_params[path] = {k: v for k, v in params.items()
                                                if k not in ("access_token", "appsecret_proof")}
