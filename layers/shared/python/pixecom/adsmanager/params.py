"""The Ads Manager list query, typed and validated: pure, no I/O, no FastAPI.

Raw query-string values come in as strings (list parameters as every repeated value, each of
which may itself be comma-separated); everything wrong raises `InvalidParam` naming the parameter,
which the API answers with a 422.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import TypeVar

from pixecom.domain.creatives import VersionKind
from pixecom.domain.dates import (
    DEFAULT_PRESET,
    DatePreset,
    DateRange,
    InvalidDateRange,
    parse_date_preset,
    parse_iso_date,
    validate_custom_range,
)
from pixecom.domain.enums import CampaignStatus, DeliveryStatus
from pixecom.domain.metrics import METRIC_NAMES

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
DEFAULT_SORT = "-spend"
SORT_KEYS: tuple[str, ...] = ("name", *METRIC_NAMES)
MAX_Q_LENGTH = 200
MAX_IDS_PER_FILTER = 500

E = TypeVar("E", bound=StrEnum)


class InvalidParam(ValueError):
    """A bad query parameter; `param` is its name as the client sent it."""

    def __init__(self, param: str, message: str) -> None:
        super().__init__(f"{param}: {message}")
        self.param = param
        self.message = message


class Level(StrEnum):
    """The three list levels, named as in the URL."""

    CAMPAIGNS = "campaigns"
    ADSETS = "adsets"
    ADS = "ads"


@dataclass(frozen=True)
class DateSpec:
    """Either a preset (resolved later, per ad account timezone) or one custom range for all."""

    preset: DatePreset | None = None
    custom: DateRange | None = None


@dataclass(frozen=True)
class Filters:
    """Each tuple empty = no filter on that column; several values = any of them."""

    sellpage_ids: tuple[uuid.UUID, ...] = ()
    statuses: tuple[CampaignStatus, ...] = ()
    delivery_statuses: tuple[DeliveryStatus, ...] = ()
    ad_account_ids: tuple[uuid.UUID, ...] = ()
    campaign_ids: tuple[uuid.UUID, ...] = ()
    adset_ids: tuple[uuid.UUID, ...] = ()
    q: str | None = None
    # Creative version keys (`pixecom.domain.creatives`): ads whose creative has one of them.
    versions: tuple[tuple[VersionKind, tuple[str, ...]], ...] = ()


@dataclass(frozen=True)
class Sort:
    key: str  # "name" or a metric name
    descending: bool

    @property
    def token(self) -> str:
        return ("-" if self.descending else "") + self.key


@dataclass(frozen=True)
class Cursor:
    """Keyset position: the last row's sort value (exact text; None = SQL NULL) and its id, its
    currency (money sorts order by currency first), and the fingerprint of the query it pages
    (`query_fingerprint`): a cursor is valid only with the query that produced it."""

    sort: str
    value: str | None
    last_id: uuid.UUID
    query: str = ""
    currency: str | None = None


@dataclass(frozen=True)
class ListQuery:
    level: Level
    dates: DateSpec
    filters: Filters = field(default_factory=Filters)
    sort: Sort = field(default_factory=lambda: parse_sort(DEFAULT_SORT))
    limit: int | None = DEFAULT_LIMIT  # None = every row (CSV export)
    cursor: Cursor | None = None

    @property
    def fingerprint(self) -> str:
        """What this query's cursors are bound to (see `query_fingerprint`)."""
        return query_fingerprint(self.level, self.filters, self.dates, self.sort)


@dataclass(frozen=True)
class RawListParams:
    """Query-string values exactly as received (None = absent)."""

    date_preset: str | None = None
    since: str | None = None
    until: str | None = None
    sellpage_id: Sequence[str] = ()
    status: Sequence[str] = ()
    delivery_status: Sequence[str] = ()
    ad_account_id: Sequence[str] = ()
    campaign_id: Sequence[str] = ()
    adset_id: Sequence[str] = ()
    q: str | None = None
    sort: str | None = None
    limit: str | None = None
    cursor: str | None = None
    # {kind}_version: media_version, ad_text_version, thumbnail_version, post_version
    versions: Mapping[VersionKind, Sequence[str]] = field(default_factory=dict)


def split_values(values: Iterable[str]) -> list[str]:
    """`?x=a&x=b,c` -> ["a", "b", "c"]; blanks are dropped."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def parse_ids(param: str, values: Iterable[str]) -> tuple[uuid.UUID, ...]:
    """UUIDs from a list parameter; any malformed one is a 422 naming `param`."""
    parts = split_values(values)
    if len(parts) > MAX_IDS_PER_FILTER:
        raise InvalidParam(param, f"at most {MAX_IDS_PER_FILTER} values")
    ids: list[uuid.UUID] = []
    for part in parts:
        try:
            ids.append(uuid.UUID(part))
        except ValueError:
            raise InvalidParam(param, f"not an id: {part[:64]!r}") from None
    return tuple(dict.fromkeys(ids))


def _parse_enum(param: str, values: Iterable[str], enum_cls: type[E]) -> tuple[E, ...]:
    out: list[E] = []
    for part in split_values(values):
        try:
            out.append(enum_cls(part.upper()))
        except ValueError:
            allowed = ", ".join(m.value for m in enum_cls)
            raise InvalidParam(param, f"unknown value {part[:64]!r}; use {allowed}") from None
    return tuple(dict.fromkeys(out))


def parse_dates(date_preset: str | None, since: str | None, until: str | None) -> DateSpec:
    """A preset or a custom since/until (both), never both; default last_7d."""
    try:
        if since is None and until is None:
            return DateSpec(preset=parse_date_preset(date_preset) if date_preset else DEFAULT_PRESET)
        if date_preset:
            raise InvalidParam("date_preset", "give either date_preset or since and until, not both")
        if since is None:
            raise InvalidParam("since", "required with until")
        if until is None:
            raise InvalidParam("until", "required with since")
        return DateSpec(
            custom=validate_custom_range(parse_iso_date(since, "since"), parse_iso_date(until, "until"))
        )
    except InvalidDateRange as exc:
        raise InvalidParam(exc.param, exc.message) from None


def parse_sort(value: str | None) -> Sort:
    """`name`, `spend`, `-roas`, ...: a known key, `-` for descending."""
    token = (value or DEFAULT_SORT).strip()
    descending = token.startswith("-")
    key = token.removeprefix("-")
    if key not in SORT_KEYS:
        raise InvalidParam("sort", f"unknown sort key {key[:64]!r}; use name or a metric name")
    return Sort(key=key, descending=descending)


def parse_limit(value: str | None) -> int:
    if value is None or value == "":
        return DEFAULT_LIMIT
    try:
        limit = int(value)
    except ValueError:
        raise InvalidParam("limit", f"not an integer: {value[:32]!r}") from None
    if not 1 <= limit <= MAX_LIMIT:
        raise InvalidParam("limit", f"must be between 1 and {MAX_LIMIT}")
    return limit


def parse_q(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    if len(value) > MAX_Q_LENGTH:
        raise InvalidParam("q", f"at most {MAX_Q_LENGTH} characters")
    return value.strip()


def query_fingerprint(level: Level, filters: Filters, dates: DateSpec, sort: Sort) -> str:
    """What a cursor is bound to: the level, every filter (order-insensitive), the date range
    (the preset's name, or the custom since/until) and the sort. Not the page size."""
    doc = {
        "level": level.value,
        "filters": {
            "sellpage_id": sorted(str(v) for v in filters.sellpage_ids),
            "status": sorted(v.value for v in filters.statuses),
            "delivery_status": sorted(v.value for v in filters.delivery_statuses),
            "ad_account_id": sorted(str(v) for v in filters.ad_account_ids),
            "campaign_id": sorted(str(v) for v in filters.campaign_ids),
            "adset_id": sorted(str(v) for v in filters.adset_ids),
            "q": filters.q,
        },
        "dates": dates.preset.value
        if dates.preset is not None
        else [dates.custom.since.isoformat(), dates.custom.until.isoformat()]
        if dates.custom is not None
        else None,
        "sort": sort.token,
    }
    if filters.versions:  # only then: the cursors of queries without them keep their fingerprint
        doc["versions"] = {kind.value: sorted(keys) for kind, keys in filters.versions}
    canonical = json.dumps(doc, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()[:16]


def encode_cursor(cursor: Cursor) -> str:
    """Opaque to clients: base64url of a small JSON document."""
    doc = {
        "s": cursor.sort,
        "v": cursor.value,
        "i": str(cursor.last_id),
        "q": cursor.query,
        "c": cursor.currency,
    }
    return base64.urlsafe_b64encode(json.dumps(doc, separators=(",", ":")).encode()).decode().rstrip("=")


def decode_cursor(token: str, sort: Sort, fingerprint: str = "") -> Cursor:
    """The cursor a previous page returned; it must belong to the same query (`fingerprint`)."""
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        doc = json.loads(raw)
        cursor = Cursor(
            sort=str(doc["s"]),
            value=doc["v"],
            last_id=uuid.UUID(str(doc["i"])),
            query=str(doc.get("q") or ""),
            currency=doc.get("c"),
        )
    except (binascii.Error, ValueError, TypeError, KeyError, UnicodeDecodeError, AttributeError):
        raise InvalidParam("cursor", "malformed cursor") from None
    if cursor.value is not None and not isinstance(cursor.value, str):
        raise InvalidParam("cursor", "malformed cursor")
    if cursor.currency is not None and not (isinstance(cursor.currency, str) and len(cursor.currency) == 3):
        raise InvalidParam("cursor", "malformed cursor")
    if cursor.sort != sort.token or cursor.query != fingerprint:
        raise InvalidParam(
            "cursor",
            "this cursor belongs to another query (level, filters, date range or sort); "
            "start again without it",
        )
    if cursor.value is not None and sort.key != "name":
        try:
            Decimal(cursor.value)
        except InvalidOperation:
            raise InvalidParam("cursor", "malformed cursor") from None
    return cursor


MAX_VERSION_KEY_LENGTH = 200


def version_param(kind: VersionKind) -> str:
    return f"{kind.value}_version"


def parse_versions(
    level: Level, raw: Mapping[VersionKind, Sequence[str]]
) -> tuple[tuple[VersionKind, tuple[str, ...]], ...]:
    """The creative version filters (keys as the creative level returns them): ads only."""
    out = []
    for kind in VersionKind:
        keys = split_values(raw.get(kind, ()))
        if not keys:
            continue
        param = version_param(kind)
        if level is not Level.ADS:
            raise InvalidParam(param, "a filter of ads and creatives; use it on /ads or /creatives")
        if len(keys) > MAX_IDS_PER_FILTER:
            raise InvalidParam(param, f"at most {MAX_IDS_PER_FILTER} values")
        if any(len(k) > MAX_VERSION_KEY_LENGTH for k in keys):
            raise InvalidParam(param, f"a version key has at most {MAX_VERSION_KEY_LENGTH} characters")
        out.append((kind, tuple(dict.fromkeys(keys))))
    return tuple(out)


def parse_list_query(level: Level, raw: RawListParams, *, paged: bool = True) -> ListQuery:
    """Validate every parameter of a list request; `paged=False` (export) ignores limit/cursor."""
    if level is Level.CAMPAIGNS and split_values(raw.adset_id):
        raise InvalidParam("adset_id", "not a filter of campaigns; use it on /adsets or /ads")
    filters = Filters(
        sellpage_ids=parse_ids("sellpage_id", raw.sellpage_id),
        statuses=_parse_enum("status", raw.status, CampaignStatus),
        delivery_statuses=_parse_enum("delivery_status", raw.delivery_status, DeliveryStatus),
        ad_account_ids=parse_ids("ad_account_id", raw.ad_account_id),
        campaign_ids=parse_ids("campaign_id", raw.campaign_id),
        adset_ids=parse_ids("adset_id", raw.adset_id),
        q=parse_q(raw.q),
        versions=parse_versions(level, raw.versions),
    )
    sort = parse_sort(raw.sort)
    dates = parse_dates(raw.date_preset, raw.since, raw.until)
    if not paged:
        return ListQuery(level=level, dates=dates, filters=filters, sort=sort, limit=None)
    limit = parse_limit(raw.limit)
    fingerprint = query_fingerprint(level, filters, dates, sort)
    cursor = decode_cursor(raw.cursor, sort, fingerprint) if raw.cursor else None
    return ListQuery(level=level, dates=dates, filters=filters, sort=sort, limit=limit, cursor=cursor)
