"""Giving freed memory back to the system after a poll cycle.

A cycle parses feed bodies and article texts in worker threads and drops them again; glibc's
allocator keeps the freed pages of its heaps (one per thread that allocated) mapped and
resident, so a long-running bot's resident size stays at its busiest cycle's high-water mark.
``malloc_trim(0)`` returns the free pages at the heaps' ends and the free pages inside them.
Elsewhere (musl, macOS) this is a no-op.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from typing import Any

_libc: Any = None
_looked = False


def _malloc_trim() -> Any:
    global _libc, _looked
    if not _looked:
        _looked = True
        name = ctypes.util.find_library("c")
        try:
            libc = ctypes.CDLL(name) if name else None
            trim = libc.malloc_trim if libc is not None else None
        except (OSError, AttributeError):  # not glibc
            trim = None
        if trim is not None:
            # int malloc_trim(size_t pad): declared, so ctypes passes a size_t rather than
            # guessing an int from the Python value (our own CDLL: no one else's prototype)
            trim.argtypes = [ctypes.c_size_t]
            trim.restype = ctypes.c_int
        _libc = trim
    return _libc


def release_freed() -> bool:
    """Hand the allocator's free pages back to the system; False where that is not possible."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)  # MT-Safe (glibc): each arena is trimmed under its own lock
    return True
