"""Discord's message limits (message.mdx, Embed Limits) and a checker for payloads."""

from __future__ import annotations

from typing import Any

CONTENT = 2000
EMBEDS = 10
TITLE = 256
DESCRIPTION = 4096
FIELDS = 25
FIELD_NAME = 256
FIELD_VALUE = 1024
FOOTER = 2048
AUTHOR = 256
TOTAL = 6000  # title + description + field names/values + footer + author, over all embeds
NONCE = 25

NO_MENTIONS: dict[str, list[str]] = {"parse": []}


def _length(value: Any) -> int:
    # Discord trims leading and trailing whitespace before counting
    return len(value.strip()) if isinstance(value, str) else 0


def embed_size(embed: dict[str, Any]) -> int:
    """The characters an embed counts towards the 6,000 total."""
    size = _length(embed.get("title")) + _length(embed.get("description"))
    size += sum(_length(f.get("name")) + _length(f.get("value")) for f in embed.get("fields") or [])
    size += _length((embed.get("footer") or {}).get("text"))
    size += _length((embed.get("author") or {}).get("name"))
    return size


def payload_violations(payload: dict[str, Any]) -> list[str]:
    """Every way ``payload`` breaks a documented limit or our no-ping rule; empty when fine."""
    problems: list[str] = []

    def over(what: str, value: Any, limit: int) -> None:
        if _length(value) > limit:
            problems.append(f"{what} is {_length(value)} chars > {limit}")

    over("content", payload.get("content"), CONTENT)
    embeds = payload.get("embeds") or []
    if len(embeds) > EMBEDS:
        problems.append(f"{len(embeds)} embeds > {EMBEDS}")
    if not _length(payload.get("content")) and not embeds:
        problems.append("empty message (no content, no embeds)")
    for i, embed in enumerate(embeds):
        over(f"embeds[{i}].title", embed.get("title"), TITLE)
        over(f"embeds[{i}].description", embed.get("description"), DESCRIPTION)
        over(f"embeds[{i}].footer.text", (embed.get("footer") or {}).get("text"), FOOTER)
        over(f"embeds[{i}].author.name", (embed.get("author") or {}).get("name"), AUTHOR)
        fields = embed.get("fields") or []
        if len(fields) > FIELDS:
            problems.append(f"embeds[{i}] has {len(fields)} fields > {FIELDS}")
        for j, fld in enumerate(fields):
            over(f"embeds[{i}].fields[{j}].name", fld.get("name"), FIELD_NAME)
            over(f"embeds[{i}].fields[{j}].value", fld.get("value"), FIELD_VALUE)
            if not _length(fld.get("name")) or not _length(fld.get("value")):
                problems.append(f"embeds[{i}].fields[{j}] has an empty name or value")
    total = sum(embed_size(e) for e in embeds)
    if total > TOTAL:
        problems.append(f"embeds total {total} chars > {TOTAL}")
    nonce = payload.get("nonce")
    if isinstance(nonce, str) and len(nonce) > NONCE:
        problems.append(f"nonce is {len(nonce)} chars > {NONCE}")
    allowed = payload.get("allowed_mentions")
    if allowed != NO_MENTIONS and not one_role(allowed):
        problems.append(f"allowed_mentions is {allowed!r}, not parse: [] (with at most one "
                        "role)")
    return problems


def one_role(allowed: Any) -> bool:
    """``{"parse": [], "roles": [id]}``: the one role an admin attached to a subscription."""
    return (isinstance(allowed, dict) and set(allowed) == {"parse", "roles"}
            and allowed["parse"] == [] and isinstance(allowed["roles"], list)
            and len(allowed["roles"]) == 1 and str(allowed["roles"][0]).isdigit())
