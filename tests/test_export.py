"""Records out: one missing-value convention in pandas, exact values kept."""
from __future__ import annotations

import pytest

import cnreport
from cnreport.export import COLUMNS, to_frame


def test_to_frame_has_one_missing_value_and_documented_dtypes() -> None:
    pd = pytest.importorskip("pandas")
    report = cnreport.parse("邱躍鵬-騰訊副總裁\n騰訊全網服務器總量已經超過100萬臺，收入5~6億元", source="a.txt")
    frame = report.to_frame()
    assert list(frame.columns) == list(COLUMNS)
    assert {str(frame[c].dtype) for c in ("start", "end")} == {"Int64"}
    assert str(frame["value_float"].dtype) == "Float64"
    assert all(isinstance(frame[c].dtype, pd.StringDtype) for c in COLUMNS
               if c not in ("start", "end", "value_float"))
    # every missing cell is pd.NA, in every column: no None, no NaN
    cells = [frame.at[k, c] for k in frame.index for c in COLUMNS]
    assert not [v for v in cells if v is None or (isinstance(v, float) and v != v)]
    ranged = frame[frame["text"] == "5~6億元"].iloc[0]
    assert ranged["value"] is pd.NA and ranged["value_float"] is pd.NA
    assert (ranged["low"], ranged["high"]) == ("500000000", "600000000")  # exact, as strings
    assert frame.loc[0, "value_float"] == 1000000.0 and frame.loc[0, "start"] == report.metrics[0].mention.start


def test_to_frame_of_nothing_keeps_the_columns_and_dtypes() -> None:
    pytest.importorskip("pandas")
    frame = to_frame([])
    assert list(frame.columns) == list(COLUMNS) and len(frame) == 0
    assert str(frame["start"].dtype) == "Int64" and str(frame["value_float"].dtype) == "Float64"
