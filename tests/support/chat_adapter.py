"""A platform that is not in the repository: what a new adapter package provides (its
``build``), for the test that adding an adapter takes one folder and one registry line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from adapters.recording import RecordingAdapter

if TYPE_CHECKING:
    from bot.commands import CommandCore
    from bot.config import Secrets, Settings


class ChatAdapter(RecordingAdapter):
    """Holds one connection per bot, like a gateway: the runner must find that by its shape."""

    def __init__(self, token: str | None) -> None:
        super().__init__(name="chat")
        self.token = token
        self.gateway_open = True

    @property
    def wants_gateway(self) -> bool:
        return self.gateway_open

    def hold_gateway(self) -> None:
        self.gateway_open = False

    async def open_gateway(self) -> None:
        self.gateway_open = True


def build(settings: Settings, secrets: Secrets, commands: CommandCore | None = None
          ) -> ChatAdapter:
    return ChatAdapter(secrets.get("CHAT_TOKEN"))
