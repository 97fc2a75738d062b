import os

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
