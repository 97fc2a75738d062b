"""Whom a figure is about: its clause first, then the discourse around it.

In order: a name in the figure's clause or its subject (``clause``,
``front``, ``respective``); an anaphor that opens the clause, resolved to
the entity it stands for (我们 → the speaker's organisation, ``speaker``;
本公司 → the writer's, ``self``; 该公司, 该行, 其 → the last company, bank
or entity named, ``anaphora``); a name in an earlier clause of the sentence
(``sentence``, ``named``); a name after the figure in its clause
(``object``: 450万个应用接入了企业微信); the topic of the paragraph
(``topic``); the speaker's organisation (``speaker``); the topic of the
section (``section``); the document's main entity (``document``).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

import attrs

from ..entities import Entities, entity_key
from ..lexicon import loaders
from ..model import NumberMention, Section
from ..normalize import fold
from . import vocab
from .discourse import Discourse, Named
from .document import Document
from .names import _past_opening_time
from .subject import Reading, Span

__all__ = ["EntityReading", "anaphor_in", "read_entity"]

_ANAPHOR_CLAUSES = 3
_OPENING_QUOTES = frozenset("「“『《\"")
_CLOSING_QUOTES = frozenset("」”』》\"")
_OBJECT_REACH = 12
_CLAUSE_RULES = frozenset({"clause", "front", "respective", "bracket", "alone", "holder", "restated", "line"})
_WRITTEN_RULES = _CLAUSE_RULES | {"sentence", "named", "object"}
_AROUND_RULES = frozenset({"sentence", "named", "topic", "section", "document"})


@attrs.frozen
class EntityReading:
    """The entity of a figure as written, its key, the rule that found it
    and the span it was read from."""

    entity: Optional[str] = None
    key: Optional[str] = None
    rule: Optional[str] = None
    span: Optional[Span] = None


def read_entity(doc: Document, disc: Discourse, m: NumberMention, s_start: int, reading: Reading,
                section: Optional[Section], entities: Optional[Entities]) -> EntityReading:
    """The entity of figure ``m``, given what its sentence says (``reading``)."""
    found = _entity(doc, disc, m, s_start, reading, section)
    if found is None:
        return EntityReading()
    text, rule, span = found
    if text is None:
        return EntityReading(None, None, rule, span)
    if len(text) > 2 and text[0] in _OPENING_QUOTES and text[-1] in _CLOSING_QUOTES:
        text = text[1:-1]  # 「彩居」门店: the brand, without its quotes
        span = (span[0] + 1, span[1] - 1) if span is not None else None
    if any(w == fold(text) for w, _ in _anaphora().get(fold(text)[:1], ())):
        return EntityReading(text, None, rule, span)  # 全省 unnamed: no key joins it with another text's
    # a name written at the figure stays as written; one the discourse
    # supplies is the name the text calls it by (its declared short name,
    # or the name without its legal form: 公司 → 恒岳新能源, not 恒岳新能源控股有限公司)
    written = rule in _WRITTEN_RULES and span is not None and doc.text[span[0]:span[1]] == text
    text = disc.short_name(text) if written else disc.called(text)  # (我们 is written, its organisation not)
    return EntityReading(text, disc.key(text, entities), rule, span)


def _entity(doc: Document, disc: Discourse, m: NumberMention, s_start: int, reading: Reading,
            section: Optional[Section]) -> Optional[tuple[Optional[str], str, Optional[Span]]]:
    found = _entity_read(doc, disc, m, s_start, reading, section)
    if found is not None and found[1] in _AROUND_RULES and found[0] is not None \
            and fold(found[0]).endswith(vocab.entity_words("publisher")):
        # an industry body the text named around a figure publishes it: its
        # own figures name it in their clause (某某协会会费收入…)
        return None
    return found


def _entity_read(doc: Document, disc: Discourse, m: NumberMention, s_start: int, reading: Reading,
                 section: Optional[Section]) -> Optional[tuple[Optional[str], str, Optional[Span]]]:
    anaphor = anaphor_in(doc, m, s_start)
    named = reading.entity_span
    if reading.entity is not None and reading.entity_rule in _CLAUSE_RULES and named is not None \
            and (anaphor is None or anaphor[0] <= named[0]):
        return reading.entity, reading.entity_rule, named
    if reading.entity is not None and reading.entity_rule == "sentence" and named is not None \
            and anaphor is not None and anaphor[1] <= named[0]:
        # 我们旗下的晨峰超市去年净增门店86家，门店总数达到1,042家: the name
        # after the anaphor in the sentence is nearer
        return reading.entity, reading.entity_rule, named
    if anaphor is not None:
        # (an anaphor that stands for nobody the text named leaves the figure's
        # owner unsaid, but 全省, 我市: the region is said, if not by name)
        alone = doc.text[anaphor[0]:anaphor[1]] if anaphor[2] == "region" else None
        return _resolve(disc, anaphor, section) or (alone, "anaphora", (anaphor[0], anaphor[1]))
    if reading.entity is not None and reading.entity_rule is not None:
        return reading.entity, reading.entity_rule, named
    if reading.market:
        return None, "market", reading.subject_span  # 全网在线视频用户: the whole market's
    after = _object(doc, disc, m, s_start)
    if after is not None:
        return after.text, "object", (after.start, after.end)
    return _from_discourse(disc, m.start, section)


def _from_discourse(disc: Discourse, pos: int, section: Optional[Section]
                    ) -> Optional[tuple[str, str, Optional[Span]]]:
    """The topic of the paragraph, the speaker's organisation, the topic of
    the section, the document's main entity: the first that is known."""
    topic = disc.topic(pos, paragraph=True)
    if topic is not None:
        return topic.text, "topic", (topic.start, topic.end)
    org = disc.org_of(section)
    if org is not None:
        return org, "speaker", None
    topic = disc.topic(pos, paragraph=False)
    if topic is not None:
        return topic.text, "section", (topic.start, topic.end)
    main = disc.main() or disc.head_region()
    if main is not None:
        return main.text, "document", (main.start, main.end)
    return None


def _resolve(disc: Discourse, anaphor: tuple[int, int, str], section: Optional[Section]
             ) -> Optional[tuple[str, str, Optional[Span]]]:
    """The entity an anaphor stands for."""
    start, end, kind = anaphor
    declared = disc.declared_owners.get(disc.doc.folded[start:end])
    if declared is not None:
        return declared, "declared", (start, end)  # 本集团, declared for the company the text is about
    org = disc.org_of(section)
    if kind in ("speaker", "self"):
        if org is not None:
            return org, "speaker", (start, end)
        main = disc.main()
        if main is not None and main.kind == "place":
            main = None  # (本公司, 我们: no place)
        if kind == "self" and main is not None:
            return main.text, "self", (main.start, main.end)
        found: Optional[Named] = disc.topic(start, paragraph=False) or main
        return (found.text, "self", (found.start, found.end)) if found is not None else None
    main = disc.main()
    group = _group_named(disc, start, end, main)
    if group is not None:
        return group.text, "anaphora", (group.start, group.end)  # 集团 after 晨溪财险: the group, not a member
    if kind == "region" and main is not None and main.kind == "place" and _same_level(disc, start, end, main):
        return main.text, "document", (main.start, main.end)  # 全省, 我市: the place the text is about
    named = disc.antecedent(start, "place" if kind == "region" else kind)
    if kind == "region" and named is not None and not _same_level(disc, start, end, named):
        named = None  # (全省 after 苏州市: the province, not the city)
    if named is not None and named.kind == "other" and kind in ("company", "bank", "topic") and main is not None \
            and main.kind in ("company", "bank") and (kind != "bank" or main.kind == "bank"):
        named = main  # 集團 after 碳酸鋰 was named: the company the text is about, not a product
    if named is not None:
        return named.text, "anaphora", (named.start, named.end)
    if kind == "place":
        main = disc.main()  # 全省, 全市: the place the text is about
        return (main.text, "document", (main.start, main.end)) if main is not None and main.kind == "place" else None
    if kind in ("company", "bank", "any", "topic"):
        if org is not None:
            return org, "speaker", (start, end)
        main = disc.main()
        # (该公司 is no place: 东南亚 named in passing is no company's name)
        if main is not None and main.kind != "place" and (kind != "bank" or main.kind == "bank"):
            return main.text, "document", (main.start, main.end)
    return None


def _same_level(disc: Discourse, start: int, end: int, place: Named) -> bool:
    """Whether a region word (全省, 我市) can stand for ``place``: the place
    has its administrative word, or none (重庆, 印尼), but not another's
    (全省 is no 苏州市)."""
    f = disc.doc.folded
    admin = f[end - 1]
    last = fold(place.text)[-1:]
    endings = vocab.grammar().set("place_ending")
    return admin not in endings or last == admin or last not in endings


def _group_named(disc: Discourse, start: int, end: int, main: Optional[Named]) -> Optional[Named]:
    """For 集团 and 该集团, the group the text named last, or its main entity
    where that is a group: a member company named since is not the group."""
    ends = vocab.entity_words("group")
    if not disc.doc.folded.endswith(ends, start, end):
        return None
    named = next((n for n in disc.before(start) if fold(n.text).endswith(ends)), None)
    return named or (main if main is not None and fold(main.text).endswith(ends) else None)


def anaphor_in(doc: Document, m: NumberMention, s_start: int) -> Optional[tuple[int, int, str]]:
    """The anaphor that opens the figure's clause or one of the clauses
    before it in the sentence, nearest first: (start, end, kind)."""
    starts = doc.clause_starts(s_start)
    c = doc.clause_at(m.start, s_start)
    j = starts.index(c)
    for k in range(j, max(-1, j - _ANAPHOR_CLAUSES), -1):
        at = _past_opening_time(doc, starts[k], m.start)
        if at is None:
            continue
        opening = vocab.grammar().set("opening_conjunction")
        while at < m.start and (doc.folded[at] in " \u3000" or doc.folded[at] in opening):
            at += 1
        found = _anaphor_at(doc.folded, at)
        if found is not None:
            word, kind = found
            return (at, at + len(word), kind) if kind != "not" else None
    return None


def _anaphor_at(f: str, k: int) -> Optional[tuple[str, str]]:
    return next(((w, kind) for w, kind in _anaphora().get(f[k:k + 1], ()) if f.startswith(w, k)), None)


def _object(doc: Document, disc: Discourse, m: NumberMention, s_start: int) -> Optional[Named]:
    """A name after the figure in its clause: 450万个应用接入了企业微信,
    每12个广东人中就有一个使用粤省事."""
    starts = doc.clause_starts(s_start)
    c = doc.clause_at(m.start, s_start)
    j = starts.index(c)
    end = starts[j + 1] if j + 1 < len(starts) else doc.sentence(s_start)[1]
    name = next((n for n in disc.names_in(s_start) if m.end <= n.start and n.end <= end), None)
    # the object of a verb after the figure, near it; not a place (在臺灣,
    # 居中国: where, not whom) nor a person
    if name is None or name.kind in ("place", "person") or name.start - m.end > _OBJECT_REACH:
        return None
    return name if doc.has_verb(m.end, name.start) else None


@lru_cache(maxsize=1)
def _anaphora() -> dict[str, tuple[tuple[str, str], ...]]:
    """The words of ``anaphora.tsv`` by first character, longest first."""
    rows = sorted(((r.word, r.role) for r in loaders.anaphora()), key=lambda r: len(r[0]), reverse=True)
    found: dict[str, list[tuple[str, str]]] = {}
    for w, kind in rows:
        found.setdefault(w[0], []).append((w, kind))
    return {c: tuple(ws) for c, ws in found.items()}


def key_of(name: Optional[str], entities: Optional[Entities]) -> Optional[str]:
    return entity_key(name, entities)
