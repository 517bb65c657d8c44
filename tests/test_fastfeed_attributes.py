"""Attributes the fast reader (bot.feeds.fastfeed) reads by name, written in a namespace:
feedparser names an attribute of a namespace it gives no prefix (an unknown one, Atom's) by its
local name, so <title x:mode='base64'> is a base64 title and <guid x:isPermaLink='false'> no
permalink to it. Such a document is left to feedparser."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.fastfeed import _atom, _left_to_feedparser, _read_fast_as_feedparser_reads, _rss

_X = " xmlns:x='urn:x'"


def _atom_x(entry: str) -> bytes:
    return _atom(entry).replace(b"<feed ", f"<feed{_X} ".encode(), 1)


@pytest.mark.parametrize("body", [
    _atom_x("<title x:mode='base64'>aGVsbG8=</title>"),
    _atom_x("<title x:type='html'>a &lt;b&gt;x&lt;/b&gt;</title>"),
    _atom_x("<title>T</title><link x:rel='enclosure' href='https://e.example/a'/>"),
    _atom_x("<title>T</title><link x:href='https://e.example/b'/>"),
    _rss("<title>T</title><guid x:isPermaLink='false'>g</guid>", root=_X),
    _rss("<title>T</title><description x:TYPE='text'>a &lt;b&gt;x&lt;/b&gt;</description>",
         root=_X),
])
def test_a_namespaced_attribute_feedparser_reads_by_its_local_name_is_left_to_it(
        body: bytes, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _left_to_feedparser(body, monkeypatch, tmp_path)


# an attribute of a namespace feedparser gives a prefix keeps it (dc:isPermaLink is not
# isPermaLink), and a namespaced attribute of another name changes nothing read here
@pytest.mark.parametrize("body", [
    _rss("<title>T</title><guid x:note='false'>https://e.example/g</guid>", root=_X),
    _rss("<title>T</title><guid dc:isPermaLink='false'>https://e.example/g</guid>"
         "<description dc:type='text'>a &lt;b&gt;x&lt;/b&gt;</description>"),
])
def test_other_namespaced_attributes_are_read_fast(
        body: bytes, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _read_fast_as_feedparser_reads(body, monkeypatch, tmp_path)


def test_a_namespaced_category_term_is_left_to_feedparser(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _left_to_feedparser(_atom_x("<title>T</title><category x:term='a'/>"), monkeypatch, tmp_path)
