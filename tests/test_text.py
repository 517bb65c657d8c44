"""Text hygiene: HTML to text, invisible characters, hashing and word-safe truncation."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

import bot.feeds.textclean
from bot.feeds.html import clean_block, clean_inline, content_hash, html_to_text, truncate_words


class TestHtmlToText:
    def test_strips_tags_and_decodes_entities(self) -> None:
        assert html_to_text("<b>Tom</b> &amp; <i>Jerry</i> &lt;3 &#8212; caf&eacute;") == (
            "Tom & Jerry <3 — café")

    def test_script_style_iframe_contents_dropped(self) -> None:
        html = ("<p>Before</p><script>alert('x'); var s = '<p>inside</p>';</script>"
                "<style>p { color: red }</style><iframe src='x'>frame text</iframe>"
                "<noscript>enable js</noscript><p>After</p>")
        text = html_to_text(html)
        assert text == "Before\n\nAfter"

    def test_text_after_a_skipped_pre_is_not_read_as_preformatted(self) -> None:
        # issue 26: a <pre> the article reading skips was counted out but never in, so every
        # text after it kept its source line breaks (russcox.atom: sentences cut mid-line)
        html = "<p>Before</p><pre>code\n  line</pre><p>The log server\nis behaving  well.</p>"
        assert html_to_text(html, skip=frozenset({"pre"})) == (
            "Before\n\nThe log server is behaving well.")
        assert html_to_text(html) == "Before\n\ncode\nline\n\nThe log server is behaving well."

    def test_blocks_become_paragraphs_and_br_a_line_break(self) -> None:
        html = "<div><h1>Title</h1><p>One.<br>Two</p><ul><li>a</li><li>b</li></ul></div>"
        assert html_to_text(html) == "Title\n\nOne.\nTwo\n\na\n\nb"

    def test_br_inside_a_sentence_is_a_wrapped_line(self) -> None:
        # 3960.json: "nicht ganz billig,<br />dafür …" made two points of one sentence
        html = "<p>Da ist es zwar nicht ganz billig,<br />dafür schmeckt&#39;s aber auch nicht.</p>"
        assert html_to_text(html) == (
            "Da ist es zwar nicht ganz billig, dafür schmeckt's aber auch nicht.")
        assert html_to_text("<p>the line goes<br>on here</p>") == "the line goes on here"
        # a line that ends a sentence, or a next line in capitals or a caseless script, stays
        assert html_to_text("Done.<br>next") == "Done.\nnext"
        assert html_to_text("Name<br>Street") == "Name\nStreet"
        assert html_to_text("첫 줄<br>둘째 줄") == "첫 줄\n둘째 줄"

    def test_text_after_a_skipped_element_is_kept_once(self) -> None:
        assert html_to_text("a<script>x</script> b <style>q</style>c") == "a b c"
        assert html_to_text('safe<iframe src="x"/> description') == "safe description"
        assert html_to_text('safe<embed src="x"> description') == "safe description"

    def test_not_a_comment_or_doctype_is_text(self) -> None:
        assert html_to_text("<!' <a href='foo'>") == "<!'"
        assert html_to_text("<!-- hidden -->shown") == "shown"

    def test_deep_nesting_and_nul(self) -> None:
        assert html_to_text("<div>" * 5000 + "deep" + "</div>" * 5000).endswith("deep")
        assert html_to_text("x\x00y") in ("x\ufffdy", "xy")

    def test_source_newlines_are_spaces_but_pre_is_kept(self) -> None:
        assert html_to_text("<p>who\n   needs   to\tknow</p>") == "who needs to know"
        assert html_to_text("<pre>line 1\nline 2</pre>") == "line 1\nline 2"

    def test_inline_elements_do_not_break_words(self) -> None:
        assert html_to_text("un<b>break</b>able <a href='/x'>link</a>.") == "unbreakable link."

    def test_unclosed_and_broken_markup(self) -> None:
        assert html_to_text("<p>open <b>bold <i>both") == "open bold both"
        assert html_to_text("a < b and c > d") == "a < b and c > d"

    def test_self_closing_iframe_does_not_swallow_the_rest(self) -> None:
        assert html_to_text("<iframe src='x'/><p>kept</p>") == "kept"

    def test_hostile_invisible_characters_inside_html(self) -> None:
        text = html_to_text("<p>pay\u200bpal\u202e moc.live</p>")
        assert text == "paypal moc.live"

    def test_empty(self) -> None:
        assert html_to_text("") == ""
        assert html_to_text("<p> </p><br>") == ""

    def test_korean(self) -> None:
        assert html_to_text("<p>인공지능 &amp; 반도체</p>") == "인공지능 & 반도체"


class TestClean:
    @pytest.mark.parametrize("char", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"])
    def test_zero_width_removed(self, char: str) -> None:
        assert clean_inline(f"a{char}b") == "ab"

    @pytest.mark.parametrize("char", ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
                                      "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f"])
    def test_bidi_controls_removed(self, char: str) -> None:
        assert clean_inline(f"invoice{char}fdp.exe") == "invoicefdp.exe"

    def test_control_characters(self) -> None:
        assert clean_inline("a\x00b\x07c\x1bd\x7fe\x9ff") == "abcdef"
        assert clean_inline("one\ttwo\nthree\r\nfour") == "one two three four"

    def test_collapse_and_strip(self) -> None:
        assert clean_inline("  lots   of\u00a0\u2003space  ") == "lots of space"

    def test_nfc(self) -> None:
        decomposed = unicodedata.normalize("NFD", "café 한국어")
        assert decomposed != "café 한국어"
        assert clean_inline(decomposed) == "café 한국어"

    def test_multiline_keeps_newlines_and_tabs_drops_other_controls(self) -> None:
        assert clean_inline("a\tb\x00\nc", multiline=True) == "a b\nc"

    def test_block_keeps_paragraphs_and_limits_blank_lines(self) -> None:
        text = "First  para\nline two\n\n\n\n  Second\u2029Third\x0b x"
        assert clean_block(text) == "First para\nline two\n\nSecond\n\nThird x"

    @given(st.text())
    def test_clean_output_has_no_invisible_or_control(self, text: str) -> None:
        out = clean_inline(text)
        bad = {"\u200b", "\u200d", "\u202e", "\u2066", "\ufeff", "\n", "\t"}
        assert not bad & set(out)
        assert all(unicodedata.category(ch) != "Cc" for ch in out)
        assert out == out.strip()
        assert "  " not in out


    # issue 26: text already clean (clean_article's result, a text content_hash cleans again)
    # skips splitting into words; the result must be what the full cleaning gives
    @given(st.text(alphabet=st.sampled_from(
        "ab .\n\t\r\xa0\u2028\u200b\x1e\u3000e\u0301é한"), max_size=30),
        st.booleans())
    def test_clean_text_cleans_to_itself_as_the_full_cleaning_gives(
            self, text: str, multiline: bool) -> None:
        cleaned = clean_inline(text, multiline=True)
        for value in (text, cleaned):
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr(bot.feeds.textclean, "_clean_block_already", lambda text: False)
                full = clean_inline(value, multiline=multiline)
            assert clean_inline(value, multiline=multiline) == full
        assert clean_block(cleaned) == cleaned
        assert not cleaned or bot.feeds.textclean._clean_block_already(cleaned)


    def test_every_character_the_patterns_find_makes_a_text_unclean(self) -> None:
        # the quick str.isprintable check stands in for _ODD_SPACE and _STRIPPED: it must
        # reject every character they find
        odd = [chr(cp) for cp in range(0x110000)
               if bot.feeds.textclean._ODD_SPACE.match(chr(cp))
               or bot.feeds.textclean._STRIPPED.match(chr(cp))]
        assert "\xa0" in odd and "\u200b" in odd and "\t" in odd
        assert [ch for ch in odd if bot.feeds.textclean._clean_block_already(f"a{ch}b")] == []

    def test_a_clean_printable_text_is_not_searched_with_the_patterns(
            self, monkeypatch: pytest.MonkeyPatch) -> None:
        # issue 26: the two searches cost about four times str.isprintable on a long article
        class Unsearchable:
            def search(self, text: str) -> None:
                raise AssertionError("searched")

        monkeypatch.setattr(bot.feeds.textclean, "_ODD_SPACE", Unsearchable())
        monkeypatch.setattr(bot.feeds.textclean, "_STRIPPED", Unsearchable())
        text = "The mayor’s “plan” — café.\n\nIt passed 5–4."
        assert clean_block(text) == text


class TestContentHash:
    def test_stable_hex(self) -> None:
        h = content_hash("Title", "Body")
        assert h == content_hash("Title", "Body")
        assert len(h) == 64 and int(h, 16) >= 0

    def test_noise_is_not_an_edit_but_a_change_is(self) -> None:
        assert content_hash("Title", "Body text") == content_hash(" Title\u200b", "Body\n text")
        assert content_hash("Title", "Body text") != content_hash("Title", "Body text!")

    def test_parts_are_separated(self) -> None:
        assert content_hash("ab", "c") != content_hash("a", "bc")


class TestTruncateWords:
    def test_short_text_unchanged(self) -> None:
        assert truncate_words("short text", 20) == "short text"
        assert truncate_words("exactly10!", 10) == "exactly10!"

    def test_cuts_at_a_space_with_ellipsis(self) -> None:
        out = truncate_words("The quick brown fox jumps over the lazy dog", 20)
        assert out == "The quick brown fox…"
        assert len(out) <= 20

    def test_never_mid_word(self) -> None:
        text = "alpha beta gamma delta epsilon"
        for limit in range(6, len(text)):
            out = truncate_words(text, limit)
            assert len(out) <= limit
            assert out.endswith("…")
            assert all(word in text.split() for word in out[:-1].split())

    def test_trailing_punctuation_dropped_before_ellipsis(self) -> None:
        assert truncate_words("Hello, world and more", 8) == "Hello…"

    def test_korean_cut_at_space(self) -> None:
        text = "정부는 오늘 인공지능 기본법 시행령을 발표했다"
        assert truncate_words(text, 11) == "정부는 오늘…"
        assert truncate_words(text, 12) == "정부는 오늘 인공지능…"

    def test_single_long_word_cut_with_ellipsis(self) -> None:
        assert truncate_words("supercalifragilistic", 10) == "supercali…"

    def test_single_long_word_not_cut_inside_grapheme(self) -> None:
        word = "e\u0301" * 10  # NFD "é" repeated: base + combining accent
        out = truncate_words(word, 6)
        body = out[:-1]
        assert out.endswith("…") and len(out) <= 6
        assert not unicodedata.combining(word[len(body)])  # the cut is before a base character

    def test_emoji_zwj_sequence_not_split(self) -> None:
        family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
        out = truncate_words("ab" + family + family, 5)
        assert out == "ab…"

    def test_tiny_limits(self) -> None:
        assert truncate_words("anything", 0) == ""
        assert truncate_words("anything", 1) == "…"

    @given(st.text(), st.integers(min_value=0, max_value=60))
    def test_never_longer_than_limit(self, text: str, limit: int) -> None:
        assert len(truncate_words(text, limit)) <= max(limit, 0)


class TestTheSpacesPath:
    def test_a_text_of_spaces_and_newlines_takes_the_scans_path(
            self, monkeypatch: pytest.MonkeyPatch) -> None:
        # issue 26: a text whose only whitespace is space and newline (tabs and no-break spaces
        # made spaces) is collapsed by a few scans, never split into words; it must give what
        # the word-by-word cleaning gives
        texts = ["A  long\tline. \n\n\n Next\xa0one.  ", "e\u0301  x\n \n y", " a\n\n\n\nb "]
        full = {}
        for text in texts:
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr(bot.feeds.textclean, "_only_spaces_and_newlines",
                              lambda text: None)
                full[text] = clean_block(text)
        taken: list[str] = []
        collapse = bot.feeds.textclean._collapsed_lines

        def recording(text: str) -> str:
            taken.append(text)
            return collapse(text)

        def unsplittable(text: str, *, multiline: bool) -> str:
            raise AssertionError("cleaned word by word")

        monkeypatch.setattr(bot.feeds.textclean, "_collapsed_lines", recording)
        monkeypatch.setattr(bot.feeds.textclean, "_strip_invisible", unsplittable)
        assert [clean_block(text) for text in texts] == [full[text] for text in texts]
        assert len(taken) == len(texts)
        assert full[texts[0]] == "A long line.\n\nNext one."


class TestSurrogates:
    def test_a_lone_surrogate_becomes_a_replacement_character(self) -> None:
        # a JSON "\ud800" escape: content_hash and every store key encode the cleaned text
        for text in ("a \ud800 b.", "a\udfffb", "x\n\n\udc00  y\t", "\ud83d"):
            for cleaned in (clean_inline(text), clean_block(text)):
                assert "\ufffd" in cleaned
                cleaned.encode("utf-8")
            content_hash(text).encode("utf-8")
        assert clean_block("a \ud800 b.") == "a \ufffd b."
