"""schema.org data of a release (NewsArticle) and of the office (its publisher)."""

from __future__ import annotations

import json

from markupsafe import Markup

from ..features.reporters import Reporters
from ..settings import office as office_of
from .filters import absolute_url, content_lang, logo_url, plain_text
from .photos import image_jsonld


def release_jsonld(settings, article, publisher=None, reporters=None):
    """The schema.org NewsArticle of a release, as a JSON string safe inside <script>.

    `publisher` is jsonld_publisher(settings), the same for every release of a build,
    made once by setup_environment, as is `reporters` (Reporters.of(settings)).
    """
    office, publisher = publisher or jsonld_publisher(settings)
    desks = settings.get("PRESS_RELEASE_DESKS") or {}
    reporters = reporters or Reporters.of(settings)
    codes = getattr(article, "reporters", None) or ()
    # People: the known reporters of the byline code, else the names of credit lines;
    # an unknown code or an advertorial mark is no person (features/reporters.py).
    names = [reporters.name(code) for code in reporters.people(codes)]
    if not codes:
        names = list(getattr(article, "credited_reporters", None) or ())
    if names:
        author = [{"@type": "Person", "name": name} for name in names]
    else:
        desk = getattr(article, "desk", None)
        author = [
            # an unknown desk code is no name: the office stands for it
            {"@type": "GovernmentOrganization", "name": desks.get(desk) or office["name"]}
        ]
    published = article.date.isoformat()
    modified = getattr(article, "modified", None)
    url = absolute_url(settings, article.url)
    summary = getattr(article, "summary", "")
    data = {
        "@context": "https://schema.org",
        # schema.org's type for paid content ("adv" in the byline code)
        "@type": "AdvertiserContentArticle" if reporters.any_advertorial(codes) else "NewsArticle",
        "headline": plain_text(article.title),
        "description": plain_text(summary),
        "datePublished": published,
        "dateModified": modified.isoformat() if modified else published,
        "inLanguage": content_lang(settings),
        "url": url,
        "mainEntityOfPage": url,
        "author": author,
        "publisher": publisher,
        "image": image_jsonld(settings, article),
    }
    dateline = getattr(article, "dateline_display", None)
    if dateline:
        data["dateline"] = dateline
    category = getattr(article, "category", None)
    if category is not None:
        data["articleSection"] = str(category)
    return _script_safe(_JSON.encode(data))


_JSON = json.JSONEncoder(ensure_ascii=False)  # json.dumps(..., ensure_ascii=False)


def _script_safe(text: str) -> Markup:
    """JSON text that can never close the <script> element or open a comment."""
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def breadcrumb_jsonld(settings, trail) -> Markup:
    """The schema.org BreadcrumbList of a page: ``trail`` is ``[(label, url), ...]`` from
    the home page down to the page itself (labels may be escaped HTML)."""
    data = {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": plain_text(label),
                "item": absolute_url(settings, url or "/"),
            }
            for position, (label, url) in enumerate(trail, start=1)
        ],
    }
    return _script_safe(_JSON.encode(data))


def jsonld_publisher(settings) -> tuple[dict, dict]:
    """``(office, publisher)``: the office identity and the JSON-LD publisher it makes."""
    office = office_of(settings)
    publisher = {
        "@type": "GovernmentOrganization",
        "name": office["name"],
        "logo": {"@type": "ImageObject", "url": absolute_url(settings, logo_url(settings, office))},
    }
    if settings.get("SITEURL"):
        publisher["url"] = settings["SITEURL"].rstrip("/") + "/"
    if office["parent"]:
        publisher["parentOrganization"] = {
            "@type": "GovernmentOrganization",
            "name": office["parent"],
        }
    return office, publisher
