"""`/__control/...`: the test and dev controls of the simulator over HTTP."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, HTTPException
from pydantic import BaseModel, ConfigDict

from simulator.scenario import FaultSpec
from simulator.state import SimulatorState


class InsightUpdate(BaseModel):
    model_config = ConfigDict(extra="allow")  # the InsightDay fields to set
    ad_id: str
    date: date
    replace: bool = False


class DiscrepancyBody(BaseModel):
    model_config = ConfigDict(extra="allow")  # the InsightDay fields the account totals gain
    account_id: str
    date: date


class TokenBody(BaseModel):
    token: str


class UsageBody(BaseModel):
    account_id: str
    pct: float


class ClockBody(BaseModel):
    advance_seconds: float


def status_snapshot(state: SimulatorState) -> dict[str, Any]:
    """What the simulator has seen and holds: calls, faults, usage, report runs, the clock."""
    with state.lock:
        return {
            "now": state.now().isoformat(),
            "calls": state.calls.total,
            "calls_by_path": dict(state.calls.by_path),
            "faults": state.faults.describe(),
            "usage": {a.account_id: round(state.usage.pct(a.account_id), 2) for a in state.accounts.values()},
            "report_runs": {
                run.id: {
                    "account_id": run.account.id,
                    "polls": run.polls,
                    "async_status": state.progress(run)[0],
                }
                for run in state.report_runs.values()
            },
            "expired_tokens": sorted(state.expired_tokens),
        }


def control_router(state: SimulatorState) -> APIRouter:
    router = APIRouter()

    @router.post("/reset")
    def reset() -> dict[str, bool]:
        state.reset()
        return {"ok": True}

    @router.get("/status")
    def status() -> dict[str, Any]:
        return status_snapshot(state)

    @router.post("/faults")
    def add_fault(spec: FaultSpec) -> dict[str, bool]:
        state.inject_fault(spec)
        return {"ok": True}

    @router.delete("/faults")
    def clear_faults() -> dict[str, bool]:
        state.clear_faults()
        return {"ok": True}

    @router.put("/insights")
    def set_insight(update: InsightUpdate) -> dict[str, Any]:
        try:
            day = state.set_insight(
                update.ad_id, update.date, replace=update.replace, **(update.model_extra or {})
            )
        except KeyError as error:
            raise HTTPException(404, str(error)) from None
        return day.model_dump(mode="json")

    @router.delete("/insights/{ad_id}/{day}")
    def remove_insight(ad_id: str, day: date) -> dict[str, bool]:
        state.remove_insight(ad_id, day)
        return {"ok": True}

    @router.put("/discrepancies")
    def inject_discrepancy(body: DiscrepancyBody) -> dict[str, Any]:
        try:
            extra = state.inject_discrepancy(body.account_id, body.date, **(body.model_extra or {}))
        except KeyError as error:
            raise HTTPException(404, str(error)) from None
        return extra.model_dump(mode="json")

    @router.post("/tokens/expire")
    def expire_token(body: TokenBody) -> dict[str, bool]:
        state.expire_token(body.token)
        return {"ok": True}

    @router.post("/usage")
    def set_usage(body: UsageBody) -> dict[str, bool]:
        with state.lock:
            state.usage.set_pct(body.account_id.removeprefix("act_"), body.pct)
        return {"ok": True}

    @router.post("/clock")
    def advance_clock(body: ClockBody) -> dict[str, str]:
        state.advance(body.advance_seconds)
        return {"now": state.now().isoformat()}

    @router.get("/objects/{object_id}")
    def read_object(object_id: str) -> dict[str, str]:
        with state.lock:
            entry = state.entries.get(object_id)
            if entry is None:
                raise HTTPException(404, f"no object {object_id}")
            return {
                "id": object_id,
                "kind": entry.kind,
                "status": entry.node.status,
                "effective_status": state.effective_status(object_id),
            }

    return router
