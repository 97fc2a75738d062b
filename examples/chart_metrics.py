"""Chart the metrics of a folder of reports, per speaker, as a PNG.

    python examples/chart_metrics.py seeds/ metrics-per-speaker.png

Needs matplotlib (``pip install 'cnreport[examples]'``). Each bar is a
speaker; its parts count the speaker's figures by category (users, revenue,
…), so the chart shows who brought which kind of number.
"""
from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

import cnreport


def metrics_per_speaker(folder: Path) -> dict[str, Counter[str]]:
    """Category counts of the figures each speaker gave, in speaking order."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    paths = sorted(folder.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    for report in cnreport.parse_many(texts, sources=[p.name for p in paths]):
        for m in report.metrics:
            if m.speaker is not None and m.speaker.title is not None:
                counts[m.speaker.name][m.category or "other"] += 1
    return counts


def chart(counts: dict[str, Counter[str]], out: Path) -> None:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib import font_manager

    # Speaker names are Chinese: use a CJK font when the system has one, and
    # their pinyin when it has none.
    installed = {f.name for f in font_manager.fontManager.ttflist}
    font = next((name for name in ("Noto Sans CJK SC", "Noto Sans CJK JP", "WenQuanYi Zen Hei",
                                   "SimHei", "Microsoft YaHei", "PingFang SC")
                 if name in installed), None)
    if font is not None:
        plt.rcParams["font.family"] = font
    speakers = list(counts)
    labels = speakers if font is not None else [_pinyin(s) for s in speakers]
    categories = sorted({c for per in counts.values() for c in per},
                        key=lambda c: (c == "other", c))
    fig, ax = plt.subplots(figsize=(9, 0.45 * len(speakers) + 1.5))
    left = [0] * len(speakers)
    palette = plt.get_cmap("tab20").colors
    for n, category in enumerate(categories):
        widths = [counts[s][category] for s in speakers]
        color = "lightgrey" if category == "other" else palette[n % len(palette)]
        ax.barh(labels, widths, left=left, label=category, color=color)
        left = [a + b for a, b in zip(left, widths, strict=True)]
    ax.invert_yaxis()
    ax.set_xlabel("figures stated (metrics)")
    ax.set_title("Metrics per speaker, by category")
    ax.legend(fontsize="small", ncol=2, loc="lower right")
    fig.tight_layout()
    fig.savefig(out, dpi=120)
    plt.close(fig)


def _pinyin(name: str) -> str:
    from pypinyin import lazy_pinyin
    syllables = lazy_pinyin(name)
    return (syllables[0] + " " + "".join(syllables[1:])).title()


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else Path("seeds")
    out = Path(argv[1]) if len(argv) > 1 else Path("metrics-per-speaker.png")
    counts = metrics_per_speaker(folder)
    chart(counts, out)
    total = sum(sum(c.values()) for c in counts.values())
    print(f"{out}: {total} figures from {len(counts)} speakers")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
