"""Stories across feeds: near-duplicates join the first brief's story and are posted once."""

from __future__ import annotations

import hashlib
import json
import random
import zlib
from datetime import UTC, datetime, timedelta
from typing import Any

import numpy as np
import pytest
from sqlalchemy import BigInteger, event, func, insert, select, update
from sqlalchemy import text as sql_text
from sqlalchemy.dialects.postgresql import psycopg
from sqlalchemy.ext.asyncio import create_async_engine

from bot.routing import cluster
from bot.routing.cluster import MAX_CANDIDATES, fingerprint, same_story, similarity
from bot.store import briefs as brief_store
from bot.store import schema
from bot.store.briefs import load_brief
from bot.store.schema import entries, story_bands
from tests.support.feeds import item
from tests.support.leads import real_leads
from tests.support.statements import RecordingConnection, same_statements
from tests.support.world import (  # noqa: F401  (fixtures)
    CHANNEL,
    World,
    migrated_template_fixture,
    world_fixture,
)

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too

IPHONE = [
    ("Apple unveils iPhone 17 with thinner design at September event",
     "Apple on Tuesday unveiled the iPhone 17, its thinnest phone yet, at an event in Cupertino, "
     "California, alongside new Apple Watch models."),
    ("Apple announces thinner iPhone 17 at its September event",
     "Apple Inc unveiled the iPhone 17 on Tuesday, its thinnest phone so far, at its Cupertino, "
     "California event, along with new Apple Watch models."),
    ("iPhone 17 unveiled: Apple's thinnest phone yet",
     "Apple unveiled the iPhone 17 on Tuesday at its Cupertino, California event, calling it its "
     "thinnest phone yet, alongside new Apple Watch models."),
]
IPAD = ("Apple unveils new iPad Pro with M5 chip",
        "Apple on Tuesday unveiled a new iPad Pro powered by its M5 chip, with a brighter display "
        "and longer battery life, at an event in Cupertino.")
SAMSUNG = [
    ("삼성전자, 2분기 영업이익 10조원 돌파",
     "삼성전자가 올해 2분기 영업이익이 10조원을 넘어섰다고 7일 잠정 실적을 발표했다. "
     "반도체 업황 회복이 실적을 끌어올렸다."),
    ("삼성전자 2분기 영업이익 10조 돌파…반도체 회복",
     "삼성전자는 2분기 영업이익이 10조원을 넘었다고 7일 공시했다. 반도체 업황 회복이 실적 개선을 "
     "이끌었다."),
]
LG = ("LG전자, 2분기 영업이익 1조원 기록",
      "LG전자가 올해 2분기 영업이익 1조원을 기록했다고 7일 잠정 실적을 발표했다. 가전 사업 호조가 "
      "실적을 이끌었다.")


def test_similarity_separates_rewrites_from_lookalikes() -> None:
    a, b = (fingerprint(t, x) for t, x in IPHONE[:2])
    assert same_story(a, b)
    assert not same_story(a, fingerprint(*IPAD))
    k1, k2 = (fingerprint(t, x) for t, x in SAMSUNG)
    assert k1.hangul and same_story(k1, k2)
    assert not same_story(k1, fingerprint(*LG))
    assert similarity(a, k1) == 0.0  # scripts never mix


async def test_three_feeds_one_story_one_post_with_also_covered_by(world: World) -> None:
    feeds = [await world.feed(f"https://{name}.example/rss", name, ["tech"])
             for name in ("Wire", "Gadgets", "Daily")]
    assert not (await world.say("/subscribe #tech")).error
    ids = []
    for feed, (title, text), source in zip(feeds, IPHONE, ("Wire", "Gadgets", "Daily"),
                                           strict=True):
        brief_id = await world.brief(feed, title, text=text, tags=["tech"], source=source)
        ids.append(brief_id)
        await world.route(brief_id)
    rows = await world.rows(CHANNEL)
    assert [r.brief_id for r in rows] == [ids[0]]
    async with world.db.begin() as conn:
        first = await load_brief(conn, ids[0])
        third = await load_brief(conn, ids[2])
    assert first.also_covered_by == ["Gadgets", "Daily"]
    assert third.also_covered_by == ["Wire", "Gadgets"]
    # What the platform received is the brief with the story's other sources.
    await world.delivered()
    posted = world.platform.deliveries[0].message.brief
    assert posted is not None and posted.also_covered_by == ["Gadgets", "Daily"]


async def test_korean_near_duplicates_join_and_a_different_story_does_not(world: World) -> None:
    one = await world.feed("https://yonhap.example/rss", "연합뉴스")
    two = await world.feed("https://hankyung.example/rss", "한국경제")
    assert not (await world.say("/subscribe all")).error
    first = await world.brief(one, SAMSUNG[0][0], text=SAMSUNG[0][1], source="연합뉴스")
    second = await world.brief(two, SAMSUNG[1][0], text=SAMSUNG[1][1], source="한국경제")
    other = await world.brief(two, LG[0], text=LG[1], source="한국경제")
    assert [await world.route(b) for b in (first, second, other)] == [1, 0, 1]
    async with world.db.begin() as conn:
        assert (await load_brief(conn, first)).also_covered_by == ["한국경제"]
        assert (await load_brief(conn, other)).also_covered_by == []


async def test_same_feed_and_old_briefs_start_their_own_story(world: World) -> None:
    feed = await world.feed("https://wire.example/rss", "Wire")
    other = await world.feed("https://gadgets.example/rss", "Gadgets")
    await world.brief(feed, IPHONE[0][0], text=IPHONE[0][1], source="Wire")
    # A feed repeating itself, then another feed after the 48 h window: neither joins.
    again = await world.brief(feed, IPHONE[1][0], text=IPHONE[1][1], source="Wire")
    world.now += timedelta(hours=72)
    late = await world.brief(other, IPHONE[2][0], text=IPHONE[2][1], source="Gadgets")
    async with world.db.begin() as conn:
        assert (await load_brief(conn, again)).also_covered_by == []
        assert (await load_brief(conn, late)).also_covered_by == []


async def test_a_story_already_sent_by_one_feed_is_not_sent_by_another(world: World) -> None:
    """The first brief did not match (no keyword), the second did: sent once, by the second."""
    wire = await world.feed("https://wire.example/rss", "Wire")
    gadgets = await world.feed("https://gadgets.example/rss", "Gadgets")
    assert not (await world.say("/subscribe keyword:announces")).error
    first = await world.brief(wire, IPHONE[0][0], text=IPHONE[0][1], source="Wire")
    second = await world.brief(gadgets, IPHONE[1][0], text=IPHONE[1][1], source="Gadgets")
    assert await world.route(first) == 0
    assert await world.route(second) == 1
    assert await world.route(second) == 0  # routing twice is harmless


def test_a_signature_is_a_few_hundred_bytes_and_nothing_is_cached() -> None:
    """The old fingerprint kept ~33 KB of shingles per brief in an 8,192-entry LRU."""
    mine = fingerprint(IPHONE[0][0], IPHONE[0][1] * 20)
    assert len(mine.to_bytes()) <= 600
    assert cluster.Fingerprint.from_bytes(mine.to_bytes()) == mine
    assert not hasattr(cluster.fingerprint, "cache_info")


async def test_stories_are_matched_by_stored_signatures_not_by_article_texts(world: World) -> None:
    wire = await world.feed("https://wire.example/rss", "Wire")
    gadgets = await world.feed("https://gadgets.example/rss", "Gadgets")
    first = await world.brief(wire, IPHONE[0][0], text=IPHONE[0][1], source="Wire")
    # The first brief's article text is gone from under it: matching must not need it.
    async with world.db.begin() as conn:
        await conn.execute(update(entries).values(title="x", text=""))
    second = await world.brief(gadgets, IPHONE[1][0], text=IPHONE[1][1], source="Gadgets")
    async with world.db.begin() as conn:
        assert (await load_brief(conn, second)).also_covered_by == ["Wire"]
        assert await brief_store.story_root(conn, second) == first


async def test_candidates_come_from_shared_bands_not_the_whole_window(world: World) -> None:
    """Many unrelated recent briefs: the new brief is compared with the few sharing a band."""
    wire = await world.feed("https://wire.example/rss", "Wire")
    gadgets = await world.feed("https://gadgets.example/rss", "Gadgets")
    for n in range(60):
        await world.brief(wire, f"Council {n} approves budget for road number {n * 7919}",
                          text=f"The council of district {n} voted on {n * 31} items.")
    story = await world.brief(wire, IPHONE[0][0], text=IPHONE[0][1], source="Wire")
    mine = fingerprint(IPHONE[1][0], IPHONE[1][1])
    async with world.db.begin() as conn:
        found = await brief_store.story_candidates(
            conn, mine.bands(), since=world.now - timedelta(hours=48), not_feed=gadgets,
            limit=MAX_CANDIDATES)
    assert story in {row.id for row in found}
    assert len(found) < 10
    # choose_story unpacks a candidate by position: the order is the contract
    assert all(row._fields == ("id", "story_id", "signature") for row in found)
    brief_id, story_id, signature = next(row for row in found if row.id == story)
    assert (brief_id, isinstance(signature, bytes)) == (story, True)
    assert story_id is None or isinstance(story_id, int)


def test_similarities_of_many_signatures_equal_each_similarity() -> None:
    texts = [*IPHONE, *SAMSUNG, IPAD,
             ("삼성전자 신제품 발표", "삼성전자가 오늘 새 스마트폰을 공개했다")]
    prints = [fingerprint(title, text) for title, text in texts]
    for mine in prints:
        assert cluster.similarities(mine, [p.to_bytes() for p in prints] + [b"\x00"]) == [
            similarity(mine, theirs) for theirs in prints] + [0.0]


async def test_a_brief_is_compared_with_all_its_candidates_at_once(
        world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """One numpy comparison however many recent briefs share a band: comparing candidates one
    by one made a brief's cost grow with the window (issue 26)."""
    wire = await world.feed("https://wire.example/rss", "Wire")
    gadgets = await world.feed("https://gadgets.example/rss", "Gadgets")
    for n in range(30):
        await world.brief(wire, f"{IPHONE[0][0]} {n}", text=IPHONE[0][1])
    calls = {"one": 0, "many": 0}
    one, many = cluster.similarity, cluster.similarities

    def count_one(*args: object) -> float:
        calls["one"] += 1
        return one(*args)  # type: ignore[arg-type]

    def count_many(*args: object) -> list[float]:
        calls["many"] += 1
        return many(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(cluster, "similarity", count_one)
    monkeypatch.setattr(cluster, "similarities", count_many)
    await world.brief(gadgets, IPHONE[1][0], text=IPHONE[1][1], source="Gadgets")
    assert calls == {"one": 0, "many": 1}


async def test_a_feed_prunes_its_own_bands_older_than_the_window(world: World) -> None:
    wire = await world.feed("https://wire.example/rss", "Wire")
    gadgets = await world.feed("https://gadgets.example/rss", "Gadgets")
    old_wire = await world.brief(wire, IPHONE[0][0], text=IPHONE[0][1])
    old_gadgets = await world.brief(gadgets, SAMSUNG[0][0], text=SAMSUNG[0][1])
    world.now += timedelta(hours=72)
    await world.brief(wire, IPAD[0], text=IPAD[1])

    async def bands_of(brief_id: int) -> int:
        async with world.db.begin() as conn:
            return int((await conn.execute(select(func.count()).select_from(story_bands)
                                           .where(story_bands.c.brief_id == brief_id))).scalar())
    assert await bands_of(old_wire) == 0
    assert await bands_of(old_gadgets) == cluster.BANDS  # another feed's rows are its own


def test_same_template_different_stories_never_pass_for_one() -> None:
    """Items that share a template (Jaccard 0.25-0.35) across many pairs: a coarse estimate let a
    few of 45,000 pairs through as "the same story" (tests/test_scale.py lost 43 posts)."""
    prints = [fingerprint(i["title"], i["text"])
              for i in (item(1, topic=f"t{n}x") for n in range(150))]
    assert not [(a, b) for a in range(len(prints)) for b in range(a + 1, len(prints))
                if same_story(prints[a], prints[b])]


async def test_a_lead_in_hand_clusters_as_the_lead_read_back(world: World) -> None:
    """The pipeline hands assign_story the brief it just saved (issue 26: one read fewer per
    brief): same story, same signature and bands as reading the brief back, text past
    LEAD_CHARS ignored alike."""
    feeds = [await world.feed(f"https://{n}.example/rss", n) for n in ("Wire", "Gadgets", "Daily")]
    long_text = IPHONE[1][1] + " " + "More on the phone and the event. " * 20
    assert len(long_text) > cluster.LEAD_CHARS
    first = await world.brief(feeds[0], IPHONE[0][0], text=IPHONE[0][1])
    in_hand = await world.brief(feeds[1], IPHONE[1][0], text=long_text + " one ending",
                                cluster=False)
    read_back = await world.brief(feeds[2], IPHONE[1][0], text=long_text + " another")
    async with world.db.begin() as conn:
        story = await cluster.assign_story(conn, in_hand, now=world.now, lead=cluster.Lead(
            feeds[1], IPHONE[1][0], long_text + " one ending", world.now))
        stored = {int(r.id): r for r in await conn.execute(
            select(brief_store.briefs.c.id, brief_store.briefs.c.story_id,
                   brief_store.briefs.c.signature))}
        bands = {b: sorted(int(x) for x in (await conn.execute(
            select(story_bands.c.band).where(story_bands.c.brief_id == b))).scalars())
                 for b in (in_hand, read_back)}
    assert story == first == stored[in_hand].story_id == stored[read_back].story_id
    assert bytes(stored[in_hand].signature) == bytes(stored[read_back].signature)
    assert bands[in_hand] == bands[read_back] and len(bands[in_hand]) > 1


# sha256 of Fingerprint.to_bytes() by the code before issue 26's faster MinHash (the `%` over one
# NUM_PERM × shingles array): the signatures stored in a live window must keep matching.
STORED_SIGNATURES = [
    (IPHONE[0], "470c8eb60c7271ef"),
    (SAMSUNG[0], "a9884477b0859f26"),
    (("", ""), "f4dfb3bc21349804"),
    (("A title only", ""), "1dcb035d225e6c2b"),
    ((IPHONE[1][0] * 3, IPHONE[1][1] * 5), "d47c15e324abe833"),
]


@pytest.mark.parametrize(("lead", "digest"), STORED_SIGNATURES)
def test_a_signature_is_the_one_the_store_already_holds(lead: tuple[str, str], digest: str) -> None:
    signature = fingerprint(*lead).to_bytes()
    assert hashlib.sha256(signature).hexdigest()[:16] == digest


@pytest.mark.parametrize("lead", [IPHONE[2], LG])
def test_a_signature_is_the_textbook_minhash(lead: tuple[str, str]) -> None:
    """The low byte of min over the shingles of (a·x + b) mod p, in Python integers."""
    title, text = lead
    mine = fingerprint(title, text)
    body = cluster.normalise(f"{title} {text[:cluster.LEAD_CHARS]}")
    n = cluster.HANGUL_N if mine.hangul else cluster.LATIN_N
    hashes = {zlib.crc32(body[i:i + n].encode()) for i in range(max(1, len(body) - n + 1))}
    a, b = cluster._seeds()
    expected = bytes(min((ai * x + bi) % cluster._PRIME for x in hashes) & 0xFF
                     for ai, bi in zip(a, b, strict=True))
    assert mine.signature == expected



def _random_leads(count: int) -> list[tuple[str, str]]:
    """Titles and texts over ASCII, accented Latin, Hangul and emoji, some pure ASCII."""
    rng = random.Random(26)
    alphabets = ["abcdefghij klmnopqrstuvwxyz ,.-'0123456789ABC",
                 "abcdé çñ øü ßfi   ", "가나다라 마바사 아자차 한국 ", "ab 😀 c\u00a0d ﬁ Ⅻ "]
    leads = []
    for _ in range(count):
        letters = "".join(rng.sample(alphabets, rng.randint(1, 2)))
        title, text = ("".join(rng.choices(letters, k=rng.randint(0, k))) for k in (80, 600))
        leads.append((title, text))
    return leads


def _shingle_hashes_one_by_one(title: str, text: str) -> list[int]:
    """The shingle hashes as the code before issue 26's bytes shingles computed them."""
    body = cluster.normalise(f"{title} {text[:cluster.LEAD_CHARS]}")
    n = cluster.HANGUL_N if fingerprint(title, text).hangul else cluster.LATIN_N
    return sorted({zlib.crc32(s.encode()) for s in
                   {body[i:i + n] for i in range(max(1, len(body) - n + 1))}})


def _check_shingle_hashes(leads: list[tuple[str, str]]) -> None:
    for title, text in leads:
        body = cluster.normalise(f"{title} {text[:cluster.LEAD_CHARS]}")
        n = cluster.HANGUL_N if fingerprint(title, text).hangul else cluster.LATIN_N
        hashes = cluster._shingle_hashes(body, n)
        assert hashes.dtype == np.uint64
        assert sorted(hashes.tolist()) == _shingle_hashes_one_by_one(title, text), (title, text)


def test_shingle_hashes_are_each_shingles_own_on_random_texts() -> None:
    _check_shingle_hashes(_random_leads(300))


def test_shingle_hashes_are_each_shingles_own_on_real_texts() -> None:
    _check_shingle_hashes(real_leads())


def test_the_script_is_hangul_when_over_three_in_ten_letters_are() -> None:
    for title, text in [*_random_leads(300), SAMSUNG[0], LG, IPAD, ("ab 가", ""), ("a 가", "")]:
        body = cluster.normalise(f"{title} {text[:cluster.LEAD_CHARS]}")
        letters = sum(ch.isalpha() for ch in body) or 1
        hangul = sum("\uac00" <= ch <= "\ud7a3" for ch in body) / letters > 0.3
        assert fingerprint(title, text).hangul == hangul, (title, text)


def test_a_band_key_is_the_blake2b_of_its_script_number_and_rows() -> None:
    for title, text in [*_random_leads(300), SAMSUNG[0], IPAD]:
        mine = fingerprint(title, text)
        rows = cluster.BAND_ROWS
        assert mine.bands() == [int.from_bytes(hashlib.blake2b(
            bytes([mine.hangul, band]) + mine.signature[band * rows:(band + 1) * rows],
            digest_size=8).digest(), "big", signed=True) for band in range(cluster.BANDS)]


@pytest.mark.parametrize("which", range(0, 300, 37))
def test_random_signatures_are_the_textbook_minhash(which: int) -> None:
    test_a_signature_is_the_textbook_minhash(_random_leads(300)[which])


@pytest.mark.parametrize("which", [0, 7, 210])  # two wire stories (ASCII), a Korean article
def test_real_signatures_are_the_textbook_minhash(which: int) -> None:
    leads = real_leads()
    test_a_signature_is_the_textbook_minhash(leads[which])


async def test_clustering_statements_are_built_once_not_per_brief() -> None:
    """Building the candidates' select (a 42-value IN list) and the three writes, and their
    cache keys, cost a third of a millisecond per brief (issue 26); built once, they cost
    nothing, and each brief passes only its values."""
    since = datetime(2026, 3, 2, tzinfo=UTC)
    runs = []
    for brief_id in (1, 2):
        conn = RecordingConnection()
        await brief_store.story_candidates(conn, [brief_id, 7], since=since,  # type: ignore[arg-type]
                                           not_feed=3, limit=MAX_CANDIDATES)
        await brief_store.save_signature(conn, brief_id, feed_id=3, created_at=since,  # type: ignore[arg-type]
                                         signature=b"s", bands=[brief_id], story_id=None,
                                         prune_before=since)
        runs.append(conn.statements)
    assert len(runs[0]) == 4
    assert same_statements(runs)


async def test_the_candidate_read_is_compiled_once_for_a_briefs_bands() -> None:
    """An expanding IN list of a brief's 42 bands had SQLAlchemy write the read's SQL afresh at
    every execution (issue 26); one plain parameter a band is compiled once and served from
    the statement cache, with nothing left to render at execution: two briefs' reads find one
    compiled statement in the cache and run its SQL as compiled. No band reads nothing."""
    engine = create_async_engine("sqlite+aiosqlite://")
    cache: dict[Any, Any] = {}
    sent: list[str] = []
    event.listen(engine.sync_engine, "before_cursor_execute",
                 lambda conn, cursor, sql, *rest: sent.append(sql))
    try:
        async with engine.connect() as conn:
            await conn.run_sync(schema.metadata.create_all)
            conn = await conn.execution_options(compiled_cache=cache)
            sent.clear()
            for first_band in (0, 1000):  # two briefs, each of cluster.BANDS bands
                await brief_store.story_candidates(
                    conn, list(range(first_band, first_band + cluster.BANDS)),
                    since=datetime(2026, 3, 2, tzinfo=UTC), not_feed=3, limit=MAX_CANDIDATES)
            (compiled,) = cache.values()
            assert sent == [compiled.string] * 2
            assert await brief_store.story_candidates(
                conn, [], since=datetime(2026, 3, 2, tzinfo=UTC), not_feed=3,
                limit=MAX_CANDIDATES) == []
            assert len(sent) == 2
    finally:
        await engine.dispose()


def test_the_candidate_reads_band_parameters_are_typed_as_the_band_column() -> None:
    """An untyped parameter is typed by the driver: psycopg sends a small band as a smaller
    integer than the BIGINT column, so PostgreSQL compares across types; each band is sent as
    the column's type, cast in the SQL."""
    statement, names = brief_store._candidates(cluster.BANDS)
    compiled = statement.compile(dialect=psycopg.dialect())
    assert all(isinstance(compiled.binds[name].type, BigInteger) for name in names)
    assert f"%({names[0]})s::BIGINT" in compiled.string


async def test_a_briefs_bands_share_their_values_processed_once(
        world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLAlchemy's executemany processed every value of each of a brief's 42 band rows (a
    third of a millisecond per brief, issue 26); what the rows share is processed once, and
    each row still stores exactly what it did (signed 64-bit bands, the aware UTC instant)."""
    feed = await world.feed("https://wire.example/rss", "Wire")
    brief_id = await world.brief(feed, IPAD[0], text=IPAD[1], cluster=False)
    bands = [-(2 ** 63), 2 ** 63 - 1, 0, *range(-20, 19), 7]  # 42 given, one repeated
    created = datetime(2026, 3, 2, 9, 30, 15, 123456, tzinfo=UTC)
    processed: list[datetime] = []
    process = schema.UTCDateTime.process_bind_param

    def counting(self: schema.UTCDateTime, value: datetime | None, dialect: Any) -> Any:
        if value == created:
            processed.append(value)
        return process(self, value, dialect)

    monkeypatch.setattr(schema.UTCDateTime, "process_bind_param", counting)
    monkeypatch.setattr(brief_store, "_BAND_ROWS", {})  # processors built anew, counting
    async with world.db.begin() as conn:
        await brief_store.save_bands(conn, brief_id, feed_id=feed, created_at=created,
                                     bands=bands, prune_before=None)
    assert len(processed) == 1
    async with world.db.read() as conn:
        stored = (await conn.execute(
            select(story_bands.c.band, story_bands.c.feed_id, story_bands.c.created_at)
            .where(story_bands.c.brief_id == brief_id))).all()
    assert sorted(row.band for row in stored) == sorted(set(bands))
    assert {(row.feed_id, row.created_at) for row in stored} == {(feed, created)}


async def test_a_briefs_bands_store_their_instant_as_sqlalchemys_own_insert_does(
        world: World) -> None:
    """The bands' hand-processed instant took the generic type's processor, not the dialect's:
    on SQLite the driver's default adapter wrote a whole second without its microseconds, so the
    text comparisons of ``story_candidates`` and the prune missed or dropped a band at an equal
    instant. Both inserts store the same value, both bands are read from that instant and
    neither is pruned before it."""
    feed = await world.feed("https://wire.example/rss", "Wire")
    ours = await world.brief(feed, IPAD[0], text=IPAD[1], cluster=False)
    theirs = await world.brief(feed, IPAD[0] + " again", text=IPAD[1], cluster=False)
    created = datetime(2026, 3, 2, 9, 30, 15, tzinfo=UTC)  # a whole second
    async with world.db.begin() as conn:
        await brief_store.save_bands(conn, ours, feed_id=feed, created_at=created, bands=[1],
                                     prune_before=None)
        await conn.execute(insert(story_bands), [
            {"band": 2, "brief_id": theirs, "feed_id": feed, "created_at": created}])
    async with world.db.read() as conn:
        raw = dict((await conn.execute(
            sql_text("SELECT band, created_at FROM story_bands WHERE band IN (1, 2)"))).all())
        since = (await conn.execute(select(story_bands.c.band).where(  # as story_candidates
            story_bands.c.band.in_([1, 2]), story_bands.c.created_at >= created))).scalars().all()
    assert raw[1] == raw[2]
    assert sorted(since) == [1, 2]
    async with world.db.begin() as conn:
        await brief_store.prune_bands(conn, [feed], before=created)
    async with world.db.read() as conn:
        left = (await conn.execute(select(story_bands.c.band)
                                   .where(story_bands.c.band.in_([1, 2])))).scalars().all()
    assert sorted(left) == [1, 2]


def test_the_bands_insert_is_kept_per_kind_of_dialect_not_per_engine() -> None:
    """Keyed on the dialect itself, the bands' insert kept every engine's dialect alive."""
    first, second = (create_async_engine("sqlite+aiosqlite://") for _ in range(2))
    assert first.dialect is not second.dialect
    assert (brief_store._band_rows(first.dialect)
            is brief_store._band_rows(second.dialect))


def test_story_decisions_on_the_stored_corpus_are_pinned() -> None:
    """Every lead of the real corpus (wire stories and Korean science news), a rewrite of every
    fifth and a same-opening, other-story variant of every ninth, each compared with all
    before it: which it joins and every score, as the code at 17d8a21 decided them (sha256 of
    their JSON). A cheaper fingerprint or comparison must leave both unmoved."""
    leads = real_leads()
    base = len(leads)
    leads += [(title + " update", "Updated: " + text) for title, text in leads[::5]]
    leads += [(title, text[:150] + " " + leads[(k + 7) % base][1])
              for k, (title, text) in enumerate(leads[:base:9])]
    prints = [fingerprint(title, text) for title, text in leads]
    blobs = [p.to_bytes() for p in prints]
    joins, scores = [], []
    for i, mine in enumerate(prints):
        found = cluster.similarities(mine, blobs[:i])
        threshold = cluster.HANGUL_THRESHOLD if mine.hangul else cluster.LATIN_THRESHOLD
        joins.append([j for j, score in enumerate(found) if score >= threshold])
        scores.append(found)
    assert (len(leads), sum(map(len, joins))) == (295, 74)
    assert hashlib.sha256(json.dumps(joins).encode()).hexdigest()[:16] == "a68a70e03dca8942"
    assert hashlib.sha256(json.dumps(scores).encode()).hexdigest()[:16] == "dbf8f4aa037ad5fb"
