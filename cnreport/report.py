"""``parse`` and ``parse_many``: numbers, speakers and metrics in one pass.

    text ─► layout (tables, scales) ─► find_numbers ─► segment ─► tag_metrics ─► Report

The prose stages read the text with the tables' markup blanked out (same
length); the tables' figures come from the layout, scaled, with their cell.
"""
from __future__ import annotations

import datetime
import multiprocessing
import os
from collections.abc import Iterable, Iterator, Mapping
from itertools import repeat
from typing import Optional, Union

import attrs

from .currency import check_currency, place_currency
from .entities import Entities, EntityLike, as_entities
from .metrics import _tag_metrics
from .model import Metric, Report
from .normalize import fold
from .numbers import _find_numbers
from .prose import prose_numbers
from .read import has_markup, read_file, visible_text
from .speakers import _segment
from .tables.layout import Layout, page_of, read_layout

__all__ = ["parse", "parse_many"]


def parse(text: Union[str, os.PathLike[str]], *, source: Optional[str] = None,
          categories: Optional[Mapping[str, str]] = None,
          reference_date: Optional[datetime.date] = None,
          entities: Optional[Union[Entities, Iterable[EntityLike]]] = None,
          currency: Optional[str] = None) -> Report:
    """Read one report: its sections, every number, and each metric with its
    subject, entity, period, change, speaker and heading.

    ``source`` (a file name, an id) is copied into every metric;
    ``categories`` adds metric aliases (``{"日活": "users"}``);
    ``reference_date`` is the date of writing, against which 今年, 去年 and
    目前 are resolved (by default, the date of the text's dateline, if it
    has one); ``entities`` is the caller's universe of entities (an
    :class:`~cnreport.Entities`, or names, ``(name, aliases, code)`` tuples or
    :class:`~cnreport.Entity` objects), recognised in the text and keyed as the
    caller keys them; ``currency`` (an ISO 4217 code such as ``"TWD"``) is
    the currency of a bare 元 where the document states none (see
    :mod:`cnreport.currency`). Never raises for a ``str``.

    A path (``pathlib.Path("report.pdf")``) is read first with
    :func:`~cnreport.read_file` (a PDF needs ``pip install 'cnreport[pdf]'``);
    offsets then index the text it gives, and ``source`` is the path unless
    given. A ``str`` is always the text itself, never a file name.

    >>> r = parse("丁珂-騰訊公司副總裁\\n截止到2019年5月,已經有超過3.8萬的醫療機構擁有了自己的公眾號")
    >>> m = r.metrics[0]
    >>> (m.mention.text, m.subject, m.period, m.speaker.name)
    ('超過3.8萬', '醫療機構', '截止到2019年5月', '丁珂')
    """
    text, source = _text_of(text, source)
    if reference_date is not None and not isinstance(reference_date, datetime.date):
        raise TypeError("reference_date must be a datetime.date or None, "
                        f"not {type(reference_date).__name__}")
    check_currency(currency)
    folded = fold(text)  # read by every step; it keeps offsets
    layout = read_layout(text, folded, source=source)
    view, view_folded = _prose_view(layout)
    # a bare 元 in the prose takes the currency the whole document states (its tables too)
    numbers = place_currency(text, prose_numbers(_find_numbers(view, view_folded), layout),
                             default=currency, folded=folded)
    sections = _segment(view, view_folded)
    universe = as_entities(entities)
    metrics = _tag_metrics(view, view_folded, sections, numbers, source=source, categories=categories,
                           reference_date=reference_date, entities=universe)
    if layout.pages:
        metrics = [_on_page(m, layout) for m in metrics]
    cells = [m.mention for m in layout.metrics]
    return Report(sections=tuple(sections),
                  numbers=tuple(sorted([*numbers, *cells], key=lambda m: m.start)),
                  metrics=tuple(sorted([*metrics, *layout.metrics], key=lambda m: m.mention.start)),
                  source=source, tables=layout.tables, scales=layout.scales, pages=layout.pages)


def _text_of(text: Union[str, os.PathLike[str]], source: Optional[str]) -> tuple[str, Optional[str]]:
    """The text to parse and its source: a path is read first (and is the
    source unless one is given); a ``str`` is the text itself."""
    if isinstance(text, os.PathLike):
        document = read_file(text, source=source)
        text, source = document.text, document.source
    if not isinstance(text, str):
        raise TypeError(f"parse() takes a str or a path, not {type(text).__name__}; "
                        "decode bytes first, e.g. data.decode('utf-8')")
    if source is not None and not isinstance(source, str):
        raise TypeError(f"source must be a str or None, not {type(source).__name__}")
    return text, source


def _prose_view(layout: Layout) -> tuple[str, str]:
    """The text outside the tables, and its fold, with the markup outside
    the tables read as text: a paragraph tag is a line break, so that
    titles, speakers' labels and paragraphs start their lines."""
    view, view_folded = layout.masked, layout.masked_folded
    if has_markup(view):
        view = visible_text(view)
        view_folded = fold(view)
    return view, view_folded


def _on_page(m: Metric, layout: Layout) -> Metric:
    return attrs.evolve(m, page=page_of(layout.pages, m.mention.start))


def _parse_one(args: tuple[str, Optional[str], Optional[Mapping[str, str]], Optional[Entities],
                          Optional[str]]) -> Report:
    text, source, categories, entities, currency = args
    return parse(text, source=source, categories=categories, entities=entities, currency=currency)


def parse_many(texts: Iterable[str], *, sources: Optional[Iterable[Optional[str]]] = None,
               n_process: int = 1, batch_size: int = 8,
               categories: Optional[Mapping[str, str]] = None,
               entities: Optional[Union[Entities, Iterable[EntityLike]]] = None,
               currency: Optional[str] = None) -> Iterator[Report]:
    """Parse many texts, in order, optionally in ``n_process`` worker
    processes; yields the same reports as ``parse`` would, one per text.

    Texts are sent to the workers ``batch_size`` at a time. Reports and
    errors pickle, so they cross process boundaries unchanged; a worker
    loads its lexicons at its first text.

    >>> [len(r.metrics) for r in parse_many(["收入1.1億元", "員工4萬多人"])]
    [1, 1]
    """
    if isinstance(texts, str):
        raise TypeError("parse_many() takes an iterable of str; for one text, call parse()")
    if not isinstance(n_process, int) or n_process < 1:
        raise ValueError(f"n_process must be a positive int, not {n_process!r}")
    if not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive int, not {batch_size!r}")
    check_currency(currency)
    universe = as_entities(entities)  # (once, not once a text)
    jobs = zip(texts, sources if sources is not None else repeat(None), repeat(categories), repeat(universe),
               repeat(currency))
    if n_process == 1:
        for job in jobs:
            yield _parse_one(job)
        return
    with multiprocessing.get_context().Pool(n_process) as pool:
        yield from pool.imap(_parse_one, jobs, chunksize=batch_size)
