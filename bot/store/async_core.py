"""SQLAlchemy's asyncio engine, connection and results (its Core half), without its ORM half.

``sqlalchemy.ext.asyncio``'s package module also imports the asyncio ORM (``AsyncSession``,
scoped sessions) and with it all of ``sqlalchemy.orm``: about 0.24 G instructions, a tenth of
what a chat command cost (issue 26), for a store that never opens a session. The Core half
lives in the package's own ``engine``, ``result``, ``base`` and ``exc`` modules, which import no
ORM. This registers the package without running its ``__init__`` and answers its Core names
from those modules; any other name (``AsyncSession``…) runs the package's ``__init__`` then,
so code that wants the ORM half still gets all of it, as SQLAlchemy wrote it.

``bot.store`` installs it before anything of its own imports the package; code outside the
store takes ``AsyncConnection`` from ``bot.store``, so no import order brings the ORM back.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import threading
from types import ModuleType
from typing import Any

import sqlalchemy.ext

PACKAGE = "sqlalchemy.ext.asyncio"
# the Core names of the package's __init__, by the module that defines each
CORE_NAMES = {
    **dict.fromkeys(("AsyncConnection", "AsyncEngine", "AsyncTransaction",
                     "async_engine_from_config", "create_async_engine",
                     "create_async_pool_from_url"), "engine"),
    **dict.fromkeys(("AsyncMappingResult", "AsyncResult", "AsyncScalarResult",
                     "AsyncTupleResult"), "result"),
}
# the modules of the Core half: imported as any submodule is (``from . import exc``)
CORE_MODULES = frozenset(("base", "engine", "exc", "result"))
# a thread asking for the ORM half while another runs the __init__ waits for it to finish
_init_lock = threading.RLock()
_init_running = False


class CoreFirstPackage(ModuleType):
    """The package module until a name outside its Core half is asked for."""

    def __getattr__(self, name: str) -> Any:  # only for names not set on the module yet
        global _init_running
        where = CORE_NAMES.get(name)
        if where is not None:
            value = getattr(importlib.import_module(f"{PACKAGE}.{where}"), name)
            setattr(self, name, value)
            return value
        if name in CORE_MODULES:  # not imported yet: the import system imports it
            raise AttributeError(name)
        with _init_lock:
            # not again from inside the __init__ (a name it has not bound yet is missing, as
            # in any module being imported)
            if type(self) is CoreFirstPackage and not _init_running:
                spec = self.__spec__
                assert spec is not None and spec.loader is not None
                _init_running = True
                try:
                    spec.loader.exec_module(self)
                finally:
                    _init_running = False
                self.__class__ = ModuleType  # type: ignore[assignment]  # a plain module now
        return ModuleType.__getattribute__(self, name)  # AttributeError if it has no such name


def install() -> None:
    """Register the package's module, its ``__init__`` not run, unless it is imported already
    (then whole: a test or a library came first, and nothing is left to spare)."""
    if PACKAGE in sys.modules:
        return
    spec = importlib.util.find_spec(PACKAGE)
    assert spec is not None  # SQLAlchemy 2 ships it
    package = importlib.util.module_from_spec(spec)
    package.__class__ = CoreFirstPackage
    sys.modules[PACKAGE] = package
    sqlalchemy.ext.asyncio = package  # as an import binds it


install()

from sqlalchemy.ext.asyncio.engine import (  # noqa: E402  (after install: the Core half only)
    AsyncConnection,
    AsyncEngine,
    create_async_engine,
)

__all__ = ["AsyncConnection", "AsyncEngine", "create_async_engine"]
