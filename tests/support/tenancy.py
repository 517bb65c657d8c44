"""Tenancy tests' conversation: servers A, C (guilds) and T1 (a Slack team) typing commands
into the real command core, and server A's private feed."""

from __future__ import annotations

from bot.commands import split_command
from bot.delivery import CommandReply, CommandRequest, Destination
from bot.store import feeds as feed_store
from tests.support.world import World

PRIVATE = "https://paid.example/feed.xml?token=s3cr3t"  # only server A adds it
UNKNOWN = "https://nowhere.example/feed.xml?token=s3cr3t"  # nobody has it


def ref(server: str, channel: str = "news") -> str:
    return f"test:{server}-{channel}"


async def ask(world: World, text: str, *, server: str, channel: str = "news",
              user: str = "u1", admin: bool = True) -> CommandReply:
    """A command typed in ``channel`` of ``server`` (a guild, or a Slack team: the same)."""
    name, args = split_command(text)
    return await world.core.handle(CommandRequest(
        command=name, args=args, user=user, is_admin=admin, server=server,
        where=Destination(ref(server, channel)), dm=Destination(f"test:dm-{user}")))


async def private_feed(world: World, *tags: str) -> int:
    """Server A adds its paid feed from chat."""
    reply = await ask(world, f"/feeds add {PRIVATE} {' '.join(tags)}", server="A")
    assert not reply.error, reply.text
    async with world.db.read() as conn:
        row = await feed_store.find_servers_feed(conn, ["A"], PRIVATE)
    assert row is not None
    return row.id


async def everyone_follows_everything(world: World) -> None:
    for server in ("A", "C", "T1"):  # two guilds and a Slack team
        assert not (await ask(world, "/subscribe all", server=server)).error
