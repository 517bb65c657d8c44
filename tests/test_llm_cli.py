"""The operator's doors to the model: `newsbrief summarize --summarizer llm` (compare with the
extractive briefs) and `check --live` (does the server serve the configured model?)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.delivery.render import brief_text
from bot.models import Brief, Point
from tests.support.cli import newsbrief, write_config
from tests.support.fake_openai import FakeOpenAI, completion
from tests.support.llm_data import ARTICLE, GOOD


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    (tmp_path / "config").mkdir()
    return tmp_path


@pytest.fixture
def fake() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(models=["llama3.1:8b", "qwen2.5:7b"]).running() as server:
        yield server


def config(workdir: Path, base_url: str, model: str = "llama3.1:8b") -> Path:
    # an Ollama-style local server: no key
    return write_config(workdir, f"summarizer:\n  openai:\n    base_url: {base_url}\n"
                                 f"    model: '{model}'\n    timeout: 5\n    retries: 0\n")


def test_summarize_with_the_llm_writes_the_model_and_its_labels(workdir: Path,
                                                                fake: FakeOpenAI) -> None:
    path = config(workdir, fake.base_url)
    line = json.dumps({"id": "a1", "title": ARTICLE.title, "text": ARTICLE.text}) + "\n"
    fake.script.append(completion(GOOD))
    llm = newsbrief("summarize", "--summarizer", "llm", "--config", str(path), cwd=workdir,
                    stdin=line)
    assert llm.returncode == 0, llm.stderr
    out = json.loads(llm.stdout)
    assert out["model"] == "llama3.1:8b"
    assert out["points"] == [p["text"] for p in GOOD["points"]]
    assert out["labels"] == [p["label"] for p in GOOD["points"]]
    assert "authorization" not in fake.requests[0]["headers"]  # no key for a local server
    plain = newsbrief("summarize", "--config", str(path), cwd=workdir, stdin=line)
    assert plain.returncode == 0, plain.stderr
    assert "model" not in json.loads(plain.stdout)  # extractive, as configured
    assert len(fake.requests) == 1


def test_check_live_finds_the_configured_model(workdir: Path, fake: FakeOpenAI) -> None:
    path = write_config(workdir, config(workdir, fake.base_url).read_text() +
                        "  kind: llm\n")
    result = newsbrief("check", "--live", "--json", "--config", str(path), cwd=workdir)
    found = [f for f in json.loads(result.stdout)["live"] if f["subject"].startswith("model")]
    assert found and found[0]["ok"], result.stdout + result.stderr
    assert "llama3.1:8b is available" in found[0]["detail"], result.stdout


def test_check_live_says_when_the_model_is_not_served(workdir: Path, fake: FakeOpenAI) -> None:
    path = write_config(workdir, config(workdir, fake.base_url, "mistral:7b").read_text() +
                        "  kind: llm\n")
    result = newsbrief("check", "--live", "--json", "--config", str(path), cwd=workdir)
    # Every assertion shows the whole answer: this test once failed under heavy load with no
    # text kept, and a recurrence must say which finding went wrong.
    shown = result.stdout + result.stderr
    assert result.returncode == 1, shown
    found = [f for f in json.loads(result.stdout)["live"] if f["subject"].startswith("model")]
    assert found and not found[0]["ok"], shown
    assert "llama3.1:8b, qwen2.5:7b" in found[0]["detail"], shown
    assert "ollama pull" in found[0]["fix"], shown


def test_a_brief_names_the_model_that_wrote_it() -> None:
    brief = Brief(headline="H", points=[Point("One.")], tags=[], url=None, lang="en",
                  model="llama3.1:8b")
    assert "summary by llama3.1:8b" in brief_text(brief)
    assert "llama3.1:8b 요약" in brief_text(brief, locale="ko")
    brief.model = None
    assert "summary by" not in brief_text(brief)


def test_summarize_keeps_every_answer_and_the_spend_for_the_next_run(workdir: Path,
                                                                     fake: FakeOpenAI) -> None:
    path = config(workdir, fake.base_url)
    lines = "".join(json.dumps({"id": f"a{n}", "title": f"{ARTICLE.title} {n}",
                                "text": ARTICLE.text}) + "\n" for n in range(2))
    fake.script.extend([completion(GOOD), completion(GOOD)])
    for _ in range(2):  # the second run asks nothing: both answers were kept
        run = newsbrief("summarize", "--summarizer", "llm", "--config", str(path), cwd=workdir,
                        stdin=lines)
        assert run.returncode == 0, run.stderr
        assert [json.loads(line)["model"] for line in run.stdout.splitlines()] == [
            "llama3.1:8b"] * 2
    assert len(fake.requests) == 2
    spent = json.loads(next(workdir.rglob("llm-budget.json")).read_text(encoding="utf-8"))
    assert spent["calls"] == 2  # the daily budget counts across runs
