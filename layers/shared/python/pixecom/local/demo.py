"""The sync half of `pixecom dev`: the Graph API simulator, moto SQS, the demo seller's accounts
connected to the simulator, and the scheduler running dispatch -> queue -> workers every minute.

With `--scenario FILE` the file is served as it is and nothing is connected: connect accounts
through `POST /api/ad-accounts` with the scenario's tokens.
"""

from __future__ import annotations

import logging
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from pixecom.accounts.connect import AccountAlreadyConnected, connect_account, replace_token
from pixecom.db.engine import session_scope
from pixecom.db.models import AdAccount, User
from pixecom.local.dev_login import add_dev_login, point_login_at
from pixecom.local.runner import LocalQueues
from pixecom.local.scheduler import LocalScheduler
from pixecom.local.schedules import scheduled_functions
from pixecom.meta.errors import redact
from pixecom.observability import logger
from pixecom.sellpages.service import DuplicateSellpage, create_sellpage
from pixecom.settings import get_settings
from pixecom.simulator.generator import generate_scenario
from pixecom.simulator.scenario import Scenario, load_scenario
from pixecom.simulator.testing import SimulatorServer

DEMO_SEED = 42
DEMO_ACCOUNTS = 3
DEMO_ADS = 60
DEMO_HISTORY_DAYS = 120  # longer than the 90-day backfill, so every chunk has data
# The generated ads link to these two shops: campaigns get linked to a sellpage by their ads' URLs.
DEMO_SELLPAGES = (
    ("Example shop", "https://shop.example.com/p"),
    ("Mugs store", "https://mugs.example.net/products"),
)


def demo_scenario() -> Scenario:
    """The generated demo data (deterministic, so restarts see the same accounts and tokens)."""
    scenario = generate_scenario(
        accounts=DEMO_ACCOUNTS + 1, ads=DEMO_ADS, days=DEMO_HISTORY_DAYS, seed=DEMO_SEED
    )
    scenario.settings.report_polls_to_complete = 1  # async reports finish at the first poll
    # The last account has no scenario token: only Facebook Login reaches it ("connect" in make dev).
    scenario.ad_accounts[-1].access_token = None
    return scenario


class _AccessLogRedaction(logging.Filter):
    """uvicorn access records carry (client, method, path, version, status) args: redact the path."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) == 5 and isinstance(args[2], str):
            record.args = (args[0], args[1], redact(args[2]), args[3], args[4])
        return True


@dataclass
class LocalSync:
    simulator: SimulatorServer
    queues: LocalQueues
    scheduler: LocalScheduler

    def stop(self) -> None:
        self.scheduler.stop()
        self.queues.stop()
        self.simulator.stop()


def start_local_sync(
    simulator_port: int, scenario_file: Path | None, demo_email: str, console_url: str
) -> LocalSync:
    """Serve the scenario, point Graph calls at it (its Login redirecting to the console at
    `console_url`), connect the demo accounts (generated data only), and start the every-minute
    scheduler (its first cycle runs at once)."""
    scenario = load_scenario(scenario_file) if scenario_file else demo_scenario()
    # The simulator's access log shows request URLs, scenario tokens included: redact them.
    logging.getLogger("uvicorn.access").addFilter(_AccessLogRedaction())
    # Object writes (a bulk pause) survive a restart: the jobs and audit log that recorded them stay.
    state_file = get_settings().local_state_dir / "simulator-state.json"
    simulator = SimulatorServer(
        add_dev_login(scenario, console_url), port=simulator_port, state_file=state_file
    ).start()
    os.environ["GRAPH_BASE_URL"] = simulator.base_url
    point_login_at(simulator.base_url, scenario)
    get_settings.cache_clear()
    queues = LocalQueues().start()
    if scenario_file is None:
        connect_demo_accounts(demo_email, scenario)
    scheduler = LocalScheduler(timed=scheduled_functions()).start()  # and the daily/5-minute ones
    return LocalSync(simulator, queues, scheduler)


def connect_demo_accounts(email: str, scenario: Scenario) -> None:
    """Connect every scenario account to the demo seller (again with the token after a restart)."""
    with session_scope() as session:
        seller_id = session.scalar(select(User.seller_id).where(User.email == email))
    if seller_id is None:
        raise RuntimeError(f"no demo user {email}")
    seed_demo_sellpages(seller_id)
    for spec in scenario.ad_accounts:
        if not spec.access_token:
            continue
        try:
            connect_account(seller_id, spec.id, spec.access_token)
        except AccountAlreadyConnected:
            replace_token(seller_id, _account_id(seller_id, spec.id), spec.access_token)
        logger.info("demo ad account connected", extra={"meta_account_id": spec.id})


def seed_demo_sellpages(seller_id: uuid.UUID) -> None:
    """The demo seller's sellpages, once (a restart finds them by URL and adds nothing)."""
    for name, url in DEMO_SELLPAGES:
        try:
            with session_scope() as session:
                create_sellpage(session, seller_id, name, url)
        except DuplicateSellpage:
            continue


def _account_id(seller_id: uuid.UUID, meta_account_id: str) -> uuid.UUID:
    with session_scope() as session:
        found = session.scalar(
            select(AdAccount.id).where(
                AdAccount.seller_id == seller_id, AdAccount.meta_account_id == meta_account_id
            )
        )
    if found is None:
        raise RuntimeError(f"{meta_account_id} vanished while connecting")
    return found
