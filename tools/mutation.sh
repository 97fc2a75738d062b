#!/usr/bin/env bash
# Mutation testing of the numeral and number cores with mutmut (configured in
# pyproject.toml): each mutant is a small change to the code (a flipped
# comparison, a changed constant); the tests that read numbers must fail on
# it. Prints mutmut's results and the share of mutants killed.
#
#   tools/mutation.sh             # all of cnreport/numerals and cnreport/numbers
#   tools/mutation.sh 2           # with two worker processes
set -euo pipefail
cd "$(dirname "$0")/.."
python="${PYTHON:-.venv/bin/python}"
"$python" -m pip install --quiet 'mutmut>=3.3,<4'
export CNREPORT_HYPOTHESIS_PROFILE=mutation
"$python" -m mutmut run --max-children "${1:-2}" || true
"$python" -m mutmut results --all true > mutants/results.txt || true
"$python" - <<'PY'
import collections, re
counts = collections.Counter()
for line in open("mutants/results.txt", encoding="utf-8"):
    m = re.search(r":\s*(\w[\w ]*)$", line.strip())
    if m:
        counts[m.group(1).strip()] += 1
total = sum(counts.values())
killed = counts.get("killed", 0)
print(dict(counts))
print(f"killed {killed} of {total} mutants: {100 * killed / max(total, 1):.1f}%")
PY
