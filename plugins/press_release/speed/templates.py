"""Each template compiled once per build, not once per generator and process; calls
from templates made shorter.

Pelican gives every generator a Jinja environment of its own (articles, pages, places),
and each environment compiles every template it loads: base.html, the header, the footer
and the partials were compiled three or four times per build, and the processes that
render pages (parallel.py) compiled the partials again each, since they are loaded on
first use, after the fork: about 70 compilations of 32 templates at 2,000 releases,
0.35 s of processor time.

:class:`CompiledTemplates` is a Jinja bytecode cache (Jinja's documented extension
point) kept in the build's state: the first environment to load a template compiles it,
the others load the compiled code. The code is shared only between environments of the
same configuration (syntax, extensions, filters and tests, the i18n style: everything
that changes the compiled code or what compiling checks), and Jinja rejects it when the
template's source changed. :func:`warm` loads the theme's templates (not Pelican's
"!simple/" ones) in the environments about to render pages before the processes are
forked, so that they inherit them: the pages load their partials and the templates they
extend on first use.

The same environments get a context class whose calls of plain functions skip Jinja's
tests of what the function wants (``pelican_compat.plain_call_context``): a release
page makes some sixty calls (``_()``, ``partial()``, ``date.isoformat()``).
"""

from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.runtime import Context

from ..pelican_compat import plain_call_context


def configuration(environment) -> tuple:
    """What makes an environment's compiled code its own."""
    e = environment
    return (
        e.block_start_string, e.block_end_string, e.variable_start_string,
        e.variable_end_string, e.comment_start_string, e.comment_end_string,
        e.line_statement_prefix, e.line_comment_prefix, e.trim_blocks, e.lstrip_blocks,
        e.newline_sequence, e.keep_trailing_newline, e.optimized, e.autoescape, e.finalize,
        e.is_async, e.undefined, e.code_generator_class, e.template_class,
        tuple(sorted(e.extensions)), getattr(e, "newstyle_gettext", None),
        e.policies.get("ext.i18n.trimmed"), frozenset(e.filters), frozenset(e.tests),
    )  # fmt: skip


class CompiledTemplates(BytecodeCache):
    """One environment's view of the build's compiled templates (`store`, shared)."""

    def __init__(self, environment, store: dict):
        self.environment = environment
        self.store = store

    def _key(self, bucket) -> tuple:
        return (configuration(self.environment), bucket.key)

    def load_bytecode(self, bucket) -> None:
        code = self.store.get(self._key(bucket))
        if code is not None:
            bucket.bytecode_from_string(code)  # ignored when the source changed

    def dump_bytecode(self, bucket) -> None:
        self.store[self._key(bucket)] = bucket.bytecode_to_string()


def share(environment, store: dict) -> None:
    """`generator_init`: the generator's environment takes the build's compiled templates
    (unless the site configured a bytecode cache of its own), and a context whose calls
    of plain functions are shorter (pelican_compat.plain_call_context)."""
    if environment.bytecode_cache is None:
        environment.bytecode_cache = CompiledTemplates(environment, store)
    if environment.context_class is Context and not environment.is_async:
        environment.context_class = plain_call_context() or Context


def warm(environments) -> None:
    """Load the theme's templates in each environment (compiled once for all of them)."""
    for environment in environments:
        if not isinstance(environment.bytecode_cache, CompiledTemplates):
            continue
        try:
            names = environment.list_templates(filter_func=_is_theirs)
        except TypeError:  # a loader that cannot list its templates
            continue
        for name in names:
            environment.get_template(name)


def _is_theirs(name: str) -> bool:
    """A template of the site's theme or of the plugin, not one of Pelican's own themes
    (``!simple/base.html``) nor a file that is no page template."""
    return name.endswith(".html") and not name.startswith("!")
