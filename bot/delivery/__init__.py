"""The adapter boundary: what the core and the platform adapters agree on, and nothing above it.

``contract`` (messages, the ``Adapter`` protocol and its optional capabilities), ``registry``
(the one door to the ``adapters`` package), ``render`` (platform-neutral text) and
``serialize`` (JSON forms). The contract is re-exported here (``from bot.delivery import
Destination``); it imports no library, so a command's ``--help`` stays light."""

from bot.delivery.contract import (
    Adapter,
    AdapterInputs,
    CommandHandler,
    CommandReply,
    CommandRequest,
    Destination,
    Finding,
    HostsRoutes,
    MessageLink,
    NamesPlaces,
    Outgoing,
    PacesRequests,
    Pacing,
    PartsAdapter,
    PlatformPaced,
    Reaction,
    ReactionHandler,
    Ready,
    Receipt,
    RendersPayloads,
    Secret,
    SingleConnection,
    Suggest,
    complete_parts,
    post_parts,
)

__all__ = [
    "Adapter",
    "AdapterInputs",
    "AdapterSpec",
    "CommandHandler",
    "CommandReply",
    "CommandRequest",
    "Destination",
    "Finding",
    "HostsRoutes",
    "MessageLink",
    "NamesPlaces",
    "Outgoing",
    "PacesRequests",
    "Pacing",
    "PartsAdapter",
    "PlatformPaced",
    "Reaction",
    "ReactionHandler",
    "Ready",
    "Receipt",
    "RendersPayloads",
    "Secret",
    "Section",
    "SingleConnection",
    "Suggest",
    "complete_parts",
    "post_parts",
]
