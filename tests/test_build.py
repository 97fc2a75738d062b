"""Which build of cnreport the suite runs: the pure one, or the compiled one
(tools/build_wheels.sh) whose hot modules are C extensions.

``.ci/run`` runs the suite twice: on the source tree, and on the installed
compiled wheel with ``CNREPORT_REQUIRE_COMPILED=1``
(``tools/test_installed.sh``). This test makes sure each run imports the
build it means to test.
"""
from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from typing import Any

import pytest

import cnreport

# Where the time goes: the walk over a text, the numeral reader, the metric
# tagger, the speaker lines.
HOT = ["cnreport.numbers.scan", "cnreport.numbers.reader", "cnreport.numerals.scan", "cnreport.numerals.tokens",
       "cnreport.metrics.tagger", "cnreport.metrics.subject", "cnreport.speakers.lines"]
# The public functions that check their arguments stay in Python in either
# build, so that a wrong type gets their own TypeError.
CHECKING = ["cnreport.numbers.find", "cnreport.numerals.parse", "cnreport.numerals.writing",
            "cnreport.speakers.sections", "cnreport.metrics", "cnreport.report", "cnreport.periods"]
COMPILED = os.environ.get("CNREPORT_REQUIRE_COMPILED") == "1"


def _is_extension(name: str) -> bool:
    path = importlib.import_module(name).__file__
    assert path is not None
    return not path.endswith(".py")


@pytest.mark.parametrize("name", HOT)
def test_the_hot_modules_are_compiled_in_the_compiled_build_only(name: str) -> None:
    assert _is_extension(name) is COMPILED


@pytest.mark.parametrize("name", CHECKING)
def test_the_checking_entry_points_stay_in_python(name: str) -> None:
    assert not _is_extension(name)


@pytest.mark.parametrize(("function", "given", "message"), [
    (cnreport.find_numbers, b"42", "find_numbers() takes a str, not bytes"),
    (cnreport.parse_number, 42, "parse_number() takes a str, not int"),
    (cnreport.segment, None, "segment() takes a str, not NoneType"),
    (cnreport.normalize_period, b"2023", "normalize_period() takes a str, not bytes"),
    (cnreport.to_chinese, "42", "to_chinese() takes an int or Decimal, not str"),
])
def test_a_wrong_type_gets_the_function_s_own_message(function: Callable[[Any], object], given: object,
                                                        message: str) -> None:
    with pytest.raises(TypeError) as raised:
        function(given)
    assert str(raised.value).startswith(message)
