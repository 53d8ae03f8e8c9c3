"""Graph endpoints: nodes, edges, insights (sync and async), status writes."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any

from simulator.budgets import (
    BUDGET_FIELDS,
    lifetime_too_low,
    minimum_for,
    render_minimums,
    schedule_minimum,
    too_low,
    wrong_level,
)
from simulator.budgets import amount as budget_amount
from simulator.creatives import CREATIVE_FIELDS, render_creative
from simulator.insights import collect, parse_query, passes_filters, render_group
from simulator.nodes import render_account, render_entry, render_report_run
from simulator.paging import page
from simulator.scenario import AdAccountSpec
from simulator.state import STATUSES, Entry, NodeKind, ReportRun, SimulatorState
from simulator.wire import SimError, invalid_param, json_param, parse_fields, project, unknown_object

_EDGES: dict[str, NodeKind] = {"campaigns": "campaign", "adsets": "adset", "ads": "ad"}
_HIDDEN_BY_DEFAULT = {"DELETED", "ARCHIVED"}
TOO_MUCH_DATA = "Please reduce the amount of data you're asking for, then retry your request"


@dataclass
class Call:
    """One Graph call after routing and auth."""

    state: SimulatorState
    method: str
    segments: list[str]  # path without version, split on "/"
    params: dict[str, str]
    url: str  # full URL of this path (with version), for paging links
    async_status: str | None = None  # from a fault: how report runs created by this call end

    @property
    def fields(self) -> Any:
        return parse_fields(self.params.get("fields"))


def handle(call: Call) -> Any:
    """Route a call to its endpoint and return the JSON body."""
    node_id, edge = call.segments[0], (call.segments[1] if len(call.segments) > 1 else None)
    if len(call.segments) > 2:
        raise _unknown_path(call)
    state = call.state
    if node_id in state.accounts:
        return _account_call(call, state.accounts[node_id], edge)
    if node_id in state.report_runs:
        return _report_run_call(call, state.report_runs[node_id], edge)
    if node_id in state.entries:
        return _entry_call(call, node_id, edge)
    raise unknown_object(node_id, call.method.lower())


def _unknown_path(call: Call) -> SimError:
    return SimError(100, f"Unsupported {call.method.lower()} request.", subcode=33)


def _account_call(call: Call, account: AdAccountSpec, edge: str | None) -> Any:
    if edge is None and call.method == "GET":
        return render_account(account, call.fields, call.state.now())
    if edge in _EDGES and call.method == "GET":
        return _list_edge(call, account.id, _EDGES[edge])
    if edge == "insights" and call.method == "GET":
        return _sync_insights(call, account)
    if edge == "adcreatives" and call.method == "GET":
        return _creatives_edge(call, account)
    if edge == "minimum_budgets" and call.method == "GET":
        return render_minimums(account)
    if edge == "insights" and call.method == "POST":
        query = parse_query(call.params, call.state.today(account))
        run = call.state.create_report_run(account, query, call.async_status or "Job Completed")
        return {"report_run_id": run.id}
    raise _unknown_path(call)


def _list_edge(call: Call, parent_id: str, kind: NodeKind) -> Any:
    state = call.state
    wanted = _status_filter(call.params)
    tree = call.fields
    with state.lock:
        spent = state.spent_by_node(parent_id) if kind != "ad" and _wants_remaining(tree) else None
        now = state.now()
        rows = [render_entry(entry, tree, state.loaded_at, spent, creatives=state.creatives, now=now)
                for entry in state.children(parent_id, kind)
                if _visible(state.effective_status(entry.node.id), wanted)]
    return page(rows, call.params, call.url, default_limit=state.settings.default_page_size,
                max_limit=state.settings.max_page_size)


def _creatives_edge(call: Call, account: AdAccountSpec) -> Any:
    """`/act_{id}/adcreatives`: the account's creatives (default fields: id, as Meta)."""
    tree = call.fields or {"id": None}
    for name in tree:
        if name not in CREATIVE_FIELDS:
            raise SimError(100, f"(#100) Tried accessing nonexisting field ({name}) "
                           "on node type (AdCreative)")
    now = call.state.now()
    rows = [{**project(render_creative(c, account, now), tree), "id": c.id} for c in account.creatives]
    return page(rows, call.params, call.url, default_limit=call.state.settings.default_page_size,
                max_limit=call.state.settings.max_page_size)


def _wants_remaining(tree: Any) -> bool:
    return tree is not None and "budget_remaining" in tree


def _status_filter(params: dict[str, str]) -> set[str] | None:
    wanted = json_param(params.get("effective_status"), "effective_status")
    for rule in json_param(params.get("filtering"), "filtering") or []:
        if str(rule.get("field", "")).endswith("effective_status") and rule.get("operator") == "IN":
            wanted = list(rule.get("value") or [])
    return {str(s) for s in wanted} if wanted else None


def _visible(effective: str, wanted: set[str] | None) -> bool:
    return effective in wanted if wanted is not None else effective not in _HIDDEN_BY_DEFAULT


def _sync_insights(call: Call, account: AdAccountSpec) -> Any:
    state = call.state
    query = parse_query(call.params, state.today(account))
    with state.lock:
        ads = [ctx for ctx in state.ad_contexts(account.id)
               if passes_filters(query, ctx, state.effective_status)]
        if len(ads) * query.days() > state.settings.sync_insights_max_ad_days:
            raise SimError(1, TOO_MUCH_DATA, subcode=99, http_status=500,
                           user_title="Too much data", user_msg=TOO_MUCH_DATA)
        groups = collect(query, ads, state.insight_for, state.discrepancies.get(account.id))
        return page(groups, call.params, call.url, default_limit=state.settings.default_page_size,
                    max_limit=state.settings.max_page_size, render=partial(render_group, query))


def _report_run_call(call: Call, run: ReportRun, edge: str | None) -> Any:
    state = call.state
    if edge is None and call.method == "GET":
        status, pct = state.poll(run)
        return render_report_run(run, status, pct, call.fields)
    if edge == "insights" and call.method == "GET":
        status, _ = state.progress(run)
        if status != "Job Completed":
            raise SimError(100, f"(#100) The report run is not complete (async_status: {status})",
                           subcode=2490547 if status in ("Job Failed", "Job Skipped") else None)
        with state.lock:
            if run.groups is None:  # Meta computes a report once; later pages read the same result
                ads = [ctx for ctx in state.ad_contexts(run.account.id)
                       if passes_filters(run.query, ctx, state.effective_status)]
                run.groups = collect(run.query, ads, state.insight_for,
                                     state.discrepancies.get(run.account.id))
            return page(run.groups, call.params, call.url, default_limit=state.settings.default_page_size,
                        max_limit=state.settings.max_page_size, render=partial(render_group, run.query))
    raise _unknown_path(call)


def _entry_call(call: Call, node_id: str, edge: str | None) -> Any:
    state = call.state
    entry = state.entries[node_id]
    if edge is None and call.method == "GET":
        with state.lock:
            tree = call.fields
            spent = state.spent_by_node(entry.node.id) if _wants_remaining(tree) else None
            return render_entry(entry, tree, state.loaded_at, spent, creatives=state.creatives,
                                now=state.now())
    if edge is None and call.method in ("POST", "DELETE"):
        status = "DELETED" if call.method == "DELETE" else call.params.get("status")
        _update(call, node_id, status)
        return {"success": True}
    if edge in _EDGES and call.method == "GET":
        return _list_edge(call, node_id, _EDGES[edge])
    raise _unknown_path(call)


def _checked_budgets(state: SimulatorState, entry: Entry, params: dict[str, str]) -> dict[str, str]:
    """Meta's rules for a budget write (simulator.budgets); raises its error, else the
    fields to write. Checked in Meta's order: level, type, amount, minimum, change limit."""
    wanted = {f: params[f] for f in BUDGET_FIELDS if f in params}
    if not wanted:
        return {}
    field, raw = next(iter(wanted.items()))
    if entry.kind == "ad":
        raise invalid_param(f"Param {field} is not valid for an ad")
    campaign = entry.campaign
    campaign_holds = bool(campaign.daily_budget or campaign.lifetime_budget)
    if entry.kind == "adset" and campaign_holds:
        raise wrong_level("This ad set's campaign uses Advantage campaign budget: change the "
                                  "budget on the campaign, not on its ad sets.")
    if entry.kind == "campaign" and not campaign_holds:
        raise wrong_level("This campaign does not use Advantage campaign budget: its ad sets "
                                  "hold the budgets, change them on the ad sets.")
    node = entry.adset if entry.kind == "adset" else campaign
    assert node is not None
    other = "lifetime_budget" if field == "daily_budget" else "daily_budget"
    if getattr(node, other):
        raise invalid_param(f"Param {field} cannot be set: this object has a {other.replace('_', ' ')}, "
                            "and a budget's type cannot be changed")
    value = budget_amount(raw, field)
    goals = [entry.adset.optimization_goal] if entry.adset is not None else [
        a.optimization_goal for a in campaign.adsets]
    minimum = minimum_for(entry.account, goals)
    if field == "daily_budget" and value < minimum:
        raise too_low(entry.account, minimum)
    if field == "lifetime_budget":
        end = entry.adset.end_time if entry.adset is not None else campaign.stop_time
        lifetime_minimum = schedule_minimum(minimum, node.created_time or state.loaded_at, end)
        if lifetime_minimum is not None and value < lifetime_minimum:
            raise lifetime_too_low(entry.account, lifetime_minimum, minimum)
    if entry.kind == "adset":
        state.budget_limits.check(entry.account, node.id, state.now())
    return {field: str(value)}


def _update(call: Call, node_id: str, status: str | None) -> None:
    state = call.state
    if status is None and not {"name", *BUDGET_FIELDS} & call.params.keys():
        raise invalid_param("No fields to update were given")
    if status is not None and status not in STATUSES:
        raise invalid_param(f"Param status must be one of {{{', '.join(STATUSES)}}}")
    with state.lock:
        entry = state.entries[node_id]
        written = _checked_budgets(state, entry, call.params)
        if written and entry.kind == "adset":
            state.budget_limits.record(node_id, state.now())
        state.update_object(node_id, status=status, name=call.params.get("name"), budgets=written)
