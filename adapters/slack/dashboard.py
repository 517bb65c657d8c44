"""What the web dashboard needs from Slack: "Sign in with Slack" (OpenID Connect; the person
sees only their own workspace, and only when Slack says they administer it or they are in
``slack.admin_ids``, the rule the slash commands keep) and the message as Slack shows it, drawn
from the exact Block Kit payloads the adapter sends."""

from __future__ import annotations

import re
import secrets as random
from typing import Any
from urllib.parse import urlencode

import aiohttp
from markupsafe import Markup, escape

from adapters.slack.render import (
    render_brief_payloads,
    render_digest_payloads,
    render_notice_payloads,
)
from adapters.slack_probe import SlackSection
from bot.config import Secrets, Settings
from bot.dashboard.oauth import Identity, SignInRefused
from bot.delivery import Destination, registry
from bot.errors import ConfigError
from bot.models import Brief, Digest, Notice

NAME = "slack"
DEFAULT_BASE = "https://slack.com"
SECRET_NAME = "SLACK_CLIENT_SECRET"
TEAM_ID = "https://slack.com/team_id"
TEAM_NAME = "https://slack.com/team_name"
TIMEOUT = aiohttp.ClientTimeout(total=15)


class SlackSignIn:
    name = NAME
    label = "Sign in with Slack"

    def __init__(self, *, client_id: str, client_secret: str, base_url: str = DEFAULT_BASE,
                 bot_token: str | None = None, admin_ids: frozenset[str] = frozenset()) -> None:
        self.client_id = client_id
        self.client_secret = client_secret
        self.base_url = base_url.rstrip("/")
        self.bot_token = bot_token
        self.admin_ids = admin_ids

    def authorize_url(self, *, redirect_uri: str, state: str) -> str:
        query = urlencode({"response_type": "code", "client_id": self.client_id,
                           "scope": "openid profile", "state": state,
                           "nonce": random.token_urlsafe(16), "redirect_uri": redirect_uri})
        return f"{self.base_url}/openid/connect/authorize?{query}"

    async def _call(self, http: aiohttp.ClientSession, method: str, *, data: dict[str, str],
                    token: str | None = None) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        async with http.post(f"{self.base_url}/api/{method}", data=data, headers=headers,
                             timeout=TIMEOUT) as response:
            response.raise_for_status()
            body: dict[str, Any] = await response.json()
        if not body.get("ok"):
            raise ValueError(f"{method}: {body.get('error') or 'not ok'}")
        return body

    async def identify(self, http: aiohttp.ClientSession, *, code: str,
                       redirect_uri: str) -> Identity:
        token = await self._call(http, "openid.connect.token", data={
            "client_id": self.client_id, "client_secret": self.client_secret, "code": code,
            "redirect_uri": redirect_uri, "grant_type": "authorization_code"})
        info = await self._call(http, "openid.connect.userInfo", data={},
                                token=str(token["access_token"]))
        user, team = str(info["sub"]), str(info[TEAM_ID])
        if not await self._is_admin(http, user):
            raise SignInRefused("Only the workspace's admins (or those in slack.admin_ids) can "
                                "use the dashboard.")
        name = str(info.get("name") or info.get("given_name") or user)
        return Identity(user=user, name=name, servers={team: str(info.get(TEAM_NAME) or team)})

    async def _is_admin(self, http: aiohttp.ClientSession, user: str) -> bool:
        if user in self.admin_ids:
            return True
        if not self.bot_token:
            return False
        try:
            found = await self._call(http, "users.info", data={"user": user},
                                     token=self.bot_token)
        except (aiohttp.ClientError, ValueError):
            return False  # fail closed, as the slash commands do
        profile = found.get("user") or {}
        return bool(profile.get("is_admin") or profile.get("is_owner")
                    or profile.get("is_primary_owner"))


def make_provider(settings: Settings, secrets: Secrets) -> SlackSignIn:
    config = settings.dashboard.oauth[NAME]
    slack: SlackSection = registry.section(settings, NAME)
    secret = secrets.get(SECRET_NAME)
    if not secret:
        raise ConfigError(f"dashboard.oauth.{NAME}", f"set {SECRET_NAME} in the environment")
    return SlackSignIn(client_id=config.client_id, client_secret=secret,
                       base_url=config.base_url or DEFAULT_BASE,
                       bot_token=secrets.get("SLACK_BOT_TOKEN"),
                       admin_ids=frozenset(slack.admin_ids))


# -- the message as Slack shows it ------------------------------------------------------------

# Served by the dashboard in /static/platforms.css, with every platform's own rules.
STYLESHEET = """\
/* Slack, as Block Kit renders */
.slack-message {
  background: #fff;
  color: #1d1c1d;
  border: 1px solid #ddd;
  border-radius: 8px;
  padding: .75rem;
  font-size: .92rem;
}
.slack-message a { color: #1264a3; }
.slack-header { font-weight: 900; font-size: 1.05rem; margin-bottom: .4rem; }
.slack-section { margin: .35rem 0; }
.slack-context { color: #616061; font-size: .78rem; margin: .35rem 0; }
.slack-divider { border: 0; border-top: 1px solid #ddd; }
"""

_LINK = re.compile(r"&lt;(https?://[^|&]+?)\|([^&]+?)&gt;")
_BOLD = re.compile(r"(?<![\w*])\*(?!\s)([^*\n]+?)\*(?!\w)")
_ITALIC = re.compile(r"(?<![\w_])_(?!\s)([^_\n]+?)_(?!\w)")


def _mrkdwn(text: str) -> Markup:
    html = str(escape(text))
    html = _LINK.sub(r'<a href="\1" rel="noopener noreferrer">\2</a>', html)
    html = _BOLD.sub(r"<strong>\1</strong>", html)
    html = _ITALIC.sub(r"<em>\1</em>", html)
    html = html.replace("&amp;lt;", "&lt;").replace("&amp;gt;", "&gt;").replace(
        "&amp;amp;", "&amp;")  # Slack's own escapes, shown as the characters they stand for
    html = html.replace(":link:", "\N{LINK SYMBOL}")  # the one emoji code the renderer writes
    return Markup(html.replace("\n", "<br>"))


def _text(obj: dict[str, Any]) -> Markup:
    if obj.get("type") == "mrkdwn":
        return _mrkdwn(str(obj.get("text") or ""))
    return escape(str(obj.get("text") or ""))


def _block(block: dict[str, Any]) -> Markup:
    kind = block.get("type")
    if kind == "header":
        return Markup('<div class="slack-header">{}</div>').format(_text(block["text"]))
    if kind == "section":
        return Markup('<div class="slack-section">{}</div>').format(_text(block["text"]))
    if kind == "context":
        return Markup('<div class="slack-context">{}</div>').format(
            Markup(" ").join(_text(e) for e in block.get("elements") or []))
    if kind == "divider":
        return Markup('<hr class="slack-divider">')
    return Markup('<div class="slack-section">[{}]</div>').format(kind)


def show(dest: Destination, *, brief: Brief | None = None, digest: Digest | None = None,
         notice: Notice | None = None) -> tuple[Markup, list[dict[str, Any]]]:
    """The messages as Slack draws them, and the payloads they come from."""
    if brief is not None:
        payloads = render_brief_payloads(brief, dest)
    elif digest is not None:
        payloads = render_digest_payloads(digest, dest)
    elif notice is not None:
        payloads = render_notice_payloads(notice, dest)
    else:
        raise ValueError("show() needs a brief, a digest or a notice")
    messages = [Markup('<div class="slack-message">{}</div>').format(
        Markup("").join(_block(b) for b in payload.get("blocks") or [])) for payload in payloads]
    return Markup("").join(messages), payloads
