"""The simulator's creatives: versions shared across ads, signed thumbnails, consistent video plays."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime

from simulator.creatives import render_creative, thumbnail_url
from simulator.generator import generate_scenario, synthesize_day

TODAY = date(2026, 11, 19)


def test_generated_ads_share_media_across_ad_sets_and_texts_across_media() -> None:
    account = generate_scenario(accounts=1, ads=60, days=10, seed=3, today=TODAY).ad_accounts[0]
    by_id = {c.id: c for c in account.creatives}
    placed = [(s.id, by_id[a.creative_id]) for c in account.campaigns for s in c.adsets for a in s.ads]
    videos = Counter(c.video_id for _, c in placed if c.video_id)
    top, uses = videos.most_common(1)[0]
    assert uses >= 4 and len({s for s, c in placed if c.video_id == top}) >= 2
    assert len({c.body for _, c in placed if c.video_id == top}) >= 2  # the same video, other texts
    assert any(c.asset_feed_spec for _, c in placed) and any(c.carousel for _, c in placed)


def test_thumbnail_urls_are_signed_and_expire_two_days_after_the_hour_they_were_issued() -> None:
    url = thumbnail_url("77_1", datetime(2026, 11, 19, 10, 42, tzinfo=UTC))
    expires = int(url.rsplit("oe=", 1)[1], 16)
    assert expires == int(datetime(2026, 11, 21, 10, 0, tzinfo=UTC).timestamp())
    assert url != thumbnail_url("77_1", datetime(2026, 11, 19, 11, 0, tzinfo=UTC))  # re-signed later


def test_a_rendered_video_creative_carries_its_story_and_post() -> None:
    account = generate_scenario(accounts=1, ads=30, days=5, seed=2, today=TODAY).ad_accounts[0]
    spec = next(c for c in account.creatives if c.video_id)
    rendered = render_creative(spec, account, datetime(2026, 11, 19, tzinfo=UTC))
    assert rendered["object_story_spec"]["video_data"]["video_id"] == spec.video_id
    assert rendered["effective_object_story_id"] == spec.story_id and "oe=" in rendered["thumbnail_url"]


def test_video_plays_never_exceed_the_step_before_them() -> None:
    account = generate_scenario(accounts=1, ads=40, days=10, seed=5, today=TODAY).ad_accounts[0]
    ads = [a for c in account.campaigns for s in c.adsets for a in s.ads if a.profile and a.profile.video]
    assert ads
    for ad in ads:
        assert ad.profile is not None
        day = synthesize_day(ad.profile, ad.id, TODAY)
        if day is None:
            continue
        v = day.video
        chain = [
            day.impressions,
            v["video_play_actions"],
            day.actions.get("video_view", 0),
            *(v[f"video_p{p}_watched_actions"] for p in (25, 50, 75, 95, 100)),
        ]
        assert chain == sorted(chain, reverse=True), chain
        assert (
            v["video_p100_watched_actions"]
            <= v["video_thruplay_watched_actions"]
            <= day.actions["video_view"]
        )
        assert v["video_30_sec_watched_actions"] <= v["video_thruplay_watched_actions"]
