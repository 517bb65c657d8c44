"""OPML import and export (issue 13.5, 13.6, 13.11, 16.10): linear-time lenient reading, caps
with clear messages, no recursion, tags that survive a round trip, a summary of what was
skipped and why, and first polls spread out."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from bot.feeds.opml import (
    IMPORT_BATCH,
    MAX_FEEDS,
    OpmlError,
    OpmlFeed,
    import_opml,
    parse_opml,
    read_opml,
    read_opml_file,
    write_opml,
)
from bot.store import feeds as feed_store
from tests.test_cli import newsbrief, workdir  # noqa: F401  (fixture)
from tests.test_routing import (  # noqa: F401  (fixtures)
    World,
    migrated_template_fixture,
    world_fixture,
)

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too


@pytest.fixture
def cpu_guard() -> Iterator[None]:
    """A generous alarm, not a timing assertion: the old quadratic reader needed minutes for
    these inputs; a linear one needs milliseconds, so only a hang trips it."""
    def hung(*_: object) -> None:
        raise TimeoutError("OPML reading did not finish in 60 s")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def test_export_then_import_keeps_tags_and_titles() -> None:
    feeds = [OpmlFeed("https://a.example/rss", "Alpha & Co", ["ai", "반도체"]),
             OpmlFeed("https://b.example/rss?x=1&y=2", None, [])]
    back = read_opml(write_opml(feeds).encode())
    assert [(f.url, f.tags) for f in back] == [("https://a.example/rss", ["ai", "반도체"]),
                                               ("https://b.example/rss?x=1&y=2", [])]
    assert back[0].title == "Alpha & Co"


def test_folders_become_tags_and_broken_xml_is_still_read() -> None:
    doc = (b'<opml><body><outline text="Tech News"><outline text="Chips"><outline text="A & B" '
           b'xmlUrl="https://a.example/rss" category="ai,/Science/Space"></body>')  # stray &
    [feed] = read_opml(doc)
    assert feed.url == "https://a.example/rss"
    assert set(feed.tags) == {"ai", "science", "space", "tech-news", "chips"}


def test_every_skipped_outline_is_counted_with_its_reason() -> None:
    doc = b"""<opml version="2.0"><body>
      <outline text="ok" xmlUrl="https://ok.example/rss"/>
      <outline text="again" xmlUrl="https://ok.example/rss"/>
      <outline text="ftp" xmlUrl="ftp://files.example/rss"/>
      <outline text="local" xmlUrl="file:///etc/passwd"/>
      <outline text="creds" xmlUrl="https://user:pw@private.example/rss"/>
      <outline htmlUrl="https://site.example/"/>
    </body></opml>"""
    read = parse_opml(doc)
    assert [f.url for f in read.feeds] == ["https://ok.example/rss"]
    assert read.skipped == {"not an http(s) URL": 2,
                            "URL carries user:password@ credentials": 1,
                            "no feed URL (xmlUrl), only a web page": 1}


def _outlines(count: int) -> bytes:
    return b"<opml><body>" + b"".join(
        b'<outline xmlUrl="https://f%d.example/rss"/>' % i for i in range(count)
    ) + b"</body></opml>"


def test_a_file_over_the_caps_is_read_up_to_them_and_the_rest_counted() -> None:
    """issue 22.9: 50,000 outlines were refused outright; the first 10,000 are imported."""
    read = parse_opml(_outlines(50_000))
    assert len(read.feeds) == MAX_FEEDS == 10_000
    assert read.feeds[-1].url == "https://f9999.example/rss"
    assert read.skipped == {"beyond the 10,000 feeds one import takes (split the file)": 40_000}
    small = _outlines(30)
    cap = small.index(b'<outline xmlUrl="https://f10.')  # ten whole outlines fit
    read = parse_opml(small, max_bytes=cap + 5)
    assert [f.url for f in read.feeds] == [f"https://f{i}.example/rss" for i in range(10)]
    assert read.skipped == {"beyond the first 0 MB one import reads (split the file)": 20}
    with pytest.raises(OpmlError, match="not an OPML"):
        parse_opml(b"just some text")


def test_a_file_over_the_size_cap_is_streamed_and_its_rest_counted(tmp_path: Path) -> None:
    path = tmp_path / "big.opml"
    path.write_bytes(_outlines(60_000))  # about 2.7 MB: the rest crosses several chunks
    read = read_opml_file(path, max_bytes=100_000)
    kept = len(parse_opml(read.data, max_bytes=100_000).feeds)
    assert kept > 0 and read.beyond == 60_000 - kept


@pytest.mark.usefixtures("cpu_guard")
@pytest.mark.parametrize("doc", [
    # one long word inside a tag made the old fallback regex backtrack quadratically
    # (20 kB: 2.3 s; this one: about 15 minutes)
    b"<outline " + b"a" * 400_000 + b">",
    b"<opml><body><outline " + b"a" * 400_000 + b' xmlUrl="https://x.example/"></body></opml>',
])
def test_pathological_text_is_read_in_linear_time(doc: bytes) -> None:
    assert [f.url for f in read_opml(doc)] == (["https://x.example/"] if b"xmlUrl" in doc
                                               else [])


def test_deeply_nested_outlines_do_not_recurse() -> None:
    """5,000 nested folders used to raise RecursionError and import nothing."""
    doc = (b"<opml><body>" + b'<outline text="f">' * 5000
           + b'<outline text="deep" xmlUrl="https://deep.example/rss"/>'
           + b"</outline>" * 5000 + b"</body></opml>")
    assert [f.url for f in read_opml(doc)] == ["https://deep.example/rss"]


async def test_a_big_import_spreads_its_first_polls(world: World) -> None:
    doc = write_opml([OpmlFeed(f"https://f{i}.example/rss", f"F{i}", ["news"])
                      for i in range(1100)]).encode()
    progress: list[tuple[int, int]] = []
    summary = await import_opml(world.db, doc, now=world.now, spread=2.0,
                                progress=lambda done, total: progress.append((done, total)))
    assert (summary.added, summary.present) == (1100, 0)
    assert IMPORT_BATCH == 500 and progress == [(500, 1100), (1000, 1100), (1100, 1100)]
    async with world.db.begin() as conn:
        rows = await feed_store.list_feeds(conn)
    due = sorted(r.next_check_at for r in rows)
    assert due[0] == world.now and due[-1] == world.now + timedelta(seconds=2.0 * 1099)
    assert len(set(due)) == 1100 and all(r.tags == ["news"] for r in rows)
    again = await import_opml(world.db, doc, now=world.now)
    assert (again.added, again.present) == (0, 1100)


def test_cli_import_prints_what_was_skipped_and_why(workdir: Path) -> None:
    c = ["--config", str(workdir / "config" / "newsbrief.yaml")]
    (workdir / "config" / "newsbrief.yaml").write_text(
        f"data_dir: {workdir / 'data'}\n", encoding="utf-8")
    opml = workdir / "list.opml"
    opml.write_text('<opml><body><outline text="A" xmlUrl="https://a.example/rss" '
                    'category="ai"/><outline text="x" xmlUrl="ftp://x.example/"/>'
                    "</body></opml>", encoding="utf-8")
    done = newsbrief("feeds", "import", str(opml), *c, cwd=workdir)
    assert done.returncode == 0, done.stderr
    assert "imported 1 new feeds (0 already present)" in done.stderr
    assert "skipped 1: not an http(s) URL" in done.stderr
    listed = newsbrief("feeds", "list", *c, cwd=workdir)
    assert "ai" in listed.stdout
    missing = newsbrief("feeds", "import", str(workdir / "nope.opml"), *c, cwd=workdir)
    assert missing.returncode == 2  # a missing argument file is a usage error, one line
    [line] = missing.stderr.strip().splitlines()
    assert str(workdir / "nope.opml") in line and "does not exist" in line
    assert "Traceback" not in missing.stderr
