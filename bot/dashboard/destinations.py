"""The Destinations pages: subscriptions, digest time, timezone and days, urgent tags, locale,
the layout of its briefs (a template, previewed); resume a paused destination; send a test
message through the outbox.

Subscribing and the digest time run the ``/subscribe`` and ``/digest`` handlers (the same
parsing, limits and "first digest is the next one" rule); the rest uses the destination store
as they do."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from aiohttp import web
from multidict import MultiDictProxy

from bot.dashboard.auth import SESSION, Principal
from bot.dashboard.layouts import layout_form
from bot.dashboard.paging import pager
from bot.dashboard.server import Dashboard
from bot.delivery.template import TemplateError, layout
from bot.filters import kinds
from bot.i18n import _
from bot.logs import get_log
from bot.models import Notice
from bot.outbox.queue import enqueue, outbox_key
from bot.store import dashboard as queries
from bot.store import destinations as dest_store
from bot.store.dashboard import ScopedDestination
from bot.tags import normalise_tag

log = get_log(__name__)

DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_HHMM = re.compile(r"([01]\d|2[0-3]):[0-5]\d")
_LOCALE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})?")
MAX_URGENT = 20
_DAY_VALUES = {str(day) for day in range(7)}


@dataclass(frozen=True, slots=True)
class KindChoice:
    """A subscription kind as the form offers it; its label in the language in force."""

    name: str
    label: str
    takes_value: bool


def kind_choices() -> list[KindChoice]:
    # read from the one table at each request, so a kind added there is offered here too
    return [KindChoice(kind.name, _(kind.label), kind.takes_value) for kind in kinds.KINDS]


def add_routes(dash: Dashboard) -> None:
    page = DestinationsPage(dash)
    router = dash.app.router
    router.add_get("/destinations", page.index)
    router.add_get("/destinations/{id:\\d+}", page.detail)
    router.add_post("/destinations/{id:\\d+}/subscribe", page.subscribe)
    router.add_post("/destinations/{id:\\d+}/unsubscribe", page.unsubscribe)
    router.add_post("/destinations/{id:\\d+}/settings", page.settings)
    router.add_post("/destinations/{id:\\d+}/template", page.template)
    router.add_post("/destinations/{id:\\d+}/resume", page.resume)
    router.add_post("/destinations/{id:\\d+}/test", page.test)


class DestinationsPage:
    def __init__(self, dash: Dashboard) -> None:
        self.dash = dash
        self.zones = sorted(available_timezones())

    async def _find(self, request: web.Request) -> ScopedDestination:
        principal: Principal = request[SESSION].principal
        async with self.dash.services.db.read() as conn:
            found = await queries.scoped_destination(conn, int(request.match_info["id"]),
                                                     principal.servers)
        if found is None:
            raise web.HTTPNotFound(text="No such destination among yours.")
        return found

    async def index(self, request: web.Request) -> web.Response:
        principal: Principal = request[SESSION].principal
        async with self.dash.services.db.read() as conn:
            every = await queries.scoped_destinations(conn, self.dash.scope(request).servers)
            subs = await dest_store.list_subscriptions(conn)
        page, dests = pager(request).of_all(every)
        counts: dict[int, int] = {}
        for sub in subs:
            counts[sub.destination_id] = counts.get(sub.destination_id, 0) + 1
        names = await self.dash.services.names.names(
            channels=[d.row.ref for d in dests],
            servers=[(d.row.destination.platform, d.server) for d in dests if d.server])
        return self.dash.render(request, "destinations.html", {
            "dests": dests, "total": len(every), "page": page, "counts": counts,
            "names": names, "servers": principal.servers or {}})

    async def _detail(self, request: web.Request, found: ScopedDestination, *,
                      status: int = 200, **extra: Any) -> web.Response:
        async with self.dash.services.db.read() as conn:
            subs = await dest_store.list_subscriptions(conn, found.row.id)
        platform = found.row.destination.platform
        names = await self.dash.services.names.names(
            channels=[found.row.ref], servers=[(platform, found.server)] if found.server else [])
        principal: Principal = request[SESSION].principal
        context: dict[str, Any] = {
            "names": names, "server_name": (principal.servers or {}).get(found.server or "")
            or names.server(platform, found.server or ""),
            "dest": found, "subs": subs, "kinds": kind_choices(), "days": DAYS, "zones": self.zones,
            "errors": {}, "sub_error": None, "form": {},
            "chosen_days": [str(day) for day in found.row.digest_days]}
        context.update(layout_form(self.dash, found.row))
        context.update(extra)
        return self.dash.render(request, "destination.html", context, status=status)

    async def detail(self, request: web.Request) -> web.Response:
        return await self._detail(request, await self._find(request))

    async def subscribe(self, request: web.Request) -> web.Response:
        found = await self._find(request)
        form = await request.post()
        kind = kinds.get(str(form.get("kind") or "tag"))
        value = " ".join(str(form.get("value") or "").split())
        mode = "digest" if form.get("mode") == "digest" else "instant"
        problem = None
        if kind is None:
            problem = "Choose what to follow."
        elif kind.takes_value and not value:
            problem = f"Enter the {_(kind.label)} to follow."
        if kind is not None and problem is None:
            # the kind's name as an explicit prefix: /subscribe reads the value as that kind
            target = f"{kind.name}:{value}" if kind.takes_value else kind.name
            if form.get("exclude") and kind.takes_value:
                target = "-" + target
            reply = await self.dash.command(request, "subscribe", f"{target} {mode}",
                                            where=found.row.destination, server=found.server)
            if not reply.error:
                return self.dash.redirect(request, f"/destinations/{found.row.id}", reply.text)
            problem = reply.text
        return await self._detail(request, found, sub_error=problem, form=dict(form),
                                  status=400)

    async def unsubscribe(self, request: web.Request) -> web.Response:
        found = await self._find(request)
        form = await request.post()
        sub_id = str(form.get("subscription") or "")
        async with self.dash.services.db.begin() as conn:
            subs = await dest_store.list_subscriptions(conn, found.row.id)
            sub = next((s for s in subs if str(s.id) == sub_id), None)
            if sub is not None:
                await dest_store.remove_subscription(conn, found.row.id, kind=sub.kind,
                                                     value=sub.value, exclude=sub.exclude)
        message = ("No such subscription." if sub is None else f"No longer {sub.describe()}."
                   if sub.exclude else f"Unsubscribed from {sub.describe()}.")
        return self.dash.redirect(request, f"/destinations/{found.row.id}", message)

    async def settings(self, request: web.Request) -> web.Response:
        found = await self._find(request)
        form = await request.post()
        values, errors = _settings_from(form)
        if errors:
            return await self._detail(request, found, errors=errors, form=dict(form),
                                      chosen_days=form.getall("days", []), status=400)
        where, server = found.row.destination, found.server
        hhmm = values.pop("digest_time")
        args = f"time {hhmm} {values['timezone']}" if hhmm else "off"
        reply = await self.dash.command(request, "digest", args, where=where, server=server)
        if reply.error:
            return await self._detail(request, found, errors={"digest_time": reply.text},
                                      form=dict(form), chosen_days=form.getall("days", []),
                                      status=400)
        async with self.dash.services.db.begin() as conn:
            await dest_store.update_destination(conn, found.row.id, **values)
        return self.dash.redirect(request, f"/destinations/{found.row.id}",
                                  f"Saved. {reply.text}")

    async def template(self, request: web.Request) -> web.Response:
        """Preview a layout (nothing stored), or save it; a bad template is refused beside
        the field, with what was typed kept."""
        found = await self._find(request)
        form = await request.post()
        typed = str(form.get("template") or "").strip()
        try:
            chosen = layout(typed)
        except TemplateError as exc:
            return await self._detail(request, found, status=400,
                                      **layout_form(self.dash, found.row, typed, str(exc)))
        if form.get("action") == "preview":
            return await self._detail(request, found,
                                      **layout_form(self.dash, found.row, chosen.source))
        async with self.dash.services.db.begin() as conn:
            await dest_store.update_destination(
                conn, found.row.id, template=None if chosen.is_default else chosen.source)
        log.info("dashboard.template_set", destination_id=found.row.id, layout=chosen.name)
        return self.dash.redirect(request, f"/destinations/{found.row.id}#layout",
                                  f"Layout saved: {chosen.source}")

    async def resume(self, request: web.Request) -> web.Response:
        found = await self._find(request)
        if not found.row.paused:
            return self.dash.redirect(request, f"/destinations/{found.row.id}",
                                      "Posting here is not paused.")
        async with self.dash.services.db.begin() as conn:
            await dest_store.resume(conn, found.row.id, now=self.dash.services.clock())
        self.dash.services.notify()
        return self.dash.redirect(request, f"/destinations/{found.row.id}",
                                  "Resumed: held messages will be posted now.")

    async def test(self, request: web.Request) -> web.Response:
        found = await self._find(request)
        now = self.dash.services.clock()
        principal: Principal = request[SESSION].principal
        notice = Notice(title="newsbrief test message",
                        text=f"Sent from the dashboard by {principal.name}: posting works.")
        async with self.dash.services.db.begin() as conn:
            await enqueue(conn, key=outbox_key("test", found.row.id, now.isoformat()),
                          destination_id=found.row.id, now=now, notice=notice)
        self.dash.services.notify()
        names = await self.dash.services.names.names(channels=[found.row.ref])
        return self.dash.redirect(request, f"/deliveries?destination={found.row.id}",
                                  f"Test message queued for {names.channel(found.row.ref)}.")


def _settings_from(form: MultiDictProxy[Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """The destination's new settings, or an error per field (shown beside it)."""
    errors: dict[str, str] = {}
    hhmm = str(form.get("digest_time") or "").strip()
    if hhmm and not _HHMM.fullmatch(hhmm):
        errors["digest_time"] = "Use HH:MM, 24-hour, e.g. 08:00."
    zone = str(form.get("timezone") or "").strip()
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        errors["timezone"] = "Unknown timezone: use a name like Asia/Seoul."
    days = sorted({int(d) for d in form.getall("days", []) if str(d) in _DAY_VALUES})
    if not days:
        errors["days"] = "Choose at least one day."
    urgent = [normalise_tag(t)[:64] for t in re.split(r"[,\s]+", str(form.get("urgent_tags")
                                                                    or "")) if t]
    urgent = [t for t in dict.fromkeys(urgent) if t]
    if len(urgent) > MAX_URGENT:
        errors["urgent_tags"] = f"At most {MAX_URGENT} urgent tags."
    locale = str(form.get("locale") or "").strip()
    if not _LOCALE.fullmatch(locale):
        errors["locale"] = "Use a language code such as en or ko."
    return {"digest_time": hhmm, "timezone": zone, "digest_days": days, "urgent_tags": urgent,
            "locale": locale}, errors
