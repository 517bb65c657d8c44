"""An in-memory test platform (as errbot's TestBackend): records posts, fails or crashes on cue.

Real code that any test may use::

    rec = RecordingAdapter(name="test")
    rec.fail(DeliveryError("slow down", retry_after=3), ref="test:a")   # next send to test:a
    rec.crash_after_post(ref="test:b")   # posts, then dies before the receipt is returned
    worker = OutboxWorker(db=db, adapters={"test": rec})
    ...
    assert rec.keys("test:a") == ["b:1:1"]

With ``log_path`` every step is also appended to a file and fsynced (``attempt`` before the
post, ``posted`` after it), and ``reconcile`` reads that file: the state survives a SIGKILL, so
a restarted process can ask "was this key posted?" exactly as it would ask a real platform.
"""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from bot.delivery import (
    CommandHandler,
    CommandReply,
    CommandRequest,
    Destination,
    Outgoing,
    Pacing,
    Receipt,
)

Hook = Callable[[Destination, Outgoing], None]
UNPACED = Pacing(rate=1000.0, burst=1000)


class SimulatedCrash(BaseException):
    """The process "dies" after posting: a BaseException so that no ``except Exception`` in the
    worker can swallow it and record a receipt."""


@dataclass(slots=True)
class Delivery:
    destination: Destination
    message: Outgoing
    message_id: str


@dataclass(slots=True)
class _Cue:
    ref: str | None
    times: int
    error: Exception | None = None  # None: crash after posting


class RecordingAdapter:
    """Accepts every send (unless told otherwise) and remembers it, per destination ref."""

    def __init__(self, *, name: str = "test", exactly_once: bool = True,
                 pacing: Pacing = UNPACED,
                 platform_pacing: Pacing | None = None, log_path: Path | None = None,
                 delay: float = 0.0, on_attempt: Hook | None = None,
                 on_posted: Hook | None = None) -> None:
        self.name = name
        self.exactly_once = exactly_once
        self.pacing = pacing
        self.platform_pacing = platform_pacing
        self.log_path = log_path
        self.delay = delay
        self.on_attempt = on_attempt
        self.on_posted = on_posted
        self.deliveries: list[Delivery] = []
        self.attempts: list[tuple[str, str]] = []  # (ref, key), failed ones included
        self.reconciliations: list[tuple[str, bool]] = []  # (key, found)
        self.commands: CommandHandler | None = None
        self._cues: list[_Cue] = []

    # -- cues ----------------------------------------------------------------------------------

    def fail(self, error: Exception, *, ref: str | None = None, times: int = 1) -> None:
        """Raise ``error`` on the next ``times`` sends (to ``ref`` only, when given): usually a
        ``DeliveryError``; any other exception plays an outcome the adapter could not judge."""
        self._cues.append(_Cue(ref, times, error))

    def crash_after_post(self, *, ref: str | None = None, times: int = 1) -> None:
        """Post the next message, then raise :class:`SimulatedCrash` instead of a receipt."""
        self._cues.append(_Cue(ref, times))

    def _cue(self, ref: str) -> _Cue | None:
        for cue in self._cues:
            if cue.ref in (None, ref):
                cue.times -= 1
                if cue.times <= 0:
                    self._cues.remove(cue)
                return cue
        return None

    # -- what was posted -----------------------------------------------------------------------

    def keys(self, ref: str | None = None) -> list[str]:
        return [d.message.key for d in self.deliveries
                if ref is None or d.destination.ref == ref]

    def posted_log(self) -> dict[tuple[str, str], list[str]]:
        """From the log file: (ref, key) → message ids, one per time it was posted."""
        posted: dict[tuple[str, str], list[str]] = {}
        for kind, *fields in self._log_lines():
            if kind == "posted" and len(fields) == 3:
                posted.setdefault((fields[0], fields[1]), []).append(fields[2])
        return posted

    def _log_lines(self) -> list[list[str]]:
        if self.log_path is None or not self.log_path.exists():
            return []
        text = self.log_path.read_text(encoding="utf-8")
        # A line without its newline was cut by a kill mid-write: it did not happen.
        return [line.split("\t") for line in text.split("\n")[:-1]]

    def _append(self, *fields: str) -> None:
        if self.log_path is None:
            return
        fd = os.open(self.log_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(fd, ("\t".join(fields) + "\n").encode())
            os.fsync(fd)
        finally:
            os.close(fd)

    # -- the Adapter protocol ------------------------------------------------------------------

    async def start(self, commands: CommandHandler) -> None:
        self.commands = commands

    async def stop(self) -> None:
        return None

    async def deliver(self, destination: Destination, message: Outgoing) -> Receipt:
        ref = destination.ref
        self.attempts.append((ref, message.key))
        self._append("attempt", ref, message.key)
        if self.on_attempt is not None:
            self.on_attempt(destination, message)
        if self.delay:
            await asyncio.sleep(self.delay)
        cue = self._cue(ref)
        if cue is not None and cue.error is not None:
            raise cue.error
        message_id = uuid.uuid4().hex[:12]
        self.deliveries.append(Delivery(destination, message, message_id))
        self._append("posted", ref, message.key, message_id)
        if self.on_posted is not None:
            self.on_posted(destination, message)
        if cue is not None:
            raise SimulatedCrash(message.key)
        if self.delay:
            await asyncio.sleep(self.delay)
        return Receipt([message_id])

    async def reconcile(self, destination: Destination, message: Outgoing,
                        attempted_at: datetime) -> Receipt | None:
        if not self.exactly_once:
            found = None  # plays a platform that cannot be asked: the worker resends
        elif self.log_path is not None:
            ids = self.posted_log().get((destination.ref, message.key))
            found = ids[-1] if ids else None
        else:
            found = next((d.message_id for d in self.deliveries
                          if d.destination.ref == destination.ref
                          and d.message.key == message.key), None)
        self.reconciliations.append((message.key, found is not None))
        self._append("reconcile", destination.ref, message.key, "found" if found else "missing")
        return Receipt([found]) if found is not None else None

    # -- conversations -------------------------------------------------------------------------

    async def command(self, text: str, *, where: str | None = None, user: str = "u1",
                      is_admin: bool = True, dm: str | None = None,
                      locale: str | None = None) -> CommandReply:
        """Type a slash command (``"/subscribe ai"``) into a channel, as a user would."""
        if self.commands is None:
            raise RuntimeError("start(commands) was not called")
        name, _, args = text.strip().lstrip("/").partition(" ")
        request = CommandRequest(
            command=name, args=args.strip(), user=user,
            where=Destination(where or f"{self.name}:channel"),
            dm=Destination(dm) if dm else Destination(f"{self.name}:dm-{user}"),
            is_admin=is_admin, locale=locale)
        return await self.commands(request)
