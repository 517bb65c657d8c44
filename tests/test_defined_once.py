"""Values that drifted when they were written twice are defined once: the clock, the
user-agent the bot sends, the Discord API's base URL."""

from __future__ import annotations

import inspect
import re

from bot import USER_AGENT
from bot.config import NetworkSettings
from bot.feeds.fetch import HttpFetcher
from tests.conftest import REPO


def _code() -> dict[str, str]:
    return {path.relative_to(REPO).as_posix(): path.read_text()
            for folder in ("bot", "adapters") for path in (REPO / folder).rglob("*.py")}


def test_one_clock() -> None:
    defined = [path for path, text in _code().items()
               if re.search(r"^def now_utc\(", text, re.MULTILINE)]
    assert defined == ["bot/clock.py"]


def test_one_user_agent() -> None:
    # the fetcher's default and the configuration's default had drifted apart
    fetcher_default = inspect.signature(HttpFetcher).parameters["user_agent"].default
    assert NetworkSettings().user_agent == fetcher_default == USER_AGENT
    assert [path for path, text in _code().items() if "(+https://github.com/" in text] \
        == ["bot/__init__.py"]


def test_one_discord_api_base() -> None:
    assert [path for path, text in _code().items() if "discord.com/api" in text] \
        == ["adapters/discord_probe.py"]
