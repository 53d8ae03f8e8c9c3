"""The Ads Manager list query, typed and validated: pure, no I/O, no FastAPI.

Raw query-string values come in as strings (list parameters as every repeated value, each of
which may itself be comma-separated); everything wrong raises `InvalidParam` naming the parameter,
which the API answers with a 422.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import hashlib
import json
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any, Generic, Literal, TypeVar, overload

from pixecom.domain.catalogue import REACH_METRIC_NAMES, STORE_METRICS
from pixecom.domain.column_presets import PRESETS
from pixecom.domain.creatives import VersionKind
from pixecom.domain.dates import (
    DEFAULT_PRESET,
    CompareMode,
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
# The store's numbers sort too (campaigns, ad sets, ads: `adsmanager.store_columns`).
STORE_SORT_KEYS: tuple[str, ...] = tuple(m.name for m in STORE_METRICS)
SORT_KEYS: tuple[str, ...] = ("name", *METRIC_NAMES, *STORE_SORT_KEYS)
MAX_Q_LENGTH = 200
MAX_IDS_PER_FILTER = 500

E = TypeVar("E", bound=StrEnum)
# What breaks a sort's ties: an entity's id, or a creative version group's key (a string).
RowKey = TypeVar("RowKey", uuid.UUID, str)


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
class CompareSpec:
    """What the range is compared with: a mode (resolved from each account's own range, so in
    its timezone) or one explicit range for every account."""

    mode: CompareMode | None = None
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
    # The parents' statuses (ad sets and ads: their campaign's; ads: their ad set's too).
    campaign_statuses: tuple[CampaignStatus, ...] = ()
    campaign_deliveries: tuple[DeliveryStatus, ...] = ()
    adset_statuses: tuple[CampaignStatus, ...] = ()
    adset_deliveries: tuple[DeliveryStatus, ...] = ()
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
class Cursor(Generic[RowKey]):
    """Keyset position: the last row's sort value (exact text; None = SQL NULL) and its id (a
    creative group's: its version key), its currency (money sorts order by currency first; a
    creative group is its key in one currency), and the fingerprint of the query it pages
    (`query_fingerprint`): a cursor is valid only with the query that produced it."""

    sort: str
    value: str | None
    last_id: RowKey
    query: str = ""
    currency: str | None = None


@dataclass(frozen=True)
class ListQuery:
    level: Level
    dates: DateSpec
    filters: Filters = field(default_factory=Filters)
    sort: Sort = field(default_factory=lambda: parse_sort(DEFAULT_SORT))
    limit: int | None = DEFAULT_LIMIT  # None = every row (CSV export)
    cursor: Cursor[Any] | None = None  # an entity's (uuid); the creative level's (its group key)
    compare: CompareSpec | None = None
    columns: tuple[str, ...] | None = None  # the metrics returned, in order; None = all

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
    campaign_status: Sequence[str] = ()
    campaign_delivery: Sequence[str] = ()
    adset_status: Sequence[str] = ()
    adset_delivery: Sequence[str] = ()
    q: str | None = None
    sort: str | None = None
    limit: str | None = None
    cursor: str | None = None
    compare: str | None = None
    compare_since: str | None = None
    compare_until: str | None = None
    columns: Sequence[str] = ()
    breakdown: str | None = None  # adsmanager.breakdowns.parse_breakdown
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
    if since is None and until is None:
        try:
            return DateSpec(preset=parse_date_preset(date_preset) if date_preset else DEFAULT_PRESET)
        except InvalidDateRange as exc:
            raise InvalidParam(exc.param, exc.message) from None
    if date_preset:
        raise InvalidParam("date_preset", "give either date_preset or since and until, not both")
    return DateSpec(custom=explicit_range(since, until, ("since", "until")))


def explicit_range(since: str | None, until: str | None, names: tuple[str, str]) -> DateRange:
    """A range given as two YYYY-MM-DD parameters (`names`: theirs), both required."""
    since_name, until_name = names
    if since is None:
        raise InvalidParam(since_name, f"required with {until_name}")
    if until is None:
        raise InvalidParam(until_name, f"required with {since_name}")
    try:
        return validate_custom_range(parse_iso_date(since, since_name), parse_iso_date(until, until_name))
    except InvalidDateRange as exc:  # a range's own faults (order, length) name its start
        raise InvalidParam(since_name if exc.param == "since" else exc.param, exc.message) from None


def parse_compare(
    compare: str | None, compare_since: str | None, compare_until: str | None, dates: DateSpec
) -> CompareSpec | None:
    """`compare=previous_period|previous_year`, or an explicit `compare_since`/`compare_until`
    (both; only beside an explicit since/until, and ending before it starts or starting after it
    ends: a preset's days differ per account timezone, and a comparison overlapping its own range
    compares days with themselves)."""
    if compare_since is None and compare_until is None:
        if not compare:
            return None
        try:
            return CompareSpec(mode=CompareMode(compare))
        except ValueError:
            allowed = ", ".join(m.value for m in CompareMode)
            raise InvalidParam("compare", f"unknown comparison {compare[:64]!r}; use {allowed}") from None
    if compare:
        raise InvalidParam("compare", "give either compare or compare_since and compare_until, not both")
    other = explicit_range(compare_since, compare_until, ("compare_since", "compare_until"))
    if dates.custom is None:
        raise InvalidParam(
            "compare_since",
            "an explicit comparison range needs an explicit since and until (a preset's days "
            "differ per ad account timezone); or use compare=previous_period or previous_year",
        )
    main = dates.custom
    if other.since <= main.until and main.since <= other.until:
        raise InvalidParam(
            "compare_since",
            f"the comparison range {other.since}..{other.until} overlaps the range "
            f"{main.since}..{main.until}; compare with days outside it",
        )
    return CompareSpec(custom=other)


_PRESET_PREFIX = "preset:"
_COLUMN_PRESETS = {preset.id: preset.columns for preset in PRESETS}


def parse_columns(values: Iterable[str]) -> tuple[str, ...] | None:
    """`columns=spend,roas` or `columns=preset:performance` (a preset's metrics, in its order;
    several may be mixed, the first mention of a metric keeps its place); None = every metric."""
    chosen: list[str] = []
    for part in split_values(values):
        if part.startswith(_PRESET_PREFIX):
            preset = _COLUMN_PRESETS.get(part.removeprefix(_PRESET_PREFIX))
            if preset is None:
                allowed = ", ".join(_PRESET_PREFIX + name for name in _COLUMN_PRESETS)
                raise InvalidParam("columns", f"unknown column preset {part[:64]!r}; use {allowed}")
            chosen.extend(preset)
        elif part in METRIC_NAMES or part in REACH_METRIC_NAMES:
            chosen.append(part)
        else:
            raise InvalidParam(
                "columns",
                f"unknown column {part[:64]!r}; use metric names (as in `metrics`) or a preset "
                f"such as {_PRESET_PREFIX}performance",
            )
    return tuple(dict.fromkeys(chosen)) or None


def parse_sort(value: str | None) -> Sort:
    """`name`, `spend`, `-roas`, ...: a known key, `-` for descending."""
    token = (value or DEFAULT_SORT).strip()
    descending = token.startswith("-")
    key = token.removeprefix("-")
    if key not in SORT_KEYS:
        raise InvalidParam("sort", f"unknown sort key {key[:64]!r}; use name, a metric or a store number")
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


def query_fingerprint(
    level: Level, filters: Filters, dates: DateSpec, sort: Sort, group_by: VersionKind | None = None
) -> str:
    """What a cursor is bound to: the level, every filter (order-insensitive), the date range
    (the preset's name, or the custom since/until) and the sort; the creative level's grouping
    (its rows are the ads' version groups). Not the page size."""
    doc = {
        "level": level.value,
        "filters": {
            "sellpage_id": sorted(str(v) for v in filters.sellpage_ids),
            "status": sorted(v.value for v in filters.statuses),
            "delivery_status": sorted(v.value for v in filters.delivery_statuses),
            "ad_account_id": sorted(str(v) for v in filters.ad_account_ids),
            "campaign_id": sorted(str(v) for v in filters.campaign_ids),
            "adset_id": sorted(str(v) for v in filters.adset_ids),
            "campaign_status": sorted(v.value for v in filters.campaign_statuses),
            "campaign_delivery": sorted(v.value for v in filters.campaign_deliveries),
            "adset_status": sorted(v.value for v in filters.adset_statuses),
            "adset_delivery": sorted(v.value for v in filters.adset_deliveries),
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
    if group_by is not None:  # the creative level's: never an ads list cursor's
        doc["group_by"] = group_by.value
    canonical = json.dumps(doc, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()[:16]


def encode_cursor(cursor: Cursor[Any]) -> str:
    """Opaque to clients: base64url of a small JSON document."""
    doc = {
        "s": cursor.sort,
        "v": cursor.value,
        "i": str(cursor.last_id),
        "q": cursor.query,
        "c": cursor.currency,
    }
    return base64.urlsafe_b64encode(json.dumps(doc, separators=(",", ":")).encode()).decode().rstrip("=")


@overload
def decode_cursor(
    token: str, sort: Sort, fingerprint: str = "", *, keyed: Literal[False] = False
) -> Cursor[uuid.UUID]: ...
@overload
def decode_cursor(token: str, sort: Sort, fingerprint: str = "", *, keyed: Literal[True]) -> Cursor[str]: ...
def decode_cursor(token: str, sort: Sort, fingerprint: str = "", *, keyed: bool = False) -> Cursor[Any]:
    """The cursor a previous page returned; it must belong to the same query (`fingerprint`).
    `keyed`: its rows are creative version groups, whose last row is named by its key."""
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        doc = json.loads(raw)
        cursor = Cursor[Any](
            sort=str(doc["s"]),
            value=doc["v"],
            last_id=_group_key(doc["i"]) if keyed else uuid.UUID(str(doc["i"])),
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


def _group_key(value: object) -> str:
    if not isinstance(value, str) or not 0 < len(value) <= MAX_VERSION_KEY_LENGTH:
        raise ValueError("not a version key")
    return value


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


# Parent filters and the levels below the parent they name.
_PARENT_FILTERS: dict[str, tuple[Level, ...]] = {
    "adset_id": (Level.ADS, Level.ADSETS),
    "campaign_status": (Level.ADSETS, Level.ADS),
    "campaign_delivery": (Level.ADSETS, Level.ADS),
    "adset_status": (Level.ADS,),
    "adset_delivery": (Level.ADS,),
}


def _refuse_foreign_parent_filters(level: Level, raw: RawListParams) -> None:
    """A parent's filter on a level that has no such parent is a 422 saying where it applies
    (`campaign_status` on campaigns would otherwise look like a filter and filter nothing)."""
    for name, levels in _PARENT_FILTERS.items():
        if level not in levels and split_values(getattr(raw, name)):
            own = "status" if name.endswith("_status") else "delivery_status"
            where = " or ".join(f"/{lv.value}" for lv in levels)
            hint = f"; its own is {own}" if name.startswith(level.value[:-1]) else ""
            raise InvalidParam(name, f"not a filter of {level.value}; use it on {where}{hint}")


def parse_filters(level: Level, raw: RawListParams) -> Filters:
    """Every filter of a list request, each value checked (a 422 naming the parameter)."""
    _refuse_foreign_parent_filters(level, raw)
    return Filters(
        sellpage_ids=parse_ids("sellpage_id", raw.sellpage_id),
        statuses=_parse_enum("status", raw.status, CampaignStatus),
        delivery_statuses=_parse_enum("delivery_status", raw.delivery_status, DeliveryStatus),
        ad_account_ids=parse_ids("ad_account_id", raw.ad_account_id),
        campaign_ids=parse_ids("campaign_id", raw.campaign_id),
        adset_ids=parse_ids("adset_id", raw.adset_id),
        q=parse_q(raw.q),
        campaign_statuses=_parse_enum("campaign_status", raw.campaign_status, CampaignStatus),
        campaign_deliveries=_parse_enum("campaign_delivery", raw.campaign_delivery, DeliveryStatus),
        adset_statuses=_parse_enum("adset_status", raw.adset_status, CampaignStatus),
        adset_deliveries=_parse_enum("adset_delivery", raw.adset_delivery, DeliveryStatus),
        versions=parse_versions(level, raw.versions),
    )


def parse_list_query(level: Level, raw: RawListParams, *, paged: bool = True) -> ListQuery:
    """Validate every parameter of a list request; `paged=False` (export) ignores limit/cursor."""
    filters = parse_filters(level, raw)
    sort = parse_sort(raw.sort)
    dates = parse_dates(raw.date_preset, raw.since, raw.until)
    compare = parse_compare(raw.compare, raw.compare_since, raw.compare_until, dates)
    chosen = parse_columns(raw.columns)
    query = ListQuery(level, dates, filters, sort, limit=None, compare=compare, columns=chosen)
    if not paged:
        return query
    fingerprint = query_fingerprint(level, filters, dates, sort)
    cursor = decode_cursor(raw.cursor, sort, fingerprint) if raw.cursor else None
    return dataclasses.replace(query, limit=parse_limit(raw.limit), cursor=cursor)
