"""Logging: one event per line (text or JSON), with every secret value redacted.

Every log call is an event with a dotted name and fields, never values in the message text:
``log = get_log(__name__)`` then ``log.info("poll.done", feed_id=1, new=2)``. Text mode renders
``poll.done feed_id=1 new=2`` (values escaped, quoted when they hold spaces); JSON mode emits
``"event": "poll.done", "feed_id": 1, "new": 2`` as real fields. tests/test_logs.py checks that
every call in bot/ and adapters/ is written so."""

from __future__ import annotations

import json
import logging
import re
import sys
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from bot.redact import redact, remember

_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}
_JSON_KEYS = ("time", "level", "logger", "message", "event", "exception")
Field = str | int | float | bool | None


def _field(value: object) -> Field:
    """A field as logged: numbers, booleans and None as they are, anything else as its text
    (so that redaction sees it, and JSON never meets an object it cannot write)."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def _shown(value: Field) -> str:
    text = "" if value is None else str(value)
    if text == "" or any(c.isspace() or c in "\"=" for c in text):
        return json.dumps(text, ensure_ascii=False)  # one token, however it reads
    return text


def render(event: str, fields: dict[str, Field]) -> str:
    """``event k=v k2=v2``: the text-mode line, and the message of the record."""
    return " ".join([event, *(f"{key}={_shown(value)}" for key, value in fields.items())])


class EventLog:
    """A logger whose calls are events: ``log.warning("fetch.failed", url=url, error=exc)``.
    ``exc_info=True`` (or ``.exception``) attaches the traceback."""

    def __init__(self, name: str) -> None:
        self.logger = logging.getLogger(name)

    def debug(self, event: str, /, **fields: object) -> None:
        self._log(logging.DEBUG, event, fields)

    def info(self, event: str, /, **fields: object) -> None:
        self._log(logging.INFO, event, fields)

    def warning(self, event: str, /, *, exc_info: bool = False, **fields: object) -> None:
        self._log(logging.WARNING, event, fields, exc_info)

    def error(self, event: str, /, *, exc_info: bool = False, **fields: object) -> None:
        self._log(logging.ERROR, event, fields, exc_info)

    def exception(self, event: str, /, **fields: object) -> None:
        self._log(logging.ERROR, event, fields, True)

    def isEnabledFor(self, level: int) -> bool:  # logging's own name
        return self.logger.isEnabledFor(level)

    def _log(self, level: int, event: str, fields: dict[str, object],
             exc_info: bool = False) -> None:
        if not self.logger.isEnabledFor(level):
            return
        values = {key: _field(value) for key, value in fields.items()}
        # the rendered line is the message (so plain handlers and caplog read it whole); the
        # fields ride on the record for the JSON formatter and the redacting filter
        self.logger.log(level, render(event, values), exc_info=exc_info,
                        extra={"event": event, "fields": values}, stacklevel=3)


def get_log(name: str) -> EventLog:
    return EventLog(name)


class RedactingFilter(logging.Filter):
    """Replaces any secret value or token-shaped string that reaches a log record (message,
    args, exception text)."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self.secrets = sorted({s for s in secrets if s and len(s) >= 4}, key=len, reverse=True)

    def redact(self, text: str) -> str:
        # the store redacts error texts with the same function (bot.redact)
        return redact(text, self.secrets)

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = self.redact(record.getMessage())
        record.args = None
        for name, value in vars(record).items():  # extra= fields, which the JSON lines carry
            if name not in _STANDARD and isinstance(value, str):
                setattr(record, name, self.redact(value))
        fields = getattr(record, "fields", None)
        if isinstance(fields, dict):  # an event's fields (EventLog)
            record.fields = {key: self.redact(value) if isinstance(value, str) else value
                             for key, value in fields.items()}
        if record.exc_info:
            record.exc_text = self.redact(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        return True


# C0/C1 controls (newline, ESC, BEL, NUL...), zero-width and bidirectional formatting characters
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]")


def escape_controls(text: str) -> str:
    """``text`` on one line: every control or bidi character as a visible ``\\n``/``\\x1b``/
    ``\\u202e`` escape, so logged input cannot forge a log line or recolour a terminal."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


class TextFormatter(logging.Formatter):
    """One record, one line: the message is escaped; a traceback follows on lines indented by
    four spaces (its own control characters escaped), so no line of it reads as a record."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s %(message)s")

    def formatMessage(self, record: logging.LogRecord) -> str:
        record.message = escape_controls(record.message)
        return super().formatMessage(record)

    def formatException(self, ei: Any) -> str:
        return self._indent(super().formatException(ei))

    def formatStack(self, stack_info: str) -> str:
        return self._indent(stack_info)

    def format(self, record: logging.LogRecord) -> str:
        if record.exc_text and not record.exc_text.startswith("    "):
            record.exc_text = self._indent(record.exc_text)  # set by the redacting filter
        return super().format(record)

    @staticmethod
    def _indent(text: str) -> str:
        return "\n".join("    " + escape_controls(line) for line in text.splitlines())


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        event = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        extra = {k: v for k, v in vars(record).items() if k not in _STANDARD}
        fields = extra.pop("fields", None)
        event.update(extra)
        if isinstance(fields, dict):  # top level, as log tools expect; a clash gets a "_"
            event.update({(f"{k}_" if k in _JSON_KEYS else k): v for k, v in fields.items()})
        if record.exc_text:
            event["exception"] = record.exc_text
        return json.dumps(event, default=str, ensure_ascii=False)


def setup_logging(level: str = "INFO", *, json_lines: bool = False,
                  secrets: Iterable[str] = ()) -> None:
    handler = logging.StreamHandler(sys.stderr)
    secrets = list(secrets)
    remember(secrets)  # the store's error texts are redacted of them too
    handler.addFilter(RedactingFilter(secrets))
    handler.setFormatter(JsonFormatter() if json_lines else TextFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    from bot import platforms

    sdks = [name for entry in platforms.registry() for name in entry.loggers]
    for noisy in ("httpx", "httpcore", "apscheduler", *sdks, "aiosqlite", "alembic"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, root.level))
