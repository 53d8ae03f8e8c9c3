"""`pixecom rates load`: a bad file is refused in one line naming the problem, before any database
is touched."""

from __future__ import annotations

from pathlib import Path

import pytest

from pixecom.local.command import main


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
