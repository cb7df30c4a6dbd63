#!/bin/bash
# lock-external-include: layer-a ships kas/inc.yml (defines layer-b on branch main) and the lock file
# kas/inc.lock.yml next to it (pins layer-b to v1.0 and core to v1.0). The lock file of a file from
# another repo is used, but 'kas lock' never edits it: up-to-date locks are kept, floating repos that no
# lock covers (layer-a) go into the project's kas.lock.yml; with --update, layer-b's external lock is
# reported and left alone while core (also pinned in the project's own lock file) is updated there.
. "$(dirname "$0")/../_lib/common.sh"
case_init "$@"
fixture_core
fixture_layer layer-a
fixture_layer layer-b
repo_file layer-a kas/inc.yml "$(printf 'header:\n  version: 23\nrepos:\n  layer-b:\n    url: %s/layer-b\n    branch: main\n' "$FAKE_UPSTREAM")"
repo_file layer-a kas/inc.lock.yml "$(printf 'header:\n  version: 14\noverrides:\n  repos:\n    layer-b:\n      commit: %s\n    core:\n      commit: %s\n' "$(rev layer-b v1.0)" "$(rev core v1.0)")"
repo_commit layer-a "layer-a: kas include with lock file"
record_upstream_revs
project_copy
use_premirror
kas_run dump dump ../project/kas.yml
kas_run checkout checkout ../project/kas.yml
collect_repo layer-b "$WORK/layer-b"
collect_repo core "$WORK/core"
KAS_RUN_STDOUT_SOFT=1 kas_run lock lock ../project/kas.yml
collect_file lockfiles/kas.lock.yml "$PRJ/kas.lock.yml"
collect_file lockfiles/inc.lock.yml "$WORK/layer-a/kas/inc.lock.yml"
KAS_RUN_STDOUT_SOFT=1 kas_run lock-update lock --update ../project/kas.yml
collect_file lockfiles/kas.lock-after-update.yml "$PRJ/kas.lock.yml"
collect_file lockfiles/inc.lock-after-update.yml "$WORK/layer-a/kas/inc.lock.yml"
echo "dirty: $(git -C "$WORK/layer-a" status --porcelain | wc -l)" > "$ACT/layer-a-status.txt"
case_finish
