"""Fake Discord OAuth2 and Sign in with Slack (OpenID Connect) providers on loopback.

The authorize endpoints approve at once (as a person clicking "Authorize" would) and redirect
back with a code; the token, user and guild endpoints check the client credentials, the code
and the bearer token as the real ones do. ``discord_guilds`` and ``slack_user`` say who signs
in; ``calls`` records every request for assertions."""

from __future__ import annotations

import base64
import secrets
from typing import Any
from urllib.parse import urlencode

from aiohttp import web

from tests.support.loopback import serve

CLIENT_ID = "fake-client"
CLIENT_SECRET = "fake-client-secret"
SLACK_BOT_TOKEN = "xoxb-fake-bot"


class FakeOAuth:
    def __init__(self) -> None:
        self.discord_user: dict[str, Any] = {"id": "4001", "username": "ada",
                                             "global_name": "Ada"}
        self.discord_guilds: list[dict[str, Any]] = []
        self.slack_user: dict[str, Any] = {"sub": "U1", "name": "Grace",
                                           "https://slack.com/team_id": "T1",
                                           "https://slack.com/team_name": "Acme"}
        self.slack_admins: set[str] = set()
        self.calls: list[tuple[str, str]] = []
        self.fail_token = False
        self._codes: dict[str, str] = {}  # code -> redirect_uri it was issued for
        self._tokens: set[str] = set()
        self._runner: web.AppRunner | None = None
        self.base_url = ""

    async def __aenter__(self) -> FakeOAuth:
        app = web.Application()
        app.router.add_get("/oauth2/authorize", self._authorize)
        app.router.add_get("/openid/connect/authorize", self._authorize)
        app.router.add_post("/api/oauth2/token", self._discord_token)
        app.router.add_get("/api/v10/users/@me", self._discord_me)
        app.router.add_get("/api/v10/users/@me/guilds", self._discord_guilds)
        app.router.add_post("/api/openid.connect.token", self._slack_token)
        app.router.add_post("/api/openid.connect.userInfo", self._slack_userinfo)
        app.router.add_post("/api/users.info", self._slack_users_info)
        self._runner, port = await serve(app)
        self.base_url = f"http://127.0.0.1:{port}"
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._runner is not None
        await self._runner.cleanup()

    def _code_for(self, redirect_uri: str) -> str:
        code = secrets.token_urlsafe(8)
        self._codes[code] = redirect_uri
        return code

    def _token(self) -> str:
        token = secrets.token_urlsafe(12)
        self._tokens.add(token)
        return token

    def _bearer_ok(self, request: web.Request) -> bool:
        auth = request.headers.get("Authorization", "")
        return auth.startswith("Bearer ") and auth[7:] in self._tokens

    async def _authorize(self, request: web.Request) -> web.Response:
        self.calls.append(("GET", request.path))
        query = request.query
        if query.get("client_id") != CLIENT_ID or query.get("response_type") != "code":
            return web.Response(status=400, text="bad authorize request")
        target = query["redirect_uri"] + "?" + urlencode(
            {"code": self._code_for(query["redirect_uri"]), "state": query.get("state", "")})
        return web.Response(status=302, headers={"Location": target})

    def _take_code(self, form: Any) -> bool:
        redirect = self._codes.pop(str(form.get("code")), None)
        return redirect is not None and redirect == form.get("redirect_uri")

    async def _discord_token(self, request: web.Request) -> web.Response:
        self.calls.append(("POST", request.path))
        expected = "Basic " + base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()
        form = await request.post()
        if self.fail_token or request.headers.get("Authorization") != expected \
                or not self._take_code(form):
            return web.json_response({"error": "invalid_grant"}, status=400)
        return web.json_response({"access_token": self._token(), "token_type": "Bearer",
                                  "scope": "identify guilds"})

    async def _discord_me(self, request: web.Request) -> web.Response:
        self.calls.append(("GET", request.path))
        if not self._bearer_ok(request):
            return web.json_response({"message": "401: Unauthorized"}, status=401)
        return web.json_response(self.discord_user)

    async def _discord_guilds(self, request: web.Request) -> web.Response:
        self.calls.append(("GET", request.path))
        if not self._bearer_ok(request):
            return web.json_response({"message": "401: Unauthorized"}, status=401)
        return web.json_response(self.discord_guilds)

    async def _slack_token(self, request: web.Request) -> web.Response:
        self.calls.append(("POST", request.path))
        form = await request.post()
        if self.fail_token or form.get("client_id") != CLIENT_ID \
                or form.get("client_secret") != CLIENT_SECRET or not self._take_code(form):
            return web.json_response({"ok": False, "error": "invalid_code"})
        return web.json_response({"ok": True, "access_token": self._token(),
                                  "id_token": "unused.by.dashboard", "token_type": "Bearer"})

    async def _slack_userinfo(self, request: web.Request) -> web.Response:
        self.calls.append(("POST", request.path))
        if not self._bearer_ok(request):
            return web.json_response({"ok": False, "error": "invalid_auth"})
        return web.json_response({"ok": True, **self.slack_user})

    async def _slack_users_info(self, request: web.Request) -> web.Response:
        self.calls.append(("POST", request.path))
        if request.headers.get("Authorization") != f"Bearer {SLACK_BOT_TOKEN}":
            return web.json_response({"ok": False, "error": "invalid_auth"})
        user = str((await request.post()).get("user"))
        return web.json_response({"ok": True, "user": {
            "id": user, "is_admin": user in self.slack_admins}})
