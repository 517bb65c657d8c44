"""Request-body checks for the fake Discord: each JSON body against Discord's OpenAPI spec
(``../shared/data/platform-specs/discord/openapi.json``, skipped when absent) and, for message
bodies, against our own limits and no-ping checks (always)."""

from __future__ import annotations

import json
from functools import cache
from typing import Any
from urllib.parse import urlsplit

import jsonschema

from adapters.discord.escape import live_mentions
from adapters.discord.limits import payload_violations
from tests.conftest import SHARED

SPEC_PATH = SHARED / "data" / "platform-specs" / "discord" / "openapi.json"
MESSAGE_BODIES = {"/channels/{channel_id}/messages", "/webhooks/{webhook_id}/{webhook_token}",
                  "/webhooks/{webhook_id}/{webhook_token}/messages/@original"}


@cache
def _spec() -> dict[str, Any] | None:
    if not SPEC_PATH.exists():
        return None
    spec: dict[str, Any] = json.loads(SPEC_PATH.read_text())
    return spec


@cache
def _validator(method: str, template: str) -> jsonschema.Draft202012Validator | None:
    spec = _spec()
    if spec is None:
        return None
    op = spec["paths"][template][method.lower()]
    schema = op["requestBody"]["content"]["application/json"]["schema"]
    # refs are "#/components/...": give the sub-schema the spec's components as its root
    return jsonschema.Draft202012Validator({**schema, "components": spec["components"]})


def _known_properties(method: str, template: str) -> set[str] | None:
    """Top-level properties the spec knows for a message body (the spec does not forbid extra
    ones, but Discord ignores them silently, which would hide a bug such as a webhook nonce)."""
    spec = _spec()
    if spec is None:
        return None
    schema = spec["paths"][template][method.lower()]["requestBody"]["content"][
        "application/json"]["schema"]
    refs = [s["$ref"] for s in schema.get("anyOf", [])] or [schema["$ref"]]
    names: set[str] = set()
    for ref in refs:
        names |= set(spec["components"]["schemas"][ref.rsplit("/", 1)[1]]["properties"])
    return names


def _snowflakes_as_strings(value: Any) -> Any:
    """The spec types snowflakes as strings only; discord.py sends some as JSON integers (e.g.
    ``recipient_id``), which Discord accepts in practice (the docs only say ids are *returned*
    as strings). Reality wins over the spec here, so 64-bit integers are compared as strings."""
    if isinstance(value, dict):
        return {k: _snowflakes_as_strings(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_snowflakes_as_strings(v) for v in value]
    if isinstance(value, int) and not isinstance(value, bool) and value >= 2**32:
        return str(value)
    return value


def body_violations(method: str, template: str, body: Any) -> list[str]:
    """Spec and own-limit problems of one request body."""
    problems: list[str] = []
    validator = _validator(method, template)
    if validator is not None:
        problems += [f"spec: {e.json_path}: {e.message[:200]}"
                     for e in validator.iter_errors(_snowflakes_as_strings(body))]
    if template == "/channels/{channel_id}/threads" and isinstance(body, dict):
        # a forum post's first message: the same checks as any message (the spec has checked
        # its fields against BaseCreateMessageCreateRequest, which has no nonce)
        problems += [f"message: {p}" for p in _message_checks(body.get("message") or {})]
        problems += [f"name: live mention {m!r}" for m in live_mentions(str(body.get("name")))]
    if template in MESSAGE_BODIES and isinstance(body, dict):
        known = _known_properties(method, template)
        if known is not None:
            # discord.py's edit_original_response always adds "tts": false, which the edit
            # schema lacks and Discord ignores; anything else unknown is reported
            problems += [f"unknown field {k!r}" for k, v in body.items()
                         if k not in known and not (k == "tts" and v is False)]
        problems += _message_checks(body)
    return problems


def _message_checks(body: dict[str, Any]) -> list[str]:
    """Our limits, safe links and the no-ping rule, for one message body."""
    problems: list[str] = []
    # The spec allows content up to 4000 on Create Message; the docs (message.mdx) say
    # 2000, as for webhooks. Where spec and docs disagree the docs win: limits.CONTENT.
    problems += payload_violations(body)
    for embed in body.get("embeds") or []:
        url = embed.get("url")
        if url is not None and (urlsplit(url).scheme not in ("http", "https")
                                or any(c.isspace() for c in url)):
            problems.append(f"embed url is not an http(s) URI: {url!r}")
    # the one live mention allowed: the role allowed_mentions names, once, in content
    roles = (body.get("allowed_mentions") or {}).get("roles") or []
    role = {f"<@&{r}>" for r in roles}
    problems += [f"live mention {m!r}" for m in live_mentions(json.dumps(
        {k: v for k, v in body.items() if k != "content"}, ensure_ascii=False))]
    in_content = live_mentions(str(body.get("content") or ""))
    problems += [f"live mention {m!r}" for m in in_content if m not in role]
    if len(in_content) > 1:
        problems.append(f"{len(in_content)} mentions in content")
    return problems
