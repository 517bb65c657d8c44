"""A progress bar for long CLI steps (a first poll of many feeds, a big OPML import) that log
lines do not tear: while the bar is up, the logging handlers write through rich's console,
which prints each line above the bar. Without a terminal there is no bar, only the last count.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO, Any

Advance = Callable[[int, int], None]
MIN_TOTAL = 20  # a handful of feeds needs no bar


@contextmanager
def progress(label: str, *, quiet: bool = False, stream: IO[str] | None = None,
             force_terminal: bool | None = None) -> Iterator[Advance]:
    """Yields ``advance(done, total)``; the bar appears once ``total`` is known and large."""
    out = stream or sys.stderr
    terminal = out.isatty() if force_terminal is None else force_terminal
    if quiet or not terminal:
        last: list[int] = [0, 0]

        def count(done: int, total: int) -> None:
            last[:] = [done, total]

        yield count
        if last[1] >= MIN_TOTAL and not quiet:
            print(f"{label}: {last[0]}/{last[1]}", file=out, flush=True)
        return

    # rich: only while a progress bar is shown
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    console = Console(file=out, force_terminal=True)
    bar = Progress(TextColumn("{task.description}"), BarColumn(),
                   MofNCompleteColumn(), TimeElapsedColumn(), console=console, transient=False)
    task: list[Any] = []

    def advance(done: int, total: int) -> None:
        if total < MIN_TOTAL:
            return
        if not task:
            bar.start()
            task.append(bar.add_task(label, total=total))
        bar.update(task[0], completed=done, total=total)

    handlers = [h for h in logging.getLogger().handlers if isinstance(h, logging.StreamHandler)]
    streams = [h.stream for h in handlers]
    writer = _ConsoleWriter(console)
    for handler in handlers:
        handler.setStream(writer)
    try:
        yield advance
    finally:
        for handler, original in zip(handlers, streams, strict=True):
            handler.setStream(original)
        if task:
            bar.stop()


class _ConsoleWriter:
    """A file-like object for logging that prints whole lines above the live bar."""

    def __init__(self, console: Any) -> None:
        self.console = console
        self.pending = ""

    def write(self, text: str) -> int:
        self.pending += text
        while "\n" in self.pending:
            line, self.pending = self.pending.split("\n", 1)
            self.console.print(line, markup=False, highlight=False, soft_wrap=True)
        return len(text)

    def flush(self) -> None:
        pass
