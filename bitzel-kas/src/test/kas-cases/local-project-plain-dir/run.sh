#!/bin/bash
# local-project-plain-dir: a project outside any VCS. The top repo is the directory of the first config
# file (here project/sub, so repo-relative includes start there); url-less repos use it (no path) or a
# path relative to the work dir. --resolve-local warns that local repos are not under version control
# and adds nothing; for-all-repos runs in the local dirs with empty URL/COMMIT.
. "$(dirname "$0")/../_lib/common.sh"
case_init "$@"
fixture_core
record_upstream_revs
project_copy
kas_run dump dump ../project/sub/kas.yml
kas_run dump-resolve-local dump --resolve-local ../project/sub/kas.yml
kas_run checkout checkout ../project/sub/kas.yml
collect_conf
kas_run for-all-repos for-all-repos ../project/sub/kas.yml 'echo "$KAS_REPO_NAME path=$KAS_REPO_PATH url=$KAS_REPO_URL commit=$KAS_REPO_COMMIT pwd=$(pwd)"'
collect_listing project "$PRJ" 3
case_finish
