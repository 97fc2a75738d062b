"""Find every numeric expression in a text: value, span, unit, qualifier, kind.

The finder walks the folded text (same length as the original, see
:mod:`cnreport.normalize`) from one numeral character to the next. At each it
reads the longest expression it can — fixed idioms (成千上万), percentages
(百分之六十), fractions (八分之一), dates (2019年3月底), ranges (5~6億),
then a numeral with what is attached to it: a qualifier before (超過, 近),
a unit or measure word after (萬臺, 個小時, 塊錢), 多/余, and a qualifier
after (以上, 左右). A few precision rules then drop what is not a quantity:
numerals inside words (統一, 一些, 萬達 — from jieba's dictionary and our own
list), the indefinite 一個, names such as 5G and 95後, versions such as 2.0.

The modules of this package, in the order a text meets them:

- :mod:`~cnreport.numbers.find`: :func:`find_numbers`, which checks its
  arguments and folds the text;
- :mod:`~cnreport.numbers.scan`: the walk over a text;
- :mod:`~cnreport.numbers.plain`: short paths for plain Arabic numbers;
- :mod:`~cnreport.numbers.reader`: the full read of one expression, which
  calls the readers of each form: :mod:`~cnreport.numbers.dates`,
  :mod:`~cnreport.numbers.fractional`, :mod:`~cnreport.numbers.percent`,
  :mod:`~cnreport.numbers.ranges`, :mod:`~cnreport.numbers.integers`,
  :mod:`~cnreport.numbers.money`, :mod:`~cnreport.numbers.ordinals`, then
  :mod:`~cnreport.numbers.suffix` and :mod:`~cnreport.numbers.prefixes`
  for what stands after and before the numeral;
- :mod:`~cnreport.numbers.early`, :mod:`~cnreport.numbers.rules` and
  :mod:`~cnreport.numbers.names`: the precision rules, which keep or drop
  what was read (:func:`decisions` tells which rule decided each
  expression, :func:`precision_rules` lists them);
- :mod:`~cnreport.numbers.lists`: passes over all the mentions of a text.

:mod:`~cnreport.numbers.draft` holds the mention being assembled,
:mod:`~cnreport.numbers.tables` the lexicon tables it is read with and
:mod:`~cnreport.numbers.chars` the characters the readers share.
"""
from __future__ import annotations

from .explain import Decision, decisions, precision_rules, rule_for
from .find import find_numbers

# report.py calls _find_numbers with the fold it has already made
from .scan import _find_numbers as _find_numbers

__all__ = ["Decision", "decisions", "find_numbers", "precision_rules", "rule_for"]
