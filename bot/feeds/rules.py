"""What makes a feed URL and its tags acceptable, for every door a feed comes in by: the
configuration file, the CLI, chat, the dashboard and OPML imports (issue 14.4).

Light on purpose: the configuration loader calls it, so it imports neither the store nor an
HTTP client until a URL is actually checked."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from bot.i18n import _
from bot.tags import canonical_tag, normalise_tag

MAX_URL = 2048
MAX_TAGS = 10
MAX_TAG_CHARS = 64
WEB_SCHEMES = ("http", "https")
CONFIG_SCHEMES = (*WEB_SCHEMES, "file")  # the operator's own file may name a local file


def url_problem(url: str, *, schemes: tuple[str, ...] = WEB_SCHEMES) -> str | None:
    """Why ``url`` cannot be a feed, or None; the reason is a translated message. Only the
    configuration may name file:// (a local file is the bot's own disk, which no one else may
    have it read). Addresses are vetted by :func:`private_address_problem`."""
    if len(url) > MAX_URL:
        return _("that URL is too long")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (a bad port raises only when read)
    except ValueError:  # "http://[::1", a port out of range
        return _("that is not a valid URL")
    if parts.scheme.lower() not in schemes:
        if "file" in schemes:
            return _("only http://, https:// and file:// feeds (or a local path) can be read")
        return _("only http:// and https:// feeds can be added")
    if parts.scheme.lower() != "file" and not parts.hostname:
        return _("that URL has no host")
    if _may_carry_credentials(url) and _credentials_in(url):
        # refused from every door: a client would send them as Basic auth, lists show them
        return _("URLs with credentials are not accepted (they would be shown to everyone)")
    return None


def _may_carry_credentials(url: str) -> bool:
    """Whether the authority (before the first / ? #) holds an "@": only then can the URL carry
    user info, so only then is netguard (and yarl, which parses the URL) loaded to decide."""
    rest = url.split("://", 1)[-1]
    return "@" in re.split(r"[/?#]", rest, maxsplit=1)[0]


def _credentials_in(url: str) -> bool:
    # imported here: only a URL with user info needs netguard (yarl parses it)
    from bot.netguard import credentials_in

    return credentials_in(url)


def normalise_tags(tags: list[str]) -> list[str]:
    """The tags as stored: normalised as brief tags are, at most 64 characters, each once
    ("open-ai" after "OpenAI" is the same tag)."""
    clean: list[str] = []
    seen: set[str] = set()
    for tag in tags:
        one = normalise_tag(str(tag))[:MAX_TAG_CHARS]
        if one and canonical_tag(one) not in seen:
            clean.append(one)
            seen.add(canonical_tag(one))
    return clean
