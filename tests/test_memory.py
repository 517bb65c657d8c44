"""Freed memory goes back to the system after a poll cycle that parsed bodies, and only then."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from adapters.recording import RecordingAdapter
from bot import pipeline as pipeline_module
from bot.app import App
from bot.config import Secrets
from bot.feeds import memory
from tests.support.clock import Clock
from tests.support.e2e import settings_for
from tests.support.feeds import item, rss
from tests.support.feedserver import FeedServer


def test_release_freed_trims_the_heap_on_glibc() -> None:
    released = memory.release_freed()
    assert isinstance(released, bool)
    if sys.platform == "linux" and memory._malloc_trim() is not None:
        assert released and memory.release_freed()  # repeatable: nothing is cached but libc


async def test_a_cycle_that_parsed_bodies_releases_freed_memory_and_a_still_one_does_not(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[bool] = []
    monkeypatch.setattr(pipeline_module, "release_freed", lambda: calls.append(True) or True)
    with FeedServer() as server:
        server.set("/a.xml", rss("Feed A", [item(1, topic="a")]), etag='"a1"')
        app = await App.create(settings_for(tmp_path, [server.url("/a.xml")]),
                               Secrets(values={}),
                               adapters={"console": RecordingAdapter(name="console")},
                               clock=(clock := Clock()))
        try:
            assert (await app.pipeline.poll_due()).feeds == 1
            assert calls == [True]
            clock.advance(61)
            stats = await app.pipeline.poll_due()  # 304: nothing was parsed
            assert stats.feeds == 1 and stats.unchanged == 1
            assert calls == [True]
        finally:
            await app.close()


def test_malloc_trim_is_called_through_its_prototype() -> None:
    """int malloc_trim(size_t pad): ctypes is told, not left to guess an int."""
    import ctypes

    trim = memory._malloc_trim()
    if trim is None:
        pytest.skip("no malloc_trim in this C library")
    assert tuple(trim.argtypes or ()) == (ctypes.c_size_t,)
    assert trim.restype is ctypes.c_int
