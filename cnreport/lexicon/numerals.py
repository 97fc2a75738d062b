"""The numeral alphabet: digits, place units and magnitudes, in folded form.

Texts are folded (see :mod:`cnreport.normalize`) before they are read, so the
traditional forms (萬, 億, 兩, 貳, 參, 陸, 幾, 點, 負) arrive here simplified.
"""
from __future__ import annotations

# Digit characters, including the financial (大寫) forms and the telephone 幺.
DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0, "Ｏ": 0,
    "一": 1, "壹": 1, "幺": 1,
    "二": 2, "贰": 2, "两": 2, "俩": 2,
    "三": 3, "叁": 3, "参": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}

# Digits that may be read one by one after 点 or in a digit string (两 may not:
# 两百点两 is 200 and 2, not 200.2).
PLAIN_DIGITS = frozenset("零〇○一二三四五六七八九壹贰叁肆伍陆柒捌玖幺")

# Financial forms double as ordinary characters (陆地, 队伍, 收拾, 参加): alone
# they are not numbers.
FINANCIAL = frozenset("壹贰叁参肆伍陆柒捌玖拾佰仟")

# Place units inside a section of four digits.
SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}

# Contracted tens: 廿 = 二十, 卅 = 三十, 卌 = 四十.
TENS: dict[str, int] = {"廿": 20, "卅": 30, "卌": 40}

# Magnitudes, as powers of ten.  兆 is 10^12 (the Taiwanese and Japanese use,
# 三兆八〇九〇億); before 瓦, 赫 or 字节 it is a unit prefix and never reaches here.
BIG_UNITS: dict[str, int] = {"万": 4, "亿": 8, "兆": 12}

# Magnitude letters written after Arabic digits in salaries and prices.
ASCII_MAGNITUDES: dict[str, int] = {"k": 3, "K": 3, "w": 4, "W": 4}

POINT = "点"
NEGATIVE = frozenset("负-")

# Pairs of neighbouring digits that state an approximate range (一两年,
# 三四十, 五六年); 三五 (three to five) is idiomatic as well.
APPROX_PAIRS: frozenset[tuple[int, int]] = frozenset(
    [(1, 2), (2, 3), (3, 4), (4, 5), (5, 6), (6, 7), (7, 8), (8, 9), (3, 5)]
)

# Vague digits: 几 (a few) and, before a place unit, 数 (several).
VAGUE_DIGITS = frozenset("几")

# Measure words after which 数 means "several" too (数年, 数次, 数家); not
# 位 (数位, digital), 字 or 据 (数字, 数据).
SEVERAL_BEFORE: tuple[str, ...] = ("年", "个月", "月", "周", "天", "日", "小时", "倍", "次", "个", "家", "名",
                                   "项", "种")

# Currencies after which 千 is a reporting unit, even after a number of many
# digits: statements in thousands (1,234,567千元 is 1,234,567,000 yuan).
THOUSANDS_OF = ("元", "美元", "港元", "港币", "人民币", "欧元", "日元", "英镑", "新台币", "澳门元", "澳元", "加元")
