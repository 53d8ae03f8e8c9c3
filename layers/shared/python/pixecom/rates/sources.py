"""Where reference rates come from: a source reads rates (units per euro, by day) and names
itself. Two implementations:

- `EcbFeed`: the European Central Bank's public feed, `eurofxref-daily.xml` (the last working
  day's rates, about 30 currencies) and `eurofxref-hist-90d.xml` (the last 90 days, for a
  backfill). Published on TARGET working days around 16:00 CET; weekends and holidays have none.
- `parse_operator_csv`: rates an operator loads (`pixecom rates load FILE`) for the currencies
  the ECB does not publish (VND among them), in the same quotation: units per euro.

Pure apart from `EcbFeed.fetch` (one HTTP GET).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Protocol
from xml.etree import ElementTree

from pixecom.domain.money import Rate

ECB = "ecb"
OPERATOR = "operator"
ECB_BASE_URL = "https://www.ecb.europa.eu/stats/eurofxref/"
ECB_DAILY = "eurofxref-daily.xml"
ECB_HISTORY = "eurofxref-hist-90d.xml"
MAX_FEED_BYTES = 2_000_000  # the 90-day file is ~60 KB
_CURRENCY = re.compile(r"^[A-Z]{3}$")


class RateSourceError(Exception):
    """A source answered nothing usable (HTTP error, not the expected document, bad values)."""


class RateSource(Protocol):
    @property
    def name(self) -> str:
        """Stored with each rate it published (`ecb`, ...)."""
        ...

    def fetch(self, *, history: bool) -> list[Rate]:
        """The latest day's rates, or (`history`) every day the source still offers."""
        ...


def parse_ecb(document: bytes, source: str = ECB) -> list[Rate]:
    """Every `<Cube time=...>` day of an ECB eurofxref document, each `<Cube currency rate>`."""
    if len(document) > MAX_FEED_BYTES:
        raise RateSourceError("the rates document is larger than expected")
    try:
        root = ElementTree.fromstring(document)  # noqa: S314 (a size-capped public feed; expat refuses entity expansion bombs)
    except ElementTree.ParseError as exc:
        raise RateSourceError(f"not an XML rates document: {exc}") from None
    rates: list[Rate] = []
    for day_cube in root.iter():
        if not day_cube.tag.endswith("Cube") or "time" not in day_cube.attrib:
            continue
        day = _day(day_cube.attrib["time"])
        for cube in day_cube:
            code, value = cube.attrib.get("currency", ""), cube.attrib.get("rate", "")
            rates.append(Rate(_code(code), day, _positive(value, code), source))
    if not rates:
        raise RateSourceError("the rates document holds no rate")
    return rates


def parse_operator_csv(text: str) -> list[Rate]:
    """`date,currency,per_eur` lines (a header first): `2026-12-04,VND,27350.5`. Every line is
    checked before any is used; a bad one raises naming its line."""
    reader = csv.reader(io.StringIO(text))
    header = [h.strip().lower() for h in next(reader, [])]
    if header != ["date", "currency", "per_eur"]:
        raise RateSourceError("the first line must be the header: date,currency,per_eur")
    rates: list[Rate] = []
    for number, line in enumerate(reader, start=2):
        if not any(cell.strip() for cell in line):
            continue
        if len(line) != 3:
            raise RateSourceError(f"line {number}: expected date,currency,per_eur")
        try:
            day, code, value = _day(line[0].strip()), _code(line[1].strip()), line[2].strip()
            rates.append(Rate(code, day, _positive(value, code), OPERATOR))
        except RateSourceError as exc:
            raise RateSourceError(f"line {number}: {exc}") from None
    if not rates:
        raise RateSourceError("no rate in the file")
    return rates


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise RateSourceError(f"not a date (YYYY-MM-DD): {text[:20]!r}") from None


def _code(text: str) -> str:
    if not _CURRENCY.match(text):
        raise RateSourceError(f"not a currency code: {text[:10]!r}")
    return text


def _positive(text: str, code: str) -> Decimal:
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise RateSourceError(f"{code}: not a number: {text[:20]!r}") from None
    if not value.is_finite() or value <= 0:
        raise RateSourceError(f"{code}: a rate must be a positive number")
    return value


@dataclass(frozen=True)
class EcbFeed:
    """The ECB's eurofxref files at `base_url` (the simulator serves the same files locally)."""

    base_url: str = ECB_BASE_URL
    timeout_seconds: float = 20.0
    name: str = ECB
    exclude: frozenset[str] = frozenset()  # currencies another source is configured for

    def fetch(self, *, history: bool) -> list[Rate]:
        import httpx  # only the rates function needs it

        url = self.base_url.rstrip("/") + "/" + (ECB_HISTORY if history else ECB_DAILY)
        try:
            response = httpx.get(url, timeout=self.timeout_seconds)
        except httpx.HTTPError as exc:
            raise RateSourceError(f"{url}: {type(exc).__name__}") from None
        if response.status_code != 200:
            raise RateSourceError(f"{url}: HTTP {response.status_code}")
        return [r for r in parse_ecb(response.content, self.name) if r.currency not in self.exclude]
