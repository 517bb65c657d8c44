"""Structured log events (issue 14.6): every log call in bot/ and adapters/ is a dotted event
with fields, never values formatted into the message; text mode renders ``event k=v``, JSON
mode carries the fields as fields, escaped and with secrets redacted in them too."""

from __future__ import annotations

import ast
import io
import json
import logging
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.logs import JsonFormatter, RedactingFilter, TextFormatter, get_log

REPO = Path(__file__).resolve().parent.parent
LEVELS = {"debug", "info", "warning", "error", "exception", "critical", "log"}
EVENT = re.compile(r"[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+")
SECRET = "xoxb-0000-very-secret-token"


def _log_calls(tree: ast.AST) -> Iterator[ast.Call]:
    """Calls of a logging method on something named like a logger (log, logger, self.log…)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr in LEVELS and "log" in ast.unparse(node.func.value).lower():
            yield node


def test_every_log_call_is_a_dotted_event_with_fields() -> None:
    problems, seen = [], 0
    for path in sorted([*REPO.glob("bot/**/*.py"), *REPO.glob("adapters/**/*.py")]):
        where = path.relative_to(REPO)
        if where == Path("bot/logs.py"):  # the helper itself hands the rendered line on
            continue
        for call in _log_calls(ast.parse(path.read_text(encoding="utf-8"))):
            seen += 1
            first = call.args[0] if call.args else None
            if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                problems.append(f"{where}:{call.lineno}: the event is not a literal name")
            elif not EVENT.fullmatch(first.value):
                problems.append(f"{where}:{call.lineno}: {first.value!r} is not a dotted "
                                "event name (fields go in keywords, not in the message)")
            elif len(call.args) > 1 or any(k.arg == "extra" for k in call.keywords):
                problems.append(f"{where}:{call.lineno}: %-style arguments or extra=")
    assert seen > 100  # the scan found the calls: it can fail
    assert problems == []


def test_loggers_in_bot_and_adapters_are_event_logs() -> None:
    """A plain ``logging.getLogger`` logger would accept a %-formatted message again."""
    plain = [str(path.relative_to(REPO))
             for path in [*REPO.glob("bot/**/*.py"), *REPO.glob("adapters/**/*.py")]
             if re.search(r"^log = logging\.getLogger", path.read_text(encoding="utf-8"), re.M)]
    assert plain == []


def _emit(formatter: logging.Formatter, *secrets: str, **fields: object) -> str:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactingFilter(secrets))
    handler.setFormatter(formatter)
    logger = logging.getLogger("tests.logs")
    logger.handlers[:], logger.propagate = [handler], False
    logger.setLevel(logging.DEBUG)
    try:
        get_log("tests.logs").warning("slack.start", **fields)
    finally:
        logger.handlers[:], logger.propagate = [], True
    return stream.getvalue()


def test_text_mode_renders_the_event_and_its_fields_on_one_line() -> None:
    line = _emit(TextFormatter(), feed_id=1, new=2, error="connection reset\nFORGED 100%")
    assert line.endswith(' WARNING tests.logs slack.start feed_id=1 new=2 '
                         'error="connection reset\\nFORGED 100%"\n'), line
    assert line.count("\n") == 1  # a newline in a value cannot forge a second record


def test_json_mode_carries_the_fields_as_fields() -> None:
    record = json.loads(_emit(JsonFormatter(), feed_id=1, ok=True, took=0.25,
                              error=ValueError("boom"), level="clash"))
    assert record["event"] == "slack.start" and record["level"] == "WARNING"
    assert (record["feed_id"], record["ok"], record["took"]) == (1, True, 0.25)
    assert record["error"] == "boom"  # an object is logged as its text
    assert record["level_"] == "clash"  # a field never overwrites the record's own keys
    assert record["message"].startswith("slack.start feed_id=1 ok=True")


def test_secrets_are_redacted_in_fields_in_both_modes() -> None:
    for formatter in (JsonFormatter(), TextFormatter()):
        out = _emit(formatter, SECRET, url=f"https://hooks.example/{SECRET}",
                    error=RuntimeError(f"refused token {SECRET}"))
        assert SECRET not in out and "[redacted]" in out, out
    record = json.loads(_emit(JsonFormatter(), SECRET, url=f"https://hooks.example/{SECRET}"))
    assert record["url"] == "https://hooks.example/[redacted]"


def test_exception_events_keep_the_traceback(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.ERROR, logger="tests.logs")
    try:
        raise KeyError("gone")
    except KeyError:
        get_log("tests.logs").exception("poll.failed", feed_id=7)
    [record] = caplog.records
    assert record.getMessage() == "poll.failed feed_id=7" and record.exc_info is not None
    assert record.funcName == "test_exception_events_keep_the_traceback"  # the caller's line
