"""Blocks to HTML. Every piece of text is escaped: nothing an author wrote is markup."""

from __future__ import annotations

from html import escape

from .paragraphs import Block


def block_html(block: Block, *, css_class: str | None = None, prefix: str = "") -> str:
    attr = f' class="{css_class}"' if css_class else ""
    if block.kind == "p":
        return f"<p{attr}>{prefix}{escape(block.text, quote=False)}</p>"
    items = "".join(f"<li>{escape(item, quote=False)}</li>" for item in block.items)
    return f"<{block.kind}{attr}>{items}</{block.kind}>"


def body_html(blocks: list[Block], dateline_text: str | None, captions: list[str]) -> str:
    parts = [f'<p class="pr-caption">{escape(c, quote=False)}</p>' for c in captions]
    for index, block in enumerate(blocks):
        if index == 0:
            prefix = ""
            if dateline_text:
                prefix = f'<span class="dateline">{escape(dateline_text, quote=False)}</span> '
            if block.kind != "p" and prefix:
                parts.append(f'<p class="pr-lead">{prefix.strip()}</p>')
                parts.append(block_html(block))
            else:
                parts.append(block_html(block, css_class="pr-lead", prefix=prefix))
            continue
        if block.kind == "p":
            parts.append(f"<p>{_escape(block.text)}</p>")  # block_html(block), inlined
        else:
            parts.append(block_html(block))
    return "\n".join(parts)


def _escape(text: str) -> str:
    """escape(text, quote=False), without its three replacements when there is no "&<>"."""
    if "&" in text or "<" in text or ">" in text:
        return escape(text, quote=False)
    return text
