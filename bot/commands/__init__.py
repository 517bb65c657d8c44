"""Slash commands, platform-neutral: ``CommandCore.handle(CommandRequest) -> CommandReply``."""

from bot.commands.core import CommandCore, split_command

__all__ = ["CommandCore", "split_command"]
