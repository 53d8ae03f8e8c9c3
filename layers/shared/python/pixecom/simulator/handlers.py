"""Graph endpoints: nodes, edges, insights (sync and async), status writes."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any

from pixecom.simulator.insights import collect, parse_query, passes_filters, render_group
from pixecom.simulator.nodes import render_account, render_entry, render_report_run
from pixecom.simulator.paging import page
from pixecom.simulator.scenario import AdAccountSpec, AdSpec
from pixecom.simulator.state import STATUSES, Entry, NodeKind, ReportRun, SimulatorState
from pixecom.simulator.wire import SimError, invalid_param, json_param, parse_fields, unknown_object

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
        rows = [render_entry(entry, tree, state.loaded_at) for entry in state.children(parent_id, kind)
                if _visible(state.effective_status(entry.node.id), wanted)]
    return page(rows, call.params, call.url, default_limit=state.settings.default_page_size,
                max_limit=state.settings.max_page_size)


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
            return render_entry(entry, call.fields, state.loaded_at)
    if edge is None and call.method in ("POST", "DELETE"):
        status = "DELETED" if call.method == "DELETE" else call.params.get("status")
        _update(call, node_id, status)
        return {"success": True}
    if edge in _EDGES and call.method == "GET":
        return _list_edge(call, node_id, _EDGES[edge])
    raise _unknown_path(call)


def _checked_budget(entry: Entry, raw: str) -> str:
    """Meta's rules for a daily_budget write: a positive whole number of minor units, on a
    campaign or ad set, and not on an ad set whose campaign holds the budget."""
    if entry.kind == "ad":
        raise invalid_param("Param daily_budget is not valid for an ad")
    if not raw.isdigit() or int(raw) <= 0:
        raise invalid_param("Param daily_budget must be a positive integer (minor currency units)")
    if entry.kind == "adset" and entry.campaign.daily_budget:
        raise invalid_param("Ad set budgets cannot be set when the campaign uses a campaign budget")
    return str(int(raw))


def _update(call: Call, node_id: str, status: str | None) -> None:
    state = call.state
    if status is None and not {"name", "daily_budget"} & call.params.keys():
        raise invalid_param("No fields to update were given")
    if status is not None and status not in STATUSES:
        raise invalid_param(f"Param status must be one of {{{', '.join(STATUSES)}}}")
    with state.lock:
        entry = state.entries[node_id]
        budget = None
        if "daily_budget" in call.params:
            budget = _checked_budget(entry, call.params["daily_budget"])
            if isinstance(entry.node, AdSpec):
                budget = None
        state.update_object(node_id, status=status, name=call.params.get("name"), daily_budget=budget)
