#!/bin/bash
# err-tag-commit-mismatch: with both tag and commit, the tag must point to the commit: a lightweight
# tag on another commit and an annotated tag whose commit differs are errors (exit 2); the annotated
# tag's own object id is accepted as commit; a tag that does not exist upstream is an error; a
# 'refs/tags/' prefix is accepted.
. "$(dirname "$0")/../_lib/common.sh"
case_init "$@"
fixture_core
record_upstream_revs
project_copy
sed -i "s#@TAGOBJ@#$(git -C "$UP/core" rev-parse refs/tags/v2.0)#" "$PRJ/tag-object.yml"
for n in light annotated tag-object unknown-tag refs-tag; do
    mkdir -p "$T/w-$n"
    KAS_CWD=$T/w-$n kas_run "checkout-$n" checkout ../project/$n.yml
    [ ! -d "$T/w-$n/core/.git" ] || collect_repo "$n" "$T/w-$n/core"
done
KAS_CWD=$T/w-tag-object kas_run dump-tag-object dump --resolve-refs ../project/tag-object.yml
KAS_CWD=$T/w-refs-tag kas_run dump-refs-tag dump --resolve-refs ../project/refs-tag.yml
case_finish
