"""`pixecom rates load`: a bad file is refused in one line naming the problem, before any database
is touched."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from local.command import main
from pixecom.settings import get_settings


@pytest.fixture(autouse=True)
def unreachable_database(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A database URL nothing listens on: a command that touched the database would fail on it,
    and the embedded server is not started (it would stay this process's DATABASE_URL)."""
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://nobody@127.0.0.1:9/none")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def test_a_bad_rates_file_is_one_line_and_a_failure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "rates.csv"
    bad.write_text("date,currency,per_eur\n2026-12-04,VND,-3\n")

    assert main(["rates", "load", str(bad)]) == 1

    err = capsys.readouterr().err.strip()
    assert err == f"pixecom rates load: {bad}: line 2: VND: a rate must be a positive number"


def test_a_missing_rates_file_is_one_line_and_a_failure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["rates", "load", str(tmp_path / "absent.csv")]) == 1

    assert (
        capsys.readouterr()
        .err.strip()
        .endswith("cannot read " + str(tmp_path / "absent.csv") + ": FileNotFoundError")
    )
