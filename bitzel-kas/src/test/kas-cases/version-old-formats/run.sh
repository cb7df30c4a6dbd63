#!/bin/bash
# version-old-formats: files of formats 1, 5 and 8 (refspec, multiconfig targets, env, type, patches)
# included from each other still work in kas 5.4; the merged header.version is the highest (8);
# proxy_config only warns. dump --resolve-refs writes the refspec, not a commit.
. "$(dirname "$0")/../_lib/common.sh"
case_init "$@"
fixture_core
fixture_layer layer-a
record_upstream_revs
project_copy
touch -d '2022-03-04 05:06:07 UTC' "$PRJ/patches/note.patch"
kas_run dump dump ../project/v1.yml
kas_run dump-resolve dump --resolve-refs ../project/v1.yml
kas_run build build ../project/v1.yml
collect_conf
collect_file bitbake-invocation.txt "$WORK/build/bitbake-invocation.txt"
collect_repo core "$WORK/core"
collect_repo layer-a "$WORK/layer-a" "$(rev layer-a v1.0)"
case_finish
