"""The parts drawn once per release, written in Python instead of Jinja partials.

A release page's head metadata, share links, byline, related releases and newer/older
links were five ``{% include %}``d partials: some hundred and fifty template expressions,
each an attribute lookup or filter call through Jinja's runtime, and a copy of Pelican's
whole context (every setting) per include: three quarters of the time to render a release
page. The card of a release in a list was a macro, called some 70,000 times for the lists
of a 10,000-release site, and the pagination of the 7,000 list pages a partial (a sixth of
a list page's time). Here each is one function of the release, with the same markup
byte for byte (two builds were compared file by file), registered as a template global by
:func:`theme_support.setup_environment`:

    {{ release_byline(article) }}

Every text of the release goes through ``plain`` (tags stripped, escaped); URLs and
translations are inserted as the templates did, since Pelican's Jinja environment does
not autoescape. Page-dependent values (``SITEURL`` under RELATIVE_URLS) come from the
page's template context.
"""

from __future__ import annotations

import re

from jinja2 import pass_context
from markupsafe import Markup

from . import related
from .parse.byline import credited_reporters

# Jinja's ``urlencode`` of a string (urllib's quote of its UTF-8 bytes, "/" kept), as one
# str.translate of those bytes read as Latin-1: each byte maps to itself or to "%XX".
_URL_SAFE = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~/")
_URL_QUOTED = [chr(byte) if byte in _URL_SAFE else f"%{byte:02X}" for byte in range(256)]


def url_quote(text: str) -> str:
    """``{{ text|urlencode }}`` for a string, at C speed (twice Jinja's)."""
    return text.encode("utf-8").decode("latin-1").translate(_URL_QUOTED)


def make_fragments(env, translations, plain, plain_text, jsonld) -> dict:
    """Template globals rendering the release page's parts, for one Jinja environment.

    ``jsonld(article, url, summary)`` is the release's JSON-LD (theme_support).
    """
    filters = env.filters
    gettext = translations.gettext
    ngettext = translations.ngettext

    def page(context) -> tuple[str, str]:
        return context.get("SITEURL", ""), str(context.get("CONTENT_LANG_ATTR", ""))

    @pass_context
    def release_head(context, article) -> Markup:
        """Description, canonical URL, OpenGraph, Twitter card and JSON-LD."""
        page_url = filters["absolute_url"](article.url)
        summary_text = article.summary
        title, summary = plain(article.title), plain(summary_text)
        modified = getattr(article, "modified", None)
        category = getattr(article, "category", None)
        return Markup(
            f'<meta name="description" content="{summary}">\n'
            f'<link rel="canonical" href="{page_url}">\n'
            '<meta property="og:type" content="article">\n'
            f'<meta property="og:title" content="{title}">\n'
            f'<meta property="og:description" content="{summary}">\n'
            f'<meta property="og:url" content="{page_url}">\n'
            f'<meta property="og:site_name" content="{plain(context.get("SITENAME"))}">\n'
            f'<meta property="og:locale" content="{context.get("OG_LOCALE", "")}">\n'
            f'<meta property="article:published_time" content="{article.date.isoformat()}">\n'
            + (
                f'<meta property="article:modified_time" content="{modified.isoformat()}">'
                if modified
                else ""
            )
            + (
                f'<meta property="article:section" content="{plain(category.name)}">'
                if category
                else ""
            )
            + '<meta name="twitter:card" content="summary">\n'
            f'<meta name="twitter:title" content="{title}">\n'
            f'<meta name="twitter:description" content="{summary}">\n'
            f'<script type="application/ld+json">{jsonld(article, page_url, summary_text)}</script>'
        )

    @pass_context
    def release_share(context, article) -> Markup:
        """Share links as plain URLs, copy link and print (see enhance.js)."""
        siteurl, _lang = page(context)
        page_url = filters["absolute_url"](article.url)
        text = plain_text(article.title)
        url_q, text_q = url_quote(page_url), url_quote(text)
        return Markup(
            '<section class="pr-share" aria-labelledby="pr-share-heading">\n'
            f'<h2 class="pr-share__heading" id="pr-share-heading">'
            f"{gettext('Share this release')}</h2>\n"
            '<ul class="pr-share__list">\n'
            '<li class="pr-share__item"><a class="pr-share__link" href="https://wa.me/?text='
            f'{url_quote(text + " " + page_url)}">WhatsApp</a></li>\n'
            '<li class="pr-share__item"><a class="pr-share__link" '
            f'href="https://www.facebook.com/sharer/sharer.php?u={url_q}">Facebook</a></li>\n'
            '<li class="pr-share__item"><a class="pr-share__link" '
            f'href="https://x.com/intent/tweet?text={text_q}&amp;url={url_q}">X</a></li>\n'
            '<li class="pr-share__item"><a class="pr-share__link" '
            f'href="mailto:?subject={text_q}&amp;body={url_q}">{gettext("E-mail")}</a></li>\n'
            '<li class="pr-share__item"><a class="pr-share__link pr-share__link--copy" '
            f'href="{siteurl}/{article.url}" data-pr-copy="{gettext("Link copied")}" '
            f'data-pr-copy-label="{gettext("Copy link")}">'
            f"{gettext('Link to this release')}</a></li>\n"
            "</ul>\n"
            '<p class="pr-share__status" role="status" data-pr-status></p>\n'
            '<button type="button" class="pr-button pr-button--secondary" data-pr-print hidden>'
            f"{gettext('Print this release')}</button>\n"
            "</section>"
        )

    @pass_context
    def release_byline(context, article) -> Markup:
        """The byline under the body: reporters (linked), desk, credits, the code."""
        siteurl, _lang = page(context)
        codes = getattr(article, "reporters", None) or []
        byline = getattr(article, "byline", None)
        desk = getattr(article, "desk", None)
        credits = getattr(article, "credits", None) or []
        credited = getattr(article, "credited_reporters", None)  # set only without codes
        if not (byline or codes or desk or credits):
            return Markup("")
        reporter_name, desk_name = filters["reporter_name"], filters["desk_name"]
        rows = []
        authors = {}
        for author in getattr(article, "authors", None) or []:
            authors.setdefault(author.name, author)  # the first of a name, as |first
        if codes:
            names = []
            for code in codes:
                name = plain(reporter_name(code))
                author = authors.get(code)
                names.append(f'<a href="{siteurl}/{author.url}">{name}</a>' if author else name)
            label = ngettext("Reporter", "Reporters", len(codes)) % {"num": len(codes)}
            rows.append(
                f'<div class="pr-byline__row"><dt>{label}</dt>\n<dd>{", ".join(names)}</dd></div>\n'
            )
        if desk:
            rows.append(
                f'<div class="pr-byline__row"><dt>{gettext("Desk")}</dt>'
                f"<dd>{plain(desk_name(desk))}</dd></div>\n"
            )
        for credit in credits:
            label, sep, name = credit.partition(":")
            if sep and name.strip():
                label, text = plain(label.strip()), str(plain(name.strip()))
            else:
                label, text = gettext("Credit"), str(plain(credit))
            if credited:  # the reporters this line names (parse.byline) link to their pages
                text = _link_names(text, credited_reporters([credit]), authors, siteurl)
            rows.append(f'<div class="pr-byline__row"><dt>{label}</dt><dd>{text}</dd></div>\n')
        if byline:
            rows.append(
                f'<div class="pr-byline__row"><dt>{gettext("Byline code")}</dt><dd>'
                f'<code class="pr-byline__code">({plain(byline)})</code></dd></div>\n'
            )
        return Markup('<dl class="pr-byline">\n' + "".join(rows) + "</dl>\n")

    def _link_names(text: str, names: list[str], authors: dict, siteurl: str) -> str:
        """The escaped `text` with the first mention of each of `names` that has an
        author page linked to it; one pass, longest names first ("Ani Lestari dan Ani")."""
        links = {}
        for name in names:
            if (author := authors.get(name)) is not None:
                links[str(plain(name))] = f"{siteurl}/{author.url}"
        if not links:
            return text
        pattern = "|".join(map(re.escape, sorted(links, key=len, reverse=True)))

        def link(match: re.Match) -> str:
            shown = match.group(0)
            url = links.pop(shown, None)  # each name once
            return f'<a href="{url}">{shown}</a>' if url else shown

        return re.sub(pattern, link, text)

    # A release is listed as related on about five other pages: the formatting of its
    # date (and its place) is done once per process. Whole items cached took 6 MiB more
    # of peak memory at 10,000 releases for a few microseconds more per page.
    related_meta: dict = {}

    @pass_context
    def release_related(context, article) -> Markup:
        """ "Berita Terkait": up to five related releases (related.py)."""
        related.finish()  # when computed in the background and no writer took them yet
        others = getattr(article, "related_releases", None)
        if not others:
            return Markup("")
        siteurl, lang = page(context)
        items = []
        for other in others:
            meta = related_meta.get(other)
            if meta is None:
                meta = related_meta[other] = _related_meta(other)
            items.append(
                f'<li class="pr-related__item"><a class="pr-related__link"{lang} '
                f'href="{siteurl}/{other.url}">{plain(other.title)}</a>\n'
                f'<span class="pr-related__meta">{meta}</span></li>\n'
            )
        return Markup(
            '<section class="pr-related" aria-labelledby="pr-related-heading">\n'
            '<h2 class="pr-related__heading" id="pr-related-heading">'
            f"{gettext('Related releases')}</h2>\n"
            '<ul class="pr-related__list">\n' + "".join(items) + "</ul>\n</section>\n"
        )

    def _related_meta(other) -> str:
        place = getattr(other, "place", None)
        return (
            f'<time datetime="{other.date.isoformat()}">'
            f"{filters['pr_date'](other.date, 'long')}</time>"
            + (f" · {plain(place.name)}" if place else "")
        )

    @pass_context
    def release_neighbours(context, article) -> Markup:
        """Links to the older and the newer release."""
        older = getattr(article, "older_release", None)
        newer = getattr(article, "newer_release", None)
        if not (newer or older):
            return Markup("")
        siteurl, lang = page(context)
        items = []
        for other, kind, label, rel in (
            (older, "older", "Older release", "prev"),
            (newer, "newer", "Newer release", "next"),
        ):
            if other:
                items.append(
                    f'<li class="pr-neighbours__item pr-neighbours__item--{kind}">'
                    f'<span class="pr-neighbours__label">{gettext(label)}</span>\n'
                    f'<a class="pr-neighbours__link"{lang} rel="{rel}" '
                    f'href="{siteurl}/{other.url}">{plain(other.title)}</a></li>\n'
                )
        return Markup(
            f'<nav class="pr-neighbours" aria-label="{gettext("Newer and older releases")}">\n'
            '<ul class="pr-neighbours__list">\n' + "".join(items) + "</ul>\n</nav>\n"
        )

    @pass_context
    def release_pagination(context, current, paginator, previous, following) -> Markup:
        """The links to the other pages of a list (Pelican's ``articles_page``,
        ``articles_paginator``, ``articles_previous_page``, ``articles_next_page``):
        newer, the first, last and neighbouring page numbers with gaps, older."""
        if not paginator or paginator.num_pages <= 1:
            return Markup("")
        siteurl, _lang = page(context)
        number, last = current.number, paginator.num_pages
        hidden = '<span class="pr-visually-hidden">'
        items = []
        if current.has_previous():
            items.append(
                '<li class="pr-pagination__item pr-pagination__item--prev">'
                f'<a class="pr-pagination__link" rel="prev" href="{siteurl}/{previous.url}">'
                f"&lsaquo; {gettext('Newer')}{hidden} {gettext('releases')}</span></a></li>\n"
            )
        shown = sorted({n for n in (1, number - 1, number, number + 1, last) if 1 <= n <= last})
        label = gettext("Page")
        before = 0
        for n in shown:
            if n - before > 1:
                items.append(
                    '<li class="pr-pagination__item pr-pagination__item--gap" '
                    'aria-hidden="true">…</li>\n'
                )
            before = n
            if n == number:
                link = (
                    '<a class="pr-pagination__link pr-pagination__link--current" '
                    f'href="{siteurl}/{current.url}" aria-current="page">'
                )
            else:
                link = f'<a class="pr-pagination__link" href="{siteurl}/{paginator.page(n).url}">'
            items.append(
                f'<li class="pr-pagination__item">{link}{hidden}{label} </span>{n}</a></li>\n'
            )
        if current.has_next():
            items.append(
                '<li class="pr-pagination__item pr-pagination__item--next">'
                f'<a class="pr-pagination__link" rel="next" href="{siteurl}/{following.url}">'
                f"{gettext('Older')}{hidden} {gettext('releases')}</span> &rsaquo;</a></li>\n"
            )
        status = gettext("Page %(number)s of %(total)s") % {"number": number, "total": last}
        return Markup(
            f'<nav class="pr-pagination" aria-label="{gettext("Pages of results")}">\n'
            '<ul class="pr-pagination__list">\n'
            + "".join(items)
            + f'</ul>\n<p class="pr-pagination__status">{status}</p>\n</nav>\n'
        )

    # Each release's card appears on about seven list pages (home, region, reporter, place,
    # year, month): its head (title, date, place, region) is drawn once per process and
    # looked up the other times (about 10 MiB of peak memory at 10,000 releases). The lead,
    # as long as the rest together, is escaped each time: cached, it would take as much again.
    # The environment, and this cache, is new each build.
    card_heads: dict[tuple, str] = {}

    @pass_context
    def release_card(context, article, level=2) -> Markup:
        """A release in a list: title link, date, place and region, lead. `level` is the
        heading level, so that a card sits under the page's h1 or a section heading."""
        siteurl, lang = page(context)
        key = (article, level, siteurl, lang)
        head = card_heads.get(key)
        if head is None:
            head = card_heads[key] = _card_head(article, level, siteurl, lang)
        summary = getattr(article, "summary", None)
        return Markup(
            head
            + (f'<p class="pr-card__lead"{lang}>{plain(summary)}</p>' if summary else "")
            + "</article>"
        )

    def _card_head(article, level, siteurl, lang) -> str:
        place = getattr(article, "place", None)
        category = getattr(article, "category", None)
        sep = '<span class="pr-card__sep" aria-hidden="true"> · </span>'
        return (
            f'<article class="pr-card">\n<h{level} class="pr-card__title"{lang}>'
            f'<a class="pr-card__link" href="{siteurl}/{article.url}">{plain(article.title)}'
            f'</a></h{level}>\n<p class="pr-card__meta">\n<time datetime="'
            f'{article.date.isoformat()}">{filters["pr_date"](article.date)}</time>'
            + (f'{sep}<span class="pr-card__place">{plain(place.name)}</span>' if place else "")
            + (
                f'{sep}<span class="pr-card__category">{plain(category.name)}</span>'
                if category
                else ""
            )
            + "</p>\n"
        )

    return {
        "release_card": release_card,
        "release_head": release_head,
        "release_share": release_share,
        "release_byline": release_byline,
        "release_related": release_related,
        "release_neighbours": release_neighbours,
        "release_pagination": release_pagination,
    }
