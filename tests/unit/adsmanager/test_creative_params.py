"""The creative level's parameters and the version filters of the ads list (pure parsing)."""

from __future__ import annotations

import pytest

from pixecom.adsmanager.creatives import parse_creative_query
from pixecom.adsmanager.params import (
    Cursor,
    InvalidParam,
    Level,
    RawListParams,
    encode_cursor,
    parse_list_query,
)
from pixecom.domain.creatives import VersionKind


def test_version_filters_are_parsed_for_ads_and_change_the_cursor_fingerprint() -> None:
    raw = RawListParams(versions={VersionKind.MEDIA: ["video:1,video:2", "video:1"]})
    query = parse_list_query(Level.ADS, raw)
    assert query.filters.versions == ((VersionKind.MEDIA, ("video:1", "video:2")),)
    assert query.fingerprint != parse_list_query(Level.ADS, RawListParams()).fingerprint


@pytest.mark.parametrize("level", [Level.CAMPAIGNS, Level.ADSETS])
def test_version_filters_are_refused_above_the_ads_naming_the_parameter(level: Level) -> None:
    with pytest.raises(InvalidParam) as refused:
        parse_list_query(level, RawListParams(versions={VersionKind.POST: ["1_2"]}))
    assert refused.value.param == "post_version"


def test_group_by_defaults_to_media_and_an_unknown_one_is_refused() -> None:
    assert parse_creative_query(None, RawListParams(), paged=True).group_by is VersionKind.MEDIA
    assert parse_creative_query("ad_text", RawListParams(), paged=True).group_by is VersionKind.AD_TEXT
    with pytest.raises(InvalidParam) as unknown:
        parse_creative_query("colour", RawListParams(), paged=True)
    assert unknown.value.param == "group_by"


def _group_cursor(group_by: str, raw: RawListParams, **overrides: object) -> str:
    query = parse_creative_query(group_by, raw, paged=True)
    fields: dict[str, object] = {
        "sort": query.ads.sort.token,
        "value": "12.5",
        "last_id": "video:7",
        "query": query.fingerprint,
        "currency": "JPY",
    }
    return encode_cursor(Cursor(**{**fields, **overrides}))  # type: ignore[arg-type]


def test_a_group_cursor_names_the_last_groups_key_and_currency() -> None:
    raw = RawListParams(sort="-spend", limit="20")
    parsed = parse_creative_query(
        "media", RawListParams(sort="-spend", cursor=_group_cursor("media", raw)), paged=True
    )
    assert parsed.ads.cursor is not None
    assert (parsed.ads.cursor.value, parsed.ads.cursor.last_id, parsed.ads.cursor.currency) == (
        "12.5",
        "video:7",
        "JPY",
    )
    assert parsed.ads.limit == 50  # the page size is not part of the query a cursor is bound to


def test_the_fingerprint_of_the_creative_level_is_its_own_per_grouping() -> None:
    media = parse_creative_query("media", RawListParams(), paged=True)
    ad_text = parse_creative_query("ad_text", RawListParams(), paged=True)
    ads = parse_list_query(Level.ADS, RawListParams())
    assert len({media.fingerprint, ad_text.fingerprint, ads.fingerprint}) == 3
    assert media.ads.fingerprint == ads.fingerprint  # the ads list's own cursors are unchanged


@pytest.mark.parametrize(
    ("group_by", "raw"),
    [
        ("ad_text", RawListParams()),  # another grouping
        ("media", RawListParams(sort="-roas")),  # another sort
        ("media", RawListParams(q="summer")),  # another filter
    ],
)
def test_a_group_cursor_is_refused_by_another_query(group_by: str, raw: RawListParams) -> None:
    token = _group_cursor("media", RawListParams())
    with pytest.raises(InvalidParam) as refused:
        parse_creative_query(group_by, RawListParams(sort=raw.sort, q=raw.q, cursor=token), paged=True)
    assert refused.value.param == "cursor" and "another query" in refused.value.message


@pytest.mark.parametrize(
    "overrides",
    [{"currency": None}, {"last_id": ""}, {"last_id": "k" * 201}, {"value": "1; DROP TABLE ads"}],
)
def test_a_forged_or_partial_group_cursor_is_malformed(overrides: dict[str, object]) -> None:
    token = _group_cursor("media", RawListParams(), **overrides)
    with pytest.raises(InvalidParam) as refused:
        parse_creative_query("media", RawListParams(cursor=token), paged=True)
    assert refused.value.param == "cursor" and refused.value.message == "malformed cursor"


def test_a_group_cursor_is_not_an_ads_list_cursor() -> None:
    token = _group_cursor("media", RawListParams())
    with pytest.raises(InvalidParam) as refused:
        parse_list_query(Level.ADS, RawListParams(cursor=token))
    assert refused.value.param == "cursor"


def test_the_export_reads_every_group_whatever_the_cursor() -> None:
    query = parse_creative_query("media", RawListParams(cursor="abc"), paged=False)
    assert query.ads.cursor is None and query.ads.limit is None
