"""The lines of a text and what each is: a speaker line (劉熾平-騰訊公司總裁, 问:,
石怡佳（司儀）：), a byline, boilerplate, or plain text.
"""
from __future__ import annotations

from functools import cache, lru_cache
from typing import Optional

import attrs
import regex

from ..lexicon import loaders
from ..model import SectionKind, Speaker
from .names import (
    _MAX_LABEL,
    _MAX_TITLE_LINE,
    _NAME_SEPARATORS,
    _SENTENCE_END,
    _is_name,
    _is_title,
    _name_then_title,
    _speaker,
    _surname_and_title,
    _surname_title_given,
    _surnames,
    _title_and_name,
)

_MAX_HEADING = 30
# Short lines after a link-list marker are links; a longer one is text again.
_MAX_LIST_LINE = 50
# Paragraphs shorter than this repeat by chance (谢谢。, 是的。).
_MIN_DUPLICATE = 8
# Markdown marks, quote marks and list bullets before a speaker label.
_LEAD = regex.compile(r"[ \t\u3000]*(?:#{1,6}[ \t]*|>[ \t]*)?(?:\*\*|__)?[ \t]*")
_LEAD_CHARS = frozenset(" \t\u3000#>*_")  # what _LEAD can start with
_TRAIL_SPACES = " \t\u3000"
_TITLE_SEPARATORS = "—–-|｜:/"  # one of them stands in every _TITLE_LINE
_TITLE_LINE = regex.compile(
    r"(?P<name>[^-—–|｜:/（(]{1,16}?)\s*(?:——|—|–|-|\||｜|:|/)\s*(?P<title>[^:]{1,44}?)\s*:?")
_SPACED_TITLE_LINE = regex.compile(r"(?P<name>[^\s:]{2,16}?)[ \u3000]+(?P<title>[^\s:][^:]{1,44}?)\s*:?")
_PAREN_LINE = regex.compile(
    r"(?P<name>[^（(:]{1,16}?)\s*[（(](?P<title>[^）)]{1,40})[）)]\s*(?::\s*(?P<rest>.*))?",
    regex.S)
_LABEL_LINE = regex.compile(r"(?P<label>[^:：\n*]{1,25}?)\s*(?:\*\*|__)?\s*:\s*(?:\*\*|__)?(?P<rest>.*)",
                            regex.S)
_QA_LABEL = regex.compile(r"([QA])\d{0,2}", regex.I)
# Arrows that point readers at other pages: 「↘見實425直播文章都在這」.
_LINK_MARKS = "↘👇▼👉→"


@attrs.define
class _Line:
    start: int
    end: int
    raw: str                  # the line without its line break
    folded: str               # fold(raw), stripped of markdown marks, same offsets as `lead`
    lead: int                 # offset of `folded` inside `raw`
    role: str = "plain"       # blank, delimiter, heading, speaker, byline, boilerplate, plain
    heading: Optional[str] = None
    speaker: Optional[Speaker] = None
    turn_kind: Optional[SectionKind] = None
    asks: bool = False
    list_start: bool = False
    doubled: bool = False
    byline: Optional[str] = None
    in_block: bool = False    # inside a // block, after its first line
    # Filled by _assign.
    kind: SectionKind = "narrative"
    in_force: Optional[str] = None
    who: Optional[Speaker] = None
    opens: bool = False
    duplicate_of: Optional[int] = None


def _lines(text: str, folded: str) -> list[_Line]:
    out = []
    pos = 0
    for chunk in text.splitlines(keepends=True):
        raw = chunk.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        m = _LEAD.match(raw) if raw[:1] in _LEAD_CHARS else None  # most lines open with text
        lead = m.end() if m else 0
        # closing emphasis and the spaces around it (**名字：** )
        body = raw[lead:].rstrip(_TRAIL_SPACES)
        if body.endswith(("**", "__")):
            body = body[:-2]
        out.append(_Line(pos, pos + len(chunk), raw, folded[pos + lead:pos + lead + len(body)], lead))
        pos += len(chunk)
    return out


@lru_cache(maxsize=1)
def _labels() -> dict[str, SectionKind]:
    return {label.lower(): kind for label, kind in loaders.speaker_labels()}


_Boilerplate = tuple[int, str, bool]


@lru_cache(maxsize=1)
def _boilerplate() -> tuple[dict[str, _Boilerplate], dict[str, list[_Boilerplate]]]:
    """Rows of the table as (row number, text, whether a list follows): by
    whole line, and the prefix rows by first character."""
    exact: dict[str, _Boilerplate] = {}
    prefixes: dict[str, list[_Boilerplate]] = {}
    for n, r in enumerate(loaders.boilerplate()):
        row = (n, r.text, r.list)
        exact.setdefault(r.text, row)
        if r.match == "prefix":
            prefixes.setdefault(r.text[:1], []).append(row)
    return exact, prefixes


@lru_cache(maxsize=1)
def _byline_pattern() -> regex.Pattern[str]:
    words = sorted(loaders.bylines(), key=lambda r: -len(r.word))
    alts = "|".join(regex.escape(r.word) + (r"\s*[:/|｜]" if r.sep else r"\s*[:/|｜]?")
                    for r in words)
    # (a date and time may open the line: 2024年12月1日 10:05　某某财经　记者：某某)
    return regex.compile(rf"(?:[0-9][0-9年月日/.\-: \t\u3000]{{5,20}})?"
                         rf"(?P<outlet>.{{0,15}}?)(?:{alts})\s*(?P<names>[\p{{Han}}·]{{2,4}}"
                         rf"(?:[ \t\u3000、,，]+[\p{{Han}}·]{{2,4}}){{0,3}})")


def _boilerplate_line(line: _Line) -> bool:
    f = line.folded.strip()
    if f[:1] in _LINK_MARKS:
        return True
    core = f.lstrip("「【[（(-—–" + _LINK_MARKS + " ").rstrip("」】])）:：-—– ")  # (- END -, （完）)
    exact, prefixes = _boilerplate()
    # the first row of the table that matches decides whether a list follows
    hits = [row for row in prefixes.get(core[:1], ()) if core.startswith(row[1])]
    if core in exact:
        hits.append(exact[core])
    if hits:
        line.list_start = min(hits)[2]
        return True
    # A scraped title printed twice on one line.
    half = len(f) // 2
    if _MIN_DUPLICATE <= len(f) <= 2 * _MAX_HEADING and len(f) % 2 == 0 and f[:half] == f[half:] \
            and not _SENTENCE_END.search(f):
        line.doubled = True
        return True
    return False


def _count_short_labels(lines: list[_Line]) -> int:
    """How many lines open with a one-character surname label (朱:), which
    counts as a speaker only in a transcript that uses such labels."""
    single, _ = _surnames()
    return sum(1 for line in lines
               if len(line.folded) > 2 and line.folded[1] == ":" and line.folded[0] in single)


@cache
def _speaker_words(role: str, value: str | None = None) -> tuple[str, ...]:
    """The words of ``lexicon/speaker_words.tsv`` with ``role`` (and
    ``value``, when given), in table order."""
    return tuple(w.word for w in loaders.speaker_words() if w.role == role and value in (None, w.value))


@lru_cache(maxsize=1)
def _intro() -> regex.Pattern[str]:
    """以下为林敬华的演讲实录:, 林敬华的讲话如下:: a line that introduces a
    speech, and who gives it."""
    def alts(words: tuple[str, ...]) -> str:
        return "|".join(regex.escape(w) for w in words)
    speech, record = alts(_speaker_words("speech")), alts(_speaker_words("record"))
    short_speech, short_record = alts(_speaker_words("speech", "short")), alts(_speaker_words("record", "short"))
    return regex.compile(
        rf"以下[为是系]?[:]?\s*(?P<who>.{{1,30}}?)(?:的|在.{{1,20}}?[上中]的?)?(?:主题)?(?:{speech})"
        rf"(?:{record})?(?:如下)?\s*[:]?"
        rf"|(?P<who2>.{{1,30}}?)的?(?:{short_speech})(?:{short_record})?如下\s*[:]?")


def _speaker_line(line: _Line, short_labels: int) -> bool:
    """Whether ``line`` opens a turn; if so, its speaker and turn kind are
    set on it. Each form needs a mark (以下/如下, a separator, a bracket, a
    colon): a line without it is not tried."""
    f = line.folded
    if len(f) > _MAX_TITLE_LINE and ":" not in f[:_MAX_LABEL + 2]:
        return False  # a paragraph, not a speaker line: no label opens it
    raw = line.raw[line.lead:line.lead + len(f)]
    m = _intro().fullmatch(f) if f.startswith("以下") or "如下" in f else None
    if m:
        who = m.group("who") or m.group("who2")
        j = m.start("who") if m.group("who") else m.start("who2")
        return _introduced(line, who, raw[j:j + len(who)])
    return _titled(line, f, raw) or _bracketed(line, f, raw) or _labelled(line, f, raw, short_labels)


def _titled(line: _Line, f: str, raw: str) -> bool:
    """劉熾平-騰訊公司總裁, 王坚 阿里巴巴集团技术委员会主席: a name, a
    separator (or a space), a title."""
    m = _TITLE_LINE.fullmatch(f) if _has_any(f, _TITLE_SEPARATORS) else None
    if not (m and len(f) <= _MAX_TITLE_LINE and _is_title(m.group("title"))
            and _is_name(m.group("name"), strict=False)):
        m = _SPACED_TITLE_LINE.fullmatch(f) if " " in f or "\u3000" in f else None
        if not (m and len(f) <= _MAX_TITLE_LINE and not _SENTENCE_END.search(f) and _is_title(m.group("title"))
                and _is_name(m.group("name"), strict=False)):
            return False
    line.speaker = _speaker(raw[m.start("name"):m.end("name")], raw[m.start("title"):m.end("title")], line.raw)
    line.turn_kind = "speech"
    return True


def _bracketed(line: _Line, f: str, raw: str) -> bool:
    """石怡佳（司儀）：, 主持人（张三）：, 问（瑞银分析师）：: a name or a
    role, and the other in brackets."""
    m = _PAREN_LINE.fullmatch(f) if "（" in f or "(" in f else None
    if m is None:
        return False
    name, title = m.group("name"), m.group("title")
    name_at, title_at = (m.start("name"), m.end("name")), (m.start("title"), m.end("title"))
    if (_is_title(title) or title.lower() in _labels()) and _is_name(name, strict=False):
        line.speaker = _speaker(raw[name_at[0]:name_at[1]], raw[title_at[0]:title_at[1]], line.raw)
        line.turn_kind = "speech"
    elif (_is_title(name) or name.lower() in _labels()) and _is_name(title, strict=False):
        # 主持人（张三）：, 腾讯总裁(刘炽平): the role first, the name in brackets.
        line.speaker = _speaker(raw[title_at[0]:title_at[1]], raw[name_at[0]:name_at[1]], line.raw)
        line.turn_kind = _labels().get(name.lower(), "speech")
    elif name.lower() in _labels() and m.group("rest") is not None:
        # 问（瑞银分析师）：: a label, and who asks in brackets
        line.speaker = Speaker(name=raw[name_at[0]:name_at[1]], title=raw[title_at[0]:title_at[1]],
                               raw=line.raw.strip())
        line.turn_kind = _labels()[name.lower()]
    else:
        return False
    line.asks = _asks(m.group("rest") or "")
    return True


def _labelled(line: _Line, f: str, raw: str, short_labels: int) -> bool:
    """问:, Q1:, 林敬华:, CFO 罗硕瀚:, 王院长:: a label before a colon."""
    m = _LABEL_LINE.fullmatch(f) if ":" in f else None
    if not (m and len(m.group("label")) <= _MAX_LABEL):
        return False
    label, rest = m.group("label"), m.group("rest")
    written = raw[m.start("label"):m.end("label")]
    kind = _label_kind(label)
    if kind is None and _QA_LABEL.fullmatch(label):
        kind = "question" if label[0] in "Qq" else "answer"
    head, space, tail = label.partition(" ")
    if kind is not None:
        line.speaker = Speaker(name=written, raw=line.raw.strip())
    elif space and _is_name(tail.strip(), strict=False) and (head.lower() in _labels() or _is_title(head)):
        # CFO 罗硕瀚:, 主持人 王小丫: a role, a space, the name
        k = len(head) + 1 + (len(tail) - len(tail.lstrip()))
        line.speaker = Speaker(name=written[k:].strip(), title=written[:len(head)], raw=line.raw.strip())
        kind = _labels().get(head.lower(), "speech")
    else:
        speaker = _named_label(label, written, rest, short_labels)
        if speaker is None:
            return False
        line.speaker = attrs.evolve(speaker, raw=line.raw.strip())
        kind = "speech"
    line.turn_kind = kind
    line.asks = _asks(rest)
    return True


def _named_label(label: str, written: str, rest: str, short_labels: int) -> Optional[Speaker]:
    """The speaker a label names: a surname and a title (王院长, 李总), a name
    alone, or a name and a title written together (腾讯副总裁林敬华)."""
    addressed = _surname_and_title(label, written)  # 王院长, 李总: before 李总 passes for a name
    if addressed is not None:
        return addressed
    if _is_name(label, strict=True) or (len(label) == 1 and short_labels >= 2 and label in _surnames()[0] and rest):
        return Speaker(name=written)
    return _surname_title_given(label, written) or _name_then_title(label, written) \
        or _title_and_name(label, written)


def _label_kind(label: str) -> Optional[SectionKind]:
    """The kind of turn a label opens: a label of the table, numbered
    (投资者1), or an analyst of a named house (摩根士丹利分析师, 高盛分析师X)."""
    labels = _labels()
    key = label.lower()
    kind = labels.get(key) or labels.get(key.rstrip("0123456789 "))
    analyst = next(iter(_speaker_words("analyst")), "")
    if kind is None and analyst and analyst in key:  # (in a label, whoever is named with 分析师 asks)
        kind = labels.get(analyst)
    return kind


def _has_any(text: str, chars: str) -> bool:
    return any(c in text for c in chars)


def _introduced(line: _Line, who: str, written: str) -> bool:
    """以下为林敬华发言实录: / 以下是腾讯副总裁林敬华的演讲: the person named."""
    if _is_name(who, strict=False):
        line.speaker = _speaker(written, None, line.raw)
    else:
        speaker = _title_and_name(who, written)
        if speaker is None:
            return False
        line.speaker = attrs.evolve(speaker, raw=line.raw.strip())
    line.turn_kind = "speech"
    return True


def _asks(rest: str) -> bool:
    return "?" in rest or "？" in rest


_BYLINE_LONGEST = 48  # a date and time, an outlet, 记者 and up to four names


def _byline(line: _Line) -> bool:
    f = line.folded.strip()
    if len(f) > _BYLINE_LONGEST:
        return False
    m = _byline_pattern().fullmatch(f)
    if not m:
        return False
    names = _NAME_SEPARATORS.split(m.group("names"))
    if not all(_is_name(n, strict=False) for n in names):
        return False
    j = line.folded.index(f) + m.start("names")
    line.byline = line.raw[line.lead + j:line.lead + j + len(m.group("names"))]
    return True
