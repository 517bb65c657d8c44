"""Regenerates docs/RELIABILITY.md: runs the hostile-input tests, one table row per test.

    .venv/bin/python scripts/reliability_report.py [--out docs/RELIABILITY.md]

Each row's "hostile case" and "expected" come from the test's docstring (lines starting
``hostile case:`` and ``expected:``); tests without one (the older fetch/parse/netguard tests)
are described by their name. The "observed" column is what pytest's JUnit XML says happened:
a passing test observed the expected outcome, an ``xfail`` is a known gap (its reason says which
file and function), a failure is a regression. Exit status 1 when any test failed.
"""

from __future__ import annotations

import argparse
import importlib
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# Modules whose every test is a hostile case, with the area each one covers.
HOSTILE_MODULES = {
    "test_hostile_network": "hostile network",
    "test_hostile_users": "hostile users",
    "test_properties": "hostile text (property-based)",
    "test_secrets": "secrets",
    "test_storage_faults": "storage faults",
}
# Older modules: only their tests whose names say they are about a hostile input.
OTHER_MODULES = {
    "test_netguard": ("SSRF guard", r"."),
    "test_fetch": ("hostile bodies (fetch)",
                   r"bomb|cap|drip|redirect|refused|scheme|credentials|corrupt|bounded"),
    "test_parse": ("hostile XML (parse)",
                   r"billion|quadratic|xxe|utf16_entities|oversized|bomb|100k|hostile|control|"
                   r"javascript|raises_parse_error|not_a_json_feed|far_future"),
    "test_text": ("hostile text (clean)", r"zero_width|bidi|control|script|hostile|broken"),
}
COLUMNS = ("Area", "Hostile case", "Expected", "Observed", "Test")


@dataclass(slots=True)
class Row:
    area: str
    case: str
    expected: str
    observed: str
    test: str


def run_pytest(junit: Path) -> int:
    targets = [f"tests/{name}.py" for name in [*HOSTILE_MODULES, *OTHER_MODULES]]
    command = [sys.executable, "-m", "pytest", *targets, "-q", "-p", "no:cacheprovider",
               f"--junitxml={junit}", "-o", "junit_family=xunit1"]
    print("running:", " ".join(command[2:]), file=sys.stderr)
    return subprocess.run(command, cwd=REPO, check=False).returncode


def _docstring(classname: str, name: str) -> str:
    """The test function's docstring, found by importing its module (and class, if any)."""
    parts = classname.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            target: object = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for attr in parts[cut:]:
            target = getattr(target, attr, None)
        function = getattr(target, name.split("[", 1)[0], None)
        return (getattr(function, "__doc__", None) or "").strip()
    return ""


def _field(doc: str, label: str) -> str:
    """The text after ``label:`` up to the next labelled line, as one line."""
    match = re.search(rf"^\s*{label}:\s*(.*?)(?=^\s*(?:hostile case|expected):|\Z)", doc,
                      re.S | re.M | re.I)
    return " ".join(match.group(1).split()) if match else ""


def _from_name(name: str) -> str:
    base, _, param = name.partition("[")
    text = base.removeprefix("test_").replace("_", " ")
    return text + (f" [{param.rstrip(']')}]" if param else "")


def _observed(case: ET.Element) -> str:
    for kind in ("failure", "error"):
        found = case.find(kind)
        if found is not None:
            first = (found.get("message") or kind).splitlines()[0][:160]
            return f"**FAIL** ({kind}): {first}"
    skipped = case.find("skipped")
    if skipped is not None:
        message = skipped.get("message") or ""
        if skipped.get("type") == "pytest.xfail" or message.startswith("xfail"):
            reason = message.removeprefix("xfail").strip(" :-").removeprefix("gap: ")
            return f"**known gap** (xfail): {reason}"
        return f"skipped: {message[:160]}"
    return "as expected (pass)"


def rows_from(junit: Path) -> list[Row]:
    sys.path.insert(0, str(REPO))
    rows: list[Row] = []
    for case in ET.parse(junit).getroot().iter("testcase"):
        classname, name = case.get("classname", ""), case.get("name", "")
        module = classname.split(".")[1] if classname.startswith("tests.") else classname
        if module in HOSTILE_MODULES:
            area = HOSTILE_MODULES[module]
        elif module in OTHER_MODULES:
            area, pattern = OTHER_MODULES[module]
            if not re.search(pattern, name):
                continue
        else:
            continue
        doc = _docstring(classname, name)
        param = name.partition("[")[2].rstrip("]")
        described = _field(doc, "hostile case")
        case_text = (f"{described} [{param}]" if described and param else described
                     or _from_name(name))
        expected = (_field(doc, "expected") or " ".join(doc.split("\n\n")[0].split())
                    or "as the test name says")
        rows.append(Row(area, case_text, expected, _observed(case),
                        f"`{module}.py::{name.split('[', 1)[0]}`"))
    return rows


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


# Everything above this line in RELIABILITY.md is written by hand and kept on regeneration.
MARKER = "<!-- generated by scripts/reliability_report.py below this line -->"


def preamble(path: Path) -> str:
    """The hand-written part of the existing file (delivery guarantees), if any."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    return text.split(MARKER, 1)[0] + MARKER + "\n\n" if MARKER in text else ""


def render(rows: list[Row]) -> str:
    passed = sum(r.observed.startswith("as expected") for r in rows)
    gaps = sum(r.observed.startswith("**known gap") for r in rows)
    failed = sum(r.observed.startswith("**FAIL") for r in rows)
    lines = [
        "## Reliability under hostile input",
        "",
        "Generated by `scripts/reliability_report.py` from a pytest run (JUnit XML); do not edit",
        "by hand. Regenerate with `.venv/bin/python scripts/reliability_report.py`.",
        "What each defence is and why is in [SECURITY.md](SECURITY.md).",
        "",
        f"**{len(rows)} hostile cases tried: {passed} behave as expected, {gaps} known gaps "
        f"(tests marked `xfail(strict=True)`, each naming the file to fix), {failed} failed.**",
        "",
        "| " + " | ".join(COLUMNS) + " |",
        "|" + "|".join("---" for _ in COLUMNS) + "|",
    ]
    order = list(HOSTILE_MODULES.values()) + [area for area, _ in OTHER_MODULES.values()]
    for row in sorted(rows, key=lambda r: order.index(r.area) if r.area in order else 99):
        lines.append("| " + " | ".join(_cell(x) for x in (row.area, row.case, row.expected,
                                                          row.observed, row.test)) + " |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "RELIABILITY.md")
    parser.add_argument("--junit", type=Path, help="use this JUnit XML instead of running pytest")
    args = parser.parse_args(argv)
    if args.junit:
        junit = args.junit
    else:
        junit = Path(tempfile.mkdtemp()) / "hostile.xml"
        run_pytest(junit)
    rows = rows_from(junit)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(preamble(args.out) + render(rows), encoding="utf-8")
    failed = sum(r.observed.startswith("**FAIL") for r in rows)
    print(f"wrote {args.out}: {len(rows)} rows, {failed} failed", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
