"""The one live mention a Discord message may carry: the role an admin attached to the
subscription. Feed text stays neutralised; ``allowed_mentions`` names that one role only, so even
a mention that slipped into the text could ping nobody else."""

from __future__ import annotations

import re

from adapters.discord.render import Payload
from bot.logs import get_log

log = get_log(__name__)

ROLE_ID = re.compile(r"^\d{17,20}$")  # a snowflake


def with_role_mention(payloads: list[Payload], role_id: str | None) -> list[Payload]:
    """The first message mentions the role in its content; the rest are left as they are."""
    if not role_id or not payloads:
        return payloads
    if not ROLE_ID.match(role_id):
        log.warning("discord.mention_skipped", reason="not_a_role_id")
        return payloads
    first = dict(payloads[0])
    content = str(first.get("content") or "")
    first["content"] = f"<@&{role_id}>" + (f"\n{content}" if content else "")
    first["allowed_mentions"] = {"parse": [], "roles": [role_id]}
    return [first, *payloads[1:]]
