"""Griffe extension for the documentation site (mkdocs.yml loads it).

cnreport's docstrings are doctest-tested prose with reST touches. Rendered as
Markdown, a bare ``>>>`` block would become a nested blockquote (and its
output lines bogus cross-references), and ``:func:`x``` would show as is.
This wraps each doctest block in a ``pycon`` fence and turns the roles into
cross-references (builtins into code). The docstrings are left unchanged.
"""
from __future__ import annotations

import builtins
import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:func|class|meth|mod|attr|exc|data|obj):`(~?)([\w.]+)`")


def _role(obj: griffe.Object, match: re.Match[str]) -> str:
    tilde, target = match.groups()
    title = target.rsplit(".", 1)[-1] if tilde else target
    if hasattr(builtins, target):
        return f"`{title}`"
    if not target.startswith("cnreport."):
        target = f"{obj.module.path}.{target}"
    return f"[`{title}`][{target}]"


def _markdown(obj: griffe.Object, text: str) -> str:
    out: list[str] = []
    in_doctest = False
    for line in text.splitlines():
        if not in_doctest and line.lstrip().startswith(">>>"):
            indent = line[: len(line) - len(line.lstrip())]
            if out and out[-1].strip():
                out.append("")
            out.append(f"{indent}```pycon")
            in_doctest = True
        elif in_doctest and not line.strip():
            out.append(f"{indent}```")
            in_doctest = False
        elif not in_doctest:
            line = _ROLE.sub(lambda m: _role(obj, m), line)
        out.append(line)
    if in_doctest:
        out.append(f"{indent}```")
    return "\n".join(out)


class MarkdownDocstrings(griffe.Extension):
    """Make doctest blocks and reST roles render in Markdown."""

    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = _markdown(obj, obj.docstring.value)

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        self.on_object(obj=pkg)
