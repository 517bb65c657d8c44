"""An RSS item's state and what feedparser reads inside an item's elements, for the fast reader
(bot.feeds.fastfeed).

_Item is feedparser's state while it reads one RSS item: its depth rules for which title or
summary sets the value and which only its _detail, and when a summary-like element becomes
content. The helpers beside it say how feedparser names an element's namespace (media: by the
document's prefix when it does not know the URI), which elements nested in an item's own it
reads as the item's (<og>, an <image>'s, an author's <name>), and which it keeps under their
own names; bot.feeds.elementcheck's checks use them to leave anything else to feedparser.
"""

from __future__ import annotations

from typing import Any

from feedparser.mixin import _FeedParserMixin

from bot.feeds.feedtext import _attrs, _Bail, _rss_text, _text

_KNOWN_LOWER = {uri.lower(): prefix for uri, prefix in _FeedParserMixin.namespaces.items()}


def _feedparser_prefix(el: Any, ns: str, known: dict[str, str]) -> str:
    """feedparser names a namespace by its URI when it knows it, else by the document's
    prefix (rssboard's media-rss, declared as media:, is its media: too)."""
    return known[ns] if ns in known else _KNOWN_LOWER.get(ns.lower(), el.prefix or "")


def _media_name(el: Any, known: dict[str, str]) -> str | None:
    """A media: element's name as feedparser reads it (in lower case), else None."""
    tag = el.tag
    if not isinstance(tag, str) or tag[0] != "{":
        return None
    ns, _, local = tag[1:].partition("}")
    return local.lower() if _feedparser_prefix(el, ns, known) == "media" else None


def _category_list(el: Any, name: str) -> bool:
    """Whether ``el`` only holds plain <category> elements, in an element feedparser has no
    rule for (<categories>): it reads them as the item's own, in document order."""
    return (not hasattr(_FeedParserMixin, f"_start_{name}")
            and not hasattr(_FeedParserMixin, f"_end_{name}")
            and all(c.tag == "category" and not len(c) for c in el))


# What feedparser reads inside an RSS item's elements, by the element's name: an <image>'s
# link and sizes it keeps apart, an author's <name> names the author, and in an element it has no
# rule for (<og>, cloudblog.rss) it reads a <title> or <description> as the item's own (by its
# depth rules, _Item) and an <url> as an "href" key. A <title> anywhere changes title_detail.
_IN_IMAGE = frozenset({"url", "title", "link", "width", "height"})
_IN_AUTHOR = frozenset({"name", "title"})
_IN_UNKNOWN = frozenset({"title", "description", "image", "url"})
# The keys of an entry bot.feeds.parse reads (and feedparser's own beside them): an element with
# no rule is kept under its name, which must not be one of these
_ENTRY_KEYS = frozenset({
    "title", "title_detail", "link", "links", "id", "guidislink", "published",
    "published_parsed", "updated", "updated_parsed", "created", "created_parsed", "content",
    "summary", "summary_detail", "tags", "author", "author_detail", "authors", "language"})


def _unmapped(name: str) -> bool:
    """Whether feedparser has no rule for an element so named (lower case): it keeps its text
    under that name."""
    return (name not in _ENTRY_KEYS and not hasattr(_FeedParserMixin, f"_start_{name}")
            and not hasattr(_FeedParserMixin, f"_end_{name}"))


def _nested_known(el: Any, name: str) -> bool:
    """Whether _rss_item reads what ``el`` (an item's element, no namespace, ``name`` in lower
    case) holds as feedparser does: plain elements without attributes or elements inside."""
    if len(el.attrib) or not all(isinstance(c.tag, str) and c.tag[0] != "{" and not len(c)
                                 and not len(c.attrib) for c in el):
        return False
    names = [c.tag.lower() for c in el]
    if name == "image":
        return all(n in _IN_IMAGE for n in names)
    if name == "author":
        return names.count("name") == 1 and all(n in _IN_AUTHOR or _unmapped(n) for n in names)
    return _unmapped(name) and all(n in _IN_UNKNOWN or _unmapped(n) for n in names)


ITUNES_SCHEME = "http://www.itunes.com/"  # feedparser's scheme for itunes:keywords' tags


def _add_tag(entry: dict[str, Any], term: str | None, scheme: str | None,
             label: str | None) -> None:
    """feedparser's _add_tag: a tag once, however often it is written (term, scheme and label
    compared together); nothing when all three are empty."""
    tags = entry.setdefault("tags", [])
    if not term and not scheme and not label:
        return
    tag = {"term": term, "scheme": scheme, "label": label}
    if tag not in tags:
        tags.append(tag)


def _category(entry: dict[str, Any], el: Any) -> None:
    """A <category> (RSS or Atom) or dc:subject as feedparser reads it: its attributes' tag
    first, then its text names that tag when it has no term, else is a tag of its own."""
    attrs = _attrs(el) if len(el.attrib) else {}
    _add_tag(entry, attrs.get("term"), attrs.get("scheme", attrs.get("domain")),
             attrs.get("label"))
    term = _text(el)
    if not term:
        return
    tags = entry["tags"]
    if tags and not tags[-1]["term"]:
        tags[-1]["term"] = term
    else:
        _add_tag(entry, term, None, None)


def _keywords(entry: dict[str, Any], el: Any, scheme: str | None) -> None:
    """itunes:keywords or media:keywords: feedparser's tags, one per comma-separated term, in
    document order, each once (``scheme``: itunes:'s, none for media:)."""
    if len(el.attrib):
        # feedparser keeps an unknown element's attributes instead of its text, and then finds
        # no text to split
        raise _Bail("keywords with attributes")
    for term in _text(el).split(","):
        if term := term.strip():
            _add_tag(entry, term, scheme, None)


def _content(entry: dict[str, Any], value: str, detail: dict[str, Any]) -> None:
    entry.setdefault("content", []).append(detail)
    if detail["type"] in ("text/plain", "text/html", "application/xhtml+xml"):
        entry.setdefault("summary", value)  # feedparser's _end_content copies it


class _Item:
    """feedparser's state while it reads one RSS item, where it decides whether a title or
    summary element sets the value, only its _detail, or becomes content."""

    __slots__ = ("atom", "depths", "entry", "has_content", "lang", "title_depth")

    def __init__(self, lang: str | None, has_content: bool, atom: bool = False) -> None:
        self.entry: dict[str, Any] = {}
        self.lang = lang
        self.has_content = has_content
        self.atom = atom  # an Atom entry: feedparser guesses no HTML in its plain text
        # feedparser's title_depth: a non-empty title sets it to its depth, and a title as deep
        # or deeper is then ignored, until an <image> or <source> clears it (-1)
        self.title_depth = -1
        self.depths: dict[str, int] = {}  # feedparser's property_depth_map for this entry

    def title(self, el: Any, depth: int, media: bool = False) -> None:
        if media and -1 < self.title_depth <= depth:
            return  # feedparser ignores it, however typed (atp.rss), and keeps title_depth
        value, detail = _rss_text(el, self.lang, "text/plain", not self.atom)
        if not -1 < self.title_depth <= depth:
            self._set("title", value, detail, depth)
        if value and not media:  # feedparser's media:title leaves title_depth as it was
            self.title_depth = depth

    def media(self, el: Any, name: str, depth: int, known: dict[str, str]) -> None:
        """A media: element (``name``) at ``depth``: media:title and media:description are a
        title and a description, media:keywords the entry's tags, in media:content or media:group
        too (_check_children)."""
        if name == "title":
            self.title(el, depth, media=True)
        elif name == "description":
            self.summary(el, depth, "text/html")
        elif name == "keywords":
            _keywords(self.entry, el, None)
        else:
            for child in el:
                if (inner := _media_name(child, known)) is not None:
                    self.media(child, inner, depth + 1, known)

    def summary(self, el: Any, depth: int, kind: str) -> None:
        if "summary" in self.entry and not self.has_content:
            # feedparser: a second summary-like element, before any content, is content
            self.has_content = True
            _content(self.entry, *_rss_text(el, self.lang, "text/plain", not self.atom))
        else:
            self._set("summary", *_rss_text(el, self.lang, kind, not self.atom), depth)

    def nested(self, el: Any) -> None:
        """The elements inside an item's element, one level down (see _nested_known)."""
        for child in el:
            name = child.tag.lower()
            if name == "title":
                self.title(child, 2)
            elif name == "description":
                self.summary(child, 2, "text/html")
            elif name == "image":
                self.title_depth = -1

    def _set(self, key: str, value: str, detail: dict[str, Any], depth: int) -> None:
        # feedparser keeps a value read at one depth against one read deeper in the item, but
        # always takes the later _detail
        if depth <= self.depths.get(key, depth):
            self.depths[key] = depth
            self.entry[key] = value
        self.entry[f"{key}_detail"] = detail
