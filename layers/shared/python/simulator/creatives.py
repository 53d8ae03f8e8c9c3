"""Ad creatives as Meta has them: generated versions shared across ads, and rendered as the
`creative{...}` expansion of an ad and the `/act_{id}/adcreatives` edge.

Sellers make versions: the same video with other texts, the same text with other thumbnails, a
post reused by ads in several ad sets. `assign_creatives` gives a generated account's ads such
creatives from a small pool of videos, images and texts (skewed: a few media carry most ads),
drawn from their own seeded stream so the delivery numbers of a scenario keep their draws. A
video creative's ads get a `VideoProfile`, so their insights carry video plays.

`thumbnail_url` is signed and expires, as Meta's CDN URLs do: `oe` is the expiry (hex Unix
seconds), `oh` a signature over it; a URL read later than `oe` no longer loads.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from simulator.scenario import AdAccountSpec, AdSpec, CreativeSpec, VideoProfile

THUMBNAIL_HOST = "https://scontent.xx.fbcdn.net"
THUMBNAIL_LIFETIME = timedelta(hours=48)
CREATIVE_FIELDS = frozenset({
    "id", "name", "object_type", "status", "thumbnail_url", "image_hash", "image_url", "video_id",
    "title", "body", "call_to_action_type", "link_url", "object_story_spec", "asset_feed_spec",
    "effective_object_story_id", "object_story_id", "account_id", "url_tags",
})
_TEXTS = (
    ("Made to last", "Our best seller is back. Free shipping this week only."),
    ("Gift idea", "The gift they will actually use. Order today, delivered in 3 days."),
    ("New colours", "Five new colours, same quality. Pick yours before they sell out."),
    ("Loved by 10,000", "Rated 4.9 by 10,000 customers. See why."),
    ("Limited stock", "Only a few left at this price. Do not miss it."),
    ("Handmade", "Every piece handmade and checked twice. Yours in days."),
    ("Summer sale", "Up to 40% off this week. Shop the sale now."),
    ("Bundle and save", "Buy two, get the third free. Today only."),
)


def _rng(account: AdAccountSpec) -> random.Random:
    return random.Random(f"creatives:{account.id}")  # noqa: S311 - simulation, not security


def _skewed(rng: random.Random, items: Sequence[str]) -> str:
    """A few items carry most of the ads, as a seller's winning video does."""
    return rng.choices(list(items), weights=[1 / (i + 1) for i in range(len(items))])[0]


def _video_profile(rng: random.Random) -> VideoProfile:
    return VideoProfile(hook=rng.uniform(0.15, 0.45), started=rng.uniform(1.05, 1.3),
                        p25=rng.uniform(0.55, 0.85), p50=rng.uniform(0.55, 0.8), p75=rng.uniform(0.6, 0.85),
                        p95=rng.uniform(0.7, 0.9), p100=rng.uniform(0.8, 0.95),
                        thruplay=rng.uniform(0.2, 0.5), thirty=rng.uniform(0.3, 0.7),
                        seconds=rng.uniform(3.5, 14.0))


def assign_creatives(account: AdAccountSpec) -> None:
    """Give every ad of a generated account a creative (in place): `account.creatives`."""
    ads = [(adset.id, ad) for c in account.campaigns for adset in c.adsets for ad in adset.ads]
    if not ads:
        return
    rng = _rng(account)
    n = len(ads)
    videos = [f"{9000 + int(account.account_id)}{i:06d}" for i in range(max(1, n // 8))]
    images = [hashlib.md5(f"{account.id}:img:{i}".encode()).hexdigest()  # noqa: S324 - an image hash
              for i in range(max(1, n // 8))]
    texts = list(range(min(len(_TEXTS), max(2, n // 6))))
    watch = {v: _video_profile(rng) for v in videos}
    made: list[tuple[str, CreativeSpec]] = []
    for index, (adset_id, ad) in enumerate(ads):
        reused = [c for s, c in made if s != adset_id]
        if reused and rng.random() < 0.15:  # the same post promoted in another ad set
            creative = rng.choice(reused)
        else:
            creative = _creative(rng, account, ad, index, videos, images, texts)
            made.append((adset_id, creative))
            account.creatives.append(creative)
        ad.creative_id = creative.id
        if creative.video_id and ad.profile is not None:
            ad.profile = ad.profile.model_copy(update={"video": _jittered(rng, watch[creative.video_id])})
        elif creative.asset_feed_spec and ad.profile is not None:
            video_id = creative.asset_feed_spec["videos"][0]["video_id"]
            ad.profile = ad.profile.model_copy(update={"video": _jittered(rng, watch[video_id])})


def _jittered(rng: random.Random, base: VideoProfile) -> VideoProfile:
    """The video's own watch pattern, a little different in each ad (audience, placement)."""
    return base.model_copy(update={"hook": min(0.9, base.hook * rng.uniform(0.85, 1.15))})


def _creative(rng: random.Random, account: AdAccountSpec, ad: AdSpec, index: int, videos: list[str],
              images: list[str], texts: list[int]) -> CreativeSpec:
    assert ad.creative_id is not None
    title, body = _TEXTS[int(_skewed(rng, [str(t) for t in texts]))]
    post = f"100000000000001_{int(account.account_id) * 100_000 + index}"
    common: dict[str, Any] = {"id": ad.creative_id, "name": f"{ad.name} creative", "link_url": ad.link_url,
                              "story_id": post}
    kind = rng.choices(("video", "image", "carousel", "dynamic"), weights=(55, 30, 8, 7))[0]
    if kind == "video":
        video = _skewed(rng, videos)
        return CreativeSpec(**common, object_type="VIDEO", video_id=video,
                            thumbnail_id=f"{video}_{rng.randint(1, 2)}", title=title, body=body)
    if kind == "image":
        image = _skewed(rng, images)
        return CreativeSpec(**common, image_hash=image, thumbnail_id=image, title=title, body=body)
    if kind == "carousel":
        cards = rng.sample(images, min(len(images), 3))
        return CreativeSpec(**common, carousel=cards, thumbnail_id=cards[0], title=title, body=body)
    video, image = _skewed(rng, videos), _skewed(rng, images)
    bodies = rng.sample([_TEXTS[t] for t in texts], min(len(texts), 2))
    feed = {"videos": [{"video_id": video, "thumbnail_hash": f"{video}_1"}], "images": [{"hash": image}],
            "bodies": [{"text": b} for _, b in bodies], "titles": [{"text": t} for t, _ in bodies],
            "link_urls": [{"website_url": ad.link_url}] if ad.link_url else [],
            "call_to_action_types": ["SHOP_NOW"], "ad_formats": ["SINGLE_VIDEO", "SINGLE_IMAGE"]}
    return CreativeSpec(**common, object_type="VIDEO", thumbnail_id=f"{video}_1", asset_feed_spec=feed)


def thumbnail_url(thumbnail_id: str, now: datetime) -> str:
    """A signed CDN URL valid for THUMBNAIL_LIFETIME from the hour it was handed out."""
    issued = now.replace(minute=0, second=0, microsecond=0)
    expires = int((issued + THUMBNAIL_LIFETIME).timestamp())
    signature = hashlib.blake2b(f"{thumbnail_id}:{expires}".encode(), digest_size=16).hexdigest()
    return (f"{THUMBNAIL_HOST}/v/t45.1600-4/{thumbnail_id}_n.jpg?stp=dst-jpg_p64x64&_nc_cat=1"
            f"&oh=00_{signature}&oe={expires:X}")


def render_creative(spec: CreativeSpec, account: AdAccountSpec, now: datetime) -> dict[str, Any]:
    """Every field Meta gives of a creative (callers project what was asked for)."""
    story: dict[str, Any] = {"page_id": spec.page_id}
    cta = None
    if spec.call_to_action_type:
        cta = {"type": spec.call_to_action_type, "value": {"link": spec.link_url}}
    if spec.video_id:
        story["video_data"] = {"video_id": spec.video_id, "message": spec.body, "title": spec.title,
                               "image_url": thumbnail_url(spec.thumbnail_id or spec.video_id, now),
                               "call_to_action": cta}
    elif spec.carousel:
        cards = [{"link": spec.link_url, "image_hash": h, "name": spec.title} for h in spec.carousel]
        story["link_data"] = {"link": spec.link_url, "message": spec.body, "call_to_action": cta,
                              "child_attachments": cards}
    elif spec.asset_feed_spec is None:
        story["link_data"] = {"link": spec.link_url, "message": spec.body, "name": spec.title,
                              "image_hash": spec.image_hash, "call_to_action": cta}
    full: dict[str, Any] = {
        "id": spec.id, "name": spec.name, "object_type": spec.object_type, "status": "ACTIVE",
        "account_id": account.account_id, "title": spec.title, "body": spec.body,
        "call_to_action_type": spec.call_to_action_type, "image_hash": spec.image_hash,
        "video_id": spec.video_id, "link_url": spec.link_url,
        "thumbnail_url": thumbnail_url(spec.thumbnail_id, now) if spec.thumbnail_id else None,
        "image_url": thumbnail_url(spec.image_hash, now).replace("p64x64", "p1080x1080")
        if spec.image_hash else None,
        "effective_object_story_id": spec.story_id,
        "object_story_spec": story if spec.asset_feed_spec is None else {"page_id": spec.page_id},
        "asset_feed_spec": spec.asset_feed_spec,
    }
    return {k: v for k, v in full.items() if v is not None}
