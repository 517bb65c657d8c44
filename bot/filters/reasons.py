"""Why a brief was sent, in words (issue 24.5): the reason routing records (the subscription
that let the brief through, ``bot.models.Reason``) as the footer line and ``/why`` say it, in
the destination's language. A channel's reason is the channel's subscription; a member's DM's
is theirs ("you follow"). What a kind keeps and how it is named are its entry's
(``bot.filters.kinds``: ``reason``, ``named``, ``label``)."""

from __future__ import annotations

from bot.filters import kinds
from bot.filters.kinds import BriefFacts
from bot.i18n import N_, choose, translate
from bot.models import Reason

__all__ = ["because", "reason_of", "what"]


def reason_of(kind: str, value: str, facts: BriefFacts) -> Reason:
    """The reason a subscription of ``kind`` / ``value`` gives for the brief ``facts`` describe,
    kept as a reader names it (a feed by its title, everything by no value)."""
    found = kinds.get(kind)
    return Reason(kind, found.reason(value, facts) if found is not None else value)


def what(reason: Reason, lang: str) -> str:
    """What the subscription follows: "#openai", "feed “OpenAI Blog”", "everything"."""
    found = kinds.get(reason.kind)
    if found is not None and not found.takes_value:
        return translate(found.label, lang)
    if found is not None and found.named is not None:
        return found.named(reason.value)
    label = translate(found.label, lang) if found is not None else reason.kind
    return translate(N_("{kind} “{value}”"), lang, kind=label, value=reason.value)


def because(reason: Reason, *, dm: bool, locale: str) -> str:
    """The footer line: "Sent because this channel follows #openai" in a channel, "Sent because
    you follow #openai" in a member's DMs (their own subscription)."""
    lang = choose(locale)
    line = (N_("Sent because you follow {what}") if dm
            else N_("Sent because this channel follows {what}"))
    return translate(line, lang, what=what(reason, lang))
