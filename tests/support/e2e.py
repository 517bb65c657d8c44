"""The end-to-end cycle: a feed server, an app over it and one poll-summarize-deliver ``cycle``."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from adapters.recording import RecordingAdapter
from bot.app import App
from bot.config import (
    DestinationSettings,
    FeedSettings,
    Secrets,
    Settings,
    SubscriptionSettings,
)
from tests.support.clock import Clock
from tests.support.feedserver import FeedServer


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as srv:
        yield srv


def settings_for(tmp_path: Path, urls: list[str], **polling: object) -> Settings:
    return Settings(
        data_dir=tmp_path,
        network={"allow_private": ["127.0.0.0/8"], "total_timeout": 2.0,
                 "connect_timeout": 1.0},
        polling={"interval": 60, "min_interval": 60, "backfill": 2, "max_failures": 3,
                 "max_item_age_days": 36500, **polling},
        summarizer={"full_text": False},
        feeds=[FeedSettings(url=u) for u in urls],
        destinations=[DestinationSettings(ref="console:",
                                          subscriptions=[SubscriptionSettings()])],
    )


@pytest.fixture
async def make_app(tmp_path: Path) -> AsyncIterator[object]:
    apps: list[App] = []

    async def build(settings: Settings, clock: Clock, rec: RecordingAdapter) -> App:
        app = await App.create(settings, Secrets(values={}), adapters={"console": rec},
                               clock=clock)
        apps.append(app)
        return app

    yield build
    for app in apps:
        await app.close()


async def cycle(app: App) -> None:
    await app.pipeline.poll_due()
    await app.deliver_pending()
