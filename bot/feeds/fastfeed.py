"""A fast reader for the common feed shapes: well-formed RSS 0.9x/1.0/2.0 and Atom 1.0, with lxml.

feedparser's SAX pipeline costs 30-70x what libxml2 needs to read the same document. This
reader handles plain, well-formed RSS 0.90-2.0 (RSS 1.0's RDF and the namespaces feedparser
reads as plain RSS included) and Atom 1.0 (xml:base, a declared encoding and XHTML content
included) and returns entries in feedparser's own shape (the keys bot.feeds.parse
reads), built with feedparser's own rules: how a permalink guid becomes the link, which of two
titles wins (by its depth rules, elements nested in an item included: <og>, an item's <image>,
<author><name>), which author is named, how text is typed as HTML, how xml:base resolves a link.
Anything else (ill-formed XML, a DOCTYPE, MathML or prefixed SVG in XHTML content, an encoding
the HTTP header overrides, elements of a known namespace that feedparser would map into those
keys, those keys' elements spelled in another case, which feedparser lower-cases: <GUID>,
<pubdate>) returns None and the caller uses feedparser; refusal() says which. Attribute names
and rel/type values are read in any case, as feedparser reads them. tests/test_fastfeed.py
checks both give the same items on the corpus.

This module reads the document; which elements of an item or entry it may pass over (and the
tables of what feedparser maps) are in bot.feeds.elementcheck, an RSS item's state (_Item) and
what feedparser reads inside an item's elements in bot.feeds.fastitem, an element's text in
bot.feeds.feedtext.
"""

from __future__ import annotations

import re
from typing import Any

from feedparser.datetimes import _parse_date  # feedparser's date reader: same dates both ways
from feedparser.mixin import _FeedParserMixin
from feedparser.urls import _urljoin
from lxml import etree

from bot.feeds.elementcheck import (
    _ATOM_ENTRY,
    _ATOM_ENTRY_LOWER,
    _ATOM_LOWER,
    _PLAIN_MAPPED_LOWER,
    _PUBLISHED,
    _RSS_ITEM,
    _RSS_ITEM_LOWER,
    _UPDATED,
    ATOM,
    CONTENT,
    DC,
    ITUNES,
    _check_children,
)
from bot.feeds.fastitem import (
    ITUNES_SCHEME,
    _category,
    _category_list,
    _content,
    _Item,
    _keywords,
    _media_name,
    _nested_known,
)
from bot.feeds.feedtext import (
    _LANG,
    _atom_text,
    _attrs,
    _Bail,
    _Base,
    _map_type,
    _resolve,
    _rss_text,
    _text,
    _xml_lang,
    xlink_unlike_feedparser,
)
from bot.feeds.parsers import per_thread
from bot.logs import get_log

__all__ = ["read_fast", "refusal"]

log = get_log(__name__)

Read = tuple[dict[str, Any], list[dict[str, Any]]]  # (feed, entries), as feedparser gives them

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDF_ROOT = f"{{{RDF}}}RDF"
_RDF_ABOUT = f"{{{RDF}}}about"
_DC_LANGUAGE = f"{{{DC}}}language"
_DC_TITLE = f"{{{DC}}}title"
_CONTENT_ENCODED = f"{{{CONTENT}}}encoded"
_ITUNES_KEYWORDS = f"{{{ITUNES}}}keywords"
_SUMMARY_LIKE = frozenset({"description", f"{{{ITUNES}}}summary"})
# feedparser's <description> (typed HTML), and in an item its dc:description too
_DESCRIPTIONS = frozenset({"description", f"{{{DC}}}description"})
_ITEM_SUMMARY_LIKE = _SUMMARY_LIKE | _DESCRIPTIONS
# Elements that start feedparser's content or set the feed's summary, in lower case: in a
# channel only _SUMMARY_LIKE and content:encoded, so spelled, are read here
_CONTENT_LIKE_LOWER = frozenset(t.lower() for t in (
    *_SUMMARY_LIKE, _CONTENT_ENCODED, "summary", "content", "fullitem", "body", "abstract",
    f"{{{DC}}}description", f"{{{ATOM}}}summary", f"{{{ATOM}}}content"))
# The namespaces whose elements feedparser names as plain RSS ones (not the Atom drafts)
_PLAIN_RSS = frozenset(uri.lower() for uri, prefix in _FeedParserMixin.namespaces.items()
                       if not prefix and ("rss" in uri or "rdf" in uri))
_XMLNS = re.compile(rb"xmlns(?::[\w.-]+)?\s*=\s*[\"']([^\"']+)[\"']")
_ATOM_LINK_LOWER = f"{{{_ATOM_LOWER}}}link"
_AUTHORS = frozenset({"author", f"{{{DC}}}creator", f"{{{ITUNES}}}author"})
_RSS_CHANNEL_LOWER = frozenset({"item", "entry", "title", "link", "language", f"{{{DC}}}title",
                                f"{{{DC}}}language", f"{{{_ATOM_LOWER}}}title", _ATOM_LINK_LOWER})
_ATOM_FEED_LOWER = frozenset(f"{{{ATOM}}}{n}".lower() for n in ("entry", "title", "link", "id"))
_ATOM_NAME = f"{{{ATOM}}}name"
_ATOM_OPEN = f"{{{ATOM}}}"
_RSS_VERSIONS = ("2.0", "0.91", "0.92", "0.93", "0.94")
_HTML_KINDS = frozenset(_FeedParserMixin.html_types)
_EMAIL = re.compile(r"(([a-zA-Z0-9\_\-\.\+]+)@((\[[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.)|"
                    r"(([a-zA-Z0-9\-]+\.)+))([a-zA-Z]{2,4}|[0-9]{1,3})(\]?))(\?subject=\S+)?")
_parser = per_thread(lambda: etree.XMLParser(resolve_entities=False, no_network=True,
                                             huge_tree=False, remove_comments=True,
                                             remove_pis=True))


def _author(raw: str) -> dict[str, Any]:
    """feedparser's _sync_author_detail for an RSS <author> or <dc:creator>."""
    author, email = raw, None
    found = _EMAIL.search(author)
    if found:
        email = found.group(0)
        for junk in (email, "()", "<>", "&lt;&gt;"):
            author = author.replace(junk, "")
        author = author.strip()
        if author and author[0] == "(":
            author = author[1:]
        if author and author[-1] == ")":
            author = author[:-1]
        author = author.strip()
    detail: dict[str, Any] = {}
    if author:
        detail["name"] = author
    if email:
        detail["email"] = email
    return detail


def _nested_author(state: _Item, item: Any, el: Any) -> None:
    """An item's <author> with a <name> inside (cloudblog.rss): feedparser's author and
    author_detail are the last such name as written, stripped, when every author of the item is
    one of these and no name holds an email (which feedparser would move between authors); a
    <title> beside it is a title."""
    if not all(c.tag == "author" and len(c) for c in item if c.tag in _AUTHORS):
        raise _Bail("nested elements in one of several kinds of author")
    if not _nested_known(el, "author"):
        raise _Bail("an author holding elements feedparser maps")
    name = next((c.text or "") for c in el if c.tag.lower() == "name").strip()
    if not name or _EMAIL.search(name):
        raise _Bail("an author's <name> empty or with an email")
    state.entry["author"] = name
    state.entry["author_detail"] = {"name": name}
    state.nested(el)


def _rss_item(item: Any, base: _Base, lang: str | None, known: dict[str, str],
              has_content: bool) -> dict[str, Any]:
    """An RSS item; ``has_content``: feedparser's flag for "content seen", which only an
    item's end clears, so the channel's elements can leave it set for the next item."""
    _check_children(item, _RSS_ITEM, _RSS_ITEM_LOWER, known)
    state = _Item(lang, has_content)
    entry = state.entry
    if len(item.attrib):
        if {"href", "lastmod"} & _attrs(item).keys():
            raise _Bail("an item with href or lastmod")  # feedparser reads them as fields
        if about := item.get(_RDF_ABOUT):  # RSS 1.0: feedparser's id, as written
            entry["id"] = about
    authors = 0
    for child in item:
        tag = child.tag
        if tag in ("title", _DC_TITLE):  # feedparser: dc:title is a <title>
            state.title(child, 1)
        elif tag == "link":
            if len(child.attrib) and "href" in _attrs(child):
                raise _Bail("an item <link> with href")  # feedparser takes the href for the link
            value = _resolve(base.of(child), _text(child)).replace("&amp;", "&")
            entry["link"] = re.sub("&([A-Za-z0-9_]+);", r"&\g<1>", value)
        elif tag == "guid":
            # feedparser: isPermaLink in any case, its value exactly "true" (or absent)
            permalink = not len(child.attrib) or _attrs(child).get("ispermalink",
                                                                    "true") == "true"
            value = _text(child)
            if permalink:
                value = _resolve(base.of(child), value)
            entry["id"] = value
            if permalink:
                entry.setdefault("link", value)
        elif tag in _ITEM_SUMMARY_LIKE:
            state.summary(child, 1, "text/html" if tag in _DESCRIPTIONS else "text/plain")
        elif tag == f"{{{CONTENT}}}encoded":
            state.has_content = True
            _content(entry, *_rss_text(child, lang, "text/html"))
        elif tag in _PUBLISHED:
            entry["published"] = _text(child)
            entry["published_parsed"] = _parse_date(entry["published"])
        elif tag in _UPDATED:
            entry["updated"] = _text(child)
            entry["updated_parsed"] = _parse_date(entry["updated"])
        elif tag in ("category", f"{{{DC}}}subject"):
            _category(entry, child)
        elif tag == _ITUNES_KEYWORDS:
            _keywords(entry, child, ITUNES_SCHEME)
        elif (media := _media_name(child, known)) is not None:
            state.media(child, media, 1, known)
        elif tag == "source":
            # a source's categories are its own, not the item's
            if len(child) and not all(c.tag == "category" for c in child):
                raise _Bail("nested elements in an item's <source>")
            state.title_depth = -1  # feedparser's _start_source
        elif tag == "image":
            state.title_depth = -1  # feedparser's _start_image
            state.nested(child)  # (_check_children: only _IN_IMAGE)
        elif tag in _AUTHORS:
            # feedparser: the last author's text, the first author's detail
            authors += 1
            if len(child):
                _nested_author(state, item, child)
                continue
            entry["author"] = _text(child)
            detail = _author(entry["author"])
            if authors == 1 and detail:
                entry["author_detail"] = detail
            elif authors > 1 and "author_detail" not in entry:
                raise _Bail("several authors, the first without detail")
        elif len(child) and isinstance(tag, str) and not tag.startswith("{"):
            if _category_list(child, tag.lower()):
                for category in child:  # <categories><category>…
                    _category(entry, category)
            else:  # an element feedparser has no rule for (_check_children: _nested_known)
                state.nested(child)
    return entry


def _atom_link(el: Any, base: _Base) -> str | None:
    attrs = _attrs(el)
    rel = attrs.get("rel", "alternate")
    kind = attrs.get("type", "application/atom+xml" if rel == "self" else "text/html")
    href = attrs.get("href")
    if href is None:
        raise _Bail("an Atom link without href")
    if rel == "alternate" and _map_type(kind) in _HTML_KINDS:
        return _urljoin(base.of(el), href)
    return None


def _atom_entry(el: Any, base: _Base, lang: str | None, known: dict[str, str]) -> dict[str, Any]:
    _check_children(el, _ATOM_ENTRY, _ATOM_ENTRY_LOWER, known, atom=True)
    lang = el.get(_LANG) or lang
    state = _Item(lang, False, atom=True)  # feedparser's title and summary rules, as media:'s
    entry, authors = state.entry, 0
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else ""
        if not tag.startswith(_ATOM_OPEN):  # feedparser keeps <x:title> as x_title
            if tag and (media := _media_name(child, known)) is not None:
                # YouTube's media:group: media:title and media:description by the RSS rules,
                # beside the entry's summary or content too (feedparser's content flag and the
                # depth the summary below sets decide between them)
                state.media(child, media, 1, known)
        elif (local := tag[len(_ATOM_OPEN):]) == "title":
            if not -1 < state.title_depth <= 1:  # feedparser: the first non-empty title wins
                entry["title"], entry["title_detail"] = _atom_text(child, lang)
                state.depths["title"] = 1
                state.title_depth = 1 if entry["title"] else -1
        elif local == "id":
            entry["id"] = _resolve(base.of(child), _text(child))
            entry.setdefault("link", entry["id"])
        elif local == "link":
            href = _atom_link(child, base)
            if href is not None:
                entry["link"] = href
        elif local in ("published", "updated"):
            entry[local] = _text(child)
            entry[f"{local}_parsed"] = _parse_date(entry[local])
        elif local == "content":
            state.has_content = True
            _content(entry, *_atom_text(child, lang))
        elif local == "summary":
            if "summary" in entry and not state.has_content:
                state.has_content = True
                _content(entry, *_atom_text(child, lang))
            else:
                entry["summary"], entry["summary_detail"] = _atom_text(child, lang)
                state.depths["summary"] = 1  # a deeper media:description leaves it
        elif local == "category":
            _category(entry, child)
        elif local == "author":  # feedparser: the last author's name
            authors += 1
            names = [c for c in child if c.tag == _ATOM_NAME]
            if any(isinstance(c.tag, str) and c.tag != _ATOM_NAME
                   and c.tag.lower() == _ATOM_NAME.lower() for c in child):
                raise _Bail("an Atom <Name> in another case")  # <Name>: feedparser's name too
            if len(names) > 1 or (authors > 1 and not (names and _text(names[0]))):
                raise _Bail("several Atom author names")
            if names and _text(names[0]):
                entry["author"] = _text(names[0])
                entry["author_detail"] = {"name": entry["author"]}
    return entry


def _rss(root: Any, base: _Base, known: dict[str, str], xml_lang: bool) -> Read:
    """RSS 0.9x-2.0 and RSS 1.0 (RDF): the channel's fields and every item, in document order.
    RSS 1.0 puts its items beside the channel, and feedparser reads an item wherever it is.

    ``xml_lang``: the document has xml:lang attributes. feedparser types each text with the
    xml:lang around it (a <language> element names the feed's language only); without any,
    the <language> read so far stands in for that (the items' languages come out the same)."""
    feed: dict[str, Any] = {}
    entries: list[dict[str, Any]] = []
    lang: str | None = None
    # feedparser's content flag and whether the feed has a summary, which decide whether the
    # next summary-like element is a summary or content, in the channel and the next item
    has_content = feed_summary = False
    root_lang = _xml_lang(root, None)
    if root_lang:
        feed["language"] = root_lang
    for top in root:
        around = _xml_lang(top, root_lang) if xml_lang else None
        if top.tag == "channel":
            if len(top.attrib) and {"href", "lastmod"} & _attrs(top).keys():
                raise _Bail("a channel with href or lastmod")  # feedparser reads them as fields
            children = iter(top)
        elif top.tag == "item":
            children = iter((top,))
        elif isinstance(top.tag, str) and (top.tag.lower() in _RSS_CHANNEL_LOWER
                                           or top.tag.lower() in _CONTENT_LIKE_LOWER):
            raise _Bail("a channel element outside the channel")
        else:
            continue  # <image> and <textinput> of RSS 1.0: feedparser keeps them apart
        for child in children:
            tag = child.tag
            if tag == "item":
                entries.append(_rss_item(child, base, _xml_lang(child, around) if xml_lang
                                         else lang, known, has_content))
                has_content = False
            elif tag in _SUMMARY_LIKE:  # a channel description is the feed's subtitle
                if feed_summary and not has_content:
                    has_content = True
                elif tag != "description":
                    feed_summary = True
            elif tag == _CONTENT_ENCODED:  # content, copied to the feed's summary
                has_content = feed_summary = True
            elif tag == "entry":
                raise _Bail("<entry> in RSS")  # feedparser reads any <entry> as an item
            elif tag == "title":
                feed["title"], feed["title_detail"] = _rss_text(
                    child, around if xml_lang else lang, "text/plain")
            elif tag == "link":
                if len(child.attrib) and "href" in _attrs(child):
                    # feedparser takes the href for the link
                    raise _Bail("a channel <link> with href")
                feed["link"] = _resolve(base.of(child), _text(child))
            elif tag in ("language", _DC_LANGUAGE):  # feedparser: dc:language is <language>
                lang = feed["language"] = _text(child)
            elif not isinstance(tag, str):
                continue
            elif len(child) and any(isinstance(el.tag, str) and el.tag.lower() == _CONTENT_ENCODED
                                    for el in child.iter()):
                # feedparser's content flag, set by a content:encoded however deep
                raise _Bail("a content:encoded inside a channel element")
            elif tag.lower() in _CONTENT_LIKE_LOWER:
                raise _Bail("a channel element that sets feedparser's content state")
            elif tag.lower() in _RSS_CHANNEL_LOWER and (
                    tag.lower() != _ATOM_LINK_LOWER
                    or _attrs(child).get("rel", "alternate") == "alternate"):
                # <Item>, <Link>, dc:title, atom:title, an alternate atom:link
                raise _Bail("a channel element feedparser maps")
    return feed, entries


def _unqualify(root: Any, body: bytes) -> None:
    """Name the elements of the namespaces feedparser reads as plain RSS (RSS 1.0, RSS 0.90,
    Userland's, in any case) as it does: ``{http://purl.org/rss/1.0/}item`` is <item>."""
    if b"xmlns" not in body:
        return
    for uri in {found.decode("latin-1") for found in _XMLNS.findall(body)}:
        lowered = uri.lower()
        if lowered in _PLAIN_RSS or "backend.userland.com/rss" in lowered:
            for el in root.iter(f"{{{uri}}}*"):
                el.tag = el.tag[len(uri) + 2:]


def _read(root: Any, url: str, body: bytes) -> Read:
    known = _FeedParserMixin.namespaces
    if root.tag in ("rss", _RDF_ROOT) or root.tag.endswith("}rss"):  # RSS only: an Atom
        _unqualify(root, body)  # document's elements in these namespaces are left as they are
    base = _Base(url, b"xml:base" in body)
    if root.tag in ("rss", _RDF_ROOT):
        if root.tag == "rss" and not root.get("version", "").startswith(_RSS_VERSIONS):
            raise _Bail(f"RSS version {root.get('version')!r}")
        channels = [c for c in root if isinstance(c.tag, str) and c.tag.lower() == "channel"]
        if len(channels) != 1 or channels[0].tag != "channel":
            raise _Bail("not one <channel>")
        return _rss(root, base, known, b"xml:lang" in body)
    if root.tag == f"{{{ATOM}}}feed":
        lang = root.get(_LANG)
        feed: dict[str, Any] = {}
        entries: list[dict[str, Any]] = []
        for child in root:
            local = child.tag.rpartition("}")[2] if isinstance(child.tag, str) else ""
            if child.tag == f"{{{ATOM}}}entry":
                entries.append(_atom_entry(child, base, lang, known))
            elif local == "item":
                raise _Bail("<item> in Atom")  # feedparser reads any <item> as an entry
            elif local and child.tag[0] != "{" and local.lower() in _PLAIN_MAPPED_LOWER:
                # a prefixed <a:feed>'s <entry> or <title>, a <title xmlns=''>: feedparser
                # reads them as the feed's, the fast reader not
                raise _Bail("an element without a namespace feedparser maps, in Atom")
            elif child.tag == f"{{{ATOM}}}title":
                feed["title"], feed["title_detail"] = _atom_text(child, lang)
            elif child.tag == f"{{{ATOM}}}link":
                href = _atom_link(child, base)
                if href is not None:
                    feed["link"] = href
            elif child.tag == f"{{{ATOM}}}id":
                feed.setdefault("link", _resolve(base.of(child), _text(child)))
            elif local in ("title", "language") and child.tag.startswith(f"{{{DC}}}"):
                raise _Bail("dc:title or dc:language in Atom")
            elif local and child.tag.lower() in _ATOM_FEED_LOWER:
                # <Entry>, <Title>: feedparser reads them in any case
                raise _Bail("an Atom element in another case")
        if lang:
            feed["language"] = lang
        return feed, entries
    if root.tag == f"{{{ATOM}}}entry":
        # an Atom Entry document: feedparser's one entry, of a feed with no fields (its
        # xml:lang is the entry's, not the feed's language)
        return {}, [_atom_entry(root, base, None, known)]
    raise _Bail(f"root element {root.tag}")


_HEADER_CHARSET = re.compile(r"charset=\"?([\w.:-]+)", re.I)
_DECLARED_ENCODING = re.compile(rb"\s*<\?xml[^>]*encoding=[\"']([\w.:-]+)[\"']", re.I)


def _utf8(name: str) -> str:
    return "utf-8" if name in ("utf8", "utf-8") else name


def _plain_attribute(lowered: bytes, name: bytes) -> bool:
    """Whether an element has a plain ``base`` or ``lang`` attribute (in any case: ``lowered``
    is the body in lower case), which feedparser takes for xml:base or xml:lang (found with
    bytes.find: a regex for it costs more than the whole lxml parse)."""
    at = lowered.find(name)
    while at > 0:
        if lowered[at - 1] in b" \t\r\n":
            return True
        at = lowered.find(name, at + len(name))
    return False


def _lang_attribute(el: Any, depth: int) -> bool:
    """Whether ``el`` or an element up to ``depth`` below it has a plain ``lang`` attribute,
    which feedparser reads as the language of what is inside (rss, channel, item, its title)."""
    if any(key.lower() == "lang" for key in el.attrib):
        return True
    return depth > 0 and any(_lang_attribute(child, depth - 1) for child in el
                             if isinstance(child.tag, str))


def _respelled(body: bytes, lowered: bytes, name: bytes) -> bool:
    """Whether ``name`` appears in another case too (``xml:Base``): feedparser reads it as
    ``name``, lxml under another key."""
    return name in lowered and lowered.count(name) != body.count(name)


def read_fast(body: bytes, url: str, content_type: str | None) -> Read | None:
    """(feed, entries) in feedparser's shape, or None when feedparser must read this body."""
    read = _read_or_refuse(body, url, content_type)
    return None if isinstance(read, str) else read


def refusal(body: bytes, url: str, content_type: str | None) -> str | None:
    """Why :func:`read_fast` leaves this body to feedparser, in a few words (None: it reads
    it). bench.parse counts the reasons over the real-world corpus."""
    read = _read_or_refuse(body, url, content_type)
    return read if isinstance(read, str) else None


def _read_or_refuse(body: bytes, url: str, content_type: str | None) -> Read | str:
    head = body[:1024]
    # Every scan below in any case, as feedparser reads names; bytes.lower costs a few per cent
    # of the lxml parse.
    lowered = body.lower()
    if b"<!doctype" in lowered[:1024]:
        return "a DOCTYPE"
    if b"\x00" in head:
        return "UTF-16 or UTF-32"
    if _plain_attribute(lowered, b"base="):
        return "a plain base attribute"
    if _respelled(body, lowered, b"xml:base") or _respelled(body, lowered, b"xml:lang"):
        return "xml:base or xml:lang in another case"
    if content_type and "xml" not in content_type.lower():
        return "a content type that is not XML"  # feedparser marks such a body ill-formed
    # libxml2 decodes by the document's declaration (UTF-8 without one), feedparser by the
    # HTTP header's charset when there is one: read here only when they agree.
    header = _HEADER_CHARSET.search(content_type or "")
    declared = _DECLARED_ENCODING.match(head)
    document = declared.group(1).decode("ascii").lower() if declared else "utf-8"
    if header is not None and _utf8(header.group(1).lower()) != _utf8(document):
        return "an HTTP charset other than the declared encoding"
    try:
        root = etree.fromstring(body, _parser())
        # " lang=" is common in the escaped HTML of content (embedded posts): look for it as an
        # attribute only where it would change an item's language
        if _plain_attribute(lowered, b"lang=") and _lang_attribute(root, 3):
            return "a plain lang attribute"
        if b"1999/xlink" in body and xlink_unlike_feedparser(root, body):
            return "an XLink declaration feedparser writes otherwise"
        return _read(root, url, body)
    except etree.XMLSyntaxError:
        return "ill-formed XML"
    except ValueError as exc:
        return f"lxml refused it ({exc})"[:80]
    except _Bail as bail:
        return str(bail)
    except Exception as exc:  # a shape this reader did not foresee: feedparser reads it
        log.warning("fastfeed.fallback", error=type(exc).__name__)
        return f"unforeseen {type(exc).__name__}"
