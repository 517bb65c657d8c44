"""Secrets never reach output: real `newsbrief` commands in subprocesses with every secret set to
a recognisable value (and a database password), and unit tests of the redacting log filter."""

from __future__ import annotations

import io
import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.logs import JsonFormatter, RedactingFilter
from tests.support.fake_openai import FakeOpenAI, Reply
from tests.support.feeds import item, rss
from tests.support.feedserver import FeedServer

REPO = Path(__file__).resolve().parent.parent
MARK = "zq7SECRETzq7"  # every secret carries it, so even a fragment of one is found
SECRETS = {
    "DISCORD_TOKEN": f"MTAx.{MARK}-discord-token",
    "SLACK_BOT_TOKEN": f"xoxb-{MARK}-slack-bot",
    "SLACK_SIGNING_SECRET": f"{MARK}-slack-signing",
    "SLACK_APP_TOKEN": f"xapp-{MARK}-slack-app",
    "OPENAI_API_KEY": f"sk-{MARK}-openai",
    "NEWSBRIEF_WEBHOOK_SECRET": f"{MARK}-webhook",
}
DB_PASSWORD = f"pg-{MARK}-password"
FEED_TOKEN = f"tok-{MARK}-feed"  # a token in a feed URL's query string
CLOSED = "http://127.0.0.1:9"  # discard port: nothing listens, every SDK call fails fast
# The subprocess gets the same loopback-only socket guard as tests/conftest.py gives this one.
GUARD = """
import socket
_connect = socket.socket.connect
def _loopback_only(self, address):
    host = address[0] if isinstance(address, tuple) else None
    if host is not None and not (host in ("localhost", "::1") or str(host).startswith("127.")):
        raise RuntimeError(f"test tried to reach the network: {address!r}")
    return _connect(self, address)
socket.socket.connect = _loopback_only
"""


def _leaks(text: str) -> list[str]:
    found = [name for name, value in SECRETS.items() if value in text]
    found += ["database password"] * (DB_PASSWORD in text) + ["feed token"] * (FEED_TOKEN in text)
    if MARK in text and not found:
        found.append(f"a fragment: …{text[max(0, text.find(MARK) - 40):text.find(MARK) + 40]}…")
    return found


def newsbrief(tmp_path: Path, *args: str, env: dict[str, str] | None = None,
              code: str | None = None, timeout: float = 90) -> subprocess.CompletedProcess[str]:
    """Run the CLI (or ``code`` before bot.cli.main.main) with every secret in the environment."""
    full = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path), "PYTHONPATH": str(REPO),
            "NO_PROXY": "*", **SECRETS,
            "NEWSBRIEF_LOGGING__LEVEL": "DEBUG",
            "NEWSBRIEF_DISCORD__API_BASE_URL": CLOSED + "/api/v10",
            "NEWSBRIEF_SLACK__API_BASE_URL": CLOSED + "/api/",
            **(env or {})}
    script = GUARD + (code or "") + "\nimport sys\nfrom bot.cli.main import main\n" \
        "sys.exit(main(sys.argv[1:]))"
    return subprocess.run([sys.executable, "-c", script, *args], cwd=tmp_path, env=full,
                          capture_output=True, text=True, timeout=timeout)


def _config(tmp_path: Path, feeds: list[str]) -> Path:
    path = tmp_path / "newsbrief.yaml"
    path.write_text(json.dumps({
        "data_dir": str(tmp_path / "data"),
        "network": {"allow_private": ["127.0.0.0/8"], "total_timeout": 10},
        "summarizer": {"full_text": False},
        "polling": {"max_item_age_days": 36500},
        "feeds": [{"url": url} for url in feeds],
        "destinations": [{"ref": "console:", "subscriptions": [{"kind": "all"}]}],
    }), encoding="utf-8")
    return path


@pytest.fixture
def feeds() -> Iterator[FeedServer]:
    with FeedServer() as srv:
        srv.set("/good.xml", rss("Good", [item(1, topic="good")]))
        srv.set("/fail.xml", b"gone", status=500)
        yield srv


def test_check_prints_no_secret(tmp_path: Path) -> None:
    """hostile case: `newsbrief check` with every secret env var set and a PostgreSQL URL with a
    password
    expected: exit 0; names the secrets present, prints none of their values nor the password"""
    config = _config(tmp_path, [])
    done = newsbrief(tmp_path, "check", "--config", str(config), env={
        "NEWSBRIEF_DATABASE__URL": f"postgresql+psycopg://nb:{DB_PASSWORD}@127.0.0.1:9/nb"})
    assert done.returncode == 0, done.stderr
    assert "secrets present: " + ", ".join(sorted(SECRETS)) in done.stdout
    assert "database: postgresql+psycopg (configured)" in done.stdout
    assert _leaks(done.stdout + done.stderr) == []


@pytest.mark.parametrize("json_logs", [False, True], ids=["text-logs", "json-logs"])
def test_run_once_with_llm_failing_and_feeds_failing_prints_no_secret(
        tmp_path: Path, feeds: FeedServer, json_logs: bool) -> None:
    """hostile case: `newsbrief run --once` at DEBUG with every secret set: a feed that fails
    (500, token in its URL), one that works, an LLM server that answers 401 echoing the API key
    in its error body, Discord and Slack adapters pointed at a closed port
    expected: the good brief is printed (extractive fallback); the key was sent to the LLM;
    no secret, password or URL token appears in stdout or stderr (text and JSON logs)"""
    llm = FakeOpenAI()
    echo = {"error": {"message": f"Incorrect API key provided: {SECRETS['OPENAI_API_KEY']}"}}
    llm.script = [Reply(401, echo) for _ in range(5)]
    config = _config(tmp_path, [feeds.url("/good.xml"),
                                feeds.url(f"/fail.xml?token={FEED_TOKEN}")])
    with llm.running():
        done = newsbrief(tmp_path, "run", "--once", "--config", str(config), env={
            "NEWSBRIEF_SUMMARIZER__KIND": "openai",
            "NEWSBRIEF_SUMMARIZER__OPENAI__BASE_URL": llm.base_url,
            "NEWSBRIEF_LOGGING__JSON": "true" if json_logs else "false"})
    output = done.stdout + done.stderr
    assert done.returncode == 0, output[-3000:]
    assert "Story 1 about the good project" in done.stdout
    assert "1 failed" in done.stderr and "llm.fallback reason=http_401" in output
    assert llm.requests[0]["headers"]["authorization"] == f"Bearer {SECRETS['OPENAI_API_KEY']}"
    assert feeds.hits("/fail.xml") == 1
    assert _leaks(output) == []


def test_crash_inside_the_pipeline_is_logged_redacted(tmp_path: Path, feeds: FeedServer) -> None:
    """hostile case: the summarizer crashes with every secret (and the DB password) in the
    exception message, mid-poll, at DEBUG
    expected: the run goes on (exit 0), the traceback is logged with [redacted] in their place"""
    boom = ("import os\nfrom bot.summarize import extractive\n"
            "async def boom(self, article, *, points=3):\n"
            "    raise RuntimeError(' '.join(os.environ[n] for n in "
            f"{sorted(SECRETS)!r}))\n"
            "extractive.ExtractiveSummarizer.summarize = boom\n")
    config = _config(tmp_path, [feeds.url("/good.xml")])
    done = newsbrief(tmp_path, "run", "--once", "--config", str(config), code=boom)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "summarize.failed" in done.stderr and "RuntimeError: [redacted]" in done.stderr
    assert _leaks(done.stdout + done.stderr) == []


def test_database_that_cannot_be_reached_prints_no_password(tmp_path: Path) -> None:
    """hostile case: `newsbrief run --once` against a PostgreSQL URL with a password whose server
    is down (a crash at start-up)
    expected: a non-zero exit and an error on stderr; the password appears nowhere"""
    config = _config(tmp_path, [])
    done = newsbrief(tmp_path, "run", "--once", "--config", str(config), env={
        "NEWSBRIEF_DATABASE__URL": f"postgresql+psycopg://nb:{DB_PASSWORD}@127.0.0.1:9/nb"})
    assert done.returncode != 0
    assert "127.0.0.1" in done.stderr  # it did say what it could not reach
    assert _leaks(done.stdout + done.stderr) == []


def test_unexpected_crash_report_is_redacted(tmp_path: Path) -> None:
    """hostile case: an unexpected exception carrying a secret escapes the whole command
    (a crash report)
    expected: a non-zero exit; the crash is reported without the secret"""
    boom = ("import os\nfrom bot import pipeline\n"
            "async def boom(self, **kw):\n"
            "    raise RuntimeError('poll died with ' + os.environ['OPENAI_API_KEY'])\n"
            "pipeline.Pipeline.poll_due = boom\n")
    config = _config(tmp_path, [])
    done = newsbrief(tmp_path, "run", "--once", "--config", str(config), code=boom)
    assert done.returncode != 0
    assert "poll died with" in done.stderr
    assert _leaks(done.stdout + done.stderr) == []


# -- RedactingFilter, in process ---------------------------------------------------------------

def _logger(secrets: list[str], *, json_lines: bool = False) -> tuple[logging.Logger, io.StringIO]:
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.addFilter(RedactingFilter(secrets))
    handler.setFormatter(JsonFormatter() if json_lines else logging.Formatter("%(message)s"))
    logger = logging.getLogger(f"test_secrets.{id(out)}")
    logger.handlers[:] = [handler]
    logger.propagate = False
    logger.setLevel(logging.DEBUG)
    return logger, out


def test_filter_redacts_message_args_and_longest_secret_first() -> None:
    """hostile case: secrets in a log message, in %-args, and one secret inside another
    expected: every occurrence replaced by [redacted], no partial tail left"""
    logger, out = _logger(["abcd", "abcd-efgh-long"])
    logger.info("token=%s and %r, inline abcd-efgh-long", "abcd-efgh-long", {"k": "abcd"})
    text = out.getvalue()
    assert "abcd" not in text and "efgh" not in text
    assert text.count("[redacted]") == 3


@pytest.mark.parametrize("json_lines", [False, True], ids=["text", "json"])
def test_filter_redacts_exception_tracebacks_and_chains(json_lines: bool) -> None:
    """hostile case: log.exception of an exception whose message (and whose cause's message)
    carries a secret
    expected: the traceback is kept, the secret is [redacted], in text and JSON logs"""
    secret = SECRETS["SLACK_BOT_TOKEN"]
    logger, out = _logger([secret], json_lines=json_lines)
    try:
        try:
            raise ValueError(f"bad auth {secret}")
        except ValueError as inner:
            raise RuntimeError(f"wrapped {secret}") from inner
    except RuntimeError:
        logger.exception("delivery failed")
    text = out.getvalue()
    assert "Traceback" in text and "RuntimeError: wrapped [redacted]" in text
    assert "ValueError: bad auth [redacted]" in text
    assert secret not in text


def test_filter_ignores_short_and_empty_values() -> None:
    """hostile case: an empty or 3-character secret value (would redact every "a" or "")
    expected: ignored, so logs stay readable"""
    logger, out = _logger(["", "abc"])
    logger.info("abc def")
    assert out.getvalue().strip() == "abc def"


def test_filter_redacts_structured_extra_fields() -> None:
    """hostile case: a secret passed in a structured extra= field, JSON logs
    expected: [redacted] in the JSON event"""
    secret = SECRETS["DISCORD_TOKEN"]
    logger, out = _logger([secret], json_lines=True)
    logger.info("adapter.started", extra={"event": "adapter.started", "auth": f"Bot {secret}"})
    assert secret not in out.getvalue()


def test_text_logs_escape_newlines_and_control_characters() -> None:
    """issue 13.7: an unsigned body once produced a standalone fake ERROR line in the text log."""
    from bot.logs import TextFormatter

    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(TextFormatter())
    handler.addFilter(RedactingFilter(["s3cret-value"]))
    log = logging.getLogger("test.forgery")
    log.addHandler(handler)
    log.propagate = False
    try:
        log.warning("args=%s", "a\n2026-01-01 00:00:00,000 ERROR bot forged\r\x1b[31m\x07\u202e"
                    "\x00 s3cret-value 한국어")
        try:
            raise ValueError("bad\n2026-01-01 00:00:00,000 ERROR bot forged too")
        except ValueError:
            log.exception("failed")
    finally:
        log.removeHandler(handler)
    lines = stream.getvalue().splitlines()
    assert lines[0].endswith("args=a\\n2026-01-01 00:00:00,000 ERROR bot forged\\r\\x1b[31m"
                             "\\x07\\u202e\\x00 [redacted] 한국어")
    records = [line for line in lines if not line.startswith("    ")]
    assert len(records) == 2 and " ERROR test.forgery failed" in records[1]
    assert "s3cret" not in stream.getvalue()
    assert all(ch == "\n" or ch >= " " for ch in stream.getvalue())
