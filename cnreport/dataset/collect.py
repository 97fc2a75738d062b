"""``collect``: a corpus (files, folders, texts or parsed reports) into one
dataset of facts."""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from itertools import tee
from pathlib import Path
from typing import Optional, Union

from ..entities import Entities, EntityLike, as_entities
from ..errors import ReadError
from ..model import Report
from ..read import read_file, suffixes
from ..report import parse_many
from .core import Dataset
from .model import Observation
from .observe import observe

__all__ = ["Input", "collect", "files_under"]

Input = Union[str, "os.PathLike[str]", tuple[str, str], Report]


def collect(inputs: Iterable[Input], *, sources: Optional[Iterable[str]] = None,
            entities: Optional[Union[Entities, Iterable[EntityLike]]] = None,
            categories: Optional[Mapping[str, str]] = None, currency: Optional[str] = None,
            n_process: int = 1) -> Dataset:
    """One dataset of facts from many reports.

    Each input is a text (``str``), a ``(source, text)`` pair, a
    :class:`~cnreport.Report` already parsed, or a path (``pathlib.Path`` or
    any ``os.PathLike``): a file is read as the command line reads it
    (UTF-8, GB18030, Big5, HTML, PDF with the ``pdf`` extra) and a folder
    for the files in it and its subfolders. ``sources`` names the texts (by
    default ``#0``, ``#1`` … in input order; a file is named by its path).
    ``entities``, ``categories`` and ``currency`` are those of
    :func:`cnreport.parse`; ``n_process`` parses in worker processes. A file
    that cannot be read is named in :attr:`Dataset.errors` and the others
    are read.

    >>> d = collect(["星雲科技2023年營收為11.5億元。", "星云科技2023年营业收入11.2亿元。"], sources=["a", "b"])
    >>> [(f.value, f.conflict, f.preferred) for f in d]
    [(1150000000, True, True), (1120000000, True, False)]
    >>> d.facts[0].rule
    'first: by source name and place'
    """
    if isinstance(inputs, (str, bytes, os.PathLike)):
        raise TypeError("collect() takes an iterable of texts, paths or reports; for one, pass [it]")
    universe = as_entities(entities)
    errors: list[tuple[str, str]] = []
    names = iter(sources) if sources is not None else None
    observations: list[Observation] = []
    # Texts are named and checked here, files are read only as they are
    # parsed: a corpus on disk is never in memory whole.
    pending: list[Union[tuple[str, str], Path]] = []
    for n, item in enumerate(inputs):
        if isinstance(item, Report):
            name = _name(names, item.source or f"#{n}")
            observations.extend(observe(item, source=name, entities=universe, categories=categories))
        elif isinstance(item, str):
            pending.append((_name(names, f"#{n}"), item))
        elif isinstance(item, tuple) and len(item) == 2 and all(isinstance(x, str) for x in item):
            pending.append(item)
        elif isinstance(item, os.PathLike):
            pending.append(Path(item))
        else:
            raise TypeError(f"collect() reads texts, (source, text) pairs, paths and reports, "
                            f"not {type(item).__name__}")
    a, b = tee(_texts(pending, errors))
    reports = parse_many((t for _, t in a), sources=(s for s, _ in b), n_process=n_process,
                         categories=categories, entities=universe, currency=currency)
    for report in reports:
        observations.extend(observe(report, entities=universe, categories=categories))
    return Dataset.from_observations(observations, errors)


def _name(names: Optional[Iterator[str]], default: str) -> str:
    return next(names, default) if names is not None else default


def files_under(folder: Path) -> list[Path]:
    """The files of a folder that the command line reads, its subfolders
    too, hidden ones left out, in name order."""
    wanted = suffixes()
    return [p for p in sorted(folder.rglob("*"))
            if p.is_file() and p.suffix.lower() in wanted
            and not any(part.startswith(".") for part in p.relative_to(folder).parts)]


def _texts(pending: list[Union[tuple[str, str], Path]], errors: list[tuple[str, str]]
           ) -> Iterator[tuple[str, str]]:
    for item in pending:
        if isinstance(item, Path):
            yield from _read(item, errors)
        else:
            yield item


def _read(path: Path, errors: list[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    """(name, text) of a file, or of each file of a folder; a file that
    cannot be read goes to ``errors`` with its reason."""
    for p in files_under(path) if path.is_dir() else [path]:
        try:
            doc = read_file(p, source=str(p))
        except ReadError as err:
            errors.append((str(p), f"{type(err).__name__}: {err.message}"))
            continue
        except OSError as err:
            errors.append((str(p), f"{type(err).__name__}: {err.strerror or err}"))
            continue
        yield str(p), doc.text
