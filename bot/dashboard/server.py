"""The dashboard's aiohttp application: sessions, sign-in, CSRF, security headers, rendering.

Every request passes ``_guard``: it loads the session (or starts an anonymous one, which carries
the login form's CSRF token), turns a valid ``?token=`` into an operator session, refuses any
POST whose CSRF token does not match, and sends anyone not signed in to /login. Pages live in
``pages``, ``feeds`` and ``destinations``; what they change goes through the command handlers
and stores that chat commands and the CLI use."""

from __future__ import annotations

import secrets as random
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from importlib import resources
from typing import Any
from urllib.parse import urlencode, urlsplit

import aiohttp
import jinja2
from aiohttp import web

from bot.clock import now_utc
from bot.commands import CommandCore
from bot.commands.core import COMMANDS, run_handler
from bot.config import Secrets, Settings
from bot.dashboard.auth import (
    COOKIE,
    COOKIE_CHANGED,
    SESSION,
    OperatorSecret,
    Principal,
    Session,
    Sessions,
    same,
)
from bot.dashboard.oauth import OAuthProvider, SignInRefused, load_providers
from bot.dashboard.platforms import Platform, load_platforms
from bot.dashboard.scope import SCOPE, Scope, scope_for
from bot.delivery import Adapter, CommandReply, CommandRequest, Destination
from bot.delivery.names import NameBook
from bot.logs import get_log
from bot.netguard import shown_url
from bot.store import Database

log = get_log(__name__)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
PUBLIC = ("/login", "/auth/", "/static/")
NAV = (("/", "Overview"), ("/feeds", "Feeds"), ("/destinations", "Destinations"),
       ("/deliveries", "Deliveries"), ("/preview", "Preview"))
CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
       "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")


@dataclass
class Services:
    """What the pages use: the same database, command core and settings as the bot."""

    db: Database
    commands: CommandCore
    settings: Settings
    secrets: Secrets
    notify: Callable[[], None] = lambda: None  # wake the outbox worker after queueing
    clock: Callable[[], datetime] = now_utc
    providers: dict[str, OAuthProvider] = field(default_factory=dict)
    platforms: dict[str, Platform] = field(default_factory=dict)
    # channel and server names from the adapters that can tell (ids where they cannot)
    names: NameBook = field(default_factory=lambda: NameBook({}))


class Dashboard:
    """The sign-in, the session guard and the rendering every page shares; the pages add their
    routes to it (``bot.dashboard.Dashboard``)."""

    def __init__(self, services: Services, *, operator: OperatorSecret | None = None) -> None:
        self.services = services
        settings = services.settings.dashboard
        self.operator = operator or OperatorSecret.make(
            services.secrets.get("NEWSBRIEF_DASHBOARD_SECRET"))
        self.sessions = Sessions(ttl=settings.session_hours * 3600)
        self.secure = settings.secure_cookies
        self.env = jinja2.Environment(loader=jinja2.PackageLoader("bot.dashboard", "templates"),
                                      autoescape=True, undefined=jinja2.StrictUndefined)
        self.env.filters["feed_url"] = _feed_url
        self.app = web.Application(middlewares=[self._guard], client_max_size=2 * 1024 * 1024)
        self.app.router.add_get("/login", self.login_page)
        self.app.router.add_post("/login", self.login)
        self.app.router.add_post("/logout", self.logout)
        self.app.router.add_post("/scope", self.pick_server)
        self.app.router.add_get("/auth/{provider}", self.oauth_start)
        self.app.router.add_get("/auth/{provider}/callback", self.oauth_callback)
        self.import_jobs: dict[str, Any] = {}  # OPML imports in progress (feeds.ImportJob)
        self.app.router.add_get("/static/platforms.css", self.platform_styles)
        static = resources.files("bot.dashboard") / "static"
        self.app.router.add_static("/static/", str(static), show_index=False)

    # -- the guard -------------------------------------------------------------------------

    @web.middleware
    async def _guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.method == "GET" and request.path.startswith("/static/"):
            asset = await handler(request)  # shipped files: no session needed, none made
            _secure_headers(asset)
            return asset
        session = self.sessions.load(request.cookies.get(COOKIE))
        fresh = session is None
        if session is None:
            session = self.sessions.new()
        request[SESSION] = session
        token = request.query.get("token")
        if token is not None and request.method == "GET":
            if self.operator.matches(token):
                session = self._sign_in(request, Principal("operator", "operator", "Operator"))
                log.info("dashboard.signed_in", kind="operator", via="token")
                clean = request.rel_url.with_query(
                    {k: v for k, v in request.query.items() if k != "token"})
                return self._with_cookie(see_other(str(clean)), session)
            log.warning("dashboard.bad_token")
        public = request.path.startswith(PUBLIC)
        try:
            if request.method == "POST" and not await self._csrf_ok(request, session):
                response: web.StreamResponse = self.render(
                    request, "error.html", {"message": "This form has expired or did not come "
                                            "from this dashboard. Go back, reload and try "
                                            "again."}, status=403)
            elif not public and session.principal is None:
                if request.method == "GET" and not _wants_fragment(request):
                    target = "/login?" + urlencode({"next": str(request.rel_url)})
                    response = see_other(target)
                else:
                    response = web.json_response({"error": "sign in first"}, status=401)
            else:
                if session.principal is not None:
                    request[SCOPE] = await scope_for(self.services.db, self.services.names,
                                                     session.principal, session.server)
                response = await handler(request)
        except web.HTTPException as exc:  # answered as a plain response (aiohttp deprecates
            response = _as_response(exc)  # returning the exception), so the cookie below holds
        session = request[SESSION]  # a sign-in replaces it
        if fresh or request.get(COOKIE_CHANGED):
            self._with_cookie(response, session)
        _secure_headers(response)
        return response

    async def _csrf_ok(self, request: web.Request, session: Session) -> bool:
        given = request.headers.get("X-CSRF-Token")
        if given is None:
            form = await request.post()
            value = form.get("csrf")
            given = value if isinstance(value, str) else None
        return same(given, session.csrf)

    def _sign_in(self, request: web.Request, principal: Principal) -> Session:
        session = self.sessions.sign_in(request.get(SESSION), principal)
        request[SESSION] = session
        request[COOKIE_CHANGED] = True
        return session

    def _with_cookie(self, response: web.StreamResponse, session: Session) -> web.StreamResponse:
        response.set_cookie(COOKIE, self.sessions.cookie_value(session), httponly=True,
                            samesite="Lax", secure=self.secure, path="/",
                            max_age=int(self.sessions.ttl))
        return response

    async def platform_styles(self, request: web.Request) -> web.Response:
        """Each platform's look for its messages, from its adapter's dashboard module."""
        css = "\n".join(p.stylesheet for p in self.services.platforms.values())
        return web.Response(text=css, content_type="text/css")

    # -- rendering -------------------------------------------------------------------------

    def render(self, request: web.Request, template: str, context: dict[str, Any], *,
               status: int = 200) -> web.Response:
        session: Session = request[SESSION]
        flash, session.flash = session.flash, []
        body = self.env.get_template(template).render(
            csrf=session.csrf, principal=session.principal, nav=NAV, path=request.path,
            # where the server picker returns to: this page (a form's answer: the overview)
            here=str(request.rel_url) if request.method == "GET" else "/",
            scope=request.get(SCOPE), flash=flash,
            providers=self.services.providers, **context)
        return web.Response(text=body, content_type="text/html", status=status)

    def scope(self, request: web.Request) -> Scope:
        """The servers this request's pages show (set by the guard for anyone signed in)."""
        found: Scope | None = request.get(SCOPE)
        assert found is not None, "scope asked outside a signed-in request"
        return found

    def redirect(self, request: web.Request, to: str, message: str | None = None
                 ) -> web.Response:
        if message:
            request[SESSION].flash.append(message)
        return see_other(to)

    # -- commands, as chat runs them --------------------------------------------------------

    async def command(self, request: web.Request, name: str, args: str, *,
                      where: Destination, server: str | None) -> CommandReply:
        """Run a chat command's handler with the same limits and rules (not its per-person
        rate limit: the session is the gate here). The caller has checked scope."""
        core = self.services.commands
        principal: Principal = request[SESSION].principal
        ctx = core.context()
        req = CommandRequest(command=name, args=args, user=f"{principal.kind}:{principal.user}",
                             where=where, is_admin=True, server=server,
                             # the operator sees and controls every server's feeds, as at the CLI
                             operator=principal.kind == "operator")
        result = await run_handler(name, COMMANDS[name].handler, ctx, req)
        log.info("dashboard.command", command=name, who=f"{principal.kind}:{principal.user}",
                 where=where.ref, error=result.error)
        # chat names the channel by its ref; here it has a name to show
        names = await self.services.names.names(channels=[where.ref])
        if names.has_channel(where.ref):
            result.text = result.text.replace(where.ref, names.channel(where.ref))
        return result

    # -- sign-in ---------------------------------------------------------------------------

    async def login_page(self, request: web.Request) -> web.Response:
        return self.render(request, "login.html", {"error": None,
                                                   "next": _safe_next(request.query)})

    async def login(self, request: web.Request) -> web.StreamResponse:
        form = await request.post()
        given = form.get("secret")
        if not self.operator.matches(given if isinstance(given, str) else None):
            log.warning("dashboard.bad_secret")
            return self.render(request, "login.html", {
                "error": "That is not the dashboard secret.", "next": _safe_next(form)},
                status=401)
        self._sign_in(request, Principal("operator", "operator", "Operator"))
        log.info("dashboard.signed_in", kind="operator", via="secret")
        return see_other(_safe_next(form))

    async def pick_server(self, request: web.Request) -> web.StreamResponse:
        """The header's server picker: one of the choices the guard offered, or all."""
        form = await request.post()
        picked = str(form.get("server") or "")
        session: Session = request[SESSION]
        if picked and all(choice.id != picked for choice in self.scope(request).choices):
            log.warning("dashboard.scope_refused", who=session.principal.user
                        if session.principal else None)
            return self.redirect(request, "/", "That server is not one you manage.")
        session.server = picked or None
        return see_other(_safe_next(form))

    async def logout(self, request: web.Request) -> web.StreamResponse:
        self.sessions.drop(request[SESSION])
        request[SESSION] = self.sessions.new()
        request[COOKIE_CHANGED] = True
        return see_other("/login")

    def _redirect_uri(self, request: web.Request, provider: str) -> str:
        base = self.services.settings.dashboard.public_url or str(request.url.origin())
        return f"{base.rstrip('/')}/auth/{provider}/callback"

    async def oauth_start(self, request: web.Request) -> web.StreamResponse:
        provider = self.services.providers.get(request.match_info["provider"])
        if provider is None:
            raise web.HTTPNotFound()
        session: Session = request[SESSION]
        session.oauth_state = random.token_urlsafe(24)
        return see_other(provider.authorize_url(
            redirect_uri=self._redirect_uri(request, provider.name), state=session.oauth_state))

    async def oauth_callback(self, request: web.Request) -> web.StreamResponse:
        provider = self.services.providers.get(request.match_info["provider"])
        if provider is None:
            raise web.HTTPNotFound()
        session: Session = request[SESSION]
        expected, session.oauth_state = session.oauth_state, None  # a state is used once
        code = request.query.get("code")
        if not same(request.query.get("state"), expected) or not code:
            return self._login_error(request, "That sign-in link has expired; try again.")
        try:
            async with aiohttp.ClientSession() as http:
                identity = await provider.identify(
                    http, code=code, redirect_uri=self._redirect_uri(request, provider.name))
        except SignInRefused as exc:
            return self._login_error(request, str(exc))
        except (aiohttp.ClientError, ValueError, KeyError, TimeoutError) as exc:
            log.warning("dashboard.oauth_failed", provider=provider.name, error=type(exc).__name__)
            return self._login_error(request, f"{provider.label} failed; try again later.")
        self._sign_in(request, Principal(provider.name, identity.user, identity.name,
                                         dict(identity.servers)))
        log.info("dashboard.signed_in", kind=provider.name, user=identity.user,
                 servers=len(identity.servers))
        return see_other("/")

    def _login_error(self, request: web.Request, message: str) -> web.Response:
        return self.render(request, "login.html", {"error": message, "next": "/"}, status=403)


def see_other(location: str) -> web.Response:
    """A 303 to a page of this site (returned, not raised: handlers stay plain functions)."""
    return web.Response(status=303, headers={"Location": location})


def _wants_fragment(request: web.Request) -> bool:
    return request.headers.get("X-Requested-With") == "fetch" or \
        request.path.startswith("/api/")


def _safe_next(values: Any) -> str:
    """Where to go after sign-in: a path on this site only, never another host."""
    target = values.get("next") if values is not None else None
    if not isinstance(target, str) or not target.startswith("/") or target.startswith("//") \
            or "\\" in target or urlsplit(target).netloc:
        return "/"
    return target


def _as_response(exc: web.HTTPException) -> web.Response:
    headers = {key: value for key, value in exc.headers.items()
               if key.lower() not in ("content-type", "content-length")}
    return web.Response(status=exc.status, reason=exc.reason, text=exc.text, headers=headers,
                        content_type=exc.content_type if exc.text is not None else None)


def _secure_headers(response: web.StreamResponse) -> None:
    response.headers.setdefault("Content-Security-Policy", CSP)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "no-referrer")  # keeps ?token= to ourselves
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("Cache-Control", "no-store")


def make_services(*, db: Database, commands: CommandCore, settings: Settings, secrets: Secrets,
                  notify: Callable[[], None], clock: Callable[[], datetime] = now_utc,
                  adapters: Mapping[str, Adapter] | None = None) -> Services:
    return Services(db=db, commands=commands, settings=settings, secrets=secrets, notify=notify,
                    clock=clock, providers=load_providers(settings, secrets),
                    platforms=load_platforms(), names=NameBook(adapters or {}))


@jinja2.pass_context
def _feed_url(context: Any, url: str) -> str:
    """A feed URL as the signed-in person may see it: whole for the operator; for a server
    admin redacted as chat shows it (host and path), so a private feed's token never shows."""
    principal = context.get("principal")
    if principal is not None and principal.servers is None:
        return url
    return shown_url(url)
