#!/bin/bash
# url-null-switch-to-local: format 12 lets an including file set a repo's url to null (with a path:
# the repo becomes an unmanaged local folder, its branch is kept but not used) and a path to null
# (back to the default <work>/<name>).
. "$(dirname "$0")/../_lib/common.sh"
case_init "$@"
fixture_core
fixture_layer layer-a
record_upstream_revs
project_copy
kas_run dump dump ../project/kas.yml
kas_run dump-resolve dump --resolve-refs ../project/kas.yml
kas_run checkout checkout ../project/kas.yml
collect_conf
collect_listing work "$WORK" 1
collect_repo core "$WORK/core"
kas_run for-all-repos for-all-repos ../project/kas.yml 'echo "$KAS_REPO_NAME path=$KAS_REPO_PATH url=$KAS_REPO_URL branch=$KAS_REPO_BRANCH"'
case_finish
