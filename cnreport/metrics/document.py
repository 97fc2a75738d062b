"""One text as the metric stages read it: sentences, clauses, words and figures.

A :class:`Document` is built once per text. Its memos cache pure functions
of the text (the word at a position, the clauses of a sentence), so the
stages that read it hand each other values, never state.

Words are looked up in jieba's dictionary (word and part-of-speech tag) by
longest match, a few words on each side of each figure: the text is never
tokenised whole, which keeps this pass as fast as the number finder.
"""
from __future__ import annotations

import bisect
import datetime
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Optional

import regex

from ..model import NumberMention
from ..normalize import fold
from ..words import word_tags
from . import vocab
from .dateline import document_date

__all__ = ["METRIC_KINDS", "Document", "Token", "basis_before", "is_time"]

Token = tuple[int, int, str]  # (start, end, part-of-speech tag)
Name = tuple[int, int, str]  # (start, end, the name as written)

METRIC_KINDS = frozenset({"cardinal", "money", "percent", "fraction", "multiple"})
NOUN_TAGS = frozenset({"n", "nr", "ns", "nt", "nz", "nl", "ng", "vn", "eng", "j", "an", "nrt", "nrfg"})
PREFIX_TAG = "pre"  # the tag of a measure's prefix (净, 总, 每股, 平均每日)
# (re, not regex, for the sentence and clause splits: they scan whole texts,
# and re scans a character class about twice as fast)
_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]*")  # (；joins the clauses of one sentence)
# the tags of words no rate is of (的率, 3率): punctuation, figures, particles, prepositions, conjunctions
_NOT_RATED = frozenset(("x", "m", "uj", "ul", "p", "c", "r"))
CLAUSE_STOPS = frozenset("，,：:；;（）()“”\"《》【】[]…—")
# (a full-width space between two words parts a headline: 新品上线　某公司营收…)
_LEAD_STOP = re.compile(r"[，,：:；;。！？!?\n]|(?<=\S)\u3000(?=\S)")
_LATIN = regex.compile(r"[A-Za-z][A-Za-z0-9&+._-]*|[0-9]+")


def is_time(t: NumberMention) -> bool:
    """Whether a mention states a time: a year, a date, a duration (not an
    age) or a quarter."""
    if t.kind in ("year", "date"):
        return True
    if t.kind == "duration":
        return fold(t.unit or "") not in vocab.grammar().set("age_unit")
    return t.kind == "ordinal" and t.unit in vocab.grammar().set("quarter_unit")


def quarters() -> tuple[str, ...]:
    """The words that make an ordinal a quarter after it (第三季, 第二财季),
    longest first."""
    return vocab.grammar().longest("quarter_word")


def basis_before(f: str, pos: int) -> bool:
    """Whether the time at ``pos`` is what a figure is compared with
    (较去年同期, 比上年末, 是去年同期的, 完成全年目标的): a basis, not the period."""
    g = vocab.grammar()
    return pos > 0 and (f[pos - 1] in g.set("basis_mark") or f.endswith(g.words("basis_word"), 0, pos))


_ALONE_BEFORE_FIGURE = {"为": "v", "在": "p"}  # read alone right before a figure

class Document:
    """The look-ups over one text: sentences, clauses, words, figures, lexicons."""

    def __init__(self, text: str, folded: str, numbers: Sequence[NumberMention],
                 categories: Optional[Mapping[str, str]], date: Optional[datetime.date] = None) -> None:
        self.text, self.folded, self.numbers = text, folded, numbers
        # the date of writing: the caller's, else the dateline's (and where it ends)
        dated = document_date(text, folded, numbers)
        self.date = date if date is not None else (dated[0] if dated else None)
        self.dateline_end = dated[1] if dated else 0
        self.sentences = [(m.start(), m.end()) for m in _SENTENCE.finditer(text)]
        self.sentence_starts = [s for s, _ in self.sentences]
        self.starts = [m.start for m in numbers]
        self.mention_at = {m.start: m for m in numbers}
        self.mention_end = {m.end: m for m in numbers}
        extra = vocab.extra_categories(categories)
        self.aliases = vocab.aliases(extra)
        self._tag_of = vocab.tag_memo(extra)  # word → tag, shared by texts with the same categories
        self.tags = word_tags()
        self.known = vocab.known_words()
        self._weak = vocab.weak_words()
        self.lex = vocab.lexicon()
        # the longest word that can start (end) with a character: most
        # characters begin no word longer than two, so fewer look-ups
        self.longest_from, self.longest_to = vocab.longest_by_edge(extra)
        self.alias_lengths, self.alias_order = vocab.alias_order(extra)
        self._sentence_texts: dict[int, str] = {}
        self._clauses: dict[int, list[int]] = {}
        self._words_at: dict[int, Token] = {}
        self._period_words: dict[int, list[tuple[int, int]]] = {}
        self._org_spans: dict[int, list[tuple[int, int]]] = {}
        self.memo: dict[tuple[object, ...], object] = {}  # the stages' own memos, by key
        # function characters read alone with their tag, so that 增速將 is 增速 + 將, not 速將
        self._alone = vocab.grammar().values("read_alone")
        self._determiners = vocab.grammar().set("determiner")
        self._measure_words = vocab.measure_words()
        self._rate_ends = vocab.grammar().set("rate_end")
        self._not_rates = vocab.grammar().set("not_rate")
        # names this text's reader knows beyond the dictionary: the caller's
        # entities and the short names the text declares, read as one word
        self._names_from: dict[str, tuple[str, ...]] = {}
        self._names_to: dict[str, tuple[str, ...]] = {}
        # time mentions, by index: dates, years, durations, quarters (一季度,
        # 第三季, 第二财季); not a founding year or a comparison's base
        self.times = [j for j, t in enumerate(numbers)
                      if (is_time(t) or (t.kind == "ordinal" and folded.startswith(quarters(), t.end)))
                      and not basis_before(folded, t.start)
                      and not folded.endswith(vocab.grammar().words("founded"), max(0, t.start - 4), t.start)]

    def know(self, names: Iterable[str]) -> None:
        """Read ``names`` (folded) as one word each from now on."""
        words = sorted({n for n in names if len(n) > 1}, key=len, reverse=True)
        self._names_from = vocab.by_first(words)
        self._names_to = vocab.by_last(words)
        self._words_at.clear()
        self.memo.clear()

    # -- sentences and clauses

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

    def clause_starts(self, s_start: int) -> list[int]:
        """Where the clauses of the sentence at ``s_start`` begin."""
        found = self._clauses.get(s_start)
        if found is None:
            s_end = self.sentence(s_start)[1]
            # (not the comma of a figure's thousands: 37,684.5亿元 is one clause)
            found = [s_start] + [m.end() for m in _LEAD_STOP.finditer(self.folded, s_start, s_end)
                                 if not self._inside_figure(m.start())]
            self._clauses[s_start] = found
        return found

    def _inside_figure(self, pos: int) -> bool:
        k = bisect.bisect_right(self.starts, pos) - 1
        return k >= 0 and self.starts[k] < pos < self.numbers[k].end

    def has_verb(self, a: int, b: int) -> bool:
        """Whether the words from ``a`` to ``b`` hold a verb."""
        while a < b:
            tok = self.forward(a, b)
            if tok is None:
                return False
            if tok[2] == "v":
                return True
            a = tok[1]
        return False

    def clause_at(self, pos: int, s_start: int) -> int:
        """Where the clause around ``pos`` begins."""
        starts = self.clause_starts(s_start)
        return starts[bisect.bisect_right(starts, pos) - 1]

    # -- words

    def tag(self, word: str) -> str:
        tag = self._tag_of.get(word)
        if tag is None:
            tag = self._tag_of[word] = self._tag_uncached(word)
        return tag

    def _tag_uncached(self, word: str) -> str:
        if word in self.aliases:
            return "n"
        if word in vocab.org_set():
            return "nt"
        extra = vocab.extra_words().get(word)
        if extra is not None:
            return extra
        if word in self.lex.endings:
            return self.tags.get(word, "n")  # 金控, 锂业
        role = self.lex.roles.get(word)
        if role in ("scope", "market"):
            return "n"
        if role == "prefix":
            return PREFIX_TAG
        if role == "goods":
            return "n"  # (甲醇 is nz, 冰淇淋 nr to the dictionary: no one's name)
        if role is not None and role != "brand":
            return "d"
        alone = self._alone.get(word)
        if alone is not None:
            return alone
        tag = self.tags.get(word, "x")
        if tag == "l" and self._nominal(word):
            return "n"  # 固定资产, 第一产业: a set phrase that is a noun (not 事实上, 接下来)
        # Only the joining conjunctions may stand inside a subject.
        return "cc" if tag == "c" and word not in vocab.grammar().set("conjunction") else tag

    def _nominal(self, phrase: str) -> bool:
        """Whether a set phrase ends in a noun of two characters the
        dictionary knows after a word it knows (固定 + 资产, 发达 + 国家)."""
        head, rest = phrase[-2:], phrase[:-2]
        return len(rest) >= 1 and self.tags.get(head) in ("n", "vn") and rest in self.tags

    def forward(self, i: int, limit: int) -> Optional[Token]:
        """The word at ``i``, read forwards (longest known word first)."""
        if i >= limit:
            return None
        f = self.folded
        c = f[i]
        if c in CLAUSE_STOPS or c.isspace():
            return None
        free = False  # the limit cuts no word short: the word can be remembered
        if c.isascii():
            m = _LATIN.match(f, i, limit)
            if m:
                return i, m.end(), "m" if m.group().isdigit() else "eng"
        elif limit - i > vocab.LONGEST:
            free = True
            tok = self._words_at.get(i)
            if tok is not None:
                return tok
        tag = self._alone.get(c)
        if tag is not None and c != "的":
            return i, i + 1, tag
        name = next((n for n in self._names_from.get(c, ()) if f.startswith(n, i, limit)), None)
        if name is not None:
            return i, i + len(name), "nt"
        known, aliases = self.known, self.aliases
        w = c
        for k in range(min(self.longest_from.get(c, 1), limit - i), 1, -1):
            if f[i:i + k] in known or f[i:i + k] in aliases:
                w = f[i:i + k]
                break
        tag = self._tag_of.get(w)
        tok = i, i + len(w), tag if tag is not None else self.tag(w)
        k = i + len(w)
        if k < limit and f[k] in self._rate_ends and tok[2] not in _NOT_RATED \
                and f[k:k + 2] not in self._not_rates:
            tok = i, k + 1, "n"  # 留存率 (as read backwards), not 留存 + 率为
        if free:
            self._words_at[i] = tok
        return tok

    def tokens(self, a: int, b: int) -> list[Token]:
        """The words from ``a`` to ``b``, read forward."""
        found: list[Token] = []
        while a < b:
            tok = self.forward(a, b)
            if tok is None:
                break
            found.append(tok)
            a = tok[1]
        return found

    def backward(self, j: int, limit: int) -> Optional[Token]:
        """The word that ends at ``j``, read backwards (longest known word first)."""
        if j <= limit:
            return None
        f = self.folded
        c = f[j - 1]
        if c in CLAUSE_STOPS or c.isspace():
            return None
        if c.isascii() and c.isalnum():
            k0 = j - 1
            while k0 > limit and (f[k0 - 1].isascii() and f[k0 - 1].isalnum()):
                k0 -= 1
            return k0, j, "m" if f[k0:j].isdigit() else "eng"
        tag = self._alone.get(c)
        if tag is not None:
            return j - 1, j, tag
        if c in _ALONE_BEFORE_FIGURE and j in self.mention_at and j - 2 >= limit and f[j - 2:j] not in self.lex.roles:
            # 研发费用为8.6亿元, 规划在1200亿元: the copula or the preposition, not
            # the 用为 or 划在 of the dictionary (but 约为, 现在)
            return j - 1, j, _ALONE_BEFORE_FIGURE[c]
        if c == "比" and (self.period_word_at(j, len(f)) or j in self.mention_at):
            return j - 1, j, "p"  # 增速比上月加快: the comparison, not 速比
        name = next((n for n in self._names_to.get(c, ()) if j - len(n) >= limit and f.startswith(n, j - len(n))),
                    None)
        if name is not None:
            return j - len(name), j, "nt"
        known, aliases = self.known, self.aliases
        w = c
        for k in range(min(self.longest_to.get(c, 1), j - limit), 1, -1):
            if f[j - k:j] in known or f[j - k:j] in aliases:
                w = f[j - k:j]
                break
        ending = self._weak.get(w)
        if ending is not None and j - len(w) > limit and f[j - len(w) - 1:j - ending] in known:
            w = f[j - ending:j]  # 亮度提高: 亮度 + 提高, not 亮 + 度提高
        if w[-1:] in self._rate_ends and j - len(w) > limit:
            if len(w) == 1:
                # 留存率, 退货率: the rate of what the word before says, a noun
                # whatever that word is (the dictionary has 率 as a verb)
                before = self.backward(j - 1, limit)
                if before is not None and before[2] not in _NOT_RATED:
                    return before[0], j, "n"
            elif f[j - len(w) - 1:j - 1] in known:
                return j - len(w) - 1, j, "n"  # 装载 + 率, 续费 + 率: not 装 + 载率
            return j - len(w), j, "n"  # (上座率, which the dictionary tags otherwise)
        tag = self._tag_of.get(w)
        if tag is None:
            tag = self.tag(w)
        if tag == "v" and j - len(w) > limit and self._counted(j - len(w), limit):
            tag = "n"  # 那根吸管是3元, 每杯奶茶: what a determiner and a measure word count is a thing
        return j - len(w), j, tag

    def _counted(self, i: int, limit: int) -> bool:
        """Whether the word ending at ``i`` is a determiner with its measure
        word (这根, 该款, 每杯), after which the dictionary's verbs are nouns."""
        before = self.backward(i, limit)
        if before is None or before[1] - before[0] != 2:
            return False
        w = self.folded[before[0]:before[1]]
        return w[0] in self._determiners and before[2] in ("mq", "r", "q") and w[1] in self._measure_words

    def word(self, tok: Token) -> str:
        """The folded text of a token."""
        return self.folded[tok[0]:tok[1]]

    # -- period words and organisations

    def period_word_at(self, k: int, end: int, when: bool = False) -> int:
        """The length of the period word at ``k`` (ending by ``end``), or 0;
        with ``when``, of a time word that names no period too (后来)."""
        ch = self.folded[k:k + 1]
        words = self.lex.periods_from.get(ch, ())
        if when:
            words += self.lex.when_from.get(ch, ())
        return next((len(w) for w in words if self.folded.startswith(w, k, end)), 0)

    def period_word(self, s_start: int, pos: int) -> Optional[tuple[int, int]]:
        """The period word (目前, 截至) that ends last before ``pos`` in the
        sentence at ``s_start``, the longest where several end there."""
        found = self._period_words.get(s_start)
        if found is None:
            found = self._period_words[s_start] = self._sentence_period_words(s_start)
        j = bisect.bisect_left(found, (pos + 1, 0)) - 1
        if j < 0:
            return None
        end, length = found[j]
        return end - length, end

    def _sentence_period_words(self, s_start: int) -> list[tuple[int, int]]:
        f = self.folded
        s_end = self.sentence(s_start)[1]
        by_first = self.lex.periods_from
        starts = (m.start() for m in _period_at().finditer(f, s_start, s_end, overlapped=True))
        words = [(k, k + len(w)) for k in starts for w in by_first[f[k]]
                 if f.startswith(w, k, s_end) and not self.in_mention(k)]
        # 较去年同期: the basis, and the 同期 that goes on from it too
        basis_ends: set[int] = set()
        basis_reach = -1  # (较上年末: 年末 inside 上年末 is the basis's too)
        found = []
        for a, b in sorted(words):
            time = self.mention_end.get(a)  # (较2019年同期: the year is the basis's, and so is 同期)
            if basis_before(f, a) or a in basis_ends or a < basis_reach \
                    or (time is not None and basis_before(f, time.start)):
                basis_ends.add(b)
                basis_reach = max(basis_reach, b)
            else:
                found.append((b, b - a))
        found.sort()
        return found

    def in_mention(self, k: int) -> bool:
        """Whether ``k`` is inside a figure, past its start (the 年内 of 半年内)."""
        j = bisect.bisect_right(self.starts, k) - 1
        return j >= 0 and self.numbers[j].start < k < self.numbers[j].end

    def orgs_in(self, s_start: int) -> list[tuple[int, int]]:
        """Spans of the organisations named in the sentence at ``s_start``,
        last first; at one start, the longest first (the order of orgs.tsv)."""
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


@lru_cache(maxsize=1)
def _period_at() -> regex.Pattern[str]:
    """Where a period word (目前, 截至) starts."""
    return regex.compile("|".join(regex.escape(w) for w in vocab.role_words("period")) or r"(?!)")


@lru_cache(maxsize=1)
def _org_pattern() -> regex.Pattern[str]:
    """Where an organisation's name starts (one match per start)."""
    return regex.compile("|".join(regex.escape(o) for o in vocab.orgs()) or r"(?!)")
