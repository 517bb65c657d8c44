"""Saving briefs and loading them back as ``Brief`` objects, with their story's other sources."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    Row,
    Select,
    bindparam,
    delete,
    func,
    insert,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.sql.elements import ColumnElement

from bot.delivery.serialize import brief_from_dict, brief_to_dict
from bot.models import Brief, Point
from bot.store import tenancy
from bot.store.schema import briefs, entries, feed_servers, feeds, outbox, story_bands
from bot.tags import canonical_tag, normalise_tag

# Built once: each new brief runs the insert, each delivered one the select (issue 26).
_INSERT_BRIEF = insert(briefs)
_BRIEFS = select(briefs).where(briefs.c.id.in_(bindparam("ids", expanding=True)))


# One brief, as the outbox delivers them: its id a plain parameter, as an expanding one has
# SQLAlchemy write the statement's SQL afresh at each execution (issue 26).
_BRIEF = select(briefs).where(briefs.c.id == bindparam("id"))


def _members(readable: ColumnElement[bool], *, one_story: bool = False) -> Select[Any]:
    """The briefs of the stories ``roots`` (each root and the briefs that joined it) from feeds
    ``readable`` names, with their sources; ``one_story``: of the one story ``root``."""
    story = (or_(briefs.c.id == bindparam("root"), briefs.c.story_id == bindparam("root"))
             if one_story else
             or_(briefs.c.id.in_(bindparam("roots", expanding=True)),
                 briefs.c.story_id.in_(bindparam("joined", expanding=True))))
    return (select(briefs.c.id, briefs.c.story_id, briefs.c.source)
            .select_from(briefs.join(entries, entries.c.id == briefs.c.entry_id)
                         .join(feeds, feeds.c.id == entries.c.feed_id))
            .where(story, readable))


# built once: every delivered brief reads its story's sources (issue 26); the roots and the
# tenants come with each execution
_MEMBERS = _members(tenancy.readable_in_force(None))
_MEMBERS_READABLE = _members(tenancy.readable_in_force(bindparam("tenants", expanding=True)))
_STORY = _members(tenancy.readable_in_force(None), one_story=True)
_STORY_READABLE = _members(tenancy.readable_in_force(bindparam("tenant")), one_story=True)


async def save_brief(conn: AsyncConnection, *, entry_id: int, brief: Brief, now: datetime,
                     story_id: int | None = None, signature: bytes | None = None,
                     translations: dict[str, Brief] | None = None) -> int:
    """A new brief; ``story_id`` and ``signature``: its story as clustering chose it before
    the insert (bot.routing.cluster.choose_story), else set later (``save_signature``)."""
    result = await conn.execute(_INSERT_BRIEF, {
        "entry_id": entry_id,
        "story_id": story_id,
        "signature": signature,
        "headline": brief.headline,
        "points": [{"text": p.text, "label": p.label} for p in brief.points],
        "tags": list(brief.tags),
        "lang": brief.lang,
        "text_source": brief.text_source,
        "url": brief.url,
        "source": brief.source,
        "published_at": brief.published,
        "created_at": now,
        "model": brief.model,
        "translations": {lang: brief_to_dict(t) for lang, t in translations.items()}
        if translations else None,
    })
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def brief_from_row(row: Any, also: list[str] | None = None) -> Brief:
    return Brief(
        headline=row.headline,
        points=[Point(text=p["text"], label=p.get("label")) for p in row.points],
        tags=list(row.tags),
        url=row.url,
        lang=row.lang,
        source=row.source,
        published=row.published_at,
        text_source=row.text_source,
        also_covered_by=also or [],
        model=row.model,
    )


def in_language(row: Any, brief: Brief, locale: str | None) -> Brief:
    """``brief`` in the language of ``locale`` ("ko", "ko-KR") when the row holds it."""
    lang = (locale or "").split("-")[0].lower()
    other = (row.translations or {}).get(lang) if lang and lang != brief.lang else None
    if not other:
        return brief
    translated = brief_from_dict(other)
    translated.also_covered_by = brief.also_covered_by
    return translated


async def other_sources(conn: AsyncConnection, brief_id: int,
                        tenants: Collection[str] | None = None) -> list[str]:
    """Names of the other feeds that carried the same story, oldest first."""
    return (await load_briefs(conn, [brief_id], tenants=tenants))[brief_id].also_covered_by


async def load_brief(conn: AsyncConnection, brief_id: int, locale: str | None = None, *,
                     tenants: Collection[str] | None = None) -> Brief:
    """The brief, in the language of ``locale`` when it was made in that language too; its
    "also covered by" names only feeds ``tenants`` may read (None: all)."""
    return (await load_briefs(conn, [brief_id], locale, tenants=tenants))[brief_id]


async def load_briefs(conn: AsyncConnection, brief_ids: list[int],
                      locale: str | None = None, *,
                      tenants: Collection[str] | None = None) -> dict[int, Brief]:
    """``load_brief`` of many briefs in two queries (a digest shows ten): brief id → Brief, in
    the language of ``locale`` where it was made in that language too. Another server's
    private feed that carried the same story is not named (only feeds ``tenants`` may read)."""
    if not brief_ids:
        return {}
    if len(brief_ids) == 1:
        rows = {int(r.id): r for r in await conn.execute(_BRIEF, {"id": brief_ids[0]})}
    else:
        rows = {int(r.id): r for part in _chunks(brief_ids)
                for r in await conn.execute(_BRIEFS, {"ids": part})}
    missing = set(brief_ids) - set(rows)
    if missing:
        raise LookupError(f"no brief {min(missing)}")
    roots = {i: int(r.story_id if r.story_id is not None else i) for i, r in rows.items()}
    found: list[Any] = []
    # Only feeds ``tenants`` may read, decided in this query (no read of the mode first).
    stories = list(set(roots.values()))
    readers = None if tenants is None else list(tenants)
    if len(stories) == 1 and readers is None:
        found += await conn.execute(_STORY, {"root": stories[0]})
    elif len(stories) == 1 and readers is not None and len(readers) == 1:
        # one brief delivered to one destination: the outbox's every row
        found += await conn.execute(_STORY_READABLE, {"root": stories[0], "tenant": readers[0]})
    else:
        query = _MEMBERS if readers is None else _MEMBERS_READABLE
        named = {} if readers is None else {"tenants": readers}
        for part in _chunks(stories):
            found += await conn.execute(query, {"roots": part, "joined": part, **named})
    members: dict[int, list[tuple[int, str | None]]] = {}
    for member in found:
        root = int(member.story_id if member.story_id is not None else member.id)
        members.setdefault(root, []).append((int(member.id), member.source))
    loaded = {}
    for brief_id, row in rows.items():
        also: list[str] = []
        for other, source in sorted(members.get(roots[brief_id], [])):  # oldest first
            if other != brief_id and source and source != row.source and source not in also:
                also.append(source)
        loaded[brief_id] = in_language(row, brief_from_row(row, also), locale)
    return loaded


async def lead(conn: AsyncConnection, brief_id: int, chars: int) -> Row[Any]:
    """What clustering needs of one brief: its feed, title and the first ``chars`` of its text."""
    return (await conn.execute(
        select(briefs.c.story_id, briefs.c.headline, briefs.c.created_at, entries.c.feed_id,
               entries.c.title, func.substr(entries.c.text, 1, chars).label("text"))
        .select_from(briefs.join(entries, entries.c.id == briefs.c.entry_id))
        .where(briefs.c.id == brief_id)
    )).one()


# Clustering runs these for every new brief: built once, so a brief pays only their
# execution, not the construction of a 42-value IN list and three statements.
# A story candidate's columns in the order callers unpack them (bot.routing.cluster reads them
# by position, ten times cheaper than by name): reorder the select and StoryCandidate together.
StoryCandidate = tuple[int, int | None, bytes]  # (brief id, story id, signature)


@lru_cache(maxsize=4)  # one count in practice (cluster.BANDS)
def _candidates(count: int) -> tuple[Select[StoryCandidate], tuple[str, ...]]:
    """The candidate read for ``count`` bands and its band parameters' names. One parameter a
    band, not an expanding IN list: SQLAlchemy writes an expanding list's SQL afresh at every
    execution, where a statement of plain parameters is compiled once (a brief always has
    cluster.BANDS bands, so one statement serves every brief)."""
    names = tuple(f"band_{n}" for n in range(count))
    statement = (
        select(briefs.c.id, briefs.c.story_id, briefs.c.signature)
        .where(briefs.c.id.in_(
            select(story_bands.c.brief_id)
            .where(story_bands.c.band.in_([bindparam(name, type_=story_bands.c.band.type)
                                           for name in names]),
                   story_bands.c.created_at >= bindparam("since"),
                   story_bands.c.feed_id != bindparam("not_feed"))),
            briefs.c.signature.is_not(None))
        .order_by(briefs.c.id.desc()).limit(bindparam("limit")))
    return statement, names


_SET_SIGNATURE = (update(briefs).where(briefs.c.id == bindparam("brief_id"))
                  .values(signature=bindparam("signature"), story_id=bindparam("story_id")))
_PRUNE_BANDS = delete(story_bands).where(story_bands.c.feed_id == bindparam("feed_id"),
                                         story_bands.c.created_at < bindparam("prune_before"))
_PRUNE_FEEDS_BANDS = delete(story_bands).where(
    story_bands.c.feed_id.in_(bindparam("feed_ids", expanding=True)),
    story_bands.c.created_at < bindparam("prune_before"))
_ADD_BANDS = insert(story_bands)
_BAND_COLUMNS = ("band", "brief_id", "feed_id", "created_at")


class _BandRows:
    """The bands' INSERT as the driver runs it, its rows' values processed by the columns'
    types as SQLAlchemy would. A brief's 42 rows differ only in the band, so the rest is
    processed once: SQLAlchemy's executemany processed every value of every row, two thirds
    of the insert's cost (issue 26: 0.35 ms of a new brief's, 0.15 ms at the driver)."""

    def __init__(self, dialect: Dialect) -> None:
        compiled = _ADD_BANDS.compile(dialect=dialect, column_keys=list(_BAND_COLUMNS))
        self.sql = compiled.string
        self.order = compiled.positiontup  # None: the driver takes named parameters
        # The dialect's own impl of each type, as SQLAlchemy's insert uses: the generic
        # DateTime's processor left SQLite's instant to the driver's default adapter, which
        # drops a whole second's microseconds, so text comparisons missed equal instants.
        self.process = {key: story_bands.c[key].type.dialect_impl(dialect)
                        .bind_processor(dialect) for key in _BAND_COLUMNS}

    def _value(self, key: str, value: Any) -> Any:
        process = self.process[key]
        return value if process is None else process(value)

    def rows(self, bands: list[int], **shared: Any) -> list[Any]:
        same = {key: self._value(key, value) for key, value in shared.items()}
        if self.order is None:
            return [{**same, "band": self._value("band", band)} for band in bands]
        at = self.order.index("band")
        before = tuple(same[key] for key in self.order[:at])
        after = tuple(same[key] for key in self.order[at + 1:])
        return [(*before, self._value("band", band), *after) for band in bands]


# One per kind of dialect, not per engine: a cache keyed on the dialect itself kept every
# engine's dialect (and what it holds) alive. Dialects of one class and paramstyle compile
# and process the bands alike.
_BAND_ROWS: dict[tuple[type[Dialect], str], _BandRows] = {}


def _band_rows(dialect: Dialect) -> _BandRows:
    key = (type(dialect), dialect.paramstyle)
    if key not in _BAND_ROWS:
        _BAND_ROWS[key] = _BandRows(dialect)
    return _BAND_ROWS[key]


async def story_candidates(conn: AsyncConnection, bands: list[int], *, since: datetime,
                           not_feed: int, limit: int) -> list[Row[StoryCandidate]]:
    """Recent briefs of other feeds sharing at least one band, newest first, with their
    signatures (never their texts): rows of (brief id, story id, signature), in that order."""
    if not bands:
        return []
    statement, names = _candidates(len(bands))
    return list(await conn.execute(statement, {**dict(zip(names, bands, strict=True)),
                                               "since": since, "not_feed": not_feed,
                                               "limit": limit}))


async def save_signature(conn: AsyncConnection, brief_id: int, *, feed_id: int,
                         created_at: datetime, signature: bytes, bands: list[int],
                         story_id: int | None, prune_before: datetime) -> None:
    """Store a saved brief's signature, story and bands (``save_bands``)."""
    await conn.execute(_SET_SIGNATURE, {"brief_id": brief_id, "signature": signature,
                                        "story_id": story_id})
    await save_bands(conn, brief_id, feed_id=feed_id, created_at=created_at, bands=bands,
                     prune_before=prune_before)


async def save_bands(conn: AsyncConnection, brief_id: int, *, feed_id: int,
                     created_at: datetime, bands: list[int],
                     prune_before: datetime | None) -> None:
    """The brief's bands. The feed's own bands older than the window go (``prune_before``;
    None: the caller prunes later, :func:`prune_bands`): a feed is polled by one worker at a
    time, so workers never delete the same rows."""
    if prune_before is not None:
        await conn.execute(_PRUNE_BANDS, {"feed_id": feed_id, "prune_before": prune_before})
    insert_bands = _band_rows(conn.dialect)
    await conn.exec_driver_sql(insert_bands.sql, insert_bands.rows(
        list(dict.fromkeys(bands)), brief_id=brief_id, feed_id=feed_id, created_at=created_at))


async def prune_bands(conn: AsyncConnection, feed_ids: list[int], *,
                      before: datetime) -> None:
    """The bands of ``feed_ids`` older than ``before``: a poll cycle's changed feeds in one
    statement, not one per brief (issue 26). Candidates older than the window are never read
    (``story_candidates``), so pruning late changes no story."""
    for part in _chunks(feed_ids):
        await conn.execute(_PRUNE_FEEDS_BANDS, {"feed_ids": part, "prune_before": before})


async def story_root(conn: AsyncConnection, brief_id: int) -> int:
    """The first brief of the brief's story (the brief itself when it started it)."""
    story = (await conn.execute(
        select(briefs.c.story_id).where(briefs.c.id == brief_id))).scalar_one()
    return int(story) if story is not None else brief_id


_CHUNK = 400  # ids per IN list: well inside every backend's parameter limit


def _chunks(values: list[Any]) -> list[list[Any]]:
    return [values[i:i + _CHUNK] for i in range(0, len(values), _CHUNK)]


async def period_briefs(conn: AsyncConnection, start: datetime, end: datetime,
                        limit: int) -> list[Row[Any]]:
    """The briefs created in [start, end), oldest first: id, story root and the moment to rank
    by (published, else created)."""
    return list(await conn.execute(
        select(briefs.c.id, func.coalesce(briefs.c.story_id, briefs.c.id).label("root"),
               briefs.c.published_at, briefs.c.created_at)
        .where(briefs.c.created_at >= start, briefs.c.created_at < end)
        .order_by(briefs.c.id).limit(limit)))


async def story_coverage(conn: AsyncConnection, roots: list[int]) -> dict[int, int]:
    """How many distinct sources carried each story."""
    coverage: dict[int, int] = {}
    root = func.coalesce(briefs.c.story_id, briefs.c.id)
    for part in _chunks(roots):
        rows = await conn.execute(
            select(root.label("root"), func.count(func.distinct(briefs.c.source)))
            .where(or_(briefs.c.id.in_(part), briefs.c.story_id.in_(part))).group_by(root))
        coverage.update((int(r), max(1, int(n))) for r, n in rows)
    return coverage


async def already_queued(conn: AsyncConnection, keys: list[str]) -> set[str]:
    """The outbox keys among ``keys`` that are already taken (a story posted instantly)."""
    taken: set[str] = set()
    for part in _chunks(keys):
        taken.update((await conn.execute(select(outbox.c.key).where(outbox.c.key.in_(part))))
                     .scalars())
    return taken


# Built once (issue 26): load_facts reads it for a digest's briefs (and tests); a new brief is
# routed on the facts the pipeline saved, not read back
_ROUTING_ROWS = (
    select(briefs.c.id, briefs.c.story_id, briefs.c.headline, briefs.c.points, briefs.c.tags,
           briefs.c.created_at, entries.c.title, entries.c.text.label("entry_text"),
           entries.c.categories, entries.c.author, feeds.c.id.label("feed_id"),
           feeds.c.url.label("feed_url"), feeds.c.title.label("feed_title"))
    .select_from(briefs.join(entries, entries.c.id == briefs.c.entry_id)
                 .join(feeds, feeds.c.id == entries.c.feed_id))
    .where(briefs.c.id.in_(bindparam("brief_ids", expanding=True))))


async def routing_rows(conn: AsyncConnection, brief_ids: list[int]) -> list[Row[Any]]:
    """What routing looks at for each brief: its words and tags, its entry and its feed."""
    return list((await conn.execute(_ROUTING_ROWS, {"brief_ids": brief_ids})).all())


RECENT_BRIEFS = 5000  # how far back "known tags" look


async def known_tags(conn: AsyncConnection,
                     tenants: Collection[str] | None = None) -> Counter[str]:
    """Tags seen on recent briefs and configured on feeds, with how often they occur; only of
    feeds ``tenants`` may read (another server's private feed's tags are not offered), and of
    the servers' links only ``tenants``' own (a server's tags for a feed are its own)."""
    counts: Counter[str] = Counter()
    readable = await tenancy.readable(conn, tenants)
    rows = await conn.execute(
        select(briefs.c.tags)
        .select_from(briefs.join(entries, entries.c.id == briefs.c.entry_id)
                     .join(feeds, feeds.c.id == entries.c.feed_id))
        .where(readable).order_by(briefs.c.id.desc()).limit(RECENT_BRIEFS))
    for (tags,) in rows:
        counts.update(normalise_tag(str(t)) for t in tags or [])
    for (tags,) in await conn.execute(select(feeds.c.tags).where(readable)):
        counts.update(normalise_tag(str(t)) for t in tags or [])
    links = select(feed_servers.c.tags)
    if tenants is not None:
        links = links.where(feed_servers.c.server.in_(list(tenants)))
    for (tags,) in await conn.execute(links):
        counts.update(normalise_tag(str(t)) for t in tags or [])
    counts.pop("", None)
    # One tag, one entry: "open-ai" and "openai" count together under the more frequent slug.
    merged: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for tag, n in counts.most_common():
        key = canonical_tag(tag)
        merged[shown.setdefault(key, tag)] += n
    return merged


# Prefix matching lets "삼성" find "삼성전자는" (Korean particles attach to words). The terms come
# from bot.commands.brief.search_terms (\w+ only), so nothing a user types reaches the FTS5 or
# tsquery syntax. ``{scope}`` is empty, or keeps the feeds a server may read (bot.store.tenancy).
_SQLITE_SEARCH = (
    "SELECT b.id FROM entries_fts JOIN briefs b ON b.entry_id = entries_fts.rowid "
    "WHERE entries_fts MATCH :query{scope} ORDER BY bm25(entries_fts), b.id DESC LIMIT :limit")
_PG_SEARCH = (
    "SELECT b.id FROM entries e JOIN briefs b ON b.entry_id = e.id "
    "WHERE to_tsvector('simple', coalesce(e.title, '') || ' ' || coalesce(e.\"text\", '')) "
    "@@ to_tsquery('simple', :query){scope} "
    "ORDER BY ts_rank(to_tsvector('simple', coalesce(e.title, '') || ' ' || "
    "coalesce(e.\"text\", '')), to_tsquery('simple', :query)) DESC, b.id DESC LIMIT :limit")
_SCOPE = " AND b.entry_id IN (SELECT id FROM entries WHERE feed_id IN :feed_ids)"


async def matching_briefs(conn: AsyncConnection, terms: list[str], *, limit: int,
                          tenants: Collection[str] | None = None) -> list[int]:
    """Ids of briefs whose article title or text has a word starting with each of ``terms``
    (word characters only), best match first; only from feeds ``tenants`` may read."""
    if conn.dialect.name == "postgresql":
        query, sql = " & ".join(f"{t}:*" for t in terms), _PG_SEARCH
    else:
        query, sql = " ".join(f'"{t}"*' for t in terms), _SQLITE_SEARCH
    feed_ids = await tenancy.readable_feed_ids(conn, tenants)
    params: dict[str, Any] = {"query": query, "limit": limit}
    statement = text(sql.format(scope=""))
    if feed_ids is not None:
        if not feed_ids:
            return []
        params["feed_ids"] = feed_ids
        statement = text(sql.format(scope=_SCOPE)).bindparams(
            bindparam("feed_ids", expanding=True))
    rows = await conn.execute(statement, params)
    return [int(brief_id) for (brief_id,) in rows]
