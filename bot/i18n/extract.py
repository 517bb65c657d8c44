"""The messages the code marks with ``_()`` / ``N_()``, found by Babel's extractor: what every
catalogue must translate. ``python -m bot.i18n.extract`` prints the ones ``ko.po`` lacks."""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.extract import extract_from_dir

from bot.i18n import HERE, available, catalogue

ROOTS = (HERE.parent, HERE.parent.parent / "adapters")  # the core, and the adapters' words


def marked_messages(roots: tuple[Path, ...] = ROOTS) -> set[str]:
    found: set[str] = set()
    for root in roots:
        if not root.is_dir():
            continue
        for _file, _line, message, _comments, _context in extract_from_dir(
                str(root), method_map=[("**.py", "python")], keywords={"_": None, "N_": None}):
            if isinstance(message, str) and message:
                found.add(message)
    return found


def missing(lang: str) -> list[str]:
    have = catalogue(lang)
    return sorted(m for m in marked_messages() if m not in have)


def main() -> int:
    gaps = {lang: missing(lang) for lang in sorted(available() - {"en"})}
    for lang, messages in gaps.items():
        for message in messages:
            print(f"{lang}: {message!r}")
    return 1 if any(gaps.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
