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
