"""`pixecom dev`'s port checks: the hint for a busy port never names a port the other service
was given, and one port for both services is refused."""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator

import pytest

from local.dev import DevOptions, busy_port_message, same_port_message


@pytest.fixture
def occupied() -> Iterator[int]:
    """A port something listens on, with the next one free (retried until it is)."""
    for _ in range(50):
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port + 1))
                probe.close()
            except OSError:
                s.close()
                continue
        s.listen()
        yield port
        s.close()
        return
    pytest.skip("no port with a free neighbour")


def _suggested(line: str | None, variable: str) -> int:
    assert line is not None
    found = re.search(rf"`make dev {variable}=(\d+)`", line)
    assert found is not None, line
    return int(found.group(1))


def test_the_hint_for_a_busy_api_port_skips_the_simulators_port(occupied):
    line = busy_port_message(DevOptions(port=occupied, simulator_port=occupied + 1))
    assert _suggested(line, "PORT") > occupied + 1


def test_the_hint_for_a_busy_simulator_port_skips_the_apis_port(occupied):
    line = busy_port_message(DevOptions(port=occupied + 1, simulator_port=occupied))
    assert line is not None and line.startswith(f"Port {occupied} (the Graph API simulator)")
    assert _suggested(line, "SIM_PORT") > occupied + 1


def test_free_ports_for_both_say_nothing():
    with socket.socket() as a, socket.socket() as b:
        a.bind(("127.0.0.1", 0))
        b.bind(("127.0.0.1", 0))
        ports = int(a.getsockname()[1]), int(b.getsockname()[1])
    assert busy_port_message(DevOptions(port=ports[0], simulator_port=ports[1])) is None
    assert same_port_message(DevOptions(port=ports[0], simulator_port=ports[1])) is None


def test_one_port_for_both_services_is_refused_with_two_ports_suggested():
    line = same_port_message(DevOptions(port=8311, simulator_port=8311))
    assert line is not None
    assert line.startswith("The API and the Graph API simulator cannot share port 8311")
    assert "SIM_PORT=8311`" not in line
