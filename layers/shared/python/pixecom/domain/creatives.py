"""Creative versions: which ads share a media, an ad text, a thumbnail or a post. Pure.

Sellers make versions of one ad (the same video with other texts, the same text with another
thumbnail) and ask which media, text or thumbnail sells. Each creative gets one key per kind of
version; ads whose creatives share a key form one version group, whatever their ad sets.

- media: `video:<id>`, `image:<hash>`; a carousel's or a flexible creative's several media as
  `set:<digest of the sorted media keys>` (one media alone is that media's key);
- ad text: `text:<digest>` of the body with its whitespace collapsed (a flexible creative's
  several bodies: `set:<digest>`);
- thumbnail: the path of Meta's thumbnail URL, without the signed query that changes each time
  Meta re-signs it;
- post: the post the ad runs as (`effective_object_story_id`).

A missing part has no key (an ad without a video is in no media group of its own).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any
from urllib.parse import parse_qs, urlsplit


class VersionKind(StrEnum):
    """What ads of one creative version group share (`group_by=` of the creative level)."""

    MEDIA = "media"
    AD_TEXT = "ad_text"
    THUMBNAIL = "thumbnail"
    POST = "post"


# The creatives' column holding each kind's key.
KEY_COLUMNS: Mapping[VersionKind, str] = {
    VersionKind.MEDIA: "media_key",
    VersionKind.AD_TEXT: "text_key",
    VersionKind.THUMBNAIL: "thumbnail_key",
    VersionKind.POST: "post_key",
}
_MAX_KEY = 80


@dataclass(frozen=True)
class VersionKeys:
    media: str | None
    text: str | None
    thumbnail: str | None
    post: str | None


def _digest(parts: Iterable[str]) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]


def _collapsed(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def media_key(media: Sequence[str]) -> str | None:
    """One media's key, or `set:` over several (in any order)."""
    distinct = sorted(set(media))
    if not distinct:
        return None
    return distinct[0] if len(distinct) == 1 else f"set:{_digest(distinct)}"


def text_key(bodies: Sequence[str | None]) -> str | None:
    texts = sorted({_collapsed(b) for b in bodies if b and _collapsed(b)})
    if not texts:
        return None
    return f"text:{_digest(texts)}" if len(texts) == 1 else f"set:{_digest(texts)}"


def thumbnail_key(url: str | None) -> str | None:
    """The thumbnail's identity: its URL's host and path (the signed query changes, the image not)."""
    if not url:
        return None
    parts = urlsplit(url)
    stable = f"{parts.netloc}{parts.path}"
    return stable if len(stable) <= 200 else f"url:{_digest([stable])}"


def thumbnail_expiry(url: str | None) -> datetime | None:
    """When Meta's signed thumbnail URL stops loading: its `oe` parameter (hex Unix seconds)."""
    if not url:
        return None
    values = parse_qs(urlsplit(url).query).get("oe")
    if not values:
        return None
    try:
        return datetime.fromtimestamp(int(values[0], 16), UTC)
    except (ValueError, OverflowError, OSError):
        return None


def version_keys(
    *,
    video_ids: Sequence[str],
    image_hashes: Sequence[str],
    bodies: Sequence[str | None],
    thumbnail_url: str | None,
    story_id: str | None,
) -> VersionKeys:
    media = [f"video:{v}" for v in video_ids] + [f"image:{h}" for h in image_hashes]
    key = media_key(media)
    return VersionKeys(
        media=key[:_MAX_KEY] if key else None,
        text=text_key(bodies),
        thumbnail=thumbnail_key(thumbnail_url),
        post=story_id[:128] if story_id else None,
    )


def asset_values(assets: Sequence[Mapping[str, Any]], kind: str, key: str) -> list[str]:
    """The `key` of every asset of `kind` (`video`, `image`, `body`, ...) as strings."""
    return [str(a[key]) for a in assets if a.get("type") == kind and a.get(key)]
