"""Sellpage URL keys and matching ad links to sellpages."""

from uuid import UUID

import pytest

from pixecom.domain.sellpages import InvalidSellpageUrl, match_link, match_sellpage, url_key

MUG = UUID("00000000-0000-0000-0000-000000000001")
MUGS = UUID("00000000-0000-0000-0000-000000000002")
SHOP = UUID("00000000-0000-0000-0000-000000000003")
RED_MUG = UUID("00000000-0000-0000-0000-000000000004")
OTHER = UUID("00000000-0000-0000-0000-000000000005")

SELLPAGES = {
    "shop.com/p/mug": MUG,
    "shop.com/p/mugs": MUGS,
    "shop.com": SHOP,
    "shop.com/p/mug/red": RED_MUG,
    "other.store/landing": OTHER,
}


@pytest.mark.parametrize(
    ("url", "key"),
    [
        ("https://shop.com/p/mug", "shop.com/p/mug"),
        ("http://shop.com/p/mug", "shop.com/p/mug"),
        ("https://www.shop.com/p/mug", "shop.com/p/mug"),
        ("https://WWW.Shop.COM/p/mug", "shop.com/p/mug"),
        ("https://shop.com/p/mug/", "shop.com/p/mug"),
        ("https://shop.com/p/mug?utm_source=facebook&utm_campaign={{campaign.id}}", "shop.com/p/mug"),
        ("https://shop.com/p/mug/?fbclid=abc#reviews", "shop.com/p/mug"),
        ("https://shop.com/p/Mug", "shop.com/p/Mug"),  # paths are case-sensitive
        ("https://shop.com", "shop.com"),
        ("https://shop.com/", "shop.com"),
        ("https://shop.com?x=1", "shop.com"),
        ("https://shop.com:443/p", "shop.com/p"),
        ("http://shop.com:80/p", "shop.com/p"),
        ("https://shop.com:8443/p", "shop.com:8443/p"),
        ("https://user:pw@shop.com/p", "shop.com/p"),
        ("https://shop.com.//p//mug", "shop.com/p/mug"),
        ("  https://shop.com/p/mug  ", "shop.com/p/mug"),
        ("shop.com/p/mug/", "shop.com/p/mug"),
        ("www.shop.com/p/mug?utm=1", "shop.com/p/mug"),
        ("https://shop.example.co.uk/a/b", "shop.example.co.uk/a/b"),
        ("https://wwwshop.com/p", "wwwshop.com/p"),  # only a "www." label is dropped
    ],
)
def test_url_key_normalises_scheme_www_case_query_fragment_and_slashes(url, key):
    assert url_key(url) == key


@pytest.mark.parametrize("url", ["https://www.Shop.com/p/mug/?a=1", "shop.com", "http://x.io:81/a/"])
def test_url_key_is_idempotent(url):
    assert url_key(url_key(url)) == url_key(url)


@pytest.mark.parametrize("url", ["", "   ", "https://", "https:///p/mug", "http://shop.com:notaport/p"])
def test_url_key_refuses_a_url_without_a_host(url):
    with pytest.raises(InvalidSellpageUrl):
        url_key(url)


@pytest.mark.parametrize(
    ("link", "expected"),
    [
        ("https://shop.com/p/mug?utm_source=fb", "shop.com/p/mug"),
        ("https://www.shop.com/p/mug/", "shop.com/p/mug"),
        ("http://shop.com/p/mug#top", "shop.com/p/mug"),
        ("https://shop.com/p/mugs", "shop.com/p/mugs"),  # not /p/mug: segment boundary
        ("https://shop.com/p/mugshot", "shop.com"),  # neither mug nor mugs; falls to the root
        ("https://shop.com/p/mug/red?v=2", "shop.com/p/mug/red"),  # longest prefix wins
        ("https://shop.com/p/mug/blue", "shop.com/p/mug"),
        ("https://shop.com/", "shop.com"),
        ("https://other.store/landing/v2", "other.store/landing"),
        ("https://other.store/landingpage", None),
        ("https://other.store/", None),
        ("https://shop.community/p/mug", None),  # a different host sharing a prefix
        ("https://eu.shop.com/p/mug", None),  # subdomains are other hosts
        ("not a url", None),
        ("", None),
    ],
)
def test_a_link_matches_the_longest_sellpage_on_segment_boundaries(link, expected):
    assert match_link(link, list(SELLPAGES)) == expected


@pytest.mark.parametrize(
    ("links", "expected"),
    [
        (["https://shop.com/p/mug?utm_source=fb"], MUG),
        (["https://shop.com/p/mugs/"], MUGS),
        (["https://shop.com/p/mug", "https://www.shop.com/p/mug/?a=1", "https://shop.com/p/mugs"], MUG),
        (["https://shop.com/p/mug", "https://shop.com/p/mugs"], None),  # tie: the seller decides
        (["https://shop.com/p/mug", "https://unknown.io/x", "https://unknown.io/y"], MUG),
        (["https://unknown.io/x"], None),
        ([], None),
        (["https://shop.com/p/mug/red", "https://shop.com/p/mug/red", "https://shop.com/p/mug"], RED_MUG),
        (["https://other.store/landing", "garbage"], OTHER),
    ],
)
def test_a_campaign_gets_the_sellpage_most_of_its_ads_point_to(links, expected):
    assert match_sellpage(links, SELLPAGES) == expected


def test_match_sellpage_accepts_a_generator_of_links():
    links = (f"https://shop.com/p/mugs?ad={i}" for i in range(3))
    assert match_sellpage(links, SELLPAGES) == MUGS


def test_sellpage_keys_given_as_full_urls_are_normalised():
    assert match_sellpage(["http://shop.com/p/mug"], {"https://www.shop.com/p/mug/": MUG}) == MUG


def test_an_unparsable_sellpage_key_is_ignored():
    assert match_sellpage(["https://shop.com/p/mug"], {"": OTHER, "shop.com/p/mug": MUG}) == MUG


def test_no_sellpages_match_nothing():
    assert match_sellpage(["https://shop.com/p/mug"], {}) is None
