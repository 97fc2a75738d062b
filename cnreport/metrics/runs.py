"""The noun runs around a figure: the nouns before it, past the verbs and
adverbs in between (``服務器總量已經超過100萬臺`` → 服務器總量), the nouns
after it that it counts (``19家合作伙伴`` → 合作伙伴), the nouns that open a
clause, and whether a run is a name.
"""
from __future__ import annotations

from typing import Optional

from ..lexicon import loaders
from ..model import NumberMention
from . import vocab
from .document import CLAUSE_STOPS, METRIC_KINDS, NOUN_TAGS, PREFIX_TAG, Document, Token
from .fronts import split_front

__all__ = ["Span", "is_name", "left", "opening_nouns", "per_unit_before", "right"]


Span = tuple[int, int]
_TIME_KINDS = frozenset({"year", "date", "duration"})
# May stand inside a subject between nouns (申請 in 專利申請數量, 和 in 應用和系統).
_LINK_TAGS = frozenset({"v", "a", "b", "c", "x", "q", "f"})
# Stand between a subject and its figure (已經, 為, 達到了, 的).
_GAP_TAGS = frozenset({"v", "d", "p", "ul", "uj", "uz", "ug", "uv", "ude", "u", "r", "m", "q",
                       "f", "c", "t"})
_MAX_GAP = 6
# End the noun a count counts: 的, an adverb, a verb, a preposition.
_COUNTED_ENDS = frozenset({"uj", "d", "v", "p"})
_LONGEST_PER_UNIT = 3  # (每平方米)
_MAX_RUN = 8
_MAX_HOPS = 3  # figures in a row that _right looks past for the noun they count
_OPENING_QUOTES = frozenset("“「『\"'‘")
# Stand before a measure and narrow it: prefixes, and place words (海外, 国内).
_MODIFIER_TAGS = frozenset({PREFIX_TAG, "s"})
_LIST_LINKS = frozenset({"c", "x"})  # the joining conjunctions (和, 及, 与) and 、
_OPENING_MODIFIERS = frozenset({PREFIX_TAG, "b", "a"})


def right(doc: Document, pos: int, limit: int, hops: int = 0, counted: bool = False) -> Optional[Span]:
    """The noun run after ``pos``; ``counted`` when a count's measure word
    ends just before it (31个生产基地: what is counted follows)."""
    f = doc.folded
    # (a space between the figure and its noun, as some texts print them; a
    # full-width one parts a headline: 流水破3亿　某公司…)
    spaced = pos < limit and f[pos] == " "
    if spaced:
        pos += 1
    described = _described(doc, pos, limit) if counted else None
    if described is not None:
        return described  # 15家表现较差的分店: what is counted follows the description
    after_de = pos < limit and f[pos] == "的"
    if after_de:
        pos += 1
    elif counted and pos < limit and f[pos] in _OPENING_QUOTES:
        pos += 1  # 三個“演化”: what is counted, in quotes
    tokens: list[Token] = []
    while len(tokens) < _MAX_RUN:
        nxt = doc.mention_at.get(pos)
        if nxt is not None:
            # 13類231個接口: the first figure counts what the second does
            # (a few figures deep: a long run of them is a list).
            if not tokens and nxt.kind in METRIC_KINDS and nxt.unit and hops < _MAX_HOPS:
                return right(doc, nxt.end, limit, hops + 1, nxt.kind == "cardinal")
            break
        tok = doc.forward(pos, limit)
        if tok is None:
            break
        if tok[2] == "ul" and tokens:
            # 電影貢獻了: a word before 了 is the verb, not the subject.
            tokens.pop()
            break
        tok = _named_after(doc, tok, tokens, limit, after_de, counted)
        if tok is None:
            return None
        if not tokens and tok[2] == "v" and not after_de and not counted:
            return None  # 24480元居全国…: a verb after the figure names nothing it counts
        if not tokens and tok[2] == "c" and not after_de:
            return None  # 营收增长5%及利润…: a conjunction opens the next item, not the figure's noun
        tokens.append(tok)
        pos = tok[1]
    if spaced and _opens_statement(doc, tokens):
        return None  # 净利润增长9.6% 不良率降至1.02%: a headline's next part
    if counted:
        tokens = _counted_noun(tokens)
    # read forwards, a prefix before the noun stays (受访 + 企业)
    return _noun_run(_before_clause_verb(doc, tokens), _LINK_TAGS | {"uj", PREFIX_TAG}, NOUN_TAGS | {PREFIX_TAG})


def _counted_noun(tokens: list[Token]) -> list[Token]:
    """The tokens of what a count counts: up to its noun's 的, adverb or
    verb (30多个城市 + 的路灯工程, 31个省、直辖市 + 主要经营…), which go on
    about the things counted."""
    seen_noun = False
    for k, tok in enumerate(tokens):
        if tok[2] in NOUN_TAGS:
            seen_noun = True
        elif seen_noun and tok[2] in _COUNTED_ENDS:
            return tokens[:k]
    return tokens


def _described(doc: Document, pos: int, limit: int) -> Optional[Span]:
    """The noun after a description of degree and 的 that follows a count
    (表现较差的 + 分店, 规模最大的 + 银行), if one does."""
    f = doc.folded
    de = f.find("的", pos, min(limit, pos + _LONGEST_DESCRIPTION))
    if de < 0 or any(c in CLAUSE_STOPS or c in "。；;\n" for c in f[pos:de]) \
            or any(k in doc.mention_at for k in range(pos, de)) \
            or not any(w in f[pos:de] for w in vocab.grammar().words("degree")):
        return None
    return right(doc, de + 1, limit, counted=True)


def _opens_statement(doc: Document, tokens: list[Token]) -> bool:
    """Whether nouns and then a verb of change or of a level follow: a
    statement of its own (不良率 + 降至…), not the noun a figure counts."""
    seen_noun = False
    for tok in tokens:
        if tok[2] in NOUN_TAGS:
            seen_noun = True
        elif seen_noun and doc.lex.roles.get(doc.word(tok)) in _STATEMENT_ROLES:
            return True
    return False


def _before_clause_verb(doc: Document, tokens: list[Token]) -> list[Token]:
    """The tokens up to the first verb after a noun that opens a clause of
    its own (53条主次干道 + 智能化改造…, 500万名妇女和儿童 + 提供…): a verb
    stays inside the run only before a word for a measure (专利申请数量)."""
    seen_noun = False
    for k, tok in enumerate(tokens):
        if tok[2] in NOUN_TAGS:
            seen_noun = True
        elif tok[2] == "v" and seen_noun:
            after = tokens[k + 1] if k + 1 < len(tokens) else None
            if after is None or not _measure_word(doc, after):
                return tokens[:k]
    return tokens


def _measure_word(doc: Document, tok: Token) -> bool:
    w = doc.word(tok)
    # (a word that narrows a measure is none: 流水 + 来自 + 海外市场 ends at the verb)
    return w in doc.aliases or w[-1:] in vocab.grammar().set("measure_last") \
        or vocab.context_words().get(w) not in (None, "prefix", "goods")


def _named_after(doc: Document, tok: Token, tokens: list[Token], limit: int, after_de: bool,
                 counted: bool) -> Optional[Token]:
    """The first word after a figure, as a noun where the figure names it
    (10%的投入, 3個演化, 31个生产基地); None where a change follows 的."""
    if tokens:
        return tok
    roles = doc.lex.roles
    if after_de and tok[1] - tok[0] > 1:
        if roles.get(doc.word(tok)) in ("up", "down"):
            return None  # 营收实现了15%的增长: a change of what stands before
        if tok[2] == "v":
            return tok[0], tok[1], "vn"  # 10%的投入: after 的, a verb is named
    if counted and tok[2] == "v" and tok[1] - tok[0] > 1:
        after = doc.forward(tok[1], limit)
        if after is not None and after[2] == "ns":
            return None  # 26间位于新加坡: where the things counted are, not what they are
        return tok[0], tok[1], "vn"  # 3個演化: after a measure word, a verb is named
    if counted and roles.get(doc.word(tok)) == "verb":
        after = doc.forward(tok[1], limit)
        if after is not None and after[2] in NOUN_TAGS:
            return tok[0], tok[1], "vn"  # 31个生产基地: the verb names a kind of the noun
    return tok


def left(doc: Document, pos: int, limit: int, links: frozenset[str] = _LINK_TAGS) -> Optional[Span]:
    """The noun run before ``pos``, past the verbs, adverbs and times that
    stand between it and the figure."""
    pos = _past_gap(doc, pos, limit)
    tokens: list[Token] = []
    while len(tokens) < _MAX_RUN:
        if pos in doc.mention_end:
            break
        tok = doc.backward(pos, limit)
        word = doc.folded[tok[0]:tok[1]] if tok is not None else ""
        if tok is None or (tok[2] == "uj") or (tokens and (word in doc.lex.announces or word in _object_verbs())) \
                or (not tokens and tok[2] == "v" and word in doc.lex.sources):  # (法人估 + 今年可达…: who estimates)
            # (董事会建议派发 + 末期股息, 规模效应使 + 单位成本: who declares
            # or causes it is not what is measured)
            break
        if tokens and tok[2] == "d" and _noun_verb(doc, doc.folded[tok[0]:tok[1]]):
            tok = tok[0], tok[1], "v"  # 合约 + 销售 + 面积: inside a noun run, a verb that names an action links
        tokens.append(tok)
        pos = tok[0]
    run = _reverse_run(tokens, links)
    if run is not None and run[0] - 1 >= limit and doc.folded[run[0] - 1] in vocab.grammar().set("size_adjective") \
            and (run[0] - 1 in doc.mention_end or run[0] - 1 == limit):
        run = run[0] - 1, run[1]  # 10月 + 大 + 尺寸面板出货量: the adjective opens the noun
    return run


def _object_verbs() -> frozenset[str]:
    return vocab.grammar().set("object_verb")


def _noun_verb(doc: Document, word: str) -> bool:
    """Whether a verb the reader passes over between a subject and its
    figure (销售, 投资, 生产) is one the dictionary also reads as a noun."""
    return doc.lex.roles.get(word) == "verb" and doc.tags.get(word) == "vn"


def _past_gap(doc: Document, pos: int, limit: int) -> int:
    """Back from ``pos`` past what stands between a subject and its figure."""
    while pos > limit and doc.folded[pos - 1] in " \u3000":
        pos -= 1  # 月薪 16 萬: spaces set off Arabic figures in many texts
    pos = _past_per_unit(doc, pos, limit)
    gap = 0
    while gap < _MAX_GAP:
        before = doc.mention_end.get(pos)
        if before is not None and before.kind in _TIME_KINDS | {"ordinal"}:
            pos, gap = before.start, gap + 1
            continue
        tok = doc.backward(pos, limit)
        inside = _time_inside(doc, tok) if tok is not None and tok[2] in _GAP_TAGS else None
        if inside is not None:
            pos, gap = inside.start, gap + 1  # 于2004-2005年间: the dictionary's 年间 reaches into the years
            continue
        if tok is not None and tok[2] not in _GAP_TAGS \
                and doc.folded[tok[1] - 1] in vocab.grammar().set("time_clause_end") \
                and doc.folded.startswith("的", tok[1]):
            # 由高峰时的1.3万家: a time clause, passed over to its start
            while tok is not None and tok[2] not in _GAP_TAGS:
                pos = tok[0]
                tok = doc.backward(pos, limit)
            gap += 1
            continue
        note = _note_before(doc.folded, pos, limit)
        if note is not None:
            pos, gap = note, gap + 1  # 年度经常性收入（ARR）达到…: the measure's note
            continue
        if tok is not None and tok[2] not in _GAP_TAGS and _all_period(doc, tok):
            pos, gap = tok[0], gap + 1  # 从 + 去年同期 + 的21.5%: a period the dictionary calls a noun
            continue
        if tok is not None and tok[2] in ("n", "vn") and doc.folded[pos:pos + 1] == "在" and pos + 1 in doc.mention_at:
            adverb = doc.backward(tok[0], limit)
            if adverb is not None and adverb[2] == "d":
                # 资本支出 + 初步规划在 + 1200亿元: after an adverb and before 在,
                # a word the dictionary calls a noun is the verb
                pos, gap = tok[0], gap + 1
                continue
        if tok is None or (tok[2] not in _GAP_TAGS and tok[2] != PREFIX_TAG) \
                or (tok[2] == "v" and doc.word(tok) in doc.lex.sources):
            break  # (a prefix here belongs to the verb or the figure: 净减少, 每股12元)
        pos, gap = tok[0], gap + 1
    return pos


def _all_period(doc: Document, tok: Token) -> bool:
    """Whether a word is period words only (去年 + 同期)."""
    k = tok[0]
    while k < tok[1]:
        length = doc.period_word_at(k, tok[1])
        if not length:
            return False
        k += length
    return True


def _time_inside(doc: Document, tok: Token) -> Optional[NumberMention]:
    """A time figure that ends inside word ``tok``, if one does."""
    for k in range(tok[0] + 1, tok[1]):
        found = doc.mention_end.get(k)
        if found is not None and found.kind in _TIME_KINDS:
            return found
    return None


def _note_before(f: str, pos: int, limit: int) -> Optional[int]:
    """Where a short bracketed note that ends at ``pos`` opens (（ARR）,
    (GMV)), if one does: letters or words, no figure."""
    if pos - 1 <= limit or f[pos - 1] not in ")）":
        return None
    a = max(f.rfind("(", limit, pos - 1), f.rfind("（", limit, pos - 1))
    if a < 0 or pos - a > _LONGEST_NOTE or any(ch.isdigit() or ch in "(（" for ch in f[a + 1:pos - 1]):
        return None
    return a if a > limit else None


_LONGEST_NOTE = 14
_STATEMENT_ROLES = frozenset({"up", "down", "link", "verb"})
_LONGEST_DESCRIPTION = 8


def _past_per_unit(doc: Document, pos: int, limit: int) -> int:
    """Back past 每 and a unit just before a figure (平均售价为每吨612元)."""
    found = per_unit_before(doc, pos, limit)
    return found[0] if found is not None else pos


def per_unit_before(doc: Document, pos: int, limit: int) -> Optional[Span]:
    """每 and a unit just before ``pos`` (每吨, 每股), or a count of units
    (每10股), if they stand there."""
    f = doc.folded
    per = vocab.grammar().set("per_mark")
    counted = doc.mention_end.get(pos)
    if counted is not None and counted.kind == "cardinal" and counted.start - 1 >= limit \
            and f[counted.start - 1] in per:
        return counted.start - 1, pos  # 末期股息每10股人民币2.65元
    for k in range(_LONGEST_PER_UNIT, 0, -1):
        a = pos - k
        if a - 1 >= limit and f[a - 1] in per and f[a:pos] in loaders.units():
            return a - 1, pos
    return None


def _noun_run(tokens: list[Token], links: frozenset[str] = _LINK_TAGS,
              heads: frozenset[str] = NOUN_TAGS) -> Optional[Span]:
    """The span of the longest prefix of ``tokens`` (in reading order) that
    ends in a noun, links (申請, 和, 、) standing between nouns, at most two
    in a row; leading links are dropped. The run starts at the first token
    tagged one of ``heads``."""
    end = None
    in_a_row = 0
    for k, (_, _, tag) in enumerate(tokens):
        if tag in NOUN_TAGS:
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


def _reverse_run(tokens: list[Token], links: frozenset[str] = _LINK_TAGS) -> Optional[Span]:
    """Like :func:`_noun_run`, for tokens read right to left from a figure."""
    run = _noun_run(tokens, links)
    if run is None:
        return None
    # _noun_run returned (start of the nearest noun, end of the farthest one).
    near = next(t for t in tokens if t[0] == run[0])
    k = next(k for k, t in enumerate(tokens) if t[1] == run[1])
    # 城镇居民 + 人均 + 可支配收入, 零售客户 + 总 + 资产余额: one prefix between
    # two nouns joins them (not a one-character noun: 2号线 + 日均 + 客流量)
    while k + 2 < len(tokens) and tokens[k + 1][2] == PREFIX_TAG and tokens[k + 2][2] in NOUN_TAGS \
            and tokens[k + 2][1] - tokens[k + 2][0] > 1:
        k = _run_after(tokens, k + 2, links)
    # 净 + 营业收入, 每股 + 税后 + 纯益, 海外 + 收入: a measure's prefixes and
    # places stay with it
    while k + 1 < len(tokens) and tokens[k + 1][2] in _MODIFIER_TAGS:
        k += 1
    # 毛利率、营业利润率和 + 净 + 利率: after a prefix, a joining conjunction
    # or 、 and a noun go on with the list, as they do after a noun
    while k + 2 < len(tokens) and tokens[k][2] in _MODIFIER_TAGS and tokens[k + 1][2] in _LIST_LINKS \
            and tokens[k + 2][2] in NOUN_TAGS:
        k = _run_after(tokens, k + 2, links)
        while k + 1 < len(tokens) and tokens[k + 1][2] in _MODIFIER_TAGS:
            k += 1
    return tokens[k][0], near[1]


def _run_after(tokens: list[Token], j: int, links: frozenset[str]) -> int:
    """The index of the last token of the noun run that opens at ``j``."""
    more = _noun_run(tokens[j:], links)
    assert more is not None  # (it opens with a noun)
    return next(k for k in range(j, len(tokens)) if tokens[k][1] == more[1])


def opening_nouns(doc: Document, c: int, limit: int) -> Optional[Span]:
    """The nouns that open the clause at ``c`` (past 而, 则 and a name's
    的: 印尼的入口 → 入口), up to the first word that is not one."""
    f = doc.folded
    while c < limit and (f[c] in " \u3000" or f[c] in vocab.grammar().set("contrast")):
        c += 1
    run: Optional[Span] = None
    start: Optional[int] = None
    k = c
    while k < limit:
        tok = doc.forward(k, limit)
        if tok is None or tok[2] not in NOUN_TAGS | _OPENING_MODIFIERS:
            if tok is not None and tok[2] == "uj" and run is not None:
                run, start, k = None, None, tok[1]  # 印尼的: a name's, not the measure
                continue
            break
        start = tok[0] if start is None else start
        if tok[2] in NOUN_TAGS:
            run = (start, tok[1])  # (主要 + 出口市场: a modifier stays before its noun)
        k = tok[1]
    if run is not None:
        a, _ = split_front(doc, run[0], run[1])  # 集团收入 → 收入
        if doc.folded[a:run[1]] in doc.lex.endings or doc.folded[a:run[1]] in doc.lex.owners:
            return None  # 公司, 集团 alone: whom, not what
        run = (a, run[1])
    return run


def is_name(doc: Document, span: Span) -> bool:
    """Whether a span is a name: a place, or words that look like one."""
    word = doc.folded[span[0]:span[1]]
    if word in vocab.places() or doc.tags.get(word) == "ns":
        return True
    tokens = []
    k = span[0]
    while k < span[1]:
        tok = doc.forward(k, span[1])
        if tok is None:
            return False
        tokens.append(tok)
        k = tok[1]
    return any(t[2] in ("ns", "nt", "nz", "eng") for t in tokens) and word not in doc.aliases
