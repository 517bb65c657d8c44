"""The tag quality gate (issue 28): bench/tag_eval.py's numbers on the dev data may not fall
below tests/data/tag_baseline.json beyond the noise margin stated here. The summarizer is
deterministic, so "noise" is what an unrelated change legitimately moves: which sentences are
chosen shifts which names the points show (a tag's rank bonus). A baseline is updated on
purpose (``python -m bench.tag_eval --write-baseline``), in its own commit, saying why.
Skipped, loudly, without ../shared."""

from __future__ import annotations

import json
import sys

from tests.conftest import REPO, shared_path

# One CNN/DM tag is about 0.9 points of the salient share (112 tags): three tags' worth may
# move.
SALIENT_MARGIN = 0.03
# Fewer tags are fine ("when unsure, leave it out"), but not a collapse into none.
MIN_TAG_SHARE = 0.8
# Korean tags may not fall under this however the baseline moves: 0.8 of the 675 measured
# before read 41's rules (their 581 would have let it slide to 465).
KO_MIN_TAGS = 540
NOUNS_MARGIN = 0.01  # about a dozen Korean tags of 1,251
DUPLICATE_PAIRS_ALLOWED = 0  # the target is none, on every set


def test_tags_hold_the_baseline() -> None:
    for part in (("summaries", "cnndm_train_sample.jsonl"), ("articles", "wire_dev.jsonl"),
                 ("summaries", "ko_sci_news_dev.jsonl"), ("feeds", "real-world-ko")):
        shared_path(*part)
    sys.path.insert(0, str(REPO))
    from bench.tag_eval import BASELINE, measure

    base = json.loads(BASELINE.read_text())
    now = measure()
    assert now["cnndm_salient"] >= base["cnndm_salient"] - SALIENT_MARGIN, now
    assert now["cnndm_salient"] > now["cnndm_baseline_salient"], now  # beat the trivial one
    assert now["cnndm_tags"] >= MIN_TAG_SHARE * base["cnndm_tags"], now
    assert now["ko_tags"] >= max(MIN_TAG_SHARE * base["ko_tags"], KO_MIN_TAGS), now
    assert now["ko_nouns_only"] >= base["ko_nouns_only"] - NOUNS_MARGIN, now
    assert now["ko_fragment_tags"] == 0, now
    pairs = (now["cnndm_near_duplicate_pairs"] + now["wire_near_duplicate_pairs"]
             + now["ko_near_duplicate_pairs"])
    assert pairs <= DUPLICATE_PAIRS_ALLOWED, now
