"""Korean tag rules: which nouns are no subject a reader would follow.

Read by ``bot.summarize.tags`` with Kiwi's analysis; a change here cannot move English tags.
"""

from __future__ import annotations

import re

from bot.summarize.lang.ko import words

# Kiwi's tags of the morphemes a tag may be made of: common and proper nouns, foreign words
# and Hanja. A written word whose nouns are followed by anything but a particle is a verb or
# an adjective ("탄핵하라"), never a tag.
NOUN = frozenset({"NNG", "NNP", "SL", "SH"})
PROPER = "NNP"
# What a name may read as alone (a tag is shown alone): nouns, and the number and affix pieces
# Kiwi cuts a name it does not know into ("정용우" as 정+용(XSN)+우).
NAME_PARTS = NOUN | {"NNB", "NR", "XPN", "XSN"}
# Opening quotes and brackets Kiwi splits off the front of a written word.
OPENING = frozenset({"SSO"})
# A gloss in brackets after a noun, in Hanja, Latin letters or a short form ("한파(寒波)가"):
# the word is still the noun and its particle (issue 28, tags6: "#한파" was lost so).
GLOSS_OPEN, GLOSS_CLOSE = "SSO", "SSC"
# Marks between the items of a list ("티몬‧위메프(티메프)"): a gloss after the list is the list's.
LIST_MARKS = frozenset("·‧ㆍ,、")
# Marks a headline writes between words with no space ("태양전지·연료전지…미래부, 새 과제"):
# an ellipsis (Kiwi's SE) or a middle dot ends a written word, or the nouns after it
# ("미래부", the headline's subject) share a word with the clause before and are lost.
WORD_BREAK_TAGS = frozenset({"SE"})
WORD_BREAK_FORMS = frozenset({"·"})
PARTICLE_PREFIX = "J"  # Kiwi's particles: JKS, JKO, JX, ...
# What nouns run on into inside one written word when the word is still a term: a noun suffix
# or a copula ("지능+인(XSN)", "지능+이+ㄴ": Kiwi's readings of "경계선 지능인"; ko8).
TERM_RUNS_ON = frozenset({"XSN", "VCP"})
# Suffixes that leave a noun phrase, not a term: the plural ("직원들", "노조원들"; review of
# stop 46, 1).
TERM_RUNS_ON_NOT = frozenset({"들"})
# Nouns found in almost every story: events, acts and roles nobody subscribes to ("#신고",
# "#활동", "#혐의"), a body's parts and states ("#저하", "#수컷"), and time words. The two
# lines before the last: things and states of an everyday story, tags on the feed fit half
# (#경찰차 #테라스 #통장 #대치), and those the latest Korean blind read's reader would not follow
# (#파일 #증거 of a ruling on evidence, an essay's #울타리). The last line: a project's cost,
# which the stop 46 read called "generic" (#사업비 of "사업비 775억 더 올려, 위례신사선
# 재입찰", ko121). The line after: a body part and a weather system Kiwi reads as proper
# nouns, tags the stop 47 read called junk ("#두피" of a patient's anaphylaxis, ko98; "#저기압"
# of a rain forecast, ko81). Not the crime and document categories of the same read (선거법 성범죄
# 신분증): the stop 47 read called each on topic, better than no tag (ko272, ko80, ko31).
GENERIC = frozenset(
    """신고 활동 혐의 저하 수컷 암컷 행동 발생 추정 대표 회장 사건 사고 조사 수사 결정 논란 비판
    입장 요구 의혹 우려 상태 이유 모습 기사 뉴스 사진 영상 제공 보도 취재 기자 특파원 국민
    시민 주민 주민들 사람들 당국 경찰 정부 여당 야당 의원 위원장 장관 대통령 총리
    관계자 전문가 당시 이날 오늘 어제 내일 오전 오후 이번 지난 올해 내년 작년 지난해 시간
    요일 월요일 화요일 수요일 목요일 금요일 토요일 일요일 음력 양력 주말 연휴 매년 매일 매월
    한국 국내 해외 세계 전국 지역 현장 현지 인근 주변 일대 곳곳 전체 일부 대부분 다수 소수
    증가 감소 상승 하락 개선 악화 확대 축소 유지 변경 추가 완료 발표 공개 확인 설명 강조 예정
    계획 전망 기대 가능 필요 문제 상황 결과 내용 방안 대책 대응 조치 지원 관리 운영 이용 사용
    처리 참여 개최 진행 시작 종료 위원회 회의 행사 사업 정책 제도 규정 기준 수준 정도 규모
    비율 비중 금액 가격 비용 예산 수익 매출 이익 손실 피해 부상 사망 환자 치료 건강 생활
    사이 지난달 이달 다음달 잘못 남성 여성 남자 여자 집단 아이 아이들 조건 모양 숫자 도시
    현실 평균 가족 친구 엄마 아빠 어머니 아버지 남편 아내 부부 학교 방송 업무 지인 전문 출신
    나라 방향 거리 시도 영역 기기 재료 저장 처분 문서 화면 수상 문화 날씨 별세 자국 마크 유인
    인류 검사 직원 단체 가해 처리 재판 법정 불법 범행 운전 차량 시험 과목 경력 집중 의료
    질환 진료 투자 투자금 일당 홍보 감독 코치 가수 피해자 가해자 혐의자 피의자 응답자
    지금 진정 서로 스스로 최대한 우리나라 고인 물의 경찰관 긴급 실종자 체포 구속 입건 검거 기소
    송치 적발 경위 경사 경장 순경 경감 경정 총경 교수 박사 의원 사장 씨 군 양 선수 씨의
    군수 시장 구청장 도지사 지사 의장 총장 원장 청장 처장 국장 과장 부장 팀장 실장 위원 대변인
    압수 수색 압수수색 본인 날짜 최저 최고 최소 이상 이하 미만 초과 고위 간부 간부들
    변호사 판사 검사장 고검장 서장 소장 이사장 이사 회원 직원들 관계자들
    징역 실형 집행유예 벌금 선고 실태 유형 수단 정원 인력 위상 이성 아들 딸 차장 악성
    프로그램 공범 보안 공사
    잔치 전화 팩트 동료 화단 유족 결혼 흉기 시비 바지 거동 신청 인사 노래 새해
    준비 여름 가을 겨울 가치 희망 직전 영하 구멍 후미 중부 혜택 기간 시기 의견 소식 판단
    위험 필수 과제 활력 역대
    쪽지 계단 티끌 수수 이륙 수입 범죄 표창 여사
    경찰차 테라스 대치 통장 비행기
    파일 증거 울타리
    사업비
    두피 손톱 저기압 고기압""".split()
)
# Issue 28, blind read of 7 December (seed 4141): tags that turned ties with Lead-3 into
# losses, kept apart from GENERIC so each class says why nobody follows it.
# Institutions every crime or court story names ("검찰, 중견기업 회장 수사" is about the chairman,
# not the prosecution): a tag only when it is the story's subject (SUBJECT_MENTIONS: "검찰,
# 특수부 폐지 조직개편 단행"). Checked against the whole word: 해양경찰청 is no 경찰청.
GENERIC_INSTITUTIONS = frozenset("검찰 경찰 법원 대법 대법원 정부 경찰청 검찰청".split())
# Words of procedure and everyday things a story mentions on the way (#명령 of "접근금지 명령",
# #사기 #담보 #대행 #메신저 #거중기), and a kind of
# company (#중견기업, which Kiwi reads as a name): the reads' words and their kin among the ko
# set's tags. The last line: what the ko set's stories mention on the way, by hand the commonest
# tags nobody would follow after the rules below (a platform a clip was posted on, 8 of 8
# "#유튜브"/"#유튜버" on crime and celebrity stories; "#여객기" beside "#제주항공").
# The line after it: read 41's (ko2) "#영장" of an arrest ("체포영장" stays a tag; read 43
# preferred no #영장 even where the headline writes "체포 영장", so it keeps the opening rule).
UNFOLLOWED = frozenset(
    """명령 사기 담보 대행 메신저 거중기 위반 절차 기일 변론 소송 폭행 무죄 감사 사의 공문
    의견서 남용 장치 건물 병원 직장 계기상 국산 수련 현행범 재판장 형량 구인 자차
    가점 대리 여신 크루 솔로
    중견기업 대기업 중소기업
    유튜브 유튜버 페이스북 여객기 지휘부 상가 엘리베이터 기부금
    영장""".split()
)
# Like GENERIC_INSTITUTIONS, a tag when it is the story's subject ("유튜브, 쇼츠 수익 배분
# 확대"): the headline opens on it and the body writes it this often (the prosecution of
# "… 검찰, 중견기업 회장 수사" is neither; a 사기 series whose headline opens elsewhere stays
# without #사기: precision over recall).
SUBJECT_MENTIONS = 4
# Words of UNFOLLOWED that make a compound ending on them one too (a post, a date, where the
# ko set's tags were "#권한대행", "#변론기일"; "전세사기" leaves "#전세"): the other words are
# checked against the whole word only (국정감사 is no 감사, 해양경찰청 no 경찰청).
UNFOLLOWED_ENDS = frozenset("대행 기일 사기".split())
# A name that is also an everyday word ("인도", a sidewalk, reads as India), and car models a
# story meets on the way (read 41's convoy of "#카니발 #그랜저"): a tag only when the headline
# writes it, anywhere ("기아, 카니발 4만대 리콜", "현대차 그랜저, 3개월 연속 판매 1위").
HEADLINE_ONLY_NAMES = frozenset("인도 카니발 그랜저".split())
# A common noun of three syllables or more is a tag only when the body (the headline set
# aside) writes it this often again (a compound written with a space, "실내 흡연", counts): a
# noun the body never writes again is a word of the headline, not the story's topic.
MIN_BODY_MENTIONS_LONG = 2
# A story that is a list (an obituary or personnel notice: "▲김영주 별세, … 서울성모병원"):
# its people and hospitals are items, not the story; no name but an institution is a tag
# (under a column of "▲" lines without a notice's headline, a name the headline writes is).
# "▲" is also a common bullet inside a sentence ("윤석열 대통령은
# ▲전기요금 동결 ▲대중교통비 환급 …"), so only a notice's headline or a story most of whose
# lines open with it is a list.
LIST_ITEM = "▲"
LIST_HEADLINE = re.compile(r"^\s*(?:\[\s*(?:부음|인사|부고)\s*\]|부고|인사\b)")
# A number, a unit or a date inside a tag makes it a headline fragment ("3000억원").
NOT_TAG_CHAR = re.compile(r"[0-9]")
# A common noun the story also uses as a verb stem ("검거했다", "적발된") names an act, not a
# subject to follow.
VERB_STEM_ENDINGS = ("하", "되", "했", "됐", "한", "된", "할", "될", "해", "돼", "시키", "당하")
# The endings of a post or a title ("교통과장", "양양군수", "대변인"), which Kiwi may read as a
# proper noun: a name with its post is the person, tagged by the name alone ("#정용우").
POST_ENDINGS = ("장", "관", "감독", "코치", "대표", "위원", "의원", "교수", "기자", "대변인",
                "군수", "총리", "대통령", "판사", "검사", "사장", "회장", "이사")
# A post written as one word ("교통과장", "경호처장"): a role, not a name to follow.
POST_WORD_ENDINGS = ("과장", "군수", "대변인", "원장", "청장", "처장", "국장", "부장", "실장",
                     "팀장", "소장", "총장", "서장", "위원장", "구청장", "도지사")

# Endings of a verb or adjective form: a word ending so, with no noun particle, is no noun.
VERBY = (
    "다", "고", "며", "는", "한", "된", "할", "될", "던", "게", "지", "서", "면", "도록", "니다",
    "했", "해", "하", "인", "은", "을", "를", "이", "가", "의", "에", "로", "도", "만", "라",
)
NOUN_PARTICLES = sorted(
    """은 는 이 가 을 를 의 에 에서 에게 으로 로 와 과 도 만 까지 부터 보다 처럼 에서는 으로는
    에게서 에서도 에는 이라는 들이 들은 들을 들의 들도 과의 와의""".split(),
    key=len,
    reverse=True,
)
STOP = frozenset(
    "이번 지난 올해 현재 최근 대해 통해 위해 때문 경우 관계자 이상 이후 가운데 "
    # time words and generic place words nobody subscribes to, and verb forms that look like
    # nouns once a particle-like ending is stripped ("내려" is "goes down")
    "내년 작년 지난해 올해 오늘 어제 내일 이날 당시 국내 국외 해외 일부 전체 "
    "내려 올라 늘어 줄어 나타나 밝혀".split()
)
# Latin acronyms in Korean text ("AI", "NASA") are tags when repeated.
ACRONYM = re.compile(r"\b[A-Z][A-Z0-9&]{1,6}\b")
NAME_BONUS = 10  # a proper noun outranks any common noun ("송경호" before "#탄핵")

# Issue 28, held-out read: common nouns nobody follows (#잔치 #전화 #팩트 #동료, #추모-행렬,
# a church as a venue). On the dev and feed sets the common-noun tags of two syllables were
# nearly all such words (#화단 #유족 #결혼 #흉기 #시비 #바지 #거동 #신청 #인사 #노래 #새해),
# and those of three or more mostly specific (#주삿바늘 #최저임금 #보이스피싱 #육아휴직
# #체포영장). So a common noun is a tag only when it is three syllables or more, or one of
# these established topics a reader subscribes to (from the same sets). 의대 stays one: the
# stop 47 read preferred "#의대" in six briefs ("ties the story to the ongoing topic").
TOPICS = frozenset(
    """마약 지진 치매 탈모 백신 장마 태풍 폭염 한파 드론 로봇 우주 화성 수소 의대 실손 원전
    코로나 반도체 탄핵 파업 금리 관세 계엄 선거 총선 대선 국정감사 국감 환율 물가 증시 노조
    산불 폭설 집값 전세 연금 최저임금 저출생 저출산 기후 탄소 전기차 인공지능
    음주운전""".split()
)
# A topic the points write is a tag though the headline writes it otherwise ("음주車" for
# 음주운전), when the story writes it this often (issue 28, tags6: the feed fit half's
# briefs with no tag under "도로 화단 올라탄 음주車…", "의료계 “… 내년 정원 …”").
TOPIC_MENTIONS = 3
# Institutions readers follow by name, whatever Kiwi calls them ("국회" reads as a common
# noun): tagged as names are, so a passing mention in the body is enough. The ministries and
# agencies (issue 28, tags5) were common nouns on the feed fit half: #경호처 #공수처 #기상청
# #교육부 #권익위 came back on 9 briefs, 2 of them with no tag before.
INSTITUTIONS = frozenset(
    """국회 법원 검찰 대법원 헌법재판소 헌재 감사원 국정원 선관위 공정위 금감원 한국은행 한은
    국방부 외교부 기재부 법무부 국세청 경찰청 검찰청 합참
    경호처 공수처 교육부 보건복지부 복지부 행정안전부 행안부 고용노동부 고용부 국토교통부 국토부
    과학기술정보통신부 과기정통부 산업통상자원부 산업부 환경부 통일부 여성가족부 여가부
    문화체육관광부 문체부 농림축산식품부 농식품부 해양수산부 해수부 중소벤처기업부 중기부
    국가보훈부 보훈부 질병관리청 질병청 기상청 소방청 식약처 권익위 방통위 금융위""".split()
)
MIN_COMMON_SYLLABLES = 3
# A two-syllable common noun is a tag when the headline writes it and the body writes it this
# often again (mostly outside a two-word compound of the headline). On the 300 Korean feed items
# of bench/tag_eval.py such nouns added 112 tags at 2 body mentions (1 is the same: a noun needs
# 3 in all), 89 at 3, 68 at 4; about seven in ten read as subjects at each (#관저 #집회 #화재
# #영장 #휴학 #위헌; not #쪽지 #계단 #패딩), so 3, the middle, with the plain words read at 2
# ("준비", "여름") added to GENERIC.
MIN_BODY_MENTIONS = 3
SUFFIX = "XSN"  # Kiwi's noun-deriving suffix: "대학+생", a kind of person
# A common noun for a kind of person or a role (#입주민 #민원인 #조종사 #예술인 #중국인): a
# group, not someone to follow. Matched on Kiwi's last morpheme, never the last syllable
# written ("국정감사" is 국정+감사, an audit).
# Jobs written with 원 (Kiwi reads each as one noun): the stop 47 read's "#은행원" of the
# victims of a crash (ko71; ko165's "#계산원" is NNP there and stays); never 원 alone ("감사원"
# is a body).
PERSON_ENDINGS = ("인", "민", "사", "자", "생", "팬", "객", "꾼", "관", "직원", "요원", "대원",
                  "회원", "선원", "공무원", "은행원", "계산원", "회사원", "승무원", "경비원",
                  "배달원", "상담원", "미화원", "집배원", "사무원", "판매원", "안내원")
# Kinds of person of two syllables, which no ending rule can tell from other nouns ("교사" a
# teacher, "감사" an audit): seen as new tags on the feed set once two-syllable nouns counted.
PERSON_NOUNS = frozenset("목사 교사 의사 병사 학생 애인 아기 신부 승려 군인 상인 노인 증인".split())
# A body whose name ends in a generic noun: "서울교통공사" is a public corporation (공사), not
# construction work (#공사); "국민건강보험공단" a public agency. A name of at least a
# syllable more than the ending is the body, its generic ending notwithstanding.
BODY_ENDINGS = ("공사", "공단")
# An address rather than a subject: a neighbourhood, town or city district ("한남동",
# "용산구", one word of three syllables or more: "대구" is a city; never "…리", which ends
# "개구리" too), or either after its city ("서울 용산구"). Such
# a place is a tag only when the headline makes it its subject; otherwise it is where the
# story happened ("#서울-강남구" under "대치동서 벤츠 몰다 …", "#한남동" under "관저 앞
# 집회"). A county ("울주군은 …") is also the local government acting: one alone stays.
NEIGHBOURHOOD_ENDINGS = ("동", "읍", "면", "구")
COUNTY_ENDING = "군"
# A hospital where a patient was treated ("#서울대병원" of a young man's death, read 41's ko2):
# a tag only when the headline writes it ("서울대병원 교수들 휴진").
HOSPITAL_ENDINGS = ("병원",)
# A university hospital is written long or short ("서울대학교병원", "서울대병원"): one name.
UNIVERSITY_LONG, UNIVERSITY_SHORT = "대학교", "대"
# A venue named as where a story happened (#영등포장례식장, a church): nobody follows it.
VENUE_ENDINGS = ("교회", "성당", "장례식장", "예식장", "공연장", "극장", "아트센터", "식당",
                 "카페")
# A character in a play, a drama or a novel, written before the word for a role ("순희 역을
# 맡은 배우", "순희 役"), apart from the name ("서울역" is a station): the held-out read's
# "#순희" from a play review; the actor is the person.
_ROLE_AFTER = r"(?:을|은|의|으로|이|과|에|도|[ ,.]|$)"
PLAYED = r" (?:역|役)" + _ROLE_AFTER
# "역할" is a part in a play only beside a word of the stage or the screen within
# DRAMA_SPAN characters ("순희 역할을 맡은 배우"): in politics it is a person's role ("한동훈
# 역할론", "한동훈 역할이 필요하다", the second read's lost #한동훈).
PLAYED_PART = r" 역할" + _ROLE_AFTER
DRAMA = re.compile(r"배우|연기|드라마|뮤지컬|연극|(?<![가-힣])극")
DRAMA_SPAN = 30
# ... or after the words for "in the play" ("극 중 순희는"); "…를 연기한" also means postponed.
PLAYED_BEFORE = r"극\s?중\s"
# The most characters a match of each pattern before a name spans ("극 중 ": 4; one mark or
# space, or the text's start: 1): bot.summarize.lang.ko.tagging searches only that far back.
# Kept beside the pattern, since Python has no public way to read a pattern's width.
PLAYED_BEFORE_WIDTH = 4
# Places too broad to follow on a story about somewhere in them (the feed set's "#서울",
# "#미국", "#경기", "#강원" written in passing): a tag only when the headline names them.
BROAD_PLACES = frozenset(
    """서울 미국 중국 일본 영국 프랑스 독일 러시아 유럽 아시아 세계 경기 강원 충남 충북 전남 전북
    경남 경북 수도권 영남 호남 충청""".split()
)

# Cities and provinces (and their 시/도 forms): where a story happened unless the headline
# writes the place ("#인천" under "‘접근금지 명령’ 어기고 아내 찾아간 50대 공무원 구속").
LOCAL_PLACES = frozenset(
    """인천 부산 대구 광주 대전 울산 세종 제주 수원 창원 성남 용인 고양 부천 안산 안양 평택
    청주 천안 전주 포항 김해 구미 경주 여수 순천 목포 강릉 춘천 원주 여주 양평 횡성 홍성 구리
    분당 경기 강원 충남 충북 전남 전북 경남 경북 전라 경상 충청""".split()
)  # never 화성, which is also Mars (a topic: "화성 유인탐사 경쟁 후끈")
PLACE_SUFFIXES = ("시", "도", "권")

# Issue 28, held-out read of 6 December: generic institutions and places on a national news
# feed (#경찰 #정부 #국회 #대한민국 #북한) say nothing unless the story is about them. On the
# feed fit half they were tags 12 times where the headline only mentions them or never writes
# them ("첫 검찰 소환조사", "#국회" under a rally's headline) and 7 where the headline makes
# them its subject ("검찰, ‘티메프…’ 재소환", "…압수 수색한 검찰", "법원, 가처분 신청 기각").
NATIONAL = frozenset(
    """경찰 정부 국회 대한민국 한국 북한 남한 한반도 검찰 법원 대법원 헌재 헌법재판소 청와대
    여당 야당 국방부 외교부 합참""".split()
)
# The headline makes a word its subject when the word opens it (after a "[단독]" kicker or a
# quote), ends it, or is followed by a comma, a quote (a statement: 검찰 “…”) or a subject or
# topic particle; written inside a longer word ("서울교통공사", "중국인") it is another thing
# (a word of its own may carry a particle: "독일서 출간").
# One-character abbreviations headlines write for a country or a party ("北, 동해상으로 …", "美
# 연준"): read as the word before the headline's subject is asked for (the second read's lost
# #북한). The readings are the selector's too (``words.HANJA_ABBREVIATIONS``), applied one
# character at a time (``tagging.mentions.headline_read``), save 日 after a number and 中 after
# a noun, read as ``words.read_headline`` reads them ("3日" is "3일", "범죄中" "범죄중"); not
# ``read_headline``'s reading of a run as a word.
HEADLINE_ABBREVIATIONS = {char: words.HANJA_ABBREVIATIONS[char][0] for char in words.HANJA_TAGGED}
HEADLINE_KICKER = re.compile(r"^\s*(?:\[[^\]]*\]\s*)+")
SUBJECT_BEFORE = r"(?:^|[\s‘“'\".…,·])"
SUBJECT_BEFORE_WIDTH = 1  # see PLAYED_BEFORE_WIDTH
SUBJECT_AFTER = r"(?=$|[,…]|\s*[“‘'\"]|(?:은|는|이|가)(?:\s|$))"
WORD_OF_ITS_OWN = r"(?:{particles}|서)?(?![가-힣])"
# A person the headline does not write, marked as a person by "씨", an age or a profession
# ("김형태 씨", "김형태(52)", "김형태 변호사"), is the story's only when it is named this often,
# or with a public post or role beside the name ("최윤범 고려아연 회장", "문재인 전 대통령"): the
# held-out read's #김형태 was a lawyer named twice in a story about his client.
PERSON_MENTIONS = 3
# After the full name, a story calls a private person by the surname and "씨" ("박씨는", "박 씨가"):
# each such mention counts towards PERSON_MENTIONS (the second read's rescuer "박민수", named in
# full twice and "박씨" three times, was dropped as named in passing).
SURNAME_ONLY = r"\s?씨"
NAME_SYLLABLES = (2, 4)  # a surname and one to three syllables: "남궁민수" at most
# A name the story marks as made up ("16기 영숙(가명)이"): a reality show's alias or a source's
# cover, nobody a reader can follow (the stop 46 read's "#영숙", ko46: "not useful"), with an
# age too, as the press mostly writes it ("영숙(가명·32)", "영숙(가명, 32)").
PSEUDONYM_AFTER = r"\s?\(\s?가명(?:\s?[·,]\s?[^)]*)?\s?\)"
# A body's head written as one word with it ("순천경찰서장은", "서울시장이"): the body speaking
# through its chief, a mention of the body where its name is counted as a word of its own.
HEAD_AFTER = "장"
# Posts a performer or a player holds, after a name of two words: one person's name, not a
# person and a company ("제니퍼 로렌스 배우가 … 제니퍼는": #제니퍼-로렌스, not #제니퍼; review of
# wt-fixtagko47, finding 2: entertainment and sports stories call foreigners by the first name).
PERSON_POSTS = ("배우", "가수", "선수", "감독")
# What a name takes glued on and stays the name written alone, not inside a longer word: the
# copula ("손흥민이었다", "수상자는 손흥민이다"), a side or a brand ("한동훈측", "이재명표"), an
# honorific and the particles NOUN_PARTICLES leaves out ("박씨께서", "손흥민한테", "이재명이라고").
# Review of wt-fixtagko47, finding 1: each lost the story's only person to the inside-only rule.
NAME_ENDINGS = ("이었다", "였다", "이다", "다", "이라는", "라는", "이라고", "라고", "측", "표",
                "씨", "께서", "한테")
# A university or an institute written before a department and an academic post ("권영민 서울대
# 국문학과 명예교수", "박승범 서울대 화학부 교수"): where a person works, not what the story is
# about (read 41's ko2 "#서울대" of an award's five winners).
ACADEMIC_POSTS = ("교수", "연구원", "박사")  # AFFILIATION_AFTER's posts, found before it is asked
# The post may take a plural or a particle ("교수들은", "교수는", "교수가", "교수도"); with a
# particle and no plural, only after a person's name ("박승범 서울대 화학부 교수는",
# ``NAME_BEFORE``): "UNIST는 권태준 생명과학부 교수가", "이해신 교수는" are the professors.
AFFILIATION_AFTER = re.compile(
    r"\s(?:[가-힣·]+\s)?[가-힣]*(?:" + "|".join(ACADEMIC_POSTS)
    + r")(?P<plural>들)?(?P<particle>은|는|이|가|도|의)?(?![가-힣])")
# A person's name written right before a workplace: two to four syllables, a word of its own
# on the same line ("기대된다\n이해신 교수는" has no name before it).
NAME_BEFORE = re.compile(r"(?:^|[^가-힣A-Za-z0-9])([가-힣]{2,4}) $")
PROFESSIONS = ("변호사", "의사", "교수", "박사", "기자", "작가", "연구원", "회계사", "변리사",
               "노무사", "세무사")
PRIVATE_PERSON_AFTER = (r"\s?(?:씨|님|\(\d{1,3}\)|\(\d{1,3}[·,]\s?[남여]\)|\d{1,3}세|"
                        + "|".join(PROFESSIONS) + ")")
# A public role: a word ending like a post (POST_ENDINGS, professions left out) or one of
# these, right after the name or after one word (an organisation: "최윤범 고려아연 회장"),
# "전" (former) allowed before it.
ROLE_WORDS = ("선수", "여사", "목사", "배우", "가수", "총재", "원장", "사장", "소장", "총장")
# A professor or a doctor who leads the study a story reports ("이광호 중앙대 교수 연구팀"
# did it) is whom the story is about, however seldom named.
RESEARCH_LEAD = r"\s?(?:[^\s]+\s)?(?:교수|박사)\s?(?:연구팀|연구진|팀)"
# A source cited for a figure ("한국경제연구원에 따르면", "…연구원의 분석", "…협회가 집계한"):
# where every mention of an organisation the headline does not write is such a citation, it is
# where a number came from, not what the story is about (the held-out read's #한국경제연구원).
CITED = re.compile(
    r"(?:에 따르면|의 (?:조사|분석|집계|자료|통계|발표|보고서|설문)"
    r"|(?:이|가) (?:조사|분석|집계|발표)(?:한|했)|(?:이|가) (?:낸|펴낸)"
    # "한국경제연구원 조사에 따르면" (the 7 December read's #한국경제연구원)
    r"| (?:조사|분석|집계|자료|통계|보고서|설문)(?:조사)?에 따르면"
    # A lawmaker who obtained the figures: "김희정 의원이 LH로부터 제출받은 자료에 따르면"
    # (the feed fit half's "#김희정" under "포르쉐 끌며 임대아파트 거주…").
    r"|[^.\n]{0,60}?(?:제출받은|받은|입수한) 자료(?:에 따르면|를 분석한|에서))"
)
# A source introduced by a citation and written again as the one who found the figure
# ("한국경제연구원 조사에 따르면 … 한국경제연구원은 … 계산했고") is still the source, when the
# story writes it fewer than this many times.
CITED_SOURCE_MENTIONS = 3
# A person named in full once and then by the surname and a post ("윤석열 대통령 ... 윤
# 대통령은", "김진하 양양군수 ... 김 군수는"), or by the Hanja surname a headline writes for a
# public figure ("尹 체포 저지"): named often enough for a tag.
# Each Hangul surname to the Hanja a headline writes for it ("조": "曺趙"), from
# ``words.HANJA_SURNAME_READINGS``.
HANJA_SURNAMES = {surname: "".join(h for h, s in words.HANJA_SURNAME_READINGS.items()
                                  if s == surname)
                  for surname in dict.fromkeys(words.HANJA_SURNAME_READINGS.values())}
# Public offices only: the head of an institute or a company called "김 원장" is mostly an
# expert or a source quoted (the purity dump's "김범수 서울대 통일평화연구원장" on a survey), a
# pastor is no office, and "대표" heads any shop ("분식집을 운영해 온 김철수 대표는 … 김
# 대표는") unless a party's ("더불어민주당 대표", "국민의힘 대표", "당대표"): the full name
# must be written with the party for "이 대표는" to count.
_OFFICES = "대통령|총리|장관|의원|위원장|군수|시장|지사|도지사|구청장|청장|처장|여사"
_PARTY_LEADER = r"(?:(?<=당)|(?<=당 )|(?<=국민의힘 )|(?<=국민의힘))대표"
_POST_AFTER = r"(?:" + "|".join(NOUN_PARTICLES) + r"|측)?(?![가-힣])"
SURNAME_POST = r"\s(?:전\s|前\s)?(" + _OFFICES + "|대표)" + _POST_AFTER
# After the full name, one word may stand before the post ("김진하 강원 양양군수"), which may
# end a longer word ("양양군수": 군수), and "전" before or after that word ("이재명 전
# 더불어민주당 대표": ko73, the stop-47 read's brief of his case that tagged the four other
# names and not him, "이 전 대표" six times).
NAME_POST = (r"\s?(?:전\s|前\s)?(?:[^\s]+\s)?(?:전\s|前\s)?[가-힣]*?("
             + _OFFICES + "|" + _PARTY_LEADER + ")" + _POST_AFTER)
