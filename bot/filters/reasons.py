"""Why a brief was sent, in words (issue 24.5): the reason routing records (the subscription
that let the brief through, ``bot.models.Reason``) as the footer line and ``/why`` say it, in
the destination's language. A channel's reason is the channel's subscription; a member's DM's
is theirs ("you follow")."""

from __future__ import annotations

from bot.filters.kinds import BriefFacts
from bot.i18n import N_, choose, translate
from bot.models import Reason
from bot.netguard import shown_url

__all__ = ["because", "reason_of", "what"]


def reason_of(kind: str, value: str, facts: BriefFacts) -> Reason:
    """The reason a subscription of ``kind`` / ``value`` gives for the brief ``facts`` describe,
    kept as a reader names it: a feed by its title (a URL only as shown, without its query,
    where private feeds keep their tokens), everything by no value."""
    if kind == "feed":
        name = facts.feed_name
        return Reason(kind, shown_url(name) if name == facts.feed_url else name)
    if kind == "all":
        return Reason(kind, "")
    return Reason(kind, value)


def what(reason: Reason, lang: str) -> str:
    """What the subscription follows: "#openai", "the feed OpenAI Blog", "the keyword “gpt”"."""
    if reason.kind == "tag":
        return f"#{reason.value}"
    if reason.kind == "feed":
        return translate(N_("the feed {name}"), lang, name=reason.value)
    if reason.kind == "keyword":
        return translate(N_("the keyword “{value}”"), lang, value=reason.value)
    if reason.kind == "pattern":
        return translate(N_("the pattern “{value}”"), lang, value=reason.value)
    return translate(N_("everything"), lang)


def because(reason: Reason, *, dm: bool, locale: str) -> str:
    """The footer line: "Sent because this channel follows #openai" in a channel, "Sent because
    you follow #openai" in a member's DMs (their own subscription)."""
    lang = choose(locale)
    line = (N_("Sent because you follow {what}") if dm
            else N_("Sent because this channel follows {what}"))
    return translate(line, lang, what=what(reason, lang))
