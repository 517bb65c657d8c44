"""lxml parser objects, one per thread.

Feed bodies are parsed, and their HTML cleaned, in worker threads (``asyncio.to_thread``), several
at once. lxml frees the GIL while it parses and supports that only "as long as you use either the
default parser (which is replicated for each thread) or create a parser for each thread yourself"
(lxml FAQ, threads): a configured parser object kept at module level and shared by the workers is
outside it. A CI run of the poll crash test ended in ``double free or corruption`` with such
parsers in place; each thread now gets its own, made on first use (a parser is cheap to make and
keeps its state between documents, so one per thread, not one per document).
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
