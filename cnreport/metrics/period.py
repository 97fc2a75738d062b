"""When: the time expression in scope of a figure, as written.

The nearest time before the figure in its sentence (a date, a year, a
duration, 一季度, or a word such as 目前), else one after it in the same
clause, grown over its neighbouring parts (今年 + 上半年, 截至 + 6月底).
"""
from __future__ import annotations

import bisect
from typing import Optional

import regex

from ..model import Change, NumberMention, Period
from ..periods import normalize_period
from . import vocab
from .document import CLAUSE_STOPS, METRIC_KINDS, Document, basis_before, is_time, quarters
from .respective import respective_figures

__all__ = ["ONE_DAY", "context_year", "heading_period", "period", "stated_report", "when"]



# a top-level heading of a numbered document: 一、, 二、 at the start of a line
_HEADING = regex.compile(r"[ \t\u3000]*[一二三四五六七八九十]{1,3}、")
_HEADING_LONGEST = 30  # a heading's longest line; a longer one is a numbered paragraph
_HEADING_REACH = 3000  # how far a heading's period reaches down its section
_LIST_MOST = 12  # the longest list of times or figures paired in order
_LISTS_BACK = 3  # how many lists of figures a list looks back over for its times
_BRACKET_REACH = 8  # from a bracket to the time that opens it (（2024年12月31日：…）)
_EVENT_LONGEST = 10
_PARAGRAPH_REACH = 2000
ONE_DAY = regex.compile(r"-\d\d-\d\d$")  # a label that ends in a day: 2019-05-21, Y+0-05-21
_REMARK_REACH = 30  # from a bracket's opening to a time inside it
_DAY_ENDS = frozenset("日天号")  # how far back a paragraph's time is looked for  # (恒岳入股时, 上市之初时)
Found = tuple[Optional[str], Optional[tuple[int, int]], Optional[str]]  # (text, span, rule)


def period(doc: Document, i: int, s_start: int, s_end: int, change: Optional[Change] = None) -> Found:
    """The period of figure ``i`` as written, where it stands and the rule
    that found it: ``before`` (the nearest time before the figure in its
    sentence) or ``after`` (one after it in its clause). For the second
    figure of a change, a time tied to the first by 的 is the first's
    (從2016年的37%下降至19%)."""
    m = doc.numbers[i]
    respective = _respective_time(doc, i, s_start)
    if respective is not None:
        return _found(doc, (respective.start, respective.end), "respective")
    k = bisect.bisect_left(doc.times, i)
    tied = change.start if change is not None and change.end is m else None
    while tied is not None and k > 0 and doc.numbers[doc.times[k - 1]].end <= tied.start \
            and doc.folded[doc.numbers[doc.times[k - 1]].end:tied.start].strip() in ("", "的"):
        k -= 1
    f = doc.folded
    while k > 0 and _bracketed_before(f, doc.numbers[doc.times[k - 1]], m, s_start):
        k -= 1  # (现金约为1,263.7百万元（2024年12月31日：1,085.2百万元），借款742.0百万元: the bracket's own)
    before = doc.numbers[doc.times[k - 1]] if k > 0 else None
    if before is not None and before.start < s_start:
        before = None
    word = doc.period_word(s_start, m.start)
    if word is not None and change is not None and (
            (change.basis and f.endswith(vocab.grammar().words("same_period"), word[0], word[1]))
            or (tied is not None and word[1] <= tied.start
                and f[_grown_on(doc, word[1], tied.start):tied.start] in ("", "的"))):
        # 上年同期为8亿元，同比增长50%: a base's period is not the growth's;
        # 从去年的15%提升至22%, 由去年底的1.85%上升至2.12%: nor is the
        # first figure's the second's
        base = word[0]
        word = doc.period_word(s_start, base)
        while word is not None and word[1] == base:  # (上年 + 同期: one phrase)
            base = word[0]
            word = doc.period_word(s_start, base)
    while word is not None and (_owned(doc, word[1], m) or _base_clause(doc, word, m, s_start)):
        # 由去年底的1.85%上升至2.12%，其中…412亿港元: a time tied by 的 to an
        # earlier figure is that figure's, not the later ones'; 去年同期为40亿元；
        # 净利润为5亿元: nor a base's clause's (去年 + 同期 as one)
        word = doc.period_word(s_start, whole_period(doc, word[0], word[1], s_start, m.start)[0])
    if before is not None and (word is None or word[0] <= before.start):
        return _found(doc, whole_period(doc, before.start, before.end, s_start, m.start), "before")
    if word is not None:
        return _found(doc, whole_period(doc, word[0], word[1], s_start, m.start), "before")
    k = bisect.bisect_right(doc.times, i)
    after_m = doc.numbers[doc.times[k]] if k < len(doc.times) else None
    if after_m is not None and after_m.end > s_end:
        after_m = None
    if after_m is not None and not any(c in CLAUSE_STOPS for c in f[m.end:after_m.start]):
        return _found(doc, whole_period(doc, after_m.start, after_m.end, m.end, s_end), "after")
    event = _event_time(doc, m, s_start)
    if event is not None:
        return _found(doc, event, "event")
    return None, None, None


def _base_clause(doc: Document, word: tuple[int, int], m: NumberMention, s_start: int) -> bool:
    """Whether the period word is the same period of a year before that
    opens an earlier clause than the figure's (去年同期为40亿元；净利润为5亿元)."""
    f = doc.folded
    if not f.endswith(vocab.grammar().words("same_period"), word[0], word[1]):
        return False
    own = doc.clause_at(m.start, s_start)
    if doc.clause_at(word[0], s_start) >= own:
        return False
    # (同期，某某净利润为166亿元: a time that opens the sentence, with no base figure of its own)
    j = bisect.bisect_left(doc.starts, word[1])
    return j < len(doc.starts) and doc.starts[j] < own and doc.numbers[j].kind in METRIC_KINDS


def _bracketed_before(f: str, t: NumberMention, m: NumberMention, s_start: int) -> bool:
    """Whether the time ``t`` stands in a bracket that closes before figure
    ``m`` (a comparative: 中期股息每股8.0仙（2024年：6.5仙），派息比率约为25%)."""
    if t.start < s_start or t.end > m.start:
        return False
    close = next((j for j in range(t.end, m.start) if f[j] in "）)"), -1)
    if close < 0:
        return False
    lo = max(s_start, t.start - _BRACKET_REACH)
    opened = max(f.rfind("（", lo, t.start), f.rfind("(", lo, t.start))
    return opened >= 0 and not any(f[j] in "）)" for j in range(opened + 1, t.start))


def _event_time(doc: Document, m: NumberMention, s_start: int) -> Optional[tuple[int, int]]:
    """The clause that opens the sentence and ends in a verb and 时
    (恒岳入股时，…): the time of an event, which the figures after it in
    the sentence are of."""
    f = doc.folded
    starts = doc.clause_starts(s_start)
    if len(starts) < 2 or starts[1] > m.start:
        return None
    k = starts[1] - 2  # the clause's last character, before its comma
    if k - s_start + 1 > _EVENT_LONGEST or f[k] not in vocab.grammar().set("time_clause_end") \
            or any(j in doc.mention_at for j in range(s_start, k)):
        return None
    verb = doc.backward(k, s_start)
    return (s_start, k + 1) if verb is not None and verb[2] == "v" and verb[1] - verb[0] > 1 else None


def _owned(doc: Document, end: int, m: NumberMention) -> bool:
    """Whether the time ending at ``end`` is tied by 的 to a figure before
    ``m`` (去年底的1.85%)."""
    k = _grown_on(doc, end, m.start)
    k += 1 if doc.folded.startswith("的", k) else 0
    other = doc.mention_at.get(k)
    return other is not None and other is not m and other.end <= m.start and not is_time(other)


def _respective_time(doc: Document, i: int, s_start: int) -> Optional[NumberMention]:
    """2025年、2026年和2027年的净利润分别不低于0.9亿元、1.1亿元和1.35亿元:
    with 分别, the figures take the times of a list in order, when there are
    as many of each."""
    m = doc.numbers[i]
    k = vocab.rfind_any(doc.folded, vocab.grammar().words("respective"), s_start, m.start)
    if k < 0:
        return _listed_time(doc, i, s_start)
    j = bisect.bisect_left(doc.times, i) - 1
    times: list[NumberMention] = []
    while j >= 0:
        t = doc.numbers[doc.times[j]]
        if t.start < s_start or t.end > k or (not times and _in_remark(doc.folded, t, k)):
            if t.end > k or t.start >= s_start:
                j -= 1  # (原预测2026E、2027E分别为…）: the times of a remark closed before are its own
                continue
            break
        gap = doc.folded[t.end:times[0].start] if times else ""
        if times and gap not in vocab.grammar().set("time_joiner"):
            break
        times.insert(0, t)
        j -= 1
    if len(times) < 2:
        return None
    figures = respective_figures(doc, k, m)
    return times[figures.index(m)] if len(figures) == len(times) and m in figures else None


def _in_remark(f: str, t: NumberMention, k: int) -> bool:
    """Whether the time ``t`` stands in a bracket that closes before ``k``."""
    lo = max(0, t.start - _REMARK_REACH)
    opened = max(f.rfind("（", lo, t.start), f.rfind("(", lo, t.start))
    if opened < 0 or any(c in "）)" for c in f[opened:t.start]):
        return False
    return any(c in "）)" for c in f[t.end:k])


def _listed_time(doc: Document, i: int, s_start: int) -> Optional[NumberMention]:
    """上调2024E、2025E、2026E净利润预测至5.12亿元、7.06亿元、9.38亿元（原预测为
    4.85亿元、6.52亿元、8.61亿元）: a list of figures after a list of as many
    times (or after another such list of figures) takes them in order."""
    n, f = doc.numbers, doc.folded
    joiners = vocab.grammar().set("figure_joiner") | vocab.grammar().set("time_joiner")

    def run(j: int) -> tuple[int, int]:  # the list figure j stands in: its first and last index
        a, b = j, j  # (a bounded walk: a long list costs linear time, and names no times in order)
        while a > 0 and j - a < _LIST_MOST and n[a - 1].start >= s_start \
                and f[n[a - 1].end:n[a].start] in joiners and is_time(n[a - 1]) == is_time(n[j]):
            a -= 1
        while b + 1 < len(n) and b - j < _LIST_MOST and f[n[b].end:n[b + 1].start] in joiners \
                and is_time(n[b + 1]) == is_time(n[j]):
            b += 1
        return a, b

    a, b = run(i)
    size = b - a + 1
    for _ in range(_LISTS_BACK):
        if size < 2 or a == 0 or n[a - 1].start < s_start:
            return None
        a2, b2 = run(a - 1)
        if b2 - a2 + 1 != size:
            return None
        if is_time(n[a - 1]):
            return n[a2 + i - run(i)[0]]
        a = a2
    return None


def heading_period(doc: Document, pos: int) -> Optional[tuple[int, int]]:
    """二、上年同期业绩情况: the period that the top-level heading over
    ``pos`` names holds for the lines under it, to the next such heading;
    None when that heading names none (or is a numbered paragraph)."""
    k = doc.folded.rfind("\n", 0, pos)
    key = ("heading", k)
    if key not in doc.memo:  # (the figures of a line share its heading)
        doc.memo[key] = _read_heading(doc, k, pos)
    return doc.memo[key]  # type: ignore[return-value]


def _read_heading(doc: Document, k: int, pos: int) -> Optional[tuple[int, int]]:
    f = doc.folded
    if _HEADING.match(f, k + 1, pos) is not None:
        return None  # 三、公司营收为12亿元: the figure opens a section of its own
    while k > 0 and pos - k <= _HEADING_REACH:
        line = f.rfind("\n", 0, k) + 1
        mark = _HEADING.match(f, line, k)
        if mark is not None:
            line = mark.end()  # (the mark's numeral is no figure)
            if k - line > _HEADING_LONGEST or any(
                    not is_time(doc.numbers[j]) for j in range(bisect.bisect_left(doc.starts, line),
                                                                bisect.bisect_left(doc.starts, k))):
                return None  # 一、公司营收为12亿元: a numbered paragraph, not a heading
            j = bisect.bisect_left(doc.starts, line)
            if j < len(doc.numbers) and doc.numbers[j].end <= k:
                t = doc.numbers[j]
                return whole_period(doc, t.start, t.end, line, k)  # 三、2024年度利润分配方案
            word = doc.period_word(doc.sentence(line)[0], k)
            return whole_period(doc, word[0], word[1], line, k) if word is not None and word[0] >= line else None
        k = line - 1
    return None


def _found(doc: Document, span: tuple[int, int], rule: str) -> Found:
    return doc.text[span[0]:span[1]], span, rule


def paragraph_time(doc: Document, m: NumberMention) -> Optional[tuple[int, int]]:
    """The time that an earlier sentence of the figure's paragraph states
    with no figure of its own (本周国内钢材价格整体企稳。上海螺纹钢均价报
    3,100元/吨): it holds for the paragraph's later figures. Not a base's
    time (较去年), nor a sentence's with figures, whose period their own
    metrics carry."""
    f = doc.folded
    s_start = doc.sentence(m.start)[0]
    lo = max(0, s_start - _PARAGRAPH_REACH)
    para = max(lo, f.rfind("\n", lo, s_start) + 1)  # (a bounded look back: linear time)
    best: Optional[tuple[int, int]] = None
    a = para
    while a < s_start:
        _, b = doc.sentence(a)
        b = min(b, s_start)
        key = ("quiet", a, b)
        if key not in doc.memo:  # (each sentence read once, whichever figure looks back at it)
            doc.memo[key] = _quiet_time(doc, a, b)
        found = doc.memo[key]
        if found is not None:
            best = found  # type: ignore[assignment]
        a = b if b > a else a + 1
    return best


def _quiet_time(doc: Document, a: int, b: int) -> Optional[tuple[int, int]]:
    """The last time the sentence [a, b) states, where it states no figure."""
    f = doc.folded
    figures = doc.numbers[bisect.bisect_left(doc.starts, a):bisect.bisect_left(doc.starts, b)]
    if any(t.kind in METRIC_KINDS for t in figures):
        return None
    founded = vocab.grammar().words("founded")
    times = [t for t in figures if is_time(t) and not basis_before(f, t.start)
             and not f.endswith(founded, max(0, t.start - 4), t.start)]  # (not 创立于1957年)
    word = doc.period_word(a, b)
    spans = [(t.start, t.end) for t in times] + ([word] if word is not None else [])
    if not spans:
        return None
    last = max(spans)
    grown = whole_period(doc, last[0], last[1], a, b)
    if f[grown[1] - 1] in _DAY_ENDS and _announcing(doc, a, b):
        return None  # 昨日发布业绩, 5月21日召开: the day of an event, no figure's period
    if last in [(t.start, t.end) for t in times if t.kind == "duration"] \
            and normalize_period(doc.text[grown[0]:grown[1]]).label is None:
        return None  # 6天: a length of time
    return grown


def stated_report(doc: Document, head_end: int) -> Optional[tuple[int, int]]:
    """The span of time that a sentence of the text's head says its results
    are of, with no figure of its own (某某集团昨日公布截至2026年6月30日止六个月
    之中期业绩): the report's period, a span (no instant, no day), or None."""
    f = doc.folded
    results = vocab.grammar().words("results_word")
    for t in doc.numbers[:bisect.bisect_left(doc.starts, head_end)]:
        if not is_time(t):
            continue
        a, b = doc.sentence(t.start)
        r = vocab.find_any(f, results, t.end, b)
        if r < 0 or any(x.kind in METRIC_KINDS for x in doc.numbers[bisect.bisect_left(doc.starts, a):
                                                                     bisect.bisect_left(doc.starts, r)]):
            continue
        span = whole_period(doc, t.start, t.end, a, r)
        found = normalize_period(doc.text[span[0]:span[1]])
        if found.label is not None and not found.instant and not ONE_DAY.search(found.label):
            return span
    return None


def _announcing(doc: Document, a: int, b: int) -> bool:
    """Whether the sentence [a, b) announces or holds something (发布, 公布, 召开)."""
    f = doc.folded
    return any(f.find(w, a, b) >= 0 for w in (*doc.lex.announces, *vocab.grammar().words("event_verb")))


def whole_period(doc: Document, a: int, b: int, lo: int, hi: int) -> tuple[int, int]:
    """The span of the time expression around [a, b), grown over its
    neighbouring parts within [lo, hi): 今年 + 上半年, 2022年 + 前 +
    三季度, 截至 + 今年6月底, 自 + 2019年 + 以来, 过去三年 + 间, 第三 + 季."""
    return _grown_back(doc, a, lo), _grown_on(doc, b, hi)


def _grown_back(doc: Document, a: int, lo: int) -> int:
    f = doc.folded
    changed = True
    while changed and a > lo:
        changed = False
        # 今年首8個月, 2021年至2023年: a time joins across 前, 首 or a range's connector
        gap = 1 if f[a - 1:a] in vocab.grammar().set("period_gap") else 0
        this = doc.mention_at.get(a)
        if gap and f[a - 1] in vocab.grammar().set("first_period") and this is not None and this.kind == "duration" \
                and a - 1 >= lo and a - 1 not in doc.mention_end:
            a, changed = a - 1, True  # 前三季度, 首8个月: the first months of the year, to date
            continue
        before = doc.mention_end.get(a - gap)
        if before is not None and before.start >= lo and (
                is_time(before) or (before.kind == "ordinal" and f.startswith(quarters(), before.end))):
            a, changed = before.start, True
            continue
        for k in (a, a - gap) if gap else (a,):
            for w in doc.lex.openers_to.get(f[k - 1:k], ()):
                if k - len(w) >= lo and f.startswith(w, k - len(w)) \
                        and w not in vocab.grammar().set("not_period_opener") \
                        and (k == a or w in doc.lex.periods):
                    a, changed = k - len(w), True
                    break
            if changed:
                break
    return a


def _grown_on(doc: Document, b: int, hi: int) -> int:
    f = doc.folded
    changed = True
    while changed and b < hi:
        changed = False
        nxt = doc.mention_at.get(b + 1 if f[b:b + 1] in vocab.grammar().set("period_gap") else b)
        if nxt is not None and nxt.end <= hi and (
                is_time(nxt) or (nxt.kind == "ordinal" and f.startswith(quarters(), nxt.end))):
            b, changed = nxt.end, True
            continue
        for w in doc.lex.closers_from.get(f[b], ()):
            if b + len(w) <= hi and f.startswith(w, b):
                b, changed = b + len(w), True
                break
    return b



# How far back a year in context reaches, for a month or quarter written alone (5月, 三季度).
_CONTEXT_REACH = 400
_CONTEXT_TIMES = 12


def when(doc: Document, text: Optional[str], i: int, span: Optional[tuple[int, int]] = None) -> Optional[Period]:
    """The period ``text`` of figure ``i`` (read at ``span``) as data,
    resolved against the document's date and the year in context; a year of
    a range that 分别 hands out in order is that year's (2025-2027年归母净利润
    分别为8.3/10.6/13.4亿元: 2025, 2026, 2027)."""
    if text is None:
        return None
    year = _year_of_range(doc, i, span)
    if year is not None:
        p = normalize_period(f"{year}年")
        return Period(text, p.label, p.start, p.end, p.instant, p.relative)
    return normalize_period(text, reference=doc.date, year=context_year(doc, i))


def _year_of_range(doc: Document, i: int, span: Optional[tuple[int, int]]) -> Optional[int]:
    if span is None:
        return None
    t = doc.mention_at.get(span[0])
    if t is None or t.kind != "year" or t.end != span[1] or not isinstance(t.low, int) \
            or not isinstance(t.high, int) or not 0 < t.high - t.low < _LIST_MOST:
        return None
    m = doc.numbers[i]
    s_start = doc.sentence(m.start)[0]
    k = vocab.rfind_any(doc.folded, vocab.grammar().words("respective"), max(t.end, s_start), m.start)
    if k < 0:
        return None
    figures = respective_figures(doc, k, m)
    if len(figures) != t.high - t.low + 1 or m not in figures:
        return None
    return t.low + figures.index(m)


def context_year(doc: Document, i: int) -> Optional[int]:
    """The year last named before figure ``i``, near it: the year a month or
    quarter written alone belongs to."""
    m = doc.numbers[i]
    k = bisect.bisect_left(doc.times, i)
    for j in reversed(doc.times[max(0, k - _CONTEXT_TIMES):k]):
        t = doc.numbers[j]
        if m.start - t.end > _CONTEXT_REACH:
            return None
        year = _year_of(t)
        if year is not None:
            return year
    return None


def _year_of(t: NumberMention) -> Optional[int]:
    if t.kind == "year" and isinstance(t.value, int):
        return t.value
    if t.kind == "date" and isinstance(t.value, str) and t.value[:4].isdigit():
        return int(t.value[:4])
    return None
