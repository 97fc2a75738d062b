# %% [markdown]
# # cnreport in five minutes
#
# A notebook-style walkthrough (the `# %%` cells open as a notebook in
# Jupyter with jupytext, in VS Code and in PyCharm; it also runs as a script):
# read the seed reports, look at their speakers, and turn their figures into a
# table.
#
#     python examples/walkthrough.py

# %%
from pathlib import Path

import cnreport

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
text = (SEEDS / "000_f7e51955b27f69e8.txt").read_text(encoding="utf-8")

# %% [markdown]
# ## Numbers: exact values, units, qualifiers

# %%
for m in cnreport.find_numbers(text)[:8]:
    print(f"{m.text:12} {m.value!s:>12} {m.unit or '':4} {m.qualifier or '':3} {m.kind}")

# %% [markdown]
# ## Speakers: who speaks where, under which heading

# %%
for s in cnreport.segment(text):
    if s.speaker is not None:
        print(f"{s.speaker.name:4} {s.speaker.org or '':4} {s.heading or '':8} {s.speaker.title}")

# %% [markdown]
# ## Metrics: each figure with its subject, period and speaker

# %%
report = cnreport.parse(text, source="000")
for m in report.metrics[13:20]:
    print(f"{m.mention.text:10} {m.subject or '-':10} {m.category or '-':14} "
          f"{m.entity or '-':6} {m.period or '-':16} {m.speaker.name if m.speaker else '-'}")

# %% [markdown]
# ## A table for analysis
#
# `to_frame()` needs pandas. Exact values stay strings (`value`); use
# `value_float` for charts.

# %%
try:
    frame = report.to_frame()
except ImportError:
    print("pandas is not installed; report.to_csv() gives the same table as CSV")
else:
    by_category = frame.groupby("category")["text"].count().sort_values(ascending=False)
    print(by_category.head(8).to_string())
    users = frame[frame["category"] == "users"][["text", "value", "subject", "speaker"]]
    print(users.to_string(index=False))

# %% [markdown]
# ## The same person under other spellings

# %%
other = (SEEDS / "004_972747a4cc52b858.txt").read_text(encoding="utf-8")
names = {s.speaker.name for s in cnreport.segment(other) if s.speaker is not None}
print(sorted(names), [cnreport.same_speaker("林璟驊", n) for n in sorted(names)])
