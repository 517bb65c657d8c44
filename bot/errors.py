"""The one exception tree of newsbrief.

    NewsbriefError
    ├── ConfigError          bad configuration; names the key (``.key``)
    ├── FetchError           a feed or page could not be fetched (``.kind``, ``.url``)
    │   └── BlockedAddress   the URL points at a refused address or scheme
    ├── ParseError           a body could not be read as a feed at all
    └── DeliveryError        a platform refused or failed a send (``.retry_after``, ``.permanent``)
"""

from __future__ import annotations


class NewsbriefError(Exception):
    """Base of every error newsbrief raises on purpose."""


class ConfigError(NewsbriefError):
    """The first problem in the message; ``problems`` holds every one found (key, problem),
    which ``newsbrief check`` lists."""

    def __init__(self, key: str, problem: str, *,
                 more: list[tuple[str, str]] | None = None) -> None:
        more = more or []
        also = f" (and {len(more)} more: newsbrief check lists them all)" if more else ""
        super().__init__(f"configuration error at {key}: {problem}{also}")
        self.key = key
        self.problem = problem
        self.problems = [(key, problem), *more]


class FetchError(NewsbriefError):
    """``kind`` is a short machine word: timeout, too_large, http_status, connect, blocked, ..."""

    def __init__(self, kind: str, message: str, *, url: str = "", status: int | None = None,
                 retry_after: float | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.url = url
        self.status = status
        self.retry_after = retry_after


class BlockedAddress(FetchError):
    def __init__(self, message: str, *, url: str = "") -> None:
        super().__init__("blocked", message, url=url)


class ParseError(NewsbriefError):
    pass


class DeliveryError(NewsbriefError):
    """A send that failed. ``permanent`` means the destination is gone or forbidden: pause it.
    ``uncertain`` means the answer does not prove failure (a 5xx, a connection lost after the
    request went out): the message may be posted, so it is reconciled, never blindly resent."""

    def __init__(self, message: str, *, retry_after: float | None = None,
                 permanent: bool = False, status: int | None = None,
                 uncertain: bool = False) -> None:
        super().__init__(message)
        self.retry_after = retry_after
        self.permanent = permanent
        self.status = status
        self.uncertain = uncertain
