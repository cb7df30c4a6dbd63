#!/bin/bash
# includes-nested-diamond: includes are merged depth first, a file's includes before the file; common.yml
# is included by a.yml and b.yml and merged at both places (so its values come back after a.yml's);
# lists are replaced, not joined; the merged header.version is the highest one used; dump keeps the key
# order of first appearance, local.conf sorts the header blocks by id.
. "$(dirname "$0")/../_lib/common.sh"
case_init "$@"
fixture_core
fixture_layer layer-a
record_upstream_revs
project_copy
kas_run dump dump ../project/kas.yml
kas_run dump-sorted dump --sort --indent 4 ../project/kas.yml
kas_run checkout checkout ../project/kas.yml
collect_conf
collect_repo core "$WORK/core"
case_finish
