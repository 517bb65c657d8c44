"""newsbrief: reads news feeds and posts three-point briefs. The core; knows no platform SDK."""

__version__ = "0.1.0"
