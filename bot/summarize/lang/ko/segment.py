"""Korean lines and spans that are not a story's prose: wire datelines and bylines, credits,
notices."""

from __future__ import annotations

import re

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
# links to related stories.
BOILERPLATE = re.compile(
    r"무단\s*(?:전재|복제)|재배포\s*금지|저작권자|ⓒ|©|[(\[]\s*(?:사진|그래픽|자료|영상|출처)\s*(?:제공)?\s*="
    r"|^\s*(?:사진|그래픽|자료|영상)\s*(?:제공)?\s*=|제공\s*=|[\w.+-]+@[\w-]+\.[\w.]+|^\s*[▶△▲☞■]"
    r"|^\s*(?:관련\s*기사|기사\s*원문|더보기)"
)
# A photo credit closing a caption, which flattened HTML glues to the story's first sentence:
# "서울 서초구 대법원 청사 전경. /뉴스1법에 허용되는 …", "대구법원./뉴스1음주운전을 …",
# "/조선DB", "/연합뉴스", "/게티이미지뱅크", "/경찰청 제공", "/홍길동 기자".
CREDIT_END = re.compile(
    r"[.。]?\s?/\s?(?:뉴스1|연합뉴스|뉴시스|조선DB|조선일보DB|게티이미지(?:뱅크|코리아)?|AP|AFP|EPA|"
    r"로이터|신화|UPI|뉴스핌|[가-힣A-Za-z0-9]{1,12}\s?(?:제공|DB|캡처)|[가-힣]{2,4}\s?기자"
    r"|[가-힣]{1,12}\s?(?:홈페이지|유튜브|인스타그램|페이스북)(?:\s?캡처)?)(?:\s?=\s?연합뉴스)?"
)
# A byline in the middle of flattened text: "… 했다.홍길동 기자 = 정부는 …".
BYLINE = re.compile(rf"(?<=[.!?다])\s?{REPORTER}\s?=\s?")
# A caption: a line that ends in a photo credit.
CAPTION = re.compile(CREDIT_END.pattern + r"\s*$")
