"""Who a figure is about, as a key: one key per entity across scripts and aliases.

``Metric.entity`` is the name as written (騰訊, 腾讯控股, Tencent); its
``entity_key`` is the same for all of them (``0700.HK``). Keys come from
the entities the library knows (``lexicon/entity_keys.tsv`` and the
organisations of ``lexicon/orgs.tsv``) and from the caller's own universe,
an :class:`Entities` passed as ``parse(text, entities=...)`` or read from
a file with ``Entities.from_file`` (``cnreport parse --entities FILE``).

A name that no table knows keys on its folded form without the legal
form of a company (华晟食品控股有限公司 → 华晟食品), so that both
scripts and the long and short forms meet.
"""
from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Optional, Union

import attrs

from .errors import ParseError
from .lexicon import loaders
from .normalize import fold

__all__ = ["Entities", "Entity", "EntityLike", "as_entities", "entity_key"]


def _strings(xs: Iterable[str]) -> tuple[str, ...]:
    if isinstance(xs, str):
        return (xs,)  # (one alias given alone)
    return tuple(xs)


def _entity_tuple(xs: Iterable[EntityLike]) -> tuple[Entity, ...]:
    if isinstance(xs, (str, bytes)):
        raise TypeError("entities is an iterable of entities, not a str")
    return tuple(_entity(x) for x in xs)


@attrs.frozen
class Entity:
    """One entity of a universe: its ``name``, the ``aliases`` it also goes
    by, and an optional ``code`` (a stock code, an id of the caller's).
    Its ``key`` is the code when there is one, else the folded name.

    >>> Entity("騰訊", ("Tencent",), "0700.HK").key
    '0700.HK'
    >>> Entity("華晟食品控股有限公司").key
    '华晟食品'
    """

    name: str
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    code: Optional[str] = None

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.strip():
            raise ValueError(f"an entity needs a name, not {self.name!r}")
        if not all(isinstance(a, str) for a in self.aliases):
            raise TypeError("aliases must be strings")
        if self.code is not None and not isinstance(self.code, str):
            raise TypeError("code must be a str or None")

    @property
    def key(self) -> str:
        return self.code.strip() if self.code and self.code.strip() else canonical_form(self.name)

    @property
    def names(self) -> tuple[str, ...]:
        """The name, its aliases and its code: every way the text may write it."""
        return (self.name, *self.aliases) + ((self.code,) if self.code else ())


EntityLike = Union[Entity, str, tuple[str, ...], Mapping[str, object]]


@attrs.frozen(eq=False)
class Entities:
    """A universe of entities: every name and alias, folded, to its key.

    Build it from :class:`Entity` objects, names, ``(name, aliases, code)``
    tuples or dicts with those keys; later entities win where two claim a
    name. Compared by identity, so that results cached for one universe
    are not mixed with another's.

    >>> u = Entities([Entity("寧德時代", ("CATL",), "300750.SZ"), "華潤萬家"])
    >>> u.key("宁德时代"), u.key("catl"), u.key("華潤萬家"), u.key("無名公司")
    ('300750.SZ', '300750.SZ', '华润万家', None)
    """

    entities: tuple[Entity, ...] = attrs.field(converter=_entity_tuple)
    _keys: dict[str, str] = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        keys: dict[str, str] = {}
        for e in self.entities:
            for n in e.names:
                folded = _match_form(n)
                if folded:
                    keys[folded] = e.key
        object.__setattr__(self, "_keys", keys)

    def key(self, name: str) -> Optional[str]:
        """The key of a name this universe knows, else None."""
        return self._keys.get(_match_form(name))

    def names(self) -> frozenset[str]:
        """Every name and alias, folded, as the text is matched."""
        return frozenset(self._keys)

    def __len__(self) -> int:
        return len(self.entities)

    def __iter__(self) -> Iterator[Entity]:
        return iter(self.entities)

    @classmethod
    def from_file(cls, path: Union[str, os.PathLike[str]]) -> Entities:
        """Read a universe from a CSV or tab-separated file with the columns
        ``name``, ``aliases`` (separated by ``|``) and ``code``; a header
        row naming them is optional, lines starting with ``#`` are comments.
        A malformed file raises :class:`cnreport.ParseError` naming the line.
        """
        text = Path(path).read_text(encoding="utf-8-sig")
        return cls(_rows(text, str(path)))


def _rows(text: str, where: str) -> Iterator[Entity]:
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    dialect = "excel-tab" if any("\t" in ln for ln in lines[:5]) else "excel"
    for n, row in enumerate(csv.reader(io.StringIO("\n".join(lines)), dialect=dialect), start=1):
        cells = [c.strip() for c in row]
        if n == 1 and cells and cells[0].lower() == "name":
            continue  # the header
        if not cells or not cells[0]:
            raise ParseError(f"{where}: line {n} has no name", text=row and ",".join(row) or "", position=n)
        aliases = tuple(a.strip() for a in cells[1].split("|") if a.strip()) if len(cells) > 1 else ()
        code = cells[2] if len(cells) > 2 and cells[2] else None
        yield Entity(cells[0], aliases, code)


def _entity(x: EntityLike) -> Entity:
    if isinstance(x, Entity):
        return x
    if isinstance(x, str):
        return Entity(x)
    if isinstance(x, tuple):
        return Entity(*x)
    if isinstance(x, Mapping):
        return Entity(**x)  # type: ignore[arg-type]
    raise TypeError(f"an entity is an Entity, a name, a tuple or a dict, not {type(x).__name__}")


# Legal forms of a company, dropped from a key (longest first).
@lru_cache(maxsize=1)
def _legal_forms() -> tuple[str, ...]:
    return tuple(sorted((_match_form(w) for w in loaders.legal_forms()), key=len, reverse=True))


def canonical_form(name: str) -> str:
    """A name folded to simplified script, spaces and a company's legal
    form (or a known place's 省, 市) dropped, Latin letters in lower case."""
    f = _match_form(name)
    for form in _legal_forms():  # (longest first: 集团有限公司 before 有限公司)
        if f.endswith(form) and len(f) >= len(form) + 2:
            f = f[:-len(form)]
            break
    for form in _place_forms():  # 重庆市 is 重庆, where 重庆 is a place the library knows
        if f.endswith(form) and f[:-len(form)] in _places():
            return f[:-len(form)]
    return f


def common_name(name: str) -> str:
    """``name`` without its registered legal form, as a text calls the
    company when it does not name it in full (恒岳新能源控股有限公司 →
    恒岳新能源, Sainsbury's plc → Sainsbury's); other names unchanged."""
    f = fold(name)
    for form in _registered_forms():
        if f.endswith(form) and len(f) >= len(form) + 2:
            return name[:len(f) - len(form)].rstrip()
    return name


@lru_cache(maxsize=1)
def _registered_forms() -> tuple[str, ...]:
    """The legal forms that only a registered name carries (有限公司 and the
    forms that end with it, Ltd., plc), longest first: 集团 and 控股 stay."""
    return tuple(sorted((fold(w) for w in loaders.registered_forms()), key=len, reverse=True))


@lru_cache(maxsize=1)
def _place_forms() -> tuple[str, ...]:
    return tuple(sorted((_match_form(w) for w in loaders.place_forms()), key=len, reverse=True))


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    return frozenset(_match_form(w) for w in loaders.places())


def _match_form(name: str) -> str:
    return "".join(fold(name).split()).lower()


@lru_cache(maxsize=1)
def builtin() -> Entities:
    """The entities the library knows: ``entity_keys.tsv`` and ``orgs.tsv``."""
    rows = [Entity(e.name, e.aliases, e.code) for e in loaders.entity_keys()]
    known = {_match_form(n) for e in rows for n in e.names}
    rows = [Entity(w) for w in loaders.orgs() if _match_form(w) not in known] + rows
    return Entities(rows)


def as_entities(entities: Optional[Union[Entities, Iterable[EntityLike]]]) -> Optional[Entities]:
    """The caller's universe as :class:`Entities` (a list of names, tuples or
    :class:`Entity` objects is read into one)."""
    if entities is None or isinstance(entities, Entities):
        return entities
    if isinstance(entities, (str, bytes)):
        raise TypeError("entities is an Entities or an iterable of entities, not a str; "
                        "for a file, use Entities.from_file(path)")
    return Entities(entities)


def entity_key(name: Optional[str], entities: Optional[Entities] = None) -> Optional[str]:
    """The key of ``name``: from the caller's universe, else the library's,
    else its canonical form.

    >>> entity_key("騰訊"), entity_key("Tencent"), entity_key("騰訊控股")
    ('0700.HK', '0700.HK', '0700.HK')
    >>> entity_key("華晟食品控股有限公司")
    '华晟食品'
    """
    if name is None:
        return None
    if entities is not None:
        found = entities.key(name)
        if found is not None:
            return found
    return builtin().key(name) or canonical_form(name)
