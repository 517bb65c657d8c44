"""Overview, Deliveries and Preview: the pages that show rather than change."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from aiohttp import web
from markupsafe import Markup

from bot.dashboard.chart import hourly_chart
from bot.dashboard.paging import pager
from bot.dashboard.server import Dashboard
from bot.delivery import Destination
from bot.delivery.render import digest_text, notice_text, templated_text
from bot.delivery.serialize import digest_from_json, notice_from_json, outgoing_json_is_notice
from bot.delivery.template import stored_layout
from bot.errors import NewsbriefError
from bot.filters.reasons import what
from bot.models import Brief, Digest, Notice
from bot.redact import shown_link
from bot.store import dashboard as queries
from bot.store import feeds as feed_store
from bot.store import reasons as reason_store
from bot.store.briefs import load_brief
from bot.store.reasons import StoryReason

STATES = ("pending", "sending", "sent", "failed")
MAX_URL = 2048
MAX_PAUSED = 20  # paused destinations listed on the overview; the rest are a click away


def add_routes(dash: Dashboard) -> None:
    pages = Pages(dash)
    dash.app.router.add_get("/", pages.overview)
    dash.app.router.add_get("/deliveries", pages.deliveries)
    dash.app.router.add_get("/preview", pages.preview)
    dash.app.router.add_post("/preview", pages.preview)


def feed_health(row: Any) -> str:
    if row.disabled_at is not None:
        return "disabled"
    if row.consecutive_failures:
        return "failing"
    if row.last_success_at is None:
        return "new"
    return "ok"


def ago(moment: datetime | None, now: datetime) -> str:
    if moment is None:
        return "never"
    seconds = (now - moment).total_seconds()
    text = (f"{abs(seconds):.0f} s" if abs(seconds) < 120 else
            f"{abs(seconds) / 60:.0f} min" if abs(seconds) < 7200 else
            f"{abs(seconds) / 3600:.0f} h" if abs(seconds) < 172_800 else
            f"{abs(seconds) / 86400:.0f} days")
    return f"in {text}" if seconds < 0 else f"{text} ago"


def why_cell(stories: list[StoryReason]) -> str:
    """The Why column: what each story's subscription follows, each once ("#openai, keyword
    “gpt”"); empty for a notice or a message sent before reasons were kept."""
    return ", ".join(dict.fromkeys(what(story.reason, "en") for story in stories))


def show_message(dash: Dashboard, dest: Destination, *, brief: Brief | None = None,
                 digest: Digest | None = None, notice: Notice | None = None,
                 platforms: list[str] | None = None) -> list[dict[str, Any]]:
    """Each platform's view of one message (``platforms``: which; default all), then plain
    text, which is what the console and webhooks carry."""
    views: list[dict[str, Any]] = []
    for name, platform in dash.services.platforms.items():
        if platforms is not None and name not in platforms:
            continue
        ref = dest.ref if dest.platform == name else f"{name}:preview"
        html, payloads = platform.show(Destination(ref, timezone=dest.timezone,
                                                   locale=dest.locale, template=dest.template),
                                       brief=brief, digest=digest, notice=notice)
        views.append({"name": name, "html": html, "payloads": payloads})
    if brief is not None:
        text = templated_text(brief, stored_layout(dest.template), timezone=dest.timezone,
                              locale=dest.locale)
    elif digest is not None:
        text = digest_text(digest, timezone=dest.timezone, locale=dest.locale)
    elif notice is not None:
        text = notice_text(notice)
    else:
        text = ""
    views.append({"name": "text", "html": Markup("<pre class=\"plain\">{}</pre>").format(text),
                  "payloads": None})
    return views


class Pages:
    def __init__(self, dash: Dashboard) -> None:
        self.dash = dash

    async def overview(self, request: web.Request) -> web.Response:
        servers = self.dash.scope(request).servers
        now = self.dash.services.clock()
        async with self.dash.services.db.read() as conn:
            feeds = await feed_store.servers_feeds(conn, servers)
            dests = await queries.scoped_destinations(conn, servers)
            waiting, oldest = await queries.waiting(conn, servers)
            sent = await queries.sent_since(conn, servers, now - timedelta(hours=24))
            errors = await queries.recent_errors(conn, servers, now=now)
        health: dict[str, int] = {"ok": 0, "new": 0, "failing": 0, "disabled": 0}
        for row in feeds:
            health[feed_health(row)] += 1
        counts = queries.hourly(sent, now)
        chart = hourly_chart(counts, now, label=f"Deliveries per hour over the last 24 hours: "
                             f"{sum(counts)} in all")
        paused = [d for d in dests if d.row.paused]
        names = await self.dash.services.names.names(
            channels=[d.row.ref for d in paused[:MAX_PAUSED]]
            + [e.ref for e in errors if e.ref])
        return self.dash.render(request, "overview.html", {
            "health": health, "feeds_total": len(feeds), "paused": paused[:MAX_PAUSED],
            "paused_total": len(paused), "waiting": waiting,
            "oldest": ago(oldest, now) if oldest else None, "chart": chart,
            "sent_total": sum(counts), "names": names,
            "errors": [(ago(e.when, now), e, names.channel(e.ref) if e.ref else None)
                       for e in errors],
        })

    async def deliveries(self, request: web.Request) -> web.Response:
        servers = self.dash.scope(request).servers
        dest_id = request.query.get("destination", "")
        state = request.query.get("state", "")
        page = pager(request)
        async with self.dash.services.db.read() as conn:
            dests = await queries.scoped_destinations(conn, servers)
            page, rows = page.of_fetched(await queries.deliveries(
                conn, servers, destination_id=int(dest_id) if dest_id.isdigit() else None,
                state=state if state in STATES else None, offset=page.offset,
                limit=page.size + 1))
            reasons = await reason_store.of_rows(conn, [row.id for row in rows])
            shown = []
            for row in rows:
                dest = Destination(row.ref, timezone=row.timezone, locale=row.locale,
                                   template=row.template)
                brief = (await load_brief(conn, row.brief_id, tenants=servers) if row.brief_id
                         else None)
                notice = notice_from_json(row.digest) if row.digest and \
                    outgoing_json_is_notice(row.digest) else None
                digest = digest_from_json(row.digest) if row.digest and notice is None else None
                views = show_message(self.dash, dest, brief=brief, digest=digest, notice=notice,
                                     platforms=[dest.platform])
                shown.append({"row": row, "view": views[0], "title": (
                    brief.headline if brief else digest.title if digest
                    else notice.title if notice else ""), "why": why_cell(reasons[row.id])})
        # asked: the rows shown; the filter's every destination in scope only if known already
        # (3,000 channels must not be 3,000 lookups, nor 3,000 refusals a minute)
        names = await self.dash.services.names.names(
            channels=[row.ref for row in rows], cached_channels=[d.row.ref for d in dests])
        now = self.dash.services.clock()
        template = "deliveries_rows.html" if request.query.get("partial") else "deliveries.html"
        return self.dash.render(request, template, {
            "rows": shown, "dests": dests, "states": STATES, "dest_id": dest_id,
            "state": state, "ago": lambda m: ago(m, now), "page": page, "names": names})

    async def preview(self, request: web.Request) -> web.Response:
        url, problem, views = "", None, None
        if request.method == "POST":
            form = await request.post()
            url = str(form.get("url") or "").strip()
            brief, problem = await brief_for(self.dash, url)
            if brief is not None:
                views = show_message(self.dash, Destination("text:preview"), brief=brief)
        # the page shows the link back without the password or token it may carry
        return self.dash.render(request, "preview.html",
                                {"url": shown_link(url), "error": problem, "views": views},
                                status=400 if problem else 200)


async def brief_for(dash: Dashboard, url: str) -> tuple[Brief | None, str | None]:
    """The brief of an article or of a feed's newest item, or why there is none. Only
    http(s): a local path is the bot's own disk, and the fetcher vets every address."""
    brief_url = dash.services.commands.brief_url
    if not url:
        return None, "Paste an article or feed URL."
    if len(url) > MAX_URL or not url.lower().startswith(("http://", "https://")):
        return None, "Only http:// and https:// links can be previewed."
    if brief_url is None:
        return None, "Previews are not available in this process."
    try:
        return await brief_url(url), None
    except NewsbriefError as exc:
        return None, f"Could not brief that page: {exc}"
