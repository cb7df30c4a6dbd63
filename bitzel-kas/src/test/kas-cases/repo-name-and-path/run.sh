#!/bin/bash
# repo-name-and-path: 'name' is the checkout directory below the work dir and the sort key of
# BBLAYERS; a relative 'path' starts at the work dir, an absolute one is used as written (here with
# a '..' in it). The same upstream may be checked out twice under different ids. for-all-repos shows
# KAS_REPO_NAME and KAS_REPO_PATH.
. "$(dirname "$0")/../_lib/common.sh"
case_init "$@"
fixture_core
fixture_layer layer-a
fixture_layer layer-b
record_upstream_revs
project_copy
kas_run dump dump ../project/kas.yml
kas_run checkout checkout ../project/kas.yml
collect_conf
collect_listing work "$WORK" 3
collect_repo zz-core "$WORK/zz-core"
collect_repo sub-dir-a "$WORK/sub/dir/a"
collect_repo abs-b "$T/abs/b"
collect_repo mm-c "$WORK/mm-c"
kas_run for-all-repos for-all-repos ../project/kas.yml 'echo "$KAS_REPO_NAME $KAS_REPO_PATH $(pwd)"'
case_finish
