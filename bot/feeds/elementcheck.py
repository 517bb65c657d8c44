"""Which elements of an RSS item or Atom entry the fast reader (bot.feeds.fastfeed) may pass over:
the tables of elements feedparser maps into the keys bot.feeds.parse reads, and _check_children,
which raises _Bail on any child of an item or entry that feedparser would read into those keys and
the fast reader does not, so that the document is left to feedparser.
"""

from __future__ import annotations

from typing import Any

from feedparser.mixin import _FeedParserMixin

from bot.feeds.fastitem import _category_list, _feedparser_prefix, _nested_known
from bot.feeds.feedtext import _LANG, _attrs, _Bail

ATOM = "http://www.w3.org/2005/Atom"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
DC = "http://purl.org/dc/elements/1.1/"
ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"

# Elements of feedparser's known namespaces that it never maps into the keys bot.feeds.parse reads
# (an entry's title, link, id, dates, content, summary, tags, author, language); content: is all
# but content:encoded, which _check_children refuses wherever _rss_item does not read it.
# (names in lower case, as feedparser and _check_children compare them)
_HARMLESS_PREFIX: dict[str, frozenset[str]] = {
    "itunes": frozenset({"duration", "image", "explicit", "block", "subtitle", "episode",
                         "episodetype", "season", "order", "isclosedcaptioned", "title"}),
    "dc": frozenset({"rights", "publisher", "format", "type", "contributor", "identifier",
                     "source", "relation", "coverage", "modified"}),
    **{p: frozenset({"*"}) for p in ("wfw", "slash", "sy", "feedburner", "georss", "geo", "thr",
                                     "trackback", "admin", "cc", "creativeCommons", "content",
                                     "prism")},
}
_NO_NS_MAPPED = frozenset({
    "summary", "content", "body", "fullitem", "abstract", "published", "issued", "updated",
    "modified", "created", "expirationdate", "id", "language", "creator", "name", "email",
    "tagline", "info", "keywords", "textinput", "textInput", "license", "rights", "copyright",
    "subtitle", "entry", "item", "dcterms", "channel",
    # in an item, feedparser's updated, author and tags; <feed> or <rss> there ends its channel
    "lastbuilddate", "managingeditor", "tags", "feed", "rss",
})
# (media:text is not: feedparser has no rule for it and keeps it as media_text)
_MEDIA_MAPPED = {"title", "description", "keywords", "rating", "restriction",
                 "license", "category"}
# media:title and media:description, which feedparser reads as a <title> and a <description>,
# and media:keywords, its tags (in an RSS item or Atom entry, in media:content or media:group too)
_MEDIA_READ = frozenset({"title", "description", "keywords"})
# feedparser names Atom's elements without a prefix: in an RSS item, atom:published is its
# <pubDate> and atom:updated its <dc:date> (Medium's feeds)
_PUBLISHED = frozenset({"pubDate", f"{{{ATOM}}}published"})
_UPDATED = frozenset({f"{{{DC}}}date", f"{{{ATOM}}}updated"})
_RSS_ITEM = {"title", "link", "description", "guid", "category", "author", "comments",
             "enclosure", "source", f"{{{CONTENT}}}encoded", f"{{{DC}}}creator",
             f"{{{DC}}}subject", f"{{{DC}}}title", f"{{{ITUNES}}}author",
             f"{{{ITUNES}}}summary", f"{{{ITUNES}}}keywords", f"{{{DC}}}description",
             *_PUBLISHED, *_UPDATED}
_ATOM_ENTRY = {f"{{{ATOM}}}{n}" for n in ("id", "title", "link", "published", "updated",
                                           "content", "summary", "category", "author", "rights",
                                           "contributor")}
# feedparser lower-cases element names and namespace URIs before it maps them: <Title>, <GUID>,
# <pubdate>, <content:Encoded> are its title, id, date and content. An element spelled so is
# left to feedparser (one a feed rarely has; reading every spelling would cost the hot loop).
_RSS_ITEM_LOWER = frozenset(t.lower() for t in _RSS_ITEM)
_ATOM_ENTRY_LOWER = frozenset(t.lower() for t in _ATOM_ENTRY)
_ATOM_LOWER = ATOM.lower()
_NO_NS_MAPPED_LOWER = frozenset(n.lower() for n in _NO_NS_MAPPED)
# Every element name without a namespace that feedparser maps into the keys read here
_PLAIN_MAPPED_LOWER = _NO_NS_MAPPED_LOWER | {t.lower() for t in _RSS_ITEM if t[0] != "{"} | {
    t.rpartition("}")[2].lower() for t in _ATOM_ENTRY} | {"description", "pubdate", "guid"}


def _check_children(el: Any, allowed: set[str], allowed_lower: frozenset[str],
                    known: dict[str, str], nested: bool = False, media_read: bool = True,
                    atom: bool = False) -> None:
    """Bail out on any child that feedparser would read into the keys bot.feeds.parse uses.
    ``el`` is an RSS item or an Atom entry (or, ``nested``, an element inside one); in both,
    _Item.media reads media:title, media:description and media:keywords as feedparser does.
    ``nested``: ``el`` is a namespaced element inside an item, whose elements feedparser reads
    as the item's own (a media:description inside media:content is its summary);
    ``media_read``: ``el`` is the item or a media: element inside media: ones only, which
    _Item.media walks (a media:title inside <co:name> it never reaches, feedparser reads);
    ``atom``: ``el`` is an Atom entry, where feedparser reads a <title> or <link> without a
    namespace (a prefixed <a:entry>, <title xmlns=''>) as the entry's, the fast reader not."""
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in allowed:
            continue
        if tag.lower() in allowed_lower:
            # an allowed element in another case: feedparser reads it, we would not
            raise _Bail("a mapped element in another case")
        ns, _, local = tag[1:].partition("}") if tag.startswith("{") else ("", "", tag)
        local = local.lower()  # feedparser's spelling of every element name
        prefix = _feedparser_prefix(child, ns, known)
        if (ns and not prefix and ns.lower() != _ATOM_LOWER
                and (local in _PLAIN_MAPPED_LOWER or local == "image" or len(child))):
            # feedparser names it by its local name alone, as a plain RSS or Atom element (an
            # RSS 1.0 or Atom 0.3 element in an Atom entry, a default namespace it does not
            # know), and this one it reads (WordPress's <post-id xmlns="…"> it does not)
            raise _Bail("an element feedparser reads without its namespace")
        if not ns and not prefix:
            if nested:
                raise _Bail("an element without a namespace inside a namespaced one")
            if (local in _NO_NS_MAPPED_LOWER or (atom and local in _PLAIN_MAPPED_LOWER)
                    or (local == "image" and not _has(el, "title", "link"))):
                raise _Bail("an element feedparser maps, no namespace")
            # feedparser reads what is nested too: a list of <category> (in an RSS item) is
            # read below, anything else is left to it
            if len(child) and not ("category" in allowed and (_category_list(child, local)
                                                               or _nested_known(child, local))):
                raise _Bail("nested elements without a namespace")
        elif prefix == "media":
            if local in _MEDIA_MAPPED and not (media_read and local in _MEDIA_READ):
                raise _Bail("a media: element feedparser maps")
            if len(child) and _LANG in child.attrib:
                raise _Bail("a media: element holding others, with xml:lang")
        elif prefix == "atom" or ns.lower() == _ATOM_LOWER:
            if local != "link" or _attrs(child).get("rel", "alternate") == "alternate":
                raise _Bail("an alternate atom:link or other Atom element in an item")
        elif prefix == "content" and local == "encoded":
            # feedparser reads a content:encoded anywhere in an item or entry (inside media:group,
            # media:content, an unknown namespace's element) as its content
            raise _Bail("a content:encoded not read here")
        elif {"*", local} & _HARMLESS_PREFIX.get(prefix, frozenset()):
            pass
        elif prefix in known.values() and prefix and _has_rule(prefix, local):
            # one it has no rule for it keeps as prefix_name (Meerkat's co:name), never one
            # of the keys read here
            raise _Bail("an element of a known namespace feedparser maps")
        if ns and len(child):
            # what is inside (media:group, media:content, an unknown namespace's element)
            _check_children(child, set(), frozenset(), known, nested=True,
                            media_read=media_read and prefix == "media")


def _has_rule(prefix: str, local: str) -> bool:
    """Whether feedparser has a rule for ``prefix:local`` (a _start_ or _end_ handler)."""
    name = f"{prefix}_{local}"
    return (hasattr(_FeedParserMixin, f"_start_{name}")
            or hasattr(_FeedParserMixin, f"_end_{name}"))


def _has(el: Any, *tags: str) -> bool:
    return all(el.find(tag) is not None for tag in tags)

