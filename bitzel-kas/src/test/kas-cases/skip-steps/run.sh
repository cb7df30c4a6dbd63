#!/bin/bash
# skip-steps: --skip STEP (repeatable) leaves out kas steps: without repos_apply_patches the checkout is
# unpatched, without write_bbconfig no conf files are written (the build dir still gets its
# CACHEDIR.TAG); skipping setup_dir as well leaves the build dir out; skipping repos_checkout leaves a
# clone at the remote HEAD. An unknown step is a usage error (exit 2).
. "$(dirname "$0")/../_lib/common.sh"
case_init "$@"
fixture_core
record_upstream_revs
project_copy
kas_run checkout-skip checkout --skip repos_apply_patches --skip write_bbconfig ../project/kas.yml
collect_repo core-skip "$WORK/core"
collect_listing work-skip "$WORK" 2
kas_run checkout checkout ../project/kas.yml
collect_repo core "$WORK/core" "$(rev core v2.0)"
collect_conf
mkdir -p "$T/w2"
KAS_CWD=$T/w2 kas_run checkout-skip-more checkout --skip setup_dir --skip write_bbconfig --skip repos_checkout ../project/kas.yml
collect_listing w2 "$T/w2" 1
collect_repo core-no-checkout "$T/w2/core"
mkdir -p "$T/w3"
KAS_CWD=$T/w3 kas_run shell-skip-environ shell --skip setup_environ ../project/kas.yml -c 'echo "bitbake=$(command -v bitbake || echo none) fake=${FAKE_OE_VAR:-unset}"'
KAS_CWD=$T/w3 kas_run checkout-bad-step checkout --skip no_such_step ../project/kas.yml
KAS_CWD=$T/w3 kas_run checkout-skip-home checkout --skip setup_home ../project/kas.yml
case_finish
