"""Creative version keys (pixecom.domain.creatives): which ads share a media, text, thumbnail, post."""

from __future__ import annotations

from datetime import UTC, datetime

from pixecom.domain.creatives import media_key, text_key, thumbnail_expiry, thumbnail_key, version_keys

THUMB = "https://scontent.xx.fbcdn.net/v/t45.1600-4/123_1_n.jpg?stp=dst-jpg_p64x64&oh=00_abc&oe=6760A000"


def test_the_same_video_is_one_media_version_whatever_else_differs() -> None:
    a = version_keys(
        video_ids=["42"], image_hashes=[], bodies=["Buy now"], thumbnail_url=THUMB, story_id="1_2"
    )
    b = version_keys(
        video_ids=["42"], image_hashes=[], bodies=["Other text"], thumbnail_url=None, story_id="1_3"
    )
    assert a.media == b.media == "video:42"
    assert a.text != b.text and a.post != b.post


def test_an_ad_text_is_one_version_whatever_its_spacing() -> None:
    assert text_key(["Free  shipping\nthis week"]) == text_key([" Free shipping this week "])
    assert text_key([None, ""]) is None


def test_several_media_or_texts_form_one_set_whatever_their_order() -> None:
    assert media_key(["image:b", "video:a"]) == media_key(["video:a", "image:b"])
    assert media_key(["video:a", "image:b"]).startswith("set:")  # type: ignore[union-attr]
    assert text_key(["one", "two"]) == text_key(["two", "one"])
    assert media_key([]) is None


def test_a_thumbnail_keeps_its_key_when_meta_re_signs_its_url_and_says_when_it_expires() -> None:
    re_signed = THUMB.replace("oh=00_abc&oe=6760A000", "oh=00_xyz&oe=6770A000")
    assert (
        thumbnail_key(THUMB) == thumbnail_key(re_signed) == "scontent.xx.fbcdn.net/v/t45.1600-4/123_1_n.jpg"
    )
    assert thumbnail_expiry(THUMB) == datetime.fromtimestamp(0x6760A000, UTC)
    assert thumbnail_expiry("https://example.com/a.jpg") is None
    assert thumbnail_expiry(THUMB.replace("oe=6760A000", "oe=zz")) is None
