"""From many reports to one dataset: facts keyed by entity, measure,
period and kind, each with every source that states it.

    reports ─► parse ─► observe (key, value scaled, source) ─► merge (restatements, conflicts) ─► Dataset

``collect`` reads a corpus; ``Dataset`` holds the facts with their records,
frames (``to_frame(wide=True)`` for periods as columns), ``series`` and
Parquet; ``Dataset.merge`` joins datasets built apart, with the same answer
as one pass.

>>> import cnreport
>>> table = ("星云科技股份有限公司 2023 年年度报告\\n单位：万元\\n"
...          "| 项目 | 2023年 |\\n|---|---|\\n| 营业收入 | 110,000.00 |\\n")
>>> d = cnreport.collect([("a.md", table), ("b.txt", "星雲科技2023年營收為11億元。")])
>>> f = d.facts[0]
>>> (f.key.entity_key, f.key.measure, f.key.period, f.value, f.key.unit, [s.source for s in f.sources])
('星云科技', 'revenue', '2023', 1100000000, '元', ['a.md', 'b.txt'])
"""
from __future__ import annotations

from .collect import collect, files_under
from .core import Dataset, Point
from .merge import facts
from .model import FACT_KINDS, Fact, FactKind, Form, Key, Observation, Source
from .observe import observe

__all__ = ["FACT_KINDS", "Dataset", "Fact", "FactKind", "Form", "Key", "Observation", "Point", "Source",
           "collect", "facts", "files_under", "observe"]
