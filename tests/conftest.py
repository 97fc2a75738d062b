import os
import sys

from hypothesis import HealthCheck, settings

settings.register_profile("default", max_examples=200, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", max_examples=600, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
# Mutation runs (tools/mutation.sh) run the tests once per mutant: fewer,
# fixed examples, so that a mutant's verdict is the same on every run.
settings.register_profile("mutation", max_examples=40, deadline=None, derandomize=True, database=None,
                          suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("CNREPORT_HYPOTHESIS_PROFILE", "default"))


def pytest_sessionstart(session: object) -> None:
    # mutmut runs each mutant's tests in a process forked from one that has
    # run them already: the tables and memos built at first use (word tags,
    # patterns, lexicons) would be the unmutated code's, and a mutant in the
    # code that builds them could never fail a test. They are built afresh.
    if os.environ.get("MUTANT_UNDER_TEST", "") not in ("", "stats", "fail"):
        for name, module in list(sys.modules.items()):
            if name.startswith("cnreport") and module is not None:
                for value in list(vars(module).values()):
                    if callable(getattr(value, "cache_clear", None)):
                        value.cache_clear()
