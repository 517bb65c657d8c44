"""The command line: the `newsbrief` entry point and its feed commands."""
