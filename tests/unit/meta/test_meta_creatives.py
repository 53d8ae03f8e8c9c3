"""An ad's creative from Graph answers, wherever Meta puts its parts (pixecom.meta.creatives), and
the video counters of an insights row (pixecom.meta.normalize)."""

from __future__ import annotations

from pixecom.meta.creatives import creative_from_graph
from pixecom.meta.normalize import insight_row_from_graph


def test_a_link_ad_reads_its_image_text_and_cta_from_the_story() -> None:
    c = creative_from_graph(
        {
            "id": "9",
            "effective_object_story_id": "100_200",
            "object_story_spec": {
                "page_id": "100",
                "link_data": {"link": "https://shop/p", "message": "Buy", "name": "Mug", "image_hash": "abc",
                              "call_to_action": {"type": "SHOP_NOW"}},
            },
        }
    )  # fmt: skip
    assert (c.format, c.image_hash, c.body, c.title, c.call_to_action) == (
        "image",
        "abc",
        "Buy",
        "Mug",
        "SHOP_NOW",
    )
    assert (c.link_url, c.story_id) == ("https://shop/p", "100_200")


def test_a_video_ad_and_a_carousel() -> None:
    video = creative_from_graph(
        {"id": "9", "object_story_spec": {"video_data": {"video_id": "77", "message": "Hi"}}}
    )
    assert (video.format, video.video_id, video.body) == ("video", "77", "Hi")
    cards = [{"image_hash": "a", "link": "https://x"}, {"image_hash": "b", "link": "https://y"}]
    carousel = creative_from_graph(
        {"id": "9", "object_story_spec": {"link_data": {"child_attachments": cards}}}
    )
    assert carousel.format == "carousel" and [a["hash"] for a in carousel.assets or []] == ["a", "b"]


def test_a_flexible_creative_keeps_each_asset() -> None:
    feed = {
        "videos": [{"video_id": "77"}],
        "images": [{"hash": "abc"}],
        "bodies": [{"text": "One"}, {"text": "Two"}],
        "titles": [{"text": "T"}],
        "link_urls": [{"website_url": "https://shop/p"}],
    }
    c = creative_from_graph({"id": "9", "asset_feed_spec": feed})
    assert c.format == "flexible" and c.link_url == "https://shop/p"
    assert c.assets == [
        {"type": "video", "video_id": "77"},
        {"type": "image", "hash": "abc"},
        {"type": "body", "text": "One"},
        {"type": "body", "text": "Two"},
        {"type": "title", "text": "T"},
        {"type": "link", "website_url": "https://shop/p"},
    ]


def test_video_counters_read_their_list_fields_and_watch_time_is_average_times_plays() -> None:
    def listed(value: str) -> list[dict[str, str]]:
        return [{"action_type": "video_view", "value": value}]

    row = insight_row_from_graph(
        {
            "ad_id": "1",
            "date_start": "2026-11-19",
            "impressions": "1000",
            "actions": [{"action_type": "video_view", "value": "300"}],
            "video_play_actions": listed("320"),
            "video_thruplay_watched_actions": listed("90"),
            "video_p100_watched_actions": listed("40"),
            "video_avg_time_watched_actions": listed("6"),
        }
    )
    assert (row.video_views, row.video_plays, row.thruplays, row.video_p100) == (300, 320, 90, 40)
    assert row.video_watch_time == 6 * 320 and row.video_p25 == 0
