"""/brief <url> (brief that article now) and /brief <words> (search stored articles)."""

from __future__ import annotations

import re
from collections.abc import Collection
from urllib.parse import urlsplit

from bot.commands import usage
from bot.commands.base import MAX_VALUE, Context, error, readers, reply
from bot.delivery import CommandReply, CommandRequest
from bot.errors import NewsbriefError
from bot.i18n import _
from bot.logs import get_log
from bot.netguard import credentials_in, redact_url
from bot.routing.cluster import story_root
from bot.store import AsyncConnection
from bot.store.briefs import load_brief, matching_briefs

log = get_log(__name__)

USAGE = usage.BRIEF
MAX_URL = 2048
MAX_TERMS = 8
RESULTS = 5
_TERM = re.compile(r"\w+")


def search_terms(words: str) -> list[str]:
    # \w+ only, so nothing a user types can reach the FTS5 or tsquery syntax
    return [t.casefold()[:40] for t in _TERM.findall(words)][:MAX_TERMS]


async def search(conn: AsyncConnection, words: str, *, limit: int = RESULTS,
                 tenants: Collection[str] | None = None) -> list[int]:
    """Brief ids whose article matches every word, best first, one per story; only from feeds
    ``tenants`` may read (bot.store.tenancy)."""
    terms = search_terms(words)
    if not terms:
        return []
    found: list[int] = []
    stories: set[int] = set()
    for brief_id in await matching_briefs(conn, terms, limit=limit * 4, tenants=tenants):
        root = await story_root(conn, brief_id)
        if root not in stories:
            stories.add(root)
            found.append(brief_id)
        if len(found) >= limit:
            break
    return found


def _is_url(value: str) -> bool:
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


async def brief(ctx: Context, req: CommandRequest) -> CommandReply:
    args = req.args.strip()
    if not args:
        return error(_(USAGE))
    first = args.split()[0]
    if first.lower().startswith(("http://", "https://")) or "://" in first:
        return await _brief_url(ctx, first)
    if len(args) > MAX_VALUE:
        return error(_("That search is too long (at most {limit} characters).",
                       limit=MAX_VALUE))
    async with ctx.db.begin() as conn:
        ids = await search(conn, args, tenants=readers(req))
        found = [await load_brief(conn, i, tenants=readers(req)) for i in ids]
    if not found:
        return reply(_("Nothing stored matches “{words}”.", words=args))
    if len(found) == 1:
        return reply(_("1 stored story matching “{words}”:", words=args), briefs=found)
    return reply(_("{count} stored stories matching “{words}”:", count=len(found), words=args),
                 briefs=found)


async def _brief_url(ctx: Context, url: str) -> CommandReply:
    if len(url) > MAX_URL or not _is_url(url):
        return error(_("That is not an http(s) link I can brief."))
    if credentials_in(url):
        # a client would send them as Basic auth, and the reply (public) would show the password
        return error(_("Links with a user name or password in them (user:password@) are not "
                       "briefed: they would be sent to that site and shown here."))
    if ctx.brief_url is None:
        return error(_("Briefing a link is not available here."))
    try:
        result = await ctx.brief_url(url)
    except NewsbriefError as exc:
        log.info("command.brief_failed", url=redact_url(url), error=exc)
        return error(_("Could not brief that page: {reason}", reason=exc))
    except Exception:
        log.exception("command.brief_crashed", url=redact_url(url))
        return error(_("Could not brief that page (an internal error; it has been logged)."))
    return reply(result.headline, briefs=[result], ephemeral=False)
