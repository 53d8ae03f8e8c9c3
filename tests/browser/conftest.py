"""Browser tests: Chromium (Debian's package, through Playwright) against the real local server.

One server per test session (per xdist worker; the tests share the "browser" group, so they all
land on one worker): real Postgres, a small simulator scenario synced once, the built console,
and 5-second access tokens so every test also runs across token expiries. Without Chromium or
without a built console the whole directory is skipped, saying why.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest
from browser_helpers import ACCESS_TOKEN_TTL_SECONDS, ARTIFACTS, REPO
from sqlalchemy.engine import make_url

CONSOLE_DIST = REPO / "console" / "dist"
CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser")) if p), None)

if CHROMIUM is None:
    pytest.skip("Chromium not found: apt-get install chromium", allow_module_level=True)
if not (CONSOLE_DIST / "index.html").is_file():
    pytest.skip("console not built: npm ci && npm run build -w console", allow_module_level=True)


# tryfirst: xdist names each test's group (its `@browser` suffix) in its own modifyitems hook,
# which otherwise runs before this one (this conftest is loaded first, as a testpath's), leaving
# every browser test ungrouped: each worker then started its own server and Chromium at the end.
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if _is_browser_test(item):
            item.add_marker(pytest.mark.xdist_group("browser"))


@dataclass(frozen=True)
class ConsoleServer:
    base_url: str
    simulator_url: str
    graph_version: str
    email: str
    password: str
    tokens: dict[str, str]
    database_url: str

    def sql(self, statement: str) -> None:
        """Change the server's database behind its back (revoke sessions, mark an account)."""
        _admin(self.database_url, statement)

    def reject_status_change(self, meta_id: str, message: str) -> None:
        """Meta (the simulator) will refuse to change this object's status, saying `message`."""
        fault = {"object_id": meta_id, "code": 100, "message": message, "is_transient": False}
        httpx.post(f"{self.simulator_url}/__control/faults", json=fault).raise_for_status()

    def api(self) -> httpx.Client:
        """An API client signed in as the demo seller (bearer token, refreshed when it expires)."""
        return SignedIn(self)

    def expire_access_tokens(self) -> None:
        """Move the server's clock past the life of every access token issued so far (what
        waiting ACCESS_TOKEN_TTL_SECONDS + 1 would do), without waiting: see serve.py."""
        body = {"advance_seconds": ACCESS_TOKEN_TTL_SECONDS + 1}
        httpx.post(f"{self.base_url}/__test/clock", json=body).raise_for_status()

    def reset_clock(self) -> None:
        """The server's clock back to the wall clock."""
        httpx.post(f"{self.base_url}/__test/clock", json={"reset": True}).raise_for_status()

    def graph_status(self, account_id: str, meta_id: str) -> str:
        """An object's status as the simulator (Meta) holds it."""
        url = f"{self.simulator_url}/{self.graph_version}/{meta_id}"
        body = httpx.get(url, params={"fields": "status", "access_token": self.tokens[account_id]}).json()
        return str(body["status"])


class SignedIn(httpx.Client):
    """httpx on the server with the demo seller's bearer; logs in again when the 5 s token expires."""

    def __init__(self, server: ConsoleServer) -> None:
        super().__init__(base_url=server.base_url, timeout=30)
        self._server = server

    def _login(self) -> None:
        body = {"email": self._server.email, "password": self._server.password}
        response = super().request("POST", "/api/auth/login", json=body).raise_for_status()
        self.headers["Authorization"] = f"Bearer {response.json()['access_token']}"

    def request(self, *args: Any, **kwargs: Any) -> httpx.Response:  # type: ignore[override]
        if "Authorization" not in self.headers:
            self._login()
        response = super().request(*args, **kwargs)
        if response.status_code == 401:
            self._login()
            response = super().request(*args, **kwargs)
        return response


@pytest.fixture(scope="session")
def console_server(pg_server_url: str, template_db_url: str) -> Iterator[ConsoleServer]:
    name = f"pixecom_browser_{uuid.uuid4().hex[:12]}"
    _admin(pg_server_url, f'CREATE DATABASE "{name}" TEMPLATE "{make_url(template_db_url).database}"')
    env = {k: v for k, v in os.environ.items() if not k.endswith("_QUEUE_URL")}
    database_url = make_url(pg_server_url).set(database=name).render_as_string(hide_password=False)
    env.update(
        DATABASE_URL=database_url,
        ACCESS_TOKEN_TTL_SECONDS=str(ACCESS_TOKEN_TTL_SECONDS),
        PIXECOM_CONSOLE_DIR=str(CONSOLE_DIST),
        ARGON2_TIME_COST="1",
        ARGON2_MEMORY_KIB="8192",
        ARGON2_PARALLELISM="1",
        POWERTOOLS_LOG_LEVEL="WARNING",
        SIGNUP_MODE="invitation",  # the template's default: the console must handle it
    )
    proc = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("serve.py"))],
        env=env,
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        info = _wait_ready(proc, timeout=120)
        yield ConsoleServer(**info, database_url=database_url)
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
        _admin(pg_server_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _admin(url: str, sql: str) -> None:
    libpq = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(libpq, autocommit=True) as conn:
        conn.execute(sql)  # type: ignore[arg-type]


def _wait_ready(proc: subprocess.Popen[str], timeout: float) -> dict[str, Any]:
    assert proc.stdout is not None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            raise RuntimeError(f"the console server exited ({proc.poll()}) before it was ready")
        if line.startswith("READY "):
            return json.loads(line.removeprefix("READY "))
    raise RuntimeError("the console server was not ready in time")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """Debian's Chromium: Playwright's own browser download is not reachable."""
    return {**browser_type_launch_args, "executable_path": CHROMIUM}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_context_args, "viewport": {"width": 1440, "height": 900}, "locale": "en-US"}


def _is_browser_test(item: pytest.Item) -> bool:
    return "tests/browser" in str(item.fspath)


@pytest.hookimpl(trylast=True)  # after the test's own teardown (its page and context)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> None:
    """After the last browser test of this worker, end what only they use: the console server and
    Playwright. Playwright's sync API keeps its event loop running on this thread, and the tests
    the worker runs next (asyncio.run, anyio.run, Mangum's handler) need a thread without one."""
    if nextitem is not None and _is_browser_test(nextitem):
        return
    for name in ("console_server", "playwright"):  # each fixture's dependents end first
        fixturedefs = item.session._fixturemanager.getfixturedefs(name, item)
        if fixturedefs:
            fixturedefs[-1].finish(item._request)  # type: ignore[attr-defined]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[Any]:
    report = yield
    if report.when == "call":
        item.stash[_FAILED] = report.failed
    return report


_FAILED = pytest.StashKey[bool]()


@pytest.fixture(autouse=True)
def screenshot_on_failure(request: pytest.FixtureRequest) -> Iterator[None]:
    """A failed test leaves a full-page screenshot of each of its pages under test-artifacts/."""
    yield
    if not request.node.stash.get(_FAILED, False):
        return
    context = request.node.funcargs.get("context") or getattr(
        request.node.funcargs.get("page"), "context", None
    )
    if context is None:
        return
    ARTIFACTS.mkdir(exist_ok=True)
    for i, page in enumerate(context.pages):
        page.screenshot(path=str(ARTIFACTS / f"FAILED-{request.node.name}-{i}.png"), full_page=True)
