"""Dependencies between the project's apps run one way (docs/architecture.md).

Every import in every module of an app, top-level or inside a function, is
read with `ast`; an import of an app the table does not allow fails.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# app -> the apps it may import (besides itself, Django, Wagtail and libraries).
ALLOWED = {
    "core": set(),
    "subscriptions": {"core"},
    "previews": {"core"},
    "newsletter": {"core", "subscriptions"},
    "fediverse": {"core"},
    "posts": {"core", "newsletter", "fediverse"},
    "imports": {"core", "posts"},
    "home": {"core", "posts", "subscriptions"},
    "inbox": set(),
    "stats": {"core", "subscriptions", "newsletter"},
}
APPS = set(ALLOWED)


def imported_apps(path):
    """(line, app) for every project app imported in the file."""
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            top = name.split(".")[0]
            if top in APPS:
                yield node.lineno, top


def edges():
    for app in sorted(APPS):
        for path in sorted((ROOT / app).rglob("*.py")):
            for line, other in imported_apps(path):
                if other != app:
                    yield app, other, f"{path.relative_to(ROOT)}:{line}"


def test_apps_import_only_what_docs_architecture_allows():
    forbidden = [
        f"{where}: {app} imports {other}"
        for app, other, where in edges()
        if other not in ALLOWED[app]
    ]
    assert not forbidden, "\n".join(forbidden)


def test_the_allowed_graph_has_no_cycle():
    def reaches(start, goal, seen=()):
        return any(
            other == goal
            or (other not in seen and reaches(other, goal, {*seen, other}))
            for other in ALLOWED[start]
        )

    assert not [app for app in APPS if reaches(app, app)]


def test_every_app_is_in_the_table():
    apps = {
        path.parent.name
        for path in ROOT.glob("*/apps.py")
        if path.parent.name not in {"settings", "tests"}
    } | {path.parent.name for path in ROOT.glob("*/models.py")}
    assert apps <= APPS, apps - APPS


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("import posts.models", [(1, "posts")]),
        ("from newsletter.models import X", [(1, "newsletter")]),
        ("def f():\n    from home import demo_data", [(2, "home")]),
        ("from .models import X\nimport django", []),
    ],
)
def test_the_walker_sees_every_kind_of_import(tmp_path, source, expected):
    path = tmp_path / "module.py"
    path.write_text(source)
    assert list(imported_apps(path)) == expected
