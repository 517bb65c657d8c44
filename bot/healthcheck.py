"""The container's HEALTHCHECK: ``python -m bot.healthcheck`` exits 0 when /healthz answers.

Standard library only, so it is cheap every 30 s. It tries the health port and then the Slack
HTTP-mode port, because in Slack HTTP mode the health routes are served by Slack's server (one
port to expose) and the health port is not opened at all; Slack's mode may be set in the YAML,
which this probe does not read.
"""

from __future__ import annotations

import os
import sys
import urllib.request

TIMEOUT = 4.0


def ports() -> list[str]:
    return [os.environ.get("NEWSBRIEF_HEALTH__PORT", "9108"),
            os.environ.get("NEWSBRIEF_SLACK__HTTP_PORT", "3000")]


def alive(port: str) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=TIMEOUT) as r:
            return bool(r.status == 200)
    except (OSError, ValueError):
        return False


def main() -> int:
    return 0 if any(alive(port) for port in ports()) else 1


if __name__ == "__main__":
    sys.exit(main())
