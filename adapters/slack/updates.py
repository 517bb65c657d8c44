"""An update reply on Slack: "Updated: <what changed>" in the thread of the original post."""

from __future__ import annotations

from adapters.slack.escape import clip, escape_mrkdwn
from adapters.slack.render import EVENT_TYPE, Payload, RenderOptions, channel_of, text_sections
from bot.delivery import Destination
from bot.delivery.render import frame


def render_update_payloads(headline: str, note: str, reply_to: str, dest: Destination,
                           options: RenderOptions, *, key: str | None = None) -> list[Payload]:
    words = frame(dest.locale)
    text = f"*{words.updated}:* {escape_mrkdwn(note)}"
    payload: Payload = {
        "channel": channel_of(dest), "thread_ts": reply_to,
        "text": clip(f"{words.updated}: {escape_mrkdwn(headline)}", 3000),
        "blocks": text_sections(text),
        "unfurl_links": options.unfurl_links, "unfurl_media": options.unfurl_media,
    }
    if key is not None:
        payload["metadata"] = {"event_type": EVENT_TYPE, "event_payload": {"key": key, "part": 0}}
    return [payload]
