"""The speed rewrites of issue 11 give the same results as the code they replaced."""

from __future__ import annotations

import re

from bot.summarize import text as text_mod
from bot.summarize.lang import Memo
from bot.summarize.lang.en.tagging import keywords as english_keywords
from bot.summarize.lang.en.tags import MID_CAP
from bot.summarize.text import split_sentences


def test_whitespace_runs_collapse_as_before() -> None:
    # Only runs that change are substituted now; tabs, no-break spaces, doubled spaces and
    # blank or space-padded lines still come out exactly as the old full substitution gave.
    raw = "First  line\there.\u00a0Second one.\n \n\t Third\u00a0\u00a0line. \r\nFourth."
    old = [
        s
        for block in re.split(r"\s*\n\s*", re.sub(r"[ \t\u00a0]+", " ", raw))
        for s in text_mod._split_block(block.strip(), "en")
        if block.strip()
    ]
    assert split_sentences(raw, "en") == old
    assert split_sentences(raw, "en") == [
        "First line here.",
        "Second one.",
        "Third line.",
        "Fourth.",
    ]


def test_mid_sentence_capitals_found_back_to_back() -> None:
    # The whitespace-first pattern must still find a capital right after another one's end
    # ("at Acme Labs"), which a pattern consuming the character before would miss.
    body = "He works at Acme Labs, then Zeta. Bo said x Y z W."
    old = re.findall(r"(?<=[a-z0-9,;:]\s)[A-Z][\w&'’-]*", body)
    assert MID_CAP.findall(body) == old == ["Acme", "Labs", "Zeta", "Y", "W"]
    assert english_keywords("", [body])["Zeta"] == 1


def test_term_cache_is_bounded() -> None:
    # A long-running bot sees endless distinct tokens: the cache empties when full.
    cache = Memo(text_mod._term_of, 3)  # text._TERMS, with a bound of 3
    for word in ("alpha", "beta", "gamma", "delta", "epsilon"):
        assert cache[word] == text_mod._term_of(word)
        assert len(cache) <= 3
    assert cache["Profits"] == "profit" and cache["the"] is None


def test_five_word_check_counts_words_not_spaces() -> None:
    from bot.summarize.extractive import _usable

    # Trailing and doubled whitespace are no words: four words stay too few.
    assert not _usable("Supercalifragilistic words only four   ", "en")
    assert _usable("Five words make a sentence here.", "en")


def test_sentence_openers_found_without_match_objects() -> None:
    # A capitalised word opening the body or a line proves nothing unless it is also written
    # mid-sentence; the findall rewrite must keep telling the two apart.
    body = "Apple rose.\nShares in Apple fell.\nBanana split."
    scores = english_keywords("", body.split("\n"))
    assert scores["Apple"] == 2  # its opening use counts because "in Apple" is mid-sentence
    assert "Banana" not in scores and "Shares" not in scores


def test_names_found_with_the_tests_behind_the_capital_as_before() -> None:
    # PROPER_AT looks behind the name's first capital for the line break and for a letter it
    # would sit inside; the pattern with both tests in front of it gave the same names.
    from bot.summarize.lang.en.tags import PROPER, PROPER_AT

    old = re.compile(r"(\n?)(?<![A-Za-z0-9])(" + PROPER.pattern + ")")
    text = (
        "\nApple rose.\nShares in Apple Inc fell.\niPad Pro sales\tUp. Bank of England\n"
        "A\nX-Men's  O'Neil said 3M and MacBook, U.S. Army (UK) 'Quoted Name' iOS7 Z.\nB"
    )
    found = [(nl, name) for name, nl in PROPER_AT.findall(text)]
    assert found == old.findall(text)
    assert ("\n", "Apple") in found and ("", "Apple Inc") in found and ("", "Pro") in found
    assert ("\n", "A") in found and ("", "Bank of England") in found


def test_korean_boilerplate_split_three_ways_as_before() -> None:
    # One alternation searched at every character became three patterns (openings at the
    # start, the rest anywhere, an e-mail address where there is an "@"): same verdicts.
    from bot.summarize.lang.ko.segment import boilerplate

    old = re.compile(
        r"무단\s*(?:전재|복제)|재배포\s*금지|저작권자|ⓒ|©|[(\[]\s*(?:사진|그래픽|자료|영상|출처)\s*(?:제공)?\s*="
        r"|^\s*(?:사진|그래픽|자료|영상)\s*(?:제공)?\s*=|제공\s*=|[\w.+-]+@[\w-]+\.[\w.]+|^\s*[▶△▲☞■]"
        r"|^\s*(?:관련\s*기사|기사\s*원문|더보기)"
        r"|^\s*(?:편집자\s?주|※)|사례를\s?각색|우연에\s?의한\s?것"
        r"|에서\s?계속$|^<[^>]{1,30}>$|연재\.?$"
    )
    lines = [
        "<저작권자 ⓒ 연합뉴스, 무단 전재-재배포 금지>", "홍길동 기자 hong@yna.co.kr",
        "사진=연합뉴스", " 영상 제공 = KBS", "본문 (출처=기상청)",
        "[자료 제공 = 기상청] 본문", "기상청 제공=연합뉴스", "▶ 관련기사",
        "관련 기사 보기", "더보기", "편집자 주: 연재", "※ 알림", "사례를 각색했습니다",
        "우연에 의한 것", "②에서 계속", "<다른 회차>", "매주 연재.",
        "정부가 3일 대책을 발표했다.", "관련 기사를 보면", "그는 ※ 표시를",
        "이메일 hong@yna 없음", "@yna.co.kr", "a@b.c", "본문 <다른 회차>", "사진은 없다",
        "연재 중이다", "무단전재", "그는 “사진=없다”고 했다",
    ]
    assert [boilerplate(s) for s in lines] == [bool(old.search(s)) for s in lines]


def test_credit_sentences_dropped_beside_a_headline_only_where_the_body_has_credits() -> None:
    # Each sentence is checked for a credit only when the whole body holds one: a sentence
    # with a credit is still left out of the names, and with none every sentence counts.
    credited = ["Photo credit Doug Mills at Getty Images, London.",
                "Rates rose as Jay Powell met Doug Mills in London."]
    scores = english_keywords("Rates rise", credited)
    assert scores["Doug Mills"] == 1 and scores["London"] == 1 and "Getty Images" not in scores
    plain = ["Doug Mills took pictures in London.", "Rates rose as Jay Powell met Doug Mills."]
    scores = english_keywords("Rates rise", plain)
    assert scores["Doug Mills"] == 2 and scores["Jay Powell"] == 1 and scores["London"] == 1


def test_korean_inner_marks_found_with_the_digit_tests_after_the_mark_as_before() -> None:
    # A period between two digits is no mark; every other ".", "!", "?" and "…" is.
    from bot.summarize.korean import _INNER_MARK

    old = re.compile(r"[!?…]|(?<!\d)\.|\.(?!\d)")
    lines = ["3.5%가 늘었다. 정부는", "1.a", "a.1", "1..2", "!1", "1!", "x…1", "U.S. 스틸", "v2.0!"]
    for line in lines:
        assert [m.start() for m in _INNER_MARK.finditer(line)] == [
            m.start() for m in old.finditer(line)], line


def test_features_weighted_zero_are_skipped_without_moving_a_score() -> None:
    # Given the fitted weights, the pool leaves a feature weighted zero at 0.0 (Korean's row
    # has no headline_cover, no question and no headline_numbers weight): every candidate's
    # weighted score must stay what the full feature table gives.
    from bot.summarize.extractive import ExtractiveSummarizer, weights_for
    from bot.summarize.scoring import STATIC
    from bot.summarize.text import content_words

    summarizer = ExtractiveSummarizer()
    stories = [
        ("en", "Rates rise 3 times in 2024", "The bank raised rates 3 times in 2024. Why did "
         "it act now? Prices rose 5% in the year to May, the bank said. Its governor said "
         "rates would stay high for 2 more years. Markets fell 2% after the news came out."),
        ("ko", "정부, 3일 부동산 대책 발표", "정부가 3일 수도권 부동산 대책을 발표했다.\n대책에는 "
         "공공주택 5만 가구 공급이 담겼다.\n정부는 왜 지금 대책을 내놨을까?\n전문가들은 집값이 "
         "3% 내릴 것으로 본다.\n부동산 대책은 내년 3월에 시행된다."),
    ]
    for lang, title, text in stories:
        sentences = split_sentences(text, lang)
        words = [content_words(s, lang) for s in sentences]
        cands = summarizer.candidates(sentences, title, lang)
        weights = weights_for(lang)
        full = summarizer.pool(cands, words, title, content_words(title, lang), lang)
        lean = summarizer.pool(cands, words, title, content_words(title, lang), lang, weights)
        w = [weights.get(f, 0.0) for f in STATIC]
        scores = [[sum(a * x for a, x in zip(w, v, strict=True)) for v in pool.values]
                  for pool in (lean, full)]
        assert scores[0] == scores[1], lang
    cover = STATIC.index("headline_cover")
    assert any(v[cover] for v in full.values) and not any(v[cover] for v in lean.values)


def test_bare_attributions_found_only_where_their_verb_is_as_before() -> None:
    # English's weak() tries the backtracking attribution pattern only where "said", "says" or
    # "told" (or a letter the pattern reads as "s" or "i" when ignoring case) is in the sentence.
    from bot.summarize.lang.en.select import BARE_ATTRIBUTION as _BARE_ATTRIBUTION
    from bot.summarize.lang.en.select import weak as _weak

    for sentence, bare in [
        ("The minister said the figures were correct.", True),
        ("Police SAID he was fine.", True), ("Officials ſaid it was over.", True),
        ("He saıd nothing more.", True), ("The firm saİd so.", True),
        ("Smith told reporters.", True), ("A spokesman said in a statement.", True),
        ("The bank raised rates again on Tuesday.", False), ("그는 said 라고 했다.", True),
        ("정부는 3일 대책을 발표했다.", False),
    ]:
        assert bool(_BARE_ATTRIBUTION.match(sentence)) == bare, sentence
        assert _weak(sentence) == bare, sentence


def test_blank_runs_and_sentence_boundaries_found_as_before() -> None:
    # _SPACES and the English BOUNDARY open on one character class now; same matches as the
    # patterns they replaced.
    from bot.summarize.lang import CLOSERS
    from bot.summarize.lang.en.sentences import BOUNDARY

    spaces = re.compile(r"[ \t\u00a0]{2,}|[\t\u00a0]")
    boundary = re.compile(r"([.!?…]+[" + re.escape(CLOSERS) + r"]*)(\s+)")
    for text in ["a  b\t\tc \t d\u00a0e \u00a0\u00a0 f\t", "\t", " ", "  x", "\u00a0 \u00a0",
                 "It ended. Then?! \"Yes.\"  No… (Maybe.)\tOK... fine.", "U.S. troops. A"]:
        assert text_mod._SPACES.sub(" ", text) == spaces.sub(" ", text), text
        assert [(*m.groups(), m.start()) for m in BOUNDARY.finditer(text)] == [
            (*m.groups(), m.start()) for m in boundary.finditer(text)], text


def test_promotion_found_only_where_a_hint_word_is_as_before() -> None:
    # English's not_prose searches the promotion alternation only where one of its words is;
    # the same verdict as searching every sentence.
    from bot.summarize.lang.en.segment.promo import PROMO, promotion

    for sentence in [
        "Use code NEWS for 20% off your first order.", "This episode is brought to you by Omni.",
        "Thanks to Hover for sponsoring this week's show.", "Support us on Patreon.",
        "Subscribe now wherever you get your podcasts.", "Listen on Apple Podcasts.",
        "Please rate and review the show.", "Tour dates are on our site.",
        "Our new podcast is out.", "Help us keep making the show.", "Check out our merch.",
        "Order now!", "Start a free 30-day trial.", "Get $10 off select plans.",
        "Become a supporter today.", "Officials ſubscribe now to the plan.",
        "USE CODE NEWS at checkout.", "The minister said the figures were correct.",
        "A bill sponsored by Senator Smith passed.", "The court will review the code.",
        "Shares fell 5% off the open.", "She presented the award.", "",
    ]:
        assert promotion(sentence) == (PROMO.search(sentence) is not None), sentence
