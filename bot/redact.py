"""Secrets kept out of what the bot shows and stores: links without credentials or tokens
(``shown_link``, for every renderer) and texts without tokens (``redact``, for log lines and for
every error text the store writes).

A low module (standard library only): renderers in adapters/, the logging filter and the store's
column types all call the same two functions. The configured secrets are remembered once per
process (``remember``: the logging set-up and the app do it), because the store writes error
texts deep inside code that never sees the settings."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from urllib.parse import unquote, urlsplit, urlunsplit

MARK = "[redacted]"
# what replaces a query value in a link that is shown: plain letters, so no renderer escapes it
LINK_MARK = "redacted"
_MIN_SECRET = 4  # shorter "secrets" would redact ordinary words
_MIN_PARTIAL = 8  # a secret cut by a length limit still leaks its first characters

# query parameter names (lowercased, without - _ .) that carry credentials
_SECRET_NAMES = frozenset({
    "key", "sig", "auth", "pwd", "pass", "code", "jwt", "sid", "hash", "hmac", "otp",
    "authorization", "credentials", "xamzcredential", "xamzsecuritytoken", "xamzsignature",
})
_SECRET_PARTS = ("token", "secret", "password", "passwd", "signature", "apikey", "accesskey",
                 "privatekey", "sessionid", "session", "credential", "clientsecret")
_TOKEN_CHARS = re.compile(r"^[A-Za-z0-9_\-.~+/=%]+$")
_HEX = re.compile(r"^[0-9a-fA-F-]+$")


def secret_name(name: str) -> bool:
    """Whether a query parameter named ``name`` carries a credential by its name."""
    plain = re.sub(r"[-_.\[\]]", "", name.lower())
    return plain in _SECRET_NAMES or plain.endswith("key") or any(
        part in plain for part in _SECRET_PARTS)


def random_looking(value: str) -> bool:
    """A long value that reads like a generated key rather than words or an id: 32+ hex digits,
    20+ characters mixing upper case, lower case and digits, or 24+ characters of high entropy
    (base64). Slugs ("my-article-2024") and numbers stay."""
    value = unquote(value)
    if len(value) < 20 or not _TOKEN_CHARS.match(value):
        return False
    if _HEX.match(value) and sum(c != "-" for c in value) >= 32:
        return True
    if any(c.isupper() for c in value) and any(c.islower() for c in value) \
            and any(c.isdigit() for c in value):
        return True
    counts = Counter(value)
    entropy = -sum(n / len(value) * math.log2(n / len(value)) for n in counts.values())
    return len(value) >= 24 and entropy >= 4.2


def _redact_pairs(text: str) -> str:
    """``a=1&token=x`` with every credential-like value replaced, the rest byte for byte."""
    pairs = []
    for pair in text.split("&"):
        name, eq, value = pair.partition("=")
        if value and (secret_name(unquote(name)) or random_looking(value)):
            value = LINK_MARK
        pairs.append(name + eq + value)
    return "&".join(pairs)


def host_of(url: str) -> str:
    """``host[:port]`` of ``url`` without user info ("" when it cannot be parsed): a site's name
    where the bot has nothing better (a feed without a title, a page without a site name)."""
    try:
        return urlsplit(url.strip()).netloc.rpartition("@")[2]
    except ValueError:
        return ""


def shown_link(url: str) -> str:
    """``url`` as a channel, a dashboard or a webhook receiver may see it: no user info
    (``user:password@``), and the value of every credential-like query (or fragment) parameter
    replaced by ``redacted``. The URL the bot fetches is never changed; only what it shows.
    A URL that cannot be parsed is not shown at all (empty)."""
    url = url.strip()
    try:
        parts = urlsplit(url)
        return urlunsplit((parts.scheme, host_of(url), parts.path, _redact_pairs(parts.query),
                           _redact_pairs(parts.fragment) if "=" in parts.fragment
                           else parts.fragment))
    except ValueError:
        return ""


# token shapes worth redacting wherever they appear, configured or not
_SHAPES: list[tuple[re.Pattern[str], str]] = [
    # an Authorization header echoed back (a proxy's error page, a debugging body)
    (re.compile(r"(?i)(\bauthorization[\"']?\s*[:=]\s*[\"']?)"
                r"((?:bot|bearer|basic|token)\s+)?[^\s\"',;}]+"), r"\1\2" + MARK),
    (re.compile(r"\b(Bearer|Basic|Bot)(\s+)(?=[A-Za-z0-9._~+/=-]*[0-9._~+/=-])"
                r"[A-Za-z0-9._~+/=-]{8,}"), r"\1\2" + MARK),
    # Discord bot tokens: base64 user id . timestamp . HMAC
    (re.compile(r"\b[A-Za-z0-9_-]{23,28}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,}"), MARK),
    # Slack bot, user, app-level and refresh tokens
    (re.compile(r"\bxox[abposre]-[A-Za-z0-9-]{8,}"), MARK),
    (re.compile(r"\bxapp-[A-Za-z0-9-]{8,}"), MARK),
    # webhook URLs: the path after the id is the secret (Discord's /webhooks/<id>/<token>;
    # Slack's /services/T…/B…/<secret>, /workflows/…, /triggers/…)
    (re.compile(r"(/webhooks/\d+/)[A-Za-z0-9_-]{16,}"), r"\1" + MARK),
    (re.compile(r"(/(?:services|workflows|triggers)/)T[A-Z0-9]+/[A-Za-z0-9/_-]{8,}"),
     r"\1" + MARK),
    # user info in any URL
    (re.compile(r"(\b[a-zA-Z][a-zA-Z0-9+.-]*://)[^\s/@?#]+@"), r"\1" + MARK + "@"),
]
_QUERY_PAIR = re.compile(r"([?&;#])([A-Za-z0-9_.\-\[\]]+)=([^&\s#\"'<>]*)")


def _query_value(found: re.Match[str]) -> str:
    lead, name, value = found.groups()
    if value and (secret_name(name) or random_looking(value)):
        value = MARK
    return f"{lead}{name}={value}"


class SecretSet:
    """The configured secret values of this process, longest first (so that a secret that
    contains another is replaced whole)."""

    def __init__(self) -> None:
        self._values: list[str] = []

    def remember(self, values: Iterable[str | None]) -> None:
        merged = set(self._values) | {v for v in values if v and len(v) >= _MIN_SECRET}
        self._values = sorted(merged, key=len, reverse=True)

    def forget_all(self) -> None:  # tests
        self._values = []

    @property
    def values(self) -> list[str]:
        return list(self._values)


KNOWN = SecretSet()


def remember(values: Iterable[str | None]) -> None:
    """Add configured secrets (tokens, webhook URLs, passwords) to what ``redact`` replaces."""
    KNOWN.remember(values)


def _cut_tail(text: str, secret: str) -> str:
    """``text`` whose end is the start of ``secret`` (a length limit cut it) with that end
    redacted: one scan of the last ``len(secret)`` characters."""
    if len(secret) <= _MIN_PARTIAL:
        return text
    head = secret[:_MIN_PARTIAL]
    at = text.find(head, max(0, len(text) - len(secret)))
    while at != -1:
        if secret.startswith(text[at:]):  # the earliest such start is the longest tail
            return text[:at] + MARK
        at = text.find(head, at + 1)
    return text


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """``text`` without any configured secret (``secrets``, and those ``remember``ed; a secret
    cut off at the end of the text too) and without token-shaped strings: Authorization header
    values, Bearer/Bot tokens, Discord and Slack tokens, webhook URLs' secret paths, user info
    and credential-like query values in URLs."""
    if not text:
        return text
    for secret in sorted({*secrets, *KNOWN.values}, key=len, reverse=True):
        if len(secret) < _MIN_SECRET:
            continue
        text = _cut_tail(text.replace(secret, MARK), secret)
    for pattern, replacement in _SHAPES:
        text = pattern.sub(replacement, text)
    return _QUERY_PAIR.sub(_query_value, text)
