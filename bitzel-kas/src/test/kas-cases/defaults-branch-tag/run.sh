#!/bin/bash
# defaults-branch-tag: defaults.repos.branch applies to repos without a branch of their own; an explicit
# branch wins; 'branch: null' drops the default so that a tag can be used. defaults.repos.tag likewise,
# with 'tag: null' + branch, and a repo pinned by commit that still inherits the default tag (it must
# point to the commit's tag).
. "$(dirname "$0")/../_lib/common.sh"
case_init "$@"
fixture_core
fixture_layer layer-a
fixture_layer layer-b
record_upstream_revs
project_copy
kas_run dump-branch dump ../project/branch.yml
kas_run dump-branch-resolve dump --resolve-refs ../project/branch.yml
kas_run checkout-branch checkout ../project/branch.yml
collect_conf "$WORK/build" conf-branch
for r in core layer-a layer-b; do collect_repo "branch-$r" "$WORK/$r"; done
mkdir -p "$T/w2"
KAS_CWD=$T/w2 kas_run dump-tag dump --resolve-refs ../project/tag.yml
KAS_CWD=$T/w2 kas_run checkout-tag checkout ../project/tag.yml
for r in core layer-a layer-b; do collect_repo "tag-$r" "$T/w2/$r"; done
case_finish
