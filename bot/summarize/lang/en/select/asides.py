"""English feed lines that say little as a point but are no caption either: a line that only
says where a link is, a greeting before a lower-case sentence (issue 28, stop 48's feed read).
Weak, not barred: a reader prefers such a line, with its link, to fewer points (review of
wt-rf48: rf578, rf750). English's own: Korean's ``weak`` reads English's shared ``weak`` for
a sentence with a Latin letter, and "hello, world를 …" is Korean prose."""

from __future__ import annotations

import re

# What follows "here:" when it only names the link: its title in Title Case with short linking
# words ("Taskpaper To OF", "Add Task & Sub Tasks To OmniFocus") or an address. Not a clause:
# "You can see the problem here: the API returns null …" says what the problem is.
_LINK_TITLE = (r"(?:https?://\S+|[A-Z0-9][^ ]*(?: (?:[A-Z0-9&][^ ]*|to|of|and|in|for|the|a"
               r"|on|with|-))*)")
# A line that only says where to get, read or see a thing the brief does not link: "You can
# get the workflow here: Taskpaper To OF", "You can download the backup.sh script in full
# here.", "Read the court ruling here.", "You can watch the whole talk here:". "here" closes
# the clause, or comes right before the link's title. Not "You can read here why the vote
# failed …", "Find out what it's like to live here.", "Get out of here!", "See you here!".
LINK_POINTER = re.compile(
    r"(?:You can (?:also )?|(?=[A-Z])(?!(?i:get out|see you|find out (?:what|why|how|who|if"
    r"|whether))\b))(?i:get|download|find|grab|view|read|watch|listen to|check out|see"
    r"|learn|sign[- ]?up)\b(?:[^.!?:]|\.(?=\w)){0,150}\bhere(?:[.!]?|:|: " + _LINK_TITLE
    + r"[.!]?)$"
    # The same pointer as a signpost: "Here’s where you can follow me, once you’re on the
    # system: http://…" (rf578: the reader wanted its address).
    r"|Here['’]s where you can (?:follow|find|get|read|download|see|buy|watch|listen)\b"
    r"[^!?]{0,150}$")
# A greeting before a sentence in lower case, which no cut can take off without leaving a
# point that opens as a fragment (rf26: "Hello, recently I converted my ISP router …" was
# point 1 above the post's question). "Hi, I built …" is cut at the greeting instead.
GREETING = re.compile(r"(?i:hello|hi|hey|hiya|howdy|greetings)"
                      r"(?: (?i:all|everyone|everybody|folks|guys|there))?, [a-z]")


def aside(sentence: str) -> bool:
    """Whether ``sentence`` is a link pointer or a greeting (LINK_POINTER, GREETING)."""
    if sentence[:1] in "Hh" and GREETING.match(sentence):
        return True
    return "ere" in sentence and LINK_POINTER.match(sentence) is not None
