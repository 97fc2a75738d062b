"""One typed loader for each lexicon table.

Every table under ``cnreport/lexicon/`` is read here, by the loader named
after it, once (each loader is cached); the modules that use a table ask
its loader and derive what they need (an index by first character, a list
sorted longest first) from the rows it returns. A loader validates what the
code relies on and raises :class:`ValueError` naming the file and the line.

>>> from cnreport.lexicon import loaders
>>> loaders.units()["港仙"]
Unit(word='港仙', kind='money', currency='HKD', scale=Fraction(1, 100))
>>> [q.symbol for q in loaders.qualifiers() if q.word == "逾"]
['>']
"""
from __future__ import annotations

from fractions import Fraction
from functools import cache, lru_cache
from typing import Literal, Optional, get_args

import attrs

from ..model import Kind, Rational
from ..model import Qualifier as QualifierSymbol
from . import Row, table

__all__ = ["Boilerplate", "Byline", "EntityKey", "NumeralChar", "Qualifier", "ScaleWord", "SetPhrase", "Unit",
           "WordRole", "address_titles", "anaphora", "boilerplate", "bylines", "dateline_words", "entity_keys",
           "entity_words", "identifiers", "legal_forms", "metric_aliases", "metric_context", "metric_grammar",
           "name_descriptors", "name_forms", "not_names", "not_numbers", "number_words", "number_words_with",
           "numeral_alphabet", "orgs", "period_words", "places", "qualifiers", "report_periods", "role_parts",
           "scale_words", "set_phrases", "speaker_labels", "speaker_words", "subject_frames", "subject_words",
           "surnames", "table_words", "titles", "units", "venues"]



def _error(row: Row, message: str) -> ValueError:
    return ValueError(f"{row.file}:{row.line}: {message}")


@attrs.frozen
class Unit:
    """A unit or measure word (``units.tsv``): its kind, the ISO 4217 code
    of a currency, and its scale: percentage points per unit (5‰ is 0.5%),
    or what one unit is worth in its currency (15港仙 is 0.15 HKD)."""

    word: str
    kind: Kind
    currency: Optional[str]
    scale: Rational = 1


@lru_cache(maxsize=1)
def units() -> dict[str, Unit]:
    """Units by word, as written in the table (simplified)."""
    found: dict[str, Unit] = {}
    for row in table("units.tsv", 4):
        if row[0] in found:
            raise _error(row, f"{row[0]!r} is listed twice")
        kind = next((k for k in get_args(Kind) if k == row[1]), None)
        if kind is None:
            raise _error(row, f"{row[1]!r} is no kind of figure")
        extra = row[2]
        currency, _, per = extra.partition(" ") if kind == "money" else ("", "", extra if kind == "percent" else "")
        found[row[0]] = Unit(row[0], kind, currency or None, Fraction(per) if per else 1)
    return found


@attrs.frozen
class Qualifier:
    """A word that bounds a figure (``qualifiers.tsv``): 超过 (>), 近 (<),
    以上 (>=), 左右 (~); ``position`` before or after the figure;
    ``not_after``: characters that, just before it, make it part of another
    word."""

    word: str
    symbol: QualifierSymbol
    position: Literal["before", "after"]
    not_after: str


@lru_cache(maxsize=1)
def qualifiers() -> tuple[Qualifier, ...]:
    """The qualifiers in table order."""
    found = []
    for row in table("qualifiers.tsv", 5):
        position: Optional[Literal["before", "after"]] = \
            "before" if row[2] == "before" else "after" if row[2] == "after" else None
        if position is None:
            raise _error(row, "position must be before or after")
        symbol = next((s for s in get_args(QualifierSymbol) if s == row[1]), None)
        if symbol is None:
            raise _error(row, f"{row[1]!r} is no qualifier")
        found.append(Qualifier(row[0], symbol, position, row[3]))
    return tuple(found)


@attrs.frozen
class SetPhrase:
    """An idiom that states a range (成千上万: 1000 to 10000, ``vague.tsv``)
    or a set word that states one value (双倍, 翻一番, ``set_numbers.tsv``)."""

    word: str
    value: Optional[int]
    low: Optional[int]
    high: Optional[int]
    kind: Kind
    unit: str


@lru_cache(maxsize=1)
def set_phrases() -> tuple[SetPhrase, ...]:
    """The idioms of ``vague.tsv``, then the set words of ``set_numbers.tsv``."""
    phrases = [SetPhrase(r[0], None, int(r[1]), int(r[2]), "cardinal", "") for r in table("vague.tsv", 4)]
    for r in table("set_numbers.tsv", 5):
        if r[3] and not r[0].endswith(r[3]):
            raise _error(r, "the unit must end the word")
        kind = next((k for k in get_args(Kind) if k == r[2]), None)
        if kind is None:
            raise _error(r, f"{r[2]!r} is no kind of figure")
        phrases.append(SetPhrase(r[0], int(r[1]), None, None, kind, r[3]))
    return tuple(phrases)


@lru_cache(maxsize=1)
def not_numbers() -> tuple[str, ...]:
    """Words in which a numeral is no quantity (``not_numbers.tsv``)."""
    return tuple(r[0] for r in table("not_numbers.tsv", 2))


@lru_cache(maxsize=1)
def identifiers() -> tuple[str, ...]:
    """Words after which a bare number is an identifier (``identifiers.tsv``)."""
    return tuple(r[0] for r in table("identifiers.tsv", 2))


@attrs.frozen
class WordRole:
    """A word and the role its table gives it, with the role's value when
    the table has one."""

    word: str
    role: str
    value: str = ""


def _roles(name: str, columns: int = 2, valued: bool = False) -> tuple[WordRole, ...]:
    return tuple(WordRole(r[0], r[1], r[2] if valued else "") for r in table(name, columns))


@lru_cache(maxsize=1)
def number_words() -> tuple[WordRole, ...]:
    """The words that number reading decides by (``number_words.tsv``): the
    words around a figure that make it one, or no quantity."""
    return _roles("number_words.tsv", 4, valued=True)


@cache
def number_words_with(role: str) -> tuple[str, ...]:
    """The words of ``number_words.tsv`` with ``role``, in table order.

    >>> number_words_with("word_numeral")
    ('几', '半', '数')
    """
    return tuple(w.word for w in number_words() if w.role == role)


@lru_cache(maxsize=1)
def speaker_words() -> tuple[WordRole, ...]:
    """The words that speaker reading decides by (``speaker_words.tsv``):
    what introduces a speech, what makes a heading, who asks."""
    return _roles("speaker_words.tsv", 4, valued=True)


@lru_cache(maxsize=1)
def metric_context() -> tuple[WordRole, ...]:
    """Words around a figure that are context, not its subject, by role
    (``metric_context.tsv``): scope, period, up, down…"""
    return _roles("metric_context.tsv")


@lru_cache(maxsize=1)
def entity_words() -> tuple[WordRole, ...]:
    """Words for telling who a figure is about, by role (``entity_words.tsv``)."""
    return _roles("entity_words.tsv")


@lru_cache(maxsize=1)
def dateline_words() -> tuple[WordRole, ...]:
    """Words that mark the date of writing, by role (``dateline_words.tsv``)."""
    return _roles("dateline_words.tsv")


@lru_cache(maxsize=1)
def period_words() -> tuple[WordRole, ...]:
    """Words that name or frame a period, with role and value (``period_words.tsv``)."""
    return _roles("period_words.tsv", 3, valued=True)


@lru_cache(maxsize=1)
def subject_words() -> tuple[WordRole, ...]:
    """Business words and their jieba part-of-speech tag (``words.tsv``)."""
    return _roles("words.tsv", 3, valued=True)


@lru_cache(maxsize=1)
def metric_aliases() -> tuple[WordRole, ...]:
    """Aliases of the business measures (``metrics.tsv``): ``word`` is the
    alias, ``role`` its category."""
    return tuple(WordRole(r[1], r[0]) for r in table("metrics.tsv", 2))


@lru_cache(maxsize=1)
def orgs() -> tuple[str, ...]:
    """Organisations whose name may be followed by a unit in a title
    (``orgs.tsv``), in table order."""
    return tuple(r[0] for r in table("orgs.tsv", 2))


@lru_cache(maxsize=1)
def surnames() -> tuple[str, ...]:
    """Chinese surnames, compound ones first (``surnames.tsv``)."""
    return tuple(r[0] for r in table("surnames.tsv", 1))


@lru_cache(maxsize=1)
def titles() -> tuple[str, ...]:
    """Job titles that end a role on a speaker line (``titles.tsv``)."""
    return tuple(r[0] for r in table("titles.tsv", 1))


@lru_cache(maxsize=1)
def address_titles() -> tuple[str, ...]:
    """Short titles used after a surname: 总, 董, 工 (``address_titles.tsv``)."""
    return tuple(r[0] for r in table("address_titles.tsv", 2))


@lru_cache(maxsize=1)
def role_parts() -> tuple[str, ...]:
    """Words between an organisation and a job title that name no
    organisation (``role_parts.tsv``)."""
    return tuple(r[0] for r in table("role_parts.tsv", 2))


TurnKind = Literal["question", "answer", "speech"]
_TURN_KINDS: tuple[TurnKind, ...] = ("question", "answer", "speech")


@lru_cache(maxsize=1)
def speaker_labels() -> tuple[tuple[str, TurnKind], ...]:
    """Labels that open a turn (问, 主持人) and the kind of turn they open
    (``speaker_labels.tsv``)."""
    found = []
    for row in table("speaker_labels.tsv", 2):
        kind = next((k for k in _TURN_KINDS if k == row[1]), None)
        if kind is None:
            raise _error(row, f"{row[1]!r} is no kind of turn")
        found.append((row[0], kind))
    return tuple(found)


@attrs.frozen
class Boilerplate:
    """A line of the page around a report (``boilerplate.tsv``): matched as
    the whole ``line`` or as a ``prefix``; ``list`` when the short lines after
    it are boilerplate too."""

    text: str
    match: str
    list: bool


@lru_cache(maxsize=1)
def boilerplate() -> tuple[Boilerplate, ...]:
    return tuple(Boilerplate(r[0], r[1], r[2] == "yes") for r in table("boilerplate.tsv", 3))


@attrs.frozen
class Byline:
    """A word that introduces an author (``bylines.tsv``); ``sep`` when it
    needs a separator before the name (文/张三)."""

    word: str
    sep: bool


@lru_cache(maxsize=1)
def bylines() -> tuple[Byline, ...]:
    return tuple(Byline(r[0], r[1] == "yes") for r in table("bylines.tsv", 2))


ScaleKind = Literal["magnitude", "currency", "unit", "count", "subunit", "label", "currency_label", "unless",
                    "unless_verb", "closing"]
_SCALE_GRAMMAR = ("label", "currency_label", "unless", "unless_verb", "closing")


@attrs.frozen
class ScaleWord:
    """A word of a scale declaration (``scales.tsv``): a ``magnitude`` with
    the ``factor`` one printed unit is worth, or a ``currency`` or ``unit``
    with the unit a figure takes and its ISO 4217 code; or a ``count`` word
    of a label (``人数``) with the unit of what it counts; a ``subunit``, a
    hundredth of the currency whose unit and code it gives (``港仙``); or a
    word of the grammar around them: a ``label`` or ``currency_label`` before a colon,
    the ``unless`` and ``unless_verb`` of 除另有注明外, the ``closing`` verb
    of a bracket (以…列示)."""

    kind: ScaleKind
    word: str
    factor: int = 1
    unit: Optional[str] = None
    currency: Optional[str] = None


@lru_cache(maxsize=1)
def scale_words() -> tuple[ScaleWord, ...]:
    out = []
    for r in table("scales.tsv", 4):
        if r[0] == "magnitude":
            if not r[2].isdigit():
                raise _error(r, f"a magnitude needs a whole factor, not {r[2]!r}")
            out.append(ScaleWord("magnitude", r[1], factor=int(r[2])))
        elif r[0] in ("currency", "unit", "count", "subunit"):
            unit, _, code = r[2].partition(" ")
            out.append(ScaleWord(r[0], r[1], unit=unit or r[1], currency=code or None))  # type: ignore[arg-type]
        elif r[0] in _SCALE_GRAMMAR:
            out.append(ScaleWord(r[0], r[1]))  # type: ignore[arg-type]
        else:
            raise _error(r, f"unknown kind {r[0]!r}")
    return tuple(out)


@lru_cache(maxsize=1)
def report_periods() -> tuple[str, ...]:
    """Period words of table headers (``report_periods.tsv``), longest first."""
    return tuple(sorted((r[0] for r in table("report_periods.tsv", 2)), key=len, reverse=True))


TableWordRole = Literal["sub_label", "skip_header", "change_header", "basis", "per_share", "turnover", "ratio",
                        "rate_end", "rate", "counted_by", "share_column", "share_total", "not_applicable", "point_up",
                        "point_down", "point_unit", "year_part", "issuer_form", "report_part", "report_word",
                        "period_ended", "period_until", "whole_year", "era", "per_share_part"]


@cache
def table_words(role: TableWordRole) -> tuple[str, ...]:
    """The words of table headers, row labels and cells with ``role``
    (``table_words.tsv``), in table order.

    >>> table_words("point_unit")
    ('个百分点', '百分点', 'pct', 'pp')
    """
    return tuple(r.word for r in _table_words() if r.role == role)


@lru_cache(maxsize=1)
def _table_words() -> tuple[WordRole, ...]:
    rows = table("table_words.tsv", 3)
    roles = get_args(TableWordRole)
    for r in rows:
        if r[1] not in roles:
            raise _error(r, f"unknown role {r[1]!r}")
    return _roles("table_words.tsv", 3)


# -- the metric reader's tables

@lru_cache(maxsize=1)
def metric_grammar() -> tuple[WordRole, ...]:
    """The grammar words of the metric reader by set (``metric_grammar.tsv``):
    ``role`` is the set, ``value`` its own value for the word (a tag)."""
    return _roles("metric_grammar.tsv", 4, valued=True)


@lru_cache(maxsize=1)
def period_units() -> tuple[WordRole, ...]:
    """The units and marks of a figure's period by role (``period_units.tsv``):
    duration (``value`` its ISO designator and count: M3), quarter, half,
    fiscal, point_end, past."""
    return _roles("period_units.tsv", 4, valued=True)


@lru_cache(maxsize=1)
def subject_frames() -> tuple[WordRole, ...]:
    """The words of the frames that decide a figure's subject, by role
    (``subject_frames.tsv``): deal, price, hold, stake, restate."""
    return _roles("subject_frames.tsv")


@lru_cache(maxsize=1)
def anaphora() -> tuple[WordRole, ...]:
    """Words that stand for an entity named elsewhere, by the kind they
    stand for (``anaphora.tsv``): speaker, self, company, bank, place,
    region, any, topic, not."""
    return _roles("anaphora.tsv")


def _words(name: str) -> tuple[str, ...]:
    return tuple(r[0] for r in table(name, 1))


@lru_cache(maxsize=1)
def places() -> tuple[str, ...]:
    """Countries, regions, provinces and cities (``places.tsv``)."""
    return _words("places.tsv")


@lru_cache(maxsize=1)
def venues() -> tuple[str, ...]:
    """Exchanges and agencies that report figures (``venues.tsv``)."""
    return _words("venues.tsv")


@lru_cache(maxsize=1)
def not_names() -> tuple[str, ...]:
    """Latin words for measures and things, not names (``not_names.tsv``)."""
    return _words("not_names.tsv")


@lru_cache(maxsize=1)
def name_forms() -> tuple[str, ...]:
    """Words that make a name of the words before them (``name_forms.tsv``)."""
    return _words("name_forms.tsv")


@lru_cache(maxsize=1)
def name_descriptors() -> tuple[str, ...]:
    """Words that describe an organisation before its name (``name_descriptors.tsv``)."""
    return _words("name_descriptors.tsv")


@lru_cache(maxsize=1)
def place_forms() -> tuple[str, ...]:
    """The administrative words that end a place's name (``place_forms.tsv``)."""
    return _words("place_forms.tsv")


@lru_cache(maxsize=1)
def legal_forms() -> tuple[str, ...]:
    """The legal forms that end a company's registered name (``legal_forms.tsv``)."""
    return tuple(r[0] for r in table("legal_forms.tsv", 2))


@lru_cache(maxsize=1)
def registered_forms() -> tuple[str, ...]:
    """The legal forms that only a registered name carries (有限公司, Ltd.),
    not 集团 or 控股 (``legal_forms.tsv``, column ``registered``)."""
    return tuple(r[0] for r in table("legal_forms.tsv", 2) if r[1] == "registered")


@attrs.frozen
class EntityKey:
    """A well-known entity (``entity_keys.tsv``): its name, other names, and
    an exchange code where it is listed."""

    name: str
    aliases: tuple[str, ...]
    code: Optional[str]


@lru_cache(maxsize=1)
def entity_keys() -> tuple[EntityKey, ...]:
    found = []
    for row in table("entity_keys.tsv", 3):
        aliases = tuple(a for a in row[1].split("|") if a)
        if any(not a.strip() for a in aliases):
            raise _error(row, "an empty alias")
        found.append(EntityKey(row[0], aliases, row[2] or None))
    return tuple(found)


NumeralRole = Literal["digit", "counting_digit", "financial", "small_unit", "tens", "big_unit", "ascii_magnitude",
                      "point", "negative", "vague_digit", "several_before", "thousands_of", "write_digit",
                      "write_digit_financial", "write_place", "write_place_financial", "write_group",
                      "write_group_traditional", "write_negative", "write_negative_traditional", "write_point",
                      "write_point_traditional", "generated_magnitude"]
_VALUED: frozenset[str] = frozenset({"digit", "counting_digit", "small_unit", "tens", "big_unit", "ascii_magnitude",
                                     "write_digit", "write_digit_financial", "write_place", "write_place_financial",
                                     "write_group", "write_group_traditional", "generated_magnitude"})


@attrs.frozen
class NumeralChar:
    """A character (or measure word) of the numeral alphabet and its role
    (``numerals.tsv``): a digit and its value, a place unit and its worth, a
    magnitude and its power of ten…"""

    word: str
    role: NumeralRole
    value: int = 0


@lru_cache(maxsize=1)
def numeral_alphabet() -> tuple[NumeralChar, ...]:
    """The rows of ``numerals.tsv``, in table order.

    >>> [c.value for c in numeral_alphabet() if c.word == "亿" and c.role == "big_unit"]
    [8]
    """
    found = []
    for row in table("numerals.tsv", 4):
        role = next((r for r in get_args(NumeralRole) if r == row[1]), None)
        if role is None:
            raise _error(row, f"{row[1]!r} is no role of the numeral alphabet")
        if (role in _VALUED) != row[2].isdigit():
            raise _error(row, f"a {role} {'needs' if role in _VALUED else 'takes no'} whole value")
        found.append(NumeralChar(row[0], role, int(row[2]) if row[2] else 0))
    return tuple(found)

