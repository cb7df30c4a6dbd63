#!/bin/bash
# overrides-manual: a hand-written 'overrides' section: commit pins a floating branch (no unsafe
# warning), url replaces the remote (origin follows it), branch switches the tracked branch,
# 'commit: null' drops a pinned commit (back to floating), a legacy refspec repo only takes the
# override's commit, an unknown repo is ignored. dump shows the section; --resolve-refs drops it.
. "$(dirname "$0")/../_lib/common.sh"
case_init "$@"
fixture_core
fixture_layer layer-a
fixture_layer layer-b
git clone -q --mirror "$UP/layer-a" "$UP/layer-a-mirror"
record_upstream_revs
project_copy
kas_run dump dump ../project/kas.yml
kas_run dump-resolve dump --resolve-refs ../project/kas.yml
kas_run dump-lock dump --lock ../project/kas.yml
kas_run checkout checkout ../project/kas.yml
collect_conf
for r in core layer-a layer-b legacy; do collect_repo "$r" "$WORK/$r"; done
kas_run for-all-repos for-all-repos ../project/kas.yml 'echo "$KAS_REPO_NAME url=$KAS_REPO_URL commit=$KAS_REPO_COMMIT branch=$KAS_REPO_BRANCH refspec=$KAS_REPO_REFSPEC"'
case_finish
