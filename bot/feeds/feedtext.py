"""Element text as feedparser gives it, for the fast reader (bot.feeds.fastfeed).

Each helper reproduces one of feedparser's rules for a value: the UTF-8-read-as-Latin-1 repair
and cp1252 marks, attribute names in lower case, markup re-serialised inside RSS text, XHTML
content re-serialised, xml:lang and xml:base inherited down the tree. Anything these rules do
not cover raises _Bail, and the caller leaves the whole document to feedparser.
"""

from __future__ import annotations

import contextlib
import re
from typing import Any
from xml.sax.saxutils import escape as xml_escape  # what feedparser escapes XHTML content with

from feedparser.mixin import _cp1252, _FeedParserMixin
from feedparser.urls import _urljoin, make_safe_absolute_uri
from lxml import etree

XHTML = "http://www.w3.org/1999/xhtml"
SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
_XHTML_OPEN, _SVG_OPEN, _XLINK_OPEN = (f"{{{uri}}}" for uri in (XHTML, SVG, XLINK))
_XLINK_DECLARATION = re.compile(
    rb"xmlns:([\w.-]+)\s*=\s*[\"']http://www\.w3\.org/1999/xlink[\"']")
_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
_TEXT_KINDS = frozenset({"text/plain", "text/html", "application/xhtml+xml"})
# The types RSS text is read fast in: feedparser's defaults, as a type attribute may name them
_RSS_TEXT_KINDS = frozenset({"text/plain", "text/html"})
_ATOM_CONTENT = "{http://www.w3.org/2005/Atom}content"
_map_type = _FeedParserMixin.map_content_type  # "html" -> "text/html", in lower case
_C1 = re.compile("[\x80-\x9f]")  # the characters _cp1252 maps


class _Bail(Exception):
    """The document needs feedparser's general reader."""


class _Base:
    """The base URI feedparser resolves an element's links against: the feed's URL, changed by
    every xml:base on the way down (each joined to the one above, unsafe schemes ignored)."""

    __slots__ = ("nested", "url")

    def __init__(self, url: str, nested: bool) -> None:
        self.url = url
        self.nested = nested  # the document has xml:base somewhere

    def of(self, el: Any) -> str:
        if not self.nested:
            return self.url
        base = self.url
        for value in [*[a.get(_XML_BASE) for a in el.iterancestors()][::-1], el.get(_XML_BASE)]:
            if value:
                base = make_safe_absolute_uri(base, value) or base
        return base


def _clean(value: str) -> str:
    """feedparser's last steps on every value: the UTF-8-read-as-Latin-1 repair, cp1252 marks."""
    value = value.strip()
    if not value.isascii():
        with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
            value = value.encode("iso-8859-1").decode("utf-8")
        if _C1.search(value):  # str.translate with a dict walks every character in Python
            value = value.translate(_cp1252)
    return value


# Attributes whose value the fast reader reads (a text's type or mode, a link's rel and href, a
# guid's isPermaLink, a category's term and label). feedparser names an attribute of a namespace
# it gives no prefix (an unknown one, Atom's) by its local name alone: <title x:mode='base64'>
# is a base64 title to it.
_READ_ATTRIBUTES = frozenset({"type", "mode", "rel", "href", "ispermalink", "term", "label",
                              "scheme", "domain"})
_KNOWN_PREFIX_LOWER = {uri.lower(): prefix for uri, prefix in
                       _FeedParserMixin.namespaces.items()}


def _attrs(el: Any) -> dict[str, str]:
    """An element's attributes as feedparser reads them: names in lower case, and the values of
    rel and type too (``rel="Alternate"``, ``type="TEXT/HTML"``); the last of one name wins.
    Every attribute the fast reader reads goes through here, so one that feedparser would read
    under another name (see _READ_ATTRIBUTES) is refused here."""
    attrs = {key.lower(): value for key, value in el.attrib.items()}
    for key in attrs:
        if key[0] == "{":
            ns, _, local = key[1:].partition("}")
            if local in _READ_ATTRIBUTES and not _KNOWN_PREFIX_LOWER.get(ns):
                raise _Bail("a namespaced attribute feedparser reads by its local name")
    for key in ("rel", "type"):
        if key in attrs:
            attrs[key] = attrs[key].lower()
    return attrs


def _text(el: Any) -> str:
    if len(el):
        # markup inside a text element: feedparser re-serialises it
        raise _Bail("markup inside a text element")
    return _clean(el.text or "")


def _resolve(base: str, value: str) -> str:
    """feedparser resolves a link or permalink element's text against the base, unless empty."""
    return _urljoin(base, value) if value else value


def _markup(el: Any) -> str:
    """An element's content as feedparser gives it: its text, or the markup written inside it
    unescaped (common in RSS descriptions), re-serialised."""
    if not len(el):
        return _clean(el.text or "")
    if any(isinstance(d.tag, str) and d.tag.startswith("{") for d in el.iterdescendants()):
        raise _Bail("namespaced markup inside content")
    # lxml repeats the namespaces declared above (on <rss>) on each serialised child; the
    # markup as written had none of them.
    declared = [f' xmlns:{prefix}="{uri}"' if prefix else f' xmlns="{uri}"'
                for prefix, uri in el.nsmap.items()]
    parts = []
    for child in el:
        markup = etree.tostring(child, encoding="unicode", with_tail=True)
        for declaration in declared:
            markup = markup.replace(declaration, "", 1)
        parts.append(markup)
    return _clean((el.text or "") + "".join(parts))


def _xml_lang(el: Any, around: str | None) -> str | None:
    """feedparser's language of an element: its xml:lang ("" for none), else ``around``."""
    if not len(el.attrib):
        return around
    lang = el.get(_LANG)
    return around if lang is None else lang.replace("_", "-") or None


def _rss_text(el: Any, lang: str | None, default_type: str,
              guess_html: bool = True) -> tuple[str, dict[str, Any]]:
    """The text and _detail of an RSS text element, of type ``default_type`` unless its type
    attribute names plain text or HTML. ``guess_html``: plain text that looks like HTML is typed
    HTML, as feedparser guesses outside Atom (in an Atom entry's media: elements it does not)."""
    kind = default_type
    if len(el.attrib):
        attrs = _attrs(el)
        if "mode" in attrs:
            raise _Bail("a mode attribute on RSS text")  # base64 by feedparser's rule
        if "type" in attrs:
            kind = _map_type(attrs["type"])
            if kind not in _RSS_TEXT_KINDS:
                # base64 (any type but text and XML) or XHTML, each read its own way
                raise _Bail("a type attribute on RSS text other than plain or HTML")
    lang = _xml_lang(el, lang)
    value = _markup(el)
    if guess_html and kind == "text/plain" and _FeedParserMixin.looks_like_html(value):
        kind = "text/html"
    return value, {"type": kind, "language": lang, "base": "", "value": value}


def _xhtml(el: Any) -> str:
    """Atom XHTML content as feedparser re-serialises it: the wrapping <div> gone, names in
    lower case, every element closed (``<br></br>``), text and attribute values escaped, SVG
    in the default namespace and XLink attributes included. Anything else (MathML, prefixed
    SVG, other namespaced attributes) is left to feedparser."""
    divs = list(el)
    if (len(divs) != 1 or divs[0].tag != f"{{{XHTML}}}div" or (el.text or "").strip()
            or (divs[0].tail or "").strip()):
        raise _Bail("XHTML content not one <div>")
    return _clean(_xhtml_inside(divs[0]))


def _xhtml_inside(el: Any) -> str:
    parts = [xml_escape(el.text or "")]
    for child in el:
        tag = child.tag
        if tag.startswith(_XHTML_OPEN):
            name, declared = tag[len(_XHTML_OPEN):].lower(), _xlink_declared(child)
        elif tag.startswith(_SVG_OPEN) and child.prefix is None:
            # SVG in the default namespace, as feedparser writes it: names in lower case
            # (radialgradient), the root with xmlns after any xlink declared on it
            name = tag[len(_SVG_OPEN):].lower()
            declared = _xlink_declared(child) + (f' xmlns="{SVG}"' if name == "svg" else "")
        else:
            raise _Bail("a non-XHTML element in XHTML content")
        attrs = {_attribute_name(key): value for key, value in child.attrib.items()}
        if len(attrs) != len(child.attrib):
            raise _Bail("a repeated XHTML attribute")
        parts.append(f"<{name}{declared}" + "".join(
            f' {key}="{xml_escape(value, {chr(34): "&quot;"})}"' for key, value in attrs.items())
            + f">{_xhtml_inside(child)}</{name}>" + xml_escape(child.tail or ""))
    return "".join(parts)


def _attribute_name(key: str) -> str:
    """An attribute's name as feedparser writes it in XHTML content: lower case, xlink: for the
    XLink namespace; any other namespace is left to feedparser."""
    if key.startswith(_XLINK_OPEN):
        return "xlink:" + key[len(_XLINK_OPEN):].lower()
    if key.startswith("{"):
        raise _Bail("a namespaced XHTML attribute")
    return key.lower()


def _xlink_declared(el: Any) -> str:
    """The XLink namespace declarations made on ``el``: feedparser writes them first among its
    attributes (xmlns:xlink="…"), and no other declaration."""
    parent = el.getparent()
    return "".join(f' xmlns:{prefix}="{uri}"' for prefix, uri in el.nsmap.items()
                   if uri == XLINK and prefix and parent.nsmap.get(prefix) != uri)


def xlink_unlike_feedparser(root: Any, body: bytes) -> bool:
    """Whether the document declares XLink where lxml cannot show it (again, on an element
    where it is already in scope: feedparser writes every declaration, _xlink_declared only
    those lxml shows) or under a prefix other than xlink: (feedparser writes such an attribute
    twice, as xlink:href and as written)."""
    prefixes = _XLINK_DECLARATION.findall(body)
    if any(prefix != b"xlink" for prefix in prefixes):
        return True
    shown = sum(1 for el in root.iter() if isinstance(el.tag, str) for prefix, uri
                in el.nsmap.items() if uri == XLINK and prefix and (
                    el.getparent() is None or el.getparent().nsmap.get(prefix) != uri))
    return len(prefixes) != shown


def _atom_text(el: Any, lang: str | None) -> tuple[str, dict[str, Any]]:
    attrs = _attrs(el) if len(el.attrib) else {}
    src = attrs.get("src")
    if "mode" in attrs or (src is not None and not _empty_content(el)):
        raise _Bail("Atom content with src or mode")
    kind = _map_type(attrs.get("type", "text"))
    if kind not in _TEXT_KINDS:
        raise _Bail("Atom content neither text, HTML nor XHTML")  # base64 or other media types
    value = _xhtml(el) if kind == "application/xhtml+xml" else _text(el)
    lang = el.get(_LANG) or lang
    detail = {"type": kind, "language": lang, "base": "", "value": value}
    if src:  # feedparser keeps it beside the (empty) value, as written
        detail["src"] = src
    return value, detail


def _empty_content(el: Any) -> bool:
    """Whether ``el`` is an Atom <content> with nothing inside: one with src (its text is
    elsewhere), which feedparser reads as empty content of its type. Text beside a src, or
    src on another element, is left to feedparser."""
    return (el.tag == _ATOM_CONTENT and not len(el) and not (el.text or "").strip())

