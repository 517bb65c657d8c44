"""/subscribe, /unsubscribe and /subscriptions."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncConnection

from bot import patterns
from bot.commands.base import (
    MAX_VALUE,
    CommandError,
    Context,
    error,
    feed_names,
    known_tags,
    own_dm,
    pop_target,
    reply,
    require_manage,
)
from bot.delivery import CommandReply, CommandRequest, Destination
from bot.store import destinations as dest_store
from bot.store import entries as entry_store
from bot.store.destinations import normalise_value
from bot.store.mentions import MENTION_ID
from bot.summarize.tags import TagNormaliser

USAGE = ("Usage: /subscribe <tag|feed|keyword> [digest] [here|dm] — e.g. `ai`, `#ai`, "
         "`feed:<url>`, `keyword:\"open source\"`, `pattern:title:/rust|go/ AND NOT author:bot`, "
         "`-crypto` to exclude, `all` for everything; `/subscribe test <pattern>` tries one.")
_PREFIXES = {"tag": "tag", "feed": "feed", "keyword": "keyword", "kw": "keyword",
             "pattern": "pattern", "re": "pattern", "regex": "pattern"}
TEST_ARTICLES = 20  # "/subscribe test" tries a pattern on this many of the newest entries


@dataclass(frozen=True, slots=True)
class Spec:
    kind: str
    value: str
    exclude: bool
    mode: str

    def describe(self) -> str:
        what = "everything" if self.kind == "all" else f"{self.kind} “{self.value}”"
        return f"{'not ' if self.exclude else ''}{what}"


async def parse_spec(conn: AsyncConnection, words: list[str], *, with_mode: bool,
                     tags: TagNormaliser | None = None) -> Spec:
    """Read what to follow. Explicit prefixes win; a bare word is a known tag, then a feed's
    title, else a keyword. Regular expressions only with ``pattern:``, compiled by RE2 (linear
    time) and refused here, when saved, if RE2 cannot run them."""
    mode = "instant"
    if with_mode and len(words) > 1 and words[-1].lower() in ("digest", "instant"):
        mode = words.pop().lower()
    text = " ".join(words).strip()
    if not text:
        raise CommandError(USAGE)
    if len(text) > MAX_VALUE:
        raise CommandError(f"That is too long (at most {MAX_VALUE} characters).")
    exclude = False
    if text.startswith("-") or text.lower().startswith("not "):
        exclude = True
        text = text[1:] if text.startswith("-") else text[4:]
        text = text.strip()
    kind: str | None = None
    head, sep, rest = text.partition(":")
    if sep and head.lower() in _PREFIXES:
        kind, text = _PREFIXES[head.lower()], rest.strip()
    elif text.lower() in ("all", "everything", "*"):
        kind = "all"
    elif text.startswith("#"):
        kind = "tag"
    elif text.lower().startswith(("http://", "https://")):
        kind = "feed"
    elif len(text) > 1 and text[0] in "\"'“" and text[-1] in "\"'”":
        kind = "keyword"
    if kind is None:
        kind = "tag" if tags is not None and tags.known(text) else await _guess_kind(conn, text)
    value = normalise_value(kind, text)
    if kind == "pattern":
        value = _pattern(text)
    if kind == "tag" and tags is not None:
        value = tags(value)  # "/subscribe chatgpt" follows the canonical tag "ai"
    if kind != "all" and not value:
        raise CommandError(USAGE)
    if kind == "all" and exclude:
        raise CommandError("Excluding everything is unsubscribing: use /unsubscribe all.")
    return Spec(kind, value, exclude, mode)


def _pattern(text: str) -> str:
    try:
        value = patterns.canonical(text)
    except patterns.PatternError as exc:
        raise CommandError(str(exc)) from None
    if len(value) > MAX_VALUE:
        raise CommandError(f"That pattern is too long (at most {MAX_VALUE} characters).")
    return value


async def test_pattern(ctx: Context, text: str) -> CommandReply:
    """Which of the newest stored articles a pattern would let through, without saving it."""
    value = _pattern(text)
    async with ctx.db.begin() as conn:
        articles = await entry_store.recent_articles(conn, TEST_ARTICLES)
    if not articles:
        return reply(f"Pattern {value} is valid; no articles are stored yet to try it on.")
    hits = [a for a in articles if patterns.matches(value, a)]
    lines = [f"Pattern {value} matches {len(hits)} of the last {len(articles)} articles:"]
    lines += [f"{'✅' if a in hits else '▫️'} {a.title[:120]}" for a in articles]
    return reply("\n".join(lines))


async def _guess_kind(conn: AsyncConnection, text: str) -> str:
    if normalise_value("tag", text) in await known_tags(conn):
        return "tag"
    folded = text.casefold()
    if any((title or "").casefold() == folded for _, _, title in await feed_names(conn)):
        return "feed"
    return "keyword"


def pop_mention(words: list[str]) -> str | None:
    """Remove a ``role:<id>`` word (anywhere); its id, as typed."""
    found = [w for w in words if w.lower().startswith("role:")]
    if not found:
        return None
    if len(found) > 1:
        raise CommandError("Give at most one role:<id>.")
    words.remove(found[0])
    return found[0][5:]


def check_mention(req: CommandRequest, value: str | None, target: Destination) -> str | None:
    """The role / user group matching briefs ping; ``""`` for ``role:none``, which detaches it.
    Pinging a channel's members is an admin's decision."""
    if value is None:
        return None
    if own_dm(req, target):
        raise CommandError("A direct message has no roles to mention.")
    if not req.is_admin:
        raise CommandError("Mentioning a role needs the admin permission.")
    if value.lower() in ("none", "off"):
        return ""
    if not MENTION_ID.match(value):
        raise CommandError(f"“{value[:40]}” is not a role id (letters and digits only).")
    return value


async def subscribe(ctx: Context, req: CommandRequest) -> CommandReply:
    words = req.args.split()
    if words and words[0].lower() == "test":
        return await test_pattern(ctx, req.args.strip()[4:].strip())
    typed_mention = pop_mention(words)
    target = pop_target(req, words)
    require_manage(req, target)
    mention = check_mention(req, typed_mention, target)
    async with ctx.db.begin() as conn:
        spec = await parse_spec(conn, words, with_mode=True, tags=ctx.tags)
        row = await dest_store.get_or_create(conn, target, now=ctx.now, server=req.server)
        if len(await dest_store.list_subscriptions(conn, row.id)) >= ctx.max_subscriptions:
            raise CommandError(f"This channel has reached its limit of {ctx.max_subscriptions} "
                               "subscriptions; remove one with /unsubscribe first.")
        if req.server is not None and await dest_store.count_server_subscriptions(
                conn, req.server) >= ctx.max_subscriptions_per_server:
            raise CommandError("This server has reached its limit of "
                               f"{ctx.max_subscriptions_per_server} subscriptions; remove one "
                               "with /unsubscribe first.")
        changed = await dest_store.add_subscription(
            conn, row.id, kind=spec.kind, value=spec.value, exclude=spec.exclude, mode=spec.mode,
            now=ctx.now)
        if mention is not None:
            if spec.exclude:
                raise CommandError("An exclusion lets nothing through, so it mentions nobody.")
            await dest_store.set_mention(conn, row.id, kind=spec.kind, value=spec.value,
                                         exclude=False, mention=mention or None)
    if mention is not None:
        ping = f"mentioning role:{mention}" if mention else "mentioning nobody"
        return reply(f"Subscribed to {spec.describe()} ({spec.mode}) in {target.ref}, {ping}.")
    if not changed:
        return reply(f"Already subscribed to {spec.describe()} ({spec.mode}).")
    note = ""
    if spec.mode == "digest" and not row.digest_time:
        note = " No digest time is set yet: use /digest time HH:MM [timezone]."
    verb = "Excluding" if spec.exclude else "Subscribed to"
    return reply(f"{verb} {spec.describe()} ({spec.mode}) in {target.ref}.{note}")


async def unsubscribe(ctx: Context, req: CommandRequest) -> CommandReply:
    words = req.args.split()
    target = pop_target(req, words)
    require_manage(req, target)
    async with ctx.db.begin() as conn:
        row = await dest_store.get(conn, target.ref)
        if row is None:
            return error(f"{target.ref} has no subscriptions.")
        if " ".join(words).lower() in ("all", "everything", "*"):
            removed = 0
            for sub in await dest_store.list_subscriptions(conn, row.id):
                removed += await dest_store.remove_subscription(
                    conn, row.id, kind=sub.kind, value=sub.value)
            return reply(f"Removed all {removed} subscriptions of {target.ref}.")
        spec = await parse_spec(conn, words, with_mode=False, tags=ctx.tags)
        removed = await dest_store.remove_subscription(conn, row.id, kind=spec.kind,
                                                       value=spec.value, exclude=spec.exclude)
        if not removed:
            # A bare word may have been stored under another kind than today's guess.
            for kind in ("tag", "feed", "keyword"):
                removed += await dest_store.remove_subscription(
                    conn, row.id, kind=kind, value=normalise_value(kind, spec.value),
                    exclude=spec.exclude)
    if not removed:
        return error(f"{target.ref} is not subscribed to {spec.describe()}.")
    return reply(f"Unsubscribed {target.ref} from {spec.describe()}.")


async def subscriptions(ctx: Context, req: CommandRequest) -> CommandReply:
    words = req.args.split()
    target = pop_target(req, words)
    async with ctx.db.begin() as conn:
        row = await dest_store.get(conn, target.ref)
        subs = await dest_store.list_subscriptions(conn, row.id) if row else []
    if row is None or not subs:
        return reply(f"{target.ref} has no subscriptions. {USAGE}")
    lines = [f"Subscriptions of {target.ref}:"]
    lines += [f"• {sub.describe()}" for sub in subs]
    digest = (f"Digest at {row.digest_time} {row.timezone}" if row.digest_time
              else "No digest time set.")
    if row.paused:
        digest += f" Paused: {row.paused_reason}."
    lines.append(digest)
    return reply("\n".join(lines))
