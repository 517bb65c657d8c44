"""Korean word lists: particles stripped for stems, stop words, nouns too generic for a label
or a tag; and the sentences weak as a point (``weak``, ``weak_under``)."""

from __future__ import annotations

import re
from collections.abc import Callable

# Korean particles and copula endings stripped from a word to get its stem ("정부가" -> "정부").
PARTICLES = sorted(
    """은 는 이 가 을 를 의 에 에서 에게 께서 으로 로 와 과 도 만 까지 부터 보다 처럼 이나 나
    에는 에서는 으로는 로는 에도 에서도 이라 라 이라는 라는 이며 며 이고 고 인 한테 조차 마저
    과의 와의 에의 들 들이 들은 들을 들의 들도 에게서 으로써 로써 이다 였다 이었다 한다 했다
    하는 하고 하며 해 했고 된 되는 됐다 된다 있는 있다 없는 없다""".split(),
    key=len,
    reverse=True,
)
STOP = frozenset(
    """그 이 저 것 수 등 및 또 또한 더 위 때 중 그리고 하지만 그러나 이번 지난 올해 통해 대한
    위해 있다 했다 한다 것이다 밝혔다 말했다 있는 없는 대해 따르면 관계자는 기자 등의 것으로
    이를""".split()
)
# Time words and dependent nouns that never open a label ("최근 태양", "후 구속").
LABEL_NEVER_FIRST = frozenset(
    "최근 이번 지난 올해 현재 이후 이전 당시 내년 작년 지난해 오늘 어제 내일 이날 향후 앞서".split()
)
# Generic nouns no reader subscribes to and no label should rest on.
GENERIC = frozenset(
    """연구 사람 이번 지난 올해 현재 최근 이후 경우 때문 관계자 이상 가운데 내년 작년 지난해
    오늘 어제 내일 이날 당시 국내 해외 일부 전체 결과 문제 방법 부분 사실 생각 정도 수준 기준
    필요 가능 사용 진행 개발 대상 분야 관련 이용 과정 내용 상황 시간 세계 시작 확인 설명 발표
    기자 뉴스 사진 제공 무단 전재 배포 금지 오전 오후 시장 이야기 자신 모습 우리 다음 처음
    정부 국가 기관 지역 사회 효과 영향 목표 계획 전망 예정 가능성 중요 역할 기술 방식 이유
    지적 변화 교수 이미지 발굴 주장 분석 평가 공개 제공 제작 발견 성공 강조 예상 기대 학생 연구진
    연구팀 연구원 박사 교수팀 관계자 전문가 뒷전 비밀 최대 최고 최초 이상 이하 정보 자료 팀 시각
    미래 현상 공동 원리 지점 국제 핵심 반대 방울 정답 인간 실험 시스템 학문 체내 선정 실패 추진
    도입 마련 강화 확대 지원 활용 적용 제시 분자 물질 모델 기업 업체 관계
    때 것 수 등 명 곳 점 년 월 일 개 번 위 중 간 측 뒤 앞 말 적""".split()
)
# Kiwi's tags of the morphemes that say what a sentence is about: nouns, foreign words,
# hanja, numbers, roots, verb and adjective stems (bot.summarize.lang.ko.select
# ``content_lemmas``).
CONTENT_TAGS = frozenset({"NNG", "NNP", "SL", "SH", "SN", "XR", "VV", "VA"})
# Stems nearly every news sentence has, which say nothing of what it tells: light and
# reporting verbs ("하다", "밝히다", "전하다"), and the verbs of "…에 따르면", "…을 통해".
CONTENT_STOP = frozenset(
    """하 되 있 없 않 밝히 말하 전하 이 보 위하 받 대하 따르 통하 관하 이르 오 가 주 나오 들
    알리 설명하 강조하 덧붙이 지 같 그렇 이렇""".split()
)
# The last syllable of a predicate that ends a sentence ("…했다", "…입니다", "…는가", "…했음"):
# what the splitter, a sentence's completeness (select.ENDED) and a caption's ending all look
# for. ENDED only searches for it, so it needs no "니다" of its own (its "다" is here).
PREDICATE_LAST = "[다요죠까네음함임됨]"
PREDICATE_END = rf"(?:{PREDICATE_LAST}|니다)"
# Verbs that, with an object, make an adverbial rather than a clause of the sentence's subject
# ("경찰에 따르면", "공지를 통해", "건수를 보면"): an opening "…을 출발해" is the subject's
# own act, an opening "…를 통해" is not (bot.summarize.korean ``subjectless``). A noun's 하
# verb is written whole ("포함하": 포함 + 하), as ``subjectless`` records it.
ADVERBIAL_VERBS = frozenset(
    "따르 통하 위하 대하 관하 비롯하 의하 인하 앞두 맞 두 놓 보 살펴보 포함하 제외하".split())

# Korean surnames, one syllable each: who a "김씨", "이 대표" or "박모씨" is (select's
# PERSON_OPENING and SURNAME_TITLE, the tags' person names).
SURNAMES = (
    "김이박최정강조윤장임한오서신권황안송류유홍전고문양손배백허남심노하곽성차주우구민진나지"
    "엄채원천방공현함변염여추도소석선설마길연위표명기반라왕금옥육인맹제모탁국어은편용예경봉사부"
)
# Words that end in 씨 but name no one: "날씨가", "아저씨는", "마음씨".
SSI_NOUNS = ("아저씨", "아가씨", "마음씨", "맘씨", "날씨", "솜씨", "글씨", "손글씨", "붓글씨",
             "말씨", "불씨", "꽃씨", "홀씨", "볍씨", "씨앗")

# Common nouns for a person ("여성", "남편", "아이들"): bare after "결국" or "아울러" ("결국
# 여성은 …") such a noun means someone told before, perhaps another one (select's
# openers.BARE_PERSON, which allows a plural 들).
PERSON_NOUNS = (
    "여성 남성 여자 남자 아내 남편 부인 엄마 아빠 어머니 아버지 아이 아들 딸 노인 청년 "
    "친구".split()
)

# Titles written after a person's name ("전광훈 목사", "김 변호사는", "이 대표는"): a story names
# someone in full once, then by surname and title only.
TITLES = (
    "목사 변호사 대표 원내대표 의원 장관 대통령 총리 회장 부회장 사장 이사장 이사 교수 박사 "
    "판사 검사 총장 위원장 비대위원장 원장 시장 지사 감독 선수 처장 차장 청장 대변인 여사 "
    "국장 소장 실장 팀장 본부장 작가 후보 당선인 수사부장".split()
)

# Stock promises: a sentence whose news is only that someone will do their best
# ("…최선을 다하겠다”고 말했다", "…에 만전을 기하겠다”고 했다").
#
# An official's closing quotation is often such a line. Blind readers (issue 28) met it as point
# 3 where the story's follow-through ("관계 부처들은 권고를 수용해 관련 법령을 개정하기로 했다")
# or a concrete case was wanted. ``select.weak`` reads it as weak (the selector's caption
# feature), not barred: an item with nothing else still shows it.
# The last quotation of a sentence that reports speech, closed by its quoting ending and the
# reporting verb at the sentence's end: "…”며 “…겠다”고 말했다.", "…”라고 했다". The
# quotation before it (if any) is not read: the closing one is what the speaker ends on.
CLOSING_QUOTE = re.compile(
    r"“(?P<said>[^“”]{2,})”\s?(?:이?라고|고)\s(?:[가-힣]+\s){0,2}[가-힣]*(?:말|밝혔|했|전했|강조|"
    r"덧붙였|설명|약속|다짐)[가-힣]*다[.]?$")
# The same promise told indirectly, as the sentence's own predicate: "경찰은 … 최선을 다하겠다고
# 밝혔다", "… 최선을 다할 계획이다".
INDIRECT = re.compile(
    r"(?P<said>.+?)(?:겠다고\s(?:[가-힣]+\s)?[가-힣]*(?:말|밝혔|했|전했|강조|약속|다짐)[가-힣]*다"
    r"|할\s(?:계획|방침|예정)이다)[.]?$")
# A promise of effort or help with no content of its own, ending what is said. Thanks
# ("…에 감사드린다”고 말했다") are left out: counting them too moved the Korean fit
# (headline_gain 0.3 -> 0.45, both check halves lower) and the refit's moved briefs read no
# better; a rescued person's thanks is often the human story's own point. A ceremony's formal
# thanks are weak by ``ceremony`` below.
STOCK_END = re.compile(
    r"(?:최선을\s?다하|만전을\s?기하|노력하|노력해\s?나가|힘쓰|힘써\s?나가|"
    r"(?:적극|적극적으로|최대한|아낌없이)\s?(?:지원|협조|협력|돕)(?:하)?)겠(?:다|습니다)[.]?$")
# The same stems where the promise is told indirectly (``INDIRECT`` holds the ending).
STOCK_STEM = re.compile(
    r"(?:최선을\s?다|만전을\s?기|노력|힘쓰|힘써\s?나가|힘쓸|"
    r"(?:적극|적극적으로|최대한|아낌없이)\s?(?:지원|협조|협력))(?:하|할)?$")
# "앞으로도 …하겠다": a promise to go on as before ("앞으로도 마약 범죄에 강력히 대처하겠다",
# "권익위는 앞으로도 … 지속적으로 제도를 개선해나가겠다").
GO_ON = re.compile(r"앞으로도\s.*겠(?:다|습니다)[.]?$")
# What makes a promise content: a figure, a named measure (‘…’), or a decision's verb ("…을
# 추진하겠다", "CCTV 신규 설치"): such a quotation announces something and stays a point.
CONCRETE = re.compile(
    r"\d|‘|추진|도입|시행|폐지|인상|인하|신설|설치|투입|개정|확대|감축|지급|마련|구축|편성|배치"
    r"|엄정\s?대응")
# An act already taken, told in an earlier quotation of the sentence ("해당 직원을 퇴사
# 처리했다”며 “앞으로도 … 최선을 다하겠다”): the sentence's news is the act, not the promise.
ACT_TAKEN = re.compile(r"(?:처리|조치|징계|해고|고발|고소|결정|중단|회수|사과)(?:했|하기로)")


def stock_promise(sentence: str) -> bool:
    """Whether ``sentence`` says only that someone will do their best (``STOCK_END``,
    ``GO_ON``): in its closing quotation, or told indirectly as its own
    predicate. A quotation with a figure, a named measure or a decision (``CONCRETE``) is
    content, not a stock line."""
    if "겠" not in sentence and "계획" not in sentence and "방침" not in sentence \
            and "예정" not in sentence:
        return False
    m = CLOSING_QUOTE.search(sentence)
    if m is not None:
        said = m.group("said").rstrip()
        return (STOCK_END.search(said) is not None or GO_ON.search(said) is not None) \
            and CONCRETE.search(said) is None and ACT_TAKEN.search(sentence) is None
    if "“" in sentence or '"' in sentence:
        return False  # a quotation of another shape: read as it was
    m = INDIRECT.match(sentence.rstrip())
    return m is not None and STOCK_STEM.search(m.group("said").rstrip()) is not None \
        and CONCRETE.search(sentence) is None

# A quotation that ends on formal thanks, congratulations or an honour ("…에 동참해 주신
# 회장님께 감사드린다”면서 …", "…축하를 보내주시면 감사하겠다”고 했다", "…수상하게 돼
# 영광이다”): the ceremony around the news, not the news. Blind readers (issue 28, ko23: a
# donation's ceremonial quotations as points 2 and 3, "감사드린다") marked it down as a point
# where the donation's facts were wanted. Any quotation of the sentence, not only the closing
# one: the president's "…감사드린다”면서 “…많은 도움이 될 것”" is thanks and a wish. Only the
# formal register a ceremony speaks in (감사드린다, 감사하겠다, 축하드린다, 영광이다): the plain
# "고맙다", "감사하다" is what the people of the dev sets' human stories say ("한의사 선생님이
# 약까지 챙겨주시니 참 고맙다", an officer's "도와준 산후조리원에 감사하다"), and counting it
# moved the Korean fit (headline_gain 0.3 -> 0.45, both check halves lower), as it did at stop
# 37. A rescued person's formal thanks matches too (ko98's, never a point). Weak, never barred.
# 감사하겠다 alone is as often "will audit" ("…전관 특혜 의혹에 대해 전면 감사하겠다”고
# 밝혔다": a ministry's news): it is thanks only after a request ("…보내주시면 감사하겠다",
# "…찾아준다면"), not after a noun in 면 ("전면 감사", "측면").
THANKS = re.compile(
    r"(?:감사(?:드린다|드립니다|할 따름이다)|(?:[시주해하]|다)면\s?감사하겠(?:다|습니다)"
    r"|축하(?:드린다|드립니다)|영광(?:이다|입니다|스럽다|스럽습니다))[.!]*[”\"]")


def ceremony(sentence: str) -> bool:
    """Whether a quotation of ``sentence`` ends on formal thanks, congratulations or an
    honour (``THANKS``)."""
    if "감사" not in sentence and "축하" not in sentence and "영광" not in sentence:
        return False
    return THANKS.search(sentence) is not None


# What a headline's news is: its figures ("28년", "10억") and the word it ends on ("… 은퇴
# 경기서 MVP", "… 금메달"). A ceremony quotation in which the speaker is honoured or thankful
# to have got them ("…팬 투표 1위로 MVP까지 받게 돼 영광이다”, ``OWN_HONOUR``) tells the
# headline's fact in the winner's words and is not weak. Thanks to someone are weak all the
# same when they name the headline's donor or gift ("…동참해 주신 유상덕 회장님과
# ST인터내셔널에 감사드린다”, ko23, marked down by blind readers; "…기부에 동참해 주신 …").
OWN_HONOUR = re.compile(r"(?:게\s?(?:돼|되어|됐)|돼서|되어서)\s?(?:영광|감사|기쁘)")
HEADLINE_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
HEADLINE_LAST_WORD = re.compile(r"([가-힣A-Za-z]{2,})[^가-힣A-Za-z0-9]*$")


def headline_facts(title: str) -> tuple[re.Pattern[str], ...]:
    """Patterns of the headline's news (``HEADLINE_FIGURE``s, ``HEADLINE_LAST_WORD``) as a
    quotation may carry them: a figure whole; the last word, if Hangul of three or more
    syllables, less its last, which may be a particle or an ending ("기록했다" as "기록했")."""
    facts = [re.compile(rf"(?<![\d.,]){re.escape(f)}(?![\d])")
             for f in HEADLINE_FIGURE.findall(title)]
    m = HEADLINE_LAST_WORD.search(title)
    if m is not None:
        word = m.group(1)
        facts.append(re.compile(re.escape(word if len(word) < 3 else word[:-1])
                                if not word.isascii() else re.escape(word)))
    return tuple(facts)


def ceremony_of_news(sentence: str, facts: tuple[re.Pattern[str], ...]) -> bool:
    """Whether a quotation in ``sentence`` is the speaker's honour at the headline's news
    (``OWN_HONOUR`` and one of ``headline_facts``)."""
    quoted = "".join(re.findall(r"“[^”]*”|\"[^\"]*\"", sentence))
    return OWN_HONOUR.search(quoted) is not None and any(f.search(quoted) for f in facts)


# A run of places or groups each with its figure in brackets ("파주(6도), 춘천(7.5도), 충주(9.6도)
# 등 …", "인천(11.4%), 대구(6.6%), 전남(4.9%) …"): a table written as a sentence. Blind readers
# (issue 28, a weather story) met such a list of regional lows as point 3 where the story's
# next-day forecast was wanted. ``select.weak`` reads it as weak, not barred: it may still be
# the only point with the figures. Three items at least (two, "배추(53.6%), 무(41.6%)", are a
# sentence's own examples); a figure needs its unit, so ages ("박모(38)·김모(30)") are none, and
# an item's name is a word of its own ("11명(39%)" is a count, not a place).
FIGURE_UNIT = (r"(?:도|℃|%p|%포인트|%|％|㎜|mm|㎝|cm|명|건|곳|개|가구|채|원|만원|억원|조원|배"
               r"|달러)")
# A name that ends in a count ("학생 세명(39%)", "교사 두 명(20%)") is a count, not a place.
COUNTED = "".join(f"(?<!{n}{u})(?<!{n} {u})" for n in ("한", "두", "세", "네", "열", "몇")
                  for u in ("명", "곳", "개", "건"))
FIGURE_ITEM = (r"(?<![\d.,%가-힣A-Za-z])[가-힣A-Za-z]{1,10}(?:\s[가-힣A-Za-z]{1,6})?"
               rf"{COUNTED}\(\s?(?:영하\s?)?[-+]?\d[\d.,]*\s?{FIGURE_UNIT}\)")
# Items apart by a comma or a middle dot ("파주(영하 6도)·춘천(7.5도)·충주(9.6도)").
FIGURE_LIST = re.compile(rf"{FIGURE_ITEM}(?:(?:,\s?|\s?·\s?){FIGURE_ITEM}){{2,}}")
# An item's name inside a matched list (its last word: "진주교대", "파주").
ITEM_NAME = re.compile(r"([가-힣A-Za-z]+)\(")


def figure_list(sentence: str) -> bool:
    """Whether ``sentence`` lists three or more places or groups with their figures in
    brackets (``FIGURE_LIST``)."""
    return _may_list(sentence) and FIGURE_LIST.search(sentence) is not None


# The bracket of an item and its figure's first digit ("(6도)", "(영하 6도)", "(-1.5%)").
FIGURE_BRACKET = re.compile(r"\(\s?(?:영하\s?)?[-+]?\d")


def _may_list(sentence: str) -> bool:
    """Whether ``sentence`` has the "(" and figure of three items (``FIGURE_BRACKET``): each
    item holds one, and without three the pattern, which opens on a lookbehind and a run of
    letters, need not be tried at every character (15% of a Korean brief's instructions on
    the science set). Three "(" are not enough: "미국 항공우주국(NASA)의 태양활동관측위성(SDO)이
    … 28일(현지 시간) 홈페이지에 공개했다" has them and no figure in brackets, and the pattern
    cost 635 K instructions on each such sentence (callgrind: five of the science set's
    candidates, 127 K a brief)."""
    return sentence.count("(") >= 3 and len(FIGURE_BRACKET.findall(sentence)) >= 3


# A headline's words long enough to name an item ("민주당", "국어"), a particle left on.
HEADLINE_WORD = re.compile(r"[가-힣A-Za-z]{2,}")


def named_words(title: str) -> tuple[str, ...]:
    """The headline's words that may name an item of a figure list."""
    return tuple(HEADLINE_WORD.findall(title))


def figure_list_named(sentence: str, words: tuple[str, ...]) -> bool:
    """Whether the headline (its ``named_words``) names an item of the figure list in
    ``sentence``: the list is then the headline's subject ("민주당 지지율 3주 연속 상승" over
    "더불어민주당(45%), 국민의힘(38%), …"). A headline word matches an item's name inside it,
    or with its last syllable (a particle) off."""
    m = FIGURE_LIST.search(sentence) if _may_list(sentence) else None
    if m is None:
        return False
    names = [item.group(1) for item in ITEM_NAME.finditer(m.group())]
    return any(w in n or n in w or (len(w) >= 3 and w[:-1] in n)
               for w in words for n in names)


# A day told relative to when the story was written ("어제는 … 오늘은 …", "내일 오전"): no
# reader of a brief, shown later and elsewhere, can place it. Inside a quotation too: a
# speaker's "오늘" is the day they spoke, which the brief does not say either (readers of the
# Korean held-out read marked down "경찰은 … “오늘 … 착수했지만 …”고 설명했다" and a
# spokesman's "어제"). A day given with it ("오늘(3일)") can be placed. Weighed down by a
# share of ``background`` (select's ``RELATIVE_DAY_WEIGHT``), not barred: such a sentence may
# still be the news.
RELATIVE_DAY = re.compile(
    r"(?<![가-힣])(?:어제|오늘|그제|그저께|내일|모레)(?:은|는|도|의|부터|까지|만)?(?=[\s,])")


def relative_day(sentence: str) -> bool:
    """Whether ``sentence``, in its own words or a quotation's, names a day relative to today."""
    if "어제" not in sentence and "오늘" not in sentence and "그제" not in sentence \
            and "그저께" not in sentence and "내일" not in sentence and "모레" not in sentence:
        return False
    return RELATIVE_DAY.search(sentence) is not None


# A feature's opener that names nothing: it opens on "that day" or "that place" ("그날 밤 까닭
# 모를 불안한 마음에 잠을 설쳤다.": which night? where?), or turns the writer's eye to a place
# it describes but does not name ("조용히 한쪽으로 밀려나 있던 도시에 눈길이 갔다."): blind
# readers met both as point 1 while a later sentence named the city. Only with no number, no
# quotation and no Latin word: a news lede that opens so ("그날 오후 3시 …") still tells.
UNNAMED_OPENING = re.compile(r"^(?:그날|그때|그해|그곳|그\s(?:무렵|시절|도시|마을|섬|동네))"
                             r"(?:은|는|도|에|에는|에도|의)?(?=\s|,)")
UNNAMED_PLACE = re.compile(
    r"[가-힣](?:던|은|는|ㄴ|한|진|인)\s(?:도시|마을|섬|동네|골목|거리|나라)(?:에|으로|로|을|를)\s"
    r"(?:[가-힣]+\s)?(?:눈길이|눈이|발길이|마음이|시선이)\s(?:[가-힣]+\s)?[가-힣]*(?:갔다|갔다\.|"
    r"향했다|머물렀다|닿았다|끌렸다)[.]?$")
TOLD = re.compile(r"[\d“”\"‘’A-Za-z]")


def unnamed_opener(sentence: str) -> bool:
    """Whether ``sentence``, as a story's first, is a feature's opener that names nothing
    (``UNNAMED_OPENING``, ``UNNAMED_PLACE``)."""
    if TOLD.search(sentence) is not None:
        return False
    return UNNAMED_OPENING.match(sentence) is not None \
        or UNNAMED_PLACE.search(sentence.rstrip()) is not None


# A feature's teaser: someone "cannot forget" or "remembers" a day, and nothing of what
# happened then ("주부 임모(30)씨는 2021년 4월 7일을 잊지 못한다."): blind readers (issue 28,
# ko191) met it as point 1, which told them nothing on its own, where the headline's acquittal
# was wanted. A short sentence whose predicate is only that; not a quotation's ("…”라며 말을
# 잊지 못했다" is a mourner's grief, told) nor a long one, which says what was remembered.
# Only of a day or a moment ("…7일을", "그날을", "그 순간을", "그날의 사고를"): "국민 10명 중
# 6명은 세월호 참사를 기억한다" and "챗GPT가 … 대화를 기억한다" are claims.
TEASER = re.compile(r"(?:\d일|날|순간|그때|그해|시절|밤|새벽|봄|여름|가을|겨울)"
                    r"(?:의\s[가-힣]+)?[을를]\s"
                    r"(?:(?:지금도|아직도|여전히|똑똑히|생생히)\s)?"
                    r"(?:잊지\s못한다|잊을\s수\s없다|잊지\s못하고\s있다|기억한다"
                    r"|기억하고\s있다|떠올린다)[.]?$")
TEASER_CHARS = 60


def teaser(sentence: str) -> bool:
    """Whether ``sentence``, as a story's first, only says that someone remembers a day or a
    scene (``TEASER``), in under ``TEASER_CHARS`` characters and with no quotation."""
    sentence = sentence.rstrip()
    return len(sentence) < TEASER_CHARS and "“" not in sentence and '"' not in sentence \
        and TEASER.search(sentence) is not None


# A line opened by an asterisk or a reference mark: a quiz's example sentence, its errors left
# in for the reader to find ("*할아버지는 “늙으막에 …”고 하셨고, …": a language column's
# opening), or a footnote ("※ QR코드에 휴대폰을 갖다 대거나, …"). Blind readers (issue 28)
# marked Lead-3 down for such a stray marker ("* “아침부터 날씨가 (끄물끄물, 꾸물꾸물)해서 …”");
# ours took ko188's as point 1, the misspellings shown as if right. A point is a source
# sentence whole, so the mark cannot be cut off: the line opens no brief and is weak elsewhere.
MARKED_ASIDE = re.compile(r"^\s*[*＊※]")


def marked_aside(sentence: str) -> bool:
    """Whether ``sentence`` opens on an asterisk or a reference mark (``MARKED_ASIDE``)."""
    return MARKED_ASIDE.match(sentence) is not None


# The reporter's own visit, told with no subject: "3일 오후 찾은 사고 현장에는 …", "지난달 말
# 방문한 마을 곳곳에선 …". Scene-setting, not the news: weighed down as background. A visitor
# named before the verb ("이곳을 찾은 60대 여성은 …") is the story's, not the reporter's.
VISITS = ("찾은", "방문한", "둘러본", "들어선", "가 본", "가본")
SCENE = re.compile(
    rf"^(?:[^\s]+\s){{0,4}}?(?P<verb>{'|'.join(VISITS)})\s(?:[^\s]+\s){{0,3}}?[^\s]*"
    r"(?:현장|곳|장소|거리|마을|시장|빈소|분향소|일대|내부|입구|앞|안)(?:에는|에선|에서는|엔|은|는)\s")
# Any of VISITS, in one scan (``background`` asks it of every candidate).
VISIT = re.compile("|".join(map(re.escape, VISITS)))
# A subject or object named before the visiting verb: someone else's visit.
VISITOR = re.compile(r"[가-힣A-Za-z0-9)](?:은|는|이|가|을|를)\s")


def scene(sentence: str) -> bool:
    """Whether ``sentence`` opens on the reporter's own visit (``SCENE``)."""
    m = SCENE.match(sentence)
    return m is not None and VISITOR.search(sentence, 0, m.start("verb")) is None


# Weak as a point: may stand in a brief, only where nothing better is left (the selector's
# ``weak``). Here, not in select.py, which had grown past 600 lines.
_LATIN = re.compile(r"[A-Za-z]")


def _weak(sentence: str, words: tuple[str, ...],
          facts: tuple[re.Pattern[str], ...]) -> bool:
    """``weak`` with the headline's ``named_words`` (``words``) and its news (``facts``): a
    figure list the headline names and a ceremony quotation that carries its news are not
    weak there. With neither (no headline) they are."""
    if stock_promise(sentence) or marked_aside(sentence):
        return True
    if ceremony(sentence):
        return not (facts and ceremony_of_news(sentence, facts))
    if figure_list(sentence):
        return not (words and figure_list_named(sentence, words))
    if _LATIN.search(sentence) is None:
        return False
    # Imported here: at the top it would load every language's rules (bot.summarize.lang)
    # before these tables, which the other Korean modules import first.
    from bot.summarize.lang.en import select as en_select
    return en_select.weak(sentence)


def weak(sentence: str) -> bool:
    """A stock promise (``words.stock_promise``: "…최선을 다하겠다”고 말했다"), a list of
    places with their figures (``words.figure_list``: "파주(6도), 춘천(7.5도), 충주(9.6도) 등 …"),
    a ceremony's thanks (``words.ceremony``: "…에 감사드린다”면서 …"), a line opened by an
    asterisk or a reference mark (``words.marked_aside``), and English's ``weak``
    for Korean: its caption words and attributions are English, so a sentence with no Latin
    letter cannot match (0 of 6,134 Korean dev sentences do); Korean captions and credits are
    segment's. The English patterns were a tenth of a Korean brief's time."""
    return _weak(sentence, (), ())


def weak_under(title: str) -> Callable[[str], bool]:
    """``weak`` under ``title``: a figure list whose items the headline names ("더불어민주당
    (45%), 국민의힘(38%), …" under "민주당 지지율 …") is the headline's news, not weak, and so is
    a ceremony quotation that carries the headline's figures or last word
    (``words.headline_facts``: "…MVP까지 받게 돼 영광이다”" under "김연경 은퇴 경기서 MVP")."""
    words, facts = named_words(title), headline_facts(title)
    if not words and not facts:
        return weak  # nothing in the headline spares a sentence

    def weak_here(sentence: str) -> bool:
        return _weak(sentence, words, facts)

    return weak_here


# What a decision told before weighed: "… 징역 10개월에 집행유예 2년이 확정된 점 등이
# 고려됐다" (weighed in what? the sentence before says: the appeal court's lighter sentence).
# A decision named before the ending ("형량 결정에는 …", "이번 판결에선 …") is its own.
# "…점도 고려됐다", and the same said in a quotation ("… 점 등이 고려됐다”고 말했다").
WEIGHED = re.compile(
    r"(?:점|사정)\s?(?:등이|이|도)\s(?:고려|참작|감안)(?:됐|되었)다"
    r"(?:[.]?[”\"]\s?(?:이?라?고|며)\s[가-힣]+다)?[.]?$")
# The decision named by its own noun ("형량 결정에는 …", "이번 판결은 …", "재판부의 판단에서는
# …"); any place ("당시 현장에는 …") names none.
DECISION_NAMED = re.compile(
    r"(?:판결|판단|결정|형량|양형|선고|처분|징계|심사|심의|선정|평가|감경)(?:에는|에서는|에선|은|는)\s")


def weighed_unnamed(sentence: str) -> bool:
    """Whether ``sentence`` only says what an unnamed decision weighed (``WEIGHED``)."""
    return WEIGHED.search(sentence.rstrip()) is not None \
        and DECISION_NAMED.search(sentence) is None


# Headline Hanja: what a Korean headline writes in Hanja for a word its body writes in Hangul
# ("小寒" for 소한, "檢" for 검찰, "尹" for 윤), one table read by the tagger (``tags``) and the
# sentence selector (``select``), and ``read_headline``, a headline in the body's words. Kiwi
# reads Hanja as a Hanja morpheme (SH) that no Hangul sentence carries, so a sentence telling
# the headline's word in Hangul got no credit: ko233's "이름값 하는 小寒... 내일 아침 최저 영하
# 12도" lost "소한(小寒)인 5일에는 중부지방을 중심으로 폭설이 예고됐다." to background about the
# winter solstice.
# One-character abbreviations of a country, a party, an institution or a thing, each to the
# words a body writes for it, its plain reading first (counted in the 290 Korean feed items'
# headlines: 野 3, 車 3, 檢 3, 北, 與, 中, 軍; the bodies write "야당", "차량", "검찰", "북한",
# "군 지휘부"). 與 and 野 are the ruling and the opposition party, never a party's name: which
# party that is changes with an election. 軍 reads "군", one syllable, so only the headline
# similarity gets it (``select.cues.headline_nouns`` keeps nouns of two or more). Modifiers are
# left out, they are no topic: 前 (former), 故 (the late), 男/女 ("추정男", "女 민원인").
HANJA_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "北": ("북한",), "美": ("미국",), "中": ("중국",), "日": ("일본",),
    "與": ("여당",), "野": ("야당",),
    "檢": ("검찰",), "軍": ("군",), "車": ("차량", "자동차", "승용차"),
}
# The abbreviations the tagger reads as the word before it asks for the headline's subject
# ("北, 동해상으로 …" makes #북한 its subject): the countries and parties its rules were read
# with; the rest would move tags nobody has read.
HANJA_TAGGED = ("北", "美", "中", "日", "與", "野")
# Glued after a Hangul noun, 中 is "among" or "during", no country ("범죄中 33.1%가 성폭력"):
# read so, it is no headline noun (one syllable).
HANJA_AFTER_A_NOUN = {"中": "중"}
# After a number, 日 is the day, no country ("3日 오후").
HANJA_AFTER_A_NUMBER = {"日": "일"}
# Hanja words of two or more characters, each to its Hangul reading, which a body often writes
# beside it ("소한(小寒)인 5일", "인도(人道)에서").
HANJA_WORDS: dict[str, str] = {
    "小寒": "소한", "大寒": "대한", "監査": "감사", "人道": "인도", "父子": "부자",
}
# Hanja surnames a headline writes for a public figure ("尹 체포 저지", "崔 접근 치밀", "金여사"),
# each to the Hangul surname the body writes with the full name or a post: read by the tagger
# (``tagging.people``); the selector leaves them unread (``select.cues.headline_nouns`` says why).
HANJA_SURNAME_READINGS: dict[str, str] = {
    "尹": "윤", "李": "이", "文": "문", "朴": "박", "金": "김", "崔": "최", "韓": "한", "安": "안",
    "洪": "홍", "曺": "조", "趙": "조", "鄭": "정", "吳": "오",
}
_HANJA = re.compile(r"[一-龥]+")


def read_headline(title: str) -> str:
    """``title`` with the Hanja of ``HANJA_WORDS`` and ``HANJA_ABBREVIATIONS`` in Hangul (the
    plain reading), so the analyser reads the body's word: "이름값 하는 小寒..." -> "이름값 하는
    소한...", "음주車…" -> "음주 차량…". A run of Hanja is read as a word: one of abbreviations
    alone is read each, apart ("與野" -> "여당·야당"); any other run stays as written, a word of
    its own and no country ("中企", small and medium firms; "中東"). So do surnames."""
    if _HANJA.search(title) is None:
        return title

    def hangul(m: re.Match[str]) -> str:
        run = m.group(0)
        if run in HANJA_WORDS:
            return HANJA_WORDS[run]
        if not all(char in HANJA_ABBREVIATIONS for char in run):
            return run
        before = title[m.start() - 1] if m.start() else ""
        after = title[m.end()] if m.end() < len(title) else ""
        if _is_hangul(before) and run in HANJA_AFTER_A_NOUN:
            return HANJA_AFTER_A_NOUN[run]
        if before.isdigit() and run in HANJA_AFTER_A_NUMBER:
            return HANJA_AFTER_A_NUMBER[run]
        # a word of its own: "음주車" is 음주 + 차량, "北전쟁관" 북한 + 전쟁관
        return ((" " if _is_hangul(before) else "")
                + "·".join(HANJA_ABBREVIATIONS[char][0] for char in run)
                + (" " if _is_hangul(after) else ""))
    return _HANJA.sub(hangul, title)


def _is_hangul(char: str) -> bool:
    return "가" <= char <= "힣"


def hanja_readings(title: str) -> dict[str, tuple[str, ...]]:
    """The Hangul words ``read_headline`` put in ``title``, each with every word a body may
    write for it ("차량": ("차량", "자동차", "승용차")); a word the table reads one way maps to
    itself."""
    out: dict[str, tuple[str, ...]] = {}
    for run in _HANJA.findall(title):
        if run in HANJA_WORDS:
            out[HANJA_WORDS[run]] = (HANJA_WORDS[run],)
        elif all(char in HANJA_ABBREVIATIONS for char in run):
            for char in run:
                out[HANJA_ABBREVIATIONS[char][0]] = HANJA_ABBREVIATIONS[char]
    return out
