"""Pages of a long list (``?page=N``): a page shows ``size`` items and links to its
neighbours, keeping the page's other query parameters (filters, destination)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from aiohttp import web

T = TypeVar("T")

PAGE_SIZE = 50
MAX_PAGE = 10_000  # past any real list: a typed ?page=10**9 is not a huge OFFSET


@dataclass(frozen=True, slots=True)
class Pager:
    number: int
    size: int
    has_next: bool = False
    base: str = ""  # the page's URL without ``page``

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.size

    @property
    def shown(self) -> bool:
        return self.number > 1 or self.has_next

    def url(self, number: int) -> str:
        joiner = "&" if "?" in self.base else "?"
        return self.base if number == 1 else f"{self.base}{joiner}page={number}"

    def of_all(self, items: Sequence[T]) -> tuple[Pager, list[T]]:
        """This page of a whole list."""
        return (replace(self, has_next=len(items) > self.offset + self.size),
                list(items[self.offset:self.offset + self.size]))

    def of_fetched(self, rows: Sequence[T]) -> tuple[Pager, list[T]]:
        """This page from rows fetched at ``offset`` with a limit of ``size + 1``."""
        return replace(self, has_next=len(rows) > self.size), list(rows[:self.size])


def pager(request: web.Request, size: int = PAGE_SIZE) -> Pager:
    """The page asked for (anything odd is page 1)."""
    raw = request.query.get("page", "")
    number = int(raw) if raw.isdigit() and 1 <= int(raw) <= MAX_PAGE else 1
    rest = request.rel_url.with_query({k: v for k, v in request.query.items()
                                       if k not in ("page", "partial")})
    return Pager(number, size, base=str(rest))
