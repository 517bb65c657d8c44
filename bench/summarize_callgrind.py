"""Instructions per brief, ours against sumy LexRank, on each dev set under callgrind: the
speed ratio ``bench.summarize_eval`` times, counted so that it repeats on a loaded machine.

    python -m bench.summarize_callgrind [--sets bbc cnndm kosci] [--limit 100] [--keep DIR]

For each set and system it starts itself again under ``valgrind --tool=callgrind
--instr-atstart=no``, runs one pass over the set's first ``--limit`` articles uncounted (the
eval's timed passes repeat over the same articles, so caches and lazy patterns are warm) and
counts a second pass. Ours is ``ExtractiveSummarizer.brief``; LexRank is the eval's baseline
(its language detection and our splitter included, as the eval times it). Instructions are
not seconds: the interpreter's work and numpy's run at different rates, so the ratio here is
the trend to watch, and a quiet machine's ``bench.summarize_eval`` says what a reader waits.
Not a timing: nothing here is timed.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.poll_callgrind import _switches
from bench.summarize_eval import DEV_DIR, DEV_SETS, LexRankSummarizer, load, sumy
from bot.models import Article
from bot.summarize import ExtractiveSummarizer, detect_language

SETS = dict(zip(("bbc", "cnndm", "kosci"), DEV_SETS, strict=True))
SYSTEMS = ("ours", "LexRank")
_UNDER = "NEWSBRIEF_UNDER_CALLGRIND"
_COUNTED = "articles counted: "  # the child's line for the parent


def brief_one(system: str) -> Callable[[dict[str, Any]], object]:
    """One article's work for ``system``, as ``bench.summarize_eval`` runs it."""
    if system == "ours":
        summarizer = ExtractiveSummarizer()
        return lambda r: summarizer.brief(Article(title=r.get("title") or "", text=r["text"]))
    pick = sumy(LexRankSummarizer, 3)
    return lambda r: pick(r["text"], detect_language((r.get("title") or "") + "\n" + r["text"]))


def last_total(output: Path) -> int:
    """The instruction total callgrind wrote at the program's end (its last ``totals:`` line)."""
    totals = [line for line in output.read_text(errors="replace").splitlines()
              if line.startswith("totals:")]
    if not totals:
        raise SystemExit(f"bench.summarize_callgrind: no totals in {output}")
    return int(totals[-1].split()[1])


def counted(said: str) -> int:
    """How many articles the run under callgrind counted, from its output."""
    for line in said.splitlines():
        if line.startswith(_COUNTED):
            return int(line.removeprefix(_COUNTED))
    raise SystemExit("bench.summarize_callgrind: the run under callgrind did not say how many "
                     "articles it counted")


def report(per_article: dict[str, dict[str, float]]) -> str:
    """One line per set: M instructions per article, ours and LexRank's, and their ratio."""
    lines = [f"{'set':<8}{'ours M/brief':>14}{'LexRank M':>12}{'ratio':>8}"]
    for name, row in per_article.items():
        ours, theirs = row["ours"], row["LexRank"]
        lines.append(f"{name:<8}{ours / 1e6:>14.2f}{theirs / 1e6:>12.2f}"
                     f"{theirs / ours:>7.1f}x")
    return "\n".join(lines)


def _measure(system: str, name: str, limit: int, workdir: Path) -> None:
    switches = _switches(workdir)
    rows = load(DEV_DIR / SETS[name], limit)
    one = brief_one(system)
    for row in rows:
        one(row)
    switches.instr_on()
    for row in rows:
        one(row)
    switches.instr_off()
    print(f"{_COUNTED}{len(rows)}")


def _run(system: str, name: str, limit: int, workdir: Path) -> float:
    """Instructions per article of ``system`` on set ``name``, counted under callgrind."""
    output = workdir / f"callgrind.out.{name}.{system}"
    child = subprocess.run(
        ["valgrind", "-q", "--tool=callgrind", "--instr-atstart=no", "--dump-instr=no",
         f"--callgrind-out-file={output}", sys.executable, "-m", "bench.summarize_callgrind",
         "--sets", name, "--limit", str(limit), "--system", system],
        env={**os.environ, _UNDER: str(workdir), "PYTHONHASHSEED": "0"},
        capture_output=True, text=True, check=False)
    if child.returncode:
        sys.stderr.write(child.stderr)
        raise SystemExit(f"bench.summarize_callgrind: {system} on {name} exited with "
                         f"{child.returncode}")
    return last_total(output) / counted(child.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", choices=sorted(SETS), default=list(SETS))
    parser.add_argument("--limit", type=int, default=100,
                        help="articles per set (the eval's de-duplicated first ones)")
    parser.add_argument("--keep", type=Path,
                        help="a directory to keep callgrind's files in (for callgrind_annotate)")
    parser.add_argument("--system", choices=SYSTEMS, help=argparse.SUPPRESS)  # the child's
    args = parser.parse_args()
    if os.environ.get(_UNDER):
        _measure(args.system, args.sets[0], args.limit, Path(os.environ[_UNDER]))
        return
    if not (DEV_DIR / DEV_SETS[0]).exists():
        print(f"bench.summarize_callgrind: no dev set found (looked in {DEV_DIR}), skipped")
        return
    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.keep or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        per_article = {name: {system: _run(system, name, args.limit, workdir)
                              for system in SYSTEMS} for name in args.sets}
    print(f"bench.summarize_callgrind: instructions per article, a warm pass of each set's "
          f"first {args.limit} articles (PYTHONHASHSEED=0)")
    print(report(per_article))


if __name__ == "__main__":
    main()
