"""Every private internal of Pelican (and of rich, Jinja and pelican-sitemap) this plugin
touches, in one place, each with a self-check.

Public Pelican API (signals, ``BaseReader``, generator and content attributes documented
for plugins) is used directly elsewhere. What is listed here is not promised by those
packages and may change in any release: a method replaced on an instance, a private
attribute read or written, a function whose behaviour is copied. Each entry says who
relies on it and why; :func:`available` runs the entry's check once per process and,
when it fails, logs one info line and returns False, so that the code relying on it
falls back to Pelican's own behaviour (the build stays correct, only slower or less
reproducible). ``python -m press_release compat`` prints the table with each result.

Tested with the lowest and the newest supported Pelican (``.ci/run``).
"""

from __future__ import annotations

import inspect
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Internal:
    name: str
    what: str  # the internal, as a dotted name
    used_by: str  # the module of this plugin that relies on it
    why: str
    check: Callable[[], bool]


def _signature(function, expected: list[str]) -> bool:
    return function is not None and list(inspect.signature(function).parameters) == expected


def _writer_internals() -> bool:
    from pelican.writers import Writer

    source = inspect.getsource(Writer.__init__)
    return _signature(
        getattr(Writer, "_open_w", None), ["self", "filename", "encoding", "override"]
    ) and all(f"{name} = set()" in source for name in ("_written_files", "_overridden_files"))


def _writer_paginator() -> bool:
    """Writer.write_file makes each list's paginator by the module's name ``Paginator``
    and walks its pages newest first by place: ``page(1)`` to ``page(num_pages)``, the
    previous and next page the same way (features/pagination.py keeps that contract)."""
    from pelican import paginator, writers
    from pelican.writers import Writer

    source = inspect.getsource(Writer.write_file)
    made = writers.Paginator
    return (
        (made is paginator.Paginator or getattr(made, "__name__", "") == "make_paginator")
        and "Paginator(name, url, val, self.settings, per_page)" in source
        and "range(next(iter(paginators.values())).num_pages)" in source
        and "paginator.page(page_num + 1)" in source
        and "paginator.page(page_num + 2)" in source
        and _signature(paginator.Paginator.__init__,
                       ["self", "name", "url", "object_list", "settings", "per_page"])
        and _signature(paginator.Page.__init__,
                       ["self", "name", "url", "object_list", "number", "paginator", "settings"])
        and "self._num_pages = self._count = None" in inspect.getsource(paginator.Paginator)
        and "self.has_next()" in inspect.getsource(paginator.Page._from_settings)
    )  # fmt: skip


def _period_archives() -> bool:
    from pelican.generators import ArticlesGenerator

    return _signature(
        getattr(ArticlesGenerator, "_build_period_archives", None),
        ["self", "sorted_articles", "articles", "settings"],
    )


def _url_format() -> bool:
    """Content.url_format as speed/shortcuts.py copies it (Pelican 4.10 to 4.12)."""
    from pelican.contents import Article, Content

    source = inspect.getsource(Content.url_format.fget)
    init = inspect.getsource(Content.__init__)
    return (
        all(key in source for key in ('"path"', '"slug"', '"lang"', '"date"', '"author"',
                                      '"category"', "copy.copy(self.metadata)"))
        and "self.relative_source_path" in init
        and hasattr(Article, "_expand_settings")
        and hasattr(Article, "get_url_setting")
    )  # fmt: skip


def _override_attributes() -> bool:
    """Content.url and .save_as return ``override_url``/``override_save_as`` when set."""
    from pelican.contents import Content

    return '"override_" + key' in inspect.getsource(Content.get_url_setting)


def _safe_datetime() -> bool:
    from pelican.utils import SafeDatetime

    return _signature(SafeDatetime.strftime, ["self", "fmt", "safe"])


def _memoized_caches() -> bool:
    from pelican.contents import Content

    return all(
        isinstance(getattr(Content.__dict__.get(name), "cache", None), dict)
        for name in ("get_content", "get_summary")
    )


def _rich_console() -> bool:
    try:
        from pelican.log import console
    except ImportError:
        return False
    return hasattr(console, "_live_stack") and hasattr(console, "_lock")


def _autoreload_frame() -> bool:
    import pelican

    return inspect.isfunction(getattr(pelican, "autoreload", None))


def _generator_cache_methods() -> bool:
    from pelican.cache import FileStampDataCacher

    return _signature(
        FileStampDataCacher.get_cached_data, ["self", "filename", "default"]
    ) and _signature(FileStampDataCacher.cache_data, ["self", "filename", "data"])


def _readers_table() -> bool:
    from pelican.generators import Generator
    from pelican.readers import Readers

    return "self.readers = {}" in inspect.getsource(Readers.__init__) and _signature(
        Generator.get_files, ["self", "paths", "exclude", "extensions"]
    )


def _generated_content() -> bool:
    from pelican.generators import Generator

    return "generated_content" in inspect.getsource(Generator._add_failed_source_path)


def _source_path_bookkeeping() -> bool:
    """Generator.add_source_path files a content object under its
    get_relative_source_path(), which Content.__init__ stored as relative_source_path."""
    from pelican.contents import Content
    from pelican.generators import Generator

    source = inspect.getsource(Generator.add_source_path)
    return (
        _signature(Generator.add_source_path, ["self", "content", "static"])
        and "location = content.get_relative_source_path()" in source
        and 'key = "static_content" if static else "generated_content"' in source
        and "self.context[key][location] = content" in source
        and "self.relative_source_path = self.get_relative_source_path()"
        in inspect.getsource(Content.__init__)
    )


def _sitemap_clock() -> bool:
    module = sys.modules.get(SITEMAP_MODULE)
    return module is None or hasattr(getattr(module, "generator", None), "now")


def _jinja_render_function() -> bool:
    from jinja2 import Template
    from jinja2.runtime import Context

    return (
        _signature(Template.new_context, ["self", "vars", "shared", "locals"])
        and _signature(Context.__init__,
                       ["self", "environment", "parent", "name", "blocks", "globals"])
        and "root_render_func" in inspect.getsource(Template.render)
        and "self.vars" in inspect.getsource(Context.resolve_or_missing)
        # the template's globals only serve {% import %}, which compares them with the
        # imported template's own: the same environment's, so a context without them
        # imports alike
        and "globals_keys - self.globals.keys()"
        in inspect.getsource(Template._get_default_module)
    )  # fmt: skip


def _jinja_call() -> bool:
    """Context.call as plain_call_context() shortens it (Jinja 3.1)."""
    from jinja2.runtime import Context

    source = inspect.getsource(Context.call)
    return all(
        line in source
        for line in (
            "_PassArg.from_obj(__obj.__call__)",
            "pass_arg = _PassArg.from_obj(__obj)",
            'if kwargs.get("_loop_vars"):',
            'if kwargs.get("_block_vars"):',
            "args = (__self,) + args",
            'kwargs.pop("_block_vars", None)',
            'kwargs.pop("_loop_vars", None)',
            "return __obj(*args, **kwargs)",
            "except StopIteration:",
            "args = (__self.eval_ctx,) + args",
            "args = (__self.environment,) + args",
        )
    ) and all("jinja_pass_arg" in vars(probe) for probe in _probes())


SITEMAP_MODULE = "pelican.plugins.sitemap.sitemap"

INTERNALS: tuple[Internal, ...] = (
    Internal("writer", "pelican.writers.Writer._open_w, ._written_files, ._overridden_files",
             "speed/parallel.py", "record the files each deferred page call writes; mark "
             "them written; open none for a page left as it is",
             _writer_internals),
    Internal("paginator", "pelican.writers.Paginator (replaced), Paginator._num_pages, "
             "Page._from_settings", "features/pagination.py",
             "pages numbered from the oldest release (PRESS_RELEASE_STABLE_PAGINATION)",
             _writer_paginator),
    Internal("period_archives", "pelican.generators.ArticlesGenerator._build_period_archives",
             "speed/shortcuts.py", "replaced by a linear-time copy", _period_archives),
    Internal("url_format", "pelican.contents.Content.url_format (copied), "
             ".relative_source_path, Article._expand_settings",
             "speed/shortcuts.py", "one URL formatting for url and save_as", _url_format),
    Internal("override_urls", "Content.override_url / override_save_as attributes",
             "speed/shortcuts.py", "store each article's URL once computed",
             _override_attributes),
    Internal("safe_datetime", "pelican.utils.SafeDatetime.strftime(fmt, safe)",
             "speed/shortcuts.py", "dates formatted by C where Pelican's result is the same",
             _safe_datetime),
    Internal("memoized", "Content.get_content.cache, Content.get_summary.cache",
             "speed/parallel.py", "emptied between rebuilds so old builds can be freed",
             _memoized_caches),
    Internal("rich_console", "pelican.log.console._live_stack, ._lock (rich)",
             "speed/parallel.py", "hold the spinner's locks across a fork", _rich_console),
    Internal("autoreload", "pelican.autoreload (found on the call stack)",
             "speed/page_cache.py", "know that another build follows in this process",
             _autoreload_frame),
    Internal("generator_cache", "FileStampDataCacher.get_cached_data / cache_data "
             "(replaced per generator)", "speed/article_cache.py",
             "hand over articles kept from the last build", _generator_cache_methods),
    Internal("readers_table", "pelican.readers.Readers.readers, Generator.get_files",
             "speed/readahead.py", "find this plugin's reader and the files to prepare",
             _readers_table),
    Internal("source_paths", "Generator.add_source_path (replaced per generator), "
             "Content.relative_source_path", "speed/article_cache.py",
             "file each article under the relative path it already holds",
             _source_path_bookkeeping),
    Internal("generated_content", 'context["generated_content"]', "features/report.py",
             "files Pelican failed on are reported as skipped", _generated_content),
    Internal("sitemap_clock", "pelican.plugins.sitemap.sitemap.generator.now",
             "features/publishing.py", "index pages' <lastmod> from the newest release, "
             "not the build's clock (reproducible sitemaps)", _sitemap_clock),
    Internal("jinja_call", "jinja2.runtime.Context.call (its rules copied), .jinja_pass_arg",
             "speed/templates.py", "a template's call of a plain function without Jinja's "
             "tests of it", _jinja_call),
    Internal("jinja_render", "jinja2.Template.root_render_func, .blocks, Context(), .vars",
             "templating/partials.py", "render a partial in the page's context without "
             "copying it", _jinja_render_function),
)  # fmt: skip

BY_NAME = {internal.name: internal for internal in INTERNALS}


@cache
def available(name: str) -> bool:
    """Whether internal `name` is as this plugin expects (checked once per process)."""
    internal = BY_NAME[name]
    try:
        ok = bool(internal.check())
    except Exception:  # noqa: BLE001 - any surprise means: not as expected
        ok = False
    if not ok:
        logger.info(
            "press_release: %s is not as expected in this version; %s falls back to "
            "Pelican's own way",
            internal.what,
            internal.used_by,
        )
    return ok


def table() -> list[tuple[str, str, str, bool]]:
    """(name, internal, used by, available) for every entry."""
    return [(i.name, i.what, i.used_by, available(i.name)) for i in INTERNALS]


# --------------------------------------------------------------------------- accessors


def overwrite_error() -> type[Exception]:
    """The error Pelican's writer raises when a page would overwrite another (Pelican
    4.12 has its own type; earlier versions raise RuntimeError)."""
    from pelican import writers

    return getattr(writers, "FileOverwriteFailedError", RuntimeError)


def sitemap_generator():
    """pelican-sitemap's generator object when that plugin is loaded and as expected."""
    module = sys.modules.get(SITEMAP_MODULE)
    if module is None or not available("sitemap_clock"):
        return None
    return module.generator


def memoized_caches() -> list[dict]:
    from pelican.contents import Content

    if not available("memoized"):
        return []
    return [Content.__dict__[name].cache for name in ("get_content", "get_summary")]


def under_autoreload() -> bool:
    """Whether Pelican's ``--autoreload`` loop runs this build (and will run the next)."""
    if not available("autoreload"):
        return False
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_name == "autoreload" and frame.f_globals.get("__name__") == "pelican":
            return True
        frame = frame.f_back
    return False


def render_in_context(template, context, names: dict) -> str:
    """Render `template` with the page's `context` (its variables and those the page
    set), `names` on top, without the copy of the whole context that ``{% include %}``
    makes."""
    if available("jinja_render"):
        # Template.new_context(context.parent, shared=True) without the set of the
        # environment's globals it makes each time (a ChainMap walked: a third of it)
        environment = template.environment
        local = environment.context_class(environment, context.parent, template.name,
                                          template.blocks)  # fmt: skip
        variables = local.vars  # looked up before the parent
        variables.update(context.vars)
        variables.update(names)
        return "".join(template.root_render_func(local))
    return template.render({**context.get_all(), **names})


def plain_call_context():
    """A Jinja context class whose ``call`` (each ``f(...)`` a template makes: ``_()``,
    ``partial()``, ``date.isoformat()``) takes a short way for a plain function or
    method: the same call as Context.call makes, with the context, its evaluation
    context or the environment first as the function asks (``pass_context`` while no
    loop or block variable is set), without its four attribute tests. Anything else
    goes to Context.call. None when Context.call is not as expected."""
    if not available("jinja_call"):
        return None
    return _plain_call_context()


@cache
def _plain_call_context():
    from types import BuiltinFunctionType, FunctionType, MethodType

    from jinja2.runtime import Context

    plain_types = frozenset((FunctionType, MethodType, BuiltinFunctionType))
    by_context, by_eval_context, by_environment = (probe.jinja_pass_arg for probe in _probes())
    stopped = "value was undefined because a callable raised a StopIteration exception"

    class PlainCallContext(Context):
        def call(self, obj, /, *args, **kwargs):
            __traceback_hide__ = True  # noqa: F841 - as Jinja's: hidden in tracebacks
            if type(obj) not in plain_types:
                return Context.call(self, obj, *args, **kwargs)
            wants = getattr(obj, "jinja_pass_arg", None)
            if wants is not None:
                if wants is by_context:
                    if kwargs.get("_loop_vars") or kwargs.get("_block_vars"):
                        return Context.call(self, obj, *args, **kwargs)  # a derived context
                    args = (self, *args)
                elif wants is by_eval_context:
                    args = (self.eval_ctx, *args)
                elif wants is by_environment:
                    args = (self.environment, *args)
                else:
                    return Context.call(self, obj, *args, **kwargs)
            kwargs.pop("_block_vars", None)
            kwargs.pop("_loop_vars", None)
            try:
                return obj(*args, **kwargs)
            except StopIteration:
                return self.environment.undefined(stopped)

    return PlainCallContext


def _probes() -> tuple:
    """Three functions marked by Jinja's pass_context, pass_eval_context and
    pass_environment."""
    from jinja2 import pass_context, pass_environment, pass_eval_context

    return tuple(mark(lambda *args: args) for mark in (pass_context, pass_eval_context,
                                                       pass_environment))  # fmt: skip
