#!/usr/bin/env bash
# Build cnreport's wheels into dist/: the pure-Python wheel (py3-none-any)
# and the compiled wheel for this platform and Python (mypyc, see
# docs/performance.md). Both are built from the sdist, in pip's temporary
# folders, so that no compiled module is left in the source tree to shadow
# the Python one.
#
#     bash tools/build_wheels.sh            # with the python3 on PATH
#     PYTHON=/path/to/python bash tools/build_wheels.sh
set -euo pipefail
cd "$(dirname "$0")/.."
python="${PYTHON:-python3}"
out="$(pwd)/dist"
mkdir -p "$out"
rm -f "$out"/cnreport-*.whl "$out"/cnreport-*.tar.gz
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The sdist, in a venv of its own with the build frontend.
"$python" -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet build
"$work/venv/bin/python" -m build --sdist --outdir "$work" .
sdist="$(ls "$work"/cnreport-*.tar.gz)"
# The pure wheel, then the compiled one (HATCH_BUILD_HOOK_ENABLE_MYPYC=1
# turns on the pyproject's mypyc build hook).
"$work/venv/bin/pip" wheel --quiet --no-cache-dir --no-deps --wheel-dir "$out" "$sdist"
HATCH_BUILD_HOOK_ENABLE_MYPYC=1 "$work/venv/bin/pip" wheel --quiet --no-cache-dir --no-deps --wheel-dir "$out" "$sdist"
cp "$sdist" "$out/"
ls -l "$out"
