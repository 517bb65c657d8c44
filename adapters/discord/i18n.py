"""Korean (and any other catalogue's) names and descriptions for the slash commands, from the
core's message catalogues: a discord.py ``Translator`` that ``sync_commands`` installs, so the
synced commands carry ``name_localizations`` / ``description_localizations``."""

from __future__ import annotations

import discord
from discord import app_commands

from bot.i18n import N_, available, catalogue

# Command names are catalogued with their slash ("/subscribe" → "/구독") so that they do not
# share a message with the same English word used elsewhere ("digest" the mode).
MESSAGES = (
    N_("/brief"), N_("/subscribe"), N_("/unsubscribe"), N_("/subscriptions"), N_("/digest"),
    N_("/feeds"), N_("/time"), N_("/off"), N_("/now"), N_("/add"), N_("/remove"), N_("/list"),
    N_("/status"), N_("/updates"), N_("/more"), N_("/test"), N_("/enable"), N_("/resume"),
    N_("Poll a disabled feed again"), N_("Post in this channel again after a pause"),
    N_("The stories past the last digest's top ones"),
    N_("Post one marked sample brief in this channel"),
    N_("Reply “Updated: …” under a brief whose article changed"),
    N_("Brief an article URL now, or search stored stories"),
    N_("Follow a tag, feed or keyword here or in your DMs"),
    N_("Stop following a tag, feed or keyword"),
    N_("What this channel and you follow"),
    N_("This channel's daily digest"), N_("Post the digest daily at HH:MM"),
    N_("Stop the daily digest"), N_("Post a digest now"),
    N_("Manage the feeds newsbrief reads"), N_("Add a feed, optionally with tags"),
    N_("Remove a feed"), N_("List the feeds"), N_("Feed health and paused destinations"),
    N_("/settings"), N_("/language"), N_("This server's settings"),
    N_("The language the bot writes in here"), N_("/template"),
    N_("How briefs look here: a preset or your own"),
    N_("/why"), N_("Why one of my messages was sent here (paste its link)"),
    N_("End each brief with why it was sent"),
)
_NAMES = (app_commands.TranslationContextLocation.command_name,
          app_commands.TranslationContextLocation.group_name)
_TEXTS = (app_commands.TranslationContextLocation.command_description,
          app_commands.TranslationContextLocation.group_description)


class CatalogueTranslator(app_commands.Translator):
    async def translate(self, string: app_commands.locale_str, locale: discord.Locale,
                        context: app_commands.TranslationContext) -> str | None:
        lang = locale.value.split("-")[0]
        if lang == "en" or lang not in available():
            return None
        words = catalogue(lang)
        if context.location in _NAMES:
            found = words.get(f"/{string.message}")
            return found.lstrip("/") if found else None
        if context.location in _TEXTS:
            return words.get(string.message)
        return None
