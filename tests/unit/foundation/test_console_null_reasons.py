"""The console says why a list's number is null in the reader's language by reading the API's
English sentence back (console/src/nullReasons.ts): every reason the API gives for a null reach
(`reach_unavailable`) and for null store numbers (`store.null_reason`) matches one of its
patterns, so rewording one here fails instead of showing English to a Vietnamese reader."""

from __future__ import annotations

import re
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

from pixecom.adsmanager import reach
from pixecom.adsmanager.statement import Param, q, run
from pixecom.adsmanager.store_columns import NO_SELLPAGE, NO_STORE_ROWS, _missing_reason

NULL_REASONS = Path(__file__).resolve().parents[3] / "console" / "src" / "nullReasons.ts"
REACH_SENTENCES = [
    reach.NOT_READ,
    reach.THROTTLED,
    reach.TOO_BIG,
    reach.REFUSED,
    reach.SEVERAL_ACCOUNTS,
    reach.FILTERED,
]


def console_patterns(name: str) -> list[re.Pattern[str]]:
    """The regular expressions of the console's list `name` (JS literals in the subset Python
    reads alike)."""
    text = NULL_REASONS.read_text()
    start = text.index(f"export const {name}")
    found = re.findall(r"\[\s*/(\^.*?\$)/,", text[start : text.index("\n];", start)])
    assert found, f"no patterns in {name}"
    return [re.compile(pattern) for pattern in found]


def no_rate_sentences(pg_server_url: str) -> list[str]:
    """`null_reason` for revenue without a rate, as Postgres writes it from the list statement's
    own fragment: a row's (its currencies without a rate) and a summary's (its rows' lists joined)."""
    libpq = make_url(pg_server_url).set(drivername="postgresql").render_as_string(hide_password=False)
    cases = [("EUR", "USD"), ("EUR, GBP", "VND"), ("EUR, GBP, EUR", "USD")]
    with psycopg.connect(libpq) as conn:
        return [
            run(
                conn,
                q(
                    "SELECT {} AS reason",
                    _missing_reason(
                        q("CAST({} AS text)", Param(missing)), q("CAST({} AS text)", Param(currency))
                    ),
                ),
            )[0]["reason"]
            for missing, currency in cases
        ]


def test_every_reason_for_a_null_reach_has_a_console_pattern():
    patterns = console_patterns("REACH_REASONS")
    unread = [s for s in REACH_SENTENCES if not any(p.fullmatch(s) for p in patterns)]
    assert unread == [], f"no console pattern for: {unread}"


def test_each_reach_reason_has_its_own_words():
    patterns = console_patterns("REACH_REASONS")
    assert len(patterns) == len(REACH_SENTENCES)
    assert [[p.fullmatch(s) is not None for p in patterns].index(True) for s in REACH_SENTENCES] == list(
        range(len(REACH_SENTENCES))
    )


@pytest.mark.parametrize("sentence", [NO_SELLPAGE, NO_STORE_ROWS])
def test_the_console_reads_the_store_reasons_without_values(sentence):
    assert any(p.fullmatch(sentence) for p in console_patterns("STORE_REASONS")), sentence


def test_the_console_reads_the_missing_rate_reason_with_its_currencies(pg_server_url):
    sentences = no_rate_sentences(pg_server_url)
    assert sentences[0] == "store revenue in EUR is not converted to USD (no exchange rate on some day)"
    patterns = console_patterns("STORE_REASONS")
    read = [[m.groups() for p in patterns if (m := p.fullmatch(s))] for s in sentences]
    assert read == [[("EUR", "USD")], [("EUR, GBP", "VND")], [("EUR, GBP, EUR", "USD")]]


def test_a_sentence_the_console_does_not_know_is_not_taken_for_one_of_ours():
    patterns = console_patterns("REACH_REASONS") + console_patterns("STORE_REASONS")
    assert not any(p.fullmatch("(#100) Reach is not available for this query") for p in patterns)
