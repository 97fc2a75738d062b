"""Names in a clause: who a figure is about, as written there.

A name opens a clause (宁德时代实现…, 截至2023年末，平安银行…) or stands at
the front of a subject (腾讯视频付费会员); it is a known organisation, a
word jieba tags as a proper name, a word the dictionary lacks, or a phrase
that ends with a company word (有限公司, 集团, 银行).
"""
from __future__ import annotations

import bisect
from collections.abc import Iterator
from functools import lru_cache
from typing import Optional

import regex

from ..lexicon import loaders
from ..periods import normalize_period
from ..words import word_tags
from . import vocab
from .dateline import past_lead_in
from .document import CLAUSE_STOPS, PREFIX_TAG, Document, Name, Token, is_time
from .speaking import analyst_word_end, announcer_at, event_holder_at, opened_by, speaking_company

__all__ = ["Name", "lead_name", "name_at"]


_LEAD_CLAUSES = 3  # how many clauses back, how far, how long a name
_LEAD_REACH = 80
_LONGEST_NAME = 16
_MAX_RUN = 8
_LONGEST_QUOTED = 12
_LEGAL_FORM = 4  # characters of a registered form that ends a name wherever it stands (合伙企业, 有限公司)
_FORM_PREFIX = 4  # characters before a registered form that make a name of it (常州鼎盛投资 + 合伙企业)
_CLOSING_QUOTES = {"“": "”", "「": "」", "『": "』", "\"": "\"", "《": "》"}
_DESCRIPTION_REACH = 12  # how far after a place its description of a company may end (知名软件大厂)
_COMMON_TAGS = frozenset({"n", "vn", "an", "a", "b", "v", "j", "l"})
_COINED_TAGS = frozenset({"g", "n", "ng", "nr", "nz", "x", "zg"})  # a character alone in a coined name
_PROPER_TAGS = frozenset({"nr", "ns", "nt", "nz", "nrt", "nrfg", "eng"})
_FUNCTION_TAGS = frozenset({"c", "cc", "p", "uj", "ul", "u", "y", "m"})
_PARTICLE_TAGS = _FUNCTION_TAGS - {"m"}  # (华润 + 万家: a name may end with a numeral's word)
_NAME_ENDING_ROLES = frozenset({"period", "up", "down", "basis", "link", "verb"})
_QUOTES = frozenset("「」『』“”\"'《》")
_PLACE_PERSON_ORG = frozenset({"ns", "nr", "nt", "nrt", "nrfg"})
_NAME_ENDING_TAGS = frozenset({"p", "uj", "ul", "c", "cc", "v", "d", "l", "i", "r"})  # (归属于: a set phrase)


def lead_name(doc: Document, s_start: int, limit: int, org: Optional[str]) -> Optional[Name]:
    """Who the clause is about: the name that opens the clause of the
    figure (宁德时代实现…, 华润万家2023年营收…, 截至2023年末，平安银行…),
    else the name that opens an earlier clause of the sentence (瑞幸咖啡
    门店总数…，其中自营门店…). ``limit`` is where the subject or the figure
    starts; ``org`` is the speaker's organisation, which 我们 stands for."""
    starts = doc.clause_starts(s_start)
    j = bisect.bisect_right(starts, limit) - 1
    for _ in range(_LEAD_CLAUSES):
        if j < 0 or limit - starts[j] > _LEAD_REACH:
            return None
        c = starts[j]
        # one scan per clause, to its end: a name stops at the first figure anyway
        end = starts[j + 1] - 1 if j + 1 < len(starts) else doc.sentence(s_start)[1]
        name = _memo_name(doc, c, end, org)
        if name is not None and name[1] > limit:
            name = _memo_name(doc, c, limit, org)
        head = _named_head(doc, name[1] if name is not None else c, limit, org)
        if head is not None:
            return head
        if name is not None:
            return name
        j -= 1
    return None


def _firm_name(doc: Document, name: Name) -> bool:
    """Whether a name is surely one: a known organisation, a registered
    company name, or one given with its Latin name in brackets (恒岳保险
    （Hengyue Insurance）), not a run of words that looks like one."""
    f = doc.folded
    word = f[name[0]:name[1]]
    return word in vocab.org_set() or word.endswith(loaders.legal_forms()) or f[name[0] - 1:name[0]] == "《" \
        or (f[name[1]:name[1] + 1] in ("(", "（") and f[name[1] + 1:name[1] + 2].isascii()
            and f[name[1] + 1:name[1] + 2].isalpha())


def _named_head(doc: Document, start: int, limit: int, org: Optional[str]) -> Optional[Name]:
    """The name after the last 的 before ``limit`` where one stands right
    after it: the head its clause is about, which what comes before
    describes (…共同出资成立的恒岳矿业有限公司以…, 集团属下的恒岳保险是…)."""
    f = doc.folded
    de = f.rfind("的", start, limit)
    while de >= start:
        head = _memo_name(doc, de + 1, limit, org)
        titled = head is not None and head[0] == de + 2 and f[de + 1] == "《"  # (的《龙脉传说》9月流水…)
        after = head[1] + titled if head is not None else 0
        if head is not None and (head[0] == de + 1 or titled) and _firm_name(doc, head) \
                and f[after:after + 1] not in CLAUSE_STOPS:  # (是该国最大的保险公司，: what it is, not who)
            return head
        de = f.rfind("的", start, de)
    return None


def _memo_name(doc: Document, c: int, end: int, org: Optional[str]) -> Optional[Name]:
    key = ("name", c, end, org)
    if key not in doc.memo:
        doc.memo[key] = name_at(doc, c, end, org)
    return doc.memo[key]  # type: ignore[return-value]


def name_at(doc: Document, c: int, end: int, org: Optional[str]) -> Optional[Name]:
    """The name that opens the clause at ``c`` (past a time that opens it),
    read no further than ``end``."""
    f = doc.folded
    lex = doc.lex
    k = _past_opening_time(doc, past_lead_in(f, c, end), end)
    if k is None:
        return None
    source = next((w for w in vocab.grammar().longest("opening_source") if f.startswith(w, k, end)), None) \
        if f[k:k + 1] in _source_firsts() else None
    if source is not None:
        k += len(source)  # 市场估计 + 岭晟娱乐9月市占率…: who estimates, then whom
    g = vocab.grammar()
    if k + 1 < end and f[k] in g.set("contrast"):
        if any(f.startswith(o, k + 1, end) for o in lex.orgs_from.get(f[k + 1], ())):
            k += 1  # 而饿了么营收…: the contrast opens the clause, a company follows
        else:
            after = name_at(doc, k + 1, end, org)
            if after is not None and after[0] == k + 1:
                return after  # 而岚海科技营收…: a name the tables lack, read past 而
    opened = opened_by(doc, k, end, org, name_at)
    if opened is not None:
        return opened
    part = next((w for w in g.longest("of_which") if f.startswith(w, k, end)), "") \
        if f[k:k + 1] in _of_which_firsts() else ""
    k += len(part)  # 其中渝北区人均收入…: the part named after 其中
    start = k
    quoted = _quoted_product(doc, start, end) or _described_quote(doc, start, end) or _example(doc, start, end, org)
    if quoted is not None:
        return quoted
    we = next((w for w in g.longest("we") if f.startswith(w, start)), None)
    if we is not None:
        k = start + len(we)
        owned = next((w for w in g.words("subsidiary") if f.startswith(w, k, end)), None)
        inner = _subsidiary(doc, (k, k + len(owned), "v"), end, org) if owned else None
        if inner is not None:
            return inner  # 我们旗下的岚峰超市: the subsidiary, whose the figures are
    if we is not None and org:
        return start, start + len(we), org  # 我们的用户: the speaker's organisation
    if start >= end or (f[start] in g.set("not_name_start") and f[start:start + 2] not in _name_openers()
                        and f[start:start + 2] not in vocab.places()):  # (我国)
        # most clauses open with a function word: no look-ups (but 以色列, and 被动元件大厂 + 国晶)
        return _described_opening(doc, start, end, org) if start < end else None
    held = event_holder_at(doc, start, end)
    if held is not None:
        return held  # 启明智造2025年半年度业绩说明会
    read = _name_tokens(doc, start, end, org)
    if read is None or not read[0]:
        announcer = announcer_at(doc, start, end, _after_description) or _described_opening(doc, start, end, org)
        if announcer is not None:
            return announcer
    if read is None or isinstance(read[0], int):
        return read  # (a subsidiary's name, or none)
    tokens, k, named_by_place = read
    name = _checked_name(doc, start, tokens, k, named_by_place)
    said = analyst_word_end(doc, name[0], name[1]) if name is not None else None
    if said is not None:
        # 岚海证券研报指出，…, 岚海证券：维持恒川食品买入评级: a source, and
        # whom it speaks of may follow in the clause
        stop = next((j for j in range(said, min(len(doc.folded), said + _LONGEST_NAME * 4))
                     if doc.folded[j] in CLAUSE_STOPS), len(doc.folded))  # (past its colon)
        return name_at(doc, said, stop, org) if said < stop else None
    if name is not None and len(tokens) == 1 and _is_place(doc, tokens[0]):
        return _described_firm(doc, name[1], end, org) or name
    return name


@lru_cache(maxsize=1)
def _source_firsts() -> frozenset[str]:
    """The first characters of the sources that open a clause (市场估计, 据悉)."""
    return frozenset(w[0] for w in vocab.grammar().words("opening_source") if w)


@lru_cache(maxsize=1)
def _of_which_firsts() -> frozenset[str]:
    """The first characters of the words that open a clause about a part or a topic (其中, 至于, 回到)."""
    return frozenset(w[0] for w in vocab.grammar().words("of_which") if w)


def _example(doc: Document, start: int, end: int, org: Optional[str]) -> Optional[Name]:
    """X of 以X为例 (以社区团购晨岭优选为例，…他们GMV…): the example the
    sentence goes on about, past what kind of thing it is."""
    f = doc.folded
    g = vocab.grammar()
    opener = next((w for w in g.words("example_open") if f.startswith(w, start, end)), None)
    if opener is None:
        return None
    a = start + len(opener)
    k = vocab.find_any(f, g.words("example_close"), a, end)
    if k <= a or k - a > _LONGEST_NAME or any(c.isdigit() or c in CLAUSE_STOPS for c in f[a:k]):
        return None
    inner = _memo_name(doc, a, k, org)
    if inner is not None and inner[1] == k:
        return inner
    described = _after_description(doc, a, k)
    a = described if described is not None else a
    return a, k, doc.text[a:k]


def _quoted_product(doc: Document, start: int, end: int) -> Optional[Name]:
    """A quoted name before a kind of product (“游滇南”小程序, 「晨岭」平台):
    the product whose figures follow."""
    f = doc.folded
    close = _CLOSING_QUOTES.get(f[start:start + 1])
    if close is None:
        return None
    k = f.find(close, start + 1, min(end, start + 2 + _LONGEST_QUOTED))
    if k <= start + 1 or any(c in CLAUSE_STOPS or c.isdigit() for c in f[start + 1:k]):
        return None
    if close == "》":
        # 《星域战纪》上线首月…: a title that opens a clause is the product's,
        # but not a publication's or a report's that says something (《财经周刊》报道…)
        after = doc.forward(k + 1, end)
        if after is not None and (doc.word(after) in doc.lex.sources or doc.word(after) in doc.lex.announces
                                  or doc.lex.roles.get(doc.word(after)) == "source"):
            return None
    elif not any(f.startswith(w, k + 1, end) for w in vocab.entity_words("product")):
        return None
    return start + 1, k, doc.text[start + 1:k]


def _described_quote(doc: Document, start: int, end: int) -> Optional[Name]:
    """A quoted name that opens the clause after a description (咖啡品牌 +
    「禾木咖啡」, 旗舰游戏 + 《星海纪元》) or before a time (「禾木咖啡」第三季度…):
    the brand, product or company whose figures follow, without its quotes."""
    f = doc.folded
    hit = _QUOTE_OR_STOP.search(f, start, min(end, start + _DESCRIPTION_REACH))
    if hit is None or hit.group() not in _CLOSING_QUOTES or (hit.group() == "《" and hit.start() == start):
        return None  # (most clauses hold no quote near their start: one search; a title that opens one is read apart)
    q = hit.start()
    if q > start and not f.endswith(_descriptor_words(), start, q):
        return None
    k = f.find(_CLOSING_QUOTES[f[q]], q + 1, min(end, q + 2 + _LONGEST_QUOTED))
    if k <= q + 1 or any(c in CLAUSE_STOPS or c.isdigit() for c in f[q + 1:k]):
        return None
    if q == start:
        after = k + 1 + (f[k + 1:k + 2] in vocab.grammar().set("first_period"))  # (首 + 三季)
        t = doc.mention_at.get(after)
        if (t is None or not is_time(t)) and not doc.period_word_at(k + 1, end):
            return None  # (“双碳”目标: a quoted term, no name)
    return q + 1, k, doc.text[q + 1:k]


_QUOTE_OR_STOP = regex.compile("|".join(regex.escape(c) for c in sorted(set(_CLOSING_QUOTES) | set(CLAUSE_STOPS))))


@lru_cache(maxsize=1)
def _legal_forms() -> tuple[str, ...]:
    """The registered forms long enough to end a name wherever they stand (合伙企业, 有限公司)."""
    return tuple(w for w in vocab.name_forms() if len(w) >= _LEGAL_FORM)


@lru_cache(maxsize=1)
def _descriptor_words() -> tuple[str, ...]:
    return tuple(vocab.descriptors())


def _described_opening(doc: Document, start: int, end: int, org: Optional[str]) -> Optional[Name]:
    """The name after a description that opens the clause, where a time
    follows the name (被动元件大厂 + 国晶 + 10月营收, 散热模组厂 + 双鸿科 + 10月):
    the company whose figures of that time the clause gives."""
    j = bisect.bisect_left(doc.starts, start)
    if j >= len(doc.starts) or doc.starts[j] - start > _DESCRIPTION_REACH + _LONGEST_NAME \
            or not is_time(doc.numbers[j]):
        return None  # (no time right after a name here: no look-ups)
    name = next(_after_descriptions(doc, start, end, org), None)
    if name is None or name[1] - start > _DESCRIPTION_REACH:
        return None
    t = doc.mention_at.get(name[1])
    return name if t is not None and is_time(t) else None


def _subsidiary_after_description(doc: Document, j: int, end: int, org: Optional[str]) -> Optional[Name]:
    """The name after 旗下 and a company word (旗下投资公司Velmora)."""
    return next(_after_descriptions(doc, j, end, org), None)


def _described_firm(doc: Document, k: int, end: int, org: Optional[str]) -> Optional[Name]:
    """The company a place's description names (德国知名软件大厂 + 岚海
    （Lanhai Inc.）): the place says where it is from, not who it is."""
    return next((firm for firm in _after_descriptions(doc, k, end, org) if _firm_name(doc, firm)), None)


def _after_descriptions(doc: Document, k: int, end: int, org: Optional[str]) -> Iterator[Name]:
    """The names that open right after a word of description (投资公司,
    软件大厂) in the clause from ``k``, nearest first."""
    f = doc.folded
    reach = min(end, k + _DESCRIPTION_REACH)
    if any(c in CLAUSE_STOPS for c in f[k:reach]):
        reach = k + next(i for i, c in enumerate(f[k:reach]) if c in CLAUSE_STOPS)
    for a in sorted({f.find(w, k, reach) + len(w) for w in vocab.descriptors() if f.find(w, k, reach) >= 0}):
        name = _memo_name(doc, a, end, org) if a < end else None
        if name is not None and name[0] == a:
            yield name


def _past_opening_time(doc: Document, c: int, end: int) -> Optional[int]:
    """Past the time that opens a clause (2022年前三季度，… / 今年… / 後來…);
    None when a figure opens it."""
    f = doc.folded
    k = c
    while k < end:
        while k < end and f[k] in " \u3000":
            k += 1
        if k >= end:
            break
        first = f[k] in vocab.grammar().set("first_period")
        t = doc.mention_at.get(k + 1 if first else k)  # (2022年前三季度)
        if t is not None and is_time(t):
            k = t.end
            continue
        if t is not None and not first:
            return None  # a figure opens the clause: no name before it
        # a period word, or a time word that names none (後來網易…)
        length = doc.period_word_at(k, end, when=True)
        if not length:
            break
        k += length
    return k


def _name_tokens(doc: Document, start: int, end: int, org: Optional[str]
                 ) -> Optional[tuple[list[Token], int, bool] | Name]:
    """The words of the name that opens at ``start``: (tokens, where they
    end, whether a time ended them); or the name of a subsidiary named after
    旗下; or None."""
    f = doc.folded
    lex = doc.lex
    g = vocab.grammar()
    k = start
    tokens: list[Token] = []
    named_by_place = False  # the name stops at a time: 华润万家2023年营收…
    # no word runs into a figure (南亞科 + 第3季, not the dictionary's 科第)
    j = bisect.bisect_right(doc.starts, k)
    stop = min(end, doc.starts[j]) if j < len(doc.starts) else end
    while k < end:
        if tokens and f[k] in "（(":
            note = next((w for w in g.words("name_note") if f.startswith(w, k, end)), None)
            if note is not None:  # 中国平安保险（集团）股份有限公司
                tokens.append((k, k + len(note), "n"))
                k += len(note)
                continue
        if f[k] in CLAUSE_STOPS or f[k].isspace() or (tokens and _places_joined(doc, tokens[-1], k, end)):
            break  # (芜湖市、滁州市分别…: the first place of a list, the others are read after it)
        if tokens and _dateline_day().match(f, k):
            named_by_place = True  # 东联钢铁今（25）日召开…: the name ends at the day
            break
        t = doc.mention_at.get(k)
        if t is None and f[k] in g.set("first_period") and tokens:
            t = doc.mention_at.get(k + 1)  # 越南前10個月: the name ends before 前
            t = t if t is not None and is_time(t) else None
        if t is not None:
            named_by_place = is_time(t)
            break
        tok = doc.forward(k, stop if k < stop else end)
        if tok is None:
            break
        if tokens and f[tok[0]].isdigit() and tokens[-1][2] in ("ns", "nr", "n") and _is_place(doc, tokens[-1]):
            break  # 上海 + 4.75mm热卷: a place, then a product's size, no name
        if tok[2] == "eng":
            tok = _latin_name(doc, tok, end)  # Sara Lee, Restaurant City: one name
        if tokens and (0 < doc.period_word_at(k, tok[1]) < tok[1] - k
                       or (tok[2] == "t" and normalize_period(f[tok[0]:tok[1]]).label is not None)):
            named_by_place = True  # 汇云 + 全年收入, 海澄集团 + 中期: a word of time ends the name
            break
        w = f[tok[0]:tok[1]]
        if tokens and w in g.set("example_mark") and tok[1] < end:
            inner = name_at(doc, tok[1], end, org)  # 竞争对手像 + 宸睿能源: the example named
            return inner if inner is not None and inner[0] == tok[1] else None
        form = next((w for w in _legal_forms() if f.endswith(w, start, tok[1])), None) \
            if tokens and f.endswith(_legal_forms(), start, tok[1]) else None
        if form is not None and tok[1] - len(form) - start >= _FORM_PREFIX \
                and not f.startswith(vocab.name_forms(), tok[1], end) \
                and not f[tok[1]:tok[1] + 1].isascii() and looks_like_name(f[start:tok[1]], [*tokens, tok]):
            # 常州鼎盛投资合伙企业（有限合伙）: a registered form ends the name, with its note
            tokens.append(tok)
            k = tok[1]
            note = next((n for n in g.words("name_note") if f.startswith(n, k, end)), None)
            if note is not None:
                tokens.append((k, k + len(note), "n"))
                k += len(note)
            break
        if w in lex.sources:
            # 国家统计局数据显示，…: a source, not whom the figure is about;
            # but a company that speaks speaks of itself (岚海科技表示，公司…)
            cut = speaking_company(doc, start, k, tokens, w)
            return None if cut is None else ([t for t in tokens if t[1] <= cut], cut, False)
        if _ends_name(doc, tok, tokens, end) and not (
                tok[1] - tok[0] == 1 and all(b - a == 1 for a, b, _ in tokens)
                and _coined_before_ending(doc, tokens[0][0] if tokens else k, end)):
            named_by_place = lex.roles.get(w) == "period"
            # (旗下 may open a clause: 某某集团公布，旗下某某人寿…)
            inner = _subsidiary(doc, tok, end, org) if w in g.set("subsidiary") else None
            if inner is not None:
                return inner
            break
        tokens.append(tok)
        k = tok[1]
        if len(tokens) >= _MAX_RUN:
            return None
    return tokens, k, named_by_place


def _subsidiary(doc: Document, tok: Token, end: int, org: Optional[str]) -> Optional[Name]:
    """The subsidiary named after 旗下 (the word ``tok``), whose the figures
    are: 富邦金控旗下台北富邦银行, 旗下投资公司Velmora."""
    f = doc.folded
    j = tok[1] + 1 if f.startswith("的", tok[1]) else tok[1]
    inner = name_at(doc, j, end, org) if j < end else None
    if inner is not None:
        a, b = inner[0], inner[1]
        while a < b and f[a] in _QUOTES:
            a += 1
        while b > a and f[b - 1] in _QUOTES:
            b -= 1
        after = b
        while after < end and f[after] in _QUOTES:
            after += 1
        if f[after:after + 1] in vocab.grammar().set("figure_joiner") or f.startswith("与", after):
            return None  # 某某国际旗下「甲」与「乙」两品牌…合计: the group's, not one of them
        inner = (a, b, doc.text[a:b]) if b - a >= 2 else None
    return inner if inner is not None else _subsidiary_after_description(doc, j, end, org)


def _ends_name(doc: Document, tok: Token, tokens: list[Token], end: int) -> bool:
    """Whether the word ``tok``, after the words ``tokens`` of a name, ends
    the name (a measure, a verb, a period, a stop word) rather than going on
    with it."""
    lex = doc.lex
    g = vocab.grammar()
    w = doc.folded[tok[0]:tok[1]]
    role = lex.roles.get(w)
    # (腾讯音乐 + 付费用户: a measure's prefix of two characters or more ends
    # the name; one, such as 新 of 大新银行, may be inside it)
    return w not in lex.endings and bool(
        w in lex.stops or w in lex.announces or (tokens and w in lex.owners) or w.lower() in doc.aliases
        or (len(w) > 2 and (w[-2:].lower() in doc.aliases or w[-3:].lower() in doc.aliases))  # (业务收入)
        or role in _NAME_ENDING_ROLES
        or (len(w) > 1 and w[-1] in g.set("measure_end") and w not in g.set("counting_measure"))
        or (tokens and role in ("scope", "market") and not _ending_at(doc, tok[1], end))
        or (tok[2] in _NAME_ENDING_TAGS
            and (tok[1] - tok[0] > 1 or w in g.set("name_function_char") or not tokens)
            and not (not tokens and tok[2] == "v" and _coined_with_verb(doc, tok[1], end)))
        or (tokens and doc.tags.get(w) == "l")  # (a set phrase: 某某新材 + 货币资金)
        or (tok[2] == PREFIX_TAG and tok[1] - tok[0] > 1))


def _coined_with_verb(doc: Document, k: int, end: int) -> bool:
    """Whether a verb of the dictionary opens a coined name at ``k`` - 2:
    a company word follows it, then the name's time, a verb of saying or
    its measure (远航汽车10月批发销量, 大成集团表示), not a description of
    whom (承贷银行最后同意)."""
    tok = doc.forward(k, end) if k < end else None
    if tok is None or doc.word(tok) not in doc.lex.endings:
        return False
    after = doc.forward(tok[1], end) if tok[1] < end else None
    t = doc.mention_at.get(tok[1])
    return (t is not None and is_time(t)) or (after is not None and (
        doc.word(after) in doc.lex.announces or doc.word(after) in doc.lex.sources
        or doc.word(after).lower() in doc.aliases))


def _places_joined(doc: Document, last: Token, k: int, end: int) -> bool:
    """Whether a list of places goes on at ``k`` after the place ``last``
    (宝安区和龙岗区, 芜湖市、滁州市): each is a name of its own."""
    if not _is_place(doc, last):
        return False
    if doc.folded[k] == "、":
        return True
    joiners = vocab.grammar().set("figure_joiner")
    # (a joiner of one character first: 宝安区和龙岗区 is not 宝安区 + 和龙)
    joiner = (k, k + 1) if doc.folded[k] in joiners else doc.forward(k, end)
    if joiner is None or doc.folded[joiner[0]:joiner[1]] not in joiners or joiner[1] >= end:
        return False
    place = doc.forward(joiner[1], end)
    # (a place, or a word that ends as the place before it does: 宝安区和龙岗区)
    return place is not None and (_is_place(doc, place) or (
        place[1] - place[0] > 1 and doc.folded[place[1] - 1] == doc.folded[last[1] - 1]))


def _coined_before_ending(doc: Document, k: int, end: int) -> bool:
    """Whether two or three characters that the dictionary reads one by one
    open at ``k`` before a trade or company word (聯鈺 + 科技, 啟翔 + 科技,
    聯穎 + 電子): a coined name, even where its first character is also a
    verb's (聯, 啟)."""
    f = doc.folded
    for j in range(k, min(k + 3, end)):
        tok = doc.forward(j, end)
        ends = j > k and (f.startswith(vocab.entity_words("ending"), j + 1) or f.startswith(vocab.name_forms(), j + 1))
        if tok is None or tok[1] - tok[0] != 1 or f[j] in CLAUSE_STOPS or f[j].isspace() \
                or (tok[2] in _FUNCTION_TAGS and not (ends and tok[2] == "c")):
            return False  # (晨岭 + 的 + 市值: 的 is in no name; but 新和 + 银行)
        if ends:
            return True
    return False


def _latin_name(doc: Document, tok: Token, end: int) -> Token:
    """A Latin word and the capitalised words after it, a space apart."""
    t = doc.text
    b = tok[1]
    while b + 1 < end and t[b] == " " and t[b + 1].isascii() and t[b + 1].isupper():
        k = b + 1
        while k < end and t[k].isascii() and (t[k].isalnum() or t[k] in "&'-."):
            k += 1
        b = k
    return tok[0], b, tok[2]


def _checked_name(doc: Document, start: int, tokens: list[Token], k: int, named_by_place: bool
                  ) -> Optional[Name]:
    """The name of ``tokens`` (ending at ``k``), cut at its company word, or
    None when they make no name."""
    f = doc.folded
    lex = doc.lex
    if any(w in f[start:k] for w in vocab.grammar().words("event_end")):
        return None  # 中美贸易战, 亚洲金融风暴: an event, not whom the figures are about (nor its place)
    if f[start] in vocab.grammar().set("determiner") or f.endswith(vocab.topic_ends(), start, k) \
            or f.startswith(vocab.grammar().words("record"), start, k + 2):
        # 各县市中, 每家门店: a determiner opens no name; 分业务看, 单量方面: nor a
        # topic's frame; nor a record set (创历年同期新高)
        return None
    # 平安银行不良贷款率: the name ends with its company word
    last_ending = max((b for a, b, _ in tokens if f[a:b] in lex.endings and b - start >= 3), default=None)
    if last_ending is not None and (last_ending - start >= k - last_ending
                                    or any(f[j:k] in doc.aliases for j in range(last_ending, k - 1))):
        # (华辰科技主营业务收入: what ends in a measure after the company word, however long, is no name's)
        k = last_ending
        tokens = [t for t in tokens if t[1] <= k]
    after = _after_description(doc, start, k)
    if after is not None:
        # 光学元件大厂 + 台禾光电, IC设计厂 + 宏晶科技: a description, then the name
        rest = [t for t in tokens if t[0] >= after]
        if not rest or rest[0][0] != after:
            rest = doc.tokens(after, k)
        if looks_like_name(f[after:k], rest):
            start, tokens = after, rest
    places = 0
    while places < len(tokens) and _is_place(doc, tokens[places]):
        places += 1
    if 0 < places < len(tokens) and all(t[2] not in _PROPER_TAGS for t in tokens[places:]) \
            and not (len(tokens) == places + 1 and tokens[-1][1] - tokens[-1][0] == 1) \
            and not _place_and_trade(doc, tokens) \
            and f[start:k] not in vocab.org_set() and not f[start:k].endswith(vocab.name_forms()) \
            and not f[start:k].endswith(vocab.grammar().words("name_note")):
        # 印尼 + 大多数人, 重庆 + 农业资源, 广东江门 + 智慧路灯: a place and
        # then common nouns: the place is the name, the nouns what it has
        # (东平 + 市: with its administrative word)
        admin = tokens[places][1] - tokens[places][0] == 1 \
            and f[tokens[places][0]] in vocab.grammar().set("place_ending")
        tokens = tokens[:places + 1] if admin else tokens[:places]
        k = tokens[-1][1]
    if not named_by_place and len(tokens) > 1 and f[tokens[0][0]:tokens[0][1]] in vocab.org_set() and not any(
            f[a:b] in lex.endings or lex.roles.get(f[a:b]) == "brand" for a, b, _ in tokens[1:]):
        # 蒙牛液态奶销量, 中国移动5G套餐用户数: a known organisation and
        # then common nouns before the measure, which narrow it (腾讯音乐,
        # 美的集团, 华润万家2023年营收 stay whole)
        tokens = tokens[:1]
        k = tokens[0][1]
    if not tokens or not 2 <= k - start <= _LONGEST_NAME or tokens[-1][2] in _PARTICLE_TAGS \
            or any(t[2] == "p" and f[t[0]:t[1]] in vocab.grammar().set("basis_mark") for t in tokens):
        return None  # (代理人数目较 + 去年底: no name ends with a preposition, nor holds a comparison's)
    name = f[start:k]
    if sum(ch.isalpha() for ch in name) < 2 or name.lower() in vocab.not_names() or "、" in name \
            or "<" in name or ">" in name or _digit_inside(name) \
            or f[tokens[0][0]:tokens[0][1]] in lex.owners or f[tokens[0][0]:tokens[0][1]] in vocab.anaphor_words():
        # ###, 3Q, EBITDA, 珠宝、钟表, 董事会宣派, <html><body>: no names; nor
        # 公司 + 物流收入: the anaphor and the company's line
        return None
    if f.startswith(vocab.entity_words("line"), k):
        return None  # CDMO + 业务收入: the name of a business line, read as one (business.py)
    if len(tokens) == 2 and f[tokens[0][0]:tokens[0][1]] in lex.scope \
            and f[tokens[1][0]:tokens[1][1]] in lex.endings:
        return None  # 中国公司, 全球银行: a kind, not a name
    if (tokens[0][2] in ("r", "f", "d", "m") and not _coined(doc, tokens)) \
            or name in lex.owners or name in lex.scope or name in lex.endings \
            or (f[tokens[0][0]:tokens[0][1]] in lex.scope and name not in vocab.org_set()
                and not name.endswith(vocab.entity_words("ending"))
                and not looks_like_name(f[tokens[1][0]:k], tokens[1:])) \
            or not (named_by_place and not _common_noun(doc, name, tokens) or looks_like_name(name, tokens)):
        return None
    return start, k, doc.text[start:k]



def _coined(doc: Document, tokens: list[Token]) -> bool:
    """Whether ``tokens`` are two characters of a coined name and a trade
    word (中 + 宸 + 地产, 上 + 禾 + 科技), the first of them a locative or an
    adverb alone: a company's name, not 中 + a kind of business."""
    return len(tokens) == 3 and tokens[0][2] in ("f", "d") and all(b - a == 1 for a, b, _ in tokens[:2]) \
        and tokens[1][2] in _COINED_TAGS and doc.folded[tokens[2][0]:tokens[2][1]] in doc.lex.endings


def _digit_inside(name: str) -> bool:
    """Whether a digit stands between two Chinese characters (連8紅, 第3季):
    a count or an ordinal read as a word, not a name."""
    return any(ch.isdigit() and name[i - 1] > "\u2e7f" and name[i + 1] > "\u2e7f"
               for i, ch in enumerate(name[1:-1], 1))


def _place_and_trade(doc: Document, tokens: list[Token]) -> bool:
    """Whether ``tokens`` are a place without its administrative word and a
    trade word (皖北 + 能源, 青岛 + 啤酒): a company named after where it
    began, not the place's trade (江苏省 + 汽车, 全国 + 银行)."""
    f = doc.folded
    if len(tokens) != 2:
        return False
    place, trade = f[tokens[0][0]:tokens[0][1]], f[tokens[1][0]:tokens[1][1]]
    return trade in doc.lex.endings and place not in doc.lex.scope \
        and place[-1] not in vocab.grammar().set("admin_end")


def _common_noun(doc: Document, name: str, tokens: list[Token]) -> bool:
    """Whether a run that a time ends is one common word of the dictionary
    (团队现在…, 门店今年…): what the clause is about, not whose."""
    return len(tokens) == 1 and tokens[0][2] in _COMMON_TAGS and name not in vocab.org_set() \
        and name not in vocab.places()


def _after_description(doc: Document, start: int, k: int) -> Optional[int]:
    """Where the name starts after a description that ends in one of
    ``name_descriptors.tsv`` (新能源车企 + 启辰汽车), if one does."""
    f = doc.folded
    found = []
    for w in vocab.descriptors():
        at = f.rfind(w, start, k - 2)
        if at >= 0:
            found.append(at + len(w))
    found = [a for a in found if start < a <= k - 2 and _more_than_a_form(f[a:k])]
    return max(found) if found else None


def _more_than_a_form(rest: str) -> bool:
    """Whether ``rest`` names something beyond a company word (银行 + 股份有限
    公司 is one name, not a description and a name)."""
    if not rest[:1].isalnum():
        return False  # (（集团）股份有限公司: a note of the name)
    for form in vocab.name_forms():
        if rest.endswith(form):
            rest = rest[:-len(form)]
            break
    return len(rest) >= 2


def _is_place(doc: Document, tok: Token) -> bool:
    w = doc.folded[tok[0]:tok[1]]
    return len(w) > 1 and (tok[2] == "ns" or w in vocab.places())  # (瑞 of 瑞幸: no place)


def _ending_at(doc: Document, k: int, end: int) -> bool:
    """Whether a company ending (有限公司, 集团) is the word at ``k``: a
    scope word before it is part of the name (金沙中国有限公司)."""
    tok = doc.forward(k, end) if k < end else None
    return tok is not None and doc.folded[tok[0]:tok[1]] in doc.lex.endings


def looks_like_name(name: str, tokens: list[Token]) -> bool:
    """A proper name rather than a common noun phrase: a name in jieba's
    dictionary (nr, ns, nt, nz, j), Latin letters, a word the dictionary
    does not know (two single characters in a row), or a company ending."""
    if name in vocab.org_set() or name.endswith(vocab.name_forms()):
        return True
    ending = next((e for e in vocab.entity_words("ending") if name.endswith(e) and len(name) > len(e)), None)
    if ending is not None:
        # 比亚迪汽车, 天齐锂业: an industry word ends a name when the words
        # before it make one (新能源汽车, 消费电子 are kinds, not names)
        rest = len(name) - len(ending)
        inside = [t for t in tokens if t[1] - tokens[0][0] <= rest]
        # (芜湖市: the ending is the last character of a place's word, which is a name)
        whole = next((t for t in tokens if t[0] - tokens[0][0] < rest and t[1] - tokens[0][0] == len(name)), None)
        return (whole is not None and whole[1] - whole[0] > 2 and whole[2] in _PROPER_TAGS) \
            or looks_like_name(name[:rest], inside)
    if name[1:] in vocab.grammar().set("person_after_surname") and name[0] in vocab.surnames():
        return True
    singles = 0
    last = len(tokens) - 1
    for j, (a, b, tag) in enumerate(tokens):
        if tag == "eng":
            # (N型: a letter is no name; 旗舰SUV: a kind of thing, not a name; but AI导诊)
            if b - a > 1 and (j < last or name[a - tokens[0][0]:b - tokens[0][0]].lower() not in vocab.not_names()):
                return True
            singles = 0
            continue
        if tag in _PROPER_TAGS:
            return True
        # two unknown characters in a row (電訊盈科), not function words (及非)
        singles = singles + 1 if b - a == 1 and tag not in _FUNCTION_TAGS else 0
        if singles >= 2:
            return True
    return False


@lru_cache(maxsize=1)
def _name_openers() -> frozenset[str]:
    """The first two characters of the place, person and organisation names
    that open with a function character (以色列, 由...): only there may a
    clause that opens with one open with a name."""
    return frozenset(w[:2] for w, tag in word_tags().items()
                     if len(w) > 1 and w[0] in vocab.grammar().set("not_name_start") and tag in _PLACE_PERSON_ORG)



@lru_cache(maxsize=1)
def _dateline_day() -> regex.Pattern[str]:
    """今（25）日: the day of a dateline, where a name before it ends."""
    return regex.compile(rf"(?:{vocab.either(vocab.grammar().longest('dateline_day'))})[（(][0-9]{{1,2}}[）)]日")
