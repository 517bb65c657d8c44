"""newsbrief: reads news feeds and posts three-point briefs. The core; knows no platform SDK."""

__version__ = "0.1.0"
# who the bot says it is on every request it makes (feeds, article pages, webhooks)
USER_AGENT = f"newsbrief/{__version__} (+https://github.com/newsbrief/newsbrief)"
