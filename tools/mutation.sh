#!/usr/bin/env bash
# Mutation testing of the numeral, number and metric cores with mutmut
# (configured in pyproject.toml): each mutant is a small change to the code (a
# flipped comparison, a changed constant); the tests that read numbers and
# metrics must fail on it. A seeded random sample of mutants per core is
# judged (tools/mutation.py); prints killed/total per core and overall.
#
#   tools/mutation.sh                                # 150 mutants per core, seed 1, two workers
#   tools/mutation.sh --sample 150 --seed 1 --cores metrics
#   tools/mutation.sh --sample 0                     # every mutant (hours)
#   tools/mutation.sh --unjudged                     # judge again only the sampled mutants not killed
#   tools/mutation.sh --tally                        # count the verdicts recorded so far, judging nothing
set -euo pipefail
cd "$(dirname "$0")/.."
python="${PYTHON:-.venv/bin/python}"
"$python" -m pip install --quiet 'mutmut>=3.8,<3.9'
export CNREPORT_HYPOTHESIS_PROFILE=mutation
exec "$python" tools/mutation.py "$@"
