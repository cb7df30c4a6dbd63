#!/bin/bash
# layers-prio-order: BBLAYERS is sorted by layer prio (descending), then repo name (not id), then layer
# path; YAML order does not matter. '.' is the repo root. An including file changes a prio, disables a
# layer and resets a prio to the default by replacing the mapping with null.
. "$(dirname "$0")/../_lib/common.sh"
case_init "$@"
fixture_core
fixture_layer layer-a
fixture_layer layer-b
record_upstream_revs
project_copy
kas_run dump dump ../project/kas.yml
kas_run checkout checkout ../project/kas.yml
collect_conf "$WORK/build" conf
kas_run dump-override dump --format json ../project/override.yml
kas_run checkout-override checkout ../project/override.yml
collect_conf "$WORK/build" conf-override
case_finish
