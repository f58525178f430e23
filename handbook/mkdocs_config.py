"""mkdocs.yml as data, read with PyYAML alone: the checks and the PDF never import MkDocs.

MkDocs reads its configuration with YAML tags of its own; this loader gives them the values MkDocs
gives them (mkdocs/utils/yaml.py, MkDocs 1.6):

- ``!ENV NAME`` and ``!ENV [NAME, OTHER, default]``: the first variable that is set, its text
  typed as YAML would type it; else the default; else None. (MkDocs' own constructor is used.)
- ``!relative $config_dir/sub`` and ``!relative $docs_dir/sub``: absolute paths.
- ``!relative``: the folder of the page being rendered (:func:`rendering`), resolved when used,
  as in MkDocs; outside a page it is the docs folder, as while MkDocs loads the extensions.
- ``!!python/name:module.function``: a callable of pymdown-extensions or Python-Markdown (settings
  such as superfences' ``format``). MkDocs imports any module named there; this reader imports
  only modules under :data:`ALLOWED_MODULES`, so a configuration cannot make a check run code.
- ``INHERIT: base.yml``: the base file, deep-merged under this one.

Like all handbook YAML, anchors, aliases and repeated keys are refused (:mod:`handbook.yamlio`).
"""

from __future__ import annotations

import contextlib
import contextvars
import importlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from yaml_env_tag import construct_env_tag  # MkDocs' own !ENV constructor (pyyaml_env_tag, no MkDocs import)

from handbook.errors import HandbookError
from handbook.yamlio import load_yaml

# Module prefixes whose callables `!!python/name:` may name: the Markdown extensions the handbook uses.
ALLOWED_MODULES = ("pymdownx", "markdown")
_PYTHON_NAME = "tag:yaml.org,2002:python/name:"
_TAGS_FIX = ("mkdocs.yml may use the tags !ENV, !relative, and !!python/name: with a function of "
             f"{' or '.join(m + '.' for m in ALLOWED_MODULES)} (no other Python tags).")
_page: contextvars.ContextVar[str] = contextvars.ContextVar("handbook_mkdocs_page", default="")


class PageDir(os.PathLike):
    """Bare ``!relative``: the folder of the page being rendered, looked up each time it is used."""

    def __init__(self, docs_dir: str):
        self.docs_dir = docs_dir

    def __fspath__(self) -> str:
        # MkDocs joins an empty suffix too: the folder ends with a separator.
        return os.path.join(os.path.dirname(os.path.join(self.docs_dir, _page.get())), "")

    def __str__(self) -> str:
        return self.__fspath__()

    def __repr__(self) -> str:
        return "PageDir(!relative)"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PageDir) and other.docs_dir == self.docs_dir

    __hash__ = None  # type: ignore[assignment]


@contextlib.contextmanager
def rendering(src_path: str) -> Iterator[None]:
    """While a page (docs-relative path) is rendered, bare ``!relative`` values point to its folder."""
    token = _page.set(src_path)
    try:
        yield
    finally:
        _page.reset(token)


class _Dir:
    """A ``!relative $config_dir/...`` or ``$docs_dir/...`` value, until the docs folder is known."""

    def __init__(self, base: str, suffix: str):
        self.base, self.suffix = base, suffix


def _loader(path: Path) -> type:
    class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
        pass

    def fail(node: yaml.Node, message: str, fix: str = _TAGS_FIX) -> HandbookError:
        return HandbookError(path, message, line=node.start_mark.line + 1, fix=fix)

    def relative(loader: Any, node: yaml.Node) -> _Dir:
        if not isinstance(node, yaml.ScalarNode):
            raise fail(node, f"!relative takes a path, not a {node.id}.",
                       "Write `!relative`, `!relative $config_dir/PATH` or `!relative $docs_dir/PATH`.")
        prefix, _, suffix = node.value.partition("/")
        if prefix in ("$config_dir", "$docs_dir"):
            return _Dir(prefix, suffix)
        if prefix.startswith("$"):
            raise fail(node, f"unknown prefix {prefix!r} in !relative {node.value!r}.",
                       "Use $config_dir or $docs_dir.")
        if node.value:
            raise fail(node, f"bare !relative takes no value; received {node.value!r}.",
                       "Write `!relative` alone (the page's folder), or start the path with $config_dir/ "
                       "or $docs_dir/.")
        return _Dir("", "")

    def python_name(loader: Any, suffix: str, node: yaml.Node) -> Any:
        if not isinstance(node, yaml.ScalarNode) or node.value:
            raise fail(node, f"!!python/name:{suffix} must have an empty value.",
                       f"Write `!!python/name:{suffix}` with nothing after it.")
        module_name, _, attr = suffix.rpartition(".")
        if not any(module_name == m or module_name.startswith(m + ".") for m in ALLOWED_MODULES):
            raise fail(node, f"!!python/name:{suffix} names a function outside pymdown-extensions and "
                       "Python-Markdown; the handbook does not import it.")
        try:
            value = getattr(importlib.import_module(module_name), attr)
        except (ImportError, AttributeError) as exc:
            raise fail(node, f"!!python/name:{suffix} cannot be found ({exc}).",
                       "Check the spelling against the extension's documentation.") from None
        if not callable(value):
            raise fail(node, f"!!python/name:{suffix} is not a function.",
                       "Name a function of the extension.")
        return value

    def other(loader: Any, node: yaml.Node) -> Any:
        raise fail(node, f"the YAML tag {node.tag!r} is not supported.")

    Loader.add_constructor("!ENV", construct_env_tag)
    Loader.add_constructor("!relative", relative)
    Loader.add_multi_constructor(_PYTHON_NAME, python_name)
    Loader.add_constructor(None, other)  # any other tag, !!python/object/apply: included
    return Loader


def _merge(base: Any, child: Any) -> Any:
    """MkDocs' INHERIT merge (mergedeep's default): mappings merge key by key, anything else replaces."""
    if isinstance(base, dict) and isinstance(child, dict):
        merged = dict(base)
        for key, value in child.items():
            merged[key] = _merge(base[key], value) if key in base else value
        return merged
    return child


def _read(path: Path, seen: tuple[Path, ...]) -> dict[str, Any]:
    data, lines = load_yaml(path, loader_class=_loader(path))
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise HandbookError(path, "must be a mapping of settings (name: value).", line=1,
                            fix="See https://www.mkdocs.org/user-guide/configuration/.")
    parent = data.pop("INHERIT", None)
    if parent is None:
        return data
    base = (path.parent / str(parent)).resolve()
    if base in seen:
        raise HandbookError(path, f"INHERIT: {parent} inherits this file again (a loop).",
                            line=lines.get(("INHERIT",)), fix="Remove one of the INHERIT settings.")
    if not base.is_file():
        raise HandbookError(path, f"INHERIT: {parent} does not exist (looked for {base}).",
                            line=lines.get(("INHERIT",)), fix="Correct the path, relative to this file.")
    return _merge(_read(base, seen + (base,)), data)


def _resolve(value: Any, config_dir: str, docs_dir: str) -> Any:
    if isinstance(value, _Dir):
        if not value.base:
            return PageDir(docs_dir)
        return os.path.join(config_dir if value.base == "$config_dir" else docs_dir, value.suffix)
    if isinstance(value, dict):
        return {key: _resolve(item, config_dir, docs_dir) for key, item in value.items()}
    if isinstance(value, list):
        return [_resolve(item, config_dir, docs_dir) for item in value]
    return value


def read_mkdocs_config(path: Path) -> dict[str, Any]:
    """The settings of ``path`` (a mkdocs.yml), tags resolved as MkDocs resolves them.

    Raises HandbookError (file, line, fix) for invalid YAML, an unsupported tag or a bad INHERIT.
    """
    path = Path(path)
    data = _read(path, (path.resolve(),))
    config_dir = os.path.dirname(os.path.abspath(path))
    # MkDocs' docs_dir: relative to the configuration's folder, made absolute.
    docs_dir = data.get("docs_dir") if isinstance(data.get("docs_dir"), str) else "docs"
    docs_dir = os.path.abspath(os.path.join(config_dir, docs_dir))
    return _resolve(data, config_dir, docs_dir)
