"""The plugin's layering (docs/architecture.md): the core never imports the speed layer,
no import cycle, parse/ imports no Pelican, every private internal has a self-check."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from press_release import pelican_compat

from .conftest import ROOT

PACKAGE = ROOT / "plugins" / "press_release"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


def imports(name: str) -> set[str]:
    """The plugin's modules `name` imports (anywhere in it, functions included)."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                origin = ".".join(base + ([node.module] if node.module else []))
            else:
                origin = node.module or ""
            found.add(origin)
            found.update(f"{origin}.{alias.name}" for alias in node.names)
    return {m for m in found if m in MODULES and m != name}


GRAPH = {name: imports(name) for name in MODULES}


def test_the_modules_are_found():
    assert {
        "press_release.reader",
        "press_release.speed.parallel",
        "press_release.parse.release",
    } <= set(MODULES)


@pytest.mark.parametrize(
    "name",
    sorted(n for n in MODULES if not n.startswith("press_release.speed") and n != "press_release"),
)
def test_no_core_module_imports_the_speed_layer(name):
    assert not [m for m in GRAPH[name] if m.startswith("press_release.speed")]


def test_only_the_entry_point_loads_the_speed_layer():
    importers = {n for n, deps in GRAPH.items() if "press_release.speed" in deps}
    assert importers - {n for n in MODULES if n.startswith("press_release.speed")} == {
        "press_release"
    }


@pytest.mark.parametrize("name", sorted(n for n in MODULES if n.startswith("press_release.parse")))
def test_the_parser_imports_no_pelican(name):
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    names = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    names += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    assert not [m for m in names if m.startswith(("pelican", "jinja2"))]


def test_no_import_cycle():
    """Depth-first search for a cycle through the imports between the plugin's modules
    (a package importing its own submodules, as __init__ files do, is no cycle)."""

    def edges(name):
        return {m for m in GRAPH[name] if not name.startswith(m + ".")}

    state: dict[str, int] = {}
    path: list[str] = []
    cycles = []

    def visit(name):
        state[name] = 1
        path.append(name)
        for other in sorted(edges(name)):
            if state.get(other) == 1:
                cycles.append(path[path.index(other) :] + [other])
            elif other not in state:
                visit(other)
        path.pop()
        state[name] = 2

    for name in sorted(MODULES):
        if name not in state:
            visit(name)
    assert cycles == []


def test_every_internal_is_available_here_and_documented():
    assert pelican_compat.table()
    for _name, what, used_by, ok in pelican_compat.table():
        assert ok, f"{what} ({used_by}) is not as expected on this Pelican"
        assert (PACKAGE / used_by).is_file(), used_by


def test_a_failing_self_check_turns_its_shortcut_off_with_one_info_line(caplog, monkeypatch):
    import logging

    broken = pelican_compat.Internal("broken", "x.y", "reader.py", "test", lambda: 1 / 0)
    monkeypatch.setitem(pelican_compat.BY_NAME, "broken", broken)
    pelican_compat.available.cache_clear()
    with caplog.at_level(logging.INFO, logger="press_release.pelican_compat"):
        assert pelican_compat.available("broken") is False
        assert pelican_compat.available("broken") is False
    assert len(caplog.records) == 1 and "x.y" in caplog.records[0].getMessage()
    pelican_compat.available.cache_clear()


def test_the_compat_command_lists_every_internal():
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "press_release", "compat"], capture_output=True, text=True,
        cwd=ROOT, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == len(pelican_compat.INTERNALS)
    assert all(line.startswith("ok ") for line in lines)
