"""MkDocs hooks for the documentation site (mkdocs.yml loads them).

The search plugin segments the Chinese of the pages with jieba when jieba is
installed (it is, as a cnreport dependency), and jieba reports loading its
dictionary on stderr through its own logger; the build says nothing of it.
"""
from __future__ import annotations

import logging
from typing import Any


def on_config(config: Any) -> Any:
    logging.getLogger("jieba").setLevel(logging.WARNING)
    return config
