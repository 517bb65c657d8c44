"""The console adapter: prints briefs to stdout. The default when no platform is configured.

Delivery here is at-least-once: a crash between printing and recording the receipt prints the
brief again on restart, because a terminal cannot be asked what it already shows."""

from __future__ import annotations

import itertools
import sys
from datetime import datetime
from typing import TextIO

from adapters.console_probe import ConsoleSettings
from bot.delivery import AdapterInputs, CommandHandler, Destination, Outgoing, Pacing, Receipt
from bot.delivery.render import digest_text, notice_text, templated_text
from bot.delivery.template import stored_layout

__all__ = ["ConsoleAdapter", "ConsoleSettings", "build"]


_BOLD, _DIM, _CYAN, _RESET = "\033[1m", "\033[2m", "\033[36m", "\033[0m"


class ConsoleAdapter:
    name = "console"
    exactly_once = False
    pacing = Pacing(rate=1000.0, burst=1000)

    def __init__(self, *, stream: TextIO | None = None, color: str = "auto") -> None:
        self.stream = stream or sys.stdout
        tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.color = color == "always" or (color == "auto" and tty)
        self._ids = itertools.count(1)

    async def start(self, commands: CommandHandler) -> None:
        return None

    async def deliver(self, destination: Destination, message: Outgoing) -> Receipt:
        if message.brief is not None:
            text = templated_text(message.brief, stored_layout(destination.template),
                                  timezone=destination.timezone, locale=destination.locale)
        elif message.digest is not None:
            text = digest_text(message.digest, timezone=destination.timezone,
                               locale=destination.locale)
        elif message.notice is not None:
            text = notice_text(message.notice)
        else:
            return Receipt()
        self.stream.write(self._paint(text) + "\n\n")
        self.stream.flush()
        return Receipt([f"console-{next(self._ids)}"])

    async def reconcile(self, destination: Destination, message: Outgoing,
                        attempted_at: datetime) -> Receipt | None:
        return None  # unknowable: resend (at-least-once, see the module docstring)

    async def stop(self) -> None:
        return None

    def _paint(self, text: str) -> str:
        if not self.color:
            return text
        lines = text.split("\n")
        painted = [f"{_BOLD}{lines[0]}{_RESET}"]
        for line in lines[1:]:
            if line.startswith("• "):
                head, sep, rest = line[2:].partition(": ")
                painted.append(f"{_CYAN}•{_RESET} {_BOLD}{head}{_RESET}{sep}{rest}" if sep
                               and len(head) < 60 else f"{_CYAN}•{_RESET} {line[2:]}")
            elif line.startswith(("#", "http")):
                painted.append(f"{_DIM}{line}{_RESET}")
            else:
                painted.append(line)
        return "\n".join(painted)


def make_adapter(*, color: str = "auto", stream: TextIO | None = None) -> ConsoleAdapter:
    return ConsoleAdapter(color=color, stream=stream)


def build(inputs: AdapterInputs) -> ConsoleAdapter:
    """The registry's builder (adapters.ADAPTERS)."""
    section: ConsoleSettings = inputs.section
    return make_adapter(color=section.color)
