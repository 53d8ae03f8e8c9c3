"""The simulator logs no line per request unless asked (`pixecom simulator --access-log`): under
`pixecom dev` every Graph call of the sync would otherwise be a line, and the login banner
would scroll away."""

from __future__ import annotations

import logging

import httpx

from simulator.testing import SimulatorServer


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def test_no_access_line_when_another_server_gave_the_access_logger_a_handler(
    sim: SimulatorServer,
) -> None:
    access = logging.getLogger("uvicorn.access")
    seen = _Records()
    level = access.level
    access.addHandler(seen)  # as the API's uvicorn.run does under `pixecom dev`
    access.setLevel(logging.INFO)
    try:
        with httpx.Client(base_url=sim.base_url) as fresh:  # a new connection, a new protocol
            assert fresh.get("/v25.0/act_1001", params={"access_token": "x"}).status_code in {200, 400}
    finally:
        access.removeHandler(seen)
        access.setLevel(level)
    assert seen.records == []
