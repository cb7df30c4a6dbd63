#!/bin/bash
# premirrors-refdir-depth: KAS_PREMIRRORS ("regex replacement" lines) rewrites the url used for cloning
# and for origin; KAS_REPO_REF_DIR holds one bare reference repo per url (named from host and path
# with / : @ * turned into dots, credentials included) that new clones borrow from; KAS_CLONE_DEPTH
# makes shallow clones: a branch repo gets --depth N --branch B, a commit-only repo fetches just that
# commit, a tag repo fetches the tag.
. "$(dirname "$0")/../_lib/common.sh"
case_init "$@"
fixture_core
fixture_layer layer-a
fixture_layer layer-b
record_upstream_revs
project_copy
mirrors="^https://git\.invalid/upstream/ $UP/
^https://(user:secret@)?mirror\.invalid/(layer-[ab])\.git file://$UP/\2"
mkdir -p "$T/w-ref" "$T/w-depth"
KAS_CWD=$T/w-ref KAS_PREMIRRORS="$mirrors" KAS_REPO_REF_DIR=$T/refs kas_run checkout-ref checkout ../project/kas.yml
collect_listing refs "$T/refs" 1
for r in core layer-a layer-b tagged; do
    collect_repo "ref-$r" "$T/w-ref/$r"
    { echo "alternates: $(sed "s#$T#__TMP__#" "$T/w-ref/$r/.git/objects/info/alternates" 2>/dev/null || echo none)"
      echo "shallow: $(git -C "$T/w-ref/$r" rev-parse --is-shallow-repository)"; } > "$ACT/ref-$r-objects.txt"
done
collect_conf "$T/w-ref/build" conf-ref
KAS_CWD=$T/w-depth KAS_PREMIRRORS="$mirrors" KAS_CLONE_DEPTH=1 kas_run checkout-depth checkout ../project/kas.yml
for r in core layer-a layer-b tagged; do
    collect_repo "depth-$r" "$T/w-depth/$r"
    { echo "shallow: $(git -C "$T/w-depth/$r" rev-parse --is-shallow-repository)"
      echo "commits: $(git -C "$T/w-depth/$r" rev-list --count HEAD)"; } > "$ACT/depth-$r-objects.txt"
done
KAS_CWD=$T/w-depth KAS_PREMIRRORS="$mirrors" KAS_CLONE_DEPTH=x kas_run checkout-depth-bad checkout ../project/kas.yml
case_finish
