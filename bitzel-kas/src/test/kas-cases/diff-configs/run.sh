#!/bin/bash
# diff-configs: kas diff compares two merged configurations (overrides such as lock files applied):
# a changed scalar, a changed commit (with the commits between the two listed for the repo, newest
# first), a commit going backwards, a tag replacing a branch, identical configs (empty
# result), a lock file (overrides replace the whole repos mapping: a kas quirk). JSON is the stable
# format (but kas orders several changed keys randomly: such outputs are compared softly); the text
# format is informational.
. "$(dirname "$0")/../_lib/common.sh"
case_init "$@"
fixture_core
fixture_layer layer-a
record_upstream_revs
project_copy
kas_run diff-machine diff --format json ../project/old.yml ../project/new-machine.yml
kas_run diff-commit diff --format json ../project/old.yml ../project/new-commit.yml
kas_run diff-commit-back diff --format json ../project/new-commit.yml ../project/old.yml
kas_run diff-same diff --format json ../project/old.yml ../project/old.yml
KAS_RUN_STDOUT_SOFT=1 kas_run diff-tag diff --format json ../project/old.yml ../project/new-tag.yml
KAS_RUN_STDOUT_SOFT=1 kas_run diff-locked diff --format json ../project/old.yml ../project/locked.yml
KAS_RUN_STDOUT_SOFT=1 kas_run diff-text diff --no-color ../project/old.yml ../project/new-commit.yml
KAS_RUN_STDOUT_SOFT=1 kas_run diff-oneline diff --oneline --no-color --commit-only ../project/old.yml ../project/new-commit.yml
KAS_RUN_STDOUT_SOFT=1 kas_run diff-content diff --content-only ../project/old.yml ../project/new-machine.yml
kas_run diff-bad-format diff --format xml ../project/old.yml ../project/new-machine.yml
case_finish
