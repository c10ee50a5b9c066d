"""Web pages through trafilatura and htmldate: the failure patterns of the old reader, offline.

Each page is small and hand-written but shaped like the real ones that failed
(issue 13): a ``has-sidebar`` body, an ASP.NET ``<form>`` wrapper, fractional
seconds, a zone ahead of UTC near midnight, a Persian-calendar date,
"Advertisement" blocks, and untrusted markup that must never reach the network.
"""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_app.commands import import_paths
from timeline_app.ingest.errors import ReaderError
from timeline_app.ingest.html_reader import parse_html
from timeline_app.ingest.readers import read_path
from timeline_app.store.repository import Repository

LEAD = (
    "Water rose on Friday and kept rising through the night, flooding the lower streets "
    "of the valley town and cutting the main road to the north for the first time in years."
)
MIDDLE = (
    "Residents left on Saturday as the river crested. The mayor said shelters in the school "
    "and the sports hall had taken in more than three hundred people by the evening."
)
LAST = (
    "Engineers will inspect the old stone bridge on Monday before it reopens to traffic, "
    "the regional transport office said in a statement."
)
STORY = f"{LEAD}\n\n{MIDDLE}\n\n{LAST}"


def news_page(
    *,
    head: str = "",
    body_attributes: str = "",
    wrapper: tuple[str, str] = ("", ""),
    between: str = "",
    container: str = "article",
) -> str:
    """A news page with menus, a footer and three paragraphs of story."""
    return f"""<!doctype html>
<html><head><title>Floods hit the valley - The Local Times</title>
<meta property="og:site_name" content="The Local Times">{head}</head>
<body {body_attributes}>{wrapper[0]}
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<{container}><h1>Floods hit the valley</h1>
<p>{LEAD}</p>{between}<p>{MIDDLE}</p>{between}<p>{LAST}</p></{container}>
<footer>© 2023 The Local Times. All rights reserved. Imprint. Privacy.</footer>
{wrapper[1]}</body></html>"""


def meta_date(value: str) -> str:
    return f'<meta property="article:published_time" content="{value}">'


def test_a_news_page_gives_its_story_title_outlet_and_url() -> None:
    page = news_page(head='<link rel="canonical" href="https://example.org/floods">')
    article = parse_html(page, path="page.html")
    assert article.text == STORY
    assert article.title == "Floods hit the valley"
    assert article.source == "The Local Times"
    assert article.url == "https://example.org/floods"
    assert article.read_warning == ""


@pytest.mark.parametrize(
    ("body_attributes", "wrapper", "container"),
    [
        ('class="has-sidebar menu-type-dropdownmenu cookies-not-set"', ("", ""), "article"),
        ("", ('<form method="post" action="./story.aspx" id="aspnetForm">', "</form>"), "div"),
        ('id="body_social" class="page"', ("", ""), "div"),
    ],
    ids=["body-class-has-sidebar", "aspnet-form-wrapper", "no-article-element"],
)
def test_wrappers_that_look_like_furniture_keep_the_story(
    body_attributes: str, wrapper: tuple[str, str], container: str
) -> None:
    """The old filter dropped the whole page when <body> or a <form> wrapper had such a class."""
    page = news_page(body_attributes=body_attributes, wrapper=wrapper, container=container)
    article = parse_html(page)
    assert article.text == STORY
    assert "Home" not in article.text
    assert "rights reserved" not in article.text


def test_advertisement_blocks_are_not_the_article() -> None:
    """Once a page gave the single word "Advertisement" as its text."""
    block = '<div class="ad-container"><span>Advertisement</span></div>'
    article = parse_html(news_page(between=block))
    assert article.text == STORY
    assert "Advertisement" not in article.text


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2021-03-04T21:24:10.336533-05:00", date(2021, 3, 4)),  # fractional seconds
        ("2020-02-15T07:00+09:00", date(2020, 2, 15)),  # the 14th in UTC: never shifted
        ("2020-02-15T00:30:00+09:00", date(2020, 2, 15)),
        ("2019-12-31T22:00:00-05:00", date(2019, 12, 31)),  # the 1st in UTC
        ("Wed, 04 May 2022 02:41:00 GMT", date(2022, 5, 4)),
    ],
)
def test_the_day_is_the_one_the_page_states_in_its_own_zone(value: str, day: date) -> None:
    article = parse_html(news_page(head=meta_date(value)))
    assert article.published == day
    assert article.published_problem == ""


def test_json_ld_date_published_is_read() -> None:
    ld = '<script type="application/ld+json">{"@graph": [{"datePublished": "2022-12-21T05:49:28+00:00", "dateModified": "2022-12-20T16:55:21+00:00"}]}</script>'  # noqa: E501
    article = parse_html(news_page(head=ld))
    assert article.published == date(2022, 12, 21)  # published, not the (earlier) modified


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("۱۳۹۹/۰۵/۱۲", "another script or calendar"),  # Persian digits, Persian year 1399
        ("1399-05-12", "not a Gregorian date between 1800 and next year"),
        ("2023-02-29", "is not a real date"),
    ],
)
def test_dates_in_another_calendar_or_impossible_are_not_taken(value: str, problem: str) -> None:
    article = parse_html(news_page(head=meta_date(value)))
    assert article.published is None or article.published.year >= 1800
    assert article.published != date(1399, 5, 12)
    assert problem in article.published_problem


def test_an_ambiguous_numeric_date_is_left_for_the_text_to_settle() -> None:
    article = parse_html(news_page(head='<meta name="date" content="11/01/2023 12:43:42">'))
    assert article.published == date(2023, 11, 1)  # month first, as written in the US
    assert article.extra["published_alternative"] == "2023-01-11"


def test_a_thin_page_with_a_title_is_imported_with_a_warning(
    articles_dir: Path, db_path: Path
) -> None:
    page = articles_dir / "notice.html"
    page.write_text(
        "<html><head><title>Road closed</title>"
        + meta_date("2024-03-05T09:00:00+01:00")
        + "</head><body><p>The road is closed today.</p></body></html>",
        encoding="utf-8",
    )
    with Repository(db_path) as repo:
        report = import_paths(repo, [page], workers=1)
        (article_id,) = report.imported
        article = repo.article(article_id)
    assert report.failures == []
    (warning,) = report.warnings
    assert warning.message.startswith("only 5 words of article text found in the page")
    assert article.title == "Road closed"
    assert article.published == date(2024, 3, 5)


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><script>x()</script></head><body><nav>Menu</nav></body></html>",
        "<html><body><div>  </div><!-- nothing --></body></html>",
        "   ",
    ],
)
def test_a_page_with_nothing_readable_is_refused_with_the_reason(page: str) -> None:
    with pytest.raises(ReaderError, match=r"nothing readable|no HTML content"):
        parse_html(page)


@given(st.text(alphabet=st.sampled_from(list("<>/=\"' abpdivscrt!-&;#x\n")), max_size=300))
@settings(max_examples=60, deadline=None)
def test_html_reader_never_fails_unexpectedly(markup: str) -> None:
    try:
        article = parse_html(markup)
    except ReaderError:
        return
    assert article.text.strip()


# -- nothing is fetched ------------------------------------------------------------


class _CountingHandler(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []  # noqa: RUF012 (shared on purpose: the test reads it)

    def do_GET(self) -> None:
        type(self).requests.append(self.path)
        body = b"<html><head><title>Fetched</title></head><body><p>2001-01-01</p></body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def loopback_server() -> Iterator[str]:
    """A web server on 127.0.0.1 that records every request it gets."""
    _CountingHandler.requests = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _CountingHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_untrusted_markup_and_urls_are_never_fetched(
    articles_dir: Path, loopback_server: str
) -> None:
    url = loopback_server
    hostile = f"""
<meta http-equiv="refresh" content="0; url={url}/refresh">
<link rel="stylesheet" href="{url}/style.css"><link rel="canonical" href="{url}/canonical">
<meta property="og:url" content="{url}/og"><base href="{url}/base/">
<script src="{url}/script.js"></script>
<script>fetch("{url}/fetch"); document.write('<img src="{url}/written">');</script>"""
    between = (
        f'<img src="{url}/image.jpg"><iframe src="{url}/frame"></iframe>'
        f'<object data="{url}/object"></object><video src="{url}/video"></video>'
    )
    (articles_dir / "hostile.html").write_text(news_page(head=hostile, between=between))
    # htmldate downloads a *string* that looks like a URL: a file that is nothing else.
    (articles_dir / "only-a-url.html").write_text(f"{url}/the-whole-file")
    (articles_dir / "xml.xhtml").write_text(
        f'<?xml version="1.0"?><!DOCTYPE html SYSTEM "{url}/dtd"><html><body>'
        f"<p>{LEAD}</p><p>{MIDDLE}</p></body></html>"
    )
    (article,) = read_path(articles_dir / "hostile.html")
    assert article.text == STORY
    assert article.url == f"{url}/canonical"  # recorded as metadata, never opened
    with pytest.raises(ReaderError):
        read_path(articles_dir / "only-a-url.html")
    read_path(articles_dir / "xml.xhtml")
    assert _CountingHandler.requests == []


def test_nested_json_ld_does_not_break_the_page() -> None:
    nested = '{"a": ' * 5000 + "1" + "}" * 5000
    page = news_page(head=f'<script type="application/ld+json">{nested}</script>')
    assert parse_html(page).text == STORY


def test_link_lists_without_class_hints_are_left_out() -> None:
    links = (
        '<p>Read more: <a href="/a">Earlier story about the river</a></p>'
        '<ul><li><a href="/b">Another headline of the day</a></li>'
        '<li><a href="/c">Third headline of the day</a></li></ul>'
    )
    article = parse_html(news_page().replace("</article>", links + "</article>"))
    assert "headline" not in article.text
    assert article.text.startswith(LEAD)


def test_svg_titles_are_not_page_titles() -> None:
    page = "<body><svg><title>icon-share</title></svg><h2>Story</h2><p>" + LEAD + "</p></body>"
    article = parse_html(page)
    assert article.title != "icon-share"
    assert "icon-share" not in article.text


def test_pointers_to_other_stories_and_back_matter_are_left_out() -> None:
    """Whatever the language: a block that is mostly a link, a trailing label with no
    story after it, and a "Further reading:" tail of short references."""
    teaser = (
        '<blockquote>SEE ALSO: <a href="/other">How the river was tamed in 1950</a></blockquote>'
    )
    tail = (
        "<h2>More from the valley</h2>"
        '<ul><li><a href="/a">Bridge repairs begin next week</a></li>'
        '<li><a href="/b">School reopens after the storm</a></li></ul>'
        "<p>Further reading:</p><p>Smith, J. (2019). Floods of the valley. Riverside Press.</p>"
        "<p>Topics</p>"
    )
    page = news_page(between=teaser).replace("</article>", tail + "</article>")
    article = parse_html(page)
    assert article.text == STORY


def test_long_paragraphs_styled_as_headings_stay() -> None:
    """Some pages set their intro in a heading element: it is story, not a label."""
    intro = (
        "<h2>Floods came early this year, and for the people of the valley the "
        "first night was the worst in memory.</h2><h2>What happened</h2>"
    )
    article = parse_html(news_page().replace("<p>", intro + "<p>", 1))
    assert article.text.startswith("Floods came early this year")
    assert article.text.endswith(LAST)
