"""The dashboard's sign-in and sessions over HTTP: every page needs one, CSRF, cookies, the
start-up token, expiry (issue 17). The pages themselves are in test_dashboard.py."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from adapters.recording import RecordingAdapter
from bot.dashboard.auth import COOKIE, Principal
from bot.store import feeds as feed_store
from tests.support.dashboard import SECRET, Harness, dashboard_settings
from tests.support.dashboard_fixtures import NOW, h  # noqa: F401  (fixture)

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too

GET_ROUTES = ["/", "/feeds", "/feeds/export.opml", "/feeds/import/x", "/destinations",
              "/destinations/1", "/deliveries", "/deliveries?partial=1", "/preview"]
POST_ROUTES = ["/feeds/preview", "/feeds/add", "/feeds/1/enable", "/feeds/1/disable",
               "/feeds/1/remove", "/feeds/import", "/destinations/1/subscribe",
               "/destinations/1/unsubscribe", "/destinations/1/settings",
               "/destinations/1/resume", "/destinations/1/test", "/preview"]


async def test_every_page_needs_a_session(h: Harness) -> None:
    for path in GET_ROUTES:
        response = await h.client.get(path, allow_redirects=False)
        assert response.status == 303, path
        assert response.headers["Location"].startswith("/login?next="), path
    fragment = await h.client.get("/deliveries?partial=1", headers={"X-Requested-With": "fetch"},
                                  allow_redirects=False)
    assert fragment.status == 401
    token = await h.csrf("/login")  # a valid CSRF token is not a sign-in
    for path in POST_ROUTES:
        response = await h.client.post(path, data={"csrf": token}, allow_redirects=False)
        assert response.status == 401, path


async def test_a_post_without_the_csrf_token_changes_nothing(h: Harness) -> None:
    await h.sign_in()
    async with h.app.db.begin() as conn:
        feed_id, _ = await feed_store.add_feed(conn, "https://a.example/feed", now=NOW)
    for data in ({}, {"csrf": "forged"}):
        response = await h.client.post(f"/feeds/{feed_id}/remove", data=data,
                                       allow_redirects=False)
        assert response.status == 403
        assert "did not come from this dashboard" in await response.text()
    async with h.app.db.begin() as conn:
        assert len(await feed_store.list_feeds(conn)) == 1
    response = await h.post(f"/feeds/{feed_id}/remove", page="/feeds")
    assert response.status == 303
    async with h.app.db.begin() as conn:
        assert await feed_store.list_feeds(conn) == []


async def test_login_with_the_secret_sets_a_safe_cookie(h: Harness) -> None:
    token = await h.csrf("/login")
    wrong = await h.client.post("/login", data={"csrf": token, "secret": "guess"},
                                allow_redirects=False)
    assert wrong.status == 401
    page = await wrong.text()
    assert "That is not the dashboard secret." in page and 'aria-invalid="true"' in page
    assert (await h.client.get("/", allow_redirects=False)).status == 303
    right = await h.client.post("/login", data={"csrf": token, "secret": SECRET,
                                                "next": "/feeds"}, allow_redirects=False)
    assert right.status == 303 and right.headers["Location"] == "/feeds"
    cookie = right.headers["Set-Cookie"]
    assert COOKIE in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert SECRET not in cookie
    assert (await h.client.get("/", allow_redirects=False)).status == 200


async def test_the_session_id_changes_at_sign_in(h: Harness) -> None:
    await h.client.get("/login")
    before = h.client.session.cookie_jar.filter_cookies(h.client.make_url("/"))[COOKIE].value
    await h.sign_in()
    after = h.client.session.cookie_jar.filter_cookies(h.client.make_url("/"))[COOKIE].value
    assert before != after
    assert h.dash.sessions.load(before) is None  # the pre-sign-in id is worth nothing now


async def test_login_never_redirects_off_site(h: Harness) -> None:
    for target in ("//evil.example/", "https://evil.example/", "/\\evil.example", "feeds"):
        token = await h.csrf("/login")
        response = await h.client.post("/login", data={"csrf": token, "secret": SECRET,
                                                       "next": target}, allow_redirects=False)
        assert response.headers["Location"] == "/", target


async def test_the_start_up_token_signs_in_and_leaves_the_url(h: Harness) -> None:
    bad = await h.client.get("/feeds?token=nope", allow_redirects=False)
    assert bad.status == 303 and bad.headers["Location"].startswith("/login")
    good = await h.client.get(f"/feeds?token={SECRET}&x=1", allow_redirects=False)
    assert good.status == 303 and good.headers["Location"] == "/feeds?x=1"
    assert (await h.client.get("/feeds", allow_redirects=False)).status == 200


async def test_sign_out_revokes_the_cookie(h: Harness) -> None:
    await h.sign_in()
    old = h.client.session.cookie_jar.filter_cookies(h.client.make_url("/"))[COOKIE].value
    assert (await h.post("/logout")).status == 303
    h.client.session.cookie_jar.clear()
    h.client.session.cookie_jar.update_cookies({COOKIE: old})  # a copy kept from before
    assert (await h.client.get("/", allow_redirects=False)).status == 303


async def test_a_tampered_cookie_is_no_session(h: Harness) -> None:
    await h.sign_in()
    value = h.client.session.cookie_jar.filter_cookies(h.client.make_url("/"))[COOKIE].value
    sid, _, signature = value.rpartition(".")
    h.client.session.cookie_jar.clear()
    h.client.session.cookie_jar.update_cookies({COOKIE: f"{sid}x.{signature}"})
    assert (await h.client.get("/", allow_redirects=False)).status == 303


async def test_pages_carry_security_headers(h: Harness) -> None:
    response = await h.client.get("/login")
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    static = await h.client.get("/static/dashboard.css")
    assert static.status == 200 and "--accent" in await static.text()
    looks = await h.client.get("/static/platforms.css")  # each adapter brings its own look
    assert ".discord-embed" in await looks.text() and ".slack-message" in await looks.text()


# -- scoping ------------------------------------------------------------------------------------

async def test_start_up_prints_a_token_url_that_signs_in(tmp_path: Path) -> None:
    import aiohttp

    from bot.app import App
    from bot.config import Secrets
    from bot.dashboard import serve_dashboard

    app = await App.create(dashboard_settings(tmp_path), Secrets(values={}),
                           adapters={"console": RecordingAdapter(name="console")})
    out = io.StringIO()
    server = await serve_dashboard(app, out=out)
    try:
        assert server is not None
        [line] = out.getvalue().splitlines()
        url = line.removeprefix("newsbrief dashboard: ")
        assert url.startswith("http://127.0.0.1:") and "/?token=" in url
        token = url.split("token=", 1)[1]
        assert len(token) >= 32 and token == server.dashboard.operator.value
        # unsafe: accept cookies from an IP address, as browsers do (aiohttp's jar does not)
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
            async with http.get(url) as response:
                assert response.status == 200 and response.url.path == "/"
                assert "Overview" in await response.text()
            http.cookie_jar.clear()
            async with http.get(url.replace(token, "x" * len(token)),
                                allow_redirects=False) as response:
                assert response.status == 303
    finally:
        if server is not None:
            await server.stop()
        await app.close()


async def test_a_taken_dashboard_port_stops_the_start_as_a_taken_health_port_does(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    import socket

    from bot.app import App
    from bot.config import Secrets
    from bot.dashboard import serve_dashboard
    from bot.errors import ConfigError

    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    port = taken.getsockname()[1]
    secrets = Secrets.model_validate({"values": {"NEWSBRIEF_DASHBOARD_SECRET": SECRET}})
    app = await App.create(dashboard_settings(tmp_path, port=port), secrets,
                           adapters={"console": RecordingAdapter(name="console")})
    try:
        out = io.StringIO()
        with pytest.raises(ConfigError) as refused:
            await serve_dashboard(app, out=out)
        assert refused.value.key == "dashboard.port" and f"127.0.0.1:{port}" in str(refused.value)
        assert out.getvalue() == "" and SECRET not in caplog.text + str(refused.value)
    finally:
        taken.close()
        await app.close()


def test_a_session_ends_when_its_time_is_up() -> None:
    from bot.dashboard.auth import Sessions

    now = [1000.0]
    sessions = Sessions(ttl=60, clock=lambda: now[0])
    session = sessions.new(Principal("operator", "operator", "Operator"))
    cookie = sessions.cookie_value(session)
    assert sessions.load(cookie) is session
    now[0] += 59
    assert sessions.load(cookie) is session
    now[0] += 2
    assert sessions.load(cookie) is None
    other = Sessions(ttl=60, clock=lambda: now[0])  # another start: another signing key
    assert other.load(sessions.cookie_value(sessions.new())) is None


def test_anonymous_visitors_never_push_a_signed_in_session_out() -> None:
    from bot.dashboard import auth

    sessions = auth.Sessions(ttl=3600)
    signed_in = sessions.cookie_value(sessions.new(Principal("operator", "operator", "Op")))
    for _ in range(auth.MAX_ANONYMOUS + 5):
        sessions.new()
    assert sessions.load(signed_in) is not None
