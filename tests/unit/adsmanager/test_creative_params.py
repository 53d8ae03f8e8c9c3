"""The creative level's parameters and the version filters of the ads list (pure parsing)."""

from __future__ import annotations

import pytest

from pixecom.adsmanager.creatives import parse_creative_query
from pixecom.adsmanager.params import InvalidParam, Level, RawListParams, parse_list_query
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


def test_group_by_defaults_to_media_and_an_unknown_one_or_a_cursor_is_refused() -> None:
    assert parse_creative_query(None, RawListParams(), paged=True).group_by is VersionKind.MEDIA
    assert parse_creative_query("ad_text", RawListParams(), paged=True).group_by is VersionKind.AD_TEXT
    with pytest.raises(InvalidParam) as unknown:
        parse_creative_query("colour", RawListParams(), paged=True)
    assert unknown.value.param == "group_by"
    with pytest.raises(InvalidParam) as cursor:
        parse_creative_query("media", RawListParams(cursor="abc"), paged=True)
    assert cursor.value.param == "cursor"
