"""An app whose one feed gets disabled, and the notices the operator got, for the operator-notice
and locale tests."""

from __future__ import annotations

from pathlib import Path

from adapters.recording import RecordingAdapter
from bot.app import App
from bot.config import FeedSettings, Secrets, Settings


def settings_with(tmp_path: Path, feeds: list[str], **extra: object) -> Settings:
    return Settings(
        data_dir=tmp_path, network={"allow_private": ["127.0.0.0/8"], "total_timeout": 2.0},
        polling={"max_failures": 1}, summarizer={"full_text": False},
        feeds=[FeedSettings(url=url) for url in feeds], **extra)  # type: ignore[arg-type]


async def disable_one(settings: Settings, adapters: dict[str, RecordingAdapter]) -> App:
    app = await App.create(settings, Secrets(values={}), adapters=adapters)  # type: ignore[arg-type]
    await app.pipeline.poll_due()
    await app.deliver_pending()
    return app


def notices(adapter: RecordingAdapter) -> list[str]:
    """The text of each notice the adapter was given (a feed disabled, a budget spent)."""
    return [d.message.notice.text for d in adapter.deliveries if d.message.notice]
