"""Failures below the Graph envelope, as a real HTTP client sees them on the socket: a dropped
connection, a reset or cut-off answer, a proxy's HTML 5xx, a bare 429; scoped per account or
path, for N calls or a window of the simulator's clock."""

from __future__ import annotations

import socket

import httpx
import pytest

from simulator.testing import ManualClock, SimulatorServer


def exchange(sim: SimulatorServer, path: str, token: str = "token-1001") -> tuple[bytes, OSError | None]:
    """Send one GET on a fresh socket; everything received until the server closed, and how."""
    with socket.create_connection(("127.0.0.1", sim.port), timeout=5) as sock:
        sock.sendall(f"GET /v25.0{path}?access_token={token} HTTP/1.1\r\nHost: sim\r\n\r\n".encode())
        received = b""
        try:
            while chunk := sock.recv(65536):
                received += chunk
                if b"\r\n\r\n" in received and _complete(received):
                    return received, None
        except OSError as error:
            return received, error
        return received, None


def _complete(received: bytes) -> bool:
    head, _, body = received.partition(b"\r\n\r\n")
    length = next(
        (
            int(line.split(b":")[1])
            for line in head.split(b"\r\n")
            if line.lower().startswith(b"content-length")
        ),
        None,
    )
    return length is not None and len(body) >= length


def split(received: bytes) -> tuple[str, dict[str, str], bytes]:
    head, _, body = received.partition(b"\r\n\r\n")
    status, *lines = head.decode().split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, v in (line.split(":", 1) for line in lines)}
    return status, headers, body


def test_refuse_drops_the_connection_before_any_byte(sim: SimulatorServer) -> None:
    sim.inject_fault("/act_1001/campaigns", connection="refuse")
    received, error = exchange(sim, "/act_1001/campaigns")
    assert received == b""
    assert isinstance(error, ConnectionResetError)


def test_reset_sends_the_status_and_part_of_the_body_then_resets(sim: SimulatorServer) -> None:
    sim.inject_fault("/act_1001/campaigns", connection="reset", cut_after_bytes=10)
    received, error = exchange(sim, "/act_1001/campaigns")
    status, headers, body = split(received)
    assert status == "HTTP/1.1 200 OK"
    assert len(body) == 10 < int(headers["content-length"])
    assert isinstance(error, ConnectionResetError)


def test_truncate_closes_cleanly_short_of_the_content_length(sim: SimulatorServer) -> None:
    sim.inject_fault("/act_1001/campaigns", connection="truncate", cut_after_bytes=25)
    received, error = exchange(sim, "/act_1001/campaigns")
    status, headers, body = split(received)
    assert status == "HTTP/1.1 200 OK" and error is None
    assert body == b'{"data":[{"id":"2001"}],"'
    assert int(headers["content-length"]) > 25


def test_truncate_cuts_half_the_body_by_default(sim: SimulatorServer) -> None:
    sim.inject_fault("/act_1001", connection="truncate")
    _, headers, body = split(exchange(sim, "/act_1001")[0])
    assert len(body) == int(headers["content-length"]) // 2


@pytest.mark.parametrize(
    ("status", "title"), [(502, "Bad Gateway"), (503, "Service Unavailable"), (504, "Gateway Time-out")]
)
def test_a_bare_5xx_is_a_proxys_html_page_without_graph_envelope(
    sim: SimulatorServer, http: httpx.Client, status: int, title: str
) -> None:
    sim.inject_fault("/act_1001", bare_status=status)
    response = http.get("/act_1001")
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert f"<title>{status} {title}</title>" in response.text
    assert "x-ad-account-usage" not in response.headers  # Meta never saw the call


def test_a_bare_429_has_retry_after_and_an_empty_body(sim: SimulatorServer, http: httpx.Client) -> None:
    sim.inject_fault("/act_1001", bare_status=429, retry_after=30)
    response = http.get("/act_1001")
    assert (response.status_code, response.headers["retry-after"], response.content) == (429, "30", b"")


def test_a_refused_write_never_reaches_the_object(sim: SimulatorServer, http: httpx.Client) -> None:
    sim.inject_fault("/2001", method="POST", bare_status=503)
    assert http.post("/2001", data={"status": "PAUSED"}).status_code == 503
    assert sim.status_of("2001") == "ACTIVE"


def test_a_write_reset_after_meta_did_it_is_applied(sim: SimulatorServer, http: httpx.Client) -> None:
    sim.inject_fault("/2001", method="POST", connection="reset")
    with pytest.raises(httpx.ReadError):
        http.post("/2001", data={"status": "PAUSED"})
    assert sim.status_of("2001") == "PAUSED"  # the answer was lost, not the write


def test_an_account_scoped_fault_hits_the_accounts_objects_and_not_other_accounts(
    sim: SimulatorServer, raw: httpx.Client
) -> None:
    sim.state.settings.extra_tokens["both"] = ["act_1001", "act_2002"]
    sim.inject_fault(account_id="act_1001", bare_status=502)
    params = {"access_token": "both"}
    assert raw.get(f"{sim.base_url}/v25.0/act_1001/insights", params=params).status_code == 502
    assert raw.get(f"{sim.base_url}/v25.0/3001", params=params).status_code == 502  # an ad set of it
    assert raw.get(f"{sim.base_url}/v25.0/act_2002/insights", params=params).status_code == 200
    assert raw.get(f"{sim.base_url}/v25.0/3101", params=params).status_code == 200


def test_times_bounds_a_connection_fault(sim: SimulatorServer, http: httpx.Client) -> None:
    sim.inject_fault("/act_1001", connection="refuse", times=2)
    for _ in range(2):
        with pytest.raises(httpx.TransportError):
            http.get("/act_1001")
    assert http.get("/act_1001").json()["id"] == "act_1001"


def test_a_fault_window_ends_on_the_simulators_clock(
    sim: SimulatorServer, http: httpx.Client, clock: ManualClock
) -> None:
    sim.inject_fault("/act_1001", bare_status=503, for_seconds=60)
    assert http.get("/act_1001").status_code == 503
    clock.advance(59)
    assert http.get("/act_1001").status_code == 503
    clock.advance(1)
    assert http.get("/act_1001").status_code == 200


def test_batch_items_ignore_connection_and_bare_status_faults(
    sim: SimulatorServer, http: httpx.Client
) -> None:
    sim.inject_fault("/act_1001", bare_status=503)
    batch = '[{"method": "GET", "relative_url": "act_1001"}]'
    response = http.post("/", data={"batch": batch})
    assert response.status_code == 200 and response.json()[0]["code"] == 200


def test_faults_below_the_envelope_are_set_over_the_control_api(
    sim: SimulatorServer, http: httpx.Client, raw: httpx.Client
) -> None:
    fault = {"account_id": "act_1001", "bare_status": 503, "times": 1}
    assert raw.post(f"{sim.base_url}/__control/faults", json=fault).json() == {"ok": True}
    assert http.get("/act_1001/campaigns").status_code == 503
    assert http.get("/act_1001/campaigns").status_code == 200
    bad = {"connection": "explode"}
    assert raw.post(f"{sim.base_url}/__control/faults", json=bad).status_code == 422
