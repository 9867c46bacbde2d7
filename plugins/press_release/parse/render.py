"""Blocks to HTML. Every piece of text is escaped: nothing an author wrote is markup."""

from __future__ import annotations

from html import escape

from .paragraphs import Block


def block_html(block: Block, *, css_class: str | None = None, prefix: str = "") -> str:
    attr = f' class="{css_class}"' if css_class else ""
    if block.kind == "p":
        return f"<p{attr}>{prefix}{_escape(block.text)}</p>"
    items = "".join(f"<li>{_escape(item)}</li>" for item in block.items)
    return f"<{block.kind}{attr}>{items}</{block.kind}>"


def body_html(blocks: list[Block], dateline_text: str | None, captions: list[str]) -> str:
    parts = [f'<p class="pr-caption">{_escape(c)}</p>' for c in captions]
    rest = [block.text for block in blocks[1:] if block.kind == "p"]
    if len(rest) == len(blocks) - 1 >= 1:
        # Paragraphs only after the lead, the most common body: the markup of
        # _blocks_html() with one join for them all, and no escaping when their text
        # holds none of "&<>" (html.escape with quote=False replaces nothing else).
        parts.append(_lead_html(blocks[0], dateline_text))
        text = "".join(rest)
        if "&" in text or "<" in text or ">" in text:
            rest = list(map(_escape, rest))
        body = "</p>\n<p>".join(rest)
        parts.append(f"<p>{body}</p>")  # one copy ("<p>" + body + "</p>" makes two)
        return "\n".join(parts)
    return "\n".join(parts + _blocks_html(blocks, dateline_text))


def _blocks_html(blocks: list[Block], dateline_text: str | None) -> list[str]:
    """The markup of each block, the lead first: what body_html() joins after captions."""
    parts = []
    for index, block in enumerate(blocks):
        if index == 0:
            parts.append(_lead_html(block, dateline_text))
            continue
        if block.kind == "p":
            parts.append(f"<p>{_escape(block.text)}</p>")  # block_html(block), inlined
        else:
            parts.append(block_html(block))
    return parts


def _lead_html(block: Block, dateline_text: str | None) -> str:
    """The first block: the lead paragraph, with the dateline before its text."""
    prefix = ""
    if dateline_text:
        prefix = f'<span class="dateline">{_escape(dateline_text)}</span> '
    if block.kind != "p" and prefix:
        return f'<p class="pr-lead">{prefix.strip()}</p>\n' + block_html(block)
    return block_html(block, css_class="pr-lead", prefix=prefix)


def _escape(text: str) -> str:
    """escape(text, quote=False), without its three replacements when there is no "&<>".

    Speed: str.replace() counts a character's matches one character at a time, where
    ``in`` finds it with a fast scan; most texts hold none of the three."""
    if "&" in text or "<" in text or ">" in text:
        return escape(text, quote=False)
    return text
