#!/bin/bash
# patches-file-and-quilt: a git format-patch file and a quilt directory (series with comments) from the
# project repo (defaults.repos.patches.repo), applied in patch-id order on a patched-<ref> branch, one
# kas commit per patch file (author kas, date from the patch's Date: line or its mtime); a tag repo
# gets patched-<tag>. A second checkout re-applies them on a fresh branch from the wanted ref.
. "$(dirname "$0")/../_lib/common.sh"
case_init "$@"
fixture_core
fixture_layer layer-a
record_upstream_revs
project_copy
touch -d '2021-02-03 04:05:06 UTC' "$PRJ"/patches/quilt/*.patch
kas_run checkout checkout ../project/kas.yml
collect_repo core "$WORK/core" "$(rev core main)"
collect_repo layer-a "$WORK/layer-a" "$(rev layer-a v2.0)"
collect_conf
kas_run checkout-again checkout ../project/kas.yml
collect_repo core-again "$WORK/core" "$(rev core main)"
git -C "$WORK/core" branch --list --format='%(refname:short)' > "$ACT/core-branches.txt"
git -C "$WORK/layer-a" branch --list --format='%(refname:short)' > "$ACT/layer-a-branches.txt"
kas_run dump dump ../project/kas.yml
collect_repo core-after-dump "$WORK/core" "$(rev core main)"
case_finish
