"""What each figure measures: subject, category, entity, period and change.

``tag_metrics`` reads the figures that ``find_numbers`` found and the
sections that ``segment`` made, and ties each quantity (cardinal, money,
percent, fraction, multiple) to its context:

- ``subject``: the noun phrase it counts or measures. A figure followed by a
  noun counts that noun (``19家合作伙伴`` → 合作伙伴); otherwise the subject
  is the noun phrase before it, past the verbs and adverbs in between
  (``騰訊全網服務器總量已經超過100萬臺`` → 服務器總量). The entity and scope
  words at its front (騰訊, 全網) are split off.
- ``entity``: the organisation the figure is about, when the sentence names one.
- ``period``: the time expression in scope (``截至2019年3月底``, ``過去一年``).
- ``change``: a movement (``從4300萬增長到8200萬``, ``同比增長15%``).
- ``category``: a normalised measure (users, revenue, …) from
  ``lexicon/metrics.tsv``.

Words are looked up in jieba's dictionary (word and part-of-speech tag) by
longest match, a few words on each side of each figure: the text is never
tokenised whole, which keeps this pass as fast as the number finder.
Years, dates, durations and ordinals are context, not metrics; figures in
boilerplate, headings and repeated paragraphs are not metrics either.
"""
from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Optional

import attrs
import regex

from .lexicon import table
from .model import Change, Metric, NumberMention, Section
from .normalize import fold
from .words import once, word_tags

__all__ = ["METRIC_KINDS", "tag_metrics"]

METRIC_KINDS = frozenset({"cardinal", "money", "percent", "fraction", "multiple"})
_SKIPPED_SECTIONS = frozenset({"boilerplate", "heading", "byline"})
_TIME_KINDS = frozenset({"year", "date", "duration"})
_NOUN_TAGS = frozenset({"n", "nr", "ns", "nt", "nz", "nl", "ng", "vn", "eng", "j", "an", "nrt",
                        "nrfg"})
# May stand inside a subject between nouns (申請 in 專利申請數量, 和 in 應用和系統).
_LINK_TAGS = frozenset({"v", "a", "b", "c", "x", "q", "f"})
# May stand inside a name in brackets' place (中国大陆及香港（35%）).
_NAME_LINKS = frozenset({"c", "x"})
# Stand between a subject and its figure (已經, 為, 達到了, 的).
_GAP_TAGS = frozenset({"v", "d", "p", "ul", "uj", "uz", "ug", "uv", "ude", "u", "r", "m", "q",
                       "f", "c", "t"})
_MAX_GAP = 6
# The longest word looked up: jieba's words are read up to four characters,
# metric aliases up to six (国内生产总值).
_LONGEST = 6
_MAX_RUN = 8
# (re, not regex, for the sentence and clause splits: they scan whole texts,
# and re scans a character class about twice as fast)
_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]*")  # (；joins the clauses of one sentence)
_CLAUSE_STOPS = frozenset("，,：:；;（）()“”\"《》【】[]…—")
# Function characters read alone, so that 增速將 is 增速 + 將, not 速將.
_FUNCTION_CHARS = {"将": "d", "已": "d", "也": "d", "都": "d", "还": "d", "就": "d", "才": "d",
                   "又": "d", "从": "p", "较": "p", "了": "ul", "的": "uj", "被": "p", "把": "p", "、": "x"}
_MAX_HOPS = 3  # figures in a row that _right looks past for the noun they count
_CONJUNCTIONS = frozenset({"和", "与", "及", "或", "跟", "以及"})
_LATIN = regex.compile(r"[A-Za-z][A-Za-z0-9&+._-]*|[0-9]+")
_AGE_UNITS = frozenset({"岁", "周岁"})
# Looking for who a clause is about: how many clauses back, how far, how long a name.
_LEAD_CLAUSES = 3
_LEAD_REACH = 80
_LONGEST_NAME = 16
_LEAD_STOP = re.compile(r"[，,：:；;。！？!?\n]")
_WE = ("我们", "我司")
_LIST_MARKS = frozenset("、，,；;")
# Characters that open no name: pronouns, conjunctions, adverbs, prepositions.
_NOT_NAME_START = frozenset("我你您他她它这那哪其该此每各但而且所因如若虽就也都还又才并只在从对向以于把被给让使由据按将已了的是有为要会能可很更最再不没")
_PREFIX_TAG = "pre"  # the tag of a measure's prefix (净, 总, 每股, 平均每日)
# Stand before a measure and narrow it: prefixes, and place words (海外, 国内).
_MODIFIER_TAGS = frozenset({_PREFIX_TAG, "s"})
_LIST_LINKS = frozenset({"c", "x"})  # the joining conjunctions (和, 及, 与) and 、
_LEAD_STOPS_SET = frozenset("，,：:；;。！？!?\n")
_SHARE_REACH = 16
# Between the figures of a list, and between the parts of a subject that 分别
# hands figures to; where those figures end, and how far to look for it.
_OPENING_QUOTES = frozenset("“「『\"'‘")
_FIGURE_JOINERS = frozenset({"、", "和", "及", "与", "以及", "或"})
_CONTRAST = frozenset("而则但")  # before a name or a link verb: 而饿了么…, 保利发展则为…
_BASIS_FIRST = frozenset("年月季")  # 年增, 月减, 季增: a verb of change that says against when
_COPULAS = frozenset({"为", "是", "达", "达到", "约为", "约", "亦为", "也为"})  # 比亚迪为16%
_COPULA_LAST = frozenset(w[-1] for w in _COPULAS)
_PART_JOINER = regex.compile("|".join(regex.escape(w) for w in sorted(_FIGURE_JOINERS, key=len, reverse=True)))
_RESPECTIVE_END = frozenset("，,。；;！？!?\n")
_RESPECTIVE_REACH = 128
# 从会员增长来看, 就营收而言: a topic that the next clauses measure
_TOPIC_REACH = 24
_TOPIC = regex.compile(r"(?:从|就|对于)([^，,。；;：:]{1,15}?)(?:来看|来说|而言)[，,]")
_SHARE_WORDS = ("占", "相当于")
# X是Y的两倍, 市值只有高峰时的五分之一, 完成全年目标的58%, 恢复至疫情前的七成:
# with 的 before the figure, Y is a basis
_BASIS_WORDS = ("是", "只有", "仅有", "仅为", "为", "完成", "恢复至", "恢复到")
# After 占 and before a share that is the part's own: 占比达, 占据了,
# 占总营收的比重约为, 占百度核心收入的比例升至, 占全国总人口约
_SHARE_REST = regex.compile(r"(?:比|据|比重|比例)?(?:[^，,。；;]{0,12}的?(?:比例|比重|份额)?)?(?:已经|已)?"
                            r"(?:达到|达|为|约为|约|超过|近|接近|高达|仅|只有|升至|降至|提升至|上升至|下降至)?了?\s*")
_NO_OWNER = (-1, -1)
_QUARTERS = ("季度", "季", "财季", "财年")
_QUARTER_UNITS = frozenset({"季度", "季", "财季", "財季", "Q", "q", "H", "h"})  # 一季度, 第二财季, Q3, H1
_FOUNDED = ("成立于", "创立于", "创办于", "始建于", "成立", "创立", "创办", "创建于")
_PERIOD_OPENERS = ("截至", "截止", "自")
# After X旗下 (的), the subsidiary named next is whom the figures are about.
_SUBSIDIARY = "旗下"
# Parts of a place that keep the scope word before them: 中国 + 内地 is one place.
_PLACE_PARTS = ("内地", "大陆", "境内", "本土")
# Notes in brackets inside a company's name.
_NAME_NOTES = ("（集团）", "(集团)", "（控股）", "(控股)", "（中国）", "(中国)", "（香港）", "(香港)")
# What may stand between two parts of one period: 今年 + 前 + 三季度, 今年 +
# 首 + 8個月, 2021年 + 至 + 2023年.
_PERIOD_GAPS = frozenset("前首至到~-–—")
_FIRST_PERIOD = frozenset("前首")
# Between the size of a change and the level it reached: 增長33%至41億美元.
_TO_LEVEL = frozenset({"至", "到", "，至", ",至", "，到", ",到"})
_PERIOD_CLOSERS = ("以来", "期间", "之间", "之内", "间", "末", "底", "初", "内", "季度", "财季", "财年", "季", "首季")
_SHARE_TAILS = ("占比", "比重")
_PROPER_TAGS = frozenset({"nr", "ns", "nt", "nz", "nrt", "nrfg", "eng"})
_NAME_ENDING_ROLES = frozenset({"period", "up", "down", "basis", "link", "verb"})
# The last character of most words for a measure (失业率, 营业额, 出货量): such
# a word ends the name before it (印尼失业率 → 印尼), as the aliases do.
_MEASURE_ENDS = frozenset("率额量")
# ...but not the words that only count the noun before them, which is part of
# the measure (上市公司数量, 服务器总量).
_COUNTING_MEASURES = frozenset({"数量", "总量", "总额", "余额", "存量", "增量"})
_PLACE_PERSON_ORG = frozenset({"ns", "nr", "nt", "nrt", "nrfg"})
_NAME_ENDING_TAGS = frozenset({"p", "uj", "ul", "c", "cc", "v", "d"})
# A surname and one of these is a person (李某, 张先生).
_PERSON_AFTER_SURNAME = ("某", "先生", "女士", "小姐", "总", "董")


def tag_metrics(text: str, sections: Sequence[Section], numbers: Sequence[NumberMention], *,
                source: Optional[str] = None,
                categories: Optional[Mapping[str, str]] = None) -> list[Metric]:
    """The metrics among ``numbers``, each with its context.

    ``sections`` and ``numbers`` are the results of ``segment(text)`` and
    ``find_numbers(text)``; ``categories`` adds aliases (``{"日活": "users"}``)
    to the built-in table. Most callers want :func:`cnreport.parse`, which
    runs all three.

    >>> from cnreport import find_numbers, segment
    >>> t = "騰訊全網服務器總量已經超過100萬臺"
    >>> m = tag_metrics(t, segment(t), find_numbers(t))[0]
    >>> (m.subject, m.entity, m.mention.value, m.mention.unit, m.category)
    ('服務器總量', '騰訊', 1000000, '臺', 'infrastructure')
    """
    if not isinstance(text, str):
        raise TypeError(f"tag_metrics() takes a str, not {type(text).__name__}")
    return _tag_metrics(text, fold(text), sections, numbers, source=source, categories=categories)


def _tag_metrics(text: str, folded: str, sections: Sequence[Section], numbers: Sequence[NumberMention], *,
                 source: Optional[str], categories: Optional[Mapping[str, str]]) -> list[Metric]:
    """:func:`tag_metrics` of ``text`` whose fold is ``folded``."""
    ctx = _Context(text, folded, numbers, categories)
    starts = [s.start for s in sections]
    metrics: list[Metric] = []
    last_sentence = -1
    for i, m in enumerate(numbers):
        if m.kind not in METRIC_KINDS or (m.kind == "cardinal" and m.text.endswith("之一")):
            continue
        section = sections[bisect.bisect_right(starts, m.start) - 1] if sections else None
        if section is not None and (section.kind in _SKIPPED_SECTIONS
                                    or section.duplicate_of is not None):
            continue
        s_start, s_end = ctx.sentence(m.start)
        org = section.speaker.org if section is not None and section.speaker is not None else None
        subject, entity = ctx.subject(m, s_start, s_end, org)
        change = ctx.change(i, s_start)
        if subject is None and metrics and last_sentence == s_start \
                and (change is not None or metrics[-1].change is not None or ctx.share_without_owner(m, s_start)
                     or folded[metrics[-1].mention.end:m.start] in _FIGURE_JOINERS
                     or (m.kind in ("percent", "fraction") and ctx.in_part_clause(m.start, s_start))
                     or ctx.opens_with_period(m.start, s_start)):
            # 增速將從2016年的37%下降至19%, 營收同比增長15%至100億元: the
            # figures of one change measure the same thing; so do the
            # figures of a list (份额分别为20%、15%和10%), and a share in a
            # clause of 其中 is of the figure before (1.2万名员工，其中约三分之二…).
            subject = metrics[-1].subject
        if metrics and last_sentence == s_start and metrics[-1].subject is not None \
                and metrics[-1].mention.kind == m.kind:
            named = ctx.named_alone(m, s_start, org)
            if named is not None and (subject is None or subject in named):
                # 宁德时代的市场份额为37%，比亚迪为16%: the figure is 比亚迪's 市场份额
                subject, entity = metrics[-1].subject, named
        if subject is None:
            subject = ctx.topic(m.start, s_start)
        last_sentence = s_start
        metrics.append(Metric(
            mention=m, subject=subject, category=ctx.category(subject), entity=entity,
            period=ctx.period(i, s_start, s_end, change), change=change,
            speaker=section.speaker if section else None,
            heading=section.heading if section else None,
            sentence=ctx.sentence_text(s_start, s_end), source=source))
    return metrics


class _Context:
    """Look-ups over one text: sentences, words, mentions and lexicons."""

    def __init__(self, text: str, folded: str, numbers: Sequence[NumberMention],
                 categories: Optional[Mapping[str, str]]) -> None:
        self.text, self.folded, self.numbers = text, folded, numbers
        self.sentences = [(m.start(), m.end()) for m in _SENTENCE.finditer(text)]
        self.sentence_starts = [s for s, _ in self.sentences]
        self.starts = [m.start for m in numbers]
        self.mention_at = {m.start: m for m in numbers}
        self.mention_end = {m.end: m for m in numbers}
        extra = tuple(sorted((categories or {}).items()))
        self.aliases = _aliases(extra)
        self._tag_of = _tag_memo(extra)  # word → tag, shared by texts with the same categories
        self.tags = word_tags()
        self.known = _known_words()
        self.lex = _lexicon()
        # the longest word that can start (end) with a character: most
        # characters begin no word longer than two, so fewer look-ups
        self.longest_from, self.longest_to = _longest_by_edge(extra)
        self._alias_lengths, self._alias_order = _alias_order(extra)
        self._org_spans: dict[int, list[tuple[int, int]]] = {}
        self._period_words: dict[int, list[tuple[int, int]]] = {}
        self._sentence_texts: dict[int, str] = {}
        self._clauses: dict[int, list[int]] = {}
        self._words_at: dict[int, tuple[int, int, str]] = {}
        self._parts: dict[int, tuple[int, int]] = {}  # figure start → its part of a 分别 subject
        self._rates: dict[tuple[int, int], Optional[Change]] = {}
        self._names: dict[tuple[int, Optional[str]], Optional[tuple[int, int, str]]] = {}
        self._cut_names: dict[tuple[int, int, Optional[str]], Optional[tuple[int, int, str]]] = {}
        # time mentions, by index: dates, years, durations, quarters (一季度,
        # 第三季, 第二财季); not a founding year or a comparison's base
        self.times = [j for j, t in enumerate(numbers)
                      if (_is_time(t) or (t.kind == "ordinal" and folded.startswith(_QUARTERS, t.end)))
                      and not _basis_before(folded, t.start)
                      and not folded.endswith(_FOUNDED, max(0, t.start - 4), t.start)]
        self._categories: dict[str, Optional[str]] = {}
        self._folded_subjects: dict[str, str] = {}

    # -- sentences and words

    def sentence(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.sentence_starts, pos) - 1
        if i < 0:
            return 0, len(self.text)
        return self.sentences[i]

    def sentence_text(self, s_start: int, s_end: int) -> str:
        """The sentence, stripped; one string shared by all its figures (a
        text without full stops is one long sentence)."""
        text = self._sentence_texts.get(s_start)
        if text is None:
            text = self._sentence_texts[s_start] = self.text[s_start:s_end].strip()
        return text

    def _tag(self, word: str) -> str:
        tag = self._tag_of.get(word)
        if tag is None:
            tag = self._tag_of[word] = self._tag_uncached(word)
        return tag

    def _tag_uncached(self, word: str) -> str:
        if word in self.aliases:
            return "n"
        if word in _org_set():
            return "nt"
        extra = _extra_words().get(word)
        if extra is not None:
            return extra
        if word in self.lex.endings:
            return self.tags.get(word, "n")  # 金控, 锂业
        role = self.lex.roles.get(word)
        if role == "scope":
            return "n"
        if role == "prefix":
            return _PREFIX_TAG
        if role is not None and role != "brand":
            return "d"
        if word in _FUNCTION_CHARS:
            return _FUNCTION_CHARS[word]
        tag = self.tags.get(word, "x")
        # Only the joining conjunctions may stand inside a subject.
        return "cc" if tag == "c" and word not in _CONJUNCTIONS else tag

    def _forward(self, i: int, limit: int) -> Optional[tuple[int, int, str]]:
        """The word at ``i``, read forwards (longest known word first)."""
        if i >= limit:
            return None
        f = self.folded
        c = f[i]
        if c in _CLAUSE_STOPS or c.isspace():
            return None
        free = False  # the limit cuts no word short: the word can be remembered
        if c.isascii():
            m = _LATIN.match(f, i, limit)
            if m:
                return i, m.end(), "m" if m.group().isdigit() else "eng"
        elif limit - i > _LONGEST:
            free = True
            tok = self._words_at.get(i)
            if tok is not None:
                return tok
        tag = _FUNCTION_CHARS.get(c)
        if tag is not None and c != "的":
            return i, i + 1, tag
        known, aliases = self.known, self.aliases
        w = c
        for k in range(min(self.longest_from.get(c, 1), limit - i), 1, -1):
            if f[i:i + k] in known or f[i:i + k] in aliases:
                w = f[i:i + k]
                break
        tag = self._tag_of.get(w)
        tok = i, i + len(w), tag if tag is not None else self._tag(w)
        if free:
            self._words_at[i] = tok
        return tok

    def _backward(self, j: int, limit: int) -> Optional[tuple[int, int, str]]:
        if j <= limit:
            return None
        f = self.folded
        c = f[j - 1]
        if c in _CLAUSE_STOPS or c.isspace():
            return None
        if c.isascii() and c.isalnum():
            k0 = j - 1
            while k0 > limit and (f[k0 - 1].isascii() and f[k0 - 1].isalnum()):
                k0 -= 1
            return k0, j, "m" if f[k0:j].isdigit() else "eng"
        tag = _FUNCTION_CHARS.get(c)
        if tag is not None:
            return j - 1, j, tag
        if c == "为" and j in self.mention_at and j - 2 >= limit and f[j - 2:j] not in self.lex.roles:
            return j - 1, j, "v"  # 研发费用为8.6亿元: the copula, not the 用为 of the dictionary (but 约为)
        if c == "比" and (self._period_word_at(j, len(f)) or j in self.mention_at):
            return j - 1, j, "p"  # 增速比上月加快: the comparison, not 速比
        known, aliases = self.known, self.aliases
        w = c
        for k in range(min(self.longest_to.get(c, 1), j - limit), 1, -1):
            if f[j - k:j] in known or f[j - k:j] in aliases:
                w = f[j - k:j]
                break
        tag = self._tag_of.get(w)
        return j - len(w), j, tag if tag is not None else self._tag(w)

    # -- subject and entity

    def subject(self, m: NumberMention, s_start: int, s_end: int, org: Optional[str] = None
                ) -> tuple[Optional[str], Optional[str]]:
        """The subject and the entity of figure ``m``; ``org`` is the
        speaker's organisation, which 我们 stands for."""
        f = self.folded
        before = self._backward(m.start, s_start)
        if m.start > s_start and f[m.start - 1] in "(（" and f[m.end:m.end + 1] in (")", "）"):
            # 日本(22.3%), 長實（30%）: the figure is the name's, and the name
            # is nouns only (收入主要来自中国内地（68%）: 中国内地)
            span = self._left(m.start - 1, s_start, links=_NAME_LINKS)
        elif before is not None and before[2] in _NOUN_TAGS and (
                (f[m.end:m.end + 1] == "的" and m.kind != "percent") or f[m.end:m.end + 1] in _LIST_MARKS
                or (m.unit is not None and f[m.end:m.end + 1] in _LIST_MARKS)):
            # 服務器總量超過百萬的公司: the noun before measures, the one after is
            # described; 分行126间、支行400间: each item counts its own noun
            span = self._left(m.start, s_start) or self._right(m.end, s_end)
        else:
            span = self._right(m.end, s_end, counted=m.kind == "cardinal" and m.unit is not None) \
                or self._left(m.start, s_start)
        if span is None:
            span = self._parts.get(m.start)  # 毛利率、营业利润率和净利率分别为45.2%、38.1%和36.5%
        share = self._share_owner(m, s_start)
        if share is not None:
            span = None if share == _NO_OWNER else share
        if span is not None:
            span = self._trimmed(span)
        lead = None
        if span is not None and span[1] <= m.start:
            lead = self._lead_name(s_start, span[0], org)
        if lead is None:
            lead = self._lead_name(s_start, m.start, org)
        entity = lead[2] if lead is not None else self._entity_before(m.start, s_start)
        if lead is not None:
            entity = self._respective_name(m, lead, org) or entity
        if lead is not None and f[lead[0]:lead[1]] in self.lex.endings:
            entity = None  # 公司研发人员: 公司 alone names nobody (but is no subject either)
        if span is None:
            return None, entity
        a, b = span
        if lead is not None and lead[0] <= a < lead[1]:
            a = lead[1]  # 贵州茅台股价: the name is the entity, not part of the subject
            while a < b and self.folded[a] in "的 ":
                a += 1
            if f[a:b] in self.lex.roles or f[a:b] in self.lex.stops:
                a = b  # 联合利华以: nothing is left of the subject
        a, front_entity = self._split_front(a, b)
        if front_entity is not None and (lead is None or lead[1] <= self._clause_at(a, s_start)):
            entity = front_entity  # (而饿了么营收: nearer than the name of an earlier clause)
        if a >= b:
            return None, entity
        a, b = self._respective(m, a, b)
        subject = self.text[a:b]
        self._folded_subjects[subject] = self.folded[a:b]
        return subject, entity

    def _respective_name(self, m: NumberMention, lead: tuple[int, int, str], org: Optional[str]) -> Optional[str]:
        """三星、苹果和小米的市场份额分别为20%、17%和14%: with 分别, the figures
        go to the names of the list in order, when there are as many of each."""
        f = self.folded
        k = f.find("分别", lead[1], m.start)
        if k < 0:
            return None
        names = [lead]
        pos = lead[1]
        while True:
            joiner = _PART_JOINER.match(f, pos, k)
            if joiner is None:
                break
            name = self._name_at(joiner.end(), k, org)
            if name is None or name[0] != joiner.end():
                break
            names.append(name)
            pos = name[1]
        if len(names) < 2:
            return None
        figures = self._respective_figures(k, m)
        if len(figures) != len(names) or m not in figures:
            return None
        return names[figures.index(m)][2]

    def _respective_figures(self, k: int, m: NumberMention) -> list[NumberMention]:
        """The figures of the 分别 at ``k``, to the end of its clause."""
        f = self.folded
        reach = min(len(f), m.end + _RESPECTIVE_REACH)  # a bounded look: linear time
        end = next((j for j in range(k, reach) if f[j] in _RESPECTIVE_END), reach)
        after = itertools.islice(self.numbers, bisect.bisect_left(self.starts, k), None)
        return [n for n in itertools.takewhile(lambda n: n.start < end, after) if n.kind in METRIC_KINDS]

    def _respective(self, m: NumberMention, a: int, b: int) -> tuple[int, int]:
        """营收和净利润分别为85亿元和12亿元: with 分别, the figures go to the
        parts of the subject in order, when there are as many of each."""
        f = self.folded
        k = f.find("分别", b, m.start)
        if k < 0:
            return a, b
        figures = self._respective_figures(k, m)
        cuts = [(x.start(), x.end()) for x in _PART_JOINER.finditer(f, a, b)]
        if not cuts or len(cuts) + 1 != len(figures) or m not in figures:
            return a, b
        parts = list(zip([a] + [e for _, e in cuts], [s for s, _ in cuts] + [b]))
        for figure, part in zip(figures, parts):
            self._parts[figure.start] = part  # (the later figures find their part here)
        return parts[figures.index(m)]

    def topic(self, pos: int, s_start: int) -> Optional[str]:
        """从会员增长来看，从4300万增长到8200万: the topic named before the
        figure's clause, when the clause names nothing itself."""
        c = self._clause_at(pos, s_start)
        # the topic is the clause just before (a bounded look: linear time)
        found = _TOPIC.search(self.folded, max(s_start, c - _TOPIC_REACH), c)
        while found is not None and found.end() != c:
            found = _TOPIC.search(self.folded, found.start() + 1, c)
        if found is None:
            return None
        span = self._left(found.end(1), found.start(1))
        return self.text[span[0]:span[1]] if span is not None else None

    def named_alone(self, m: NumberMention, s_start: int, org: Optional[str]) -> Optional[str]:
        """The name that is all the clause says before the figure but a link
        verb (…，比亚迪为16%, 而保利发展则为3313亿元): the figure is that
        name's, of the measure before."""
        f = self.folded
        if f[m.start - 1:m.start] not in _COPULA_LAST:
            return None  # (the items of a list after 分别: no look-ups)
        c = self._clause_at(m.start, s_start)
        while c < m.start and (f[c] in " \u3000" or f[c] in _CONTRAST):
            c += 1
        name = self._name_at(c, m.start, org)
        if name is None or name[0] != c:
            return None
        rest = f[name[1]:m.start].strip()
        if rest[:1] in _CONTRAST:
            rest = rest[1:]
        return name[2] if rest in _COPULAS else None

    def opens_with_period(self, pos: int, s_start: int) -> bool:
        """Whether the clause around ``pos`` opens with a period word: with
        no subject of its own, it goes on with the measure before
        (…，去年同期为9.24亿元)."""
        f = self.folded
        c = self._clause_at(pos, s_start)
        while c < pos and f[c] in " \u3000":
            c += 1
        return self._period_word_at(c, pos) > 0

    def _period_word_at(self, k: int, end: int, when: bool = False) -> int:
        """The length of the period word at ``k`` (ending by ``end``), or 0;
        with ``when``, of a time word that names no period too (后来)."""
        ch = self.folded[k:k + 1]
        words = self.lex.periods_from.get(ch, ())
        if when:
            words += self.lex.when_from.get(ch, ())
        return next((len(w) for w in words if self.folded.startswith(w, k, end)), 0)

    def in_part_clause(self, pos: int, s_start: int) -> bool:
        """Whether the clause around ``pos`` opens with 其中 (of which)."""
        c = self._clause_at(pos, s_start)
        return self.folded.startswith("其中", c) or self.folded.startswith("其中", c + 1)

    def share_without_owner(self, m: NumberMention, s_start: int) -> bool:
        return self._share_owner(m, s_start) == _NO_OWNER

    def _share_owner(self, m: NumberMention, s_start: int) -> Optional[tuple[int, int]]:
        """X占Y的N%, X占比N%, X相当于Y的N%, X是Y的N倍: the share or multiple
        is X's, the part named before 占; Y is what it is measured against."""
        if m.kind not in ("percent", "fraction", "multiple"):
            return None
        f = self.folded
        head = f[max(s_start, m.start - _SHARE_REACH):m.start]
        # (增长率为15%: without 的 the figure is X's own)
        words = _SHARE_WORDS + _BASIS_WORDS if head.endswith("的") else _SHARE_WORDS
        k, word = max((head.rfind(w), w) for w in words)
        if k < 0 or any(c in _CLAUSE_STOPS or c in _LEAD_STOPS_SET for c in head[k:]):
            return None
        if word == "占" and (head[k - 1:k] in ("市", "应") or m.kind == "multiple"):
            return None  # 市占率, 应占溢利: words, not the verb
        if not _SHARE_REST.fullmatch(head, k + len(word)):
            return None
        # with no part named before 占 (约占国内市场的三分之一), the clause
        # goes on about the previous figure's subject
        return self._left(m.start - len(head) + k, s_start) or _NO_OWNER

    def _trimmed(self, span: tuple[int, int]) -> Optional[tuple[int, int]]:
        """The subject span without a time that a dictionary word reached
        into (2023年销量 → 销量) and without a trailing 占比 (线上销售额占比)."""
        a, b = span
        for k in range(b - 1, a, -1):
            if k in self.mention_end and _is_time(self.mention_end[k]):
                a = k
                break
        f = self.folded
        k = a
        while k < b:  # 去年同期为9.24亿元: periods name no measure
            length = self._period_word_at(k, b)
            if not length:
                break
            k += length
        if k == b:
            return None
        ending = self.lex.periods_to.get(f[a])
        if ending and b - a > 2 and any(len(w) > 1 and f.startswith(w, a + 1 - len(w)) for w in ending):
            a += 1  # 2023年全年销量: the 年 of 全年 is the period's, not 年销量
        before = self.mention_end.get(a)
        if before is not None and before.kind == "ordinal":
            quarter = next((q for q in _QUARTERS if f.startswith(q, a) and b - a > len(q)), None)
            if quarter is not None:
                a += len(quarter)  # 第3季虧損: the 季 is the period's
        for tail in _SHARE_TAILS:
            if f.endswith(tail, a, b) and b - a > len(tail):
                b -= len(tail)
                break
        return (a, b) if a < b else None

    def _lead_name(self, s_start: int, limit: int, org: Optional[str]
                   ) -> Optional[tuple[int, int, str]]:
        """Who the clause is about: the name that opens the clause of the
        figure (宁德时代实现…, 华润万家2023年营收…, 截至2023年末，平安银行…),
        else the name that opens an earlier clause of the sentence (瑞幸咖啡
        门店总数…，其中自营门店…). ``limit`` is where the subject or the figure
        starts. Returns (start, end, name as written)."""
        starts = self._clause_starts(s_start)
        j = bisect.bisect_right(starts, limit) - 1
        for _ in range(_LEAD_CLAUSES):
            if j < 0 or limit - starts[j] > _LEAD_REACH:
                return None
            c = starts[j]
            # one scan per clause, to its end: a name stops at the first figure anyway
            key = (c, org)
            if key not in self._names:
                end = starts[j + 1] - 1 if j + 1 < len(starts) else self.sentence(s_start)[1]
                self._names[key] = self._name_at(c, end, org)
            name = self._names[key]
            if name is not None and name[1] > limit:
                cut = (c, limit, org)
                if cut not in self._cut_names:
                    self._cut_names[cut] = self._name_at(c, limit, org)
                name = self._cut_names[cut]
            if name is not None:
                return name
            j -= 1
        return None

    def _clause_at(self, pos: int, s_start: int) -> int:
        """Where the clause around ``pos`` begins."""
        starts = self._clause_starts(s_start)
        return starts[bisect.bisect_right(starts, pos) - 1]

    def _clause_starts(self, s_start: int) -> list[int]:
        """Where the clauses of the sentence at ``s_start`` begin."""
        found = self._clauses.get(s_start)
        if found is None:
            s_end = self.sentence(s_start)[1]
            found = [s_start] + [m.end() for m in _LEAD_STOP.finditer(self.folded, s_start, s_end)]
            self._clauses[s_start] = found
        return found

    def _name_at(self, c: int, end: int, org: Optional[str]) -> Optional[tuple[int, int, str]]:
        f = self.folded
        lex = self.lex
        k = c
        while k < end:  # past the time that opens a clause (2022年前三季度，… / 今年…)
            while k < end and f[k] in " \u3000":
                k += 1
            first = f[k] in _FIRST_PERIOD
            t = self.mention_at.get(k + 1 if first else k)  # (2022年前三季度)
            if t is not None and _is_time(t):
                k = t.end
                continue
            if t is not None and not first:
                return None  # a figure opens the clause: no name before it
            # a period word, or a time word that names none (後來網易…)
            length = self._period_word_at(k, end, when=True)
            if not length:
                break
            k += length
        if k + 1 < end and f[k] in _CONTRAST \
                and any(f.startswith(o, k + 1, end) for o in self.lex.orgs_from.get(f[k + 1], ())):
            k += 1  # 而饿了么营收…: the contrast opens the clause, a company follows
        start = k
        if f.startswith(_WE, start) and org:
            return start, start + 2, org  # 我们的用户: the speaker's organisation
        if start >= end or (f[start] in _NOT_NAME_START and f[start:start + 2] not in _name_openers()):
            return None  # most clauses open with a function word: no look-ups (but 以色列)
        tokens: list[tuple[int, int, str]] = []
        named_by_place = False  # the name stops at a time: 华润万家2023年营收…
        # no word runs into a figure (南亞科 + 第3季, not the dictionary's 科第)
        j = bisect.bisect_right(self.starts, k)
        stop = min(end, self.starts[j]) if j < len(self.starts) else end
        while k < end:
            if tokens and f[k] in "（(":
                note = next((w for w in _NAME_NOTES if f.startswith(w, k, end)), None)
                if note is not None:  # 中国平安保险（集团）股份有限公司
                    tokens.append((k, k + len(note), "n"))
                    k += len(note)
                    continue
            if f[k] in _CLAUSE_STOPS or f[k].isspace():
                break
            t = self.mention_at.get(k)
            if t is None and f[k] in _FIRST_PERIOD and tokens:
                t = self.mention_at.get(k + 1)  # 越南前10個月: the name ends before 前
                t = t if t is not None and _is_time(t) else None
            if t is not None:
                named_by_place = _is_time(t)
                break
            tok = self._forward(k, stop if k < stop else end)
            if tok is None:
                break
            w = f[tok[0]:tok[1]]
            role = lex.roles.get(w)
            if w in lex.sources:
                return None  # 国家统计局数据显示，…: a source, not whom the figure is about
            if w not in lex.endings and (
                    w in lex.stops or w.lower() in self.aliases or role in _NAME_ENDING_ROLES
                    or (len(w) > 1 and w[-1] in _MEASURE_ENDS and w not in _COUNTING_MEASURES)
                    or (tokens and role == "scope" and not self._ending_at(tok[1], end))
                    or tok[2] in _NAME_ENDING_TAGS
                    or (tok[2] == _PREFIX_TAG and tok[1] - tok[0] > 1)):
                # (腾讯音乐 + 付费用户: a measure's prefix of two characters or
                # more ends the name; one, such as 新 of 大新银行, may be inside it)
                named_by_place = role == "period"
                if w == _SUBSIDIARY and tokens:
                    # 富邦金控旗下台北富邦银行: the figures are the subsidiary's
                    j = tok[1] + 1 if f.startswith("的", tok[1]) else tok[1]
                    inner = self._name_at(j, end, org) if j < end else None
                    if inner is not None:
                        return inner
                break
            tokens.append(tok)
            k = tok[1]
            if len(tokens) >= _MAX_RUN:
                return None
        # 平安银行不良贷款率: the name ends with its company word
        last_ending = max((b for a, b, _ in tokens if f[a:b] in lex.endings and b - start >= 3), default=None)
        if last_ending is not None and last_ending - start >= k - last_ending:
            k = last_ending
            tokens = [t for t in tokens if t[1] <= k]
        if not named_by_place and len(tokens) > 1 and f[tokens[0][0]:tokens[0][1]] in _org_set() and not any(
                f[a:b] in lex.endings or lex.roles.get(f[a:b]) == "brand" for a, b, _ in tokens[1:]):
            # 蒙牛液态奶销量, 中国移动5G套餐用户数: a known organisation and
            # then common nouns before the measure, which narrow it (腾讯音乐,
            # 美的集团, 华润万家2023年营收 stay whole)
            tokens = tokens[:1]
            k = tokens[0][1]
        if not tokens or not 2 <= k - start <= _LONGEST_NAME:
            return None
        name = f[start:k]
        if len(tokens) == 2 and f[tokens[0][0]:tokens[0][1]] in lex.scope \
                and f[tokens[1][0]:tokens[1][1]] in lex.endings:
            return None  # 中国公司, 全球银行: a kind, not a name
        if tokens[0][2] in ("r", "f", "d", "m") or name in lex.owners or name in lex.scope \
                or (f[tokens[0][0]:tokens[0][1]] in lex.scope and name not in _org_set()
                    and not name.endswith(_entity_words("ending"))) \
                or not (named_by_place or _looks_like_name(name, tokens)):
            return None
        return start, k, self.text[start:k]

    def _ending_at(self, k: int, end: int) -> bool:
        """Whether a company ending (有限公司, 集团) is the word at ``k``: a
        scope word before it is part of the name (金沙中国有限公司)."""
        tok = self._forward(k, end) if k < end else None
        return tok is not None and self.folded[tok[0]:tok[1]] in self.lex.endings

    def _right(self, pos: int, limit: int, hops: int = 0, counted: bool = False) -> Optional[tuple[int, int]]:
        """The noun run after ``pos``; ``counted`` when a count's measure word
        ends just before it (31个生产基地: what is counted follows)."""
        f = self.folded
        while pos < limit and f[pos] in " \u3000":
            pos += 1
        after_de = pos < limit and f[pos] == "的"
        if after_de:
            pos += 1
        elif counted and pos < limit and f[pos] in _OPENING_QUOTES:
            pos += 1  # 三個“演化”: what is counted, in quotes
        tokens: list[tuple[int, int, str]] = []
        while len(tokens) < _MAX_RUN:
            nxt = self.mention_at.get(pos)
            if nxt is not None:
                # 13類231個接口: the first figure counts what the second does
                # (a few figures deep: a long run of them is a list).
                if not tokens and nxt.kind in METRIC_KINDS and nxt.unit and hops < _MAX_HOPS:
                    return self._right(nxt.end, limit, hops + 1, nxt.kind == "cardinal")
                break
            tok = self._forward(pos, limit)
            if tok is None:
                break
            if tok[2] == "ul" and tokens:
                # 電影貢獻了: a word before 了 is the verb, not the subject.
                tokens.pop()
                break
            if after_de and not tokens and tok[1] - tok[0] > 1:
                if self.lex.roles.get(f[tok[0]:tok[1]]) in ("up", "down"):
                    return None  # 营收实现了15%的增长: a change of what stands before
                if tok[2] == "v":
                    tok = (tok[0], tok[1], "vn")  # 10%的投入: after 的, a verb is named
            if not tokens and counted and tok[2] == "v" and tok[1] - tok[0] > 1:
                tok = (tok[0], tok[1], "vn")  # 3個演化: after a measure word, a verb is named
            if not tokens and counted and self.lex.roles.get(f[tok[0]:tok[1]]) == "verb":
                after = self._forward(tok[1], limit)
                if after is not None and after[2] in _NOUN_TAGS:
                    tok = (tok[0], tok[1], "vn")  # 31个生产基地: the verb names a kind of the noun
            tokens.append(tok)
            pos = tok[1]
        # read forwards, a prefix before the noun stays (受访 + 企业)
        return _noun_run(tokens, _LINK_TAGS | {"uj", _PREFIX_TAG}, _NOUN_TAGS | {_PREFIX_TAG})

    def _left(self, pos: int, limit: int, links: frozenset[str] = _LINK_TAGS) -> Optional[tuple[int, int]]:
        while pos > limit and self.folded[pos - 1] in " \u3000":
            pos -= 1  # 月薪 16 萬: spaces set off Arabic figures in many texts
        gap = 0
        while gap < _MAX_GAP:
            before = self.mention_end.get(pos)
            if before is not None and before.kind in _TIME_KINDS | {"ordinal"}:
                pos, gap = before.start, gap + 1
                continue
            tok = self._backward(pos, limit)
            if tok is not None and tok[2] not in _GAP_TAGS and self.folded[tok[1] - 1] == "时" \
                    and self.folded.startswith("的", tok[1]):
                # 由高峰时的1.3万家: a time clause, passed over to its start
                while tok is not None and tok[2] not in _GAP_TAGS:
                    pos = tok[0]
                    tok = self._backward(pos, limit)
                gap += 1
                continue
            if tok is None or (tok[2] not in _GAP_TAGS and tok[2] != _PREFIX_TAG):
                break  # (a prefix here belongs to the verb or the figure: 净减少, 每股12元)
            pos, gap = tok[0], gap + 1
        tokens = []
        while len(tokens) < _MAX_RUN:
            if pos in self.mention_end:
                break
            tok = self._backward(pos, limit)
            if tok is None or (tok[2] == "uj"):
                break
            tokens.append(tok)
            pos = tok[0]
        return _reverse_run(tokens, links)

    def _split_front(self, a: int, b: int) -> tuple[int, Optional[str]]:
        """Split an organisation and scope words off the front of a subject."""
        f = self.folded
        entity = None
        org = _org_at(f, a, b)
        if org is not None and org < b:
            entity = self.text[a:org]
            a = org
        changed = True
        while changed:
            changed = False
            for word in self.lex.front_from.get(f[a], ()):
                if f.startswith(word, a) and a + len(word) < b and f[a:b] not in self.aliases \
                        and not f.startswith(_PLACE_PARTS, a + len(word)):
                    a += len(word)  # 全网服务器总量, 公司研发人员
                    changed = True
        return a, entity

    def _entity_before(self, pos: int, s_start: int) -> Optional[str]:
        """The organisation named last before ``pos`` in the sentence (the
        longest one where several start at the same place)."""
        for k, end in self._orgs_in(s_start):
            if end <= pos:
                return self.text[k:_extend_brand(self.folded, end, pos)]
        return None

    def _orgs_in(self, s_start: int) -> list[tuple[int, int]]:
        """Spans of the organisations named in the sentence at ``s_start``,
        last first; at one start, the longest first (the order of _orgs)."""
        found = self._org_spans.get(s_start)
        if found is None:
            f = self.folded
            s_end = self.sentence(s_start)[1]
            by_first = self.lex.orgs_from
            starts = [m.start() for m in _org_pattern().finditer(f, s_start, s_end, overlapped=True)]
            found = [(k, k + len(org)) for k in reversed(starts)
                     for org in by_first[f[k]] if f.startswith(org, k, s_end)]
            self._org_spans[s_start] = found
        return found

    # -- category, period, change

    def category(self, subject: Optional[str]) -> Optional[str]:
        """The category of the longest alias that ends the subject, else of
        the longest alias inside it."""
        if not subject:
            return None
        if subject not in self._categories:
            s = (self._folded_subjects.get(subject) or fold(subject)).lower()
            ending = next((s[k:] for k in range(len(s)) if s[k:] in self.aliases), None)
            if ending is not None:
                self._categories[subject] = self.aliases[ending]
            else:
                inside = self._longest_inside(s)
                self._categories[subject] = self.aliases[inside] if inside is not None else None
        return self._categories[subject]

    def _longest_inside(self, s: str) -> Optional[str]:
        """The longest alias inside ``s``; of equally long ones, the first in
        the table."""
        order = self._alias_order
        for n in self._alias_lengths:
            found = [s[k:k + n] for k in range(len(s) - n + 1) if s[k:k + n] in order]
            if found:
                return min(found, key=order.__getitem__)
        return None

    def period(self, i: int, s_start: int, s_end: int, change: Optional[Change] = None) -> Optional[str]:
        """The nearest time expression before the figure in its sentence (a
        date, a year, a duration, 一季度, or a word such as 目前), else one
        after it in the same clause. For the second figure of a change, a
        time tied to the first by 的 is the first's (從2016年的37%下降至19%)."""
        m = self.numbers[i]
        k = bisect.bisect_left(self.times, i)
        tied = change.start if change is not None and change.end is m else None
        while tied is not None and k > 0 and self.numbers[self.times[k - 1]].end <= tied.start \
                and self.folded[self.numbers[self.times[k - 1]].end:tied.start].strip() in ("", "的"):
            k -= 1
        before = self.numbers[self.times[k - 1]] if k > 0 else None
        if before is not None and before.start < s_start:
            before = None
        f = self.folded
        word = self._period_word(s_start, m.start)
        if word is not None and change is not None and (
                (change.basis and f.endswith("同期", word[0], word[1]))
                or (tied is not None and word[1] <= tied.start and f[word[1]:tied.start] in ("", "的"))):
            # 上年同期为8亿元，同比增长50%: a base's period is not the growth's;
            # 从去年的15%提升至22%: nor is the first figure's the second's
            base = word[0]
            word = self._period_word(s_start, base)
            while word is not None and word[1] == base:  # (上年 + 同期: one phrase)
                base = word[0]
                word = self._period_word(s_start, base)
        if before is not None and (word is None or word[0] <= before.start):
            return self._whole_period(before.start, before.end, s_start, m.start)
        if word is not None:
            return self._whole_period(word[0], word[1], s_start, m.start)
        k = bisect.bisect_right(self.times, i)
        after_m = self.numbers[self.times[k]] if k < len(self.times) else None
        if after_m is not None and after_m.end > s_end:
            after_m = None
        if after_m is not None and not any(c in _CLAUSE_STOPS for c in f[m.end:after_m.start]):
            return self._whole_period(after_m.start, after_m.end, m.end, s_end)
        return None

    def _whole_period(self, a: int, b: int, lo: int, hi: int) -> str:
        """The time expression around [a, b), grown over its neighbouring
        parts within [lo, hi): 今年 + 上半年, 2022年 + 前 + 三季度, 截至 +
        今年6月底, 自 + 2019年 + 以来, 过去三年 + 间, 第三 + 季."""
        f = self.folded
        changed = True
        while changed and a > lo:
            changed = False
            # 今年首8個月, 2021年至2023年: a time joins across 前, 首 or a range's connector
            gap = 1 if f[a - 1:a] in _PERIOD_GAPS else 0
            this = self.mention_at.get(a)
            if gap and f[a - 1] in _FIRST_PERIOD and this is not None and this.kind == "duration" \
                    and a - 1 >= lo and a - 1 not in self.mention_end:
                a, changed = a - 1, True  # 前三季度, 首8个月: the first months of the year, to date
                continue
            before = self.mention_end.get(a - gap)
            if before is not None and before.start >= lo and (
                    _is_time(before) or (before.kind == "ordinal" and f.startswith(_QUARTERS, before.end))):
                a, changed = before.start, True
                continue
            for k in (a, a - gap) if gap else (a,):
                for w in self.lex.openers_to.get(f[k - 1:k], ()):
                    if k - len(w) >= lo and f.startswith(w, k - len(w)) and w != "在过去" \
                            and (k == a or w in self.lex.periods):
                        a, changed = k - len(w), True
                        break
                if changed:
                    break
        changed = True
        while changed and b < hi:
            changed = False
            nxt = self.mention_at.get(b + 1 if f[b:b + 1] in _PERIOD_GAPS else b)
            if nxt is not None and nxt.end <= hi and (
                    _is_time(nxt) or (nxt.kind == "ordinal" and f.startswith(_QUARTERS, nxt.end))):
                b, changed = nxt.end, True
                continue
            for w in self.lex.closers_from.get(f[b], ()):
                if b + len(w) <= hi and f.startswith(w, b):
                    b, changed = b + len(w), True
                    break
        return self.text[a:b]

    def _period_word(self, s_start: int, pos: int) -> Optional[tuple[int, int]]:
        """The period word (目前, 截至) that ends last before ``pos`` in the
        sentence at ``s_start``, the longest where several end there."""
        found = self._period_words.get(s_start)
        if found is None:
            f = self.folded
            s_end = self.sentence(s_start)[1]
            by_first = self.lex.periods_from
            starts = (m.start() for m in _patterns().period_at.finditer(f, s_start, s_end, overlapped=True))
            words = [(k, k + len(w)) for k in starts for w in by_first[f[k]]
                     if f.startswith(w, k, s_end) and not self._in_mention(k)]
            # 较去年同期: the basis, and the 同期 that goes on from it too
            basis_ends: set[int] = set()
            found = []
            for a, b in sorted(words):
                time = self.mention_end.get(a)  # (较2019年同期: the year is the basis's, and so is 同期)
                if _basis_before(f, a) or a in basis_ends or (time is not None and _basis_before(f, time.start)):
                    basis_ends.add(b)
                else:
                    found.append((b, b - a))
            found.sort()
            self._period_words[s_start] = found
        j = bisect.bisect_left(found, (pos + 1, 0)) - 1
        if j < 0:
            return None
        end, length = found[j]
        return end - length, end

    def _in_mention(self, k: int) -> bool:
        """Whether ``k`` is inside a figure, past its start (the 年内 of 半年内)."""
        j = bisect.bisect_right(self.starts, k) - 1
        return j >= 0 and self.numbers[j].start < k < self.numbers[j].end

    def change(self, i: int, s_start: int) -> Optional[Change]:
        m = self.numbers[i]
        f = self.folded
        # the figures side by side, or with a time between them whose 的 ties
        # it to the second (從2018年的4300萬增長到2019年的8200萬)
        for a, b in ((i - 1, i), (i, i + 1), (i - 2, i), (i, i + 2)):
            if a < 0 or b >= len(self.numbers):
                continue
            x, y = self.numbers[a], self.numbers[b]
            if x.kind not in METRIC_KINDS or y.kind not in METRIC_KINDS or x.start < s_start:
                continue
            if b - a == 1:
                between = _untied(f[x.end:y.start].strip())
            else:
                mid = self.numbers[a + 1]
                mid_end = mid.end
                if mid.kind == "ordinal":  # 由第一季的68%回升至第三季的77%
                    mid_end += next((len(q) for q in _QUARTERS if f.startswith(q, mid.end)), 0)
                if mid_end == mid.end and not _is_time(mid) or f[mid_end:y.start].strip() not in ("", "的"):
                    continue
                between = f[x.end:mid.start].strip()
            if len(between) > _patterns().between_most:
                continue  # too far apart for a verb (增長到) to join them
            verb = _change_verb(between)
            if verb is None:
                continue
            begin = _from_start(f, x, s_start)
            if begin == x.start:
                continue
            return Change(direction=_context_words()[verb], start=x, end=y, basis=None,
                          text=self.text[begin:y.end])
        rate = self._rate(m, s_start)
        if rate is not None or i == 0:
            return rate
        # 同比下降13%，至157億美元: the level that the change before reached
        x = self.numbers[i - 1]
        between = f[x.end:m.start]
        if x.start < s_start or x.kind not in METRIC_KINDS \
                or (between not in _TO_LEVEL and between not in _FIGURE_JOINERS):
            return None
        rate = self._rate(x, s_start)
        if rate is None:
            return None
        if between in _FIGURE_JOINERS:
            return rate  # 升320点或1.86%: the same change, in other terms; 分别增长9.6%和144.5%
        return attrs.evolve(rate, end=m, text=self.text[x.end - len(rate.text):m.end])

    def _rate(self, m: NumberMention, s_start: int) -> Optional[Change]:
        """同比增長15%, 同比实现了15%的增长: the figure is the size of the change."""
        key = (m.start, s_start)
        if key not in self._rates:  # (asked again for the figure before: 增长9.6%和144.5%)
            self._rates[key] = self._read_rate(m, s_start)
        return self._rates[key]

    def _read_rate(self, m: NumberMention, s_start: int) -> Optional[Change]:
        f = self.folded
        head = f[max(s_start, m.start - 10):m.start]
        rstripped = head.rstrip()
        # the rate's verb ends the head: most heads end in no verb's last
        # character, and the search is not needed
        found = _patterns().rate.search(head) if rstripped[-1:] in _patterns().rate_closers else None
        if found is not None:
            verb, first, end = found.group("verb"), found.start(), m.end
        else:
            after = _patterns().rate_after.match(f, m.end) if f.startswith("的", m.end) else None
            if after is None:
                return None
            verb, first, end = after.group("verb"), len(head), after.end()
        basis = next((w for w in _role_words("basis") if w in head), None)
        if basis is None and len(verb) > 1 and verb[0] in _BASIS_FIRST:
            basis = verb  # 月增6.3%, 年增2.5%: the verb names what it compares with
        elif basis is None and found is not None and 0 <= head.rfind("较", 0, first) < first - 1:
            basis = head[head.rfind("较", 0, first):first]  # 较2019年同期增长: the basis as written
        k = head.rfind(basis) if basis and basis != verb else first
        return Change(direction=_context_words()[verb], start=None, end=None, basis=basis,
                      text=self.text[m.start - len(head) + k:end])


def _looks_like_name(name: str, tokens: list[tuple[int, int, str]]) -> bool:
    """A proper name rather than a common noun phrase: a name in jieba's
    dictionary (nr, ns, nt, nz, j), Latin letters, a word the dictionary
    does not know (two single characters in a row), or a company ending."""
    if name in _org_set() or name.endswith(_entity_words("ending")):
        return True
    if name[1:] in _PERSON_AFTER_SURNAME and name[0] in _surnames():
        return True
    singles = 0
    for a, b, tag in tokens:
        if tag in _PROPER_TAGS:
            return True
        singles = singles + 1 if b - a == 1 else 0
        if singles >= 2:
            return True
    return False


def _basis_before(f: str, pos: int) -> bool:
    """Whether the time at ``pos`` is what a figure is compared with
    (较去年同期, 比上年末, 是去年同期的, 完成全年目标的): a basis, not the period."""
    return pos > 0 and (f[pos - 1] in "较比" or f.endswith(("相比", "是", "與", "与", "完成"), 0, pos))


def _from_start(f: str, x: NumberMention, s_start: int) -> int:
    """Where 從/由 opens a change before its first figure (從2016年的37%)."""
    head = f[max(s_start, x.start - 12):x.start]
    k = max(head.rfind("从"), head.rfind("由"))
    return x.start - len(head) + k if k >= 0 else x.start


def _untied(between: str) -> str:
    """The text between two figures without a period word that 的 ties to
    the second (上升至今年的: 上升至)."""
    if between.endswith("的"):
        for word in _role_words("period"):  # (longest first)
            if between.endswith(word, 0, len(between) - 1):
                return between[:len(between) - 1 - len(word)]
    return between


def _change_verb(between: str) -> Optional[str]:
    if between[:1] not in _patterns().between_openers:
        return None  # 、 between the items of a list: no verb, no match to try
    found = _patterns().between.fullmatch(between)
    return found.group("verb") if found else None


@attrs.frozen
class _Patterns:
    between: regex.Pattern[str]    # 增長到, between the two figures of a change
    between_most: int              # the longest text that ``between`` matches
    between_openers: frozenset[str]  # the characters that ``between`` can start with
    rate: regex.Pattern[str]       # 同比增長, just before a figure
    rate_closers: frozenset[str]   # the characters that ``rate`` can end with, before spaces
    rate_after: regex.Pattern[str]  # 的增长, just after a figure (15%的增长)
    period_at: regex.Pattern[str]  # where a period word (目前, 截至) starts


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    def alternation(*roles: str) -> str:
        chosen = sorted((w for r in roles for w in _role_words(r)), key=len, reverse=True)
        return "|".join(regex.escape(w) for w in chosen)

    verbs = alternation("up", "down")
    verb_words = [w for r in ("up", "down") for w in _role_words(r) if w]
    longest_verb = max((len(w) for r in ("up", "down") for w in _role_words(r)), default=0)
    return _Patterns(
        between=regex.compile(rf"(?:将|会|已|已经)?(?P<verb>{verbs})(?:了)?(?:到|至|为)?"),
        between_most=len("已经") + longest_verb + len("了") + len("到"),
        between_openers=frozenset("将会已") | {w[0] for w in verb_words},
        rate=regex.compile(rf"(?P<verb>{verbs})(?:了|到|至|为)?\s*$"),
        rate_closers=frozenset("了到至为") | {w[-1] for w in verb_words},
        rate_after=regex.compile(rf"的(?P<verb>{verbs})(?![到至为])"),
        period_at=regex.compile(alternation("period") or r"(?!)"),
    )


def _is_time(t: NumberMention) -> bool:
    if t.kind in ("year", "date"):
        return True
    if t.kind == "duration":
        return fold(t.unit or "") not in _AGE_UNITS
    return t.kind == "ordinal" and t.unit in _QUARTER_UNITS


def _noun_run(tokens: list[tuple[int, int, str]], links: frozenset[str] = _LINK_TAGS,
              heads: frozenset[str] = _NOUN_TAGS) -> Optional[tuple[int, int]]:
    """The span of the longest prefix of ``tokens`` (in reading order) that
    ends in a noun, links (申請, 和, 、) standing between nouns, at most two
    in a row; leading links are dropped. The run starts at the first token
    tagged one of ``heads``."""
    end = None
    in_a_row = 0
    for k, (_, _, tag) in enumerate(tokens):
        if tag in _NOUN_TAGS:
            end, in_a_row = k, 0
        elif tag in links and in_a_row < 2:
            in_a_row += 1
        else:
            break
    if end is None:
        return None
    start = 0
    while tokens[start][2] not in heads:
        start += 1
    return tokens[start][0], tokens[end][1]


def _reverse_run(tokens: list[tuple[int, int, str]],
                 links: frozenset[str] = _LINK_TAGS) -> Optional[tuple[int, int]]:
    """Like :func:`_noun_run`, for tokens read right to left from a figure."""
    run = _noun_run(tokens, links)
    if run is None:
        return None
    # _noun_run returned (start of the nearest noun, end of the farthest one).
    near = next(t for t in tokens if t[0] == run[0])
    k = next(k for k, t in enumerate(tokens) if t[1] == run[1])
    # 城镇居民 + 人均 + 可支配收入, 零售客户 + 总 + 资产余额: one prefix between
    # two nouns joins them (not a one-character noun: 2号线 + 日均 + 客流量)
    while k + 2 < len(tokens) and tokens[k + 1][2] == _PREFIX_TAG and tokens[k + 2][2] in _NOUN_TAGS \
            and tokens[k + 2][1] - tokens[k + 2][0] > 1:
        k = _run_after(tokens, k + 2, links)
    # 净 + 营业收入, 每股 + 税后 + 纯益, 海外 + 收入: a measure's prefixes and
    # places stay with it
    while k + 1 < len(tokens) and tokens[k + 1][2] in _MODIFIER_TAGS:
        k += 1
    # 毛利率、营业利润率和 + 净 + 利率: after a prefix, a joining conjunction
    # or 、 and a noun go on with the list, as they do after a noun
    while k + 2 < len(tokens) and tokens[k][2] in _MODIFIER_TAGS and tokens[k + 1][2] in _LIST_LINKS \
            and tokens[k + 2][2] in _NOUN_TAGS:
        k = _run_after(tokens, k + 2, links)
        while k + 1 < len(tokens) and tokens[k + 1][2] in _MODIFIER_TAGS:
            k += 1
    return tokens[k][0], near[1]


def _run_after(tokens: list[tuple[int, int, str]], j: int, links: frozenset[str]) -> int:
    """The index of the last token of the noun run that opens at ``j``."""
    more = _noun_run(tokens[j:], links)
    assert more is not None  # (it opens with a noun)
    return next(k for k in range(j, len(tokens)) if tokens[k][1] == more[1])


def _org_at(f: str, a: int, b: int) -> Optional[int]:
    for org in _lexicon().orgs_from.get(f[a:a + 1], ()):
        if f.startswith(org, a) and a + len(org) < b:
            return _extend_brand(f, a + len(org), b - 1)
    return None


def _extend_brand(f: str, end: int, limit: int) -> int:
    for word in _role_words("brand"):
        if f.startswith(word, end) and end + len(word) <= limit:
            return end + len(word)
    return end


@lru_cache(maxsize=1)
def _context_words() -> dict[str, str]:
    return {r[0]: r[1] for r in table("metric_context.tsv", 2)}


@lru_cache(maxsize=None)
def _role_words(role: str) -> tuple[str, ...]:
    """The context words of one role, longest first."""
    return tuple(sorted((w for w, r in _context_words().items() if r == role), key=len,
                        reverse=True))


@lru_cache(maxsize=None)
def _entity_words(role: str) -> tuple[str, ...]:
    """The words of ``lexicon/entity_words.tsv`` with one role, longest first."""
    return tuple(sorted((r[0] for r in table("entity_words.tsv", 2) if r[1] == role), key=len, reverse=True))


@lru_cache(maxsize=1)
def _front_owners() -> tuple[str, ...]:
    """Owner words dropped from the front of a subject (公司研发人员,
    该项目总投资); 行业解决方案 and 市场份额 keep theirs."""
    # (公司 is a company ending in entity_words.tsv, and an owner word here)
    return tuple(w for w in _entity_words("owner") + ("公司",) if w[0] in "该本我" or w in ("公司", "集团", "项目"))


@lru_cache(maxsize=None)
def _entity_set(role: str) -> frozenset[str]:
    return frozenset(_entity_words(role))


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    return frozenset(r[0] for r in table("surnames.tsv", 1) if len(r[0]) == 1)


@lru_cache(maxsize=1)
def _orgs() -> tuple[str, ...]:
    return tuple(sorted((r[0] for r in table("orgs.tsv", 1)), key=len, reverse=True))


@lru_cache(maxsize=1)
def _extra_words() -> dict[str, str]:
    return {r[0]: r[1] for r in table("words.tsv", 3)}


@lru_cache(maxsize=1)
def _org_pattern() -> regex.Pattern[str]:
    """Where an organisation's name starts (one match per start)."""
    return regex.compile("|".join(regex.escape(org) for org in _orgs()) or r"(?!)")


@lru_cache(maxsize=1)
def _org_set() -> frozenset[str]:
    return frozenset(_orgs())


@once
def _known_words() -> frozenset[str]:
    """Every word the look-ups know, but the caller's aliases: jieba's short
    words, organisations and our extra words."""
    return frozenset(word_tags()) | _org_set() | frozenset(_extra_words()) | _entity_set("ending") \
        | frozenset(_context_words())


@attrs.frozen
class _Lexicon:
    """The word tables of this module, read once, in the shapes the look-ups need."""

    roles: dict[str, str]                        # metric_context.tsv: word → role
    scope: frozenset[str]
    endings: frozenset[str]                      # entity_words.tsv, by role
    owners: frozenset[str]
    sources: frozenset[str]
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
def _name_openers() -> frozenset[str]:
    """The first two characters of the place, person and organisation names
    that open with a function character (以色列, 由...): only there may a
    clause that opens with one open with a name."""
    return frozenset(w[:2] for w, tag in word_tags().items()
                     if len(w) > 1 and w[0] in _NOT_NAME_START and tag in _PLACE_PERSON_ORG)


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    periods = _role_words("period")
    return _Lexicon(
        roles=_context_words(), scope=frozenset(_role_words("scope")), endings=_entity_set("ending"),
        owners=_entity_set("owner"), sources=_entity_set("source"), stops=_entity_set("stop"),
        periods=frozenset(periods), periods_from=_by_first(periods), periods_to=_by_last(periods),
        when_from=_by_first(_role_words("when")), openers_to=_by_last(_PERIOD_OPENERS + periods),
        closers_from=_by_first(_PERIOD_CLOSERS + periods),
        front_from=_by_first(_role_words("scope") + _front_owners()), orgs_from=_by_first(_orgs()))


def _by_first(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """``words`` by their first character, in their order."""
    found: dict[str, list[str]] = {}
    for w in words:
        found.setdefault(w[0], []).append(w)
    return {c: tuple(ws) for c, ws in found.items()}


def _by_last(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """``words`` by their last character, in their order."""
    found: dict[str, list[str]] = {}
    for w in words:
        found.setdefault(w[-1], []).append(w)
    return {c: tuple(ws) for c, ws in found.items()}


@lru_cache(maxsize=32)
def _tag_memo(extra: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """An empty memo of word tags for one set of caller's categories."""
    return {}


@lru_cache(maxsize=32)
def _longest_by_edge(extra: tuple[tuple[str, str], ...]) -> tuple[dict[str, int], dict[str, int]]:
    """For each character, the length of the longest known word or alias (up
    to ``_LONGEST``) that starts with it, and that ends with it."""
    first, last = dict(_known_edges()[0]), dict(_known_edges()[1])
    _widen_edges(first, last, _aliases(extra))
    return first, last


@once
def _known_edges() -> tuple[dict[str, int], dict[str, int]]:
    first: dict[str, int] = {}
    last: dict[str, int] = {}
    _widen_edges(first, last, _known_words())
    return first, last


def _widen_edges(first: dict[str, int], last: dict[str, int], words: Iterable[str]) -> None:
    for w in words:
        n = min(len(w), _LONGEST)
        if n > first.get(w[0], 0):
            first[w[0]] = n
        if n > last.get(w[-1], 0):
            last[w[-1]] = n


@lru_cache(maxsize=32)
def _alias_order(extra: tuple[tuple[str, str], ...]) -> tuple[tuple[int, ...], dict[str, int]]:
    """The lengths of the aliases, longest first, and each alias's row."""
    aliases = _aliases(extra)
    return tuple(sorted({len(a) for a in aliases}, reverse=True)), {a: n for n, a in enumerate(aliases)}


@lru_cache(maxsize=32)
def _aliases(extra: tuple[tuple[str, str], ...]) -> dict[str, str]:
    aliases = {r[1].lower(): r[0] for r in table("metrics.tsv", 2)}
    for alias, category in extra:
        if not isinstance(alias, str) or not isinstance(category, str):
            raise TypeError("categories maps alias strings to category strings")
        aliases[fold(alias).lower()] = category
    return aliases
