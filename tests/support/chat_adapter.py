"""A platform that is not in the repository: what a new adapter package provides (its
``build``), for the test that adding an adapter takes one folder and one registry line."""

from __future__ import annotations

from adapters.recording import RecordingAdapter
from bot.delivery import AdapterInputs


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


def build(inputs: AdapterInputs) -> ChatAdapter:
    return ChatAdapter(inputs.secret("CHAT_TOKEN"))
