#!/bin/bash
# env-section: env defaults are exported to the build environment unless the caller sets the variable
# (the caller wins, also over what the init script set); a null default is only added to the
# passthrough list and exported when the caller sets it; every env name is appended to
# BB_ENV_PASSTHROUGH_ADDITIONS after SSTATE_DIR SSTATE_MIRRORS DL_DIR TMPDIR. Unrelated caller
# variables do not reach the shell. dump --resolve-env writes the effective values.
. "$(dirname "$0")/../_lib/common.sh"
case_init "$@"
fixture_core
record_upstream_revs
project_copy
kas_run shell-defaults shell ../project/kas.yml -c "$PRINT_ENV_CMD"
BAR=caller-bar ONLY_PASSTHROUGH=caller-pt UNRELATED=x SSTATE_DIR=/caller/sstate kas_run shell-caller \
    shell ../project/kas.yml -c "$PRINT_ENV_CMD"
FOO=caller-foo kas_run build build ../project/kas.yml
collect_file bitbake-invocation.txt "$WORK/build/bitbake-invocation.txt"
kas_run dump dump ../project/kas.yml
BAR=caller-bar ONLY_PASSTHROUGH=caller-pt kas_run dump-resolve-env dump --resolve-env ../project/kas.yml
kas_run dump-resolve-env-json dump --resolve-env --format json ../project/kas.yml
kas_run dump-env-lock dump --resolve-env --lock ../project/kas.yml
case_finish
