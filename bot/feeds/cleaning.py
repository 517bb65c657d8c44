"""Article-text cleaning: what a feed's text carries that is not the story.

html_to_text (bot.feeds.html) gives the visible text; this module takes out what a reader skips
and a summarizer would otherwise quote: headings, captions and code blocks, "Continue reading" and
"The post … appeared first on …" lines, wire datelines ("WASHINGTON (AP) —"), update stamps
("Updated 11/28/17:"), CSS rules pasted as text, and it separates sentences glued together
("the No. 1 spot.The US fell"). It never rewrites the words of a sentence it keeps.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.feeds.html import clean_block, html_to_text

__all__ = ["ARTICLE_SKIP", "article_text", "clean_article", "longest"]

# Elements that are not the story's prose: headings (section titles, "Related"), captions and
# code blocks (which a sentence splitter turns into nonsense points).
ARTICLE_SKIP = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "caption", "pre"})

_BOILERPLATE_LINE = re.compile(
    r"^(?:"
    # link texts: "Continue reading on Medium »", "Read more…", "View the full article on X"
    r"(?:continue reading|read more|keep reading|read the (?:full|rest of the|whole) "
    r"(?:story|article|post)|read full (?:story|article)|click here to read(?: more)?|"
    r"full story|view (?:the )?(?:full )?(?:post|article))"
    r"(?:\s+(?:on|at|in)\s+[^.!?]{0,40})?\s*[»›→>…:.\])]*"
    r"|the post .{1,300} appeared first on .{1,200}"
    r"|this (?:article|post|entry) (?:was )?(?:originally |first )?(?:appeared|published|posted)"
    r" (?:first )?(?:on|at|in) .{1,200}"
    # captions and credits: "Photo: Getty Images", "Image copyright Reuters"
    r"|(?:photo|image|picture|graphic|illustration|credit|caption|pictured)s?\s*(?::|by\b|©)"
    r".{0,160}|(?:image copyright|image caption|media caption)\b.{0,160}"
    r"|\[?(?:…|\.\.\.)\]?"
    r")$",
    re.IGNORECASE,
)
# "… and more. Continue reading →" / "Read more »" ending a paragraph: the link text, not prose.
# Matched with the punctuation before it, which stays (_without_trailing_links): opened on a
# lookbehind for it, the pattern was tried at every character of the text.
_TRAILING_LINK = re.compile(r"[.!?…”\"’)\]]\s*(?:Continue reading|Read more|Read More|"
                            r"Keep reading|Read the full (?:story|article))\b[^.!?\n]{0,40}$",
                            re.MULTILINE)
# "WASHINGTON (AP) — ", "NEWARK, N.J. (AP) — ", "LONDON (Reuters) - ", "(CNN) -- ",
# "PARIS, France — " (a bare "NASA — " is a subject, not a dateline, and stays)
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'’\- ]{1,40}(?:,\s*[A-Z][\w.'’ ]{1,30})?\s*)?"
    r"\((?:AP|Reuters|AFP|CNN|UPI|dpa|Bloomberg|Yonhap|AP Photo)\)\s*(?:—|–|--|-|:)\s*"
    r"|^[A-Z]{3,}(?: [A-Z]{2,}){0,2},\s*[A-Z][\w.]{1,20}(?: [A-Z][\w.]*)?\s+(?:—|–|--)\s+",
    re.MULTILINE,
)
# "Updated 11/28/17:", "Update:", "UPDATE 2 -", "Edit (March 3):", "Updated at 10:15 a.m. ET:"
_UPDATE_STAMP = re.compile(
    r"^(?:updated?|edit(?:ed)?|correction)\b[^:\n]{0,40}:\s+(?=\S)", re.IGNORECASE | re.MULTILINE)
# A CSS rule pasted into the text: "selector { property: value; … }".
# As one pattern, (?:^|(?<=\s))[.#@]?[\w\-.#:>,\[\]=\"' ]{0,120}\{[^{}]*:[^{}]*\}, tried at every
# character it read up to 121 selector characters there (prose is all selector characters):
# most of clean_article's cost. So it is opened on the brace: a selector holds no brace, so a
# rule starts at most 121 characters before the first brace after it, and every start before
# one brace shares that brace's body.
_CSS_SELECTOR = re.compile(r"(?:^|(?<=\s))[.#@]?[\w\-.#:>,\[\]=\"' ]{0,120}\{")
_CSS_BODY = re.compile(r"\{[^{}]*:[^{}]*\}")
_SELECTOR_REACH = 121  # [.#@]? and {0,120}
# Two sentences glued at a period: "spot.The US fell". Only when the word before is lower-case
# letters (not a domain, a file name or code like System.Console) and the next is a capitalised
# word followed by a space.
_GLUED = re.compile(r"(?<![\w.@/\\-])([a-z]{2,}[.!?])([A-Z][a-z]+)(?= )")
# What every _GLUED match holds: one scan of the whole text says whether any line needs it,
# and then which. It opens on the punctuation, rare in text, so the scan skips to each one:
# opened on [a-z] (as "[a-z][.!?][A-Z][a-z]") it was tried at every letter, three times the
# cost.
_GLUED_HINT = re.compile(r"[.!?][A-Z][a-z]")


def _without_css_rules(text: str) -> str:
    """``_CSS_RULE.sub(" ", text)``, trying the pattern only in the reach of each brace."""
    parts: list[str] = []
    done = pos = 0  # text[:done] is in parts; no rule starts in text[done:pos]
    while (brace := text.find("{", pos)) >= 0:
        body = _CSS_BODY.match(text, brace)
        # endpos: the window holds one brace, so the selector found ends on it; a search from
        # inside the text still sees the real start for ^ and the text before for (?<=\s).
        rule = None if body is None else _CSS_SELECTOR.search(
            text, max(pos, brace - _SELECTOR_REACH), brace + 1)
        if rule is None or body is None:
            pos = brace + 1
            continue
        parts += (text[done:rule.start()], " ")
        done = pos = body.end()
    return "".join(parts) + text[done:] if parts else text


def _without_trailing_links(text: str) -> str:
    """``text`` without each _TRAILING_LINK match but its first character (the punctuation).

    A match may open on the last character of the one before (it ends on that punctuation
    and a line break follows), as the punctuation was only looked at, never removed."""
    parts: list[str] = []
    done = pos = 0  # text[:done] is in parts
    while (found := _TRAILING_LINK.search(text, pos)) is not None:
        parts.append(text[done:found.start() + 1])  # empty when it opens on the last removed
        done = found.end()
        pos = done - 1
    return "".join(parts) + text[done:] if parts else text


def _without_prefix(pattern: re.Pattern[str], line: str) -> str:
    """``pattern.sub("", line, count=1)`` for a pattern anchored on ^ and a line without a
    newline: only a match at 0 is possible, and ``match`` tries 0 alone where ``sub`` tries
    every character of every line of every new entry."""
    found = pattern.match(line)
    return line[found.end():] if found else line


def clean_article(text: str) -> str:
    """``text`` (already plain, paragraphs on lines) without the non-story lines and prefixes."""
    if not text:
        return ""
    text = _without_css_rules(text) if "{" in text else text
    # every link text _TRAILING_LINK knows holds "Read" or "reading"
    if "Read" in text or "reading" in text:
        text = _without_trailing_links(text)
    # Every line below is a piece of this text, so a text without the hint has no glued line.
    glued = _GLUED_HINT.search(text) is not None
    kept = []
    for line in text.split("\n"):
        line = line.strip()
        if line and _BOILERPLATE_LINE.match(line):
            continue
        if line:
            line = _without_prefix(_UPDATE_STAMP, _without_prefix(_DATELINE, line))
            if glued and _GLUED_HINT.search(line):  # _GLUED opens on a lookbehind
                line = _GLUED.sub(r"\1 \2", line)
        kept.append(line)
    return clean_block("\n".join(kept))


def article_text(html: str) -> str:
    """The story text of an HTML fragment: visible text without headings, captions and code
    blocks, then :func:`clean_article`. A fragment that is nothing but those keeps them."""
    text = clean_article(html_to_text(html, skip=ARTICLE_SKIP))
    return text or clean_article(html_to_text(html))


def longest(texts: Iterable[str]) -> str:
    """The longest text (the first of equals): the fullest version of an entry's story."""
    best = ""
    for text in texts:
        if len(text) > len(best):
            best = text
    return best
