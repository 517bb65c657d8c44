"""lxml parser objects, one per thread.

Feed bodies are parsed, and their HTML cleaned, in worker threads (``asyncio.to_thread``), several
at once. lxml frees the GIL while it parses; a parser object shared by several threads is safe
but makes them take turns: "While you can also share parsers between threads, this will
serialize the access to each of them" (lxml FAQ, threads; the lock is the parser context's,
taken for each parse: ``_ParserContext.prepare`` in lxml's parser.pxi). One parser per thread,
made on first use, lets the workers parse at once (a parser is cheap to make and keeps its state
between documents, so one per thread, not one per document). A CI run of the poll crash test
ended in ``double free or corruption`` while module-level parsers were shared; by lxml's own
locking that sharing is not a likely cause, which is still unknown (docs/OPERATIONS.md).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

Parser = TypeVar("Parser")

# trafilatura parses every page with module-level lxml parsers (trafilatura.utils.HTML_PARSER, and
# htmldate.utils.HTML_PARSER for a page's date), which a per-thread parser of ours cannot replace:
# every trafilatura call made in a worker thread (full-text enrichment, briefing a page) holds
# this lock, so they take turns across both callers. Most of one is Python under the GIL anyway.
TRAFILATURA = threading.Lock()


def per_thread(make: Callable[[], Parser]) -> Callable[[], Parser]:
    """A function that returns the calling thread's parser, made by ``make`` on its first call
    in that thread."""
    local = threading.local()

    def parser() -> Parser:
        made: Parser | None = getattr(local, "parser", None)
        if made is None:
            made = local.parser = make()
        return made

    return parser
