"""/subscribe, /unsubscribe and /subscriptions."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from bot.commands import usage
from bot.commands.base import (
    MAX_VALUE,
    CommandError,
    Context,
    error,
    feed_names,
    known_tags,
    own_dm,
    pop_target,
    readers,
    reply,
    require_manage,
    shown_ref,
    stored_target,
)
from bot.delivery import CommandReply, CommandRequest, Destination
from bot.filters import kinds, patterns
from bot.filters.kinds import SubscriptionKind
from bot.i18n import N_, _
from bot.store import AsyncConnection
from bot.store import destinations as dest_store
from bot.store import entries as entry_store
from bot.store.mentions import MENTION_ID
from bot.tags import TagNormaliser

MODES = {"instant": N_("instant"), "digest": N_("digest")}
# "word:rest" whose word reads as a kind's name ("author:bob"): refused when no kind has that
# name, rather than silently followed as the keyword "author:bob"; quoting keeps the keyword.
_KIND_LIKE = re.compile(r"[a-z]{2,12}")
TEST_ARTICLES = 20  # "/subscribe test" tries a pattern on this many of the newest entries


@dataclass(frozen=True, slots=True)
class Spec:
    kind: str
    value: str
    exclude: bool
    mode: str

    def describe(self) -> str:
        return describe(self.kind, self.value, self.exclude)


def describe(kind: str, value: str, exclude: bool, *, quoted: bool = True) -> str:
    """``tag “ai”``, ``excluding keyword “crypto”``, ``everything``, in the language in
    force."""
    found = kinds.get(kind)
    if found is not None and not found.takes_value:
        what = _(found.label)  # "everything"
    else:
        name = _(found.label) if found is not None else kind
        what = (_("{kind} “{value}”", kind=name, value=value) if quoted
                else _("{kind} {value}", kind=name, value=value))
    return _("excluding {what}", what=what) if exclude else what


def describe_row(sub: dest_store.SubscriptionRow) -> str:
    what = describe(sub.kind, sub.value, sub.exclude, quoted=False)
    # an exclusion wins in either mode, so its mode says nothing
    text = what if sub.exclude else _("{what} ({mode})", what=what,
                                      mode=_(MODES.get(sub.mode, sub.mode)))
    return text + (_(", mentions role:{id}", id=sub.mention) if sub.mention else "")


async def parse_spec(conn: AsyncConnection, words: list[str], *, with_mode: bool,
                     tags: TagNormaliser | None = None,
                     tenants: Collection[str] | None = None,
                     usage_line: str = usage.SUBSCRIBE) -> Spec:
    """Read what to follow. Explicit prefixes win; a bare word is a known tag, then a feed's
    title, else a keyword. Regular expressions only with ``pattern:``, compiled by RE2 (linear
    time) and refused here, when saved, if RE2 cannot run them. A title is looked up only
    among the feeds ``tenants`` may read: another server's feed reads as if it did not exist."""
    mode = "instant"
    if with_mode and len(words) > 1 and words[-1].lower() in ("digest", "instant"):
        mode = words.pop().lower()
    text = " ".join(words).strip()
    if not text:
        raise CommandError(_(usage_line))
    if len(text) > MAX_VALUE:
        raise CommandError(_("That is too long (at most {limit} characters).", limit=MAX_VALUE))
    exclude = False
    if text.startswith("-") or text.lower().startswith("not "):
        exclude = True
        text = text[1:] if text.startswith("-") else text[4:]
        text = text.strip()
    head, sep, rest = text.partition(":")
    kind = kinds.by_prefix(head) if sep else None
    if kind is not None:
        text = rest.strip()
    else:
        kind = kinds.recognise(text)
    if kind is None:
        kind = (kinds.require("tag") if tags is not None and tags.known(text)
                else await _guess_kind(conn, text, tenants))
    if kind is None:  # nothing known by that name: a keyword, unless it names a missing kind
        if sep and _KIND_LIKE.fullmatch(head.lower()) and rest and not rest.startswith("//"):
            raise CommandError(kinds.unknown(head.lower()) + _(
                " To follow the words themselves, quote them: keyword:\"{text}\".",
                text=text[:60]))
        kind = kinds.require("keyword")
    value = stored_value(kind, text)
    if kind.aliased and tags is not None:
        value = tags(value)  # "/subscribe chatgpt" follows the canonical tag "ai"
    if kind.takes_value and not value:
        raise CommandError(_(usage_line))
    if not kind.takes_value and exclude:
        raise CommandError(_("Excluding everything would stop every post here; to stop them, "
                             "use /unsubscribe all."))
    return Spec(kind.name, value, exclude, mode)


def stored_value(kind: SubscriptionKind, text: str) -> str:
    """What is saved for ``text`` typed as ``kind``; refused (CommandError) when the kind
    cannot take it, or when its stored form outgrows what a chat command may save."""
    try:
        value = kind.validate(kind.normalise(text))
    except kinds.KindError as exc:
        raise CommandError(str(exc)) from None
    if len(value) > MAX_VALUE:
        raise CommandError(_(kind.too_long, limit=MAX_VALUE))
    return value


async def test_pattern(ctx: Context, req: CommandRequest, text: str) -> CommandReply:
    """Which of the newest stored articles of the feeds the caller's server may read a pattern
    would let through, without saving it."""
    value = stored_value(kinds.require("pattern"), text)
    async with ctx.db.begin() as conn:
        articles = await entry_store.recent_articles(conn, TEST_ARTICLES, readers(req))
    if not articles:
        return reply(_("Pattern {pattern} is valid; no articles are stored yet to try it on.",
                       pattern=value))
    hits = [a for a in articles if patterns.matches(value, a)]
    lines = [_("Pattern {pattern} matches {hits} of the last {count} articles:",
               pattern=value, hits=len(hits), count=len(articles))]
    lines += [f"{'✅' if a in hits else '▫️'} {a.title[:120]}" for a in articles]
    return reply("\n".join(lines))


async def _guess_kind(conn: AsyncConnection, text: str,
                      tenants: Collection[str] | None) -> SubscriptionKind | None:
    """A bare word: a tag briefs carry, else a feed's title; None when it is neither (the
    caller reads it as a keyword)."""
    if kinds.normalise_value("tag", text) in await known_tags(conn, tenants):
        return kinds.require("tag")
    folded = text.casefold()
    if any((title or "").casefold() == folded for _, _, title in await feed_names(conn, tenants)):
        return kinds.require("feed")
    return None


def pop_mention(words: list[str]) -> str | None:
    """Remove a ``role:<id>`` word (anywhere); its id, as typed."""
    found = [w for w in words if w.lower().startswith("role:")]
    if not found:
        return None
    if len(found) > 1:
        raise CommandError(_("Give at most one role:<id>."))
    words.remove(found[0])
    return found[0][5:]


def check_mention(req: CommandRequest, value: str | None, target: Destination) -> str | None:
    """The role / user group matching briefs ping; ``""`` for ``role:none``, which detaches it.
    Pinging a channel's members is an admin's decision."""
    if value is None:
        return None
    if own_dm(req, target):
        raise CommandError(_("A direct message has no roles to mention."))
    if not req.is_admin:
        raise CommandError(_("Mentioning a role needs the admin permission."))
    if value.lower() in ("none", "off"):
        return ""
    if not MENTION_ID.match(value):
        raise CommandError(_("“{value}” is not a role id (letters and digits only).",
                             value=value[:40]))
    return value


async def subscribe(ctx: Context, req: CommandRequest) -> CommandReply:
    words = req.args.split()
    if words and words[0].lower() == "test":
        return await test_pattern(ctx, req, req.args.strip()[4:].strip())
    typed_mention = pop_mention(words)
    target = pop_target(req, words)
    require_manage(req, target)
    mention = check_mention(req, typed_mention, target)
    async with ctx.db.begin() as conn:
        spec = await parse_spec(conn, words, with_mode=True, tags=ctx.tags,
                                tenants=readers(req))
        row = await stored_target(conn, req, target, now=ctx.now)
        if len(await dest_store.list_subscriptions(conn, row.id)) >= ctx.max_subscriptions:
            raise CommandError(_("This channel has reached its limit of {limit} "
                                 "subscriptions; remove one with /unsubscribe first.",
                                 limit=ctx.max_subscriptions))
        if req.server is not None and await dest_store.count_server_subscriptions(
                conn, req.server) >= ctx.max_subscriptions_per_server:
            raise CommandError(_("This server has reached its limit of {limit} subscriptions; "
                                 "remove one with /unsubscribe first.",
                                 limit=ctx.max_subscriptions_per_server))
        changed = await dest_store.add_subscription(
            conn, row.id, kind=spec.kind, value=spec.value, exclude=spec.exclude, mode=spec.mode,
            now=ctx.now)
        if mention is not None:
            if spec.exclude:
                raise CommandError(_("An exclusion lets nothing through, so it mentions "
                                     "nobody."))
            await dest_store.set_mention(conn, row.id, kind=spec.kind, value=spec.value,
                                         exclude=False, mention=mention or None)
    if mention is not None:
        ping = _("mentioning role:{id}", id=mention) if mention else _("mentioning nobody")
        return reply(_("Subscribed to {what} ({mode}) in {where}, {ping}.",
                       what=spec.describe(), mode=_(MODES[spec.mode]), where=target.ref,
                       ping=ping))
    positive = describe(spec.kind, spec.value, False)  # "keyword “crypto”", for exclusions
    if not changed and spec.exclude:
        return reply(_("{where} already excludes {what}.", where=target.ref, what=positive))
    if not changed:
        return reply(_("Already subscribed to {what} ({mode}).", what=spec.describe(),
                       mode=_(MODES[spec.mode])))
    note = ""
    if spec.mode == "digest" and not row.digest_time:
        note = _(" No digest time is set yet: use /digest time HH:MM [timezone].")
    if spec.exclude:  # an exclusion wins in either mode: no mode to tell
        return reply(_("From now on {where} gets no story that matches {what}.",
                       where=target.ref, what=positive))
    return reply(_("Subscribed to {what} ({mode}) in {where}.", what=spec.describe(),
                   mode=_(MODES[spec.mode]), where=target.ref) + note)


async def unsubscribe(ctx: Context, req: CommandRequest) -> CommandReply:
    words = req.args.split()
    target = pop_target(req, words)
    require_manage(req, target)
    async with ctx.db.begin() as conn:
        row = await dest_store.get(conn, target.ref)
        if row is None:
            return error(_("{where} has no subscriptions.", where=target.ref))
        if " ".join(words).lower() in ("all", "everything", "*"):
            removed = 0
            for sub in await dest_store.list_subscriptions(conn, row.id):
                removed += await dest_store.remove_subscription(
                    conn, row.id, kind=sub.kind, value=sub.value)
            return reply(_("Removed all {count} subscriptions of {where}.", count=removed,
                           where=target.ref))
        spec = await parse_spec(conn, words, with_mode=False, tags=ctx.tags,
                                tenants=readers(req), usage_line=usage.UNSUBSCRIBE)
        removed = await dest_store.remove_subscription(conn, row.id, kind=spec.kind,
                                                       value=spec.value, exclude=spec.exclude)
        if not removed:
            # A bare word may have been stored under another kind than today's guess.
            for kind in (k for k in kinds.KINDS if k.guessable):
                removed += await dest_store.remove_subscription(
                    conn, row.id, kind=kind.name, value=kind.normalise(spec.value),
                    exclude=spec.exclude)
    positive = describe(spec.kind, spec.value, False)
    if not removed and spec.exclude:
        return error(_("{where} does not exclude {what}.", where=target.ref, what=positive))
    if not removed:
        return error(_("{where} is not subscribed to {what}.", where=target.ref,
                       what=spec.describe()))
    if spec.exclude:
        return reply(_("{where} no longer excludes {what}.", where=target.ref, what=positive))
    return reply(_("Unsubscribed {where} from {what}.", where=target.ref, what=spec.describe()))


async def subscriptions(ctx: Context, req: CommandRequest) -> CommandReply:
    words = req.args.split()
    target = pop_target(req, words)
    async with ctx.db.begin() as conn:
        row = await dest_store.get(conn, target.ref)
        subs = await dest_store.list_subscriptions(conn, row.id) if row else []
    if row is None or not subs:
        return reply(_("{where} has no subscriptions.", where=target.ref) + " "
                     + _(usage.SUBSCRIBE))
    lines = [_("Subscriptions of {where}:", where=shown_ref(target.ref))]
    lines += [f"• {describe_row(sub)}" for sub in subs]
    digest = (_("Digest at {time} {zone}", time=row.digest_time, zone=row.timezone)
              if row.digest_time else _("No digest time set."))
    if row.paused:
        digest += _(" Paused: {reason}.", reason=row.paused_reason)
    lines.append(digest)
    return reply("\n".join(lines))
