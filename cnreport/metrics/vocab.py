"""The word tables the metric stages read, loaded once, in the shapes the look-ups need.

Every table is a file of ``cnreport/lexicon``; this module only reads them
and indexes them (by first or last character, by role, longest first).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache, lru_cache
from typing import Optional

import attrs
import regex

from ..lexicon import loaders
from ..normalize import fold
from ..words import once, weak_endings, word_tags

__all__ = [
    "Grammar",
    "Lexicon",
    "aliases",
    "by_first",
    "by_last",
    "context_words",
    "either",
    "entity_words",
    "find_any",
    "grammar",
    "known_words",
    "lexicon",
    "org_set",
    "orgs", "rfind_any",
    "role_words",
    "surnames",
]

# The longest word looked up: jieba's words are read up to four characters,
# metric aliases up to six (国内生产总值).
LONGEST = 6


@lru_cache(maxsize=1)
def context_words() -> dict[str, str]:
    """``lexicon/metric_context.tsv``: word → role."""
    return {r.word: r.role for r in loaders.metric_context()}


@cache
def role_words(role: str) -> tuple[str, ...]:
    """The context words of one role, longest first."""
    return tuple(sorted((w for w, r in context_words().items() if r == role), key=len, reverse=True))


@cache
def entity_words(role: str) -> tuple[str, ...]:
    """The words of ``lexicon/entity_words.tsv`` with one role, longest first."""
    return tuple(sorted((r.word for r in loaders.entity_words() if r.role == role), key=len, reverse=True))


@cache
def entity_set(role: str) -> frozenset[str]:
    return frozenset(entity_words(role))


@lru_cache(maxsize=1)
def front_owners() -> tuple[str, ...]:
    """Owner words dropped from the front of a subject (公司研发人员,
    该项目总投资); 行业解决方案 and 市场份额 keep theirs."""
    g = grammar()
    # (公司 is a company ending in entity_words.tsv, and an owner word here)
    return tuple(w for w in (*entity_words("owner"), *g.words("company_owner"))
                 if w[0] in g.set("front_owner_head") or w in g.set("front_owner"))


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    return frozenset(w for w in loaders.surnames() if len(w) == 1)


@lru_cache(maxsize=1)
def orgs() -> tuple[str, ...]:
    """``lexicon/orgs.tsv``, longest first."""
    return tuple(sorted(loaders.orgs(), key=len, reverse=True))


@lru_cache(maxsize=1)
def org_set() -> frozenset[str]:
    return frozenset(orgs())


@lru_cache(maxsize=1)
def name_forms() -> tuple[str, ...]:
    """``lexicon/name_forms.tsv``: the words that make a name of the words
    before them (有限公司, 集团, 银行), longest first."""
    return tuple(sorted(loaders.name_forms(), key=len, reverse=True))


@lru_cache(maxsize=1)
def topic_ends() -> tuple[str, ...]:
    """The words that close a lead naming a topic (分业务看, 单量方面, 库存方面)."""
    g = grammar()
    return (*g.words("topic_close"), *g.words("topic_end"))


@lru_cache(maxsize=1)
def anaphor_words() -> frozenset[str]:
    """``lexicon/anaphora.tsv``: the words that stand for an entity named
    elsewhere (公司, 该行, 全省)."""
    return frozenset(r.word for r in loaders.anaphora())


@lru_cache(maxsize=1)
def descriptors() -> frozenset[str]:
    """``lexicon/name_descriptors.tsv``: words that describe an organisation
    before its name (大厂 in 光学元件大厂台禾光电)."""
    return frozenset(loaders.name_descriptors())


@lru_cache(maxsize=1)
def titles() -> tuple[str, ...]:
    """``lexicon/titles.tsv``: job titles, longest first."""
    return tuple(sorted(loaders.titles(), key=len, reverse=True))


@lru_cache(maxsize=1)
def not_names() -> frozenset[str]:
    """``lexicon/not_names.tsv``: Latin words for measures and things (GDP,
    SKU, EBITDA), in lower case."""
    return frozenset(w.lower() for w in loaders.not_names())


@lru_cache(maxsize=1)
def venues() -> frozenset[str]:
    """``lexicon/venues.tsv``: exchanges and regulators, where figures are
    reported, not whom they are about."""
    return frozenset(loaders.venues())


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """``lexicon/places.tsv``: countries, regions, provinces, cities."""
    return frozenset(loaders.places())


@lru_cache(maxsize=1)
def measure_words() -> frozenset[str]:
    """The one-character measure words of ``lexicon/units.tsv`` (根, 杯, 款, 笔)."""
    return frozenset(u for u, unit in loaders.units().items() if unit.kind == "cardinal" and len(u) == 1)


@lru_cache(maxsize=1)
def extra_words() -> dict[str, str]:
    """``lexicon/words.tsv``: words jieba lacks, with their tag."""
    return {r.word: r.role for r in loaders.subject_words()}


@once
def known_words() -> frozenset[str]:
    """Every word the look-ups know, but the caller's aliases: jieba's short
    words, organisations and our extra words."""
    return frozenset(word_tags()) | org_set() | frozenset(extra_words()) | entity_set("ending") \
        | frozenset(context_words())


@once
def weak_words() -> dict[str, int]:
    """jieba's weak words (度提高 against 提高), but those ``words.tsv`` knows."""
    extra = extra_words()
    return {w: n for w, n in weak_endings().items() if w not in extra}


def either(words: Iterable[str]) -> str:
    """A pattern that matches any of ``words``, tried in their order (give
    them longest first)."""
    return "|".join(regex.escape(w) for w in words) or r"(?!)"


def find_any(text: str, words: Iterable[str], start: int, end: int) -> int:
    """Where the first of ``words`` in ``text[start:end]`` starts, or -1."""
    found = [k for k in (text.find(w, start, end) for w in words) if k >= 0]
    return min(found) if found else -1


def rfind_any(text: str, words: Iterable[str], start: int, end: int) -> int:
    """Where the last of ``words`` in ``text[start:end]`` starts, or -1."""
    return max((text.rfind(w, start, end) for w in words), default=-1)


def by_first(words: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """``words`` by their first character, in their order."""
    found: dict[str, list[str]] = {}
    for w in words:
        found.setdefault(w[0], []).append(w)
    return {c: tuple(ws) for c, ws in found.items()}


def by_last(words: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """``words`` by their last character, in their order."""
    found: dict[str, list[str]] = {}
    for w in words:
        found.setdefault(w[-1], []).append(w)
    return {c: tuple(ws) for c, ws in found.items()}


@attrs.frozen
class Lexicon:
    """The word tables of the metric stages, read once."""

    roles: dict[str, str]                        # metric_context.tsv: word → role
    scope: frozenset[str]
    market: frozenset[str]                       # the scope words of a market-wide figure
    endings: frozenset[str]                      # entity_words.tsv, by role
    owners: frozenset[str]
    sources: frozenset[str]
    announces: frozenset[str]
    stops: frozenset[str]
    periods: frozenset[str]                      # period words (目前, 今年, 上半年)
    periods_from: dict[str, tuple[str, ...]]     # period words by first character
    periods_to: dict[str, tuple[str, ...]]       # and by last character
    when_from: dict[str, tuple[str, ...]]        # time words that name no period (后来), likewise
    openers_to: dict[str, tuple[str, ...]]       # what may open a period, by last character
    closers_from: dict[str, tuple[str, ...]]     # what may close one, by first character
    front_from: dict[str, tuple[str, ...]]       # dropped from a subject's front
    orgs_from: dict[str, tuple[str, ...]]        # orgs.tsv, by first character


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    periods = role_words("period")
    g = grammar()
    return Lexicon(
        roles=context_words(), scope=frozenset(role_words("scope") + role_words("market")),
        market=frozenset(role_words("market")), endings=entity_set("ending"),
        owners=entity_set("owner"), sources=entity_set("source"), announces=entity_set("announce"),
        stops=entity_set("stop"),
        periods=frozenset(periods), periods_from=by_first(periods), periods_to=by_last(periods),
        when_from=by_first(role_words("when")), openers_to=by_last(g.words("period_opener") + periods),
        closers_from=by_first(g.words("period_closer") + periods),
        front_from=by_first(role_words("scope") + role_words("market") + front_owners()), orgs_from=by_first(orgs()))


@lru_cache(maxsize=32)
def aliases(extra: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """Metric alias → category, from ``lexicon/metrics.tsv`` and the caller's
    ``categories`` (folded, lower case)."""
    found = {r.word.lower(): r.role for r in loaders.metric_aliases()}
    for alias, category in extra:
        if not isinstance(alias, str) or not isinstance(category, str):
            raise TypeError("categories maps alias strings to category strings")
        found[fold(alias).lower()] = category
    return found


def extra_categories(categories: Optional[Mapping[str, str]]) -> tuple[tuple[str, str], ...]:
    """The caller's categories as a hashable key for the memos."""
    return tuple(sorted((categories or {}).items()))


@lru_cache(maxsize=32)
def tag_memo(extra: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """An empty memo of word tags for one set of caller's categories."""
    return {}


@lru_cache(maxsize=32)
def longest_by_edge(extra: tuple[tuple[str, str], ...]) -> tuple[dict[str, int], dict[str, int]]:
    """For each character, the length of the longest known word or alias (up
    to ``LONGEST``) that starts with it, and that ends with it."""
    first, last = dict(_known_edges()[0]), dict(_known_edges()[1])
    _widen_edges(first, last, aliases(extra))
    return first, last


@once
def _known_edges() -> tuple[dict[str, int], dict[str, int]]:
    first: dict[str, int] = {}
    last: dict[str, int] = {}
    _widen_edges(first, last, known_words())
    return first, last


def _widen_edges(first: dict[str, int], last: dict[str, int], words: Iterable[str]) -> None:
    for w in words:
        n = min(len(w), LONGEST)
        if n > first.get(w[0], 0):
            first[w[0]] = n
        if n > last.get(w[-1], 0):
            last[w[-1]] = n


@lru_cache(maxsize=32)
def alias_order(extra: tuple[tuple[str, str], ...]) -> tuple[tuple[int, ...], dict[str, int]]:
    """The lengths of the aliases, longest first, and each alias's row."""
    found = aliases(extra)
    return tuple(sorted({len(a) for a in found}, reverse=True)), {a: n for n, a in enumerate(found)}


class Grammar:
    """The grammar words of ``lexicon/metric_grammar.tsv``, by set: in table
    order (``words``), longest first (``longest``), as a set (``set``), with
    each word's value (``values``). Built once (:func:`grammar`)."""

    def __init__(self) -> None:
        words: dict[str, list[str]] = {}
        values: dict[str, dict[str, str]] = {}
        for r in loaders.metric_grammar():
            words.setdefault(r.role, []).append(r.word)
            values.setdefault(r.role, {})[r.word] = r.value
        self._words = {k: tuple(v) for k, v in words.items()}
        self._sets = {k: frozenset(v) for k, v in words.items()}
        self._longest = {k: tuple(sorted(v, key=len, reverse=True)) for k, v in words.items()}
        self._values = values

    def words(self, name: str) -> tuple[str, ...]:
        return self._words[name]

    def set(self, name: str) -> frozenset[str]:
        return self._sets[name]

    def longest(self, name: str) -> tuple[str, ...]:
        return self._longest[name]

    def values(self, name: str) -> dict[str, str]:
        return self._values[name]


@once
def grammar() -> Grammar:
    """The grammar words of the metric reader, read once."""
    return Grammar()
