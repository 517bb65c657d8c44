"""A loopback fake of an OpenAI-compatible chat-completions server, scripted per test."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    """One scripted answer: a status, a body (dict as JSON, str as is), a delay, headers."""

    status: int = 200
    body: dict[str, Any] | str = ""
    delay: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)


def completion(content: dict[str, Any] | str, *, tokens: int = 100) -> Reply:
    """A 200 chat-completions reply whose message content is ``content`` (JSON-encoded if a
    dict), with ``usage.total_tokens`` set."""
    text = content if isinstance(content, str) else json.dumps(content, ensure_ascii=False)
    return Reply(
        body={
            "id": "chatcmpl-fake",
            "object": "chat.completion",
            "choices": [{"index": 0, "message": {"role": "assistant", "content": text},
                         "finish_reason": "stop"}],
            "usage": {"prompt_tokens": tokens - 10, "completion_tokens": 10,
                      "total_tokens": tokens},
        }
    )


class FakeOpenAI:
    """Answers POST /v1/chat/completions from a script, then from ``responder`` (a function of
    the request body, e.g. one that plays the model from seed data); GET /v1/models lists
    ``models``; ``structured`` False answers a json_schema request 400, as older servers do.
    Records each request."""

    def __init__(self, *, models: list[str] | None = None, structured: bool = True,
                 responder: Callable[[dict[str, Any]], Reply] | None = None) -> None:
        self.script: list[Reply] = []
        self.requests: list[dict[str, Any]] = []
        self.models = models if models is not None else ["test-model"]
        self.structured = structured
        self.responder = responder
        self._server: ThreadingHTTPServer | None = None

    @property
    def base_url(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    def _next(self, body: dict[str, Any]) -> Reply:
        wants_schema = (body.get("response_format") or {}).get("type") == "json_schema"
        if wants_schema and not self.structured:
            return Reply(400, {"error": {"message": "response_format json_schema unsupported"}})
        if self.script:
            return self.script.pop(0)
        if self.responder is not None:
            return self.responder(body)
        return Reply(500, {"error": "script exhausted"})

    @contextmanager
    def running(self) -> Iterator[FakeOpenAI]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                if self.path == "/v1/models":
                    self._send(Reply(body={"object": "list", "data": [
                        {"id": m, "object": "model"} for m in fake.models]}))
                else:
                    self._send(Reply(404, ""))

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length", "0"))
                raw = self.rfile.read(length)
                body = json.loads(raw or b"{}")
                fake.requests.append({
                    "path": self.path,
                    "headers": {k.lower(): v for k, v in self.headers.items()},
                    "json": body,
                })
                reply = (fake._next(body) if self.path == "/v1/chat/completions"
                         else Reply(404, ""))
                self._send(reply)

            def _send(self, reply: Reply) -> None:
                time.sleep(reply.delay)
                body = reply.body if isinstance(reply.body, str) else json.dumps(reply.body)
                data = body.encode()
                try:
                    self.send_response(reply.status)
                    self.send_header("content-type", "application/json")
                    self.send_header("content-length", str(len(data)))
                    for k, v in reply.headers.items():
                        self.send_header(k, v)
                    self.end_headers()
                    self.wfile.write(data)
                except OSError:
                    pass  # the client gave up (timeout tests)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        thread.start()
        try:
            yield self
        finally:
            self._server.shutdown()
            self._server.server_close()
