"""The parser compiled to C with mypyc: the same code as parse/, 31% fewer instructions.

    python -m press_release compile [--dir DIR] [--force]    # needs mypy and a C compiler

builds every module of parse/ but its ``__init__`` (the pure parser, which stays the
source of truth) into ``DIR/<key>/``, where the key is a digest of those modules' source
and of the interpreter (nothing is done when that build is there, but with
``--force``). When the plugin is imported, :func:`install` looks for the build
whose key is today's: found, the modules of ``press_release.parse`` are loaded from it;
not found (never built, a source edited since, another Python), the pure modules are
loaded and nothing else changes. A stale build is never used: an edit of parse/ changes
the key.

Part of the speed layer, though it lives outside speed/: it must be in place before
anything imports parse/, and speed/ itself imports parse/. Switched off by the environment variable
``PRESS_RELEASE_COMPILED=0`` (the test suite does, but for the test that compares both);
``PRESS_RELEASE_COMPILED_DIR`` moves the builds (default ``~/.cache/press-release/
compiled``). Nothing of Pelican is touched.

The compiled modules give the same results as the pure ones: the type annotations of
parse/ are checked by mypy (mypyc refuses to compile code that fails them) and enforced
at run time, and ``tests/test_compiled_parse.py`` compares both over every fixture.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import logging
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

logger = logging.getLogger(__name__)

PARSE = Path(__file__).resolve().parent / "parse"
PACKAGE = "press_release.parse"
GROUP = "press_release_parse"  # mypyc's shared library: GROUP + "__mypyc"
MANIFEST = "manifest.json"
# What the parse modules import from outside parse/: mypy reads them, mypyc leaves them.
ALSO_READ = ("messages.py", "errors.py", "settings.py")


def modules() -> list[str]:
    """The compiled modules' names: every module of parse/ but its __init__."""
    return sorted(p.stem for p in PARSE.glob("*.py") if p.stem != "__init__")


def source_key() -> str:
    """A digest of the parse modules' source, the files mypy reads beside them, and the
    interpreter a build is made for."""
    interpreter = f"{sys.implementation.cache_tag} {sys.platform} {platform.machine()}"
    digest = hashlib.sha256(interpreter.encode())
    for path in [*(PARSE / f"{m}.py" for m in modules()), *(PARSE.parent / n for n in ALSO_READ)]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:24]


def builds_folder() -> Path:
    return Path(
        os.environ.get("PRESS_RELEASE_COMPILED_DIR")
        or Path.home() / ".cache" / "press-release" / "compiled"
    )


class _Finder(importlib.abc.MetaPathFinder):
    """Loads the parse modules (and mypyc's shared library) from one build."""

    def __init__(self, files: dict[str, Path]) -> None:
        self.files = files

    def find_spec(self, fullname, path=None, target=None):
        file = self.files.get(fullname)
        if file is None:
            return None
        loader = importlib.machinery.ExtensionFileLoader(fullname, str(file))
        return importlib.util.spec_from_file_location(fullname, file, loader=loader)


def _build_files(folder: Path) -> dict[str, Path] | None:
    """Module name -> extension file of the build in `folder`, if it is whole."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    files = {name: folder / file for name, file in manifest.get("files", {}).items()}
    wanted = {f"{PACKAGE}.{m}" for m in modules()} | {f"{GROUP}__mypyc"}
    if set(files) != wanted or not all(f.is_file() for f in files.values()):
        return None
    return files


def install() -> Path | None:
    """Put today's build, if there is one, before the pure modules; its folder, or None.
    Called by the plugin's __init__ before anything imports parse/."""
    if os.environ.get("PRESS_RELEASE_COMPILED", "1") == "0" or PACKAGE in sys.modules:
        return None
    base = builds_folder()
    if not base.is_dir():
        return None  # the usual case: nothing was ever built (no digest computed)
    folder = base / source_key()
    files = _build_files(folder)
    if files is None or any(isinstance(f, _Finder) for f in sys.meta_path):
        return None
    finder = _Finder(files)
    sys.meta_path.insert(0, finder)
    try:
        importlib.import_module(f"{GROUP}__mypyc")  # the compiled code, all of it
    except Exception as error:  # a damaged build: the pure parser, and a site warning
        sys.meta_path.remove(finder)
        logger.warning(
            "the compiled parser in %s cannot be loaded (%s): the pure parser is used; "
            "build it again with: python -m press_release compile --force",
            folder,
            error,
        )
        return None
    return folder


def active() -> bool:
    """Whether the parser in use is the compiled one."""
    module = sys.modules.get(f"{PACKAGE}.release")
    return module is not None and not str(getattr(module, "__file__", "")).endswith(".py")


_SETUP = """
from setuptools import setup
from mypyc.build import mypycify
setup(
    name={group!r},
    ext_modules=mypycify({paths!r}, group_name={group!r}, opt_level="3"),
    script_args=["build_ext", "--inplace"],
)
"""


def build(base: Path | None = None, quiet: bool = True, force: bool = False) -> Path:
    """Compile the parse modules into ``base/<key>/``, unless a whole build of that key is
    there (``force``: replace it); the folder. Raises PressReleaseError if mypy (with
    mypyc) is missing or the build fails."""
    from .errors import PressReleaseError

    if not force and _build_files((base or builds_folder()) / source_key()) is not None:
        return (base or builds_folder()) / source_key()

    try:
        import mypy.version  # noqa: F401  (mypyc comes with mypy)
        import mypyc.build  # noqa: F401
    except ImportError as error:
        raise PressReleaseError(
            'compiling the parser needs mypy: pip install -e ".[compiled]"'
        ) from error
    base = base or builds_folder()
    key = source_key()
    base.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="compile-", dir=base) as work:
        root = Path(work)
        package = root / "press_release"
        (package / "parse").mkdir(parents=True)
        (package / "__init__.py").write_text("", encoding="utf-8")
        for name in ALSO_READ:
            shutil.copy2(PARSE.parent / name, package / name)
        for path in PARSE.glob("*.py"):
            shutil.copy2(path, package / "parse" / path.name)
        # Errors in the modules read beside them are theirs, not the compiled code's.
        paths = [f"press_release/parse/{m}.py" for m in modules()] + ["--follow-imports=silent"]
        done = subprocess.run(
            [sys.executable, "-c", _SETUP.format(group=GROUP, paths=paths)],
            cwd=root,
            capture_output=quiet,
            text=True,
        )
        if done.returncode:
            tail = (done.stdout or "")[-2000:] + (done.stderr or "")[-2000:]
            raise PressReleaseError(f"mypyc could not compile the parser:\n{tail}")
        staged = base / f".{key}.new"
        shutil.rmtree(staged, ignore_errors=True)
        staged.mkdir()
        files = {}
        suffix = importlib.machinery.EXTENSION_SUFFIXES[0]
        for module in modules():
            source = package / "parse" / f"{module}{suffix}"
            shutil.copy2(source, staged / source.name)
            files[f"{PACKAGE}.{module}"] = source.name
        shared = root / f"{GROUP}__mypyc{suffix}"
        shutil.copy2(shared, staged / shared.name)
        files[f"{GROUP}__mypyc"] = shared.name
        (staged / MANIFEST).write_text(
            json.dumps({"key": key, "mypy": mypy.version.__version__, "files": files}, indent=1),
            encoding="utf-8",
        )
    folder = base / key
    shutil.rmtree(folder, ignore_errors=True)
    staged.rename(folder)
    return folder
