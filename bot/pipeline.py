"""One poll of the due feeds: fetch → parse → dedupe → enrich → summarize → store → route.

Everything a feed yields in one poll is committed in one transaction (entries, briefs, outbox
rows and the feed's new cache validators), so a crash or a shutdown mid-poll loses nothing: the
feed is simply fetched again, and seen entries are never posted twice.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlparse
from urllib.request import url2pathname

from sqlalchemy.exc import SQLAlchemyError

from bot import i18n, metrics
from bot.briefing import summarize_or_minimal
from bot.clock import Clock, now_utc
from bot.config import Settings
from bot.delivery import Destination
from bot.errors import FetchError, ParseError
from bot.feeds.assemble import PreparedFeed
from bot.feeds.fetch import FetchResult, HttpFetcher, body_hash_of
from bot.feeds.fulltext import enrich
from bot.feeds.memory import release_freed
from bot.feeds.parse import prepare_feed
from bot.feeds.schedule import next_check_after_failure, next_check_after_success, should_disable
from bot.i18n import N_
from bot.logs import get_log
from bot.models import Article, Brief, FeedItem, Notice, ParsedFeed
from bot.netguard import redact_url, shown_url
from bot.outbox.queue import enqueue, outbox_key
from bot.redact import redact
from bot.routing import route as routing
from bot.routing import updates
from bot.routing.burst import is_burst, too_old
from bot.routing.cluster import Lead, choose_story, keep_bands
from bot.store import AsyncConnection, Database, tenancy
from bot.store import briefs as brief_store
from bot.store import destinations as dest_store
from bot.store import entries as entry_store
from bot.store import feeds as feed_store
from bot.store.briefs import save_brief
from bot.store.feeds import FeedRow
from bot.summarize import Summarizer
from bot.summarize.base import Translator

log = get_log(__name__)
DISABLED_TITLE = N_("Feed disabled")
DISABLED_NOTE = N_("The feed {feed} was disabled: {reason}. An admin can re-enable it with "
                   "/feeds enable {id} once it works again.")



def disabled_notice(name: str, feed_id: int, reason: str, lang: str = "en") -> str:
    """What the channels that added a feed, and the operator, are told when it is disabled,
    in ``lang``; the command it names exists on every chat platform."""
    return i18n.translate(DISABLED_NOTE, lang, feed=name, reason=reason, id=feed_id)


@dataclass(slots=True)
class PollStats:
    feeds: int = 0
    unchanged: int = 0
    failed: int = 0
    new_items: int = 0
    briefs: int = 0
    errors: dict[str, int] = field(default_factory=dict)

@dataclass(slots=True)
class _Candidate:
    item: FeedItem
    post: bool  # False: remembered as seen but not posted (backfill limit, too old)
    brief: Brief | None = None
    translations: dict[str, Brief] = field(default_factory=dict)  # for other-language channels

async def read_local(url: str, max_bytes: int) -> FetchResult:
    """file:// feeds, which only the configuration can name (the offline samples use them)."""
    path = Path(url2pathname(urlparse(url).path))
    try:
        body = await asyncio.to_thread(path.read_bytes)
    except OSError as exc:
        raise FetchError("connect", f"cannot read {path}: {exc.strerror}", url=url) from None
    if len(body) > max_bytes:
        raise FetchError("too_large", f"{path} is over {max_bytes} bytes", url=url)
    return FetchResult(url=url, status=200, body=body, etag=None, last_modified=None,
                       body_hash=body_hash_of(body), not_modified=False,
                       permanent_url=None, retry_after=None, max_age=None, content_type=None)

_BATCHABLE = {"etag", "last_modified", "body_hash"}


def _unchanged(known: dict[str, entry_store.Known], rehashed: dict[str, tuple[str, str]]
               ) -> Callable[[str, str, Callable[[], str]], bool]:
    """Entries the store holds with the same raw hash: left out before their text is cleaned
    (on a changed feed usually all but one, see bot.feeds.assemble). One held with the same
    hash in the format before (an upgraded store) is as unchanged: ``rehashed`` gets its key,
    new hash and the stored hash it replaces, which is all that is written for it."""
    def unchanged(key: str, raw_hash: str, legacy: Callable[[], str]) -> bool:
        held = known.get(key)
        if held is None:
            return False
        if held.raw_hash == raw_hash:
            return True
        if held.raw_hash is not None and entry_store.held_by_legacy_hash(held.raw_hash, legacy):
            rehashed[key] = (raw_hash, held.raw_hash)
            return True
        return False
    return unchanged


def _facts(feed: FeedRow, brief_id: int, story_id: int | None, brief: Brief, item: FeedItem,
           now: datetime) -> routing.BriefFacts:
    """What routing decides on, from the values just stored: the entry and brief as inserted,
    the feed as claimed this cycle (its title or URL, written later in the same commit)."""
    return routing.brief_facts(
        brief_id=brief_id, story_root=brief_id if story_id is None else story_id,
        feed_id=feed.id, feed_url=feed.url, feed_name=feed.title or feed.url,
        headline=brief.headline, points=(p.text for p in brief.points), tags=brief.tags,
        article=Article(title=item.title, text=item.text, author=item.author,
                        categories=tuple(str(c) for c in item.categories)),
        created_at=now)


class Pipeline:
    """Polls due feeds and turns their new items into stored, routed briefs."""

    def __init__(self, *, db: Database, fetcher: HttpFetcher, summarizer: Summarizer,
                 settings: Settings, clock: Clock = now_utc,
                 on_feed_done: Callable[[int, int], None] | None = None) -> None:
        self.db = db
        self.fetcher = fetcher
        self.summarizer = summarizer
        self.settings = settings
        self.clock = clock
        self.on_feed_done = on_feed_done
        self.owner = f"{socket.gethostname()}:{os.getpid()}"
        self._unchanged: list[dict[str, Any]] = []
        # feed, entry key, raw hash, the legacy hash it replaces: see _commit
        self._rehashed: list[tuple[int, str, str, str]] = []
        self._bands_since: dict[int, datetime] = {}  # feed → its bands older than this go
        self.in_flight = 0  # feeds being fetched or processed now (said when stopping)

    async def poll_due(self, *, limit: int = 10_000, batch: bool = False) -> PollStats:
        """Poll every feed that is due now, a bounded number at a time. ``batch``: one of
        several calls that make up a cycle, which the caller times as a whole."""
        polling = self.settings.polling
        cycle_started = time.monotonic()
        now = self.clock()
        lease = timedelta(seconds=self.settings.network.total_timeout * 4 + 60)
        async with self.db.begin() as conn:
            due = await feed_store.claim_due(conn, now=now, owner=self.owner, limit=limit,
                                             lease=lease)
        stats = PollStats(feeds=len(due))
        gate = asyncio.Semaphore(polling.concurrency)
        # the destinations and the feeds' audiences, read once for the cycle's briefs
        cycle = routing.CycleTargets(row.id for row in due)
        done = 0

        async def one(row: FeedRow) -> None:
            async with gate:
                self.in_flight += 1
                try:
                    await self.poll_feed(row, stats, cycle=cycle)
                except Exception as exc:  # e.g. the store is down: the lease expires, retried
                    log.error("poll.feed_failed", feed_id=row.id, error=exc.__class__.__name__)
                    stats.failed += 1
                finally:
                    self.in_flight -= 1
            nonlocal done
            done += 1
            if self.on_feed_done:
                self.on_feed_done(done, len(due))

        try:
            await asyncio.gather(*(one(row) for row in due))
        except asyncio.CancelledError:
            # Shutting down mid-poll: nothing of an unfinished feed was committed; hand the
            # feeds back now rather than leave them leased for minutes.
            await self._release_leases([row.id for row in due])
            raise
        await self._flush_unchanged(stats)
        if stats.feeds - stats.unchanged:  # bodies were parsed and dropped: give the pages back
            release_freed()
        metrics.poll_cycle(stats, None if batch else time.monotonic() - cycle_started)
        return stats

    async def idle_reason(self) -> str:
        """Why a poll found nothing due, in one line for ``run --once``."""
        async with self.db.read() as conn:
            rows = await feed_store.list_feeds(conn)
        enabled = [row for row in rows if row.disabled_at is None]
        if not rows:
            return "there are no feeds (newsbrief feeds add URL, or list them under feeds:)"
        if not enabled:
            return f"all {len(rows)} feeds are disabled (newsbrief feeds status says why)"
        soonest = min(enabled, key=lambda row: row.next_check_at)
        failing = [row for row in enabled if row.consecutive_failures]
        said = (f"none of {len(enabled)} feeds is due; the next, #{soonest.id}, at "
                f"{soonest.next_check_at:%Y-%m-%d %H:%M} UTC")
        if failing:
            said += (f"; {len(failing)} waiting after failures, e.g. #{failing[0].id}: "
                     f"{failing[0].last_error}")
        return said

    async def poll_feed(self, feed: FeedRow, stats: PollStats, *,
                        cycle: routing.CycleTargets | None = None) -> None:
        started = time.monotonic()
        try:
            result = await self._fetch(feed)
            prepared = None
            if result.body is not None:
                prepared = await asyncio.to_thread(
                    prepare_feed, result.body, url=result.url, content_type=result.content_type,
                    max_items=self.settings.polling.max_items_per_feed)
        except (FetchError, ParseError) as exc:
            await self._failed(feed, exc, stats)
            return
        except Exception as exc:  # a bug on one feed must not stop the others
            log.exception("poll.crashed", feed_id=feed.id)
            await self._failed(feed, exc, stats)
            return
        # A store error here is not the feed's fault: it propagates, and the lease expires.
        # A feed never polled has nothing stored to compare with: no read transaction of its
        # own (most of a cold first poll's store cost); _commit checks inside its transaction.
        known = (await self._known(feed, prepared) if prepared is not None and feed.first_polled
                 else {})
        parsed = None
        rehashed: dict[str, tuple[str, str]] = {}
        if prepared is not None:
            try:
                parsed = await asyncio.to_thread(prepared.finish, _unchanged(known, rehashed))
            except Exception as exc:
                log.exception("poll.crashed", feed_id=feed.id)
                await self._failed(feed, exc, stats)
                return
        if parsed is None:
            stats.unchanged += 1
        candidates, edited = self._new_items(feed, parsed, known) if parsed else ([], [])
        languages = await self._languages() if any(c.post for c in candidates) else set()
        for candidate in candidates:
            if candidate.post and parsed is not None:
                candidate.brief, candidate.translations = await self._summarize(
                    feed, parsed, candidate.item, languages)
        try:
            await self._commit(feed, result, parsed, candidates, edited, stats, cycle,
                               [(feed.id, key, new, old) for key, (new, old) in rehashed.items()])
        except SQLAlchemyError as exc:
            # Nothing of this poll was kept (one transaction): the lease expires and the feed is
            # fetched again, so no item is lost; the other feeds go on.
            log.error("poll.store_failed", feed_id=feed.id,
                      error=f"{exc.__class__.__name__}: {getattr(exc, 'orig', exc)}")
            stats.failed += 1
            stats.errors["store"] = stats.errors.get("store", 0) + 1
            return
        log.info("poll.done", feed_id=feed.id, new=sum(1 for c in candidates),
                 elapsed_ms=round((time.monotonic() - started) * 1000))

    async def _fetch(self, feed: FeedRow) -> FetchResult:
        if feed.url[:7].lower() == "file://":
            result = await read_local(feed.url, self.settings.network.max_body_bytes)
            if result.body_hash == feed.body_hash:
                result.body = None
                result.not_modified = True
            return result
        return await self.fetcher.fetch(feed.url, etag=feed.etag,
                                        last_modified=feed.last_modified,
                                        body_hash=feed.body_hash)

    async def _known(self, feed: FeedRow, prepared: PreparedFeed) -> dict[str, entry_store.Known]:
        # A read: on SQLite it neither queues behind this process's writers nor locks the file,
        # and needs no transaction (the feed's lease keeps its entries to this poller).
        async with self.db.read_alone() as conn:
            return await entry_store.known_hashes(conn, feed.id, prepared.keys)

    def _new_items(self, feed: FeedRow, parsed: ParsedFeed, known: dict[str, entry_store.Known]
                   ) -> tuple[list[_Candidate], list[FeedItem]]:
        """Items not seen before (on the first poll only the newest ``backfill`` are posted),
        and items seen before whose text has since been edited."""
        polling = self.settings.polling
        now = self.clock()
        # One entry per key: a feed can repeat an identical entry, which then has the same key.
        unique = {item.entry_key: item for item in reversed(parsed.items)}
        fresh = [item for item in parsed.items
                 if item.entry_key not in known and unique[item.entry_key] is item]
        # Same key, new text: an edit. Stored for search and digests, never posted again. (Same
        # text from changed raw fields is stored too, so its new raw hash spares the next poll.)
        edited = [item for key, item in unique.items() if key in known and (
            known[key].content_hash != item.content_hash or known[key].raw_hash != item.raw_hash)]
        # Newest first, so the backfill keeps the latest items; undated items keep feed order.
        order = sorted(range(len(fresh)), key=lambda i: (
            -(fresh[i].published or datetime.min.replace(tzinfo=UTC)).timestamp(), i))
        candidates: list[_Candidate] = []
        for rank, index in enumerate(order):
            item = fresh[index]
            post = not too_old(item.published, now, polling.max_item_age_days)
            if not feed.first_polled:
                post = post and rank < polling.backfill
            candidates.append(_Candidate(item, post))
        return candidates, edited

    async def _languages(self) -> set[str]:
        """The languages channels want, when the summarizer can write in them (issue 25)."""
        if not isinstance(self.summarizer, Translator):
            return set()
        async with self.db.begin() as conn:
            return await dest_store.subscribed_languages(conn)

    async def _summarize(self, feed: FeedRow, parsed: ParsedFeed, item: FeedItem,
                         languages: set[str]) -> tuple[Brief, dict[str, Brief]]:
        article = Article(
            title=item.title, text=item.text, url=item.link, lang=item.lang or parsed.lang,
            source=feed.title or parsed.title or urlparse(feed.url).hostname,
            published=item.published,
            categories=tuple(dict.fromkeys([*item.categories, *feed.tags])),
        )
        source: str = "feed"
        if self.settings.summarizer.full_text and item.link and item.link.startswith("http"):
            try:
                article, source = await enrich(article, self.fetcher.fetch_page)
            except Exception as exc:  # the full text is a bonus; the feed text still makes a brief
                log.error("enrich.failed", feed_id=feed.id, key=item.entry_key,
                          error=type(exc).__name__, exc_info=log.isEnabledFor(logging.DEBUG))
        with metrics.summarize_timer():
            # A summarizer failure gives the minimal brief (headline, feed text, link): an item
            # is never dropped because one stage of briefing tripped on it.
            brief = await summarize_or_minimal(self.summarizer, article,
                                               points=self.settings.summarizer.points)
            translations = await self._translations(article, brief, languages)
        brief.text_source = "article" if source == "article" else "feed"
        for other in translations.values():
            other.text_source = brief.text_source
        return brief, translations

    async def _translations(self, article: Article, brief: Brief,
                            languages: set[str]) -> dict[str, Brief]:
        """The brief in each other language a channel wants; one model call per article and
        language however many channels want it (the summarizer caches). A brief the model
        could not write in that language is left out: those channels get the original."""
        out: dict[str, Brief] = {}
        if not isinstance(self.summarizer, Translator):
            return out
        for lang in sorted(languages - {brief.lang}):
            try:
                other = await self.summarizer.summarize_in(
                    article, lang, points=self.settings.summarizer.points)
            except Exception as exc:  # the original brief still goes to every channel
                log.error("summarize.translation_failed", lang=lang, error=type(exc).__name__)
                continue
            if other.lang == lang:
                out[lang] = other
        return out

    async def _commit(self, feed: FeedRow, result: FetchResult, parsed: ParsedFeed | None,
                      candidates: list[_Candidate], edited: list[FeedItem],
                      stats: PollStats, cycle: routing.CycleTargets | None,
                      rehashed: list[tuple[int, str, str, str]]) -> None:
        """``rehashed``: unchanged entries whose legacy raw hash is rewritten in the current
        format, with the feed's other writes (lost with them in a crash, found again by their
        legacy hash on the next changed body)."""
        polling = self.settings.polling
        now = self.clock()
        next_at = next_check_after_success(
            now, interval=polling.interval, retry_after=result.retry_after,
            max_age=result.max_age, min_interval=polling.min_interval,
            max_interval=polling.max_interval)
        fields: dict[str, Any] = {"etag": result.etag, "last_modified": result.last_modified}
        if result.body_hash:
            fields["body_hash"] = result.body_hash
        if result.permanent_url and result.permanent_url != feed.url:
            fields["url"] = result.permanent_url
            log.info("feed.moved", feed_id=feed.id, to=redact_url(result.permanent_url))
        if parsed is not None:
            if not feed.title and parsed.title:
                fields["title"] = parsed.title
            if parsed.site_url and parsed.site_url != feed.site_url:
                fields["site_url"] = parsed.site_url
        if not candidates and not edited and set(fields) <= _BATCHABLE:
            # Nothing new: only bookkeeping, written with the cycle's other unchanged feeds in
            # one transaction (most feeds, most polls). Lost in a crash, the feed is polled again.
            self._unchanged.append({"feed_id": feed.id, "now": now, "next_at": next_at,
                                    "etag": fields["etag"],
                                    "last_modified": fields["last_modified"],
                                    "body_hash": fields.get("body_hash", feed.body_hash)})
            self._rehashed += rehashed
            return
        async with self.db.begin() as conn:
            await entry_store.rewrite_raw_hashes(conn, rehashed)
            if not feed.first_polled and candidates:
                # What another poller stored since this feed was claimed (its lease lost) is
                # not new. On SQLite this read is under the write lock, so nothing is stored
                # twice. On PostgreSQL it takes no lock: two pollers may both find nothing; the
                # unique (feed_id, entry_key) makes the later insert wait for the earlier commit
                # and fail, so that whole transaction rolls back (poll.store_failed) and the
                # other poller's entries and briefs stand alone.
                stored = await entry_store.known_hashes(
                    conn, feed.id, [candidate.item.entry_key for candidate in candidates])
                candidates = [c for c in candidates if c.item.entry_key not in stored]
            for item in edited:
                await updates.note_edit(conn, feed.id, item, now=now)  # before the old text goes
                await entry_store.update_edited(conn, feed.id, item)
            brief_ids: list[int] = []
            saved: list[routing.BriefFacts] = []  # routed from here, never read back
            bands_since: datetime | None = None  # the story window's start: see _flush_unchanged
            seen_only: list[FeedItem] = []  # inserted together, in feed order with the others
            for candidate in candidates:
                if candidate.brief is None:
                    seen_only.append(candidate.item)
                    continue
                await entry_store.insert_entries(conn, feed.id, seen_only, now=now)
                seen_only = []
                entry_id = await entry_store.insert_entry(conn, feed.id, candidate.item, now=now)
                item = candidate.item
                lead = Lead(feed.id, item.title or candidate.brief.headline, item.text, now)
                # Its story is chosen first, so the brief is saved with it in one insert.
                story = await choose_story(conn, lead, now=now)
                brief_id = await save_brief(conn, entry_id=entry_id, brief=candidate.brief,
                                            now=now, story_id=story.story_id,
                                            signature=story.signature,
                                            translations=candidate.translations)
                await keep_bands(conn, brief_id, lead, story, prune=False)  # _flush_unchanged
                bands_since = story.since
                brief_ids.append(brief_id)
                saved.append(_facts(feed, brief_id, story.story_id, candidate.brief, item, now))
            await entry_store.insert_entries(conn, feed.id, seen_only, now=now)
            if is_burst(len(brief_ids), self.settings.delivery.burst_threshold):
                await routing.route_burst(conn, feed.id, brief_ids, now=now, cycle=cycle,
                                          saved=saved)
            else:
                for facts in saved:
                    await routing.route_brief(conn, facts.brief_id, now=now, cycle=cycle,
                                              saved=facts)
            if not await feed_store.record_success(conn, feed.id, now=now, next_check_at=next_at,
                                                   owner=self.owner, **fields):
                log.warning("poll.lease_lost", feed_id=feed.id)  # its new holder's write stands
            await self._tell_operator(conn, now)
        if bands_since is not None:
            self._bands_since[feed.id] = min(self._bands_since.get(feed.id, now), bands_since)
        stats.new_items += len(candidates)
        stats.briefs += len(brief_ids)

    async def _release_leases(self, feed_ids: list[int]) -> None:
        async with self.db.begin() as conn:
            await feed_store.release_leases(conn, feed_ids, owner=self.owner)
        await self._flush_unchanged(PollStats())

    async def _admin(self, conn: AsyncConnection) -> dest_store.DestinationRow | None:
        """delivery.admin_destination, or the console when that is a destination."""
        admin = self.settings.delivery.admin_destination
        dest = await dest_store.get(conn, admin) if admin else None
        return dest or await dest_store.get(conn, "console:")

    async def _tell_operator(self, conn: AsyncConnection, now: datetime) -> None:
        """The summarizer's notices (its model budget ran out) to the admin destination."""
        notes = self.summarizer.take_notices() if isinstance(self.summarizer, Translator) else []
        dest = await self._admin(conn) if notes else None
        if dest is None:
            return
        for note in notes:
            await enqueue(conn, key=outbox_key("summarizer-notice", now.isoformat(), note),
                          destination_id=dest.id, now=now,
                          notice=Notice(title="Summarizer notice", text=note))

    async def _tell_disabled(self, conn: AsyncConnection, feed: FeedRow, reason: str,
                             now: datetime) -> None:
        """Told once when a feed is disabled: every channel that added it in chat (DESIGN.md),
        whether or not it follows anything there, and the operator: delivery.admin_destination,
        else the console when that is a destination. A feed from the configuration, the CLI or
        OPML has only the operator to tell; a chat-added one is heard without an operator."""
        adders = await feed_store.link_adders(conn, feed.id)
        if feed.added_by and not tenancy.is_operator_owner(feed.added_by):
            adders.insert(0, (feed.added_by, feed.added_server or ""))
        told = {}
        for ref, server in adders:
            if ref not in told:
                told[ref] = await dest_store.get_or_create(conn, Destination(ref), now=now,
                                                           server=server or None)
        operator = await self._admin(conn)
        if operator is not None:
            told.setdefault(operator.ref, operator)
        for dest in told.values():
            lang = i18n.choose(dest.locale)  # each hears it in its own language
            # the reason is outside text (an error): redacted before it is stored and posted
            note = disabled_notice(feed.title or shown_url(feed.url), feed.id, redact(reason),
                                   lang)
            await enqueue(conn, key=outbox_key("feed-disabled", feed.id, dest.id,
                                               now.isoformat()),
                          destination_id=dest.id, now=now,
                          notice=Notice(title=i18n.translate(DISABLED_TITLE, lang), text=note))
        log.info("feed.disabled_told", feed_id=feed.id, destinations=len(told))

    async def _flush_unchanged(self, stats: PollStats) -> None:
        """The cycle's batched writes, in one transaction: the story bands of its changed feeds
        older than the story window, in one statement (issue 26), the raw hashes rewritten in
        the current format of the unchanged entries of feeds with nothing new (one statement),
        then the bookkeeping of its unchanged feeds. Lost in a crash, those feeds are polled
        again (their entries found by their legacy hashes again), and the old bands stay until
        the flush of the cycle that gives the feed its next brief (its bands are saved with
        prune=False; bands older than the window are never read). The bands first: two
        workers flushing here lock the tables in the same order."""
        rows, self._unchanged = self._unchanged, []
        since, self._bands_since = self._bands_since, {}
        rehashed, self._rehashed = self._rehashed, []
        if not rows and not since:
            return  # rehashed rows come only with a row of their feed
        step = "prune_bands"
        try:
            async with self.db.begin() as conn:
                if since:
                    await brief_store.prune_bands(conn, sorted(since),
                                                  before=min(since.values()))
                step = "rewrite_raw_hashes"
                await entry_store.rewrite_raw_hashes(conn, rehashed)
                step = "record_unchanged"
                if rows:
                    await feed_store.record_unchanged(conn, rows, owner=self.owner)
                step = "commit"
        except SQLAlchemyError as exc:  # the leases expire and these feeds are polled again
            # both writes are lost, whichever failed: say which, and what each held
            log.error("poll.store_failed", step=step, feeds=len(rows), band_feeds=len(since),
                      error=f"{exc.__class__.__name__}: {getattr(exc, 'orig', exc)}")
            stats.errors["store"] = stats.errors.get("store", 0) + len(rows)

    async def _failed(self, feed: FeedRow, exc: Exception, stats: PollStats) -> None:
        polling = self.settings.polling
        kind = getattr(exc, "kind", "parse" if isinstance(exc, ParseError) else "internal")
        stats.failed += 1
        stats.errors[kind] = stats.errors.get(kind, 0) + 1
        failures = feed.consecutive_failures + 1
        now = self.clock()
        next_at = next_check_after_failure(
            now, failures=failures, interval=polling.interval,
            retry_after=getattr(exc, "retry_after", None), max_backoff=polling.max_backoff,
            jitter_key=str(feed.id))
        reason = None
        if should_disable(failures, polling.max_failures):
            reason = f"{failures} failures in a row; last: {kind}: {exc}"
            log.warning("feed.disabled", feed_id=feed.id, reason=reason)
        log.info("poll.failed", feed_id=feed.id, kind=kind, failures=failures, error=exc)
        async with self.db.begin() as conn:
            await feed_store.record_failure(conn, feed.id, now=now, error=f"{kind}: {exc}",
                                            failures=failures, next_check_at=next_at,
                                            disable_reason=reason)
            if reason:
                await self._tell_disabled(conn, feed, reason, now)
