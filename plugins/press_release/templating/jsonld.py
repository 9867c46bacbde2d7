"""schema.org data of a release (NewsArticle) and of the office (its publisher)."""

from __future__ import annotations

import json

from markupsafe import Markup

from ..settings import office as office_of
from .filters import absolute_url, content_lang, logo_url, plain_text
from .photos import image_jsonld


def release_jsonld(settings, article, publisher=None):
    """The schema.org NewsArticle of a release, as a JSON string safe inside <script>.

    `publisher` is jsonld_publisher(settings), the same for every release of a build,
    made once by setup_environment.
    """
    office, publisher = publisher or jsonld_publisher(settings)
    desks = settings.get("PRESS_RELEASE_DESKS") or {}
    reporters = settings.get("PRESS_RELEASE_REPORTERS") or {}
    codes = list(
        getattr(article, "reporters", None) or getattr(article, "credited_reporters", None) or []
    )
    if codes:
        author = [{"@type": "Person", "name": reporters.get(code, code)} for code in codes]
    else:
        desk = getattr(article, "desk", None)
        author = [
            {"@type": "GovernmentOrganization", "name": desks.get(desk, desk or office["name"])}
        ]
    published = article.date.isoformat()
    modified = getattr(article, "modified", None)
    url = absolute_url(settings, article.url)
    summary = getattr(article, "summary", "")
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
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
    text = _JSON.encode(data)
    # never let a value close the <script> element or open a comment
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


_JSON = json.JSONEncoder(ensure_ascii=False)  # json.dumps(..., ensure_ascii=False)


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
