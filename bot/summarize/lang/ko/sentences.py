"""Korean sentence rules: where a predicate ending and its mark end a sentence, even glued to
the next one. Read by ``bot.summarize.text``."""

from __future__ import annotations

import re

from bot.summarize.lang import CLOSERS

# Korean: a declarative/interrogative ending followed by a period may be glued to the next
# sentence ("했다.그러나"), so these split even without a space.
BOUNDARY = re.compile(
    r"((?:[다요죠까네음함임됨]|니다)[.!?]+[" + re.escape(CLOSERS) + r"]*)(\s*)(?=\S)"
    r"|([.!?…]+[" + re.escape(CLOSERS) + r"]*)(\s+)"
)
