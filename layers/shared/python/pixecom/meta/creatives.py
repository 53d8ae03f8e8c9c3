"""An ad's creative from the Graph answer: format, media, text, thumbnail, post and each asset.
Pure: no HTTP, no clock."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pixecom.meta.models import CreativeNode


def creative_link_url(creative: Mapping[str, Any] | None) -> str | None:
    """Where an ad sends people: link_url, else the story's link, else the asset feed's first URL."""
    if not isinstance(creative, Mapping):
        return None
    if creative.get("link_url"):
        return str(creative["link_url"])
    story = creative.get("object_story_spec") or {}
    for key in ("link_data", "template_data"):
        link = (story.get(key) or {}).get("link")
        if link:
            return str(link)
    cta_link = (((story.get("video_data") or {}).get("call_to_action") or {}).get("value") or {}).get("link")
    if cta_link:
        return str(cta_link)
    for url in (creative.get("asset_feed_spec") or {}).get("link_urls") or ():
        if isinstance(url, Mapping) and url.get("website_url"):
            return str(url["website_url"])
    return None


def _text(value: object) -> str | None:
    return str(value) if value not in (None, "") else None


def _feed_assets(feed: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Each asset of an `asset_feed_spec`, one object per asset."""
    assets: list[dict[str, Any]] = []
    for key, kind, field in (
        ("videos", "video", "video_id"),
        ("images", "image", "hash"),
        ("bodies", "body", "text"),
        ("titles", "title", "text"),
        ("descriptions", "description", "text"),
        ("link_urls", "link", "website_url"),
    ):
        for item in feed.get(key) or ():
            if isinstance(item, Mapping) and item.get(field):
                assets.append({"type": kind, field: str(item[field])})
    return assets


def _mapping(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def creative_from_graph(raw: Mapping[str, Any]) -> CreativeNode:
    """A creative's media, text, thumbnail and post from wherever Meta puts them: the creative's
    own fields, else its `object_story_spec` (link_data, video_data, a carousel's
    child_attachments), and every asset of a flexible creative (`asset_feed_spec`)."""
    story = _mapping(raw.get("object_story_spec"))
    link, video = _mapping(story.get("link_data")), _mapping(story.get("video_data"))
    feed = raw.get("asset_feed_spec") if isinstance(raw.get("asset_feed_spec"), Mapping) else None
    cards = [c for c in link.get("child_attachments") or () if isinstance(c, Mapping)]
    video_id = _text(raw.get("video_id")) or _text(video.get("video_id"))
    image_hash = _text(raw.get("image_hash")) or _text(link.get("image_hash"))
    assets: list[dict[str, Any]] | None = None
    if feed is not None:
        fmt, assets = "flexible", _feed_assets(feed)
    elif cards:
        fmt = "carousel"
        assets = [
            {
                "type": "card",
                "hash": str(c.get("image_hash") or ""),
                "link": c.get("link"),
                "name": c.get("name"),
            }
            for c in cards
        ]
    elif video_id:
        fmt = "video"
    elif image_hash or story.get("photo_data"):
        fmt = "image"
    else:
        fmt = "other"
    cta = raw.get("call_to_action_type") or (
        link.get("call_to_action") or video.get("call_to_action") or {}
    ).get("type")
    return CreativeNode(
        id=str(raw["id"]),
        name=_text(raw.get("name")),
        object_type=_text(raw.get("object_type")),
        format=fmt,
        image_hash=image_hash,
        video_id=video_id,
        thumbnail_url=_text(raw.get("thumbnail_url")) or _text(video.get("image_url")),
        title=_text(raw.get("title")) or _text(link.get("name")) or _text(video.get("title")),
        body=_text(raw.get("body")) or _text(link.get("message")) or _text(video.get("message")),
        call_to_action=_text(cta),
        link_url=creative_link_url(raw),
        story_id=_text(raw.get("effective_object_story_id")),
        assets=assets,
    )
