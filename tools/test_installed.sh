#!/usr/bin/env bash
# Run the test suite against the cnreport installed in another environment
# (the compiled wheel's, say) rather than against the source tree: from a
# copy of the repository without cnreport/, so that no path that pytest or a
# test puts on sys.path finds the Python sources first.
#
#     bash tools/test_installed.sh PYTHON [pytest arguments]
#
# The tests and the doctests of README.md and docs/ run; the doctests in the
# modules' docstrings run in the source tree's run only (compiled functions
# keep no docstring).
set -euo pipefail
cd "$(dirname "$0")/.."
python="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
shift
copy="$(mktemp -d)"
trap 'rm -rf "$copy"' EXIT
tar --exclude=./cnreport --exclude='./.venv*' --exclude=./.git --exclude=./dist --exclude=./site \
    --exclude=./mutants --exclude=./.hypothesis --exclude=./.pytest_cache -cf - . | tar -xf - -C "$copy"
cd "$copy"
"$python" -m pytest -p no:cacheprovider tests README.md docs "$@"
