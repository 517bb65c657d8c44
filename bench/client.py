"""HTTP client cost per conditional GET answered 304, for the unchanged-feed path (issue 26).

    python -m bench.client [--requests 2000] [--rounds 5]

The server is another process on loopback (bench.realworld.RemoteServer), so its CPU is not
counted. Each client makes the same keep-alive requests to one host; CPU µs per request, best
of --rounds, rounds interleaved so that load hits every client alike:

  floor       asyncio streams writing a request and reading the head: one pooled connection
  transport   httpx's transport (httpcore pool) called directly, no AsyncClient
  aiohttp     one aiohttp ClientSession (its connector keeps the connection alive)
  fetcher     what ships: bot.feeds.fetch.HttpFetcher.fetch (httpx AsyncClient, the guarded
              transport, the per-host slot, the timeout, the FetchResult)

Timings on a loaded machine are noise: compare the ratios within one run, and rerun quietly.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import time
from collections.abc import Awaitable, Callable

import aiohttp
import httpx

from bench.realworld import RemoteServer
from bot.feeds.fetch import HttpFetcher
from bot.netguard import AddressPolicy

Client = Callable[[], Awaitable[None]]


async def streams(host: str, port: int, path: str) -> tuple[Client, Callable[[], None]]:
    reader, writer = await asyncio.open_connection(host, port)
    request = (f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\n"
               'If-None-Match: "v"\r\n\r\n').encode()

    async def one() -> None:
        writer.write(request)
        head = await reader.readuntil(b"\r\n\r\n")
        length = 0
        for line in head.split(b"\r\n"):
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        if length:
            await reader.readexactly(length)

    return one, writer.close


async def run(requests: int, rounds: int) -> None:
    server = RemoteServer()
    try:
        server.set("/feed.xml", b"<rss version='2.0'><channel><title>x</title></channel></rss>",
                   etag='"v"')
        url = server.url("/feed.xml")
        host, port = "127.0.0.1", server.port
        floor, close_floor = await streams(host, port, "/feed.xml")
        transport = httpx.AsyncHTTPTransport()
        session = aiohttp.ClientSession()
        fetcher = HttpFetcher(policy=AddressPolicy(["127.0.0.0/8"]))

        async def via_transport() -> None:
            response = await transport.handle_async_request(
                httpx.Request("GET", url, headers={"If-None-Match": '"v"'}))
            await response.aread()

        async def via_aiohttp() -> None:
            async with session.get(url, headers={"If-None-Match": '"v"'}) as response:
                await response.read()

        async def via_fetcher() -> None:
            result = await fetcher.fetch(url, etag='"v"')
            assert result.not_modified

        clients: dict[str, Client] = {"floor": floor, "transport": via_transport,
                                      "aiohttp": via_aiohttp, "fetcher": via_fetcher}
        best = dict.fromkeys(clients, float("inf"))
        for client in clients.values():
            await client()  # connect outside the measurement
        for _ in range(rounds):
            for name, client in clients.items():
                started = time.process_time()
                for _ in range(requests):
                    await client()
                best[name] = min(best[name], (time.process_time() - started) / requests)
        close_floor()
        await transport.aclose()
        await session.close()
        await fetcher.aclose()
    finally:
        server.close()
    print(f"bench.client: {requests} conditional GETs (304) per round, best of {rounds}; load "
          "average " + " ".join(f"{x:.2f}" for x in os.getloadavg())
          + f" on {os.cpu_count()} CPUs (figures need a quiet machine)")
    for name, value in best.items():
        print(f"  {name:<10} {value * 1e6:8.0f} µs CPU per request  "
              f"{value / best['floor']:5.1f}x floor")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    asyncio.run(run(args.requests, args.rounds))


if __name__ == "__main__":
    main()
