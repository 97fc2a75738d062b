"""Who says what: a report split into sections on its speaker lines.

Conference write-ups and transcripts mark a new speaker with a short line
that names a person: ``劉熾平-騰訊公司總裁``, ``石怡佳（司儀）：``,
``腾讯副总裁林敬华：``, ``林敬华:首先……``, ``问:``, ``以下为林敬华发言实录:``.
A line is read as a speaker line only when its name part is a name (a
surname from ``lexicon/surnames.tsv`` and a short given name, or a label from
``lexicon/speaker_labels.tsv``) and its title part ends in a job title from
``lexicon/titles.tsv``; a bare name with no title must also not be a common
word of jieba's dictionary (高效, 方向). Punctuation alone decides nothing, so
``我們認為:“人-車-店-廠”`` and ``第一個演化:從……`` stay narrative.

Headings (a line between two ``//`` lines, ``【…】``, ``一、…``, ``## …``, a
short line ending in a colon before a turn) set the heading in force; bylines
(``作者X``) are metadata; link lists, doubled title lines and repeated headers
are boilerplate; a paragraph repeated verbatim keeps a pointer to its first
copy (``Section.duplicate_of``).

All matching runs on the folded text (:func:`cnreport.normalize.fold`), so
both scripts and full-width punctuation are read alike, and every offset is
an offset into the caller's string.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional, Union

import attrs
import regex

from . import model as _model
from .lexicon import loaders
from .model import Section, SectionKind, Speaker
from .normalize import fold
from .text import ELLIPSIS, SEMICOLONS, SENTENCE_END
from .words import jieba_entries, once

__all__ = ["same_speaker", "segment", "speaker_key"]

# A speaker line is short: a title line holds a name and a title, nothing more.
_MAX_TITLE_LINE = 60
_MAX_LABEL = 25
_MAX_HEADING = 30
# Short lines after a link-list marker are links; a longer one is text again.
_MAX_LIST_LINE = 50
# Paragraphs shorter than this repeat by chance (谢谢。, 是的。).
_MIN_DUPLICATE = 8

_ROLE_SPLIT = regex.compile(r"\s*(?:、|，|,|兼|及|/)\s*")
_SENTENCE_END = regex.compile(f"[{SENTENCE_END}{SEMICOLONS}{ELLIPSIS}]")
_HAN = regex.compile(r"\p{Han}+")
_NAME_SEPARATORS = regex.compile(r"[ \t\u3000、,，]+")
_LATIN_NAME = regex.compile(r"[A-Za-z][A-Za-z.' ]{0,30}[A-Za-z.]")
# Markdown marks, quote marks and list bullets before a speaker label.
_LEAD = regex.compile(r"[ \t\u3000]*(?:#{1,6}[ \t]*|>[ \t]*)?(?:\*\*|__)?[ \t]*")
_LEAD_CHARS = frozenset(" \t\u3000#>*_")  # what _LEAD can start with
_TRAIL_SPACES = " \t\u3000"

_DELIMITER = regex.compile(r"/{2,}")
_BRACKET_HEADING = regex.compile(r"【([^【】]{1,30})】")
_MARKDOWN_HEADING = regex.compile(r"#{1,6}[ \t]+(\S.{0,40})")
_NUMBERED_HEADING = regex.compile(
    r"(?:[一二三四五六七八九十]{1,3}[、.]|[（(][一二三四五六七八九十]{1,3}[）)]"
    r"|第[一二三四五六七八九十]{1,3}[部章节篇][分]?[、:\s])\s*\S.{0,28}")
_HEADING_WORDS = regex.compile(r"问答|答问|实录|环节|对话|圆桌|访谈|Q&A|QA", regex.I)

_TITLE_SEPARATORS = "—–-|｜:/"  # one of them stands in every _TITLE_LINE
_TITLE_LINE = regex.compile(
    r"(?P<name>[^-—–|｜:/（(]{1,16}?)\s*(?:——|—|–|-|\||｜|:|/)\s*(?P<title>[^:]{1,44}?)\s*:?")
_SPACED_TITLE_LINE = regex.compile(r"(?P<name>[^\s:]{2,16}?)[ \u3000]+(?P<title>[^\s:][^:]{1,44}?)\s*:?")
_PAREN_LINE = regex.compile(
    r"(?P<name>[^（(:]{1,16}?)\s*[（(](?P<title>[^）)]{1,40})[）)]\s*(?::\s*(?P<rest>.*))?",
    regex.S)
_LABEL_LINE = regex.compile(r"(?P<label>[^:：\n*]{1,25}?)\s*(?:\*\*|__)?\s*:\s*(?:\*\*|__)?(?P<rest>.*)",
                            regex.S)
_ANALYST = "分析师"  # in a label, whoever is named with it asks
_QA_LABEL = regex.compile(r"([QA])\d{0,2}", regex.I)
_INTRO = regex.compile(
    r"以下[为是系]?[:]?\s*(?P<who>.{1,30}?)(?:的|在.{1,20}?[上中]的?)?"
    r"(?:主题)?(?:发言|演讲|讲话|致辞|分享|对话|访谈|报告)"
    r"(?:实录|全文|内容|摘要|节选|原文|精华|摘编)?(?:如下)?\s*[:]?"
    r"|(?P<who2>.{1,30}?)的?(?:发言|演讲|讲话|致辞)(?:实录|全文)?如下\s*[:]?")
# Arrows that point readers at other pages: 「↘見實425直播文章都在這」.
_LINK_MARKS = "↘👇▼👉→"


def segment(text: str) -> list[Section]:
    """Split ``text`` into sections, each with its speaker (or none), kind and
    the heading in force. The sections cover the text whole, in order.

    Never raises for a ``str``; anything else is a :class:`TypeError`.

    >>> doc = "//\\n\\n數字生態\\n\\n//\\n\\n湯道生-騰訊高級執行副總裁\\n\\n放眼中國……\\n"
    >>> [(s.kind, s.heading, s.speaker and s.speaker.name) for s in segment(doc)]
    [('heading', '數字生態', None), ('speech', '數字生態', '湯道生')]
    >>> "".join(s.text for s in segment(doc)) == doc
    True
    """
    if not isinstance(text, str):
        raise TypeError(f"segment() takes a str, not {type(text).__name__}; "
                        "decode bytes first, e.g. data.decode('utf-8')")
    return _segment(text, fold(text))


def _segment(text: str, folded: str) -> list[Section]:
    """:func:`segment` of ``text`` whose fold is ``folded``."""
    if not text:
        return []
    lines = _lines(text, folded)
    _classify(lines)
    _assign(lines)
    return _carry_identity(_sections(text, lines))


def _carry_identity(sections: list[Section]) -> list[Section]:
    """A speaker's later turns carry the title and organisation of an
    earlier turn that gave them (陈立峰 星云智联科技首席执行官, then 陈立峰：):
    the same person, by name, across scripts."""
    known: dict[str, Speaker] = {}
    carried = []
    for s in sections:
        sp = s.speaker
        if sp is not None and (sp.title or sp.org):
            known.setdefault(sp.key, sp)
        elif sp is not None and sp.key in known and sp.name not in _labels():
            first = known[sp.key]
            s = attrs.evolve(s, speaker=attrs.evolve(first, name=sp.name, raw=sp.raw))
        carried.append(s)
    return carried


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


# ---------------------------------------------------------------- lexicons

@lru_cache(maxsize=1)
def _surnames() -> tuple[frozenset[str], frozenset[str]]:
    rows = loaders.surnames()
    return (frozenset(s for s in rows if len(s) == 1), frozenset(s for s in rows if len(s) == 2))


@lru_cache(maxsize=1)
def _titles() -> tuple[frozenset[str], tuple[int, ...]]:
    """The job titles, and their lengths from the longest down."""
    titles = frozenset(t.lower() for t in loaders.titles())
    return titles, tuple(sorted({len(t) for t in titles}, reverse=True))


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
    return regex.compile(rf"(?P<outlet>.{{0,15}}?)(?:{alts})\s*(?P<names>[\p{{Han}}·]{{2,4}}"
                         rf"(?:[ \t\u3000、,，]+[\p{{Han}}·]{{2,4}}){{0,3}})")


@lru_cache(maxsize=1)
def _orgs() -> tuple[str, ...]:
    return tuple(sorted(loaders.orgs(), key=len, reverse=True))


@once
def _common_words() -> frozenset[str]:
    """Words of jieba's dictionary that look like names but are not (高效,
    方向, 林业): two to four characters starting with a surname, not tagged
    as a person name."""
    single, double = _surnames()
    return frozenset(word for word, tag in jieba_entries()
                     if 2 <= len(word) <= 4 and not tag.startswith("nr")
                     and (word[0] in single or word[:2] in double))


# ---------------------------------------------------------------- names and titles

def _split_name(name: str) -> Optional[tuple[str, str]]:
    """(surname, given name) of a Chinese name in folded form, or None."""
    single, double = _surnames()
    # the surname look-ups first: most strings tried are not names
    if not 2 <= len(name) <= 4:
        return None
    if name[:2] in double and len(name) >= 3:
        return (name[:2], name[2:]) if _HAN.fullmatch(name) else None
    if name[0] in single and len(name) <= 3:
        return (name[0], name[1:]) if _HAN.fullmatch(name) else None
    return None


def _is_name(name: str, *, strict: bool) -> bool:
    """Whether ``name`` (folded) names a person. With a title beside it, a
    surname and a short given name are enough; alone (``林敬华:``) it must
    also not be a common word."""
    if _split_name(name) is not None:
        return not strict or (name not in _common_words() and _title_end(name) == 0)
    if strict:
        return False
    if "·" in name and 3 <= len(name) <= 16 and _HAN.fullmatch(name.replace("·", "")):
        return True
    return bool(_LATIN_NAME.fullmatch(name))


def _title_end(role: str) -> int:
    """Length of the job title that ends ``role`` (folded), 0 if none."""
    low = role.lower()
    titles, lengths = _titles()
    for n in lengths:
        if n <= len(low) and low[-n:] in titles:
            # CEO must not be the tail of a longer Latin word.
            if low[-n:].isascii() and len(low) > n and low[-n - 1].isascii() \
                    and low[-n - 1].isalpha():
                continue
            return n
    return 0


@lru_cache(maxsize=1)
def _address_titles() -> frozenset[str]:
    return frozenset(loaders.address_titles())


def _surname_and_title(label: str, written: str) -> Optional[Speaker]:
    """王院长, 李总, 欧阳董: a surname and a title, as people are addressed in
    a transcript. The name is the label as written, the title its tail."""
    single, double = _surnames()
    for n in (2, 1):
        surname, rest = label[:n], label[n:]
        if not (surname in double if n == 2 else surname in single) or not 1 <= len(rest) <= 5:
            continue
        if rest in _address_titles() or _title_end(rest) == len(rest):
            return _speaker(written, written[n:], written)
    return None


def _is_title(text: str) -> bool:
    """A title line's title part: every role ends in a job title."""
    if not 1 <= len(text) <= 44 or _SENTENCE_END.search(text) or '“' in text:
        return False
    return all(role and _title_end(role) for role in _ROLE_SPLIT.split(text))


def _speaker(name: str, title: Optional[str], raw: str, org: Optional[str] = None) -> Speaker:
    title = title or None
    roles = tuple(r for r in _ROLE_SPLIT.split(title) if r) if title else ()
    if org is None and roles:
        org = _org(roles[0])
    return Speaker(name=name, title=title, roles=roles, org=org, raw=raw.strip())



@lru_cache(maxsize=1)
def _role_parts() -> tuple[str, ...]:
    """Words between an organisation and a job title that name no
    organisation (``lexicon/role_parts.tsv``)."""
    return loaders.role_parts()


def _org(role: str) -> Optional[str]:
    """The organisation in front of a role's job title (騰訊公司副總裁 → 騰訊)."""
    folded = fold(role)
    for org in _orgs():
        if folded.startswith(org):
            return role[:len(org)]
    rest = folded[:len(folded) - _title_end(folded)]
    # Grades, functions and 原 (former) stand between the organisation and
    # the title: 首席财务总监 names no organisation, 中国中化原董事长 names 中国中化.
    changed = True
    while changed:
        changed = False
        for part in _role_parts():
            if rest.endswith(part):
                rest = rest[:-len(part)]
                changed = True
    if rest.endswith("公司") and not rest.endswith(("有限公司", "集团公司", "股份公司")):
        rest = rest[:-2]
    if len(rest) < 2 or (not _HAN.match(rest) and not rest[:1].isalnum()):
        return None
    return role[:len(rest)]


def _title_and_name(label: str, raw: str) -> Optional[Speaker]:
    """腾讯副总裁林敬华 → 林敬华 (腾讯副总裁); 迷客夏陳佐群品牌總監 → 陳佐群
    (迷客夏品牌總監, org 迷客夏); 行政院唐鳳政委 → 唐鳳 (行政院政委).

    ``label`` is folded, ``raw`` the same text as written. When the name
    sits inside, the organisation is before it and the title after it, and
    of the readings the one that leaves the fewest characters between the
    name and the job title wins."""
    if _SENTENCE_END.search(label):
        return None  # a name has no punctuation: the rest would hold it
    # With text after the name, that text is a title, so the label ends in
    # one; otherwise only a name at the very end can do.
    inner = _title_end(label) > 0
    found = []
    for i in range(len(label)) if inner else range(max(0, len(label) - 4), len(label) - 1):
        for n in (2, 3, 4):
            name = label[i:i + n]
            if len(name) < n or _split_name(name) is None or (not inner and i + n < len(label)):
                continue
            pre, post = label[:i], label[i + n:]
            if post:
                if not pre or not _is_title(post):
                    continue
                gap = len(post) - _title_end(post)
            elif not _title_end(pre):
                continue
            else:
                gap = 0
            if _SENTENCE_END.search(pre + post) or len(pre + post) > 30:
                continue
            found.append((gap, -n, i))
    if not found:
        return None
    _, n, i = min(found)
    n = -n
    title = raw[:i] + raw[i + n:]
    org = raw[:i] if i + n < len(raw) and not _title_end(label[:i]) else None
    return _speaker(raw[i:i + n], title, raw, org=org)


def _surname_title_given(label: str, raw: str) -> Optional[Speaker]:
    """黃委員國昌 → 黃國昌 (委員): the Taiwanese record style, where the title
    stands between the surname and the given name."""
    n = _surname_length(label)
    if not n:
        return None
    for given in (2, 1):
        title = label[n:len(label) - given]
        if title and len(label) - given > n and _title_end(title) == len(title) \
                and _HAN.fullmatch(label[len(label) - given:]):
            return _speaker(raw[:n] + raw[len(raw) - given:], raw[n:len(raw) - given], raw)
    return None


def _surname_length(label: str) -> int:
    """The length of the surname that opens ``label`` (folded), 0 if none."""
    single, double = _surnames()
    return 2 if label[:2] in double else 1 if label[:1] in single else 0


def _name_then_title(label: str, raw: str) -> Optional[Speaker]:
    """王國材部長 → 王國材 (部長), 张勇总裁 → 张勇 (总裁): a surname, a given
    name of one or two characters, and nothing after it but a job title."""
    n = _surname_length(label)
    if not n:
        return None
    for given in (2, 1):
        title = label[n + given:]
        if title and _title_end(title) == len(title) and _HAN.fullmatch(label[n:n + given]) \
                and _title_end(label[:n + given]) == 0:
            return _speaker(raw[:n + given], raw[n + given:], raw)
    return None


# ---------------------------------------------------------------- one line at a time

def _classify(lines: list[_Line]) -> None:
    short_labels = _count_short_labels(lines)
    for line in lines:
        f = line.folded
        if not f.strip():
            line.role = "blank"
        elif _DELIMITER.fullmatch(f):
            line.role = "delimiter"
        elif _boilerplate_line(line):
            line.role = "boilerplate"
        elif _speaker_line(line, short_labels):
            line.role = "speaker"
        elif _byline(line):
            line.role = "byline"
        elif _heading_line(line):
            line.role = "heading"
    _two_line_speakers(lines)
    _colon_headings(lines)
    _delimited_headings(lines)
    _repeated_headers(lines)


_OPEN_BEFORE = ("blank", "delimiter", "heading", "boilerplate")
_MIN_PARAGRAPH = 10  # characters of the paragraph a two-line speaker introduces


def _two_line_speakers(lines: list[_Line]) -> None:
    """A title and a name on two lines of their own (腾讯公司副总裁 / 林松涛,
    or the name first), standing apart and followed by a paragraph, open a
    speech. The name must be a name alone (not a common word)."""
    for i in range(len(lines) - 1):
        a, b = lines[i], lines[i + 1]
        if a.role != "plain" or b.role != "plain" or (i > 0 and lines[i - 1].role not in _OPEN_BEFORE):
            continue
        fa, fb = a.folded.strip(), b.folded.strip()
        if _is_title(fa) and _is_name(fb, strict=True):
            name, title = b.raw.strip(), a.raw.strip()
        elif _is_title(fb) and _is_name(fa, strict=True):
            name, title = a.raw.strip(), b.raw.strip()
        else:
            continue
        nxt = _next_text(lines, i + 1)
        if nxt is None or nxt == i + 1 or lines[nxt].role != "plain" \
                or len(lines[nxt].folded.strip()) < _MIN_PARAGRAPH:
            continue
        a.role, a.turn_kind = "speaker", "speech"
        a.speaker = _speaker(name, title, a.raw + " " + b.raw)


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


def _speaker_line(line: _Line, short_labels: int) -> bool:
    f = line.folded
    if len(f) > _MAX_TITLE_LINE and ":" not in f[:_MAX_LABEL + 2]:
        # A paragraph, not a speaker line: no label opens it.
        return False
    raw = line.raw[line.lead:line.lead + len(f)]
    # Each pattern below needs a mark (以下/如下, a separator, a bracket, a
    # colon): a line without it is not tried.
    m = _INTRO.fullmatch(f) if f.startswith("以下") or "如下" in f else None
    if m:
        who = m.group("who") or m.group("who2")
        j = m.start("who") if m.group("who") else m.start("who2")
        return _introduced(line, who, raw[j:j + len(who)])
    m = _TITLE_LINE.fullmatch(f) if _has_any(f, _TITLE_SEPARATORS) else None
    if m and len(f) <= _MAX_TITLE_LINE and _is_title(m.group("title")) \
            and _is_name(m.group("name"), strict=False):
        name = raw[m.start("name"):m.end("name")]
        title = raw[m.start("title"):m.end("title")]
        line.speaker = _speaker(name, title, line.raw)
        line.turn_kind = "speech"
        return True
    m = _SPACED_TITLE_LINE.fullmatch(f) if " " in f or "\u3000" in f else None
    if m and len(f) <= _MAX_TITLE_LINE and not _SENTENCE_END.search(f) and _is_title(m.group("title")) \
            and _is_name(m.group("name"), strict=False):
        # 王坚 阿里巴巴集团技术委员会主席: a space as the separator
        line.speaker = _speaker(raw[m.start("name"):m.end("name")], raw[m.start("title"):m.end("title")], line.raw)
        line.turn_kind = "speech"
        return True
    m = _PAREN_LINE.fullmatch(f) if "（" in f or "(" in f else None
    if m and (_is_title(m.group("title")) or m.group("title").lower() in _labels()) \
            and _is_name(m.group("name"), strict=False):
        name = raw[m.start("name"):m.end("name")]
        title = raw[m.start("title"):m.end("title")]
        line.speaker = _speaker(name, title, line.raw)
        line.turn_kind = "speech"
        line.asks = _asks(m.group("rest") or "")
        return True
    if m and (_is_title(m.group("name")) or m.group("name").lower() in _labels()) \
            and _is_name(m.group("title"), strict=False):
        # 主持人（张三）：, 腾讯总裁(刘炽平): the role first, the name in brackets.
        name = raw[m.start("title"):m.end("title")]
        title = raw[m.start("name"):m.end("name")]
        line.speaker = _speaker(name, title, line.raw)
        line.turn_kind = _labels().get(m.group("name").lower(), "speech")
        line.asks = _asks(m.group("rest") or "")
        return True
    if m and m.group("name").lower() in _labels() and m.group("rest") is not None:
        # 问（瑞银分析师）：: a label, and who asks in brackets
        line.speaker = Speaker(name=raw[m.start("name"):m.end("name")],
                               title=raw[m.start("title"):m.end("title")], raw=line.raw.strip())
        line.turn_kind = _labels()[m.group("name").lower()]
        line.asks = _asks(m.group("rest"))
        return True
    m = _LABEL_LINE.fullmatch(f) if ":" in f else None
    if m and len(m.group("label")) <= _MAX_LABEL:
        label, rest = m.group("label"), m.group("rest")
        written = raw[m.start("label"):m.end("label")]
        kind = _label_kind(label)
        if kind is None and _QA_LABEL.fullmatch(label):
            kind = "question" if label[0] in "Qq" else "answer"
        if kind is not None:
            line.speaker = Speaker(name=written, raw=line.raw.strip())
            line.turn_kind = kind
            line.asks = _asks(rest)
            return True
        head, space, tail = label.partition(" ")
        if space and _is_name(tail.strip(), strict=False) and (head.lower() in _labels() or _is_title(head)):
            # CFO 罗硕瀚:, 主持人 王小丫: a role, a space, the name
            k = len(head) + 1 + (len(tail) - len(tail.lstrip()))
            line.speaker = Speaker(name=written[k:].strip(), title=written[:len(head)], raw=line.raw.strip())
            line.turn_kind = _labels().get(head.lower(), "speech")
            line.asks = _asks(rest)
            return True
        addressed = _surname_and_title(label, written)  # 王院长, 李总: before 李总 passes for a name
        if addressed is not None:
            line.speaker = attrs.evolve(addressed, raw=line.raw.strip())
        elif _is_name(label, strict=True) or (
                len(label) == 1 and short_labels >= 2 and label in _surnames()[0] and rest):
            line.speaker = Speaker(name=written, raw=line.raw.strip())
        else:
            speaker = _surname_title_given(label, written) or _name_then_title(label, written) \
                or _title_and_name(label, written)
            if speaker is None:
                return False
            line.speaker = attrs.evolve(speaker, raw=line.raw.strip())
        line.turn_kind = "speech"
        line.asks = _asks(rest)
        return True
    return False


def _label_kind(label: str) -> Optional[SectionKind]:
    """The kind of turn a label opens: a label of the table, numbered
    (投资者1), or an analyst of a named house (摩根士丹利分析师, 高盛分析师X)."""
    labels = _labels()
    key = label.lower()
    kind = labels.get(key) or labels.get(key.rstrip("0123456789 "))
    if kind is None and _ANALYST in key:
        kind = labels.get(_ANALYST)
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


def _byline(line: _Line) -> bool:
    f = line.folded.strip()
    if len(f) > 30:
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


def _heading_line(line: _Line) -> bool:
    f = line.folded.strip()
    raw = line.raw.strip()
    if _SENTENCE_END.search(f[-1:]):
        return False
    m = _BRACKET_HEADING.fullmatch(f)
    if m:
        line.heading = raw[1:-1].strip()
        return True
    if _MARKDOWN_HEADING.fullmatch(line.raw.strip()) and len(f) <= _MAX_HEADING:
        line.heading = line.raw.strip().lstrip("#").strip()
        return True
    if _NUMBERED_HEADING.fullmatch(f) and len(f) <= _MAX_HEADING:
        line.heading = raw
        return True
    return False


def _colon_headings(lines: list[_Line]) -> None:
    """主持人问答环节记录: — a short line ending in a colon that opens turns."""
    for i, line in enumerate(lines):
        f = line.folded.strip()
        if line.role != "plain" or not f.endswith(":") or len(f) > _MAX_HEADING \
                or _SENTENCE_END.search(f):
            continue
        nxt = _next_text(lines, i)
        if (nxt is not None and lines[nxt].role == "speaker") or _HEADING_WORDS.search(f):
            line.role = "heading"
            line.heading = line.raw.strip().rstrip(":：").strip()


def _delimited_headings(lines: list[_Line]) -> None:
    """``//`` / heading / ``//``: the middle line is the heading."""
    i = 0
    while i < len(lines):
        if lines[i].role != "delimiter":
            i += 1
            continue
        j = _next_text(lines, i)
        k = _next_text(lines, j) if j is not None else None
        if j is not None and k is not None and lines[k].role == "delimiter" \
                and len(lines[j].folded.strip()) <= _MAX_HEADING:
            lines[j].role = "heading"
            lines[j].heading = lines[j].raw.strip()
            for n in range(i, k + 1):
                lines[n].heading = lines[j].heading
                lines[n].in_block = n > i
                if lines[n].role not in ("heading", "blank"):
                    lines[n].role = "delimiter"
            i = k + 1
        else:
            lines[i].role = "plain"
            i += 1


def _repeated_headers(lines: list[_Line]) -> None:
    """A short title-like line printed more than once (a page header such as
    实时动态,深度解析,把握行业脉搏) is boilerplate, the first copy too."""
    counts: dict[str, int] = {}
    for line in lines:
        if _header_like(line):
            key = line.folded.strip()
            counts[key] = counts.get(key, 0) + 1
    for line in lines:
        if _header_like(line) and counts[line.folded.strip()] > 1:
            line.role = "boilerplate"


def _header_like(line: _Line) -> bool:
    key = line.folded.strip()
    return line.role == "plain" and _MIN_DUPLICATE <= len(key) <= _MAX_HEADING \
        and not _SENTENCE_END.search(key)


def _next_text(lines: list[_Line], i: int) -> Optional[int]:
    for j in range(i + 1, len(lines)):
        if lines[j].role != "blank":
            return j
    return None


# ---------------------------------------------------------------- the walk

def _assign(lines: list[_Line]) -> None:
    """Give each line its kind, speaker and heading in force, and mark the
    lines that open a new section."""
    heading: Optional[str] = None
    who: Optional[Speaker] = None
    kind: SectionKind = "narrative"
    in_list = False
    last_turn: Optional[str] = None
    first_copy: dict[str, int] = {}
    for line in lines:
        role = line.role
        if role == "blank":
            line.kind, line.in_force, line.who = kind, heading, who
            continue
        if in_list and role in ("plain", "boilerplate") \
                and len(line.folded.strip()) <= _MAX_LIST_LINE:
            role = "boilerplate"
        else:
            in_list = False
        if role in ("delimiter", "heading"):
            if line.heading is not None:
                heading = line.heading
            # A block heading ends the turn; a numbered one inside a speech does not.
            if not _NUMBERED_HEADING.fullmatch(line.folded.strip()):
                who, kind, last_turn = None, "narrative", None
            line.kind, line.in_force, line.who = "heading", heading, None
            line.opens = not line.in_block
        elif role == "speaker":
            who = line.speaker
            kind = line.turn_kind or "speech"
            if kind == "speech" and line.asks:
                kind = "question"
            elif kind == "speech" and last_turn == "question" and who is not None \
                    and who.name.lower() not in _labels():
                kind = "answer"
            last_turn = kind
            line.kind, line.in_force, line.who, line.opens = kind, heading, who, True
            said = line.folded.partition(":")[2].strip()
            if len(said) >= _MIN_DUPLICATE:
                _mark_copy(line, first_copy)  # 李斌：…25万台 printed twice, label and all
        elif role == "byline":
            line.kind, line.in_force, line.who, line.opens = "byline", heading, None, True
        elif role == "boilerplate":
            in_list = in_list or line.list_start
            if in_list:
                who, kind = None, "narrative"
            line.kind, line.in_force, line.who = "boilerplate", heading, None
            line.opens = _mark_copy(line, first_copy) or line.doubled
        else:
            # Plain text continues the turn in progress.
            line.kind, line.in_force, line.who = kind, heading, who
            line.opens = _mark_copy(line, first_copy)


def _mark_copy(line: _Line, first_copy: dict[str, int]) -> bool:
    """Record where a paragraph first appears; True when this is a repeat."""
    key = line.folded.strip()
    if len(key) < _MIN_DUPLICATE:
        return False
    if key in first_copy:
        line.duplicate_of = first_copy[key]
        return True
    first_copy[key] = line.start + len(line.raw) - len(line.raw.lstrip())
    return False


def _sections(text: str, lines: list[_Line]) -> list[Section]:
    sections: list[Section] = []
    start = 0
    current: Optional[_Line] = None
    # Blank lines stay with the section before them (leading ones with the first).
    for line in lines:
        if line.role == "blank":
            continue
        if current is not None and (line.opens or current.duplicate_of is not None
                                    or _attrs(line) != _attrs(current)):
            sections.append(_section(text, start, line.start, current))
            start = line.start
        current = line
    if current is None:
        return [Section(start=0, end=len(text), text=text, kind="narrative")]
    sections.append(_section(text, start, len(text), current))
    return sections


def _attrs(line: _Line) -> tuple[object, ...]:
    return (line.kind, line.who, line.in_force, line.byline)


def _section(text: str, start: int, end: int, line: _Line) -> Section:
    return Section(start=start, end=end, text=text[start:end], kind=line.kind, speaker=line.who,
                   heading=line.in_force, duplicate_of=line.duplicate_of, byline=line.byline)


# ---------------------------------------------------------------- identity

def speaker_key(name: str) -> str:
    """The canonical key of a name: simplified surname, then the toneless
    pinyin of the given name; role labels and other names fold to themselves.

    >>> speaker_key("林璟驊"), speaker_key("林静华"), speaker_key("問")
    ('林:jing-hua', '林:jing-hua', '问')
    """
    folded = fold(name).strip()
    split = _split_name(folded)
    if split is None:
        return folded.lower()
    surname, given = split
    return surname + ":" + "-".join(_readings(c)[0] for c in given)


@lru_cache(maxsize=4096)
def _readings(char: str) -> tuple[str, ...]:
    from pypinyin import Style, pinyin
    # (errors may return a list, which pypinyin keeps whole, though its stubs say str)
    found = pinyin(char, style=Style.NORMAL, heteronym=True, errors=lambda c: [c])[0]  # type: ignore[arg-type, return-value]
    return tuple(found) if found else (char,)


def same_speaker(a: Union[Speaker, str], b: Union[Speaker, str]) -> bool:
    """Whether ``a`` and ``b`` name the same person: the same surname, and a
    given name that reads the same in pinyin (any reading of each
    character), in either script. When both carry an organisation and the
    organisations differ, they are different people.

    >>> same_speaker("林璟驊", "林敬华"), same_speaker("林静华", "林景华")
    (True, True)
    >>> same_speaker("林敬华", "李敬华"), same_speaker("问", "問")
    (False, True)
    """
    for x in (a, b):
        if not isinstance(x, (Speaker, str)):
            raise TypeError(f"same_speaker() takes Speaker or str, not {type(x).__name__}")
    name_a = a.name if isinstance(a, Speaker) else a
    name_b = b.name if isinstance(b, Speaker) else b
    if isinstance(a, Speaker) and isinstance(b, Speaker) and a.org and b.org:
        org_a, org_b = fold(a.org), fold(b.org)
        if not (org_a.startswith(org_b) or org_b.startswith(org_a)):
            return False
    fa, fb = fold(name_a).strip(), fold(name_b).strip()
    if fa.lower() == fb.lower():
        return True
    sa, sb = _split_name(fa), _split_name(fb)
    if sa is None or sb is None or sa[0] != sb[0] or len(sa[1]) != len(sb[1]):
        return False
    return all(set(_readings(x)) & set(_readings(y)) for x, y in zip(sa[1], sb[1], strict=True))


# Speaker.key reads names with speaker_key; cnreport.model imports no reader.
_model._speaker_key = speaker_key
