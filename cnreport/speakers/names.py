"""Names and titles on a speaker line: surnames, given names, job titles, the
organisation before a title, and the key that is the same for the script and
homophone variants of one name.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional, Union

import regex

from ..lexicon import loaders
from ..model import Speaker
from ..normalize import fold
from ..text import ELLIPSIS, SEMICOLONS, SENTENCE_END
from ..words import jieba_entries, once

# A speaker line is short: a title line holds a name and a title, nothing more.
_MAX_TITLE_LINE = 60
_MAX_LABEL = 25
_ROLE_SPLIT = regex.compile(r"\s*(?:、|，|,|兼|及|/)\s*")
_SENTENCE_END = regex.compile(f"[{SENTENCE_END}{SEMICOLONS}{ELLIPSIS}]")
_HAN = regex.compile(r"\p{Han}+")
_NAME_SEPARATORS = regex.compile(r"[ \t\u3000、,，]+")
_LATIN_NAME = regex.compile(r"[A-Za-z][A-Za-z.' ]{0,30}[A-Za-z.]")


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
    genre = next((w for w in _genres() if title and fold(title).startswith(w)), "")
    title = (title[len(genre):] or None) if title else None  # (专访 + 曜石电池董事长: the kind of piece is no title)
    roles = tuple(r for r in _ROLE_SPLIT.split(title) if r) if title else ()
    if org is None and roles:
        org = _org(roles[0])
    return Speaker(name=name, title=title, roles=roles, org=org, raw=raw.strip())


@lru_cache(maxsize=1)
def _role_parts() -> tuple[str, ...]:
    """Words between an organisation and a job title that name no
    organisation (``lexicon/role_parts.tsv``)."""
    return loaders.role_parts()


@lru_cache(maxsize=1)
def _genres() -> tuple[str, ...]:
    """The kinds of piece a headline's label opens with (专访), longest first."""
    return tuple(sorted((w.word for w in loaders.speaker_words() if w.role == "genre"), key=len, reverse=True))


@lru_cache(maxsize=1)
def _company_ends() -> tuple[str, ...]:
    """The endings of a company's full name (有限公司), kept with it."""
    return tuple(w.word for w in loaders.speaker_words() if w.role == "company_end")


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
    if rest.endswith("公司") and not rest.endswith(_company_ends()):
        rest = rest[:-2]
    if len(rest) < 2 or (not _HAN.match(rest) and not rest[:1].isalnum()):
        return None
    return role[:len(rest)]


def _title_and_name(label: str, raw: str) -> Optional[Speaker]:
    """腾讯副总裁林敬华 → 林敬华 (腾讯副总裁); 茶語軒林佳慧品牌總監 → 林佳慧
    (茶語軒品牌總監, org 茶語軒); 行政院唐鳳政委 → 唐鳳 (行政院政委).

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
