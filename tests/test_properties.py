"""Property tests (hypothesis): for any text the parser never raises, loses no body word,
emits HTML with only our tags, and keeps raw "<" out of metadata values."""

from __future__ import annotations

import contextlib
import re
from html.parser import HTMLParser

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from press_release.errors import PressReleaseError
from press_release.parse import parse_release, parse_text
from press_release.parse.normalise import _MOJIBAKE, decode, normalise
from press_release.parse.render import body_html

from .conftest import FIXTURES, fixture_names, load_fixture

OUR_TAGS = {"p", "span", "ul", "ol", "li"}
WORD = re.compile(r"\w+")
SETTINGS = settings(
    max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)

# Text shaped like a release: words, markup, punctuation, Indonesian datelines and codes.
PIECES = st.sampled_from(
    ["SAMARINDA", "–", "-", ",", ".", "(rus/humasprov)", "<script>", "</script>", "<b>", "&",
     "&amp;", '"', "'", "“", "”", "{{ x }}", "**", "Selasa (12/3/2024)", "Judul:", "Tanggal:",
     "Baca juga:", "Berita Terkait", "•", "1.", "a)", "*", "\u00a0", "\u200b", "\u00ad",
     "â€œ", "Ã©", "\r\n", "\n", "\n\n", " ", "Gubernur", "rapat", "Kaltim"]
)  # fmt: skip
RELEASE_TEXT = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=60).map("".join)
ANY_TEXT = st.one_of(st.text(max_size=400), RELEASE_TEXT)


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.open: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.open.append(tag)
        assert all(name == "class" for name, _ in attrs), attrs

    def handle_endtag(self, tag):
        assert self.open and self.open.pop() == tag, (tag, self.open)

    def handle_data(self, data):
        self.text.append(data)


def _parse_html(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    assert parser.open == []
    return parser


@SETTINGS
@given(st.binary(max_size=600))
def test_any_bytes_parse_or_raise_our_error(raw):
    with contextlib.suppress(PressReleaseError):
        parse_release(raw, "x.txt")


@SETTINGS
@given(ANY_TEXT)
def test_parse_text_never_raises_and_renders_our_tags_only(text):
    release = parse_text(normalise(text), "rilis.txt")
    html = _parse_html(release.body_html)
    assert set(html.tags) <= OUR_TAGS


@SETTINGS
@given(ANY_TEXT)
def test_every_body_word_reaches_the_html(text):
    release = parse_text(normalise(text), "rilis.txt")
    shown = " ".join(_parse_html(release.body_html).text)
    for block in release.blocks:
        # List markers ("1.", "-") become the list's own numbering or bullets.
        for text in [block.text] if block.kind == "p" else block.items:
            for word in WORD.findall(text):
                assert word in shown


@SETTINGS
@given(st.lists(st.text(min_size=1, max_size=40), min_size=1, max_size=6))
def test_rendering_keeps_every_character(paragraphs):
    from press_release.parse.paragraphs import Block

    blocks = [Block("p", p) for p in paragraphs]
    html = _parse_html(body_html(blocks, "SAMARINDA –", ["Foto: <b>x</b>"]))
    shown = "".join(html.text)
    for paragraph in paragraphs:
        assert paragraph.replace("\r", "\n") in shown.replace("\r", "\n")


@SETTINGS
@given(RELEASE_TEXT)
def test_metadata_values_hold_no_raw_markup_once_escaped(text):
    """The reader escapes title and summary: what it hands Pelican has no raw "<"."""
    from html import escape

    release = parse_text(normalise(text), "rilis.txt")
    for value in (release.title, release.summary):
        if value:
            assert "<" not in escape(value, quote=False)
    for value in (release.dateline, release.dateline_agency, release.byline, release.desk):
        assert value is None or "<" not in value


@SETTINGS
@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=300))
def test_utf8_without_mojibake_decodes_unchanged(text):
    assume(not _MOJIBAKE.search(text) and not text.startswith("\ufeff"))
    assert decode(text.encode("utf-8")) == (text, "utf-8", [])


@given(st.text(alphabet=st.sampled_from(list("ab <>&;!-/\"'\t\n\u00a0\u2003é")) | st.characters(),
               max_size=60))  # fmt: skip
@settings(max_examples=500, deadline=None, database=None)
def test_plain_text_is_markupsafes_striptags(text):
    """plain_text's shortcut for text without tags or entities changes nothing."""
    from markupsafe import Markup

    from press_release.templating.filters import plain_text

    assert plain_text(text) == Markup(text).striptags()


# Page chrome a copy brings below a release, and the release's own first lines printed
# again there (a teaser, a footer, a table's cells printed twice).
TAIL_CHROME = st.sampled_from(
    [": | 1 |", "![]() |", "| 4397 |", "Home", "Beranda", "Share", "Bagikan", "Komentar",
     "Top", "Menu", "Tags:", "Berita Terkini", "Admin", "Loading...", "---", "1", "2 2", "•"]
)  # fmt: skip
# Releases without a dateline, where the body's start is found by the shape of the
# lines (a title's copy, the first paragraph): what lines below it could mislead.
_LONG_BODIES = [
    name
    for name in fixture_names()
    if "utf16" not in name
    and (release := load_fixture(name)[0]).dateline_text is None
    and len(release.body_text.split()) >= 20
]


@settings(max_examples=300, deadline=None, database=None)
@given(
    st.sampled_from(_LONG_BODIES),
    st.lists(TAIL_CHROME, min_size=1, max_size=6),
    st.booleans(),
    st.lists(TAIL_CHROME, max_size=3),
)
def test_chrome_and_repeated_lines_below_never_empty_the_body(name, tail, again, top):
    """A release keeps its body (most of it: chrome may take a short last line) when its
    first line is printed again below it, then a page's chrome, repeated."""
    raw = decode((FIXTURES / f"{name}.txt").read_bytes())[0]
    words = len(load_fixture(name)[0].body_text.split())
    first = next(line for line in raw.splitlines() if line.strip())
    below = [*([first] if again else []), *tail, *tail[: len(tail) // 2]]
    text = "\n".join([*top, raw.rstrip("\n"), *below]) + "\n"
    release = parse_release(text.encode("utf-8"), f"{name}.txt")
    assert len(release.body_text.split()) >= 0.6 * words
