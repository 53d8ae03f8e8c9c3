"""The sync half of `pixecom dev`: the Graph API simulator, moto SQS, the demo seller's accounts
connected to the simulator, and the scheduler running dispatch -> queue -> workers every minute.

With `--scenario FILE` the file is served as it is and nothing is connected: connect accounts
through `POST /api/ad-accounts` with the scenario's tokens.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select

from local.dev_login import add_dev_login, point_login_at
from local.runner import LocalQueues
from local.scheduler import LocalScheduler
from local.schedules import scheduled_functions
from pixecom.accounts.connect import AccountAlreadyConnected, connect_account, replace_token
from pixecom.clock import utc_now
from pixecom.db.engine import session_scope
from pixecom.db.models import AdAccount, Seller, User
from pixecom.observability import logger
from pixecom.rates.refresh import run_refresh
from pixecom.rates.sources import RateSourceError
from pixecom.sellpages.service import DuplicateSellpage, create_sellpage
from pixecom.settings import get_settings
from pixecom.store.events import MAX_BATCH
from pixecom.store.ingest import Outcome, ingest_events
from simulator.generator import generate_scenario
from simulator.rates_provider import DEMO_RATES_KEY
from simulator.scenario import Scenario, load_scenario
from simulator.store import store_events
from simulator.testing import SimulatorServer

DEMO_SEED = 42
DEMO_ACCOUNTS = 3
DEMO_ADS = 60
DEMO_HISTORY_DAYS = 120  # longer than the 90-day backfill, so every chunk has data
DEMO_STORE_DAYS = 60  # the store's orders the demo sends (the shops' history)
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
    # Object writes (a bulk pause) survive a restart: the jobs and audit log that recorded them stay.
    state_file = get_settings().local_state_dir / "simulator-state.json"
    simulator = SimulatorServer(
        add_dev_login(scenario, console_url), port=simulator_port, state_file=state_file
    ).start()
    os.environ["GRAPH_BASE_URL"] = simulator.base_url
    # The ECB's rate files, as the simulator serves them (set EXCHANGE_RATES_URL for the real feed).
    os.environ.setdefault("EXCHANGE_RATES_URL", simulator.base_url + "/ecb/")
    # The second source (VND, THB), as the simulator serves it with its demo key.
    os.environ.setdefault("RATES_PROVIDER_URL", simulator.base_url + "/rates/")
    os.environ.setdefault("RATES_PROVIDER_KEY", DEMO_RATES_KEY)
    point_login_at(simulator.base_url, scenario)
    get_settings.cache_clear()
    queues = LocalQueues().start()
    fetch_rates()  # the daily function's first run: today's rates and, on a new database, 90 days
    if scenario_file is None:
        connect_demo_accounts(demo_email, scenario)
    scheduler = LocalScheduler(timed=scheduled_functions()).start()  # and the daily/5-minute ones
    return LocalSync(simulator, queues, scheduler)


def fetch_rates() -> None:
    """Store the reference rates now (the scheduled function runs daily after 16:30 UTC); a feed
    that cannot be read is said in one line and leaves the stored rates as they are."""
    try:
        reports = run_refresh(utc_now())
    except RateSourceError as exc:
        logger.warning("exchange rates not fetched", extra={"error": str(exc)})
        return
    for report in reports:
        logger.info("exchange rates stored", extra=report.as_dict())


def connect_demo_accounts(email: str, scenario: Scenario) -> None:
    """Connect every scenario account to the demo seller (again with the token after a restart)."""
    with session_scope() as session:
        seller_id = session.scalar(select(User.seller_id).where(User.email == email))
    if seller_id is None:
        raise RuntimeError(f"no demo user {email}")
    seed_demo_sellpages(seller_id)
    with session_scope() as session:  # converted totals in dollars, until the seller picks another
        seller = session.get(Seller, seller_id)
        if seller is not None and seller.reporting_currency is None:
            seller.reporting_currency = "USD"
    seed_demo_store(seller_id, scenario)
    for spec in scenario.ad_accounts:
        if not spec.access_token:
            continue
        try:
            connect_account(seller_id, spec.id, spec.access_token, now=utc_now())
        except AccountAlreadyConnected:
            replace_token(seller_id, _account_id(seller_id, spec.id), spec.access_token, now=utc_now())
        logger.info("demo ad account connected", extra={"meta_account_id": spec.id})


def seed_demo_sellpages(seller_id: uuid.UUID) -> None:
    """The demo seller's sellpages, once (a restart finds them by URL and adds nothing)."""
    for name, url in DEMO_SELLPAGES:
        try:
            with session_scope() as session:
                create_sellpage(session, seller_id, name, url)
        except DuplicateSellpage:
            continue


def seed_demo_store(seller_id: uuid.UUID, scenario: Scenario) -> None:
    """The demo shops' orders of the last DEMO_STORE_DAYS days, sent through the same ingestion as
    the store's API (a restart sends the same events again: duplicates, nothing changes)."""
    now = utc_now()
    events = store_events(scenario, now.date() - timedelta(days=DEMO_STORE_DAYS), now.date(), seed=DEMO_SEED)
    applied = 0
    for start in range(0, len(events), MAX_BATCH):
        with session_scope() as session:
            results = ingest_events(session, seller_id, events[start : start + MAX_BATCH], now)
        applied += sum(r.outcome is Outcome.APPLIED for r in results)
    logger.info("demo store orders sent", extra={"events": len(events), "applied": applied})


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
