"""The scenario file: what the simulator serves. Other tools write this format, keep it stable.

The documented keys (issue 4) are required exactly as shown there; every other key is optional:
`profile` on an ad (lazily synthesised insights), `settings`, `faults`, budgets, issues, times.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from simulator.login_spec import LoginSpec


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class InsightDay(_Model):
    """One ad's delivery on one date (in the ad account's timezone). Counts, not aliases."""

    date: date
    spend: Decimal = Decimal(0)
    impressions: int = 0
    reach: int | None = None
    clicks: int = 0
    inline_link_clicks: int = 0
    # Funnel events named once (`purchase`, `view_content`, ...); the simulator renders all aliases.
    actions: dict[str, int] = Field(default_factory=dict)
    action_values: dict[str, Decimal] = Field(default_factory=dict)
    # Video fields Meta reports as lists (`video_p25_watched_actions`, ...) -> count; and
    # `video_watch_seconds`, the seconds watched, from which `video_avg_time_watched_actions` is
    # rendered. 3-second plays are the `video_view` action.
    video: dict[str, int] = Field(default_factory=dict)

    def is_empty(self) -> bool:
        """Meta returns no row for a day without delivery."""
        return not (self.spend or self.impressions or self.clicks or any(self.actions.values()))


class VideoProfile(_Model):
    """How people watch a video ad: each step a share of the one before (generator output)."""

    hook: float  # 3-second plays / impressions
    started: float  # plays started / impressions (>= hook: some stop before 3 seconds)
    p25: float  # of the 3-second plays
    p50: float  # of the p25 plays, and so on down the funnel
    p75: float
    p95: float
    p100: float
    thruplay: float  # share of the 3-second plays reaching 15 s (or the end): between p100 and 1
    thirty: float  # 30-second plays, as a share of the ThruPlays
    seconds: float  # mean seconds watched per play started


class DeliveryProfile(_Model):
    """Rates from which the simulator synthesises an ad's daily insights (generator output)."""

    start: date
    end: date | None = None
    seed: int = 0
    daily_spend: Decimal
    cpm: Decimal
    ctr: float
    link_ratio: float
    view_content_rate: float
    add_to_cart_rate: float
    initiate_checkout_rate: float
    purchase_rate: float
    aov: Decimal
    money_decimals: int = 2
    video: VideoProfile | None = None  # a video creative: its plays are synthesised too


class CreativeSpec(_Model):
    """An ad creative (`/act_{id}/adcreatives`, the ads' `creative{...}` expansion). Several
    ads may use one creative (one post), and several creatives one video, image or text."""

    id: str
    name: str
    object_type: str = "SHARE"  # SHARE (link ad: image or carousel) | VIDEO | ...
    image_hash: str | None = None
    video_id: str | None = None
    thumbnail_id: str | None = None  # which thumbnail image: a video may have several
    title: str | None = None
    body: str | None = None
    call_to_action_type: str | None = "SHOP_NOW"
    link_url: str | None = None
    page_id: str = "100000000000001"
    story_id: str | None = None  # effective_object_story_id, "{page_id}_{post_id}"
    carousel: list[str] = Field(default_factory=list)  # image hashes of the cards
    asset_feed_spec: dict[str, Any] | None = None  # a dynamic (flexible) creative's assets


class AdSpec(_Model):
    id: str
    name: str
    status: str = "ACTIVE"
    effective_status: str | None = None
    link_url: str | None = None
    creative_id: str | None = None
    issues_info: list[dict[str, Any]] | None = None
    created_time: datetime | None = None
    updated_time: datetime | None = None
    insights: list[InsightDay] = Field(default_factory=list)
    profile: DeliveryProfile | None = None


class AdSetSpec(_Model):
    id: str
    name: str
    status: str = "ACTIVE"
    effective_status: str | None = None
    optimization_goal: str | None = None
    promoted_object: dict[str, Any] | None = None
    learning_stage: str | None = None  # LEARNING | SUCCESS | FAIL -> learning_stage_info.status
    # Meta's [{event_type, window_days}]; absent means Meta's default, 7-day click or 1-day view.
    attribution_spec: list[dict[str, Any]] | None = None
    billing_event: str | None = "IMPRESSIONS"
    # Budgets and bid amounts in Meta's offset units (cents; whole units for JPY, VND, ...).
    daily_budget: str | None = None
    lifetime_budget: str | None = None
    bid_strategy: str | None = None  # None: the campaign's (or LOWEST_COST_WITHOUT_CAP)
    bid_amount: str | None = None  # LOWEST_COST_WITH_BID_CAP / COST_CAP
    roas_average_floor: int | None = None  # LOWEST_COST_WITH_MIN_ROAS: ROAS x 10,000
    issues_info: list[dict[str, Any]] | None = None
    created_time: datetime | None = None  # also its start_time
    updated_time: datetime | None = None
    end_time: datetime | None = None  # the schedule's end (a lifetime budget's days)
    ads: list[AdSpec] = Field(default_factory=list)


    def attribution(self) -> list[dict[str, Any]]:
        """The ad set's attribution_spec as Meta answers it (every ad set has one)."""
        return [dict(item) for item in self.attribution_spec] if self.attribution_spec else [
            dict(item) for item in DEFAULT_ATTRIBUTION_SPEC]


DEFAULT_ATTRIBUTION_SPEC: tuple[dict[str, Any], ...] = (
    {"event_type": "CLICK_THROUGH", "window_days": 7},
    {"event_type": "VIEW_THROUGH", "window_days": 1},
)


class CampaignSpec(_Model):
    id: str
    name: str
    status: str = "ACTIVE"
    effective_status: str | None = None
    objective: str | None = "OUTCOME_SALES"
    daily_budget: str | None = None  # set: an Advantage campaign budget (its ad sets have none)
    lifetime_budget: str | None = None
    spend_cap: str | None = None
    bid_strategy: str = "LOWEST_COST_WITHOUT_CAP"
    advantage_state: str | None = None  # advantage_plus_sales, ...
    issues_info: list[dict[str, Any]] | None = None
    created_time: datetime | None = None  # also its start_time
    updated_time: datetime | None = None
    stop_time: datetime | None = None  # the schedule's end (a campaign budget's days)
    adsets: list[AdSetSpec] = Field(default_factory=list)


class AdAccountSpec(_Model):
    id: str
    name: str
    currency: str = "USD"
    timezone_name: str = "America/Los_Angeles"
    account_status: int = 1
    access_token: str | None = None
    disable_reason: int = 0
    amount_spent: str = "0"
    # GET /act_{id}/minimum_budgets (offset units); None: Meta's usual minimums for the currency.
    minimum_budgets: dict[str, int] | None = None
    creatives: list[CreativeSpec] = Field(default_factory=list)
    campaigns: list[CampaignSpec] = Field(default_factory=list)

    @field_validator("id")
    @classmethod
    def _act_prefix(cls, value: str) -> str:
        return value if value.startswith("act_") else f"act_{value}"

    @property
    def account_id(self) -> str:
        return self.id.removeprefix("act_")


class FaultSpec(_Model):
    """A fault fired on calls whose path (without the version) matches `path` (fnmatch pattern).

    Scope: `path`, `method`, `account_id` (calls on that ad account or any object under it).
    Trigger: `every_nth`, `probability` (seeded RNG) or, with neither, every matching call;
    `times` bounds how often it fires in total, `for_seconds` how long (simulator clock) after it
    was added. Effect: a Graph error (`code`), `latency_ms`, a `malformed` body, a `null` batch
    item (`batch_null`), a report run ending in `async_status`, or a failure below the Graph
    envelope: `bare_status` (a proxy's answer: 5xx with an HTML page, 429 with an empty body and
    `retry_after`) or `connection` (the HTTP exchange itself breaks, see simulator/connections.py).
    """

    path: str = "*"
    method: Literal["GET", "POST", "DELETE"] | None = None
    account_id: str | None = None  # "act_1001" or "1001": calls on the account or its objects
    object_id: str | None = None  # shorthand: reject status updates of this id (path /{id}, POST)
    code: int | None = None
    subcode: int | None = None
    http_status: int | None = None
    message: str | None = None
    is_transient: bool | None = None
    every_nth: int | None = Field(default=None, ge=1)
    probability: float | None = Field(default=None, ge=0, le=1)
    times: int | None = Field(default=None, ge=0)
    latency_ms: int = Field(default=0, ge=0)
    malformed: bool = False
    batch_null: bool = False
    async_status: Literal["Job Failed", "Job Skipped"] | None = None
    for_seconds: float | None = Field(default=None, gt=0)
    # refuse: dropped (RST) before any byte of the answer; reset: status, headers and part of the
    # body, then RST; truncate: a Content-Length larger than the bytes sent, then a clean close.
    connection: Literal["refuse", "reset", "truncate"] | None = None
    cut_after_bytes: int | None = Field(default=None, ge=0)  # reset/truncate (default: half the body)
    bare_status: int | None = Field(default=None, ge=400, le=599)  # no Graph envelope (a proxy answers)
    retry_after: int | None = Field(default=None, ge=0)  # Retry-After seconds on a bare_status answer


class UsageSettings(_Model):
    """Meta's score model: reads cost 1 point, writes 3; the score decays over `decay_seconds`."""

    max_score: float = 2000
    decay_seconds: float = 300
    block_seconds: float = 60
    app_max_score: float = 20000
    access_tier: str = "standard_access"
    throttle_code: int | None = None  # None: 80000 (insights) / 80004 (management); e.g. 17, 613


class SimulatorSettings(_Model):
    default_page_size: int = 25
    max_page_size: int = 5000
    sync_insights_max_ad_days: int = 10_000  # above: "Please reduce the amount of data"
    report_polls_to_complete: int = Field(default=3, ge=1)
    report_seconds_to_complete: float | None = None
    app_secret: str | None = None  # when set, appsecret_proof is required and checked
    expired_tokens: list[str] = Field(default_factory=list)
    extra_tokens: dict[str, list[str]] = Field(default_factory=dict)  # token -> account ids
    dead_versions: list[str] = Field(default_factory=list)  # answered with error 2635
    fault_seed: int = 0
    usage: UsageSettings = Field(default_factory=UsageSettings)


class Scenario(_Model):
    ad_accounts: list[AdAccountSpec]
    faults: list[FaultSpec] = Field(default_factory=list)
    settings: SimulatorSettings = Field(default_factory=SimulatorSettings)
    login: LoginSpec | None = None  # Facebook Login: apps, users, token lifetimes, dialog knobs

    def to_json(self, *, indent: int | None = 2) -> str:
        return self.model_dump_json(indent=indent, exclude_none=True)


def load_scenario(path: str | Path) -> Scenario:
    """Read and validate a scenario JSON file."""
    return parse_scenario(json.loads(Path(path).read_text(encoding="utf-8")))


def parse_scenario(raw: dict[str, Any] | str) -> Scenario:
    """Validate a scenario given as a dict or a JSON string."""
    if isinstance(raw, str):
        return Scenario.model_validate_json(raw)
    return Scenario.model_validate(raw)
