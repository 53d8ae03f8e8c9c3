"""GraphClient: the Graph API reads and writes this codebase uses (ad account, campaigns, ad sets,
ads, daily insights, status changes), on top of the transport in meta/transport.py (retries,
throttling, paging). Answers become typed rows through meta/normalize.py.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from pixecom.clock import Clock, utc_now
from pixecom.meta.app_secret import app_secret as resolve_app_secret
from pixecom.meta.backoff import BACKOFF_BASE_SECONDS
from pixecom.meta.batch import apply_writes
from pixecom.meta.errors import InvalidRequest
from pixecom.meta.insights import InsightsPolicy, read_daily_insights
from pixecom.meta.models import AdAccountInfo, AdNode, AdSetNode, CampaignNode, InsightRow, StatusResult
from pixecom.meta.normalize import (
    account_from_graph,
    ad_from_graph,
    adset_from_graph,
    campaign_from_graph,
    insight_row_from_graph,
    to_int,
)
from pixecom.meta.params import act_id, bare_id
from pixecom.meta.transport import GraphTransport
from pixecom.settings import DEFAULT_GRAPH_VERSION, Settings

if TYPE_CHECKING:
    import httpx

ACCOUNT_FIELDS = "id,account_id,name,currency,timezone_name,timezone_offset_hours_utc,account_status"
_STATUS = "id,name,status,configured_status,effective_status,updated_time"
_BUDGETS = "daily_budget,lifetime_budget,budget_remaining,bid_strategy"
CAMPAIGN_FIELDS = f"{_STATUS},objective,{_BUDGETS},spend_cap,advantage_state_info,start_time,stop_time"
ADSET_FIELDS = (
    f"{_STATUS},campaign_id,{_BUDGETS},bid_amount,bid_constraints,optimization_goal,promoted_object,"
    "learning_stage_info,attribution_spec,start_time,end_time"
)
MINIMUM_BUDGET_FIELDS = (
    "min_daily_budget_imp",
    "min_daily_budget_high_freq",
    "min_daily_budget_low_freq",
    "min_daily_budget_video_views",
)
CREATIVE_FIELDS = (
    "id,name,object_type,thumbnail_url,image_hash,video_id,title,body,call_to_action_type,link_url,"
    "object_story_spec,asset_feed_spec,effective_object_story_id"
)
AD_FIELDS = f"{_STATUS},adset_id,campaign_id,issues_info,creative{{{CREATIVE_FIELDS}}}"


class GraphClient(GraphTransport):
    """The Graph reads and writes for one access token. Not thread-safe; one per worker invocation."""

    def __init__(
        self,
        access_token: str,
        *,
        base_url: str = "https://graph.facebook.com",
        version: str = DEFAULT_GRAPH_VERSION,
        app_secret: str | None = None,
        page_size: int = 500,
        timeout: float = 30.0,
        max_retries: int = 4,
        backoff_base: float = BACKOFF_BASE_SECONDS,
        sleep: Callable[[float], None] = time.sleep,
        clock: Clock = utc_now,
        transport: httpx.BaseTransport | None = None,
        insights_policy: InsightsPolicy | None = None,
        rng: random.Random | None = None,
    ) -> None:
        super().__init__(
            access_token,
            base_url=base_url,
            version=version,
            app_secret=app_secret,
            page_size=page_size,
            timeout=timeout,
            max_retries=max_retries,
            backoff_base=backoff_base,
            sleep=sleep,
            clock=clock,
            transport=transport,
            rng=rng,
        )
        self.insights_policy = insights_policy or InsightsPolicy()
        self._ad_counts: dict[str, int] = {}

    @classmethod
    def from_settings(cls, access_token: str, settings: Settings, **overrides: Any) -> GraphClient:
        """A client configured from settings (base URL, version, app secret, page size)."""
        options: dict[str, Any] = {
            "base_url": settings.graph_base_url,
            "version": settings.graph_version,
            "app_secret": resolve_app_secret(settings),
            "page_size": settings.graph_page_size,
            "max_retries": settings.graph_max_retries,
            "backoff_base": settings.graph_backoff_base_seconds,
            "insights_policy": InsightsPolicy(poll_timeout=settings.graph_report_timeout_seconds),
        }
        options.update(overrides)
        return cls(access_token, **options)

    # ---- reads --------------------------------------------------------------------------------

    def get_ad_account(self, account_id: str) -> AdAccountInfo:
        """The ad account node ("act_123" or "123")."""
        self.ensure_not_throttled(account_id)
        raw = self.request(
            "GET", act_id(account_id), params={"fields": ACCOUNT_FIELDS}, account_id=account_id
        )
        return account_from_graph(raw)

    def get_campaigns(
        self, account_id: str, *, effective_status: Sequence[str] | None = None
    ) -> list[CampaignNode]:
        """Every campaign of the account (Meta's default status filter unless one is given)."""
        return [
            campaign_from_graph(raw)
            for raw in self._edge(account_id, "campaigns", CAMPAIGN_FIELDS, effective_status)
        ]

    def get_adsets(
        self, account_id: str, *, effective_status: Sequence[str] | None = None
    ) -> list[AdSetNode]:
        """Every ad set of the account, with optimization goal and learning stage."""
        return [
            adset_from_graph(raw) for raw in self._edge(account_id, "adsets", ADSET_FIELDS, effective_status)
        ]

    def get_ads(self, account_id: str, *, effective_status: Sequence[str] | None = None) -> list[AdNode]:
        """Every ad of the account, with its creative (media, text, thumbnail, post, destination
        URL) and issues: one edge read, no call per creative."""
        ads = [ad_from_graph(raw) for raw in self._edge(account_id, "ads", AD_FIELDS, effective_status)]
        self._ad_counts[bare_id(account_id)] = len(ads)  # sizes later insights requests
        return ads

    def _edge(
        self, account_id: str, edge: str, fields: str, effective_status: Sequence[str] | None
    ) -> Iterator[dict[str, Any]]:
        self.ensure_not_throttled(account_id)
        params: dict[str, Any] = {"fields": fields}
        if effective_status:
            params["effective_status"] = list(effective_status)
        return self.iter_pages(f"{act_id(account_id)}/{edge}", params, account_id=account_id)

    def get_minimum_budgets(self, account_id: str) -> dict[str, int]:
        """The account's minimum daily budgets (offset units) by kind: `min_daily_budget_imp`, ..."""
        self.ensure_not_throttled(account_id)
        raw = self.request("GET", f"{act_id(account_id)}/minimum_budgets", account_id=account_id)
        rows = raw.get("data") if isinstance(raw, Mapping) else None
        first = rows[0] if isinstance(rows, list) and rows and isinstance(rows[0], Mapping) else {}
        return {key: to_int(first[key]) for key in MINIMUM_BUDGET_FIELDS if first.get(key) is not None}

    def get_daily_insights(
        self,
        account_id: str,
        since: date,
        until: date,
        result_actions: Mapping[str, str] | None = None,
        *,
        estimated_ads: int | None = None,
    ) -> list[InsightRow]:
        """Ad-level daily insights for [since, until] (account timezone), synchronous or async."""
        self.ensure_not_throttled(account_id)
        ads = estimated_ads if estimated_ads is not None else self._ad_counts.get(bare_id(account_id))
        raws = read_daily_insights(
            self, act_id(account_id), since, until, policy=self.insights_policy, estimated_ads=ads
        )
        return [insight_row_from_graph(raw, result_actions) for raw in raws]

    # ---- writes -------------------------------------------------------------------------------

    def set_status(self, object_id: str, status: str, *, account_id: str | None = None) -> None:
        """POST /{object_id} status=...; raises a GraphError unless Meta answers success."""
        if account_id:
            self.ensure_not_throttled(account_id)
        body = self.request("POST", object_id, data={"status": status}, account_id=account_id)
        if not (isinstance(body, Mapping) and body.get("success") is True):
            raise InvalidRequest(f"status change of {object_id} was not confirmed")

    def set_statuses(
        self, changes: Sequence[tuple[str, str]], *, account_id: str | None = None
    ) -> list[StatusResult]:
        """Apply (object_id, status) changes in batches of 50; one result per change, in order."""
        writes = [(object_id, {"status": status}) for object_id, status in changes]
        return self.write_fields(writes, account_id=account_id)

    def write_fields(
        self, writes: Sequence[tuple[str, Mapping[str, str]]], *, account_id: str | None = None
    ) -> list[StatusResult]:
        """Apply (object_id, {field: value}) writes (a status, a daily_budget in Meta's offset
        units) in batches of 50; one result per write, in order."""
        if account_id:
            self.ensure_not_throttled(account_id)
        return apply_writes(self, writes, account_id=account_id)
