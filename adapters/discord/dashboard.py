"""What the web dashboard needs from Discord: "Sign in with Discord" (OAuth2, scopes
``identify guilds``; only guilds where the person holds Manage Server or Administrator) and the
message as Discord shows it, drawn from the exact payloads the adapter sends."""

from __future__ import annotations

import base64
import re
from typing import Any
from urllib.parse import urlencode

import aiohttp
from markupsafe import Markup, escape

from adapters.discord.render import (
    render_brief_payloads,
    render_digest_payloads,
    render_notice_payloads,
)
from bot.config import Secrets, Settings
from bot.dashboard.oauth import Identity, SignInRefused
from bot.delivery import Destination
from bot.errors import ConfigError
from bot.models import Brief, Digest, Notice

NAME = "discord"
DEFAULT_BASE = "https://discord.com"
SECRET_NAME = "DISCORD_CLIENT_SECRET"
MANAGE_GUILD = 1 << 5
ADMINISTRATOR = 1 << 3
TIMEOUT = aiohttp.ClientTimeout(total=15)


class DiscordSignIn:
    name = NAME
    label = "Sign in with Discord"

    def __init__(self, *, client_id: str, client_secret: str, base_url: str = DEFAULT_BASE
                 ) -> None:
        self.client_id = client_id
        self.client_secret = client_secret
        self.base_url = base_url.rstrip("/")

    def authorize_url(self, *, redirect_uri: str, state: str) -> str:
        query = urlencode({"response_type": "code", "client_id": self.client_id,
                           "scope": "identify guilds", "state": state,
                           "redirect_uri": redirect_uri, "prompt": "none"})
        return f"{self.base_url}/oauth2/authorize?{query}"

    async def identify(self, http: aiohttp.ClientSession, *, code: str,
                       redirect_uri: str) -> Identity:
        form = {"grant_type": "authorization_code", "code": code, "redirect_uri": redirect_uri}
        # HTTP Basic by hand: aiohttp deprecates BasicAuth/auth= and its replacement is newer
        # than the oldest aiohttp pyproject allows
        pair = base64.b64encode(f"{self.client_id}:{self.client_secret}".encode()).decode()
        async with http.post(f"{self.base_url}/api/oauth2/token", data=form,
                             headers={"Authorization": f"Basic {pair}"},
                             timeout=TIMEOUT) as response:
            response.raise_for_status()
            token = (await response.json())["access_token"]
        headers = {"Authorization": f"Bearer {token}"}
        api = f"{self.base_url}/api/v10"
        async with http.get(f"{api}/users/@me", headers=headers, timeout=TIMEOUT) as response:
            response.raise_for_status()
            user = await response.json()
        async with http.get(f"{api}/users/@me/guilds", headers=headers,
                            timeout=TIMEOUT) as response:
            response.raise_for_status()
            guilds = await response.json()
        managed = {str(g["id"]): str(g.get("name") or g["id"]) for g in guilds
                   if g.get("owner") or int(g.get("permissions") or 0)
                   & (MANAGE_GUILD | ADMINISTRATOR)}
        if not managed:
            raise SignInRefused("You do not hold Manage Server in any Discord server.")
        name = str(user.get("global_name") or user.get("username") or user["id"])
        return Identity(user=str(user["id"]), name=name, servers=managed)


def make_provider(settings: Settings, secrets: Secrets) -> DiscordSignIn:
    config = settings.dashboard.oauth[NAME]
    secret = secrets.get(SECRET_NAME)
    if not secret:
        raise ConfigError(f"dashboard.oauth.{NAME}", f"set {SECRET_NAME} in the environment")
    return DiscordSignIn(client_id=config.client_id, client_secret=secret,
                         base_url=config.base_url or DEFAULT_BASE)


# -- the message as Discord shows it ----------------------------------------------------------

# Served by the dashboard in /static/platforms.css, with every platform's own rules.
STYLESHEET = """\
/* Discord, as its client draws an embed */
.discord-message {
  background: #313338;
  color: #dbdee1;
  border-radius: 8px;
  padding: .75rem;
  font-size: .92rem;
}
.discord-content:empty { display: none; }
.discord-content { margin-bottom: .4rem; }
.discord-embed {
  background: #2b2d31;
  border-left: 4px solid #3b82f6;
  border-radius: 4px;
  padding: .6rem .8rem;
  margin-top: .3rem;
}
.discord-embed a { color: #00a8fc; }
.embed-title { font-weight: 700; margin-bottom: .3rem; }
.embed-description { color: #b5bac1; font-size: .85rem; margin-bottom: .4rem; }
.embed-field { margin-top: .45rem; }
.embed-field-name { font-weight: 700; font-size: .85rem; }
.embed-footer { color: #949ba4; font-size: .75rem; margin-top: .6rem; white-space: pre-line; }
"""

_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ITALIC = re.compile(r"(?<![\\*])\*(?!\s)(.+?)(?<![\\\s])\*")
_ESCAPED = re.compile(r"\\([\\*_~`|>#\[\]()-])")


def _markdown(text: str) -> Markup:
    """The little Discord markdown the renderer writes: bold, italics, backslash escapes."""
    html = str(escape(text))
    html = _BOLD.sub(r"<strong>\1</strong>", html)
    html = _ITALIC.sub(r"<em>\1</em>", html)
    html = _ESCAPED.sub(r"\1", html)
    return Markup(html.replace("\n", "<br>"))


def _embed(embed: dict[str, Any]) -> Markup:
    parts = []
    title = embed.get("title")
    if title:
        inner = _markdown(title)
        url = embed.get("url")
        if url:
            inner = Markup('<a href="{}" rel="noopener noreferrer">{}</a>').format(url, inner)
        parts.append(Markup('<div class="embed-title">{}</div>').format(inner))
    if embed.get("description"):
        parts.append(Markup('<div class="embed-description">{}</div>')
                     .format(_markdown(embed["description"])))
    for item in embed.get("fields") or []:
        parts.append(Markup('<div class="embed-field"><div class="embed-field-name">{}</div>'
                            '<div class="embed-field-value">{}</div></div>')
                     .format(_markdown(item["name"]), _markdown(item["value"])))
    footer = (embed.get("footer") or {}).get("text")
    if footer:
        parts.append(Markup('<div class="embed-footer">{}</div>').format(footer))
    return Markup('<div class="discord-embed">{}</div>').format(Markup("").join(parts))


def show(dest: Destination, *, brief: Brief | None = None, digest: Digest | None = None,
         notice: Notice | None = None) -> tuple[Markup, list[dict[str, Any]]]:
    """The messages as Discord draws them, and the payloads they come from."""
    if brief is not None:
        payloads = render_brief_payloads(brief, dest)
    elif digest is not None:
        payloads = render_digest_payloads(digest, dest)
    elif notice is not None:
        payloads = render_notice_payloads(notice, dest)
    else:
        raise ValueError("show() needs a brief, a digest or a notice")
    messages = []
    for payload in payloads:
        content = _markdown(payload["content"]) if payload.get("content") else Markup("")
        embeds = Markup("").join(_embed(e) for e in payload.get("embeds") or [])
        messages.append(Markup('<div class="discord-message"><div class="discord-content">{}'
                               '</div>{}</div>').format(content, embeds))
    return Markup("").join(messages), payloads
