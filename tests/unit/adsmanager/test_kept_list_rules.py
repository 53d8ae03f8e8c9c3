"""The time rules and the memory bound of kept list bodies (pixecom.adsmanager.kept_lists)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pixecom.adsmanager.kept_lists import KeptList, ListCache, next_local_midnight, stands_until

T0 = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)
FIVE_MINUTES = timedelta(minutes=5)


def _kept(body: bytes = b"{}", read_at: datetime = T0, until: datetime = T0 + FIVE_MINUTES) -> KeptList:
    return KeptList(body, "100:105:", read_at, until)


def test_next_local_midnight_is_the_zones_own():
    assert next_local_midnight(T0, "Asia/Bangkok") == datetime(2026, 11, 20, 17, 0, tzinfo=UTC)
    assert next_local_midnight(T0, "America/Los_Angeles") == datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
    assert next_local_midnight(T0, "Asia/Kathmandu") == datetime(2026, 11, 20, 18, 15, tzinfo=UTC)


def test_next_local_midnight_at_midnight_is_the_next_one():
    bangkok_midnight = datetime(2026, 11, 20, 17, 0, tzinfo=UTC)
    assert next_local_midnight(bangkok_midnight, "Asia/Bangkok") == bangkok_midnight + timedelta(days=1)


def test_a_midnight_a_clock_change_skips_ends_the_day_no_later_than_it_does():
    # Santiago springs forward at 00:00 on 2026-09-06: that day starts at 01:00 local (04:00 UTC).
    evening = datetime(2026, 9, 6, 1, 0, tzinfo=UTC)  # 21:00 on the 5th in Santiago (UTC-4)
    assert next_local_midnight(evening, "America/Santiago") <= datetime(2026, 9, 6, 4, 0, tzinfo=UTC)


def test_a_body_stands_until_its_first_end():
    reach_until = T0 + timedelta(minutes=3)

    assert stands_until(T0, ["Asia/Bangkok"], None, FIVE_MINUTES) == T0 + FIVE_MINUTES
    assert stands_until(T0, ["Asia/Bangkok"], reach_until, FIVE_MINUTES) == reach_until
    assert stands_until(T0, ["Asia/Bangkok", "America/Los_Angeles"], None, timedelta(hours=6)) == datetime(
        2026, 11, 20, 8, 0, tzinfo=UTC
    )


def test_a_body_is_served_only_inside_its_window():
    cache = ListCache(1024)
    cache.put("k", _kept())

    assert cache.get("k", T0 - timedelta(seconds=1)) is None  # the clock moved back: dropped
    cache.put("k", _kept())
    assert cache.get("k", T0 + timedelta(minutes=4)) is not None
    assert cache.get("k", T0 + FIVE_MINUTES) is None
    assert len(cache) == 0


def test_the_least_recently_used_body_goes_first_when_memory_is_full():
    cache = ListCache(10)
    cache.put("a", _kept(b"aaaa"))
    cache.put("b", _kept(b"bbbb"))
    assert cache.get("a", T0) is not None  # a is now the most recent
    cache.put("c", _kept(b"cccc"))

    assert cache.get("b", T0) is None
    assert cache.get("a", T0) is not None and cache.get("c", T0) is not None
    assert cache.size_bytes == 8


def test_a_body_larger_than_the_memory_is_not_kept():
    cache = ListCache(4)
    cache.put("big", _kept(b"12345"))

    assert cache.get("big", T0) is None and cache.size_bytes == 0


def test_keeping_a_key_again_replaces_its_body_and_its_size():
    cache = ListCache(100)
    cache.put("k", _kept(b"1234"))
    cache.put("k", _kept(b"12"))

    kept = cache.get("k", T0)
    assert kept is not None and kept.body == b"12" and cache.size_bytes == 2
