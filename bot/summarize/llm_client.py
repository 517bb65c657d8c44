"""A small client of any OpenAI-compatible chat-completions server (OpenAI, vLLM, Ollama,
llama.cpp server): a concurrency limit, timeouts, retries on 429 and 5xx that honour the
server's Retry-After, structured output where the server takes it, and nothing of the prompt,
the answer or the key in its logs.

    LLMError            every failure; ``reason`` is a short word for logs and metrics
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from bot.logs import get_log
from bot.netguard import redact_url

log = get_log(__name__)

MAX_RETRY_AFTER = 60.0  # seconds: a longer wait gives up, and the brief is extractive


class LLMError(Exception):
    """The server gave no usable answer; ``reason``: timeout, connect, http_4xx, http_5xx,
    malformed, budget."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Answer:
    content: str
    tokens: int


def retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (seconds or an HTTP date), or None."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None


class ChatClient:
    """POSTs chat completions; one instance per configured server."""

    def __init__(self, *, base_url: str, model: str, api_key: str | None, timeout: float = 30.0,
                 retries: int = 2, backoff: float = 0.5, concurrency: int = 4) -> None:
        self.base_url = base_url.rstrip("/")
        self.model = model
        self._key = api_key
        self._timeout = timeout
        self._retries = retries
        self._backoff = backoff
        self._gate = asyncio.Semaphore(concurrency)
        # None: not yet known; False: the server refused json_schema, so it is not sent again
        self._schema_ok: bool | None = None

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self._key}"} if self._key else {}

    async def complete(self, messages: list[dict[str, str]], schema: dict[str, Any]) -> Answer:
        """One answer to ``messages``, asking for JSON that follows ``schema`` where the server
        supports structured output (``response_format: json_schema``), plain JSON otherwise."""
        body: dict[str, Any] = {"model": self.model, "temperature": 0, "messages": messages}
        async with self._gate, httpx.AsyncClient(timeout=self._timeout) as client:
            if self._schema_ok is not False:
                body["response_format"] = {"type": "json_schema", "json_schema": {
                    "name": "brief", "strict": True, "schema": schema}}
                try:
                    answer = await self._post(client, body)
                    self._schema_ok = True
                    return answer
                except LLMError as exc:
                    if exc.reason != "http_400" or self._schema_ok:
                        raise
                    self._schema_ok = False  # an older server: ask for JSON in the prompt only
                    log.info("llm.no_structured_output", url=redact_url(self.base_url))
            body.pop("response_format", None)
            return await self._post(client, body)

    async def _post(self, client: httpx.AsyncClient, body: dict[str, Any]) -> Answer:
        url = f"{self.base_url}/chat/completions"
        reason = "unknown"
        for attempt in range(self._retries + 1):
            wait = self._backoff * (2 ** attempt)
            started = time.perf_counter()
            try:
                resp = await client.post(url, json=body, headers=self._headers())
            except httpx.TimeoutException:
                reason = "timeout"
            except httpx.HTTPError as exc:
                reason = f"connect:{type(exc).__name__}"
            else:
                if resp.status_code == 200:
                    return _answer(resp)
                reason = f"http_{resp.status_code}"
                if resp.status_code != 429 and resp.status_code < 500:
                    raise LLMError(reason)  # a 4xx other than 429 will not get better
                told = retry_after(resp.headers.get("retry-after"))
                if told is not None:
                    if told > MAX_RETRY_AFTER:
                        raise LLMError(reason)
                    wait = told
            log.info("llm.retry", attempt=attempt + 1, reason=reason,
                     elapsed_ms=round((time.perf_counter() - started) * 1000))
            if attempt < self._retries:
                await asyncio.sleep(wait)
        raise LLMError(reason)

    async def models(self) -> list[str]:
        """The model ids the server lists (``GET /models``)."""
        async with httpx.AsyncClient(timeout=self._timeout) as client:
            try:
                resp = await client.get(f"{self.base_url}/models", headers=self._headers())
            except httpx.TimeoutException:
                raise LLMError("timeout") from None
            except httpx.HTTPError as exc:
                raise LLMError(f"connect:{type(exc).__name__}") from None
        if resp.status_code != 200:
            raise LLMError(f"http_{resp.status_code}")
        try:
            data = resp.json().get("data") or []
            return [str(m["id"]) for m in data if isinstance(m, dict) and "id" in m]
        except (ValueError, AttributeError) as exc:
            raise LLMError("malformed") from exc


def _answer(resp: httpx.Response) -> Answer:
    try:
        data = resp.json()
        content = data["choices"][0]["message"]["content"]
        usage = data.get("usage") or {}
        tokens = int(usage.get("total_tokens") or 0)
    except (ValueError, KeyError, IndexError, TypeError, AttributeError) as exc:
        raise LLMError("malformed") from exc
    if not isinstance(content, str):
        raise LLMError("malformed")
    return Answer(content, tokens)
