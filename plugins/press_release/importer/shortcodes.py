"""WordPress shortcodes in a post's stored text: a caption's image and text become a
photo and a paragraph of their own, galleries
become photos, embeds and forms go with a warning, page-builder tags go and their text
stays. Square brackets that are no shortcode ("[dni]", a credit) are left alone."""

from __future__ import annotations

import re

from .messages import Note, note

# [caption id="attachment_12" align="alignnone" width="640"]<img ...> Caption text[/caption]
CAPTION = re.compile(
    r"\[caption(?P<attrs>[^\]]*)\]"  # the opening tag and its attributes
    r"(?P<inner>.*?)"  # the image (perhaps in a link), then the caption text
    r"\[/caption\]",
    re.I | re.S,
)
# The image at the start of a caption's inner text, perhaps wrapped in a link.
CAPTION_MEDIA = re.compile(
    r"\s*(?P<media>(?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?)"  # [link] img [/link]
    r"(?P<text>.*)",  # the caption
    re.I | re.S,
)
# caption="..." in the opening tag: how WordPress before 3.4 stored the caption.
CAPTION_ATTR = re.compile(r'caption\s*=\s*"(?P<text>[^"]*)"', re.I)
# [gallery ids="12,13,14" ...]
GALLERY = re.compile(r"\[gallery\b(?P<attrs>[^\]]*)\]", re.I)
GALLERY_IDS = re.compile(r"ids\s*=\s*[\"']?(?P<ids>[\d,\s]+)", re.I)
# Shortcodes whose whole content is an embed or a form: dropped, content and all.
EMBED = re.compile(
    r"\[(?P<name>embed|video|audio|playlist|contact-form-7|contact-form|wpforms|gravityform)"
    r"\b[^\]]*\]"  # the opening tag
    r"(?:(?P<inner>[^\[]*)\[/(?P=name)\])?",  # its content and closing tag, if any
    re.I,
)
# Page-builder and plugin shortcodes (WPBakery, Divi, Avada, Shortcodes Ultimate...): the
# tags go, the text between them stays.
BUILDER_TAG = re.compile(r"\[/?(?P<name>vc_\w+|et_pb_\w+|fusion_\w+|su_\w+|av_\w+)\b[^\]]*\]", re.I)


def expand_shortcodes(text: str) -> tuple[str, list[str], list[Note]]:
    """``(html, gallery_attachment_ids, notes)`` for the stored text of a post."""
    notes: list[Note] = []
    if "[" not in text:
        return text, [], notes
    text = CAPTION.sub(_figure, text)
    ids: list[str] = []

    def gallery(match: re.Match[str]) -> str:
        found = GALLERY_IDS.search(match["attrs"])
        if found:
            ids.extend(i.strip() for i in found["ids"].split(",") if i.strip())
        notes.append(note("gallery", count=len(ids)))
        return ""

    def embed(match: re.Match[str]) -> str:
        name = match["name"].lower()
        if "form" in name:
            notes.append(note("form"))
        else:
            where = (match["inner"] or "").strip()
            notes.append(note("embed", what=f"[{name}]", where=f" ({where})" if where else ""))
        return ""

    text = GALLERY.sub(gallery, text)
    text = EMBED.sub(embed, text)
    names = sorted({m["name"].lower() for m in BUILDER_TAG.finditer(text)})
    if names:
        text = BUILDER_TAG.sub("", text)
        notes.extend(note("shortcode", name=name) for name in names)
    return text, ids, notes


def _figure(match: re.Match[str]) -> str:
    inner = CAPTION_MEDIA.match(match["inner"])
    media, caption = (inner["media"], inner["text"]) if inner else ("", match["inner"])
    if not caption.strip() and (attr := CAPTION_ATTR.search(match["attrs"])):
        caption = attr["text"]
    # Blank lines: paragraph breaks in the stored text (read with autop).
    return "\n\n".join(("", media, caption.strip(), ""))
