"""Chart one company's measure over its periods, from several reports.

    python examples/chart_series.py tests/fixtures/dataset 星云科技 revenue series.png

Needs matplotlib (``pip install 'cnreport[examples]'``). The reports are
collected into one dataset (:func:`cnreport.collect`); the entity may be
written in either script or by any alias (it is keyed as the reports are).
Each period's bar is the preferred value; where another source states a
different value, it is drawn as a cross beside the bar, so a conflict shows.
Each bar is labelled with its value and the number of sources that state it.
Chinese text is drawn with the first installed font that has its characters
(see examples/chart_metrics.py).
"""
from __future__ import annotations

import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Optional

from chart_metrics import INSTALL_HINT, cjk_font

import cnreport

YI = 100_000_000  # 亿: amounts are drawn in 亿 of their currency


def series_of(dataset: cnreport.Dataset, entity: str, measure: str) -> list[tuple[str, Fraction, list[Fraction], int]]:
    """(period, preferred value, other values stated, sources that state the
    preferred value) of a measure of an entity's levels, in time order."""
    key = cnreport.entity_key(entity)
    others: dict[str, list[Fraction]] = {}
    sources: dict[str, int] = {}
    for f in dataset:
        if f.key.entity_key == key and f.key.measure == measure and f.key.kind == "level" and not f.key.scope:
            if f.preferred:
                sources[f.key.period] = len(f.sources)
            elif f.value is not None:
                others.setdefault(f.key.period, []).append(Fraction(f.value))
    return [(p.period, Fraction(p.value), others.get(p.period, []), sources[p.period])
            for p in dataset.series(key or entity, measure) if p.value is not None]


def chart(points: list[tuple[str, Fraction, list[Fraction], int]], title: str, unit: str, out: Path) -> Optional[str]:
    """Draw the series to ``out``; returns the font the Chinese text is in
    (``None`` when no installed font has it: the title is then drawn in
    pinyin-free ASCII and a hint is printed)."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    font = cjk_font(title + unit)
    if font is None:
        print(f"no installed font has the characters of {title}: {INSTALL_HINT}", file=sys.stderr)
    with plt.rc_context({"font.family": [font, "DejaVu Sans"] if font else ["DejaVu Sans"]}):
        fig, ax = plt.subplots(figsize=(7, 4))
        labels = [p for p, _, _, _ in points]
        heights = [float(v / YI) for _, v, _, _ in points]
        bars = ax.bar(labels, heights, color="#4c72b0")
        for bar, (_, value, _, n) in zip(bars, points, strict=True):
            ax.annotate(f"{_yi(value)}\n({n} 个来源)", (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                        ha="center", va="bottom", fontsize=8)
        xs = [k + 0.3 for k, (_, _, other, _) in enumerate(points) for _ in other]
        ys = [float(v / YI) for _, _, other, _ in points for v in other]
        if xs:  # the values other sources give, beside the bar
            ax.scatter(xs, ys, marker="x", color="#c44e52", zorder=3, label="另一来源的数值")
        ax.set_ylabel(unit if font else "100 million")
        ax.set_title(title if font else "series")
        ax.set_ylim(0, max(heights) * 1.25)
        if xs:
            ax.legend(loc="upper left", fontsize=8)
        fig.tight_layout()
        fig.savefig(out, dpi=110)
        plt.close(fig)
    return font


def _yi(v: Fraction) -> str:
    return f"{Decimal(v.numerator) / Decimal(v.denominator) / YI:.2f}"


def main(argv: list[str]) -> int:
    if len(argv) < 3:
        print("usage: chart_series.py REPORTS_DIR ENTITY MEASURE [OUT.png]", file=sys.stderr)
        return 2
    folder, entity, measure = Path(argv[0]), argv[1], argv[2]
    out = Path(argv[3]) if len(argv) > 3 else Path("series.png")
    dataset = cnreport.collect([folder])
    points = series_of(dataset, entity, measure)
    if not points:
        print(f"no {measure} of {entity} in {folder}", file=sys.stderr)
        return 1
    chart(points, f"{entity} {measure}（按期，多份报告）", "亿元", out)
    print(f"{out}: {len(points)} periods of {entity} {measure}: {', '.join(p for p, _, _, _ in points)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
