"""Keep README.md's sample brief equal to what `make run` prints today.

    python scripts/readme_sample.py            # rewrite the block in README.md
    python scripts/readme_sample.py --check    # exit 1 when the README shows something else

It runs what `make run` runs (``newsbrief run --once`` with the default configuration and its
offline sample feeds, into a throwaway data directory, colour off) and takes the brief of the
Harbor Gazette's solar-roofs story, so a summarizer change that alters the output is noticed.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
README = REPO / "README.md"
HEADLINE = "City council approves solar roofs for every public school"
BLOCK = re.compile(r"(## What a brief looks like\n\n```\n)(.*?)(\n```)", re.DOTALL)


def printed_brief() -> str:
    with tempfile.TemporaryDirectory() as data:
        env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSBRIEF_")}
        env.update(NEWSBRIEF_DATA_DIR=data, NEWSBRIEF_CONSOLE__COLOR="never",
                   PYTHONPATH=str(REPO))
        done = subprocess.run([sys.executable, "-m", "bot.cli.main", "-q", "run", "--once"],
                              cwd=REPO, env=env, capture_output=True, text=True, timeout=300,
                              check=True)
    for block in done.stdout.split("\n\n"):
        if block.strip().startswith(HEADLINE):
            return block.strip()
    raise SystemExit(f"`make run` printed no brief headed {HEADLINE!r}:\n{done.stdout}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    text = README.read_text(encoding="utf-8")
    found = BLOCK.search(text)
    if found is None:
        raise SystemExit("README.md has no '## What a brief looks like' code block")
    brief = printed_brief()
    if args.check:
        if found.group(2) != brief:
            print("README.md's sample brief is not what `make run` prints; run "
                  "python scripts/readme_sample.py", file=sys.stderr)
            return 1
        return 0
    README.write_text(text[:found.start(2)] + brief + text[found.end(2):], encoding="utf-8")
    print("README.md: sample brief updated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
