"""`newsbrief command "/subscriptions"` builds only what a chat command needs (issue 26): no
platform SDK, no OPML reader, no TLS context (loading the CA bundle is ~50 ms of CPU), however
many platforms the configuration names. What is loaded, not how long it takes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.support.fake_discord import BOT_TOKEN

REPO = Path(__file__).resolve().parent.parent

PROBE = """
import json, ssl, sys
loaded = []
real = ssl.SSLContext.load_verify_locations
def counted(self, *args, **kwargs):
    loaded.append(1)
    return real(self, *args, **kwargs)
ssl.SSLContext.load_verify_locations = counted
ssl.SSLContext.load_default_certs = lambda self, *a, **k: loaded.append(1)
from bot.cli.main import main
code = main(["command", "/subscriptions"])
heavy = ("discord", "slack_bolt", "slack_sdk", "listparser", "requests")
print(json.dumps({"code": code, "tls": len(loaded),
                  "heavy": sorted(m for m in heavy if m in sys.modules)}))
"""


def test_a_chat_command_loads_no_platform_sdk_and_no_tls(tmp_path: Path) -> None:
    config = tmp_path / "newsbrief.yaml"
    config.write_text("destinations:\n  - ref: discord:123456789012345678\n"
                      "  - ref: slack:T1/C1\n")
    env = {**os.environ, "NEWSBRIEF_CONFIG": str(config), "NEWSBRIEF_DATA_DIR": str(tmp_path),
           "DISCORD_TOKEN": BOT_TOKEN, "SLACK_BOT_TOKEN": "xoxb-test",
           "SLACK_SIGNING_SECRET": "s" * 32}
    env.pop("NEWSBRIEF_DATABASE__URL", None)  # the SQLite file in tmp_path: nothing is stored
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result == {"code": 0, "tls": 0, "heavy": []}
