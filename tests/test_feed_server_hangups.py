"""The loopback feed server treats a client's hang-up as an event, not an error.

Tests make clients hang up on purpose (a fetcher that stops reading at its size cap closes
the connection with data unread, which resets it); the server used to print a standard
library traceback for each, noise in the suite's output that hid real server errors.
"""

from __future__ import annotations

import socket
import struct
import time

import pytest

from tests.support.feedserver import FeedServer


def _connect_and_reset(port: int) -> None:
    with socket.create_connection(("127.0.0.1", port)) as conn:
        # Linger with a zero timeout: close() sends a reset instead of a clean FIN, so the
        # server's wait for a request line fails with ECONNRESET.
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


def test_a_reset_connection_is_counted_and_prints_nothing(
    capfd: pytest.CaptureFixture[str],
) -> None:
    with FeedServer() as server:
        _connect_and_reset(server.port)
        deadline = time.monotonic() + 10
        while server.client_hang_ups == 0 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert server.client_hang_ups == 1
    assert "Exception occurred" not in capfd.readouterr().err
