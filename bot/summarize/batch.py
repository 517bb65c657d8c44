"""The JSON-lines batch contract behind `newsbrief summarize`: articles in, points and tags out."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from bot.logs import get_log
from bot.models import Article
from bot.summarize.base import Summarizer

log = get_log(__name__)


async def run_batch(
    lines_in: Iterable[str], out: TextIO, summarizer: Summarizer, points: int = 3
) -> tuple[int, int]:
    """Summarize each ``{"id","title","text"[,"lang"]}`` line into ``{"id","points","tags",
    "lang"}`` (plus ``"labels"``, aligned with ``points``, and ``"model"`` when a model wrote
    the points). A bad line yields a line with ``"error"`` and the batch goes on. Returns
    (lines written, lines with an error)."""
    written = errors = 0
    for lineno, line in enumerate(lines_in, 1):
        if not line.strip():
            continue
        ident: object = None
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise ValueError("line is not a JSON object")
            ident = record.get("id")
            text = record.get("text")
            if not isinstance(text, str):
                raise ValueError("missing or non-string 'text'")
            title = record.get("title") or ""
            lang = record.get("lang")
            article = Article(
                title=str(title),
                text=text,
                lang=lang if isinstance(lang, str) and lang else None,
                url=record.get("url") if isinstance(record.get("url"), str) else None,
            )
            brief = await summarizer.summarize(article, points=points)
            result: dict[str, object] = {
                "id": ident,
                "points": [p.text for p in brief.points],
                "labels": [p.label for p in brief.points],
                "tags": brief.tags,
                "lang": brief.lang,
                **({"model": brief.model} if brief.model else {}),
            }
        except Exception as exc:  # one bad line must not stop a batch
            errors += 1
            log.warning("summarize.batch_error", line=lineno, id=ident, error=exc)
            result = {"id": ident, "error": f"{type(exc).__name__}: {exc}"}
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
        written += 1
    return written, errors
