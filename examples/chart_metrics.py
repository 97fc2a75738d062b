"""Chart the metrics of a folder of reports, per speaker, as a PNG.

    python examples/chart_metrics.py seeds/ metrics-per-speaker.png

Needs matplotlib (``pip install 'cnreport[examples]'``). Each bar is a
speaker, with or without a title; its parts count the speaker's figures by
category (users, revenue, …), so the chart shows who brought which kind of
number. The figures outside any speaker's section are the last bar.

Speaker names are drawn in Chinese with the first installed font that has
their characters (any font: the system's fonts are searched, not a list of
names). Where there is none the names are drawn in pinyin and the script
says what to install, for example ``apt-get install fonts-noto-cjk`` on
Debian or Ubuntu.
"""
from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Optional

import cnreport

INSTALL_HINT = ("install a font with Chinese characters, for example: apt-get install fonts-noto-cjk "
                "(Debian, Ubuntu), dnf install google-noto-sans-cjk-fonts (Fedora), "
                "brew install --cask font-noto-sans-cjk (macOS)")


NO_SPEAKER = "(no speaker)"


def metrics_per_speaker(folder: Path) -> dict[str, Counter[str]]:
    """Category counts of the figures each speaker gave, in speaking order,
    every speaker with a title or without; the figures outside any
    speaker's section last, under :data:`NO_SPEAKER`."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    paths = sorted(folder.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    for report in cnreport.parse_many(texts, sources=[p.name for p in paths]):
        for m in report.metrics:
            counts[m.speaker.name if m.speaker is not None else NO_SPEAKER][m.category or "other"] += 1
    if NO_SPEAKER in counts:
        counts[NO_SPEAKER] = counts.pop(NO_SPEAKER)  # drawn last
    return dict(counts)


def cjk_font(text: str) -> Optional[str]:
    """The family name of an installed font that has every character of
    ``text``, or ``None``. Fonts matplotlib already knows are tried first,
    then the system's font files (a font installed after matplotlib built
    its font cache is found and added)."""
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    wanted = {ord(c) for c in text if not c.isascii() and not c.isspace()}

    def covers(path: str) -> bool:
        try:
            font = FT2Font(path)
        except (OSError, RuntimeError, ValueError):
            return False
        return all(font.get_char_index(c) for c in wanted)

    for entry in font_manager.fontManager.ttflist:
        # matplotlib's own Last Resort font "has" every character as a box
        if not entry.name.startswith("Last Resort") and covers(entry.fname):
            return str(entry.name)
    for path in font_manager.findSystemFonts():
        if covers(path):
            font_manager.fontManager.addfont(path)
            return str(font_manager.FontProperties(fname=path).get_name())
    return None


def chart(counts: dict[str, Counter[str]], out: Path) -> list[str]:
    """Draw ``counts`` to ``out``; returns the speaker labels drawn (in
    Chinese, or in pinyin where no installed font has their characters)."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    speakers = list(counts)
    font = cjk_font("".join(s for s in speakers if s != NO_SPEAKER))
    if font is None:
        print(f"no installed font has the characters of {'、'.join(speakers[:3])}…: the names are in "
              f"pinyin; {INSTALL_HINT}", file=sys.stderr)
    labels = speakers if font is not None else [s if s.isascii() else _pinyin(s) for s in speakers]
    categories = sorted({c for per in counts.values() for c in per}, key=lambda c: (c == "other", c))
    with plt.rc_context({"font.family": [font, "DejaVu Sans"] if font else ["DejaVu Sans"]}):
        fig, ax = plt.subplots(figsize=(10, 0.45 * len(speakers) + 1.5))
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
        ax.legend(fontsize="small", loc="upper left", bbox_to_anchor=(1.01, 1))  # beside the bars
        fig.tight_layout()
        fig.savefig(out, dpi=120)
        plt.close(fig)
    return labels


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
    speakers = len([s for s in counts if s != NO_SPEAKER])
    print(f"{out}: {total} figures from {speakers} speakers and outside their sections")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
