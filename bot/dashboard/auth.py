"""Who is signed in: server-side sessions behind a signed cookie, the operator's secret or
one-time token, and the CSRF token every form carries.

The cookie holds only a random session id signed with a key made at start (itsdangerous), so a
restart signs everyone out and a forged or copied-then-revoked cookie is worth nothing. It is
HttpOnly and SameSite=Lax; each session has its own CSRF token, checked on every POST."""

from __future__ import annotations

import hmac
import secrets
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web
from itsdangerous import BadSignature, Signer

COOKIE = "newsbrief_session"
# Anonymous visitors get a session too (for the login form's CSRF token). They are kept apart
# from signed-in ones, so a flood of anonymous requests can never push a signed-in person out.
MAX_ANONYMOUS = 10_000
MAX_SIGNED_IN = 2_000
ANONYMOUS_TTL = 3600.0


@dataclass(frozen=True, slots=True)
class Principal:
    """A signed-in person. ``servers`` is None for the operator (sees everything), else the
    Discord guilds or Slack workspaces (id → name) they administer."""

    kind: str  # "operator" or the sign-in provider's name
    user: str
    name: str
    servers: dict[str, str] | None = None

    @property
    def operator(self) -> bool:
        return self.servers is None

    def may_see(self, server: str | None) -> bool:
        return self.servers is None or (server is not None and server in self.servers)


@dataclass(slots=True)
class Session:
    sid: str
    csrf: str
    expires: float
    principal: Principal | None = None
    oauth_state: str | None = None  # the state of a sign-in in progress
    server: str | None = None  # the server picked in the header (checked on each request)
    flash: list[str] = field(default_factory=list)


# Typed request-storage keys where this aiohttp has them (3.12+), plain strings before.
request_key: Any = getattr(web, "RequestKey", lambda name, _type: name)
SESSION: Any = request_key("newsbrief_session", Session)
COOKIE_CHANGED: Any = request_key("newsbrief_cookie_changed", bool)


class Sessions:
    def __init__(self, *, ttl: float, clock: Callable[[], float] = time.time,
                 key: bytes | None = None) -> None:
        self.ttl = ttl
        self.clock = clock
        self._signer = Signer(key or secrets.token_bytes(32), salt="newsbrief-dashboard")
        self._anonymous: OrderedDict[str, Session] = OrderedDict()
        self._signed_in: OrderedDict[str, Session] = OrderedDict()

    def new(self, principal: Principal | None = None) -> Session:
        store, limit = ((self._signed_in, MAX_SIGNED_IN) if principal is not None
                        else (self._anonymous, MAX_ANONYMOUS))
        while len(store) >= limit:
            store.popitem(last=False)  # the oldest goes first
        ttl = self.ttl if principal is not None else ANONYMOUS_TTL
        session = Session(sid=secrets.token_urlsafe(32), csrf=secrets.token_urlsafe(32),
                          expires=self.clock() + ttl, principal=principal)
        store[session.sid] = session
        return session

    def sign_in(self, old: Session | None, principal: Principal) -> Session:
        """A fresh session id at sign-in, so an id planted before it is worth nothing."""
        if old is not None:
            self.drop(old)
        return self.new(principal)

    def load(self, cookie: str | None) -> Session | None:
        if not cookie:
            return None
        try:
            sid = self._signer.unsign(cookie).decode()
        except (BadSignature, UnicodeDecodeError):
            return None
        session = self._signed_in.get(sid) or self._anonymous.get(sid)
        if session is None:
            return None
        if session.expires <= self.clock():
            self.drop(session)
            return None
        return session

    def cookie_value(self, session: Session) -> str:
        return self._signer.sign(session.sid).decode()

    def drop(self, session: Session) -> None:
        self._signed_in.pop(session.sid, None)
        self._anonymous.pop(session.sid, None)


def same(given: str | None, expected: str | None) -> bool:
    """Constant-time comparison of two secrets; a missing one never matches."""
    if not given or not expected:
        return False
    return hmac.compare_digest(given.encode(), expected.encode())


@dataclass(frozen=True, slots=True)
class OperatorSecret:
    """The operator's sign-in: ``NEWSBRIEF_DASHBOARD_SECRET``, or a token made at each start
    (printed once, with the URL, like Jupyter's) when that variable is unset."""

    value: str
    generated: bool

    @classmethod
    def make(cls, configured: str | None) -> OperatorSecret:
        if configured:
            return cls(configured, generated=False)
        return cls(secrets.token_urlsafe(24), generated=True)

    def matches(self, given: str | None) -> bool:
        return same(given, self.value)
