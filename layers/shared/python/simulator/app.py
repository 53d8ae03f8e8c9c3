"""The simulator as a FastAPI app: `/__control/...` plus every Graph path."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime
from typing import cast

from fastapi import FastAPI, Request, Response
from starlette.concurrency import run_in_threadpool

from simulator.connections import ConnectionFault, ConnectionKind
from simulator.control import control_router
from simulator.ecb import ecb_router
from simulator.graph import GraphRequest, GraphSimulator, form_params
from simulator.login_routes import login_router
from simulator.rates_provider import rates_provider_router
from simulator.scenario import Scenario
from simulator.state import SimulatorState, utc_now

JSON = "application/json; charset=UTF-8"


def create_simulator_app(
    scenario: Scenario | None = None,
    *,
    now: Callable[[], datetime] = utc_now,
    state: SimulatorState | None = None,
) -> FastAPI:
    """An app serving `scenario` (or an existing `state`); `now` is the clock (inject in tests)."""
    if state is None:
        if scenario is None:
            raise ValueError("create_simulator_app needs a scenario or a state")
        state = SimulatorState(scenario, now=now)
    simulator = GraphSimulator(state)
    app = FastAPI(title="Meta Graph API simulator", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.simulator = state
    app.include_router(control_router(state), prefix="/__control")
    app.include_router(login_router(state))  # the Login dialog and its knobs, before the catch-all
    app.include_router(ecb_router(state.now))  # the ECB's reference-rate files (pixecom.rates)
    app.include_router(rates_provider_router(state.now))  # the second rates source's JSON API

    @app.api_route("/{path:path}", methods=["GET", "POST", "DELETE"], include_in_schema=False)
    async def graph(path: str, request: Request) -> Response:
        params = form_params(
            request.query_params, await request.body(), request.headers.get("content-type", "")
        )
        graph_request = GraphRequest(
            request.method,
            "/" + path,
            params,
            f"{request.url.scheme}://{request.url.netloc}",
            request.headers.get("authorization"),
        )
        result = await run_in_threadpool(simulator.handle, graph_request)
        assert result is not None  # only batch items time out
        if result.latency_ms:
            await asyncio.sleep(result.latency_ms / 1000)
        if result.connection is not None:
            return ConnectionFault(
                cast(ConnectionKind, result.connection),
                status_code=result.status,
                content=result.text().encode(),
                headers=result.headers,
                media_type=JSON,
                cut_after_bytes=result.cut_after_bytes,
            )
        return Response(result.text(), status_code=result.status, headers=result.headers, media_type=JSON)

    return app
