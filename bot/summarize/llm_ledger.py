"""The daily LLM budget counted in the database: one spend a day for every worker of the install,
each call added in one statement (bot.store.llm_spend). Apart from bot.summarize.llm_state so
the commands that build a summarizer without a store do not import it."""

from __future__ import annotations

from bot.store import Database, llm_spend


class StoreLedger:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def add(self, day: str, *, calls: int, tokens: int) -> tuple[int, int]:
        if not (calls or tokens):  # a check before each call: no write, no SQLite write lock
            async with self._db.read() as conn:
                return await llm_spend.spent(conn, day)
        async with self._db.begin() as conn:
            return await llm_spend.add(conn, day, calls=calls, tokens=tokens)
