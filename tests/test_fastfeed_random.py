"""Seeded random RSS items and Atom entries of the shapes the fast reader (bot.feeds.fastfeed)
decides about most finely: titles, descriptions and content (typed or not, with xml:lang),
media: elements in groups, in media:content and inside elements that are not media: (<co:name>,
an unknown namespace's, dc:modified), keywords and categories, namespaced attributes, Atom
Entry documents. Each document it reads must give feedparser's entries; one it refuses is
feedparser's anyway. Small and deterministic: the same documents on every run."""

from __future__ import annotations

import random
from typing import Any

import feedparser
import pytest

from bot.feeds.fastfeed import read_fast
from tests.support.fastfeed import URL

_ATOM = "http://www.w3.org/2005/Atom"
_NS = (" xmlns:media='http://search.yahoo.com/mrss/' xmlns:dc='http://purl.org/dc/elements/1.1/'"
       " xmlns:itunes='http://www.itunes.com/dtds/podcast-1.0.dtd' xmlns:x='urn:x'"
       " xmlns:co='http://purl.org/rss/1.0/modules/company/'"
       " xmlns:content='http://purl.org/rss/1.0/modules/content/'")
_KEYS = ("title", "title_detail", "link", "id", "published", "updated", "summary",
         "summary_detail", "content", "author", "author_detail", "tags")
_DOCUMENTS = 150  # of each kind


class _Shapes:
    """The random document's parts, from one seeded generator."""

    def __init__(self, seed: int) -> None:
        self.rnd = random.Random(seed)

    def text(self) -> str:
        return self.rnd.choice(["", "  ", "plain words", "a &lt;b&gt;x&lt;/b&gt; y", "x &amp; y",
                                "First paragraph.\n\nSecond paragraph with more words."])

    def type(self) -> str:
        return self.rnd.choice(["", "", " type='text'", " type='html'", " type='TEXT'",
                                " x:type='html'", " x:mode='base64'"])

    def lang(self) -> str:
        return self.rnd.choice(["", "", " xml:lang='fr'"])

    def terms(self) -> str:
        return self.rnd.choice(["a,b", "a, a", "a,a,A", " , ", "", " x "])

    def media_leaf(self) -> str:
        kind = self.rnd.choice(["title", "description", "keywords", "text", "thumbnail"])
        if kind == "keywords":
            return f"<media:keywords>{self.terms()}</media:keywords>"
        if kind == "thumbnail":
            return "<media:thumbnail url='https://e.example/t.jpg'/>"
        return f"<media:{kind}{self.type()}{self.lang()}>{self.text()}</media:{kind}>"

    def media(self) -> str:
        r = self.rnd.random()
        if r < 0.4:
            return self.media_leaf()
        inner = "".join(self.media_leaf() for _ in range(self.rnd.randint(0, 3)))
        if r < 0.7:
            return f"<media:group>{inner}</media:group>"
        return f"<media:content url='https://e.example/m.mp4'>{inner}</media:content>"

    def wrapped(self) -> str:
        """An element that is not media:, holding a media: one or text."""
        wrapper = self.rnd.choice(["x:foo", "co:name", "dc:modified"])
        inside = self.media() if self.rnd.random() < 0.6 else "v"
        return f"<{wrapper}>{inside}</{wrapper}>"

    def rss_child(self) -> str:
        kind = self.rnd.choice(["title", "description", "dc", "content", "media", "media",
                                "category", "keywords", "wrapped", "guid"])
        if kind == "title":
            return f"<title{self.type()}>{self.text()}</title>"
        if kind == "description":
            return f"<description{self.type()}{self.lang()}>{self.text()}</description>"
        if kind == "dc":
            return f"<dc:description>{self.text()}</dc:description>"
        if kind == "content":
            return f"<content:encoded>{self.text()}</content:encoded>"
        if kind == "category":
            domain = self.rnd.choice(["", "", " domain='d'"])
            return f"<category{domain}>{self.rnd.choice(['a', 'b', 'A', ''])}</category>"
        if kind == "keywords":
            return f"<itunes:keywords>{self.terms()}</itunes:keywords>"
        if kind == "guid":
            permalink = self.rnd.choice(["", " isPermaLink='false'", " x:isPermaLink='false'"])
            return f"<guid{permalink}>https://e.example/g</guid>"
        return self.media() if kind == "media" else self.wrapped()

    def atom_child(self) -> str:
        kind = self.rnd.choice(["title", "summary", "content", "media", "media", "category",
                                "wrapped", "plain"])
        if kind == "title":
            return f"<title{self.type()}>{self.text()}</title>"
        if kind == "summary":
            return f"<summary{self.type()}{self.lang()}>{self.text()}</summary>"
        if kind == "content":
            kind_of = self.rnd.choice(["", " type='text'", " type='html'"])
            return f"<content{kind_of}{self.lang()}>{self.text()}</content>"
        if kind == "category":
            return f"<category term='{self.rnd.choice(['a', 'b', 'a'])}'/>"
        if kind == "plain":  # feedparser reads it by its name alone
            return self.rnd.choice(["<title xmlns=''>P</title>", "<guid xmlns=''>g</guid>"])
        return self.media() if kind == "media" else self.wrapped()

    def rss(self) -> bytes:
        item = "".join(self.rss_child() for _ in range(self.rnd.randint(1, 6)))
        return (f"<rss version='2.0'{_NS}><channel><title>F</title><item><link>https://e.example"
                f"/1</link>{item}</item></channel></rss>").encode()

    def atom(self) -> bytes:
        entry = ("<id>tag:e.example,2026:1</id>"
                 + "".join(self.atom_child() for _ in range(self.rnd.randint(1, 6))))
        if self.rnd.random() < 0.3:  # an Atom Entry document
            return f"<entry xmlns='{_ATOM}'{_NS}>{entry}</entry>".encode()
        return f"<feed xmlns='{_ATOM}'{_NS}><title>F</title><entry>{entry}</entry></feed>".encode()


def _plain(value: Any) -> Any:
    """feedparser's dicts as plain ones, without the base (the fast reader leaves it empty)."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items() if key != "base"}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def _differences(body: bytes) -> list[str]:
    fast = read_fast(body, URL, None)
    if fast is None:
        return []
    slow = feedparser.parse(body, response_headers={"content-location": URL,
                                                    "content-type": "application/xml"},
                            sanitize_html=False, resolve_relative_uris=False).entries
    if len(fast[1]) != len(slow):
        return [f"{len(fast[1])} entries, feedparser {len(slow)}"]
    return [f"{key}: {_plain(mine.get(key))!r} != {_plain(theirs.get(key))!r}"
            for mine, theirs in zip(fast[1], slow, strict=True) for key in _KEYS
            if _plain(mine.get(key)) != _plain(theirs.get(key))]


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_random_documents_read_fast_give_feedparsers_entries(kind: str) -> None:
    shapes = _Shapes(seed=26)
    documents = [getattr(shapes, kind)() for _ in range(_DOCUMENTS)]
    differing = {body.decode(): found for body in documents if (found := _differences(body))}
    assert not differing
    # the test means something only if many documents are read fast
    assert sum(read_fast(body, URL, None) is not None for body in documents) > _DOCUMENTS // 4
