"""The garbage collector around a command (issue 26): paused while a command starts, on for a
command's work except a chat command's (short and bounded), on again as it was when ``main``
returns, and the process's own command line frozen before the interpreter's exit collects.
What the collector's state is at each point, not how long anything takes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# records gc.isenabled() where each handler starts its work: the chat app's creation for
# `command`, the settings' check for `check` (it runs the handler; nothing is reached)
PROBE = """
import gc, json, sys
import bot.chat
from bot.cli import checks
from bot.cli.main import main

seen = {}
real_create = bot.chat.ChatApp.create.__func__
async def create(cls, *args, **kwargs):
    seen["command"] = gc.isenabled()
    return await real_create(cls, *args, **kwargs)
bot.chat.ChatApp.create = classmethod(create)

real_check = checks._check
async def check(*args, **kwargs):
    seen["check"] = gc.isenabled()
    return await real_check(*args, **kwargs)
checks._check = check

codes = [main(["command", "/subscriptions"]), main(["check"])]
print(json.dumps({"codes": codes, "seen": seen, "after": gc.isenabled(),
                  "frozen": gc.get_freeze_count()}))
"""

# the process's own command line (argv None, as the console script calls it)
EXIT_PROBE = """
import gc, json, sys
from bot.cli.main import main
sys.argv = ["newsbrief", "--version"]
code = main()
print(json.dumps({"code": code, "after": gc.isenabled(), "frozen": gc.get_freeze_count() > 0}))
"""


def _run(code: str, tmp_path: Path) -> dict[str, object]:
    (tmp_path / "none.yaml").write_text("{}\n")
    env = {key: value for key, value in os.environ.items() if not key.startswith("NEWSBRIEF_")}
    env.update({"PYTHONPATH": str(REPO), "NEWSBRIEF_CONFIG": str(tmp_path / "none.yaml"),
                "NEWSBRIEF_DATA_DIR": str(tmp_path)})
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_a_chat_command_runs_with_the_collector_paused_and_others_with_it_on(
        tmp_path: Path) -> None:
    result = _run(PROBE, tmp_path)
    assert result["codes"] == [0, 0]
    assert result["seen"] == {"command": False, "check": True}
    # called in a process that goes on (tests, embedding): nothing frozen, the collector on
    assert result["after"] is True
    assert result["frozen"] == 0


def test_the_process_command_line_freezes_what_is_left_before_exit(tmp_path: Path) -> None:
    assert _run(EXIT_PROBE, tmp_path) == {"code": 0, "after": True, "frozen": True}


# a caller that turned the collector off itself (an embedder, a benchmark): a command that
# is not a chat command must not turn it on behind its back
OFF_PROBE = """
import gc, json
from bot.cli import checks
from bot.cli.main import main

seen = {}
real_check = checks._check
async def check(*args, **kwargs):
    seen["check"] = gc.isenabled()
    return await real_check(*args, **kwargs)
checks._check = check

gc.disable()
code = main(["check"])
print(json.dumps({"code": code, "seen": seen, "after": gc.isenabled()}))
"""


def test_a_caller_that_turned_the_collector_off_keeps_it_off(tmp_path: Path) -> None:
    assert _run(OFF_PROBE, tmp_path) == {"code": 0, "seen": {"check": False}, "after": False}
