"""Korean lines and spans that are not a story's prose: wire datelines and bylines, credits,
notices."""

from __future__ import annotations

import re

from bot.summarize.lang.ko.words import PREDICATE_END

# A wire dateline with its byline: "(서울=연합뉴스) 홍길동 기자 = ", "[세종=뉴시스]김철수·이영희
# 기자 = ". It opens the story, so text before it on the same line is a caption or a heading
# ("UNIST 권태준 교수(울산=연합뉴스) UNIST는 …"), and the dateline itself is no one's sentence.
REPORTER = (
    r"(?:[가-힣]{2,4}(?:\s*[·,]\s*[가-힣]{2,4})*\s*(?:선임|수석|객원)?(?:기자|특파원|통신원))"
)
DATELINE = re.compile(
    r"[(\[【]\s*[가-힣]{2,8}\s*=\s*[가-힣A-Za-z0-9]{2,12}(?:\s?[가-힣A-Za-z0-9]{1,8})?\s*[)\]】]"
    rf"(?:\s*{REPORTER}\s*=?)?\s*"
    # "홍길동 기자 = " alone, or "[아이뉴스24 홍길동 기자]" opening a line.
    rf"|^{REPORTER}\s*=\s*|^[\[【][^\]】\n]{{1,24}}\s{REPORTER}\s*[\]】]\s*"
)
# Lines a reader skips: copyright notices, photo and graphic credits, reporters' e-mail bylines,
# links to related stories. Three patterns where one alternation would do: searched as one, every
# branch was tried at every character (the e-mail address's "[\w.+-]+@" walking each word to its
# end most of all), a tenth of a Korean brief. So the openings are matched at the start only, the
# rest each begin with a literal character (the engine then skips to where one could start), and
# an address is looked for only where there is an "@" (see ``boilerplate``).
BOILERPLATE_START = re.compile(
    r"^\s*(?:사진|그래픽|자료|영상)\s*(?:제공)?\s*=|^\s*[▶△▲☞■]|^\s*(?:관련\s*기사|기사\s*원문|더보기)"
    # An editor's note: "편집자주: 이 기사는 …"
    r"|^\s*(?:편집자\s?주|※)"
    # A series' link: "<다른 회차 보기>"
    r"|^<[^>]{1,30}>$"
)
BOILERPLATE_ANYWHERE = re.compile(
    r"무단\s*(?:전재|복제)|재배포\s*금지|저작권자|ⓒ|©"
    r"|\(\s*(?:사진|그래픽|자료|영상|출처)\s*(?:제공)?\s*=|\[\s*(?:사진|그래픽|자료|영상|출처)\s*(?:제공)?\s*="
    r"|제공\s*="
    # The disclaimers of a dramatised case: "기사 내용은 실제 사례를 각색했습니다."
    r"|사례를\s?각색|우연에\s?의한\s?것"
    # A series' links: "[이별전쟁] 수학과 결혼했어요②에서 계속", "격주 … 연재."
    r"|에서\s?계속$|연재\.?$"
)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
# A photo credit closing a caption, which flattened HTML glues to the story's first sentence:
# "서울 서초구 대법원 청사 전경. /뉴스1법에 허용되는 …", "대구법원./뉴스1음주운전을 …",
# "/조선DB", "/연합뉴스", "/게티이미지뱅크", "/경찰청 제공", "/홍길동 기자".
CREDIT_END = re.compile(
    r"[.。]?\s?/\s?(?:뉴스1|연합뉴스|뉴시스|조선DB|조선일보DB|게티이미지(?:뱅크|코리아)?|AP|AFP|EPA|"
    r"로이터|신화|UPI|뉴스핌|[가-힣A-Za-z0-9]{1,12}\s?(?:제공|DB|캡처)|[가-힣]{2,4}\s?기자"
    r"|[가-힣]{1,12}\s?(?:홈페이지|유튜브|인스타그램|페이스북)(?:\s?캡처)?"
    # "/일러스트=조선디자인랩 이연주", "/사진=독자 제공": a credit with its maker, whose name
    # (three syllables, as most are) is all that tells where a glued sentence starts.
    r"|[A-Z]{2,8}(?=[가-힣\s]|$)"  # a broadcaster or agency: "/SBS", "/KBS"
    r"|(?:사진|일러스트|그래픽|자료|영상)\s?=\s?[가-힣A-Za-z0-9]{1,12}(?:\s(?:제공|[가-힣]{3}))?"
    r")(?:\s?=\s?연합뉴스)?"
    # "…홍티아트센터./부산시": after a caption's period, an organisation as the credit; its
    # shortest reading ends on the first typical suffix (시, 청, 부, 원 …).
    r"|\.\s?/\s?[가-힣]{1,10}?(?:공사|공단|재단|센터|[시도군구청부처원회단소관사])(?:\s?제공)?"
)
# A byline in the middle of flattened text: "… 했다.홍길동 기자 = 정부는 …".
BYLINE = re.compile(rf"(?<=[.!?다])\s?{REPORTER}\s?=\s?")
# A caption: a line that ends in a photo credit.
CAPTION = re.compile(CREDIT_END.pattern + r"\s*$")
# A caption that ends as a sentence does ("… 재촉하고 있다."), and the shortest that is a point
# (as ``extractive._usable`` asks of any Korean point).
CAPTION_ENDED = re.compile(PREDICATE_END + r"[.]?$")
MIN_CAPTION = 15
# The photo's date before the credit: "… 재촉하고 있다. 2025.1.3/뉴스1".
# It opens on the date's digits, not on the space before it: a search opening on "\s+" tried
# every whitespace run's tail up to the end, quadratic in a long run (review 35).
CAPTION_DATE = re.compile(r"(?<=\s)(?:19|20)\d\d\.\d{1,2}\.\d{1,2}\.?$")
# Two spans glued at a period with no space, where the first ends on a noun (a caption, "…
# 이타가키 류타 교수.'평양에서 …"); an ending glued to the next sentence is the splitter's. The
# spans are cut after each match's period (``glued_spans``). The pattern opens on the period, so
# the engine skips from one period to the next; split on the zero-width cut as
# "(?<=[가-힣]\.)(?<![다요죠까네음함임됨]\.)(?=…)" it tried both look-behinds at every character
# (about 20 k instructions a line with a period, a Korean brief's most costly pattern per call).
GLUED = re.compile(r"\.(?<=[가-힣]\.)(?<![다요죠까네음함임됨]\.)(?=[\'‘“\"]?[가-힣A-Z])")
# A credit mark anywhere in a span ("…모습./유튜브그룹 …", "… 일출 /권재륜 사진작가대한민국은",
# "/픽사베이최근 …"): Korean prose never writes a slash after a period or a space, so the span
# holds a caption even where the credit's end, glued to the next sentence, cannot be found.
CREDIT_MARK = re.compile(r"(?:^|[.。\s])/\s?['‘“\"]?[가-힣A-Za-z]")


def reporter(text: str) -> bool:
    """Whether ``text`` names a reporter (기자, 특파원, 통신원): a byline may follow."""
    return "기자" in text or "특파원" in text or "통신원" in text


def boilerplate(sentence: str) -> bool:
    """Whether ``sentence`` is a line a reader skips: a copyright notice, a credit, an e-mail
    byline, a link to another story."""
    return (BOILERPLATE_START.match(sentence) is not None
            or BOILERPLATE_ANYWHERE.search(sentence) is not None
            or ("@" in sentence and EMAIL.search(sentence) is not None))


_SPAN_END = " .!?)…"
# An opener typed where the closer belongs: right after a word and right before a quoting
# ending ("괜찮다“고", "싸우겠다“며", "중이다“라고") or the sentence's end. An opener that
# starts a quotation follows a space ("그는 “고 이건희 회장의 …"). The mark comes first and
# the look back after it, so the engine skips to each mark rather than trying every character.
_SLIPPED_CLOSER = re.compile(r"“(?<=\S“)(?=(?:이?라고|이?라며|고|며|면서)(?:\s|$)|[.!?]*$)")


def broken_quote(sentence: str) -> bool:
    """Whether ``sentence`` is a piece of a quotation cut by a line break: it closes a
    quotation it never opened ("이제 우리는 완전히 이겼습니다.”") or opens one it never closes
    ("“윤 (대통령) 계엄선포가 실패했냐고?", "…다음과 같이 판결했다. “(이 사건은)"). A reader
    of either half meets a mark with no partner and half of what was said. Slips of the
    writer's inside a whole sentence are no break: a doubled or straight opener ("““내년엔 …
    것”이라고", "" B씨 등이 …”며"), an opener typed as the closer ("“괜찮다“고"), and
    single marks, which name terms, count only at the span's ends ("‘환자가 없으면 …" /
    "… 필요 없다.’"; "책’ 혼자서도 … 어떡합니까’를" stays)."""
    # Spelled out rather than any() over a generator: this runs on every line and sentence.
    if not ("“" in sentence or "”" in sentence or "‘" in sentence or "’" in sentence
            or '"' in sentence):
        return False
    body = sentence.strip().lstrip("-*·• ")
    if "“" in body:
        body = _SLIPPED_CLOSER.sub("”", body)
    if body.count('"') % 2 == 1 and (body.startswith('"') or body.rstrip(_SPAN_END).endswith('"')):
        return True
    opened = body.find("“")
    closed = body.find("”")
    straight = body.find('"')
    if closed >= 0 and (opened < 0 or opened > closed) and not 0 <= straight < closed:
        return True  # closes a quotation it never opened
    if opened >= 0 and body.rfind("”") < body.rfind("“") and body.count('"') % 2 == 0:
        return True  # opens a quotation it never closes
    if body.startswith("‘") and "’" not in body and "'" not in body:
        return True  # "‘12·3 비상계엄' 당시 …" closes it with a straight mark: a slip
    return body.rstrip(_SPAN_END).endswith("’") and "‘" not in body and body.count("’") == 1


def may_be_caption(span: str) -> bool:
    """Whether ``not_prose`` may call ``span`` a caption: every caption pattern (``CAPTION``,
    ``CREDIT_MARK``) needs its credit's slash. The splitter asks this of each line before the
    whole ``not_prose`` of it, which a line of several sentences never needs."""
    return "/" in span


def not_prose(sentence: str) -> str | None:
    """The kind of Korean span ``sentence`` is when it is not prose ("caption",
    "boilerplate", "byline", "fragment"), else None (bot.summarize.segment.not_prose)."""
    if may_be_caption(sentence) and (CAPTION.search(sentence) or CREDIT_MARK.search(sentence)):
        return "caption"
    if boilerplate(sentence):
        return "boilerplate"
    if (reporter(sentence) or "=" in sentence) and (
            BYLINE.search(sentence) or DATELINE.match(sentence)):
        return "byline"
    if broken_quote(sentence):
        return "fragment"  # half a quotation: with nothing else to read, still words
    return None


def caption_text(span: str) -> str | None:
    """A credited caption's own words (``CAPTION``), a sentence that ends as one ("… 발걸음을
    재촉하고 있다. /뉴스1" -> "… 발걸음을 재촉하고 있다."), else None: the point of a photo
    story, whose body is the caption alone. A caption that is only a noun phrase ("서울 서초구
    대법원 청사 전경. /뉴스1") says nothing of it and stays None, and so does a span holding
    another credit ("윤석열 대통령. /대통령실3일 …": flattened text glued to a caption)."""
    if not may_be_caption(span):
        return None
    m = CAPTION.search(span)
    if m is None:
        return None
    words = span[: m.start()]
    date = CAPTION_DATE.search(words)
    words = (words[: date.start()] if date is not None else words).rstrip()
    if not words.endswith("."):
        words = span[: m.start() + 1].rstrip() if span[m.start()] in ".。" else words
    if len(words) < MIN_CAPTION or not CAPTION_ENDED.search(words) or CREDIT_MARK.search(words):
        return None  # a noun phrase, or another caption's credit glued into the span
    return words


def unglue(line: str) -> list[str]:
    """A Korean ``line`` cut after a photo credit that closes a caption ("… 전경. /뉴스1") and
    before a byline ("홍길동 기자 = ") glued to the text that follows; the byline is dropped."""
    # Each pattern runs only when the character or word it needs is there: most lines have
    # no slash and no reporter, and this runs on every Korean line.
    if "/" not in line and "." not in line and not reporter(line):
        return [line.strip()] if line.strip() else []  # nothing to cut: the line itself
    parts: list[str] = []
    start = 0
    if "/" in line:  # every credit pattern starts at a slash
        for m in CREDIT_END.finditer(line):
            if m.end() < len(line):
                parts.append(line[start : m.end()])
                start = m.end()
    parts.append(line[start:])
    out: list[str] = []
    for part in parts:
        pieces = BYLINE.split(part) if reporter(part) else [part]
        for piece in pieces:
            out.extend(glued_spans(piece) if "." in piece else (piece,))
    return [p.strip() for p in out if p.strip()]


def glued_spans(piece: str) -> list[str]:
    """``piece`` cut after each period ``GLUED`` finds (the period stays with the span before
    it); the piece itself in a list when there is none."""
    out: list[str] = []
    start = 0
    for m in GLUED.finditer(piece):
        out.append(piece[start : m.end()])
        start = m.end()
    out.append(piece[start:])
    return out
