"""The usage line of every chat command, apart from the handlers: the command table and /help
list them without importing every handler's module, so a command loads only its own (issue 26).
Marked with ``N_()``: translated when said."""

from __future__ import annotations

from bot.i18n import N_

BRIEF = N_("Usage: /brief <article url> or /brief <words to search for>")
SUBSCRIBE = N_("Usage: /subscribe <tag|feed|keyword> [digest] [here|dm] — e.g. `ai`, `#ai`, "
               "`feed:<url>`, `keyword:\"open source\"`, `pattern:title:/rust|go/ AND NOT "
               "author:bot`, `-crypto` to exclude, `all` for everything; `/subscribe test "
               "<pattern>` tries one.")
UNSUBSCRIBE = N_("Usage: /unsubscribe <what /subscriptions lists> [here|dm] | all")
SUBSCRIPTIONS = N_("Usage: /subscriptions [here|dm]")
DIGEST = N_("Usage: /digest time HH:MM [timezone] | off | now | more [page]   "
            "(add `dm` for your own digest)")
FEEDS = N_("Usage: /feeds add <url> [tags…] | remove <url|id> | enable <url|id> | list | "
           "status | resume | test")
UPDATES = N_("Usage: /updates on | off [here|dm] — reply “Updated: …” under a posted brief when "
             "its article changes (at most once an hour per article)")
SETTINGS = N_("Usage: /settings language ko|en | why on|off [here|dm]")
WHY = N_("Usage: /why <message link>   (a link to one of my messages: why it was sent)")
