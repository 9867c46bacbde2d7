"""What the theme draws of photos beyond each release's own (features/photos.py gives
``article.photos``): the image of a release without photos when it is shared, and the
JSON-LD ``image`` of a release.

The default social image is ``PRESS_RELEASE_SOCIAL_IMAGE``, else the theme's neutral
``img/social.png`` (1200 x 630, the size link previews show in full).
"""

from __future__ import annotations

from functools import lru_cache

from .filters import absolute_url

DEFAULT_SOCIAL_IMAGE = "img/social.png"  # inside the theme's static folder
DEFAULT_SOCIAL_SIZE = (1200, 630)


@lru_cache(maxsize=16)
def _social_image(siteurl: str, static_dir: str, given: str | None) -> dict:
    settings = {"SITEURL": siteurl}
    if given:  # its size is the office's to choose: not stated
        return {"url": absolute_url(settings, given), "width": None, "height": None}
    width, height = DEFAULT_SOCIAL_SIZE
    url = absolute_url(settings, f"{static_dir}/{DEFAULT_SOCIAL_IMAGE}")
    return {"url": url, "width": width, "height": height}


def _keys(settings) -> tuple[str, str, str | None]:
    return (
        settings.get("SITEURL") or "",
        settings.get("THEME_STATIC_DIR", "theme"),
        settings.get("PRESS_RELEASE_SOCIAL_IMAGE"),
    )


def social_image(settings) -> dict:
    """``{"url", "width", "height"}`` of the image shown when a release without photos
    is shared (width and height None when not known)."""
    return _social_image(*_keys(settings))


@lru_cache(maxsize=16)
def _default_object(siteurl: str, static_dir: str, given: str | None) -> dict:
    image = _social_image(siteurl, static_dir, given)
    data = {"@type": "ImageObject", "url": image["url"]}
    if image["width"]:
        data["width"], data["height"] = image["width"], image["height"]
    return data


def image_jsonld(settings, article) -> dict:
    """The schema.org ImageObject of a release: its lead photo (the widest JPEG, with
    caption, credit, width and height), else the default social image (one object for
    every release without photos: it is only read)."""
    photos = getattr(article, "photos", None)
    if not photos:
        return _default_object(*_keys(settings))
    lead = photos[0]
    full = lead["full"]
    data = {
        "@type": "ImageObject",
        "url": absolute_url(settings, full["url"]),
        "width": full["width"],
        "height": full["height"],
    }
    if lead["caption"]:
        data["caption"] = lead["caption"]
    if lead["credit"]:
        data["creditText"] = lead["credit"]
    return data


def setup_photos(generator) -> None:
    """`generator_init`, after environment.setup_environment: the default social image
    as the templates' ``SOCIAL_IMAGE``."""
    generator.env.globals["SOCIAL_IMAGE"] = social_image(generator.settings)
