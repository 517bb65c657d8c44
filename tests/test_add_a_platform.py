"""docs/DESIGN.md's recipe holds for a platform that is not in this repository: a package with
a ``build``, its own settings section, and an ``AdapterSpec`` declared in the
``newsbrief.adapters`` entry-point group of its distribution. The configuration validates its
section, the environment overrides it, and the bot builds it for its destinations."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.conftest import REPO

PACKAGE = '''
"""An out-of-tree platform: its settings section, its adapter and its registry line."""

from datetime import datetime

from pydantic import Field

from bot.delivery import AdapterInputs, CommandHandler, Destination, Outgoing, Pacing, Receipt
from bot.delivery.registry import AdapterSpec
from bot.delivery.settings import Section


class AcmeSettings(Section):
    """The ``acme:`` section."""

    greeting: str = "hello"
    rate: float = Field(2.0, gt=0)


class AcmeAdapter:
    name = "acme"
    exactly_once = False

    def __init__(self, section: AcmeSettings, token: str | None) -> None:
        self.section, self.token = section, token
        self.pacing = Pacing(rate=section.rate)

    async def start(self, commands: CommandHandler) -> None: ...

    async def deliver(self, destination: Destination, message: Outgoing) -> Receipt:
        return Receipt(["1"])

    async def reconcile(self, destination: Destination, message: Outgoing,
                        attempted_at: datetime) -> Receipt | None:
        return None

    async def stop(self) -> None: ...


def build(inputs: AdapterInputs) -> AcmeAdapter:
    adapter = AcmeAdapter(inputs.section, inputs.secret("ACME_TOKEN"))
    adapter.others = inputs.secret("OPENAI_API_KEY")  # the core's: not handed to an adapter
    return adapter


SPEC = AdapterSpec("acme", "acme_chat", "acme:<room>", settings="acme_chat:AcmeSettings",
                   secrets=("ACME_TOKEN",), reads_secrets=("ACME_TOKEN",))
'''

PROBE = '''
import asyncio, json, sys
from pathlib import Path

from bot.app import App
from bot.config import Secrets
from bot.cli.config_file import load_settings
from bot.errors import ConfigError


async def main() -> None:
    settings = load_settings(Path(sys.argv[1]), required=True)
    app = await App.create(settings, Secrets.from_env())
    try:
        acme = app.adapters["acme"]
        print(json.dumps({"adapters": sorted(app.adapters), "greeting": acme.section.greeting,
                          "rate": acme.pacing.rate, "token": acme.token,
                          "others": acme.others}))
    finally:
        await app.close()
    try:
        load_settings(Path(sys.argv[2]), required=True)
    except ConfigError as exc:
        print(json.dumps({"error": str(exc)}))


asyncio.run(main())
'''


def install_outside(site: Path) -> None:
    """The package and its distribution's metadata, as pip would leave them in site-packages."""
    (site / "acme_chat").mkdir(parents=True)
    (site / "acme_chat" / "__init__.py").write_text(PACKAGE, encoding="utf-8")
    info = site / "acme_chat-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: acme-chat\nVersion: 1.0\n",
                                   encoding="utf-8")
    (info / "entry_points.txt").write_text("[newsbrief.adapters]\nacme = acme_chat:SPEC\n",
                                           encoding="utf-8")


def test_a_platform_from_outside_the_repository_with_its_own_settings(tmp_path: Path) -> None:
    site = tmp_path / "site"
    install_outside(site)
    good, bad = tmp_path / "good.yaml", tmp_path / "bad.yaml"
    good.write_text(textwrap.dedent(f"""\
        data_dir: {tmp_path / "data"}
        acme: {{greeting: "hi there"}}
        destinations:
          - ref: acme:lobby
            subscriptions: [{{kind: all}}]
        """), encoding="utf-8")
    bad.write_text("acme: {greting: hi}\n", encoding="utf-8")  # a typo
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("NEWSBRIEF_", "SLACK_", "DISCORD_"))}
    env.update(PYTHONPATH=os.pathsep.join([str(site), str(REPO)]), ACME_TOKEN="acme-secret",
               OPENAI_API_KEY="sk-core", NEWSBRIEF_ACME__RATE="5")
    done = subprocess.run([sys.executable, "-c", PROBE, str(good), str(bad)], cwd=tmp_path,
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    built, refused = (json.loads(line) for line in done.stdout.strip().splitlines()[-2:])
    # wanted by its destination (no console fallback); its section read from the file,
    # overridden from the environment like any core key; its own secret, no other
    assert built["adapters"] == ["acme"]
    assert (built["greeting"], built["rate"], built["token"]) == ("hi there", 5.0, "acme-secret")
    assert built["others"] is None
    # validated once, by the configuration, with the key named
    assert refused["error"] == "configuration error at acme.greting: unknown key (a typo?)"
