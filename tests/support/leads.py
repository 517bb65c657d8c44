"""``real_leads``: the (title, text) of every article of the stored wire and Korean science
corpora, for the story clustering tests (skips loudly when ../shared is absent)."""

from __future__ import annotations

import json

from tests.conftest import shared_path


def real_leads() -> list[tuple[str, str]]:
    leads: list[tuple[str, str]] = []
    for name in ("articles/wire_dev.jsonl", "summaries/ko_sci_news_dev.jsonl"):
        for line in shared_path(name).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            leads.append((row.get("title", ""), row["text"]))
    return leads
