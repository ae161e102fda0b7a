"""Is the article a news report? It decides which checkable-claim rules apply (``claims.REPORT_RULES``).

A report states its events in its own voice; an essay, a textbook or an encyclopedia entry argues, and its
reasoning (generalisations, conclusions, predictions) is a claim too.
"""

from __future__ import annotations

import re
from functools import lru_cache

from medialit.core.article import DATELINE, HEAD_LINES, Article, body_lines


@lru_cache(maxsize=16)
def is_dated_report(body: str) -> bool:
    """A news report: a dateline ("Friday, July 21, 2017") among the first lines of the body, on its own line or
    running on into the lede (``medialit.core.article``)."""
    return any(DATELINE.fullmatch(body, start, end) for start, end in body_lines(body)[:HEAD_LINES])


_NEWS_DAY = re.compile(r"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|yesterday|today|tonight)\b", re.IGNORECASE)


def is_news_report(article: Article) -> bool:
    """A news report: a dateline, or a lede that sets its event on a day ("Yesterday, the jury convicted ...",
    "On Tuesday, the party held ...", "died Tuesday at age 65"), as a report of the day's news does and an
    essay, a textbook or an encyclopedia entry does not. Reports scraped without their dateline keep the lede."""
    if is_dated_report(article.body):
        return True
    headings = [(b.start, b.end) for b in article.paragraphs if b.kind == "heading"]
    lede = next((s for s in article.sentences if not any(h <= s[0] < e for h, e in headings)), None)
    return lede is not None and bool(_NEWS_DAY.search(article.body[lede[0] : lede[1]]))
