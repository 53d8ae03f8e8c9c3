"""Campaign, ad set, ad, ad account and report run nodes as Meta renders them."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any
from zoneinfo import ZoneInfo

from simulator.budgets import offset
from simulator.creatives import render_creative
from simulator.generator import META_REASONS
from simulator.scenario import AdAccountSpec, CreativeSpec
from simulator.state import Entry, ReportRun
from simulator.wire import FieldTree, SimError, project

_NODE_TYPES = {"campaign": "Campaign", "adset": "AdSet", "ad": "Ad"}
# Object-valued fields that Meta renders as {"id": ...} unless sub-fields are asked for.
_REFERENCES = ("creative", "campaign", "adset")
ACCOUNT_FIELDS = frozenset({"id", "account_id", "name", "currency", "timezone_name",
                            "timezone_offset_hours_utc", "account_status", "disable_reason",
                            "amount_spent", "spend_cap", "balance", "business_name", "business"})
_COMMON = {"id", "account_id", "name", "status", "configured_status", "effective_status", "issues_info",
           "created_time", "updated_time"}
NODE_FIELDS = {
    "campaign": frozenset(_COMMON | {"objective", "daily_budget", "lifetime_budget", "budget_remaining",
                                     "buying_type", "bid_strategy", "special_ad_categories", "start_time",
                                     "stop_time", "spend_cap", "advantage_state_info"}),
    "adset": frozenset(_COMMON | {"campaign_id", "campaign", "daily_budget", "lifetime_budget",
                                  "budget_remaining", "bid_amount", "bid_constraints",
                                  "optimization_goal", "billing_event", "bid_strategy", "promoted_object",
                                  "learning_stage_info", "destination_type", "start_time", "end_time",
                                  "attribution_spec"}),
    "ad": frozenset(_COMMON | {"adset_id", "campaign_id", "adset", "campaign", "creative",
                               "ad_review_feedback", "tracking_specs"}),
}


def meta_time(value: datetime | None, timezone_name: str) -> str | None:
    """Meta's timestamps: account timezone, offset without a colon (2026-11-20T10:21:33-0800)."""
    if value is None:
        return None
    return value.astimezone(ZoneInfo(timezone_name)).strftime("%Y-%m-%dT%H:%M:%S%z")


def _reasons(effective_status: str | None) -> list[dict[str, Any]] | None:
    """Meta's `issues_info` for a status that has a reason, when the scenario gave none."""
    reason = META_REASONS.get((effective_status or "").lower())
    return [dict(reason)] if reason is not None else None


def render_account(account: AdAccountSpec, tree: FieldTree | None, now: datetime) -> dict[str, Any]:
    offset = now.astimezone(ZoneInfo(account.timezone_name)).utcoffset()
    full: dict[str, Any] = {
        "id": account.id, "account_id": account.account_id, "name": account.name,
        "currency": account.currency, "timezone_name": account.timezone_name,
        "timezone_offset_hours_utc": offset.total_seconds() / 3600 if offset is not None else 0.0,
        "account_status": account.account_status, "disable_reason": account.disable_reason,
        "amount_spent": account.amount_spent, "spend_cap": "0", "balance": "0",
    }
    return _select(full, tree, ACCOUNT_FIELDS, "AdAccount", ("id", "account_id"))


def render_entry(entry: Entry, tree: FieldTree | None, loaded_at: datetime,
                 spent: Mapping[str, Decimal] | None = None, *,
                 creatives: Mapping[str, CreativeSpec] | None = None,
                 now: datetime | None = None) -> dict[str, Any]:
    """A campaign, ad set or ad with the requested fields (default: id only, as Meta).
    `spent`: money spent against each budget (SimulatorState.spent_by_node), for budget_remaining;
    `creatives`: the scenario's creatives by id (an ad's `creative{...}`), `now` signs thumbnails."""
    node = entry.node
    tz = entry.account.timezone_name
    created = node.created_time or loaded_at
    full: dict[str, Any] = {
        "id": node.id, "account_id": entry.account.account_id, "name": node.name,
        "status": node.status, "configured_status": node.status,
        "effective_status": node.effective_status or node.status,
        "issues_info": node.issues_info or _reasons(node.effective_status),
        "created_time": meta_time(created, tz), "updated_time": meta_time(node.updated_time or created, tz),
        "start_time": meta_time(created, tz),
    }
    if entry.kind == "campaign":
        full.update(_campaign_fields(entry), stop_time=meta_time(entry.campaign.stop_time, tz))
    elif entry.kind == "adset":
        assert entry.adset is not None
        full.update(_adset_fields(entry), end_time=meta_time(entry.adset.end_time, tz))
    if entry.kind != "ad":
        full["budget_remaining"] = _remaining(entry, spent or {})
    else:
        full.update(_ad_fields(entry, (creatives or {}), now or loaded_at))
    return _select(full, tree, NODE_FIELDS[entry.kind], _NODE_TYPES[entry.kind], ("id",))


def _remaining(entry: Entry, spent: Mapping[str, Decimal]) -> str:
    """Meta's budget_remaining: the budget less what was spent against it, offset units, "0" for
    an object without a budget of its own."""
    node = entry.adset if entry.kind == "adset" else entry.campaign
    assert node is not None
    budget = node.daily_budget or node.lifetime_budget
    if not budget:
        return "0"
    used = spent.get(node.id, Decimal(0)) * offset(entry.account.currency)
    return str(max(0, int(budget) - int(used.to_integral_value(ROUND_HALF_UP))))


def _campaign_fields(entry: Entry) -> dict[str, Any]:
    c = entry.campaign
    state = {"advantage_state": c.advantage_state} if c.advantage_state else {
        "advantage_state": "DISABLED"}
    holds = bool(c.daily_budget or c.lifetime_budget)
    state["advantage_budget_state"] = "ENABLED" if holds else "DISABLED"
    return {"objective": c.objective, "daily_budget": c.daily_budget, "lifetime_budget": c.lifetime_budget,
            "spend_cap": c.spend_cap, "buying_type": "AUCTION", "bid_strategy": c.bid_strategy,
            "special_ad_categories": [], "advantage_state_info": state}


def _adset_fields(entry: Entry) -> dict[str, Any]:
    s = entry.adset
    assert s is not None
    learning = None
    if s.learning_stage:
        learning = {"status": s.learning_stage, "conversions": 50 if s.learning_stage == "SUCCESS" else 7,
                    "attribution_windows": ["7d_click", "1d_view"]}
    return {"campaign_id": entry.campaign.id, "campaign": {"id": entry.campaign.id},
            "daily_budget": s.daily_budget, "lifetime_budget": s.lifetime_budget,
            "optimization_goal": s.optimization_goal, "billing_event": s.billing_event,
            "bid_strategy": s.bid_strategy or entry.campaign.bid_strategy, "bid_amount": s.bid_amount,
            "bid_constraints": {"roas_average_floor": s.roas_average_floor} if s.roas_average_floor else None,
            "promoted_object": s.promoted_object,
            "learning_stage_info": learning, "destination_type": "WEBSITE",
            "attribution_spec": s.attribution()}


def _ad_fields(entry: Entry, creatives: Mapping[str, CreativeSpec], now: datetime) -> dict[str, Any]:
    ad = entry.ad
    assert ad is not None and entry.adset is not None
    spec = creatives.get(ad.creative_id or "")
    creative: dict[str, Any] = {"id": ad.creative_id or f"{ad.id}9", "name": f"{ad.name} creative"}
    if spec is not None:
        creative = render_creative(spec, entry.account, now)
    elif ad.link_url:
        creative.update(link_url=ad.link_url, object_story_spec={
            "page_id": "100000000000001",
            "link_data": {"link": ad.link_url, "message": ad.name,
                          "call_to_action": {"type": "SHOP_NOW", "value": {"link": ad.link_url}}}})
    review = None
    if ad.effective_status == "DISAPPROVED":
        review = {"global": {"Prohibited Content": "Your ad doesn't follow our Advertising Policies."}}
    return {"adset_id": entry.adset.id, "campaign_id": entry.campaign.id, "adset": {"id": entry.adset.id},
            "campaign": {"id": entry.campaign.id}, "creative": creative, "ad_review_feedback": review}


def render_report_run(run: ReportRun, status: str, pct: int, tree: FieldTree | None) -> dict[str, Any]:
    full: dict[str, Any] = {
        "id": run.id, "account_id": run.account.account_id, "async_status": status,
        "async_percent_completion": pct, "date_start": run.query.since.isoformat(),
        "date_stop": run.query.until.isoformat(), "time_ref": int(run.created_at.timestamp()),
        "is_running": status in ("Job Not Started", "Job Started", "Job Running"),
    }
    if run.finished_at is not None and status == "Job Completed":
        full["time_completed"] = int(run.finished_at.timestamp())
    if status in ("Job Failed", "Job Skipped"):
        full.update(error_code=-2, error_subcode=2490547, error_message="Report Failed",
                    error_user_title="Report failed",
                    error_user_msg="The report could not be generated. Please try again.")
    return {**project(full, tree), "id": run.id} if tree is not None else full


def _select(full: dict[str, Any], tree: FieldTree | None, valid: frozenset[str], node_type: str,
            default: tuple[str, ...]) -> dict[str, Any]:
    tree = tree if tree is not None else dict.fromkeys(default)
    for name in tree:
        if name not in valid:
            raise SimError(100, f"(#100) Tried accessing nonexisting field ({name}) "
                           f"on node type ({node_type})")
    out: dict[str, Any] = {}
    for name, sub in tree.items():
        value = full.get(name)
        if value is None:
            continue
        if sub is None and name in _REFERENCES and isinstance(value, dict):
            out[name] = {"id": value["id"]}
        else:
            out[name] = project(value, sub)
    out.setdefault("id", full["id"])  # Meta always adds the node's id
    return out
