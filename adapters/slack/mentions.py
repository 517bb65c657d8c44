"""The one live mention a Slack message may carry: the user group an admin attached to the
subscription. Slack has no ``allowed_mentions``, so the guarantee is in how it is built: the
``<!subteam^ID>`` block is made only from that stored id, and feed text stays escaped."""

from __future__ import annotations

import re

from adapters.slack.render import Payload
from bot.logs import get_log

log = get_log(__name__)

GROUP_ID = re.compile(r"^S[A-Z0-9]{2,31}$")


def mention_block(group_id: str) -> dict[str, object]:
    return {"type": "section",
            "text": {"type": "mrkdwn", "text": f"<!subteam^{group_id}>", "verbatim": True}}


def with_group_mention(payloads: list[Payload], group_id: str | None) -> list[Payload]:
    """The first message opens with the user-group mention; the rest are left as they are."""
    if not group_id or not payloads:
        return payloads
    if not GROUP_ID.match(group_id):
        log.warning("slack.mention_skipped", reason="not_a_user_group_id")
        return payloads
    first = dict(payloads[0])
    first["blocks"] = [mention_block(group_id), *first.get("blocks", [])]
    return [first, *payloads[1:]]
