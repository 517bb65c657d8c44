"""Korean clause boundaries where a point may be cut short (see ``bot.summarize.trim``)."""

from __future__ import annotations

import re

# Korean connective endings that close a clause ("…했고", "…하며", "…지만").
CUT = re.compile(r"(?<=[고며만데서])(?=[ ,])|(?<=[,;]) ")
# A subject or topic of the prefix's own: "정부는 ", "연구팀이 ".
SUBJECT = re.compile(r"\S(?:은|는|이|가|께서)(?=\s)")
