"""Instructions per changed feed: bench.poll's scenario at one size under callgrind, counting
only the measured cycles (every thread), so the figure repeats on a loaded machine.

    python -m bench.poll_callgrind [--feeds 200] [--changed 20] [--window 1000] [--cycles 2]
    python -m bench.poll_callgrind --cold [--feeds N] [--window 0]

It starts itself again under ``valgrind --tool=callgrind --instr-atstart=no`` and switches
instrumentation on around one unchanged cycle and then ``--cycles`` changed cycles (a first
changed cycle is left out: numpy's import and the summarizer's lazy patterns). Per changed feed
is the changed cycles' instructions less an unchanged cycle's per-feed share for the feeds that
did not change, over the changed feeds. Only feeds whose body can take a new item are changed
(one capture is an Atom Entry document, with no feed to add to), and every cycle is checked as
bench.poll checks it: all feeds polled, none failed, one brief per changed feed. The switches
are callgrind's client requests, built with the system's C compiler from valgrind's header.
With ``--cold`` only the first poll of the feeds is counted (every item new and stored; the few
recent enough by the bench's clock are briefed: 20 of 869 in the real captures), instrumentation
on from the start of that cycle to its end, lazy imports and patterns included as a real first
poll pays them. Its feeds default to the distinct real captures (each polled once; more would
repeat them) and its story window to none, as a first poll starts with no briefs.
Not a timing: nothing here is timed.
"""

from __future__ import annotations

import argparse
import asyncio
import ctypes
import itertools
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.realworld import RemoteServer, app_with_feeds, articles, bench_settings, real_feeds
from bench.realworld import with_new_items as add_items
from bot.app import App
from bot.pipeline import PollStats
from tests.support.clock import Clock

_SWITCHES = r"""
#include <valgrind/callgrind.h>
void instr_on(void) { CALLGRIND_START_INSTRUMENTATION; }
void instr_off(void) { CALLGRIND_STOP_INSTRUMENTATION; }
void zero(void) { CALLGRIND_ZERO_STATS; }
void dump(const char *label) { CALLGRIND_DUMP_STATS_AT(label); }
"""
_UNDER = "NEWSBRIEF_UNDER_CALLGRIND"
_LABEL = "desc: Trigger: Client Request: "
_COLD = "cold poll: "  # the child's line for the parent: feeds, items stored, briefs


def _switches(workdir: Path) -> ctypes.CDLL:
    source, library = workdir / "switches.c", workdir / "switches.so"
    source.write_text(_SWITCHES)
    subprocess.run(["cc", "-shared", "-fPIC", "-O1", "-o", str(library), str(source)],
                   check=True)
    return ctypes.CDLL(str(library))


def takes_new_items(body: bytes) -> bool:
    """Whether ``with_new_items`` can add to ``body`` (an Atom Entry document has no feed)."""
    probe = add_items(body, [("probe", "probe")], tag="probe",
                      when=datetime(2000, 1, 1, tzinfo=UTC), link_base="http://127.0.0.1/article")
    return probe != body


def feeds_to_change(bodies: Sequence[bytes], changed: int) -> list[int]:
    """The first ``changed`` feeds (by index) whose body can take a new item."""
    chosen = [i for i, body in enumerate(bodies) if takes_new_items(body)][:changed]
    if len(chosen) < changed:
        raise SystemExit(f"bench.poll_callgrind: only {len(chosen)} of {len(bodies)} feeds can "
                         f"take a new item, {changed} asked to change")
    return chosen


def check_cycle(stats: PollStats, *, feeds: int, briefs: int, what: str) -> None:
    """A cycle that polled fewer feeds, failed one or made other briefs would count other
    work than the figure claims (a fetch that timed out under callgrind backs off silently)."""
    if stats.feeds != feeds or stats.failed or stats.briefs != briefs:
        raise SystemExit(f"bench.poll_callgrind: {what} cycle polled {stats.feeds} of {feeds} "
                         f"feeds, {stats.failed} failed {stats.errors}, {stats.briefs} briefs "
                         f"where {briefs} were expected")


async def _cycle(app: App) -> PollStats:
    stats = await app.pipeline.poll_due()
    await app.deliver_pending()
    return stats


async def _measure(args: argparse.Namespace, switches: ctypes.CDLL) -> None:
    corpus, texts = real_feeds(), articles()
    n, changed = args.feeds or len(corpus), args.changed
    window, fresh = texts[:args.window], texts[args.window:] or texts
    news = itertools.cycle(fresh)
    bodies = [corpus[i % len(corpus)] for i in range(n)]
    targets = [] if args.cold else feeds_to_change(bodies, changed)
    server = RemoteServer()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for i, body in enumerate(bodies):
                server.set(f"/f/{i}", body, etag=f'"v0-{i}"' if i % 2 else None)
            settings = bench_settings(Path(tmp))
            clock = Clock()
            app = await app_with_feeds(settings, clock, [server.url(f"/f/{i}") for i in range(n)],
                                       window)
            try:

                async def changed_cycle(repeat: int) -> None:
                    for i in targets:
                        body = add_items(bodies[i], [next(news)], tag=f"c{repeat}-{i}",
                                         when=clock.now, link_base=server.url("/article"))
                        server.set(f"/f/{i}", body, etag=f'"v{repeat + 1}-{i}"' if i % 2 else None)
                    clock.now += timedelta(seconds=settings.polling.interval + 1)
                    check_cycle(await _cycle(app), feeds=n, briefs=changed,
                                what=f"changed {repeat}")

                if args.cold:
                    switches.zero()
                    switches.instr_on()
                cold = await _cycle(app)
                if args.cold:
                    switches.instr_off()
                    switches.dump(b"cold")
                    # for the report (stdout is the parent's)
                    print(f"{_COLD}{cold.feeds} {cold.new_items} {cold.briefs}", flush=True)
                if cold.feeds != n or cold.failed:
                    check_cycle(cold, feeds=n, briefs=cold.briefs, what="cold")
                if args.cold:
                    return
                clock.now += timedelta(seconds=settings.polling.interval + 1)
                check_cycle(await _cycle(app), feeds=n, briefs=0, what="settling")
                await changed_cycle(0)  # lazy imports and patterns, left out
                clock.now += timedelta(seconds=settings.polling.interval + 1)
                switches.zero()
                switches.instr_on()
                unchanged = await _cycle(app)
                switches.instr_off()
                switches.dump(b"unchanged")
                check_cycle(unchanged, feeds=n, briefs=0, what="unchanged")
                switches.zero()
                switches.instr_on()
                for repeat in range(1, args.cycles + 1):
                    await changed_cycle(repeat)
                switches.instr_off()
                switches.dump(b"changed")
            finally:
                await app.close()
    finally:
        server.close()


def _totals(outputs: Path, pid: int,
            labels: frozenset[str] = frozenset({"unchanged", "changed"})) -> dict[str, int]:
    """The instruction total of each labelled dump process ``pid`` wrote (one file per dump:
    ``outputs.PID`` and ``outputs.PID.N``), so another run's files in a kept directory and the
    feed server's never count."""
    found: dict[str, int] = {}
    mine = f"{outputs.name}.{pid}"
    for path in sorted(outputs.parent.glob(mine + "*")):
        if path.name != mine and not path.name.startswith(mine + "."):
            continue  # pid 7's files, not pid 71's
        label, total = "", 0
        for line in path.read_text(errors="replace").splitlines():
            if line.startswith(_LABEL):
                label = line.removeprefix(_LABEL).strip()
            elif line.startswith("totals:"):
                total = int(line.split()[1])
        if label:
            found[label] = total
    missing = labels - found.keys()
    if missing:
        raise SystemExit(f"bench.poll_callgrind: no {', '.join(sorted(missing))} dump from "
                         f"process {pid} in {outputs.parent}")
    return found


def per_feed(totals: dict[str, int], *, feeds: int, changed: int,
             cycles: int) -> tuple[float, float]:
    """(instructions per unchanged feed, per changed feed): the changed cycles' count less the
    unchanged cycle's per-feed share for each feed that did not change, over the changed."""
    unchanged = totals["unchanged"] / feeds
    return unchanged, (totals["changed"] / cycles - unchanged * (feeds - changed)) / changed


def cold_counts(said: str) -> tuple[int, int, int]:
    """(feeds, items stored, briefs) of the cold poll, from the run's output: a run that
    stored nothing or did not say is no figure per item."""
    lines = [line.removeprefix(_COLD).split() for line in said.splitlines()
             if line.startswith(_COLD)]
    if len(lines) != 1 or len(lines[0]) != 3:
        raise SystemExit(f"bench.poll_callgrind: the run under callgrind did not say its cold "
                         f"poll's counts ({len(lines)} '{_COLD.strip()}' lines)")
    feeds, items, briefs = (int(word) for word in lines[0])
    if not items:
        raise SystemExit("bench.poll_callgrind: the cold poll stored no items")
    return feeds, items, briefs


def cold_report(total: int, *, feeds: int, items: int, briefs: int) -> str:
    """The cold poll's count: in all, per feed and per item stored."""
    return (f"bench.poll_callgrind --cold: the first poll of {feeds} feeds, {items} items "
            f"stored, {briefs} briefed (instructions, every thread)\n"
            f"instructions in the cold poll:    {total / 1e6:.1f} M\n"
            f"instructions per feed:            {total / feeds / 1e6:.2f} M\n"
            f"instructions per item stored:     {total / items / 1e6:.3f} M")


def arguments(argv: Sequence[str]) -> argparse.Namespace:
    """The options, their defaults resolved: a cold run changes no feed, so --changed does not
    bound its --feeds, and its feeds default (None) to the distinct captures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int,
                        help="200; with --cold the distinct real captures, each once")
    parser.add_argument("--changed", type=int, default=20)
    parser.add_argument("--window", type=int, help="1000; with --cold 0")
    parser.add_argument("--cycles", type=int, default=2)
    parser.add_argument("--cold", action="store_true",
                        help="count the first poll of --feeds feeds only")
    parser.add_argument("--keep", type=Path,
                        help="a directory to keep callgrind's files in (for callgrind_annotate)")
    args = parser.parse_args(argv)
    if args.window is None:
        args.window = 0 if args.cold else 1000
    if args.feeds is None and not args.cold:
        args.feeds = 200
    if args.feeds is not None and args.feeds < 1:
        parser.error("--feeds must be at least 1")
    if not args.cold and not 1 <= args.changed <= args.feeds:
        parser.error(f"--changed must be between 1 and --feeds ({args.feeds})")
    if args.cycles < 1 or args.window < 0:
        parser.error("--cycles must be at least 1 and --window not negative")
    return args


def main() -> None:
    args = arguments(sys.argv[1:])
    if os.environ.get(_UNDER):
        asyncio.run(_measure(args, _switches(Path(os.environ[_UNDER]))))
        return
    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.keep or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        outputs = workdir / "callgrind.out"
        # valgrind runs the program in its own process, so the child's pid names its dumps
        child = subprocess.Popen(["valgrind", "-q", "--tool=callgrind", "--instr-atstart=no",
                                  f"--callgrind-out-file={outputs}.%p", sys.executable, "-m",
                                  "bench.poll_callgrind", *sys.argv[1:]],
                                 env={**os.environ, _UNDER: str(workdir)},
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        said, errors = child.communicate()
        if child.returncode:
            sys.stderr.write(errors)
            raise SystemExit(f"bench.poll_callgrind: the run under callgrind exited with "
                             f"{child.returncode}")
        totals = _totals(outputs, child.pid,
                         frozenset({"cold"} if args.cold else {"unchanged", "changed"}))
    if args.cold:
        feeds, items, briefs = cold_counts(said)
        print(cold_report(totals["cold"], feeds=feeds, items=items, briefs=briefs))
        return
    unchanged, per_changed = per_feed(totals, feeds=args.feeds, changed=args.changed,
                                      cycles=args.cycles)
    print(f"bench.poll_callgrind: {args.feeds} feeds, {args.changed} changed by one new item, "
          f"{args.cycles} cycles counted, a story window of {args.window} briefs "
          "(instructions, every thread)")
    print(f"instructions per unchanged feed: {unchanged / 1e6:.2f} M")
    print(f"instructions per changed feed:   {per_changed / 1e6:.2f} M")


if __name__ == "__main__":
    main()
