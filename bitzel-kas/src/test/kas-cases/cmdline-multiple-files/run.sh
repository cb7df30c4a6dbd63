#!/bin/bash
# cmdline-multiple-files: FILE:FILE:FILE on the command line behaves like includes of a virtual top file,
# left to right (the last file wins); reversing the order reverses who wins. Only the first file's lock
# file and directory matter for the top repo. kas build shows targets/task of the merged config.
. "$(dirname "$0")/../_lib/common.sh"
case_init "$@"
fixture_core
fixture_layer layer-a
record_upstream_revs
project_copy
kas_run dump-abc dump ../project/a.yml:../project/b.yml:../project/c.yml
kas_run checkout-abc checkout ../project/a.yml:../project/b.yml:../project/c.yml
collect_conf "$WORK/build" conf-abc
collect_repo core-abc "$WORK/core"
kas_run build-abc build ../project/a.yml:../project/b.yml:../project/c.yml
collect_file bitbake-invocation-abc.txt "$WORK/build/bitbake-invocation.txt"
mkdir -p "$T/w2"
KAS_CWD=$T/w2 kas_run dump-cba dump ../project/c.yml:../project/b.yml:../project/a.yml
KAS_CWD=$T/w2 kas_run checkout-cba checkout ../project/c.yml:../project/b.yml:../project/a.yml
collect_conf "$T/w2/build" conf-cba
collect_repo core-cba "$T/w2/core"
case_finish
