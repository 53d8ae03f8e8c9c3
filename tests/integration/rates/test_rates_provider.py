"""The second rates source: a JSON rates provider (the simulator's, over real HTTP) whose API key
is read from Secrets Manager (moto), run by the scheduled refresh beside the ECB's feed."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import boto3
import pytest

from simulator.rates_provider import DEMO_RATES_KEY

NOW = datetime(2026, 6, 10, 17, 0, tzinfo=UTC)  # a Wednesday, after the ECB's publication


def _refresh(sim_url: str, key: str) -> Any:
    from pixecom.rates.refresh import configured_sources, run_refresh
    from pixecom.settings import Settings

    client = boto3.client("secretsmanager", region_name="us-east-1")
    try:
        arn = client.create_secret(Name="pixecom/rates-provider", SecretString=key)["ARN"]
    except client.exceptions.ResourceExistsException:
        arn = client.describe_secret(SecretId="pixecom/rates-provider")["ARN"]
    settings = Settings(
        exchange_rates_url=sim_url + "/ecb/",
        rates_provider_url=sim_url + "/rates/",
        rates_provider_key_arn=arn,
    )
    return run_refresh(NOW, configured_sources(settings, lambda: NOW.date()))


@pytest.fixture
def sim() -> Any:
    from simulator.scenario import Scenario
    from simulator.testing import SimulatorServer

    with SimulatorServer(Scenario(ad_accounts=[]), now=lambda: NOW) as server:
        yield server


def _sources(session: Any) -> dict[str, set[str]]:
    from sqlalchemy import text

    rows = session.execute(text("SELECT currency, source FROM exchange_rates")).all()
    found: dict[str, set[str]] = {}
    for currency, source in rows:
        found.setdefault(currency, set()).add(source)
    return found


def test_vnd_and_thb_come_from_the_provider_keyed_in_secrets_manager_and_name_it(db_url, aws, sim, session):
    from pixecom.rates.store import convert
    from simulator.ecb import rate_on
    from simulator.rates_provider import provider_rate

    ecb, provider = _refresh(sim.base_url, DEMO_RATES_KEY)
    assert (ecb.source, ecb.history, ecb.days) == ("ecb", True, 64)  # the working days of 90 days
    assert (provider.source, provider.history, provider.days) == ("provider", True, 91)  # every day
    sources = _sources(session)
    assert sources["VND"] == sources["THB"] == {"provider"}  # the ECB's THB is not stored
    assert sources["USD"] == {"ecb"}

    saturday = date(2026, 6, 6)  # the provider has a rate of its own; the ECB's is Friday's
    converted = convert(session, Decimal("250000"), "VND", "USD", saturday)
    assert converted is not None
    expected = Decimal("250000") / provider_rate("VND", saturday) * rate_on("USD", date(2026, 6, 5))
    assert round(converted.amount, 6) == round(expected, 6)
    assert (converted.source, converted.rate_date) == ("provider+ecb", date(2026, 6, 5))
    session.close()  # its connection back to the pool: the refresh takes it
    _, daily = _refresh(sim.base_url, DEMO_RATES_KEY)  # the next day's run: the latest rates only
    assert (daily.history, daily.days, daily.newest_day) == (False, 1, "2026-06-10")


def test_a_refused_key_fails_the_run_without_naming_the_key_and_keeps_the_ecbs_rates(
    db_url, aws, sim, session
):
    from pixecom.rates.sources import RateSourceError

    with pytest.raises(RateSourceError) as refused:
        _refresh(sim.base_url, "not-the-key-123")
    assert "invalid_access_key" in str(refused.value) and "not-the-key-123" not in str(refused.value)
    sources = _sources(session)
    assert "VND" not in sources and sources["USD"] == {"ecb"}
