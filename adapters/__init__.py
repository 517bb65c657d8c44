"""The adapter registry: every platform the bot can post to, one line each. The core looks
adapters up here only (``bot.delivery.registry``), so it never names a platform nor imports an
SDK it does not use: each package is imported when a configuration wants it. Adding an adapter
is its folder (with ``build(inputs)`` and, if it has options, a settings section) and one line
below, or the same line in another distribution's ``newsbrief.adapters`` entry point."""

from __future__ import annotations

from bot.delivery.registry import AdapterSpec

ADAPTERS: tuple[AdapterSpec, ...] = (
    AdapterSpec("console", "adapters.console", "console:", bare_ref=True,
                settings="adapters.console_probe:ConsoleSettings",
                switch=lambda section: section.enabled),
    AdapterSpec("discord", "adapters.discord", "discord:<channel>", secrets=("DISCORD_TOKEN",),
                settings="adapters.discord_probe:DiscordSettings",
                reads_secrets=("DISCORD_TOKEN", "DISCORD_CLIENT_SECRET"), loggers=("discord",),
                probe_module="adapters.discord_probe", render_module="adapters.discord.render",
                dashboard_module="adapters.discord.dashboard", sync_commands=True),
    AdapterSpec("slack", "adapters.slack", "slack:<team>/<channel>",
                settings="adapters.slack_probe:SlackSection",
                secrets=("SLACK_BOT_TOKEN",), probe_module="adapters.slack_probe",
                reads_secrets=("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN",
                               "SLACK_CLIENT_SECRET"),
                render_module="adapters.slack.render", dashboard_module="adapters.slack.dashboard",
                # ``slack:<team>/<user>``: a member (U…, W…), where a channel is C…, G… or D…
                dm_ref=r"slack:[^/]+/[UW][A-Z0-9]+"),
    AdapterSpec("webhook", "adapters.webhook", "webhook:<name>", bare_ref=True,
                reads_secrets=("NEWSBRIEF_WEBHOOK_SECRET",), probe_module="adapters.webhook_probe"),
)
