"""The entities a document names, sentence by sentence: what its figures can be about.

A figure whose clause names nobody is about someone the discourse has named:
the topic of its paragraph (the name that opens an earlier sentence), the
entity an anaphor stands for (该公司, 该行, 其), the speaker's organisation
(我们), or the document's main entity (named in its headline and first
sentence, or most often). This module finds those names:

- names that open a clause (:func:`names.name_at`);
- names the library or the caller knows (``orgs.tsv``, ``entity_keys.tsv``,
  ``places.tsv``, the caller's :class:`cnreport.Entities`);
- names by their form: a company word at the end (…股份有限公司, …集团,
  …银行), a stock name with its code (贵州茅台(600519)), Latin names
  (Sainsbury's, Sara Lee);
- short names the text declares (``…有限公司（以下简称“某某”）``).

Sentences are read when a figure asks for them and remembered, so a text is
read once, in bounded windows: the cost is linear in the text.
"""
from __future__ import annotations

import bisect
from functools import lru_cache
from typing import Literal, Optional

import attrs

from ..entities import Entities, builtin, canonical_form, common_name
from ..lexicon import loaders
from ..model import Section
from ..normalize import fold
from . import vocab
from .document import Document
from .forms import STOCK_CODE, declared_names, form_names, known_pattern
from .names import _past_opening_time, name_at
from .speaking import analyst_source, title_pattern

__all__ = ["Discourse", "NameKind", "Named"]

NameKind = Literal["company", "bank", "place", "person", "other"]

_COMMON_TAGS = frozenset({"n", "v", "vn"})
_EVENT_REACH = 6  # how far after a name the word of an event may end (亚洲 + 金融风暴)
# The longest run of places a registered name opens with (台南县新化镇).
_PLACE_PREFIX = 9
_NAMING_REACH = 4  # the longest naming or comparing word (改名为, 仅次于)
# How far back the discourse is searched for a topic or an antecedent.
_TOPIC_SENTENCES = 12
_TOPIC_LEAD = 12  # characters of a paragraph's lead that names its topic (库存方面，)
_TOPIC_REACH = 3000
# The head of a document, where its main entity is named: the headline and
# first sentences.
_HEAD_SENTENCES = 4
_HEAD_REACH = 400
# Where the main entity is counted.
_COUNT_REACH = 50_000
_BYLINE_REACH = 80  # how far a byline runs on after the date on its line
_OPENS_FIRST = 6  # the points of a name that opens the first sentence, and a later one of the head
_OPENS_HEAD = 3
_MAIN_LEAST = 3
_COUNT_POINT = 0.5
_PLACE_LEAST = 2
_FURNITURE = frozenset({"byline", "boilerplate"})  # a name named once in passing is no document's main entity
_INTRODUCTION_REACH = 600  # how far before a turn its speaker may have been introduced
_INTRODUCTION_GAP = 8  # the longest text between the organisation and the name (的, a title)
# The kinds of name an anaphor may stand for, in order of preference: 该行
# for a bank, else a company (a name of no known kind may be one).
_ANTECEDENTS: dict[str, tuple[frozenset[str], ...]] = {
    "company": (frozenset({"company", "bank", "other"}),),
    "bank": (frozenset({"bank"}), frozenset({"company", "other"})),
    "place": (frozenset({"place"}),),
    "any": (frozenset({"company", "bank", "place", "other"}),),
    "topic": (frozenset({"company", "bank", "other"}),),
}


@attrs.frozen
class Named:
    """A name in the text: its span, as written, its kind, and whether it
    opens a clause (the subject of what follows) or stands elsewhere."""

    start: int
    end: int
    text: str
    kind: NameKind
    opens: bool


class _Tally:
    """The points of each name towards being the document's main entity."""

    def __init__(self) -> None:
        self.score: dict[str, float] = {}
        self.first: dict[str, Named] = {}  # each key's first mention
        self.places: dict[str, float] = {}  # places named in passing, by how often
        self.opened_places: set[str] = set()
        self.counted: set[int] = set()  # the head's names, counted once

    def add(self, key: str, n: Named, points: float) -> None:
        self.first.setdefault(key, n)
        self.score[key] = self.score.get(key, 0) + points

    def in_passing(self, key: str, n: Named) -> None:
        self.places[key] = self.places.get(key, 0) + 1
        self.first.setdefault(key, n)


class Discourse:
    """The names of one document, read sentence by sentence on demand."""

    def __init__(self, doc: Document, sections: tuple[Section, ...] | list[Section],
                 entities: Optional[Entities] = None) -> None:
        self.doc = doc
        self.sections = sections
        self.section_starts = [s.start for s in sections]
        self.entities = entities
        self._sentence_names: dict[int, list[Named]] = {}
        self._spoken: dict[int, dict[int, str]] = {}
        self._introduced: dict[int, Optional[str]] = {}
        # the people who speak: their names are no entity's
        self.speakers = frozenset(s.speaker.name for s in sections if s.speaker is not None)
        self._main: Optional[list[Named]] = None
        self._region: Optional[list[Named]] = None
        self.declared, self.declared_owners = declared_names(doc)
        self._known = known_pattern(entities, tuple(sorted(self.declared)))
        if self.declared or entities is not None:
            doc.know(set(self.declared) | (entities.names() if entities is not None else set()))

    # -- names in one sentence

    def names_in(self, s_start: int) -> list[Named]:
        """The names of the sentence at ``s_start``, in order, none inside another."""
        found = self._sentence_names.get(s_start)
        if found is None:
            found = self._sentence_names[s_start] = self._read_sentence(s_start)
        return found

    def _read_sentence(self, s_start: int) -> list[Named]:
        doc = self.doc
        s_end = doc.sentence(s_start)[1]
        spans: dict[tuple[int, int], bool] = {}
        starts = doc.clause_starts(s_start)
        org = self.speaker_org(s_start)
        openings = set()
        for j, c in enumerate(starts):
            end = starts[j + 1] - 1 if j + 1 < len(starts) else s_end
            opening = _past_opening_time(doc, c, end)
            if opening is not None:
                openings.add(opening)
            name = name_at(doc, c, end, org)
            if name is not None and not doc.folded.startswith(vocab.grammar().words("we"), name[0]):
                spans[(name[0], name[1])] = True
            elif name is not None:
                # 我们的…: the speaker's organisation opens it (kept by sentence, read once)
                self._spoken.setdefault(s_start, {})[name[0]] = name[2]
        for m in self._known.finditer(doc.folded, s_start, s_end, overlapped=True):
            if not _names_event(doc.folded, m.end(), s_end):
                spans.setdefault((m.start(), m.end()), m.start() in openings)
        for a, b in form_names(doc, s_start, s_end):
            spans.setdefault((a, b), a in openings)
        found = [n for n in _outermost(doc, spans, self.declared) if n.text not in self.speakers]
        spoken = [Named(a, a + 2, text, "company", True) for a, text in self._spoken.pop(s_start, {}).items()]
        return sorted(found + spoken, key=lambda n: n.start) if spoken else found

    def speaker_org(self, pos: int) -> Optional[str]:
        """The organisation of the speaker of the section at ``pos`` as the
        speaker's line says it (names are read with it: 我们 opens a name)."""
        j = bisect.bisect_right(self.section_starts, pos) - 1
        speaker = self.sections[j].speaker if j >= 0 else None
        return speaker.org if speaker is not None else None

    def org_of(self, section: Optional[Section]) -> Optional[str]:
        """The organisation of a section's speaker: as the speaker's line
        says, else as the text before introduced them (下面请来自青禾合作社的
        李强理事长分享: 李强's later turn speaks for 青禾合作社)."""
        speaker = section.speaker if section is not None else None
        if speaker is None or section is None:
            return None
        if speaker.org is not None:
            return speaker.org
        if section.start not in self._introduced:
            self._introduced[section.start] = self._introduced_org(speaker.name, section.start)
        return self._introduced[section.start]

    def _introduced_org(self, name: str, start: int) -> Optional[str]:
        """The organisation named just before the last mention of ``name``
        ahead of ``start`` (某某合作社的李强, 某某公司董事长李强)."""
        f = self.doc.folded
        name = fold(name)
        k = f.rfind(name, max(0, start - _INTRODUCTION_REACH), start) if len(name) > 1 else -1
        if k < 0:
            return None
        s_start = self.doc.sentence(k)[0]
        found = [n for n in self.names_in(s_start) if n.end <= k and n.kind in ("company", "bank", "other")
                 and _only_titles(f[n.end:k])]
        return found[-1].text if found else None

    # -- the discourse around a figure

    def question_before(self, section: Section) -> Optional[Section]:
        """The question that an answer's section answers: the section just
        before it, when that is a question."""
        j = bisect.bisect_right(self.section_starts, section.start) - 2
        return self.sections[j] if j >= 0 and self.sections[j].kind == "question" else None

    def section_start(self, pos: int) -> int:
        j = bisect.bisect_right(self.section_starts, pos) - 1
        return self.sections[j].start if j >= 0 else 0

    def before(self, pos: int, paragraph: bool = False) -> list[Named]:
        """The names before ``pos`` in its section (or paragraph), nearest
        first, within reach."""
        doc = self.doc
        floor = max(self.section_start(pos), pos - _TOPIC_REACH)
        if paragraph:
            floor = max(floor, doc.folded.rfind("\n", 0, pos) + 1)
        found: list[Named] = []
        i = bisect.bisect_right(doc.sentence_starts, pos) - 1
        for _ in range(_TOPIC_SENTENCES):
            if i < 0 or doc.sentences[i][1] <= floor:
                break
            a = doc.sentences[i][0]
            if not self.furniture(a) and not self.label_line(a):
                names = [n for n in self.names_in(a) if n.end <= pos and n.start >= floor]
                found.extend(reversed(names))
            i -= 1
        return found

    def label_line(self, pos: int) -> bool:
        """Whether ``pos`` stands on the line that labels a speaker's turn
        (刘思远：, 陈立峰 星云智联科技首席执行官)."""
        j = bisect.bisect_right(self.section_starts, pos) - 1
        if j < 0 or self.sections[j].speaker is None:
            return False
        start = self.sections[j].start
        nl = self.doc.folded.find("\n", start)
        return pos < (nl if nl >= 0 else len(self.doc.folded))

    def furniture(self, pos: int) -> bool:
        """Whether ``pos`` stands in a byline, a dateline or boilerplate,
        whose names (记者某某, 新华社北京…电, 来源：某报) no figure is about."""
        end = self.doc.dateline_end
        if end > 0 and pos < end + _BYLINE_REACH:
            # the dateline's line, and the byline after the date on it
            # (2024-11-20 16:05 某某日报／记者某某／台中报导)
            f = self.doc.folded
            line_end = f.find("\n", end)
            if f.rfind("\n", 0, end) < pos and (line_end < 0 or pos < line_end):
                return True
        j = bisect.bisect_right(self.section_starts, pos) - 1
        return j >= 0 and self.sections[j].kind in _FURNITURE

    def topic(self, pos: int, paragraph: bool = False) -> Optional[Named]:
        """The name that opens the nearest earlier sentence or clause of the
        paragraph (or section) that opens with one: the topic the figure
        goes on about. Beyond the paragraph, only a name known to be an
        organisation's (by the tables, the caller, its form or a declaration)
        is a topic, and a place only in a text about a place."""
        main = self.main() if not paragraph else None
        if not paragraph and self._new_topic(pos):
            return None  # 库存方面，…: the paragraph names its own topic, the earlier ones' end
        for n in self.before(pos, paragraph):
            if not n.opens or n.kind == "person":
                continue
            if not paragraph and n.kind == "place" and self._listed(n):
                continue  # 上海…；天津报3,460元/吨: an item of a list of places, no topic beyond it
            if paragraph or (self.strong(n) and not (n.kind == "place" and main is not None
                                                     and main.kind != "place")):
                return n
        return None

    def _new_topic(self, pos: int) -> bool:
        """Whether the paragraph of ``pos`` opens with a topic of its own
        that is no name (库存方面，…, 分区域看，…)."""
        f = self.doc.folded
        para = f.rfind("\n", 0, pos) + 1
        stop = next((k for k in range(para, min(pos, para + _TOPIC_LEAD)) if f[k] in "，,：:"), None)
        return stop is not None and f.endswith(vocab.topic_ends(), para, stop)

    def _listed(self, n: Named) -> bool:
        """Whether ``n`` opens an item of a list, after a semicolon."""
        f = self.doc.folded
        k = n.start
        while k > 0 and f[k - 1] in " \u3000":
            k -= 1
        return k > 0 and f[k - 1] in "；;"

    def strong(self, n: Named) -> bool:
        """Whether a name is surely an organisation's or a place's, not a
        product or a kind of business read as a name (普惠小微)."""
        return n.kind != "other" or n.text.isascii() or fold(n.text) in self.declared \
            or self.key(n.text, self.entities) != canonical_form(n.text) \
            or doc_count(self.doc, n) > 1

    def antecedent(self, pos: int, kind: str) -> Optional[Named]:
        """The last name before ``pos`` that an anaphor of ``kind`` (company,
        bank, place, any) can stand for."""
        g = vocab.grammar()
        aside = g.words("naming_verb") + g.words("compared_to")
        # (初名为蓝湾建设银行, 仅次于晨岭银行: an earlier name of the one the
        # text is about, or what it is compared with, not another it goes on about)
        every = [n for n in self.before(pos) if n.kind != "person"
                 and not self.doc.folded.endswith(aside, max(0, n.start - _NAMING_REACH), n.start)]
        # a name surely an organisation's first, then any (a name no table knows)
        for names in ([n for n in every if self.strong(n)], every):
            if kind in ("any", "topic"):  # 其, 它, 公司: the topic, the name the sentence before opened with
                names = [n for n in names if n.opens] + ([n for n in names if not n.opens] if kind == "any" else [])
            for accepted in _ANTECEDENTS.get(kind, ()):
                found = next((n for n in names if kind == "any" or n.kind in accepted), None)
                if found is not None:
                    return found
        return None

    def main(self) -> Optional[Named]:
        """The document's main entity: named in its headline and first
        sentences, and most often."""
        if self._main is None:
            self._main = [found] if (found := self._read_main()) is not None else []
        return self._main[0] if self._main else None

    def _read_main(self) -> Optional[Named]:
        doc = self.doc
        t = _Tally()
        self._tally_head(t)
        reach = min(len(doc.folded), _COUNT_REACH)
        for key, n in list(t.first.items()):
            if n.kind != "place" and key in t.score:
                # how often the text names it (less the head mention counted above)
                t.score[key] += max(0, doc.folded.count(doc.folded[n.start:n.end], 0, reach) - 1) * _COUNT_POINT
        for m in self._known.finditer(doc.folded, 0, reach):
            if m.start() in t.counted or self.furniture(m.start()):
                continue
            n = Named(m.start(), m.end(), doc.text[m.start():m.end()], _kind(doc, m.start(), m.end()), False)
            key = self.key_of(n.text)
            # a place counts where the text opens with it (macro text), not in passing
            if n.kind != "place":
                t.add(key, n, _COUNT_POINT)
            elif key in t.opened_places:
                t.add(key, n, 1)
            else:
                t.in_passing(key, n)
        score = {k: v for k, v in t.score.items() if not _venue(k)}  # 在深交所上市, 海关总署公布: where, not whom
        least = _MAIN_LEAST
        if not score or max(score.values()) < _MAIN_LEAST:
            # the text names only where its figures come from (经济部公布…):
            # they are about the place it names most
            score, least = t.places, _PLACE_LEAST
        if not score:
            return None
        best = max(score, key=lambda k: (score[k], -t.first[k].start))
        if t.first[best].kind == "place" and score[best] <= sum(
                v for k, v in score.items() if k != best and t.first[k].kind == "place"):
            return None  # 上海…；杭州…；广州…: a report over many places is about none of them
        return t.first[best] if score[best] >= least else None

    def _tally_head(self, t: _Tally) -> None:
        """The points of the names of the headline and first sentences."""
        for i, (a, _) in enumerate(self.doc.sentences[:_HEAD_SENTENCES]):
            if a > _HEAD_REACH:
                break
            if self.furniture(a) or self.label_line(a):
                continue
            seen: set[str] = set()
            for n in self.names_in(a):
                key = self.key_of(n.text)
                if n.opens or n.kind != "place":
                    t.counted.add(n.start)
                if n.kind == "person" or key in seen:
                    continue
                # the name that opens the headline or the first sentence is
                # what the text is about (a later clause's, 恒昌集团年会：内地…,
                # goes on about a part of it); a place named in passing is not
                points = (_OPENS_FIRST if i == 0 and not seen else _OPENS_HEAD) if n.opens else 1
                seen.add(key)
                if n.kind == "place" and not n.opens:
                    t.in_passing(key, n)
                # (a name known only as two unknown characters in a row is a weak one)
                t.add(key, n, points if n.kind != "other" or n.text.isascii() else points / 2)
                if n.opens and n.kind == "place":
                    t.opened_places.add(key)

    def head_region(self) -> Optional[Named]:
        """The region word (我省, 全市, 本港) of the headline or first
        sentences, in a text that names no entity of its own: a statistics
        office's release says whose figures they are only so."""
        if self._region is None:
            self._region = [found] if (found := self._read_region()) is not None else []
        return self._region[0] if self._region else None

    def _read_region(self) -> Optional[Named]:
        regions = _region_words()
        for a, b in self.doc.sentences[:_HEAD_SENTENCES]:
            if a > _HEAD_REACH:
                break
            if self.furniture(a) or self.label_line(a):
                continue
            for k in range(a, b - 1):
                word = self.doc.folded[k:k + 2]
                if word in regions:
                    return self._place_ending(word[-1]) or Named(k, k + 2, self.doc.text[k:k + 2], "place", False)
        return None

    def _place_ending(self, admin: str) -> Optional[Named]:
        """The one place the text names with the administrative word of a
        region word (我省 → 安徽省, where the text names that province
        alone, as its statistics office's name does: 安徽省统计局)."""
        if admin not in vocab.grammar().set("admin_end"):
            return None
        f = self.doc.folded
        found: dict[str, Named] = {}
        k = f.find(admin)
        while k >= 0 and len(found) < 2:
            for n in (3, 2):
                place = f[k - n:k] if k >= n else ""
                if place and (place in vocab.places() or self.doc.tags.get(place) == "ns"):
                    found.setdefault(place, Named(k - n, k + 1, self.doc.text[k - n:k + 1], "place", False))
                    break
            k = f.find(admin, k + 1)
        return next(iter(found.values())) if len(found) == 1 else None

    def key_of(self, name: str) -> str:
        """The form that joins a name's long and short forms in this text
        (东岳货柜码头有限公司, 东岳货柜码头, and 东岳货柜 where the text
        declares it the short name)."""
        long = self.declared.get(fold(name))
        return canonical_form(long if long is not None else name)

    def short_name(self, name: str) -> str:
        """The short name the text declares for ``name`` (华晟食品 for
        华晟食品控股有限公司（以下简称“华晟食品”）), or ``name``."""
        folded = fold(name)
        return next((self.doc.text[k:k + len(short)] for short, long in self.declared.items()
                     if fold(long) == folded and (k := self.doc.folded.find(short)) >= 0), name)

    def called(self, name: str) -> str:
        """What a text calls an organisation it named in full elsewhere:
        its declared short name, else the name without its legal form and
        the places it is registered in (台南县新化镇 + 东荣社区合作社,
        深圳市 + 某某科技; 重庆农村商业银行 keeps its place, which has no
        administrative word)."""
        short = self.short_name(name)
        return short if short != name else self._unregistered(name)

    def _unregistered(self, name: str) -> str:
        name = common_name(name)
        f = fold(name)
        admin = vocab.grammar().set("admin_end")
        forms = vocab.name_forms() + vocab.entity_words("ending")
        cut = 0
        for k in range(2, min(len(f), _PLACE_PREFIX)):
            # (an administrative character that ends a common word is no
            # place's: 东荣社区 + 合作社)
            if f[k] in admin and self.doc.tags.get(f[k - 1:k + 1]) not in _COMMON_TAGS \
                    and len(f) - k - 1 >= 4 and f.endswith(forms):
                cut = k + 1
        return name[cut:]

    def key(self, name: str, entities: Optional[Entities]) -> Optional[str]:
        """The entity key of a name: the caller's or the library's key of the
        name or of the long name it is declared short for, else the
        canonical form of the long name."""
        long = self.declared.get(fold(name))
        for candidate in (name, long) if long is not None else (name,):
            if entities is not None and entities.key(candidate) is not None:
                return entities.key(candidate)
            if builtin().key(candidate) is not None:
                return builtin().key(candidate)
        # (the same key for a company's registered name and what the text calls it)
        return canonical_form(self._unregistered(long if long is not None else name))


def doc_count(doc: Document, n: Named) -> int:
    """How often the text names ``n`` (in its head, where it is counted)."""
    return doc.folded.count(doc.folded[n.start:n.end], 0, min(len(doc.folded), _COUNT_REACH))


def _outermost(doc: Document, spans: dict[tuple[int, int], bool], declared: dict[str, str]) -> list[Named]:
    """The names of ``spans`` that no other contains, in order; not a word
    that names nobody (公司, 集团, 钢铁), nor a name in brackets right after
    another, which is the same entity's other name (恒岳保险（Hengyue
    Insurance）)."""
    ordered = sorted(spans, key=lambda s: (s[0], -s[1]))
    found: list[Named] = []
    reach = -1
    f = doc.folded
    for a, b in ordered:
        if b <= reach:
            continue  # inside the one before
        word = f[a:b]
        if word in doc.lex.endings or word in doc.lex.owners or word in vocab.anaphor_words() \
                or word.lower() in vocab.not_names() or word.lower() in doc.aliases \
                or _venue(word) or analyst_source(doc, a, b):
            continue
        if found and f[a - 1:a] in "（(" and _appositive(f[found[-1].end:a - 1]):
            continue  # (英文缩写：MTL)
        reach = b
        found.append(Named(a, b, doc.text[a:b], _kind(doc, a, b), spans[(a, b)]))
    return found


def _names_event(f: str, end: int, limit: int) -> bool:
    """Whether the name ending at ``end`` opens an event's name (亚洲 +
    金融风暴, 中美 + 贸易战): it says which event, not whom a figure is about."""
    after = f[end:min(limit, end + _EVENT_REACH)]
    return any(k >= 0 and (k == 0 or after[:k].isalpha())
               for k in (after.find(w) for w in vocab.grammar().words("event_end")))


def _appositive(between: str) -> bool:
    """Whether only an appositive word stands between two names (（英文缩写：MTL）)."""
    return between.strip(" ，,：:" + "".join(vocab.grammar().words("appositive"))) == ""


def _only_titles(between: str) -> bool:
    """Whether only 的 and job titles stand between an organisation and a
    person's name (某某合作社的, 某某公司董事长)."""
    rest = between.strip()
    if len(rest) > _INTRODUCTION_GAP:
        return False
    rest = rest.removeprefix("的")
    return rest == "" or rest in vocab.titles()


def _venue(key: str) -> bool:
    return key in vocab.venues() or key.endswith(tuple(vocab.venues()))


def _kind(doc: Document, a: int, b: int) -> NameKind:
    f = doc.folded[a:b]
    if STOCK_CODE.match(doc.folded, b):
        return "company"  # 古越酿造(603982): a listed company
    g = vocab.grammar()
    if f.startswith(tuple(g.words("reporter"))) or title_pattern().search(f, 0, len(f) - 1):
        return "person"  # 财务长吴佩珊, 记者某某: a person with a title
    if f in vocab.places() or doc.tags.get(f) == "ns" or (f[-1:] in g.set("place_ending") and len(f) > 2):
        return "place"
    if f.endswith(g.words("bank_ending")) \
            or (f.endswith(g.words("bank_short_ending")) and len(f) > 3 and doc.tags.get(f[-2:]) != "v"):
        return "bank"
    if doc.tags.get(f) in ("nr", "nrfg", "nrt"):
        return "person"
    if f in vocab.org_set() or f.endswith(vocab.entity_words("ending")):
        return "company"
    return "other"


@lru_cache(maxsize=1)
def _region_words() -> frozenset[str]:
    """The two-character region anaphors of ``anaphora.tsv`` (全省, 我市)."""
    return frozenset(r.word for r in loaders.anaphora() if r.role == "region" and len(r.word) == 2)

