"""The seed-style briefs the fake model answers with (tests/data/llm/seed_briefs.jsonl, written
by hand for 47 dev articles of ../shared), the planted-error variants made from them
(planted.jsonl, by ``python -m tests.support.llm_seed plant``), and the grounding evaluation
(``python -m tests.support.llm_seed eval``) whose numbers docs/SUMMARIZER.md reports.

A brief cites article sentences by number *and* by fingerprint (a hash of the sentence), so
that a change in the sentence splitter moves the numbers but not what a point rests on: the
fake model renumbers its citations from the prompt it is sent. No article text is stored.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bot.summarize.facts import facts_of
from bot.summarize.grounding import ArticleContext, _squash, check_label, check_point
from bot.summarize.text import split_sentences

DATA = Path(__file__).resolve().parent.parent / "data" / "llm"
SEED = DATA / "seed_briefs.jsonl"
PLANTED = DATA / "planted.jsonl"
ARTICLE_FILES = ("articles/wire_dev.jsonl", "summaries/ko_sci_news_dev.jsonl")
KINDS = ("wrong_number", "wrong_name", "invented_quote", "flipped_negation", "wrong_sources")


def fingerprint(sentence: str) -> str:
    return hashlib.sha256(" ".join(sentence.split()).encode()).hexdigest()[:12]


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def load_articles(shared: Path) -> dict[str, dict[str, Any]]:
    """The dev articles by id, each with its ``sentences`` as the bot splits them."""
    out: dict[str, dict[str, Any]] = {}
    for name in ARTICLE_FILES:
        lang = "ko" if "ko_" in name else "en"
        for record in load_jsonl(shared / "data" / name):
            record["lang"] = lang
            record["sentences"] = split_sentences(record["text"], lang)
            out[record["id"]] = record
    return out


def cited(point: dict[str, Any], sentences: list[str]) -> list[str] | None:
    """The sentences a seed point rests on, found by fingerprint; None when one is missing."""
    by_print = {fingerprint(s): s for s in sentences}
    found = [by_print.get(f) for f in point["cites"]]
    return None if None in found else [s for s in found if s is not None]


def renumber(point: dict[str, Any], sentences: list[str]) -> list[int]:
    """The point's citations as numbers in ``sentences`` (the numbering of a prompt)."""
    index = {fingerprint(s): i for i, s in enumerate(sentences, 1)}
    return [index[f] for f in point["cites"] if f in index]


def verdicts(point: dict[str, Any], article: dict[str, Any], lang: str
             ) -> tuple[bool, str, bool]:
    """(point passes, its reason, label passes) under the bot's checker."""
    sentences = cited(point, article["sentences"])
    if sentences is None:
        raise LookupError(f"{article['id']}: a cited sentence is gone (splitter changed?)")
    context = ArticleContext(article["text"], article["lang"])
    v = check_point(point["text"], sentences, lang=lang, cited_lang=article["lang"],
                    context=context)
    lab = check_label(point["label"], sentences, lang=lang, cited_lang=article["lang"],
                      context=context, point=point["text"])
    return v.ok, v.reason, lab.ok


# -- playing the model -------------------------------------------------------------------------

_LINE = re.compile(r"^\[(\d+)\] (.*)$", re.M)


def prompt_sentences(body: dict[str, Any]) -> tuple[list[str], str]:
    """The numbered sentences a chat-completions request shows, and the language it asks
    for ("Write exactly 3 points in Korean.")."""
    user = body["messages"][-1]["content"]
    lang = "ko" if "points in Korean" in user else "en"
    return [m.group(2) for m in _LINE.finditer(user)], lang


def seed_answer(body: dict[str, Any], seed: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The seed brief for the article and language a request asks about, its citations
    renumbered to the prompt's numbers; None when the seed has no such brief."""
    sentences, lang = prompt_sentences(body)
    prints = {fingerprint(s) for s in sentences}
    for brief in seed:
        if brief["lang"] == lang and all(f in prints for p in brief["points"]
                                         for f in p["cites"]):
            return {"headline": brief["headline"], "tags": brief["tags"],
                    "points": [{"label": p["label"], "text": p["text"],
                                "sources": renumber(p, sentences)} for p in brief["points"]]}
    return None


# -- planting errors ---------------------------------------------------------------------------

_EN_NEG_REMOVE = [(r"\bdo not\b", "do"), (r"\bdoes not\b", "does"), (r"\bdid not\b", "did"),
                  (r"\bis not\b", "is"), (r"\bwas not\b", "was"), (r"\bnot\b ", ""),
                  (r"n[’']t\b", ""), (r"\bno\b", "a"), (r"\bnone of\b", "one of"),
                  (r"\bnever\b ", ""), (r"\bwithout\b", "with"), (r"\bneither\b", "either"),
                  (r"\bnor\b", "or")]
_EN_AUX = re.compile(r"\b(is|are|was|were|has|have|had|will|would|can|could|should|must|did|"
                     r"does|do)\b")
_KO_NEG_REMOVE = [("지 않았다", "았다"), ("지 않는다", "는다"), ("지 않", "고 있"),
                  ("없이", "있게"), ("없는", "있는"), ("없다", "있다"), ("없", "있"),
                  ("못했", "했"), ("못", ""),
                  ("불가능", "가능"), ("아닌", "인"), ("아니", "이")]


def flip_negation(text: str, lang: str) -> str | None:
    if lang == "ko":
        for old, new in _KO_NEG_REMOVE:
            if old in text:
                return text.replace(old, new, 1)
        return re.sub(r"다\.?$", "다는 것은 사실이 아니다.", text.rstrip(), count=1)
    for pattern, new in _EN_NEG_REMOVE:
        if re.search(pattern, text):
            return re.sub(pattern, new, text, count=1)
    m = _EN_AUX.search(text)
    if m:
        return text[:m.end()] + " not" + text[m.end():]
    m = re.search(r"\b(said|says|called|showed|found|made|won|took|became|turned|gathered)\b",
                  text)
    if m:
        verb = {"said": "say", "says": "say", "called": "call", "showed": "show",
                "found": "find", "made": "make", "won": "win", "took": "take",
                "became": "become", "turned": "turn", "gathered": "gather"}[m.group(1)]
        return f"{text[:m.start()]}did not {verb}{text[m.end():]}"
    return None


def wrong_number(text: str, rng: random.Random) -> str | None:
    found = list(re.finditer(r"\d+(?:[.,]\d+)*", text))
    if not found:
        return None
    m = rng.choice(found)
    digits = [i for i, ch in enumerate(m.group(0)) if ch.isdigit()]
    i = rng.choice(digits)
    old = m.group(0)[i]
    new = str((int(old) + rng.choice([1, 2, 3, 7])) % 10)
    if i == digits[0] and new == "0":
        new = str((int(old) + 4) % 10 or 5)
    changed = m.group(0)[:i] + new + m.group(0)[i + 1:]
    return text[:m.start()] + changed + text[m.end():]


def wrong_name(text: str, lang: str, article: dict[str, Any], cites: list[str],
               rng: random.Random) -> str | None:
    """A name of the point swapped for a name found elsewhere in the article (the confusion a
    model makes), or a stock name when the article has none to lend."""
    names = [n for n in facts_of(text, lang).names if len(n) > 2 and n in text]
    if not names:
        return None
    old = rng.choice(names)
    elsewhere = "\n".join(s for s in article["sentences"] if s not in cites)
    pool = [n for n in facts_of(elsewhere, article["lang"]).names
            if len(n) > 2 and (not n.isascii() or n[0].isupper())
            and _squash(n) not in _squash("\n".join(cites)) and n != old]
    if lang != article["lang"]:
        pool = [n for n in pool if n.isascii() == old.isascii()]
    stock = ["Johnson", "Geneva", "Microsoft"] if old.isascii() else ["부산", "삼성전자", "포스텍"]
    new = rng.choice(pool or stock)
    return text.replace(old, new, 1)


def invented_quote(text: str, lang: str, cites: list[str], rng: random.Random) -> str:
    """Words put in quotation marks that the cited sentences never say: the point's own
    wording quoted (a paraphrase passed off as a quote), or an added remark."""
    words = text.rstrip(".").split()
    source = _squash("\n".join(cites))
    starts = list(range(0, max(1, len(words) - 4)))
    rng.shuffle(starts)
    for start in starts:
        window = " ".join(words[start:start + 4])
        if len(window) > 8 and _squash(window) not in source and not re.search(
                "[\"“”‘’']", window):
            if lang == "ko":
                return text.replace(window, f"‘{window}’", 1)
            return text.replace(window, f"\u201c{window}\u201d", 1)
    if lang == "ko":
        return text.rstrip(".") + "며 “전례 없는 일”이라고 덧붙였다."
    return text.rstrip(".") + ", calling it \u201cunprecedented\u201d."


def wrong_sources(point: dict[str, Any], sentences: list[str], rng: random.Random
                  ) -> list[int] | None:
    """Other sentences of the article in place of the cited ones (the same count)."""
    own = set(point["sources"])
    others = [i for i in range(1, len(sentences) + 1) if i not in own]
    if len(others) < len(own):
        return None
    return sorted(rng.sample(others, len(own)))


def plant(seed: list[dict[str, Any]], articles: dict[str, dict[str, Any]]
          ) -> Iterator[dict[str, Any]]:
    rng = random.Random(25)
    for brief in seed:
        article = articles[brief["id"]]
        for n, point in enumerate(brief["points"]):
            cites = cited(point, article["sentences"]) or []
            text, lang = point["text"], brief["lang"]
            variants: dict[str, Any] = {
                "wrong_number": wrong_number(text, rng),
                "wrong_name": wrong_name(text, lang, article, cites, rng),
                "invented_quote": invented_quote(text, lang, cites, rng),
                "flipped_negation": flip_negation(text, lang),
            }
            for kind, new_text in variants.items():
                if new_text and new_text != text:
                    yield {"id": brief["id"], "lang": lang, "point": n, "kind": kind,
                           "text": new_text, "cites": point["cites"]}
            moved = wrong_sources(point, article["sentences"], rng)
            if moved:
                yield {"id": brief["id"], "lang": lang, "point": n, "kind": "wrong_sources",
                       "text": text, "cites": [fingerprint(article["sentences"][i - 1])
                                               for i in moved]}


# -- evaluation ----------------------------------------------------------------------------------

def evaluate(shared: Path) -> dict[str, Any]:
    """Faithful points refused and planted errors caught by the checker, with the reasons."""
    articles = load_articles(shared)
    seed = load_jsonl(SEED)
    briefs = {(b["id"], b["lang"]): b for b in seed}
    refused: list[str] = []
    labels_refused: list[str] = []
    faithful = 0
    for brief in seed:
        for n, point in enumerate(brief["points"]):
            ok, reason, label_ok = verdicts(point, articles[brief["id"]], brief["lang"])
            faithful += 1
            if not ok:
                refused.append(f"{brief['id']}/{brief['lang']}#{n}: {reason}")
            if not label_ok:
                labels_refused.append(f"{brief['id']}/{brief['lang']}#{n}")
    caught: Counter[str] = Counter()
    total: Counter[str] = Counter()
    missed: list[str] = []
    for variant in load_jsonl(PLANTED):
        brief = briefs[(variant["id"], variant["lang"])]
        point = {**brief["points"][variant["point"]], "text": variant["text"],
                 "cites": variant["cites"]}
        ok, _reason, _label = verdicts(point, articles[variant["id"]], variant["lang"])
        total[variant["kind"]] += 1
        if ok:
            missed.append(f"{variant['id']}/{variant['lang']}#{variant['point']} "
                          f"{variant['kind']}: {variant['text']}")
        else:
            caught[variant["kind"]] += 1
    return {"faithful": faithful, "refused": refused, "labels_refused": labels_refused,
            "planted": sum(total.values()), "caught": sum(caught.values()),
            "by_kind": {k: (caught[k], total[k]) for k in KINDS}, "missed": missed}


def _main(argv: list[str]) -> int:
    shared = Path(argv[2]) if len(argv) > 2 else Path(__file__).resolve().parents[3] / "shared"
    if argv[1:2] == ["plant"]:
        rows = list(plant(load_jsonl(SEED), load_articles(shared)))
        PLANTED.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                           encoding="utf-8")
        print(f"{len(rows)} planted errors -> {PLANTED}")
        return 0
    if argv[1:2] == ["eval"]:
        result = evaluate(shared)
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return 0
    print("usage: python -m tests.support.llm_seed plant|eval [SHARED_DIR]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv))
