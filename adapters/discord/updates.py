"""An update reply on Discord: "Updated: <what changed>" replying to the original post, as an
embed whose footer carries the ref marker (so a crash mid-send is reconciled like any post)."""

from __future__ import annotations

from adapters.discord import limits
from adapters.discord.escape import escape_text, trim_words
from adapters.discord.render import Payload, marker_for
from bot.delivery import Destination
from bot.delivery.render import frame
from bot.models import Brief


def render_update_payloads(brief: Brief, note: str, reply_to: str, dest: Destination, *,
                           key: str | None = None) -> list[Payload]:
    words = frame(dest.locale)
    embed: Payload = {
        "title": trim_words(escape_text(brief.headline), limits.TITLE),
        "description": trim_words(f"**{words.updated}:** {escape_text(note)}",
                                  limits.DESCRIPTION),
    }
    if key:
        embed["footer"] = {"text": marker_for(key)}
    return [{"embeds": [embed], "allowed_mentions": dict(limits.NO_MENTIONS),
             # a reply to our own post; if it was deleted the update still goes to the channel
             "message_reference": {"message_id": reply_to, "fail_if_not_exists": False}}]
