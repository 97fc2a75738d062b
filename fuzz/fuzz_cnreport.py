"""Coverage-guided fuzzing of cnreport with atheris (run on demand).

    pip install atheris
    python fuzz/fuzz_cnreport.py -max_total_time=600 fuzz/corpus

Every input is decoded to a ``str`` (lone surrogates included) and run through
``find_numbers``, ``segment``, ``parse`` and ``parse_number``; the checks are
the reliability contract (docs/reliability.md): no exception but
``ParseError``, spans that index the text, mentions in order and not
overlapping, sections that cover the text whole, records that print. A crash
found here becomes an ``@example`` in tests/test_properties.py.
"""
from __future__ import annotations

import contextlib
import sys

import atheris

with atheris.instrument_imports():
    import cnreport


def check(text: str) -> None:
    mentions = cnreport.find_numbers(text)
    end = 0
    for m in mentions:
        assert end <= m.start < m.end <= len(text), (m, text)
        assert text[m.start:m.end] == m.text, (m, text)
        end = m.end
    sections = cnreport.segment(text)
    assert "".join(s.text for s in sections) == text
    report = cnreport.parse(text)
    report.to_records()
    with contextlib.suppress(cnreport.ParseError):
        cnreport.parse_number(text)


def test_one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    check(provider.ConsumeUnicode(len(data)))


def main() -> None:
    # Build the lazy tables before fuzzing, so their loading is not timed as a hang.
    cnreport.parse("超過100萬臺，增長15%")
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
