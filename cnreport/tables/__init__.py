"""Tables in text and the scale declarations that govern their figures.

>>> from cnreport.tables import find_tables
>>> t = find_tables("单位：万元\\n| 项目 | 2023年 |\\n|---|---|\\n| 营业收入 | 1,026.53 |\\n")[0]
>>> (t.format, t.scale.text, t.cell(1, 0).text, t.cell(1, 1).value)
('markdown', '单位：万元', '营业收入', Decimal('1026.53'))
"""
from __future__ import annotations

from .cells import read_cell
from .layout import Layout, find_tables, read_layout
from .periods import header_period
from .scale import find_scales, read_scale, scale_in_force

__all__ = [
           "Layout",
           "find_scales",
           "find_tables",
           "header_period",
           "read_cell",
           "read_layout",
           "read_scale",
           "scale_in_force",
]
